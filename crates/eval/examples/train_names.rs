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

/// Passes over the examples.
const EPOCHS: usize = 10;
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
    for path in &args {
        let gold = load_gold(&std::fs::read_to_string(path)?)?;
        for doc in gold.iter().filter(|d| half_of(&d.id) == Half::Write) {
            let Some(text) = &doc.text else { continue };
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
            }
        }
    }
    let counts = (0..CLASSES).map(|c| data.iter().filter(|d| d.1 == c).count());
    eprintln!(
        "{} examples (actor, place, nothing): {:?}",
        data.len(),
        counts.collect::<Vec<_>>()
    );

    // Averaged perceptron (the "lazy" average: totals of weight × time).
    let mut w = vec![[0f64; CLASSES]; BUCKETS];
    let mut total = vec![[0f64; CLASSES]; BUCKETS];
    let mut stamp = vec![[0f64; CLASSES]; BUCKETS];
    let mut time = 0f64;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for epoch in 0..EPOCHS {
        // A fixed shuffle (xorshift), so the weights come out the same.
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let mut wrong = 0;
        for &i in &order {
            time += 1.0;
            let (feats, gold) = &data[i];
            let mut s = [0f64; CLASSES];
            for &f in feats {
                for (acc, v) in s.iter_mut().zip(&w[f as usize]) {
                    *acc += v;
                }
            }
            let guess = (0..CLASSES).fold(2, |b, c| if s[c] > s[b] { c } else { b });
            if guess != *gold {
                wrong += 1;
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
        eprintln!("epoch {epoch}: {wrong} of {} wrong", data.len());
    }
    let mut out = String::from(
        "# The learned names layer's weights (src/names/learned.rs): bucket, actor, place, nothing.\n\
         # Made by crates/eval/examples/train_names.rs from the write halves of GermEval 2014 (CC BY 4.0); do not edit.\n",
    );
    for f in 0..BUCKETS {
        let row: Vec<i64> = (0..CLASSES)
            .map(|c| {
                let t = total[f][c] + (time - stamp[f][c]) * w[f][c];
                (t / time * SCALE).round() as i64
            })
            .collect();
        if row.iter().any(|&v| v != 0) {
            out.push_str(&format!("{f}\t{}\t{}\t{}\n", row[0], row[1], row[2]));
        }
    }
    let path = format!("data/lang/{code}/learned.tsv");
    std::fs::write(&path, out)?;
    eprintln!("wrote {path}");
    Ok(())
}
