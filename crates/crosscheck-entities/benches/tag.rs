//! Entity tagging over a large news-like text, single thread, tokenizing
//! and sentence splitting included; and the cost of building the tagger.
//!
//! The text is the file named by `CROSSCHECK_BENCH_TEXT` (UTF-8, >= 10 MB):
//! `CROSSCHECK_BENCH_TEXT=/tmp/bench10mb.txt cargo bench -p crosscheck-entities`.
//! The text is tagged document by document, a document being a run of text
//! between two form feeds or, without them, about 8 KB ending at a blank line
//! (the size of a news story), as the pipeline does.

// criterion_group! defines an undocumented public function.
#![allow(missing_docs)]

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck_entities::Tagger;
use crosscheck_text::{sentences, tokenize};
use std::hint::black_box;
use std::time::Duration;

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

/// Splits the text into story-sized documents.
fn documents(text: &str) -> Vec<&str> {
    if text.contains('\u{c}') {
        return text.split('\u{c}').collect();
    }
    let mut docs = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + 8192).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        if let Some(p) = text[end..].find("\n\n") {
            end += p + 2;
        } else {
            end = text.len();
        }
        docs.push(&text[start..end]);
        start = end;
    }
    docs
}

fn bench(c: &mut Criterion) {
    let text = bench_text();
    let docs = documents(&text);
    let tagger = Tagger::global();
    let mut g = c.benchmark_group("entities");
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(8));
    g.throughput(Throughput::BytesDecimal(text.len() as u64));
    g.bench_function("tokenize+sentences+tag", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                let tokens = tokenize(black_box(d));
                let sents = sentences(d, &tokens);
                n += tagger.tag(d, &tokens, &sents).len();
            }
            n
        })
    });
    let pre: Vec<_> = docs
        .iter()
        .map(|d| {
            let t = tokenize(d);
            let s = sentences(d, &t);
            (t, s)
        })
        .collect();
    g.bench_function("tag only", |b| {
        b.iter(|| {
            let mut n = 0;
            for (d, (t, s)) in docs.iter().zip(&pre) {
                n += tagger.tag(black_box(d), t, s).len();
            }
            n
        })
    });
    g.finish();
    let mut g = c.benchmark_group("entities-load");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(5));
    g.bench_function("Tagger::new", |b| b.iter(Tagger::new));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
