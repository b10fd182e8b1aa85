//! Time expressions, normalized to [`Period`]s.
//!
//! Two scanners find them, one for English ([`en`]), one for Chinese
//! ([`zh`]); both record what the text fixes and what it leaves to be
//! resolved, then [`scan`] resolves the rest in one go:
//!
//! - **Fixed** by the text: `2025`, `May 10, 2025`, `Q3 2024`,
//!   `the first 11 months of 2025`, `2021–2025`, `2025年1-11月`.
//! - **Year left out**: `in November`, `the first half`, `Jan. 14`,
//!   `一季度`, `前11个月`. The year is the one last named in the same
//!   paragraph (`results for 2025 … in the first 11 months`); failing that,
//!   the latest year that puts the period before the document's date
//!   (`in November` in a text of 2026-01-14 is 2025-11); failing that (no
//!   date known), the year last named anywhere before it.
//! - **Relative** to the document's date: `this year`, `last year`,
//!   `next year`, `last month`, `this quarter`, `今年`, `去年`,
//!   `year-to-date`. `the previous year` and
//!   `上年` count back from the year last named in the paragraph, or from
//!   the document's year when none was.
//!
//! Expressions that need a date nobody gave are left out rather than guessed.
//!
//! # The document's date
//!
//! [`Context::as_of`] wins when given (a date known from outside the
//! text). Otherwise the scanners look for it in the text, and the first
//! found of the strongest kind is used; failing all of these,
//! [`Context::fallback_as_of`] (`--as-of` on the command line):
//!
//! 1. a labelled date opening a line or a by-line field: `Published:
//!    2025-12-10`, `Updated on 10 December 2025`, `By Li Wei | Date: …`,
//!    `发布时间：2025-12-10`;
//! 2. a date opening a short line (`20 January 2026`,
//!    `2026年1月20日  来源：…`), a masthead field (`CITY DAILY | Business |
//!    24 November 2025`), or a dateline with its year
//!    (`BEIJING, Jan. 14, 2026 (Wire) --`);
//! 3. a dateline without a year: `HANGZHOU, Jan. 14 (Wire) --`,
//!    `新华社杭州1月14日电`. Its year is taken from the text: of the years
//!    the text names a period in and the ones after them, the one that
//!    puts the dateline after the periods the text reports on and before
//!    the ends of those it looks ahead to (`expects ... in the first
//!    quarter of 2024`, `by 2030`), the earliest on a tie; founding years
//!    (`Founded in 2013`) are passed over. With no year named, the
//!    dateline dates nothing, unless
//!    [`Context::fallback_as_of`] gives the latest such day.
//!
//! Years that are not dates are not taken: `2,025 units`, `ranked 2025th`,
//! `$2025`, `2025%`, `No. 2025`, `© 2026`.

mod en;
pub(crate) use en::month_of;
mod lex;
mod zh;

use crate::quantity::{days_in_month, CalendarDate, Granularity, Period, Quantity, QuantityKind};
use crate::Context;
use crosscheck_text::{Span, Token};
pub(crate) use en::{Cues, TRIGGERS};

/// A capitalized month name or abbreviation (`March`, `Sept`).
pub(crate) fn is_month_name(w: &str) -> bool {
    en::month_of(w).is_some()
}

/// What a time expression says, before resolution.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum When {
    /// Fixed by the text.
    Fixed(Period),
    /// A part of a year the text does not name; the template's year is 0.
    YearLess(Period),
    /// `years` from the document's year; the template's year is 0, or the
    /// whole year when `whole`.
    Relative {
        years: i32,
        part: Period,
        whole: bool,
    },
    /// `the previous year`: one before the year last named, else the
    /// document's year.
    Previous,
    /// `year-to-date`: January to the document's month.
    YearToDate,
    /// `last month` (steps -1, months 1), `this quarter` (0, 3): the
    /// month or quarter of the document's date, moved by `steps`.
    RelativeMonths { steps: i32, months: u8 },
}

/// One time expression found.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    pub span: Span,
    pub when: When,
    /// A year after `by`, `until`: a plan, not a date to infer the document's from.
    pub target: bool,
    /// Read from a month's name (`the June quarter`, `the three months to
    /// Sept. 30`): its months are the calendar's, whatever year a company
    /// keeps.
    pub months_named: bool,
}

