use crate::Claim;
use crosscheck_numbers::Approx;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The kinds of conflict the contract names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConflictKind {
    /// Same subject, metric and period, incompatible values.
    Value,
    /// A document contradicts itself.
    #[serde(rename = "self")]
    SelfContradiction,
    /// A correction notice against the figure it corrects.
    Correction,
    /// Parts that do not add up to the stated total.
    Sum,
    /// A stated share its parts contradict.
    Share,
    /// A longer cumulative period smaller than a shorter one inside it.
    Period,
}

impl ConflictKind {
    /// The contract's name.
    pub fn as_str(&self) -> &'static str {
        match self {
            ConflictKind::Value => "value",
            ConflictKind::SelfContradiction => "self",
            ConflictKind::Correction => "correction",
            ConflictKind::Sum => "sum",
            ConflictKind::Share => "share",
            ConflictKind::Period => "period",
        }
    }
}

/// One figure as it appears in a conflict or corroboration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The document's path.
    pub doc: String,
    /// First byte of the figure.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The figure's text.
    pub text: String,
    /// Its normalized value.
    pub value: Option<f64>,
    /// Its unit.
    pub unit: Option<String>,
    /// 1-based line.
    pub line: u32,
    /// The sentence holding it.
    pub sentence: String,
}

/// Figures that cannot all be true.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// Which check found it.
    pub kind: ConflictKind,
    /// Who or what the figures are about.
    pub subject: String,
    /// What they measure.
    pub metric: String,
    /// The period, ISO 8601.
    pub period: Option<String>,
    /// One sentence saying why this is not a rounding or another period.
    pub explanation: String,
    /// Two or more mentions.
    pub mentions: Vec<Mention>,
}

/// The same figure stated in more than one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corroboration {
    /// Who or what the figures are about.
    pub subject: String,
    /// What they measure.
    pub metric: String,
    /// The period, ISO 8601.
    pub period: Option<String>,
    /// The agreeing mentions.
    pub mentions: Vec<Mention>,
}

/// The consistency report over all documents.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Report {
    /// Documents read.
    pub documents: usize,
    /// Claims compared.
    pub claims: usize,
    /// Conflicts, most certain first.
    pub conflicts: Vec<Conflict>,
    /// Pairs worth a look, where key extraction was unsure.
    pub review: Vec<Conflict>,
    /// Figures stated alike in several documents.
    pub corroborations: Vec<Corroboration>,
}

fn mention(c: &Claim, docs: &[String]) -> Mention {
    Mention {
        doc: docs.get(c.doc as usize).cloned().unwrap_or_default(),
        start: c.quantity.span.start,
        end: c.quantity.span.end,
        text: c.text.clone(),
        value: c.quantity.value,
        unit: c.quantity.unit.clone(),
        line: c.line,
        sentence: c.sentence_text.clone(),
    }
}

fn compatible(a: &Claim, b: &Claim) -> bool {
    let (alo, ahi) = a.quantity.interval();
    let (blo, bhi) = b.quantity.interval();
    let slack = |q: &crosscheck_numbers::Quantity| match q.approx {
        Approx::About => q.value.unwrap_or(0.0).abs() * 0.05,
        _ => 0.0,
    };
    let (sa, sb) = (slack(&a.quantity), slack(&b.quantity));
    alo - sa <= bhi + sb && blo - sb <= ahi + sa
}

/// Compares all claims and reports conflicts and corroborations.
///
/// `docs` gives each document's path, indexed by [`Claim::doc`].
pub fn reconcile(claims: &[Claim], docs: &[String]) -> Report {
    type Key = (String, String, Option<String>, Option<String>, bool, u8);
    let mut groups: BTreeMap<Key, Vec<&Claim>> = BTreeMap::new();
    for c in claims {
        let key = (
            c.subject.clone(),
            c.metric.clone(),
            c.period.map(|p| p.iso()),
            c.quantity.unit.clone(),
            c.quantity.change,
            c.quantity.kind as u8,
        );
        groups.entry(key).or_default().push(c);
    }
    let mut report = Report {
        documents: docs.len(),
        claims: claims.len(),
        ..Default::default()
    };
    for ((subject, metric, period, _, _, _), group) in groups {
        if period.is_none() {
            continue;
        }
        let mut conflicting = None;
        'outer: for (i, a) in group.iter().enumerate() {
            for b in &group[i + 1..] {
                if !compatible(a, b) {
                    conflicting = Some((*a, *b));
                    break 'outer;
                }
            }
        }
        if let Some((a, b)) = conflicting {
            let kind = if a.doc == b.doc {
                ConflictKind::SelfContradiction
            } else {
                ConflictKind::Value
            };
            let explanation = format!(
                "{} vs {}: the values differ beyond the rounding of either",
                a.text, b.text
            );
            let entry = Conflict {
                kind,
                subject,
                metric,
                period,
                explanation,
                mentions: vec![mention(a, docs), mention(b, docs)],
            };
            if a.guessed || b.guessed {
                report.review.push(entry);
            } else {
                report.conflicts.push(entry);
            }
        } else {
            let docs_in: std::collections::BTreeSet<u32> = group.iter().map(|c| c.doc).collect();
            if docs_in.len() > 1 {
                report.corroborations.push(Corroboration {
                    subject,
                    metric,
                    period,
                    mentions: group.iter().map(|c| mention(c, docs)).collect(),
                });
            }
        }
    }
    report
}
