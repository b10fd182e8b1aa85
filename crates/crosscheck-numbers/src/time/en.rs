//! English time expressions.
//!
//! One pass over the lexemes of [`super::lex`]; each lexeme is looked at
//! once by a `match` on its first byte and length, and only a month name, a
//! year, a day before a month, `Q`/`H`/`FY`, an ordinal, `fiscal`, `last`,
//! `this`, `next`, `previous`, `prior`, `by`, `as`, `through`, `until`,
//! `year` start a pattern.

use super::lex::{Kind, Lex, Lexer};
use super::{offer, DateStrength, DocDate, Found, When};
use crate::en::{letters_end, letters_start, WordFilter};
use crate::quantity::{CalendarDate, Granularity, Period};
use crosscheck_text::{Span, Token, TokenKind};

/// Month number of a month name or abbreviation, and whether the word is
/// only a month (`May`, `March` are also a verb and a verb/noun).
pub(crate) fn month_of(w: &str) -> Option<(u8, bool)> {
    let b = w.as_bytes();
    if !(3..=9).contains(&b.len()) || !b[0].is_ascii_uppercase() {
        return None;
    }
    // Candidates by first letter, so most capitalized words cost one test.
    let cands: &[u8] = match b[0] {
        b'J' => &[1, 6, 7],
        b'F' => &[2],
        b'M' => &[3, 5],
        b'A' => &[4, 8],
        b'S' => &[9],
        b'O' => &[10],
        b'N' => &[11],
        b'D' => &[12],
        _ => return None,
    };
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    for &m in cands {
        let name = NAMES[usize::from(m - 1)];
        if w.eq_ignore_ascii_case(name) {
            return Some((m, !matches!(m, 3 | 5)));
        }
        // Abbreviations are months when a point, a day or a year follows.
        if (w.len() == 3 || (m == 9 && w.len() == 4 && w[3..].eq_ignore_ascii_case("t")))
            && w[..3].eq_ignore_ascii_case(&name[..3])
        {
            return Some((m, false));
        }
    }
    None
}

/// `one` to `twelve` (for `the first eleven months`).
fn small_number(w: &str) -> Option<u8> {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    WORDS
        .iter()
        .position(|x| w.eq_ignore_ascii_case(x))
        .map(|i| i as u8 + 1)
}

/// `first` … `fourth`, `1st` … `4th` as words.
fn ordinal_word(w: &str) -> Option<u8> {
    const WORDS: [&str; 4] = ["first", "second", "third", "fourth"];
    WORDS
        .iter()
        .position(|x| w.eq_ignore_ascii_case(x))
        .map(|i| i as u8 + 1)
}

/// Words after a four-digit figure that make it a count or an amount, not a year.
const NOT_AFTER_YEAR: &[&str] = &[
    "percent",
    "per",
    "units",
    "unit",
    "vehicles",
    "cars",
    "people",
    "persons",
    "tons",
    "tonnes",
    "yuan",
    "dollars",
    "euros",
    "pounds",
    "km",
    "kilometers",
    "kilometres",
    "meters",
    "metres",
    "enterprises",
    "companies",
    "firms",
    "households",
    "jobs",
    "times",
    "points",
    "pieces",
    "sets",
    "stores",
    "outlets",
    "employees",
    "workers",
    "students",
    "kg",
    "mw",
    "gw",
    "gwh",
    "kwh",
    "hours",
    "minutes",
    "seconds",
    "days",
    "miles",
    "items",
    "models",
    "patents",
    "projects",
    "sq",
    "square",
    "feet",
    "ft",
    "m",
    "mm",
    "cm",
    "bn",
    "billion",
    "million",
    "thousand",
    "trillion",
];

/// Words before a four-digit figure that make it a number, not a year.
const NOT_BEFORE_YEAR: &[&str] = &[
    "no",
    "number",
    "ranked",
    "rank",
    "top",
    "page",
    "room",
    "flight",
    "route",
    "model",
    "code",
    "id",
    "copyright",
];

/// [`NOT_AFTER_YEAR`] and [`NOT_BEFORE_YEAR`] as quick filters: most words
/// next to a year are turned away by their length and end letters.
const NOT_AFTER: WordFilter = WordFilter::new().with_strs(NOT_AFTER_YEAR);
const NOT_BEFORE: WordFilter = WordFilter::new().with_strs(NOT_BEFORE_YEAR);

struct P<'a> {
    text: &'a str,
    lx: Lexer<'a>,
    end: usize,
    /// The lexeme after the cursor as last read, with the cursor's position
    /// then and after it (`usize::MAX` for none read): patterns peek at a
    /// lexeme, then take it, and would read it twice. Keyed by position,
    /// since callers also move the cursor back by hand.
    ahead: std::cell::Cell<(usize, Option<Lex>, usize)>,
}

impl<'a> P<'a> {
    fn new(text: &'a str, lx: Lexer<'a>, end: usize) -> Self {
        P {
            text,
            lx,
            end,
            ahead: std::cell::Cell::new((usize::MAX, None, 0)),
        }
    }
    /// The lexeme after the cursor, and the cursor past it.
    fn read_ahead(&self) -> (Option<Lex>, Lexer<'a>) {
        let pos = self.lx.pos();
        let (at, l, after) = self.ahead.get();
        if at == pos {
            return (l, Lexer::at(self.text, after));
        }
        let mut past = self.lx;
        let l = past.next();
        self.ahead.set((pos, l, past.pos()));
        (l, past)
    }
    fn peek(&self) -> Option<Lex> {
        self.read_ahead().0
    }
    fn peek2(&self) -> Option<Lex> {
        let (_, mut l) = self.read_ahead();
        l.next()
    }
    fn bump(&mut self) -> Option<Lex> {
        let (l, after) = self.read_ahead();
        self.lx = after;
        let l = l?;
        self.end = l.end;
        Some(l)
    }
    fn s(&self, l: Lex) -> &'a str {
        &self.text[l.start..l.end]
    }
    fn is_word(&self, l: Option<Lex>, words: &[&str]) -> bool {
        word_is(self.text, l, words)
    }
    fn eat_word(&mut self, words: &[&str]) -> bool {
        if self.is_word(self.peek(), words) {
            self.bump();
            true
        } else {
            false
        }
    }
    fn eat_punct(&mut self, c: u8) -> bool {
        if self.peek().is_some_and(|l| l.kind == Kind::Punct(c)) {
            self.bump();
            true
        } else {
            false
        }
    }
    /// `-`, `–`, `—`, `to`, `through`, `until` (and `and` after `between`).
    fn eat_range_link(&mut self, between: bool) -> bool {
        match self.peek() {
            Some(l) if l.kind == Kind::Punct(b'-') || l.kind == Kind::Dash => {
                self.bump();
                true
            }
            Some(l) if l.kind == Kind::Word => {
                let w = self.s(l);
                let ok = ["to", "through", "until", "till", "thru"]
                    .iter()
                    .any(|x| w.eq_ignore_ascii_case(x))
                    || (between && w.eq_ignore_ascii_case("and"));
                if ok {
                    self.bump();
                }
                ok
            }
            _ => false,
        }
    }
    /// A year here, checked (see [`year_at`]).
    fn eat_year(&mut self) -> Option<i32> {
        let l = self.peek()?;
        let y = year_at(self.text, l)?;
        self.bump();
        Some(y)
    }
    /// `2025`, or `'24` / `FY24`-style two digits when `short`.
    fn eat_year_or_short(&mut self) -> Option<i32> {
        if let Some(y) = self.eat_year() {
            return Some(y);
        }
        let save = (self.lx, self.end);
        self.eat_punct(b'\'');
        if let Some(l) = self.peek() {
            if l.kind == Kind::Num && l.end - l.start == 2 && !glued_letter_after(self.text, l.end)
            {
                self.bump();
                let v: i32 = self.s(l).parse().unwrap_or(0);
                return Some(2000 + v);
            }
        }
        (self.lx, self.end) = save;
        None
    }
    /// A day 1–31 with an optional `st`/`nd`/`rd`/`th`.
    fn eat_day(&mut self) -> Option<u8> {
        let l = self.peek()?;
        if l.kind != Kind::Num || l.end - l.start > 2 {
            return None;
        }
        let d: u8 = self.s(l).parse().ok()?;
        if !(1..=31).contains(&d) {
            return None;
        }
        // `May 10:30` is a time, `May 10,000` a figure.
        let next = self.text.as_bytes().get(l.end).copied();
        if next == Some(b':')
            || next == Some(b'.')
                && self
                    .text
                    .as_bytes()
                    .get(l.end + 1)
                    .is_some_and(u8::is_ascii_digit)
        {
            return None;
        }
        if next == Some(b',')
            && self
                .text
                .as_bytes()
                .get(l.end + 1)
                .is_some_and(u8::is_ascii_digit)
        {
            return None;
        }
        self.bump();
        if let Some(s) = self.peek() {
            if s.kind == Kind::Word && s.glued && self.is_word(Some(s), &["st", "nd", "rd", "th"]) {
                self.bump();
            }
        }
        Some(d)
    }
    /// `of 2025`, `, 2025`, `2025`, `of the year` (None), `of this year`
    /// (Relative 0), `of last year` (Relative -1), `of fiscal 2025`.
    fn eat_year_tail(&mut self) -> Tail {
        let save = (self.lx, self.end);
        let of = self.eat_word(&["of", "in"]);
        if !of {
            self.eat_punct(b',');
        }
        let fiscal = self.eat_word(&["fiscal", "FY"]);
        if let Some(y) = if fiscal {
            self.eat_year_or_short()
        } else {
            self.eat_year()
        } {
            return Tail::Year(y, fiscal);
        }
        if of {
            if self.eat_word(&["this", "the"]) && self.eat_word(&["year"]) {
                return Tail::Relative(0);
            }
            // `the first nine months of the fiscal year`: of the company's
            // own year, whose months these words do not say.
            (self.lx, self.end) = save;
            self.eat_word(&["of", "in"]);
            if self.eat_word(&["this", "the", "its", "their"]) {
                self.eat_word(&["current"]);
                if self.eat_word(&["fiscal", "financial"]) && self.eat_word(&["year"]) {
                    return Tail::Fiscal;
                }
            }
            (self.lx, self.end) = save;
            self.eat_word(&["of", "in"]);
            if self.eat_word(&["last", "previous"]) && self.eat_word(&["year"]) {
                return Tail::Relative(-1);
            }
        }
        (self.lx, self.end) = save;
        Tail::None
    }
}

