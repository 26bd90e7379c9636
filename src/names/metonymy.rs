//! Metonymy: a country or a capital that acts stands for its government
//! ("la France a appelé", "backed by Washington"). Read from the words
//! around the name: an agent preposition after a participle, an agent verb
//! after the name as the subject of a clause, a verb after a sentence-initial
//! country.

use super::context::{clause_start, cue, determiner_end, without_determiner};
use super::{state, Cues};
use crate::framing::{
    AGENT_AUX, AGENT_PREP, AGENT_VERB, AND, GOVERNMENT, MILITARY, OBJECT_PREP, OBJECT_VERB,
    PARTICIPLE_ENDING, PLACE_TRIGGER, RELATIVE_PRONOUN, SHORT_VERB, SUBJECT_VERB, VERB_ENDING,
    WRITTEN_VERB_ENDING,
};
use crate::lang::Lang;
use crate::lexicon::{self, Entry, Match, PlaceEntry, PlaceKind};
use crate::span::Value;
use crate::text::{Doc, TokKind};

/// A country or capital used as an agent: "L'Irak lance l'assaut", "soutenue
/// par Washington", "backed by Washington". Returns the actor value.
pub(super) fn metonymy(
    doc: &Doc,
    lang: Lang,
    c: &Cues,
    t: usize,
    m: &Match,
    p: &PlaceEntry,
) -> Option<Value> {
    if !(p.kind == PlaceKind::Country || p.capital) {
        return None;
    }
    // The value is written only once the name reads as an agent (most
    // countries named are not): a country is all it needs.
    p.country?;
    let value = || state::government(p);
    let fr = c.framing;
    // "par Washington" / "by Washington" after a participle.
    if t >= 2 {
        let agentive =
            cue(doc, fr, t - 1, AGENT_PREP) && fr.ends_with(doc.norm(t - 2), PARTICIPLE_ENDING);
        if agentive && p.capital {
            return value();
        }
    }
    // "acusó a Etiopía": the object of a verb of actors, after the
    // language's preposition of persons.
    if t >= 2 && cue(doc, fr, t - 1, OBJECT_PREP) && cue(doc, fr, t - 2, OBJECT_VERB) {
        return value();
    }
    if agent_subject(doc, c, t, m.end_token) {
        return value();
    }
    // Subject at the head of a sentence, followed by a verb-like lower-case
    // word; the article before it is read in every language's words.
    let s = without_determiner(doc, c.any_framing, t);
    let at_start = doc.tokens.get(s).is_some_and(|x| x.sentence_start)
        || (s >= 1 && doc.tokens[s - 1].kind == TokKind::Punct && doc.norm(s - 1) == ">");
    if !at_start || p.kind != PlaceKind::Country {
        return None;
    }
    let n = m.end_token;
    let next = doc.tokens.get(n)?;
    if next.kind != TokKind::Word || next.upper || next.line_start {
        return None;
    }
    let w = doc.norm(n);
    let verb_like = fr.has_cue(w, SUBJECT_VERB)
        || (w.len() > 3 && fr.ends_with(w, VERB_ENDING) && !fr.has(w, PLACE_TRIGGER))
        || written_verb(doc, c, n);
    let function_word =
        lexicon::is_common_word(lang, w) && w.len() <= 3 && !fr.has_cue(w, SHORT_VERB);
    if verb_like && !function_word && !fr.has(w, GOVERNMENT | MILITARY) {
        value()
    } else {
        None
    }
}

/// A country or capital (tokens `[t, end)`) as the subject of an agent verb
/// where a clause starts: "La France, qui a retiré ses troupes du pays, a
/// appelé", "Washington et Moscou ont convenu", "..., while France said".
/// The verb must be one of the language's agent verbs, after at most an
/// apposition between commas and a few auxiliaries, clitics or adverbs.
pub(super) fn agent_subject(doc: &Doc, c: &Cues, t: usize, end: usize) -> bool {
    let fr = c.framing;
    let s = without_determiner(doc, fr, t);
    if !clause_start(doc, fr, s) {
        return false;
    }
    let mut n = end;
    // "Washington et Moscou": a second country or capital ("and" in every
    // language's words).
    if cue(doc, c.any_framing, n, AND) {
        let k = determiner_end(doc, fr, n + 1);
        match doc.tokens.get(k) {
            Some(x) if x.upper && x.kind == TokKind::Word => {}
            _ => return false,
        }
        match lexicon::longest_match(doc, k) {
            Some(m2) if state_name(&m2) => n = m2.end_token,
            _ => return false,
        }
    }
    // An apposition between commas: ", qui a retiré ses troupes du pays,",
    // ", which denies the charges,"; any apposition at a sentence start
    // ("La Syrie, en guerre depuis 2011, a ..."). Not a name in a list.
    if doc.is(n, ",")
        && (cue(doc, fr, n + 1, RELATIVE_PRONOUN)
            || doc.tokens.get(s).is_some_and(|x| x.sentence_start))
    {
        let close = (n + 1..(n + 25).min(doc.len()))
            .take_while(|&k| !doc.tokens[k].sentence_start && !doc.is(k, "."))
            .find(|&k| doc.is(k, ","));
        match close {
            Some(c) if c > n + 1 => n = c + 1,
            _ => return false,
        }
    }
    let mut skipped = 0;
    while skipped < 5
        && doc.tokens.get(n).is_some_and(|x| !x.line_start)
        && ((!doc.tokens[n].space_before && (doc.is_apostrophe(n) || doc.is_hyphen(n)))
            || fr.has_agent(doc.norm(n), AGENT_AUX))
    {
        n += 1;
        skipped += 1;
    }
    doc.tokens
        .get(n)
        .is_some_and(|x| x.kind == TokKind::Word && !x.upper && !x.line_start)
        && (fr.has_agent(doc.norm(n), AGENT_VERB) || written_verb(doc, c, n))
}

/// The word at `n` ends as the language writes a verb, accents kept
/// ("completó"): the folded word ("completo") may be a noun.
fn written_verb(doc: &Doc, c: &Cues, n: usize) -> bool {
    let raw = doc.raw(n);
    raw.len() > 4 && c.framing.ends_with(raw, WRITTEN_VERB_ENDING)
}

/// True when the gazetteer's first reading of `m` is a country or a capital.
pub(super) fn state_name(m: &Match) -> bool {
    matches!(m.entries.first(), Some(Entry::Place(p)) if p.kind == PlaceKind::Country || p.capital)
}
