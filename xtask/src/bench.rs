//! `cargo xtask bench`: the stage benches (criterion, fed the generated
//! text through `CROSSCHECK_BENCH_TEXT`), then the release binary end to
//! end over a generated (or given) folder: cold and warm cache, one and two
//! jobs, peak memory, the many-tiny-files case, and spaCy's NER on the same
//! text as a peer. Results go to `target/bench-results.json` and a Markdown
//! table on stdout; `--check` compares with `bench/baseline.json`.

use crate::corpus;
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Instant, SystemTime};

const USAGE: &str = "usage: cargo xtask bench [options]

  --mb N           size of the generated end-to-end corpus in MB (default 200)
  --path DIR       run end to end over DIR instead of a generated corpus
  --seed S         corpus seed (default 1)
  --text-mb N      size of the CROSSCHECK_BENCH_TEXT file for stage benches (default 10)
  --tiny N         files in the many-tiny-files case (default 100000; 0 skips)
  --scale-mb N     also run a generated corpus of N MB (default a quarter of --mb;
                   0 skips) to see memory grow with claims, not bytes
  --spacy-kb N     size of the spaCy sample in KB (default 1000; 0 skips)
  --skip-stages    do not run `cargo bench`
  --quick          shorter criterion runs (--warm-up-time 1 --measurement-time 3 --sample-size 10)
  --no-build       use target/release/crosscheck as it is
  --out FILE       results JSON (default target/bench-results.json)
  --check          after the run, fail on a >20% regression against bench/baseline.json
  --from FILE      do not run; use FILE (a results JSON) for --check, --readme,
                   --save-baseline and the printed table
  --readme         write the table into README.md between the bench markers
  --save-baseline  write this run's figures to bench/baseline.json";

struct Opts {
    mb: f64,
    path: Option<PathBuf>,
    seed: u64,
    text_mb: f64,
    tiny: u64,
    spacy_kb: u64,
    scale_mb: Option<f64>,
    stages: bool,
    quick: bool,
    build: bool,
    out: PathBuf,
    check: bool,
    from: Option<PathBuf>,
    readme: bool,
    save_baseline: bool,
}

fn parse(args: &[String]) -> Result<Option<Opts>, String> {
    let mut o = Opts {
        mb: 200.0,
        path: None,
        seed: 1,
        text_mb: 10.0,
        tiny: 100_000,
        spacy_kb: 1000,
        scale_mb: None,
        stages: true,
        quick: false,
        build: true,
        out: root().join("target/bench-results.json"),
        check: false,
        from: None,
        readme: false,
        save_baseline: false,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = |n: &str| {
            it.next()
                .cloned()
                .ok_or(format!("{n} needs a value\n\n{USAGE}"))
        };
        let num = |n: &str, v: String| v.parse::<f64>().map_err(|e| format!("{n}: {e}"));
        match a.as_str() {
            "--mb" => o.mb = num("--mb", val("--mb")?)?,
            "--path" => o.path = Some(PathBuf::from(val("--path")?)),
            "--seed" => o.seed = num("--seed", val("--seed")?)? as u64,
            "--text-mb" => o.text_mb = num("--text-mb", val("--text-mb")?)?,
            "--tiny" => o.tiny = num("--tiny", val("--tiny")?)? as u64,
            "--scale-mb" => o.scale_mb = Some(num("--scale-mb", val("--scale-mb")?)?),
            "--spacy-kb" => o.spacy_kb = num("--spacy-kb", val("--spacy-kb")?)? as u64,
            "--skip-stages" => o.stages = false,
            "--quick" => o.quick = true,
            "--no-build" => o.build = false,
            "--out" => o.out = PathBuf::from(val("--out")?),
            "--check" => o.check = true,
            "--from" => o.from = Some(PathBuf::from(val("--from")?)),
            "--readme" => o.readme = true,
            "--save-baseline" => o.save_baseline = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            other => return Err(format!("unknown argument {other:?}\n\n{USAGE}")),
        }
    }
    if !(o.mb > 0.0 && o.text_mb > 0.0) {
        return Err("--mb and --text-mb must be positive".into());
    }
    Ok(Some(o))
}

/// The workspace root (xtask's parent).
fn root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(Path::to_path_buf).unwrap_or(here)
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

fn cargo() -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.current_dir(root());
    c
}

