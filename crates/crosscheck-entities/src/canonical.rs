//! Canonical names: the one spelling every alias of an entity shares.

use crate::rules;

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
        lower_into(w, &mut lower);
        let bare = lower.trim_end_matches('.');
        let generic = rules::LEGAL_WORDS.contains(&bare)
            || rules::COMPANY_TAILS.contains(&w)
            || bare.len() <= 5 && bare.contains('.');
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
    let b = name.as_bytes();
    let plain = name.is_ascii()
        && !name.starts_with("the ")
        && !name.starts_with("The ")
        && name != "the"
        && name != "The"
        && b.first().is_some_and(|c| !c.is_ascii_whitespace())
        && b.last().is_some_and(|c| !c.is_ascii_whitespace())
        && !b.windows(2).any(|w| w[0] == b' ' && w[1] == b' ')
        && !b.iter().any(|&c| c.is_ascii_whitespace() && c != b' ');
    if plain {
        std::borrow::Cow::Borrowed(name)
    } else {
        std::borrow::Cow::Owned(tidy(name))
    }
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
        ] {
            assert_eq!(tidy_cow(name), tidy(name), "{name:?}");
        }
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
