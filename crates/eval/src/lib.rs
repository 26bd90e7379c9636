//! Scoring against gold data (FORMAT.md, "Gold data"), as a library so that
//! the command line, the page and the tests share one scorer.
//!
//! The semantics are those of the reference scorer `tools/score.py`,
//! reproduced exactly: predictions filtered by kind and matched greedily in
//! (start, end) order to the first unused compatible required gold span;
//! optional spans and kind `other` neither reward nor penalise; `alt_kinds`,
//! `alt_extents` and `value_optional` as documented there; true positives
//! counted under the predicted kind, misses under the gold kind; the same
//! floating-point operations, so the numbers agree to the last bit.
//!
//! Trade-offs: the loaders are stricter than `score.py`, which crashes or
//! silently ignores malformed input. Newsrooms score their own corrected
//! dispatches, so a malformed gold line is an error that names the line (and
//! the span), and an unknown gold kind is an error rather than a span that can
//! never match. Document ids are compared as strings: a numeric id is taken as
//! its JSON text, so `1` in a gold file matches `1` (or `"1"`) in predictions.

use std::collections::HashMap;
use std::fmt;

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value as Json};

use depeche::{annotate, Date, Error, Kind, Lang, Options, Span};

pub mod errors;
pub mod geo;
pub mod halves;
pub mod report;
pub mod suite;

/// The kind of a gold span: a span kind, or `other` (always optional,
/// accepts every predicted kind; a MISC entity of an NER corpus, say).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GoldKind {
    Actor,
    Place,
    Date,
    Other,
}

impl GoldKind {
    /// Parses `actor`, `place`, `date` or `other`.
    pub fn parse(s: &str) -> Option<GoldKind> {
        Some(match s {
            "actor" => GoldKind::Actor,
            "place" => GoldKind::Place,
            "date" => GoldKind::Date,
            "other" => GoldKind::Other,
            _ => return None,
        })
    }

    /// The name, as written in gold data.
    pub fn as_str(self) -> &'static str {
        match self {
            GoldKind::Actor => "actor",
            GoldKind::Place => "place",
            GoldKind::Date => "date",
            GoldKind::Other => "other",
        }
    }

    /// The span kind, `None` for `other`.
    pub fn kind(self) -> Option<Kind> {
        match self {
            GoldKind::Actor => Some(Kind::Actor),
            GoldKind::Place => Some(Kind::Place),
            GoldKind::Date => Some(Kind::Date),
            GoldKind::Other => None,
        }
    }
}

/// A gold span, in code point offsets.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldSpan {
    pub start: i64,
    pub end: i64,
    pub kind: GoldKind,
    /// A compatible prediction overlapping it is neither rewarded nor penalised.
    pub optional: bool,
    /// Other kinds accepted.
    pub alt_kinds: Vec<Kind>,
    /// Other extents accepted, `(start, end)`.
    pub alt_extents: Vec<(i64, i64)>,
    /// The gold value, as written (`Some(Json::Null)` when written `null`).
    pub value: Option<Json>,
    /// The value is not scored.
    pub value_optional: bool,
}

impl GoldSpan {
    /// A required span of `kind` with no alternatives and no value.
    pub fn new(start: i64, end: i64, kind: GoldKind) -> GoldSpan {
        GoldSpan {
            start,
            end,
            kind,
            optional: false,
            alt_kinds: Vec::new(),
            alt_extents: Vec::new(),
            value: None,
            value_optional: false,
        }
    }

    fn required(&self) -> bool {
        !self.optional && self.kind != GoldKind::Other
    }

    fn compatible(&self, k: Kind) -> bool {
        self.kind == GoldKind::Other || self.kind.kind() == Some(k) || self.alt_kinds.contains(&k)
    }

    fn extents(&self) -> impl Iterator<Item = (i64, i64)> + '_ {
        std::iter::once((self.start, self.end)).chain(self.alt_extents.iter().copied())
    }

    fn overlapped_by(&self, p: (i64, i64)) -> bool {
        self.extents().any(|e| p.0 < e.1 && e.0 < p.1)
    }
}

/// A gold document.
#[derive(Clone, Debug, PartialEq)]
pub struct GoldDoc {
    /// The id; a numeric id is kept as its JSON text.
    pub id: String,
    /// The text (needed only to annotate it).
    pub text: Option<String>,
    /// The language to annotate it in; `None` detects it.
    pub lang: Option<Lang>,
    /// The reference date to annotate it with.
    pub dct: Option<Date>,
    pub spans: Vec<GoldSpan>,
}

