//! Tokens and sentences over a large news-like text, single thread, beside
//! the plain unicode-segmentation passes they are built on.
//!
//! The text is the file named by `CROSSCHECK_BENCH_TEXT` (UTF-8, >= 10 MB):
//! `CROSSCHECK_BENCH_TEXT=/tmp/bench10mb.txt cargo bench -p crosscheck-text`.

// criterion_group! defines an undocumented public function.
#![allow(missing_docs)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck_text::{sentences, tokenize, tokenize_into, tokenize_with};
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

fn bench(c: &mut Criterion) {
    let text = bench_text();
    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::BytesDecimal(text.len() as u64));
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(5));
    g.bench_function("tokens+sentences", |b| {
        b.iter(|| {
            let tokens = tokenize(black_box(&text));
            let sents = sentences(&text, &tokens);
            (tokens.len(), sents.len())
        })
    });
    // The pipeline's steady state: one token buffer serves document after
    // document, so the output's pages are not faulted in afresh each time.
    let mut buffer = Vec::new();
    g.bench_function("tokens+sentences (reused buffer)", |b| {
        b.iter(|| {
            tokenize_into(black_box(&text), &mut buffer);
            let sents = sentences(&text, &buffer);
            (buffer.len(), sents.len())
        })
    });
    g.bench_function("tokens", |b| b.iter(|| tokenize(black_box(&text)).len()));
    g.bench_function("tokens (no ASCII fast path)", |b| {
        b.iter(|| tokenize_with(black_box(&text), false).len())
    });
    g.bench_function("unicode-segmentation split_word_bounds", |b| {
        b.iter(|| black_box(&text).split_word_bounds().count())
    });
    g.bench_function("unicode-segmentation split_sentence_bounds", |b| {
        b.iter(|| black_box(&text).split_sentence_bounds().count())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
