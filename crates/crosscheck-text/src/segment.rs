//! Raw UAX #29 word segmentation: a fast path for ASCII and
//! `unicode-segmentation` for everything else.
//!
//! The text is cut into independent *pieces* at positions where UAX #29
//! always has a word boundary and where no rule looks across: an ASCII
//! white-space byte followed by an ASCII graphic byte (`!`..=`~`).
//! - There is a boundary there: the rules that join across a boundary
//!   (WB3 CR×LF, WB3c ZWJ, WB3d space×space, WB4 ×Extend/Format/ZWJ,
//!   WB5–WB13b, WB15/16) all need a left side that is a letter, digit,
//!   connector, mid-punctuation, ZWJ or regional indicator, or a right side
//!   that is Extend/Format/ZWJ or a space; white space on the left and an
//!   ASCII graphic on the right is none of these, so WB999 breaks.
//! - No rule reaches across it: the look-behind rules (WB7, WB7c, WB11,
//!   WB15/16) need a letter, digit or regional indicator two places back,
//!   never white space; the look-ahead rules (WB6, WB7b, WB12) need a
//!   mid-punctuation character just right of a boundary, never white space.
//!
//! So each piece can be segmented on its own. A piece of pure ASCII (almost
//! every piece of English text) goes through [`ascii_segments`], a hand
//! transcription of the rules restricted to ASCII; any other piece goes
//! through `unicode-segmentation`. Property tests check both claims: the
//! ASCII segmenter against `unicode-segmentation` on random ASCII, and the
//! hybrid against `unicode-segmentation` on mixed text.

use crate::Shape;
use unicode_segmentation::UnicodeSegmentation;

/// Word_Break classes of the bytes that matter. The classes that join
/// into words are below 8 and the others have bit 3 set, so the hot loop
/// tells them apart with one bit test; of those, the ones that may join
/// two parts of a word come first, so that a word's end tells the common
/// case (a space or a mark that joins nothing) with one comparison.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
enum Wb {
    /// `A`–`Z`, `a`–`z` (ALetter).
    Letter = 0,
    /// `0`–`9` (Numeric).
    Digit = 1,
    /// `_` (ExtendNumLet).
    Connector = 2,
    /// `:` (MidLetter).
    MidLetter = NOT_WORD,
    /// `.` and `'` (MidNumLet, Single_Quote).
    MidNumLetQ,
    /// `,` and `;` (MidNum).
    MidNum,
    /// A byte of a non-ASCII character, which may be `‘` or `’`
    /// (MidNumLet) and is read further only then.
    High,
    /// ` ` (WSegSpace).
    Space,
    /// `\r` (CR).
    Cr,
    /// `\n`, `\x0B`, `\x0C` (LF, Newline): always a segment of their own.
    Lf,
    /// Every other ASCII byte, `"` and `\t` included: a segment of one
    /// byte.
    Other,
}

/// The bit of a [`Wb`] class that says it does not join into words.
const NOT_WORD: u8 = 8;

/// Per ASCII byte: its class in the low four bits, and in the high four
/// the shape bits the tokenizer wants (16 lower case, 32 upper case, 64 digit,
/// 128 full stop), so one lookup serves both.
const fn byte_table() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        let class = match b {
            b'A'..=b'Z' | b'a'..=b'z' => Wb::Letter,
            b'0'..=b'9' => Wb::Digit,
            b'_' => Wb::Connector,
            b':' => Wb::MidLetter,
            b'.' | b'\'' => Wb::MidNumLetQ,
            b',' | b';' => Wb::MidNum,
            b' ' => Wb::Space,
            b'\r' => Wb::Cr,
            b'\n' | 0x0B | 0x0C => Wb::Lf,
            0x80.. => Wb::High,
            _ => Wb::Other,
        };
        let shape = match b {
            b'A'..=b'Z' => UPPER,
            b'a'..=b'z' => LOWER,
            b'0'..=b'9' => DIGIT,
            b'.' => DOT,
            _ => 0,
        };
        t[i] = class as u8 | shape;
        i += 1;
    }
    t
}

