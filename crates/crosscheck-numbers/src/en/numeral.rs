//! Numbers as written: digits, words or both (`1.2 million`,
//! `one hundred and five`, `two thirds`, `twenty-first`, `half a dozen`).
//!
//! The words are read into a small fixed array of atoms, then evaluated by a
//! grammar that keeps the longest valid reading. Nothing is allocated.

use super::digits::{literal, Lit};
use super::lex::{at, next, tok_at, Tok, K};
use super::words::{is_article, word_class, OrdW, Wc, VOCABULARY};

#[derive(Debug, Clone, Copy, PartialEq)]
enum A {
    Lit(f64, i32, bool),
    Card(u8),
    Hundred,
    Scale(f64),
    Ord(OrdW, bool),
    Half(bool),
    Quarter(bool),
    Dozen,
    And,
    Point,
    Article,
    Of,
}

#[derive(Debug, Clone, Copy)]
struct Atom {
    s: usize,
    e: usize,
    a: A,
}

const MAX: usize = 40;

/// What kind of number the words make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NumKind {
    /// A cardinal.
    Cardinal,
    /// A fraction or a mixed number.
    Fraction,
    /// An ordinal (`twenty-first`, `three trillionth`).
    Ordinal,
}

/// A number read at some position.
#[derive(Debug, Clone, Copy)]
pub(super) struct Num {
    /// First byte.
    pub s: usize,
    /// One past the last byte.
    pub e: usize,
    /// Value.
    pub value: f64,
    /// Half the width of the interval the writing implies.
    pub prec: f64,
    /// Cardinal, fraction or ordinal.
    pub kind: NumKind,
    /// The number is one digit literal alone, as read.
    pub lit: Option<Lit>,
    /// The largest scale word applied (`million` → 1e6), 0 when none.
    pub scale: f64,
    /// The piece after the number (`next(b, e)`), when reading it was
    /// needed to see that nothing joins a literal alone: the caller need
    /// not read it again.
    pub after: Option<Tok>,
}

/// Reads the atoms from `p`; `first` gets the first atom's literal when it
/// is one, so that the caller does not read the digits twice (and when it
/// is already set, it is that literal, read by the caller).
fn collect(b: &[u8], p: usize, atoms: &mut [Atom], first: &mut Option<Lit>) -> usize {
    let mut n = 0;
    let mut q = p;
    let mut buf = [0u8; 24];
    while n < atoms.len() {
        let mut t = if n == 0 { tok_at(b, q) } else { next(b, q) };
        // `1.2 billion    945 million`: two cells of a table, not one sum
        // (number words spaced wide are still one number).
        if n > 0 && t.k == K::Digits && super::cell_gap(b, q, t.s) {
            break;
        }
        // A hyphen joins number words: `twenty-one`, `fifty - two`, `one-sixth`.
        if n > 0 && t.is(b, b'-') && !matches!(atoms[n - 1].a, A::Lit(..)) {
            let t2 = next(b, t.e);
            if t2.k == K::Word {
                let w = super::lex::lower(t2.bytes(b), &mut buf);
                if word_class(w).is_some() {
                    t = t2;
                }
            }
        }
        let a = match t.k {
            K::Digits => {
                let l = match *first {
                    Some(l) if n == 0 => l,
                    _ => {
                        let Some(l) = literal(b, t.s) else { break };
                        l
                    }
                };
                if n == 0 {
                    *first = Some(l);
                }
                if !l.plain && l.decimals > 0 && n > 0 {
                    // `3 hundred and 2.12 hundred` is fine; keep it.
                }
                let end = l.end;
                atoms[n] = Atom {
                    s: t.s,
                    e: end,
                    a: A::Lit(l.value, l.decimals.max(0), l.plain),
                };
                n += 1;
                // A figure glued to letters or `/` ends the run: the caller reads suffixes.
                if at(b, end).is_ascii_alphabetic() || at(b, end) == b'/' {
                    break;
                }
                q = end;
                continue;
            }
            K::Char if n == 0 && at(b, t.s) == b'.' && at(b, t.s + 1).is_ascii_digit() => {
                let Some(l) = literal(b, t.s) else { break };
                *first = Some(l);
                atoms[n] = Atom {
                    s: t.s,
                    e: l.end,
                    a: A::Lit(l.value, l.decimals, false),
                };
                n += 1;
                break;
            }
            K::Word => {
                let w = super::lex::lower(t.bytes(b), &mut buf);
                match word_class(w) {
                    // `39.3 million twenty-foot equivalent units`: a written
                    // decimal and its scale end the number, which no word
                    // carries on (`twenty` starts the unit).
                    Some(Wc::Card(_))
                        if n >= 2
                            && matches!(atoms[n - 1].a, A::Scale(_))
                            && matches!(atoms[n - 2].a, A::Lit(_, d, _) if d > 0) =>
                    {
                        break
                    }
                    Some(Wc::Card(v)) => A::Card(v),
                    Some(Wc::Hundred) => A::Hundred,
                    Some(Wc::Scale(s)) => A::Scale(s),
                    Some(Wc::Ord(o, pl)) => A::Ord(o, pl),
                    Some(Wc::Half(pl)) => A::Half(pl),
                    Some(Wc::Quarter(pl)) => A::Quarter(pl),
                    Some(Wc::Dozen) => A::Dozen,
                    None if w == b"and" => A::And,
                    None if w == b"point" => A::Point,
                    None if w == b"of" => A::Of,
                    None if is_article(w) => A::Article,
                    None => break,
                }
            }
            _ => break,
        };
        atoms[n] = Atom { s: t.s, e: t.e, a };
        n += 1;
        q = t.e;
    }
    n
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Start,
    Zero,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
    Lit,
    Dozen,
}

