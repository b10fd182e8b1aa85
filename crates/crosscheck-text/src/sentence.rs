use crate::{Shape, Span, Token, TokenKind};

/// Abbreviations that stand before what they qualify (`Mr. Li`, `No. 3`,
/// `approx. 30`): their full stop never ends a sentence on its own line.
fn is_prefix_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "Prof"
            | "Gen"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Pres"
            | "Rev"
            | "Hon"
            | "Capt"
            | "Col"
            | "Lt"
            | "Sgt"
            | "Adm"
            | "Maj"
            | "Messrs"
            | "Mt"
            | "Ft"
            | "Fig"
            | "Figs"
            | "No"
            | "Nos"
            | "no"
            | "Vol"
            | "vol"
            | "Art"
            | "Sec"
            | "Ch"
            | "pp"
            | "approx"
            | "Approx"
            | "est"
            | "vs"
            | "cf"
            | "e.g"
            | "i.e"
            | "viz"
            | "ca"
    )
}

/// Abbreviations that often close a phrase (`Geely Auto Co.`, `in the
/// U.S.`, `on Jan. 5`): their full stop ends a sentence only when what
/// follows reads as a sentence start.
fn is_suffix_abbreviation(w: &str) -> bool {
    if matches!(
        w,
        "Co" | "Cos"
            | "Ltd"
            | "Inc"
            | "Corp"
            | "Bros"
            | "Jr"
            | "Sr"
            | "St"
            | "Ave"
            | "Rd"
            | "Blvd"
            | "Dept"
            | "Univ"
            | "Assn"
            | "Intl"
            | "Govt"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Mon"
            | "Tue"
            | "Tues"
            | "Wed"
            | "Thu"
            | "Thurs"
            | "Fri"
            | "Sat"
            | "Sun"
            | "etc"
            | "al"
            | "Bhd"
            | "Pty"
            | "Pte"
            | "Plc"
            | "Cie"
            | "Mfg"
    ) {
        return true;
    }
    // Initials and dotted initialisms: `J`, `U.S`, `a.m`, `U.S.A`.
    let b = w.as_bytes();
    if b.len() == 1 {
        return b[0].is_ascii_uppercase();
    }
    b.len() <= 7
        && b.contains(&b'.')
        && b.split(|&c| c == b'.')
            .all(|part| (1..=2).contains(&part.len()) && part.iter().all(u8::is_ascii_alphabetic))
}

/// Words that, capitalised after an abbreviation's full stop, show that a
/// new sentence began: `… at Geely Auto Co. The company said …`.
fn is_sentence_starter(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "It"
            | "Its"
            | "He"
            | "She"
            | "His"
            | "Her"
            | "They"
            | "Their"
            | "We"
            | "Our"
            | "I"
            | "You"
            | "In"
            | "On"
            | "At"
            | "As"
            | "For"
            | "By"
            | "With"
            | "From"
            | "To"
            | "Of"
            | "Under"
            | "Over"
            | "During"
            | "After"
            | "Before"
            | "Since"
            | "Despite"
            | "According"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "If"
            | "When"
            | "While"
            | "Although"
            | "Though"
            | "Because"
            | "However"
            | "Meanwhile"
            | "Moreover"
            | "Furthermore"
            | "Also"
            | "Still"
            | "Now"
            | "Then"
            | "Thus"
            | "Overall"
            | "Both"
            | "Such"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "Each"
            | "Other"
            | "Last"
            | "Next"
            | "Earlier"
            | "Later"
            | "What"
            | "Why"
            | "How"
            | "Who"
            | "Where"
            | "No"
            | "Not"
            | "Shares"
            | "Sales"
            | "Exports"
            | "Imports"
            | "Revenue"
            | "Profit"
    )
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

/// Ends a sentence: `.`, `!`, `?`, their CJK and fullwidth forms, `…`.
fn is_terminal(s: &str) -> bool {
    matches!(
        s,
        "." | "!" | "?" | "。" | "！" | "？" | "｡" | "…" | "‼" | "⁇" | "⁈" | "⁉"
    )
}

fn is_cjk_terminal(s: &str) -> bool {
    matches!(s, "。" | "！" | "？" | "｡")
}

/// Closes a sentence after its terminal: quotes and brackets.
fn is_closer(s: &str) -> bool {
    matches!(
        s,
        "\"" | "'"
            | "”"
            | "’"
            | "»"
            | "›"
            | ")"
            | "]"
            | "}"
            | "」"
            | "』"
            | "）"
            | "】"
            | "》"
            | "〉"
            | "］"
            | "｝"
    )
}

/// Opens a quotation or a bracket: after a full stop it starts a sentence.
fn is_opener(s: &str) -> bool {
    matches!(
        s,
        "\"" | "“" | "‘" | "«" | "(" | "[" | "「" | "『" | "（" | "【" | "《"
    )
}

