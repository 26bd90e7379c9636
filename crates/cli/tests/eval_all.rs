//! `depeche eval --all DIR` and the error categories behind its reports.
//!
//! The categories are checked on hand-made gold and predictions with
//! hand-counted answers (each rule of the gold format: `optional`, `other`,
//! `alt_kinds`, `alt_extents`, `value_optional`). The command is run on a
//! small corpus directory written here (README table, two corpora, peers),
//! whose texts are chosen so that depeche's output on them is plain (a
//! capital city, a full date), and checked row by row. On `../shared/dev` it
//! must give the same figures as `depeche eval GOLD --kinds K` file by file;
//! that test is skipped with a message when `../shared` is absent, and fails
//! then when `CI=true`.

mod support;
use support::{Case, Needs};

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use depeche::Kind;
use depeche_eval::errors::{errors, Category, ErrorReport};
use depeche_eval::{GoldDoc, GoldKind, GoldSpan, PredSpan, Predictions};
use serde_json::{json, Value as Json};

const BIN: &str = env!("CARGO_BIN_EXE_depeche");

fn gold(id: &str, text: &str, spans: Vec<GoldSpan>) -> GoldDoc {
    GoldDoc {
        id: id.into(),
        text: Some(text.into()),
        lang: None,
        dct: None,
        spans,
    }
}

fn g(start: i64, end: i64, kind: GoldKind) -> GoldSpan {
    GoldSpan::new(start, end, kind)
}

