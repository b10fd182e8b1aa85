//! Canonical names: the one spelling every alias of an entity shares.

use crate::gazetteer::{is, load8_padded};
use crate::rules::cls;

/// The distinctive core of a company name: legal forms and generic business
/// words dropped from the end (`Geely Auto Group Co., Ltd.` -> `Geely`), a
/// leading province or city dropped (`Zhejiang Geely Holding` -> `Geely`),
/// but never so far that only an ordinary word is left (`General Motors`
/// stays whole).
pub(crate) fn company_core(
    name: &str,
    is_common: impl Fn(&str) -> bool,
    is_local_place: impl Fn(&str) -> bool,
) -> String {
    let words: Vec<&str> = name
        .split([' ', ','])
        .filter(|w| !w.is_empty() && *w != "&")
        .collect();
    let mut end = words.len();
    let mut lower = String::new();
    let mut rest_lower = String::new();
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
        if end - 1 == 1 && {
            lower_into(words[end - 2], &mut rest_lower);
            is_common(&rest_lower)
        } {
            break;
        }
        end -= 1;
    }
    // `Tongqiao New Materials` -> `Tongqiao`: modifiers of a dropped tail go too.
    while end > 1 && end < words.len() && GENERIC_MODIFIERS.contains(&words[end - 1]) {
        end -= 1;
    }
    let mut start = 0;
    if end - start > 1 && is_local_place(words[0]) {
        let mut next = String::new();
        lower_into(words[1], &mut next);
        if !is_common(&next) {
            start = 1;
        }
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
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut prev_space = false;
    for at in (0..b.len()).step_by(8) {
        let v = load8_padded(b, at);
        if v & HI != 0 {
            return false;
        }
        // A control byte (below 0x20; every byte is ASCII here) may be white
        // space (a tab, a line break) or not: rare in a name, so asked byte by byte.
        if v.wrapping_sub(0x20 * LO) & HI != 0 {
            return is_tidy_bytewise(b);
        }
        // 0x80 in each byte that is a space, exactly (no carries across bytes).
        let x = v ^ (0x20 * LO);
        let spaces = !(((x & !HI).wrapping_add(!HI)) | x | !HI);
        // Two spaces in a row: within the chunk, or across its first byte.
        if spaces & (spaces << 8) != 0 || prev_space && spaces & 0x80 != 0 {
            return false;
        }
        prev_space = spaces >> 63 != 0;
    }
    true
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

    fn common(w: &str) -> bool {
        matches!(w, "general" | "great" | "china" | "mobile")
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
