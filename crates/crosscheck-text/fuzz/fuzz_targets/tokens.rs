//! Tokens, sentences and paragraphs on arbitrary bytes (lossily decoded):
//! never a panic, and the invariants the later stages rely on hold.
#![no_main]

use crosscheck_text::{
    paragraphs, sentences, tokenize, tokenize_and_split_into, tokenize_with, TokenKind,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let tokens = tokenize(text);
    let mut pos = 0;
    for t in &tokens {
        assert_eq!(t.start(), pos);
        assert!(t.end() > t.start());
        assert!(text.is_char_boundary(t.end()));
        pos = t.end();
    }
    assert_eq!(pos, text.len());
    assert_eq!(tokens, tokenize_with(text, false));
    let (mut t2, mut s2) = (Vec::new(), Vec::new());
    tokenize_and_split_into(text, &mut t2, &mut s2);
    assert_eq!(t2, tokens);
    assert_eq!(s2, sentences(text, &tokens));
    for spans in [sentences(text, &tokens), paragraphs(text, &tokens)] {
        let mut last = 0;
        for s in &spans {
            assert!(s.start >= last && s.end > s.start && s.end <= text.len());
            last = s.end;
        }
        // Every non-space token in exactly one span (both lists in order).
        let mut k = 0;
        for t in tokens.iter().filter(|t| t.kind != TokenKind::Space) {
            while k < spans.len() && spans[k].end <= t.start() {
                k += 1;
            }
            assert!(k < spans.len() && spans[k].contains(&t.span()));
        }
    }
});
