//! An actor sense over a town's where capitals mark no names.
//!
//! The gazetteer ranks places before actors, so one word that is both a
//! town (often by an alternate name only: GeoNames lists "Hamas" for Hamm,
//! "Google" for Topeka, "Sana" for Sano) and a listed actor reads as the
//! town. Where every noun has a capital (German), a capital says nothing
//! either way, and a one-word town of that kind in the news is far rarer
//! than the armed group, agency or company of the actor list: the actor
//! sense wins there. Countries and national capitals keep their place
//! sense (their names stand for the state anyway, `metonymy.rs`).

use super::Cues;
use crate::lexicon::{Entry, PlaceKind};

/// The actor sense to read instead of a first town sense, if any.
pub(super) fn over_town<'a>(c: &Cues, single: bool, entries: &'a [Entry]) -> Option<&'a Entry> {
    if c.capitals_mark_names || !single {
        return None;
    }
    match entries.first()? {
        Entry::Place(p) if p.kind == PlaceKind::City && !p.capital => {
            entries.iter().find(|e| matches!(e, Entry::Actor(_)))
        }
        _ => None,
    }
}
