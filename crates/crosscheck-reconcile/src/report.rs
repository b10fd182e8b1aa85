//! The consistency report: conflicts, pairs worth a look, corroborations.

use crate::claims::flags;
use crate::interval::{Interval, Verdict};
use crate::lexicon::is_flow;
use crate::table::{ClaimTable, ClaimsView};
use crate::{Claim, Sym};
use crosscheck_numbers::{Basis, Period};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// Text a report holds many times over (a document's path in each of its
/// mentions, the same period in thousands): shared, not copied. A report
/// can hold hundreds of thousands of mentions; copies made it the largest
/// thing a run held.
pub type Shared = Arc<str>;

/// Text that is most often one of the program's own words (`exact`, a
/// unit, a subject's interned name), kept without a copy.
pub type Word = Cow<'static, str>;

/// The kinds of conflict the contract names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConflictKind {
    /// Same subject, metric and period, incompatible values.
    Value,
    /// A document contradicts itself.
    #[serde(rename = "self")]
    SelfContradiction,
    /// A correction notice against the figure it corrects.
    Correction,
    /// Parts that do not add up to the stated total.
    Sum,
    /// A stated share its parts contradict.
    Share,
    /// A longer cumulative period smaller than a shorter one inside it.
    Period,
}

impl ConflictKind {
    /// The contract's name.
    pub fn as_str(&self) -> &'static str {
        match self {
            ConflictKind::Value => "value",
            ConflictKind::SelfContradiction => "self",
            ConflictKind::Correction => "correction",
            ConflictKind::Sum => "sum",
            ConflictKind::Share => "share",
            ConflictKind::Period => "period",
        }
    }
}

/// One figure as it appears in a conflict or corroboration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The document's path.
    pub doc: Shared,
    /// First byte of the figure (in the file once [`Report::fill_text`] ran).
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The figure's text (filled by [`Report::fill_text`]).
    pub text: String,
    /// Its normalized value (null for a range).
    pub value: Option<f64>,
    /// The range `[lo, hi]` of a range or bound, a side null where open.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub range: Option<(Option<f64>, Option<f64>)>,
    /// Its unit.
    pub unit: Option<Word>,
    /// `exact`, `over`, `under` or `about`.
    #[serde(default)]
    pub approx: Word,
    /// The figure normalized for reading: `43 billion CNY`, `over 33%`.
    #[serde(default)]
    pub normalized: String,
    /// The figure's period, ISO 8601.
    #[serde(default)]
    pub period: Option<Shared>,
    /// 1-based line.
    pub line: u32,
    /// The sentence holding it (filled by [`Report::fill_text`]).
    pub sentence: String,
    /// First byte of the sentence.
    #[serde(default)]
    pub sentence_start: usize,
    /// One past the sentence's last byte.
    #[serde(default)]
    pub sentence_end: usize,
    /// `correction` or `retracted` for the figures of a correction notice.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub role: Option<Word>,
    /// True when the claim's subject, metric or period was guessed.
    #[serde(default)]
    pub guessed: bool,
    /// The document's index in the run.
    #[serde(skip)]
    pub doc_index: u32,
    #[serde(skip)]
    filled: bool,
}

/// Figures that cannot all be true.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// Which check found it.
    pub kind: ConflictKind,
    /// Who or what the figures are about.
    pub subject: Word,
    /// What they measure.
    pub metric: Word,
    /// Qualifiers that narrow the metric (destinations, segments), `; `-joined.
    #[serde(default)]
    pub scope: Word,
    /// The period, ISO 8601.
    pub period: Option<Shared>,
    /// One sentence saying why this is not a rounding or another period.
    pub explanation: String,
    /// The normalized values compared, in mention order.
    #[serde(default)]
    pub values: Vec<String>,
    /// Two or more mentions.
    pub mentions: Vec<Mention>,
}

/// The same figure stated in more than one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corroboration {
    /// Who or what the figures are about.
    pub subject: Word,
    /// What they measure.
    pub metric: Word,
    /// Qualifiers that narrow the metric.
    #[serde(default)]
    pub scope: Word,
    /// The period, ISO 8601.
    pub period: Option<Shared>,
    /// How many documents state it.
    #[serde(default)]
    pub documents: usize,
    /// The agreeing mentions.
    pub mentions: Vec<Mention>,
}

/// The consistency report over all documents.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Report {
    /// Documents read.
    pub documents: usize,
    /// Claims compared.
    pub claims: usize,
    /// Conflicts, in a stable order (kind, subject, metric, period).
    pub conflicts: Vec<Conflict>,
    /// Pairs worth a look, where key extraction was unsure or the gap is within rounding.
    pub review: Vec<Conflict>,
    /// Figures stated alike in several documents.
    pub corroborations: Vec<Corroboration>,
    /// How many figures are corroborated; `corroborations` lists the first
    /// [`MAX_CORROBORATIONS`] of them.
    #[serde(default)]
    pub corroborated: usize,
}

/// Most mentions listed for one conflict or corroboration.
const MAX_MENTIONS: usize = 12;
/// Most corroborations listed (all are counted in [`Report::corroborated`]).
pub const MAX_CORROBORATIONS: usize = 10_000;

impl Report {
    /// Indices of the documents whose mentions still need their text.
    pub fn documents_to_fill(&self) -> Vec<u32> {
        self.unfilled().documents()
    }

    /// Fills the figure and sentence texts of document `doc`'s mentions from
    /// its plain text, and moves their offsets to the file's with `to_file`.
    /// Reconciliation itself holds no texts; the caller reads back only the
    /// documents named in the report. `line_of` gives the 1-based line of a
    /// file offset, when the file's lines differ from the text's (markup).
    ///
    /// Each call walks every mention of the report: to fill many documents,
    /// hand them to [`Report::fill_texts`] in batches instead.
    pub fn fill_text(
        &mut self,
        doc: u32,
        text: &str,
        to_file: &(dyn Fn(usize) -> usize + Sync),
        line_of: Option<&(dyn Fn(usize) -> u32 + Sync)>,
    ) {
        self.fill_texts(&[TextSource {
            doc,
            text,
            to_file,
            line_of,
        }]);
    }