const LOWER: u8 = 16;
const UPPER: u8 = 32;
const DIGIT: u8 = 64;
const DOT: u8 = 128;

static TABLE: [u8; 256] = byte_table();

#[inline]
fn entry(b: u8) -> u8 {
    TABLE[b as usize]
}

/// A non-ASCII character common enough in English news to keep on the
/// fast path, and what it is to UAX #29 and to the tokenizer.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Fast {
    /// `‘` `’` (MidNumLet): inside a word or figure, part of it.
    MidWord,
    /// `–` `—` `“` `”` (Word_Break Other): punctuation of its own.
    Punct,
    /// `€` `£` `¥` `₩` `₹` (Word_Break Other): a symbol of its own.
    Currency,
    /// A CJK unified ideograph, U+4E00 to U+9FFF (Word_Break Other): a
    /// token of its own.
    Han,
}

/// The [`Fast`] character at `bytes[i]` and its length, or `None`.
#[inline]
fn fast_char(bytes: &[u8], i: usize) -> Option<(Fast, usize)> {
    let second = *bytes.get(i + 1)?;
    match bytes[i] {
        0xC2 => matches!(second, 0xA3 | 0xA5).then_some((Fast::Currency, 2)),
        0xE2 => {
            let third = *bytes.get(i + 2)?;
            let fast = match (second, third) {
                (0x80, 0x93 | 0x94 | 0x9C | 0x9D) => Fast::Punct,
                (0x80, 0x98 | 0x99) => Fast::MidWord,
                (0x82, 0xA9 | 0xAC | 0xB9) => Fast::Currency,
                _ => return None,
            };
            Some((fast, 3))
        }
        // U+4E00 is E4 B8 80, U+9FFF is E9 BF BF; text is valid UTF-8, so
        // the lead byte and the second decide.
        0xE4 if second >= 0xB8 => Some((Fast::Han, 3)),
        0xE5..=0xE9 => Some((Fast::Han, 3)),
        _ => None,
    }
}

/// Receives the segments, in order: `seg(start, end, what)`. The tokenizer's
/// builder inlines it at each call site of the segmenter, where the kind of
/// segment is known, so the dispatch on [`Seg`] folds away; a closure serves
/// as well (the tests).
pub(crate) trait Sink {
    /// One segment, `start..end`.
    fn seg(&mut self, start: usize, end: usize, seg: Seg);

    /// The one space at `at`, right after a [`Seg::Word`] and before a
    /// segment that is no space: the commonest segment of all, which a
    /// sink that joins runs of white space can take without looking back.
    #[inline]
    fn space_after_word(&mut self, at: usize) {
        self.seg(at, at + 1, Seg::Space(0));
    }
}

impl<F: FnMut(usize, usize, Seg)> Sink for F {
    #[inline]
    fn seg(&mut self, start: usize, end: usize, seg: Seg) {
        self(start, end, seg)
    }
}

/// What the ASCII segmenter already knows about a segment.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Seg {
    /// Letters, digits and inner punctuation, with its shape, whether it
    /// holds a letter, and whether it is nothing but ASCII digits.
    Word {
        shape: Shape,
        letter: bool,
        digits_only: bool,
    },
    /// A run of white space holding `n` line breaks.
    Space(u8),
    /// One character that is neither (ASCII punctuation or symbol).
    Mark,
    /// One of the [`Fast`] characters that are a token of their own.
    Wide(Fast),
    /// A segment from the Unicode path; the caller classifies it.
    Unknown,
}

