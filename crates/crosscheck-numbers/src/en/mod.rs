//! English figures: numbers in digits or words, money, percentages,
//! multipliers, counts, measures, ranges, bounds and changes.
//!
//! One left-to-right pass over the text's bytes. At each place where a
//! figure can start (a digit, a number word, a vulgar fraction) the figure is
//! read forward with a bounded look-ahead, the words just before it are read
//! backward (currency, bound and change words), and the scan resumes after
//! it. Nothing is allocated except the quantities found (and the lemma of a
//! counted noun) and, on the same pass, the time scanner's cues (where a
//! time expression may start, see [`crate::time::Cues`]).
//!
//! `¥` is ambiguous between yen and yuan: the words around it decide
//! (`yuan`, `RMB`, `China`, `Chinese`, CJK text → `CNY`; `yen`, `Japan`,
//! `Japanese`, `Tokyo` → `JPY`), first within 200 bytes, then in the whole
//! text; with no clue it is `JPY`.

mod digits;
mod lex;
mod numeral;
mod suffix_words;
mod units;
mod words;

use crate::quantity::{Approx, Basis, Quantity, QuantityKind};
use crate::time::Cues;
use crosscheck_text::{Span, Token};
use lex::{at, char_len, glued_before, lower, next, prev, tok_at, Tok, K};
pub(crate) use lex::{letters_end, letters_start, word_key};
use numeral::{number_at, Num, NumKind};
use std::borrow::Cow;
pub(crate) use words::{key_slot, WordFilter};

/// Finds English figures in `text`. The tokens are not needed: the scanner
/// reads the bytes itself so that it does not depend on how a tokenizer
/// splits `77.5%` or `$2.5m`.
pub(crate) fn scan(text: &str, _tokens: &[Token]) -> Vec<Quantity> {
    Scanner::new(text, 0).run().0
}

/// [`scan`], into a list with room for `room` more quantities after the
/// English ones (the other families' findings), with the places where a
/// time expression may start, found on the same pass over the text.
pub(crate) fn scan_with_cues(text: &str, room: usize) -> (Vec<Quantity>, Cues) {
    Scanner::new(text, room).run()
}

/// Adds, after each mixed number that ends in `and a(n)` and an ordinal
/// word (`forty two and a third`, `232 and a thirtieth`), that ordinal word
/// as an ordinal of its own, nested in the fraction's span.
///
/// The words are read two ways: as one mixed number (42⅓), and as a number
/// coordinated with an ordinal (`forty two, and a third [one]`), and the text
/// does not settle which, so both readings are reported. A fraction written
/// any other way (`a third`, `two thirds`, `one and three fifths`, `a
/// trillionth`) has only the one reading. Called on the merged findings, so
/// the nested reading never competes with the fraction for its span;
/// consumers that want one reading per span skip ordinals (as claims do).
pub(crate) fn add_and_a_ordinals(text: &str, found: &mut Vec<Quantity>) {
    let b = text.as_bytes();
    let nested: Vec<(usize, Quantity)> = found
        .iter()
        .enumerate()
        .filter(|(_, q)| q.kind == QuantityKind::Fraction)
        .filter_map(|(i, q)| Some((i, ordinal_after_and_a(b, q.span)?)))
        .collect();
    if nested.is_empty() {
        return;
    }
    // One pass, each nested reading right after its fraction.
    let mut nested = nested.into_iter().peekable();
    let mut out = Vec::with_capacity(found.len() + nested.len());
    for (i, q) in found.drain(..).enumerate() {
        out.push(q);
        if let Some((_, n)) = nested.next_if(|(k, _)| *k == i) {
            out.push(n);
        }
    }
    *found = out;
}

/// The ordinal word that ends the mixed number at `span` after `and a(n)`.
fn ordinal_after_and_a(b: &[u8], span: Span) -> Option<Quantity> {
    let mut t = tok_at(b, span.start);
    let mut found = None;
    while t.s < span.end && t.e > t.s {
        if t.word(b, "and") {
            let article = next(b, t.e);
            if article.word(b, "a") || article.word(b, "an") {
                let o = next(b, article.e);
                if o.k == K::Word {
                    if let Some(num) = number_at(b, o.s) {
                        if num.kind == NumKind::Ordinal && num.e == span.end {
                            found = Some((o.s, num.value));
                        }
                    }
                }
            }
        }
        t = next(b, t.e);
    }
    let (s, value) = found?;
    let mut q = Quantity::new(Span::new(s, span.end), QuantityKind::Ordinal, Some(value));
    q.precision = Some(0.0);
    Some(q)
}

struct Scanner<'a> {
    text: &'a str,
    b: &'a [u8],
    out: Vec<Quantity>,
    /// Where the last quantity ended: look-back never crosses it.
    floor: usize,
    /// The whole text's clue for `¥`, worked out at the first `¥`.
    yen_doc: std::cell::Cell<Option<&'static str>>,
    /// The last piece read by [`Scanner::next_tok`], with where it was read
    /// from.
    after: std::cell::Cell<(usize, Tok)>,
    /// Where time expressions may start, gathered on the way for the time
    /// scanner: the words of the text are walked once for both.
    cues: Cues,
}

/// A bound or approximation word before a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    Over,
    Under,
    About,
    Equal,
    Between,
    From,
}

/// A figure with its unit, before ranges and bounds are applied.
#[derive(Debug, Clone)]
struct Fig {
    s: usize,
    e: usize,
    value: f64,
    prec: f64,
    kind: QuantityKind,
    unit: Option<String>,
    /// The number part is plain digits of a year (1900–2100) with nothing around it.
    year: bool,
    /// Number of the figure's own scale (`million`), for ranges: `5 to 7 million`.
    scale: f64,
    /// The piece before `s` (down to the floor the figure was read with),
    /// when the figure already read it: the bound words are read from it.
    before: Option<Tok>,
}

/// `the top 10 exporters`: a rank's bound, not an amount.
/// `before` is the piece before the number (`prev(b, s, floor)`).
fn rank_after_top(b: &[u8], before: Tok) -> bool {
    before.word(b, "top")
}

/// `12,000 Model 3 sedans`, `the BYD Seal 06`, `a Boeing 737 order`,
/// `Fortune 500`: a short number after a capitalized word inside a
/// sentence names a product, a rule or a list. Not after a month (`March
/// 3`) or a currency (`Rs 500`), not at a sentence's start (`About 500`),
/// and not in a headline written in title case (`Sales Rise 5 Percent`),
/// whose next word is capitalized too. `w` is the piece before the number
/// (`prev(b, s, floor)`).
fn name_with_number(b: &[u8], s: usize, e: usize, floor: usize, w: Tok) -> bool {
    if e - s > 4 {
        return false;
    }
    let word = w.bytes(b);
    // One space apart: a table aligned by spaces puts more between.
    if w.k != K::Word
        || s - w.e != 1
        || word.len() < 2
        || !word[0].is_ascii_uppercase()
        || !word[1..].iter().all(u8::is_ascii_lowercase)
    {
        return false;
    }
    // Inside a sentence: a word or a figure before the name (or the figure
    // read before, which the floor hides). Not a list's next item, whose
    // figure is its own (`BYD sold 500, Geely 900 and Chery 700`).
    let before = prev(b, w.s, floor);
    let after_figure = before.k == K::End && before.s > 0;
    let list_item = ["and", "or", "while", "but", "whereas"]
        .iter()
        .any(|c| before.word(b, c));
    if !(matches!(before.k, K::Word | K::Digits) || after_figure) || list_item {
        return false;
    }
    // On one line of running text: a table's cells (`Output\t881
    // vehicles`) are apart by tabs or lines.
    if b[before.e.min(w.s)..s]
        .iter()
        .any(|&c| matches!(c, b'\n' | b'\r' | b'\t' | b'|'))
    {
        return false;
    }
    let mut buf = [0u8; 24];
    let lw = lower(word, &mut buf);
    if units::currency_word(lw).is_some()
        || matches!(
            lw,
            b"rs" | b"rp" | b"tk" | b"kr" | b"sh" | b"ksh" | b"dh" | b"dhs" | b"no" | b"nos"
        )
        || std::str::from_utf8(word).is_ok_and(crate::time::is_month_name)
    {
        return false;
    }
    let after = next(b, e);
    !(after.is(b, b'%') || after.k == K::Word && after.bytes(b)[0].is_ascii_uppercase())
}

