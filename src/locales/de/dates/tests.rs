//! Tests of the German grammar alone: what each form matches, no resolving.

use super::*;

use crate::text::Doc;

fn parse_at(text: &str, i: usize) -> Option<(String, Base)> {
    let doc = Doc::new(text);
    let cx = Cx::new(&doc, GRAMMAR.words());
    let p = parse(&cx, i)?;
    let s = doc.tokens[p.start].start;
    let e = doc.tokens[p.end - 1].end;
    Some((text[s..e].to_string(), p.expr.base))
}

fn text_at(text: &str, i: usize) -> Option<String> {
    parse_at(text, i).map(|(s, _)| s)
}

#[test]
fn calendar_forms() {
    let cal = |y, m, d| Base::Cal {
        year: y,
        month: m,
        day: d,
    };
    assert_eq!(
        parse_at("3. November 2017", 0),
        Some((
            "3. November 2017".into(),
            cal(Some(2017), Some(11), Some(3))
        ))
    );
    assert_eq!(
        parse_at("am 3. November", 1),
        Some(("3. November".into(), cal(None, Some(11), Some(3))))
    );
    assert_eq!(
        text_at("Dienstag, 3. November", 0).as_deref(),
        Some("Dienstag, 3. November")
    );
    assert_eq!(
        parse_at("03.11.2017", 0),
        Some(("03.11.2017".into(), cal(Some(2017), Some(11), Some(3))))
    );
}

#[test]
fn relative_forms() {
    assert_eq!(
        parse_at("vergangene Woche", 0),
        Some(("vergangene Woche".into(), Base::Rel { unit: W, n: -1 }))
    );
    assert_eq!(
        parse_at("vor zwei Jahren", 0),
        Some(("vor zwei Jahren".into(), Base::Rel { unit: Y, n: -2 }))
    );
    assert_eq!(
        text_at("Anfang Dezember", 0).as_deref(),
        Some("Anfang Dezember")
    );
    assert_eq!(
        parse_at("in der Nacht zum Dienstag", 2),
        Some((
            "Nacht zum Dienstag".into(),
            Base::Weekday { wd: 1, shift: 0 }
        ))
    );
    assert_eq!(text_at("gegen 15 Uhr", 0).as_deref(), Some("gegen 15 Uhr"));
    assert_eq!(text_at("um 15.30 Uhr", 1).as_deref(), Some("15.30 Uhr"));
    assert_eq!(
        text_at("am Dienstagabend", 0).as_deref(),
        Some("Dienstagabend")
    );
    assert_eq!(
        text_at("gestern Abend", 0).as_deref(),
        Some("gestern Abend")
    );
}

#[test]
fn not_dates() {
    // "Morgen" capitalised in mid-sentence is the morning, not tomorrow.
    assert_eq!(text_at("am Morgen", 1), None);
    // A number before a noun after a weak preposition is an amount.
    assert_eq!(text_at("von 2000 Menschen", 1), None);
}
