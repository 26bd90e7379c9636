//! From a parsed expression to a TIMEX3 value, given the reference date and
//! what the context says: language-independent.
//!
//! The choices that text alone cannot settle follow news usage and were
//! measured on the development sets: a bare weekday is the last one (or today)
//! unless the sentence speaks of the future; a month or day without a year is
//! the nearest one to the reference date, or the next one in future sentences.

use super::expr::{Base, Expr};
use super::timex::is_valid;
use super::words::{CE, D, DE, H, H2, M, MI, Q, W, Y};
use crate::calendar::{Date, MAX_YEAR, MIN_YEAR};
use std::fmt::Write;

/// What the resolver knows besides the expression.
#[derive(Clone, Copy, Debug, Default)]
pub struct Ctx {
    /// The reference date (dispatch date).
    pub dct: Option<Date>,
    /// The last day mentioned before the expression, if any.
    pub anchor: Option<Date>,
    /// The sentence speaks of the future.
    pub future: bool,
    /// The last quarter the dispatch spoke of (year, quarter).
    pub quarter: Option<(i32, u32)>,
    /// A year written earlier in the same sentence: the year of a month
    /// written alone ("en 97 (en janvier)").
    pub year_hint: Option<i32>,
    /// The year of the last date mentioned with a known year ("that year").
    pub last_year: Option<i32>,
}

/// A resolved value: the TIMEX3 string (None when nothing sensible can be
/// said) and the day it denotes, when it denotes one (the next anchor).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub value: Option<String>,
    pub day: Option<Date>,
}

const PARTS: [&str; 5] = ["", "MO", "AF", "EV", "NI"];
const SEASONS: [&str; 5] = ["", "SP", "SU", "FA", "WI"];

/// Resolves an expression against a context. The value is always a valid
/// TIMEX3 value ([`super::timex`]) or none: a day that does not exist, or
/// arithmetic that leaves years 0000–9999, gives no value.
pub fn resolve(e: &Expr, cx: &Ctx) -> Resolved {
    let r = resolve_unchecked(e, cx);
    match &r.value {
        Some(v) if !is_valid(v) => Resolved {
            value: None,
            day: None,
        },
        _ => r,
    }
}

