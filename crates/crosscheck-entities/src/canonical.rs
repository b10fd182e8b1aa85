//! Canonical names: the one spelling every alias of an entity shares.

use crate::gazetteer::{is, load8_padded};
use crate::rules::cls;

/// The distinctive core of a company name: legal forms and generic business
/// words dropped from the end (`Geely Auto Group Co., Ltd.` -> `Geely`), a
/// leading province or city dropped (`Zhejiang Geely Holding` -> `Geely`),
/// but never so far that only an ordinary word is left (`General Motors`
/// stays whole).
///
/// `is_common` answers for a word's lower case, and must fold ASCII case
/// itself (an ASCII word is handed over as written, so that asking makes
/// no lower-case copy); other words are lower-cased first.
pub(crate) fn company_core<'n>(
    name: &'n str,
    is_common: impl Fn(&str) -> bool,
    is_local_place: impl Fn(&str) -> bool,
) -> String {
    // The words between spaces and commas, split by bytes (both are ASCII,
    // so every cut is at a character boundary): splitting at a set of
    // characters decodes every character of the name.
    let mut words: Vec<&str> = Vec::with_capacity(8);
    let mut keep = |w: &'n str| {
        if !w.is_empty() && w != "&" {
            words.push(w);
        }
    };
    let mut from = 0;
    for (at, b) in name.bytes().enumerate() {
        if b == b' ' || b == b',' {
            keep(&name[from..at]);
            from = at + 1;
        }
    }
    keep(&name[from..]);
    let mut end = words.len();
    let mut lower = String::new();
    let mut rest_lower = String::new();
    // Whether a word's lower case is an ordinary word.
    let common = |w: &str, buf: &mut String| {
        if w.is_ascii() {
            is_common(w)
        } else {
            lower_into(w, buf);
            is_common(buf)
        }
    };
    while end > 1 {
        let w = words[end - 1];
        // The class table answers the list membership in one probe; an
        // ASCII word is asked in any case (dots have none), without a
        // lower-case copy.
        let generic = if w.is_ascii() {
            let bare = w.trim_end_matches('.');
            crate::gazetteer::classes_ascii_lower(bare) & cls::LEGAL_WORDS != 0
                || is(w, cls::COMPANY_TAILS)
                || bare.len() <= 5 && bare.contains('.')
        } else {
            lower_into(w, &mut lower);
            let bare = lower.trim_end_matches('.');
            is(bare, cls::LEGAL_WORDS)
                || is(w, cls::COMPANY_TAILS)
                || bare.len() <= 5 && bare.contains('.')
        };
        if !generic {
            break;
        }
        // Keep `General Motors`, `Great Wall Motor`: the word before the tail
        // must be able to stand for the company alone.
        if end - 1 == 1 && common(words[end - 2], &mut rest_lower) {
            break;
        }
        end -= 1;
    }
    // `Tongqiao New Materials` -> `Tongqiao`: modifiers of a dropped tail go too.
    while end > 1 && end < words.len() && GENERIC_MODIFIERS.contains(&words[end - 1]) {
        end -= 1;
    }
    let mut start = 0;
    if end - start > 1 && is_local_place(words[0]) && !common(words[1], &mut rest_lower) {
        start = 1;
    }
    words[start..end].join(" ")
}

/// A name set in capitals (`TALLOWGATE RESOURCES LIMITED`, a letterhead's)
/// in the case the running text writes it (`Tallowgate Resources Limited`),
/// so that both have one canonical name. Words of three letters or fewer
/// stay as they are (`BYD`, `NIO`), but for the small words a name is
/// joined with (`of`, `and`). A name with any lower-case letter, or of
/// one word (`CATL`), is returned as it is.
pub(crate) fn unshouted(name: &str) -> std::borrow::Cow<'_, str> {
    let shouted = name.contains(' ')
        && name.bytes().any(|b| b.is_ascii_uppercase())
        && !name.chars().any(char::is_lowercase);
    if !shouted {
        return name.into();
    }
    let mut out = String::with_capacity(name.len());
    for (i, w) in name.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let letters = w.bytes().filter(u8::is_ascii_alphabetic).count();
        let lower = w.to_lowercase();
        if i > 0 && matches!(lower.as_str(), "of" | "and" | "the" | "for" | "de") {
            out.push_str(&lower);
        } else if letters <= 3 || !w.is_ascii() {
            out.push_str(w);
        } else {
            out.push_str(&w[..1]);
            out.push_str(&lower[1..]);
        }
    }
    out.into()
}

