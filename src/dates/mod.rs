//! Dates: the pass that finds them, and their TIMEX3 values.
//!
//! Organised like wanasit/chrono: each language's grammar lives in its locale
//! (`src/locales/<code>/dates/`) and reaches this pass as a [`Grammar`]; here
//! are the forms every language shares ([`common`]: ISO and numeric dates,
//! clock times), the date words' loading ([`words`]), and a
//! language-independent [`resolve`]r that turns a parsed [`expr::Expr`] into
//! a TIMEX3 value against the reference date. Parsing and resolving are
//! separate and tested separately. Every value leaves through
//! [`timex::is_valid`]: a real day of years 0000–9999, or no value. No word
//! of a language is written here: the words are the locale's data.
//!
//! Throughput: one pass over the tokens; a token is looked at only when it is
//! a number or one of the language's date words (one hash look-up of its
//! folded form), and the grammar then reads a few tokens from there. No regex
//! runs over the text.

pub mod common;
pub mod expr;
pub mod extent;
pub mod holidays;
pub mod resolve;
pub mod tense;
pub mod timex;
pub mod words;

use crate::calendar::Date;
use crate::span::{Candidate, Kind, Source, Value};
use crate::text::Doc;
use common::Cx;
use expr::{Base, Parsed};
use resolve::Ctx;
use std::sync::LazyLock;
use words::Words;

/// One language's part of date finding, filled in by its locale: the grammar
/// that reads an expression at a token, and the words it reads.
pub struct Grammar {
    /// The longest expression starting at a token.
    pub parse: fn(&Cx, usize) -> Option<Parsed>,
    /// The date words; `None` for a language without them, which is read
    /// for numeric forms only.
    pub words: Option<&'static LazyLock<Words>>,
}

impl Grammar {
    /// The date words, loaded at first use.
    pub fn words(&self) -> Option<&'static Words> {
        self.words.map(|w| &**w)
    }
}

/// The grammar of a language without one: ISO and numeric dates (day
/// first) and clock times.
pub static NUMERIC: Grammar = Grammar {
    parse: numeric,
    words: None,
};

fn numeric(cx: &Cx, i: usize) -> Option<Parsed> {
    common::parse(cx, i, false)
}

