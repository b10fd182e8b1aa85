//! The English number vocabulary: cardinals, ordinals, scales, fractions.

/// What a number word is. Keys are lower-case ASCII.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Wc {
    /// zero … ninety (0–9 units, 10–19 teens, 20–90 tens).
    Card(u8),
    /// hundred.
    Hundred,
    /// thousand, million, billion, trillion, lakh, crore.
    Scale(f64),
    /// An ordinal word: its cardinal meaning and whether plural (`fifths`).
    Ord(OrdW, bool),
    /// half / halves.
    Half(bool),
    /// quarter / quarters.
    Quarter(bool),
    /// dozen(s), dz, doz.
    Dozen,
}

/// The cardinal an ordinal word stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum OrdW {
    /// first … ninetieth.
    Card(u8),
    /// hundredth.
    Hundred,
    /// thousandth, millionth …
    Scale(f64),
}

/// Cardinal, scale and fraction words with what they are (lower case).
const CARDINALS: &[(&[u8], Wc)] = &[
    (b"zero", Wc::Card(0)),
    (b"nought", Wc::Card(0)),
    (b"naught", Wc::Card(0)),
    (b"nil", Wc::Card(0)),
    (b"one", Wc::Card(1)),
    (b"two", Wc::Card(2)),
    (b"three", Wc::Card(3)),
    (b"four", Wc::Card(4)),
    (b"five", Wc::Card(5)),
    (b"six", Wc::Card(6)),
    (b"seven", Wc::Card(7)),
    (b"eight", Wc::Card(8)),
    (b"nine", Wc::Card(9)),
    (b"ten", Wc::Card(10)),
    (b"eleven", Wc::Card(11)),
    (b"twelve", Wc::Card(12)),
    (b"thirteen", Wc::Card(13)),
    (b"fourteen", Wc::Card(14)),
    (b"fifteen", Wc::Card(15)),
    (b"sixteen", Wc::Card(16)),
    (b"seventeen", Wc::Card(17)),
    (b"eighteen", Wc::Card(18)),
    (b"nineteen", Wc::Card(19)),
    (b"twenty", Wc::Card(20)),
    (b"thirty", Wc::Card(30)),
    (b"forty", Wc::Card(40)),
    (b"fourty", Wc::Card(40)),
    (b"fifty", Wc::Card(50)),
    (b"sixty", Wc::Card(60)),
    (b"seventy", Wc::Card(70)),
    (b"eighty", Wc::Card(80)),
    (b"ninety", Wc::Card(90)),
    (b"hundred", Wc::Hundred),
    (b"hundreds", Wc::Hundred),
    (b"thousand", Wc::Scale(1e3)),
    (b"thousands", Wc::Scale(1e3)),
    (b"million", Wc::Scale(1e6)),
    (b"millions", Wc::Scale(1e6)),
    (b"billion", Wc::Scale(1e9)),
    (b"billions", Wc::Scale(1e9)),
    (b"trillion", Wc::Scale(1e12)),
    (b"trillions", Wc::Scale(1e12)),
    (b"lakh", Wc::Scale(1e5)),
    (b"lakhs", Wc::Scale(1e5)),
    (b"lac", Wc::Scale(1e5)),
    (b"lacs", Wc::Scale(1e5)),
    (b"crore", Wc::Scale(1e7)),
    (b"crores", Wc::Scale(1e7)),
    (b"dozen", Wc::Dozen),
    (b"dozens", Wc::Dozen),
    (b"dz", Wc::Dozen),
    (b"dzs", Wc::Dozen),
    (b"doz", Wc::Dozen),
    (b"dozs", Wc::Dozen),
    (b"half", Wc::Half(false)),
    (b"halves", Wc::Half(true)),
    (b"quarter", Wc::Quarter(false)),
    (b"quarters", Wc::Quarter(true)),
];

/// Ordinal words with the cardinal they stand for (lower case, singular).
const ORDINALS: &[(&[u8], OrdW)] = &[
    (b"first", OrdW::Card(1)),
    (b"second", OrdW::Card(2)),
    (b"third", OrdW::Card(3)),
    (b"fourth", OrdW::Card(4)),
    (b"fifth", OrdW::Card(5)),
    (b"sixth", OrdW::Card(6)),
    (b"seventh", OrdW::Card(7)),
    (b"eighth", OrdW::Card(8)),
    (b"ninth", OrdW::Card(9)),
    (b"nineth", OrdW::Card(9)),
    (b"tenth", OrdW::Card(10)),
    (b"eleventh", OrdW::Card(11)),
    (b"twelfth", OrdW::Card(12)),
    (b"thirteenth", OrdW::Card(13)),
    (b"fourteenth", OrdW::Card(14)),
    (b"fifteenth", OrdW::Card(15)),
    (b"sixteenth", OrdW::Card(16)),
    (b"seventeenth", OrdW::Card(17)),
    (b"eighteenth", OrdW::Card(18)),
    (b"nineteenth", OrdW::Card(19)),
    (b"twentieth", OrdW::Card(20)),
    (b"thirtieth", OrdW::Card(30)),
    (b"fortieth", OrdW::Card(40)),
    (b"fiftieth", OrdW::Card(50)),
    (b"sixtieth", OrdW::Card(60)),
    (b"seventieth", OrdW::Card(70)),
    (b"eightieth", OrdW::Card(80)),
    (b"ninetieth", OrdW::Card(90)),
    (b"hundredth", OrdW::Hundred),
    (b"thousandth", OrdW::Scale(1e3)),
    (b"millionth", OrdW::Scale(1e6)),
    (b"billionth", OrdW::Scale(1e9)),
    (b"trillionth", OrdW::Scale(1e12)),
];

