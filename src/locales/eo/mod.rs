//! Esperanto, a test language: a few words only, compiled with the
//! `test-locale` feature and never in a release. It exists to show, and to
//! test (`tests/test_locale.rs`), that a language is a folder: this one and
//! `data/lang/eo/`, with a line in `data/lang/languages.tsv`, and nothing else.

mod dates;
mod names;

use super::{framing, stopwords, Locale, Stopwords};
use crate::framing::Framing;
use crate::lang::Lang;
use std::sync::LazyLock;

static STOPWORDS: Stopwords = LazyLock::new(|| stopwords(super::data::eo::STOPWORDS_TXT));
static FRAMING: LazyLock<Framing> = LazyLock::new(|| framing(super::data::eo::NAMES_TSV));

/// The Esperanto locale.
pub static LOCALE: Locale = Locale {
    lang: Lang::of_locale("eo"),
    name: "Esperanto",
    english: "Esperanto",
    stopwords: &STOPWORDS,
    values_json: super::data::eo::VALUES_JSON,
    framing: &FRAMING,
    dates: &dates::GRAMMAR,
    actors: None,
    places: None,
    names: &names::NAMES,
};