#[derive(Debug, Clone, Copy)]
struct Card {
    value: f64,
    /// Next atom after the cardinal.
    j: usize,
    /// Place of the smallest written term (1 for `twenty-one`, 1e6 for `two million`).
    place: f64,
    last: Last,
    /// Largest scale applied (0 when none).
    scale: f64,
    /// Value before the last `and`, and the atom after it.
    and_split: Option<(f64, usize, f64)>,
    spelled: bool,
    /// Number of atoms making it.
    atoms: usize,
}

/// The longest cardinal starting at atom `i`.
fn cardinal(at_: &[Atom], i: usize) -> Option<Card> {
    let n = at_.len();
    let mut k = i;
    let mut total = 0.0;
    let mut group = 0.0;
    let mut last = Last::Start;
    let mut min_scale = f64::INFINITY;
    let mut last_scale = 0.0f64;
    let mut max_scale = 0.0f64;
    let mut place = 1.0;
    let mut last_add = 0.0;
    let mut best: Option<Card> = None;
    let mut after_and = false;
    let mut and_split: Option<(f64, usize)> = None;
    let mut and_scale = 0.0;
    let mut best_at_and: Option<Card> = None;
    let mut spelled = false;
    let mut article = false;
    if k < n && at_[k].a == A::Article {
        match at_.get(k + 1).map(|a| a.a) {
            Some(A::Hundred | A::Scale(_) | A::Dozen) => {
                article = true;
                group = 1.0;
                last_add = 1.0;
                last = Last::Unit;
                spelled = true;
                k += 1;
            }
            _ => return None,
        }
    }
    while k < n {
        let a = at_[k].a;
        let ok = match a {
            A::Card(0) if last == Last::Start => {
                last = Last::Zero;
                spelled = true;
                true
            }
            A::Card(0) => false,
            A::Card(v) if v < 10 => {
                if matches!(last, Last::Start | Last::Tens | Last::Hundred | Last::Scale) {
                    group += f64::from(v);
                    last_add = if last == Last::Tens {
                        last_add + f64::from(v)
                    } else {
                        f64::from(v)
                    };
                    last = Last::Unit;
                    place = 1.0;
                    spelled = true;
                    true
                } else {
                    false
                }
            }
            A::Card(v) => {
                if matches!(last, Last::Start | Last::Hundred | Last::Scale) {
                    group += f64::from(v);
                    last_add = f64::from(v);
                    last = if v < 20 { Last::Teen } else { Last::Tens };
                    place = 1.0;
                    spelled = true;
                    true
                } else {
                    false
                }
            }
            A::Hundred => {
                if matches!(last, Last::Unit | Last::Teen | Last::Tens | Last::Lit)
                    && group > 0.0
                    && (group < 100.0 || last == Last::Lit)
                    && last_add == group
                {
                    group *= 100.0;
                    place = if last == Last::Lit {
                        place * 100.0
                    } else {
                        100.0
                    };
                    last = Last::Hundred;
                    spelled = true;
                    true
                } else if last == Last::Start
                    && matches!(at_.get(k + 1).map(|a| a.a), Some(A::Scale(_)))
                {
                    // `hundred thousand`; a bare `hundred(s)` is no figure.
                    group = 100.0;
                    place = 100.0;
                    last = Last::Hundred;
                    spelled = true;
                    true
                } else {
                    false
                }
            }
            A::Scale(s) => {
                if last == Last::Scale && s > last_scale && group == 0.0 {
                    // `three lakh crore`, `hundred thousand trillion`.
                    total *= s;
                    place *= s;
                    last_scale = s;
                    min_scale = s;
                    max_scale = max_scale.max(total);
                    true
                } else if matches!(
                    last,
                    Last::Unit | Last::Teen | Last::Tens | Last::Hundred | Last::Lit
                ) && s < min_scale
                {
                    let g = if last == Last::Start { 1.0 } else { group };
                    total += g * s;
                    place = if last == Last::Start { s } else { place * s };
                    group = 0.0;
                    min_scale = s;
                    last_scale = s;
                    max_scale = max_scale.max(s);
                    last = Last::Scale;
                    spelled = true;
                    true
                } else {
                    false
                }
            }
            A::Lit(v, dec, plain) => {
                if last == Last::Start && !after_and {
                    group = v;
                    last_add = v;
                    place = ten_to_minus(dec);
                    last = Last::Lit;
                    true
                } else if matches!(last, Last::Scale | Last::Hundred)
                    && plain
                    && v >= 1.0
                    && v < if last == Last::Hundred {
                        100.0
                    } else {
                        min_scale
                    }
                    && (after_and || last == Last::Scale)
                {
                    group += v;
                    last_add = v;
                    place = 1.0;
                    last = Last::Lit;
                    true
                } else {
                    false
                }
            }
            A::Dozen => {
                if matches!(last, Last::Unit | Last::Teen | Last::Tens | Last::Lit) {
                    group += last_add * 11.0;
                    last = Last::Dozen;
                    spelled = true;
                    true
                } else {
                    false
                }
            }
            A::And => {
                if matches!(last, Last::Hundred | Last::Scale)
                    && matches!(at_.get(k + 1).map(|a| a.a), Some(A::Card(1..) | A::Lit(..)))
                {
                    let sc = if last == Last::Scale { last_scale } else { 0.0 };
                    and_split = Some((total + group, k + 1));
                    and_scale = sc;
                    best_at_and = best;
                    after_and = true;
                    k += 1;
                    continue;
                }
                false
            }
            _ => false,
        };
        if !ok {
            // `3 hundred and 2 hundred`: two numbers, cut before `and`.
            if matches!(a, A::Hundred | A::Scale(_)) && and_split.is_some_and(|(_, ai)| ai + 1 == k)
            {
                best = best_at_and;
            }
            break;
        }
        k += 1;
        if last == Last::Zero {
            best = Some(Card {
                value: 0.0,
                j: k,
                place: 1.0,
                last,
                scale: 0.0,
                and_split: None,
                spelled,
                atoms: k - i,
            });
            break;
        }
        best = Some(Card {
            value: total + group,
            j: k,
            place,
            last,
            scale: max_scale,
            and_split: and_split.map(|(v, ai)| (v, ai, and_scale)),
            spelled,
            atoms: k - i,
        });
    }
    let _ = article;
    best
}