/// `one` as a pronoun, not a count: `one another`, `one after another`,
/// `one by one`, `no one`. `p1` is the piece before `s` (`prev(b, s,
/// floor)`).
fn one_in_idiom(b: &[u8], s: usize, e: usize, floor: usize, p1: Tok) -> bool {
    if !b[s..e].eq_ignore_ascii_case(b"one") {
        return false;
    }
    // `one-off items`, `a one-time charge`, `one-stop`: an adjective
    // compounded with `one`, no count (`one-third` is still a fraction).
    if b.get(e) == Some(&b'-') {
        let rest = &b[e + 1..];
        let word_len = rest
            .iter()
            .position(|c| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let word = &rest[..word_len];
        if [
            &b"off"[..],
            b"time",
            b"stop",
            b"way",
            b"sided",
            b"size",
            b"shot",
            b"liner",
            b"on",
        ]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
        {
            return true;
        }
    }
    let t1 = next(b, e);
    if t1.word(b, "another") {
        return true;
    }
    let t2 = next(b, t1.e);
    if (t1.word(b, "after") && t2.word(b, "another")) || (t1.word(b, "by") && t2.word(b, "one")) {
        return true;
    }
    if p1.word(b, "no") {
        return true;
    }
    p1.word(b, "by") && prev(b, p1.s, floor).word(b, "one")
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str, room: usize) -> Self {
        Scanner {
            text,
            b: text.as_bytes(),
            // About one figure in a hundred bytes of figure-dense text, and
            // the time expressions added later: the list grows seldom.
            out: Vec::with_capacity(text.len() / 64 + room),
            floor: 0,
            yen_doc: std::cell::Cell::new(None),
            cues: Cues::with_capacity_for(text.len()),
            after: std::cell::Cell::new((
                usize::MAX,
                Tok {
                    s: 0,
                    e: 0,
                    k: K::End,
                },
            )),
        }
    }

    /// `next(b, p)`, remembered for the last `p`: the end of a figure is
    /// read after by the unit, bound, range, change and basis checks in turn.
    fn next_tok(&self, p: usize) -> Tok {
        let (q, t) = self.after.get();
        if q == p {
            return t;
        }
        let t = next(self.b, p);
        self.after.set((p, t));
        t
    }

    /// Reads the text from start to end; returns the quantities found and
    /// the time scanner's cues.
    ///
    /// Every byte is passed over once by the loop: plain bytes (which hold
    /// no cue) and words that start no figure (whose cue, if any, is taken
    /// right there) in the loop itself, and everything else in one step
    /// whose bytes are then one cue (unless they are a single character
    /// that is no digit).
    fn run(mut self) -> (Vec<Quantity>, Cues) {
        let b = self.b;
        let text = self.text;
        let mut p = 0;
        let mut buf = [0u8; 24];
        // ASCII bytes that never start anything below (spaces, most
        // punctuation): passed over by one look-up each, in a loop of their
        // own (a table of all 256 bytes, the others false).
        const PLAIN: [bool; 256] = {
            let mut t = [false; 256];
            let mut c = 0;
            while c < 128 {
                let u = c as u8;
                t[c] = !u.is_ascii_alphanumeric() && u != b'.';
                c += 1;
            }
            t
        };
        loop {
            while let Some(&c) = b.get(p) {
                if !PLAIN[usize::from(c)] {
                    break;
                }
                p += 1;
            }
            let Some(&c) = b.get(p) else { break };
            let from = p;
            if c.is_ascii_alphabetic() {
                let e = letters_end(b, p + 1);
                // Most words can start neither a figure nor a time
                // expression: a table of first and last letters by length
                // skips them before any lookup. (`e - 1` is the run's last
                // letter, inside the text.)
                let leads = LEADS_AND_CUES.flags_by_ends(c, b[e - 1], e - p);
                if leads == 0 {
                    p = e;
                    continue;
                }
                let t = Tok {
                    s: p,
                    e,
                    k: K::Word,
                };
                p = if leads & words::FIRST != 0 {
                    self.word_step(t, &mut buf)
                } else {
                    t.e
                };
                if p == t.e {
                    // Only the word was read. After a figure that ends inside
                    // a run of letters, the run is in the figure's cue.
                    if leads & words::SECOND != 0 && !glued_letter_before(b, from) {
                        self.cues.word(text, t.s, t.e);
                    }
                    continue;
                }
            } else {
                p = self.other_step(p, c);
                if p - from == char_len(c) && !c.is_ascii_digit() {
                    // One character that is no digit (a point, a quote, a
                    // dash, a Han character): it makes no token start the
                    // time lexer, whatever the token holds besides (that
                    // has cues of its own).
                    continue;
                }
            }
            self.cues.span(from, p);
        }
        (self.out, self.cues)
    }

    /// Reads what starts at the word `t`, which may start a figure;
    /// returns where the loop goes on.
    fn word_step(&mut self, t: Tok, buf: &mut [u8; 24]) -> usize {
        let b = self.b;
        let w = lower(t.bytes(b), buf);
        if w == b"a" || w == b"an" {
            // `a dozen`, `a half`, `a third`: only when a number word follows.
            let n = next(b, t.e);
            let mut b2 = [0u8; 24];
            if n.k != K::Word || words::word_class(lower(n.bytes(b), &mut b2)).is_none() {
                return t.e;
            }
        }
        if (w == b"http" || w == b"https") && b.get(t.e..t.e + 3) == Some(b"://")
            || w == b"www" && at(b, t.e) == b'.'
        {
            // A URL: nothing in it is a figure.
            let mut p = t.e;
            while p < b.len() && !matches!(b[p], b' ' | b'\t' | b'\n' | b'\r') {
                p += 1;
            }
            return p;
        }
        if let Some((v, verb)) = multiplier_word(w) {
            if !at(b, t.e).is_ascii_alphanumeric() && t.s >= self.floor {
                let mut q = Quantity::new(Span::new(t.s, t.e), QuantityKind::Multiplier, Some(v));
                q.unit = Some("x".into());
                q.precision = Some(0.0);
                q.change = verb;
                self.change_and_basis(&mut q, t.s, t.e, None);
                self.floor = t.e;
                self.out.push(q);
                return t.e;
            }
        }
        if starts_figure(w) && !at(b, t.e).is_ascii_digit() {
            if let Some(end) = self.try_at(t.s) {
                return end;
            }
        }
        t.e
    }

    /// Reads what starts at `p`, byte `c`, neither a letter nor a plain
    /// byte; returns where the loop goes on.
    fn other_step(&mut self, p: usize, c: u8) -> usize {
        let b = self.b;
        if c.is_ascii_digit() || (c == b'.' && at(b, p + 1).is_ascii_digit() && !glued_before(b, p))
        {
            if let Some(end) = self.try_at(p) {
                return end;
            }
            // Skip the rest of this alphanumeric run.
            let mut p = p + 1;
            while at(b, p).is_ascii_alphanumeric() {
                p += 1;
            }
            return p;
        }
        if c >= 0x80 {
            if vulgar(b, p).is_some() {
                if let Some(end) = self.try_at(p) {
                    return end;
                }
            }
            return p + char_len(c);
        }
        p + 1
    }

    /// Tries to read a quantity starting at `p`; returns where it ends.
    fn try_at(&mut self, p: usize) -> Option<usize> {
        let b = self.b;
        // Digits glued after letters (`A320`, `Q3`, `CO2`) are codes, unless
        // the letters are a currency (`USD115`, `nzd$15` is handled by `$`).
        if at(b, p).is_ascii_digit() && glued_before(b, p) {
            let mut s = p;
            while s > 0 && b[s - 1].is_ascii_alphabetic() {
                s -= 1;
            }
            let w = &b[s..p];
            let cur = units::iso_code(w)
                .or_else(|| units::iso_lower(w))
                .or_else(|| units::local_abbreviation(w));
            if cur.is_none() || (s > 0 && b[s - 1].is_ascii_alphanumeric()) {
                return None;
            }
        }
        // The decimals of a code turned away above (`A320.5`, `XR141.27`)
        // are no figure of their own.
        if p >= 2 && matches!(b[p - 1], b'.' | b',') && b[p - 2].is_ascii_digit() {
            let mut s = p - 2;
            while s > 0 && b[s - 1].is_ascii_digit() {
                s -= 1;
            }
            if glued_before(b, s) {
                return None;
            }
        }
        let q = self.quantity(p)?;
        let end = q.span.end;
        self.floor = end;
        self.out.push(q);
        Some(end)
    }

    /// Reads a figure at `p` with everything around it into a quantity.
    fn quantity(&self, p: usize) -> Option<Quantity> {
        let b = self.b;
        // `percent of 10`, `per cent of twenty-two`.
        if let Some(q) = self.percent_of(p) {
            return Some(q);
        }
        let mut f = self.figure(p, self.floor)?;
        let mut q_start = f.s;
        // Words before: bounds and approximations (inside the span), then
        // change verbs (outside it).
        let (bstart, bound) =
            bound_before(b, f.s, self.floor, f.before).map_or((f.s, None), |(s, k)| (s, Some(k)));
        if bound.is_some() {
            q_start = bstart;
        }
        if f.year && bound.is_none() {
            // A bare year belongs to the time expressions, unless a range of
            // non-years follows.
            return None;
        }
        let mut value = Some(f.value);
        let mut range = None;
        let mut approx = Approx::Exact;
        let mut end = f.e;
        match bound {
            Some(Bound::Over) => {
                approx = Approx::Over;
                range = Some((Some(f.value), None));
            }
            Some(Bound::Under) => {
                approx = Approx::Under;
                range = Some((None, Some(f.value)));
            }
            Some(Bound::About) => approx = Approx::About,
            Some(Bound::Equal) => range = Some((Some(f.value), Some(f.value))),
            Some(Bound::Between) | Some(Bound::From) => {}
            None => {}
        }
        // `between more than 78.78m and 87.07m`: a bound word inside a
        // range's first end; the range, when it closes, wins over it.
        let outer = match bound {
            Some(Bound::Over | Bound::Under | Bound::About) => {
                bound_before(b, bstart, self.floor, None)
                    .filter(|(_, k)| matches!(k, Bound::Between | Bound::From))
            }
            _ => None,
        };
        let range_bound = outer.map_or(bound, |(_, k)| Some(k));
        // Ranges: `between 5 and 7`, `from 200 to 300`, `30,000 to 40,000`, `10%-15%`.
        if matches!(
            range_bound,
            None | Some(Bound::Between | Bound::From | Bound::About)
        ) {
            if let Some((hi, e)) = self.range_end(&f, range_bound) {
                if let Some((outer_start, _)) = outer {
                    q_start = outer_start;
                    approx = Approx::About;
                }
                if bound == Some(Bound::About) {
                    approx = Approx::About;
                }
                if f.year && hi.year {
                    return None;
                }
                // `5 to 7 million`: the first end shares the second's scale,
                // unless it is written in full (`€868,161-EUR 1.06 million`).
                let lo_v = if hi.scale > 1.0
                    && f.scale <= 1.0
                    && f.kind != QuantityKind::Ordinal
                    && f.value <= hi.value / hi.scale
                {
                    f.value * hi.scale
                } else {
                    f.value
                };
                if f.unit.is_none() {
                    f.unit = hi.unit.clone();
                    if f.kind == QuantityKind::Number
                        || f.kind == QuantityKind::Ordinal && hi.kind != QuantityKind::Number
                    {
                        f.kind = hi.kind;
                    }
                }
                f.prec = f.prec.max(hi.prec);
                value = None;
                range = Some((Some(lo_v), Some(hi.value)));
                end = e;
            } else if matches!(bound, Some(Bound::Between | Bound::From)) {
                q_start = f.s;
            }
        }
        // `rose 5% from 2024`: a year after `from` that opens no range is
        // the time expressions' too.
        if f.year && range.is_none() && matches!(bound, None | Some(Bound::From | Bound::Between)) {
            return None;
        }
        // Bounds after: `500 or more`, `5000 or less`, `200 or greater than`.
        if matches!(bound, None | Some(Bound::About)) && range.is_none() {
            if let Some((k, e)) = bound_after(b, self.next_tok(end)) {
                end = e;
                match k {
                    Bound::Over => {
                        approx = Approx::Over;
                        range = Some((Some(f.value), None));
                    }
                    _ => {
                        approx = Approx::Under;
                        range = Some((None, Some(f.value)));
                    }
                }
            }
        } else if matches!(bound, Some(Bound::Over | Bound::Under | Bound::Equal)) {
            // `less than 5000 or equal`, `equal to 5000 or less`.
            let t1 = self.next_tok(end);
            if t1.word(b, "or") {
                let t2 = next(b, t1.e);
                let t3 = next(b, t2.e);
                let t4 = if t3.word(b, "to") { next(b, t3.e) } else { t3 };
                let number_follows = t4.k == K::Digits || starts_figure_tok(b, &t4);
                if t2.word(b, "equal") && !number_follows {
                    end = if t3.word(b, "to") { t3.e } else { t2.e };
                } else if bound == Some(Bound::Equal) {
                    if let Some((k, e)) = bound_after(b, self.next_tok(end)) {
                        end = e;
                        if k == Bound::Over {
                            approx = Approx::Over;
                            range = Some((Some(f.value), None));
                        } else {
                            approx = Approx::Under;
                            range = Some((None, Some(f.value)));
                        }
                    }
                }
            }
        }
        // Two bounds joined: `more than 10 and less than 40`.
        if let (Some((lo, hi)), true) = (range, matches!(bound, Some(Bound::Over | Bound::Under))) {
            let t1 = self.next_tok(end);
            if t1.word(b, "and") || t1.word(b, "but") || t1.is(b, b',') {
                if let Some(other) = self.second_bound(t1.e) {
                    let (olo, ohi, oe) = other;
                    let merged = match (lo, hi, olo, ohi) {
                        (Some(l), None, None, Some(h)) | (None, Some(h), Some(l), None)
                            if l < h =>
                        {
                            Some((l, h))
                        }
                        _ => None,
                    };
                    if let Some((l, h)) = merged {
                        range = Some((Some(l), Some(h)));
                        value = None;
                        approx = Approx::Exact;
                        end = oe;
                    }
                }
            }
        }
        let finite = |v: Option<f64>| v.is_none_or(f64::is_finite);
        if !finite(value) || range.is_some_and(|(lo, hi)| !finite(lo) || !finite(hi)) {
            return None;
        }
        let mut quantity = Quantity::new(Span::new(q_start, end), f.kind, value);
        quantity.range = range;
        quantity.unit = f.unit;
        quantity.approx = approx;
        quantity.precision = Some(f.prec);
        // The piece before the figure, when read, is the one before the span.
        let before = f.before.filter(|_| q_start >= f.s);
        self.change_and_basis(&mut quantity, q_start.min(f.s), end, before);
        self.continue_list(&mut quantity);
        Some(quantity)
    }

    /// The second bound of `more than 10 and less than 40`: (lo, hi, end).
    fn second_bound(&self, p: usize) -> Option<(Option<f64>, Option<f64>, usize)> {
        let b = self.b;
        // Find the figure after a bound phrase: read forward up to 6 words.
        let mut q = p;
        for _ in 0..6 {
            let t = next(self.b, q);
            if t.k == K::Digits || t.k == K::Word && starts_figure_tok(b, &t) {
                let f = self.figure(t.s, p)?;
                let (bs, k) = bound_before(b, f.s, p, f.before)?;
                // The second bound must follow the joining word directly.
                if bs != next(b, p).s {
                    return None;
                }
                return match k {
                    Bound::Over => Some((Some(f.value), None, f.e)),
                    Bound::Under => Some((None, Some(f.value), f.e)),
                    _ => None,
                };
            }
            if t.k == K::End {
                return None;
            }
            q = t.e;
        }
        None
    }

    /// A percentage in a list after a change is a change too: `soared by
    /// 140% to the EU, 155.7% to Asia and 209% to Africa`.
    fn continue_list(&self, q: &mut Quantity) {
        let Some(last) = self.out.last() else { return };
        if q.change
            || !last.change
            || last.kind != QuantityKind::Percent
            || q.kind != QuantityKind::Percent
            || last.unit != q.unit
            || q.span.start < last.span.end
            || q.span.start - last.span.end > 60
        {
            return;
        }
        let gap = &self.b[last.span.end..q.span.start];
        // Same sentence and clause, no verb of its own in between.
        if gap
            .iter()
            .any(|&c| matches!(c, b'.' | b';' | b'\n' | b'(' | b')'))
            || !gap.contains(&b',') && !contains_word(gap, b"and")
            || [
                b"while".as_slice(),
                b"whereas",
                b"but",
                b"share",
                b"accounting",
                b"accounted",
                b"of",
            ]
            .iter()
            .any(|w| contains_word(gap, w))
        {
            return;
        }
        // `up 5%, with a 30% share`: a level named after the figure.
        let mut buf = [0u8; 24];
        let after = next(self.b, q.span.end);
        if matches!(
            lower(after.bytes(self.b), &mut buf),
            b"of" | b"share" | b"stake" | b"margin" | b"rate" | b"ratio" | b"penetration"
        ) {
            return;
        }
        q.change = true;
        if last.value.is_some_and(|v| v < 0.0) {
            q.value = q.value.map(|v| -v.abs());
        }
    }

    /// `percent of 10`: a percentage written before its number.
    fn percent_of(&self, p: usize) -> Option<Quantity> {
        let b = self.b;
        let t = tok_at(b, p);
        if t.k != K::Word {
            return None;
        }
        let mut e = if t.word(b, "percent") || t.word(b, "percents") {
            t.e
        } else if t.word(b, "per") {
            let t2 = next(b, t.e);
            if !t2.word(b, "cent") {
                return None;
            }
            t2.e
        } else {
            return None;
        };
        let of = next(b, e);
        if !of.word(b, "of") {
            return None;
        }
        let n = number_at(b, next(b, of.e).s)?;
        if n.kind != NumKind::Cardinal || at(b, n.e).is_ascii_alphabetic() {
            return None;
        }
        e = n.e;
        let mut q = Quantity::new(Span::new(p, e), QuantityKind::Percent, Some(n.value));
        q.unit = Some("%".into());
        q.precision = Some(n.prec);
        Some(q)
    }

    /// Marks changes (`up 49.9%`, `an increase of 3.8%`, `fell 2%`) and their
    /// basis (`year-on-year`).
    ///
    /// `before` is the piece before `start` when read down to the scan's
    /// floor (`prev(b, start, self.floor)`): unless the floor cut it short,
    /// it is the piece read down to 0.
    fn change_and_basis(&self, q: &mut Quantity, start: usize, end: usize, before: Option<Tok>) {
        let b = self.b;
        let mut buf = [0u8; 24];
        let mut t = match before {
            Some(t) if t.k != K::End && t.s > self.floor => t,
            _ => prev(b, start, 0),
        };
        let mut by = None;
        if t.word(b, "by") {
            by = Some(t.s);
            t = prev(b, t.s, 0);
        }
        let mut sign = None;
        if t.k == K::Word {
            let w = lower(t.bytes(b), &mut buf);
            sign = units::change_verb(w);
            // `raised its output by 120,000 barrels a day`, `cut the
            // forecast by 0.2 points`: what a verb did to its object.
            if sign.is_none() {
                sign = by.and_then(|p| word_before(b, p, transitive_change));
            }
            if w == b"of" {
                let t2 = prev(b, t.s, 0);
                sign = units::change_noun(lower(t2.bytes(b), &mut buf));
            }
        }
        // After: `a 3.8% increase`, `49.9% higher`.
        let after = self.next_tok(end);
        if sign.is_none() && after.k == K::Word {
            let w = lower(after.bytes(b), &mut buf);
            if matches!(q.kind, QuantityKind::Percent | QuantityKind::Multiplier) {
                sign = units::change_noun(w).or(match w {
                    b"higher" | b"more" => Some(1.0),
                    b"lower" | b"less" => Some(-1.0),
                    _ => None,
                });
                if matches!(w, b"more" | b"less") {
                    // `30% more than` is a comparison, still a change-like ratio.
                }
            }
        }
        if let Some(s) = sign {
            if !matches!(q.kind, QuantityKind::Ordinal | QuantityKind::Date) {
                q.change = true;
                if s < 0.0 {
                    q.value = q.value.map(|v| -v.abs());
                    q.range = q
                        .range
                        .map(|(lo, hi)| (hi.map(|v| -v.abs()), lo.map(|v| -v.abs())));
                }
            }
        }
        if let Some(basis) = basis_after(b, self.next_tok(end)) {
            q.basis = Some(basis);
            if matches!(
                q.kind,
                QuantityKind::Percent
                    | QuantityKind::Multiplier
                    | QuantityKind::Money
                    | QuantityKind::Count
                    | QuantityKind::Measure
                    | QuantityKind::Number
            ) && q.kind == QuantityKind::Percent
            {
                q.change = true;
            }
        }
    }

    /// The second end of a range after figure `f`: `to 40,000`, `-15%`, `and 7 billion`.
    fn range_end(&self, f: &Fig, bound: Option<Bound>) -> Option<(Fig, usize)> {
        let b = self.b;
        let t = self.next_tok(f.e);
        let spaced = t.s > f.e;
        let ok = match bound {
            Some(Bound::Between) => t.word(b, "and"),
            Some(Bound::From) => t.word(b, "to") || t.word(b, "through") || t.word(b, "until"),
            _ => {
                t.word(b, "to")
                    || t.word(b, "through")
                    || t.word(b, "thru")
                    || t.is(b, b'~')
                    || (t.is(b, b'-') && !(spaced && f.kind == QuantityKind::Number && f.year))
                    || (t.k == K::Char && matches!(t.bytes(b), [0xE2, 0x80, 0x93 | 0x94]))
            }
        };
        if !ok {
            return None;
        }
        // A dash or tilde reached across a line break, a tab or a run of
        // spaces is the next column of a table (`CHF 46.5bn      -0.3`,
        // a level then its change), not the second end of a range; a range
        // written with a dash keeps its ends close.
        let symbol = t.k == K::Char;
        if symbol && (column_gap(b, f.e, t.s) || column_gap(b, t.e, lex::skip_space(b, t.e))) {
            return None;
        }
        // A change from one level to another is two levels, not a range.
        if t.word(b, "to") && bound.is_none() {
            let mut buf = [0u8; 24];
            let pv = prev(b, f.s, 0);
            if pv.word(b, "from") || units::change_verb(lower(pv.bytes(b), &mut buf)).is_some() {
                return None;
            }
            // `rose by 210,000 bpd to 26.7 million bpd`, `raised its output
            // by 120,000 barrels a day to 4.3 million`: what happened went
            // one way, by one amount, to one level (`expected to rise by 5%
            // to 7%` is a range).
            if pv.word(b, "by") && word_before(b, pv.s, |w| past_change(w).then_some(())).is_some()
            {
                return None;
            }
        }
        // A hyphen glued between codes (`+1-222-2222`) is no range.
        if t.is(b, b'-') && !spaced && matches!(at(b, f.s.wrapping_sub(1)), b'-' | b'+') {
            return None;
        }
        let mut t_end = t.e;
        let the = next(b, t.e);
        if the.word(b, "the") && f.kind == QuantityKind::Ordinal {
            t_end = the.e;
        }
        let mut s2 = lex::skip_space(b, t_end);
        // `between $5 and $7 billion`: the second end repeats the currency.
        let sym = tok_at(b, s2);
        if sym.k == K::Char
            && f.kind == QuantityKind::Money
            && units::currency_symbol(sym.bytes(b)).is_some()
        {
            s2 = lex::skip_space(b, sym.e);
        }
        let c = at(b, s2);
        if !(c.is_ascii_digit() || c.is_ascii_alphabetic() || c >= 0x80 || c == b'$') {
            return None;
        }
        let g = match self.figure(s2, t_end) {
            Some(g) => g,
            None => self.bounded_range_end(s2, t_end)?,
        };
        if t.is(b, b'-') && !spaced {
            // `1995-01`, `222-2222/2222`: dates and codes.
            if at(b, s2) == b'0' || at(b, g.e) == b'-' || at(b, g.e) == b'/' {
                return None;
            }
        }
        if g.value < f.value && f.scale <= 1.0 && g.scale <= 1.0 {
            return None;
        }
        // An end without a scale shares the other's (`5 to 7 million`), so a
        // scaled first end above the second is no range either: `46.5bn-0.3`
        // would run from 46.5 billion down to 0.3 (billion).
        if f.scale > 1.0 && g.value * g.scale.max(f.scale) < f.value * f.scale {
            return None;
        }
        // `by 0.2 percentage points to 4.5%`: a change and a level.
        if f.unit.is_some() && g.unit.is_some() && f.unit != g.unit {
            return None;
        }
        if g.kind != f.kind
            && g.kind != QuantityKind::Number
            && f.kind != QuantityKind::Number
            && !(f.kind == QuantityKind::Ordinal || g.kind == QuantityKind::Ordinal)
        {
            return None;
        }
        let e = g.e;
        Some((g, e))
    }

    /// The second end of a range that opens with a currency code or a
    /// bound word before its digits: `and USD 7 billion`, `and more than
    /// 11.6 billion yen`, `and about €39.2 million`. Everything from `s2` to
    /// the digits must be read as the figure's currency or as a bound.
    fn bounded_range_end(&self, s2: usize, floor: usize) -> Option<Fig> {
        let b = self.b;
        let window = b.get(s2..(s2 + 24).min(b.len()))?;
        let digit = s2 + window.iter().position(u8::is_ascii_digit)?;
        let g = self.figure(digit, floor)?;
        let covered = g.s == s2
            || bound_before(b, g.s, floor, None).is_some_and(|(start, k)| {
                start == s2 && matches!(k, Bound::Over | Bound::Under | Bound::About)
            });
        covered.then_some(g)
    }

    /// A number at `p` with its currency, scale, unit or counted noun.
    fn figure(&self, p: usize, floor: usize) -> Option<Fig> {
        let b = self.b;
        let mut s;
        let mut value;
        let mut prec;
        let mut kind;
        let mut e;
        let mut scale = 1.0;
        let mut year = false;
        let mut unit: Option<String> = None;
        // The piece before the number, when read for the checks of a
        // number in digits or words: the sign and currency checks read it
        // too (the number's start does not move before them).
        let mut before_number = None;
        // A vulgar fraction alone: `½`, `⅔`.
        if let Some((v, len)) = vulgar(b, p) {
            s = p;
            value = v;
            prec = 0.0;
            kind = QuantityKind::Fraction;
            e = p + len;
        } else {
            let n: Num = number_at(b, p)?;
            if let Some(t) = n.after {
                // Read to see that nothing joins the literal: the unit,
                // ratio and fraction checks below read it again.
                self.after.set((n.e, t));
            }
            s = n.s;
            e = n.e;
            value = n.value;
            prec = n.prec;
            kind = match n.kind {
                NumKind::Cardinal => QuantityKind::Number,
                NumKind::Fraction => QuantityKind::Fraction,
                NumKind::Ordinal => QuantityKind::Ordinal,
            };
            if n.scale > 0.0 {
                scale = n.scale;
            }
            let before = prev(b, s, floor);
            before_number = Some(before);
            if n.lit.is_none() && one_in_idiom(b, s, e, floor, before) {
                return None;
            }
            if let Some(l) = n.lit {
                // Digits alone, with no separator or scale word: what a
                // rank, a model or a name's number is written as.
                if l.plain && n.e == l.end {
                    // `ranked #1`, `the Smart #5`: a rank or a model's
                    // number, never an amount (nor a year: `#2024` is a tag).
                    if at(b, s.wrapping_sub(1)) == b'#' && !glued_before(b, s - 1) {
                        return Some(Fig {
                            s: s - 1,
                            e: l.end,
                            value,
                            prec: 0.0,
                            kind: QuantityKind::Ordinal,
                            unit: None,
                            year: false,
                            scale: 1.0,
                            before: None,
                        });
                    }
                    if rank_after_top(b, before) || name_with_number(b, s, l.end, floor, before) {
                        return None;
                    }
                }
                // Four digits that read as a year (1900–2100): a plain
                // literal is its digits (from `s`), and four digits are
                // their value exactly, so it is read off the literal.
                year = l.plain && l.end - s == 4 && (1900.0..=2100.0).contains(&l.value);
                // Fractions and mixed numbers in digits: `3/4`, `2 1/4`, `10 1/2`.
                if l.plain && at(b, e) == b'/' && at(b, e + 1).is_ascii_digit() {
                    year = false;
                    if let Some(d) = slash_fraction(b, p, e, l)? {
                        value /= d.value;
                        e = d.end;
                        kind = QuantityKind::Fraction;
                        prec = 0.0;
                    }
                } else if l.plain {
                    let t = self.next_tok(e);
                    if t.k == K::Digits && t.s > e && at(b, t.e) == b'/' && l.int_digits <= 3 {
                        if let Some((part, end)) = spaced_fraction(b, t) {
                            value += part;
                            e = end;
                            kind = QuantityKind::Fraction;
                            prec = 0.0;
                        }
                    }
                }
                // `1:2`, `2:00`: times and ratios are not figures here.
                if at(b, e) == b':' && at(b, e + 1).is_ascii_digit() {
                    return None;
                }
                if p >= 1 && at(b, p - 1) == b':' && at(b, p.wrapping_sub(2)).is_ascii_digit() {
                    return None;
                }
            }
        }
        if kind == QuantityKind::Number && !at(b, e).is_ascii_alphabetic() {
            if let Some((v, fe)) = ratio_after(b, self.next_tok(e), value) {
                value = v;
                e = fe;
                kind = QuantityKind::Fraction;
                prec = 0.0;
                year = false;
            }
        }
        // Sign before: `-3`, `- 1 4/5`, `minus five`, `negative one`.
        let mut neg = false;
        let pv = before_number.unwrap_or_else(|| prev(b, s, floor));
        // Where `pv` was read from: the currency and rank checks and the
        // bound words read the same piece when the start has not moved.
        let s0 = s;
        if pv.k == K::Char
            && (pv.is(b, b'-') || pv.bytes(b) == "−".as_bytes())
            && !glued_before(b, pv.s)
            && !matches!(
                at(b, pv.s.wrapping_sub(1)),
                b'-' | b'+' | b'/' | b'.' | b','
            )
        {
            let before = prev(b, pv.s, floor);
            let glued_word = before.k == K::Word && before.e == pv.s;
            if !glued_word && !(before.k == K::Digits) {
                neg = true;
                s = pv.s;
            }
        } else if pv.word(b, "minus") || pv.word(b, "negative") {
            neg = true;
            s = pv.s;
        }
        // Code after a hyphen glued to letters (`SCP-173`): a plain number.
        let code = pv.is(b, b'-') && !neg && glued_before(b, pv.s);
        // Currency before.
        let mut money: Option<&'static str> = None;
        if !code && !neg {
            if let Some((cs, cur, mult)) = self.currency_before(s, floor, pv) {
                s = cs;
                money = Some(cur);
                if mult > 1.0 {
                    value *= mult;
                    prec *= mult;
                    scale = mult;
                }
            }
        }
        // Suffixes glued to digits: `43bn`, `2.5k`, `10M`, `75ml`, `21st`, `115USD`.
        let mut buf = [0u8; 24];
        if at(b, e).is_ascii_alphabetic() {
            let g = tok_at(b, e);
            let w = g.bytes(b);
            let lw = lower(w, &mut buf);
            let after = at(b, g.e);
            let clean_end = !after.is_ascii_alphanumeric();
            if code {
                return None;
            }
            if matches!(lw, b"st" | b"nd" | b"rd" | b"th")
                && clean_end
                && kind == QuantityKind::Number
            {
                kind = QuantityKind::Ordinal;
                prec = 0.0;
                e = g.e;
            } else if let Some(m) = glued_scale(b, w, g.e, money.is_some()).filter(|_| clean_end) {
                value *= m;
                prec *= m;
                scale = m;
                e = g.e;
            } else if let Some(cur) = units::iso_code(w)
                .or_else(|| units::iso_lower(lw))
                .filter(|_| clean_end)
            {
                money = Some(cur);
                e = g.e;
            } else if let Some((u, ue)) = unit_glued(b, e) {
                if !kind_allows_unit(kind) {
                    return None;
                }
                let (u, m) = units::scaled_unit(u);
                value *= m;
                prec *= m;
                unit = Some(u.to_string());
                kind = QuantityKind::Measure;
                e = ue;
            } else if (lw == b"x" || lw == b"fold") && clean_end {
                kind = QuantityKind::Multiplier;
                e = g.e;
            } else {
                // `24703L202`, `180abc`: a code.
                return None;
            }
        }
        if neg {
            value = -value;
        }
        // Spaced scale abbreviations: `2.33 k`, `10 bln`, `1,674.5 M`.
        let t = self.next_tok(e);
        if t.k == K::Word && scale <= 1.0 && unit.is_none() && !code {
            let w = t.bytes(b);
            if let Some(m) = words::digit_scale(w, false) {
                let single_letter_ok = w.len() > 1 || matches!(w, b"k" | b"K" | b"M" | b"G");
                if single_letter_ok && !at(b, t.e).is_ascii_alphanumeric() {
                    value *= m;
                    prec *= m;
                    scale = m;
                    e = t.e;
                    year = false;
                }
            }
        }
        if code {
            return Some(Fig {
                s,
                e,
                value,
                prec,
                kind,
                unit: None,
                year: false,
                scale,
                before: (s == s0).then_some(pv),
            });
        }
        // Currency, percent, unit or counted noun after.
        if unit.is_none() && kind != QuantityKind::Ordinal {
            if let Some((k, u, ue, m, add)) = self.suffix(
                e,
                money.is_some(),
                kind,
                // `2025 deliveries` is a year, not a count: the noun
                // after a year is not even read.
                !year
                    && (kind == QuantityKind::Number
                        || kind == QuantityKind::Fraction && value.abs() >= 1.0),
            ) {
                let mut consume = money.is_none() || k == QuantityKind::Money;
                match k {
                    QuantityKind::Money => {
                        let u: &'static str = match u {
                            Cow::Borrowed(s) => s,
                            Cow::Owned(_) => "USD",
                        };
                        match money {
                            None => money = Some(u),
                            Some(m) if m == u => {}
                            // `rmb 10 usd 20`: the code after starts the next amount.
                            Some(_) => consume = false,
                        }
                    }
                    _ => {
                        if money.is_none() {
                            kind = k;
                            // A counted noun's lemma is already a `String`: moved, not copied.
                            unit = Some(u.into_owned());
                        }
                    }
                }
                if consume {
                    if m > 1.0 {
                        value *= m;
                        prec *= m;
                        scale = m;
                    }
                    if add != 0.0 {
                        // `5 feet 2 inches`: the inch is the last written unit.
                        value += add;
                        prec = 0.5 / 12.0;
                    }
                    e = ue;
                    year = false;
                }
            }
        }
        if let Some(cur) = money {
            kind = QuantityKind::Money;
            year = false;
            let cur = if cur == "¥" { self.yen(s) } else { cur };
            unit = Some(cur.to_string());
            // `3 dollars 50 cents`, `15 dollars and 50`, `10 $ 30 cent`.
            if let Some((add, ue)) = subunit(b, e) {
                if value.fract() == 0.0 {
                    value += add;
                    prec = 0.005;
                    e = ue;
                }
            }
        } else if unit.is_some() || kind != QuantityKind::Number {
            year = false;
        }
        if kind == QuantityKind::Number && self.pronoun_one(s, e) {
            return None;
        }
        // A rank: `No. 1`, `No 3`.
        if kind == QuantityKind::Number && value.fract() == 0.0 && value > 0.0 {
            let mut pv = if s == s0 { pv } else { prev(b, s, floor) };
            if pv.is(b, b'.') {
                pv = prev(b, pv.s, floor);
            }
            if pv.k == K::Word && pv.bytes(b) == b"No" {
                kind = QuantityKind::Ordinal;
                prec = 0.0;
            }
        }
        // `4.19 trillion` is 4190000000000, not 4190000000000.0005: round to
        // the last written unit when it is a whole number.
        let grid = 2.0 * prec;
        if grid >= 1.0 && grid.is_finite() && (value / grid).abs() < 9e15 {
            value = round_below_2_53(value / grid) * grid;
        }
        Some(Fig {
            s,
            e,
            value,
            prec,
            kind,
            unit,
            year,
            scale,
            before: (s == s0).then_some(pv),
        })
    }

    /// `$`, `US$`, `C $`, `€`, `RMB`, `USD`, `MAUD` before the number at `s`:
    /// (start, currency, multiplier).
    /// `t` is the piece before `s` (`prev(b, s, floor)`), which the caller
    /// has read.
    fn currency_before(
        &self,
        s: usize,
        floor: usize,
        t: Tok,
    ) -> Option<(usize, &'static str, f64)> {
        let b = self.b;
        // `140.5 billion U.S. dollars     5.2`: across a table's column
        // gap the currency closes the cell before, not this number.
        if column_gap(b, t.e, s) {
            return None;
        }
        let mut buf = [0u8; 24];
        match t.k {
            K::Char => {
                // `Rs. 450 crore`: the rupee's abbreviation with its stop.
                if t.is(b, b'.') {
                    let w = prev(b, t.s, floor);
                    return (w.k == K::Word
                        && w.e == t.s
                        && units::is_rupee_abbreviation(w.bytes(b)))
                    .then_some((w.s, "INR", 1.0));
                }
                let cur = units::currency_symbol(t.bytes(b))?;
                if cur == "cent" {
                    return None;
                }
                let mut start = t.s;
                let mut cur = cur;
                if t.is(b, b'$') {
                    // Letters before `$`, glued (`US$`, `nzd$`) or spaced (`us $`, `c $`, `hk $`).
                    let w = prev(b, t.s, floor);
                    if w.k == K::Word {
                        let glued = w.e == t.s;
                        let lw = lower(w.bytes(b), &mut buf);
                        let spaced_ok = matches!(
                            lw,
                            b"us"
                                | b"c"
                                | b"hk"
                                | b"nz"
                                | b"mex"
                                | b"usd"
                                | b"aud"
                                | b"cad"
                                | b"nzd"
                                | b"mxn"
                                | b"hkd"
                                | b"sgd"
                                | b"nt"
                        );
                        let us = || {
                            // `u.s $`, `U.S.$`.
                            let d = prev(b, w.s, floor);
                            let u = prev(b, d.s, floor);
                            (d.is(b, b'.') && u.word(b, "u")).then_some(u.s)
                        };
                        match units::dollar_prefix(w.bytes(b)) {
                            Some(c) if glued || spaced_ok => {
                                cur = c;
                                start = w.s;
                            }
                            _ if lw == b"s" => {
                                if let Some(us_start) = us() {
                                    cur = "USD";
                                    start = us_start;
                                }
                            }
                            _ => {}
                        }
                    } else if w.is(b, b'.') {
                        // `U.S.$`
                        let s1 = prev(b, w.s, floor);
                        let d = prev(b, s1.s, floor);
                        let u = prev(b, d.s, floor);
                        if s1.word(b, "s") && d.is(b, b'.') && u.word(b, "u") {
                            cur = "USD";
                            start = u.s;
                        }
                    }
                }
                Some((start, cur, 1.0))
            }
            K::Word => {
                let w = t.bytes(b);
                if let Some(c) = units::iso_code(w) {
                    return Some((t.s, c, 1.0));
                }
                if let Some(c) = units::local_abbreviation(w) {
                    return Some((t.s, c, 1.0));
                }
                // The lower-cased names are codes (`usd`), `sen`, `dollar`
                // and `dollars`: a word of another length is not lowered.
                if matches!(w.len(), 3 | 6 | 7) {
                    let lw = lower(w, &mut buf);
                    if let Some(c) = units::iso_lower(lw) {
                        return Some((t.s, c, 1.0));
                    }
                    if lw == b"sen" && t.s + 3 < s {
                        return Some((t.s, "sen", 1.0));
                    }
                    if lw == b"dollar" || lw == b"dollars" {
                        // `dollar 22.5 million`, not `the dollar: 143.80 yen`.
                        return Some((t.s, "USD", 1.0));
                    }
                }
                // `MAUD 60`, `MUSD 30`: millions.
                if w.len() == 4 && w[0] == b'M' {
                    if let Some(c) = units::iso_code(&w[1..]) {
                        return Some((t.s, c, 1e6));
                    }
                }
                None
            }
            _ => None,
        }
    }

    /// What follows a figure at `e`: (kind, unit, end, multiplier, amount to
    /// add). `counts` when the figure may count a plural noun after it: a
    /// number, or a fraction of at least one (`two and a half million
    /// people`, `half a million people`), not `a third`.
    ///
    /// Called once, from `figure`: always inlined there, so that how the
    /// rest of the scanner is compiled does not move it out of line.
    #[inline(always)]
    fn suffix(
        &self,
        e: usize,
        has_money: bool,
        kind: QuantityKind,
        counts: bool,
    ) -> Option<(QuantityKind, Cow<'static, str>, usize, f64, f64)> {
        self.suffix_static(e, has_money, kind)
            .map(|(k, u, ue, m, a)| (k, Cow::Borrowed(u), ue, m, a))
            .or_else(|| {
                if has_money || !counts {
                    return None;
                }
                let t = self.next_tok(e);
                // `5.2\nExports`: a table's last cell and the next row's
                // label, not a count of exports.
                if column_gap(self.b, e, t.s) {
                    return None;
                }
                count_lemma(self.b, t)
                    .map(|(l, ce)| (QuantityKind::Count, Cow::Owned(l), ce, 1.0, 0.0))
            })
    }

    fn suffix_static(
        &self,
        e: usize,
        has_money: bool,
        kind: QuantityKind,
    ) -> Option<(QuantityKind, &'static str, usize, f64, f64)> {
        let b = self.b;
        let mut buf = [0u8; 24];
        let mut buf2 = [0u8; 24];
        let t = self.next_tok(e);
        let spaced = t.s > e;
        // `CNY 830 million    CNY 1.2 billion`: a table's next cell, not
        // this figure's unit.
        if spaced && cell_gap(b, e, t.s) {
            return None;
        }
        match t.k {
            K::Char => {
                let c = t.bytes(b);
                if c == b"%" || c == "％".as_bytes() {
                    if at(b, t.e).is_ascii_alphanumeric() {
                        return None;
                    }
                    return Some((QuantityKind::Percent, "%", t.e, 1.0, 0.0));
                }
                if b.get(t.s..).is_some_and(|r| r.starts_with("ரூ".as_bytes())) {
                    return Some((QuantityKind::Money, "LKR", t.s + "ரூ".len(), 1.0, 0.0));
                }
                if !has_money && matches!(c, [0xC2, 0xB5] | [0xCE, 0xBC]) {
                    let ge = unit_token_end(b, t.s);
                    if let Some(u) = b.get(t.s..ge).and_then(units::unit_symbol) {
                        if !at(b, ge).is_ascii_alphanumeric() {
                            return Some((QuantityKind::Measure, u, ge, 1.0, 0.0));
                        }
                    }
                }
                if let Some(cur) = units::currency_symbol(c) {
                    // `10 $`, `100 ₡`, `100元`; not `$` that starts the next amount.
                    let nx = next(b, t.e);
                    if c == b"$" && nx.k == K::Digits && (nx.s == t.e || has_money) {
                        return None;
                    }
                    return Some((QuantityKind::Money, cur, t.e, 1.0, 0.0));
                }
                if c == b"-" && !spaced {
                    // `3-inch`, `six-mile`, `12-cent`, `one-yen`, `30-year`.
                    let w = tok_at(b, t.e);
                    if w.k == K::Word {
                        let lw = lower(w.bytes(b), &mut buf);
                        let cur = units::currency_word(lw);
                        // `RMB 1.6bn-RMB 2bn`: the currency of the range's
                        // other end, not this figure's unit.
                        if next(b, w.e).k == K::Digits
                            && (cur.is_some() || units::iso_code(w.bytes(b)).is_some())
                        {
                            return None;
                        }
                        if let Some(cur) = cur {
                            return Some((QuantityKind::Money, cur, w.e, 1.0, 0.0));
                        }
                        if let Some(u) = units::unit_word(lw) {
                            return Some((QuantityKind::Measure, u, w.e, 1.0, 0.0));
                        }
                        if lw == b"fold" {
                            return Some((QuantityKind::Multiplier, "x", w.e, 1.0, 0.0));
                        }
                    }
                    return None;
                }
                if c == b"\"" && spaced {
                    // `10 " long`: inches.
                    let nx = next(b, t.e);
                    if nx.k == K::Word || nx.k == K::End {
                        return Some((QuantityKind::Measure, "in", t.e, 1.0, 0.0));
                    }
                }
                if matches!(c, b"(" | b"[" | b"{" | b"<") {
                    // `20 (kg)`.
                    let u = next(b, t.e);
                    let close = next(b, u.e);
                    if u.k == K::Word
                        && close.k == K::Char
                        && matches!(close.bytes(b), b")" | b"]" | b"}" | b">")
                    {
                        if let Some(sym) = units::unit_symbol(u.bytes(b)) {
                            return Some((QuantityKind::Measure, sym, close.e, 1.0, 0.0));
                        }
                    }
                }
                None
            }
            K::Word => {
                let w = t.bytes(b);
                // Most words after a figure open no suffix (`in`, `and`, a
                // counted noun), which the word alone tells, once a thread.
                let opens = suffix_words::MAY_OPEN | suffix_words::CURRENCY_ADJECTIVE;
                if suffix_words::facts(w) & opens == 0 {
                    return None;
                }
                let lw = lower(w, &mut buf);
                // Percent.
                match lw {
                    b"percent" | b"percents" | b"pct" | b"percentage" => {
                        let t2 = next(b, t.e);
                        if lw == b"percentage" && (t2.word(b, "point") || t2.word(b, "points")) {
                            return Some((QuantityKind::Percent, "pp", t2.e, 1.0, 0.0));
                        }
                        return Some((QuantityKind::Percent, "%", t.e, 1.0, 0.0));
                    }
                    b"per" => {
                        let t2 = next(b, t.e);
                        if t2.word(b, "cent") {
                            return Some((QuantityKind::Percent, "%", t2.e, 1.0, 0.0));
                        }
                        return None;
                    }
                    b"pp" | b"ppt" | b"ppts" | b"pps" => {
                        return Some((QuantityKind::Percent, "pp", t.e, 1.0, 0.0))
                    }
                    b"bps" | b"bp" => return Some((QuantityKind::Percent, "bp", t.e, 1.0, 0.0)),
                    b"basis" => {
                        let t2 = next(b, t.e);
                        if t2.word(b, "points") || t2.word(b, "point") {
                            return Some((QuantityKind::Percent, "bp", t2.e, 1.0, 0.0));
                        }
                        return None;
                    }
                    b"times" if !has_money => {
                        return Some((QuantityKind::Multiplier, "x", t.e, 1.0, 0.0))
                    }
                    b"fold" => return Some((QuantityKind::Multiplier, "x", t.e, 1.0, 0.0)),
                    _ => {}
                }
                // `MUSD`, `MEUR`: millions of a currency.
                if w.len() == 4 && (w[0] == b'M' || w[0] == b'm') {
                    let mut up = [0u8; 3];
                    for (d, s) in up.iter_mut().zip(&w[1..]) {
                        *d = s.to_ascii_uppercase();
                    }
                    if let Some(c) = units::iso_code(&up) {
                        if !at(b, t.e).is_ascii_alphanumeric() {
                            return Some((QuantityKind::Money, c, t.e, 1e6, 0.0));
                        }
                    }
                }
                // Currency words and codes: `dollars`, `US dollars`, `Swiss francs`, `USD`.
                let code = units::iso_code(w)
                    .or_else(|| units::iso_lower(lw))
                    .filter(|_| !at(b, t.e).is_ascii_digit());
                let mut cur = code.or_else(|| {
                    units::currency_word(lw).filter(|c| {
                        // `p`, `sen`, `real`, `rand`, `won`: too common as words alone.
                        let weight = *c == "GBP"
                            && kind == QuantityKind::Number
                            && !has_money
                            && self.pounds_are_weight(t);
                        // `2 Crown Street`: a name, not a currency.
                        let named = matches!(lw, b"crown" | b"crowns") && w[0].is_ascii_uppercase();
                        // After a scale word they are currencies: `712 billion won`.
                        let word_alone = match lw {
                            b"p" | b"real" | b"sen" => true,
                            b"rand" | b"dong" | b"won" => !after_scale_word(b, e),
                            _ => false,
                        };
                        !word_alone && !weight && !named
                    })
                });
                if at(b, t.e).is_ascii_digit() {
                    cur = None;
                }
                let mut ce = t.e;
                if cur.is_none() && lw == b"u" {
                    // `U.S. dollars`, `U.S. dollar`.
                    let d1 = next(b, t.e);
                    let s1 = next(b, d1.e);
                    let d2 = next(b, s1.e);
                    let w2 = next(b, d2.e);
                    if d1.is(b, b'.')
                        && s1.word(b, "s")
                        && d2.is(b, b'.')
                        && (w2.word(b, "dollars") || w2.word(b, "dollar"))
                    {
                        cur = Some("USD");
                        ce = w2.e;
                    }
                }
                if cur.is_none() {
                    // Adjective + currency noun.
                    let t2 = next(b, t.e);
                    if t2.k == K::Word {
                        let lw2 = lower(t2.bytes(b), &mut buf2);
                        if let Some(c) = units::currency_word(lw2) {
                            if let Some(c2) = units::currency_adjective(lw, c) {
                                cur = Some(c2);
                                ce = t2.e;
                            } else if lw == b"hong" || lw == b"new" {
                                let t3 = next(b, t2.e);
                                let mut b3 = [0u8; 24];
                                if let Some(c3) = units::currency_word(lower(t3.bytes(b), &mut b3))
                                {
                                    if let Some(c4) = units::currency_adjective(lw2, c3) {
                                        cur = Some(c4);
                                        ce = t3.e;
                                    }
                                }
                            }
                        }
                    }
                }
                if let Some(c) = cur {
                    // `40.97 million pounds sterling`: one name of the currency.
                    if c == "GBP" && ce == t.e && matches!(lw, b"pound" | b"pounds") {
                        let st = next(b, ce);
                        if st.word(b, "sterling") && !cell_gap(b, ce, st.s) {
                            ce = st.e;
                        }
                    }
                    // `75 USD million`.
                    let t2 = next(b, ce);
                    let mut m = 1.0;
                    if t2.k == K::Word {
                        if let Some(crate::en::words::Wc::Scale(s)) =
                            words::word_class(lower(t2.bytes(b), &mut buf2))
                        {
                            m = s;
                            ce = t2.e;
                        }
                    }
                    return Some((QuantityKind::Money, c, ce, m, 0.0));
                }
                if has_money {
                    return None;
                }
                if kind_allows_unit(kind) {
                    // `39.3 million twenty-foot equivalent units`: TEUs.
                    if lw == b"twenty" {
                        let h = tok_at(b, t.e);
                        let foot = tok_at(b, h.e);
                        let eq = next(b, foot.e);
                        let unit = next(b, eq.e);
                        if h.is(b, b'-')
                            && foot.word(b, "foot")
                            && eq.word(b, "equivalent")
                            && (unit.word(b, "units") || unit.word(b, "unit"))
                        {
                            return Some((QuantityKind::Measure, "TEU", unit.e, 1.0, 0.0));
                        }
                    }
                    // `8.95 million bpd`, `1.1 mb/d`, `830 kb/d`.
                    let d = tok_at(b, t.e + 1);
                    let slash_d = at(b, t.e) == b'/' && d.word(b, "d");
                    if let Some(m) = units::oil_rate(lw, slash_d) {
                        let end = if slash_d { d.e } else { t.e };
                        if !at(b, end).is_ascii_alphanumeric() {
                            return Some((QuantityKind::Measure, "bbl/d", end, m, 0.0));
                        }
                    }
                }
                self.unit_after(t, kind).map(|(u, ue, add)| {
                    let (u, m) = units::scaled_unit(u);
                    (QuantityKind::Measure, u, ue, m, add)
                })
            }
            _ => None,
        }
    }

    /// `pounds` after a figure: weight unless money is in the air
    /// (a scale word, `sterling`, a money verb before).
    fn pounds_are_weight(&self, t: Tok) -> bool {
        let b = self.b;
        let nx = next(b, t.e);
        if nx.word(b, "sterling") {
            return false;
        }
        let p1 = prev(b, t.s, 0);
        let mut buf = [0u8; 24];
        if let Some(words::Wc::Scale(_)) = words::word_class(lower(p1.bytes(b), &mut buf)) {
            return false;
        }
        true
    }

    /// A measure unit word or symbol at token `t`, with rates (`per hour`,
    /// `an hour`, `/h`) and areas (`square meters`): (symbol, end, amount to add).
    fn unit_after(&self, t: Tok, kind: QuantityKind) -> Option<(&'static str, usize, f64)> {
        let b = self.b;
        if !kind_allows_unit(kind) {
            return None;
        }
        let mut buf = [0u8; 24];
        let w = t.bytes(b);
        let lw = lower(w, &mut buf);
        let mut end;
        let mut u: &'static str;
        let power = match lw {
            b"square" | b"sq" => 2,
            b"cubic" | b"cu" => 3,
            _ => 0,
        };
        if power > 0 {
            let mut t2 = next(b, t.e);
            if t2.is(b, b'.') {
                t2 = next(b, t2.e);
            }
            let mut b2 = [0u8; 24];
            let l2 = lower(t2.bytes(b), &mut b2);
            let base = units::unit_word(l2).or_else(|| units::unit_symbol(t2.bytes(b)))?;
            u = units::power_unit(power, base)?;
            end = t2.e;
        } else if lw == b"metric" {
            let t2 = next(b, t.e);
            let mut b2 = [0u8; 24];
            if units::unit_word(lower(t2.bytes(b), &mut b2)) != Some("t") {
                return None;
            }
            u = "t";
            end = t2.e;
        } else if lw == b"pm" || lw == b"am" {
            return None;
        } else {
            // Symbols first (case matters: `MB` vs `mb`), then words.
            let ge = unit_token_end(b, t.s);
            let sym = b.get(t.s..ge).and_then(units::unit_symbol);
            if let (Some(s), true) = (sym, !at(b, ge).is_ascii_alphanumeric()) {
                u = s;
                end = ge;
            } else {
                u = units::unit_word(lw)?;
                end = t.e;
            }
            if w == b"in" {
                return None;
            }
        }
        if at(b, end).is_ascii_digit() || at(b, end) == b'-' && at(b, end + 1).is_ascii_digit() {
            return None;
        }
        // Rates: `per hour`, `an hour`, `a day`, `/hr`, `/millisecond`.
        let r = next(b, end);
        let mut b3 = [0u8; 24];
        if r.word(b, "per") || r.word(b, "an") || r.word(b, "a") || r.is(b, b'/') {
            let d = next(b, r.e);
            let ld = lower(d.bytes(b), &mut b3);
            let per = units::time_unit(ld);
            let is_article = r.k == K::Word && r.bytes(b).len() <= 2;
            if let Some(tu) = per {
                // `a day` is a rate; `a d`, `a h`, `an hr` are not words.
                if !(is_article && ld.len() <= 3 && ld != b"day") {
                    if let Some(rate) = units::rate_unit(u, tu) {
                        u = rate;
                        end = d.e;
                    }
                }
            }
        }
        // `5 feet 2 inches`, `12 ft 2 in`, `5 feet and 2 inches`.
        let mut add = 0.0;
        if u == "ft" {
            let mut q = next(b, end);
            if q.word(b, "and") {
                q = next(b, q.e);
            }
            if q.k == K::Digits || q.k == K::Word {
                if let Some(n) = number_at(b, q.s) {
                    let iu = next(b, n.e);
                    if (iu.word(b, "in") || iu.word(b, "inch") || iu.word(b, "inches"))
                        && n.value < 12.0
                    {
                        add = n.value / 12.0;
                        end = iu.e;
                    }
                }
            }
        }
        Some((u, end, add))
    }

    /// `one` as a pronoun: `the one you mentioned`, `which one`, `that one is`.
    fn pronoun_one(&self, s: usize, e: usize) -> bool {
        let b = self.b;
        if !b.get(s..e).is_some_and(|w| w.eq_ignore_ascii_case(b"one")) {
            return false;
        }
        let pv = prev(b, s, 0);
        let mut buf = [0u8; 24];
        matches!(
            lower(pv.bytes(b), &mut buf),
            b"the"
                | b"this"
                | b"that"
                | b"which"
                | b"each"
                | b"every"
                | b"any"
                | b"another"
                | b"no"
                | b"what"
                | b"whichever"
                | b"little"
                | b"only"
                | b"new"
                | b"big"
                | b"other"
                | b"same"
                | b"right"
                | b"wrong"
                | b"last"
                | b"first"
        )
    }

    /// Yen or yuan for `¥` at `s`.
    fn yen(&self, s: usize) -> &'static str {
        let lo = floor_char(self.text, s.saturating_sub(200));
        let hi = floor_char(self.text, (s + 200).min(self.text.len()));
        if let Some(c) = yen_clue(&self.text[lo..hi]) {
            return c;
        }
        if let Some(c) = self.yen_doc.get() {
            return c;
        }
        let c = yen_clue(self.text).unwrap_or("JPY");
        self.yen_doc.set(Some(c));
        c
    }
}

