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
/// sees; this is where their findings meet. O(n log n): the kept spans never
/// overlap, so a new span need only be checked against its neighbours.
fn resolve_overlaps(mut found: Vec<Quantity>) -> Vec<Quantity> {
    found.sort_by(|a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(a.span.start.cmp(&b.span.start))
    });
    // start -> end of each kept span.
    let mut kept_spans: std::collections::BTreeMap<usize, usize> =
        std::collections::BTreeMap::new();
    let mut kept: Vec<Quantity> = Vec::with_capacity(found.len());
    for q in found {
        let s = q.span;
        let overlaps = |(&ks, &ke): (&usize, &usize)| ks < s.end && s.start < ke;
        // An empty span overlaps nothing (as `Span::overlaps` has it).
        let clash = !s.is_empty()
            && (kept_spans
                .range(..=s.start)
                .next_back()
                .is_some_and(overlaps)
                || kept_spans.range(s.start..).next().is_some_and(overlaps));
        if !clash {
            if !s.is_empty() {
                kept_spans.insert(s.start, s.end);
            }
            kept.push(q);
        }
    }
    kept.sort_by_key(|q| q.span.start);
    kept
}
