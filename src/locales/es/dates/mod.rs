//! The Spanish date grammar: "el lunes 3 de noviembre de 2017", "12 mar"
//! (EFE datelines), "el pasado martes", "ayer por la tarde", "la madrugada
//! del lunes", "la semana pasada", "hace dos años", "a principios de 2018",
//! "a las 15.00 hora local", "el tercer trimestre", "el siglo XX".
//!
//! Each function tries one form at a token and returns what it matched; the
//! longest match wins. The words come from `data/lang/es/dates.txt`. The
//! extent leaves out a leading article or preposition ("el 3 de noviembre" →
//! "3 de noviembre") but keeps "hace" ("hace dos años" is one expression) and
//! a "pasado"/"próximo" written before the day ("pasado martes").

use crate::dates::common::{self, found, found_part, longest_of, time_then_day, when, Cx};
use crate::dates::expr::{Base, Expr, Parsed};
use crate::dates::words::{self, Words};
use crate::dates::words::{Cat, D, M, Q, W, Y};
use crate::dates::{holidays, tense, Grammar};
use std::sync::LazyLock;

/// The Spanish date words (`data/lang/es/dates.txt`), with the function words
/// that tell a year from an amount (`data/lang/es/stopwords.txt`).
static WORDS: LazyLock<Words> = LazyLock::new(|| {
    Words::parse(
        crate::locales::data::es::DATES_TXT(),
        crate::locales::data::es::STOPWORDS_TXT,
    )
});

/// The Spanish part of date finding: this grammar and its words.
pub static GRAMMAR: Grammar = Grammar {
    parse,
    words: Some(&WORDS),
};

/// The longest Spanish date expression starting at token `i`.
pub fn parse(cx: &Cx, i: usize) -> Option<Parsed> {
    let at = cx.at(i);
    let d = at.digit;
    let p = longest_of!(
        when(at.any(&[Cat::Holiday]), || holidays::parse(cx, i)),
        when(d, || common::parse(cx, i, false)),
        when(d || at.any(&[Cat::Weekday, Cat::Ord]), || day_month(cx, i)),
        when(at.any(&[Cat::Weekday]), || weekday(cx, i)),
        when(at.any(&[Cat::Last, Cat::Next]), || last_next_before(cx, i)),
        when(at.any(&[Cat::Month, Cat::MonthAbbr]), || month(cx, i)),
        when(at.any(&[Cat::Unit]), || month_of(cx, i)),
        when(at.any(&[Cat::Day, Cat::Last]), || day_word(cx, i)),
        when(at.any(&[Cat::This]), || this(cx, i)),
        when(at.any(&[Cat::Unit]), || unit_rel(cx, i)),
        when(at.any(&[Cat::Last, Cat::Next]), || last_next_plural(cx, i)),
        when(at.any(&[Cat::Lead]), || hace(cx, i)),
        when(at.any(&[Cat::Lead]), || dentro_de(cx, i)),
        when(at.any(&[Cat::Edge]), || edge(cx, i)),
        when(at.any(&[Cat::Season]), || season(cx, i)),
        when(at.any(&[Cat::Ord]), || quarter(cx, i)),
        when(at.any(&[Cat::Ref]), || reference(cx, i)),
        when(at.any(&[Cat::Anchor, Cat::Unit, Cat::Lead]), || {
            anchor(cx, i)
        }),
        when(d, || year(cx, i)),
        when(cx.word(i, "siglo"), || century(cx, i)),
        when(d || at.any(&[Cat::Noon]), || clock(cx, i)),
        when(at.any(&[Cat::Part]), || part_of(cx, i)),
        when(d || at.any(&[Cat::Num]), || later(cx, i)),
        when(cx.word(i, "anoche"), || {
            found_part(i, i + 1, Base::Day(-1), 4)
        }),
    )?;
    Some(with_part(cx, p))
}

/// "de", "del" or "de la" at `j`: the index after it.
fn of(cx: &Cx, j: usize) -> Option<usize> {
    if cx.word(j, "del") {
        Some(j + 1)
    } else if cx.word(j, "de") {
        Some(if cx.word(j + 1, "la") || cx.word(j + 1, "el") {
            j + 2
        } else {
            j + 1
        })
    } else {
        None
    }
}