enum Tail {
    Year(i32, bool),
    Relative(i32),
    /// `of the fiscal year`: a fiscal year, by the document's date.
    Fiscal,
    None,
}

/// A template (year 0) made definite by a tail.
fn with_tail(template: Period, tail: Tail) -> When {
    match tail {
        Tail::Year(y, fiscal) => {
            let p = super::with_year(template, y);
            When::Fixed(if fiscal { p.fiscal() } else { p })
        }
        Tail::Relative(k) => When::Relative {
            years: k,
            part: template,
            whole: false,
        },
        Tail::Fiscal => When::YearLess(template.fiscal()),
        Tail::None => When::YearLess(template),
    }
}

fn glued_letter_after(text: &str, end: usize) -> bool {
    text.as_bytes()
        .get(end)
        .is_some_and(u8::is_ascii_alphabetic)
}

/// A four-digit year at lexeme `l`, unless its neighbours make it a figure:
/// `2,025`, `2025.5`, `2025th`, `$2025`, `2025%`, `2025 units`.
pub(crate) fn year_at(text: &str, l: Lex) -> Option<i32> {
    if l.kind != Kind::Num || l.end - l.start != 4 {
        return None;
    }
    let b = text.as_bytes();
    // Four ASCII digits (a `Num` lexeme): no parse can fail.
    let y = b[l.start..l.end]
        .iter()
        .fold(0i32, |v, c| v * 10 + i32::from(c - b'0'));
    if !(1900..=2100).contains(&y) {
        return None;
    }
    if glued_to_figure(b, l) {
        return None;
    }
    // The text is UTF-8: ending in a symbol's bytes is ending in the symbol.
    if ["€", "£", "¥", "￥"]
        .iter()
        .any(|c| b[..l.start].ends_with(c.as_bytes()))
    {
        return None;
    }
    // The word after, past spaces (only when a space follows).
    if b.get(l.end) == Some(&b' ') {
        let mut ws = l.end;
        while b.get(ws) == Some(&b' ') {
            ws += 1;
        }
        let word = &b[ws..letters_end(b, ws)];
        if NOT_AFTER.may_hold(word)
            && NOT_AFTER_YEAR
                .iter()
                .any(|w| word.eq_ignore_ascii_case(w.as_bytes()))
        {
            return None;
        }
    }
    // The word before, past spaces and points.
    let mut head = l.start;
    while head > 0 && matches!(b[head - 1], b' ' | b'.') {
        head -= 1;
    }
    // A copyright line's year (`© 2026 Example Media`) dates the site,
    // not the text: taken as a date, it moved a dateline a year on.
    if b[..head].ends_with("©".as_bytes()) {
        return None;
    }
    let prev = &b[letters_start(b, head, 0)..head];
    if NOT_BEFORE.may_hold(prev)
        && NOT_BEFORE_YEAR
            .iter()
            .any(|w| prev.eq_ignore_ascii_case(w.as_bytes()))
    {
        return None;
    }
    Some(y)
}

/// True when the bytes around four digits make them part of a figure:
/// `2,025`, `2025.5`, `2025th`, `$2025`, `#2025`, `-2025`, `2025%`.
fn glued_to_figure(b: &[u8], l: Lex) -> bool {
    let before = l.start.checked_sub(1).map(|i| b[i]);
    let before2 = l.start.checked_sub(2).map(|i| b[i]);
    if matches!(before, Some(b',' | b'.')) && before2.is_some_and(|c| c.is_ascii_digit()) {
        return true;
    }
    // `$2025`, `#2025`, a signed `-2025`.
    let signed =
        matches!(before, Some(b'+' | b'-')) && before2.is_none_or(|c| !c.is_ascii_alphanumeric());
    if matches!(before, Some(b'$' | b'#')) || signed {
        return true;
    }
    let after = b.get(l.end).copied();
    let after2 = b.get(l.end + 1).copied();
    if matches!(after, Some(b',' | b'.')) && after2.is_some_and(|c| c.is_ascii_digit()) {
        return true;
    }
    // `2026E`, `2024A` (an analyst's estimate or actual) end in one
    // capital: still the year.
    let marked_year = year_mark(b, l.end).is_some();
    after.is_some_and(|c| c.is_ascii_alphabetic() && !matches!(c, b'Q' | b'H') && !marked_year)
        || after == Some(b'%')
}

/// The one capital an analyst writes right after a year (`2026E`
/// estimate, `2026F` forecast, `2024A` actual) at `at`, ending the word.
fn year_mark(b: &[u8], at: usize) -> Option<u8> {
    let mark = *b.get(at)?;
    (matches!(mark, b'E' | b'F' | b'A') && !b.get(at + 1).is_some_and(u8::is_ascii_alphanumeric))
        .then_some(mark)
}

/// How a word of the trigger list must be written to trigger.
#[derive(Clone, Copy)]
enum Case {
    /// In any case: `last`, `Year`, `BY`.
    Any,
    /// With a capital first: months (`May`, `Sept`; `may` is a verb).
    Capital,
    /// In capitals only: `Q`, `H`, `FY`, `YTD`.
    Capitals,
}

/// Every word [`may_trigger`] can be true for, in lower case, with how it
/// must be written: the months (whole, three letters, `Sept`) with a
/// capital first, `Q`, `H`, `FY`, `YTD` in capitals, the other words in any
/// case. (`dated` is not among them: `may_trigger` has never taken it.)
const TRIGGER_WORDS: [(&[u8], Case); 54] = [
    (b"january", Case::Capital),
    (b"february", Case::Capital),
    (b"march", Case::Capital),
    (b"april", Case::Capital),
    (b"may", Case::Capital),
    (b"june", Case::Capital),
    (b"july", Case::Capital),
    (b"august", Case::Capital),
    (b"september", Case::Capital),
    (b"october", Case::Capital),
    (b"november", Case::Capital),
    (b"december", Case::Capital),
    (b"jan", Case::Capital),
    (b"feb", Case::Capital),
    (b"mar", Case::Capital),
    (b"apr", Case::Capital),
    (b"jun", Case::Capital),
    (b"jul", Case::Capital),
    (b"aug", Case::Capital),
    (b"sep", Case::Capital),
    (b"sept", Case::Capital),
    (b"oct", Case::Capital),
    (b"nov", Case::Capital),
    (b"dec", Case::Capital),
    (b"q", Case::Capitals),
    (b"h", Case::Capitals),
    (b"fy", Case::Capitals),
    (b"quarter", Case::Capital),
    (b"ytd", Case::Capitals),
    (b"by", Case::Any),
    (b"as", Case::Any),
    (b"up", Case::Any),
    (b"last", Case::Any),
    (b"final", Case::Any),
    (b"this", Case::Any),
    (b"next", Case::Any),
    (b"year", Case::Any),
    (b"till", Case::Any),
    (b"thru", Case::Any),
    (b"date", Case::Any),
    (b"prior", Case::Any),
    (b"first", Case::Any),
    (b"third", Case::Any),
    (b"until", Case::Any),
    (b"fiscal", Case::Any),
    (b"second", Case::Any),
    (b"fourth", Case::Any),
    (b"posted", Case::Any),
    (b"through", Case::Any),
    (b"updated", Case::Any),
    (b"previous", Case::Any),
    (b"released", Case::Any),
    (b"preceding", Case::Any),
    (b"published", Case::Any),
];

/// Every word [`may_trigger`] can be true for: most words are turned away
/// by their length and end letters alone.
pub(crate) const TRIGGERS: WordFilter = {
    let mut f = WordFilter::new();
    let mut i = 0;
    while i < TRIGGER_WORDS.len() {
        f = f.with(TRIGGER_WORDS[i].0, false);
        i += 1;
    }
    f
};

/// Slots in [`TRIGGER_TABLE`]: a power of two, over twice the words.
const TRIGGER_SLOTS: usize = 128;

/// The words of [`TRIGGER_WORDS`] by lower-cased key
/// ([`crate::en::word_key`]), with open addressing: a word that passes
/// [`TRIGGERS`] costs one probe or two, where a `match` on the keys was a
/// chain of 128-bit comparisons.
const TRIGGER_TABLE: [Option<(u128, Case)>; TRIGGER_SLOTS] = {
    let mut t = [None; TRIGGER_SLOTS];
    let mut i = 0;
    while i < TRIGGER_WORDS.len() {
        let (w, case) = TRIGGER_WORDS[i];
        let k = lower_key(w);
        let mut j = crate::en::key_slot(k, TRIGGER_SLOTS);
        while t[j].is_some() {
            j = (j + 1) % TRIGGER_SLOTS;
        }
        t[j] = Some((k, case));
        i += 1;
    }
    t
};

/// True when a word (the first letters of a token) can start a time
/// expression. Most words are turned away by [`TRIGGERS`]; the rest cost
/// one lower-cased key, looked up in [`TRIGGER_TABLE`].
fn may_trigger(w: &str) -> bool {
    TRIGGERS.may_hold(w.as_bytes()) && passed_may_trigger(w.as_bytes())
}