/// A predicted span, in code point offsets.
#[derive(Clone, Debug, PartialEq)]
pub struct PredSpan {
    pub start: i64,
    pub end: i64,
    pub kind: Kind,
    /// `None` when absent or `null`.
    pub value: Option<Json>,
}

impl From<&Span> for PredSpan {
    fn from(s: &Span) -> PredSpan {
        PredSpan {
            start: i64::try_from(s.start).unwrap_or(i64::MAX),
            end: i64::try_from(s.end).unwrap_or(i64::MAX),
            kind: s.kind,
            value: s
                .value
                .as_ref()
                .and_then(|v| serde_json::to_value(v).ok())
                .filter(|v| !v.is_null()),
        }
    }
}

/// Predicted spans by document id.
pub type Predictions = HashMap<String, Vec<PredSpan>>;

/// Scores of one kind.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct KindScores {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

/// Precision, recall and F1 over all kinds scored.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
}

/// The share of matched gold dates (with a scored value) whose predicted
/// value is exactly the gold value.
#[derive(Clone, Debug, PartialEq)]
pub struct DateValueAccuracy {
    pub acc: f64,
    pub n: usize,
}

/// Scores in one matching mode.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ModeScores {
    /// One entry per kind scored, in the order asked.
    pub kinds: Vec<(Kind, KindScores)>,
    pub all: Prf,
    /// Relaxed mode only, when some matched gold date has a scored value.
    pub date_value: Option<DateValueAccuracy>,
}

/// The scores of a prediction set. Serialises to the object `score.py --json`
/// prints, keys in the same order.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Scores {
    /// Exact extents.
    pub strict: ModeScores,
    /// Any overlap.
    pub relaxed: ModeScores,
    /// Gold documents with no prediction record at all.
    pub missing_docs: usize,
}

impl Serialize for ModeScores {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        for (k, v) in &self.kinds {
            m.serialize_entry(k.as_str(), v)?;
        }
        m.serialize_entry("all", &self.all)?;
        if let Some(dv) = &self.date_value {
            m.serialize_entry("date_value_acc", &dv.acc)?;
            m.serialize_entry("date_value_n", &dv.n)?;
        }
        m.end()
    }
}

/// score.py's text report.
impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (name, m) in [("strict", &self.strict), ("relaxed", &self.relaxed)] {
            writeln!(f, "== {name}")?;
            for (k, c) in &m.kinds {
                writeln!(
                    f,
                    "  {:<6} P={:.3} R={:.3} F1={:.3}  tp={} fp={} fn={}",
                    k.as_str(),
                    c.p,
                    c.r,
                    c.f1,
                    c.tp,
                    c.fp,
                    c.fn_
                )?;
            }
            let a = &m.all;
            writeln!(f, "  all    P={:.3} R={:.3} F1={:.3}", a.p, a.r, a.f1)?;
            if let Some(dv) = &m.date_value {
                writeln!(f, "  date value accuracy {:.3} (n={})", dv.acc, dv.n)?;
            }
        }
        if self.missing_docs > 0 {
            writeln!(f, "missing predictions for {} docs", self.missing_docs)?;
        }
        Ok(())
    }
}

fn kind_index(k: Kind) -> usize {
    match k {
        Kind::Actor => 0,
        Kind::Place => 1,
        Kind::Date => 2,
    }
}

/// Counts of one document in one mode, indexed by [`kind_index`].
#[derive(Default)]
struct DocCounts<'a> {
    tp: [usize; 3],
    fp: [usize; 3],
    fn_: [usize; 3],
    /// (gold value, predicted value) of matched gold dates with a scored value.
    values: Vec<(&'a Json, Option<&'a Json>)>,
    /// Each true positive: the prediction and the gold span it matched.
    matched: Vec<(&'a PredSpan, &'a GoldSpan)>,
    /// The false positives.
    false_pos: Vec<&'a PredSpan>,
    /// The required gold spans left unmatched (of every kind).
    missed: Vec<&'a GoldSpan>,
}