fn sh(cmd: &str) -> String {
    Command::new("sh")
        .args(["-c", cmd])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn machine() -> Value {
    let cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2");
    json!({
        "cpu": cpu.trim(),
        "cores": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        "mem_gb": sh("free -g | awk '/Mem:/ {print $2}'").parse::<f64>().unwrap_or(0.0),
        "os": sh("uname -sr"),
        "rustc": sh("rustc --version"),
        "commit": sh("git rev-parse --short HEAD"),
    })
}

/// `cargo xtask bench ...`.
pub fn cmd(args: &[String]) -> Result<(), String> {
    let Some(o) = parse(args)? else {
        return Ok(());
    };
    if let Some(file) = &o.from {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let results: Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        return report(&o, &with_metrics(results));
    }
    let _ = RUN_TAG.set(match &o.path {
        Some(_) => format!("path-{}", std::process::id()),
        None => format!("{}mb-seed{}", o.mb, o.seed),
    });
    let started = SystemTime::now();
    let mut results = Map::new();
    results.insert(
        "command".into(),
        json!(format!("cargo xtask bench {}", args.join(" "))
            .trim()
            .to_string()),
    );
    results.insert("machine".into(), machine());
    results.insert("load_before".into(), json!(load()));
    results.insert(
        "unix_time".into(),
        json!(started
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0)),
    );

    let corpus_root = target_dir().join("bench-corpus");
    let text = corpus_root.join(format!("text-{}mb-seed{}.txt", o.text_mb, o.seed));
    let text_stats = corpus::cached_single(&text, o.seed, (o.text_mb * 1e6) as u64)?;
    results.insert(
        "bench_text".into(),
        json!({"path": text, "bytes": text_stats.bytes}),
    );

    if o.stages {
        results.insert("stages".into(), stage_benches(&text, o.quick, started)?);
    }

    let bin = target_dir().join("release/crosscheck");
    if o.build {
        eprintln!("$ cargo build --release -p crosscheck-cli");
        let ok = cargo()
            .args(["build", "--release", "-p", "crosscheck-cli"])
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        if !ok {
            return Err("release build of crosscheck-cli failed".into());
        }
    }
    if !bin.exists() {
        return Err(format!(
            "{}: no release binary (drop --no-build)",
            bin.display()
        ));
    }

    let (dir, label) = match &o.path {
        Some(p) => (p.clone(), format!("{}", p.display())),
        None => {
            let d = corpus_root.join(format!("corpus-{}mb-seed{}", o.mb, o.seed));
            corpus::cached_dir(&d, o.seed, (o.mb * 1e6) as u64)?;
            (d, format!("generated, {} MB, seed {}", o.mb, o.seed))
        }
    };
    let input_bytes = folder_bytes(&dir);
    results.insert(
        "corpus".into(),
        json!({"path": dir, "label": label, "bytes": input_bytes.0, "files": input_bytes.1}),
    );
    results.insert("e2e".into(), end_to_end(&bin, &dir, input_bytes.0)?);
    save_partial(&o.out, &results);

    // Memory against input size: a smaller generated corpus (a prefix of
    // the same document stream), no cache, two jobs.
    let scale_mb = o.scale_mb.unwrap_or(o.mb / 4.0);
    if o.path.is_none() && scale_mb > 0.0 {
        let d = corpus_root.join(format!("corpus-{}mb-seed{}", scale_mb, o.seed));
        let st = corpus::cached_dir(&d, o.seed, (scale_mb * 1e6) as u64)?;
        // Same conditions as the full corpus's cold --jobs 2 run, which is
        // reused rather than repeated.
        let cache = fresh_cache("scale")?;
        prime_page_cache(&d);
        let small = run_analyze(&bin, &d, Some(&cache), 2, "scale-cold-j2")?;
        let _ = std::fs::remove_dir_all(&cache);
        let sj = small.to_json(st.bytes);
        let fj = results["e2e"]["cold_j2"].clone();
        let ratio =
            |k: &str| fj[k].as_f64().unwrap_or(f64::NAN) / sj[k].as_f64().unwrap_or(f64::NAN);
        results.insert(
            "scale".into(),
            json!({
                "small": sj, "small_bytes": st.bytes, "full": fj, "full_bytes": input_bytes.0,
                "bytes_ratio": input_bytes.0 as f64 / st.bytes as f64,
                "claims_ratio": ratio("claims"),
                "rss_ratio": ratio("max_rss_mb"),
                "rss_kb_per_claim_small": sj["max_rss_mb"].as_f64().unwrap_or(f64::NAN) * 1024.0 / sj["claims"].as_f64().unwrap_or(f64::NAN),
                "rss_kb_per_claim_full": fj["max_rss_mb"].as_f64().unwrap_or(f64::NAN) * 1024.0 / fj["claims"].as_f64().unwrap_or(f64::NAN),
            }),
        );
    }

    if o.tiny > 0 {
        let d = corpus_root.join(format!("tiny-{}-seed{}", o.tiny, o.seed));
        let st = corpus::cached_tiny(&d, o.seed, o.tiny)?;
        let cache = fresh_cache("tiny")?;
        prime_page_cache(&d);
        let cold = run_analyze(&bin, &d, Some(&cache), 2, "tiny-cold-j2")?;
        let warm = run_analyze(&bin, &d, Some(&cache), 2, "tiny-warm-j2")?;
        results.insert(
            "tiny".into(),
            json!({"files": st.files, "bytes": st.bytes, "cold_j2": cold.to_json(st.bytes), "warm_j2": warm.to_json(st.bytes)}),
        );
    }

    save_partial(&o.out, &results);
    if o.spacy_kb > 0 {
        results.insert("spacy".into(), spacy(&bin, &text, o.spacy_kb * 1000)?);
    }
    results.insert("load_after".into(), json!(load()));

    let results = Value::Object(results);
    let results = with_metrics(results);
    if let Some(p) = o.out.parent() {
        let _ = std::fs::create_dir_all(p);
    }
    let pretty = serde_json::to_string_pretty(&results).map_err(|e| e.to_string())?;
    std::fs::write(&o.out, &pretty).map_err(|e| format!("{}: {e}", o.out.display()))?;
    eprintln!("results written to {}", o.out.display());
    report(&o, &results)
}