/// [`may_trigger`] for a word `b` known to pass [`TRIGGERS`] (the figure
/// scanner's word filter gives that with its own answer).
fn passed_may_trigger(b: &[u8]) -> bool {
    // No trigger word is longer than nine letters.
    if b.len() > 9 {
        return false;
    }
    let key = crate::en::word_key(b);
    let mut i = crate::en::key_slot(key, TRIGGER_SLOTS);
    let case = loop {
        match TRIGGER_TABLE[i] {
            Some((k, case)) if k == key => break case,
            Some(_) => i = (i + 1) % TRIGGER_SLOTS,
            None => return false,
        }
    };
    match case {
        Case::Any => true,
        Case::Capital => b[0].is_ascii_uppercase(),
        Case::Capitals => b.iter().all(u8::is_ascii_uppercase),
    }
}

/// A word of at most 16 bytes, lower-cased, as one number (its bytes
/// little-endian, zeros after): words compare as numbers.
const fn lower_key(w: &[u8]) -> u128 {
    let mut k = 0u128;
    let mut i = 0;
    while i < w.len() && i < 16 {
        k |= (w[i].to_ascii_lowercase() as u128) << (8 * i);
        i += 1;
    }
    k
}

/// The lexeme that ends right before `pos` (spaces skipped), by a short
/// look back: callers need it only where a pattern starts.
fn prev_lex(text: &str, pos: usize) -> Option<Lex> {
    let b = text.as_bytes();
    let mut end = pos;
    while end > 0 && matches!(b[end - 1], b' ' | b'\t' | b'\r' | b'\n') {
        end -= 1;
    }
    if end == 0 {
        return None;
    }
    let c = b[end - 1];
    let mut start = end - 1;
    let kind = if c.is_ascii_alphabetic() {
        start = letters_start(b, start, 0);
        Kind::Word
    } else if c.is_ascii_digit() {
        while start > 0 && b[start - 1].is_ascii_digit() {
            start -= 1;
        }
        Kind::Num
    } else if c < 0x80 {
        Kind::Punct(c)
    } else {
        while start > 0 && (b[start] & 0xC0) == 0x80 {
            start -= 1;
        }
        Kind::Other
    };
    Some(Lex {
        start,
        end,
        kind,
        glued: end == pos,
    })
}

/// Where English time expressions may start, gathered by the English figure
/// scanner on its own pass over the text's bytes, so that the words of a
/// text are walked once for both families: byte spans, in text order, that
/// hold every run of ASCII letters that [`may_trigger`] (the run itself) and
/// every ASCII digit (the span of whatever the figure scanner read there).
///
/// [`scan`] only looks at the tokens these spans touch. A token the token
/// walk would start the lexer at holds a digit or a letter run that may
/// trigger, and the tokenizer never cuts a run of ASCII letters, so one of
/// the spans touches it: no such token is passed over.
#[derive(Debug, Default)]
pub(crate) struct Cues {
    /// Byte spans, and whether the span is a run of letters known to
    /// trigger (the time scanner then need not ask again).
    spans: Vec<(usize, usize, bool)>,
}

impl Cues {
    /// Cues with room for those of a text of `len` bytes.
    pub fn with_capacity_for(len: usize) -> Self {
        Cues {
            // About one cue in forty bytes of news text.
            spans: Vec::with_capacity(len / 32),
        }
    }

    /// The run of ASCII letters `text[s..e]`, which starts there (no letter
    /// before `s`) and passes [`TRIGGERS`]: a cue when it may trigger.
    #[inline]
    pub fn word(&mut self, text: &str, s: usize, e: usize) {
        if passed_may_trigger(&text.as_bytes()[s..e]) {
            self.spans.push((s, e, true));
        }
    }

    /// Takes `text[from..to]`, which the figure scanner read as a whole
    /// (a figure, a URL, a code), as one cue: the tokens it touches are
    /// all looked at, which is what the token walk did. A token there that
    /// reaches past `to` holds every letter of its runs (a run of letters
    /// is never cut), so the runs after `to` need no cue of their own.
    #[inline]
    pub fn span(&mut self, from: usize, to: usize) {
        self.spans.push((from, to, false));
    }
}

/// Finds English time expressions, and document-date candidates.
///
/// Starts the lexer of [`super::lex`] only at a token that opens with a
/// digit or with a word that [`may_trigger`]; a token holding inner
/// punctuation (`end-November`, `mid-2025`) is looked into. Only the tokens
/// that `cues` touch are looked at (see [`Cues`]): the others cannot start
/// the lexer.
pub(crate) fn scan(
    text: &str,
    tokens: &[Token],
    cues: &Cues,
    out: &mut Vec<Found>,
    doc: &mut Option<DocDate>,
) {
    let mut resume = 0;
    let mut next = 0;
    for &(s, e, word) in &cues.spans {
        next = first_ending_after(tokens, next, s);
        let trigger = word.then_some((s, e));
        while let Some(tok) = tokens.get(next).filter(|t| t.start() < e) {
            scan_token::<true>(text, tok, trigger, &mut resume, out, doc);
            next += 1;
        }
    }
}

/// The first token from `from` on that ends after byte `pos`, by steps of
/// growing length then halving: cues lie a few tokens apart, and a walk
/// over every token is what the cues are there to spare.
fn first_ending_after(tokens: &[Token], from: usize, pos: usize) -> usize {
    let before = |i: usize| tokens.get(i).is_some_and(|t| t.end() <= pos);
    if !before(from) {
        return from;
    }
    // `from + lo` ends at or before `pos`; find a `from + hi` that does not.
    let (mut lo, mut hi) = (0, 1);
    while before(from + hi) {
        lo = hi;
        hi *= 2;
    }
    let hi = (from + hi).min(tokens.len());
    from + lo + 1 + tokens[from + lo + 1..hi].partition_point(|t| t.end() <= pos)
}

/// [`scan`] over every token: what it must agree with.
#[cfg(test)]
pub(crate) fn scan_every_token(
    text: &str,
    tokens: &[Token],
    out: &mut Vec<Found>,
    doc: &mut Option<DocDate>,
) {
    let mut resume = 0;
    for tok in tokens {
        scan_token::<false>(text, tok, None, &mut resume, out, doc);
    }
}

/// Looks for a time expression in one token, unless it starts before
/// `resume` (the end of the last one found); moves `resume` past one found.
/// `trigger` is a run of letters known to [`may_trigger`], when the cue
/// that led here is one. Most tokens are turned away here, inlined into the
/// walk; the lexer runs in [`lex_token`]. `FIGURES_FIRST` turns away, before
/// the lexer, a figure's digits that no pattern can start at (see
/// [`no_num_can_start`]); the walk over every token, which the scan is
/// held to, runs the lexer on them.
#[inline(always)]
fn scan_token<const FIGURES_FIRST: bool>(
    text: &str,
    tok: &Token,
    trigger: Option<(usize, usize)>,
    resume: &mut usize,
    out: &mut Vec<Found>,
    doc: &mut Option<DocDate>,
) {
    let bytes = text.as_bytes();
    // Spaces are half the tokens: turned away before anything is read.
    if tok.kind == TokenKind::Space {
        return;
    }
    let (s, e) = (tok.start(), tok.end().min(bytes.len()));
    if s < *resume || s >= e {
        return;
    }
    let first = bytes[s];
    // The token's first letters, when they may trigger: the first
    // lexeme below is then neither read nor asked again.
    let mut head = None;
    let candidate = if first.is_ascii_digit() {
        !(FIGURES_FIRST && no_num_can_start(text, s, e))
    } else if first.is_ascii_alphabetic() {
        let run = letters_end(bytes, s + 1);
        let i = run.min(e);
        // The filter first: `may_trigger` would turn these away too.
        let triggers = trigger == Some((s, i))
            || TRIGGERS.may_hold(&bytes[s..i]) && passed_may_trigger(&bytes[s..i]);
        head = Some(Head { i, run, triggers });
        triggers || (i < e && inner_trigger(&text[s..e]))
    } else {
        false
    };
    if !candidate {
        return;
    }
    lex_token(text, s, e, head, resume, out, doc);
}

/// True when the token `bytes[s..e]` is digits and ASCII punctuation only
/// (`6.2`, `3,000`, `10/12`) and none of its runs of digits passes the first
/// test of [`num_trigger`]: four digits, or one or two before a word (a
/// month, unless glued; see [`day_may_lead`]). Its
/// lexemes are then runs of digits that start nothing and punctuation,
/// which starts nothing either, so [`lex_token`] would find nothing there.
/// Most tokens that start with a digit are figures like these.
#[inline]
fn no_num_can_start(text: &str, s: usize, e: usize) -> bool {
    let bytes = text.as_bytes();
    let mut i = s;
    while i < e {
        let c = bytes[i];
        if c.is_ascii_digit() {
            // The run as the lexer reads it, even past the token's end.
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let len = i - start;
            if len == 4 || len <= 2 && day_may_lead(text, i) {
                return false;
            }
        } else if c.is_ascii_alphabetic() || c >= 0x80 {
            return false;
        } else {
            i += 1;
        }
    }
    true
}

/// False when one or two digits that end at `end` surely start no pattern
/// of [`num_trigger`]: each needs a word after them, glued (`3Q24`, `1st`)
/// or, past white space, a month (`10 May`). Figures are mostly followed by
/// other words (`1.5 billion`, `6.2 percent`).
fn day_may_lead(text: &str, end: usize) -> bool {
    let b = text.as_bytes();
    if !may_precede_word(b, end) {
        return false;
    }
    let mut j = end;
    while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\r' | b'\n' | b'\x0c') {
        j += 1;
    }
    if j == end {
        // A glued letter, or a no-break space: the lexer decides.
        return true;
    }
    match b.get(j) {
        // A month is capitalized (`month_of` asks it first): the word after
        // most figures (`1.5 billion`) is turned away unread.
        Some(c) if c.is_ascii_alphabetic() => {
            c.is_ascii_uppercase() && month_of(&text[j..letters_end(b, j)]).is_some()
        }
        // A no-break space or another character: the lexer decides.
        Some(&c) => c >= 0x80,
        None => false,
    }
}

