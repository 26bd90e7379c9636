//! Whole-pass tests of the date recogniser that hold for every language, and
//! the helpers each language's tests use (`src/locales/<code>/dates/tests.rs`).

use super::*;
use crate::text::Doc;

/// (text, value) of every date candidate found with `grammar`.
pub(crate) fn dates(
    text: &str,
    grammar: &Grammar,
    dct: Option<&str>,
) -> Vec<(String, Option<String>)> {
    let doc = Doc::new(text);
    let mut out = Vec::new();
    find(&doc, grammar, dct.and_then(Date::parse), &mut out);
    out.iter()
        .map(|c| {
            assert_eq!(c.kind, Kind::Date);
            assert_eq!(c.source, Source::Rule);
            let v = match &c.value {
                Some(Value::Date(s)) => Some(s.clone()),
                _ => None,
            };
            (text[c.start..c.end].to_string(), v)
        })
        .collect()
}

/// Every language's grammar, and the one of a language without a locale.
fn grammars() -> impl Iterator<Item = &'static Grammar> {
    crate::locales::LOCALES
        .iter()
        .map(|l| l.dates)
        .chain([&NUMERIC])
}

/// The expected (text, value) pairs.
pub(crate) fn pairs(v: &[(&str, &str)]) -> Vec<(String, Option<String>)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), Some(b.to_string())))
        .collect()
}

#[test]
fn undetermined_language_takes_numeric_forms_only() {
    assert_eq!(
        dates(
            "2017-11-03 vendredi 03/11/2017 15:00 Friday",
            &NUMERIC,
            Some("2017-11-04")
        ),
        pairs(&[
            ("2017-11-03", "2017-11-03"),
            ("03/11/2017", "2017-11-03"),
            ("15:00", "2017-11-03T15:00")
        ])
    );
}

#[test]
fn never_panics_on_odd_input() {
    for t in [
        "",
        "1er",
        "il y a",
        "du 31 au",
        "12:",
        "99/99/9999",
        "mi-",
        "Nov.",
        "2017-",
        "XIXe",
        "à 25 h 99",
        "3 p.",
    ] {
        for g in grammars() {
            let _ = dates(t, g, Some("2017-11-04"));
            let _ = dates(t, g, None);
        }
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_gives_valid_candidates(s in "(\\PC|[0-9 /:.h-]|lundi|Nov|mi|fin|il y a|ago|p\\.m\\.|siècle|XIXe|1er|1990s){0,40}") {
            for g in grammars() {
                for dct in [None, Date::parse("2017-11-04"), Date::parse("0001-01-01"), Date::parse("9999-12-31")] {
                    let doc = Doc::new(&s);
                    let mut out = Vec::new();
                    find(&doc, g, dct, &mut out);
                    for c in &out {
                        prop_assert!(c.start < c.end && c.end <= s.len());
                        prop_assert!(s.is_char_boundary(c.start) && s.is_char_boundary(c.end));
                    }
                    let _ = crate::dateline::find(&doc, g, grammars());
                }
            }
        }
    }
}
