//! From candidates to final spans: one decision per stretch of text.
//!
//! Recognisers propose freely and may overlap one another; this module picks
//! the spans FORMAT.md promises (sorted, non-overlapping, on whole characters)
//! and converts byte offsets to code point offsets.
//!
//! Priority, highest first (documented in the README too):
//! 1. the editor's lexicon (`Source::User`) over everything built in;
//! 2. a higher `score` (recognisers score full grammar matches and gazetteer
//!    hits above guesses from capitalisation);
//! 3. the longer span ("take the longest name", ANNOTATION.md);
//! 4. the earlier span; then date over place over actor, so that the result
//!    never depends on the order in which recognisers ran.

use crate::span::{Candidate, Kind, Span};
use std::borrow::Cow;

/// Picks non-overlapping candidates by priority and returns them as spans in
/// code point offsets, sorted by start. Candidates that are empty, reversed or
/// not on character boundaries are dropped.
pub fn resolve(text: &str, cands: Vec<Candidate>) -> Vec<Span> {
    resolve_inner(text, cands, None)
}

/// As [`resolve`], also listing each span's byte offsets in `bytes` (in
/// the spans' order): the verifier reads the text around spans in bytes,
/// which this pass has, and counting code points back to them cost as much
/// as the verifier's features.
pub(crate) fn resolve_with_bytes(
    text: &str,
    cands: Vec<Candidate>,
    bytes: &mut Vec<(usize, usize)>,
) -> Vec<Span> {
    resolve_inner(text, cands, Some(bytes))
}

fn resolve_inner(
    text: &str,
    mut cands: Vec<Candidate>,
    mut bytes: Option<&mut Vec<(usize, usize)>>,
) -> Vec<Span> {
    // The priority order, as sort keys with the candidate's index last (ties
    // keep the recognisers' order, as a stable sort would): sorting these
    // small keys moves no candidate and its value.
    // First word: source, score, length (longest first); second: start,
    // then kind. A length is below 2^54 bytes on any machine there is.
    const LEN_BITS: u32 = 54;
    const LEN_MAX: u64 = (1 << LEN_BITS) - 1;
    let mut order: Vec<(u64, u64, usize)> = Vec::with_capacity(cands.len());
    for (i, c) in cands.iter().enumerate() {
        if c.start < c.end
            && c.end <= text.len()
            && text.is_char_boundary(c.start)
            && text.is_char_boundary(c.end)
        {
            let len = (c.end - c.start) as u64;
            let first = (u64::from(2 - c.source as u8) << 62)
                | (u64::from(255 - c.score) << LEN_BITS)
                | (LEN_MAX - len.min(LEN_MAX));
            let second = ((c.start as u64) << 2) | u64::from(kind_rank(c.kind));
            order.push((first, second, i));
        }
    }
    order.sort_unstable();
    // The bytes already taken, one bit each: a candidate clashes when any
    // byte of it is taken (a 10 MB text proposes hundreds of thousands).
    let mut taken = Taken::new(text.len());
    let mut kept: Vec<usize> = Vec::with_capacity(order.len());
    for &(_, _, i) in &order {
        let (start, end) = (cands[i].start, cands[i].end);
        if !taken.any(start, end) {
            taken.set(start, end);
            kept.push(i);
        }
    }
    kept.sort_unstable_by_key(|&i| cands[i].start);
    // Code point offsets in one forward count: kept spans are sorted and
    // do not overlap.
    let mut byte = 0usize;
    let mut chars = 0usize;
    let mut to_chars = |off: usize| {
        chars += count_chars(&text.as_bytes()[byte..off]);
        byte = off;
        chars
    };
    let mut spans = Vec::with_capacity(kept.len());
    if let Some(b) = bytes.as_deref_mut() {
        b.clear();
        b.reserve(kept.len());
    }
    for i in kept {
        let c = &mut cands[i];
        if let Some(b) = bytes.as_deref_mut() {
            b.push((c.start, c.end));
        }
        let start = to_chars(c.start);
        let end = to_chars(c.end);
        spans.push(Span {
            start,
            end,
            kind: c.kind,
            text: text[c.start..c.end].to_string(),
            value: c.value.take(),
            source: Some(Cow::Borrowed(c.source.as_str())),
        });
    }
    spans
}