fn resolve_unchecked(e: &Expr, cx: &Ctx) -> Resolved {
    // A feast of a lunar calendar (Eid): its year only.
    if let Base::Holiday { code, .. } = e.base {
        if super::holidays::year_only(code) {
            let y = cx.year_hint.or(cx.dct.map(|r| r.year));
            return Resolved {
                value: y.and_then(year_value),
                day: None,
            };
        }
    }
    let day = match e.base {
        Base::Cal {
            year,
            month: Some(m),
            day: Some(d),
        } => Some(match year {
            Some(y) => Date::new(y, m, d),
            None => match cx.dct {
                Some(r) => nearest_day(r, m, d, cx.future),
                None => {
                    return with_day_suffix(unknown_year(Some(m), Some(d)), e, None);
                }
            },
        }),
        Base::Cal {
            year: None,
            month: None,
            day: Some(d),
        } => match cx.dct {
            Some(r) => Some(Date::new(r.year, r.month, d)),
            None => return with_day_suffix(unknown_year(None, Some(d)), e, None),
        },
        Base::Weekday { wd, shift } => match cx.dct {
            Some(r) => Some(weekday(r, wd, shift, cx.future)),
            None => return with_day_suffix(unknown_week_day(wd), e, None),
        },
        Base::Day(n) => cx.dct.map(|r| r.add_days(i64::from(n))),
        Base::Anchor(n) => cx.anchor.or(cx.dct).map(|a| a.add_days(i64::from(n))),
        Base::Time => cx.anchor.or(cx.dct).map(Some),
        Base::Holiday {
            code,
            offset,
            shift,
        } => match (cx.year_hint, cx.dct) {
            (Some(y), _) => Some(super::holidays::day(code, offset, y)),
            (None, Some(r)) => Some(super::holidays::resolve(code, offset, shift, r, cx.future)),
            (None, None) => None,
        },
        Base::Rel { unit: D, n } => cx.dct.map(|r| r.add_days(i64::from(n))),
        // "dans 2 minutes": the reference day (its clock time is unknown).
        Base::Rel { unit: H | MI, .. } => cx.dct.map(Some),
        Base::After { unit: H | MI, .. } => cx.anchor.or(cx.dct).map(Some),
        Base::NthWeekday { n, wd, month, year } => year
            .or(cx.year_hint)
            .or_else(|| cx.dct.map(|r| nearest_month(r, month, 0, cx.future)))
            .map(|y| nth_weekday(y, month, wd, n)),
        Base::WeekdayDay { wd, day } => match cx.dct {
            Some(r) => Some(weekday_day(r, wd, day, cx.future)),
            None => return with_day_suffix(unknown_year(None, Some(day)), e, None),
        },
        Base::After { unit: D, n } => cx.anchor.or(cx.dct).map(|a| a.add_days(i64::from(n))),
        _ => None,
    };
    if let Some(d) = day {
        return match d {
            Some(d) => with_day_suffix(day_value(d), e, Some(d)),
            None => Resolved {
                value: None,
                day: None,
            },
        };
    }
    let value = match e.base {
        Base::Cal {
            year: Some(y),
            month: None,
            ..
        } => year_value(y),
        Base::Cal {
            year,
            month: Some(m),
            day: None,
        } => match (year.or(cx.year_hint), cx.dct) {
            (Some(y), _) => Some(month_value(y, m)),
            (None, Some(r)) => Some(month_value(nearest_month(r, m, 0, cx.future), m)),
            (None, None) => Some(unknown_year(Some(m), None)),
        },
        Base::MonthRel { month, shift } => Some(match cx.dct {
            Some(r) => month_value(nearest_month(r, month, shift, cx.future), month),
            None => unknown_year(Some(month), None),
        }),
        Base::Rel { unit, n } => cx.dct.and_then(|r| rel_value(r, unit, n)),
        Base::After { unit, n } => cx.anchor.or(cx.dct).and_then(|r| rel_value(r, unit, n)),
        Base::YearEarlier => match (cx.quarter, cx.dct) {
            (Some((y, q)), _) => Some(format!("{:04}-Q{q}", y - 1)),
            (None, Some(r)) => year_value(r.year - 1),
            (None, None) => None,
        },
        Base::Weekend(shift) => match cx.dct {
            Some(r) => {
                // The Saturday of the weekend meant.
                let sat = if shift == 0 && !cx.future && r.weekday() == 7 {
                    r.add_days(-1)
                } else {
                    weekday(r, 6, shift, cx.future || shift == 2)
                };
                sat.map(|sat| {
                    let (y, w) = sat.iso_week();
                    format!("{y:04}-W{w:02}-WE")
                })
            }
            None => Some("XXXX-WXX-WE".to_string()),
        },
        Base::Decade(d) => (0..=999).contains(&d).then(|| format!("{d:03}")),
        Base::Century(c) => (0..=99).contains(&c).then(|| format!("{c:02}")),
        Base::Season {
            season,
            year,
            shift,
        } => {
            let s = SEASONS.get(season as usize).copied().unwrap_or("SU");
            match (year, cx.dct) {
                (Some(y), _) => Some(format!("{y:04}-{s}")),
                (None, Some(r)) => Some(format!("{:04}-{s}", i64::from(r.year) + i64::from(shift))),
                (None, None) => Some(format!("XXXX-{s}")),
            }
        }
        Base::Quarter { q, year } => {
            let label = if q <= 4 {
                format!("Q{q}")
            } else {
                format!("H{}", q - 4)
            };
            match (year.or(cx.year_hint), cx.dct) {
                (Some(y), _) => Some(format!("{y:04}-{label}")),
                (None, Some(r)) => Some(format!("{:04}-{label}", r.year)),
                (None, None) => Some(format!("XXXX-{label}")),
            }
        }
        Base::ThatYear => cx.last_year.and_then(year_value),
        Base::Ref(-1) => Some("PAST_REF".to_string()),
        Base::Ref(0) => Some("PRESENT_REF".to_string()),
        Base::Ref(_) => Some("FUTURE_REF".to_string()),
        _ => None,
    };
    Resolved { value, day: None }
}