/// score.py's `match_doc`: `preds` already filtered by kind.
fn match_doc<'a>(gold: &'a [GoldSpan], preds: &[&'a PredSpan], strict: bool) -> DocCounts<'a> {
    let mut c = DocCounts::default();
    let req: Vec<&GoldSpan> = gold.iter().filter(|g| g.required()).collect();
    let mut used = vec![false; req.len()];
    let mut sorted: Vec<&PredSpan> = preds.to_vec();
    // Stable, as Python's `sorted`: ties keep the file's order.
    sorted.sort_by_key(|p| (p.start, p.end));
    for p in sorted {
        let pe = (p.start, p.end);
        let hit = req.iter().zip(used.iter()).position(|(g, &u)| {
            !u && g.compatible(p.kind)
                && if strict {
                    g.extents().any(|e| e == pe)
                } else {
                    g.overlapped_by(pe)
                }
        });
        if let (Some(i), Some(g)) = (hit, hit.and_then(|i| req.get(i))) {
            if let Some(u) = used.get_mut(i) {
                *u = true;
            }
            c.tp[kind_index(p.kind)] += 1;
            c.matched.push((p, g));
            if g.kind == GoldKind::Date && !g.value_optional {
                if let Some(v) = &g.value {
                    c.values.push((v, p.value.as_ref()));
                }
            }
            continue;
        }
        let excused = gold
            .iter()
            .filter(|g| !g.required())
            .any(|g| g.overlapped_by(pe) && g.compatible(p.kind));
        if !excused {
            c.fp[kind_index(p.kind)] += 1;
            c.false_pos.push(p);
        }
    }
    for (g, u) in req.iter().zip(&used) {
        if let (false, Some(k)) = (*u, g.kind.kind()) {
            c.fn_[kind_index(k)] += 1;
            c.missed.push(g);
        }
    }
    c
}

fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        0.0
    };
    let f = if p + r != 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Scores predictions against gold documents on `kinds` (predictions of other
/// kinds are dropped; gold spans of every kind still take part in matching,
/// as in score.py). A repeated kind counts once.
pub fn score(gold: &[GoldDoc], preds: &Predictions, kinds: &[Kind]) -> Scores {
    let mut ks: Vec<Kind> = Vec::with_capacity(3);
    for &k in kinds {
        if !ks.contains(&k) {
            ks.push(k);
        }
    }
    let empty: Vec<PredSpan> = Vec::new();
    let mut modes = [ModeScores::default(), ModeScores::default()];
    for (mode, out) in modes.iter_mut().enumerate() {
        let strict = mode == 0;
        let (mut t, mut f, mut n) = ([0usize; 3], [0usize; 3], [0usize; 3]);
        let mut right = 0usize;
        let mut nvals = 0usize;
        for d in gold {
            let ps: Vec<&PredSpan> = preds
                .get(&d.id)
                .unwrap_or(&empty)
                .iter()
                .filter(|p| ks.contains(&p.kind))
                .collect();
            let c = match_doc(&d.spans, &ps, strict);
            for i in ks.iter().map(|&k| kind_index(k)) {
                t[i] += c.tp[i];
                f[i] += c.fp[i];
                n[i] += c.fn_[i];
            }
            nvals += c.values.len();
            right += c
                .values
                .iter()
                .filter(|(g, p)| py_eq(p.unwrap_or(&Json::Null), g))
                .count();
        }
        let (mut st, mut sf, mut sn) = (0, 0, 0);
        for &k in &ks {
            let i = kind_index(k);
            let (p, r, f1) = prf(t[i], f[i], n[i]);
            out.kinds.push((
                k,
                KindScores {
                    p,
                    r,
                    f1,
                    tp: t[i],
                    fp: f[i],
                    fn_: n[i],
                },
            ));
            st += t[i];
            sf += f[i];
            sn += n[i];
        }
        let (p, r, f1) = prf(st, sf, sn);
        out.all = Prf { p, r, f1 };
        if !strict && nvals > 0 {
            out.date_value = Some(DateValueAccuracy {
                acc: right as f64 / nvals as f64,
                n: nvals,
            });
        }
    }
    let [strict, relaxed] = modes;
    Scores {
        strict,
        relaxed,
        missing_docs: gold.iter().filter(|d| !preds.contains_key(&d.id)).count(),
    }
}

/// Python's `==` on JSON values: `1 == 1.0`, `true == 1`.
pub(crate) fn py_eq(a: &Json, b: &Json) -> bool {
    fn num(v: &Json) -> Option<f64> {
        match v {
            Json::Number(n) => n.as_f64(),
            Json::Bool(b) => Some(f64::from(u8::from(*b))),
            _ => None,
        }
    }
    match (a, b) {
        (Json::Number(x), Json::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(i), Some(j)) => i == j,
            _ => match (x.as_u64(), y.as_u64()) {
                (Some(i), Some(j)) => i == j,
                _ => x.as_f64() == y.as_f64(),
            },
        },
        (Json::Bool(_), Json::Number(_)) | (Json::Number(_), Json::Bool(_)) => num(a) == num(b),
        (Json::Array(x), Json::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(i, j)| py_eq(i, j))
        }
        (Json::Object(x), Json::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| py_eq(v, w)))
        }
        _ => a == b,
    }
}

