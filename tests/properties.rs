//! Properties every result of `annotate` must have, whatever the text and
//! the options (FORMAT.md, "A span" and "A result"): no panic; spans on whole
//! characters, in bounds, sorted, never overlapping, their `text` exactly the
//! code points they cover; values matching their kind; the dateline in
//! bounds.
//!
//! Inputs: arbitrary Unicode strings, and strings assembled from dispatch
//! words mixed with what breaks naive offset code (emoji and ZWJ sequences,
//! combining accents, letters whose case mapping changes length, NUL, CRLF,
//! right-to-left text, very long tokens). 256 cases per property by default;
//! set `PROPTEST_CASES` for a longer run.

use depeche::{annotate, Annotated, Date, Kind, Lang, Options, UserLexicon, Value};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// Checks every property of one result; `Err` says which one failed.
fn check(text: &str, options: &Options) -> Result<Annotated, TestCaseError> {
    let result = annotate(text, options);
    let n = text.chars().count();

    if let Some(lang) = options.lang {
        prop_assert_eq!(result.lang, lang, "the language given is the language used");
    }
    if let Some(dct) = options.dct {
        prop_assert_eq!(result.dct, Some(dct), "the date given is the date used");
    }

    let mut prev_end = 0;
    for (i, span) in result.spans.iter().enumerate() {
        prop_assert!(
            span.start < span.end && span.end <= n,
            "span {} out of bounds or empty: {}..{} in {} chars",
            i,
            span.start,
            span.end,
            n
        );
        prop_assert!(
            span.start >= prev_end,
            "span {} at {} overlaps or precedes the previous one ending at {}",
            i,
            span.start,
            prev_end
        );
        prev_end = span.end;
        match (&span.kind, &span.value) {
            (_, None)
            | (Kind::Date, Some(Value::Date(_)))
            | (Kind::Place, Some(Value::Place(_)))
            | (Kind::Actor, Some(Value::Actor(_))) => {}
            (kind, Some(value)) => {
                return Err(TestCaseError::fail(format!(
                    "span {i}: a {kind:?} with value {value:?}"
                )))
            }
        }
        if let Some(source) = &span.source {
            prop_assert!(!source.is_empty(), "span {} has an empty source", i);
        }
    }

    // `span.text` is `text.chars().skip(start).take(end - start)`: checked in
    // one forward walk, since spans are sorted (quadratic otherwise on 10 MB).
    let mut walk = Walk::new(text);
    for (i, span) in result.spans.iter().enumerate() {
        let s = walk.byte_at(span.start);
        let e = walk.byte_at(span.end);
        prop_assert_eq!(
            text.get(s..e),
            Some(span.text.as_str()),
            "span {} text differs from the code points {}..{}",
            i,
            span.start,
            span.end
        );
    }

    if let Some(d) = &result.dateline {
        prop_assert!(
            d.start <= d.end && d.end <= n,
            "dateline out of bounds: {}..{} in {} chars",
            d.start,
            d.end,
            n
        );
    }
    prop_assert!(
        serde_json::to_string(&result).is_ok(),
        "the result serialises to JSON"
    );
    Ok(result)
}

/// Code point offset → byte offset, for increasing offsets.
struct Walk<'a> {
    chars: std::str::Chars<'a>,
    char_pos: usize,
    byte_pos: usize,
}

impl<'a> Walk<'a> {
    fn new(text: &'a str) -> Walk<'a> {
        Walk {
            chars: text.chars(),
            char_pos: 0,
            byte_pos: 0,
        }
    }

    fn byte_at(&mut self, char_offset: usize) -> usize {
        while self.char_pos < char_offset {
            match self.chars.next() {
                Some(c) => {
                    self.byte_pos += c.len_utf8();
                    self.char_pos += 1;
                }
                None => break,
            }
        }
        self.byte_pos
    }
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

fn language() -> impl Strategy<Value = Option<Lang>> {
    prop_oneof![
        Just(None),
        Just(Some(Lang::Fr)),
        Just(Some(Lang::En)),
        Just(Some(Lang::Und)),
    ]
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
}

/// Runs `check` with every language, with and without a reference date.
fn check_all_options(text: &str) {
    let dcts = [None, Date::new(2019, 3, 12)];
    for lang in [None, Some(Lang::Fr), Some(Lang::En), Some(Lang::Und)] {
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