/// `x.round()` (half away from zero) for `|x|` under 2^53, where every
/// figure's rounding falls: `round` is a call into the C library on the
/// baseline x86-64 target, this is a truncating conversion. Below 2^53 the
/// truncation and the fraction left are exact, and so is the step to the
/// next whole number; the sign is the argument's, as `round` keeps it
/// (`-0.4` → `-0.0`).
fn round_below_2_53(x: f64) -> f64 {
    debug_assert!(x.abs() < 9_007_199_254_740_992.0);
    let whole = x as i64 as f64;
    let fraction = x - whole;
    let rounded = if fraction >= 0.5 {
        whole + 1.0
    } else if fraction <= -0.5 {
        whole - 1.0
    } else {
        whole
    };
    rounded.copysign(x)
}

fn floor_char(t: &str, mut i: usize) -> usize {
    while i > 0 && !t.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The currency `¥` is in a text that holds `t`: `CNY` when it names
/// China's (`yuan`, `RMB`, `CNY`, `China`, `Chinese`, `renminbi`) or holds
/// a Han character other than `円`, else `JPY` when it names Japan's (`yen`,
/// `Japan`, `JPY`, `Tokyo`, `円`), else none.
///
/// One walk over the bytes (the whole text, once per text, when no clue is
/// near a `¥`): each cue is looked for only where a byte it starts with is.
fn yen_clue(t: &str) -> Option<&'static str> {
    // The bytes a cue may start with: the others, nearly all, are passed
    // over by one look-up each.
    const CUE_START: [bool; 256] = {
        let mut t = [false; 256];
        let starts = b"yRCrJT";
        let mut i = 0;
        while i < starts.len() {
            t[starts[i] as usize] = true;
            i += 1;
        }
        let mut c = 0xE4;
        while c <= 0xE9 {
            t[c] = true;
            c += 1;
        }
        t
    };
    let b = t.as_bytes();
    let mut japan = false;
    let mut i = 0;
    while i < b.len() {
        if !CUE_START[usize::from(b[i])] {
            i += 1;
            continue;
        }
        let rest = &b[i..];
        let starts = |cues: &[&str]| cues.iter().any(|c| rest.starts_with(c.as_bytes()));
        match b[i] {
            b'y' if starts(&["yuan"]) => return Some("CNY"),
            b'R' if starts(&["RMB"]) => return Some("CNY"),
            b'C' if starts(&["CNY", "China", "Chinese"]) => return Some("CNY"),
            b'r' if starts(&["renminbi"]) => return Some("CNY"),
            b'y' | b'J' | b'T' => japan = japan || starts(&["yen", "Japan", "JPY", "Tokyo"]),
            // Han characters U+4E00 to U+9FFF: `E4 B8..BF ..` and `E5..E9 .. ..`.
            0xE4 if rest.get(1).is_some_and(|&c| c >= 0xB8) => return Some("CNY"),
            0xE5..=0xE9 => {
                if !starts(&["円"]) {
                    return Some("CNY");
                }
                japan = true;
            }
            _ => {}
        }
        i += 1;
    }
    japan.then_some("JPY")
}

