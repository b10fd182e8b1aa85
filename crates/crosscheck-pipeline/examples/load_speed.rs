//! Times loading, decoding and text extraction of one file:
//! `cargo run --release -p crosscheck-pipeline --example load_speed -- FILE...`

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("readable file");
        let t = std::time::Instant::now();
        let doc =
            crosscheck_pipeline::Document::from_bytes(path.as_str(), &bytes).expect("a document");
        let dt = t.elapsed().as_secs_f64();
        println!(
            "{path}: {} bytes -> {} bytes of text ({:?}, {}) in {:.3} s, {:.0} MB/s",
            bytes.len(),
            doc.text.len(),
            doc.markup,
            doc.encoding,
            dt,
            bytes.len() as f64 / dt / 1e6
        );
    }
}
