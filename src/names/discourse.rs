//! Names decided at the scale of the whole document, after the pass over
//! capitalised sequences: a dispatch names someone in full once ("Bob Dole",
//! "K. Lindqvist") and by the surname afterwards, often where capitals prove
//! nothing (at the head of a sentence, in a headline) or where the surname is
//! also a town ("Dole"); and a frequent word written with a capital in
//! mid-sentence ("à Metz", "as Bath won") is a name only if the document
//! never writes it in lower case.
//!
//! Trade-off: one sense per name per document. A surname that is also a place
//! named elsewhere in the same dispatch as a place is read as the person; the
//! price is rare in wire copy, the gain frequent. Costs: one pass over the
//! tokens and one hash look-up per capitalised sequence.

use super::key_table::KeyTable;
use super::sequence::sequence_end;
use super::Cues;
use crate::framing::DOUBLE_SURNAME;
use crate::span::{ActorType, ActorValue, Candidate, Kind, Source, Value};
use crate::text::{Doc, TokKind};

/// Candidates that hold only if their word never appears in lower case.
#[derive(Default)]
pub(super) struct Pending {
    cands: Vec<(usize, Candidate)>,
}

impl Pending {
    /// Keeps the candidates of `buf`, proposed at token `t`, for [`Pending::settle`].
    pub(super) fn add(&mut self, t: usize, buf: &mut Vec<Candidate>) {
        self.cands.extend(buf.drain(..).map(|c| (t, c)));
    }

    /// Moves to `out` the candidates whose word the document never writes in
    /// lower case. One pass over the tokens, with a first-byte filter.
    pub(super) fn settle(self, doc: &Doc, out: &mut Vec<Candidate>) {
        if self.cands.is_empty() {
            return;
        }
        let mut words: Vec<&str> = self.cands.iter().map(|(t, _)| doc.norm(*t)).collect();
        words.sort_unstable();
        words.dedup();
        let mut first = [false; 256];
        for w in &words {
            if let Some(&b) = w.as_bytes().first() {
                first[b as usize] = true;
            }
        }
        let mut seen = vec![false; words.len()];
        for (i, tok) in doc.tokens.iter().enumerate() {
            if tok.kind != TokKind::Word || tok.upper {
                continue;
            }
            let n = doc.norm(i);
            if !n.as_bytes().first().is_some_and(|&b| first[b as usize]) {
                continue;
            }
            if let Ok(k) = words.binary_search(&n) {
                seen[k] = true;
            }
        }
        for (t, c) in self.cands {
            let lower = words
                .binary_search(&doc.norm(t))
                .is_ok_and(|k| seen.get(k).copied().unwrap_or(true));
            if !lower {
                out.push(c);
            }
        }
    }
}

/// The candidates of `out[first..]` by start, to find the ones a span overlaps.
pub(super) struct Index {
    by_start: Vec<(usize, usize)>,
}

impl Index {
    pub(super) fn new(out: &[Candidate], first: usize) -> Index {
        let mut by_start: Vec<(usize, usize)> = out
            .iter()
            .enumerate()
            .skip(first)
            .map(|(i, c)| (c.start, i))
            .collect();
        by_start.sort_unstable();
        Index { by_start }
    }

    /// Indices into `out` of the candidates overlapping bytes `[s, e)`.
    pub(super) fn overlapping(&self, out: &[Candidate], s: usize, e: usize) -> Vec<usize> {
        let mut found = Vec::new();
        self.overlapping_into(out, s, e, &mut found);
        found
    }

    /// As [`Index::overlapping`], into `found` (cleared first): a pass
    /// asking for each name it meets reuses one list.
    fn overlapping_into(&self, out: &[Candidate], s: usize, e: usize, found: &mut Vec<usize>) {
        found.clear();
        let p = self.by_start.partition_point(|&(start, _)| start < s);
        // The name pass proposes non-overlapping candidates: a few steps
        // back are enough to find one that starts before `s`.
        for &(_, i) in self.by_start[p.saturating_sub(4)..p].iter() {
            if out.get(i).is_some_and(|c| c.end > s) {
                found.push(i);
            }
        }
        for &(start, i) in &self.by_start[p..] {
            if start >= e {
                break;
            }
            found.push(i);
        }
    }
}

/// What a name stands for in this document.
#[derive(Clone, Copy, PartialEq)]
enum Sense {
    /// A person or a team: overrides a gazetteer place of the same name.
    Actor(Option<ActorType>, bool),
    /// A place found by rule: fills only where nothing was found.
    Place,
}