/// True when `gap` holds `w` as a whole word (ASCII, case-insensitive).
fn contains_word(gap: &[u8], w: &[u8]) -> bool {
    gap.split(|c| !c.is_ascii_alphabetic())
        .any(|x| x.eq_ignore_ascii_case(w))
}

/// Multiplier words: (word, factor, whether it is a verb of change).
const MULTIPLIERS: &[(&[u8], f64, bool)] = &[
    (b"doubled", 2.0, true),
    (b"doubling", 2.0, true),
    (b"doubles", 2.0, true),
    (b"tripled", 3.0, true),
    (b"tripling", 3.0, true),
    (b"triples", 3.0, true),
    (b"trebled", 3.0, true),
    (b"trebling", 3.0, true),
    (b"quadrupled", 4.0, true),
    (b"quadrupling", 4.0, true),
    (b"quadruples", 4.0, true),
    (b"halved", 0.5, true),
    (b"halving", 0.5, true),
    (b"twofold", 2.0, false),
    (b"threefold", 3.0, false),
    (b"fourfold", 4.0, false),
    (b"fivefold", 5.0, false),
    (b"sixfold", 6.0, false),
    (b"sevenfold", 7.0, false),
    (b"eightfold", 8.0, false),
    (b"ninefold", 9.0, false),
    (b"tenfold", 10.0, false),
    (b"hundredfold", 100.0, false),
];

