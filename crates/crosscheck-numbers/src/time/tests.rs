//! Table-driven tests of time expressions.

use crate::{Context, Granularity, QuantityKind, Recognizer};

/// (expression, ISO period, cumulative, fiscal)
type Row = (String, String, bool, bool);

fn periods(text: &str, as_of: Option<AsOf>) -> Vec<Row> {
    let tokens = crosscheck_text::tokenize(text);
    Recognizer::new(Context {
        as_of,
        ..Context::default()
    })
    .recognize(text, &tokens)
    .into_iter()
    .filter(|q| q.kind == QuantityKind::Date)
    // A time expression that nothing fixes has no period: left out here.
    .filter_map(|q| {
        let p = q.period?;
        Some((
            text[q.span.range()].to_string(),
            p.iso(),
            p.cumulative,
            p.fiscal,
        ))
    })
    .collect()
}

/// (sentence, expression, ISO period, cumulative)
const FIXED: &[(&str, &str, &str, bool)] = &[
    // A quarter named by the month it ends, as Australian and New
    // Zealand reports name them.
    (
        "Shipments fell from the June 2025 quarter.",
        "June 2025 quarter",
        "2025-04/2025-06",
        false,
    ),
    (
        "Output in the December quarter of 2024 was a record.",
        "December quarter of 2024",
        "2024-10/2024-12",
        false,
    ),
    // A company's year, by the month or day it ends.
    (
        "Underlying EBITDA for the year to June 30, 2025 fell.",
        "the year to June 30, 2025",
        "2024-07/2025-06",
        false,
    ),
    (
        "It kept its forecast for the year ending March 2026.",
        "the year ending March 2026",
        "2025-04/2026-03",
        false,
    ),
    (
        "Revenue for the fiscal year ended September 27, 2025 rose.",
        "the fiscal year ended September 27, 2025",
        "2024-10/2025-09",
        false,
    ),
    // A retailer's weeks, as the months they nearly make.
    (
        "Like-for-like sales rose 4.1% in the 13 weeks to 28 December 2025.",
        "the 13 weeks to 28 December 2025",
        "2025-10/2025-12",
        false,
    ),
    (
        "Pre-tax profit was 1.02bn in the 52 weeks to 1 March 2025.",
        "the 52 weeks to 1 March 2025",
        "2024-03/2025-02",
        false,
    ),
    // A year's closing months, named with the year they close.
    (
        "The economy grew 0.3% in the final three months of 2025.",
        "the final three months of 2025",
        "2025-10/2025-12",
        false,
    ),
    (
        "Sales fell in the last quarter of 2025.",
        "the last quarter of 2025",
        "2025-10/2025-12",
        false,
    ),
    (
        "Sales rose in the final six months of 2024.",
        "the final six months of 2024",
        "2024-07/2024-12",
        false,
    ),
    // A window of months ending with the month named.
    (
        "Output reached 7,175 vehicles in the three months to June 2025.",
        "the three months to June 2025",
        "2025-04/2025-06",
        false,
    ),
    (
        "Sales in the six months to June 2022 rose.",
        "the six months to June 2022",
        "2022-01/2022-06",
        false,
    ),
    (
        "Profit for the 12 months through March 2025 fell.",
        "the 12 months through March 2025",
        "2024-04/2025-03",
        false,
    ),
    (
        "In the nine months ended September 30, 2024, sales rose.",
        "the nine months ended September 30, 2024",
        "2024-01/2024-09",
        true,
    ),
    // A statistics office's quarter, its months in brackets.
    (
        "GDP grew by 0.1% in Quarter 3 (July to September) 2025.",
        "Quarter 3 (July to September) 2025",
        "2025-07/2025-09",
        false,
    ),
    (
        "Output fell in Quarter 1 2024.",
        "Quarter 1 2024",
        "2024-01/2024-03",
        false,
    ),
    // An earnings release's quarter, the day first or the month.
    (
        "Net profit for the quarter ended December 31, 2025 rose.",
        "the quarter ended December 31, 2025",
        "2025-10/2025-12",
        false,
    ),
    (
        "Revenue for the three months ended 30 September 2025 was flat.",
        "the three months ended 30 September 2025",
        "2025-07/2025-09",
        false,
    ),
    (
        "Sales in the fourth fiscal quarter ending 31 March 2026 grew.",
        "the fourth fiscal quarter ending 31 March 2026",
        "2026-01/2026-03",
        false,
    ),
    (
        "Output rose in 2025 as plants expanded.",
        "2025",
        "2025",
        false,
    ),
    (
        "On May 10, 2025, the event opened.",
        "May 10, 2025",
        "2025-05-10",
        false,
    ),
    (
        "Signed on 10 May 2025 in Beijing.",
        "10 May 2025",
        "2025-05-10",
        false,
    ),
    (
        "Exports from January to April 2025 reached 1.9 million.",
        "January to April 2025",
        "2025-01/2025-04",
        true,
    ),
    (
        "Jan-Apr 2025 sales rose 6%.",
        "Jan-Apr 2025",
        "2025-01/2025-04",
        true,
    ),
    (
        "Exports reached 43 billion yuan in the first 11 months of 2025.",
        "the first 11 months of 2025",
        "2025-01/2025-11",
        true,
    ),
    (
        "Revenue in Q3 2024 fell.",
        "Q3 2024",
        "2024-07/2024-09",
        false,
    ),
    (
        "In the third quarter of 2024 it fell.",
        "the third quarter of 2024",
        "2024-07/2024-09",
        false,
    ),
    (
        "H1 2025 deliveries doubled.",
        "H1 2025",
        "2025-01/2025-06",
        false,
    ),
    (
        "The 2021–2025 plan is done.",
        "2021–2025",
        "2021/2025",
        false,
    ),
    (
        "The plan for 2021-2025 is done.",
        "2021-2025",
        "2021/2025",
        false,
    ),
    (
        "Sales by November 2025 passed 1 million.",
        "by November 2025",
        "2025-01/2025-11",
        true,
    ),
    (
        "Sales in November 2025 were flat.",
        "November 2025",
        "2025-11",
        false,
    ),
    (
        "The first three quarters of 2025 saw growth.",
        "The first three quarters of 2025",
        "2025-01/2025-09",
        true,
    ),
    (
        "Profit in the first half of 2024 rose.",
        "the first half of 2024",
        "2024-01/2024-06",
        false,
    ),
    (
        "The filing was dated 2025-12-10.",
        "2025-12-10",
        "2025-12-10",
        false,
    ),
    (
        "浙江2025年1-11月出口增长",
        "2025年1-11月",
        "2025-01/2025-11",
        true,
    ),
    ("2025年全年进出口总值", "2025年全年", "2025", false),
    ("2025年上半年销量", "2025年上半年", "2025-01/2025-06", false),
    (
        "2024年第三季度利润",
        "2024年第三季度",
        "2024-07/2024-09",
        false,
    ),
    ("二〇二五年的计划", "二〇二五年", "2025", false),
    ("2025年1月16日发布", "2025年1月16日", "2025-01-16", false),
    (
        "2024年全省1至11月出口增长",
        "1至11月",
        "2024-01/2024-11",
        true,
    ),
    (
        "Sales in 2024Q3 slowed.",
        "2024Q3",
        "2024-07/2024-09",
        false,
    ),
    ("Sales in 3Q24 slowed.", "3Q24", "2024-07/2024-09", false),
    ("Sales in 1H25 rose.", "1H25", "2025-01/2025-06", false),
    ("The 2023-24 season ended.", "2023-24", "2023/2024", false),
    (
        "Between 2021 and 2025 output doubled.",
        "2021 and 2025",
        "2021/2025",
        false,
    ),
    (
        "Exports through the end of March 2025 rose.",
        "through the end of March 2025",
        "2025-01/2025-03",
        true,
    ),
];

