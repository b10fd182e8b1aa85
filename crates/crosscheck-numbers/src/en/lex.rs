//! Byte-level reading of the text around a figure.
//!
//! The English scanner reads the text's bytes itself rather than the
//! tokenizer's tokens, so that `77.5%`, `$2.5m` or `1 234 567` are read the
//! same however the tokenizer splits them. Every function here looks at a
//! bounded number of bytes and never allocates.

/// The byte at `i`, or 0 past the end.
#[inline]
pub(super) fn at(b: &[u8], i: usize) -> u8 {
    b.get(i).copied().unwrap_or(0)
}

/// High bit set in each byte of `x` that is not an ASCII letter.
#[inline]
fn non_letters(x: u64) -> u64 {
    const HI: u64 = 0x8080_8080_8080_8080;
    // Lower-cased with the high bits dropped, every byte is at most 0x7F,
    // so adding 0x1F or 0x05 never carries into the next byte: the high
    // bit then says `>= b'a'` and `> b'z'`. Bytes over 0x7F are caught by
    // `x` itself.
    let y = (x | 0x2020_2020_2020_2020) & !HI;
    let from_a = y.wrapping_add(0x1F1F_1F1F_1F1F_1F1F);
    let past_z = y.wrapping_add(0x0505_0505_0505_0505);
    (!from_a | past_z | x) & HI
}

/// `to_ascii_lowercase` on each byte of `x`.
#[inline]
fn lower8(x: u64) -> u64 {
    const HI: u64 = 0x8080_8080_8080_8080;
    // As in `non_letters`: with the high bits dropped no addition carries;
    // a byte is upper case when it is `>= b'A'`, not `> b'Z'`, and ASCII.
    let y = x & !HI;
    let from_a = y.wrapping_add(0x3F3F_3F3F_3F3F_3F3F);
    let past_z = y.wrapping_add(0x2525_2525_2525_2525);
    let upper = from_a & !past_z & !x & HI;
    x | (upper >> 2)
}

/// The end of the run of ASCII letters from `p`: eight bytes at a time,
/// since every scan walks the letters of every word.
#[inline]
pub(crate) fn letters_end(b: &[u8], mut p: usize) -> usize {
    while let Some(chunk) = b.get(p..p + 8) {
        let mut x = [0u8; 8];
        x.copy_from_slice(chunk);
        let m = non_letters(u64::from_le_bytes(x));
        if m != 0 {
            return p + (m.trailing_zeros() / 8) as usize;
        }
        p += 8;
    }
    while p < b.len() && b[p].is_ascii_alphabetic() {
        p += 1;
    }
    p
}

/// The start of the run of ASCII letters that ends at `e`, not before `floor`.
#[inline]
pub(crate) fn letters_start(b: &[u8], mut e: usize, floor: usize) -> usize {
    while e >= floor + 8 {
        let mut x = [0u8; 8];
        x.copy_from_slice(&b[e - 8..e]);
        let m = non_letters(u64::from_le_bytes(x));
        if m != 0 {
            return e - (m.leading_zeros() / 8) as usize;
        }
        e -= 8;
    }
    while e > floor && b[e - 1].is_ascii_alphabetic() {
        e -= 1;
    }
    e
}

/// Length of the UTF-8 character whose first byte is `c`.
#[inline]
pub(super) fn char_len(c: u8) -> usize {
    match c {
        0..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xFF => 4,
        _ => 1,
    }
}

/// Length of the space at `p` that may sit inside a figure or between its
/// words: ASCII blanks, no-break space, narrow no-break space, thin and
/// figure space. 0 when there is none.
#[inline]
pub(super) fn space_len(b: &[u8], p: usize) -> usize {
    let c = at(b, p);
    // Most bytes asked about are printable ASCII: one test.
    if c > b' ' && c < 0x80 {
        return 0;
    }
    match c {
        b' ' | b'\t' | b'\r' | b'\n' => 1,
        0xC2 if at(b, p + 1) == 0xA0 => 2,
        0xE2 if at(b, p + 1) == 0x80 && matches!(at(b, p + 2), 0x87 | 0x89 | 0xAF) => 3,
        _ => 0,
    }
}

/// Skips white space forward, crossing at most one line break (a blank line
/// ends any expression).
pub(super) fn skip_space(b: &[u8], mut p: usize) -> usize {
    let mut breaks = 0;
    loop {
        let n = space_len(b, p);
        if n == 0 {
            return p;
        }
        if at(b, p) == b'\n' {
            breaks += 1;
            if breaks > 1 {
                return p;
            }
        }
        p += n;
    }
}

/// What a [`Tok`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum K {
    /// ASCII letters.
    Word,
    /// ASCII digits.
    Digits,
    /// One other character.
    Char,
    /// Nothing more.
    End,
}

/// A piece of text: `[s, e)`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub s: usize,
    pub e: usize,
    pub k: K,
}

