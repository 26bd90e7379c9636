//! Two fixed halves of every corpus: a "write" half, whose errors rules are
//! written from, and a "check" half, which says whether a rule generalises.
//!
//! Why: a rule read off a corpus's errors always helps that corpus; only text
//! nobody looked at tells whether it helps text in general. The split is by a
//! hash of the document id, so it never moves when documents are added,
//! removed or reordered, and needs no file of its own. The hash is 64-bit
//! FNV-1a over the id's UTF-8 bytes (a numeric id as its JSON text, as the
//! scorer compares ids), mixed by SplitMix64's finaliser (FNV's bits alone
//! follow the ids' last characters, and ids are numbered); an even hash is the
//! write half. It is fixed: changing it would let rules written since see the
//! check half.

use super::{score, GoldDoc, Predictions, Scores};
use depeche::Kind;

/// One half of a corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Half {
    /// Rules are written looking at this half's errors.
    Write,
    /// Held out: a rule that does not help it does not stay.
    Check,
}

impl Half {
    /// Both halves, write first.
    pub const BOTH: [Half; 2] = [Half::Write, Half::Check];

    /// `write` or `check`.
    pub fn as_str(self) -> &'static str {
        match self {
            Half::Write => "write",
            Half::Check => "check",
        }
    }
}

/// The half a document belongs to, from its id alone.
pub fn half_of(id: &str) -> Half {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = id
        .bytes()
        .fold(OFFSET, |h, b| (h ^ u64::from(b)).wrapping_mul(PRIME));
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^= h >> 31;
    if h % 2 == 0 {
        Half::Write
    } else {
        Half::Check
    }
}

/// The scores of one half: how many documents it holds, and their scores.
#[derive(Clone, Debug, PartialEq)]
pub struct HalfScores {
    pub half: Half,
    pub docs: usize,
    pub scores: Scores,
}

/// Scores `preds` on each half of `gold` (write, then check).
pub fn score_halves(gold: &[GoldDoc], preds: &Predictions, kinds: &[Kind]) -> [HalfScores; 2] {
    Half::BOTH.map(|half| score_half(gold, preds, kinds, half))
}

/// Scores `preds` on one half of `gold`: the documents of that half alone,
/// whoever made the predictions (depeche or a peer, on the same documents).
pub fn score_half(gold: &[GoldDoc], preds: &Predictions, kinds: &[Kind], half: Half) -> HalfScores {
    let docs: Vec<GoldDoc> = gold
        .iter()
        .filter(|d| half_of(&d.id) == half)
        .cloned()
        .collect();
    HalfScores {
        half,
        docs: docs.len(),
        scores: score(&docs, preds, kinds),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_split_is_fixed_and_roughly_even() {
        // Pinned: these ids must stay where they are, whatever changes.
        assert_eq!(half_of(""), Half::Check);
        assert_eq!(half_of("a"), Half::Write);
        assert_eq!(half_of("b"), Half::Check);
        assert_eq!(half_of("doc1"), Half::Check);
        assert_eq!(half_of("doc2"), Half::Write);
        let write = (0..1000)
            .filter(|i| half_of(&format!("doc{i}")) == Half::Write)
            .count();
        assert!(
            (400..600).contains(&write),
            "{write} of 1000 in the write half"
        );
    }
}
