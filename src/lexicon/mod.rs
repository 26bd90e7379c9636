//! The built-in lexicons, compiled in: gazetteer of places and actors (one fst
//! map from name keys to entries), common words, first names, countries and
//! demonyms.
//!
//! Why this shape: everything is built offline by `build.rs` from the data
//! files under `data/` into fst maps and fixed-size record tables that are
//! embedded with `include_bytes!`. Loading is `fst::Map::new` over static
//! bytes (a header check, no parsing), so start-up costs microseconds in the
//! browser as natively; the price is that entries are decoded on each hit
//! (a few shifts) and that the data can only change by rebuilding.
//! Where the data comes from and how to regenerate it: `data/LICENCES.md`.
//!
//! Per-language data (common words, demonyms, country names) comes from each
//! `data/lang/<code>/` folder, in one table per language found by the code
//! of a [`Lang`]: this module never names a language. A language without
//! tables (`Lang::UND`, or one without lexicon data) is looked up in every
//! language, in the order of `data/lang/languages.tsv` (the registry's).

mod data;
mod short_key;
mod walk;
mod walk_cache;
pub mod word_filter;
mod word_memo;

use crate::lang::Lang;
use crate::span::{ActorType, PlaceValue, Value};
use crate::text::Doc;
use fst::{Map, Set};
use std::cell::Cell;
use std::sync::OnceLock;

pub use data::blobs;

/// What kind of place an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Region,
    City,
    Feature,
}

/// A place of the gazetteer.
#[derive(Clone, Debug)]
pub struct PlaceEntry {
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2, upper case.
    pub country: Option<&'static str>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// "geonames:170794", "iso3166-2:FR-IDF", ...: written out by
    /// [`lookup`] and [`place_entry`]; `None` in a [`Match`]'s entries,
    /// which are decoded for every sense of a matched name, most never
    /// shown ([`PlaceEntry::value`] writes it out from `id`).
    pub reference: Option<String>,
    pub population: u64,
    /// A national capital (its name can stand for the government: "backed by Washington").
    pub capital: bool,
    /// The gazetteer id `reference` is the text of.
    id: Option<Reference>,
}

/// Two readings of one place are equal however they were decoded (with
/// `reference` written out or not: it is the text of `id`).
impl PartialEq for PlaceEntry {
    fn eq(&self, o: &PlaceEntry) -> bool {
        self.kind == o.kind
            && self.country == o.country
            && self.lat == o.lat
            && self.lon == o.lon
            && self.id == o.id
            && self.population == o.population
            && self.capital == o.capital
    }
}

impl PlaceEntry {
    /// The span value FORMAT.md gives a place: country, coordinates, gazetteer id.
    pub fn value(&self) -> Value {
        Value::Place(PlaceValue {
            country: self.country.map(std::borrow::Cow::Borrowed),
            lat: self.lat,
            lon: self.lon,
            reference: self
                .reference
                .clone()
                .or_else(|| self.id.map(Reference::text)),
        })
    }
}

