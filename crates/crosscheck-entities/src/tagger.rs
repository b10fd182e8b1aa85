//! The rules: capitalized runs of words become candidate names, split and
//! labelled from gazetteer, shape and context evidence; a document pass then
//! resolves short forms against the full names found.

use crate::canonical::{company_core, tidy, tidy_cow, tidy_owned};
use crate::gazetteer::{is, FxMap, FxSet};
use crate::gazetteer::{Gazetteer, Hit, Source};
use crate::rules::*;
use crate::word_memo::WordMemo;
use crate::{Entity, Label};
use crosscheck_text::{Shape, Span, Token, TokenKind};
use std::borrow::Cow;

/// The length of the longest word of `list`.
const fn longest(list: &[&str]) -> usize {
    let mut max = 0;
    let mut i = 0;
    while i < list.len() {
        if list[i].len() > max {
            max = list[i].len();
        }
        i += 1;
    }
    max
}

/// The longest abbreviation: a longer word is none, without a look-up.
const ABBREVIATION_MAX_LEN: usize = longest(ABBREVIATIONS);

/// The longest of the small words a name is joined by or a headline leaves
/// in lower case ([`CONNECTORS`], [`FUNCTION`]).
const SMALL_WORD_MAX_LEN: usize = {
    let (c, f) = (longest(CONNECTORS), longest(FUNCTION));
    if c > f {
        c
    } else {
        f
    }
};

/// False when the word `w` (its bytes) is surely none of the small words
/// ([`SMALL_WORD_MAX_LEN`]) in any case, without a look-up: an ASCII word
/// longer than all of them (its lower case is as long; another word's may
/// not be).
fn may_be_small_word(w: &[u8]) -> bool {
    w.len() <= SMALL_WORD_MAX_LEN || !w.is_ascii()
}

/// The fewest buckets of [`Ctx::rescan`]'s table of names by their first word.
const RESCAN_BUCKETS: usize = 1024;

/// The most buckets of [`Ctx::rescan`]'s table a thread keeps for its next
/// document (a quarter of a megabyte).
const RESCAN_BUCKETS_KEPT: usize = 1 << 16;

/// [`Ctx::rescan`]'s bucket of a name by its first word: the word's length,
/// first two bytes and last byte tell most words of a document apart, and
/// take no pass over the word.
fn first_word_key(word: &[u8]) -> usize {
    let (a, b, z) = match word {
        [] => (0, 0, 0),
        [a] => (*a, 0, *a),
        [a, b, ..] => (*a, *b, word[word.len() - 1]),
    };
    let mixed = (word.len() as u64) << 24 | u64::from(a) << 16 | u64::from(b) << 8 | u64::from(z);
    // Fibonacci hashing: the top bits of the product depend on every input bit.
    (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize
}

thread_local! {
    /// [`Ctx::rescan`]'s bucket heads, every one empty between documents.
    static RESCAN_HEADS: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// How many company names [`Ctx::core`] remembers per thread before it
/// starts afresh (a bound on the memory, about a megabyte).
const CORES_MAX: usize = 16_384;

/// What the gazetteer says of a word, as bits, memoized per thread by
/// [`Ctx::facts`] (every gazetteer is built from the same embedded data, so
/// the answers hold for any tagger).
mod facts {
    /// [`super::Gazetteer::get`] finds it.
    pub const ENTRY: u16 = 1;
    /// [`super::Ctx::is_common`].
    pub const COMMON: u16 = 2;
    /// The word in lower case (a final dot kept) is an ordinary word.
    pub const COMMON_EXACT: u16 = 4;
    /// [`super::Gazetteer::is_given`].
    pub const GIVEN: u16 = 8;
    /// [`super::Gazetteer::is_place_adjective`].
    pub const PLACE_ADJECTIVE: u16 = 16;
    /// A longer gazetteer name begins with it and a separator
    /// ([`super::Gazetteer::info`]).
    pub const PREFIX: u16 = 32;
    /// [`super::Ctx::legal_uncached`]: a legal form or word, as a name's
    /// last word.
    pub const LEGAL: u16 = 64;
    /// [`super::Ctx::is_cn_surname`].
    pub const CN_SURNAME: u16 = 128;
    /// [`super::Ctx::is_pinyin_given`] was asked; the answer is
    /// [`PINYIN_GIVEN`]. (Asked of few words, it is worked out on the
    /// first asking, not for every word met: [`super::Ctx::lazy_fact`].)
    pub const PINYIN_ASKED: u16 = 256;
    /// A given name in pinyin, once [`PINYIN_ASKED`].
    pub const PINYIN_GIVEN: u16 = 512;
    /// Whether the word, title-cased, names an unambiguous place was asked
    /// (of a word in capitals, [`super::Ctx::capitals_place`]); the answer
    /// is [`TITLED_PLACE`].
    pub const TITLED_ASKED: u16 = 1024;
    /// The word title-cased names an unambiguous place, once [`TITLED_ASKED`].
    pub const TITLED_PLACE: u16 = 2048;
    /// No gazetteer entry: [`super::WordFacts::entry`]'s value then.
    pub const NO_ENTRY: u32 = u32::MAX;
    /// How many words the memo holds before it starts afresh
    /// ([`super::WordMemo`]).
    pub const MEMO_MAX: usize = 65_536;
    /// Slots of [`super::Ctx::recent_facts`] (a power of two).
    pub const RECENT: usize = 16;
}

/// What the gazetteer says of one word: its [`facts`] bits and its entry,
/// found by one look-up of the thread's memo ([`Ctx::word`]).
#[derive(Debug, Clone, Copy)]
struct WordFacts {
    bits: u16,
    /// The gazetteer entry named exactly so, or [`facts::NO_ENTRY`].
    entry: u32,
}

impl Default for WordFacts {
    fn default() -> Self {
        WordFacts::NONE
    }
}

impl WordFacts {
    const NONE: WordFacts = WordFacts {
        bits: 0,
        entry: facts::NO_ENTRY,
    };

    /// The entry named exactly by the word.
    fn entry(self) -> Option<u32> {
        (self.entry != facts::NO_ENTRY).then_some(self.entry)
    }
}

/// The lists a document's [`Ctx`] fills and empties again, kept per thread
/// between documents: made afresh, they were a dozen allocations (and as
/// many frees) per document.
#[derive(Default)]
struct Buffers {
    units: Vec<Unit>,
    cap_units: Vec<u32>,
    hits: Vec<Hit>,
    pieces: Vec<(usize, usize)>,
    parts: Vec<(usize, usize)>,
    hit_spans: Vec<(usize, usize, usize, u32)>,
    chosen: Vec<(usize, usize, u32)>,
    lower: String,
    titled: String,
    els: Vec<El>,
    chunks: Vec<(usize, usize)>,
    name_runs: Vec<(usize, usize)>,
    merged: Vec<Span>,
}

impl Buffers {
    /// The largest list (in elements) kept for the next document: one huge
    /// document does not hold its lists' memory for the thread's life.
    const KEEP_MAX: usize = 1 << 16;

    /// Empties every list and shrinks any grown past [`Buffers::KEEP_MAX`].
    fn reset(&mut self) {
        fn reset<T>(v: &mut Vec<T>) {
            v.clear();
            v.shrink_to(Buffers::KEEP_MAX);
        }
        reset(&mut self.units);
        reset(&mut self.cap_units);
        reset(&mut self.hits);
        reset(&mut self.pieces);
        reset(&mut self.parts);
        reset(&mut self.hit_spans);
        reset(&mut self.chosen);
        reset(&mut self.els);
        reset(&mut self.chunks);
        reset(&mut self.name_runs);
        reset(&mut self.merged);
        self.lower.clear();
        self.titled.clear();
    }
}

thread_local! {
    /// The lists of the thread's last document ([`Buffers`]).
    static BUFFERS: std::cell::RefCell<Buffers> = std::cell::RefCell::new(Buffers::default());
    /// [`Ctx::facts`]' memo, between documents.
    static FACTS: std::cell::RefCell<WordMemo<WordFacts>> =
        std::cell::RefCell::new(WordMemo::new(facts::MEMO_MAX));
    /// The core of each company name met so far on this thread ([`company_core`]).
    static CORES: std::cell::RefCell<FxMap<Box<str>, String>> = std::cell::RefCell::new(FxMap::default());
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Touching the previous unit.
    None,
    /// One space on the same line.
    Space,
    /// Joined by a hyphen inside one token: `Mercedes-Benz`, `Hong Kong-listed`.
    Hyphen,
    /// Anything wider: line breaks, several spaces.
    Break,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    /// `'s` or `’s` after a name.
    Possessive,
    Punct,
    /// One Han (or other CJK) character.
    Cjk,
    Other,
}

/// One unit of a sentence: a word (or a piece of a hyphenated one), a
/// possessive, a punctuation mark or another token.
///
/// Its offsets are kept as `u32`, as the tokens keep theirs (texts are
/// shorter than 4 GiB): a unit is 12 bytes, not 24, and a sentence's units
/// are written for every token of the text.
#[derive(Debug, Clone, Copy)]
struct Unit {
    lo: u32,
    hi: u32,
    kind: Kind,
    gap: Gap,
    /// First letter upper case.
    cap: bool,
    /// Every letter upper case, two letters or more.
    caps: bool,
}

impl Unit {
    fn new(start: usize, end: usize, kind: Kind, gap: Gap, cap: bool, caps: bool) -> Unit {
        Unit {
            lo: start as u32,
            hi: end as u32,
            kind,
            gap,
            cap,
            caps,
        }
    }

    fn start(&self) -> usize {
        self.lo as usize
    }

    fn end(&self) -> usize {
        self.hi as usize
    }
}

/// One element of a candidate name: a word (with a following abbreviation
/// dot or a comma before a legal form folded in) or a connector.
#[derive(Debug, Clone, Copy)]
struct El {
    start: usize,
    end: usize,
    /// The word without its trailing dot.
    word_end: usize,
    unit: usize,
    conn: bool,
    /// The word classes of the word (`start..word_end`), looked up once.
    wc: u32,
}

#[derive(Debug, Clone)]
struct Mention {
    start: usize,
    end: usize,
    label: Label,
    canonical: String,
}

/// Spans sorted by start, each paired with the furthest end of the spans
/// up to it: whether some span of a set covers or overlaps a given one is
/// then one binary search, not a walk over the set (which made the
/// document pass quadratic in a long document's mentions).
struct Reach(Vec<(usize, usize)>);

impl Reach {
    fn new(spans: impl Iterator<Item = (usize, usize)>) -> Reach {
        let mut spans: Vec<(usize, usize)> = spans.collect();
        spans.sort_unstable();
        let mut reach = 0;
        for span in spans.iter_mut() {
            reach = reach.max(span.1);
            span.1 = reach;
        }
        Reach(spans)
    }

    /// Whether some span starts at or before `start` and ends at or after `end`.
    fn covers(&self, start: usize, end: usize) -> bool {
        let up_to = self.0.partition_point(|span| span.0 <= start);
        up_to > 0 && self.0[up_to - 1].1 >= end
    }

    /// Whether some span starts before `end` and ends after `start`.
    fn overlaps(&self, start: usize, end: usize) -> bool {
        let up_to = self.0.partition_point(|span| span.0 < end);
        up_to > 0 && self.0[up_to - 1].1 > start
    }
}

/// A name the sentence could not decide; the document pass may.
#[derive(Debug, Clone)]
struct Pending {
    start: usize,
    end: usize,
    /// Gazetteer reading to fall back to, when the context allows it.
    fallback: Option<(Label, String)>,
    /// A person cue (title, speech verb) stood next to it.
    person_cue: bool,
    /// A place cue (`in`, `from`) or company cue stood next to it.
    other_cue: bool,
    /// The place cue was only a possessive (`Qiantang's`), which a company
    /// has as often as a place.
    possessive_cue: bool,
    /// Opening a sentence or in a headline, where capitals prove nothing.
    weak: bool,
}

/// Gazetteer hits in a piece as element ranges and entries; shared, since
/// one piece is asked for up to three times.
///
/// Most pieces hold no hit or one or two: those are kept inline, so that
/// asking costs no allocation.
#[derive(Debug, Clone)]
enum Hits {
    Inline(u8, [(usize, usize, u32); 2]),
    Shared(std::rc::Rc<[(usize, usize, u32)]>),
}

impl Hits {
    const NONE: Hits = Hits::Inline(0, [(0, 0, 0); 2]);

    fn from_slice(hits: &[(usize, usize, u32)]) -> Hits {
        match *hits {
            [] => Hits::NONE,
            [a] => Hits::Inline(1, [a, (0, 0, 0)]),
            [a, b] => Hits::Inline(2, [a, b]),
            _ => Hits::Shared(hits.into()),
        }
    }
}

impl std::ops::Deref for Hits {
    type Target = [(usize, usize, u32)];

    fn deref(&self) -> &Self::Target {
        match self {
            Hits::Inline(n, a) => &a[..usize::from(*n)],
            Hits::Shared(h) => h,
        }
    }
}

struct Ctx<'a> {
    gaz: &'a Gazetteer,
    text: &'a str,
    units: Vec<Unit>,
    /// Whether the sentence is a headline ([`Ctx::detect_headline`]),
    /// once asked: most sentences never need to know.
    headline: Option<bool>,
    hits: Vec<Hit>,
    /// The last piece looked up (start, end, elements) and its hits: the
    /// same piece is often asked for three times.
    hits_key: (usize, usize, usize),
    hits_cache: Hits,
    /// The empty hit list, shared.
    no_hits: Hits,
    /// Connector-split pieces of a part (a buffer reused between parts).
    pieces: Vec<(usize, usize)>,
    /// Parts of a chunk (a buffer reused between chunks).
    parts: Vec<(usize, usize)>,
    /// Gazetteer hits of a piece before the leftmost-longest choice, and
    /// the choice (buffers reused between pieces).
    hit_spans: Vec<(usize, usize, usize, u32)>,
    chosen: Vec<(usize, usize, u32)>,
    lower: String,
    found: Vec<Mention>,
    pending: Vec<Pending>,
    /// The elements of the chunk being read (a buffer reused between chunks).
    els: Vec<El>,
    /// Every capitalized run seen, for the document pass: those of every
    /// document of the batch, one document's after another's
    /// ([`Read::chunks`]).
    chunks: Vec<(usize, usize)>,
    /// The runs of two elements or more among `chunks`: the only ones a
    /// name of two words can recur in (one element holds no space).
    name_runs: Vec<(usize, usize)>,
    /// Acronyms defined in brackets: `(CPCA)` -> the name before it.
    acronyms: Vec<(String, Label, String)>,
    /// The words of the piece being classified (a buffer reused between pieces).
    words: Vec<&'a str>,
    /// A dateline's words title-cased (a buffer reused between pieces).
    titled: String,
    /// The next hyphen or apostrophe in the text at or after the last word
    /// asked about (the text's length when none is left): words come in
    /// text order, so one forward search serves every word up to it.
    mark: usize,
    /// The sentence's units hold a Chinese character.
    has_cjk: bool,
    /// The sentence's capitalized words, as unit indices in order.
    cap_units: Vec<u32>,
    /// The thread's memo of [`Ctx::facts`], taken for the document.
    facts: WordMemo<WordFacts>,
    /// The facts of words of the text asked about lately, by where the
    /// word stands (start, length): the rules ask several facts of one word
    /// in a row (`is_common` then `is_given`, `is_demonym` then `is_common`),
    /// and a slice of the text is known by its place without hashing it.
    recent_facts: [(usize, usize, WordFacts); facts::RECENT],
}

/// What the sentence pass found in one document, kept for its document
/// pass ([`Ctx::finish`]).
struct Read<'a> {
    text: &'a str,
    found: Vec<Mention>,
    pending: Vec<Pending>,
    acronyms: Vec<(String, Label, String)>,
    /// The document's capitalized runs, as a range of [`Ctx::chunks`]
    /// (which holds every document's of the batch, one after another).
    chunks: std::ops::Range<usize>,
    /// The document's runs of two elements or more, as a range of
    /// [`Ctx::name_runs`].
    name_runs: std::ops::Range<usize>,
}