/// How sure a found document date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum DateStrength {
    /// A dateline with month and day only.
    DatelineNoYear,
    /// A line that is only a date, or a dateline with its year.
    DateLine,
    /// `Published: …`.
    Labelled,
}

/// A document-date candidate: year 0 when the text does not give it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DocDate {
    pub date: CalendarDate,
    pub strength: DateStrength,
}

/// Keeps the first candidate of the strongest kind.
pub(crate) fn offer(best: &mut Option<DocDate>, cand: DocDate) {
    if best.is_none_or(|b| cand.strength > b.strength) {
        *best = Some(cand);
    }
}

/// A template period (year 0) moved to `year`.
pub(crate) fn with_year(p: Period, year: i32) -> Period {
    let mut q = p;
    // A window that reaches into the year before (`the 12 months through
    // October`) starts that many years before its end.
    q.start.year = year - (p.end.year - p.start.year);
    q.end.year = year;
    if q.granularity == Granularity::Day {
        // `Feb. 29` of a year that has none is its last day.
        q.start.day = q.start.day.min(days_in_month(year, q.start.month));
        q.end.day = q.end.day.min(days_in_month(year, q.end.month));
    } else {
        q.end.day = days_in_month(year, q.end.month);
    }
    q
}

/// Finds time expressions in `text` and resolves them; `first_wide` is
/// [`crate::zh::next_wide`] of `text` from 0, `cues` what the English
/// figure scanner gathered on its pass over `text` (see [`Cues`]).
pub(crate) fn scan(
    text: &str,
    tokens: &[Token],
    cues: &Cues,
    first_wide: Option<usize>,
    context: &Context,
) -> Vec<Quantity> {
    // About one time expression in two hundred bytes of news text.
    let mut found = Vec::with_capacity(text.len() / 128);
    let mut doc: Option<DocDate> = None;
    en::scan(text, tokens, cues, &mut found, &mut doc);
    zh::scan(text, first_wide, &mut found, &mut doc);
    if found.is_empty() {
        return Vec::new();
    }
    // Each scanner finds in text order: only a text of both languages
    // needs the sort.
    if !found.is_sorted_by_key(|f| f.span.start) {
        found.sort_by_key(|f| f.span.start);
    }
    let calendar = |(year, month, day): (i32, u8, u8)| CalendarDate { year, month, day };
    let fallback = context.fallback_as_of.map(calendar);
    let as_of = context.as_of.map(calendar).or_else(|| {
        let d = doc?;
        // A dateline the text gives no year for: the last such day on or
        // before the run's date, when there is one.
        complete_year(d, &found, text).or_else(|| {
            let f = fallback?;
            let year = if (d.date.month, d.date.day) <= (f.month, f.day) {
                f.year
            } else {
                f.year - 1
            };
            Some(CalendarDate { year, ..d.date })
        })
    });
    resolve(text, &found, as_of, fallback)
}

/// True when no blank line (a run of white space holding two line
/// breaks) lies in `bytes[from..to]`; stops at the first one. Jumps from
/// line break to line break, eight bytes at a time.
fn same_paragraph(bytes: &[u8], from: usize, to: usize) -> bool {
    let to = to.min(bytes.len());
    let mut i = from.min(to);
    while let Some(nl) = next_newline(bytes, i, to) {
        let mut k = nl + 1;
        while k < to && matches!(bytes[k], b' ' | b'\t' | b'\r' | b'\x0c') {
            k += 1;
        }
        if k < to && bytes[k] == b'\n' {
            return false;
        }
        i = k;
    }
    true
}

/// True when one of the eight bytes packed in `chunk` is `byte`: the
/// bytes equal to it become zero, and only a zero byte borrows into its
/// high bit (a borrow only flags bytes above a zero, never none).
#[inline]
fn holds_byte(chunk: u64, byte: u8) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let v = chunk ^ (ONES * u64::from(byte));
    v.wrapping_sub(ONES) & !v & HIGHS != 0
}

/// The eight bytes of `bytes` from `at`, little-endian.
#[inline]
fn chunk_at(bytes: &[u8], at: usize) -> u64 {
    let mut chunk = [0u8; 8];
    chunk.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(chunk)
}

/// The first `\n` in `bytes[from..to]`.
fn next_newline(bytes: &[u8], from: usize, to: usize) -> Option<usize> {
    let mut i = from;
    while i + 8 <= to && !holds_byte(chunk_at(bytes, i), b'\n') {
        i += 8;
    }
    (i..to).find(|&k| bytes[k] == b'\n')
}

