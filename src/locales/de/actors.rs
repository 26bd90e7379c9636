//! How German names a state's forces: the demonym before the head, inflected
//! ("die russische Armee", "der russischen Armee", "russischer Truppen"),
//! with the words of `data/lang/de/actors.tsv`; the inflected demonyms are
//! data (`data/lang/de/demonyms_curated.tsv`).

use crate::actors::{Order, Phrases};
use std::sync::LazyLock;

/// The German force phrases.
pub static PHRASES: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::parse(super::super::data::de::ACTORS_TSV(), Order::DemonymFirst));
