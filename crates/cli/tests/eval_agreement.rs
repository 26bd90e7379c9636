//! The scorer (`depeche_eval`, `depeche eval`) against the reference scorer
//! `tools/score.py`: the same numbers on the shared dev corpora and every peer
//! prediction file, plus hand-made cases with hand-computed answers for each
//! rule of the gold format.
//!
//! The corpora are in `../shared` (never copied here). Without it, or without
//! `python3`, the agreement tests are skipped with a message, and fail when
//! `CI=true`.

mod support;
use support::{Case, Needs};

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use depeche::Kind;
use depeche_eval::{self as eval, GoldDoc, GoldKind, GoldSpan, PredSpan, Predictions, Scores};
use serde_json::{json, Value as Json};

const BIN: &str = env!("CARGO_BIN_EXE_depeche");

/// Each dev corpus and the kinds it annotates, from dev/README.md's table
/// (as `depeche eval --all` reads it).
fn corpora() -> Vec<(String, String)> {
    let readme = std::fs::read_to_string(shared().join("dev/README.md")).expect("dev/README.md");
    let sets = eval::suite::parse_manifest(&readme).expect("the corpus table");
    assert!(sets.len() >= 5, "only {} corpora", sets.len());
    sets.into_iter()
        .map(|s| {
            let kinds: Vec<&str> = s.kinds.iter().map(|k| k.as_str()).collect();
            (s.name, kinds.join(","))
        })
        .collect()
}

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// True when the shared corpora and python3 are here; otherwise says why,
/// and fails under CI.
fn can_compare() -> bool {
    let missing = if !shared().join("dev").is_dir() || !shared().join("tools/score.py").is_file() {
        Some("../shared (dev corpora and tools/score.py)")
    } else if Command::new("python3").arg("--version").output().is_err() {
        Some("python3")
    } else {
        None
    };
    match missing {
        None => true,
        Some(what) => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "{what} is missing and CI=true"
            );
            eprintln!("skipped: {what} is missing");
            false
        }
    }
}

fn run(cmd: &mut Command) -> Json {
    let out = cmd.output().expect("the command runs");
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

fn score_py(gold: &Path, pred: &Path, kinds: Option<&str>) -> Json {
    let mut cmd = Command::new("python3");
    cmd.arg(shared().join("tools/score.py")).arg(gold).arg(pred);
    if let Some(k) = kinds {
        cmd.args(["--kinds", k]);
    }
    cmd.arg("--json");
    run(&mut cmd)
}

fn depeche_eval(gold: &Path, pred: Option<&Path>, kinds: Option<&str>) -> Json {
    let mut cmd = Command::new(BIN);
    cmd.arg("eval").arg(gold);
    if let Some(p) = pred {
        cmd.arg(p);
    }
    if let Some(k) = kinds {
        cmd.args(["--kinds", k]);
    }
    cmd.arg("--json");
    run(&mut cmd)
}

/// Same keys everywhere (in the same order), numbers equal to 1e-9.
fn assert_agree(ours: &Json, theirs: &Json, at: &str) {
    match (ours, theirs) {
        (Json::Object(a), Json::Object(b)) => {
            let ka: Vec<&String> = a.keys().collect();
            let kb: Vec<&String> = b.keys().collect();
            let (mut sa, mut sb) = (ka.clone(), kb.clone());
            sa.sort();
            sb.sort();
            assert_eq!(sa, sb, "keys differ at {at}");
            for (k, v) in a {
                assert_agree(v, &b[k], &format!("{at}.{k}"));
            }
        }
        (Json::Number(a), Json::Number(b)) => {
            let (x, y) = (
                a.as_f64().unwrap_or(f64::NAN),
                b.as_f64().unwrap_or(f64::NAN),
            );
            assert!((x - y).abs() <= 1e-9, "{at}: depeche {x}, score.py {y}");
        }
        _ => assert_eq!(ours, theirs, "at {at}"),
    }
}

fn agrees_with_score_py_on_every_dev_corpus_and_peer() {
    if !can_compare() {
        return;
    }
    let dev = shared().join("dev");
    let mut compared = 0;
    for (name, kinds) in &corpora() {
        let kinds = kinds.as_str();
        let gold = dev.join(format!("{name}.jsonl"));
        assert!(gold.is_file(), "{} is missing", gold.display());
        let mut peers: Vec<PathBuf> = std::fs::read_dir(dev.join("peers"))
            .expect("dev/peers")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&format!("{name}.")))
            })
            .collect();
        peers.sort();
        for pred in &peers {
            for k in [Some(kinds), None] {
                let at = format!("{} {k:?}", pred.display());
                assert_agree(
                    &depeche_eval(&gold, Some(pred), k),
                    &score_py(&gold, pred, k),
                    &at,
                );
                compared += 1;
            }
        }
    }
    assert!(compared >= 10, "only {compared} comparisons");
}

