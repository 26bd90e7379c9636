//! A memo of the gazetteer walk over a name's first word: where in the name
//! fst the folded word leads (or that it leads nowhere).
//!
//! Why: the name recogniser asks for the longest name at most capitalised
//! words, and German capitalises every noun, so the same words ("Regierung",
//! "Präsident") are walked again and again, one fst node per byte. The walk
//! over the first word depends on nothing but that word, so its end state is
//! kept, per thread (no lock), in a bounded map that is emptied when full.
//! The fst the states belong to is part of the memo: another fst empties it.

use super::short_key::{KeyMap, ShortKey};
use std::cell::RefCell;

/// The walk's state after a first word (see `walk::KeyWalk`).
#[derive(Clone, Copy)]
pub struct Start {
    pub addr: usize,
    pub out: u64,
    pub prev: char,
    pub word: [u8; 4],
    pub word_len: usize,
}

/// At most this many words are kept (a few hundred kilobytes).
const CAPACITY: usize = 1 << 14;

struct Memo {
    /// The fst's bytes (address, length) the states are of.
    fst: (usize, usize),
    starts: KeyMap<Option<Start>>,
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo {
        fst: (0, 0),
        starts: KeyMap::default(),
    });
}

/// The state after `word` in the fst whose bytes are `fst`, walked by `walk`
/// when not known yet.
pub fn start(fst: &[u8], word: &str, walk: impl FnOnce() -> Option<Start>) -> Option<Start> {
    // A word too long for a key is walked every time.
    let Some(key) = ShortKey::new(word) else {
        return walk();
    };
    let id = (fst.as_ptr() as usize, fst.len());
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        if memo.fst != id {
            memo.starts.clear();
            memo.fst = id;
        }
        if let Some(&known) = memo.starts.get(&key) {
            return known;
        }
        let state = walk();
        if memo.starts.len() >= CAPACITY {
            memo.starts.clear();
        }
        memo.starts.insert(key, state);
        state
    })
}