/// Gives the other mentions of the document's names the same reading:
/// surnames of people named in full, teams, rule-found actors and places.
pub(super) fn propagate(doc: &Doc, c: &Cues, first: usize, out: &mut Vec<Candidate>) {
    if out.len() <= first {
        return;
    }
    let mut senses: KeyTable<Sense> = KeyTable::new();
    let cues = c;
    // The key of a name is built in one buffer; a new key is copied into
    // the table (most names come back: "Merkel", "Berlin").
    let mut k = String::with_capacity(64);
    let mut set = |k: &str, sense: Sense, overwrite: bool| senses.set(k, sense, overwrite);
    for c in &out[first..] {
        // Gazetteer names are found wherever they are written.
        if c.source != Source::Rule {
            continue;
        }
        let t = doc.token_at_or_after(c.start);
        let end = doc.token_at_or_after(c.end);
        if t >= end {
            continue;
        }
        match (c.kind, &c.value) {
            (Kind::Actor, Some(Value::Actor(a))) => {
                let ty = a.actor_type;
                let strong = matches!(ty, Some(ActorType::Person))
                    || (c.source == Source::Rule
                        && ty == Some(ActorType::Organisation)
                        && c.score == TEAM_SCORE);
                if ty == Some(ActorType::Person) && end > t + 1 {
                    // The surname: the last word of the name.
                    if let Some(l) = (t..end)
                        .rev()
                        .find(|&i| doc.tokens[i].kind == TokKind::Word)
                    {
                        if doc.tokens[l].upper && doc.norm(l).chars().count() >= 3 {
                            key_into(doc, l, l + 1, &mut k);
                            set(&k, Sense::Actor(ty, true), true);
                        }
                    }
                    if let Some(f) = first_surname(doc, cues, t, end) {
                        key_into(doc, f, f + 1, &mut k);
                        set(&k, Sense::Actor(ty, true), true);
                    }
                }
                key_into(doc, t, end, &mut k);
                set(&k, Sense::Actor(ty, strong), false);
            }
            (Kind::Place, _) if c.source == Source::Rule => {
                key_into(doc, t, end, &mut k);
                set(&k, Sense::Place, false);
            }
            _ => {}
        }
    }
    if senses.is_empty() {
        return;
    }
    // A filter on the first word's first byte and length, so that most
    // capitalised words cost no hashing.
    let mut filter = [0u64; 256];
    for k in senses.keys() {
        let w = k.split(' ').next().unwrap_or("");
        if let Some(&b) = w.as_bytes().first() {
            filter[b as usize] |= 1 << (w.len() % 64);
        }
    }
    let index = Index::new(out, first);
    let mut drop = vec![false; out.len()];
    let mut added = Vec::new();
    let mut buf = String::with_capacity(64);
    let mut over = Vec::new();
    let mut t = 0;
    while t < doc.len() {
        let tok = doc.tokens[t];
        if tok.kind != TokKind::Word || !tok.upper {
            t += 1;
            continue;
        }
        let w = doc.norm(t);
        let b = w.as_bytes().first().copied().unwrap_or(0) as usize;
        if filter[b] & (1 << (w.len() % 64)) == 0 {
            t += 1;
            continue;
        }
        let end = sequence_end(doc, c, t, false);
        let (s, e) = (tok.start, doc.tokens[end - 1].end);
        key_into(doc, t, end, &mut buf);
        let Some(&sense) = senses.get(&buf) else {
            t = end;
            continue;
        };
        index.overlapping_into(out, s, e, &mut over);
        let exact = over.len() == 1 && out[over[0]].start == s && out[over[0]].end == e;
        match sense {
            Sense::Actor(ty, strong) => {
                if over.is_empty() {
                    added.push(actor(doc, s, e, ty, 60));
                } else if strong && exact && out[over[0]].kind == Kind::Place {
                    drop[over[0]] = true;
                    added.push(actor(doc, s, e, ty, 80));
                }
            }
            Sense::Place => {
                if over.is_empty() {
                    added.push(Candidate::new(s, e, Kind::Place, Source::Rule, 50));
                }
            }
        }
        t = end;
    }
    super::emit::drop_marked(out, &drop);
    out.extend(added);
}

/// In a language whose people bear two surnames and go by the first
/// ([`DOUBLE_SURNAME`]: "Francisco Arias Cárdenas" is "Arias"), the first
/// surname of the person named by tokens `[t, end)`: the word before the
/// last, when three capitalised words or more make the name and that word
/// is no first name ("Juan Carlos Ferrero" is "Ferrero" alone).
fn first_surname(doc: &Doc, c: &Cues, t: usize, end: usize) -> Option<usize> {
    if !c.framing.has_any(0, DOUBLE_SURNAME) {
        return None;
    }
    // The capitalised words counted, the last two remembered (no list).
    let (mut upper, mut words, mut last) = (0, 0, [0usize; 2]);
    for i in t..end {
        if doc.tokens[i].kind == TokKind::Word {
            words += 1;
            if doc.tokens[i].upper {
                upper += 1;
                last = [last[1], i];
            }
        }
    }
    if upper < 3 || upper != words {
        return None;
    }
    let f = last[0];
    let w = doc.norm(f);
    (w.chars().count() >= 3 && !super::is_first_name(c, w)).then_some(f)
}

/// The score of team actors found in results (recognised by [`propagate`]).
pub(super) const TEAM_SCORE: u8 = 81;

/// The key of tokens `[t, end)` into `k`: their folded words, space-separated.
fn key_into(doc: &Doc, t: usize, end: usize, k: &mut String) {
    k.clear();
    for i in t..end.min(doc.len()) {
        if doc.tokens[i].kind != TokKind::Punct {
            if !k.is_empty() {
                k.push(' ');
            }
            k.push_str(doc.norm(i));
        }
    }
}

fn actor(doc: &Doc, s: usize, e: usize, ty: Option<ActorType>, score: u8) -> Candidate {
    Candidate::new(s, e, Kind::Actor, Source::Rule, score).with_value(Value::Actor(ActorValue {
        canonical: doc.text[s..e].to_string(),
        actor_type: ty,
    }))
}
