//! Headlines in capitals, for a language whose data asks for it
//! ([`HEADLINE_WORDS`]): wire copy runs a story's headline in capitals, where
//! capitals prove nothing, and often the dateline on the same line. The
//! headline names what its body names in the usual case ("PSOE",
//! "PINOCHET"); and a word in its usual case on that line ("…GALAXIAS
//! Granada (EFE)") is the dateline's, read as in running text.
//!
//! Costs nothing in a language without the flag; otherwise one pass over
//! the candidates and one over the headline tokens.

use super::Cues;
use crate::framing::HEADLINE_WORDS;
use crate::span::{Candidate, Kind};
use crate::text::hash::WordMap;
use crate::text::{Doc, TokKind};

/// Clears the headline flag of the words written in their usual case
/// (capital then lower case) on a headline in capitals.
pub(super) fn dateline_words(doc: &Doc, c: &Cues, headline: &mut [bool]) {
    if !c.framing.has_any(0, HEADLINE_WORDS) {
        return;
    }
    for (t, flag) in headline.iter_mut().enumerate() {
        let tok = doc.tokens[t];
        if *flag
            && tok.kind == TokKind::Word
            && tok.upper
            && !tok.all_caps
            && tok.end - tok.start > 1
        {
            *flag = false;
        }
    }
}

/// Gives a word of a headline in capitals the reading the body gave the same
/// word outside headlines, where nothing covers it yet.
pub(super) fn body_readings(
    doc: &Doc,
    c: &Cues,
    headline: &[bool],
    first: usize,
    out: &mut Vec<Candidate>,
) {
    if !c.framing.has_any(0, HEADLINE_WORDS) || !headline.iter().any(|&h| h) {
        return;
    }
    // One-word names of the body, by their folded word.
    let mut body: WordMap<&str, Candidate> = WordMap::default();
    for cand in &out[first..] {
        if !matches!(cand.kind, Kind::Actor | Kind::Place) {
            continue;
        }
        let t = doc.token_at_or_after(cand.start);
        if t >= doc.len() || headline[t] || doc.tokens[t].end != cand.end {
            continue;
        }
        body.entry(doc.norm(t)).or_insert_with(|| cand.clone());
    }
    if body.is_empty() {
        return;
    }
    let mut covered: Vec<(usize, usize)> = out[first..].iter().map(|x| (x.start, x.end)).collect();
    covered.sort_unstable();
    let mut added = Vec::new();
    for (t, &head) in headline.iter().enumerate() {
        let tok = doc.tokens[t];
        if !head || tok.kind != TokKind::Word || !tok.all_caps {
            continue;
        }
        let Some(b) = body.get(doc.norm(t)) else {
            continue;
        };
        let p = covered.partition_point(|&(s, _)| s < tok.end);
        if covered[..p].iter().any(|&(_, e)| e > tok.start) {
            continue;
        }
        let mut cand = b.clone();
        cand.start = tok.start;
        cand.end = tok.end;
        added.push(cand);
    }
    out.extend(added);
}
