//! The compiled blobs (written by `build.rs` into `OUT_DIR`) and the decoding
//! of their fixed-size records.
//!
//! Records are read in place from the static bytes: nothing is parsed or
//! copied at start-up, at the cost of a few shifts per decoded entry (which
//! only happens on a gazetteer hit).

use super::{ActorEntry, Entry, PlaceEntry, PlaceKind, Reference};
use crate::span::ActorType;

pub(crate) mod tables {
    include!(concat!(env!("OUT_DIR"), "/tables.rs"));
}

pub(crate) static NAMES_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names.fst"));
pub(crate) static SENSES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/senses.bin"));
pub(crate) static PLACES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places.bin"));
pub(crate) static ACTORS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/actors.bin"));
pub(crate) static FIRST_NAMES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/first_names.fst"));

const PLACE_RECORD: usize = 12;
const ACTOR_RECORD: usize = 6;
const NO_COORD: i32 = -(1 << 23);

/// Every blob with its size, for reports and tests: the shared ones, then
/// each core language's (`common.<code>.fst`, `demonyms.<code>.fst`; a pack
/// language's are in its pack).
pub fn blobs() -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = [
        ("names.fst", NAMES_FST.len()),
        ("senses.bin", SENSES.len()),
        ("places.bin", PLACES.len()),
        ("actors.bin", ACTORS.len()),
        ("first_names.fst", FIRST_NAMES.len()),
    ]
    .iter()
    .map(|&(n, len)| (n.to_owned(), len))
    .collect();
    for (i, code) in tables::LANGS.iter().enumerate() {
        if tables::PACKED[i] {
            continue; // in its pack (pkg/packs/<code>.pack)
        }
        out.push((format!("common.{code}.fst"), tables::COMMON[i].len()));
        out.push((format!("demonyms.{code}.fst"), tables::DEMONYMS[i].len()));
    }
    out
}

/// The ISO code of a country index (255 or out of range: none).
pub(crate) fn country_code(index: u8) -> Option<&'static str> {
    tables::COUNTRIES.get(index as usize).copied()
}

fn i24(b: &[u8]) -> i32 {
    // Sign-extend 3 little-endian bytes.
    (i32::from_le_bytes([0, b[0], b[1], b[2]])) >> 8
}

/// See build.rs: one byte on a log scale of 2^(1/10) anchored at 100,000
/// (code 166); the value returned is the bucket's lower bound, so
/// `population >= 100_000` and `>= 200_000` decide as with the exact figure.
fn unpack_population(code: u8) -> u64 {
    match code {
        0 => 0,
        166 => 100_000,
        176 => 200_000,
        c => (100_000.0 * ((f64::from(c) - 166.0) / 10.0).exp2()).ceil() as u64,
    }
}

fn coord(v: i32) -> Option<f64> {
    (v != NO_COORD).then(|| f64::from(v) / 10_000.0)
}

/// The sense ids of an fst value: one id, or a list in `SENSES`.
pub(crate) fn senses(value: u64, out: &mut Vec<u32>) {
    if value & 1 == 0 {
        out.push((value >> 1) as u32);
        return;
    }
    let off = (value >> 1) as usize;
    let Some(&n) = SENSES.get(off) else { return };
    let ids = SENSES.get(off + 1..off + 1 + 3 * n as usize).unwrap_or(&[]);
    out.extend(
        ids.chunks_exact(3)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], 0])),
    );
}

/// The sense ids of an fst value, as [`senses`] lists them, without a
/// vector: one id, or the ids of a list in `SENSES`.
pub(crate) fn sense_ids(value: u64) -> impl ExactSizeIterator<Item = u32> {
    let (single, list) = if value & 1 == 0 {
        (Some((value >> 1) as u32), &[][..])
    } else {
        let off = (value >> 1) as usize;
        let list = match SENSES.get(off) {
            Some(&n) => SENSES.get(off + 1..off + 1 + 3 * n as usize).unwrap_or(&[]),
            None => &[],
        };
        (None, list)
    };
    Ids {
        single,
        list: list.chunks_exact(3),
    }
}

/// The iterator of [`sense_ids`].
struct Ids {
    single: Option<u32>,
    list: std::slice::ChunksExact<'static, u8>,
}

impl Iterator for Ids {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        if let Some(id) = self.single.take() {
            return Some(id);
        }
        self.list
            .next()
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], 0]))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = usize::from(self.single.is_some()) + self.list.len();
        (n, Some(n))
    }
}

impl ExactSizeIterator for Ids {}