/// The run of ASCII letters a token opens with, as [`scan_token`] read it.
#[derive(Clone, Copy)]
struct Head {
    /// Where the run ends, or the token if it ends first.
    i: usize,
    /// Where the run ends: the first lexeme's end.
    run: usize,
    /// Whether `text[s..i]` may trigger.
    triggers: bool,
}

/// [`scan_token`] past its first tests: the lexemes of `text[s..e]`;
/// `head` the token's first letters, when it opens with letters.
#[inline(never)]
fn lex_token(
    text: &str,
    s: usize,
    e: usize,
    head: Option<Head>,
    resume: &mut usize,
    out: &mut Vec<Found>,
    doc: &mut Option<DocDate>,
) {
    // A token that opens with letters opens with their run as a lexeme,
    // already read: the lexer skips no space before it (so it is glued,
    // unless it opens the text) and goes on after it. (The lexer's step
    // was a tenth of the work here.)
    let (mut lx, mut first) = match head {
        Some(h) => {
            let lex = Lex {
                start: s,
                end: h.run,
                kind: Kind::Word,
                glued: s > 0,
            };
            (Lexer::at(text, h.run), Some(lex))
        }
        None => (Lexer::at(text, s), None),
    };
    loop {
        // A lexeme is only looked for while one can still start in the token.
        let t = match first.take() {
            Some(t) => t,
            None if lx.pos() < e => match lx.next() {
                Some(t) => t,
                None => break,
            },
            None => break,
        };
        if t.start >= e {
            break;
        }
        // The lexeme before is only read where a pattern may start.
        let triggers = || match head {
            Some(h) if t.start == s && t.end == h.i => h.triggers,
            _ => may_trigger(&text[t.start..t.end]),
        };
        let hit = match t.kind {
            Kind::Word if triggers() => {
                let prev = prev_lex(text, t.start);
                word_trigger(text, t, lx, prev, doc)
            }
            Kind::Num => num_trigger(text, t, lx, true),
            _ => None,
        };
        if let Some((f, _)) = hit {
            if let When::Fixed(p) = f.when {
                if p.granularity == Granularity::Day
                    && p.start == p.end
                    && (alone_on_line(text, f.span.start, f.span.end)
                        || in_masthead(text, f.span.start))
                {
                    offer(
                        doc,
                        DocDate {
                            date: p.start,
                            strength: DateStrength::DateLine,
                        },
                    );
                }
            }
            *resume = f.span.end;
            out.push(f);
            return;
        }
    }
}

/// True when a compound token (`end-November`, `mid-2025`) holds a part
/// that may start a time expression.
fn inner_trigger(tok: &str) -> bool {
    let b = tok.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        if b[i].is_ascii_digit() {
            return true;
        }
        if b[i].is_ascii_alphabetic() {
            while i < b.len() && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            if may_trigger(&tok[start..i]) {
                return true;
            }
        } else {
            i += 1;
        }
    }
    false
}

/// A fiscal year that starts in `y`, read on to its end when the text
/// names both (`FY2024/25`, `fiscal 2024-25`).
fn fiscal_year_from(p: &mut P<'_>, y: i32) -> Period {
    let save = (p.lx, p.end);
    if p.eat_punct(b'/') || p.eat_range_link(false) {
        match p.eat_year_or_short() {
            Some(y2) if y2 == y + 1 || (y2 % 100 == (y + 1) % 100) => {
                return Period::years(y, y + 1).fiscal();
            }
            _ => (p.lx, p.end) = save,
        }
    }
    Period::year(y).fiscal()
}

fn found(start: usize, end: usize, when: When) -> Found {
    Found {
        span: Span::new(start, end),
        when,
        target: false,
        months_named: false,
    }
}

/// [`found`] for an expression read from a month's name.
fn found_months(start: usize, end: usize, when: When) -> Found {
    Found {
        months_named: true,
        ..found(start, end, when)
    }
}

/// True when `l` is a word of `words` (ASCII, any case).
fn word_is(text: &str, l: Option<Lex>, words: &[&str]) -> bool {
    l.is_some_and(|l| {
        // Bytes: a word lexeme is ASCII letters, no boundary to check.
        let w = &text.as_bytes()[l.start..l.end];
        l.kind == Kind::Word && words.iter().any(|x| w.eq_ignore_ascii_case(x.as_bytes()))
    })
}

fn word_trigger<'a>(
    text: &'a str,
    t: Lex,
    lx: Lexer<'a>,
    prev: Option<Lex>,
    doc: &mut Option<DocDate>,
) -> Option<(Found, Lexer<'a>)> {
    // The lexeme before `prev`, read only by the patterns that need it.
    let prev2 = || prev.and_then(|l| prev_lex(text, l.start));
    let w = &text[t.start..t.end];
    let mut p = P::new(text, lx, t.end);
    // Labelled dates open a line: `Published: 2025-12-10`, or follow a
    // dash or bar near the top: `Statistics Bureau — released 1 March 2024`.
    let upper = w.as_bytes()[0].is_ascii_uppercase();
    if (upper || t.start < 500)
        && is_label(w)
        && (upper && opens_field(text, t.start) || after_masthead_dash(text, t.start))
    {
        labelled(text, &mut p, doc);
        p = P::new(text, lx, t.end);
    }
    if let Some((m, safe)) = month_of(w) {
        let between = word_is(text, prev, &["between"]);
        let after_prep = word_is(
            text,
            prev,
            &[
                "in", "by", "of", "since", "until", "through", "during", "from", "to", "end",
                "early", "late", "mid", "between", "and", "before", "after", "ended", "ending",
            ],
        ) || prev.is_some_and(|l| l.kind == Kind::Punct(b'-'));
        let (when, after) = month_expr(&mut p, m, safe || after_prep, between, t.end - t.start)?;
        // A dateline: `HANGZHOU, Jan. 14 (Wire) --`.
        if let When::YearLess(tp) | When::Fixed(tp) = when {
            if tp.granularity == Granularity::Day && is_dateline_head(text, t.start) {
                let year = if let When::Fixed(_) = when {
                    tp.start.year
                } else {
                    0
                };
                offer(
                    doc,
                    DocDate {
                        date: CalendarDate { year, ..tp.start },
                        strength: if year == 0 {
                            DateStrength::DatelineNoYear
                        } else {
                            DateStrength::DateLine
                        },
                    },
                );
            }
        }
        if let Some(window) = ended_window(text, prev, when) {
            return window.map(|(start, w)| (found_months(start, p.end, w), after));
        }
        return Some((found_months(t.start, p.end, when), after));
    }
    let eq = |x: &str| w.eq_ignore_ascii_case(x);
    if w == "Q" || w == "H" {
        let l = p.peek()?;
        if !l.glued || l.kind != Kind::Num || l.end - l.start != 1 {
            return None;
        }
        let n: u8 = p.s(l).parse().ok()?;
        let quarter = w == "Q";
        if !(1..=if quarter { 4 } else { 2 }).contains(&n) || !w.as_bytes()[0].is_ascii_uppercase()
        {
            return None;
        }
        p.bump();
        let (mut from, mut to) = if quarter {
            (n * 3 - 2, n * 3)
        } else {
            (n * 6 - 5, n * 6)
        };
        // `Q1-Q3 2025`
        let save = (p.lx, p.end);
        let mut ranged = false;
        if p.eat_range_link(false) {
            if let (Some(a), Some(b)) = (p.peek(), p.peek2()) {
                if a.kind == Kind::Word && p.s(a) == &w[..1] && b.glued && b.kind == Kind::Num {
                    if let Ok(n2) = p.s(b).parse::<u8>() {
                        if n2 > n && n2 <= if quarter { 4 } else { 2 } {
                            p.bump();
                            p.bump();
                            to = if quarter { n2 * 3 } else { n2 * 6 };
                            ranged = true;
                        }
                    }
                }
            }
            if !ranged {
                (p.lx, p.end) = save;
            }
        }
        let template = if ranged {
            super::months_template(from, to)
        } else {
            from = from.max(1);
            let base = Period::months(0, from, to);
            if quarter {
                Period {
                    granularity: Granularity::Quarter,
                    ..base
                }
            } else {
                base
            }
        };
        let tail = match p.eat_year_or_short() {
            Some(y) => Tail::Year(y, false),
            None => p.eat_year_tail(),
        };
        return Some((found(t.start, p.end, with_tail(template, tail)), p.lx));
    }
    if w == "Quarter" {
        return statistics_quarter(&mut p).map(|(when, lx)| (found(t.start, p.end, when), lx));
    }
    if w == "FY" {
        let y = p.eat_year_or_short()?;
        let period = fiscal_year_from(&mut p, y);
        return Some((found(t.start, p.end, When::Fixed(period)), p.lx));
    }
    if eq("fiscal") {
        p.eat_word(&["year"]);
        let y = p.eat_year_or_short()?;
        let period = fiscal_year_from(&mut p, y);
        return Some((found(t.start, p.end, When::Fixed(period)), p.lx));
    }
    if w == "YTD" || eq("year") {
        // `year-to-date`, `YTD`
        if w == "YTD" {
            return Some((found(t.start, t.end, When::YearToDate), p.lx));
        }
        // `for the year`, `throughout the year`, `the full year`: the year in question.
        if word_is(text, prev, &["the"])
            || word_is(text, prev, &["full", "whole", "entire"]) && word_is(text, prev2(), &["the"])
        {
            let the = if word_is(text, prev, &["the"]) {
                prev
            } else {
                prev2()
            };
            let before = the.and_then(|l| prev_lex(text, l.start));
            let ok = word_is(text, prev, &["full", "whole", "entire"])
                || word_is(text, before, &["for", "throughout", "during"]);
            let next_ok = !p
                .peek()
                .is_some_and(|l| l.glued && matches!(l.kind, Kind::Punct(b'-' | b'\'')))
                && !p.is_word(
                    p.peek(),
                    &[
                        "of", "to", "before", "after", "ended", "ending", "earlier", "ago",
                    ],
                );
            if ok && next_ok {
                let start = the.map_or(t.start, |l| l.start);
                // `for the full year 2023`: the year named, not the one in
                // question (which would be the document's).
                if let Some(y) = p.eat_year() {
                    return Some((found(start, p.end, When::Fixed(Period::year(y))), p.lx));
                }
                return Some((found(start, t.end, When::YearLess(Period::year(0))), p.lx));
            }
        }
        if p.eat_punct(b'-') && p.eat_word(&["to"]) && p.eat_punct(b'-') && p.eat_word(&["date"]) {
            return Some((found(t.start, p.end, When::YearToDate), p.lx));
        }
        return None;
    }
    // `the last three months of 2025`, `the final quarter of 2025`: the
    // year's closing months, when a year follows (alone, `last quarter` is
    // the one before the document's).
    if eq("last") || eq("final") {
        let save = (p.lx, p.end);
        if let Some(closing) = closing_part(&mut p, t, prev) {
            return Some(closing);
        }
        (p.lx, p.end) = save;
    }
    let relative = if eq("last") {
        Some(-1)
    } else if eq("this") {
        Some(0)
    } else if eq("next") {
        Some(1)
    } else if eq("previous") || eq("prior") || eq("preceding") {
        Some(2)
    } else {
        None
    };
    if let Some(years) = relative {
        // `last month`, `this quarter`: from the document's date.
        if years < 2 {
            let unit = if p.eat_word(&["month"]) {
                Some(1)
            } else if p.eat_word(&["quarter"]) {
                Some(3)
            } else {
                None
            };
            if let Some(months) = unit {
                if p.peek()
                    .is_some_and(|l| l.kind == Kind::Punct(b'-') && l.glued)
                {
                    return None;
                }
                let when = When::RelativeMonths {
                    steps: years,
                    months,
                };
                return Some((found(t.start, p.end, when), p.lx));
            }
        }
        if !p.eat_word(&["year"]) {
            return None;
        }
        // `the same period last year` is a comparison, not a year.
        if word_is(text, prev, &["period", "time", "month", "quarter"])
            && word_is(text, prev2(), &["same"])
        {
            return None;
        }
        // `this year's` is fine; `last year-on-year` is not a year.
        if p.peek()
            .is_some_and(|l| l.kind == Kind::Punct(b'-') && l.glued)
        {
            return None;
        }
        let start = if years == 2 && word_is(text, prev, &["the"]) {
            prev.map_or(t.start, |l| l.start)
        } else {
            t.start
        };
        let when = if years == 2 {
            When::Previous
        } else {
            When::Relative {
                years,
                part: Period::year(0),
                whole: true,
            }
        };
        return Some((found(start, p.end, when), p.lx));
    }
    // `by November 2025`, `as of end-November`, `through the end of March`.
    let by = if eq("by") || eq("through") || eq("until") || eq("till") || eq("thru") {
        // `12 months through March`: the month's own trigger reads the window.
        !word_is(text, prev, &["months"])
    } else if eq("as") {
        p.eat_word(&["of", "at"])
    } else if eq("up") {
        p.eat_word(&["to"])
    } else {
        false
    };
    if by {
        p.eat_word(&["the"]);
        if p.eat_word(&["end"]) && !p.eat_punct(b'-') {
            p.eat_word(&["of"]);
        }
        let l = p.bump()?;
        let (m, _) = month_of(p.s(l))?;
        let (when, after) = month_expr(&mut p, m, true, false, l.end - l.start)?;
        let to_cumulative = |tp: Period| {
            if tp.granularity == Granularity::Month && tp.start.month == tp.end.month {
                Some(Period {
                    cumulative: tp.end.month < 12,
                    granularity: if tp.end.month == 12 {
                        Granularity::Year
                    } else {
                        Granularity::Month
                    },
                    ..Period::months(tp.start.year, 1, tp.end.month)
                })
            } else if tp.granularity == Granularity::Day {
                let mut q = tp;
                q.start.month = 1;
                q.start.day = 1;
                Some(q.cumulative())
            } else {
                None
            }
        };
        let when = match when {
            When::Fixed(tp) => When::Fixed(to_cumulative(tp)?),
            When::YearLess(tp) => When::YearLess(to_cumulative(tp)?),
            When::Relative { years, part, whole } => When::Relative {
                years,
                part: to_cumulative(part)?,
                whole,
            },
            _ => return None,
        };
        return Some((found(t.start, p.end, when), after));
    }
    ordinal_trigger(&mut p, t, w, prev)
}

