//! The WebAssembly API: the only module that knows about JavaScript.
//!
//! It is a thin binding over [`crate::annotate`]: options arrive as a plain
//! JavaScript object, results leave as plain objects in FORMAT.md's shape
//! (code point offsets), and every bad input becomes a JavaScript `Error`
//! whose message says what is wrong. A panic would abort the module, so the
//! panic hook is installed once at start-up to put the Rust message in the
//! console, but no input is meant to reach one.
//!
//! Every value from JavaScript is checked before Rust recurses into it:
//! types first (`annotate(123)` is an `Error`, not a trap), then sizes (a
//! text is at most [`MAX_TEXT_UNITS`] UTF-16 code units, a lexicon at most
//! [`MAX_LEXICON_UNITS`] once written as JSON), then depth: a lexicon is
//! turned into JSON text by the engine's own `JSON.stringify` (which throws
//! on cycles and on nesting too deep for it) and that text's nesting is
//! counted without recursion ([`crate::json_limits`]) before serde_json
//! parses it. Options are read property by property, never deserialised as
//! a whole, so an option nobody reads can be anything. A value nested
//! thousands of levels deep used to overflow the WebAssembly stack, which
//! corrupts memory and breaks every later call ("memory access out of
//! bounds"); it is now an `Error` like any other.
//!
//! Trade-off: results cross the boundary through serde-wasm-bindgen (objects
//! built directly in JavaScript) rather than a JSON string. That costs a few
//! calls per span but spares the page a `JSON.parse` of the whole result and
//! keeps `value` objects as they are. Lexicons go the other way as JSON text:
//! they are small, and the page already keeps them as JSON.
//!
//! [`Annotator`] keeps an editor's lexicon compiled between calls, which is
//! what the page does on every keystroke; [`annotate`] is the one-shot form.

use js_sys::{Array, JsString, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::lexicon::{self, Entry, PlaceEntry, PlaceKind};
use crate::{Date, Lang, Options, UserLexicon, Value};

/// The longest text accepted, in UTF-16 code units (the page's engine stops
/// at 20 M before this).
pub const MAX_TEXT_UNITS: u32 = 32 * 1024 * 1024;

/// The longest lexicon accepted, in UTF-16 code units of its JSON text.
pub const MAX_LEXICON_UNITS: u32 = 32 * 1024 * 1024;

/// Installs the panic hook once, when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

fn error(msg: impl std::fmt::Display) -> JsError {
    JsError::new(&msg.to_string())
}

/// What a JavaScript value is, for messages: `typeof`, with `null` and
/// `array` told apart from `object`.
fn type_name(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if Array::is_array(v) {
        "array".into()
    } else {
        v.js_typeof()
            .as_string()
            .unwrap_or_else(|| "unknown".into())
    }
}

/// A string argument, its length checked before it is copied into Rust.
fn string_arg(what: &str, v: &JsValue, max_units: u32) -> Result<String, JsError> {
    let Some(js) = v.dyn_ref::<JsString>() else {
        return Err(error(format!(
            "{what} must be a string, got {}",
            type_name(v)
        )));
    };
    let units = js.length();
    if units > max_units {
        return Err(error(format!(
            "{what} is {units} UTF-16 code units long; at most {max_units} are annotated at once"
        )));
    }
    Ok(String::from(js))
}

/// An optional string option: `undefined` and `null` are `None`.
fn optional_string(what: &str, v: &JsValue) -> Result<Option<String>, JsError> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    string_arg(what, v, 1024).map(Some)
}

/// The options that matter for one call: `{lang?, dct?, lexicon?}`.
struct JsOptions {
    lang: Option<String>,
    dct: Option<String>,
    lexicon: JsValue,
}

/// Reads `lang`, `dct` and (when `with_lexicon`) `lexicon` from the options
/// object, one property at a time.
fn read_options(what: &str, options: &JsValue, with_lexicon: bool) -> Result<JsOptions, JsError> {
    let mut o = JsOptions {
        lang: None,
        dct: None,
        lexicon: JsValue::UNDEFINED,
    };
    if options.is_undefined() || options.is_null() {
        return Ok(o);
    }
    if !options.is_object() || Array::is_array(options) {
        return Err(error(format!(
            "{what}: options must be an object like {{lang, dct, lexicon}}, got {}",
            type_name(options)
        )));
    }
    let get = |key: &str| {
        Reflect::get(options, &JsValue::from_str(key))
            .map_err(|_| error(format!("{what}: options.{key} could not be read")))
    };
    o.lang = optional_string(&format!("{what}: options.lang"), &get("lang")?)?;
    o.dct = optional_string(&format!("{what}: options.dct"), &get("dct")?)?;
    if with_lexicon {
        o.lexicon = get("lexicon")?;
    }
    Ok(o)
}

