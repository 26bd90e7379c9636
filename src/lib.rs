//! # depeche
//!
//! Finds the **actors**, **places** and **dates** of a news dispatch (wire
//! copy in French or English) and normalises them: a canonical name and type
//! for actors, a country, coordinates and gazetteer id for places, a TIMEX3
//! value for dates, resolved against the dispatch's date.
//!
//! ```
//! use depeche::{annotate, Kind, Options};
//!
//! let text = "BEYROUTH, 3 nov 2017 (AFP) - L'armée syrienne a repris vendredi la ville de Deir Ezzor à l'EI.";
//! let result = annotate(text, &Options::default());
//! assert!(!result.lang.is_und()); // detected: a language of the registry
//! for span in &result.spans {
//!     println!("{:>6} {:?} {}..{}", span.kind.as_str(), span.text, span.start, span.end);
//! }
//! ```
//!
//! Spans follow `FORMAT.md`: code point offsets, sorted, never overlapping.
//! Everything is computed from compiled-in data: no I/O, deterministic, and
//! the data loads once per process and is shared.
//!
//! The modules, one job each:
//! - [`lang`] and [`locales`]: the languages, one folder each, and their registry;
//! - [`text`]: tokens, folded forms, offsets — the single pass every recogniser uses;
//! - [`lexicon`]: the compiled gazetteers (places, actors, demonyms, common words);
//! - [`places`], [`actors`], [`dates`]: one recogniser per kind;
//! - [`dateline`]: the wire dateline, which gives the reference date;
//! - [`user_lexicon`]: the names an editor added or rejected;
//! - [`json_limits`]: how deep JSON from outside may nest, checked first;
//! - [`resolve`]: overlaps and final spans;
//! - [`namesakes`]: which of a name's places the dispatch means;
//! - `wasm` (WebAssembly builds only): the JavaScript API the page uses.
//!
//! Scoring against gold data is the `depeche-eval` crate, and the command line
//! the `depeche-cli` package (crates/ of the workspace).

pub mod actors;
pub mod calendar;
pub mod dateline;
pub mod dates;
pub mod framing;
pub mod json_limits;
pub mod lang;
pub mod lexicon;
pub mod locales;
pub mod names;
pub mod namesakes;
pub mod packs;
pub mod places;
pub mod resolve;
pub mod span;
pub mod state_abbreviations;
pub mod text;
pub mod towns;
pub mod user_lexicon;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

use serde::Serialize;

pub use calendar::Date;
pub use lang::Lang;
pub use span::{ActorType, ActorValue, Kind, PlaceValue, Span, Value};
pub use user_lexicon::UserLexicon;

/// An error with a message for people (bad option, unreadable lexicon).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error(pub String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// How to annotate.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The language; `None` detects it.
    pub lang: Option<Lang>,
    /// The reference date; `None` takes the dateline's, if any.
    pub dct: Option<Date>,
    /// The editor's lexicon, which overrides the built-in data.
    pub lexicon: Option<UserLexicon>,
}

/// The dateline of a dispatch, in code point offsets.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dateline {
    pub start: usize,
    pub end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
}

/// The result of [`annotate`] (FORMAT.md, "A result").
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Annotated {
    pub lang: Lang,
    #[serde(serialize_with = "serialize_date")]
    pub dct: Option<Date>,
    pub dateline: Option<Dateline>,
    pub spans: Vec<Span>,
}

fn serialize_date<S: serde::Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.to_string()),
        None => s.serialize_none(),
    }
}

/// Annotates a dispatch. Never panics, whatever the text.
///
/// A text in a language whose pack is not loaded (only in the WebAssembly
/// build, which starts with none: [`packs`]) is read as `und`;
/// [`annotate_loaded`] reports it instead.
pub fn annotate(text: &str, options: &Options) -> Annotated {
    let doc = text::Doc::new(text);
    let mut lang = options.lang.unwrap_or_else(|| locales::detect(&doc));
    if packs::missing(lang.as_str()).is_some() {
        lang = Lang::UND;
    }
    annotate_doc(text, doc, lang, options, None)
}

/// The language of a text (given or detected) has a pack that is not
/// loaded: its code, for the message and for the page to fetch it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackMissing(pub &'static str);

impl std::fmt::Display for PackMissing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}: the text is in a language whose pack is not loaded (load packs/{}.pack)",
            packs::MISSING,
            self.0,
            self.0
        )
    }
}

/// As [`annotate`], but a text whose language's pack is not loaded is an
/// error naming the pack, not a text of no known language.
pub fn annotate_loaded(text: &str, options: &Options) -> Result<Annotated, PackMissing> {
    let doc = text::Doc::new(text);
    let lang = options.lang.unwrap_or_else(|| locales::detect(&doc));
    if let Some(code) = packs::missing(lang.as_str()) {
        return Err(PackMissing(code));
    }
    Ok(annotate_doc(text, doc, lang, options, None))
}

