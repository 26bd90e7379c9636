//! A language is a folder: the test language Esperanto is nothing but
//! `src/locales/eo/`, `data/lang/eo/` and its line in
//! `data/lang/languages.tsv` (with the `test-locale` feature), and depeche
//! detects it, finds its dates with their values, and its people by their
//! titles, through the same recognisers as every other language.
//!
//! `cargo test -p depeche --features test-locale --test test_locale`
//! (scripts/test.sh runs it); without the feature this file is empty.
#![cfg(feature = "test-locale")]

use depeche::{annotate, Date, Kind, Lang, Options};

fn eo() -> Lang {
    Lang::parse("eo").expect("the test language is in the registry")
}

#[test]
fn the_test_language_is_in_the_registry() {
    assert!(depeche::locales::LOCALES.iter().any(|l| l.lang == eo()));
    assert!(depeche::locales::accepted_codes().contains("eo"));
}

#[test]
fn a_sentence_in_esperanto_is_detected_and_annotated() {
    let text = "Hieraŭ la prezidanto Jean Dupont diris, ke la kunveno de vendredo estis \
                nur la unua: la dua okazos la 3-an de novembro 2027 en Lyon.";
    let options = Options {
        dct: Date::new(2026, 12, 6),
        ..Options::default()
    };
    let r = annotate(text, &options);
    assert_eq!(r.lang, eo(), "detected from its function words");
    let found: Vec<(&str, Kind, Option<String>)> = r
        .spans
        .iter()
        .map(|s| {
            let value = match &s.value {
                Some(depeche::Value::Date(v)) => Some(v.clone()),
                _ => None,
            };
            (s.text.as_str(), s.kind, value)
        })
        .collect();
    let has = |text: &str, kind: Kind| found.iter().any(|f| f.0 == text && f.1 == kind);
    let date = |text: &str| found.iter().find(|f| f.0 == text).and_then(|f| f.2.clone());
    assert_eq!(date("Hieraŭ").as_deref(), Some("2026-12-05"), "{found:?}");
    assert_eq!(date("vendredo").as_deref(), Some("2026-12-04"), "{found:?}");
    assert_eq!(
        date("3-an de novembro 2027").as_deref(),
        Some("2027-11-03"),
        "{found:?}"
    );
    assert!(
        has("Jean Dupont", Kind::Actor),
        "a person after a title: {found:?}"
    );
    assert!(has("Lyon", Kind::Place), "{found:?}");
}