/// Cheap test for a possible terminal, before any string comparison.
#[inline]
fn maybe_terminal(t: &Token, text: &str) -> bool {
    t.kind == TokenKind::Punct
        && match text.as_bytes()[t.start()] {
            b'.' | b'!' | b'?' => t.len() == 1,
            b if b >= 0x80 => is_terminal(t.text(text)),
            _ => false,
        }
}

/// Splits `text` into sentences from its tokens (no second pass over the
/// bytes).
///
/// A sentence ends at `.`, `!`, `?`, `。`, `！`, `？` or `…`, with the closing
/// quotes and brackets right after it, unless:
/// - what follows on the same line starts lower case or is `,` `;` `:`
///   (`Co. said`, `"Why?" he asked`, `e.g. the`);
/// - the full stop closes an abbreviation that stands before a name or
///   figure (`Mr.`, `No.`, `approx.`, `e.g.`);
/// - it closes an initial, a dotted initialism or a company or month
///   abbreviation (`J.`, `U.S.`, `Co.`, `Jan.`) and the next word is not a
///   usual sentence start (`The`, `It`, `In`, …);
/// - it closes a list number at the start of a line (`1. Exports`).
///
/// A line break ends a sentence too (headlines, captions and list items end
/// without a stop), unless the next line starts lower case or the line ends
/// with `,` `;` `&` `(` or a hyphen (text wrapped by hand); a blank line
/// always does. Decimals never split: `45.47` is one token.
///
/// The spans returned are in order, do not overlap, start and end on tokens
/// and hold every non-space token; white space between sentences belongs to
/// none.
///
/// ```
/// let text = "Geely Auto Co. said exports rose.\nTitle without stop\nNext one.";
/// let tokens = crosscheck_text::tokenize(text);
/// let s: Vec<&str> = crosscheck_text::sentences(text, &tokens)
///     .iter()
///     .map(|s| s.text(text))
///     .collect();
/// assert_eq!(s, ["Geely Auto Co. said exports rose.", "Title without stop", "Next one."]);
/// ```
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::with_capacity(tokens.len() / 40 + 1);
    split_into(text, tokens, &mut out);
    out
}

/// [`sentences`], appending to `out`. `tokens` may be any run of whole
/// paragraphs: one that ends with a blank-line space token (or the text)
/// and starts after one (or at the text's start) splits as it would inside
/// the whole text, since no rule looks across a blank line.
pub(crate) fn split_into(text: &str, tokens: &[Token], out: &mut Vec<Span>) {
    let mut start: Option<usize> = None;
    // Index of the first token of the current sentence.
    let mut first = 0;
    let mut last_end = 0;
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        // Only line breaks and terminals can end a sentence: find the next
        // one with a test per token, then read the tokens before it only
        // at their ends (the first opens a sentence, the last extends it).
        let event = next_event(text, tokens, i);
        let before = &tokens[i..event];
        if start.is_none() {
            if let Some(k) = before.iter().position(|t| t.kind != TokenKind::Space) {
                start = Some(before[k].start());
                first = i + k;
            }
        }
        if let Some(t) = before.iter().rev().find(|t| t.kind != TokenKind::Space) {
            last_end = t.end();
        }
        let Some(t) = tokens.get(event) else { break };
        if t.kind == TokenKind::Space {
            if let Some(st) = start {
                if t.shape.has(Shape::BLANK_LINE) || !line_continues(text, tokens, event) {
                    out.push(Span::new(st, last_end));
                    start = None;
                }
            }
            i = event + 1;
            continue;
        }
        if start.is_none() {
            start = Some(t.start());
            first = event;
        }
        let (j, end, ends) = terminal(text, tokens, event, first);
        last_end = end;
        if ends {
            if let Some(st) = start.take() {
                out.push(Span::new(st, last_end));
            }
        }
        i = j;
    }
    if let Some(st) = start {
        out.push(Span::new(st, last_end));
    }
}

/// The first token at or after `from` that may end a sentence (see
/// [`may_end_sentence`]), or the number of tokens.
///
/// Four tokens a step: nineteen tokens in twenty are words and the spaces
/// between them, which fail the test at its first comparison or two, so
/// the loop's own counting and bound were a third of the cost.
#[inline]
fn next_event(text: &str, tokens: &[Token], from: usize) -> usize {
    let rest = &tokens[from..];
    let mut quads = rest.chunks_exact(4);
    for (k, quad) in quads.by_ref().enumerate() {
        for (p, t) in quad.iter().enumerate() {
            if may_end_sentence(t, text) {
                return from + 4 * k + p;
            }
        }
    }
    let tail = quads.remainder();
    tail.iter()
        .position(|t| may_end_sentence(t, text))
        .map_or(tokens.len(), |p| tokens.len() - tail.len() + p)
}

