//! What a table's column headers say about the figures below them.
//!
//! Text extraction turns a table into one line a row, its cells apart by a
//! tab (HTML and Markdown tables) or by a run of spaces (tables laid out in
//! plain text). Read sentence by sentence, such a row gives every figure in
//! it the row's metric and the document's period, whatever its column: the
//! prior year's figure (`Net profit | 11.14bn | 13.76bn | -19.1%`, under
//! `Q2 2024 | Q2 2023 | Change`) became a second, different figure for this
//! year, and the bare `5.4` of a `Change (%)` column a level of exports.
//! Both made false conflicts. The header row says what each column holds:
//! a period, or a change.

use crate::claims::{flags, Claim, How};
use crate::Sym;
use crosscheck_numbers::{Basis, Period, Quantity, QuantityKind};
use std::cell::RefCell;

/// What a column's header says of its cells.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Column {
    /// The cells are changes; `percent` when the header gives them in per
    /// cent (`Change (%)`), `basis` when it says against what.
    change: bool,
    percent: bool,
    basis: Option<Basis>,
    /// The cells are for this period (`Q2 2023`, `Jan-Nov 2025`).
    period: Option<Period>,
    /// The cells are forecasts (`FY2025E`, `2026 forecast`).
    forecast: bool,
    /// The cells are places in a ranking (`Rank`, `No.`): no figures of
    /// anything.
    rank: bool,
}

/// One line of a table: its cells' byte ranges in the text.
#[derive(Debug)]
struct Row {
    cells: Vec<(usize, usize)>,
}

/// Gives the claims that stand in the cells of a table what the column
/// headers say: the column's period, or that the figure is a change. A bare
/// number under a change header that does not say per cent is no level of
/// anything and is dropped.
pub(crate) fn apply_table_columns(text: &str, quantities: &[Quantity], claims: &mut Vec<Claim>) {
    let b = text.as_bytes();
    // Most documents hold no table: no tab and no run of spaces.
    if memchr::memchr(b'\t', b).is_none() && memchr::memmem::find(b, b"  ").is_none() {
        return;
    }
    // Claims and dates in text order, so that each table finds its own by
    // bisection: a long document may hold thousands of tables.
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_key(|&i| claims[i].start);
    let mut dates: Vec<&Quantity> = quantities
        .iter()
        .filter(|q| q.kind == QuantityKind::Date)
        .collect();
    dates.sort_by_key(|q| q.span.start);
    let mut drop = Vec::new();
    for table in tables(text) {
        let header = &table[0];
        let mut columns: Vec<Column> = header
            .cells
            .iter()
            .map(|&(s, e)| column_of(&text[s..e], s, e, &dates))
            .collect();
        apply_row_units(text, &table, &columns, &order, claims, &mut drop);
        if columns.iter().all(|c| *c == Column::default()) {
            continue;
        }
        // `Sep 2025 | Sep 2024 | YoY | Jan-Sep 2025 | Jan-Sep 2024 | YoY`:
        // a change column is of the latest period among the columns since
        // the change column before it.
        let mut group_start = 0;
        for k in 0..columns.len() {
            if !columns[k].change {
                continue;
            }
            if columns[k].period.is_none() {
                columns[k].period = columns[group_start..k]
                    .iter()
                    .filter(|c| !c.change && !c.forecast)
                    .filter_map(|c| c.period)
                    .max_by_key(|p| (p.end, p.start));
            }
            group_start = k + 1;
        }
        let who = who_column(text, header);
        let measures = if let Some(who) = who {
            column_measures(text, header, &columns, who)
        } else {
            Vec::new()
        };
        let rows = &table[1..];
        let first = rows[0].cells[0].0;
        let last = rows[rows.len() - 1].cells.last().map_or(0, |c| c.1);
        let from = order.partition_point(|&i| (claims[i].start as usize) < first);
        for &i in &order[from..] {
            let claim = &mut claims[i];
            let s = claim.start as usize;
            if s >= last {
                break;
            }
            // A figure belongs to the cell it starts in: a currency code
            // written after the number may have been read from the next
            // cell (`467.8bn<tab>JPY 548.5bn`).
            let r = rows.partition_point(|r| r.cells[0].0 <= s);
            let Some(row) = r.checked_sub(1).map(|r| &rows[r]) else {
                continue;
            };
            let Some(col) = row.cells.iter().position(|&(cs, ce)| cs <= s && s < ce) else {
                continue;
            };
            if !apply(&columns[col], claim) {
                drop.push(i);
                continue;
            }
            if let Some(k) = who.filter(|&k| k != col) {
                of_whom(text, row.cells[k], measures[col].as_deref(), claim);
            }
        }
    }
    if !drop.is_empty() {
        drop.sort_unstable();
        let mut i = 0;
        claims.retain(|_| {
            let keep = drop.binary_search(&i).is_err();
            i += 1;
            keep
        });
    }
}

/// Header words of a column that names who each row is about: a ranking
/// of vendors, carriers, countries (`Rank | Vendor | Q3 2025 shipments |
/// Share`).
const WHO_HEADERS: &[&str] = &[
    "vendor",
    "vendors",
    "company",
    "companies",
    "brand",
    "brands",
    "carrier",
    "carriers",
    "airline",
    "airlines",
    "operator",
    "manufacturer",
    "maker",
    "carmaker",
    "automaker",
    "bank",
    "group",
    "firm",
    "exporter",
    "country",
    "countries",
    "country/region",
    "economy",
    "province",
    "region",
    "state",
    "city",
    "port",
    "market",
    "source market",
    "destination",
];

