use crate::segment::{segments, Fast, Seg, Sink};
use crate::sentence::split_into;
use crate::Span;
use serde::{Deserialize, Serialize};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or ampersands.
    Word,
    /// A figure as a reader sees it: `1,233,000`, `77.5`, `1st`, `Q3`.
    Number,
    /// Punctuation: `.`, `,`, `(`, `“`.
    Punct,
    /// Symbols: `%`, `$`, `US$`, `€`, `+`.
    Symbol,
    /// White space, line breaks included.
    Space,
    /// One Han, Hiragana, Katakana or Hangul character (a Katakana or
    /// Hangul word is one token).
    Cjk,
}

impl TokenKind {
    /// The contract's name for the kind.
    pub fn as_str(&self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
            TokenKind::Space => "space",
            TokenKind::Cjk => "cjk",
        }
    }
}

/// Cheap shape features of a token, as bit flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Shape(pub u8);

impl Shape {
    /// Starts with an upper-case letter not followed by another upper-case
    /// letter: `Geely`, `McKinsey`, `A`, `Q3`.
    pub const TITLE: u8 = 1;
    /// Every letter upper case, at least two letters: `ASEAN`, `AT&T`.
    pub const ALL_CAPS: u8 = 2;
    /// Holds at least one ASCII digit.
    pub const DIGITS: u8 = 4;
    /// Holds a full stop: `U.S`, `1.5`, `nenpower.com`.
    pub const HAS_DOT: u8 = 8;
    /// Holds a character outside ASCII.
    pub const NON_ASCII: u8 = 16;
    /// Holds a line break (space tokens only).
    pub const NEWLINE: u8 = 32;
    /// Holds two or more line breaks (space tokens only): a paragraph break.
    pub const BLANK_LINE: u8 = 64;

    /// True when every flag in `flags` is set.
    ///
    /// ```
    /// use crosscheck_text::{tokenize, Shape};
    /// let t = tokenize("ASEAN");
    /// assert!(t[0].shape.has(Shape::ALL_CAPS));
    /// assert!(!t[0].shape.has(Shape::ALL_CAPS | Shape::DIGITS));
    /// ```
    pub fn has(&self, flags: u8) -> bool {
        self.0 & flags == flags
    }
}

/// One token: a span of the text, its kind and its shape.
///
/// The offsets are kept as `u32` (a token is 12 bytes, not 24: a 10 MB
/// text makes 3 million tokens, and half the memory is half the page faults
/// and cache misses); [`Token::span`] gives them back as a [`Span`]. Texts
/// are therefore limited to 4 GiB (`u32::MAX` bytes); the tokenizer panics on
/// a longer one. Serialized and printed with `Debug` exactly as a token with
/// a `span: Span` field.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "TokenRepr", into = "TokenRepr")]
pub struct Token {
    start: u32,
    end: u32,
    /// What it is.
    pub kind: TokenKind,
    /// Shape features.
    pub shape: Shape,
}

/// The serialized form of a [`Token`]: its span as two `usize`.
#[derive(Serialize, Deserialize)]
#[serde(rename = "Token")]
struct TokenRepr {
    span: Span,
    kind: TokenKind,
    shape: Shape,
}

impl From<TokenRepr> for Token {
    fn from(t: TokenRepr) -> Self {
        Token::new(t.span, t.kind, t.shape)
    }
}

impl From<Token> for TokenRepr {
    fn from(t: Token) -> Self {
        TokenRepr {
            span: t.span(),
            kind: t.kind,
            shape: t.shape,
        }
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("span", &self.span())
            .field("kind", &self.kind)
            .field("shape", &self.shape)
            .finish()
    }
}

impl Token {
    /// Makes a token; panics when the span reaches past `u32::MAX`.
    ///
    /// ```
    /// use crosscheck_text::{Shape, Span, Token, TokenKind};
    /// let t = Token::new(Span::new(0, 5), TokenKind::Word, Shape(Shape::TITLE));
    /// assert_eq!(t.span(), Span::new(0, 5));
    /// assert_eq!(t.text("Geely said"), "Geely");
    /// ```
    #[inline]
    pub fn new(span: Span, kind: TokenKind, shape: Shape) -> Self {
        Token {
            start: offset(span.start),
            end: offset(span.end),
            kind,
            shape,
        }
    }

    /// Where the token is.
    #[inline]
    pub fn span(&self) -> Span {
        Span {
            start: self.start as usize,
            end: self.end as usize,
        }
    }

