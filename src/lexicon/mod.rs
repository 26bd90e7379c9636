//! The built-in lexicons, compiled in: gazetteer of places and actors (one fst
//! map from name keys to entries), common words, countries and demonyms.
//! (Stub: the real module replaces this with the compiled data.)
use crate::lang::Lang;
use crate::span::ActorType;
use crate::text::Doc;

/// What kind of place an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Region,
    City,
    Feature,
}

/// A place of the gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceEntry {
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2, upper case.
    pub country: Option<&'static str>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// "geonames:170794", "iso3166-2:FR-IDF", ...
    pub reference: Option<String>,
    pub population: u64,
    /// A national capital (its name can stand for the government: "backed by Washington").
    pub capital: bool,
}

/// An actor of the built-in lexicon.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorEntry {
    pub canonical: &'static str,
    pub actor_type: ActorType,
}

/// One sense of a name.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    Place(PlaceEntry),
    Actor(ActorEntry),
}

/// The longest gazetteer name starting at a token.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    /// One past the last token of the name.
    pub end_token: usize,
    /// Byte offset of the end of the name.
    pub end: usize,
    /// Every sense of the name, most prominent first.
    pub entries: Vec<Entry>,
}

/// The longest name of the gazetteer that starts at token `start`.
pub fn longest_match(_doc: &Doc, _start: usize) -> Option<Match> {
    None
}

/// True when `folded` is a frequent word of the language, written in lower case.
pub fn is_common_word(_lang: Lang, _folded: &str) -> bool {
    false
}

/// The country a demonym (folded, any gender or number) belongs to:
/// "syrienne" → "SY", "iraqi" → "IQ".
pub fn demonym(_lang: Lang, _folded: &str) -> Option<&'static str> {
    None
}

/// True when `folded` is a given name (first name) in the built-in list.
pub fn is_first_name(_folded: &str) -> bool {
    false
}

/// A country's name in a language, from its ISO 3166-1 alpha-2 code.
pub fn country_name(_iso2: &str, _lang: Lang) -> Option<&'static str> {
    None
}