/// Looks up a lower-case word: a cardinal, scale or fraction word, or an
/// ordinal, singular or plural (`fifths`; `seconds` are time, never a
/// denominator). Most words are turned away by [`VOCABULARY`]'s length and
/// end letters before any comparison; the rest cost one probe or two in
/// [`WORD_TABLE`] (a word of up to 16 bytes is one `u128`).
pub(super) fn word_class(w: &[u8]) -> Option<Wc> {
    if !VOCABULARY.may_hold(w) {
        return None;
    }
    // The filter turned away words over 16 bytes.
    let key = super::lex::bytes_key(w);
    let mut i = slot(key);
    loop {
        match WORD_TABLE[i] {
            Some((k, c)) if k == key => return Some(c),
            Some(_) => i = (i + 1) % SLOTS,
            None => return None,
        }
    }
}

/// Slots in [`WORD_TABLE`]: a power of two, well over twice the words.
const SLOTS: usize = 256;

/// A word of up to 16 bytes as one number, its bytes little-endian and
/// zeros after (no word holds a zero byte, so no two words share a key).
const fn pack(w: &[u8], plural: bool) -> u128 {
    let mut k = 0u128;
    let mut i = 0;
    while i < w.len() {
        k |= (w[i] as u128) << (8 * i);
        i += 1;
    }
    if plural {
        k |= (b's' as u128) << (8 * w.len());
    }
    k
}

/// The first slot a key is looked for in.
const fn slot(k: u128) -> usize {
    key_slot(k, SLOTS)
}

/// The first slot a word's key (a word of up to 16 bytes as one number) is
/// looked for in, in an open-addressed table of `slots` slots (a power of
/// two of at most 256).
pub(crate) const fn key_slot(k: u128, slots: usize) -> usize {
    let h = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize % slots
}

/// Every word [`word_class`] knows, by [`pack`]ed key, with open
/// addressing: the cardinals, the ordinals, and the plurals of ordinals
/// ending in `th`, `rd` or `st` (`fifths`, `thirds`, `firsts`). Built at
/// compile time from [`CARDINALS`] and [`ORDINALS`].
const WORD_TABLE: [Option<(u128, Wc)>; SLOTS] = {
    const fn put(
        mut t: [Option<(u128, Wc)>; SLOTS],
        k: u128,
        c: Wc,
    ) -> [Option<(u128, Wc)>; SLOTS] {
        let mut i = slot(k);
        while t[i].is_some() {
            i = (i + 1) % SLOTS;
        }
        t[i] = Some((k, c));
        t
    }
    let mut t = [None; SLOTS];
    let mut i = 0;
    while i < CARDINALS.len() {
        t = put(t, pack(CARDINALS[i].0, false), CARDINALS[i].1);
        i += 1;
    }
    let mut i = 0;
    while i < ORDINALS.len() {
        let (w, o) = ORDINALS[i];
        t = put(t, pack(w, false), Wc::Ord(o, false));
        let n = w.len();
        let end = [w[n - 2], w[n - 1]];
        if matches!(end, [b't', b'h'] | [b'r', b'd'] | [b's', b't']) {
            t = put(t, pack(w, true), Wc::Ord(o, true));
        }
        i += 1;
    }
    t
};

/// Every word [`word_class`] knows, plurals of ordinals included.
pub(super) const VOCABULARY: WordFilter = {
    let mut f = WordFilter::new();
    let mut i = 0;
    while i < CARDINALS.len() {
        f = f.with(CARDINALS[i].0, false);
        i += 1;
    }
    let mut i = 0;
    while i < ORDINALS.len() {
        f = f.with(ORDINALS[i].0, false).with(ORDINALS[i].0, true);
        i += 1;
    }
    f
};