    /// [`Report::fill_text`] for a batch of documents in one walk over the
    /// mentions, so that filling N documents in batches of B costs N / B
    /// walks, not N.
    ///
    /// ```
    /// use crosscheck_reconcile::{Report, TextSource};
    /// let mut report = Report::default();
    /// let text = "Exports reached 43 billion yuan.";
    /// report.fill_texts(&[TextSource { doc: 0, text, to_file: &|o| o, line_of: None }]);
    /// assert!(report.documents_to_fill().is_empty());
    /// ```
    pub fn fill_texts(&mut self, sources: &[TextSource<'_>]) {
        let unfilled = self.unfilled();
        self.fill_texts_in(&unfilled, sources);
    }

    /// Where the report's mentions still without text are, by document:
    /// built once, it lets [`Report::fill_texts_in`] visit, for each batch
    /// of documents, only their mentions instead of the whole report.
    ///
    /// ```
    /// use crosscheck_reconcile::{extract_claims, reconcile, DocView, TextSource};
    /// let texts = ["In 2025, Zhejiang's exports reached 43 billion yuan.",
    ///              "In 2025, Zhejiang's exports reached 34 billion yuan."];
    /// let mut claims = Vec::new();
    /// for (i, t) in texts.iter().enumerate() {
    ///     claims.extend(extract_claims(&DocView::analyze(i as u32, t)));
    /// }
    /// let mut report = reconcile(&claims, &["a.txt".into(), "b.txt".into()]);
    /// let unfilled = report.unfilled();
    /// assert_eq!(unfilled.documents(), [0, 1]);
    /// for (d, text) in texts.iter().enumerate() {
    ///     let source = TextSource { doc: d as u32, text, to_file: &|o| o, line_of: None };
    ///     report.fill_texts_in(&unfilled, &[source]);
    /// }
    /// assert!(report.documents_to_fill().is_empty());
    /// assert_eq!(report.conflicts[0].mentions[0].text, "34 billion yuan");
    /// ```
    pub fn unfilled(&self) -> Unfilled {
        let mut at = Vec::new();
        let lists = [&self.conflicts, &self.review];
        for (list, items) in lists.iter().enumerate() {
            for (item, c) in items.iter().enumerate() {
                for (k, m) in c.mentions.iter().enumerate() {
                    if !m.filled {
                        at.push((m.doc_index, list as u8, item as u32, k as u32));
                    }
                }
            }
        }
        for (item, c) in self.corroborations.iter().enumerate() {
            for (k, m) in c.mentions.iter().enumerate() {
                if !m.filled {
                    at.push((m.doc_index, 2, item as u32, k as u32));
                }
            }
        }
        at.sort_unstable();
        Unfilled { at }
    }

    /// [`Report::fill_texts`] for the mentions `unfilled` lists under the
    /// sources' documents.
    pub fn fill_texts_in(&mut self, unfilled: &Unfilled, sources: &[TextSource<'_>]) {
        // The sources' mentions in the order they lie in memory (list,
        // item, mention), so that the lists can be cut into parts filled
        // in parallel: a report of a large run quotes a million mentions.
        let mut todo: Vec<(u8, u32, u32, u32)> = Vec::new();
        for (s, source) in sources.iter().enumerate() {
            let from = unfilled.at.partition_point(|a| a.0 < source.doc);
            let to = unfilled.at.partition_point(|a| a.0 <= source.doc);
            todo.extend(
                unfilled.at[from..to]
                    .iter()
                    .map(|&(_, list, item, k)| (list, item, k, s as u32)),
            );
        }
        todo.sort_unstable();
        let list_start = |l: u8| todo.partition_point(|t| t.0 < l);
        let (review_at, corroborations_at) = (list_start(1), list_start(2));
        let conflicts_todo = &todo[..review_at];
        let review_todo = &todo[review_at..corroborations_at];
        let corroborations_todo = &todo[corroborations_at..];
        let (conflicts, review, corroborations) = (
            &mut self.conflicts,
            &mut self.review,
            &mut self.corroborations,
        );
        let of_conflict: fn(&mut Conflict) -> &mut Vec<Mention> = |c| &mut c.mentions;
        rayon::join(
            || fill_items(conflicts, 0, conflicts_todo, sources, of_conflict),
            || {
                rayon::join(
                    || fill_items(review, 0, review_todo, sources, of_conflict),
                    || {
                        fill_items(corroborations, 0, corroborations_todo, sources, |c| {
                            &mut c.mentions
                        })
                    },
                )
            },
        );
    }
}

/// Mentions filled on one thread at least: fewer is not worth a task.
const FILL_GRAIN: usize = 4096;

/// Fills the mentions `todo` lists (list, item, mention, source; sorted)
/// in `items`, whose first is item `base`: halves of the items, with their
/// halves of `todo`, are filled in parallel.
fn fill_items<T: Send>(
    items: &mut [T],
    base: u32,
    todo: &[(u8, u32, u32, u32)],
    sources: &[TextSource<'_>],
    mentions: fn(&mut T) -> &mut Vec<Mention>,
) {
    let middle = todo.get(todo.len() / 2).map_or(base, |t| t.1);
    let split = todo.partition_point(|t| t.1 < middle);
    if todo.len() <= FILL_GRAIN || split == 0 {
        for &(_, item, k, s) in todo {
            let (Some(item), Some(source)) = (
                items.get_mut((item - base) as usize),
                sources.get(s as usize),
            ) else {
                continue;
            };
            if let Some(m) = mentions(item).get_mut(k as usize) {
                if !m.filled && m.doc_index == source.doc {
                    fill_mention(m, source);
                }
            }
        }
        return;
    }
    let (left, right) = items.split_at_mut(((middle - base) as usize).min(items.len()));
    let (left_todo, right_todo) = todo.split_at(split);
    rayon::join(
        || fill_items(left, base, left_todo, sources, mentions),
        || fill_items(right, middle, right_todo, sources, mentions),
    );
}

/// Where a report's mentions without text are; see [`Report::unfilled`].
#[derive(Debug, Clone, Default)]
pub struct Unfilled {
    /// (document, list: conflicts, review, corroborations; item; mention).
    at: Vec<(u32, u8, u32, u32)>,
}

impl Unfilled {
    /// The documents whose texts are still needed, in order.
    pub fn documents(&self) -> Vec<u32> {
        let mut docs: Vec<u32> = self.at.iter().map(|a| a.0).collect();
        docs.dedup();
        docs
    }
}

/// Fills one mention's figure and sentence texts from its document's text
/// and moves its offsets to the file's.
fn fill_mention(m: &mut Mention, source: &TextSource<'_>) {
    let TextSource {
        text,
        to_file,
        line_of,
        ..
    } = source;
    m.text = text.get(m.start..m.end).unwrap_or("").to_string();
    m.sentence = text
        .get(m.sentence_start..m.sentence_end)
        .unwrap_or("")
        .trim()
        .to_string();
    m.start = to_file(m.start);
    m.end = to_file(m.end);
    if let Some(line_of) = line_of {
        m.line = line_of(m.start);
    }
    m.sentence_start = to_file(m.sentence_start);
    m.sentence_end = to_file(m.sentence_end);
    m.filled = true;
}

/// One document's plain text for [`Report::fill_texts`], with how its
/// offsets map to the file's.
pub struct TextSource<'a> {
    /// The document's index in the run (as in the claims).
    pub doc: u32,
    /// Its plain text, as the claims were extracted from.
    pub text: &'a str,
    /// Maps an offset in `text` to one in the file.
    pub to_file: &'a (dyn Fn(usize) -> usize + Sync),
    /// The 1-based line of a file offset, when the file's lines differ from
    /// the text's (markup); `None` keeps the lines the claims carry.
    pub line_of: Option<&'a (dyn Fn(usize) -> u32 + Sync)>,
}

/// Scale words for readable values.
pub fn format_value(v: f64) -> String {
    let mut s = String::with_capacity(16);
    push_value(&mut s, v);
    s
}

/// [`format_value`] onto the end of `out`: a report makes one of these for
/// every mention, and a `String` per piece cost more than the digits.
fn push_value(out: &mut String, v: f64) {
    let a = v.abs();
    let (d, word) = if a >= 1e12 {
        (1e12, " trillion")
    } else if a >= 1e9 {
        (1e9, " billion")
    } else if a >= 1e6 {
        (1e6, " million")
    } else {
        (1.0, "")
    };
    let x = v / d;
    if !push_four_places(out, x) {
        let exact = format!("{x:.4}");
        let mut kept = exact.as_str();
        while kept.contains('.') && (kept.ends_with('0') || kept.ends_with('.')) {
            kept = &kept[..kept.len() - 1];
        }
        out.push_str(kept);
    }
    out.push_str(word);
}

/// `format!("{x:.4}")` with trailing zeros (and a bare point) dropped,
/// without the exact (big-number) decimal expansion, which was a tenth of
/// reconciling: `x * 10^4` rounded, when that float is far enough from a
/// rounding tie that its error (under a millionth here) cannot change the
/// digit. Anything else (ties, zero, huge values, non-finite) pushes
/// nothing and answers false, for the exact path.
fn push_four_places(out: &mut String, x: f64) -> bool {
    let scaled = x * 1e4;
    if !scaled.is_finite() || scaled.abs() >= 1e12 {
        return false;
    }
    let frac = scaled.abs().fract();
    if (frac - 0.5).abs() < 1e-3 {
        return false;
    }
    let units = scaled.abs().round() as u64;
    if units == 0 {
        return false;
    }
    if x < 0.0 {
        out.push('-');
    }
    push_digits(out, units / 10_000);
    let mut places = units % 10_000;
    if places != 0 {
        let mut width = 4;
        while places % 10 == 0 {
            places /= 10;
            width -= 1;
        }
        out.push('.');
        let mut buf = [b'0'; 4];
        for slot in buf[..width].iter_mut().rev() {
            *slot = b'0' + (places % 10) as u8;
            places /= 10;
        }
        buf[..width].iter().for_each(|&b| out.push(b as char));
    }
    true
}

/// The decimal digits of `n`.
fn push_digits(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf[at..].iter().for_each(|&b| out.push(b as char));
}

fn normalized(c: &Claim) -> String {
    let mut out = String::with_capacity(24);
    out.push_str(match c.approx {
        crosscheck_numbers::Approx::Exact => "",
        crosscheck_numbers::Approx::Over => "over ",
        crosscheck_numbers::Approx::Under => "under ",
        crosscheck_numbers::Approx::About => "about ",
    });
    if c.change && c.value().is_some_and(|v| v > 0.0) {
        out.push('+');
    }
    match (c.value(), c.range()) {
        (_, Some((Some(lo), Some(hi)))) => {
            push_value(&mut out, lo);
            out.push('–');
            push_value(&mut out, hi);
        }
        (Some(v), _) => push_value(&mut out, v),
        (None, _) => out.push('?'),
    }
    match c.unit.as_str() {
        "%" => out.push('%'),
        "pp" => out.push_str(" pp"),
        "" => {}
        u => {
            out.push(' ');
            out.push_str(u);
        }
    }
    out
}

/// Each document's path and each period's ISO text made once and shared
/// by every mention that names it (made before mentions are, so that
/// mentions can be made in parallel).
struct Names {
    docs: Vec<Option<Shared>>,
    periods: HashMap<Period, Shared>,
}

impl Names {
    /// The names of the documents and periods of `named` claims, given in
    /// claim order (one document's claims together).
    fn of(named: &[Claim], docs: &[String]) -> Names {
        let mut doc_names = vec![None; docs.len()];
        let mut last = None;
        for c in named {
            if last == Some(c.doc) {
                continue;
            }
            last = Some(c.doc);
            if let (Some(slot), Some(name)) =
                (doc_names.get_mut(c.doc as usize), docs.get(c.doc as usize))
            {
                *slot = Some(Shared::from(name.as_str()));
            }
        }
        // A few hundred periods among hundreds of thousands of claims.
        let periods: HashSet<Period> = named
            .par_iter()
            .filter_map(|c| c.period)
            .fold(HashSet::new, |mut seen, p| {
                seen.insert(p);
                seen
            })
            .reduce(HashSet::new, |mut a, b| {
                a.extend(b);
                a
            });
        Names {
            docs: doc_names,
            periods: periods
                .into_iter()
                .map(|p| (p, Shared::from(p.iso())))
                .collect(),
        }
    }

    fn doc(&self, i: u32) -> Shared {
        self.docs
            .get(i as usize)
            .and_then(Option::clone)
            .unwrap_or_else(|| Shared::from(""))
    }

    fn period(&self, p: Option<Period>) -> Option<Shared> {
        let p = p?;
        Some(
            self.periods
                .get(&p)
                .cloned()
                .unwrap_or_else(|| Shared::from(p.iso())),
        )
    }
}

fn mention(c: &Claim, names: &Names) -> Mention {
    Mention {
        doc: names.doc(c.doc),
        start: c.start as usize,
        end: c.end as usize,
        text: String::new(),
        value: c.value(),
        range: c.range(),
        unit: (!c.unit.is_empty()).then(|| Cow::Borrowed(c.unit.as_str())),
        approx: Cow::Borrowed(c.approx.as_str()),
        normalized: normalized(c),
        period: names.period(c.period),
        line: c.line,
        sentence: String::new(),
        sentence_start: c.sentence_start as usize,
        sentence_end: c.sentence_end as usize,
        role: if c.has(flags::CORRECTION) {
            Some(Cow::Borrowed("correction"))
        } else if c.has(flags::RETRACTED) {
            Some(Cow::Borrowed("retracted"))
        } else {
            None
        },
        guessed: c.guessed(),
        doc_index: c.doc,
        filled: false,
    }
}

/// A period normalized to whole days, so `2025` and `2025-01/2025-12` meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct PKey {
    start: (i32, u8, u8),
    end: (i32, u8, u8),
    fiscal: bool,
}

fn pkey(p: &Period) -> PKey {
    let month_end = |y: i32, m: u8| -> u8 {
        match m {
            4 | 6 | 9 | 11 => 30,
            2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
            2 => 28,
            _ => 31,
        }
    };
    let sm = if p.start.month == 0 { 1 } else { p.start.month };
    let sd = if p.start.day == 0 { 1 } else { p.start.day };
    let em = if p.end.month == 0 { 12 } else { p.end.month };
    let ed = if p.end.day == 0 {
        month_end(p.end.year, em)
    } else {
        p.end.day
    };
    PKey {
        start: (p.start.year, sm, sd),
        end: (p.end.year, em, ed),
        fiscal: p.fiscal,
    }
}

/// What must be equal for two claims to be compared, period aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct GKey {
    subject: Sym,
    metric: Sym,
    scope: Sym,
    dim: u32,
    change: bool,
    basis: u8,
}

#[inline]
fn gkey(c: &Claim) -> GKey {
    GKey {
        subject: c.subject,
        metric: c.metric,
        scope: c.scope,
        dim: dim_id(c),
        change: c.change,
        basis: match c.basis {
            // A change that says no basis is against a year before
            // (`exports rose 77.5% in the first 11 months`, `third-quarter
            // revenue rose 12%`), but an economy's growth over a quarter is
            // as often against the one before (`the economy grew 0.1% in
            // the third quarter` beside another text's `1.3% from a year
            // earlier`): compared only with others that say none.
            None if sequential_by_default(c) => 3,
            None | Some(Basis::YearOnYear) => 0,
            Some(Basis::MonthOnMonth) => 1,
            Some(Basis::QuarterOnQuarter) => 2,
        },
    }
}

