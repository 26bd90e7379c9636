//! English: Reuters, AP, AFP's English service and the like.

use super::{stopwords, Locale, Stopwords};
use crate::lang::Lang;
use std::sync::LazyLock;

static STOPWORDS: Stopwords = LazyLock::new(|| stopwords(super::data::en::STOPWORDS_TXT));

/// The English locale.
pub static LOCALE: Locale = Locale {
    lang: Lang::of_locale("en"),
    name: "English",
    english: "English",
    stopwords: &STOPWORDS,
    values_json: super::data::en::VALUES_JSON,
};

#[cfg(test)]
mod tests;
