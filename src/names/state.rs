//! The government a country or capital stands for, by its canonical name.
//!
//! Canonical names of states are English ("Government of France"): the
//! lexicon's English country name is read here, apart, until the lexicon
//! gives canonical names without naming a language (its per-language
//! tables are being reworked).

use crate::lexicon::{self, PlaceEntry};
use crate::span::{ActorType, ActorValue, Value};

/// The government actor of the country of `p`, or `None` when `p` has no country.
pub(super) fn government(p: &PlaceEntry) -> Option<Value> {
    let country = p.country?;
    let name = lexicon::country_name(country, crate::lang::EN).unwrap_or(country);
    Some(Value::Actor(ActorValue {
        canonical: crate::actors::state_canonical(name, ActorType::Government).unwrap_or_default(),
        actor_type: Some(ActorType::Government),
    }))
}
