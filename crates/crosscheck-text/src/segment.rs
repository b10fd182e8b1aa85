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

use unicode_segmentation::UnicodeSegmentation;

/// Word_Break classes of the ASCII characters that matter.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
enum Wb {
    /// `A`–`Z`, `a`–`z` (ALetter).
    Letter,
    /// `0`–`9` (Numeric).
    Digit,
    /// `_` (ExtendNumLet).
    Connector,
    /// `:` (MidLetter).
    MidLetter,
    /// `.` and `'` (MidNumLet, Single_Quote).
    MidNumLetQ,
    /// `,` and `;` (MidNum).
    MidNum,
    /// ` ` (WSegSpace).
    Space,
    /// `\r` (CR).
    Cr,
    /// `\n`, `\x0B`, `\x0C` (LF, Newline): always a segment of their own.
    Lf,
    /// Everything else, `"` and `\t` included: a segment of one byte.
    Other,
}

const fn wb_table() -> [Wb; 128] {
    let mut t = [Wb::Other; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = match b {
            b'A'..=b'Z' | b'a'..=b'z' => Wb::Letter,
            b'0'..=b'9' => Wb::Digit,
            b'_' => Wb::Connector,
            b':' => Wb::MidLetter,
            b'.' | b'\'' => Wb::MidNumLetQ,
            b',' | b';' => Wb::MidNum,
            b' ' => Wb::Space,
            b'\r' => Wb::Cr,
            b'\n' | 0x0B | 0x0C => Wb::Lf,
            _ => Wb::Other,
        };
        i += 1;
    }
    t
}

static WB: [Wb; 128] = wb_table();

#[inline]
fn wb(b: u8) -> Wb {
    WB[(b & 0x7F) as usize]
}

/// What the ASCII segmenter already knows about a segment.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Seg {
    /// Letters, digits and inner punctuation: `has_digit`, `has_letter`.
    Word { digit: bool, letter: bool },
    /// A run of white space.
    Space,
    /// One character that is neither (ASCII punctuation or symbol).
    Mark,
    /// A segment from the Unicode path; the caller classifies it.
    Unknown,
}

/// Segments an all-ASCII `bytes[start..end]` by UAX #29 word boundaries,
/// calling `f(start, end, seg)` for each segment, in order.
#[inline]
pub(crate) fn ascii_segments(
    bytes: &[u8],
    start: usize,
    end: usize,
    f: &mut impl FnMut(usize, usize, Seg),
) {
    let mut i = start;
    while i < end {
        let c = wb(bytes[i]);
        match c {
            Wb::Letter | Wb::Digit | Wb::Connector => {
                // WB5, WB8–WB10, WB13a/b join letters, digits and `_` in
                // any order; WB6/7 join a letter pair across `:` `.` `'`,
                // WB11/12 a digit pair across `,` `;` `.` `'`.
                let mut prev = c;
                let mut digit = c == Wb::Digit;
                let mut letter = c == Wb::Letter;
                let mut j = i + 1;
                while j < end {
                    let d = wb(bytes[j]);
                    match d {
                        Wb::Letter | Wb::Digit | Wb::Connector => {
                            digit |= d == Wb::Digit;
                            letter |= d == Wb::Letter;
                            prev = d;
                            j += 1;
                        }
                        Wb::MidLetter | Wb::MidNumLetQ | Wb::MidNum if j + 1 < end => {
                            let next = wb(bytes[j + 1]);
                            let joins = match (prev, next) {
                                (Wb::Letter, Wb::Letter) => d != Wb::MidNum,
                                (Wb::Digit, Wb::Digit) => d != Wb::MidLetter,
                                _ => false,
                            };
                            if !joins {
                                break;
                            }
                            j += 2;
                        }
                        _ => break,
                    }
                }
                f(i, j, Seg::Word { digit, letter });
                i = j;
            }
            Wb::Space => {
                // WB3d: horizontal spaces stay together.
                let mut j = i + 1;
                while j < end && bytes[j] == b' ' {
                    j += 1;
                }
                f(i, j, Seg::Space);
                i = j;
            }
            Wb::Cr => {
                // WB3: CR × LF.
                let j = if i + 1 < end && bytes[i + 1] == b'\n' {
                    i + 2
                } else {
                    i + 1
                };
                f(i, j, Seg::Space);
                i = j;
            }
            Wb::Lf => {
                f(i, i + 1, Seg::Space);
                i += 1;
            }
            _ => {
                let seg = if bytes[i] == b'\t' {
                    Seg::Space
                } else {
                    Seg::Mark
                };
                f(i, i + 1, seg);
                i += 1;
            }
        }
    }
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
/// exact). `f(start, end, seg)` is called for each segment, in order.
pub(crate) fn segments(text: &str, fast: bool, f: &mut impl FnMut(usize, usize, Seg)) {
    if !fast {
        for (s, piece) in text.split_word_bound_indices() {
            f(s, s + piece.len(), Seg::Unknown);
        }
        return;
    }
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut start = 0;
    while start < n {
        // A piece: a run without ASCII white space, then everything up to
        // the next white-space-then-graphic cut.
        let mut j = start;
        let mut high = 0u8;
        while j < n && !is_ascii_space(bytes[j]) {
            high |= bytes[j];
            j += 1;
        }
        while j < n && !(is_ascii_graphic(bytes[j]) && is_ascii_space(bytes[j - 1])) {
            high |= bytes[j];
            j += 1;
        }
        if high < 0x80 {
            ascii_segments(bytes, start, j, f);
        } else {
            // Cuts fall on ASCII bytes, hence on char boundaries.
            let piece = &text[start..j];
            for (s, p) in piece.split_word_bound_indices() {
                f(start + s, start + s + p.len(), Seg::Unknown);
            }
        }
        start = j;
    }
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
        ] {
            assert_eq!(fast(t), slow(t), "{t:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// The ASCII transcription of the rules equals UAX #29 on ASCII.
        #[test]
        fn ascii_path_is_uax29(text in "[ -~\t\n\r\x0b\x0c\x00\x7f]{0,64}") {
            prop_assert_eq!(ascii_only(&text), slow(&text));
        }

        /// Same, with the characters the rules care about made frequent.
        #[test]
        fn ascii_path_is_uax29_dense(text in "[aZ09_:.',; \t\r\n\"-]{0,64}") {
            prop_assert_eq!(ascii_only(&text), slow(&text));
        }

        /// The hybrid (ASCII pieces fast, the rest by unicode-segmentation)
        /// equals UAX #29 on mixed text.
        #[test]
        fn hybrid_is_uax29(text in "[a-c0-2 .,:;'\"_\t\r\n\u{a0}\u{300}\u{301}\u{200b}\u{200d}\u{2019}\u{2013}\u{3000}é漢カ한\u{1f1e8}\u{1f1f3}\u{1f697}]{0,48}") {
            prop_assert_eq!(fast(&text), slow(&text));
        }

        /// And on arbitrary strings.
        #[test]
        fn hybrid_is_uax29_any(text in any::<String>()) {
            prop_assert_eq!(fast(&text), slow(&text));
        }
    }
}
