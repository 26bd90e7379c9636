//! Spanish: EFE, AFP's and Reuters' Spanish services, El País and the like.
//! It reads like French (head-first actors, "el Gobierno colombiano"; name
//! particles "de", "del", "de la"), so its pieces are French-shaped with
//! Spanish words; its data come in a language pack (role `pack`, `crate::packs`).

mod actors;
mod dates;
mod places;

use super::{framing, stopwords, Locale, Stopwords};
use crate::framing::Framing;
use crate::lang::Lang;
use std::sync::LazyLock;

mod names;

static STOPWORDS: Stopwords = LazyLock::new(|| stopwords(super::data::es::STOPWORDS_TXT));
static FRAMING: LazyLock<Framing> = LazyLock::new(|| framing(super::data::es::NAMES_TSV()));

/// The Spanish locale.
pub static LOCALE: Locale = Locale {
    lang: Lang::of_locale("es"),
    name: "español",
    english: "Spanish",
    stopwords: &STOPWORDS,
    values_json: super::data::es::VALUES_JSON,
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