/// A line break (which may end a sentence) or a possible terminal.
#[inline]
fn may_end_sentence(t: &Token, text: &str) -> bool {
    if t.kind == TokenKind::Space {
        t.shape.has(Shape::NEWLINE)
    } else {
        maybe_terminal(t, text)
    }
}

/// The terminal at `i` of the sentence that began at token `first`, with
/// the terminals and closers glued to it (`?!`, `."`, `.)`): the index
/// just past them, where they end, and whether they end the sentence.
fn terminal(text: &str, tokens: &[Token], i: usize, first: usize) -> (usize, usize, bool) {
    let mut last_end = tokens[i].end();
    let mut j = i + 1;
    while j < tokens.len() && tokens[j].kind != TokenKind::Space && {
        let s = tokens[j].text(text);
        is_terminal(s) || is_closer(s)
    } {
        last_end = tokens[j].end();
        j += 1;
    }
    (j, last_end, ends_sentence(text, tokens, i, j, first))
}

/// Whether the terminal at `i` (with glued closers up to `j`) ends the
/// sentence that began at token `first`.
fn ends_sentence(text: &str, tokens: &[Token], i: usize, j: usize, first: usize) -> bool {
    let t = tokens[i].text(text);
    let mut k = j;
    let mut newline = false;
    while k < tokens.len() && tokens[k].kind == TokenKind::Space {
        newline |= tokens[k].shape.has(Shape::NEWLINE);
        k += 1;
    }
    let Some(next) = tokens.get(k) else {
        return true;
    };
    if is_cjk_terminal(t) {
        return true;
    }
    let nt = next.text(text);
    let c = first_char(nt);
    // Lower case runs on, even past a line break of hand-wrapped text
    // (`e.g.⏎small`); a blank line still ends the sentence.
    if c.is_lowercase() {
        return false;
    }
    if newline {
        return true;
    }
    if matches!(c, ',' | ';' | ':') {
        return false;
    }
    if t == "." && k == i + 1 && c.is_ascii_digit() {
        // `.5%`: a decimal point, not a stop.
        return false;
    }
    if t != "." || j > i + 1 && tokens[i + 1].text(text) == "." {
        // `!`, `?`, an ellipsis: the next capital starts a sentence.
        return true;
    }
    let Some(prev) = i.checked_sub(1).map(|p| &tokens[p]) else {
        return true;
    };
    if prev.kind == TokenKind::Space {
        return true;
    }
    let w = prev.text(text);
    // `1. Exports rose`, `A. Overview`: a list marker opening a line.
    if first == i - 1 && w.len() <= 3 && at_line_start(tokens, first) {
        let marker = prev.kind == TokenKind::Number && w.bytes().all(|b| b.is_ascii_digit())
            || prev.kind == TokenKind::Word && w.len() == 1;
        if marker {
            return false;
        }
    }
    if prev.kind != TokenKind::Word {
        return true;
    }
    if is_prefix_abbreviation(w) {
        return false;
    }
    if is_suffix_abbreviation(w) {
        return is_sentence_starter(nt)
            || is_opener(nt)
                && tokens
                    .get(k + 1)
                    .is_some_and(|u| first_char(u.text(text)).is_uppercase());
    }
    true
}

fn at_line_start(tokens: &[Token], i: usize) -> bool {
    i == 0 || tokens[i - 1].kind == TokenKind::Space && tokens[i - 1].shape.has(Shape::NEWLINE)
}

/// Whether the single line break at space token `i` runs on inside a
/// sentence (hand-wrapped text) rather than ending a headline, caption or
/// list item.
fn line_continues(text: &str, tokens: &[Token], i: usize) -> bool {
    let (Some(prev), Some(next)) = (i.checked_sub(1).map(|p| &tokens[p]), tokens.get(i + 1)) else {
        return false;
    };
    let p = prev.text(text);
    if matches!(p, "," | ";" | "&" | "(" | "-" | "\u{2010}") {
        return true;
    }
    // A table's row ends at its line, whatever the next one opens with
    // (`Sales volume   480,186   506,804⏎ of which: Passenger vehicles`).
    if ends_table_row(text, tokens, i) {
        return false;
    }
    let c = first_char(next.text(text));
    if c.is_lowercase() {
        return true;
    }
    // `… exports reached⏎43 billion yuan`, `… 612 billion yuan⏎(+9.1%)`: a
    // lower-case word, then a figure or a bracket.
    prev.kind == TokenKind::Word && first_char(p).is_lowercase() && (c.is_ascii_digit() || c == '(')
}

