//! The learned layer's second use: a verifier over the spans the rules chose
//! (Spanish, [`super::Model::verifier`]). For each place the rules settled
//! on (the kind they over-read), an averaged perceptron over hashed features of the span and
//! its context (the words around it, its shape and length, the rule's score,
//! a gazetteer value, capitals around it) says actor, place or nothing;
//! the rules' reading is changed only when the model prefers another class by
//! more than a margin, chosen with the weights on held-out write-half
//! documents (`crates/eval/examples/train_names.rs`).
//!
//! Why: where capitals mark names, the rules find nearly every name (place
//! recall 0.97 on Spanish newswire) but call too many of them places: a club
//! or a firm named after its town, a country that acts, a word in a title.
//! Those readings hang on the context, which a rule lists poorly and a few
//! thousand weights learned from the write halves weigh well.

use super::{shape, suffix, word_at, Cues, Example, BUCKETS, CLASSES};
use crate::lexicon;
use crate::span::{Candidate, Kind, Source, Span};
use crate::text::{Doc, TokKind};

/// What the rules proposed for an actor or a place before the choice among
/// candidates: its extent in bytes, kind, source and score, whether it has
/// a value (a gazetteer reading).
pub struct Proposal {
    start: usize,
    end: usize,
    kind: Kind,
    source: Source,
    score: u8,
    value: bool,
}

/// The actor and place candidates, kept for the verifier's features (none
/// when the language has no verifier: nothing to pay).
pub fn proposals(cues: &Cues, cands: &[Candidate]) -> Vec<Proposal> {
    if !cues.learned.is_some_and(|m| m.verifier.is_some()) {
        return Vec::new();
    }
    let mut out: Vec<Proposal> = cands
        .iter()
        .filter(|c| class_of(c.kind).is_some())
        .map(|c| Proposal {
            start: c.start,
            end: c.end,
            kind: c.kind,
            source: c.source,
            score: c.score,
            value: c.value.is_some(),
        })
        .collect();
    out.sort_by_key(|p| p.start);
    out
}

/// The proposals overlapping `start..end`, from proposals sorted by start,
/// none longer than `longest` bytes.
fn overlapping(
    proposals: &[Proposal],
    longest: usize,
    start: usize,
    end: usize,
) -> impl Iterator<Item = &Proposal> {
    let from = proposals.partition_point(|p| p.start + longest < start);
    proposals[from..]
        .iter()
        .take_while(move |p| p.start < end)
        .filter(move |p| start < p.end)
}

/// The longest proposal, in bytes.
fn longest(proposals: &[Proposal]) -> usize {
    proposals.iter().map(|p| p.end - p.start).max().unwrap_or(0)
}

/// Whether the verifier reads a span of this kind: places, the kind the
/// rules over-read (actors are left to them; checking every name would
/// cost more than the gain).
fn verified(kind: Kind) -> bool {
    kind == Kind::Place
}

/// The class index of a kind (actor 0, place 1).
fn class_of(kind: Kind) -> Option<usize> {
    match kind {
        Kind::Actor => Some(0),
        Kind::Place => Some(1),
        _ => None,
    }
}