fn ord_value(o: OrdW) -> f64 {
    match o {
        OrdW::Card(v) => f64::from(v),
        OrdW::Hundred => 100.0,
        OrdW::Scale(s) => s,
    }
}

/// A cardinal followed by an ordinal word makes a compound ordinal:
/// `one hundred twenty fifth` = 125, `three trillionth` = 3e12.
fn combine(c: Option<&Card>, o: OrdW) -> Option<f64> {
    let Some(c) = c else {
        return Some(ord_value(o));
    };
    match o {
        OrdW::Card(v) if v < 10 => matches!(c.last, Last::Tens | Last::Hundred | Last::Scale)
            .then_some(c.value + f64::from(v)),
        OrdW::Card(v) => {
            matches!(c.last, Last::Hundred | Last::Scale).then_some(c.value + f64::from(v))
        }
        OrdW::Hundred => {
            matches!(c.last, Last::Unit | Last::Teen | Last::Tens).then_some(c.value * 100.0)
        }
        OrdW::Scale(s) => (c.scale < s || c.scale == 0.0).then_some(c.value * s),
    }
}

/// The denominator at atom `k`: an ordinal word, maybe compound
/// (`twenty-fifth`, `one hundred fifth`), `half` or `quarter`.
fn denominator(at_: &[Atom], k: usize) -> Option<(f64, bool, usize)> {
    match at_.get(k)?.a {
        A::Ord(o, pl) => Some((ord_value(o), pl, k + 1)),
        A::Half(pl) => Some((2.0, pl, k + 1)),
        A::Quarter(pl) => Some((4.0, pl, k + 1)),
        A::Card(_) | A::Hundred => {
            let c = cardinal(at_, k)?;
            if let Some(A::Ord(o, pl)) = at_.get(c.j).map(|a| a.a) {
                let v = combine(Some(&c), o)?;
                return Some((v, pl, c.j + 1));
            }
            None
        }
        _ => None,
    }
}

