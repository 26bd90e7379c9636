//! The registry of languages: one folder per language, listed once, in
//! `data/lang/languages.tsv` (read by `build.rs`, which writes [`LOCALES`],
//! and by `scripts/gen_lexicons.py`).
//!
//! Everything one language knows lives in its folder: `src/locales/<code>/`
//! for what is code (its date grammar, the rules its names follow) and
//! `data/lang/<code>/` for its words (`build.rs` turns every data folder into
//! the constants of [`data`]). The recognisers are written once and read the
//! part of a [`Locale`] that concerns them; none of them names a language.
//! This module parses language codes, lists the languages (for the command
//! line and the WebAssembly API) and detects the language of a text.
//!
//! Adding a language: README, "Adding a language".

pub mod de;
pub mod en;
#[cfg(feature = "test-locale")]
pub mod eo;
pub mod es;
pub mod fr;

use crate::framing::Framing;
use crate::lang::Lang;
use crate::text::hash::WordSet;
use crate::text::{Doc, TokKind};
use std::sync::LazyLock;

/// The data files of every `data/lang/<code>/` folder, as text.
pub mod data {
    include!(concat!(env!("OUT_DIR"), "/lang_data.rs"));
}

/// Function words, hashed with the word hasher: detection looks up nearly
/// every word of a text.
pub type Stopwords = LazyLock<WordSet<&'static str>>;

/// What one language knows.
pub struct Locale {
    pub lang: Lang,
    /// The language's name in itself, for menus: "français".
    pub name: &'static str,
    /// Its name in English: "French".
    pub english: &'static str,
    /// Its function words ("le", "des"; "the", "of"), from
    /// `data/lang/<code>/stopwords.txt`: detection counts them.
    pub stopwords: &'static Stopwords,
    /// How a value is said in the language, for the widget's correction chip
    /// (`data/lang/<code>/values.json`, handed over as it is).
    pub values_json: &'static str,
    /// The words that frame names (titles, heads of institutions, place
    /// triggers, agent verbs), from `data/lang/<code>/names.tsv`.
    pub framing: &'static LazyLock<Framing>,
    /// Its date grammar and date words (`src/locales/<code>/dates/`).
    pub dates: &'static crate::dates::Grammar,
    /// How it names a state's forces (`src/locales/<code>/actors.rs`).
    pub actors: Option<&'static LazyLock<crate::actors::Phrases>>,
    /// The words between a feature's head and its name (`src/locales/<code>/places.rs`).
    pub places: Option<&'static LazyLock<crate::places::Links>>,
    /// What names read of the language: its cues and rules (`<code>/names.rs`).
    pub names: &'static LazyLock<crate::names::Cues>,
}

/// The name particles every language shares ("al", "ben", "van").
pub const PARTICLES: &str = include_str!("../../data/lang/particles.txt");

/// Reads a language's framing words, with the shared particles.
pub fn framing(names_tsv: &'static str) -> Framing {
    Framing::parse(names_tsv, PARTICLES)
}

/// What is known of a language without a locale: the name particles only.
pub static UND: Locale = Locale {
    lang: Lang::UND,
    name: "und",
    english: "other",
    stopwords: &UND_STOPWORDS,
    values_json: "{}",
    framing: &UND_FRAMING,
    dates: &crate::dates::NUMERIC,
    actors: None,
    places: None,
    names: &UND_NAMES,
};
static UND_STOPWORDS: Stopwords = LazyLock::new(WordSet::default);
static UND_FRAMING: LazyLock<Framing> = LazyLock::new(|| framing(""));
static UND_NAMES: LazyLock<crate::names::Cues> = LazyLock::new(|| crate::names::Cues {
    framing: &UND_FRAMING,
    stopwords: &UND_STOPWORDS,
    any_framing: &ANY_FRAMING,
    any_stopwords: &ANY_STOPWORDS,
    date_words: None,
    plural_ies_to_y: false,
    hyphenated_toponyms: false,
    capitals_mark_names: true,
    strict_name_case: false,
    country_names: None,
    hyphen_compounds: false,
    capitalised_nouns: false,
    surnames: None,
    first_names: None,
    companies: None,
    learned: None,
});

