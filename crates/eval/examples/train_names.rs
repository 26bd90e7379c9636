//! Trains the learned names layer of a language (`src/names/learned.rs`) and
//! writes its weights, `data/lang/<code>/learned.tsv`.
//!
//! Why a script: the weights are data made from data, and must be made again
//! the same way. It reads the **write halves** only
//! ([`depeche_eval::halves`]) of the gold files given (by default the German
//! GermEval 2014 dev sets of `../shared/dev/lang/`, which must sit beside the
//! repository), asks the core which words the layer would decide and their
//! features, labels each by the gold span over it (a required actor or
//! place; anything else is nothing), and runs an averaged perceptron.
//!
//! With `--verifier` (Spanish: by default CoNLL-2002's Spanish dev set), it
//! trains the verifier over the rules' own places instead
//! (`src/names/learned/verify.rs`), chooses with the passes the margin a
//! change of the rules' reading needs, on held-out write-half documents, and
//! writes `data/lang/<code>/verifier.tsv`.
//!
//!   cargo run --release -p depeche-eval --example train_names -- [de] [GOLD.jsonl ...]
//!   cargo run --release -p depeche-eval --example train_names -- es --verifier

use depeche::names::learned::{BUCKETS, CLASSES};
use depeche::Kind;
use depeche_eval::halves::{half_of, Half};
use depeche_eval::{load_gold, GoldKind, GoldSpan};
use std::error::Error;

/// The numbers of passes tried: the one that reads held-out write-half
/// documents best is kept.
const EPOCHS: [usize; 6] = [1, 2, 3, 5, 8, 12];
/// Averaged weights are written times this, rounded.
const SCALE: f64 = 100.0;
/// The margins tried for the verifier (in averaged weight units): how much
/// more the model must prefer another class than the rules' to change it.
const MARGINS: [f64; 9] = [0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0];

/// The margin written when no verifier read held-out documents better than
/// the rules: no change is ever made.
const OFF: i64 = 1_000_000_000_000;

/// One example: features, gold class, the rules' class (verifier), and
/// the classes a required gold span over it accepts (bit 0 actor, bit 1
/// place; none: nothing is right).
type Data = Vec<(Vec<u32>, usize, Option<usize>, u8)>;

/// True positive, false positive, false negative counts of actors, places.
type Counts = [[f64; 3]; 2];