/// `11 months`, `three quarters`: how many months, the words read.
fn counted_months(p: &mut P<'_>) -> Option<u8> {
    let k = count_of(p.text, p.peek()?)?;
    p.bump();
    if p.eat_word(&["months", "month"]) {
        Some(k)
    } else if p.eat_word(&["quarters"]) {
        k.checked_mul(3)
    } else {
        None
    }
}

/// After `last` or `final` (token `t`): `quarter of 2025`, `half of this
/// year`, `three months of 2025`, `two quarters of 2024` — a year's closing
/// months, read only with the year they close.
fn closing_part<'a>(p: &mut P<'a>, t: Lex, prev: Option<Lex>) -> Option<(Found, Lexer<'a>)> {
    let months = if p.eat_word(&["quarter"]) {
        3
    } else if p.eat_word(&["half"]) {
        6
    } else {
        counted_months(p)?
    };
    if !(1..=11).contains(&months) {
        return None;
    }
    let tail = p.eat_year_tail();
    if matches!(tail, Tail::None) {
        return None;
    }
    // Named as the same months are elsewhere (three are a quarter).
    let template = trailing_months(Period::months(0, 12, 12), months)?;
    let start = match prev {
        Some(l) if word_is(p.text, prev, &["the"]) => l.start,
        _ => t.start,
    };
    Some((found(start, p.end, with_tail(template, tail)), p.lx))
}

/// `first quarter of 2024`, `the first 11 months of 2025`, `second half`,
/// `first three quarters`.
fn ordinal_trigger<'a>(
    p: &mut P<'a>,
    t: Lex,
    w: &str,
    prev: Option<Lex>,
) -> Option<(Found, Lexer<'a>)> {
    let n = ordinal_word(w)?;
    let text = p.text;
    // `its fiscal fourth quarter`: a quarter of the company's own year,
    // whose months the words do not say.
    let fiscal = word_is(text, prev, &["fiscal", "financial"]);
    // The expression's first word (`fiscal` when it is there) and the
    // word before it, which may be `the`.
    let (first, before) = if fiscal {
        (prev, prev.and_then(|l| prev_lex(text, l.start)))
    } else {
        (None, prev)
    };
    let start = if word_is(text, before, &["the"]) {
        before.map_or(t.start, |l| l.start)
    } else {
        first.map_or(t.start, |l| l.start)
    };
    ordinal_rest(p, n, start, fiscal)
}

fn ordinal_rest<'a>(
    p: &mut P<'a>,
    n: u8,
    start: usize,
    fiscal: bool,
) -> Option<(Found, Lexer<'a>)> {
    // `first-half sales`, `third-quarter revenue`: the words joined as an
    // adjective name the same period.
    let save = (p.lx, p.end);
    if !(p
        .peek()
        .is_some_and(|l| l.kind == Kind::Punct(b'-') && l.glued)
        && p.bump().is_some()
        && p.peek()
            .is_some_and(|l| l.glued && p.is_word(Some(l), &["quarter", "half"])))
    {
        (p.lx, p.end) = save;
    }
    let template = if p.eat_word(&["quarter"]) {
        if n > 4 {
            return None;
        }
        Period {
            granularity: Granularity::Quarter,
            fiscal,
            ..Period::months(0, n * 3 - 2, n * 3)
        }
    } else if p.eat_word(&["half"]) {
        if n > 2 {
            return None;
        }
        Period::months(0, n * 6 - 5, n * 6)
    } else if n == 1 {
        // `first 11 months`, `first three quarters`
        let months = counted_months(p)?;
        if !(1..=12).contains(&months) {
            return None;
        }
        super::months_template(1, months)
    } else {
        return None;
    };
    let tail = p.eat_year_tail();
    Some((found(start, p.end, with_tail(template, tail)), p.lx))
}

/// After `Quarter`: `Quarter 3 (July to September) 2025`, `Quarter 2 2025`,
/// as statistics offices name a quarter (the months in brackets say it
/// again, and are read as part of it).
fn statistics_quarter<'a>(p: &mut P<'a>) -> Option<(When, Lexer<'a>)> {
    let l = p.peek()?;
    if l.glued || l.kind != Kind::Num || l.end - l.start != 1 {
        return None;
    }
    let n: u8 = p.s(l).parse().ok()?;
    if !(1..=4).contains(&n) {
        return None;
    }
    p.bump();
    let save = (p.lx, p.end);
    if p.eat_punct(b'(') {
        // Only months and the words between them, a few at most.
        let mut closed = false;
        for _ in 0..6 {
            let Some(l) = p.bump() else { break };
            if l.kind == Kind::Punct(b')') {
                closed = true;
                break;
            }
            let months_words = l.kind == Kind::Word
                && (month_of(p.s(l)).is_some() || p.s(l).eq_ignore_ascii_case("to"))
                || matches!(l.kind, Kind::Punct(b'-'));
            if !months_words {
                break;
            }
        }
        if !closed {
            (p.lx, p.end) = save;
        }
    }
    let template = Period {
        granularity: Granularity::Quarter,
        ..Period::months(0, n * 3 - 2, n * 3)
    };
    let tail = match p.eat_year_or_short() {
        Some(y) => Tail::Year(y, false),
        None => p.eat_year_tail(),
    };
    Some((with_tail(template, tail), p.lx))
}

