//! Properties every result of `annotate` must have, whatever the text and
//! the options (FORMAT.md, "A span" and "A result"; checked by
//! tests/invariants, which the fuzz target shares): no panic; spans on whole
//! characters, in bounds, sorted, never overlapping, their `text` exactly the
//! code points they cover; values matching their kind; every date value a
//! valid TIMEX3 value with a real calendar day (years 0000–9999); the
//! dateline in bounds.
//!
//! Inputs: arbitrary Unicode strings, and strings assembled from dispatch
//! words mixed with what breaks naive offset code (emoji and ZWJ sequences,
//! combining accents, letters whose case mapping changes length, NUL, CRLF,
//! right-to-left text, very long tokens), and date expressions in French and
//! English (impossible days, years at the ends of the range, relative words)
//! against reference dates from 0000-01-01 to 9999-12-31. 256 cases per
//! property by default; set `PROPTEST_CASES` for a longer run.

mod invariants;

use depeche::{annotate, Annotated, Date, Lang, Options, UserLexicon};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// Annotates and checks every property of the result (tests/invariants);
/// `Err` says which one failed.
fn check(text: &str, options: &Options) -> Result<Annotated, TestCaseError> {
    let result = annotate(text, options);
    invariants::check(text, options, &result).map_err(TestCaseError::fail)?;
    Ok(result)
}

/// Pieces of wire copy and of what breaks offset arithmetic.
const FRAGMENTS: &[&str] = &[
    // Dispatch words, French.
    "BEYROUTH, 12 mars 2019 (AFP) - ",
    "IDLEB (Syrie), 1er avril (AFP) -",
    "l'armée syrienne",
    "l’EI",
    "Hayat Tahrir al-Cham (HTS)",
    "le ministre turc de la Défense",
    "Maaret al-Noomane",
    "Maarat al-Numan",
    "la vallée de l'Oronte",
    "la province d'Idleb",
    "mardi",
    "vendredi 15 mars",
    "hier soir",
    "la semaine dernière",
    "en 2014",
    "ces derniers mois",
    "du 2 au 5 novembre",
    "mi-octobre",
    "19H00",
    "31 février",
    "le 0 mars 0000",
    "l'",
    "d'",
    "de la",
    "ONU",
    // Dispatch words, English.
    "BAGHDAD, March 14, 2019 (Reuters) - ",
    "KABUL, Sept. 3 (AFP) -",
    "the U.S.-led coalition",
    "Islamic State",
    "Maj. Gen.",
    "Prime Minister",
    "on Thursday",
    "Dec. 9, 2017",
    "3 p.m.",
    "last week",
    "in recent months",
    "the Euphrates River valley",
    "(Reporting by",
    // Numbers and numeric dates.
    "2019-03-12",
    "12/03/2019",
    "99999999999999999999",
    "80.000",
    "1,500",
    "-1",
    // Emoji, flags, ZWJ sequences, variation selectors.
    "😀",
    "🇸🇾",
    "👩‍👩‍👧",
    "❤️",
    // Combining marks, alone or after a letter.
    "e\u{301}",
    "A\u{30A}",
    "\u{301}",
    "\u{301}\u{302}\u{303}",
    // Case mappings that change length, ligatures, titlecase.
    "İstanbul",
    "ß",
    "ﬁ",
    "ǅ",
    "Σ",
    "ΐ",
    // Control and space characters.
    "\0",
    "\r\n",
    "\r",
    "\n\n",
    "\t",
    "\u{a0}",
    "\u{202f}",
    "\u{200b}",
    "\u{feff}",
    "\u{2028}",
    "\u{85}",
    // Right-to-left text and bidi controls.
    "دمشق",
    "حلب",
    "ירושלים",
    "\u{200f}",
    "\u{202e}",
    // Other scripts, full width.
    "Москва",
    "北京",
    "ＡＦＰ",
    // Punctuation.
    " ",
    " ",
    ",",
    ".",
    "'",
    "’",
    "-",
    "—",
    "«",
    "»",
    "(",
    ")",
    ":",
];

/// A string made of fragments, arbitrary characters and long tokens.
fn mixed_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
        2 => any::<char>().prop_map(String::from),
        1 => ".{0,12}",
        1 => (1usize..3000, prop::sample::select(&["a", "É", "9", "A", "ش", "😀"][..]))
            .prop_map(|(n, s)| s.repeat(n)),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// Words of date expressions, French and English, with numbers at the edges
