//! The project's end-to-end yardstick: the fixture corpus in `fixtures/` and
//! the planted conflicts and look-alikes listed in `fixtures/expected.json`
//! (see `fixtures/README.md` for the corpus and the matching rules).
//!
//! - `corpus_is_consistent` checks the corpus and its ledger themselves, so
//!   CI guards them whatever the reconciliation stage does.
//! - `yardstick_scores_synthetic_reports` checks the scoring rules on
//!   synthetic reports built from the ledger.
//! - `planted_conflicts_found_and_no_false_alarms` runs the built binary on
//!   `fixtures/` and compares its report with the ledger: every planted
//!   conflict found, no false alarm, no look-alike flagged. See its recall
//!   per kind with `cargo test -p crosscheck-cli --test fixtures -- --nocapture`.

use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The conflict kinds of the contract.
const CONFLICT_KINDS: [&str; 6] = ["value", "self", "correction", "sum", "share", "period"];
/// The look-alike kinds the corpus must cover.
const LOOKALIKE_KINDS: [&str; 8] = [
    "format",
    "rounding",
    "bound",
    "period",
    "subject",
    "scope",
    "change_vs_level",
    "value_vs_volume",
];
const MIN_DOCUMENTS: usize = 14;
const MIN_PER_EXTENSION: usize = 3;
const MIN_CONFLICTS: usize = 20;
const MIN_LOOKALIKES: usize = 20;
const MIN_PER_KIND: usize = 3;