fn main() -> Result<(), Box<dyn Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let verifier = args.iter().any(|a| a == "--verifier");
    args.retain(|a| a != "--verifier");
    let code = if args.first().is_some_and(|a| !a.ends_with(".jsonl")) {
        args.remove(0)
    } else {
        "de".to_string()
    };
    if args.is_empty() && code == "es" {
        args = vec!["../shared/dev/lang/conll2002_es_dev.jsonl".to_string()];
    }
    if args.is_empty() {
        args = ["news", "wiki"]
            .map(|s| format!("../shared/dev/lang/germeval2014_{s}_de_dev.jsonl"))
            .to_vec();
    }
    let lang = depeche::Lang::parse(&code).ok_or_else(|| format!("unknown language {code}"))?;
    let mut data: Data = Vec::new();
    // Each example's document's number: a quarter of them is held out to
    // choose the passes.
    let mut held: Vec<usize> = Vec::new();
    // Whether each example is a candidate the rules' choice set aside.
    let mut aside: Vec<bool> = Vec::new();
    let mut docs = 0usize;
    for path in &args {
        let gold = load_gold(&std::fs::read_to_string(path)?)?;
        for doc in gold.iter().filter(|d| half_of(&d.id) == Half::Write) {
            let Some(text) = &doc.text else { continue };
            docs += 1;
            // Byte offset -> code point offset.
            let mut chars = vec![0i64; text.len() + 1];
            let mut n = 0;
            for (i, c) in text.char_indices() {
                for slot in &mut chars[i..i + c.len_utf8()] {
                    *slot = n;
                }
                n += 1;
            }
            chars[text.len()] = n;
            for ex in depeche::learned_examples(text, lang, verifier) {
                let (s, e) = (chars[ex.start], chars[ex.end]);
                let over = || doc.spans.iter().filter(|g| g.start < e && s < g.end);
                let class = match ex.rule {
                    Some(rule) => match verifier_class(over(), rule) {
                        Some(c) => c,
                        // Neutral (an optional span or a MISC one accepts it).
                        None => continue,
                    },
                    None => over()
                        .filter(|g| !g.optional)
                        .find_map(|g| match g.kind {
                            GoldKind::Actor => Some(0),
                            GoldKind::Place => Some(1),
                            _ => None,
                        })
                        .unwrap_or(2),
                };
                let accepts = over()
                    .filter(|g| !g.optional && g.kind != GoldKind::Other)
                    .fold(0u8, |m, g| {
                        m | [Kind::Actor, Kind::Place]
                            .iter()
                            .enumerate()
                            .filter(|(_, &k)| g.kind.kind() == Some(k) || g.alt_kinds.contains(&k))
                            .fold(0, |m, (c, _)| m | 1 << c)
                    });
                let accepts = if ex.rule.is_some() {
                    accepts
                } else {
                    (class < 2) as u8 * (1 << class.min(1))
                };
                data.push((ex.feats, class, ex.rule, accepts));
                // Set-aside candidates train, never judge.
                held.push(docs);
                aside.push(ex.aside);
            }
        }
    }
    let counts = (0..CLASSES).map(|c| data.iter().filter(|d| d.1 == c).count());
    eprintln!(
        "{} examples (actor, place, nothing): {:?}",
        data.len(),
        counts.collect::<Vec<_>>()
    );

    // The passes (and the verifier's margin), chosen on a quarter of the
    // write-half documents held out; the verifier's on each quarter in turn
    // (its errors to learn from are few: every document counts).
    let folds = if verifier { 4 } else { 1 };
    let margins: &[f64] = if verifier { &MARGINS } else { &[0.0] };
    let fold_of = |i: usize| held[i] % 4;
    let mut counts: Vec<Counts> = vec![[[0f64; 3]; 2]; EPOCHS.len() * margins.len()];
    let mut rules: Counts = [[0f64; 3]; 2];
    for fold in 0..folds {
        let fit: Vec<usize> = (0..data.len()).filter(|&i| fold_of(i) != fold).collect();
        let test: Vec<usize> = (0..data.len())
            .filter(|&i| fold_of(i) == fold && !aside[i])
            .collect();
        add(&mut rules, held_out(&data, &test, None, 0.0));
        for (e, epochs) in EPOCHS.iter().enumerate() {
            let w = train(&data, &fit, *epochs);
            for (m, &margin) in margins.iter().enumerate() {
                add(
                    &mut counts[e * margins.len() + m],
                    held_out(&data, &test, Some(&w), margin),
                );
            }
        }
    }
    if verifier {
        eprintln!(
            "the rules alone: held-out actor/place F1 {:.3}",
            objective(rules)
        );
    }
    // The verifier stays off unless it reads held-out documents better.
    let mut best = (
        if verifier { objective(rules) } else { f64::MIN },
        EPOCHS[0],
        f64::INFINITY,
    );
    for (e, &epochs) in EPOCHS.iter().enumerate() {
        for (m, &margin) in margins.iter().enumerate() {
            let f = objective(counts[e * margins.len() + m]);
            eprintln!("{epochs} passes, margin {margin}: held-out actor/place F1 {f:.3}");
            if f > best.0 {
                best = (f, epochs, margin);
            }
        }
    }
    let (epochs, margin) = (best.1, best.2);
    eprintln!("training on every write-half document, {epochs} passes");
    let all: Vec<usize> = (0..data.len()).collect();
    let w = train(&data, &all, epochs);
    let mut out = if verifier {
        format!(
            "# The learned verifier's weights (src/names/learned/verify.rs): bucket, actor, place, nothing; \
             the margin a change of the rules' reading needs.\n\
             # Made by crates/eval/examples/train_names.rs --verifier from the write half of CoNLL-2002 Spanish \
             (research use only); do not edit.\nmargin\t{}\n",
            if margin.is_finite() {
                (margin * SCALE).round() as i64
            } else {
                OFF
            }
        )
    } else {
        String::from(
            "# The learned names layer's weights (src/names/learned.rs): bucket, actor, place, nothing.\n\
             # Made by crates/eval/examples/train_names.rs from the write halves of GermEval 2014 (CC BY 4.0); do not edit.\n",
        )
    };
    for (f, weights) in w.iter().enumerate() {
        let row: Vec<i64> = weights.iter().map(|v| (v * SCALE).round() as i64).collect();
        if row.iter().any(|&v| v != 0) {
            out.push_str(&format!("{f}\t{}\t{}\t{}\n", row[0], row[1], row[2]));
        }
    }
    let file = if verifier { "verifier" } else { "learned" };
    let path = format!("data/lang/{code}/{file}.tsv");
    std::fs::write(&path, out)?;
    eprintln!("wrote {path}");
    Ok(())
}

