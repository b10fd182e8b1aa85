//! The self-contained HTML report: summary, filters, conflicts grouped by
//! subject, each mention in its sentence with the figure highlighted, and
//! the involved documents' texts with every figure of the report marked and
//! linked both ways. No network, no external assets: inline CSS and a few
//! lines of inline JavaScript for the filters.

use crosscheck_reconcile::{Conflict, Mention, Report};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Texts longer than this are shown as excerpts around their figures.
const FULL_TEXT_LIMIT: usize = 60_000;
/// Context kept on each side of a figure in an excerpt.
const EXCERPT_CONTEXT: usize = 600;

/// One figure to highlight in a document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Mark {
    start: usize,
    end: usize,
    /// The mention's anchor (`m-c3-1`), and its conflict's (`c3`).
    id: String,
    conflict: String,
}

/// A document's text as the HTML report shows it, with the report's
/// figures in it marked. Built from the document's plain text (re-read
/// after reconciliation, so no text is held during the run).
///
/// ```
/// use crosscheck_report::Source;
/// use crosscheck_reconcile::Report;
/// let report = Report::default();
/// let src = Source::new(&report, 0, "a.txt", "Sales rose 5%.", &|o| o);
/// let page = crosscheck_report::html_with_sources(&report, &[src]);
/// assert!(page.contains("Sales rose 5%."));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    doc: String,
    /// Excerpts `(text offset, text)`, in order; one piece for a short text.
    pieces: Vec<(usize, String)>,
    marks: Vec<Mark>,
}

impl Source {
    /// The text of document `doc_index` (named `name`) with the figures of
    /// `report`'s conflicts and review items marked. `to_text` maps the
    /// mentions' file offsets back to offsets in `text`.
    pub fn new(
        report: &Report,
        doc_index: u32,
        name: &str,
        text: &str,
        to_text: &dyn Fn(usize) -> usize,
    ) -> Self {
        let mut marks = Vec::new();
        for (prefix, list) in [("c", &report.conflicts), ("r", &report.review)] {
            for (i, c) in list.iter().enumerate() {
                for (j, m) in c.mentions.iter().enumerate() {
                    if m.doc_index != doc_index {
                        continue;
                    }
                    let start = floor_char(text, to_text(m.start));
                    let end = floor_char(text, (start + m.text.len()).min(text.len()));
                    marks.push(Mark {
                        start,
                        end,
                        id: format!("m-{prefix}{i}-{j}"),
                        conflict: format!("{prefix}{i}"),
                    });
                }
            }
        }
        marks.sort_by_key(|m| (m.start, m.end));
        // Overlapping marks (one figure in two conflicts) keep the first.
        let mut kept: Vec<Mark> = Vec::new();
        for m in marks {
            if kept.last().is_none_or(|k| k.end <= m.start) {
                kept.push(m);
            }
        }
        let pieces = if text.len() <= FULL_TEXT_LIMIT {
            vec![(0, text.to_string())]
        } else {
            let mut windows: Vec<(usize, usize)> = Vec::new();
            for m in &kept {
                let s = floor_char(text, m.start.saturating_sub(EXCERPT_CONTEXT));
                let e = floor_char(text, (m.end + EXCERPT_CONTEXT).min(text.len()));
                match windows.last_mut() {
                    Some(w) if w.1 >= s => w.1 = w.1.max(e),
                    _ => windows.push((s, e)),
                }
            }
            windows
                .into_iter()
                .map(|(s, e)| (s, text[s..e].to_string()))
                .collect()
        };
        Source {
            doc: name.to_string(),
            pieces,
            marks: kept,
        }
    }
}