/// A year as TIMEX3 writes it, or `None` outside 0000–9999.
fn year_value(y: i32) -> Option<String> {
    (MIN_YEAR..=MAX_YEAR)
        .contains(&y)
        .then(|| format!("{y:04}"))
}

/// A day's value, "2017-11-03": as `Date`'s `Display` writes it, with no
/// formatting machinery for the years 0000–9999 (every other year is
/// written by `Display`, and then refused by [`is_valid`]).
fn day_value(d: Date) -> String {
    let (Ok(y), true, true) = (u32::try_from(d.year), d.month <= 99, d.day <= 99) else {
        return d.to_string();
    };
    if y > 9999 {
        return d.to_string();
    }
    let mut v = String::with_capacity(24);
    push_digits(&mut v, y, 4);
    v.push('-');
    push_digits(&mut v, d.month, 2);
    v.push('-');
    push_digits(&mut v, d.day, 2);
    v
}

/// The last `width` decimal digits of `n`, zero-padded.
fn push_digits(v: &mut String, n: u32, width: u32) {
    for k in (0..width).rev() {
        let digit = n / 10u32.pow(k) % 10;
        v.push(char::from(b'0' + digit as u8));
    }
}

/// A value of no known year, "XXXX-03-12", "XXXX-XX-12", "XXXX-03": the
/// month ("XX" when unknown) and the day written as `{:02}` would, without
/// the formatting machinery (a dispatch has a dozen, with no reference date).
fn unknown_year(month: Option<u32>, day: Option<u32>) -> String {
    let mut v = String::with_capacity(16);
    v.push_str("XXXX-");
    match month {
        Some(m) => two_digits(&mut v, m),
        None => v.push_str("XX"),
    }
    if let Some(d) = day {
        v.push('-');
        two_digits(&mut v, d);
    }
    v
}

/// "XXXX-WXX-3", a weekday of no known week, as `{wd}` would write it.
fn unknown_week_day(wd: u32) -> String {
    let mut v = String::with_capacity(16);
    v.push_str("XXXX-WXX-");
    if wd <= 9 {
        push_digits(&mut v, wd, 1);
    } else {
        let _ = write!(v, "{wd}");
    }
    v
}

/// `n` as `{n:02}` writes it (all its digits past 99).
fn two_digits(v: &mut String, n: u32) {
    if n <= 99 {
        push_digits(v, n, 2);
    } else {
        let _ = write!(v, "{n:02}");
    }
}

fn with_day_suffix(mut v: String, e: &Expr, day: Option<Date>) -> Resolved {
    if let Some((h, m)) = e.time {
        v.push('T');
        two_digits(&mut v, h);
        v.push(':');
        two_digits(&mut v, m);
    } else if let Some(p) = e
        .part
        .and_then(|p| PARTS.get(p as usize))
        .filter(|p| !p.is_empty())
    {
        v.push('T');
        v.push_str(p);
    }
    Resolved {
        value: Some(v),
        day,
    }
}

/// The weekday `wd` nearest the reference date in the direction asked
/// (`None` past the ends of the calendar).
pub fn weekday(r: Date, wd: u32, shift: i32, future: bool) -> Option<Date> {
    let cur = i64::from(r.weekday());
    let wd = i64::from(wd);
    match shift {
        // Last: strictly before.
        -1 => r.add_days(-((cur - wd - 1).rem_euclid(7) + 1)),
        // Next: strictly after.
        1 => r.add_days((wd - cur - 1).rem_euclid(7) + 1),
        // This week's (ISO week, Monday first).
        2 => r.add_days(wd - cur),
        _ if future => r.add_days((wd - cur).rem_euclid(7)),
        _ => r.add_days(-(cur - wd).rem_euclid(7)),
    }
}

