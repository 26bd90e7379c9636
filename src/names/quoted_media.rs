//! A newspaper, a magazine or a station named in quotes after its kind, in
//! a language whose data names those words ([`MEDIA_NOUN`]): 'el diario
//! "Reforma"', 'la revista "Semana"', 'la emisora "Radio Caracol"'. The
//! name is a medium, an actor, whatever its words say ("Reforma" is also
//! a reform); the quotes and the word before them are not part of it.

use super::context::cue;
use super::Cues;
use crate::framing::MEDIA_NOUN;
use crate::span::{ActorType, ActorValue, Candidate, Kind, Source, Value};
use crate::text::{Doc, TokKind};

/// The score of a medium read from its quotes.
const MEDIA_SCORE: u8 = 75;
/// How many tokens a medium's name in quotes runs to at most.
const MAX_NAME: usize = 6;

/// Proposes the media named in quotes after a [`MEDIA_NOUN`] word, and drops
/// the other readings of `out[first..]` inside them.
pub(super) fn read(doc: &Doc, c: &Cues, first: usize, out: &mut Vec<Candidate>) {
    if !c.framing.has_any(0, MEDIA_NOUN) {
        return;
    }
    let mut found = Vec::new();
    for t in 1..doc.len() {
        let tok = doc.tokens[t];
        if tok.kind != TokKind::Punct || !is_quote(doc.raw(t)) {
            continue;
        }
        let p = doc.tokens[t - 1];
        // A capital on the kind is a name's where capitals mark names
        // ('La Revista "Semana"'), any noun's where they do not ("Zeitung").
        let capital = p.upper && c.capitals_mark_names;
        if p.kind != TokKind::Word || capital || !cue(doc, c.framing, t - 1, MEDIA_NOUN) {
            continue;
        }
        let s = t + 1;
        if !doc
            .tokens
            .get(s)
            .is_some_and(|x| x.kind == TokKind::Word && x.upper)
        {
            continue;
        }
        let close = (s..(s + MAX_NAME + 1).min(doc.len())).find(|&i| is_quote(doc.raw(i)));
        let Some(e) = close else {
            continue;
        };
        if e > s && doc.same_line(e) {
            found.push((doc.tokens[s].start, doc.tokens[e - 1].end));
        }
    }
    if found.is_empty() {
        return;
    }
    let mut drop = vec![false; out.len()];
    for (k, x) in out.iter().enumerate().skip(first) {
        drop[k] = found.iter().any(|&(a, b)| x.start >= a && x.end <= b);
    }
    super::emit::drop_marked(out, &drop);
    for (a, b) in found {
        out.push(
            Candidate::new(a, b, Kind::Actor, Source::Rule, MEDIA_SCORE).with_value(Value::Actor(
                ActorValue {
                    canonical: doc.text[a..b].to_string(),
                    actor_type: Some(ActorType::Media),
                },
            )),
        );
    }
}

/// A quotation mark, straight or typographic.
fn is_quote(raw: &str) -> bool {
    matches!(raw, "\"" | "«" | "»" | "“" | "”" | "„")
}
