//! `cargo xtask corpus`: a deterministic generator of business-news
//! documents for benchmarks and robustness runs.
//!
//! Document `i` of seed `s` depends only on `(s, i)`, so a 5 MB corpus is
//! the first files of the 200 MB one, and every run measures the same text.

mod forms;
mod voices;
mod world;

use crate::rng::Rng;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use voices::Written;
use world::World;

/// Bump when the generated text (or what else a generated folder holds)
/// changes, so cached corpora are rebuilt.
pub const GENERATOR_VERSION: u32 = 12;

/// Name of the stamp file written into a generated folder (hidden, so the
/// crosscheck walker skips it).
const STAMP: &str = ".crosscheck-corpus";

/// Name of the answer key written into a generated folder: one JSON line
/// per figure a document states, with the fact it is about, the value
/// meant and whether it is a planted misreport (hidden, like the stamp).
pub const ANSWER_KEY: &str = ".crosscheck-facts.jsonl";

/// Format-free content of one document.
pub struct Doc {
    title: String,
    blocks: Vec<Block>,
    /// The day it was written, which a web page states in its head for
    /// machines (`article:published_time`) whatever its dateline says.
    published: Option<forms::Date>,
}

/// A piece of a document.
pub enum Block {
    Heading(String),
    Para(String),
    Bullets(Vec<String>),
    Table(Vec<Vec<String>>),
}

/// Output format of one document.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Txt,
    Md,
    Html,
}

impl Format {
    fn ext(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Md => "md",
            Format::Html => "html",
        }
    }
}

fn pick_format(r: &mut Rng, voice: usize) -> Format {
    // (txt, md) percentages per voice; the rest is HTML.
    let (t, m) = match voice {
        0 => (60, 10),
        1 => (20, 50),
        2 => (50, 10),
        3 => (60, 0),
        4 => (40, 40),
        _ => (50, 20),
    };
    let x = r.below(100);
    if x < t {
        Format::Txt
    } else if x < t + m {
        Format::Md
    } else {
        Format::Html
    }
}

fn render_txt(d: &Doc, out: &mut String) {
    out.push_str(&d.title);
    out.push_str("\n\n");
    for b in &d.blocks {
        match b {
            Block::Heading(h) => {
                out.push_str(h);
                out.push_str("\n\n");
            }
            Block::Para(p) => {
                out.push_str(p);
                out.push_str("\n\n");
            }
            Block::Bullets(items) => {
                for i in items {
                    let _ = writeln!(out, "* {i}");
                }
                out.push('\n');
            }
            Block::Table(rows) => {
                let cols = rows.iter().map(|r| r.len()).max().unwrap_or(0);
                let widths: Vec<usize> = (0..cols)
                    .map(|c| {
                        rows.iter()
                            .map(|r| r.get(c).map_or(0, |s| s.chars().count()))
                            .max()
                            .unwrap_or(0)
                    })
                    .collect();
                for row in rows {
                    let mut line = String::new();
                    for (c, cell) in row.iter().enumerate() {
                        let pad = widths[c] - cell.chars().count();
                        line.push_str(cell);
                        line.extend(std::iter::repeat_n(' ', pad + 3));
                    }
                    out.push_str(line.trim_end());
                    out.push('\n');
                }
                out.push('\n');
            }
        }
    }
}

fn render_md(d: &Doc, out: &mut String) {
    let _ = write!(out, "# {}\n\n", d.title);
    for b in &d.blocks {
        match b {
            Block::Heading(h) => {
                let _ = write!(out, "## {h}\n\n");
            }
            Block::Para(p) => {
                if let Some(rest) = p.strip_prefix("Q: ") {
                    let _ = write!(out, "**Q: {rest}**\n\n");
                } else {
                    out.push_str(p);
                    out.push_str("\n\n");
                }
            }
            Block::Bullets(items) => {
                for i in items {
                    match i.split_once(": ") {
                        Some((k, v)) => {
                            let _ = writeln!(out, "- **{k}:** {v}");
                        }
                        None => {
                            let _ = writeln!(out, "- {i}");
                        }
                    }
                }
                out.push('\n');
            }
            Block::Table(rows) => {
                for (n, row) in rows.iter().enumerate() {
                    let _ = writeln!(out, "| {} |", row.join(" | "));
                    if n == 0 {
                        let _ = writeln!(out, "|{}", " --- |".repeat(row.len()));
                    }
                }
                out.push('\n');
            }
        }
    }
    out.push_str("[Back to the newsroom](https://example.invalid/newsroom)\n");
}