/// A single denominator word at atom `k`: `fifths`, `half`, `quarters`.
fn denominator_word(at_: &[Atom], k: usize) -> Option<(f64, bool, usize)> {
    match at_.get(k)?.a {
        A::Ord(OrdW::Card(1 | 2), false) => None,
        A::Ord(o, pl) => Some((ord_value(o), pl, k + 1)),
        A::Half(pl) => Some((2.0, pl, k + 1)),
        A::Quarter(pl) => Some((4.0, pl, k + 1)),
        _ => None,
    }
}

/// A fraction at atom `k`: `a half`, `three quarters`, `two thirds`,
/// `one twenty-fifth`, `a hundredth`, optionally times a scale
/// (`half a million`, `two thirds of a million`).
fn fraction(at_: &[Atom], k: usize) -> Option<(f64, usize)> {
    let first = at_.get(k)?.a;
    let article_card = first == A::Article && cardinal(at_, k).is_some();
    let (v, mut j) = match first {
        A::Article if !article_card => {
            let (d, pl, j) = denominator(at_, k + 1)?;
            if pl || d == 1.0 || d == 2.0 && matches!(at_[k + 1].a, A::Ord(..)) {
                return None;
            }
            (1.0 / d, j)
        }
        A::Half(false) => (0.5, k + 1),
        A::Quarter(false) if matches!(at_.get(k + 1).map(|a| a.a), Some(A::Scale(_))) => {
            (0.25, k + 1)
        }
        _ => {
            let c = cardinal(at_, k)?;
            if c.last == Last::Zero {
                return None;
            }
            match at_.get(c.j).map(|a| a.a) {
                Some(A::Ord(o, pl)) => {
                    let single = c.atoms == 1 && c.value == 1.0;
                    if !pl && !single {
                        return None;
                    }
                    if matches!(o, OrdW::Card(1 | 2)) && !pl {
                        return None;
                    }
                    // `one hundred thirty fifths` is 100/35: a tens word just
                    // before a unit ordinal joins the denominator unless `and`
                    // or nothing precedes it.
                    if let (OrdW::Card(u @ 1..=9), Some(prev)) = (o, c.j.checked_sub(1)) {
                        if let A::Card(t @ 20..) = at_[prev].a {
                            let lead = prev > k && at_[prev - 1].a != A::And;
                            if lead {
                                if let Some(num) = cardinal(&at_[..prev], k) {
                                    if num.j == prev {
                                        let d = f64::from(t) + f64::from(u);
                                        return Some(scaled(at_, num.value / d, c.j + 1));
                                    }
                                }
                            }
                        }
                    }
                    (c.value / ord_value(o), c.j + 1)
                }
                Some(A::Half(pl)) if pl || c.value == 1.0 => (c.value / 2.0, c.j + 1),
                Some(A::Quarter(pl)) if pl || c.value == 1.0 => (c.value / 4.0, c.j + 1),
                _ => {
                    // `one twenty-fifth`, `three twenty firsts`, `one one hundred fifth`.
                    let (d, pl, j) = denominator(at_, c.j)?;
                    if !(pl || c.value == 1.0) || c.last == Last::Scale {
                        return None;
                    }
                    (c.value / d, j)
                }
            }
        }
    };
    if j <= k {
        j = k + 1;
    }
    Some(scaled(at_, v, j))
}

