//! `cargo xtask profile`: where the end-to-end time goes. Runs the release
//! binary under `perf record` (DWARF call graphs) over a generated corpus,
//! no cache, one job, and prints each stage's inclusive share of the samples
//! and the functions with the most self time.

use std::path::PathBuf;
use std::process::Command;

const USAGE: &str = "usage: cargo xtask profile [--mb N] [--seed S] [--path DIR] [--top N]

  --mb N      size of the generated corpus in MB (default 20)
  --path DIR  profile over DIR instead
  --top N     functions by self time to list (default 25)
  --report-only  read the last recording (target/bench-logs/perf.data) again
Needs perf (linux-perf); the binary is target/release/crosscheck (built first).";

/// Stages as (label, symbol substrings); a sample counts for a stage when
/// one of its frames matches.
const STAGES: &[(&str, &[&str])] = &[
    ("collect inputs (walk)", &["collect_inputs"]),
    (
        "load + decode + HTML (pipeline::document)",
        &["crosscheck_pipeline::document::"],
    ),
    (
        "tokens + sentences (crosscheck_text)",
        &["crosscheck_text::"],
    ),
    ("entities (crosscheck_entities)", &["crosscheck_entities::"]),
    ("numbers (crosscheck_numbers)", &["crosscheck_numbers::"]),
    (
        "claims (reconcile::claims)",
        &["crosscheck_reconcile::claims::"],
    ),
    (
        "reconcile (reconcile::report)",
        &[
            "crosscheck_reconcile::report::",
            "crosscheck_reconcile::reconcile",
        ],
    ),
    ("cache (pipeline::cache)", &["crosscheck_pipeline::cache::"]),
    (
        "report printing (crosscheck_report)",
        &["crosscheck_report::"],
    ),
    (
        "allocator (malloc/free)",
        &["malloc", "_int_free", "cfree", "realloc", "_int_malloc"],
    ),
];

fn root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(|p| p.to_path_buf()).unwrap_or(here)
}

/// The function name of a `perf report` line: what follows `[.] `, with
/// a leading `<` (trait impls) dropped.
fn symbol_of(line: &str) -> &str {
    line.split_once("] ")
        .map_or("", |(_, s)| s.trim_start())
        .trim_start_matches('<')
}

/// `cargo xtask profile ...`.
pub fn cmd(args: &[String]) -> Result<(), String> {
    let mut mb = 20.0f64;
    let mut seed = 1u64;
    let mut path = None;
    let mut top = 25usize;
    let mut report_only = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = |n: &str| {
            it.next()
                .cloned()
                .ok_or(format!("{n} needs a value\n\n{USAGE}"))
        };
        match a.as_str() {
            "--mb" => mb = val("--mb")?.parse().map_err(|e| format!("--mb: {e}"))?,
            "--seed" => seed = val("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--path" => path = Some(PathBuf::from(val("--path")?)),
            "--report-only" => report_only = true,
            "--top" => top = val("--top")?.parse().map_err(|e| format!("--top: {e}"))?,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown argument {other:?}\n\n{USAGE}")),
        }
    }
    let target = root().join("target");
    let data = target.join("bench-logs/perf.data");
    if report_only {
        return print_report(&data, "the last recording", top);
    }
    let dir = match path {
        Some(p) => p,
        None => {
            let d = target.join(format!("bench-corpus/corpus-{mb}mb-seed{seed}"));
            crate::corpus::cached_dir(&d, seed, (mb * 1e6) as u64)?;
            d
        }
    };
    let ok = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .current_dir(root())
        .args(["build", "--release", "-p", "crosscheck-cli"])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !ok {
        return Err("release build failed".into());
    }
    let bin = target.join("release/crosscheck");
    let _ = std::fs::create_dir_all(target.join("bench-logs"));
    eprintln!(
        "$ perf record --call-graph dwarf -F 400 crosscheck analyze {} --no-cache --jobs 1 --json",
        dir.display()
    );
    let st = Command::new("perf")
        .args(["record", "--call-graph", "dwarf,32768", "-F", "400", "-o"])
        .arg(&data)
        .arg(&bin)
        .arg("analyze")
        .arg(&dir)
        .args(["--no-cache", "--jobs", "1", "--json"])
        .stdout(std::process::Stdio::null())
        .status()
        .map_err(|e| format!("perf: {e} (install linux-perf)"))?;
    if !st.success() {
        return Err("perf record failed".into());
    }
    print_report(&data, &dir.display().to_string(), top)
}

fn print_report(data: &std::path::Path, what: &str, top: usize) -> Result<(), String> {
    let report = |children: bool| -> Result<String, String> {
        let mut c = Command::new("perf");
        c.arg("report").arg("-i").arg(data);
        c.args([
            "--stdio",
            "--sort",
            "symbol",
            "-g",
            "none",
            "--percent-limit",
            "0.3",
        ]);
        c.arg(if children {
            "--children"
        } else {
            "--no-children"
        });
        let out = c.output().map_err(|e| format!("perf report: {e}"))?;
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    let pct = |s: &str| s.trim().trim_end_matches('%').parse::<f64>().ok();
    // --children lines: "  Children  Self  [.] symbol".
    let inclusive = report(true)?;
    let mut rows: Vec<(String, f64)> = Vec::new();
    for (label, pats) in STAGES {
        let best = inclusive
            .lines()
            .filter(|l| {
                let sym = symbol_of(l);
                pats.iter().any(|p| sym.starts_with(p))
            })
            .filter_map(|l| pct(l.split_whitespace().next()?))
            .fold(0.0f64, f64::max);
        rows.push((label.to_string(), best));
    }
    println!("Inclusive share of samples per stage (perf, --jobs 1, no cache, {what}):\n");
    println!("| stage | share of time |\n| --- | ---: |");
    for (l, v) in &rows {
        println!("| {l} | {v:.1}% |");
    }
    println!("\nTop crosscheck functions by inclusive time:\n\n| inclusive | self | function |\n| ---: | ---: | --- |");
    for l in inclusive
        .lines()
        .filter(|l| {
            !l.starts_with('#') && symbol_of(l).starts_with("crosscheck_") && l.contains('%')
        })
        .take(top)
    {
        let mut parts = l.split_whitespace();
        let (Some(c), Some(s)) = (parts.next(), parts.next()) else {
            continue;
        };
        let sym: Vec<&str> = parts.skip(1).collect();
        let sym: String = sym.join(" ").chars().take(140).collect();
        println!("| {c} | {s} | `{sym}` |");
    }
    let selfs = report(false)?;
    println!("\nTop functions by self time:\n\n| self | function |\n| ---: | --- |");
    for l in selfs
        .lines()
        .filter(|l| !l.starts_with('#') && l.contains('%'))
        .take(top)
    {
        let mut parts = l.split_whitespace();
        let Some(p) = parts.next() else { continue };
        let sym: Vec<&str> = parts.skip(1).collect();
        let sym = sym.join(" ");
        let sym: String = sym.chars().take(140).collect();
        println!("| {p} | `{sym}` |");
    }
    eprintln!("perf data: {} (perf report -i it)", data.display());
    Ok(())
}
