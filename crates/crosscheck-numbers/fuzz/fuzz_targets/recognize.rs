//! Any UTF-8 text: the recognizer must not panic or loop, and every span it
//! returns must lie on character boundaries inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let tokens = crosscheck_text::tokenize(text);
    for q in crosscheck_numbers::recognize_tokens(text, &tokens) {
        assert!(q.span.start <= q.span.end && q.span.end <= text.len());
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        if let Some(v) = q.value {
            assert!(v.is_finite(), "value {v}");
        }
    }
});