/// of what calendars have.
const DATE_WORDS: &[&str] = &[
    "le",
    "du",
    "au",
    "en",
    "on",
    "in",
    "of",
    "the",
    "depuis",
    "jusqu'au",
    "à",
    "at",
    ",",
    ".",
    "janvier",
    "février",
    "fevrier",
    "mars",
    "avril",
    "juin",
    "septembre",
    "novembre",
    "décembre",
    "January",
    "February",
    "Feb.",
    "April",
    "June",
    "Sept.",
    "November",
    "December",
    "lundi",
    "mardi",
    "dimanche",
    "Monday",
    "Friday",
    "Sunday",
    "week-end",
    "weekend",
    "hier",
    "demain",
    "avant-hier",
    "aujourd'hui",
    "yesterday",
    "tomorrow",
    "today",
    "tonight",
    "prochain",
    "prochaine",
    "dernier",
    "dernière",
    "next",
    "last",
    "this",
    "ce",
    "cette",
    "année",
    "an",
    "ans",
    "mois",
    "semaine",
    "jour",
    "jours",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "decade",
    "century",
    "siècle",
    "trimestre",
    "quarter",
    "il y a",
    "dans",
    "plus tard",
    "ago",
    "later",
    "earlier",
    "avant",
    "après",
    "le lendemain",
    "la veille",
    "the next day",
    "a year earlier",
    "year-earlier",
    "fiscal",
    "matin",
    "soir",
    "nuit",
    "morning",
    "evening",
    "night",
    "midi",
    "noon",
    "printemps",
    "été",
    "automne",
    "hiver",
    "spring",
    "summer",
    "fall",
    "winter",
    "Noël",
    "Pâques",
    "Christmas",
    "Easter",
    "Thanksgiving",
    "Toussaint",
    "XXe",
    "XXIe",
    "Ier",
    "MMMMMMMMMM",
    "1990s",
    "années 90",
    "the 1990s",
    "'90s",
    "1er",
    "15h30",
    "3 p.m.",
    "19H00",
    "23:59",
    "24:00",
    "25:61",
];

/// Numbers: days that months do not all have, years at and past the ends of
/// the range, counts of units large enough to leave it.
fn date_number() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..=40).prop_map(|n| n.to_string()),
        (0u32..=40).prop_map(|n| format!("{n:02}")),
        prop::sample::select(vec![
            "0",
            "00",
            "0000",
            "0001",
            "1000",
            "1583",
            "1899",
            "1900",
            "2000",
            "2019",
            "2020",
            "2099",
            "2100",
            "2199",
            "9998",
            "9999",
            "10000",
            "99999",
            "4000000000",
            "29",
            "30",
            "31",
            "32",
            "366",
            "10 000",
            "mille",
            "trois",
            "three",
            "dix mille",
        ])
        .prop_map(str::to_string),
        (1000u32..=2199).prop_map(|n| n.to_string()),
        (0u32..=99999).prop_map(|n| n.to_string()),
    ]
}

/// A numeric date, well-formed or nearly: "2019-02-29", "31/04/2019", "1999-13-01".
fn numeric_date() -> impl Strategy<Value = String> {
    (0u32..=10001, 0u32..=13, 0u32..=32, 0usize..3).prop_map(|(y, m, d, form)| match form {
        0 => format!("{y:04}-{m:02}-{d:02}"),
        1 => format!("{d:02}/{m:02}/{y:04}"),
        _ => format!("{m}/{d}/{y}"),
    })
}

