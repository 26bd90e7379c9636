//! A proleptic Gregorian calendar date: what reference dates are, and what
//! date values are computed with.
//!
//! Why not a date crate: depeche needs parsing "YYYY-MM-DD", adding days and
//! months, weekdays and ISO weeks, nothing more; this is a page of arithmetic
//! (Howard Hinnant's days-from-civil) and keeps the WebAssembly small.
//!
//! Every date is a real day of years 0000–9999 (what a TIMEX3 value can
//! write): construction, parsing and arithmetic return `None` rather than a
//! day outside that range or one no calendar has.

use std::fmt;

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// A valid date, or `None` (month 1–12, day within the month, year 0–9999).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        if day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` exactly: ten bytes, ASCII digits and two hyphens
    /// (no sign, no space), a day that exists.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 {
            return None;
        }
        let mut n = [0u32; 3];
        let mut field = 0;
        for (i, &c) in b.iter().enumerate() {
            match (i, c) {
                (4 | 7, b'-') => field += 1,
                (4 | 7, _) => return None,
                (_, b'0'..=b'9') => n[field] = n[field] * 10 + u32::from(c - b'0'),
                _ => return None,
            }
        }
        Date::new(i32::try_from(n[0]).ok()?, n[1], n[2])
    }

    /// Days since 1970-01-01.
    pub fn to_days(self) -> i64 {
        let y = if self.month <= 2 {
            self.year - 1
        } else {
            self.year
        } as i64;
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The date `days` after 1970-01-01, `None` outside years 0000–9999.
    pub fn from_days(days: i64) -> Option<Date> {
        let (year, month, day) = civil(days)?;
        Date::new(i32::try_from(year).ok()?, month, day)
    }

    /// This date plus `n` days (negative to go back); `None` outside years 0000–9999.
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.to_days().checked_add(n)?)
    }

    /// This date plus `n` months, the day clamped to the month's length;
    /// `None` outside years 0000–9999.
    pub fn add_months(self, n: i64) -> Option<Date> {
        let total = (i64::from(self.year) * 12 + i64::from(self.month) - 1).checked_add(n)?;
        let year = i32::try_from(total.div_euclid(12)).ok()?;
        let month = total.rem_euclid(12) as u32 + 1;
        Date::new(year, month, self.day.min(days_in_month(year, month)))
    }

    /// ISO weekday, Monday = 1 … Sunday = 7.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        ((self.to_days() + 3).rem_euclid(7) + 1) as u32
    }

    /// ISO 8601 week-numbering year and week (the year may be -1 or 10000
    /// for the first and last days of the range).
    pub fn iso_week(self) -> (i32, u32) {
        let wd = i64::from(self.weekday());
        let thursday = self.to_days() + 4 - wd;
        let year = civil(thursday).map_or(self.year, |(y, _, _)| y as i32);
        let jan1 = Date {
            year,
            month: 1,
            day: 1,
        };
        let week = ((thursday - jan1.to_days()) / 7 + 1) as u32;
        (year, week)
    }
}

/// The first and last years a date may have.
pub const MIN_YEAR: i32 = 0;
pub const MAX_YEAR: i32 = 9999;

/// (year, month, day) of the day `days` after 1970-01-01, for any day within
/// a few years of the range (`None` far outside it, so nothing overflows).
fn civil(days: i64) -> Option<(i64, u32, u32)> {
    if !(-800_000..=3_000_000).contains(&days) {
        return None;
    }
    let z = days + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = if m <= 2 { y + 1 } else { y };
    Some((y, m, d))
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// True for a Gregorian leap year.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month (0 for an invalid month).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        let d = Date::parse("2017-11-04").unwrap();
        assert_eq!(d.weekday(), 6, "a Saturday");
        assert_eq!(Date::from_days(d.to_days()), Some(d));
        let s = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        assert_eq!(s(d.add_days(-1)), "2017-11-03");
        assert_eq!(s(d.add_days(60)), "2018-01-03");
        assert_eq!(d.iso_week(), (2017, 44));
        assert_eq!(
            s(Date::parse("2016-01-31").unwrap().add_months(1)),
            "2016-02-29"
        );
        assert_eq!(Date::parse("2021-01-01").unwrap().iso_week(), (2020, 53));
    }

    #[test]
    fn parsing_is_strict() {
        assert!(Date::parse("2017-02-29").is_none());
        assert!(Date::parse("2017-1-04").is_none());
        assert!(Date::parse("+017-01-04").is_none());
        assert!(Date::parse("2019-+3-+5").is_none());
        assert!(Date::parse("2019-03- 5").is_none());
        assert!(Date::parse(" 2019-03-05").is_none());
        assert!(Date::parse("2019/03/05").is_none());
        assert!(Date::parse("2019-03-05\n").is_none());
        assert!(Date::parse("２０19-03-05").is_none());
        assert_eq!(Date::parse("0000-02-29"), Date::new(0, 2, 29));
        assert_eq!(Date::parse("9999-12-31"), Date::new(9999, 12, 31));
        assert!(Date::new(10000, 1, 1).is_none());
        assert!(Date::new(-1, 12, 31).is_none());
    }

    #[test]
    fn arithmetic_stays_within_years_0_to_9999() {
        let last = Date::new(9999, 12, 31).unwrap();
        let first = Date::new(0, 1, 1).unwrap();
        assert_eq!(last.add_days(1), None);
        assert_eq!(first.add_days(-1), None);
        assert_eq!(last.add_months(1), None);
        assert_eq!(first.add_months(-1), None);
        assert_eq!(first.add_days(1), Date::new(0, 1, 2));
        assert_eq!(Date::from_days(first.to_days()), Some(first));
        assert_eq!(Date::from_days(last.to_days()), Some(last));
        let d = Date::parse("2017-11-04").unwrap();
        assert_eq!(d.add_days(i64::MAX), None);
        assert_eq!(d.add_days(i64::MIN), None);
        assert_eq!(d.add_months(i64::MAX / 24), None);
        assert_eq!(d.add_months(i64::MIN / 24), None);
        // ISO weeks at the ends of the range do not panic.
        let _ = first.iso_week();
        let _ = last.iso_week();
    }
}