/// The column of a header row that names who each row is about, among
/// its first two (a rank may come first).
fn who_column(text: &str, header: &Row) -> Option<usize> {
    header.cells.iter().take(2).position(|&(s, e)| {
        let cell = crate::lexicon::lowercase(bare_cell(&text[s..e]));
        WHO_HEADERS.contains(&cell.as_ref())
    })
}

/// The measure a header cell names (`Q3 2025 shipments`, `Load factor`),
/// by the metric lexicon's longest phrase among its words; in a table of
/// vendors or countries, a `share` is their market share.
fn header_metric(words: &[&str]) -> Option<&'static str> {
    crate::lexicon::METRICS
        .iter()
        .filter(|(pat, _)| {
            let pat: Vec<&str> = pat.split(' ').collect();
            words.windows(pat.len()).any(|w| w == pat.as_slice())
        })
        .max_by_key(|(pat, _)| pat.len())
        .map(|&(_, base)| base)
        .or_else(|| words.contains(&"share").then_some("market share"))
}

/// Header words that only say a column holds changes.
const CHANGE_WORDS: &[&str] = &[
    "yoy",
    "y",
    "o",
    "year-on-year",
    "year",
    "on",
    "change",
    "growth",
    "chg",
    "variation",
    "increase",
    "decrease",
    "pct",
    "percent",
    "per",
    "cent",
    "vs",
    "from",
    "a",
    "ago",
];

/// The measure of each column of a table whose rows are each about
/// someone: what the lexicon finds in its header, else the header's words
/// less those of a period or a change (`Oct passengers`: `passengers`;
/// `ASK growth`: `ask`). A change column whose header names nothing
/// (`YoY`) is of the table's one measure, and when the table has several
/// (`Q3 shipments | Q3 share | ... | YoY growth`), of a measure the report
/// does not compare (`Some("")`), rather than a guess.
fn column_measures(
    text: &str,
    header: &Row,
    columns: &[Column],
    who: usize,
) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = Vec::with_capacity(columns.len());
    let mut unnamed_changes = Vec::new();
    for (k, &(s, e)) in header.cells.iter().enumerate() {
        let lower = crate::lexicon::lowercase(&text[s..e]);
        let words: Vec<&str> = lower
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '&'))
            .filter(|w| !w.is_empty())
            .collect();
        let rest: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| {
                !CHANGE_WORDS.contains(w)
                    && !PERIOD_WORDS.contains(w)
                    && !crate::claims::MONTHS.contains(w)
                    && !w.bytes().any(|b| b.is_ascii_digit())
            })
            .collect();
        let measure = header_metric(&words)
            .map(str::to_string)
            .or_else(|| (!rest.is_empty()).then(|| rest.join(" ")));
        if measure.is_none() && columns.get(k).is_some_and(|c| c.change) {
            unnamed_changes.push(k);
        }
        out.push(measure);
    }
    let mut named = out
        .iter()
        .zip(columns)
        .enumerate()
        .filter(|&(k, (_, c))| k != who && !c.change && !c.rank)
        .filter_map(|(_, (m, _))| m.as_deref());
    let first = named.next();
    let only = match (first, named.find(|m| Some(*m) != first)) {
        (Some(one), None) => one.to_string(),
        _ => String::new(),
    };
    for k in unnamed_changes {
        out[k] = Some(only.clone());
    }
    out
}

/// Header words of a period beside the month and time words claims know
/// (`MONTHS`): a fiscal year, a half, a quarter, a span of months.
const PERIOD_WORDS: &[&str] = &[
    "fy",
    "h",
    "q",
    "ytd",
    "full-year",
    "jan-sep",
    "jan-oct",
    "jan-nov",
    "jan-dec",
];

/// A figure in a table whose rows are each about someone (`Banyan Air |
/// 1.62m | +6.1% | 83.0%`): its subject is the row's name, and its measure
/// the column's. Read as a sentence, the row took the subject the text
/// carried and a measure made of the whole header line, and two carriers'
/// load factors made a conflict.
fn of_whom(text: &str, who_cell: (usize, usize), measure: Option<&str>, claim: &mut Claim) {
    let name = bare_cell(&text[who_cell.0..who_cell.1]).trim_end_matches(['*', '†']);
    if name.is_empty() || name.bytes().all(|b| b.is_ascii_digit()) {
        return;
    }
    let (lower_name, lower_subject) = (
        crate::lexicon::lowercase(name),
        crate::lexicon::lowercase(claim.subject.as_str()),
    );
    // The tagger's canonical name of the row's name stays.
    if lower_subject.is_empty()
        || !(lower_name.contains(lower_subject.as_ref())
            || lower_subject.contains(lower_name.as_ref()))
    {
        claim.subject = Sym::new(name);
        claim.subject_how = How::Clause;
    }
    if let Some(m) = measure {
        claim.metric = Sym::new(m);
        claim.metric_how = How::Clause;
    }
}

