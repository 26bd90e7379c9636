//! The government a country or capital stands for, by its canonical name.
//!
//! Canonical names of states are in the language of canonical names
//! ("Government of France"), whatever the language of the text.

use crate::lexicon::{self, PlaceEntry};
use crate::span::{ActorType, ActorValue, Value};

/// The government actor of the country of `p`, or `None` when `p` has no country.
pub(super) fn government(p: &PlaceEntry) -> Option<Value> {
    let country = p.country?;
    let name = lexicon::canonical_country_name(country).unwrap_or(country);
    Some(Value::Actor(ActorValue {
        canonical: crate::actors::state_canonical(name, ActorType::Government).unwrap_or_default(),
        actor_type: Some(ActorType::Government),
    }))
}
