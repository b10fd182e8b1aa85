//! English news phrasing: growth rates, approximations, bounds, counts.

use crosscheck_numbers::{recognize, Approx, Basis, Quantity, QuantityKind};

/// (text, figure's text, kind, value, unit, approx, change, range)
type Case = (
    &'static str,
    &'static str,
    QuantityKind,
    Option<f64>,
    Option<&'static str>,
    Approx,
    bool,
    Option<(Option<f64>, Option<f64>)>,
);

const CASES: &[Case] = {
    use Approx::*;
    use QuantityKind::*;
    &[
        (
            "Sales were up 49.9% in May.",
            "49.9%",
            Percent,
            Some(49.9),
            Some("%"),
            Exact,
            true,
            None,
        ),
        (
            "Output fell 3.2 percent.",
            "3.2 percent",
            Percent,
            Some(-3.2),
            Some("%"),
            Exact,
            true,
            None,
        ),
        (
            "an increase of 3.8 per cent",
            "3.8 per cent",
            Percent,
            Some(3.8),
            Some("%"),
            Exact,
            true,
            None,
        ),
        (
            "The share rose 3 percentage points.",
            "3 percentage points",
            Percent,
            Some(3.0),
            Some("pp"),
            Exact,
            true,
            None,
        ),
        (
            "Exports reached RMB 43bn.",
            "RMB 43bn",
            Money,
            Some(43e9),
            Some("CNY"),
            Exact,
            false,
            None,
        ),
        (
            "It raised $2.5m last year.",
            "$2.5m",
            Money,
            Some(2.5e6),
            Some("USD"),
            Exact,
            false,
            None,
        ),
        (
            "a €1.2 billion deal",
            "€1.2 billion",
            Money,
            Some(1.2e9),
            Some("EUR"),
            Exact,
            false,
            None,
        ),
        (
            "worth 5.55 trillion yuan",
            "5.55 trillion yuan",
            Money,
            Some(5.55e12),
            Some("CNY"),
            Exact,
            false,
            None,
        ),
        (
            "It sold 1.233 million units.",
            "1.233 million units",
            Count,
            Some(1_233_000.0),
            Some("unit"),
            Exact,
            false,
            None,
        ),
        (
            "over 2,500 enterprises",
            "over 2,500 enterprises",
            Count,
            Some(2500.0),
            Some("enterprise"),
            Over,
            false,
            Some((Some(2500.0), None)),
        ),
        (
            "more than 30 companies",
            "more than 30 companies",
            Count,
            Some(30.0),
            Some("company"),
            Over,
            false,
            Some((Some(30.0), None)),
        ),
        (
            "up to 5% of revenue",
            "up to 5%",
            Percent,
            Some(5.0),
            Some("%"),
            Under,
            false,
            Some((None, Some(5.0))),
        ),
        (
            "nearly 40,000 vehicles",
            "nearly 40,000 vehicles",
            Count,
            Some(40000.0),
            Some("vehicle"),
            About,
            false,
            None,
        ),
        (
            // Longer than any other bound word: once read as exact.
            "approximately 2,500 enterprises",
            "approximately 2,500 enterprises",
            Count,
            Some(2500.0),
            Some("enterprise"),
            About,
            false,
            None,
        ),
        (
            "about $14 million",
            "about $14 million",
            Money,
            Some(14e6),
            Some("USD"),
            About,
            false,
            None,
        ),
        (
            "30,000 to 40,000 bearings daily",
            "30,000 to 40,000 bearings",
            Count,
            None,
            Some("bearing"),
            Exact,
            false,
            Some((Some(30000.0), Some(40000.0))),
        ),
        (
            "a rise of 10%-15%",
            "10%-15%",
            Percent,
            None,
            Some("%"),
            Exact,
            true,
            Some((Some(10.0), Some(15.0))),
        ),
        (
            "between 5 and 7 billion",
            "between 5 and 7 billion",
            Number,
            None,
            None,
            Exact,
            false,
            Some((Some(5e9), Some(7e9))),
        ),
        (
            "sales grew 3.7 times",
            "3.7 times",
            Multiplier,
            Some(3.7),
            Some("x"),
            Exact,
            true,
            None,
        ),
        (
            "a fourfold increase",
            "fourfold",
            Multiplier,
            Some(4.0),
            Some("x"),
            Exact,
            true,
            None,
        ),
        (
            "sales doubled",
            "doubled",
            Multiplier,
            Some(2.0),
            Some("x"),
            Exact,
            true,
            None,
        ),
        (
            "for nine consecutive months",
            "nine consecutive months",
            Count,
            Some(9.0),
            Some("month"),
            Exact,
            false,
            None,
        ),
        (
            "a 1.5 GWh battery",
            "1.5 GWh",
            Measure,
            Some(1.5),
            Some("GWh"),
            Exact,
            false,
            None,
        ),
        (
            "at 60 km/h",
            "60 km/h",
            Measure,
            Some(60.0),
            Some("km/h"),
            Exact,
            false,
            None,
        ),
        (
            "ten micrometers thick",
            "ten micrometers",
            Measure,
            Some(10.0),
            Some("µm"),
            Exact,
            false,
            None,
        ),
        (
            "one-sixth of the total",
            "one-sixth",
            Fraction,
            Some(1.0 / 6.0),
            None,
            Exact,
            false,
            None,
        ),
        (
            "two thirds of voters",
            "two thirds",
            Fraction,
            Some(2.0 / 3.0),
            None,
            Exact,
            false,
            None,
        ),
        (
            "ranked third",
            "third",
            Ordinal,
            Some(3.0),
            None,
            Exact,
            false,
            None,
        ),
        (
            "the 21st largest",
            "21st",
            Ordinal,
            Some(21.0),
            None,
            Exact,
            false,
            None,
        ),
        (
            "one hundred and five",
            "one hundred and five",
            Number,
            Some(105.0),
            None,
            Exact,
            false,
            None,
        ),
        (
            "a dozen firms",
            "a dozen firms",
            Count,
            Some(12.0),
            Some("firm"),
            Exact,
            false,
            None,
        ),
        (
            "1.5E+16 operations",
            "1.5E+16 operations",
            Count,
            Some(1.5e16),
            Some("operation"),
            Exact,
            false,
            None,
        ),
    ]
};

