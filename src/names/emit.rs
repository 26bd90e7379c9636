//! Emitting candidates: a gazetteer match checked against its context
//! (frequent words, demonyms, small towns), and the actors and places found
//! by rule, with the value each carries.

use super::context::is_month_or_weekday;
use super::context::place_context;
use super::country;
use super::metonymy::metonymy;
use super::sequence::abbreviation_end;
use super::Cues;
use super::Notes;
use crate::framing::COMPASS;
use crate::lang::Lang;
use crate::lexicon::{self, Entry, Match, PlaceKind};
use crate::span::{ActorType, ActorValue, Candidate, Kind, Source, Value};
use crate::text::shape::word_count;
use crate::text::Doc;

/// Emits the gazetteer match `m` starting at `t` unless the context rules it
/// out; returns whether it emitted.
pub(super) fn emit_match(
    doc: &Doc,
    lang: Lang,
    c: &Cues,
    t: usize,
    m: &Match,
    (evidence, notes): (bool, &mut Notes),
    out: &mut Vec<Candidate>,
) -> bool {
    let Some(first) = m.entries.first() else {
        return false;
    };
    if super::strict_case::lower_case_inside(doc, c, t, m) {
        return false;
    }
    let single = word_count(doc, t, m.end_token) == 1;
    let end = abbreviation_end(doc, m);
    let word = doc.norm(t);
    // Where every noun has a capital, only a place preposition before the
    // word stands for the evidence a capital gives elsewhere ("in Halle").
    // An acronym keeps its evidence: its capitals are no noun's ("die CDU").
    let caps = evidence && doc.tokens[t].all_caps;
    let evidence = evidence && (c.capitals_mark_names || place_context(doc, c, t));
    // A function word is never a place alone where capitals mark no names
    // ("Dabei" opening a sentence is no alternate name of Dubai).
    let mut common = single
        && (lexicon::is_common_word(lang, word)
            || (!c.capitals_mark_names && c.stopwords.contains(word)));
    // In mid-sentence, a capital on a frequent word is evidence of a name
    // unless the document also writes the word in lower case ("à Metz"), or
    // the word is a month or a weekday, which English capitalises anyway
    // ("in March" is a date, not the town of March).
    if common
        && evidence
        && word.chars().count() >= 3
        && !doc.tokens[t].all_caps
        && !c.framing.has(word, COMPASS)
        && !is_month_or_weekday(c, word)
    {
        common = false;
        notes.defer = true;
    }
    let start = doc.tokens[t].start;
    let first = super::actor_sense::over_town(c, single, &m.entries).unwrap_or(first);
    match first {
        Entry::Actor(a) => {
            if common && !caps && !super::actor_sense::speaks(doc, c, t, m.end_token) {
                return false;
            }
            let value = Value::Actor(ActorValue {
                canonical: a.canonical.to_string(),
                actor_type: Some(a.actor_type),
            });
            out.push(
                Candidate::new(start, end, Kind::Actor, Source::Lexicon, 85).with_value(value),
            );
            true
        }
        Entry::Place(p) => {
            // A demonym is an adjective before it is a region ("the Somali
            // militant group", not Ethiopia's Somali region), unless it
            // stands where places stand ("in Somali").
            if single
                && p.kind != PlaceKind::Country
                && lexicon::is_demonym(lang, word)
                && !place_context(doc, c, t)
            {
                return false;
            }
            if single && super::strict_case::small_place_of_a_word(lang, c, word, m) {
                return false;
            }
            if super::strict_case::word_after_article(lang, doc, c, t, m) {
                return false;
            }
            if single {
                let len = word.chars().count();
                let accept = match p.kind {
                    PlaceKind::Country => !common || evidence || len > 4,
                    PlaceKind::Region | PlaceKind::Feature => !common,
                    PlaceKind::City => {
                        len >= 3
                            && (!common || (evidence && (p.population >= 200_000 || p.capital)))
                    }
                };
                if !accept {
                    return false;
                }
            }
            if let Some(actor) = metonymy(doc, lang, c, t, m, p) {
                notes.states.extend(p.country);
                out.push(
                    Candidate::new(start, end, Kind::Actor, Source::Lexicon, 80).with_value(actor),
                );
                return true;
            }
            let score = match p.kind {
                PlaceKind::Country => 85,
                PlaceKind::Region | PlaceKind::Feature => 80,
                PlaceKind::City if p.population >= 100_000 => 78,
                PlaceKind::City => 72,
            };
            country::note(
                &m.entries,
                t,
                (start, end),
                notes.dateline_country,
                &mut notes.ambiguous,
            );
            out.push(
                Candidate::new(start, end, Kind::Place, Source::Lexicon, score)
                    .with_value(p.value()),
            );
            true
        }
    }
}

pub(super) fn push_actor(
    doc: &Doc,
    t: usize,
    end: usize,
    ty: ActorType,
    score: u8,
    out: &mut Vec<Candidate>,
) {
    push_guess(doc, t, end, Some(ty), score, out);
}

/// The byte range of tokens `[t, end)`, when it is a real, non-empty range.
pub(super) fn token_range(doc: &Doc, t: usize, end: usize) -> Option<(usize, usize)> {
    let last = end.checked_sub(1)?;
    (last >= t && last < doc.len()).then(|| (doc.tokens[t].start, doc.tokens[last].end))
}

/// An actor found by rule: its canonical name is the name as written.
pub(super) fn push_guess(
    doc: &Doc,
    t: usize,
    end: usize,
    ty: Option<ActorType>,
    score: u8,
    out: &mut Vec<Candidate>,
) {
    let Some((s, e)) = token_range(doc, t, end) else {
        return;
    };
    let value = Value::Actor(ActorValue {
        canonical: doc.text[s..e].to_string(),
        actor_type: ty,
    });
    out.push(Candidate::new(s, e, Kind::Actor, Source::Rule, score).with_value(value));
}

/// A place found by rule, with no gazetteer value.
pub(super) fn push_place(doc: &Doc, t: usize, end: usize, score: u8, out: &mut Vec<Candidate>) {
    if let Some((s, e)) = token_range(doc, t, end) {
        out.push(Candidate::new(s, e, Kind::Place, Source::Rule, score));
    }
}

/// Removes from `out` the candidates whose place in `drop` is marked (the
/// passes that replace readings mark first, then remove in one sweep).
pub(super) fn drop_marked(out: &mut Vec<Candidate>, drop: &[bool]) {
    if !drop.iter().any(|&d| d) {
        return;
    }
    let mut i = 0;
    out.retain(|_| {
        let keep = !drop.get(i).copied().unwrap_or(false);
        i += 1;
        keep
    });
}
