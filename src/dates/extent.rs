//! The words around a parsed date that TimeML keeps in its extent and
//! ANNOTATION.md does not rule on: modifiers in front ("earlier this year",
//! "around 3 p.m.", "nearly four years ago", "fiscal 1989") and the period
//! noun of a reporting period ("year-ago quarter", "the 1988 second quarter",
//! "this year's third quarter", "the third quarter of 1984").
//!
//! Leading articles and prepositions stay out (ANNOTATION.md is explicit on
//! them). The grammars stay simple (one expression each); this step widens a
//! match once, looking at a few tokens on each side, so it costs nothing on
//! tokens that are not dates. Which modifier goes with which kind of date is
//! in the data (`mod` words of `data/lang/*/dates.txt`), because a modifier
//! with the wrong base is usually another word ("get around Wednesday's
//! ruling", "one more today").

use super::common::Cx;
use super::expr::{Base, Parsed};
use super::words::{Cat, Q, Y};
use super::Grammar;

/// `mod` values: how a modifier word may attach (see the data files).
const RELATIVE: i32 = 1;
const APPROX: i32 = 2;
const MORE: i32 = 4;
const FISCAL: i32 = 5;
const THIS: i32 = 6;
const SAME: i32 = 8;

/// Widens `p` over the modifier words before it that fit its base.
pub fn premodifiers(cx: &Cx, mut p: Parsed) -> Parsed {
    while p.start > 0 && !cx.doc.tokens.get(p.start).is_some_and(|t| t.sentence_start) {
        let Some(m) = cx.get(p.start - 1, Cat::Mod) else {
            break;
        };
        if !fits(m, &p) {
            break;
        }
        p.start -= 1;
    }
    p
}

fn fits(m: i32, p: &Parsed) -> bool {
    let e = &p.expr;
    match m {
        // "earlier this month", "later Sunday", "earlier yesterday".
        RELATIVE => matches!(
            e.base,
            Base::Day(_) | Base::Weekday { shift: 0, .. } | Base::Rel { n: 0, .. } | Base::ThatYear
        ),
        // "around 7:15 p.m.", "around Nov. 1", "nearly two weeks ago".
        APPROX => {
            e.time.is_some()
                || matches!(
                    e.base,
                    Base::Cal { day: Some(_), .. } | Base::Rel { n: ..=-1, .. } | Base::YearEarlier
                )
        }
        // "more recently".
        MORE => e.base == Base::Ref(-1),
        // "fiscal 1989", "fiscal second-quarter".
        FISCAL => matches!(
            e.base,
            Base::Cal {
                year: Some(_),
                month: None,
                day: None
            } | Base::Quarter { .. }
                | Base::Rel { unit: Y, .. }
        ),
        // "this past spring", "this coming Sunday".
        THIS => matches!(
            e.base,
            Base::Season { shift: -1 | 1, .. } | Base::Weekday { shift: -1 | 1, .. }
        ),
        // "ce même lundi après-midi", "ce même jour".
        SAME => matches!(
            e.base,
            Base::Weekday { .. } | Base::Day(_) | Base::Anchor(_) | Base::Cal { day: Some(_), .. }
        ),
        _ => false,
    }
}

