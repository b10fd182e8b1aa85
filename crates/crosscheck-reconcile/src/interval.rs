//! The values a stated figure allows, and how two such sets compare.
//!
//! A figure stands for every value that would be written the same way:
//! `43 billion` for anything in `[42.5, 43.5]` billion, `over 5 trillion`
//! for `[5, ∞)` trillion, `about 30%` for a few percent either side,
//! `30,000 to 40,000` for the range widened by its rounding. Two figures
//! agree when their intervals meet; they conflict when the gap between them
//! is wider than either's own rounding; in between (a gap no wider than the
//! rounding, e.g. a figure truncated instead of rounded) the pair is only
//! worth a look.

use crosscheck_numbers::Approx;

/// Relative slack of an approximate figure (`about`, `nearly`, `some`).
pub const ABOUT_SLACK: f64 = 0.05;
/// How far past an `over` (or below an `under`) figure its open side
/// reaches, relative to the figure, at the least.
pub const OPEN_SIDE_REACH: f64 = 0.2;
/// Most that trailing zeros may widen a figure, relative to its value:
/// `200 million` is taken as 190–210 million, not 150–250 million.
pub const TRAILING_ZERO_CAP: f64 = 0.05;

/// A closed interval of values; sides may be infinite.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Lowest value allowed.
    pub lo: f64,
    /// Highest value allowed.
    pub hi: f64,
    /// A side was open (`over`, `under`) and stops only where other digits
    /// would have been written: the width is no rounding, and widens no
    /// near miss.
    pub open: bool,
}

/// How two figures compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// Their intervals meet: the same figure, rounded differently.
    Agree,
    /// Apart, but by no more than the rounding of one of them.
    Near,
    /// Apart by more than the rounding of either.
    Differ,
}

/// Half the width implied by trailing zeros of a large whole number:
/// `212,000` → 500, `43e9` → 5e8; capped at [`TRAILING_ZERO_CAP`] of the value.
pub fn trailing_zero_precision(v: f64) -> f64 {
    let a = v.abs();
    if !(1000.0..1e18).contains(&a) || a.fract() != 0.0 {
        return 0.0;
    }
    let mut place = 1.0;
    if a < 9_007_199_254_740_992.0 {
        // Below 2^53 a float quotient by a power of ten is whole exactly when
        // the integer division is (its rounding error stays under the
        // smallest fraction a non-multiple leaves), and integer division is
        // several times cheaper: reconciling asks this of every claim it
        // compares, again and again. Zeros are counted four at a time while
        // they last (a figure in billions, `43e9`, has nine), and the place
        // read from a table of the powers the one-by-one loop reached by
        // multiplying (each exact, so the same numbers).
        const POWERS: [f64; 18] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17,
        ];
        let mut n = a as u64;
        let mut zeros = 0;
        while zeros + 4 < POWERS.len() && n % 10_000 == 0 {
            n /= 10_000;
            zeros += 4;
        }
        while zeros + 1 < POWERS.len() && n % 10 == 0 {
            n /= 10;
            zeros += 1;
        }
        place = POWERS[zeros];
    } else {
        while (a / (place * 10.0)).fract() == 0.0 && place < 1e17 {
            place *= 10.0;
        }
    }
    (place / 2.0).min(a * TRAILING_ZERO_CAP)
}

