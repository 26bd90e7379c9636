//! One club per story, in a language whose data raises the flag
//! [`CLUB_STORY`]: where a story names a town's club ("el Valencia", "ante
//! el Parma", "Barcelona, 25 - Portland, 23"), the town's bare name
//! elsewhere in it is the club too ("Valencia y Real Madrid disputarán la
//! final"), unless a place preposition, "de" or a place word puts it on the
//! map ("en Valencia", "la ciudad de Valencia"). Without it a sports story
//! reads its club as a town every time no article stands before it.

use super::context::cue;
use super::Cues;
use crate::framing::{CLUB_STORY, OF, PLACE_PREP, PLACE_TRIGGER};
use crate::lexicon::{self, Entry, PlaceKind};
use crate::span::{ActorType, ActorValue, Candidate, Kind, Source, Value};
use crate::text::{Doc, TokKind};

/// Turns the places of `out[first..]` named as a club elsewhere in the story
/// into that club.
pub(super) fn settle(doc: &Doc, c: &Cues, first: usize, out: &mut [Candidate]) {
    if !c.framing.has_any(0, CLUB_STORY) {
        return;
    }
    // Sorted, each once: a long text names hundreds of clubs and places,
    // and each place looks its name up here.
    let mut clubs: Vec<&str> = out[first..]
        .iter()
        .filter(|x| {
            x.kind == Kind::Actor
                && matches!(&x.value, Some(Value::Actor(v)) if v.actor_type == Some(ActorType::Organisation))
        })
        .map(|x| &doc.text[x.start..x.end])
        .collect();
    if clubs.is_empty() {
        return;
    }
    clubs.sort_unstable();
    clubs.dedup();
    let mut turned = Vec::new();
    for (k, x) in out.iter().enumerate().skip(first) {
        if x.kind != Kind::Place || clubs.binary_search(&&doc.text[x.start..x.end]).is_err() {
            continue;
        }
        let Ok(t) = doc.tokens.binary_search_by_key(&x.start, |tok| tok.start) else {
            continue;
        };
        if on_the_map(doc, c, t) || !town(doc, t) {
            continue;
        }
        turned.push(k);
    }
    for k in turned {
        let x = &mut out[k];
        x.kind = Kind::Actor;
        x.source = Source::Rule;
        x.value = Some(Value::Actor(ActorValue {
            canonical: doc.text[x.start..x.end].to_string(),
            actor_type: Some(ActorType::Organisation),
        }));
    }
}

/// The name at token `t` is put on the map by the word before it: a place
/// preposition, "de", or a place word ("la ciudad de").
fn on_the_map(doc: &Doc, c: &Cues, t: usize) -> bool {
    let Some(p) = t.checked_sub(1) else {
        return false;
    };
    let prev = doc.tokens[p];
    if prev.kind != TokKind::Word || prev.upper {
        return false;
    }
    let w = doc.norm(p);
    c.framing.has(w, PLACE_PREP | PLACE_TRIGGER) || cue(doc, c.framing, p, OF)
}

/// The gazetteer reads a town or a region at `t`, no country (a country's
/// side is read by `names/sides.rs`).
fn town(doc: &Doc, t: usize) -> bool {
    lexicon::longest_match(doc, t).is_some_and(
        |m| matches!(m.entries.first(), Some(Entry::Place(p)) if p.kind != PlaceKind::Country),
    )
}
