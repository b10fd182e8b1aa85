use crosscheck_text::Span;
use serde::{Deserialize, Serialize};

/// What sort of figure a [`Quantity`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuantityKind {
    /// An amount of money; the unit is an ISO 4217 code.
    Money,
    /// A percentage (`%`) or percentage points (`pp`).
    Percent,
    /// A count of something named: `2,500 enterprises`.
    Count,
    /// A physical measure: `1.5 GWh`, `100 m`.
    Measure,
    /// A ratio: `3.7 times`, `doubled`.
    Multiplier,
    /// A fraction: `one-sixth`, `3/4`.
    Fraction,
    /// A rank or ordinal: `third`, `1st`.
    Ordinal,
    /// A bare number.
    Number,
    /// A time expression; see [`Quantity::period`].
    Date,
}

impl QuantityKind {
    /// The contract's name for the kind.
    pub fn as_str(&self) -> &'static str {
        match self {
            QuantityKind::Money => "money",
            QuantityKind::Percent => "percent",
            QuantityKind::Count => "count",
            QuantityKind::Measure => "measure",
            QuantityKind::Multiplier => "multiplier",
            QuantityKind::Fraction => "fraction",
            QuantityKind::Ordinal => "ordinal",
            QuantityKind::Number => "number",
            QuantityKind::Date => "date",
        }
    }
}

/// How exactly the text states a value.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Approx {
    /// Stated as is.
    #[default]
    Exact,
    /// A lower bound: over, more than, exceeded, at least.
    Over,
    /// An upper bound: under, less than, up to.
    Under,
    /// Approximately: about, nearly, around, some.
    About,
}

impl Approx {
    /// The contract's name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Approx::Exact => "exact",
            Approx::Over => "over",
            Approx::Under => "under",
            Approx::About => "about",
        }
    }
}

/// What a change is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// Against the same period a year before.
    YearOnYear,
    /// Against the month before.
    MonthOnMonth,
    /// Against the quarter before.
    QuarterOnQuarter,
}

/// A calendar date, as precise as the text made it (`month`/`day` 0 when not given).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CalendarDate {
    /// Year, e.g. 2025.
    pub year: i32,
    /// Month 1–12, 0 when not given.
    pub month: u8,
    /// Day 1–31, 0 when not given.
    pub day: u8,
}

impl CalendarDate {
    /// The day `year`-`month`-`day` when the calendar has it (month 1–12,
    /// day within the month, 29 February only in a leap year).
    ///
    /// ```
    /// use crosscheck_numbers::CalendarDate;
    /// assert!(CalendarDate::checked(2024, 2, 29).is_some());
    /// assert!(CalendarDate::checked(2025, 2, 29).is_none());
    /// assert!(CalendarDate::checked(2025, 13, 1).is_none());
    /// ```
    pub fn checked(year: i32, month: u8, day: u8) -> Option<Self> {
        ((1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day))
            .then_some(CalendarDate { year, month, day })
    }
}

/// How fine a period's ends are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// Whole years.
    Year,
    /// Quarters.
    Quarter,
    /// Months.
    Month,
    /// Days.
    Day,
}

/// A normalized time period: from `start` to `end`, both inclusive at
/// their granularity (`2025-01/2025-11` is January 1 to November 30).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Period {
    /// First date of the period.
    pub start: CalendarDate,
    /// Last date of the period.
    pub end: CalendarDate,
    /// How fine the ends are.
    pub granularity: Granularity,
    /// A running total from the start of a year: `the first 11 months`, `by November`.
    pub cumulative: bool,
    /// A fiscal rather than a calendar period.
    pub fiscal: bool,
}

impl Period {
    /// A whole calendar year.
    ///
    /// ```
    /// assert_eq!(crosscheck_numbers::Period::year(2025).iso(), "2025");
    /// ```
    pub fn year(year: i32) -> Self {
        Period {
            start: CalendarDate {
                year,
                month: 1,
                day: 1,
            },
            end: CalendarDate {
                year,
                month: 12,
                day: 31,
            },
            granularity: Granularity::Year,
            cumulative: false,
            fiscal: false,
        }
    }

    /// Months `from` to `to` of `year`, both inclusive.
    ///
    /// ```
    /// assert_eq!(crosscheck_numbers::Period::months(2025, 1, 11).iso(), "2025-01/2025-11");
    /// assert_eq!(crosscheck_numbers::Period::months(2025, 5, 5).iso(), "2025-05");
    /// ```
    pub fn months(year: i32, from: u8, to: u8) -> Self {
        Period {
            start: CalendarDate {
                year,
                month: from,
                day: 1,
            },
            end: CalendarDate {
                year,
                month: to,
                day: days_in_month(year, to),
            },
            granularity: Granularity::Month,
            cumulative: false,
            fiscal: false,
        }
    }