/// The cue words of every core language, built once, for the rules that
/// read a cue whatever the language of the text (names' [`crate::names::Cues`]).
/// Not the packs': a text reads the same whichever packs are loaded
/// ([`crate::packs`], "Determinism rule").
pub static ANY_FRAMING: LazyLock<Framing> =
    LazyLock::new(|| Framing::union_of_cues(core_locales().map(|l| &**l.framing)));
/// The function words of every language, built once (a pack language's are
/// in the core too).
pub static ANY_STOPWORDS: Stopwords = LazyLock::new(|| {
    LOCALES
        .iter()
        .flat_map(|l| l.stopwords.iter().copied())
        .collect()
});

/// For each function word of a language that detection counts (the first
/// eight of [`LOCALES`]), the languages that have it, one 16-bit lane each
/// holding 1 (detection adds the value to its counts: one addition for all
/// languages). Keyed by [`short_key`]: detection reads words of at most
/// seven bytes only.
static STOPWORD_LANGS: LazyLock<crate::text::hash::WordMap<u64, u128>> = LazyLock::new(|| {
    let mut m = crate::text::hash::WordMap::default();
    for (i, l) in LOCALES.iter().take(LANES).enumerate() {
        for &w in l.stopwords.iter() {
            if let Some(k) = short_key(w.as_bytes()) {
                *m.entry(k).or_insert(0u128) |= 1 << (16 * i);
            }
        }
    }
    m
});

/// How many languages detection counts: one 16-bit lane each of a `u128`
/// (at most 2,000 words are read, so a count fits its lane).
const LANES: usize = 8;

/// A word of at most seven bytes as one number (its bytes, then its length
/// in the top byte: two words have the same key only when they are the
/// same); `None` for a longer word. One multiply hashes it, where a `&str`
/// key costs one per byte.
#[inline]
fn short_key(w: &[u8]) -> Option<u64> {
    if w.len() > 7 {
        return None;
    }
    let mut b = [0u8; 8];
    for (d, &s) in b.iter_mut().zip(w) {
        *d = s;
    }
    b[7] = w.len() as u8;
    Some(u64::from_le_bytes(b))
}

/// [`short_key`] of the `len` bytes at `start` of `folded`, read as one
/// 8-byte load where the text goes on that far.
#[inline]
fn short_key_at(folded: &[u8], start: usize, len: usize) -> Option<u64> {
    if len > 7 {
        return None;
    }
    match folded.get(start..start + 8) {
        Some(b) => {
            let mut w = [0u8; 8];
            w.copy_from_slice(b);
            let mask = (1u64 << (8 * len)) - 1;
            Some(u64::from_le_bytes(w) & mask | (len as u64) << 56)
        }
        None => short_key(folded.get(start..start + len)?),
    }
}

/// The languages of `data/lang/languages.tsv`, in its order: the order
/// detection prefers on a tie. A language of role `test` is listed only in a
/// build with the `test-locale` feature.
pub static LOCALES: &[&Locale] = include!(concat!(env!("OUT_DIR"), "/registry.rs"));

/// The core languages (those whose pack comes with the module, not one
/// fetched on demand), in the registry's order: what registry-wide rules read.
pub fn core_locales() -> impl Iterator<Item = &'static Locale> {
    LOCALES
        .iter()
        .copied()
        .filter(|l| !crate::packs::on_demand(l.lang.as_str()))
}