/// Segments `bytes[start..end]`, ASCII but for the characters of
/// [`fast_char`], by UAX #29 word boundaries, calling `f.seg(start, end, seg)`
/// for each segment, in order.
#[inline]
pub(crate) fn ascii_segments(bytes: &[u8], start: usize, end: usize, f: &mut impl Sink) {
    // Class codes as in `Wb`; compared as bytes so that the hot loops
    // branch on ranges rather than jump through a table.
    const MID_LETTER: u8 = Wb::MidLetter as u8;
    const MID_NUM: u8 = Wb::MidNum as u8;
    const LETTER_CLASS: u8 = Wb::Letter as u8;
    const DIGIT_CLASS: u8 = Wb::Digit as u8;
    const ENDS_WORD: u8 = Wb::Space as u8;
    // Cut to the piece, so the loops need no other bound.
    let bytes = &bytes[..end];
    let end = bytes.len();
    let mut i = start;
    while i < end {
        let e = entry(bytes[i]);
        if e & NOT_WORD == 0 {
            // WB5, WB8–WB10, WB13a/b join letters, digits and `_` in any
            // order; WB6/7 join a letter pair across `:` `.` `'` (and
            // U+2018/U+2019), WB11/12 a digit pair across `,` `;` `.` `'`.
            let mut seen = e;
            let mut quote = false;
            let mut j = i + 1;
            loop {
                // The run of letters, digits and connectors: most of a
                // text's bytes, one bit test each. (Eight at a time, by
                // u64 tests for lower-case letters, took more instructions:
                // a word's run after its first letter is four bytes or so.)
                while let Some(&b) = bytes.get(j) {
                    let d = entry(b);
                    if d & NOT_WORD != 0 {
                        break;
                    }
                    seen |= d;
                    j += 1;
                }
                let Some(&b) = bytes.get(j) else { break };
                let d = entry(b);
                let k = d & 15;
                // Most words end at a space or a mark that joins nothing:
                // they leave before the class of the byte before is read.
                if k >= ENDS_WORD {
                    break;
                }
                let mid_word = k <= MID_NUM;
                let prev = entry(bytes[j - 1]) & 15;
                let (width, joins) = if mid_word {
                    let joins = match prev {
                        LETTER_CLASS => k != MID_NUM,
                        DIGIT_CLASS => k != MID_LETTER,
                        _ => false,
                    };
                    (1, joins)
                } else if matches!(fast_char(bytes, j), Some((Fast::MidWord, _))) {
                    quote = true;
                    (3, prev == LETTER_CLASS || prev == DIGIT_CLASS)
                } else {
                    (0, false)
                };
                if !joins || j + width >= end {
                    break;
                }
                let next = entry(bytes[j + width]);
                if next & 15 != prev {
                    break;
                }
                seen |= d | next;
                j += width + 1;
            }
            if seen == LOWER {
                // Lower-case ASCII letters and nothing else (`said`, `the`):
                // two word segments in three in English news, and none of
                // the shape flags below can hold for them, so none is
                // tested. (`seen` gets another bit from anything else a
                // word may hold: a capital, a digit, `_`, or a `.` `'` `’`
                // joined across.)
                f.seg(
                    i,
                    j,
                    Seg::Word {
                        shape: Shape(0),
                        letter: true,
                        digits_only: false,
                    },
                );
            } else {
                let mut flags = 0;
                if seen & DIGIT != 0 {
                    flags |= Shape::DIGITS;
                }
                if seen & DOT != 0 {
                    flags |= Shape::HAS_DOT;
                }
                // Title case: an upper-case first letter and no upper-case
                // second. The byte after the first needs no test that it is in
                // the word: when the word is one byte long, that byte is no
                // letter, so it has no upper-case bit either.
                if e & UPPER != 0 && bytes.get(i + 1).is_none_or(|&b| entry(b) & UPPER == 0) {
                    flags |= Shape::TITLE;
                }
                // All capitals: no lower-case letter and two upper-case ones
                // (counted only then: it is rare).
                if seen & (LOWER | UPPER) == UPPER
                    && bytes[i..j]
                        .iter()
                        .filter(|b| b.is_ascii_uppercase())
                        .count()
                        >= 2
                {
                    flags |= Shape::ALL_CAPS;
                }
                if quote && j > i + 1 && contains_high(&bytes[i..j]) {
                    flags |= Shape::NON_ASCII;
                }
                let shape = Shape(flags);
                f.seg(
                    i,
                    j,
                    Seg::Word {
                        shape,
                        letter: seen & (LOWER | UPPER) != 0,
                        // A digit's entry is its shape bit and its class; a
                        // letter, a full stop, a connector or anything joined
                        // across (`,` `'` U+2019) adds another bit.
                        digits_only: seen == DIGIT | DIGIT_CLASS,
                    },
                );
            }
            i = j;
            // The usual next segment, one space before a word, at once
            // (the same as the general case below). The two bytes are read
            // as one slice, with one bounds check instead of two.
            if matches!(bytes.get(i..i + 2), Some(&[b' ', next]) if next != b' ') {
                f.space_after_word(i);
                i += 1;
            }
            continue;
        }
        let b = bytes[i];
        if b == b' ' {
            // WB3d: horizontal spaces stay together.
            let mut j = i + 1;
            while j < end && bytes[j] == b' ' {
                j += 1;
            }
            f.seg(i, j, Seg::Space(0));
            i = j;
            continue;
        }
        match b {
            b'\r' => {
                // WB3: CR × LF.
                let j = if i + 1 < end && bytes[i + 1] == b'\n' {
                    i + 2
                } else {
                    i + 1
                };
                f.seg(i, j, Seg::Space(1));
                i = j;
            }
            b'\n' | 0x0B | 0x0C => {
                f.seg(i, i + 1, Seg::Space(1));
                i += 1;
            }
            b'\t' => {
                f.seg(i, i + 1, Seg::Space(0));
                i += 1;
            }
            0x80.. => {
                // One of the fast_char set (the caller lets no other in).
                let (fast, len) = fast_char(bytes, i).unwrap_or((Fast::Punct, 3));
                f.seg(i, i + len, Seg::Wide(fast));
                i += len;
            }
            _ => {
                f.seg(i, i + 1, Seg::Mark);
                i += 1;
            }
        }
    }
}

