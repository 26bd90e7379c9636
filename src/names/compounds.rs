//! Names inside longer words: where a language writes its compounds with a
//! hyphen ("EU-Kommission", "US-Präsident", "Nokia-Werk"), the name before the
//! hyphen is part of a word, no actor or place of its own (ANNOTATION.md:
//! names inside longer words are no spans). Read only where the locale says
//! its compounds are written so ([`super::Cues::hyphen_compounds`]).

use crate::span::{Candidate, Kind};

/// Drops the actor and place candidates that a hyphen glues to the word after
/// them ("EU-Budget", "SPD-Führung"), when `cues` says the language writes
/// compounds so. A candidate that spans the whole hyphenated word
/// ("Baden-Württemberg", "Hamburg-Mannheimer") stays.
pub fn drop_compound_heads(text: &str, cues: &super::Cues, cands: &mut Vec<Candidate>) {
    if !cues.hyphen_compounds {
        return;
    }
    cands.retain(|c| !(matches!(c.kind, Kind::Actor | Kind::Place) && glued_to_next(text, c.end)));
}

/// A hyphen right at `end`, then a letter: `end` closes the first part of a
/// compound.
fn glued_to_next(text: &str, end: usize) -> bool {
    let mut rest = text.get(end..).unwrap_or("").chars();
    rest.next() == Some('-') && rest.next().is_some_and(char::is_alphabetic)
}
