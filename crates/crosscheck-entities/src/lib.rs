//! Tags companies, places, people and other organizations in business text,
//! and gives every alias of one entity the same canonical name.
//!
//! The tagger reads capitalized runs of words and decides each from evidence:
//! embedded gazetteers (GeoNames cities, ISO 3166 countries and subdivisions,
//! index-constituent companies, given names, Chinese surnames and pinyin
//! syllables; see `data/SOURCES.md`), the shape of the name (legal suffixes,
//! `Ministry of …`, `… Province`), and the sentence around it (`said X`,
//! `X, chairman of Y`, `shares of X`, `in X`). A second pass over the document
//! resolves short forms (`Geely`, `Wang`, `NBS`) against the full names found.
//!
//! ```
//! use crosscheck_entities::{Label, Tagger};
//!
//! let text = "Geely Auto Group said exports from Zhejiang Province rose, \
//!             according to Wang Meifang, an analyst at Qiantang Securities.";
//! let found = Tagger::global().tag_text(text);
//! assert!(found.iter().any(|e| e.label == Label::Company && e.canonical == "Geely"));
//! assert!(found.iter().any(|e| e.label == Label::Place && e.canonical == "Zhejiang"));
//! assert!(found.iter().any(|e| e.label == Label::Person && e.canonical == "Wang Meifang"));
//! assert!(found.iter().any(|e| e.label == Label::Company && e.canonical == "Qiantang"));
//! ```

mod canonical;
mod gazetteer;
mod rules;
mod tagger;
mod word_memo;

use crosscheck_text::{sentences, tokenize, Span, Token};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Label {
    /// A company or brand.
    Company,
    /// A country, region or bloc, province or state, city, port or zone.
    Place,
    /// A person.
    Person,
    /// An organization that is not a company: ministry, customs office,
    /// institute, newspaper, stock exchange.
    Organization,
}

impl Label {
    /// The contract's name: `COMPANY`, `PLACE`, `PERSON`, `ORGANIZATION`.
    ///
    /// ```
    /// assert_eq!(crosscheck_entities::Label::Place.as_str(), "PLACE");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Label::Company => "COMPANY",
            Label::Place => "PLACE",
            Label::Person => "PERSON",
            Label::Organization => "ORGANIZATION",
        }
    }

    /// Parses a contract name (`COMPANY`, …); `None` for anything else.
    ///
    /// ```
    /// use crosscheck_entities::Label;
    /// assert_eq!(Label::parse("PERSON"), Some(Label::Person));
    /// ```
    pub fn parse(s: &str) -> Option<Label> {
        match s {
            "COMPANY" => Some(Label::Company),
            "PLACE" => Some(Label::Place),
            "PERSON" => Some(Label::Person),
            "ORGANIZATION" => Some(Label::Organization),
            _ => None,
        }
    }
}

/// One entity mention.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entity {
    /// Where the mention is (a possessive `'s` and titles are never inside).
    pub span: Span,
    /// What it is.
    pub label: Label,
    /// The name all aliases of the entity share, in this document and across
    /// documents: `Zhejiang Province` and `Zhejiang` -> `Zhejiang`.
    pub canonical: String,
}

/// A tagger, built once and shared between threads.
///
/// Building it parses the embedded gazetteers into hash tables (under 20 ms
/// of CPU); [`Tagger::global`] does that once per process.
#[derive(Debug)]
pub struct Tagger {
    gaz: gazetteer::Gazetteer,
}

impl Tagger {
    /// Builds a new tagger. Prefer [`Tagger::global`], which builds one lazily
    /// and shares it.
    pub fn new() -> Tagger {
        Tagger {
            gaz: gazetteer::Gazetteer::load(),
        }
    }

    /// The shared tagger, built on first use (thread-safe).
    pub fn global() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(Tagger::new)
    }

    /// Tags `text`, tokenizing it first.
    ///
    /// ```
    /// let found = crosscheck_entities::Tagger::global().tag_text("Exports to Brazil rose.");
    /// assert_eq!(found[0].canonical, "Brazil");
    /// ```
    pub fn tag_text(&self, text: &str) -> Vec<Entity> {
        let tokens = tokenize(text);
        let sents = sentences(text, &tokens);
        self.tag(text, &tokens, &sents)
    }

    /// Tags `text` from its tokens and sentences (as made by `crosscheck-text`).
    /// Mentions come in text order and never overlap.
    pub fn tag(&self, text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<Entity> {
        let mut found = tagger::tag_many(&self.gaz, [(text, tokens, sentences)]);
        found.pop().expect("one list of mentions per document")
    }

    /// Tags several documents, each given as its text, tokens and sentences:
    /// one list of mentions per document, in order, each the same as
    /// [`Tagger::tag`] gives.
    ///
    /// Faster over a batch of short documents: the rules that read one
    /// sentence at a time run over every document first, then the ones
    /// that read a whole document, so that each part's code is loaded into
    /// the instruction cache once per batch rather than once per document.
    ///
    /// ```
    /// use crosscheck_entities::Tagger;
    /// use crosscheck_text::{sentences, tokenize};
    ///
    /// let texts = ["Exports to Brazil rose.", "Geely Auto Group said sales fell."];
    /// let tokens: Vec<_> = texts.iter().map(|t| tokenize(t)).collect();
    /// let sents: Vec<_> = texts.iter().zip(&tokens).map(|(t, k)| sentences(t, k)).collect();
    /// let tagger = Tagger::global();
    /// let found = tagger.tag_many(
    ///     (0..texts.len()).map(|i| (texts[i], tokens[i].as_slice(), sents[i].as_slice())),
    /// );
    /// assert_eq!(found[0][0].canonical, "Brazil");
    /// assert_eq!(found[1], tagger.tag(texts[1], &tokens[1], &sents[1]));
    /// ```
    pub fn tag_many<'a>(
        &'a self,
        docs: impl IntoIterator<Item = (&'a str, &'a [Token], &'a [Span])>,
    ) -> Vec<Vec<Entity>> {
        tagger::tag_many(&self.gaz, docs)
    }
}

impl Default for Tagger {
    fn default() -> Self {
        Tagger::new()
    }
}

/// Bumped whenever the rules change what the tagger outputs.
pub const RULES_VERSION: u32 = 2;

/// A fingerprint of the tagger: its rules version and every embedded data
/// file. A cache of analyses should mix it into its key, so that a new
/// gazetteer or new rules never serve stale entities.
///
/// ```
/// assert_eq!(crosscheck_entities::fingerprint(), crosscheck_entities::fingerprint());
/// ```
pub fn fingerprint() -> u64 {
    gazetteer::fingerprint(RULES_VERSION)
}

/// The entity a definite description such as `the province` or `the company`
/// most likely refers to: the nearest mention with `label` before byte `at`
/// (within the same document's entity list, as returned by [`Tagger::tag`]).
///
/// ```
/// use crosscheck_entities::{resolve_reference, Label, Tagger};
/// let text = "Exports from Zhejiang rose. The province shipped more cars.";
/// let found = Tagger::global().tag_text(text);
/// let at = text.find("The province").unwrap();
/// assert_eq!(resolve_reference(&found, at, Label::Place).unwrap().canonical, "Zhejiang");
/// ```
pub fn resolve_reference(entities: &[Entity], at: usize, label: Label) -> Option<&Entity> {
    entities
        .iter()
        .filter(|e| e.label == label && e.span.end <= at)
        .max_by_key(|e| e.span.end)
}