#[test]
fn fixed_periods() {
    for (text, expr, iso, cumulative) in FIXED {
        let got = periods(text, None);
        let hit = got
            .iter()
            .find(|(t, ..)| t == expr)
            .unwrap_or_else(|| panic!("{text}: no {expr} in {got:?}"));
        assert_eq!(&hit.1, iso, "{text}");
        assert_eq!(hit.2, *cumulative, "{text}: cumulative");
    }
}

#[test]
fn fiscal_years_are_flagged() {
    for (text, expr, iso) in [
        ("Revenue for FY2024 grew.", "FY2024", "2024"),
        ("In fiscal 2024 revenue grew.", "fiscal 2024", "2024"),
        ("For fiscal year 2023 it fell.", "fiscal year 2023", "2023"),
    ] {
        let got = periods(text, None);
        let hit = got
            .iter()
            .find(|(t, ..)| t == expr)
            .unwrap_or_else(|| panic!("{text}: {got:?}"));
        assert_eq!(hit.1, iso);
        assert!(hit.3, "{text}: fiscal");
    }
}

#[test]
fn years_that_are_not_dates() {
    for text in [
        "They sold 2,025 units.",
        "The team ranked 2025th.",
        "It costs $2025 a unit.",
        "Output reached 2025 tonnes.",
        "A rise of 2025% was claimed.",
        "© 2026 Example Media Group. All rights reserved.",
        "Copyright 2026 Example Media Group.",
        "九年八吨",
        "用了11个月",
    ] {
        let got = periods(text, None);
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

/// A document date.
type AsOf = (i32, u8, u8);

/// (sentence, as_of, expression, ISO period, cumulative)
const RELATIVE: &[(&str, AsOf, &str, &str, bool)] = &[
    (
        "Sales rose last year.",
        (2026, 1, 14),
        "last year",
        "2025",
        false,
    ),
    (
        "This year sales will grow.",
        (2026, 1, 14),
        "This year",
        "2026",
        false,
    ),
    (
        "Sales in November rose.",
        (2025, 12, 10),
        "November",
        "2025-11",
        false,
    ),
    (
        "Sales in November rose.",
        (2026, 1, 14),
        "November",
        "2025-11",
        false,
    ),
    (
        "Sales as of end-November reached 3 million.",
        (2025, 12, 10),
        "as of end-November",
        "2025-01/2025-11",
        true,
    ),
    (
        "Output in the first half rose.",
        (2025, 9, 1),
        "the first half",
        "2025-01/2025-06",
        false,
    ),
    (
        "今年前11个月出口增长",
        (2025, 12, 20),
        "今年前11个月",
        "2025-01/2025-11",
        true,
    ),
    ("去年出口增长", (2026, 1, 20), "去年", "2025", false),
    (
        "一季度出口增长",
        (2025, 5, 1),
        "一季度",
        "2025-01/2025-03",
        false,
    ),
    (
        "截至11月底，累计出口",
        (2025, 12, 3),
        "截至11月底",
        "2025-01/2025-11",
        true,
    ),
    (
        "Sales year-to-date rose.",
        (2025, 10, 2),
        "year-to-date",
        "2025-01/2025-10",
        true,
    ),
    (
        "Sales last month rose.",
        (2026, 1, 14),
        "last month",
        "2025-12",
        false,
    ),
    (
        "Sales this quarter rose.",
        (2025, 8, 14),
        "this quarter",
        "2025-07/2025-09",
        false,
    ),
    (
        "Sales last quarter rose.",
        (2025, 2, 14),
        "last quarter",
        "2024-10/2024-12",
        false,
    ),
];

#[test]
fn relative_to_the_given_date() {
    for (text, as_of, expr, iso, cumulative) in RELATIVE {
        let got = periods(text, Some(*as_of));
        let hit = got
            .iter()
            .find(|(t, ..)| t == expr)
            .unwrap_or_else(|| panic!("{text}: no {expr} in {got:?}"));
        assert_eq!(&hit.1, iso, "{text}");
        assert_eq!(hit.2, *cumulative, "{text}");
    }
}

#[test]
fn the_full_year_named() {
    let got = periods(
        "Exports rose 0.6% to 48,000 vehicles for the full year 2023.",
        Some((2026, 12, 1)),
    );
    assert_eq!(
        got,
        vec![(
            "the full year 2023".to_string(),
            "2023".to_string(),
            false,
            false
        )]
    );
}

#[test]
fn a_release_date_mid_sentence_is_no_document_date() {
    let got = periods(
        "The ministry — which released data on 5 March 2024 — said sales rose last year.",
        None,
    );
    assert!(!got.iter().any(|(t, ..)| t == "last year"), "{got:?}");
}

/// The run's `--as-of` date yields to the document's own and, for a
/// period without its year, to a year the document named before it.
#[test]
fn a_fallback_date_yields_to_the_text() {
    let with_fallback = |text: &str| {
        let tokens = crosscheck_text::tokenize(text);
        Recognizer::new(Context {
            fallback_as_of: Some((2026, 12, 1)),
            ..Context::default()
        })
        .recognize(text, &tokens)
        .into_iter()
        .filter(|q| q.kind == QuantityKind::Date)
        .filter_map(|q| Some((text[q.span.range()].to_string(), q.period?.iso())))
        .collect::<Vec<_>>()
    };
    let got = with_fallback("NINGBO, Jan. 14, 2025 (Wire) -- Volumes last year rose 8%.");
    assert!(
        got.contains(&("last year".into(), "2024".into())),
        "{got:?}"
    );
    let got = with_fallback("Results for 2023\n\nExports rose 5% in the fourth quarter.");
    assert!(
        got.contains(&("the fourth quarter".into(), "2023-10/2023-12".into())),
        "{got:?}"
    );
    let got = with_fallback("Volumes last year rose 8%.");
    assert!(
        got.contains(&("last year".into(), "2025".into())),
        "{got:?}"
    );
    // A dateline the text gives no year for takes the run's latest such
    // day, and dates the document (a site's copyright year is no help).
    let text = "NAGOYA, Jan. 16 (Wire) -- Sales rose 5% in the fourth quarter.\n\n© 2026 Example Media Group.";
    let got = with_fallback(text);
    assert!(
        got.contains(&("the fourth quarter".into(), "2025-10/2025-12".into())),
        "{got:?}"
    );
    let got = periods(text, None);
    assert!(
        !got.iter().any(|(t, ..)| t == "the fourth quarter"),
        "{got:?}"
    );
}

#[test]
fn a_window_without_its_year_may_reach_into_the_year_before() {
    assert_reads(
        "In the 12 months through October, wages increased 4.0%.",
        Some((2025, 11, 7)),
        "the 12 months through October",
        "2024-11/2025-10",
    );
}

#[test]
fn a_period_joined_as_an_adjective_is_one() {
    let got = periods(
        "July 29, 2025 -- First-half sales rose 3%. Second-quarter revenue fell.",
        None,
    );
    let iso = |e: &str| got.iter().find(|r| r.0 == e).map(|r| r.1.clone());
    assert_eq!(iso("First-half").as_deref(), Some("2025-01/2025-06"));
    assert_eq!(iso("Second-quarter").as_deref(), Some("2025-04/2025-06"));
}

#[test]
fn a_text_in_fiscal_years_counts_its_bare_quarters_in_them() {
    let got = periods(
        "Q3FY26 review\n\nThe carmaker's Q3 profit rose, and first-half sales grew.",
        Some((2026, 2, 9)),
    );
    for expression in ["Q3", "first-half"] {
        let row = got.iter().find(|r| r.0 == expression).expect(expression);
        assert!(row.3, "{row:?}");
    }
    let got = periods("The carmaker's Q3 profit rose.", Some((2026, 2, 9)));
    assert!(got.iter().all(|r| !r.3), "{got:?}");
}

#[test]
fn a_quarter_named_by_its_months_is_the_calendar_s_in_a_fiscal_text() {
    // The months are named: whatever year the company keeps, they are
    // the calendar's (a bare `Q3` there is not, see above).
    let got = periods(
        "Its fiscal 2026 ends in June. Output rose in the three months to Sept. 30, \
         down on the June quarter.",
        Some((2025, 10, 22)),
    );
    for (expression, iso) in [
        ("the three months to Sept. 30", "2025-07/2025-09"),
        ("June quarter", "2025-04/2025-06"),
    ] {
        let row = got.iter().find(|r| r.0 == expression).expect(expression);
        assert_eq!((row.1.as_str(), row.3), (iso, false), "{row:?}");
    }
}

#[test]
fn a_year_that_runs_into_the_next_is_read_however_written() {
    for (text, expression, fiscal) in [
        (
            "Exports reached 7.1 million bags in the 2024/25 coffee year.",
            "2024/25",
            false,
        ),
        ("The 2024-25 season was dry.", "2024-25", false),
        ("Revenue rose in fiscal 2024/25.", "fiscal 2024/25", true),
        ("Revenue rose in FY2024/25.", "FY2024/25", true),
    ] {
        let got = periods(text, None);
        let row = got.iter().find(|r| r.0 == expression).expect(text);
        assert_eq!((row.1.as_str(), row.3), ("2024/2025", fiscal), "{text}");
    }
    // Not a date, nor two years that do not follow each other.
    for text in ["Filed 2024/25/03.", "Compare 2024/26."] {
        let got = periods(text, None);
        assert!(
            got.iter().all(|r| r.1 != "2024/2025" && r.1 != "2024/2026"),
            "{got:?}"
        );
    }
}

#[test]
fn a_fiscal_quarter_is_marked_fiscal() {
    let got = periods("Revenue rose in the fiscal fourth quarter of 2025.", None);
    assert_eq!(
        got,
        [(
            "the fiscal fourth quarter of 2025".to_string(),
            "2025-10/2025-12".to_string(),
            false,
            true
        )]
    );
    let got = periods("Revenue rose in the fourth quarter of 2025.", None);
    assert!(got.iter().all(|r| !r.3), "{got:?}");
}

#[test]
fn months_of_the_fiscal_year_are_fiscal() {
    let got = periods(
        "It sold 7.4 million vehicles in the first nine months of the fiscal year.",
        Some((2026, 2, 6)),
    );
    let row = got
        .iter()
        .find(|r| r.0 == "the first nine months of the fiscal year")
        .expect("the window");
    assert!(row.3, "{row:?}");
}

#[test]
fn relative_without_a_date_has_no_period() {
    assert!(periods("Sales rose last year.", None).is_empty());
    // Still a time expression: `Nov 14` heading a story of no year is no
    // figure 14.
    for (text, expression) in [
        ("Sales rose last year.", "last year"),
        ("LONDON, Nov 14 (Reuters) - Output grew 0.1%.", "Nov 14"),
    ] {
        let tokens = crosscheck_text::tokenize(text);
        let found = Recognizer::new(Context::default()).recognize(text, &tokens);
        let q = found
            .iter()
            .find(|q| &text[q.span.range()] == expression)
            .unwrap_or_else(|| panic!("{text}: {found:?}"));
        assert_eq!((q.kind, q.period), (QuantityKind::Date, None), "{text}");
        assert!(found.iter().all(|q| q.value != Some(14.0)), "{found:?}");
    }
}

#[test]
fn year_named_earlier_in_the_paragraph_anchors() {
    let text = "Results for 2025 are in: exports reached 43 billion yuan in the first 11 months, up 77.5%.";
    let got = periods(text, None);
    assert!(
        got.iter()
            .any(|(t, iso, cum, _)| t == "the first 11 months" && iso == "2025-01/2025-11" && *cum),
        "{got:?}"
    );
    assert_reads(
        "In 2024 sales rose 5% from the previous year.",
        Some((2026, 3, 1)),
        "the previous year",
        "2023",
    );
}

#[test]
fn years_of_history_and_of_plans_anchor_no_later_paragraph() {
    // A forecast's year is not the year a later paragraph reports on.
    assert_reads(
        "Output rose 5% in 2025.\n\nIt is expected to pass 200 million yuan in 2026.\n\n\
         In the first 11 months, Jinhua exported 13.3 billion yuan.",
        None,
        "the first 11 months",
        "2025-01/2025-11",
    );
    // Nor is a founding year.
    let got = periods(
        "Founded in 1980, Beigen employs 600 people.\n\nIts production came to 7,559 vehicles in the second quarter.",
        None,
    );
    assert!(
        got.iter().all(|(t, ..)| t != "the second quarter"),
        "{got:?}"
    );
}

#[test]
fn a_period_looked_ahead_to_is_the_one_to_come() {
    assert_reads(
        "HAMBURG, July 11 (Wire) -- Sales rose 3% in the second quarter of 2025.\n\n\
         The company expects growth to pick up in the second half.",
        None,
        "the second half",
        "2025-07/2025-12",
    );
    // Reported, it is the last one over.
    assert_reads(
        "HAMBURG, July 11 (Wire) -- Sales rose 3% in the second quarter of 2025.\n\n\
         Growth picked up in the second half.",
        None,
        "the second half",
        "2024-07/2024-12",
    );
}

#[test]
fn a_dateline_with_its_state_dates_the_text() {
    assert_reads(
        "BELLWETHER BAY, Calif., Nov. 14 -- The port moved 821,400 units last month, up from 2024.",
        None,
        "last month",
        "2025-10",
    );
}

#[test]
fn a_dateline_in_capitals_beyond_ascii_dates_the_text() {
    assert_reads(
        "S\u{c3}O PAULO, July 11 (Wire) -- Revenue fell in the three months to June 2025.\n\n\
         Output came to 7,559 vehicles in the second quarter.",
        None,
        "the second quarter",
        "2025-04/2025-06",
    );
}

#[test]
fn a_yearless_dateline_is_of_the_year_its_text_speaks_closest_to() {
    // A forecast of the quarter just begun against a figure of an older
    // year: both fit 2021 to 2023, and the forecast dates the text.
    assert_reads(
        "STUTTGART, Oct. 4 (Wire) -- Revenue fell in the July-September quarter.\n\n\
         An analyst expects revenue of 50.1 million euros in Q4 2023.\n\n\
         The margin was 20.5% in the first quarter of 2021.",
        None,
        "July-September",
        "2023-07/2023-09",
    );
    // The half just past, not the year after it.
    assert_reads(
        "STUTTGART, Oct. 4 (Wire) -- Revenue rose in the first half of 2024, and in the third quarter.",
        None,
        "the third quarter",
        "2024-07/2024-09",
    );
}

#[test]
fn an_initial_ends_no_sentence_before_a_looked_ahead_period() {
    // `U.S. dollars` is no full stop: `expects` still governs `2022`, so
    // the text is of 2022 and `last year` is 2021.
    assert_reads(
        "CHICAGO, Feb. 25 (Wire) -- An analyst expects revenue of between 7.58 billion U.S. \
         dollars and 8.4 billion dollars for the full year 2022.\n\n\
         Inflation was 1.3% in 2021. Revenue was some $4.9 billion last year.",
        None,
        "last year",
        "2021",
    );
}

#[test]
fn an_analyst_s_estimate_and_actual_years_are_years() {
    assert_reads(
        "Our 2026E revenue of RMB80.1bn sits at the midpoint.",
        None,
        "2026E",
        "2026",
    );
    assert_reads("In 2024A it was RMB6bn.", None, "2024A", "2024");
    // A code glued to other letters is still no year.
    assert!(periods("The 2026EV platform.", None).is_empty());
}

/// Asserts that `expression` in `text` reads as the period `iso`.
fn assert_reads(text: &str, as_of: Option<AsOf>, expression: &str, iso: &str) {
    let got = periods(text, as_of);
    assert!(
        got.iter().any(|(t, i, ..)| t == expression && i == iso),
        "{text}: {got:?}"
    );
}

#[test]
fn a_day_named_earlier_anchors_the_latest_period_ended_by_it() {
    // A day is a point in time: `the second half` after it is the latest
    // second half over by then, not the one of that day's year.
    assert_reads(
        "An article published on March 23, 2024 misstated revenue in the second half.",
        None,
        "the second half",
        "2023-07/2023-12",
    );
    assert_reads(
        "On 2024-09-30 it said revenue rose in the second quarter.",
        None,
        "the second quarter",
        "2024-04/2024-06",
    );
    // A year still gives its own.
    assert_reads(
        "In 2024, revenue rose in the second half.",
        Some((2026, 3, 1)),
        "the second half",
        "2024-07/2024-12",
    );
}

/// News-genre documents: the date is found in the text.
#[test]
fn document_date_from_the_text() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "NINGBO, Jan. 14 (Wire) -- The port handled more boxes in 2025 than ever. Volumes last year rose 8%.",
            "last year",
            "2025",
        ),
        (
            "Port volumes hit a record\nPublished: 2025-12-10\nVolumes this year rose 8%, and in November alone 9%.",
            "this year",
            "2025",
        ),
        (
            "Port volumes hit a record\nPublished: 2025-12-10\nVolumes this year rose 8%, and in November alone 9%.",
            "November",
            "2025-11",
        ),
        (
            "Car exports climb\n20 January 2026\nCar exports last year rose 20%.",
            "last year",
            "2025",
        ),
        (
            "HANGZHOU, Jan. 14 (Wire) -- Exports in the first 11 months of 2025 rose, and this year looks strong.",
            "this year",
            "2026",
        ),
        ("新华社杭州1月14日电 2025年浙江出口增长，去年增速加快。", "去年", "2025"),
        (
            "CITY DAILY | Business | 24 November 2025\n\nA plant opens at the end of 2027.\n\nExports in January–October rose.",
            "January–October",
            "2025-01/2025-10",
        ),
        ("海关：前11个月出口增长\n\n2025年12月19日  来源：海关\n\n出口增长。", "前11个月", "2025-01/2025-11"),
        (
            "By Li Wei | Updated: 2025-12-10 14:30\nVolumes this year rose 8%.",
            "this year",
            "2025",
        ),
        (
            "Bulletin: the economy, Q4 2025\n\nStatistics Bureau — released February 11, 2026\n\nExports rose 2% in the fourth quarter.",
            "the fourth quarter",
            "2025-10/2025-12",
        ),
        (
            "Press office | released 3 May 2025\n\nSales fell last year.",
            "last year",
            "2024",
        ),
        // A forecast's year does not move a dateline on: the dateline
        // follows the 2022 results and comes before the forecast quarter.
        (
            "NAGOYA, Jan. 27 (Wire) -- Exports rose 2.5% to 1.8 billion yen in 2022. An analyst expects revenue of 4.5 billion yen in the first quarter of 2023. Retail sales fell last year.",
            "last year",
            "2022",
        ),
        // A founding year is no reported period; a whole year reported on
        // puts a March dateline in the next year.
        (
            "GUANGZHOU, March 17 (Wire) -- Revenue reached 4.2 billion yuan in 2025. Founded in 2013, the firm employs 600 people. Net profit rose 38% last year.",
            "last year",
            "2025",
        ),
        // ... and dates it when the results name no year.
        (
            "BENGALURU, Sept. 15 (Wire) -- Output fell 20.9% in the second quarter. An analyst expects revenue of 177 billion rupees in the third quarter of 2026.",
            "the second quarter",
            "2026-04/2026-06",
        ),
    ];
    for (text, expr, iso) in cases {
        let got = periods(text, None);
        let hit = got
            .iter()
            .find(|(t, ..)| t == expr)
            .unwrap_or_else(|| panic!("{text}: no {expr} in {got:?}"));
        assert_eq!(&hit.1, iso, "{text}");
    }
}

