//! The binary end to end: bad input, exit codes, determinism, cache,
//! interruption, report files.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    c.env_remove("RUST_LOG");
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let p = dir.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, bytes).unwrap();
}

/// A small corpus with one planted conflict and a few agreeing figures.
fn corpus(dir: &Path, n: usize) {
    for i in 0..n {
        let value = if i == 1 { 34 } else { 43 };
        write(
            dir,
            &format!("doc{i:03}.txt"),
            format!(
                "Report {i}.\n\nIn 2025, exports from Zhejiang reached {value} billion yuan.\n\
                 Geely sold {i}00 cars in 2024, its revenue grew {i}% in 2024.\n"
            )
            .as_bytes(),
        );
    }
}

fn p(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

#[test]
fn bad_files_are_reported_with_path_and_reason_and_the_run_goes_on() {
    let d = tempfile::tempdir().unwrap();
    corpus(d.path(), 2);
    write(d.path(), "empty.txt", b"");
    write(
        d.path(),
        "image.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0",
    );
    write(d.path(), "blob.md", &[0u8, 1, 2, 3, 4, 5, 6, 7].repeat(500));
    write(
        d.path(),
        "nul.txt",
        b"In 2025, exports from Zhejiang\0 reached 43 billion yuan.\n",
    );
    write(
        d.path(),
        "bad-utf8.txt",
        b"In 2025, exports \xff from Zhejiang reached 43 billion yuan.\n",
    );
    let missing = p(&d.path().join("gone.txt"));
    let out = run(&["analyze", &p(d.path()), &missing, "--no-cache"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    for (file, why) in [
        ("empty.txt", "empty file"),
        ("image.txt", "binary file (a PNG image)"),
        ("blob.md", "binary file"),
        ("gone.txt", "no such file"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(file) && l.contains(why)),
            "{file}: {why} not in\n{err}"
        );
    }
    assert!(
        !err.contains("nul.txt") && !err.contains("bad-utf8.txt"),
        "{err}"
    );
    assert!(stdout(&out).contains("4 documents"), "{}", stdout(&out));
}

#[test]
fn exit_status_follows_the_contract() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "empty.txt", b"");
    // Nothing readable: 2.
    let out = run(&["analyze", &p(&d.path().join("empty.txt")), "--no-cache"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no input could be read"));
    // No path, bad flag: 2.
    assert_eq!(run(&["analyze"]).status.code(), Some(2));
    assert_eq!(
        run(&["analyze", "--max-file-size", "lots", "x"])
            .status
            .code(),
        Some(2)
    );
    // Conflicts: 0, or 1 with --fail-on-conflict.
    corpus(d.path(), 3);
    let out = run(&["analyze", &p(d.path()), "--no-cache"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("CONFLICT"), "{}", stdout(&out));
    let out = run(&["analyze", &p(d.path()), "--no-cache", "--fail-on-conflict"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn files_over_the_size_limit_are_refused_with_a_clear_message() {
    let d = tempfile::tempdir().unwrap();
    corpus(d.path(), 2);
    let f = fs::File::create(d.path().join("huge.txt")).unwrap();
    f.set_len(1 << 30).unwrap();
    let out = run(&["analyze", &p(d.path()), "--no-cache"]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        err.contains("huge.txt: file too large (1024 MiB, limit 256 MiB)"),
        "{err}"
    );
    let out = run(&[
        "analyze",
        &p(d.path()),
        "--no-cache",
        "--max-file-size",
        "64",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

fn check_offsets(file: &[u8], records: &str, decode: impl Fn(&[u8]) -> String) -> usize {
    let mut n = 0;
    for line in records.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(decode(&file[s..e]), v["text"].as_str().unwrap(), "{line}");
        n += 1;
    }
    n
}

fn utf16(b: &[u8], le: bool) -> String {
    let units: Vec<u16> = b
        .chunks(2)
        .map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        })
        .collect();
    String::from_utf16(&units).unwrap()
}

#[test]
fn other_encodings_give_offsets_into_the_file() {
    let d = tempfile::tempdir().unwrap();
    let text = "Caf\u{e9} owners in Zhejiang reported revenue of 43 billion yuan \u{2013} up 7% in 2024.\r\nA second line: 1,200 stores.\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    type Decode = fn(&[u8]) -> String;
    let cases: Vec<(&str, Vec<u8>, Decode)> = vec![
        ("le-bom.txt", [&[0xff, 0xfe][..], &le].concat(), |b| {
            utf16(b, true)
        }),
        ("be.txt", be, |b| utf16(b, false)),
        (
            "cp1252.txt",
            encoding_rs::WINDOWS_1252.encode(text).0.into_owned(),
            |b| encoding_rs::WINDOWS_1252.decode(b).0.into_owned(),
        ),
        ("utf8.txt", text.as_bytes().to_vec(), |b| {
            String::from_utf8(b.to_vec()).unwrap()
        }),
    ];
    for (name, bytes, decode) in cases {
        let path = d.path().join(name);
        fs::write(&path, &bytes).unwrap();
        for cmd in ["tokens", "numbers", "entities"] {
            let out = run(&[cmd, &p(&path), "--no-cache"]);
            assert_eq!(out.status.code(), Some(0), "{name} {}", stderr(&out));
            let n = check_offsets(&bytes, &stdout(&out), decode);
            assert!(cmd == "entities" || n > 3, "{name} {cmd}: {n} records");
        }
    }
}

#[test]
fn html_and_markdown_offsets_point_into_the_file() {
    let d = tempfile::tempdir().unwrap();
    let html = "<!doctype html><html><head><script>var revenue = '99 billion yuan';</script></head>\
        <body><nav>Home | 12 sections</nav><article><h1>Zhejiang exports</h1>\
        <p>In 2025, exports from Zhejiang reached <b>43&nbsp;billion yuan</b>, up 7%.</p></article></body></html>";
    let md = "# Zhejiang exports\n\n- In 2025, exports from **Zhejiang** reached 43 billion yuan ([data](https://example.com/9)).\n";
    write(d.path(), "a.html", html.as_bytes());
    write(d.path(), "b.md", md.as_bytes());
    let out = run(&["numbers", &p(d.path()), "--no-cache"]);
    let recs: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for r in &recs {
        let src = if r["doc"].as_str().unwrap().ends_with("a.html") {
            html
        } else {
            md
        };
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        let raw = &src[s..e];
        let text = r["text"].as_str().unwrap();
        assert_eq!(raw.replace("&nbsp;", " "), text, "{r}");
    }
    let texts: Vec<&str> = recs.iter().map(|r| r["text"].as_str().unwrap()).collect();
    assert!(
        !texts.iter().any(|t| t.contains("99") || t.contains("12")),
        "{texts:?}"
    );
    assert!(texts.contains(&"43 billion yuan"), "{texts:?}");
    // Headlines end sentences.
    let out = run(&[
        "tokens",
        "--sentences",
        &p(&d.path().join("a.html")),
        "--no-cache",
    ]);
    let first: serde_json::Value =
        serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    let (s, e) = (
        first["start"].as_u64().unwrap() as usize,
        first["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&html[s..e], "Zhejiang exports");
}

#[test]
fn stdin_is_read_and_sniffed() {
    use std::io::Write;
    let mut child = bin()
        .args(["numbers", "-", "--no-cache"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"<!DOCTYPE html><p>Sales rose <i>7%</i>.</p><script>x = '5%'</script>")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let s = stdout(&out);
    assert!(
        s.contains("\"doc\":\"-\"") && s.contains("\"text\":\"7%\""),
        "{s}"
    );
    assert!(!s.contains("5%"), "{s}");
}

#[test]
fn output_is_byte_identical_for_any_job_count() {
    let d = tempfile::tempdir().unwrap();
    corpus(d.path(), 30);
    let dir = p(d.path());
    for cmd in [&["analyze", "--json"][..], &["claims"][..], &["tokens"][..]] {
        let mut one = cmd.to_vec();
        one.extend([dir.as_str(), "--no-cache", "--jobs", "1"]);
        let mut eight = cmd.to_vec();
        eight.extend([dir.as_str(), "--no-cache", "--jobs", "8"]);
        let (a, b) = (run(&one), run(&eight));
        assert!(!a.stdout.is_empty());
        assert_eq!(a.stdout, b.stdout, "{cmd:?}");
    }
}

#[test]
fn a_second_run_reanalyzes_nothing_and_says_so() {
    let d = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    corpus(d.path(), 5);
    let (dir, cache_dir) = (p(d.path()), p(cache.path()));
    let args = ["analyze", &dir, "--cache-dir", &cache_dir, "-v"];
    let first = run(&args);
    assert!(
        stderr(&first).contains("analyzed 5 documents, 0 unchanged"),
        "{}",
        stderr(&first)
    );
    let second = run(&args);
    assert!(
        stderr(&second).contains("re-analyzed nothing: all 5 documents unchanged"),
        "{}",
        stderr(&second)
    );
    assert_eq!(first.stdout, second.stdout);
    // One changed file is the only one re-analyzed.
    write(
        d.path(),
        "doc002.txt",
        b"In 2025, exports from Zhejiang reached 43 billion yuan.\n",
    );
    let third = run(&args);
    assert!(
        stderr(&third).contains("analyzed 1 documents, 4 unchanged"),
        "{}",
        stderr(&third)
    );
}

#[test]
fn unchanged_files_reuse_the_stored_report_and_any_change_remakes_it() {
    let d = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    corpus(d.path(), 6);
    write(
        d.path(),
        "binary.txt",
        b"\x00\x01\x02\x03\x7fELF\x00\x00\x00\x00",
    );
    let (dir, cache_dir) = (p(d.path()), p(cache.path()));
    let reference = run(&["analyze", "--json", &dir, "--no-cache"]);
    let summary = run(&["analyze", &dir, "--no-cache"]);
    // Files are trusted unchanged from their metadata only once their times
    // are two seconds old (a file written within a clock tick of being read
    // could change again unseen).
    std::thread::sleep(std::time::Duration::from_millis(2300));
    let json = || run(&["analyze", "--json", &dir, "--cache-dir", &cache_dir, "-v"]);
    let first = json();
    assert!(
        stderr(&first).contains("analyzed 7 documents")
            || stderr(&first).contains("analyzed 6 documents"),
        "{}",
        stderr(&first)
    );
    let second = json();
    assert!(
        stderr(&second).contains("the report stored then"),
        "{}",
        stderr(&second)
    );
    assert_eq!(second.stdout, reference.stdout);
    // The refused file is still named, with its reason, as without the cache.
    assert!(
        stderr(&second).contains("binary.txt"),
        "{}",
        stderr(&second)
    );
    // The summary is another rendering: made once, then reused.
    let text = || run(&["analyze", &dir, "--cache-dir", &cache_dir, "-v"]);
    assert_eq!(text().stdout, summary.stdout);
    let again = text();
    assert!(
        stderr(&again).contains("the report stored then"),
        "{}",
        stderr(&again)
    );
    assert_eq!(again.stdout, summary.stdout);
    // Report files come from the store too, and --fail-on-conflict still
    // sees the conflict.
    let out_dir = tempfile::tempdir().unwrap();
    let out_json = out_dir.path().join("r.json");
    let failing = run(&[
        "analyze",
        &dir,
        "--cache-dir",
        &cache_dir,
        "--report",
        &p(&out_json),
        "--json",
        "--fail-on-conflict",
        "-v",
    ]);
    assert_eq!(failing.status.code(), Some(1));
    assert!(
        stderr(&failing).contains("the report stored then"),
        "{}",
        stderr(&failing)
    );
    assert_eq!(fs::read(&out_json).unwrap(), reference.stdout);
    // A damaged stored rendering is made anew, identical.
    for f in fs::read_dir(cache.path().join("reports")).unwrap() {
        let f = f.unwrap().path();
        let mut bytes = fs::read(&f).unwrap();
        let n = bytes.len() - 2;
        bytes[n] ^= 0x20;
        fs::write(&f, bytes).unwrap();
    }
    let remade = json();
    assert!(stderr(&remade).contains("made anew"), "{}", stderr(&remade));
    assert!(!stderr(&remade).contains("the report stored then"));
    assert_eq!(remade.stdout, reference.stdout);
    // A changed file is read again and the report remade with its figure.
    write(
        d.path(),
        "doc003.txt",
        b"In 2025, exports from Zhejiang reached 61 billion yuan.\n",
    );
    let changed = json();
    assert!(
        stderr(&changed).contains("analyzed 1 documents, 5 unchanged"),
        "{}",
        stderr(&changed)
    );
    let fresh = run(&["analyze", "--json", &dir, "--no-cache"]);
    assert_eq!(changed.stdout, fresh.stdout);
    assert_ne!(changed.stdout, reference.stdout);
}

fn cache_packs(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = fs::read_dir(dir.join("packs"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    out.sort();
    out
}

#[test]
fn damaged_or_unwritable_caches_give_the_same_results_as_no_cache() {
    let d = tempfile::tempdir().unwrap();
    corpus(d.path(), 6);
    let dir = p(d.path());
    let reference = run(&["analyze", "--json", &dir, "--no-cache"]);
    let cache = tempfile::tempdir().unwrap();
    let with_cache = |c: &Path| run(&["analyze", "--json", &dir, "--cache-dir", &p(c)]);
    assert_eq!(with_cache(cache.path()).stdout, reference.stdout);
    let store = crosscheck_pipeline::Cache::new(cache.path());
    assert_eq!(store.entry_count(), 6);
    let packs = cache_packs(cache.path());
    assert_eq!(packs.len(), 1, "{packs:?}");
    // The last record's body damaged (checksum), the pack torn in its
    // middle record, and packs of garbage and of nothing beside it.
    let mut bytes = fs::read(&packs[0]).unwrap();
    let n = bytes.len() - 1;
    bytes[n] ^= 0x55;
    let torn = packs[0].with_file_name("000-torn.pack");
    fs::write(&torn, &bytes[..bytes.len() / 2]).unwrap();
    fs::write(&packs[0], &bytes).unwrap();
    fs::write(
        cache.path().join("packs/001-garbage.pack"),
        b"not a cache at all",
    )
    .unwrap();
    fs::write(cache.path().join("packs/002-empty.pack"), b"").unwrap();
    let cache_dir = p(cache.path());
    let verbose = || run(&["analyze", "--json", &dir, "--cache-dir", &cache_dir, "-v"]);
    let out = verbose();
    assert_eq!(out.stdout, reference.stdout);
    assert!(
        stderr(&out).contains("analyzed 1 documents, 5 unchanged"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("corrupt cache entry"),
        "{}",
        stderr(&out)
    );
    // The recomputed entry went to a pack of its own and is found again.
    let again = verbose();
    assert_eq!(again.stdout, reference.stdout);
    assert!(
        stderr(&again).contains("re-analyzed nothing"),
        "{}",
        stderr(&again)
    );
    // A cache directory that cannot be made (a file stands in the way).
    let blocker = cache.path().join("blocker");
    fs::write(&blocker, b"x").unwrap();
    let out = run(&[
        "analyze",
        "--json",
        &dir,
        "--cache-dir",
        &p(&blocker.join("c")),
    ]);
    assert_eq!(out.stdout, reference.stdout);
    assert_eq!(
        stderr(&out).matches("cannot write").count(),
        1,
        "{}",
        stderr(&out)
    );
    // A read-only cache directory (not enforced for root).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let ro = tempfile::tempdir().unwrap();
        fs::set_permissions(ro.path(), fs::Permissions::from_mode(0o555)).unwrap();
        let out = with_cache(ro.path());
        assert_eq!(out.stdout, reference.stdout);
        fs::set_permissions(ro.path(), fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[test]
fn reports_are_written_in_every_format() {
    let d = tempfile::tempdir().unwrap();
    corpus(d.path(), 3);
    let out_dir = tempfile::tempdir().unwrap();
    let (html, md, json) = (
        out_dir.path().join("r.html"),
        out_dir.path().join("r.md"),
        out_dir.path().join("r.json"),
    );
    let out = run(&[
        "analyze",
        &p(d.path()),
        "--no-cache",
        "--report",
        &p(&html),
        "--report",
        &p(&md),
        "--report",
        &p(&json),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&fs::read(&json).unwrap()).unwrap();
    assert_eq!(v["documents"], 3);
    assert!(!v["conflicts"].as_array().unwrap().is_empty());
    let page = fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!doctype html>"));
    assert!(
        !page.contains("http://") && !page.contains("https://") && !page.contains("src="),
        "the page loads nothing from outside"
    );
    // Each mention links to its figure in the document's text, shown below.
    assert!(page.contains("href=\"#m-c0-0\""), "{page}");
    assert!(
        page.contains("<mark id=\"m-c0-0\"><a href=\"#c0\""),
        "{page}"
    );
    assert!(
        page.contains("Geely sold 200 cars"),
        "the documents' texts are in the page"
    );
    assert!(fs::read_to_string(&md)
        .unwrap()
        .starts_with("# Consistency report"));
    // Only the reports: no temporary files left beside them.
    assert_eq!(fs::read_dir(out_dir.path()).unwrap().count(), 3);
    // An unknown extension is a usage error, before any work.
    let out = run(&["analyze", &p(d.path()), "--no-cache", "--report", "r.doc"]);
    assert_eq!(out.status.code(), Some(2));
}

/// Ctrl-C mid-run: exit 130, no report, no torn cache entry; the next run
/// resumes from what the cache holds.
#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_no_report_and_a_sound_cache() {
    let d = tempfile::tempdir().unwrap();
    // Enough work that the run is still going when the signal comes.
    let body =
        "In 2025, exports from Zhejiang reached 43 billion yuan, up 7% on 2024.\n".repeat(300);
    for i in 0..400 {
        write(
            d.path(),
            &format!("d{i:03}.txt"),
            format!("Doc {i}.\n{body}").as_bytes(),
        );
    }
    let cache = tempfile::tempdir().unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let report = out_dir.path().join("r.json");
    let mut child = bin()
        .args([
            "analyze",
            &p(d.path()),
            "--jobs",
            "1",
            "--cache-dir",
            &p(cache.path()),
            "--report",
            &p(&report),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until some entries are written, then interrupt.
    let store = crosscheck_pipeline::Cache::new(cache.path());
    while store.entry_count() < 3 {
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(
            child.try_wait().unwrap().is_none(),
            "the run ended before it could be interrupted"
        );
    }
    Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", stderr(&out));
    assert!(stderr(&out).contains("interrupted"));
    assert!(!report.exists());
    assert_eq!(fs::read_dir(out_dir.path()).unwrap().count(), 0);
    let kept = store.entry_count();
    assert!(kept < 400, "{kept}");
    // The next run resumes: every entry kept is sound and is found again
    // (checked through the library, to spare a second full run).
    let found = (0..400)
        .filter(|i| {
            let name = p(&d.path().join(format!("d{i:03}.txt")));
            let bytes = fs::read(&name).unwrap();
            let doc = crosscheck_pipeline::Document::from_bytes(name, &bytes).unwrap();
            store.get_claims(doc.hash, &Default::default()).is_some()
        })
        .count();
    assert_eq!(found, kept);
}
