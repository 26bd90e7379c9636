//! Grammar pieces every language shares: the token cursor the grammars read
//! through, and the forms that do not depend on language (ISO dates, numeric
//! dates, clock times "15:00", plausible years).
//!
//! Everything works on the tokens of [`Doc`]; nothing allocates.

use super::expr::{Base, Expr, Parsed};
use super::words::{Cat, Entry, Words};
use crate::text::{Doc, TokKind};

/// What a token can start, looked up once: the grammars call only the forms
/// that can start there, which keeps the cost per trigger low.
#[derive(Clone, Copy, Debug, Default)]
pub struct At {
    /// A number, or a word starting with a digit ("1er", "15h30", "1990s").
    pub digit: bool,
    entry: Option<Entry>,
}

impl At {
    /// True when the token has a reading in one of `cats`.
    #[inline]
    pub fn any(&self, cats: &[Cat]) -> bool {
        self.entry.is_some_and(|e| e.any(Cat::bits(cats)))
    }
}

/// Runs `f` only when `cond` holds.
#[inline]
pub fn when(cond: bool, f: impl FnOnce() -> Option<Parsed>) -> Option<Parsed> {
    if cond {
        f()
    } else {
        None
    }
}

/// The text and the words of a language, with small helpers over tokens.
pub struct Cx<'d, 'a> {
    pub doc: &'d Doc<'a>,
    pub words: Option<&'static Words>,
    /// The date-word entry of every token, looked up once ([`Cx::cached`]),
    /// or empty: then each question hashes the token's folded form. A
    /// grammar asks about the same token many times per position.
    entries: Vec<Option<&'static Entry>>,
    /// What [`Cx::cached`] read of each token besides: [`TRIGGER`],
    /// [`ROMAN_START`] (empty when not cached).
    flags: Vec<u8>,
}

/// The token can start an expression: a number, a word starting with a
/// digit, a date word that triggers.
const TRIGGER: u8 = 1;
/// A word starting with `i`, `v` or `x`: it triggers before a word that
/// counts centuries in Roman numerals.
const ROMAN_START: u8 = 2;

impl<'d, 'a> Cx<'d, 'a> {
    /// A cursor that looks words up as it is asked (a few questions, as
    /// a dateline's).
    pub fn new(doc: &'d Doc<'a>, words: Option<&'static Words>) -> Self {
        Cx {
            doc,
            words,
            entries: Vec::new(),
            flags: Vec::new(),
        }
    }

    /// A cursor for a pass over the whole text: every word token's entry
    /// is looked up once, here.
    pub fn cached(doc: &'d Doc<'a>, words: Option<&'static Words>) -> Self {
        let folded = doc.folded.as_bytes();
        let mut entries = Vec::with_capacity(doc.len());
        let mut flags = Vec::with_capacity(doc.len());
        for tok in &doc.tokens {
            let (entry, flag) = match (tok.kind, words) {
                (TokKind::Number, _) => (None, TRIGGER),
                (TokKind::Word, Some(w)) => {
                    let (from, to) = (tok.fstart as usize, tok.fend as usize);
                    let rest = folded.get(from..).unwrap_or_default();
                    let entry = w.entry_at(rest, to - from);
                    let flag = match rest.first() {
                        _ if to == from => 0,
                        Some(b) if b.is_ascii_digit() => TRIGGER,
                        _ if entry.is_some_and(|e| e.triggers()) => TRIGGER,
                        Some(b'i' | b'v' | b'x') => ROMAN_START,
                        _ => 0,
                    };
                    (entry, flag)
                }
                _ => (None, 0),
            };
            entries.push(entry);
            flags.push(flag);
        }
        Cx {
            doc,
            words,
            entries,
            flags,
        }
    }

