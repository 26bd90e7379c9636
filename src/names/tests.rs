//! The names pass, whatever the language: the helper the languages' own
//! tests use (`src/locales/<code>/names_tests.rs`), and what is left of names
//! in a language without a locale.

use super::*;
use crate::span::Kind;

/// The resolved spans the names pass finds in `text`, read as `lang`.
pub(crate) fn spans(text: &str, lang: Lang) -> Vec<(String, Kind)> {
    spans_with(text, lang, crate::locales::of(lang).names)
}

/// True when `s` holds `text` as a span of `kind`.
pub(crate) fn has(s: &[(String, Kind)], text: &str, kind: Kind) -> bool {
    s.iter().any(|(t, k)| t == text && *k == kind)
}

/// As [`spans`], with the names piece `cues`.
pub(crate) fn spans_with(text: &str, lang: Lang, cues: &Cues) -> Vec<(String, Kind)> {
    let doc = Doc::new(text);
    let mut out = Vec::new();
    find(&doc, lang, cues, &Setting::default(), &mut out);
    crate::resolve::resolve(text, out)
        .into_iter()
        .map(|s| (s.text, s.kind))
        .collect()
}

#[test]
fn a_language_without_a_locale_still_finds_gazetteer_names() {
    let s = spans("Der Minister flog am Montag nach Washington.", Lang::UND);
    assert!(
        s.contains(&("Washington".to_string(), Kind::Place)),
        "{s:?}"
    );
}

#[test]
fn no_input_makes_names_panic() {
    for text in [
        "",
        "A",
        "A.",
        "al",
        "al-",
        "O'",
        "J.P.",
        "Leeds 2",
        "\n\nX Y Z",
    ] {
        for lang in crate::locales::LOCALES.iter().map(|l| l.lang) {
            let _ = spans(text, lang);
        }
        let _ = spans(text, Lang::UND);
    }
}

#[test]
fn plurals_in_ies_are_read_as_their_singular_when_the_language_says_so() {
    let und = crate::locales::of(Lang::UND).names;
    let on = Cues {
        plural_ies_to_y: true,
        ..**und
    };
    let off = Cues {
        plural_ies_to_y: false,
        ..**und
    };
    assert!(frequent::common_or_plural(Lang::UND, &on, "deputies"));
    assert!(!frequent::common_or_plural(Lang::UND, &off, "deputies"));
}
