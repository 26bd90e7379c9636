//! Place resolution, scored as geoparsing papers score it (Gritta et al.
//! 2018): of the gold toponyms a predicted place span overlaps, the share
//! whose predicted point lies within 161 km (100 miles) of the gold's, the
//! share with the exact GeoNames id and with the right country, the mean and
//! median error; and recognition recall, with and without adjectival uses
//! (`adj: true`, "Syrian" → Syria).
//!
//! Why its own module and loader: a span's value is scored by the span
//! scorer as equal or not, which says nothing of a point 3 km or 3,000 km
//! away; and the `adj` mark of the geo corpora is theirs, not FORMAT.md's, so
//! it is read here rather than added to every gold span. Conventions: the
//! same GeoNames id counts as 0 km (a reference by ISO code, `iso3166-1:US`
//! or `iso3166-2:US-OH`, is read as its GeoNames id through
//! `data/generated/geonames_ids.tsv`: two names of one place, whose points
//! differ by hundreds of km between gazetteers); a prediction without coordinates counts
//! as a miss (error unknown: left out of the mean and median); optional gold
//! toponyms (the corpus could not resolve them) and those without
//! coordinates are not counted.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use serde_json::Value as Json;

use super::halves::{half_of, Half};
use super::Predictions;
use depeche::{Error, Kind};

/// The radius within which a point counts as right (100 miles).
pub const WITHIN_KM: f64 = 161.0;

/// A gold toponym of a geo corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct Toponym {
    pub start: i64,
    pub end: i64,
    /// An adjectival use ("Syrian").
    pub adj: bool,
    pub lat: f64,
    pub lon: f64,
    /// `geonames:<id>`, when the corpus gives one.
    pub geonames: Option<String>,
    /// ISO 3166-1 alpha-2, when the corpus gives one.
    pub country: Option<String>,
}

/// The gold toponyms of one document.
#[derive(Clone, Debug, PartialEq)]
pub struct GeoDoc {
    pub id: String,
    pub toponyms: Vec<Toponym>,
}

fn num(v: Option<&Json>) -> Option<f64> {
    v.and_then(Json::as_f64).filter(|x| x.is_finite())
}

fn text(v: Option<&Json>) -> Option<String> {
    v.and_then(Json::as_str).map(str::to_string)
}

/// The toponyms of a gold file: its required place spans whose value has
/// `lat` and `lon`. `None` when no span has coordinates (not a geo corpus).
pub fn load(gold: &str) -> Result<Option<Vec<GeoDoc>>, Error> {
    let mut docs = Vec::new();
    let mut any = false;
    for (n, line) in gold.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: Json =
            serde_json::from_str(line).map_err(|e| Error(format!("line {}: {e}", n + 1)))?;
        let id = match r.get("id") {
            Some(Json::String(s)) => s.clone(),
            Some(v) => v.to_string(),
            None => return Err(Error(format!("line {}: no \"id\"", n + 1))),
        };
        let mut toponyms = Vec::new();
        for s in r
            .get("spans")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
        {
            let truthy = |k: &str| s.get(k).and_then(Json::as_bool).unwrap_or(false);
            if s.get("kind").and_then(Json::as_str) != Some("place") || truthy("optional") {
                continue;
            }
            let v = s.get("value");
            let (Some(lat), Some(lon)) = (
                num(v.and_then(|v| v.get("lat"))),
                num(v.and_then(|v| v.get("lon"))),
            ) else {
                continue;
            };
            let (Some(start), Some(end)) = (
                s.get("start").and_then(Json::as_i64),
                s.get("end").and_then(Json::as_i64),
            ) else {
                continue;
            };
            any = true;
            toponyms.push(Toponym {
                start,
                end,
                adj: truthy("adj"),
                lat,
                lon,
                geonames: text(v.and_then(|v| v.get("ref"))).filter(|r| r.starts_with("geonames:")),
                country: text(v.and_then(|v| v.get("country"))),
            });
        }
        docs.push(GeoDoc { id, toponyms });
    }
    Ok(any.then_some(docs))
}

