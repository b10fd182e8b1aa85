//! The embedded gazetteers: names from licensed datasets (see `data/SOURCES.md`),
//! looked up by hash, and the word lists the rules consult.

use crate::Label;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast, non-cryptographic hasher (the FxHash mix): the keys are
/// our own embedded names, so flooding is no concern, and load time is.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The same zero-padded word as a copy into eight bytes, without
            // the call to memcpy a copy of a variable length is.
            self.add(load8(rest, 0) ^ (rest.len() as u64) << 59);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Fx {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub(crate) type FxSet<K> = HashSet<K, BuildHasherDefault<Fx>>;
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

const PLACES: &str = include_str!("../data/places.tsv");
const COMPANIES: &str = include_str!("../data/companies.txt");
const CURATED: &str = include_str!("../data/curated.tsv");
const COMMON: &str = include_str!("../data/common_words.txt");
const GIVEN: &str = include_str!("../data/given_names.txt");
const CN_SURNAMES: &str = include_str!("../data/cn_surnames.txt");
const PINYIN: &str = include_str!("../data/pinyin_syllables.txt");
const LEGAL: &str = include_str!("../data/legal_suffixes.txt");

/// Where a gazetteer name came from; earlier sources win a tie on the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Source {
    Curated,
    Country,
    Subdivision,
    Region,
    Company,
    City,
}

/// One gazetteer name.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub label: Label,
    pub canonical: String,
    pub source: Source,
    /// A one-word name that is also an English word or a given name
    /// (`Apple`, `Jordan`): the sentence must confirm it.
    pub ambiguous: bool,
}

/// A gazetteer match inside a piece of text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: u32,
}

/// What the gazetteer knows of a string: the entry named so, and whether a
/// longer name begins with it and a separator.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NameInfo {
    /// The entry, or `u32::MAX` for a string that only begins names.
    entry: u32,
    /// Some longer name begins with the string and a separator.
    pub prefix: bool,
}

impl NameInfo {
    /// The entry named by the string, if any.
    pub fn entry(&self) -> Option<u32> {
        (self.entry != u32::MAX).then_some(self.entry)
    }
}

const NOT_A_NAME: NameInfo = NameInfo {
    entry: u32::MAX,
    prefix: false,
};

/// Everything the tagger knows before it reads a document.
#[derive(Debug)]
pub(crate) struct Gazetteer {
    /// Names written without ASCII (in Chinese characters), and every
    /// beginning of one that ends at a character, for runs of Han text
    /// (which have no spaces to look names up by): a name is found by
    /// extending a piece character by character from each start while the
    /// piece begins some name. Hashing the names is a few hundred thousand
    /// instructions at load, where compiling them into an Aho-Corasick
    /// automaton was twenty million, a fifth of loading, for text that
    /// mostly holds no Han character at all.
    cjk: FxMap<&'static str, NameInfo>,
    pub entries: Vec<Entry>,
    /// Every name, and every beginning of a name that ends right before an
    /// ASCII separator (`Bank`, `Bank of` for `Bank of America`; `X Co.` for
    /// `X Co., Ltd.`): a look-up that extends a candidate word by word stops
    /// as soon as the text so far begins no name. One map, so that one
    /// look-up answers both questions.
    by_name: FxMap<&'static str, NameInfo>,
    common: FoldSet,
    given: FxSet<&'static str>,
    surnames: FxSet<&'static str>,
    /// The surnames, asked for in any ASCII case.
    surnames_fold: FoldSet,
    syllables: FxSet<&'static str>,
    legal: FxSet<&'static str>,
    /// The legal forms, asked for in any ASCII case.
    legal_fold: FoldSet,
    /// The legal forms, and those ending in a dot without it (`inc` for
    /// `inc.`), asked for in any ASCII case: a bare word (no final dot) is a
    /// legal form with or without a dot added when it is in this set.
    legal_bare: FoldSet,
    /// Every word that is a country's or region's name with a nationality
    /// ending put in place of its own (`Brazil` -> `Brazilian`, `China` ->
    /// `Chinese`): see [`Gazetteer::is_place_adjective`].
    place_adjectives: FxSet<String>,
}

/// Nationality endings, each with the endings of place names it replaces:
/// `Chin(a)` -> `Chin(ese)`, `Brazil()` -> `Brazil(ian)`.
const ADJECTIVE_ENDINGS: &[(&str, &[&str])] = &[
    ("ese", &["", "a"]),
    ("ian", &["", "a", "ia", "y"]),
    ("an", &["", "a", "o", "e"]),
    ("ish", &[""]),
    ("i", &["", "a", "an"]),
];