/// Prints the table and does what the flags ask with the results.
fn report(o: &Opts, results: &Value) -> Result<(), String> {
    println!("{}", table(results));
    if o.readme {
        write_readme(results)?;
    }
    if o.save_baseline {
        let p = root().join("bench/baseline.json");
        let _ = std::fs::create_dir_all(root().join("bench"));
        let base = json!({"machine": results["machine"], "load_before": results["load_before"], "load_after": results["load_after"], "command": results["command"], "corpus": results["corpus"]["label"], "metrics": results["metrics"]});
        std::fs::write(
            &p,
            serde_json::to_string_pretty(&base).map_err(|e| e.to_string())? + "\n",
        )
        .map_err(|e| format!("{}: {e}", p.display()))?;
        eprintln!("baseline written to {}", p.display());
    }
    if o.check {
        check(results)?;
    }
    Ok(())
}

const BEGIN: &str = "<!-- bench:begin (written by `cargo xtask bench --readme`) -->";
const END: &str = "<!-- bench:end -->";

/// Replaces the README's figures between the bench markers.
fn write_readme(results: &Value) -> Result<(), String> {
    let p = root().join("README.md");
    let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
    let (Some(a), Some(b)) = (text.find(BEGIN), text.find(END)) else {
        return Err(format!(
            "{}: no bench markers ({BEGIN} ... {END})",
            p.display()
        ));
    };
    if b < a {
        return Err(format!("{}: bench markers out of order", p.display()));
    }
    let new = format!("{}{BEGIN}\n{}{}", &text[..a], table(results), &text[b..]);
    std::fs::write(&p, new).map_err(|e| format!("{}: {e}", p.display()))?;
    eprintln!("README.md figures updated");
    Ok(())
}

/// Writes what has been measured so far, so a long run that is cut short
/// still leaves its figures.
fn save_partial(out: &Path, results: &Map<String, Value>) {
    let v = with_metrics(Value::Object(results.clone()));
    if let Some(p) = out.parent() {
        let _ = std::fs::create_dir_all(p);
    }
    if let Ok(text) = serde_json::to_string_pretty(&v) {
        let _ = std::fs::write(out, text);
    }
}

fn folder_bytes(dir: &Path) -> (u64, u64) {
    fn walk(d: &Path, acc: &mut (u64, u64)) {
        let Ok(rd) = std::fs::read_dir(d) else { return };
        for e in rd.flatten() {
            let Ok(ft) = e.file_type() else { continue };
            if ft.is_dir() {
                walk(&e.path(), acc);
            } else if ft.is_file() {
                let name = e.file_name();
                let n = name.to_string_lossy();
                if n.starts_with('.') {
                    continue;
                }
                if [".txt", ".md", ".html", ".htm"]
                    .iter()
                    .any(|x| n.to_ascii_lowercase().ends_with(x))
                {
                    acc.0 += e.metadata().map(|m| m.len()).unwrap_or(0);
                    acc.1 += 1;
                }
            }
        }
    }
    let mut acc = (0, 0);
    if dir.is_file() {
        return (std::fs::metadata(dir).map(|m| m.len()).unwrap_or(0), 1);
    }
    walk(dir, &mut acc);
    acc
}

/// Whether any workspace crate has a bench target (else `cargo bench
/// --bench '*'` refuses to run).
fn have_benches() -> bool {
    let Ok(rd) = std::fs::read_dir(root().join("crates")) else {
        return false;
    };
    rd.flatten().any(|c| {
        let manifest = std::fs::read_to_string(c.path().join("Cargo.toml")).unwrap_or_default();
        manifest.contains("[[bench]]")
            || std::fs::read_dir(c.path().join("benches"))
                .map(|r| {
                    r.flatten()
                        .any(|f| f.path().extension().is_some_and(|x| x == "rs"))
                })
                .unwrap_or(false)
    })
}