/// A quick test that a lower-case word may be in a fixed list: for each
/// length and first letter, the set of last letters the list's words of
/// that length and first letter have. A word whose length, first and last
/// letters no word of the list shares is surely not in it; one that shares
/// them is then looked up. Built at compile time from the list.
///
/// The first and last letters are kept as pairs, not as two sets: with two
/// sets, `the` passes a list holding `two` and `one`, and `was` one holding
/// `www` and `dzs`; pairs turn away about half the words that two sets let
/// through, each of which the caller would otherwise look up.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordFilter {
    /// By length (index 0 unused) and first letter (`c & 31`, the same for
    /// either case, 1 for `a`; index 0 unused): bit `c & 31` set for each
    /// last letter `c`.
    pairs: [[u32; 32]; Self::MAX + 1],
}

/// For each byte, its letter's index in a [`WordFilter`] row (`c & 31`:
/// 1 for `a` or `A` … 26 for `z` or `Z`), 0 for a byte that is no ASCII
/// letter (no word of a filter has such a first or last byte, so row and
/// bit 0 are always empty).
const LETTER_INDEX: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 26 {
        t[b'a' as usize + c] = c as u8 + 1;
        t[b'A' as usize + c] = c as u8 + 1;
        c += 1;
    }
    t
};

impl WordFilter {
    /// Longest word a filter holds; longer words are never in it.
    pub const MAX: usize = 16;

    /// An empty filter.
    pub const fn new() -> Self {
        WordFilter {
            pairs: [[0; 32]; Self::MAX + 1],
        }
    }

    /// The filter with `w` (lower-case ASCII letters) added, or `w` with an
    /// `s` after it when `plural`.
    pub const fn with(mut self, w: &[u8], plural: bool) -> Self {
        let n = w.len() + plural as usize;
        assert!(n > 0 && n <= Self::MAX, "word too long for the filter");
        let last = if plural { b's' } else { w[w.len() - 1] };
        assert!(w[0].is_ascii_lowercase() && last.is_ascii_lowercase());
        self.pairs[n][LETTER_INDEX[w[0] as usize] as usize] |= 1 << LETTER_INDEX[last as usize];
        self
    }

    /// The filter with every word of `other` added.
    pub const fn with_filter(mut self, other: WordFilter) -> Self {
        let mut n = 0;
        while n <= Self::MAX {
            let mut c = 0;
            while c < 32 {
                self.pairs[n][c] |= other.pairs[n][c];
                c += 1;
            }
            n += 1;
        }
        self
    }

    /// The filter with every word of `ws` added (lower-case ASCII letters).
    pub const fn with_strs(mut self, ws: &[&str]) -> Self {
        let mut i = 0;
        while i < ws.len() {
            self = self.with(ws[i].as_bytes(), false);
            i += 1;
        }
        self
    }

    /// False when `w` (any case) is surely not in the list.
    #[inline]
    pub fn may_hold(&self, w: &[u8]) -> bool {
        let n = w.len();
        if n == 0 || n > Self::MAX {
            return false;
        }
        let first = LETTER_INDEX[usize::from(w[0])];
        let last = LETTER_INDEX[usize::from(w[n - 1])];
        self.pairs[n][usize::from(first)] >> last & 1 != 0
    }
}

/// The flag of [`FilterPair::flags_by_ends`] for its first filter.
pub(crate) const FIRST: u8 = 1;
/// The flag of [`FilterPair::flags_by_ends`] for its second filter.
pub(crate) const SECOND: u8 = 2;

/// Two [`WordFilter`]s read at once, for a word of ASCII letters: one
/// look-up by its length and first letter, shifted by its last letter,
/// gives both answers.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FilterPair {
    /// By length and first letter (`c & 31`, the same for either case):
    /// the first filter's last letters in the low 32 bits, the second's in
    /// the high 32.
    rows: [u64; Self::ROWS],
}

impl FilterPair {
    const ROWS: usize = (WordFilter::MAX + 1) * 32;

    /// `a` answers with [`FIRST`], `b` with [`SECOND`].
    pub const fn new(a: &WordFilter, b: &WordFilter) -> Self {
        let mut rows = [0u64; Self::ROWS];
        let mut n = 0;
        while n <= WordFilter::MAX {
            let mut c = 0;
            while c < 32 {
                rows[n * 32 + c] = a.pairs[n][c] as u64 | (b.pairs[n][c] as u64) << 32;
                c += 1;
            }
            n += 1;
        }
        FilterPair { rows }
    }

