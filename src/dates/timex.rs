//! Which TIMEX3 value strings are valid: the one place that says so.
//!
//! Why: a date value is a promise to whoever reads the output (a coder, a
//! database, the page's value dialog) that it names a real point or period.
//! The resolver does arithmetic on reference dates and on numbers read from
//! the text, and the grammars accept day numbers up to 31 in any month, so a
//! value can come out that no calendar has: "31 février" as `XXXX-02-31`,
//! "next year" after 9999 as `10000`, a year before 0000 as `-001`. Every
//! value is checked here before it leaves the crate; one that fails is
//! dropped (the span stays, without a value), as ANNOTATION.md allows.
//!
//! What is valid (TimeML's TIMEX3 `value` for dates and times, years
//! 0000–9999, proleptic Gregorian calendar):
//! - `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`;
//! - a millennium, century or decade (`2`, `19`, `199`), a year (`1999`);
//! - `YYYY-MM`, `YYYY-MM-DD`: a day that exists (`2019-02-29` does not;
//!   `XXXX-02-29` does, since some year has it; `XXXX-02-30` does not);
//! - `YYYY-Www` (a week the ISO year has), `YYYY-Www-D`, `YYYY-Www-WE`;
//! - `YYYY-SP|SU|FA|WI`, `YYYY-Q1`…`Q4`, `YYYY-H1`, `YYYY-H2`;
//! - a time after a day: `THH`, `THH:MM`, `THH:MM:SS` (00:00–23:59:59, or
//!   24:00 exactly) or a part of day `TMO|TAF|TEV|TNI|TDT`.
//!
//! Any digit may be `X` (unknown); a field entirely `X` is not checked
//! against the calendar, a partly known one is checked for every value it
//! could take (`XXXX-02-29` is valid because a leap year exists).

use crate::calendar::{days_in_month, is_leap};

/// True when `v` is a valid TIMEX3 date or time value (see the module
/// comment for the forms).
pub fn is_valid(v: &str) -> bool {
    if let Some(day) = full_day(v) {
        return day;
    }
    if matches!(v, "PAST_REF" | "PRESENT_REF" | "FUTURE_REF") {
        return true;
    }
    let (date, time) = match v.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (v, None),
    };
    let Some(day_level) = date_part(date) else {
        return false;
    };
    match time {
        None => true,
        Some(t) => day_level && time_part(t),
    }
}

/// The most common value, a day in figures ("2017-11-03"), read without
/// splitting: whether it is a real day (`None` for any other shape, left
/// to the general reading, which gives the same answer for this one).
fn full_day(v: &str) -> Option<bool> {
    let b = v.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let mut n = [0u32; 3];
    for (slot, range) in n.iter_mut().zip([0..4, 5..7, 8..10]) {
        for &c in b.get(range)? {
            if !c.is_ascii_digit() {
                return None;
            }
            *slot = *slot * 10 + u32::from(c - b'0');
        }
    }
    let [y, m, d] = n;
    Some(
        (1..=12).contains(&m)
            && i32::try_from(y).is_ok_and(|y| (1..=days_in_month(y, m)).contains(&d)),
    )
}

/// A field of digits and `X`: its value when fully known (`Some(Some(n))`),
/// `Some(None)` when it has an `X`, `None` when it is not such a field.
fn field(s: &str, len: usize) -> Option<Option<u32>> {
    if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit() || b == b'X') {
        return None;
    }
    Some(s.parse().ok())
}