fn p(start: i64, end: i64, kind: Kind) -> PredSpan {
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

/// (count, gold text, predicted text) of each group of a category.
fn groups(r: &ErrorReport, c: Category) -> Vec<(usize, String, String)> {
    r.of(c)
        .map(|g| {
            (
                g.count,
                g.key
                    .gold
                    .as_ref()
                    .map_or(String::new(), |(_, t)| t.clone()),
                g.key
                    .pred
                    .as_ref()
                    .map_or(String::new(), |(_, t)| t.clone()),
            )
        })
        .collect()
}

fn owned(v: &[(usize, &str, &str)]) -> Vec<(usize, String, String)> {
    v.iter()
        .map(|&(n, a, b)| (n, a.to_string(), b.to_string()))
        .collect()
}

const ALL: &[Kind] = &[Kind::Actor, Kind::Place, Kind::Date];

fn missed_spurious_and_wrong_kind_count_each_case_once() {
    //          0         1         2         3         4
    //          0123456789012345678901234567890123456789012345
    let text = "Ali vit à Rome. Ali aime Rome. Le Monde écrit.";
    let doc = gold(
        "d",
        text,
        vec![
            g(0, 3, GoldKind::Actor),   // Ali: missed
            g(16, 19, GoldKind::Actor), // Ali: missed again
            g(10, 14, GoldKind::Place), // Rome: found
            g(25, 29, GoldKind::Actor), // Rome as an actor: predicted place
            g(31, 39, GoldKind::Actor), // Le Monde: predicted place, twice over
        ],
    );
    let pr = preds(vec![(
        "d",
        vec![
            p(10, 14, Kind::Place),
            p(25, 29, Kind::Place),
            p(31, 33, Kind::Place),
            p(34, 39, Kind::Place),
            p(40, 45, Kind::Date), // "écrit": spurious
        ],
    )]);
    let r = errors(&[doc], &pr, ALL);
    assert_eq!(groups(&r, Category::Missed), owned(&[(2, "Ali", "")]));
    assert_eq!(groups(&r, Category::Spurious), owned(&[(1, "", "écrit")]));
    // One case per gold-prediction pair: the gold side names the first
    // prediction, the second one over "Le Monde" is its own case.
    assert_eq!(
        groups(&r, Category::WrongKind),
        owned(&[
            (1, "Le Monde", "Le"),
            (1, "Le Monde", "Monde"),
            (1, "Rome", "Rome")
        ])
    );
    assert_eq!(r.cases(Category::WrongExtent), 0);
    assert_eq!(r.cases(Category::WrongValue), 0);
    let missed = r.of(Category::Missed).next().expect("a group");
    assert_eq!(missed.examples.len(), 2);
    assert_eq!(
        missed.examples[0].context,
        "⟦Ali⟧ vit à Rome. Ali aime Rome. Le Monde écr…"
    );
    assert_eq!(r.docs, 1);
}

fn extents_merged_split_and_alternative() {
    //          0         1         2         3
    //          0123456789012345678901234567890123456
    let text = "New York et Boston, puis Jean Dupont.";
    let mut ny = g(0, 8, GoldKind::Place);
    ny.alt_extents = vec![(0, 3)];
    let doc = gold(
        "d",
        text,
        vec![
            ny,
            g(12, 18, GoldKind::Place), // Boston
            g(25, 36, GoldKind::Actor), // Jean Dupont
        ],
    );
    // "New" is an accepted extent; "York et Boston" merges the rest with
    // Boston (wrong extent: two gold spans, one prediction, matched to...
    // nothing: New York is taken, so it matches Boston inexactly); Jean
    // Dupont is split in two.
    let pr = preds(vec![(
        "d",
        vec![
            p(0, 3, Kind::Place),
            p(4, 18, Kind::Place),
            p(25, 29, Kind::Actor),
            p(30, 36, Kind::Actor),
        ],
    )]);
    let r = errors(&[doc], &pr, ALL);
    // Ties: by gold kind, then texts.
    assert_eq!(
        groups(&r, Category::WrongExtent),
        owned(&[
            (1, "Jean Dupont", "Dupont"),
            (1, "Jean Dupont", "Jean"),
            (1, "Boston", "York et Boston"),
        ])
    );
    let ctx: Vec<&str> = r
        .of(Category::WrongExtent)
        .map(|g| g.examples[0].context.as_str())
        .collect();
    assert_eq!(ctx[2], "New ⟨York et ⟦Boston⟧⟩, puis Jean Dupont.");
    assert_eq!(r.cases(Category::Missed), 0);
    assert_eq!(r.cases(Category::Spurious), 0);
    assert_eq!(r.cases(Category::WrongKind), 0);

    // One prediction over two gold spans: one inexact match, one gold span
    // whose prediction went elsewhere.
    let doc = gold(
        "e",
        text,
        vec![g(0, 8, GoldKind::Place), g(12, 18, GoldKind::Place)],
    );
    let pr = preds(vec![("e", vec![p(0, 18, Kind::Place)])]);
    let r = errors(&[doc], &pr, ALL);
    assert_eq!(
        groups(&r, Category::WrongExtent),
        owned(&[
            (1, "Boston", "New York et Boston"),
            (1, "New York", "New York et Boston")
        ])
    );
    assert_eq!(r.cases(Category::Missed), 0);
}

fn optional_other_and_alt_kinds_are_no_errors_of_an_accepted_kind() {
    //          0         1         2
    //          0123456789012345678901234567
    let text = "La France et l'ONU à Genève.";
    let mut france = g(3, 9, GoldKind::Place);
    france.alt_kinds = vec![Kind::Actor];
    let mut onu = g(15, 18, GoldKind::Actor);
    onu.optional = true;
    let doc = gold("d", text, vec![france, onu, g(21, 27, GoldKind::Other)]);
    let pr = preds(vec![(
        "d",
        vec![
            p(3, 9, Kind::Actor),   // an accepted kind
            p(15, 18, Kind::Actor), // optional: neither rewarded nor penalised
            p(21, 27, Kind::Place), // other accepts every kind
        ],
    )]);
    let r = errors(std::slice::from_ref(&doc), &pr, ALL);
    assert!(r.groups.is_empty(), "{:?}", r.groups);
    // An optional span of another kind does not excuse a prediction.
    let pr = preds(vec![("d", vec![p(15, 18, Kind::Place)])]);
    let r = errors(std::slice::from_ref(&doc), &pr, ALL);
    assert_eq!(groups(&r, Category::WrongKind), owned(&[(1, "ONU", "ONU")]));
    assert_eq!(groups(&r, Category::Missed), owned(&[(1, "France", "")]));
    // Only the kinds scored: a place prediction and a place gold span are
    // left out when scoring actors.
    let r = errors(&[doc], &pr, &[Kind::Actor]);
    assert!(r.groups.is_empty(), "{:?}", r.groups);
}

fn date_values_unless_value_optional() {
    //          0         1         2         3
    //          0123456789012345678901234567890123456
    let text = "Hier, mardi, et le 3 mars, puis lundi.";
    let dated = |s, e, v: &str, optional: bool| {
        let mut d = g(s, e, GoldKind::Date);
        d.value = Some(json!(v));
        d.value_optional = optional;
        d
    };
    let doc = gold(
        "d",
        text,
        vec![
            dated(0, 4, "2017-11-03", false),
            dated(6, 11, "2017-10-31", false),
            dated(16, 25, "2017-03-03", false),
            dated(32, 37, "2017-10-30", true),
        ],
    );
    let v = |s, e, val: Option<&str>| PredSpan {
        start: s,
        end: e,
        kind: Kind::Date,
        value: val.map(|x| json!(x)),
    };
    let pr = preds(vec![(
        "d",
        vec![
            v(0, 4, Some("2017-11-03")),   // right
            v(6, 11, Some("2017-11-07")),  // wrong
            v(19, 25, None),               // no value: wrong, and a shorter extent
            v(32, 37, Some("2017-11-06")), // not scored
        ],
    )]);
    let r = errors(&[doc], &pr, ALL);
    assert_eq!(
        groups(&r, Category::WrongValue),
        owned(&[(1, "le 3 mars", "3 mars"), (1, "mardi", "mardi")])
    );
    let details: Vec<&str> = r
        .of(Category::WrongValue)
        .filter_map(|g| g.examples[0].detail.as_deref())
        .collect();
    assert_eq!(
        details,
        [
            "gold 2017-03-03, predicted none",
            "gold 2017-10-31, predicted 2017-11-07"
        ]
    );
    assert_eq!(
        groups(&r, Category::WrongExtent),
        owned(&[(1, "le 3 mars", "3 mars")])
    );
}

// ---- the command on a directory written here ----

/// A fresh directory under the system's temporary one.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("depeche-eval-all-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("peers")).expect("temporary directory");
    dir
}