/// Gives a dateline without a year its year (see the module docs); `None`
/// when the text names no year to take it from.
///
/// Each year a period is named in, and the one after, is tried: the
/// dateline should come after the periods the text reports on and before
/// the ends of those it looks ahead to (`expects revenue of ... in the
/// first quarter of 2024`, `by 2030`). The year that breaks the fewest of
/// these wins, the earliest on a tie. A founding year (`Founded in 2013`)
/// says nothing of the date.
fn complete_year(d: DocDate, found: &[Found], text: &str) -> Option<CalendarDate> {
    let mut date = d.date;
    if date.year != 0 {
        return Some(date);
    }
    let named: Vec<(Period, bool)> = found
        .iter()
        .filter_map(|f| match f.when {
            When::Fixed(p) if !p.fiscal && !founding(text, f.span.start) => {
                Some((p, f.target || looks_ahead(text, f.span.start)))
            }
            _ => None,
        })
        .collect();
    // A long text names many periods but few years: each year is tried
    // once, so the work grows with the periods times the years named.
    let mut years: Vec<i32> = named
        .iter()
        .flat_map(|(p, _)| [p.end.year, p.end.year + 1])
        .collect();
    years.sort_unstable();
    years.dedup();
    // Months from the dateline to the nearest period the text names (none
    // when the day falls inside one): among the years that break as few
    // of the text's tenses, the text is of the one it speaks closest to.
    // `Oct. 4 ... expects revenue in Q4 2023 ... margin in the first
    // quarter of 2021` fits 2021 to 2023 alike, and a forecast of the
    // quarter just begun dates it 2023; `Oct. 4 ... the first half of
    // 2024` fits 2024 and 2025, and the half just past dates it 2024.
    let month_index = |d: CalendarDate| i64::from(d.year) * 12 + i64::from(d.month);
    let mut best: Option<(usize, i64, i32)> = None;
    for year in years {
        let at = (year, date.month, date.day);
        let broken = named
            .iter()
            .filter(|(p, ahead)| {
                let end = (p.end.year, p.end.month, p.end.day);
                if *ahead {
                    end < at
                } else {
                    end >= at
                }
            })
            .count();
        let m = month_index(CalendarDate { year, ..date });
        let nearest = named
            .iter()
            .map(|(p, _)| {
                let (s, e) = (month_index(p.start), month_index(p.end));
                (s - m).max(m - e).max(0)
            })
            .min()
            .unwrap_or(0);
        if best.is_none_or(|(b, n, y)| (broken, nearest, year) < (b, n, y)) {
            best = Some((broken, nearest, year));
        }
    }
    date.year = best?.2;
    Some(date)
}

/// True when `founded in`, `established in` or `since` comes right before
/// `at`: a company's history, not a period reported on.
fn founding(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    let before = before.strip_suffix(" in").unwrap_or(before);
    // Asked of every year named: each word below ends in `d` or `e`, and
    // most of what stands before a year is turned away by its last byte.
    if !matches!(before.as_bytes().last(), Some(b'd' | b'e')) {
        return false;
    }
    [
        "founded",
        "established",
        "since",
        "Founded",
        "Established",
        "Since",
    ]
    .iter()
    .any(|w| before.ends_with(w))
}

/// True when the sentence before `at` (up to 200 bytes back) speaks of
/// the future: `expects`, `forecasts`, `will`, `target`, `outlook`.
///
/// Asked of every year a text names when it gives no date of its own, so
/// it reads bytes, in one walk back from `at` to the sentence's start:
/// its runs of ASCII letters (the words; any other character parts them,
/// and no sentence starts inside one), last first, each turned away by its
/// first letter unless a cue starts with it. A first walk back to the
/// sentence's start, then one forward over its words, cost a third more:
/// the full stops of decimals stopped the eight-byte steps of the first.
fn looks_ahead(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(200);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text.as_bytes()[from..at];
    let mut i = window.len();
    while i > 0 {
        if window[i - 1].is_ascii_alphabetic() {
            let s = crate::en::letters_start(window, i, 0);
            if speaks_ahead(&window[s..i]) {
                return true;
            }
            i = s;
        } else {
            i -= 1;
            if sentence_starts_after(window, i) {
                return false;
            }
        }
    }
    false
}

