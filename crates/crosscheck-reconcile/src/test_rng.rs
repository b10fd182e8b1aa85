//! Reproducible pseudo-random numbers for the tests that compare a fast
//! path with the definition it stands in for over many values.

/// Marsaglia's xorshift64 from `seed` (not zero).
pub(crate) fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    }
}
