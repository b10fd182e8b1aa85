use crosscheck_entities::{Entity, Label, Tagger};
use crosscheck_numbers::{Period, Quantity, QuantityKind};
use crosscheck_text::{sentences, tokenize, LineIndex, Span, Token};
use serde::{Deserialize, Serialize};

/// Everything the earlier stages found in one document, borrowed.
#[derive(Debug, Clone)]
pub struct DocView<'a> {
    /// The document's index in the run.
    pub doc: u32,
    /// Its plain text.
    pub text: &'a str,
    /// Tokens of `text`.
    pub tokens: std::borrow::Cow<'a, [Token]>,
    /// Sentences of `text`.
    pub sentences: std::borrow::Cow<'a, [Span]>,
    /// Entities found in `text`.
    pub entities: std::borrow::Cow<'a, [Entity]>,
    /// Quantities found in `text`.
    pub quantities: std::borrow::Cow<'a, [Quantity]>,
}

impl<'a> DocView<'a> {
    /// Runs the earlier stages on `text` itself, for use without the pipeline.
    pub fn analyze(doc: u32, text: &'a str) -> Self {
        let tokens = tokenize(text);
        let sents = sentences(text, &tokens);
        let entities = Tagger::global().tag(text, &tokens, &sents);
        let quantities = crosscheck_numbers::recognize_tokens(text, &tokens);
        DocView {
            doc,
            text,
            tokens: tokens.into(),
            sentences: sents.into(),
            entities: entities.into(),
            quantities: quantities.into(),
        }
    }
}

/// One figure with what it is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The document's index in the run.
    pub doc: u32,
    /// Who or what the figure is about (a canonical entity name).
    pub subject: String,
    /// What is measured, as a canonical phrase.
    pub metric: String,
    /// Qualifiers that narrow the metric (destinations, segments).
    pub scope: Vec<String>,
    /// The period the figure is for.
    pub period: Option<Period>,
    /// The figure itself.
    pub quantity: Quantity,
    /// The figure's text.
    pub text: String,
    /// The sentence holding the figure.
    pub sentence: Span,
    /// The sentence's text.
    pub sentence_text: String,
    /// 1-based line of the figure.
    pub line: u32,
    /// True when subject, metric or period had to be guessed.
    pub guessed: bool,
}

const METRIC_WORDS: &[&str] = &[
    "exports",
    "imports",
    "production",
    "output",
    "sales",
    "revenue",
    "profit",
    "deliveries",
    "shipments",
    "capacity",
    "investment",
    "enterprises",
    "market share",
];

/// Makes one claim per figure that is not a time expression.
pub fn extract_claims(doc: &DocView<'_>) -> Vec<Claim> {
    let lines = LineIndex::new(doc.text);
    let main_subject = most_frequent_subject(&doc.entities);
    let mut out = Vec::new();
    for q in doc
        .quantities
        .iter()
        .filter(|q| q.kind != QuantityKind::Date)
    {
        let Some(sentence) = doc.sentences.iter().find(|s| s.contains(&q.span)).copied() else {
            continue;
        };
        let before = &doc.text[sentence.start..q.span.start];
        let lower = before.to_lowercase();
        let metric = METRIC_WORDS
            .iter()
            .filter_map(|m| lower.rfind(m).map(|p| (p, *m)))
            .max_by_key(|(p, _)| *p)
            .map(|(_, m)| m.to_string());
        let subject = doc
            .entities
            .iter()
            .rev()
            .filter(|e| sentence.contains(&e.span) && e.span.end <= q.span.start)
            .find(|e| matches!(e.label, Label::Company | Label::Place))
            .map(|e| e.canonical.clone());
        let period = doc
            .quantities
            .iter()
            .filter(|d| d.kind == QuantityKind::Date && sentence.contains(&d.span))
            .find_map(|d| d.period);
        let guessed = subject.is_none() || metric.is_none() || period.is_none();
        let (Some(metric), Some(subject)) = (metric, subject.or_else(|| main_subject.clone()))
        else {
            continue;
        };
        out.push(Claim {
            doc: doc.doc,
            subject,
            metric,
            scope: Vec::new(),
            period,
            quantity: q.clone(),
            text: q.span.text(doc.text).to_string(),
            sentence,
            sentence_text: sentence.text(doc.text).to_string(),
            line: lines.line_of(q.span.start) as u32,
            guessed,
        });
    }
    out
}

fn most_frequent_subject(entities: &[Entity]) -> Option<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for e in entities
        .iter()
        .filter(|e| matches!(e.label, Label::Company | Label::Place))
    {
        *counts.entry(&e.canonical).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(_, c)| *c)
        .map(|(n, _)| n.to_string())
}