/// Checks each actor and place of `spans` (code point offsets; `bytes`,
/// their byte offsets, as [`crate::resolve::resolve_with_bytes`] lists
/// them: empty where there are no proposals) against the model: relabels or drops it where the model is confident beyond the
/// margin. With `train`, only lists the spans and their features, then the
/// candidates the choice set aside (`Example::aside`): more contexts to
/// learn from than the rules' few mistakes on the text they were written on.
pub fn verify(
    bytes: &[(usize, usize)],
    doc: &Doc,
    cues: &Cues,
    proposals: &[Proposal],
    spans: &mut Vec<Span>,
    mut train: Option<&mut Vec<Example>>,
) {
    let Some(model) = cues.learned else { return };
    let Some(weights) = &model.verifier else {
        return;
    };
    let bytes = verified_bytes(spans, bytes);
    if bytes.is_empty() {
        return;
    }
    let longest = longest(proposals);
    let mut feats = Vec::new();
    // The spans whose class changes (actor 0, place 1, nothing 2).
    let mut verdicts = Vec::new();
    for &(i, start, end) in &bytes {
        let span = &spans[i];
        let Some(rule) = class_of(span.kind) else {
            continue;
        };
        if span.source.as_deref() == Some(Source::User.as_str()) {
            continue;
        }
        let proposed = overlapping(proposals, longest, start, end)
            .filter(|p| p.start == start && p.end == end && p.kind == span.kind)
            .max_by_key(|p| (p.score, p.source));
        let at = At {
            doc,
            proposals,
            longest,
            start,
            end,
            rule,
            value: span.value.is_some(),
            proposed: proposed.map(|p| (p.score, p.source)),
        };
        feats.clear();
        features(&at, &mut feats);
        if let Some(ex) = train.as_deref_mut() {
            ex.push(Example {
                start,
                end,
                feats: feats.clone(),
                rule: Some(rule),
                aside: false,
            });
            continue;
        }
        let s = super::scores(weights, &feats);
        let best = (0..CLASSES).fold(rule, |b, c| if s[c] > s[b] { c } else { b });
        if best != rule && s[best] - s[rule] > model.margin {
            verdicts.push((i, best));
        }
    }
    if let Some(ex) = train {
        set_aside(doc, cues, proposals, spans, &bytes, ex);
        return;
    }
    if verdicts.is_empty() {
        return;
    }
    let mut drop = vec![false; spans.len()];
    for (i, class) in verdicts {
        let span = &mut spans[i];
        match class {
            0 => span.kind = Kind::Actor,
            1 => span.kind = Kind::Place,
            _ => drop[i] = true,
        }
        // A value belongs to the rules' reading: a relabelled span has none.
        span.value = None;
    }
    let mut i = 0;
    spans.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

/// Lists, for training, the candidates the choice set aside and the places
/// a bare gazetteer would read in capitalised words (one per extent and
/// kind), with their features: the rules were written on the same text, so
/// their own mistakes there are few, and the contexts that make a town a
/// club or part of an institution's name are learned from these.
#[allow(clippy::too_many_arguments)]
fn set_aside(
    doc: &Doc,
    cues: &Cues,
    proposals: &[Proposal],
    spans: &[Span],
    bytes: &[(usize, usize, usize)],
    out: &mut Vec<Example>,
) {
    let mut seen: Vec<(usize, usize, Kind)> = bytes
        .iter()
        .map(|&(i, a, b)| (a, b, spans[i].kind))
        .collect();
    let mut feats = Vec::new();
    let mut bare = Vec::new();
    let mut t = 0;
    while t < doc.len() {
        let tok = &doc.tokens[t];
        if tok.kind == TokKind::Word && tok.upper && !cues.stopwords.contains(doc.norm(t)) {
            if let Some(m) = lexicon::longest_match(doc, t) {
                if matches!(m.entries.first(), Some(lexicon::Entry::Place(_))) {
                    bare.push(Proposal {
                        start: tok.start,
                        end: m.end,
                        kind: Kind::Place,
                        source: Source::Lexicon,
                        score: 0,
                        value: true,
                    });
                }
                t = m.end_token.max(t + 1);
                continue;
            }
        }
        t += 1;
    }
    let longest = longest(proposals);
    for p in proposals.iter().chain(&bare) {
        if seen.contains(&(p.start, p.end, p.kind)) || p.source == Source::User {
            continue;
        }
        seen.push((p.start, p.end, p.kind));
        let Some(rule) = class_of(p.kind).filter(|_| verified(p.kind)) else {
            continue;
        };
        let at = At {
            doc,
            proposals,
            longest,
            start: p.start,
            end: p.end,
            rule,
            value: p.value,
            proposed: (p.score > 0).then_some((p.score, p.source)),
        };
        feats.clear();
        features(&at, &mut feats);
        out.push(Example {
            start: p.start,
            end: p.end,
            feats: feats.clone(),
            rule: Some(rule),
            aside: true,
        });
    }
}

/// The index and byte offsets of each span the verifier reads, from the
/// byte offsets of all spans (none if `bytes` does not list every span).
fn verified_bytes(spans: &[Span], bytes: &[(usize, usize)]) -> Vec<(usize, usize, usize)> {
    if bytes.len() != spans.len() {
        return Vec::new();
    }
    spans
        .iter()
        .zip(bytes)
        .enumerate()
        .filter(|(_, (s, _))| verified(s.kind))
        .map(|(i, (_, &(start, end)))| (i, start, end))
        .collect()
}

/// An actor or a place being verified, and what its features read.
struct At<'a, 'd> {
    doc: &'a Doc<'d>,
    proposals: &'a [Proposal],
    longest: usize,
    /// Its bytes, the rules' class, whether it has a value.
    start: usize,
    end: usize,
    rule: usize,
    value: bool,
    /// The score and source of the rules' candidate for it.
    proposed: Option<(u8, Source)>,
}

/// A count in a few steps, as a feature's text.
fn steps(n: usize) -> &'static str {
    ["0", "1", "2", "3", "4+"][n.min(4)]
}

