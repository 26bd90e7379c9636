//! What names read of German: its cue words are in `data/lang/de/names.tsv`;
//! here, the rules German names follow. Every German noun has a capital, so
//! a capital is no evidence of a name: names come from the gazetteer, first
//! names, titles ("Bundeskanzlerin"), framing words and the cues around them
//! ("sagte", "laut").

use crate::names::Cues;
use crate::text::hash::WordMap;
use std::sync::LazyLock;

/// The names piece of the German locale.
pub static NAMES: LazyLock<Cues> = LazyLock::new(|| Cues {
    framing: &super::FRAMING,
    stopwords: &super::STOPWORDS,
    any_framing: &crate::locales::ANY_FRAMING,
    any_stopwords: &crate::locales::ANY_STOPWORDS,
    date_words: super::dates::GRAMMAR.words,
    // "-ies" is no German plural.
    plural_ies_to_y: false,
    // German towns are hyphenated only as "Frankfurt-Höchst": a district, no shape rule.
    hyphenated_toponyms: false,
    capitals_mark_names: false,
    strict_name_case: false,
    country_names: Some(&COUNTRY_NAMES),
    // "EU-Kommission", "US-Präsident": the name is part of a word.
    hyphen_compounds: true,
    // "die Regierung Israels": every noun has a capital.
    capitalised_nouns: true,
    surnames: Some(&SURNAMES),
    first_names: Some(&FIRST_NAMES),
    companies: Some(&COMPANIES),
    learned: Some(&LEARNED),
});

/// The listed companies of `data/lang/de/companies.txt` and the organisations
/// of `data/lang/de/organisations.txt`, as written.
static COMPANIES: LazyLock<crate::names::Companies> = LazyLock::new(|| {
    crate::names::Companies::parse_all(&[
        crate::locales::data::de::COMPANIES_TXT(),
        crate::locales::data::de::ORGANISATIONS_TXT(),
    ])
});

/// The learned layer's weights (`data/lang/de/learned.tsv`, made by
/// `crates/eval/examples/train_names.rs`).
static LEARNED: LazyLock<crate::names::Model> =
    LazyLock::new(|| crate::names::Model::parse(crate::locales::data::de::LEARNED_TSV()));

/// The surnames of `data/lang/de/surnames.txt`, folded.
static SURNAMES: LazyLock<crate::text::hash::WordSet<String>> =
    LazyLock::new(|| crate::locales::folded_names(crate::locales::data::de::SURNAMES_TXT()));

/// The given names of `data/lang/de/first_names.txt`, folded.
static FIRST_NAMES: LazyLock<crate::names::NameList> =
    LazyLock::new(|| crate::names::NameList::parse(crate::locales::data::de::FIRST_NAMES_TXT()));

/// The German country names of `data/lang/de/countries.tsv`, folded.
static COUNTRY_NAMES: LazyLock<WordMap<String, &'static str>> =
    LazyLock::new(|| crate::locales::country_names(crate::locales::data::de::COUNTRIES_TSV()));