/// Runs `cargo bench --workspace --bench '*'` (bench targets only, not the
/// unit tests in bench mode) and collects criterion's estimates written
/// during this run.
fn stage_benches(text: &Path, quick: bool, since: SystemTime) -> Result<Value, String> {
    if !have_benches() {
        eprintln!("no stage benches in crates/*/benches yet; skipped");
        return Ok(json!({"ok": true, "benches": []}));
    }
    let mut c = cargo();
    c.args(["bench", "--workspace", "--bench", "*"])
        .env("CROSSCHECK_BENCH_TEXT", text);
    if quick {
        c.args([
            "--",
            "--warm-up-time",
            "1",
            "--measurement-time",
            "3",
            "--sample-size",
            "10",
        ]);
    }
    eprintln!(
        "$ CROSSCHECK_BENCH_TEXT={} cargo bench --workspace --bench '*'",
        text.display()
    );
    let ok = c.status().map(|s| s.success()).unwrap_or(false);
    let mut out = Vec::new();
    collect_criterion(&target_dir().join("criterion"), since, &mut out);
    out.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    if !ok {
        eprintln!("warning: cargo bench failed; stage figures are those that ran");
    }
    Ok(json!({"ok": ok, "benches": out}))
}

fn collect_criterion(dir: &Path, since: SystemTime, out: &mut Vec<Value>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if !p.is_dir() {
            continue;
        }
        if p.file_name().is_some_and(|n| n == "new") {
            let est = p.join("estimates.json");
            let fresh = std::fs::metadata(&est)
                .and_then(|m| m.modified())
                .map(|t| t >= since)
                .unwrap_or(false);
            if !fresh {
                continue;
            }
            let read = |f: &str| -> Option<Value> {
                serde_json::from_str(&std::fs::read_to_string(p.join(f)).ok()?).ok()
            };
            let (Some(est), Some(bm)) = (read("estimates.json"), read("benchmark.json")) else {
                continue;
            };
            let median_ns = est["median"]["point_estimate"].as_f64().unwrap_or(f64::NAN);
            let id = bm["full_id"].as_str().unwrap_or("?").to_string();
            let mut v = json!({"id": id, "median_ns": median_ns});
            if let Some(b) = bm["throughput"]["Bytes"]
                .as_f64()
                .or(bm["throughput"]["BytesDecimal"].as_f64())
            {
                v["bytes"] = json!(b);
                v["mb_per_s"] = json!(b / (median_ns * 1e-9) / 1e6);
            }
            if let Some(n) = bm["throughput"]["Elements"].as_f64() {
                v["elements"] = json!(n);
                v["elements_per_s"] = json!(n / (median_ns * 1e-9));
            }
            out.push(v);
        } else {
            collect_criterion(&p, since, out);
        }
    }
}

/// One measured run of the binary.
struct Run {
    label: String,
    jobs: usize,
    wall_s: f64,
    user_s: f64,
    sys_s: f64,
    max_rss_mb: f64,
    exit: i32,
    documents: u64,
    claims: u64,
    conflicts: u64,
    input_errors: u64,
}

impl Run {
    fn to_json(&self, bytes: u64) -> Value {
        let mb = bytes as f64 / 1e6;
        json!({
            "label": self.label,
            "jobs": self.jobs,
            "wall_s": self.wall_s,
            "user_s": self.user_s,
            "sys_s": self.sys_s,
            "cpu_util": (self.user_s + self.sys_s) / self.wall_s,
            "max_rss_mb": self.max_rss_mb,
            "mb_per_s": mb / self.wall_s,
            "mb_per_s_per_core": mb / self.wall_s / self.jobs as f64,
            // Steadier than wall time when other processes share the cores.
            "mb_per_cpu_s": mb / (self.user_s + self.sys_s),
            "exit": self.exit,
            "documents": self.documents,
            "claims": self.claims,
            "conflicts": self.conflicts,
            "input_errors": self.input_errors,
        })
    }
}

/// Runs of different sizes keep their caches and logs apart, so two can
/// go at once.
static RUN_TAG: std::sync::OnceLock<String> = std::sync::OnceLock::new();

fn run_tag() -> &'static str {
    RUN_TAG.get().map_or("default", String::as_str)
}

fn fresh_cache(name: &str) -> Result<PathBuf, String> {
    let d = target_dir().join("bench-cache").join(run_tag()).join(name);
    if d.exists() {
        std::fs::remove_dir_all(&d).map_err(|e| format!("{}: {e}", d.display()))?;
    }
    std::fs::create_dir_all(&d).map_err(|e| format!("{}: {e}", d.display()))?;
    Ok(d)
}

/// Reads every file below `dir` once, so that the system holds them in
/// its page cache; unreadable entries are passed over (the run itself
/// reports them).
fn prime_page_cache(dir: &Path) {
    let mut stack = vec![dir.to_path_buf()];
    let mut sink = Vec::new();
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(e.path()),
                Ok(t) if t.is_file() => {
                    sink.clear();
                    if let Ok(mut f) = std::fs::File::open(e.path()) {
                        let _ = std::io::Read::read_to_end(&mut f, &mut sink);
                    }
                }
                _ => {}
            }
        }
    }
}

