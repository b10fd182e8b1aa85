//! `cargo xtask fuzz`: runs every cargo-fuzz target in the repository
//! (`crates/*/fuzz/fuzz_targets/*.rs`) for a set time each and reports
//! executions and findings.
//!
//! cargo-fuzz needs nightly compiler flags (`-Zsanitizer`, sancov passes).
//! We use an installed nightly toolchain when rustup has one, else the
//! stable compiler with `RUSTC_BOOTSTRAP=1`. The sanitizer defaults to
//! `none`: the workspace forbids `unsafe`, so AddressSanitizer would mostly
//! slow the search down; panics, overflow checks (debug assertions are on in
//! fuzz builds) and the targets' own assertions are what find bugs here.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const USAGE: &str =
    "usage: cargo xtask fuzz [--seconds N] [--target NAME] [--sanitizer none|address] [--stop-on-first] [--list]

  --seconds N     run each target for N seconds (default 60)
  --target NAME   only targets whose name contains NAME (repeatable)
  --sanitizer S   cargo-fuzz sanitizer (default none)
  --stop-on-first stop a target at its first finding (default: keep going in
                  libFuzzer's fork mode and report every distinct finding)
  --list          list the targets and exit
Needs cargo-fuzz: `cargo install cargo-fuzz`.";

struct Target {
    fuzz_dir: PathBuf,
    name: String,
}

fn root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(Path::to_path_buf).unwrap_or(here)
}

fn targets() -> Vec<Target> {
    let mut out = Vec::new();
    let Ok(crates) = std::fs::read_dir(root().join("crates")) else {
        return out;
    };
    let mut dirs: Vec<PathBuf> = crates
        .flatten()
        .map(|e| e.path().join("fuzz"))
        .filter(|p| p.join("Cargo.toml").exists())
        .collect();
    dirs.sort();
    for d in dirs {
        let Ok(rd) = std::fs::read_dir(d.join("fuzz_targets")) else {
            continue;
        };
        let mut names: Vec<String> = rd
            .flatten()
            .filter_map(|e| {
                let p = e.path();
                if p.extension()? != "rs" {
                    return None;
                }
                Some(p.file_stem()?.to_string_lossy().into_owned())
            })
            .collect();
        names.sort();
        for name in names {
            out.push(Target {
                fuzz_dir: d.clone(),
                name,
            });
        }
    }
    out
}

fn has_nightly() -> bool {
    Command::new("rustup")
        .args(["toolchain", "list"])
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .any(|l| l.starts_with("nightly"))
        })
        .unwrap_or(false)
}

/// `cargo fuzz ...` with a compiler that accepts nightly flags.
fn cargo_fuzz(nightly: bool) -> Command {
    let mut c = Command::new("cargo");
    if nightly {
        c.arg("+nightly");
    } else {
        c.env("RUSTC_BOOTSTRAP", "1");
    }
    c.arg("fuzz");
    // Variables cargo set for xtask itself must not leak into the fuzz build.
    for v in [
        "CARGO",
        "CARGO_MANIFEST_DIR",
        "CARGO_PKG_NAME",
        "RUSTUP_TOOLCHAIN",
        "CARGO_TARGET_DIR",
    ] {
        c.env_remove(v);
    }
    c.current_dir(root());
    c
}

