//! What names read of Spanish: its cue words are in
//! `data/lang/es/names.tsv`; here, the rules Spanish names follow.

use crate::names::Cues;
use std::sync::LazyLock;

/// The names piece of the Spanish locale.
pub static NAMES: LazyLock<Cues> = LazyLock::new(|| Cues {
    framing: &super::FRAMING,
    stopwords: &super::STOPWORDS,
    any_framing: &crate::locales::ANY_FRAMING,
    any_stopwords: &crate::locales::ANY_STOPWORDS,
    date_words: super::dates::GRAMMAR.words,
    // "Policías" is no plural of a "policy".
    plural_ies_to_y: false,
    // Spanish town names are written with spaces ("San José de Cúcuta"), not hyphens.
    hyphenated_toponyms: false,
});
