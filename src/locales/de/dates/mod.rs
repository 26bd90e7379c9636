//! The German date grammar: "Dienstag, 3. November 2017", "am 3. November",
//! "im März", "Anfang Dezember", "vergangene Woche", "kommenden Montag",
//! "gestern Abend", "Dienstagabend", "vor zwei Jahren" (kept whole, as the
//! issue's guidelines say), "in zwei Wochen", "gegen 15 Uhr", "15.30 Uhr",
//! "in der Nacht zum Dienstag", "im dritten Quartal", "03.11.2017".
//!
//! Each function tries one form at a token and returns what it matched; the
//! longest match wins. German declines its adjectives ("vergangene Woche",
//! "vergangenen Dienstag", "im vergangenen Jahr"): every form is a word of
//! `data/lang/de/dates.txt`, so the grammar reads categories, never endings.
//! The extent leaves out a leading preposition or article ("am", "im", "um").

use crate::dates::common::{self, found, found_part, longest_of, time_then_day, when, Cx};
use crate::dates::expr::{Base, Expr, Parsed};
use crate::dates::words::{self, Words};
use crate::dates::words::{Cat, D, M, Q, W, Y};
use crate::dates::{holidays, tense, Grammar};
use std::sync::LazyLock;

/// The German date words (`data/lang/de/dates.txt`), with the function words
/// that tell a year from an amount (`data/lang/de/stopwords.txt`).
static WORDS: LazyLock<Words> = LazyLock::new(|| {
    Words::parse(
        crate::locales::data::de::DATES_TXT(),
        crate::locales::data::de::STOPWORDS_TXT,
    )
});

/// The German part of date finding: this grammar and its words.
pub static GRAMMAR: Grammar = Grammar {
    parse,
    words: Some(&WORDS),
};

/// The longest German date expression starting at token `i`.
pub fn parse(cx: &Cx, i: usize) -> Option<Parsed> {
    let at = cx.at(i);
    let d = at.digit;
    let p = longest_of!(
        when(at.any(&[Cat::Holiday]), || holiday(cx, i)),
        when(d, || common::parse(cx, i, false)),
        when(d, || dotted(cx, i)),
        when(d || at.any(&[Cat::Weekday]), || day_month(cx, i)),
        when(at.any(&[Cat::Weekday]), || weekday(cx, i)),
        when(cx.word(i, "am"), || weekday_part(cx, i + 1)),
        when(at.any(&[Cat::Month, Cat::MonthAbbr]), || month(cx, i)),
        when(at.any(&[Cat::Day]), || day_word(cx, i)),
        when(at.any(&[Cat::This]), || this(cx, i)),
        when(at.any(&[Cat::Last, Cat::Next]), || last_next(cx, i)),
        when(at.any(&[Cat::Unit]), || unit_year(cx, i)),
        when(at.any(&[Cat::Lead]), || ago(cx, i)),
        when(at.any(&[Cat::Lead]), || within(cx, i)),
        when(at.any(&[Cat::Edge]), || edge(cx, i)),
        when(at.any(&[Cat::Season]), || season(cx, i)),
        when(at.any(&[Cat::Ord]), || quarter(cx, i)),
        when(at.any(&[Cat::Ref]), || reference(cx, i)),
        when(at.any(&[Cat::Anchor]), || anchor(cx, i)),
        when(d, || year(cx, i)),
        when(d || at.any(&[Cat::Noon]), || clock(cx, i)),
        when(cx.word(i, "gegen"), || about_clock(cx, i)),
        when(at.any(&[Cat::Part]), || night_to(cx, i)),
        when(d || at.any(&[Cat::Num]), || later(cx, i)),
    )?;
    Some(with_part(cx, p))
}

/// A holiday of the shared table, capitalised ("Weihnachten", "Ostern").
fn holiday(cx: &Cx, i: usize) -> Option<Parsed> {
    if !cx.upper(i) {
        return None;
    }
    holidays::parse(cx, i)
}

/// A part of day after a day: "gestern Abend", "Dienstag Nacht", "heute Morgen".
fn part_tail(cx: &Cx, j: usize) -> Option<(u32, usize)> {
    if let Some(p) = cx.get(j, Cat::Part) {
        return Some((p as u32, j + 1));
    }
    // "Morgen" after a day is the morning ("heute Morgen"), not tomorrow.
    if cx.word(j, "morgen") && cx.upper(j) {
        return Some((1, j + 1));
    }
    None
}

