//! The extension module `depeche._depeche`: the only code that knows about
//! Python, as thin as the WebAssembly API (`src/wasm.rs`).
//!
//! It takes strings (text, `lang`, `dct`, a lexicon as JSON text) and gives
//! back FORMAT.md's result as dicts and lists, made from the result's serde
//! serialisation by [`to_python`]: what `json.loads` makes of the command
//! line's output for the same input. `depeche/__init__.py` is the package's
//! face over it (argument conversion, docs). The core runs with the GIL
//! released (on `jobs` threads for `annotate_many`); only the conversion to
//! objects holds it. Every bad input is a `ValueError` with the core's
//! message; the core never panics, and PyO3 would turn a panic into an
//! exception rather than crash the interpreter.

mod to_python;

use depeche::{annotate, Annotated, Date, Lang, Options, UserLexicon};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use std::sync::{Mutex, PoisonError};

/// A result as Python objects.
fn to_objects<'py>(
    objects: &mut to_python::Objects<'py>,
    result: &Annotated,
) -> PyResult<Bound<'py, PyAny>> {
    objects
        .convert(result)
        .map_err(|e| PyValueError::new_err(format!("could not return the result: {e}")))
}

/// `lang`: a language code, `und`, or `auto`/`None`/`""` to detect it.
fn lang_option(lang: Option<&str>) -> PyResult<Option<Lang>> {
    match lang {
        None | Some("" | "auto") => Ok(None),
        Some(s) => Lang::parse(s).map(Some).ok_or_else(|| {
            PyValueError::new_err(format!(
                "bad lang '{s}' (expected {})",
                depeche::locales::accepted_codes()
            ))
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

    /// One text's result (FORMAT.md); the GIL is released while it runs.
    #[pyo3(signature = (text, lang=None, dct=None))]
    fn annotate<'py>(
        &self,
        py: Python<'py>,
        text: String,
        lang: Option<&str>,
        dct: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (lang, dct) = (lang_option(lang)?, dct_option(dct)?);
        let result = py.detach(|| {
            let options = self.borrow(1, lang, dct);
            let result = options.first().map(|o| annotate(&text, o));
            self.give_back(options);
            result
        });
        match result {
            Some(r) => to_objects(&mut to_python::Objects::new(py), &r),
            None => Ok(py.None().into_bound(py)),
        }
    }

    /// Every text's result, in order, annotated on `jobs` threads (at least
    /// one) with the GIL released; then turned into objects, with it.
    #[pyo3(signature = (texts, lang=None, dct=None, jobs=1))]
    fn annotate_many<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<String>,
        lang: Option<&str>,
        dct: Option<&str>,
        jobs: usize,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        if jobs == 0 {
            return Err(PyValueError::new_err(
                "bad jobs 0 (expected a number of threads, 1 or more)",
            ));
        }
        let (lang, dct) = (lang_option(lang)?, dct_option(dct)?);
        let results = py.detach(|| {
            let mut options = self.borrow(jobs.min(texts.len()).max(1), lang, dct);
            let results =
                depeche_jobs::map_ordered(&texts, &mut options, |o, text| annotate(text, o));
            self.give_back(options);
            results
        });
        let mut objects = to_python::Objects::new(py);
        results
            .iter()
            .map(|r| to_objects(&mut objects, r))
            .collect()
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
