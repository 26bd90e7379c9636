//! German: dpa, AFP's and Reuters' German services, the Süddeutsche and the
//! like. German writes every noun with a capital, so its names piece reads no
//! evidence in a capital alone (`names.rs`); its demonyms come inflected
//! before the head of a force phrase ("die russische Armee", `actors.rs`).

mod actors;
mod dates;
mod names;
mod places;

use super::{framing, stopwords, Locale, Stopwords};
use crate::framing::Framing;
use crate::lang::Lang;
use std::sync::LazyLock;

static STOPWORDS: Stopwords = LazyLock::new(|| stopwords(super::data::de::STOPWORDS_TXT));
static FRAMING: LazyLock<Framing> = LazyLock::new(|| framing(super::data::de::NAMES_TSV()));

/// The German locale.
pub static LOCALE: Locale = Locale {
    lang: Lang::of_locale("de"),
    name: "Deutsch",
    english: "German",
    stopwords: &STOPWORDS,
    values_json: super::data::de::VALUES_JSON,
    framing: &FRAMING,
    dates: &dates::GRAMMAR,
    actors: Some(&actors::PHRASES),
    places: Some(&places::LINKS),
    names: &names::NAMES,
};

#[cfg(test)]
mod tests;
