//! The German words between a feature's head and its name ("Golf von
//! Aden"), from `data/lang/de/places.tsv`.

use crate::places::Links;
use std::sync::LazyLock;

/// The German linking words.
pub static LINKS: LazyLock<Links> =
    LazyLock::new(|| Links::parse(super::super::data::de::PLACES_TSV()));