/// Proposes date candidates with values resolved against `dct`.
pub fn find(doc: &Doc, grammar: &Grammar, dct: Option<Date>, out: &mut Vec<Candidate>) {
    let cx = Cx::cached(doc, grammar.words());
    let mut anchor: Option<Date> = None;
    // A year written earlier in the current sentence: (year, sentence start).
    let mut year_hint: Option<(i32, usize)> = None;
    let mut sentence = 0usize;
    // The day each weekday was last resolved to: a bare "dimanche" after
    // "DIMANCHE" (future) or "samedi 29 mai" is the same day, unless its own
    // sentence speaks of the future.
    let mut seen: [Option<Date>; 8] = [None; 8];
    let mut quarter: Option<(i32, u32)> = None;
    // The year of the last date with a known year ("that year").
    let mut last_year: Option<i32> = None;
    let mut i = 0usize;
    let n = doc.len();
    while i < n {
        if doc.tokens[i].sentence_start {
            sentence = i;
        }
        if !cx.is_trigger(i) {
            i += 1;
            continue;
        }
        let Some(p) = parse(&cx, grammar, i) else {
            i += 1;
            continue;
        };
        let year_earlier = p.expr.base == Base::YearEarlier;
        let p = extent::periods(&cx, p, quarter, dct.map(|d| d.year));
        let p = extent::day_and_time(&cx, grammar, p);
        let p = extent::premodifiers(&cx, p);
        if is_set(&cx, p.start) {
            i = p.end.max(i + 1);
            continue;
        }
        let ctx = Ctx {
            dct,
            anchor,
            future: needs_tense(&p) && tense::future(&cx, p.start),
            year_hint: year_hint.filter(|h| h.1 == sentence).map(|h| h.0),
            quarter,
            last_year,
        };
        let mut expr = p.expr;
        if let (Base::Weekday { wd, shift: 0 }, false) = (expr.base, ctx.future) {
            if let Some(d) = seen.get(wd as usize).copied().flatten() {
                expr.base = Base::Cal {
                    year: Some(d.year),
                    month: Some(d.month),
                    day: Some(d.day),
                };
            }
        }
        let r = resolve::resolve(&expr, &ctx);
        if let Some(d) = r.day {
            anchor = Some(d);
            // Only days named by their weekday: "Aug. 7" does not tell
            // which Friday a later "Friday" is.
            if cx.is(p.start, words::Cat::Weekday) {
                if let Some(slot) = seen.get_mut(d.weekday() as usize) {
                    *slot = Some(d);
                }
            }
        }
        if let Base::Cal { year: Some(y), .. } = p.expr.base {
            year_hint = Some((y, sentence));
        }
        if let Some(y) = r.value.as_deref().and_then(value_year) {
            last_year = Some(y);
        }
        let (Some(first), Some(last)) = (doc.tokens.get(p.start), doc.tokens.get(p.end - 1)) else {
            i += 1;
            continue;
        };
        // "a year earlier" speaks of the quarter in context, a year back:
        // it does not change which quarter the dispatch is about.
        if let Some(q) = r.value.as_deref().and_then(parse_quarter) {
            if !year_earlier {
                quarter = Some(q);
            }
        }
        let mut c = Candidate::new(first.start, last.end, Kind::Date, Source::Rule, p.score);
        c.value = r.value.map(Value::Date);
        out.push(c);
        // Keep the sentence start right when the match spans one.
        for t in i + 1..p.end.min(n) {
            if doc.tokens[t].sentence_start {
                sentence = t;
            }
        }
        i = p.end.max(i + 1);
    }
}

/// The year of a value that has one: "1998-10-23" → 1998 ("XXXX-10", "199",
/// "PAST_REF" have none).
fn value_year(v: &str) -> Option<i32> {
    let y = v.get(..4)?;
    if !y.bytes().all(|b| b.is_ascii_digit()) || v.len() > 4 && v.as_bytes()[4] != b'-' {
        return None;
    }
    y.parse().ok()
}

/// "1989-Q3" → (1989, 3).
fn parse_quarter(v: &str) -> Option<(i32, u32)> {
    let (y, q) = v.split_once("-Q")?;
    if y.len() != 4 || q.len() != 1 {
        return None;
    }
    Some((
        y.parse().ok()?,
        q.parse().ok().filter(|q| (1..=4).contains(q))?,
    ))
}

/// Parses the expression at token `i` with the language's grammar.
pub fn parse(cx: &Cx, grammar: &Grammar, i: usize) -> Option<Parsed> {
    let p = (grammar.parse)(cx, i)?;
    (p.end > p.start && p.start + 3 >= i).then_some(p)
}

/// "chaque lundi", "tous les lundis", "every Monday": a set, not a date.
fn is_set(cx: &Cx, start: usize) -> bool {
    use words::Cat;
    // Value 0: right before ("chaque lundi"); 1: only with an article
    // between ("tous les lundis", but "fixé à tous samedi").
    (start >= 1 && cx.get(start - 1, Cat::Every) == Some(0))
        || (start >= 2 && cx.is(start - 2, Cat::Every) && cx.is(start - 1, Cat::Prep))
}

/// Whether the value depends on the tense of the sentence.
fn needs_tense(p: &Parsed) -> bool {
    matches!(
        p.expr.base,
        Base::Weekday { shift: 0, .. }
            | Base::Cal { year: None, .. }
            | Base::MonthRel { shift: 0, .. }
            | Base::Holiday { shift: 0, .. }
            | Base::NthWeekday { year: None, .. }
            | Base::WeekdayDay { .. }
    )
}

#[cfg(test)]
pub(crate) mod tests;
