//! Common nouns written as one word: where every noun has a capital
//! ([`Cues::capitalised_nouns`]), a word made of two frequent words
//! ("Rettungspaket", "Holzmangel", "Einsatzgebiet") is a compound noun, no
//! name, though no word list holds it. The names rules and the learned layer
//! read such a word as a name when its context looks like one; a guess of
//! one word with no value (no gazetteer, no list vouches for it) whose word
//! splits so is dropped. Its own module: it reads what the other rules
//! found, after them.

use super::Cues;
use crate::framing::COMPOUND_LINK;
use crate::lang::Lang;
use crate::lexicon;
use crate::span::{Candidate, Kind, Value};
use crate::text::{Doc, TokKind};

/// The fewest letters of a compound's head: "haus", "ende".
const HEAD: usize = 4;

/// The fewest letters of a compound's first part, less its linking letters.
const MODIFIER: usize = 3;

/// Drops the actor guesses of one word whose word
/// is a compound of two frequent words and no known name.
pub fn drop_compound_nouns(doc: &Doc, lang: Lang, cues: &Cues, cands: &mut Vec<Candidate>) {
    if !cues.capitalised_nouns {
        return;
    }
    cands.retain(|c| {
        !(c.kind == Kind::Actor && guessed(c) && one_compound_noun(doc, lang, cues, c))
    });
}

/// An actor no list vouches for: no value, or only its own words as its
/// name, with no type.
fn guessed(c: &Candidate) -> bool {
    match &c.value {
        None => true,
        Some(Value::Actor(a)) => a.actor_type.is_none(),
        Some(_) => false,
    }
}

/// The candidate covers exactly one word, a compound noun no list names.
fn one_compound_noun(doc: &Doc, lang: Lang, cues: &Cues, c: &Candidate) -> bool {
    let t = doc.token_at_or_after(c.start);
    let Some(tok) = doc.tokens.get(t) else {
        return false;
    };
    if tok.start != c.start || tok.end != c.end || tok.kind != TokKind::Word || tok.all_caps {
        return false;
    }
    let w = doc.norm(t);
    is_compound(lang, cues, w)
        && !lexicon::is_first_name(w)
        && !cues.surnames.is_some_and(|s| s.contains(w))
        && lexicon::lookup(doc.raw(t)).is_empty()
}

/// `w` (folded) is a frequent word's compound: a head of [`HEAD`] letters or
/// more that is a frequent word, after a first part that is a frequent word
/// too, with or without the language's linking letters ([`COMPOUND_LINK`]).
fn is_compound(lang: Lang, cues: &Cues, w: &str) -> bool {
    let common = |s: &str| lexicon::is_common_word(lang, s);
    w.char_indices().skip(MODIFIER).any(|(i, _)| {
        let (first, head) = w.split_at(i);
        head.chars().count() >= HEAD
            && common(head)
            && (common(first)
                || cues.framing.endings(COMPOUND_LINK).any(|l| {
                    first
                        .strip_suffix(l)
                        .is_some_and(|s| s.chars().count() >= MODIFIER && common(s))
                }))
    })
}