/// `half a million`, `two thirds of a million`, `three quarters billion`,
/// `half a dozen`.
fn scaled(at_: &[Atom], v: f64, j: usize) -> (f64, usize) {
    let mut q = j;
    if matches!(at_.get(q).map(|a| a.a), Some(A::Of)) {
        q += 1;
    }
    if matches!(at_.get(q).map(|a| a.a), Some(A::Article)) {
        q += 1;
    }
    match at_.get(q).map(|a| a.a) {
        Some(A::Scale(s)) => (v * s, q + 1),
        Some(A::Hundred) => (v * 100.0, q + 1),
        Some(A::Dozen) => (v * 12.0, q + 1),
        _ => (v, j),
    }
}

/// Reads the number that starts at byte `p`; `None` when there is none.
pub(super) fn number_at(b: &[u8], p: usize) -> Option<Num> {
    // The common case first: a figure in digits that nothing after it
    // joins, which the atoms would read as the literal alone. Otherwise
    // the literal read here is the atoms' first.
    let mut first = None;
    if at(b, p).is_ascii_digit() {
        let l = literal(b, p)?;
        let (joined, after) = joined_after(b, l.end);
        if !joined {
            return Some(Num {
                after,
                ..lone_literal(p, l)
            });
        }
        first = Some(l);
    }
    number_of_atoms(b, p, first)
}

/// [`number_at`] read through the atoms, whatever the number; `first` is
/// the literal at `p` when already read.
fn number_of_atoms(b: &[u8], p: usize, mut first: Option<Lit>) -> Option<Num> {
    const BLANK: Atom = Atom {
        s: 0,
        e: 0,
        a: A::And,
    };
    // Almost every number is a few atoms: a short array first, and the
    // full one only when the short one fills up (collecting stops at the
    // array's end, so up to there both read the same atoms).
    let mut short = [BLANK; 8];
    let n = collect(b, p, &mut short, &mut first);
    if n < short.len() {
        return number_of(p, &short[..n], first);
    }
    let mut atoms = [BLANK; MAX];
    let n = collect(b, p, &mut atoms, &mut first);
    number_of(p, &atoms[..n], first)
}

/// `10f64.powi(-d)`, by a table for the decimals a figure is written
/// with: every figure's precision is one, and `powi` is a call that
/// multiplies its way there. Each power of ten up to 10^22 is exact, so
/// the reciprocal `powi` takes of it is the nearest double to 10^-d, which
/// the table's literals are too.
fn ten_to_minus(d: i32) -> f64 {
    const TABLE: [f64; 23] = [
        1.0, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12, 1e-13,
        1e-14, 1e-15, 1e-16, 1e-17, 1e-18, 1e-19, 1e-20, 1e-21, 1e-22,
    ];
    match usize::try_from(d) {
        Ok(i) if i < TABLE.len() => TABLE[i],
        _ => 10f64.powi(-d),
    }
}

