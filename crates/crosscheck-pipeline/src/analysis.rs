use crate::Document;
use crosscheck_entities::{Entity, Tagger};
use crosscheck_numbers::{Context, Quantity, Recognizer};
use crosscheck_reconcile::{extract_claims, Claim, DocView};
use crosscheck_text::{sentences, tokenize, Span, Token};
use serde::{Deserialize, Serialize};

/// Bumped whenever any stage's output may change, so old cache entries are
/// not reused.
pub const PIPELINE_VERSION: u32 = 94;

/// Options that change what the stages find (and so the cache key).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct AnalysisOptions {
    /// The date relative expressions (`last year`) resolve against, when the
    /// document does not give one.
    pub as_of: Option<(i32, u8, u8)>,
}

/// Everything the pipeline found in one document. Spans are into the
/// document's plain text; [`Document::offsets`] maps them to the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocAnalysis {
    /// Tokens.
    pub tokens: Vec<Token>,
    /// Sentences.
    pub sentences: Vec<Span>,
    /// Entity mentions.
    pub entities: Vec<Entity>,
    /// Figures and time expressions.
    pub quantities: Vec<Quantity>,
    /// Claims (with `doc` 0; the run renumbers them).
    pub claims: Vec<Claim>,
}

/// Runs every stage over one document.
pub fn analyze_text(doc: &Document, options: &AnalysisOptions) -> DocAnalysis {
    analyze_texts(&[doc], options)
        .pop()
        .expect("one analysis per document")
}

/// Runs every stage over several documents, one stage at a time over all
/// of them: the same analyses, in the same order, as [`analyze_text`] on
/// each.
///
/// Why stage by stage: each stage is tens of kilobytes of machine code,
/// more than a core's instruction cache holds together, and a news story
/// is a few kilobytes of text. Run document by document, every stage
/// reloaded its code (and retrained the branch predictor) for each story;
/// run over a handful of stories at once, it pays that once for all of
/// them.
///
/// ```
/// use crosscheck_pipeline::{analyze_text, analyze_texts, AnalysisOptions, Document};
/// let a = Document::from_text("a.txt", "Exports rose 5% in 2024.");
/// let b = Document::from_text("b.txt", "Imports fell 3% in 2024.");
/// let found = analyze_texts(&[&a, &b], &AnalysisOptions::default());
/// let one_by_one = [&a, &b].map(|d| analyze_text(d, &AnalysisOptions::default()));
/// // Compared as printed: an open range's NaN bound equals nothing.
/// assert_eq!(format!("{found:?}"), format!("{one_by_one:?}"));
/// ```
pub fn analyze_texts(docs: &[&Document], options: &AnalysisOptions) -> Vec<DocAnalysis> {
    let tokens: Vec<Vec<Token>> = docs.iter().map(|d| tokenize(&d.text)).collect();
    let sents: Vec<Vec<Span>> = docs
        .iter()
        .zip(&tokens)
        .map(|(d, t)| sentences(&d.text, t))
        .collect();
    let tagger = Tagger::global();
    // All documents' sentence passes, then all their document passes
    // ([`Tagger::tag_many`]), for the same reason.
    let entities: Vec<Vec<Entity>> = tagger.tag_many(
        docs.iter()
            .zip(tokens.iter().zip(&sents))
            .map(|(d, (t, s))| (d.text.as_str(), t.as_slice(), s.as_slice())),
    );
    let quantities: Vec<Vec<Quantity>> = docs
        .iter()
        .zip(&tokens)
        .map(|(d, t)| {
            Recognizer::new(Context {
                as_of: d.published,
                fallback_as_of: options.as_of,
            })
            .recognize(&d.text, t)
        })
        .collect();
    let claims: Vec<Vec<Claim>> = (0..docs.len())
        .map(|i| {
            extract_claims(&DocView {
                doc: 0,
                text: &docs[i].text,
                tokens: tokens[i].as_slice().into(),
                sentences: sents[i].as_slice().into(),
                entities: entities[i].as_slice().into(),
                quantities: quantities[i].as_slice().into(),
                date: docs[i].published,
            })
        })
        .collect();
    tokens
        .into_iter()
        .zip(sents)
        .zip(entities)
        .zip(quantities)
        .zip(claims)
        .map(
            |((((tokens, sentences), entities), quantities), claims)| DocAnalysis {
                tokens,
                sentences,
                entities,
                quantities,
                claims,
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A wire story whose dateline gives no year, and whose text names
    /// only an older one.
    const STORY: &str = "<p>TOKYO, Feb. 26 (Wire) -- Hallux Textiles said on Friday that its \
        gross margin came in at 7.56% last year.</p><p>Its market share was 3.5% in Q4 2024.</p>";

    fn margin_period(doc: &Document) -> Option<String> {
        let a = analyze_text(doc, &AnalysisOptions::default());
        a.claims
            .iter()
            .find(|c| c.metric.as_str() == "gross margin")
            .and_then(|c| c.period)
            .map(|p| p.iso())
    }

    #[test]
    fn a_page_s_publication_date_dates_its_relative_periods() {
        let page = format!(
            "<html><head><meta property=\"article:published_time\" \
             content=\"2026-02-26T08:00:00Z\"></head><body>{STORY}</body></html>"
        );
        let doc = Document::from_bytes("story.html", page.as_bytes()).unwrap();
        assert_eq!(doc.published, Some((2026, 2, 26)));
        assert_eq!(margin_period(&doc).as_deref(), Some("2025"));
        // Without it, the dateline's year is the earliest the text allows.
        let page = format!("<html><body>{STORY}</body></html>");
        let doc = Document::from_bytes("story.html", page.as_bytes()).unwrap();
        assert_eq!(doc.published, None);
        assert_eq!(margin_period(&doc).as_deref(), Some("2024"));
    }
}
