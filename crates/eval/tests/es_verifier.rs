//! The Spanish learned verifier (`src/names/learned/verify.rs`) on a
//! dispatch of our own (`tests/gold/es_verifier.jsonl`): a region inside an
//! event's or an institution's name ("la Feria Internacional de Galicia
//! 2019") is no place of its own; the rules alone read "Galicia" as one.

use depeche::{Kind, Options};
use depeche_eval::{annotate_gold, load_gold, score};

#[test]
fn a_region_inside_a_name_is_no_place() {
    let gold = load_gold(include_str!("../../../tests/gold/es_verifier.jsonl")).expect("gold");
    let preds = annotate_gold(&gold, &Options::default()).expect("annotated");
    let s = score(&gold, &preds, &[Kind::Actor, Kind::Place]);
    let place = s
        .relaxed
        .kinds
        .iter()
        .find(|(k, _)| *k == Kind::Place)
        .map(|(_, v)| v.fp);
    assert_eq!(place, Some(0), "false places: {s}");
}