/// True when the word `w` (ASCII letters, any case) speaks of the future:
/// it starts with a stem (`expects`, `forecasting`) or is one of a few
/// whole words (`plans`; `plants` is no plan). The cues are grouped by
/// first letter, so most words cost one test.
fn speaks_ahead(w: &[u8]) -> bool {
    let starts = |stem: &[u8]| w.len() >= stem.len() && w[..stem.len()].eq_ignore_ascii_case(stem);
    let is = |word: &[u8]| w.eq_ignore_ascii_case(word);
    match w[0].to_ascii_lowercase() {
        b'e' => starts(b"expect") || starts(b"estimate"),
        b'f' => starts(b"forecast"),
        b'p' => {
            starts(b"project") || is(b"plan") || is(b"plans") || is(b"planned") || is(b"predicts")
        }
        b't' => starts(b"target"),
        b'g' => starts(b"guidance"),
        b'o' => starts(b"outlook"),
        b'a' => starts(b"anticipat") || is(b"aim") || is(b"aims"),
        // `tariffs are real risks for 2026`.
        b'r' => starts(b"risk"),
        b'w' => is(b"will"),
        _ => false,
    }
}

/// True when the byte at `i` of `window` ends a sentence, which then
/// starts after it: a line break, or a full stop followed by its space. A
/// `. ` before a lower-case word, or after an initial (`U.S. dollars`, `J.
/// Smith`), ends no sentence.
#[inline]
fn sentence_starts_after(window: &[u8], i: usize) -> bool {
    match window[i] {
        b'\n' => true,
        b'.' if window.get(i + 1) == Some(&b' ') => {
            let lower_next = window.get(i + 2).is_some_and(u8::is_ascii_lowercase);
            let initial = i >= 1
                && window[i - 1].is_ascii_uppercase()
                && (i == 1 || matches!(window[i - 2], b'.' | b' '));
            !lower_next && !initial
        }
        _ => false,
    }
}

/// The latest year that puts template `p` at or before `as_of`.
fn year_before(p: Period, as_of: CalendarDate) -> i32 {
    let end = with_year(p, as_of.year).end;
    let key = |d: CalendarDate| {
        (
            d.month,
            if p.granularity == Granularity::Day {
                d.day
            } else {
                0
            },
        )
    };
    if key(end) <= key(as_of) || as_of.month == 0 {
        as_of.year
    } else {
        as_of.year - 1
    }
}

/// Months `from` to `to` of year 0, cumulative when from January.
pub(crate) fn months_template(from: u8, to: u8) -> Period {
    let p = Period::months(0, from, to);
    if from == 1 && to > 1 && to < 12 {
        p.cumulative()
    } else if from == 1 && to == 12 {
        Period {
            granularity: Granularity::Year,
            ..p
        }
    } else {
        p
    }
}

/// `a 77.5% increase over the same period of 2024`, `higher than in
/// 2024`, `double the 2024 level`: a period named as what a figure is compared with, which a later
/// period without its year (`In November alone`) does not take its year
/// from.
fn comparison_base(bytes: &[u8], start: usize, end: usize) -> bool {
    // `nearly double the 2024 level`.
    let after = bytes.get(end..).unwrap_or_default();
    if [&b" level"[..], b" levels", b"'s level", b" figure"]
        .iter()
        .any(|cue| after.starts_with(cue))
    {
        return true;
    }
    let from = start.saturating_sub(24);
    let mut before = [0u8; 24];
    let piece = &bytes[from..start.min(bytes.len())];
    let n = piece.len();
    before[..n].copy_from_slice(piece);
    before[..n].make_ascii_lowercase();
    let before = &before[..n];
    [
        &b"same period of "[..],
        b"same period in ",
        b"compared with ",
        b"compared to ",
        b"than in ",
        b"versus ",
        b"vs. ",
    ]
    .iter()
    .any(|cue| before.ends_with(cue))
}