    /// The date-word entry of token `t` (a word), if any.
    #[inline]
    pub fn entry(&self, t: usize) -> Option<&'static Entry> {
        if let Some(&e) = self.entries.get(t) {
            return e;
        }
        if t >= self.doc.len() || self.doc.tokens[t].kind != TokKind::Word {
            return None;
        }
        self.words.and_then(|w| w.entry(self.doc.norm(t)))
    }

    /// A number, a word starting with a digit ("1er", "15h30", "1990s"),
    /// a date word of the language, or a Roman numeral before a word that
    /// counts centuries that way ("XIXe siècle": `roman` in the data): a
    /// token an expression can start at.
    #[inline]
    pub fn is_trigger(&self, i: usize) -> bool {
        if let Some(&f) = self.flags.get(i) {
            return f & TRIGGER != 0 || (f & ROMAN_START != 0 && self.is(i + 1, Cat::Roman));
        }
        let Some(tok) = self.doc.tokens.get(i) else {
            return false;
        };
        match tok.kind {
            TokKind::Number => true,
            TokKind::Punct => false,
            TokKind::Word => {
                if self.words.is_none() {
                    return false;
                }
                let s = self.doc.norm(i);
                let Some(&b) = s.as_bytes().first() else {
                    return false;
                };
                b.is_ascii_digit()
                    || self.entry(i).is_some_and(|e| e.triggers())
                    || (matches!(b, b'i' | b'v' | b'x') && self.is(i + 1, Cat::Roman))
            }
        }
    }

    /// What token `t` can start.
    pub fn at(&self, t: usize) -> At {
        if t >= self.doc.len() {
            return At::default();
        }
        let digit = self
            .doc
            .norm(t)
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_digit);
        At {
            digit,
            entry: self.entry(t).copied(),
        }
    }

    /// Folded form of token `t`, "" past the end.
    #[inline]
    pub fn norm(&self, t: usize) -> &str {
        if t < self.doc.len() {
            self.doc.norm(t)
        } else {
            ""
        }
    }

    /// The value of token `t` in a category.
    #[inline]
    pub fn get(&self, t: usize, cat: Cat) -> Option<i32> {
        self.entry(t).and_then(|e| e.get(cat))
    }

    /// True when token `t` is a word with a reading in `cat`.
    #[inline]
    pub fn is(&self, t: usize, cat: Cat) -> bool {
        self.get(t, cat).is_some()
    }

    /// True when token `t` is exactly the folded word `w`.
    #[inline]
    pub fn word(&self, t: usize, w: &str) -> bool {
        self.doc.is(t, w)
    }

    /// True when token `t` is punctuation `p` (folded).
    #[inline]
    pub fn punct(&self, t: usize, p: &str) -> bool {
        t < self.doc.len() && self.doc.tokens[t].kind == TokKind::Punct && self.doc.norm(t) == p
    }

    /// True when token `t` is glued to the previous one (no space).
    #[inline]
    pub fn glued(&self, t: usize) -> bool {
        t < self.doc.len() && !self.doc.tokens[t].space_before
    }

    /// True when token `t` starts with an upper-case letter.
    #[inline]
    pub fn upper(&self, t: usize) -> bool {
        t < self.doc.len() && self.doc.tokens[t].upper
    }

    /// True when token `t` is a word.
    #[inline]
    pub fn is_word(&self, t: usize) -> bool {
        t < self.doc.len() && self.doc.tokens[t].kind == TokKind::Word
    }

    /// Value and digit count of a number token.
    #[inline]
    pub fn num(&self, t: usize) -> Option<(u32, usize)> {
        if t >= self.doc.len() || self.doc.tokens[t].kind != TokKind::Number {
            return None;
        }
        let s = self.doc.norm(t);
        if s.len() > 4 {
            return None;
        }
        s.parse().ok().map(|v| (v, s.len()))
    }

    /// A day of the month: "3", "03", or digits with an ending of the
    /// language ("1er", "3rd": `daysuffix` in the data).
    pub fn day(&self, t: usize) -> Option<u32> {
        if let Some((v, n)) = self.num(t) {
            return (n <= 2 && (1..=31).contains(&v)).then_some(v);
        }
        if !self.is_word(t) {
            return None;
        }
        let s = self.norm(t);
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 2 {
            return None;
        }
        let suffix = s.get(digits..)?;
        self.words?.get(suffix, Cat::DaySuffix)?;
        let v: u32 = s.get(..digits)?.parse().ok()?;
        (1..=31).contains(&v).then_some(v)
    }

    /// A cardinal: digits or a number word.
    pub fn cardinal(&self, t: usize) -> Option<i32> {
        if let Some((v, n)) = self.num(t) {
            return (n <= 3).then_some(v as i32);
        }
        self.get(t, Cat::Num)
    }

    /// A four-digit year token (1000–2199) that is not part of a bigger number.
    pub fn year4(&self, t: usize) -> Option<i32> {
        let (v, n) = self.num(t)?;
        if n != 4 || !(1000..=2199).contains(&v) {
            return None;
        }
        // "2 000" or "1,500": digit groups are amounts.
        if t > 0 && self.num(t - 1).is_some() {
            return None;
        }
        // "1462.93", "2,000": part of a number.
        if (self.punct(t + 1, ",") || self.punct(t + 1, ".") || self.punct(t + 1, ":"))
            && self.glued(t + 1)
            && self.glued(t + 2)
            && t + 2 < self.doc.len()
            && self.doc.tokens[t + 2].kind == TokKind::Number
        {
            return None;
        }
        Some(v as i32)
    }

    /// True when token `t` is not one of the language's date words.
    pub fn no_date_word(&self, t: usize) -> bool {
        self.entry(t).is_none()
    }

    /// True when token `t` is a lower-case content word (not a function
    /// word of the language): "2000 personnes" is an amount.
    pub fn content_word(&self, t: usize) -> bool {
        self.is_word(t)
            && !self.upper(t)
            && self
                .words
                .is_some_and(|w| !w.is_function_word(self.doc.norm(t)))
            && !self.is(t, Cat::YearPrep)
    }

    /// A month word at `t` (with its abbreviation dot): (month, next token).
    pub fn month(&self, t: usize) -> Option<(u32, usize)> {
        if let Some(m) = self.get(t, Cat::Month) {
            return Some((m as u32, t + 1));
        }
        let m = self.get(t, Cat::MonthAbbr)?;
        if self.punct(t + 1, ".") && self.glued(t + 1) {
            Some((m as u32, t + 2))
        } else {
            Some((m as u32, t + 1))
        }
    }

    /// The longest phrase of category `cat` (several words in the data,
    /// `new_year_s_day`) starting at `t`: its value and the next token. A
    /// hyphen or apostrophe glued inside the phrase is passed over
    /// ("Aïd el-Fitr", "jour de l'an", "New Year's Day").
    pub fn phrase(&self, t: usize, cat: Cat) -> Option<(i32, usize)> {
        if !self.is(t, Cat::Phrase) {
            return None;
        }
        let mut best: Option<(i32, usize)> = None;
        for (ws, v) in self.words?.phrases(cat) {
            let mut k = t;
            let mut ok = true;
            for (n, w) in ws.iter().enumerate() {
                if n > 0
                    && (self.doc.is_hyphen(k) || self.doc.is_apostrophe(k))
                    && self.glued(k)
                    && self.glued(k + 1)
                {
                    k += 1;
                }
                if !(self.is_word(k) && self.norm(k) == *w) {
                    ok = false;
                    break;
                }
                k += 1;
            }
            if ok && best.map_or(true, |b| k > b.1) {
                best = Some((v, k));
            }
        }
        best
    }

    /// A season's pair of years after a first year at `t`: "2023/2024",
    /// "2023/24", "2023-24" (the next year only): the token after it. The
    /// grammars give the span the first year's value, the year the season
    /// starts in (TIMEX3 has no value for a span of two years; "1982-1990"
    /// stays two dates).
    pub fn year_span(&self, t: usize) -> Option<usize> {
        let y = self.year4(t)?;
        if !((self.punct(t + 1, "/") || self.doc.is_hyphen(t + 1))
            && self.glued(t + 1)
            && self.glued(t + 2))
        {
            return None;
        }
        let (v, n) = self.num(t + 2)?;
        let next = match n {
            2 => (y + 1) % 100,
            4 if self.punct(t + 1, "/") => y + 1,
            _ => return None,
        };
        (v as i32 == next).then_some(t + 3)
    }

    /// True when tokens `a`, `-`, `b` form the hyphenated word "a-b".
    pub fn hyph(&self, t: usize, a: &str, b: &str) -> bool {
        self.word(t, a) && self.doc.is_hyphen(t + 1) && self.word(t + 2, b)
    }
}