/// `Group revenue (EUR billion) | 31.4 | 32.9 | -4.6%`: the unit a row's
/// label gives in brackets is that of the bare numbers in its cells (not of
/// its changes in per cent).
fn apply_row_units(
    text: &str,
    table: &[Row],
    columns: &[Column],
    order: &[usize],
    claims: &mut [Claim],
    drop: &mut Vec<usize>,
) {
    // `Unit: 10,000 vehicles` on a line of its own just before the table:
    // every row's unit that gives none of its own.
    // Or the header's first cell, over the row labels: `| RMB bn | 2024A |`.
    let declared = table
        .first()
        .and_then(|h| h.cells.first())
        .and_then(|&(hs, he)| {
            let Some((unit, said)) = declared_unit(&text[..hs]) else {
                return unit_phrase(bare_cell(&text[hs..he]));
            };
            // The line's own numbers (`10,000` of `Unit: 10,000 TEU`, an
            // example after it) are no figures.
            drop_within(order, claims, said.start, said.end, drop);
            Some(unit)
        });
    // A statistics bulletin's `Indicator | Unit | Value | YoY (%)`: each
    // row says its unit in a column of its own.
    let unit_column = table.first().and_then(|h| {
        h.cells
            .iter()
            .position(|&(s, e)| is_unit_header(&text[s..e]))
            .filter(|&k| k > 0)
    });
    for (r, row) in table.iter().enumerate() {
        let Some(&(ls, le)) = row.cells.first() else {
            continue;
        };
        let label = &text[ls..le];
        let cell_unit = match unit_column.and_then(|k| row.cells.get(k)) {
            Some(&(us, ue)) if r > 0 => {
                drop_within(order, claims, us, ue, drop);
                Some(cell_unit(&text[us..ue]))
            }
            _ => None,
        };
        // A label's own brackets (`YoY (%)`, `P/E (x)`) say its numbers are
        // no amounts of the table's unit.
        let own = label_unit(label);
        let unit = match cell_unit {
            // `--` in the unit column: the row's numbers have no unit.
            Some(unit) => unit,
            None => own.or(declared.filter(|_| !label.contains('('))),
        };
        let Some((scale, unit, kind)) = unit else {
            continue;
        };
        let end = row.cells.last().map_or(le, |c| c.1);
        if own.is_some() && cell_unit.is_none() {
            drop_within(order, claims, ls, le, drop);
        }
        let from = order.partition_point(|&i| (claims[i].start as usize) < le);
        for &i in &order[from..] {
            let c = &mut claims[i];
            if c.start as usize >= end {
                break;
            }
            if c.kind != QuantityKind::Number || !c.unit.as_str().is_empty() || c.change {
                continue;
            }
            // `YoY (%)`: a change column's numbers are no amounts.
            let s = c.start as usize;
            let col = row.cells.iter().position(|&(cs, ce)| cs <= s && s < ce);
            if col.and_then(|k| columns.get(k)).is_some_and(|k| k.change) {
                continue;
            }
            c.value *= scale;
            c.lo *= scale;
            c.hi *= scale;
            c.precision = (f64::from(c.precision) * scale) as f32;
            c.unit = unit;
            c.kind = kind;
        }
    }
}

/// Drops the claims starting in `[from, to)`: a unit's own number (`'000`
/// of `('000 TEU)`, `100 million` of `100 million yuan`) is no figure.
fn drop_within(order: &[usize], claims: &[Claim], from: usize, to: usize, drop: &mut Vec<usize>) {
    let first = order.partition_point(|&i| (claims[i].start as usize) < from);
    drop.extend(
        order[first..]
            .iter()
            .take_while(|&&i| (claims[i].start as usize) < to)
            .copied(),
    );
}

/// A cell's text without the spaces and Markdown bars around it.
fn bare_cell(cell: &str) -> &str {
    cell.trim().trim_matches('|').trim()
}

/// Whether a header cell heads a column of units: `Unit`, `Units`, `单位`.
fn is_unit_header(cell: &str) -> bool {
    let cell = bare_cell(cell);
    ["unit", "units", "unit of measure", "单位"]
        .iter()
        .any(|u| cell.eq_ignore_ascii_case(u))
}

/// The unit a cell of a unit column gives: `100 million yuan`, `10,000
/// tons`, `%` (per cent, as a share or rate is given), or none (`--`).
fn cell_unit(cell: &str) -> Option<(f64, Sym, QuantityKind)> {
    let cell = bare_cell(cell);
    if matches!(cell, "%" | "％" | "per cent" | "percent") {
        return Some((1.0, Sym::new("%"), QuantityKind::Percent));
    }
    unit_phrase(cell)
}

/// A unit declared on one of the two lines before a table, blank lines
/// passed over: `Unit: 10,000 vehicles`, `Units: 100 million yuan`, `单位：亿元`
/// (the example after it, `(e.g. 61.2 = 612,000 vehicles)`, left out), or
/// in brackets ending a caption; with where in `before` it is said (the
/// line, or the caption's brackets).
fn declared_unit(before: &str) -> Option<((f64, Sym, QuantityKind), std::ops::Range<usize>)> {
    let mut lines = before.lines().rev().filter(|l| !l.trim().is_empty());
    [lines.next(), lines.next()]
        .into_iter()
        .flatten()
        .find_map(|line| {
            let at = line.as_ptr() as usize - before.as_ptr() as usize;
            let whole = at..at + line.len();
            let line = line.trim().trim_matches(|c| c == '*' || c == '_');
            let Some(rest) = ["Unit:", "Units:", "Unit：", "单位：", "单位:"]
                .iter()
                .find_map(|l| line.strip_prefix(l))
            else {
                // A caption with the unit in brackets at its end:
                // `Earnings summary (RMB mn)`.
                let unit = line.ends_with(')').then(|| label_unit(line)).flatten()?;
                let open = line.as_ptr() as usize - before.as_ptr() as usize + line.rfind('(')?;
                return Some((unit, open..whole.end));
            };
            let rest = rest.split('(').next()?.trim();
            Some((unit_phrase(rest)?, whole))
        })
}

