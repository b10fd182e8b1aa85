use crate::Document;
use crosscheck_entities::{Entity, Tagger};
use crosscheck_numbers::{Context, Quantity, Recognizer};
use crosscheck_reconcile::{extract_claims, Claim, DocView};
use crosscheck_text::{sentences, tokenize, Span, Token};
use serde::{Deserialize, Serialize};

/// Bumped whenever any stage's output may change, so old cache entries are
/// not reused.
pub const PIPELINE_VERSION: u32 = 93;

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
    let text = doc.text.as_str();
    let tokens = tokenize(text);
    let sents = sentences(text, &tokens);
    let entities = Tagger::global().tag(text, &tokens, &sents);
    let quantities = Recognizer::new(Context {
        as_of: doc.published,
        fallback_as_of: options.as_of,
    })
    .recognize(text, &tokens);
    let view = DocView {
        doc: 0,
        text,
        tokens: tokens.as_slice().into(),
        sentences: sents.as_slice().into(),
        entities: entities.as_slice().into(),
        quantities: quantities.as_slice().into(),
        date: doc.published,
    };
    let claims = extract_claims(&view);
    DocAnalysis {
        tokens,
        sentences: sents,
        entities,
        quantities,
        claims,
    }
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