fn contains_high(bytes: &[u8]) -> bool {
    bytes.iter().any(|&b| b >= 0x80)
}

#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

#[inline]
fn is_ascii_graphic(b: u8) -> bool {
    (0x21..=0x7E).contains(&b)
}

/// Segments `text` by UAX #29 word boundaries, taking the ASCII fast path
/// for every piece of pure ASCII (see the module docs for why that is
/// exact). `f.seg(start, end, seg)` is called for each segment, in order.
pub(crate) fn segments(text: &str, fast: bool, f: &mut impl Sink) {
    if !fast {
        for (s, piece) in text.split_word_bound_indices() {
            f.seg(s, s + piece.len(), Seg::Unknown);
        }
        return;
    }
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut pos = 0;
    while pos < n {
        let mut high = next_non_ascii(bytes, pos);
        while let Some((_, len)) = fast_char(bytes, high) {
            high = next_non_ascii(bytes, high + len);
        }
        if high == n {
            ascii_segments(bytes, pos, n, f);
            return;
        }
        // ASCII up to the last cut before the non-ASCII byte, then the
        // Unicode path up to the first cut after it.
        let cut = (pos + 1..high)
            .rev()
            .find(|&c| is_cut(bytes, c))
            .unwrap_or(pos);
        if cut > pos {
            ascii_segments(bytes, pos, cut, f);
        }
        let end = (high + 1..n).find(|&c| is_cut(bytes, c)).unwrap_or(n);
        // Cuts fall on ASCII bytes, hence on char boundaries.
        let piece = &text[cut..end];
        for (s, p) in piece.split_word_bound_indices() {
            f.seg(cut + s, cut + s + p.len(), Seg::Unknown);
        }
        pos = end;
    }
}

