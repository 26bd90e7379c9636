//! Organisations named by a word and a place side by side, without "of",
//! in a language whose data asks for it: an acronym before a place is the
//! organisation's branch there ("COAG Extremadura", "UGT Andalucía": flag
//! [`ACRONYM_PLACE`]), and a [`JUXTAPOSED_HEAD`] before a place is a firm
//! or a medium named after it ("Caja Badajoz", "Radio Extremadura").
//! Without this the gazetteer reads the place alone and the organisation
//! is lost or split in two.

use super::emit::push_actor;
use super::Cues;
use crate::framing::{ACRONYM_PLACE, JUXTAPOSED_HEAD};
use crate::lexicon::{self, Entry};
use crate::span::{ActorType, Candidate};
use crate::text::{Doc, TokKind};

/// The score of such an organisation (that of an institution of a place).
const SCORE: u8 = 70;

/// Looks at the capitalised token `t` (not in a headline when `head` is
/// false) for an acronym or a head right before a place; returns the end of
/// the organisation it proposed.
pub(super) fn at(
    doc: &Doc,
    c: &Cues,
    t: usize,
    head: bool,
    out: &mut Vec<Candidate>,
) -> Option<usize> {
    let fr = c.framing;
    // A language without these words pays nothing.
    if head || !fr.has_any(0, ACRONYM_PLACE.or(JUXTAPOSED_HEAD)) {
        return None;
    }
    // A capitalised word on the line first: most tokens have none after.
    let n = doc.tokens.get(t + 1)?;
    if n.kind != TokKind::Word || !n.upper || n.all_caps || n.line_start || !n.space_before {
        return None;
    }
    let tok = doc.tokens[t];
    let acronym = tok.all_caps
        && fr.has_any(0, ACRONYM_PLACE)
        && (2..=6).contains(&doc.raw(t).chars().count());
    let juxtaposed = !tok.all_caps && fr.has_cue(doc.norm(t), JUXTAPOSED_HEAD);
    if !(acronym || juxtaposed) {
        return None;
    }
    let m = lexicon::longest_match(doc, t + 1)?;
    if !matches!(m.entries.first(), Some(Entry::Place(_))) {
        return None;
    }
    let end = m.end_token;
    // The place ends the name: "Radio Nacional de España" is read elsewhere.
    if doc
        .tokens
        .get(end)
        .is_some_and(|x| x.kind == TokKind::Word && x.upper && !x.line_start)
    {
        return None;
    }
    push_actor(doc, t, end, ActorType::Organisation, SCORE, out);
    Some(end)
}