/// The number a literal alone makes.
fn lone_literal(p: usize, l: Lit) -> Num {
    Num {
        s: p,
        e: l.end,
        value: l.value,
        prec: 0.5 * ten_to_minus(l.decimals),
        kind: NumKind::Cardinal,
        lit: Some(l),
        scale: 0.0,
        after: None,
    }
}

/// True when `collect` would read an atom after a literal ending at `e`:
/// digits or a word it knows follow (glued letters or `/` end the run).
/// With it, the piece after (`next(b, e)`) when it was read.
fn joined_after(b: &[u8], e: usize) -> (bool, Option<Tok>) {
    if at(b, e).is_ascii_alphabetic() || at(b, e) == b'/' {
        return (false, None);
    }
    let t = next(b, e);
    let joined = match t.k {
        K::Digits => !super::cell_gap(b, e, t.s),
        K::Char | K::End => false,
        K::Word => joins_number(t.bytes(b)),
    };
    (joined, Some(t))
}

/// True when word `w` (any case) is read as an atom by `collect`.
fn joins_number(w: &[u8]) -> bool {
    // The filter is case-blind: most words are turned away unlowered.
    if VOCABULARY.may_hold(w) {
        let mut buf = [0u8; 24];
        if word_class(super::lex::lower(w, &mut buf)).is_some() {
            return true;
        }
    }
    w.eq_ignore_ascii_case(b"and")
        || w.eq_ignore_ascii_case(b"point")
        || w.eq_ignore_ascii_case(b"of")
        || is_article(w)
}