fn with_part(cx: &Cx, mut p: Parsed) -> Parsed {
    let day_level = matches!(
        p.expr.base,
        Base::Weekday { .. } | Base::Day(_) | Base::Cal { day: Some(_), .. }
    );
    if day_level && p.expr.part.is_none() && p.expr.time.is_none() {
        if let Some((part, end)) = part_tail(cx, p.end) {
            p.expr.part = Some(part);
            p.end = end;
        }
    }
    p
}

/// A day of the month with its ordinal dot: "3." in "3. November".
fn day_dot(cx: &Cx, j: usize) -> Option<(u32, usize)> {
    let d = cx.day(j)?;
    if cx.punct(j + 1, ".") && cx.glued(j + 1) {
        Some((d, j + 2))
    } else {
        Some((d, j + 1))
    }
}

/// "3. November 2017", "Dienstag, 3. November", "3. Nov.", and the first
/// day of "3. bis 5. November", "3. und 4. November".
fn day_month(cx: &Cx, i: usize) -> Option<Parsed> {
    let mut j = i;
    if cx.is(j, Cat::Weekday) {
        j += 1;
        if cx.punct(j, ",") {
            j += 1;
        }
        if cx.word(j, "den") {
            j += 1;
        }
    }
    let (d, k) = day_dot(cx, j)?;
    let Some((m, k2)) = cx.month(k) else {
        // "3. bis 5. November": the first day takes the month of the second.
        if cx.word(k, "bis") || cx.word(k, "und") || cx.doc.is_hyphen(k) {
            let (d2, k3) = day_dot(cx, k + 1)?;
            let (m, k4) = cx.month(k3)?;
            if d2 <= d {
                return None;
            }
            return found(
                i,
                k,
                Base::Cal {
                    year: cx.year4(k4),
                    month: Some(m),
                    day: Some(d),
                },
            );
        }
        return None;
    };
    // "3 November" without the dot is rare in German; a number before a
    // month word with no dot is still a day ("am 3 November").
    let mut end = k2;
    let year = cx.year4(k2);
    if year.is_some() {
        end += 1;
    }
    found(
        i,
        end,
        Base::Cal {
            year,
            month: Some(m),
            day: Some(d),
        },
    )
}

/// "03.11.2017", "3.11.", "3.11.17": German numeric dates.
fn dotted(cx: &Cx, i: usize) -> Option<Parsed> {
    let (d, nd) = cx.num(i)?;
    if nd > 2 || !(cx.punct(i + 1, ".") && cx.glued(i + 1) && cx.glued(i + 2)) {
        return None;
    }
    let (m, nm) = cx.num(i + 2)?;
    if nm > 2 || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    if !(cx.punct(i + 3, ".") && cx.glued(i + 3)) {
        return None;
    }
    let year = if cx.glued(i + 4) {
        match cx.num(i + 4) {
            Some((y, 4)) => Some(y as i32),
            Some((y, 2)) => Some(if y < 50 { 2000 + y } else { 1900 + y } as i32),
            _ => None,
        }
    } else {
        None
    };
    let end = if year.is_some() { i + 5 } else { i + 4 };
    // "3.11." without a year: the closing dot belongs to the date only
    // when a word follows (not the end of a sentence after "Seite 3.11.").
    if year.is_none() && !cx.is_word(i + 4) {
        return None;
    }
    found(
        i,
        end,
        Base::Cal {
            year,
            month: Some(m),
            day: Some(d),
        },
    )
}

/// "Dienstag", "vergangenen Dienstag", "kommenden Montag" (with
/// [`last_next`]), "Dienstag, den 3." is left to [`day_month`].
fn weekday(cx: &Cx, i: usize) -> Option<Parsed> {
    let wd = cx.get(i, Cat::Weekday)? as u32;
    found(i, i + 1, Base::Weekday { wd, shift: 0 })
}

/// "(am) Dienstagabend", "Montagmorgen", "Freitagnacht": a weekday and a
/// part of day in one word, split by the date words. Such a word is longer
/// than date words may be, so "am" before it starts the look (the extent
/// leaves "am" out).
fn weekday_part(cx: &Cx, i: usize) -> Option<Parsed> {
    let w = cx.norm(i);
    let words = cx.words?;
    for k in 6..w.len().saturating_sub(3) {
        let (a, b) = (w.get(..k)?, w.get(k..)?);
        let Some(wd) = words.get(a, Cat::Weekday) else {
            continue;
        };
        let part = words
            .get(b, Cat::Part)
            .or_else(|| (b == "morgen").then_some(1))?;
        return found_part(
            i,
            i + 1,
            Base::Weekday {
                wd: wd as u32,
                shift: 0,
            },
            part as u32,
        );
    }
    None
}