    /// First byte of the token.
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// One past the last byte of the token.
    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the token covers no byte (no token the tokenizer makes).
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The token's text.
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start()..self.end()]
    }
}

/// A byte offset as stored in a [`Token`].
#[inline]
fn offset(o: usize) -> u32 {
    u32::try_from(o).expect("crosscheck-text: texts are limited to 4 GiB (u32 offsets)")
}

pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF | 0xFF66..=0xFF9F
        | 0x20000..=0x3134F)
}

/// Per byte: true for the ASCII punctuation that is not a symbol.
const fn punct_table() -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = b.is_ascii_punctuation()
            && !matches!(
                b,
                b'$' | b'%'
                    | b'+'
                    | b'<'
                    | b'='
                    | b'>'
                    | b'^'
                    | b'`'
                    | b'|'
                    | b'~'
                    | b'#'
                    | b'&'
                    | b'*'
                    | b'@'
                    | b'\\'
            );
        i += 1;
    }
    t
}

static ASCII_PUNCT: [bool; 256] = punct_table();

/// ASCII symbols; the other ASCII graphic non-alphanumerics are punctuation.
#[inline]
fn ascii_mark_kind(b: u8) -> TokenKind {
    if ASCII_PUNCT[usize::from(b)] {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    }
}

/// Punctuation outside ASCII, by block: general punctuation (dashes,
/// quotes, bullets, ellipsis, primes), CJK and fullwidth punctuation, Latin-1
/// quotes and marks. Currency, maths, arrows, emoji are symbols.
fn is_unicode_punct(c: char) -> bool {
    let u = c as u32;
    match u {
        0xFF01..=0xFF5E => {
            // Fullwidth forms mirror ASCII.
            ascii_mark_kind((u - 0xFEE0) as u8) == TokenKind::Punct
        }
        0x00A1 | 0x00A7 | 0x00AB | 0x00B6 | 0x00B7 | 0x00BB | 0x00BF => true,
        0x2010..=0x2027 | 0x2032..=0x205E => true,
        0x3001..=0x3003 | 0x3008..=0x3011 | 0x3014..=0x301F | 0x30FB => true,
        0xFE10..=0xFE19 | 0xFE30..=0xFE4F | 0xFF5F..=0xFF65 => true,
        _ => false,
    }
}

/// The kind of a segment from the Unicode path.
fn classify(piece: &str) -> TokenKind {
    let mut chars = piece.chars();
    let first = chars.next().unwrap_or(' ');
    if first.is_whitespace() {
        return TokenKind::Space;
    }
    if is_cjk(first) {
        return TokenKind::Cjk;
    }
    let mut letter = false;
    for c in piece.chars() {
        if c.is_ascii_digit() || c.is_numeric() {
            return TokenKind::Number;
        }
        letter |= c.is_alphabetic();
    }
    if letter {
        TokenKind::Word
    } else if first.is_ascii() {
        ascii_mark_kind(first as u8)
    } else if is_unicode_punct(first) {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    }
}

/// Line breaks in a white-space segment: LF, CR, CRLF, VT, FF, NEL, LS
/// count one, PS (paragraph separator) two.
fn newlines(s: &str) -> u32 {
    let mut n = 0;
    let mut after_cr = false;
    for c in s.chars() {
        n += match c {
            '\n' if after_cr => 0,
            '\n' | '\r' | '\x0B' | '\x0C' | '\u{85}' | '\u{2028}' => 1,
            '\u{2029}' => 2,
            _ => 0,
        };
        after_cr = c == '\r';
    }
    n
}

fn space_shape(s: &str) -> Shape {
    let n = newlines(s);
    let mut flags = 0;
    if !s.is_ascii() {
        flags |= Shape::NON_ASCII;
    }
    if n >= 1 {
        flags |= Shape::NEWLINE;
    }
    if n >= 2 {
        flags |= Shape::BLANK_LINE;
    }
    Shape(flags)
}

/// Per byte: 1 letter, 2 upper case, 4 digit, 8 full stop, 16 not ASCII.
const fn shape_table() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = match b {
            b'A'..=b'Z' => 3,
            b'a'..=b'z' => 1,
            b'0'..=b'9' => 4,
            b'.' => 8,
            0x80.. => 16,
            _ => 0,
        };
        i += 1;
    }
    t
}

static SHAPE: [u8; 256] = shape_table();