impl Interval {
    /// The interval a stated figure allows.
    ///
    /// `value` is the point value (None for a closed range), `range` its
    /// range sides, `precision` half the rounding step the numbers stage
    /// read from the digits.
    ///
    /// ```
    /// use crosscheck_reconcile::interval::Interval;
    /// use crosscheck_numbers::Approx;
    /// let i = Interval::of(Some(43e9), None, Some(5e8), Approx::Exact);
    /// assert_eq!((i.lo, i.hi), (42.5e9, 43.5e9));
    /// let over = Interval::of(Some(5e12), Some((Some(5e12), None)), Some(5e11), Approx::Over);
    /// // `over 5 trillion` allows 5.55 trillion, not 50 trillion.
    /// assert!(over.hi > 5.55e12 && over.hi < 5e13);
    /// ```
    pub fn of(
        value: Option<f64>,
        range: Option<(Option<f64>, Option<f64>)>,
        precision: Option<f64>,
        approx: Approx,
    ) -> Interval {
        let p = precision
            .unwrap_or(0.0)
            .abs()
            .max(value.map(trailing_zero_precision).unwrap_or(0.0));
        let (mut lo, mut hi) = match (value, range) {
            (_, Some((lo, hi))) if lo.is_some() || hi.is_some() => (
                lo.or(value).unwrap_or(f64::NEG_INFINITY),
                hi.or(value).unwrap_or(f64::INFINITY),
            ),
            (Some(v), _) => (v, v),
            (None, _) => (f64::NEG_INFINITY, f64::INFINITY),
        };
        // `more than 40.08 million`: whoever writes a figure to four digits
        // knows it to four digits, so its open side stops where other
        // digits would have been written: ten units of the last digit, or
        // a fifth of the figure, whichever is more (`over 5 trillion` still
        // allows 5.55 trillion, `over 2,500` 3,500).
        let reach = value
            .filter(|v| v.is_finite())
            .map(|v| (20.0 * p).max(OPEN_SIDE_REACH * v.abs()));
        match approx {
            Approx::Over => hi = reach.map_or(f64::INFINITY, |r| lo.max(value.unwrap_or(lo)) + r),
            Approx::Under => {
                lo = reach.map_or(f64::NEG_INFINITY, |r| hi.min(value.unwrap_or(hi)) - r)
            }
            Approx::About => {
                let mag = value.unwrap_or_else(|| lo.abs().max(hi.abs())).abs();
                lo -= mag * ABOUT_SLACK;
                hi += mag * ABOUT_SLACK;
            }
            Approx::Exact => {}
        }
        if matches!(approx, Approx::Over) {
            // `over 5 trillion` still excludes values that round below 5 trillion.
            lo -= p;
        } else if matches!(approx, Approx::Under) {
            hi += p;
        } else {
            lo -= p;
            hi += p;
        }
        Interval {
            lo,
            hi,
            open: matches!(approx, Approx::Over | Approx::Under),
        }
    }

    /// A point.
    pub fn point(v: f64) -> Interval {
        Interval {
            lo: v,
            hi: v,
            open: false,
        }
    }

    /// Width, infinite for open intervals.
    pub fn width(&self) -> f64 {
        self.hi - self.lo
    }

    /// True when the two intervals share a value (up to float noise).
    pub fn meets(&self, other: &Interval) -> bool {
        let eps = 1e-9 * (self.mag().max(other.mag()).max(1.0));
        self.lo <= other.hi + eps && other.lo <= self.hi + eps
    }

    /// Distance between the intervals, 0 when they meet.
    pub fn gap(&self, other: &Interval) -> f64 {
        if self.meets(other) {
            0.0
        } else if self.hi < other.lo {
            other.lo - self.hi
        } else {
            self.lo - other.hi
        }
    }

    /// The largest finite magnitude of the ends.
    pub fn mag(&self) -> f64 {
        [self.lo, self.hi]
            .iter()
            .filter(|v| v.is_finite())
            .fold(0.0f64, |m, v| m.max(v.abs()))
    }

    /// Compares two figures: agree, near (a gap within one's rounding), or differ.
    ///
    /// ```
    /// use crosscheck_reconcile::interval::{Interval, Verdict};
    /// use crosscheck_numbers::Approx;
    /// let a = Interval::of(Some(43e9), None, Some(5e8), Approx::Exact);
    /// let b = Interval::of(Some(43.2e9), None, Some(5e7), Approx::Exact);
    /// let c = Interval::of(Some(34e9), None, Some(5e8), Approx::Exact);
    /// assert_eq!(a.compare(&b), Verdict::Agree);
    /// assert_eq!(a.compare(&c), Verdict::Differ);
    /// ```
    pub fn compare(&self, other: &Interval) -> Verdict {
        let gap = self.gap(other);
        if gap == 0.0 {
            return Verdict::Agree;
        }
        let w = |i: &Interval| {
            if i.width().is_finite() && !i.open {
                i.width()
            } else {
                0.0
            }
        };
        // A truncated figure (43.7 written 43) falls short of its rounding
        // interval by less than one unit of its last digit; a gap of a whole
        // unit or more (16 vs 18) no writing of the figure explains.
        let rounding = w(self).max(w(other));
        // Claims keep their rounding as an `f32`: `0.05` stored so is a
        // hair wider, which would make a gap of exactly one unit (`1.2%`
        // vs `1.4%`) look narrower than the rounding. A millionth of the
        // rounding is far above that error and far below any real gap.
        if gap < rounding * (1.0 - 1e-6) {
            Verdict::Near
        } else {
            Verdict::Differ
        }
    }

