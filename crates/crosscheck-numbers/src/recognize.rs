use crate::quantity::Quantity;
use crosscheck_text::{tokenize, Token};

/// What the recognizer knows about the document beyond its text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    /// The document's date (year, month, day), for `last year`, `this year`.
    pub as_of: Option<(i32, u8, u8)>,
}

/// A reusable recognizer; cheap to build, safe to share between threads.
#[derive(Debug, Clone, Default)]
pub struct Recognizer {
    context: Context,
}

impl Recognizer {
    /// A recognizer for documents with the given context.
    pub fn new(context: Context) -> Self {
        Recognizer { context }
    }

    /// The context the recognizer resolves relative dates against.
    pub fn context(&self) -> Context {
        self.context
    }

    /// Finds the quantities in `text`, given its tokens.
    pub fn recognize(&self, text: &str, tokens: &[Token]) -> Vec<Quantity> {
        let mut found = crate::en::scan(text, tokens);
        found.extend(crate::zh::scan(text, tokens));
        found.extend(crate::time::scan(text, tokens, &self.context));
        let mut found = resolve_overlaps(found);
        crate::zh::annotate(text, &mut found);
        found
    }
}

/// Finds the quantities in `text` (tokenizing it first).
///
/// ```
/// let q = crosscheck_numbers::recognize("over 2,500 enterprises");
/// assert_eq!(q[0].value, Some(2500.0));
/// ```
pub fn recognize(text: &str) -> Vec<Quantity> {
    let tokens = tokenize(text);
    recognize_tokens(text, &tokens)
}

/// Finds the quantities in `text` from tokens already made.
pub fn recognize_tokens(text: &str, tokens: &[Token]) -> Vec<Quantity> {
    Recognizer::default().recognize(text, tokens)
}

/// Keeps, of quantities that overlap, the longest (the earliest on a tie),
/// and returns them in text order. Each recognizer family reports what it
/// sees; this is where their findings meet.
fn resolve_overlaps(mut found: Vec<Quantity>) -> Vec<Quantity> {
    found.sort_by(|a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(a.span.start.cmp(&b.span.start))
    });
    // Kept spans never overlap, so by start they are also ordered by end:
    // a new span overlaps a kept one only if it overlaps its neighbour on
    // either side. O(n log n) where a scan of all kept spans was O(n²).
    let mut kept: std::collections::BTreeMap<usize, Quantity> = std::collections::BTreeMap::new();
    for q in found {
        let before = kept.range(..=q.span.start).next_back();
        let after = kept.range(q.span.start..).next();
        let clash = before
            .is_some_and(|(_, k)| k.span.overlaps(&q.span) || k.span.start == q.span.start)
            || after.is_some_and(|(_, k)| k.span.overlaps(&q.span) || k.span.start == q.span.start);
        if !clash {
            kept.insert(q.span.start, q);
        }
    }
    kept.into_values().collect()
}
