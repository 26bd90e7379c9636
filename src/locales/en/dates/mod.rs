//! The English date grammar: "Friday, Nov. 3, 2017", "3rd of November",
//! "last week", "three days ago", "early 2018", "mid-October", "the 1990s",
//! "the third quarter", "3 p.m.", "this morning".
//!
//! Each function tries one form at a token and returns what it matched; the
//! longest match wins. The words come from `data/lang/en/dates.txt`; the
//! extent never includes a leading article or preposition.

use crate::dates::common::{self, found, found_part, longest_of, time_then_day, when, Cx};
use crate::dates::expr::{Base, Expr, Parsed};
use crate::dates::words::{self, Words};
use crate::dates::words::{Cat, D, DE, H, M, MI, Q, W, Y};
use crate::dates::{holidays, tense, Grammar};
use crate::text::TokKind;
use std::sync::LazyLock;

/// The English date words (`data/lang/en/dates.txt`), with the function words
/// that tell a year from an amount (`data/lang/en/stopwords.txt`).
static WORDS: LazyLock<Words> = LazyLock::new(|| {
    Words::parse(
        crate::locales::data::en::DATES_TXT(),
        crate::locales::data::en::STOPWORDS_TXT,
    )
});

/// The English part of date finding: this grammar and its words.
pub static GRAMMAR: Grammar = Grammar {
    parse,
    words: Some(&WORDS),
};

/// The longest English date expression starting at token `i`.
pub fn parse(cx: &Cx, i: usize) -> Option<Parsed> {
    let at = cx.at(i);
    let d = at.digit;
    let p = longest_of!(
        when(at.any(&[Cat::Holiday, Cat::Phrase]), || {
            holidays::parse(cx, i)
        }),
        when(d, || common::parse(cx, i, true)),
        when(d, || common::numeric_day_month(cx, i, true)),
        when(at.any(&[Cat::Last, Cat::Ord]), || nth_weekday(cx, i)),
        when(at.any(&[Cat::Unit, Cat::Num, Cat::Lead]), || {
            clock_words(cx, i)
        }),
        when(at.any(&[Cat::Weekday]), || weekday(cx, i)),
        when(at.any(&[Cat::Month, Cat::MonthAbbr]), || month_day(cx, i)),
        when(d, || day_month(cx, i)),
        when(d, || the_nth(cx, i)),
        when(at.any(&[Cat::Day]), || day_word(cx, i)),
        when(at.any(&[Cat::Last, Cat::Next, Cat::This]), || {
            shifted(cx, i)
        }),
        when(at.any(&[Cat::Last, Cat::Next, Cat::Lead]), || vague(cx, i)),
        when(d || at.any(&[Cat::Num]), || ago(cx, i)),
        when(at.any(&[Cat::Lead]), || in_units(cx, i)),
        when(at.any(&[Cat::Edge]), || edge(cx, i)),
        when(d, || decade(cx, i)),
        when(at.any(&[Cat::Season]), || season(cx, i)),
        when(at.any(&[Cat::Ord]), || quarter(cx, i)),
        when(at.any(&[Cat::Ref]), || reference(cx, i)),
        when(d, || year(cx, i)),
        when(at.any(&[Cat::Num]), || {
            let (y, end) = spelled_year(cx, i)?;
            found(i, end, cal(Some(y), None, None))
        }),
        when(d || at.any(&[Cat::Noon]), || clock(cx, i)),
        when(at.any(&[Cat::Unit, Cat::Lead]), || the_period(cx, i)),
    )?;
    Some(with_part(cx, p))
}

