//! The answers of the lexicon's word sets (common words, first names),
//! remembered per thread.
//!
//! Why: the recognisers ask "is this a common word / a first name?" of most
//! capitalised words, and German capitalises every noun. An fst membership
//! test walks one node per byte (about a thousand instructions for a German
//! compound), a hash look-up costs a tenth of that; words repeat, so the
//! answers are kept, per thread (no lock), in a bounded map per set that is
//! emptied when full. Nothing is built up front: the start-up stays that of
//! the fst (a header check), and the answers are the fst's by construction.

use crate::text::hash::WordMap;
use fst::Set;
use std::cell::RefCell;

/// At most this many words are kept per set.
const CAPACITY: usize = 1 << 14;

thread_local! {
    /// Per set (by the address and length of its bytes): word -> member.
    static MEMO: RefCell<Vec<((usize, usize), WordMap<Box<str>, bool>)>> =
        const { RefCell::new(Vec::new()) };
}

/// True when `word` is in `set`, asked of the set only the first time.
pub fn contains(set: &Set<&'static [u8]>, word: &str) -> bool {
    let bytes = set.as_fst().as_bytes();
    let id = (bytes.as_ptr() as usize, bytes.len());
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        let i = match memo.iter().position(|(s, _)| *s == id) {
            Some(i) => i,
            None => {
                memo.push((id, WordMap::default()));
                memo.len() - 1
            }
        };
        let words = &mut memo[i].1;
        if let Some(&known) = words.get(word) {
            return known;
        }
        let member = set.contains(word);
        if words.len() >= CAPACITY {
            words.clear();
        }
        words.insert(Box::from(word), member);
        member
    })
}
