//! The whole per-document pipeline (load, tokens, sentences, entities,
//! numbers, claims) over any bytes never panics, and every span it returns
//! lies inside the text on character boundaries.
#![no_main]

use crosscheck_pipeline::{analyze_text, AnalysisOptions, Document};
use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &["a.txt", "a.md", "a.html"];

fn check(text: &str, start: usize, end: usize, what: &str) {
    assert!(start <= end && end <= text.len(), "{what} span {start}..{end} outside 0..{}", text.len());
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what} span {start}..{end} not on character boundaries"
    );
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[pick as usize % NAMES.len()];
    let Ok(doc) = Document::from_bytes(name, bytes) else {
        return;
    };
    let options = AnalysisOptions {
        as_of: (pick & 0x80 != 0).then_some((2025, 6, 30)),
    };
    let a = analyze_text(&doc, &options);
    let text = doc.text.as_str();
    let mut at = 0;
    for t in &a.tokens {
        check(text, t.start(), t.end(), "token");
        assert_eq!(t.start(), at, "tokens do not tile the text");
        at = t.end();
    }
    assert_eq!(at, text.len(), "tokens do not cover the text");
    for s in &a.sentences {
        check(text, s.start, s.end, "sentence");
    }
});