/// Shape of a non-space token.
fn shape_of(s: &str) -> Shape {
    let b = s.as_bytes();
    let mut letters = 0u32;
    let mut upper = 0u32;
    let mut seen = 0u8;
    for &c in b {
        let t = SHAPE[c as usize];
        letters += u32::from(t & 1);
        upper += u32::from((t >> 1) & 1);
        seen |= t;
    }
    if seen & 16 != 0 {
        return shape_of_unicode(s);
    }
    let mut flags = 0u8;
    if seen & 4 != 0 {
        flags |= Shape::DIGITS;
    }
    if seen & 8 != 0 {
        flags |= Shape::HAS_DOT;
    }
    let first_upper = b.first().is_some_and(u8::is_ascii_uppercase);
    let second_upper = b.get(1).is_some_and(u8::is_ascii_uppercase);
    if first_upper && !second_upper {
        flags |= Shape::TITLE;
    }
    if letters >= 2 && upper == letters {
        flags |= Shape::ALL_CAPS;
    }
    Shape(flags)
}

fn shape_of_unicode(s: &str) -> Shape {
    let mut flags = Shape::NON_ASCII;
    let mut letters = 0u32;
    let mut upper = 0u32;
    for c in s.chars() {
        if c.is_alphabetic() {
            letters += 1;
            upper += u32::from(c.is_uppercase());
        } else if c.is_ascii_digit() {
            flags |= Shape::DIGITS;
        } else if c == '.' {
            flags |= Shape::HAS_DOT;
        }
    }
    let mut it = s.chars();
    let first_upper = it.next().is_some_and(char::is_uppercase);
    let second_upper = it.next().is_some_and(char::is_uppercase);
    if first_upper && !second_upper {
        flags |= Shape::TITLE;
    }
    if letters >= 2 && upper == letters {
        flags |= Shape::ALL_CAPS;
    }
    Shape(flags)
}

/// Three-letter currency codes that are written glued to a figure
/// (`RMB43bn`); split off so the numbers stage sees code and figure.
const CURRENCY_CODES: &[&[u8]] = &[
    b"RMB", b"CNY", b"USD", b"EUR", b"GBP", b"JPY", b"HKD", b"AUD", b"CAD", b"CHF", b"INR", b"KRW",
    b"SGD", b"BRL", b"RUB", b"MXN", b"ZAR", b"TWD", b"NTD", b"SEK", b"NOK", b"DKK", b"THB", b"MYR",
    b"IDR", b"VND", b"PHP", b"TRY", b"SAR", b"AED",
];

/// Builds tokens from raw UAX #29 segments, joining and splitting where a
/// reader sees something else than the word-boundary rules do. Every rule
/// looks only at the tail of the output, so there is no second pass.
/// `SPLIT` says whether sentences are split on the way (`sentences` is
/// then `Some`): known at compile time, the test is gone from every push.
struct Builder<'a, const SPLIT: bool> {
    text: &'a str,
    out: Vec<Token>,
    /// Sentences, when they are split as the tokens come.
    sentences: Option<&'a mut Vec<Span>>,
    /// First token not yet split into sentences.
    done: usize,
}

impl<const SPLIT: bool> Builder<'_, SPLIT> {
    #[inline]
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        self.push_shaped(start, end, kind, None);
    }

    /// Pushes a token; `shape` when the segmenter already knows it.
    #[inline(always)]
    fn push_shaped(&mut self, start: usize, end: usize, kind: TokenKind, shape: Option<Shape>) {
        let shape = shape.unwrap_or_else(|| shape_of(&self.text[start..end]));
        if let (true, Some(sents)) = (SPLIT, self.sentences.as_deref_mut()) {
            // A paragraph is complete once a token follows its blank line:
            // no join reaches back past a space token. Split it now, while
            // its tokens are still in cache.
            if self
                .out
                .last()
                .is_some_and(|t| t.shape.has(Shape::BLANK_LINE))
            {
                split_into(self.text, &self.out[self.done..], sents);
                self.done = self.out.len();
            }
        }
        self.out.push(Token {
            start: start as u32,
            end: end as u32,
            kind,
            shape,
        });
    }
}

