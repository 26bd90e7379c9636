//! The Esperanto date grammar of the test language: numeric dates,
//! "vendredon", "hieraŭ", "la 3-an de novembro 2026".

use crate::dates::common::{self, found, longest, when, Cx};
use crate::dates::expr::{Base, Parsed};
use crate::dates::words::{Cat, Words};
use crate::dates::Grammar;
use std::sync::LazyLock;

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    Words::parse(
        crate::locales::data::eo::DATES_TXT,
        crate::locales::data::eo::STOPWORDS_TXT,
    )
});

/// The Esperanto part of date finding.
pub static GRAMMAR: Grammar = Grammar {
    parse,
    words: Some(&WORDS),
};

/// The longest Esperanto date expression starting at token `i`.
fn parse(cx: &Cx, i: usize) -> Option<Parsed> {
    let at = cx.at(i);
    longest([
        when(at.digit, || common::parse(cx, i, true)),
        when(at.digit, || day_month(cx, i)),
        when(at.any(&[Cat::Weekday]), || {
            let wd = cx.get(i, Cat::Weekday)? as u32;
            found(i, i + 1, Base::Weekday { wd, shift: 0 })
        }),
        when(at.any(&[Cat::Day]), || {
            found(i, i + 1, Base::Day(cx.get(i, Cat::Day)?))
        }),
    ])
}

/// "3-an de novembro", "3 novembro 2026": the day, its ending, "de", the month, a year.
fn day_month(cx: &Cx, i: usize) -> Option<Parsed> {
    let day = cx.day(i)?;
    let mut j = i + 1;
    if cx.doc.is_hyphen(j) && cx.is(j + 1, Cat::DaySuffix) {
        j += 2;
    }
    if cx.word(j, "de") {
        j += 1;
    }
    let (month, mut end) = cx.month(j)?;
    let year = cx.year4(end);
    if year.is_some() {
        end += 1;
    }
    found(
        i,
        end,
        Base::Cal {
            year,
            month: Some(month),
            day: Some(day),
        },
    )
}
