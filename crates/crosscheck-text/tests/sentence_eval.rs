//! Precision and recall of sentence ends on two hand-annotated documents
//! (tests/data/*.gold.txt, `‖` after each sentence). Run with
//! `cargo test -p crosscheck-text --test sentence_eval -- --nocapture` to
//! see the figures and the misses.

use crosscheck_text::{sentences, tokenize};
use std::collections::BTreeSet;

const MARK: char = '\u{2016}';

/// The document without marks, and the byte offsets where sentences end.
fn read_gold(gold: &str) -> (String, BTreeSet<usize>) {
    let mut text = String::with_capacity(gold.len());
    let mut ends = BTreeSet::new();
    for c in gold.chars() {
        if c == MARK {
            ends.insert(text.len());
        } else {
            text.push(c);
        }
    }
    (text, ends)
}

fn score(name: &str, gold: &str) -> (usize, usize, usize) {
    let (text, gold_ends) = read_gold(gold);
    let tokens = tokenize(&text);
    let predicted: BTreeSet<usize> = sentences(&text, &tokens).iter().map(|s| s.end).collect();
    let hits = predicted.intersection(&gold_ends).count();
    let line = |o: usize| text[..o].lines().count().max(1);
    for &o in predicted.difference(&gold_ends) {
        println!(
            "{name}: false end at line {}: {:?}",
            line(o),
            &text[o.saturating_sub(30)..o]
        );
    }
    for &o in gold_ends.difference(&predicted) {
        println!(
            "{name}: missed end at line {}: {:?}",
            line(o),
            &text[o.saturating_sub(30)..o]
        );
    }
    let p = hits as f64 / predicted.len() as f64;
    let r = hits as f64 / gold_ends.len() as f64;
    println!(
        "{name}: {} gold ends, {} predicted, {hits} right: precision {p:.3}, recall {r:.3}",
        gold_ends.len(),
        predicted.len()
    );
    (hits, predicted.len(), gold_ends.len())
}

#[test]
fn sentence_boundaries_against_gold() {
    let docs = [
        ("harbour", include_str!("data/harbour.gold.txt")),
        ("ledger", include_str!("data/ledger.gold.txt")),
    ];
    let (mut hits, mut predicted, mut gold) = (0, 0, 0);
    for (name, text) in docs {
        let (h, p, g) = score(name, text);
        hits += h;
        predicted += p;
        gold += g;
    }
    let p = hits as f64 / predicted as f64;
    let r = hits as f64 / gold as f64;
    println!("both: {gold} gold ends, {predicted} predicted, {hits} right: precision {p:.3}, recall {r:.3}");
    // A floor against regressions, well under the measured figures.
    assert!(p >= 0.9 && r >= 0.9, "precision {p:.3}, recall {r:.3}");
}
