//! German wire copy written for depeche (`tests/gold/de_dispatches.jsonl`:
//! twelve dispatches in the style of dpa, AFP, Reuters and APA, with their
//! gold in the format of FORMAT.md), scored as the issue asks of a new
//! language: relaxed F1 ≥ 0.90 for dates and ≥ 0.85 for actors and places,
//! and ≥ 0.85 of the matched dates with the gold value. The scoring is the
//! relaxed one of FORMAT.md (any overlap, an accepted kind; optional spans
//! neither rewarded nor penalised), written out here because the core's
//! tests do not depend on the evaluation crate.

use depeche::{annotate, Date, Kind, Lang, Options, Value};
use serde_json::Value as Json;

struct Gold {
    start: usize,
    end: usize,
    kinds: Vec<Kind>,
    value: Option<String>,
    optional: bool,
}

fn kind(s: &str) -> Option<Kind> {
    match s {
        "actor" => Some(Kind::Actor),
        "place" => Some(Kind::Place),
        "date" => Some(Kind::Date),
        _ => None,
    }
}

fn gold_spans(doc: &Json) -> Vec<Gold> {
    let spans = doc["spans"].as_array().expect("spans");
    spans
        .iter()
        .map(|s| {
            let mut kinds: Vec<Kind> = kind(s["kind"].as_str().expect("kind"))
                .into_iter()
                .collect();
            if let Some(alt) = s["alt_kinds"].as_array() {
                kinds.extend(alt.iter().filter_map(|k| k.as_str().and_then(kind)));
            }
            Gold {
                start: s["start"].as_u64().expect("start") as usize,
                end: s["end"].as_u64().expect("end") as usize,
                kinds,
                value: s["value"].as_str().map(str::to_string),
                optional: s["optional"].as_bool().unwrap_or(false),
            }
        })
        .collect()
}

#[derive(Default, Debug)]
struct Count {
    tp_pred: usize,
    fp: usize,
    tp_gold: usize,
    fn_: usize,
    values_right: usize,
}

impl Count {
    fn f1(&self) -> f64 {
        let p = self.tp_pred as f64 / (self.tp_pred + self.fp).max(1) as f64;
        let r = self.tp_gold as f64 / (self.tp_gold + self.fn_).max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

#[test]
fn german_dispatches_score_as_the_issue_asks() {
    let data = include_str!("gold/de_dispatches.jsonl");
    let de = Lang::parse("de").expect("German is in the registry");
    let kinds = [Kind::Actor, Kind::Place, Kind::Date];
    let mut counts: Vec<Count> = kinds.iter().map(|_| Count::default()).collect();
    let mut docs = 0;
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let doc: Json = serde_json::from_str(line).expect("a gold record");
        let text = doc["text"].as_str().expect("text");
        let options = Options {
            dct: doc["dct"].as_str().and_then(Date::parse),
            ..Options::default()
        };
        let r = annotate(text, &options);
        assert_eq!(r.lang, de, "{}: detected as German", doc["id"]);
        let gold = gold_spans(&doc);
        let overlaps = |s: usize, e: usize, g: &Gold| s < g.end && g.start < e;
        for (k, c) in kinds.iter().zip(counts.iter_mut()) {
            for p in r.spans.iter().filter(|p| p.kind == *k) {
                let hit: Vec<&Gold> = gold
                    .iter()
                    .filter(|g| overlaps(p.start, p.end, g) && g.kinds.contains(k))
                    .collect();
                if hit.iter().any(|g| g.optional) && !hit.iter().any(|g| !g.optional) {
                    continue;
                }
                if hit.is_empty() {
                    c.fp += 1;
                } else {
                    c.tp_pred += 1;
                }
            }
            for g in gold
                .iter()
                .filter(|g| !g.optional && g.kinds.first() == Some(k))
            {
                let m = r
                    .spans
                    .iter()
                    .find(|p| overlaps(p.start, p.end, g) && g.kinds.contains(&p.kind));
                match m {
                    Some(p) => {
                        c.tp_gold += 1;
                        if let (Some(Value::Date(v)), Some(gv)) = (&p.value, &g.value) {
                            c.values_right += (v == gv) as usize;
                        }
                    }
                    None => c.fn_ += 1,
                }
            }
        }
        docs += 1;
    }
    assert!(docs >= 10, "at least ten dispatches");
    let [actor, place, date] = &counts[..] else {
        unreachable!()
    };
    let value_acc = date.values_right as f64 / date.tp_gold.max(1) as f64;
    let report = format!(
        "actor F1 {:.3}, place F1 {:.3}, date F1 {:.3}, value accuracy {:.3}: {counts:?}",
        actor.f1(),
        place.f1(),
        date.f1(),
        value_acc
    );
    assert!(date.f1() >= 0.90, "{report}");
    assert!(value_acc >= 0.85, "{report}");
    assert!(actor.f1() >= 0.85, "{report}");
    assert!(place.f1() >= 0.85, "{report}");
}
