//! Claims and reconciliation.
//!
//! [`extract_claims`] turns each figure of an analyzed document into a
//! [`Claim`]: who it is about (subject), what is measured (metric), which
//! scope (destinations, segments, forecasts) and which period, each with how
//! it was found ([`How`]). [`reconcile`] compares the claims of all
//! documents and returns a [`Report`] of conflicts (`value`, `self`,
//! `correction`, `sum`, `share`, `period`), pairs worth a look, and
//! corroborations.
//!
//! ```
//! use crosscheck_reconcile::{extract_claims, reconcile_texts, DocView};
//!
//! let a = "In 2025, exports from Zhejiang reached 43 billion yuan.";
//! let b = "In 2025, exports from Zhejiang reached 34 billion yuan.";
//! let mut claims = Vec::new();
//! for (id, text) in [a, b].into_iter().enumerate() {
//!     claims.extend(extract_claims(&DocView::analyze(id as u32, text)));
//! }
//! let report = reconcile_texts(&claims, &["a.txt".into(), "b.txt".into()], &[a, b]);
//! assert_eq!(report.conflicts.len(), 1);
//! assert_eq!(report.conflicts[0].subject, "Zhejiang");
//! ```

mod claims;
mod columns;
pub mod interval;
mod lexicon;
mod report;
mod subjects;
mod sym;
mod table;
#[cfg(test)]
mod test_rng;

pub use claims::{extract_claims, flags, Claim, DocView, How};
pub use report::{
    format_value, reconcile, reconcile_in_place, reconcile_owned, reconcile_table, reconcile_texts,
    Conflict, ConflictKind, Corroboration, Mention, Report, Shared, TextSource, Unfilled, Word,
};
pub use sym::Sym;
pub use table::ClaimTable;
