//! Wire datelines: "BEYROUTH, 3 nov 2017 (AFP) -".
use crate::calendar::Date;
use crate::lang::Lang;
use crate::text::Doc;

/// A dateline found at the head of a dispatch, in byte offsets.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    /// The place as written ("BEYROUTH"), and its byte range.
    pub place: Option<(usize, usize)>,
    pub date: Option<Date>,
    /// Month and day when the dateline has no year ("Nov 3").
    pub partial_date: Option<(u32, u32)>,
    pub agency: Option<String>,
}

/// Finds the dateline of a dispatch, if it has one.
pub fn find(_doc: &Doc, _lang: Lang) -> Option<Found> {
    None
}