    /// [`FIRST`] when the first filter may hold a word of ASCII letters
    /// (any case) that starts with `first`, ends with `last` and is `len`
    /// letters long (at least 1), [`SECOND`] when the second may, both, or
    /// 0. By its ends, not its slice: the scanner has the word's first
    /// letter in hand and its end from the letters' walk, and every word of
    /// the text is asked about.
    #[inline]
    pub fn flags_by_ends(&self, first: u8, last: u8, len: usize) -> u8 {
        debug_assert!(len > 0 && first.is_ascii_alphabetic() && last.is_ascii_alphabetic());
        if len > WordFilter::MAX {
            return 0;
        }
        // For a letter, `c & 31` is its index in the filters' rows.
        let row = self.rows[len * 32 + usize::from(first & 31)];
        let m = row >> (last & 31);
        // Bit 0 the first filter's answer, bit 32 the second's.
        (m & 1 | (m >> 31) & 2) as u8
    }
}

/// Scale written after digits, glued or spaced: `43bn`, `2.5k`, `10 bln`.
/// `glued` is true when no space separates it from the digits. Case
/// matters for the one-letter forms: `10M` is ten million, `10m` is ten
/// metres (decided by the caller).
pub(super) fn digit_scale(w: &[u8], glued: bool) -> Option<f64> {
    Some(match w {
        b"k" | b"K" | b"thou" => 1e3,
        b"M" | b"MM" | b"mn" | b"mln" | b"mil" | b"mio" | b"Mn" | b"Mln" => 1e6,
        b"b" | b"B" | b"bn" | b"bln" | b"Bn" | b"bil" => 1e9,
        b"tn" | b"tln" | b"trn" | b"Tn" => 1e12,
        // South Asian notes: `Rs 3,181 cr` is crore (ten million).
        b"cr" | b"Cr" | b"crs" => 1e7,
        b"G" if !glued => 1e9,
        _ => return None,
    })
}

/// `a` or `an`.
pub(super) fn is_article(w: &[u8]) -> bool {
    w.eq_ignore_ascii_case(b"a") || w.eq_ignore_ascii_case(b"an")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lookup as a plain walk over the lists.
    fn reference(w: &[u8]) -> Option<Wc> {
        if let Some(&(_, c)) = CARDINALS.iter().find(|(k, _)| *k == w) {
            return Some(c);
        }
        let (stem, plural) = match w.strip_suffix(b"s") {
            Some(s) if s.ends_with(b"th") || s.ends_with(b"rd") || s.ends_with(b"st") => (s, true),
            _ => (w, false),
        };
        ORDINALS
            .iter()
            .find(|(k, _)| *k == stem)
            .map(|&(_, o)| Wc::Ord(o, plural))
    }

    proptest::proptest! {
        #[test]
        fn a_pair_reads_as_its_two_filters(w in "[a-zA-Z]{1,18}") {
            let a = VOCABULARY;
            let b = WordFilter::new().with_strs(&["may", "q", "fiscal", "by"]);
            let pair = FilterPair::new(&a, &b);
            let flag = |held: bool, f: u8| if held { f } else { 0 };
            let want = flag(a.may_hold(w.as_bytes()), FIRST) | flag(b.may_hold(w.as_bytes()), SECOND);
            let w = w.as_bytes();
            proptest::prop_assert_eq!(pair.flags_by_ends(w[0], w[w.len() - 1], w.len()), want);
        }

        /// A filter never turns away a word of its list, in any case, and
        /// turns away any word whose ends no word of its list of that
        /// length has together.
        #[test]
        fn a_filter_holds_its_words_and_no_other_ends(w in "[a-zA-Z]{1,18}", upper in proptest::bool::ANY) {
            let words = ["may", "q", "fiscal", "by", "mid"];
            let f = WordFilter::new().with_strs(&words);
            let list = words.map(str::as_bytes);
            for &x in &list {
                let x = if upper { x.to_ascii_uppercase() } else { x.to_vec() };
                proptest::prop_assert!(f.may_hold(&x));
            }
            let lw = w.to_ascii_lowercase();
            let shares_ends = list.iter().any(|x| {
                x.len() == lw.len() && x[0] == lw.as_bytes()[0] && x[x.len() - 1] == lw.as_bytes()[lw.len() - 1]
            });
            proptest::prop_assert_eq!(f.may_hold(w.as_bytes()), shares_ends);
        }
    }

    #[test]
    fn table_agrees_with_the_lists() {
        let mut words: Vec<Vec<u8>> = Vec::new();
        for w in CARDINALS
            .iter()
            .map(|e| e.0)
            .chain(ORDINALS.iter().map(|e| e.0))
        {
            words.push(w.to_vec());
            words.push([w, b"s"].concat());
            words.push(w[..w.len() - 1].to_vec());
            words.push([w, b"x"].concat());
        }
        for w in [
            "the",
            "a",
            "",
            "seconds",
            "tens",
            "thirdss",
            "twentyfive",
            "abcdefghijklmnopq",
        ] {
            words.push(w.as_bytes().to_vec());
        }
        for w in &words {
            assert_eq!(
                word_class(w),
                reference(w),
                "{}",
                String::from_utf8_lossy(w)
            );
        }
    }
}
