//! The rules of a language whose names are read strictly by their case
//! ([`Cues::strict_name_case`]: Spanish copy capitalises every word of an
//! institution's name and nothing else). They judge a gazetteer match the
//! names' emitter is about to use, so they sit apart from it and from the
//! organisation rules of `place_orgs.rs`, which use the emitter.

use super::context::cue;
use super::Cues;
use crate::framing::{DETERMINER, PARTICLE};
use crate::lang::Lang;
use crate::lexicon::{self, Entry, Match, PlaceKind};
use crate::text::{Doc, TokKind};

/// Towns alone the gazetteer knows by a single-word name that is a frequent word of
/// the language ("Universidad", "Misión", "Palacio"): in a language that
/// reads names strictly by their case ([`Cues::strict_name_case`]), the capital there says "name", not "place", and so
/// small a town is not the name meant. The language's own name of a country
/// stays ("Tailandia").
pub(super) fn small_place_of_a_word(lang: Lang, c: &Cues, folded: &str, m: &Match) -> bool {
    c.strict_name_case
        && m.entries.iter().all(|e| {
            matches!(e, Entry::Place(p) if p.kind == PlaceKind::City
                && !p.capital
                && p.population < SMALL_TOWN)
        })
        && lexicon::is_common_word(lang, folded)
        && !c.country_names.is_some_and(|n| n.get(folded).is_some())
}

/// Below this population, a town named by a frequent word is not read.
const SMALL_TOWN: u64 = 100_000;

/// "Las piedras rodaron": the gazetteer, which ignores case, knows the town
/// of Las Piedras; a name of it written with a lower-case word that is no
/// particle is the words, not the name, where names are read strictly by
/// their case ([`Cues::strict_name_case`]).
pub(super) fn lower_case_inside(doc: &Doc, c: &Cues, t: usize, m: &Match) -> bool {
    c.strict_name_case
        && (t + 1..m.end_token).any(|i| {
            let x = doc.tokens[i];
            x.kind == TokKind::Word
                && !x.upper
                && !c.framing.has(doc.norm(i), PARTICLE)
                && !c.stopwords.contains(doc.norm(i))
        })
}

/// "los Reyes", "la Corona", "Las Cortes aprobaron": a frequent word of the
/// language after an article (lower case, or the sentence's opening word)
/// is that word with a capital, an institution's or a title's, not the town
/// the gazetteer knows by it, where names are read strictly by their case
/// ([`Cues::strict_name_case`]). A country, a capital or a large town stays
/// ("la Paz", "Las Palmas", "Los Ángeles").
pub(super) fn word_after_article(lang: Lang, doc: &Doc, c: &Cues, t: usize, m: &Match) -> bool {
    if !c.strict_name_case {
        return false;
    }
    // The article inside the match ("Los Reyes" opening a sentence), or before it.
    let (article, word) = if m.end_token == t + 2
        && doc.tokens[t].sentence_start
        && cue(doc, c.framing, t, DETERMINER)
    {
        (t, t + 1)
    } else if m.end_token == t + 1
        && t >= 1
        && (!doc.tokens[t - 1].upper || doc.tokens[t - 1].sentence_start)
    {
        (t - 1, t)
    } else {
        return false;
    };
    cue(doc, c.framing, article, DETERMINER)
        && doc.tokens[word].upper
        && !doc.tokens[word].all_caps
        && lexicon::is_common_word(lang, doc.norm(word))
        && !c
            .country_names
            .is_some_and(|n| n.get(doc.norm(word)).is_some())
        && m.entries.iter().all(|e| {
            matches!(e, Entry::Place(p) if p.kind != PlaceKind::Country
                && !p.capital
                && p.population < LARGE_TOWN)
        })
}

/// From this population on, a town keeps its name though it be a frequent word.
const LARGE_TOWN: u64 = 300_000;