/// `w` in lower case, into `out` (cleared first).
fn lower_into(w: &str, out: &mut String) {
    out.clear();
    if w.is_ascii() {
        out.push_str(w);
        out.make_ascii_lowercase();
    } else {
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
}

/// Words that only qualify a business tail: `New Materials`, `Smart Energy`.
const GENERIC_MODIFIERS: &[&str] = &[
    "New",
    "Advanced",
    "Smart",
    "Green",
    "Intelligent",
    "Hi-Tech",
    "High-Tech",
    "Digital",
    "Global",
    "International",
    "Precision",
    "Special",
    "Clean",
    "Renewable",
    "Electric",
];

/// [`tidy`], borrowing `name` when it is tidy already (words parted by
/// single spaces, no leading `the`), as most names are.
pub(crate) fn tidy_cow(name: &str) -> std::borrow::Cow<'_, str> {
    if is_tidy(name.as_bytes()) {
        std::borrow::Cow::Borrowed(name)
    } else {
        std::borrow::Cow::Owned(tidy(name))
    }
}

/// Whether [`tidy`] would give `b` back unchanged: not empty, no leading
/// `the`, no white space at either end, ASCII, and no white space but
/// single spaces.
fn is_tidy(b: &[u8]) -> bool {
    let (Some(first), Some(last)) = (b.first(), b.last()) else {
        return false;
    };
    let the =
        b.len() >= 3 && (b[..3] == *b"the" || b[..3] == *b"The") && (b.len() == 3 || b[3] == b' ');
    if the || first.is_ascii_whitespace() || last.is_ascii_whitespace() {
        return false;
    }
    // Eight bytes at a time: names are checked several times per document.
    // Whole chunks by plain loads, then the short rest padded once (a
    // padded load per chunk, over a stepped range, was half of the test).
    let mut prev_space = false;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut v = [0u8; 8];
        v.copy_from_slice(c);
        match tidy_chunk(u64::from_le_bytes(v), prev_space) {
            Chunk::Tidy { ends_in_space } => prev_space = ends_in_space,
            Chunk::Untidy => return false,
            Chunk::Control => return is_tidy_bytewise(b),
        }
    }
    let rest = chunks.remainder();
    if rest.is_empty() {
        return true;
    }
    match tidy_chunk(load8_padded(rest, 0), prev_space) {
        Chunk::Tidy { .. } => true,
        Chunk::Untidy => false,
        Chunk::Control => is_tidy_bytewise(b),
    }
}

/// What [`tidy_chunk`] makes of eight bytes of a name.
enum Chunk {
    /// Nothing [`tidy`] would change; whether the last byte is a space.
    Tidy { ends_in_space: bool },
    /// Something [`tidy`] would change (a byte past ASCII, two spaces).
    Untidy,
    /// A control byte, which may be white space or not: the name is then
    /// asked byte by byte (rare in a name).
    Control,
}

