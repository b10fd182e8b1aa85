//! Load time and tagging speed in one process, for the README:
//! `cargo run --release -p crosscheck-entities --example timing -- FILE`.

use std::fmt::Write;
use std::time::Instant;

fn main() {
    let t0 = Instant::now();
    let tagger = crosscheck_entities::Tagger::new();
    let load = t0.elapsed();
    println!("load: {:.1} ms", load.as_secs_f64() * 1e3);
    let Some(path) = std::env::args().nth(1) else {
        return;
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("{path}: cannot read as UTF-8");
        std::process::exit(2);
    };
    // Story-sized documents, as the bench makes them: about 8 KB ending at a blank line.
    let mut docs: Vec<&str> = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + 8192).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        end = text[end..].find("\n\n").map_or(text.len(), |p| end + p + 2);
        docs.push(&text[start..end]);
        start = end;
    }
    let cpu0 = cpu_ns();
    let t = Instant::now();
    let mut tok = std::time::Duration::ZERO;
    let mut hashing = std::time::Duration::ZERO;
    let mut n = 0;
    // A hash of every mention (FNV-1a), to check that a speed change keeps the output.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut line = String::new();
    for d in &docs {
        let a = Instant::now();
        let tokens = crosscheck_text::tokenize(d);
        let sents = crosscheck_text::sentences(d, &tokens);
        tok += a.elapsed();
        let found = tagger.tag(d, &tokens, &sents);
        n += found.len();
        let b = Instant::now();
        for e in &found {
            line.clear();
            let _ = writeln!(
                line,
                "{} {} {:?} {}",
                e.span.start, e.span.end, e.label, e.canonical
            );
            for b in line.bytes() {
                h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
            }
        }
        hashing += b.elapsed();
    }
    let all = (t.elapsed() - hashing).as_secs_f64();
    let cpu = cpu_ns()
        .zip(cpu0)
        .map(|(b, a)| b.saturating_sub(a) as f64 / 1e9);
    let mb = text.len() as f64 / 1e6;
    println!(
        "{n} entities in {} docs (output hash {h:016x}); total {:.2} MB/s; \
         tokenize+sentences {:.2} s, tag {:.2} s",
        docs.len(),
        mb / all,
        tok.as_secs_f64(),
        all - tok.as_secs_f64()
    );
    if let Some(cpu) = cpu {
        // CPU time of the loop (hashing the output included), from the scheduler.
        println!(
            "tokenize+sentences+tag: {:.3} CPU-s, {:.2} MB per CPU-second",
            cpu,
            mb / cpu
        );
    }
}

/// Nanoseconds this (single-threaded) process has run on a CPU, from
/// `/proc/self/schedstat`; `None` where there is no such file.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}