/// Waits until the system has written out what earlier runs left in its
/// page cache (a run writes hundreds of megabytes: its report, the cache's
/// copy, the cache's packs). Otherwise that write-back runs during the next
/// run and is billed to it: a cold `--jobs 2` run right after a warm one
/// took 11.5 to 12.9 s. Each run still pays for its own writes.
fn settle_writes() {
    let _ = Command::new("sync").status();
}

/// `crosscheck analyze DIR --json` under `/usr/bin/time -v`.
fn run_analyze(
    bin: &Path,
    dir: &Path,
    cache: Option<&Path>,
    jobs: usize,
    label: &str,
) -> Result<Run, String> {
    let logs = target_dir().join("bench-logs").join(run_tag());
    std::fs::create_dir_all(&logs).map_err(|e| format!("{}: {e}", logs.display()))?;
    let out_path = logs.join(format!("{label}.json"));
    let err_path = logs.join(format!("{label}.stderr"));
    let time_path = logs.join(format!("{label}.time"));
    let have_time = Path::new("/usr/bin/time").exists();
    let mut c = if have_time {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-v").arg("-o").arg(&time_path).arg(bin);
        c
    } else {
        Command::new(bin)
    };
    c.arg("analyze")
        .arg(dir)
        .arg("--json")
        .arg("--jobs")
        .arg(jobs.to_string());
    match cache {
        Some(d) => c.arg("--cache-dir").arg(d),
        None => c.arg("--no-cache"),
    };
    let out =
        std::fs::File::create(&out_path).map_err(|e| format!("{}: {e}", out_path.display()))?;
    let err =
        std::fs::File::create(&err_path).map_err(|e| format!("{}: {e}", err_path.display()))?;
    c.stdout(Stdio::from(out)).stderr(Stdio::from(err));
    settle_writes();
    eprintln!(
        "  {label}: crosscheck analyze {} --jobs {jobs} {}",
        dir.display(),
        cache.map_or("--no-cache".to_string(), |d| format!(
            "--cache-dir {}",
            d.display()
        ))
    );
    let t = Instant::now();
    let status = c
        .status()
        .map_err(|e| format!("running {}: {e}", bin.display()))?;
    let wall_s = t.elapsed().as_secs_f64();
    let mut run = Run {
        label: label.to_string(),
        jobs,
        wall_s,
        user_s: 0.0,
        sys_s: 0.0,
        max_rss_mb: f64::NAN,
        exit: status.code().unwrap_or(-1),
        documents: 0,
        claims: 0,
        conflicts: 0,
        input_errors: 0,
    };
    if have_time {
        let tv = std::fs::read_to_string(&time_path).unwrap_or_default();
        for line in tv.lines() {
            let line = line.trim();
            let val = |p: &str| {
                line.strip_prefix(p)
                    .and_then(|v| v.trim().parse::<f64>().ok())
            };
            if let Some(v) = val("User time (seconds):") {
                run.user_s = v;
            } else if let Some(v) = val("System time (seconds):") {
                run.sys_s = v;
            } else if let Some(v) = val("Maximum resident set size (kbytes):") {
                run.max_rss_mb = v / 1024.0;
            } else if let Some(v) = val("Exit status:") {
                run.exit = v as i32;
            }
        }
    }
    let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
    run.input_errors = stderr
        .lines()
        .filter(|l| l.starts_with("crosscheck:"))
        .count() as u64;
    if let Ok(report) = std::fs::read(&out_path)
        .map_err(|e| e.to_string())
        .and_then(|b| serde_json::from_slice::<Value>(&b).map_err(|e| e.to_string()))
    {
        run.documents = report["documents"].as_u64().unwrap_or(0);
        run.claims = report["claims"].as_u64().unwrap_or(0);
        run.conflicts = report["conflicts"].as_array().map_or(0, |a| a.len() as u64);
    }
    if run.exit != 0 {
        eprintln!(
            "  warning: {label} exited with {}; see {}",
            run.exit,
            err_path.display()
        );
    }
    eprintln!(
        "  {label}: {:.2}s wall, {:.2}s user, {:.0} MB peak, {} documents, {} claims, {} conflicts",
        run.wall_s, run.user_s, run.max_rss_mb, run.documents, run.claims, run.conflicts
    );
    Ok(run)
}

fn end_to_end(bin: &Path, dir: &Path, bytes: u64) -> Result<Value, String> {
    let mut runs = Map::new();
    for jobs in [1usize, 2] {
        let cache = fresh_cache(&format!("j{jobs}"))?;
        // Cold means crosscheck's cache, not the system's: each cold run
        // starts with the corpus read once, so that neither waits on the
        // disk (the stage benches before the first one push it out).
        prime_page_cache(dir);
        let cold = run_analyze(bin, dir, Some(&cache), jobs, &format!("cold-j{jobs}"))?;
        let warm = run_analyze(bin, dir, Some(&cache), jobs, &format!("warm-j{jobs}"))?;
        runs.insert(format!("cold_j{jobs}"), cold.to_json(bytes));
        runs.insert(format!("warm_j{jobs}"), warm.to_json(bytes));
        let _ = std::fs::remove_dir_all(&cache);
    }
    Ok(Value::Object(runs))
}

