//! A hashed copy of one word set of the lexicon (common words, first names),
//! made from its fst on first use.
//!
//! Why: the recognisers ask "is this a common word / a first name?" of most
//! capitalised words, and German capitalises every noun. An fst membership
//! test walks one node per byte (about a thousand instructions for a German
//! compound), a hash look-up costs a tenth of that. The fst stays what is
//! shipped (compact, in the wasm too); the index is built once per process
//! and set from it (a few thousand keys: a few milliseconds at most), so
//! the answers are the fst's by construction.

use crate::text::hash::WordSet;
use fst::raw::{Fst, Node};
use fst::Set;

/// The keys of an fst set, in a hash set.
pub struct WordIndex(WordSet<Box<str>>);

impl WordIndex {
    /// Copies every key of `set`. A key that is not UTF-8 could never equal
    /// a `&str` asked about, so it is left out.
    pub fn build(set: &Set<&'static [u8]>) -> WordIndex {
        let mut words = WordSet::default();
        words.reserve(set.len());
        let fst = set.as_fst();
        let mut key = Vec::new();
        keys(fst, fst.root(), &mut key, &mut |key| {
            if let Ok(word) = std::str::from_utf8(key) {
                words.insert(Box::from(word));
            }
        });
        WordIndex(words)
    }

    /// True when `word` is a key of the set.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

/// Calls `found` with every key below `node` (prefixed by `key`), depth
/// first: a plain walk of the transitions costs a fifth of an fst stream,
/// which is built for automata and ranges. The depth is the longest key's
/// length (a word).
fn keys(
    fst: &Fst<&'static [u8]>,
    node: Node<'_>,
    key: &mut Vec<u8>,
    found: &mut impl FnMut(&[u8]),
) {
    if node.is_final() {
        found(key);
    }
    for t in node.transitions() {
        key.push(t.inp);
        keys(fst, fst.node(t.addr), key, found);
        key.pop();
    }
}