/// "November 2017", "im März", "Mai", "im vergangenen November" (with
/// [`last_next`]).
fn month(cx: &Cx, i: usize) -> Option<Parsed> {
    let (m, k) = cx.month(i)?;
    if let Some(y) = cx.year4(k) {
        return found(
            i,
            k + 1,
            Base::Cal {
                year: Some(y),
                month: Some(m),
                day: None,
            },
        );
    }
    if !cx.is(i, Cat::Month) {
        return None;
    }
    // "August" and "April" are first names too: a month alone after a
    // preposition or an edge only ("im August", "seit April", "Ende August").
    let after_prep = i > 0
        && (cx.is(i - 1, Cat::Prep)
            || cx.is(i - 1, Cat::YearPrep)
            || cx.is(i - 1, Cat::Edge)
            || cx.is(i - 1, Cat::Last)
            || cx.is(i - 1, Cat::Next));
    if !after_prep && cx.upper(i + 1) && cx.is_word(i + 1) {
        return None;
    }
    found(
        i,
        k,
        Base::Cal {
            year: None,
            month: Some(m),
            day: None,
        },
    )
}

/// "gestern", "heute", "morgen" (lower case: "Morgen" is the morning),
/// "vorgestern", "übermorgen", "heute Dienstag".
fn day_word(cx: &Cx, i: usize) -> Option<Parsed> {
    let n = cx.get(i, Cat::Day)?;
    if cx.word(i, "morgen") && cx.upper(i) && !cx.doc.tokens[i].sentence_start {
        return None;
    }
    let mut end = i + 1;
    if n == 0 && cx.is(end, Cat::Weekday) {
        end += 1;
    }
    found(i, end, Base::Day(n))
}

/// "diese Woche", "dieses Jahr", "diesen Monat", "diesen Dienstag",
/// "diesen Sommer".
fn this(cx: &Cx, i: usize) -> Option<Parsed> {
    cx.get(i, Cat::This)?;
    let j = i + 1;
    if let Some(u) = cx.get(j, Cat::Unit) {
        if u == W || u == M || u == Y {
            return found(i, j + 1, Base::Rel { unit: u, n: 0 });
        }
        return None;
    }
    if let Some(wd) = cx.get(j, Cat::Weekday) {
        return found(
            i,
            j + 1,
            Base::Weekday {
                wd: wd as u32,
                shift: 2,
            },
        );
    }
    let s = cx.get(j, Cat::Season)? as u32;
    found(
        i,
        j + 1,
        Base::Season {
            season: s,
            year: None,
            shift: 0,
        },
    )
}

/// "vergangene Woche", "letzten Monat", "nächstes Jahr", "vergangenen
/// Dienstag", "im vergangenen November", "kommenden Sommer", "in den
/// vergangenen Tagen" (a vague past).
fn last_next(cx: &Cx, i: usize) -> Option<Parsed> {
    let r = if cx.is(i, Cat::Last) { -1 } else { 1 };
    let j = i + 1;
    if let Some(u) = cx.get(j, Cat::Unit) {
        let w = cx.norm(j);
        // "vergangenen Tagen", "letzten Wochen", "kommenden Monaten": plural, vague.
        if cx.norm(i).ends_with('n') && (w.ends_with('n') || w.ends_with("monate")) {
            return found(i, j + 1, Base::Ref(r));
        }
        if u == W || u == M || u == Y || u == Q {
            return found(i, j + 1, Base::Rel { unit: u, n: r });
        }
        return None;
    }
    if let Some(wd) = cx.get(j, Cat::Weekday) {
        return found(
            i,
            j + 1,
            Base::Weekday {
                wd: wd as u32,
                shift: r,
            },
        );
    }
    if let Some((m, k)) = cx.month(j) {
        return found(i, k, Base::MonthRel { month: m, shift: r });
    }
    let s = cx.get(j, Cat::Season)? as u32;
    found(
        i,
        j + 1,
        Base::Season {
            season: s,
            year: None,
            shift: r,
        },
    )
}

/// "Jahr 2019" ("im Jahr 2019"), "Jahres 2019".
fn unit_year(cx: &Cx, i: usize) -> Option<Parsed> {
    if cx.get(i, Cat::Unit)? != Y {
        return None;
    }
    let y = cx.year4(i + 1)?;
    found(
        i,
        i + 2,
        Base::Cal {
            year: Some(y),
            month: None,
            day: None,
        },
    )
}

