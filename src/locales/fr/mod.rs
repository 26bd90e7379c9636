//! French: AFP's French service, Le Monde, Ouest-France and the like.

use super::{framing, stopwords, Locale, Stopwords};
use crate::framing::Framing;
use crate::lang::Lang;
use std::sync::LazyLock;

mod names;

static STOPWORDS: Stopwords = LazyLock::new(|| stopwords(super::data::fr::STOPWORDS_TXT));
static FRAMING: LazyLock<Framing> = LazyLock::new(|| framing(super::data::fr::NAMES_TSV));

/// The French locale.
pub static LOCALE: Locale = Locale {
    lang: Lang::of_locale("fr"),
    name: "français",
    english: "French",
    stopwords: &STOPWORDS,
    values_json: super::data::fr::VALUES_JSON,
    framing: &FRAMING,
    names: &names::NAMES,
};

#[cfg(test)]
mod names_tests;
#[cfg(test)]
mod tests;
