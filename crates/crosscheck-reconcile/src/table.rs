//! Claims of many documents held in fixed-size segments, and the view
//! reconciliation reads them through.
//!
//! A run gathers millions of claims one document at a time without knowing
//! how many will come. A single growing vector copies itself as it grows
//! and, at the moment it does, holds the old and the new block at once: a
//! vector of 1.9 million claims (200 MB) peaked at 330 MB that way. Segments
//! of a fixed size are allocated once each and never move.

use crate::Claim;
use rayon::prelude::*;

/// Claims a segment holds (a power of two, so an index splits with a
/// shift and a mask): 6.8 MB of claims.
const SEGMENT_BITS: u32 = 16;
const SEGMENT: usize = 1 << SEGMENT_BITS;

/// An append-only table of claims in segments that never move.
///
/// ```
/// use crosscheck_reconcile::{extract_claims, reconcile_table, ClaimTable, DocView};
/// let texts = ["In 2025, Zhejiang's exports reached 43 billion yuan.",
///              "In 2025, Zhejiang's exports reached 34 billion yuan."];
/// let mut table = ClaimTable::new();
/// for (i, t) in texts.iter().enumerate() {
///     table.extend(extract_claims(&DocView::analyze(i as u32, t)));
/// }
/// assert_eq!(table.len(), 2);
/// let report = reconcile_table(table, &["a.txt".into(), "b.txt".into()]);
/// assert_eq!(report.conflicts.len(), 1);
/// ```
#[derive(Debug, Clone, Default)]
pub struct ClaimTable {
    segments: Vec<Vec<Claim>>,
    len: usize,
}

impl ClaimTable {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many claims it holds.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when it holds none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Adds a claim at the end.
    pub fn push(&mut self, claim: Claim) {
        match self.segments.last_mut() {
            Some(s) if s.len() < SEGMENT => s.push(claim),
            _ => {
                let mut s = Vec::with_capacity(SEGMENT);
                s.push(claim);
                self.segments.push(s);
            }
        }
        self.len += 1;
    }

    /// The claims, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = &Claim> {
        self.segments.iter().flatten()
    }

    pub(crate) fn par_iter_mut(&mut self) -> impl ParallelIterator<Item = &mut Claim> {
        self.segments.par_iter_mut().flat_map(|s| s.par_iter_mut())
    }

    pub(crate) fn view(&self) -> ClaimsView<'_> {
        ClaimsView {
            segments: self.segments.iter().map(Vec::as_slice).collect(),
            len: self.len,
        }
    }
}

impl Extend<Claim> for ClaimTable {
    fn extend<I: IntoIterator<Item = Claim>>(&mut self, claims: I) {
        for c in claims {
            self.push(c);
        }
    }
}

/// Claims read by index, from one slice or from a table's segments: every
/// segment but the last holds exactly [`SEGMENT`] claims.
pub(crate) struct ClaimsView<'a> {
    segments: Vec<&'a [Claim]>,
    len: usize,
}

impl<'a> ClaimsView<'a> {
    /// A slice seen as segments (no copy).
    pub(crate) fn of(claims: &'a [Claim]) -> Self {
        ClaimsView {
            segments: claims.chunks(SEGMENT).collect(),
            len: claims.len(),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The indices of the claims `keep` picks, in order, looked for in
    /// parallel: the checks after grouping each want a few claims out of
    /// millions, and a serial scan of them all was most of their time.
    pub(crate) fn par_positions(&self, keep: impl Fn(&Claim) -> bool + Sync) -> Vec<u32> {
        self.par_picks(|c| keep(c).then_some(()))
            .into_iter()
            .map(|(i, ())| i)
            .collect()
    }

    /// [`ClaimsView::par_positions`] for a check that also wants what it
    /// worked out about each claim it picks: (index, what `pick` said).
    pub(crate) fn par_picks<T: Send>(
        &self,
        pick: impl Fn(&Claim) -> Option<T> + Sync,
    ) -> Vec<(u32, T)> {
        self.segments
            .par_iter()
            .enumerate()
            .flat_map_iter(|(s, claims)| {
                let first = (s << SEGMENT_BITS) as u32;
                let pick = &pick;
                claims
                    .iter()
                    .zip(first..)
                    .filter_map(move |(c, i)| Some((i, pick(c)?)))
            })
            .collect()
    }
}

impl std::ops::Index<usize> for ClaimsView<'_> {
    type Output = Claim;

    #[inline]
    fn index(&self, i: usize) -> &Claim {
        &self.segments[i >> SEGMENT_BITS][i & (SEGMENT - 1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{extract_claims, reconcile, reconcile_table, DocView};

    #[test]
    fn a_table_over_several_segments_reconciles_like_a_slice() {
        let texts = [
            "In 2025, Zhejiang's exports reached 43 billion yuan.",
            "In 2025, Zhejiang's exports reached 34 billion yuan.",
            "Geely sold 1.2 million cars in 2024, up 5% year-on-year.",
        ];
        let mut claims = Vec::new();
        let mut docs = Vec::new();
        // Enough documents that the claims span three segments.
        let mut doc = 0u32;
        while claims.len() < 2 * SEGMENT + 10 {
            let text = texts[doc as usize % texts.len()];
            claims.extend(extract_claims(&DocView::analyze(doc, text)));
            docs.push(format!("{doc}.txt"));
            doc += 1;
        }
        let mut table = ClaimTable::new();
        table.extend(claims.iter().cloned());
        assert_eq!(table.len(), claims.len());
        assert_eq!(table.segments.len(), 3);
        assert!(table.segments[..2].iter().all(|s| s.len() == SEGMENT));
        let view = table.view();
        for i in [0, SEGMENT - 1, SEGMENT, 2 * SEGMENT + 3] {
            assert_eq!(
                (view[i].doc, view[i].start),
                (claims[i].doc, claims[i].start)
            );
        }
        assert_eq!(reconcile_table(table, &docs), reconcile(&claims, &docs));
    }
}
