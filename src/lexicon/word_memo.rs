//! The answers of the lexicon's word sets and small maps (common words,
//! first names, demonyms), remembered per thread.
//!
//! Why: the recognisers ask "is this a common word / a first name?" of most
//! capitalised words, and German capitalises every noun. An fst membership
//! test walks one node per byte (about a thousand instructions for a German
//! compound), a hash look-up costs a tenth of that; words repeat, so the
//! answers are kept, per thread (no lock), in a bounded map per set that is
//! emptied when full. Nothing is built up front: the start-up stays that of
//! the fst (a header check), and the answers are the fst's by construction.

use super::short_key::{KeyMap, ShortKey};
use fst::raw::Fst;
use fst::{Map, Set};
use std::cell::RefCell;

/// At most this many words are kept per set.
const CAPACITY: usize = 1 << 14;

/// The answers about one fst, found by the address and length of its bytes.
type Answers = ((usize, usize), KeyMap<Option<u64>>);

thread_local! {
    /// Per fst: word -> value.
    static MEMO: RefCell<Vec<Answers>> =
        const { RefCell::new(Vec::new()) };
}

/// True when `word` is in `set`, asked of the set only the first time.
pub fn contains(set: &Set<&'static [u8]>, word: &str) -> bool {
    remember(set.as_fst(), word, || set.contains(word).then_some(0)).is_some()
}

/// The value of `word` in `map`, asked of the map only the first time.
pub fn get(map: &Map<&'static [u8]>, word: &str) -> Option<u64> {
    remember(map.as_fst(), word, || map.get(word))
}

/// The answer about `word` in `fst`: `ask` only the first time.
fn remember(
    fst: &Fst<&'static [u8]>,
    word: &str,
    ask: impl FnOnce() -> Option<u64>,
) -> Option<u64> {
    // A word too long for a key is asked of the fst every time.
    let Some(key) = ShortKey::new(word) else {
        return ask();
    };
    let bytes = fst.as_bytes();
    let id = (bytes.as_ptr() as usize, bytes.len());
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        let i = match memo.iter().position(|(s, _)| *s == id) {
            Some(i) => i,
            None => {
                memo.push((id, KeyMap::default()));
                memo.len() - 1
            }
        };
        let words = &mut memo[i].1;
        if let Some(&known) = words.get(&key) {
            return known;
        }
        let answer = ask();
        if words.len() >= CAPACITY {
            words.clear();
        }
        words.insert(key, answer);
        answer
    })
}
