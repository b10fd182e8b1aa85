//! A small deterministic PRNG for the corpus generator.
//!
//! We implement SplitMix64 here rather than depend on `rand`: the corpus
//! must be byte-identical for a given seed across every future build, and
//! `rand`'s `StdRng` explicitly does not promise a stable stream across
//! versions (fastrand has changed its algorithm before too). SplitMix64 is
//! ten lines, passes BigCrush, and its output is fixed by its definition.

/// SplitMix64 (Steele, Lea, Flood 2014).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    #[cfg(test)]
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// A generator for sub-stream `parts` of `seed`, independent of the
    /// order in which other sub-streams are drawn (so document `i` reads
    /// the same whatever the corpus size).
    pub fn derive(seed: u64, parts: &[u64]) -> Self {
        Rng(mix(seed, parts))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`); the tiny modulo bias is irrelevant here.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % ((hi - lo + 1).max(1) as u64)) as i64
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `[lo, hi)`.
    pub fn float(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// One element of a non-empty slice.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// A stable hash of a seed and a path of integers (for values that must be
/// the same in every document that states them).
pub fn mix(seed: u64, parts: &[u64]) -> u64 {
    let mut r = Rng(seed ^ 0x5851_F42D_4C95_7F2D);
    let mut h = r.next_u64();
    for p in parts {
        r = Rng(h ^ p.wrapping_mul(0x2545_F491_4F6C_DD1D));
        h = r.next_u64();
    }
    h
}

/// A stable float in `[0, 1)` from a seed and a path.
pub fn unit_of(seed: u64, parts: &[u64]) -> f64 {
    (mix(seed, parts) >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stream_is_fixed() {
        // Reference values of SplitMix64 from seed 0 (as published).
        let mut r = Rng::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn derive_is_order_free() {
        let a = Rng::derive(7, &[3]).next_u64();
        let _ = Rng::derive(7, &[2]).next_u64();
        assert_eq!(a, Rng::derive(7, &[3]).next_u64());
        assert_ne!(a, Rng::derive(7, &[4]).next_u64());
    }
}
