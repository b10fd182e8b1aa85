//! From figures to claims: what each figure is about.

use crate::interval::Interval;
use crate::lexicon::{
    normalize_product, CJK_LINK_WORDS, CJK_METRICS, CJK_NOT_PRODUCT, CORRECTION_WORDS, DEMONYMS,
    FUNCTION_WORDS, METRICS, MODAL_WORDS, NOT_METRIC_AFTER, SCOPE_WORDS,
};
use crate::lexicon::{WordList, WordTable};
use crate::Sym;
use crosscheck_entities::{Entity, Label, Tagger};
use crosscheck_numbers::{Approx, Basis, Granularity, Period, Quantity, QuantityKind};
use crosscheck_text::{sentences, tokenize, Shape, Span, Token, TokenKind};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

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
    /// The document's date when it is known from outside its text (a web
    /// page's publication date), as the recognizer was given it.
    pub date: Option<(i32, u8, u8)>,
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
            date: None,
        }
    }
}

/// How a part of a claim's key was found, most certain first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum How {
    /// A possessive or a name right before the metric: `Zhejiang's exports`.
    Possessive,
    /// A preposition after the metric: `exports from Zhejiang`, `in Zhejiang`.
    Preposition,
    /// A list matched item by item (`respectively`, `Hubei (18.2%)`).
    List,
    /// In the figure's own clause.
    Clause,
    /// Elsewhere in the figure's sentence (its subject, its time expression).
    Sentence,
    /// A pronoun or `the province`/`the company` resolved to the entity it names.
    Anaphora,
    /// The date the document was written (its dateline or release line),
    /// for what it states in the present tense: `employs 346 people`.
    Dated,
    /// Carried from an earlier sentence of the same paragraph.
    Context,
    /// The document's main subject or period, as a last resort: a guess.
    Document,
    /// Not found.
    #[default]
    Missing,
}

impl How {
    /// The name used in records.
    pub fn as_str(&self) -> &'static str {
        match self {
            How::Possessive => "possessive",
            How::Preposition => "preposition",
            How::List => "list",
            How::Clause => "clause",
            How::Sentence => "sentence",
            How::Anaphora => "anaphora",
            How::Dated => "dated",
            How::Context => "context",
            How::Document => "document",
            How::Missing => "missing",
        }
    }
}

/// Bits of [`Claim::flags`].
pub mod flags {
    /// A correction notice's corrected figure.
    pub const CORRECTION: u8 = 1;
    /// A figure a correction notice says was wrong.
    pub const RETRACTED: u8 = 2;
    /// A total that later figures of the sentence break down.
    pub const TOTAL: u8 = 4;
    /// A part of a total.
    pub const PART: u8 = 8;
    /// The parts are said to make up the whole total.
    pub const EXHAUSTIVE: u8 = 16;
    /// A forecast, target or plan.
    pub const MODAL: u8 = 32;
    /// The metric is a share, `P share of W`.
    pub const SHARE: u8 = 64;
    /// A range rather than a point (`lo`/`hi` hold it).
    pub const RANGE: u8 = 128;
}

/// One figure with what it is about.
///
/// Compact on purpose (about 100 bytes, no heap): strings are interned
/// [`Sym`]s and the texts of the figure and its sentence are not kept, only
/// their spans; the report fetches them later (see [`crate::Report::fill_text`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The document's index in the run.
    pub doc: u32,
    /// First byte of the figure in the document's text.
    pub start: u32,
    /// One past its last byte.
    pub end: u32,
    /// First byte of its sentence.
    pub sentence_start: u32,
    /// One past the sentence's last byte.
    pub sentence_end: u32,
    /// 1-based line of the figure.
    pub line: u32,
    /// Who or what the figure is about (a canonical entity name).
    pub subject: Sym,
    /// For a company subject, the word after the core of its name where
    /// the document names it in full (`Robotics` of `Roston Robotics plc`),
    /// else empty: it tells apart companies whose names share their core
    /// (see `subjects.rs`).
    pub subject_tail: Sym,
    /// What is measured, as a canonical phrase (`NEV exports`).
    pub metric: Sym,
    /// Qualifiers that narrow it, sorted, `; `-joined (`to EU; overseas`).
    pub scope: Sym,
    /// The unit (`CNY`, `%`, `pp`, a counted noun's lemma, an SI symbol).
    pub unit: Sym,
    /// The period the figure is for.
    pub period: Option<Period>,
    /// What sort of figure.
    pub kind: QuantityKind,
    /// How exactly it is stated.
    pub approx: Approx,
    /// A change rather than a level.
    pub change: bool,
    /// What a change is measured against.
    pub basis: Option<Basis>,
    /// The normalized value; NaN for a closed range.
    pub value: f64,
    /// Range low end (with [`flags::RANGE`]); -inf when open.
    pub lo: f64,
    /// Range high end; +inf when open.
    pub hi: f64,
    /// Half the rounding step of the digits.
    pub precision: f32,
    /// How the subject was found.
    pub subject_how: How,
    /// How the metric was found.
    pub metric_how: How,
    /// How the period was found.
    pub period_how: How,
    /// [`flags`] bits.
    pub flags: u8,
    /// For totals and their parts: 1 + the index of the sentence holding the total.
    pub sum_group: u32,
    /// A share whose part is the figure just before it and whose whole is
    /// the figure just after it in the sentence (`8.6bn made up 45% of total
    /// revenue of 24.6bn`).
    pub inline_share: bool,
}

impl Claim {
    /// True when subject, metric or period had to be guessed.
    pub fn guessed(&self) -> bool {
        matches!(self.subject_how, How::Document | How::Missing)
            || matches!(self.metric_how, How::Context | How::Document | How::Missing)
            || matches!(self.period_how, How::Document | How::Missing)
    }

    /// True when the flag bit is set.
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    /// The figure's value as an optional number.
    pub fn value(&self) -> Option<f64> {
        (!self.value.is_nan()).then_some(self.value)
    }

    /// The figure's range, when it has one.
    pub fn range(&self) -> Option<(Option<f64>, Option<f64>)> {
        self.has(flags::RANGE).then(|| {
            (
                self.lo.is_finite().then_some(self.lo),
                self.hi.is_finite().then_some(self.hi),
            )
        })
    }

    /// The values the figure allows; fractions are read as percentages.
    pub fn interval(&self) -> Interval {
        let i = Interval::of(
            self.value(),
            self.range(),
            Some(self.precision as f64),
            self.approx,
        );
        if self.kind == QuantityKind::Fraction && self.unit.is_empty() {
            Interval {
                lo: i.lo * 100.0,
                hi: i.hi * 100.0,
                open: i.open,
            }
        } else {
            i
        }
    }

    /// The figure's span in the document's text.
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// The sentence's span in the document's text.
    pub fn sentence(&self) -> Span {
        Span::new(self.sentence_start as usize, self.sentence_end as usize)
    }

    /// The figure as a numbers-stage quantity (for records).
    pub fn quantity(&self) -> Quantity {
        let mut q = Quantity::new(self.span(), self.kind, self.value());
        q.range = self.range();
        q.unit = (!self.unit.is_empty()).then(|| self.unit.as_str().to_string());
        q.approx = self.approx;
        q.change = self.change;
        q.basis = self.basis;
        q.precision = (self.precision > 0.0).then_some(self.precision as f64);
        q
    }

    /// The unit dimension that decides which figures compare: the currency,
    /// `%`, `pp`, `count`, a measure's unit, `x` for multipliers.
    pub fn dimension(&self) -> &'static str {
        match self.kind {
            QuantityKind::Money => self.unit.as_str(),
            QuantityKind::Percent => {
                if self.unit.as_str() == "pp" {
                    "pp"
                } else {
                    "%"
                }
            }
            QuantityKind::Fraction => "%",
            QuantityKind::Count | QuantityKind::Number => "count",
            QuantityKind::Measure => self.unit.as_str(),
            QuantityKind::Multiplier => "x",
            QuantityKind::Ordinal | QuantityKind::Date => "",
        }
    }
}

/// A word of a sentence, lower-cased, with a possessive `'s` split off.
#[derive(Debug, Clone)]
struct W<'a> {
    /// Borrowed: from the ASCII-lowercased text, or from the document's
    /// [`NonAsciiLower`]. A `String` per word per sentence was the largest
    /// allocation cost of extraction, and a `Cow` still cost a drop per word
    /// and a test per read.
    lc: &'a str,
    start: usize,
    end: usize,
    kind: TokenKind,
    poss: bool,
    /// End of the word as written, possessive split off (`text[start..raw_end]`):
    /// an offset rather than a slice, which few words are ever asked for.
    raw_end: usize,
    /// What the sentence walks ask of the word ([`fact`] bits), looked up
    /// once here rather than in a list per walk per figure.
    facts: u32,
}

impl W<'_> {
    /// True when the word has any of the [`fact`] bits in `bits`.
    #[inline]
    fn is(&self, bits: u32) -> bool {
        self.facts & bits != 0
    }

    /// Starts with a capital letter (in `text`, the text the word is of).
    /// Asked of the few words before a metric, so not worked out for every
    /// word of every sentence.
    fn is_title(&self, text: &str) -> bool {
        text[self.start..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }
}

/// The scope a word names (`abroad` → `overseas`); the fact bit spares
/// most words the list.
fn scope_of(w: &W) -> Option<&'static str> {
    w.is(fact::SCOPE).then(|| SCOPE_WORDS.get(w.lc)).flatten()
}

/// Bits of [`W::facts`]: which of the word lists the claim rules consult
/// hold the (lowercase) word.
mod fact {
    /// In [`FUNCTION_WORDS`](crate::lexicon::FUNCTION_WORDS): ends a noun phrase.
    pub const FUNCTION: u32 = 1;
    /// Opens a phrase of [`METRICS`](crate::lexicon::METRICS).
    pub const METRIC_FIRST: u32 = 1 << 1;
    /// In [`MODAL_WORDS`](crate::lexicon::MODAL_WORDS).
    pub const MODAL: u32 = 1 << 2;
    /// In [`super::PLAN_WORDS`]: modal before `to`.
    pub const PLAN: u32 = 1 << 3;
    /// `to`.
    pub const TO: u32 = 1 << 4;
    /// In [`CORRECTION_WORDS`](crate::lexicon::CORRECTION_WORDS).
    pub const CORRECTION: u32 = 1 << 5;
    /// In [`super::CORRECTION_CUES`]: a correction with the words after it.
    pub const CORRECTION_CUE: u32 = 1 << 6;
    /// In [`super::CLAUSE_ENDS`].
    pub const CLAUSE_END: u32 = 1 << 7;
    /// `,`.
    pub const COMMA: u32 = 1 << 8;
    /// In [`super::CLAUSE_AFTER_COMMA`].
    pub const CLAUSE_AFTER_COMMA: u32 = 1 << 9;
    /// `(`.
    pub const OPEN: u32 = 1 << 10;
    /// `)`.
    pub const CLOSE: u32 = 1 << 11;
    /// Opens a marker of [`super::SUM_MARKERS`].
    pub const SUM_MARKER: u32 = 1 << 12;
    /// In [`super::OTHER_WORDS`].
    pub const OTHER: u32 = 1 << 13;
    /// In [`super::REST_WORDS`].
    pub const REST: u32 = 1 << 14;
    /// `respectively`.
    pub const RESPECTIVELY: u32 = 1 << 15;
    /// `is`.
    pub const IS: u32 = 1 << 16;
    /// In [`NOT_METRIC_AFTER`](crate::lexicon::NOT_METRIC_AFTER).
    pub const NOT_METRIC_AFTER: u32 = 1 << 17;
    /// A key of [`SCOPE_WORDS`](crate::lexicon::SCOPE_WORDS).
    pub const SCOPE: u32 = 1 << 18;
    /// Is a marker of [`super::SUM_MARKERS`] by itself (`including`).
    pub const SUM_MARKER_ALONE: u32 = 1 << 19;
    /// Second word of a marker of [`super::SUM_MARKERS`] (`which` of `of which`).
    pub const SUM_MARKER_SECOND: u32 = 1 << 20;
    /// `the`.
    pub const THE: u32 = 1 << 21;
    /// In [`super::PLACE_NOUNS`].
    pub const PLACE_NOUN: u32 = 1 << 22;
    /// In [`super::COMPANY_NOUNS`].
    pub const COMPANY_NOUN: u32 = 1 << 23;
    /// In [`super::POSS_PRONOUNS`].
    pub const POSS_PRONOUN: u32 = 1 << 24;
    /// In [`super::SUBJECT_PRONOUNS`].
    pub const SUBJECT_PRONOUN: u32 = 1 << 25;
    /// In [`super::BASE_WORDS`]: a comparison base follows.
    pub const BASE: u32 = 1 << 26;
    /// In [`super::VOLUME_WORDS`].
    pub const VOLUME: u32 = 1 << 27;
    /// In [`super::OWNER_WORDS`]: who owns the enterprises named after it.
    pub const OWNER: u32 = 1 << 28;
    /// In [`super::RIVAL_WORDS`]: the name after it is a rival's.
    pub const RIVAL: u32 = 1 << 29;
    /// A word right after a figure that [`super::noun_after_figure`] reads
    /// (the words of [`super::INVESTMENT_NOUNS`], [`super::FACILITY_NOUNS`],
    /// [`super::FACILITY_ORDINALS`] and [`super::THRESHOLD_NOUNS`]).
    pub const NOUN_AFTER_FIGURE: u32 = 1 << 30;
}

/// Words before a date that make it a comparison base (`from ... in 2024`).
const BASE_WORDS: &[&str] = &[
    "from", "than", "compared", "versus", "vs", "since", "against", "over",
];
/// Words that make a growth rate one of a volume, not a value.
const VOLUME_WORDS: &[&str] = &["volume", "volumes", "units", "tonnes", "tons"];
/// Words that end a clause (see [`clause_ids`]).
const CLAUSE_ENDS: &[&str] = &[";", "—", "–", "--", ":", "(", ")"];
/// Words after a comma that start a new clause.
const CLAUSE_AFTER_COMMA: &[&str] = &[
    "while", "whereas", "but", "which", "where", "and", "with", "compared",
];
/// Who owns the enterprises that trade (`Private enterprises exported ...`).
const OWNER_WORDS: &[&str] = &[
    "private",
    "state-owned",
    "foreign-invested",
    "foreign-funded",
];
/// Words before a rival's name (see [`named_in_passing`]).
const RIVAL_WORDS: &[&str] = &[
    "rival",
    "rivals",
    "competitor",
    "competitors",
    "peer",
    "peers",
];
/// Nouns after a sum of money that make it what a project costs
/// (`the 5.4 billion yuan project`), in [`noun_after_figure`].
const INVESTMENT_NOUNS: &[&str] = &[
    "project",
    "plant",
    "facility",
    "factory",
    "programme",
    "program",
    "base",
];
/// Nouns after a measure that make it what a facility can make (`the 18
/// GWh phase`), in [`noun_after_figure`].
const FACILITY_NOUNS: &[&str] = &[
    "plant", "facility", "factory", "phase", "line", "base", "project",
];
/// Words between such a measure and its facility's noun (`the 18 GWh
/// first phase`).
const FACILITY_ORDINALS: &[&str] = &["first", "second", "third", "new"];
/// Nouns after a figure that make it a threshold, no figure (`the 4
/// trillion yuan mark`).
const THRESHOLD_NOUNS: &[&str] = &["mark", "threshold", "barrier", "milestone", "level"];
/// `aims to`, `plans to`: a forecast.
const PLAN_WORDS: &[&str] = &["aims", "plans", "aim", "plan"];
/// Words that mark a correction with what follows them (see [`correction_words`]).
const CORRECTION_CUES: &[&str] = &["should", "correct", "clerical"];
/// Words of a breakdown of all the rest (see [`mark_breakdown`]).
const OTHER_WORDS: &[&str] = &["other", "rest", "remainder", "remaining"];
/// Words that make a list of parts complete (see [`mark_sums`]).
const REST_WORDS: &[&str] = &["rest", "remainder", "remaining", "balance"];
/// Markers of a total's parts after it, and whether they say the parts are all of it.
const SUM_MARKERS: &[(&[&str], bool)] = &[
    (&["including"], false),
    (&["included"], false),
    (&["includes"], false),
    (&["of", "which"], false),
    (&["of", "the", "total"], false),
    (&["among", "them"], false),
    (&["其", "中"], false),
    (&["comprising"], true),
    (&["consisting", "of"], true),
    (&["made", "up", "of"], true),
    (&["split", "between"], true),
    (&["split", "into"], true),
    (&["broken", "down", "into"], true),
];

/// Each word of the lists behind [`fact`] with its bit.
fn fact_words() -> impl Iterator<Item = (&'static str, u32)> {
    let lists: [(&'static [&'static str], u32); 24] = [
        (FUNCTION_WORDS, fact::FUNCTION),
        (MODAL_WORDS, fact::MODAL),
        (PLAN_WORDS, fact::PLAN),
        (&["to"], fact::TO),
        (CORRECTION_WORDS, fact::CORRECTION),
        (CORRECTION_CUES, fact::CORRECTION_CUE),
        (CLAUSE_ENDS, fact::CLAUSE_END),
        (&[","], fact::COMMA),
        (CLAUSE_AFTER_COMMA, fact::CLAUSE_AFTER_COMMA),
        (&["("], fact::OPEN),
        (&[")"], fact::CLOSE),
        (OTHER_WORDS, fact::OTHER),
        (REST_WORDS, fact::REST),
        (&["respectively"], fact::RESPECTIVELY),
        (&["is"], fact::IS),
        (NOT_METRIC_AFTER, fact::NOT_METRIC_AFTER),
        (BASE_WORDS, fact::BASE),
        (VOLUME_WORDS, fact::VOLUME),
        (OWNER_WORDS, fact::OWNER),
        (RIVAL_WORDS, fact::RIVAL),
        // The gate of noun_after_figure: every list its rules read.
        (INVESTMENT_NOUNS, fact::NOUN_AFTER_FIGURE),
        (FACILITY_NOUNS, fact::NOUN_AFTER_FIGURE),
        (FACILITY_ORDINALS, fact::NOUN_AFTER_FIGURE),
        (THRESHOLD_NOUNS, fact::NOUN_AFTER_FIGURE),
    ];
    let firsts = |phrase: &'static str| phrase.split(' ').next().unwrap_or(phrase);
    lists
        .into_iter()
        .flat_map(|(words, bit)| words.iter().map(move |w| (*w, bit)))
        .chain(SCOPE_WORDS.keys().map(|w| (w, fact::SCOPE)))
        .chain([("the", fact::THE)])
        .chain(PLACE_NOUNS.keys().map(|w| (w, fact::PLACE_NOUN)))
        .chain(COMPANY_NOUNS.keys().map(|w| (w, fact::COMPANY_NOUN)))
        .chain(POSS_PRONOUNS.keys().map(|w| (w, fact::POSS_PRONOUN)))
        .chain(SUBJECT_PRONOUNS.keys().map(|w| (w, fact::SUBJECT_PRONOUN)))
        .chain(
            METRICS
                .iter()
                .map(move |(p, _)| (firsts(p), fact::METRIC_FIRST)),
        )
        .chain(SUM_MARKERS.iter().map(|(m, _)| (m[0], fact::SUM_MARKER)))
        .chain(SUM_MARKERS.iter().filter_map(|(m, _)| match m {
            [alone] => Some((*alone, fact::SUM_MARKER_ALONE)),
            [_, second, ..] => Some((*second, fact::SUM_MARKER_SECOND)),
            [] => None,
        }))
}

/// Whether `m` is the canonical base of some metric phrase (`exports`,
/// `imports and exports`), asked of most figures' metrics.
fn is_metric_base(m: &str) -> bool {
    static BASES: OnceLock<WordTable<bool>> = OnceLock::new();
    BASES
        .get_or_init(|| {
            let mut table = WordTable::with_room(METRICS.len());
            for (_, base) in METRICS {
                table.insert(base, true);
            }
            table
        })
        .get(m)
}

/// The word lists behind [`fact`], as one table from word to its bits.
fn fact_table() -> &'static WordTable<u32> {
    static TABLE: OnceLock<WordTable<u32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = WordTable::with_room(fact_words().count());
        for (w, bit) in fact_words() {
            table.insert(w, bit);
        }
        table
    })
}

#[derive(Debug, Clone, Copy)]
struct MetricHit {
    i0: usize,
    i1: usize,
    base: &'static str,
}

struct Ent {
    span: Span,
    label: Label,
    name: Sym,
    /// Not a possible subject: a destination, a dateline, a location of a company.
    excluded: bool,
    destination: bool,
}

/// Whether `span` holds the whole word `w`.
fn covers(span: Span, w: &W) -> bool {
    span.start <= w.start && w.end <= span.end
}

/// The words of the sentence `sent`, into `out` (emptied first: one buffer
/// serves every sentence), from `tokens`: the document's tokens from the
/// sentence's first on. Returns the union of the words' [`fact`] bits, so
/// that a rule whose words the sentence lacks need not walk it, and how
/// many tokens start inside the sentence (the walk finds where they end,
/// where a search of the document's tokens cost as much again).
///
/// `lower` is `text` with ASCII letters lowercased (same byte offsets): an
/// ASCII word's lowercase form is then a slice of it, not a copy.
///
/// Never inlined: in the body of [`extract_claims`] its loop shared the
/// registers of a function of a thousand lines and kept most of its state
/// on the stack.
#[inline(never)]
fn words_of<'a>(
    text: &'a str,
    lower: &'a str,
    non_ascii: &'a NonAsciiLower,
    tokens: &[Token],
    sent: Span,
    out: &mut Vec<W<'a>>,
) -> (u32, usize) {
    out.clear();
    let table = fact_table();
    // Most sentences are ASCII throughout: one test for all their tokens.
    // A token that ends past the sentence is tested by itself.
    let ascii_upto = if text
        .as_bytes()
        .get(sent.range())
        .is_some_and(<[u8]>::is_ascii)
    {
        sent.end
    } else {
        0
    };
    // The sentence's tokens are those that start before its end.
    let end = sent.end;
    let mut rest = tokens;
    while let [t, after @ ..] = rest {
        if t.start() >= end {
            break;
        }
        rest = after;
        if t.kind == TokenKind::Space {
            continue;
        }
        let (lc, raw_end, mut poss) = if t.end() <= ascii_upto {
            ascii_word(lower, t)
        } else {
            word_of_any_text(text, lower, non_ascii, t)
        };
        // `Zhejiang ' s` split by the tokenizer: the word is possessive, and
        // the two tokens after it are none. Looked for after the word, not
        // back from the apostrophe, so that the loop holds no reference to
        // the word last pushed.
        if let [apostrophe, s, ..] = after {
            if apostrophe.kind == TokenKind::Punct
                && apostrophe.start() == t.end()
                && s.start() < end
                && is_split_possessive(text, apostrophe, s)
            {
                rest = &after[2..];
                poss = true;
            }
        }
        out.push(W {
            facts: 0,
            raw_end,
            lc,
            start: t.start(),
            end: t.end(),
            kind: t.kind,
            poss,
        });
    }
    // The words' facts in a loop of their own: in the walk above, the
    // look-up's registers pushed the walk's state onto the stack.
    let mut any = 0;
    for w in out.iter_mut() {
        w.facts = table.get(w.lc);
        any |= w.facts;
    }
    (any, tokens.len() - rest.len())
}

/// The lowercase form of an ASCII token (a slice of `lower`), with a
/// possessive `'s` split off: ASCII holds no curly apostrophe, so `'s` is
/// the one ending to look for. The form, where the word ends as written,
/// and whether it was possessive.
#[inline(always)]
fn ascii_word<'a>(lower: &'a str, t: &Token) -> (&'a str, usize, bool) {
    let lc = t.text(lower);
    if t.kind == TokenKind::Word && lc.len() > 2 && lc.as_bytes().ends_with(b"'s") {
        (&lc[..lc.len() - 2], t.end() - 2, true)
    } else {
        (lc, t.end(), false)
    }
}

/// [`ascii_word`] or [`non_ascii_word`], as the token's bytes are: for the
/// tokens of the few sentences that are not ASCII throughout. Out of
/// line, so that [`words_of`]'s loop keeps its registers for the usual
/// case.
#[inline(never)]
fn word_of_any_text<'a>(
    text: &str,
    lower: &'a str,
    non_ascii: &'a NonAsciiLower,
    t: &Token,
) -> (&'a str, usize, bool) {
    if text.as_bytes()[t.start()..t.end()].is_ascii() {
        ascii_word(lower, t)
    } else {
        non_ascii_word(non_ascii, t)
    }
}

/// Whether `apostrophe` and `s`, right after a word, are its possessive
/// split by the tokenizer (`Zhejiang ' s`).
#[inline(never)]
fn is_split_possessive(text: &str, apostrophe: &Token, s: &Token) -> bool {
    matches!(apostrophe.text(text), "'" | "’") && s.text(text).eq_ignore_ascii_case("s")
}

/// The lowercase form of a token that is not ASCII (from the document's
/// [`NonAsciiLower`]), with a possessive `'s` or `’s` split off: the form,
/// where the word ends as written, and whether it was possessive. Apart
/// from [`words_of`]'s loop, which few words take this way.
#[inline(never)]
fn non_ascii_word<'a>(non_ascii: &'a NonAsciiLower, t: &Token) -> (&'a str, usize, bool) {
    let mut lc = non_ascii.of(t.start());
    let mut raw_end = t.end();
    let mut poss = false;
    if t.kind == TokenKind::Word {
        for suf in ["'s", "’s"] {
            if lc.len() > suf.len() && lc.ends_with(suf) {
                lc = &lc[..lc.len() - suf.len()];
                raw_end -= suf.len();
                poss = true;
            }
        }
    }
    (lc, raw_end, poss)
}

/// The lowercase forms of a document's tokens that are not ASCII, which
/// the ASCII-lowercased text does not hold: made once per document, so that
/// every word borrows its lowercase form.
#[derive(Default)]
struct NonAsciiLower {
    forms: String,
    /// Per token, in text order: its start, and its form's range in `forms`.
    at: Vec<(usize, std::ops::Range<usize>)>,
}

impl NonAsciiLower {
    fn of_tokens(text: &str, tokens: &[Token]) -> Self {
        let mut out = NonAsciiLower::default();
        // Most documents have few such tokens, if any: they are found from
        // their bytes, not by a test of every token.
        let (mut at, mut ti) = (0, 0);
        while let Some(pos) = first_non_ascii(text.as_bytes(), at) {
            ti += tokens[ti..].partition_point(|t| t.end() <= pos);
            let Some(t) = tokens.get(ti).filter(|t| t.start() <= pos) else {
                at = pos + 1;
                continue;
            };
            if t.kind != TokenKind::Space {
                let from = out.forms.len();
                out.forms.push_str(&t.text(text).to_lowercase());
                out.at.push((t.start(), from..out.forms.len()));
            }
            at = t.end();
        }
        out
    }

    /// The lowercase form of the token that starts at `start`, one that is
    /// not ASCII.
    fn of(&self, start: usize) -> &str {
        let i = self.at.partition_point(|(s, _)| *s < start);
        self.at
            .get(i)
            .filter(|(s, _)| *s == start)
            .map_or("", |(_, range)| &self.forms[range.clone()])
    }
}

/// Where the first byte at or after `from` outside ASCII is: tested 64
/// bytes at a time, as `is_ascii` reads a word at once.
fn first_non_ascii(b: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    for chunk in b.get(from..)?.chunks(64) {
        if !chunk.is_ascii() {
            return chunk.iter().position(|c| !c.is_ascii()).map(|i| at + i);
        }
        at += chunk.len();
    }
    None
}

/// Whether a sentence says it corrects a figure: one walk over the words,
/// where a scan per word list and per phrase cost a walk each.
fn correction_words(words: &[W]) -> bool {
    let at = |i: usize| words.get(i).map_or("", |w| w.lc);
    words.iter().enumerate().any(|(i, w)| {
        w.is(fact::CORRECTION)
            || (w.is(fact::CORRECTION_CUE)
                && match w.lc {
                    "should" => (at(i + 1) == "have" && at(i + 2) == "read") || at(i + 1) == "read",
                    "correct" => matches!(at(i + 1), "figure" | "number" | "amount"),
                    "clerical" => at(i + 1) == "error",
                    _ => false,
                })
    })
}

/// `METRICS` split into words once and indexed by first word, each list in
/// `METRICS` order: matching a word then looks at the few patterns that can
/// start with it instead of splitting every pattern string at every word.
struct MetricIndex {
    /// A first word's number in `patterns`, plus one (0: no pattern opens
    /// with the word): a [`WordTable`] look-up, where a hash map hashed the
    /// word byte by byte.
    by_first: WordTable<u32>,
    /// Per first word, its patterns: each one's words after the first, and
    /// its base.
    patterns: Vec<MetricPatterns>,
}

type MetricPatterns = Vec<(Vec<&'static str>, &'static str)>;

impl MetricIndex {
    /// The patterns that open with `first`: the word is theirs, so only the
    /// words after it are left to compare.
    fn opening_with(&self, first: &str) -> &[(Vec<&'static str>, &'static str)] {
        match self.by_first.get(first) {
            0 => &[],
            n => &self.patterns[n as usize - 1],
        }
    }
}

fn metric_index() -> &'static MetricIndex {
    static INDEX: OnceLock<MetricIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut numbers: HashMap<&'static str, usize> = HashMap::new();
        let mut patterns: Vec<MetricPatterns> = Vec::new();
        for &(pat, base) in METRICS {
            let mut parts = pat.split(' ');
            let first = parts.next().unwrap_or(pat);
            let n = *numbers.entry(first).or_insert_with(|| {
                patterns.push(Vec::new());
                patterns.len() - 1
            });
            patterns[n].push((parts.collect(), base));
        }
        // The longest pattern first (`gross profit margin` before `gross
        // profit`), whatever order the list gives them in.
        for list in &mut patterns {
            list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        }
        let mut by_first = WordTable::with_room(numbers.len());
        for (first, n) in numbers {
            by_first.insert(first, n as u32 + 1);
        }
        MetricIndex { by_first, patterns }
    })
}

/// The metric phrases of a sentence's words, into `out` (emptied first).
fn metric_hits(words: &[W], skip: &dyn Fn(&W) -> bool, out: &mut Vec<MetricHit>) {
    let index = metric_index();
    out.clear();
    let mut i = 0;
    'outer: while i < words.len() {
        let w = &words[i];
        // Only a word that opens a pattern is asked whether it is in a name.
        if w.kind == TokenKind::Word && w.is(fact::METRIC_FIRST) && !skip(w) {
            for (rest, base) in index.opening_with(w.lc) {
                let n = rest.len() + 1;
                if i + n > words.len() {
                    continue;
                }
                if rest
                    .iter()
                    .zip(&words[i + 1..i + n])
                    .all(|(p, w)| *p == w.lc)
                {
                    let next = words.get(i + n);
                    if next.is_some_and(|w| w.is(fact::NOT_METRIC_AFTER)) && !words[i + n - 1].poss
                    {
                        break;
                    }
                    out.push(MetricHit {
                        i0: i,
                        i1: i + n,
                        base,
                    });
                    i += n;
                    continue 'outer;
                }
            }
            // `Zhejiang's trade with ASEAN was ...`: trade alone is too
            // many things (`trade talks`, `trade data`, `shares trade at`)
            // to be a measure, but trade with a named partner is the two
            // ways of it, and the partner its scope (`destination_after`).
            if w.lc == "trade" && words.get(i + 1).is_some_and(|n| n.lc == "with") {
                out.push(MetricHit {
                    i0: i,
                    i1: i + 1,
                    base: "imports and exports",
                });
            }
        }
        i += 1;
    }
}

/// The names of a list that opens with `first` (`Guangdong, Jiangsu, ...
/// and Fujian`), in alphabetical order and joined by ` + `, so that the
/// same list written in another order is the same subject.
fn listed_names<'e>(words: &[W], first: &'e Ent, ent_of: &dyn Fn(&W) -> Option<&'e Ent>) -> Sym {
    let mut names = vec![first.name.as_str()];
    let mut end = first.span.end;
    let mut n = words.partition_point(|w| w.start < end);
    let mut joined = false;
    loop {
        // Separators: `,`, `and`, `, and`, `&`, `、`.
        let mut k = n;
        while words
            .get(k)
            .is_some_and(|w| matches!(w.lc, "," | "and" | "&" | "、"))
            && k < n + 2
        {
            joined |= words[k].lc != ",";
            k += 1;
        }
        let Some(e) = (k > n).then(|| words.get(k).and_then(ent_of)).flatten() else {
            break;
        };
        if e.span.start < end {
            break;
        }
        names.push(e.name.as_str());
        end = e.span.end;
        n = words.partition_point(|w| w.start < end);
    }
    // `Quzhou, Zhejiang`: a place and the region it is in, not a list.
    if names.len() == 2 && !joined {
        return first.name;
    }
    names.sort_unstable();
    names.dedup();
    Sym::new(&names.join(" + "))
}

/// The time unit of a rate written after a figure (`per minute`, `a year`,
/// `every day`, after at most one counted noun: `one vehicle per minute`),
/// singular; not `a year earlier`, which is a comparison's base.
fn rate_after(words: &[W], fe: usize) -> Option<&'static str> {
    let at = |i: usize| words.get(i).map_or("", |w| w.lc);
    let mut i = fe;
    if !matches!(at(i), "per" | "a" | "an" | "every") {
        if words.get(i).is_none_or(|w| !is_content_word(w)) {
            return None;
        }
        i += 1;
    }
    if !matches!(at(i), "per" | "a" | "an" | "every") {
        return None;
    }
    let unit = match at(i + 1) {
        "second" | "seconds" => "second",
        "minute" | "minutes" => "minute",
        "hour" | "hours" => "hour",
        "day" | "days" => "day",
        "week" | "weeks" => "week",
        "month" | "months" => "month",
        "year" | "years" | "annum" => "year",
        _ => return None,
    };
    if matches!(
        at(i + 2),
        "earlier" | "ago" | "before" | "after" | "later" | "prior" | "previously" | "back"
    ) {
        return None;
    }
    Some(unit)
}

fn is_content_word(w: &W) -> bool {
    if w.kind != TokenKind::Word || w.is(fact::FUNCTION) {
        return false;
    }
    // `state-owned`, `foreign-invested`: compound adjectives. A short word
    // is looked through byte by byte, where a search cost a call.
    if w.lc.len() > 3 && w.lc.bytes().any(|b| b == b'-') {
        return true;
    }
    // Participles are verbs (`reported`, `rising`), but for those that
    // make a measure of its own: `adjusted net profit`, `underlying
    // operating profit` and `diluted EPS` are not net profit, operating
    // profit and EPS, and a report that lined them up would cry conflict.
    (!w.lc.ends_with("ing") && (!w.lc.ends_with("ed") || w.lc.len() <= 4))
        || matches!(
            w.lc,
            "adjusted" | "underlying" | "diluted" | "normalised" | "normalized"
        )
}

const PLACE_NOUNS: WordList<&str> = WordList::new(&[
    "province",
    "city",
    "country",
    "region",
    "county",
    "municipality",
    "state",
    "nation",
    "port",
    "district",
]);
const COMPANY_NOUNS: WordList<&str> = WordList::new(&[
    "company",
    "group",
    "firm",
    "maker",
    "manufacturer",
    "automaker",
    "carmaker",
    "supplier",
    "business",
    "corporation",
    "brand",
    "producer",
    "exporter",
    "startup",
    "enterprise",
]);
/// Month names and their abbreviations, time words and per-cent words.
pub(crate) const MONTHS: WordList<&str> = WordList::new(&[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "year",
    "years",
    "month",
    "months",
    "quarter",
    "quarters",
    "day",
    "days",
    "week",
    "weeks",
    "per",
    "cent",
    "percent",
]);
const POSS_PRONOUNS: WordList<&str> = WordList::new(&["its", "their", "our", "his", "her"]);
const SUBJECT_PRONOUNS: WordList<&str> = WordList::new(&["it", "we", "they"]);

struct DateInfo<'a> {
    q: &'a Quantity,
    /// The index of the sentence's word the date starts at, which each
    /// figure asks of each date.
    word: usize,
    p: Period,
    ok: bool,
    base_at: Option<usize>,
    /// The first word of the figure this date dates as a comparison's base
    /// (`up from 420,000 in 2025`): that figure's own period, reported as
    /// it was, whatever the sentence says of the years after.
    dates_base_figure: Option<usize>,
    paren: Option<usize>,
    /// An analyst's estimate year (`2026E`): read once per date, where each
    /// figure of the sentence asks.
    estimate: bool,
    /// A date of a company's history (see [`history_year`]).
    of_history: bool,
}