/// Parses a comma-separated list of kinds (`actor,place`).
pub fn parse_kinds(s: &str) -> Result<Vec<Kind>, Error> {
    let mut out = Vec::new();
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let k = Kind::parse(part).ok_or_else(|| {
            Error(format!(
                "unknown kind \"{part}\" (expected actor, place or date)"
            ))
        })?;
        if !out.contains(&k) {
            out.push(k);
        }
    }
    if out.is_empty() {
        return Err(Error(
            "no kind given (expected actor, place or date)".into(),
        ));
    }
    Ok(out)
}

/// Where a record came from, for messages.
#[derive(Clone, Copy, Debug)]
enum Place {
    Line(usize),
    Item(usize),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Line(n) => write!(f, "line {n}"),
            Place::Item(n) => write!(f, "document {n}"),
        }
    }
}

/// JSON Lines, or one JSON document (an array of records or a single record,
/// possibly pretty-printed): what score.py's `load` accepts.
fn records(text: &str) -> Result<Vec<(Place, Json)>, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut first_line_ok = false;
    let mut line_err = None;
    for (i, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Json>(line) {
            Ok(v) => {
                first_line_ok |= out.is_empty();
                out.push((Place::Line(i + 1), v));
            }
            Err(e) => {
                line_err = Some(Error(format!("line {}: not valid JSON: {e}", i + 1)));
                break;
            }
        }
    }
    let Some(line_err) = line_err else {
        return Ok(out);
    };
    match serde_json::from_str::<Json>(text) {
        Ok(Json::Array(items)) => Ok(items
            .into_iter()
            .enumerate()
            .map(|(i, v)| (Place::Item(i + 1), v))
            .collect()),
        Ok(v) => Ok(vec![(Place::Item(1), v)]),
        // Lines were JSON up to a bad one: report that line.
        Err(_) if first_line_ok => Err(line_err),
        Err(e) => Err(Error(format!(
            "not valid JSON Lines nor one JSON document: {e}"
        ))),
    }
}

fn object(at: Place, v: Json) -> Result<Map<String, Json>, Error> {
    match v {
        Json::Object(m) => Ok(m),
        other => Err(Error(format!(
            "{at}: expected a JSON object, found {}",
            json_type(&other)
        ))),
    }
}

fn json_type(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "an array",
        Json::Object(_) => "an object",
    }
}

fn doc_id(at: Place, m: &Map<String, Json>) -> Result<String, Error> {
    match m.get("id") {
        Some(Json::String(s)) => Ok(s.clone()),
        Some(Json::Number(n)) => Ok(n.to_string()),
        Some(other) => Err(Error(format!(
            "{at}: \"id\" must be a string or a number, found {}",
            json_type(other)
        ))),
        None => Err(Error(format!("{at}: no \"id\""))),
    }
}

/// Python's truth value of a JSON value.
fn truthy(v: Option<&Json>) -> bool {
    match v {
        None | Some(Json::Null) => false,
        Some(Json::Bool(b)) => *b,
        Some(Json::Number(n)) => n.as_f64().is_some_and(|x| x != 0.0),
        Some(Json::String(s)) => !s.is_empty(),
        Some(Json::Array(a)) => !a.is_empty(),
        Some(Json::Object(o)) => !o.is_empty(),
    }
}

/// An integer offset (an integral float such as `3.0` is accepted, as Python does).
fn offset(v: Option<&Json>) -> Option<i64> {
    let n = v?.as_number()?;
    n.as_i64().or_else(|| {
        let f = n.as_f64()?;
        (f.fract() == 0.0 && f.abs() < 9.0e15).then_some(f as i64)
    })
}