fn self_annotation_scores_like_score_py_on_annotate_output() {
    if !can_compare() {
        return;
    }
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    for (name, kinds) in &corpora() {
        let kinds = kinds.as_str();
        let gold = shared().join("dev").join(format!("{name}.jsonl"));
        let out = Command::new(BIN)
            .args(["annotate", "--jsonl"])
            .arg(&gold)
            .output()
            .expect("annotate runs");
        assert!(out.status.success(), "annotate --jsonl failed on {name}");
        let pred = tmp.join(format!("eval_agreement_{name}.pred.jsonl"));
        std::fs::write(&pred, &out.stdout).expect("write predictions");
        assert_agree(
            &depeche_eval(&gold, None, Some(kinds)),
            &score_py(&gold, &pred, Some(kinds)),
            name,
        );
    }
}

// ---- Hand-made cases: each rule of the gold format, computed by hand. ----

fn gold(id: &str, spans: Vec<GoldSpan>) -> GoldDoc {
    GoldDoc {
        id: id.into(),
        text: None,
        lang: None,
        dct: None,
        spans,
    }
}

fn pred(start: i64, end: i64, kind: Kind) -> PredSpan {
    PredSpan {
        start,
        end,
        kind,
        value: None,
    }
}

fn preds(docs: Vec<(&str, Vec<PredSpan>)>) -> Predictions {
    docs.into_iter()
        .map(|(id, s)| (id.to_string(), s))
        .collect()
}

const ALL: &[Kind] = &[Kind::Actor, Kind::Place, Kind::Date];

/// (tp, fp, fn) of `kind` in the strict or relaxed scores.
fn counts(s: &Scores, strict: bool, kind: Kind) -> (usize, usize, usize) {
    let m = if strict { &s.strict } else { &s.relaxed };
    let (_, c) = m
        .kinds
        .iter()
        .find(|(k, _)| *k == kind)
        .expect("kind scored");
    (c.tp, c.fp, c.fn_)
}

fn strict_needs_the_exact_extent_relaxed_any_overlap() {
    let g = [gold("d", vec![GoldSpan::new(10, 20, GoldKind::Place)])];
    let p = preds(vec![("d", vec![pred(12, 20, Kind::Place)])]);
    let s = eval::score(&g, &p, ALL);
    assert_eq!(counts(&s, true, Kind::Place), (0, 1, 1));
    assert_eq!(counts(&s, false, Kind::Place), (1, 0, 0));
    assert_eq!(s.relaxed.all.f1, 1.0);
    assert_eq!(s.strict.all.p, 0.0);
    // A prediction of another kind over the same text matches nothing.
    let p = preds(vec![("d", vec![pred(10, 20, Kind::Actor)])]);
    let s = eval::score(&g, &p, ALL);
    assert_eq!(counts(&s, false, Kind::Actor), (0, 1, 0));
    assert_eq!(counts(&s, false, Kind::Place), (0, 0, 1));
}

fn matching_is_greedy_in_start_end_order() {
    // Gold A = [0, 10), B = [12, 20); predictions [2, 5) then [0, 14). Sorted,
    // [0, 14) comes first and takes A (the first gold span it overlaps), so
    // [2, 5) finds A used: a false positive, and B is missed. Matching in file
    // order, or by end, would have found both.
    let g = [gold(
        "d",
        vec![
            GoldSpan::new(0, 10, GoldKind::Actor),
            GoldSpan::new(12, 20, GoldKind::Actor),
        ],
    )];
    let p = preds(vec![(
        "d",
        vec![pred(2, 5, Kind::Actor), pred(0, 14, Kind::Actor)],
    )]);
    assert_eq!(
        counts(&eval::score(&g, &p, ALL), false, Kind::Actor),
        (1, 1, 1)
    );
    // Two predictions over one gold span: the second is a false positive.
    let g = [gold("d", vec![GoldSpan::new(0, 10, GoldKind::Actor)])];
    let p = preds(vec![(
        "d",
        vec![pred(5, 10, Kind::Actor), pred(0, 4, Kind::Actor)],
    )]);
    assert_eq!(
        counts(&eval::score(&g, &p, ALL), false, Kind::Actor),
        (1, 1, 0)
    );
}

fn optional_and_other_spans_neither_reward_nor_penalise() {
    let mut opt = GoldSpan::new(0, 5, GoldKind::Place);
    opt.optional = true;
    let g = [gold("d", vec![opt, GoldSpan::new(10, 15, GoldKind::Other)])];
    let p = preds(vec![(
        "d",
        vec![
            pred(0, 5, Kind::Place),  // over the optional place: ignored
            pred(0, 3, Kind::Actor),  // incompatible kind: false positive
            pred(11, 13, Kind::Date), // `other` accepts every kind: ignored
        ],
    )]);
    let s = eval::score(&g, &p, ALL);
    assert_eq!(counts(&s, false, Kind::Place), (0, 0, 0));
    assert_eq!(counts(&s, false, Kind::Actor), (0, 1, 0));
    assert_eq!(counts(&s, false, Kind::Date), (0, 0, 0));
    assert_eq!(counts(&s, true, Kind::Actor), (0, 1, 0));
}

