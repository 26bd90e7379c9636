//! The edges of a name where every noun has a capital ([`Cues::capitalised_nouns`]):
//! capitals alone cannot tell where a name starts or stops, so two kinds of
//! capitalised run are no name, or less of one, than they look.
//! - A run opened by a quantity, a unit or a currency (`quantity` in the
//!   language's `names.tsv`: "3 Millionen Euro", "Tausende Pendler") counts
//!   something: no actor or place.
//! - A source's preposition opening a sentence ("Laut Hamas") is no part of
//!   the name after it.
//! - A word before a given name in an actor ("Torhüter Malte Brinkhaus") is
//!   a job or a title glued to the name by its capital: left out.
//! - A run that is only an abbreviation of a common noun or a unit, or a
//!   Roman numeral (`common_acronym`: "DNA", "CEO", "EBIT", "II") is no name.
//! - A capitalised function word inside a run ("Nestbau Der Ameisenhügel",
//!   "Müller Auf der Messe") opens a sentence the text did not close with a
//!   full stop, often after a heading: the run is cut there into pieces, each
//!   its own candidate. A single word before the first cut is that heading
//!   ("Nestbau", "Geografie"), and a single frequent word after one is the
//!   sentence's subject ("Der Ort"): neither is a name.

use super::Cues;
use crate::framing::{COMMON_ACRONYM, QUANTITY, SOURCE_PREP};
use crate::lang::Lang;
use crate::span::{ActorValue, Kind, Span, Value};
use crate::text::fold::{fold_char, fold_str};

/// Drops the actor and place spans opened by a quantity word or made of a
/// common abbreviation, and cuts the actors at capitalised function words, in
/// a language whose `cues` say every noun has a capital. Read over the
/// resolved spans, which are few, not over every candidate.
pub fn trim(lang: Lang, cues: &Cues, spans: &mut Vec<Span>) {
    if !cues.capitalised_nouns {
        return;
    }
    let mut key = String::with_capacity(MAX_CUE_BYTES * 2);
    spans.retain_mut(|s| match head(&mut key, cues, s) {
        Head::Drop => false,
        Head::Cut(at) => {
            cut_before(s, at);
            true
        }
        Head::Keep => {
            drop_word_before_given_name(&mut key, cues, s);
            true
        }
    });
    if !spans.iter().any(|s| has_break(&mut key, s, cues)) {
        return;
    }
    let mut out = Vec::with_capacity(spans.len());
    for s in spans.drain(..) {
        if !has_break(&mut key, &s, cues) {
            out.push(s);
            continue;
        }
        let span = s.text.as_str();
        for (i, (from, to, count)) in segments(&mut key, span, cues).into_iter().enumerate() {
            let piece = &span[from..to];
            let heading = i == 0 && count == 1;
            let subject =
                i > 0 && count == 1 && crate::lexicon::is_common_word(lang, &fold_str(piece));
            if count == 0 || heading || subject {
                continue;
            }
            let actor_type = match &s.value {
                Some(Value::Actor(a)) if i == 0 => a.actor_type,
                _ => None,
            };
            let start = s.start + span[..from].chars().count();
            out.push(Span {
                start,
                end: start + piece.chars().count(),
                kind: Kind::Actor,
                text: piece.to_string(),
                value: Some(Value::Actor(ActorValue {
                    canonical: piece.to_string(),
                    actor_type,
                })),
                source: s.source.clone(),
            });
        }
    }
    *spans = out;
}

/// Leaves out of an actor of three words or more the word before its given
/// name when that word is none ("Torhüter Malte Brinkhaus", "Fall Michail
/// Chodorkowski"): a job, a title or a noun the name hangs on, which every
/// noun's capital glued to it.
fn drop_word_before_given_name(key: &mut String, cues: &Cues, s: &mut Span) {
    if s.kind != Kind::Actor || !s.text.as_bytes().contains(&b' ') || is_user(s) {
        return;
    }
    let at = {
        let mut w = words(&s.text);
        let (Some((_, first)), Some((at, second)), Some(_)) = (w.next(), w.next(), w.next()) else {
            return;
        };
        let given = |key: &mut String, w: &str| {
            short_key(key, w).is_some_and(|k| super::is_first_name(cues, k))
        };
        if !second.starts_with(char::is_uppercase) || !given(key, second) || given(key, first) {
            return;
        }
        at
    };
    cut_before(s, at);
}

