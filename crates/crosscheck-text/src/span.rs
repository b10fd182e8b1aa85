use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Makes a span; `start` must not be after `end`.
    ///
    /// ```
    /// let s = crosscheck_text::Span::new(2, 5);
    /// assert_eq!(s.len(), 3);
    /// ```
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span as a range, for slicing.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// The text under the span.
    ///
    /// ```
    /// let s = crosscheck_text::Span::new(0, 5);
    /// assert_eq!(s.text("Geely said"), "Geely");
    /// ```
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range()]
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies wholly inside `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}