const MONTHS_FR: &[&str] = &[
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: &[&str] = &[
    "January", "February", "Feb.", "March", "April", "May", "June", "July", "August", "Sept.",
    "October", "November", "December",
];
const UNITS_FR: &[&str] = &[
    "jours",
    "semaines",
    "mois",
    "ans",
    "années",
    "siècles",
    "décennies",
];
const UNITS_EN: &[&str] = &[
    "days",
    "weeks",
    "months",
    "years",
    "decades",
    "centuries",
    "quarters",
];

/// One date expression: a day and month (and year) that may not exist
/// together, a unit away from the reference date, a count of units, or a run
/// of date words in any order.
fn date_expression() -> impl Strategy<Value = String> {
    let year = || prop::option::of(date_number());
    let sel = |v: &'static [&'static str]| prop::sample::select(v).prop_map(str::to_string);
    prop_oneof![
        // "le 31 février 2019", "31 avril"
        (0u32..=35, sel(MONTHS_FR), year())
            .prop_map(|(d, m, y)| { format!("le {d} {m} {}", y.unwrap_or_default()) }),
        // "February 30, 2019", "Feb. 29"
        (sel(MONTHS_EN), 0u32..=35, year()).prop_map(|(m, d, y)| match y {
            Some(y) => format!("on {m} {d}, {y}"),
            None => format!("on {m} {d}"),
        }),
        // "next year", "l'année prochaine", "la semaine dernière", "tomorrow"
        sel(&[
            "next year",
            "last year",
            "this year",
            "next month",
            "last month",
            "next week",
            "last week",
            "next weekend",
            "last weekend",
            "tomorrow",
            "yesterday",
            "today",
            "the next decade",
            "next quarter",
            "last quarter",
            "a year earlier",
            "next spring",
            "last winter",
            "next Christmas",
            "last Easter",
            "l'année prochaine",
            "l'an dernier",
            "le mois prochain",
            "la semaine dernière",
            "demain",
            "hier",
            "après-demain",
            "le week-end prochain",
            "le trimestre prochain",
            "l'été prochain",
            "lundi prochain",
            "Friday",
            "vendredi",
            "le lendemain",
            "la veille",
            "Noël prochain",
        ]),
        // "il y a 10000 ans", "dans 3 semaines", "5 years ago", "in 9999 years"
        (date_number(), sel(UNITS_FR), any::<bool>()).prop_map(|(n, u, ago)| if ago {
            format!("il y a {n} {u}")
        } else {
            format!("dans {n} {u}")
        }),
        (date_number(), sel(UNITS_EN), 0usize..3).prop_map(|(n, u, form)| match form {
            0 => format!("{n} {u} ago"),
            1 => format!("in {n} {u}"),
            _ => format!("{n} {u} later"),
        }),
        numeric_date(),
        // Words in any order.
        prop::collection::vec(
            prop_oneof![
                3 => prop::sample::select(DATE_WORDS).prop_map(str::to_string),
                2 => date_number(),
                1 => numeric_date(),
            ],
            1..10
        )
        .prop_map(|v| v.join(" ")),
    ]
}

/// A dispatch opening: dateline (sometimes), then date expressions in sentences.
fn dated_text() -> impl Strategy<Value = String> {
    let dateline = prop_oneof![
        Just(String::new()),
        (
            date_number(),
            prop::sample::select(DATE_WORDS),
            prop::option::of(date_number())
        )
            .prop_map(|(d, m, y)| format!("ONU, {d} {m} {} (AFP) - ", y.unwrap_or_default())),
        numeric_date().prop_map(|d| format!("LONDON {d}\n")),
    ];
    (dateline, prop::collection::vec(date_expression(), 1..6))
        .prop_map(|(head, sentences)| format!("{head}{}.", sentences.join(". Il a dit ")))
}

/// Reference dates, many of them at or near the ends of the range.
fn edge_reference_date() -> impl Strategy<Value = Option<Date>> {
    prop_oneof![
        1 => Just(None),
        2 => reference_date(),
        2 => (prop::sample::select(vec![0i32, 1, 9998, 9999]), 1u32..=12, 1u32..=31)
            .prop_filter_map("valid date", |(y, m, d)| Date::new(y, m, d).map(Some)),
        1 => prop::sample::select(vec![
            Date::new(0, 1, 1),
            Date::new(0, 2, 29),
            Date::new(9999, 12, 31),
            Date::new(9999, 12, 26),
            Date::new(2019, 2, 28),
            Date::new(2020, 2, 29),
        ]),
    ]
}

/// No language given, every language of the registry, and `und`.
fn every_language() -> Vec<Option<Lang>> {
    let known = depeche::locales::LOCALES.iter().map(|l| Some(l.lang));
    [None, Some(Lang::UND)].into_iter().chain(known).collect()
}

fn language() -> impl Strategy<Value = Option<Lang>> {
    proptest::sample::select(every_language())
}

fn reference_date() -> impl Strategy<Value = Option<Date>> {
    prop_oneof![
        2 => Just(None),
        2 => (1990i32..2030, 1u32..=12, 1u32..=31).prop_filter_map("valid date", |(y, m, d)| Date::new(y, m, d).map(Some)),
        1 => (1i32..=9999, 1u32..=12, 1u32..=31).prop_filter_map("valid date", |(y, m, d)| Date::new(y, m, d).map(Some)),
        1 => prop::sample::select(vec![Date::new(1, 1, 1), Date::new(9999, 12, 31), Date::new(2020, 2, 29)]),
    ]
}

/// An editor's lexicon (FORMAT.md) with entries that match often.
fn user_lexicon() -> Option<UserLexicon> {
    UserLexicon::from_json(
        r#"{"version": 1,
            "add": [{"text": "OSDH", "kind": "actor", "value": {"canonical": "OSDH", "type": "organisation"}},
                    {"text": "a", "kind": "place"},
                    {"text": "l'armée syrienne", "kind": "actor"}],
            "reject": [{"text": "mardi", "kind": "date"}, {"text": "Idleb", "kind": "place"}]}"#,
    )
    .ok()
}

