//! The extension module `depeche._depeche`: the only code that knows about
//! Python, as thin as the WebAssembly API (`src/wasm.rs`).
//!
//! It takes strings (text, `lang`, `dct`, a lexicon as JSON text) and gives
//! back FORMAT.md's result as JSON text, which `depeche/__init__.py` turns
//! into dicts and lists with `json.loads`. That costs one parse per result
//! but makes the Python result equal, by construction, to `json.loads` of
//! the command line's output, floats and all; and the JSON text is written
//! on the worker threads, so `annotate_many` holds the GIL only to hand the
//! strings over. Every bad input is a `ValueError` with the core's message;
//! the core never panics, and PyO3 would turn a panic into an exception
//! rather than crash the interpreter.

use depeche::{annotate, Date, Lang, Options, UserLexicon};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use std::sync::{Mutex, PoisonError};

/// Annotates one text and writes the result as JSON.
fn annotate_json(text: &str, options: &Options) -> PyResult<String> {
    serde_json::to_string(&annotate(text, options))
        .map_err(|e| PyValueError::new_err(format!("could not return the result: {e}")))
}

/// `lang`: a language code, `und`, or `auto`/`None`/`""` to detect it.
fn lang_option(lang: Option<&str>) -> PyResult<Option<Lang>> {
    match lang {
        None | Some("" | "auto") => Ok(None),
        Some(s) => Lang::parse(s).map(Some).ok_or_else(|| {
            PyValueError::new_err(format!("bad lang '{s}' (expected fr, en, und or auto)"))
        }),
    }
}

/// `dct`: a real date written `YYYY-MM-DD`, or `None`/`""` for none.
fn dct_option(dct: Option<&str>) -> PyResult<Option<Date>> {
    match dct {
        None | Some("") => Ok(None),
        Some(s) => Date::parse(s).map(Some).ok_or_else(|| {
            PyValueError::new_err(format!(
                "bad dct '{s}' (expected a real date written YYYY-MM-DD, such as 2019-03-12)"
            ))
        }),
    }
}

/// An editor's lexicon (FORMAT.md) as JSON text, compiled once; `lang` and
/// `dct` are given per call.
///
/// The core takes the lexicon inside [`Options`], which a call fills with its
/// own `lang` and `dct`: the annotator keeps spare `Options` (each with its
/// copy of the lexicon) for calls to borrow, so that neither a call nor a
/// thread of `annotate_many` copies the lexicon once the spares exist, and
/// Python threads sharing one annotator never wait for each other.
#[pyclass(frozen, module = "depeche._depeche")]
struct Annotator {
    template: Options,
    spare: Mutex<Vec<Options>>,
}

impl Annotator {
    /// `n` options set to `lang` and `dct`, spares first.
    fn borrow(&self, n: usize, lang: Option<Lang>, dct: Option<Date>) -> Vec<Options> {
        let mut got = {
            let mut spare = self.spare.lock().unwrap_or_else(PoisonError::into_inner);
            let keep = spare.len().saturating_sub(n);
            spare.split_off(keep)
        };
        got.resize_with(n, || self.template.clone());
        for o in &mut got {
            o.lang = lang;
            o.dct = dct;
        }
        got
    }

    fn give_back(&self, options: Vec<Options>) {
        let mut spare = self.spare.lock().unwrap_or_else(PoisonError::into_inner);
        spare.extend(options);
        spare.truncate(MAX_SPARE);
    }
}

/// Spare options an annotator keeps at most (one per thread that used it).
const MAX_SPARE: usize = 256;

#[pymethods]
impl Annotator {
    #[new]
    #[pyo3(signature = (lexicon_json=None))]
    fn new(lexicon_json: Option<&str>) -> PyResult<Self> {
        let lexicon = lexicon_json
            .map(UserLexicon::from_json)
            .transpose()
            .map_err(|e| PyValueError::new_err(e.0))?;
        Ok(Annotator {
            template: Options {
                lexicon,
                ..Options::default()
            },
            spare: Mutex::new(Vec::new()),
        })
    }

    /// Whether an editor's lexicon was given.
    #[getter]
    fn has_lexicon(&self) -> bool {
        self.template.lexicon.is_some()
    }

    /// One text's result as JSON; the GIL is released while it runs.
    #[pyo3(signature = (text, lang=None, dct=None))]
    fn annotate_json(
        &self,
        py: Python<'_>,
        text: String,
        lang: Option<&str>,
        dct: Option<&str>,
    ) -> PyResult<String> {
        let (lang, dct) = (lang_option(lang)?, dct_option(dct)?);
        py.detach(|| {
            let options = self.borrow(1, lang, dct);
            let json = options
                .first()
                .map_or_else(|| Ok(String::new()), |o| annotate_json(&text, o));
            self.give_back(options);
            json
        })
    }

    /// Every text's result as JSON, in order, on `jobs` threads (at least
    /// one), the GIL released meanwhile.
    #[pyo3(signature = (texts, lang=None, dct=None, jobs=1))]
    fn annotate_many_json(
        &self,
        py: Python<'_>,
        texts: Vec<String>,
        lang: Option<&str>,
        dct: Option<&str>,
        jobs: usize,
    ) -> PyResult<Vec<String>> {
        if jobs == 0 {
            return Err(PyValueError::new_err(
                "bad jobs 0 (expected a number of threads, 1 or more)",
            ));
        }
        let (lang, dct) = (lang_option(lang)?, dct_option(dct)?);
        py.detach(|| {
            let mut options = self.borrow(jobs.min(texts.len()).max(1), lang, dct);
            let results =
                depeche_jobs::map_ordered(&texts, &mut options, |o, text| annotate_json(text, o));
            self.give_back(options);
            results.into_iter().collect()
        })
    }
}

/// The number of threads `jobs=None` means: every core this process may use.
#[pyfunction]
fn all_cores() -> usize {
    depeche_jobs::all_cores()
}

#[pymodule]
fn _depeche(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Annotator>()?;
    m.add_function(wrap_pyfunction!(all_cores, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