impl<const SPLIT: bool> Sink for Builder<'_, SPLIT> {
    /// Inlined at every call site of the segmenter, where `seg`'s variant
    /// is known.
    #[inline(always)]
    fn seg(&mut self, start: usize, end: usize, seg: Seg) {
        let mut known = None;
        let kind = match seg {
            Seg::Word {
                shape,
                letter,
                digits_only,
            } => {
                if digits_only {
                    // What `number` would find of it, without the scan.
                    self.figure(start, end, true, Some(shape));
                    return;
                }
                known = Some(shape);
                if shape.has(Shape::DIGITS) {
                    TokenKind::Number
                } else if letter {
                    TokenKind::Word
                } else {
                    // Only connectors (`__`).
                    TokenKind::Punct
                }
            }
            Seg::Space(n) => {
                self.ascii_space(start, end, n);
                return;
            }
            Seg::Wide(fast) => {
                // As `classify` and `shape_of` would have it: one non-ASCII
                // character that is no letter, digit or upper case.
                known = Some(Shape(Shape::NON_ASCII));
                match fast {
                    Fast::MidWord | Fast::Punct => TokenKind::Punct,
                    Fast::Currency => TokenKind::Symbol,
                    Fast::Han => TokenKind::Cjk,
                }
            }
            Seg::Mark => {
                let b = self.text.as_bytes()[start];
                known = Some(Shape(if b == b'.' { Shape::HAS_DOT } else { 0 }));
                ascii_mark_kind(b)
            }
            Seg::Unknown => classify(&self.text[start..end]),
        };
        match kind {
            TokenKind::Space if matches!(seg, Seg::Unknown) => {
                // UAX #29 (WB4) glues stray combining marks to the space
                // before them; they are not white space, so they get a
                // token of their own.
                let s = &self.text[start..end];
                let ws = s.find(|c: char| !c.is_whitespace()).unwrap_or(s.len());
                self.space(start, start + ws);
                if ws < s.len() {
                    self.push(start + ws, end, TokenKind::Symbol);
                }
            }
            TokenKind::Space => self.space(start, end),
            TokenKind::Word => self.word(start, end, known),
            TokenKind::Number => self.number(start, end, known),
            _ => self.push_shaped(start, end, kind, known),
        }
    }

    /// Every word segment leaves a token that is no space last (a word,
    /// a figure, a symbol or a connector), so this space joins no run:
    /// it is pushed without the look back of [`Builder::add_space`].
    #[inline(always)]
    fn space_after_word(&mut self, at: usize) {
        debug_assert!(self.out.last().is_some_and(|t| t.kind != TokenKind::Space));
        self.out.push(Token {
            start: at as u32,
            end: at as u32 + 1,
            kind: TokenKind::Space,
            shape: Shape(0),
        });
    }
}