/// The `n`th weekday `wd` of a month (`n` -1: the last).
fn nth_weekday(y: i32, m: u32, wd: u32, n: i32) -> Option<Date> {
    if n == -1 {
        let last = Date::new(y, m, crate::calendar::days_in_month(y, m))?;
        let back = (i64::from(last.weekday()) - i64::from(wd)).rem_euclid(7);
        return last.add_days(-back);
    }
    if !(1..=5).contains(&n) {
        return None;
    }
    let first = Date::new(y, m, 1)?;
    let to = (i64::from(wd) - i64::from(first.weekday())).rem_euclid(7);
    let d = first.add_days(to + 7 * i64::from(n - 1))?;
    (d.month == m).then_some(d)
}

/// The day `day` falling on weekday `wd` nearest the reference date, within
/// a year either way (the coming one in future sentences).
fn weekday_day(r: Date, wd: u32, day: u32, future: bool) -> Option<Date> {
    let rd = r.to_days();
    let mut best: Option<(i64, Date)> = None;
    for k in -12..=12i64 {
        let Some(first) = r.add_months(k) else {
            continue;
        };
        let Some(d) = Date::new(first.year, first.month, day) else {
            continue;
        };
        if d.weekday() != wd || (future && d.to_days() < rd - 7) {
            continue;
        }
        let dist = (d.to_days() - rd).abs();
        if best.map_or(true, |b| dist < b.0) {
            best = Some((dist, d));
        }
    }
    best.map(|b| b.1)
}

/// The month/day of the reference year, or of the year before when that
/// would put it more than a month after the reference (news tells the past);
/// in future context, the next one.
fn nearest_day(r: Date, m: u32, d: u32, future: bool) -> Option<Date> {
    let c = Date::new(r.year, m, d).or_else(|| Date::new(r.year - 1, m, d))?;
    let (cd, rd) = (c.to_days(), r.to_days());
    if future {
        if cd < rd - 7 {
            return Date::new(r.year + 1, m, d);
        }
        return Some(c);
    }
    if cd > rd + PAST_SLACK_DAYS {
        return Date::new(r.year - 1, m, d);
    }
    if cd < rd - 330 {
        return Date::new(r.year + 1, m, d);
    }
    Some(c)
}

/// How far after the reference date a day without year may still be taken
/// in the reference year outside future context.
const PAST_SLACK_DAYS: i64 = 90;

/// The year of month `m` nearest the reference (shift -1 last, 1 next, 0 nearest).
fn nearest_month(r: Date, m: u32, shift: i32, future: bool) -> i32 {
    let (cur, m) = (r.month as i32, m as i32);
    match shift {
        -1 => {
            if m < cur {
                r.year
            } else {
                r.year - 1
            }
        }
        1 => {
            if m > cur {
                r.year
            } else {
                r.year + 1
            }
        }
        _ if future => {
            if m >= cur {
                r.year
            } else {
                r.year + 1
            }
        }
        _ => {
            // Past by default: a month more than three ahead is last year's.
            if m - cur > 3 {
                r.year - 1
            } else {
                r.year
            }
        }
    }
}

fn month_value(y: i32, m: u32) -> String {
    format!("{y:04}-{m:02}")
}