/// The country of a place sense, reading one byte of its record: `None`
/// for an actor sense, `Some(None)` for a place without a country.
pub(crate) fn place_country(sense: u32) -> Option<Option<&'static str>> {
    if sense >= tables::N_PLACES {
        return None;
    }
    let n = PLACES.len() / PLACE_RECORD;
    let i = sense as usize;
    if i >= n {
        return None;
    }
    PLACES.get(n + i).map(|&c| country_code(c))
}

/// Decodes one sense id into an entry.
pub(crate) fn entry(sense: u32) -> Option<Entry> {
    decode(sense, true)
}

/// Decodes one sense id into an entry whose place, if any, has its
/// reference kept unwritten ([`PlaceEntry::reference`]).
pub(crate) fn entry_without_reference(sense: u32) -> Option<Entry> {
    decode(sense, false)
}

fn decode(sense: u32, write_reference: bool) -> Option<Entry> {
    if sense < tables::N_PLACES {
        place(sense as usize, write_reference).map(Entry::Place)
    } else {
        actor((sense - tables::N_PLACES) as usize).map(Entry::Actor)
    }
}

/// Place records are stored column-wise, byte by byte: byte `b` of record
/// `i` is at `b * N + i`. Reading one costs 12 scattered loads instead of one
/// slice, but the planes of kinds, countries and high coordinate bytes are
/// repetitive, which makes the blob 8% smaller once gzipped for the page.
/// Byte layout: kind|capital, country, lat (3), lon (3), reference (3), population (1).
fn place(i: usize, write_reference: bool) -> Option<PlaceEntry> {
    let n = PLACES.len() / PLACE_RECORD;
    if i >= n {
        return None;
    }
    let mut r = [0u8; PLACE_RECORD];
    for (b, slot) in r.iter_mut().enumerate() {
        *slot = *PLACES.get(b * n + i)?;
    }
    let kind = match r[0] & 0x7f {
        0 => PlaceKind::Country,
        1 => PlaceKind::Region,
        2 => PlaceKind::City,
        _ => PlaceKind::Feature,
    };
    let country = country_code(r[1]);
    let reference_raw = u32::from_le_bytes([r[8], r[9], r[10], 0]);
    let id = match (kind, country) {
        (PlaceKind::Country, Some(cc)) => Some(Reference::Country(cc)),
        (PlaceKind::City, _) | (PlaceKind::Region | PlaceKind::Feature, None)
            if reference_raw != 0 =>
        {
            Some(Reference::Geonames(reference_raw))
        }
        (PlaceKind::Region, Some(cc)) if reference_raw != 0 => {
            // The code ends at its first zero byte: what follows is no part of it.
            let mut code = [r[8], r[9], r[10]];
            if let Some(z) = code.iter().position(|&b| b == 0) {
                code[z..].fill(0);
            }
            Some(Reference::Subdivision(cc, code))
        }
        _ => None,
    };
    Some(PlaceEntry {
        kind,
        country,
        lat: coord(i24(&r[2..5])),
        lon: coord(i24(&r[5..8])),
        reference: id.filter(|_| write_reference).map(Reference::text),
        id,
        population: unpack_population(r[11]),
        capital: r[0] & 0x80 != 0,
    })
}

fn actor(i: usize) -> Option<ActorEntry> {
    let r = ACTORS.get(i * ACTOR_RECORD..(i + 1) * ACTOR_RECORD)?;
    let name = u16::from_le_bytes([r[0], r[1]]) as usize;
    let actor_type = match r[2] {
        0 => ActorType::Person,
        1 => ActorType::Organisation,
        2 => ActorType::ArmedGroup,
        3 => ActorType::Government,
        4 => ActorType::Military,
        5 => ActorType::Media,
        _ => ActorType::Igo,
    };
    Some(ActorEntry {
        canonical: tables::ACTOR_NAMES.get(name)?,
        actor_type,
    })
}

#[cfg(test)]
mod tests {
    use super::unpack_population;

    #[test]
    fn population_codes_keep_the_thresholds_and_grow() {
        assert_eq!(unpack_population(0), 0);
        assert_eq!(unpack_population(166), 100_000);
        assert_eq!(unpack_population(176), 200_000);
        assert!(unpack_population(165) < 100_000);
        assert!(unpack_population(175) < 200_000);
        let mut last = 0;
        for c in 1..=255u8 {
            let p = unpack_population(c);
            // Buckets below ~30 inhabitants round to the same integers.
            assert!(
                p > last || (p == last && p < 30),
                "code {c}: {p} after {last}"
            );
            // 7% steps: the bucket's lower bound is within 8% of the next one.
            assert!(c == 1 || (p as f64) < last as f64 * 1.08 + 1.0);
            last = p;
        }
        assert!(unpack_population(255) > 40_000_000);
    }
}