/// The number the atoms `at_` (read from byte `p`) make; `first` is the
/// first atom's literal when it is one.
fn number_of(p: usize, at_: &[Atom], first: Option<Lit>) -> Option<Num> {
    let n = at_.len();
    if n == 0 {
        return None;
    }
    let mk = |value: f64, j: usize, prec: f64, kind: NumKind, _spelled: bool, scale: f64| Num {
        s: at_[0].s,
        e: at_[j - 1].e,
        value,
        prec,
        kind,
        lit: None,
        scale,
        after: None,
    };
    // A single figure in digits: the caller reads glued suffixes.
    if let A::Lit(..) = at_[0].a {
        let l = first?;
        // A literal alone is a cardinal of one atom, with nothing after it
        // for the arms below to read: it is the literal as read.
        let c = if n == 1 { None } else { cardinal(at_, 0) };
        match c {
            Some(c) if c.j > 1 => {
                let mut num = mk(
                    c.value,
                    c.j,
                    0.5 * c.place,
                    NumKind::Cardinal,
                    true,
                    c.scale,
                );
                if let Some((v, j)) = and_fraction(at_, &c) {
                    num = mk(v, j, 0.0, NumKind::Fraction, true, c.scale);
                }
                return Some(num);
            }
            // `3 and a half`, `2 and a half million`: a small whole number
            // in plain digits before `and` and a fraction (not a year:
            // `2020 and a third wave`).
            Some(c) if l.plain && l.decimals == 0 && l.value < 1000.0 => {
                if let Some((v, j)) = and_fraction(at_, &c) {
                    return Some(mk(v, j, 0.0, NumKind::Fraction, true, c.scale));
                }
            }
            _ => {}
        }
        return Some(lone_literal(p, l));
    }
    // Fractions first: `a half`, `two thirds`, `one twenty-fifth`.
    let frac = fraction(at_, 0);
    let card = cardinal(at_, 0);
    if let Some(c) = card {
        // `point`: `two hundred point zero three`.
        if matches!(at_.get(c.j).map(|a| a.a), Some(A::Point)) && c.scale == 0.0 {
            if let Some((v, j)) = decimals(at_, c.j + 1) {
                return Some(mk(c.value + v, j, 0.0, NumKind::Cardinal, true, 0.0));
            }
        }
        // Compound ordinal: `one hundred twenty fifth`, `three trillionth`.
        if let Some(A::Ord(o, false)) = at_.get(c.j).map(|a| a.a) {
            let single = c.atoms == 1 && c.value == 1.0;
            if !single {
                if let Some(v) = combine(Some(&c), o) {
                    return Some(mk(v, c.j + 1, 0.0, NumKind::Ordinal, true, 0.0));
                }
            }
        }
        if let Some((v, j)) = and_fraction(at_, &c) {
            if frac.is_none_or(|f| f.1 <= j) {
                return Some(mk(v, j, 0.0, NumKind::Fraction, true, c.scale));
            }
        }
        // `one hundred and three quarters`, `six million and two thirds`: a
        // proper fraction after `and` is added (times the scale before `and`);
        // `one hundred and thirty fifths` is 130/5.
        if let (Some((before, _, sc)), Some((den, _, j))) =
            (c.and_split, denominator_word(at_, c.j))
        {
            let after = c.value - before;
            if after > 0.0 && after < den {
                // A smaller scale after the fraction is what it is a
                // fraction of: `one billion and three quarters million`.
                let (f, j) = match at_.get(j).map(|a| a.a) {
                    Some(A::Scale(s)) if sc > 0.0 && s < sc => (after / den * s, j + 1),
                    _ => (after / den * if sc > 0.0 { sc } else { 1.0 }, j),
                };
                return Some(mk(before + f, j, 0.0, NumKind::Fraction, true, 0.0));
            }
        }
        if let Some((v, j)) = frac {
            if j > c.j {
                return Some(mk(v, j, 0.0, NumKind::Fraction, true, 0.0));
            }
        }
        return Some(mk(
            c.value,
            c.j,
            0.5 * c.place,
            NumKind::Cardinal,
            c.spelled,
            c.scale,
        ));
    }
    if let Some((v, j)) = frac {
        return Some(mk(v, j, 0.0, NumKind::Fraction, true, 0.0));
    }
    // A lone ordinal word: `third`, `twentieth`, `twenty-first` is a cardinal + ord above.
    if let A::Ord(o, false) = at_[0].a {
        return Some(mk(ord_value(o), 1, 0.0, NumKind::Ordinal, true, 0.0));
    }
    // `half` alone.
    None
}

/// `… and a half`, `… and three fifths`, `five and a half million`,
/// `3 million and a half` (a fraction of the last scale).
fn and_fraction(at_: &[Atom], c: &Card) -> Option<(f64, usize)> {
    if !matches!(at_.get(c.j).map(|a| a.a), Some(A::And)) {
        return None;
    }
    let (f, j) = fraction(at_, c.j + 1)?;
    let f_scaled = j > c.j + 1 && matches!(at_[j - 1].a, A::Scale(_));
    let mut v = if c.last == Last::Scale && !f_scaled {
        c.value + f * c.scale
    } else if f_scaled && c.scale == 0.0 {
        // `five and a half million` = 5.5e6.
        let s = match at_[j - 1].a {
            A::Scale(s) => s,
            _ => 1.0,
        };
        (c.value + f / s) * s
    } else {
        c.value + f
    };
    let mut j = j;
    if c.scale == 0.0 && !f_scaled {
        if let Some(A::Scale(s)) = at_.get(j).map(|a| a.a) {
            v *= s;
            j += 1;
        }
    }
    Some((v, j))
}

