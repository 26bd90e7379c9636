//! English: Reuters, AP, AFP's English service and the like.

mod actors;
mod dates;
mod places;

use super::{framing, stopwords, Locale, Stopwords};
use crate::framing::Framing;
use crate::lang::Lang;
use std::sync::LazyLock;

mod names;

static STOPWORDS: Stopwords = LazyLock::new(|| stopwords(super::data::en::STOPWORDS_TXT));
static FRAMING: LazyLock<Framing> = LazyLock::new(|| framing(super::data::en::NAMES_TSV()));

/// The English locale.
pub static LOCALE: Locale = Locale {
    lang: Lang::of_locale("en"),
    name: "English",
    english: "English",
    stopwords: &STOPWORDS,
    values_json: super::data::en::VALUES_JSON,
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
