//! Throughput per CPU second, for a machine shared with others (where the
//! wall-clock figures of the criterion bench mostly measure the load).
//!
//! `cargo run --release -p crosscheck-numbers --example speed -- FILE [ROUNDS]`
//!
//! Tokenizes FILE once, then runs the whole recognizer and the English family
//! alone ROUNDS times each, and prints MB per CPU second of this process
//! (user + system time from `/proc/self/stat`, Linux only), and the whole
//! recognizer's best round by the wall clock (the round least disturbed by
//! other processes).

fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the line: 11 and 12 after `)`.
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: speed FILE [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: cannot read: {e}");
            std::process::exit(2);
        }
    };
    let tokens = crosscheck_text::tokenize(&text);
    let mb = text.len() as f64 / 1e6;
    let recognizer = crosscheck_numbers::Recognizer::default();
    let t0 = cpu_seconds();
    let mut n = 0;
    let mut best = f64::INFINITY;
    for _ in 0..rounds {
        let w = std::time::Instant::now();
        n = recognizer.recognize(&text, &tokens).len();
        best = best.min(w.elapsed().as_secs_f64());
    }
    let t1 = cpu_seconds();
    let mut m = 0;
    for _ in 0..rounds {
        m = crosscheck_numbers::recognize_english(&text).len();
    }
    let t2 = cpu_seconds();
    println!("text: {mb:.2} MB, {rounds} rounds");
    println!(
        "recognizer (all families + merge): {n} quantities, {:.1} MB per CPU second",
        mb * rounds as f64 / (t1 - t0).max(0.01)
    );
    println!(
        "recognizer, best round by the wall clock: {:.1} MB/s",
        mb / best.max(1e-6)
    );
    println!(
        "English family alone: {m} quantities, {:.1} MB per CPU second",
        mb * rounds as f64 / (t2 - t1).max(0.01)
    );
}