fn spans_array(at: Place, m: &Map<String, Json>, required: bool) -> Result<&[Json], Error> {
    match m.get("spans") {
        Some(Json::Array(a)) => Ok(a),
        None if !required => Ok(&[]),
        None => Err(Error(format!("{at}: no \"spans\""))),
        Some(other) => Err(Error(format!(
            "{at}: \"spans\" must be an array, found {}",
            json_type(other)
        ))),
    }
}

fn gold_span(at: Place, n: usize, v: &Json) -> Result<GoldSpan, Error> {
    let err = |msg: String| Error(format!("{at}: span {n}: {msg}"));
    let m = v
        .as_object()
        .ok_or_else(|| err(format!("expected an object, found {}", json_type(v))))?;
    let start = offset(m.get("start")).ok_or_else(|| err("\"start\" must be an integer".into()))?;
    let end = offset(m.get("end")).ok_or_else(|| err("\"end\" must be an integer".into()))?;
    let kind_name = m
        .get("kind")
        .and_then(Json::as_str)
        .ok_or_else(|| err("\"kind\" must be a string".into()))?;
    let kind = GoldKind::parse(kind_name).ok_or_else(|| {
        err(format!(
            "unknown kind \"{kind_name}\" (expected actor, place, date or other)"
        ))
    })?;
    let mut alt_kinds = Vec::new();
    if let Some(a) = m.get("alt_kinds") {
        let a = a
            .as_array()
            .ok_or_else(|| err("\"alt_kinds\" must be an array of kinds".into()))?;
        for k in a {
            let name = k
                .as_str()
                .ok_or_else(|| err("\"alt_kinds\" must be an array of kinds".into()))?;
            match GoldKind::parse(name) {
                Some(GoldKind::Other) => {}
                Some(g) => alt_kinds.extend(g.kind()),
                None => {
                    return Err(err(format!(
                        "unknown kind \"{name}\" in \"alt_kinds\" (expected actor, place, date or other)"
                    )))
                }
            }
        }
    }
    let mut alt_extents = Vec::new();
    if let Some(a) = m.get("alt_extents") {
        let bad = || err("\"alt_extents\" must be an array of [start, end] pairs".into());
        for e in a.as_array().ok_or_else(bad)? {
            match e.as_array().map(Vec::as_slice) {
                Some([s, e]) => alt_extents.push((
                    offset(Some(s)).ok_or_else(bad)?,
                    offset(Some(e)).ok_or_else(bad)?,
                )),
                _ => return Err(bad()),
            }
        }
    }
    Ok(GoldSpan {
        start,
        end,
        kind,
        optional: truthy(m.get("optional")),
        alt_kinds,
        alt_extents,
        value: m.get("value").cloned(),
        value_optional: truthy(m.get("value_optional")),
    })
}

fn gold_doc(at: Place, v: Json) -> Result<GoldDoc, Error> {
    let m = object(at, v)?;
    let id = doc_id(at, &m)?;
    let text = match m.get("text") {
        None | Some(Json::Null) => None,
        Some(Json::String(s)) => Some(s.clone()),
        Some(other) => {
            return Err(Error(format!(
                "{at}: \"text\" must be a string, found {}",
                json_type(other)
            )))
        }
    };
    let lang = match m.get("lang") {
        None | Some(Json::Null) => None,
        Some(Json::String(s)) if s == "auto" => None,
        Some(v) => Some(v.as_str().and_then(Lang::parse).ok_or_else(|| {
            Error(format!(
                "{at}: unknown \"lang\" {v} (expected {})",
                depeche::locales::accepted_codes()
            ))
        })?),
    };
    let dct = match m.get("dct") {
        None | Some(Json::Null) => None,
        Some(v) => Some(v.as_str().and_then(Date::parse).ok_or_else(|| {
            Error(format!(
                "{at}: bad \"dct\" {v} (expected \"YYYY-MM-DD\" or null)"
            ))
        })?),
    };
    let spans = spans_array(at, &m, true)?
        .iter()
        .enumerate()
        .map(|(i, s)| gold_span(at, i + 1, s))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(GoldDoc {
        id,
        text,
        lang,
        dct,
        spans,
    })
}

