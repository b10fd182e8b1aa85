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
            json!({"doc": doc.name, "start": doc.offsets.to_file(t.span.start), "end": doc.offsets.to_file_end(t.span.end),
                   "text": text_of(doc, t.span.start, t.span.end), "kind": t.kind.as_str()})
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

/// A text span as file offsets: the end covers the source of the span's
/// last character (an entity, a multi-byte character) in full.
pub fn file_span(doc: &Document, start: usize, end: usize) -> (usize, usize) {
    let s = doc.offsets.to_file(start);
    (s, doc.offsets.to_file_end(end).max(s))
}

/// The document's claims with spans moved to file offsets and lines
/// counted in the file.
pub fn file_claims(doc: &Document, a: &DocAnalysis) -> Vec<Claim> {
    a.claims
        .iter()
        .map(|c| {
            let mut c = c.clone();
            let map = |s: crosscheck_text::Span| {
                let (start, end) = file_span(doc, s.start, s.end);
                crosscheck_text::Span::new(start, end)
            };
            c.quantity.span = map(c.quantity.span);
            c.sentence = map(c.sentence);
            c.line = doc.line_of(c.quantity.span.start);
            c
        })
        .collect()
}

pub fn claim(doc: &str, c: &Claim) -> String {
    let mut q = quantity_value(doc, "", &c.quantity, |s, e| (s, e));
    q["text"] = json!(c.text);
    json!({
        "doc": doc, "subject": c.subject, "metric": c.metric, "scope": c.scope,
        "period": c.period.map(|p| p.iso()), "quantity": q,
        "sentence": {"start": c.sentence.start, "end": c.sentence.end},
        "line": c.line, "guessed": c.guessed,
    })
    .to_string()
}
