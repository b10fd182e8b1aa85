//! A small byte lexer for the English time scanner: runs of ASCII letters,
//! runs of ASCII digits, single punctuation. It splits `Q3`, `FY2024`,
//! `Jan-Apr` and `end-November` into their parts whatever the tokenizer
//! makes of them, and it is `Copy`, so lookahead is a copy of the cursor.

/// What a lexeme is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// ASCII letters.
    Word,
    /// ASCII digits.
    Num,
    /// One ASCII punctuation byte.
    Punct(u8),
    /// An en or em dash (`–`, `—`).
    Dash,
    /// Any other character outside ASCII.
    Other,
}

/// One lexeme.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Lex {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// No space between it and the lexeme before.
    pub glued: bool,
}

/// The cursor.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Lexer<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Lexer<'a> {
    /// A cursor at byte `pos` (a character boundary) of `text`.
    pub fn at(text: &'a str, pos: usize) -> Self {
        Lexer {
            bytes: text.as_bytes(),
            pos,
        }
    }
}

impl Lexer<'_> {
    /// Where the next lexeme is looked for: it starts there or later.
    pub fn pos(&self) -> usize {
        self.pos
    }
}

impl Iterator for Lexer<'_> {
    type Item = Lex;

    #[inline]
    fn next(&mut self) -> Option<Lex> {
        let b = self.bytes;
        let mut p = self.pos;
        let mut glued = true;
        while p < b.len() && matches!(b[p], b' ' | b'\t' | b'\r' | b'\n' | b'\x0c') {
            glued = false;
            p += 1;
        }
        if p >= b.len() {
            self.pos = p;
            return None;
        }
        let start = p;
        let c = b[p];
        let kind = if c.is_ascii_alphabetic() {
            p = crate::en::letters_end(b, p);
            Kind::Word
        } else if c.is_ascii_digit() {
            while p < b.len() && b[p].is_ascii_digit() {
                p += 1;
            }
            Kind::Num
        } else if c < 0x80 {
            p += 1;
            Kind::Punct(c)
        } else {
            // One whole character.
            p += 1;
            while p < b.len() && (b[p] & 0xC0) == 0x80 {
                p += 1;
            }
            if c == 0xE2
                && p - start == 3
                && b[start + 1] == 0x80
                && matches!(b[start + 2], 0x93 | 0x94)
            {
                Kind::Dash
            } else if c == 0xC2 && p - start == 2 && b[start + 1] == 0xA0 {
                // A no-break space is space.
                self.pos = p;
                return self.next();
            } else {
                Kind::Other
            }
        };
        let lex = Lex {
            start,
            end: p,
            kind,
            glued: glued && start > 0,
        };
        self.pos = p;
        Some(lex)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_letters_digits_and_dashes() {
        let text = "Q3 FY2024, Jan–Apr\n\nend-November";
        let kinds: Vec<(&str, Kind)> = Lexer::at(text, 0)
            .map(|l| (&text[l.start..l.end], l.kind))
            .collect();
        assert_eq!(kinds[0], ("Q", Kind::Word));
        assert_eq!(kinds[1], ("3", Kind::Num));
        assert_eq!(kinds[4], (",", Kind::Punct(b',')));
        assert_eq!(kinds[6], ("–", Kind::Dash));
        let last = Lexer::at(text, 0).last().unwrap();
        assert_eq!(&text[last.start..last.end], "November");
    }
}
