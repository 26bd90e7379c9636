//! Quality floors on real wire copy and on the development gold sets in
//! `../shared` (beside the repository, not part of it): the seed dispatch's
//! gold annotation, and F1 per kind on each dev set, scored with the same
//! semantics as `depeche eval` and `tools/score.py`. The floors are in the
//! code beside each set (a little under the figures QUALITY.md gives), so that
//! any regression fails; dates also keep a floor on value accuracy.
//!
//! A user's clone has no `../shared`: the tests are reported as ignored
//! (tests/support/mod.rs); with `CI=true` a missing `../shared` fails them.
mod support;
use support::{Case, Needs};

use depeche::{annotate, Date, Kind, Options, Value};
use depeche_eval::{annotate_gold, load_gold, score, GoldKind, Scores};
use std::path::PathBuf;

fn shared(rel: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(rel);
    if path.exists() {
        return Some(path);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("{} is missing and CI=true", path.display());
    }
    eprintln!(
        "skipped: {} not found (it sits beside the repository in CI)",
        path.display()
    );
    None
}

fn kind_f1(scores: &depeche_eval::ModeScores, kind: Kind) -> f64 {
    scores
        .kinds
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, s)| s.f1)
        .unwrap_or(0.0)
}

fn scored(file: &str, kinds: &[Kind]) -> Option<Scores> {
    let path = shared(file)?;
    let text = std::fs::read_to_string(&path).expect("gold file is readable");
    let gold = load_gold(&text).expect("gold file parses");
    let preds = annotate_gold(&gold, &Options::default()).expect("annotates");
    Some(score(&gold, &preds, kinds))
}

fn seed_dispatch_matches_its_gold_annotation() {
    let Some(txt) = shared("fixtures/seed-dispatch.txt") else {
        return;
    };
    let Some(gold_path) = shared("fixtures/seed-dispatch.gold.json") else {
        return;
    };
    let text = std::fs::read_to_string(txt).expect("seed text");
    let gold = load_gold(&std::fs::read_to_string(gold_path).expect("seed gold"))
        .expect("seed gold parses");
    assert_eq!(gold.len(), 1);
    assert_eq!(
        gold[0].text.as_deref(),
        Some(text.as_str()),
        "the gold text is the fixture text"
    );

    let opts = Options {
        dct: Date::parse("2017-11-04"),
        ..Options::default()
    };
    let result = annotate(&text, &opts);
    assert_eq!(result.lang.as_str(), "fr");
    let preds = [(
        gold[0].id.clone(),
        result.spans.iter().map(Into::into).collect(),
    )]
    .into_iter()
    .collect();
    let s = score(&gold, &preds, &[Kind::Actor, Kind::Place, Kind::Date]);
    assert!(
        s.strict.all.f1 >= 0.90,
        "strict F1 {:.3} < 0.90: {:?}",
        s.strict.all.f1,
        s.strict
    );

    // No date beyond the gold ones.
    let gold_dates = gold[0]
        .spans
        .iter()
        .filter(|g| g.kind == GoldKind::Date)
        .count();
    let found_dates: Vec<&str> = result
        .spans
        .iter()
        .filter(|p| p.kind == Kind::Date)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        found_dates.len(),
        gold_dates,
        "no extra dates: {found_dates:?}"
    );

    // Every required date with a scored value is found at its extent, with that value.
    for g in gold[0]
        .spans
        .iter()
        .filter(|g| g.kind == GoldKind::Date && !g.optional)
    {
        let Some(want) = g.value.as_ref().filter(|_| !g.value_optional) else {
            continue;
        };
        let extents: Vec<(i64, i64)> = std::iter::once((g.start, g.end))
            .chain(g.alt_extents.iter().copied())
            .collect();
        let got = result
            .spans
            .iter()
            .find(|p| p.kind == Kind::Date && extents.contains(&(p.start as i64, p.end as i64)))
            .unwrap_or_else(|| panic!("date at {}..{} not found", g.start, g.end));
        let value = match &got.value {
            Some(Value::Date(v)) => v.clone(),
            other => panic!("date {:?} has value {other:?}", got.text),
        };
        assert_eq!(
            Some(value.as_str()),
            want.as_str(),
            "value of {:?}",
            got.text
        );
    }
}

