//! The one hasher of the crate's word tables: every map and set keyed by our
//! own words (framing words, date words, function words, the editor's name
//! skeletons) hashes with it.
//!
//! Why one: three hashers (this one, and an FNV-1a in the date words and in
//! the editor's lexicon) did the same job; the multiply-rotate one is the
//! fastest of them on short keys, and a single one keeps the tables' cost in
//! one place. It lives in `text/` because every recogniser sits above it.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A fast hasher for short keys we own (folded words): the multiply-rotate
/// scheme of rustc's FxHash. Not resistant to chosen collisions, which do
/// not matter for a fixed word list; SipHash cost a fifth of `annotate`.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` keyed by words, with [`WordHasher`].
pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// A `HashSet` of words, with [`WordHasher`].
pub type WordSet<K> = HashSet<K, BuildHasherDefault<WordHasher>>;