/// Reads a language's country names (`data/lang/<code>/countries.tsv`: ISO
/// code, name) into a map from the folded name to the code, for the names
/// piece of a language whose names the shared gazetteer does not all carry.
pub fn country_names(
    countries_tsv: &'static str,
) -> crate::text::hash::WordMap<String, &'static str> {
    crate::text::word_list(countries_tsv)
        .filter_map(|line| line.split_once('\t'))
        .map(|(iso2, name)| (crate::text::fold::fold_str(name.trim()), iso2))
        .collect()
}

/// Parses a list of names of a data folder, folded (`surnames.txt`).
pub fn folded_names(data: &'static str) -> WordSet<String> {
    crate::text::word_list(data)
        .map(crate::text::fold::fold_str)
        .collect()
}

/// Parses a function-word list of a data folder.
pub fn stopwords(data: &'static str) -> WordSet<&'static str> {
    crate::text::word_list(data).collect()
}

impl Lang {
    /// Parses a language code of the registry, or `und` (case-insensitive;
    /// a region or script after `-` or `_` is ignored: `fr-FR`, `en-GB`).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let primary = s.split(['-', '_']).next().unwrap_or("");
        if primary == Lang::UND.as_str() {
            return Some(Lang::UND);
        }
        LOCALES
            .iter()
            .find(|l| l.lang.as_str() == primary)
            .map(|l| l.lang)
    }
}

/// The codes a `lang` option accepts, for messages: "fr, en, und or auto".
pub fn accepted_codes() -> String {
    let mut s = String::new();
    for l in LOCALES {
        s.push_str(l.lang.as_str());
        s.push_str(", ");
    }
    s.push_str("und or auto");
    s
}

/// The locale of a language; [`UND`] for a language without one.
pub fn of(lang: Lang) -> &'static Locale {
    LOCALES
        .iter()
        .copied()
        .find(|l| l.lang == lang)
        .unwrap_or(&UND)
}

/// Detects the language from its function words; [`Lang::UND`] when no
/// language's words make up a noticeable share of the text.
pub fn detect(doc: &Doc) -> Lang {
    let locales = &LOCALES[..LOCALES.len().min(LANES)];
    // How many words are read: the first 2,000, or all of a shorter text.
    let limit = doc
        .tokens
        .iter()
        .filter(|t| t.kind == TokKind::Word)
        .take(2000)
        .count();
    // Per language (a 16-bit lane each), how many of them are its function
    // words.
    let mut lanes = 0u128;
    let table = &*STOPWORD_LANGS;
    let folded = doc.folded.as_bytes();
    let mut words = 0usize;
    for tok in &doc.tokens {
        if tok.kind != TokKind::Word {
            continue;
        }
        words += 1;
        let (start, end) = (tok.fstart as usize, tok.fend as usize);
        if let Some(k) = short_key_at(folded, start, end.saturating_sub(start)) {
            if let Some(&langs) = table.get(&k) {
                lanes += langs;
            }
        }
        if words >= limit {
            break;
        }
        if words % 16 == 0 {
            if let Some(best) = decided(&counts(lanes)[..locales.len()], limit - words, limit) {
                return locales[best].lang;
            }
        }
    }
    let counts = counts(lanes);
    // The first language with the highest count wins a tie.
    let Some((best, &n)) = counts
        .iter()
        .enumerate()
        .take(locales.len())
        .rev()
        .max_by_key(|&(_, n)| n)
    else {
        return Lang::UND;
    };
    // Function words are a quarter or more of running text; a few hits in a
    // long text in another language (names, "de") must not count.
    if n < 2 || n * 12 < limit {
        return Lang::UND;
    }
    locales[best].lang
}

/// The counts of detection's lanes, per language.
fn counts(lanes: u128) -> [usize; LANES] {
    std::array::from_fn(|i| (lanes >> (16 * i) & 0xffff) as usize)
}