/// The words of [`MULTIPLIERS`], as a quick filter.
const MULTIPLIER_WORDS: WordFilter = {
    let mut f = WordFilter::new();
    let mut i = 0;
    while i < MULTIPLIERS.len() {
        f = f.with(MULTIPLIERS[i].0, false);
        i += 1;
    }
    f
};

/// Multiplier words: (factor, whether it is a verb of change).
fn multiplier_word(w: &[u8]) -> Option<(f64, bool)> {
    // Most words asked about are number words: turned away by their
    // length and end letters before the list is walked.
    if !MULTIPLIER_WORDS.may_hold(w) {
        return None;
    }
    MULTIPLIERS
        .iter()
        .find(|(k, _, _)| *k == w)
        .map(|&(_, v, verb)| (v, verb))
}

/// Every word the scan reacts to where it stands: number words, multiplier
/// words, `percent`/`per`, the articles (`a dozen`) and the starts of
/// addresses (`http`, `www`). Any other word is passed over at once.
const LEADS: words::WordFilter = {
    let mut f = words::VOCABULARY.with_filter(MULTIPLIER_WORDS);
    let extra: [&[u8]; 8] = [
        b"a",
        b"an",
        b"http",
        b"https",
        b"www",
        b"percent",
        b"percents",
        b"per",
    ];
    let mut i = 0;
    while i < extra.len() {
        f = f.with(extra[i], false);
        i += 1;
    }
    f
};