/// A place's gazetteer id, kept as its parts and written out only when
/// needed ([`PlaceEntry::reference`]): the gazetteer decodes every sense of
/// a name it matches, and most are never shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reference {
    /// "iso3166-1:SY".
    Country(&'static str),
    /// "geonames:170794".
    Geonames(u32),
    /// "iso3166-2:FR-IDF": the country and up to three bytes of the
    /// subdivision code (zeros after its end).
    Subdivision(&'static str, [u8; 3]),
}

impl Reference {
    /// The id as text ("geonames:170794"), written piece by piece: a
    /// matched place's value writes one, and `format!` cost twice as much.
    pub(crate) fn text(self) -> String {
        let mut s = String::with_capacity(24);
        match self {
            Reference::Country(cc) => {
                s.push_str("iso3166-1:");
                s.push_str(cc);
            }
            Reference::Geonames(id) => {
                s.push_str("geonames:");
                push_decimal(&mut s, id);
            }
            Reference::Subdivision(cc, code) => {
                s.push_str("iso3166-2:");
                s.push_str(cc);
                s.push('-');
                s.extend(code.iter().take_while(|&&b| b != 0).map(|&b| b as char));
            }
        }
        s
    }
}

impl PlaceEntry {
    /// A town of the gazetteer pack ([`crate::towns`]): its GeoNames id
    /// (none for 0), written out when its value is.
    pub(crate) fn town(
        country: &'static str,
        lat: Option<f64>,
        lon: Option<f64>,
        geonames: u32,
        population: u64,
    ) -> PlaceEntry {
        PlaceEntry {
            kind: PlaceKind::City,
            country: Some(country),
            lat,
            lon,
            reference: None,
            population,
            capital: false,
            id: (geonames != 0).then_some(Reference::Geonames(geonames)),
        }
    }
}

impl PlaceEntry {
    /// Whether this is the first-level region `code` of `country` (a
    /// GeoNames admin1 code, the ISO 3166-2 suffix in the United States).
    pub(crate) fn is_subdivision(&self, country: Option<&str>, code: &str) -> bool {
        match self.id {
            Some(Reference::Subdivision(cc, c)) => {
                Some(cc) == country && c.iter().take_while(|&&b| b != 0).eq(code.as_bytes())
            }
            _ => false,
        }
    }
}

impl PlaceEntry {
    /// Whether `reference` is this place's gazetteer id as text (what
    /// [`PlaceEntry::value`] would write), without writing it out.
    pub(crate) fn has_reference(&self, reference: Option<&str>) -> bool {
        match (&self.reference, self.id, reference) {
            (Some(own), _, r) => r == Some(own.as_str()),
            (None, Some(id), Some(r)) => id.is_text(r),
            (None, id, r) => id.is_none() && r.is_none(),
        }
    }
}

impl Reference {
    /// Whether `s` is [`Reference::text`], compared piece by piece.
    fn is_text(self, s: &str) -> bool {
        match self {
            Reference::Country(cc) => s.strip_prefix("iso3166-1:") == Some(cc),
            Reference::Geonames(id) => s
                .strip_prefix("geonames:")
                .is_some_and(|d| decimal_is(d.as_bytes(), id)),
            Reference::Subdivision(cc, code) => s
                .strip_prefix("iso3166-2:")
                .and_then(|r| r.strip_prefix(cc))
                .and_then(|r| r.strip_prefix('-'))
                .is_some_and(|r| {
                    let n = code.iter().take_while(|&&b| b != 0).count();
                    // `text` writes each byte as the char of its value.
                    r.chars().count() == n
                        && r.chars().zip(&code[..n]).all(|(c, &b)| c == b as char)
                }),
        }
    }
}

/// Whether `d` is `n` written in decimal, as [`push_decimal`] writes it.
fn decimal_is(d: &[u8], mut n: u32) -> bool {
    let mut i = d.len();
    loop {
        if i == 0 {
            return false;
        }
        i -= 1;
        if d[i] != b'0' + (n % 10) as u8 {
            return false;
        }
        n /= 10;
        if n == 0 {
            return i == 0;
        }
    }
}

/// Appends `n` in decimal, as `{}` writes it.
fn push_decimal(s: &mut String, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    s.extend(digits[i..].iter().map(|&d| d as char));
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
    /// Every sense of the name, most prominent first: country, then capital
    /// or city of a million, region, feature, city of 100,000, actor, smaller
    /// town (by population within each class).
    pub entries: Vec<Entry>,
}

/// The compiled lexicons, viewed in place over the embedded bytes.
pub struct Lexicon {
    names: Map<&'static [u8]>,
    /// Per language, in the order of `data::tables::LANGS`; `None` for a
    /// pack language, whose tables are its pack's ([`crate::packs`]).
    common: [Option<Set<&'static [u8]>>; data::tables::N_LANGS],
    first_names: Set<&'static [u8]>,
    /// Per language: folded demonym -> country index.
    demonyms: [Option<Map<&'static [u8]>>; data::tables::N_LANGS],
    /// Per language, its pack once loaded: asked at each word look-up, and
    /// a loaded pack never changes ([`crate::packs::get`] finds it by code).
    packs: [OnceLock<&'static crate::packs::Pack>; data::tables::N_LANGS],
}

/// The loaded pack of the language of tables `i`, for a pack language.
fn pack(i: usize) -> Option<&'static crate::packs::Pack> {
    crate::packs::get(data::tables::LANGS.get(i)?)
}

/// The tables of a language: its index in `data::tables::LANGS`, or `None`
/// when its folder has no lexicon file (then every language's, see [`languages`]).
fn lang_index(lang: Lang) -> Option<usize> {
    let code = lang.as_str().as_bytes();
    // Codes are two or three letters: compared in place, with no call.
    data::tables::LANGS.iter().position(|c| {
        let c = c.as_bytes();
        c.len() == code.len() && c.iter().zip(code).all(|(a, b)| a == b)
    })
}

/// The indices of the tables to try for a language: its own, or, for a
/// language without tables, every core language's in the registry's order
/// (not the packs': `und` reads the same whichever packs are loaded).
fn languages(lang: Lang) -> &'static [usize] {
    // Asked at every word a recogniser weighs, nearly always for the same
    // language: the last answer is kept per thread, by the code's address
    // and length (the same address and length are the same code).
    thread_local! {
        static LAST: Cell<((usize, usize), &'static [usize])> = const { Cell::new(((0, 0), &[])) };
    }
    let code = lang.as_str();
    let key = (code.as_ptr() as usize, code.len());
    let (last, found) = LAST.get();
    if last == key {
        return found;
    }
    let found = languages_of(lang);
    LAST.set((key, found));
    found
}

/// [`languages`], found afresh.
fn languages_of(lang: Lang) -> &'static [usize] {
    match lang_index(lang) {
        Some(i) => data::tables::PREFERRED
            .iter()
            .find(|&&p| p == i)
            .map(std::slice::from_ref)
            .unwrap_or(&[]),
        None => data::tables::UND_ORDER,
    }
}

impl Lexicon {
    /// Opens the embedded data afresh (no caching: for benchmarks of the
    /// start-up; use [`get`] otherwise). Costs a few header checks.
    pub fn load() -> Lexicon {
        // The blobs are written by build.rs with the same fst crate: a
        // failure here is a broken build, not bad input.
        let map = |b: &'static [u8]| Map::new(b).expect("compiled fst map is valid");
        let set = |b: &'static [u8]| Set::new(b).expect("compiled fst set is valid");
        let packed = |i: usize| data::tables::PACKED[i];
        Lexicon {
            names: map(data::NAMES_FST),
            common: std::array::from_fn(|i| (!packed(i)).then(|| set(data::tables::COMMON[i]))),
            first_names: set(data::FIRST_NAMES),
            demonyms: std::array::from_fn(|i| (!packed(i)).then(|| map(data::tables::DEMONYMS[i]))),
            packs: std::array::from_fn(|_| OnceLock::new()),
        }
    }

    /// The loaded pack of the language of tables `i`, kept once found.
    fn pack(&self, i: usize) -> Option<&'static crate::packs::Pack> {
        let slot = self.packs.get(i)?;
        if let Some(&p) = slot.get() {
            return Some(p);
        }
        let p = pack(i)?;
        Some(*slot.get_or_init(|| p))
    }

    fn common(&self, i: usize) -> Option<&Set<&'static [u8]>> {
        match &self.common[i] {
            Some(s) => Some(s),
            None => self.pack(i)?.common.as_ref(),
        }
    }

    fn demonyms(&self, i: usize) -> Option<&Map<&'static [u8]>> {
        match &self.demonyms[i] {
            Some(m) => Some(m),
            None => self.pack(i)?.demonyms.as_ref(),
        }
    }

    /// The longest name of the gazetteer that starts at token `start`.
    pub fn longest_match(&self, doc: &Doc, start: usize) -> Option<Match> {
        let (end_token, value) = walk::longest(self.names.as_fst(), doc, start)?;
        let end = doc.tokens.get(end_token.checked_sub(1)?)?.end;
        let ids = data::sense_ids(value);
        let mut entries = Vec::with_capacity(ids.len());
        entries.extend(ids.filter_map(data::entry_without_reference));
        (!entries.is_empty()).then_some(Match {
            end_token,
            end,
            entries,
        })
    }

    /// Every sense of a name given as text ("Deir ez-Zor"), most prominent first.
    pub fn lookup(&self, name: &str) -> Vec<Entry> {
        let key = crate::text::name_key(name);
        match self.names.get(key.as_bytes()) {
            Some(v) => {
                let ids = data::sense_ids(v);
                let mut entries = Vec::with_capacity(ids.len());
                entries.extend(ids.filter_map(data::entry));
                entries
            }
            None => Vec::new(),
        }
    }

    /// The places among the senses of a name given as text, most prominent
    /// first, as [`Lexicon::lookup`] gives them: decoded one at a time, as
    /// the caller asks for them.
    pub fn places_of(&self, name: &str) -> impl Iterator<Item = PlaceEntry> {
        let key = crate::text::name_key(name);
        self.names
            .get(key.as_bytes())
            .map(data::sense_ids)
            .into_iter()
            .flatten()
            .filter(|&s| s < data::tables::N_PLACES)
            .filter_map(place_entry)
    }

    /// The place senses of a name given as text, as ids for [`place_entry`],
    /// most prominent first, without decoding them.
    pub fn place_senses(&self, name: &str, out: &mut Vec<u32>) {
        self.place_senses_of_key(&crate::text::name_key(name), out);
    }

    /// The same for a name's [`crate::text::name_key`], already computed.
    pub fn place_senses_of_key(&self, key: &str, out: &mut Vec<u32>) {
        if let Some(v) = self.names.get(key.as_bytes()) {
            data::senses(v, out);
        }
        out.retain(|&s| s < data::tables::N_PLACES);
    }

    /// The country of the first place sense of a name given as text, without
    /// decoding the senses ("Liban" → LB, "Texas" → US).
    pub fn place_country(&self, name: &str) -> Option<&'static str> {
        let key = crate::text::name_key(name);
        data::sense_ids(self.names.get(key.as_bytes())?)
            .find_map(data::place_country)
            .flatten()
    }

    /// True when `folded` is a frequent word of the language.
    pub fn is_common_word(&self, lang: Lang, folded: &str) -> bool {
        languages(lang).iter().any(|&i| {
            self.common(i)
                .is_some_and(|s| word_memo::contains(s, folded))
        })
    }

    /// The demonym's entry: `Some(None)` for a people without a state ("kurde").
    fn demonym_entry(&self, lang: Lang, folded: &str) -> Option<Option<&'static str>> {
        // Demonyms are short: a longer text is none (as the fixed key buffer
        // of the first version decided).
        if folded.len() > 62 {
            return None;
        }
        let v = languages(lang)
            .iter()
            .find_map(|&i| word_memo::get(self.demonyms(i)?, folded))?;
        Some(data::country_code(v as u8))
    }

    /// The country of a demonym (folded, any gender or number).
    pub fn demonym(&self, lang: Lang, folded: &str) -> Option<&'static str> {
        self.demonym_entry(lang, folded).flatten()
    }

    /// True for any demonym, including peoples without a state ("kurdes", "Arabs").
    pub fn is_demonym(&self, lang: Lang, folded: &str) -> bool {
        self.demonym_entry(lang, folded).is_some()
    }

    /// True when `folded` is a given name of the built-in list.
    pub fn is_first_name(&self, folded: &str) -> bool {
        word_memo::contains(&self.first_names, folded)
    }
}

