//! The tagger's output on our gold documents, the fixtures and (when present)
//! the shared seeds, against a committed snapshot: a speed change must leave
//! it identical; a rule change shows its every effect in the snapshot's diff.
//!
//! After an intended change of output, re-bless the snapshot with
//! `CROSSCHECK_BLESS=1 cargo test -p crosscheck-entities --test snapshot`
//! and read the diff of `tests/snapshot.txt` before committing it.
//!
//! Our own documents are listed mention by mention; the seeds (real articles
//! we must not copy into the project) only by a count and a hash.

use crosscheck_entities::Tagger;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// FNV-1a, 64 bits: stable across Rust releases, unlike `DefaultHasher`.
fn fnv(bytes: &[u8], mut h: u64) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    out.retain(|p| {
        p.is_file()
            && p.extension()
                .is_some_and(|e| matches!(e.to_str(), Some("txt" | "md" | "html")))
    });
    out.sort();
    out
}

fn render() -> String {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = crate_dir.join("../..");
    let tagger = Tagger::global();
    let mut out = String::new();
    let ours = [
        ("eval/docs", crate_dir.join("eval/docs")),
        ("fixtures", root.join("fixtures")),
    ];
    for (label, dir) in &ours {
        for path in files(dir) {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let name = path
                .file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into());
            let _ = writeln!(out, "## {label}/{name}");
            for e in tagger.tag_text(&text) {
                let _ = writeln!(
                    out,
                    "{}..{}\t{}\t{}\t{}",
                    e.span.start,
                    e.span.end,
                    e.label.as_str(),
                    e.span.text(&text).replace('\n', "\\n"),
                    e.canonical
                );
            }
        }
    }
    let seeds = root.join("../shared/seeds");
    for path in files(&seeds) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let found = tagger.tag_text(&text);
        let mut h = 0xcbf2_9ce4_8422_2325;
        for e in &found {
            let line = format!(
                "{} {} {} {}\n",
                e.span.start,
                e.span.end,
                e.label.as_str(),
                e.canonical
            );
            h = fnv(line.as_bytes(), h);
        }
        let name = path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into());
        let _ = writeln!(
            out,
            "## seed {name}: {} mentions, hash {h:016x}",
            found.len()
        );
    }
    out
}

#[test]
fn output_matches_snapshot() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshot.txt");
    let now = render();
    if std::env::var_os("CROSSCHECK_BLESS").is_some() {
        std::fs::write(&path, &now).expect("write the snapshot");
        return;
    }
    let before = std::fs::read_to_string(&path).expect("tests/snapshot.txt exists");
    // Without the shared seeds (a fresh clone elsewhere), compare the rest.
    let has_seeds = now.contains("## seed ");
    let keep = |s: &str| -> String {
        s.lines()
            .filter(|l| has_seeds || !l.starts_with("## seed "))
            .map(|l| format!("{l}\n"))
            .collect()
    };
    let (a, b) = (keep(&before), keep(&now));
    if a != b {
        let first = a
            .lines()
            .zip(b.lines())
            .position(|(x, y)| x != y)
            .unwrap_or(a.lines().count().min(b.lines().count()));
        let show = |s: &str| s.lines().skip(first).take(3).collect::<Vec<_>>().join("\n");
        panic!(
            "output differs from tests/snapshot.txt from line {}:\n  was: {}\n  now: {}\n\
             (re-bless with CROSSCHECK_BLESS=1 if the change is intended)",
            first + 1,
            show(&a),
            show(&b)
        );
    }
}
