//! The gazetteer pack: the towns the core gazetteer leaves out (US towns of
//! a thousand people and more, towns of five thousand elsewhere:
//! `data/generated/towns.tsv`, written by `scripts/gen_lexicons.py`).
//!
//! Why apart from the lexicon: tens of thousands of small towns would make
//! the WebAssembly module outgrow its budget, and, read as names in running
//! text, turn surnames into hamlets. So they only resolve names already read
//! as places ([`crate::namesakes`]): they change a place's `value`, never
//! which spans there are. They travel as a pack (`geo`, see
//! [`crate::packs`]): embedded in the native build, loaded by the page
//! through the same `loadPack` as a language's; until it is loaded, names
//! only it knows keep no value.

use crate::lexicon::{PlaceEntry, PlaceKind};
use crate::packs;
use crate::text::name_key;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The pack's code and file (build.rs `GAZETTEER_PACK`, `TOWNS_FILE`).
pub const PACK: &str = "geo";
const FILE: &str = "towns.tsv";

/// Name key → the lines of its towns, biggest first (the file's order).
static INDEX: OnceLock<HashMap<String, Vec<&'static str>>> = OnceLock::new();

fn index() -> Option<&'static HashMap<String, Vec<&'static str>>> {
    if let Some(i) = INDEX.get() {
        return Some(i);
    }
    // Not loaded yet (the page fetches it): nothing kept, asked again later.
    packs::get(PACK)?;
    let mut map: HashMap<String, Vec<&'static str>> = HashMap::new();
    for line in packs::text(PACK, FILE).lines() {
        if line.starts_with('#') {
            continue;
        }
        let Some(names) = line.rsplit('\t').next() else {
            continue;
        };
        let mut keys: Vec<String> = names.split('|').map(name_key).collect();
        keys.dedup();
        for k in keys {
            map.entry(k).or_default().push(line);
        }
    }
    Some(INDEX.get_or_init(|| map))
}

/// A town of the pack: its place, and the reference its first-level region
/// would have where GeoNames's admin1 code is the ISO 3166-2 suffix
/// (`iso3166-2:US-OH`; elsewhere a reference no region has).
pub struct Town {
    pub place: PlaceEntry,
    pub region: String,
}

fn entry(line: &'static str) -> Option<Town> {
    let mut f = line.split('\t');
    let country = f.next().filter(|c| c.len() == 2)?;
    let admin1 = f.next()?;
    let lat = f.next()?.parse::<f64>().ok();
    let lon = f.next()?.parse::<f64>().ok();
    let id = f.next()?.parse::<u32>().ok()?;
    let population = f.next()?.parse::<u64>().unwrap_or(0);
    Some(Town {
        place: PlaceEntry {
            kind: PlaceKind::City,
            country: Some(country),
            lat,
            lon,
            reference: Some(format!("geonames:{id}")),
            population,
            capital: false,
        },
        region: format!("iso3166-2:{country}-{admin1}"),
    })
}

/// The towns of the pack named `key` (a [`name_key`]), biggest first; none
/// while the pack is not loaded.
pub fn senses(key: &str) -> Vec<Town> {
    index()
        .and_then(|i| i.get(key))
        .map(|lines| lines.iter().filter_map(|l| entry(l)).collect())
        .unwrap_or_default()
}