/// Cuts a span to its text from byte `at` on, its value's name with it.
fn cut_before(s: &mut Span, at: usize) {
    let rest = s.text[at..].to_string();
    s.start += s.text[..at].chars().count();
    if let Some(Value::Actor(a)) = &mut s.value {
        if a.canonical == s.text {
            a.canonical.clone_from(&rest);
        }
    }
    s.text = rest;
}

/// An actor (not an editor's) with a capitalised function word inside.
fn has_break(key: &mut String, s: &Span, cues: &Cues) -> bool {
    s.kind == Kind::Actor
        && s.text.as_bytes().contains(&b' ')
        && !is_user(s)
        && words(&s.text).any(|(at, w)| is_break(key, &s.text, at, w, cues))
}

/// An editor's own span, which stands as the editor wrote it.
fn is_user(s: &Span) -> bool {
    s.source.as_deref() == Some("user")
}

/// What the first word of a span does to it.
enum Head {
    /// A quantity opens it, or it is a common abbreviation alone: no name.
    Drop,
    /// A source's preposition opens a sentence with it ("Laut Hamas"): the
    /// name starts at this byte.
    Cut(usize),
    Keep,
}

/// What the first word of an actor or place does to it ([`Head`]).
fn head(key: &mut String, cues: &Cues, s: &Span) -> Head {
    if is_user(s) || !matches!(s.kind, Kind::Actor | Kind::Place) {
        return Head::Keep;
    }
    let mut w = words(&s.text);
    let first = w.next().map_or("", |(_, w)| w);
    let Some(folded) = short_key(key, first) else {
        return Head::Keep;
    };
    if cues.framing.has_cue(folded, QUANTITY)
        || (first.len() == s.text.len() && cues.framing.has_cue(folded, COMMON_ACRONYM))
    {
        return Head::Drop;
    }
    match w.next() {
        Some((at, _)) if cues.framing.has_cue(folded, SOURCE_PREP) => Head::Cut(at),
        _ => Head::Keep,
    }
}

/// The words of `span` split at spaces (a resolved name is on one line), each with its byte offset.
fn words(span: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = span.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && bytes[at] == b' ' {
            at += 1;
        }
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() && bytes[at] != b' ' {
            at += 1;
        }
        // Spaces are ASCII: both ends are on character boundaries.
        span.get(start..at).map(|w| (start, w))
    })
}

/// The pieces of `span` between its breaks, as (start, end, words), each
/// starting at its first capitalised word: the lower-case words after a
/// break ("Auf der Messe") belong to the sentence it opens.
fn segments(key: &mut String, span: &str, cues: &Cues) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, usize, usize)> = None;
    let mut after_break = false;
    for (at, w) in words(span) {
        if at > 0 && is_break(key, span, at, w, cues) {
            out.extend(cur.take());
            after_break = true;
            continue;
        }
        if after_break && cur.is_none() && !w.starts_with(char::is_uppercase) {
            continue;
        }
        cur = Some(match cur {
            Some((from, _, n)) => (from, at + w.len(), n + 1),
            None => (at, at + w.len(), 1),
        });
    }
    out.extend(cur);
    out
}

/// A function word written with a capital after white space inside a run
/// ("Der", "Auch", "Mit"): not after a slash ("Bündnis 90/Die Grünen").
fn is_break(key: &mut String, span: &str, at: usize, word: &str, cues: &Cues) -> bool {
    let mut chars = word.chars();
    at > 0
        && word.len() <= MAX_CUE_BYTES
        && chars.next().is_some_and(char::is_uppercase)
        && chars.any(char::is_lowercase)
        && span[..at].ends_with(char::is_whitespace)
        && short_key(key, word).is_some_and(|k| cues.stopwords.contains(k))
}

/// The longest word the cues read here (function words, quantities,
/// abbreviations), in bytes: a longer word is none of them.
const MAX_CUE_BYTES: usize = 12;

/// `word` folded ([`fold_char`]) into `key`, when it is short enough to be a
/// cue word: every name of the text passes here, and none is copied.
fn short_key<'k>(key: &'k mut String, word: &str) -> Option<&'k str> {
    if word.len() > MAX_CUE_BYTES {
        return None;
    }
    key.clear();
    if word.is_ascii() {
        key.push_str(word);
        key.make_ascii_lowercase();
        return Some(key);
    }
    for c in word.chars() {
        if let Some((a, b)) = fold_char(c) {
            key.push(a);
            if b != '\0' {
                key.push(b);
            }
        }
    }
    Some(key)
}