/// `the six months to June 2022`, `12 months through March`, `the quarter
/// ended 31 December 2025`: the months that end with the month or day just
/// read (`when`, after `prev`), not that month or day alone. `None` when
/// no such words come before; `Some(None)` when they do but name no window
/// (`the 13 months to May`, which reads as nothing rather than as May).
/// Else the window's start (its first word, `the` included) and the window.
fn ended_window(text: &str, prev: Option<Lex>, when: When) -> Option<Option<(usize, When)>> {
    if !word_is(text, prev, &["to", "through", "ended", "ending"]) {
        return None;
    }
    let prev2 = prev.and_then(|l| prev_lex(text, l.start))?;
    let by_weeks = word_is(text, Some(prev2), &["weeks"]);
    let (n, first) = if word_is(text, Some(prev2), &["months"]) {
        let count = prev_lex(text, prev2.start)?;
        (count_of(text, count)?, count)
    } else if word_is(text, Some(prev2), &["quarter"]) {
        // `the fourth quarter ended`, `the fiscal quarter ended`: the
        // ordinal and `fiscal` are the window's words too.
        let mut first = prev2;
        while let Some(l) = prev_lex(text, first.start).filter(|l| {
            word_is(
                text,
                Some(*l),
                &["first", "second", "third", "fourth", "fiscal", "financial"],
            )
        }) {
            first = l;
        }
        (3, first)
    } else if by_weeks {
        // A retailer's `13 weeks to 28 December`, `52 weeks to 1 March
        // 2025`: as many months as the weeks nearly make.
        let count = prev_lex(text, prev2.start)?;
        let months = match count_of(text, count)? {
            4 | 5 => 1,
            8 | 9 => 2,
            12..=14 => 3,
            25..=27 => 6,
            38..=40 => 9,
            51..=53 => 12,
            // Some other span: no window, and not the day alone either.
            _ => return Some(None),
        };
        (months, count)
    } else if word_is(text, Some(prev2), &["year"]) {
        // `the year to June 30, 2025`, `the fiscal year ended September 27,
        // 2025`, `the financial year ending March 2026`: a company's year,
        // whose months these words give.
        let mut first = prev2;
        while let Some(l) = prev_lex(text, first.start)
            .filter(|l| word_is(text, Some(*l), &["fiscal", "financial", "full"]))
        {
            first = l;
        }
        (12, first)
    } else {
        return None;
    };
    // Weeks that end in a month's first days (`to 1 March`) cover the
    // month before it.
    let month_before = |tp: Period| {
        if by_weeks && tp.granularity == Granularity::Day && tp.end.day <= 7 {
            let (y, m) = if tp.end.month == 1 {
                (tp.end.year - 1, 12)
            } else {
                (tp.end.year, tp.end.month - 1)
            };
            Period::months(y, m, m)
        } else {
            tp
        }
    };
    let window = match when {
        When::Fixed(tp) => trailing_months(month_before(tp), n).map(When::Fixed),
        When::YearLess(tp) => trailing_months(month_before(tp), n).map(When::YearLess),
        _ => None,
    };
    let the = prev_lex(text, first.start).filter(|l| word_is(text, Some(*l), &["the"]));
    let start = the.map_or(first.start, |l| l.start);
    Some(window.map(|w| (start, w)))
}

/// The small whole number lexeme `l` writes, in digits or in words.
fn count_of(text: &str, l: Lex) -> Option<u8> {
    match l.kind {
        Kind::Num => text[l.start..l.end].parse::<u8>().ok(),
        Kind::Word => small_number(&text[l.start..l.end]),
        _ => None,
    }
}

/// The `n` months (1 to 12) that end with the month `tp` ends in, named as
/// the same months are elsewhere: a quarter, a half, a year, a running
/// total from January, or a window that may reach into the year before.
fn trailing_months(tp: Period, n: u8) -> Option<Period> {
    if !(1..=12).contains(&n) || !matches!(tp.granularity, Granularity::Month | Granularity::Day) {
        return None;
    }
    let (year, month) = (tp.end.year, tp.end.month);
    if n > month {
        let first = month + 12 - n + 1;
        let mut window = Period::months(year, first, month);
        window.start.year = year - 1;
        return Some(window);
    }
    let first = month - n + 1;
    Some(match (n, first) {
        (12, 1) => Period::year(year),
        (3, 1 | 4 | 7 | 10) => Period {
            granularity: Granularity::Quarter,
            ..Period::months(year, first, month)
        },
        (6, 1 | 7) => Period::months(year, first, month),
        (_, 1) if n > 1 => Period::months(year, 1, month).cumulative(),
        _ => Period::months(year, first, month),
    })
}

/// After a month name: a day, a year, a range to another month.
fn month_expr<'a>(
    p: &mut P<'a>,
    m: u8,
    safe: bool,
    between: bool,
    word_len: usize,
) -> Option<(When, Lexer<'a>)> {
    // `Jan. 14`: the point of an abbreviation, not of a sentence.
    const FULL: [usize; 12] = [7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8];
    let abbrev = word_len < FULL[usize::from(m.clamp(1, 12) - 1)];
    let abbrev_point = abbrev
        && p.peek()
            .is_some_and(|l| l.kind == Kind::Punct(b'.') && l.glued);
    if abbrev_point {
        p.bump();
    }
    // `May 10, 2025`, `Jan. 14`
    let save = (p.lx, p.end);
    if let Some(d) = p.eat_day() {
        let tail = {
            let s2 = (p.lx, p.end);
            p.eat_punct(b',');
            match p.eat_year() {
                Some(y) => Some(y),
                None => {
                    (p.lx, p.end) = s2;
                    None
                }
            }
        };
        let day = d.min(crate::quantity::days_in_month(tail.unwrap_or(2024), m));
        let when = match tail {
            Some(y) => When::Fixed(Period::day(y, m, day)),
            None => When::YearLess(Period::day(0, m, day)),
        };
        return Some((when, p.lx));
    }
    (p.lx, p.end) = save;
    // `November 2025`; `the June 2025 quarter`, the quarter that ends
    // with the month (how Australian and New Zealand reports name them).
    if let Some(y) = p.eat_year() {
        if m % 3 == 0 && p.eat_word(&["quarter"]) {
            return Some((When::Fixed(Period::quarter(y, m / 3)), p.lx));
        }
        return Some((When::Fixed(Period::months(y, m, m)), p.lx));
    }
    // `the September quarter`, `the March quarter of 2025`.
    if m % 3 == 0 && p.eat_word(&["quarter"]) {
        let tail = p.eat_year_tail();
        return Some((with_tail(Period::quarter(0, m / 3), tail), p.lx));
    }
    // `January to April 2025`, `Jan-Apr`
    let save = (p.lx, p.end);
    if p.eat_range_link(between) {
        if let Some(l) = p.bump() {
            if let Some((m2, _)) = month_of(p.s(l)) {
                if m2 > m {
                    if p.peek()
                        .is_some_and(|l| l.kind == Kind::Punct(b'.') && l.glued)
                    {
                        p.bump();
                    }
                    let tail = p.eat_year_tail();
                    return Some((with_tail(super::months_template(m, m2), tail), p.lx));
                }
            }
        }
    }
    (p.lx, p.end) = save;
    if !(safe || abbrev_point) {
        return None;
    }
    let tail = p.eat_year_tail();
    Some((with_tail(Period::months(0, m, m), tail), p.lx))
}

