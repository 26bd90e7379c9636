//! The longest gazetteer name starting at a token: a walk down the name fst
//! that builds the key of the following tokens one byte at a time.
//!
//! It replays `fold::key_from_words` incrementally (article joining, doubled
//! letters collapsed, apostrophes and dots dropped inside a word) so that a
//! run-time key is byte-identical to the build-time one, without allocating:
//! the walk stops at the first byte the fst does not know, so a miss costs a
//! few node look-ups.

use super::walk_cache::{self, Start};
use crate::text::fold::JOINED_ARTICLES;
use crate::text::{Doc, TokKind};
use fst::raw::{Fst, Node, Output};

/// At most this many word tokens in a name.
pub const MAX_WORDS: usize = 12;

/// The state of the key being built.
struct KeyWalk<'f> {
    fst: &'f Fst<&'static [u8]>,
    node: Node<'f>,
    out: Output,
    /// Last char pushed to the key (for the doubled-letter collapse).
    prev: char,
    /// Words completed so far.
    words: usize,
    /// The current word as folded (only the first 4 bytes are kept: enough
    /// to recognise an article).
    word: [u8; 4],
    word_len: usize,
}

impl<'f> KeyWalk<'f> {
    fn new(fst: &'f Fst<&'static [u8]>) -> Self {
        KeyWalk {
            fst,
            node: fst.root(),
            out: Output::zero(),
            prev: ' ',
            words: 0,
            word: [0; 4],
            word_len: 0,
        }
    }

    fn byte(&mut self, b: u8) -> bool {
        match self.node.find_input(b) {
            Some(i) => {
                let t = self.node.transition(i);
                self.out = self.out.cat(t.out);
                self.node = self.fst.node(t.addr);
                true
            }
            None => false,
        }
    }

    fn push_char(&mut self, c: char) -> bool {
        if c == self.prev && c.is_alphabetic() {
            return true;
        }
        self.prev = c;
        let mut buf = [0u8; 4];
        c.encode_utf8(&mut buf).bytes().all(|b| self.byte(b))
    }

    fn is_article(&self) -> bool {
        self.word_len <= 3
            && JOINED_ARTICLES
                .iter()
                .any(|a| a.as_bytes() == &self.word[..self.word_len])
    }

    /// Starts a new word (after a space or hyphen in the text).
    fn new_word(&mut self) -> bool {
        // As in key_from_words: the word after an article that is not the
        // first word is joined to it; otherwise one space.
        let joined = self.words >= 2 && self.is_article();
        self.words += 1;
        self.word_len = 0;
        if joined {
            true
        } else {
            self.prev = ' ';
            self.byte(b' ')
        }
    }

    /// Appends a token's folded text to the current word.
    fn push_token(&mut self, folded: &str) -> bool {
        if folded.is_ascii() {
            return self.push_ascii(folded.as_bytes());
        }
        for c in folded.chars() {
            if !c.is_alphanumeric() {
                continue;
            }
            let mut buf = [0u8; 4];
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                if self.word_len < self.word.len() {
                    self.word[self.word_len] = b;
                }
                self.word_len += 1;
            }
            if !self.push_char(c) {
                return false;
            }
        }
        true
    }

    /// [`KeyWalk::push_token`] for an ASCII token, byte by byte: the same
    /// steps (letters and digits kept, a doubled letter collapsed), without
    /// decoding chars.
    fn push_ascii(&mut self, folded: &[u8]) -> bool {
        for &b in folded {
            if !b.is_ascii_alphanumeric() {
                continue;
            }
            if self.word_len < self.word.len() {
                self.word[self.word_len] = b;
            }
            self.word_len += 1;
            let c = char::from(b);
            if c == self.prev && b.is_ascii_alphabetic() {
                continue;
            }
            self.prev = c;
            if !self.byte(b) {
                return false;
            }
        }
        true
    }

    /// The state after the first word, for [`walk_cache`].
    fn start(&self) -> Start {
        Start {
            addr: self.node.addr(),
            out: self.out.value(),
            prev: self.prev,
            word: self.word,
            word_len: self.word_len,
        }
    }

    /// Resumes a walk after a first word.
    fn resume(fst: &'f Fst<&'static [u8]>, s: Start) -> Self {
        KeyWalk {
            fst,
            node: fst.node(s.addr),
            out: Output::new(s.out),
            prev: s.prev,
            words: 1,
            word: s.word,
            word_len: s.word_len,
        }
    }

    fn final_value(&self) -> Option<u64> {
        self.node
            .is_final()
            .then(|| self.out.cat(self.node.final_output()).value())
    }
}

/// How a word token is joined to the previous one.
enum Gap {
    /// Same word: only `'` or `.` between them, no space ("Qa'im", "U.S").
    SameWord,
    /// A new word: spaces and/or one hyphen, apostrophe or dot.
    NewWord,
}

/// Looks at the tokens after `prev` (the last token of the name so far) and
/// returns the next word token and how it joins, or `None` when the name
/// cannot go on (other punctuation, a line break, the end of the text).
fn next_word(doc: &Doc, prev: usize) -> Option<(usize, Gap)> {
    let mut t = prev + 1;
    let mut space = false;
    let mut hyphen = false;
    let mut seps = 0;
    loop {
        let tok = doc.tokens.get(t)?;
        if tok.line_start {
            return None;
        }
        space |= tok.space_before;
        if tok.kind != TokKind::Punct {
            let gap = if seps > 0 && !space && !hyphen {
                Gap::SameWord
            } else {
                Gap::NewWord
            };
            return Some((t, gap));
        }
        match doc.norm(t) {
            "-" => hyphen = true,
            "'" | "." => {}
            _ => return None,
        }
        seps += 1;
        if seps > 2 {
            return None;
        }
        t += 1;
    }
}

/// The longest name starting at `start`: (one past its last token, fst value).
pub fn longest(fst: &Fst<&'static [u8]>, doc: &Doc, start: usize) -> Option<(usize, u64)> {
    let tok = doc.tokens.get(start)?;
    if tok.kind == TokKind::Punct {
        return None;
    }
    let first = doc.norm(start);
    let state = walk_cache::start(fst.as_bytes(), first, || {
        let mut walk = KeyWalk::new(fst);
        walk.words = 1;
        walk.push_token(first).then(|| walk.start())
    })?;
    let mut walk = KeyWalk::resume(fst, state);
    let mut best = None;
    let mut t = start;
    let mut word_tokens = 1;
    loop {
        if let Some(v) = walk.final_value() {
            best = Some((t + 1, v));
        }
        let Some((next, gap)) = next_word(doc, t) else {
            break;
        };
        word_tokens += 1;
        if word_tokens > MAX_WORDS {
            break;
        }
        let ok = match gap {
            Gap::SameWord => true,
            Gap::NewWord => walk.new_word(),
        };
        if !ok || !walk.push_token(doc.norm(next)) {
            break;
        }
        t = next;
    }
    best
}