/// Whether `c` is a change of an economy's output over one quarter or
/// month (see [`gkey`]). Only GDP: a rate of inflation stated without a
/// basis is a year's almost everywhere; quarterly growth is the quarter
/// before's in most countries' releases (not in China's).
#[inline]
fn sequential_by_default(c: &Claim) -> bool {
    static GDP: std::sync::OnceLock<Sym> = std::sync::OnceLock::new();
    c.change
        && c.period
            .as_ref()
            .is_some_and(crate::claims::one_quarter_or_month)
        && c.metric == *GDP.get_or_init(|| Sym::new("GDP"))
}

/// The symbol of the `pp` unit, made once: comparing symbols takes no lock,
/// where reading a symbol's string does.
fn percentage_points() -> Sym {
    static PP: std::sync::OnceLock<Sym> = std::sync::OnceLock::new();
    *PP.get_or_init(|| Sym::new("pp"))
}

/// The unit dimension as a number, without looking strings up.
fn dim_id(c: &Claim) -> u32 {
    use crosscheck_numbers::QuantityKind as K;
    match c.kind {
        K::Money | K::Measure => c.unit.id(),
        K::Percent if c.unit == percentage_points() => u32::MAX - 1,
        K::Percent | K::Fraction => u32::MAX - 2,
        K::Count | K::Number => u32::MAX - 3,
        K::Multiplier => u32::MAX - 4,
        K::Ordinal | K::Date => 0,
    }
}

fn comparable(c: &Claim) -> bool {
    !c.subject.is_empty()
        && !c.metric.is_empty()
        && dim_id(c) != 0
        && (!c.value.is_nan() || c.has(flags::RANGE))
}

struct Out<'a> {
    claims: &'a ClaimsView<'a>,
    docs: &'a [String],
    /// Conflicts and pairs worth a look as the claims they name: made into
    /// mentions only once the grouping's own index is given back, so the
    /// two never take memory at once.
    found: Vec<Found>,
    /// Corroborations as claim indices (and document counts), made into
    /// mentions only for the listed ones.
    agreeing: Vec<Agreeing>,
}

/// The claims stating one figure alike, and in how many documents.
type Agreeing = (Vec<u32>, u32);

/// A conflict (or, when not `sure`, a pair worth a look) before its
/// mentions are made: at most [`MAX_MENTIONS`] claims, one per figure.
struct Found {
    kind: ConflictKind,
    members: Box<[u32]>,
    explanation: String,
    sure: bool,
}

impl Out<'_> {
    fn push(&mut self, kind: ConflictKind, members: &[u32], explanation: String, sure: bool) {
        let mut seen = HashSet::new();
        let mut kept: Vec<u32> = Vec::with_capacity(members.len().min(MAX_MENTIONS));
        for &i in members {
            let c = &self.claims[i as usize];
            if !seen.insert((c.doc, c.start)) || kept.len() >= MAX_MENTIONS {
                continue;
            }
            kept.push(i);
        }
        if kept.len() < 2 {
            return;
        }
        self.found.push(Found {
            kind,
            members: kept.into_boxed_slice(),
            explanation,
            sure,
        });
    }
}

fn pct(x: f64) -> String {
    if x >= 0.1 {
        format!("{:.0}%", x * 100.0)
    } else {
        format!("{:.1}%", x * 100.0)
    }
}

fn why_not_rounding(a: &Claim, b: &Claim) -> String {
    let ia = a.interval();
    let ib = b.interval();
    let gap = ia.relative_gap(&ib);
    // Pieces pushed onto one string: one of these is written for each pair
    // found apart, and two `format!`s cost more than the figures' digits.
    let mut why = normalized(a);
    why.push_str(" vs ");
    why.push_str(&normalized(b));
    why.push_str(": ");
    why.push_str(&pct(gap));
    why.push_str(" apart even at the widest rounding of each, for ");
    match a.period {
        Some(p) => {
            why.push_str("the same period (");
            why.push_str(&p.iso());
            why.push(')');
        }
        None => why.push_str("an unstated period"),
    }
    why
}

/// The extreme pair of a set of claims: the one allowing the lowest high and
/// the one allowing the highest low. They are the most apart pair.
fn extreme(claims: &ClaimsView<'_>, members: &[u32]) -> Option<(u32, u32, Verdict)> {
    // One interval per member (not one per comparison): the first of the
    // lowest tops and the last of the highest bottoms, as `min_by` and
    // `max_by` pick them.
    let mut low: Option<(u32, Interval)> = None;
    let mut high: Option<(u32, Interval)> = None;
    for &m in members {
        let i = claims[m as usize].interval();
        if low.is_none_or(|(_, l)| i.hi.total_cmp(&l.hi).is_lt()) {
            low = Some((m, i));
        }
        if high.is_none_or(|(_, h)| i.lo.total_cmp(&h.lo).is_ge()) {
            high = Some((m, i));
        }
    }
    let ((a, ia), (b, ib)) = (low?, high?);
    Some((a, b, ia.compare(&ib)))
}

/// The most apart pair of claims that lie in different sentences, for the
/// self check: figures of one metric in one sentence (`rose from 3.4 to 4.2
/// billion`, the columns of a table row) are the writer's comparison, not
/// the document contradicting itself. First pair wins ties, so the choice
/// follows the members' order.
fn extreme_across_sentences(
    claims: &ClaimsView<'_>,
    members: &[u32],
) -> Option<(u32, u32, Verdict)> {
    let mut best: Option<(u32, u32, f64)> = None;
    for (i, &x) in members.iter().enumerate() {
        for &y in &members[i + 1..] {
            let (cx, cy) = (&claims[x as usize], &claims[y as usize]);
            if cx.sentence_start == cy.sentence_start {
                continue;
            }
            let (ix, iy) = (cx.interval(), cy.interval());
            let (low, high, gap) = if ix.hi <= iy.hi {
                (x, y, iy.lo - ix.hi)
            } else {
                (y, x, ix.lo - iy.hi)
            };
            if gap.is_nan() {
                continue;
            }
            if best.is_none_or(|(_, _, g)| gap > g) {
                best = Some((low, high, gap));
            }
        }
    }
    let (a, b, _) = best?;
    let v = claims[a as usize]
        .interval()
        .compare(&claims[b as usize].interval());
    Some((a, b, v))
}

/// `Near` means the gap is within one figure's rounding; an `about`
/// figure's interval already holds its slack, so that slack is no
/// rounding: `about 565 million` and `about 697 million` differ, though
/// the gap between their widened intervals is less than either's width.
/// Only the digits' rounding (twice the precision) may excuse the gap.
fn beyond_digits(a: &Claim, b: &Claim, v: Verdict) -> Verdict {
    let about = |c: &Claim| c.approx == crosscheck_numbers::Approx::About;
    if v != Verdict::Near || !(about(a) || about(b)) {
        return v;
    }
    let digits = 2.0 * f64::from(a.precision).max(f64::from(b.precision));
    if a.interval().gap(&b.interval()) >= digits {
        Verdict::Differ
    } else {
        v
    }
}

/// A forecast whose scope names no one who made it (`forecast`, not
/// `forecast; by Kestrel`).
fn is_anonymous_forecast(c: &Claim) -> bool {
    let mut parts = c.scope.as_str().split("; ");
    parts.clone().any(|p| p == "forecast") && !parts.any(|p| p.starts_with("by "))
}

fn sure(c: &Claim) -> bool {
    !c.guessed()
}

/// `Jinhua's battery exports` in one document, `Jinhua's lithium battery
/// exports` in another: a metric named with a product is the one fuller name
/// of that metric the documents give the same subject, when there is just
/// one (two, such as `lithium battery exports` and `energy storage battery
/// exports`, leave it alone). Returns, per (subject, short name), the fuller
/// name to use; empty when there is none.
fn short_metric_names(
    claims: &ClaimsView<'_>,
    subjects: &HashMap<(Sym, Sym), Sym>,
) -> HashMap<(Sym, Sym), Sym> {
    // Whether a metric's name is one with a product (`battery exports`, not
    // `exports` or `battery share of exports`), read once per symbol rather
    // than once per claim: a run's millions of claims name a few thousand
    // metrics, and a look at a name's text took most of this pass.
    let with_product: Vec<bool> = Sym::interned()
        .iter()
        .map(|m| m.contains(' ') && !m.contains(" share of "))
        .collect();
    let named = |c: &Claim| {
        !c.has(flags::SHARE)
            && match with_product.get(c.metric.id() as usize) {
                Some(&named) => named,
                None => {
                    let m = c.metric.as_str();
                    m.contains(' ') && !m.contains(" share of ")
                }
            }
    };
    // The claims that count, picked in parallel, then gathered in claim order.
    let picked: Vec<(Sym, Sym, bool, usize)> = (0..claims.len())
        .into_par_iter()
        .filter(|&i| !claims[i].subject.is_empty() && named(&claims[i]))
        .map(|i| {
            let c = &claims[i];
            let read = matches!(c.metric_how, crate::How::Clause | crate::How::Sentence);
            (subject_of(c, subjects), c.metric, read, i)
        })
        .collect();
    // Per subject, the metric names with a product, and whether each was read.
    let mut by_subject: HashMap<Sym, Vec<(Sym, bool)>> = HashMap::new();
    // The figures each (subject, name) is read with in so many words: a
    // document that gives the short and the fuller name different levels
    // of one period (`automobile exports were 612,000 units ... commercial
    // vehicle exports 83,000`), or different changes (`total retail sales
    // ... up 4.7%`, `online retail sales rose 9.8%`), tells them apart; a
    // headline's `battery
    // exports exceed 17 billion yuan` over the story's `lithium battery
    // exports reached 17.6 billion yuan` does not.
    for &(subject, metric, read, _) in &picked {
        let v = by_subject.entry(subject).or_default();
        match v.iter_mut().find(|(m, _)| *m == metric) {
            Some(e) => e.1 |= read,
            None => v.push((metric, read)),
        }
    }
    // The remaps the names allow, before any level is looked at.
    let mut candidates: Vec<(Sym, Sym, Sym)> = Vec::new();
    // Whether a name is a metric's own base (`imports and exports`), which
    // is never short for another: asked once per metric, not once per
    // subject naming it (a scan of the whole lexicon each time).
    let mut lexicon_base: HashMap<Sym, bool> = HashMap::new();
    for (s, ms) in &by_subject {
        for &(m, _) in ms {
            let base = *lexicon_base.entry(m).or_insert_with(|| {
                let m = m.as_str();
                crate::lexicon::METRICS.iter().any(|(_, b)| *b == m)
            });
            if base {
                continue;
            }
            // `f` ends in a space and `m` (what `f.ends_with(" m")` asks,
            // with no string made for it).
            let short = m.as_str();
            let ends_in_short = |f: &str| {
                f.len() > short.len()
                    && f.ends_with(short)
                    && f.as_bytes()[f.len() - short.len() - 1] == b' '
            };
            let mut fuller = ms
                .iter()
                .filter(|(f, read)| *read && ends_in_short(f.as_str()))
                .map(|(f, _)| *f);
            if let (Some(f), None) = (fuller.next(), fuller.next()) {
                candidates.push((*s, m, f));
            }
        }
    }
    if candidates.is_empty() {
        return HashMap::new();
    }
    let asked: std::collections::HashSet<(Sym, Sym)> = candidates
        .iter()
        .flat_map(|&(s, m, f)| [(s, m), (s, f)])
        .collect();
    let mut levels: HashMap<(Sym, Sym), Vec<usize>> = HashMap::new();
    for &(subject, metric, read, i) in &picked {
        if read && asked.contains(&(subject, metric)) {
            levels.entry((subject, metric)).or_default().push(i);
        }
    }
    let told_apart = |s: Sym, short: Sym, full: Sym| {
        let (Some(a), Some(b)) = (levels.get(&(s, short)), levels.get(&(s, full))) else {
            return false;
        };
        // Both lists are in claim order, so in document order: walk them
        // side by side, comparing only within a document.
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            let (da, db) = (claims[a[i]].doc, claims[b[j]].doc);
            if da < db {
                i += 1;
            } else if db < da {
                j += 1;
            } else {
                let a_end = i + a[i..].iter().take_while(|&&k| claims[k].doc == da).count();
                let b_end = j + b[j..].iter().take_while(|&&k| claims[k].doc == db).count();
                let differ = a[i..a_end].iter().any(|&x| {
                    b[j..b_end].iter().any(|&y| {
                        let (x, y) = (&claims[x], &claims[y]);
                        x.period == y.period
                            && x.unit == y.unit
                            && x.change == y.change
                            && x.basis == y.basis
                            && x.interval().compare(&y.interval()) == Verdict::Differ
                    })
                });
                if differ {
                    return true;
                }
                (i, j) = (a_end, b_end);
            }
        }
        false
    };
    candidates
        .into_iter()
        .filter(|&(s, m, f)| !told_apart(s, m, f))
        .map(|(s, m, f)| ((s, m), f))
        .collect()
}