/// Tags each document of `docs` (its text, tokens and sentences): one list
/// of mentions per document, in order.
///
/// Every document's sentence pass runs first, then every document's
/// document pass: the two are tens of kilobytes of machine code, more than
/// a core's instruction cache holds together, and run document by document
/// the document pass was fetched again for each story. (Nothing the
/// sentence pass keeps between documents depends on the document: the
/// memo of words and the cores of names are by word and name.)
pub(crate) fn tag_many<'a>(
    gaz: &'a Gazetteer,
    docs: impl IntoIterator<Item = (&'a str, &'a [Token], &'a [Span])>,
) -> Vec<Vec<Entity>> {
    let mut b = BUFFERS.with(|b| std::mem::take(&mut *b.borrow_mut()));
    b.reset();
    let mut cx = Ctx {
        gaz,
        text: "",
        units: b.units,
        headline: None,
        hits: b.hits,
        hits_key: (usize::MAX, 0, 0),
        hits_cache: Hits::NONE,
        no_hits: Hits::NONE,
        pieces: b.pieces,
        parts: b.parts,
        hit_spans: b.hit_spans,
        chosen: b.chosen,
        lower: b.lower,
        found: Vec::new(),
        pending: Vec::new(),
        els: b.els,
        acronyms: Vec::new(),
        chunks: b.chunks,
        name_runs: b.name_runs,
        words: Vec::with_capacity(16),
        titled: b.titled,
        mark: 0,
        has_cjk: false,
        cap_units: b.cap_units,
        facts: FACTS.with(|f| f.replace(WordMemo::new(facts::MEMO_MAX))),
        recent_facts: [(usize::MAX, 0, WordFacts::NONE); facts::RECENT],
    };
    let mut merged = b.merged;
    let reads: Vec<Read<'a>> = docs
        .into_iter()
        .map(|(text, tokens, sentences)| cx.read(text, tokens, sentences, &mut merged))
        .collect();
    let found = reads.into_iter().map(|read| cx.finish(read)).collect();
    cx.put_back(merged);
    found
}

/// The few places English writes in lower case, which the name chunks
/// (capitalised words) never hold: the euro area as `euro area`, `euro
/// zone` or `eurozone` (`GDP rose 0.3% in the euro area`).
fn lower_case_places(text: &str, out: &mut Vec<Mention>) {
    let b = text.as_bytes();
    for at in memchr::memmem::find_iter(b, b"uro") {
        let Some(start) = at.checked_sub(1) else {
            continue;
        };
        if !matches!(b[start], b'e' | b'E')
            || start > 0 && (b[start - 1].is_ascii_alphanumeric() || b[start - 1] >= 0x80)
        {
            continue;
        }
        let rest = &b[at + 3..];
        let len = [&b" area"[..], b" zone", b"-zone", b"zone"]
            .iter()
            .find(|tail| rest.len() >= tail.len() && rest[..tail.len()].eq_ignore_ascii_case(tail))
            .map(|tail| tail.len());
        let Some(len) = len else { continue };
        let end = at + 3 + len;
        if b.get(end)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80)
        {
            continue;
        }
        out.push(Mention {
            start,
            end,
            label: Label::Place,
            canonical: "Euro Area".to_string(),
        });
    }
}

/// Sentence spans with a break before a legal form undone: `Tanvir
/// Batteries Pvt.` / `Ltd., and …` is one sentence (a legal form never opens one).
fn join_legal_forms(gaz: &Gazetteer, text: &str, sentences: &[Span], out: &mut Vec<Span>) {
    out.clear();
    out.reserve(sentences.len());
    for s in sentences {
        if let Some(prev) = out.last_mut() {
            let before = text[prev.start..prev.end].trim_end();
            // The abbreviation first: a sentence's last word mostly is
            // none, and is turned away by its first letter; the next
            // sentence's first word is read only after it.
            let joins = ends_in_abbreviation(before) && {
                let gap = &text[prev.start + before.len()..s.start];
                let next = &text[s.start..s.end];
                let word_len = next
                    .bytes()
                    .position(|b| !b.is_ascii_alphabetic())
                    .unwrap_or(next.len());
                let word = &next[..word_len];
                // The tests of the next word's shape first: they need no look-up.
                gap.len() <= 1 && (1..=8).contains(&word_len) && is_upper_start(word) && {
                    // An ASCII word: its lower case asked for without making it.
                    crate::gazetteer::classes_ascii_lower(word) & cls::LEGAL_WORDS != 0
                        || gaz.is_legal_ascii(word)
                }
            };
            if joins {
                prev.end = s.end;
                continue;
            }
        }
        out.push(*s);
    }
}

/// True when `before` (a sentence, white space trimmed) ends in an
/// abbreviation and its dot (`Pvt.`).
fn ends_in_abbreviation(before: &str) -> bool {
    let Some(b) = before.strip_suffix('.') else {
        return false;
    };
    // The word after the last space or comma, looked for only as far back
    // as an abbreviation reaches: a separator further back leaves a word
    // too long to be one.
    let bb = b.as_bytes();
    let lim = bb.len().saturating_sub(ABBREVIATION_MAX_LEN + 1);
    let w = match bb[lim..].iter().rposition(|&c| c == b' ' || c == b',') {
        Some(p) => &b[lim + p + 1..],
        None if lim == 0 => b,
        None => return false,
    };
    // Every abbreviation is capitalized (a test holds the list to it): a
    // sentence's last word mostly is not, and needs no look-up.
    w.len() <= ABBREVIATION_MAX_LEN
        && w.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && is(w, cls::ABBREVIATIONS)
}

/// Where the first hyphen or apostrophe at or after `from` is in `bytes`
/// (`bytes.len()` when there is none).
#[inline]
fn hyphen_or_apostrophe_from(bytes: &[u8], from: usize) -> usize {
    memchr::memchr2(b'-', b'\'', &bytes[from..]).map_or(bytes.len(), |p| from + p)
}

/// True when `s` holds white space (as `char::is_whitespace` says), by a
/// byte test for ASCII text.
fn has_whitespace(s: &str) -> bool {
    // Eight bytes at a time while they are ASCII; the rest as characters.
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let b = s.as_bytes();
    for at in (0..b.len()).step_by(8) {
        let v = crate::gazetteer::load8_padded(b, at);
        if v & HI != 0 {
            // The bytes before `at` are ASCII (so `at` is a char boundary)
            // and no white space.
            return s[at..].contains(char::is_whitespace);
        }
        // Each byte with its high bit set, less a bound below 0x80, keeps
        // that bit exactly when the byte is at or above the bound (no
        // borrow crosses bytes): white space is 0x09 to 0x0d and 0x20.
        let x = v | HI;
        let at_least = |bound: u64| x.wrapping_sub(bound * LO);
        let white = (at_least(0x09) & !at_least(0x0e)) | (at_least(0x20) & !at_least(0x21));
        if white & HI != 0 {
            return true;
        }
    }
    false
}

fn is_upper_start(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Appends `w` title-cased to `out`: its first letter in upper case, the
/// rest in lower case (`FUZHOU` as `Fuzhou`).
fn push_title_case(out: &mut String, w: &str) {
    if w.is_ascii() && !w.is_empty() {
        // ASCII case mapping is bytewise: no char-by-char Unicode tables.
        let at = out.len();
        out.push_str(w);
        out[at..].make_ascii_lowercase();
        out[at..at + 1].make_ascii_uppercase();
    } else {
        let mut c = w.chars();
        if let Some(f) = c.next() {
            out.extend(f.to_uppercase().chain(c.flat_map(char::to_lowercase)));
        }
    }
}

/// The title case of `last`, a word in capitals, with its word classes,
/// when that is an organisation's tail (`DAILY` as `Daily`).
///
/// Out of line: few names end in a word in capitals.
#[cold]
#[inline(never)]
fn org_tail_in_capitals(last: &str) -> Option<(String, u32)> {
    let mut titled = String::with_capacity(last.len());
    push_title_case(&mut titled, last);
    let titled_wc = crate::gazetteer::classes(titled.as_str());
    (titled_wc & cls::ORG_TAILS != 0).then_some((titled, titled_wc))
}

/// Adds a unit that is no word (never capitalized) to `units`.
#[inline]
fn push_other(units: &mut Vec<Unit>, t: &Token, kind: Kind, gap: Gap) {
    units.push(Unit::new(t.start(), t.end(), kind, gap, false, false));
}

/// Adds the unit `start..end` of `text` to `units` (and to `cap_units`,
/// by its index, when it is a capitalized word).
#[inline]
fn push_unit(
    units: &mut Vec<Unit>,
    cap_units: &mut Vec<u32>,
    text: &str,
    (start, end): (usize, usize),
    kind: Kind,
    gap: Gap,
) {
    let w = &text[start..end];
    let cap = kind == Kind::Word && is_upper_start(w);
    // Only a capitalized word can be all capitals: lower-case words, the
    // bulk of a text, skip the letter count.
    let caps = cap && {
        let mut letters = 0;
        let mut upper = 0;
        for c in w.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            upper += usize::from(c.is_uppercase());
        }
        letters >= 2 && upper == letters
    };
    if cap {
        cap_units.push(units.len() as u32);
    }
    units.push(Unit::new(start, end, kind, gap, cap, caps));
}

/// Adds the word token `start..end` of `text` to `units`, split at hyphens
/// and before a possessive.
fn push_word(
    units: &mut Vec<Unit>,
    cap_units: &mut Vec<u32>,
    text: &str,
    start: usize,
    end: usize,
    gap: Gap,
) {
    let w = &text[start..end];
    if !w.bytes().any(|b| b == b'-' || b == b'\'' || b >= 0x80) {
        // Plain ASCII word without hyphen or apostrophe: one unit.
        push_unit(units, cap_units, text, (start, end), Kind::Word, gap);
        return;
    }
    let mut body = w;
    let mut poss = None;
    for p in ["'s", "’s", "'S", "’S"] {
        if let Some(b) = w.strip_suffix(p) {
            if !b.is_empty() {
                body = b;
                poss = Some(start + b.len());
            }
            break;
        }
    }
    let mut g = gap;
    let mut off = start;
    for (k, part) in body.split('-').enumerate() {
        if k > 0 {
            off += 1;
            g = Gap::Hyphen;
        }
        if !part.is_empty() {
            push_unit(
                units,
                cap_units,
                text,
                (off, off + part.len()),
                Kind::Word,
                g,
            );
        }
        off += part.len();
    }
    if let Some(p) = poss {
        push_unit(
            units,
            cap_units,
            text,
            (p, end),
            Kind::Possessive,
            Gap::None,
        );
    }
}