/// Checks the date part; `Some(true)` when it names a day (a time may follow).
fn date_part(d: &str) -> Option<bool> {
    let mut parts = d.split('-');
    let year_s = parts.next()?;
    // At most two fields after the year: a third one makes no value.
    let mut fields = [""; 2];
    let mut n = 0;
    for p in parts {
        if n == fields.len() {
            return None;
        }
        fields[n] = p;
        n += 1;
    }
    let rest = &fields[..n];
    if rest.is_empty() {
        // A millennium, century, decade or year.
        return (1..=4)
            .contains(&year_s.len())
            .then(|| field(year_s, year_s.len()))
            .flatten()
            .map(|_| false);
    }
    let year = field(year_s, 4)?;
    match rest {
        [m] if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit() || b == b'X') => {
            month(m).map(|_| false)
        }
        [m, day] if m.len() == 2 => {
            let mo = month(m)?;
            let da = field(day, 2)?;
            match da {
                Some(n) if n == 0 || n > max_day(year_s, year, mo) => None,
                Some(_) => Some(true),
                // "XXXX-02-X9": some day of the month fits unless the tens
                // digit, when known, is already too high.
                None => match day.as_bytes().first() {
                    Some(&t)
                        if t.is_ascii_digit()
                            && u32::from(t - b'0') * 10 > max_day(year_s, year, mo) =>
                    {
                        None
                    }
                    _ => Some(true),
                },
            }
        }
        [s] if matches!(*s, "SP" | "SU" | "FA" | "WI") => Some(false),
        [w] if w.starts_with('W') => week(year, &w[1..]).map(|_| false),
        [w, wd] if w.starts_with('W') => {
            week(year, &w[1..])?;
            if *wd == "WE" {
                return Some(false);
            }
            match field(wd, 1)? {
                Some(n) if !(1..=7).contains(&n) => None,
                _ => Some(true),
            }
        }
        [q] if q.len() == 2 && (q.starts_with('Q') || q.starts_with('H')) => {
            let top = if q.starts_with('Q') { 4 } else { 2 };
            match field(&q[1..], 1)? {
                Some(n) if n == 0 || n > top => None,
                _ => Some(false),
            }
        }
        _ => None,
    }
}

/// A month field: `Some(Some(1..=12))`, `Some(None)` when unknown.
fn month(m: &str) -> Option<Option<u32>> {
    match field(m, 2)? {
        Some(n) if (1..=12).contains(&n) => Some(Some(n)),
        Some(_) => None,
        None => Some(None),
    }
}

/// The longest day the month can have in the year as far as they are known.
fn max_day(year_s: &str, year: Option<u32>, month: Option<u32>) -> u32 {
    match (year, month) {
        (_, None) => 31,
        (Some(y), Some(m)) => i32::try_from(y).map_or(0, |y| days_in_month(y, m)),
        // An unknown year: February has 29 days when one of the years the
        // pattern allows is a leap year.
        (None, Some(2)) if some_leap_year(year_s) => 29,
        (None, Some(m)) => days_in_month(1, m),
    }
}

/// True when some year matching the pattern (digits and `X`) is a leap year.
fn some_leap_year(pattern: &str) -> bool {
    let xs = pattern.bytes().filter(|&b| b == b'X').count();
    // At most 10^4 candidates; a fully unknown year ("XXXX") has 2000.
    if xs == 4 {
        return true;
    }
    (0..10u32.pow(xs as u32)).any(|mut n| {
        let mut year = 0i32;
        for b in pattern.bytes() {
            let digit = if b == b'X' {
                let d = n % 10;
                n /= 10;
                d
            } else {
                u32::from(b - b'0')
            };
            year = year * 10 + digit as i32;
        }
        is_leap(year)
    })
}

/// A week number `01`–`53` (`XX` unknown), one the ISO year has when known.
fn week(year: Option<u32>, w: &str) -> Option<()> {
    match field(w, 2)? {
        None => Some(()),
        Some(n) => {
            let max = year
                .and_then(|y| i32::try_from(y).ok())
                .map_or(53, iso_weeks);
            (1..=max).contains(&n).then_some(())
        }
    }
}

/// How many ISO weeks a year has (52 or 53): 53 when it starts on a Thursday,
/// or on a Wednesday in a leap year.
fn iso_weeks(year: i32) -> u32 {
    let jan1 = crate::calendar::Date {
        year,
        month: 1,
        day: 1,
    };
    match jan1.weekday() {
        4 => 53,
        3 if is_leap(year) => 53,
        _ => 52,
    }
}

