//! A proleptic Gregorian calendar date: what reference dates are, and what
//! date values are computed with.
//!
//! Why not a date crate: depeche needs parsing "YYYY-MM-DD", adding days and
//! months, weekdays and ISO weeks, nothing more; this is a page of arithmetic
//! (Howard Hinnant's days-from-civil) and keeps the WebAssembly small.

use std::fmt;

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// A valid date, or `None` (month 1–12, day within the month, year 1–9999).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        if day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` exactly.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y: i32 = s[0..4].parse().ok()?;
        let m: u32 = s[5..7].parse().ok()?;
        let d: u32 = s[8..10].parse().ok()?;
        if !s[0..4].bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        Date::new(y, m, d)
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

    /// The date `days` after 1970-01-01 (clamped to years 1–9999).
    pub fn from_days(days: i64) -> Date {
        let days = days.clamp(-719162, 2932896);
        let z = days + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = if m <= 2 { y + 1 } else { y } as i32;
        Date {
            year: y,
            month: m,
            day: d,
        }
    }

    /// This date plus `n` days (negative to go back).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// This date plus `n` months, the day clamped to the month's length.
    pub fn add_months(self, n: i32) -> Date {
        let total = self.year * 12 + (self.month as i32 - 1) + n;
        let year = total.div_euclid(12).clamp(1, 9999);
        let month = (total.rem_euclid(12) + 1) as u32;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// ISO weekday, Monday = 1 … Sunday = 7.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        ((self.to_days() + 3).rem_euclid(7) + 1) as u32
    }

    /// ISO 8601 week-numbering year and week.
    pub fn iso_week(self) -> (i32, u32) {
        let wd = self.weekday() as i64;
        let thursday = self.add_days(4 - wd);
        let jan1 = Date {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = ((thursday.to_days() - jan1.to_days()) / 7 + 1) as u32;
        (thursday.year, week)
    }
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
        assert_eq!(Date::from_days(d.to_days()), d);
        assert_eq!(d.add_days(-1).to_string(), "2017-11-03");
        assert_eq!(d.add_days(60).to_string(), "2018-01-03");
        assert_eq!(d.iso_week(), (2017, 44));
        assert_eq!(
            Date::parse("2016-01-31").unwrap().add_months(1).to_string(),
            "2016-02-29"
        );
        assert_eq!(Date::parse("2021-01-01").unwrap().iso_week(), (2020, 53));
        assert!(Date::parse("2017-02-29").is_none());
        assert!(Date::parse("2017-1-04").is_none());
        assert!(Date::parse("+017-01-04").is_none());
    }

    #[test]
    fn extreme_offsets_do_not_panic() {
        let d = Date::parse("2017-11-04").unwrap();
        let _ = d.add_days(i64::MAX / 4);
        let _ = d.add_days(i64::MIN / 4);
        let _ = d.add_months(i32::MAX / 24);
        let _ = d.add_months(i32::MIN / 24);
    }
}
