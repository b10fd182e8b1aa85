//! Prints the claims of a text given as the first argument (or stdin), one per line.
use crosscheck_reconcile::{extract_claims, DocView};
use std::io::Read;

fn main() {
    let text = match std::env::args().nth(1) {
        Some(t) => t,
        None => {
            let mut s = String::new();
            let _ = std::io::stdin().read_to_string(&mut s);
            s
        }
    };
    let view = DocView::analyze(0, &text);
    for c in extract_claims(&view) {
        println!(
            "{:>20} | {:<14} {:<12} | {:<28} {:<12} | {:<16} {:<10} | {:<10} {:<9} | {:?}{}",
            &text[c.start as usize..c.end as usize],
            c.subject.as_str(),
            c.subject_how.as_str(),
            c.metric.as_str(),
            c.metric_how.as_str(),
            c.scope.as_str(),
            c.period.map(|p| p.iso()).unwrap_or_default(),
            c.period_how.as_str(),
            if c.change { "change" } else { "level" },
            c.kind,
            if c.flags != 0 {
                format!(" flags={}", c.flags)
            } else {
                String::new()
            },
        );
    }
}
