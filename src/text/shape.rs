//! Token shapes that several recognisers read the same way (a compound
//! joined by hyphens or apostrophes): written once here, below every
//! recogniser, so that none borrows another's helpers.

use super::{Doc, TokKind};

/// One past the last token of the word compound at `t`: words joined by a
/// hyphen or an apostrophe with no space ("Saint-Dizier", "Qa'im"), but not an
/// English possessive ("Bush's").
pub fn compound_end(doc: &Doc, t: usize) -> usize {
    let mut e = t + 1;
    while let (Some(sep), Some(next)) = (doc.tokens.get(e), doc.tokens.get(e + 1)) {
        // Most calls end here, on a word or a spaced punctuation mark,
        // before any folded form is read.
        if sep.kind != TokKind::Punct
            || sep.space_before
            || next.space_before
            || next.kind == TokKind::Punct
        {
            break;
        }
        let hyphen = doc.is_hyphen(e);
        let apostrophe = !hyphen && doc.is_apostrophe(e);
        if !hyphen && !apostrophe {
            break;
        }
        if apostrophe && doc.norm(e + 1) == "s" {
            break;
        }
        e += 2;
    }
    e
}

/// Word tokens in `[t, end)`.
pub fn word_count(doc: &Doc, t: usize, end: usize) -> usize {
    doc.tokens[t..end.min(doc.len())]
        .iter()
        .filter(|x| x.kind == TokKind::Word)
        .count()
}

pub fn last_word(doc: &Doc, t: usize, end: usize) -> Option<usize> {
    (t..end.min(doc.len()))
        .rev()
        .find(|&i| doc.tokens[i].kind == TokKind::Word)
}
