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

/// Tagged together ([`Tagger::tag_many`]), the documents of the snapshot
/// and the seeds get what each gets alone: nothing one document's passes
/// leave behind (words known by where they stand, the last piece looked
/// up, the runs kept for the document pass) reaches another's.
#[test]
fn tagging_documents_together_is_tagging_each_alone() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = crate_dir.join("../..");
    let texts: Vec<String> = [
        crate_dir.join("eval/docs"),
        root.join("fixtures"),
        root.join("../shared/seeds"),
    ]
    .iter()
    .flat_map(|dir| files(dir))
    .filter_map(|path| std::fs::read_to_string(path).ok())
    .collect();
    assert!(texts.len() >= 2, "documents to tag together");
    let (tokens, sents) = tokens_and_sentences(&texts);
    let tagger = Tagger::global();
    let together = tagger.tag_many(
        (0..texts.len()).map(|i| (texts[i].as_str(), tokens[i].as_slice(), sents[i].as_slice())),
    );
    assert_eq!(together.len(), texts.len());
    for (i, found) in together.iter().enumerate() {
        assert_eq!(
            *found,
            tagger.tag(&texts[i], &tokens[i], &sents[i]),
            "document {i}"
        );
    }
}

/// Two documents with different words at the same place: the second is
/// not read with what was learnt of the first's word there.
#[test]
fn a_word_is_not_taken_for_the_last_document_s_word_at_its_place() {
    let texts = ["Exports to Jordan rose.", "Exports to Brazil rose."];
    let (tokens, sents) = tokens_and_sentences(&texts);
    let found = Tagger::global()
        .tag_many((0..2).map(|i| (texts[i], tokens[i].as_slice(), sents[i].as_slice())));
    assert_eq!(found[0][0].canonical, "Jordan");
    assert_eq!(found[1][0].canonical, "Brazil");
}

/// Each text's tokens and sentences, as the pipeline makes them for the tagger.
fn tokens_and_sentences<T: AsRef<str>>(
    texts: &[T],
) -> (
    Vec<Vec<crosscheck_text::Token>>,
    Vec<Vec<crosscheck_text::Span>>,
) {
    let tokens: Vec<_> = texts
        .iter()
        .map(|t| crosscheck_text::tokenize(t.as_ref()))
        .collect();
    let sents = texts
        .iter()
        .zip(&tokens)
        .map(|(t, k)| crosscheck_text::sentences(t.as_ref(), k))
        .collect();
    (tokens, sents)
}