/// True when the byte before `p` is an ASCII letter (so a run of letters
/// at `p` started before it).
#[inline]
fn glued_letter_before(b: &[u8], p: usize) -> bool {
    p > 0 && b[p - 1].is_ascii_alphabetic()
}

/// [`LEADS`] ([`words::FIRST`]) and the words that may start a time
/// expression ([`words::SECOND`]), read at once.
const LEADS_AND_CUES: words::FilterPair = words::FilterPair::new(&LEADS, &crate::time::TRIGGERS);

/// A word that may begin a figure (lower-case).
fn starts_figure(w: &[u8]) -> bool {
    words::word_class(w).is_some_and(|c| !matches!(c, words::Wc::Dozen))
        || matches!(w, b"percent" | b"percents" | b"per")
        || w == b"a"
        || w == b"an"
}

fn starts_figure_tok(b: &[u8], t: &Tok) -> bool {
    let mut buf = [0u8; 24];
    starts_figure(lower(t.bytes(b), &mut buf))
}

fn kind_allows_unit(kind: QuantityKind) -> bool {
    matches!(kind, QuantityKind::Number | QuantityKind::Fraction)
}

/// The denominator after `l/` (the literal `l` read at `p` and ending at
/// `e`, a slash and a digit after it): `None` when no literal follows the
/// slash (no figure at all then), `Some(None)` when the two make no
/// fraction (`24/7`, a date part). Rare in news text: kept out of
/// `figure`'s common path, which the instruction cache holds for every
/// figure.
#[cold]
#[inline(never)]
fn slash_fraction(b: &[u8], p: usize, e: usize, l: digits::Lit) -> Option<Option<digits::Lit>> {
    let d = digits::literal(b, e + 1)?;
    let fraction = d.plain
        && d.value > l.value
        && l.int_digits <= 3
        && d.int_digits <= 3
        && at(b, d.end) != b'/'
        && !(p >= 1
            && (at(b, p - 1) == b'/'
                || at(b, p - 1) == b'-' && at(b, p.wrapping_sub(2)).is_ascii_digit()));
    Some(fraction.then_some(d))
}

/// The fraction of a mixed number, `1/4` in `2 1/4`, from the digits `t`
/// (before a slash): its value and end. Rare in news text: kept out of
/// `figure`'s common path.
#[cold]
#[inline(never)]
fn spaced_fraction(b: &[u8], t: Tok) -> Option<(f64, usize)> {
    let (nu, de) = (digits::literal(b, t.s)?, digits::literal(b, t.e + 1)?);
    let fraction =
        nu.plain && de.plain && nu.value < de.value && de.int_digits <= 3 && at(b, de.end) != b'/';
    fraction.then(|| (nu.value / de.value, de.end))
}

/// `1 over 3`, `one out of three`, `1 in twenty-one` after a number of
/// value `x`, whose next piece is `t`: (value, end).
fn ratio_after(b: &[u8], t: Tok, x: f64) -> Option<(f64, usize)> {
    let (kind, ye) = if t.word(b, "over") || t.word(b, "in") {
        (if t.word(b, "over") { 0 } else { 2 }, t.e)
    } else if t.word(b, "out") {
        let o = next(b, t.e);
        if !o.word(b, "of") {
            return None;
        }
        (1, o.e)
    } else {
        return None;
    };
    let ys = next(b, ye);
    if !(ys.k == K::Digits || ys.k == K::Word && starts_figure_tok(b, &ys)) {
        return None;
    }
    let y = number_at(b, ys.s)?;
    if y.kind != NumKind::Cardinal || y.value == 0.0 || at(b, y.e).is_ascii_alphanumeric() {
        return None;
    }
    let after = next(b, y.e);
    match kind {
        // `1 over 3`, but `$2000 over 3 years` is a duration.
        0 => (after.k != K::Word).then_some(())?,
        // `two out of five hundred`, not `12 out of 10`.
        1 => (x <= y.value).then_some(())?,
        // `1 in twenty-one`, `3 in 10`, `one in four cars`; not `8 in 5`,
        // `12 in six boxes`, `in 2009`, `5 in 10 minutes`.
        _ => (x < y.value
            && y.value <= 1000.0
            && y.lit.is_none_or(|l| l.int_digits < 4)
            && !(after.k == K::Word && {
                let mut buf = [0u8; 24];
                units::time_unit(lower(after.bytes(b), &mut buf)).is_some()
            }))
        .then_some(())?,
    }
    Some((x / y.value, y.e))
}

/// A vulgar fraction character at `p`: (value, byte length).
fn vulgar(b: &[u8], p: usize) -> Option<(f64, usize)> {
    let v = match (at(b, p), at(b, p + 1), at(b, p + 2)) {
        (0xC2, 0xBC, _) => return Some((0.25, 2)),
        (0xC2, 0xBD, _) => return Some((0.5, 2)),
        (0xC2, 0xBE, _) => return Some((0.75, 2)),
        (0xE2, 0x85, c @ 0x90..=0x9E) => match c {
            0x90 => 1.0 / 7.0,
            0x91 => 1.0 / 9.0,
            0x92 => 0.1,
            0x93 => 1.0 / 3.0,
            0x94 => 2.0 / 3.0,
            0x95 => 0.2,
            0x96 => 0.4,
            0x97 => 0.6,
            0x98 => 0.8,
            0x99 => 1.0 / 6.0,
            0x9A => 5.0 / 6.0,
            0x9B => 0.125,
            0x9C => 0.375,
            0x9D => 0.625,
            _ => 0.875,
        },
        _ => return None,
    };
    Some((v, 3))
}

/// End of a unit symbol written from `s`: letters, then `2`/`3`/`²`/`³`,
/// or `µ`/`μ` + letters.
fn unit_token_end(b: &[u8], s: usize) -> usize {
    let mut e = s;
    if at(b, e) == 0xC2 && at(b, e + 1) == 0xB5 || at(b, e) == 0xCE && at(b, e + 1) == 0xBC {
        e += 2;
    }
    while at(b, e).is_ascii_alphabetic() {
        e += 1;
    }
    if matches!(at(b, e), b'2' | b'3') && !at(b, e + 1).is_ascii_alphanumeric() {
        e += 1;
    } else if at(b, e) == 0xC2 && matches!(at(b, e + 1), 0xB2 | 0xB3) {
        e += 2;
    }
    e
}

/// The first answer `test` gives for one of the four words before `p`,
/// in the same clause (a piece that is no word ends the look).
fn word_before<T>(b: &[u8], mut p: usize, test: impl Fn(&[u8]) -> Option<T>) -> Option<T> {
    let mut buf = [0u8; 24];
    for _ in 0..4 {
        let w = prev(b, p, 0);
        if w.k != K::Word {
            return None;
        }
        if let Some(answer) = test(lower(w.bytes(b), &mut buf)) {
            return Some(answer);
        }
        p = w.s;
    }
    None
}

/// The sign of the change a verb makes to its object: `raised`, `cut`.
fn transitive_change(w: &[u8]) -> Option<f64> {
    match w {
        b"raised" | b"raise" | b"raises" | b"raising" | b"lifted" | b"lift" | b"lifts"
        | b"boosted" | b"boost" | b"boosts" | b"hiked" | b"increased" | b"increase"
        | b"increases" => Some(1.0),
        b"lowered" | b"lower" | b"lowers" | b"cut" | b"cuts" | b"cutting" | b"reduced"
        | b"reduce" | b"reduces" | b"trimmed" | b"trims" | b"slashed" | b"slash" => Some(-1.0),
        _ => None,
    }
}

/// A verb of change in the past tense: `rose`, `increased`, `raised`.
fn past_change(w: &[u8]) -> bool {
    matches!(
        w,
        b"rose" | b"grew" | b"fell" | b"sank" | b"shrank" | b"slid" | b"leapt"
    ) || w.ends_with(b"ed") && (units::change_verb(w).is_some() || transitive_change(w).is_some())
}

/// A unit glued to digits at `e`: `75ml`, `1.8m`, `24703m2`, `10km/hr`, `0.8rad`.
fn unit_glued(b: &[u8], e: usize) -> Option<(&'static str, usize)> {
    let ge = unit_token_end(b, e);
    let mut u = b.get(e..ge).and_then(units::unit_symbol).or_else(|| {
        let mut buf = [0u8; 24];
        units::unit_word(lower(b.get(e..ge)?, &mut buf))
    })?;
    let mut end = ge;
    if at(b, end) == b'/' && at(b, end + 1).is_ascii_alphabetic() {
        let t = tok_at(b, end + 1);
        let mut buf = [0u8; 24];
        if let Some(tu) = units::time_unit(lower(t.bytes(b), &mut buf)) {
            if let Some(r) = units::rate_unit(u, tu) {
                u = r;
                end = t.e;
            }
        }
    }
    if at(b, end).is_ascii_alphanumeric() {
        return None;
    }
    Some((u, end))
}

/// A scale glued to digits: `43bn`, `2.5k`, `10M`, `1mm`→no (millimetres),
/// `1MM`, `2mil`; lower-case `m` is a million only after a currency or
/// before a plural noun (`5m people`), else metres.
fn glued_scale(b: &[u8], w: &[u8], end: usize, money: bool) -> Option<f64> {
    if w == b"m" {
        if money {
            return Some(1e6);
        }
        let t = next(b, end);
        if t.k == K::Word && t.s > end {
            let mut buf = [0u8; 24];
            let lw = lower(t.bytes(b), &mut buf);
            if lw.len() > 3 && lw.ends_with(b"s") && units::unit_word(lw).is_none() && !is_stop(lw)
            {
                return Some(1e6);
            }
        }
        return None;
    }
    if w == b"G" || w == b"T" || w == b"B" && !money {
        return None;
    }
    words::digit_scale(w, true)
}

/// `and 50 cents`, `50 cents`, `50`, `and 50` after an amount of money:
/// (amount to add, end).
fn subunit(b: &[u8], e: usize) -> Option<(f64, usize)> {
    let mut t = next(b, e);
    if t.word(b, "and") {
        t = next(b, t.e);
    }
    if !(t.k == K::Digits || t.k == K::Word) {
        return None;
    }
    let n = number_at(b, t.s)?;
    if n.kind != NumKind::Cardinal || n.value < 1.0 || n.value >= 100.0 || n.value.fract() != 0.0 {
        return None;
    }
    if at(b, n.e).is_ascii_alphanumeric() || at(b, n.e) == b'/' {
        return None;
    }
    let after = next(b, n.e);
    let mut buf = [0u8; 24];
    let lw = lower(after.bytes(b), &mut buf);
    match after.k {
        K::Word if matches!(lw, b"cent" | b"cents" | b"pence" | b"p" | b"mao" | b"fen") => {
            Some((n.value / 100.0, after.e))
        }
        K::Word if lw == b"and" => Some((n.value / 100.0, n.e)),
        K::Word => None,
        K::Char if after.bytes(b) == b"%" || after.is(b, b'$') || after.is(b, b'-') => None,
        _ => Some((n.value / 100.0, n.e)),
    }
}

/// Function words that are never the counted noun.
fn is_stop(w: &[u8]) -> bool {
    matches!(
        w,
        b"is"
            | b"was"
            | b"has"
            | b"this"
            | b"its"
            | b"us"
            | b"as"
            | b"his"
            | b"does"
            | b"yes"
            | b"less"
            | b"unless"
            | b"across"
            | b"whereas"
            | b"thus"
            | b"plus"
            | b"minus"
            | b"times"
            | b"percents"
            | b"always"
            | b"perhaps"
            | b"besides"
            | b"towards"
            | b"afterwards"
            | b"ones"
            | b"others"
            | b"its's"
            | b"kinds"
            | b"sorts"
            | b"sales"
            | b"news"
            | b"series"
            | b"means"
            | b"species"
            | b"basis"
            | b"analysis"
            | b"crisis"
            | b"status"
            | b"versus"
            | b"various"
            | b"previous"
            | b"famous"
            | b"serious"
            | b"numerous"
            | b"bonus"
            | b"campus"
            | b"focus"
            | b"census"
            | b"seconds"
            | b"thirds"
            | b"halves"
            | b"quarters"
            | b"dozens"
            | b"hundreds"
            | b"thousands"
            | b"millions"
            | b"billions"
            | b"trillions"
            | b"respectively"
    ) || is_verb_s(w)
}

