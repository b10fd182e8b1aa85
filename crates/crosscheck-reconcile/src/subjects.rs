//! Companies that share the core of their name.
//!
//! The entity stage names a company by the distinctive core of its name
//! (`Roston Robotics plc` and `Roston` are both `Roston`), so that the
//! short and the full name of one company meet across documents. Two
//! companies can share that core: `Roston Robotics` and `Roston Shipping`.
//! A document names its company in full at least once, and the word after
//! the core there (`Robotics`) is kept with each claim as its subject's
//! *tail*. Across the documents of a run, a core met with two or more
//! tails that cannot be one company's is split: each claim with a tail
//! takes `core tail` as its subject; claims whose documents never gave a
//! tail keep the core. A core met with one tail, or none, is left as it is.

use crate::lexicon::WordTable;
use crate::table::ClaimsView;
use crate::Sym;
use crosscheck_entities::{Entity, Label};
use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;
use std::sync::OnceLock;

/// Words after a company's core that say nothing of which company it is:
/// legal forms, and the generic words of group names.
const GENERIC: &[&str] = &[
    "ag",
    "asa",
    "bhd",
    "bv",
    "co",
    "company",
    "corp",
    "corporation",
    "gmbh",
    "group",
    "holding",
    "holdings",
    "inc",
    "incorporated",
    "international",
    "kg",
    "limited",
    "llc",
    "llp",
    "lp",
    "ltd",
    "nv",
    "oyj",
    "plc",
    "pte",
    "pty",
    "sa",
    "sas",
    "se",
    "spa",
    "the",
    "and",
    "&",
    "of",
    "new",
    "global",
    "advanced",
    "china",
    "s.a",
    "n.v",
];

/// The tail of each company core the document names in full: the first
/// word after the core that is not generic, in the longest mention of the
/// company (`Roston Shipping Technology Co.` gives `Shipping`). A company
/// named with two different tails in one document keeps none.
pub(crate) fn tails_of(text: &str, entities: &[Entity]) -> Vec<(Sym, Sym)> {
    // Per core: the most words a name of it had, that name's tail, and
    // whether two of its tails differ. A text names few companies: a list
    // searched by name cost less than a hash map's hashing.
    let mut longest: Vec<(&str, usize, &str, bool)> = Vec::new();
    for e in entities.iter().filter(|e| e.label == Label::Company) {
        let Some(surface) = text.get(e.span.range()) else {
            continue;
        };
        let Some(tail) = tail_after_core(surface, &e.canonical) else {
            continue;
        };
        let words = word_count(surface);
        let core = e.canonical.as_str();
        match longest.iter_mut().find(|(known, ..)| *known == core) {
            None => longest.push((core, words, tail, false)),
            Some((_, most, kept, mixed)) => {
                *mixed |= !same_tail(kept, tail);
                if words > *most {
                    (*most, *kept) = (words, tail);
                }
            }
        }
    }
    longest
        .into_iter()
        .filter(|(.., mixed)| !mixed)
        .map(|(core, _, tail, _)| (Sym::new(core), Sym::new(tail)))
        .collect()
}

/// `s.split_whitespace().count()`: by bytes when `s` is ASCII (most
/// names), where decoding characters cost a walk of its own.
fn word_count(s: &str) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().count();
    }
    // The ASCII characters `char::is_whitespace` holds.
    let space = |b: u8| matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ');
    let mut count = 0;
    let mut after_space = true;
    for &b in s.as_bytes() {
        let here = space(b);
        count += usize::from(after_space && !here);
        after_space = here;
    }
    count
}

/// The first non-generic word after `core` in `surface`, when the surface
/// begins with the core.
fn tail_after_core<'t>(surface: &'t str, core: &str) -> Option<&'t str> {
    let rest = surface.strip_prefix(core)?.strip_prefix(' ')?;
    rest.split([' ', ','])
        .map(|w| {
            let w = w.trim_end_matches(['.', ',']);
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            w.trim_end_matches(['\'', '’'])
        })
        .find(|w| !w.is_empty() && !is_generic(w))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Two tails of one company: `Motor` and `Motors`, `Auto` and
/// `Automobile` (one begins with the other's first four letters).
fn same_tail(a: &str, b: &str) -> bool {
    // Nearly all tails are ASCII, compared in place: two lowercase copies
    // per mention of a company cost more than the rest of the document's
    // tails. Others take the whole string's `to_lowercase`, whose final
    // sigma no character by character lowercasing gives.
    if a.is_ascii() && b.is_ascii() {
        fn head(s: &str) -> &[u8] {
            &s.as_bytes()[..s.len().min(4)]
        }
        return head(a).eq_ignore_ascii_case(head(b));
    }
    let key = |s: &str| s.to_lowercase().chars().take(4).collect::<String>();
    key(a) == key(b)
}