/// The GeoNames reference of a reference by ISO code (countries, US
/// states), from `data/generated/geonames_ids.tsv`; others as they are.
pub fn geonames_ref(reference: &str) -> &str {
    static IDS: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    let ids = IDS.get_or_init(|| {
        include_str!("../../../data/generated/geonames_ids.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect()
    });
    ids.get(reference).copied().unwrap_or(reference)
}

/// Great-circle distance in km (haversine, mean Earth radius).
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (p1, p2) = (a.0.to_radians(), b.0.to_radians());
    let dp = p2 - p1;
    let dl = (b.1 - a.1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().min(1.0).asin()
}

/// Resolution and recognition figures of one set of documents.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct GeoScores {
    pub docs: usize,
    /// Gold toponyms, and those not adjectival.
    pub toponyms: usize,
    pub toponyms_plain: usize,
    /// Of those, the ones a predicted place span overlaps.
    pub found: usize,
    pub found_plain: usize,
    /// Of the found: within 161 km; with the exact GeoNames id (of those the
    /// gold gives an id); with the right country (of those it gives one).
    pub within: usize,
    pub with_id: usize,
    pub exact_id: usize,
    pub with_country: usize,
    pub right_country: usize,
    /// Found with no predicted coordinates.
    pub unresolved: usize,
    /// Errors in km of the found with coordinates.
    #[serde(skip)]
    pub errors_km: Vec<f64>,
}

impl GeoScores {
    fn share(a: usize, b: usize) -> f64 {
        if b == 0 {
            0.0
        } else {
            a as f64 / b as f64
        }
    }
    /// Recognition recall, with adjectival uses.
    pub fn recall(&self) -> f64 {
        Self::share(self.found, self.toponyms)
    }
    /// Recognition recall, without adjectival uses.
    pub fn recall_plain(&self) -> f64 {
        Self::share(self.found_plain, self.toponyms_plain)
    }
    /// The share of the found within 161 km.
    pub fn within_161(&self) -> f64 {
        Self::share(self.within, self.found)
    }
    pub fn exact(&self) -> f64 {
        Self::share(self.exact_id, self.with_id)
    }
    pub fn country(&self) -> f64 {
        Self::share(self.right_country, self.with_country)
    }
    pub fn mean_km(&self) -> f64 {
        if self.errors_km.is_empty() {
            0.0
        } else {
            self.errors_km.iter().sum::<f64>() / self.errors_km.len() as f64
        }
    }
    pub fn median_km(&self) -> f64 {
        let mut e = self.errors_km.clone();
        e.sort_by(f64::total_cmp);
        match e.len() {
            0 => 0.0,
            n if n % 2 == 1 => e[n / 2],
            n => (e[n / 2 - 1] + e[n / 2]) / 2.0,
        }
    }
}

/// Scores the predicted place values of `preds` on the documents of `gold`
/// (of one half when given).
pub fn score(gold: &[GeoDoc], preds: &Predictions, half: Option<Half>) -> GeoScores {
    let mut s = GeoScores::default();
    for d in gold
        .iter()
        .filter(|d| half.map_or(true, |h| half_of(&d.id) == h))
    {
        s.docs += 1;
        let places: Vec<_> = preds
            .get(&d.id)
            .into_iter()
            .flatten()
            .filter(|p| p.kind == Kind::Place)
            .collect();
        for t in &d.toponyms {
            s.toponyms += 1;
            s.toponyms_plain += usize::from(!t.adj);
            let Some(p) = places.iter().find(|p| p.start < t.end && t.start < p.end) else {
                continue;
            };
            s.found += 1;
            s.found_plain += usize::from(!t.adj);
            let v = p.value.as_ref();
            let field = |k: &str| v.and_then(|v| v.get(k));
            let same_id = t.geonames.is_some()
                && field("ref").and_then(Json::as_str).map(geonames_ref) == t.geonames.as_deref();
            if t.geonames.is_some() {
                s.with_id += 1;
                s.exact_id += usize::from(same_id);
            }
            if let Some(c) = &t.country {
                s.with_country += 1;
                s.right_country += usize::from(field("country").and_then(Json::as_str) == Some(c));
            }
            let km = if same_id {
                Some(0.0)
            } else {
                num(field("lat"))
                    .zip(num(field("lon")))
                    .map(|p| distance_km(p, (t.lat, t.lon)))
            };
            match km {
                Some(km) => {
                    s.within += usize::from(km <= WITHIN_KM);
                    s.errors_km.push(km);
                }
                None => s.unresolved += 1,
            }
        }
    }
    s
}