fn write_jsonl(path: &Path, records: &[Json]) {
    let text: String = records.iter().map(|r| format!("{r}\n")).collect();
    std::fs::write(path, text).expect("write");
}

const README: &str = "# Test corpora\n\n\
    | file | lang | text | kinds to score | notes |\n\
    |---|---|---|---|---|\n\
    | `a_fr.jsonl` | fr | sentences | `actor,place` | names |\n\
    | `b_en.jsonl` | en | sentences | `date` | dates \\| values |\n";

fn span(s: usize, e: usize, kind: &str) -> Json {
    json!({"start": s, "end": e, "kind": kind})
}

fn write_corpora(dir: &Path) {
    std::fs::write(dir.join("README.md"), README).expect("README");
    let a1 =
        "La délégation est arrivée à Paris le 3 novembre 2017 pour rencontrer Emmanuel Macron.";
    let a2 = "Le chat dort sur le tapis rouge.";
    let a3 = "Le maire a quitté Lyon mardi.";
    let a4 = "Les élus de Lyon ont voté.";
    let mut tapis = span(20, 25, "place");
    tapis["optional"] = json!(true);
    let gold_a = [
        // Paris as an actor (no alt_kinds): depeche's place is a wrong kind;
        // Emmanuel Macron as `other`: excused.
        json!({"id": "a1", "lang": "fr", "text": a1,
               "spans": [span(28, 33, "actor"), span(69, 84, "other")]}),
        // "chat" as an actor: missed; "tapis" optional: not missed.
        json!({"id": "a2", "lang": "fr", "text": a2, "spans": [span(3, 7, "actor"), tapis]}),
        // "quitté Lyon" as the place: depeche's "Lyon" is a wrong extent.
        json!({"id": "a3", "lang": "fr", "text": a3, "spans": [span(11, 22, "place")]}),
        // Nothing to find: depeche's "Lyon" is spurious.
        json!({"id": "a4", "lang": "fr", "text": a4, "spans": []}),
    ];
    write_jsonl(&dir.join("a_fr.jsonl"), &gold_a);
    // A peer that predicts exactly the gold, one that predicts nothing.
    let perfect: Vec<Json> = gold_a
        .iter()
        .map(|d| {
            let spans: Vec<Json> = d["spans"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|s| s["kind"] != "other" && s.get("optional").is_none())
                .cloned()
                .collect();
            json!({"id": d["id"], "spans": spans})
        })
        .collect();
    write_jsonl(&dir.join("peers/a_fr.perfect.jsonl"), &perfect);
    let none: Vec<Json> = gold_a
        .iter()
        .map(|d| json!({"id": d["id"], "spans": []}))
        .collect();
    write_jsonl(&dir.join("peers/a_fr.none.jsonl"), &none);

    let b1 = "The minister left Lyon on Tuesday and came back on 5 November 2017. It rained on 1 November 2017.";
    let date = |s, e, v: &str| json!({"start": s, "end": e, "kind": "date", "value": v});
    let mut rained = date(81, 96, "1999-01-01");
    rained["value_optional"] = json!(true);
    // The gold value of "5 November 2017" is deliberately off by a day: one
    // wrong value; the value_optional one is not scored.
    let gold_b = [
        json!({"id": "b1", "lang": "en", "dct": "2017-11-04", "text": b1,
        "spans": [date(26, 33, "2017-10-31"), date(51, 66, "2017-11-06"), rained]}),
    ];
    write_jsonl(&dir.join("b_en.jsonl"), &gold_b);
    write_jsonl(
        &dir.join("peers/b_en.chrono.jsonl"),
        &[json!({"id": "b1", "spans": [date(26, 33, "2017-10-31")]})],
    );
}

