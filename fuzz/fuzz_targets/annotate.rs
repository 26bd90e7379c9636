//! Fuzzes `depeche::annotate` with arbitrary bytes: the first bytes choose
//! the options (language, reference date, an editor's lexicon), the rest is
//! the text (UTF-8, invalid sequences replaced). Every result must keep the
//! invariants the property tests check (tests/invariants, shared): no panic,
//! spans sorted, non-overlapping, in bounds, on whole characters, `text`
//! equal to the covered text, date values valid TIMEX3 with real days.
//!
//! Why a fuzzer beside the property tests: proptest draws from grammars we
//! wrote; libFuzzer follows coverage into branches nobody thought of.

#![no_main]

use depeche::{annotate, Date, Lang, Options, UserLexicon};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

/// An editor's lexicon whose names match often, dates with values included.
const LEXICON: &str = r#"{"version": 1,
  "add": [{"text": "OSDH", "kind": "actor", "value": {"canonical": "OSDH", "type": "organisation"}},
          {"text": "a", "kind": "place"},
          {"text": "jour J", "kind": "date", "value": "2019-02-31"},
          {"text": "l'armée syrienne", "kind": "actor"}],
  "reject": [{"text": "mardi", "kind": "date"}, {"text": "Idleb", "kind": "place"}]}"#;

/// Options from the first four bytes; the rest of the input is the text.
fn split(data: &[u8]) -> (Options, &[u8]) {
    let Some((head, text)) = data.split_first_chunk::<4>() else {
        return (Options::default(), data);
    };
    let lang = match head[0] % 5 {
        0 => Some(Lang::Fr),
        1 => Some(Lang::En),
        2 => Some(Lang::Und),
        _ => None,
    };
    // Years 0000-9999 with the ends of the range often; days past the
    // month's end give no date (no reference date).
    let dct = match head[1] % 4 {
        0 => None,
        1 => Date::new(
            [0, 1, 9998, 9999][usize::from(head[2] % 4)],
            u32::from(head[3] % 12) + 1,
            u32::from(head[3] / 12 % 31) + 1,
        ),
        _ => Date::new(
            i32::from(u16::from_le_bytes([head[2], head[3]]) % 10_000),
            u32::from(head[1] / 4 % 12) + 1,
            u32::from(head[2] % 31) + 1,
        ),
    };
    let lexicon = (head[0] >= 128)
        .then(|| UserLexicon::from_json(LEXICON).ok())
        .flatten();
    (Options { lang, dct, lexicon }, text)
}

fuzz_target!(|data: &[u8]| {
    let (options, bytes) = split(data);
    let text = String::from_utf8_lossy(bytes);
    let result = annotate(&text, &options);
    if let Err(e) = invariants::check(&text, &options, &result) {
        panic!("{e}\ntext: {text:?}\noptions: {options:?}");
    }
});
