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
mod pretty;

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
    // The same bytes as `serde_json::to_writer_pretty(report)`, with the
    // long lists' items rendered in parallel, a bounded batch at a time:
    // rendering is most of the time, and the items are independent.
    let Report {
        documents,
        claims,
        conflicts,
        review,
        corroborations,
        corroborated,
    } = report;
    writeln!(out, "{{")?;
    writeln!(out, "  \"documents\": {documents},")?;
    writeln!(out, "  \"claims\": {claims},")?;
    write_list(&mut out, "conflicts", conflicts)?;
    write_list(&mut out, "review", review)?;
    write_list(&mut out, "corroborations", corroborations)?;
    writeln!(out, "  \"corroborated\": {corroborated}")?;
    writeln!(out, "}}")?;
    out.flush()
}

/// Items rendered at once: enough to keep every thread busy, few enough
/// that the rendered text held at once stays a few megabytes.
const JSON_BATCH: usize = 2048;

/// Each item of `batch` as serde_json's pretty printer writes it two levels
/// deep, rendered in parallel.
fn render_batch<T: pretty::Item + Sync>(batch: &[T]) -> std::io::Result<Vec<Vec<u8>>> {
    use rayon::prelude::*;
    Ok(batch
        .par_iter()
        .map(|item| {
            let mut out = Vec::with_capacity(4096);
            out.extend_from_slice(b"\n    ");
            item.write_pretty(&mut out);
            out
        })
        .collect())
}

/// `"name": [ items ],` as serde_json's pretty printer writes it two levels
/// deep: each item rendered alone, its lines indented by four spaces.
fn write_list<T: pretty::Item + Sync>(
    out: &mut impl std::io::Write,
    name: &str,
    items: &[T],
) -> std::io::Result<()> {
    if items.is_empty() {
        return writeln!(out, "  \"{name}\": [],");
    }
    write!(out, "  \"{name}\": [")?;
    // The next batch renders on the pool while this thread writes the one
    // before: writing hundreds of megabytes is kernel time that would
    // otherwise leave the other cores idle.
    let mut batches = items.chunks(JSON_BATCH);
    let mut ready = batches.next().map(render_batch).transpose()?;
    let mut first = true;
    while let Some(rendered) = ready.take() {
        let next = batches.next();
        let mut next_rendered = None;
        let written = rayon::in_place_scope(|scope| {
            if let Some(batch) = next {
                scope.spawn(|_| next_rendered = Some(render_batch(batch)));
            }
            rendered.iter().try_for_each(|r| {
                if !first {
                    out.write_all(b",")?;
                }
                first = false;
                out.write_all(r)
            })
        });
        written?;
        ready = next_rendered.transpose()?;
    }
    writeln!(out, "\n  ],")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_reconcile::{extract_claims, reconcile_texts, DocView};

    /// The report over two documents that disagree, the first named `first`.
    fn two_document_report(first: &str) -> crosscheck_reconcile::Report {
        let texts = [
            "In 2025, Zhejiang's exports reached 43 billion yuan, up 5%.",
            "In 2025, Zhejiang's exports reached 34 billion yuan, up 9%.",
        ];
        let mut claims = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            claims.extend(extract_claims(&DocView::analyze(i as u32, t)));
        }
        reconcile_texts(&claims, &[first.to_string(), "b.txt".to_string()], &texts)
    }

    #[test]
    fn json_is_serde_json_pretty_across_batches() {
        let mut report = two_document_report("a \"quoted\" name.txt");
        let one = report.conflicts[0].clone();
        for n in [0, 1, JSON_BATCH, JSON_BATCH + 1, 2 * JSON_BATCH + 7] {
            report.conflicts = vec![one.clone(); n];
            report.review = report.conflicts.iter().take(n / 2).cloned().collect();
            let mut ours = Vec::new();
            write_json(&report, &mut ours).unwrap();
            let mut theirs = serde_json::to_vec_pretty(&report).unwrap();
            theirs.push(b'\n');
            assert!(ours == theirs, "{n} conflicts");
        }
    }

    #[test]
    fn every_field_form_prints_as_serde_json_prints_it() {
        let mut report = two_document_report("a.txt");
        let mut c = report.conflicts[0].clone();
        let m = c.mentions[0].clone();
        let odd_values = [
            (Some(f64::NAN), Some((None, Some(1.5)))),
            (Some(f64::INFINITY), Some((Some(-0.0), None))),
            (None, Some((Some(1e21), Some(3.55e12)))),
            (Some(4.0), None),
            (Some(-5.8e-7), Some((None, None))),
        ];
        c.mentions = odd_values
            .iter()
            .enumerate()
            .map(|(i, &(value, range))| {
                let mut m = m.clone();
                m.value = value;
                m.range = range;
                m.unit = (i % 2 == 0).then(|| "CNY".into());
                m.period = (i % 3 != 0).then(|| "2025-01/2025-11".into());
                m.role = (i == 1).then(|| "correction".into());
                m.guessed = i % 2 == 1;
                m.sentence = format!(
                    "line\none\t\"{i}\"\\ \u{1}\u{7f} 浙江 {}",
                    "x".repeat(i * 7)
                );
                m.start = usize::MAX >> i;
                m
            })
            .collect();
        c.values = vec![String::new(), "über \u{8}".into()];
        c.period = None;
        report.conflicts = vec![c.clone(), c];
        report.review.clear();
        let mut corroboration = report.corroborations.first().cloned().unwrap_or_else(|| {
            crosscheck_reconcile::Corroboration {
                subject: "Zhejiang".into(),
                metric: "exports".into(),
                scope: "".into(),
                period: None,
                documents: 2,
                mentions: Vec::new(),
            }
        });
        corroboration.mentions = report.conflicts[0].mentions.clone();
        corroboration.documents = usize::MAX;
        report.corroborations = vec![corroboration.clone(), corroboration];
        report.corroborations[1].mentions.clear();
        let mut ours = Vec::new();
        write_json(&report, &mut ours).unwrap();
        let mut theirs = serde_json::to_vec_pretty(&report).unwrap();
        theirs.push(b'\n');
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs)
        );
    }
}