/// The unit a row label gives in brackets: `(EUR billion)`, `(mn units)`,
/// `(vehicles)`, as a scale, a unit and a kind.
fn label_unit(label: &str) -> Option<(f64, Sym, QuantityKind)> {
    let open = label.rfind('(')?;
    let close = open + label[open..].find(')')?;
    let inside = label[open + 1..close].trim();
    // A caption's `(Unit: 10,000 TEU)`.
    let inside = ["Unit:", "Units:", "unit:", "units:"]
        .iter()
        .find_map(|p| inside.strip_prefix(p))
        .map_or(inside, str::trim_start);
    unit_phrase(inside)
}

/// A unit as a scale, a unit and a kind (see [`unit_phrase`]).
type Unit = (f64, Sym, QuantityKind);

/// `EUR billion`, `mn units`, `10,000 vehicles`, `100 million yuan`: as a
/// scale, a unit and a kind.
///
/// Remembered per thread by the phrase: nearly every table's header cell
/// is asked (`Metric`, `Indicator`, `RMB mn`), from a small vocabulary,
/// and each phrase read anew ran the figures' recognizer, whose code is
/// another stage's and cold by then, up to twice. The key is the phrase
/// alone (at most 24 bytes, as no longer one is read), never a table's
/// text; the memo stops growing at [`KNOWN_PHRASES`] phrases.
fn unit_phrase(inside: &str) -> Option<Unit> {
    if inside.is_empty() || inside.len() > 24 || inside.contains('%') {
        return None;
    }
    thread_local! {
        static KNOWN: RefCell<foldhash::HashMap<Box<str>, Option<Unit>>> =
            RefCell::new(foldhash::HashMapExt::new());
    }
    KNOWN.with_borrow_mut(|known| {
        if let Some(&unit) = known.get(inside) {
            return unit;
        }
        let unit = read_unit_phrase(inside);
        if known.len() < KNOWN_PHRASES {
            known.insert(inside.into(), unit);
        }
        unit
    })
}

/// How many phrases [`unit_phrase`] remembers per thread.
const KNOWN_PHRASES: usize = 4096;

/// [`unit_phrase`] read, for a phrase of 1 to 24 bytes with no `%`.
fn read_unit_phrase(inside: &str) -> Option<Unit> {
    // `'000 TEU`, `000s units`: thousands.
    let thousands = ["'000s ", "'000 ", "\u{2019}000 ", "000s ", "000 "]
        .iter()
        .find_map(|p| inside.strip_prefix(p));
    // `units in millions`, `in millions of units`: `million units`.
    let scale_of = |w: &str| {
        ["thousand", "million", "billion"].into_iter().find(|s| {
            w.eq_ignore_ascii_case(s)
                || w.strip_suffix('s')
                    .is_some_and(|w| w.eq_ignore_ascii_case(s))
        })
    };
    let in_scale = inside
        .split_once(" in ")
        .and_then(|(unit, scale)| Some((scale_of(scale)?, unit)))
        .or_else(|| {
            let rest = inside.strip_prefix("in ")?;
            let (scale, unit) = rest.split_once(" of ")?;
            Some((scale_of(scale)?, unit))
        });
    let spelled;
    let inside = match (thousands, in_scale) {
        (Some(rest), _) => {
            spelled = format!("thousand {rest}");
            spelled.as_str()
        }
        (None, Some((scale, unit))) => {
            spelled = format!("{scale} {unit}");
            spelled.as_str()
        }
        (None, None) => inside,
    };
    let unit_of = |t: &str| {
        let q = sole_quantity(t).filter(|q| {
            matches!(
                q.kind,
                QuantityKind::Money | QuantityKind::Count | QuantityKind::Measure
            )
        })?;
        Some((q.value?, Sym::new(q.unit.as_deref()?), q.kind))
    };
    // `10,000 vehicles`: a number is the scale itself.
    if inside.starts_with(|c: char| c.is_ascii_digit()) {
        return unit_of(inside);
    }
    // `1 EUR billion`, else `EUR 1 billion`.
    unit_of(&format!("1 {inside}")).or_else(|| {
        let (first, rest) = inside.split_once(' ')?;
        unit_of(&format!("{first} 1 {rest}"))
    })
}

/// `Dec 2025E`: the month of a month's estimate, as the time expressions
/// read `Dec 2025`.
fn month_estimate(cell: &str) -> Option<Period> {
    let dated = cell.strip_suffix(['E', 'F', 'e', 'f'])?;
    if !dated.contains(' ') {
        return None;
    }
    sole_quantity(dated)
        .filter(|q| q.kind == QuantityKind::Date)
        .and_then(|q| q.period)
}

