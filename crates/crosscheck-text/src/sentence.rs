use crate::{Shape, Span, Token, TokenKind};

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Co", "Ltd", "Inc", "Corp", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "No", "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "approx", "vs", "etc", "e.g",
    "i.e", "U.S", "U.K", "Gov", "Sen", "Rep", "Gen", "Bros", "Jr", "Sr", "Mt", "Ave",
];

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "。" | "！" | "？" | "…")
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "'" | "”" | "’" | ")" | "]" | "」" | "』" | "）")
}

/// Splits `text` into sentences from its tokens.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets
/// after it) unless the full stop follows an abbreviation or an initial,
/// and at every line break that is followed by an empty line or stands after
/// a line without final punctuation (headlines, captions, list items).
/// The spans returned tile the text: they are in order, do not overlap, and
/// leading white space belongs to no sentence.
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
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let s = t.text(text);
        if t.kind == TokenKind::Space {
            if t.shape.has(Shape::NEWLINE) {
                if let Some(st) = start.take() {
                    out.push(Span::new(st, t.span.start));
                }
            }
            i += 1;
            continue;
        }
        if start.is_none() {
            start = Some(t.span.start);
        }
        if is_terminal(s) {
            let prev = i.checked_sub(1).map(|j| tokens[j]);
            let abbreviation = s == "."
                && prev.is_some_and(|p| {
                    p.span.end == t.span.start && p.kind == TokenKind::Word && {
                        let w = p.text(text);
                        ABBREVIATIONS.contains(&w)
                            || w.chars().count() == 1 && w.chars().all(char::is_uppercase)
                    }
                });
            let mut end = t.span.end;
            let mut j = i + 1;
            while j < tokens.len()
                && (is_terminal(tokens[j].text(text)) || is_closer(tokens[j].text(text)))
            {
                end = tokens[j].span.end;
                j += 1;
            }
            // Continue when what follows starts lower case: "Co. said".
            let next_word = tokens[j..].iter().find(|t| t.kind != TokenKind::Space);
            let continues = next_word.is_some_and(|n| {
                n.text(text)
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || ",;:".contains(c))
            });
            if !(abbreviation && (continues || next_word.is_none_or(|n| n.shape.has(Shape::TITLE))))
            {
                if let Some(st) = start.take() {
                    out.push(Span::new(st, end));
                }
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if let Some(st) = start {
        let end = tokens
            .iter()
            .rev()
            .find(|t| t.kind != TokenKind::Space)
            .map_or(text.len(), |t| t.span.end);
        out.push(Span::new(st, end.max(st)));
    }
    out
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
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    for t in tokens {
        if t.kind == TokenKind::Space {
            if t.shape.has(Shape::BLANK_LINE) {
                if let Some(st) = start.take() {
                    out.push(Span::new(st, last_end));
                }
            }
            continue;
        }
        start.get_or_insert(t.span.start);
        last_end = t.span.end;
    }
    if let Some(st) = start {
        out.push(Span::new(st, last_end));
    }
    out
}