/// The value of `n` units from the reference date at the unit's granularity;
/// `None` when that leaves years 0000–9999.
pub fn rel_value(r: Date, unit: i32, n: i32) -> Option<String> {
    let n = i64::from(n);
    // The year `k` units of `years` away, when it is within the range.
    let year_away = |years: i64| {
        let y = i64::from(r.year).checked_add(n.checked_mul(years)?)?;
        i32::try_from(y)
            .ok()
            .filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y))
    };
    Some(match unit {
        D => r.add_days(n)?.to_string(),
        W => {
            let (y, w) = r.add_days(n.checked_mul(7)?)?.iso_week();
            format!("{y:04}-W{w:02}")
        }
        M => {
            let d = r.add_months(n)?;
            format!("{:04}-{:02}", d.year, d.month)
        }
        Y => format!("{:04}", year_away(1)?),
        DE => format!("{:03}", year_away(10)? / 10),
        CE => format!("{:02}", year_away(100)? / 100),
        Q => {
            let d = r.add_months(n.checked_mul(3)?)?;
            format!("{:04}-Q{}", d.year, (d.month - 1) / 3 + 1)
        }
        H2 => {
            let d = r.add_months(n.checked_mul(6)?)?;
            format!("{:04}-H{}", d.year, (d.month - 1) / 6 + 1)
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_of_no_year_are_written_as_format_writes_them() {
        for n in [0, 1, 9, 10, 12, 31, 99, 100, 123, 4096, u32::MAX] {
            assert_eq!(unknown_year(Some(n), None), format!("XXXX-{n:02}"));
            assert_eq!(unknown_year(None, Some(n)), format!("XXXX-XX-{n:02}"));
            assert_eq!(unknown_year(Some(3), Some(n)), format!("XXXX-03-{n:02}"));
            assert_eq!(unknown_year(Some(n), Some(7)), format!("XXXX-{n:02}-07"));
            assert_eq!(unknown_week_day(n), format!("XXXX-WXX-{n}"));
        }
    }

    fn ctx(dct: &str) -> Ctx {
        Ctx {
            dct: Date::parse(dct),
            ..Ctx::default()
        }
    }

    fn val(base: Base, cx: &Ctx) -> Option<String> {
        resolve(&Expr::new(base), cx).value
    }

    #[test]
    fn weekdays_past_future_this() {
        let r = Date::parse("2017-11-04").unwrap(); // Saturday
        assert_eq!(
            weekday(r, 4, 0, false).map(|d| d.to_string()).as_deref(),
            Some("2017-11-02")
        );
        assert_eq!(
            weekday(r, 6, 0, false).map(|d| d.to_string()).as_deref(),
            Some("2017-11-04")
        );
        assert_eq!(
            weekday(r, 4, 0, true).map(|d| d.to_string()).as_deref(),
            Some("2017-11-09")
        );
        assert_eq!(
            weekday(r, 6, -1, false).map(|d| d.to_string()).as_deref(),
            Some("2017-10-28")
        );
        assert_eq!(
            weekday(r, 1, 1, false).map(|d| d.to_string()).as_deref(),
            Some("2017-11-06")
        );
        assert_eq!(
            weekday(r, 6, 1, false).map(|d| d.to_string()).as_deref(),
            Some("2017-11-11")
        );
    }

    #[test]
    fn months_and_days_without_year_lean_to_the_past() {
        let c = ctx("2000-01-15");
        let md = |m, d| Base::Cal {
            year: None,
            month: Some(m),
            day: Some(d),
        };
        assert_eq!(val(md(11, 25), &c).as_deref(), Some("1999-11-25"));
        assert_eq!(val(md(2, 10), &c).as_deref(), Some("2000-02-10"));
        assert_eq!(val(md(6, 10), &c).as_deref(), Some("1999-06-10"));
        let mut fu = c;
        fu.future = true;
        assert_eq!(val(md(6, 10), &fu).as_deref(), Some("2000-06-10"));
        assert_eq!(
            val(md(1, 10), &fu).as_deref(),
            Some("2000-01-10"),
            "days back are still this year's"
        );
        let m = |m| Base::Cal {
            year: None,
            month: Some(m),
            day: None,
        };
        assert_eq!(val(m(12), &ctx("1999-05-07")).as_deref(), Some("1998-12"));
        assert_eq!(val(m(4), &ctx("1998-12-05")).as_deref(), Some("1998-04"));
        assert_eq!(val(m(1), &ctx("1998-12-05")).as_deref(), Some("1998-01"));
        assert_eq!(
            val(m(3), &ctx("1999-01-05")).as_deref(),
            Some("1999-03"),
            "two months ahead"
        );
        let mut f = ctx("1999-05-07");
        f.future = true;
        assert_eq!(val(m(3), &f).as_deref(), Some("2000-03"));
        let mut h = ctx("1999-07-29");
        h.year_hint = Some(1997);
        assert_eq!(val(m(10), &h).as_deref(), Some("1997-10"));
    }

    #[test]
    fn relative_units_and_references() {
        let c = ctx("2017-11-04");
        assert_eq!(
            val(Base::Rel { unit: W, n: -1 }, &c).as_deref(),
            Some("2017-W43")
        );
        assert_eq!(
            val(Base::Rel { unit: M, n: -1 }, &c).as_deref(),
            Some("2017-10")
        );
        assert_eq!(
            val(Base::Rel { unit: Y, n: -1 }, &c).as_deref(),
            Some("2016")
        );
        assert_eq!(
            val(Base::Rel { unit: D, n: -3 }, &c).as_deref(),
            Some("2017-11-01")
        );
        assert_eq!(
            val(Base::Rel { unit: Q, n: 0 }, &c).as_deref(),
            Some("2017-Q4")
        );
        assert_eq!(val(Base::Ref(-1), &c).as_deref(), Some("PAST_REF"));
        assert_eq!(
            val(Base::Quarter { q: 3, year: None }, &c).as_deref(),
            Some("2017-Q3")
        );
        assert_eq!(
            val(
                Base::Season {
                    season: 2,
                    year: Some(2017),
                    shift: 0
                },
                &c
            )
            .as_deref(),
            Some("2017-SU")
        );
        assert_eq!(val(Base::Decade(199), &c).as_deref(), Some("199"));
        assert_eq!(val(Base::Century(18), &c).as_deref(), Some("18"));
    }

    #[test]
    fn parts_times_and_anchors() {
        let mut c = ctx("1999-05-18");
        let mut e = Expr::new(Base::Weekday { wd: 7, shift: 0 });
        e.part = Some(3);
        assert_eq!(resolve(&e, &c).value.as_deref(), Some("1999-05-16TEV"));
        c.anchor = Date::parse("1999-05-16");
        let mut t = Expr::new(Base::Time);
        t.time = Some((22, 0));
        assert_eq!(resolve(&t, &c).value.as_deref(), Some("1999-05-16T22:00"));
        assert_eq!(val(Base::Anchor(1), &c).as_deref(), Some("1999-05-17"));
        let none = Ctx::default();
        assert_eq!(val(Base::Day(-1), &none), None);
        assert_eq!(
            val(Base::Weekday { wd: 5, shift: 0 }, &none).as_deref(),
            Some("XXXX-WXX-5")
        );
    }

    #[test]
    fn nth_weekdays_and_weekday_days() {
        let c = ctx("2026-12-05");
        let nth = |n, wd, month, year| Base::NthWeekday { n, wd, month, year };
        assert_eq!(
            val(nth(-1, 1, 3, Some(2027)), &c).as_deref(),
            Some("2027-03-29")
        );
        assert_eq!(
            val(nth(1, 7, 5, Some(2022)), &c).as_deref(),
            Some("2022-05-01")
        );
        assert_eq!(val(nth(5, 1, 2, Some(2027)), &c), None, "no fifth Monday");
        // Saturday the 16th nearest 5 December 2026 (a Saturday): 16 January 2027.
        assert_eq!(
            val(Base::WeekdayDay { wd: 6, day: 16 }, &c).as_deref(),
            Some("2027-01-16")
        );
        assert_eq!(
            val(Base::WeekdayDay { wd: 6, day: 16 }, &Ctx::default()).as_deref(),
            Some("XXXX-XX-16")
        );
        assert_eq!(
            val(Base::Rel { unit: MI, n: 2 }, &c).as_deref(),
            Some("2026-12-05")
        );
    }
}