/// The chars of UTF-8 bytes: the bytes but continuation bytes (`10xxxxxx`),
/// eight at a time (the gaps between spans are short, where the standard
/// library's count goes byte by byte).
fn count_chars(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0usize;
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        // Bit 7 of each byte: set for a continuation byte (bit 6 clear).
        let cont = (v & !(v << 1) & HIGH) >> 7;
        n += 8 - (cont.wrapping_mul(ONES) >> 56) as usize;
    }
    n + chunks
        .remainder()
        .iter()
        .filter(|&&b| (b as i8) >= -0x40)
        .count()
}

/// One bit per byte of the text: which bytes accepted spans cover.
struct Taken(Vec<u64>);

impl Taken {
    fn new(len: usize) -> Taken {
        Taken(vec![0; len / 64 + 1])
    }

    /// The mask of bits `from..to` (`to` ≤ 64) of a word.
    fn mask(from: usize, to: usize) -> u64 {
        let high = if to >= 64 { u64::MAX } else { (1u64 << to) - 1 };
        high & !((1u64 << from) - 1)
    }

    /// Calls `f` on each word index and mask covering bytes `start..end`.
    fn words(start: usize, end: usize, mut f: impl FnMut(usize, u64) -> bool) -> bool {
        let (mut w, last) = (start / 64, (end - 1) / 64);
        let mut from = start % 64;
        while w <= last {
            let to = if w == last { (end - 1) % 64 + 1 } else { 64 };
            if f(w, Taken::mask(from, to)) {
                return true;
            }
            from = 0;
            w += 1;
        }
        false
    }

    fn any(&self, start: usize, end: usize) -> bool {
        Taken::words(start, end, |w, m| self.0[w] & m != 0)
    }

    fn set(&mut self, start: usize, end: usize) {
        Taken::words(start, end, |w, m| {
            self.0[w] |= m;
            false
        });
    }
}

fn kind_rank(k: Kind) -> u8 {
    match k {
        Kind::Date => 0,
        Kind::Place => 1,
        Kind::Actor => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Source;

    #[test]
    fn longest_and_highest_win_and_offsets_are_code_points() {
        let text = "😀 armée syrienne";
        let s = text.find("armée").unwrap();
        let cands = vec![
            Candidate::new(s, text.len(), Kind::Actor, Source::Rule, 80),
            Candidate::new(s, s + "armée".len(), Kind::Actor, Source::Rule, 80),
            Candidate::new(
                s + "armée ".len(),
                text.len(),
                Kind::Place,
                Source::Rule,
                10,
            ),
            Candidate::new(1, 3, Kind::Place, Source::Rule, 10), // inside the emoji: dropped
        ];
        let spans = resolve(text, cands);
        assert_eq!(spans.len(), 1);
        assert_eq!((spans[0].start, spans[0].end), (2, 16));
        assert_eq!(spans[0].text, "armée syrienne");
    }

    #[test]
    fn chars_are_counted_as_the_standard_library_does() {
        let text = "a😀 armée ñ x\u{301}y 東京 abcdefghijklmnopqrstuvwxyzé€😀😀😀 end";
        for s in 0..=text.len() {
            for e in s..=text.len() {
                if let Some(t) = text.get(s..e) {
                    assert_eq!(count_chars(t.as_bytes()), t.chars().count(), "{t:?}");
                }
            }
        }
    }

    #[test]
    fn user_source_beats_everything() {
        let text = "Phase finale";
        let cands = vec![
            Candidate::new(0, text.len(), Kind::Place, Source::Lexicon, 100),
            Candidate::new(0, 5, Kind::Actor, Source::User, 1),
        ];
        let spans = resolve(text, cands);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].kind, Kind::Actor);
    }
}
