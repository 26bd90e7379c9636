//! What names read of Esperanto: its few cue words are in
//! `data/lang/eo/names.tsv`; neither special rule applies.

use crate::names::Cues;
use std::sync::LazyLock;

/// The names piece of the Esperanto locale.
pub static NAMES: LazyLock<Cues> = LazyLock::new(|| Cues {
    framing: &super::FRAMING,
    stopwords: &super::STOPWORDS,
    any_framing: &crate::locales::ANY_FRAMING,
    any_stopwords: &crate::locales::ANY_STOPWORDS,
    date_words: super::dates::GRAMMAR.words,
    plural_ies_to_y: false,
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
