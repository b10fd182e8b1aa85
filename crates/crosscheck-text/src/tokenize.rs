use crate::Span;
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

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
    /// Symbols: `%`, `$`, `€`, `+`.
    Symbol,
    /// White space, line breaks included.
    Space,
    /// One Han, Hiragana, Katakana or Hangul character.
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
    /// First letter upper case, the rest lower case: `Geely`.
    pub const TITLE: u8 = 1;
    /// Every letter upper case, at least two letters: `ASEAN`.
    pub const ALL_CAPS: u8 = 2;
    /// Holds at least one digit.
    pub const DIGITS: u8 = 4;
    /// Holds a full stop: `Co.`, `U.S`, `1.5`.
    pub const HAS_DOT: u8 = 8;
    /// Holds a character outside ASCII.
    pub const NON_ASCII: u8 = 16;
    /// Holds a line break (space tokens only).
    pub const NEWLINE: u8 = 32;
    /// Holds two or more line breaks (space tokens only): a paragraph break.
    pub const BLANK_LINE: u8 = 64;

    /// True when every flag in `flags` is set.
    pub fn has(&self, flags: u8) -> bool {
        self.0 & flags == flags
    }
}

/// One token: a span of the text, its kind and its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Token {
    /// Where the token is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// Shape features.
    pub shape: Shape,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.text(text)
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xAC00..=0xD7AF | 0x20000..=0x2FA1F)
}

fn classify(piece: &str) -> TokenKind {
    let first = piece.chars().next().unwrap_or(' ');
    if first.is_whitespace() {
        TokenKind::Space
    } else if is_cjk(first) {
        TokenKind::Cjk
    } else if piece.chars().any(|c| c.is_ascii_digit() || c.is_numeric()) {
        TokenKind::Number
    } else if piece.chars().any(|c| c.is_alphabetic()) {
        TokenKind::Word
    } else if first.is_ascii_punctuation() && !"$%+<=>^`|~#&*@\\".contains(first)
        || matches!(
            first,
            '“' | '”'
                | '‘'
                | '’'
                | '—'
                | '–'
                | '…'
                | '«'
                | '»'
                | '·'
                | '、'
                | '。'
                | '，'
                | '；'
                | '：'
                | '（'
                | '）'
        )
    {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    }
}

fn shape_of(piece: &str) -> Shape {
    let mut flags = 0u8;
    let mut letters = 0;
    let mut upper = 0;
    let mut first_upper = false;
    let mut newlines = 0;
    for (i, c) in piece.chars().enumerate() {
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
                if i == 0 {
                    first_upper = true;
                }
            }
        }
        if c.is_ascii_digit() {
            flags |= Shape::DIGITS;
        }
        if c == '.' {
            flags |= Shape::HAS_DOT;
        }
        if !c.is_ascii() {
            flags |= Shape::NON_ASCII;
        }
        if c == '\n' {
            newlines += 1;
        }
    }
    if first_upper && upper == 1 && letters > 1 || first_upper && letters == 1 {
        flags |= Shape::TITLE;
    }
    if letters >= 2 && upper == letters {
        flags |= Shape::ALL_CAPS;
    }
    if newlines >= 1 {
        flags |= Shape::NEWLINE;
    }
    if newlines >= 2 {
        flags |= Shape::BLANK_LINE;
    }
    Shape(flags)
}

/// Splits `text` into tokens by Unicode word boundaries (UAX #29), keeping
/// figures such as `1,233,000` or `77.5` whole.
///
/// Every byte of the text belongs to exactly one token, in order.
///
/// ```
/// let text = "up 49.9% year-on-year";
/// let words: Vec<&str> = crosscheck_text::tokenize(text)
///     .iter()
///     .map(|t| t.text(text))
///     .collect();
/// assert_eq!(words, ["up", " ", "49.9", "%", " ", "year-on-year"]);
/// ```
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 4);
    for (start, piece) in text.split_word_bound_indices() {
        let end = start + piece.len();
        let kind = classify(piece);
        // Join what UAX #29 splits but a reader sees as one word:
        // `year-on-year`, `AT&T`.
        if let Some(last) = tokens.last_mut() {
            let joinable = |k: TokenKind| matches!(k, TokenKind::Word | TokenKind::Number);
            if last.span.end == start && joinable(last.kind) && joinable(kind) {
                last.span.end = end;
                if kind == TokenKind::Number {
                    last.kind = TokenKind::Number;
                }
                continue;
            }
            if last.span.end == start && kind == TokenKind::Space && last.kind == TokenKind::Space {
                last.span.end = end;
                continue;
            }
        }
        tokens.push(Token {
            span: Span::new(start, end),
            kind,
            shape: Shape(0),
        });
    }
    // Inner hyphens and ampersands between word characters stay inside words.
    let mut merged: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if let (Some(prev), Some(next)) = (merged.last_mut(), tokens.get(i + 1)) {
            let glue = &text[t.span.range()];
            if (glue == "-" || glue == "&")
                && prev.kind == TokenKind::Word
                && next.kind == TokenKind::Word
                && prev.span.end == t.span.start
                && next.span.start == t.span.end
            {
                prev.span.end = next.span.end;
                i += 2;
                continue;
            }
        }
        merged.push(t);
        i += 1;
    }
    for t in &mut merged {
        t.shape = shape_of(&text[t.span.range()]);
    }
    merged
}
