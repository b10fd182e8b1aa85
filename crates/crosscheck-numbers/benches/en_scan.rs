//! Throughput of the recognizer over already-tokenized news text.
//!
//! `CROSSCHECK_BENCH_TEXT=/path/to/10mb.txt cargo bench -p crosscheck-numbers --bench en_scan`
//! The tokens are made once outside the timed loop: this measures the
//! recognizer alone (English, Chinese and time families and their merge).

// criterion_group! defines an undocumented public function.
#![allow(missing_docs)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let path = std::env::var("CROSSCHECK_BENCH_TEXT")
        .expect("set CROSSCHECK_BENCH_TEXT to a UTF-8 file of at least 10 MB of news-like text");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: cannot read the bench text: {e}"));
    let tokens = crosscheck_text::tokenize(&text);
    let recognizer = crosscheck_numbers::Recognizer::default();
    let mut group = c.benchmark_group("numbers");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("recognize_tokens", |b| {
        b.iter(|| recognizer.recognize(&text, &tokens).len())
    });
    group.bench_function("english_family", |b| {
        b.iter(|| crosscheck_numbers::recognize_english(&text).len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
