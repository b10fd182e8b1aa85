use crate::quantity::{Approx, Basis, QuantityKind};
use crate::recognize;

fn one(text: &str) -> crate::Quantity {
    let found = recognize(text);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found.into_iter().next().unwrap()
}

#[test]
fn money_and_percent() {
    let q = one("Exports reached 43 billion yuan.");
    assert_eq!(q.kind, QuantityKind::Money);
    assert_eq!(q.value, Some(43e9));
    assert_eq!(q.unit.as_deref(), Some("CNY"));
    assert_eq!(q.precision, Some(5e8));
    let q = one("up 49.9% year-on-year");
    assert_eq!(q.kind, QuantityKind::Percent);
    assert!(q.change);
    assert_eq!(q.basis, Some(Basis::YearOnYear));
    let q = one("more than 30 companies");
    assert_eq!(q.approx, Approx::Over);
    assert_eq!(q.range, Some((Some(30.0), None)));
}

#[test]
fn mixed_number_ending_in_and_an_ordinal_reads_both_ways() {
    let text = "The value is forty two and a third";
    let found = recognize(text);
    let got: Vec<(&str, QuantityKind, Option<f64>)> = found
        .iter()
        .map(|q| (&text[q.span.range()], q.kind, q.value))
        .collect();
    assert_eq!(
        got,
        [
            (
                "forty two and a third",
                QuantityKind::Fraction,
                Some(42.0 + 1.0 / 3.0)
            ),
            ("third", QuantityKind::Ordinal, Some(3.0)),
        ]
    );
    let text = "three and an eighth";
    let found = recognize(text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(&text[found[1].span.range()], "eighth");
    assert_eq!(found[1].value, Some(8.0));
    // Written any other way, a fraction has one reading.
    for text in [
        "a third",
        "two thirds",
        "one and three fifths",
        "one and a half",
        "five and a third million",
        "a trillionth",
    ] {
        let found = recognize(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_ne!(found[0].kind, QuantityKind::Ordinal, "{text}");
    }
}

#[test]
fn small_whole_number_in_digits_and_a_fraction() {
    for (text, want) in [
        ("3 and a half", 3.5),
        ("1 and a quarter", 1.25),
        ("2 and a half million", 2.5e6),
    ] {
        let found = recognize(text);
        assert_eq!(found[0].kind, QuantityKind::Fraction, "{text}: {found:?}");
        assert_eq!(found[0].value, Some(want), "{text}");
    }
    // A year before `and a third` is no whole part.
    let found = recognize("in 2020 and a third wave");
    assert_eq!(found[0].kind, QuantityKind::Date, "{found:?}");
    let found = recognize("items 3 and 4");
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn fraction_of_one_or_more_counts_the_noun_after() {
    for (text, want, unit) in [
        ("half a million people", 5e5, "person"),
        ("two and a half million people", 2.5e6, "person"),
        ("3 and a half years", 3.5, "year"),
    ] {
        let q = one(text);
        assert_eq!(q.kind, QuantityKind::Count, "{text}: {q:?}");
        assert_eq!(q.value, Some(want), "{text}");
        assert_eq!(q.unit.as_deref(), Some(unit), "{text}");
    }
    // Less than one counts nothing.
    let q = one("a third people");
    assert_eq!(q.kind, QuantityKind::Fraction);
    assert_eq!(&"a third people"[q.span.range()], "a third");
}

#[test]
fn fraction_after_and_takes_the_smaller_scale_after_it() {
    let q = one("one billion and three quarters million");
    assert_eq!(q.value, Some(1_000_750_000.0));
    let q = one("six million and two thirds");
    assert_eq!(q.value, Some(6e6 + 2.0 / 3.0 * 1e6));
}

#[test]
fn a_table_column_after_a_figure_is_not_the_end_of_a_range() {
    let figures = |text: &str| -> Vec<(String, Option<f64>)> {
        recognize(text)
            .into_iter()
            .map(|q| (text[q.span.range()].to_string(), q.value))
            .collect()
    };
    // A level, then its change in the next column.
    for text in [
        "Retail sales        CHF 46.5bn        -0.3",
        "Retail sales\tCHF 46.5bn\t-0.3",
        "Retail sales CHF 46.5bn -\n0.3",
    ] {
        let found = figures(text);
        assert_eq!(found.len(), 2, "{text}: {found:?}");
        assert_eq!(found[0], ("CHF 46.5bn".to_string(), Some(46.5e9)), "{text}");
    }
    // Ranges written with a dash keep their ends close.
    for text in [
        "CHF 4.5-5bn",
        "CHF 4.5bn - 5bn",
        "5 - 7 million",
        "$5bn-$7bn",
    ] {
        let found = recognize(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert!(found[0].range.is_some(), "{text}: {found:?}");
    }
}

#[test]
fn a_scaled_figure_is_not_a_range_down_to_a_smaller_one() {
    let found = recognize("sales of CHF 46.5bn -0.3 on the year");
    assert!(found.iter().all(|q| q.range.is_none()), "{found:?}");
    let q = one("between 900 million and 1.2 billion dollars");
    assert_eq!(q.range, Some((Some(9e8), Some(1.2e9))));
}

#[test]
fn range_ends_may_open_with_a_currency_code_or_a_bound() {
    for (text, lo, hi) in [
        ("between USD 5 billion and USD 7 billion", 5e9, 7e9),
        (
            "between JPY 10.51 billion and more than 11.6 billion yen",
            10.51e9,
            11.6e9,
        ),
        (
            "between more than SGD 78.78m and SGD 87.07 million",
            78.78e6,
            87.07e6,
        ),
        ("between S$2.1 billion and S$2.29 billion", 2.1e9, 2.29e9),
    ] {
        let q = one(text);
        assert_eq!(q.range, Some((Some(lo), Some(hi))), "{text}");
    }
    // A bound that no range follows stays a bound.
    assert_eq!(one("from over 5 billion").approx, Approx::Over);
}

#[test]
fn crowns_are_money_and_their_adjective_says_whose() {
    for (text, code) in [
        ("Revenue was 577 billion crowns.", "SEK"),
        ("Revenue was 577 billion Swedish crowns.", "SEK"),
        ("Revenue was 12 billion Danish crowns.", "DKK"),
        ("Revenue was 12 billion Norwegian crowns.", "NOK"),
        ("Revenue was 12 billion Czech crowns.", "CZK"),
        ("Revenue was 12 billion korunas.", "CZK"),
        ("Revenue was 900 million forints.", "HUF"),
    ] {
        let q = one(text);
        assert_eq!(q.kind, QuantityKind::Money, "{text}");
        assert_eq!(q.unit.as_deref(), Some(code), "{text}");
    }
    // A street's name is no currency.
    let q = one("The office is at 2 Crown Street.");
    assert_ne!(q.kind, QuantityKind::Money);
}

#[test]
fn table_cells_apart_are_figures_apart() {
    let text = "Net profit     CNY 830 million           CNY 1.2 billion   945 million yuan\nRevenue\t¥606 billion\t602 billion yen";
    let got: Vec<(&str, Option<f64>)> = recognize(text)
        .iter()
        .map(|q| (&text[q.span.range()], q.value))
        .collect();
    assert_eq!(
        got,
        [
            ("CNY 830 million", Some(830e6)),
            ("CNY 1.2 billion", Some(1.2e9)),
            ("945 million yuan", Some(945e6)),
            ("¥606 billion", Some(606e9)),
            ("602 billion yen", Some(602e9)),
        ]
    );
    // A line wrapped by hand is no table.
    let q = one("Exports reached 43\nbillion yuan.");
    assert_eq!(q.value, Some(43e9));
}

#[test]
fn currencies_named_like_words_follow_a_scale_word() {
    for (text, code) in [
        ("It sold 712 billion won of bonds.", "KRW"),
        ("It raised 3 billion rand.", "ZAR"),
        ("It paid 40 million dong.", "VND"),
    ] {
        let q = one(text);
        assert_eq!(q.unit.as_deref(), Some(code), "{text}");
    }
    let found = recognize("In 2024 won 2 prizes.");
    assert!(
        found.iter().all(|q| q.unit.as_deref() != Some("KRW")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|q| q.unit.as_deref() == Some("prize")),
        "{found:?}"
    );
}

#[test]
fn range_ends_with_their_own_currency() {
    for (text, lo, hi, code) in [
        ("net profit of RMB 1.6bn-RMB 2bn in 2025", 1.6e9, 2e9, "CNY"),
        ("net profit of SEK 1.6bn-SEK 2bn in 2025", 1.6e9, 2e9, "SEK"),
        (
            "net profit of 31.9 million pounds sterling-£39 million",
            31.9e6,
            39e6,
            "GBP",
        ),
        (
            "net profit of €868,161-EUR 1.06 million",
            868_161.0,
            1.06e6,
            "EUR",
        ),
        ("sales of 5 to 7 million euros", 5e6, 7e6, "EUR"),
    ] {
        let found = recognize(text);
        let q = found
            .iter()
            .find(|q| q.range.is_some())
            .unwrap_or_else(|| panic!("{text}: {found:?}"));
        assert_eq!(q.range, Some((Some(lo), Some(hi))), "{text}");
        assert_eq!(q.unit.as_deref(), Some(code), "{text}");
    }
}

#[test]
fn a_number_after_a_hash_is_a_rank_or_a_model_not_an_amount() {
    let q = one("the Smart #5 models roll off the line");
    assert_eq!(q.kind, QuantityKind::Ordinal);
    assert_eq!(q.value, Some(5.0));
    let q = one("it ranked #1 in Europe");
    assert_eq!(q.kind, QuantityKind::Ordinal);
    // Glued to letters, `#` is part of a name (`C#`), and the digits after
    // it read as before.
    assert_eq!(one("C#5 release").kind, QuantityKind::Number);
}

#[test]
fn one_as_a_pronoun_is_no_figure() {
    for text in [
        "One after another, the models roll off the line.",
        "The makers compete with one another.",
        "They left one by one.",
        "No one expected the drop.",
        "Excluding one-off items, profit rose.",
        "A one-time charge weighed on margins.",
        "It runs a one-stop service centre.",
    ] {
        assert!(recognize(text).is_empty(), "{text}: {:?}", recognize(text));
    }
    assert_eq!(one("one vehicle a minute").value, Some(1.0));
    assert_eq!(one("one-third of output").value, Some(1.0 / 3.0));
}

#[test]
fn a_short_number_in_a_name_is_no_figure() {
    for text in [
        "Tesla shipped the Model 3 sedans from Shanghai.",
        "The order for a Boeing 737 jet was delayed.",
        "It ranks among the Fortune 500 firms.",
        "It ranks in the top 10 exporters.",
    ] {
        assert!(recognize(text).is_empty(), "{text}: {:?}", recognize(text));
    }
    // After a figure, the name is still a name.
    let found = recognize("Tesla shipped 12,000 Model 3 sedans.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].value, Some(12000.0));
    // Amounts: at a sentence's start, after a month or a currency, in a
    // title-case headline, in a table's cells.
    assert_eq!(one("About 500 firms joined.").value, Some(500.0));
    assert_eq!(one("the fee was Rs 500 a month").value, Some(500.0));
    assert_eq!(
        one("Geely Sales Rise 5 Percent").kind,
        QuantityKind::Percent
    );
    assert_eq!(one("Output\t881 vehicles").value, Some(881.0));
    assert_eq!(one("Deliveries    493 vehicles").value, Some(493.0));
    let found = recognize("Output rose 5%.\nDeliveries 493 vehicles");
    assert_eq!(found.len(), 2, "{found:?}");
    // A list's items each have their figure.
    let found = recognize("BYD sold 500, Geely 900 and Chery 700 in May.");
    let figures = found.iter().filter(|q| q.kind != QuantityKind::Date);
    assert_eq!(figures.count(), 3, "{found:?}");
}

#[test]
fn one_in_four_cars_is_a_proportion() {
    let q = one("one in four cars sold abroad was electric");
    assert_eq!(q.kind, QuantityKind::Fraction);
    assert_eq!(q.value, Some(0.25));
    assert_eq!(one("1 in 5 buyers").value, Some(0.2));
    // A duration after is not the whole of a proportion.
    let found = recognize("He scored 5 in 10 minutes");
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn oil_rates_and_tonnage_symbols_are_their_base_units() {
    // The oil trade's ways of writing barrels per day all meet.
    for (text, value) in [
        ("pumped 9.1 million barrels per day", 9.1e6),
        ("pumped 9.1 million barrels a day", 9.1e6),
        ("up from 8.95 million bpd", 8.95e6),
        ("steady at 1.3 million b/d", 1.3e6),
        ("demand of 104.5 mb/d", 104.5e6),
        ("supply rose by 340 kb/d", 340e3),
    ] {
        let q = one(text);
        assert_eq!(q.unit.as_deref(), Some("bbl/d"), "{text}");
        assert_eq!(q.value, Some(value), "{text}");
    }
    // A tonnage written with its prefix is so many tonnes.
    for (text, value) in [
        ("shipped 195.1 Mt of ore", 195.1e6),
        ("shipped 195.1 million tonnes of ore", 195.1e6),
        ("a 40kt plant", 40e3),
        ("emissions of 37.4 gigatonnes", 37.4e9),
    ] {
        let q = one(text);
        assert_eq!(q.unit.as_deref(), Some("t"), "{text}");
        assert_eq!(q.value, Some(value), "{text}");
    }
    // Megabits stay megabits, and a distance a day is no rate we name.
    assert_eq!(one("a 100 mb file").unit.as_deref(), Some("Mbit"));
    assert_eq!(one("walked 20 km a day").unit.as_deref(), Some("km"));
}

#[test]
fn a_change_by_an_amount_to_a_level_is_no_range() {
    let text = "Output rose by 210,000 bpd to 26.7 million bpd. Iraq raised its output \
                by 120,000 barrels per day to 4.3 million bpd. The bank cut its forecast \
                by 0.2 percentage points to 4.5%.";
    let found = recognize(text);
    let got: Vec<(&str, Option<f64>, bool)> = found
        .iter()
        .map(|q| (&text[q.span.range()], q.value, q.change))
        .collect();
    assert_eq!(
        got,
        [
            ("210,000 bpd", Some(210e3), true),
            ("26.7 million bpd", Some(26.7e6), false),
            ("120,000 barrels per day", Some(120e3), true),
            ("4.3 million bpd", Some(4.3e6), false),
            ("0.2 percentage points", Some(-0.2), true),
            ("4.5%", Some(4.5), false),
        ]
    );
    // What is still to happen may be a range.
    let q = one("Sales are expected to rise by 5% to 7%.");
    assert_eq!(q.range, Some((Some(5.0), Some(7.0))));
}

#[test]
fn the_words_after_a_change_say_its_basis_only_when_they_compare() {
    for (text, basis) in [
        (
            "Sales rose 5% over the same quarter last year.",
            Some(Basis::YearOnYear),
        ),
        (
            "Sales rose 5% compared with the same quarter of 2024.",
            Some(Basis::YearOnYear),
        ),
        (
            "Sales rose 5% from the same month a year ago.",
            Some(Basis::YearOnYear),
        ),
        (
            "Sales rose 5% from the previous year.",
            Some(Basis::YearOnYear),
        ),
        (
            "Sales rose 5% from the previous quarter.",
            Some(Basis::QuarterOnQuarter),
        ),
        (
            "GDP grew 0.2% on the quarter.",
            Some(Basis::QuarterOnQuarter),
        ),
        (
            "Prices rose 0.3% from the previous month.",
            Some(Basis::MonthOnMonth),
        ),
        // The period the change is over, not what it is compared with.
        ("Sales grew 3.9 per cent over the Christmas quarter.", None),
        ("Sales rose 5% over the quarter.", None),
        ("Unemployment climbed to 5.1% over the same period.", None),
    ] {
        let q = recognize(text)
            .into_iter()
            .find(|q| q.kind == QuantityKind::Percent)
            .expect(text);
        assert_eq!(q.basis, basis, "{text}");
    }
}

#[test]
fn twenty_foot_equivalent_units_are_teus() {
    let q = one("The port handled 39.3 million twenty-foot equivalent units.");
    assert_eq!((q.value, q.unit.as_deref()), (Some(39.3e6), Some("TEU")));
    // A written decimal and its scale end the number: `twenty` is no part.
    let found = recognize("39.3 million twenty-foot boxes");
    assert_eq!(found[0].value, Some(39.3e6), "{found:?}");
}

#[test]
fn a_year_after_from_that_opens_no_range_is_no_figure() {
    for text in [
        "Sales rose 5% from 2024.",
        "Profit was up 3% from 2024 levels.",
    ] {
        let found = recognize(text);
        assert!(
            found.iter().all(|q| q.kind != QuantityKind::Number),
            "{text}: {found:?}"
        );
    }
    let q = one("Output grew from 2,000 to 3,000 cars.");
    assert_eq!(q.range, Some((Some(2000.0), Some(3000.0))));
}

/// `yen_clue` as first written, by substring searches and a walk over the
/// characters: what the one walk over the bytes must agree with.
fn yen_clue_by_search(t: &str) -> Option<&'static str> {
    let has = |w: &str| t.contains(w);
    if has("yuan")
        || has("RMB")
        || has("CNY")
        || has("China")
        || has("Chinese")
        || has("renminbi")
        || t.chars()
            .any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c) && c != '円')
    {
        Some("CNY")
    } else if has("yen") || has("Japan") || has("JPY") || has("Tokyo") || has("円") {
        Some("JPY")
    } else {
        None
    }
}

proptest::proptest! {
    #[test]
    fn yen_clues_agree_with_the_searches(
        parts in proptest::collection::vec(proptest::prop_oneof![
            proptest::strategy::Just("yuan"), proptest::strategy::Just("yua"),
            proptest::strategy::Just("yen"), proptest::strategy::Just("ye"),
            proptest::strategy::Just("RMB"), proptest::strategy::Just("CNY"),
            proptest::strategy::Just("Chin"), proptest::strategy::Just("a"),
            proptest::strategy::Just("ese"), proptest::strategy::Just("renminbi"),
            proptest::strategy::Just("Japan"), proptest::strategy::Just("JPY"),
            proptest::strategy::Just("Tokyo"), proptest::strategy::Just("円"),
            proptest::strategy::Just("元"), proptest::strategy::Just("一"),
            proptest::strategy::Just("鿿"), proptest::strategy::Just("㐀"),
            proptest::strategy::Just("䷿"), proptest::strategy::Just("ꀀ"),
            proptest::strategy::Just("¥"), proptest::strategy::Just(" "),
        ], 0..12),
    ) {
        let t = parts.concat();
        proptest::prop_assert_eq!(super::yen_clue(&t), yen_clue_by_search(&t));
    }
}

proptest::proptest! {
    /// Whole and half numbers, a hair off them, and the edges of 2^52.
    #[test]
    fn rounding_below_2_53_is_round(
        x in proptest::prop_oneof![
            -9.0e15f64..9.0e15,
            -100.0f64..100.0,
            proptest::strategy::Strategy::prop_map(-40i64..40, |n| n as f64 / 2.0),
            proptest::strategy::Strategy::prop_map(-40i64..40, |n| n as f64 / 2.0 + 1e-12),
            proptest::strategy::Just(-0.0f64),
            proptest::strategy::Just(0.49999999999999994f64),
            proptest::strategy::Just(-0.49999999999999994f64),
            proptest::strategy::Just(4503599627370495.5f64),
        ],
    ) {
        proptest::prop_assert_eq!(super::round_below_2_53(x).to_bits(), x.round().to_bits(), "{}", x);
    }
}
