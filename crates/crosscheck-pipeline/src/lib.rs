//! The per-document pipeline: load, decode, extract text, run every stage,
//! cache the result; and the run over many files in parallel.
//!
//! ```
//! use crosscheck_pipeline::{analyze_text, Document};
//!
//! let doc = Document::from_text("a.txt", "Zhejiang's exports reached 43 billion yuan in 2025.");
//! let analysis = analyze_text(&doc, &Default::default());
//! assert!(!analysis.quantities.is_empty());
//! ```

mod analysis;
mod cache;
mod document;
mod run;

pub use analysis::{analyze_text, AnalysisOptions, DocAnalysis, PIPELINE_VERSION};
pub use cache::Cache;
pub use document::{load_document, Document, InputError, OffsetMap};
pub use run::{collect_inputs, run, Input, InputFilter, RunOptions, RunOutput};