/// A claim's subject once companies that share a name's core are told
/// apart (see `subjects.rs`).
fn subject_of(c: &Claim, subjects: &HashMap<(Sym, Sym), Sym>) -> Sym {
    if subjects.is_empty() || c.subject_tail.is_empty() {
        return c.subject;
    }
    subjects
        .get(&(c.subject, c.subject_tail))
        .copied()
        .unwrap_or(c.subject)
}

/// The names a run's claims are compared under, where they differ from
/// the claims' own: subjects split where companies share a name's core,
/// then shortened metric names made whole.
struct Renames {
    subjects: HashMap<(Sym, Sym), Sym>,
    metrics: HashMap<(Sym, Sym), Sym>,
}

impl Renames {
    fn of(claims: &ClaimsView<'_>) -> Renames {
        let subjects = crate::subjects::split_subjects(claims);
        let metrics = short_metric_names(claims, &subjects);
        Renames { subjects, metrics }
    }

    fn is_empty(&self) -> bool {
        self.subjects.is_empty() && self.metrics.is_empty()
    }

    fn apply<'a>(&self, claims: impl ParallelIterator<Item = &'a mut Claim>) {
        if self.is_empty() {
            return;
        }
        claims.for_each(|c| {
            c.subject = subject_of(c, &self.subjects);
            if let Some(f) = self.metrics.get(&(c.subject, c.metric)) {
                c.metric = *f;
            }
        });
    }
}

/// Compares all claims and reports conflicts and corroborations.
///
/// `docs` gives each document's path, indexed by [`Claim::doc`]. Mentions
/// carry offsets into the documents' texts and no text until
/// [`Report::fill_text`] is called; [`reconcile_texts`] does both.
pub fn reconcile(claims: &[Claim], docs: &[String]) -> Report {
    let renames = Renames::of(&ClaimsView::of(claims));
    if renames.is_empty() {
        return reconcile_unified(claims, docs);
    }
    let mut copy = claims.to_vec();
    renames.apply(copy.par_iter_mut());
    reconcile_unified(&copy, docs)
}

/// [`reconcile`] for a caller that owns the claims and has no further use
/// for them as they are: shortened metric names are made whole in place
/// (`battery exports` where the documents say `lithium battery exports`
/// of the same subject) instead of in a copy, which at millions of claims
/// is hundreds of megabytes. The report is the same as [`reconcile`]'s.
///
/// ```
/// use crosscheck_reconcile::{extract_claims, reconcile_in_place, DocView};
/// let texts = ["In 2025, Zhejiang's exports reached 43 billion yuan.",
///              "In 2025, Zhejiang's exports reached 34 billion yuan."];
/// let mut claims = Vec::new();
/// for (i, t) in texts.iter().enumerate() {
///     claims.extend(extract_claims(&DocView::analyze(i as u32, t)));
/// }
/// let report = reconcile_in_place(&mut claims, &["a.txt".into(), "b.txt".into()]);
/// assert_eq!(report.conflicts.len(), 1);
/// ```
pub fn reconcile_in_place(claims: &mut [Claim], docs: &[String]) -> Report {
    let renames = Renames::of(&ClaimsView::of(claims));
    renames.apply(claims.par_iter_mut());
    reconcile_unified(claims, docs)
}

fn reconcile_unified(claims: &[Claim], docs: &[String]) -> Report {
    let view = ClaimsView::of(claims);
    let (kept, findings) = find(&view, docs).keep_named(&view);
    findings.into_report(&kept, docs)
}

/// [`reconcile_in_place`] for a caller that gives the claims up: once
/// they are compared, the few the report names are copied out and the rest
/// given back before the report's mentions are made, so the claims of a
/// large run and its report never take memory at once. The report is the
/// same as [`reconcile`]'s.
///
/// ```
/// use crosscheck_reconcile::{extract_claims, reconcile, reconcile_owned, DocView};
/// let texts = ["In 2025, Zhejiang's exports reached 43 billion yuan.",
///              "In 2025, Zhejiang's exports reached 34 billion yuan."];
/// let mut claims = Vec::new();
/// for (i, t) in texts.iter().enumerate() {
///     claims.extend(extract_claims(&DocView::analyze(i as u32, t)));
/// }
/// let docs = ["a.txt".to_string(), "b.txt".to_string()];
/// let borrowed = reconcile(&claims, &docs);
/// assert_eq!(reconcile_owned(claims, &docs), borrowed);
/// ```
pub fn reconcile_owned(mut claims: Vec<Claim>, docs: &[String]) -> Report {
    let renames = Renames::of(&ClaimsView::of(&claims));
    renames.apply(claims.par_iter_mut());
    let view = ClaimsView::of(&claims);
    let (kept, findings) = find(&view, docs).keep_named(&view);
    drop(view);
    drop(claims);
    findings.into_report(&kept, docs)
}

/// [`reconcile_owned`] for claims gathered in a [`ClaimTable`] (which,
/// unlike a growing vector, never holds two copies of its claims while it
/// is filled).
pub fn reconcile_table(mut claims: ClaimTable, docs: &[String]) -> Report {
    let renames = Renames::of(&claims.view());
    renames.apply(claims.par_iter_mut());
    let view = claims.view();
    let (kept, findings) = find(&view, docs).keep_named(&view);
    drop(view);
    drop(claims);
    findings.into_report(&kept, docs)
}

fn find(claims: &ClaimsView<'_>, docs: &[String]) -> Findings {
    let mut out = Out {
        claims,
        docs,
        found: Vec::new(),
        agreeing: Vec::new(),
    };
    // Sort claim indices by (hash of key without period, period): one sort
    // gives both the groups with equal keys and, around them, the runs
    // that differ only by period.
    // A period enters the sort key as its rank among the periods the
    // claims name (a few hundred), which keeps an entry at 16 bytes, not
    // 24: at millions of claims that is tens of megabytes.
    let mut periods: Vec<u64> = (0..claims.len())
        .into_par_iter()
        .fold(
            || (HashSet::new(), None),
            |(mut seen, mut last), i| {
                // A document's claims mostly share a period: one set
                // insert per change of period, not per claim.
                let p = pack(claims[i].period.as_ref().map(pkey));
                if last != Some(p) {
                    seen.insert(p);
                    last = Some(p);
                }
                (seen, last)
            },
        )
        .map(|(seen, _)| seen)
        .reduce(HashSet::new, |mut a, b| {
            a.extend(b);
            a
        })
        .into_iter()
        .collect();
    periods.sort_unstable();
    let mut order: Vec<u128> = (0..claims.len() as u32)
        .into_par_iter()
        .filter(|&i| comparable(&claims[i as usize]))
        .map_init(
            // The last period ranked, and its rank: the next claim's is
            // most often the same. (No packed period is all ones.)
            || (u64::MAX, 0u32),
            |last, i| {
                let c = &claims[i as usize];
                let mut h = FxHasher(0);
                gkey(c).hash(&mut h);
                let period = pack(c.period.as_ref().map(pkey));
                if last.0 != period {
                    *last = (period, periods.partition_point(|p| *p < period) as u32);
                }
                order_entry(h.finish(), last.1, i)
            },
        )
        .collect();
    drop(periods);
    order.par_sort_unstable();
    // Runs of one hash are checked in parallel, in pieces cut between runs;
    // the pieces' findings are joined in order, as one pass would list them.
    let pieces = piece_bounds(&order, rayon::current_num_threads() * 16);
    let found: Vec<(Vec<Found>, Vec<Agreeing>)> = pieces
        .par_iter()
        .map(|&(from, to)| {
            let mut out = Out {
                claims,
                docs,
                found: Vec::new(),
                agreeing: Vec::new(),
            };
            check_runs(&mut out, &order[from..to]);
            (out.found, out.agreeing)
        })
        .collect();
    for (f, a) in found {
        out.found.extend(f);
        out.agreeing.extend(a);
    }
    // 16 bytes a claim: given back before the report grows further.
    drop(order);
    check_sums(&mut out);
    check_shares(&mut out);
    // Corroborations: all counted, the first MAX_CORROBORATIONS listed, in
    // an order that does not depend on symbol numbers.
    let corroborated = out.agreeing.len();
    let mut agreeing = std::mem::take(&mut out.agreeing);
    agreeing.par_sort_by_cached_key(|(ms, _)| {
        let c = &claims[ms[0] as usize];
        (
            c.subject.as_str(),
            c.metric.as_str(),
            c.scope.as_str(),
            pack(c.period.as_ref().map(pkey)),
            ms.iter()
                .map(|&m| (claims[m as usize].doc, claims[m as usize].start))
                .collect::<Vec<_>>(),
        )
    });
    agreeing.truncate(MAX_CORROBORATIONS);
    agreeing.shrink_to_fit();
    Findings {
        found: out.found,
        agreeing,
        corroborated,
        claims: claims.len(),
    }
}

/// An entry of the sorted claim order: (hash of the key without period,
/// period's rank, claim index) in one number, whose order is the triple's.
/// The sort compares millions of entries, and one 128-bit comparison is two
/// instructions where the triple's takes up to three compares and branches.
#[inline]
fn order_entry(hash: u64, rank: u32, claim: u32) -> u128 {
    (u128::from(hash) << 64) | (u128::from(rank) << 32) | u128::from(claim)
}