/// spaCy's NER alone over the first `bytes` of the bench text, against
/// crosscheck's whole pipeline (one job, no cache) over the same sample.
fn spacy(bin: &Path, text: &Path, bytes: u64) -> Result<Value, String> {
    let py = Path::new("/tmp/peers/bin/python");
    if !py.exists() {
        eprintln!(
            "spaCy peer not installed (/tmp/peers): see /work/shared/peers/README.md; skipped"
        );
        return Ok(json!({"skipped": "no /tmp/peers venv"}));
    }
    let all = std::fs::read_to_string(text).map_err(|e| format!("{}: {e}", text.display()))?;
    let mut cut = (bytes as usize).min(all.len());
    while !all.is_char_boundary(cut) {
        cut -= 1;
    }
    // End the sample at a document boundary.
    if let Some(p) = all[..cut].rfind("\n\n\n") {
        cut = p + 1;
    }
    let sample = target_dir().join("bench-corpus/spacy-sample.txt");
    std::fs::write(&sample, &all[..cut]).map_err(|e| format!("{}: {e}", sample.display()))?;
    let script = root().join("xtask/peers/spacy_speed.py");
    eprintln!(
        "$ {} {} {}",
        py.display(),
        script.display(),
        sample.display()
    );
    let out = Command::new(py)
        .arg(&script)
        .arg(&sample)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("running spaCy: {e}"))?;
    if !out.status.success() {
        eprintln!("spaCy peer failed; skipped");
        return Ok(json!({"skipped": "spaCy script failed"}));
    }
    let mut v: Value =
        serde_json::from_slice(&out.stdout).map_err(|e| format!("spaCy output: {e}"))?;
    let words = v["words"].as_f64().unwrap_or(0.0);
    // crosscheck over the same sample: best of three (the sample is small,
    // so process start-up is included, which only disadvantages crosscheck).
    let mut best = f64::INFINITY;
    let mut best_cpu = f64::INFINITY;
    for k in 0..3 {
        let r = run_analyze(
            bin,
            &sample,
            None,
            1,
            &format!("spacy-sample-crosscheck-{k}"),
        )?;
        best = best.min(r.wall_s);
        best_cpu = best_cpu.min(r.user_s + r.sys_s);
    }
    let cc_wps = words / best;
    let sp_wps = v["words_per_s"].as_f64().unwrap_or(f64::NAN);
    v["crosscheck_seconds"] = json!(best);
    v["crosscheck_words_per_s"] = json!(cc_wps);
    v["ratio"] = json!(cc_wps / sp_wps);
    // /usr/bin/time reports CPU in 10 ms steps.
    let cc_cpu = words / best_cpu.max(0.01);
    v["crosscheck_words_per_cpu_s"] = json!(cc_cpu);
    v["ratio_cpu"] = json!(cc_cpu / v["words_per_cpu_s"].as_f64().unwrap_or(f64::NAN));
    Ok(v)
}

