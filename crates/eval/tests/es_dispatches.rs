//! Spanish wire copy of our own (`tests/gold/es_dispatches.jsonl`: twelve
//! dispatches in EFE's style, written for depeche, with gold dates, values,
//! actors and places): there is no open Spanish date gold, and the dev corpus
//! (CoNLL-2002) has no dates. Issue 13's targets: date F1 ≥ 0.90, value
//! accuracy ≥ 0.85, actors and places ≥ 0.85 (relaxed).

use depeche::{Kind, Options};
use depeche_eval::{annotate_gold, load_gold, score};

#[test]
fn our_spanish_dispatches_meet_the_targets() {
    let gold = load_gold(include_str!("../../../tests/gold/es_dispatches.jsonl")).expect("gold");
    assert!(gold.len() >= 10);
    let preds = annotate_gold(&gold, &Options::default()).expect("annotated");
    let s = score(&gold, &preds, &[Kind::Actor, Kind::Place, Kind::Date]);
    let f1 = |k: Kind| {
        s.relaxed
            .kinds
            .iter()
            .find(|(kind, _)| *kind == k)
            .map_or(0.0, |(_, v)| v.f1)
    };
    assert!(f1(Kind::Date) >= 0.90, "dates: {s}");
    let values = s.relaxed.date_value.as_ref().map_or(0.0, |v| v.acc);
    assert!(values >= 0.85, "date values: {s}");
    assert!(f1(Kind::Actor) >= 0.85, "actors: {s}");
    assert!(f1(Kind::Place) >= 0.85, "places: {s}");
}