/// [`is_tidy`]'s test of eight bytes `v` of a name (padded past its end
/// with a letter), after a chunk that ended in a space when `prev_space`.
/// (Always inlined: a few instructions, which a call would double.)
#[inline(always)]
fn tidy_chunk(v: u64, prev_space: bool) -> Chunk {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    if v & HI != 0 {
        return Chunk::Untidy;
    }
    // A byte below 0x20 (every byte is ASCII here).
    if v.wrapping_sub(0x20 * LO) & HI != 0 {
        return Chunk::Control;
    }
    // 0x80 in each byte that is a space, exactly (no carries across bytes).
    let x = v ^ (0x20 * LO);
    let spaces = !(((x & !HI).wrapping_add(!HI)) | x | !HI);
    // Two spaces in a row: within the chunk, or across its first byte.
    if spaces & (spaces << 8) != 0 || prev_space && spaces & 0x80 != 0 {
        return Chunk::Untidy;
    }
    Chunk::Tidy {
        ends_in_space: spaces >> 63 != 0,
    }
}

/// [`is_tidy`]'s test of the bytes, one at a time.
fn is_tidy_bytewise(b: &[u8]) -> bool {
    let mut prev_space = false;
    for &c in b {
        if c >= 0x80 || c.is_ascii_whitespace() && (c != b' ' || prev_space) {
            return false;
        }
        prev_space = c == b' ';
    }
    true
}

/// [`tidy`] by way of [`tidy_cow`]: a name that is tidy already (most are)
/// is copied whole instead of rebuilt word by word.
pub(crate) fn tidy_owned(name: &str) -> String {
    tidy_cow(name).into_owned()
}

/// Collapses white space and drops a leading `the`.
pub(crate) fn tidy(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (i, w) in name.split_whitespace().enumerate() {
        if i == 0 && (w == "the" || w == "The") {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Folds ASCII case itself, as [`company_core`] asks.
    fn common(w: &str) -> bool {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "general" | "great" | "china" | "mobile"
        )
    }

    fn local(w: &str) -> bool {
        w == "Zhejiang"
    }

    #[test]
    fn tidy_cow_agrees_with_tidy() {
        for name in [
            "Geely Auto",
            "the EU",
            "The  EU",
            "  Geely",
            "Geely\n Auto",
            "Théo Martin",
            "the",
            "",
            "Lanxi\u{a0}Cell",
            "Thermo Fisher",
            "The",
            "Then Co",
            "theta Fund",
            "A  ",
            "Qiantang\tMotor",
            "Lanxi\x01Cell",
            "Hangzhou Bay Port  Authority",
            "Hangzhou  Bay",
            "Abcdefg  hij",
            "Abcdefgh  ij",
            "Abcdefg h ij",
            "Abcdefgh\nij",
            "Abcdefghijklmno p",
            "Abcdefghijklmnop",
            "Abcdefghijklmnoé",
        ] {
            assert_eq!(tidy_cow(name), tidy(name), "{name:?}");
        }
    }

    #[test]
    fn names_in_capitals_take_the_running_text_s_case() {
        assert_eq!(
            unshouted("HARROWVALE MINING LIMITED"),
            "Harrowvale Mining Limited"
        );
        assert_eq!(unshouted("BANK OF NORTHLAND"), "Bank of Northland");
        // Short words may be initials; one word may be an acronym.
        assert_eq!(unshouted("BYD COMPANY LIMITED"), "BYD Company Limited");
        assert_eq!(unshouted("CATL"), "CATL");
        assert_eq!(unshouted("Geely Auto"), "Geely Auto");
        assert_eq!(unshouted("ÉCLAIR HOLDINGS"), "ÉCLAIR Holdings");
    }

    #[test]
    fn cores() {
        assert_eq!(
            company_core("Geely Auto Group Co., Ltd.", common, local),
            "Geely"
        );
        assert_eq!(company_core("Geely Auto", common, local), "Geely");
        assert_eq!(
            company_core("General Motors", common, local),
            "General Motors"
        );
        assert_eq!(
            company_core("Zhejiang Geely Holding Group", common, local),
            "Geely"
        );
        assert_eq!(company_core("Apple Inc.", common, local), "Apple");
        assert_eq!(
            company_core("Bank of America", common, local),
            "Bank of America"
        );
    }
}
