//! `cargo xtask score-report`: holds a consistency report over a generated
//! corpus against the generator's answer key, so the report's precision
//! and recall are measured rather than sampled.
//!
//! The generator writes every figure a document states, the fact it is
//! about (`subject|metric|period`) and whether its value is a planted
//! misreport into the corpus folder's answer key. A report's conflict is
//! scored by finding its mentions in that key (same document, same text):
//! - it is *planted* when two of its mentions state the same fact with
//!   different values meant (a planted misreport, or two cities of one
//!   region that the generated world gives different figures; for a
//!   `period` conflict: two periods of the same series, either of them a
//!   misreport or a disputed fact; for a `sum` conflict: the document's parts were planted
//!   not to add up);
//! - it is a *false alarm* when its mentions are found but no pair of them
//!   is planted: the same fact with agreeing values, or figures about
//!   different facts grouped together;
//! - it is *unscored* when no two mentions the report read differently
//!   are figures the key knows (forecast ranges, counts of engineers,
//!   shares in words...).
//!
//! Only mentions the report read differently are paired: those it read
//! alike corroborate each other within the conflict.
//!
//! Recall counts the disputed facts (a fact written with two different
//! values) for which some conflict is planted, and the bad sums found.

use crate::corpus::ANSWER_KEY;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

const USAGE: &str = "usage: cargo xtask score-report --corpus DIR REPORT.json [--show N]

  --corpus DIR   a folder made by `cargo xtask corpus` (holds its answer key)
  REPORT.json    `crosscheck analyze DIR --json` over that folder
  --show N       print N false alarms of each cause (default 3)";

/// One line of the answer key.
struct Written {
    key: String,
    series: String,
    text: String,
    value: f64,
    wrong: bool,
    role: String,
    /// A part's total's key (`of` in the key file).
    of: Option<String>,
}

impl Written {
    fn differs(&self, other: &Written) -> bool {
        (self.value - other.value).abs() > 1e-9 * self.value.abs().max(other.value.abs())
    }
}

/// Why a conflict is not a planted one, from the mildest: a conflict
/// whose pairs fail for several reasons is put down to the gravest.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Cause {
    /// Same fact, values that agree (beyond rounding the report did not
    /// allow for, or the same misreport twice).
    AgreeingValues,
    /// Same subject and metric, different periods (not a `period` check).
    OtherPeriod,
    /// Same subject, different metrics.
    OtherMetric,
    /// Figures about different subjects.
    OtherSubject,
    /// A `sum` conflict in a document whose parts add up.
    SumThatAddsUp,
    /// An analyst's estimate set against another figure: a forecast that
    /// misses is no conflict.
    Forecast,
}

enum Verdict {
    Planted(Vec<String>),
    False(Cause),
    Unscored,
}

pub fn cmd(args: &[String]) -> Result<(), String> {
    let mut corpus = None;
    let mut report = None;
    let mut show = 3usize;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--corpus" => corpus = it.next().cloned(),
            "--show" => {
                show = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--show needs a number")?
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            _ if report.is_none() => report = Some(a.clone()),
            _ => return Err(format!("unexpected argument {a}\n{USAGE}")),
        }
    }
    let (Some(corpus), Some(report)) = (corpus, report) else {
        return Err(USAGE.into());
    };
    let corpus = Path::new(&corpus);
    let key = read_key(&corpus.join(ANSWER_KEY))?;
    let text = std::fs::read_to_string(&report).map_err(|e| format!("{report}: {e}"))?;
    let report: Value = serde_json::from_str(&text).map_err(|e| format!("{report}: {e}"))?;
    let root = corpus.to_string_lossy().trim_end_matches('/').to_string() + "/";
    for list in ["conflicts", "review"] {
        let Some(items) = report.get(list).and_then(Value::as_array) else {
            continue;
        };
        score_list(list, items, &key, &root, show);
    }
    Ok(())
}

fn read_key(path: &Path) -> Result<HashMap<String, Vec<Written>>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "{}: {e} (made by `cargo xtask corpus` since generator version 3)",
            path.display()
        )
    })?;
    let mut by_doc: HashMap<String, Vec<Written>> = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        let v: Value =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
        by_doc.entry(s("doc")).or_default().push(Written {
            key: s("key"),
            series: s("series"),
            text: normal(&s("text")),
            value: v["value"].as_f64().unwrap_or(f64::NAN),
            wrong: v["wrong"].as_bool().unwrap_or(false),
            role: s("role"),
            of: v["of"].as_str().map(str::to_string),
        });
    }
    Ok(by_doc)
}