/// ISO 8601 "2017-11-03" (also "2017-11"), optionally with "T15:00".
pub fn iso_date(cx: &Cx, i: usize) -> Option<Parsed> {
    let (y, 4) = cx.num(i)? else { return None };
    if !(cx.doc.is_hyphen(i + 1) && cx.glued(i + 1) && cx.glued(i + 2)) {
        return None;
    }
    let (m, 2) = cx.num(i + 2)? else { return None };
    if !(1..=12).contains(&m) {
        return None;
    }
    let (day, end) = if cx.doc.is_hyphen(i + 3) && cx.glued(i + 3) && cx.glued(i + 4) {
        match cx.num(i + 4) {
            Some((d, 2)) if (1..=31).contains(&d) => (Some(d), i + 5),
            _ => return None,
        }
    } else {
        (None, i + 3)
    };
    let mut e = Expr::new(Base::Cal {
        year: Some(y as i32),
        month: Some(m),
        day,
    });
    let mut end = end;
    if day.is_some() && cx.glued(end) && cx.word(end, "t") {
        if let Some((time, e2)) = clock_colon(cx, end + 1) {
            e.time = Some(time);
            end = e2;
        }
    }
    Some(Parsed {
        start: i,
        end,
        expr: e,
        score: 90,
    })
}