    /// The relative difference of the two intervals' nearest ends, for explanations.
    pub fn relative_gap(&self, other: &Interval) -> f64 {
        let g = self.gap(other);
        let m = self.mag().max(other.mag());
        if m == 0.0 {
            0.0
        } else {
            g / m
        }
    }

    /// The sum of two intervals.
    pub fn add(&self, other: &Interval) -> Interval {
        Interval {
            lo: self.lo + other.lo,
            hi: self.hi + other.hi,
            open: self.open || other.open,
        }
    }
}

#[cfg(test)]
mod tests {
    /// The float definition the integer path stands in for.
    fn trailing_zero_precision_by_floats(v: f64) -> f64 {
        let a = v.abs();
        if !(1000.0..1e18).contains(&a) || a.fract() != 0.0 {
            return 0.0;
        }
        let mut place = 1.0;
        while (a / (place * 10.0)).fract() == 0.0 && place < 1e17 {
            place *= 10.0;
        }
        (place / 2.0).min(a * super::TRAILING_ZERO_CAP)
    }

    #[test]
    fn trailing_zero_precision_matches_the_float_definition() {
        let mut next = crate::test_rng::xorshift(0x2545_f491_4f6c_dd1d);
        let mut values = vec![
            1000.0,
            212_000.0,
            43e9,
            9_007_199_254_740_990.0,
            9e15,
            1e17,
            5e17,
        ];
        for _ in 0..300_000 {
            let r = next();
            let digits = (r >> 8) % 10_000_000;
            let zeros = (r % 17) as i32;
            values.push(digits as f64 * 10f64.powi(zeros));
            values.push(((r >> 11) % (1 << 53)) as f64);
        }
        for v in values {
            assert_eq!(
                super::trailing_zero_precision(v).to_bits(),
                trailing_zero_precision_by_floats(v).to_bits(),
                "{v}"
            );
        }
    }

    use super::*;

    fn exact(v: f64, p: f64) -> Interval {
        Interval::of(Some(v), None, Some(p), Approx::Exact)
    }

    #[test]
    fn rounding_agrees_within_the_last_digit() {
        assert_eq!(
            exact(43e9, 5e8).compare(&exact(43.2e9, 5e7)),
            Verdict::Agree
        );
        assert_eq!(
            exact(8.6e9, 5e7).compare(&exact(8.63e9, 5e6)),
            Verdict::Agree
        );
        assert_eq!(exact(77.5, 0.05).compare(&exact(77.0, 0.5)), Verdict::Agree);
        assert_eq!(
            exact(8.6e9, 5e7).compare(&exact(8.65e9, 5e6)),
            Verdict::Agree
        );
    }

    #[test]
    fn a_different_figure_differs() {
        assert_eq!(exact(43e9, 5e8).compare(&exact(34e9, 5e8)), Verdict::Differ);
        assert_eq!(
            exact(41.3, 0.05).compare(&exact(43.1, 0.05)),
            Verdict::Differ
        );
        assert_eq!(
            exact(8.6e9, 5e7).compare(&exact(8.9e9, 5e7)),
            Verdict::Differ
        );
        assert_eq!(
            exact(212_000.0, 0.5).compare(&exact(221_000.0, 0.5)),
            Verdict::Differ
        );
    }

    #[test]
    fn a_gap_of_one_whole_unit_differs_at_a_claim_s_precision() {
        // Claims store their rounding as `f32`; read back, `0.05` is a
        // little wider than written.
        let stored = f64::from(0.05f32);
        assert_eq!(
            exact(1.2, stored).compare(&exact(1.4, stored)),
            Verdict::Differ
        );
        assert_eq!(
            exact(1.2, stored).compare(&exact(1.3, stored)),
            Verdict::Agree
        );
    }

    #[test]
    fn a_truncated_figure_is_only_near() {
        // 43.7 written as 43: apart by less than the rounding of `43 billion`.
        assert_eq!(exact(43e9, 5e8).compare(&exact(43.7e9, 5e7)), Verdict::Near);
    }

    #[test]
    fn a_whole_unit_apart_differs() {
        // 16 and 18: 15.5-16.5 and 17.5-18.5, a whole unit apart.
        assert_eq!(exact(16.0, 0.5).compare(&exact(18.0, 0.5)), Verdict::Differ);
    }