#[derive(Debug, Clone, Deserialize)]
struct Mention {
    doc: String,
    text: String,
    line: u64,
    #[serde(default)]
    same_as: Option<usize>,
    /// Whether this restatement stands for its mention when counting what a
    /// conflict covers (false for a correction notice quoting the wrong figure).
    #[serde(default = "yes")]
    covers: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
struct Planted {
    id: String,
    kind: String,
    description: String,
    mentions: Vec<Mention>,
    #[serde(default)]
    also: Vec<Mention>,
}

#[derive(Debug, Deserialize)]
struct LookAlike {
    id: String,
    kind: String,
    description: String,
    mentions: Vec<Mention>,
}

#[derive(Debug, Deserialize)]
struct Expected {
    documents: Vec<String>,
    conflicts: Vec<Planted>,
    lookalikes: Vec<LookAlike>,
}

/// A mention as the report gives it.
#[derive(Debug, Clone)]
struct Reported {
    doc: String,
    text: String,
    line: u64,
}

/// A conflict (or review entry) as the report gives it.
#[derive(Debug)]
struct ReportedConflict {
    kind: String,
    subject: String,
    metric: String,
    period: String,
    explanation: String,
    mentions: Vec<Reported>,
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn load_expected() -> Expected {
    let path = workspace_root().join("fixtures/expected.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()))
}

/// `fixtures//a.txt`, `./fixtures/a.txt` and `fixtures\a.txt` all name `fixtures/a.txt`.
fn normalize_doc(doc: &str) -> String {
    let mut d = doc.replace('\\', "/");
    while d.contains("//") {
        d = d.replace("//", "/");
    }
    d.trim_start_matches("./").to_string()
}

/// Whether `needle` occurs in `hay` at a token boundary: not inside a longer
/// number or word (`2.4 billion` is not in `12.4 billion`). A full stop or
/// comma right after the match ends the sentence unless a digit follows.
fn contains_at_boundary(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == ',';
    hay.match_indices(needle).any(|(start, _)| {
        let end = start + needle.len();
        let before = hay[..start].chars().next_back();
        let mut rest = hay[end..].chars();
        let after = rest.next();
        let after_word = match after {
            Some('.' | ',') => rest.next().is_some_and(|c| c.is_ascii_digit()),
            Some(c) => is_word(c),
            None => false,
        };
        !before.is_some_and(is_word) && !after_word
    })
}

/// The numbers stage decides whether `up`, `RMB` or `exceeded` belong to a
/// figure's span, so either text may contain the other.
fn texts_match(reported: &str, expected: &str) -> bool {
    let (r, e) = (reported.trim(), expected.trim());
    r == e || contains_at_boundary(r, e) || contains_at_boundary(e, r)
}

fn mention_matches(rep: &Reported, exp: &Mention) -> bool {
    normalize_doc(&rep.doc) == exp.doc && rep.line == exp.line && texts_match(&rep.text, &exp.text)
}

fn show(m: &Mention) -> String {
    format!("{}:{} {:?}", m.doc, m.line, m.text)
}

fn show_reported(m: &Reported) -> String {
    format!("{}:{} {:?}", normalize_doc(&m.doc), m.line, m.text)
}

impl Planted {
    /// The index of the planted mention that a reported mention stands for,
    /// and whether it counts as covering that mention.
    fn place_of(&self, rep: &Reported) -> Option<(usize, bool)> {
        if let Some(i) = self.mentions.iter().position(|m| mention_matches(rep, m)) {
            return Some((i, true));
        }
        self.also
            .iter()
            .find(|m| mention_matches(rep, m))
            .and_then(|m| m.same_as.map(|i| (i, m.covers)))
    }

    fn index_of(&self, rep: &Reported) -> Option<usize> {
        self.place_of(rep).map(|(i, _)| i)
    }

    /// The planted mentions a reported conflict covers, when this item
    /// explains it: same kind, every mention stands for one of the item's
    /// mentions, and at least two different ones are named.
    fn explains(&self, c: &ReportedConflict) -> Option<BTreeSet<usize>> {
        if c.kind != self.kind {
            return None;
        }
        let places: Vec<(usize, bool)> = c
            .mentions
            .iter()
            .map(|m| self.place_of(m))
            .collect::<Option<_>>()?;
        let named: BTreeSet<usize> = places.iter().map(|&(i, _)| i).collect();
        let covered: BTreeSet<usize> = places.iter().filter(|p| p.1).map(|&(i, _)| i).collect();
        (named.len() >= 2).then_some(covered)
    }

    /// How many of the item's mentions a conflict of any kind touches.
    fn touched_by(&self, c: &ReportedConflict) -> BTreeSet<usize> {
        c.mentions.iter().filter_map(|m| self.index_of(m)).collect()
    }
}

fn str_field(v: &Value, key: &str) -> String {
    match v.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn parse_conflicts(report: &Value, key: &str) -> Vec<ReportedConflict> {
    let Some(list) = report.get(key).and_then(Value::as_array) else {
        return Vec::new();
    };
    list.iter()
        .map(|c| ReportedConflict {
            kind: str_field(c, "kind"),
            subject: str_field(c, "subject"),
            metric: str_field(c, "metric"),
            period: str_field(c, "period"),
            explanation: str_field(c, "explanation"),
            mentions: c
                .get("mentions")
                .and_then(Value::as_array)
                .map(|ms| {
                    ms.iter()
                        .map(|m| Reported {
                            doc: str_field(m, "doc"),
                            text: str_field(m, "text"),
                            line: m.get("line").and_then(Value::as_u64).unwrap_or(0),
                        })
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect()
}

fn run_binary() -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .current_dir(workspace_root())
        .args(["analyze", "fixtures/", "--json", "--no-cache"])
        .output()
        .expect("cannot run the crosscheck binary");
    assert!(
        out.status.success(),
        "crosscheck analyze fixtures/ exited with {}; stderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "the --json report does not parse: {e}\n{}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

fn describe_conflict(out: &mut String, n: usize, c: &ReportedConflict) {
    let _ = writeln!(
        out,
        "  #{n} {} | subject {:?} | metric {:?} | period {:?}",
        c.kind, c.subject, c.metric, c.period
    );
    if !c.explanation.is_empty() {
        let _ = writeln!(out, "      {}", c.explanation);
    }
    for m in &c.mentions {
        let _ = writeln!(out, "      - {}", show_reported(m));
    }
}

/// Reported mentions whose document and figure are in the ledger but on
/// another line: the most common reason for a silent miss.
fn line_hints(expected: &Expected, all: &[&ReportedConflict]) -> Vec<String> {
    let ledger: Vec<&Mention> = expected
        .conflicts
        .iter()
        .flat_map(|p| p.mentions.iter().chain(&p.also))
        .chain(expected.lookalikes.iter().flat_map(|l| &l.mentions))
        .collect();
    let mut hints = BTreeSet::new();
    for rep in all.iter().flat_map(|c| &c.mentions) {
        if ledger.iter().any(|exp| mention_matches(rep, exp)) {
            continue;
        }
        for exp in &ledger {
            if normalize_doc(&rep.doc) == exp.doc && rep.text.trim() == exp.text.trim() {
                hints.insert(format!(
                    "{}: the report puts {:?} on line {}, the file has it on line {}",
                    exp.doc, rep.text, rep.line, exp.line
                ));
            }
        }
    }
    hints.into_iter().collect()
}

/// A planted item is found when one conflict it explains covers all its mentions.
fn is_found(p: &Planted, conflicts: &[ReportedConflict]) -> bool {
    let all: BTreeSet<usize> = (0..p.mentions.len()).collect();
    conflicts
        .iter()
        .any(|c| p.explains(c).as_ref() == Some(&all))
}

/// A conflict that no planted item explains.
fn is_false_alarm(expected: &Expected, c: &ReportedConflict) -> bool {
    expected.conflicts.iter().all(|p| p.explains(c).is_none())
}

/// The look-alikes whose mentions a conflict puts together.
fn lookalikes_in<'a>(expected: &'a Expected, c: &ReportedConflict) -> Vec<&'a LookAlike> {
    expected
        .lookalikes
        .iter()
        .filter(|la| {
            la.mentions
                .iter()
                .filter(|m| c.mentions.iter().any(|r| mention_matches(r, m)))
                .count()
                >= 2
        })
        .collect()
}

#[test]
fn planted_conflicts_found_and_no_false_alarms() {
    let expected = load_expected();
    let report = run_binary();
    let conflicts = parse_conflicts(&report, "conflicts");
    let review = parse_conflicts(&report, "review");
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n=== crosscheck on fixtures/: {} documents, {} claims, {} conflicts, {} in review ===",
        report.get("documents").unwrap_or(&Value::Null),
        report.get("claims").unwrap_or(&Value::Null),
        conflicts.len(),
        review.len()
    );

    // Planted conflicts: found, or the nearest thing the report has.
    let mut per_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut missed = Vec::new();
    for p in &expected.conflicts {
        let found = is_found(p, &conflicts);
        let entry = per_kind.entry(p.kind.as_str()).or_default();
        entry.0 += 1;
        if found {
            entry.1 += 1;
        } else {
            missed.push(p);
        }
    }
    let _ = writeln!(out, "\nRecall per kind:");
    let (mut total, mut hit) = (0, 0);
    for kind in CONFLICT_KINDS {
        let (n, f) = per_kind.get(kind).copied().unwrap_or((0, 0));
        total += n;
        hit += f;
        let _ = writeln!(out, "  {kind:<11} {f:>2}/{n:<2}");
    }
    let _ = writeln!(out, "  {:<11} {hit:>2}/{total:<2}", "all");

    if !missed.is_empty() {
        let _ = writeln!(out, "\nMissed planted conflicts ({}):", missed.len());
        for p in &missed {
            let _ = writeln!(out, "- {} [{}] {}", p.id, p.kind, p.description);
            for m in &p.mentions {
                let _ = writeln!(out, "      want {}", show(m));
            }
            let near: Vec<String> = conflicts
                .iter()
                .enumerate()
                .map(|(i, c)| (format!("conflict #{i}"), c))
                .chain(
                    review
                        .iter()
                        .enumerate()
                        .map(|(i, c)| (format!("review #{i}"), c)),
                )
                .filter_map(|(name, c)| {
                    let t = p.touched_by(c);
                    (!t.is_empty()).then(|| {
                        format!(
                            "{name} ({}) covers mentions {:?} of {}",
                            c.kind,
                            t,
                            p.mentions.len()
                        )
                    })
                })
                .collect();
            if near.is_empty() {
                let _ = writeln!(out, "      nothing in the report touches these figures");
            }
            for n in near {
                let _ = writeln!(out, "      nearest: {n}");
            }
        }
    }

    // False alarms: conflicts no planted item explains.
    let false_alarms: Vec<(usize, &ReportedConflict)> = conflicts
        .iter()
        .enumerate()
        .filter(|(_, c)| is_false_alarm(&expected, c))
        .collect();
    let mut flagged_lookalikes = BTreeSet::new();
    if !false_alarms.is_empty() {
        let _ = writeln!(out, "\nFalse alarms ({}):", false_alarms.len());
        for (i, c) in &false_alarms {
            describe_conflict(&mut out, *i, c);
            for la in lookalikes_in(&expected, c) {
                flagged_lookalikes.insert(la.id.as_str());
                let _ = writeln!(
                    out,
                    "      flags look-alike {} [{}]: {}",
                    la.id, la.kind, la.description
                );
            }
            for p in &expected.conflicts {
                if !p.touched_by(c).is_empty() {
                    let _ = writeln!(
                        out,
                        "      touches planted {} [{}] (kind or mentions differ)",
                        p.id, p.kind
                    );
                }
            }
        }
    }

    let _ = writeln!(out, "\nLook-alikes held per kind:");
    let mut la_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for la in &expected.lookalikes {
        let e = la_kind.entry(la.kind.as_str()).or_default();
        e.0 += 1;
        if !flagged_lookalikes.contains(la.id.as_str()) {
            e.1 += 1;
        }
    }
    for kind in LOOKALIKE_KINDS {
        let (n, held) = la_kind.get(kind).copied().unwrap_or((0, 0));
        let _ = writeln!(out, "  {kind:<16} {held:>2}/{n:<2}");
    }

    if !review.is_empty() {
        let _ = writeln!(
            out,
            "\nWorth a look (the report's review list, not scored):"
        );
        for (i, c) in review.iter().enumerate() {
            describe_conflict(&mut out, i, c);
        }
    }

    let all_reported: Vec<&ReportedConflict> = conflicts.iter().chain(&review).collect();
    let hints = line_hints(&expected, &all_reported);
    if !hints.is_empty() {
        let _ = writeln!(
            out,
            "\nLine mismatches (doc and figure match, line does not):"
        );
        for h in hints {
            let _ = writeln!(out, "  {h}");
        }
    }
    println!("{out}");

    assert!(
        missed.is_empty() && false_alarms.is_empty() && flagged_lookalikes.is_empty(),
        "{} of {} planted conflicts missed, {} false alarms, {} look-alikes flagged (details above)",
        missed.len(),
        expected.conflicts.len(),
        false_alarms.len(),
        flagged_lookalikes.len()
    );
}

/// The corpus files a folder run reads: `.txt`, `.md`, `.html` under
/// `fixtures/`, minus what `fixtures/.ignore` keeps out.
fn corpus_files() -> Vec<String> {
    let dir = workspace_root().join("fixtures");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures/ is readable")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.') && n != "README.md")
        .filter(|n| n.ends_with(".txt") || n.ends_with(".md") || n.ends_with(".html"))
        .map(|n| format!("fixtures/{n}"))
        .collect();
    files.sort();
    files
}

fn file_lines(doc: &str) -> Vec<String> {
    let path = workspace_root().join(doc);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .split('\n')
        .map(str::to_string)
        .collect()
}

#[test]
fn corpus_is_consistent() {
    let expected = load_expected();
    let mut problems = Vec::new();

    // The documents.
    let files = corpus_files();
    if files != expected.documents {
        problems.push(format!(
            "expected.json lists documents {:?}, fixtures/ holds {:?}",
            expected.documents, files
        ));
    }
    if files.len() < MIN_DOCUMENTS {
        problems.push(format!(
            "{} documents, want at least {MIN_DOCUMENTS}",
            files.len()
        ));
    }
    for ext in [".txt", ".md", ".html"] {
        let n = files.iter().filter(|f| f.ends_with(ext)).count();
        if n < MIN_PER_EXTENSION {
            problems.push(format!(
                "{n} {ext} documents, want at least {MIN_PER_EXTENSION}"
            ));
        }
    }

    // Every mention is on its line.
    let mut cache: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut check = |owner: &str, m: &Mention, problems: &mut Vec<String>| {
        if !files.contains(&m.doc) {
            problems.push(format!("{owner}: {} is not a corpus document", m.doc));
            return;
        }
        let lines = cache
            .entry(m.doc.clone())
            .or_insert_with(|| file_lines(&m.doc));
        let ok = usize::try_from(m.line)
            .ok()
            .and_then(|l| l.checked_sub(1))
            .and_then(|i| lines.get(i))
            .is_some_and(|line| contains_at_boundary(line, &m.text));
        if !ok {
            problems.push(format!("{owner}: {} is not on that line", show(m)));
        }
    };
    let mut ids = BTreeSet::new();
    for p in &expected.conflicts {
        if !ids.insert(p.id.as_str()) {
            problems.push(format!("duplicate id {}", p.id));
        }
        if !CONFLICT_KINDS.contains(&p.kind.as_str()) {
            problems.push(format!("{}: unknown conflict kind {:?}", p.id, p.kind));
        }
        if p.mentions.len() < 2 {
            problems.push(format!("{}: a conflict names at least two mentions", p.id));
        }
        if p.description.trim().is_empty() {
            problems.push(format!("{}: no description", p.id));
        }
        let docs: BTreeSet<&str> = p.mentions.iter().map(|m| m.doc.as_str()).collect();
        match p.kind.as_str() {
            "self" | "sum" if docs.len() != 1 => problems.push(format!(
                "{}: a {} conflict lies within one document",
                p.id, p.kind
            )),
            "value" | "correction" | "period" if docs.len() < 2 => {
                problems.push(format!("{}: a {} conflict spans documents", p.id, p.kind))
            }
            _ => {}
        }
        for m in &p.mentions {
            check(&p.id, m, &mut problems);
        }
        for m in &p.also {
            check(&p.id, m, &mut problems);
            if m.same_as.is_none_or(|i| i >= p.mentions.len()) {
                problems.push(format!(
                    "{}: {} needs same_as < {}",
                    p.id,
                    show(m),
                    p.mentions.len()
                ));
            }
        }
    }
    for la in &expected.lookalikes {
        if !ids.insert(la.id.as_str()) {
            problems.push(format!("duplicate id {}", la.id));
        }
        if !LOOKALIKE_KINDS.contains(&la.kind.as_str()) {
            problems.push(format!("{}: unknown look-alike kind {:?}", la.id, la.kind));
        }
        if la.mentions.len() < 2 {
            problems.push(format!(
                "{}: a look-alike names at least two mentions",
                la.id
            ));
        }
        for m in &la.mentions {
            check(&la.id, m, &mut problems);
        }
        // A look-alike pair must not be two sides of a planted conflict.
        for p in &expected.conflicts {
            let sides: BTreeSet<usize> = la
                .mentions
                .iter()
                .filter_map(|m| {
                    let rep = Reported {
                        doc: m.doc.clone(),
                        text: m.text.clone(),
                        line: m.line,
                    };
                    p.index_of(&rep)
                })
                .collect();
            if sides.len() >= 2 {
                problems.push(format!(
                    "{} pairs figures that planted {} sets against each other",
                    la.id, p.id
                ));
            }
        }
    }

    // Coverage.
    if expected.conflicts.len() < MIN_CONFLICTS {
        problems.push(format!(
            "{} planted conflicts, want at least {MIN_CONFLICTS}",
            expected.conflicts.len()
        ));
    }
    if expected.lookalikes.len() < MIN_LOOKALIKES {
        problems.push(format!(
            "{} look-alikes, want at least {MIN_LOOKALIKES}",
            expected.lookalikes.len()
        ));
    }
    for kind in CONFLICT_KINDS {
        let n = expected.conflicts.iter().filter(|p| p.kind == kind).count();
        if n < MIN_PER_KIND {
            problems.push(format!(
                "{n} planted {kind} conflicts, want at least {MIN_PER_KIND}"
            ));
        }
    }
    for kind in LOOKALIKE_KINDS {
        let n = expected
            .lookalikes
            .iter()
            .filter(|l| l.kind == kind)
            .count();
        if n < MIN_PER_KIND {
            problems.push(format!(
                "{n} {kind} look-alikes, want at least {MIN_PER_KIND}"
            ));
        }
    }

    check_entity_gold(&files, &mut problems);
    check_claim_gold(&files, &mut problems);

    assert!(
        problems.is_empty(),
        "fixture corpus problems:\n  {}",
        problems.join("\n  ")
    );
}

/// `fixtures/gold/entities.jsonl`: one line per document, offsets that hold
/// their text, known labels, spans in order and not overlapping.
fn check_entity_gold(files: &[String], problems: &mut Vec<String>) {
    const LABELS: [&str; 4] = ["COMPANY", "PLACE", "PERSON", "ORGANIZATION"];
    let path = workspace_root().join("fixtures/gold/entities.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        problems.push(format!("{} is missing", path.display()));
        return;
    };
    let mut seen = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let owner = format!("gold line {}", n + 1);
        let v: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                problems.push(format!("{owner}: {e}"));
                continue;
            }
        };
        let doc = str_field(&v, "doc");
        let Ok(bytes) = std::fs::read(workspace_root().join(&doc)) else {
            problems.push(format!("{owner}: cannot read {doc}"));
            continue;
        };
        seen.push(doc.clone());
        let mut last_end = 0;
        for e in v
            .get("entities")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let start = e.get("start").and_then(Value::as_u64).unwrap_or(u64::MAX) as usize;
            let end = e.get("end").and_then(Value::as_u64).unwrap_or(0) as usize;
            let want = str_field(e, "text");
            let label = str_field(e, "label");
            let got = bytes.get(start..end).map(String::from_utf8_lossy);
            if got.as_deref() != Some(want.as_str()) {
                problems.push(format!(
                    "{owner} {doc} [{start},{end}): {got:?} is not {want:?}"
                ));
            }
            if !LABELS.contains(&label.as_str()) {
                problems.push(format!("{owner} {doc} {want:?}: unknown label {label:?}"));
            }
            if start < last_end {
                problems.push(format!(
                    "{owner} {doc} {want:?}: out of order or overlapping"
                ));
            }
            last_end = end;
        }
    }
    if seen != files {
        problems.push(format!("gold covers {seen:?}, the corpus is {files:?}"));
    }
}

/// `fixtures/gold/claims.jsonl`: offsets that hold their text, on the line
/// given, with every field filled.
fn check_claim_gold(files: &[String], problems: &mut Vec<String>) {
    let path = workspace_root().join("fixtures/gold/claims.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        problems.push(format!("{} is missing", path.display()));
        return;
    };
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let owner = format!("claim gold line {}", n + 1);
        let v: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                problems.push(format!("{owner}: {e}"));
                continue;
            }
        };
        let doc = str_field(&v, "doc");
        if !files.contains(&doc) {
            problems.push(format!("{owner}: {doc} is not a corpus document"));
            continue;
        }
        let Ok(bytes) = std::fs::read(workspace_root().join(&doc)) else {
            problems.push(format!("{owner}: cannot read {doc}"));
            continue;
        };
        let start = v.get("start").and_then(Value::as_u64).unwrap_or(u64::MAX) as usize;
        let end = v.get("end").and_then(Value::as_u64).unwrap_or(0) as usize;
        let want = str_field(&v, "text");
        let got = bytes.get(start..end).map(String::from_utf8_lossy);
        if got.as_deref() != Some(want.as_str()) {
            problems.push(format!(
                "{owner} {doc} [{start},{end}): {got:?} is not {want:?}"
            ));
        }
        let line_no = bytes
            .get(..start)
            .map(|b| b.iter().filter(|&&c| c == b'\n').count() + 1);
        if line_no != v.get("line").and_then(Value::as_u64).map(|l| l as usize) {
            problems.push(format!("{owner} {doc} {want:?}: not on line {line_no:?}"));
        }
        for key in ["subject", "metric", "period"] {
            if str_field(&v, key).is_empty() {
                problems.push(format!("{owner} {doc} {want:?}: no {key}"));
            }
        }
        if !v.get("change").is_some_and(Value::is_boolean) {
            problems.push(format!(
                "{owner} {doc} {want:?}: change must be true or false"
            ));
        }
    }
}

