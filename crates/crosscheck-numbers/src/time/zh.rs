//! Chinese time expressions: `2025年`, `2025年1-11月`, `前11个月`,
//! `一季度`, `上半年`, `今年`, `去年`, `截至11月底`, `2025年1月16日`.
//!
//! Like the Chinese figure scanner, it only stops where a character outside
//! ASCII begins, and returns at once for a text without any.

use super::{offer, DateStrength, DocDate, Found, When};
use crate::quantity::{CalendarDate, Granularity, Period};
use crate::zh::numeral::{arabic, at, digit_of, parse, Parsed, Shape};
use crosscheck_text::Span;

/// How a year is given.
#[derive(Clone, Copy)]
enum Year {
    Fixed(i32),
    Relative(i32),
    Previous,
}

/// A small whole number (Chinese or Arabic) at `pos`: value and end.
fn small(text: &str, pos: usize, max: u32) -> Option<(u32, usize)> {
    match parse(text, pos)? {
        Parsed::Num(n)
            if n.shape == Shape::Regular
                && !n.decimal
                && n.value >= 1.0
                && n.value <= f64::from(max)
                && n.value.fract() == 0.0 =>
        {
            Some((n.value as u32, n.end))
        }
        _ => None,
    }
}

/// A four-digit year, Arabic (`2025`, `２０２５`) or Chinese (`二〇二五`).
fn year_num(text: &str, pos: usize) -> Option<(i32, usize)> {
    if at(text, pos)?.0.is_ascii_digit() {
        let a = arabic(text, pos)?;
        let digits = text[pos..a.end].chars().count();
        if digits == 4 && a.place == 1.0 && (1900.0..=2100.0).contains(&a.value) {
            return Some((a.value as i32, a.end));
        }
        return None;
    }
    let mut p = pos;
    let mut y = 0i32;
    for _ in 0..4 {
        let (c, n) = at(text, p)?;
        y = y * 10 + i32::from(digit_of(c).filter(|_| !matches!(c, '两' | '兩' | '倆' | '俩'))?);
        p += n;
    }
    (1900..=2100).contains(&y).then_some((y, p))
}

fn eat(text: &str, pos: usize, words: &[&str]) -> Option<usize> {
    let rest = text.get(pos..)?;
    words
        .iter()
        .find(|w| rest.starts_with(**w))
        .map(|w| pos + w.len())
}

/// A range link between months: `-`, `—`, `至`, `到`, `~`.
fn link(text: &str, pos: usize) -> Option<usize> {
    eat(text, pos, &["-", "－", "—", "–", "~", "～", "至", "到"])
}

struct Hit {
    end: usize,
    when: When,
    /// `M月D日电`: a dateline.
    dateline: bool,
}

/// A Chinese time expression at `start`.
fn date_at(text: &str, start: usize) -> Option<Hit> {
    let mut p = start;
    let mut by = false;
    if let Some(e) = eat(text, p, &["截至", "截止到", "截止", "截至到"]) {
        p = e;
        by = true;
    }
    let mut year = None;
    if let Some((y, e)) = year_num(text, p) {
        if let Some(e2) = eat(text, e, &["年"]) {
            year = Some(Year::Fixed(y));
            p = e2;
        }
    }
    if year.is_none() {
        let rel = [
            ("今年", Year::Relative(0)),
            ("本年", Year::Relative(0)),
            ("去年", Year::Relative(-1)),
            ("明年", Year::Relative(1)),
            ("前年", Year::Relative(-2)),
            ("上年", Year::Previous),
        ];
        for (w, y) in rel {
            if let Some(e) = eat(text, p, &[w]) {
                // `去年同期`: the same period last year, a comparison.
                if eat(text, e, &["同期"]).is_some() {
                    return None;
                }
                year = Some(y);
                p = e;
                break;
            }
        }
    }
    if year.is_some() {
        if let Some(e) = eat(text, p, &["度"]) {
            p = e;
        }
    }
    let mut dateline = false;
    let part = part_at(text, p, &mut dateline);
    let (template, end) = match (part, year) {
        (Some((t, e)), _) => (Some(t), e),
        (None, Some(_)) => {
            let e = eat(text, p, &["全年"]).unwrap_or(p);
            (None, e)
        }
        (None, None) => return None,
    };
    let template = match (template, by) {
        (Some(t), true)
            if t.granularity == Granularity::Month || t.granularity == Granularity::Day =>
        {
            let mut c = Period::months(0, 1, t.end.month).cumulative();
            if t.granularity == Granularity::Day {
                c.end = t.end;
                c.granularity = Granularity::Day;
            }
            Some(c)
        }
        (t, _) => t,
    };
    let when = match (year, template) {
        (Some(Year::Fixed(y)), None) => When::Fixed(Period::year(y)),
        (Some(Year::Fixed(y)), Some(t)) => When::Fixed(super::with_year(t, y)),
        (Some(Year::Relative(k)), t) => When::Relative {
            years: k,
            part: t.unwrap_or(Period::year(0)),
            whole: t.is_none(),
        },
        (Some(Year::Previous), None) => When::Previous,
        (Some(Year::Previous), Some(t)) => When::Relative {
            years: -1,
            part: t,
            whole: false,
        },
        (None, Some(t)) => When::YearLess(t),
        (None, None) => return None,
    };
    Some(Hit {
        end,
        when,
        dateline,
    })
}

