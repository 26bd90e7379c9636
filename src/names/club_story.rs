//! One club per story, in a language whose data raises the flag
//! [`CLUB_STORY`]: where a story names a town's club ("el Valencia", "ante
//! el Parma", "Barcelona, 25 - Portland, 23"), the town's bare name
//! elsewhere in it is the club too ("Valencia y Real Madrid disputarán la
//! final"), unless a place preposition, "de" or a place word puts it on the
//! map ("en Valencia", "la ciudad de Valencia"). Without it a sports story
//! reads its club as a town every time no article stands before it.
//!
//! In a story about sport (two distinct [`SPORT_WORD`]s), a town is a side
//! too where the words around it set it in a match though the story never
//! names it as a club: after a [`VERSUS`] word ("ante Oviedo", "frente a
//! Oviedo"), as the subject or object of a [`MATCH_VERB`] ("Oviedo ganó",
//! "venció a Oviedo"), or across a fixture's dash ("Oviedo - Sevilla").

use super::context::cue;
use super::Cues;
use crate::framing::{
    AGENT_AUX, AND, CLUB_STORY, MATCH_VERB, OBJECT_PREP, OF, PARTICLE, PLACE_PREP, PLACE_TRIGGER,
    SPORT_WORD, VERSUS,
};
use crate::lexicon::{self, Entry, PlaceKind};
use crate::span::{ActorType, ActorValue, Candidate, Kind, Source, Value};
use crate::text::{Doc, TokKind};

/// Turns the places of `out[first..]` named as a club elsewhere in the story
/// into that club; in a story about sport, the towns set in a match too,
/// then, for a few rounds, those named as a side so read or listed
/// beside one ("Oviedo, Lugo y Gijón").
pub(super) fn settle(doc: &Doc, c: &Cues, first: usize, out: &mut [Candidate]) {
    if !c.framing.has_any(0, CLUB_STORY) {
        return;
    }
    // Read once, at the first town the words around set in a match.
    let mut sport: Option<bool> = None;
    // The places the last round turned: the next reads their names only.
    let mut last: Option<Vec<usize>> = None;
    // A few rounds: each list or name read as a side may make another.
    for _ in 0..ROUNDS {
        let turned = look(doc, c, first, out, last.as_deref(), &mut sport);
        if turned.is_empty() {
            break;
        }
        for &k in &turned {
            let x = &mut out[k];
            x.kind = Kind::Actor;
            x.source = Source::Rule;
            x.value = Some(Value::Actor(ActorValue {
                canonical: doc.text[x.start..x.end].to_string(),
                actor_type: Some(ActorType::Organisation),
            }));
        }
        // Lists and names spread sides in a story about sport only.
        if !*sport.get_or_insert_with(|| sports_story(doc, c)) {
            break;
        }
        last = Some(turned);
    }
}

/// How many times the sides of a story are read at most.
const ROUNDS: usize = 2;

/// The places of `out[first..]` to turn into clubs: those named as one
/// elsewhere; those the words around set in a match, or, after a round
/// that turned the places `last`, named as one of those or listed beside a
/// side (both in a story about sport).
fn look(
    doc: &Doc,
    c: &Cues,
    first: usize,
    out: &[Candidate],
    last: Option<&[usize]>,
    sport: &mut Option<bool>,
) -> Vec<usize> {
    let spread = last.is_some();
    let side_of = |x: &Candidate| {
        x.kind == Kind::Actor
            && matches!(&x.value, Some(Value::Actor(v)) if v.actor_type == Some(ActorType::Organisation))
    };
    // Sorted, each once: a long text names hundreds of clubs and places,
    // and each place looks its name up here.
    let mut clubs: Vec<&str> = match last {
        Some(turned) => turned
            .iter()
            .map(|&k| &doc.text[out[k].start..out[k].end])
            .collect(),
        None => out[first..]
            .iter()
            .filter(|x| side_of(x))
            .map(|x| &doc.text[x.start..x.end])
            .collect(),
    };
    clubs.sort_unstable();
    clubs.dedup();
    // The sides' extents, for the lists: by start and by end.
    let mut starts: Vec<usize> = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    if spread {
        for x in out[first..].iter().filter(|x| side_of(x)) {
            starts.push(x.start);
            ends.push(x.end);
        }
        starts.sort_unstable();
        ends.sort_unstable();
    }
    let mut turned = Vec::new();
    for (k, x) in out.iter().enumerate().skip(first) {
        if x.kind != Kind::Place {
            continue;
        }
        let named = clubs.binary_search(&&doc.text[x.start..x.end]).is_ok();
        // Once read, a name is a side wherever the story names it.
        let by_name = named && !spread;
        let Ok(t) = doc.tokens.binary_search_by_key(&x.start, |tok| tok.start) else {
            continue;
        };
        let in_play = *sport != Some(false)
            && ((spread && (named || listed(doc, c, t, x.end, &starts, &ends)))
                || (!spread
                    && !named
                    && (in_match(doc, c, t, x.end)
                        || bracketed_after_name(doc, out, first, t, x.end)
                        || in_list(doc, c, t))));
        if !by_name && !in_play {
            continue;
        }
        if !by_name && !*sport.get_or_insert_with(|| sports_story(doc, c)) {
            continue;
        }
        // A country set in a match is its national side where the
        // language's copy codes sides so.
        let sides = !by_name && super::sides::national_sides(c);
        if on_the_map(doc, c, t) || !town_or_side(doc, t, sides) {
            continue;
        }
        turned.push(k);
    }
    turned
}