impl<const SPLIT: bool> Builder<'_, SPLIT> {
    /// White space from the ASCII path, its line breaks already counted.
    #[inline]
    fn ascii_space(&mut self, start: usize, end: usize, newlines: u8) {
        let shape = Shape(match newlines {
            0 => 0,
            1 => Shape::NEWLINE,
            _ => Shape::NEWLINE | Shape::BLANK_LINE,
        });
        self.add_space(start, end, shape);
    }

    fn space(&mut self, start: usize, end: usize) {
        let shape = space_shape(&self.text[start..end]);
        self.add_space(start, end, shape);
    }

    #[inline]
    fn add_space(&mut self, start: usize, end: usize, shape: Shape) {
        if let Some(last) = self.out.last_mut() {
            if last.kind == TokenKind::Space {
                // Runs of white space are one token; two line breaks in the
                // run make a blank line.
                let mut flags = last.shape.0 | shape.0;
                if last.shape.has(Shape::NEWLINE) && shape.has(Shape::NEWLINE) {
                    flags |= Shape::BLANK_LINE;
                }
                last.end = end as u32;
                last.shape = Shape(flags);
                return;
            }
        }
        self.out.push(Token {
            start: start as u32,
            end: end as u32,
            kind: TokenKind::Space,
            shape,
        });
    }

    /// The token before last and the last token, when the last is a glue
    /// character (`-`, `&`, U+2010, U+2011) right after a word.
    #[inline(always)]
    fn glued_word(&self) -> Option<(usize, &str)> {
        let [.., w, g] = self.out.as_slice() else {
            return None;
        };
        if !matches!(g.kind, TokenKind::Punct | TokenKind::Symbol)
            || g.len() > 3
            || w.kind != TokenKind::Word
        {
            return None;
        }
        let glue = &self.text.as_bytes()[g.start()..g.end()];
        matches!(glue, b"-" | b"&" | b"\xE2\x80\x90" | b"\xE2\x80\x91")
            .then(|| (self.out.len() - 2, g.text(self.text)))
    }

    fn join_to(&mut self, at: usize, end: usize) {
        self.out.truncate(at + 1);
        let w = &mut self.out[at];
        w.end = end as u32;
        w.shape = shape_of(w.text(self.text));
    }

    #[inline]
    fn word(&mut self, start: usize, end: usize, shape: Option<Shape>) {
        // `year-on-year`, `AT&T`, `R&D`: inner hyphens and ampersands.
        if let Some((at, _)) = self.glued_word() {
            self.join_to(at, end);
            return;
        }
        self.push_shaped(start, end, TokenKind::Word, shape);
    }

    fn number(&mut self, start: usize, end: usize, shape: Option<Shape>) {
        let b = &self.text.as_bytes()[start..end];
        match b[0] {
            b'0'..=b'9' => {
                // The figure: digits with inner `,` `.` `'` `;` between digits.
                let mut p = 1;
                let mut separated = false;
                while p < b.len() {
                    if b[p].is_ascii_digit() {
                        p += 1;
                    } else if matches!(b[p], b',' | b'.' | b'\'' | b';')
                        && b.get(p + 1).is_some_and(u8::is_ascii_digit)
                    {
                        p += 2;
                        separated = true;
                    } else {
                        break;
                    }
                }
                let rest = &b[p..];
                let split = p < b.len()
                    && b[p].is_ascii_alphabetic()
                    && !rest.iter().any(u8::is_ascii_digit)
                    && !self.text[start + p..end].chars().any(char::is_numeric)
                    && !is_ordinal(&b[..p], rest);
                if split {
                    // `3.2bn`, `10x`, `5G`: the figure and its suffix.
                    self.figure(start, start + p, !separated, None);
                    self.word(start + p, end, None);
                } else {
                    self.figure(start, end, p == b.len() && !separated, shape);
                }
            }
            b'A'..=b'Z' => {
                let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
                if letters == 3
                    && b.get(3).is_some_and(u8::is_ascii_digit)
                    && CURRENCY_CODES.contains(&&b[..3])
                {
                    // `RMB43bn`: code, then the figure.
                    self.word(start, start + 3, None);
                    self.number(start + 3, end, None);
                } else {
                    self.push_shaped(start, end, TokenKind::Number, shape);
                }
            }
            _ => self.push_shaped(start, end, TokenKind::Number, shape),
        }
    }

    /// A figure that starts with a digit; `digits_only` when it is nothing
    /// but digits (no separator, no suffix), as [`Builder::number`] found.
    #[inline]
    fn figure(&mut self, start: usize, end: usize, digits_only: bool, shape: Option<Shape>) {
        let n = self.out.len();
        let last = self.out.last();
        if n >= 2 && last.is_some_and(|t| t.len() == 1 && self.text.as_bytes()[t.start()] == b'$') {
            // `US$100`, `HK$`, `NT$`: the currency prefix is one symbol.
            let w = self.out[n - 2];
            let wt = w.text(self.text).as_bytes();
            if w.kind == TokenKind::Word && wt.len() <= 3 && wt.iter().all(u8::is_ascii_uppercase) {
                self.out.truncate(n - 1);
                let last = &mut self.out[n - 2];
                last.end += 1;
                last.kind = TokenKind::Symbol;
                last.shape = shape_of(last.text(self.text));
            }
        } else if digits_only {
            // `COVID-19`, `G-20`, `F-35`: a name, not a figure.
            if let Some((at, "-")) = self.glued_word() {
                let w = self.out[at];
                if w.shape.has(Shape::ALL_CAPS) || w.len() == 1 && w.shape.has(Shape::TITLE) {
                    self.join_to(at, end);
                    return;
                }
            }
        }
        self.push_shaped(start, end, TokenKind::Number, shape);
    }
}

fn is_ordinal(digits: &[u8], suffix: &[u8]) -> bool {
    digits.iter().all(u8::is_ascii_digit)
        && suffix.len() == 2
        && matches!(
            [
                suffix[0].to_ascii_lowercase(),
                suffix[1].to_ascii_lowercase()
            ],
            [b's', b't'] | [b'n', b'd'] | [b'r', b'd'] | [b't', b'h']
        )
}