/// A sentence as its figures are read: its words and what was found in
/// them once for all its figures, with the document's facts the rules
/// consult. Built per sentence, handed to [`claim_of_figure`] per figure.
#[derive(Clone, Copy)]
struct SentenceView<'s, 'a> {
    doc: &'s DocView<'a>,
    text: &'a str,
    sent: Span,
    /// The sentence's paragraph (its number, or the sentence's when it is
    /// in none).
    para: usize,
    words: &'s [W<'s>],
    /// The union of the words' [`fact`] bits.
    sentence_facts: u32,
    hits: &'s [MetricHit],
    /// Per word, its clause (see [`clause_ids`]).
    clause: &'s [usize],
    dates: &'s [DateInfo<'a>],
    /// The sentence's figures: its quantities that are no date or ordinal
    /// and pass the filters of [`extract_claims`].
    figs: &'s [&'a Quantity],
    /// All the sentence's quantities, dates included.
    sent_qs: &'s [&'a Quantity],
    sent_ents: &'s [Ent],
    /// Per word, its bracket group; empty when the sentence has no bracket.
    paren: &'s [Option<usize>],
    table_row: bool,
    /// The sentence says it corrects a figure.
    correction_here: bool,
    /// It does, or the sentence before it did.
    correction_context: bool,
    /// The clauses a comma opens to look ahead (`, sets ... goal for 2026`).
    goal_clauses: &'s [usize],
    /// Per clause, whether it speaks of a plan or forecast.
    modal_clauses: &'s [bool],
    /// `is set to`: a forecast.
    set_to: bool,
    /// The sentence says `respectively`.
    resp: bool,
    /// Where the sentence's claims start in the document's.
    first_claim: usize,
    ctx: &'s Context,
    /// Per subject, the distinct metric names read so far (not carried).
    read_metrics: &'s foldhash::HashMap<Sym, Vec<Sym>>,
    /// The document's main subject, and whether it dominates.
    main: Option<(Sym, bool)>,
    companies: &'s foldhash::HashSet<Sym>,
    /// The document counts units sold (see [`extract_claims`]).
    sales_counted: bool,
    /// The year the text was written in, when known.
    written_in: Option<i32>,
}

/// What the figures of a sentence find once, by the first that asks, or
/// hand on to the figures after them.
#[derive(Default)]
struct SentenceMemo<'s> {
    /// Who trades (`Private enterprises ... imported and exported`): where
    /// the sentence names them.
    owners_named: Option<Vec<(usize, &'s str)>>,
    /// The sentence's words that say a quarter's or a year's (see
    /// [`period_words`]).
    period_marks: Option<Vec<(usize, bool)>>,
    /// Whether the sentence names a relative period (`last year`).
    relative_period: Option<bool>,
    /// The goods a level figure's measure was narrowed to, by where the
    /// measure's word stands: `shipped 168.5 billion yuan worth of
    /// automobiles abroad, up 22.7 percent` is one measure twice.
    narrowed: Option<(usize, usize)>,
    /// Goods that open the sentence name the measure of each of its
    /// figures the text does not name otherwise (a table's row:
    /// `Commercial vehicles  5,265  4,660  +12.98%`).
    goods_of_sentence: Option<Sym>,
}

#[derive(Default, Clone)]
struct Context {
    subject: Option<(Sym, usize)>,
    company: Option<Sym>,
    place: Option<Sym>,
    period: Option<(Period, usize)>,
    metric: Option<(Sym, usize)>,
    /// The carried metric is a table row's own (`Loaded exports  121,700`):
    /// the next row is a category beside it, not more of it.
    metric_from_row: bool,
    /// Periods stated so far, with how often: the most frequent is the
    /// document's own period.
    periods: Vec<(Period, u32)>,
    /// The whole document's most frequent period.
    fallback_period: Option<Period>,
    /// The dominant company of the document, if it is one.
    main_company: Option<Sym>,
    /// Places the document's organizations are named after, with the noun
    /// that stands for each (`Department of Commerce of Zhejiang Province`:
    /// `province` → Zhejiang).
    jurisdictions: Vec<(&'static str, Sym)>,
    /// The last place that opened a sentence as its subject, and that
    /// sentence's number: what `the province` most likely means next.
    topic_place: Option<(Sym, usize)>,
    /// The number of the sentence being read.
    sentence: usize,
    /// The country of the first national statistics agency the document
    /// names: whose figures they are when the text names no place or
    /// company at all.
    agency_country: Option<Sym>,
    /// That country when the agency or national industry body heads the
    /// text (`China Automobile Industry Association` over its monthly
    /// bulletin): the publisher's own figures, not the places they name.
    publisher_country: Option<Sym>,
}

impl Context {
    fn saw_period(&mut self, p: Period) {
        match self.periods.iter_mut().find(|(q, _)| *q == p) {
            Some(e) => e.1 += 1,
            None => self.periods.push((p, 1)),
        }
    }