/// Where the first `byte` of `b` is, eight bytes a step: the data files are
/// a megabyte of short lines and fields, too short for memchr's set-up to
/// pay (a call per tab-separated field was a tenth of loading) and long
/// enough that a byte loop over them was another tenth.
fn find_byte(b: &[u8], byte: u8) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let pattern = LO * u64::from(byte);
    let mut at = 0;
    while let Some(c) = b[at..].first_chunk::<8>() {
        // Zero bytes where `byte` is; the lowest flagged byte is the first
        // zero (a borrow only flags bytes above a zero).
        let v = u64::from_le_bytes(*c) ^ pattern;
        let m = v.wrapping_sub(LO) & !v & HI;
        if m != 0 {
            return Some(at + (m.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    b[at..].iter().position(|&c| c == byte).map(|p| at + p)
}

/// The fields of a tab-separated line, as `l.split('\t')` gives them.
fn fields(l: &'static str) -> impl Iterator<Item = &'static str> {
    let mut rest = Some(l);
    std::iter::from_fn(move || {
        let r = rest?;
        match find_byte(r.as_bytes(), b'\t') {
            Some(p) => {
                rest = Some(&r[p + 1..]);
                Some(&r[..p])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

fn lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = find_byte(rest.as_bytes(), b'\n').unwrap_or(rest.len());
        let line = &rest[..end];
        rest = &rest[(end + 1).min(rest.len())..];
        Some(line)
    })
    .map(str::trim_end)
    .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// True for a character of the CJK Unified Ideographs (and Extension A)
/// blocks, which have no case.
fn is_han(c: char) -> bool {
    ('\u{3400}'..='\u{9fff}').contains(&c)
}

/// The lines of a word list as a set, sized once (no rehashing while it fills).
fn set_of(s: &'static str) -> FxSet<&'static str> {
    let mut set = FxSet::with_capacity_and_hasher(s.len() / 8 + 16, Default::default());
    set.extend(lines(s));
    set
}

impl Gazetteer {
    pub fn load() -> Gazetteer {
        let common = FoldSet::new(lines(COMMON));
        let is_common = |w: &str| common.contains_lower(w);
        let given = set_of(GIVEN);
        let mut names: Vec<(&'static str, Label, String, Source)> = Vec::with_capacity(24_000);
        for l in lines(CURATED) {
            let mut f = fields(l);
            let (Some(label), Some(name)) = (f.next(), f.next()) else {
                continue;
            };
            let label = match label {
                "PLACE" => Label::Place,
                "COMPANY" => Label::Company,
                "ORGANIZATION" => Label::Organization,
                "PERSON" => Label::Person,
                _ => continue,
            };
            let canon = f.next().filter(|c| !c.is_empty()).unwrap_or(name);
            names.push((name, label, canon.to_string(), Source::Curated));
        }
        for l in lines(PLACES) {
            let mut f = fields(l);
            let (Some(kind), Some(name), Some(canon)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let source = match kind {
                "country" => Source::Country,
                "subdivision" | "state" => Source::Subdivision,
                "region" => Source::Region,
                _ => Source::City,
            };
            names.push((name, Label::Place, canon.to_string(), source));
        }
        for name in lines(COMPANIES) {
            names.push((name, Label::Company, String::new(), Source::Company));
        }
        names.sort_by(|a, b| a.0.cmp(b.0).then(a.3.cmp(&b.3)));
        names.dedup_by(|a, b| a.0 == b.0);

        // Sets sized once (no rehashing while they fill).
        let mut local: FxSet<&str> =
            FxSet::with_capacity_and_hasher(names.len(), Default::default());
        local.extend(
            names
                .iter()
                .filter(|n| matches!(n.3, Source::Subdivision | Source::City))
                .map(|n| n.0),
        );
        let mut entries = Vec::with_capacity(names.len());
        // Sized once: the names without ASCII and their beginnings are
        // about half as many as all names in the data shipped.
        let mut cjk: FxMap<&'static str, NameInfo> =
            FxMap::with_capacity_and_hasher(names.len() / 2, Default::default());
        let mut by_name: FxMap<&'static str, NameInfo> =
            FxMap::with_capacity_and_hasher(2 * names.len(), Default::default());
        let mut lower = String::new();
        for (name, label, canon, source) in names {
            let one_word = !name.contains(' ');
            lower.clear();
            if one_word && name.is_ascii() {
                lower.push_str(name);
                lower.make_ascii_lowercase();
            } else if one_word && name.chars().all(is_han) {
                // Han characters have no case: such a name is its own lower
                // case, without a look-up in the case tables per character
                // (a twentieth of loading, for the names in Chinese).
                lower.push_str(name);
            } else if one_word {
                lower.extend(name.chars().flat_map(char::to_lowercase));
            }
            // Curated names are ambiguous only when they are English words (`Meta`).
            let given_too = source != Source::Curated && given.contains(name);
            // A country's name is the country in news however the word
            // list spells it (`China`, `Japan`, `Turkey`), unless it is a
            // given name too (`Chad`, `Jordan`).
            let word_too = is_common(lower.as_str()) && source != Source::Country;
            let ambiguous = one_word && (word_too || given_too);
            let canonical = if label == Label::Company && source != Source::Curated {
                crate::canonical::company_core(name, is_common, |w| local.contains(w))
            } else {
                canon
            };
            let id = entries.len() as u32;
            by_name.entry(name).or_insert(NOT_A_NAME).entry = id;
            entries.push(Entry {
                label,
                canonical,
                source,
                ambiguous,
            });
            // A run of Chinese characters holds no ASCII: only names
            // without ASCII can match inside one.
            if !name.bytes().any(|b| b.is_ascii()) {
                cjk.entry(name).or_insert(NOT_A_NAME).entry = id;
                for (p, _) in name.char_indices().skip(1) {
                    cjk.entry(&name[..p]).or_insert(NOT_A_NAME).prefix = true;
                }
            }
            for (p, b) in name.bytes().enumerate() {
                if p > 0 && b.is_ascii() && !b.is_ascii_alphanumeric() {
                    by_name.entry(&name[..p]).or_insert(NOT_A_NAME).prefix = true;
                }
            }
        }
        // Build the word-class table now, as part of loading.
        let _ = classes("");
        // Every adjective the endings make of a country or region, so that
        // a word is one look-up instead of one per ending (cities make none:
        // `Shuya` the town makes no `Shuyi`).
        let regions = entries
            .iter()
            .filter(|e| e.label == Label::Place && e.source != Source::City)
            .count();
        // At most a few adjectives per country or region.
        let mut place_adjectives: FxSet<String> =
            FxSet::with_capacity_and_hasher(4 * regions, Default::default());
        for (name, info) in &by_name {
            let Some(id) = info.entry() else { continue };
            let e = &entries[id as usize];
            if e.label != Label::Place || e.source == Source::City {
                continue;
            }
            for (end, adds) in ADJECTIVE_ENDINGS {
                for add in *adds {
                    if let Some(stem) = name.strip_suffix(add) {
                        // Two pushes, not the formatting machinery (tens of
                        // thousands of names at load).
                        let mut adj = String::with_capacity(stem.len() + end.len());
                        adj.push_str(stem);
                        adj.push_str(end);
                        place_adjectives.insert(adj);
                    }
                }
            }
        }
        Gazetteer {
            cjk,
            entries,
            by_name,
            common,
            given,
            surnames: set_of(CN_SURNAMES),
            surnames_fold: FoldSet::new(lines(CN_SURNAMES)),
            syllables: set_of(PINYIN),
            legal: set_of(LEGAL),
            legal_fold: FoldSet::new(lines(LEGAL)),
            legal_bare: FoldSet::new(
                lines(LEGAL).chain(lines(LEGAL).filter_map(|l| l.strip_suffix('.'))),
            ),
            place_adjectives,
        }
    }

    /// Every gazetteer name written in Chinese characters in `run` (a run of
    /// such characters), overlapping ones included, offsets relative to the
    /// run; in order of start, then of end.
    pub fn cjk_hits(&self, run: &str, out: &mut Vec<Hit>) {
        out.clear();
        // A name starts and ends at characters: every place one can is tried.
        for (start, _) in run.char_indices() {
            let mut rest = run[start..].char_indices().skip(1).map(|(p, _)| start + p);
            let mut end = rest.next().unwrap_or(run.len());
            while let Some(info) = self.cjk.get(&run[start..end]) {
                if let Some(entry) = info.entry() {
                    out.push(Hit { start, end, entry });
                }
                if !info.prefix || end == run.len() {
                    break;
                }
                end = rest.next().unwrap_or(run.len());
            }
        }
    }

    /// What is known of `text` as a name or the beginning of one.
    pub fn info(&self, text: &str) -> Option<&NameInfo> {
        self.by_name.get(text)
    }

    /// The entry id for exactly `name`.
    pub fn entry_id(&self, name: &str) -> Option<u32> {
        self.by_name.get(name).and_then(NameInfo::entry)
    }

    /// The entry for exactly `name`.
    pub fn get(&self, name: &str) -> Option<&Entry> {
        self.entry_id(name).map(|i| &self.entries[i as usize])
    }

    /// True when `lower` (already lower-cased) is an ordinary English word.
    /// ASCII letters are folded on the way, so an ASCII word may come in any
    /// case ([`Gazetteer::is_common_ascii`]).
    pub fn is_common(&self, lower: &str) -> bool {
        self.common.contains_lower(lower)
    }

    /// True when `w`, an ASCII word in any case, is an ordinary English word
    /// in lower case: [`Gazetteer::is_common`] of its lower case, without
    /// making it.
    pub fn is_common_ascii(&self, w: &str) -> bool {
        self.common.contains_lower(w)
    }

    /// True when `w` is a known given name (`Maria`, `John`).
    pub fn is_given(&self, w: &str) -> bool {
        // Accents are not ASCII: an ASCII word folds to itself.
        self.given.contains(w)
            || !w.is_ascii() && {
                let folded = fold(w);
                folded != w && self.given.contains(folded.as_str())
            }
    }

    /// True when `lower` is a Chinese surname in pinyin (`wang`, `lü` as `lv`).
    pub fn is_cn_surname(&self, lower: &str) -> bool {
        // Tone marks and `ü` are not ASCII: ASCII needs no normalizing.
        self.surnames.contains(lower)
            || !lower.is_ascii() && self.surnames.contains(pinyin_norm(lower).as_str())
    }

    /// [`Gazetteer::is_cn_surname`] of the lower case of `w`, an ASCII
    /// word in any case, without making it.
    pub fn is_cn_surname_ascii(&self, w: &str) -> bool {
        self.surnames_fold.contains_lower(w)
    }

    /// True when `lower` is one to three pinyin syllables: `meifang`, `penghong`.
    pub fn is_pinyin_given(&self, lower: &str) -> bool {
        if lower.bytes().all(|b| b.is_ascii_lowercase()) {
            return self.split_syllables(lower, 3);
        }
        let s = pinyin_norm(lower);
        let s: String = s.chars().filter(|c| *c != '-' && *c != '\'').collect();
        self.split_syllables(&s, 3)
    }

    fn split_syllables(&self, s: &str, left: usize) -> bool {
        if s.is_empty() {
            return true;
        }
        if left == 0 {
            return false;
        }
        // Longest syllable first: `xiang` before `xian` + `g…`.
        (1..=s.len().min(6)).rev().any(|n| {
            s.is_char_boundary(n)
                && self.syllables.contains(&s[..n])
                && self.split_syllables(&s[n..], left - 1)
        })
    }

    /// True when `w` is a country's or region's name with a nationality
    /// ending (`Brazilian`, `Chinese`, `Kenyan`): some place name that is no
    /// city, with one of its endings in [`ADJECTIVE_ENDINGS`] replaced.
    pub fn is_place_adjective(&self, w: &str) -> bool {
        self.place_adjectives.contains(w)
    }

    /// True when `lower` is a legal-form suffix: `ltd`, `inc.`, `gmbh`, `s.a.`.
    pub fn is_legal(&self, lower: &str) -> bool {
        self.legal.contains(lower)
    }

    /// [`Gazetteer::is_legal`] of the lower case of `w`, an ASCII word in
    /// any case, without making it.
    pub fn is_legal_ascii(&self, w: &str) -> bool {
        self.legal_fold.contains_lower(w)
    }

    /// True when the lower case of `bare`, an ASCII word in any case without
    /// a final dot, is a legal form with or without a dot added
    /// ([`Gazetteer::is_legal`] of both), in one look-up.
    pub fn is_legal_bare_ascii(&self, bare: &str) -> bool {
        self.legal_bare.contains_lower(bare)
    }
}

/// A set of words asked with words in any ASCII case: a word is in it when
/// its ASCII lower case is (the lower case is hashed and compared on the fly,
/// never made). Open addressing over one array of slots, each slot the
/// word's place in one string of all words and a fragment of its hash, so
/// that a probe reads one slot and, only on a likely match, the word.
#[derive(Debug)]
struct FoldSet {
    /// 0 for an empty slot, else the high half of the hash, the word's
    /// offset in `words` (24 bits) and its length (8 bits).
    slots: Vec<u64>,
    words: String,
}

impl FoldSet {
    fn new(items: impl Iterator<Item = &'static str>) -> FoldSet {
        let items: Vec<&str> = items.collect();
        let n = (items.len() * 2).next_power_of_two().max(16);
        let mut set = FoldSet {
            slots: vec![0; n],
            words: String::new(),
        };
        for w in items {
            // Words too long to slot, or past what an offset can say, are
            // kept out of the table and can never be asked for (none are).
            if w.len() > 255 || set.words.len() + w.len() >= 1 << 24 {
                continue;
            }
            // One probe both tells a word already in (its lower case, as
            // `contains_lower` would) and finds the empty slot for a new one.
            let wb = w.as_bytes();
            let h = fold_hash(wb);
            let mut i = h as usize & (n - 1);
            let mut known = false;
            while set.slots[i] != 0 {
                let slot = set.slots[i];
                if slot >> 32 == h >> 32 && (slot & 0xff) as usize == wb.len() {
                    let at = (slot >> 8 & 0xff_ffff) as usize;
                    let k = &set.words.as_bytes()[at..at + wb.len()];
                    if (0..wb.len())
                        .step_by(8)
                        .all(|p| load8(k, p) == fold8(load8(wb, p)))
                    {
                        known = true;
                        break;
                    }
                }
                i = (i + 1) & (n - 1);
            }
            if known {
                continue;
            }
            set.slots[i] = (h >> 32) << 32 | (set.words.len() as u64) << 8 | w.len() as u64;
            set.words.push_str(w);
        }
        set
    }

    /// True when a word of the set equals `w` with its ASCII letters lower-cased.
    #[inline]
    fn contains_lower(&self, w: &str) -> bool {
        let wb = w.as_bytes();
        if wb.len() > 255 {
            return false;
        }
        let h = fold_hash(wb);
        let n = self.slots.len();
        let mut i = h as usize & (n - 1);
        let words = self.words.as_bytes();
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return false;
            }
            if slot >> 32 == h >> 32 && (slot & 0xff) as usize == wb.len() {
                let at = (slot >> 8 & 0xff_ffff) as usize;
                let k = &words[at..at + wb.len()];
                if (0..wb.len())
                    .step_by(8)
                    .all(|p| load8(k, p) == fold8(load8(wb, p)))
                {
                    return true;
                }
            }
            i = (i + 1) & (n - 1);
        }
    }
}

/// Up to eight bytes of `b` from `at`, little-endian, zeros past its end.
#[inline]
pub(crate) fn load8(b: &[u8], at: usize) -> u64 {
    let rest = &b[at..];
    if let Some(&w) = rest.first_chunk::<8>() {
        return u64::from_le_bytes(w);
    }
    // A short word: two overlapping four-byte loads, or its bytes (a copy
    // of a variable length would be a call to memcpy).
    let n = rest.len();
    match *rest {
        [] => 0,
        [a] => u64::from(a),
        [a, b] => u64::from(u16::from_le_bytes([a, b])),
        [a, b, c] => u64::from(u16::from_le_bytes([a, b])) | u64::from(c) << 16,
        [a, b, c, d, ..] => {
            let lo = u64::from(u32::from_le_bytes([a, b, c, d]));
            let hi = u64::from(u32::from_le_bytes([
                rest[n - 4],
                rest[n - 3],
                rest[n - 2],
                rest[n - 1],
            ]));
            lo | hi << (8 * (n - 4))
        }
    }
}

/// Eight bytes of `b` from `at` (before its end), little-endian, padded
/// past its end with `x`: a letter, neither white space nor a control
/// byte, so that a test of every byte passes over the padding.
#[inline]
pub(crate) fn load8_padded(b: &[u8], at: usize) -> u64 {
    const PAD: u64 = 0x7878_7878_7878_7878;
    let n = b.len() - at;
    let v = load8(b, at);
    if n >= 8 {
        v
    } else {
        v | PAD << (8 * n)
    }
}

/// Eight bytes with their ASCII upper-case letters lower-cased (other
/// bytes, non-ASCII ones included, unchanged), without a branch per byte.
#[inline]
fn fold8(x: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low = x & LOW7;
    // The high bit of each byte: at or above `A`, and above `Z`.
    let ge_a = low + 0x3f3f_3f3f_3f3f_3f3f;
    let gt_z = low + 0x2525_2525_2525_2525;
    let upper = ge_a & !gt_z & !x & HIGH;
    x | upper >> 2
}

/// The FxHash mix of `w` with its ASCII letters lower-cased, eight bytes at a time.
fn fold_hash(w: &[u8]) -> u64 {
    let mut h = Fx::default();
    let mut p = 0;
    while p + 8 < w.len() {
        h.add(fold8(load8(w, p)));
        p += 8;
    }
    h.add(fold8(load8(w, p)) ^ (w.len() as u64) << 56);
    // The slot comes from the low bits: fold the well-mixed high bits in.
    h.0 ^ h.0 >> 29
}

/// Hashes `version` and every embedded data file.
pub(crate) fn fingerprint(version: u32) -> u64 {
    let mut h = Fx::default();
    h.write(&version.to_le_bytes());
    for data in [
        PLACES,
        COMPANIES,
        CURATED,
        COMMON,
        GIVEN,
        CN_SURNAMES,
        PINYIN,
        LEGAL,
    ] {
        h.write(data.as_bytes());
        h.write_u8(0xff);
    }
    h.finish()
}

/// Slots of the word-class table: a power of two, about six times the
/// number of listed words, so that most look-ups of an unlisted word end at
/// the first, empty slot.
const CLASS_SLOTS: usize = 4096;

/// A cheap hash of a word for the class table: its length and three of its
/// bytes, mixed.
fn class_slot(w: &[u8]) -> usize {
    let n = w.len();
    let (first, mid, last) = match n {
        0 => (0, 0, 0),
        _ => (w[0], w[n / 2], w[n - 1]),
    };
    class_slot_of(n, first, mid, last)
}

/// [`class_slot`] from a word's length and its first, middle and last bytes.
fn class_slot_of(n: usize, first: u8, mid: u8, last: u8) -> usize {
    let h = (n as u32).wrapping_mul(0x9E37_79B9)
        ^ u32::from(first).wrapping_mul(0x85EB_CA6B)
        ^ u32::from(mid).wrapping_mul(0x27D4_EB2F)
        ^ u32::from(last).wrapping_mul(0xC2B2_AE35);
    (h ^ (h >> 15)) as usize & (CLASS_SLOTS - 1)
}

/// The class table: per slot a short tag of the word there (0 for an empty
/// slot), and the word with its class bits.
struct ClassTable {
    /// Length and first byte of each slot's word, never 0 for a word: most
    /// look-ups (of unlisted words) read only this array, 8 KB that stays in
    /// the L1 cache, where the slots themselves (24 bytes each) would not.
    tags: Vec<u16>,
    slots: Vec<(&'static str, u32)>,
}

/// The tag of a word in [`ClassTable::tags`]: its length (listed words are
/// shorter than 128 bytes) and first byte, with the high bit set.
fn class_tag(w: &[u8]) -> u16 {
    class_tag_of(w.len(), w.first().copied().unwrap_or(0))
}

/// [`class_tag`] from a word's length and first byte.
fn class_tag_of(n: usize, first: u8) -> u16 {
    0x8000 | ((n as u16 & 0x7f) << 8) | u16::from(first)
}

/// The word classes of `w` (bits of [`crate::rules::cls`]), from an
/// open-addressing table built once (the rules ask it several times per word).
pub(crate) fn classes(w: &str) -> u32 {
    classes_of_bytes(w.as_bytes())
}

/// [`classes`] of a word given as its bytes (the table reads nothing
/// else, and a caller holding a slice of the text as bytes saves making it
/// a `&str`, which checks character boundaries).
pub(crate) fn classes_of_bytes(wb: &[u8]) -> u32 {
    let t = class_table();
    let tag = class_tag(wb);
    let mut i = class_slot(wb);
    loop {
        let ti = t.tags[i];
        if ti == 0 {
            return 0;
        }
        if ti == tag {
            // Listed words are short: a byte loop beats a call to memcmp.
            let (k, bits) = t.slots[i];
            let kb = k.as_bytes();
            if kb.len() == wb.len() && kb.iter().zip(wb).all(|(a, b)| a == b) {
                return bits;
            }
        }
        i = (i + 1) & (CLASS_SLOTS - 1);
    }
}

/// [`classes`] of `w` with its ASCII letters lower-cased, without making
/// the lower case: the slot, the tag and the comparison fold each byte
/// they read.
pub(crate) fn classes_ascii_lower(w: &str) -> u32 {
    let t = class_table();
    let wb = w.as_bytes();
    let n = wb.len();
    let lower = |i: usize| wb[i].to_ascii_lowercase();
    let (first, mid, last) = match n {
        0 => (0, 0, 0),
        _ => (lower(0), lower(n / 2), lower(n - 1)),
    };
    let tag = class_tag_of(n, first);
    let mut i = class_slot_of(n, first, mid, last);
    loop {
        let ti = t.tags[i];
        if ti == 0 {
            return 0;
        }
        if ti == tag {
            let (k, bits) = t.slots[i];
            let kb = k.as_bytes();
            if kb.len() == n && kb.iter().zip(wb).all(|(a, b)| *a == b.to_ascii_lowercase()) {
                return bits;
            }
        }
        i = (i + 1) & (CLASS_SLOTS - 1);
    }
}

/// The class table, built on first use.
fn class_table() -> &'static ClassTable {
    static TABLE: std::sync::OnceLock<ClassTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut slots: Vec<(&'static str, u32)> = vec![("", 0); CLASS_SLOTS];
        let mut tags = vec![0u16; CLASS_SLOTS];
        for (list, bit) in crate::rules::CLASSES {
            for w in *list {
                let mut i = class_slot(w.as_bytes());
                while !slots[i].0.is_empty() && slots[i].0 != *w {
                    i = (i + 1) & (CLASS_SLOTS - 1);
                }
                slots[i].0 = w;
                slots[i].1 |= bit;
                tags[i] = class_tag(w.as_bytes());
            }
        }
        ClassTable { tags, slots }
    })
}

/// True when `w` is in the list(s) of `class`.
pub(crate) fn is(w: &str, class: u32) -> bool {
    classes(w) & class != 0
}

/// Drops accents: `João` -> `Joao`.
pub(crate) fn fold(w: &str) -> String {
    w.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
            'Á' | 'À' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => 'A',
            'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
            'É' | 'È' | 'Ê' | 'Ë' => 'E',
            'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
            'Í' | 'Ì' | 'Î' | 'Ï' => 'I',
            'ó' | 'ò' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
            'Ó' | 'Ò' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'O',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
            'Ú' | 'Ù' | 'Û' | 'Ü' => 'U',
            'ç' => 'c',
            'Ç' => 'C',
            'ñ' => 'n',
            'Ñ' => 'N',
            c => c,
        })
        .collect()
}

/// Pinyin as the syllable list spells it: `ü` is written `v`, tone marks dropped.
fn pinyin_norm(lower: &str) -> String {
    lower
        .chars()
        .map(|c| match c {
            'ü' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => 'v',
            'ā' | 'á' | 'ǎ' | 'à' => 'a',
            'ē' | 'é' | 'ě' | 'è' => 'e',
            'ī' | 'í' | 'ǐ' | 'ì' => 'i',
            'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
            'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The gazetteer, the names without ASCII with their entries, and the
    /// old automaton over them (built as loading built it), to check the
    /// search against; made once for all the tests.
    type CjkReference = (
        Gazetteer,
        Vec<(&'static str, u32)>,
        aho_corasick::AhoCorasick,
    );

    fn cjk_reference() -> &'static CjkReference {
        static REF: std::sync::OnceLock<CjkReference> = std::sync::OnceLock::new();
        REF.get_or_init(|| {
            let gaz = Gazetteer::load();
            let mut names: Vec<(&'static str, u32)> = gaz
                .cjk
                .iter()
                .filter_map(|(n, i)| Some((*n, i.entry()?)))
                .collect();
            names.sort();
            let ac = aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::Standard)
                .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
                .build(names.iter().map(|n| n.0))
                .unwrap();
            (gaz, names, ac)
        })
    }

    fn hits_by_automaton(
        names: &[(&str, u32)],
        ac: &aho_corasick::AhoCorasick,
        run: &str,
    ) -> Vec<(usize, usize, u32)> {
        let mut v: Vec<(usize, usize, u32)> = ac
            .find_overlapping_iter(run)
            .map(|m| (m.start(), m.end(), names[m.pattern().as_usize()].1))
            .collect();
        v.sort();
        v
    }

    fn hits_by_search(gaz: &Gazetteer, run: &str) -> Vec<(usize, usize, u32)> {
        let mut hits = Vec::new();
        gaz.cjk_hits(run, &mut hits);
        hits.iter().map(|h| (h.start, h.end, h.entry)).collect()
    }

    #[test]
    fn cjk_search_finds_what_the_automaton_found() {
        let (gaz, names, ac) = cjk_reference();
        assert!(names.len() > 1000);
        // Every name alone, glued to its neighbours in the list, and inside
        // other text.
        for w in names.windows(3) {
            for run in [
                w[0].0.to_string(),
                format!("{}{}{}", w[0].0, w[1].0, w[2].0),
                format!("在{}的{}年", w[1].0, w[2].0),
            ] {
                assert_eq!(
                    hits_by_search(gaz, &run),
                    hits_by_automaton(names, ac, &run),
                    "{run}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn cjk_search_agrees_with_the_automaton(picks in proptest::collection::vec((0usize..100_000, 0usize..8, 1usize..8), 0..12)) {
            // Runs made of pieces of names (their characters, cut anywhere),
            // so that beginnings of names meet and overlap.
            let (gaz, names, ac) = cjk_reference();
            let mut run = String::new();
            for (i, from, len) in picks {
                let chars: Vec<char> = names[i % names.len()].0.chars().collect();
                let from = from.min(chars.len());
                run.extend(&chars[from..(from + len).min(chars.len())]);
            }
            proptest::prop_assert_eq!(hits_by_search(gaz, &run), hits_by_automaton(names, ac, &run));
        }
    }

    proptest::proptest! {
        #[test]
        fn find_byte_is_position(b in proptest::collection::vec(proptest::prop_oneof![b'\t'..=b'\n', proptest::prelude::any::<u8>()], 0..40), byte in b'\t'..=b'\n') {
            proptest::prop_assert_eq!(find_byte(&b, byte), b.iter().position(|&c| c == byte));
        }

        #[test]
        fn fields_are_split_at_tabs(l in "[a\t\u{e9}\u{4e2d}]{0,24}") {
            let l: &'static str = Box::leak(l.into_boxed_str());
            proptest::prop_assert_eq!(fields(l).collect::<Vec<_>>(), l.split('\t').collect::<Vec<_>>());
        }
    }

    #[test]
    fn han_characters_are_their_own_lower_case() {
        for c in ('\u{3400}'..='\u{9fff}').filter(|&c| is_han(c)) {
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
        assert!(!is_han('A') && !is_han('\u{3000}') && !is_han('\u{a000}'));
    }

    #[test]
    fn load8_reads_up_to_eight_bytes() {
        let b = b"abcdefghijk";
        for at in 0..=b.len() {
            let mut w = [0u8; 8];
            let n = (b.len() - at).min(8);
            w[..n].copy_from_slice(&b[at..at + n]);
            assert_eq!(load8(b, at), u64::from_le_bytes(w), "at {at}");
            for end in at..=b.len().min(at + 8) {
                let mut w = [0u8; 8];
                w[..end - at].copy_from_slice(&b[at..end]);
                assert_eq!(load8(&b[..end], at), u64::from_le_bytes(w), "{at}..{end}");
            }
        }
    }

    #[test]
    fn fold8_lowers_ascii_letters_only() {
        for b in 0..=255u8 {
            let x = u64::from_le_bytes([b, b'Q', 0xc3, b, b'z', b'@', b'[', b]);
            let want = u64::from_le_bytes([
                b.to_ascii_lowercase(),
                b'q',
                0xc3,
                b.to_ascii_lowercase(),
                b'z',
                b'@',
                b'[',
                b.to_ascii_lowercase(),
            ]);
            assert_eq!(fold8(x), want, "byte {b:#x}");
        }
    }

    #[test]
    fn fold_set_answers_as_a_set_of_lower_case() {
        let words = [
            "apple",
            "exports",
            "a",
            "internationalization",
            "Upper",
            "é",
        ];
        let set = FoldSet::new(words.into_iter());
        for (w, want) in [
            ("apple", true),
            ("Apple", true),
            ("APPLE", true),
            ("apples", false),
            ("appl", false),
            ("Exports", true),
            ("A", true),
            ("b", false),
            ("", false),
            ("INTERNATIONALIZATION", true),
            ("internationalizatioN", true),
            ("internationalizatio", false),
            ("Upper", false),
            ("upper", false),
            ("é", true),
        ] {
            assert_eq!(set.contains_lower(w), want, "{w:?}");
        }
    }

    #[test]
    fn classes_ascii_lower_is_classes_of_the_lower_case() {
        let mut words: Vec<String> = Vec::new();
        for (list, _) in crate::rules::CLASSES {
            for w in *list {
                words.push(w.to_string());
                words.push(w.to_ascii_uppercase());
                let mut t = w.to_string();
                t[..1].make_ascii_uppercase();
                words.push(t);
            }
        }
        words.extend(["", "Qiantang", "OF", "Of", "tHe", "X", "co."].map(String::from));
        for w in &words {
            assert_eq!(
                classes_ascii_lower(w),
                classes(&w.to_ascii_lowercase()),
                "{w:?}"
            );
        }
    }

    #[test]
    fn legal_forms_in_any_case_with_or_without_a_dot() {
        let gaz = Gazetteer::load();
        let mut words: Vec<String> = Vec::new();
        for l in lines(LEGAL) {
            for w in [l, l.trim_end_matches('.'), &l[..l.len() - 1]] {
                words.push(w.to_string());
                words.push(w.to_ascii_uppercase());
                words.push(format!("{w}x"));
            }
        }
        words.extend(["", ".", "Ltd", "LTD..", "Qiantang", "Co"].map(String::from));
        for w in &words {
            let lower = w.to_ascii_lowercase();
            assert_eq!(gaz.is_legal_ascii(w), gaz.is_legal(&lower), "{w:?}");
            let bare = w.trim_end_matches('.');
            let bare_lower = bare.to_ascii_lowercase();
            let want = gaz.is_legal(&bare_lower) || gaz.is_legal(&format!("{bare_lower}."));
            assert_eq!(gaz.is_legal_bare_ascii(bare), want, "{w:?}");
        }
    }

    #[test]
    fn surnames_in_any_case() {
        let gaz = Gazetteer::load();
        for l in lines(CN_SURNAMES) {
            for w in [l.to_string(), l.to_ascii_uppercase(), format!("{l}x")] {
                if w.is_ascii() {
                    let lower = w.to_ascii_lowercase();
                    assert_eq!(
                        gaz.is_cn_surname_ascii(&w),
                        gaz.is_cn_surname(&lower),
                        "{w:?}"
                    );
                }
            }
        }
        assert!(!gaz.is_cn_surname_ascii("Qiantang"));
    }

    #[test]
    fn common_words_in_any_case() {
        let gaz = Gazetteer::load();
        for w in lines(COMMON).take(2000) {
            if w.bytes().all(|b| b.is_ascii_lowercase()) {
                assert!(gaz.is_common_ascii(w));
                assert!(gaz.is_common_ascii(&w.to_ascii_uppercase()));
            }
        }
        assert!(!gaz.is_common_ascii("Qiantang"));
    }
}