    #[test]
    fn trailing_zeros_widen_large_round_numbers() {
        assert_eq!(trailing_zero_precision(212_000.0), 500.0);
        assert_eq!(trailing_zero_precision(43e9), 5e8);
        // Capped: `200 million` is not 150–250 million.
        assert_eq!(trailing_zero_precision(2e8), 1e7);
        assert_eq!(trailing_zero_precision(77.0), 0.0);
        assert_eq!(trailing_zero_precision(1_233_400.0), 50.0);
        assert_eq!(
            exact(212_000.0, 0.5).compare(&exact(212_400.0, 0.5)),
            Verdict::Agree
        );
    }

    #[test]
    fn bounds_are_open_on_one_side() {
        let over = Interval::of(
            Some(5e12),
            Some((Some(5e12), None)),
            Some(5e11),
            Approx::Over,
        );
        assert_eq!(over.compare(&exact(5.55e12, 5e9)), Verdict::Agree);
        assert_eq!(over.compare(&exact(4.1e12, 5e10)), Verdict::Differ);
        let under = Interval::of(Some(5.0), Some((None, Some(5.0))), Some(0.5), Approx::Under);
        assert_eq!(under.compare(&exact(3.2, 0.05)), Verdict::Agree);
        assert_eq!(under.compare(&exact(9.0, 0.5)), Verdict::Differ);
        // A bound given without its range still opens the interval.
        let over2 = Interval::of(Some(33.0), None, Some(0.5), Approx::Over);
        assert_eq!(over2.compare(&exact(33.1, 0.05)), Verdict::Agree);
    }

    #[test]
    fn an_open_side_reaches_as_far_as_the_digits_allow() {
        // `more than 40.08 million` is not 60 million: four digits known.
        let over = Interval::of(Some(40.08e6), None, Some(5e3), Approx::Over);
        assert_eq!(over.compare(&exact(44e6, 5e5)), Verdict::Agree);
        assert_eq!(over.compare(&exact(60.1e6, 5e4)), Verdict::Differ);
        // `over 1 trillion` (one digit) still allows 1.46 trillion.
        let round = Interval::of(Some(1e12), None, None, Approx::Over);
        assert_eq!(round.compare(&exact(1.46e12, 5e9)), Verdict::Agree);
        // The reach is no rounding: a figure below `over 9.3 billion` by
        // more than its own rounding differs, as it did when open.
        let over = Interval::of(Some(9.3e9), None, Some(5e7), Approx::Over);
        assert_eq!(over.compare(&exact(8.1e9, 5e7)), Verdict::Differ);
        let under = Interval::of(Some(9.3e9), None, Some(5e7), Approx::Under);
        assert_eq!(under.compare(&exact(4.0e9, 5e8)), Verdict::Differ);
        assert_eq!(under.compare(&exact(8.0e9, 5e8)), Verdict::Agree);
    }

    #[test]
    fn approximations_allow_a_few_percent() {
        let nearly = Interval::of(Some(58.0), None, Some(0.5), Approx::About);
        assert_eq!(nearly.compare(&exact(57.5, 0.05)), Verdict::Agree);
        let about = Interval::of(Some(30.0), None, Some(0.5), Approx::About);
        assert_eq!(about.compare(&exact(31.0, 0.5)), Verdict::Agree);
        assert_eq!(about.compare(&exact(45.0, 0.5)), Verdict::Differ);
    }

    #[test]
    fn ranges_cover_their_span() {
        let r = Interval::of(
            None,
            Some((Some(30_000.0), Some(40_000.0))),
            Some(0.5),
            Approx::Exact,
        );
        assert_eq!(r.compare(&exact(35_000.0, 0.5)), Verdict::Agree);
        assert_eq!(r.compare(&exact(52_000.0, 0.5)), Verdict::Differ);
        let pct = Interval::of(
            None,
            Some((Some(10.0), Some(15.0))),
            Some(0.5),
            Approx::Exact,
        );
        assert_eq!(pct.compare(&exact(12.0, 0.5)), Verdict::Agree);
    }

    #[test]
    fn scale_words_are_already_normalized() {
        // `RMB 43bn`, `43 billion yuan`, `43亿元`... reach here as values; a
        // billion against a thousand million is the same point.
        assert_eq!(
            exact(43e9, 5e8).compare(&exact(43_000e6, 5e5)),
            Verdict::Agree
        );
        // A scale slip (million for billion) is far beyond any rounding.
        assert_eq!(exact(43e9, 5e8).compare(&exact(43e6, 5e5)), Verdict::Differ);
    }

    #[test]
    fn sums_add_ends() {
        let s = exact(1.178e6, 500.0).add(&exact(242_000.0, 500.0));
        assert!(s.meets(&exact(1.42e6, 5000.0)));
    }
}