/// The name at `t` follows another in a list ("Oviedo, Lugo y Gijón") that
/// no place word puts on the map ("en Oviedo, Lugo y Gijón"): in a story
/// about sport, a list of names is one of sides (a group, a table, the
/// qualified), a list of venues follows a place preposition.
fn in_list(doc: &Doc, c: &Cues, t: usize) -> bool {
    let sep = |i: usize| doc.is(i, ",") || cue(doc, c.framing, i, AND);
    if t < 2 || !sep(t - 1) || doc.tokens[t].line_start {
        return false;
    }
    // Back over the list to its first name: names, their particles, separators.
    let mut i = t - 1;
    let mut names = 0;
    while i > 0 && !doc.tokens[i].line_start {
        let x = doc.tokens[i - 1];
        let name_word = x.kind == TokKind::Word && x.upper;
        if !(name_word || sep(i - 1) || c.framing.has(doc.norm(i - 1), PARTICLE)) {
            break;
        }
        names += usize::from(name_word);
        i -= 1;
        if x.sentence_start {
            break;
        }
    }
    names > 0 && doc.tokens[i].upper && !on_the_map(doc, c, i)
}

/// The name at `t` (ending at byte `end`) is listed beside a side: a comma
/// or "and" between it and a side's extent (`starts`, `ends`, sorted).
fn listed(doc: &Doc, c: &Cues, t: usize, end: usize, starts: &[usize], ends: &[usize]) -> bool {
    let sep = |i: usize| doc.is(i, ",") || cue(doc, c.framing, i, AND);
    if t >= 2 && sep(t - 1) && ends.binary_search(&doc.tokens[t - 2].end).is_ok() {
        return true;
    }
    let n = doc.token_at_or_after(end);
    n + 1 < doc.len() && sep(n) && starts.binary_search(&doc.tokens[n + 1].start).is_ok()
}

/// The words around the name at `t` (ending at byte `end`) set it in a
/// match: a versus word or a match verb and its preposition before it, a
/// match verb after it (past an auxiliary or a clitic), a fixture's dash
/// between it and another name on its line.
fn in_match(doc: &Doc, c: &Cues, t: usize, end: usize) -> bool {
    let fr = c.framing;
    let lower = |i: usize| {
        doc.tokens
            .get(i)
            .is_some_and(|x| x.kind == TokKind::Word && !x.upper && !x.line_start)
    };
    let name = |i: usize| {
        doc.tokens
            .get(i)
            .is_some_and(|x| x.kind == TokKind::Word && x.upper && !x.line_start)
    };
    let dash = |i: usize| i < doc.len() && doc.is_hyphen(i) && !doc.tokens[i].line_start;
    let Some(p) = t.checked_sub(1) else {
        return false;
    };
    if lower(p) && !doc.tokens[t].line_start {
        if cue(doc, fr, p, VERSUS) && !cue(doc, fr, p, OBJECT_PREP) {
            return true;
        }
        if p >= 1
            && cue(doc, fr, p, OBJECT_PREP)
            && (cue(doc, fr, p - 1, VERSUS) || cue(doc, fr, p - 1, MATCH_VERB))
        {
            return true;
        }
    }
    if t >= 2 && dash(p) && name(p - 1) && !doc.tokens[t].line_start {
        return true;
    }
    let mut n = doc.token_at_or_after(end);
    if dash(n) && name(n + 1) {
        return true;
    }
    let mut skipped = 0;
    while skipped < 2 && lower(n) && fr.has_agent(doc.norm(n), AGENT_AUX) {
        n += 1;
        skipped += 1;
    }
    lower(n) && cue(doc, fr, n, MATCH_VERB)
}

/// "Mendieta ( Valencia )": the name at `t` (ending at byte `end`) stands
/// alone in brackets right after a capitalised name that no candidate of
/// `out[first..]` reads as a place (a player's, not a dateline's "Guadalupe
/// ( Cáceres )").
fn bracketed_after_name(doc: &Doc, out: &[Candidate], first: usize, t: usize, end: usize) -> bool {
    if t < 2 || !doc.is(t - 1, "(") {
        return false;
    }
    let n = doc.token_at_or_after(end);
    if !doc.is(n, ")") {
        return false;
    }
    let name = doc.tokens[t - 2];
    if name.kind != TokKind::Word || !name.upper {
        return false;
    }
    !out[first..]
        .iter()
        .any(|x| x.kind == Kind::Place && x.end == name.end)
}

/// Two distinct sport words or more: a story about sport. Words shorter
/// than [`SHORTEST_SPORT_WORD`] bytes (the language's function words) are
/// not looked up.
fn sports_story(doc: &Doc, c: &Cues) -> bool {
    let mut seen: Option<&str> = None;
    for (i, x) in doc.tokens.iter().enumerate() {
        if x.kind != TokKind::Word || x.all_caps || x.end - x.start < SHORTEST_SPORT_WORD {
            continue;
        }
        if !cue(doc, c.framing, i, SPORT_WORD) {
            continue;
        }
        let w = doc.norm(i);
        match seen {
            Some(s) if s != w => return true,
            _ => seen = Some(w),
        }
    }
    false
}

/// The shortest sport word, in bytes ("liga", "golf").
const SHORTEST_SPORT_WORD: usize = 4;

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

/// The gazetteer reads a town or a region at `t`, or a country where
/// `sides` (one look-up for both).
fn town_or_side(doc: &Doc, t: usize, sides: bool) -> bool {
    lexicon::longest_match(doc, t).is_some_and(|m| {
        matches!(m.entries.first(), Some(Entry::Place(p)) if sides || p.kind != PlaceKind::Country)
    })
}
