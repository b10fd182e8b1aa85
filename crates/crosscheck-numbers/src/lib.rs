//! Finds every figure and time expression in a text and normalizes it.
//!
//! `"RMB 43bn"`, `"43 billion yuan"` and `"43亿元"` all become a
//! [`Quantity`] of kind [`QuantityKind::Money`], value `43e9`, unit `CNY`;
//! `"surged 77.5% year-on-year"` a percent with `change: true`;
//! `"the first 11 months of 2025"` a [`Period`] from 2025-01 to 2025-11.
//!
//! ```
//! use crosscheck_numbers::{recognize, QuantityKind};
//!
//! let text = "Exports reached 43 billion yuan, up 77.5% year-on-year.";
//! let found = recognize(text);
//! let money = found.iter().find(|q| q.kind == QuantityKind::Money).unwrap();
//! assert_eq!(money.value, Some(43e9));
//! assert_eq!(money.unit.as_deref(), Some("CNY"));
//! let pct = found.iter().find(|q| q.kind == QuantityKind::Percent).unwrap();
//! assert!(pct.change);
//! ```
//!
//! ## English figures, family by family
//!
//! ```
//! use crosscheck_numbers::{recognize, Approx, QuantityKind as K};
//!
//! // (text, kind, value, unit)
//! for (text, kind, value, unit) in [
//!     ("1,233,000", K::Number, 1_233_000.0, None),
//!     ("one hundred and five", K::Number, 105.0, None),
//!     ("1.5E+16", K::Number, 1.5e16, None),
//!     ("½", K::Fraction, 0.5, None),
//!     ("two thirds", K::Fraction, 2.0 / 3.0, None),
//!     ("the 21st", K::Ordinal, 21.0, None),
//!     ("$2.5m", K::Money, 2.5e6, Some("USD")),
//!     ("RMB 43 bn", K::Money, 43e9, Some("CNY")),
//!     ("320 million euros", K::Money, 3.2e8, Some("EUR")),
//!     ("77.5 per cent", K::Percent, 77.5, Some("%")),
//!     ("3 percentage points", K::Percent, 3.0, Some("pp")),
//!     ("3.7 times", K::Multiplier, 3.7, Some("x")),
//!     ("fourfold", K::Multiplier, 4.0, Some("x")),
//!     ("2,500 enterprises", K::Count, 2500.0, Some("enterprise")),
//!     ("1.5 GWh", K::Measure, 1.5, Some("GWh")),
//!     ("60 km/h", K::Measure, 60.0, Some("km/h")),
//! ] {
//!     let q = &recognize(text)[0];
//!     assert_eq!((q.kind, q.value, q.unit.as_deref()), (kind, Some(value), unit), "{text}");
//! }
//!
//! // Bounds carry their value and a one-sided range; ranges have no value.
//! let q = &recognize("more than 30 companies")[0];
//! assert_eq!((q.value, q.approx, q.range), (Some(30.0), Approx::Over, Some((Some(30.0), None))));
//! let q = &recognize("30,000 to 40,000 bearings")[0];
//! assert_eq!((q.value, q.range), (None, Some((Some(30000.0), Some(40000.0)))));
//! // Changes: a fall is negative. Precision: half the last written unit.
//! let q = &recognize("output fell 3.2%")[0];
//! assert_eq!((q.value, q.change, q.precision), (Some(-3.2), true, Some(0.05)));
//! assert_eq!(recognize("1.233 million units")[0].precision, Some(500.0));
//! ```
//!
//! ## Chinese figures
//!
//! ```
//! use crosscheck_numbers::{recognize, QuantityKind as K};
//!
//! for (text, kind, value, unit) in [
//!     ("43亿元", K::Money, 43e8, Some("CNY")),
//!     ("5.55万亿元", K::Money, 5.55e12, Some("CNY")),
//!     ("１．０７５３美元", K::Money, 1.0753, Some("USD")),
//!     ("五元三毛", K::Money, 5.3, Some("CNY")),
//!     ("1.2万辆", K::Count, 1.2e4, Some("vehicle")),
//!     ("百分之七十七点五", K::Percent, 77.5, Some("%")),
//!     ("六个百分点", K::Percent, 6.0, Some("pp")),
//!     ("三成", K::Percent, 30.0, Some("%")),
//!     ("9.9折", K::Percent, 99.0, Some("%")),
//!     ("三分之一", K::Fraction, 1.0 / 3.0, None),
//!     ("两千三百五", K::Number, 2350.0, None),
//!     ("壹佰", K::Number, 100.0, None),
//!     ("5万4千6百", K::Number, 54600.0, None),
//! ] {
//!     let q = &recognize(text)[0];
//!     assert_eq!((q.kind, q.value, q.unit.as_deref()), (kind, Some(value), unit), "{text}");
//! }
//! // A numeral inside a word is not a figure; Chinese words set change and basis.
//! assert!(recognize("我家在四川").is_empty());
//! let q = &recognize("出口同比增长77.5%")[0];
//! assert!(q.change && q.basis == Some(crosscheck_numbers::Basis::YearOnYear));
//! ```
//!
//! ## Time expressions
//!
//! Kind [`QuantityKind::Date`], with a [`Period`]; see [`Context`] for how
//! the document's date is found for `last year` and the like.
//!
//! ```
//! use crosscheck_numbers::{Context, Recognizer};
//!
//! let text = "Published: 2025-12-10\nExports in the first 11 months of 2025, Q3 2024, \
//!             FY2024, 2021–2025, by November, last year and 2025年1-11月.";
//! let tokens = crosscheck_text::tokenize(text);
//! let found = Recognizer::new(Context::default()).recognize(text, &tokens);
//! let period = |s: &str| {
//!     let q = found.iter().find(|q| &text[q.span.range()] == s).unwrap();
//!     q.period.unwrap()
//! };
//! assert_eq!(period("the first 11 months of 2025").iso(), "2025-01/2025-11");
//! assert!(period("the first 11 months of 2025").cumulative);
//! assert_eq!(period("Q3 2024").iso(), "2024-07/2024-09");
//! assert!(period("FY2024").fiscal);
//! assert_eq!(period("2021–2025").iso(), "2021/2025");
//! assert_eq!(period("by November").iso(), "2025-01/2025-11");
//! assert_eq!(period("last year").iso(), "2024");
//! assert_eq!(period("2025年1-11月").iso(), "2025-01/2025-11");
//! ```

mod en;
mod quantity;
mod recognize;
mod time;
mod zh;

pub use quantity::{Approx, Basis, CalendarDate, Granularity, Period, Quantity, QuantityKind};
pub use recognize::{recognize, recognize_tokens, Context, Recognizer};

/// The English family alone, before the merge with the Chinese and time
/// families: for benchmarks and for comparing the families.
///
/// ```
/// let q = crosscheck_numbers::recognize_english("up 49.9% year-on-year");
/// assert_eq!(q[0].value, Some(49.9));
/// ```
#[doc(hidden)]
pub fn recognize_english(text: &str) -> Vec<Quantity> {
    en::scan(text, &[])
}
