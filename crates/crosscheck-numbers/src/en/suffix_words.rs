//! What a word after a figure is, as far as the word alone tells the unit
//! reader: remembered per thread by the word's bytes, since the words after
//! figures are few and repeat (`in`, `and`, `to`, `employees`), and
//! reading one through every list of units and currencies costs some
//! hundreds of instructions.

use super::lex::{bytes_key, lower};
use super::units;
use super::words::key_slot;
use std::cell::Cell;

/// The word may open a suffix by itself: a percent, basis or multiplier
/// word, a currency code or name, `u` (of `U.S.`), `twenty` (of
/// `twenty-foot`), an oil rate, a unit symbol (alone or with a power
/// after it) or unit word, or a word that opens a unit's power or mass
/// (`square`, `metric`).
pub(super) const MAY_OPEN: u8 = 1;
/// The word may name a currency with the currency word after it
/// (`Swiss francs`, `Hong Kong dollars`, `New Taiwan dollars`).
pub(super) const CURRENCY_ADJECTIVE: u8 = 2;
/// An entry has been filled (so that a word with no fact is told from an
/// empty slot).
const KNOWN: u8 = 4;

/// Slots of the memo: a power of two.
const SLOTS: usize = 256;

thread_local! {
    /// Direct-mapped: a word's key (its bytes, see [`bytes_key`]) and its
    /// facts; a word that meets another in its slot replaces it.
    static MEMO: [Cell<(u128, u8)>; SLOTS] = const { [const { Cell::new((0, 0)) }; SLOTS] };
}

/// [`MAY_OPEN`] and [`CURRENCY_ADJECTIVE`] of the ASCII word `w` (as
/// written: codes and unit symbols are read in their case).
pub(super) fn facts(w: &[u8]) -> u8 {
    // Words over 16 bytes have no key: worked out each time (they are rare).
    let key = bytes_key(w);
    if key == 0 {
        return work_out(w);
    }
    let slot = key_slot(key, SLOTS);
    MEMO.with(|memo| {
        let (k, f) = memo[slot].get();
        if k == key && f & KNOWN != 0 {
            return f;
        }
        let f = work_out(w) | KNOWN;
        memo[slot].set((key, f));
        f
    })
}

/// [`facts`] without the memo: every check of the word branch of
/// `Scanner::suffix_static` (and `unit_after`) that reads the word alone.
fn work_out(w: &[u8]) -> u8 {
    let mut buf = [0u8; 24];
    let lw = lower(w, &mut buf);
    let adjective = units::is_currency_adjective(lw) || matches!(lw, b"hong" | b"new");
    // `km` may be read with a power glued after it (`km2`, `km²`).
    let symbol = |power: &[u8]| {
        let mut s = [0u8; 24];
        let n = w.len() + power.len();
        n <= s.len() && {
            s[..w.len()].copy_from_slice(w);
            s[w.len()..n].copy_from_slice(power);
            units::unit_symbol(&s[..n]).is_some()
        }
    };
    let may_open = units::currency_word(lw).is_some()
        || matches!(
            lw,
            b"percent"
                | b"percents"
                | b"pct"
                | b"percentage"
                | b"per"
                | b"pp"
                | b"ppt"
                | b"ppts"
                | b"pps"
                | b"bps"
                | b"bp"
                | b"basis"
                | b"times"
                | b"fold"
                | b"u"
                | b"twenty"
                | b"square"
                | b"sq"
                | b"cubic"
                | b"cu"
                | b"metric"
        )
        // `MUSD`, `meur`: millions of a currency.
        || w.len() == 4 && matches!(w[0], b'M' | b'm')
        || units::iso_code(w).is_some()
        || units::iso_lower(lw).is_some()
        || units::oil_rate(lw, false).is_some()
        || units::oil_rate(lw, true).is_some()
        || units::unit_word(lw).is_some()
        || [&b""[..], b"2", b"3", "²".as_bytes(), "³".as_bytes()]
            .iter()
            .any(|p| symbol(p));
    let mut facts = 0;
    if may_open {
        facts |= MAY_OPEN;
    }
    if adjective {
        facts |= CURRENCY_ADJECTIVE;
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_that_open_a_suffix_and_currency_names() {
        for w in [
            "percent", "PCT", "yuan", "Dollars", "USD", "usd", "MUSD", "km", "kWh", "m", "bpd",
            "tonnes", "square", "metric", "u", "twenty", "times",
        ] {
            assert!(facts(w.as_bytes()) & MAY_OPEN != 0, "{w}");
        }
        for w in [
            "in",
            "and",
            "to",
            "employees",
            "Swiss",
            "example",
            "year",
            "Kong",
        ] {
            assert!(facts(w.as_bytes()) & MAY_OPEN == 0, "{w}");
        }
        for w in ["Swiss", "hong", "Kong", "New", "us", "Norwegian"] {
            assert!(facts(w.as_bytes()) & CURRENCY_ADJECTIVE != 0, "{w}");
        }
        assert!(facts(b"employees") & CURRENCY_ADJECTIVE == 0);
    }

    #[test]
    fn the_memo_answers_as_the_lists_do() {
        // Twice each, the second time from the memo; a word in its cases
        // is so many words.
        let words = [
            "in",
            "yuan",
            "km",
            "kM",
            "KM",
            "employees",
            "a",
            "Per",
            "sq",
            "cu",
        ];
        for _ in 0..2 {
            for w in words {
                assert_eq!(facts(w.as_bytes()) & !KNOWN, work_out(w.as_bytes()), "{w}");
            }
        }
        // A word too long for a key is worked out each time.
        let long = b"internationalization";
        assert_eq!(facts(long), work_out(long));
    }
}