/// A year, a year range, an ISO date, `2024 Q3`, `3Q24`, `10 May 2025`.
fn num_trigger<'a>(
    text: &'a str,
    t: Lex,
    lx: Lexer<'a>,
    look_back: bool,
) -> Option<(Found, Lexer<'a>)> {
    // The lexeme before (when `look_back`), read only by the patterns that
    // need it: most figures are no year and never ask.
    let prev = || {
        if look_back {
            prev_lex(text, t.start)
        } else {
            None
        }
    };
    let len = t.end - t.start;
    // Only a year (four digits) or a day (one or two) starts a pattern,
    // and a day only before a word (`10 May`, `3Q24`, `1st quarter`):
    // after other bytes nothing below could match.
    if len != 4 && (len > 2 || !may_precede_word(text.as_bytes(), t.end)) {
        return None;
    }
    let mut p = P::new(text, lx, t.end);
    if let Some(y) = year_at(text, t) {
        let prev = prev();
        // ISO date `2025-12-10`.
        let b = text.as_bytes();
        if b.get(t.end) == Some(&b'-') && b.len() >= t.end + 6 {
            let mm = &text.get(t.end + 1..t.end + 3).unwrap_or("");
            let sep = b.get(t.end + 3);
            let dd = &text.get(t.end + 4..t.end + 6).unwrap_or("");
            if mm.bytes().all(|c| c.is_ascii_digit())
                && sep == Some(&b'-')
                && dd.bytes().all(|c| c.is_ascii_digit())
                && !b.get(t.end + 6).is_some_and(u8::is_ascii_digit)
            {
                let m: u8 = mm.parse().ok()?;
                let d: u8 = dd.parse().ok()?;
                if (1..=12).contains(&m) && d >= 1 && d <= crate::quantity::days_in_month(y, m) {
                    p.bump();
                    p.bump();
                    p.bump();
                    p.bump();
                    return Some((
                        found(t.start, t.end + 6, When::Fixed(Period::day(y, m, d))),
                        p.lx,
                    ));
                }
            }
        }
        // An analyst's `2026E` (estimate), `2026F` (forecast): the year,
        // looked ahead to; `2024A`: the year's actual figure.
        if let Some(mark) = year_mark(b, t.end) {
            if let Some(a) = p.peek().filter(|a| a.glued && a.end == t.end + 1) {
                p.bump();
                let mut f = found(t.start, a.end, When::Fixed(Period::year(y)));
                f.target = mark != b'A';
                return Some((f, p.lx));
            }
        }
        // `2024Q3`, `2024 Q3`, `2025 H1`
        if let (Some(a), Some(bn)) = (p.peek(), p.peek2()) {
            let s = p.s(a);
            if (s == "Q" || s == "H") && bn.glued && bn.kind == Kind::Num && bn.end - bn.start == 1
            {
                let n: u8 = p.s(bn).parse().ok()?;
                let quarter = s == "Q";
                if (1..=if quarter { 4 } else { 2 }).contains(&n) {
                    p.bump();
                    p.bump();
                    let per = if quarter {
                        Period::quarter(y, n)
                    } else {
                        Period::months(y, n * 6 - 5, n * 6)
                    };
                    return Some((found(t.start, p.end, When::Fixed(per)), p.lx));
                }
            }
        }
        // `the 2024/25 coffee year`: a year that runs into the next, read
        // as `2024-25` is. (Not a date: `2024/25/03`.)
        if b.get(t.end) == Some(&b'/') {
            let save = (p.lx, p.end);
            p.eat_punct(b'/');
            if let Some(l) = p.peek().filter(|l| l.glued && l.kind == Kind::Num) {
                let digits = p.s(l);
                let next_year =
                    digits.len() == 2 && digits.parse::<i32>().ok() == Some((y + 1) % 100);
                let date_goes_on = b
                    .get(l.end)
                    .is_some_and(|c| matches!(c, b'/' | b'-' | b'.') || c.is_ascii_digit());
                if next_year && !date_goes_on && !glued_letter_after(text, l.end) {
                    p.bump();
                    return Some((
                        found(t.start, p.end, When::Fixed(Period::years(y, y + 1))),
                        p.lx,
                    ));
                }
            }
            (p.lx, p.end) = save;
        }
        // `2021–2025`, `2021 to 2025`, `between 2021 and 2025`, `2023-24`
        let between = word_is(text, prev, &["between"]);
        let save = (p.lx, p.end);
        if p.eat_range_link(between) {
            if let Some(y2) = p.eat_year() {
                if y2 > y && y2 - y <= 50 {
                    return Some((
                        found(t.start, p.end, When::Fixed(Period::years(y, y2))),
                        p.lx,
                    ));
                }
            } else if let Some(l) = p.peek() {
                if l.kind == Kind::Num
                    && l.end - l.start == 2
                    && l.glued
                    && !glued_letter_after(text, l.end)
                {
                    let y2 = y / 100 * 100 + p.s(l).parse::<i32>().ok()?;
                    if y2 > y
                        && !p
                            .text
                            .as_bytes()
                            .get(l.end)
                            .is_some_and(|c| *c == b'-' || *c == b'.' || *c == b',')
                    {
                        p.bump();
                        return Some((
                            found(t.start, p.end, When::Fixed(Period::years(y, y2))),
                            p.lx,
                        ));
                    }
                }
            }
        }
        (p.lx, p.end) = save;
        // A plan: `by 2030`, `until 2027`, `at the end of 2027`.
        let target = word_is(text, prev, &["by", "until", "before", "till"])
            || word_is(text, prev, &["of"])
                && word_is(text, prev.and_then(|l| prev_lex(text, l.start)), &["end"]);
        let mut f = found(t.start, t.end, When::Fixed(Period::year(y)));
        f.target = target;
        return Some((f, p.lx));
    }
    if len <= 2 {
        // `10 May 2025`. One or two digits (a `Num` lexeme): no parse can fail.
        let d: u8 = text.as_bytes()[t.start..t.end]
            .iter()
            .fold(0, |v, c| v * 10 + (c - b'0'));
        if let Some(l) = p.peek() {
            if l.kind == Kind::Word && !l.glued {
                if let Some((m, _)) = month_of(p.s(l)) {
                    if (1..=31).contains(&d) {
                        p.bump();
                        if p.peek()
                            .is_some_and(|l| l.kind == Kind::Punct(b'.') && l.glued)
                        {
                            p.bump();
                        }
                        let save = (p.lx, p.end);
                        p.eat_punct(b',');
                        let when = match p.eat_year() {
                            Some(y) => When::Fixed(Period::day(
                                y,
                                m,
                                d.min(crate::quantity::days_in_month(y, m)),
                            )),
                            None => {
                                (p.lx, p.end) = save;
                                When::YearLess(Period::day(
                                    0,
                                    m,
                                    d.min(crate::quantity::days_in_month(2024, m)),
                                ))
                            }
                        };
                        if let Some(window) = ended_window(text, prev(), when) {
                            return window.map(|(start, w)| (found_months(start, p.end, w), p.lx));
                        }
                        return Some((found_months(t.start, p.end, when), p.lx));
                    }
                }
            }
            // `3Q24`, `1H2025`
            if l.glued && l.kind == Kind::Word && (p.s(l) == "Q" || p.s(l) == "H") && len == 1 {
                let quarter = p.s(l) == "Q";
                if (1..=if quarter { 4 } else { 2 }).contains(&d) {
                    p.bump();
                    if let Some(yl) = p.peek() {
                        if yl.glued && yl.kind == Kind::Num {
                            let y = match yl.end - yl.start {
                                2 => 2000 + p.s(yl).parse::<i32>().ok()?,
                                4 => year_at(text, yl)?,
                                _ => return None,
                            };
                            p.bump();
                            let per = if quarter {
                                Period::quarter(y, d)
                            } else {
                                Period::months(y, d * 6 - 5, d * 6)
                            };
                            return Some((found(t.start, p.end, When::Fixed(per)), p.lx));
                        }
                    }
                }
                return None;
            }
            // `1st quarter`, `3rd quarter of 2024`
            if l.glued
                && l.kind == Kind::Word
                && p.is_word(Some(l), &["st", "nd", "rd", "th"])
                && (1..=4).contains(&d)
            {
                p.bump();
                let prev = prev();
                let start = if word_is(text, prev, &["the"]) {
                    prev.map_or(t.start, |x| x.start)
                } else {
                    t.start
                };
                if p.is_word(p.peek(), &["quarter", "half"]) {
                    return ordinal_rest(&mut p, d, start, false);
                }
            }
        }
    }
    None
}

/// False when the lexeme after `end` is surely not a word: the byte there
/// is neither white space (the lexer's, or the lead byte of a no-break
/// space) nor a letter.
fn may_precede_word(b: &[u8], end: usize) -> bool {
    b.get(end).is_some_and(|&c| {
        c.is_ascii_alphabetic() || matches!(c, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | 0xC2)
    })
}

fn is_label(w: &str) -> bool {
    [
        "published",
        "updated",
        "date",
        "posted",
        "released",
        "dated",
    ]
    .iter()
    .any(|x| w.eq_ignore_ascii_case(x))
}

/// `Published: …`, `Updated on …`, `Date: …` at a line start, after a
/// word [`is_label`] holds for (its one caller checks).
fn labelled(text: &str, p: &mut P, doc: &mut Option<DocDate>) {
    p.eat_word(&["on", "at", "date"]);
    p.eat_punct(b':');
    let Some(l) = p.bump() else { return };
    let hit = match l.kind {
        Kind::Num => num_trigger(text, l, p.lx, false).map(|(f, _)| f.when),
        Kind::Word => {
            // An optional weekday: `Tuesday, 20 January 2026`.
            let word = &text[l.start..l.end];
            let weekday = word.len() > 5 && word[word.len() - 3..].eq_ignore_ascii_case("day");
            let (l, lx) = if weekday {
                p.eat_punct(b',');
                match p.bump() {
                    Some(l2) => (l2, p.lx),
                    None => return,
                }
            } else {
                (l, p.lx)
            };
            let mut q = P::new(text, lx, l.end);
            match l.kind {
                Kind::Num => num_trigger(text, l, lx, false).map(|(f, _)| f.when),
                _ => month_of(&text[l.start..l.end])
                    .and_then(|(m, _)| month_expr(&mut q, m, true, false, l.end - l.start))
                    .map(|(w, _)| w),
            }
        }
        _ => None,
    };
    if let Some(When::Fixed(per)) = hit {
        if per.granularity == Granularity::Day {
            offer(
                doc,
                DocDate {
                    date: per.start,
                    strength: DateStrength::Labelled,
                },
            );
        }
    }
}

/// True when `pos` opens a line or a field of a by-line: only spaces
/// before it on its line, or a `|` (`By Li Wei | Updated: …`).
fn opens_field(text: &str, pos: usize) -> bool {
    let before = text.as_bytes()[..pos]
        .iter()
        .rev()
        .find(|&&b| !matches!(b, b' ' | b'\t' | b'\r'));
    matches!(before, None | Some(b'\n' | b'|'))
}

/// True when `pos` follows a dash or bar on a line of the document's first
/// 500 bytes: `Statistics Bureau of Japan — released 1 March 2024`,
/// `Press office | released 3 May 2025`. Mid-sentence `released on 5 March`
/// is a release's date, not the document's.
fn after_masthead_dash(text: &str, pos: usize) -> bool {
    if pos >= 500 {
        return false;
    }
    let before = text[..pos].trim_end_matches([' ', '\t']);
    before.ends_with(['—', '–', '|']) || before.ends_with(" -")
}