/// A count of units: "zwei Jahren", "einer Woche", "drei Tagen".
fn count_unit(cx: &Cx, j: usize) -> Option<(i32, i32, usize)> {
    let n = cx.cardinal(j)?;
    let u = cx.get(j + 1, Cat::Unit)?;
    (u <= Y).then_some((n, u, j + 2))
}

/// "vor zwei Jahren", "vor einer Woche", "vor wenigen Tagen" (vague): kept
/// whole with "vor".
fn ago(cx: &Cx, i: usize) -> Option<Parsed> {
    if !cx.word(i, "vor") {
        return None;
    }
    let (n, u, end) = count_unit(cx, i + 1)?;
    // "vor drei Jahren" is ago only with a plural in -en or a singular dative.
    if cx.word(i + 1, "wenigen") || cx.word(i + 1, "einigen") || cx.word(i + 1, "mehreren") {
        return found(i, end, Base::Ref(-1));
    }
    found(i, end, Base::Rel { unit: u, n: -n })
}

/// "in zwei Wochen", "in drei Tagen" (extent without "in"), in a future
/// sentence.
fn within(cx: &Cx, i: usize) -> Option<Parsed> {
    if !cx.word(i, "in") {
        return None;
    }
    let (n, u, end) = count_unit(cx, i + 1)?;
    if u == D && n > 14 {
        return None;
    }
    if !tense::future(cx, i) {
        return None;
    }
    found(i + 1, end, Base::Rel { unit: u, n })
}

/// "Anfang Dezember", "Mitte 2018", "Ende des Jahres", "Ende der Woche",
/// "Anfang nächsten Jahres": the value is the period's.
fn edge(cx: &Cx, i: usize) -> Option<Parsed> {
    cx.get(i, Cat::Edge)?;
    let mut j = i + 1;
    if cx.word(j, "des") || cx.word(j, "der") || cx.is(j, Cat::This) {
        j += 1;
        if let Some(p) = common::current_unit(cx, j) {
            return Some(Parsed { start: i, ..p });
        }
    }
    let inner = longest_of!(
        month(cx, j),
        year_bare(cx, j),
        last_next_when(cx, j),
        season(cx, j),
    )?;
    Some(Parsed { start: i, ..inner })
}

fn last_next_when(cx: &Cx, j: usize) -> Option<Parsed> {
    if cx.is(j, Cat::Last) || cx.is(j, Cat::Next) {
        last_next(cx, j)
    } else {
        None
    }
}

/// "Sommer 2017", "im Sommer", "im Herbst".
fn season(cx: &Cx, i: usize) -> Option<Parsed> {
    let s = cx.get(i, Cat::Season)? as u32;
    if let Some(y) = cx.year4(i + 1) {
        return found(
            i,
            i + 2,
            Base::Season {
                season: s,
                year: Some(y),
                shift: 0,
            },
        );
    }
    let after_prep = i > 0 && (cx.is(i - 1, Cat::Prep) || cx.is(i - 1, Cat::Edge));
    if !after_prep {
        return None;
    }
    found(
        i,
        i + 1,
        Base::Season {
            season: s,
            year: None,
            shift: 0,
        },
    )
}

/// "dritten Quartal", "ersten Halbjahr 2017".
fn quarter(cx: &Cx, i: usize) -> Option<Parsed> {
    let n = cx.get(i, Cat::Ord)?;
    let u = cx.get(i + 1, Cat::Unit)?;
    let q = match u {
        Q if (1..=4).contains(&n) => n as u32,
        words::H2 if (1..=2).contains(&n) => 4 + n as u32,
        _ => return None,
    };
    let year = cx.year4(i + 2);
    found(
        i,
        i + 2 + year.is_some() as usize,
        Base::Quarter { q, year },
    )
}

/// "derzeit", "jetzt", "kürzlich".
fn reference(cx: &Cx, i: usize) -> Option<Parsed> {
    let r = cx.get(i, Cat::Ref)?;
    found(i, i + 1, Base::Ref(r))
}

/// "am Vortag", "am Folgetag", "tags darauf".
fn anchor(cx: &Cx, i: usize) -> Option<Parsed> {
    let n = cx.get(i, Cat::Anchor)?;
    let end = if cx.word(i, "tags") {
        if !cx.word(i + 1, "darauf") {
            return None;
        }
        i + 2
    } else {
        i + 1
    };
    Some(Parsed {
        start: i,
        end,
        expr: Expr::new(Base::Anchor(n)),
        score: 80,
    })
}