/// FNV-1a of a text: each word is hashed once per span, each tag at
/// compile time ([`tag`]).
const fn fnv(s: &str) -> u32 {
    let b = s.as_bytes();
    let mut h: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < b.len() {
        h = (h ^ b[i] as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    h
}

/// A tag's hash, computed at compile time.
macro_rules! tag {
    ($s:literal) => {
        const { fnv($s) }
    };
}

/// A feature's bucket: its tag's hash mixed with one text's hash.
fn feat(tag: u32, a: u32) -> u32 {
    let x = (tag ^ a.rotate_left(7)).wrapping_mul(0x9e37_79b1);
    (x ^ (x >> 15)) % BUCKETS as u32
}

/// A feature's bucket over two texts' hashes (a conjunction).
fn feat2(tag: u32, a: u32, b: u32) -> u32 {
    feat(tag ^ b.rotate_left(13).wrapping_mul(0x85eb_ca6b), a)
}

/// The hashed features of a place.
fn features(at: &At, out: &mut Vec<u32>) {
    let doc = at.doc;
    let flag = |b: bool| if b { tag!("1") } else { tag!("0") };
    let first = doc.token_at_or_after(at.start);
    let mut last = first;
    while last + 1 < doc.len() && doc.tokens[last + 1].end <= at.end {
        last += 1;
    }
    out.push(feat(tag!("vbias"), 0));
    if first >= doc.len() {
        return;
    }
    let n = last + 1 - first;
    out.push(feat(tag!("vlen"), fnv(steps(n))));
    let lw = word_at(doc, Some(last));
    for t in first..=last.min(first + 3) {
        out.push(feat(tag!("vw"), fnv(word_at(doc, Some(t)))));
    }
    out.push(feat(tag!("vls3"), fnv(suffix(lw, 3))));
    let pw = word_at(doc, first.checked_sub(1));
    let nw = word_at(doc, Some(last + 1));
    let (hpw, hnw) = (fnv(pw), fnv(nw));
    let hppw = fnv(word_at(doc, first.checked_sub(2)));
    out.push(feat(tag!("vpw"), hpw));
    out.push(feat(tag!("vppw"), hppw));
    out.push(feat2(tag!("vpp"), hppw, hpw));
    out.push(feat(tag!("vnw"), hnw));
    out.push(feat(tag!("vnnw"), fnv(word_at(doc, Some(last + 2)))));
    out.push(feat(tag!("vns3"), fnv(suffix(nw, 3))));
    // Capitals around it: a name inside a longer one ("Junta de ...").
    let upper = |t: Option<usize>| {
        t.filter(|&t| t < doc.len())
            .is_some_and(|t| doc.tokens[t].kind == TokKind::Word && doc.tokens[t].upper)
    };
    let pu = upper(first.checked_sub(1)) && !doc.tokens[first].sentence_start;
    let ppu = upper(first.checked_sub(2)) && !upper(first.checked_sub(1));
    let nu = upper(Some(last + 1));
    let nnu = upper(Some(last + 2)) && !nu;
    let caps = u32::from(pu) | u32::from(ppu) << 1 | u32::from(nu) << 2 | u32::from(nnu) << 3;
    out.push(feat(tag!("vcaps"), caps));
    out.push(feat2(tag!("vppu+pw"), flag(ppu), hpw));
    let tok = &doc.tokens[first];
    let sh = fnv(shape(doc, first));
    out.push(feat2(tag!("vss+shape"), flag(tok.sentence_start), sh));
    out.push(feat(tag!("vval"), flag(at.value)));
    let score = at
        .proposed
        .map_or(tag!("none"), |(s, src)| match (s / 20, src) {
            (_, Source::User) => tag!("user"),
            (0, _) => tag!("0"),
            (1, _) => tag!("20"),
            (2, _) => tag!("40"),
            (3, _) => tag!("60"),
            (4, Source::Rule) => tag!("80r"),
            (4, _) => tag!("80l"),
            (_, Source::Rule) => tag!("100r"),
            _ => tag!("100l"),
        });
    out.push(feat(tag!("vscore"), score));
    // Whether the rules proposed the other kind over it too.
    let other = overlapping(at.proposals, at.longest, at.start, at.end)
        .any(|p| class_of(p.kind).is_some_and(|c| c != at.rule));
    out.push(feat(tag!("vother"), flag(other)));
}
