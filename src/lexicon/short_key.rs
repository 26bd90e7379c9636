//! The key of the lexicon's per-thread memos ([`super::word_memo`],
//! [`super::walk_cache`]): a short word held inline, with a hasher made for
//! it.
//!
//! Why: the memos are asked at nearly every capitalised word (every German
//! noun), and a key on the heap cost a hash byte by byte, a call to memcmp
//! per look-up and an allocation per new word. A word of up to
//! [`MAX_LEN`] bytes fits in four machine words, hashed and compared in a
//! few instructions; a longer one is not remembered (the caller asks the
//! fst, whose answer is the same).

use std::hash::{BuildHasherDefault, Hash, Hasher};

/// The longest word a key holds, in bytes.
pub const MAX_LEN: usize = 31;

/// A word of at most [`MAX_LEN`] bytes, its length in the last byte.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ShortKey([u64; 4]);

impl ShortKey {
    /// The key of `word`; `None` when it is too long to hold.
    #[inline]
    pub fn new(word: &str) -> Option<ShortKey> {
        let w = word.as_bytes();
        if w.len() > MAX_LEN {
            return None;
        }
        let mut b = [0u8; 32];
        b[..w.len()].copy_from_slice(w);
        b[MAX_LEN] = w.len() as u8;
        let word = |i: usize| {
            let mut x = [0u8; 8];
            x.copy_from_slice(&b[i * 8..i * 8 + 8]);
            u64::from_le_bytes(x)
        };
        Some(ShortKey([word(0), word(1), word(2), word(3)]))
    }
}

impl Hash for ShortKey {
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        let [a, b, c, d] = self.0;
        let folded = a ^ b.rotate_left(19) ^ c.rotate_left(37) ^ d.rotate_left(53);
        state.write_u64(folded);
    }
}

/// The hasher of [`ShortKey`]: one multiply of the folded words, its high
/// bits mixed into the low ones (the table's buckets read the low bits).
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    #[inline]
    fn write_u64(&mut self, x: u64) {
        let h = (self.0 ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = h ^ (h >> 29);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed by [`ShortKey`].
pub type KeyMap<V> = std::collections::HashMap<ShortKey, V, BuildHasherDefault<KeyHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_tell_words_apart() {
        let a = ShortKey::new("regierung");
        assert!(a.is_some() && a == ShortKey::new("regierung"));
        assert!(a != ShortKey::new("regierungs") && a != ShortKey::new("regierun"));
        assert!(ShortKey::new("") != ShortKey::new("\0"));
        assert!(ShortKey::new(&"x".repeat(MAX_LEN)).is_some());
        assert!(ShortKey::new(&"x".repeat(MAX_LEN + 1)).is_none());
    }
}