    fn doc_period(&self) -> Option<Period> {
        // Ties go to the earliest.
        let mut best: Option<(Period, u32)> = None;
        for &(p, n) in &self.periods {
            if best.is_none_or(|b| n > b.1) {
                best = Some((p, n));
            }
        }
        best.map(|b| b.0)
    }
}

/// The document's main subject, and whether it dominates (at least twice
/// the weight of any other name), in which case falling back to it is no guess.
fn main_subject(ents: &[Ent], sents: &[Span]) -> Option<(Sym, bool)> {
    let lead_end = sents.get(2).map(|s| s.end).unwrap_or(usize::MAX);
    let mut counts: Vec<(Sym, usize, usize, bool)> = Vec::new();
    // `Halden Group` and `Halden Automobilwerke AG` in one release are one
    // company: a name that is the start of another, word for word, counts
    // for the longer.
    let same = |a: Sym, b: Sym| {
        let (a, b) = (a.as_str(), b.as_str());
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        a == b || long.starts_with(short) && long.as_bytes().get(short.len()) == Some(&b' ')
    };
    for e in ents.iter().filter(|e| !e.excluded) {
        let w = if e.span.start < lead_end { 2 } else { 1 };
        let company = e.label == Label::Company;
        match counts
            .iter_mut()
            .find(|c| c.0 == e.name || company && c.3 && same(c.0, e.name))
        {
            Some(c) => {
                c.1 += w;
                if e.name.as_str().len() > c.0.as_str().len() {
                    c.0 = e.name;
                }
            }
            None => counts.push((e.name, w, e.span.start, company)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    let first = counts.first()?;
    let dominant = counts
        .get(1)
        .is_none_or(|second| 2 * first.1 >= 3 * second.1)
        && first.1 >= 3;
    Some((first.0, dominant))
}

/// Ratings a broker's note gives the company it covers.
const RATINGS: &[&str] = &[
    "BUY",
    "SELL",
    "HOLD",
    "NEUTRAL",
    "OUTPERFORM",
    "UNDERPERFORM",
    "OVERWEIGHT",
    "UNDERWEIGHT",
    "ACCUMULATE",
    "REDUCE",
    "ADD",
    "STRONG BUY",
    "MARKET PERFORM",
    "SECTOR PERFORM",
    "PEER PERFORM",
    "EQUAL-WEIGHT",
    "EQUAL WEIGHT",
    "IN-LINE",
];

/// `Lanxi Cell (BUY): storage carries a strong 2025`: the title of a
/// research note names the company it rates, right before the rating in
/// brackets, whether or not the tagger knows the name.
fn rated_company(text: &str, entities: &[Entity]) -> Option<Ent> {
    // The title is the first line with any text (a web page's text may
    // open with blank lines). A title is short: look at its first 300
    // bytes, cut at a character.
    let title_start = text.len() - text.trim_start().len();
    let rest = &text[title_start..];
    let line_end = char_floor(rest, rest.find('\n').unwrap_or(rest.len()).min(300));
    let title = &rest[..line_end];
    let open = title.find('(')?;
    let close = open + title[open..].find(')')?;
    // (The ratings are in capitals: compared without an uppercase copy.)
    let rating = |s: &str| {
        let s = s.trim();
        RATINGS.iter().any(|r| r.eq_ignore_ascii_case(s))
    };
    // `Aldora Semiconductor (ALDO): Neutral, ...`: the ticker in brackets,
    // the rating after a colon.
    let after_ticker = || {
        let ticker = &title[open + 1..close];
        let rest = title[close + 1..].strip_prefix(':')?;
        let word_end = rest.find([',', ';', '.', '(', '|']).unwrap_or(rest.len());
        let tickerish = !ticker.is_empty()
            && ticker.len() <= 12
            && ticker.bytes().all(|c| {
                c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, b'.' | b':' | b' ')
            });
        (tickerish && rating(&rest[..word_end])).then_some(())
    };
    if !rating(&title[open + 1..close]) && after_ticker().is_none() {
        return None;
    }
    let before = title[..open].trim_end();
    let start = before
        .char_indices()
        .find(|(_, c)| c.is_alphanumeric())
        .map(|(i, _)| i)?;
    let name = &before[start..];
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 5
        || !words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    let start = title_start + start;
    let span = Span::new(start, start + name.len());
    // The tagger's canonical name where it knows the company, so that the
    // note meets the other documents about it.
    let known = entities.iter().find(|e| {
        e.label == Label::Company && e.span.start >= span.start && e.span.end <= span.end
    });
    Some(Ent {
        span,
        label: Label::Company,
        name: Sym::new(known.map_or(name, |e| e.canonical.as_str())),
        excluded: false,
        destination: false,
    })
}

/// The places the document's organizations are named after: an issuer such
/// as `Department of Commerce of Zhejiang Province` or `Jinhua Municipal
/// Bureau of Commerce` says what `the province` or `the city` of its text is.
fn jurisdictions(doc: &DocView<'_>) -> Vec<(&'static str, Sym)> {
    let mut out: Vec<(&'static str, Sym)> = Vec::new();
    for e in doc
        .entities
        .iter()
        .filter(|e| e.label == Label::Organization)
    {
        let words: Vec<&str> = doc.text[e.span.range()].split_whitespace().collect();
        for (i, w) in words.iter().enumerate() {
            let noun = match *w {
                "Province" | "Provincial" => "province",
                "City" | "Municipal" | "Municipality" => "city",
                _ => continue,
            };
            // `Zhejiang Province`, `Jinhua Municipal`; `Province of Zhejiang`.
            let before = words[..i]
                .iter()
                .rev()
                .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
                .take_while(|w| !matches!(**w, "Department" | "Bureau" | "Office" | "Commission"))
                .count();
            let name = if before > 0 {
                words[i - before..i].join(" ")
            } else if words.get(i + 1) == Some(&"of") {
                words[i + 2..]
                    .iter()
                    .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                continue;
            };
            if !name.is_empty() && !out.iter().any(|(n, _)| *n == noun) {
                out.push((noun, Sym::new(&name)));
            }
        }
    }
    out
}

fn period_key_ok(p: &Period) -> bool {
    p.start.year > 0
}

/// A span of months (`January to October`); a year or a quarter is one
/// period (`from the June 2025 quarter` is a comparison's base).
fn is_range_period(p: &Period) -> bool {
    p.start.year != p.end.year
        || p.start.month != p.end.month
            && !matches!(p.granularity, Granularity::Year | Granularity::Quarter)
}

/// The index of the first of `items` (sorted by `pos`) at or after `at`:
/// `items.partition_point(|x| pos(x) < at)`, walked to from `from` when every
/// item before `from` is before `at`. Sentences come in text order, so each
/// one's tokens, figures and names are a short walk on from the last one's
/// (most often none lies between two sentences, and the first look settles
/// it), where a search of the whole document cost more; over a document the
/// walks add up to one pass. A search between doubling bounds cost as much
/// again as the walk, for gaps of a token or two.
#[inline]
fn first_at_or_after<T>(items: &[T], from: usize, pos: impl Fn(&T) -> usize, at: usize) -> usize {
    if from > items.len() || from.checked_sub(1).is_some_and(|k| pos(&items[k]) >= at) {
        return items.partition_point(|x| pos(x) < at);
    }
    let mut i = from;
    while items.get(i).is_some_and(|x| pos(x) < at) {
        i += 1;
    }
    i
}

/// True when a date's text is an analyst's estimate year (`2026E`,
/// `FY26F`). Only a text ending in the mark can be one: the rest are told
/// by their last byte, with no lowercase copy (`January 2026`).
fn is_estimate_year(date: &str) -> bool {
    date.ends_with(['e', 'E', 'f', 'F'])
        && crate::columns::estimate_year(&crate::lexicon::lowercase(date)).is_some()
}

/// True when `after` (the text after a place's name) opens with a
/// currency noun: `Singapore dollars`, `Hong Kong dollar`.
fn names_currency(after: &str) -> bool {
    // The word is `dollar` or `dollars` (an apostrophe ends it): most names
    // are told by two bytes.
    if !after
        .as_bytes()
        .get(..2)
        .is_some_and(|b| b[0] == b' ' && b[1].eq_ignore_ascii_case(&b'd'))
    {
        return false;
    }
    let word = after
        .strip_prefix(' ')
        .unwrap_or("")
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    ["dollar", "dollars", "dollar's"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

/// How many line breaks `b` holds. The bytes between two figures are a
/// hundred or so: counted in blocks of at most 255 into a byte-sized sum,
/// which compiles to vector compares, where a search per line break cost a
/// call each.
fn newlines_in(b: &[u8]) -> usize {
    b.chunks(255)
        .map(|block| usize::from(block.iter().map(|&c| u8::from(c == b'\n')).sum::<u8>()))
        .sum()
}

/// Makes one claim per figure that is not a time expression.
pub fn extract_claims(doc: &DocView<'_>) -> Vec<Claim> {
    let text = doc.text;
    // Lines of figures, counted on from the last one: figures come in text
    // order, so the text is walked once at most and no index is built.
    let mut line_at = (0usize, 1usize);
    let mut line_of = |at: usize| {
        let at = at.min(text.len());
        if at < line_at.0 {
            line_at = (0, 1);
        }
        let newlines = newlines_in(&text.as_bytes()[line_at.0..at]);
        line_at = (at, line_at.1 + newlines);
        line_at.1
    };
    let sents: &[Span] = &doc.sentences;
    let mut ents: Vec<Ent> = doc
        .entities
        .iter()
        .filter(|e| {
            matches!(e.label, Label::Company | Label::Place)
                || e.label == Label::Organization && crate::lexicon::is_bloc(&e.canonical)
        })
        // `2.03 million Singapore dollars` names a currency, not a subject.
        .filter(|e| e.label != Label::Place || !names_currency(&text[e.span.end.min(text.len())..]))
        .map(|e| Ent {
            span: e.span,
            // A bloc stands where its members would.
            label: if e.label == Label::Organization {
                Label::Place
            } else {
                e.label
            },
            name: Sym::new(&e.canonical),
            excluded: false,
            destination: false,
        })
        .collect();
    let rated = rated_company(text, &doc.entities);
    if let Some(r) = &rated {
        ents.retain(|e| e.span.end <= r.span.start || e.span.start >= r.span.end);
        // The note's byline (`Harbourline Research | Equity Research |
        // January 21, 2026 | Analyst: Liu Ferrari`) names its publisher and
        // its analyst, which `its` never means (and whose surname may be a
        // company's). Only the top of the note holds its byline (below a
        // web page's title and menu, in HTML); lines are read no further
        // than that, however long they are. A Markdown table's row opens
        // with its bar, a byline does not.
        let top = char_floor(text, text.len().min(1500));
        for e in ents
            .iter_mut()
            .filter(|e| e.label == Label::Company && e.span.end <= top)
        {
            let line_start = text[..e.span.start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[e.span.end..top]
                .find('\n')
                .map_or(top, |i| e.span.end + i);
            let line = &text[line_start..line_end];
            if line.contains(" | ") && !line.trim_start().starts_with('|') {
                e.excluded = true;
            }
        }
        ents.push(Ent {
            span: r.span,
            label: r.label,
            name: r.name,
            excluded: false,
            destination: false,
        });
    }
    ents.sort_by_key(|e| e.span.start);
    // One lowercase copy of the text per document, which words slice.
    let lower = text.to_ascii_lowercase();
    mark_entity_roles(text, &lower, &mut ents, sents);
    // A research note is about the company it rates, whoever else it names.
    let main = match &rated {
        Some(r) => Some((r.name, true)),
        None => main_subject(&ents, sents),
    };
    // The company a story is about: what `the company` means when it dominates.
    let main_company = main.filter(|m| {
        m.1 && ents
            .iter()
            .any(|e| e.name == m.0 && e.label == Label::Company)
    });
    let mut qs: Vec<&Quantity> = doc.quantities.iter().collect();
    qs.sort_by_key(|q| q.span.start);

    // At most one claim per figure that is no date or ordinal: reserved
    // once rather than grown by copies, and little more than is used.
    let figures = qs
        .iter()
        .filter(|q| !matches!(q.kind, QuantityKind::Date | QuantityKind::Ordinal))
        .count();
    let mut out: Vec<Claim> = Vec::with_capacity(figures);
    let mut ctx = Context {
        main_company: main_company.map(|m| m.0),
        jurisdictions: jurisdictions(doc),
        agency_country: doc
            .entities
            .iter()
            .filter(|e| e.label == Label::Organization)
            .find_map(|e| crate::lexicon::agency_country(&e.canonical))
            .map(Sym::new),
        publisher_country: doc
            .entities
            .iter()
            .next()
            .filter(|e| e.span.start < 300 && e.label == Label::Organization)
            .and_then(|e| crate::lexicon::agency_country(&e.canonical))
            .map(Sym::new),
        ..Context::default()
    };
    // Per figure of `qs`: whether it is a date of a company's history,
    // read once here and again by its sentence.
    let of_history: Vec<bool> = qs
        .iter()
        .map(|q| q.kind == QuantityKind::Date && history_year(text, q.span.start))
        .collect();
    // The document's most frequent period, for figures before any date (a headline).
    let mut first_seen = Context::default();
    for (q, _) in qs
        .iter()
        .zip(&of_history)
        .filter(|(q, &of_history)| q.kind == QuantityKind::Date && !of_history)
    {
        if let Some(p) = q
            .period
            .filter(|p| period_key_ok(p) && p.granularity != Granularity::Day)
        {
            first_seen.saw_period(p);
        }
    }
    ctx.fallback_period = first_seen.doc_period();
    let written_in = doc.date.map(|d| d.0).or_else(|| written_year(text, &qs));
    // Per subject, the distinct metric names read so far (not carried): the
    // fuller names a shortened one may restate.
    let mut read_metrics: foldhash::HashMap<Sym, Vec<Sym>> = foldhash::HashMapExt::new();
    let companies: foldhash::HashSet<Sym> = ents
        .iter()
        .filter(|e| e.label == Label::Company)
        .map(|e| e.name)
        .collect();
    let sales_counted = doc.quantities.iter().any(|q| {
        q.kind == QuantityKind::Count && {
            let i = sents.partition_point(|s| s.end <= q.span.start);
            // The ASCII-lowercased text finds what `to_lowercase` would: no
            // other character lowercases to a letter of these words, and no
            // copy of the sentence is made per count.
            sents.get(i).is_some_and(|s| {
                let t = &lower[s.range()];
                t.contains("sales") || t.contains(" sold")
            })
        }
    });
    let mut prev_correction = false;
    let mut prev_sentence_claims: std::ops::Range<usize> = 0..0;
    // Where the claims of the two sentences before this one start (the
    // older first): a breakdown looks back that far, and no further.
    let mut recent_starts: [Option<usize>; 2] = [None, None];
    // The document's paragraphs (runs of text between blank lines), made
    // as the sentences are read: every token but white space is in a
    // sentence and no sentence runs past a blank line, so a paragraph is
    // the sentences from one blank line to the next, where a walk of every
    // token of the text (`paragraphs`) cost 3,000 instructions a document.
    let mut paras: Vec<Span> = Vec::new();
    let non_ascii = NonAsciiLower::of_tokens(text, &doc.tokens);
    // Room for a long sentence's words from the start: grown by doubling,
    // the buffer cost each document a copy per doubling.
    let mut words_buf: Vec<W> = Vec::with_capacity(256);
    // Where the last sentence's tokens, figures and names ended.
    let (mut tokens_before, mut qs_before, mut ents_before) = (0usize, 0usize, 0usize);
    let mut clause_buf: Vec<usize> = Vec::new();
    // A sentence's figures and dates, in buffers that serve every sentence.
    let mut figs_buf: Vec<&Quantity> = Vec::new();
    let mut hits_buf: Vec<MetricHit> = Vec::new();
    let mut dates_buf: Vec<DateInfo> = Vec::new();
    // The dates that may govern a figure, per figure, in one buffer.
    let mut usable: Vec<bool> = Vec::new();
    for (si, sent) in sents.iter().enumerate() {
        ctx.sentence = si;
        let sentence_text = &text[sent.start..sent.end];
        let table_row = is_table_row(sentence_text)
            // `of which: Passenger vehicles`: a part of the row above,
            // which the measure carries to.
            && !sentence_text.starts_with("of which");
        // The sentence's tokens, figures and names: each found on from where
        // the last sentence's ended (a walk over the few between sentences
        // and the sentence's own) rather than by a search of the document.
        let tokens = &doc.tokens[..];
        let t0 = first_at_or_after(tokens, tokens_before, Token::start, sent.start);
        // The white space between the last sentence and this one (most
        // often one token, or none) holds the blank line that opens a
        // paragraph, if any.
        let blank_line_before = tokens[tokens_before.min(t0)..t0]
            .iter()
            .any(|t| t.kind == TokenKind::Space && t.shape.has(Shape::BLANK_LINE));
        match paras.last_mut() {
            Some(p) if !blank_line_before => p.end = sent.end,
            _ => paras.push(*sent),
        }
        let para = paras.len() - 1;
        let (sentence_facts, sentence_tokens) = words_of(
            text,
            &lower,
            &non_ascii,
            &tokens[t0..],
            *sent,
            &mut words_buf,
        );
        tokens_before = t0 + sentence_tokens;
        let words = &words_buf;
        let has = |bits: u32| sentence_facts & bits != 0;
        let q0 = first_at_or_after(&qs, qs_before, |q| q.span.start, sent.start);
        let q1 = first_at_or_after(&qs, q0, |q| q.span.start, sent.end);
        qs_before = q1;
        let sent_qs = &qs[q0..q1];
        let e0 = first_at_or_after(&ents, ents_before, |e| e.span.start, sent.start);
        let e1 = first_at_or_after(&ents, e0, |e| e.span.start, sent.end);
        ents_before = e1;
        let sent_ents = &ents[e0..e1];
        let in_ent = |w: &W| sent_ents.iter().any(|e| covers(e.span, w));
        let in_q = |w: &W| sent_qs.iter().any(|q| covers(q.span, w));
        let skip = |w: &W| in_ent(w) || in_q(w);
        if has(fact::METRIC_FIRST) {
            metric_hits(words, &skip, &mut hits_buf);
        } else {
            hits_buf.clear();
        }
        let hits = &hits_buf;
        let word_at = |byte: usize| words.partition_point(|w| w.start < byte);
        let correction_here =
            has(fact::CORRECTION | fact::CORRECTION_CUE) && correction_words(words);
        let correction_context = correction_here || prev_correction;

        // Bracket groups: a date in brackets governs only figures in them.
        // Left empty (no word in a group) when the sentence has no bracket.
        let mut paren: Vec<Option<usize>> = Vec::new();
        if has(fact::OPEN) {
            paren.resize(words.len(), None);
            let (mut depth, mut group) = (0usize, 0usize);
            for (w, p) in words.iter().zip(&mut paren) {
                if w.is(fact::OPEN) {
                    depth += 1;
                    group += 1;
                }
                *p = (depth > 0).then_some(group);
                if w.is(fact::CLOSE) {
                    depth = depth.saturating_sub(1);
                }
            }
        }
        // Dates of this sentence: whether they may govern a figure, and where
        // a comparison base (`from ... in 2024`) starts before them.
        dates_buf.clear();
        dates_buf.extend(
            sent_qs
                .iter()
                .zip(&of_history[q0..q1])
                .filter(|(q, _)| q.kind == QuantityKind::Date)
                .filter_map(|(q, &of_history)| {
                    q.period.filter(period_key_ok).map(|p| (*q, p, of_history))
                })
                .map(|(q, p, of_history)| {
                    let wi = word_at(q.span.start);
                    // A base word inside a figure is its bound (`more than
                    // 738,000 wafers for 2023`), not the date's; one before a
                    // figure still is (`up 5% from 18.9 billion in 2024`).
                    let in_figure = |w: &W| {
                        sent_qs.iter().any(|f| {
                            f.kind != QuantityKind::Date
                                && f.span.start <= w.start
                                && w.start < f.span.end
                        })
                    };
                    let is_date_base = |w: &W| w.is(fact::BASE) && !in_figure(w);
                    // `from 420,000 in 2025`: a figure between the base word
                    // and the date is the base, and the date its period.
                    let figure_between = |w: &W| {
                        sent_qs.iter().find(|f| {
                            f.kind != QuantityKind::Date
                                && f.span.start >= w.end
                                && f.span.end <= q.span.start
                        })
                    };
                    // (A figure may be a few words long: `compared with
                    // 18.41 billion US dollars in the same period of 2024`.)
                    let base_word = (wi.saturating_sub(16)..wi)
                        .rev()
                        .find(|&i| is_date_base(&words[i]));
                    let dated_base = base_word
                        .and_then(|i| {
                            figure_between(&words[i]).filter(|f| word_at(f.span.start) <= i + 2)
                        })
                        .filter(|f| {
                            // Only `in`, `for` or nothing between the
                            // figure and its date, or `in the same period
                            // of`.
                            let (fe, dw) = (word_at(f.span.end), wi);
                            dw >= fe
                                && (dw - fe <= 1
                                    && words[fe..dw].iter().all(|w| matches!(w.lc, "in" | "for"))
                                    || dw - fe <= 5 && same_period_of(&words[fe..dw]))
                        })
                        .map(|f| word_at(f.span.start));
                    // `up 7.4% on the September 2024 quarter`: `on` right
                    // after a change names its base (but `rose 3% on
                    // Friday` names a day, when it happened).
                    let on_after_change = p.granularity != Granularity::Day
                        && (wi.saturating_sub(3)..wi).any(|i| {
                            words[i].lc == "on"
                                && sent_qs.iter().any(|f| f.change && word_at(f.span.end) == i)
                        });
                    let base_before = dated_base.is_none()
                        && (words[wi.saturating_sub(3)..wi].iter().any(is_date_base)
                            || on_after_change);
                    // `Founded in 1953, the company employs 10,336 people`:
                    // the year of an event in the company's history, not
                    // the period of the figures beside it.
                    let history = words[wi.saturating_sub(2)..wi].iter().any(|w| {
                        matches!(
                            w.lc,
                            "founded" | "established" | "incorporated" | "listed" | "formed"
                        )
                    });
                    let ok = (!base_before || is_range_period(&p)) && !history;
                    // A range after `from` is a span (`from January to
                    // October`); after `than` it is still a comparison's
                    // (`lower than in the first half of the year`).
                    let base_at = (wi.saturating_sub(7)..wi)
                        .rev()
                        .find(|&i| is_date_base(&words[i]))
                        .or(base_word.filter(|_| dated_base.is_some()))
                        .filter(|&i| {
                            !is_range_period(&p)
                                || matches!(words[i].lc, "than" | "compared" | "versus" | "vs")
                        });
                    DateInfo {
                        q,
                        word: wi,
                        p,
                        ok,
                        base_at,
                        dates_base_figure: dated_base,
                        paren: paren.get(wi).copied().flatten(),
                        estimate: is_estimate_year(&text[q.span.range()]),
                        of_history,
                    }
                }),
        );
        let dates = &dates_buf;

        let first_claim = out.len();
        let dates_at = || {
            sent_qs
                .iter()
                .filter(|q| q.kind == QuantityKind::Date)
                .map(|q| q.span)
        };
        figs_buf.clear();
        figs_buf.extend(
            sent_qs
                .iter()
                .copied()
                .filter(|q| !matches!(q.kind, QuantityKind::Date | QuantityKind::Ordinal))
                // A bare number touching a date is part of it (`23 January
                // 2026`), if it can be a day or a year: `rose by 165,000 last
                // month` is a figure.
                .filter(|q| {
                    let day_or_year = q.value.is_some_and(|v| {
                        v.fract() == 0.0
                            && ((1.0..=31.0).contains(&v) || (1000.0..=2999.0).contains(&v))
                    });
                    !(q.kind == QuantityKind::Number
                        && q.unit.is_none()
                        && day_or_year
                        && dates_at()
                            .any(|d| d.start <= q.span.end + 1 && q.span.start <= d.end + 1))
                })
                // A number word inside quotation marks is part of a name (`the
                // "new three" products`), not a figure.
                .filter(|q| !quoted_number_word(text, q.span))
                .filter(|q| !label_number(text, words, !hits.is_empty(), q))
                .filter(|q| {
                    !list_marker(text, q)
                        && !signed_bare_level(text, q)
                        && !stock_code(text, q)
                        && !duration(text, q)
                        && !age_or_rank(text, q)
                        && !size_modifier(text, q)
                }),
        );
        let figs = &figs_buf;
        // Clauses and what they say of plans matter only to the sentence's
        // figures: a sentence with none is not walked for them.
        if figs.is_empty() {
            clause_buf.clear();
        } else {
            clause_ids(
                words,
                has(fact::CLAUSE_END | fact::COMMA | fact::CLAUSE_AFTER_COMMA),
                &mut clause_buf,
            );
        }
        let clause = &clause_buf;
        // The clauses a comma opens to look ahead (`, sets ... goal for
        // 2026`), found once a sentence: most sentences have none.
        let goal_clauses: Vec<usize> = if has(fact::COMMA) && !clause.is_empty() {
            (0..words.len())
                .filter(|&i| opens_a_forecast(words, i))
                .map(|i| clause[i])
                .collect()
        } else {
            Vec::new()
        };
        // Which clauses speak of a plan or forecast, once per sentence rather
        // than a walk over the sentence per figure.
        let mut modal_clauses = Vec::new();
        if !figs.is_empty() && has(fact::MODAL | fact::PLAN) {
            modal_clauses.resize(clause.iter().max().map_or(0, |&c| c + 1), false);
            for (i, w) in words.iter().enumerate() {
                if (w.is(fact::MODAL) && !modal_word_of_no_clause(words, i))
                    || (w.is(fact::PLAN) && words.get(i + 1).is_some_and(|n| n.is(fact::TO)))
                {
                    modal_clauses[clause[i]] = true;
                }
            }
            // `expects revenue of ..., and a gross margin of 17-29%`, `We
            // forecast net profit of ..., with a market share of 4-14%`: a
            // clause that only adds an object to the one before shares its
            // verb.
            for i in 1..words.len().saturating_sub(2) {
                let c = clause[i];
                if clause[i - 1] != c
                    && modal_clauses[clause[i - 1]]
                    && matches!(words[i + 1].lc, "and" | "with")
                    && matches!(words[i + 2].lc, "a" | "an")
                {
                    modal_clauses[c] = true;
                }
            }
        }
        let set_to = !figs.is_empty()
            && has(fact::IS)
            && words.iter().enumerate().any(|(i, w)| {
                w.is(fact::IS)
                    && words.get(i + 1).is_some_and(|w| w.lc == "set")
                    && words.get(i + 2).is_some_and(|w| w.is(fact::TO))
            });
        let resp = has(fact::RESPECTIVELY);
        // Most sentences hold no figure, and need no view of them.
        if !figs.is_empty() {
            let sentence = SentenceView {
                doc,
                text,
                sent: *sent,
                para,
                words,
                sentence_facts,
                hits,
                clause,
                dates,
                figs,
                sent_qs,
                sent_ents,
                paren: &paren,
                table_row,
                correction_here,
                correction_context,
                goal_clauses: &goal_clauses,
                modal_clauses: &modal_clauses,
                set_to,
                resp,
                first_claim,
                ctx: &ctx,
                read_metrics: &read_metrics,
                main,
                companies: &companies,
                sales_counted,
                written_in,
            };
            let mut memo = SentenceMemo::default();
            for (fi, q) in figs.iter().enumerate() {
                let line = line_of(q.span.start) as u32;
                let claim = claim_of_figure(&sentence, &mut memo, &mut usable, fi, q, &out, line);
                out.push(claim);
            }
        }

        for c in &out[first_claim..] {
            if matches!(c.metric_how, How::Clause | How::Sentence) && !c.has(flags::SHARE) {
                let v = read_metrics.entry(c.subject).or_default();
                if !v.contains(&c.metric) {
                    v.push(c.metric);
                }
            }
        }
        // Totals and parts are marked among the sentence's own claims: a
        // sentence that made none has none to mark.
        if out.len() > first_claim {
            mark_sums(
                words,
                sentence_facts,
                &mut out,
                first_claim,
                prev_sentence_claims.clone(),
                si,
            );
            let lookback = recent_starts[0].unwrap_or(0);
            mark_breakdown(words, sentence_facts, &mut out, first_claim, lookback, si);
        }
        recent_starts = [recent_starts[1], Some(first_claim)];

        // ---- carry context forward
        if let Some(c) = out.get(first_claim) {
            // The sentence's first figure sets the period carried on; later
            // ones may be comparison bases (`up from 18.9 billion in 2024`).
            if let (Some(p), How::Clause | How::Sentence) = (c.period, c.period_how) {
                ctx.period = Some((p, para));
                ctx.saw_period(p);
            }
        }
        for c in &out[first_claim + 1.min(out.len() - first_claim)..] {
            if let (Some(p), How::Clause) = (c.period, c.period_how) {
                ctx.saw_period(p);
            }
        }
        let in_passing = named_in_passing(words, sentence_facts, sent_ents);
        for c in &out[first_claim..] {
            if matches!(
                c.subject_how,
                How::Possessive | How::Preposition | How::Sentence | How::Anaphora
            ) && !in_passing(c.subject)
            {
                ctx.subject = Some((c.subject, para));
            }
            if matches!(c.metric_how, How::Clause | How::Sentence) && !c.has(flags::SHARE) {
                ctx.metric = Some((c.metric, para));
                ctx.metric_from_row = table_row;
            }
        }
        if out.len() == first_claim {
            let carried = |d: &&DateInfo| {
                d.ok && d.paren.is_none() && d.p.granularity != Granularity::Day && !d.of_history
            };
            if let Some(d) = dates.iter().find(carried) {
                // `results for its fiscal 2025 fourth quarter ended
                // September 27, 2025`: the quarter inside the year named
                // first is what the next sentences' figures are of.
                let within = |inner: &Period, outer: &Period| {
                    outer.start <= inner.start && inner.end <= outer.end && inner != outer
                };
                let d = dates
                    .iter()
                    .filter(carried)
                    .rfind(|e| within(&e.p, &d.p))
                    .unwrap_or(d);
                ctx.period = Some((d.p, para));
                ctx.saw_period(d.p);
            } else if let Some(d) = dates.iter().find(|d| {
                // `for the year ended 31 December 2025`
                let wi = d.word;
                wi >= 2
                    && words[wi - 2].lc == "year"
                    && matches!(words[wi - 1].lc, "ended" | "ending")
            }) {
                let mut y = Period::year(d.p.end.year);
                y.fiscal = !(d.p.end.month == 12 && d.p.end.day == 31);
                ctx.period = Some((y, para));
                ctx.saw_period(y);
            }
        }
        // `Zhejiang remains the heart of China's battery export trade.`: the
        // place opening the sentence is its topic, not the last one named.
        if let (Some(e), Some(w0)) = (sent_ents.first(), words.first()) {
            if e.label == Label::Place
                && !e.excluded
                && e.span.start == w0.start
                && !text[e.span.end..].starts_with(',')
            {
                ctx.topic_place = Some((e.name, si));
            }
        }
        for e in sent_ents
            .iter()
            .filter(|e| !e.excluded && !in_passing(e.name))
        {
            match e.label {
                Label::Company => ctx.company = Some(e.name),
                Label::Place => ctx.place = Some(e.name),
                _ => {}
            }
        }
        if out.len() == first_claim {
            if let Some(h) = hits.last() {
                let product = product_of(
                    words,
                    h,
                    &crosscheck_numbers::Quantity::new(Span::new(0, 0), QuantityKind::Money, None),
                    words.len(),
                    &in_ent,
                );
                ctx.metric = Some((Sym::new(&with_product(&product, h.base)), para));
                let (s, how) = find_subject(
                    text,
                    words,
                    sent_ents,
                    Some(h),
                    h.i0,
                    words.len(),
                    &ctx,
                    para,
                );
                if let (
                    Some(s),
                    How::Possessive | How::Preposition | How::Sentence | How::Anaphora,
                ) = (s, how)
                {
                    ctx.subject = Some((s, para));
                }
            } else if let Some(e) = sent_ents.iter().find(|e| !e.excluded) {
                // `Perth, Western Australia, 22 October 2025` under a
                // company's name says where it reports from, not who.
                let dateline = ctx.subject.is_some()
                    && sent_ents.iter().all(|e| e.label == Label::Place)
                    && words
                        .iter()
                        .all(|w| w.kind != TokenKind::Word || in_ent(w) || in_q(w));
                if !dateline {
                    ctx.subject = Some((e.name, para));
                }
            }
        }
        prev_correction =
            correction_here && out[first_claim..].iter().all(|c| c.has(flags::RETRACTED));
        prev_sentence_claims = first_claim..out.len();
    }
    mark_heading_breakdowns(text, &paras, &mut out);
    crate::columns::apply_table_columns(text, &doc.quantities, &mut out);
    calendar_fiscal_years(&mut out);
    operating_income(&mut out);
    stock_instants(&mut out);
    running_totals_since_the_start(&mut out);
    bases_of_an_earlier_period(text, &lower, &mut out);
    values_of_the_goods_before(text, &mut out);
    parents_figures(text, &mut out);
    products_the_unit_names(&mut out);
    sequential_where_the_text_tells_apart(&mut out);
    let tails = crate::subjects::tails_of(text, &doc.entities);
    if !tails.is_empty() {
        for c in &mut out {
            if let Some((_, t)) = tails.iter().find(|(core, _)| *core == c.subject) {
                c.subject_tail = *t;
            }
        }
    }
    out
}

/// Reads one figure of a sentence (the `fi`th of [`SentenceView::figs`])
/// into its claim: its metric, subject, scope and period, by the rules
/// below in that order. `out` holds the claims made so far (the
/// sentence's own from [`SentenceView::first_claim`] on), and `line` is the
/// figure's line in the text.
///
/// A function of its own rather than the body of [`extract_claims`]'s
/// loop, for reading; inlined into that loop all the same, as out of line
/// the view's fields were loaded again per figure and the count of
/// instructions rose by about 2M over 500 documents.
#[inline(always)]
fn claim_of_figure<'s, 'a>(
    sentence: &SentenceView<'s, 'a>,
    memo: &mut SentenceMemo<'s>,
    usable: &mut Vec<bool>,
    fi: usize,
    q: &'a Quantity,
    out: &[Claim],
    line: u32,
) -> Claim {
    let SentenceView {
        doc,
        text,
        sent,
        para,
        words,
        sentence_facts,
        hits,
        clause,
        dates,
        figs,
        sent_qs,
        sent_ents,
        paren,
        table_row,
        correction_here,
        correction_context,
        goal_clauses,
        modal_clauses,
        set_to,
        resp,
        first_claim,
        ctx,
        read_metrics,
        main,
        companies,
        sales_counted,
        written_in,
    } = *sentence;
    let SentenceMemo {
        owners_named,
        period_marks,
        relative_period,
        narrowed,
        goods_of_sentence,
    } = memo;
    let has = |bits: u32| sentence_facts & bits != 0;
    let word_at = |byte: usize| words.partition_point(|w| w.start < byte);
    let in_ent = |w: &W| sent_ents.iter().any(|e| covers(e.span, w));
    let in_q = |w: &W| sent_qs.iter().any(|q| covers(q.span, w));
    let skip = |w: &W| in_ent(w) || in_q(w);
    let fw = word_at(q.span.start);
    let fe = word_at(q.span.end);
    let cl = clause.get(fw).copied().unwrap_or(0);
    let mut scope: Vec<String> = Vec::new();
    let mut flags_v = 0u8;
    // `plans to export 1 million vehicles in 2026, up from 420,000
    // in 2025`: a comparison's base with its own date, which is what
    // was (not a plan) and counts what the figure before it counts.
    let dated_base = !q.change
        && dates
            .iter()
            .any(|d| d.ok && d.dates_base_figure == Some(fw));
    let based_on = out[first_claim..]
        .last()
        .filter(|c| dated_base && !c.change && !c.metric.is_empty())
        .filter(|c| match q.unit.as_deref() {
            None => {
                q.kind == QuantityKind::Number
                    && matches!(c.kind, QuantityKind::Count | QuantityKind::Number)
            }
            Some(u) => c.kind == q.kind && c.unit.as_str() == u,
        })
        .map(|c| (c.metric, c.unit, c.kind));

    // ---- metric
    let share = if q.kind == QuantityKind::Percent && q.unit.as_deref() != Some("pp") {
        share_metric(
            words,
            hits,
            fw,
            fe,
            cl,
            clause,
            &out[first_claim..],
            q.change,
        )
    } else {
        None
    };
    let is_pct_level = q.kind == QuantityKind::Percent && (!q.change || share.is_some());
    // `全省锂离子电池出口618亿元`; `，增长23.6%` after it is the
    // growth of the figure before.
    let cjk: Option<(String, bool, How)> = if cjk_here(text, q.span.start, sent.start) {
        let others: Vec<Span> = sent_qs
            .iter()
            .filter(|o| o.span != q.span)
            .map(|o| o.span)
            .chain(sent_ents.iter().map(|e| e.span))
            .collect();
        match cjk_metric(text, sent.start, q.span.start, &others) {
            Some((m, overseas)) => Some((m, overseas, How::Clause)),
            None if q.change => out[first_claim..]
                .last()
                .filter(|c| !c.metric.is_empty())
                .map(|c| {
                    (
                        c.metric.as_str().to_string(),
                        c.scope.as_str() == "overseas",
                        How::Sentence,
                    )
                }),
            None => None,
        }
    } else {
        None
    };
    // Most metrics are a base or a carried name as it stands: borrowed,
    // not copied, until a rule changes them.
    let (mut metric, metric_how, hit): (Cow<str>, How, Option<MetricHit>) = if let Some(m) = share {
        flags_v |= flags::SHARE;
        (m.into(), How::Clause, None)
    } else {
        match pick_metric(words, hits, fw, fe, cl, clause) {
            Some((h, how)) => {
                let mut product = product_of(words, &h, q, fe, &skip);
                if product == h.base || h.base.ends_with(&product) {
                    product.clear();
                }
                let base = if h.base == "production" && q.kind == QuantityKind::Money {
                    "output value"
                } else {
                    h.base
                };
                let name = if product.is_empty() {
                    Cow::Borrowed(base)
                } else {
                    Cow::Owned(with_product(&product, base))
                };
                (name, how, Some(h))
            }
            None if cjk.is_some() => {
                let (m, overseas, how) = cjk.clone().unwrap_or_default();
                if overseas {
                    scope.push("overseas".into());
                }
                (m.into(), how, None)
            }
            None => {
                let counted = counted_of(words, q, fe);
                // `misstated its output ... The correct figure is
                // 17,304,630 garments`: the notice's measure of
                // what it counts, as another text's `produced
                // 17.3 million garments` reads.
                let noticed = ctx.metric.filter(|(m, _)| {
                    correction_context
                        && matches!(
                            m.as_str(),
                            "production"
                                | "sales"
                                | "exports"
                                | "imports"
                                | "deliveries"
                                | "shipments"
                        )
                });
                if matches!(q.kind, QuantityKind::Count | QuantityKind::Number)
                    && !counted.is_empty()
                    && !q.change
                {
                    match noticed {
                        Some((m, _)) => (
                            with_product(&counted, m.as_str()).into(),
                            How::Sentence,
                            None,
                        ),
                        None => (counted.into(), How::Clause, None),
                    }
                } else if correction_context {
                    match ctx.metric {
                        Some((m, _)) => (m.as_str().into(), How::Sentence, None),
                        None => ("".into(), How::Missing, None),
                    }
                } else if let Some((m, _)) = ctx.metric.filter(|(_, p)| {
                    !(table_row && ctx.metric_from_row) &&
                            // `The services sector expanded 0.2%`: a part
                            // of the economy or the company named as the
                            // clause's subject is what grew, not the
                            // measure the sentence before was about.
                            *p == para
                                && !words[..fw].iter().enumerate().any(|(i, w)| {
                                    clause.get(i) == Some(&cl)
                                        && matches!(
                                            w.lc,
                                            "sector" | "segment" | "division" | "industry"
                                        )
                                })
                }) {
                    (m.as_str().into(), How::Context, None)
                } else {
                    ("".into(), How::Missing, None)
                }
            }
        }
    };
    if let Some(h) = hit.as_ref() {
        // The level's claim as it was made (`shipped ... abroad`
        // named exports by then).
        match narrowed.and_then(|(i0, at)| Some((i0, out.get(at)?))) {
            Some((i0, level)) if q.change && i0 == h.i0 && metric == h.base => {
                metric = level.metric.as_str().to_string().into();
            }
            // A value's or a weight's goods (`62,400 tonnes of
            // copper, up 7.4%`), not a count's unit (`3.67 million
            // containers, up 57.5%` is output's change either way).
            _ if !q.change
                && matches!(q.kind, QuantityKind::Money | QuantityKind::Measure)
                && metric != h.base =>
            {
                *narrowed = Some((h.i0, out.len()))
            }
            _ => {}
        }
    }
    let mut metric_how = metric_how;
    // `SUV volumes were 258,000 units` after a paragraph on revenue:
    // the metric carried on is money's, and a count of units is
    // none of it.
    if metric_how == How::Context
        && (q.kind == QuantityKind::Count && crate::lexicon::is_money_only(&metric)
            || !matches!(q.kind, QuantityKind::Percent | QuantityKind::Fraction)
                && crate::lexicon::is_ratio_only(&metric))
    {
        metric = "".into();
        metric_how = How::Missing;
    }
    if let Some((m, _, _)) = based_on {
        if m.as_str().ends_with(metric.as_ref()) {
            metric = m.as_str().into();
            metric_how = How::Sentence;
        }
    }
    // `Hydropower generation was 27.14 billion kWh ... Thermal power
    // fell 8.7%`: goods opening the clause, the measure carried from
    // another goods' figure, are the goods measured.
    if matches!(metric_how, How::Context | How::Sentence | How::Clause)
        && hit.is_none_or(|h| h.i1 <= fw)
    {
        // The longest suffix that is a measure (`wind power
        // production` is `production` of wind power).
        // (Spaces found by bytes: a search for a `char` cost a call per space.)
        let carried_base = metric
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b' ')
            .map(|(i, _)| &metric[i + 1..])
            .find(|base| is_metric_base(base));
        if let Some(base) = carried_base {
            if let Some(goods) = goods_opening_the_clause(words, fw, clause, cl, &skip)
                .filter(|g| hit.is_none_or(|h| h.i1 <= g.0))
            {
                let named = with_product(&goods.1, base);
                if named != *metric {
                    metric = named.into();
                    metric_how = How::Clause;
                }
            }
        }
    }
    // `Net profit after deducting non-recurring gains and losses`,
    // `Excluding one-off items, net profit was`: the measure
    // Chinese filings report beside the attributable profit, not it.
    if metric.ends_with("profit")
        && words.iter().enumerate().any(|(i, w)| {
            clause.get(i) == Some(&cl)
                && matches!(
                    w.lc,
                    "non-recurring" | "nonrecurring" | "one-off" | "one-time"
                )
        })
    {
        metric = format!("{metric} excluding non-recurring items").into();
    }
    let mut goods_named = false;
    if metric_how == How::Context {
        if let Some(m) = product_subject_metric(text, words, hits, &metric, fw, &in_ent) {
            metric = m.into();
            metric_how = How::Sentence;
            goods_named = true;
            *goods_of_sentence = Some(Sym::new(&metric));
        } else if let Some(g) = *goods_of_sentence {
            metric = g.as_str().into();
            metric_how = How::Sentence;
            goods_named = true;
        }
    }
    if is_pct_level && flags_v & flags::SHARE == 0 {
        // A bare percentage beside a flow metric (`exports ... 50%`) is
        // too loosely tied to say what it measures.
        if let Some(h) = hit {
            if crate::lexicon::is_flow(h.base) {
                metric_how = How::Context;
            }
        }
    }

    // ---- subject
    let anchor = hit.map(|h| h.i0).unwrap_or(fw);
    let (mut subject, mut subject_how) =
        find_subject(text, words, sent_ents, hit.as_ref(), anchor, fw, ctx, para);
    // `Lanxi exported 8.4 billion yuan, Yiwu 4.2 billion yuan`: a name
    // right before a figure in a list names its subject.
    if fw >= 1 && fi > 0 {
        let before = sent_ents
            .iter()
            .find(|e| e.span.end == words[fw - 1].end && !e.destination && !e.excluded);
        // `7  Dongjiang  China  1,826`: a table row's subject is its
        // label, the first name in it, not a later cell that says
        // where the label is.
        let label = || {
            sent_ents
                .iter()
                .filter(|e| !e.destination && !e.excluded)
                .min_by_key(|e| e.span.start)
        };
        if let Some(e) = before.and_then(|e| if table_row { label() } else { Some(e) }) {
            subject = Some(e.name);
            subject_how = How::List;
        }
    }
    // `Hubei (18.2%)`: a figure in brackets right after a name.
    if fw >= 1 && words[fw - 1].lc == "(" && fw >= 2 {
        if let Some(e) = sent_ents
            .iter()
            .find(|e| e.span.end == words[fw - 2].end && !e.destination)
        {
            subject = Some(e.name);
            subject_how = How::List;
        }
    }
    // `GDP increased by 0.3% in the euro area and by 0.4% in the
    // EU`: a place right after the figure, by `in`, is where it was
    // measured, unless the sentence's subject is a company (whose
    // sales in a place are still its own).
    if subject_how != How::List {
        let company_subject = subject.is_some_and(|s| {
            sent_ents
                .iter()
                .any(|e| e.name == s && e.label == Label::Company)
        });
        let mut k = fe;
        if words.get(k).is_some_and(|w| w.lc == "in") && !company_subject {
            k += 1;
            if words.get(k).is_some_and(|w| w.is(fact::THE)) {
                k += 1;
            }
            let place = words.get(k).and_then(|w| {
                sent_ents.iter().find(|e| {
                    e.span.start == w.start
                        && e.label == Label::Place
                        && !e.destination
                        && !e.excluded
                })
            });
            if let Some(e) = place {
                subject = Some(e.name);
                subject_how = How::Preposition;
            }
        }
    }
    if resp {
        if let Some((e, dest)) = respectively(words, sent_ents, figs, fi, q) {
            if dest {
                scope.push(format!("to {}", e.as_str()));
            } else {
                subject = Some(e);
                subject_how = How::List;
            }
        } else if metric_how < How::Context {
            // Items matched by position we could not read: a guess.
            metric_how = How::Context;
        }
    }
    if subject.is_none() || (subject_how == How::Document && main.is_some_and(|m| m.1)) {
        if let Some(country) = ctx.publisher_country.filter(|_| !main.is_some_and(|m| m.1)) {
            subject = Some(country);
            subject_how = How::Context;
        } else if let Some((m, dominant)) = main {
            subject = Some(m);
            subject_how = if dominant {
                How::Context
            } else {
                How::Document
            };
        } else if let Some(country) = ctx.agency_country {
            // `Nonfarm payrolls rose by 165,000, according to the
            // Bureau of Labor Statistics`: the agency's country.
            subject = Some(country);
            subject_how = How::Document;
        }
    }

    // ---- scope: destinations after the metric or the figure
    // (Trade `with` a partner named right after the metric's words
    // is that partner's part, as trade `to` it is.)
    let after_metric = hit.map(|h| (h.i1, h.base == "imports and exports"));
    for (start, with_partner) in after_metric.into_iter().chain([(fe, false)]) {
        if let Some(d) = destination_after(words, sent_ents, start, cl, clause, with_partner) {
            if !scope.contains(&d) {
                scope.push(d);
            }
        } else if with_partner
            && words[start - 1].lc == "trade"
            && words.get(start).is_some_and(|w| w.lc == "with")
        {
            // `Trade with countries jointly building the Belt and
            // Road`: a partner that is no name is still a part of
            // trade, not the whole of it.
            let d = unnamed_partner(words, start);
            if !scope.contains(&d) {
                scope.push(d);
            }
        }
    }
    // `Private enterprises in the province imported and exported
    // 3.98 trillion yuan`: a part of the province's trade, by who
    // trades, named as `Private enterprises exported` names it.
    // A sentence without an owner word names none: asked first, it
    // spares most figures the search of their metric.
    if has(fact::OWNER) && !metric.contains("enterprise") && !metric.is_empty() {
        let owners = owners_named.get_or_insert_with(|| {
            words
                .windows(2)
                .enumerate()
                .filter(|(_, pair)| {
                    pair[0].is(fact::OWNER)
                        && matches!(pair[1].lc, "enterprises" | "firms" | "companies")
                })
                .map(|(i, pair)| (i, pair[0].lc))
                .collect()
        });
        let here = owners
            .iter()
            .find(|&&(i, _)| i + 1 < fw && clause.get(i) == Some(&cl));
        if let Some(&(_, who)) = here {
            metric = format!("{who} enterprise {metric}").into();
        }
    }
    // A row whose label names no measure (`of which overseas (mn
    // units)  0.14  1.06`): the label's scope words are its figures'.
    if hit.is_none() && has(fact::SCOPE) && metric_how >= How::Sentence {
        // The label, brackets included (`(mn units)`), up to a
        // figure or a stop before it.
        let row_start = figs.first().map_or(fw, |f| word_at(f.span.start)).min(fw);
        let label = words[..row_start]
            .iter()
            .rev()
            .take(8)
            .take_while(|w| !matches!(w.lc, ";" | "." | ",") && !in_q(w));
        for w in label {
            if let Some(s) = scope_of(w) {
                scope.push(s.to_string());
            }
        }
    }
    // Only a sentence with a scope word has scopes to find.
    if let Some(h) = hit.filter(|_| has(fact::SCOPE)) {
        let lo = h.i0.saturating_sub(4);
        // A word of another metric's name (`gross domestic product
        // (GDP)`) is none of this one's scope.
        let in_other_metric = |i: usize| hits.iter().any(|o| o.i0 <= i && i < o.i1);
        for w in (lo..h.i0)
            .chain((h.i1..fe.max(h.i1)).take(3))
            .filter(|&i| !in_other_metric(i))
            .map(|i| &words[i])
        {
            if let Some(s) = scope_of(w) {
                scope.push(s.to_string());
            }
        }
    }
    // `168.5 billion yuan worth of automobiles abroad`: the goods'
    // words are the figure's too.
    let after = if words.get(fe).is_some_and(|w| w.lc == "worth") {
        6
    } else {
        2
    };
    for w in words
        .iter()
        .skip(fw)
        .take(if has(fact::SCOPE) { fe - fw + after } else { 0 })
        .take_while(|w| w.lc != "," && w.lc != ";")
    {
        if let Some(s) = scope_of(w) {
            scope.push(s.to_string());
        }
    }
    // `one vehicle per minute`, `500,000 cars a year`: a rate, which
    // no total of a period is.
    if let Some(unit) = rate_after(words, fe) {
        scope.push(format!("per {unit}"));
    }
    // `over 2,500 enterprises ... Among them, 18 companies`, `500
    // cars, of which 200 were electric`: a part of a figure before,
    // not the whole again.
    // (`of which: Passenger vehicles 474,921`: the goods say which part.)
    // (`Among them, exports were 4.35 trillion yuan`: a measure of its
    // own, which the breakdown's roles mark, not a subset of exports.)
    let lo = fw.saturating_sub(5);
    let subset_at = words[lo..fw]
        .windows(2)
        .position(|p| {
            matches!(p[0].lc, "among" | "of")
                && matches!(p[1].lc, "them" | "these" | "those" | "which" | "whom")
        })
        .map(|i| lo + i);
    let own_measure = |at: usize| hit.is_some_and(|h| h.i0 > at && crate::lexicon::is_flow(h.base));
    if !goods_named && subset_at.is_some_and(|at| !own_measure(at)) {
        scope.push("subset".into());
    }
    // `its full-year target of 4.6 million, which it cut from 5.5
    // million in September`: the target as it stood before.
    let revised_target = fw >= 2
        && words[fw - 1].lc == "from"
        && words[fw.saturating_sub(4)..fw - 1].iter().any(|w| {
            matches!(
                w.lc,
                "cut"
                    | "lowered"
                    | "raised"
                    | "revised"
                    | "trimmed"
                    | "reduced"
                    | "lifted"
                    | "slashed"
                    | "upgraded"
                    | "downgraded"
            )
        })
        && out[first_claim..]
            .last()
            .is_some_and(|p| p.has(flags::MODAL));
    // `Our 2026E revenue of RMB80.1bn`: an analyst's estimate.
    let estimate_year = dates
        .iter()
        .any(|d| d.estimate && clause.get(d.word) == Some(&cl));
    let modal = (modal_clauses.get(cl).copied().unwrap_or(false)
        || estimate_year
        || set_to
        || has(fact::MODAL) && modal_object(words, fw))
        && !dated_base
        || revised_target;
    if modal {
        scope.push("forecast".into());
        flags_v |= flags::MODAL;
        // Two analysts' forecasts are two opinions, not one figure
        // stated twice: each is scoped to who made it.
        if let Some(who) = forecaster(text, &doc.entities, sent) {
            scope.push(format!("by {who}"));
        }
    }
    // A growth rate of a volume (`export volumes grew 28.7% to 212,000
    // packs`) is not one of a value.
    if q.change && q.kind == QuantityKind::Percent {
        let in_clause = |i: usize| clause.get(i) == Some(&cl);
        let volume_word = has(fact::VOLUME)
            && words
                .iter()
                .enumerate()
                .any(|(i, w)| in_clause(i) && w.is(fact::VOLUME));
        let count_here = figs.iter().any(|o| {
            o.kind == QuantityKind::Count && !o.change && in_clause(word_at(o.span.start))
        });
        // Output is a volume whatever its words (`production of
        // 62.4 kt, up 7.4%` and `produced 62,400 tonnes, up 7.4%`).
        let output = metric.ends_with("production") || metric.ends_with("output");
        if (volume_word || count_here) && !output {
            scope.push("volume".into());
        }
    }
    // Shipped or delivered abroad is exported; a company's overseas
    // revenue is its export revenue.
    if let Some(pos) = scope.iter().position(|s| s == "overseas") {
        let money = q.kind == QuantityKind::Money;
        for base in [" shipments", " deliveries", " revenue", " sales"] {
            if !money && matches!(base, " revenue" | " sales") {
                continue;
            }
            if let Some(stem) = format!(" {metric}").strip_suffix(base) {
                metric = format!("{stem} exports").trim().to_string().into();
                scope.remove(pos);
                break;
            }
        }
    }
    // A country's arrivals come from abroad, said so or not
    // (`international tourist arrivals`).
    if matches!(&*metric, "arrivals" | "tourism earnings") {
        scope.retain(|s| s != "overseas");
    }
    scope.sort();
    scope.dedup();

    // ---- period
    usable.clear();
    usable.extend(dates.iter().map(|d| {
        let other_paren = d.paren.is_some() && d.paren != paren.get(fw).copied().flatten();
        let based = d.base_at.is_some_and(|b| fw < b);
        // `236 billion yuan, the highest monthly level this year`:
        // the span the figure is ranked in, not its period.
        let ranked_in = {
            let dw = d.word;
            dw > fe
                && dw <= fe + 8
                && words[fe..dw].iter().any(|w| {
                    matches!(
                        w.lc,
                        "highest"
                            | "lowest"
                            | "largest"
                            | "biggest"
                            | "strongest"
                            | "weakest"
                            | "best"
                            | "worst"
                            | "fastest"
                            | "slowest"
                    )
                })
        };
        // `tops 1.2 million deliveries, sets 1.6 million goal for
        // 2026`: the year of a goal in a clause of its own is not
        // that of the figures before it.
        let goal_year = !goal_clauses.is_empty() && {
            let dc = clause.get(d.word).copied().unwrap_or(0);
            dc != cl && goal_clauses.contains(&dc)
        };
        d.ok && !other_paren && !based && !ranked_in && !goal_year
    }));
    let (mut period, mut period_how) = pick_period(dates, usable, q, fw, clause, ctx, para);
    // `We produced 37,000 vehicles last year` in a text with no date:
    // the sentence names its period, one no year of the text
    // resolves, and none other is its.
    if period_how >= How::Context
        && *relative_period.get_or_insert_with(|| names_relative_period(words))
    {
        period = None;
        period_how = How::Missing;
    }
    // `quarterly revenue of $12.4 billion`, `45.3 percent in the
    // quarter`, `Full-year revenue climbed to $46.8 billion`: the
    // words say a quarter's or a year's, whatever the context
    // carries; the last such period named, or none known.
    if matches!(period_how, How::Context | How::Document) {
        let span_is = |p: &Period, quarter: bool| {
            let n = months_spanned(p);
            if quarter {
                n == 3
            } else {
                n == 12 && p.granularity == Granularity::Year
            }
        };
        // The sentence's words that say so, found once per sentence
        // (a table's row holds many figures of the document's period).
        let marks = period_marks.get_or_insert_with(|| period_words(words));
        let says = |quarter: bool| {
            marks
                .iter()
                .any(|&(i, q)| q == quarter && clause.get(i) == Some(&cl))
        };
        for quarter in [true, false] {
            if period.is_some_and(|p| span_is(&p, quarter)) || !says(quarter) {
                continue;
            }
            let named = ctx
                .periods
                .iter()
                .rev()
                .map(|(p, _)| *p)
                .find(|p| span_is(p, quarter));
            period = named;
            period_how = if named.is_some() {
                How::Context
            } else {
                How::Missing
            };
            break;
        }
    }
    // `Founded in 1992, Dorora Auto employs 346 employees`: a
    // headcount in the present tense is the company's when the text
    // was written, not one of the period its other figures report.
    if period_how >= How::Context
        && metric == "employees"
        && present_headcount(&words[..fw], clause, cl)
    {
        period = written_in.map(Period::year);
        period_how = How::Dated;
    }
    // `First-half sales rose to 8.4 billion euros` in a story whose
    // dateline gives no year: the period is unknown but named, and
    // no other named period's figure is the same one.
    if period.is_none() {
        if let Some(d) = sent_qs.iter().find(|d| {
            d.kind == QuantityKind::Date
                && d.period.is_none()
                && clause.get(word_at(d.span.start)) == Some(&cl)
        }) {
            let named = text[d.span.range()].to_lowercase();
            let named = named.trim_start_matches("the ").replace('-', " ");
            scope.push(format!("in {named}"));
            scope.sort();
        }
    }

    // ---- correction roles
    if correction_context {
        flags_v |= correction_role(words, fw, fe, correction_here);
    }
    // The noun right after the figure (`project`, `plant`, `mark`): few
    // figures have one that the rules ask of.
    if words.get(fe).is_some_and(|w| w.is(fact::NOUN_AFTER_FIGURE)) {
        noun_after_figure(
            text,
            sent,
            words,
            fe,
            q,
            sent_ents,
            out,
            &mut metric,
            (&mut metric_how, &mut subject, &mut subject_how),
            (&mut period, &mut period_how),
        );
    }
    if metric.is_empty() {
        metric_how = How::Missing;
    }
    if q.kind == QuantityKind::Fraction {
        // `one-third of exports` is a share.
        if !metric.contains(" share of ") && !metric.is_empty() {
            metric = format!("share of {metric}").into();
        }
    }

    // A company's results belong to a company: a place carried from
    // context (`Sales were up 32 per cent` in an interview set in
    // Lanxi) gives way to the last company named.
    let company_metric = matches!(
        metric.as_ref(),
        "revenue" | "sales" | "net profit" | "R&D spending" | "operating profit"
    );
    let is_company = |s: Sym| companies.contains(&s);
    if company_metric
        && matches!(subject_how, How::Context | How::Document)
        && subject.is_some_and(|s| !is_company(s))
    {
        if let Some(c) = ctx.main_company.or(ctx.company) {
            subject = Some(c);
            subject_how = How::Context;
        }
    }
    // A company's sales, as money or its growth, with no product or
    // market, are its revenue (`sales were up 32 per cent`).
    // Only the noun: `supplied`, `sold to` name one customer's part.
    // A growth of sales is one of revenue only where the document
    // counts no units sold (a carmaker's sales are vehicles).
    if metric == "sales"
        && (q.kind == QuantityKind::Money || !sales_counted)
        && hit.is_some_and(|h| {
            words[h.i0].lc == "sales"
                && words.get(h.i1).is_none_or(|w| !matches!(w.lc, "to" | "of"))
        })
        && scope.is_empty()
        && (q.kind == QuantityKind::Money || (q.kind == QuantityKind::Percent && q.change))
        && subject.is_some_and(is_company)
    {
        metric = "revenue".into();
    }
    // `The province's battery exports` after `Zhejiang's lithium-ion
    // battery exports`: a shortened name restates the one fuller name
    // of the same subject's metric said before.
    // Only a name with a product (`battery exports`, not `imports and
    // exports`), and only against names read, not carried.
    if flags_v & flags::SHARE == 0 && metric.contains(' ') && !is_metric_base(&metric) {
        // `automobile exports were 612,000 units. ... commercial
        // vehicle exports 83,000 units. ... automobile exports totalled
        // 6.34 million units`: a name read in its own right before is
        // no shortening.
        let read_itself = |s: &Sym| {
            read_metrics
                .get(s)
                .is_some_and(|v| v.iter().any(|m| m.as_str() == metric.as_ref()))
        };
        if let Some(s) = subject.filter(|s| !read_itself(s)) {
            // Ends in ` {metric}`, without making that string.
            let mut fuller = read_metrics.get(&s).into_iter().flatten().filter(|m| {
                m.as_str()
                    .strip_suffix(metric.as_ref())
                    .is_some_and(|rest| rest.ends_with(' '))
            });
            if let (Some(f), None) = (fuller.next(), fuller.next()) {
                metric = f.as_str().into();
            }
        }
    }
    let inline_share = flags_v & flags::SHARE != 0
        && fi > 0
        && figs.get(fi + 1).is_some_and(|n| {
            let nw = word_at(n.span.start);
            matches!(n.kind, QuantityKind::Money | QuantityKind::Count)
                && nw <= fe + 8
                && words[fe..nw].iter().any(|w| w.lc == "of")
                && words[fe..nw].iter().all(|w| w.lc != ";" && w.lc != "and")
        })
        && figs[..fi]
            .iter()
            .any(|p| matches!(p.kind, QuantityKind::Money | QuantityKind::Count) && !p.change);
    let (lo, hi, has_range) = match q.range {
        Some((lo, hi)) => (
            lo.unwrap_or(f64::NEG_INFINITY),
            hi.unwrap_or(f64::INFINITY),
            true,
        ),
        None => (f64::NAN, f64::NAN, false),
    };
    if has_range {
        flags_v |= flags::RANGE;
    }
    // Inflation is how much consumer prices changed: `inflation of
    // 2.1%`, `CPI was 2.1%` and `consumer prices rose 2.1%` state
    // one figure, and are read as one (a price index's own level
    // is no percentage).
    let mut change = q.change && flags_v & flags::SHARE == 0;
    if matches!(&*metric, "inflation" | "CPI" | "PPI") && q.kind == QuantityKind::Percent && !change
    {
        if metric == "inflation" {
            metric = Cow::Borrowed("CPI");
        }
        change = true;
    }
    // `U.S. employers added 150,000 jobs` is the change in payrolls
    // that `nonfarm payrolls rose by 150,000` states.
    if metric == "job"
        && !change
        && fw > 0
        && matches!(
            words[fw - 1].lc,
            "added" | "adds" | "add" | "created" | "creates" | "create"
        )
    {
        metric = Cow::Borrowed("payrolls");
        change = true;
    }
    Claim {
        doc: doc.doc,
        start: q.span.start as u32,
        end: q.span.end as u32,
        sentence_start: sent.start as u32,
        sentence_end: sent.end as u32,
        line,
        subject: subject.unwrap_or(Sym::EMPTY),
        subject_tail: Sym::EMPTY,
        metric: Sym::new(&metric),
        // Most scopes are one word or none: interned as they stand,
        // with no joined copy.
        scope: match scope.as_slice() {
            [] => Sym::EMPTY,
            [one] => Sym::new(one),
            all => Sym::new(&all.join("; ")),
        },
        unit: match based_on {
            Some((_, unit, _)) if q.unit.is_none() => unit,
            _ => Sym::new(q.unit.as_deref().unwrap_or("")),
        },
        period,
        kind: match based_on {
            Some((_, _, kind)) if q.unit.is_none() => kind,
            _ => q.kind,
        },
        approx: q.approx,
        change,
        basis: q.basis.or_else(|| {
            q.change
                .then(|| {
                    basis_before(words, fw).or_else(|| {
                        let base = dates.iter().find(|d| {
                            let dw = d.word;
                            dw > fe && dw <= fe + 4 && names_a_base(&words[fe..dw])
                        })?;
                        basis_between(period?, base.p)
                    })
                })
                .flatten()
        }),
        value: q.value.unwrap_or(f64::NAN),
        lo,
        hi,
        precision: q.precision.unwrap_or(0.0) as f32,
        subject_how: if subject.is_some() {
            subject_how
        } else {
            How::Missing
        },
        metric_how,
        // A present-tense headcount under a dateline without its
        // year is undated but no guess: two in one text are as of
        // the same day.
        period_how: if period.is_some() || period_how == How::Dated {
            period_how
        } else {
            How::Missing
        },
        flags: flags_v,
        sum_group: 0,
        inline_share,
    }
}

/// What the noun right after a figure makes of it: `the 5.4 billion yuan
/// project` is what a project costs, `the 18 GWh first phase` what a
/// facility can make, `the 4 trillion yuan mark` a threshold and no figure.
/// Asked only of a figure followed by a word of
/// [`fact::NOUN_AFTER_FIGURE`], which few are: out of line and cold, so
/// that [`claim_of_figure`]'s common path holds none of its code.
#[cold]
#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn noun_after_figure(
    text: &str,
    sent: Span,
    words: &[W],
    fe: usize,
    q: &Quantity,
    sent_ents: &[Ent],
    out: &[Claim],
    metric: &mut Cow<'_, str>,
    (metric_how, subject, subject_how): (&mut How, &mut Option<Sym>, &mut How),
    (period, period_how): (&mut Option<Period>, &mut How),
) {
    // `the 5.4 billion yuan project`: what a project costs.
    if q.kind == QuantityKind::Money
        && *metric_how >= How::Context
        && words
            .get(fe)
            .is_some_and(|w| INVESTMENT_NOUNS.contains(&w.lc))
    {
        *metric = "investment".into();
        *metric_how = How::Clause;
    }
    // `the 18 GWh first phase in Nyiregyhaza`: what a facility can
    // make; named again, it is the facility of the earlier figure
    // (same place, same noun), whose subject and period it takes.
    let facility = |w: &W| FACILITY_NOUNS.contains(&w.lc);
    let at = if words.get(fe).is_some_and(facility) {
        Some(fe)
    } else if words
        .get(fe)
        .is_some_and(|w| FACILITY_ORDINALS.contains(&w.lc))
        && words.get(fe + 1).is_some_and(facility)
    {
        Some(fe + 1)
    } else {
        None
    };
    if let (QuantityKind::Measure, true, Some(at)) = (q.kind, *metric_how >= How::Context, at) {
        *metric = "capacity".into();
        *metric_how = How::Clause;
        let noun = words[at].lc;
        let place = words[at + 1..(at + 4).min(words.len())]
            .iter()
            .find_map(|w| sent_ents.iter().find(|e| e.span.start == w.start))
            .filter(|_| words.get(at + 1).is_some_and(|w| w.lc == "in"));
        if let Some(pl) = place {
            let pname = &text[pl.span.range()];
            let earlier = out.iter().rev().find(|c| {
                let st = &text[c.sentence_start as usize..c.sentence_end as usize];
                c.metric.as_str() == "capacity"
                    && c.sentence_start as usize != sent.start
                    && st.contains(pname)
                    && st.to_lowercase().contains(noun)
            });
            if let Some(c) = earlier {
                *subject = Some(c.subject);
                *subject_how = How::Anaphora;
                *period = c.period;
                *period_how = How::Context;
            }
        }
    }
    // `breaking through the 4 trillion yuan mark`: a threshold, not a figure.
    if words
        .get(fe)
        .is_some_and(|w| THRESHOLD_NOUNS.contains(&w.lc))
    {
        *metric = "".into();
    }
}

/// `up 7.4% from 17.34 million TEU in the same period last year`, `5.2%,
/// compared with 4.8% a year earlier`: a comparison's base, which the
/// sentence's period was given with, is of the period that far back. Only
/// a base that has the period of a figure before it in its sentence is
/// moved (one the text dates itself, `from 5.0 billion in 2024`, is not).
///
/// `lower` is `text` with ASCII letters lowercased, as in [`words_of`].
fn bases_of_an_earlier_period(text: &str, lower: &str, out: &mut [Claim]) {
    for i in 1..out.len() {
        let c = &out[i];
        let (Some(period), s, e) = (c.period, c.start as usize, c.end as usize) else {
            continue;
        };
        let sentence = c.sentence_start as usize..c.sentence_end as usize;
        if !sentence.contains(&s) || e > sentence.end || !text.is_char_boundary(s) {
            continue;
        }
        let open = char_ceil(text, s.saturating_sub(24).max(sentence.start));
        let raw = text[open..s].trim_end();
        // Most figures follow no such word: a look at the last letter
        // first, before a lower-case copy.
        let last = raw.as_bytes().last().map_or(0, u8::to_ascii_lowercase);
        if !matches!(last, b'm' | b'h' | b'o' | b't' | b's' | b'.') {
            continue;
        }
        // An ASCII text's lowercase form is already in `lower`: no copy.
        let before = if raw.is_ascii() {
            Cow::Borrowed(&lower[open..open + raw.len()])
        } else {
            crate::lexicon::lowercase(raw)
        };
        let introduced = [
            "from",
            "compared with",
            "compared to",
            "against",
            "versus",
            "vs.",
            "vs",
        ]
        .iter()
        .any(|w| {
            before.strip_suffix(w).is_some_and(|rest| {
                rest.is_empty() || rest.ends_with(|ch: char| !ch.is_alphanumeric())
            })
        });
        if !introduced {
            continue;
        }
        // The words after the base, to the end of its clause.
        let close = char_floor(text, (e + 64).min(sentence.end));
        let after = &text[e..close];
        let after = &after[..after.find([',', ';', '.']).unwrap_or(after.len())];
        let after = crate::lexicon::lowercase(after);
        // `compared with 18.41 billion in the same period of 2024`: the
        // part of 2024 that the figure before is of.
        if after.contains("same period of")
            || after.contains("same period in")
            || after.contains("corresponding period")
        {
            let year_of_base = (period.granularity == Granularity::Year).then_some(period.end.year);
            let earlier = earlier_in_sentence(out, i)
                .filter_map(|o| o.period)
                .find(|p| p.granularity != Granularity::Year && p.start.year == p.end.year);
            if let (Some(y), Some(p)) = (year_of_base, earlier) {
                if (1..=5).contains(&(p.end.year - y)) {
                    let back = (p.end.year - y) as u32 * 12;
                    out[i].period = Some(p.months_earlier(back));
                }
            }
            continue;
        }
        // `from 4.1 billion in 2023`, `in September`: dated by the text.
        let dated = after.bytes().any(|b| b.is_ascii_digit())
            || crosscheck_numbers::recognize(&after)
                .iter()
                .any(|q| q.kind == QuantityKind::Date);
        if dated {
            continue;
        }
        let said = |marks: &[&str]| marks.iter().any(|m| after.contains(m));
        let months = if said(&[
            "a year earlier",
            "a year ago",
            "a year before",
            "the year before",
            "previous year",
            "prior year",
            "year-ago",
            "year-earlier",
            "same period",
            "same month",
            "same quarter",
        ]) {
            12
        } else if period.granularity == Granularity::Quarter
            && said(&[
                "previous quarter",
                "prior quarter",
                "preceding quarter",
                "a quarter earlier",
                "the quarter before",
            ])
        {
            3
        } else if period.granularity == Granularity::Month
            && said(&[
                "previous month",
                "prior month",
                "preceding month",
                "a month earlier",
                "the month before",
            ])
        {
            1
        } else {
            continue;
        };
        let dates_before = earlier_in_sentence(out, i).any(|o| o.period == Some(period));
        if dates_before {
            out[i].period = Some(period.months_earlier(months));
        }
    }
}

/// `Tianrun Holdings Group, the company's unlisted parent, reported
/// combined revenue of 71.2 billion yuan`: a sentence about the parent of
/// the company a text is about gives the parent's figures, which a short
/// name may not tell apart from the company's own. They are scoped
/// `parent`, apart from the company's.
fn parents_figures(text: &str, out: &mut [Claim]) {
    // Set up once for all the document's sentences.
    let parent = memchr::memmem::Finder::new(b"arent");
    let mut i = 0;
    while i < out.len() {
        let (doc, start, end) = (out[i].doc, out[i].sentence_start, out[i].sentence_end);
        let n = out[i..]
            .iter()
            .take_while(|c| c.doc == doc && c.sentence_start == start)
            .count();
        let first_figure = out[i].start as usize;
        let opening = text
            .get(start as usize..first_figure.min(end as usize))
            .unwrap_or_default();
        // Most sentences name no parent: a search for its letters first.
        if parent.find(opening.as_bytes()).is_some()
            && is_about_the_parent(&crate::lexicon::lowercase(opening))
        {
            for c in &mut out[i..i + n] {
                c.scope = scope_with(c.scope, "parent");
            }
        } else if opening.len() >= 3
            && opening.as_bytes()[..3].eq_ignore_ascii_case(b"its")
            && is_about_a_unit(&crate::lexicon::lowercase(opening))
        {
            for c in &mut out[i..i + n] {
                c.scope = scope_with(c.scope, "unit");
            }
        }
        i += n;
    }
}

/// Whether a sentence's words before its first figure (lower case) say it
/// is about a company's parent: `X, the company's unlisted parent,`,
/// `Its parent company, X,`, `The parent group`.
fn is_about_the_parent(opening: &str) -> bool {
    let appositive = [
        ", the company's ",
        ", its ",
        ", the group's ",
        ", the firm's ",
    ]
    .iter()
    .filter_map(|lead| opening.find(lead).map(|at| &opening[at + lead.len()..]))
    .any(|rest| {
        let rest = rest
            .trim_start_matches("unlisted ")
            .trim_start_matches("listed ")
            .trim_start_matches("state-owned ")
            .trim_start_matches("private ");
        rest.starts_with("parent") || rest.starts_with("controlling shareholder")
    });
    appositive
        || [
            "its parent",
            "the parent company",
            "the parent group",
            "the company's parent",
        ]
        .iter()
        .any(|lead| opening.starts_with(lead))
}

/// Whether a sentence's words before its first figure (lower case) open
/// on one of the company's units: `Its regional unit Kestrel Link carried
/// 734,000 passengers` counts the unit's passengers, not the group's.
fn is_about_a_unit(opening: &str) -> bool {
    opening.split(' ').skip(1).take(3).any(|w| {
        matches!(
            w.trim_end_matches(','),
            "unit" | "subsidiary" | "subsidiaries" | "arm" | "affiliate" | "division" | "units"
        )
    })
}

/// `exports of modules were 121.5 GW, up 3.2%, with an export value of
/// 10.92 billion US dollars`: the value of the goods whose volume the
/// sentence gave just before is of those goods, not of all exports.
fn values_of_the_goods_before(text: &str, out: &mut [Claim]) {
    for i in 1..out.len() {
        let c = &out[i];
        let (s, metric) = (c.start as usize, c.metric.as_str());
        if c.kind != QuantityKind::Money || c.change || metric.contains(' ') || metric.is_empty() {
            continue;
        }
        let open = char_ceil(text, s.saturating_sub(40).max(c.sentence_start as usize));
        let Some(before) = text.get(open..s) else {
            continue;
        };
        let before = before.trim_end();
        if !before.ends_with(['f', 'h', 't', 'F', 'H', 'T']) {
            continue;
        }
        let before = crate::lexicon::lowercase(before);
        let Some(lead) = before
            .strip_suffix("value of")
            .or_else(|| before.strip_suffix("worth"))
            .or_else(|| before.strip_suffix("valued at"))
        else {
            continue;
        };
        // `, with an export value of`, `, worth`: said of what came before.
        let said_of_before = lead.trim_end().ends_with(',') || lead.contains(", with ");
        if !said_of_before {
            continue;
        }
        let suffix = format!(" {metric}");
        let goods = earlier_in_sentence(out, i)
            .find(|o| {
                o.kind != QuantityKind::Money
                    && !o.change
                    && (o.subject == c.subject || c.subject.is_empty())
            })
            .filter(|o| o.metric.as_str().ends_with(&suffix))
            .map(|o| (o.metric, o.subject, o.subject_how));
        if let Some((metric, subject, subject_how)) = goods {
            let c = &mut out[i];
            c.metric = metric;
            if c.subject.is_empty() {
                (c.subject, c.subject_how) = (subject, subject_how);
            }
        }
    }
}

/// The claims before `out[i]` in its sentence, nearest first.
fn earlier_in_sentence(out: &[Claim], i: usize) -> impl Iterator<Item = &Claim> {
    let c = &out[i];
    out[..i]
        .iter()
        .rev()
        .take_while(move |o| o.sentence_start == c.sentence_start && o.doc == c.doc)
}

/// `at`, or the nearest character boundary of `text` before it.
fn char_floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `at`, or the nearest character boundary of `text` after it.
fn char_ceil(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// `in the same period of`, `during the corresponding period in`: the
/// words between a comparison's base and the year that dates it, which
/// say the base is of the same part of that year.
fn same_period_of(words: &[W]) -> bool {
    let lc = |i: usize| words.get(i).map_or("", |w| w.lc);
    matches!(lc(0), "in" | "for" | "during" | "over")
        && lc(1) == "the"
        && matches!(lc(2), "same" | "corresponding")
        && matches!(lc(3), "period" | "month" | "quarter" | "months")
        && matches!(lc(4), "of" | "in")
        && words.len() == 5
}

/// A table's row as text extraction leaves it: cells apart by a tab or a
/// run of spaces, the last a figure.
fn is_table_row(sentence: &str) -> bool {
    let s = sentence.trim_end();
    s.ends_with(|c: char| c.is_ascii_digit() || c == '%') && {
        let b = s.trim_start().as_bytes();
        memchr::memchr(b'\t', b).is_some()
            || memchr::memchr_iter(b' ', b).any(|i| b.get(i + 1) == Some(&b' '))
    }
}

/// `crude production` in barrels a day is the `production` another text
/// gives in barrels a day, `container throughput` in TEUs the throughput: a
/// product the unit already names is no part of the metric.
fn products_the_unit_names(out: &mut [Claim]) {
    for c in out.iter_mut() {
        let named: &[&str] = match c.unit.as_str() {
            "bbl" | "bbl/d" => &["crude oil ", "crude ", "oil "],
            "TEU" => &["container "],
            _ => continue,
        };
        let m = c.metric.as_str();
        let bare = named.iter().find_map(|p| m.strip_prefix(p));
        if let Some(bare) = bare {
            c.metric = Sym::new(bare);
        }
    }
}

/// A level (a headcount, a debt) is held on a day: `as of September 30,
/// 2025`, which the time stage reads as the running total to that day,
/// is that day for it, and one month (`at the end of June`) the month's
/// last day, so that the two ways of dating one balance meet. So is a
/// level given for a quarter (`ended the quarter with A$6.12 billion in
/// cash`): the level when it ended. (A year is left as it is: a present
/// tense dated by the text's year, `employs 346 people`, is no year-end.)
fn stock_instants(out: &mut [Claim]) {
    for c in out.iter_mut() {
        let Some(p) = c.period else { continue };
        if p.fiscal || !crate::lexicon::is_stock(c.metric.as_str()) {
            continue;
        }
        let running_to_a_day = p.cumulative && p.granularity == Granularity::Day;
        let one_month = p.granularity == Granularity::Month
            && !p.cumulative
            && (p.start.year, p.start.month) == (p.end.year, p.end.month);
        let level_of_a_quarter =
            !c.change && !p.cumulative && p.granularity == Granularity::Quarter;
        if running_to_a_day || one_month || level_of_a_quarter {
            c.period = Some(Period::day(p.end.year, p.end.month, p.end.day));
        }
    }
}

/// A flow summed `as of` a day (`As of December 31, 2025, cumulative
/// deliveries reached 2,684,900 vehicles`) reads as the year to that day,
/// as Chinese releases mean it, unless the text itself gives that year a
/// smaller total of the same measure: then it runs from further back (the
/// company's first delivery), and is no figure of the year.
fn running_totals_since_the_start(out: &mut [Claim]) {
    let runs: Vec<(usize, Period)> = (0..out.len())
        .filter_map(|i| {
            let c = &out[i];
            let p = c.period?;
            (p.cumulative
                && p.granularity == Granularity::Day
                && !c.change
                && !crate::lexicon::is_stock(c.metric.as_str()))
            .then_some((i, p))
        })
        .collect();
    for (i, p) in runs {
        let c = &out[i];
        let smaller_over_the_span = out.iter().any(|o| {
            o.period.is_some_and(|q| {
                !(q.cumulative && q.granularity == Granularity::Day)
                    && q.start == p.start
                    && q.end == p.end
            }) && !o.change
                && o.metric == c.metric
                && o.unit == c.unit
                && o.interval().hi < c.interval().lo
        });
        if smaller_over_the_span {
            out[i].scope = scope_with(out[i].scope, "cumulative");
        }
    }
}

/// `scope` with `part` added, in the form every claim's scope takes: its
/// parts sorted, each once, joined by `; `.
pub(crate) fn scope_with(scope: Sym, part: &str) -> Sym {
    // Most claims had no scope: the part alone, with no list to build.
    if scope.is_empty() {
        return Sym::new(part);
    }
    let mut parts: Vec<&str> = scope
        .as_str()
        .split("; ")
        .filter(|s| !s.is_empty())
        .collect();
    parts.push(part);
    parts.sort_unstable();
    parts.dedup();
    Sym::new(&parts.join("; "))
}

/// `operating income` is revenue in the English of Chinese companies'
/// reports (a calque of 营业收入) and operating profit in American,
/// Japanese and European usage. A document that states amounts in yuan
/// writes the former; any other, the latter.
fn operating_income(out: &mut [Claim]) {
    const WORDS: &str = "operating income";
    if !out.iter().any(|c| c.metric.as_str().ends_with(WORDS)) {
        return;
    }
    let yuan = out.iter().any(|c| c.unit.as_str() == "CNY");
    let base = if yuan { "revenue" } else { "operating profit" };
    for c in out.iter_mut() {
        if let Some(head) = c.metric.as_str().strip_suffix(WORDS) {
            c.metric = Sym::new(&format!("{head}{base}"));
        }
    }
}

/// A heading: a short paragraph with no closing punctuation.
fn is_heading(t: &str) -> bool {
    let t = t.trim();
    !t.is_empty()
        && t.len() <= 80
        && t.split_whitespace().count() <= 8
        && !t.ends_with(['.', '!', '?', '。', ':', ';', ',', '，', '；', '：'])
}

/// A breakdown under a heading, across sentences: `2. By type of enterprise`
/// then `Private enterprises exported 3.37 trillion yuan ... Foreign-invested
/// enterprises exported 462 billion yuan ...`. The level figures of the
/// section, each of a narrower form of one metric (`private enterprise
/// exports`; not markets, which overlap), are parts of the nearest figure of
/// that metric stated before the heading, for the same subject, period and
/// unit. A heading does not say the list is complete, so only parts that
/// exceed their total are a conflict.
fn mark_heading_breakdowns(text: &str, paras: &[Span], out: &mut [Claim]) {
    for (pi, h) in paras.iter().enumerate() {
        let head = text[h.range()].trim();
        let unnumbered = head
            .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ')' | '#' | ' '));
        // No other character lowercases to `b`, `y` or a space, so ASCII
        // case folding of three bytes says what lowercasing a copy did.
        let by = unnumbered
            .as_bytes()
            .get(..3)
            .is_some_and(|b| b.eq_ignore_ascii_case(b"by "));
        if !by || !is_heading(head) {
            continue;
        }
        let end = paras[pi + 1..]
            .iter()
            .find(|p| is_heading(&text[p.range()]))
            .map(|p| p.start)
            .unwrap_or(text.len());
        let level = |c: &Claim| {
            !c.change
                && c.kind == QuantityKind::Money
                && !c.has(flags::SHARE | flags::MODAL | flags::RETRACTED)
                && !c.metric.is_empty()
        };
        let parts: Vec<usize> = (0..out.len())
            .filter(|&i| {
                let c = &out[i];
                c.start as usize >= h.end && (c.end as usize) <= end && level(c)
            })
            .collect();
        if parts.len() < 2 || parts.iter().any(|&i| out[i].sum_group != 0) {
            continue;
        }
        let p0 = &out[parts[0]];
        let (unit, subject, period) = (p0.unit, p0.subject, p0.period);
        if parts.iter().any(|&i| {
            let c = &out[i];
            c.unit != unit || c.subject != subject || c.period != period
        }) {
            continue;
        }
        let mut names: Vec<(&str, &str)> = parts
            .iter()
            .map(|&i| (out[i].metric.as_str(), out[i].scope.as_str()))
            .collect();
        names.sort_unstable();
        names.dedup();
        if names.len() != parts.len() {
            continue;
        }
        let biggest = parts
            .iter()
            .filter_map(|&i| out[i].value())
            .fold(0.0f64, f64::max);
        // A narrower form of `m`: `<modifier> m` (types of enterprise,
        // products). Markets are not summed: regions overlap (Belt and Road
        // countries include ASEAN), so their figures may exceed the whole.
        let narrower = |c: &Claim, m: &str| {
            let cm = c.metric.as_str();
            c.scope.is_empty() && cm.strip_suffix(m).is_some_and(|rest| rest.ends_with(' '))
        };
        let Some(t) = (0..out.len()).rev().find(|&i| {
            let c = &out[i];
            (c.end as usize) <= h.start
                && level(c)
                && c.sum_group == 0
                && c.scope.is_empty()
                && c.unit == unit
                && c.subject == subject
                && c.period == period
                && matches!(c.approx, Approx::Exact | Approx::About)
                && c.value().is_some_and(|v| v > biggest)
                && parts.iter().all(|&p| narrower(&out[p], c.metric.as_str()))
        }) else {
            continue;
        };
        // Groups of sentences are numbered from 1; these come after them.
        let group = u32::MAX - pi as u32;
        out[t].flags |= flags::TOTAL;
        out[t].sum_group = group;
        for p in parts {
            out[p].flags |= flags::PART;
            out[p].sum_group = group;
        }
    }
}

/// Clause number of each word: `;`, dashes, colons and brackets end a clause,
/// and so does a comma before `while`, `whereas`, `but`, `which`. A clause
/// set between commas after its noun (`Core inflation, which strips out
/// energy prices, stood at 2.9%`) ends at its second comma, and the words
/// after it are the first clause's again: numbers do not always grow along
/// the sentence.
///
/// Into `out`, emptied first; `marked` is false when the sentence has no
/// clause mark or comma, and then every word is in clause 0.
fn clause_ids(words: &[W], marked: bool, out: &mut Vec<usize>) {
    out.clear();
    if !marked {
        out.resize(words.len(), 0);
        return;
    }
    let mut id = 0;
    let mut next_id = 1;
    // The clause a `, which ...` clause was set in, while in it.
    let mut aside_of: Option<usize> = None;
    out.extend(words.iter().enumerate().map(|(i, w)| {
        // Every rule below starts at a clause mark, a comma or a word of
        // `CLAUSE_AFTER_COMMA` (`while`, `whereas`, `and`): any other word
        // stays in the clause it is in, without asking the rules.
        if !w.is(fact::CLAUSE_END | fact::COMMA | fact::CLAUSE_AFTER_COMMA) {
            return id;
        }
        // `The services sector expanded 0.2% while industrial production
        // dropped 0.5%`: a contrast opens a clause with or without a comma.
        let contrast = matches!(w.lc, "while" | "whereas");
        // `It shipped 195.1 Mt in FY25 and expects 190 Mt in FY26`: a
        // second verb of looking ahead opens a clause of its own.
        let and_expects = w.lc == "and"
            && words
                .get(i + 1)
                .is_some_and(|n| n.is(fact::MODAL) && n.lc.ends_with('s'));
        // `Aurelion tops 1.2 million deliveries, sets 1.6 million goal for
        // 2026`: so does one after a comma, as a headline joins them.
        let comma_expects = opens_a_forecast(words, i);
        let boundary = w.is(fact::CLAUSE_END)
            || and_expects
            || comma_expects
            || contrast
                && !words
                    .get(i.wrapping_sub(1))
                    .is_some_and(|p| p.is(fact::COMMA))
            || (w.is(fact::COMMA)
                && words
                    .get(i + 1)
                    .is_some_and(|n| n.is(fact::CLAUSE_AFTER_COMMA)));
        let relative = w.is(fact::COMMA)
            && words
                .get(i + 1)
                .is_some_and(|n| matches!(n.lc, "which" | "who"));
        if boundary {
            if relative {
                aside_of = Some(id);
            } else if w.is(fact::CLAUSE_END) {
                aside_of = None;
            }
            id = next_id;
            next_id += 1;
        } else if let Some(outer) = aside_of.filter(|_| w.is(fact::COMMA)) {
            id = outer;
            aside_of = None;
        }
        id
    }));
}

/// Whether the comma at `i` opens a clause of looking ahead: `, sets 1.6
/// million goal for 2026`, `, expects ...`.
fn opens_a_forecast(words: &[W], i: usize) -> bool {
    words[i].is(fact::COMMA)
        && words.get(i + 1).is_some_and(|n| {
            (n.is(fact::MODAL) || n.is(fact::PLAN)) && n.lc.ends_with('s')
                || matches!(n.lc, "sets" | "eyes")
        })
}

fn pick_metric(
    words: &[W],
    hits: &[MetricHit],
    fw: usize,
    fe: usize,
    cl: usize,
    clause: &[usize],
) -> Option<(MetricHit, How)> {
    // `8.6 billion yuan in revenue`, `13.3 billion yuan worth of parts exports`.
    let mut j = fe;
    while j < words.len() && j < fe + 3 && matches!(words[j].lc, "in" | "of" | "worth" | "the") {
        j += 1;
    }
    if j > fe {
        if let Some(h) = hits.iter().find(|h| h.i0 >= j && h.i0 <= j + 2) {
            return Some((*h, How::Clause));
        }
    }
    // Hits come in order and do not overlap: those that end before the
    // figure are a prefix of them, taken as a slice rather than collected.
    let before = &hits[..hits.partition_point(|h| h.i1 <= fw)];
    if let Some(h) = before.iter().rev().find(|h| clause.get(h.i0) == Some(&cl)) {
        return Some((*h, How::Clause));
    }
    // A verb right after the figure's noun: `212,000 packs shipped abroad`.
    if let Some(h) = hits
        .iter()
        .find(|h| h.i0 >= fe && h.i0 <= fe + 3 && clause.get(h.i0) == Some(&cl))
    {
        return Some((*h, How::Clause));
    }
    if let Some(h) = before.last() {
        // Another figure between the metric and this one: this may be a
        // list item of some other measure (`... and other businesses 0.7 billion`).
        let between = words[h.i1..fw].iter().any(|w| w.kind == TokenKind::Number);
        return Some((*h, if between { How::Context } else { How::Sentence }));
    }
    None
}

/// Whether the text right before a figure is Chinese.
fn cjk_here(text: &str, at: usize, sent_start: usize) -> bool {
    // Most figures follow an ASCII letter, digit or mark, past ASCII
    // spaces: no Han character, and no character decoded to find so.
    let last_mark = text.as_bytes()[sent_start..at]
        .iter()
        .rev()
        .find(|&&b| !matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'));
    if last_mark.is_none_or(u8::is_ascii) {
        return false;
    }
    text[sent_start..at]
        .chars()
        .rev()
        .find(|c| !c.is_whitespace())
        .is_some_and(is_han)
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// The metric a Chinese phrase right before a figure names: the clause's
/// last Han characters (after any name or date in it), verbs and bounds
/// dropped, ending in a metric word of [`CJK_METRICS`]; what comes before
/// it is the product (`锂离子电池 exports`). Returns whether the product
/// was `海外` (overseas), which is a scope.
fn cjk_metric(text: &str, sent_start: usize, at: usize, others: &[Span]) -> Option<(String, bool)> {
    let clause_start = text[sent_start..at]
        .rfind([
            '，', ',', '。', '；', ';', '：', ':', '、', '（', '(', '）', ')',
        ])
        .map(|i| {
            let i = sent_start + i;
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        })
        .unwrap_or(sent_start);
    let lo = others
        .iter()
        .filter(|s| s.end <= at && s.end > clause_start)
        .map(|s| s.end)
        .max()
        .unwrap_or(clause_start);
    let mut phrase: &str = text[lo..at].trim();
    if !phrase.chars().all(is_han) {
        let cut = phrase
            .char_indices()
            .rev()
            .find(|(_, c)| !is_han(*c))
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(0);
        phrase = &phrase[cut..];
    }
    while let Some(w) = CJK_LINK_WORDS.iter().find(|w| phrase.ends_with(**w)) {
        phrase = &phrase[..phrase.len() - w.len()];
    }
    let (word, base) = CJK_METRICS.iter().find(|(w, _)| phrase.ends_with(*w))?;
    let mut product = &phrase[..phrase.len() - word.len()];
    // `归属于股东的净利润`: what comes before `的` qualifies, it is no product.
    if let Some(i) = product.rfind('的') {
        product = &product[i + '的'.len_utf8()..];
    }
    while let Some(w) = CJK_NOT_PRODUCT.iter().find(|w| product.starts_with(**w)) {
        product = &product[w.len()..];
    }
    let overseas = product == "海外" || product == "境外";
    Some((
        with_product(if overseas { "" } else { product }, base),
        overseas,
    ))
}

/// The number of an item of a numbered list (`2. Exports were ...`,
/// `(3) ...`): plain digits opening their line, closed by a full stop or
/// bracket and then a space. It counts items, not anything the item says.
/// A length of time rather than a measured amount: `the nine months`,
/// `over the past 12 months`, `a nine-month profit`, `the 10-year yield`.
/// Such words name the window a figure covers (which the time stage reads)
/// or qualify a noun; two documents giving different windows do not
/// disagree.
/// `youth aged 15 to 24`, `workers ages 25-54`, `the top five vendors`:
/// an age band or a rank's size says whom a figure counts, and is no
/// figure of the measure itself.
fn age_or_rank(text: &str, q: &Quantity) -> bool {
    if !matches!(q.kind, QuantityKind::Number | QuantityKind::Count) {
        return false;
    }
    let before = text[..q.span.start].trim_end();
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    ["aged", "ages", "age", "top"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

fn duration(text: &str, q: &Quantity) -> bool {
    const TIME_WORDS: &[&str] = &[
        "second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade",
    ];
    let is_time_word = |w: &str| {
        let w = w.strip_suffix('s').unwrap_or(w);
        TIME_WORDS.iter().any(|t| w.eq_ignore_ascii_case(t))
    };
    if q.kind == QuantityKind::Count && q.unit.as_deref().is_some_and(is_time_word) {
        return true;
    }
    let after = text.get(q.span.end..).unwrap_or_default();
    // `rose 5% from a quarter earlier`: a quarter of a year, not of a sum.
    let span = text.get(q.span.range()).unwrap_or_default().as_bytes();
    if q.kind == QuantityKind::Fraction
        && span.len() >= 7
        && span[span.len() - 7..].eq_ignore_ascii_case(b"quarter")
        && ["earlier", "ago", "before", "later"]
            .iter()
            .any(|w| after.trim_start().starts_with(w))
    {
        return true;
    }
    hyphened_word(after)
        .is_some_and(|(word, _)| q.kind == QuantityKind::Number && is_time_word(word))
}

/// The letters joined by a hyphen at the start of `after` (`-year plan`,
/// `-kg bags`), and what follows them.
fn hyphened_word(after: &str) -> Option<(&str, &str)> {
    let rest = after.strip_prefix('-')?;
    let end = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    Some(rest.split_at(end))
}

/// `612,480 60-kg bags`, `20-foot containers`, `12-inch wafers`: a size
/// joined to its unit by a hyphen, before the noun it qualifies, says
/// what kind of thing is counted, and is no figure of its own.
fn size_modifier(text: &str, q: &Quantity) -> bool {
    const SIZE_WORDS: &[&str] = &[
        "kg",
        "kilogram",
        "gram",
        "pound",
        "lb",
        "ounce",
        "tonne",
        "ton",
        "foot",
        "feet",
        "ft",
        "inch",
        "metre",
        "meter",
        "mm",
        "cm",
        "nm",
        "nanometre",
        "nanometer",
        "litre",
        "liter",
        "gallon",
        "seat",
        "storey",
        "story",
        "door",
    ];
    if !matches!(q.kind, QuantityKind::Number | QuantityKind::Measure) {
        return false;
    }
    let span = text.get(q.span.range()).unwrap_or_default();
    let after = text.get(q.span.end..).unwrap_or_default();
    // The hyphen and unit inside the figure (`20-foot`) or right after it
    // (`60-kg`).
    let (unit, rest) = match span.split_once('-') {
        Some((digits, unit))
            if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) =>
        {
            (unit, after)
        }
        _ => match hyphened_word(after) {
            Some(word_and_rest) => word_and_rest,
            None => return false,
        },
    };
    SIZE_WORDS.iter().any(|w| unit.eq_ignore_ascii_case(w))
        && rest
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_lowercase()))
}

fn list_marker(text: &str, q: &Quantity) -> bool {
    let b = text.as_bytes();
    let (s, e) = (q.span.start, q.span.end);
    if q.kind != QuantityKind::Number || q.unit.is_some() || e - s > 3 {
        return false;
    }
    if !b[s..e].iter().all(u8::is_ascii_digit) {
        return false;
    }
    // Back over the bracket and the indent only: the line must start there.
    let bracketed = s > 0 && b[s - 1] == b'(';
    let mut at = if bracketed { s - 1 } else { s };
    while at > 0 && matches!(b[at - 1], b' ' | b'\t') {
        at -= 1;
    }
    if at > 0 && b[at - 1] != b'\n' {
        return false;
    }
    let close = b.get(e).copied();
    let closed = if bracketed {
        close == Some(b')')
    } else {
        matches!(close, Some(b'.' | b')'))
    };
    closed && b.get(e + 1).is_none_or(|c| matches!(c, b' ' | b'\t'))
}

/// `Copy 2.`, `Figure 3`, `Chapter 4:`: a sentence that is a capitalised
/// word and a bare number labels a part of the document (or one copy of
/// it) and counts nothing. Asked only of sentences that name no metric:
/// `Exports 43` is a table's row written without its bars.
fn label_number(text: &str, words: &[W], names_a_metric: bool, q: &Quantity) -> bool {
    if names_a_metric
        || q.kind != QuantityKind::Number
        || q.unit.is_some()
        || q.change
        || q.span.len() > 4
    {
        return false;
    }
    let mut spoken = words.iter().filter(|w| w.kind != TokenKind::Punct);
    let (Some(label), Some(number), None) = (spoken.next(), spoken.next(), spoken.next()) else {
        return false;
    };
    label.kind == TokenKind::Word
        && label.is_title(text)
        && number.start == q.span.start
        && number.end == q.span.end
        && text[q.span.range()].bytes().all(|b| b.is_ascii_digit())
        // Nothing but a closing full stop or colon after the number.
        && words
            .iter()
            .filter(|w| w.kind == TokenKind::Punct)
            .all(|w| w.start >= number.end && matches!(w.lc, "." | ":"))
}

/// A listing's stock code: `(164755.SZ)`, `0700.HK`, `(SZSE: 002594)`.
fn stock_code(text: &str, q: &Quantity) -> bool {
    let b = text.as_bytes();
    let (s, e) = (q.span.start, q.span.end);
    if q.kind != QuantityKind::Number || q.unit.is_some() {
        return false;
    }
    if !b[s..e].iter().all(u8::is_ascii_digit) {
        return false;
    }
    // An exchange suffix: a full stop, one to three capitals, then no letter.
    let suffix = b.get(e) == Some(&b'.') && {
        // Counted no further than tells: a run of capitals may be long.
        let caps = b[e + 1..]
            .iter()
            .take(4)
            .take_while(|c| c.is_ascii_uppercase())
            .count();
        (1..=3).contains(&caps) && !b.get(e + 1 + caps).is_some_and(u8::is_ascii_alphanumeric)
    };
    // An exchange prefix: two to five capitals and a colon (`HKEX: 1211`).
    let before = text[..s].trim_end_matches(' ');
    let prefix = before.strip_suffix(':').is_some_and(|head| {
        let caps = head
            .bytes()
            .rev()
            .take(6)
            .take_while(u8::is_ascii_uppercase)
            .count();
        (2..=5).contains(&caps)
            && !head.as_bytes()[..head.len() - caps]
                .last()
                .is_some_and(u8::is_ascii_alphanumeric)
    });
    suffix || prefix
}

/// A bare number or count written with its sign (`-1.5`, `+2.3` in the
/// change column of a table) that was not read as a change: a level of the
/// things such numbers count is never negative, and a sign written on one
/// marks a difference whose base the text does not give.
fn signed_bare_level(text: &str, q: &Quantity) -> bool {
    matches!(q.kind, QuantityKind::Number | QuantityKind::Count)
        && q.unit.is_none()
        && !q.change
        && text[q.span.range()].starts_with(['-', '+', '\u{2212}'])
}

/// The analyst a sentence quotes, when it quotes one: the first person
/// named in a sentence that speaks of an analyst, economist or strategist.
fn forecaster<'e>(text: &str, entities: &'e [Entity], sent: Span) -> Option<&'e str> {
    let sentence = text.get(sent.range())?;
    let speaks_of_analyst = ["analyst", "economist", "strategist"]
        .iter()
        .any(|w| sentence.contains(w));
    if !speaks_of_analyst {
        return None;
    }
    // Entities come in text order: the sentence's are found by bisection.
    let from = entities.partition_point(|e| e.span.start < sent.start);
    entities[from..]
        .iter()
        .take_while(|e| e.span.start < sent.end)
        .find(|e| e.label == Label::Person && e.span.end <= sent.end)
        .map(|e| e.canonical.as_str())
}

/// A spelled-out number inside a short quotation: `"new three"`, `“Big Four”`.
fn quoted_number_word(text: &str, span: Span) -> bool {
    let fig = &text[span.range()];
    // Most figures hold a digit, which no number word does: told by bytes
    // before any character is decoded.
    if fig.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    if !fig
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
    {
        return false;
    }
    let is_quote = |c: char| matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’');
    let is_stop = |c: &char| matches!(c, '.' | ',' | ';');
    // The 16 characters either side, read in place (no copy of them).
    let open = text[..span.start]
        .chars()
        .rev()
        .take(16)
        .take_while(|c| !is_stop(c))
        .any(is_quote);
    let close = || {
        text[span.end..]
            .chars()
            .take(16)
            .take_while(|c| !is_stop(c))
            .any(is_quote)
    };
    open && close()
}

/// `Energy storage batteries, at 19.7 billion yuan, ...` after `battery
/// exports were ...`: a sentence that opens with a bare product noun phrase
/// and states a figure of the metric carried from before narrows that
/// metric to the product (`energy storage battery exports`).
fn product_subject_metric(
    text: &str,
    words: &[W],
    hits: &[MetricHit],
    carried: &str,
    fw: usize,
    in_ent: &dyn Fn(&W) -> bool,
) -> Option<String> {
    // The noun phrase opens the sentence or a clause `, and ...` before the figure.
    let mut s0 = (2..fw)
        .rev()
        .find(|&i| words[i - 1].lc == "and" && words[i - 2].lc == ",")
        .unwrap_or(0);
    // A table's sub-row, `of which: Passenger vehicles  474,921`.
    if s0 == 0 && words.len() > 2 && words[0].lc == "of" && words[1].lc == "which" {
        s0 = 2 + usize::from(words[2].lc == ":");
    }
    let k = s0
        + words[s0..]
            .iter()
            .take(5)
            .position(|w| !(is_content_word(w) || w.lc == "new") || in_ent(w))?;
    // Capitals after the first word are a name (`Chen Shuang, ...`), not a product.
    if k == s0
        || k > s0 + 4
        || k > fw
        || hits.iter().any(|h| h.i0 >= s0 && h.i0 < k)
        || words[s0 + 1..k].iter().any(|w| w.is_title(text))
    {
        return None;
    }
    let next = words[k].lc;
    let verb = if s0 == 0 {
        matches!(
            next,
            "," | "were" | "was" | "at" | "totalled" | "totaled" | "reached" | "stood"
        )
    } else {
        matches!(next, "also" | "were" | "was" | "rose" | "grew" | "fell") || next.ends_with("ed")
    };
    if !(k == fw || verb) {
        return None;
    }
    let np: Vec<&str> = words[s0..k].iter().map(|w| w.lc).collect();
    let product = normalize_product(&np);
    if product.is_empty() {
        return None;
    }
    let base = if carried.ends_with("imports and exports") {
        "imports and exports"
    } else {
        carried.rsplit(' ').next().filter(|b| !b.is_empty())?
    };
    if !crate::lexicon::is_flow(base) || carried == format!("{product} {base}") {
        return None;
    }
    Some(format!("{product} {base}"))
}

/// A metric's name: its base, after the product it is narrowed to if any
/// (`NEV exports`). Concatenated: `format!` cost several times more, for
/// nearly every figure.
fn with_product(product: &str, base: &str) -> String {
    if product.is_empty() {
        return base.to_string();
    }
    let mut name = String::with_capacity(product.len() + 1 + base.len());
    name.push_str(product);
    name.push(' ');
    name.push_str(base);
    name
}

/// Verbs that state a figure of what opens their clause (`Thermal power
/// fell 8.7%`, `solar power jumped 41.9% to 2.54 billion kWh`).
const FIGURE_VERBS: &[&str] = &[
    "rose",
    "fell",
    "grew",
    "jumped",
    "climbed",
    "surged",
    "soared",
    "declined",
    "dropped",
    "slid",
    "slipped",
    "dipped",
    "eased",
    "gained",
    "increased",
    "decreased",
    "expanded",
    "contracted",
    "plunged",
    "tumbled",
    "was",
    "were",
    "totalled",
    "totaled",
    "reached",
];

/// The goods named by the words that open the clause of the figure at
/// `fw` and come right before its verb (`Thermal power fell 8.7% to 4.83
/// billion kWh`): where they start, and their product name. Only other
/// figures and `by`, `to` may stand between the verb and this one.
fn goods_opening_the_clause(
    words: &[W],
    fw: usize,
    clause: &[usize],
    cl: usize,
    skip: &dyn Fn(&W) -> bool,
) -> Option<(usize, String)> {
    let mut v = fw;
    loop {
        v = v.checked_sub(1)?;
        let w = &words[v];
        if clause.get(v) != Some(&cl) || fw - v > 8 {
            return None;
        }
        if FIGURE_VERBS.contains(&w.lc) {
            break;
        }
        let part_of_a_figure = skip(w) && w.kind != TokenKind::Word
            || matches!(w.lc, "by" | "to" | "%" | "percent" | "per" | "cent");
        if !part_of_a_figure {
            return None;
        }
    }
    let mut j = v;
    while j > 0 && v - j < 4 {
        let w = &words[j - 1];
        if clause.get(j - 1) != Some(&cl) || w.poss || skip(w) || !is_content_word(w) {
            break;
        }
        j -= 1;
    }
    let opens = j == 0
        || clause.get(j - 1) != Some(&cl)
        || matches!(words[j - 1].lc, "and" | "while" | "but" | "whereas");
    if j == v || !opens {
        return None;
    }
    // At most four words: an array, not a vector per figure.
    let mut run = [""; 4];
    for (slot, w) in run.iter_mut().zip(&words[j..v]) {
        *slot = w.lc;
    }
    let goods = normalize_product(&run[..v - j]);
    (!goods.is_empty()).then_some((j, goods))
}

/// The product a metric is narrowed to: `new energy vehicle exports` → `NEV`,
/// `exports of automotive parts`, or the counted noun `642,000 vehicles`.
fn product_of(
    words: &[W],
    h: &MetricHit,
    q: &Quantity,
    fe: usize,
    in_ent: &dyn Fn(&W) -> bool,
) -> String {
    if matches!(q.kind, QuantityKind::Count | QuantityKind::Number) {
        let counted = counted_of(words, q, fe);
        if !counted.is_empty() {
            return counted;
        }
    }
    // Modifiers before the head, at most four: filled from the back of an
    // array, in text order, with no vector per figure.
    let mut j = h.i0;
    let mut mods = [""; 4];
    let mut n = 0;
    while j > 0 && n < mods.len() {
        let w = &words[j - 1];
        // `new energy vehicle (NEV) production and sales`: the goods named
        // before a pair of measures, or before their short name in
        // brackets, are each measure's.
        if n == 0
            && j >= 2
            && matches!(w.lc, "and" | "&")
            && matches!(
                words[j - 2].lc,
                "production" | "output" | "sales" | "exports" | "imports" | "deliveries"
            )
        {
            j -= 2;
            continue;
        }
        // `NEV (new energy vehicle) exports`, `Youth (15-24) unemployment
        // rate`: a bracket of a few words between the goods and the head.
        if w.is(fact::CLOSE) {
            if let Some(open) = (j.saturating_sub(7)..j - 1)
                .rev()
                .find(|&k| words[k].is(fact::OPEN))
            {
                j = open;
                continue;
            }
        }
        // `the company expects revenue of`, `saw revenue of`: a verb
        // before the metric is none of its words.
        let verb = w.is(fact::MODAL | fact::PLAN) || matches!(w.lc, "saw" | "sees" | "see");
        if w.poss || in_ent(w) || verb || !(is_content_word(w) || w.lc == "new") {
            break;
        }
        n += 1;
        mods[mods.len() - n] = w.lc;
        j -= 1;
    }
    let p = normalize_product(&mods[mods.len() - n..]);
    if !p.is_empty() {
        return p;
    }
    // `exported NEVs worth RMB 41.2bn`: the goods between the verb and the
    // value they were worth, which trade figures are not compared without
    // (a province's NEV exports are not its exports).
    // (The figure's first word is looked for only where trade asks.)
    let trade = matches!(h.base, "exports" | "imports" | "imports and exports");
    let worth_before_figure = trade
        .then(|| words.partition_point(|w| w.start < q.span.start))
        .filter(|&fw| fw >= h.i1 + 2 && fw <= h.i1 + 4 && words[fw - 1].lc == "worth");
    if let Some(fw) = worth_before_figure {
        let goods = &words[h.i1..fw - 1];
        if goods
            .iter()
            .all(|w| !in_ent(w) && (is_content_word(w) || w.lc == "new"))
        {
            let goods: Vec<&str> = goods.iter().map(|w| w.lc).collect();
            let p = normalize_product(&goods);
            if !p.is_empty() {
                return p;
            }
        }
    }
    // `exports of new energy vehicles`, `... worth of automotive parts`;
    // `revenue from innovative drugs`, a segment's (right after the head
    // only: after the figure, `from` gives the base, `up 5% from 2024`).
    let earned_from = matches!(h.base, "revenue" | "sales" | "operating income" | "profit");
    // `consumption by secondary industry`, `investment by private firms`:
    // the part of the whole that those users account for.
    let used_by = matches!(h.base, "consumption" | "demand" | "investment");
    // `revenue in the segment`, `profit at the division`: a part of the
    // company's, which one the sentence before said.
    let at = |i: usize| words.get(i).map_or("", |w| w.lc);
    if earned_from
        && matches!(at(h.i1), "in" | "at" | "from")
        && matches!(at(h.i1 + 1), "the" | "that" | "this" | "its")
        && matches!(
            at(h.i1 + 2),
            "segment" | "division" | "unit" | "business" | "arm"
        )
    {
        return "segment".to_string();
    }
    for start in [h.i1, fe] {
        let mut k = start;
        if at(k) == "worth" {
            k += 1;
        }
        let from = k == h.i1
            && (earned_from && at(k) == "from"
                || used_by && at(k) == "by" && !words.get(k + 1).is_some_and(|n| n.is(fact::THE)));
        if at(k) != "of" && !from {
            continue;
        }
        k += 1;
        if at(k) == "the" {
            k += 1;
        }
        let mut np = [""; 4];
        let mut n = 0;
        while let Some(w) = words.get(k) {
            if n >= np.len() || in_ent(w) || !(is_content_word(w) || w.lc == "new") {
                break;
            }
            np[n] = w.lc;
            n += 1;
            k += 1;
        }
        let p = normalize_product(&np[..n]);
        if !p.is_empty() {
            return p;
        }
    }
    String::new()
}

/// The counted noun of a count: the numbers stage's unit when it took the
/// noun into the figure (`6,900 employees`), else the words after it.
/// Visitors a country received are its arrivals, however counted
/// (`1.87 million tourists`, `162,540 international tourist arrivals`).
fn counted_of(words: &[W], q: &Quantity, fe: usize) -> String {
    let counted = counted_noun_of(words, q, fe);
    let head = crate::lexicon::after_last_byte(&counted, b' ');
    if matches!(head, "tourist" | "visitor" | "arrival") {
        return "arrivals".into();
    }
    counted
}

fn counted_noun_of(words: &[W], q: &Quantity, fe: usize) -> String {
    if q.kind == QuantityKind::Count {
        if let Some(u) = q.unit.as_deref() {
            let u = crate::lexicon::lowercase(u);
            if matches!(
                u.as_ref(),
                "employee" | "people" | "person" | "staff" | "worker"
            ) {
                return "employees".into();
            }
            let parts: Vec<&str> = u.split(' ').collect();
            let p = normalize_product(&parts);
            if !p.is_empty() || u == "unit" {
                return match crate::lexicon::rsplit_once_byte(&p, b' ') {
                    Some((_, head))
                        if !matches!(
                            p.as_str(),
                            "passenger car" | "commercial vehicle" | "auto part"
                        ) =>
                    {
                        head.to_string()
                    }
                    _ => p,
                };
            }
        }
    }
    counted_noun(words, fe)
}

/// The noun phrase right after a count: `212,000 battery packs` → `battery pack`.
fn counted_noun(words: &[W], fe: usize) -> String {
    // At most four words, in an array rather than a vector per figure.
    let mut np = [""; 4];
    let mut n = 0;
    let mut k = fe;
    while let Some(w) = words.get(k) {
        if n >= np.len() || !(is_content_word(w) || w.lc == "new") {
            break;
        }
        k += 1;
        if w.is(fact::SCOPE) {
            continue;
        }
        if MONTHS.contains(w.lc) {
            break;
        }
        np[n] = w.lc;
        n += 1;
    }
    // A counted noun meets by its head: `battery packs` = `packs`.
    let p = normalize_product(&np[..n]);
    match crate::lexicon::rsplit_once_byte(&p, b' ') {
        Some((_, head))
            if !matches!(
                p.as_str(),
                "passenger car" | "commercial vehicle" | "auto part" | "energy storage"
            ) =>
        {
            head.to_string()
        }
        _ => p,
    }
}

/// The phrase naming a metric with its qualifiers, as a share's part or
/// whole names it: `overseas revenue` → `exports` (see the claim rules),
/// `NEV exports`, `domestic sales`.
fn phrase_descriptor(base: &str, mods: &[&str]) -> String {
    let mut scope: Vec<&str> = mods.iter().filter_map(|w| SCOPE_WORDS.get(w)).collect();
    let product = normalize_product(mods);
    let mut base = base.to_string();
    if let Some(pos) = scope.iter().position(|s| *s == "overseas") {
        if matches!(
            base.as_str(),
            "revenue" | "sales" | "shipments" | "deliveries"
        ) {
            base = "exports".into();
            scope.remove(pos);
        }
    }
    scope.sort();
    scope.dedup();
    let metric = with_product(&product, &base);
    if scope.is_empty() {
        metric
    } else {
        format!("{} {metric}", scope.join("; "))
    }
}

/// How a claim is named as a share's part or whole: scope, then metric.
fn claim_descriptor(c: &Claim) -> String {
    if c.scope.is_empty() {
        c.metric.as_str().to_string()
    } else {
        format!("{} {}", c.scope.as_str(), c.metric.as_str())
    }
}

const SHARE_VERBS: WordList<&str> = WordList::new(&[
    "accounted",
    "accounting",
    "account",
    "accounts",
    "share",
    "proportion",
    "represented",
    "representing",
    "represents",
    "made",
    "making",
    "makes",
    "comprised",
    "contributed",
]);

/// `accounted for 33% of total vehicle exports` → `NEV exports share of vehicle exports`.
#[allow(clippy::too_many_arguments)]
fn share_metric(
    words: &[W],
    hits: &[MetricHit],
    fw: usize,
    fe: usize,
    cl: usize,
    clause: &[usize],
    earlier: &[Claim],
    changed: bool,
) -> Option<String> {
    let mut k = fe;
    if words.get(k).map(|w| w.lc) != Some("of") {
        return None;
    }
    k += 1;
    while words.get(k).is_some_and(|w| {
        matches!(
            w.lc,
            "the" | "total" | "all" | "its" | "their" | "our" | "overall"
        ) || w.poss
    }) {
        k += 1;
    }
    let lo = fw.saturating_sub(6);
    let share_verb = words[lo..fw].iter().any(|w| SHARE_VERBS.contains(w.lc));
    let or_prev = fw >= 1 && matches!(words[fw - 1].lc, "or" | "(");
    let whole_hit = hits.iter().find(|h| h.i0 >= k && h.i0 <= k + 4);
    if changed && !share_verb {
        return None;
    }
    if !share_verb && !or_prev && whole_hit.is_none() {
        return None;
    }
    // The whole.
    let whole = match whole_hit {
        Some(h) => {
            let mods: Vec<&str> = words[k..h.i0].iter().map(|w| w.lc).collect();
            phrase_descriptor(h.base, &mods)
        }
        None => {
            let mut np: Vec<&str> = Vec::new();
            while let Some(w) = words.get(k) {
                // A preposition or verb ends the whole (`the province's
                // total of 61.8 billion`: the whole is the total, not `of`).
                if np.len() >= 3
                    || w.kind != TokenKind::Word
                    || matches!(
                        w.lc,
                        "in" | "and"
                            | "of"
                            | "to"
                            | "from"
                            | "at"
                            | "for"
                            | "with"
                            | "by"
                            | "on"
                            | "was"
                            | "were"
                            | "is"
                            | "are"
                            | "reached"
                            | "stood"
                    )
                {
                    break;
                }
                np.push(w.lc);
                k += 1;
            }
            let p = np.join(" ");
            if p.is_empty() {
                "total".into()
            } else {
                p
            }
        }
    };
    // The part: the figure just before in the sentence (`overseas revenue of
    // 8.6bn made up 45% of ...`), else the metric named before.
    let prev = earlier.iter().rev().find(|c| {
        (c.end as usize) <= words[fw].start
            && !c.metric.is_empty()
            && !c.change
            && matches!(
                c.kind,
                QuantityKind::Money | QuantityKind::Count | QuantityKind::Number
            )
    });
    let part = if let Some(c) = prev {
        claim_descriptor(c)
    } else {
        match hits
            .iter()
            .rev()
            .find(|h| h.i1 <= fw && clause.get(h.i0).is_some_and(|c| *c + 1 >= cl))
        {
            Some(h) => {
                let mut j = h.i0;
                let mut mods: Vec<&str> = Vec::new();
                while j > 0
                    && mods.len() < 4
                    && is_content_word(&words[j - 1])
                    && !words[j - 1].poss
                {
                    mods.push(words[j - 1].lc);
                    j -= 1;
                }
                mods.reverse();
                phrase_descriptor(h.base, &mods)
            }
            None => {
                // `NEVs accounted for 33% of ...`: the noun before the verb.
                let verb = (lo..fw).find(|&i| SHARE_VERBS.contains(words[i].lc));
                match verb {
                    Some(v) if v > 0 && is_content_word(&words[v - 1]) => {
                        let mut j = v;
                        let mut np: Vec<&str> = Vec::new();
                        while j > 0 && np.len() < 3 && is_content_word(&words[j - 1]) {
                            np.push(words[j - 1].lc);
                            j -= 1;
                        }
                        np.reverse();
                        normalize_product(&np)
                    }
                    _ => String::new(),
                }
            }
        }
    };
    Some(if part.is_empty() {
        format!("share of {whole}")
    } else {
        format!("{part} share of {whole}")
    })
}

/// What the words right before a name say of it, from the lowercase text
/// before it: (a destination, not a possible subject). Only the last three
/// words are asked about: read from the end, they need no list.
fn tail_roles(lower_tail: &str) -> (bool, bool) {
    // An ASCII tail is split by bytes: the same words, without decoding
    // characters backwards.
    if lower_tail.is_ascii() {
        // The runs of letters and digits, last first, read back only as far
        // as the words asked for (a split with a test per byte cost more).
        let b = lower_tail.as_bytes();
        let mut end = b.len();
        let words = std::iter::from_fn(move || {
            while end > 0 && !b[end - 1].is_ascii_alphanumeric() {
                end -= 1;
            }
            let word_end = end;
            while end > 0 && b[end - 1].is_ascii_alphanumeric() {
                end -= 1;
            }
            (end < word_end).then(|| &b[end..word_end])
        });
        roles_of_last_words(words)
    } else {
        let words = lower_tail.rsplit(|c: char| !c.is_alphanumeric());
        roles_of_last_words(words.filter(|w| !w.is_empty()).map(str::as_bytes))
    }
}

/// [`tail_roles`] of the words before a name, last first.
fn roles_of_last_words<'a>(mut from_end: impl Iterator<Item = &'a [u8]>) -> (bool, bool) {
    let last = from_end.next().unwrap_or(b"");
    let last2 = from_end.next().unwrap_or(b"");
    let last3 = from_end.next();
    let l1 = if last == b"the" { last2 } else { last };
    let destination = matches!(l1, b"to" | b"into");
    let located = |w: &[u8]| matches!(w, b"based" | b"headquartered" | b"located" | b"registered");
    // `an analyst at Harbourline Research`: the analyst's employer, not the
    // company the figures are about.
    let analyst = |w: &[u8]| {
        matches!(
            w,
            b"analyst"
                | b"analysts"
                | b"economist"
                | b"economists"
                | b"strategist"
                | b"strategists"
        )
    };
    let excluded = destination
        || (matches!(last, b"at" | b"with" | b"from") && analyst(last2))
        || (last == b"in" && located(last2))
        || (last2 == b"in" && last3.is_some_and(located))
        || matches!(l1, b"like" | b"than" | b"as" | b"with" | b"versus" | b"vs");
    (destination, excluded)
}

/// `lower` is `text` with ASCII letters lowercased, as in [`words_of`].
fn mark_entity_roles(text: &str, lower: &str, ents: &mut [Ent], sents: &[Span]) {
    for e in ents.iter_mut() {
        let before = text[..e.span.start].trim_end();
        // The last 24 characters, cut in place rather than collected: when
        // the last 24 bytes are ASCII they are those characters.
        let ascii_cut = before.len().saturating_sub(24);
        let (cut, ascii) = if before.as_bytes()[ascii_cut..].is_ascii() {
            (ascii_cut, true)
        } else {
            let cut = before.char_indices().rev().nth(23).map_or(0, |(i, _)| i);
            (cut, before[cut..].is_ascii())
        };
        let tail = &before[cut..];
        // An ASCII tail's lowercase form is already in `lower`: no copy.
        let lower_tail = if ascii {
            Cow::Borrowed(&lower[cut..before.len()])
        } else {
            crate::lexicon::lowercase(tail)
        };
        let (destination, excluded) = tail_roles(&lower_tail);
        e.destination |= destination;
        e.excluded |= excluded;
        // A dateline: `HANGZHOU, Jan. 14 (Wire) --` or `**Lanxi, Jinhua, 20 January 2026**`:
        // a place opening a sentence, then a comma, then a date soon after;
        // or a name in capitals and a dash (`WIESBADEN - The inflation
        // rate in Germany ...`).
        // Asked cheapest first: most names are followed by no comma.
        let rest = &text[e.span.end..];
        if !rest.starts_with(',')
            && ![" - ", " – ", " — ", " -- "]
                .iter()
                .any(|d| rest.starts_with(d))
        {
            continue;
        }
        // Sentences are sorted and disjoint: only those around the entity
        // can hold it, found by bisection instead of a scan per entity.
        let s0 = sents.partition_point(|s| s.end <= e.span.start);
        let s1 = sents.partition_point(|s| s.start <= e.span.start).max(s0);
        let at_start = sents[s0..s1]
            .iter()
            .filter(|s| s.start <= e.span.start && e.span.start < s.end)
            .any(|s| {
                text.get(s.start..e.span.start)
                    .is_some_and(|t| t.chars().all(|c| !c.is_alphanumeric()))
            });
        let name = &text[e.span.range()];
        let date_soon = || {
            let soon = rest.get(..rest.len().min(48)).unwrap_or(rest);
            soon.contains(char::is_numeric)
                && [
                    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                    "Dec",
                ]
                .iter()
                .any(|m| soon.contains(m))
        };
        if at_start
            && name.chars().any(|c| c.is_alphabetic())
            && (name.chars().all(|c| !c.is_lowercase()) || (e.label == Label::Place && date_soon()))
        {
            e.excluded = true;
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn find_subject(
    text: &str,
    words: &[W],
    ents: &[Ent],
    hit: Option<&MetricHit>,
    anchor: usize,
    fw: usize,
    ctx: &Context,
    para: usize,
) -> (Option<Sym>, How) {
    let ent_of = |w: &W| {
        // A possessive word runs past its entity by the `'s`.
        let slack = if w.poss { 4 } else { 0 };
        ents.iter().find(|e| {
            matches!(w.kind, TokenKind::Word | TokenKind::Cjk)
                && e.span.start <= w.start
                && w.end <= e.span.end + slack
        })
    };
    let resolve = |noun: &str| -> Option<Sym> {
        if let Some((_, j)) = ctx.jurisdictions.iter().find(|(n, _)| *n == noun) {
            // `the province` in a provincial department's release.
            Some(*j)
        } else if PLACE_NOUNS.contains(noun) {
            let topic = ctx
                .topic_place
                .filter(|(_, si)| si + 2 >= ctx.sentence)
                .map(|t| t.0);
            let place = topic.or(ctx.place).or(ctx.subject.map(|s| s.0));
            // `the province` in a city bureau's release is not that city: a
            // place we cannot name, so no subject at all.
            if place.is_some_and(|p| ctx.jurisdictions.iter().any(|(_, j)| *j == p)) {
                return Some(Sym::EMPTY);
            }
            place
        } else {
            ctx.main_company
                .or(ctx.company)
                .or(ctx.subject.map(|s| s.0))
        }
    };
    // `accounting for 25.8% of the province's total of 61.8 billion yuan`:
    // the total is whose the possessive says, not the clause subject's.
    if fw >= 3 && words[fw - 1].lc == "of" && words[fw - 2].lc == "total" && words[fw - 3].poss {
        let w = &words[fw - 3];
        if let Some(e) = ent_of(w).filter(|e| !e.excluded && !e.destination) {
            return (Some(e.name), How::Possessive);
        }
        if w.is(fact::PLACE_NOUN | fact::COMPANY_NOUN) {
            // `Jinhua's exports ... of the province's total`: a place the
            // sentence has just named is the part, not the whole; a whole
            // we cannot name is no one's.
            let whole = resolve(w.lc)
                .filter(|s| {
                    !words[..fw - 3]
                        .iter()
                        .filter_map(&ent_of)
                        .any(|e| e.name == *s)
                })
                .unwrap_or(Sym::EMPTY);
            return (Some(whole), How::Anaphora);
        }
    }
    if let Some(h) = hit {
        // A verb (`exported`, `supplied`, `shipped`): its subject is the
        // nearest name before it, a company before a place it is `of`.
        let head = words[h.i1 - 1].lc;
        if h.i1 - h.i0 == 1
            && (head.ends_with("ed") || head == "sold" || head == "supplies" || head == "produces")
        {
            let lo = h.i0.saturating_sub(14);
            let mut found: Option<&Ent> = None;
            for w in words[lo..h.i0].iter().rev() {
                if let Some(e) = ent_of(w) {
                    if e.excluded {
                        continue;
                    }
                    match found {
                        None => found = Some(e),
                        Some(f)
                            if f.label == Label::Place
                                && e.label == Label::Company
                                && f.span.start.saturating_sub(e.span.end) < 40 =>
                        {
                            found = Some(e);
                            break;
                        }
                        Some(_) => break,
                    }
                }
                if w.is(fact::POSS_PRONOUN) || w.lc == ";" {
                    break;
                }
            }
            if let Some(e) = found {
                return (Some(e.name), How::Sentence);
            }
        }
        // Possessive or name before the metric's modifiers.
        let mut j = h.i0;
        while j > 0 {
            let w = &words[j - 1];
            if w.poss {
                if let Some(e) = ent_of(w) {
                    if !e.destination {
                        return (Some(e.name), How::Possessive);
                    }
                }
                if w.is(fact::PLACE_NOUN | fact::COMPANY_NOUN) {
                    if let Some(s) = resolve(w.lc) {
                        return (Some(s), How::Anaphora);
                    }
                }
                if w.is_title(text) && j >= 1 {
                    // A name the tagger missed: the capitalized words ending in `'s`.
                    let mut k = j - 1;
                    while k > 0
                        && words[k - 1].is_title(text)
                        && words[k - 1].kind == TokenKind::Word
                        && !words[k - 1].poss
                    {
                        k -= 1;
                    }
                    let name: Vec<&str> = words[k..j]
                        .iter()
                        .map(|w| &text[w.start..w.raw_end])
                        .filter(|w| {
                            !matches!(*w, "The" | "In" | "By" | "And" | "Province" | "City")
                        })
                        .collect();
                    if !name.is_empty() {
                        let first = name[0];
                        let known = ents
                            .iter()
                            .find(|e| e.name.as_str().split(' ').next() == Some(first));
                        let s = known
                            .map(|e| e.name)
                            .unwrap_or_else(|| Sym::new(&name.join(" ")));
                        return (Some(s), How::Possessive);
                    }
                }
                break;
            }
            if let Some(e) = ent_of(w) {
                if !e.excluded {
                    return (Some(e.name), How::Possessive);
                }
                break;
            }
            if w.is(fact::POSS_PRONOUN) {
                // `Pelfield Auto said its market share ...`: `its` is the
                // company the sentence named before it, whatever the
                // sentences before were about.
                if w.lc == "its" {
                    let lo = (j - 1).saturating_sub(12);
                    let named = words[lo..j - 1]
                        .iter()
                        .rev()
                        .filter_map(&ent_of)
                        .find(|e| e.label == Label::Company && !e.excluded && !e.destination);
                    if let Some(e) = named {
                        return (Some(e.name), How::Anaphora);
                    }
                    // `Iraq raised its output`: a place that opens the
                    // sentence as its subject, when no company is named.
                    let opening_place = words
                        .iter()
                        .take(2)
                        .filter_map(&ent_of)
                        .find(|e| e.label == Label::Place && !e.excluded && !e.destination)
                        .filter(|e| e.span.end <= w.start);
                    if let Some(e) = opening_place {
                        return (Some(e.name), How::Anaphora);
                    }
                }
                let s = ctx.company.or(ctx.subject.map(|s| s.0)).or(ctx.place);
                if s.is_some() {
                    return (s, How::Anaphora);
                }
                break;
            }
            if !(is_content_word(w) || w.lc == "new" || w.lc == "total") {
                break;
            }
            j -= 1;
        }
        // `exports from Zhejiang`, `import and export volume of Zhejiang`,
        // `cargo throughput at Ningbo-Zhoushan`.
        let mut k = h.i1;
        let end = (h.i1 + 6).min(words.len());
        while k < end {
            let w = &words[k];
            if matches!(w.lc, "of" | "from" | "in" | "by" | "at") {
                let mut n = k + 1;
                // `of our province`, in a translated release, is `of the
                // province` whose department speaks.
                if words.get(n).is_some_and(|w| w.lc == "the" || w.lc == "our") {
                    n += 1;
                }
                if let Some(e) = words.get(n).and_then(&ent_of) {
                    if !e.excluded {
                        return (Some(e.name), How::Preposition);
                    }
                }
                if let Some(w2) = words.get(n) {
                    if w2.is(fact::PLACE_NOUN)
                        && (words[n - 1].is(fact::THE) || words[n - 1].lc == "our")
                    {
                        if let Some(s) = resolve(w2.lc) {
                            return (Some(s), How::Anaphora);
                        }
                    }
                }
            }
            if w.kind != TokenKind::Word && w.lc != "&" {
                break;
            }
            k += 1;
        }
    }
    // The sentence's subject: a pronoun or `the company` before any name, else
    // the first name before the figure.
    let limit = anchor.min(fw);
    // `... ranking second in the country; imports were 1.25 trillion yuan`:
    // a clause after a semicolon names its own subject or none.
    let span_text = match (
        words.first(),
        limit.checked_sub(1).and_then(|l| words.get(l)),
    ) {
        (Some(a), Some(b)) => &text.as_bytes()[a.start..b.end],
        _ => &[][..],
    };
    let clause_start = if memchr::memchr(b';', span_text).is_some() {
        words[..limit]
            .iter()
            .rposition(|w| w.lc == ";")
            .map_or(0, |i| i + 1)
    } else {
        0
    };
    for (i, w) in words[..limit].iter().enumerate().skip(clause_start) {
        if let Some(e) = ent_of(w) {
            if !e.excluded {
                // `Guangdong, Jiangsu, Zhejiang ... with a total of 34 trillion`:
                // the first of a list of names is not the figure's subject.
                let next = words.iter().position(|x| x.start >= e.span.end);
                let listed = next.is_some_and(|n| {
                    matches!(words[n].lc, "," | "and" | "&" | "、")
                        && words
                            .get(n + 1)
                            .and_then(&ent_of)
                            .is_some_and(|o| o.span != e.span)
                });
                if listed {
                    // The figure is the list's together (`with a total of`),
                    // or each one's: either way not the first name's. Its
                    // subject is the list, still a guess no fallback replaces.
                    return (Some(listed_names(words, e, &ent_of)), How::Missing);
                }
                return (Some(e.name), How::Sentence);
            }
            continue;
        }
        // `Our province's exports`: the place the releasing department is of.
        if w.lc == "our" {
            if let Some(noun) = words.get(i + 1).filter(|n| n.is(fact::PLACE_NOUN)) {
                if let Some(s) = resolve(noun.lc) {
                    return (Some(s), How::Anaphora);
                }
            }
        }
        if matches!(w.lc, "we" | "our" | "us") {
            if let Some(s) = ctx.company {
                return (Some(s), How::Anaphora);
            }
        }
        // Only a pronoun or a place or company noun can stand for the subject.
        if !w.is(fact::SUBJECT_PRONOUN | fact::POSS_PRONOUN | fact::PLACE_NOUN | fact::COMPANY_NOUN)
        {
            continue;
        }
        let at_np_start = i == 0 || words[i - 1].is(fact::THE) || i == 1;
        if (w.is(fact::SUBJECT_PRONOUN) && i <= 1)
            || (w.is(fact::POSS_PRONOUN) && i == 0)
            || (at_np_start
                && i >= 1
                && words[i - 1].is(fact::THE)
                && w.is(fact::PLACE_NOUN | fact::COMPANY_NOUN))
        {
            // `The port city of Ningbo, ... recorded`: the noun is the name
            // that follows it.
            let named = words[i + 1..limit]
                .iter()
                .take(3)
                .position(|x| x.lc == "of")
                .filter(|&o| {
                    words[i + 1..i + 1 + o]
                        .iter()
                        .all(|x| x.is(fact::PLACE_NOUN))
                })
                .and_then(|o| words.get(i + 2 + o))
                .and_then(&ent_of)
                .filter(|e| !e.excluded);
            if let Some(e) = named {
                return (Some(e.name), How::Sentence);
            }
            let s = if matches!(w.lc, "it" | "we" | "they" | "our" | "its" | "their") {
                ctx.company.or(ctx.subject.map(|s| s.0))
            } else {
                resolve(w.lc)
            };
            if s.is_some() {
                return (s, How::Anaphora);
            }
        }
    }
    // `Exports of Chinese vehicles reached ...`, `German car exports`: the
    // country an adjective of the metric's phrase names.
    // Only the metric's own words: its modifiers right before it and an
    // `of` phrase right after it.
    if let Some(h) = hit {
        let modifiers = words[..h.i0]
            .iter()
            .rev()
            .take(4)
            .take_while(|w| w.kind == TokenKind::Word && !w.poss);
        let mut k = h.i1;
        if words.get(k).is_some_and(|w| w.lc == "of") {
            k += 1 + usize::from(words.get(k + 1).is_some_and(|w| w.lc == "the"));
        }
        let of_phrase = words[k.min(words.len())..]
            .iter()
            .take(if k > h.i1 { 3 } else { 0 })
            .take_while(|w| w.kind == TokenKind::Word);
        if let Some(country) = modifiers.chain(of_phrase).find_map(|w| DEMONYMS.get(w.lc)) {
            return (Some(Sym::new(country)), How::Preposition);
        }
    }
    // `..., the company said.`
    for (i, w) in words.iter().enumerate().skip(fw) {
        if w.is(fact::PLACE_NOUN | fact::COMPANY_NOUN)
            && i >= 1
            && words[i - 1].is(fact::THE)
            && (words.get(i + 1).is_some_and(|n| {
                matches!(n.lc, "said" | "says" | "reported" | "announced" | "added")
            }) || (w.is(fact::COMPANY_NOUN) && ctx.main_company.is_some()))
        {
            if let Some(s) = resolve(w.lc) {
                return (Some(s), How::Anaphora);
            }
        }
    }
    if let Some((s, p)) = ctx.subject {
        // A provincial department's release speaks of its province
        // throughout: carried that far, it is still no guess.
        if p + 1 >= para || ctx.jurisdictions.iter().any(|(_, j)| *j == s) {
            return (Some(s), How::Context);
        }
        return (Some(s), How::Document);
    }
    (None, How::Missing)
}

/// Whether the sentence names a subject only to compare (`By comparison,
/// rival Lianhe Pharma spends about 12% of revenue on R&D`): its figures
/// are the rival's, but the sentences after go on about the story's own
/// subject, which a rival named in passing must not take over. Worked out
/// once a sentence: every name in a sentence that opens a comparison, else
/// the names right after rival, competitor or peer.
fn named_in_passing<'s>(
    words: &[W],
    sentence_facts: u32,
    ents: &'s [Ent],
) -> impl Fn(Sym) -> bool + 's {
    let opens_a_comparison = match words {
        [a, b, ..] => {
            matches!(a.lc, "by" | "in") && matches!(b.lc, "comparison" | "contrast")
                || a.lc == "unlike"
        }
        _ => false,
    };
    // Most sentences name no rival: their names are not looked up.
    let rivals: Vec<Sym> = if sentence_facts & fact::RIVAL == 0 {
        Vec::new()
    } else {
        ents.iter()
            .filter(|e| {
                let before = words.partition_point(|w| w.start < e.span.start);
                before > 0 && words[before - 1].is(fact::RIVAL)
            })
            .map(|e| e.name)
            .collect()
    };
    move |subject| opens_a_comparison || rivals.contains(&subject)
}

/// The words of a trading partner that is no name, after `with` at `at`
/// (`with countries jointly building the Belt`), as a scope: at most four,
/// up to the verb, a figure or a stop.
fn unnamed_partner(words: &[W], at: usize) -> String {
    let mut scope = String::from("with");
    for w in words.iter().skip(at + 1).take(5) {
        let verb = matches!(
            w.lc,
            "was"
                | "were"
                | "is"
                | "are"
                | "rose"
                | "fell"
                | "grew"
                | "reached"
                | "increased"
                | "decreased"
                | "declined"
                | "jumped"
                | "climbed"
                | "dropped"
                | "totalled"
                | "totaled"
                | "stood"
                | "amounted"
                | "accounted"
                | "hit"
                | "up"
                | "down"
        );
        if w.kind != TokenKind::Word || verb || w.lc == "the" && scope.len() > 4 {
            break;
        }
        if w.lc != "the" {
            scope.push(' ');
            scope.push_str(w.lc);
        }
    }
    scope
}

/// `to the EU`, `to ASEAN`, `to Latin American markets`, within the clause;
/// with `with_partner`, also a named partner right at `start` (`Imports and
/// exports with ASEAN reached ...`).
fn destination_after(
    words: &[W],
    ents: &[Ent],
    start: usize,
    mut cl: usize,
    clause: &[usize],
    with_partner: bool,
) -> Option<String> {
    let is_to = |i: usize| words.get(i).is_some_and(|w| matches!(w.lc, "to" | "into"));
    // The word after `k`, past one `the`, and the name it stands in.
    let after_the = |k: usize| k + 1 + usize::from(words.get(k + 1).is_some_and(|w| w.lc == "the"));
    let named_at = |n: usize| {
        let next = words.get(n)?;
        ents.iter()
            .find(|e| e.span.start <= next.start && next.end <= e.span.end)
    };
    let mut end = (start + 5).min(words.len());
    let mut k = start;
    while k < end {
        let w = &words[k];
        // `112 billion yuan (1120亿元) to the EU`: the figure restated in
        // brackets stands between it and where it went (and the restated
        // figure is right before the closing bracket). Only where the
        // destination follows right after: `4.08 trillion yuan (+8.4%);
        // exports to ...` is another figure's. Brackets open clauses of
        // their own: the words after them are in the clause the figure's
        // sentence goes on with.
        let past_bracket = match w.lc {
            ")" if k == start => Some(k + 1),
            "(" => words[k + 1..words.len().min(k + 8)]
                .iter()
                .position(|w| w.lc == ")")
                .map(|c| k + c + 2),
            _ => None,
        };
        if let Some(to) = past_bracket.filter(|&i| is_to(i)) {
            end = (end + (to - k)).min(words.len());
            k = to;
            cl = clause.get(k).copied().unwrap_or(cl);
            continue;
        }
        if clause.get(k) != Some(&cl) {
            return None;
        }
        if with_partner && k == start && w.lc == "with" {
            if let Some(e) = named_at(after_the(k)) {
                return Some(format!("to {}", e.name.as_str()));
            }
        }
        if is_to(k) {
            let n = after_the(k);
            // A `to` that ends the sentence goes nowhere.
            words.get(n)?;
            if let Some(e) = named_at(n) {
                return Some(format!("to {}", e.name.as_str()));
            }
            // `to Latin American markets`, `to emerging markets`.
            let mut np: Vec<&str> = Vec::new();
            let mut m = n;
            while let Some(w) = words.get(m) {
                if np.len() > 4 || w.kind != TokenKind::Word {
                    break;
                }
                np.push(w.lc);
                if matches!(
                    w.lc,
                    "market" | "markets" | "countries" | "region" | "regions"
                ) {
                    let np: Vec<String> = np.iter().map(|w| crate::lexicon::singular(w)).collect();
                    return Some(format!("to {}", np.join(" ")));
                }
                m += 1;
            }
            return None;
        }
        if w.kind == TokenKind::Number || w.lc == "," {
            return None;
        }
        k += 1;
    }
    None
}

/// `ASEAN and the EU ... 869 billion and 846 billion yuan respectively`.
fn respectively(
    words: &[W],
    ents: &[Ent],
    figs: &[&Quantity],
    fi: usize,
    q: &Quantity,
) -> Option<(Sym, bool)> {
    let same: Vec<&&Quantity> = figs
        .iter()
        .filter(|f| f.kind == q.kind && f.change == q.change)
        .collect();
    let idx = same.iter().position(|f| f.span == q.span)?;
    let _ = fi;
    let first = same.first()?.span.start;
    let before: Vec<&Ent> = ents.iter().filter(|e| e.span.end <= first).collect();
    if before.len() < same.len() || same.len() < 2 {
        return None;
    }
    let items = &before[before.len() - same.len()..];
    let e = items[idx];
    let dest = items.iter().any(|e| e.destination)
        || words
            .iter()
            .filter(|w| w.end <= items[0].span.start)
            .rev()
            .take(8)
            .any(|w| w.lc == "to");
    Some((e.name, dest))
}

/// Whether the date at `at` is a company's or a person's history (`since
/// 2018`, `founded in 1962`, `set up in 2005`), which no figure after it
/// is of.
fn history_year(text: &str, at: usize) -> bool {
    let before = text[..at.min(text.len())].trim_end();
    let before = before.strip_suffix(" in").unwrap_or(before);
    // The last run of ASCII letters, found by bytes: every byte of a
    // character outside ASCII ends a run as the character does.
    let b = before.as_bytes();
    let last = &b[b
        .iter()
        .rposition(|c| !c.is_ascii_alphabetic())
        .map_or(0, |i| i + 1)..];
    ["since", "founded", "established", "incorporated", "listed"]
        .iter()
        .any(|w| last.eq_ignore_ascii_case(w.as_bytes()))
        || before.ends_with("set up")
}

/// `FY2023` in a note's table and `for 2023` in its text, said of one
/// subject: the document means one year by both. A fiscal year that ends
/// in another month says so (`the year to March 2024`) and is left be, as
/// are fiscal years a document never names by the calendar, which another
/// document's calendar year may not be.
fn calendar_fiscal_years(out: &mut [Claim]) {
    let whole_year = |p: &Period| {
        p.granularity == Granularity::Year
            && p.start.year == p.end.year
            && p.start.month <= 1
            && (p.end.month == 0 || p.end.month == 12)
    };
    if !out
        .iter()
        .any(|c| c.period.is_some_and(|p| p.fiscal && whole_year(&p)))
    {
        return;
    }
    let calendar: foldhash::HashSet<(Sym, i32)> = out
        .iter()
        .filter_map(|c| {
            let p = c.period?;
            (!p.fiscal && whole_year(&p)).then_some((c.subject, p.start.year))
        })
        .collect();
    // `the year to June 30, 2025` beside `FY25`: the subject's year that
    // ends in 2025 is the one its fiscal 2025 names (when the text gives
    // one such ending month only). Not a year ending in March: Japanese
    // companies name such a year by the year it starts in (`fiscal 2025`
    // ends in March 2026), Indian ones by the year it ends in.
    let mut company_years: foldhash::HashMap<(Sym, i32), Option<Period>> =
        foldhash::HashMapExt::new();
    for c in out.iter() {
        let Some(p) = c.period else { continue };
        if !p.fiscal && !p.cumulative && months_spanned(&p) == 12 && !matches!(p.start.month, 1 | 4)
        {
            company_years
                .entry((c.subject, p.end.year))
                .and_modify(|seen| {
                    if seen.is_some_and(|s| s.end.month != p.end.month) {
                        *seen = None;
                    }
                })
                .or_insert(Some(p));
        }
    }
    for c in out.iter_mut() {
        if let Some(p) = c.period.as_mut() {
            if p.fiscal && whole_year(p) {
                if calendar.contains(&(c.subject, p.start.year)) {
                    p.fiscal = false;
                } else if let Some(Some(w)) = company_years.get(&(c.subject, p.start.year)) {
                    *p = *w;
                }
            }
        }
    }
}

/// The year a document was written in: that of a day it names near its
/// top (a dateline, a release line, a byline), before any day of its body,
/// when the day is written with its year. A dateline without one
/// (`TOKYO, Jan. 3`) is given a year by the recognizer from the periods
/// the text reports, the earliest they allow: a guess no headcount is
/// dated by.
fn written_year(text: &str, qs: &[&Quantity]) -> Option<i32> {
    const TOP: usize = 600;
    let head_end = text.len().min(TOP);
    let day = qs
        .iter()
        .take_while(|q| q.span.start < head_end)
        .filter(|q| q.kind == QuantityKind::Date)
        .find(|q| q.period.is_some_and(|p| p.granularity == Granularity::Day))?;
    let year = day.period?.end.year;
    let written = text.get(day.span.range())?;
    written.contains(&year.to_string()).then_some(year)
}

/// Whether the words of a headcount's clause before it state it in the
/// present tense (`employs`, `has`), not as a change (`has added`, `has
/// cut`) or in the past.
fn present_headcount(before: &[W], clause: &[usize], cl: usize) -> bool {
    let in_clause = |i: &usize| clause.get(*i) == Some(&cl);
    let mut present = false;
    for (i, w) in before.iter().enumerate().filter(|(i, _)| in_clause(i)) {
        match w.lc {
            "employs" | "employ" => present = true,
            "has" | "have" => {
                present = !before
                    .get(i + 1)
                    .is_some_and(|n| n.lc.ends_with("ed") || n.lc == "been" || n.lc == "cut");
            }
            "had" | "employed" | "was" | "were" | "will" | "would" | "plans" | "expects" => {
                return false
            }
            _ => {}
        }
    }
    present
}

/// Whether the words name a period relative to when they were written
/// (`last year`, `this quarter`), which the recognizer leaves undated
/// where the text has no date.
fn names_relative_period(words: &[W]) -> bool {
    words.windows(2).any(|w| {
        matches!(w[0].lc, "last" | "this" | "past")
            && matches!(w[1].lc, "year" | "quarter" | "month" | "half")
    })
}

/// How many calendar months `p` touches, its first and last included.
fn months_spanned(p: &Period) -> i32 {
    let index = |d: crosscheck_numbers::CalendarDate| d.year * 12 + i32::from(d.month);
    index(p.end) - index(p.start) + 1
}

/// Whether `p` is one quarter or one month, not a running total: the
/// periods whose changes may be stated against the period before.
pub(crate) fn one_quarter_or_month(p: &Period) -> bool {
    matches!(p.granularity, Granularity::Quarter | Granularity::Month)
        && !p.cumulative
        && months_spanned(p) <= 3
}

/// An economy's quarterly or monthly change that says no basis is read as
/// against a year before, like any other; but where the same document
/// gives the same measure of the same quarter or month against a year
/// before in so many words (`GDP grew 0.1% in Quarter 3 ... Compared with
/// the same quarter a year ago, GDP increased 1.3%`), the one that says
/// none is against the period before.
fn sequential_where_the_text_tells_apart(out: &mut [Claim]) {
    let sub_annual = |c: &Claim| c.period.as_ref().is_some_and(one_quarter_or_month);
    let macro_measure = |c: &Claim| {
        matches!(
            c.metric.as_str(),
            "GDP" | "CPI" | "PPI" | "retail sales" | "industrial production"
        )
    };
    let labelled: Vec<(Sym, Sym, Option<Period>)> = out
        .iter()
        .filter(|c| c.change && c.basis == Some(Basis::YearOnYear) && sub_annual(c))
        .map(|c| (c.subject, c.metric, c.period))
        .collect();
    if labelled.is_empty() {
        return;
    }
    for c in out.iter_mut() {
        if c.change
            && c.basis.is_none()
            && sub_annual(c)
            && macro_measure(c)
            && labelled.contains(&(c.subject, c.metric, c.period))
        {
            c.basis = Some(match c.period.map(|p| p.granularity) {
                Some(Granularity::Month) => Basis::MonthOnMonth,
                _ => Basis::QuarterOnQuarter,
            });
        }
    }
}

/// The words of a sentence that say a figure is a quarter's (`quarterly`,
/// `in the quarter`: `true`) or a whole year's (`full-year`, `annual`, `the
/// full fiscal year`: `false`), by word index.
fn period_words(words: &[W]) -> Vec<(usize, bool)> {
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let next = |k: usize| words.get(i + k).map_or("", |w| w.lc);
        match w.lc {
            "quarterly" => out.push((i, true)),
            "the"
                if next(1) == "quarter" && !matches!(next(2), "of" | "ended" | "ending" | "to") =>
            {
                out.push((i, true))
            }
            "full-year" | "annual" => out.push((i, false)),
            "full" if matches!(next(1), "year" | "fiscal" | "financial") => out.push((i, false)),
            _ => {}
        }
    }
    out
}

/// Whether the words between a change and a date make the date its base:
/// `from the`, `compared with`, `on the` (`up 7.4% on the September 2024
/// quarter`), with nothing that ends a clause.
fn names_a_base(between: &[W]) -> bool {
    let first = between.first().map_or("", |w| w.lc);
    (first == "on" || between.iter().any(|w| w.is(fact::BASE)))
        && !between.iter().any(|w| w.is(fact::COMMA | fact::CLAUSE_END))
}

/// The basis a change has when its base period is named: the same span a
/// year before (`up 7.4% on the September 2024 quarter` of the September
/// 2025 quarter), the quarter before, or the month before.
fn basis_between(period: Period, base: Period) -> Option<Basis> {
    if period.cumulative != base.cumulative || period.granularity == Granularity::Day {
        return None;
    }
    let months = |p: &Period| (p.start.year, p.start.month, p.end.year, p.end.month);
    let is = |back: u32| months(&period.months_earlier(back)) == months(&base);
    let span = months_spanned(&period);
    if is(12) {
        Some(Basis::YearOnYear)
    } else if span == 3 && is(3) {
        Some(Basis::QuarterOnQuarter)
    } else if span == 1 && is(1) {
        Some(Basis::MonthOnMonth)
    } else {
        None
    }
}

/// The basis of a change named before it in its sentence: `Compared with
/// the same quarter a year ago, GDP increased 1.3%`, `Compared with a year
/// earlier, output was 1.4% higher`, `compared with the previous quarter`.
fn basis_before(words: &[W], fw: usize) -> Option<Basis> {
    // Only a sentence that opens with the comparison (a list's bullet may
    // come first): one in the middle may be another figure's.
    // `Compared with the same quarter a year ago, ...`, `From a year
    // earlier, ...`.
    let (at, opener) = words[..fw.min(3)]
        .iter()
        .enumerate()
        .find_map(|(i, w)| match w.lc {
            "compared"
                if words
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.lc, "with" | "to")) =>
            {
                Some((i, 2))
            }
            "from" => Some((i, 1)),
            _ => None,
        })
        .filter(|&(at, _)| at == 0 || (at == 1 && words[0].kind != TokenKind::Word))?;
    let phrase = &words[(at + opener).min(fw)..fw.min(at + 10)];
    let has = |w: &str| phrase.iter().any(|x| x.lc == w);
    let ago = has("ago") || has("earlier") || has("before");
    // `From 2024 to 2025, ...` names periods, not a comparison.
    if opener == 1 && !ago && !has("same") {
        return None;
    }
    if has("same") || (has("year") && (ago || has("last"))) {
        return Some(Basis::YearOnYear);
    }
    if has("previous") || has("preceding") || ago {
        if has("quarter") {
            return Some(Basis::QuarterOnQuarter);
        }
        if has("month") {
            return Some(Basis::MonthOnMonth);
        }
    }
    None
}

