//! Tokens and sentences over a large news-like text, single thread, beside
//! the plain unicode-segmentation passes they are built on.
//!
//! The text is the file named by `CROSSCHECK_BENCH_TEXT` (UTF-8, >= 10 MB):
//! `CROSSCHECK_BENCH_TEXT=/tmp/bench10mb.txt cargo bench -p crosscheck-text`.
//!
//! Two groups run the same functions: `wall` times them by the clock, as
//! criterion does by default; `cpu` by the time the benchmark thread spent
//! on a CPU (`/proc/thread-self/schedstat`), which a machine shared with
//! other work inflates much less. Both are throughput in decimal MB/s.

// criterion_group! defines an undocumented public function.
#![allow(missing_docs)]

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck_text::{sentences, tokenize, tokenize_and_split_into, tokenize_with};
use std::hint::black_box;
use std::time::Duration;
use unicode_segmentation::UnicodeSegmentation;

fn bench_text() -> String {
    let Ok(path) = std::env::var("CROSSCHECK_BENCH_TEXT") else {
        panic!(
            "CROSSCHECK_BENCH_TEXT is not set: name a UTF-8 file of >= 10 MB of news-like text \
             (`cargo xtask bench` makes one)"
        );
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => panic!("CROSSCHECK_BENCH_TEXT={path}: cannot read it as UTF-8 text: {e}"),
    }
}

/// Nanoseconds this thread has spent on a CPU, if the kernel says.
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// On-CPU time of the benchmark thread, in nanoseconds.
struct CpuTime;

impl Measurement for CpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_ns().unwrap_or(0)
    }
    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().unwrap_or(0).saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, v: &u64) -> f64 {
        *v as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        // Values are nanoseconds, as the clock's are.
        WallTime.formatter()
    }
}

fn group<M: Measurement>(c: &mut Criterion<M>, name: &str, text: &str) {
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::BytesDecimal(text.len() as u64));
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(4));
    g.bench_function("tokens+sentences", |b| {
        b.iter(|| {
            let tokens = tokenize(black_box(text));
            let sents = sentences(text, &tokens);
            (tokens.len(), sents.len())
        })
    });
    g.bench_function("tokens+sentences in one pass", |b| {
        b.iter(|| {
            let (mut tokens, mut sents) = (Vec::new(), Vec::new());
            tokenize_and_split_into(black_box(text), &mut tokens, &mut sents);
            (tokens.len(), sents.len())
        })
    });
    // The steady state of a long run: the same buffers serve document
    // after document, so the output's pages are not faulted in afresh.
    let (mut tokens, mut sents) = (Vec::new(), Vec::new());
    g.bench_function("tokens+sentences in one pass (reused buffers)", |b| {
        b.iter(|| {
            tokenize_and_split_into(black_box(text), &mut tokens, &mut sents);
            (tokens.len(), sents.len())
        })
    });
    // The pipeline's case: documents of a few kilobytes, each tokenized
    // into a fresh Vec (the allocator hands back memory it already has).
    let docs = documents(text, 8_000);
    g.bench_function("tokens+sentences (8 KB documents)", |b| {
        b.iter(|| {
            let mut n = 0;
            for doc in &docs {
                let tokens = tokenize(black_box(doc));
                n += tokens.len() + sentences(doc, &tokens).len();
            }
            n
        })
    });
    g.bench_function("tokens", |b| b.iter(|| tokenize(black_box(text)).len()));
    g.bench_function("tokens (no ASCII fast path)", |b| {
        b.iter(|| tokenize_with(black_box(text), false).len())
    });
    g.bench_function("unicode-segmentation split_word_bounds", |b| {
        b.iter(|| black_box(text).split_word_bounds().count())
    });
    g.bench_function("unicode-segmentation split_sentence_bounds", |b| {
        b.iter(|| black_box(text).split_sentence_bounds().count())
    });
    g.finish();
}

/// `text` cut after the first blank line past every `size` bytes.
fn documents(text: &str, size: usize) -> Vec<&str> {
    let mut docs = Vec::new();
    let mut rest = text;
    while rest.len() > size {
        // Searched as bytes: byte `size` may fall inside a character.
        let cut = rest.as_bytes()[size..]
            .windows(2)
            .position(|w| w == b"\n\n")
            .map_or(rest.len(), |p| size + p + 2);
        let (doc, tail) = rest.split_at(cut);
        docs.push(doc);
        rest = tail;
    }
    if !rest.is_empty() {
        docs.push(rest);
    }
    docs
}

fn wall(c: &mut Criterion) {
    group(c, "wall", &bench_text());
}

fn cpu(c: &mut Criterion<CpuTime>) {
    if thread_cpu_ns().is_none() {
        eprintln!("no /proc/thread-self/schedstat here: the cpu group is skipped");
        return;
    }
    group(c, "cpu", &bench_text());
}

criterion_group!(wall_benches, wall);
criterion_group! {
    name = cpu_benches;
    config = Criterion::default().with_measurement(CpuTime);
    targets = cpu
}
criterion_main!(wall_benches, cpu_benches);
