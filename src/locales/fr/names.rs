//! What names read of French: its cue words are in
//! `data/lang/fr/names.tsv`; here, the rules French names follow.

use crate::names::Cues;
use std::sync::LazyLock;

/// The names piece of the French locale.
pub static NAMES: LazyLock<Cues> = LazyLock::new(|| Cues {
    framing: &super::FRAMING,
    stopwords: &super::STOPWORDS,
    any_framing: &crate::locales::ANY_FRAMING,
    any_stopwords: &crate::locales::ANY_STOPWORDS,
    date_words: super::dates::GRAMMAR.words,
    // "Polices" is no plural of a "policy".
    plural_ies_to_y: false,
    // "Arc-et-Senans", "Châtenois-les-Forges", "Void-Vacon".
    hyphenated_toponyms: true,
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