fn esc(s: &str, r: &mut Rng, out: &mut String) {
    let nbsp = r.chance(0.3);
    let mut prev_digit = false;
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if nbsp => out.push_str("&quot;"),
            '—' if nbsp => out.push_str("&mdash;"),
            ' ' if nbsp && prev_digit => out.push_str("&nbsp;"),
            c => out.push(c),
        }
        prev_digit = ch.is_ascii_digit();
    }
}

fn render_html(d: &Doc, r: &mut Rng, out: &mut String) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    if let Some(p) = d.published {
        let _ = writeln!(
            out,
            "<meta property=\"article:published_time\" content=\"{:04}-{:02}-{:02}T08:00:00Z\">",
            p.y, p.m, p.d
        );
    }
    out.push_str("<title>");
    esc(&d.title, r, out);
    out.push_str("</title>\n<style>\nbody { font-family: Georgia, serif; max-width: 42em; }\n.nav li { display: inline; margin-right: 1.5em; }\n</style>\n");
    let _ = write!(
        out,
        "<script>\nwindow.dataLayer = window.dataLayer || [];\nfunction track(id) {{ dataLayer.push({{event: 'view', id: {}, ratio: 0.{} }}); }}\n</script>\n</head>\n<body>\n",
        r.range(100_000, 999_999),
        r.range(10, 99)
    );
    out.push_str("<nav class=\"nav\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/markets\">Markets</a></li><li><a href=\"/companies\">Companies</a></li><li><a href=\"/economy\">Economy</a></li></ul></nav>\n<article>\n<h1>");
    esc(&d.title, r, out);
    out.push_str("</h1>\n");
    for b in &d.blocks {
        match b {
            Block::Heading(h) => {
                out.push_str("<h2>");
                esc(h, r, out);
                out.push_str("</h2>\n");
            }
            Block::Para(p) => {
                out.push_str("<p>");
                esc(p, r, out);
                out.push_str("</p>\n");
            }
            Block::Bullets(items) => {
                out.push_str("<ul>\n");
                for i in items {
                    out.push_str("  <li>");
                    esc(i, r, out);
                    out.push_str("</li>\n");
                }
                out.push_str("</ul>\n");
            }
            Block::Table(rows) => {
                out.push_str("<table class=\"data\">\n");
                for (n, row) in rows.iter().enumerate() {
                    out.push_str("  <tr>");
                    for cell in row {
                        out.push_str(if n == 0 { "<th>" } else { "<td>" });
                        esc(cell, r, out);
                        out.push_str(if n == 0 { "</th>" } else { "</td>" });
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</table>\n");
            }
        }
    }
    let _ = write!(
        out,
        "</article>\n<footer><p>&copy; {} Example Media Group. All rights reserved.</p></footer>\n<script src=\"/static/app.{:x}.js\" defer></script>\n</body>\n</html>\n",
        r.range(2021, 2026),
        r.next_u64() & 0xffff_ffff
    );
}

/// Document `i` of `seed`: its voice, format, bytes and answer key.
fn document(w: &World, seed: u64, i: u64, plain: bool) -> (usize, Format, String, Vec<Written>) {
    let mut r = Rng::derive(seed, &[2, i]);
    let voice = voices::pick_voice(&mut r);
    let format = if plain {
        Format::Txt
    } else {
        pick_format(&mut r, voice)
    };
    let body_rng = Rng::derive(seed, &[3, i]);
    let (doc, written) = voices::build(w, body_rng, voice);
    let mut out = String::with_capacity(4096);
    match format {
        Format::Txt => render_txt(&doc, &mut out),
        Format::Md => render_md(&doc, &mut out),
        Format::Html => render_html(&doc, &mut r, &mut out),
    }
    (voice, format, out, written)
}

/// `n` documents of `seed` as (extension, text), for seeding fuzz corpora.
pub fn samples(seed: u64, n: u64) -> Vec<(&'static str, String)> {
    let w = World::new(seed);
    (0..n)
        .map(|i| {
            let (_, f, text, _) = document(&w, seed, i, false);
            (f.ext(), text)
        })
        .collect()
}

/// What was generated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Files written.
    pub files: u64,
    /// Bytes written.
    pub bytes: u64,
}

