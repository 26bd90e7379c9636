//! Reading capitalised sequences: where a name starts and ends (compounds,
//! particles, Arabic articles, initials, dotted abbreviations) and which
//! lines are headlines, where capitals prove nothing. No decision on what a
//! name is: that is the ladder's ([`super::ladder`]).

use super::context::cue;
use super::Cues;
use crate::framing::{LIST_SEPARATOR, ONE_LETTER_WORD, PARTICLE, TITLE};
use crate::lang::Lang;
use crate::lexicon::{self, Match};
use crate::span::{Candidate, Source, Value};
use crate::text::shape::compound_end;
use crate::text::{Doc, TokKind};

/// One past the last token of the capitalised sequence starting at `t`:
/// capitalised compounds on one line, and with `particles`, lower-case name
/// particles between them ("Bachar al-Assad", "Banque de France").
pub(super) fn sequence_end(doc: &Doc, c: &Cues, t: usize, particles: bool) -> usize {
    let (plain, full) = ends(doc, c, t, particles);
    if particles {
        full
    } else {
        plain
    }
}

/// The ends of the capitalised sequence starting at `t` without particles
/// and with them: ([`sequence_end`] `false`, [`sequence_end`] `true`), in
/// one walk (the walk with particles goes on where the other stops).
pub(super) fn sequence_ends(doc: &Doc, c: &Cues, t: usize) -> (usize, usize) {
    ends(doc, c, t, true)
}

/// The walk of [`sequence_end`]: (end without particles, end with them
/// when `particles`, else the same).
fn ends(doc: &Doc, c: &Cues, t: usize, particles: bool) -> (usize, usize) {
    let caps = doc.tokens[t].all_caps;
    let mut e = compound_end(doc, t);
    let mut plain = None;
    while let Some(n) = doc.tokens.get(e) {
        if middle_initial_dot(doc, c, t, e) {
            e += 1;
            continue;
        }
        if n.line_start || n.kind != TokKind::Word {
            break;
        }
        if n.upper && (n.all_caps == caps || !caps) {
            e = compound_end(doc, e);
            continue;
        }
        // An Arabic article joined to a capitalised word belongs to the name
        // ("Maaret al-Noomane", "Jisr al-Choughour", "Bachar al-Assad").
        if !n.upper && arabic_article_compound(doc, e) {
            e = compound_end(doc, e);
            continue;
        }
        // The sequence without particles stops here.
        plain.get_or_insert(e);
        if !particles || n.upper {
            break;
        }
        // Up to two particles ("de la"), then a capitalised word.
        let mut p = e;
        while p < e + 2
            && doc
                .tokens
                .get(p)
                .is_some_and(|x| x.kind == TokKind::Word && !x.upper)
            && c.framing.has(doc.norm(p), PARTICLE)
        {
            p += 1;
            if doc.is_apostrophe(p) || doc.is_hyphen(p) {
                p += 1;
            }
        }
        match doc.tokens.get(p) {
            Some(x) if p > e && x.kind == TokKind::Word && x.upper && !x.line_start => {
                e = compound_end(doc, p)
            }
            _ => break,
        }
    }
    (plain.unwrap_or(e), e)
}

/// Arabic articles that may open a name written in lower case ("al-Aqsa",
/// "ash-Sham"); not the short forms that are also French or English words.
pub(super) const LEADING_ARTICLES: &[&str] = &[
    "al", "el", "ad", "adh", "ar", "as", "ash", "at", "ath", "az", "ez", "ech", "ul", "ud", "uz",
];

/// An Arabic article at `t` that opens a name: "al-Aqsa", "dans al-Bab";
/// not one inside a name ("Bachar al-Assad", found with the name).
pub(super) fn leading_arabic_article(doc: &Doc, t: usize) -> bool {
    doc.tokens[t].kind == TokKind::Word
        && !doc.tokens[t].upper
        && LEADING_ARTICLES.contains(&doc.norm(t))
        && arabic_article_compound(doc, t)
        && (doc.tokens[t].space_before || t == 0 || doc.tokens[t].line_start)
        && !(t >= 1 && doc.tokens[t - 1].kind == TokKind::Word && doc.tokens[t - 1].upper)
}

