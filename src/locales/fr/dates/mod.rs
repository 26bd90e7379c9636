//! The French date grammar: "vendredi 3 novembre 2017", "1er janvier",
//! "hier soir", "la semaine dernière", "il y a trois jours", "début 2018",
//! "mi-octobre", "les années 1990", "le troisième trimestre", "22 h 30".
//!
//! Each function tries one form at a token and returns what it matched; the
//! longest match wins. The words come from `data/lang/fr/dates.txt`; the
//! extent never includes a leading article or preposition.

use crate::dates::common::{self, found, found_part, longest_of, time_then_day, when, Cx};
use crate::dates::expr::{Base, Expr, Parsed};
use crate::dates::words::{self, Words};
use crate::dates::words::{Cat, D, H, M, MI, Q, W, Y};
use crate::dates::{holidays, tense, Grammar};
use std::sync::LazyLock;

/// The French date words (`data/lang/fr/dates.txt`), with the function words
/// that tell a year from an amount (`data/lang/fr/stopwords.txt`).
static WORDS: LazyLock<Words> = LazyLock::new(|| {
    Words::parse(
        crate::locales::data::fr::DATES_TXT(),
        crate::locales::data::fr::STOPWORDS_TXT,
    )
});

/// The French part of date finding: this grammar and its words.
pub static GRAMMAR: Grammar = Grammar {
    parse,
    words: Some(&WORDS),
};

/// The longest French date expression starting at token `i`.
pub fn parse(cx: &Cx, i: usize) -> Option<Parsed> {
    let at = cx.at(i);
    let d = at.digit;
    let p = longest_of!(
        when(at.any(&[Cat::Holiday, Cat::Phrase]), || {
            holidays::parse(cx, i)
        }),
        when(d, || common::parse(cx, i, false)),
        when(d, || common::numeric_day_month(cx, i, false)),
        when(d || at.any(&[Cat::Weekday, Cat::Ord]), || day_month(cx, i)),
        when(at.any(&[Cat::Weekday]), || weekday(cx, i)),
        when(at.any(&[Cat::Month, Cat::MonthAbbr]), || month(cx, i)),
        when(at.any(&[Cat::Day]), || day_word(cx, i)),
        when(at.any(&[Cat::This]), || this(cx, i)),
        when(at.any(&[Cat::Unit]), || unit_rel(cx, i)),
        when(at.any(&[Cat::Last, Cat::Next]), || last_next_plural(cx, i)),
        when(at.any(&[Cat::Lead]), || il_y_a(cx, i)),
        when(at.any(&[Cat::Lead]), || dans(cx, i)),
        when(at.any(&[Cat::Edge]), || edge(cx, i)),
        when(at.any(&[Cat::Season]), || season(cx, i)),
        when(at.any(&[Cat::Ord]), || quarter(cx, i)),
        when(at.any(&[Cat::Ref, Cat::Lead]), || reference(cx, i)),
        when(at.any(&[Cat::Anchor, Cat::Lead]), || anchor(cx, i)),
        when(d, || year(cx, i)),
        when(cx.word(i + 1, "siecle"), || century(cx, i)),
        when(d || at.any(&[Cat::Noon]), || clock(cx, i)),
        when(at.any(&[Cat::Part]), || night_of(cx, i)),
        when(at.any(&[Cat::Part]), || part_alone(cx, i)),
        when(at.any(&[Cat::Lead, Cat::Last, Cat::Ord]), || {
            week_end(cx, i)
        }),
        when(at.any(&[Cat::Last, Cat::Ord]), || nth_weekday(cx, i)),
        when(d || at.any(&[Cat::Num]), || later(cx, i)),
    )?;
    Some(at_time(cx, month_of(cx, with_part(cx, p))))
}