/// The day and month of two numbers in the text's order: day first unless
/// `month_first` (US usage), and a first number over 12 is always a day;
/// `None` when they cannot be a day and a month.
fn day_and_month(a: u32, b: u32, month_first: bool) -> Option<(u32, u32)> {
    let (d, m) = if month_first && a <= 12 {
        (b, a)
    } else {
        (a, b)
    };
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((d, m))
}

/// Numeric "03/11/2017", day first unless `month_first` (US usage); a first
/// number over 12 is always a day.
pub fn numeric_date(cx: &Cx, i: usize, month_first: bool) -> Option<Parsed> {
    let (a, na) = cx.num(i)?;
    if na > 2 || !cx.punct(i + 1, "/") || !cx.glued(i + 1) || !cx.glued(i + 2) {
        return None;
    }
    let (b, nb) = cx.num(i + 2)?;
    if nb > 2 || !cx.punct(i + 3, "/") || !cx.glued(i + 3) || !cx.glued(i + 4) {
        return None;
    }
    let (y, ny) = cx.num(i + 4)?;
    let year = match ny {
        4 => y as i32,
        2 => {
            if y < 50 {
                2000 + y as i32
            } else {
                1900 + y as i32
            }
        }
        _ => return None,
    };
    let (d, m) = day_and_month(a, b, month_first)?;
    Some(Parsed {
        start: i,
        end: i + 5,
        expr: Expr::new(Base::Cal {
            year: Some(year),
            month: Some(m),
            day: Some(d),
        }),
        score: 90,
    })
}

/// A day and month in figures without a year, after a word that announces
/// a day (`dayprep` in the data: "le 17/02", "on 12/25") or a weekday:
/// day first unless `month_first` (a first number over 12 is a day).
/// Without that word, "2/3" is a fraction or a score.
pub fn numeric_day_month(cx: &Cx, i: usize, month_first: bool) -> Option<Parsed> {
    if i == 0 || !(cx.is(i - 1, Cat::DayPrep) || cx.is(i - 1, Cat::Weekday)) {
        return None;
    }
    let (a, na) = cx.num(i)?;
    if na > 2 || !cx.punct(i + 1, "/") || !cx.glued(i + 1) || !cx.glued(i + 2) {
        return None;
    }
    let (b, nb) = cx.num(i + 2)?;
    if nb > 2 || (cx.glued(i + 3) && (cx.punct(i + 3, "/") || cx.num(i + 3).is_some())) {
        return None;
    }
    let (d, m) = day_and_month(a, b, month_first)?;
    Some(Parsed {
        start: i,
        end: i + 3,
        expr: Expr::new(Base::Cal {
            year: None,
            month: Some(m),
            day: Some(d),
        }),
        score: 80,
    })
}

/// "15:00" / "9:30": the time and the next token.
pub fn clock_colon(cx: &Cx, i: usize) -> Option<((u32, u32), usize)> {
    let (h, nh) = cx.num(i)?;
    if nh > 2 || h > 24 || !cx.punct(i + 1, ":") || !cx.glued(i + 1) || !cx.glued(i + 2) {
        return None;
    }
    let (m, 2) = cx.num(i + 2)? else { return None };
    if m > 59 {
        return None;
    }
    // "1:30:00" and "4:08.22" are durations; "3:2" is not a time.
    if (cx.punct(i + 3, ":") || cx.punct(i + 3, ".") || cx.punct(i + 3, ","))
        && cx.glued(i + 3)
        && cx.glued(i + 4)
        && cx.num(i + 4).is_some()
    {
        return None;
    }
    Some(((h, m), i + 3))
}