#[test]
fn containment_and_cumulative() {
    let ytd = periods("in the first 11 months of 2025", None)[0].clone();
    assert!(ytd.2);
    let y = crate::Period::year(2025);
    let p = crate::Period::months(2025, 1, 11).cumulative();
    assert!(y.contains(&p));
    assert!(!p.contains(&y));
    assert_eq!(
        crate::Period::quarter(2024, 3).granularity,
        Granularity::Quarter
    );
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const ORDINALS: [&str; 4] = ["first", "second", "third", "fourth"];
const CN_DIGITS: [&str; 13] = [
    "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
];

/// Months `m1` to `m2` as the scanner normalizes them: a running total
/// from January, the whole year for January to December.
fn span(y: i32, m1: u8, m2: u8) -> crate::Period {
    use crate::Period;
    match (m1, m2) {
        (1, 12) => Period::year(y),
        (1, _) => Period::months(y, 1, m2).cumulative(),
        _ => Period::months(y, m1, m2),
    }
}

/// A random period and one way of writing it.
fn written(kind: u8, y: i32, a: u8, b: u8, d: u8) -> (String, crate::Period) {
    use crate::Period;
    let m1 = a.min(b).min(11);
    let m2 = a.max(b).max(m1 + 1);
    let m = a;
    match kind {
        0 => (
            format!("{} {d}, {y}", MONTHS[m as usize - 1]),
            Period::day(y, m, d),
        ),
        1 => (
            format!("{d} {} {y}", MONTHS[m as usize - 1]),
            Period::day(y, m, d),
        ),
        2 => (
            format!("{} {y}", MONTHS[m as usize - 1]),
            Period::months(y, m, m),
        ),
        3 => {
            let p = span(y, m1, m2);
            (
                format!(
                    "from {} to {} {y}",
                    MONTHS[m1 as usize - 1],
                    MONTHS[m2 as usize - 1]
                ),
                p,
            )
        }
        4 => (format!("the first {m2} months of {y}"), span(y, 1, m2)),
        5 => {
            let q = a % 4 + 1;
            (
                format!("the {} quarter of {y}", ORDINALS[q as usize - 1]),
                Period::quarter(y, q),
            )
        }
        6 => {
            let q = a % 4 + 1;
            (format!("Q{q} {y}"), Period::quarter(y, q))
        }
        7 => {
            let h = a % 2 + 1;
            (format!("H{h} {y}"), Period::months(y, h * 6 - 5, h * 6))
        }
        8 => (
            format!("{y}–{}", y + i32::from(b)),
            Period::years(y, y + i32::from(b)),
        ),
        9 => (format!("{y}年{m}月"), Period::months(y, m, m)),
        10 => {
            let p = span(y, m1, m2);
            (format!("{y}年{m1}-{m2}月"), p)
        }
        11 => {
            let q = a % 4 + 1;
            (
                format!("{y}年第{}季度", CN_DIGITS[q as usize]),
                Period::quarter(y, q),
            )
        }
        12 => (
            format!("{y}年前{}个月", CN_DIGITS[m2 as usize]),
            span(y, 1, m2),
        ),
        _ => (format!("{y}年{m}月{d}日"), Period::day(y, m, d)),
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// A period written in one of its English or Chinese forms reads back.
    #[test]
    fn periods_read_back(kind in 0u8..14, y in 1990i32..2060, a in 1u8..=12, b in 1u8..=12, d in 1u8..=28) {
        let (expr, want) = written(kind, y, a, b, d);
        let text = format!("Figures for {expr} were out. 数据为{expr}。");
        let got = periods(&text, None);
        let bare = expr.trim_start_matches("from ");
        let hits: Vec<_> = got.iter().filter(|(t, ..)| t == bare).collect();
        // Once in the English sentence, once in the Chinese one.
        proptest::prop_assert_eq!(hits.len(), 2, "{}: {:?}", expr, got);
        for hit in hits {
            proptest::prop_assert_eq!(&hit.1, &want.iso(), "{}", expr);
            proptest::prop_assert_eq!(hit.2, want.cumulative, "{}", expr);
        }
    }
}

#[test]
fn a_comparison_base_s_year_anchors_no_later_period() {
    let text = "Exports reached 41.2 billion yuan in January-November 2025, a 77.5% increase over the same period of 2024. In November alone, exports hit 4.3 billion yuan.";
    let found = crate::recognize(text);
    let november = found
        .iter()
        .find(|q| {
            text[q.span.range()].contains("November") && !text[q.span.range()].contains("January")
        })
        .expect("November read");
    let p = november.period.expect("a period");
    assert_eq!((p.start.year, p.start.month), (2025, 11), "{p:?}");
    let text = "In 2025 the port shipped 1.2 million vehicles, nearly double the 2024 level. In January alone it loaded 120,000 cars.";
    let found = crate::recognize(text);
    let january = found
        .iter()
        .find(|q| text[q.span.range()].contains("January"))
        .expect("January read");
    let p = january.period.expect("a period");
    assert_eq!((p.start.year, p.start.month), (2025, 1), "{p:?}");
}

/// [`super::looks_ahead`] as it was first written, over `str` splits and
/// searches: what the byte walk must agree with.
fn looks_ahead_by_str(text: &str, at: usize) -> bool {
    const STEMS: [&str; 9] = [
        "expect",
        "forecast",
        "project",
        "target",
        "guidance",
        "outlook",
        "estimate",
        "anticipat",
        "risk",
    ];
    const WORDS: [&str; 7] = [
        "will", "aim", "aims", "plan", "plans", "planned", "predicts",
    ];
    let mut from = at.saturating_sub(200);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..at];
    let b = window.as_bytes();
    let mut end = b.len();
    let mut full_stop = None;
    while let Some(i) = window[..end].rfind(". ") {
        let lower_next = b.get(i + 2).is_some_and(u8::is_ascii_lowercase);
        let initial =
            i >= 1 && b[i - 1].is_ascii_uppercase() && (i == 1 || matches!(b[i - 2], b'.' | b' '));
        if !lower_next && !initial {
            full_stop = Some(i + 2);
            break;
        }
        end = i;
    }
    let start = full_stop
        .max(window.rfind('\n').map(|i| i + 1))
        .unwrap_or(0);
    window[start..]
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| {
            STEMS
                .iter()
                .any(|stem| w.len() >= stem.len() && w[..stem.len()].eq_ignore_ascii_case(stem))
                || WORDS.iter().any(|word| w.eq_ignore_ascii_case(word))
        })
}

