//! A small learned layer for a language whose capitals mark no names
//! (German, [`Cues::learned`]): where the rules leave a capitalised word
//! undecided, an averaged perceptron over hashed context features says
//! actor, place or nothing.
//!
//! Why: in German every noun has a capital, so the rules name only what the
//! gazetteer, a first name, a title or a cue vouches for, and lone surnames,
//! unlisted clubs and companies go unread. Those words have shapes the rules
//! cannot list (suffixes, the words around them); a few thousand weights
//! learned from the write halves of the dev sets (`crates/eval/examples/
//! train_names.rs`, which makes `data/lang/<code>/learned.tsv` again) weigh
//! them. The layer only adds spans where no candidate lies: it never
//! overrides a rule.
//!
//! Its second use, where capitals do mark names (Spanish), is [`verify`]: a
//! model over the places the rules chose that relabels or drops one when it
//! is confident beyond a margin. A language's [`Model`] holds either
//! part or both.

use super::Cues;
use crate::lang::Lang;
use crate::lexicon;
use crate::span::{Candidate, Kind, Source};
use crate::text::{Doc, TokKind};

mod verify;
pub use verify::{proposals, verify, Proposal};

/// How many hashed feature buckets a model has.
pub const BUCKETS: usize = 4096;

/// The classes, in the order of a weight line: actor, place, nothing.
pub const CLASSES: usize = 3;

/// The score of a span the layer proposes: below every rule's.
const SCORE: u8 = 20;

/// One row of [`CLASSES`] weights per bucket.
type Weights = Vec<[i32; CLASSES]>;

/// A language's learned layer: the weights that add spans where no rule
/// candidate lies ([`decide`]), those that verify the rules' spans
/// ([`verify`]) with the margin a change needs, or both.
pub struct Model {
    adder: Option<Weights>,
    verifier: Option<Weights>,
    margin: i64,
}

impl Model {
    /// The adding layer alone, from its weight lines.
    pub fn parse(data: &str) -> Model {
        Model {
            adder: Some(parse_weights(data).0),
            verifier: None,
            margin: 0,
        }
    }

    /// The verifier alone, from its weight lines and its `margin<TAB>N` line.
    pub fn verifier(data: &str) -> Model {
        let (weights, margin) = parse_weights(data);
        Model {
            adder: None,
            verifier: Some(weights),
            margin,
        }
    }

    /// The adding layer's class scores of a token's features.
    pub fn scores(&self, feats: &[u32]) -> [i64; CLASSES] {
        self.adder
            .as_ref()
            .map_or([0; CLASSES], |w| scores(w, feats))
    }
}

/// Reads `bucket<TAB>actor<TAB>place<TAB>nothing` lines (`#` comments) and
/// an optional `margin<TAB>N` line. A bad line is skipped: the data file is
/// made by the trainer.
fn parse_weights(data: &str) -> (Weights, i64) {
    let mut weights = vec![[0; CLASSES]; BUCKETS];
    let mut margin = 0;
    for line in data.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some(m) = line.strip_prefix("margin\t") {
            margin = m.trim().parse().unwrap_or(0);
            continue;
        }
        let mut f = line.split('\t').map(|x| x.trim().parse::<i64>().ok());
        let (Some(Some(b)), Some(Some(a)), Some(Some(p)), Some(Some(n))) =
            (f.next(), f.next(), f.next(), f.next())
        else {
            continue;
        };
        if let Some(row) = usize::try_from(b).ok().and_then(|b| weights.get_mut(b)) {
            *row = [a, p, n].map(|v| v.clamp(i32::MIN.into(), i32::MAX.into()) as i32);
        }
    }
    (weights, margin)
}

/// The class scores of a set of features under `weights`.
fn scores(weights: &Weights, feats: &[u32]) -> [i64; CLASSES] {
    let mut s = [0i64; CLASSES];
    for &f in feats {
        if let Some(row) = weights.get(f as usize) {
            for (acc, w) in s.iter_mut().zip(row) {
                *acc += i64::from(*w);
            }
        }
    }
    s
}