/// The hash of an [`order_entry`].
#[inline]
fn entry_hash(e: u128) -> u64 {
    (e >> 64) as u64
}

/// The claim index of an [`order_entry`].
#[inline]
fn entry_claim(e: u128) -> u32 {
    e as u32
}

/// Pieces of `order` of about equal size, cut only where the hash changes
/// (a run of one hash is checked whole).
fn piece_bounds(order: &[u128], pieces: usize) -> Vec<(usize, usize)> {
    let step = order.len().div_ceil(pieces.max(1)).max(1);
    let mut bounds = Vec::new();
    let mut from = 0;
    while from < order.len() {
        let mut to = (from + step).min(order.len());
        while to < order.len() && entry_hash(order[to]) == entry_hash(order[to - 1]) {
            to += 1;
        }
        bounds.push((from, to));
        from = to;
    }
    bounds
}

/// Checks the runs of equal hash in a piece of the sorted claim order:
/// each run is split by the real key (hash collisions), each key's claims
/// checked across periods and, per period, as a group.
fn check_runs(out: &mut Out<'_>, order: &[u128]) {
    let claims = out.claims;
    // One list for every run's claims, not one made per run.
    let mut run: Vec<u32> = Vec::new();
    let mut i = 0;
    while i < order.len() {
        let h = entry_hash(order[i]);
        let mut j = i;
        while j < order.len() && entry_hash(order[j]) == h {
            j += 1;
        }
        // A claim alone under its key: nothing to check it against (most
        // keys are one claim's).
        if j - i < 2 {
            i = j;
            continue;
        }
        // Within a hash run, split by the real key (hash collisions).
        run.clear();
        run.extend(order[i..j].iter().map(|&o| entry_claim(o)));
        let k0 = gkey(&claims[run[0] as usize]);
        let one_key = run[1..].iter().all(|&k| gkey(&claims[k as usize]) == k0);
        if one_key {
            // The usual case: the run is one key's, in period order.
            check_key(out, &run);
            i = j;
            continue;
        }
        // Symbol numbers, not strings: only grouping matters here, output
        // order is fixed by the final sort on strings.
        run.sort_by_key(|&k| {
            let c = &claims[k as usize];
            (
                c.subject.id(),
                c.metric.id(),
                c.scope.id(),
                dim_id(c),
                c.change,
                gkey(c).basis,
                PKeyOrd(c.period.as_ref().map(pkey)),
                k,
            )
        });
        let mut a = 0;
        while a < run.len() {
            let key = gkey(&claims[run[a] as usize]);
            let mut b = a;
            while b < run.len() && gkey(&claims[run[b] as usize]) == key {
                b += 1;
            }
            check_key(out, &run[a..b]);
            a = b;
        }
        i = j;
    }
}

/// Checks one key's claims (in period order) across periods and, per
/// period, as a group.
fn check_key(out: &mut Out<'_>, same_key: &[u32]) {
    let claims = out.claims;
    check_periods(out, same_key);
    let period = |k: u32| claims[k as usize].period.as_ref().map(pkey);
    let mut p = 0;
    while p < same_key.len() {
        let pk = period(same_key[p]);
        let mut q = p + 1;
        while q < same_key.len() && period(same_key[q]) == pk {
            q += 1;
        }
        check_group(out, &same_key[p..q]);
        p = q;
    }
}

/// What reconciling found, as indices of the claims it names.
struct Findings {
    found: Vec<Found>,
    /// The listed corroborations, in report order, with document counts.
    agreeing: Vec<(Vec<u32>, u32)>,
    corroborated: usize,
    claims: usize,
}

impl Findings {
    /// The claims the findings name (a fraction of all), copied out, with
    /// the findings renumbered to point into the copy: the caller can then
    /// give back the whole set before the report's mentions are made.
    fn keep_named(mut self, claims: &ClaimsView<'_>) -> (Vec<Claim>, Findings) {
        // The copy holds the named claims in claim order, so each one's new
        // number is its rank among them: listing, copying and renumbering
        // are then all done in parallel (one pass in finding order was
        // serial, and at millions of claims it took 75 ms).
        let mut named: Vec<u32> = self
            .found
            .par_iter()
            .flat_map_iter(|f| f.members.iter().copied())
            .chain(
                self.agreeing
                    .par_iter()
                    .flat_map_iter(|(ms, _)| ms.iter().copied()),
            )
            .collect();
        named.par_sort_unstable();
        named.dedup();
        let kept: Vec<Claim> = named
            .par_iter()
            .map(|&i| claims[i as usize].clone())
            .collect();
        let renumber = |i: &mut u32| *i = named.partition_point(|&n| n < *i) as u32;
        self.found
            .par_iter_mut()
            .for_each(|f| f.members.iter_mut().for_each(renumber));
        self.agreeing
            .par_iter_mut()
            .for_each(|(ms, _)| ms.iter_mut().for_each(renumber));
        (kept, self)
    }

    /// The report, from the claims the findings' indices point into: those
    /// [`Findings::keep_named`] copied out, no more, in claim order.
    fn into_report(self, claims: &[Claim], docs: &[String]) -> Report {
        let names = Names::of(claims, docs);
        let names = &names;
        let made: Vec<(bool, Conflict)> = self
            .found
            .into_par_iter()
            .map(|f| {
                let c0 = &claims[f.members[0] as usize];
                let members = f.members.iter().map(|&i| &claims[i as usize]);
                let conflict = Conflict {
                    kind: f.kind,
                    subject: Cow::Borrowed(c0.subject.as_str()),
                    metric: Cow::Borrowed(c0.metric.as_str()),
                    scope: Cow::Borrowed(c0.scope.as_str()),
                    period: names.period(c0.period),
                    explanation: f.explanation,
                    values: members.clone().map(normalized).collect(),
                    mentions: members.map(|c| mention(c, names)).collect(),
                };
                (f.sure, conflict)
            })
            .collect();
        let (sure, unsure): (Vec<_>, Vec<_>) = made.into_iter().partition(|(sure, _)| *sure);
        let mut conflicts: Vec<Conflict> = sure.into_iter().map(|(_, c)| c).collect();
        let mut review: Vec<Conflict> = unsure.into_iter().map(|(_, c)| c).collect();
        let corroborations: Vec<Corroboration> = self
            .agreeing
            .into_par_iter()
            .map(|(ms, ndocs)| {
                let c0 = &claims[ms[0] as usize];
                Corroboration {
                    subject: Cow::Borrowed(c0.subject.as_str()),
                    metric: Cow::Borrowed(c0.metric.as_str()),
                    scope: Cow::Borrowed(c0.scope.as_str()),
                    period: names.period(c0.period),
                    documents: ndocs as usize,
                    mentions: ms
                        .iter()
                        .map(|&m| mention(&claims[m as usize], names))
                        .collect(),
                }
            })
            .collect();
        let order_key = |c: &Conflict| {
            (
                c.kind,
                c.subject.clone(),
                c.metric.clone(),
                c.scope.clone(),
                c.period.clone(),
                c.mentions
                    .iter()
                    .map(|m| (m.doc_index, m.start))
                    .collect::<Vec<_>>(),
            )
        };
        conflicts.par_sort_by_cached_key(order_key);
        review.par_sort_by_cached_key(order_key);
        Report {
            documents: docs.len(),
            claims: self.claims,
            conflicts,
            review,
            corroborations,
            corroborated: self.corroborated,
        }
    }
}

/// [`reconcile`], then the mentions' texts filled from `texts` (indexed like `docs`).
///
/// ```
/// use crosscheck_reconcile::{extract_claims, reconcile_texts, DocView};
/// let texts = ["In 2025, Zhejiang's exports reached 43 billion yuan.",
///              "In 2025, Zhejiang's exports reached 34 billion yuan."];
/// let mut claims = Vec::new();
/// for (i, t) in texts.iter().enumerate() {
///     claims.extend(extract_claims(&DocView::analyze(i as u32, t)));
/// }
/// let report = reconcile_texts(&claims, &["a.txt".into(), "b.txt".into()], &texts);
/// assert_eq!(report.conflicts[0].mentions[0].text, "34 billion yuan");
/// ```
pub fn reconcile_texts(claims: &[Claim], docs: &[String], texts: &[&str]) -> Report {
    let mut r = reconcile(claims, docs);
    for d in r.documents_to_fill() {
        if let Some(t) = texts.get(d as usize) {
            r.fill_text(d, t, &|o| o, None);
        }
    }
    r
}