/// The part of a year: months, a day, a quarter, a half, the first months.
fn part_at(text: &str, p: usize, dateline: &mut bool) -> Option<(Period, usize)> {
    // `上半年`, `下半年`
    if let Some(e) = eat(text, p, &["上半年", "上半年度"]) {
        return Some((Period::months(0, 1, 6), e));
    }
    if let Some(e) = eat(text, p, &["下半年"]) {
        return Some((Period::months(0, 7, 12), e));
    }
    // `前11个月`, `前三季度`
    if let Some(e) = eat(text, p, &["前"]) {
        let (n, e) = small(text, e, 12)?;
        if let Some(e2) = eat(text, e, &["个月", "個月"]) {
            return Some((super::months_template(1, n as u8), e2));
        }
        if let Some(e2) = eat(text, e, &["季度", "个季度", "個季度"]) {
            if n <= 4 {
                return Some((super::months_template(1, n as u8 * 3), e2));
            }
        }
        return None;
    }
    // `一季度`, `第三季度`, `首季`
    let q_start = eat(text, p, &["第"]).unwrap_or(p);
    if let Some(e) = eat(text, q_start, &["首季度", "首季"]) {
        return Some((quarter(1), e));
    }
    if let Some((n, e)) = small(text, q_start, 4) {
        if let Some(e2) = eat(text, e, &["季度", "季"]) {
            return Some((quarter(n as u8), e2));
        }
    }
    // Months: `1-11月`, `11月`, `1月16日`, `11月底`
    let (m, e) = small(text, p, 12)?;
    let m = m as u8;
    if let Some(e1) = link(text, e) {
        if let Some((m2, e2)) = small(text, e1, 12) {
            if let Some(e3) = eat(text, e2, &["月"]) {
                let m2 = m2 as u8;
                if m2 > m {
                    let e3 = eat(text, e3, &["份"]).unwrap_or(e3);
                    return Some((super::months_template(m, m2), e3));
                }
            }
        }
    }
    let e = eat(text, e, &["月"])?;
    // `1月16日`, `1月16号`
    if let Some((d, e2)) = small(text, e, 31) {
        if let Some(e3) = eat(text, e2, &["日", "号", "號"]) {
            *dateline = eat(text, e3, &["电", "電"]).is_some();
            let d = (d as u8).min(crate::quantity::days_in_month(2024, m));
            return Some((Period::day(0, m, d), e3));
        }
    }
    let e = eat(text, e, &["份", "底", "末"]).unwrap_or(e);
    Some((Period::months(0, m, m), e))
}

fn quarter(n: u8) -> Period {
    Period {
        granularity: Granularity::Quarter,
        ..Period::months(0, n * 3 - 2, n * 3)
    }
}

/// Finds Chinese time expressions and document-date candidates.
/// `first_wide` is [`crate::zh::next_wide`] of `text` from 0.
pub(crate) fn scan(
    text: &str,
    first_wide: Option<usize>,
    out: &mut Vec<Found>,
    doc: &mut Option<DocDate>,
) {
    let bytes = text.as_bytes();
    let mut pos = 0;
    while let Some(q) = crate::zh::next_wide_given(bytes, pos, first_wide) {
        // Back up over an Arabic year or month range written before it.
        let mut s = q;
        while s > pos && s + 16 > q && matches!(bytes[s - 1], b'0'..=b'9' | b'-' | b'~') {
            s -= 1;
        }
        while s < q && !bytes[s].is_ascii_digit() {
            s += 1;
        }
        if s > 0 && s < q && (bytes[s - 1].is_ascii_alphanumeric() || bytes[s - 1] == b'.') {
            s = q;
        }
        let mut next = q + text[q..].chars().next().map_or(1, char::len_utf8);
        for start in if s < q { [s, q] } else { [q, q] } {
            let Some(hit) = date_at(text, start) else {
                continue;
            };
            let span = Span::new(start, hit.end);
            out.push(Found {
                span,
                when: hit.when,
                target: false,
                months_named: false,
            });
            note_doc_date(text, span, &hit, doc);
            next = hit.end;
            break;
        }
        pos = next;
        if pos >= bytes.len() {
            break;
        }
    }
}

/// Offers a document date: a dateline (`杭州1月14日电`), a line that is only
/// a date, or a labelled one (`发布时间：2025年12月10日`).
fn note_doc_date(text: &str, span: Span, hit: &Hit, doc: &mut Option<DocDate>) {
    let (date, fixed) = match hit.when {
        When::Fixed(p) if p.granularity == Granularity::Day => (p.start, true),
        When::YearLess(p) if p.granularity == Granularity::Day => (p.start, false),
        _ => return,
    };
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..span.start].trim();
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    let after = text[span.end..line_end].trim();
    let labelled = [
        "发布时间",
        "发布日期",
        "日期",
        "时间",
        "發佈時間",
        "發布時間",
    ]
    .iter()
    .any(|l| before.trim_end_matches([':', '：', ' ']).ends_with(l));
    let strength = if labelled && fixed {
        DateStrength::Labelled
    } else if hit.dateline {
        if fixed {
            DateStrength::DateLine
        } else {
            DateStrength::DatelineNoYear
        }
    } else if fixed && before.is_empty() && after.chars().count() <= 30 {
        // A date opening a short line: `2025年12月19日  来源：杭州海关`.
        DateStrength::DateLine
    } else {
        return;
    };
    offer(
        doc,
        DocDate {
            date: CalendarDate {
                year: if fixed { date.year } else { 0 },
                ..date
            },
            strength,
        },
    );
}