/// The shared lexicon, opened once per process.
pub fn get() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::load)
}

/// The longest name of the gazetteer that starts at token `start`.
///
/// Word and number tokens are joined by a space; a hyphen between words is a
/// word break, an apostrophe or dot with no space around joins the words
/// ("al-Qa'im", "U.S."); any other punctuation, a line break or the end of the
/// text stops the name. The name must end at the end of a token: "Parisien"
/// does not match "Paris". Matching is case- and accent-insensitive, so the
/// caller judges capitalisation (`doc.tokens[t].upper`) and common words.
pub fn longest_match(doc: &Doc, start: usize) -> Option<Match> {
    get().longest_match(doc, start)
}

/// Every sense of a name given as text, most prominent first.
pub fn lookup(name: &str) -> Vec<Entry> {
    get().lookup(name)
}

/// The places among the senses of a name given as text, most prominent
/// first, decoded as they are asked for.
pub fn places_of(name: &str) -> impl Iterator<Item = PlaceEntry> {
    get().places_of(name)
}

/// The place senses of a name given as text, as ids, most prominent first.
pub fn place_senses(name: &str, out: &mut Vec<u32>) {
    get().place_senses(name, out);
}

/// The place senses of a name's [`crate::text::name_key`] (computed once by
/// a caller that needs the key too).
pub fn place_senses_of_key(key: &str, out: &mut Vec<u32>) {
    get().place_senses_of_key(key, out);
}