fn depeche(args: &[&str], cwd: &Path) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("depeche runs")
}

fn row<'a>(md: &'a str, start: &str) -> &'a str {
    md.lines()
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no row starting with {start:?} in:\n{md}"))
}

fn all_writes_the_tables_and_one_error_report_per_corpus() {
    let dir = scratch("ok");
    write_corpora(&dir);
    let out = depeche(
        &[
            "eval",
            "--all",
            ".",
            "--out",
            "Q.md",
            "--reports",
            "reports",
        ],
        &dir,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let q = std::fs::read_to_string(dir.join("Q.md")).expect("Q.md written");

    // The command and the stamp.
    assert!(
        q.contains("    depeche eval --all . --out Q.md --reports reports\n"),
        "{q}"
    );
    assert!(q.contains("at commit unknown"), "not a git repository: {q}");

    // Targets: depeche's relaxed actor F1 is 0 (Paris is predicted as a
    // place); places: tp 1 (Lyon in "quitté Lyon"), fp 2, fn 0.
    assert_eq!(
        row(&q, "| a_fr | actor |"),
        "| a_fr | actor | 0.000 | 1.000 (perfect) | ✗ | 0.000 | 1.000 (perfect) | ✗ |"
    );
    assert_eq!(
        row(&q, "| a_fr | place |"),
        "| a_fr | place | 0.500 | 1.000 (perfect) | ✗ | 0.000 | 1.000 (perfect) | ✗ |"
    );
    // Dates: all three found exactly (Tuesday, both full dates); chrono has
    // one of three required dates: P 1, R 1/3.
    assert_eq!(
        row(&q, "| b_en | date |"),
        "| b_en | date | 1.000 | 0.500 (chrono) | ✓ | 1.000 | 0.500 (chrono) | ✓ |"
    );
    assert!(q.contains("\n2 of 7 met; not yet: a_fr actor relaxed, a_fr actor strict, a_fr place relaxed, a_fr place strict, b_en date values.\n"), "{q}");
    // Date values: Tuesday right, 5 November off by the gold's day, 1 November not scored.
    assert_eq!(
        row(&q, "| b_en | 0.500 |"),
        "| b_en | 0.500 | 2 | 1.000 (chrono) | ✗ |"
    );
    // Detail rows, the peers' beside depeche's.
    assert_eq!(
        row(&q, "| a_fr | fr | place | **depeche** |"),
        "| a_fr | fr | place | **depeche** | 0.333 | 1.000 | 0.500 | 0.000 | 0.000 | 0.000 | 1/2/0 | – |"
    );
    assert_eq!(
        row(&q, "| a_fr | fr | actor | none |"),
        "| a_fr | fr | actor | none | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 | 0.000 | 0/0/2 | – |"
    );
    assert_eq!(
        row(&q, "| b_en | en | date | chrono |"),
        "| b_en | en | date | chrono | 1.000 | 0.333 | 0.500 | 1.000 | 0.333 | 0.500 | 1/0/2 | 1.000 (1) |"
    );
    assert!(
        !q.contains("The seed dispatch ("),
        "no --seed, no seed section"
    );
    // Errors per category, linked.
    assert_eq!(
        row(&q, "| a_fr | [a_fr.errors.md]"),
        "| a_fr | [a_fr.errors.md](reports/a_fr.errors.md) | 1 | 1 | 1 | 1 | 0 |"
    );
    assert_eq!(
        row(&q, "| b_en | [b_en.errors.md]"),
        "| b_en | [b_en.errors.md](reports/b_en.errors.md) | 0 | 0 | 0 | 0 | 1 |"
    );
    // The corpora's texts stay out of the quality report.
    assert!(!q.contains("Lyon"));

    let a = std::fs::read_to_string(dir.join("reports/a_fr.errors.md")).expect("report");
    assert!(a.contains("4 documents scored on actor, place"), "{a}");
    assert_eq!(
        row(&a, "| 1 | actor: chat |"),
        "| 1 | actor: chat | – | Le ⟦chat⟧ dort sur le tapis rouge. — doc a2 |"
    );
    assert_eq!(
        row(&a, "| 1 | – |"),
        "| 1 | – | place: Lyon | Les élus de ⟦Lyon⟧ ont voté. — doc a4 |"
    );
    assert_eq!(
        row(&a, "| 1 | place: quitté Lyon |"),
        "| 1 | place: quitté Lyon | place: Lyon | Le maire a ⟦quitté ⟨Lyon⟧⟩ mardi. — doc a3 |"
    );
    assert!(row(&a, "| 1 | actor: Paris | place: Paris |").contains("à ⟦Paris⟧ le 3"));
    let b = std::fs::read_to_string(dir.join("reports/b_en.errors.md")).expect("report");
    assert!(
        row(&b, "| 1 | date: 5 November 2017 |")
            .contains("(gold 2017-11-06, predicted 2017-11-05)"),
        "{b}"
    );

    // Without --out, the report goes to standard output; --seed adds the
    // seed's section, scored on all kinds.
    let out = depeche(&["eval", "--all", ".", "--seed", "a_fr.jsonl"], &dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let q = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        q.contains("The seed dispatch (a_fr), strict, target ≥ 0.95 overall:"),
        "{q}"
    );
    assert_eq!(
        row(&q, "| **all** |"),
        "| **all** | 0.000 | 0.000 | 0.000 | ✗ |"
    );
    assert!(q.contains("no report files were written"));
    let _ = std::fs::remove_dir_all(&dir);
}

fn all_fails_clearly_on_what_it_cannot_read() {
    let dir = scratch("bad");
    write_corpora(&dir);
    let run = |args: &[&str]| {
        let out = depeche(args, &dir);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    assert!(run(&["eval", "--all", ".", "--kinds", "date"]).contains("README.md"));
    assert!(run(&["eval", "--all", ".", "a_fr.jsonl"]).contains("no GOLD or PRED"));
    assert!(run(&["eval", "a_fr.jsonl", "--out", "x.md"]).contains("--out goes with eval --all"));
    std::fs::write(dir.join("c_en.jsonl"), "").expect("write");
    let e = run(&["eval", "--all", "."]);
    assert!(e.contains("c_en.jsonl is not in the table"), "{e}");
    std::fs::remove_file(dir.join("c_en.jsonl")).expect("remove");
    std::fs::write(dir.join("README.md"), "# Nothing here\n").expect("write");
    let e = run(&["eval", "--all", "."]);
    assert!(e.contains("no table with a \"file\" column"), "{e}");
    let e = run(&["eval", "--all", "missing-dir"]);
    assert!(e.contains("cannot read"), "{e}");
    let _ = std::fs::remove_dir_all(&dir);
}

// ---- ../shared/dev ----

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn have_shared() -> bool {
    if shared().join("dev/README.md").is_file() {
        return true;
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "../shared/dev is missing and CI=true"
    );
    eprintln!("skipped: ../shared/dev is missing");
    false
}

fn all_on_the_dev_corpora_gives_each_file_s_own_figures() {
    if !have_shared() {
        return;
    }
    let dev = shared().join("dev");
    let out = Command::new(BIN)
        .args(["eval", "--all"])
        .arg(&dev)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let q = String::from_utf8(out.stdout).expect("UTF-8");
    let readme = std::fs::read_to_string(dev.join("README.md")).expect("README");
    let sets = depeche_eval::suite::parse_manifest(&readme).expect("table");
    assert!(sets.len() >= 5, "{sets:?}");
    for set in &sets {
        let kinds: Vec<&str> = set.kinds.iter().map(|k| k.as_str()).collect();
        let kinds = kinds.join(",");
        let one = Command::new(BIN)
            .arg("eval")
            .arg(dev.join(format!("{}.jsonl", set.name)))
            .args(["--kinds", &kinds, "--json"])
            .output()
            .expect("runs");
        let s: Json = serde_json::from_slice(&one.stdout).expect("JSON");
        for k in &set.kinds {
            let k = k.as_str();
            let f = |mode: &str, m: &str| format!("{:.3}", s[mode][k][m].as_f64().unwrap_or(-1.0));
            let expect = format!(
                "| {} | {} | {k} | **depeche** | {} | {} | {} | {} | {} | {} | {}/{}/{} |",
                set.name,
                set.lang,
                f("relaxed", "p"),
                f("relaxed", "r"),
                f("relaxed", "f1"),
                f("strict", "p"),
                f("strict", "r"),
                f("strict", "f1"),
                s["relaxed"][k]["tp"],
                s["relaxed"][k]["fp"],
                s["relaxed"][k]["fn"],
            );
            assert!(q.contains(&expect), "{expect} not in:\n{q}");
        }
    }
}

fn all_scores_the_lang_corpora_of_known_languages_and_halves_apart() {
    let dir = scratch("lang");
    write_corpora(&dir);
    let readme = format!(
        "{README}\nLanguages to come, in `lang/`:\n\n\
         | corpus | lang | text | score on | notes |\n|---|---|---|---|---|\n\
         | `lang/c_es_dev.jsonl` | es | wire | `actor,place` | x |\n\
         | `lang/d_xx_dev.jsonl` | xx | wire | `actor,place` | an unknown language |\n"
    );
    std::fs::write(dir.join("README.md"), readme).expect("README");
    std::fs::create_dir_all(dir.join("lang/peers")).expect("lang/");
    let c = "El Gobierno colombiano se reunió en Bogotá.";
    let doc =
        |id: &str| json!({"id": id, "lang": "es", "text": c, "spans": [span(36, 42, "place")]});
    write_jsonl(&dir.join("lang/c_es_dev.jsonl"), &[doc("a"), doc("b")]);
    write_jsonl(
        &dir.join("lang/d_xx_dev.jsonl"),
        &[json!({"id": "x", "text": "x", "spans": []})],
    );
    let out = depeche(&["eval", "--all", ".", "--out", "Q.md"], &dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let q = std::fs::read_to_string(dir.join("Q.md")).expect("Q.md written");
    assert!(q.contains("| c_es_dev | es | place | **depeche** |"), "{q}");
    assert!(!q.contains("d_xx_dev"), "{q}");

    // --half: "a" is in the write half, "b" in the check half (halves.rs).
    let half = |h: &str| {
        let out = depeche(
            &["eval", "lang/c_es_dev.jsonl", "--half", h, "--json"],
            &dir,
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Json = serde_json::from_slice(&out.stdout).expect("json");
        v["relaxed"]["place"]["tp"].as_u64().unwrap_or(99)
    };
    assert_eq!((half("write"), half("check")), (1, 1));
    let out = depeche(&["eval", "lang/c_es_dev.jsonl", "--half", "both"], &dir);
    assert_eq!(out.status.code(), Some(2));
}

fn main() {
    support::run(&[
        Case {
            name: "missed_spurious_and_wrong_kind_count_each_case_once",
            needs: Needs::Nothing,
            run: missed_spurious_and_wrong_kind_count_each_case_once,
        },
        Case {
            name: "extents_merged_split_and_alternative",
            needs: Needs::Nothing,
            run: extents_merged_split_and_alternative,
        },
        Case {
            name: "optional_other_and_alt_kinds_are_no_errors_of_an_accepted_kind",
            needs: Needs::Nothing,
            run: optional_other_and_alt_kinds_are_no_errors_of_an_accepted_kind,
        },
        Case {
            name: "date_values_unless_value_optional",
            needs: Needs::Nothing,
            run: date_values_unless_value_optional,
        },
        Case {
            name: "all_writes_the_tables_and_one_error_report_per_corpus",
            needs: Needs::Nothing,
            run: all_writes_the_tables_and_one_error_report_per_corpus,
        },
        Case {
            name: "all_scores_the_lang_corpora_of_known_languages_and_halves_apart",
            needs: Needs::Nothing,
            run: all_scores_the_lang_corpora_of_known_languages_and_halves_apart,
        },
        Case {
            name: "all_fails_clearly_on_what_it_cannot_read",
            needs: Needs::Nothing,
            run: all_fails_clearly_on_what_it_cannot_read,
        },
        Case {
            name: "all_on_the_dev_corpora_gives_each_file_s_own_figures",
            needs: Needs::Shared,
            run: all_on_the_dev_corpora_gives_each_file_s_own_figures,
        },
    ]);
}
