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
        // Whole machine words where the word has eight bytes, then the rest
        // in two overlapping loads: no call to copy a slice of unknown length.
        let mut k = [0u64; 4];
        let mut chunks = w.chunks_exact(8);
        let mut i = 0;
        for c in &mut chunks {
            k[i] = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            i += 1;
        }
        k[i] = tail(chunks.remainder());
        k[MAX_LEN / 8] |= (w.len() as u64) << (8 * (MAX_LEN % 8));
        Some(ShortKey(k))
    }

    /// The key's four words folded into one (what [`Hash`] writes).
    #[inline]
    pub fn folded(&self) -> u64 {
        let [a, b, c, d] = self.0;
        a ^ b.rotate_left(19) ^ c.rotate_left(37) ^ d.rotate_left(53)
    }
}

/// The bytes of `r` (fewer than eight) as a little-endian word, read in at
/// most two loads that may overlap (their common bytes are the same).
#[inline]
fn tail(r: &[u8]) -> u64 {
    let n = r.len();
    match n {
        4..=7 => {
            let lo = u32::from_le_bytes([r[0], r[1], r[2], r[3]]);
            let hi = u32::from_le_bytes([r[n - 4], r[n - 3], r[n - 2], r[n - 1]]);
            u64::from(lo) | u64::from(hi) << (8 * (n - 4))
        }
        2 | 3 => {
            let lo = u16::from_le_bytes([r[0], r[1]]);
            let hi = u16::from_le_bytes([r[n - 2], r[n - 1]]);
            u64::from(lo) | u64::from(hi) << (8 * (n - 2))
        }
        1 => u64::from(r[0]),
        _ => 0,
    }
}

impl Hash for ShortKey {
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.folded());
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
        // The bytes in order, little-endian, the length in the last byte.
        let k = ShortKey::new("abcdefghij").map(|k| k.0);
        let mut b = [0u8; 32];
        b[..10].copy_from_slice(b"abcdefghij");
        b[MAX_LEN] = 10;
        let word =
            |i: usize| u64::from_le_bytes(b[i * 8..i * 8 + 8].try_into().unwrap_or_default());
        assert_eq!(k, Some([word(0), word(1), word(2), word(3)]));
        for n in 0..=MAX_LEN {
            let w: String = "abcdefghijklmnopqrstuvwxyz01234".chars().take(n).collect();
            let mut b = [0u8; 32];
            b[..n].copy_from_slice(w.as_bytes());
            b[MAX_LEN] = n as u8;
            let word =
                |i: usize| u64::from_le_bytes(b[i * 8..i * 8 + 8].try_into().unwrap_or_default());
            let want = [word(0), word(1), word(2), word(3)];
            assert_eq!(ShortKey::new(&w).map(|k| k.0), Some(want), "{w}");
        }
    }
}