/// The place of a sense id of [`place_senses`].
pub fn place_entry(sense: u32) -> Option<PlaceEntry> {
    match data::entry(sense)? {
        Entry::Place(p) => Some(p),
        Entry::Actor(_) => None,
    }
}

/// As [`place_entry`], with the reference left unwritten (it is written
/// out by [`PlaceEntry::value`]; compared by [`PlaceEntry::has_reference`]).
pub(crate) fn place_entry_unwritten(sense: u32) -> Option<PlaceEntry> {
    match data::entry_without_reference(sense)? {
        Entry::Place(p) => Some(p),
        Entry::Actor(_) => None,
    }
}

/// The country of the first place sense of a name given as text ("Liban"
/// → "LB"), without decoding the senses.
pub fn place_country(name: &str) -> Option<&'static str> {
    get().place_country(name)
}

/// True when `folded` is a frequent word of the language, written in lower case.
/// Country names, capitals and cities of 300,000 and more are left out of the
/// lists, so that "Turkey", "Nice" or "Jordan" are not rejected as words.
pub fn is_common_word(lang: Lang, folded: &str) -> bool {
    get().is_common_word(lang, folded)
}

/// The country a demonym (folded, any gender or number) belongs to:
/// "syrienne" → "SY", "iraqi" → "IQ". `Lang::UND` tries every core language, in
/// the registry's order.
pub fn demonym(lang: Lang, folded: &str) -> Option<&'static str> {
    get().demonym(lang, folded)
}