/// Splits `text` into tokens by Unicode word boundaries (UAX #29), then
/// keeps together and apart what a reader of business text sees as one:
///
/// - figures stay whole (`1,233,000`, `45.47`, `1st`, `Q3`, `H1`); a
///   figure's suffix is its own word (`3.2bn` is `3.2`, `bn`), a currency
///   prefix is one symbol (`US$`), a glued code is split off (`RMB43`);
///   signs, `%`, dashes stay separate so `10%-15%` is five joinable parts;
/// - words keep inner hyphens, ampersands, apostrophes and full stops
///   (`year-on-year`, `AT&T`, `Zhejiang's`, `U.S`, `COVID-19`);
/// - runs of white space are one token, flagged [`Shape::NEWLINE`] or
///   [`Shape::BLANK_LINE`];
/// - each Han character is a [`TokenKind::Cjk`] token, so `43亿元` is
///   `43`, `亿`, `元`.
///
/// Every byte of the text belongs to exactly one token, in order. Tokens
/// are spans into `text` (nothing is copied), in one `Vec`.
///
/// ```
/// let text = "up 49.9% year-on-year, €3.2bn";
/// let words: Vec<&str> = crosscheck_text::tokenize(text)
///     .iter()
///     .map(|t| t.text(text))
///     .collect();
/// assert_eq!(words, ["up", " ", "49.9", "%", " ", "year-on-year", ",", " ", "€", "3.2", "bn"]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    build(text, true, &mut out);
    out
}

/// [`tokenize`] into a vector the caller keeps, cleared first: across many
/// documents the same memory serves every call, so there is no allocation
/// at all once it is large enough.
///
/// ```
/// let mut tokens = Vec::new();
/// for doc in ["Exports rose 5%.", "Imports fell."] {
///     crosscheck_text::tokenize_into(doc, &mut tokens);
///     assert_eq!(tokens, crosscheck_text::tokenize(doc));
/// }
/// ```
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    build(text, true, out);
}

/// [`tokenize`], with the ASCII fast path switched on or off (for tests and
/// benchmarks: both must give the same tokens).
#[doc(hidden)]
pub fn tokenize_with(text: &str, fast: bool) -> Vec<Token> {
    let mut out = Vec::new();
    build(text, fast, &mut out);
    out
}

/// Tokens and sentences in one pass: each paragraph is split into
/// sentences as soon as its tokens are made, while they are still in cache.
/// The same as [`tokenize`] then [`sentences`](crate::sentences), faster
/// on large texts. Both vectors are cleared first and their memory reused.
///
/// ```
/// let text = "Exports rose 5%. Imports fell.\n\nNext paragraph";
/// let (mut tokens, mut sents) = (Vec::new(), Vec::new());
/// crosscheck_text::tokenize_and_split_into(text, &mut tokens, &mut sents);
/// assert_eq!(tokens, crosscheck_text::tokenize(text));
/// assert_eq!(sents, crosscheck_text::sentences(text, &tokens));
/// assert_eq!(sents.len(), 3);
/// ```
pub fn tokenize_and_split_into(text: &str, tokens: &mut Vec<Token>, sentences: &mut Vec<Span>) {
    sentences.clear();
    let rest = build_with(text, true, tokens, Some(sentences));
    split_into(text, &tokens[rest..], sentences);
}

fn build(text: &str, fast: bool, out: &mut Vec<Token>) {
    build_with(text, fast, out, None);
}

/// Tokenizes into `out`; with `sentences`, splits finished paragraphs on
/// the way and returns the index of the first token left to split.
fn build_with(
    text: &str,
    fast: bool,
    out: &mut Vec<Token>,
    sentences: Option<&mut Vec<Span>>,
) -> usize {
    // Offsets are stored as u32 (see `Token`); the builder casts freely
    // after this one check.
    offset(text.len());
    out.clear();
    // English news makes a token of every two and a half to three bytes
    // (spaces and punctuation included): half the text's length is one
    // reservation that almost never regrows, where a third regrew for half
    // the documents (and the doubling then held more than half would).
    out.reserve(text.len() / 2 + 8);
    let tokens = std::mem::take(out);
    let done;
    (*out, done) = match sentences {
        Some(sentences) => run(
            Builder::<true> {
                text,
                out: tokens,
                sentences: Some(sentences),
                done: 0,
            },
            fast,
        ),
        None => run(
            Builder::<false> {
                text,
                out: tokens,
                sentences: None,
                done: 0,
            },
            fast,
        ),
    };
    done
}

/// Feeds `b` every segment of its text; its tokens, and the first token
/// not yet split into sentences.
fn run<const SPLIT: bool>(mut b: Builder<'_, SPLIT>, fast: bool) -> (Vec<Token>, usize) {
    segments(b.text, fast, &mut b);
    (b.out, b.done)
}