/// Figures under stable names, each with its direction, for `--check`.
fn with_metrics(mut r: Value) -> Value {
    let mut m = Map::new();
    let mut put = |name: String, v: Option<f64>, higher_better: bool| {
        if let Some(v) = v.filter(|v| v.is_finite()) {
            m.insert(name, json!({"value": v, "higher_is_better": higher_better}));
        }
    };
    if let Some(benches) = r["stages"]["benches"].as_array() {
        for b in benches {
            let id = b["id"].as_str().unwrap_or("?");
            match b["mb_per_s"].as_f64() {
                Some(v) => put(format!("stage {id} MB/s"), Some(v), true),
                None => put(
                    format!("stage {id} ms"),
                    b["median_ns"].as_f64().map(|x| x / 1e6),
                    false,
                ),
            }
        }
    }
    for k in ["cold_j1", "warm_j1", "cold_j2", "warm_j2"] {
        let e = &r["e2e"][k];
        put(format!("e2e {k} MB/s"), e["mb_per_s"].as_f64(), true);
        put(
            format!("e2e {k} MB per CPU-s"),
            e["mb_per_cpu_s"].as_f64(),
            true,
        );
        put(format!("e2e {k} peak MB"), e["max_rss_mb"].as_f64(), false);
    }
    put(
        "tiny cold_j2 s".into(),
        r["tiny"]["cold_j2"]["wall_s"].as_f64(),
        false,
    );
    put(
        "tiny cold_j2 peak MB".into(),
        r["tiny"]["cold_j2"]["max_rss_mb"].as_f64(),
        false,
    );
    put("spaCy ratio".into(), r["spacy"]["ratio"].as_f64(), true);

    // The targets.
    let e = &r["e2e"];
    let f = |k: &str, f: &str| e[k][f].as_f64().unwrap_or(f64::NAN);
    let cores = r["machine"]["cores"].as_f64().unwrap_or(2.0).min(2.0);
    let peak = ["cold_j1", "warm_j1", "cold_j2", "warm_j2"]
        .iter()
        .map(|k| f(k, "max_rss_mb"))
        .fold(f64::NAN, f64::max);
    let c1 = f("cold_j1", "mb_per_s_per_core");
    let c2 = f("cold_j2", "mb_per_s_per_core");
    let scale = f("cold_j1", "wall_s") / f("cold_j2", "wall_s");
    let warm = f("cold_j2", "wall_s") / f("warm_j2", "wall_s");
    // The memory target is stated at 200 MB; smaller runs do not decide it.
    let full_size = r["corpus"]["bytes"].as_f64().unwrap_or(0.0) >= 199e6;
    let targets = json!([
        {"name": "cold, MB/s per core (--jobs 1)", "value": c1, "target": ">= 20", "ok": c1 >= 20.0},
        {"name": "cold, MB/s per core (--jobs 2)", "value": c2, "target": ">= 20", "ok": c2 >= 20.0},
        {"name": "--jobs 2 speed-up over --jobs 1 (cold)", "value": scale, "target": format!(">= 1.8 (of {cores} cores)"), "ok": scale >= 1.8},
        {"name": "warm cache speed-up over cold (--jobs 2)", "value": warm, "target": ">= 20", "ok": warm >= 20.0},
        {"name": format!("peak memory, MB (max of the runs, at {:.0} MB)", r["corpus"]["bytes"].as_f64().unwrap_or(0.0) / 1e6), "value": peak, "target": "< 500 at 200 MB", "ok": full_size.then_some(peak < 500.0)},
        {"name": "peak memory growth / claims growth (small to full corpus)", "value": r["scale"]["rss_ratio"].as_f64().unwrap_or(f64::NAN) / r["scale"]["claims_ratio"].as_f64().unwrap_or(f64::NAN), "target": "<= 1 (memory follows claims)", "ok": r["scale"]["rss_ratio"].as_f64().zip(r["scale"]["claims_ratio"].as_f64()).map(|(m, c)| m <= c * 1.05)},
    ]);
    r["metrics"] = Value::Object(m);
    r["targets"] = targets;
    r
}

fn fmt_num(v: f64) -> String {
    if !v.is_finite() {
        "n/a".into()
    } else if v.abs() >= 100.0 {
        format!("{v:.0}")
    } else if v.abs() >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    }
}

