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
//!
//! Files of any kind go through [`Document::from_bytes`]: decoding (BOMs,
//! UTF-16 with or without a BOM, UTF-8, legacy encodings detected with
//! chardetng), binary sniffing, and text extraction for HTML and Markdown,
//! with an [`OffsetMap`] from the text back to the file's bytes.

mod analysis;
mod cache;
mod claim_codec;
mod decode;
mod document;
mod file_index;
mod html;
mod html_scan;
mod markdown;
mod offsets;
mod published;
mod run;
mod spill;
mod stored_report;

pub use analysis::{analyze_text, analyze_texts, AnalysisOptions, DocAnalysis, PIPELINE_VERSION};
pub use cache::Cache;
pub use document::{
    load_document, load_document_with, Document, InputError, Markup, DEFAULT_MAX_FILE_SIZE,
    HARD_MAX_FILE_SIZE,
};
pub use offsets::OffsetMap;
pub use run::{
    collect_inputs, identify_unchanged, run, run_claims, run_claims_in_order, run_in_order,
    DocClaims, Input, InputFilter, Progress, RunOptions, RunOutput,
};
pub use spill::{SpillAt, TextSpill};
pub use stored_report::{ReportWriter, StoredReport};