fn options() -> impl Strategy<Value = Options> {
    (language(), reference_date(), any::<bool>()).prop_map(|(lang, dct, with_lexicon)| Options {
        lang,
        dct,
        lexicon: if with_lexicon { user_lexicon() } else { None },
    })
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    ProptestConfig::with_cases(cases)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_unicode_string(text in any::<String>(), options in options()) {
        check(&text, &options)?;
    }

    #[test]
    fn dispatch_words_mixed_with_hard_characters(text in mixed_text(), options in options()) {
        check(&text, &options)?;
    }

    #[test]
    fn date_expressions_get_valid_values_or_none(
        text in dated_text(),
        lang in language(),
        dct in edge_reference_date(),
    ) {
        check(&text, &Options { lang, dct, lexicon: None })?;
    }
}

#[test]
fn impossible_dates_give_no_value_and_no_reference_date() {
    let dct = Date::new(2019, 1, 10);
    let at = |text: &str, dct: Option<Date>| {
        annotate(
            text,
            &Options {
                lang: Lang::parse("fr"),
                dct,
                lexicon: None,
            },
        )
    };
    // A dateline's day without a year that no year has, or that the
    // reference year does not have: no date, so no reference date from it.
    for text in [
        "ONU 31 février (AFP) - Le texte.",
        "ONU, 31 avril (AFP) - Le texte.",
    ] {
        for d in [None, dct] {
            let r = at(text, d);
            let line = r.dateline.expect("a dateline");
            assert_eq!(line.date, None, "{text}");
            assert_eq!(r.dct, d, "{text}");
        }
    }
    let r = at("ONU, 29 février (AFP) - Le texte.", dct);
    assert_eq!(
        r.dateline.and_then(|l| l.date),
        None,
        "2019 has no 29 February"
    );
    let r = at("ONU, 29 février (AFP) - Le texte.", None);
    assert_eq!(
        r.dateline.and_then(|l| l.date).as_deref(),
        Some("XXXX-02-29")
    );
    let r = at("BEYROUTH, 29 février 2019 (AFP) - Le texte.", None);
    assert_eq!(
        r.dct, None,
        "no reference date from an impossible dateline date"
    );
    assert_eq!(r.dateline.and_then(|l| l.date), None);
    // A user's lexicon with an impossible date value: the name, no value.
    let lex = UserLexicon::from_json(
        r#"{"version": 1, "add": [{"text": "jour J", "kind": "date", "value": "2019-02-31"}]}"#,
    )
    .expect("the lexicon loads");
    assert_eq!(lex.added()[0].value, None);
}

/// Runs `check` with every language, with and without a reference date.
fn check_all_options(text: &str) {
    let dcts = [None, Date::new(2019, 3, 12)];
    for lang in every_language() {
        for dct in dcts {
            let options = Options {
                lang,
                dct,
                lexicon: None,
            };
            if let Err(e) = check(text, &options) {
                panic!(
                    "{e} (lang {lang:?}, dct {dct:?}, text of {} bytes)",
                    text.len()
                );
            }
        }
    }
}

#[test]
fn empty_and_blank_texts() {
    for text in ["", " ", "\n", "\r\n\r\n", "\t \u{a0}\u{202f}\u{3000}", "\0"] {
        check_all_options(text);
        let r = annotate(text, &Options::default());
        assert!(r.spans.is_empty(), "spans in a blank text {text:?}");
    }
}

#[test]
fn one_megabyte_token() {
    check_all_options(&"a".repeat(1 << 20));
}

#[test]
fn example_dispatches() {
    for text in [
        include_str!("../examples/dispatch-fr.txt"),
        include_str!("../examples/dispatch-en.txt"),
    ] {
        check_all_options(text);
        // The same dispatch with Windows line ends and a byte order mark.
        check_all_options(&format!("\u{feff}{}", text.replace('\n', "\r\n")));
    }
}

#[test]
fn ten_megabytes_complete() {
    let fr = include_str!("../examples/dispatch-fr.txt");
    let en = include_str!("../examples/dispatch-en.txt");
    let mut text = String::with_capacity(10 << 20);
    let mut i = 0u32;
    while text.len() < 10 << 20 {
        text.push_str(if i % 2 == 0 { fr } else { en });
        text.push_str(&format!("\n\n{i} 😀 e\u{301} دمشق\r\n"));
        i += 1;
    }
    let options = Options::default();
    if let Err(e) = check(&text, &options) {
        panic!("{e}");
    }
}
