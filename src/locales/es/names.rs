//! What names read of Spanish: its cue words are in
//! `data/lang/es/names.tsv`; here, the rules Spanish names follow.

use super::Stopwords;
use crate::names::Cues;
use crate::text::hash::WordMap;
use std::sync::LazyLock;

/// The function words names read: detection's (`stopwords.txt`) and those
/// Spanish shares with French or English (`function_words.txt`), which
/// detection leaves out ("La", "En" opening a sentence before a name).
static FUNCTION_WORDS: Stopwords = LazyLock::new(|| {
    crate::text::word_list(super::super::data::es::STOPWORDS_TXT)
        .chain(crate::text::word_list(
            super::super::data::es::FUNCTION_WORDS_TXT(),
        ))
        .collect()
});

/// The names piece of the Spanish locale.
pub static NAMES: LazyLock<Cues> = LazyLock::new(|| Cues {
    framing: &super::FRAMING,
    stopwords: &FUNCTION_WORDS,
    any_framing: &crate::locales::ANY_FRAMING,
    any_stopwords: &crate::locales::ANY_STOPWORDS,
    date_words: super::dates::GRAMMAR.words,
    // "Policías" is no plural of a "policy".
    plural_ies_to_y: false,
    // Spanish town names are written with spaces ("San José de Cúcuta"), not hyphens.
    hyphenated_toponyms: false,
    // A capital marks a name, as in French.
    capitals_mark_names: true,
    strict_name_case: true,
    // Its own country names, those the shared gazetteer leaves to other places.
    country_names: Some(&COUNTRY_NAMES),
    hyphen_compounds: false,
    capitalised_nouns: false,
    surnames: None,
    first_names: None,
    companies: None,
    // A verifier over the rules' actors and places (`learned::verify`).
    learned: Some(&LEARNED),
});

/// The learned verifier's weights (`data/lang/es/verifier.tsv`, made by
/// `crates/eval/examples/train_names.rs`).
static LEARNED: LazyLock<crate::names::Model> =
    LazyLock::new(|| crate::names::Model::verifier(super::super::data::es::VERIFIER_TSV()));

/// The Spanish country names of `data/lang/es/countries.tsv`, folded.
static COUNTRY_NAMES: LazyLock<WordMap<String, &'static str>> =
    LazyLock::new(|| crate::locales::country_names(crate::locales::data::es::COUNTRIES_TSV()));