/// The words after `point`, read digit by digit: `zero three` -> .03,
/// `seventy-one` -> .71, `eleven` -> .11.
fn decimals(at_: &[Atom], k: usize) -> Option<(f64, usize)> {
    let mut digits = 0u64;
    let mut count = 0i32;
    let mut j = k;
    while let Some(A::Card(v)) = at_.get(j).map(|a| a.a) {
        if count > 15 {
            break;
        }
        if (20..100).contains(&v) {
            if let Some(A::Card(u @ 1..=9)) = at_.get(j + 1).map(|a| a.a) {
                digits = digits * 100 + u64::from(v) + u64::from(u);
                count += 2;
                j += 2;
                continue;
            }
        }
        if v >= 10 {
            digits = digits * 100 + u64::from(v);
            count += 2;
        } else {
            digits = digits * 10 + u64::from(v);
            count += 1;
        }
        j += 1;
    }
    (count > 0).then(|| (digits as f64 / 10f64.powi(count), j))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn v(s: &str) -> (f64, &str) {
        let n = number_at(s.as_bytes(), 0).unwrap();
        (n.value, &s[n.s..n.e])
    }

    fn close(s: &str, want: f64) {
        let (got, text) = v(s);
        assert!(
            (got - want).abs() <= 1e-9 * want.abs().max(1.0),
            "{s}: {got} ({text})"
        );
    }

    #[test]
    fn words() {
        close("one hundred and five", 105.0);
        close("twenty-one trillion three hundred", 21000000000300.0);
        close("two hundred and two thousand", 202000.0);
        close("two  thousand  and  two hundred", 2200.0);
        close("a dozen", 12.0);
        close("three hundred and two dozens", 324.0);
        close("half a  dozen", 6.0);
        close("two thirds", 2.0 / 3.0);
        close("one-sixth", 1.0 / 6.0);
        close("one hundred and three quarters", 100.75);
        close("one hundred and three and two thirds", 103.0 + 2.0 / 3.0);
        close("five and a half million", 5.5e6);
        close("3 million and a half", 3.5e6);
        close("one billion and a half million", 1.0005e9);
        close("two hundred point seventy-one", 200.71);
        close("one hundred thirty fifths", 100.0 / 35.0);
        close("twenty twenty fifths", 0.8);
        close("one twenty-fifth", 0.04);
        close("one one hundred fifth", 1.0 / 105.0);
        close("a hundredth", 0.01);
        close("ninety - five hundred fifths", 1900.0);
        close("1.2 million", 1.2e6);
        close("4 thousand 3 hundred and 21", 4321.0);
        close("three lakh crore", 3e12);
        close("two thirds of a million", 2e6 / 3.0);
        close("three quarters billion", 7.5e8);
    }

    proptest! {
        #[test]
        fn the_shortcut_reads_as_the_atoms_read(
            parts in proptest::collection::vec(prop_oneof![
                Just("7"), Just("2025"), Just("1,234"), Just("3.5"), Just(" "), Just("-"),
                Just("/"), Just("%"), Just("and"), Just("AND"), Just("a"), Just("An"),
                Just("of"), Just("point"), Just("half"), Just("Million"), Just("thirds"),
                Just("dozen"), Just("units"), Just("th"), Just("\n"), Just("\u{a0}"),
            ], 1..8),
        ) {
            let b = parts.concat().into_bytes();
            for p in 0..b.len() {
                let fast = number_at(&b, p);
                // The piece after, when handed over, is the one after the number.
                if let Some(Num { e, after: Some(t), .. }) = fast {
                    prop_assert_eq!(format!("{:?}", t), format!("{:?}", next(&b, e)));
                }
                prop_assert_eq!(
                    format!("{:?}", fast.map(|n| Num { after: None, ..n })),
                    format!("{:?}", number_of_atoms(&b, p, None))
                );
            }
        }
    }

    #[test]
    fn the_table_of_powers_is_what_powi_gives() {
        for d in -30..40 {
            assert_eq!(ten_to_minus(d).to_bits(), 10f64.powi(-d).to_bits(), "{d}");
        }
    }

    #[test]
    fn ordinals() {
        let n = number_at(b"one hundred twenty fifth", 0).unwrap();
        assert_eq!((n.value, n.kind), (125.0, NumKind::Ordinal));
        let n = number_at(b"three trillionth", 0).unwrap();
        assert_eq!((n.value, n.kind), (3e12, NumKind::Ordinal));
        let n = number_at(b"a hundred trillionth", 0).unwrap();
        assert_eq!((n.value, n.kind), (1e14, NumKind::Ordinal));
    }
}
