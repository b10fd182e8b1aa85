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

mod en;
mod quantity;
mod recognize;
mod time;
mod zh;

pub use quantity::{Approx, Basis, CalendarDate, Granularity, Period, Quantity, QuantityKind};
pub use recognize::{recognize, recognize_tokens, Context, Recognizer};
