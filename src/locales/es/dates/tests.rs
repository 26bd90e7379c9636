//! Tests of the Spanish grammar alone: what each form matches, no resolving.

use super::*;

use crate::text::Doc;

/// The first date the grammar finds from token 0 on: its text and base.
fn first(text: &str) -> Option<(String, Base)> {
    let doc = Doc::new(text);
    let cx = Cx::new(&doc, GRAMMAR.words());
    (0..doc.len()).find_map(|i| {
        let p = parse(&cx, i)?;
        let s = doc.tokens[p.start].start;
        let e = doc.tokens[p.end - 1].end;
        Some((text[s..e].to_string(), p.expr.base))
    })
}

fn text_of(text: &str) -> String {
    first(text).map(|p| p.0).unwrap_or_default()
}

#[test]
fn calendar_forms_leave_the_article_out() {
    let cal = |y, m, d| Base::Cal {
        year: y,
        month: m,
        day: d,
    };
    assert_eq!(
        first("llegó el 3 de noviembre"),
        Some(("3 de noviembre".into(), cal(None, Some(11), Some(3))))
    );
    assert_eq!(
        first("el lunes 3 de noviembre de 2017"),
        Some((
            "lunes 3 de noviembre de 2017".into(),
            cal(Some(2017), Some(11), Some(3))
        ))
    );
    assert_eq!(
        first("BOGOTÁ, 12 mar (EFE)"),
        Some(("12 mar".into(), cal(None, Some(3), Some(12))))
    );
    assert_eq!(text_of("desde agosto de 1998"), "agosto de 1998");
    assert_eq!(text_of("ocurrió en 2014 en la capital"), "2014");
}

#[test]
fn relative_forms() {
    assert_eq!(text_of("el pasado martes se reunieron"), "pasado martes");
    assert_eq!(text_of("el martes pasado se reunieron"), "martes pasado");
    assert_eq!(text_of("lo dijo la semana pasada"), "semana pasada");
    assert_eq!(text_of("ocurrió hace dos años"), "hace dos años");
    assert_eq!(text_of("en la madrugada del lunes"), "madrugada del lunes");
    assert_eq!(text_of("ayer por la tarde"), "ayer por la tarde");
    assert_eq!(text_of("a principios de 2018"), "principios de 2018");
    assert_eq!(text_of("durante este año"), "este año");
    assert_eq!(text_of("en los últimos meses"), "últimos meses");
    assert_eq!(first("el siglo XX").map(|p| p.1), Some(Base::Century(19)));
}

#[test]
fn clock_times() {
    assert_eq!(text_of("a las 15.00 hora local"), "15.00 hora local");
    assert_eq!(text_of("a las 10 de la mañana"), "10 de la mañana");
    // A score or an amount is no time.
    assert_eq!(text_of("ganó por 2.10 puntos"), "");
}

#[test]
fn morning_is_not_tomorrow_after_an_article() {
    assert_eq!(first("esta mañana").map(|p| p.1), Some(Base::Day(0)));
    assert_eq!(first("mañana viajará").map(|p| p.1), Some(Base::Day(1)));
}