fn find<'a>(text: &str, found: &'a [Quantity], want: &str) -> &'a Quantity {
    found
        .iter()
        .find(|q| &text[q.span.range()] == want)
        .unwrap_or_else(|| panic!("{text:?}: no {want:?} in {found:#?}"))
}

#[test]
fn news_phrasing() {
    for (text, want, kind, value, unit, approx, change, range) in CASES {
        let found = recognize(text);
        let q = find(text, &found, want);
        assert_eq!(q.kind, *kind, "{text}");
        match (q.value, value) {
            (Some(a), Some(b)) => assert!(
                (a - b).abs() <= 1e-9 * b.abs().max(1.0),
                "{text}: {a} vs {b}"
            ),
            (a, b) => assert_eq!(a, *b, "{text}"),
        }
        assert_eq!(q.unit.as_deref(), *unit, "{text}");
        assert_eq!(q.approx, *approx, "{text}");
        assert_eq!(q.change, *change, "{text}");
        assert_eq!(q.range, *range, "{text}");
    }
}

#[test]
fn basis_and_precision() {
    let text = "NEV exports surged 77.5% year-on-year to 43 billion yuan.";
    let found = recognize(text);
    let pct = find(text, &found, "77.5%");
    assert!(pct.change);
    assert_eq!(pct.basis, Some(Basis::YearOnYear));
    assert_eq!(pct.precision, Some(0.05));
    let money = find(text, &found, "43 billion yuan");
    assert!(!money.change);
    assert_eq!(money.precision, Some(5e8));
    let text = "1.233 million units, up 4% month-on-month";
    let found = recognize(text);
    assert_eq!(
        find(text, &found, "1.233 million units").precision,
        Some(500.0)
    );
    assert_eq!(find(text, &found, "4%").basis, Some(Basis::MonthOnMonth));
}

#[test]
fn lists_and_currency_context() {
    let text =
        "Exports soared by 140% to the EU, 155.7% to Asia and 209% to Africa, with a 30% share.";
    let found = recognize(text);
    for want in ["140%", "155.7%", "209%"] {
        assert!(find(text, &found, want).change, "{want}");
    }
    assert!(!find(text, &found, "30%").change);
    let text = "Chinese carmakers earned ¥5 billion.";
    assert_eq!(recognize(text)[0].unit.as_deref(), Some("CNY"));
    let text = "Toyota in Japan earned ¥5 billion.";
    assert_eq!(recognize(text)[0].unit.as_deref(), Some("JPY"));
    let text = "a US$1.2 billion deal, HK$3bn and C$ 40";
    let units: Vec<_> = recognize(text).into_iter().filter_map(|q| q.unit).collect();
    assert_eq!(units, ["USD", "HKD", "CAD"]);
}

