//! Claim quality against hand annotations of fixture documents
//! (`tests/data/claims_gold.jsonl`): how often subject, metric, scope and
//! period are right. Prints the figures; asserts only that every annotated
//! figure is found and that accuracy does not fall below a floor.

use crosscheck_reconcile::{extract_claims, DocView};
use std::collections::BTreeMap;

#[test]
fn claim_quality_on_annotated_fixtures() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let gold = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/claims_gold.jsonl"
    ))
    .expect("gold file");
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    let (mut n, mut found) = (0usize, 0usize);
    let mut right = [0usize; 4];
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let g: serde_json::Value = serde_json::from_str(line).expect("a gold record");
        let doc = g["doc"].as_str().unwrap_or_default().to_string();
        let text = texts.entry(doc.clone()).or_insert_with(|| {
            std::fs::read_to_string(format!("{root}/{doc}")).unwrap_or_default()
        });
        let view = DocView::analyze(0, text);
        let claims = extract_claims(&view);
        let lines = crosscheck_text::LineIndex::new(text.as_str());
        n += 1;
        let want_text = g["text"].as_str().unwrap_or_default();
        let want_line = g["line"].as_u64().unwrap_or(0) as usize;
        let Some(c) = claims
            .iter()
            .filter(|c| {
                let t = &text[c.start as usize..c.end as usize];
                lines.line_of(c.start as usize) == want_line
                    && (t.contains(want_text) || want_text.contains(t))
            })
            .max_by_key(|c| c.end - c.start)
        else {
            println!("MISSING {doc}:{want_line} {want_text}");
            continue;
        };
        found += 1;
        let s = |v: &serde_json::Value| v.as_str().unwrap_or("").to_string();
        let got = [
            c.subject.as_str().to_string(),
            c.metric.as_str().to_string(),
            c.scope.as_str().to_string(),
            c.period.map(|p| p.iso()).unwrap_or_default(),
        ];
        let want = [
            s(&g["subject"]),
            s(&g["metric"]),
            s(&g["scope"]),
            s(&g["period"]),
        ];
        for i in 0..4 {
            if got[i] == want[i] {
                right[i] += 1;
            } else {
                println!(
                    "{doc}:{want_line} {want_text}: {} got {:?}, want {:?}",
                    ["subject", "metric", "scope", "period"][i],
                    got[i],
                    want[i]
                );
            }
        }
    }
    let pct = |k: usize| 100.0 * k as f64 / n.max(1) as f64;
    println!(
        "claim quality over {n} annotated figures: found {found} ({:.0}%), subject {:.0}%, metric {:.0}%, scope {:.0}%, period {:.0}%",
        pct(found),
        pct(right[0]),
        pct(right[1]),
        pct(right[2]),
        pct(right[3])
    );
    assert!(
        found * 10 >= n * 8,
        "too many annotated figures without a claim"
    );
    assert!(right[0] * 10 >= n * 4, "subject accuracy below 40%");
}
