#![allow(missing_docs)]
struct Instant(u64);
impl Instant {
    fn now() -> Instant {
        let s = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap();
        Instant(s.split_whitespace().next().unwrap().parse().unwrap())
    }
}
impl std::ops::Sub for Instant {
    type Output = std::time::Duration;
    fn sub(self, o: Instant) -> std::time::Duration {
        std::time::Duration::from_nanos(self.0 - o.0)
    }
}
fn main() {
    let text = std::fs::read_to_string(std::env::var("CROSSCHECK_BENCH_TEXT").unwrap()).unwrap();
    let mut best = [f64::MAX; 5];
    let mut reuse = Vec::new();
    if std::env::var("ONLY").is_ok() {
        for _ in 0..30 {
            crosscheck_text::tokenize_into(&text, &mut reuse);
            std::hint::black_box(crosscheck_text::sentences(&text, &reuse));
        }
        return;
    }
    let mut ntok = 0;
    let mut nsent = 0;
    for _ in 0..8 {
        let t0 = Instant::now();
        let toks = crosscheck_text::tokenize(&text);
        let t1 = Instant::now();
        let s = crosscheck_text::sentences(&text, &toks);
        let t2 = Instant::now();
        let n = 0;
        std::hint::black_box(n);
        let t3 = Instant::now();
        let w = unicode_segmentation::UnicodeSegmentation::split_word_bounds(text.as_str()).count();
        let t4 = Instant::now();
        let mut sv = Vec::new();
        crosscheck_text::tokenize_and_split_into(&text, &mut reuse, &mut sv);
        let t5 = Instant::now();
        ntok = toks.len();
        nsent = s.len();
        std::hint::black_box(w);
        for (k, d) in [
            t1.0 - t0.0,
            t2.0 - t1.0,
            t3.0 - t2.0,
            t4.0 - t3.0,
            t5.0 - t4.0,
        ]
        .map(std::time::Duration::from_nanos)
        .iter()
        .enumerate()
        {
            best[k] = best[k].min(d.as_secs_f64());
        }
    }
    let mb = text.len() as f64 / 1e6;
    println!(
        "tokens {ntok} ({:.2} B/token), sentences {nsent}",
        text.len() as f64 / ntok as f64
    );
    for (name, b) in [
        "tokenize",
        "sentences",
        "raw segments",
        "uax29 words",
        "tokenize_into",
    ]
    .iter()
    .zip(best)
    {
        println!("{name:14} {:7.1} ms {:7.1} MB/s", b * 1e3, mb / b);
    }
}
