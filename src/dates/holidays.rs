//! Holidays as dates: "Noël", "Christmas Eve", "Thanksgiving Day",
//! "la fête de Pentecôte", "last Thanksgiving".
//!
//! Only holidays whose day follows from a rule cheap to compute are known:
//! fixed days (`holiday MMDD` in `data/lang/*/dates.txt`), US Thanksgiving
//! (fourth Thursday of November) and the feasts tied to Easter (Gregorian
//! computus). Feasts of the Islamic lunar calendar (Eid al-Fitr, Eid
//! al-Adha: code 5) fall on a day fixed by the sighting of the moon, which no
//! cheap rule predicts and a table per year would have to follow: they are
//! dates with their year only (the reference year, or a year written in the
//! sentence), a value that is right, if coarse. Names of several words
//! ("New Year's Day", "jour de l'an", "Aïd el-Fitr") are phrases of the data.

use super::common::Cx;
use super::expr::{Base, Parsed};
use super::words::Cat;
use crate::calendar::Date;

/// Codes below 100 (`holiday` values): days computed per year.
const THANKSGIVING: i32 = 1;
const EASTER: i32 = 2;
const PENTECOST: i32 = 3;
const ASCENSION: i32 = 4;
/// A feast of the Islamic lunar calendar: its year only.
const LUNAR: i32 = 5;

/// True for a holiday whose day no rule gives: its value is its year.
pub fn year_only(code: i32) -> bool {
    code == LUNAR
}

/// The holiday at `i`, capitalised: "Christmas", "Christmas Day",
/// "Christmas Eve", "fête de Pentecôte", "this Christmas", "last Thanksgiving".
pub fn parse(cx: &Cx, i: usize) -> Option<Parsed> {
    // A name of several words needs no capital ("le jour de l'an").
    let (code, mut end) = match cx.phrase(i, Cat::Holiday) {
        Some(p) => p,
        None => {
            let code = cx.get(i, Cat::Holiday)?;
            if !cx.upper(i) {
                return None;
            }
            (code, i + 1)
        }
    };
    let mut offset = 0;
    if let Some(o) = cx.get(end, Cat::HolidayTail) {
        end += 1;
        offset = o;
    }
    // "Noël Mamère", "Easter Island", "Toussaint Louverture": a name.
    if cx.is_word(end) && cx.upper(end) {
        return None;
    }
    let mut start = i;
    // "fête de Pentecôte", "jour de Noël".
    if i >= 2 && cx.is(i - 1, Cat::HolidayLink) && cx.is(i - 2, Cat::HolidayHead) {
        start = i - 2;
    }
    let mut shift = 0;
    if start > 0 {
        if cx.is(start - 1, Cat::This) {
            start -= 1;
        } else if cx.is(start - 1, Cat::Last) {
            start -= 1;
            shift = -1;
        } else if cx.is(start - 1, Cat::Next) {
            start -= 1;
            shift = 1;
        }
    }
    Some(Parsed {
        start,
        end,
        expr: super::expr::Expr::new(Base::Holiday {
            code,
            offset,
            shift,
        }),
        score: 85,
    })
}

/// The day of holiday `code` in `year`, moved by `offset` days.
pub fn day(code: i32, offset: i32, year: i32) -> Option<Date> {
    let d = match code {
        THANKSGIVING => {
            let first = Date::new(year, 11, 1)?;
            // Thursday is weekday 4.
            let to_thu = (4 - first.weekday() as i64).rem_euclid(7);
            first.add_days(to_thu + 21)?
        }
        EASTER => easter(year)?,
        PENTECOST => easter(year)?.add_days(49)?,
        ASCENSION => easter(year)?.add_days(39)?,
        c if c >= 100 => Date::new(year, (c / 100) as u32, (c % 100) as u32)?,
        _ => return None,
    };
    d.add_days(i64::from(offset))
}

/// Easter Sunday of `year` (anonymous Gregorian algorithm).
fn easter(year: i32) -> Option<Date> {
    if year < 1583 {
        return None;
    }
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    Date::new(year, (n / 31) as u32, (n % 31 + 1) as u32)
}

/// The occurrence meant, as for a day without a year: last (`shift` -1),
/// next (1), or the one nearest the reference date (0), the coming one in
/// future sentences.
pub fn resolve(code: i32, offset: i32, shift: i32, r: Date, future: bool) -> Option<Date> {
    let this = day(code, offset, r.year)?;
    let (c, rd) = (this.to_days(), r.to_days());
    let year = match shift {
        -1 if c >= rd => r.year - 1,
        1 if c <= rd => r.year + 1,
        -1 | 1 => r.year,
        _ if future && c < rd - 7 => r.year + 1,
        _ if future => r.year,
        _ if c > rd + 90 => r.year - 1,
        _ if c < rd - 330 => r.year + 1,
        _ => r.year,
    };
    day(code, offset, year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computed_days() {
        let d = |s: &str| Date::parse(s);
        assert_eq!(day(EASTER, 0, 2024), d("2024-03-31"));
        assert_eq!(day(EASTER, 0, 1999), d("1999-04-04"));
        assert_eq!(day(PENTECOST, 0, 1999), d("1999-05-23"));
        assert_eq!(day(ASCENSION, 0, 2019), d("2019-05-30"));
        assert_eq!(day(THANKSGIVING, 0, 1999), d("1999-11-25"));
        assert_eq!(day(THANKSGIVING, 0, 2018), d("2018-11-22"));
        assert_eq!(day(1225, -1, 2017), d("2017-12-24"));
        assert_eq!(day(EASTER, 0, 1200), None);
        assert_eq!(day(1231 + 1, 0, 2017), None);
    }

    #[test]
    fn occurrence_meant() {
        let r = Date::parse("2017-11-04").unwrap();
        let d = |s: &str| Date::parse(s);
        assert_eq!(resolve(1225, 0, 0, r, false), d("2017-12-25"));
        assert_eq!(resolve(1225, 0, -1, r, false), d("2016-12-25"));
        assert_eq!(resolve(EASTER, 0, 0, r, false), d("2017-04-16"));
        assert_eq!(resolve(EASTER, 0, 0, r, true), d("2018-04-01"));
        assert_eq!(resolve(THANKSGIVING, 0, 1, r, false), d("2017-11-23"));
    }
}