/// True when what stands before `pos` on its line is a dateline's place:
/// capitals, spaces, commas and points, ending with a comma (`HANGZHOU, `).
fn is_dateline_head(text: &str, pos: usize) -> bool {
    let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    let head = text[line_start..pos].trim_end();
    let Some(place) = head.strip_suffix(',') else {
        return false;
    };
    let place = place.trim();
    // `BELLWETHER BAY, Calif.,`, `DETROIT, Mich.,`: a city in capitals and
    // its state as news agencies shorten it.
    let place = match place.rsplit_once(", ") {
        Some((city, state))
            if state.len() <= 6
                && state.ends_with('.')
                && state.starts_with(|c: char| c.is_ascii_uppercase())
                && state[..state.len() - 1]
                    .bytes()
                    .all(|b| b.is_ascii_alphabetic()) =>
        {
            city
        }
        _ => place,
    };
    place.len() >= 2
        && place.len() <= 40
        && place.bytes().any(|b| b.is_ascii_uppercase())
        // `SÃO PAULO,`, `ZÜRICH,`: capitals beyond ASCII are a place's too.
        && place
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | ',' | '.' | '-' | '\''))
}

/// True when a date closes a field of a masthead or by-line opening the
/// document: `JINHUA DAILY | Business | 24 November 2025`, in its first
/// 500 bytes, right after a `|`.
fn in_masthead(text: &str, start: usize) -> bool {
    start < 500
        && text.as_bytes()[..start]
            .iter()
            .rev()
            .find(|&&b| !matches!(b, b' ' | b'\t'))
            == Some(&b'|')
}

/// True when the date at `[start, end)` is all its line holds but a time.
fn alone_on_line(text: &str, start: usize, end: usize) -> bool {
    // What the line holds before the date is nothing or ends in a comma:
    // most dates follow a word (`on March 26, 2023`), and are turned away
    // before their line's start is looked for.
    let head = text[..start].trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
    if !(head.is_empty() || head.ends_with(['\n', ','])) {
        return false;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..start].trim();
    let before_ok = before.is_empty()
        || (before.ends_with(',')
            && before
                .trim_end_matches(',')
                .to_ascii_lowercase()
                .ends_with("day"));
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let after = text[end..line_end].trim();
    before_ok
        && after.len() <= 24
        && after.split(|c: char| !c.is_ascii_alphabetic()).all(|w| {
            w.is_empty()
                || matches!(
                    w.to_ascii_uppercase().as_str(),
                    "AM" | "PM"
                        | "GMT"
                        | "UTC"
                        | "CST"
                        | "BJT"
                        | "ET"
                        | "EST"
                        | "EDT"
                        | "CET"
                        | "BST"
                )
        })
}

#[cfg(test)]
mod trigger_tests {
    use super::{
        may_trigger, year_at, Kind, Lex, Lexer, NOT_AFTER_YEAR, NOT_BEFORE_YEAR, TRIGGERS,
    };
    use proptest::prelude::*;

    /// `may_trigger` as it was written first, word by word.
    fn reference(w: &str) -> bool {
        let b = w.as_bytes();
        if !TRIGGERS.may_hold(b) {
            return false;
        }
        if b[0].is_ascii_uppercase() && super::month_of(w).is_some() {
            return true;
        }
        let eq = |x: &str| w.eq_ignore_ascii_case(x);
        match b.len() {
            1 => b[0] == b'Q' || b[0] == b'H',
            2 => eq("by") || eq("as") || eq("up") || w == "FY",
            3 => w == "YTD",
            4 => ["last", "this", "next", "year", "till", "thru", "date"]
                .iter()
                .any(|x| eq(x)),
            5 => ["prior", "first", "third", "until"].iter().any(|x| eq(x)),
            6 => ["fiscal", "second", "fourth", "posted", "dated"]
                .iter()
                .any(|x| eq(x)),
            7 => eq("through") || eq("updated"),
            8 => eq("previous") || eq("released"),
            9 => eq("preceding") || eq("published"),
            _ => false,
        }
    }

    #[test]
    fn trigger_words_in_any_case() {
        for w in [
            "last",
            "LAST",
            "Last",
            "year",
            "Year",
            "dated",
            "Dated",
            "date",
            "prior",
            "Fiscal",
            "SECOND",
            "through",
            "Published",
            "PRECEDING",
            "lasts",
            "yea",
            "Q",
            "H",
            "q",
            "FY",
            "Fy",
            "by",
            "YTD",
            "ytd",
            "March",
            "march",
            "Sept",
            "Sep",
            "Mays",
            "months",
        ] {
            assert_eq!(may_trigger(w), reference(w), "{w}");
        }
    }

    /// `year_at` as it was written first, on `str`s (the byte checks
    /// around the digits, unchanged, shared).
    fn year_reference(text: &str, l: Lex) -> Option<i32> {
        if l.kind != Kind::Num || l.end - l.start != 4 {
            return None;
        }
        let y: i32 = text[l.start..l.end].parse().ok()?;
        if !(1900..=2100).contains(&y) || super::glued_to_figure(text.as_bytes(), l) {
            return None;
        }
        if text[..l.start].ends_with(['€', '£', '¥', '￥']) {
            return None;
        }
        let rest = &text[l.end..];
        let t = rest.trim_start_matches(' ');
        let word = &t[..t.bytes().take_while(u8::is_ascii_alphabetic).count()];
        if rest.starts_with(' ') && NOT_AFTER_YEAR.iter().any(|w| word.eq_ignore_ascii_case(w)) {
            return None;
        }
        let head = text[..l.start].trim_end_matches([' ', '.']);
        let n = head
            .bytes()
            .rev()
            .take_while(u8::is_ascii_alphabetic)
            .count();
        let prev = &head[head.len() - n..];
        if NOT_BEFORE_YEAR.iter().any(|w| prev.eq_ignore_ascii_case(w)) {
            return None;
        }
        Some(y)
    }

    /// Pieces of text around time expressions and figures: trigger words
    /// in several cases, words glued by hyphens, digits with separators,
    /// URLs, letters outside ASCII, white space of several kinds.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "May",
            "may",
            "MAY",
            "Sept",
            "Dec.",
            "Jan",
            "March",
            "march",
            "Q3",
            "Q",
            "H1",
            "FY2024",
            "FY",
            "ytd",
            "YTD",
            "first",
            "First",
            "half",
            "the",
            "of",
            "11",
            "months",
            "last",
            "Last",
            "year",
            "year-on-year",
            "end-November",
            "mid-2025",
            "2025",
            "2,025",
            "1899",
            "2025-12-10",
            "14",
            "10",
            "1st",
            "3rd",
            "through",
            "until",
            "by",
            "as",
            "up",
            "previous",
            "fiscal",
            "Published:",
            "Updated",
            "RMB",
            "RMB43bn",
            "43bn",
            "$",
            "US$",
            "%",
            "5%",
            "-",
            "–",
            "—",
            ",",
            ".",
            ":",
            "|",
            "(",
            ")",
            "café",
            "Élast",
            "ñ",
            "http://x.com/2025/05/a",
            "www.x.com",
            "a",
            "third",
            "twice",
            "No.",
            "units",
            "¥",
            "一",
            "2025年",
            "\u{a0}",
            " ",
            " ",
            " ",
            "\n",
            "\n\n",
            "\t",
            "BEIJING",
            "(Wire)",
            "--",
            "week",
            "quarter",
            "second",
            "Published",
            "on",
            "10 December 2025",
            "6.2",
            "1.96",
            "12.5",
            "3,000",
            "1,250,000",
            "10/12",
            "7",
            "123",
            "12345",
            "0.5%",
            "billion",
            "percent",
            "Mayor",
            "Jan.",
            "\u{a0}May",
        ])
    }

    proptest! {
        /// The tokenizer never cuts a run of ASCII letters, which is what
        /// lets [`super::scan`] look only at the tokens its cues touch.
        #[test]
        fn tokens_never_cut_a_run_of_letters(parts in proptest::collection::vec((piece(), any::<bool>()), 0..24)) {
            let text: String = parts.iter().map(|(p, glue)| if *glue { p.to_string() } else { format!(" {p}") }).collect();
            let b = text.as_bytes();
            for t in crosscheck_text::tokenize(&text).iter().skip(1) {
                let s = t.start();
                prop_assert!(!(b[s - 1].is_ascii_alphabetic() && b[s].is_ascii_alphabetic()), "{text:?} at {s}");
            }
        }

        /// The scan over the tokens the cues touch finds what the walk
        /// over every token finds.
        #[test]
        fn cues_find_what_every_token_finds(parts in proptest::collection::vec((piece(), any::<bool>()), 0..24)) {
            let text: String = parts.iter().map(|(p, glue)| if *glue { p.to_string() } else { format!(" {p}") }).collect();
            let tokens = crosscheck_text::tokenize(&text);
            let (_, cues) = crate::en::scan_with_cues(&text, 0);
            let (mut fast, mut fast_doc) = (Vec::new(), None);
            super::scan(&text, &tokens, &cues, &mut fast, &mut fast_doc);
            let (mut every, mut every_doc) = (Vec::new(), None);
            super::scan_every_token(&text, &tokens, &mut every, &mut every_doc);
            prop_assert_eq!(format!("{fast:?} {fast_doc:?}"), format!("{every:?} {every_doc:?}"), "{:?}", text);
        }

        #[test]
        fn years_read_as_the_str_reading_does(
            parts in proptest::collection::vec(prop_oneof![
                Just("2025"), Just("1899"), Just("2101"), Just("20"), Just(" "), Just("."),
                Just(","), Just("$"), Just("€"), Just("£"), Just("￥"), Just("-"), Just("x"),
                Just("Q"), Just("%"), Just("units"), Just("Units"), Just("No"), Just("no"),
                Just("rank"), Just("in"), Just("\n"), Just("7"),
            ], 1..8),
        ) {
            let text = parts.concat();
            for l in Lexer::at(&text, 0) {
                prop_assert_eq!(year_at(&text, l), year_reference(&text, l));
            }
        }

        #[test]
        fn agrees_with_the_word_by_word_test(w in "[a-zA-Z]{1,12}") {
            prop_assert_eq!(may_trigger(&w), reference(&w));
        }
    }
}
