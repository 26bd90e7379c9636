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
use crate::text::byte_to_char_offsets;
use std::collections::BTreeMap;

/// Picks non-overlapping candidates by priority and returns them as spans in
/// code point offsets, sorted by start. Candidates that are empty, reversed or
/// not on character boundaries are dropped.
pub fn resolve(text: &str, mut cands: Vec<Candidate>) -> Vec<Span> {
    cands.retain(|c| {
        c.start < c.end
            && c.end <= text.len()
            && text.is_char_boundary(c.start)
            && text.is_char_boundary(c.end)
    });
    cands.sort_by(|a, b| {
        b.source
            .cmp(&a.source)
            .then(b.score.cmp(&a.score))
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.start.cmp(&b.start))
            .then(kind_rank(a.kind).cmp(&kind_rank(b.kind)))
    });
    // Accepted intervals by start, for overlap checks in O(log n): a 10 MB
    // text proposes hundreds of thousands of candidates.
    let mut taken: BTreeMap<usize, Candidate> = BTreeMap::new();
    for c in cands {
        let clash_before = taken
            .range(..=c.start)
            .next_back()
            .is_some_and(|(_, t)| t.end > c.start);
        let clash_after = taken.range(c.start..c.end).next().is_some();
        if !clash_before && !clash_after {
            taken.insert(c.start, c);
        }
    }
    let taken: Vec<Candidate> = taken.into_values().collect();
    let mut offsets: Vec<usize> = Vec::with_capacity(taken.len() * 2);
    for c in &taken {
        offsets.push(c.start);
        offsets.push(c.end);
    }
    let mut chars = offsets.clone();
    byte_to_char_offsets(text, &mut chars);
    taken
        .into_iter()
        .enumerate()
        .map(|(i, c)| Span {
            start: chars[2 * i],
            end: chars[2 * i + 1],
            kind: c.kind,
            text: text[c.start..c.end].to_string(),
            value: c.value,
            source: Some(c.source.as_str().to_string()),
        })
        .collect()
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
