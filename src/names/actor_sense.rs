//! An actor sense over a town's where capitals mark no names.
//!
//! The gazetteer ranks places before actors, so one word that is both a
//! town (often by an alternate name only: GeoNames lists "Hamas" for Hamm,
//! "Google" for Topeka, "Sana" for Sano) and a listed actor reads as the
//! town. Where every noun has a capital (German), a capital says nothing
//! either way, and a one-word town of that kind in the news is far rarer
//! than the armed group, agency or company of the actor list: the actor
//! sense wins there. Countries and national capitals keep their place
//! sense (their names stand for the state anyway, `metonymy.rs`). And an
//! actor named by a frequent word is meant where it speaks ([`speaks`]).

use super::context::{cue, reporting_verb_near};
use super::Cues;
use crate::framing::SOURCE_PREP;
use crate::lexicon::{Entry, PlaceKind};
use crate::text::Doc;

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

/// A listed actor named by a frequent word ("Spiegel", "Zeit", "Bahn") is
/// meant where it speaks, where capitals mark no names: before a reporting
/// verb ("der Spiegel berichtete", "teilte die Bahn mit") or as a source
/// ("laut Spiegel", "der Zeit zufolge"). Elsewhere the word is the noun.
/// A name in quotes is read from outside them ('dem „Spiegel“ zufolge').
pub(super) fn speaks(doc: &Doc, c: &Cues, t: usize, end: usize) -> bool {
    if c.capitals_mark_names {
        return false;
    }
    let fr = c.framing;
    let quote = |i: usize| i < doc.len() && is_quote(doc.raw(i));
    let (t, end) = if t >= 1 && quote(t - 1) && quote(end) {
        (t - 1, end + 1)
    } else {
        (t, end)
    };
    reporting_verb_near(doc, fr, t, end)
        || (t >= 1 && cue(doc, fr, t - 1, SOURCE_PREP))
        || cue(doc, fr, end, SOURCE_PREP)
}

/// A quotation mark, straight or typographic.
fn is_quote(raw: &str) -> bool {
    matches!(raw, "\"" | "«" | "»" | "“" | "”" | "„")
}