proptest::proptest! {
    /// The byte walk of `looks_ahead` reads the sentence and its words as
    /// the `str` splits did.
    #[test]
    fn looks_ahead_agrees_with_the_str_reading(
        parts in proptest::collection::vec(proptest::prop_oneof![
            proptest::strategy::Just("Expects"), proptest::strategy::Just("will"),
            proptest::strategy::Just("WILL"), proptest::strategy::Just("plants"),
            proptest::strategy::Just("plan"), proptest::strategy::Just("aims"),
            proptest::strategy::Just("risky"), proptest::strategy::Just("forecasting"),
            proptest::strategy::Just("the"), proptest::strategy::Just("U.S."),
            proptest::strategy::Just(". "), proptest::strategy::Just("."),
            proptest::strategy::Just(" "), proptest::strategy::Just("\n"),
            proptest::strategy::Just("J. Smith"), proptest::strategy::Just("é"),
            proptest::strategy::Just("年"), proptest::strategy::Just("x"),
            proptest::strategy::Just("anticipated"), proptest::strategy::Just("2026"),
        ], 0..60),
        cut in 0usize..400,
    ) {
        let text = parts.concat();
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        proptest::prop_assert_eq!(super::looks_ahead(&text, at), looks_ahead_by_str(&text, at));
    }
}
