//! French: AFP's French service, Le Monde, Ouest-France and the like.

use super::{stopwords, Locale, Stopwords};
use crate::lang::Lang;
use std::sync::LazyLock;

static STOPWORDS: Stopwords = LazyLock::new(|| stopwords(super::data::fr::STOPWORDS_TXT));

/// The French locale.
pub static LOCALE: Locale = Locale {
    lang: Lang::of_locale("fr"),
    name: "français",
    english: "French",
    stopwords: &STOPWORDS,
    values_json: super::data::fr::VALUES_JSON,
};

#[cfg(test)]
mod tests;
