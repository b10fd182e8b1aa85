use crate::quantity::Quantity;
use crosscheck_text::{tokenize, Token};

/// What the recognizer knows about the document beyond its text.
///
/// # The document's date
///
/// Relative time expressions (`last year`, `this year`, `去年`,
/// `year-to-date`) and periods written without their year (`in November`,
/// `the first half`) are resolved against the document's date. It is
/// [`Context::as_of`] when given (a date known from outside the text, such
/// as a feed's metadata); otherwise the recognizer looks for it in the text
/// and takes the first found of the strongest kind:
///
/// 1. a labelled date opening a line or a by-line field: `Published:
///    2025-12-10`, `Updated on 10 December 2025`, `By Li Wei | Date: …`,
///    `发布时间：2025-12-10`;
/// 2. a date opening a short line (`20 January 2026`,
///    `2026年1月20日  来源：…`), a masthead field (`CITY DAILY | Business |
///    24 November 2025`), or a dateline with its year
///    (`BEIJING, Jan. 14, 2026 (Wire) --`);
/// 3. a dateline without a year (`HANGZHOU, Jan. 14 (Wire) --`,
///    `新华社杭州1月14日电`): its year is the one, of those the text names
///    and the ones after, that puts it after the periods the text reports
///    on and before those it looks ahead to (`expects ... in 2026`,
///    `by 2030`).
///
/// Failing those, [`Context::fallback_as_of`] (`--as-of` on the command
/// line, which a folder of documents shares: each document's own date must
/// win over it, or every undated `in the fourth quarter` of a dozen years
/// of bulletins lands in one year). With no date at all, relative
/// expressions are left out rather than guessed, and a period without its
/// year takes the year named last before it.
///
/// ```
/// use crosscheck_numbers::{Context, QuantityKind, Recognizer};
///
/// let text = "NINGBO, Jan. 14 (Wire) -- Throughput in 2025 hit a record; last year it rose 8%.";
/// let tokens = crosscheck_text::tokenize(text);
/// let found = Recognizer::new(Context::default()).recognize(text, &tokens);
/// let last_year = found.iter().find(|q| &text[q.span.range()] == "last year").unwrap();
/// assert_eq!(last_year.period.unwrap().iso(), "2025");
///
/// // A date given wins over the text's.
/// let given = Recognizer::new(Context { as_of: Some((2024, 6, 30)), ..Context::default() })
///     .recognize(text, &tokens);
/// let last_year = given.iter().find(|q| q.kind == QuantityKind::Date && &text[q.span.range()] == "last year").unwrap();
/// assert_eq!(last_year.period.unwrap().iso(), "2023");
///
/// // A fallback date does not: the dateline's year stands.
/// let fallback = Recognizer::new(Context { fallback_as_of: Some((2024, 6, 30)), ..Context::default() })
///     .recognize(text, &tokens);
/// let last_year = fallback.iter().find(|q| q.kind == QuantityKind::Date && &text[q.span.range()] == "last year").unwrap();
/// assert_eq!(last_year.period.unwrap().iso(), "2025");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    /// The document's date (year, month, day), for `last year`, `this year`;
    /// when `None`, found in the text (see above).
    pub as_of: Option<(i32, u8, u8)>,
    /// The date to use when neither [`Context::as_of`] nor the text gives
    /// one.
    pub fallback_as_of: Option<(i32, u8, u8)>,
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

    /// Finds the quantities in `text`, given its tokens (as
    /// [`crosscheck_text::tokenize`] makes them, which never cut a run of
    /// ASCII letters: the time expressions are looked for only in the tokens
    /// around the places the English scan marks), in text order.
    ///
    /// Quantities do not overlap, with one exception: a mixed number that
    /// ends in `and a(n)` and an ordinal word (`forty two and a third`) is
    /// followed by that word as an ordinal nested in its span, since the
    /// words also read as a number and an ordinal side by side.
    pub fn recognize(&self, text: &str, tokens: &[Token]) -> Vec<Quantity> {
        // The families are independent, but the English figure scanner's
        // pass over the text also finds where time expressions may start
        // (the time scanner's cues), so it runs first. Its list, the
        // longest, is the one the others' are added to.
        let first_wide = crate::zh::next_wide(text.as_bytes(), 0);
        let zh = crate::zh::scan(text, first_wide);
        let (mut found, cues) = crate::en::scan_with_cues(text, zh.len());
        let time = crate::time::scan(text, tokens, &cues, first_wide, &self.context);
        found.reserve(zh.len() + time.len());
        found.extend(zh);
        found.extend(time);
        let mut found = resolve_overlaps(found);
        crate::en::add_and_a_ordinals(text, &mut found);
        crate::zh::annotate(text, first_wide, &mut found);
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

/// Keeps, of quantities that overlap, the longest (the earliest on a tie;
/// on the same span, the family that reported it first), and returns them
/// in text order. Each recognizer family reports what it sees; this is
/// where their findings meet.
///
/// Two quantities clash when they overlap or start at the same byte. The
/// choice among clashing quantities only depends on the quantities they are
/// chained to by clashes, so the list is sorted by start (each family's
/// findings are already in order, so the stable sort only merges runs),
/// cut into such chains in one sweep, and the longest-first choice is made
/// inside each chain alone; almost every chain is a single quantity.
fn resolve_overlaps(mut found: Vec<Quantity>) -> Vec<Quantity> {
    if !found.is_sorted_by_key(|q| q.span.start) {
        found.sort_by_key(|q| q.span.start);
    }
    let mut keep = vec![true; found.len()];
    let mut i = 0;
    while i < found.len() {
        // The chain that starts at `i` ends before `j`.
        let mut j = i + 1;
        let mut end = found[i].span.end;
        while j < found.len()
            && (found[j].span.start < end || found[j].span.start == found[j - 1].span.start)
        {
            end = end.max(found[j].span.end);
            j += 1;
        }
        if j - i > 1 {
            settle_chain(&found[i..j], &mut keep[i..j]);
        }
        i = j;
    }
    let mut keep = keep.into_iter();
    found.retain(|_| keep.next().unwrap_or(false));
    found
}

/// Chooses, in one chain of clashing quantities (in order of start), the
/// ones kept: longest first, then earliest, then first reported, each kept
/// unless it clashes with one kept before it.
fn settle_chain(chain: &[Quantity], keep: &mut [bool]) {
    let clash =
        |a: &Quantity, b: &Quantity| a.span.overlaps(&b.span) || a.span.start == b.span.start;
    let mut order: Vec<usize> = (0..chain.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&chain[a].span, &chain[b].span);
        b.len().cmp(&a.len()).then(a.start.cmp(&b.start))
    });
    let mut chosen: Vec<usize> = Vec::new();
    for i in order {
        if !chosen.iter().any(|&k| clash(&chain[k], &chain[i])) {
            chosen.push(i);
        }
    }
    for (i, k) in keep.iter_mut().enumerate() {
        *k = chosen.contains(&i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::QuantityKind;
    use crosscheck_text::Span;
    use proptest::prelude::*;

    /// The longest-first choice made over the whole list at once, the
    /// straightforward way: what `resolve_overlaps` must agree with.
    fn reference(mut found: Vec<Quantity>) -> Vec<Quantity> {
        found.sort_by(|a, b| {
            b.span
                .len()
                .cmp(&a.span.len())
                .then(a.span.start.cmp(&b.span.start))
        });
        let mut kept: Vec<Quantity> = Vec::new();
        for q in found {
            if !kept
                .iter()
                .any(|k| k.span.overlaps(&q.span) || k.span.start == q.span.start)
            {
                kept.push(q);
            }
        }
        kept.sort_by_key(|q| q.span.start);
        kept
    }

    proptest! {
        #[test]
        fn merge_agrees_with_longest_first(spans in proptest::collection::vec((0usize..60, 0usize..8), 0..40)) {
            // Values number the quantities, so ties between equal spans are told apart.
            let found: Vec<Quantity> = spans
                .iter()
                .enumerate()
                .map(|(i, &(s, l))| Quantity::new(Span::new(s, s + l), QuantityKind::Number, Some(i as f64)))
                .collect();
            // Families report in text order, each on its own: sort three slices.
            let mut families = found.clone();
            let third = families.len() / 3;
            families[..third].sort_by_key(|q| q.span.start);
            families[third..2 * third].sort_by_key(|q| q.span.start);
            families[2 * third..].sort_by_key(|q| q.span.start);
            prop_assert_eq!(resolve_overlaps(families.clone()), reference(families));
        }
    }
}