/// Whether the modal word at `i` leaves its clause's figures as they are:
/// a past estimate (`GDP is estimated to have grown 0.1%`), an estimated
/// amount (`an estimated 5,000 people`), or a forecast named as a noun
/// with its figure (`missing forecasts of 0.2%`), which is that figure's
/// alone (see [`modal_object`]).
fn modal_word_of_no_clause(words: &[W], i: usize) -> bool {
    let w = words[i].lc;
    let next = |k: usize| words.get(i + k).map_or("", |w| w.lc);
    let past = matches!(w, "estimated" | "expected" | "projected" | "forecast")
        && next(1) == "to"
        && next(2) == "have";
    let amount = w == "estimated" && i > 0 && words[i - 1].lc == "an";
    // `broadly in line with our estimate`, `beat expectations`: a figure
    // set beside a forecast, not one (but `We estimate revenue at ...`).
    let beside = matches!(
        w,
        "estimate" | "consensus" | "expectations" | "projection" | "projections"
    ) && !(w == "estimate"
        && i > 0
        && matches!(
            words[i - 1].lc,
            "we" | "i" | "they" | "analysts" | "economists"
        ));
    past || amount || beside || modal_noun_of(words, i)
}

/// `forecasts of`, `a target of`, `guidance of`: a modal noun whose figure follows.
fn modal_noun_of(words: &[W], i: usize) -> bool {
    matches!(
        words[i].lc,
        "forecast"
            | "forecasts"
            | "target"
            | "targets"
            | "goal"
            | "goals"
            | "guidance"
            | "estimate"
            | "estimates"
            | "outlook"
            | "ambition"
            | "consensus"
            | "expectations"
            | "projection"
            | "projections"
    ) && words.get(i + 1).is_some_and(|w| w.lc == "of")
}