/// The one quantity the numbers crate reads in `text`, when it spans all of it.
fn sole_quantity(text: &str) -> Option<Quantity> {
    match crosscheck_numbers::recognize(text).as_slice() {
        [q] if q.span.start == 0 && q.span.end == text.len() => Some(q.clone()),
        _ => None,
    }
}

/// Applies a column's meaning to a claim in one of its cells; false when
/// the claim is not a figure of anything.
fn apply(column: &Column, claim: &mut Claim) -> bool {
    if column.rank {
        return false;
    }
    if let Some(p) = column.period {
        claim.period = Some(p);
        claim.period_how = How::Context;
    }
    if column.forecast && !claim.has(flags::MODAL) {
        // As a forecast in a sentence is: scoped apart from what happened.
        claim.flags |= flags::MODAL;
        claim.scope = crate::claims::scope_with(claim.scope, "forecast");
    }
    if !column.change || claim.change {
        return true;
    }
    if claim.kind == QuantityKind::Number && claim.unit.as_str().is_empty() {
        if !column.percent {
            // A change in what? The header does not say.
            return false;
        }
        claim.kind = QuantityKind::Percent;
        claim.unit = Sym::new("%");
    }
    claim.change = true;
    if claim.basis.is_none() {
        claim.basis = column.basis;
    }
    true
}

/// Header words of a change against the same period a year before.
const YEAR_ON_YEAR: &[&str] = &[
    "y/y",
    "yoy",
    "y-o-y",
    "year-on-year",
    "year on year",
    "同比",
];

/// What a header cell says of its column.
fn column_of(cell: &str, start: usize, end: usize, dates: &[&Quantity]) -> Column {
    let lower = crate::lexicon::lowercase(cell.trim());
    let bare = lower.trim_matches(|c: char| c == '(' || c == ')' || c.is_whitespace());
    let has_any = |words: &[&str]| holds_any(&lower, words);
    let year_on_year = has_any(YEAR_ON_YEAR);
    let change = matches!(bare, "%" | "+/-" | "±" | "chg" | "chg.")
        || year_on_year
        || has_any(&[
            "change",
            "growth",
            "variation",
            "increase",
            "decrease",
            "增长",
            "增速",
            "增幅",
            "变化",
        ]);
    let percent = has_any(&["%", "％", "per cent", "percent", "pct"]);
    let basis = year_on_year.then_some(Basis::YearOnYear);
    let estimate = estimate_year(bare);
    let forecast = estimate.is_some()
        || has_any(&[
            "forecast", "estimate", "guidance", "target", "outlook", "预测", "预计",
        ]);
    // A change column says its period, if any, of the change: the figure's
    // own period stays the one its row is read with.
    let period = if change {
        None
    } else if let Some(year) = estimate {
        Some(month_estimate(cell.trim()).unwrap_or(Period::year(year)))
    } else if let Some(year) = actual_year(bare).filter(|_| !bare.contains(' ')) {
        Some(Period::year(year))
    } else {
        let from = dates.partition_point(|q| q.span.start < start);
        let mut dates = dates[from..]
            .iter()
            .take_while(|q| q.span.start < end)
            .filter(|q| q.span.end <= end);
        match (dates.next(), dates.next()) {
            (Some(q), None) => q.period,
            _ => None,
        }
    };
    Column {
        change,
        percent: change && percent,
        basis,
        period,
        forecast: forecast && !change,
        rank: matches!(
            bare,
            "rank" | "ranking" | "no." | "no" | "#" | "排名" | "序号"
        ),
    }
}

/// Whether `hay` holds any of `needles` (none empty), compared byte by
/// byte: a header cell is a few bytes long, and `str::contains` set up a
/// searcher per needle that cost more than the search.
fn holds_any(hay: &str, needles: &[&str]) -> bool {
    let hay = hay.as_bytes();
    needles.iter().any(|needle| {
        let needle = needle.as_bytes();
        hay.windows(needle.len())
            .any(|w| w[0] == needle[0] && w == needle)
    })
}

/// The year of an analyst's estimate column: `FY2025E`, `2026e`, `2027F`,
/// `FY26E`.
pub(crate) fn estimate_year(lower: &str) -> Option<i32> {
    marked_year(lower, &['e', 'f'])
}

/// `2024A`, `FY24A`: the year of an analyst's column of actual figures.
fn actual_year(lower: &str) -> Option<i32> {
    marked_year(lower, &['a'])
}

/// The year of `2025E`, `FY26F`, `Dec 2025E` (`marks` the letters allowed
/// after the digits, lower case).
fn marked_year(lower: &str, marks: &[char]) -> Option<i32> {
    // Most header cells are words: with no digit there is no year.
    if !lower.bytes().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let rest = lower.strip_prefix("fy").unwrap_or(lower).trim_start();
    // `Dec 2025E`: a month's estimate (its month read by [`month_estimate`]).
    let rest = rest.rsplit_once(' ').map_or(rest, |(_, y)| y);
    let digits = rest.strip_suffix(marks)?.trim_end();
    if !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n: i32 = digits.parse().ok()?;
    match digits.len() {
        4 if (1900..=2100).contains(&n) => Some(n),
        2 if lower.starts_with("fy") => Some(2000 + n),
        _ => None,
    }
}

