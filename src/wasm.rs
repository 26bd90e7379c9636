//! The WebAssembly API: the only module that knows about JavaScript.
//!
//! It is a thin binding over [`crate::annotate`]: options arrive as a plain
//! JavaScript object, results leave as plain objects in FORMAT.md's shape
//! (code point offsets), and every bad input becomes a JavaScript `Error`
//! whose message says what is wrong. A panic would abort the module, so the
//! panic hook is installed once at start-up to put the Rust message in the
//! console, but no input is meant to reach one.
//!
//! Trade-off: results cross the boundary through serde-wasm-bindgen (objects
//! built directly in JavaScript) rather than a JSON string. That costs a few
//! calls per span but spares the page a `JSON.parse` of the whole result and
//! keeps `value` objects as they are.
//!
//! [`Annotator`] keeps an editor's lexicon compiled between calls, which is
//! what the page does on every keystroke; [`annotate`] is the one-shot form.

use serde::Deserialize;
use serde_json::Value as Json;
use wasm_bindgen::prelude::*;

use crate::lexicon::{self, Entry, PlaceKind};
use crate::{Date, Lang, Options, UserLexicon, Value};

/// Installs the panic hook once, when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The options object: `{lang?: "fr"|"en"|"und"|"auto", dct?: "YYYY-MM-DD"|null, lexicon?: {...}}`.
#[derive(Deserialize, Default)]
#[serde(default)]
struct JsOptions {
    lang: Option<String>,
    dct: Option<String>,
    lexicon: Option<Json>,
}

fn error(msg: impl std::fmt::Display) -> JsError {
    JsError::new(&msg.to_string())
}

fn read_options(options: JsValue) -> Result<JsOptions, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(JsOptions::default());
    }
    if !options.is_object() {
        return Err(error("options must be an object like {lang, dct, lexicon}"));
    }
    serde_wasm_bindgen::from_value(options).map_err(|e| error(format!("bad options: {e}")))
}

fn lang_option(lang: Option<&str>) -> Result<Option<Lang>, JsError> {
    match lang {
        None | Some("") | Some("auto") => Ok(None),
        Some(s) => Lang::parse(s)
            .map(Some)
            .ok_or_else(|| error(format!("bad lang '{s}' (expected fr, en, und or auto)"))),
    }
}

fn dct_option(dct: Option<&str>) -> Result<Option<Date>, JsError> {
    match dct {
        None | Some("") => Ok(None),
        Some(s) => Date::parse(s).map(Some).ok_or_else(|| {
            error(format!(
                "bad dct '{s}' (expected a date written YYYY-MM-DD)"
            ))
        }),
    }
}

fn lexicon_option(lexicon: Option<&Json>) -> Result<Option<UserLexicon>, JsError> {
    match lexicon {
        None | Some(Json::Null) => Ok(None),
        Some(v) => UserLexicon::from_value(v).map(Some).map_err(error),
    }
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&ser)
        .map_err(|e| error(format!("could not return the result: {e}")))
}

/// Annotates `text` and returns FORMAT.md's result
/// `{lang, dct, dateline, spans}` (code point offsets).
///
/// Throws an `Error` for bad options (unknown language, a date that is not
/// `YYYY-MM-DD`, an invalid lexicon).
#[wasm_bindgen]
pub fn annotate(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let o = read_options(options)?;
    let opts = Options {
        lang: lang_option(o.lang.as_deref())?,
        dct: dct_option(o.dct.as_deref())?,
        lexicon: lexicon_option(o.lexicon.as_ref())?,
    };
    to_js(&crate::annotate(text, &opts))
}

/// Checks an editor's lexicon; throws an `Error` saying what is wrong.
#[wasm_bindgen(js_name = checkLexicon)]
pub fn check_lexicon(lexicon: JsValue) -> Result<(), JsError> {
    let v: Json =
        serde_wasm_bindgen::from_value(lexicon).map_err(|e| error(format!("bad lexicon: {e}")))?;
    UserLexicon::from_value(&v).map(|_| ()).map_err(error)
}

/// One reading of a name in the built-in gazetteers, for the page's value
/// dialog ("which Tripoli?").
#[derive(serde::Serialize)]
struct Sense {
    kind: &'static str,
    value: Value,
    /// `country`, `region`, `city` or `feature` for places.
    #[serde(skip_serializing_if = "Option::is_none")]
    place_kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    population: Option<u64>,
    /// The place's country, named in `lang`.
    #[serde(skip_serializing_if = "Option::is_none")]
    country_name: Option<&'static str>,
}

/// Every reading of `name` in the built-in gazetteers, most prominent first:
/// `[{kind, value, place_kind?, population?, country_name?}]`. Country names
/// are given in `lang` (`fr` or `en`; English otherwise).
#[wasm_bindgen]
pub fn senses(name: &str, lang: Option<String>) -> Result<JsValue, JsError> {
    let lang = match lang.as_deref().and_then(Lang::parse) {
        Some(Lang::Fr) => Lang::Fr,
        _ => Lang::En,
    };
    let out: Vec<Sense> = lexicon::lookup(name)
        .into_iter()
        .map(|e| match e {
            Entry::Place(p) => Sense {
                kind: "place",
                value: p.value(),
                place_kind: Some(match p.kind {
                    PlaceKind::Country => "country",
                    PlaceKind::Region => "region",
                    PlaceKind::City => "city",
                    PlaceKind::Feature => "feature",
                }),
                population: (p.population > 0).then_some(p.population),
                country_name: p.country.and_then(|cc| lexicon::country_name(cc, lang)),
            },
            Entry::Actor(a) => Sense {
                kind: "actor",
                value: Value::Actor(crate::ActorValue {
                    canonical: a.canonical.to_string(),
                    actor_type: Some(a.actor_type),
                }),
                place_kind: None,
                population: None,
                country_name: None,
            },
        })
        .collect();
    to_js(&out)
}

/// The crate's version, for the page's "about" line and cache names.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// An annotator holding a compiled editor's lexicon, for repeated calls.
#[wasm_bindgen]
pub struct Annotator {
    /// The lexicon stays here between calls; `lang` and `dct` are set per call.
    options: Options,
}

#[wasm_bindgen]
impl Annotator {
    /// `new Annotator(lexicon?)`; throws when the lexicon is invalid.
    #[wasm_bindgen(constructor)]
    pub fn new(lexicon: JsValue) -> Result<Annotator, JsError> {
        let lexicon = if lexicon.is_undefined() || lexicon.is_null() {
            None
        } else {
            let v: Json = serde_wasm_bindgen::from_value(lexicon)
                .map_err(|e| error(format!("bad lexicon: {e}")))?;
            lexicon_option(Some(&v))?
        };
        Ok(Annotator {
            options: Options {
                lexicon,
                ..Options::default()
            },
        })
    }

    /// Annotates `text` with this annotator's lexicon; `options` as for
    /// [`annotate`] (a `lexicon` there is ignored).
    pub fn annotate(&mut self, text: &str, options: JsValue) -> Result<JsValue, JsError> {
        let o = read_options(options)?;
        self.options.lang = lang_option(o.lang.as_deref())?;
        self.options.dct = dct_option(o.dct.as_deref())?;
        to_js(&crate::annotate(text, &self.options))
    }
}