fn io_err(path: &Path, e: std::io::Error) -> String {
    format!("{}: {e}", path.display())
}

fn stamp_text(kind: &str, seed: u64, size: u64) -> String {
    format!("generator={GENERATOR_VERSION} kind={kind} seed={seed} size={size}\n")
}

fn write_stamp(dir: &Path, kind: &str, seed: u64, size: u64, stats: Stats) -> Result<(), String> {
    let p = dir.join(STAMP);
    let text = format!(
        "{}files={} bytes={}\n",
        stamp_text(kind, seed, size),
        stats.files,
        stats.bytes
    );
    std::fs::write(&p, text).map_err(|e| io_err(&p, e))
}

/// Reads a folder's stamp: `Some(stats)` when it was generated with these
/// exact parameters by this generator version.
fn read_stamp(dir: &Path, kind: &str, seed: u64, size: u64) -> Option<Stats> {
    let text = std::fs::read_to_string(dir.join(STAMP)).ok()?;
    let head = stamp_text(kind, seed, size);
    let rest = text.strip_prefix(&head)?;
    let mut stats = Stats::default();
    for kv in rest.split_whitespace() {
        match kv.split_once('=') {
            Some(("files", v)) => stats.files = v.parse().ok()?,
            Some(("bytes", v)) => stats.bytes = v.parse().ok()?,
            _ => {}
        }
    }
    Some(stats)
}

fn fresh_dir(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        // Only ever remove a folder this generator made.
        if !dir.join(STAMP).exists()
            && std::fs::read_dir(dir)
                .map_err(|e| io_err(dir, e))?
                .next()
                .is_some()
        {
            return Err(format!(
                "{}: exists, is not empty and was not made by `cargo xtask corpus`; refusing to overwrite",
                dir.display()
            ));
        }
        std::fs::remove_dir_all(dir).map_err(|e| io_err(dir, e))?;
    }
    std::fs::create_dir_all(dir).map_err(|e| io_err(dir, e))
}

/// Writes a folder of at least `bytes` bytes of documents (.txt/.md/.html
/// in sub-folders of 500 files).
pub fn generate_dir(dir: &Path, seed: u64, bytes: u64) -> Result<Stats, String> {
    fresh_dir(dir)?;
    let w = World::new(seed);
    let mut st = Stats::default();
    let key_path = dir.join(ANSWER_KEY);
    let key_file = std::fs::File::create(&key_path).map_err(|e| io_err(&key_path, e))?;
    let mut key = std::io::BufWriter::new(key_file);
    let mut i = 0u64;
    while st.bytes < bytes {
        let (voice, format, text, written) = document(&w, seed, i, false);
        let sub = dir.join(format!("{:04}", i / 500));
        if i.is_multiple_of(500) {
            std::fs::create_dir_all(&sub).map_err(|e| io_err(&sub, e))?;
        }
        let p = sub.join(format!(
            "{:07}-{}.{}",
            i,
            voices::VOICES[voice],
            format.ext()
        ));
        std::fs::write(&p, &text).map_err(|e| io_err(&p, e))?;
        let rel = p.strip_prefix(dir).unwrap_or(&p).to_string_lossy();
        for f in &written {
            let mut line = serde_json::json!({
                "doc": rel, "key": f.key, "series": f.series, "text": f.text,
                "value": f.value, "wrong": f.wrong, "role": f.role.name(),
            });
            if let Some(of) = &f.of {
                line["of"] = of.as_str().into();
            }
            writeln!(key, "{line}").map_err(|e| io_err(&key_path, e))?;
        }
        st.files += 1;
        st.bytes += text.len() as u64;
        i += 1;
    }
    key.flush().map_err(|e| io_err(&key_path, e))?;
    write_stamp(dir, "dir", seed, bytes, st)?;
    Ok(st)
}

