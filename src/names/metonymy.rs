//! Metonymy: a country or a capital that acts stands for its government
//! ("la France a appelé", "backed by Washington"). Read from the words
//! around the name: an agent preposition after a participle, an agent verb
//! after the name as the subject of a clause, a verb after a sentence-initial
//! country.

use super::context::{clause_start, determiner_end, without_determiner};
use crate::framing::{Framing, AGENT_AUX, AGENT_VERB, GOVERNMENT, MILITARY, PLACE_TRIGGER};
use crate::lang::Lang;
use crate::lexicon::{self, Entry, Match, PlaceEntry, PlaceKind};
use crate::span::{ActorType, ActorValue, Value};
use crate::text::{Doc, TokKind};

/// A country or capital used as an agent: "L'Irak lance l'assaut", "soutenue
/// par Washington", "backed by Washington". Returns the actor value.
pub(super) fn metonymy(
    doc: &Doc,
    lang: Lang,
    fr: &Framing,
    t: usize,
    m: &Match,
    p: &PlaceEntry,
) -> Option<Value> {
    if !(p.kind == PlaceKind::Country || p.capital) {
        return None;
    }
    let country = p.country?;
    let name = lexicon::country_name(country, crate::lang::EN).unwrap_or(country);
    let value = Value::Actor(ActorValue {
        canonical: crate::actors::state_canonical(name, ActorType::Government).unwrap_or_default(),
        actor_type: Some(ActorType::Government),
    });
    // "par Washington" / "by Washington" after a participle.
    if t >= 2 {
        let prep = doc.norm(t - 1);
        let before = doc.norm(t - 2);
        let agentive = match lang {
            crate::lang::FR => {
                prep == "par"
                    && (before.ends_with('e') || before.ends_with("es") || before.ends_with('u'))
            }
            crate::lang::EN => prep == "by" && before.ends_with("ed"),
            _ => false,
        };
        if agentive && p.capital {
            return Some(value);
        }
    }
    if agent_subject(doc, lang, fr, t, m.end_token) {
        return Some(value);
    }
    // Subject at the head of a sentence, followed by a verb-like lower-case word.
    let mut s = t;
    if s >= 2 && doc.is_apostrophe(s - 1) && matches!(doc.norm(s - 2), "l") {
        s -= 2;
    } else if s >= 1 && matches!(doc.norm(s - 1), "la" | "le" | "the") {
        s -= 1;
    }
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
    let verb_like = match lang {
        crate::lang::FR => {
            matches!(
                w,
                "a" | "va" | "doit" | "veut" | "est" | "se" | "s" | "n" | "ne"
            ) || (w.len() > 3
                && (w.ends_with("e") || w.ends_with("ait") || w.ends_with("ra"))
                && !fr.has(w, PLACE_TRIGGER))
        }
        crate::lang::EN => {
            matches!(
                w,
                "has" | "will" | "is" | "says" | "said" | "wants" | "must" | "would"
            ) || (w.len() > 3 && (w.ends_with("ed") || w.ends_with("es")))
        }
        _ => false,
    };
    let function_word = lexicon::is_common_word(lang, w)
        && w.len() <= 3
        && !matches!(w, "a" | "va" | "est" | "has" | "is");
    (verb_like && !function_word && !fr.has(w, GOVERNMENT | MILITARY)).then_some(value)
}

/// A country or capital (tokens `[t, end)`) as the subject of an agent verb
/// where a clause starts: "La France, qui a retiré ses troupes du pays, a
/// appelé", "Washington et Moscou ont convenu", "..., while France said".
/// The verb must be one of the language's agent verbs, after at most an
/// apposition between commas and a few auxiliaries, clitics or adverbs.
pub(super) fn agent_subject(doc: &Doc, lang: Lang, fr: &Framing, t: usize, end: usize) -> bool {
    if lang == Lang::UND || !clause_start(doc, lang, without_determiner(doc, lang, t)) {
        return false;
    }
    let mut n = end;
    // "Washington et Moscou": a second country or capital.
    if doc.is(n, "et") || doc.is(n, "and") {
        let k = determiner_end(doc, lang, n + 1);
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
    let s = without_determiner(doc, lang, t);
    let relative = |k: usize| match lang {
        crate::lang::FR => doc.is(k, "qui") || doc.is(k, "dont"),
        _ => doc.is(k, "which") || doc.is(k, "who") || doc.is(k, "whose"),
    };
    if doc.is(n, ",") && (relative(n + 1) || doc.tokens.get(s).is_some_and(|x| x.sentence_start)) {
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
        && fr.has_agent(doc.norm(n), AGENT_VERB)
}

/// True when the gazetteer's first reading of `m` is a country or a capital.
pub(super) fn state_name(m: &Match) -> bool {
    matches!(m.entries.first(), Some(Entry::Place(p)) if p.kind == PlaceKind::Country || p.capital)
}