/// Seeds an empty corpus with the fixtures and a few generated documents
/// in every format, so the search starts from realistic input.
fn seed_corpus(dir: &Path) -> Result<(), String> {
    if dir.exists()
        && std::fs::read_dir(dir)
            .map(|mut r| r.next().is_some())
            .unwrap_or(false)
    {
        return Ok(());
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut n = 0;
    if let Ok(rd) = std::fs::read_dir(root().join("fixtures")) {
        for e in rd.flatten() {
            if let Ok(b) = std::fs::read(e.path()) {
                if b.len() <= 8192 {
                    // First byte: the target's file-name selector.
                    let mut v = vec![if e.path().extension().is_some_and(|x| x == "html") {
                        2
                    } else {
                        0
                    }];
                    v.extend_from_slice(&b);
                    std::fs::write(dir.join(format!("seed-{n}")), v).map_err(|e| e.to_string())?;
                    n += 1;
                }
            }
        }
    }
    for (i, (ext, text)) in crate::corpus::samples(7, 24).into_iter().enumerate() {
        let sel = match ext {
            "md" => 1,
            "html" => 2,
            _ => 0,
        };
        let mut v = vec![sel];
        v.extend_from_slice(&text.as_bytes()[..text.len().min(4000)]);
        std::fs::write(dir.join(format!("gen-{i}")), v).map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn count_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|r| r.flatten().count())
        .unwrap_or(0)
}

/// `cargo xtask fuzz ...`.
pub fn cmd(args: &[String]) -> Result<(), String> {
    let mut seconds = 60u64;
    let mut only: Vec<String> = Vec::new();
    let mut sanitizer = "none".to_string();
    let mut list = false;
    let mut keep_going = true;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = |n: &str| {
            it.next()
                .cloned()
                .ok_or(format!("{n} needs a value\n\n{USAGE}"))
        };
        match a.as_str() {
            "--seconds" => {
                seconds = val("--seconds")?
                    .parse()
                    .map_err(|e| format!("--seconds: {e}"))?
            }
            "--target" => only.push(val("--target")?),
            "--sanitizer" => sanitizer = val("--sanitizer")?,
            "--list" => list = true,
            "--stop-on-first" => keep_going = false,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown argument {other:?}\n\n{USAGE}")),
        }
    }
    let all: Vec<Target> = targets()
        .into_iter()
        .filter(|t| only.is_empty() || only.iter().any(|o| t.name.contains(o.as_str())))
        .collect();
    if list {
        for t in &all {
            println!(
                "{}  ({})",
                t.name,
                t.fuzz_dir
                    .strip_prefix(root())
                    .unwrap_or(&t.fuzz_dir)
                    .display()
            );
        }
        return Ok(());
    }
    if all.is_empty() {
        return Err("no cargo-fuzz targets found under crates/*/fuzz/fuzz_targets".into());
    }
    let nightly = has_nightly();
    let probe = cargo_fuzz(nightly).arg("--version").output();
    if !probe.map(|o| o.status.success()).unwrap_or(false) {
        return Err("cargo-fuzz is not installed: run `cargo install cargo-fuzz`".into());
    }
    eprintln!(
        "fuzzing {} targets for {seconds}s each with {} (sanitizer {sanitizer})",
        all.len(),
        if nightly {
            "the nightly toolchain"
        } else {
            "stable + RUSTC_BOOTSTRAP=1"
        }
    );
    let logs = root().join("target/fuzz-logs");
    std::fs::create_dir_all(&logs).map_err(|e| format!("{}: {e}", logs.display()))?;
    let mut report = Vec::new();
    let mut failed = false;
    for t in &all {
        let corpus = t.fuzz_dir.join("corpus").join(&t.name);
        seed_corpus(&corpus)?;
        let artifacts = t.fuzz_dir.join("artifacts").join(&t.name);
        let before = count_files(&artifacts);
        let started = std::time::SystemTime::now();
        let log = logs.join(format!("{}.log", t.name));
        let logf = std::fs::File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
        eprintln!(
            "$ cargo fuzz run {} --fuzz-dir {} -s {sanitizer} -- -max_total_time={seconds}",
            t.name,
            t.fuzz_dir.display()
        );
        let status = cargo_fuzz(nightly)
            .args(["run", &t.name, "--fuzz-dir"])
            .arg(&t.fuzz_dir)
            .args(["-s", &sanitizer, "--"])
            .arg(format!("-max_total_time={seconds}"))
            .args(if keep_going {
                // Fork mode: a crash is saved and the search goes on, so
                // one run reports every distinct finding in its time.
                &[
                    "-fork=1",
                    "-ignore_crashes=1",
                    "-ignore_timeouts=1",
                    "-ignore_ooms=1",
                ][..]
            } else {
                &[][..]
            })
            .args([
                "-print_final_stats=1",
                "-max_len=8192",
                "-timeout=20",
                "-rss_limit_mb=2048",
            ])
            .stdout(Stdio::from(logf.try_clone().map_err(|e| e.to_string())?))
            .stderr(Stdio::from(logf))
            .status()
            .map_err(|e| format!("running cargo fuzz: {e}"))?;
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        let stat = |k: &str| -> Option<u64> {
            text.lines()
                .filter_map(|l| l.strip_prefix(k))
                .filter_map(|v| v.trim().parse().ok())
                .next_back()
        };
        // Fork mode prints "#N: cov: ..." status lines instead of final stats.
        let fork_execs = text
            .lines()
            .filter_map(|l| {
                l.strip_prefix('#')?
                    .split_once(": cov:")?
                    .0
                    .parse::<u64>()
                    .ok()
            })
            .next_back();
        let execs = stat("stat::number_of_executed_units:").or(fork_execs);
        let execs_per_s = stat("stat::average_exec_per_sec:")
            .filter(|v| *v > 0)
            .or(execs.map(|e| e / seconds.max(1)));
        let cov = text
            .lines()
            .filter(|l| l.starts_with('#'))
            .filter_map(|l| l.split_whitespace().skip_while(|w| *w != "cov:").nth(1))
            .next_back()
            .and_then(|v| v.parse::<u64>().ok());
        let new_artifacts = count_files(&artifacts).saturating_sub(before);
        let written: Vec<String> = text
            .lines()
            .filter_map(|l| l.split("Test unit written to ").nth(1))
            .map(|s| s.trim().to_string())
            .collect();
        // Distinct panics: location and message.
        let lines: Vec<&str> = text.lines().collect();
        let mut panics: Vec<String> = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            if let Some(at) = l.split("panicked at ").nth(1) {
                let msg = format!(
                    "{} {}",
                    at.trim(),
                    lines.get(i + 1).map_or("", |m| m.trim())
                );
                if !panics.contains(&msg) {
                    panics.push(msg);
                }
            }
        }
        // Fork mode hides the inner processes' panics: replay a few of the
        // new artifacts one by one to name them.
        let mut fresh: Vec<PathBuf> = std::fs::read_dir(&artifacts)
            .map(|r| {
                r.flatten()
                    .filter(|e| {
                        e.metadata()
                            .and_then(|m| m.modified())
                            .is_ok_and(|t| t >= started)
                    })
                    .map(|e| e.path())
                    .collect()
            })
            .unwrap_or_default();
        fresh.sort();
        for a in fresh.iter().take(12) {
            let out = cargo_fuzz(nightly)
                .args(["run", &t.name, "--fuzz-dir"])
                .arg(&t.fuzz_dir)
                .args(["-s", &sanitizer])
                .arg(a)
                .output();
            let Ok(out) = out else { continue };
            let text = String::from_utf8_lossy(&out.stderr).into_owned()
                + &String::from_utf8_lossy(&out.stdout);
            let lines: Vec<&str> = text.lines().collect();
            for (i, l) in lines.iter().enumerate() {
                if let Some(at) = l.split("panicked at ").nth(1) {
                    let msg = format!(
                        "{} {}",
                        at.trim(),
                        lines.get(i + 1).map_or("", |m| m.trim())
                    );
                    if !panics.iter().any(|p| p.starts_with(at.trim())) {
                        panics.push(format!("{msg} (e.g. {})", a.display()));
                    }
                }
            }
        }
        let panic = (!panics.is_empty()).then(|| panics.join(" | "));
        let build_failed = text.contains("failed to build fuzz script");
        if build_failed {
            eprintln!("  {}: BUILD FAILED, see {}", t.name, log.display());
        }
        let ok = status.success() && written.is_empty() && new_artifacts == 0 && !build_failed;
        failed |= !ok;
        let line = json!({
            "target": t.name,
            "fuzz_dir": t.fuzz_dir.strip_prefix(root()).unwrap_or(&t.fuzz_dir),
            "seconds": seconds,
            "executions": execs,
            "execs_per_s": execs_per_s,
            "coverage": cov,
            "corpus_files": count_files(&corpus),
            "findings": written,
            "new_artifacts": new_artifacts,
            "panic": panic,
            "exit": status.code(),
            "build_failed": build_failed,
            "log": log,
        });
        eprintln!(
            "  {}: {} executions ({} /s), cov {}, {}",
            t.name,
            execs.map_or("?".into(), |v| v.to_string()),
            execs_per_s.map_or("?".into(), |v| v.to_string()),
            cov.map_or("?".into(), |v| v.to_string()),
            if ok {
                "no findings".to_string()
            } else {
                format!("FINDING (exit {:?}), see {}", status.code(), log.display())
            }
        );
        report.push(line);
    }
    // Merge with earlier results for other targets (runs may be split).
    let out = root().join("target/fuzz-results.json");
    let mut merged: Vec<Value> = std::fs::read_to_string(&out)
        .ok()
        .and_then(|t| serde_json::from_str::<Vec<Value>>(&t).ok())
        .unwrap_or_default();
    merged.retain(|old| !report.iter().any(|r| r["target"] == old["target"]));
    merged.extend(report.iter().cloned());
    merged.sort_by(|a, b| a["target"].as_str().cmp(&b["target"].as_str()));
    let _ = std::fs::write(
        &out,
        serde_json::to_string_pretty(&Value::Array(merged)).unwrap_or_default(),
    );
    println!("| target | seconds | executions | exec/s | coverage | findings |\n| --- | ---: | ---: | ---: | ---: | --- |");
    for r in &report {
        let findings = r["new_artifacts"].as_u64().unwrap_or(0) as usize;
        println!(
            "| {} | {} | {} | {} | {} | {} |",
            r["target"].as_str().unwrap_or("?"),
            r["seconds"],
            r["executions"],
            r["execs_per_s"],
            r["coverage"],
            if r["build_failed"] == json!(true) {
                "build failed".to_string()
            } else if findings == 0 && r["exit"] == json!(0) {
                "none".to_string()
            } else {
                format!("{findings} ({})", r["panic"].as_str().unwrap_or("see log"))
            }
        );
    }
    eprintln!("results written to {}", out.display());
    if failed {
        Err("fuzzing found problems (artifacts under crates/*/fuzz/artifacts)".into())
    } else {
        Ok(())
    }
}