fn floor_char(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

const STYLE: &str = "
:root{--ink:#1d2433;--muted:#5b6474;--line:#e3e6ec;--bg:#f7f8fa;--accent:#b42318}
*{box-sizing:border-box}
body{font:15px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--ink);background:var(--bg);margin:0}
main{max-width:64rem;margin:0 auto;padding:1.5rem 1.25rem 4rem}
h1{font-size:1.6rem;margin:.2rem 0 .8rem}
h2{font-size:1.2rem;margin:2rem 0 .6rem;padding-bottom:.3rem;border-bottom:2px solid var(--line)}
.summary{display:flex;flex-wrap:wrap;gap:.6rem;margin:.6rem 0 1rem}
.stat{background:#fff;border:1px solid var(--line);border-radius:8px;padding:.5rem .9rem;min-width:7.5rem}
.stat b{display:block;font-size:1.4rem}
.stat.bad b{color:var(--accent)}
.kinds{color:var(--muted);margin:.2rem 0 1rem}
.filters{position:sticky;top:0;z-index:2;background:var(--bg);padding:.6rem 0;border-bottom:1px solid var(--line);display:flex;flex-wrap:wrap;gap:.8rem;align-items:center}
.filters label{white-space:nowrap}
.filters select{font:inherit;padding:.15rem .3rem}
.card{background:#fff;border:1px solid var(--line);border-left:4px solid var(--accent);border-radius:8px;padding:.7rem 1rem;margin:.8rem 0}
.card.review{border-left-color:#d4a017}
.card h3{font-size:1rem;margin:0 0 .3rem}
.badge{display:inline-block;font-size:.75rem;font-weight:600;text-transform:uppercase;letter-spacing:.03em;border-radius:4px;padding:.05rem .4rem;margin-right:.4rem;background:#fde8e7;color:var(--accent);vertical-align:1px}
.review .badge{background:#fdf3d8;color:#8a6500}
.period{color:var(--muted);font-weight:normal}
.why{margin:.2rem 0 .5rem}
.values{color:var(--muted);font-size:.9rem;margin:0 0 .4rem}
ul.mentions{list-style:none;padding:0;margin:0}
ul.mentions li{padding:.35rem 0;border-top:1px dashed var(--line)}
.where{font:12.5px ui-monospace,SFMono-Regular,Menlo,monospace;color:var(--muted);display:block}
.where a{color:inherit}
mark{background:#ffe27a;border-radius:3px;padding:0 .1rem}
mark.fig{background:#ffd25e;font-weight:600}
.doc{background:#fff;border:1px solid var(--line);border-radius:8px;margin:1rem 0;padding:.4rem 1rem .8rem}
.doc h3{font:600 13px ui-monospace,SFMono-Regular,Menlo,monospace;margin:.5rem 0}
.doc pre{white-space:pre-wrap;word-wrap:break-word;font:14px/1.5 Georgia,'Times New Roman',serif;margin:0}
.doc .gap{color:var(--muted);text-align:center;margin:.4rem 0}
.doc mark a{color:inherit;text-decoration:none}
:target{outline:3px solid #4a7dff;outline-offset:2px}
.hidden{display:none}
.empty{color:var(--muted)}
details summary{cursor:pointer;color:var(--muted)}
";

const SCRIPT: &str = "
(function(){
  var subj=document.getElementById('f-subject');
  var boxes=document.querySelectorAll('.f-kind');
  function apply(){
    var s=subj.value, kinds={};
    boxes.forEach(function(b){kinds[b.value]=b.checked;});
    document.querySelectorAll('.card').forEach(function(c){
      var ok=(s===''||c.dataset.subject===s)&&kinds[c.dataset.kind]!==false;
      c.classList.toggle('hidden',!ok);
    });
    document.querySelectorAll('section.subject').forEach(function(g){
      g.classList.toggle('hidden',!g.querySelector('.card:not(.hidden)'));
    });
  }
  subj.addEventListener('change',apply);
  boxes.forEach(function(b){b.addEventListener('change',apply);});
})();
";

/// The sentence of `ms` (mentions of one sentence) with each figure
/// highlighted, wherever it stands in the sentence.
fn sentence_with_figures(ms: &[&Mention]) -> String {
    let sentence = one_line(&ms[0].sentence);
    let mut found: Vec<(usize, usize)> = Vec::new();
    let mut missing = Vec::new();
    for m in ms {
        let figure = one_line(&m.text);
        if figure.is_empty() {
            continue;
        }
        // The first occurrence not already taken by another figure.
        let mut from = 0;
        let mut place = None;
        while let Some(p) = sentence.get(from..).and_then(|rest| rest.find(&figure)) {
            let (s, e) = (from + p, from + p + figure.len());
            if found.iter().all(|&(fs, fe)| e <= fs || s >= fe) {
                place = Some((s, e));
                break;
            }
            from = s + 1;
            while !sentence.is_char_boundary(from) {
                from += 1;
            }
        }
        match place {
            Some(p) => found.push(p),
            None => missing.push(figure),
        }
    }
    found.sort_unstable();
    let mut out = String::new();
    let mut pos = 0;
    for (s, e) in found {
        out.push_str(&esc(&sentence[pos..s]));
        let _ = write!(out, "<mark class=\"fig\">{}</mark>", esc(&sentence[s..e]));
        pos = e;
    }
    out.push_str(&esc(&sentence[pos..]));
    for f in &missing {
        let _ = write!(out, " <mark class=\"fig\">{}</mark>", esc(f));
    }
    out
}

fn card(
    out: &mut String,
    c: &Conflict,
    id: &str,
    review: bool,
    doc_anchor: &BTreeMap<&str, usize>,
) {
    let period = c.period.as_deref().unwrap_or("period unknown");
    let _ = write!(
        out,
        "<article class=\"card{}\" id=\"{id}\" data-subject=\"{}\" data-kind=\"{}\">\
         <h3><span class=\"badge\">{}</span>{}{} <span class=\"period\">· {}</span></h3>\
         <p class=\"why\">{}</p>",
        if review { " review" } else { "" },
        esc(&c.subject),
        c.kind.as_str(),
        c.kind.as_str(),
        esc(&c.metric),
        if c.scope.is_empty() {
            String::new()
        } else {
            format!(" ({})", esc(&c.scope))
        },
        esc(period),
        esc(&c.explanation),
    );
    if !c.values.is_empty() {
        let _ = write!(
            out,
            "<p class=\"values\">{}</p>",
            esc(&c.values.join(" vs "))
        );
    }
    out.push_str("<ul class=\"mentions\">");
    // Figures of one sentence (the parts of a sum) share one line.
    let mut j = 0;
    while j < c.mentions.len() {
        let m = &c.mentions[j];
        let mut group = vec![m];
        while let Some(n) = c.mentions.get(j + group.len()) {
            if n.doc == m.doc && n.line == m.line && n.sentence == m.sentence {
                group.push(n);
            } else {
                break;
            }
        }
        let where_ = format!("{}:{}", esc(&m.doc), m.line);
        let link = match doc_anchor.get(&*m.doc) {
            Some(_) => format!("<a href=\"#m-{id}-{j}\">{where_}</a>"),
            None => where_,
        };
        let role = m
            .role
            .as_deref()
            .map(|r| format!(" · {}", esc(r)))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<li><span class=\"where\">{link}{role}</span>{}</li>",
            sentence_with_figures(&group)
        );
        j += group.len();
    }
    out.push_str("</ul></article>");
}

/// The report as one self-contained HTML page, without document texts.
pub fn html(report: &Report) -> String {
    html_with_sources(report, &[])
}

/// The report as one self-contained HTML page, with the texts of the
/// documents in `sources` shown at the end, every reported figure marked
/// and linked to and from its conflict.
pub fn html_with_sources(report: &Report, sources: &[Source]) -> String {
    let doc_anchor: BTreeMap<&str, usize> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.doc.as_str(), i))
        .collect();
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>crosscheck: {} conflicts in {} documents</title><style>{STYLE}</style></head><body><main>",
        report.conflicts.len(),
        report.documents
    );
    out.push_str("<h1>Consistency report</h1><div class=\"summary\">");
    for (n, label, bad) in [
        (report.documents, "documents", false),
        (report.claims, "figures compared", false),
        (
            report.conflicts.len(),
            "conflicts",
            !report.conflicts.is_empty(),
        ),
        (report.review.len(), "worth a look", false),
        (report.corroborations.len(), "corroborated", false),
    ] {
        let _ = write!(
            out,
            "<div class=\"stat{}\"><b>{n}</b>{label}</div>",
            if bad { " bad" } else { "" }
        );
    }
    out.push_str("</div>");
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for c in report.conflicts.iter() {
        *kinds.entry(c.kind.as_str()).or_default() += 1;
    }
    if !kinds.is_empty() {
        let list: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
        let _ = write!(
            out,
            "<p class=\"kinds\">Conflicts by kind: {}.</p>",
            list.join(", ")
        );
    }

    // Filters.
    let subjects: std::collections::BTreeSet<&str> = report
        .conflicts
        .iter()
        .chain(&report.review)
        .map(|c| c.subject.as_ref())
        .collect();
    let all_kinds: std::collections::BTreeSet<&str> = report
        .conflicts
        .iter()
        .chain(&report.review)
        .map(|c| c.kind.as_str())
        .collect();
    out.push_str("<div class=\"filters\"><label>Subject <select id=\"f-subject\"><option value=\"\">all</option>");
    for s in &subjects {
        let _ = write!(out, "<option value=\"{0}\">{0}</option>", esc(s));
    }
    out.push_str("</select></label><span>Kind:</span>");
    for k in &all_kinds {
        let _ = write!(
            out,
            "<label><input type=\"checkbox\" class=\"f-kind\" value=\"{k}\" checked> {k}</label>"
        );
    }
    out.push_str("</div>");

    // Conflicts grouped by subject.
    out.push_str("<h2>Conflicts</h2>");
    if report.conflicts.is_empty() {
        out.push_str("<p class=\"empty\">No conflicting figures found.</p>");
    }
    let mut by_subject: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, c) in report.conflicts.iter().enumerate() {
        by_subject.entry(c.subject.as_ref()).or_default().push(i);
    }
    for (subject, idx) in &by_subject {
        let _ = write!(
            out,
            "<section class=\"subject\"><h3>{} <span class=\"period\">({} conflict{})</span></h3>",
            esc(subject),
            idx.len(),
            if idx.len() == 1 { "" } else { "s" }
        );
        for &i in idx {
            card(
                &mut out,
                &report.conflicts[i],
                &format!("c{i}"),
                false,
                &doc_anchor,
            );
        }
        out.push_str("</section>");
    }
    if !report.review.is_empty() {
        let _ = write!(
            out,
            "<h2>Worth a look ({})</h2><details><summary>Pairs where the tool was unsure what a figure is about, or the gap is within rounding</summary>",
            report.review.len()
        );
        for (i, c) in report.review.iter().enumerate() {
            card(&mut out, c, &format!("r{i}"), true, &doc_anchor);
        }
        out.push_str("</details>");
    }

    if !sources.is_empty() {
        out.push_str("<h2>Documents</h2>");
        for (n, s) in sources.iter().enumerate() {
            let _ = write!(
                out,
                "<section class=\"doc\" id=\"doc-{n}\"><h3>{}</h3><pre>",
                esc(&s.doc)
            );
            for (k, (at, piece)) in s.pieces.iter().enumerate() {
                if k > 0 || *at > 0 {
                    out.push_str("</pre><p class=\"gap\">…</p><pre>");
                }
                let end = at + piece.len();
                let mut pos = *at;
                for m in s.marks.iter().filter(|m| m.start >= *at && m.end <= end) {
                    out.push_str(&esc(&piece[pos - at..m.start - at]));
                    let _ = write!(
                        out,
                        "<mark id=\"{}\"><a href=\"#{}\" title=\"see the conflict\">{}</a></mark>",
                        m.id,
                        m.conflict,
                        esc(&piece[m.start - at..m.end - at])
                    );
                    pos = m.end;
                }
                out.push_str(&esc(&piece[pos - at..]));
            }
            out.push_str("</pre></section>");
        }
    }
    let _ = writeln!(out, "</main><script>{SCRIPT}</script></body></html>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_become_excerpts_and_marks_stay_on_char_boundaries() {
        let report = Report::default();
        let text = "é".repeat(FULL_TEXT_LIMIT);
        let s = Source::new(&report, 0, "a.txt", &text, &|o| o + 1);
        assert_eq!(s.pieces.len(), 0);
        let short = Source::new(&report, 0, "a.txt", "Sales <b>5%</b>", &|o| o);
        let page = html_with_sources(&report, &[short]);
        assert!(page.contains("Sales &lt;b&gt;5%&lt;/b&gt;"));
        assert!(!page.contains("http"));
    }
}