/// Resolves what the scanners found. `as_of` is the document's own date
/// (given or found in the text); `fallback` the run's, which a year the
/// text names before a year-less period outweighs.
fn resolve(
    text: &str,
    found: &[Found],
    as_of: Option<CalendarDate>,
    fallback: Option<CalendarDate>,
) -> Vec<Quantity> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(found.len());
    // The period last named in this paragraph and where it ends, how far on
    // no blank line was seen since, and the year last named anywhere.
    let mut here: Option<(Period, usize)> = None;
    let mut clean_to = 0;
    let mut any: Option<i32> = None;
    // A text that names a fiscal year (`Q3FY26`, `fiscal 2025`) counts its
    // quarters and halves in it: a bare `Q3` there is the fiscal one,
    // whose months the words do not say.
    let fiscal_text = found
        .iter()
        .any(|f| matches!(f.when, When::Fixed(p) if p.fiscal));
    for f in found {
        let mut anchor: Option<Period> = None;
        if let Some((p, at)) = here {
            if same_paragraph(bytes, clean_to.max(at), f.span.start) {
                clean_to = clean_to.max(f.span.start);
                anchor = Some(p);
            } else {
                here = None;
            }
        }
        // Without a document date, a year named earlier anywhere will do.
        let named_before = any.filter(|_| as_of.is_none());
        let date = as_of.or(fallback);
        let period = match f.when {
            When::Fixed(p) => {
                // `Founded in 1980, ...`: a company's history dates none of
                // the figures after it.
                if !f.target
                    && !p.fiscal
                    && !comparison_base(bytes, f.span.start, f.span.end)
                    && !founding(text, f.span.start)
                {
                    here = Some((p, f.span.end));
                    clean_to = f.span.end;
                    // `it is expected to pass 200 million yuan in 2026`: a
                    // year looked ahead to is not the one a later paragraph's
                    // `the first 11 months` reports on. (Asked only where no
                    // date of the text's own makes the question moot.)
                    if as_of.is_none() && !looks_ahead(text, f.span.start) {
                        any = Some(p.end.year);
                    }
                }
                Some(p)
            }
            // After a year (`In 2024, ... in the second half`) a period
            // without its year is of that year; after a day (`an article
            // published on March 23, 2024 misstated revenue in the second
            // half`) the latest such period that had ended by then.
            When::YearLess(p) => {
                let p = Period {
                    fiscal: p.fiscal
                        || fiscal_text
                            && !f.months_named
                            && (p.granularity == Granularity::Quarter
                                || !p.cumulative
                                    && matches!((p.start.month, p.end.month), (1, 6) | (7, 12))),
                    ..p
                };
                anchor
                    .map(|a| {
                        if a.granularity == Granularity::Day {
                            with_year(p, year_before(p, a.end))
                        } else {
                            with_year(p, a.end.year)
                        }
                    })
                    .or_else(|| {
                        as_of.map(|d| {
                            // `expects growth to pick up in the second half`,
                            // written in July: the half to come, not the last.
                            let y = year_before(p, d);
                            if y < d.year && looks_ahead(text, f.span.start) {
                                with_year(p, y + 1)
                            } else {
                                with_year(p, y)
                            }
                        })
                    })
                    .or_else(|| named_before.map(|y| with_year(p, y)))
                    .or_else(|| fallback.map(|d| with_year(p, year_before(p, d))))
            }
            When::Relative { years, part, whole } => date.map(|d| {
                let y = d.year + years;
                if whole {
                    Period {
                        fiscal: part.fiscal,
                        ..Period::year(y)
                    }
                } else {
                    with_year(part, y)
                }
            }),
            When::Previous => anchor
                .map(|a| a.end.year)
                .or(date.map(|d| d.year))
                .map(|y| Period::year(y - 1)),
            When::YearToDate => date
                .filter(|d| (1..=12).contains(&d.month))
                .map(|d| Period::months(d.year, 1, d.month).cumulative()),
            When::RelativeMonths { steps, months } => {
                date.filter(|d| (1..=12).contains(&d.month)).map(|d| {
                    let size = i32::from(months.max(1));
                    // Index of the month or quarter since year 0, moved.
                    let first = (i32::from(d.month) - 1) / size * size;
                    let index = d.year * 12 + first + steps * size;
                    let (y, m) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8);
                    let end = m + months.max(1) - 1;
                    let p = Period::months(y, m, end);
                    if months == 3 {
                        Period {
                            granularity: Granularity::Quarter,
                            ..p
                        }
                    } else {
                        p
                    }
                })
            }
        };
        // A time expression no date resolves (`Nov 14` heading a story of
        // no year, `last year` in an undated text) is still one, with no
        // period: its digits are no figure.
        let mut q = Quantity::new(f.span, QuantityKind::Date, None);
        q.period = period;
        out.push(q);
    }
    out
}

#[cfg(test)]
mod tests;
