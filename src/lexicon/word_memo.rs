//! The answers of the lexicon's word sets and small maps (common words,
//! first names, demonyms), remembered per thread.
//!
//! Why: the recognisers ask "is this a common word / a first name?" of most
//! capitalised words, and German capitalises every noun. An fst membership
//! test walks one node per byte (about a thousand instructions for a German
//! compound), a hash look-up costs a tenth of that; words repeat, so the
//! answers are kept, per thread (no lock), in one bounded table of slots
//! found by a hash of the word and the set: two slots per hash, the newer
//! answer first, an older one pushed out (and asked again if it comes
//! back). No hash map: a look-up is a multiply and two compares. Nothing is
//! built up front: the start-up stays that of the fst (a header check), and
//! the answers are the fst's by construction.

use super::short_key::ShortKey;
use fst::raw::Fst;
use fst::{Map, Set};
use std::cell::RefCell;

/// Slots of the memo, in pairs (a power of two): about 400 KB a thread, of
/// which a text touches a line a word.
const SLOTS: usize = 1 << 13;

/// One remembered answer: the word, the fst (the address of its bytes,
/// with [`KNOWN`] set when the word is in it) and its value there. An empty
/// slot has no fst (address 0).
#[derive(Clone, Copy)]
struct Slot {
    key: ShortKey,
    fst: u64,
    value: u64,
}

/// The bit of [`Slot::fst`] set when the fst has the word: above any
/// address (no fst's bytes live at 2^63).
const KNOWN: u64 = 1 << 63;

thread_local! {
    /// The answers, two slots per hash of (word, fst): the newer first.
    static MEMO: RefCell<Vec<Slot>> = const { RefCell::new(Vec::new()) };
}

/// True when `word` is in `set`, asked of the set only the first time.
pub fn contains(set: &Set<&'static [u8]>, word: &str) -> bool {
    remember(set.as_fst(), word, || set.contains(word).then_some(0)).is_some()
}

/// The value of `word` in `map`, asked of the map only the first time.
pub fn get(map: &Map<&'static [u8]>, word: &str) -> Option<u64> {
    remember(map.as_fst(), word, || map.get(word))
}

/// The answer about `word` in `fst`: `ask` only when the memo does not
/// hold it (the first time, or after two other words of the same pair of
/// slots pushed it out).
#[inline]
fn remember(
    fst: &Fst<&'static [u8]>,
    word: &str,
    ask: impl FnOnce() -> Option<u64>,
) -> Option<u64> {
    // A word too long for a key is asked of the fst every time.
    let Some(key) = ShortKey::new(word) else {
        return ask();
    };
    // The fsts are static data, each its own bytes: the address tells them apart.
    let id = fst.as_bytes().as_ptr() as u64 & !KNOWN;
    let h = (key.folded() ^ id).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    // The top bits of the product pick the pair.
    let pair = (h >> (64 - (SLOTS / 2).trailing_zeros())) as usize * 2;
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        if memo.len() != SLOTS {
            let empty = Slot {
                key,
                fst: 0,
                value: 0,
            };
            memo.resize(SLOTS, empty);
        }
        let Some(ways) = memo.get_mut(pair..pair + 2) else {
            return ask();
        };
        for s in ways.iter() {
            if s.fst & !KNOWN == id && s.key == key {
                return (s.fst & KNOWN != 0).then_some(s.value);
            }
        }
        let answer = ask();
        ways[1] = ways[0];
        ways[0] = Slot {
            key,
            fst: id | if answer.is_some() { KNOWN } else { 0 },
            value: answer.unwrap_or(0),
        };
        answer
    })
}