/// The tables of `text`: runs of at least two consecutive lines that each
/// split into the same number (two or more) of cells, the first the header.
fn tables(text: &str) -> Vec<Vec<Row>> {
    let b = text.as_bytes();
    let mut tables = Tables::default();
    let mut separators = Separators::new(b);
    let mut at = 0;
    // Only a line holding a separator can split into two cells: the lines
    // between two such lines each end a table, and are passed over by a
    // search rather than split byte by byte.
    while let Some(sep) = separators.first_from(at) {
        let line_start = memchr::memrchr(b'\n', &b[at..sep]).map_or(at, |i| at + i + 1);
        if line_start > at {
            let between = &b[at..line_start];
            if between.iter().all(u8::is_ascii_whitespace)
                && memchr::memchr_iter(b'\n', between).count() == 1
            {
                tables.line(b, at, Vec::new());
            } else {
                tables.end_table();
            }
        }
        let line_end = memchr::memchr(b'\n', &b[sep..]).map_or(b.len(), |i| sep + i + 1);
        tables.line(b, line_start, cells_of(text, line_start, line_end));
        at = line_end;
    }
    tables.finish()
}

/// Tables read line by line: the rows of the one being read, and those
/// read before.
#[derive(Default)]
struct Tables {
    done: Vec<Vec<Row>>,
    current: Vec<Row>,
    /// Where the current table's header line starts.
    header_line: usize,
    /// A blank line has followed the header: a page's `<thead>` and
    /// `<tbody>` come out a blank line apart.
    gap: bool,
}

impl Tables {
    /// Reads the next line, starting at `line_start` of `text` and split
    /// into `cells`.
    /// No cells: a blank line.
    fn line(&mut self, text: &[u8], line_start: usize, mut cells: Vec<(usize, usize)>) {
        if cells.is_empty() {
            if self.current.len() == 1 && !self.gap {
                self.gap = true;
            } else {
                self.end_table();
            }
            return;
        }
        self.gap = false;
        if let Some(header) = self.current.first() {
            if cells.len() >= 2 && cells.len() < header.cells.len() {
                realign(
                    text,
                    self.header_line,
                    &header.cells,
                    line_start,
                    &mut cells,
                );
            }
        }
        // A header whose corner cell (over the row labels) is empty shows
        // one cell fewer than the rows below: the empty one goes back in.
        if let [header] = self.current.as_mut_slice() {
            if header.cells.len() + 1 == cells.len() {
                let corner = header.cells[0].0;
                header.cells.insert(0, (corner, corner));
            }
        }
        if cells.len() < 2
            || self
                .current
                .first()
                .is_some_and(|h| h.cells.len() != cells.len())
        {
            self.end_table();
        }
        if cells.len() >= 2 {
            if self.current.is_empty() {
                self.header_line = line_start;
            }
            self.current.push(Row { cells });
        }
    }

    fn end_table(&mut self) {
        self.gap = false;
        if self.current.len() >= 2 {
            self.done.push(std::mem::take(&mut self.current));
        } else {
            self.current.clear();
        }
    }

    fn finish(mut self) -> Vec<Vec<Row>> {
        self.end_table();
        self.done
    }
}

/// A row of a table laid out in spaces whose label runs up to the next
/// column with one space between (`Gross industrial output above designated
/// size 100 million yuan  17,812`): its cells split again where the
/// header's columns start, when a space stands just before. A row with a
/// tab, or one that does not then match the header, is left as it was.
fn realign(
    text: &[u8],
    header_line: usize,
    header: &[(usize, usize)],
    line_start: usize,
    cells: &mut Vec<(usize, usize)>,
) {
    let line = &text[line_start..cells.last().map_or(line_start, |c| c.1)];
    if memchr::memchr(b'\t', line).is_some() {
        return;
    }
    let mut split = Vec::with_capacity(header.len());
    for &(s, e) in cells.iter() {
        let mut s = s;
        for &(hs, _) in &header[1..] {
            let at = line_start + (hs - header_line);
            if s < at && at < e && text[at - 1] == b' ' && text[at] != b' ' {
                let end = s + text[s..at].trim_ascii_end().len();
                split.push((s, end));
                s = at;
            }
        }
        split.push((s, e));
    }
    if split.len() == header.len() {
        *cells = split;
    } else if let Some(placed) = place_under(text, header_line, header, line_start, &split) {
        *cells = placed;
    }
}

/// A row of a table laid out in spaces that fills only some columns
/// (`Trade with ASEAN   6,124   11.2` under `Item  Jan-Oct 2025  YoY (%)
/// Oct 2025  YoY (%)`): each cell after the label goes to the header cell
/// it stands under (the one whose text it overlaps most), and the columns
/// left over get empty cells. `None` when a cell is no figure (nor a
/// dash or `n/a`), stands under no header cell, or two under one: then the
/// row is no row of this table (`Notes:  the year ends in June.`).
fn place_under(
    text: &[u8],
    header_line: usize,
    header: &[(usize, usize)],
    line_start: usize,
    cells: &[(usize, usize)],
) -> Option<Vec<(usize, usize)>> {
    let label_end = header.get(1)?.0 - header_line;
    if cells.len() < 2 || cells[0].0 - line_start >= label_end {
        return None;
    }
    let mut placed = Vec::with_capacity(header.len());
    placed.push(cells[0]);
    for &(s, e) in &cells[1..] {
        if e - s > 3 && !text[s..e].iter().any(u8::is_ascii_digit) {
            return None;
        }
        let (cs, ce) = (s - line_start, e - line_start);
        let overlap = |&(hs, he): &(usize, usize)| {
            let (hs, he) = (hs - header_line, he - header_line);
            ce.min(he).saturating_sub(cs.max(hs))
        };
        let (k, most) = header
            .iter()
            .enumerate()
            .skip(1)
            .map(|(k, h)| (k, overlap(h)))
            .max_by_key(|&(k, o)| (o, std::cmp::Reverse(k)))?;
        if most == 0 || k < placed.len() {
            return None;
        }
        // `placed` holds the label at least: an empty cell stands where
        // the cell before it ends.
        let gap = placed[placed.len() - 1].1;
        placed.resize(k, (gap, gap));
        placed.push((s, e));
    }
    let end = placed[placed.len() - 1].1;
    placed.resize(header.len(), (end, end));
    Some(placed)
}