/// Lower case, every run of white space one space: a report quotes the
/// extracted text, where `&nbsp;` is a no-break space.
fn normal(s: &str) -> String {
    s.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The answer-key lines a mention may be.
fn candidates<'k>(
    m: &Value,
    key: &'k HashMap<String, Vec<Written>>,
    root: &str,
) -> Vec<&'k Written> {
    let doc = m["doc"].as_str().unwrap_or_default();
    let doc = doc.strip_prefix(root).unwrap_or(doc);
    let text = normal(m["text"].as_str().unwrap_or_default());
    if text.is_empty() {
        return vec![];
    }
    let Some(ws) = key.get(doc) else {
        return vec![];
    };
    let exact: Vec<&Written> = ws.iter().filter(|w| w.text == text).collect();
    if !exact.is_empty() {
        return exact;
    }
    ws.iter()
        .filter(|w| contains_word(&w.text, &text) || contains_word(&text, &w.text))
        .collect()
}

/// `outer` holds `inner` with no letter or digit glued to either side
/// (`14 per cent` does not hold `4 per cent`).
fn contains_word(outer: &str, inner: &str) -> bool {
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '.');
    outer.match_indices(inner).any(|(at, _)| {
        !glued(outer[..at].chars().next_back()) && !glued(outer[at + inner.len()..].chars().next())
    })
}

fn field(k: &str, i: usize) -> &str {
    k.split('|').nth(i).unwrap_or_default()
}