/// Whether the figure at word `fw` is what a modal noun just before names
/// (`economists' forecasts of 0.2% growth`, `a target of 1 million`).
fn modal_object(words: &[W], fw: usize) -> bool {
    (fw.saturating_sub(4)..fw.saturating_sub(1)).any(|i| modal_noun_of(words, i))
}

/// The period of the figure `q` at word `fw`: the nearest of the
/// sentence's `dates` that may date it (`usable`, per date), or the one
/// the context carries.
fn pick_period(
    dates: &[DateInfo],
    usable: &[bool],
    q: &Quantity,
    fw: usize,
    clause: &[usize],
    ctx: &Context,
    para: usize,
) -> (Option<Period>, How) {
    let cl = clause.get(fw).copied().unwrap_or(0);
    let usable_dates = || {
        dates
            .iter()
            .zip(usable)
            .filter(|(_, ok)| **ok)
            .map(|(d, _)| d)
    };
    let has_non_day = usable_dates().any(|d| d.p.granularity != Granularity::Day);
    let best = usable_dates()
        .map(|date| {
            let (d, p) = (date.q, &date.p);
            let dw = date.word;
            let same_clause = clause.get(dw).copied().unwrap_or(0) == cl;
            let dist = if d.span.start >= q.span.end {
                d.span.start - q.span.end
            } else {
                q.span.start.saturating_sub(d.span.end)
            };
            let mut score = dist;
            if !same_clause {
                score += 1000;
            }
            if has_non_day && p.granularity == Granularity::Day {
                score += 5000;
            }
            (score, same_clause, *p)
        })
        .min_by_key(|(s, _, _)| *s);
    if let Some((_, same, p)) = best {
        return (Some(p), if same { How::Clause } else { How::Sentence });
    }
    if let Some((p, pp)) = ctx.period {
        if pp == para {
            return (Some(p), How::Context);
        }
        // In a new paragraph the document's own period (its first, usually
        // the title's or the lead's) governs, not the last sub-period named.
        if let Some(d) = ctx.doc_period() {
            return (Some(d), How::Context);
        }
        return (Some(p), How::Document);
    }
    if let Some(p) = ctx.fallback_period {
        return (Some(p), How::Document);
    }
    (None, How::Missing)
}