/// [`GENERIC`] as a table.
fn generic_words() -> &'static WordTable<bool> {
    static TABLE: OnceLock<WordTable<bool>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = WordTable::with_room(GENERIC.len());
        for w in GENERIC {
            table.insert(w, true);
        }
        table
    })
}

/// Whether `w`, lowercased, is one of [`GENERIC`].
fn is_generic(w: &str) -> bool {
    if w.is_ascii() {
        // Lowercased in a buffer longer than any generic word, then looked
        // up: a comparison per word of the list cost more.
        let mut buf = [0u8; 16];
        let Some(lower) = buf.get_mut(..w.len()) else {
            return false;
        };
        lower.copy_from_slice(w.as_bytes());
        lower.make_ascii_lowercase();
        generic_words().get(std::str::from_utf8(lower).unwrap_or_default())
    } else {
        GENERIC.contains(&w.to_lowercase().as_str())
    }
}

/// Per (core, tail) met in `claims`, the subject to use instead of the
/// core, for the cores met with more than one kind of tail; empty when
/// there is none.
pub(crate) fn split_subjects(claims: &ClaimsView<'_>) -> HashMap<(Sym, Sym), Sym> {
    let tailed: Vec<(Sym, Sym)> = (0..claims.len())
        .into_par_iter()
        .map(|i| &claims[i])
        .filter(|c| !c.subject_tail.is_empty())
        .map(|c| (c.subject, c.subject_tail))
        .collect();
    let mut tails: HashMap<Sym, Vec<Sym>> = HashMap::new();
    for (subject, tail) in tailed {
        let v = tails.entry(subject).or_default();
        if !v.contains(&tail) {
            v.push(tail);
        }
    }
    let mut remap = HashMap::new();
    for (core, ts) in tails {
        let first = ts[0].as_str();
        if ts.iter().all(|t| same_tail(first, t.as_str())) {
            continue;
        }
        for t in ts {
            let name = format!("{} {}", core.as_str(), t.as_str());
            remap.insert((core, t), Sym::new(&name));
        }
    }
    remap
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tail_is_the_first_word_that_tells_companies_apart() {
        assert_eq!(
            tail_after_core("Roston Robotics plc", "Roston"),
            Some("Robotics")
        );
        assert_eq!(
            tail_after_core("Roston Shipping Technology Co", "Roston"),
            Some("Shipping")
        );
        assert_eq!(tail_after_core("Roston Group Co., Ltd.", "Roston"), None);
        assert_eq!(tail_after_core("Roston", "Roston"), None);
        assert_eq!(
            tail_after_core("Tongqiao New Materials", "Tongqiao"),
            Some("Materials")
        );
        assert_eq!(tail_after_core("Zhejiang Geely Holding", "Geely"), None);
        assert_eq!(
            tail_after_core("Roston Robotics's", "Roston"),
            Some("Robotics")
        );
    }

    #[test]
    fn tails_and_generic_words_compared_in_place_are_as_lowercase_copies_say() {
        assert!(GENERIC
            .iter()
            .all(|g| g.is_ascii() && g.to_ascii_lowercase() == *g));
        let pieces = [
            "a", "A", "u", "T", "o", "M", "ΣΑ", "σ", "ς", "İ", "\u{212a}", "Co", "co", "LTD",
            "Ltd", "the", "&",
        ];
        let mut next = crate::test_rng::xorshift(0x7a11_5eed_c0de);
        for _ in 0..20_000 {
            let a = crate::test_rng::random_text(&mut next, &pieces, 5);
            let b = crate::test_rng::random_text(&mut next, &pieces, 5);
            let key = |s: &str| s.to_lowercase().chars().take(4).collect::<String>();
            assert_eq!(same_tail(&a, &b), key(&a) == key(&b), "{a:?} {b:?}");
            assert_eq!(
                is_generic(&a),
                GENERIC.contains(&a.to_lowercase().as_str()),
                "{a:?}"
            );
        }
    }

    #[test]
    fn one_company_may_be_named_with_a_longer_word() {
        assert!(same_tail("Motor", "Motors"));
        assert!(same_tail("Auto", "Automobile"));
        assert!(!same_tail("Robotics", "Shipping"));
    }
}
