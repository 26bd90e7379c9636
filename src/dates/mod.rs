//! Dates: French and English grammars and TIMEX3 values.
use crate::calendar::Date;
use crate::lang::Lang;
use crate::span::Candidate;
use crate::text::Doc;

/// Proposes date candidates with values resolved against `dct`.
pub fn find(_doc: &Doc, _lang: Lang, _dct: Option<Date>, _out: &mut Vec<Candidate>) {}