    /// One day.
    ///
    /// ```
    /// assert_eq!(crosscheck_numbers::Period::day(2025, 5, 10).iso(), "2025-05-10");
    /// ```
    pub fn day(year: i32, month: u8, day: u8) -> Self {
        let d = CalendarDate { year, month, day };
        Period {
            start: d,
            end: d,
            granularity: Granularity::Day,
            cumulative: false,
            fiscal: false,
        }
    }

    /// Quarter `q` (1–4) of `year`; printed as its months.
    ///
    /// ```
    /// assert_eq!(crosscheck_numbers::Period::quarter(2024, 3).iso(), "2024-07/2024-09");
    /// ```
    pub fn quarter(year: i32, q: u8) -> Self {
        let q = q.clamp(1, 4);
        Period {
            granularity: Granularity::Quarter,
            ..Period::months(year, q * 3 - 2, q * 3)
        }
    }

    /// The same span of the calendar `months` months earlier: a year
    /// earlier is 12, the quarter before 3. A month's last day stays its
    /// last day (`2024-02-29` a year earlier is `2023-02-28`).
    ///
    /// ```
    /// use crosscheck_numbers::Period;
    /// assert_eq!(Period::months(2025, 1, 9).months_earlier(12).iso(), "2024-01/2024-09");
    /// assert_eq!(Period::quarter(2025, 1).months_earlier(3).iso(), "2024-10/2024-12");
    /// assert_eq!(Period::day(2024, 2, 29).months_earlier(12).iso(), "2023-02-28");
    /// ```
    pub fn months_earlier(self, months: u32) -> Self {
        let back = |d: CalendarDate, last_day: bool| {
            let index = i64::from(d.year) * 12 + i64::from(d.month.max(1)) - 1 - i64::from(months);
            let year = index.div_euclid(12) as i32;
            let month = (index.rem_euclid(12) + 1) as u8;
            let days = days_in_month(year, month);
            let day = if last_day { days } else { d.day.min(days) };
            CalendarDate {
                year,
                month: if d.month == 0 { 0 } else { month },
                day,
            }
        };
        let whole_months = self.granularity != Granularity::Day;
        Period {
            start: back(self.start, false),
            end: back(self.end, whole_months),
            ..self
        }
    }

    /// Whole years `from` to `to`, both inclusive.
    ///
    /// ```
    /// assert_eq!(crosscheck_numbers::Period::years(2021, 2025).iso(), "2021/2025");
    /// ```
    pub fn years(from: i32, to: i32) -> Self {
        Period {
            end: Period::year(to).end,
            ..Period::year(from)
        }
    }

    /// The same period marked as a running total from the start of the year.
    pub fn cumulative(self) -> Self {
        Period {
            cumulative: true,
            ..self
        }
    }

    /// The same period marked as fiscal.
    pub fn fiscal(self) -> Self {
        Period {
            fiscal: true,
            ..self
        }
    }

    /// The ISO 8601 form: `2025`, `2025-05`, `2025-05-10`, or an interval
    /// `2025-01/2025-11`.
    pub fn iso(&self) -> String {
        // Digits pushed by hand into one string: reports name a period in
        // tens of thousands of explanations, and three `format!`s a period
        // cost some 700 instructions.
        let mut s = String::with_capacity(24);
        self.push_date(&mut s, &self.start);
        let first = s.len();
        s.push('/');
        self.push_date(&mut s, &self.end);
        if s[..first] == s[first + 1..] {
            s.truncate(first);
        }
        s
    }

    /// One end of [`Period::iso`], at the period's granularity.
    fn push_date(&self, s: &mut String, d: &CalendarDate) {
        push_padded(s, d.year, 4);
        match self.granularity {
            Granularity::Year => {}
            Granularity::Quarter | Granularity::Month => {
                s.push('-');
                push_padded(s, i32::from(d.month), 2);
            }
            Granularity::Day => {
                s.push('-');
                push_padded(s, i32::from(d.month), 2);
                s.push('-');
                push_padded(s, i32::from(d.day), 2);
            }
        }
    }

    /// True when `other` lies wholly inside `self`. A fiscal period and a
    /// calendar one are never compared (a fiscal year's months are not
    /// known), so neither contains the other.
    ///
    /// ```
    /// use crosscheck_numbers::Period;
    /// let ytd = Period::months(2025, 1, 11).cumulative();
    /// assert!(Period::year(2025).contains(&ytd));
    /// assert!(ytd.contains(&Period::quarter(2025, 3)));
    /// assert!(!ytd.contains(&Period::months(2025, 12, 12)));
    /// assert!(!Period::year(2024).fiscal().contains(&Period::quarter(2024, 1)));
    /// ```
    pub fn contains(&self, other: &Period) -> bool {
        self.fiscal == other.fiscal && self.start <= other.start && other.end <= self.end
    }
}