fn alt_kinds_count_under_the_predicted_kind_and_alt_extents_are_exact() {
    let mut g1 = GoldSpan::new(0, 6, GoldKind::Place);
    g1.alt_kinds = vec![Kind::Actor];
    let mut g2 = GoldSpan::new(10, 25, GoldKind::Date);
    g2.alt_extents = vec![(13, 25)];
    let g = [gold("d", vec![g1, g2])];
    let p = preds(vec![(
        "d",
        vec![pred(0, 6, Kind::Actor), pred(13, 25, Kind::Date)],
    )]);
    let s = eval::score(&g, &p, ALL);
    assert_eq!(counts(&s, true, Kind::Actor), (1, 0, 0));
    assert_eq!(counts(&s, true, Kind::Place), (0, 0, 0));
    assert_eq!(counts(&s, true, Kind::Date), (1, 0, 0));
}

fn date_values_are_scored_on_relaxed_matches_unless_optional() {
    let dated = |s, e, v: &str, optional: bool| {
        let mut g = GoldSpan::new(s, e, GoldKind::Date);
        g.value = Some(json!(v));
        g.value_optional = optional;
        g
    };
    let g = [gold(
        "d",
        vec![
            dated(0, 10, "2017-11-03", false),
            dated(20, 30, "2017-11", false),
            dated(40, 50, "XXXX-11-05", true),
            dated(60, 70, "2017-11-06", false),
        ],
    )];
    let v = |s, e, val: Option<&str>| PredSpan {
        start: s,
        end: e,
        kind: Kind::Date,
        value: val.map(|x| json!(x)),
    };
    let p = preds(vec![(
        "d",
        vec![
            v(2, 10, Some("2017-11-03")),  // right
            v(20, 30, Some("2017-11-01")), // wrong
            v(40, 50, None),               // value not scored
            v(60, 70, None),               // no value: wrong
        ],
    )]);
    let s = eval::score(&g, &p, ALL);
    let dv = s.relaxed.date_value.as_ref().expect("date values scored");
    assert_eq!(dv.n, 3);
    assert_eq!(dv.acc, 1.0 / 3.0);
    assert!(s.strict.date_value.is_none());
    let json = serde_json::to_value(&s).expect("serialises");
    assert_eq!(json["relaxed"]["date_value_n"], json!(3));
    assert!(json["strict"].get("date_value_acc").is_none());
}

fn kinds_filter_predictions_and_missing_docs_are_counted() {
    let g = [
        gold(
            "a",
            vec![
                GoldSpan::new(0, 5, GoldKind::Actor),
                GoldSpan::new(10, 15, GoldKind::Date),
            ],
        ),
        gold("b", vec![GoldSpan::new(0, 5, GoldKind::Place)]),
    ];
    let p = preds(vec![(
        "a",
        vec![pred(0, 5, Kind::Actor), pred(20, 25, Kind::Date)],
    )]);
    let s = eval::score(&g, &p, &[Kind::Actor, Kind::Place]);
    assert_eq!(s.missing_docs, 1);
    let names: Vec<Kind> = s.relaxed.kinds.iter().map(|(k, _)| *k).collect();
    assert_eq!(names, [Kind::Actor, Kind::Place]);
    assert_eq!(counts(&s, false, Kind::Actor), (1, 0, 0));
    assert_eq!(counts(&s, false, Kind::Place), (0, 0, 1));
    // The date prediction and the missed gold date are outside the kinds scored.
    assert_eq!(s.relaxed.all.p, 1.0);
    assert_eq!(s.relaxed.all.r, 0.5);
    assert!((s.relaxed.all.f1 - 2.0 / 3.0).abs() < 1e-15);
    let json = serde_json::to_string(&s).expect("serialises");
    assert!(json.starts_with("{\"strict\":{\"actor\":{\"p\":1.0,\"r\":1.0,\"f1\":1.0,\"tp\":1,\"fp\":0,\"fn\":0},\"place\":"), "{json}");
    assert!(json.ends_with(",\"missing_docs\":1}"), "{json}");
}