/// "hier à 10 h", "samedi 16 à 18 h": a day word, or a weekday with its day
/// number, and the time after "à", as one date. A date with its month
/// ("samedi 5 juin à 17 h") and a bare weekday ("samedi à 8 h") stay apart
/// from their time: French TimeBank marks them as two dates (measured).
fn at_time(cx: &Cx, mut p: Parsed) -> Parsed {
    if !matches!(p.expr.base, Base::Day(_) | Base::WeekdayDay { .. })
        || p.expr.time.is_some()
        || p.expr.part.is_some()
        || !cx.word(p.end, "a")
    {
        return p;
    }
    if let Some(q) = clock(cx, p.end + 1).filter(|q| q.expr.base == Base::Time) {
        p.expr.time = q.expr.time;
        p.end = q.end;
    }
    p
}

/// "mois de juin": the month named with its noun, as TimeML marks it.
fn month_of(cx: &Cx, mut p: Parsed) -> Parsed {
    if let Base::Cal {
        month: Some(_),
        day: None,
        ..
    } = p.expr.base
    {
        if p.start >= 2 && cx.word(p.start - 1, "de") && cx.word(p.start - 2, "mois") {
            p.start -= 2;
        }
    }
    p
}

/// "(dans la) nuit de samedi à dimanche", "nuit du 3 au 4 novembre",
/// "soirée de mardi": the part of the first day.
fn night_of(cx: &Cx, i: usize) -> Option<Parsed> {
    let part = cx.get(i, Cat::Part)? as u32;
    if !(cx.word(i + 1, "de") || cx.word(i + 1, "du")) {
        return None;
    }
    let j = i + 2;
    let mut p = if cx.is(j, Cat::Weekday) {
        let mut p = weekday(cx, j)?;
        if (cx.word(p.end, "a") || cx.word(p.end, "au")) && cx.is(p.end + 1, Cat::Weekday) {
            p.end += 2;
        }
        p
    } else {
        let mut p = day_month(cx, j)?;
        if cx.word(p.end, "au") {
            if let Some(q) = day_month(cx, p.end + 1) {
                p.end = q.end;
            }
        }
        p
    };
    p.start = i;
    p.expr.part = Some(part);
    Some(p)
}

/// A part of day right after a day: "soir", "après-midi", "en début de soirée".
fn part_tail(cx: &Cx, j: usize) -> Option<(u32, usize)> {
    if cx.hyph(j, "apres", "midi") {
        return Some((2, j + 3));
    }
    if let Some(p) = cx.get(j, Cat::Part) {
        return Some((p as u32, j + 1));
    }
    // "en début d'après-midi", "en fin de matinée", "en milieu de soirée"
    if cx.word(j, "en") && cx.is(j + 1, Cat::Edge) {
        let k = if cx.word(j + 2, "d") && cx.doc.is_apostrophe(j + 3) {
            j + 4
        } else if cx.word(j + 2, "de") {
            j + 3
        } else {
            return None;
        };
        return part_tail(cx, k).filter(|_| true);
    }
    None
}

fn with_part(cx: &Cx, mut p: Parsed) -> Parsed {
    let day_level = matches!(
        p.expr.base,
        Base::Weekday { .. }
            | Base::Day(_)
            | Base::Cal { day: Some(_), .. }
            | Base::WeekdayDay { .. }
            | Base::NthWeekday { .. }
    );
    if day_level && p.expr.part.is_none() && p.expr.time.is_none() {
        if let Some((part, end)) = part_tail(cx, p.end) {
            p.expr.part = Some(part);
            p.end = end;
        }
    }
    p
}

