//! What this crate's benches share.

/// The news-like text named by `CROSSCHECK_BENCH_TEXT`; exits with a
/// message saying how to get one when it is not set or cannot be read.
pub fn bench_text() -> String {
    let path = std::env::var("CROSSCHECK_BENCH_TEXT").unwrap_or_else(|_| {
        eprintln!("CROSSCHECK_BENCH_TEXT is not set: name a UTF-8 file of >= 10 MB of news-like text (cargo xtask bench makes one)");
        std::process::exit(2)
    });
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    })
}