impl Tok {
    /// The bytes of the piece.
    #[inline]
    pub fn bytes<'a>(&self, b: &'a [u8]) -> &'a [u8] {
        b.get(self.s..self.e).unwrap_or(&[])
    }

    /// True for a single character equal to `c`.
    #[inline]
    pub fn is(&self, b: &[u8], c: u8) -> bool {
        self.k == K::Char && self.e == self.s + 1 && at(b, self.s) == c
    }

    /// True when this word is `w` (ASCII, case-insensitive).
    #[inline]
    pub fn word(&self, b: &[u8], w: &str) -> bool {
        // The length first: most pieces asked are some other word, told
        // apart before their bytes are sliced.
        self.k == K::Word
            && self.e - self.s == w.len()
            && self.bytes(b).eq_ignore_ascii_case(w.as_bytes())
    }
}

/// The piece that starts at `p` (no space skipped).
pub(super) fn tok_at(b: &[u8], p: usize) -> Tok {
    let c = at(b, p);
    if p >= b.len() {
        return Tok {
            s: p,
            e: p,
            k: K::End,
        };
    }
    if c.is_ascii_alphabetic() {
        let e = letters_end(b, p + 1);
        Tok {
            s: p,
            e,
            k: K::Word,
        }
    } else if c.is_ascii_digit() {
        let mut e = p + 1;
        while at(b, e).is_ascii_digit() {
            e += 1;
        }
        Tok {
            s: p,
            e,
            k: K::Digits,
        }
    } else {
        Tok {
            s: p,
            e: (p + char_len(c)).min(b.len()),
            k: K::Char,
        }
    }
}

/// The next piece after white space from `p`.
#[inline]
pub(super) fn next(b: &[u8], p: usize) -> Tok {
    tok_at(b, skip_space(b, p))
}

/// The piece that ends at `p` after skipping white space backwards, not
/// reaching before `floor`.
pub(super) fn prev(b: &[u8], p: usize, floor: usize) -> Tok {
    let mut q = p.min(b.len());
    loop {
        if q <= floor {
            return Tok {
                s: q,
                e: q,
                k: K::End,
            };
        }
        let c = b[q - 1];
        if matches!(c, b' ' | b'\t' | b'\r' | b'\n') {
            q -= 1;
        } else if c < 0x80 {
            // Any other ASCII byte ends the space (the two below are not ASCII).
            break;
        } else if c == 0xA0 && q >= 2 && b[q - 2] == 0xC2 {
            q -= 2;
        } else if q >= 3 && b[q - 3] == 0xE2 && b[q - 2] == 0x80 && matches!(c, 0x87 | 0x89 | 0xAF)
        {
            q -= 3;
        } else {
            break;
        }
    }
    let e = q;
    let c = b[e - 1];
    if c.is_ascii_alphabetic() {
        let s = letters_start(b, e - 1, floor);
        Tok { s, e, k: K::Word }
    } else if c.is_ascii_digit() {
        let mut s = e - 1;
        while s > floor && b[s - 1].is_ascii_digit() {
            s -= 1;
        }
        Tok { s, e, k: K::Digits }
    } else {
        let mut s = e - 1;
        while s > floor && (b[s] & 0xC0) == 0x80 {
            s -= 1;
        }
        Tok { s, e, k: K::Char }
    }
}

/// Lower-cases an ASCII word into `buf`; empty when too long to be a key.
#[inline]
pub(super) fn lower<'a>(w: &[u8], buf: &'a mut [u8; 24]) -> &'a [u8] {
    let n = w.len();
    if n > buf.len() {
        return &[];
    }
    // Whole words of eight bytes or more in overlapping eight-byte steps,
    // shorter ones in two overlapping four-byte halves: a handful of
    // operations whatever the length, where a byte loop costs one turn a
    // letter (and every word around a figure is lowered).
    if n >= 8 {
        let mut i = 0;
        loop {
            let i8 = i.min(n - 8);
            let mut x = [0u8; 8];
            x.copy_from_slice(&w[i8..i8 + 8]);
            buf[i8..i8 + 8].copy_from_slice(&lower8(u64::from_le_bytes(x)).to_le_bytes());
            if i8 + 8 == n {
                break;
            }
            i += 8;
        }
    } else if n >= 4 {
        let mut x = [0u8; 4];
        x.copy_from_slice(&w[..4]);
        let lo = lower8(u64::from(u32::from_le_bytes(x))) as u32;
        x.copy_from_slice(&w[n - 4..]);
        let hi = lower8(u64::from(u32::from_le_bytes(x))) as u32;
        buf[n - 4..n].copy_from_slice(&hi.to_le_bytes());
        buf[..4].copy_from_slice(&lo.to_le_bytes());
    } else {
        for (d, s) in buf.iter_mut().zip(w) {
            *d = s.to_ascii_lowercase();
        }
    }
    &buf[..n]
}

