//! Claims and reconciliation.
//!
//! [`extract_claims`] turns each figure of an analyzed document into a
//! [`Claim`]: who it is about (subject), what is measured (metric), which
//! period, which scope. [`reconcile`] compares the claims of all documents
//! and returns a [`Report`] of conflicts and corroborations.
//!
//! ```
//! use crosscheck_reconcile::{extract_claims, reconcile, DocView};
//!
//! let a = "In 2025, exports from Zhejiang reached 43 billion yuan.";
//! let b = "In 2025, exports from Zhejiang reached 34 billion yuan.";
//! let mut claims = Vec::new();
//! for (id, text) in [a, b].into_iter().enumerate() {
//!     claims.extend(extract_claims(&DocView::analyze(id as u32, text)));
//! }
//! let report = reconcile(&claims, &["a.txt".into(), "b.txt".into()]);
//! assert_eq!(report.conflicts.len(), 1);
//! ```

mod claims;
mod report;

pub use claims::{extract_claims, Claim, DocView};
pub use report::{reconcile, Conflict, ConflictKind, Corroboration, Mention, Report};
