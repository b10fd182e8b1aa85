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

/// Up to `max_len - 1` pieces drawn from `pieces` with `next`, joined: a
/// random word (or phrase) to compare a fast path and its definition on.
pub(crate) fn random_text(next: &mut impl FnMut() -> u64, pieces: &[&str], max_len: u64) -> String {
    let len = next() % max_len;
    (0..len)
        .map(|_| pieces[(next() % pieces.len() as u64) as usize])
        .collect()
}