/// "la madrugada del lunes", "la noche del 3 al 4 de mayo", "la tarde de
/// ayer": the part of that day.
fn part_of(cx: &Cx, i: usize) -> Option<Parsed> {
    let part = cx.get(i, Cat::Part)? as u32;
    let j = of(cx, i + 1)?;
    let mut p = longest_of!(
        weekday(cx, j),
        day_month(cx, j),
        last_next_before(cx, j),
        day_word(cx, j),
    )?;
    if cx.word(p.end, "al") {
        if let Some(q) = longest_of!(weekday(cx, p.end + 1), day_month(cx, p.end + 1)) {
            p.end = q.end;
        }
    }
    p.start = i;
    p.expr.part = Some(part);
    Some(p)
}

/// A part of day right after a day: "por la tarde", "en la noche", "de madrugada".
fn part_tail(cx: &Cx, j: usize) -> Option<(u32, usize)> {
    if let Some(p) = cx.get(j, Cat::Part) {
        if cx.word(j, "manana") || cx.word(j, "tarde") {
            // "hoy mañana" is no form; "el lunes tarde" neither.
            return None;
        }
        return Some((p as u32, j + 1));
    }
    let k = if (cx.word(j, "por") || cx.word(j, "en")) && cx.word(j + 1, "la") {
        j + 2
    } else if cx.word(j, "de") {
        j + 1
    } else {
        return None;
    };
    let p = cx.get(k, Cat::Part)?;
    // "de la mañana" after a day is its morning; "de tarde" reads so too.
    Some((p as u32, k + 1))
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

/// "3 de noviembre de 2017", "lunes 3 de noviembre", "1 de mayo", "12 mar"
/// (a dateline's day), "3 de mayo pasado", and the first day of "del 2 al 5
/// de noviembre".
fn day_month(cx: &Cx, i: usize) -> Option<Parsed> {
    let mut j = i;
    if cx.is(j, Cat::Weekday) {
        j += 1;
        if cx.punct(j, ",") {
            j += 1;
        }
    }
    let d = cx
        .day(j)
        .or_else(|| (cx.get(j, Cat::Ord) == Some(1)).then_some(1))?;
    j += 1;
    let month_at = |k: usize| -> Option<(u32, usize)> {
        if cx.word(k, "de") {
            let (m, e) = cx.month(k + 1)?;
            cx.is(k + 1, Cat::Month).then_some((m, e))
        } else {
            // "12 mar": the abbreviation alone, as EFE datelines write it.
            let (m, e) = cx.month(k)?;
            cx.is(k, Cat::MonthAbbr).then_some((m, e))
        }
    };
    let Some((m, k)) = month_at(j) else {
        // "del 2 al 5 de noviembre": the first day takes the month of the second.
        if cx.word(j, "al") || cx.word(j, "y") || cx.doc.is_hyphen(j) {
            let d2 = cx.day(j + 1)?;
            let (m, k) = month_at(j + 2)?;
            let year = year_after(cx, k).map(|(y, _)| y);
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
    let year = year_after(cx, k).map(|(y, e)| {
        end = e;
        y
    });
    if year.is_none() && (cx.is(k, Cat::Last) || cx.is(k, Cat::Next)) {
        // "el 6 de mayo pasado": the tense cue reads the word, the extent keeps it.
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

/// "de 2017" or "2017" after a month: the year and the end of the match.
fn year_after(cx: &Cx, k: usize) -> Option<(i32, usize)> {
    if cx.word(k, "de") || cx.word(k, "del") {
        return cx.year4(k + 1).map(|y| (y, k + 2));
    }
    cx.year4(k).map(|y| (y, k + 1))
}

/// "jueves", "viernes pasado", "lunes próximo".
fn weekday(cx: &Cx, i: usize) -> Option<Parsed> {
    let wd = cx.get(i, Cat::Weekday)? as u32;
    // "Viernes Santo", "Martes de Carnaval": feasts, not this week's days.
    if cx.word(i + 1, "santo") {
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

/// "pasado martes", "próximo lunes", "pasado 3 de mayo", "pasado mes de
/// junio", "próximo año", "pasado mañana": the tense word before the date.
fn last_next_before(cx: &Cx, i: usize) -> Option<Parsed> {
    let shift = if cx.is(i, Cat::Last) {
        -1
    } else if cx.is(i, Cat::Next) {
        1
    } else {
        return None;
    };
    let j = i + 1;
    if let Some(wd) = cx.get(j, Cat::Weekday) {
        if let Some(p) = day_month(cx, j) {
            return Some(Parsed { start: i, ..p });
        }
        return found(
            i,
            j + 1,
            Base::Weekday {
                wd: wd as u32,
                shift,
            },
        );
    }
    if cx.day(j).is_some() {
        let p = day_month(cx, j)?;
        return Some(Parsed { start: i, ..p });
    }
    if let Some(p) = month_of(cx, j) {
        if let Base::Cal {
            month: Some(m),
            year: None,
            ..
        } = p.expr.base
        {
            return found(i, p.end, Base::MonthRel { month: m, shift });
        }
    }
    if let Some(u) = cx.get(j, Cat::Unit) {
        if u == W || u == M || u == Y || u == Q {
            return found(i, j + 1, Base::Rel { unit: u, n: shift });
        }
    }
    if let Some(s) = cx.get(j, Cat::Season) {
        return found(
            i,
            j + 1,
            Base::Season {
                season: s as u32,
                year: None,
                shift,
            },
        );
    }
    None
}

/// "mes de junio", "año 2001", "año de 2001": the month or year named with its noun.
fn month_of(cx: &Cx, i: usize) -> Option<Parsed> {
    if cx.word(i, "mes") && cx.word(i + 1, "de") && cx.is(i + 2, Cat::Month) {
        let p = month(cx, i + 2)?;
        return Some(Parsed { start: i, ..p });
    }
    None
}

/// "noviembre de 2017", "noviembre 2017", "mayo pasado", "junio próximo", "en noviembre".
fn month(cx: &Cx, i: usize) -> Option<Parsed> {
    let (m, k) = cx.month(i)?;
    if !cx.is(i, Cat::Month) {
        return None;
    }
    if let Some((y, end)) = year_after(cx, k) {
        return found(
            i,
            end,
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
    // "mayo y junio de 2004": the first month takes the year of the second.
    if cx.word(k, "y") || cx.word(k, "a") || cx.doc.is_hyphen(k) {
        if let Some((_, k2)) = cx.month(k + 1) {
            if let Some((y, _)) = year_after(cx, k2) {
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
    // A month alone: Spanish writes months in lower case; "Mayo" capitalised
    // mid-sentence is a name ("Plaza de Mayo").
    if cx.upper(i) && !cx.doc.tokens[i].sentence_start {
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

/// "ayer", "hoy", "mañana", "anteayer", "pasado mañana", with "hoy lunes".
fn day_word(cx: &Cx, i: usize) -> Option<Parsed> {
    if cx.is(i, Cat::Last) {
        // "pasado mañana".
        if cx.word(i, "pasado") && cx.word(i + 1, "manana") {
            return found(i, i + 2, Base::Day(2));
        }
        return None;
    }
    let n = cx.get(i, Cat::Day)?;
    // "mañana" is also the morning: "la mañana", "esta mañana", "por la mañana".
    if n == 1 && i > 0 && (cx.word(i - 1, "la") || cx.word(i - 1, "de") || cx.is(i - 1, Cat::This))
    {
        return None;
    }
    let mut end = i + 1;
    if n == 0 && cx.is(end, Cat::Weekday) {
        end += 1;
    }
    found(i, end, Base::Day(n))
}

/// "esta mañana", "esta semana", "este año", "este lunes", "este verano",
/// "estos últimos meses".
fn this(cx: &Cx, i: usize) -> Option<Parsed> {
    cx.get(i, Cat::This)?;
    let j = i + 1;
    if let Some(p) = cx.get(j, Cat::Part) {
        return found_part(i, j + 1, Base::Day(0), p as u32);
    }
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

/// "la semana pasada", "el mes próximo", "el año pasado", "el año 2001",
/// "los años 90", "la década de 1990".
fn unit_rel(cx: &Cx, i: usize) -> Option<Parsed> {
    let u = cx.get(i, Cat::Unit)?;
    if u == W || u == M || u == Y || u == Q {
        if cx.is(i + 1, Cat::Last) && !cx.word(i + 1, "ultimo") {
            return found(i, i + 2, Base::Rel { unit: u, n: -1 });
        }
        if cx.is(i + 1, Cat::Next) {
            return found(i, i + 2, Base::Rel { unit: u, n: 1 });
        }
        // "la semana que viene", "el año que viene".
        if cx.word(i + 1, "que") && cx.word(i + 2, "viene") {
            return found(i, i + 3, Base::Rel { unit: u, n: 1 });
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
            if cx.norm(i) == "anos" && v % 10 == 0 {
                return found(i, i + 2, Base::Decade(190 + v as i32 / 10));
            }
        }
    }
    if u == words::DE && cx.word(i + 1, "de") {
        if let Some(y) = cx.year4(i + 2) {
            return found(i, i + 3, Base::Decade(y / 10));
        }
    }
    None
}

/// "últimos meses", "próximas semanas", "próximos días": vague references.
fn last_next_plural(cx: &Cx, i: usize) -> Option<Parsed> {
    let r = if cx.is(i, Cat::Last) {
        -1
    } else if cx.is(i, Cat::Next) {
        1
    } else {
        return None;
    };
    let u = cx.get(i + 1, Cat::Unit)?;
    if !cx.norm(i + 1).ends_with('s') || !cx.norm(i).ends_with('s') || u == Q {
        return None;
    }
    found(i, i + 2, Base::Ref(r))
}

/// A count of units: "tres días", "un año", "dos semanas".
fn count_unit(cx: &Cx, j: usize) -> Option<(i32, i32, usize)> {
    let n = cx.cardinal(j)?;
    let u = cx.get(j + 1, Cat::Unit)?;
    (u <= Y).then_some((n, u, j + 2))
}

/// "tres días más tarde", "dos semanas antes.", "un año después.": counted
/// from the last day mentioned; "después"/"antes" only at the end of a
/// clause ("tres días después del ataque" counts from an event).
fn later(cx: &Cx, i: usize) -> Option<Parsed> {
    let (n, u, end) = count_unit(cx, i)?;
    let clause_end = |t: usize| cx.punct(t, ",") || cx.punct(t, ".") || t >= cx.doc.len();
    let (sign, end) = if cx.word(end, "mas") && cx.word(end + 1, "tarde") {
        (1, end + 2)
    } else if cx.word(end, "despues") && clause_end(end + 1) {
        (1, end + 1)
    } else if cx.word(end, "antes") && clause_end(end + 1) {
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

/// "hace tres días", "hace dos años", "hace unos días" (kept whole).
fn hace(cx: &Cx, i: usize) -> Option<Parsed> {
    if !cx.word(i, "hace") {
        return None;
    }
    let (n, u, end) = count_unit(cx, i + 1)?;
    if matches!(cx.norm(i + 1), "unos" | "unas" | "varios" | "varias") {
        return found(i, end, Base::Ref(-1));
    }
    found(i, end, Base::Rel { unit: u, n: -n })
}

/// "dentro de dos semanas" (extent without "dentro de").
fn dentro_de(cx: &Cx, i: usize) -> Option<Parsed> {
    if !(cx.word(i, "dentro") && cx.word(i + 1, "de")) {
        return None;
    }
    let (n, u, end) = count_unit(cx, i + 2)?;
    if u == D && n > 14 {
        return None;
    }
    if !tense::future(cx, i) && !cx.is(i, Cat::Lead) {
        return None;
    }
    found(i + 2, end, Base::Rel { unit: u, n })
}

/// "principios de 2018", "mediados de octubre", "finales de noviembre",
/// "finales de año", "comienzos de los años 90": the value is the period's.
fn edge(cx: &Cx, i: usize) -> Option<Parsed> {
    cx.get(i, Cat::Edge)?;
    let mut j = of(cx, i + 1)?;
    if cx.word(j, "los") || cx.word(j, "este") || cx.word(j, "esta") {
        j += 1;
    }
    let inner = longest_of!(
        month(cx, j),
        unit_rel(cx, j),
        year_bare(cx, j),
        century(cx, j),
        season(cx, j),
        this(cx, j.saturating_sub(1)).filter(|p| p.start + 1 == j),
    )
    .or_else(|| common::current_unit(cx, j))?;
    Some(Parsed { start: i, ..inner })
}

/// "verano de 2017", "el verano pasado", "este invierno" (with `this`).
fn season(cx: &Cx, i: usize) -> Option<Parsed> {
    let s = cx.get(i, Cat::Season)? as u32;
    if let Some((y, end)) = year_after(cx, i + 1) {
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
    let shift = if cx.is(i + 1, Cat::Last) {
        -1
    } else if cx.is(i + 1, Cat::Next) {
        1
    } else {
        0
    };
    let after_article = i > 0 && matches!(cx.norm(i - 1), "el" | "en" | "del" | "este" | "al");
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

/// "el tercer trimestre", "primer semestre de 2017".
fn quarter(cx: &Cx, i: usize) -> Option<Parsed> {
    let n = cx.get(i, Cat::Ord)?;
    let u = cx.get(i + 1, Cat::Unit)?;
    let q = match u {
        Q if (1..=4).contains(&n) => n as u32,
        words::H2 if (1..=2).contains(&n) => 4 + n as u32,
        _ => return None,
    };
    let y = year_after(cx, i + 2);
    found(
        i,
        y.map_or(i + 2, |(_, e)| e),
        Base::Quarter {
            q,
            year: y.map(|(y, _)| y),
        },
    )
}

/// "ahora", "actualmente", "recientemente".
fn reference(cx: &Cx, i: usize) -> Option<Parsed> {
    let r = cx.get(i, Cat::Ref)?;
    found(i, i + 1, Base::Ref(r))
}

/// "la víspera", "al día siguiente", "el mismo día".
fn anchor(cx: &Cx, i: usize) -> Option<Parsed> {
    let at = |end: usize, n: i32| {
        Some(Parsed {
            start: i,
            end,
            expr: Expr::new(Base::Anchor(n)),
            score: 80,
        })
    };
    if let Some(n) = cx.get(i, Cat::Anchor) {
        return at(i + 1, n);
    }
    if cx.word(i, "dia") && cx.word(i + 1, "siguiente") {
        return at(i + 2, 1);
    }
    if cx.word(i, "mismo") && cx.word(i + 1, "dia") {
        return at(i + 2, 0);
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

/// "en 2014", "desde 2011", "entre 1990 y 1999", "1982-1990".
fn year(cx: &Cx, i: usize) -> Option<Parsed> {
    if i == 0 {
        return None;
    }
    let prev = i - 1;
    let strong = cx.get(prev, Cat::YearPrep) == Some(1);
    let weak = cx.get(prev, Cat::YearPrep) == Some(0)
        || (cx.doc.is_hyphen(prev) && prev > 0 && cx.year4(prev - 1).is_some())
        || (cx.doc.is_hyphen(i + 1) && cx.glued(i + 1) && cx.year4(i + 2).is_some());
    let y = cx.year4(i)?;
    if !strong && !weak {
        return None;
    }
    // After a weak preposition a noun means an amount: "de 2000 personas".
    if !strong && cx.content_word(i + 1) {
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

/// "siglo XX" → 19 (the numeral after the noun, in capitals).
fn century(cx: &Cx, i: usize) -> Option<Parsed> {
    if !cx.word(i, "siglo") || !cx.is_word(i + 1) || !cx.upper(i + 1) {
        return None;
    }
    let n = common::roman(cx.norm(i + 1))?;
    found(i, i + 2, Base::Century(n - 1))
}

/// "15.00", "15:30", "las 15.00 horas", "a las 10 de la mañana", "las 15.00
/// hora local", "mediodía", with "15.00 del lunes". The extent leaves out "a
/// las" and keeps "hora local" / "GMT".
fn clock(cx: &Cx, i: usize) -> Option<Parsed> {
    if cx.word(i, "a") || cx.word(i, "las") {
        return None;
    }
    // "las 15.00", "la una": the article of a clock time.
    let from_las = i > 0 && (cx.word(i - 1, "las") || cx.word(i - 1, "la"));
    let (mut time, mut end) = if let Some(h) = cx.get(i, Cat::Noon) {
        ((h as u32, 0), i + 1)
    } else if let Some((h, n)) = cx.num(i) {
        if n > 2 || h > 24 {
            return None;
        }
        // "15.00", "9.30": the point as EFE writes a time.
        let dotted = (cx.punct(i + 1, ".") || cx.punct(i + 1, ":"))
            && cx.glued(i + 1)
            && cx.glued(i + 2)
            && matches!(cx.num(i + 2), Some((m, 2)) if m < 60);
        if dotted {
            let (m, _) = cx.num(i + 2)?;
            ((h, m), i + 3)
        } else if from_las || cx.is(i + 1, Cat::Hour) {
            ((h, 0), i + 1)
        } else {
            return None;
        }
    } else {
        return None;
    };
    if cx.is(end, Cat::Hour) {
        end += 1;
        if cx.word(end, "local") {
            end += 1;
        }
    } else if cx.word(end, "gmt") || cx.word(end, "utc") {
        end += 1;
    } else if !from_las && cx.get(i, Cat::Noon).is_none() {
        // "15.00" alone, with no "las" and no "horas": a score or an amount.
        return None;
    }
    // "las 10 de la mañana", "las 8 de la noche": the hour of that part.
    if let Some(k) = of(cx, end) {
        if let Some(part) = cx.get(k, Cat::Part) {
            // Afternoon and night hours after noon; "las 2 de la madrugada" stays.
            if (part == 2 || part == 4) && (1..12).contains(&time.0) && !(part == 4 && time.0 < 6) {
                time.0 += 12;
            }
            end = k + 1;
        }
    }
    let mut p = time_then_day(cx, i, end, time);
    // "a las 15.00 del lunes".
    if p.expr.base == Base::Time {
        if let Some(k) = of(cx, p.end) {
            if let Some(q) = longest_of!(weekday(cx, k), day_month(cx, k), day_word(cx, k)) {
                p.expr.base = q.expr.base;
                p.end = q.end;
            }
        }
    }
    Some(p)
}

#[cfg(test)]
mod tests;
