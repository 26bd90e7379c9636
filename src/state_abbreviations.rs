//! A US state as US news writes it after a town: "Charleston, W.Va.",
//! "Monroeville, Ala.", "Wichita, Kan." (the Associated Press's
//! abbreviations, `data/curated/state_abbreviations.tsv`).
//!
//! Why a module of its own: read as a name, "Ala" is a town in Italy and
//! "Kan." a city in China, and the state is the clue [`crate::namesakes`]
//! needs to tell Charleston, West Virginia, from Charleston, South Carolina.
//! So an abbreviation is read only in that place, after a capitalised word
//! and a comma, as the state itself (a place span with the state's value),
//! and [`sense`] gives namesakes its reading. Language-neutral: the pattern
//! and the list are the US press's, whatever the language around them.

use crate::lexicon::{self, PlaceKind};
use crate::span::{Candidate, Kind, Source};

const DATA: &str = include_str!("../data/curated/state_abbreviations.tsv");

/// Above a gazetteer's town of the same letters ("Ala").
const SCORE: u8 = 95;

/// The abbreviation `text` starts with (a whole word: "Kan." in "Kan.,",
/// not in "Kans."), and the name of the state it stands for.
fn abbreviation_at(text: &[u8]) -> Option<(&'static str, &'static str)> {
    DATA.split('\n')
        .filter_map(|l| l.split_once('\t'))
        .find(|(a, _)| {
            text.starts_with(a.as_bytes())
                && !text.get(a.len()).is_some_and(u8::is_ascii_alphanumeric)
        })
}

/// The gazetteer's sense (a [`lexicon::place_senses`] id) of the state an
/// abbreviation stands for.
pub fn sense(abbreviation: &str) -> Option<u32> {
    if !abbreviation.ends_with('.') {
        return None;
    }
    let (a, name) = abbreviation_at(abbreviation.as_bytes())?;
    if a.len() != abbreviation.len() {
        return None;
    }
    let mut ids = Vec::new();
    lexicon::place_senses(name, &mut ids);
    ids.into_iter().find(|&id| {
        lexicon::place_entry_unwritten(id)
            .is_some_and(|p| p.kind == PlaceKind::Region && p.country.is_some())
    })
}

/// True when the word ending at byte `end` (letters, and the dots and
/// hyphens of "St. Louis", "Winston-Salem") starts with a capital letter.
fn capitalised_before(b: &[u8], end: usize) -> bool {
    let start = b[..end]
        .iter()
        .rposition(|&c| !(c.is_ascii_alphanumeric() || c == b'.' || c == b'-' || c >= 0x80))
        .map_or(0, |i| i + 1);
    start < end && (b[start].is_ascii_uppercase() || b[start] >= 0x80)
}

/// Adds a place candidate for each state abbreviation after "Town, ".
pub fn find(text: &str, cands: &mut Vec<Candidate>) {
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(n) = text[from..].find(',') {
        let comma = from + n;
        from = comma + 1;
        let at = comma + 2;
        // Cheap tests first: ", " then a capital, and a dot within the
        // length of the longest abbreviation ("W. Va.").
        if b.get(comma + 1) != Some(&b' ')
            || !b.get(at).is_some_and(u8::is_ascii_uppercase)
            || !b[at..b.len().min(at + 6)].contains(&b'.')
            || !capitalised_before(b, comma)
        {
            continue;
        }
        let Some((abbreviation, _)) = abbreviation_at(&b[at..]) else {
            continue;
        };
        if let Some(place) = sense(abbreviation).and_then(lexicon::place_entry) {
            let end = at + abbreviation.len();
            cands.push(
                Candidate::new(at, end, Kind::Place, Source::Lexicon, SCORE)
                    .with_value(place.value()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::span::{Kind, Value};
    use crate::{annotate, Options};

    fn places(text: &str) -> Vec<(String, String)> {
        annotate(text, &Options::default())
            .spans
            .into_iter()
            .filter(|s| s.kind == Kind::Place)
            .map(|s| {
                let r = match s.value {
                    Some(Value::Place(p)) => p.reference.unwrap_or_default(),
                    _ => String::new(),
                };
                (s.text, r)
            })
            .collect()
    }

    #[test]
    fn an_abbreviation_after_a_town_is_its_state() {
        let p = places("A driver from Monroeville, Ala., was stopped on the interstate.");
        assert!(
            p.contains(&("Ala.".into(), "iso3166-2:US-AL".into())),
            "{p:?}"
        );
        let p = places("CHARLESTON, W.Va. -- The county board met on Monday night.");
        assert!(
            p.contains(&("W.Va.".into(), "iso3166-2:US-WV".into())),
            "{p:?}"
        );
        // West Virginia's capital, not South Carolina's port.
        assert!(
            p.contains(&("CHARLESTON".into(), "geonames:4801859".into())),
            "{p:?}"
        );
    }

    #[test]
    fn an_abbreviation_elsewhere_is_no_place() {
        let p = places("Miss. Jones and the others stayed home, Ind. sources said.");
        assert!(!p.iter().any(|(t, _)| t.ends_with('.')), "{p:?}");
    }
}
