//! What a date expression says, before it is resolved: the grammar's output
//! and the resolver's input, shared by every language.
//!
//! Keeping the parsed form separate from the TIMEX3 value lets the grammars be
//! tested without reference dates and the resolver without text.

/// The core of a date expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base {
    /// Explicit calendar parts; what is missing comes from the reference date.
    Cal {
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
    },
    /// A weekday: `shift` 0 = chosen by tense, -1 = last, 1 = next, 2 = this week's.
    Weekday { wd: u32, shift: i32 },
    /// A day relative to the reference date (hier = -1).
    Day(i32),
    /// `n` units from the reference date, at the unit's granularity
    /// (units are the codes of [`super::words`]).
    Rel { unit: i32, n: i32 },
    /// A month relative to the reference ("juin prochain" = 1, "last November" = -1, 0 = nearest).
    MonthRel { month: u32, shift: i32 },
    /// A decade, by its first three digits (199 for the 1990s).
    Decade(i32),
    /// A century, by its first two digits (18 for the 19th century).
    Century(i32),
    /// A season (1 spring … 4 winter) of a year or of a year relative to the reference.
    Season {
        season: u32,
        year: Option<i32>,
        shift: i32,
    },
    /// A quarter (1–4) or half (5–6) of a year.
    Quarter { q: u32, year: Option<i32> },
    /// PAST_REF (-1), PRESENT_REF (0), FUTURE_REF (1).
    Ref(i32),
    /// Days after the last day mentioned (le lendemain = 1, la veille = -1).
    Anchor(i32),
    /// `n` units after (negative: before) the last day mentioned, or the
    /// reference date: "trois jours plus tard", "two weeks later".
    After { unit: i32, n: i32 },
    /// A weekend: 0 = by tense (the last one, or the coming one in future
    /// context), -1 last, 1 next, 2 this one.
    Weekend(i32),
    /// "a year ago", "year-earlier": the year before the reference, or the
    /// same quarter a year before when the dispatch talks of a quarter.
    YearEarlier,
    /// A holiday ([`super::holidays`]): its code, days from it (-1 for an
    /// eve), and -1 last / 1 next / 0 nearest or coming by tense.
    Holiday { code: i32, offset: i32, shift: i32 },
    /// A clock time or part of day alone: on the day in context.
    Time,
    /// The `n`th weekday `wd` of a month, -1 for the last: "last Monday of
    /// March", "premier lundi de mars".
    NthWeekday {
        n: i32,
        wd: u32,
        month: u32,
        year: Option<i32>,
    },
    /// "that year", "the same year": the year of the last date mentioned.
    ThatYear,
    /// A weekday with its day of the month and no month ("samedi 16"): the
    /// month near the reference date where that day is that weekday.
    WeekdayDay { wd: u32, day: u32 },
}

/// A parsed date expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expr {
    pub base: Base,
    /// Part of day: 1 TMO, 2 TAF, 3 TEV, 4 TNI.
    pub part: Option<u32>,
    /// Clock time (hours, minutes).
    pub time: Option<(u32, u32)>,
}

impl Expr {
    /// An expression with no part of day and no time.
    pub fn new(base: Base) -> Expr {
        Expr {
            base,
            part: None,
            time: None,
        }
    }
}

/// A match of a grammar: tokens `start..end` and what they say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    /// 90 for full grammar matches, lower for weak ones.
    pub score: u8,
}
