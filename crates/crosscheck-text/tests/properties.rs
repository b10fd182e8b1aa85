//! Properties that hold for every input: tokens tile the text, sentences
//! and paragraphs are ordered, disjoint spans over whole tokens, and the
//! ASCII fast path changes nothing.

use crosscheck_text::{
    paragraphs, sentences, tokenize, tokenize_and_split_into, tokenize_with, Span, Token, TokenKind,
};
use proptest::prelude::*;

fn check_tokens(text: &str, tokens: &[Token]) -> Result<(), TestCaseError> {
    let mut pos = 0;
    for (i, t) in tokens.iter().enumerate() {
        // In order, no overlap, no gap: every byte in exactly one token.
        prop_assert_eq!(t.start(), pos, "gap or overlap before token {}", i);
        prop_assert!(t.end() > t.start(), "empty token {}", i);
        prop_assert!(text.is_char_boundary(t.start()) && text.is_char_boundary(t.end()));
        let s = t.text(text);
        if t.kind == TokenKind::Space {
            prop_assert!(s.chars().all(char::is_whitespace), "space token {:?}", s);
            if i > 0 {
                prop_assert!(tokens[i - 1].kind != TokenKind::Space, "two space tokens");
            }
        } else {
            prop_assert!(!s.chars().next().unwrap().is_whitespace(), "token {:?}", s);
        }
        pos = t.end();
    }
    prop_assert_eq!(pos, text.len(), "tokens stop short");
    Ok(())
}

/// Spans in order, disjoint, in bounds, non-empty, each starting and ending
/// on a token boundary; every non-space token in exactly one span.
fn check_spans(text: &str, tokens: &[Token], spans: &[Span]) -> Result<(), TestCaseError> {
    let mut last_end = 0;
    for s in spans {
        prop_assert!(s.start >= last_end, "overlap or out of order: {:?}", spans);
        prop_assert!(s.end > s.start && s.end <= text.len());
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        prop_assert!(tokens
            .iter()
            .any(|t| t.start() == s.start && t.kind != TokenKind::Space));
        prop_assert!(tokens
            .iter()
            .any(|t| t.end() == s.end && t.kind != TokenKind::Space));
        last_end = s.end;
    }
    for t in tokens.iter().filter(|t| t.kind != TokenKind::Space) {
        let holders = spans.iter().filter(|s| s.contains(&t.span())).count();
        prop_assert_eq!(holders, 1, "token {:?} in {} spans", t.text(text), holders);
    }
    Ok(())
}

fn check_all(text: &str) -> Result<(), TestCaseError> {
    let tokens = tokenize(text);
    check_tokens(text, &tokens)?;
    prop_assert_eq!(&tokens, &tokenize_with(text, false), "fast path differs");
    check_spans(text, &tokens, &sentences(text, &tokens))?;
    check_spans(text, &tokens, &paragraphs(text, &tokens))?;
    // The one-pass form gives the same tokens and sentences.
    // Start from dirty vectors: both must be cleared.
    let mut t2: Vec<Token> = tokens.iter().rev().take(3).copied().collect();
    let mut s2 = vec![Span::new(0, 0)];
    tokenize_and_split_into(text, &mut t2, &mut s2);
    prop_assert_eq!(&t2, &tokens);
    prop_assert_eq!(s2, sentences(text, &tokens), "one-pass sentences differ");
    // Every sentence lies inside one paragraph.
    let paras = paragraphs(text, &tokens);
    for s in sentences(text, &tokens) {
        prop_assert!(
            paras.iter().any(|p| p.contains(&s)),
            "sentence across paragraphs"
        );
    }
    Ok(())
}

/// Pieces of news-like text, so the generator hits the interesting rules.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Co".to_string()),
        Just("U.S".to_string()),
        Just("J".to_string()),
        Just("The".to_string()),
        Just("Mr".to_string()),
        Just("1,233,000".to_string()),
        Just("77.5".to_string()),
        Just("US$".to_string()),
        Just("3.2bn".to_string()),
        Just("RMB43".to_string()),
        Just("COVID-19".to_string()),
        Just("亿元".to_string()),
        Just("€".to_string()),
        Just("£".to_string()),
        Just("鿿".to_string()),
        Just("。".to_string()),
        Just("…".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        "[a-zA-Z]{1,6}",
        "[0-9]{1,4}",
        "[ .,;:!?&%$'\"()\\-]",
        "[ \n\r\t]{1,3}",
        "[é’–—\u{a0}\u{300}\u{2028}]",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check_all(&text)?;
    }

    #[test]
    fn ascii_strings(text in "[ -~\t\n\r]{0,80}") {
        check_all(&text)?;
    }

    #[test]
    fn news_like_strings(text in newsy()) {
        check_all(&text)?;
    }
}