fn annotate_doc(
    text: &str,
    mut doc: text::Doc,
    lang: Lang,
    options: &Options,
    train: Option<names::learned::Train>,
) -> Annotated {
    let (add_train, verify_train) = match train {
        Some(names::learned::Train::Adder(v)) => (Some(v), None),
        Some(names::learned::Train::Verifier(v)) => (None, Some(v)),
        None => (None, None),
    };
    let locale = locales::of(lang);
    // A dateline in another language is read with the core languages'
    // grammars (not the packs': locales::packs, "Determinism rule").
    let all_dates = locales::core_locales().map(|l| l.dates);
    let found = dateline::find(&doc, locale.dates, all_dates);
    // The story opens after the dateline: its first word starts a sentence
    // ("(AFP) - Des heurts", "(Reuters) - Clashes erupted").
    if let Some(f) = &found {
        let t = doc.token_at_or_after(f.end);
        if let Some(tok) = doc.tokens.get_mut(t) {
            tok.sentence_start = true;
        }
    }
    let doc = doc;
    let dct = options.dct.or(found.as_ref().and_then(|f| f.date));

    // Room for the candidates of a dispatch (about one per 50 bytes in
    // wire copy, more before overlaps are resolved): no growth by steps.
    let mut cands = Vec::with_capacity(text.len() / 24 + 16);
    dates::find(&doc, locale.dates, dct, &mut cands);
    let setting = found
        .as_ref()
        .map_or_else(names::Setting::default, |f| names::Setting {
            place: f.place,
            country: dateline::country(text, f),
        });
    names::find(&doc, lang, locale.names, &setting, &mut cands);
    places::find(
        &doc,
        locale.framing,
        locale.places.map(|l| &**l),
        &mut cands,
    );
    let phrases = locale.actors.map(|p| &**p);
    actors::find(&doc, lang, locale.framing, phrases, &mut cands);
    names::learned_decide(&doc, lang, locale.names, &mut cands, add_train);
    names::drop_compound_heads(text, locale.names, &mut cands);
    state_abbreviations::find(text, &mut cands);
    if let Some(lex) = &options.lexicon {
        lex.reject(text, &mut cands);
        lex.find(&doc, &mut cands);
    }
    let proposals = names::learned::proposals(locale.names, &cands);
    // The verifier (on where there are proposals) reads spans in bytes.
    let mut bytes = Vec::new();
    let mut spans = if proposals.is_empty() {
        resolve::resolve(text, cands)
    } else {
        resolve::resolve_with_bytes(text, cands, &mut bytes)
    };
    names::learned::verify(
        &bytes,
        &doc,
        locale.names,
        &proposals,
        &mut spans,
        verify_train,
    );
    names::trim_edges(lang, locale.names, &mut spans);
    namesakes::choose(&mut spans);
    let dateline = found.map(|f| dateline_in_chars(text, &f, dct));
    Annotated {
        lang,
        dct,
        dateline,
        spans,
    }
}

/// The words the learned names layer of `lang` decides in `text` (with
/// `verifier`, the spans its verifier reads), with their features, in byte
/// offsets: what its trainer learns from (`crates/eval/examples/
/// train_names.rs`). Empty for a language with no layer.
#[doc(hidden)]
pub fn learned_examples(text: &str, lang: Lang, verifier: bool) -> Vec<names::Example> {
    let mut out = Vec::new();
    let options = Options {
        lang: Some(lang),
        ..Options::default()
    };
    let train = if verifier {
        names::learned::Train::Verifier(&mut out)
    } else {
        names::learned::Train::Adder(&mut out)
    };
    annotate_doc(text, text::Doc::new(text), lang, &options, Some(train));
    out
}

fn dateline_in_chars(text: &str, f: &dateline::Found, dct: Option<Date>) -> Dateline {
    let mut offs = [f.start, f.end];
    text::byte_to_char_offsets(text, &mut offs);
    // A day without a year takes the reference year; one that year does not
    // have ("29 février" in 2019) gives no date.
    let date = match (f.date, f.partial_date) {
        (Some(d), _) => Some(d.to_string()),
        (None, Some((m, d))) => match dct {
            Some(r) => Date::new(r.year, m, d).map(|d| d.to_string()),
            None => Some(format!("XXXX-{m:02}-{d:02}")),
        },
        _ => None,
    }
    .filter(|v| dates::timex::is_valid(v));
    Dateline {
        start: offs[0],
        end: offs[1],
        place: f.place.map(|(s, e)| text[s..e].to_string()),
        date,
        agency: f.agency.clone(),
    }
}