/// Loads gold documents (JSON Lines or one JSON document). Errors name the
/// line (or the document's rank) and the span at fault.
pub fn load_gold(text: &str) -> Result<Vec<GoldDoc>, Error> {
    records(text)?
        .into_iter()
        .map(|(at, v)| gold_doc(at, v))
        .collect()
}

/// Loads predictions (`{"id", "spans"}` records, JSON Lines or one JSON
/// document). Spans of kinds depeche does not produce are skipped (score.py
/// filters them out); a later record with the same id replaces an earlier one.
pub fn load_predictions(text: &str) -> Result<Predictions, Error> {
    let mut out = Predictions::new();
    for (at, v) in records(text)? {
        let m = object(at, v)?;
        let id = doc_id(at, &m)?;
        let mut spans = Vec::new();
        for (i, s) in spans_array(at, &m, false)?.iter().enumerate() {
            let err = |msg: &str| Error(format!("{at}: span {}: {msg}", i + 1));
            let sm = s.as_object().ok_or_else(|| err("expected an object"))?;
            let Some(kind) = sm.get("kind").and_then(Json::as_str).and_then(Kind::parse) else {
                continue;
            };
            spans.push(PredSpan {
                start: offset(sm.get("start"))
                    .ok_or_else(|| err("\"start\" must be an integer"))?,
                end: offset(sm.get("end")).ok_or_else(|| err("\"end\" must be an integer"))?,
                kind,
                value: sm.get("value").filter(|v| !v.is_null()).cloned(),
            });
        }
        out.insert(id, spans);
    }
    Ok(out)
}

/// Annotates the gold documents' texts, each with its own `lang` and `dct`
/// when it gives them, else `base`'s (whose lexicon applies to all).
pub fn annotate_gold(gold: &[GoldDoc], base: &Options) -> Result<Predictions, Error> {
    let mut opts = base.clone();
    let mut out = Predictions::with_capacity(gold.len());
    for d in gold {
        let text = d
            .text
            .as_deref()
            .ok_or_else(|| Error(format!("document \"{}\" has no \"text\" to annotate", d.id)))?;
        opts.lang = d.lang.or(base.lang);
        opts.dct = d.dct.or(base.dct);
        let spans = annotate(text, &opts)
            .spans
            .iter()
            .map(PredSpan::from)
            .collect();
        out.insert(d.id.clone(), spans);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_read_json_lines_and_one_document() {
        let lines = "{\"id\": \"a\", \"spans\": []}\r\n\n  \n{\"id\": 7, \"spans\": []}\n";
        let docs = load_gold(lines).expect("JSON Lines");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].id, "7");
        let pretty = "[\n {\"id\": \"a\",\n  \"spans\": []},\n {\"id\": \"b\", \"spans\": []}\n]";
        assert_eq!(load_gold(pretty).expect("array").len(), 2);
        let single = "{\n \"id\": \"a\",\n \"spans\": []\n}";
        assert_eq!(load_gold(single).expect("object").len(), 1);
    }

    #[test]
    fn broken_lines_are_named() {
        let text = "{\"id\": \"a\", \"spans\": []}\n{\"id\": \"b\", \"spans\": [}\n";
        let e = load_gold(text).expect_err("broken line");
        assert!(e.0.starts_with("line 2: not valid JSON"), "{e}");
        let text = "{\"id\": \"a\", \"spans\": [{\"start\": 0, \"end\": 2, \"kind\": \"misc\"}]}";
        let e = load_gold(text).expect_err("unknown kind");
        assert!(e.0.contains("line 1: span 1: unknown kind \"misc\""), "{e}");
        let e = load_gold("{\"spans\": []}").expect_err("no id");
        assert_eq!(e.0, "line 1: no \"id\"");
        let e = load_gold("{\"id\": 1, \"dct\": \"3 nov\", \"spans\": []}").expect_err("dct");
        assert!(e.0.contains("bad \"dct\""), "{e}");
    }

    #[test]
    fn python_equality_of_values() {
        use serde_json::json;
        assert!(py_eq(&json!(1), &json!(1.0)));
        assert!(py_eq(&json!(true), &json!(1)));
        assert!(py_eq(&json!({"a": [1, "x"]}), &json!({"a": [1.0, "x"]})));
        assert!(!py_eq(&json!("2017-11-03"), &json!("2017-11-04")));
        assert!(!py_eq(&json!(null), &json!("2017")));
    }
}