/// Whether the line that ends at space token `i` is a table's row: it
/// ends with a figure, and a tab or a run of spaces parts its cells.
fn ends_table_row(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &tokens[p]) else {
        return false;
    };
    if !(prev.kind == TokenKind::Number || prev.text(text) == "%") {
        return false;
    }
    tokens[i.saturating_sub(64)..i]
        .iter()
        .rev()
        .skip(1)
        .take_while(|t| !(t.kind == TokenKind::Space && t.shape.has(Shape::NEWLINE)))
        .any(|t| {
            t.kind == TokenKind::Space && {
                let gap = t.text(text);
                gap.contains('\t') || gap.starts_with("  ")
            }
        })
}

/// Splits `text` into paragraphs: runs of text between blank lines.
///
/// ```
/// let text = "First para.\n\nSecond para.";
/// let tokens = crosscheck_text::tokenize(text);
/// assert_eq!(crosscheck_text::paragraphs(text, &tokens).len(), 2);
/// ```
pub fn paragraphs(text: &str, tokens: &[Token]) -> Vec<Span> {
    let _ = text;
    // Room for a paragraph every eight tokens, more than news has: growing
    // the vector from empty cost as much as finding the paragraphs.
    let mut out = Vec::with_capacity(tokens.len() / 8 + 1);
    // The runs of tokens between blank lines, found with one test a token;
    // each is read only at its ends, from its first non-space token to its
    // last (a run of white space alone is no paragraph).
    // The shape first: most tokens lack the flag, where two in five are
    // white space.
    let blank_line = |t: &Token| t.shape.has(Shape::BLANK_LINE) && t.kind == TokenKind::Space;
    let non_space = |t: &&Token| t.kind != TokenKind::Space;
    for run in tokens.split(blank_line) {
        if let (Some(first), Some(last)) = (run.iter().find(non_space), run.iter().rfind(non_space))
        {
            out.push(Span::new(first.start(), last.end()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;
    use proptest::prelude::*;

    /// Sentences as first split: every token looked at in turn.
    fn split_token_by_token(text: &str, tokens: &[Token]) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut first = 0;
        let mut last_end = 0;
        let mut i = 0;
        while i < tokens.len() {
            let t = &tokens[i];
            if t.kind == TokenKind::Space {
                if let (Some(st), true) = (start, t.shape.has(Shape::NEWLINE)) {
                    if t.shape.has(Shape::BLANK_LINE) || !line_continues(text, tokens, i) {
                        out.push(Span::new(st, last_end));
                        start = None;
                    }
                }
                i += 1;
                continue;
            }
            if start.is_none() {
                (start, first) = (Some(t.start()), i);
            }
            last_end = t.end();
            if !maybe_terminal(t, text) {
                i += 1;
                continue;
            }
            let (j, end, ends) = terminal(text, tokens, i, first);
            last_end = end;
            if let (true, Some(st)) = (ends, start) {
                out.push(Span::new(st, last_end));
                start = None;
            }
            i = j;
        }
        out.extend(start.map(|st| Span::new(st, last_end)));
        out
    }

    /// Paragraphs as the claims stage makes them from sentences: a
    /// sentence opens one when a blank line lies between it and the
    /// sentence before, else it extends the last.
    fn paragraphs_of_sentences(tokens: &[Token], sents: &[Span]) -> Vec<Span> {
        let mut out: Vec<Span> = Vec::new();
        let mut prev_end = 0;
        for s in sents {
            let blank_line = tokens
                .iter()
                .filter(|t| t.start() >= prev_end && t.end() <= s.start)
                .any(|t| t.kind == TokenKind::Space && t.shape.has(Shape::BLANK_LINE));
            match out.last_mut() {
                Some(p) if !blank_line => p.end = s.end,
                _ => out.push(*s),
            }
            prev_end = s.end;
        }
        out
    }

    fn check(text: &str) -> Result<(), TestCaseError> {
        let tokens = tokenize(text);
        let sents = sentences(text, &tokens);
        prop_assert_eq!(&sents, &split_token_by_token(text, &tokens));
        // Every token but white space is in a sentence, and no sentence
        // runs past a blank line: the paragraphs are runs of sentences.
        prop_assert_eq!(
            paragraphs(text, &tokens),
            paragraphs_of_sentences(&tokens, &sents)
        );
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]

        /// Reading only line breaks and terminals splits as reading every
        /// token did.
        #[test]
        fn split_at_events_as_token_by_token(
            text in "([A-Za-z]{1,4}|[a-z]{1,4}|[0-9]{1,3}|Mr|Co|The|U\\.S|e\\.g|[ .,;:!?&%$'\"()\\-]|[ \n\t]{1,3}|[。…“”’])*"
        ) {
            check(&text)?;
        }

        #[test]
        fn split_at_events_as_token_by_token_anywhere(text in any::<String>()) {
            check(&text)?;
        }
    }
}