fn lang_option(lang: Option<&str>) -> Result<Option<Lang>, JsError> {
    match lang {
        None | Some("") | Some("auto") => Ok(None),
        Some(s) => Lang::parse(s).map(Some).ok_or_else(|| {
            error(format!(
                "bad lang '{s}' (expected {})",
                crate::locales::accepted_codes()
            ))
        }),
    }
}

fn dct_option(dct: Option<&str>) -> Result<Option<Date>, JsError> {
    match dct {
        None | Some("") => Ok(None),
        Some(s) => Date::parse(s).map(Some).ok_or_else(|| {
            error(format!(
                "bad dct '{s}' (expected a real date written YYYY-MM-DD)"
            ))
        }),
    }
}

/// An editor's lexicon from JavaScript: `undefined`/`null` is none; an
/// object is written as JSON by `JSON.stringify`, its size and nesting
/// checked, then compiled.
fn lexicon_arg(lexicon: &JsValue) -> Result<Option<UserLexicon>, JsError> {
    if lexicon.is_undefined() || lexicon.is_null() {
        return Ok(None);
    }
    if !lexicon.is_object() || Array::is_array(lexicon) {
        return Err(error(format!(
            "lexicon: expected an object {{\"version\": 1, ...}}, got {}",
            type_name(lexicon)
        )));
    }
    let json = JSON::stringify(lexicon).map_err(|e| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default();
        let lower = why.to_ascii_lowercase();
        if lower.contains("stack") || lower.contains("recursion") {
            // The engine's own JSON.stringify ran out of stack: deeper still.
            error(format!(
                "lexicon: value nested deeper than {} levels ({why})",
                crate::json_limits::MAX_DEPTH
            ))
        } else {
            error(format!("lexicon: cannot be written as JSON ({why})"))
        }
    })?;
    let json = string_arg("lexicon", &json, MAX_LEXICON_UNITS)?;
    crate::json_limits::check_depth(&json, crate::json_limits::MAX_DEPTH)
        .map_err(|e| error(format!("lexicon: {e}")))?;
    UserLexicon::from_json(&json).map(Some).map_err(error)
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
/// Throws an `Error` for a text that is not a string, bad options (unknown
/// language, a date that is not `YYYY-MM-DD`, an invalid lexicon).
#[wasm_bindgen]
pub fn annotate(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: JsValue,
) -> Result<JsValue, JsError> {
    let text = string_arg("annotate: text", &text, MAX_TEXT_UNITS)?;
    let o = read_options("annotate", &options, true)?;
    let opts = Options {
        lang: lang_option(o.lang.as_deref())?,
        dct: dct_option(o.dct.as_deref())?,
        lexicon: lexicon_arg(&o.lexicon)?,
    };
    to_js(&annotated(&text, &opts)?)
}

/// Annotates, or throws `PACK_MISSING <code>: …` for a text whose language's
/// pack is not loaded (the page fetches `pkg/packs/<code>.pack`, calls
/// [`load_pack`] and tries again).
fn annotated(text: &str, opts: &Options) -> Result<crate::Annotated, JsError> {
    crate::annotate_loaded(text, opts).map_err(error)
}

/// Loads a language pack (the bytes of `pkg/packs/<code>.pack`) and returns
/// its language code. Throws an `Error` for a pack that is not one this core
/// was built with: truncated, damaged, another language, or another core
/// version (the message then starts with `PACK_VERSION`: fetch it again,
/// bypassing caches). Loading a pack already loaded does nothing.
#[wasm_bindgen(js_name = loadPack)]
pub fn load_pack(bytes: JsValue) -> Result<String, JsError> {
    let Some(array) = bytes.dyn_ref::<js_sys::Uint8Array>().cloned().or_else(|| {
        bytes
            .dyn_ref::<js_sys::ArrayBuffer>()
            .map(|b| js_sys::Uint8Array::new(b))
    }) else {
        return Err(error(format!(
            "loadPack: expected the pack's bytes (Uint8Array or ArrayBuffer), got {}",
            type_name(&bytes)
        )));
    };
    if array.length() > 64 * 1024 * 1024 {
        return Err(error("loadPack: the pack is larger than any pack (64 MB)"));
    }
    crate::packs::load(&array.to_vec())
        .map(str::to_owned)
        .map_err(|e| error(format!("loadPack: {e}")))
}

