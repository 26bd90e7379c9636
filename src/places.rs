//! Places: gazetteer matches and context rules ("la ville de X").
use crate::lang::Lang;
use crate::span::Candidate;
use crate::text::Doc;

/// Proposes place candidates.
pub fn find(_doc: &Doc, _lang: Lang, _out: &mut Vec<Candidate>) {}
