//! Canonical names: the one spelling every alias of an entity shares.

use crate::gazetteer::is;
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
    // One pass over the bytes: names are checked several times per document.
    let b = name.as_bytes();
    let plain = match (b.first(), b.last()) {
        (Some(first), Some(last)) => {
            let the = b.len() >= 3
                && (b[..3] == *b"the" || b[..3] == *b"The")
                && (b.len() == 3 || b[3] == b' ');
            let mut ok = !the && !first.is_ascii_whitespace() && !last.is_ascii_whitespace();
            let mut prev_space = false;
            for &c in b {
                if c >= 0x80 || c.is_ascii_whitespace() && (c != b' ' || prev_space) {
                    ok = false;
                    break;
                }
                prev_space = c == b' ';
            }
            ok
        }
        _ => false,
    };
    if plain {
        std::borrow::Cow::Borrowed(name)
    } else {
        std::borrow::Cow::Owned(tidy(name))
    }
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