/// The part after `T`: a part of day or a clock time.
fn time_part(t: &str) -> bool {
    if matches!(t, "MO" | "AF" | "EV" | "NI" | "DT") {
        return true;
    }
    let fields: Vec<&str> = t.split(':').collect();
    if fields.is_empty() || fields.len() > 3 {
        return false;
    }
    let mut known = Vec::with_capacity(3);
    for (i, f) in fields.iter().enumerate() {
        let top = if i == 0 { 24 } else { 59 };
        match field(f, 2) {
            Some(Some(n)) if n <= top => known.push(n),
            Some(Some(_)) | None => return false,
            Some(None) => known.push(0),
        }
    }
    // 24 only as 24:00(:00), the end of a day.
    known[0] < 24 || known[1..].iter().all(|&n| n == 0)
}

#[cfg(test)]
mod tests {
    use super::is_valid;

    #[test]
    fn real_days_only() {
        for v in [
            "2017-11-03",
            "2020-02-29",
            "2000-02-29",
            "XXXX-02-29",
            "XXXX-11-03",
            "XXXX-XX-31",
            "0000-01-01",
            "9999-12-31",
            "0000-02-29",
        ] {
            assert!(is_valid(v), "{v}");
        }
        for v in [
            "XXXX-02-31",
            "XXXX-02-30",
            "XXXX-04-31",
            "2019-02-29",
            "1900-02-29",
            "2019-02-31",
            "2019-13-01",
            "2019-00-10",
            "2019-01-00",
            "2019-01-32",
            "XXXX-XX-32",
            "10000",
            "10000-01-01",
            "-001",
            "-0001-01-01",
            "+2019",
            "2019-1-01",
            "",
            "T10:00",
        ] {
            assert!(!is_valid(v), "{v}");
        }
    }

    #[test]
    fn periods_weeks_and_references() {
        for v in [
            "2014",
            "199",
            "19",
            "2",
            "2017-11",
            "XXXX-11",
            "2017-W44",
            "2020-W53",
            "2017-W44-WE",
            "XXXX-WXX-WE",
            "XXXX-WXX-5",
            "2017-W44-7",
            "2017-Q4",
            "XXXX-Q1",
            "2017-H2",
            "2017-SU",
            "XXXX-WI",
            "PAST_REF",
            "PRESENT_REF",
            "FUTURE_REF",
        ] {
            assert!(is_valid(v), "{v}");
        }
        for v in [
            "2017-W54",
            "2019-W53",
            "2017-W00",
            "2017-W44-8",
            "2017-Q5",
            "2017-Q0",
            "2017-H3",
            "2017-XX-SU",
            "2017-AU",
            "NOW",
            "PAST",
            "2017-11T10:00",
        ] {
            assert!(!is_valid(v), "{v}");
        }
    }

    #[test]
    fn times_and_parts_of_day() {
        for v in [
            "2017-11-03T15:00",
            "2017-11-03T00:00",
            "2017-11-03T23:59",
            "2017-11-03T24:00",
            "2017-11-03T10",
            "2017-11-03T10:30:15",
            "2017-11-03TEV",
            "XXXX-WXX-5TNI",
            "XXXX-02-29TMO",
        ] {
            assert!(is_valid(v), "{v}");
        }
        for v in [
            "2017-11-03T24:30",
            "2017-11-03T25:00",
            "2017-11-03T10:60",
            "2017-11-03T1:00",
            "2017-11-03TXY",
            "2017-11-03T",
            "2017-11-03T10:00:00:00",
            "2019-02-29TEV",
        ] {
            assert!(!is_valid(v), "{v}");
        }
    }

    /// The day in figures read on its own path answers as the general
    /// reading does, every month of a leap and a common year.
    #[test]
    fn full_day_agrees_with_the_general_reading() {
        use super::{date_part, full_day};
        let general = |v: &str| date_part(v).is_some();
        for y in ["2016", "2017", "1900", "2000", "0000", "9999"] {
            for m in 0..=13 {
                for d in 0..=32 {
                    let v = format!("{y}-{m:02}-{d:02}");
                    assert_eq!(full_day(&v), Some(general(&v)), "{v}");
                }
            }
        }
        assert_eq!(full_day("2017-1-031"), None);
        assert_eq!(full_day("2017-XX-03"), None);
    }
}
