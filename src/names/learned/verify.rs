//! The learned layer's second use: a verifier over the spans the rules chose
//! (Spanish, [`super::Model::verifier`]). For each actor or place the rules
//! settled on, an averaged perceptron over hashed features of the span and
//! its context (the words around it, its shape and length, the rule's score,
//! gazetteer flags, the name's other mentions) says actor, place or nothing;
//! the rules' reading is changed only when the model prefers another class by
//! more than a margin, chosen with the weights on held-out write-half
//! documents (`crates/eval/examples/train_names.rs`).
//!
//! Why: where capitals mark names, the rules find nearly every name (place
//! recall 0.97 on Spanish newswire) but call too many of them places: a club
//! or a firm named after its town, a country that acts, a word in a title.
//! Those readings hang on the context, which a rule lists poorly and a few
//! thousand weights learned from the write halves weigh well.

use super::{bucket, bucket2, shape, suffix, word_at, Cues, Example, CLASSES};
use crate::lang::Lang;
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
    cands
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
        .collect()
}

/// The class index of a kind the verifier reads (actor 0, place 1).
fn class_of(kind: Kind) -> Option<usize> {
    match kind {
        Kind::Actor => Some(0),
        Kind::Place => Some(1),
        _ => None,
    }
}

/// Checks each actor and place of `spans` (code point offsets) against the
/// model: relabels or drops it where the model is confident beyond the
/// margin. With `train`, only lists the spans and their features, then the
/// candidates the choice set aside (`Example::aside`): more contexts to
/// learn from than the rules' few mistakes on the text they were written on.
pub fn verify(
    text: &str,
    doc: &Doc,
    lang: Lang,
    cues: &Cues,
    proposals: &[Proposal],
    spans: &mut Vec<Span>,
    mut train: Option<&mut Vec<Example>>,
) {
    let Some(model) = cues.learned else { return };
    let Some(weights) = &model.verifier else {
        return;
    };
    if !spans.iter().any(|s| class_of(s.kind).is_some()) {
        return;
    }
    let bytes = byte_offsets(text, spans);
    let mut feats = Vec::new();
    // The spans whose class changes (actor 0, place 1, nothing 2).
    let mut verdicts = Vec::new();
    for (i, span) in spans.iter().enumerate() {
        let Some(rule) = class_of(span.kind) else {
            continue;
        };
        if span.source.as_deref() == Some(Source::User.as_str()) {
            continue;
        }
        let (start, end) = bytes[i];
        let proposed = proposals
            .iter()
            .filter(|p| p.start == start && p.end == end && p.kind == span.kind)
            .max_by_key(|p| (p.score, p.source));
        let at = At {
            doc,
            lang,
            proposals,
            spans,
            this: Some(i),
            text: &span.text,
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
        set_aside(text, doc, lang, cues, proposals, spans, &bytes, ex);
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
    text: &str,
    doc: &Doc,
    lang: Lang,
    cues: &Cues,
    proposals: &[Proposal],
    spans: &[Span],
    bytes: &[(usize, usize)],
    out: &mut Vec<Example>,
) {
    let mut seen: Vec<(usize, usize, Kind)> = spans
        .iter()
        .zip(bytes)
        .map(|(s, &(a, b))| (a, b, s.kind))
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
    for p in proposals.iter().chain(&bare) {
        if seen.contains(&(p.start, p.end, p.kind)) || p.source == Source::User {
            continue;
        }
        seen.push((p.start, p.end, p.kind));
        let Some(rule) = class_of(p.kind) else {
            continue;
        };
        let Some(name) = text.get(p.start..p.end) else {
            continue;
        };
        let at = At {
            doc,
            lang,
            proposals,
            spans,
            this: None,
            text: name,
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

/// The byte offsets of each span (spans are in code points).
fn byte_offsets(text: &str, spans: &[Span]) -> Vec<(usize, usize)> {
    let mut wanted: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let mut map = Vec::with_capacity(wanted.len());
    let mut w = wanted.iter().peekable();
    let ends = text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')));
    for (n, (b, _)) in ends.enumerate() {
        while w.peek().is_some_and(|&&c| c == n) {
            map.push((n, b));
            w.next();
        }
        if w.peek().is_none() {
            break;
        }
    }
    let byte = |c: usize| {
        map.binary_search_by_key(&c, |&(n, _)| n)
            .map_or(text.len(), |k| map[k].1)
    };
    spans.iter().map(|s| (byte(s.start), byte(s.end))).collect()
}

/// An actor or a place being verified, and what its features read.
struct At<'a, 'd> {
    doc: &'a Doc<'d>,
    lang: Lang,
    proposals: &'a [Proposal],
    spans: &'a [Span],
    /// Its index in `spans` (none for a candidate set aside), its text.
    this: Option<usize>,
    text: &'a str,
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

/// The hashed features of a span.
fn features(at: &At, out: &mut Vec<u32>) {
    let doc = at.doc;
    let k = ["A", "P"][at.rule];
    let flag = |b: bool| if b { "1" } else { "0" };
    let first = doc.token_at_or_after(at.start);
    let mut last = first;
    while last + 1 < doc.len() && doc.tokens[last + 1].end <= at.end {
        last += 1;
    }
    out.push(bucket("vbias", ""));
    out.push(bucket("vk", k));
    if first >= doc.len() {
        return;
    }
    let n = last + 1 - first;
    out.push(bucket2("vlen", k, steps(n)));
    for t in first..=last.min(first + 3) {
        let w = word_at(doc, Some(t));
        out.push(bucket("vw", w));
    }
    let fw = word_at(doc, Some(first));
    let lw = word_at(doc, Some(last));
    out.push(bucket2("vfw", k, fw));
    out.push(bucket2("vlw", k, lw));
    out.push(bucket("vls3", suffix(lw, 3)));
    let pw = word_at(doc, first.checked_sub(1));
    let ppw = word_at(doc, first.checked_sub(2));
    let nw = word_at(doc, Some(last + 1));
    let nnw = word_at(doc, Some(last + 2));
    out.push(bucket("vpw", pw));
    out.push(bucket2("vkpw", k, pw));
    out.push(bucket("vppw", ppw));
    out.push(bucket2("vpp", ppw, pw));
    out.push(bucket("vnw", nw));
    out.push(bucket2("vknw", k, nw));
    out.push(bucket("vnnw", nnw));
    out.push(bucket("vns3", suffix(nw, 3)));
    // Capitals around it: a name inside a longer one ("Junta de ...").
    let upper = |t: Option<usize>| {
        t.filter(|&t| t < doc.len())
            .is_some_and(|t| doc.tokens[t].kind == TokKind::Word && doc.tokens[t].upper)
    };
    let pu = upper(first.checked_sub(1)) && !doc.tokens[first].sentence_start;
    let ppu = upper(first.checked_sub(2)) && !upper(first.checked_sub(1));
    let nu = upper(Some(last + 1));
    let nnu = upper(Some(last + 2)) && !nu;
    out.push(bucket2("vcaps", k, ["", "p"][usize::from(pu)]));
    out.push(bucket2("vcaps", k, ["", "pp"][usize::from(ppu)]));
    out.push(bucket2("vcaps", k, ["", "n"][usize::from(nu)]));
    out.push(bucket2("vcaps", k, ["", "nn"][usize::from(nnu)]));
    out.push(bucket2("vppu+pw", flag(ppu), pw));
    let tok = &doc.tokens[first];
    let sh = shape(doc, first);
    out.push(bucket2("vshape", k, sh));
    out.push(bucket2("vss", k, flag(tok.sentence_start)));
    out.push(bucket2("vss+shape", flag(tok.sentence_start), sh));
    out.push(bucket2("vfn", k, flag(lexicon::is_first_name(fw))));
    out.push(bucket2(
        "vcw",
        k,
        flag(lexicon::is_common_word(at.lang, fw)),
    ));
    out.push(bucket2("vval", k, flag(at.value)));
    let score = at.proposed.map_or("none", |(s, src)| match (s / 20, src) {
        (_, Source::User) => "user",
        (0, _) => "0",
        (1, _) => "20",
        (2, _) => "40",
        (3, _) => "60",
        (4, Source::Rule) => "80r",
        (4, _) => "80l",
        (_, Source::Rule) => "100r",
        _ => "100l",
    });
    out.push(bucket2("vscore", k, score));
    // Whether the rules proposed the other kind over it too.
    let other = at
        .proposals
        .iter()
        .filter(|p| p.start < at.end && at.start < p.end)
        .any(|p| class_of(p.kind).is_some_and(|c| c != at.rule));
    out.push(bucket2("vother", k, flag(other)));
    // The name's other mentions, and whether one reads the other way.
    let mentions = at
        .spans
        .iter()
        .enumerate()
        .filter(|&(j, s)| Some(j) != at.this && s.text == at.text)
        .map(|(_, s)| s.kind);
    let (mut count, mut differs) = (0, false);
    let kind = [Kind::Actor, Kind::Place][at.rule];
    for other in mentions {
        count += 1;
        differs |= other != kind;
    }
    out.push(bucket2("vmen", k, steps(count)));
    out.push(bucket2("vdiff", k, flag(differs)));
}