/// A word of at most 16 bytes, lower-cased, as one number: its bytes
/// little-endian, zeros after (so no two words without a zero byte share a
/// key); 0 for a longer word. The lowering is eight bytes at a time.
#[inline]
pub(crate) fn word_key(w: &[u8]) -> u128 {
    let raw = bytes_key(w);
    // Zero bytes stay zero.
    u128::from(lower8(raw as u64)) | (u128::from(lower8((raw >> 64) as u64)) << 64)
}

/// A word of at most 16 bytes as one number, as written: its bytes
/// little-endian, zeros after; 0 for a longer word. Two loads of four or
/// eight bytes that may overlap (an overlapped byte is the same byte
/// twice), where copying the word into a zeroed buffer is a call to
/// `memcpy` (its length is not known).
#[inline]
pub(super) fn bytes_key(w: &[u8]) -> u128 {
    let n = w.len();
    if n > 16 {
        0
    } else if n >= 8 {
        let mut x = [0u8; 8];
        x.copy_from_slice(&w[..8]);
        let lo = u64::from_le_bytes(x);
        x.copy_from_slice(&w[n - 8..]);
        let hi = u64::from_le_bytes(x);
        u128::from(lo) | (u128::from(hi) << (8 * (n - 8)))
    } else if n >= 4 {
        let mut x = [0u8; 4];
        x.copy_from_slice(&w[..4]);
        let lo = u32::from_le_bytes(x);
        x.copy_from_slice(&w[n - 4..]);
        let hi = u32::from_le_bytes(x);
        u128::from(lo) | (u128::from(hi) << (8 * (n - 4)))
    } else {
        w.iter()
            .enumerate()
            .fold(0, |k, (i, &c)| k | (u128::from(c) << (8 * i)))
    }
}

/// True when the byte before `p` is a letter or digit (so `p` is inside a word).
#[inline]
pub(super) fn glued_before(b: &[u8], p: usize) -> bool {
    p > 0 && b[p - 1].is_ascii_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::{letters_end, letters_start, lower};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn word_keys_are_the_lowered_bytes(w in proptest::collection::vec(prop_oneof![b'A'..=b'Z', b'a'..=b'z', 1u8..=255], 0..20)) {
            let want = if w.len() > 16 {
                0
            } else {
                w.iter()
                    .enumerate()
                    .fold(0u128, |k, (i, c)| k | (u128::from(c.to_ascii_lowercase()) << (8 * i)))
            };
            prop_assert_eq!(super::word_key(&w), want);
            let mut buf = [0u8; 16];
            let raw = if w.len() > 16 {
                0
            } else {
                buf[..w.len()].copy_from_slice(&w);
                u128::from_le_bytes(buf)
            };
            prop_assert_eq!(super::bytes_key(&w), raw);
        }

        /// What `change_and_basis` relies on: a piece read back down to a
        /// floor that it does not touch is the piece read down to 0.
        #[test]
        fn a_piece_clear_of_the_floor_is_read_the_same_without_it(
            b in proptest::collection::vec(prop_oneof![Just(b' '), Just(b'\n'), Just(b'a'), Just(b'Z'), Just(b'7'), Just(b'-'), Just(0xC2), Just(0xA0), Just(0xE2), Just(0x80), Just(0xAF), Just(0xE4)], 0..24),
            p in 0usize..24,
            floor in 0usize..24,
        ) {
            let p = p.min(b.len());
            let floor = floor.min(p);
            let t = super::prev(&b, p, floor);
            if t.k != super::K::End && t.s > floor {
                let u = super::prev(&b, p, 0);
                prop_assert_eq!((t.s, t.e, t.k), (u.s, u.e, u.k));
            }
        }

        #[test]
        fn letter_runs_agree_with_a_byte_walk(
            b in proptest::collection::vec(prop_oneof![b'A'..=b'Z', b'a'..=b'z', any::<u8>()], 0..40),
            p in 0usize..40,
            floor in 0usize..40,
        ) {
            let p = p.min(b.len());
            let mut e = p;
            while e < b.len() && b[e].is_ascii_alphabetic() {
                e += 1;
            }
            prop_assert_eq!(letters_end(&b, p), e);
            let floor = floor.min(p);
            let mut s = p;
            while s > floor && b[s - 1].is_ascii_alphabetic() {
                s -= 1;
            }
            prop_assert_eq!(letters_start(&b, p, floor), s);
        }

        #[test]
        fn lower_agrees_with_to_ascii_lowercase(w in proptest::collection::vec(prop_oneof![b'A'..=b'Z', b'a'..=b'z', any::<u8>()], 0..30)) {
            let mut buf = [0u8; 24];
            let want: Vec<u8> = if w.len() > 24 { Vec::new() } else { w.to_ascii_lowercase() };
            prop_assert_eq!(lower(&w, &mut buf), &want[..]);
        }
    }
}
