//! Printers for the consistency report: terminal text, JSON, Markdown and
//! a self-contained HTML page. Each is a function over one [`Report`]
//! value, so formats are interchangeable.
//!
//! ```
//! use crosscheck_reconcile::Report;
//! let report = Report::default();
//! let md = crosscheck_report::markdown(&report);
//! assert!(md.starts_with("# Consistency report"));
//! ```

mod html;

pub use html::{html, html_with_sources, Source};

use crosscheck_reconcile::{Conflict, Report};

/// Formats the file the extension of `path` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Terminal text.
    Text,
    /// The contract's JSON object.
    Json,
    /// Markdown.
    Markdown,
    /// A self-contained HTML page.
    Html,
}

impl Format {
    /// The format for a report file name, by extension.
    ///
    /// ```
    /// use crosscheck_report::Format;
    /// assert_eq!(Format::from_path("out/report.html"), Some(Format::Html));
    /// assert_eq!(Format::from_path("r.doc"), None);
    /// ```
    pub fn from_path(path: &str) -> Option<Format> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match ext.as_str() {
            "html" | "htm" => Format::Html,
            "md" | "markdown" => Format::Markdown,
            "json" => Format::Json,
            "txt" => Format::Text,
            _ => return None,
        })
    }
}

/// Renders `report` in `format`.
pub fn render(report: &Report, format: Format) -> String {
    match format {
        Format::Text => text(report),
        Format::Json => json(report),
        Format::Markdown => markdown(report),
        Format::Html => html(report),
    }
}

/// Writes [`json`]'s text to `out` as it is made, without holding it whole:
/// the JSON of a report with hundreds of thousands of mentions is hundreds
/// of megabytes.
///
/// ```
/// let report = crosscheck_reconcile::reconcile(&[], &[]);
/// let mut out = Vec::new();
/// crosscheck_report::write_json(&report, &mut out).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), crosscheck_report::json(&report));
/// ```
pub fn write_json(report: &Report, mut out: impl std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut out, report)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// The report as the contract's JSON object, with a trailing newline.
pub fn json(report: &Report) -> String {
    let mut s =
        serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// ` = 1.28 billion CNY` when the normalized value reads differently from
/// the figure as written.
fn normalized(m: &crosscheck_reconcile::Mention) -> String {
    if m.normalized.is_empty() || m.normalized == m.text {
        String::new()
    } else {
        format!(" = {}", m.normalized)
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn period(c: &Conflict) -> &str {
    c.period.as_deref().unwrap_or("period unknown")
}

/// The human-readable summary: conflicts first, then review items and counts.
pub fn text(report: &Report) -> String {
    let mut out = Vec::new();
    let _ = write_text(report, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes [`text`]'s summary to `out` as it is made: for a large run it is
/// tens of megabytes.
///
/// ```
/// let report = crosscheck_reconcile::reconcile(&[], &[]);
/// let mut out = Vec::new();
/// crosscheck_report::write_text(&report, &mut out).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), crosscheck_report::text(&report));
/// ```
pub fn write_text(report: &Report, mut out: impl std::io::Write) -> std::io::Result<()> {
    let out = &mut out;
    for (n, c) in report.conflicts.iter().enumerate() {
        writeln!(
            out,
            "CONFLICT {} [{}] {} / {} / {}",
            n + 1,
            c.kind.as_str(),
            c.subject,
            c.metric,
            period(c)
        )?;
        writeln!(out, "  {}", c.explanation)?;
        for m in &c.mentions {
            writeln!(
                out,
                "  {}:{}: {:?}{}  \"{}\"",
                m.doc,
                m.line,
                m.text,
                normalized(m),
                one_line(&m.sentence)
            )?;
        }
        writeln!(out)?;
    }
    if !report.review.is_empty() {
        writeln!(out, "Worth a look ({}):", report.review.len())?;
        for c in &report.review {
            writeln!(
                out,
                "  [{}] {} / {} / {}: {}",
                c.kind.as_str(),
                c.subject,
                c.metric,
                period(c),
                c.explanation
            )?;
            for m in &c.mentions {
                writeln!(
                    out,
                    "    {}:{}: {:?}{}",
                    m.doc,
                    m.line,
                    m.text,
                    normalized(m)
                )?;
            }
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "{} documents, {} claims: {} conflicts, {} worth a look, {} corroborated figures",
        report.documents,
        report.claims,
        report.conflicts.len(),
        report.review.len(),
        report.corroborations.len()
    )?;
    out.flush()
}

/// The report as Markdown.
pub fn markdown(report: &Report) -> String {
    let mut out = Vec::new();
    let _ = write_markdown(report, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes [`markdown`]'s text to `out` as it is made.
///
/// ```
/// let report = crosscheck_reconcile::reconcile(&[], &[]);
/// let mut out = Vec::new();
/// crosscheck_report::write_markdown(&report, &mut out).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), crosscheck_report::markdown(&report));
/// ```
pub fn write_markdown(report: &Report, mut out: impl std::io::Write) -> std::io::Result<()> {
    let out = &mut out;
    writeln!(out, "# Consistency report\n")?;
    writeln!(
        out,
        "{} documents, {} claims, **{} conflicts**, {} worth a look, {} corroborated figures.\n",
        report.documents,
        report.claims,
        report.conflicts.len(),
        report.review.len(),
        report.corroborations.len()
    )?;
    for (title, list) in [
        ("Conflicts", &report.conflicts),
        ("Worth a look", &report.review),
    ] {
        if list.is_empty() {
            continue;
        }
        writeln!(out, "## {title}\n")?;
        for c in list {
            writeln!(
                out,
                "### {} — {} ({}, {})\n",
                c.subject,
                c.metric,
                period(c),
                c.kind.as_str()
            )?;
            writeln!(out, "{}\n", c.explanation)?;
            for m in &c.mentions {
                writeln!(
                    out,
                    "- `{}:{}` **{}**{}: {}",
                    m.doc,
                    m.line,
                    m.text,
                    normalized(m),
                    one_line(&m.sentence).replace('|', "\\|")
                )?;
            }
            writeln!(out)?;
        }
    }
    out.flush()
}