fn as_reported(m: &Mention) -> Reported {
    Reported {
        doc: m.doc.clone(),
        text: m.text.clone(),
        line: m.line,
    }
}

fn synthetic(kind: &str, mentions: &[&Mention]) -> ReportedConflict {
    ReportedConflict {
        kind: kind.to_string(),
        subject: String::new(),
        metric: String::new(),
        period: String::new(),
        explanation: String::new(),
        mentions: mentions.iter().map(|m| as_reported(m)).collect(),
    }
}

fn planted<'a>(expected: &'a Expected, id: &str) -> &'a Planted {
    expected
        .conflicts
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no planted item {id}"))
}

/// The yardstick's own rules, on synthetic reports built from the ledger: a
/// perfect report scores perfectly, and each way of being wrong is caught.
#[test]
fn yardstick_scores_synthetic_reports() {
    let expected = load_expected();

    // A perfect report: one conflict per planted item, nothing else.
    let perfect: Vec<ReportedConflict> = expected
        .conflicts
        .iter()
        .map(|p| synthetic(&p.kind, &p.mentions.iter().collect::<Vec<_>>()))
        .collect();
    for p in &expected.conflicts {
        assert!(
            is_found(p, &perfect),
            "{} not found in a perfect report",
            p.id
        );
    }
    for c in &perfect {
        assert!(
            !is_false_alarm(&expected, c),
            "a planted conflict counted as a false alarm"
        );
    }

    // The wrong kind finds nothing and is a false alarm.
    let v1 = planted(&expected, "V1");
    let wrong_kind = synthetic("self", &v1.mentions.iter().collect::<Vec<_>>());
    assert!(!is_found(v1, std::slice::from_ref(&wrong_kind)));
    assert!(is_false_alarm(&expected, &wrong_kind));

    // A restatement may stand for a mention; two restatements of one side may not conflict.
    let v2 = planted(&expected, "V2");
    let other_side: Vec<&Mention> = v2.also.iter().filter(|m| m.same_as == Some(1)).collect();
    let pair = synthetic("value", &[&v2.mentions[0], other_side[0]]);
    assert!(is_found(v2, std::slice::from_ref(&pair)));
    let same_side = synthetic("value", &[&v2.mentions[1], other_side[0]]);
    assert!(is_false_alarm(&expected, &same_side));

    // A correction must name the document that printed the wrong figure.
    let c1 = planted(&expected, "C1");
    let notice_only: Vec<&Mention> = std::iter::once(&c1.mentions[0])
        .chain(c1.also.iter().filter(|m| !m.covers))
        .collect();
    assert!(
        notice_only.len() == 2,
        "C1 lists the notice's quotation of the wrong figure"
    );
    assert!(!is_found(c1, &[synthetic("correction", &notice_only)]));

    // Every look-alike put into a conflict of its own is a flagged false alarm.
    for la in &expected.lookalikes {
        let c = synthetic("value", &la.mentions.iter().collect::<Vec<_>>());
        assert!(
            is_false_alarm(&expected, &c),
            "{} in a conflict is not a false alarm",
            la.id
        );
        assert!(
            lookalikes_in(&expected, &c).iter().any(|l| l.id == la.id),
            "{} not recognised",
            la.id
        );
    }

    // Figure texts match at token boundaries, either way round.
    assert!(texts_match("up 41.3% year-on-year", "41.3%"));
    assert!(texts_match("RMB 1.82", "RMB 1.82 billion"));
    assert!(!texts_match("12.4 billion yuan", "2.4 billion yuan"));
    assert!(!texts_match("5.55 trillion yuan", "5 trillion yuan"));
    assert_eq!(normalize_doc("./fixtures//a.txt"), "fixtures/a.txt");
}
