//! National sides in sports copy, in a language whose data raises the flag
//! [`NATIONAL_SIDES`] (Spanish wire copy codes a country playing as the
//! side it is, an organisation): a country in brackets after a sportsman's
//! name ("Carlos Moyá (ESP)", "Juan Carlos Ferrero (España)") is the side
//! he plays for, no place he stands in. The sides of a result ("Italia,
//! 2 - Francia, 1") are read by `names/sports.rs` with the same flag.
//! Without it a tennis draw or a cycling classification reads as a list
//! of places.

use super::Cues;
use crate::framing::NATIONAL_SIDES;
use crate::lexicon::{self, Entry, PlaceKind};
use crate::span::{ActorType, ActorValue, Candidate, Kind, Source, Value};
use crate::text::Doc;

/// The score of a side read from its bracket after a person.
const SIDE_SCORE: u8 = 70;

/// True when the language's data says a country playing is its side.
pub(super) fn national_sides(c: &Cues) -> bool {
    c.framing.has_any(0, NATIONAL_SIDES)
}

/// Turns the places of `out[first..]` that stand alone in brackets right
/// after a person into the organisation they name, the person's side.
pub(super) fn bracketed_sides(doc: &Doc, c: &Cues, first: usize, out: &mut [Candidate]) {
    if !national_sides(c) {
        return;
    }
    // Most documents have no place in brackets: one cheap look first.
    let bracketed: Vec<(usize, usize)> = out
        .iter()
        .enumerate()
        .skip(first)
        .filter(|(_, x)| x.kind == Kind::Place)
        .filter_map(|(k, x)| {
            let open = bracket_before(doc.text, x.start)?;
            doc.text[x.end..]
                .trim_start()
                .starts_with(')')
                .then(|| (k, doc.text[..open].trim_end().len()))
        })
        .collect();
    if bracketed.is_empty() {
        return;
    }
    let persons: Vec<(usize, usize)> = out[first..]
        .iter()
        .filter(|x| {
            x.kind == Kind::Actor
                && matches!(&x.value, Some(Value::Actor(v)) if v.actor_type == Some(ActorType::Person))
        })
        .map(|x| (x.start, x.end))
        .collect();
    let places: Vec<usize> = out[first..]
        .iter()
        .filter(|x| x.kind == Kind::Place)
        .map(|x| x.end)
        .collect();
    for (k, before) in bracketed {
        let Some(&(ps, pe)) = persons.iter().find(|&&(_, e)| e == before) else {
            continue;
        };
        // A name read as a place too ("Pristina (Yugoslavia)", a dateline's
        // town) is no player's.
        if places.contains(&before) || known_place(doc, ps, pe) {
            continue;
        }
        let x = &mut out[k];
        if !side_name(doc, x.start, x.end) {
            continue;
        }
        x.kind = Kind::Actor;
        x.source = Source::Rule;
        x.score = x.score.max(SIDE_SCORE);
        x.value = Some(Value::Actor(ActorValue {
            canonical: doc.text[x.start..x.end].to_string(),
            actor_type: Some(ActorType::Organisation),
        }));
    }
}

/// The offset of the opening bracket just before `start`, spaces apart.
fn bracket_before(text: &str, start: usize) -> Option<usize> {
    let head = text[..start].trim_end();
    head.ends_with('(').then(|| head.len() - 1)
}

/// The gazetteer reads a place in the whole name at `[start, end)`.
fn known_place(doc: &Doc, start: usize, end: usize) -> bool {
    let Ok(t) = doc.tokens.binary_search_by_key(&start, |x| x.start) else {
        return false;
    };
    lexicon::longest_match(doc, t).is_some_and(|m| {
        doc.tokens
            .get(m.end_token - 1)
            .is_some_and(|x| x.end == end)
            && m.entries.iter().any(|e| matches!(e, Entry::Place(_)))
    })
}

/// The name at `[start, end)` is a country of the gazetteer, or a code of
/// capitals ("USA", "CHI") whatever the gazetteer reads in it.
fn side_name(doc: &Doc, start: usize, end: usize) -> bool {
    let Ok(t) = doc.tokens.binary_search_by_key(&start, |x| x.start) else {
        return false;
    };
    let tok = doc.tokens[t];
    if tok.all_caps && tok.end == end && (2..=4).contains(&doc.raw(t).chars().count()) {
        return true;
    }
    lexicon::longest_match(doc, t).is_some_and(|m| {
        doc.tokens
            .get(m.end_token - 1)
            .is_some_and(|x| x.end == end)
            && m.entries
                .iter()
                .any(|e| matches!(e, Entry::Place(p) if p.kind == PlaceKind::Country))
    })
}