/// A clock time alone, "15:00", resolved on the day in context.
pub fn clock(cx: &Cx, i: usize) -> Option<Parsed> {
    let (time, end) = clock_colon(cx, i)?;
    Some(Parsed {
        start: i,
        end,
        expr: Expr {
            base: Base::Time,
            part: None,
            time: Some(time),
        },
        score: 80,
    })
}

/// A full match of the grammar from token `start` to `end` (exclusive).
pub fn found(start: usize, end: usize, base: Base) -> Option<Parsed> {
    Some(Parsed {
        start,
        end,
        expr: Expr::new(base),
        score: 90,
    })
}

/// [`found`] with a part of the day ("tonight", "ce soir", "last night").
pub fn found_part(start: usize, end: usize, base: Base, part: u32) -> Option<Parsed> {
    let mut p = found(start, end, base)?;
    p.expr.part = Some(part);
    Some(p)
}

/// A clock time ending at `end` (exclusive), with the day that may follow
/// it ("3 p.m. Thursday", "18 h lundi", "10:00 GMT the 4th"): the parse from
/// token `start`, resolved on that day, or on the day in context.
pub fn time_then_day(cx: &Cx, start: usize, mut end: usize, time: (u32, u32)) -> Parsed {
    let mut base = Base::Time;
    if let Some(wd) = cx.get(end, Cat::Weekday) {
        base = Base::Weekday {
            wd: wd as u32,
            shift: 0,
        };
        end += 1;
    } else if let Some(n) = cx.get(end, Cat::Day) {
        base = Base::Day(n);
        end += 1;
    }
    Parsed {
        start,
        end,
        expr: Expr {
            base,
            part: None,
            time: Some(time),
        },
        score: 85,
    }
}

/// The language-independent forms at `i`.
pub fn parse(cx: &Cx, i: usize, month_first: bool) -> Option<Parsed> {
    iso_date(cx, i)
        .or_else(|| numeric_date(cx, i, month_first))
        .or_else(|| clock(cx, i))
}

/// A bare week, month or year word standing for the current one, as the
/// object of "end of", "start of" ("fin de l'année", "the end of the month").
pub fn current_unit(cx: &Cx, j: usize) -> Option<Parsed> {
    use super::words::{M, W, Y};
    let u = cx.get(j, Cat::Unit)?;
    (u == W || u == M || u == Y).then(|| Parsed {
        start: j,
        end: j + 1,
        expr: Expr::new(Base::Rel { unit: u, n: 0 }),
        score: 90,
    })
}

/// [`longest`] of matches written out, for a grammar's long list of
/// forms: each is tried and compared in turn, and none is first copied
/// into an array (a list of two dozen forms copied kilobytes per token).
macro_rules! longest_of {
    ($($cand:expr),+ $(,)?) => {{
        let mut best: Option<$crate::dates::expr::Parsed> = None;
        $(
            if let Some(p) = $cand {
                if best.map_or(true, |b| p.end > b.end) {
                    best = Some(p);
                }
            }
        )+
        best
    }};
}
pub(crate) use longest_of;

/// Picks the longest of several matches (the first among equals). The
/// matches are read in place: only the longest is copied out.
pub fn longest<const N: usize>(cands: [Option<Parsed>; N]) -> Option<Parsed> {
    let mut best: Option<&Parsed> = None;
    for p in cands.iter().flatten() {
        if best.map_or(true, |b| p.end > b.end) {
            best = Some(p);
        }
    }
    best.copied()
}

/// A Roman numeral of a century, in lower case: "xix" → 19 (1 to 30; the
/// grammars read "XIXe siècle", "siglo XIX" with it).
pub fn roman(s: &str) -> Option<i32> {
    if s.is_empty() || s.len() > 6 {
        return None;
    }
    let mut total = 0i32;
    let mut prev = 0i32;
    for c in s.bytes().rev() {
        let v = match c {
            b'i' => 1,
            b'v' => 5,
            b'x' => 10,
            b'l' => 50,
            b'c' => 100,
            _ => return None,
        };
        if v < prev {
            total -= v;
        } else {
            total += v;
            prev = v;
        }
    }
    (1..=30).contains(&total).then_some(total)
}