/// Extends the candidates of `buf` that start right after the Arabic
/// article at `t` over it ("Aqsa" → "al-Aqsa").
pub(super) fn extend_over_article(doc: &Doc, t: usize, buf: &mut [Candidate]) {
    let (Some(from), Some(to)) = (doc.tokens.get(t + 2), doc.tokens.get(t)) else {
        return;
    };
    let (from, to) = (from.start, to.start);
    for c in buf.iter_mut().filter(|c| c.start == from) {
        if let Some(Value::Actor(a)) = &mut c.value {
            if c.source == Source::Rule
                && doc.text.get(c.start..c.end) == Some(a.canonical.as_str())
            {
                a.canonical = doc.text.get(to..c.end).unwrap_or_default().to_string();
            }
        }
        c.start = to;
    }
}

/// The dot of a middle initial at `e` inside a name that started at `t`
/// ("George W. Bush", "Bernard B. Fall"): glued to a single capital letter
/// that follows a name word, and followed by a capitalised word that is not
/// a function word of any language (a sentence that ends on "Group A." is not one name with
/// the next).
pub(super) fn middle_initial_dot(doc: &Doc, c: &Cues, t: usize, e: usize) -> bool {
    let (Some(dot), Some(next)) = (doc.tokens.get(e), doc.tokens.get(e + 1)) else {
        return false;
    };
    let initial = e - 1;
    dot.kind == TokKind::Punct
        && !dot.space_before
        && doc.norm(e) == "."
        && initial > t
        && doc.tokens[initial].upper
        && doc.raw(initial).chars().count() == 1
        && doc.tokens[initial - 1].kind == TokKind::Word
        && next.kind == TokKind::Word
        && next.upper
        && !next.all_caps
        && !next.line_start
        && !c.any_stopwords.contains(doc.norm(e + 1))
}

/// A lower-case Arabic article hyphenated to a capitalised word: "al-Assad".
/// The shape (a glued hyphen, a capitalised word) is read before the
/// article list, which is compared word by word.
pub(super) fn arabic_article_compound(doc: &Doc, t: usize) -> bool {
    doc.tokens
        .get(t + 2)
        .is_some_and(|x| x.kind == TokKind::Word && x.upper && !x.space_before)
        && !doc.tokens[t + 1].space_before
        && doc.is_hyphen(t + 1)
        && crate::text::fold::JOINED_ARTICLES.contains(&doc.norm(t))
}

/// True when the token after `t` (or after its compound) is a capitalised word on the same line.
pub(super) fn next_is_name(doc: &Doc, t: usize) -> bool {
    let mut n = compound_end(doc, t);
    if doc
        .tokens
        .get(n)
        .is_some_and(|x| x.kind == TokKind::Punct && doc.norm(n) == ".")
    {
        n += 1;
    }
    doc.tokens
        .get(n)
        .is_some_and(|x| x.kind == TokKind::Word && x.upper && !x.line_start)
}