/// The language packs this core reads: `[{code, loaded, bytes, preload}]` and
/// the core version they must be built for (`{version, packs}`). `preload`: a
/// core language's pack, which the core needs before any text (the page loads
/// it with the module); the others are fetched when a text in them appears.
#[wasm_bindgen]
pub fn packs() -> Result<JsValue, JsError> {
    #[derive(serde::Serialize)]
    struct Info {
        code: &'static str,
        loaded: bool,
        bytes: usize,
        preload: bool,
    }
    #[derive(serde::Serialize)]
    struct Packs {
        version: String,
        packs: Vec<Info>,
    }
    let loaded = crate::packs::loaded();
    to_js(&Packs {
        version: format!("{:016x}", crate::packs::CORE_VERSION),
        packs: crate::packs::PACKS
            .iter()
            .map(|p| Info {
                code: p.code,
                loaded: loaded.contains(&p.code),
                bytes: p.len,
                preload: !crate::packs::on_demand(p.code),
            })
            .collect(),
    })
}

/// Checks an editor's lexicon; throws an `Error` saying what is wrong.
#[wasm_bindgen(js_name = checkLexicon)]
pub fn check_lexicon(lexicon: JsValue) -> Result<(), JsError> {
    if lexicon.is_undefined() || lexicon.is_null() {
        return Err(error(format!(
            "lexicon: expected an object {{\"version\": 1, ...}}, got {}",
            type_name(&lexicon)
        )));
    }
    lexicon_arg(&lexicon).map(|_| ())
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

/// Every reading of `name` in the built-in gazetteers, most prominent first,
/// then the gazetteer pack's towns of that name when it is loaded:
/// `[{kind, value, place_kind?, population?, country_name?}]`. Country names
/// are given in `lang` (`fr` or `en`; English otherwise).
#[wasm_bindgen]
pub fn senses(
    #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "string | null")] lang: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let name = string_arg("senses: name", &name, 4096)?;
    let lang = optional_string("senses: lang", &lang.unwrap_or(JsValue::UNDEFINED))?
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or(Lang::UND);
    let place = |p: &PlaceEntry| Sense {
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
    };
    let mut out: Vec<Sense> = lexicon::lookup(&name)
        .into_iter()
        .map(|e| match e {
            Entry::Place(p) => place(&p),
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
    // The gazetteer pack's towns of that name, once it is loaded: the
    // namesakes the core chooses among, offered to the editor too.
    out.extend(
        crate::towns::senses(&crate::text::name_key(&name))
            .iter()
            .map(|t| place(&t.place)),
    );
    to_js(&out)
}

/// The languages depeche knows, from the registry: `[{code, name, english,
/// values, pack}]` (`pack`: its data come from `pkg/packs/<code>.pack`), `name` in the language itself, `values` how the correction
/// chip says a date value in it (see `data/lang/<code>/values.json`). The
/// widget builds its language menus and value words from this list.
#[wasm_bindgen]
pub fn languages() -> Result<JsValue, JsError> {
    #[derive(serde::Serialize)]
    struct Language {
        code: &'static str,
        name: &'static str,
        english: &'static str,
        values: serde_json::Value,
        pack: bool,
    }
    let out = crate::locales::LOCALES
        .iter()
        .map(|l| {
            Ok(Language {
                code: l.lang.as_str(),
                name: l.name,
                english: l.english,
                values: serde_json::from_str(l.values_json)
                    .map_err(|e| JsError::new(&format!("{}: values.json: {e}", l.lang)))?,
                pack: crate::packs::on_demand(l.lang.as_str()),
            })
        })
        .collect::<Result<Vec<_>, JsError>>()?;
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
        Ok(Annotator {
            options: Options {
                lexicon: lexicon_arg(&lexicon)?,
                ..Options::default()
            },
        })
    }

    /// Annotates `text` with this annotator's lexicon; `options` as for
    /// [`annotate`] (a `lexicon` there is ignored).
    pub fn annotate(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        options: JsValue,
    ) -> Result<JsValue, JsError> {
        let text = string_arg("annotate: text", &text, MAX_TEXT_UNITS)?;
        let o = read_options("annotate", &options, false)?;
        self.options.lang = lang_option(o.lang.as_deref())?;
        self.options.dct = dct_option(o.dct.as_deref())?;
        to_js(&annotated(&text, &self.options)?)
    }
}