fn verdict(
    c: &Value,
    key: &HashMap<String, Vec<Written>>,
    root: &str,
    bad_sum_docs: &HashSet<&str>,
    disputed: &HashSet<&str>,
) -> Verdict {
    let kind = c["kind"].as_str().unwrap_or_default();
    let mentions: Vec<&Value> = c["mentions"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    if kind == "sum" {
        let doc = mentions
            .first()
            .and_then(|m| m["doc"].as_str())
            .unwrap_or_default();
        let doc = doc.strip_prefix(root).unwrap_or(doc);
        if !key.contains_key(doc) {
            return Verdict::Unscored;
        }
        return if bad_sum_docs.contains(doc) {
            Verdict::Planted(vec![format!("sum in {doc}")])
        } else {
            Verdict::False(Cause::SumThatAddsUp)
        };
    }
    // Each mention the key knows, with the value the report read in it.
    let found: Vec<(&str, Vec<&Written>)> = mentions
        .iter()
        .map(|m| {
            let read = m["normalized"].as_str().unwrap_or_default();
            (read, candidates(m, key, root))
        })
        .filter(|(_, c)| !c.is_empty())
        .collect();
    let mut planted = vec![];
    let mut cause = None::<Cause>;
    let mut judged = false;
    for (i, (read_a, a)) in found.iter().enumerate() {
        for (read_b, b) in &found[i + 1..] {
            // Mentions the report read alike corroborate each other inside
            // the conflict; the disagreement is between the others.
            if read_a == read_b {
                continue;
            }
            judged = true;
            for x in a {
                for y in b {
                    let hit = if kind == "period" {
                        // A part is off where its total is.
                        let off = |w: &Written| {
                            w.wrong
                                || disputed.contains(w.key.as_str())
                                || w.of.as_deref().is_some_and(|k| disputed.contains(k))
                        };
                        x.series == y.series && x.key != y.key && (off(x) || off(y))
                    } else {
                        x.key == y.key
                            && x.differs(y)
                            && x.role != "forecast"
                            && y.role != "forecast"
                    };
                    if hit {
                        planted.push(x.key.clone());
                        continue;
                    }
                    // Why this pair is not planted.
                    let why = if x.role == "forecast" || y.role == "forecast" {
                        Cause::Forecast
                    } else if x.key == y.key {
                        Cause::AgreeingValues
                    } else if field(&x.key, 0) != field(&y.key, 0) {
                        Cause::OtherSubject
                    } else if field(&x.key, 1) != field(&y.key, 1) {
                        Cause::OtherMetric
                    } else {
                        Cause::OtherPeriod
                    };
                    cause = Some(cause.map_or(why, |c| c.max(why)));
                }
            }
        }
    }
    if !judged {
        return Verdict::Unscored;
    }
    if !planted.is_empty() {
        planted.sort();
        planted.dedup();
        Verdict::Planted(planted)
    } else {
        Verdict::False(cause.unwrap_or(Cause::AgreeingValues))
    }
}

fn score_list(
    name: &str,
    items: &[Value],
    key: &HashMap<String, Vec<Written>>,
    root: &str,
    show: usize,
) {
    // Disputed facts: written with two different values somewhere (a
    // correction notice's pair counts: it is there to be found against
    // the slip).
    let mut values: HashMap<&str, Vec<&Written>> = HashMap::new();
    let mut bad_sum_docs: HashSet<&str> = HashSet::new();
    for (doc, ws) in key {
        for w in ws {
            match w.role.as_str() {
                "bad-sum-part" => {
                    bad_sum_docs.insert(doc);
                }
                "sum-part" | "forecast" => {}
                _ => values.entry(&w.key).or_default().push(w),
            }
        }
    }
    let planted_facts: HashSet<&str> = values
        .iter()
        .filter(|(_, ws)| ws.iter().any(|w| w.differs(ws[0])))
        .map(|(k, _)| *k)
        .collect();
    // What recall asks the report to find. A correction notice's slip
    // (`the correct figure is X, not Y as originally reported`) is a
    // figure no document in the folder states unless another writes it:
    // the notice settles it, so it disputes nothing by itself (reporting
    // the notice's own pair, or the slip against a third document's X,
    // would be a false alarm). Any other two different values, in two
    // documents or in one, are to be found.
    let to_find: HashSet<&str> = values
        .iter()
        .filter(|(_, ws)| {
            let stated: Vec<&Written> = ws
                .iter()
                .copied()
                .filter(|w| !(w.role == "correction" && w.wrong))
                .collect();
            stated.iter().any(|w| w.differs(stated[0]))
        })
        .map(|(k, _)| *k)
        .collect();
    let mut found_facts: HashSet<String> = HashSet::new();
    let mut found_sums: HashSet<String> = HashSet::new();
    let (mut hits, mut unscored) = (0usize, 0usize);
    let mut by_kind: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    let mut falses: BTreeMap<Cause, Vec<&Value>> = BTreeMap::new();
    for c in items {
        let kind = c["kind"].as_str().unwrap_or("?");
        let slot = by_kind.entry(kind).or_default();
        match verdict(c, key, root, &bad_sum_docs, &planted_facts) {
            Verdict::Planted(keys) => {
                hits += 1;
                slot[0] += 1;
                for k in keys {
                    if kind == "sum" {
                        found_sums.insert(k);
                    } else {
                        found_facts.insert(k);
                    }
                }
            }
            Verdict::False(cause) => {
                slot[1] += 1;
                falses.entry(cause).or_default().push(c);
            }
            Verdict::Unscored => {
                unscored += 1;
                slot[2] += 1;
            }
        }
    }
    let false_alarms: usize = falses.values().map(Vec::len).sum();
    let scored = hits + false_alarms;
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    let found_planted = to_find.iter().filter(|k| found_facts.contains(**k)).count();
    println!("## {name}: {} items", items.len());
    println!(
        "scored {scored} (both ends in the answer key), unscored {unscored}; \
         planted {hits}, false alarms {false_alarms}: precision {:.1}%",
        pct(hits, scored)
    );
    println!(
        "recall: disputed facts {} found of {} ({:.1}%); bad sums {} found of {} ({:.1}%)",
        found_planted,
        to_find.len(),
        pct(found_planted, to_find.len()),
        found_sums.len(),
        bad_sum_docs.len(),
        pct(found_sums.len(), bad_sum_docs.len())
    );
    println!(
        "  (not asked for: {} facts disputed only by a correction notice's slip, which no other document writes)",
        planted_facts.len() - to_find.len()
    );
    println!("by kind (planted / false / unscored):");
    for (k, [p, f, u]) in &by_kind {
        println!("  {k:<11} {p:>6} {f:>6} {u:>6}");
    }
    println!("false alarms by cause:");
    for (cause, list) in &falses {
        println!("  {cause:?}: {}", list.len());
        for c in list.iter().take(show) {
            println!(
                "    - {} | {} | {} | {}",
                c["subject"].as_str().unwrap_or_default(),
                c["metric"].as_str().unwrap_or_default(),
                c["period"].as_str().unwrap_or_default(),
                c["explanation"].as_str().unwrap_or_default()
            );
            for m in c["mentions"].as_array().into_iter().flatten().take(4) {
                let doc = m["doc"].as_str().unwrap_or_default();
                println!(
                    "        {} [{}] {}",
                    doc.strip_prefix(root).unwrap_or(doc),
                    m["text"].as_str().unwrap_or_default(),
                    m["sentence"].as_str().unwrap_or_default()
                );
            }
        }
    }
    println!();
}
