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
    // The candidates by start; a stretch of them overlapping one another
    // (a cluster) is decided alone: a candidate clashes only with the
    // candidates it overlaps, all in its cluster, so greedy choice by
    // priority within each cluster is the greedy choice over the whole
    // text. Most clusters are one candidate, kept with no sort by priority.
    let mut by_start: Vec<(usize, usize)> = Vec::with_capacity(cands.len());
    for (i, c) in cands.iter().enumerate() {
        if c.start < c.end
            && c.end <= text.len()
            && text.is_char_boundary(c.start)
            && text.is_char_boundary(c.end)
        {
            by_start.push((c.start, i));
        }
    }
    by_start.sort_unstable();
    // The bytes already taken, one bit each: a candidate clashes when any
    // byte of it is taken (a 10 MB text proposes hundreds of thousands).
    let mut taken = Taken::new(text.len());
    let mut kept: Vec<usize> = Vec::with_capacity(by_start.len());
    let mut order: Vec<(u64, u64, usize)> = Vec::new();
    let mut k = 0;
    while k < by_start.len() {
        let mut end = cands[by_start[k].1].end;
        let mut j = k + 1;
        while j < by_start.len() && by_start[j].0 < end {
            end = end.max(cands[by_start[j].1].end);
            j += 1;
        }
        if j == k + 1 {
            kept.push(by_start[k].1);
        } else {
            order.clear();
            order.extend(by_start[k..j].iter().map(|&(_, i)| priority(&cands[i], i)));
            order.sort_unstable();
            let from = kept.len();
            for &(_, _, i) in &order {
                let (start, end) = (cands[i].start, cands[i].end);
                if !taken.any(start, end) {
                    taken.set(start, end);
                    kept.push(i);
                }
            }
            kept[from..].sort_unstable_by_key(|&i| cands[i].start);
        }
        k = j;
    }
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

/// The priority order of candidate `i`, as sort keys with its index last
/// (ties keep the recognisers' order, as a stable sort would): sorting these
/// small keys moves no candidate and its value. First word: source, score,
/// length (longest first); second: start, then kind. A length is below
/// 2^54 bytes on any machine there is.
fn priority(c: &Candidate, i: usize) -> (u64, u64, usize) {
    const LEN_BITS: u32 = 54;
    const LEN_MAX: u64 = (1 << LEN_BITS) - 1;
    let len = (c.end - c.start) as u64;
    let first = (u64::from(2 - c.source as u8) << 62)
        | (u64::from(255 - c.score) << LEN_BITS)
        | (LEN_MAX - len.min(LEN_MAX));
    let second = ((c.start as u64) << 2) | u64::from(kind_rank(c.kind));
    (first, second, i)
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

    /// Deciding cluster by cluster keeps what one greedy pass over every
    /// candidate in priority order keeps, on random overlapping candidates.
    #[test]
    fn clusters_decide_as_one_greedy_pass_does() {
        let text = "ab cd ef gh ij kl mn op qr st uv wx yz ".repeat(3);
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for _ in 0..500 {
            let n = next(40) as usize;
            let cands: Vec<Candidate> = (0..n)
                .map(|_| {
                    let s = next(text.len() as u64) as usize;
                    let e = (s + next(12) as usize).min(text.len() + 1);
                    let kind = [Kind::Date, Kind::Place, Kind::Actor][next(3) as usize];
                    let source = [Source::Rule, Source::Lexicon, Source::User][next(3) as usize];
                    Candidate::new(s, e, kind, source, next(4) as u8 * 30)
                })
                .collect();
            let mut order: Vec<_> = cands
                .iter()
                .enumerate()
                .filter(|(_, c)| c.start < c.end && c.end <= text.len())
                .map(|(i, c)| priority(c, i))
                .collect();
            order.sort_unstable();
            let mut used = vec![false; text.len()];
            let mut want: Vec<(usize, usize, Kind)> = Vec::new();
            for &(_, _, i) in &order {
                let c = &cands[i];
                if !used[c.start..c.end].iter().any(|&u| u) {
                    used[c.start..c.end].iter_mut().for_each(|u| *u = true);
                    want.push((c.start, c.end, c.kind));
                }
            }
            want.sort_unstable_by_key(|w| w.0);
            let got: Vec<_> = resolve(&text, cands)
                .into_iter()
                .map(|s| (s.start, s.end, s.kind))
                .collect();
            assert_eq!(got, want);
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
