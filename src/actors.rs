//! Actors: organisations, armed groups, governments, militaries, people.
use crate::lang::Lang;
use crate::span::Candidate;
use crate::text::Doc;

/// Proposes actor candidates.
pub fn find(_doc: &Doc, _lang: Lang, _out: &mut Vec<Candidate>) {}
