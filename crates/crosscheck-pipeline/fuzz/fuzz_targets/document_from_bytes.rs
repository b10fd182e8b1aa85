//! Loading any bytes as a document (encoding detection, decoding, HTML
//! markup removal) never panics, and every text offset maps to a file
//! offset inside the file, in order.
#![no_main]

use crosscheck_pipeline::Document;
use libfuzzer_sys::fuzz_target;

/// The first byte picks the file name, so both the plain and the HTML
/// paths are fuzzed.
const NAMES: &[&str] = &["a.txt", "a.md", "a.html", "a.HTM"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[pick as usize % NAMES.len()];
    let Ok(doc) = Document::from_bytes(name, bytes) else {
        return;
    };
    let mut last = 0;
    for (i, _) in doc.text.char_indices().chain(std::iter::once((doc.text.len(), ' '))) {
        let f = doc.offsets.to_file(i);
        assert!(f <= bytes.len(), "text offset {i} maps to {f}, past the file's {} bytes", bytes.len());
        assert!(f >= last, "text offset {i} maps to {f}, before {last}");
        last = f;
    }
});