/// A token the layer decides, with its features (training reads these).
#[derive(Clone, Debug)]
pub struct Example {
    /// Byte offsets of the token.
    pub start: usize,
    pub end: usize,
    /// Hashed feature buckets.
    pub feats: Vec<u32>,
    /// The rules' class of a span the verifier reads (actor 0, place 1);
    /// none for a word the adding layer reads.
    pub rule: Option<usize>,
    /// A candidate the choice among candidates set aside (verifier
    /// training only: more contexts, not what the verifier is asked).
    pub aside: bool,
}

/// Where a training run collects examples: the words the adding layer
/// decides, or the spans the verifier reads.
pub enum Train<'a> {
    Adder(&'a mut Vec<Example>),
    Verifier(&'a mut Vec<Example>),
}

/// Adds an actor or a place for each run of undecided capitalised words the
/// model reads as one; with `train`, only lists those words and their
/// features there.
pub fn decide(
    doc: &Doc,
    lang: Lang,
    cues: &Cues,
    out: &mut Vec<Candidate>,
    train: Option<&mut Vec<Example>>,
) {
    let Some(adder) = cues.learned.and_then(|m| m.adder.as_ref()) else {
        return;
    };
    let covered = covered(doc, out);
    let mut feats = Vec::new();
    let mut examples = train;
    // The run being built: first token, last token, class.
    let mut run: Option<(usize, usize, Kind)> = None;
    let mut added = Vec::new();
    for t in 0..doc.len() {
        let tok = &doc.tokens[t];
        if !undecided(doc, cues, &covered, t) {
            continue;
        }
        feats.clear();
        features(doc, lang, cues, t, &mut feats);
        if let Some(ex) = examples.as_deref_mut() {
            ex.push(Example {
                start: tok.start,
                end: tok.end,
                feats: feats.clone(),
                rule: None,
                aside: false,
            });
            continue;
        }
        let s = scores(adder, &feats);
        let kind = if s[0] > s[2] && s[0] >= s[1] {
            Kind::Actor
        } else if s[1] > s[2] && s[1] > s[0] {
            Kind::Place
        } else {
            continue;
        };
        match &mut run {
            Some((_, last, k)) if *k == kind && *last + 1 == t && tok.space_before => *last = t,
            _ => {
                if let Some(r) = run.take() {
                    added.push(r);
                }
                run = Some((t, t, kind));
            }
        }
    }
    added.extend(run);
    for (a, b, kind) in added {
        let (start, end) = (doc.tokens[a].start, doc.tokens[b].end);
        out.push(Candidate::new(start, end, kind, Source::Rule, SCORE));
    }
}

/// Which tokens some candidate already covers.
fn covered(doc: &Doc, cands: &[Candidate]) -> Vec<bool> {
    let mut covered = vec![false; doc.len()];
    for c in cands {
        let first = doc.token_at_or_after(c.start);
        let mut t = first;
        while t < doc.len() && doc.tokens[t].start < c.end {
            covered[t] = true;
            t += 1;
        }
        // A token the candidate starts inside of.
        if let Some(p) = first.checked_sub(1) {
            if doc.tokens[p].end > c.start {
                covered[p] = true;
            }
        }
    }
    covered
}

/// A capitalised word no candidate covers, not a function word, not glued
/// to a hyphen ("EU-Budget": a compound, no name).
fn undecided(doc: &Doc, cues: &Cues, covered: &[bool], t: usize) -> bool {
    let tok = &doc.tokens[t];
    tok.kind == TokKind::Word
        && tok.upper
        && !covered[t]
        && !cues.stopwords.contains(doc.norm(t))
        && !(t + 1 < doc.len() && doc.is_hyphen(t + 1) && !doc.tokens[t + 1].space_before)
        && !(t > 0 && doc.is_hyphen(t - 1) && !tok.space_before)
}

/// FNV-1a over a feature's tag and text, folded into a bucket.
const fn bucket(tag: &str, text: &str) -> u32 {
    bucket2(tag, text, "")
}

/// FNV-1a over a feature's tag and two texts (a conjunction), folded into a
/// bucket.
const fn bucket2(tag: &str, a: &str, b: &str) -> u32 {
    let h = fnv(tagged(tag), a.as_bytes());
    fnv(fnv(h, SEP_B), b.as_bytes()) % BUCKETS as u32
}

/// The separator after a feature's tag, and the one between its two texts.
const SEP_A: &[u8] = "\u{ff}".as_bytes();
const SEP_B: &[u8] = "\u{fe}".as_bytes();

/// FNV-1a's state `h` after `bytes`.
const fn fnv(mut h: u32, bytes: &[u8]) -> u32 {
    let mut i = 0;
    while i < bytes.len() {
        h = (h ^ bytes[i] as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    h
}

/// FNV-1a's state after a feature's tag and its separator: computed once,
/// at compile time, for the features whose text varies.
const fn tagged(tag: &str) -> u32 {
    fnv(fnv(0x811c_9dc5, tag.as_bytes()), SEP_A)
}

/// The bucket of a feature with one text, from its [`tagged`] state: the
/// same as [`bucket`] of the tag and the text.
#[inline]
fn bucket_of(tagged: u32, text: &str) -> u32 {
    fnv(fnv(tagged, text.as_bytes()), SEP_B) % BUCKETS as u32
}

/// The buckets of a yes-or-no feature, no then yes.
const fn flag_buckets(tag: &str) -> [u32; 2] {
    [bucket(tag, "0"), bucket(tag, "1")]
}

/// The last `n` characters of `s` (all of it if shorter).
fn suffix(s: &str, n: usize) -> &str {
    let cut = s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &s[cut..]
}

/// The last two, three and four characters of `s` (all of it if shorter),
/// as [`suffix`] gives them, in one walk from the end.
fn suffixes(s: &str) -> [&str; 3] {
    let mut cuts = [0usize; 4];
    for (cut, (i, _)) in cuts.iter_mut().zip(s.char_indices().rev()) {
        *cut = i;
    }
    [&s[cuts[1]..], &s[cuts[2]..], &s[cuts[3]..]]
}

/// The word at `t` folded, or a marker past the text's ends or at a
/// non-word.
#[inline]
fn word_at<'d>(doc: &'d Doc<'_>, t: Option<usize>) -> &'d str {
    match t {
        Some(t) if t < doc.len() => match doc.tokens[t].kind {
            TokKind::Word => doc.norm(t),
            TokKind::Number => "<num>",
            TokKind::Punct => doc.raw(t),
        },
        _ => "<edge>",
    }
}

/// The shape classes of [`shape`], by index.
const SHAPES: [&str; 5] = ["caps", "short", "mid", "long", "vlong"];

/// A word's shape class: capitals, length.
fn shape(doc: &Doc, t: usize) -> &'static str {
    SHAPES[shape_class(doc, t)]
}

/// A word's shape class as an index of [`SHAPES`].
fn shape_class(doc: &Doc, t: usize) -> usize {
    let tok = &doc.tokens[t];
    let n = doc.raw(t).chars().count();
    match (tok.all_caps, n) {
        (true, _) => 0,
        (false, 0..=3) => 1,
        (false, 4..=6) => 2,
        (false, 7..=10) => 3,
        _ => 4,
    }
}

/// The buckets of the features whose text is one of a few: computed at
/// compile time.
const BIAS: u32 = bucket("bias", "");
const SHAPE: [u32; 5] = {
    let mut b = [0; 5];
    let mut i = 0;
    while i < 5 {
        b[i] = bucket("shape", SHAPES[i]);
        i += 1;
    }
    b
};
/// "ss+shape": by sentence start (no, yes), then shape.
const SS_SHAPE: [[u32; 5]; 2] = {
    let mut b = [[0; 5]; 2];
    let mut i = 0;
    while i < 5 {
        b[0][i] = bucket2("ss+shape", "0", SHAPES[i]);
        b[1][i] = bucket2("ss+shape", "1", SHAPES[i]);
        i += 1;
    }
    b
};
const PU: [u32; 2] = flag_buckets("pu");
const NU: [u32; 2] = flag_buckets("nu");
const SS: [u32; 2] = flag_buckets("ss");
const CW: [u32; 2] = flag_buckets("cw");
const FN: [u32; 2] = flag_buckets("fn");
const PFN: [u32; 2] = flag_buckets("pfn");
const SN: [u32; 2] = flag_buckets("sn");
/// "cw+sn": by common word (no, yes), then surname (no, yes).
const CW_SN: [[u32; 2]; 2] = [
    [bucket2("cw+sn", "0", "0"), bucket2("cw+sn", "0", "1")],
    [bucket2("cw+sn", "1", "0"), bucket2("cw+sn", "1", "1")],
];

/// The hashed features of the word at `t`, in the order the weights were
/// trained with (the order does not change the scores).
fn features(doc: &Doc, lang: Lang, cues: &Cues, t: usize, out: &mut Vec<u32>) {
    const W: u32 = tagged("w");
    const S2: u32 = tagged("s2");
    const S3: u32 = tagged("s3");
    const S4: u32 = tagged("s4");
    const PW: u32 = tagged("pw");
    const NW: u32 = tagged("nw");
    const PPW: u32 = tagged("ppw");
    const NNW: u32 = tagged("nnw");
    let w = doc.norm(t);
    let tok = &doc.tokens[t];
    let prev = t.checked_sub(1);
    let prev_word = word_at(doc, prev);
    let next_word = word_at(doc, Some(t + 1));
    let upper = |i: Option<usize>| {
        i.filter(|&i| i < doc.len())
            .is_some_and(|i| doc.tokens[i].kind == TokKind::Word && doc.tokens[i].upper)
    };
    out.push(BIAS);
    out.push(bucket_of(W, w));
    let [s2, s3, s4] = suffixes(w);
    out.push(bucket_of(S2, s2));
    out.push(bucket_of(S3, s3));
    out.push(bucket_of(S4, s4));
    let shape = shape_class(doc, t);
    out.push(SHAPE[shape]);
    out.push(bucket_of(PW, prev_word));
    out.push(bucket_of(NW, next_word));
    out.push(bucket_of(PPW, word_at(doc, t.checked_sub(2))));
    out.push(bucket_of(NNW, word_at(doc, Some(t + 2))));
    let ss = usize::from(tok.sentence_start);
    out.push(PU[usize::from(upper(prev) && !tok.sentence_start)]);
    out.push(NU[usize::from(upper(Some(t + 1)))]);
    out.push(SS[ss]);
    out.push(SS_SHAPE[ss][shape]);
    let common = usize::from(lexicon::is_common_word(lang, w));
    out.push(CW[common]);
    out.push(FN[usize::from(super::is_first_name(cues, w))]);
    let pfn = prev.is_some_and(|p| doc.tokens[p].upper && super::is_first_name(cues, doc.norm(p)));
    out.push(PFN[usize::from(pfn)]);
    let surname = usize::from(cues.surnames.is_some_and(|s| s.contains(w)));
    out.push(SN[surname]);
    out.push(CW_SN[common][surname]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_feature_hash_is_pinned() {
        // The committed weights are indexed by it: changing it needs a retraining.
        assert_eq!(bucket("w", "merkel"), 81);
        assert_eq!(bucket_of(tagged("w"), "merkel"), 81);
        for (tag, text) in [
            ("s3", "kel"),
            ("pw", "<edge>"),
            ("nnw", "größe"),
            ("ppw", ""),
        ] {
            assert_eq!(bucket_of(tagged(tag), text), bucket(tag, text));
        }
        assert_eq!(SS_SHAPE[1][3], bucket2("ss+shape", "1", "long"));
        assert_eq!(CW_SN[0][1], bucket2("cw+sn", "0", "1"));
        assert_eq!(PFN, [bucket("pfn", "0"), bucket("pfn", "1")]);
    }

    #[test]
    fn a_bad_weight_line_is_skipped() {
        let m = Model::parse(
            "# comment\n7\t1\t2\t3\nx\t1\t2\t3\n99999\t1\t1\t1\n8\t1\n9\t-4\t0\t99999999999\n",
        );
        assert_eq!(m.scores(&[7]), [1, 2, 3]);
        assert_eq!(m.scores(&[8]), [0, 0, 0]);
        assert_eq!(m.scores(&[9]), [-4, 0, i64::from(i32::MAX)]);
        assert_eq!(m.scores(&[u32::MAX]), [0, 0, 0]);
    }

    #[test]
    fn suffixes_count_characters() {
        assert_eq!(suffix("größe", 3), "öße");
        assert_eq!(suffix("ab", 4), "ab");
        for w in ["größe", "ab", "a", "", "merkel", "éçà"] {
            assert_eq!(suffixes(w), [suffix(w, 2), suffix(w, 3), suffix(w, 4)]);
        }
    }
}