/// The separators of cells ([`cells_of`]) in a text, found in order: a tab
/// or a carriage return, or two spaces.
struct Separators<'t> {
    text: &'t [u8],
    two_spaces: memchr::memmem::Finder<'static>,
    /// The first of each kind at or after where the last search began
    /// (`usize::MAX` when there is none): each is searched for again only
    /// once passed, so that the text is searched once in all.
    next_break: usize,
    next_two_spaces: usize,
}

impl<'t> Separators<'t> {
    fn new(text: &'t [u8]) -> Self {
        let mut separators = Separators {
            text,
            two_spaces: memchr::memmem::Finder::new(b"  "),
            next_break: 0,
            next_two_spaces: 0,
        };
        separators.search_break(0);
        separators.search_two_spaces(0);
        separators
    }

    fn search_break(&mut self, from: usize) {
        self.next_break =
            memchr::memchr2(b'\t', b'\r', &self.text[from..]).map_or(usize::MAX, |i| from + i);
    }

    fn search_two_spaces(&mut self, from: usize) {
        self.next_two_spaces = self
            .two_spaces
            .find(&self.text[from..])
            .map_or(usize::MAX, |i| from + i);
    }

    /// The first separator at or after `from`, which never goes back.
    fn first_from(&mut self, from: usize) -> Option<usize> {
        if self.next_break < from {
            self.search_break(from);
        }
        if self.next_two_spaces < from {
            self.search_two_spaces(from);
        }
        Some(self.next_break.min(self.next_two_spaces)).filter(|&n| n != usize::MAX)
    }
}

