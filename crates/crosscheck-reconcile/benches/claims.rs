//! Claim extraction alone, over documents whose earlier layers (tokens,
//! sentences, entities, figures) are made beforehand.
//!
//! The documents are the news-like text named by `CROSSCHECK_BENCH_TEXT`
//! cut at paragraph breaks into pieces of about 4 KB (a news story's
//! length). Run: `CROSSCHECK_BENCH_TEXT=/tmp/bench10mb.txt cargo bench -p
//! crosscheck-reconcile --bench claims`.

#![allow(missing_docs)] // criterion's macros make undocumented items

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck_reconcile::{extract_claims, DocView};

/// Pieces of `text` of at least `size` bytes, cut after a blank line.
fn documents(text: &str, size: usize) -> Vec<&str> {
    let mut docs = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let cut = rest
            .get(size.min(rest.len())..)
            .and_then(|after| after.find("\n\n"))
            .map_or(rest.len(), |i| size + i + 2);
        let (doc, tail) = rest.split_at(cut.min(rest.len()));
        docs.push(doc);
        rest = tail;
    }
    docs
}

fn bench(c: &mut Criterion) {
    let text = common::bench_text();
    let views: Vec<DocView<'_>> = documents(&text, 4096)
        .into_iter()
        .enumerate()
        .map(|(i, d)| DocView::analyze(i as u32, d))
        .collect();
    let mut group = c.benchmark_group("claims");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("extract_claims", |b| {
        b.iter(|| views.iter().map(|v| extract_claims(v).len()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