/// A fast non-cryptographic hasher (the Fx multiply-rotate), for grouping keys.
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(*b as u64);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(i as u64);
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(i as u64);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A period key in one ordered word: start date, end date, fiscal bit; 0 for none.
fn pack(p: Option<PKey>) -> u64 {
    let code =
        |(y, m, d): (i32, u8, u8)| (y.clamp(0, 9999) as u64) * 10_000 + m as u64 * 100 + d as u64;
    match p {
        None => 0,
        Some(p) => (code(p.start) << 28) | (code(p.end) << 1) | p.fiscal as u64,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct PKeyOrd(Option<PKey>);

/// Claims with one key and one period.
fn check_group(out: &mut Out<'_>, members: &[u32]) {
    // Most groups are one claim, which nothing below can flag or count as
    // corroborated: no lists are made for them.
    if members.len() < 2 {
        return;
    }
    let claims = out.claims;
    let c = |i: u32| &claims[i as usize];
    // The members sorted by their notice flags in one pass (a claim with
    // both is in both lists).
    let mut corrections: Vec<u32> = Vec::new();
    let mut retracted: Vec<u32> = Vec::new();
    let mut plain: Vec<u32> = Vec::with_capacity(members.len());
    for &i in members {
        let m = c(i);
        if m.has(flags::CORRECTION) {
            corrections.push(i);
        }
        if m.has(flags::RETRACTED) {
            retracted.push(i);
        }
        if !m.has(flags::CORRECTION | flags::RETRACTED) {
            plain.push(i);
        }
    }
    let period_known = c(members[0]).period.is_some();

    // A correction notice against the figures it corrects.
    if !corrections.is_empty() || !retracted.is_empty() {
        let mut wrong: Vec<u32> = Vec::new();
        let mut verdict = Verdict::Agree;
        for &o in &plain {
            let io = c(o).interval();
            let v = if let Some(&k) = corrections.first() {
                if c(o).doc == c(k).doc {
                    // The notice quoting the figure it corrects.
                    continue;
                }
                c(k).interval().compare(&io)
            } else if retracted.iter().any(|&r| c(r).interval().meets(&io)) {
                Verdict::Differ
            } else {
                Verdict::Agree
            };
            if v != Verdict::Agree {
                wrong.push(o);
                verdict = verdict.max(v);
            }
        }
        if !wrong.is_empty() {
            let notice = corrections
                .first()
                .or(retracted.first())
                .copied()
                .unwrap_or(wrong[0]);
            let mut ms = vec![notice];
            ms.extend(&wrong);
            let explanation = match corrections.first() {
                Some(&k) => format!(
                    "a correction gives {} where {} still states {}: the corrected figure is {} away, beyond rounding, for the same period",
                    normalized(c(k)),
                    out.docs.get(c(wrong[0]).doc as usize).map(String::as_str).unwrap_or("?"),
                    normalized(c(wrong[0])),
                    pct(c(k).interval().relative_gap(&c(wrong[0]).interval()))
                ),
                None => format!(
                    "a correction notice says {} was wrong, yet {} states it for the same period",
                    normalized(c(notice)),
                    out.docs.get(c(wrong[0]).doc as usize).map(String::as_str).unwrap_or("?"),
                ),
            };
            let ok = period_known
                && verdict == Verdict::Differ
                && ms
                    .iter()
                    .all(|&m| sure(c(m)) || c(m).has(flags::CORRECTION | flags::RETRACTED));
            out.push(ConflictKind::Correction, &ms, explanation, ok);
            return;
        }
    }

    // A notice quotes the figure it corrects: not a contradiction of its own.
    // (Most groups have no notice: their pool is their plain figures.)
    let mut pool: Vec<u32> = if corrections.is_empty() {
        plain
    } else {
        let notice_docs: Vec<u32> = corrections.iter().map(|&k| c(k).doc).collect();
        plain
            .iter()
            .copied()
            .filter(|&m| !notice_docs.contains(&c(m).doc))
            .collect()
    };
    pool.extend(&corrections);
    // A document that contradicts itself. The pool by document (documents
    // in order, each one's claims in pool order): a group's claims are in
    // claim order, which is document order in a run's table, so the usual
    // pool is already so and needs no map of lists.
    let by_doc_order: Vec<u32>;
    let by_doc: &[u32] = if pool.windows(2).all(|w| c(w[0]).doc <= c(w[1]).doc) {
        &pool
    } else {
        let mut sorted = pool.clone();
        // Stable: a document's claims stay in pool order.
        sorted.sort_by_key(|&m| c(m).doc);
        by_doc_order = sorted;
        &by_doc_order
    };
    let docs = by_doc.chunk_by(|&x, &y| c(x).doc == c(y).doc);
    let mut self_docs = Vec::new();
    let mut ndocs = 0u32;
    for ms in docs {
        ndocs += 1;
        let d = c(ms[0]).doc;
        if ms.len() < 2 {
            continue;
        }
        if let Some((a, b, v)) = extreme(claims, ms) {
            if v == Verdict::Agree {
                continue;
            }
            // The document's figures spread: it is kept out of the
            // comparison across documents below either way (a table row's
            // columns are periods or segments the claims may not tell).
            self_docs.push(d);
            let (a, b, v) = if c(a).sentence_start == c(b).sentence_start {
                match extreme_across_sentences(claims, ms) {
                    Some(p) if p.2 != Verdict::Agree => p,
                    // Spread within one sentence only: the writer's own
                    // comparison, not worth an analyst's look.
                    _ => continue,
                }
            } else {
                (a, b, v)
            };
            let explanation = format!("the same document gives {}", why_not_rounding(c(a), c(b)));
            // Two present-tense figures of one text (`employs 460 people`)
            // are as of the day it was written, whether or not its year is
            // known.
            let dated = |x: u32| c(x).period_how == crate::How::Dated;
            let ok = v == Verdict::Differ
                && (period_known || dated(a) && dated(b))
                && sure(c(a))
                && sure(c(b));
            out.push(ConflictKind::SelfContradiction, &[a, b], explanation, ok);
        }
    }
    // Estimates no one is named for (an analyst table's `FY2026E`
    // column, `revenue is expected to reach ...`) are each writer's own:
    // two documents' estimates that differ contradict nothing, and agreeing
    // ones corroborate nothing. A group shares its scope, so its first
    // claim speaks for all.
    if is_anonymous_forecast(c(members[0])) {
        return;
    }
    // Figures of no known period (`last year` in an undated text): two
    // documents' may be of different years, so they neither contradict nor
    // corroborate each other.
    if !period_known {
        return;
    }
    let rest: Vec<u32> = if self_docs.is_empty() {
        pool
    } else {
        pool.iter()
            .copied()
            .filter(|m| !self_docs.contains(&c(*m).doc))
            .collect()
    };
    if rest.len() < 2 {
        return;
    }
    let (a, b, v) = match extreme(claims, &rest) {
        Some(x) => x,
        None => return,
    };
    let v = beyond_digits(c(a), c(b), v);
    if v == Verdict::Agree {
        if ndocs >= 2 && self_docs.is_empty() {
            let mut members: Vec<u32> = Vec::new();
            let mut seen = HashSet::new();
            for &m in &rest {
                if seen.insert((c(m).doc, c(m).start)) && members.len() < MAX_MENTIONS {
                    members.push(m);
                }
            }
            out.agreeing.push((members, ndocs));
        }
        return;
    }
    // List the lower side, then the higher side.
    let ia = c(a).interval();
    let ib = c(b).interval();
    let mut low: Vec<u32> = vec![a];
    let mut high: Vec<u32> = vec![b];
    for &m in &rest {
        if m == a || m == b {
            continue;
        }
        let im = c(m).interval();
        if im.meets(&ia) && !im.meets(&ib) {
            low.push(m);
        } else if im.meets(&ib) && !im.meets(&ia) {
            high.push(m);
        }
    }
    // Capacity and investment belong to projects and plants a document
    // rarely names the same way twice: across documents, only worth a look.
    let metric = c(a).metric.as_str();
    let project = metric.ends_with("capacity") || metric.ends_with("investment");
    // (The period is known here: groups without one returned above.)
    let ok = v == Verdict::Differ && sure(c(a)) && sure(c(b)) && c(a).doc != c(b).doc && !project;
    let ms = both_sides(claims, &low, &high);
    out.push(ConflictKind::Value, &ms, why_not_rounding(c(a), c(b)), ok);
}

/// The lower side's mentions, then the higher side's, one per figure, at
/// most [`MAX_MENTIONS`] in all: each side keeps its share, so that twelve
/// documents stating the lower value never crowd out the one figure that
/// disagrees with them (each side's first is the extreme the explanation
/// names).
fn both_sides(claims: &ClaimsView<'_>, low: &[u32], high: &[u32]) -> Vec<u32> {
    let distinct = |side: &[u32], seen: &mut HashSet<(u32, u32)>| -> Vec<u32> {
        side.iter()
            .copied()
            .filter(|&m| {
                let c = &claims[m as usize];
                seen.insert((c.doc, c.start))
            })
            .collect()
    };
    let mut seen = HashSet::new();
    let low = distinct(low, &mut seen);
    let high = distinct(high, &mut seen);
    let half = MAX_MENTIONS / 2;
    let keep_high = high
        .len()
        .min(half.max(MAX_MENTIONS.saturating_sub(low.len())));
    let keep_low = low.len().min(MAX_MENTIONS - keep_high);
    let mut ms = low[..keep_low].to_vec();
    ms.extend_from_slice(&high[..keep_high]);
    ms
}

/// Claims with one key over different periods: a running total over a
/// longer period cannot be smaller than over a period inside it.
fn check_periods(out: &mut Out<'_>, members: &[u32]) {
    if members.len() < 2 {
        return;
    }
    let claims = out.claims;
    let c0 = &claims[members[0] as usize];
    let base = c0.metric.as_str().rsplit(' ').next().unwrap_or("");
    let base_full = c0.metric.as_str();
    let flow = is_flow(base_full)
        || is_flow(base)
        || base_full.ends_with("imports and exports")
        || base_full.ends_with("output value");
    if !flow
        || c0.change
        || !matches!(c0.dimension(), "count") && c0.kind != crosscheck_numbers::QuantityKind::Money
    {
        return;
    }
    if members.len() > 400 {
        return;
    }
    let ps: Vec<(u32, PKey, Interval)> = members
        .iter()
        .filter_map(|&m| {
            let c = &claims[m as usize];
            if c.has(flags::RETRACTED | flags::MODAL) {
                return None;
            }
            c.period.as_ref().map(|p| (m, pkey(p), c.interval()))
        })
        .collect();
    // Every pair is looked at (up to 160,000 for a key), and nearly all fail
    // at once: each period's ends as one ordered number each, so that the
    // test is a few integer comparisons, not ones of (year, month, day).
    let day = |(y, m, d): (i32, u8, u8)| (i64::from(y) << 16) | (i64::from(m) << 8) | i64::from(d);
    let spans: Vec<(i64, i64, bool)> = ps
        .iter()
        .map(|(_, p, _)| (day(p.start), day(p.end), p.fiscal))
        .collect();
    // Whether the first period holds the second and is not it (the same
    // fiscal or calendar reckoning, starting no later, ending no sooner).
    let contains = |(ls, le, lf): (i64, i64, bool), (ss, se, sf): (i64, i64, bool)| {
        lf == sf && ls <= ss && se <= le && (ls, le) != (ss, se)
    };
    let mut done = HashSet::new();
    for ((l, pl, il), &ls) in ps.iter().zip(&spans) {
        for ((s, ps_, is), &ss) in ps.iter().zip(&spans) {
            if !contains(ls, ss) || il.hi >= is.lo {
                continue;
            }
            if il.compare(is) != Verdict::Differ {
                continue;
            }
            if !done.insert((*pl, *ps_)) {
                continue;
            }
            let (cl, cs) = (&claims[*l as usize], &claims[*s as usize]);
            let explanation = format!(
                "{} for {} is smaller than {} for {}, a period inside it: a total over a longer period cannot be smaller, whatever the rounding",
                normalized(cl),
                cl.period.map(|p| p.iso()).unwrap_or_default(),
                normalized(cs),
                cs.period.map(|p| p.iso()).unwrap_or_default()
            );
            // The check hinges on the exact periods: carried ones only make it worth a look.
            let explicit =
                |c: &Claim| matches!(c.period_how, crate::How::Clause | crate::How::Sentence);
            // The shorter period must be stated: a carried one is too often the
            // last sub-period named rather than the figure's own.
            let ok = sure(cl) && sure(cs) && explicit(cs);
            out.push(ConflictKind::Period, &[*l, *s], explanation, ok);
        }
    }
}

/// Parts that must add up to a stated total, and shares of one whole that
/// add up to more than all of it.
fn check_sums(out: &mut Out<'_>) {
    let claims = out.claims;
    let mut groups: BTreeMap<(u32, u32), Vec<u32>> = BTreeMap::new();
    let in_sums = claims.par_positions(|c| c.sum_group != 0 && c.has(flags::TOTAL | flags::PART));
    for i in in_sums {
        let c = &claims[i as usize];
        groups.entry((c.doc, c.sum_group)).or_default().push(i);
    }
    for ms in groups.values() {
        let Some(&t) = ms.iter().find(|&&i| claims[i as usize].has(flags::TOTAL)) else {
            continue;
        };
        let parts: Vec<u32> = ms
            .iter()
            .copied()
            .filter(|&i| claims[i as usize].has(flags::PART))
            .collect();
        if parts.is_empty() {
            continue;
        }
        let total = &claims[t as usize];
        let it = total.interval();
        let sum = parts
            .iter()
            .map(|&p| claims[p as usize].interval())
            .fold(Interval::point(0.0), |a, b| a.add(&b));
        let exhaustive = total.has(flags::EXHAUSTIVE);
        // The sum's interval already carries every part's rounding: any gap
        // beyond 1% cannot be rounding.
        let apart = sum.relative_gap(&it) > 0.01;
        let over = sum.lo > it.hi && apart;
        let under = exhaustive && sum.hi < it.lo && apart;
        if !(over || under) {
            continue;
        }
        let point_sum: f64 = parts
            .iter()
            .filter_map(|&p| claims[p as usize].value())
            .sum();
        let explanation = format!(
            "the parts add up to {} but the total is stated as {}: {} apart, more than the rounding of the parts allows",
            format_value(point_sum),
            normalized(total),
            pct(sum.relative_gap(&it))
        );
        // A part is named by the breakdown itself, so its own metric may be
        // loose; its subject and period may not.
        let part_ok = |c: &Claim| {
            !matches!(c.subject_how, crate::How::Document | crate::How::Missing)
                && !matches!(c.period_how, crate::How::Document | crate::How::Missing)
        };
        let ok = sure(total) && parts.iter().all(|&p| part_ok(&claims[p as usize]));
        let mut m = vec![t];
        m.extend(parts);
        out.push(ConflictKind::Sum, &m, explanation, ok);
    }
    // Shares of one whole, in one sentence, over 100%.
    let mut shares: BTreeMap<(u32, u32, &'static str, &'static str, PKeyOrd), Vec<u32>> =
        BTreeMap::new();
    for i in claims.par_positions(is_stated_share) {
        let c = &claims[i as usize];
        let m = c.metric.as_str();
        if let Some((part, whole)) = m.split_once(" share of ") {
            if !part.is_empty() {
                shares
                    .entry((
                        c.doc,
                        c.sentence_start,
                        whole_static(whole, c),
                        c.subject.as_str(),
                        PKeyOrd(c.period.as_ref().map(pkey)),
                    ))
                    .or_default()
                    .push(i);
            }
        }
    }
    for ms in shares.values() {
        let mut parts: Vec<&str> = ms
            .iter()
            .map(|&i| claims[i as usize].metric.as_str())
            .collect();
        parts.sort_unstable();
        parts.dedup();
        if parts.len() < 2 || parts.len() != ms.len() {
            continue;
        }
        let sum = ms
            .iter()
            .map(|&i| claims[i as usize].interval())
            .fold(Interval::point(0.0), |a, b| a.add(&b));
        if sum.lo > 100.0 && sum.compare(&Interval::point(100.0)) == Verdict::Differ {
            let explanation = format!(
                "shares of one whole add up to at least {:.1}%, more than all of it",
                sum.lo
            );
            let ok = ms.iter().all(|&i| sure(&claims[i as usize]));
            out.push(ConflictKind::Sum, ms, explanation, ok);
        }
    }
}

fn whole_static(whole: &str, c: &Claim) -> &'static str {
    let m = c.metric.as_str();
    let at = m.len() - whole.len();
    &m[at..]
}

/// `P share of W` against the stated P and W.
/// A share stated as a level in percent (`45% of revenue`), not a change.
fn is_stated_share(c: &Claim) -> bool {
    c.has(flags::SHARE) && !c.change && c.dimension() == "%"
}

fn check_shares(out: &mut Out<'_>) {
    let claims = out.claims;
    // Part, share and whole in one sentence: read straight from the text.
    for s in claims.par_positions(|c| c.inline_share) {
        let (s, sc) = (s as usize, &claims[s as usize]);
        if s == 0 || s + 1 >= claims.len() {
            continue;
        }
        let same = |o: &Claim| o.doc == sc.doc && o.sentence_start == sc.sentence_start;
        let cw = &claims[s + 1];
        let Some(p) = (0..s).rev().take_while(|&i| same(&claims[i])).find(|&i| {
            // `186,730 vehicles ... 15.1% of the total, as it entered
            // 14 new markets`: a count of other things is no whole.
            let (pu, wu) = (claims[i].unit, cw.unit);
            !claims[i].change
                && claims[i].dimension() == cw.dimension()
                && (pu == wu || pu.is_empty() || wu.is_empty())
        }) else {
            continue;
        };
        let cp = &claims[p];
        if !same(cw) || cw.change {
            continue;
        }
        let (ip, iw) = (cp.interval(), cw.interval());
        // An `over` or `under` figure says too little of a share's parts.
        if iw.lo <= 0.0
            || ip.open
            || iw.open
            || !ip.lo.is_finite()
            || !ip.hi.is_finite()
            || !iw.hi.is_finite()
        {
            continue;
        }
        let ratio = Interval {
            lo: ip.lo / iw.hi * 100.0,
            hi: ip.hi / iw.lo * 100.0,
            open: false,
        };
        if sc.interval().compare(&ratio) != Verdict::Differ {
            continue;
        }
        let explanation = format!(
            "{} is stated as the share, but {} of {} in the same sentence is {:.1}%: apart by more than the rounding of all three figures",
            normalized(sc),
            normalized(cp),
            normalized(cw),
            cp.value().unwrap_or(f64::NAN) / cw.value().unwrap_or(f64::NAN) * 100.0
        );
        out.push(
            ConflictKind::Share,
            &[s as u32, p as u32, s as u32 + 1],
            explanation,
            true,
        );
    }
    type Look = (Sym, &'static str, Option<PKey>);
    let mut wanted: HashMap<Look, Vec<u32>> = HashMap::new();
    let mut share_claims = Vec::new();
    let shares = claims.par_positions(|c| is_stated_share(c) && !c.inline_share);
    for i in shares {
        let c = &claims[i as usize];
        if let Some((part, whole)) = c.metric.as_str().split_once(" share of ") {
            if part.is_empty() || whole.is_empty() {
                continue;
            }
            let pk = c.period.as_ref().map(pkey);
            wanted.insert((c.subject, part, pk), Vec::new());
            wanted.insert((c.subject, whole, pk), Vec::new());
            share_claims.push(i);
        }
    }
    if share_claims.is_empty() {
        return;
    }
    let look = |c: &Claim| -> Option<Look> {
        if c.change || c.has(flags::SHARE | flags::RETRACTED | flags::MODAL) || !comparable(c) {
            return None;
        }
        if !(c.kind == crosscheck_numbers::QuantityKind::Money || c.dimension() == "count") {
            return None;
        }
        Some((c.subject, descriptor(c), c.period.as_ref().map(pkey)))
    };
    let found = claims.par_picks(|c| look(c).filter(|k| wanted.contains_key(k)));
    for (i, key) in found {
        if let Some(v) = wanted.get_mut(&key) {
            v.push(i);
        }
    }
    for s in share_claims {
        let sc = &claims[s as usize];
        let Some((part, whole)) = sc.metric.as_str().split_once(" share of ") else {
            continue;
        };
        let pk = sc.period.as_ref().map(pkey);
        let (Some(ps), Some(ws)) = (
            wanted.get(&(sc.subject, part, pk)),
            wanted.get(&(sc.subject, whole, pk)),
        ) else {
            continue;
        };
        // Only a part and whole each stated consistently, in one dimension.
        let pick = |v: &Vec<u32>| -> Option<u32> {
            let (a, b, verdict) = extreme(claims, v)?;
            let _ = b;
            (verdict == Verdict::Agree).then_some(a)
        };
        // The part and whole its own document states come first: other
        // documents may disagree on them, the share's author read these.
        let own = |v: &Vec<u32>| -> Vec<u32> {
            let mine: Vec<u32> = v
                .iter()
                .copied()
                .filter(|&i| claims[i as usize].doc == sc.doc)
                .collect();
            if mine.is_empty() {
                v.clone()
            } else {
                mine
            }
        };
        let (Some(p), Some(w)) = (pick(&own(ps)), pick(&own(ws))) else {
            continue;
        };
        let (cp, cw) = (&claims[p as usize], &claims[w as usize]);
        if cp.dimension() != cw.dimension() || p == w {
            continue;
        }
        let (ip, iw) = (cp.interval(), cw.interval());
        if iw.lo <= 0.0 || ip.open || iw.open || !ip.lo.is_finite() || !ip.hi.is_finite() {
            continue;
        }
        let ratio = Interval {
            lo: ip.lo / iw.hi * 100.0,
            hi: ip.hi / iw.lo * 100.0,
            open: false,
        };
        let is = sc.interval();
        if is.compare(&ratio) != Verdict::Differ {
            continue;
        }
        let explanation = format!(
            "{} is stated as the share, but {} of {} is {:.1}%: apart by more than the rounding of all three figures",
            normalized(sc),
            normalized(cp),
            normalized(cw),
            cp.value().unwrap_or(f64::NAN) / cw.value().unwrap_or(f64::NAN) * 100.0
        );
        let ok = sure(sc) && sure(cp) && sure(cw);
        out.push(ConflictKind::Share, &[s, p, w], explanation, ok);
    }
}

/// The phrase a share's part or whole names a claim by: scope words first.
fn descriptor(c: &Claim) -> &'static str {
    if c.scope.is_empty() {
        c.metric.as_str()
    } else {
        Sym::new(&format!("{} {}", c.scope.as_str(), c.metric.as_str())).as_str()
        // (the same form as the claims stage's share descriptors)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_large_report_is_filled_in_parallel_parts_like_one_mention_at_a_time() {
        // Enough conflicting pairs that filling is cut into parts, read
        // back in batches that each hold documents of many conflicts.
        let texts: Vec<String> = (0..6000)
            .map(|i| {
                let value = if i % 2 == 0 { 43 } else { 34 };
                format!(
                    "In 2025, Region{}'s exports reached {value} billion yuan.",
                    i / 2
                )
            })
            .collect();
        let names: Vec<String> = (0..texts.len()).map(|i| format!("{i}.txt")).collect();
        let claims: Vec<Claim> = texts
            .iter()
            .enumerate()
            .flat_map(|(i, t)| extract_claims(&DocView::analyze(i as u32, t)))
            .collect();
        let mut report = reconcile(&claims, &names);
        assert_eq!(report.conflicts.len(), 3000);
        let unfilled = report.unfilled();
        let docs = unfilled.documents();
        let shift = |o: usize| o + 7;
        for batch in docs.chunks(4500) {
            let sources: Vec<TextSource<'_>> = batch
                .iter()
                .map(|&d| TextSource {
                    doc: d,
                    text: &texts[d as usize],
                    to_file: &shift,
                    line_of: None,
                })
                .collect();
            report.fill_texts_in(&unfilled, &sources);
        }
        assert!(report.documents_to_fill().is_empty());
        for c in &report.conflicts {
            for m in &c.mentions {
                let text = &texts[m.doc_index as usize];
                assert_eq!(m.text, text[m.start - 7..m.end - 7]);
                assert_eq!(m.sentence, text.trim());
                assert!(m.text.ends_with("billion yuan"), "{}", m.text);
            }
        }
    }

    #[test]
    fn push_four_places_matches_the_exact_formatting() {
        // Values of every size and kind the report prints, and random ones.
        let mut next = crate::test_rng::xorshift(0x9e37_79b9_7f4a_7c15);
        let mut values = vec![
            0.0,
            -0.0,
            0.5,
            77.5,
            43.0,
            1.23456,
            0.00005,
            0.00015,
            -0.00004,
            12.34565,
            999_999.999_95,
            2.5e-5,
            1e-9,
            123_456_789.0,
            0.1 + 0.2,
            f64::NAN,
            f64::INFINITY,
        ];
        for _ in 0..200_000 {
            let r = next();
            let mantissa = (r >> 11) as f64 / (1u64 << 53) as f64;
            let exp = (r % 16) as i32 - 6;
            let v = mantissa * 10f64.powi(exp);
            values.push(if r & 1 == 1 { -v } else { v });
            // Figures as written: a few decimals, then scaled.
            let written = (r % 1_000_000) as f64 / 10f64.powi((r % 5) as i32);
            values.push(written);
            values.push(written * 1e9 / 1e9);
        }
        for v in values {
            let mut fast = String::new();
            if super::push_four_places(&mut fast, v) {
                let exact = format!("{v:.4}");
                let trimmed = exact.trim_end_matches('0').trim_end_matches('.');
                assert_eq!(fast, trimmed, "{v:e}");
            }
        }
    }

    use super::*;
    use crate::{extract_claims, DocView};

    fn run(texts: &[&str]) -> Report {
        let mut claims = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            claims.extend(extract_claims(&DocView::analyze(i as u32, t)));
        }
        let names: Vec<String> = (0..texts.len()).map(|i| format!("d{i}.txt")).collect();
        reconcile_texts(&claims, &names, texts)
    }

    #[test]
    fn a_different_value_conflicts() {
        let r = run(&[
            "In 2025, Zhejiang's exports reached 43 billion yuan.",
            "In 2025, Zhejiang's exports reached 34 billion yuan.",
        ]);
        assert_eq!(r.conflicts.len(), 1, "{r:#?}");
        assert_eq!(r.conflicts[0].kind, ConflictKind::Value);
        assert_eq!(r.conflicts[0].mentions[0].text, "34 billion yuan");
    }

    #[test]
    fn the_figure_that_disagrees_is_listed_however_many_agree() {
        // Fourteen documents state the lower value: the cap on mentions
        // must not leave out the one that disagrees with them.
        let mut texts: Vec<&str> = vec!["In 2025, Zhejiang's exports reached 34 billion yuan."; 14];
        texts.push("In 2025, Zhejiang's exports reached 43 billion yuan.");
        let r = run(&texts);
        assert_eq!(r.conflicts.len(), 1, "{r:#?}");
        let values: Vec<f64> = r.conflicts[0]
            .mentions
            .iter()
            .filter_map(|m| m.value)
            .collect();
        assert!(
            values.contains(&43e9) && values.contains(&34e9),
            "{values:?}"
        );
        assert!(values.len() <= MAX_MENTIONS);
    }

    #[test]
    fn a_rounding_corroborates() {
        let r = run(&[
            "In 2025, Zhejiang's exports reached 43 billion yuan.",
            "In 2025, Zhejiang's exports reached 43.2 billion yuan.",
        ]);
        assert!(r.conflicts.is_empty(), "{r:#?}");
        assert_eq!(r.corroborated, 1);
    }

    #[test]
    fn present_tense_headcounts_are_as_of_the_text_s_date() {
        // A dateline without its year: the two headcounts of one story are
        // as of its day, and contradict each other; another story's, of an
        // unknown year, is set against neither.
        let story = "TOKYO, Jan. 3 (Wire) -- Dorora Auto said on Thursday that its revenue rose 5% to 14.3 billion yen in 2021.\n\n\
                     Founded in 1992, Dorora Auto employs 185 employees and has plants in Tokyo.\n\n\
                     Founded in 1992, Dorora Auto employs 346 employees and has plants in Osaka.";
        let other = "TOKYO, Jan. 9 (Wire) -- Dorora Auto said its revenue rose 5% to 14.3 billion yen in 2021.\n\n\
                     Dorora Auto employs 500 employees.";
        let r = run(&[story, other]);
        assert_eq!(r.conflicts.len(), 1, "{r:#?}");
        let c = &r.conflicts[0];
        assert_eq!(c.kind, ConflictKind::SelfContradiction, "{c:#?}");
        assert!(c.mentions.iter().all(|m| m.doc_index == 0), "{c:#?}");
        // Dated with its year, two stories' headcounts of one year compare.
        let r = run(&[
            "Released 4 April 2025\n\nDorora Auto employs 185 employees.",
            "Released 9 April 2025\n\nDorora Auto employs 346 employees.",
        ]);
        assert_eq!(r.conflicts.len(), 1, "{r:#?}");
    }

    #[test]
    fn another_period_is_not_compared() {
        let r = run(&[
            "In 2025, Zhejiang's exports reached 43 billion yuan.",
            "In 2024, Zhejiang's exports reached 34 billion yuan.",
        ]);
        assert!(r.conflicts.is_empty(), "{r:#?}");
    }

    #[test]
    fn change_and_level_are_not_compared() {
        let r = run(&[
            "In 2025, Zhejiang's exports rose 7.2% year-on-year.",
            "In 2025, Zhejiang's exports were 7.9 billion yuan.",
        ]);
        assert!(r.conflicts.is_empty() && r.review.is_empty(), "{r:#?}");
    }

    #[test]
    fn currencies_are_never_converted() {
        let r = run(&[
            "In 2025, Zhejiang's exports reached 43 billion yuan.",
            "In 2025, Zhejiang's exports reached $6 billion.",
        ]);
        assert!(r.conflicts.is_empty() && r.review.is_empty(), "{r:#?}");
    }

    #[test]
    fn output_is_deterministic() {
        let texts = [
            "In 2025, Zhejiang's exports reached 43 billion yuan.",
            "In 2025, Zhejiang's exports reached 34 billion yuan.",
            "In 2025, Zhejiang's exports reached 43.1 billion yuan.",
        ];
        let a = serde_json::to_string(&run(&texts)).unwrap_or_default();
        let b = serde_json::to_string(&run(&texts)).unwrap_or_default();
        assert_eq!(a, b);
    }

    /// `bad` holds one sum conflict; `good` (the same with other figures) none.
    fn one_sum_conflict(bad: &str, good: &str) {
        let r = run(&[bad]);
        assert_eq!(r.conflicts.len(), 1, "{r:#?}");
        assert_eq!(r.conflicts[0].kind, ConflictKind::Sum);
        let r = run(&[good]);
        assert!(r.conflicts.is_empty(), "{r:#?}");
    }

    #[test]
    fn a_breakdown_under_a_heading_must_not_exceed_its_total() {
        let over = "In 2025, Henan's exports were 904 billion yuan.\n\nBy type of enterprise\n\nHenan's private enterprises exported 712 billion yuan. Henan's state-owned enterprises exported 305 billion yuan.\n";
        // A heading does not say the list is complete: falling short is fine.
        one_sum_conflict(over, &over.replace("712", "512"));
    }

    #[test]
    fn about_is_no_licence_for_a_fifth_apart() {
        let r = run(&[
            "In 2023, Astramark's revenue was about 565 million yuan.",
            "In 2023, Astramark's revenue was about 697 million yuan.",
        ]);
        assert_eq!(r.conflicts.len(), 1, "{r:#?}");
        // Within the slack of `about`, they agree.
        let r = run(&[
            "In 2023, Astramark's revenue was about 565 million yuan.",
            "In 2023, Astramark's revenue was about 590 million yuan.",
        ]);
        assert!(r.conflicts.is_empty() && r.review.is_empty(), "{r:#?}");
    }

    #[test]
    fn parts_of_the_total_in_the_next_sentence_must_not_exceed_it() {
        let over = "Zhejiang's exports rose 5.4% to 438 billion yuan in 2025. Of the total, 258 billion yuan went to the European Union, 183 billion yuan to ASEAN and 116 billion yuan to Latin America.";
        one_sum_conflict(over, &over.replace("258", "58"));
    }

    #[test]
    fn a_chinese_breakdown_with_an_other_part_must_add_up() {
        let text = "2025年，河南省光伏产品出口500亿元，同比增长3.1%。其中，组件出口312亿元；逆变器出口105亿元；其他光伏产品出口41亿元。";
        one_sum_conflict(text, &text.replace("41亿元", "83亿元"));
    }

    #[test]
    fn a_shortened_metric_meets_the_one_fuller_name() {
        let r = run(&[
            "In January-October 2025, Henan's battery exports reached 18.3 billion yuan.",
            "In January-November 2025, Henan's lithium battery exports reached 17.6 billion yuan.",
        ]);
        assert_eq!(r.conflicts.len(), 1, "{r:#?}");
        assert_eq!(r.conflicts[0].kind, ConflictKind::Period);
        // Two fuller names: `battery exports` may be either, so neither.
        let r = run(&[
            "In January-October 2025, Henan's battery exports reached 18.3 billion yuan.",
            "In January-November 2025, Henan's lithium battery exports reached 17.6 billion yuan.",
            "In January-November 2025, Henan's lead-acid battery exports reached 2.1 billion yuan.",
        ]);
        assert!(r.conflicts.is_empty(), "{r:#?}");
    }

    #[test]
    fn a_short_name_with_its_own_change_is_not_the_fuller_one() {
        // One document gives the total and a part different changes of one
        // period: `retail sales` is no shortening of `online retail sales`.
        let r = run(&[
            "In January-June 2025, Harlow's total retail sales reached 212.4 billion yuan, up 3.9%. Harlow's online retail sales rose 11.2%.",
            "In January-June 2025, Harlow's online retail sales reached 64.1 billion yuan.",
        ]);
        assert!(r.conflicts.is_empty(), "{r:#?}");
    }

    #[test]
    fn markets_under_a_heading_are_not_summed() {
        // Regions overlap: Belt and Road countries include ASEAN.
        let text = "In 2025, Henan's exports were 904 billion yuan.\n\nBy market\n\nHenan's exports to ASEAN were 512 billion yuan. Henan's exports to the EU were 433 billion yuan.\n";
        let r = run(&[text]);
        assert!(
            r.conflicts.iter().all(|c| c.kind != ConflictKind::Sum),
            "{r:#?}"
        );
    }

    #[test]
    fn a_carmakers_sales_growth_is_not_revenue_growth() {
        let r = run(&[
            "In 2025, Hexi Motor Co., Ltd. sold 212,000 vehicles. Hexi Motor's sales rose 40%.",
            "In 2025, Hexi Motor Co., Ltd. said its revenue rose 29.1%.",
        ]);
        assert!(r.conflicts.is_empty(), "{r:#?}");
    }
}
