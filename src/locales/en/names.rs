//! What names read of English: its cue words are in
//! `data/lang/en/names.tsv`; here, the rules English names follow.

use crate::names::Cues;
use std::sync::LazyLock;

/// The names piece of the English locale.
pub static NAMES: LazyLock<Cues> = LazyLock::new(|| Cues {
    framing: &super::FRAMING,
    stopwords: &super::STOPWORDS,
    any_framing: &crate::locales::ANY_FRAMING,
    any_stopwords: &crate::locales::ANY_STOPWORDS,
    date_words: super::dates::GRAMMAR.words,
    // "Policies", "Eyewitnesses": plurals of frequent words.
    plural_ies_to_y: true,
    // Hyphenated compounds are no town by their shape alone.
    hyphenated_toponyms: false,
    capitals_mark_names: true,
    strict_name_case: false,
    country_names: None,
    hyphen_compounds: false,
    capitalised_nouns: false,
    surnames: None,
    first_names: None,
    companies: None,
    learned: None,
});