/// Writes one plain-text file of at least `bytes` bytes (documents
/// separated by blank lines), for the stage benches.
pub fn generate_single(path: &Path, seed: u64, bytes: u64) -> Result<Stats, String> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| io_err(parent, e))?;
    }
    let w = World::new(seed);
    let f = std::fs::File::create(path).map_err(|e| io_err(path, e))?;
    let mut f = std::io::BufWriter::new(f);
    let mut st = Stats { files: 1, bytes: 0 };
    let mut i = 0u64;
    while st.bytes < bytes {
        let (_, _, text, _) = document(&w, seed, i, true);
        f.write_all(text.as_bytes()).map_err(|e| io_err(path, e))?;
        f.write_all(b"\n").map_err(|e| io_err(path, e))?;
        st.bytes += text.len() as u64 + 1;
        i += 1;
    }
    f.flush().map_err(|e| io_err(path, e))?;
    Ok(st)
}

/// Writes `n` tiny documents (one or two sentences each) in sub-folders
/// of 1,000 files.
pub fn generate_tiny(dir: &Path, seed: u64, n: u64) -> Result<Stats, String> {
    fresh_dir(dir)?;
    let w = World::new(seed);
    let mut st = Stats::default();
    for i in 0..n {
        let text = voices::tiny(&w, Rng::derive(seed, &[4, i]));
        let sub = dir.join(format!("{:04}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&sub).map_err(|e| io_err(&sub, e))?;
        }
        let ext = ["txt", "md", "txt", "html"][(i % 4) as usize];
        let body = if ext == "html" {
            format!(
                "<html><body><p>{}</p></body></html>\n",
                text.trim_end().replace('&', "&amp;")
            )
        } else {
            text
        };
        let p = sub.join(format!("{i:07}.{ext}"));
        std::fs::write(&p, &body).map_err(|e| io_err(&p, e))?;
        st.files += 1;
        st.bytes += body.len() as u64;
    }
    write_stamp(dir, "tiny", seed, n, st)?;
    Ok(st)
}

/// A generated folder, reused when its stamp matches.
pub fn cached_dir(dir: &Path, seed: u64, bytes: u64) -> Result<Stats, String> {
    if let Some(st) = read_stamp(dir, "dir", seed, bytes) {
        return Ok(st);
    }
    eprintln!(
        "generating {} MB corpus (seed {seed}) in {}",
        bytes as f64 / 1e6,
        dir.display()
    );
    generate_dir(dir, seed, bytes)
}

/// A generated tiny-files folder, reused when its stamp matches.
pub fn cached_tiny(dir: &Path, seed: u64, n: u64) -> Result<Stats, String> {
    if let Some(st) = read_stamp(dir, "tiny", seed, n) {
        return Ok(st);
    }
    eprintln!(
        "generating {n} tiny files (seed {seed}) in {}",
        dir.display()
    );
    generate_tiny(dir, seed, n)
}

/// A generated single text file, reused when its stamp (beside it) matches.
pub fn cached_single(path: &Path, seed: u64, bytes: u64) -> Result<Stats, String> {
    let stamp = PathBuf::from(format!("{}.stamp", path.display()));
    let want = stamp_text("single", seed, bytes);
    if path.exists() && std::fs::read_to_string(&stamp).ok().as_deref() == Some(want.as_str()) {
        let len = std::fs::metadata(path).map_err(|e| io_err(path, e))?.len();
        return Ok(Stats {
            files: 1,
            bytes: len,
        });
    }
    eprintln!(
        "generating {} MB single text file (seed {seed}) at {}",
        bytes as f64 / 1e6,
        path.display()
    );
    let st = generate_single(path, seed, bytes)?;
    std::fs::write(&stamp, want).map_err(|e| io_err(&stamp, e))?;
    Ok(st)
}

const USAGE: &str =
    "usage: cargo xtask corpus [--mb N] [--seed S] --out PATH [--single-file | --tiny N]

  --mb N         megabytes (10^6 bytes) of documents to write (default 10)
  --seed S       generator seed (default 1); same seed, same bytes
  --out PATH     folder to write (replaced if it was generated before),
                 or the file to write with --single-file
  --single-file  write one plain-text file (for CROSSCHECK_BENCH_TEXT)
  --tiny N       write N tiny one-sentence files instead (robustness case)";

/// `cargo xtask corpus ...`.
pub fn cmd(args: &[String]) -> Result<(), String> {
    let mut mb = 10.0f64;
    let mut seed = 1u64;
    let mut out = None;
    let mut single = false;
    let mut tiny = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = |name: &str| {
            it.next()
                .cloned()
                .ok_or(format!("{name} needs a value\n\n{USAGE}"))
        };
        match a.as_str() {
            "--mb" => mb = val("--mb")?.parse().map_err(|e| format!("--mb: {e}"))?,
            "--seed" => seed = val("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" => out = Some(PathBuf::from(val("--out")?)),
            "--single-file" => single = true,
            "--tiny" => {
                tiny = Some(
                    val("--tiny")?
                        .parse::<u64>()
                        .map_err(|e| format!("--tiny: {e}"))?,
                )
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown argument {other:?}\n\n{USAGE}")),
        }
    }
    let out = out.ok_or(format!("--out is required\n\n{USAGE}"))?;
    if !(mb > 0.0 && mb.is_finite()) {
        return Err("--mb must be a positive number".into());
    }
    let bytes = (mb * 1e6) as u64;
    let t = std::time::Instant::now();
    let st = match (single, tiny) {
        (true, Some(_)) => return Err("--single-file and --tiny exclude each other".into()),
        (true, None) => generate_single(&out, seed, bytes)?,
        (false, Some(n)) => generate_tiny(&out, seed, n)?,
        (false, None) => generate_dir(&out, seed, bytes)?,
    };
    eprintln!(
        "wrote {} files, {:.1} MB to {} in {:.1}s",
        st.files,
        st.bytes as f64 / 1e6,
        out.display(),
        t.elapsed().as_secs_f64()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_deterministic_and_varied() {
        let w = World::new(5);
        let a: Vec<_> = (0..60).map(|i| document(&w, 5, i, false)).collect();
        let w2 = World::new(5);
        for (i, d) in a.iter().enumerate() {
            assert_eq!(d.2, document(&w2, 5, i as u64, false).2);
        }
        let voices: std::collections::HashSet<_> = a.iter().map(|d| d.0).collect();
        assert_eq!(voices.len(), voices::VOICES.len());
        assert!(a.iter().any(|d| d.1 == Format::Html));
        assert!(a.iter().any(|d| d.1 == Format::Md));
        assert!(a.iter().all(|d| d.2.len() > 200));
    }

    #[test]
    fn single_file_reaches_size() {
        let dir = std::env::temp_dir().join(format!("xtask-corpus-test-{}", std::process::id()));
        let p = dir.join("t.txt");
        let st = generate_single(&p, 3, 50_000).unwrap();
        assert!(st.bytes >= 50_000);
        let text = std::fs::read_to_string(&p).unwrap();
        assert_eq!(text.len() as u64, st.bytes);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