/// A year with nothing to vouch for it but its position.
fn year_bare(cx: &Cx, i: usize) -> Option<Parsed> {
    let y = cx.year4(i)?;
    found(
        i,
        i + 1,
        Base::Cal {
            year: Some(y),
            month: None,
            day: None,
        },
    )
}

/// "seit 2011", "bis 2020", "zwischen 1990 und 1999", "1982-1990".
fn year(cx: &Cx, i: usize) -> Option<Parsed> {
    let prev = i.checked_sub(1)?;
    let strong = cx.get(prev, Cat::YearPrep) == Some(1);
    let weak = cx.get(prev, Cat::YearPrep) == Some(0)
        || (cx.doc.is_hyphen(prev) && prev > 0 && cx.year4(prev - 1).is_some())
        || (cx.doc.is_hyphen(i + 1) && cx.glued(i + 1) && cx.year4(i + 2).is_some());
    let y = cx.year4(i)?;
    if !strong && !weak {
        return None;
    }
    // After a weak preposition a noun means an amount: "von 2000 Menschen"
    // (German nouns are capitalised: any capitalised word after it).
    if !strong && cx.is_word(i + 1) && (cx.upper(i + 1) || cx.content_word(i + 1)) {
        return None;
    }
    Some(Parsed {
        start: i,
        end: i + 1,
        expr: Expr::new(Base::Cal {
            year: Some(y),
            month: None,
            day: None,
        }),
        score: if strong { 90 } else { 75 },
    })
}

/// "15 Uhr", "15.30 Uhr", "15:30 Uhr", "Mittag", "Mitternacht", with the
/// day after it ("15 Uhr am Dienstag" is two dates; "15 Uhr Dienstag" one).
fn clock(cx: &Cx, i: usize) -> Option<Parsed> {
    let (time, end) = if let Some(h) = cx.get(i, Cat::Noon) {
        if !cx.upper(i) && !cx.word(i, "mittag") {
            return None;
        }
        ((h as u32, 0), i + 1)
    } else {
        let (h, n) = cx.num(i)?;
        if n > 2 || h > 24 {
            return None;
        }
        let (m, j) =
            if (cx.punct(i + 1, ".") || cx.punct(i + 1, ":")) && cx.glued(i + 1) && cx.glued(i + 2)
            {
                match cx.num(i + 2) {
                    Some((m, 2)) if m < 60 => (m, i + 3),
                    _ => return None,
                }
            } else {
                (0, i + 1)
            };
        if !cx.is(j, Cat::Hour) {
            return None;
        }
        ((h, m), j + 1)
    };
    Some(time_then_day(cx, i, end, time))
}

/// "gegen 15 Uhr": the time, with "gegen" (an approximation, kept as the
/// issue's examples write it).
fn about_clock(cx: &Cx, i: usize) -> Option<Parsed> {
    let p = clock(cx, i + 1)?;
    if cx.get(i + 1, Cat::Noon).is_some() {
        return None;
    }
    Some(Parsed { start: i, ..p })
}

/// "Nacht zum Dienstag" (in der Nacht zum Dienstag): the night before the
/// day named, a part of the day before it; "Nacht zu Dienstag" too.
fn night_to(cx: &Cx, i: usize) -> Option<Parsed> {
    let part = cx.get(i, Cat::Part)? as u32;
    if !(cx.word(i + 1, "zum") || cx.word(i + 1, "zu")) {
        return None;
    }
    let wd = cx.get(i + 2, Cat::Weekday)? as u32;
    let before = if wd == 1 { 7 } else { wd - 1 };
    found_part(
        i,
        i + 3,
        Base::Weekday {
            wd: before,
            shift: 0,
        },
        part,
    )
}

/// "drei Tage später", "zwei Wochen zuvor", "ein Jahr danach": counted from
/// the last day mentioned.
fn later(cx: &Cx, i: usize) -> Option<Parsed> {
    let (n, u, end) = count_unit(cx, i)?;
    let sign = if cx.word(end, "spater") || cx.word(end, "danach") {
        1
    } else if cx.word(end, "zuvor") || cx.word(end, "davor") || cx.word(end, "fruher") {
        -1
    } else {
        return None;
    };
    found(
        i,
        end + 1,
        Base::After {
            unit: u,
            n: sign * n,
        },
    )
}

#[cfg(test)]
mod tests;
