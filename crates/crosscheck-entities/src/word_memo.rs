//! A memo of small values by word, cheaper to ask than a hash map of
//! strings: a word is known by its length and its first and last eight
//! bytes, read as two integers, which for a word of sixteen bytes or fewer
//! (nearly every word) are the whole word. Hashing them is one multiply;
//! comparing them needs no call to `memcmp`; and a short word's bytes are
//! never copied anywhere.

use crate::gazetteer::load8;

/// The words longer than this are compared byte by byte as well (their
/// first and last eight bytes leave a middle unread).
const WHOLE_MAX: usize = 16;

/// Slots a memo has once it holds a word (a power of two).
const SLOTS_MIN: usize = 1024;

/// The length of an empty slot (no word is 4 GiB long).
const EMPTY: u32 = u32::MAX;

/// One slot: the word's length and first and last eight bytes (zero-padded
/// past a shorter word's end; a word of eight bytes or fewer has them the
/// same), where a long word's bytes are kept in [`WordMemo::long`], and the
/// value. An empty slot has the length [`EMPTY`].
#[derive(Debug, Clone, Copy)]
struct Slot<V> {
    head: u64,
    tail: u64,
    len: u32,
    long_at: u32,
    value: V,
}

impl<V: Copy + Default> Slot<V> {
    fn empty() -> Slot<V> {
        Slot {
            head: 0,
            tail: 0,
            len: EMPTY,
            long_at: 0,
            value: V::default(),
        }
    }

    /// A slot for `w` (its long bytes kept elsewhere, from `long_at`).
    fn of(w: &[u8], long_at: u32, value: V) -> Slot<V> {
        let head = load8(w, 0);
        Slot {
            head,
            // A word of eight bytes or fewer (most words) is its own tail:
            // no second load.
            tail: if w.len() <= 8 {
                head
            } else {
                load8(w, w.len() - 8)
            },
            len: w.len() as u32,
            long_at,
            value,
        }
    }

    /// The slot the probe for this word starts at, in a table of `mask + 1`
    /// slots.
    fn home(&self, mask: usize) -> usize {
        let mixed = self.head ^ self.tail.rotate_left(29) ^ u64::from(self.len) << 57;
        // Fibonacci hashing: the top bits of the product depend on every
        // input bit.
        (mixed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask
    }
}

/// A memo of a `V` per word, by open addressing with linear probing. It
/// holds at most a given number of words: a full memo starts afresh.
#[derive(Debug)]
pub(crate) struct WordMemo<V> {
    slots: Vec<Slot<V>>,
    /// The bytes of the words longer than [`WHOLE_MAX`], one after another.
    long: Vec<u8>,
    filled: usize,
    max: usize,
}

impl<V: Copy + Default> WordMemo<V> {
    /// An empty memo of at most `max` words (no memory taken until the
    /// first word).
    pub(crate) fn new(max: usize) -> WordMemo<V> {
        WordMemo {
            slots: Vec::new(),
            long: Vec::new(),
            filled: 0,
            max,
        }
    }

    /// The value kept for `w`, if any.
    #[inline]
    pub(crate) fn get(&self, w: &str) -> Option<V> {
        self.slot_of(w).map(|i| self.slots[i].value)
    }

    /// The index of the slot holding `w`, if any.
    #[inline]
    fn slot_of(&self, w: &str) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let w = w.as_bytes();
        let key = Slot::of(w, 0, V::default());
        let mask = self.slots.len() - 1;
        let mut i = key.home(mask);
        loop {
            let slot = &self.slots[i];
            if slot.len == EMPTY {
                return None;
            }
            if slot.head == key.head
                && slot.tail == key.tail
                && slot.len == key.len
                && (w.len() <= WHOLE_MAX || self.long_word(slot) == w)
            {
                return Some(i);
            }
            i = (i + 1) & mask;
        }
    }

    /// The value kept for `w`, to change, if any.
    pub(crate) fn get_mut(&mut self, w: &str) -> Option<&mut V> {
        let i = self.slot_of(w)?;
        Some(&mut self.slots[i].value)
    }

    /// Keeps `value` for `w`, which the memo does not hold.
    pub(crate) fn insert(&mut self, w: &str, value: V) {
        if self.filled >= self.max {
            self.clear();
        }
        // At most half the slots filled, so that probes stay short.
        if 2 * (self.filled + 1) > self.slots.len() {
            self.grow();
        }
        let w = w.as_bytes();
        let long_at = if w.len() > WHOLE_MAX {
            let at = self.long.len() as u32;
            self.long.extend_from_slice(w);
            at
        } else {
            0
        };
        self.put(Slot::of(w, long_at, value));
        self.filled += 1;
    }

    /// Forgets every word (the slots' memory is kept).
    pub(crate) fn clear(&mut self) {
        self.slots.fill(Slot::empty());
        self.long.clear();
        self.filled = 0;
    }

    /// The bytes of a long word's slot.
    fn long_word(&self, slot: &Slot<V>) -> &[u8] {
        let at = slot.long_at as usize;
        &self.long[at..at + slot.len as usize]
    }

    /// Puts `slot` in the first empty slot of its probe.
    fn put(&mut self, slot: Slot<V>) {
        let mask = self.slots.len() - 1;
        let mut i = slot.home(mask);
        while self.slots[i].len != EMPTY {
            i = (i + 1) & mask;
        }
        self.slots[i] = slot;
    }

    /// Doubles the slots (to [`SLOTS_MIN`] at first), moving every word.
    fn grow(&mut self) {
        let size = (2 * self.slots.len()).max(SLOTS_MIN);
        let old = std::mem::replace(&mut self.slots, vec![Slot::empty(); size]);
        for slot in old.into_iter().filter(|s| s.len != EMPTY) {
            self.put(slot);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_was_kept_and_nothing_else() {
        let mut memo = WordMemo::new(1 << 20);
        let words: Vec<String> = (0..5000)
            .map(|i| match i % 4 {
                0 => format!("W{i}"),
                1 => format!("Word{i}abcdefgh"),
                2 => format!("A much longer word {i} than sixteen bytes"),
                _ => format!("A much longer word {} than sixteen bytes.", i + 1),
            })
            .collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(memo.get(w), None);
            memo.insert(w, i);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(memo.get(w), Some(i), "{w}");
        }
        // Same length, same first and last eight bytes, another middle.
        assert_eq!(memo.get("A much longer word 3 than sixteen bytes"), None);
        assert_eq!(memo.get("A much longer word 2 THAN sixteen bytes"), None);
        assert_eq!(memo.get(""), None);
        memo.insert("", 7);
        assert_eq!(memo.get(""), Some(7));
    }

    #[test]
    fn a_value_changed_in_place_is_found_changed() {
        let mut memo = WordMemo::new(16);
        assert_eq!(memo.get_mut("Qiantang"), None);
        memo.insert("Qiantang", 1);
        memo.insert("A name longer than sixteen bytes", 2);
        *memo.get_mut("Qiantang").unwrap() |= 4;
        *memo.get_mut("A name longer than sixteen bytes").unwrap() |= 8;
        assert_eq!(memo.get("Qiantang"), Some(5));
        assert_eq!(memo.get("A name longer than sixteen bytes"), Some(10));
        assert_eq!(memo.get_mut("qiantang"), None);
    }

    #[test]
    fn a_full_memo_starts_afresh() {
        let mut memo = WordMemo::new(3);
        for (i, w) in ["a", "b", "c", "d"].iter().enumerate() {
            memo.insert(w, i);
        }
        assert_eq!(memo.get("a"), None);
        assert_eq!(memo.get("d"), Some(3));
    }
}