/// Frequent verbs in `-s` that follow a figure as its predicate (`3 says`,
/// `5 remains`): not counted nouns.
fn is_verb_s(w: &[u8]) -> bool {
    matches!(
        w,
        b"says"
            | b"goes"
            | b"makes"
            | b"takes"
            | b"gets"
            | b"comes"
            | b"sees"
            | b"knows"
            | b"thinks"
            | b"wants"
            | b"gives"
            | b"uses"
            | b"finds"
            | b"tells"
            | b"seems"
            | b"shows"
            | b"remains"
            | b"includes"
            | b"requires"
            | b"reports"
            | b"represents"
            | b"accounts"
            | b"exceeds"
            | b"reaches"
            | b"totals"
            | b"hits"
            | b"tops"
            | b"means"
            | b"becomes"
            | b"stands"
            | b"rises"
            | b"falls"
            | b"grows"
            | b"drops"
            | b"gains"
            | b"jumps"
            | b"climbs"
            | b"declines"
            | b"increases"
            | b"decreases"
            | b"equals"
            | b"marks"
            | b"comprises"
            | b"contains"
            | b"holds"
            | b"brings"
            | b"puts"
            | b"leads"
            | b"plans"
            | b"expects"
            | b"aims"
            | b"looks"
            | b"needs"
            | b"helps"
            | b"allows"
            | b"applies"
            | b"refers"
            | b"lies"
            | b"sits"
            | b"ranks"
            | b"runs"
            | b"works"
    )
}

/// The counted noun after a number: `2,500 enterprises`, `500 overseas
/// outlets` (one adjective before), `2,500 auto parts enterprises` (the last
/// of a compound).
fn count_lemma(b: &[u8], t: Tok) -> Option<(String, usize)> {
    let first = plural_lemma(b, t).or_else(|| {
        let mut buf = [0u8; 24];
        let lw = lower(t.bytes(b), &mut buf);
        if t.k == K::Word && is_adjective(lw) {
            plural_lemma(b, next(b, t.e))
        } else {
            None
        }
    })?;
    // A compound: `parts enterprises`, `auto parts makers`. The second
    // word is only read when one space joins it to the first.
    let n = next(b, first.1);
    if n.s != first.1 + 1 || at(b, first.1) != b' ' {
        return Some(first);
    }
    Some(plural_lemma(b, n).unwrap_or(first))
}

/// Adjectives often found between a figure and the noun it counts.
fn is_adjective(w: &[u8]) -> bool {
    matches!(
        w,
        b"overseas"
            | b"new"
            | b"major"
            | b"foreign"
            | b"domestic"
            | b"local"
            | b"private"
            | b"small"
            | b"large"
            | b"big"
            | b"key"
            | b"additional"
            | b"consecutive"
            | b"different"
            | b"other"
            | b"top"
            | b"leading"
            | b"automotive"
            | b"listed"
            | b"registered"
            | b"electric"
            | b"separate"
            | b"active"
            | b"full"
            | b"straight"
            | b"successive"
            | b"young"
            | b"old"
            | b"senior"
            | b"junior"
            | b"state-owned"
    ) || w.len() > 5
        && [b"al".as_slice(), b"ic", b"ive", b"ous", b"ese", b"ian"]
            .iter()
            .any(|s| w.ends_with(s))
}

/// The lemma of a plural noun at `t` (and a few irregular plurals).
fn plural_lemma(b: &[u8], t: Tok) -> Option<(String, usize)> {
    if t.k != K::Word || at(b, t.e) == b'\'' && at(b, t.e + 1) == b's' {
        return None;
    }
    let w = t.bytes(b);
    if w.len() < 3
        || w.len() > 20
        || w[0].is_ascii_uppercase() && w.len() > 1 && w[1].is_ascii_uppercase()
    {
        return None;
    }
    let mut buf = [0u8; 24];
    let lw = lower(w, &mut buf);
    if is_stop(lw) || words::word_class(lw).is_some() {
        return None;
    }
    let irregular: Option<&str> = match lw {
        b"people" => Some("person"),
        b"men" => Some("man"),
        b"women" => Some("woman"),
        b"children" => Some("child"),
        b"mice" => Some("mouse"),
        b"teeth" => Some("tooth"),
        b"geese" => Some("goose"),
        b"staff" | b"personnel" | b"aircraft" | b"sheep" | b"livestock" | b"cattle" => {
            std::str::from_utf8(lw).ok()
        }
        _ => None,
    };
    if let Some(l) = irregular {
        return Some((l.to_string(), t.e));
    }
    if !lw.ends_with(b"s") || lw.ends_with(b"ss") || lw.ends_with(b"us") || lw.ends_with(b"is") {
        return None;
    }
    let stem: &[u8] = if lw.ends_with(b"ies") && lw.len() > 4 {
        let mut s = lw[..lw.len() - 3].to_vec();
        s.push(b'y');
        return Some((String::from_utf8(s).ok()?, t.e));
    } else if lw.ends_with(b"ches")
        || lw.ends_with(b"shes")
        || lw.ends_with(b"xes")
        || lw.ends_with(b"sses")
        // `buzzes`, not `prizes` or `sizes`.
        || lw.ends_with(b"zzes")
    {
        &lw[..lw.len() - 2]
    } else {
        &lw[..lw.len() - 1]
    };
    Some((std::str::from_utf8(stem).ok()?.to_string(), t.e))
}

/// Bound words before `s`: (start of the phrase, bound). `before` is the
/// piece before `s` when the caller has read it.
fn bound_before(b: &[u8], s: usize, floor: usize, before: Option<Tok>) -> Option<(usize, Bound)> {
    // Symbols: `>`, `>=`, `< =`, `≥`, `~`.
    let t = before.unwrap_or_else(|| prev(b, s, floor));
    if t.k == K::Char {
        let c = t.bytes(b);
        let (k, mut start) = match c {
            b">" => (Bound::Over, t.s),
            b"<" => (Bound::Under, t.s),
            b"~" => (Bound::About, t.s),
            b"=" => {
                let t2 = prev(b, t.s, floor);
                if t2.is(b, b'>') {
                    (Bound::Over, t2.s)
                } else if t2.is(b, b'<') {
                    (Bound::Under, t2.s)
                } else {
                    return None;
                }
            }
            _ if c == "≥".as_bytes() => (Bound::Over, t.s),
            _ if c == "≤".as_bytes() => (Bound::Under, t.s),
            _ => return None,
        };
        let before = prev(b, start, floor);
        if before.k == K::Char && matches!(before.bytes(b), b"<" | b">" | b"=") {
            return None;
        }
        if k == Bound::About && before.k == K::Digits {
            return None;
        }
        if start < floor {
            start = floor;
        }
        return Some((start, k));
    }
    if t.k != K::Word || t.e - t.s > BOUND_WORD_MAX {
        return None;
    }
    // Every phrase below ends in a word of its group table (and `the`
    // opens the two look-throughs): most figures follow some other word,
    // and are turned away by one look-up of the word's key before five
    // words are read back.
    let last = word_key(t.bytes(b));
    if last != THE && phrase_group(last).is_none() {
        return None;
    }
    // The words back from the figure, read as the phrases ask for them:
    // most phrases end in a word no other phrase ends in, and are told
    // apart by one or two words.
    let mut back = WordsBack::new(b, t, last, floor);
    // Phrases, last word first.
    const PHRASES: &[(&[&str], Bound)] = &[
        (&["to", "equal", "or", "than", "greater"], Bound::Over),
        (&["to", "equal", "or", "than", "more"], Bound::Over),
        (&["to", "equal", "or", "than", "larger"], Bound::Over),
        (&["than", "more", "or", "to", "equal"], Bound::Over),
        (&["than", "greater", "or", "to", "equal"], Bound::Over),
        (&["to", "equal", "or", "least", "at"], Bound::Over),
        (&["to", "equal", "or", "than", "less"], Bound::Under),
        (&["to", "equal", "or", "than", "fewer"], Bound::Under),
        (&["to", "equal", "or", "than", "smaller"], Bound::Under),
        (&["than", "less", "or", "to", "equal"], Bound::Under),
        (&["than", "fewer", "or", "to", "equal"], Bound::Under),
        (&["than", "equal", "or", "higher"], Bound::Over),
        (&["than", "equal", "or", "bigger"], Bound::Over),
        (&["than", "equal", "or", "greater"], Bound::Over),
        (&["than", "equal", "or", "larger"], Bound::Over),
        (&["than", "equal", "or", "more"], Bound::Over),
        (&["than", "equal", "or", "less"], Bound::Under),
        (&["than", "equal", "or", "smaller"], Bound::Under),
        (&["than", "equal", "or", "lower"], Bound::Under),
        (&["than", "equal", "or", "fewer"], Bound::Under),
        (&["than", "less", "no"], Bound::Over),
        (&["than", "less", "not"], Bound::Over),
        (&["than", "fewer", "no"], Bound::Over),
        (&["than", "more", "no"], Bound::Under),
        (&["than", "more", "not"], Bound::Under),
        (&["than", "greater", "no"], Bound::Under),
        (&["of", "excess", "in"], Bound::Over),
        (&["as", "many", "as"], Bound::Under),
        (&["as", "much", "as"], Bound::Under),
        (&["as", "high", "as"], Bound::Under),
        (&["than", "more"], Bound::Over),
        (&["than", "greater"], Bound::Over),
        (&["than", "larger"], Bound::Over),
        (&["than", "bigger"], Bound::Over),
        (&["than", "higher"], Bound::Over),
        (&["than", "less"], Bound::Under),
        (&["than", "fewer"], Bound::Under),
        (&["than", "smaller"], Bound::Under),
        (&["than", "lower"], Bound::Under),
        (&["least", "at"], Bound::Over),
        (&["most", "at"], Bound::Under),
        (&["to", "up"], Bound::Under),
        (&["of", "upwards"], Bound::Over),
        (&["over", "just"], Bound::Over),
        (&["under", "just"], Bound::Under),
        (&["to", "close"], Bound::About),
        (&["estimated", "an"], Bound::About),
        (&["to", "equal"], Bound::Equal),
        (&["to", "equals"], Bound::Equal),
        (&["to", "equaling"], Bound::Equal),
        (&["to", "equalling"], Bound::Equal),
        (&["equals"], Bound::Equal),
        (&["over"], Bound::Over),
        (&["above"], Bound::Over),
        (&["exceeding"], Bound::Over),
        (&["exceeded"], Bound::Over),
        (&["exceeds"], Bound::Over),
        (&["exceed"], Bound::Over),
        (&["surpassing"], Bound::Over),
        (&["surpassed"], Bound::Over),
        (&["surpasses"], Bound::Over),
        (&["surpass"], Bound::Over),
        (&["topped"], Bound::Over),
        (&["topping"], Bound::Over),
        (&["under"], Bound::Under),
        (&["below"], Bound::Under),
        (&["nearly"], Bound::About),
        (&["almost"], Bound::About),
        (&["about"], Bound::About),
        (&["around"], Bound::About),
        (&["approximately"], Bound::About),
        (&["approx"], Bound::About),
        (&["roughly"], Bound::About),
        (&["some"], Bound::About),
        (&["circa"], Bound::About),
        (&["estimated"], Bound::About),
        (&["between"], Bound::Between),
        (&["from"], Bound::From),
    ];
    // PHRASES as keys, the missing words of a short phrase as key 0 (an
    // empty word, which a word read back never is).
    const PHRASE_KEYS: [[u128; 5]; PHRASES.len()] = {
        let mut t = [[0u128; 5]; PHRASES.len()];
        let mut i = 0;
        while i < PHRASES.len() {
            let mut j = 0;
            while j < PHRASES[i].0.len() {
                let w = PHRASES[i].0[j].as_bytes();
                // Words are read back up to BOUND_WORD_MAX letters: a
                // longer one would never match, so its key is no word's.
                t[i][j] = if w.len() > BOUND_WORD_MAX {
                    u128::MAX
                } else {
                    let mut buf = [0u8; BOUND_WORD_MAX];
                    let mut c = 0;
                    while c < w.len() {
                        buf[c] = w[c];
                        c += 1;
                    }
                    phrase_key(&buf)
                };
                j += 1;
            }
            i += 1;
        }
        t
    };
    // The phrases by their last word (open addressing on its key), each
    // group in PHRASES order, so that a look-up only walks the phrases that
    // end in the word read and still finds the first that matches.
    const GROUP_SLOTS: usize = 64;
    const fn group_slot(k: u128) -> usize {
        let h = (k as u64) ^ ((k >> 64) as u64);
        (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58) as usize
    }
    const GROUPS: [(u128, u8, [u8; 40]); GROUP_SLOTS] = {
        let mut t = [(0u128, 0u8, [0u8; 40]); GROUP_SLOTS];
        let mut i = 0;
        while i < PHRASE_KEYS.len() {
            let k = PHRASE_KEYS[i][0];
            let mut h = group_slot(k);
            while t[h].1 != 0 && t[h].0 != k {
                h = (h + 1) % GROUP_SLOTS;
            }
            t[h].0 = k;
            t[h].2[t[h].1 as usize] = i as u8;
            t[h].1 += 1;
            i += 1;
        }
        t
    };
    /// The phrases (indices into PHRASES, in its order) that end in the
    /// word of key `k`; `None` when no phrase does.
    fn phrase_group(k: u128) -> Option<&'static [u8]> {
        let mut h = group_slot(k);
        while GROUPS[h].1 != 0 {
            let (gk, count, idx) = &GROUPS[h];
            if *gk == k {
                return Some(&idx[..usize::from(*count)]);
            }
            h = (h + 1) % GROUP_SLOTS;
        }
        None
    }
    let phrase_at = |back: &mut WordsBack, from: usize| -> Option<usize> {
        let group = phrase_group(back.key(from)?)?;
        // The phrases of a group mostly differ in the word before the last
        // (thirteen end in `to`): that word is read once, when a phrase
        // has one, and each phrase then costs one compare.
        let mut second = None;
        group.iter().map(|&i| usize::from(i)).find(|&i| {
            let (pk, len) = (&PHRASE_KEYS[i], PHRASES[i].0.len());
            len == 1
                || *second.get_or_insert_with(|| back.key(from + 1)) == Some(pk[1])
                    && (2..len).all(|j| back.key(from + j) == Some(pk[j]))
        })
    };
    if let Some(i) = phrase_at(&mut back, 0) {
        let (ph, k) = PHRASES[i];
        // `ticked up to 4.2 percent`, `moved up to second place`: a verb's
        // particle and the figure it reached, no bound.
        const UP_TO_VERBS: [u128; 12] = [
            key_of(b"ticked"),
            key_of(b"edged"),
            key_of(b"moved"),
            key_of(b"went"),
            key_of(b"crept"),
            key_of(b"shot"),
            key_of(b"jumped"),
            key_of(b"climbed"),
            key_of(b"picked"),
            key_of(b"revised"),
            key_of(b"stepped"),
            key_of(b"bumped"),
        ];
        if ph == ["to", "up"] && back.key(2).is_some_and(|w| UP_TO_VERBS.contains(&w)) {
            return None;
        }
        // `between the tenth and the fifteenth`
        return Some((back.starts[ph.len() - 1], k));
    }
    const THE: u128 = key_of(b"the");
    const BETWEEN: u128 = key_of(b"between");
    const THAN: u128 = key_of(b"than");
    if back.key(0) == Some(THE) {
        match back.key(1) {
            // `between the tenth …`
            Some(BETWEEN) => return Some((back.starts[1], Bound::Between)),
            Some(THAN) => {
                // `higher than the tenth`
                if let Some(i) = phrase_at(&mut back, 1) {
                    let (ph, k) = PHRASES[i];
                    return Some((back.starts[ph.len()], k));
                }
            }
            _ => {}
        }
    }
    None
}