/// "3 novembre 2017", "vendredi 3 novembre", "1er janvier", "3 nov.", and the
/// first day of "du 2 au 5 novembre".
fn day_month(cx: &Cx, i: usize) -> Option<Parsed> {
    let mut j = i;
    if cx.is(j, Cat::Weekday) {
        j += 1;
    }
    let d = cx
        .day(j)
        .or_else(|| (cx.get(j, Cat::Ord) == Some(1)).then_some(1))?;
    j += 1;
    let Some((m, k)) = cx.month(j) else {
        // "samedi 16 (à 18 h)": the weekday that falls on that day.
        if let Some(wd) = cx.get(i, Cat::Weekday).filter(|_| j == i + 2) {
            if cx.num(i + 1).is_some()
                && !cx.content_word(j)
                && !cx.word(j, "au")
                && !cx.word(j, "et")
                && !cx.doc.is_hyphen(j)
                && !cx.punct(j, "/")
            {
                return found(
                    i,
                    j,
                    Base::WeekdayDay {
                        wd: wd as u32,
                        day: d,
                    },
                );
            }
        }
        // "du 2 au 5 novembre": the first day takes the month of the second.
        if cx.word(j, "au") || cx.word(j, "et") || cx.doc.is_hyphen(j) {
            let d2 = cx.day(j + 1)?;
            let (m, k) = cx.month(j + 2)?;
            let year = cx.year4(k);
            if d2 <= d {
                return None;
            }
            return found(
                i,
                j,
                Base::Cal {
                    year,
                    month: Some(m),
                    day: Some(d),
                },
            );
        }
        return None;
    };
    let mut end = k;
    let year = cx.year4(k);
    if year.is_some() {
        end += 1;
    } else if cx.is(k, Cat::Last) || cx.is(k, Cat::Next) {
        // "le 6 mai dernier", "le 13 avril prochain": the tense cue reads
        // the word, the extent keeps it.
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

/// "jeudi", "vendredi dernier", "lundi prochain".
fn weekday(cx: &Cx, i: usize) -> Option<Parsed> {
    let wd = cx.get(i, Cat::Weekday)? as u32;
    // "Vendredi saint", "Mardi gras": feasts, not this week's days.
    if cx.word(i + 1, "saint") || cx.word(i + 1, "gras") {
        return None;
    }
    let (shift, end) = if cx.is(i + 1, Cat::Last) {
        (-1, i + 2)
    } else if cx.is(i + 1, Cat::Next) {
        (1, i + 2)
    } else {
        (0, i + 1)
    };
    found(i, end, Base::Weekday { wd, shift })
}

/// A two-digit year after a month or "en": "octobre 98" → 1998.
fn year2(cx: &Cx, t: usize) -> Option<i32> {
    let (v, 2) = cx.num(t)? else { return None };
    if cx.is_word(t + 1) && !cx.upper(t + 1) {
        return None;
    }
    if cx.word(t + 1, "h") || cx.punct(t + 1, "%") || cx.num(t + 1).is_some() {
        return None;
    }
    Some(if v < 40 {
        2000 + v as i32
    } else {
        1900 + v as i32
    })
}

/// "novembre 2017", "octobre 98", "juin prochain", "en novembre".
fn month(cx: &Cx, i: usize) -> Option<Parsed> {
    let (m, k) = cx.month(i)?;
    if let Some(y) = cx.year4(k).or_else(|| year2(cx, k)) {
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
    if cx.is(k, Cat::Last) {
        return found(
            i,
            k + 1,
            Base::MonthRel {
                month: m,
                shift: -1,
            },
        );
    }
    if cx.is(k, Cat::Next) {
        return found(i, k + 1, Base::MonthRel { month: m, shift: 1 });
    }
    // "mai et juin 2004": the first month takes the year of the second.
    if cx.word(k, "et") || cx.word(k, "a") || cx.word(k, "au") || cx.doc.is_hyphen(k) {
        if let Some((_, k2)) = cx.month(k + 1) {
            if let Some(y) = cx.year4(k2) {
                return found(
                    i,
                    k,
                    Base::Cal {
                        year: Some(y),
                        month: Some(m),
                        day: None,
                    },
                );
            }
        }
    }
    // A month alone: a full month word, in lower case (French writes months
    // in lower case; "Mars", "Mai" capitalised mid-sentence are names).
    if !cx.is(i, Cat::Month) || (cx.upper(i) && !cx.doc.tokens[i].sentence_start) {
        return None;
    }
    // "sept" is also seven.
    if cx.is(i, Cat::Num) {
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

/// "hier", "demain", "aujourd'hui", "avant-hier", "après-demain", with
/// "aujourd'hui vendredi".
fn day_word(cx: &Cx, i: usize) -> Option<Parsed> {
    let (mut n, mut start, mut end) = if cx.word(i, "aujourd") {
        if !(cx.doc.is_apostrophe(i + 1) && cx.word(i + 2, "hui")) {
            return None;
        }
        (0, i, i + 3)
    } else {
        (cx.get(i, Cat::Day)?, i, i + 1)
    };
    if i >= 2 && cx.hyph(i - 2, "avant", "hier") {
        n = -2;
        start = i - 2;
    } else if i >= 2 && cx.hyph(i - 2, "apres", "demain") {
        n = 2;
        start = i - 2;
    }
    if n == 0 && cx.is(end, Cat::Weekday) {
        end += 1;
    }
    found(start, end, Base::Day(n))
}

/// "ce matin", "cette semaine", "ce mois-ci", "cette année", "ce dimanche",
/// "cet été", "ces derniers mois".
fn this(cx: &Cx, i: usize) -> Option<Parsed> {
    cx.get(i, Cat::This)?;
    let j = i + 1;
    if let Some(p) = cx.get(j, Cat::Part) {
        return found_part(i, j + 1, Base::Day(0), p as u32);
    }
    if let Some(end) = weekend_word(cx, j) {
        return found(i, end, Base::Weekend(2));
    }
    if let Some(u) = cx.get(j, Cat::Unit) {
        if u == W || u == M || u == Y {
            let mut end = j + 1;
            if cx.doc.is_hyphen(end) && (cx.word(end + 1, "ci") || cx.word(end + 1, "la")) {
                end += 2;
                // "cette année-là": the year last spoken of.
                if u == Y && cx.word(end - 1, "la") {
                    return found(i, end, Base::ThatYear);
                }
            }
            return found(i, end, Base::Rel { unit: u, n: 0 });
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
    if let Some(s) = cx.get(j, Cat::Season) {
        return found(
            i,
            j + 1,
            Base::Season {
                season: s as u32,
                year: None,
                shift: 0,
            },
        );
    }
    let p = last_next_plural(cx, j)?;
    Some(Parsed { start: i, ..p })
}

/// "la semaine dernière", "le mois prochain", "l'an dernier", "l'année 2001",
/// "les années 1990".
fn unit_rel(cx: &Cx, i: usize) -> Option<Parsed> {
    let u = cx.get(i, Cat::Unit)?;
    if u == W || u == M || u == Y || u == Q {
        if cx.is(i + 1, Cat::Last) {
            return found(i, i + 2, Base::Rel { unit: u, n: -1 });
        }
        if cx.is(i + 1, Cat::Next) {
            return found(i, i + 2, Base::Rel { unit: u, n: 1 });
        }
    }
    if u == Y {
        if let Some(y) = cx.year4(i + 1) {
            if cx.norm(i).ends_with('s') {
                return found(i, i + 2, Base::Decade(y / 10));
            }
            return found(
                i,
                i + 2,
                Base::Cal {
                    year: Some(y),
                    month: None,
                    day: None,
                },
            );
        }
        if let Some((v, 2)) = cx.num(i + 1) {
            if cx.norm(i) == "annees" && v % 10 == 0 {
                return found(i, i + 2, Base::Decade(190 + v as i32 / 10));
            }
        }
    }
    None
}

/// "derniers mois", "dernières semaines", "prochains jours": vague references.
fn last_next_plural(cx: &Cx, i: usize) -> Option<Parsed> {
    let r = if cx.is(i, Cat::Last) {
        -1
    } else if cx.is(i, Cat::Next) {
        1
    } else {
        return None;
    };
    let u = cx.get(i + 1, Cat::Unit)?;
    let w = cx.norm(i + 1);
    if !(w.ends_with('s') || w == "mois") || !cx.norm(i).ends_with('s') || u == Q || u >= H {
        return None;
    }
    found(i, i + 2, Base::Ref(r))
}

/// A count of units: "trois jours", "un an", "deux semaines".
fn count_unit(cx: &Cx, j: usize) -> Option<(i32, i32, usize)> {
    let n = cx.cardinal(j)?;
    let u = cx.get(j + 1, Cat::Unit)?;
    (u <= Y).then_some((n, u, j + 2))
}

/// "trois jours plus tard", "deux semaines auparavant", "un an après.":
/// counted from the last day mentioned. "après"/"avant" only at the end of
/// a clause ("trois jours après l'attaque" counts from an event).
fn later(cx: &Cx, i: usize) -> Option<Parsed> {
    let (n, u, end) = count_unit(cx, i)?;
    let clause_end = |t: usize| cx.punct(t, ",") || cx.punct(t, ".") || t >= cx.doc.len();
    let (sign, end) = if cx.word(end, "plus") && cx.word(end + 1, "tard") {
        (1, end + 2)
    } else if cx.word(end, "plus") && cx.word(end + 1, "tot") {
        (-1, end + 2)
    } else if cx.word(end, "auparavant") {
        (-1, end + 1)
    } else if cx.word(end, "apres") && clause_end(end + 1) {
        (1, end + 1)
    } else if cx.word(end, "avant") && clause_end(end + 1) {
        (-1, end + 1)
    } else {
        return None;
    };
    found(
        i,
        end,
        Base::After {
            unit: u,
            n: sign * n,
        },
    )
}

/// "il y a trois jours".
fn il_y_a(cx: &Cx, i: usize) -> Option<Parsed> {
    if !(cx.word(i, "il") && cx.word(i + 1, "y") && cx.word(i + 2, "a")) {
        return None;
    }
    let (n, u, end) = count_unit(cx, i + 3)?;
    if cx.word(i + 3, "quelques") || cx.word(i + 3, "plusieurs") {
        return found(i, end, Base::Ref(-1));
    }
    found(i, end, Base::Rel { unit: u, n: -n })
}

/// "dans deux semaines" (extent without "dans").
fn dans(cx: &Cx, i: usize) -> Option<Parsed> {
    if !cx.word(i, "dans") {
        return None;
    }
    let (n, u, end) = count_unit(cx, i + 1).or_else(|| {
        let n = cx.cardinal(i + 1)?;
        let u = cx.get(i + 2, Cat::Unit).filter(|&u| u == H || u == MI)?;
        Some((n, u, i + 3))
    })?;
    // "dans trois jours de combats" is not a date.
    if cx.word(end, "de") || cx.word(end, "d") {
        return None;
    }
    if u == D && n > 14 {
        return None;
    }
    // "le plus bas dans trois mois" is rare, but "dans" + duration in a past
    // sentence is not a date either.
    if !tense::future(cx, i) {
        return None;
    }
    found(i + 1, end, Base::Rel { unit: u, n })
}

/// "début 2018", "mi-octobre", "fin novembre", "la fin de l'année",
/// "début des années 60", "fin du XIXe siècle": the value is the period's.
fn edge(cx: &Cx, i: usize) -> Option<Parsed> {
    cx.get(i, Cat::Edge)?;
    let mut j = i + 1;
    if cx.doc.is_hyphen(j) {
        j += 1;
    }
    if cx.word(j, "de") || cx.word(j, "du") || cx.word(j, "des") {
        j += 1;
    } else if cx.word(j, "d") && cx.doc.is_apostrophe(j + 1) {
        j += 2;
    }
    if cx.word(j, "la") || cx.word(j, "le") {
        j += 1;
    } else if cx.word(j, "l") && cx.doc.is_apostrophe(j + 1) {
        j += 2;
    }
    let inner = longest_of!(
        month(cx, j),
        unit_rel(cx, j),
        year_bare(cx, j),
        century(cx, j),
        season(cx, j),
        this(cx, j),
    )
    .or_else(|| common::current_unit(cx, j))
    .or_else(|| edge_of_day(cx, i, j))?;
    Some(Parsed { start: i, ..inner })
}

/// "(en) fin de journée", "début de soirée", "fin d'après-midi": a part of
/// the day in context; the day's edge is its morning or its evening.
fn edge_of_day(cx: &Cx, i: usize, j: usize) -> Option<Parsed> {
    let (part, end) = if cx.hyph(j, "apres", "midi") {
        (2, j + 3)
    } else if let Some(p) = cx.get(j, Cat::Part) {
        (p as u32, j + 1)
    } else if cx.get(j, Cat::Unit) == Some(D) && cx.norm(j) == "journee" {
        // `edge` values: 1 start, 2 middle, 3 end.
        match cx.get(i, Cat::Edge)? {
            1 => (1, j + 1),
            3 => (3, j + 1),
            _ => return None,
        }
    } else {
        return None;
    };
    let mut e = Expr::new(Base::Time);
    e.part = Some(part);
    Some(Parsed {
        start: j,
        end,
        expr: e,
        score: 80,
    })
}

/// "été 2017", "l'automne", "l'été dernier", "cet hiver" (with `this`).
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
    let shift = if cx.is(i + 1, Cat::Last) {
        -1
    } else if cx.is(i + 1, Cat::Next) {
        1
    } else {
        0
    };
    // "été" is also the participle of "être": take it after an article or
    // "en" only.
    let after_article = i > 0
        && (cx.doc.is_apostrophe(i - 1)
            || matches!(
                cx.norm(i - 1),
                "en" | "cet" | "cette" | "ce" | "au" | "du" | "le"
            ));
    if shift == 0 && !after_article {
        return None;
    }
    found(
        i,
        i + 1 + (shift != 0) as usize,
        Base::Season {
            season: s,
            year: None,
            shift,
        },
    )
}

/// "le troisième trimestre", "premier semestre 2017".
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

/// "maintenant", "actuellement", "désormais", "récemment", "pour l'instant",
/// "à présent".
fn reference(cx: &Cx, i: usize) -> Option<Parsed> {
    if cx.word(i, "instant") {
        let ok =
            i >= 3 && cx.word(i - 3, "pour") && cx.word(i - 2, "l") && cx.doc.is_apostrophe(i - 1);
        return if ok {
            found(i - 3, i + 1, Base::Ref(0))
        } else {
            None
        };
    }
    if cx.word(i, "present") {
        let ok = i >= 1 && cx.word(i - 1, "a") && !cx.word(i + 1, "de");
        return if ok {
            found(i, i + 1, Base::Ref(0))
        } else {
            None
        };
    }
    let r = cx.get(i, Cat::Ref)?;
    found(i, i + 1, Base::Ref(r))
}

/// "le lendemain", "la veille", "le même jour".
fn anchor(cx: &Cx, i: usize) -> Option<Parsed> {
    if let Some(n) = cx.get(i, Cat::Anchor) {
        return Some(Parsed {
            start: i,
            end: i + 1,
            expr: Expr::new(Base::Anchor(n)),
            score: 80,
        });
    }
    // "la même année".
    if cx.word(i, "meme") && cx.get(i + 1, Cat::Unit) == Some(Y) && !cx.norm(i + 1).ends_with('s') {
        return found(i, i + 2, Base::ThatYear);
    }
    if cx.word(i, "meme") && cx.word(i + 1, "jour") {
        return Some(Parsed {
            start: i,
            end: i + 2,
            expr: Expr::new(Base::Anchor(0)),
            score: 80,
        });
    }
    None
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

/// "en 2014", "depuis 2011", "entre 1990 et 1999", "1982-1990", "en 97".
fn year(cx: &Cx, i: usize) -> Option<Parsed> {
    if i == 0 {
        return None;
    }
    let prev = i - 1;
    let strong = cx.get(prev, Cat::YearPrep) == Some(1);
    let weak = cx.get(prev, Cat::YearPrep) == Some(0)
        || (cx.doc.is_hyphen(prev) && prev > 0 && cx.year4(prev - 1).is_some())
        || (cx.doc.is_hyphen(i + 1) && cx.glued(i + 1) && cx.year4(i + 2).is_some());
    let y = match cx.year4(i) {
        Some(y) => y,
        None if cx.word(prev, "en") => year2(cx, i).filter(|_| !cx.is_word(i + 1))?,
        None => return None,
    };
    let end = cx.year_span(i).unwrap_or(i + 1);
    let noun = !strong && !weak && after_noun(cx, i, y);
    if !strong && !weak && !noun {
        return None;
    }
    // After a weak preposition a noun means an amount: "de 2000 personnes".
    if !strong && !noun && cx.content_word(end) {
        return None;
    }
    Some(Parsed {
        start: i,
        end,
        expr: Expr::new(Base::Cal {
            year: Some(y),
            month: None,
            day: None,
        }),
        score: if strong { 90 } else { 75 },
    })
}

/// A year naming its noun's edition: "le bilan 2019", "la saison
/// 2023/2024", "la Coupe du monde 2026": an article, a noun, the year (of
/// 1900–2099: "l'article 1240" is a number).
fn after_noun(cx: &Cx, i: usize, y: i32) -> bool {
    if !(1900..=2099).contains(&y) || i < 2 {
        return false;
    }
    let noun = i - 1;
    // A plural ("les mirages 2000") names things, not an edition.
    cx.is_word(noun)
        && !cx.doc.tokens[noun].all_caps
        && !cx.norm(noun).ends_with('s')
        && !cx.norm(noun).ends_with('x')
        && cx.words.is_some_and(|w| !w.is_function_word(cx.norm(noun)))
        && cx.no_date_word(noun)
        && (cx.is(noun - 1, Cat::Prep) || cx.doc.is_apostrophe(noun - 1))
}

/// A Roman numeral with the ordinal "e": "xixe" → 19.
pub fn roman_ordinal(s: &str) -> Option<i32> {
    common::roman(s.strip_suffix("eme").or_else(|| s.strip_suffix('e'))?)
}

/// "XIXe siècle" → 18.
fn century(cx: &Cx, i: usize) -> Option<Parsed> {
    if !cx.word(i + 1, "siecle") || !cx.is_word(i) {
        return None;
    }
    let n = roman_ordinal(cx.norm(i)).or_else(|| {
        let s = cx.norm(i);
        let d = s.strip_suffix('e')?;
        d.parse().ok().filter(|v| (1..=30).contains(v))
    })?;
    found(i, i + 2, Base::Century(n - 1))
}

/// "22 h", "21 h 45", "15h30", "14h", "midi", "à 18 heures", "8 h du soir",
/// "midi et quart", with "4 h mardi".
fn clock(cx: &Cx, i: usize) -> Option<Parsed> {
    let (mut time, mut end) = if let Some(h) = cx.get(i, Cat::Noon) {
        ((h as u32, 0), i + 1)
    } else if let Some((h, n)) = cx.num(i) {
        // "h" always; "heure(s)" after "à", "vers", "dès" only ("pendant
        // 18 heures" is a duration).
        let hour = cx.word(i + 1, "h")
            || (cx.is(i + 1, Cat::Hour)
                && i > 0
                && matches!(cx.norm(i - 1), "a" | "vers" | "des" | "avant" | "apres"));
        if n > 2 || h > 24 || !hour {
            return None;
        }
        match cx.num(i + 2) {
            Some((m, 2)) if m < 60 => ((h, m), i + 3),
            _ => ((h, 0), i + 2),
        }
    } else if cx.is_word(i) {
        let s = cx.norm(i);
        let (h, m) = s.split_once('h')?;
        if h.is_empty() || h.len() > 2 || !(m.is_empty() || m.len() == 2) {
            return None;
        }
        let h: u32 = h.parse().ok()?;
        let m: u32 = if m.is_empty() { 0 } else { m.parse().ok()? };
        if h > 24 || m > 59 {
            return None;
        }
        ((h, m), i + 1)
    } else {
        return None;
    };
    if time.1 == 0 {
        // "midi et quart", "15 h et demie", "midi moins le quart".
        if cx.word(end, "et") && cx.word(end + 1, "quart") {
            time.1 = 15;
            end += 2;
        } else if cx.word(end, "et") && (cx.word(end + 1, "demie") || cx.word(end + 1, "demi")) {
            time.1 = 30;
            end += 2;
        } else if cx.word(end, "moins") && cx.word(end + 1, "le") && cx.word(end + 2, "quart") {
            if time.0 == 0 {
                time.0 = 24;
            }
            time = (time.0 - 1, 45);
            end += 3;
        }
    }
    // "8 h du soir", "3 h du matin", "4 h de l'après-midi".
    if cx.word(end, "du") && time.0 < 12 {
        match cx.get(end + 1, Cat::Part) {
            Some(3) | Some(2) => {
                time.0 += 12;
                end += 2;
            }
            Some(1) | Some(4) => end += 2,
            _ => {}
        }
    } else if cx.word(end, "de")
        && cx.word(end + 1, "l")
        && cx.doc.is_apostrophe(end + 2)
        && cx.hyph(end + 3, "apres", "midi")
        && time.0 < 12
    {
        time.0 += 12;
        end += 6;
    }
    Some(time_then_day(cx, i, end, time))
}

/// "(dans la) soirée", "(le) matin même", "(dans la) nuit", "Le soir, …": a
/// part of the day in context, after an article that follows "dans", "dès",
/// "vers", "en", "de" ("au cours de la nuit"), with "même", or opening the
/// sentence before a comma. Elsewhere "le soir" is often a habit.
fn part_alone(cx: &Cx, i: usize) -> Option<Parsed> {
    let part = cx.get(i, Cat::Part)? as u32;
    if i == 0 || !matches!(cx.norm(i - 1), "la" | "le") {
        return None;
    }
    // "la nuit dernière": the night before.
    if cx.norm(i + 1).starts_with("dernier") {
        return found_part(i, i + 2, Base::Day(-1), part);
    }
    let same = cx.word(i + 1, "meme");
    let art = i - 1;
    let lead = art > 0 && matches!(cx.norm(art - 1), "dans" | "des" | "vers" | "en" | "de");
    let opening = cx.doc.tokens[art].sentence_start && cx.punct(i + 1, ",");
    if !(same || lead || opening) {
        return None;
    }
    // "la nuit de samedi", "le soir du 14": `night_of`; "la nuit des temps".
    if ["de", "du", "des", "d"].iter().any(|w| cx.word(i + 1, w)) {
        return None;
    }
    let mut e = Expr::new(Base::Time);
    e.part = Some(part);
    Some(Parsed {
        start: i,
        end: i + 1 + same as usize,
        expr: e,
        score: 80,
    })
}

/// "ce week-end" (with `this`), "le week-end dernier", "le week-end prochain".
fn week_end(cx: &Cx, i: usize) -> Option<Parsed> {
    let end = weekend_word(cx, i)?;
    if cx.is(end, Cat::Last) {
        return found(i, end + 1, Base::Weekend(-1));
    }
    if cx.is(end, Cat::Next) {
        return found(i, end + 1, Base::Weekend(1));
    }
    None
}

/// "week-end" or "weekend" at `i`: the next token.
fn weekend_word(cx: &Cx, i: usize) -> Option<usize> {
    if cx.hyph(i, "week", "end") {
        Some(i + 3)
    } else if cx.word(i, "weekend") {
        Some(i + 1)
    } else {
        None
    }
}

/// "dernier lundi de mars", "premier dimanche de mai 2024".
fn nth_weekday(cx: &Cx, i: usize) -> Option<Parsed> {
    let n = if cx.is(i, Cat::Last) {
        -1
    } else {
        cx.get(i, Cat::Ord)?
    };
    let wd = cx.get(i + 1, Cat::Weekday)? as u32;
    let mut j = i + 2;
    if !cx.word(j, "de") {
        return None;
    }
    j += 1;
    let (month, k) = cx.month(j)?;
    let year = cx.year4(k);
    found(
        i,
        k + year.is_some() as usize,
        Base::NthWeekday { n, wd, month, year },
    )
}

#[cfg(test)]
mod tests;