impl<'a> Ctx<'a> {
    fn s(&self, start: usize, end: usize) -> &'a str {
        &self.text[start..end]
    }

    fn ut(&self, i: usize) -> &'a str {
        let u = self.units[i];
        &self.text[u.start()..u.end()]
    }

    /// The bytes of unit `i`, for the tests that need no `&str`: slicing
    /// the text as a `str` also checks that both ends are character
    /// boundaries, and the rules read units by the tens of thousands.
    fn unit_bytes(&self, i: usize) -> &'a [u8] {
        let u = self.units[i];
        &self.text.as_bytes()[u.start()..u.end()]
    }

    /// True when unit `i` is exactly `s`.
    #[inline]
    fn unit_is(&self, i: usize, s: &str) -> bool {
        self.unit_bytes(i) == s.as_bytes()
    }

    /// The word classes of unit `i` ([`crate::gazetteer::classes`]).
    fn unit_classes(&self, i: usize) -> u32 {
        crate::gazetteer::classes_of_bytes(self.unit_bytes(i))
    }

    fn lower_of(&mut self, w: &str) -> &str {
        self.lower.clear();
        if w.is_ascii() {
            self.lower.push_str(w);
            self.lower.make_ascii_lowercase();
        } else {
            self.lower.extend(w.chars().flat_map(char::to_lowercase));
        }
        &self.lower
    }

    /// True when `w` in lower case is in the list(s) of `class`.
    fn lower_is(&mut self, w: &str, class: u32) -> bool {
        if w.is_ascii() {
            // The class table folds ASCII case itself: no lower-case copy.
            return crate::gazetteer::classes_ascii_lower(w) & class != 0;
        }
        is(self.lower_of(w), class)
    }

    /// What the gazetteer says of `w` ([`facts`]), from the thread's memo
    /// when `w` was asked about before: capitalized words recur within a
    /// story and across stories, and one hash look-up of the memo answers
    /// what would be up to five look-ups of the gazetteer.
    fn facts(&mut self, w: &str) -> u16 {
        self.word(w).bits
    }

    /// [`Ctx::facts`] of `w` with its gazetteer entry: one look-up answers
    /// what the rules ask of a word (the entry, whether a longer name goes
    /// on, whether it is an ordinary word, a given name...).
    fn word(&mut self, w: &str) -> WordFacts {
        let Some((at, slot)) = self.recent_slot(w) else {
            return self.memo_facts(w);
        };
        let (s_at, s_len, s_facts) = self.recent_facts[slot];
        if s_at == at && s_len == w.len() {
            return s_facts;
        }
        let f = self.memo_facts(w);
        self.recent_facts[slot] = (at, w.len(), f);
        f
    }

    /// Where `w` starts in the text and its slot of
    /// [`Ctx::recent_facts`], when it is a slice of the text (a word built
    /// elsewhere, a title case, is looked up by content).
    fn recent_slot(&self, w: &str) -> Option<(usize, usize)> {
        let at = (w.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
        if at > self.text.len() || w.len() > self.text.len() - at {
            return None;
        }
        Some((at, (at ^ w.len()) & (facts::RECENT - 1)))
    }

    /// A fact of `w` worked out only when first asked, by `ask`, and kept
    /// with its other facts: `asked` says it was, `yes` holds the answer.
    /// (The rules ask some questions of few words; answering them for
    /// every word met costs more than it saves.)
    fn lazy_fact(
        &mut self,
        w: &str,
        asked: u16,
        yes: u16,
        ask: impl FnOnce(&mut Self, &str) -> bool,
    ) -> bool {
        let bits = self.word(w).bits;
        if bits & asked != 0 {
            return bits & yes != 0;
        }
        let answer = ask(self, w);
        let learnt = asked | if answer { yes } else { 0 };
        // `word` left `w` in the memo (and in its recent slot, when it is
        // a slice of the text): both learn the answer.
        if let Some(f) = self.facts.get_mut(w) {
            f.bits |= learnt;
        }
        if let Some((at, slot)) = self.recent_slot(w) {
            let (s_at, s_len, s_facts) = &mut self.recent_facts[slot];
            if *s_at == at && *s_len == w.len() {
                s_facts.bits |= learnt;
            }
        }
        answer
    }

    /// True when `w` in lower case is a given name in pinyin, of up to three
    /// syllables ([`Gazetteer::is_pinyin_given`]).
    fn is_pinyin_given(&mut self, w: &str) -> bool {
        self.lazy_fact(w, facts::PINYIN_ASKED, facts::PINYIN_GIVEN, |cx, w| {
            let gaz = cx.gaz;
            gaz.is_pinyin_given(cx.lower_of(w))
        })
    }

    /// [`Ctx::word`] from the thread's memo, worked out on a miss.
    fn memo_facts(&mut self, w: &str) -> WordFacts {
        if let Some(f) = self.facts.get(w) {
            return f;
        }
        let f = self.new_facts(w);
        self.facts.insert(w, f);
        f
    }

    /// [`Ctx::facts`] of a word the memo lacks, asked of the gazetteer
    /// (kept out of line: most words are in the memo).
    #[inline(never)]
    fn new_facts(&mut self, w: &str) -> WordFacts {
        let gaz = self.gaz;
        let mut f = 0;
        let info = gaz.info(w);
        let entry = info.and_then(|i| i.entry());
        if entry.is_some() {
            f |= facts::ENTRY;
        }
        if info.is_some_and(|i| i.prefix) {
            f |= facts::PREFIX;
        }
        if self.common_uncached(w) {
            f |= facts::COMMON;
        }
        if self.common_exact_uncached(w) {
            f |= facts::COMMON_EXACT;
        }
        if gaz.is_given(w) {
            f |= facts::GIVEN;
        }
        if gaz.is_place_adjective(w) {
            f |= facts::PLACE_ADJECTIVE;
        }
        if self.legal_uncached(w) {
            f |= facts::LEGAL;
        }
        if self.cn_surname_uncached(w) {
            f |= facts::CN_SURNAME;
        }
        WordFacts {
            bits: f,
            entry: entry.unwrap_or(facts::NO_ENTRY),
        }
    }

    /// True when `w` in lower case, final dots dropped, is an ordinary word.
    fn is_common(&mut self, w: &str) -> bool {
        self.facts(w) & facts::COMMON != 0
    }

    /// True when `w` is a known given name ([`Gazetteer::is_given`]).
    fn is_given(&mut self, w: &str) -> bool {
        self.facts(w) & facts::GIVEN != 0
    }

    /// True when `w` in lower case is a Chinese surname in pinyin.
    fn is_cn_surname(&mut self, w: &str) -> bool {
        self.facts(w) & facts::CN_SURNAME != 0
    }

    /// [`Ctx::is_cn_surname`] asked of the gazetteer: an ASCII word in any
    /// case, without a lower-case copy.
    fn cn_surname_uncached(&mut self, w: &str) -> bool {
        let gaz = self.gaz;
        if w.is_ascii() {
            return gaz.is_cn_surname_ascii(w);
        }
        gaz.is_cn_surname(self.lower_of(w))
    }

    /// True when `w`, as a name's last word, makes the name a company's
    /// ([`Ctx::classify_words`]): without its final dots and in lower case,
    /// a legal word, or a legal form with or without one dot.
    fn legal_uncached(&mut self, w: &str) -> bool {
        let gaz = self.gaz;
        if w.is_ascii() {
            // Dots have no case: the bare word is the word without its final
            // dots, asked for in any case (no lower-case copy), with and
            // without a dot in one look-up.
            let bare = w.trim_end_matches('.');
            return crate::gazetteer::classes_ascii_lower(bare) & cls::LEGAL_WORDS != 0
                || gaz.is_legal_bare_ascii(bare);
        }
        let l = self.lower_of(w);
        let bare_len = l.trim_end_matches('.').len();
        self.lower.truncate(bare_len);
        let bare = self.lower.as_str();
        is(bare, cls::LEGAL_WORDS) || gaz.is_legal(bare) || {
            self.lower.push('.');
            gaz.is_legal(&self.lower)
        }
    }

    fn common_exact_uncached(&mut self, w: &str) -> bool {
        let gaz = self.gaz;
        if w.is_ascii() {
            // Looked up in any case: no lower-case copy.
            return gaz.is_common_ascii(w);
        }
        gaz.is_common(self.lower_of(w))
    }

    fn common_uncached(&mut self, w: &str) -> bool {
        let gaz = self.gaz;
        if w.is_ascii() {
            // Dots have no case: trimming them before lower-casing is the same.
            return gaz.is_common_ascii(w.trim_end_matches('.'));
        }
        let l = self.lower_of(w);
        gaz.is_common(l.trim_end_matches('.'))
    }

    /// The units of the tokens from `tokens[from]` on that start before
    /// `end` (a sentence's); returns the index of the first token after them.
    ///
    /// Kept out of line (called once per sentence): its loop over every
    /// token is a fifth of the tagger, and shows apart in a profile.
    #[inline(never)]
    fn build_units(&mut self, tokens: &[Token], from: usize, end: usize) -> usize {
        // The lists and the mark are worked on as locals, put back at the
        // end: a push to a field reloads and stores the list's length and
        // the mark at every token, and a sentence's tokens are the bulk of
        // what the tagger reads.
        let mut units = std::mem::take(&mut self.units);
        let mut cap_units = std::mem::take(&mut self.cap_units);
        units.clear();
        cap_units.clear();
        // The sentence's tokens, by a binary search for the first that
        // starts at or after its end (tokens come in text order): the loop
        // over them then asks no token where it starts.
        let rest = tokens.get(from..).unwrap_or_default();
        let sentence = &rest[..rest.partition_point(|t| t.start() < end)];
        // A unit per token but for split words and spaces: mostly no growing.
        units.reserve(sentence.len());
        let mut has_cjk = false;
        let mut mark = self.mark;
        let text = self.text;
        let bytes = text.as_bytes();
        let mut gap = Gap::Break;
        for t in sentence {
            match t.kind {
                TokenKind::Space => {
                    // One byte that is a plain space: the same line.
                    gap = if t.len() == 1 && bytes.get(t.start()) == Some(&b' ') {
                        Gap::Space
                    } else {
                        Gap::Break
                    };
                    continue;
                }
                TokenKind::Word => {
                    // Plain ASCII words (no hyphen, apostrophe or accent), the
                    // bulk of a text: one unit, its capitals from the token's
                    // shape (all capitals there is two capitals and no
                    // lower-case letter, for such a word).
                    if mark < t.start() {
                        mark = hyphen_or_apostrophe_from(bytes, t.start());
                    }
                    if !t.shape.has(Shape::NON_ASCII) && mark >= t.end() {
                        let cap = bytes.get(t.start()).is_some_and(u8::is_ascii_uppercase);
                        if cap {
                            cap_units.push(units.len() as u32);
                        }
                        units.push(Unit::new(
                            t.start(),
                            t.end(),
                            Kind::Word,
                            gap,
                            cap,
                            cap && t.shape.has(Shape::ALL_CAPS),
                        ));
                    } else {
                        push_word(&mut units, &mut cap_units, text, t.start(), t.end(), gap);
                    }
                }
                // Only a word can be capitalized.
                TokenKind::Punct => push_other(&mut units, t, Kind::Punct, gap),
                TokenKind::Cjk => {
                    has_cjk = true;
                    push_other(&mut units, t, Kind::Cjk, gap);
                }
                _ => push_other(&mut units, t, Kind::Other, gap),
            }
            gap = Gap::None;
        }
        self.units = units;
        self.cap_units = cap_units;
        self.has_cjk = has_cjk;
        self.mark = mark;
        from + sentence.len()
    }

    fn is_word(&self, i: usize) -> bool {
        self.units.get(i).is_some_and(|u| u.kind == Kind::Word)
    }

    fn is_cap_word(&self, i: usize) -> bool {
        self.units
            .get(i)
            .is_some_and(|u| u.kind == Kind::Word && u.cap)
    }

    /// Title Case or ALL CAPS lines: capitals there say nothing.
    fn detect_headline(&mut self) -> bool {
        // A full stop, in either script (units are read as bytes: no `&str`
        // needs making to compare a mark).
        let is_stop = |b: &[u8]| b == b"." || b == "。".as_bytes();
        // Most sentences end with a full stop: no headline, nothing to count.
        if let Some(i) = self.units.iter().rposition(|u| u.kind != Kind::Other) {
            if self.units[i].kind == Kind::Punct && is_stop(self.unit_bytes(i)) {
                return false;
            }
        }
        let mut words = 0;
        let mut caps = 0;
        let mut common_caps = 0;
        // The last mark after the last counted word is a full stop.
        let mut stop_last = false;
        let total = self.units.iter().filter(|u| u.kind == Kind::Word).count();
        let mut seen = 0;
        for i in 0..self.units.len() {
            let u = self.units[i];
            if u.kind == Kind::Punct {
                stop_last = is_stop(self.unit_bytes(i));
            }
            if u.kind != Kind::Word {
                continue;
            }
            seen += 1;
            let w = self.unit_bytes(i);
            let skip = if !may_be_small_word(w) {
                false
            } else if w.iter().all(u8::is_ascii_lowercase) {
                // A lower-case word is its own lower case: one probe answers both lists.
                let c = crate::gazetteer::classes_of_bytes(w);
                c & (cls::CONNECTORS | cls::FUNCTION) != 0
            } else {
                !u.cap && crate::gazetteer::classes_of_bytes(w) & cls::CONNECTORS != 0
                    || self.lower_is(self.ut(i), cls::FUNCTION)
            };
            if skip {
                continue;
            }
            stop_last = false;
            words += 1;
            caps += usize::from(u.cap);
            // Too many lower-case words already for 80% capitals, whatever follows.
            if 4 * (words - caps) > caps + (total - seen) {
                return false;
            }
        }
        if words < 4 || caps * 10 < words * 8 || stop_last {
            return false;
        }
        for i in 0..self.units.len() {
            let u = self.units[i];
            if u.kind == Kind::Word
                && u.cap
                && u.end() - u.start() > 1
                && self.is_common(self.ut(i))
            {
                common_caps += 1;
            }
        }
        // A line of names (`Analysts: Zhou Xinyi, Michael T. Brennan`) is no headline:
        // headlines capitalize ordinary words.
        words >= 4 && caps * 10 >= words * 8 && common_caps * 10 >= caps * 4 && !stop_last
    }

    /// True when the sentence is a headline, worked out on first asking.
    fn headline(&mut self) -> bool {
        match self.headline {
            Some(h) => h,
            None => {
                let h = self.detect_headline();
                self.headline = Some(h);
                h
            }
        }
    }

    fn is_initial_pos(&self, i: usize) -> bool {
        let mut j = i;
        while j > 0 {
            j -= 1;
            let u = self.units[j];
            match u.kind {
                Kind::Word | Kind::Possessive => return false,
                Kind::Punct => {
                    let p = self.ut(j);
                    // A straight quote after `,` or `.` closes a quotation: `…," Fang said`.
                    let closing = matches!(p, "\"" | "'")
                        && j > 0
                        && self.units[j - 1].kind == Kind::Punct
                        && matches!(self.ut(j - 1), "," | "." | "?" | "!");
                    return !closing
                        && matches!(
                            p,
                            "“" | "\"" | "‘" | "'" | "(" | "[" | ":" | "—" | "–" | "-" | "•"
                        );
                }
                Kind::Other | Kind::Cjk => {
                    if u.gap == Gap::Break {
                        return true;
                    }
                }
            }
        }
        true
    }

    fn sentence(&mut self) {
        self.headline = None;
        // Runs of Chinese characters: no capitals, no spaces; the gazetteer
        // and name suffixes decide.
        let mut i = if self.has_cjk { 0 } else { self.units.len() };
        while i < self.units.len() {
            if self.units[i].kind != Kind::Cjk {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < self.units.len()
                && self.units[j].kind == Kind::Cjk
                && self.units[j].gap == Gap::None
            {
                j += 1;
            }
            let (s, e) = (self.units[i].start(), self.units[j - 1].end());
            self.cjk_run(s, e);
            i = j;
        }
        // The capitalized words in order, each opening a run unless an
        // earlier run took it in.
        let cap_units = std::mem::take(&mut self.cap_units);
        let mut i = 0;
        for &c in &cap_units {
            if (c as usize) < i {
                continue;
            }
            i = c as usize;
            let wc = self.unit_classes(i);
            if wc & cls::CALENDAR != 0 {
                i += 1;
                continue;
            }
            let mut els = std::mem::take(&mut self.els);
            let next = self.chunk(i, wc, &mut els);
            if let (Some(f), Some(l)) = (els.first(), els.last()) {
                self.chunks.push((f.start, l.end));
                if els.len() >= 2 {
                    self.name_runs.push((f.start, l.end));
                }
            }
            self.process_chunk(&mut els);
            self.els = els;
            i = next;
        }
        self.cap_units = cap_units;
    }

    /// Names in a run of Chinese characters from `s` to `e`: gazetteer places
    /// (`浙江省`, `匈牙利`), a place with an organisation suffix (`杭州海关`), and
    /// companies by their legal suffix (`…股份有限公司`).
    ///
    /// Kept out of line: most sentences hold no Chinese, and inlined into
    /// [`Ctx::sentence`] its code crowded the instruction cache there.
    #[inline(never)]
    fn cjk_run(&mut self, s: usize, e: usize) {
        let run = self.s(s, e);
        let mut hits = std::mem::take(&mut self.hits);
        self.gaz.cjk_hits(run, &mut hits);
        let mut found: Vec<(usize, usize, u32)> =
            hits.iter().map(|h| (h.start, h.end, h.entry)).collect();
        self.hits = hits;
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut end = 0;
        let mut places: Vec<(usize, usize, Label, String)> = Vec::new();
        for (a, b, id) in found {
            if a < end {
                continue;
            }
            let entry = &self.gaz.entries[id as usize];
            if entry.label != Label::Place {
                continue;
            }
            end = b;
            let rest = &run[b..];
            let org = ZH_ORG_SUFFIXES.iter().find(|(zh, _)| rest.starts_with(zh));
            match org {
                Some((zh, en)) => {
                    let canon = format!("{} {en}", entry.canonical);
                    end = b + zh.len();
                    places.push((a, end, Label::Organization, canon));
                }
                None => places.push((a, b, Label::Place, entry.canonical.clone())),
            }
        }
        // Companies: the name runs from the clause start (or the place that
        // opens it) to the legal suffix.
        let mut companies: Vec<(usize, usize, String)> = Vec::new();
        let mut from = 0;
        while let Some((pos, suffix)) = ZH_COMPANY_SUFFIXES
            .iter()
            .filter_map(|suf| run[from..].find(suf).map(|p| (from + p, *suf)))
            .min_by_key(|x| x.0)
        {
            let stop = pos + suffix.len();
            let start = if run[from..pos].chars().count() <= 12 {
                from
            } else {
                places
                    .iter()
                    .filter(|p| p.0 >= from && p.1 <= pos && p.2 == Label::Place)
                    .map(|p| p.0)
                    .next_back()
                    .unwrap_or(pos)
            };
            if pos > start {
                companies.push((start, stop, run[start..pos].to_string()));
            }
            from = stop;
        }
        for (a, b, canon) in &companies {
            self.found.push(Mention {
                start: s + a,
                end: s + b,
                label: Label::Company,
                canonical: canon.clone(),
            });
        }
        for (a, b, label, canon) in places {
            if companies.iter().any(|c| c.0 <= a && a < c.1) {
                continue;
            }
            self.found.push(Mention {
                start: s + a,
                end: s + b,
                label,
                canonical: canon,
            });
        }
    }

    /// The longest run of name elements starting at unit `i`, into `els`;
    /// returns the unit after it.
    fn chunk(&mut self, i: usize, wc: u32, els: &mut Vec<El>) -> usize {
        els.clear();
        els.push(self.el_with(i, wc));
        let mut j = i + 1;
        while let Some(&last) = els.last() {
            let Some(u) = self.units.get(j).copied() else {
                break;
            };
            if u.kind == Kind::Word
                && !u.cap
                && u.gap == Gap::Hyphen
                && !last.conn
                && u.end() - u.start() <= 5
                && self.unit_classes(j) & cls::HYPHEN_TAILS == 0
                && self.s(last.start, last.word_end).len() <= 5
            {
                // `Park Ji-hoon`, `Ma Ying-jeou`: syllables of one given name.
                if let Some(l) = els.last_mut() {
                    l.end = u.end();
                    l.word_end = u.end();
                    l.wc = crate::gazetteer::classes(self.s(l.start, l.word_end));
                }
                j += 1;
                continue;
            }
            if u.kind == Kind::Word
                && !u.cap
                && u.gap == Gap::Space
                && !last.conn
                && matches!(
                    self.unit_bytes(j),
                    b"plc" | b"ltd" | b"inc" | b"llc" | b"gmbh" | b"corp" | b"pte" | b"bhd"
                )
            {
                // `Keshua Cell plc said`: a legal form written in lower
                // case ends the name it belongs to, at a sentence's start
                // as anywhere. Only abbreviations: the legal-suffix list
                // also holds `company` and `limited`, which in lower case
                // are as often plain words (`Big Data limited the ...`).
                let wc = self.unit_classes(j);
                els.push(self.el_with(j, wc));
                j += 1;
                break;
            }
            if u.kind == Kind::Word && u.cap && matches!(u.gap, Gap::Space | Gap::Hyphen) {
                let wc = self.unit_classes(j);
                if wc & cls::CALENDAR == 0 {
                    els.push(self.el_with(j, wc));
                    j += 1;
                    continue;
                }
            }
            if u.kind == Kind::Punct && u.gap == Gap::None && self.unit_is(j, ".") && !last.conn {
                let w = self.s(last.start, last.word_end);
                if last.end == last.word_end && self.takes_abbreviation_dot(w) {
                    if let Some(l) = els.last_mut() {
                        l.end = u.end();
                    }
                    j += 1;
                    continue;
                }
                break;
            }
            if u.kind == Kind::Punct && u.gap == Gap::None && self.unit_is(j, ",") && !last.conn {
                // `Co., Ltd.`, `Acme, Inc.`
                if self.is_word(j + 1) && self.units[j + 1].gap == Gap::Space {
                    let w = self.ut(j + 1);
                    if matches!(
                        w,
                        "Ltd" | "Inc" | "LLC" | "Limited" | "Ltda" | "S.A" | "PLC"
                    ) {
                        els.push(self.el(j + 1));
                        j += 2;
                        continue;
                    }
                }
                break;
            }
            // A run mostly ends at a lower-case word: the capitalized word
            // a connector needs after it is asked for before the word lists.
            if u.gap == Gap::Space
                && !last.conn
                && self.is_cap_word(j + 1)
                && self.units[j + 1].gap == Gap::Space
                // `Infosys on Thursday reported`, `Acme in March`: a month or
                // a day after the word ends the name before it.
                && self.unit_classes(j + 1) & cls::CALENDAR == 0
                && (u.kind == Kind::Word && !u.cap && self.unit_classes(j) & cls::CONNECTORS != 0
                    || u.kind == Kind::Other && self.unit_is(j, "&"))
            {
                let mut c = self.el(j);
                c.conn = true;
                els.push(c);
                els.push(self.el(j + 1));
                j += 2;
                continue;
            }
            break;
        }
        j
    }

    /// True when the word `w` of a run keeps the full stop right after it:
    /// an initial (`T.`), an abbreviation (`Co.`), a word with dots
    /// already (`U.S`) or a legal form (`Corp.`).
    ///
    /// Out of line: asked only where a full stop touches a run's word, and
    /// its lower-case copy and look-ups would otherwise sit in the middle of
    /// [`Ctx::chunk`]'s loop.
    #[inline(never)]
    fn takes_abbreviation_dot(&mut self, w: &str) -> bool {
        w.chars().count() == 1 && is_upper_start(w)
            || is(w, cls::ABBREVIATIONS)
            || w.contains('.')
            || {
                // The lower case and its dot in the reused buffer.
                self.lower_of(w);
                self.lower.push('.');
                self.gaz.is_legal(&self.lower)
            }
    }

    fn el(&self, i: usize) -> El {
        self.el_with(i, self.unit_classes(i))
    }

    /// The element of unit `i`, whose word classes `wc` are known already.
    fn el_with(&self, i: usize, wc: u32) -> El {
        let u = self.units[i];
        El {
            start: u.start(),
            end: u.end(),
            word_end: u.end(),
            unit: i,
            conn: false,
            wc,
        }
    }

    fn ew(&self, e: &El) -> &'a str {
        self.s(e.start, e.word_end)
    }

    /// The bytes of [`Ctx::ew`], for tests that need no `&str` ([`Ctx::unit_bytes`]).
    fn ew_bytes(&self, e: &El) -> &'a [u8] {
        &self.text.as_bytes()[e.start..e.word_end]
    }

    /// Gazetteer hits in `els` that start and end on element boundaries,
    /// leftmost-longest, as element index ranges.
    ///
    /// A piece is mostly asked about again right after (see
    /// [`Ctx::hits_cache`]): that answer is given here, inline, and the
    /// search itself is a call of its own, so that a repeated question
    /// does not pay for the search's set-up.
    #[inline]
    fn gaz_hits(&mut self, els: &[El]) -> Hits {
        let (Some(first), Some(last)) = (els.first(), els.last()) else {
            return self.no_hits.clone();
        };
        if self.hits_key == (first.start, last.end, els.len()) {
            return self.hits_cache.clone();
        }
        self.find_gaz_hits(els)
    }

    /// [`Ctx::gaz_hits`] of a piece not asked about just before (`els` is
    /// not empty), kept as the last answer.
    #[inline(never)]
    fn find_gaz_hits(&mut self, els: &[El]) -> Hits {
        let (Some(first), Some(last)) = (els.first(), els.last()) else {
            return self.no_hits.clone();
        };
        let base = first.start;
        let piece = self.s(base, last.end);
        if els.len() == 1 {
            // One word: a hash look-up finds what the automaton would.
            let out = match self.word(piece).entry() {
                Some(id) => Hits::from_slice(&[(0, 1, id)]),
                None => self.no_hits.clone(),
            };
            self.hits_key = (base, last.end, 1);
            self.hits_cache = out.clone();
            return out;
        }
        // Each name that starts and ends on element boundaries, by hash
        // look-ups of the text from each element on, extended element by
        // element while the text so far begins some name. (Element ends are
        // followed by a space, a hyphen or a comma, where the gazetteer's
        // name prefixes end.)
        let mut out = std::mem::take(&mut self.hit_spans);
        out.clear();
        for a in 0..els.len() {
            if els[a].conn {
                continue;
            }
            let s = els[a].start;
            for (b, e) in els.iter().enumerate().skip(a) {
                // One look-up: a name here, and whether a longer one goes on
                // (of one word, from the memo of words, which the rules
                // asked about it or will).
                let (entry, prefix) = if b == a {
                    let f = self.word(self.s(s, e.end));
                    (f.entry(), f.bits & facts::PREFIX != 0)
                } else {
                    let info = self.gaz.info(self.s(s, e.end));
                    (info.and_then(|i| i.entry()), info.is_some_and(|i| i.prefix))
                };
                if !e.conn {
                    if e.word_end != e.end {
                        let bare = self.s(s, e.word_end);
                        let id = if b == a {
                            self.word(bare).entry()
                        } else {
                            self.gaz.entry_id(bare)
                        };
                        if let Some(id) = id {
                            out.push((a, b + 1, e.word_end, id));
                        }
                    }
                    if let Some(id) = entry {
                        out.push((a, b + 1, e.end, id));
                    }
                }
                if !prefix {
                    break;
                }
            }
        }
        // Leftmost, then longest; of two readings of one span (with and
        // without a final dot) the shorter first.
        if out.len() > 1 {
            out.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)).then(x.2.cmp(&y.2)));
        }
        let mut chosen = std::mem::take(&mut self.chosen);
        chosen.clear();
        for &(a, b, _, id) in &out {
            if chosen.last().is_none_or(|c| a >= c.1) {
                chosen.push((a, b, id));
            }
        }
        self.hit_spans = out;
        let hits: Hits = if chosen.is_empty() {
            self.no_hits.clone()
        } else {
            Hits::from_slice(&chosen)
        };
        self.chosen = chosen;
        let chosen = hits;
        self.hits_key = (base, last.end, els.len());
        self.hits_cache = chosen.clone();
        chosen
    }

    fn process_chunk(&mut self, els: &mut Vec<El>) {
        // Whether the first element opens the sentence, once asked (a lone
        // element keeps its place: the openers dropped below need two).
        let mut initial_known = None;
        if els.len() == 1 {
            // The common case, `The`, `In`, `Exports` opening a sentence:
            // decide without the general machinery.
            let e = els[0];
            let w = self.ew(&e);
            let c = e.wc;
            // A determiner, a month or day, or an abbreviation of goods or
            // measures (`NEV`, `GDP`) is no name alone.
            if c & (cls::DETERMINERS | cls::CALENDAR | cls::NOT_NAMES) != 0 {
                return;
            }
            // The tests known without a look-up first.
            if c & (cls::TITLES | cls::CREDITS) == 0
                && !self.units[e.unit].caps
                && (*initial_known.insert(self.is_initial_pos(e.unit)) || self.headline())
                // One look-up: an ordinary word, neither a gazetteer name nor a given name.
                && self.facts(w) & (facts::ENTRY | facts::COMMON | facts::GIVEN) == facts::COMMON
            {
                return;
            }
        }
        // Openers that are never part of a name.
        // (A lone word stays, whatever it is: asked before the word lists.)
        while els.len() > 1 {
            let f = els[0];
            if f.wc & cls::DETERMINERS != 0
                || f.word_end - f.start > 1
                    && may_be_small_word(self.ew_bytes(&f))
                    && self.lower_is(self.ew(&f), cls::FUNCTION)
            {
                els.remove(0);
                continue;
            }
            break;
        }
        if els.is_empty() {
            return;
        }
        // A capitalized ordinary word opening a sentence or standing in a
        // headline is no evidence; it splits the run unless a gazetteer
        // name or a name tail covers it.
        let hits = self.gaz_hits(els);
        let covered = |k: usize| hits.iter().any(|h| h.0 <= k && k < h.1 && h.1 - h.0 > 1);
        // Parts are runs of `els`, as index ranges; `cur` is the open one.
        let mut parts = std::mem::take(&mut self.parts);
        parts.clear();
        let mut cur: Option<(usize, usize)> = None;
        let initial = match initial_known {
            Some(i) => i,
            None => self.is_initial_pos(els[0].unit),
        };
        let tailed = {
            let l = els[els.len() - 1].wc;
            els.len() >= 2
                && (l & (cls::ORG_TAILS | cls::COMPANY_TAILS | cls::PLACE_TAILS) != 0
                    || (1..els.len()).any(|k| {
                        els[k].conn
                            && self.ew(&els[k]) == "of"
                            && els[k - 1].wc & cls::ORG_HEADS != 0
                    }))
        };
        let mut title_cue = false;
        let n = els.len();
        let org_named = els[n - 1].wc & cls::ORG_TAILS != 0;
        let mut k = 0;
        while k < n {
            let e = els[k];
            // Titles: `Commerce Minister Wang Wentao`, `Geely CEO Li`.
            if !covered(k) && !e.conn && !org_named {
                let mut core = k;
                let mut has_title = false;
                while core < n && !els[core].conn {
                    let el = els[core];
                    // A word with a final dot is asked without it; one
                    // without has its classes at hand.
                    let c = if self.ew_bytes(&el).last() == Some(&b'.') {
                        crate::gazetteer::classes(self.ew(&el).trim_end_matches('.'))
                    } else {
                        el.wc
                    };
                    if c & cls::TITLES != 0 {
                        has_title = true;
                    } else if c & cls::TITLE_MODIFIERS == 0 {
                        break;
                    }
                    core += 1;
                }
                if has_title {
                    if let Some(c) = cur.take() {
                        parts.push(c);
                    }
                    title_cue = core < n;
                    k = core;
                    continue;
                }
            }
            // Only a word in a headline or opening the sentence can be dropped;
            // the cheap tests come first.
            let wc = e.wc;
            const TAILS: u32 = cls::COMPANY_TAILS | cls::ORG_TAILS | cls::PLACE_TAILS;
            let is_tail = k > 0 && wc & TAILS != 0;
            let kept = e.conn
                || is_tail
                || self.units[e.unit].caps
                || covered(k)
                || k == 0 && hits.first().is_some_and(|h| h.0 == 0);
            let droppable = !kept
                && (k == 0 && initial || self.headline())
                && (!tailed
                    || k == 0 && self.headline() && {
                        // `Coastline Daily` keeps its first word; `Downgrade Qiantang Motor` does not.
                        k + 1 < n && {
                            let nx = self.ew(&els[k + 1]);
                            !els[k + 1].conn
                                && crate::gazetteer::classes(nx) & TAILS == 0
                                && !self.is_common(nx)
                        }
                    })
                && {
                    // The word's facts asked once for both tests.
                    let f = self.facts(self.ew(&e));
                    f & facts::COMMON != 0
                        && !(f & facts::GIVEN != 0 && k + 1 < n && !self.headline())
                }
                && {
                    // `Xing Bin`, `Li Gen`: neither word is an ordinary word here.
                    let pinyin_name = k + 1 < n && self.pinyin_pair(&e, &els[k + 1])
                        || k > 0 && self.pinyin_pair(&els[k - 1], &e);
                    !pinyin_name
                };
            // A dropped word ends the open part (in a headline a tail after
            // a name would belong to it, `Geely Auto`, but a dropped one ends
            // the part all the same).
            if droppable {
                if let Some(c) = cur.take() {
                    parts.push(c);
                }
                k += 1;
                continue;
            }
            cur = Some(match cur {
                Some((a, _)) => (a, k + 1),
                None => (k, k + 1),
            });
            k += 1;
        }
        if let Some(c) = cur {
            parts.push(c);
        }
        let nparts = parts.len();
        for (pi, &(mut a, mut b)) in parts.iter().enumerate() {
            while a < b && els[a].conn {
                a += 1;
            }
            while a < b && els[b - 1].conn {
                b -= 1;
            }
            if a == b {
                continue;
            }
            let cue = title_cue && pi + 1 == nparts;
            self.connect(&els[a..b], cue);
        }
        self.parts = parts;
    }

    /// True when `a` is a pinyin surname and `b` a pinyin given name.
    fn pinyin_pair(&mut self, a: &El, b: &El) -> bool {
        let (wa, wb) = (self.ew(a), self.ew(b));
        self.is_cn_surname(wa) && self.is_pinyin_given(wb)
    }

    /// Splits a part at connectors that do not join one name, then labels each piece.
    fn connect(&mut self, els: &[El], title_cue: bool) {
        let hits = self.gaz_hits(els);
        let mut pieces = std::mem::take(&mut self.pieces);
        pieces.clear();
        let mut from = 0;
        let mut org_of = false;
        for k in 0..els.len() {
            if !els[k].conn {
                continue;
            }
            let c = self.ew(&els[k]);
            let inside_hit = hits.iter().any(|h| h.0 < k && k < h.1);
            // The elements' word classes, looked up when they were made
            // (no list holds the empty word: no right side has none).
            let (c_wc, left_wc) = (els[k].wc, els[k - 1].wc);
            let right_last_wc = els[k + 1..]
                .iter()
                .take_while(|e| !e.conn)
                .last()
                .map_or(0, |e| e.wc);
            let right_place = {
                let r_len = els[k + 1..].iter().take_while(|e| !e.conn).count();
                let r = &els[k + 1..k + 1 + r_len];
                r.len() <= 3
                    && !r.is_empty()
                    && ({
                        let name = self.s(r[0].start, r[r.len() - 1].end);
                        // One word was asked about already (its facts are
                        // at hand): no hashing of it again.
                        let entry = if r.len() == 1 {
                            self.word(name).entry()
                        } else {
                            self.gaz.entry_id(name)
                        };
                        entry.is_some_and(|id| self.gaz.entries[id as usize].label == Label::Place)
                    } || r.len() >= 2 && r[r.len() - 1].wc & cls::PLACE_TAILS != 0)
            };
            let left_len = els[from..k].iter().filter(|e| !e.conn).count();
            // `University of Hong Kong`, but `Securities and Futures Commission of Hong Kong`.
            // `University of Hong Kong`; a longer body before `of` + place is
            // left joined too (`Maritime and Port Authority of Singapore`).
            let complete_left = c == "of" && right_place && left_len >= 6;
            let joins = !complete_left
                && (inside_hit
                || c == "&"
                || c == "of" && org_of && right_place
                || matches!(c, "of" | "for")
                    && left_wc
                        & (cls::ORG_HEADS | cls::COMPANY_HEADS | cls::PLACE_HEADS | cls::ORG_TAILS)
                        != 0
                // `Ministry of Industry and Information Technology`,
                // `Securities and Exchange Commission`, but two bodies in
                // `Ministry of Commerce and Hangzhou Customs`.
                || c == "and" && (org_of != (right_last_wc & cls::ORG_TAILS != 0))
                || c_wc & cls::PARTICLES != 0 && right_last_wc & cls::ORG_TAILS == 0);
            if joins {
                if matches!(c, "of" | "for") && left_wc & cls::ORG_HEADS != 0 {
                    org_of = true;
                }
                continue;
            }
            pieces.push((from, k));
            from = k + 1;
            org_of = false;
        }
        pieces.push((from, els.len()));
        let np = pieces.len();
        for (pi, &(a, b)) in pieces.iter().enumerate() {
            self.classify(&els[a..b], title_cue && pi + 1 == np);
        }
        self.pieces = pieces;
    }

    fn prev_word(&self, unit: usize, back: usize) -> Option<&'a str> {
        let mut j = unit;
        let mut seen = 0;
        while j > 0 {
            j -= 1;
            if self.units[j].kind == Kind::Word {
                seen += 1;
                if seen == back {
                    return Some(self.ut(j));
                }
            } else if self.units[j].kind == Kind::Punct && !self.unit_is(j, ",") {
                return None;
            }
        }
        None
    }

    fn unit_after(&self, e: &El) -> usize {
        let mut j = e.unit + 1;
        while j < self.units.len() && self.units[j].start() < e.end {
            j += 1;
        }
        j
    }

    /// Evidence of a person around `els`: titles, speech verbs, roles, credits.
    fn person_context(&mut self, els: &[El]) -> bool {
        let (Some(first), Some(last)) = (els.first(), els.last()) else {
            return false;
        };
        let a = first.unit;
        let b = self.unit_after(last);
        if let Some(p) = self.prev_word(a, 1) {
            if is(p, cls::SPEECH | cls::TITLES | cls::CREDITS) {
                return true;
            }
            if p == "By" && self.is_initial_pos(a - 1) {
                return true;
            }
            if p.eq_ignore_ascii_case("by")
                && self
                    .prev_word(a, 2)
                    .is_some_and(|q| self.lower_is(q, cls::BYLINE_WORDS))
            {
                return true;
            }
            if matches!(p, "to" | "by" | "with")
                && self
                    .prev_word(a, 2)
                    .is_some_and(|q| self.lower_is(q, cls::SPOKEN_WITH))
            {
                return true;
            }
        }
        if a > 0
            && self.unit_is(a - 1, "/")
            && a > 1
            && self.unit_classes(a - 2) & cls::CREDITS != 0
        {
            return true;
        }
        if a > 0
            && self.unit_is(a - 1, ":")
            && a > 1
            && self.unit_classes(a - 2) & cls::CREDITS != 0
        {
            return true;
        }
        if let Some(u) = self.units.get(b) {
            if u.kind == Kind::Word && self.unit_classes(b) & cls::SPEECH != 0 {
                return true;
            }
            if u.kind == Kind::Punct && self.unit_is(b, ",") {
                if let Some(v) = self.units.get(b + 1) {
                    if v.kind == Kind::Word && self.unit_classes(b + 1) & cls::SPEECH != 0 {
                        return true;
                    }
                    if v.kind == Kind::Word && self.appositive(b + 1) == Some(Label::Person) {
                        return true;
                    }
                    if v.kind == Kind::Word && self.unit_bytes(b + 1).iter().all(u8::is_ascii_digit)
                    {
                        return true;
                    }
                }
            }
            // (`Wang Meifang (Photo/…)` is rare; ages in brackets are not:
            // a bracket after the name is no evidence.)
        }
        false
    }

    /// What an appositive starting at unit `i` says the name before it is:
    /// `, chairman of Y` -> a person; `, a battery maker` -> a company.
    fn appositive(&self, i: usize) -> Option<Label> {
        let mut j = i;
        let mut seen = 0;
        while j < self.units.len() && seen < 4 {
            let u = self.units[j];
            if u.kind != Kind::Word {
                return None;
            }
            let w = self.ut(j);
            const STOPS: [&str; 6] = ["of", "at", "in", "for", "who", "which"];
            // The word's lower case is asked about: for ASCII, with the case
            // folded while reading rather than a lower-case copy.
            let (role, company, stop) = if w.is_ascii() {
                let c = crate::gazetteer::classes_ascii_lower(w);
                (
                    c & cls::ROLES != 0,
                    c & cls::COMPANY_LEFT != 0,
                    STOPS.iter().any(|s| w.eq_ignore_ascii_case(s)),
                )
            } else {
                let l = w.to_lowercase();
                (
                    is(&l, cls::ROLES),
                    is(&l, cls::COMPANY_LEFT),
                    STOPS.contains(&l.as_str()),
                )
            };
            if role || is(w, cls::TITLES) {
                return Some(Label::Person);
            }
            if company {
                return Some(Label::Company);
            }
            if stop {
                return None;
            }
            seen += 1;
            j += 1;
        }
        None
    }

    fn company_context(&mut self, els: &[El]) -> bool {
        let (Some(first), Some(last)) = (els.first(), els.last()) else {
            return false;
        };
        let a = first.unit;
        if let Some(p) = self.prev_word(a, 1) {
            if is(p, cls::COMPANY_LEFT) {
                return true;
            }
            if matches!(p, "listed" | "based" | "owned" | "backed" | "headquartered")
                && a > 0
                && self.units[a - 1].gap == Gap::Hyphen
            {
                return true;
            }
            if p == "of"
                && self
                    .prev_word(a, 2)
                    .is_some_and(|q| self.lower_is(q, cls::HELD_OF))
            {
                return true;
            }
        }
        let mut b = self.unit_after(last);
        // `Infosys on Thursday reported`: the day between a name and its
        // verb.
        if self.is_word(b)
            && matches!(self.unit_bytes(b), b"on" | b"in")
            && self.is_word(b + 1)
            && self.unit_classes(b + 1) & cls::CALENDAR != 0
            && self.is_word(b + 2)
            && self.unit_classes(b + 2) & cls::COMPANY_VERBS != 0
        {
            b += 2;
        }
        if let Some(u) = self.units.get(b).copied() {
            // `Qiantang's plant`: what a company has.
            if u.kind == Kind::Possessive
                && b + 1 < self.units.len()
                && self.unit_classes(b + 1) & cls::COMPANY_POSSESSED != 0
            {
                return true;
            }
            if u.kind == Kind::Word && self.unit_classes(b) & cls::COMPANY_VERBS != 0 {
                return true;
            }
            if u.kind == Kind::Punct
                && self.unit_is(b, ",")
                && self.appositive(b + 1) == Some(Label::Company)
            {
                return true;
            }
            if u.kind == Kind::Word
                && u.gap == Gap::Hyphen
                && matches!(self.unit_bytes(b), b"listed" | b"made" | b"branded")
            {
                return false;
            }
        }
        false
    }

    fn place_context(&self, els: &[El]) -> bool {
        let Some(first) = els.first() else {
            return false;
        };
        self.prev_word(first.unit, 1)
            .is_some_and(|p| is(p, cls::PLACE_LEFT))
    }

    fn emit(&mut self, els: &[El], label: Label, canonical: String) {
        let (Some(first), Some(last)) = (els.first(), els.last()) else {
            return;
        };
        let (start, end) = (first.start, last.end);
        // `China Passenger Car Association (CPCA)`.
        let b = self.unit_after(last);
        if b + 2 < self.units.len()
            && self.unit_is(b, "(")
            && self.units[b + 1].kind == Kind::Word
            && self.unit_is(b + 2, ")")
        {
            let acr = self.ut(b + 1);
            let n_up = acr.chars().filter(|c| c.is_uppercase()).count();
            if n_up >= 2 && acr.len() <= 10 {
                self.acronyms
                    .push((acr.to_string(), label, canonical.clone()));
            }
        }
        self.found.push(Mention {
            start,
            end,
            label,
            canonical,
        });
    }

    fn pend(&mut self, els: &[El], fallback: Option<(Label, String)>, person_cue: bool) {
        let (Some(first), Some(last)) = (els.first(), els.last()) else {
            return;
        };
        let weak = self.is_initial_pos(first.unit) || self.headline();
        let mut possessive_cue = false;
        let other_cue = match fallback.as_ref().map(|f| f.0) {
            Some(Label::Place) => {
                self.place_context(els) || {
                    possessive_cue = self
                        .units
                        .get(self.unit_after(last))
                        .is_some_and(|u| u.kind == Kind::Possessive);
                    possessive_cue
                }
            }
            Some(Label::Company) => self.company_context(els),
            _ => false,
        };
        self.pending.push(Pending {
            start: first.start,
            end: last.end,
            fallback,
            person_cue,
            other_cue,
            possessive_cue,
            weak,
        });
    }

    fn text_of(&self, els: &[El]) -> &'a str {
        match (els.first(), els.last()) {
            (Some(f), Some(l)) => self.s(f.start, l.end),
            _ => "",
        }
    }

    fn classify(&mut self, els: &[El], title_cue: bool) {
        if els.is_empty() {
            return;
        }
        let mut words = std::mem::take(&mut self.words);
        words.clear();
        // A plain loop: `extend` from the mapped iterator was an
        // out-of-line call per piece, at a tenth of classifying.
        for e in els {
            words.push(self.ew(e));
        }
        self.classify_words(els, &words, title_cue);
        self.words = words;
    }

    fn classify_words(&mut self, els: &[El], words: &[&'a str], title_cue: bool) {
        let n = els.len();
        let last = words[n - 1];
        let hits = self.gaz_hits(els);
        let whole = hits.first().filter(|h| h.0 == 0 && h.1 == n).copied();
        if let Some((_, _, id)) = whole {
            let e = &self.gaz.entries[id as usize];
            let (label, canon) = (e.label, e.canonical.clone());
            if !e.ambiguous {
                // `Jordan` the country, but `Li Auto`… the gazetteer decides.
                self.emit(els, label, canon);
            } else {
                let cue = title_cue || self.person_context(els);
                self.pend(els, Some((label, canon)), cue);
            }
            return;
        }
        if n <= 3 && els.iter().all(|e| e.conn || self.units[e.unit].caps) {
            // Datelines: `FUZHOU, March 4`.
            // A word alone is asked once (most such words, `GDP`, `CEO`,
            // name no place); the answer's canonical is looked up again.
            let may_be_place = n > 1
                || self.lazy_fact(
                    words[0],
                    facts::TITLED_ASKED,
                    facts::TITLED_PLACE,
                    |cx, w| cx.capitals_place(&[w]).is_some(),
                );
            if let Some(canon) = may_be_place.then(|| self.capitals_place(words)).flatten() {
                self.emit(els, Label::Place, canon);
                return;
            }
        }
        let has_of_head = |heads: &[&str]| {
            (1..n).any(|k| {
                els[k].conn && matches!(words[k], "of" | "for") && heads.contains(&words[k - 1])
            })
        };
        let text = self.text_of(els);
        let last_titled;
        // The last word's classes: its element's, or its title case's.
        let mut last_wc = els[n - 1].wc;
        let last = if self.units[els[n - 1].unit].caps && n >= 2 {
            // `JINHUA DAILY`: tails in capitals.
            match org_tail_in_capitals(last) {
                Some((titled, titled_wc)) => {
                    last_titled = titled;
                    last_wc = titled_wc;
                    last_titled.as_str()
                }
                None => last,
            }
        } else {
            last
        };
        let legal = n >= 2 && self.facts(last) & facts::LEGAL != 0;
        // Organisations by their head: `Ministry of Commerce`, `Hangzhou Customs`.
        let central = words.iter().any(|w| {
            matches!(
                *w,
                "World" | "Central" | "Development" | "Reserve" | "Reserves"
            )
        });
        let unit_tail = matches!(
            last,
            "Division" | "Department" | "Office" | "Unit" | "Section"
        );
        // `Hangzhou Customs Statistics Division` is named, `Foreign Trade
        // Division` generic (asked only of a unit's name).
        if n >= 2
            && !legal
            && (last_wc & cls::ORG_TAILS != 0
                && (!unit_tail || self.named_before_last(els, words, false))
                || has_of_head(ORG_HEADS)
                || last == "Bank" && central)
        {
            let label = if last == "Bank" && !central {
                Label::Company
            } else {
                Label::Organization
            };
            let canon = if label == Label::Company {
                self.core(text)
            } else {
                tidy_owned(text)
            };
            self.emit(els, label, canon);
            return;
        }
        // `Equity Research` is a desk, `Voltcore Energy` a company: a tail needs
        // a distinctive word before it (asked only when there is a tail), or
        // a company's context (`shares of Helix Biotech`, `Helix Biotech
        // reported`), whatever its words.
        if n >= 2
            && (legal
                || last_wc & cls::COMPANY_TAILS != 0
                    && (self.named_before_last(els, words, true) || self.company_context(els))
                || has_of_head(COMPANY_HEADS))
        {
            let canon = self.core(text);
            self.emit(els, Label::Company, canon);
            return;
        }
        if n >= 2 && (last_wc & cls::PLACE_TAILS != 0 || has_of_head(PLACE_HEADS)) {
            // `Foreign Trade of Our Province`: a determiner and a place noun
            // name no place (a translated release's `our province`).
            if n == 2 && els[0].wc & cls::DETERMINERS != 0 {
                return;
            }
            let canon = if last_wc & cls::PLACE_TAILS_DROPPED != 0 && !els[n - 2].conn {
                let rest = self.text_of(&els[..n - 1]);
                self.gaz
                    .get(rest)
                    .filter(|e| e.label == Label::Place)
                    .map_or_else(|| tidy_owned(rest), |e| e.canonical.clone())
            } else {
                tidy_owned(text)
            };
            self.emit(els, Label::Place, canon);
            return;
        }
        if (1..n).any(|k| els[k].conn && words[k] == "&") {
            let canon = self.core(text);
            self.emit(els, Label::Company, canon);
            return;
        }
        // `German carmaker Halden Automobilwerke said`: a trade's noun
        // right before the name.
        if n >= 2
            && !title_cue
            && self
                .prev_word(els[0].unit, 1)
                .is_some_and(|p| self.lower_is(p, cls::INDUSTRY_NOUNS))
        {
            let canon = self.core(text);
            self.emit(els, Label::Company, canon);
            return;
        }
        let cue = title_cue || self.person_context(els);
        // (With one element, `last` is its word.)
        if n == 1 && title_cue && !self.units[els[0].unit].caps && !self.is_demonym(&els[0], last) {
            // `Mr Wang`: the document pass finds the full name.
            self.pend(els, Some((Label::Person, tidy_owned(text))), true);
            return;
        }
        if self.personish(els, words, cue) {
            let canon = tidy_owned(text);
            self.emit(els, Label::Person, canon);
            return;
        }
        if !hits.is_empty() {
            self.names_side_by_side(els, &hits);
            return;
        }
        let lone_word = n == 1 && (self.is_common(last) || self.is_demonym(&els[0], last));
        if !lone_word && self.company_context(els) && !els.iter().any(|e| e.wc & cls::FUNCTION != 0)
        {
            let canon = self.core(text);
            self.emit(els, Label::Company, canon);
            return;
        }
        self.pend(els, None, cue);
    }

    /// The canonical of the unambiguous gazetteer place named by `words`
    /// (a piece all in capitals, `FUZHOU`) once each is title-cased.
    ///
    /// Out of line, as are the other rare readings of
    /// [`Ctx::classify_words`]: that function runs for every piece of a
    /// name, and its rarely run code would crowd the instruction cache.
    #[inline(never)]
    fn capitals_place(&mut self, words: &[&str]) -> Option<String> {
        // Each word title-cased, joined by spaces, in the reused buffer.
        let mut titled = std::mem::take(&mut self.titled);
        titled.clear();
        for (k, w) in words.iter().enumerate() {
            if k > 0 {
                titled.push(' ');
            }
            push_title_case(&mut titled, w);
        }
        let entry = self.gaz.get(&titled);
        self.titled = titled;
        entry
            .filter(|e| e.label == Label::Place && !e.ambiguous)
            .map(|e| e.canonical.clone())
    }

    /// Several gazetteer names side by side in one piece (`China-EU`,
    /// `Brazil Mexico`): each hit emitted or left pending, the words
    /// between them pending as leftovers.
    #[inline(never)]
    fn names_side_by_side(&mut self, els: &[El], hits: &[(usize, usize, u32)]) {
        let mut k = 0;
        for &(a, b, id) in hits {
            if a > k {
                self.leftover(&els[k..a]);
            }
            let e = &self.gaz.entries[id as usize];
            let (label, canon, amb) = (e.label, e.canonical.clone(), e.ambiguous);
            if amb {
                self.pend(&els[a..b], Some((label, canon)), false);
            } else {
                self.emit(&els[a..b], label, canon);
            }
            k = b;
        }
        if k < els.len() {
            self.leftover(&els[k..]);
        }
    }

    /// True when a word of `els` before the last, no connector (and, with
    /// `no_tail`, no company tail), is no ordinary word or is a gazetteer name.
    fn named_before_last(&mut self, els: &[El], words: &[&str], no_tail: bool) -> bool {
        (0..els.len().saturating_sub(1)).any(|k| {
            let w = words[k];
            let tail = no_tail && els[k].wc & cls::COMPANY_TAILS != 0;
            // Asked once: no ordinary word, or a gazetteer name.
            !els[k].conn && !tail && {
                let f = self.facts(w);
                f & facts::COMMON_EXACT == 0 || f & facts::ENTRY != 0
            }
        })
    }

    fn leftover(&mut self, els: &[El]) {
        let els: Vec<El> = els.iter().copied().filter(|e| !e.conn).collect();
        if !els.is_empty() {
            self.pend(&els, None, false);
        }
    }

    fn core(&mut self, name: &'a str) -> String {
        // A story names its companies again and again, and so do the other
        // stories of a folder: each name's core is worked out once per
        // thread. (The core depends on the name and the gazetteer alone, and
        // every gazetteer is built from the same embedded data.)
        CORES.with(|cores| {
            let mut cores = cores.borrow_mut();
            if let Some(c) = cores.get(name) {
                return c.clone();
            }
            let gaz = self.gaz;
            let core = company_core(
                &crate::canonical::unshouted(name),
                |w| gaz.is_common(w),
                |w| {
                    gaz.get(w).is_some_and(|e| {
                        e.label == Label::Place
                            && matches!(e.source, Source::Subdivision | Source::City)
                    })
                },
            );
            if cores.len() >= CORES_MAX {
                cores.clear();
            }
            cores.insert(name.into(), core.clone());
            core
        })
    }

    /// Could `els` be a person's name, given the evidence?
    fn personish(&mut self, els: &[El], words: &[&str], cue: bool) -> bool {
        let n = els.len();
        if n > 5 {
            return false;
        }
        let mut names = 0;
        let mut common = 0;
        for (k, e) in els.iter().enumerate() {
            let w = words[k];
            if e.conn {
                if e.wc & cls::PARTICLES == 0 {
                    return false;
                }
                continue;
            }
            if self.units[e.unit].caps && w.len() > 1 && !w.contains('.') {
                return false;
            }
            if k > 0 && e.wc & (cls::COMPANY_TAILS | cls::ORG_TAILS | cls::PLACE_TAILS) != 0 {
                return false;
            }
            if self.is_demonym(e, w) {
                return false;
            }
            names += 1;
            let single = w.chars().count() == 1;
            if !single && self.is_common(w) {
                common += 1;
            }
        }
        if names == 0 {
            return false;
        }
        let w0 = words[0];
        if n == 2 && !els[1].conn && w0.chars().count() <= 5 {
            if let Some((x, y)) = words[1].split_once('-') {
                let lowtail = y.chars().all(|c| c.is_lowercase());
                if lowtail && x.chars().count() <= 5 && y.chars().count() <= 5 && !y.is_empty() {
                    // `Park Ji-hoon`, `Ma Ying-jeou`.
                    return true;
                }
            }
        }
        // Chinese names in pinyin: surname, then one or two given-name words.
        if (2..=3).contains(&n) && !els.iter().any(|e| e.conn) && self.is_cn_surname(w0) {
            let rest_ok = words[1..].iter().all(|w| self.is_pinyin_given(w));
            if rest_ok && (n == 2 || cue) {
                return true;
            }
        }
        if names >= 2 && self.is_given(w0) {
            let last = words[n - 1];
            let last_common = self.is_common(last) && !self.is_cn_surname(last);
            let last_place = self.gaz.get(last).is_some_and(|e| e.label == Label::Place)
                && !self.gaz.get(last).is_some_and(|e| e.ambiguous);
            if cue || !last_common && !last_place && !self.headline() {
                return true;
            }
        }
        if cue && common == 0 {
            return names >= 2;
        }
        false
    }

    /// `Chinese`, `Brazilian`, `North American`: adjectives of places, not
    /// places. `w` is the word of element `e`, whose word classes the
    /// element holds (no class look-up).
    fn is_demonym(&mut self, e: &El, w: &str) -> bool {
        e.wc & cls::DEMONYMS != 0 || self.facts(w) & facts::PLACE_ADJECTIVE != 0
    }

    /// A town's name that is also the short form of a company named in full
    /// in the document reads as the company before a possessive: `Qiantang's
    /// selling price` after `Qiantang Motor`.
    // Out of line: called once per document, and its cost is then its
    // own in a profile rather than lost in the document pass.
    #[inline(never)]
    fn possessive_companies(&self, out: &mut [Mention]) {
        // The towns named in the possessive first (few, and none in most
        // documents), then the ones a company's name is: the companies'
        // names are sorted once and searched, not walked per town (a walk
        // made a long document quadratic). The places to relabel are found
        // before any is relabelled, so that the company names can be
        // borrowed from `out` rather than copied.
        let mut relabel: Vec<usize> = Vec::new();
        for (i, m) in out.iter().enumerate() {
            if m.label != Label::Place {
                continue;
            }
            let t = &self.text[m.start..m.end];
            let rest = &self.text[m.end..];
            let possessive = ["'s ", "’s "].iter().any(|p| rest.starts_with(p));
            // Towns only: a province or country's possessive is its own
            // (`Zhejiang's exports`), whatever company bears its name.
            if possessive && self.gaz.get(t).is_some_and(|e| e.source == Source::City) {
                relabel.push(i);
            }
        }
        if relabel.is_empty() {
            return;
        }
        {
            let mut cores: Vec<&str> = out
                .iter()
                .filter(|m| m.label == Label::Company && self.text[m.start..m.end].contains(' '))
                .map(|m| m.canonical.as_str())
                .collect();
            cores.sort_unstable();
            relabel.retain(|&i| {
                cores
                    .binary_search(&&self.text[out[i].start..out[i].end])
                    .is_ok()
            });
        }
        for i in relabel {
            let m = &mut out[i];
            m.label = Label::Company;
            m.canonical = self.text[m.start..m.end].to_string();
        }
    }

    /// Speakers of a question-and-answer transcript: a capitalized name that
    /// opens two or more paragraphs as `Name: …`. A speaker that is no person
    /// is the publication putting the questions (`Commodity Week: Why …?`),
    /// an organisation, whatever ordinary words it is made of.
    // Out of line: called once per document, and its cost is then its
    // own in a profile rather than lost in the document pass.
    #[inline(never)]
    fn speaker_labels(&self, chunks: &[(usize, usize)], out: &mut Vec<Mention>) {
        let bytes = self.text.as_bytes();
        let mut labels: Vec<(usize, usize)> = Vec::new();
        for &(s, e) in chunks {
            // The colon first: it is rare after a capitalized run.
            // The byte after the run decides most runs without slicing the text.
            let colon = match bytes.get(e) {
                Some(b':') => true,
                Some(b'*') => self.text[e..].starts_with("**:") || self.text[e..].starts_with("*:"),
                _ => false,
            };
            if !colon {
                continue;
            }
            let opens_at = bytes[..s]
                .iter()
                .rposition(|b| !matches!(b, b' ' | b'\t' | b'*' | b'#' | b'>'));
            let paragraph = match opens_at {
                None => true,
                Some(p) => bytes[p] == b'\n' && (p == 0 || bytes[p - 1] == b'\n'),
            };
            if paragraph {
                labels.push((s, e));
            }
        }
        if labels.len() < 2 {
            return;
        }
        // Each name's labels, in text order: counting a name's labels and
        // finding its later ones are then look-ups, not walks over all the
        // labels per label (a long transcript made those quadratic).
        let mut by_name: FxMap<&str, Vec<usize>> = FxMap::default();
        for (k, &(s, e)) in labels.iter().enumerate() {
            by_name.entry(&self.text[s..e]).or_default().push(k);
        }
        // The mentions' spans by start, with the furthest end of the spans
        // up to each: the mentions overlapping a label are found walking
        // back from the last starting before its end, while the spans so
        // far reach past its start (not by a walk over every mention).
        let mut spans: Vec<(usize, usize, bool)> = out
            .iter()
            .map(|m| (m.start, m.end, m.label == Label::Person))
            .collect();
        spans.sort_unstable_by_key(|span| span.0);
        let reach: Vec<usize> = spans
            .iter()
            .scan(0, |far, span| {
                *far = span.1.max(*far);
                Some(*far)
            })
            .collect();
        let mut done: FxSet<&str> = FxSet::default();
        let mut add: Vec<Mention> = Vec::new();
        for (k, &(s, e)) in labels.iter().enumerate() {
            let name = &self.text[s..e];
            let words: Vec<&str> = name.split(' ').collect();
            let same_name = &by_name[name];
            if done.contains(name)
                || !(2..=5).contains(&words.len())
                || words
                    .iter()
                    .any(|w| !is_upper_start(w) || is(w, cls::CALENDAR))
                || self.gaz.is_given(words[0])
                || same_name.len() < 2
            {
                continue;
            }
            // A speaker already read as a person, or a known name, keeps its reading.
            let up_to = spans.partition_point(|span| span.0 < e);
            let read = (0..up_to).rev().take_while(|&j| reach[j] > s).any(|j| {
                let (ms, me, person) = spans[j];
                s < me && (me - ms >= e - s || person)
            });
            if read {
                continue;
            }
            done.insert(name);
            for &k2 in same_name.iter().filter(|&&k2| k2 >= k) {
                let (s2, e2) = labels[k2];
                add.push(Mention {
                    start: s2,
                    end: e2,
                    label: Label::Organization,
                    canonical: tidy(name),
                });
            }
        }
        let added = Reach::new(add.iter().map(|a| (a.start, a.end)));
        out.retain(|m| !added.overlaps(m.start, m.end));
        out.extend(add);
    }

    /// Finds the document's own multi-word names wherever they recur, so that
    /// `Lanxi Cell` is the company even where a sentence alone read `Lanxi` as
    /// the place; such a match replaces the shorter mentions inside it.
    // Out of line: called once per document, and its cost is then its
    // own in a profile rather than lost in the document pass.
    #[inline(never)]
    fn rescan(&self, name_runs: &[(usize, usize)], out: &mut Vec<Mention>) {
        // Each name with the label and the mention (its canonical) it came from.
        // Sized once: at most two names per mention (never iterated, so
        // the capacity changes nothing but the rehashing).
        let mut names: Vec<(Cow<'_, str>, Label, usize)> = Vec::with_capacity(out.len());
        for (mi, m) in out.iter().enumerate() {
            let raw = &self.text[m.start..m.end];
            // Only names of two words or more: a one-word span or canonical
            // (the bulk) is skipped before anything is allocated.
            // Two words or more: a space between them. A span borrowed
            // whole by `tidy_cow` has white space, all of it single spaces;
            // a rebuilt one is asked.
            let t = has_whitespace(raw)
                .then(|| tidy_cow(raw))
                .filter(|t| matches!(t, Cow::Borrowed(_)) || t.as_bytes().contains(&b' '));
            let c = m
                .canonical
                .contains(' ')
                .then_some(Cow::Borrowed(m.canonical.as_str()));
            for cand in [t, c].into_iter().flatten() {
                if cand.len() <= 80 {
                    names.push((cand, m.label, mi));
                }
            }
        }
        if names.is_empty() {
            return;
        }
        // A recurring multi-word name is a capitalized run somewhere: search
        // only inside the runs pass 1 saw, not the whole text. Each name's
        // matches in a run are found left to right without overlap (as
        // `match_indices` finds them).
        //
        // A name matching at `p` has its first word (the bytes before its
        // first space) exactly from `p` to the run's next space, so the
        // names are bucketed by a key of that word ([`first_word_key`]) and
        // only the names of the word's bucket are tried there. (Bucketing
        // by the first two bytes alone made a long document quadratic: its
        // many names share a few capitals, and each was tried at each of
        // them.) The table grows with the names, so a bucket holds about
        // the names that share a first word.
        let buckets = (2 * names.len()).next_power_of_two().max(RESCAN_BUCKETS);
        // The bucket heads live in a per-thread table that is left empty
        // after each document (only the names' own buckets are reset), so a
        // document does not pay for filling a table it hardly touches.
        let mut head = RESCAN_HEADS.with(|h| std::mem::take(&mut *h.borrow_mut()));
        if head.len() < buckets {
            head.resize(buckets, u32::MAX);
        }
        let mask = buckets - 1;
        // Names without a space (no first word to key), tried everywhere.
        let mut spaceless: Vec<u32> = Vec::new();
        // The buckets the names fill, to empty again after the document.
        let mut used: Vec<u32> = Vec::with_capacity(names.len());
        let mut next = vec![u32::MAX; names.len()];
        // The bytes some name begins with: most bytes of a run (the
        // lower-case letters of its words) begin none, and are passed over
        // with one table look-up instead of a bucket look-up.
        let mut firsts = [false; 256];
        // Each name is tried once, for the first mention that gave it (in
        // text order): a name equal to one already in its bucket is left
        // out. An equal name has the same first word, so it is in the same
        // bucket, and the buckets are short: no sort or set of the names.
        // The order of the names tried changes nothing: the matches are
        // sorted by where they stand, and two different names never match
        // the same span.
        for (k, (name, _, _)) in names.iter().enumerate() {
            let nb = name.as_bytes();
            // A name is a few words: a plain loop, not a `memchr` call.
            match nb.iter().position(|&b| b == b' ') {
                Some(space) => {
                    let h = first_word_key(&nb[..space]) & mask;
                    let mut same = head[h];
                    while same != u32::MAX && names[same as usize].0 != *name {
                        same = next[same as usize];
                    }
                    if same != u32::MAX {
                        continue;
                    }
                    next[k] = head[h];
                    head[h] = k as u32;
                    used.push(h as u32);
                }
                // (No name of a mention's span or canonical lacks a space:
                // both are kept only when they hold one.)
                None => {
                    if spaceless.iter().any(|&k2| names[k2 as usize].0 == *name) {
                        continue;
                    }
                    spaceless.push(k as u32);
                }
            }
            if let Some(&a) = nb.first() {
                firsts[usize::from(a)] = true;
            }
        }
        // Where each name may match next, as a text offset: the runs come in
        // text order and never overlap, so a match in an earlier run never
        // blocks one in a later run, and nothing needs resetting per run.
        let mut free_from = vec![0usize; names.len()];
        // Sized once: each name mostly matches where its own mention stands
        // (grown push by push, this list was most of the document pass's
        // reallocations).
        let mut hits: Vec<(usize, usize, usize)> = Vec::with_capacity(names.len());
        let mut try_name = |k: u32, at: usize, piece: &[u8], hits: &mut Vec<_>| {
            let ku = k as usize;
            let name = names[ku].0.as_bytes();
            if at >= free_from[ku] && piece.starts_with(name) {
                hits.push((at, at + name.len(), ku));
                free_from[ku] = at + name.len();
            }
        };
        for &(cs, ce) in name_runs {
            let piece = &self.text.as_bytes()[cs..ce];
            // The run's first space at or after `p` (the run's length when
            // none is left), found again only once `p` passes it.
            let mut space = 0;
            let mut space_found = false;
            for p in 0..piece.len() {
                if !firsts[usize::from(piece[p])] {
                    continue;
                }
                if !space_found || space < p {
                    // A word is a few bytes: a plain loop, not a `memchr` call.
                    space = piece[p..]
                        .iter()
                        .position(|&b| b == b' ')
                        .map_or(piece.len(), |i| p + i);
                    space_found = true;
                }
                if space < piece.len() {
                    let mut k = head[first_word_key(&piece[p..space]) & mask];
                    while k != u32::MAX {
                        try_name(k, cs + p, &piece[p..], &mut hits);
                        k = next[k as usize];
                    }
                }
                for &k in &spaceless {
                    try_name(k, cs + p, &piece[p..], &mut hits);
                }
            }
        }
        for h in used {
            head[h as usize] = u32::MAX;
        }
        // A table grown for a very long document is not kept for the next.
        if head.len() <= RESCAN_BUCKETS_KEPT {
            RESCAN_HEADS.with(|h| *h.borrow_mut() = head);
        }
        hits.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut last_end = 0;
        hits.retain(|h| {
            let keep = h.0 >= last_end;
            if keep {
                last_end = h.1;
            }
            keep
        });
        let mut add = Vec::new();
        let bytes = self.text.as_bytes();
        let spans = Reach::new(out.iter().map(|m| (m.start, m.end)));
        for (s, e, k) in hits {
            let before_ok =
                s == 0 || !(bytes[s - 1].is_ascii_alphanumeric() || bytes[s - 1] >= 0x80);
            let after_ok =
                e == bytes.len() || !(bytes[e].is_ascii_alphanumeric() || bytes[e] >= 0x80);
            if !before_ok || !after_ok {
                continue;
            }
            // Already covered by a mention as long or longer.
            if spans.covers(s, e) {
                continue;
            }
            let (_, label, mi) = &names[k];
            add.push(Mention {
                start: s,
                end: e,
                label: *label,
                canonical: out[*mi].canonical.clone(),
            });
        }
        if add.is_empty() {
            return;
        }
        // The added names come in text order and never overlap (the hits
        // were kept so), so the one that could hold a mention is the last
        // starting at or before it: a binary search, not a walk over all.
        debug_assert!(add.windows(2).all(|w| w[0].end <= w[1].start));
        out.retain(|m| {
            let up_to = add.partition_point(|a| a.start <= m.start);
            up_to == 0 || add[up_to - 1].end < m.end
        });
        out.extend(add);
    }

    /// Makes `text` the document read. What is known by where it stands in
    /// a text (the facts of the words last asked about, the last piece's
    /// gazetteer hits) is the last document's, and forgotten: in a batch,
    /// another document may hold another word at the same place.
    fn enter(&mut self, text: &'a str) {
        self.text = text;
        self.recent_facts = [(usize::MAX, 0, WordFacts::NONE); facts::RECENT];
        self.hits_key = (usize::MAX, 0, 0);
        self.hits_cache = Hits::NONE;
    }

    /// The sentence pass over one document: its names, those left for the
    /// document pass, and its runs (`merged` is a buffer for its sentences).
    ///
    /// Out of line: once per document, as [`Ctx::finish`] is.
    #[inline(never)]
    fn read(
        &mut self,
        text: &'a str,
        tokens: &[Token],
        sentences: &[Span],
        merged: &mut Vec<Span>,
    ) -> Read<'a> {
        self.enter(text);
        self.mark = hyphen_or_apostrophe_from(text.as_bytes(), 0);
        // Sized from the text, to what a document typically fills, so that
        // the lists are rarely grown (and copied) while they fill.
        self.found = Vec::with_capacity(tokens.len() / 32 + 4);
        self.pending = Vec::with_capacity(tokens.len() / 64 + 4);
        self.chunks.reserve(tokens.len() / 16 + 4);
        self.name_runs.reserve(tokens.len() / 64 + 4);
        let (chunks_from, name_runs_from) = (self.chunks.len(), self.name_runs.len());
        join_legal_forms(self.gaz, text, sentences, merged);
        let mut ti = 0;
        for s in merged.iter().copied() {
            while ti < tokens.len() && tokens[ti].end() <= s.start {
                ti += 1;
            }
            ti = self.build_units(tokens, ti, s.end);
            self.sentence();
        }
        Read {
            text,
            found: std::mem::take(&mut self.found),
            pending: std::mem::take(&mut self.pending),
            acronyms: std::mem::take(&mut self.acronyms),
            chunks: chunks_from..self.chunks.len(),
            name_runs: name_runs_from..self.name_runs.len(),
        }
    }

    /// The document pass over what [`Ctx::read`] found in one document.
    ///
    /// Out of line: inlined into [`tag_many`], its code sat between the
    /// sentence passes' calls.
    #[inline(never)]
    fn finish(&mut self, read: Read<'a>) -> Vec<Entity> {
        // Names the document itself established. The keys and canonicals
        // borrow from the mentions found (cloned only when a pending name
        // takes one).
        let Read {
            text,
            found,
            pending,
            acronyms,
            chunks,
            name_runs,
        } = read;
        self.enter(text);
        // The names the pending ones are looked up by, and their lengths as
        // bits (127 for any longer): a key of no such length is never asked
        // for, so most mentions' keys are turned away before any hashing.
        let pending_keys: Vec<Cow<'_, str>> = pending
            .iter()
            .map(|p| tidy_cow(&text[p.start..p.end]))
            .collect();
        let key_lengths = pending_keys
            .iter()
            .fold(0u128, |bits, k| bits | 1 << k.len().min(127));
        let asked = |key: &str| key_lengths >> key.len().min(127) & 1 != 0;
        // Sized once for the keys each mention adds (the maps are only
        // looked up, never iterated: capacity changes nothing but rehashing).
        let capacity = if pending.is_empty() {
            0
        } else {
            2 * found.len() + acronyms.len()
        };
        let mut known: FxMap<Cow<'_, str>, (Label, &str)> =
            FxMap::with_capacity_and_hasher(capacity, Default::default());
        // A family name and the one person who bears it ("" when several do).
        let mut surname: FxMap<&str, Option<&str>> = FxMap::default();
        // A person's name in words (a buffer reused between mentions, sized
        // once for a long name: grown word by word, it was reallocated
        // twice a document).
        let mut parts: Vec<&str> = Vec::with_capacity(8);
        // With no pending name, no key is asked for: the mentions are not
        // read (each would be tidied and its person's name split for
        // nothing).
        let naming = if pending.is_empty() {
            &[][..]
        } else {
            &found[..]
        };
        for m in naming {
            let t = tidy_cow(&text[m.start..m.end]);
            // Most mentions are named by their own text: their canonical is
            // then the same key, which a second look-up would only find.
            let named_by_text = t == m.canonical.as_str();
            if asked(&t) {
                known.entry(t).or_insert((m.label, m.canonical.as_str()));
            }
            if !named_by_text && asked(&m.canonical) {
                known
                    .entry(Cow::Borrowed(m.canonical.as_str()))
                    .or_insert((m.label, m.canonical.as_str()));
            }
            if m.label == Label::Person {
                parts.clear();
                parts.extend(m.canonical.split(' '));
                // Where part `k` starts in the canonical: the parts joined
                // again by spaces from there are the canonical's own tail,
                // borrowed rather than built.
                let mut at = 0;
                for k in 1..parts.len().saturating_sub(1) {
                    at += parts[k - 1].len() + 1;
                    // `Carvalho da Costa` for `Beatriz Carvalho da Costa`.
                    let alias = &m.canonical[at..];
                    if asked(alias) && is_upper_start(parts[k]) {
                        known
                            .entry(Cow::Borrowed(alias))
                            .or_insert((Label::Person, m.canonical.as_str()));
                    }
                }
                if parts.len() >= 2 && asked(parts[0]) && self.gaz.is_given(parts[0]) {
                    known
                        .entry(Cow::Borrowed(parts[0]))
                        .or_insert((Label::Person, m.canonical.as_str()));
                }
                let last = parts[parts.len() - 1];
                if parts.len() >= 2 && (asked(parts[0]) || asked(last)) {
                    let family = if self.is_cn_surname(parts[0]) && parts.len() <= 3 {
                        parts[0]
                    } else {
                        last
                    };
                    if asked(family) {
                        let slot = surname.entry(family).or_insert(None);
                        match slot {
                            None => *slot = Some(m.canonical.as_str()),
                            Some(c) if *c != m.canonical => *slot = Some(""),
                            _ => {}
                        }
                    }
                }
            }
        }
        for (acr, label, canon) in &acronyms {
            if asked(acr) {
                known
                    .entry(Cow::Borrowed(acr.as_str()))
                    .or_insert((*label, canon.as_str()));
            }
        }
        let owned = |k: &(Label, &str)| (k.0, k.1.to_string());
        let mut resolved: Vec<Mention> = Vec::with_capacity(pending.len());
        // Sized once (at most every pending name is left unresolved).
        let mut unresolved: Vec<Pending> = Vec::with_capacity(pending.len());
        let mut coordinated: Vec<Mention> = Vec::new();
        for (p, t) in pending.into_iter().zip(&pending_keys) {
            let t = t.as_ref();
            let mut got = None;
            if p.other_cue && !p.person_cue {
                // `exports to Jordan`: the sentence outweighs a namesake; but
                // a possessive does not outweigh the document's own company
                // (`Qiantang's prices` after `Qiantang Motor`).
                let company = known
                    .get(t)
                    .filter(|k| p.possessive_cue && k.0 == Label::Company);
                got = company.map(owned).or_else(|| p.fallback.clone());
            }
            if got.is_some() {
            } else if let Some(Some(full)) = surname.get(t) {
                if !full.is_empty() {
                    got = Some((Label::Person, full.to_string()));
                }
            }
            if got.is_none() {
                got = known.get(t).map(owned);
            }
            if got.is_none() {
                if let Some((label, canon)) = p.fallback.clone() {
                    let ok = label == Label::Person || !p.person_cue && (!p.weak || p.other_cue);
                    if ok {
                        got = Some((label, canon));
                    }
                }
            }
            if let Some((label, canonical)) = got {
                resolved.push(Mention {
                    start: p.start,
                    end: p.end,
                    label,
                    canonical,
                });
            } else if p.fallback.is_none() {
                unresolved.push(p);
            }
        }
        drop(known);
        drop(surname);
        let mut out = found;
        out.append(&mut resolved);
        // `Maersk and MSC`: an unknown name coordinated with a known one shares its label.
        out.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        for p in &unresolved {
            let t = &self.text[p.start..p.end];
            if p.weak || t.contains(' ') && !t.chars().all(|c| !c.is_lowercase()) {
                continue;
            }
            // `out` is sorted by start, so both neighbours are found by a
            // binary search, not a walk over every mention per name (that
            // walk made a 10 MB document quadratic). A mention starting
            // after `p` ends after it too, so the last mention ending
            // before `p` lies before `up_to`; the walk back from there
            // passes over only the mentions that cover `p.start`.
            let up_to = out.partition_point(|m| m.start <= p.start);
            let before = out[..up_to]
                .iter()
                .rev()
                .find(|m| m.end <= p.start)
                .filter(|m| matches!(&self.text[m.end..p.start], " and " | ", " | " or "));
            let after = out[out.partition_point(|m| m.start < p.end)..]
                .first()
                .filter(|m| matches!(&self.text[p.end..m.start], " and " | " or "));
            if let Some(m) = before.or(after) {
                if matches!(m.label, Label::Company | Label::Organization) {
                    coordinated.push(Mention {
                        start: p.start,
                        end: p.end,
                        label: m.label,
                        canonical: tidy(t),
                    });
                }
            }
        }
        out.append(&mut coordinated);
        self.possessive_companies(&mut out);
        self.speaker_labels(&self.chunks[chunks], &mut out);
        self.rescan(&self.name_runs[name_runs], &mut out);
        lower_case_places(self.text, &mut out);
        out.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut res: Vec<Entity> = Vec::with_capacity(out.len());
        for m in out {
            if res.last().is_some_and(|l| m.start < l.span.end) {
                continue;
            }
            res.push(Entity {
                span: Span::new(m.start, m.end),
                label: m.label,
                canonical: m.canonical,
            });
        }
        res
    }

    /// Gives the thread's memo of words and lists back to its thread, for
    /// the next batch; `merged` is the sentences' list.
    fn put_back(mut self, merged: Vec<Span>) {
        let facts = std::mem::replace(&mut self.facts, WordMemo::new(facts::MEMO_MAX));
        FACTS.with(|f| *f.borrow_mut() = facts);
        let buffers = Buffers {
            units: std::mem::take(&mut self.units),
            cap_units: std::mem::take(&mut self.cap_units),
            hits: std::mem::take(&mut self.hits),
            pieces: std::mem::take(&mut self.pieces),
            parts: std::mem::take(&mut self.parts),
            hit_spans: std::mem::take(&mut self.hit_spans),
            chosen: std::mem::take(&mut self.chosen),
            lower: std::mem::take(&mut self.lower),
            titled: std::mem::take(&mut self.titled),
            els: std::mem::take(&mut self.els),
            chunks: std::mem::take(&mut self.chunks),
            name_runs: std::mem::take(&mut self.name_runs),
            merged,
        };
        BUFFERS.with(|b| *b.borrow_mut() = buffers);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_capitalized() {
        // `join_legal_forms` asks the list only of a capitalized word.
        assert!(ABBREVIATIONS
            .iter()
            .all(|a| a.as_bytes()[0].is_ascii_uppercase()));
    }

    #[test]
    fn has_whitespace_agrees_with_char_is_whitespace() {
        for c in (0u8..128)
            .map(char::from)
            .chain(['\u{a0}', '\u{3000}', 'é'])
        {
            for s in [
                format!("a{c}b"),
                format!("{c}"),
                format!("ab{c}"),
                format!("Abcdefgh{c}"),
                format!("Abcdefghijklmno{c}p"),
                format!("Abcdefghéjklmno{c}p"),
            ] {
                assert_eq!(has_whitespace(&s), s.contains(char::is_whitespace), "{s:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn reach_agrees_with_a_walk_over_the_spans(
            spans in proptest::collection::vec((0usize..40, 0usize..8), 0..12),
            start in 0usize..48,
            len in 0usize..8,
        ) {
            let spans: Vec<(usize, usize)> = spans.iter().map(|&(s, l)| (s, s + l)).collect();
            let end = start + len;
            let reach = Reach::new(spans.iter().copied());
            proptest::prop_assert_eq!(
                reach.covers(start, end),
                spans.iter().any(|&(s, e)| s <= start && end <= e)
            );
            proptest::prop_assert_eq!(
                reach.overlaps(start, end),
                spans.iter().any(|&(s, e)| s < end && start < e)
            );
        }
    }
}
