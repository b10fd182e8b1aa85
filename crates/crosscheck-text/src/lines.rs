/// Maps byte offsets to 1-based line numbers.
///
/// ```
/// let idx = crosscheck_text::LineIndex::new("a\nb\nc");
/// assert_eq!(idx.line_of(0), 1);
/// assert_eq!(idx.line_of(4), 3);
/// ```
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text` (or of any bytes).
    pub fn new(text: impl AsRef<[u8]>) -> Self {
        let bytes = text.as_ref();
        let mut line_starts = vec![0];
        line_starts.extend(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { line_starts }
    }

    /// The 1-based line that holds byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}