/// The language detection will choose whatever the `left` words still to
/// read: one whose count is already enough for the share rule of [`detect`]
/// over `limit` words and leads every other by more than `left` (a word adds
/// at most one to each count). `None` while the rest could change the choice.
fn decided(counts: &[usize], left: usize, limit: usize) -> Option<usize> {
    let (best, &n) = counts.iter().enumerate().rev().max_by_key(|&(_, n)| n)?;
    if n < 2 || n * 12 < limit {
        return None;
    }
    let clear = counts
        .iter()
        .enumerate()
        .all(|(i, &m)| i == best || m + left < n);
    clear.then_some(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_parses_its_own_code_and_has_words() {
        for l in LOCALES {
            assert_eq!(Lang::parse(l.lang.as_str()), Some(l.lang));
            assert!(!l.stopwords.is_empty(), "{}: no function words", l.lang);
        }
        assert_eq!(Lang::parse("und"), Some(Lang::UND));
        assert_eq!(Lang::parse("xx"), None);
        assert_eq!(Lang::parse(""), None);
        assert_eq!(detect(&Doc::new("")), Lang::UND);
        let codes = accepted_codes();
        assert!(LOCALES.iter().all(|l| codes.contains(l.lang.as_str())));
        assert!(codes.ends_with("und or auto"));
    }

    #[test]
    fn every_locale_says_values_in_json() {
        for l in LOCALES {
            let v: serde_json::Value = serde_json::from_str(l.values_json)
                .unwrap_or_else(|e| panic!("data/lang/{}/values.json: {e}", l.lang));
            assert_eq!(v["months"].as_array().map(Vec::len), Some(12), "{}", l.lang);
            assert_eq!(v["days"].as_array().map(Vec::len), Some(7), "{}", l.lang);
        }
    }

    /// Detection as it was before its early stop and packed counts: every
    /// one of the first 2,000 words looked up, one count per language.
    fn detect_full(doc: &Doc) -> Lang {
        let mut counts = [0usize; LANES];
        let locales = &LOCALES[..LOCALES.len().min(LANES)];
        let mut words = 0usize;
        for (t, tok) in doc.tokens.iter().enumerate() {
            if tok.kind != TokKind::Word {
                continue;
            }
            words += 1;
            for (i, l) in locales.iter().enumerate() {
                counts[i] +=
                    usize::from(doc.norm(t).len() <= 7 && l.stopwords.contains(doc.norm(t)));
            }
            if words >= 2000 {
                break;
            }
        }
        let Some((best, &n)) = counts
            .iter()
            .enumerate()
            .take(locales.len())
            .rev()
            .max_by_key(|&(_, n)| n)
        else {
            return Lang::UND;
        };
        if n < 2 || n * 12 < words {
            return Lang::UND;
        }
        locales[best].lang
    }

    #[test]
    fn the_early_stop_chooses_as_the_whole_pass_would() {
        // Texts of mixed function words and other words, of every length
        // around the limit, with the language changing part-way.
        let mut pool: Vec<&str> = vec!["Xyzzy", "plugh", "42", "Quux", "-", "."];
        for l in LOCALES {
            let mut w: Vec<&str> = l.stopwords.iter().copied().collect();
            w.sort_unstable();
            pool.extend(w.into_iter().take(12));
        }
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for round in 0..60 {
            let len = [3, 40, 300, 1990, 2000, 2010, 2600][round % 7];
            let mut text = String::new();
            for k in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                // Lean towards one stretch of the pool, which moves along the text.
                let bias = (round + k * 3 / len.max(1)) * 7 % pool.len();
                let pick = if seed % 3 == 0 {
                    seed as usize / 3 % pool.len()
                } else {
                    (bias + seed as usize % 9) % pool.len()
                };
                text.push_str(pool[pick]);
                text.push(' ');
            }
            let doc = Doc::new(&text);
            assert_eq!(detect(&doc), detect_full(&doc), "round {round}");
        }
    }

    #[test]
    fn an_unknown_language_is_und() {
        let nl = Doc::new("Het Syrische leger heeft de stad Deir Ezzor heroverd, zei hij.");
        assert_eq!(detect(&nl), Lang::UND);
    }
}
