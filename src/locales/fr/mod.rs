//! French: AFP's French service, Le Monde, Ouest-France and the like.

mod actors;
mod dates;
mod places;

use super::{framing, stopwords, Locale, Stopwords};
use crate::framing::Framing;
use crate::lang::Lang;
use std::sync::LazyLock;

mod names;

static STOPWORDS: Stopwords = LazyLock::new(|| stopwords(super::data::fr::STOPWORDS_TXT));
static FRAMING: LazyLock<Framing> = LazyLock::new(|| framing(super::data::fr::NAMES_TSV()));

/// The French locale.
pub static LOCALE: Locale = Locale {
    lang: Lang::of_locale("fr"),
    name: "français",
    english: "French",
    stopwords: &STOPWORDS,
    values_json: super::data::fr::VALUES_JSON,
    framing: &FRAMING,
    dates: &dates::GRAMMAR,
    actors: Some(&actors::PHRASES),
    places: Some(&places::LINKS),
    names: &names::NAMES,
};

#[cfg(test)]
mod names_tests;
#[cfg(test)]
mod tests;

#[cfg(test)]
mod lexicon_tests;