/// `n` as `format!("{n:0width$}")` writes it (`width` is 2 or 4).
fn push_padded(s: &mut String, n: i32, width: u32) {
    if (0..10i32.pow(width)).contains(&n) {
        let mut unit = 10i32.pow(width - 1);
        while unit > 0 {
            s.push(char::from(b'0' + (n / unit % 10) as u8));
            unit /= 10;
        }
    } else {
        use std::fmt::Write;
        let _ = write!(s, "{n:0width$}", width = width as usize);
    }
}

/// Days in `month` of `year` (Gregorian).
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// One figure or time expression found in a text, normalized.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Where it is in the text given to the recognizer.
    pub span: Span,
    /// What sort of figure it is.
    pub kind: QuantityKind,
    /// The normalized value (`77.5%` → 77.5, `1.233 million` → 1233000), `None`
    /// for a closed range or a time expression.
    pub value: Option<f64>,
    /// `[lo, hi]` for a range or bound; a side `None` where open.
    pub range: Option<(Option<f64>, Option<f64>)>,
    /// ISO 4217 code for money, `%` or `pp` for percent, the counted noun's
    /// lemma for counts, an SI symbol for measures.
    pub unit: Option<String>,
    /// How exactly the value is stated.
    pub approx: Approx,
    /// True for a change or growth rate rather than a level; a fall has a negative value.
    pub change: bool,
    /// What a change is measured against, where the text says.
    pub basis: Option<Basis>,
    /// Half the width of the interval the writing implies: `43 billion` → 5e8.
    pub precision: Option<f64>,
    /// The period of a time expression (kind [`QuantityKind::Date`]).
    pub period: Option<Period>,
}

impl Quantity {
    /// A new quantity with everything but span, kind and value empty.
    pub fn new(span: Span, kind: QuantityKind, value: Option<f64>) -> Self {
        Quantity {
            span,
            kind,
            value,
            range: None,
            unit: None,
            approx: Approx::Exact,
            change: false,
            basis: None,
            precision: None,
            period: None,
        }
    }

    /// The interval of values the text allows, widened by precision and
    /// opened by bounds: `over 5 trillion` → `[5e12, ∞)`.
    ///
    /// ```
    /// use crosscheck_numbers::{Quantity, QuantityKind};
    /// use crosscheck_text::Span;
    /// let mut q = Quantity::new(Span::new(0, 2), QuantityKind::Number, Some(43.0));
    /// q.precision = Some(0.5);
    /// assert_eq!(q.interval(), (42.5, 43.5));
    /// ```
    pub fn interval(&self) -> (f64, f64) {
        let p = self.precision.unwrap_or(0.0).abs();
        let (mut lo, mut hi) = match (self.value, self.range) {
            (_, Some((lo, hi))) => (lo.unwrap_or(f64::NEG_INFINITY), hi.unwrap_or(f64::INFINITY)),
            (Some(v), None) => (v, v),
            (None, None) => (f64::NEG_INFINITY, f64::INFINITY),
        };
        lo -= p;
        hi += p;
        if let Some(v) = self.value {
            match self.approx {
                Approx::Over => hi = f64::INFINITY.max(v),
                Approx::Under => lo = f64::NEG_INFINITY.min(v),
                _ => {}
            }
        }
        (lo, hi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The ISO form as it was written with `format!`, to hold the faster
    /// one to.
    fn iso_by_format(p: &Period) -> String {
        let one = |d: &CalendarDate| match p.granularity {
            Granularity::Year => format!("{:04}", d.year),
            Granularity::Quarter | Granularity::Month => format!("{:04}-{:02}", d.year, d.month),
            Granularity::Day => format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
        };
        let (a, b) = (one(&p.start), one(&p.end));
        if a == b {
            a
        } else {
            format!("{a}/{b}")
        }
    }

    fn date() -> impl Strategy<Value = CalendarDate> {
        (
            prop_oneof![1900..2100i32, any::<i32>(), -20..20i32, 9990..10010i32],
            any::<u8>(),
            any::<u8>(),
        )
            .prop_map(|(year, month, day)| CalendarDate { year, month, day })
    }

    proptest! {
        #[test]
        fn iso_matches_the_formatted_form(
            start in date(),
            end in prop_oneof![date(), Just(CalendarDate { year: 2025, month: 1, day: 1 })],
            granularity in prop_oneof![
                Just(Granularity::Year),
                Just(Granularity::Quarter),
                Just(Granularity::Month),
                Just(Granularity::Day),
            ],
        ) {
            let p = Period { start, end, granularity, cumulative: false, fiscal: false };
            prop_assert_eq!(p.iso(), iso_by_format(&p));
            let same = Period { end: start, ..p };
            prop_assert_eq!(same.iso(), iso_by_format(&same));
        }
    }
}
