//! The contract's JSONL records, with offsets into the file as on disk.

use crosscheck_numbers::Quantity;
use crosscheck_pipeline::{DocAnalysis, Document};
use crosscheck_reconcile::Claim;
use serde_json::{json, Value};

fn text_of(doc: &Document, start: usize, end: usize) -> &str {
    doc.text.get(start..end).unwrap_or("")
}

pub fn tokens(doc: &Document, a: &DocAnalysis, sentences: bool) -> Vec<String> {
    if sentences {
        return a
            .sentences
            .iter()
            .map(|s| json!({"doc": doc.name, "start": doc.offsets.to_file(s.start), "end": doc.offsets.to_file_end(s.end)}).to_string())
            .collect();
    }
    a.tokens
        .iter()
        .map(|t| {
            json!({"doc": doc.name, "start": doc.offsets.to_file(t.start()), "end": doc.offsets.to_file_end(t.end()),
                   "text": text_of(doc, t.start(), t.end()), "kind": t.kind.as_str()})
            .to_string()
        })
        .collect()
}

pub fn entities(doc: &Document, a: &DocAnalysis) -> Vec<String> {
    a.entities
        .iter()
        .map(|e| {
            json!({"doc": doc.name, "start": doc.offsets.to_file(e.span.start), "end": doc.offsets.to_file_end(e.span.end),
                   "text": text_of(doc, e.span.start, e.span.end), "label": e.label.as_str(), "canonical": e.canonical})
            .to_string()
        })
        .collect()
}

/// A text span as file offsets: the end covers the source of the span's
/// last character (an entity, a multi-byte character) in full.
pub fn file_span(doc: &Document, start: usize, end: usize) -> (usize, usize) {
    let s = doc.offsets.to_file(start);
    (s, doc.offsets.to_file_end(end).max(s))
}

/// A quantity record; `map` turns a text span into output offsets.
pub fn quantity_value(
    doc: &str,
    text: &str,
    q: &Quantity,
    map: impl Fn(usize, usize) -> (usize, usize),
) -> Value {
    let (start, end) = map(q.span.start, q.span.end);
    let mut v = json!({
        "doc": doc, "start": start, "end": end,
        "text": text.get(q.span.range()).unwrap_or(""), "kind": q.kind.as_str(),
        "value": q.value, "unit": q.unit, "approx": q.approx.as_str(), "change": q.change,
    });
    let obj = v.as_object_mut().expect("an object");
    if let Some((lo, hi)) = q.range {
        obj.insert("range".into(), json!([lo, hi]));
    }
    if let Some(p) = q.precision {
        obj.insert("precision".into(), json!(p));
    }
    if let Some(b) = q.basis {
        obj.insert(
            "basis".into(),
            serde_json::to_value(b).unwrap_or(Value::Null),
        );
    }
    if let Some(p) = q.period {
        obj.insert("period".into(), json!(p.iso()));
        if p.cumulative {
            obj.insert("cumulative".into(), json!(true));
        }
        if p.fiscal {
            obj.insert("fiscal".into(), json!(true));
        }
    }
    v
}

pub fn quantities(doc: &Document, a: &DocAnalysis) -> Vec<String> {
    a.quantities
        .iter()
        .map(|q| quantity_value(&doc.name, &doc.text, q, |s, e| file_span(doc, s, e)).to_string())
        .collect()
}

/// A claim record: the contract's fields, plus scope, line, the claim's
/// flags and how each part of its key was found.
pub fn claim(doc: &Document, c: &Claim) -> String {
    let (sentence_start, sentence_end) =
        file_span(doc, c.sentence_start as usize, c.sentence_end as usize);
    let mut q = quantity_value(&doc.name, &doc.text, &c.quantity(), |s, e| {
        file_span(doc, s, e)
    });
    // Lines are counted in the file (markup and all), not in the plain text.
    let line = doc.line_of(doc.offsets.to_file(c.start as usize));
    q["text"] = json!(text_of(doc, c.start as usize, c.end as usize));
    let opt = |s: crosscheck_reconcile::Sym| (!s.is_empty()).then(|| s.as_str());
    let mut roles = Vec::new();
    for (bit, name) in [
        (crosscheck_reconcile::flags::CORRECTION, "correction"),
        (crosscheck_reconcile::flags::RETRACTED, "retracted"),
        (crosscheck_reconcile::flags::TOTAL, "total"),
        (crosscheck_reconcile::flags::PART, "part"),
        (crosscheck_reconcile::flags::MODAL, "forecast"),
        (crosscheck_reconcile::flags::SHARE, "share"),
    ] {
        if c.has(bit) {
            roles.push(name);
        }
    }
    json!({
        "doc": doc.name, "subject": opt(c.subject), "metric": opt(c.metric),
        "scope": opt(c.scope), "period": c.period.map(|p| p.iso()), "quantity": q,
        "sentence": {"start": sentence_start, "end": sentence_end},
        "line": line, "guessed": c.guessed(),
        "how": {"subject": c.subject_how.as_str(), "metric": c.metric_how.as_str(), "period": c.period_how.as_str()},
        "roles": roles,
    })
    .to_string()
}
