//! Does a sentence speak of the future? Decides which Friday "vendredi" is.
//!
//! A look at the words of the sentence around the expression (from a dozen
//! tokens before to a few after, within the sentence): future markers from the data files ("will", "sera",
//! "prévu"), and the endings of a simple future where the language has one
//! (`ending` words of the data: "aura lieu", "se rendra", "rouvriront"). Only called for the few expressions whose value
//! depends on it, so its cost does not matter for throughput.

use super::common::Cx;
use super::words::Cat;
use crate::text::TokKind;

/// How far a marker may be before and after the expression, in tokens.
const BEFORE: usize = 12;
const AFTER: usize = 4;

/// True when the sentence around token `i` has a future marker.
pub fn future(cx: &Cx, i: usize) -> bool {
    let toks = &cx.doc.tokens;
    if i >= toks.len() {
        return false;
    }
    let mut start = i;
    while start > 0 && i - start < BEFORE && !toks[start].sentence_start {
        start -= 1;
    }
    let mut end = i;
    while end < toks.len() && end - i < AFTER {
        if end > i && toks[end].sentence_start {
            break;
        }
        end += 1;
    }
    (start..end).any(|t| is_future(cx, t))
}

fn is_future(cx: &Cx, t: usize) -> bool {
    let tok = &cx.doc.tokens[t];
    if tok.kind != TokKind::Word || (tok.upper && !tok.all_caps) {
        return false;
    }
    // "lower-than-expected earnings": a marker inside a compound is an adjective.
    if t > 0 && cx.doc.is_hyphen(t - 1) && cx.glued(t) {
        return false;
    }
    if let Some(v) = cx.get(t, Cat::Future) {
        return v >= 0;
    }
    cx.words.is_some_and(|w| w.has_future_ending(cx.norm(t)))
}