/// A cut: ASCII white space, then an ASCII graphic character.
#[inline]
fn is_cut(bytes: &[u8], c: usize) -> bool {
    is_ascii_graphic(bytes[c]) && is_ascii_space(bytes[c - 1])
}

/// The first byte at or after `from` that is not ASCII, or the length.
#[inline]
fn next_non_ascii(bytes: &[u8], from: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word) & HIGH;
        if w != 0 {
            return i + (w.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i] < 0x80 {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fast(text: &str) -> Vec<(usize, usize)> {
        let mut v = Vec::new();
        segments(text, true, &mut |s, e, _| v.push((s, e)));
        v
    }

    fn slow(text: &str) -> Vec<(usize, usize)> {
        text.split_word_bound_indices()
            .map(|(s, p)| (s, s + p.len()))
            .collect()
    }

    fn ascii_only(text: &str) -> Vec<(usize, usize)> {
        let mut v = Vec::new();
        ascii_segments(text.as_bytes(), 0, text.len(), &mut |s, e, _| {
            v.push((s, e))
        });
        v
    }

    #[test]
    fn hand_picked_agree() {
        for t in [
            "a:b 1:2 a.b 1.2 a'b 1'2 1,2 a,b 1;2 a;b a.1 1.a _a_ a__1",
            "\r\n\r \n\n\t\t  \x0b\x0c\"x\"",
            "1,233,000 77.5% US$100 3.2bn year-on-year AT&T e.g. U.S.",
            "Lü Jerônimo Jero\u{302}nimo 43亿元 “Smart #5” 🇨🇳🇺🇸 a\u{200d}b",
            " \u{301}a \u{200b}x",
            "China’s ‘x’ 1’000 a’1 “q” – — ’\u{301} ’’ a’’b –\u{301}",
        ] {
            assert_eq!(fast(t), slow(t), "{t:?}");
        }
    }

    /// Every character the fast path takes stands alone (or, `‘` `’`,
    /// joins letters and digits) as UAX #29 has it, next to anything.
    #[test]
    fn every_fast_char_agrees() {
        let han = (0x4E00..=0x9FFF).filter_map(char::from_u32);
        for c in "–—“”‘’€£¥₩₹".chars().chain(han) {
            let t = format!("a{c}b 1{c}2 {c}{c}x{c}.{c}’{c}1 ");
            assert_eq!(ascii_only(&t), slow(&t), "{c:?}");
            // Followed by a combining mark, it is no longer on its own.
            let t = format!("{t}{c}\u{301}{c} ");
            assert_eq!(fast(&t), slow(&t), "{c:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// The ASCII transcription of the rules equals UAX #29 on ASCII.
        #[test]
        fn ascii_path_is_uax29(text in "[ -~\t\n\r\x0b\x0c\x00\x7f]{0,64}") {
            prop_assert_eq!(ascii_only(&text), slow(&text));
        }

        /// Same, with the characters the rules care about made frequent,
        /// and the non-ASCII marks the fast path takes.
        #[test]
        fn ascii_path_is_uax29_dense(text in "[aZ09_:.',; \t\r\n\"–—‘’“”€£¥₩₹一亿元鿿-]{0,64}") {
            prop_assert_eq!(ascii_only(&text), slow(&text));
        }

        /// The hybrid (ASCII pieces fast, the rest by unicode-segmentation)
        /// equals UAX #29 on mixed text.
        #[test]
        fn hybrid_is_uax29(text in "[a-c0-2 .,:;'\"_\t\r\n\u{a0}\u{300}\u{301}\u{200b}\u{200d}\u{2019}\u{2013}\u{3000}é漢カ한€£¥₩₹一鿿䷀\u{1f1e8}\u{1f1f3}\u{1f697}]{0,48}") {
            prop_assert_eq!(fast(&text), slow(&text));
        }

        /// And on arbitrary strings.
        #[test]
        fn hybrid_is_uax29_any(text in any::<String>()) {
            prop_assert_eq!(fast(&text), slow(&text));
        }
    }
}
