//! Grouping and comparison over synthetic claims (10 million by default).
//!
//! Reads its vocabulary (subjects, metrics) from the news-like text named
//! by `CROSSCHECK_BENCH_TEXT`; `CROSSCHECK_BENCH_CLAIMS` sets the number
//! of claims. Run: `CROSSCHECK_BENCH_TEXT=/tmp/bench10mb.txt cargo bench -p
//! crosscheck-reconcile --bench reconcile`.

#![allow(missing_docs)] // criterion's macros make undocumented items

mod common;

use criterion::{criterion_group, criterion_main, Criterion};
use crosscheck_numbers::{Approx, Period, QuantityKind};
use crosscheck_reconcile::{flags, reconcile, Claim, How, Sym};

fn vocabulary() -> (Vec<Sym>, Vec<Sym>) {
    let text = common::bench_text();
    let mut subjects: Vec<&str> = Vec::new();
    let mut metrics: Vec<&str> = Vec::new();
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() > 3)
    {
        if w.chars().next().is_some_and(|c| c.is_uppercase()) {
            if subjects.len() < 2000 && !subjects.contains(&w) {
                subjects.push(w);
            }
        } else if metrics.len() < 200 && !metrics.contains(&w) {
            metrics.push(w);
        }
        if subjects.len() >= 2000 && metrics.len() >= 200 {
            break;
        }
    }
    if subjects.is_empty() || metrics.is_empty() {
        subjects.push("Zhejiang");
        metrics.push("exports");
    }
    (
        subjects.iter().map(|s| Sym::new(s)).collect(),
        metrics.iter().map(|s| Sym::new(s)).collect(),
    )
}

/// Deterministic synthetic claims: ~1 million keys of ~10 claims each, most
/// agreeing within rounding, one in 500 off by 30% (about 2% of keys conflict).
fn synthetic(n: usize) -> Vec<Claim> {
    let (subjects, metrics) = vocabulary();
    let units = [Sym::new("CNY"), Sym::new("%"), Sym::new("")];
    let mut x: u64 = 0x9E3779B97F4A7C15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let keys = (n / 10).max(1) as u64;
    (0..n)
        .map(|i| {
            let k = next() % keys;
            // One key per k: subject, metric and year are digits of k.
            let (ns, nm) = (subjects.len() as u64, metrics.len() as u64);
            let subject = subjects[(k % ns) as usize];
            let metric = metrics[((k / ns) % nm) as usize];
            let year = 1900 + ((k / (ns * nm)) % 5000) as i32;
            let kind_i = (k % 3) as usize;
            let base = 1.0 + (k % 1000) as f64;
            let r = next();
            let value = if r % 500 == 0 {
                base * 1.3
            } else {
                // Restatements round the same figure differently, within ±0.5.
                base + (r % 5) as f64 * 0.1
            };
            Claim {
                doc: (i / 30) as u32,
                start: (i % 30 * 100) as u32,
                end: (i % 30 * 100 + 8) as u32,
                sentence_start: (i % 30 * 100) as u32,
                sentence_end: (i % 30 * 100 + 90) as u32,
                line: (i % 30) as u32 + 1,
                subject,
                subject_tail: Sym::EMPTY,
                metric,
                scope: Sym::EMPTY,
                unit: units[kind_i],
                period: Some(Period::year(year)),
                kind: [
                    QuantityKind::Money,
                    QuantityKind::Percent,
                    QuantityKind::Count,
                ][kind_i],
                approx: Approx::Exact,
                change: k % 5 == 0,
                basis: None,
                value,
                lo: f64::NAN,
                hi: f64::NAN,
                precision: 0.5,
                subject_how: How::Possessive,
                metric_how: How::Clause,
                period_how: How::Clause,
                flags: if r % 97 == 0 { flags::MODAL } else { 0 },
                sum_group: 0,
                inline_share: false,
            }
        })
        .collect()
}

/// This process's user+system CPU time (Linux), so a shared, loaded machine
/// still gives a fair figure beside the wall time.
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let after = s
                .rsplit_once(')')?
                .1
                .split_whitespace()
                .collect::<Vec<_>>()
                .clone();
            let ut: f64 = after.get(11)?.parse().ok()?;
            let st: f64 = after.get(12)?.parse().ok()?;
            Some((ut + st) / 100.0)
        })
        .unwrap_or(0.0)
}

fn bench(c: &mut Criterion) {
    let n: usize = std::env::var("CROSSCHECK_BENCH_CLAIMS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000_000);
    let claims = synthetic(n);
    let docs: Vec<String> = (0..=(n / 30)).map(|i| format!("doc{i}.txt")).collect();
    eprintln!(
        "claim size: {} bytes; {} claims",
        std::mem::size_of::<Claim>(),
        claims.len()
    );
    let t = std::time::Instant::now();
    let cpu0 = cpu_seconds();
    let r = reconcile(&claims, &docs);
    eprintln!(
        "one run: {:.2} s wall, {:.2} s CPU, {} conflicts, {} review, {} corroborated",
        t.elapsed().as_secs_f64(),
        cpu_seconds() - cpu0,
        r.conflicts.len(),
        r.review.len(),
        r.corroborated
    );
    if std::env::var("CROSSCHECK_BENCH_DEBUG").is_ok() {
        for c in r.conflicts.iter().take(2) {
            eprintln!("{c:?}");
        }
    }
    drop(r);
    if std::env::var("CROSSCHECK_BENCH_ONCE").is_ok() {
        return;
    }
    let mut g = c.benchmark_group("reconcile");
    g.sample_size(10);
    g.bench_function(format!("group_and_compare_{n}"), |b| {
        b.iter(|| reconcile(&claims, &docs).conflicts.len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
