//! Tests of the French grammar alone: what each form matches, no resolving.

use super::*;
use crate::dates::words::words;
use crate::text::Doc;

fn parse_at(text: &str, i: usize) -> Option<(String, Base)> {
    let doc = Doc::new(text);
    let cx = Cx {
        doc: &doc,
        words: words(crate::lang::FR),
    };
    let p = parse(&cx, i)?;
    let s = doc.tokens[p.start].start;
    let e = doc.tokens[p.end - 1].end;
    Some((text[s..e].to_string(), p.expr.base))
}

#[test]
fn calendar_forms() {
    let cal = |y, m, d| Base::Cal {
        year: y,
        month: m,
        day: d,
    };
    assert_eq!(
        parse_at("vendredi 3 novembre 2017", 0),
        Some((
            "vendredi 3 novembre 2017".into(),
            cal(Some(2017), Some(11), Some(3))
        ))
    );
    assert_eq!(
        parse_at("1er janvier", 0),
        Some(("1er janvier".into(), cal(None, Some(1), Some(1))))
    );
    assert_eq!(
        parse_at("3 nov. 2017", 0),
        Some(("3 nov. 2017".into(), cal(Some(2017), Some(11), Some(3))))
    );
    assert_eq!(
        parse_at("octobre 98", 0),
        Some(("octobre 98".into(), cal(Some(1998), Some(10), None)))
    );
    assert_eq!(
        parse_at("Mars", 0).map(|p| p.1),
        Some(cal(None, Some(3), None)),
        "sentence start"
    );
    assert_eq!(parse_at("la planète Mars", 2), None);
}

#[test]
fn relative_forms() {
    assert_eq!(
        parse_at("avant-hier", 2),
        Some(("avant-hier".into(), Base::Day(-2)))
    );
    assert_eq!(
        parse_at("aujourd'hui vendredi", 0),
        Some(("aujourd'hui vendredi".into(), Base::Day(0)))
    );
    assert_eq!(
        parse_at("ce mois-ci", 0),
        Some(("ce mois-ci".into(), Base::Rel { unit: M, n: 0 }))
    );
    assert_eq!(
        parse_at("l'année prochaine", 2),
        Some(("année prochaine".into(), Base::Rel { unit: Y, n: 1 }))
    );
    assert_eq!(
        parse_at("Il reviendra dans deux semaines", 2),
        Some(("deux semaines".into(), Base::Rel { unit: W, n: 2 }))
    );
    assert_eq!(
        parse_at("les prochains jours", 1),
        Some(("prochains jours".into(), Base::Ref(1)))
    );
    assert_eq!(
        parse_at("à la fin du XIXe siècle", 2),
        Some(("fin du XIXe siècle".into(), Base::Century(18)))
    );
    assert_eq!(parse_at("trois jours", 0), None, "a duration");
    assert_eq!(parse_at("le dernier jour", 1), None);
}

#[test]
fn years_need_context() {
    let y = |v| {
        Some(Base::Cal {
            year: Some(v),
            month: None,
            day: None,
        })
    };
    assert_eq!(parse_at("en 2014", 1).map(|p| p.1), y(2014));
    assert_eq!(parse_at("depuis 2011 la guerre", 1).map(|p| p.1), y(2011));
    assert_eq!(parse_at("de 2000 personnes", 1), None);
    assert_eq!(parse_at("2000 personnes", 0), None);
    assert_eq!(parse_at("1982-1990", 2).map(|p| p.1), y(1990));
}

#[test]
fn clock_times() {
    let t = |s: &str, i| {
        let doc = Doc::new(s);
        let cx = Cx {
            doc: &doc,
            words: words(crate::lang::FR),
        };
        parse(&cx, i).and_then(|p| p.expr.time)
    };
    assert_eq!(t("22 h", 0), Some((22, 0)));
    assert_eq!(t("21 h 45", 0), Some((21, 45)));
    assert_eq!(t("15h30", 0), Some((15, 30)));
    assert_eq!(t("midi", 0), Some((12, 0)));
    assert_eq!(t("25 h", 0), None);
    assert_eq!(roman_ordinal("xixe"), Some(19));
    assert_eq!(roman_ordinal("ve"), Some(5));
    assert_eq!(roman_ordinal("vie"), Some(6));
    assert_eq!(roman_ordinal("e"), None);
}

#[test]
fn dans_needs_a_future_sentence() {
    assert_eq!(parse_at("Le chiffre le plus bas dans trois mois", 5), None);
}