fn cal(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> Base {
    Base::Cal { year, month, day }
}

/// "morning", "night" right after a day: "Friday morning", "yesterday afternoon".
fn with_part(cx: &Cx, mut p: Parsed) -> Parsed {
    let day_level = matches!(
        p.expr.base,
        Base::Weekday { .. }
            | Base::Day(_)
            | Base::Cal { day: Some(_), .. }
            | Base::NthWeekday { .. }
    );
    if day_level && p.expr.part.is_none() && p.expr.time.is_none() {
        if let Some(part) = cx.get(p.end, Cat::Part) {
            p.expr.part = Some(part as u32);
            p.end += 1;
        }
    }
    p
}

/// ", 2017" or " 2017" after a month and day.
fn year_after(cx: &Cx, j: usize) -> Option<(i32, usize)> {
    if let Some(y) = cx.year4(j) {
        return Some((y, j + 1));
    }
    if cx.punct(j, ",") {
        if let Some(y) = cx.year4(j + 1) {
            return Some((y, j + 2));
        }
    }
    None
}

/// A month word that is surely a month here: "May" and "March" are verbs and
/// names too, so they need a capital and a day or year, or a date preposition.
fn month_at(cx: &Cx, i: usize, with_number: bool) -> Option<(u32, usize)> {
    let (m, k) = cx.month(i)?;
    // In lower case, a full month name ("january", "march 3"), but not
    // "may" (the verb), nor "march" or "august" without a number.
    if !cx.upper(i)
        && (!cx.is(i, Cat::Month)
            || cx.is(i, Cat::Future)
            || cx.norm(i) == "may"
            || (!with_number && matches!(cx.norm(i), "march" | "august")))
    {
        return None;
    }
    if matches!(cx.norm(i), "may" | "march" | "jan" | "mar" | "sun")
        && !with_number
        && !(i > 0
            && (cx.is(i - 1, Cat::YearPrep) || cx.is(i - 1, Cat::Edge) || cx.word(i - 1, "the")))
        && !edge_hyphen_before(cx, i)
    {
        return None;
    }
    // An abbreviation without its dot is a month only next to a number.
    if cx.is(i, Cat::MonthAbbr) && k == i + 1 && !with_number {
        return None;
    }
    Some((m, k))
}

/// "mid-", "early-", "late-" just before token `i` ("mid-May", "late-March"):
/// a month there is a month, not the verb or a person.
fn edge_hyphen_before(cx: &Cx, i: usize) -> bool {
    i >= 2 && cx.doc.is_hyphen(i - 1) && cx.is(i - 2, Cat::Edge)
}

/// "Friday", "Friday, Nov. 3", "last Friday" (with `shifted`).
fn weekday(cx: &Cx, i: usize) -> Option<Parsed> {
    // Weekday names are nothing else, in lower case too ("monday").
    let wd = cx.get(i, Cat::Weekday)? as u32;
    let j = if cx.punct(i + 1, ",") { i + 2 } else { i + 1 };
    if let Some(p) = month_day(cx, j) {
        return Some(Parsed { start: i, ..p });
    }
    found(i, i + 1, Base::Weekday { wd, shift: 0 })
}

/// "Nov. 3", "November 3, 2017", "January 1998", "November", "June last year".
fn month_day(cx: &Cx, i: usize) -> Option<Parsed> {
    let (m, k) = cx.month(i)?;
    // "troops march 3 miles", "march 10,000 people": a lower-case month's
    // number is a day only when no noun follows it and it is not an amount.
    let counted = !cx.upper(i)
        && (cx.content_word(k + 1)
            || (cx.punct(k + 1, ",")
                && cx.glued(k + 1)
                && cx.glued(k + 2)
                && cx.num(k + 2).is_some()));
    if let Some(d) = cx.day(k).filter(|_| !counted) {
        if month_at(cx, i, true).is_some() && cx.year4(k).is_none() {
            if let Some((y, end)) = year_after(cx, k + 1) {
                return found(i, end, cal(Some(y), Some(m), Some(d)));
            }
            return found(i, k + 1, cal(None, Some(m), Some(d)));
        }
    }
    if let Some(y) = cx.year4(k) {
        month_at(cx, i, true)?;
        return found(i, k + 1, cal(Some(y), Some(m), None));
    }
    if let Some((y, end)) = spelled_year(cx, k) {
        month_at(cx, i, true)?;
        return found(i, end, cal(Some(y), Some(m), None));
    }
    month_at(cx, i, false)?;
    if cx.word(k, "last") && cx.word(k + 1, "year") {
        return found(
            i,
            k + 2,
            Base::MonthRel {
                month: m,
                shift: -1,
            },
        );
    }
    if cx.word(k, "next") && cx.word(k + 1, "year") {
        return found(i, k + 2, Base::MonthRel { month: m, shift: 1 });
    }
    found(i, k, cal(None, Some(m), None))
}

/// "3 November 2017", "3rd of November", "the 3rd of November".
fn day_month(cx: &Cx, i: usize) -> Option<Parsed> {
    let d = cx.day(i)?;
    let j = if cx.word(i + 1, "of") { i + 2 } else { i + 1 };
    let (m, k) = month_at(cx, j, true)?;
    if let Some((y, end)) = year_after(cx, k) {
        return found(i, end, cal(Some(y), Some(m), Some(d)));
    }
    found(i, k, cal(None, Some(m), Some(d)))
}

/// "the 3rd" alone, at the end of a clause: a day of the current month.
fn the_nth(cx: &Cx, i: usize) -> Option<Parsed> {
    if i == 0 || !cx.word(i - 1, "the") || cx.num(i).is_some() {
        return None;
    }
    let d = cx.day(i)?;
    let next = cx.norm(i + 1);
    if !(next.is_empty() || matches!(next, "," | "." | ";" | ")")) {
        return None;
    }
    Some(Parsed {
        start: i,
        end: i + 1,
        expr: Expr::new(cal(None, None, Some(d))),
        score: 60,
    })
}

/// "yesterday", "today", "tomorrow", "tonight".
fn day_word(cx: &Cx, i: usize) -> Option<Parsed> {
    let n = cx.get(i, Cat::Day)?;
    // "today's world" is generic.
    if n == 0 && cx.doc.is_apostrophe(i + 1) && cx.word(i + 2, "s") {
        return None;
    }
    let mut p = found(i, i + 1, Base::Day(n))?;
    if cx.word(i, "tonight") {
        p.expr.part = Some(4);
    }
    Some(p)
}

/// "last week", "next month", "this year", "next Monday", "last November",
/// "last fall", "this morning", "late last year" (with `edge`).
fn shifted(cx: &Cx, i: usize) -> Option<Parsed> {
    let n = if cx.is(i, Cat::Last) {
        -1
    } else if cx.is(i, Cat::Next) {
        1
    } else if cx.is(i, Cat::This) {
        0
    } else {
        return None;
    };
    // "the current fiscal year".
    let j = if cx.word(i + 1, "fiscal") && cx.get(i + 2, Cat::Unit) == Some(Y) {
        i + 2
    } else {
        i + 1
    };
    if let Some(u) = cx.get(j, Cat::Unit) {
        if (u == W || u == M || u == Y || u == Q) && !cx.norm(j).ends_with('s') {
            return found(i, j + 1, Base::Rel { unit: u, n });
        }
        return None;
    }
    if cx.word(j, "weekend") {
        return found(i, j + 1, Base::Weekend(if n == 0 { 2 } else { n }));
    }
    if n == -1 && cx.word(j, "night") {
        return found_part(i, j + 1, Base::Day(-1), 4);
    }
    if let Some(wd) = cx.get(j, Cat::Weekday) {
        let shift = if n == 0 { 2 } else { n };
        return found(
            i,
            j + 1,
            Base::Weekday {
                wd: wd as u32,
                shift,
            },
        );
    }
    if let Some((m, k)) = cx.month(j) {
        // "last Oct. 23": the day, taken in the past.
        if n == -1 {
            if let Some(p) = month_day(cx, j).filter(|p| p.end > k) {
                return Some(Parsed { start: i, ..p });
            }
        }
        if cx.upper(j) {
            return found(i, k, Base::MonthRel { month: m, shift: n });
        }
    }
    if let Some(s) = cx.get(j, Cat::Season) {
        return found(
            i,
            j + 1,
            Base::Season {
                season: s as u32,
                year: None,
                shift: n,
            },
        );
    }
    if n == 0 {
        if let Some(p) = cx.get(j, Cat::Part) {
            return found_part(i, j + 1, Base::Day(0), p as u32);
        }
    }
    None
}

/// "the past few months", "recent days", "the coming weeks", "the past",
/// "the future": vague references.
fn vague(cx: &Cx, i: usize) -> Option<Parsed> {
    let r = if cx.is(i, Cat::Last) {
        -1
    } else if cx.is(i, Cat::Next) {
        1
    } else if cx.word(i, "future") {
        if i > 0 && cx.word(i - 1, "the") && !cx.word(i + 1, "of") {
            return found(i, i + 1, Base::Ref(1));
        }
        return None;
    } else {
        return None;
    };
    let mut j = i + 1;
    if cx.word(j, "few") || cx.word(j, "several") {
        j += 1;
    }
    if let Some(u) = cx.get(j, Cat::Unit) {
        if cx.norm(j).ends_with('s') && u != Q && u != H && u != MI {
            return found(i, j + 1, Base::Ref(r));
        }
    }
    // "in the past", "the past," alone.
    let clause_end = i + 1 >= cx.doc.len() || cx.doc.tokens[i + 1].kind == TokKind::Punct;
    if r == -1 && cx.word(i, "past") && i > 0 && cx.word(i - 1, "the") && clause_end {
        return found(i, i + 1, Base::Ref(-1));
    }
    None
}

/// "three days ago", "a year ago", "several years ago".
fn ago(cx: &Cx, i: usize) -> Option<Parsed> {
    let mut j = i;
    let vague = cx.word(j, "several") || cx.word(j, "few");
    let n = if vague { 3 } else { cx.cardinal(j)? };
    j += 1;
    let u = cx.get(j, Cat::Unit)?;
    // "three days later": from the last day mentioned.
    if cx.word(j + 1, "later") && u <= Y && !vague {
        return found(i, j + 2, Base::After { unit: u, n });
    }
    if !(cx.word(j + 1, "ago") || cx.word(j + 1, "earlier")) || u > DE {
        return None;
    }
    // "a decade ago": the year ten years back.
    if u == DE && !vague {
        return found(
            i,
            j + 2,
            Base::Rel {
                unit: Y,
                n: -10 * n,
            },
        );
    }
    if vague {
        return found(i, j + 2, Base::Ref(-1));
    }
    // "a year ago" in an earnings report: the same quarter a year before.
    if u == Y && n == 1 {
        return found(i, j + 2, Base::YearEarlier);
    }
    found(i, j + 2, Base::Rel { unit: u, n: -n })
}

/// "in two weeks" (extent without "in").
fn in_units(cx: &Cx, i: usize) -> Option<Parsed> {
    if !(cx.word(i, "in") || cx.word(i, "within")) {
        return None;
    }
    // "in a year" is a duration more often than a date.
    if cx.word(i + 1, "a") || cx.word(i + 1, "an") {
        return None;
    }
    let n = cx.cardinal(i + 1)?;
    let u = cx.get(i + 2, Cat::Unit)?;
    if (u > Y && u != H && u != MI)
        || cx.word(i + 3, "of")
        || cx.is_word(i + 3) && !cx.is(i + 3, Cat::YearPrep)
    {
        return None;
    }
    if u == D && n > 14 {
        return None;
    }
    // "the weakest in six months" is a duration: only future sentences.
    if !tense::future(cx, i) {
        return None;
    }
    found(i + 1, i + 3, Base::Rel { unit: u, n })
}

/// "early 2018", "mid-October", "late last year", "the end of the month",
/// "the middle of October", "early Tuesday", "late November".
fn edge(cx: &Cx, i: usize) -> Option<Parsed> {
    cx.get(i, Cat::Edge)?;
    let mut j = i + 1;
    if cx.doc.is_hyphen(j) {
        j += 1;
    }
    if cx.word(j, "of") {
        j += 1;
        if cx.word(j, "the") {
            j += 1;
        }
    } else if cx.word(j, "on") && cx.is(j + 1, Cat::Weekday) {
        // "late on Friday".
        j += 1;
    }
    let inner = longest_of!(
        month_day(cx, j),
        weekday(cx, j),
        shifted(cx, j),
        decade(cx, j),
        year_bare(cx, j),
        day_word(cx, j),
        season(cx, j),
    )
    .or_else(|| common::current_unit(cx, j))
    .or_else(|| {
        // "mid-afternoon"
        let p = cx.get(j, Cat::Part)?;
        let mut e = Expr::new(Base::Time);
        e.part = Some(p as u32);
        Some(Parsed {
            start: j,
            end: j + 1,
            expr: e,
            score: 80,
        })
    })?;
    Some(Parsed { start: i, ..inner })
}

/// "the 1990s", "1980s", and centuries: "the 20th century" → 19.
fn decade(cx: &Cx, i: usize) -> Option<Parsed> {
    if !cx.is_word(i) {
        return None;
    }
    if cx.get(i + 1, Cat::Unit) == Some(words::CE) && cx.norm(i + 1) == "century" {
        let n = cx.day(i).filter(|_| cx.num(i).is_none())?;
        return found(i, i + 2, Base::Century(n as i32 - 1));
    }
    let s = cx.norm(i);
    let d = s.strip_suffix('s')?;
    if d.len() != 4 || !d.ends_with('0') {
        return None;
    }
    let y: i32 = d.parse().ok()?;
    if !(1000..=2190).contains(&y) {
        return None;
    }
    found(i, i + 1, Base::Decade(y / 10))
}

/// "summer 2017", "last fall" (with `shifted`), "the summer".
fn season(cx: &Cx, i: usize) -> Option<Parsed> {
    let s = cx.get(i, Cat::Season)? as u32;
    // "summer 2017", "the winter of 1994", "the winter of nineteen ninety-four".
    let j = if cx.word(i + 1, "of") { i + 2 } else { i + 1 };
    let year = cx
        .year4(j)
        .map(|y| (y, j + 1))
        .or_else(|| spelled_year(cx, j));
    if let Some((y, end)) = year {
        return found(
            i,
            end,
            Base::Season {
                season: s,
                year: Some(y),
                shift: 0,
            },
        );
    }
    // "fall" is a verb, "spring" a noun: alone only after "this"/"the"/"in".
    if i > 0 && matches!(cx.norm(i - 1), "the" | "this" | "in") && !cx.is_word(i + 1) {
        return found(
            i,
            i + 1,
            Base::Season {
                season: s,
                year: None,
                shift: 0,
            },
        );
    }
    None
}

/// "the third quarter", "third-quarter", "fourth quarter 1989".
fn quarter(cx: &Cx, i: usize) -> Option<Parsed> {
    let n = cx.get(i, Cat::Ord)?;
    let j = if cx.doc.is_hyphen(i + 1) {
        i + 2
    } else {
        i + 1
    };
    if cx.get(j, Cat::Unit) != Some(Q) || !(1..=4).contains(&n) {
        return None;
    }
    let year = cx.year4(j + 1);
    found(
        i,
        j + 1 + year.is_some() as usize,
        Base::Quarter { q: n as u32, year },
    )
}

/// "the weekend", "the quarter", "the latest quarter", "year-earlier",
/// "year-ago": periods named by reference to the dispatch date.
fn the_period(cx: &Cx, i: usize) -> Option<Parsed> {
    if cx.hyph(i, "year", "earlier") || cx.hyph(i, "year", "ago") {
        return found(i, i + 3, Base::YearEarlier);
    }
    // "that year", "the same year": the year last spoken of.
    if cx.norm(i) == "year" && i > 0 && !cx.is_word(i + 1) {
        if cx.word(i - 1, "that") {
            return found(i - 1, i + 1, Base::ThatYear);
        }
        if i > 1 && cx.word(i - 1, "same") && cx.word(i - 2, "the") {
            return found(i - 1, i + 1, Base::ThatYear);
        }
    }
    if i == 0 || !cx.word(i - 1, "the") {
        return None;
    }
    if cx.word(i, "weekend") {
        return found(i, i + 1, Base::Weekend(0));
    }
    // Earnings reports: "the quarter" is the one just reported.
    let j = if cx.word(i, "latest") { i + 1 } else { i };
    if cx.get(j, Cat::Unit) == Some(Q) && cx.norm(j) == "quarter" {
        return Some(Parsed {
            start: i,
            end: j + 1,
            expr: Expr::new(Base::Rel { unit: Q, n: -1 }),
            score: 70,
        });
    }
    None
}

/// "now", "currently", "recently".
fn reference(cx: &Cx, i: usize) -> Option<Parsed> {
    let r = cx.get(i, Cat::Ref)?;
    found(i, i + 1, Base::Ref(r))
}

fn year_bare(cx: &Cx, i: usize) -> Option<Parsed> {
    let y = cx.year4(i)?;
    found(i, i + 1, cal(Some(y), None, None))
}

/// "in 1998", "since 2011", "between 1990 and 1995", "fiscal 1989".
fn year(cx: &Cx, i: usize) -> Option<Parsed> {
    if i == 0 {
        return None;
    }
    let y = cx.year4(i)?;
    // "the 2023-24 season".
    let end = cx.year_span(i).unwrap_or(i + 1);
    let prev = i - 1;
    let strong = cx.get(prev, Cat::YearPrep) == Some(1);
    // "the 1996 Olympic bombing", "its 1990 invasion": a year as modifier.
    let determiner = (matches!(cx.norm(prev), "the" | "its" | "his" | "her" | "their" | "s")
        || (matches!(cx.norm(prev), "a" | "that" | "this" | "our") && (1800..=2100).contains(&y)))
        && cx.is_word(end);
    let weak = cx.get(prev, Cat::YearPrep) == Some(0)
        || (cx.doc.is_hyphen(prev) && prev > 0 && cx.year4(prev - 1).is_some())
        || (cx.doc.is_hyphen(i + 1) && cx.glued(i + 1) && cx.year4(i + 2).is_some());
    if !strong && !weak && !determiner {
        return None;
    }
    if weak && !determiner && cx.content_word(end) {
        return None;
    }
    Some(Parsed {
        start: i,
        end,
        expr: Expr::new(cal(Some(y), None, None)),
        score: if strong { 90 } else { 75 },
    })
}

/// A year in words, as spoken in broadcast transcripts: "nineteen
/// ninety-six", "nineteen eighty", "nineteen fifteen", "two thousand".
/// (year, next token).
fn spelled_year(cx: &Cx, i: usize) -> Option<(i32, usize)> {
    let c = cx.get(i, Cat::Num)?;
    if c == 2 && cx.word(i + 1, "thousand") {
        // "two thousand years" is an amount.
        return (!cx.is(i + 2, Cat::Unit)).then_some((2000, i + 2));
    }
    if !(11..=20).contains(&c) || cx.num(i).is_some() {
        return None;
    }
    let tens = cx.get(i + 1, Cat::Num)?;
    let year = c * 100 + tens;
    if (10..=19).contains(&tens) {
        return Some((year, i + 2));
    }
    if !(20..=90).contains(&tens) || tens % 10 != 0 {
        return None;
    }
    if cx.doc.is_hyphen(i + 2) {
        if let Some(u) = cx.get(i + 3, Cat::Num).filter(|u| (1..=9).contains(u)) {
            return Some((year + u, i + 4));
        }
    }
    Some((year, i + 2))
}

/// "3pm", "3:15pm" (a word ending in the meridiem): hours, minutes, p.m.,
/// next token.
fn glued_meridiem(cx: &Cx, i: usize) -> Option<(u32, u32, bool, usize)> {
    let split = |s: &str| -> Option<(u32, bool)> {
        let (digits, pm) = if let Some(d) = s.strip_suffix("pm") {
            (d, true)
        } else {
            (s.strip_suffix("am")?, false)
        };
        if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some((digits.parse().ok()?, pm))
    };
    if cx.is_word(i) {
        let (h, pm) = split(cx.norm(i))?;
        return (1..=12).contains(&h).then_some((h, 0, pm, i + 1));
    }
    let (h, nh) = cx.num(i)?;
    if nh > 2 || !(1..=12).contains(&h) || !cx.punct(i + 1, ":") || !cx.glued(i + 1) {
        return None;
    }
    if !cx.glued(i + 2) || !cx.is_word(i + 2) {
        return None;
    }
    let s = cx.norm(i + 2);
    let (m, pm) = split(s)?;
    (s.len() == 4 && m < 60).then_some((h, m, pm, i + 3))
}

/// "quarter past three", "half past two", "ten to five", "three o'clock",
/// with "p.m." or "in the afternoon" after it. The hour is as written
/// (12-hour clock) unless the words say which half of the day.
fn clock_words(cx: &Cx, i: usize) -> Option<Parsed> {
    let hour_at = |t: usize| {
        cx.get(t, Cat::Num)
            .or_else(|| cx.num(t).map(|(v, _)| v as i32))
            .filter(|h| (1..=12).contains(h))
    };
    let (mut h, mut m, mut end) = if cx.norm(i) == "quarter" || cx.norm(i) == "half" {
        let m = if cx.norm(i) == "half" { 30 } else { 15 };
        let past = cx.word(i + 1, "past");
        if !(past || (m == 15 && cx.word(i + 1, "to"))) {
            return None;
        }
        let h = hour_at(i + 2)?;
        if past {
            (h, m, i + 3)
        } else {
            (if h == 1 { 12 } else { h - 1 }, 45, i + 3)
        }
    } else {
        let h = cx.get(i, Cat::Num).filter(|h| (1..=12).contains(h))?;
        if !(cx.word(i + 1, "o") && cx.doc.is_apostrophe(i + 2) && cx.word(i + 3, "clock")) {
            return None;
        }
        (h, 0, i + 4)
    };
    if cx.word(end, "pm") || (cx.word(end, "p") && cx.punct(end + 1, ".")) {
        if h < 12 {
            h += 12;
        }
        end += if cx.word(end, "pm") { 1 } else { 4 };
    } else if cx.word(end, "in") && cx.word(end + 1, "the") {
        match cx.get(end + 2, Cat::Part) {
            Some(2) | Some(3) if h < 12 => {
                h += 12;
                end += 3;
            }
            Some(1) => end += 3,
            _ => {}
        }
    }
    if h > 23 {
        h = 0;
        m = 0;
    }
    Some(time_then_day(cx, i, end, (h as u32, m)))
}

/// "last Monday of March", "the first Sunday of May 2024".
fn nth_weekday(cx: &Cx, i: usize) -> Option<Parsed> {
    let n = if cx.word(i, "last") {
        -1
    } else {
        cx.get(i, Cat::Ord)?
    };
    let wd = cx.get(i + 1, Cat::Weekday)? as u32;
    if !cx.word(i + 2, "of") {
        return None;
    }
    let (month, k) = cx.month(i + 3)?;
    month_at(cx, i + 3, true)?;
    let year = cx.year4(k);
    found(
        i,
        k + year.is_some() as usize,
        Base::NthWeekday { n, wd, month, year },
    )
}

/// "3 p.m.", "10:30 a.m.", "noon", "15:00", with "10 p.m. Wednesday".
fn clock(cx: &Cx, i: usize) -> Option<Parsed> {
    let mut colon = false;
    let (mut h, mut m, mut end) = if let Some(h) = cx.get(i, Cat::Noon) {
        // "High Noon"
        if cx.upper(i) && !cx.doc.tokens[i].sentence_start {
            return None;
        }
        (h as u32, 0, i + 1)
    } else if let Some(((h, m), e)) = common::clock_colon(cx, i) {
        colon = true;
        (h, m, e)
    } else if let Some((h, m, pm, e)) = glued_meridiem(cx, i) {
        // "3pm", "3:15pm": the meridiem glued to the digits.
        let h = match (pm, h) {
            (true, h) if h < 12 => h + 12,
            (false, 12) => 0,
            (_, h) => h,
        };
        return Some(time_then_day(cx, i, e, (h, m)));
    } else {
        let (h, n) = cx.num(i)?;
        if n > 2 || h > 12 {
            return None;
        }
        (h, 0, i + 1)
    };
    // a.m. / p.m. / am / pm
    let meridiem = if (cx.word(end, "a") || cx.word(end, "p")) && cx.punct(end + 1, ".") {
        let pm = cx.word(end, "p");
        if cx.word(end + 2, "m") && cx.glued(end + 2) {
            end += 3;
            if cx.punct(end, ".") && cx.glued(end) {
                end += 1;
            }
            Some(pm)
        } else {
            None
        }
    } else if cx.word(end, "am") || cx.word(end, "pm") {
        let pm = cx.word(end, "pm");
        end += 1;
        Some(pm)
    } else {
        None
    };
    match meridiem {
        Some(true) if h < 12 => h += 12,
        Some(false) if h == 12 => h = 0,
        None if cx.get(i, Cat::Noon).is_none() && !colon => return None,
        _ => {}
    }
    if h > 24 || m > 59 {
        m = 0;
    }
    // A time zone: "EDT", "GMT".
    if cx.doc.tokens.get(end).is_some_and(|t| t.all_caps) && cx.norm(end).len() == 3 {
        end += 1;
    }
    Some(time_then_day(cx, i, end, (h, m)))
}

#[cfg(test)]
mod tests;
