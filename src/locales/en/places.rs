//! The English words between a feature's head and its name: none (English
//! says "the Gulf of Aden" with a capital), from `data/lang/en/places.tsv`.

use crate::places::Links;
use std::sync::LazyLock;

/// The English linking words.
pub static LINKS: LazyLock<Links> =
    LazyLock::new(|| Links::parse(super::super::data::en::PLACES_TSV()));