fn hand_made_cases_agree_with_score_py() {
    if !can_compare() {
        return;
    }
    // One gold file exercising every rule at once, in the file format.
    let gold_text = [
        json!({"id": "a", "text": "", "spans": [
            {"start": 0, "end": 10, "kind": "actor"},
            {"start": 8, "end": 20, "kind": "actor"},
            {"start": 30, "end": 36, "kind": "place", "alt_kinds": ["actor"]},
            {"start": 40, "end": 45, "kind": "other"},
            {"start": 50, "end": 60, "kind": "date", "value": "2017-11-03"},
            {"start": 70, "end": 80, "kind": "date", "value": "2017", "value_optional": true},
            {"start": 90, "end": 99, "kind": "place", "optional": true},
            {"start": 100, "end": 110, "kind": "place", "alt_extents": [[104, 110]]},
            {"start": 120, "end": 130, "kind": "actor"},
            {"start": 132, "end": 140, "kind": "actor"}]}),
        json!({"id": 7, "spans": [{"start": 0, "end": 4, "kind": "date", "value": "2017-11-04"}]}),
        json!({"id": "missing", "spans": [{"start": 0, "end": 4, "kind": "actor"}]}),
    ]
    .iter()
    .map(|v| v.to_string() + "\n")
    .collect::<String>();
    let pred_text = [
        json!({"id": "a", "spans": [
            {"start": 9, "end": 12, "kind": "actor"},
            {"start": 0, "end": 9, "kind": "actor"},
            {"start": 30, "end": 36, "kind": "actor"},
            {"start": 41, "end": 43, "kind": "date"},
            {"start": 52, "end": 60, "kind": "date", "value": "2017-11-03"},
            {"start": 70, "end": 80, "kind": "date"},
            {"start": 90, "end": 95, "kind": "actor"},
            {"start": 104, "end": 110, "kind": "place"},
            {"start": 122, "end": 125, "kind": "actor"},
            {"start": 120, "end": 134, "kind": "actor"},
            {"start": 200, "end": 205, "kind": "misc"}]}),
        json!({"id": 7, "spans": [{"start": 0, "end": 4, "kind": "date", "value": "2017-11-05"}]}),
    ]
    .iter()
    .map(|v| v.to_string() + "\n")
    .collect::<String>();
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let (gp, pp) = (tmp.join("hand.gold.jsonl"), tmp.join("hand.pred.jsonl"));
    std::fs::write(&gp, &gold_text).expect("write gold");
    std::fs::write(&pp, &pred_text).expect("write pred");
    for k in [None, Some("actor,place"), Some("date"), Some("place,actor")] {
        assert_agree(
            &depeche_eval(&gp, Some(&pp), k),
            &score_py(&gp, &pp, k),
            &format!("hand-made {k:?}"),
        );
    }
    // And the library reads the same files to the same numbers.
    let g = eval::load_gold(&gold_text).expect("gold");
    let p = eval::load_predictions(&pred_text).expect("pred");
    let lib = serde_json::to_value(eval::score(&g, &p, ALL)).expect("serialises");
    assert_agree(&lib, &score_py(&gp, &pp, None), "library");
    let _: HashMap<String, Vec<PredSpan>> = p;
}

fn main() {
    support::run(&[
        Case {
            name: "agrees_with_score_py_on_every_dev_corpus_and_peer",
            needs: Needs::SharedAndPython,
            run: agrees_with_score_py_on_every_dev_corpus_and_peer,
        },
        Case {
            name: "self_annotation_scores_like_score_py_on_annotate_output",
            needs: Needs::SharedAndPython,
            run: self_annotation_scores_like_score_py_on_annotate_output,
        },
        Case {
            name: "strict_needs_the_exact_extent_relaxed_any_overlap",
            needs: Needs::Nothing,
            run: strict_needs_the_exact_extent_relaxed_any_overlap,
        },
        Case {
            name: "matching_is_greedy_in_start_end_order",
            needs: Needs::Nothing,
            run: matching_is_greedy_in_start_end_order,
        },
        Case {
            name: "optional_and_other_spans_neither_reward_nor_penalise",
            needs: Needs::Nothing,
            run: optional_and_other_spans_neither_reward_nor_penalise,
        },
        Case {
            name: "alt_kinds_count_under_the_predicted_kind_and_alt_extents_are_exact",
            needs: Needs::Nothing,
            run: alt_kinds_count_under_the_predicted_kind_and_alt_extents_are_exact,
        },
        Case {
            name: "date_values_are_scored_on_relaxed_matches_unless_optional",
            needs: Needs::Nothing,
            run: date_values_are_scored_on_relaxed_matches_unless_optional,
        },
        Case {
            name: "kinds_filter_predictions_and_missing_docs_are_counted",
            needs: Needs::Nothing,
            run: kinds_filter_predictions_and_missing_docs_are_counted,
        },
        Case {
            name: "hand_made_cases_agree_with_score_py",
            needs: Needs::SharedAndPython,
            run: hand_made_cases_agree_with_score_py,
        },
    ]);
}