/// The class a verifier should give a span the rules read as `rule` (actor
/// 0, place 1), from the gold spans over it, as relaxed scoring counts: the
/// rules' own when a required span accepts it; none when only an optional
/// or a MISC span does (neutral, left out); else another kind's span's
/// kind, or nothing.
fn verifier_class<'g>(
    over: impl Iterator<Item = &'g GoldSpan> + Clone,
    rule: usize,
) -> Option<usize> {
    let kind = [Kind::Actor, Kind::Place][rule];
    let class = |k: GoldKind| match k {
        GoldKind::Actor => Some(0),
        GoldKind::Place => Some(1),
        _ => None,
    };
    let accepts = |g: &GoldSpan| {
        g.kind == GoldKind::Other || class(g.kind) == Some(rule) || g.alt_kinds.contains(&kind)
    };
    if over
        .clone()
        .any(|g| accepts(g) && !g.optional && g.kind != GoldKind::Other)
    {
        return Some(rule);
    }
    if over.clone().any(accepts) {
        return None;
    }
    Some(over.filter_map(|g| class(g.kind)).next().unwrap_or(2))
}

/// The class a weight table gives an example.
fn classify(w: &[[f64; CLASSES]], feats: &[u32]) -> usize {
    let mut s = [0f64; CLASSES];
    for &f in feats {
        for (acc, v) in s.iter_mut().zip(&w[f as usize]) {
            *acc += v;
        }
    }
    (0..CLASSES).fold(2, |b, c| if s[c] > s[b] { c } else { b })
}

/// The class a verifier gives an example the rules read as `rule`: another
/// class only when the model prefers it by more than `margin`.
fn verdict(w: &[[f64; CLASSES]], feats: &[u32], rule: usize, margin: f64) -> usize {
    let mut s = [0f64; CLASSES];
    for &f in feats {
        for (acc, v) in s.iter_mut().zip(&w[f as usize]) {
            *acc += v;
        }
    }
    let best = (0..CLASSES).fold(rule, |b, c| if s[c] > s[b] { c } else { b });
    if best != rule && s[best] - s[rule] > margin {
        best
    } else {
        rule
    }
}

/// Adds counts to counts.
fn add(to: &mut Counts, c: Counts) {
    for (a, b) in to.iter_mut().flatten().zip(c.iter().flatten()) {
        *a += b;
    }
}

/// What the passes and margin are chosen by: micro F1 over actors and
/// places (the verifier reads places only; a place it relabels actor where
/// the gold accepts both neither gains nor loses).
fn objective(c: Counts) -> f64 {
    let f1 = |[tp, fp, fn_]: [f64; 3]| {
        if tp == 0.0 {
            0.0
        } else {
            2.0 * tp / (2.0 * tp + fp + fn_)
        }
    };
    f1([0, 1, 2].map(|i| c[0][i] + c[1][i]))
}

/// The true positive, false positive and false negative counts of actors
/// and places of the examples `test` (the rules' own classes where `w` is
/// none), as the relaxed scorer counts: a hit under the kind guessed, a
/// miss under the gold's.
fn held_out(data: &Data, test: &[usize], w: Option<&[[f64; CLASSES]]>, margin: f64) -> Counts {
    let mut c: Counts = [[0f64; 3]; 2];
    for &i in test {
        let (feats, gold, rule, accepts) = &data[i];
        let guess = match (w, rule) {
            (Some(w), Some(r)) => verdict(w, feats, *r, margin),
            (None, Some(r)) => *r,
            (Some(w), None) => classify(w, feats),
            (None, None) => 2,
        };
        let hit = guess < 2 && accepts & (1 << guess) != 0;
        if hit {
            c[guess][0] += 1.0;
        } else {
            if guess < 2 {
                c[guess][1] += 1.0;
            }
            if *gold < 2 {
                c[*gold][2] += 1.0;
            }
        }
    }
    c
}

/// An averaged perceptron (the "lazy" average: totals of weight × time)
/// over the examples `which`, in a fixed shuffle each pass.
fn train(data: &Data, which: &[usize], epochs: usize) -> Vec<[f64; CLASSES]> {
    let mut w = vec![[0f64; CLASSES]; BUCKETS];
    let mut total = vec![[0f64; CLASSES]; BUCKETS];
    let mut stamp = vec![[0f64; CLASSES]; BUCKETS];
    let mut time = 0f64;
    let mut order = which.to_vec();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..epochs {
        // xorshift: the weights come out the same every time.
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            time += 1.0;
            let (feats, gold, _, _) = &data[i];
            let guess = classify(&w, feats);
            if guess != *gold {
                for &f in feats {
                    let f = f as usize;
                    for (c, delta) in [(*gold, 1.0), (guess, -1.0)] {
                        total[f][c] += (time - stamp[f][c]) * w[f][c];
                        stamp[f][c] = time;
                        w[f][c] += delta;
                    }
                }
            }
        }
    }
    (0..BUCKETS)
        .map(|f| {
            std::array::from_fn(|c| (total[f][c] + (time - stamp[f][c]) * w[f][c]) / time.max(1.0))
        })
        .collect()
}