fn correction_role(words: &[W], fw: usize, fe: usize, here: bool) -> u8 {
    if !here {
        // The sentence after a notice that only named the wrong figure.
        return flags::CORRECTION;
    }
    let after: Vec<&str> = words[fe..(fe + 8).min(words.len())]
        .iter()
        .map(|w| w.lc)
        .collect();
    if after
        .windows(2)
        .any(|w| w == ["should", "have"] || w == ["should", "read"])
        || after
            .windows(2)
            .any(|w| w == ["was", "incorrect"] || w == ["was", "wrong"])
    {
        return flags::RETRACTED;
    }
    // The nearest cue before the figure decides: `the correct figure is X,
    // not Y`, `erroneously stated X`, `corrected from X to Y`.
    for w in words[..fw].iter().rev() {
        match w.lc {
            "erroneously" | "incorrectly" | "mistakenly" | "wrongly" | "misstated"
            | "misreported" | "not" | "previously" | "originally" | "earlier" | "instead"
            | "rather" | "from" | "error" | "stated" | "said" | "reported" | "gave" => {
                return flags::RETRACTED
            }
            "correct" | "corrected" | "read" | "actually" | "fact" | "to" | "right" => {
                return flags::CORRECTION
            }
            _ => {}
        }
    }
    flags::CORRECTION
}

/// A breakdown with no `including`: `By county, Lanxi exported 8.4 billion
/// yuan, Yiwu 4.2 billion ...` or `... and other businesses 0.7 billion`:
/// three or more level figures in one unit, against the nearest larger
/// total of the same metric in the two sentences before. `By ...` and
/// `other`/`the rest` make the breakdown exhaustive.
/// `facts` is the union of the words' [`fact`] bits.
fn mark_breakdown(
    words: &[W],
    facts: u32,
    out: &mut [Claim],
    first: usize,
    lookback: usize,
    si: usize,
) {
    if out[first..].iter().any(|c| c.sum_group != 0) {
        return;
    }
    let by_opener = words.first().is_some_and(|w| w.lc == "by")
        && words.iter().take(6).any(|w| w.is(fact::COMMA));
    let other = facts & fact::OTHER != 0;
    if !(by_opener || other) {
        return;
    }
    let level = |c: &Claim| {
        !c.change
            && matches!(c.kind, QuantityKind::Money | QuantityKind::Count)
            && !c.has(flags::SHARE | flags::MODAL)
    };
    let parts: Vec<usize> = (first..out.len()).filter(|&i| level(&out[i])).collect();
    if parts.len() < 3 {
        return;
    }
    let unit = out[parts[0]].unit;
    if parts.iter().any(|&p| out[p].unit != unit) {
        return;
    }
    let biggest = parts
        .iter()
        .filter_map(|&p| out[p].value())
        .fold(0.0f64, f64::max);
    let base_of = |m: &str| {
        if m.ends_with("imports and exports") {
            "imports and exports".to_string()
        } else {
            m.rsplit(' ').next().unwrap_or("").to_string()
        }
    };
    let sum: f64 = parts.iter().filter_map(|&p| out[p].value()).sum();
    let part_bases: Vec<String> = parts
        .iter()
        .map(|&p| base_of(out[p].metric.as_str()))
        .collect();
    // The total: of the same metric, larger than any part, a stated value
    // (not a bound), and of the candidates the one nearest the parts' sum.
    let Some(t) = (lookback..first)
        .filter(|&i| {
            let c = &out[i];
            let base = base_of(c.metric.as_str());
            level(c)
                && c.unit == unit
                && matches!(c.approx, Approx::Exact | Approx::About)
                && c.value().is_some_and(|v| v > biggest)
                && !base.is_empty()
                && (part_bases.contains(&base) || words.iter().any(|w| w.lc == base))
        })
        .min_by(|&a, &b| {
            let d = |i: usize| (out[i].value().unwrap_or(f64::INFINITY) - sum).abs();
            d(a).total_cmp(&d(b))
        })
    else {
        return;
    };
    let group = if out[t].sum_group != 0 {
        out[t].sum_group
    } else {
        si as u32 + 1
    };
    out[t].flags |= flags::TOTAL;
    if by_opener || other {
        out[t].flags |= flags::EXHAUSTIVE;
    }
    out[t].sum_group = group;
    for p in parts {
        out[p].flags |= flags::PART;
        out[p].sum_group = group;
    }
}

