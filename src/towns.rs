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

use crate::lexicon::PlaceEntry;
use crate::packs;
use std::sync::OnceLock;

/// The pack's code and file (build.rs `GAZETTEER_PACK`, `TOWNS_FILE`).
pub const PACK: &str = "geo";
const FILE: &str = "towns.tsv";

/// The pack's body: rows in the order of their first column, the key of
/// the town's first name (biggest first within a key); its `#` header
/// lines sort before every key. Nothing is folded at run time, and no hash
/// map's code is in the page's module.
fn body() -> Option<&'static str> {
    // Not loaded yet (the page fetches it): none, asked again later.
    packs::get(PACK)?;
    Some(packs::text(PACK, FILE))
}

/// Where each row of the body starts, found once (the body is the loaded
/// pack's, kept for the program's life): a search by halves then reads
/// only the keys it compares, not the text around them. 4 bytes a row.
static ROWS: OnceLock<Vec<u32>> = OnceLock::new();

fn rows(body: &str) -> &'static [u32] {
    ROWS.get_or_init(|| {
        std::iter::once(0)
            .chain(body.match_indices('\n').map(|(i, _)| i + 1))
            .filter(|&i| i < body.len())
            .filter_map(|i| u32::try_from(i).ok())
            .collect()
    })
}

/// The key of the row starting at byte `start`: up to its first tab.
fn key_at(body: &str, start: u32) -> &str {
    let rest = body.get(start as usize..).unwrap_or("");
    let end = rest
        .as_bytes()
        .iter()
        .position(|&c| c == b'\t' || c == b'\n')
        .unwrap_or(rest.len());
    &rest[..end]
}

/// What follows the key of the row starting at byte `start`.
fn after_key(body: &'static str, start: u32, key: &str) -> &'static str {
    // To the body's end: [`entry`] reads its fields and stops at its name,
    // so a row's long list of other names is never scanned.
    body.get(start as usize + key.len() + 1..).unwrap_or("")
}

/// A row's key and the rest of it.
#[cfg(test)]
fn split(row: &str) -> (&str, &str) {
    row.split_once('\t').unwrap_or((row, ""))
}

/// The key of a line's first name (the test checks the written keys).
#[cfg(test)]
fn line_key(line: &str) -> String {
    use crate::text::name_key;
    let names = line.rsplit('\t').next().unwrap_or("");
    name_key(names.split('|').next().unwrap_or(""))
}

/// A town of the pack: its place, and the GeoNames admin1 code of its
/// first-level region (the ISO 3166-2 suffix in the United States: "OH";
/// elsewhere often a number no region's reference has).
pub struct Town {
    pub place: PlaceEntry,
    pub admin1: &'static str,
    /// A US county (or parish, borough): a row with no GeoNames id.
    pub county: bool,
    /// Its main name as written ("Cooke County", whose key is Coke
    /// County's too).
    pub name: &'static str,
}

/// The town of a row, from what follows its key (to the end of the body:
/// its last field, the names, is cut at the first name; a row short of
/// fields fails to parse a number and gives none).
fn entry(line: &'static str) -> Option<Town> {
    // Short fields: each found by a plain scan (a `split`'s searcher costs
    // more to set up than these few bytes take to read).
    let mut rest = line;
    let mut field = || {
        let end = rest
            .as_bytes()
            .iter()
            .position(|&b| matches!(b, b'\t' | b'\n' | b'|'))
            .unwrap_or(rest.len());
        let f = &rest[..end];
        rest = rest.get(end + 1..).unwrap_or("");
        Some(f)
    };
    let country = field().filter(|c| c.len() == 2)?;
    let admin1 = field()?;
    let lat = coord(field()?);
    let lon = coord(field()?);
    let id = field()?.parse::<u32>().ok()?;
    let population = field()?.parse::<u64>().unwrap_or(0);
    let name = field()?;
    Some(Town {
        place: PlaceEntry::town(country, lat, lon, id, population),
        admin1,
        county: id == 0,
        name,
    })
}

/// A coordinate written with four decimals ("-83.1141"), read without
/// float parsing (which would cost the page's module its code).
fn coord(s: &str) -> Option<f64> {
    // Digits read one by one: the smallest code for the page's module.
    let (mut n, mut decimals, mut neg) = (0i64, None, false);
    for (i, &c) in s.as_bytes().iter().enumerate() {
        match c {
            b'-' if i == 0 => neg = true,
            b'.' if decimals.is_none() => decimals = Some(0),
            b'0'..=b'9' if n < 1 << 40 => {
                n = n * 10 + i64::from(c - b'0');
                decimals = decimals.map(|d| d + 1);
            }
            _ => return None,
        }
    }
    let n = if neg { -n } else { n };
    (decimals == Some(4)).then(|| n as f64 / 10_000.0)
}

/// The towns of the pack named `key` (a [`name_key`]), biggest first; none
/// while the pack is not loaded. Not inlined: one copy in the page's
/// module for its callers.
#[inline(never)]
pub fn senses(key: &str) -> Vec<Town> {
    let Some(body) = body() else {
        return Vec::new();
    };
    let rows = rows(body);
    // The first row whose key is not below `key`; the rest of a row is
    // read only for those of the key.
    let first = rows.partition_point(|&r| key_at(body, r) < key);
    rows[first..]
        .iter()
        .take_while(|&&r| key_at(body, r) == key)
        .filter_map(|&r| entry(after_key(body, r, key)))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_pack_is_in_the_order_of_its_keys() {
        let body = super::body().expect("the native build embeds the pack");
        let rows: Vec<(&str, &str)> = body
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(super::split)
            .collect();
        assert!(body
            .lines()
            .take_while(|l| l.starts_with('#'))
            .all(|l| l < rows[0].0));
        assert!(rows.len() > 10_000);
        assert!(rows.windows(2).all(|w| w[0].0 <= w[1].0));
        assert!(rows.iter().all(|r| super::line_key(r.1) == r.0));
        // The first row and the last are found by halves too.
        assert!(!super::senses(rows[0].0).is_empty());
        assert!(!super::senses(rows[rows.len() - 1].0).is_empty());
        // Every key, by halves, gives the rows a scan gives (a sample).
        for (key, _) in rows.iter().step_by(97) {
            let scanned = rows.iter().filter(|r| r.0 == *key).count();
            assert_eq!(super::senses(key).len(), scanned, "{key}");
        }
        assert!(super::senses("zzzz no such town").is_empty());
        assert!(super::senses("").is_empty());
        let towns = super::senses("mansfield");
        assert!(towns.len() > 1 && towns.iter().all(|t| t.place.lat.is_some()));
        assert_eq!(super::coord("-83.1141"), Some(-83.1141));
        assert_eq!(super::coord("7.5"), None);
    }
}