/// A percentage with one decimal.
fn pc(x: f64) -> String {
    format!("{:.1} %", 100.0 * x)
}

impl fmt::Display for GeoScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "place resolution ({} documents)", self.docs)?;
        writeln!(
            f,
            "  recognition recall   {} of {} toponyms; {} without adjectival uses",
            pc(self.recall()),
            self.toponyms,
            pc(self.recall_plain())
        )?;
        writeln!(
            f,
            "  within {WITHIN_KM} km        {} of {} found ({} unresolved)",
            pc(self.within_161()),
            self.found,
            self.unresolved
        )?;
        writeln!(
            f,
            "  exact GeoNames id    {} of {}",
            pc(self.exact()),
            self.with_id
        )?;
        writeln!(
            f,
            "  right country        {} of {}",
            pc(self.country()),
            self.with_country
        )?;
        writeln!(
            f,
            "  error                mean {:.0} km, median {:.0} km",
            self.mean_km(),
            self.median_km()
        )
    }
}

/// One Markdown row: `| set | half | docs | recall | recall (no adj) |
/// within 161 km | exact id | country | mean km | median km |`.
pub fn markdown_row(set: &str, half: &str, s: &GeoScores) -> String {
    format!(
        "| {set} | {half} | {} | {} | {} | {} ({}/{}) | {} | {} | {:.0} | {:.0} |\n",
        s.docs,
        pc(s.recall()),
        pc(s.recall_plain()),
        pc(s.within_161()),
        s.within,
        s.found,
        pc(s.exact()),
        pc(s.country()),
        s.mean_km(),
        s.median_km()
    )
}

/// The header of [`markdown_row`]'s table.
pub const MARKDOWN_HEADER: &str = "| set | half | docs | recall | recall without adjectival | within 161 km (of found) | exact GeoNames id | right country | mean error km | median error km |\n|---|---|---|---|---|---|---|---|---|---|\n";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PredSpan;

    #[test]
    fn distances_and_shares() {
        // Paris–London is about 344 km.
        let d = distance_km((48.8566, 2.3522), (51.5074, -0.1278));
        assert!((d - 344.0).abs() < 2.0, "{d}");
        let gold = load(
            "{\"id\":\"a\",\"text\":\"x\",\"spans\":[\
             {\"start\":0,\"end\":5,\"kind\":\"place\",\"value\":{\"lat\":48.85,\"lon\":2.35,\"ref\":\"geonames:1\",\"country\":\"FR\"}},\
             {\"start\":6,\"end\":12,\"kind\":\"place\",\"adj\":true,\"value\":{\"lat\":51.5,\"lon\":-0.12,\"country\":\"GB\"}},\
             {\"start\":13,\"end\":15,\"kind\":\"place\",\"optional\":true}]}\n",
        )
        .expect("gold")
        .expect("geo");
        let mut preds = Predictions::new();
        let place = |start, end, v: &str| PredSpan {
            start,
            end,
            kind: Kind::Place,
            value: serde_json::from_str(v).ok(),
        };
        preds.insert(
            "a".into(),
            vec![
                place(0, 5, "{\"ref\":\"geonames:1\"}"),
                place(6, 12, "{\"lat\":48.85,\"lon\":2.35,\"country\":\"FR\"}"),
            ],
        );
        let s = score(&gold, &preds, None);
        assert_eq!((s.toponyms, s.toponyms_plain, s.found), (2, 1, 2));
        assert_eq!((s.within, s.exact_id, s.with_id), (1, 1, 1));
        assert_eq!((s.right_country, s.with_country), (0, 2));
        assert!(load("{\"id\":1,\"spans\":[]}").expect("ok").is_none());
        assert_eq!(geonames_ref("iso3166-1:US"), "geonames:6252001");
        assert_eq!(geonames_ref("geonames:1"), "geonames:1");
    }
}
