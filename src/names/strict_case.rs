//! The rules of a language whose names are read strictly by their case
//! ([`Cues::strict_name_case`]: Spanish copy capitalises every word of an
//! institution's name and nothing else). They judge a gazetteer match the
//! names' emitter is about to use, so they sit apart from it and from the
//! organisation rules of `place_orgs.rs`, which use the emitter.

use super::Cues;
use crate::framing::PARTICLE;
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
