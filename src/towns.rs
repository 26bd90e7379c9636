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
use std::sync::OnceLock;

/// The pack's code and file (build.rs `GAZETTEER_PACK`, `TOWNS_FILE`).
pub const PACK: &str = "geo";
const FILE: &str = "towns.tsv";

/// The pack's lines split after their first column, the key of the town's
/// first name, in the file's order (that of the keys; biggest first within
/// a key), searched by halves: nothing folded at run time, no hash map's
/// code in the page's module.
static LINES: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();

fn lines() -> Option<&'static [(&'static str, &'static str)]> {
    if let Some(l) = LINES.get() {
        return Some(l);
    }
    // Not loaded yet (the page fetches it): nothing kept, asked again later.
    packs::get(PACK)?;
    let lines = packs::text(PACK, FILE)
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .collect();
    Some(LINES.get_or_init(|| lines))
}

/// The key of a line's first name (the test checks the written keys).
#[cfg(test)]
fn line_key(line: &str) -> String {
    use crate::text::name_key;
    let names = line.rsplit('\t').next().unwrap_or("");
    name_key(names.split('|').next().unwrap_or(""))
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
    let lat = coord(f.next()?);
    let lon = coord(f.next()?);
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

/// A coordinate written with four decimals ("-83.1141"), read without
/// float parsing (which would cost the page's module its code).
fn coord(s: &str) -> Option<f64> {
    let (neg, digits) = match s.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, s),
    };
    let (whole, frac) = digits.split_once('.')?;
    if frac.len() != 4 {
        return None;
    }
    let n = whole.parse::<u32>().ok()? as f64 * 10_000.0 + frac.parse::<u32>().ok()? as f64;
    Some(if neg { -n } else { n } / 10_000.0)
}

/// The towns of the pack named `key` (a [`name_key`]), biggest first; none
/// while the pack is not loaded.
pub fn senses(key: &str) -> Vec<Town> {
    let Some(lines) = lines() else {
        return Vec::new();
    };
    let from = lines.partition_point(|l| l.0 < key);
    lines[from..]
        .iter()
        .take_while(|l| l.0 == key)
        .filter_map(|l| entry(l.1))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_pack_is_in_the_order_of_its_keys() {
        let lines = super::lines().expect("the native build embeds the pack");
        assert!(lines.len() > 10_000);
        assert!(lines.windows(2).all(|w| w[0].0 <= w[1].0));
        assert!(lines.iter().all(|l| super::line_key(l.1) == l.0));
        let towns = super::senses("mansfield");
        assert!(towns.len() > 1 && towns.iter().all(|t| t.place.lat.is_some()));
        assert_eq!(super::coord("-83.1141"), Some(-83.1141));
        assert_eq!(super::coord("7.5"), None);
    }
}