/// Marks the tokens of headline-like lines, where capitals are no evidence:
/// lines of at least three words that are mostly in capitals, or entirely in
/// title case and not cut into a list by the language's [`LIST_SEPARATOR`].
pub(super) fn headline_tokens(doc: &Doc, c: &Cues) -> Vec<bool> {
    let mut flags = vec![false; doc.len()];
    let mut line = 0;
    while line < doc.len() {
        let mut end = line + 1;
        while end < doc.len() && !doc.tokens[end].line_start {
            end += 1;
        }
        let (mut words, mut caps, mut titled) = (0usize, 0usize, 0usize);
        for tok in &doc.tokens[line..end] {
            if tok.kind == TokKind::Word && tok.end - tok.start > 1 {
                words += 1;
                caps += tok.all_caps as usize;
                titled += tok.upper as usize;
            }
        }
        // A title-case line cut by commas is a list of names ("Tim Simpson ,
        // Olin Browne , Shane Bortsch ,"), whose capitals are names' own.
        // The commas are counted only for a title-case line.
        let commas = || {
            (line..end)
                .filter(|&i| {
                    doc.tokens[i].kind == TokKind::Punct && cue(doc, c.framing, i, LIST_SEPARATOR)
                })
                .count()
        };
        let titled_head = || words >= 4 && titled == words && commas() < 2;
        let is_head = words >= 3 && (caps * 10 >= words * 6 || titled_head());
        if is_head {
            flags[line..end].iter_mut().for_each(|f| *f = true);
        }
        line = end;
    }
    flags
}

/// One past the surname after initials: "K. Lindqvist", "J.P. Smith",
/// "T.O'Gorman". Not a dotted abbreviation the gazetteer knows ("U.S."), not
/// a title ("M. Dupont" is Monsieur Dupont), not the pronoun "I" before an
/// ordinary word.
pub(super) fn initials_end(doc: &Doc, c: &Cues, t: usize) -> Option<usize> {
    let mut i = t;
    let mut n = 0;
    while let Some(tok) = doc.tokens.get(i) {
        // One char is at most four bytes: the count only for a short token.
        let one_letter = tok.kind == TokKind::Word
            && tok.upper
            && tok.end - tok.start <= 4
            && doc.raw(i).chars().count() == 1;
        let dot = doc
            .tokens
            .get(i + 1)
            .is_some_and(|d| d.kind == TokKind::Punct && !d.space_before)
            && doc.norm(i + 1) == ".";
        if !(one_letter && dot) {
            break;
        }
        i += 2;
        n += 1;
        if n > 3 {
            return None;
        }
    }
    if n == 0 || c.framing.has(doc.norm(t), TITLE) {
        return None;
    }
    let s = doc.tokens.get(i)?;
    if s.kind != TokKind::Word || !s.upper || s.line_start || s.all_caps {
        return None;
    }
    let surname = doc.norm(i);
    if surname.chars().count() < 2 || lexicon::longest_match(doc, t).is_some() {
        return None;
    }
    // Initials are an English and French habit alike: both word lists.
    let common = lexicon::is_common_word(Lang::UND, surname);
    if common && cue(doc, c.any_framing, t, ONE_LETTER_WORD) {
        return None;
    }
    if common
        && doc
            .tokens
            .get(i + 1)
            .is_some_and(|x| x.kind == TokKind::Word && !x.upper && x.end - x.start > 2)
    {
        return None;
    }
    Some(sequence_end(doc, c, i, true))
}

/// A single capital letter followed by a dot that is part of a dotted
/// abbreviation ("U.S.", "U.N."), not an initial ("J. Smith").
pub(super) fn abbreviation(doc: &Doc, t: usize) -> bool {
    doc.tokens
        .get(t + 1)
        .is_some_and(|d| d.kind == TokKind::Punct && !d.space_before)
        && doc.norm(t + 1) == "."
        && doc
            .tokens
            .get(t + 2)
            .is_some_and(|x| x.kind == TokKind::Word && !x.space_before && x.upper)
}

/// The end of a match, with the final dot of a dotted abbreviation ("U.S.").
pub(super) fn abbreviation_end(doc: &Doc, m: &Match) -> usize {
    let n = m.end_token;
    let dotted = n >= 2 && doc.norm(n - 2) == "." && !doc.tokens[n - 2].space_before;
    match doc.tokens.get(n) {
        Some(d) if dotted && d.kind == TokKind::Punct && !d.space_before && doc.norm(n) == "." => {
            d.end
        }
        _ => m.end,
    }
}
