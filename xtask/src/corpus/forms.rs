//! The many ways news text writes a figure, a change and a period.

use super::world::{Currency, Period};
use crate::rng::Rng;

const MONTHS: &[&str] = &[
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
const MON_ABBR: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];
const ORD_WORDS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];
const NUM_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/// A publication date.
#[derive(Debug, Clone, Copy)]
pub struct Date {
    pub y: i64,
    pub m: i64,
    pub d: i64,
}

impl Date {
    /// A date some days to weeks after `p` ends.
    pub fn after(r: &mut Rng, p: Period) -> Date {
        let (_, m1) = p.months();
        let lag = r.range(0, 2);
        let mut m = m1 + 1 + lag;
        let mut y = p.year();
        if m > 12 {
            m -= 12;
            y += 1;
        }
        Date {
            y,
            m,
            d: r.range(1, 28),
        }
    }

    /// The date as news text writes it.
    pub fn write(self, r: &mut Rng) -> String {
        let Date { y, m, d } = self;
        let mi = (m - 1) as usize;
        match r.below(4) {
            0 => format!("{} {d}, {y}", MONTHS[mi]),
            1 => format!("{d} {} {y}", MONTHS[mi]),
            2 => format!("{y}-{m:02}-{d:02}"),
            _ => format!("{} {d}, {y}", MON_ABBR[mi]),
        }
    }

    /// Wire dateline form: "Jan. 14".
    pub fn dateline(self) -> String {
        format!("{} {}", MON_ABBR[(self.m - 1) as usize], self.d)
    }

    pub fn weekday(self, r: &mut Rng) -> &'static str {
        r.pick(WEEKDAYS)
    }
}

/// A number word for small counts, else digits.
pub fn small(r: &mut Rng, n: i64) -> String {
    if (0..=20).contains(&n) && r.chance(0.7) {
        NUM_WORDS[n as usize].to_string()
    } else {
        n.to_string()
    }
}

