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
    // Names of the body of up to MAX_WORDS words, by their folded words.
    let mut body: WordMap<String, Candidate> = WordMap::default();
    for cand in &out[first..] {
        if !matches!(cand.kind, Kind::Actor | Kind::Place) {
            continue;
        }
        let t = doc.token_at_or_after(cand.start);
        let end = doc.token_at_or_after(cand.end);
        if t >= doc.len() || headline[t] || end > t + MAX_WORDS || end <= t {
            continue;
        }
        if (t..end).any(|i| doc.tokens[i].kind != TokKind::Word) {
            continue;
        }
        body.entry(key(doc, t, end)).or_insert_with(|| cand.clone());
    }
    if body.is_empty() {
        return;
    }
    let mut covered: Vec<(usize, usize)> = out[first..].iter().map(|x| (x.start, x.end)).collect();
    covered.sort_unstable();
    let free = |s: usize, e: usize| {
        let p = covered.partition_point(|&(cs, _)| cs < e);
        !covered[..p].iter().any(|&(_, ce)| ce > s)
    };
    let mut added = Vec::new();
    let mut t = 0;
    while t < doc.len() {
        let caps = |i: usize| {
            headline.get(i).copied().unwrap_or(false)
                && doc.tokens[i].kind == TokKind::Word
                && doc.tokens[i].all_caps
                && (i == t || !doc.tokens[i].line_start)
        };
        if !caps(t) {
            t += 1;
            continue;
        }
        // The longest run of capitals from `t` the body names.
        let mut end = t;
        while end < doc.len() && end < t + MAX_WORDS && caps(end) {
            end += 1;
        }
        let found = (t + 1..=end).rev().find_map(|e| {
            let (s, x) = (doc.tokens[t].start, doc.tokens[e - 1].end);
            body.get(key(doc, t, e).as_str())
                .filter(|_| free(s, x))
                .map(|b| (e, b, s, x))
        });
        match found {
            Some((e, b, s, x)) => {
                let mut cand = b.clone();
                cand.start = s;
                cand.end = x;
                added.push(cand);
                t = e;
            }
            None => t += 1,
        }
    }
    out.extend(added);
}

/// The longest body name a headline is searched for.
const MAX_WORDS: usize = 3;

/// The folded words of tokens `[t, end)`, joined by spaces.
fn key(doc: &Doc, t: usize, end: usize) -> String {
    let mut k = String::new();
    for i in t..end {
        if !k.is_empty() {
            k.push(' ');
        }
        k.push_str(doc.norm(i));
    }
    k
}