/// Reporting periods after a year: "year-ago quarter", "1988 second quarter",
/// "this year's third quarter", "third quarter of 1984". `quarter` is the
/// quarter the dispatch last spoke of, `dct_year` the reference year.
pub fn periods(
    cx: &Cx,
    mut p: Parsed,
    quarter: Option<(i32, u32)>,
    dct_year: Option<i32>,
) -> Parsed {
    let e = p.end;
    match p.expr.base {
        // "year-ago quarter", "year-earlier period", "year-ago third quarter".
        Base::YearEarlier => {
            if let Some((q, end)) = ord_quarter(cx, e) {
                if let Some(y) = dct_year {
                    p.expr.base = Base::Quarter {
                        q,
                        year: Some(y - 1),
                    };
                    p.end = end;
                }
            } else if period_noun(cx, e) {
                p.end = e + 1;
            }
        }
        Base::Cal {
            year: Some(y),
            month: None,
            day: None,
        } => {
            if let Some((q, end)) = ord_quarter(cx, e) {
                p.expr.base = Base::Quarter { q, year: Some(y) };
                p.end = end;
            } else if period_noun(cx, e) {
                // "the 1988 quarter": the quarter in context, in that year.
                if let Some((_, q)) = quarter {
                    p.expr.base = Base::Quarter { q, year: Some(y) };
                }
                p.end = e + 1;
            }
        }
        // "this year's third quarter", "next year's first quarter".
        Base::Rel { unit: Y, n } if cx.doc.is_apostrophe(e) && cx.is(e + 1, Cat::Possessive) => {
            if let (Some((q, end)), Some(y)) = (ord_quarter(cx, e + 2), dct_year) {
                p.expr.base = Base::Quarter {
                    q,
                    year: Some(y + n),
                };
                p.end = end;
            }
        }
        // "the third quarter of 1984".
        Base::Quarter { q, year: None } if cx.is(e, Cat::QuarterOf) => {
            if let Some(y) = cx.year4(e + 1) {
                p.expr.base = Base::Quarter { q, year: Some(y) };
                p.end = e + 2;
            }
        }
        _ => {}
    }
    p
}

/// "third quarter", "third-quarter", "second half" at `j`: (quarter code, end).
fn ord_quarter(cx: &Cx, j: usize) -> Option<(u32, usize)> {
    let n = cx.get(j, Cat::Ord)?;
    let k = if cx.doc.is_hyphen(j + 1) {
        j + 2
    } else {
        j + 1
    };
    (cx.get(k, Cat::Unit) == Some(Q) && (1..=4).contains(&n)).then_some((n as u32, k + 1))
}

/// "quarter" or "period" right after a year or "year-ago".
fn period_noun(cx: &Cx, j: usize) -> bool {
    (cx.get(j, Cat::Unit) == Some(Q) && !cx.norm(j).ends_with('s')) || cx.is(j, Cat::Period)
}

/// `mod` value of the words that join a day and its time ("à", "at").
const JOIN: i32 = 7;

/// A day and its clock time or part of day written together, in either
/// order: "hier à 10 h", "5 p.m. EST Nov. 9", "mid-afternoon yesterday".
/// One span with the day's base and the time's hour or part.
///
/// Not for a language without date words (text of unknown language), where
/// only numeric forms are read and "03/11/2017 15:00" stays two dates.
pub fn day_and_time(cx: &Cx, grammar: &Grammar, mut p: Parsed) -> Parsed {
    if cx.words.is_none() {
        return p;
    }
    let timed = |x: &Parsed| x.expr.time.is_some() || x.expr.part.is_some();
    let day_first = day_level(&p) && !timed(&p);
    let time_first = p.expr.base == Base::Time && timed(&p);
    if !(day_first || time_first) {
        return p;
    }
    let e = p.end;
    let j = if cx.punct(e, ",") || cx.get(e, Cat::Mod) == Some(JOIN) {
        e + 1
    } else {
        e
    };
    // Parse again only where the other half can start.
    let at = cx.at(j);
    let can = at.digit
        || if day_first {
            at.any(&[Cat::Noon, Cat::Part, Cat::Edge])
        } else {
            at.any(&[Cat::Day, Cat::Weekday, Cat::Month, Cat::MonthAbbr])
        };
    if !can {
        return p;
    }
    let Some(q) = super::parse(cx, grammar, j).filter(|q| q.start == j) else {
        return p;
    };
    if day_level(&p) && !timed(&p) && q.expr.base == Base::Time && timed(&q) {
        p.expr.time = q.expr.time;
        p.expr.part = q.expr.part;
        p.end = q.end;
    } else if p.expr.base == Base::Time && timed(&p) && day_level(&q) && !timed(&q) {
        p.expr.base = q.expr.base;
        p.end = q.end;
    }
    p
}

fn day_level(p: &Parsed) -> bool {
    matches!(
        p.expr.base,
        Base::Day(_)
            | Base::Weekday { .. }
            | Base::Cal { day: Some(_), .. }
            | Base::WeekdayDay { .. }
            | Base::NthWeekday { .. }
    )
}
