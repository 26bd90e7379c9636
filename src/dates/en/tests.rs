//! Tests of the English grammar alone: what each form matches, no resolving.

use super::*;
use crate::dates::words::words;
use crate::text::Doc;

fn parse_at(text: &str, i: usize) -> Option<(String, Expr)> {
    let doc = Doc::new(text);
    let cx = Cx {
        doc: &doc,
        words: words(crate::lang::EN),
    };
    let p = parse(&cx, i)?;
    let s = doc.tokens[p.start].start;
    let e = doc.tokens[p.end - 1].end;
    Some((text[s..e].to_string(), p.expr))
}

#[test]
fn calendar_forms() {
    let cal = |y, m, d| Base::Cal {
        year: y,
        month: m,
        day: d,
    };
    assert_eq!(
        parse_at("Aug. 7, 1998", 0).map(|p| p.1.base),
        Some(cal(Some(1998), Some(8), Some(7)))
    );
    assert_eq!(
        parse_at("January 1998", 0).map(|p| p.1.base),
        Some(cal(Some(1998), Some(1), None))
    );
    assert_eq!(
        parse_at("3 November 2017", 0).map(|p| p.1.base),
        Some(cal(Some(2017), Some(11), Some(3)))
    );
    assert_eq!(
        parse_at("the 3rd.", 1).map(|p| p.1.base),
        Some(cal(None, None, Some(3)))
    );
    assert_eq!(parse_at("the 3rd Infantry", 1), None);
    assert_eq!(
        parse_at("in May", 1).map(|p| p.1.base),
        Some(cal(None, Some(5), None))
    );
    assert_eq!(parse_at("May I", 0), None);
    assert_eq!(parse_at("they march", 1), None);
    assert_eq!(
        parse_at("June last year", 0).map(|p| p.1.base),
        Some(Base::MonthRel {
            month: 6,
            shift: -1
        })
    );
}

#[test]
fn relative_forms() {
    assert_eq!(
        parse_at("last fall", 0).map(|p| p.1.base),
        Some(Base::Season {
            season: 3,
            year: None,
            shift: -1
        })
    );
    assert_eq!(
        parse_at("a year ago", 0).map(|p| p.1.base),
        Some(Base::YearEarlier)
    );
    assert_eq!(
        parse_at("two years ago", 0).map(|p| p.1.base),
        Some(Base::Rel { unit: Y, n: -2 })
    );
    assert_eq!(
        parse_at("several years ago", 0).map(|p| p.1.base),
        Some(Base::Ref(-1))
    );
    assert_eq!(
        parse_at("the end of the month", 1).map(|p| p.0),
        Some("end of the month".to_string())
    );
    assert_eq!(
        parse_at("in the past,", 2).map(|p| p.1.base),
        Some(Base::Ref(-1))
    );
    assert_eq!(parse_at("for six years", 1), None, "a duration");
    assert_eq!(
        parse_at("the 20th century", 1).map(|p| p.1.base),
        Some(Base::Century(19))
    );
    assert_eq!(
        parse_at("the 1990s", 1).map(|p| p.1.base),
        Some(Base::Decade(199))
    );
    assert_eq!(parse_at("the last time", 1), None);
}

#[test]
fn times() {
    let p = parse_at("10 p.m. Wednesday", 0).unwrap();
    assert_eq!(p.0, "10 p.m. Wednesday");
    assert_eq!(p.1.time, Some((22, 0)));
    assert_eq!(p.1.base, Base::Weekday { wd: 3, shift: 0 });
    assert_eq!(parse_at("12 a.m.", 0).unwrap().1.time, Some((0, 0)));
    assert_eq!(parse_at("noon", 0).unwrap().1.time, Some((12, 0)));
    assert_eq!(parse_at("Friday morning", 0).unwrap().1.part, Some(1));
    assert_eq!(parse_at("4 people", 0), None);
}