/// Relaxed and strict F1 floors for actors and places on a dev set: a
/// little under the figures measured when they were set (QUALITY.md), so
/// that any regression fails.
fn actor_place_floor(file: &str, actor: (f64, f64), place: (f64, f64)) {
    let Some(s) = scored(file, &[Kind::Actor, Kind::Place]) else {
        return;
    };
    for (kind, (relaxed, strict)) in [(Kind::Actor, actor), (Kind::Place, place)] {
        let r = kind_f1(&s.relaxed, kind);
        let st = kind_f1(&s.strict, kind);
        assert!(
            r >= relaxed,
            "{file}: {kind:?} relaxed F1 {r:.3} < {relaxed}"
        );
        assert!(
            st >= strict,
            "{file}: {kind:?} strict F1 {st:.3} < {strict}"
        );
    }
}

fn actors_and_places_on_french_news() {
    // Measured 0.775/0.705 (actor) and 0.837/0.783 (place).
    actor_place_floor("dev/sequoia_er_fr_dev.jsonl", (0.77, 0.70), (0.83, 0.77));
}

fn actors_and_places_on_french_parliament_and_encyclopedia() {
    // Measured 0.861/0.816 (actor) and 0.846/0.828 (place).
    actor_place_floor("dev/sequoia_other_fr.jsonl", (0.85, 0.81), (0.84, 0.82));
}

fn actors_and_places_on_english_news() {
    // Measured 0.913/0.853 (actor) and 0.902/0.892 (place).
    actor_place_floor("dev/conll2003_testa_en.jsonl", (0.91, 0.84), (0.89, 0.88));
}

fn seed_dispatch_actors_and_places_are_exact() {
    let (Some(txt), Some(gold_path)) = (
        shared("fixtures/seed-dispatch.txt"),
        shared("fixtures/seed-dispatch.gold.json"),
    ) else {
        return;
    };
    let text = std::fs::read_to_string(txt).expect("seed text");
    let gold = load_gold(&std::fs::read_to_string(gold_path).expect("seed gold"))
        .expect("seed gold parses");
    let opts = Options {
        dct: Date::parse("2017-11-04"),
        ..Options::default()
    };
    let result = annotate(&text, &opts);
    let preds = [(
        gold[0].id.clone(),
        result.spans.iter().map(Into::into).collect(),
    )]
    .into_iter()
    .collect();
    let s = score(&gold, &preds, &[Kind::Actor, Kind::Place]);
    for kind in [Kind::Actor, Kind::Place] {
        let f1 = kind_f1(&s.strict, kind);
        assert!(f1 >= 1.0, "seed dispatch: {kind:?} strict F1 {f1:.3}");
    }
}

fn dates_floor(file: &str, strict: f64) {
    let Some(s) = scored(file, &[Kind::Date]) else {
        return;
    };
    assert!(
        kind_f1(&s.relaxed, Kind::Date) >= 0.91,
        "{file}: {:?}",
        s.relaxed
    );
    assert!(
        kind_f1(&s.strict, Kind::Date) >= strict,
        "{file}: {:?}",
        s.strict
    );
    let acc = s.relaxed.date_value.as_ref().map(|d| d.acc).unwrap_or(0.0);
    assert!(acc >= 0.85, "{file}: date value accuracy {acc:.3}");
}

fn dates_on_french_news() {
    dates_floor("dev/fr_timebank_dev.jsonl", 0.77);
}

fn dates_on_english_news() {
    dates_floor("dev/te3_tbaq_en.jsonl", 0.80);
}

fn main() {
    support::run(&[
        Case {
            name: "seed_dispatch_matches_its_gold_annotation",
            needs: Needs::Shared,
            run: seed_dispatch_matches_its_gold_annotation,
        },
        Case {
            name: "actors_and_places_on_french_news",
            needs: Needs::Shared,
            run: actors_and_places_on_french_news,
        },
        Case {
            name: "actors_and_places_on_french_parliament_and_encyclopedia",
            needs: Needs::Shared,
            run: actors_and_places_on_french_parliament_and_encyclopedia,
        },
        Case {
            name: "actors_and_places_on_english_news",
            needs: Needs::Shared,
            run: actors_and_places_on_english_news,
        },
        Case {
            name: "seed_dispatch_actors_and_places_are_exact",
            needs: Needs::Shared,
            run: seed_dispatch_actors_and_places_are_exact,
        },
        Case {
            name: "dates_on_french_news",
            needs: Needs::Shared,
            run: dates_on_french_news,
        },
        Case {
            name: "dates_on_english_news",
            needs: Needs::Shared,
            run: dates_on_english_news,
        },
    ]);
}