/// Up to five words read backwards from a figure, lower-case, as
/// [`phrase_key`]s, each read when first asked for.
struct WordsBack<'b> {
    b: &'b [u8],
    floor: usize,
    /// Keys of the words read so far (`read` of them).
    keys: [u128; 5],
    /// Their starts.
    starts: [usize; 5],
    read: usize,
    /// No word before the last read (a non-word, a too long word, the floor).
    ended: bool,
}

impl<'b> WordsBack<'b> {
    /// The words back from `first`, the word right before the figure,
    /// whose key (`word_key`) is `first_key`.
    fn new(b: &'b [u8], first: Tok, first_key: u128, floor: usize) -> Self {
        let mut keys = [0; 5];
        keys[0] = first_key;
        let mut starts = [0; 5];
        starts[0] = first.s;
        WordsBack {
            b,
            floor,
            keys,
            starts,
            read: 1,
            ended: false,
        }
    }

    fn push(&mut self, t: Tok) {
        if t.k != K::Word || t.e - t.s > BOUND_WORD_MAX {
            self.ended = true;
            return;
        }
        // At most 16 letters: their lowered bytes with zeros after are the
        // key (as `key_of` makes it).
        self.keys[self.read] = word_key(t.bytes(self.b));
        self.starts[self.read] = t.s;
        self.read += 1;
    }

    /// The key of word `i` back (0 is the word right before the figure).
    #[inline]
    fn key(&mut self, i: usize) -> Option<u128> {
        // Phrases ask for the same few words again and again: a word read
        // is one load.
        if i >= self.read {
            self.read_to(i);
        }
        (i < self.read).then(|| self.keys[i])
    }

    /// Reads words back until word `i` is read or there is none.
    #[inline(never)]
    fn read_to(&mut self, i: usize) {
        while self.read <= i && !self.ended && self.read < self.keys.len() {
            let q = self.starts[self.read - 1];
            self.push(prev(self.b, q, self.floor));
        }
    }
}

/// [`phrase_key`] of a word of at most [`BOUND_WORD_MAX`] ASCII bytes,
/// lower-cased.
const fn key_of(w: &[u8]) -> u128 {
    let mut buf = [0u8; BOUND_WORD_MAX];
    let mut c = 0;
    while c < w.len() {
        buf[c] = w[c].to_ascii_lowercase();
        c += 1;
    }
    phrase_key(&buf)
}

/// The longest word a bound phrase before a figure is read with: as many
/// bytes as a phrase key (`u128`) holds, so `approximately` (13) fits.
const BOUND_WORD_MAX: usize = 16;

/// A word of at most 12 lower-case bytes (zeros after) as one number.
const fn phrase_key(w: &[u8; BOUND_WORD_MAX]) -> u128 {
    let mut k = 0u128;
    let mut i = 0;
    while i < BOUND_WORD_MAX {
        k |= (w[i] as u128) << (8 * i);
        i += 1;
    }
    k
}

/// Bound words after a figure: `or more`, `and more`, `or greater (than)`,
/// `or less`, `or fewer`, `or above`, `or below`: (bound, end). `t1` is the
/// piece after the figure.
fn bound_after(b: &[u8], t1: Tok) -> Option<(Bound, usize)> {
    if !(t1.word(b, "or") || t1.word(b, "and")) {
        return None;
    }
    let t2 = next(b, t1.e);
    let mut buf = [0u8; 24];
    let k = match lower(t2.bytes(b), &mut buf) {
        b"more" | b"greater" | b"higher" | b"above" | b"over" | b"larger" | b"bigger" => {
            Bound::Over
        }
        b"less" | b"fewer" | b"lower" | b"below" | b"under" | b"smaller" => Bound::Under,
        _ => return None,
    };
    let mut end = t2.e;
    let t3 = next(b, end);
    if t3.word(b, "than") {
        // `200 or greater than` but not `200 or greater than 190`.
        let t4 = next(b, t3.e);
        if t4.k == K::Digits || starts_figure_tok(b, &t4) {
            return None;
        }
        end = t3.e;
    }
    Some((k, end))
}

/// The basis of a change stated after it: `year-on-year`, `y/y`, `from a year earlier`.
/// `first` is the piece after the figure.
fn basis_after(b: &[u8], first: Tok) -> Option<Basis> {
    let mut t = first;
    if t.is(b, b',') || t.is(b, b'(') {
        t = next(b, t.e);
    }
    // Every basis below opens with one of these words: the words that
    // follow most figures (`to`, `in`, `of`) are turned away by their ends
    // and length before they are lowered and compared.
    const OPENERS: WordFilter = WordFilter::new().with_strs(&[
        "yoy", "mom", "qoq", "year", "month", "quarter", "y", "m", "q", "from", "over", "than",
        "compared", "versus", "vs", "on",
    ]);
    if t.k != K::Word || !OPENERS.may_hold(t.bytes(b)) {
        return None;
    }
    let mut buf = [0u8; 24];
    // Hyphenated forms arrive as word - word - word.
    let w1 = lower(t.bytes(b), &mut buf);
    let mut b2 = [0u8; 24];
    let mut b3 = [0u8; 24];
    let period = |w: &[u8]| -> Option<Basis> {
        match w {
            b"year" => Some(Basis::YearOnYear),
            b"month" => Some(Basis::MonthOnMonth),
            b"quarter" => Some(Basis::QuarterOnQuarter),
            _ => None,
        }
    };
    match w1 {
        b"yoy" => return Some(Basis::YearOnYear),
        b"mom" => return Some(Basis::MonthOnMonth),
        b"qoq" => return Some(Basis::QuarterOnQuarter),
        _ => {}
    }
    if let Some(p) = period(w1) {
        // year-on-year, year on year, year over year
        let mut u = next(b, t.e);
        if u.is(b, b'-') {
            u = next(b, u.e);
        }
        let w2 = lower(u.bytes(b), &mut b2);
        if matches!(w2, b"on" | b"over") {
            let mut v = next(b, u.e);
            if v.is(b, b'-') {
                v = next(b, v.e);
            }
            if period(lower(v.bytes(b), &mut b3)) == Some(p) {
                return Some(p);
            }
        }
        return None;
    }
    // y/y, y-o-y, m/m, q/q
    if t.k == K::Word && t.e - t.s == 1 {
        let u = next(b, t.e);
        let v = next(b, u.e);
        if (u.is(b, b'/') || u.is(b, b'-')) && v.k == K::Word {
            let p = match w1 {
                b"y" => Basis::YearOnYear,
                b"m" => Basis::MonthOnMonth,
                b"q" => Basis::QuarterOnQuarter,
                _ => return None,
            };
            let vw = lower(v.bytes(b), &mut b2);
            if vw == w1 {
                return Some(p);
            }
            if vw == b"o" {
                let x = next(b, v.e);
                let y = next(b, x.e);
                if x.is(b, b'-') && lower(y.bytes(b), &mut b3) == w1 {
                    return Some(p);
                }
            }
        }
        return None;
    }
    // from a year earlier / from a year ago / over the same period last year / compared with
    if matches!(
        w1,
        b"from" | b"over" | b"than" | b"compared" | b"versus" | b"vs" | b"on"
    ) {
        // `fell 2.6 per cent from September`: against a month named alone,
        // not a year (`from September 2024`) nor the start of a span (`from
        // January to October`), is against a month before, not a year.
        // (`over March` may be during March.)
        let mut m = next(b, t.e);
        if m.k == K::Word && matches!(lower(m.bytes(b), &mut b2), b"with" | b"to") {
            m = next(b, m.e);
        }
        if !matches!(w1, b"over" | b"on")
            && m.k == K::Word
            && std::str::from_utf8(m.bytes(b))
                .ok()
                .and_then(crate::time::month_of)
                .is_some()
        {
            let mut after = next(b, m.e);
            if after.is(b, b'.') {
                after = next(b, after.e);
            }
            let span_or_year = after.k == K::Digits
                || after.is(b, b'-')
                || (after.k == K::Word
                    && matches!(
                        lower(after.bytes(b), &mut b3),
                        b"to" | b"through" | b"until" | b"till" | b"and" | b"last" | b"of"
                    ));
            return (!span_or_year).then_some(Basis::MonthOnMonth);
        }
        let mut q = t.e;
        // `the same quarter of 2024` is a year before; `the previous
        // quarter` the one before; `over the Christmas quarter` names the
        // period, not what it is compared with.
        let mut same = false;
        let mut before = false;
        for _ in 0..7 {
            let u = next(b, q);
            if u.k != K::Word {
                break;
            }
            let w = lower(u.bytes(b), &mut b2);
            match w {
                b"same" | b"corresponding" => same = true,
                b"previous" | b"preceding" | b"prior" | b"last" | b"sequential" => before = true,
                _ => {}
            }
            if same && matches!(w, b"quarter" | b"month" | b"period" | b"week" | b"half") {
                // A year named after it (`of 2024`, `last year`, `a year
                // ago`); `over the same period` alone is the period just
                // named, no basis.
                let mut r = u.e;
                for _ in 0..4 {
                    let x = next(b, r);
                    let year_word = x.k == K::Word
                        && matches!(
                            lower(x.bytes(b), &mut b3),
                            b"year" | b"ago" | b"earlier" | b"before"
                        );
                    if year_word || x.k == K::Digits && x.e - x.s == 4 {
                        return Some(Basis::YearOnYear);
                    }
                    if x.k != K::Word {
                        break;
                    }
                    r = x.e;
                }
                return None;
            }
            match w {
                b"year" | b"yearly" | b"annual" => {
                    let v = next(b, u.e);
                    let vw = lower(v.bytes(b), &mut b3);
                    if matches!(vw, b"earlier" | b"ago" | b"before" | b"basis")
                        || w1 != b"from"
                        || before
                        || matches!(vw, b"s")
                    {
                        return Some(Basis::YearOnYear);
                    }
                    return None;
                }
                b"month" | b"monthly" => {
                    let v = next(b, u.e);
                    if matches!(
                        lower(v.bytes(b), &mut b3),
                        b"earlier" | b"ago" | b"before" | b"basis"
                    ) || w1 != b"from"
                        || before
                    {
                        return Some(Basis::MonthOnMonth);
                    }
                    return None;
                }
                b"quarterly" => return Some(Basis::QuarterOnQuarter),
                b"quarter" => {
                    // `grew 0.2% on the quarter`, `from the previous quarter`,
                    // `from a quarter earlier`.
                    let v = next(b, u.e);
                    let earlier =
                        matches!(lower(v.bytes(b), &mut b3), b"earlier" | b"ago" | b"before");
                    if w1 == b"on" || before || earlier {
                        return Some(Basis::QuarterOnQuarter);
                    }
                    return None;
                }
                _ => {}
            }
            q = u.e;
        }
    }
    None
}

/// True when the white space in `b[from..to]` separates table columns
/// rather than words: a gap between cells ([`cell_gap`]) or a line break.
fn column_gap(b: &[u8], from: usize, to: usize) -> bool {
    // Asked around every figure, of the gap between two words: mostly one
    // space or none, told without a byte search.
    match b.get(from..to).unwrap_or(&[]) {
        [] => false,
        [c] => matches!(c, b'\n' | b'\t'),
        gap => gap.contains(&b'\n') || cell_gap(b, from, to),
    }
}

/// True when the figure ending at `e` ends in a scale word (`712
/// billion`), after which a word is its unit.
fn after_scale_word(b: &[u8], e: usize) -> bool {
    let head = &b[..e.min(b.len())];
    let start = head
        .iter()
        .rposition(|c| !c.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    let w = &head[start..];
    [
        "thousand", "million", "billion", "trillion", "bn", "mn", "tn",
    ]
    .iter()
    .any(|s| w.eq_ignore_ascii_case(s.as_bytes()))
}

/// True when the white space in `b[from..to]` is a gap between a table's
/// cells: a tab, or two spaces in a row. A lone line break is not: text
/// wrapped by hand breaks lines inside a figure (`43\nbillion yuan`).
fn cell_gap(b: &[u8], from: usize, to: usize) -> bool {
    // Mostly one space or none (see `column_gap`).
    match b.get(from..to).unwrap_or(&[]) {
        [] => false,
        [c] => *c == b'\t',
        gap => gap.contains(&b'\t') || gap.windows(2).any(|w| w == b"  "),
    }
}

#[cfg(test)]
mod tests;