/// Totals broken down into parts: `1.42 million vehicles ... including 1.178
/// million passenger cars and 242,000 commercial vehicles`.
///
/// `facts` is the union of the words' [`fact`] bits.
fn mark_sums(
    words: &[W],
    facts: u32,
    out: &mut [Claim],
    first: usize,
    prev: std::ops::Range<usize>,
    si: usize,
) {
    if facts & fact::SUM_MARKER == 0 {
        return;
    }
    let Some((mi, exhaustive)) = (0..words.len()).find_map(|i| {
        // A marker of several words needs its second word next: `of` is
        // common, `of which` rare.
        if !words[i].is(fact::SUM_MARKER)
            || !(words[i].is(fact::SUM_MARKER_ALONE)
                || words
                    .get(i + 1)
                    .is_some_and(|n| n.is(fact::SUM_MARKER_SECOND)))
        {
            return None;
        }
        SUM_MARKERS
            .iter()
            .find(|(m, _)| {
                words.len() - i >= m.len() && m.iter().zip(&words[i..]).all(|(m, w)| *m == w.lc)
            })
            .map(|(_, e)| (i, *e))
    }) else {
        return;
    };
    let at = words[mi].start as u32;
    let level = |c: &Claim| {
        !c.change
            && matches!(
                c.kind,
                QuantityKind::Money | QuantityKind::Count | QuantityKind::Number
            )
            && !c.has(flags::SHARE)
    };
    let here: Vec<usize> = (first..out.len()).collect();
    let total = here
        .iter()
        .rev()
        .find(|&&i| out[i].end <= at && level(&out[i]))
        .copied()
        .or_else(|| {
            if mi <= 2 && !here.iter().any(|&i| out[i].end <= at) {
                prev.clone().rev().find(|&i| level(&out[i]))
            } else {
                None
            }
        });
    let Some(t) = total else { return };
    let dim = out[t].dimension();
    let unit = out[t].unit;
    let mut parts: Vec<usize> = here
        .iter()
        .copied()
        .filter(|&i| out[i].start >= at && level(&out[i]) && !out[i].metric.is_empty())
        .filter(|&i| out[i].dimension() == dim && (dim == "count" || out[i].unit == unit))
        .collect();
    // `112 billion yuan (1120亿元) to the EU`: a part restated in brackets
    // is one part.
    let mut kept: Vec<usize> = Vec::with_capacity(parts.len());
    for &p in &parts {
        let restated = kept.iter().any(|&k| {
            out[k].metric == out[p].metric
                && out[k].scope == out[p].scope
                && (out[k].value - out[p].value).abs()
                    <= f64::from(out[k].precision.max(out[p].precision))
        });
        if !restated {
            kept.push(p);
        }
    }
    parts = kept;
    if parts.is_empty() {
        return;
    }
    // Parts name different things; two figures of one metric are a figure
    // and its restatement, not parts.
    let mut names: Vec<(Sym, Sym)> = parts
        .iter()
        .map(|&i| (out[i].metric, out[i].scope))
        .collect();
    names.sort_by_key(|(m, s)| (m.as_str(), s.as_str()));
    names.dedup();
    if names.len() != parts.len()
        || parts
            .iter()
            .any(|&p| out[p].metric == out[t].metric && out[p].scope == out[t].scope)
    {
        return;
    }
    // `the rest`, or a part for all others (`other markets`, `其他锂电池`),
    // makes the list complete.
    let rest = facts & fact::REST != 0
        || parts.iter().any(|&p| {
            let m = out[p].metric.as_str();
            m.starts_with("other ") || m.starts_with("其他") || m.starts_with("其它")
        });
    // One group per sentence with a marker (a total in the sentence before
    // is grouped with this sentence's parts, not with other such totals).
    let group = if out[t].sum_group != 0 {
        out[t].sum_group
    } else {
        si as u32 + 1
    };
    out[t].flags |= flags::TOTAL;
    if exhaustive || rest {
        out[t].flags |= flags::EXHAUSTIVE;
    }
    out[t].sum_group = group;
    let total_metric = out[t].metric;
    for p in parts {
        out[p].flags |= flags::PART;
        out[p].sum_group = group;
        // `Of the total, 112 billion yuan to the EU`: the marker says whose
        // parts these are, and so what they measure (and each part is
        // named apart from the total, or it would not be one).
        if out[p].metric == total_metric && out[p].metric_how == How::Context {
            out[p].metric_how = How::Sentence;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_ascii_words_have_their_lowercase_form() {
        let pieces = [
            "a", "B", " ", "  ", "\n", "É", "é", "ΣΑΣ", "İ", "—", "’s", "'s", "浙江", "1.5", "€",
            ".",
        ];
        let mut next = crate::test_rng::xorshift(0x10_ca5e);
        for _ in 0..5_000 {
            let text = crate::test_rng::random_text(&mut next, &pieces, 30);
            let tokens = tokenize(&text);
            let forms = NonAsciiLower::of_tokens(&text, &tokens);
            for t in tokens.iter().filter(|t| t.kind != TokenKind::Space) {
                let word = t.text(&text);
                if !word.is_ascii() {
                    assert_eq!(forms.of(t.start()), word.to_lowercase(), "{text:?}");
                }
            }
        }
    }

    fn claims(text: &str) -> Vec<Claim> {
        extract_claims(&DocView::analyze(0, text))
    }

    /// The rules that read the words around a figure cut the text at
    /// characters, whatever stands there: random texts of rule words,
    /// figures and wide characters never make extraction panic.
    #[test]
    fn no_text_of_rule_words_and_wide_characters_panics() {
        let pieces = [
            "Its",
            "its unit",
            " ",
            "  ",
            "\t",
            "\n",
            "—",
            "（",
            "浙江",
            "é",
            "5%",
            "1.2 billion",
            "RM3.1",
            "aged",
            "top",
            "trade with",
            "Revenue from",
            " by ",
            "Vendor",
            "Carrier",
            "YoY",
            "rival",
            "By comparison,",
            "from September",
            "adjusted",
            "the",
            ".",
            ",",
            "Zhejiang",
            "exports",
            "rose",
            "2025",
        ];
        let mut next = crate::test_rng::xorshift(0x5eed_2026);
        for _ in 0..3_000 {
            let text = crate::test_rng::random_text(&mut next, &pieces, 40);
            let _ = claims(&text);
        }
    }

    #[test]
    fn a_translated_release_speaks_of_its_province() {
        let c = claims("# Zhejiang Provincial Department of Commerce\n\n## Foreign Trade of Our Province in 2025\n\n\
             In 2025, the total value of imports and exports of our province reached 4.93 trillion yuan. \
             Exports were 3.68 trillion yuan, ranking second in the country; imports were 1.25 trillion yuan.\n\n\
             1. Exports of automobiles reached 186.5 billion yuan.");
        for v in [4.93e12, 3.68e12, 1.25e12, 186.5e9] {
            let claim = c.iter().find(|c| c.value == v).expect("a claim");
            assert_eq!(claim.subject.as_str(), "Zhejiang", "{v}");
            assert!(!claim.guessed(), "{claim:?}");
        }
    }

    #[test]
    fn the_port_city_of_a_place_is_that_place() {
        let c = claims("Zhejiang's trade rose in 2025. The port city of Ningbo, the largest hub in the province, \
             recorded total trade of 1.42 trillion yuan in 2025.");
        let ningbo = c.iter().find(|c| c.value == 1.42e12).expect("a claim");
        assert_eq!(ningbo.subject.as_str(), "Ningbo");
    }

    #[test]
    fn goods_shipped_abroad_are_exports_and_so_is_their_growth() {
        let c = claims("Zhejiang shipped 168.5 billion yuan worth of automobiles abroad in 2025, up 22.7 percent.");
        assert!(
            c.len() == 2 && c.iter().all(|c| c.metric.as_str() == "vehicle exports"),
            "{c:?}"
        );
    }

    #[test]
    fn a_national_body_s_bulletin_is_its_country_s() {
        let c = claims("# China Automobile Industry Association (CAIA)\n\n## Monthly Bulletin, November 2025\n\n\
             In November 2025, automobile exports were 612,000 units. Passenger vehicle exports were 529,000 units \
             and commercial vehicle exports 83,000 units.\n\nFrom January to November 2025, automobile exports totalled 6.34 million units.\n\n\
             Demand from the Middle East, Central Asia and Latin America remained robust.");
        let of = |v: f64| c.iter().find(|c| c.value == v).expect("a claim");
        assert_eq!(of(612e3).subject.as_str(), "China");
        // A name read in its own right is not a shortening of a fuller one.
        assert_eq!(of(6.34e6).metric.as_str(), "vehicle exports");
        assert_eq!(of(83e3).metric.as_str(), "commercial vehicle exports");
    }

    #[test]
    fn a_table_s_sub_rows_are_their_goods_or_scope() {
        let c = claims(
            "Item                          Nov 2025    Nov 2024    YoY change\n\
             Sales volume                   480,186     506,804       -5.25%\n \
             of which: Passenger vehicles  474,921     502,144       -5.42%\n           \
             Commercial vehicles   5,265       4,660      +12.98%\n",
        );
        let metric = |v: f64| c.iter().find(|c| c.value == v).map(|c| c.metric.as_str());
        assert_eq!(metric(480_186.0), Some("sales"));
        assert_eq!(metric(502_144.0), Some("passenger car sales"));
        assert_eq!(metric(4_660.0), Some("commercial vehicle sales"));
        assert_eq!(metric(12.98), Some("commercial vehicle sales"));
        let c =
            claims("NEV sales (mn units)\t4.70\t5.10\nof which overseas (mn units)\t1.06\t1.50\n");
        let o = c.iter().find(|c| c.value == 1.5e6).expect("a claim");
        assert!(o.scope.as_str().contains("overseas"), "{o:?}");
    }

    #[test]
    fn a_target_before_its_revision_is_still_a_target() {
        let c = claims("BYD needs 420,000 more sales in December 2025 to reach its full-year target of 4.6 million, \
             which it cut from 5.5 million in September.");
        let before = c.iter().find(|c| c.value == 5.5e6).expect("a claim");
        assert!(before.has(flags::MODAL), "{before:?}");
    }

    #[test]
    fn a_customs_release_s_parts_are_told_apart() {
        let c = claims("GUANGZHOU, 20 October 2025 -- In the first three quarters of 2025, the total import and export value \
             of Guangdong Province reached 6.64 trillion yuan. Among them, exports were 4.35 trillion yuan. \
             Private enterprises in the province imported and exported 3.98 trillion yuan, an increase of 6.7%. \
             Imports and exports with ASEAN reached 1.02 trillion yuan. \
             In September alone, exports came to 236 billion yuan, the highest monthly level this year.");
        let of = |v: f64| c.iter().find(|c| c.value == v).expect("a claim");
        assert_eq!(of(4.35e12).scope.as_str(), "", "{:?}", of(4.35e12));
        assert_eq!(
            of(3.98e12).metric.as_str(),
            "private enterprise imports and exports"
        );
        assert_eq!(of(1.02e12).scope.as_str(), "to ASEAN");
        assert_eq!(
            of(236e9).period.map(|p| p.iso()).as_deref(),
            Some("2025-09")
        );
    }

    #[test]
    fn a_results_story_s_measures_of_their_own_and_its_parts() {
        let text = "Dovetail Foods reported 2025 revenue of $4.12 billion, up 6.3%. \
             Revenue from frozen meals grew 14.8% to $1.05 billion, and profit in the segment rose 9.1%. \
             By comparison, rival Marlow Brands grew revenue 2.2% in 2025. \
             Net profit rose 4.4% to $310 million. Adjusted net profit rose 7.9% to $355 million, \
             and diluted EPS was $1.42.";
        let c = claims(text);
        let of = |v: f64| c.iter().find(|c| c.value == v).expect("a claim");
        assert_eq!(of(6.3).metric.as_str(), "revenue");
        assert_eq!(of(1.05e9).metric.as_str(), "frozen meal revenue");
        assert_eq!(of(14.8).metric.as_str(), "frozen meal revenue");
        assert_eq!(of(9.1).metric.as_str(), "segment profit");
        assert!(
            of(2.2).subject.as_str().starts_with("Marlow"),
            "{:?}",
            of(2.2)
        );
        // The rival named in passing takes over none of the sentences after.
        for v in [4.4, 310e6, 7.9, 355e6, 1.42] {
            assert_eq!(of(v).subject.as_str(), "Dovetail Foods", "{v}");
        }
        assert_eq!(of(355e6).metric.as_str(), "adjusted net profit");
        assert_eq!(of(1.42).metric.as_str(), "diluted EPS");
        let report = crate::reconcile(&c, &["a.txt".to_string()]);
        assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
    }

    #[test]
    fn a_table_of_rivals_gives_each_row_its_name_and_each_column_its_measure() {
        let text = "Hong Kong's carriers filled more seats in May 2025.\n\n\
             Carrier\tMay passengers\tYoY\tLoad factor\tASK growth\n\
             Egret Air\t1.91m\t+4.4%\t86.2%\t+3.0%\n\
             Plover Jet\t0.88m\t+7.5%\t81.7%\t+9.1%\n\n\
             Vendor\tQ2 2025 shipments (m)\tQ2 2024 shipments (m)\tYoY\n\
             Larkspur\t12.4\t11.9\t4.2%\n";
        let c = claims(text);
        let of = |v: f64| c.iter().find(|c| c.value == v).expect("a claim");
        assert_eq!(of(86.2).subject.as_str(), "Egret Air");
        assert_eq!(of(81.7).subject.as_str(), "Plover Jet");
        assert_eq!(of(81.7).metric.as_str(), "load factor");
        assert_eq!(of(9.1).metric.as_str(), "ask");
        // A change column naming nothing, in a table of several measures,
        // is of none the report compares; in a table of one, of that one.
        assert_eq!(of(7.5).metric.as_str(), "");
        assert_eq!(of(4.2).metric.as_str(), "shipments");
        assert_eq!(
            of(11.9).period.map(|p| p.iso()).as_deref(),
            Some("2024-04/2024-06")
        );
        assert_eq!(of(4.2).subject.as_str(), "Larkspur");
        let report = crate::reconcile(&c, &["a.txt".to_string()]);
        assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
    }

    #[test]
    fn consumption_by_its_users_is_their_part() {
        let c = claims(
            "In March 2025, Guizhou's power consumption rose 6.1% to 19.70 billion kWh. \
             Consumption by tertiary industry grew 9.4% to 4.02 billion kWh.",
        );
        let of = |v: f64| c.iter().find(|c| c.value == v).expect("a claim");
        assert_eq!(of(4.02e9).metric.as_str(), "tertiary industry consumption");
        assert_eq!(of(9.4).metric.as_str(), "tertiary industry consumption");
        let report = crate::reconcile(&c, &["a.txt".to_string()]);
        assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
    }

    #[test]
    fn an_age_band_or_a_rank_s_size_is_no_figure() {
        let c = claims("In March 2025, the jobless rate for workers aged 55 to 64 was 4.1%. \
             The top three carmakers sold 1.2 million vehicles, and workers ages 25-54 gained 12,000 jobs.");
        let values: Vec<f64> = c.iter().map(|c| c.value).collect();
        assert_eq!(values, [4.1, 1.2e6, 12_000.0], "{c:?}");
        // The word before a figure is read back to a character, not a byte.
        let c = claims("Exports reached 1.5 billion yuan（约2.1亿美元）—12 more ports opened.");
        assert!(!c.is_empty());
    }

    #[test]
    fn a_bracket_between_the_goods_and_the_measure_is_passed_over() {
        let c = claims(
            "Indicator    Mar 2025    Feb 2025\nUnemployment rate (%)    5.1    5.3\n\
             Youth (16-24) unemployment rate (%)    12.8    13.4\n",
        );
        let metric = |v: f64| c.iter().find(|c| c.value == v).map(|c| c.metric.as_str());
        assert_eq!(metric(5.1), Some("unemployment rate"));
        assert_eq!(metric(12.8), Some("youth unemployment rate"));
    }

    #[test]
    fn a_rate_of_employment_is_no_count_of_it() {
        let c = claims(
            "Employment (thousands)    20,934.0    20,885.7\nEmployment rate (%)    60.8    60.7\n\
             Participation rate (%)    65.1    65.2\nThe passenger load factor was 85.1%.",
        );
        let metric = |v: f64| c.iter().find(|c| c.value == v).map(|c| c.metric.as_str());
        assert_eq!(metric(60.8), Some("employment rate"));
        assert_eq!(metric(65.1), Some("participation rate"));
        assert_eq!(metric(85.1), Some("load factor"));
    }

    #[test]
    fn trade_with_a_partner_is_that_partner_s_part_of_trade() {
        let c = claims(
            "In 2025, Fujian's foreign trade came to 2.03 trillion yuan, up 4.1%. \
             Fujian's trade with the European Union was 301.6 billion yuan, up 6.2%. \
             Trade with economies along the New Silk Road was 905.2 billion yuan, up 7.7%. \
             Trade talks with Japan resumed in March.",
        );
        let of = |v: f64| c.iter().find(|c| c.value == v).expect("a claim");
        assert_eq!(of(2.03e12).scope.as_str(), "");
        for v in [301.6e9, 6.2] {
            assert_eq!(of(v).metric.as_str(), "imports and exports", "{v}");
            assert_eq!(of(v).scope.as_str(), "to European Union", "{v}");
            assert_eq!(of(v).subject.as_str(), "Fujian", "{v}");
        }
        // A partner that is no name is still only a part of the whole.
        let part = of(905.2e9);
        assert_eq!(part.metric.as_str(), "imports and exports");
        assert!(
            part.scope.as_str().starts_with("with economies"),
            "{part:?}"
        );
        // The long name of a bloc is its short one.
        let c = claims("Fujian's trade with the Association of Southeast Asian Nations rose 9.9% to 412 billion yuan.");
        assert!(c.iter().all(|c| c.scope.as_str() == "to ASEAN"), "{c:?}");
    }

    #[test]
    fn a_row_label_s_unit_is_its_numbers_unit() {
        let c = claims("Key figures\n\n\tQ3 2025\tQ3 2024\tChange\nGroup revenue (EUR billion)\t31.4\t32.9\t-4.6%\n\
             Deliveries (vehicles)\t1,020,000\t1,052,600\t-3.1%\n");
        let revenue = c
            .iter()
            .find(|c| c.metric.as_str() == "revenue" && !c.change)
            .expect("a claim");
        assert_eq!((revenue.value, revenue.unit.as_str()), (31.4e9, "EUR"));
        let change = c
            .iter()
            .find(|c| c.metric.as_str() == "revenue" && c.change)
            .expect("a claim");
        assert_eq!(change.unit.as_str(), "%");
        assert!(
            c.iter()
                .any(|c| c.value == 1_020_000.0 && c.unit.as_str() == "vehicle"),
            "{c:?}"
        );
    }

    #[test]
    fn thousands_in_a_row_label_and_a_unit_in_a_caption_scale_the_cells() {
        let text = "Port of Velmar throughput rose in September 2025.\n\nThroughput summary\n\
                    \x20                         Sep 2025   Sep 2024   YoY      Jan-Sep 2025   Jan-Sep 2024   YoY\n\
                    Containers ('000 TEU)     2,184      1,991      +9.7%    18,620         17,340         +7.4%\n";
        let c = claims(text);
        assert!(
            c.iter().all(|c| c.value != 0.0),
            "the label's '000 is no figure: {c:?}"
        );
        let level = c
            .iter()
            .find(|c| c.start as usize == text.find("18,620").unwrap())
            .expect("level");
        assert_eq!((level.value, level.unit.as_str()), (18_620_000.0, "TEU"));
        // Each change column is of the latest period of its group.
        let ytd = c
            .iter()
            .find(|c| c.change && c.value == 7.4)
            .expect("change");
        assert_eq!(
            ytd.period.map(|p| p.iso()).as_deref(),
            Some("2025-01/2025-09")
        );
        let month = c
            .iter()
            .find(|c| c.change && c.value == 9.7)
            .expect("change");
        assert_eq!(month.period.map(|p| p.iso()).as_deref(), Some("2025-09"));

        let text =
            "Velmar Energy reported results on Oct. 29, 2025.\n\nEarnings summary (RMB mn)\n\
                    \x20                     2025E     2026E\n\
                    Revenue              68,300    80,100\n\
                    \x20 YoY (%)              15.8      17.3\n";
        let c = claims(text);
        let revenue = c
            .iter()
            .find(|c| c.start as usize == text.find("68,300").unwrap())
            .expect("revenue");
        assert_eq!(
            (revenue.value, revenue.unit.as_str()),
            (68_300_000_000.0, "CNY")
        );
        let growth = c
            .iter()
            .find(|c| c.start as usize == text.find("15.8").unwrap())
            .expect("growth");
        assert_ne!(growth.unit.as_str(), "CNY", "{growth:?}");
    }

    #[test]
    fn an_analyst_s_marked_years_date_its_figures() {
        let text =
            "Velmar Energy reported results on Oct. 29, 2025. Our 2026E revenue of RMB80.1bn \
                    sits at the midpoint. Our 2025E revenue of RMB68.3bn is in line.\n\n\
                    RMB bn\t2024A\t2025E\nRevenue\t58.9\t68.3\n";
        let c = claims(text);
        let at = |v: f64| {
            c.iter()
                .find(|c| (c.value - v).abs() < 1e3)
                .unwrap_or_else(|| panic!("{v}: {c:?}"))
        };
        assert_eq!(at(80.1e9).period.map(|p| p.iso()).as_deref(), Some("2026"));
        assert!(at(80.1e9).scope.as_str().contains("forecast"));
        assert_eq!(at(68.3e9).period.map(|p| p.iso()).as_deref(), Some("2025"));
        // `2024A` is the year's actual figure.
        let actual = at(58.9e9);
        assert_eq!(actual.period.map(|p| p.iso()).as_deref(), Some("2024"));
        assert!(!actual.scope.as_str().contains("forecast"), "{actual:?}");
    }

    #[test]
    fn profit_without_one_off_items_is_a_measure_of_its_own() {
        let text = "Velmar Energy said on Oct. 28, 2025 that third-quarter net profit attributable to \
                    shareholders was RMB 2.136 billion, up 35.4%.\n\n\
                    Net profit after deducting non-recurring gains and losses was RMB 1.98 billion, up 31.0%.\n\n\
                    Excluding one-off items, net profit was 1.98 billion yuan.";
        let cs = claims(text);
        let adjusted: Vec<&Claim> = cs
            .iter()
            .filter(|c| c.metric.as_str().contains("non-recurring"))
            .collect();
        assert_eq!(adjusted.len(), 3, "{cs:?}");
        let report = crate::reconcile(&cs, &["a.txt".to_string()]);
        assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
    }

    #[test]
    fn a_period_compared_with_dates_no_figure_and_is_not_carried() {
        let text = "Released: 24 October 2025\n\nIn the first three quarters of 2025, the GDP of Velmar \
                    reached 1,326.48 billion yuan, an increase of 5.6%, 0.2 percentage points lower than \
                    in the first half of the year.\n\nRetail sales reached 425.6 billion yuan, up 4.7%.";
        for c in claims(text) {
            assert_eq!(
                c.period.map(|p| p.iso()).as_deref(),
                Some("2025-01/2025-09"),
                "{c:?}"
            );
        }
    }

    #[test]
    fn goods_before_a_pair_of_measures_are_each_one_s() {
        let c = claims("In 2025, automobile production and sales in China both exceeded 34 million units. \
             In particular, new energy vehicle (NEV) production and sales each surpassed 16 million units.");
        let metric = |v: f64| c.iter().find(|c| c.value == v).map(|c| c.metric.as_str());
        assert_eq!(metric(34e6), Some("vehicle sales"));
        assert_eq!(metric(16e6), Some("NEV sales"));
    }

    #[test]
    fn the_whole_a_possessive_names_is_not_the_part() {
        let c = claims("Jinhua exports reached 17.6 billion yuan in 2025, accounting for 25.8% of the province's total of 61.8 billion yuan.");
        let subject = |v: f64| c.iter().find(|c| c.value == v).map(|c| c.subject.as_str());
        assert_eq!(subject(17.6e9), Some("Jinhua"));
        // The province is not named: no one's figure, not Jinhua's.
        assert_eq!(subject(61.8e9), Some(""));
    }

    #[test]
    fn a_notice_counts_what_its_measure_is_of() {
        let c = claims("An article published on Feb. 16, 2023 misstated Isterlux Textiles's output in fiscal 2022. \
             The correct figure is 17,304,630 garments, not 23.387 million garments as originally reported.");
        assert!(
            c.len() == 2 && c.iter().all(|c| c.metric.as_str() == "garment production"),
            "{c:?}"
        );
        let d = claims("Isterlux Textiles produced 23.39 million garments in fiscal 2022.");
        assert_eq!(d[0].metric.as_str(), "garment production");
    }

    #[test]
    fn a_research_note_is_about_the_company_it_rates() {
        let c = claims("Hexi Motor (BUY): a strong year\n\nAcme Securities | Research\n\nIn 2025, revenue rose to RMB 3.2 billion.");
        // Named as the tagger names it elsewhere: `Hexi Motor` is `Hexi`.
        assert_eq!(c[0].subject.as_str(), "Hexi");
        let c = claims("Aldora Semiconductor (ALDO): Neutral, target price over 205 U.S. dollars\n\nHarbourline Research | Equity Research | January 21, 2026\n\nWe maintain our Neutral rating. Its revenue jumped 64.8% to 4.5 billion dollars in 2025.");
        let revenue = c.iter().find(|c| c.value == 4.5e9).expect("a claim");
        assert!(
            revenue.subject.as_str().starts_with("Aldora"),
            "{:?}",
            revenue.subject
        );
        // A web page's text opens with blank lines; the byline's analyst
        // may bear a company's name.
        let c = claims(" \n\nCorxi Auto (CORX): Hold, target price CHF 114\n\nSilverfin Partners | Equity Research | 2025-02-10 | Analyst: Liu Ferrari\n\nWe maintain our Hold rating. Its revenue fell 19.2% to over CHF 981 million last year.");
        let revenue = c.iter().find(|c| c.value == 981e6).expect("a claim");
        assert!(
            revenue.subject.as_str().starts_with("Corxi"),
            "{:?}",
            revenue.subject
        );
        // An analyst's employer is not what the figures are about.
        let c = claims("Kestrel Motors said its revenue rose 5% to SGD 80 million in 2025. Chen Martin, an analyst at Silverfin Partners, expects revenue of SGD 87 million in 2026.");
        let forecast = c.iter().find(|c| c.value == 87e6).expect("a claim");
        let subject = forecast.subject.as_str();
        assert!(!subject.starts_with("Silverfin"), "{subject:?}");
    }

    #[test]
    fn a_rate_is_scoped_by_its_time_unit() {
        let c = claims("Nardo Motors builds one vehicle per minute at its Wuhu plant. It made 500,000 cars a year earlier.");
        let rate = c.iter().find(|c| c.value == 1.0).expect("a claim");
        assert_eq!(rate.scope.as_str(), "per minute");
        let level = c.iter().find(|c| c.value == 5e5).expect("a claim");
        assert_eq!(level.scope.as_str(), "");
    }

    #[test]
    fn a_part_named_among_them_is_a_subset() {
        let c = claims("Zhejiang has over 2,500 parts enterprises. Among them, 18 companies rank in the top 100. It sold 500 cars, of which 200 were electric.");
        let scope = |v: f64| c.iter().find(|c| c.value == v).map(|c| c.scope.as_str());
        assert_eq!(scope(2500.0), Some(""));
        assert_eq!(scope(18.0), Some("subset"));
        assert_eq!(scope(200.0), Some("subset"));
    }

    #[test]
    fn a_figure_of_a_list_of_places_is_the_list_s() {
        let c = claims("The leading provinces - Guangdong, Jiangsu, Zhejiang and Shanghai, with a total trade value of 20.1 trillion yuan, led growth in 2025.");
        let total = c.iter().find(|c| c.value == 20.1e12).expect("a claim");
        assert_eq!(
            total.subject.as_str(),
            "Guangdong + Jiangsu + Shanghai + Zhejiang"
        );
        // A city and its province is one place, not a list.
        let c =
            claims("Quzhou, Zhejiang, with an output of 45,000 tonnes in 2025, leads the field.");
        let output = c.iter().find(|c| c.value == 45000.0).expect("a claim");
        assert_eq!(output.subject.as_str(), "Quzhou");
    }

    #[test]
    fn a_country_s_adjective_in_the_metric_names_the_subject() {
        let c = claims("Nardo Motors reported results.\n\nExports of Chinese vehicles reached 5.31 million units in the first ten months of 2025.");
        let exports = c.iter().find(|c| c.value == 5.31e6).expect("a claim");
        assert_eq!(exports.subject.as_str(), "China");
        assert_eq!(exports.metric.as_str(), "vehicle exports");
        // A company named in the sentence is still the subject.
        let c = claims(
            "Nardo Motors, the German carmaker, said its exports reached 200,000 vehicles in 2025.",
        );
        let exports = c.iter().find(|c| c.value == 2e5).expect("a claim");
        assert!(exports.subject.as_str().starts_with("Nardo"), "{exports:?}");
    }

    #[test]
    fn goods_exported_worth_a_value_name_the_exports() {
        let c = claims("Zhejiang exported NEVs worth RMB 41.2bn in January-November 2025.");
        let exports = c.iter().find(|c| c.value == 41.2e9).expect("a claim");
        assert_eq!(exports.metric.as_str(), "NEV exports");
    }

    #[test]
    fn a_currency_named_after_a_place_is_no_subject() {
        let c = claims("Kestrel Motors reports 2023 results.\n\nNet profit: 2.03 million Singapore dollars. Exports: 15.2 million Singapore dollars. Output: 9,296 battery packs.");
        assert!(!c.is_empty());
        for claim in &c {
            assert_ne!(claim.subject.as_str(), "Singapore", "{claim:?}");
        }
    }

    #[test]
    fn an_economy_s_measures_are_metrics() {
        let cs = claims("Zhejiang's gross domestic product reached 1.1 trillion yuan in 2024, up 5.3% year on year. Anhui's surveyed urban unemployment rate stood at 2.7 per cent in 2024. Hubei's jobless rate was 3.4% in 2024.");
        let metric = |v: f64| cs.iter().find(|c| c.value == v).map(|c| c.metric.as_str());
        assert_eq!(metric(1.1e12), Some("GDP"));
        assert_eq!(metric(5.3), Some("GDP"));
        assert_eq!(metric(2.7), Some("unemployment rate"));
        assert_eq!(metric(3.4), Some("unemployment rate"));
    }

    #[test]
    fn inflation_is_the_change_of_consumer_prices() {
        let a = claims("Illinois's consumer prices rose 1.8 per cent in 2024.");
        let b = claims("Illinois's consumer price inflation was 1.8 per cent in 2024.");
        let c = claims("Illinois's CPI was 1.8 per cent in 2024.");
        for c in [&a[0], &b[0], &c[0]] {
            assert_eq!((c.metric.as_str(), c.change), ("CPI", true), "{c:?}");
        }
    }

    #[test]
    fn the_longest_metric_phrase_wins() {
        let cs = claims("Pelfield Auto AG said its gross profit margin was 23.7% in 2024 and its profit attributable to shareholders 5 billion euros.");
        let metric = |v: f64| cs.iter().find(|c| c.value == v).map(|c| c.metric.as_str());
        assert_eq!(metric(23.7), Some("gross margin"));
        assert_eq!(metric(5e9), Some("net profit"));
    }

    #[test]
    fn its_is_the_company_named_before_it_in_the_sentence() {
        let cs = claims("Illinois's consumer price index rose 1.8 per cent in 2024.\nPelfield Auto AG said its share of the domestic market was 2.37% in 2024.");
        let c = cs.iter().find(|c| c.value == 2.37).expect("a claim");
        assert_eq!(
            (c.subject.as_str(), c.metric.as_str()),
            ("Pelfield", "market share")
        );
    }

    #[test]
    fn parts_of_a_total_keep_their_destination_past_a_restatement() {
        let cs = claims("Anhui's exports totalled CNY 362bn in 2022. Of the total, 112 billion yuan (1120亿元) to the European Union, RMB79.7 billion to ASEAN, over 50.7 billion yuan to Latin America.");
        let part = cs.iter().find(|c| c.value == 112e9).expect("a claim");
        assert_eq!(part.scope.as_str(), "to European Union");
        assert!(part.has(flags::PART), "{part:?}");
        assert!(!part.guessed(), "{part:?}");
        // A bracket that ends a figure's clause leaves its destination to
        // the figure after.
        let cs = claims("Key figures: exports 4.08 trillion yuan (+8.4%); exports to ASEAN 2.31 trillion yuan (+9.6%).");
        let c = cs.iter().find(|c| c.value == 4.08e12).expect("a claim");
        assert_eq!(c.scope.as_str(), "");
    }

    #[test]
    fn last_year_in_an_undated_text_has_no_period() {
        let cs = claims("James Fischer has led Aldford Motors Corp. since 2018.\n\nA: Good. We produced 37,000 vehicles last year, and most went abroad.");
        let c = cs.iter().find(|c| c.value == 37000.0).expect("a claim");
        assert_eq!(c.period, None, "{c:?}");
    }

    #[test]
    fn a_fiscal_year_the_text_also_names_by_the_calendar_is_that_year() {
        let text = "Dongvia Robotics (DONG): Buy\n\nIts revenue reached about EUR 8.3 billion for 2023.\n\n               FY2023             FY2024E\nRevenue        EUR 6.63 billion   EUR 5.8bn\n";
        let cs = claims(text);
        let table = cs.iter().find(|c| c.value == 6.63e9).expect("a claim");
        let lead = cs.iter().find(|c| c.value == 8.3e9).expect("a claim");
        assert_eq!(table.period, lead.period, "{table:?}");
    }

    #[test]
    fn a_company_s_history_dates_no_figure() {
        let cs = claims("James Fischer has led Aldford Motors Corp. since 2018.\n\nA: Our gross margin was 11.06%, roughly four points better than the year before.");
        let c = cs.iter().find(|c| c.value == 11.06).expect("a claim");
        assert_eq!(c.period, None, "{c:?}");
    }

    #[test]
    fn a_long_first_line_is_cut_at_a_character() {
        // Found by fuzzing: byte 300 of the first line fell inside `û`.
        for pad in 290..302 {
            let text = format!("{}û (BUY) rose 5% in 2025.", "a".repeat(pad));
            let _ = claims(&text);
        }
    }

    #[test]
    fn possessive_subject_and_metric() {
        let cs = claims("In 2025, Zhejiang's exports reached 43 billion yuan, up 7.2%.");
        let c = cs.iter().find(|c| c.value == 43e9).expect("a claim");
        assert_eq!(c.subject.as_str(), "Zhejiang");
        assert_eq!(c.metric.as_str(), "exports");
        assert_eq!(c.subject_how, How::Possessive);
        assert_eq!(c.period.map(|p| p.iso()).as_deref(), Some("2025"));
    }

    #[test]
    fn value_and_total_trade_stay_apart() {
        let cs = claims("In 2025, the total import and export volume of Zhejiang was 5.55 trillion yuan. Exports from Zhejiang reached 4.19 trillion yuan in 2025.");
        let ms: Vec<&str> = cs.iter().map(|c| c.metric.as_str()).collect();
        assert!(ms.contains(&"imports and exports"), "{ms:?}");
        assert!(ms.contains(&"exports"), "{ms:?}");
        assert!(cs.iter().all(|c| c.subject.as_str() == "Zhejiang"));
    }

    #[test]
    fn list_numbers_and_signed_table_cells_are_no_levels() {
        let text = "Summary\n\n2. Zhejiang's exports were 14.7 billion yuan in 2025.\n\n\
                    (3) Zhejiang's imports were 5.1 billion yuan in 2025.\n\n\
                    Indicator    2025    Change (%)\n\
                    Exports      RMB 14.7bn    -1.5\n";
        let values: Vec<f64> = claims(text).iter().map(|c| c.value).collect();
        assert!(values.contains(&14.7e9), "{values:?}");
        assert!(values.contains(&5.1e9), "{values:?}");
        for marker in [2.0, 3.0, -1.5, 1.5] {
            assert!(!values.contains(&marker), "{marker} in {values:?}");
        }
        // Stock codes are no figures.
        for text in [
            "Fenora Steel Inc. (164755.SZ) said revenue was RMB 5bn in 2025.",
            "Fenora Steel Inc. (SZSE: 164755) said revenue was RMB 5bn in 2025.",
        ] {
            let values: Vec<f64> = claims(text).iter().map(|c| c.value).collect();
            assert_eq!(values, [5e9], "{text}");
        }
        // A count that opens a sentence stays a figure.
        let cs = claims("2,500 enterprises exported batteries from Zhejiang in 2025.");
        assert!(cs.iter().any(|c| c.value == 2500.0), "{:?}", cs);
        // A label's number (`Copy 2.`, `Figure 3:`) is no figure of the
        // metric read before it; a row without bars still is.
        let text = "Zhejiang's exports were 14.7 billion yuan in 2025.\n\nCopy 2.\n\nFigure 3:\n";
        let values: Vec<f64> = claims(text).iter().map(|c| c.value).collect();
        assert_eq!(values, [14.7e9], "{text}");
        let cs = claims("Zhejiang's exports in 2025, in units:\n\nExports 4300.\n");
        assert!(cs.iter().any(|c| c.value == 4300.0), "{cs:?}");
    }

    #[test]
    fn table_columns_give_their_period_and_say_what_is_a_change() {
        let text = "Hexi Motor reports Q2 2024 results\n\n\
                    Metric\tQ2 2024\tQ2 2023\tChange\n\
                    Net profit\tRMB 11.14bn\tRMB 13.76bn\t-19.1%\n\
                    Exports\tRMB 25.73bn\tRMB 31.9bn\t-19.3%\n\n\
                    Indicator    Q2 2024        Change (%)\n\
                    Revenue      RMB 57.8bn     5.4\n";
        let cs = claims(text);
        let period = |v: f64| {
            let c = cs.iter().find(|c| c.value == v).expect("a claim");
            c.period.map(|p| p.iso())
        };
        assert_eq!(period(11.14e9).as_deref(), Some("2024-04/2024-06"));
        assert_eq!(period(13.76e9).as_deref(), Some("2023-04/2023-06"));
        assert_eq!(period(31.9e9).as_deref(), Some("2023-04/2023-06"));
        let change = cs.iter().find(|c| c.value == 5.4).expect("the change cell");
        assert!(change.change);
        assert_eq!(change.kind, QuantityKind::Percent);
        assert_eq!(change.metric.as_str(), "revenue");
        assert!(cs
            .iter()
            .find(|c| c.value == -19.1)
            .is_some_and(|c| c.change));
        // The two years' profits are no conflict.
        let table = crate::reconcile(&cs, &["a.md".to_string()]);
        assert!(table.conflicts.is_empty(), "{:?}", table.conflicts);
    }

    #[test]
    fn a_unit_column_scales_its_row_and_is_no_figure() {
        // The second row's label runs into the unit column with one space
        // between: it is split where the header's columns start.
        let text = "Harlow county bulletin, January-June 2025.\n\n\
                    Indicator                   Unit              Value      Growth (%)\n\
                    Regional output             100 million yuan  2,418.6    4.9\n\
                    Output of the mining sector 10,000 tonnes     35.2       -1.2\n\
                    Jobless rate                %                 4.1        --\n\
                    Industrial sales            --                --         6.6\n";
        let c = claims(text);
        assert!(
            c.iter().all(|c| c.value != 1e8 && c.value != 1e4),
            "a unit's number is no figure: {c:?}"
        );
        let of = |v: f64| c.iter().find(|c| c.value == v).expect("a claim");
        let output = of(2418.6e8);
        assert_eq!(
            (output.unit.as_str(), output.kind),
            ("CNY", QuantityKind::Money)
        );
        assert!(!output.change);
        let mining = of(352_000.0);
        assert_eq!(mining.unit.as_str(), "t");
        // The change column keeps its per cent, whatever the row's unit.
        let growth = of(4.9);
        assert!(growth.change && growth.unit.as_str() == "%");
        let rate = of(4.1);
        assert!(!rate.change && rate.kind == QuantityKind::Percent);
        assert!(of(6.6).change);
    }

    #[test]
    fn a_ranking_s_places_are_no_figures_and_its_rows_are_their_labels() {
        // As a page's table comes out of its markup: the header a blank
        // line above the rows, the unit in the caption's brackets.
        let text = "Busiest river ports, January-June 2025 (Unit: 10,000 tonnes)\n\n\
                    Rank\tPort\tCountry\tJan-Jun 2025\tJan-Jun 2024\n\n\
                    1\tDuisburg\tGermany\t2,950\t2,880\n\
                    2\tRotterdam\tNetherlands\t1,210\t1,175\n";
        let c = claims(text);
        assert!(
            c.iter().all(|c| !matches!(c.value as i64, 1 | 2 | 10_000)),
            "ranks and the caption's unit are no figures: {c:?}"
        );
        let of = |v: f64| c.iter().find(|c| c.value == v).expect("a claim");
        let rotterdam = of(12_100_000.0);
        assert_eq!(rotterdam.unit.as_str(), "t");
        assert_eq!(rotterdam.subject.as_str(), "Rotterdam");
        assert_eq!(
            of(11_750_000.0).period.map(|p| p.iso()).as_deref(),
            Some("2024-01/2024-06")
        );
    }

    #[test]
    fn a_comparison_s_base_is_of_the_period_it_names() {
        let period_of = |text: &str, figure: &str| {
            let at = text.find(figure).expect("the figure") as u32;
            let c = claims(text);
            let c = c.iter().find(|c| c.start == at).expect("a claim");
            c.period.map(|p| p.iso()).unwrap_or_default()
        };
        let text = "In January-June 2025, Orvel Port handled 9.1 million TEU, up 6% from 8.6 million TEU in the same period last year.";
        assert_eq!(period_of(text, "8.6 million"), "2024-01/2024-06");
        assert_eq!(period_of(text, "9.1 million"), "2025-01/2025-06");
        let text = "Orvel's inflation eased to 2.1% in March 2025, compared with 2.4% in the previous month.";
        assert_eq!(period_of(text, "2.4%"), "2025-02");
        let text = "Orvel's exports rose to 4.4 billion euros in 2025 from 4.1 billion euros a year earlier.";
        assert_eq!(period_of(text, "4.1 billion"), "2024");
        // A base the text dates itself keeps that date.
        let text =
            "Orvel's exports rose to 4.4 billion euros in 2025 from 4.1 billion euros in 2023.";
        assert_eq!(period_of(text, "4.1 billion"), "2023");
        // Not a comparison's base: a figure that is no `from`'s.
        let text = "Orvel's exports were 4.4 billion euros in 2025, a year earlier than planned.";
        assert_eq!(period_of(text, "4.4 billion"), "2025");
    }

    #[test]
    fn a_value_said_after_a_volume_is_of_the_same_goods() {
        let c = claims("In January-June 2025, Orvel's exports of turbines were 3.1 GW, up 9%, with an export value of 2.6 billion euros.");
        let value = c.iter().find(|c| c.value == 2.6e9).expect("the value");
        assert_eq!(value.metric.as_str(), "turbine exports");
        // Without the volume before it, the value stays all exports.
        let c = claims("In January-June 2025, Orvel's exports grew, with an export value of 2.6 billion euros.");
        let value = c.iter().find(|c| c.value == 2.6e9).expect("the value");
        assert_eq!(value.metric.as_str(), "exports");
    }

    #[test]
    fn a_base_in_the_same_period_of_a_year_dates_only_itself() {
        let text = "Orvel had a hard first half. In the six months, Orvel's exports totaled 14.2 billion US dollars, compared with 16.9 billion US dollars in the same period of 2024.";
        let c = claims(&format!("In January-June 2025, trade slowed.\n\n{text}"));
        let of = |v: f64| c.iter().find(|c| c.value == v).expect("a claim");
        assert_ne!(of(14.2e9).period.map(|p| p.end.year), Some(2024));
        let base = "In January-June 2025, Orvel's exports totaled 14.2 billion US dollars, compared with 16.9 billion US dollars in the same period of 2024.";
        let c = claims(base);
        let of = |v: f64| c.iter().find(|c| c.value == v).expect("a claim");
        assert_eq!(
            of(16.9e9).period.map(|p| p.iso()).as_deref(),
            Some("2024-01/2024-06")
        );
        assert_eq!(
            of(14.2e9).period.map(|p| p.iso()).as_deref(),
            Some("2025-01/2025-06")
        );
    }

    #[test]
    fn a_parent_s_figures_are_scoped_apart() {
        let text = "In January-September 2025, Brevik Cells Co. reported revenue of 12.4 billion yuan. Brevik Group, the company's unlisted parent, reported revenue of 19.8 billion yuan for the period.";
        let c = claims(text);
        let of = |v: f64| c.iter().find(|c| c.value == v).expect("a claim");
        assert!(of(19.8e9).scope.as_str().contains("parent"));
        assert!(!of(12.4e9).scope.as_str().contains("parent"));
        assert!(is_about_the_parent("its parent company, brevik group, "));
        assert!(!is_about_the_parent(
            "brevik cells, the company's largest unit, "
        ));
        // A unit's figures are no more the group's than the parent's are.
        let c = claims(
            "Brevik Group carried 2.10 million passengers in May 2025. \
             Its regional unit Fjordlink carried 410,000 passengers in May 2025.",
        );
        let of = |v: f64| c.iter().find(|c| c.value == v).expect("a claim");
        assert!(of(410e3).scope.as_str().contains("unit"), "{:?}", of(410e3));
        assert!(!of(2.1e6).scope.as_str().contains("unit"));
        let report = crate::reconcile(&c, &["a.txt".to_string()]);
        assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
    }

    #[test]
    fn a_goal_after_a_comma_is_a_clause_of_its_own() {
        let c = claims("Korvan Motors tops 640,000 deliveries, sets 800,000 goal for 2026");
        let of = |v: f64| c.iter().find(|c| c.value == v).expect("a claim");
        let done = of(640_000.0);
        assert!(!done.has(flags::MODAL), "{done:?}");
        assert!(done.period.is_none() || done.guessed(), "{done:?}");
        let goal = of(800_000.0);
        assert!(goal.has(flags::MODAL));
        assert_eq!(goal.period.map(|p| p.iso()).as_deref(), Some("2026"));
    }

    #[test]
    fn a_dateline_in_capitals_before_a_dash_is_no_subject() {
        // The headline's figure takes the document's subject: the country
        // the release is about, not the city it was filed from.
        let c = claims("National Statistics Office\nPress release of 9 January 2026\n\nJobless rate at 7.4% in December 2025\n\nLYON - The jobless rate in France, measured as a share of the labour force, was 7.4% in December 2025.");
        assert!(c.iter().all(|c| c.subject.as_str() != "Lyon"), "{c:?}");
        let headline = c.iter().find(|c| c.value == 7.4).expect("the rate");
        assert_eq!(headline.subject.as_str(), "France");
        // The mark itself, on the name before the dash.
        let text = "LYON - The jobless rate in France was 7.4%.";
        let ent = |start: usize, end: usize, name: &str| Ent {
            span: Span { start, end },
            label: Label::Place,
            name: Sym::new(name),
            excluded: false,
            destination: false,
        };
        let mut ents = [ent(0, 4, "Lyon"), ent(27, 33, "France")];
        let sents = [Span {
            start: 0,
            end: text.len(),
        }];
        mark_entity_roles(text, &text.to_lowercase(), &mut ents, &sents);
        assert!(ents[0].excluded && !ents[1].excluded);
    }

    #[test]
    fn estimate_columns_are_forecasts_of_their_year() {
        let text = "Varora Corp. (BUY): steady\n\n\
                    FY2024\tFY2025E\tFY2026E\n\
                    Revenue\tJPY 467.8bn\tJPY 548.5bn\tJPY 538.1bn\n\
                    Net profit\tJPY 111bn\tJPY 163bn\tJPY 185.7bn\n";
        let cs = claims(text);
        let of = |v: f64| cs.iter().find(|c| c.value == v).expect("a claim");
        assert_eq!(of(467.8e9).period.map(|p| p.iso()).as_deref(), Some("2024"));
        assert!(!of(467.8e9).has(flags::MODAL));
        let estimate = of(548.5e9);
        assert_eq!(estimate.period.map(|p| p.iso()).as_deref(), Some("2025"));
        assert!(estimate.has(flags::MODAL));
        assert!(estimate.scope.as_str().contains("forecast"));
        let table = crate::reconcile(&cs, &["note.html".to_string()]);
        assert!(table.conflicts.is_empty(), "{:?}", table.conflicts);
    }

    #[test]
    fn a_change_column_without_a_unit_gives_no_claim() {
        let text = "Indicator    2025        Change\nExports      RMB 14.7bn  5.4\n";
        let cs = claims(text);
        assert!(cs.iter().any(|c| c.value == 14.7e9));
        assert!(cs.iter().all(|c| c.value != 5.4), "{cs:?}");
    }

    #[test]
    fn a_bound_word_of_a_figure_is_no_base_of_the_date_after_it() {
        let cs = claims("TOKYO, Jan. 6 (Harbour Daily) -- Pelyuan Semiconductor AG said on Monday that its deliveries fell 15.8% to more than 738,000 wafers for 2023.");
        let c = cs.iter().find(|c| c.value == 738000.0).expect("a claim");
        assert_eq!(c.period.map(|p| p.iso()).as_deref(), Some("2023"));
        let cs = claims("Exports were 5 billion yuan in 2025, up from 4 billion in 2024.");
        let c = cs.iter().find(|c| c.value == 4e9).expect("a claim");
        assert_eq!(c.period.map(|p| p.iso()).as_deref(), Some("2024"));
    }

    #[test]
    fn a_statistics_office_bulletin_reads_as_written() {
        let text = "Statistical bulletin, released 14 November 2025\n\n\
            - Gross domestic product (GDP) in Borvia is estimated to have grown by 0.1% in Quarter 3 (July to September) 2025.\n\
            - Compared with the same quarter a year ago, GDP is estimated to have increased by 1.3%.\n\
            - Output grew 0.4%, missing economists' forecasts of 0.6% growth.";
        let cs = claims(text);
        let q = |v: f64| cs.iter().find(|c| c.value == v).expect("a claim");
        // The quarter, not the year; an official estimate, no forecast;
        // `domestic` is the metric's own word, no scope.
        let quarterly = q(0.1);
        assert_eq!(
            quarterly.period.map(|p| p.iso()).as_deref(),
            Some("2025-07/2025-09")
        );
        assert_eq!(quarterly.scope.as_str(), "", "{quarterly:?}");
        // Against a year before, said first; the other then against the
        // quarter before.
        assert_eq!(q(1.3).basis, Some(Basis::YearOnYear));
        assert_eq!(quarterly.basis, Some(Basis::QuarterOnQuarter));
        // Only the forecast's own figure is one.
        assert!(!q(0.4).scope.as_str().contains("forecast"), "{:?}", q(0.4));
        assert!(q(0.6).scope.as_str().contains("forecast"), "{:?}", q(0.6));
        let docs = ["bulletin.txt".to_string()];
        assert!(crate::reconcile(&cs, &docs).conflicts.is_empty());
    }

    #[test]
    fn an_earnings_release_keeps_its_quarter_and_its_year_apart() {
        let cs = claims("SAN JOSE, Oct. 30, 2025 -- Qelvane Systems today announced results for its fiscal 2025 fourth quarter ended September 27, 2025. The company posted quarterly revenue of $12.4 billion.\n\n\
            For the full fiscal year, revenue was $46.2 billion. Gross margin was 45.3 percent in the quarter. The company returned $3.1 billion to shareholders, including $2.4 billion in share repurchases. Revenue was broadly in line with our estimate, and above the consensus estimate of $12.1 billion.");
        let q = |v: f64| cs.iter().find(|c| c.value == v).expect("a claim");
        let iso = |v: f64| q(v).period.map(|p| p.iso());
        assert_eq!(iso(12.4e9).as_deref(), Some("2025-07/2025-09"));
        assert_eq!(iso(45.3).as_deref(), Some("2025-07/2025-09"));
        assert_ne!(iso(46.2e9), iso(12.4e9));
        // Money is no margin; a buyback is no revenue.
        assert!(q(3.1e9).metric.is_empty(), "{:?}", q(3.1e9));
        assert_eq!(q(2.4e9).metric.as_str(), "buybacks");
        // Only the estimate's own figure is one.
        assert!(
            q(12.1e9).scope.as_str().contains("forecast"),
            "{:?}",
            q(12.1e9)
        );
        assert!(!q(12.4e9).scope.as_str().contains("forecast"));
        let docs = ["release.txt".to_string()];
        assert!(crate::reconcile(&cs, &docs).conflicts.is_empty());
        // A European release's measures, each its own.
        let cs = claims("Stuttgart, 29 July 2025 -- Group sales rose 3.2% to EUR 8.4 billion in H1 2025. Adjusted EBIT of EUR 612 million; EBIT margin of 7.3%. Free cash flow of EUR 210 million. Order intake totalled EUR 5.9 billion.");
        let metric = |v: f64| cs.iter().find(|c| c.value == v).map(|c| c.metric.as_str());
        // Adjusted is a measure of its own, not the reported one.
        assert_eq!(metric(612e6), Some("adjusted operating profit"));
        assert_eq!(metric(7.3), Some("operating margin"));
        assert_eq!(metric(210e6), Some("free cash flow"));
        assert_eq!(metric(5.9e9), Some("orders"));
    }

    #[test]
    fn a_sector_named_as_subject_takes_no_carried_metric() {
        let cs = claims("Nov. 14, 2025 -- Compared with a year earlier, output was 1.4% higher in the third quarter of 2025. The services sector expanded 0.2% in the quarter.");
        let sector = cs.iter().find(|c| c.value == 0.2).expect("a claim");
        assert!(sector.metric.is_empty(), "{sector:?}");
    }

    #[test]
    fn periods_named_but_unknown_stay_apart() {
        // A dateline without its year: neither period is known, and the
        // half is not the quarter.
        let cs = claims("FRANKFURT, July 29 (Wire) -- Varnholt said first-half sales rose to 8.4 billion euros. Second-quarter sales came to 4.3 billion euros.");
        let scope = |v: f64| cs.iter().find(|c| c.value == v).map(|c| c.scope.as_str());
        assert_eq!(scope(8.4e9), Some("in first half"));
        assert_eq!(scope(4.3e9), Some("in second quarter"));
        let docs = ["wire.txt".to_string()];
        let report = crate::reconcile(&cs, &docs);
        assert!(report.conflicts.is_empty() && report.review.is_empty());
    }

    #[test]
    fn a_jobs_report_reads_as_written() {
        let cs = claims("WASHINGTON, Nov. 7, 2025 -- Nonfarm payrolls rose by 165,000 last month, while the jobless rate ticked up to 4.2 percent. September's gain was revised to 254,000. Average hourly earnings increased 0.3%.");
        let q = |v: f64| cs.iter().find(|c| c.value == v).expect("a claim");
        assert_eq!(q(165000.0).metric.as_str(), "payrolls");
        assert_eq!(
            q(165000.0).period.map(|p| p.iso()).as_deref(),
            Some("2025-10")
        );
        assert_eq!(q(4.2).approx, Approx::Exact);
        // A count is no rate, whatever sentence came before.
        assert!(q(254000.0).metric.is_empty(), "{:?}", q(254000.0));
        assert_eq!(q(0.3).metric.as_str(), "wages");
        let cs = claims("WASHINGTON, Nov. 7, 2025 -- U.S. employers added 150,000 jobs in October. The plant employs 2,000 workers.");
        let added = cs.iter().find(|c| c.value == 150000.0).expect("a claim");
        assert_eq!((added.metric.as_str(), added.change), ("payrolls", true));
        let staff = cs.iter().find(|c| c.value == 2000.0).expect("a claim");
        assert!(!staff.change, "{staff:?}");
        // No place named, but the agency's: its country's figure.
        let cs = claims("November 7, 2025\n\nNonfarm payrolls rose by 165,000 last month, according to the Bureau of Labor Statistics.");
        let p = cs.iter().find(|c| c.value == 165000.0).expect("a claim");
        assert_eq!(p.subject.as_str(), "United States");
    }

    #[test]
    fn an_oil_market_story_reads_as_written() {
        let cs = claims("LONDON, March 4, 2026 -- Total OPEC crude output rose by 210,000 bpd to 26.7 million bpd in February. Iraq raised its output by 120,000 barrels per day to 4.3 million bpd. The agency said global oil demand would grow by 1.1 mb/d in 2026.");
        let q = |v: f64| cs.iter().find(|c| c.value == v).expect("a claim");
        // A bloc of states is a subject, as a place is.
        assert_eq!(q(26.7e6).subject.as_str(), "OPEC");
        assert!(q(210e3).change && !q(26.7e6).change);
        // `its` after a place opening the sentence is that place's.
        assert_eq!(q(4.3e6).subject.as_str(), "Iraq");
        assert_eq!(q(4.3e6).unit.as_str(), "bbl/d");
        // The world's, not the last country named; what is to come, in
        // reported speech; and oil, which barrels a day say already, is no
        // part of the metric.
        assert_eq!(
            (q(1.1e6).subject.as_str(), q(1.1e6).metric.as_str()),
            ("World", "demand")
        );
        assert!(q(1.1e6).scope.as_str().contains("forecast"));
        let cs = claims("NINGBO, Jan 5, 2026 -- Qiantang Port handled 39.3 million TEUs of containers in 2025. Container throughput at Qiantang Port rose to 39.3 million twenty-foot equivalent units.");
        assert!(
            cs.iter()
                .all(|c| c.metric.as_str() == "throughput" && c.unit.as_str() == "TEU"),
            "{cs:?}"
        );
        assert_eq!(q(26.7e6).metric.as_str(), "production");
    }

    #[test]
    fn each_figure_of_a_statistics_release_takes_the_place_after_it() {
        let cs = claims("Luxembourg, 30 January 2026\n\nGDP increased by 0.3% in the euro area and by 0.4% in the EU during the fourth quarter of 2025, compared with the previous quarter. From a year earlier, the euro area economy grew 1.2%. The number of employed persons increased by 0.1% in the euro area.");
        let q = |v: f64| cs.iter().find(|c| c.value == v).expect("a claim");
        assert_eq!(q(0.3).subject.as_str(), "Euro Area");
        assert_eq!(q(0.4).subject.as_str(), "European Union");
        assert_eq!(q(1.2).basis, Some(Basis::YearOnYear));
        assert_eq!(q(0.1).metric.as_str(), "employment");
        // A company's sales in a place stay the company's.
        let cs = claims("Mirova Motors said its sales rose 12% in the EU in 2025.");
        assert_eq!(cs[0].subject.as_str(), "Mirova");
    }

    #[test]
    fn operating_income_is_revenue_only_beside_yuan() {
        let cs = claims("TOKYO, Feb. 6, 2026 -- Hanamura Motor's nine-month operating income dropped 18.5 percent to 1.42 trillion yen.");
        assert!(
            cs.iter().all(|c| c.metric.as_str() == "operating profit"),
            "{cs:?}"
        );
        let cs = claims("In 2025, Qiantang Auto's operating income reached 77.7 billion yuan.");
        assert_eq!(cs[0].metric.as_str(), "revenue");
    }

    #[test]
    fn a_balance_is_dated_by_its_day_however_written() {
        let texts = [
            "PERTH, Aug 20, 2025 -- Redgum Resources said net debt stood at US$1.9bn at 30 June. Headcount was 78,450 as of June 30, 2025.",
            "20 August 2025\n\nRedgum Resources' net debt was US$1.9 billion at the end of June. Redgum employed about 78,000 people at the end of June.",
        ];
        let (cs, _) = claims_of_texts(&texts);
        let periods: Vec<String> = cs
            .iter()
            .map(|c| c.period.map(|p| p.iso()).unwrap_or_default())
            .collect();
        assert_eq!(
            periods,
            ["2025-06-30", "2025-06-30", "2025-06-30", "2025-06-30"],
            "{cs:?}"
        );
    }

    #[test]
    fn a_second_verb_of_looking_ahead_opens_its_own_clause() {
        let cs = claims("PERTH, Aug 20, 2025 -- Redgum shipped 195.1 Mt of iron ore in the 2025 financial year and expects shipments of between 190 Mt and 200 Mt in FY26.");
        let forecast = |c: &Claim| c.scope.as_str().contains("forecast");
        assert_eq!(
            cs.iter().map(forecast).collect::<Vec<_>>(),
            [false, true],
            "{cs:?}"
        );
    }

    #[test]
    fn a_central_bank_story_and_a_retailer_s_quarter_read_as_written() {
        let cs = claims("September 17, 2025\n\nThe Federal Reserve kept the federal funds rate in the 4.25%-4.5% range. Consumer prices rose 2.9% in August.");
        assert_eq!(cs[0].metric.as_str(), "policy rate");
        // No place named, but the central bank's: its country's figures.
        assert!(cs.iter().all(|c| c.subject.as_str() == "United States"));
        let cs = claims("August 20, 2025\n\nLarchmont Stores reported a 3.4% rise in same-store sales for the second quarter of 2025. Like-for-like sales at Oriel rose 2%.");
        assert!(cs.iter().all(|c| c.metric.as_str() == "comparable sales"));
    }

    #[test]
    fn a_fiscal_year_is_the_company_year_the_text_dates() {
        let cs = claims("PERTH, Aug 20, 2025 -- Redgum reported EBITDA of US$8.2 billion for the year to June 30, 2025. Shipments reached 192.4 Mt in FY25.");
        assert!(
            cs.iter()
                .all(|c| c.period.map(|p| p.iso()).as_deref() == Some("2024-07/2025-06")),
            "{cs:?}"
        );
        // A year the text names ending in another year says nothing of it.
        let cs = claims("TOKYO, Feb 6, 2026 -- Hanamura kept its forecast of 1.9 trillion yen for the year ending March 2026. Sales were 9.4 million vehicles in fiscal 2025.");
        let sales = cs.iter().find(|c| c.value == 9.4e6).expect("a claim");
        assert!(sales.period.is_some_and(|p| p.fiscal), "{sales:?}");
        // Nor does a year ending in March, which companies name by either
        // of its years.
        let cs = claims("TOKYO, Feb 6, 2026 -- Hanamura earned 2.1 trillion yen in the year ended March 31, 2025. Sales were 9.4 million vehicles in fiscal 2025.");
        let sales = cs.iter().find(|c| c.value == 9.4e6).expect("a claim");
        assert!(sales.period.is_some_and(|p| p.fiscal), "{sales:?}");
    }

    #[test]
    fn a_length_of_time_is_no_figure() {
        let text = "In 2025, Hanamura sold 7.1 million vehicles, its sales rising for nine \
                    consecutive months. Sales in the nine months totalled 5.2 million units. \
                    The 10-year plan is in its third year.";
        let figures: Vec<&str> = claims(text)
            .iter()
            .map(|c| &text[c.start as usize..c.end as usize])
            .collect();
        assert_eq!(figures, ["7.1 million vehicles", "5.2 million units"]);
        let text = "In 2025, Hanamura's sales rose 5% from a quarter earlier.";
        let figures: Vec<&str> = claims(text)
            .iter()
            .map(|c| &text[c.start as usize..c.end as usize])
            .collect();
        assert_eq!(figures, ["5%"]);
    }

    #[test]
    fn quarterly_growth_without_a_basis_meets_only_its_like() {
        let texts = [
            "LONDON, Nov. 14, 2025 -- Borvia's economy grew 0.1% in the third quarter of 2025.",
            "Nov. 14, 2025 -- Borvia's GDP grew 1.3% year on year in the third quarter of 2025.",
            "Nov. 15, 2025 -- Borvia's economy expanded 0.4% in the third quarter of 2025.",
        ];
        let (cs, docs) = claims_of_texts(&texts);
        assert!(cs.iter().all(|c| c.metric.as_str() == "GDP"), "{cs:?}");
        let report = crate::reconcile(&cs, &docs);
        // 0.1% and 0.4% say no basis: they disagree; 1.3% from a year
        // before is neither's.
        assert_eq!(report.conflicts.len(), 1, "{:?}", report.conflicts);
        assert!(!docs_named(&report.conflicts[0]).contains(&"1.txt"));
    }

    /// A miner's quarterly report under its letterhead, and a story on it
    /// that takes the change on a year for the change on a quarter and a
    /// balance ten times too large.
    #[test]
    fn a_quarterly_report_and_a_story_on_it_meet() {
        let report = "HARROWVALE MINING LIMITED (ASX: HVM)\n\
            QUARTERLY REPORT - QUARTER ENDED 31 MARCH 2026\n\
            Brisbane, Queensland, 20 April 2026\n\n\
            - Zinc production of 41.2 kt, up 5.1% on the March 2025 quarter and \
            down 2.4% from the December 2025 quarter.\n\
            - Cash and equivalents of A$305 million at 31 March 2026.\n";
        let story = "BRISBANE, April 20, 2026 -- Harrowvale Mining produced 41,200 tonnes \
            of zinc in the three months to March 31, up 5.1% on the December quarter. \
            The March quarter is the third of its fiscal 2026, which ends on June 30. \
            The miner ended the quarter with A$3.05 billion in cash.";
        let (cs, docs) = claims_of_texts(&[report, story]);
        let of = |doc: u32, v: f64| {
            cs.iter()
                .find(|c| c.doc == doc && c.value == v)
                .unwrap_or_else(|| panic!("{v} in {doc}: {cs:?}"))
        };
        // The letterhead's company, not the dateline's state, in its own case.
        assert_eq!(of(0, 41200.0).subject.as_str(), "Harrowvale");
        assert_eq!(of(1, 41200.0).subject.as_str(), "Harrowvale");
        // Both name the quarter they report by its months: the calendar's,
        // though the story names a fiscal year.
        for doc in [0, 1] {
            let p = of(doc, 41200.0).period.expect("a period");
            assert_eq!((p.iso(), p.fiscal), ("2026-01/2026-03".to_string(), false));
            // Production is a volume whatever words it is given in.
            assert_eq!(of(doc, 5.1).scope.as_str(), "");
            assert_eq!(of(doc, 5.1).metric.as_str(), "zinc production");
        }
        // Each change's base names its basis.
        assert_eq!(of(0, 5.1).basis, Some(Basis::YearOnYear));
        assert_eq!(of(0, -2.4).basis, Some(Basis::QuarterOnQuarter));
        assert_eq!(of(1, 5.1).basis, Some(Basis::QuarterOnQuarter));
        // A balance given for a quarter is the one when it ended.
        assert_eq!(of(1, 3.05e9).metric.as_str(), "cash");
        assert_eq!(
            of(1, 3.05e9).period.map(|p| p.iso()).as_deref(),
            Some("2026-03-31")
        );
        let report = crate::reconcile(&cs, &docs);
        let flagged: Vec<(&str, f64)> = report
            .conflicts
            .iter()
            .map(|c| (c.metric.as_ref(), c.mentions[0].value.unwrap_or(f64::NAN)))
            .collect();
        assert_eq!(report.conflicts.len(), 2, "{flagged:?}");
        assert!(
            report.conflicts.iter().any(|c| c.metric == "cash"),
            "{flagged:?}"
        );
        assert!(
            report
                .conflicts
                .iter()
                .any(|c| c.metric == "zinc production"),
            "{flagged:?}"
        );
        assert!(report
            .corroborations
            .iter()
            .any(|c| c.metric == "zinc production" && c.mentions.len() == 2));
    }

    /// A grid bulletin names each source's output once, then gives the
    /// next sources by their names alone; a story names them its own way.
    #[test]
    fn each_power_source_s_output_is_its_own() {
        let bulletin = "In March 2026, power plants in Guizhou generated 21.4 billion kWh of \
            electricity, up 3.2% year-on-year. Hydro power generation was 12.9 billion kWh, \
            up 1.1%. Thermal power fell 6.4% to 5.2 billion kWh and solar power jumped \
            38.5% to 1.7 billion kWh.";
        let story = "Guizhou's power output rose 3.2 percent in March 2026. Hydroelectric \
            output rose 1.1 percent, while thermal output fell 4.6 percent.";
        let (cs, docs) = claims_of_texts(&[bulletin, story]);
        let metric_of = |doc: u32, v: f64| metric_of_figure(&cs, doc, v);
        assert_eq!(metric_of(0, 2.14e10), "electricity production");
        assert_eq!(metric_of(0, 1.29e10), "hydropower production");
        assert_eq!(metric_of(0, -6.4), "thermal power production");
        assert_eq!(metric_of(0, 5.2e9), "thermal power production");
        assert_eq!(metric_of(0, 38.5), "solar power production");
        assert_eq!(metric_of(0, 1.7e9), "solar power production");
        assert_eq!(metric_of(1, 3.2), "electricity production");
        assert_eq!(metric_of(1, 1.1), "hydropower production");
        assert_eq!(metric_of(1, -4.6), "thermal power production");
        let report = crate::reconcile(&cs, &docs);
        assert_eq!(report.conflicts.len(), 1, "{:?}", report.conflicts);
        assert_eq!(report.conflicts[0].metric, "thermal power production");
    }

    #[test]
    fn a_country_s_visitors_are_its_arrivals_however_counted() {
        let bulletin = "Fiji received 96,300 international tourist arrivals in May 2026, \
            up 8.8% year-on-year. Tourism receipts for May 2026 came to US$412 million.";
        let story = "Fiji welcomed 96,300 tourists in May 2026, and visitor numbers were up \
            8.8 percent. Earnings from tourism were US$421 million in May 2026.";
        let (cs, docs) = claims_of_texts(&[bulletin, story]);
        let metric_of = |doc: u32, v: f64| metric_of_figure(&cs, doc, v);
        for doc in [0, 1] {
            assert_eq!(metric_of(doc, 96300.0), "arrivals");
            assert_eq!(metric_of(doc, 8.8), "arrivals");
        }
        assert_eq!(metric_of(0, 4.12e8), "tourism earnings");
        assert_eq!(metric_of(1, 4.21e8), "tourism earnings");
        let report = crate::reconcile(&cs, &docs);
        assert_eq!(report.conflicts.len(), 1, "{:?}", report.conflicts);
        assert_eq!(report.conflicts[0].metric, "tourism earnings");
    }

    #[test]
    fn a_crop_counted_in_bags_is_no_crop_of_bags() {
        let cs = claims("Kenya's coffee exports reached 51,200 bags in the 2024/25 coffee year.");
        let bags = cs.iter().find(|c| c.value == 51200.0).expect("bags");
        assert_eq!(bags.metric.as_str(), "coffee exports", "{bags:?}");
        assert_eq!(bags.period.map(|p| p.iso()).as_deref(), Some("2024/2025"));
    }

    #[test]
    fn e_and_e_is_goods_not_a_company() {
        let cs = claims("Malaysia's E&E exports rose 9.1% in May 2026.");
        let rise = cs.iter().find(|c| c.value == 9.1).expect("rise");
        assert_eq!(rise.subject.as_str(), "Malaysia", "{rise:?}");
        assert_eq!(rise.metric.as_str(), "E&E exports", "{rise:?}");
        assert_eq!(
            crate::lexicon::normalize_product(&["electrical", "and", "electronic", "products"]),
            "E&E"
        );
    }

    #[test]
    fn a_size_before_its_noun_is_no_figure() {
        let cs = claims(
            "In 2025, Kenya exported 480,000 60-kg bags of coffee and shipped 9,100 \
             20-foot containers of tea. The bank made a 25-basis-point cut.",
        );
        let values: Vec<f64> = cs.iter().map(|c| c.value).collect();
        assert!(
            values.contains(&480000.0) && values.contains(&9100.0),
            "{values:?}"
        );
        assert!(
            !values.contains(&60.0) && !values.contains(&20.0),
            "{values:?}"
        );
    }

    #[test]
    fn a_clause_set_between_commas_is_passed_over() {
        let cs = claims(
            "In December 2025, service prices climbed 3.9%. Core inflation, which leaves \
             out food and energy prices, stood at 2.9%.",
        );
        let core = cs.iter().find(|c| c.value == 2.9).expect("core");
        assert_eq!(core.metric.as_str(), "core inflation", "{core:?}");
    }

    /// The metric of the figure of value `v` in document `doc`.
    fn metric_of_figure(cs: &[Claim], doc: u32, v: f64) -> &str {
        cs.iter()
            .find(|c| c.doc == doc && c.value == v)
            .map(|c| c.metric.as_str())
            .unwrap_or_else(|| panic!("{v} in {doc}: {cs:?}"))
    }

    /// The claims of each text, the text's index its document number, and
    /// the documents' names.
    fn claims_of_texts(texts: &[&str]) -> (Vec<Claim>, Vec<String>) {
        let docs: Vec<String> = (0..texts.len()).map(|i| format!("{i}.txt")).collect();
        let mut cs = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            cs.extend(extract_claims(&DocView::analyze(i as u32, t)));
        }
        (cs, docs)
    }

    fn docs_named(c: &crate::Conflict) -> Vec<&str> {
        c.mentions.iter().map(|m| m.doc.as_ref()).collect()
    }

    #[test]
    fn a_count_of_units_is_no_money_metric_carried_on() {
        let cs = claims("Qelmaris Motors reported Q3 PAT of Rs 3,181 cr on revenue of Rs 35,450 cr. SUV volumes rose 19% to 2.48 lakh units.");
        let pat = cs.iter().find(|c| c.value == 3.181e10).expect("PAT");
        assert_eq!(pat.metric.as_str(), "net profit");
        let units = cs.iter().find(|c| c.value == 248000.0).expect("units");
        assert!(!units.metric.as_str().contains("revenue"), "{units:?}");
    }

    #[test]
    fn a_dated_base_in_a_plan_is_what_was() {
        let cs = claims("BEIJING, March 3, 2026 -- Geely plans to export 1 million vehicles in 2026, up from 420,000 in 2025, the company said.");
        let plan = cs.iter().find(|c| c.value == 1e6).expect("the plan");
        assert!(plan.scope.as_str().contains("forecast"), "{plan:?}");
        let base = cs.iter().find(|c| c.value == 420000.0).expect("the base");
        assert_eq!(base.period.map(|p| p.iso()).as_deref(), Some("2025"));
        assert!(!base.scope.as_str().contains("forecast"), "{base:?}");
        // It counts what the plan counts.
        assert_eq!(base.metric, plan.metric);
        assert_eq!(base.unit.as_str(), "vehicle");
        // Without a date of its own, the base is no figure of a known year.
        let cs = claims("BEIJING, March 3, 2026 -- Geely plans to export 1 million vehicles in 2026, up from 420,000.");
        let base = cs.iter().find(|c| c.value == 420000.0).expect("the base");
        assert_ne!(base.unit.as_str(), "vehicle");
    }

    #[test]
    fn companies_sharing_a_core_are_told_apart_across_documents() {
        let texts = [
            "Roston Robotics plc said its revenue reached RMB 38.1 billion in 2025.",
            "Roston Shipping Co. said its revenue reached RMB 62.3 billion in 2025.",
            "Roston Robotics said its revenue was RMB 45 billion in 2025.",
        ];
        let (cs, docs) = claims_of_texts(&texts);
        assert!(cs.iter().all(|c| c.subject.as_str() == "Roston"), "{cs:?}");
        let report = crate::reconcile(&cs, &docs);
        // The robot maker's two figures conflict; the shipper is another company.
        assert_eq!(report.conflicts.len(), 1, "{:?}", report.conflicts);
        let named = docs_named(&report.conflicts[0]);
        assert!(!named.contains(&"1.txt"), "{named:?}");
        // With one tail in the run, the core stays the subject.
        let report = crate::reconcile(
            &cs[..1].iter().chain(&cs[2..]).cloned().collect::<Vec<_>>(),
            &docs,
        );
        assert_eq!(report.conflicts.len(), 1);
    }

    #[test]
    fn a_claim_stays_small() {
        // Millions are held at once: the report's memory is mostly claims.
        assert_eq!(std::mem::size_of::<Claim>(), 112);
    }

    #[test]
    fn a_count_of_other_things_is_no_whole_of_a_share() {
        let text = "Velmora Motors said overseas deliveries reached 86,730 vehicles in 2025, \
                    or 15.1% of the total, as it entered 14 new markets in Europe.";
        let report = crate::reconcile(&claims(text), &["a.txt".to_string()]);
        assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
        // A whole counted in the part's own unit is still checked.
        let text = "Velmora Motors said overseas deliveries reached 86,730 vehicles in 2025, \
                    or 35.1% of its 574,000 vehicles.";
        let report = crate::reconcile(&claims(text), &["a.txt".to_string()]);
        assert_eq!(report.conflicts.len(), 1, "{:?}", report.conflicts);
    }

    #[test]
    fn a_running_total_above_the_year_s_own_runs_from_further_back() {
        let text = "Velmora Motors said on Jan. 2, 2026 that deliveries reached 1,233,418 vehicles in 2025.\n\n\
                    As of December 31, 2025, cumulative deliveries reached 2,684,900 vehicles.";
        let cs = claims(text);
        let total = cs
            .iter()
            .find(|c| c.value == 2684900.0)
            .expect("the running total");
        assert!(total.scope.as_str().contains("cumulative"), "{total:?}");
        let report = crate::reconcile(&cs, &["a.txt".to_string()]);
        assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
        // The year to that day, as a release with no smaller yearly total means it.
        let cs =
            claims("As of December 31, 2025, cumulative deliveries reached 1,233,418 vehicles.");
        assert!(!cs[0].scope.as_str().contains("cumulative"), "{:?}", cs[0]);
    }

    #[test]
    fn two_analysts_forecasts_do_not_conflict() {
        let text = "Kestrel Motors said its revenue rose 5% to SGD 80 million in 2025.\n\n\
                    Chen Martin, an analyst at Silverfin Partners, expects revenue of SGD 87 million in 2026.\n\n\
                    Zhu Yuhan, an analyst at Harbourline Research, expects revenue of SGD 95 million in 2026.";
        let cs = claims(text);
        let report = crate::reconcile(&cs, &["a.txt".to_string()]);
        assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
        let scopes: Vec<&str> = cs
            .iter()
            .filter(|c| c.has(flags::MODAL))
            .map(|c| c.scope.as_str())
            .collect();
        assert_eq!(scopes.len(), 2, "{scopes:?}");
        assert_ne!(scopes[0], scopes[1]);
    }

    #[test]
    fn a_founding_year_is_no_period() {
        let cs = claims(
            "Calgen Cell's revenue rose 5% to RMB 3 billion in 2025.\n\nFounded in 1953, Calgen Cell employs 10,336 employees and has plants in Wuhan.",
        );
        let c = cs.iter().find(|c| c.value == 10336.0).expect("a claim");
        assert_ne!(c.period.map(|p| p.iso()).as_deref(), Some("1953"));
    }

    #[test]
    fn destinations_are_scope() {
        let cs = claims("In 2025, Zhejiang's exports to the EU reached 8 billion yuan.");
        let c = cs.iter().find(|c| c.value == 8e9).expect("a claim");
        assert!(c.scope.as_str().starts_with("to E"), "{:?}", c.scope);
        assert_eq!(c.subject.as_str(), "Zhejiang");
    }

    #[test]
    fn forecasts_are_scoped_apart() {
        let cs = claims("In 2026, Zhejiang's exports are expected to reach 9 billion yuan.");
        assert!(cs.iter().all(|c| c.has(flags::MODAL)));
    }

    #[test]
    fn a_present_tense_headcount_is_as_of_the_text_s_date() {
        let text = "Released 4 April 2025\n\nIts revenue rose 5% to 14.3 billion yen in 2021. \
                    Founded in 1992, Dorora Auto employs 346 employees and has plants in Osaka. \
                    Dorora Auto had 300 employees in 2021.";
        let cs = claims(text);
        let employs = cs.iter().find(|c| c.value == 346.0).unwrap();
        assert_eq!(employs.period, Some(Period::year(2025)), "{employs:?}");
        assert_eq!(employs.period_how, How::Dated);
        let had = cs.iter().find(|c| c.value == 300.0).unwrap();
        assert_eq!(had.period, Some(Period::year(2021)), "{had:?}");
        // A dateline without its year dates the headcount on no year.
        let cs = claims(
            "TOKYO, Jan. 3 (Wire) -- Its revenue rose 5% to 14.3 billion yen in 2021.\n\n\
             Dorora Auto employs 346 employees and has plants in Osaka.",
        );
        let employs = cs.iter().find(|c| c.value == 346.0).unwrap();
        assert_eq!((employs.period, employs.period_how), (None, How::Dated));
        // Unless the date is known from outside the text.
        let text = "TOKYO, Jan. 3 (Wire) -- Its revenue rose 5% to 14.3 billion yen in 2021.\n\n\
                    Dorora Auto employs 346 employees and has plants in Osaka.";
        let mut view = DocView::analyze(0, text);
        view.date = Some((2026, 1, 3));
        let cs = extract_claims(&view);
        let employs = cs.iter().find(|c| c.value == 346.0).unwrap();
        assert_eq!(employs.period, Some(Period::year(2026)), "{employs:?}");
        // A change of headcount is no headcount as of a day.
        let cs = claims(
            "Released 4 April 2025\n\nIn 2024 revenue rose. Dorora Auto has added 346 employees.",
        );
        assert!(cs.iter().all(|c| c.period_how != How::Dated), "{cs:?}");
    }

    #[test]
    fn an_object_added_to_a_forecast_is_forecast_too() {
        let cs = claims(
            "We forecast net profit of 3.7 billion won in 2025, with a market share of 4-14% at home.",
        );
        assert_eq!(cs.len(), 2, "{cs:?}");
        assert!(cs.iter().all(|c| c.has(flags::MODAL)), "{cs:?}");
        // Not every `with` after a figure is part of a plan.
        let cs = claims("Revenue rose to 3.7 billion won in 2025, with a market share of 14%.");
        assert!(cs.iter().all(|c| !c.has(flags::MODAL)), "{cs:?}");
    }

    /// The words before a name as `mark_entity_roles` read them when it
    /// collected them all.
    fn tail_roles_by_list(lower_tail: &str) -> (bool, bool) {
        let tail_words: Vec<&str> = lower_tail
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let last = tail_words.last().copied().unwrap_or("");
        let last2 = if tail_words.len() >= 2 {
            tail_words[tail_words.len() - 2]
        } else {
            ""
        };
        let l1 = if last == "the" { last2 } else { last };
        let (mut destination, mut excluded) = (false, false);
        if matches!(l1, "to" | "into") {
            destination = true;
            excluded = true;
        }
        let n = tail_words.len();
        if tail_words[n.saturating_sub(3)..].windows(2).any(|w| {
            w[1] == "in" && matches!(w[0], "based" | "headquartered" | "located" | "registered")
        }) || (n >= 3 && tail_words[n - 3] == "based" && tail_words[n - 2] == "in")
        {
            excluded = true;
        }
        if matches!(l1, "like" | "than" | "as" | "with" | "versus" | "vs") {
            excluded = true;
        }
        (destination, excluded)
    }

    #[test]
    fn tail_roles_read_from_the_end_agree_with_the_list() {
        let pieces = [
            "based", "in", "the", "to", "into", "like", "as", "vs", "located", "x", " ", ", ", "-",
            "é", "9",
        ];
        let mut next = crate::test_rng::xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..20_000 {
            let tail = crate::test_rng::random_text(&mut next, &pieces, 7);
            assert_eq!(tail_roles(&tail), tail_roles_by_list(&tail), "{tail:?}");
        }
    }

    /// [`cjk_here`] without its look at the last byte.
    fn cjk_here_by_chars(text: &str, at: usize, sent_start: usize) -> bool {
        text[sent_start..at]
            .chars()
            .rev()
            .find(|c| !c.is_whitespace())
            .is_some_and(is_han)
    }

    #[test]
    fn cjk_here_agrees_with_a_look_back_by_characters() {
        let pieces = [
            "出口", "a", "1", " ", "\u{b}", "\n", "\u{a0}", "，", "é", "(",
        ];
        let mut next = crate::test_rng::xorshift(0x5151_7e57_0000_0001);
        for _ in 0..20_000 {
            let text = crate::test_rng::random_text(&mut next, &pieces, 6);
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(
                    cjk_here(&text, at, 0),
                    cjk_here_by_chars(&text, at, 0),
                    "{text:?} {at}"
                );
            }
        }
    }

    #[test]
    fn a_walk_on_from_a_cursor_finds_what_a_search_finds() {
        let mut next = crate::test_rng::xorshift(0x0bad_5eed_1234_5678);
        for _ in 0..2_000 {
            let n = (next() % 12) as usize;
            let mut items: Vec<usize> = (0..n).map(|_| (next() % 20) as usize).collect();
            items.sort_unstable();
            for from in 0..=n + 1 {
                for at in 0..22 {
                    let want = items.partition_point(|&x| x < at);
                    assert_eq!(
                        first_at_or_after(&items, from, |&x| x, at),
                        want,
                        "{items:?} {from} {at}"
                    );
                }
            }
        }
    }

    #[test]
    fn word_facts_agree_with_the_lists() {
        let by_lists = |w: &str| {
            fact_words()
                .filter(|(l, _)| *l == w)
                .fold(0, |bits, (_, bit)| bits | bit)
        };
        let mut words: Vec<String> = Vec::new();
        for (w, _) in fact_words() {
            words.push(w.to_string());
            // Near misses: one letter more, one less, one changed.
            let cut = w.char_indices().last().map_or(0, |(i, _)| i);
            words.push(format!("{w}s"));
            words.push(format!("x{w}"));
            words.push(w[..cut].to_string());
            words.push(format!("{}x", &w[..cut]));
        }
        words.extend(["", "x", "xxxxxxxxxxxxxxxxxxxxxxx", "2025", "é", "其中"].map(String::from));
        for w in &words {
            assert_eq!(fact_table().get(w), by_lists(w), "{w:?}");
        }
    }
}