/// The cells of the line `text[start..end]`: pieces apart by a tab or by
/// two or more spaces.
fn cells_of(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    // Any byte but a space, tab or line break is a cell's text; asked of
    // most bytes, so a byte above the space answers with one comparison.
    let is_text = |c: u8| c > b' ' || !matches!(c, b' ' | b'\t' | b'\n' | b'\r');
    let mut cells = Vec::new();
    let mut i = start;
    while i < end {
        if !is_text(b[i]) {
            i += 1;
            continue;
        }
        // A cell runs to the next separator; lone spaces within it are
        // its own, those before the separator are not.
        let cell_start = i;
        let mut last_text = i + 1;
        i += 1;
        while i < end {
            let c = b[i];
            if is_text(c) {
                last_text = i + 1;
            } else if c != b' ' || b.get(i + 1) == Some(&b' ') {
                break;
            }
            i += 1;
        }
        cells.push((cell_start, last_text));
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_split_at_tabs_and_runs_of_spaces() {
        let text = "Exports   RMB 14.7 bn\t-1.5\n";
        let cells: Vec<&str> = cells_of(text, 0, text.len())
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(cells, ["Exports", "RMB 14.7 bn", "-1.5"]);
    }

    #[test]
    fn holds_any_is_contains() {
        let pieces = [
            "a", "%", "％", "per", " ", "cent", "c", "同比", "pct", "y/y", "E",
        ];
        let needles: &[&[&str]] = &[
            &["%", "％", "per cent", "percent", "pct"],
            YEAR_ON_YEAR,
            &["cent", "a"],
        ];
        let mut next = crate::test_rng::xorshift(0xc01_face);
        for _ in 0..20_000 {
            let hay = crate::test_rng::random_text(&mut next, &pieces, 8);
            for words in needles {
                assert_eq!(
                    holds_any(&hay, words),
                    words.iter().any(|w| hay.contains(w)),
                    "{hay:?} {words:?}"
                );
            }
        }
    }

    #[test]
    fn a_month_s_estimate_is_of_that_month() {
        let p = super::month_estimate("Dec 2025E").expect("a period");
        assert_eq!(p.iso(), "2025-12");
        assert!(super::month_estimate("FY2025E").is_none());
    }

    #[test]
    fn a_unit_declared_before_a_table_is_its_rows() {
        let before = "Exports\n\nUnit: 10,000 vehicles (e.g. 61.2 = 612,000 vehicles)\n\n";
        let ((scale, unit, _), said) = super::declared_unit(before).expect("a unit");
        assert_eq!(
            &before[said],
            "Unit: 10,000 vehicles (e.g. 61.2 = 612,000 vehicles)"
        );
        assert_eq!((scale, unit.as_str()), (1e4, "vehicle"));
        assert!(super::declared_unit("Exports rose.\n\n").is_none());
        let ((scale, unit, _), _) = super::declared_unit("单位：亿元\n").expect("a unit");
        assert_eq!((scale, unit.as_str()), (1e8, "CNY"));
        let ((scale, _, _), _) = super::declared_unit("Units: 100 million yuan\n").expect("a unit");
        assert_eq!(scale, 1e8);
        let before = "Throughput, Jan-Sep (Unit: 10,000 TEU)\n\n";
        let ((scale, unit, _), said) = super::declared_unit(before).expect("a unit");
        assert_eq!(
            (scale, unit.as_str(), &before[said]),
            (1e4, "TEU", "(Unit: 10,000 TEU)")
        );
        // `units in millions`, `in billions of yuan`: the scale said after.
        for (caption, scale, unit) in [
            (
                "Table 2. Tablet shipments, Q1 2025 (units in millions)\n\n",
                1e6,
                "unit",
            ),
            ("Revenue by segment (in billions of yuan)\n", 1e9, "CNY"),
        ] {
            let ((s, u, _), _) = super::declared_unit(caption).expect("a unit");
            assert_eq!((s, u.as_str()), (scale, unit), "{caption}");
        }
    }

    #[test]
    fn a_row_label_gives_its_unit() {
        let (scale, unit, _) = super::label_unit("Group revenue (EUR billion)").expect("a unit");
        assert_eq!((scale, unit.as_str()), (1e9, "EUR"));
        let (scale, unit, _) = super::label_unit("NEV sales (mn units)").expect("a unit");
        assert_eq!((scale, unit.as_str()), (1e6, "unit"));
        assert!(super::label_unit("Operating margin (%)").is_none());
        assert!(super::label_unit("Revenue").is_none());
    }

    #[test]
    fn estimate_columns_are_read() {
        assert_eq!(estimate_year("fy2025e"), Some(2025));
        assert_eq!(estimate_year("2026e"), Some(2026));
        assert_eq!(estimate_year("fy26e"), Some(2026));
        assert_eq!(estimate_year("2026"), None);
        assert_eq!(estimate_year("fe"), None);
        assert_eq!(estimate_year("e"), None);
    }

    #[test]
    fn an_empty_corner_cell_is_put_back() {
        let text = "FY2024\tFY2025E\nRevenue\t5\t6\nProfit\t1\t2\n";
        let t = tables(text);
        assert_eq!(t.len(), 1);
        let header: Vec<&str> = t[0][0].cells.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(header, ["", "FY2024", "FY2025E"]);
    }

    /// [`tables`] as it was defined, every line split into its cells.
    fn tables_line_by_line(text: &str) -> Vec<Vec<Row>> {
        let mut tables = Tables::default();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            tables.line(text.as_bytes(), at, cells_of(text, at, at + line.len()));
            at += line.len();
        }
        tables.finish()
    }

    #[test]
    fn tables_found_by_separator_search_are_those_of_every_line_split() {
        let pieces = [
            "a", "1", " ", " ", "  ", "\t", "\n", "\n", "\r", "\r\n", "Q2 2024", "é",
        ];
        let mut next = crate::test_rng::xorshift(0x5eed_7ab1e5);
        let cells = |t: &[Vec<Row>]| -> Vec<Vec<Vec<(usize, usize)>>> {
            t.iter()
                .map(|rows| rows.iter().map(|r| r.cells.clone()).collect())
                .collect()
        };
        for _ in 0..20_000 {
            let text = crate::test_rng::random_text(&mut next, &pieces, 40);
            assert_eq!(
                cells(&tables(&text)),
                cells(&tables_line_by_line(&text)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_row_filling_some_columns_stays_under_its_headers() {
        let text = "Line              Jan-Jun 2025   YoY (%)   Jun 2025   YoY (%)\n\
                    Total freight     8,114          4.2       1,402      3.9\n\
                    Rail freight      2,310          -1.5\n\
                    Air cargo                                  96         12.5\n";
        let t = tables(text);
        assert_eq!((t.len(), t[0].len()), (1, 4), "{t:?}");
        let cell = |r: usize, k: usize| {
            let (s, e) = t[0][r].cells[k];
            &text[s..e]
        };
        assert_eq!((cell(2, 1), cell(2, 2), cell(2, 3)), ("2,310", "-1.5", ""));
        assert_eq!((cell(3, 1), cell(3, 3), cell(3, 4)), ("", "96", "12.5"));
        // Prose after a table is no row of it.
        let t =
            tables("Item    2025    2024\nSales   12      10\nNotes:  the year ends in June.\n");
        assert_eq!(t[0].len(), 2, "{t:?}");
    }

    #[test]
    fn one_blank_line_may_part_the_header_from_the_rows() {
        let t = tables("A\tB\n\n1\t2\n3\t4\n");
        assert_eq!((t.len(), t[0].len()), (1, 3));
        // Two blank lines, or a blank line between rows, end the table.
        assert!(tables("A\tB\n\n\n1\t2\n").is_empty());
        let t = tables("A\tB\n1\t2\n\n3\t4\n");
        assert_eq!((t.len(), t[0].len()), (1, 2));
    }

    #[test]
    fn a_table_is_consecutive_rows_of_as_many_cells() {
        let text = "Intro line.\nA\tB\tC\n1\t2\t3\n4\t5\t6\nlast\tline\n";
        let t = tables(text);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].len(), 3);
    }
}