/// True for any demonym, including peoples without a state ("kurde", "Arabs").
pub fn is_demonym(lang: Lang, folded: &str) -> bool {
    get().is_demonym(lang, folded)
}

/// True when `folded` is a given name (first name) in the built-in list.
pub fn is_first_name(folded: &str) -> bool {
    get().is_first_name(folded)
}

/// The usual name of a country (ISO 3166-1 alpha-2, any case) in a language
/// (CLDR short names): ("SY", fr) → "Syrie". A language without a name for it
/// (or `Lang::UND`) gets the name in the language of canonical names
/// (`data/lang/languages.tsv`).
pub fn country_name(iso2: &str, lang: Lang) -> Option<&'static str> {
    let t = data::tables::COUNTRIES;
    let i = t
        .binary_search_by(|c| {
            c.bytes()
                .map(|b| b.to_ascii_uppercase())
                .cmp(iso2.bytes().map(|b| b.to_ascii_uppercase()))
        })
        .ok()?;
    let name_in = |l: usize| {
        let names: &[&'static str] = if *data::tables::PACKED.get(l)? {
            &pack(l)?.country_names
        } else {
            data::tables::COUNTRY_NAMES.get(l)?
        };
        names.get(i).copied().filter(|n| !n.is_empty())
    };
    lang_index(lang)
        .and_then(name_in)
        .or_else(|| data::tables::CANONICAL.and_then(name_in))
}

/// A country's name in the language of canonical names
/// (`data/lang/languages.tsv`), as actors' canonical values write it
/// ("Government of Syria").
pub fn canonical_country_name(iso2: &str) -> Option<&'static str> {
    country_name(iso2, Lang::UND)
}

/// Counts of the compiled data: (names, places, actors, features).
pub fn counts() -> (usize, u32, u32, u32) {
    (
        data::tables::N_KEYS,
        data::tables::N_PLACES,
        data::tables::N_ACTORS,
        data::tables::N_FEATURES,
    )
}

#[cfg(test)]
mod tests;