/// The Markdown table of a results value.
pub fn table(r: &Value) -> String {
    let mut s = String::new();
    let m = &r["machine"];
    s.push_str(&format!(
        "- Machine: {} ({} cores, {} GB), {}; load average (1/5/15 min) before / after: {} / {}\n",
        m["cpu"].as_str().unwrap_or("?"),
        m["cores"],
        m["mem_gb"],
        m["rustc"].as_str().unwrap_or("?"),
        r["load_before"].as_str().unwrap_or("?"),
        r["load_after"].as_str().unwrap_or("?"),
    ));
    s.push_str(&format!(
        "- Corpus: {} ({:.1} MB, {} files); commit {}; command: `{}`\n\n",
        r["corpus"]["label"].as_str().unwrap_or("?"),
        r["corpus"]["bytes"].as_f64().unwrap_or(0.0) / 1e6,
        r["corpus"]["files"],
        m["commit"].as_str().unwrap_or("?"),
        r["command"].as_str().unwrap_or("?"),
    ));
    s.push_str("| run | wall s | MB/s | MB/s per core | MB per CPU-s | CPU util | peak MB | documents | claims | conflicts |\n");
    s.push_str("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    let row = |s: &mut String, name: &str, e: &Value| {
        if e.is_null() {
            return;
        }
        let g = |k: &str| e[k].as_f64().unwrap_or(f64::NAN);
        s.push_str(&format!(
            "| {name} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            fmt_num(g("wall_s")),
            fmt_num(g("mb_per_s")),
            fmt_num(g("mb_per_s_per_core")),
            fmt_num(g("mb_per_cpu_s")),
            fmt_num(g("cpu_util")),
            fmt_num(g("max_rss_mb")),
            e["documents"],
            e["claims"],
            e["conflicts"]
        ));
    };
    for k in ["cold_j1", "warm_j1", "cold_j2", "warm_j2"] {
        row(
            &mut s,
            &k.replace('_', ", --jobs ")
                .replace("j1", "1")
                .replace("j2", "2"),
            &r["e2e"][k],
        );
    }
    if !r["scale"].is_null() {
        row(
            &mut s,
            &format!(
                "{:.0} MB, cold, --jobs 2",
                r["scale"]["small_bytes"].as_f64().unwrap_or(0.0) / 1e6
            ),
            &r["scale"]["small"],
        );
        row(
            &mut s,
            &format!(
                "{:.0} MB, cold, --jobs 2",
                r["scale"]["full_bytes"].as_f64().unwrap_or(0.0) / 1e6
            ),
            &r["scale"]["full"],
        );
    }
    if !r["tiny"].is_null() {
        row(
            &mut s,
            &format!("{} tiny files, cold, --jobs 2", r["tiny"]["files"]),
            &r["tiny"]["cold_j2"],
        );
        row(
            &mut s,
            &format!("{} tiny files, warm, --jobs 2", r["tiny"]["files"]),
            &r["tiny"]["warm_j2"],
        );
    }
    if let Some(benches) = r["stages"]["benches"].as_array().filter(|b| !b.is_empty()) {
        s.push_str(&format!(
            "\nStage benches (criterion median, one thread, over the {:.0} MB bench text){}:\n\n| bench | MB/s | median |\n| --- | ---: | ---: |\n",
            r["bench_text"]["bytes"].as_f64().unwrap_or(0.0) / 1e6,
            r["stages"]["note"].as_str().map_or(String::new(), |n| format!(", {n}"))
        ));
        for b in benches {
            let ns = b["median_ns"].as_f64().unwrap_or(f64::NAN);
            let t = if ns >= 1e9 {
                format!("{:.2} s", ns / 1e9)
            } else {
                format!("{:.1} ms", ns / 1e6)
            };
            s.push_str(&format!(
                "| {} | {} | {t} |\n",
                b["id"].as_str().unwrap_or("?"),
                b["mb_per_s"].as_f64().map_or("-".into(), fmt_num)
            ));
        }
    }
    let sp = &r["spacy"];
    if sp["words_per_s"].is_number() {
        s.push_str(&format!(
            "\nPeer, same {:.1} MB sample ({} words), one process: spaCy {} NER alone {} words/s ({} per CPU-s); crosscheck whole pipeline (--jobs 1, start-up included) {} words/s ({} per CPU-s); ratio {}x wall, {}x CPU\n",
            sp["bytes"].as_f64().unwrap_or(0.0) / 1e6,
            sp["words"],
            sp["model"].as_str().unwrap_or("?"),
            fmt_num(sp["words_per_s"].as_f64().unwrap_or(f64::NAN)),
            fmt_num(sp["words_per_cpu_s"].as_f64().unwrap_or(f64::NAN)),
            fmt_num(sp["crosscheck_words_per_s"].as_f64().unwrap_or(f64::NAN)),
            fmt_num(sp["crosscheck_words_per_cpu_s"].as_f64().unwrap_or(f64::NAN)),
            fmt_num(sp["ratio"].as_f64().unwrap_or(f64::NAN)),
            fmt_num(sp["ratio_cpu"].as_f64().unwrap_or(f64::NAN)),
        ));
    }
    if let Some(ts) = r["targets"].as_array() {
        s.push_str("\n| target | measured | goal | met |\n| --- | ---: | --- | --- |\n");
        for t in ts {
            s.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                t["name"].as_str().unwrap_or("?"),
                fmt_num(t["value"].as_f64().unwrap_or(f64::NAN)),
                t["target"].as_str().unwrap_or("?"),
                match t["ok"].as_bool() {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "n/a",
                }
            ));
        }
    }
    s
}

/// Fails when a figure is more than 20% worse than in bench/baseline.json.
fn check(results: &Value) -> Result<(), String> {
    let p = root().join("bench/baseline.json");
    let text = std::fs::read_to_string(&p)
        .map_err(|e| format!("{}: {e} (make one with --save-baseline)", p.display()))?;
    let base: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", p.display()))?;
    if base["corpus"] != results["corpus"]["label"] {
        eprintln!(
            "warning: the baseline measured {} but this run {}; figures may not compare",
            base["corpus"], results["corpus"]["label"]
        );
    }
    let (Some(bm), Some(rm)) = (base["metrics"].as_object(), results["metrics"].as_object()) else {
        return Err("no metrics to compare".into());
    };
    let mut worse = Vec::new();
    let mut compared = 0;
    for (name, b) in bm {
        let (Some(bv), Some(rv)) = (
            b["value"].as_f64(),
            rm.get(name).and_then(|r| r["value"].as_f64()),
        ) else {
            continue;
        };
        compared += 1;
        let higher = b["higher_is_better"].as_bool().unwrap_or(true);
        // Worse by more than 20%: 20% less throughput, or 20% more time/memory.
        let regressed = if higher { rv < bv * 0.8 } else { rv > bv * 1.2 };
        let mark = if regressed { "REGRESSION" } else { "ok" };
        eprintln!(
            "  {mark:10} {name}: baseline {} now {}",
            fmt_num(bv),
            fmt_num(rv)
        );
        if regressed {
            worse.push(name.clone());
        }
    }
    if compared == 0 {
        return Err("no figure in common with the baseline".into());
    }
    if worse.is_empty() {
        eprintln!("check: {compared} figures within 20% of the baseline (or better)");
        Ok(())
    } else {
        Err(format!(
            "regression of more than 20% in: {}",
            worse.join(", ")
        ))
    }
}