/// An integer with thousands separators.
pub fn commas(n: i64) -> String {
    let s = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `v` with `dec` decimals, trailing zeros trimmed.
fn decimals(v: f64, dec: usize) -> String {
    let s = format!("{v:.dec$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Chooses a scale word for `v` and how many decimals to show.
fn scaled(r: &mut Rng, v: f64) -> (f64, &'static str, &'static str, usize) {
    let a = v.abs();
    let (div, long, short) = if a >= 1e12 {
        (1e12, "trillion", "tn")
    } else if a >= 1e9 {
        (1e9, "billion", "bn")
    } else if a >= 1e6 {
        (1e6, "million", "m")
    } else {
        (1.0, "", "")
    };
    let x = v / div;
    let dec = if x.abs() >= 100.0 {
        r.below(2)
    } else {
        1 + r.below(2)
    };
    (x, long, short, dec)
}

/// Approximation qualifiers consistent with the rounding direction.
fn qualifier(r: &mut Rng, exact: f64, shown: f64) -> &'static str {
    if (shown - exact).abs() <= exact.abs() * 1e-9 || r.chance(0.55) {
        return "";
    }
    if shown < exact {
        r.pick(&["more than ", "over ", "about ", "some "])
    } else {
        r.pick(&["nearly ", "almost ", "about ", "around ", "approximately "])
    }
}

fn round_to(v: f64, dec: usize) -> f64 {
    let p = 10f64.powi(dec as i32);
    (v * p).round() / p
}

/// A money amount in one of many written forms.
pub fn money(r: &mut Rng, v: f64, cur: &Currency) -> String {
    let (x, long, short, dec) = scaled(r, v);
    let shown = round_to(x, dec);
    let q = qualifier(r, x, shown);
    let num = decimals(shown, dec);
    let sym = r.pick(cur.symbols);
    let word = r.pick(cur.words);
    if long.is_empty() {
        let n = commas(v.round() as i64);
        return if r.chance(0.5) {
            format!("{q}{sym}{n}")
        } else {
            format!("{q}{n} {word}")
        };
    }
    match r.below(6) {
        0 | 1 => format!("{q}{num} {long} {word}"),
        2 => format!("{q}{sym}{num} {long}"),
        3 => format!("{q}{sym}{num}{short}"),
        4 if cur.code == "CNY" && long == "billion" && shown < 10_000.0 => {
            // Translated Chinese releases often keep the original: 43亿元.
            format!(
                "{q}{num} {long} yuan ({}亿元)",
                decimals(shown * 10.0, dec.saturating_sub(1))
            )
        }
        _ => format!("{q}{sym}{num} {long}"),
    }
}

/// An amount as one end of a range (`RMB 1.6bn-RMB 2bn`): no `about`,
/// no restatement in brackets, which no writer puts inside a range.
pub fn money_bound(r: &mut Rng, v: f64, cur: &Currency) -> String {
    let (x, long, short, dec) = scaled(r, v);
    let num = decimals(round_to(x, dec), dec);
    let sym = r.pick(cur.symbols);
    let word = r.pick(cur.words);
    if long.is_empty() {
        return format!("{sym}{}", commas(v.round() as i64));
    }
    match r.below(3) {
        0 => format!("{num} {long} {word}"),
        1 => format!("{sym}{num}{short}"),
        _ => format!("{sym}{num} {long}"),
    }
}

/// A count of things.
pub fn count(r: &mut Rng, v: f64, noun: &str) -> String {
    let n = v.round() as i64;
    if n.abs() < 10_000 || r.chance(0.35) {
        let shown = if n.abs() >= 10_000 && r.chance(0.5) {
            // Rounded to thousands, as a writer would: not cut.
            (n + n.signum() * 500) / 1000 * 1000
        } else {
            n
        };
        let q = qualifier(r, n as f64, shown as f64);
        return if n.abs() <= 20 {
            format!("{q}{} {noun}", small(r, n))
        } else {
            format!("{q}{} {noun}", commas(shown))
        };
    }
    let (x, long, _, dec) = scaled(r, v);
    if long.is_empty() {
        // 10,000 to 999,999: thousands.
        let k = v / 1000.0;
        let shown = round_to(k, 0);
        let q = qualifier(r, k, shown);
        return format!("{q}{},000 {noun}", commas(shown as i64));
    }
    let shown = round_to(x, dec + 1);
    let q = qualifier(r, x, shown);
    format!("{q}{} {long} {noun}", decimals(shown, dec + 1))
}

/// A level in percent.
pub fn percent(r: &mut Rng, p: f64) -> String {
    let dec = if r.chance(0.8) { 1 } else { 2 };
    let s = decimals(round_to(p, dec), dec);
    match r.below(6) {
        0 => format!("{s} percent"),
        1 => format!("{s} per cent"),
        _ => format!("{s}%"),
    }
}

/// A year-on-year change phrase: "up 41.3% year-on-year".
pub fn change(r: &mut Rng, c: f64) -> String {
    let p = percent(r, c.abs());
    let up = c >= 0.0;
    let tail = r.pick(&[
        "year-on-year",
        "from a year earlier",
        "compared with the same period last year",
        "",
        "year on year",
    ]);
    let tail = if tail.is_empty() {
        String::new()
    } else {
        format!(" {tail}")
    };
    if c.abs() >= 100.0 && r.chance(0.5) {
        let times = 1.0 + c / 100.0;
        return format!(
            "{} times the level of a year earlier",
            decimals(round_to(times, 1), 1)
        );
    }
    match (r.below(4), up) {
        (0, true) => format!("up {p}{tail}"),
        (0, false) => format!("down {p}{tail}"),
        (1, true) => format!("an increase of {p}{tail}"),
        (1, false) => format!("a decrease of {p}{tail}"),
        (2, true) => format!("a rise of {p}{tail}"),
        (2, false) => format!("a decline of {p}{tail}"),
        (_, true) => format!("representing growth of {p}{tail}"),
        (_, false) => format!("a drop of {p}{tail}"),
    }
}

/// A verb phrase that fits the change: "rose 41.3% to", "fell 3.2% to".
pub fn moved(r: &mut Rng, c: f64) -> String {
    let p = percent(r, c.abs());
    if c >= 0.0 {
        format!(
            "{} {p} to",
            r.pick(&["rose", "grew", "climbed", "jumped", "increased"])
        )
    } else {
        format!(
            "{} {p} to",
            r.pick(&["fell", "dropped", "declined", "slipped", "decreased"])
        )
    }
}

/// A period in one of its written forms; `doc_year` lets "last year"
/// appear, `yearless` the forms without a year (`in the first quarter`).
pub fn period(r: &mut Rng, p: Period, doc_year: i64, yearless: bool) -> String {
    match p {
        Period::Year(y) => {
            if y == doc_year - 1 && r.chance(0.15) {
                return "last year".into();
            }
            match r.below(5) {
                0 => format!("for {y}"),
                1 => format!("in fiscal {y}"),
                2 => format!("for the full year {y}"),
                _ => format!("in {y}"),
            }
        }
        Period::Quarter(y, q) => match r.below(5) {
            0 => format!("in Q{q} {y}"),
            1 => format!("in the {} quarter of {y}", ORD_WORDS[(q - 1) as usize]),
            2 if yearless => format!(
                "in the {}-{} quarter",
                MONTHS[(3 * q - 3) as usize],
                MONTHS[(3 * q - 1) as usize]
            ),
            3 if yearless => format!("in the {} quarter", ORD_WORDS[(q - 1) as usize]),
            2 | 3 => format!("in the {} quarter of {y}", ORD_WORDS[(q - 1) as usize]),
            _ => format!(
                "in the three months to {} {y}",
                MONTHS[(3 * q - 1) as usize]
            ),
        },
        Period::Half(y, h) => match r.below(4) {
            0 => format!("in H{h} {y}"),
            1 => format!(
                "in the {} half of {y}",
                if h == 1 { "first" } else { "second" }
            ),
            2 if h == 1 => format!("in the six months to June {y}"),
            _ if yearless => format!("in the {} half", if h == 1 { "first" } else { "second" }),
            _ => format!("in H{h} {y}"),
        },
        Period::FirstMonths(y, n) => match r.below(5) {
            0 => format!("in the first {n} months of {y}"),
            1 => format!("in the first {} months of {y}", NUM_WORDS[n as usize]),
            2 => format!("from January to {} {y}", MONTHS[(n - 1) as usize]),
            3 => format!("in January-{} {y}", MONTHS[(n - 1) as usize]),
            _ if yearless => format!("in the first {} months", NUM_WORDS[n as usize]),
            _ => format!("in the first {n} months of {y}"),
        },
        Period::Month(y, m) => match r.below(3) {
            0 => format!("in {} {y}", MONTHS[(m - 1) as usize]),
            1 if yearless => format!("in {}", MONTHS[(m - 1) as usize]),
            _ => format!("during {} {y}", MONTHS[(m - 1) as usize]),
        },
    }
}

/// The short label of a period for headings and tables: "Q3 2025", "2025".
pub fn label(p: Period) -> String {
    match p {
        Period::Year(y) => format!("{y}"),
        Period::Quarter(y, q) => format!("Q{q} {y}"),
        Period::Half(y, h) => format!("H{h} {y}"),
        Period::FirstMonths(y, n) => format!("Jan-{} {y}", &MONTHS[(n - 1) as usize][..3]),
        Period::Month(y, m) => format!("{} {y}", MONTHS[(m - 1) as usize]),
    }
}

/// A fraction in words for a share: "about a third".
pub fn share_words(r: &mut Rng, s: f64) -> String {
    let (w, v) = [
        ("a tenth", 0.1),
        ("a fifth", 0.2),
        ("a quarter", 0.25),
        ("a third", 1.0 / 3.0),
        ("two-fifths", 0.4),
        ("half", 0.5),
        ("three-fifths", 0.6),
        ("two-thirds", 2.0 / 3.0),
        ("three-quarters", 0.75),
    ]
    .into_iter()
    .min_by(|a, b| (a.1 - s).abs().total_cmp(&(b.1 - s).abs()))
    .unwrap_or(("half", 0.5));
    let q = if (v - s).abs() < 0.01 {
        ""
    } else if v > s {
        r.pick(&["nearly ", "almost ", "just under "])
    } else {
        r.pick(&["more than ", "just over ", "over "])
    };
    format!("{q}{w}")
}
