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
//!   cargo run --release -p depeche-eval --example train_names -- [de] [GOLD.jsonl ...]

use depeche::names::learned::{BUCKETS, CLASSES};
use depeche_eval::halves::{half_of, Half};
use depeche_eval::{load_gold, GoldKind};
use std::error::Error;

/// The numbers of passes tried: the one that reads held-out write-half
/// documents best is kept.
const EPOCHS: [usize; 6] = [1, 2, 3, 5, 8, 12];
/// Averaged weights are written times this, rounded.
const SCALE: f64 = 100.0;

fn main() -> Result<(), Box<dyn Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let code = if args.first().is_some_and(|a| !a.ends_with(".jsonl")) {
        args.remove(0)
    } else {
        "de".to_string()
    };
    if args.is_empty() {
        args = ["news", "wiki"]
            .map(|s| format!("../shared/dev/lang/germeval2014_{s}_de_dev.jsonl"))
            .to_vec();
    }
    let lang = depeche::Lang::parse(&code).ok_or_else(|| format!("unknown language {code}"))?;
    let mut data: Vec<(Vec<u32>, usize)> = Vec::new();
    // Whether each example's document is held out to choose the passes.
    let mut held: Vec<bool> = Vec::new();
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
            for ex in depeche::learned_examples(text, lang) {
                let (s, e) = (chars[ex.start], chars[ex.end]);
                let class = doc
                    .spans
                    .iter()
                    .filter(|g| !g.optional && g.start < e && s < g.end)
                    .find_map(|g| match g.kind {
                        GoldKind::Actor => Some(0),
                        GoldKind::Place => Some(1),
                        _ => None,
                    })
                    .unwrap_or(2);
                data.push((ex.feats, class));
                held.push(docs % 4 == 0);
            }
        }
    }
    let counts = (0..CLASSES).map(|c| data.iter().filter(|d| d.1 == c).count());
    eprintln!(
        "{} examples (actor, place, nothing): {:?}",
        data.len(),
        counts.collect::<Vec<_>>()
    );

    // The passes, chosen on a quarter of the write-half documents held out.
    let (fit, test): (Vec<_>, Vec<_>) = (0..data.len()).partition(|&i| !held[i]);
    let mut best = (f64::MIN, EPOCHS[0]);
    for epochs in EPOCHS {
        let w = train(&data, &fit, epochs);
        let f1 = held_out_f1(&data, &test, &w);
        eprintln!("{epochs} passes: held-out actor/place F1 {f1:.3}");
        if f1 > best.0 {
            best = (f1, epochs);
        }
    }
    let epochs = best.1;
    eprintln!("training on every write-half document, {epochs} passes");
    let all: Vec<usize> = (0..data.len()).collect();
    let w = train(&data, &all, epochs);
    let mut out = String::from(
        "# The learned names layer's weights (src/names/learned.rs): bucket, actor, place, nothing.\n\
         # Made by crates/eval/examples/train_names.rs from the write halves of GermEval 2014 (CC BY 4.0); do not edit.\n",
    );
    for (f, weights) in w.iter().enumerate() {
        let row: Vec<i64> = weights.iter().map(|v| (v * SCALE).round() as i64).collect();
        if row.iter().any(|&v| v != 0) {
            out.push_str(&format!("{f}\t{}\t{}\t{}\n", row[0], row[1], row[2]));
        }
    }
    let path = format!("data/lang/{code}/learned.tsv");
    std::fs::write(&path, out)?;
    eprintln!("wrote {path}");
    Ok(())
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

/// Micro F1 over actors and places of the examples `test`.
fn held_out_f1(data: &[(Vec<u32>, usize)], test: &[usize], w: &[[f64; CLASSES]]) -> f64 {
    let (mut tp, mut fp, mut fn_) = (0f64, 0f64, 0f64);
    for &i in test {
        let (feats, gold) = &data[i];
        let guess = classify(w, feats);
        match (guess == *gold, guess < 2, *gold < 2) {
            (true, true, _) => tp += 1.0,
            (false, true, true) => {
                fp += 1.0;
                fn_ += 1.0
            }
            (false, true, false) => fp += 1.0,
            (false, false, true) => fn_ += 1.0,
            _ => {}
        }
    }
    if tp == 0.0 {
        0.0
    } else {
        2.0 * tp / (2.0 * tp + fp + fn_)
    }
}

/// An averaged perceptron (the "lazy" average: totals of weight × time)
/// over the examples `which`, in a fixed shuffle each pass.
fn train(data: &[(Vec<u32>, usize)], which: &[usize], epochs: usize) -> Vec<[f64; CLASSES]> {
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
            let (feats, gold) = &data[i];
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