/// South Asian news abbreviates rupees `Rs` (with or without a stop, glued
/// or spaced), usually with crore or lakh; `Mrs.` and `RS` are no rupees.
#[test]
fn rupees_abbreviated() {
    for (text, want, value) in [
        (
            "The company raised Rs 1,200 crore in its IPO.",
            "Rs 1,200 crore",
            1.2e10,
        ),
        ("Net profit reached Rs. 450 crore.", "Rs. 450 crore", 4.5e9),
        ("A plan costs Rs450 a month.", "Rs450", 450.0),
        ("Sales were Rs 3.5 lakh.", "Rs 3.5 lakh", 350_000.0),
        ("Q3 PAT of Rs 3,181 cr, up 18%", "Rs 3,181 cr", 3.181e10),
        ("revenue of Rs 35,450cr.", "Rs 35,450cr", 3.545e11),
    ] {
        let found = recognize(text);
        let q = find(text, &found, want);
        assert_eq!(q.unit.as_deref(), Some("INR"), "{text}");
        assert_eq!(q.value, Some(value), "{text}");
    }
    for text in ["Mrs. 5 guests came.", "the RS 232 port"] {
        let found = recognize(text);
        assert!(
            found.iter().all(|q| q.unit.as_deref() != Some("INR")),
            "{text}: {found:?}"
        );
    }
}

/// A change against a month named alone is against a month before, not a
/// year; a month that opens a span or has its year is no such basis.
#[test]
fn a_change_from_a_named_month() {
    for (text, want, basis) in [
        (
            "Chip exports slid 3.1 per cent from June.",
            "3.1 per cent",
            Some(Basis::MonthOnMonth),
        ),
        (
            "Sales were up 4% compared with Feb.",
            "4%",
            Some(Basis::MonthOnMonth),
        ),
        ("Exports rose 6% from January to May.", "6%", None),
        ("Exports rose 6% from June 2024.", "6%", None),
        ("Output rose 2% over March.", "2%", None),
    ] {
        let found = recognize(text);
        assert_eq!(find(text, &found, want).basis, basis, "{text}");
    }
}

/// Malaysian, Indonesian and Kenyan news write their currencies' local
/// abbreviations before figures, glued or spaced; a code's digits after
/// letters that are no currency stay no figure, decimals included.
#[test]
fn local_currency_abbreviations() {
    for (text, want, unit, value) in [
        (
            "Exports rose to RM152.06 billion in June.",
            "RM152.06 billion",
            "MYR",
            152.06e9,
        ),
        (
            "The ten-month total was RM1,174.25 billion.",
            "RM1,174.25 billion",
            "MYR",
            1.17425e12,
        ),
        (
            "a budget of Rp 3,621 trillion",
            "Rp 3,621 trillion",
            "IDR",
            3.621e15,
        ),
        (
            "tea earned KSh 180 billion",
            "KSh 180 billion",
            "KES",
            1.8e11,
        ),
    ] {
        let found = recognize(text);
        let q = find(text, &found, want);
        assert_eq!(q.unit.as_deref(), Some(unit), "{text}");
        assert_eq!(q.value, Some(value), "{text}");
    }
    for text in ["its ZX152.06 billion-cycle chip", "the B737.8 jet"] {
        assert!(recognize(text).is_empty(), "{text}: {:?}", recognize(text));
    }
}

/// `up to` after a verb is its particle: `ticked up to 4.2 percent` reached
/// 4.2, it was not at most 4.2.
#[test]
fn up_to_after_a_verb_is_no_bound() {
    let text = "The jobless rate ticked up to 4.2 percent, with up to 300 firms hiring.";
    let found = recognize(text);
    assert_eq!(find(text, &found, "4.2 percent").approx, Approx::Exact);
    assert_eq!(find(text, &found, "up to 300 firms").approx, Approx::Under);
}

#[test]
fn not_figures() {
    for text in [
        "Geely's H1 results",
        "the A320 and CO2",
        "see https://example.com/a%2030?x=5",
        "Which one do you prefer?",
        "at 2:00 pm",
    ] {
        let found: Vec<_> = recognize(text)
            .into_iter()
            .filter(|q| q.kind != QuantityKind::Date)
            .collect();
        assert!(found.is_empty(), "{text}: {found:?}");
    }
}

/// Tables laid out with spaces: a currency closing one cell is not the
/// next cell's, and the next row's label is not a counted noun.
#[test]
fn cells_keep_their_own_units() {
    let text = "Exports                 140.5 billion U.S. dollars     5.2\nImports\t80.6 billion U.S. dollars\t2.1\n";
    let found = recognize(text);
    let at = |s: &str| {
        found
            .iter()
            .find(|q| &text[q.span.range()] == s)
            .unwrap_or_else(|| panic!("no {s:?} in {found:?}"))
    };
    let exports = at("140.5 billion U.S. dollars");
    assert_eq!(
        (exports.kind, exports.unit.as_deref()),
        (QuantityKind::Money, Some("USD"))
    );
    for cell in ["5.2", "2.1"] {
        let q = at(cell);
        assert_eq!(
            (q.kind, q.unit.as_deref()),
            (QuantityKind::Number, None),
            "{cell}"
        );
    }
    // In running text `U.S. dollars` is the US dollar.
    let text = "Exports were 140.5 billion U.S. dollars in 2024.";
    let q = &recognize(text)[0];
    assert_eq!(q.unit.as_deref(), Some("USD"));
}
