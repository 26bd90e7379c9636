//! Organisations named by a place: an institution whose name holds the place
//! it serves ("Universidad de Salamanca", "Junta de Extremadura") and a
//! town's sports club ("FC Barcelona", "el Parma"). Without this look, the
//! gazetteer reads the place inside and the organisation is lost, or split
//! into a head and a place.
//!
//! Every rule here reads a framing word of the language's data
//! ([`ORG_OF_PLACE`], [`CLUB_HEAD`], [`CLUB_ARTICLE`]); a language without
//! such words is untouched.

use super::context::cue;
use super::emit::push_actor;
use super::frequent::common_or_plural;
use super::sequence::sequence_end;
use super::Cues;
use crate::framing::{
    ACRONYM_BRACKET, CLUB_ARTICLE, CLUB_HEAD, COMMON_ENDING, CONTRACTED_OF, DETERMINER, OF,
    ORG_HEAD, ORG_LINK, ORG_OF_PLACE, PARTICLE,
};
use crate::lang::Lang;
use crate::lexicon::{self, Entry, Match, PlaceKind};
use crate::span::{ActorType, Candidate};
use crate::text::shape::compound_end;
use crate::text::{Doc, TokKind};

/// Looks at the capitalised token `t` (not in a headline when `head` is
/// false) for an organisation named by a place; returns the next token to
/// look at when it proposed one. `full_end` is the end of the capitalised
/// sequence with its particles, `gm` the gazetteer's longest name at `t`.
pub(super) fn at(
    doc: &Doc,
    c: &Cues,
    t: usize,
    head: bool,
    full_end: usize,
    gm: Option<&Match>,
    out: &mut Vec<Candidate>,
) -> Option<usize> {
    // A language without these words pays nothing.
    if !c
        .framing
        .has_any(ORG_OF_PLACE | CLUB_HEAD, ACRONYM_BRACKET.or(CLUB_ARTICLE))
    {
        return None;
    }
    // "El Banco de España" opening a sentence: the gazetteer's "El Banco"
    // gives way to the institution after the article.
    if doc
        .tokens
        .get(t + 1)
        .is_some_and(|x| x.upper && x.kind == TokKind::Word)
        && c.stopwords.contains(doc.norm(t))
        && c.framing.has(doc.norm(t + 1), ORG_OF_PLACE)
        && doc.tokens.get(t + 2).is_some_and(|x| !x.upper)
        && c.framing
            .has(doc.norm((t + 2).min(doc.len() - 1)), PARTICLE)
    {
        return Some(t + 1);
    }
    // A known place's letters ("OEA"), or an acronym longer than those the
    // names pass takes alone ("CONCACAF").
    let long = doc.tokens[t].all_caps && doc.raw(t).chars().count() > 6;
    if (gm.is_some() || long) && !head {
        if let Some(end) = acronym(doc, c, t, out) {
            return Some(end);
        }
    }
    club_head(doc, c, t, out)
        .or_else(|| institution_of_place(doc, c, t, head, full_end, gm, out))
        .or_else(|| club_after_article(doc, c, t, head, gm, out))
        .or_else(|| super::juxtaposed::at(doc, c, t, head, out))
}

/// "FC Barcelona", "BM. GRANOLLERS", "Inter de Milán", "ATLETICO DE MADRID":
/// a club word, then a capitalised name on the same line.
fn club_head(doc: &Doc, c: &Cues, t: usize, out: &mut Vec<Candidate>) -> Option<usize> {
    if !c.framing.has(doc.norm(t), CLUB_HEAD) {
        return None;
    }
    // An abbreviation's full stop ("BM. GRANOLLERS").
    let mut i = t + 1;
    if doc.is(i, ".") && !doc.tokens[i].space_before {
        i += 1;
    }
    let next = doc.tokens.get(i)?;
    if next.kind != TokKind::Word || next.line_start {
        return None;
    }
    let end = if next.upper {
        sequence_end(doc, c, i, true)
    } else if i == t + 1 && c.framing.has(doc.norm(i), PARTICLE) {
        sequence_end(doc, c, t, true)
    } else {
        return None;
    };
    if end <= i {
        return None;
    }
    push_actor(doc, t, end, ActorType::Organisation, 75, out);
    Some(end)
}

/// "la Universidad de Salamanca", "el Gobierno de Sierra Leona", "el Banco
/// Central de Rusia", "el Consejo por la Paz": a head of [`ORG_OF_PLACE`],
/// with its capitalised adjectives, joined by a particle (or an
/// [`ORG_LINK`] preposition) to a capitalised name, whatever the gazetteer
/// says of the name, unless it knows the whole as an actor.
fn institution_of_place(
    doc: &Doc,
    c: &Cues,
    t: usize,
    head: bool,
    full_end: usize,
    gm: Option<&Match>,
    out: &mut Vec<Candidate>,
) -> Option<usize> {
    let tok = doc.tokens[t];
    if head || tok.all_caps || !c.framing.has(doc.norm(t), ORG_OF_PLACE) {
        return None;
    }
    // The head's capitalised adjectives ("Banco Central"), then a particle;
    // or a link to its cause ("Consejo por la Paz"); or, in a language whose
    // "of" is no particle, "of" and the place ("Bank of Canada").
    let mut i = t + 1;
    while i < full_end && doc.tokens[i].upper {
        i += 1;
    }
    let linked = link_end(doc, c, full_end.max(t + 1));
    let end = match linked {
        Some(e) => e,
        None if i < full_end => full_end,
        None => of_place_end(doc, c, t)?,
    };
    if end <= t + 2 || (i < full_end && !c.framing.has(doc.norm(i), PARTICLE)) {
        return None;
    }
    if gm.is_some_and(|m| m.end_token >= end && matches!(m.entries.first(), Some(Entry::Actor(_))))
    {
        return None;
    }
    push_actor(doc, t, end, ActorType::Organisation, 70, out);
    Some(end)
}

/// The end of the name an [`ORG_LINK`] preposition at `i` carries on to,
/// after at most one article ("por la Paz", "para Kosovo").
fn link_end(doc: &Doc, c: &Cues, i: usize) -> Option<usize> {
    if !doc.same_line(i) || !cue(doc, c.framing, i, ORG_LINK) || doc.tokens[i].upper {
        return None;
    }
    let mut n = i + 1;
    if doc
        .tokens
        .get(n)
        .is_some_and(|x| !x.upper && x.kind == TokKind::Word && cue(doc, c.framing, n, DETERMINER))
    {
        n += 1;
    }
    let x = doc.tokens.get(n)?;
    if x.kind != TokKind::Word || !x.upper || x.all_caps || x.line_start {
        return None;
    }
    Some(sequence_end(doc, c, n, true))
}

/// In a language whose "of" is no particle inside names ("Bank of Canada",
/// "University of Northern Colorado"): the end of the capitalised name after
/// the head's [`OF`] word, on the same line.
fn of_place_end(doc: &Doc, c: &Cues, t: usize) -> Option<usize> {
    let name = doc.tokens.get(t + 2)?;
    if !cue(doc, c.framing, t + 1, OF)
        || !name.upper
        || name.kind != TokKind::Word
        || name.line_start
    {
        return None;
    }
    Some(sequence_end(doc, c, t + 2, true))
}

/// "el Barcelona", "ante el Parma", "del Numancia": a town's name after a
/// [`CLUB_ARTICLE`] is its club, in a language whose towns take no article.
/// Countries, regions and features keep their article ("el Perú", "el Ebro").
fn club_after_article(
    doc: &Doc,
    c: &Cues,
    t: usize,
    head: bool,
    gm: Option<&Match>,
    out: &mut Vec<Candidate>,
) -> Option<usize> {
    let m = gm?;
    let tok = doc.tokens[t];
    if head || tok.all_caps || t == 0 {
        return None;
    }
    let p = doc.tokens[t - 1];
    if p.kind != TokKind::Word || (p.upper && !p.sentence_start) || !doc.same_line(t) {
        return None;
    }
    if !cue(doc, c.framing, t - 1, CLUB_ARTICLE) {
        return None;
    }
    if !town(m) {
        return None;
    }
    // The name ends there: "el Madrid de los Austrias" is no club.
    let end = m.end_token;
    if doc.tokens.get(end).is_some_and(|x| {
        x.kind == TokKind::Word
            && !x.line_start
            && (x.upper || cue(doc, c.framing, end, OF.or(CONTRACTED_OF)))
    }) {
        return None;
    }
    push_actor(doc, t, end, ActorType::Organisation, 65, out);
    Some(end)
}

/// The gazetteer's name is a town's first of all, or a large town's beside
/// a region of its name ("Valencia"); "el Cauca", "el Chaco" stay regions.
fn town(m: &Match) -> bool {
    match m.entries.first() {
        Some(Entry::Place(p)) if p.kind == PlaceKind::City => true,
        Some(Entry::Place(p)) if p.kind == PlaceKind::Region => m.entries.iter().any(
            |e| matches!(e, Entry::Place(c) if c.kind == PlaceKind::City && c.population >= LARGE_TOWN),
        ),
        _ => false,
    }
}

/// A town this large names a club more often than the region named after it.
const LARGE_TOWN: u64 = 300_000;

/// "OEA" where the document wrote "Organización de Estados Americanos
/// (OEA)": an acronym the document defines after an organisation's name is
/// that organisation, though the gazetteer knows a place of its letters.
fn acronym(doc: &Doc, c: &Cues, t: usize, out: &mut Vec<Candidate>) -> Option<usize> {
    let tok = doc.tokens[t];
    if !tok.all_caps || compound_end(doc, t) != t + 1 {
        return None;
    }
    if !(2..=10).contains(&doc.raw(t).chars().count()) {
        return None;
    }
    let w = doc.norm(t);
    // The definition comes first, or is this very mention: a window back
    // keeps the look linear on a long text.
    // Only the capitalised tokens go further than one flag test: on a long
    // text the window is walked at every acronym.
    let lo = t.saturating_sub(ACRONYM_WINDOW).max(2);
    let defined = lo <= t
        && doc.tokens[lo..=t]
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, x)| x.all_caps)
            .any(|(k, _)| doc.norm(lo + k) == w && defined_after_org(doc, c, lo + k));
    if !defined {
        return None;
    }
    push_actor(doc, t, t + 1, ActorType::Organisation, 60, out);
    Some(t + 1)
}

/// The acronym at `i` stands in brackets right after a name that it
/// abbreviates (its capitalised words' initials) or that an organisation
/// word heads.
fn defined_after_org(doc: &Doc, c: &Cues, i: usize) -> bool {
    let fr = c.framing;
    if !cue(doc, fr, i - 1, ACRONYM_BRACKET) || !doc.is(i + 1, ")") {
        return false;
    }
    let mut s = i - 1;
    while s > 0 && i - 1 - s < 10 {
        let x = doc.tokens[s - 1];
        let particle = !x.upper && fr.has(doc.norm(s - 1), PARTICLE);
        if x.kind != TokKind::Word || !(x.upper || particle) || doc.tokens[s].line_start {
            break;
        }
        s -= 1;
    }
    let words: Vec<usize> = (s..i - 1).filter(|&j| doc.tokens[j].upper).collect();
    let Some(&head) = words.first() else {
        return false;
    };
    let initials: String = words
        .iter()
        .filter_map(|&j| doc.norm(j).chars().next())
        .collect();
    words.len() >= 2 && (initials == doc.norm(i) || fr.has(doc.norm(head), ORG_HEAD | ORG_OF_PLACE))
}

/// How far back (in tokens, about a long dispatch) an acronym's definition is looked for.
const ACRONYM_WINDOW: usize = 3000;

/// "Perú Posible", "Texas Tech", "Terra Networks": a place the gazetteer
/// knows opening a longer capitalised name (not in a headline: the caller
/// looks), in mid-line, whose next word is
/// neither a place nor a first name, names an organisation, in a language
/// whose names are read strictly by their case ([`Cues::strict_name_case`]),
/// or where nouns have capitals ([`Cues::capitalised_nouns`]) when no word
/// after the place is a frequent word ("Chicago Bulls", not "in Berlin
/// Schulen"). Without it the place is read and the rest lost.
pub(super) fn place_opens_name(
    doc: &Doc,
    lang: Lang,
    c: &Cues,
    t: usize,
    plain_end: usize,
    gm: Option<&Match>,
    out: &mut Vec<Candidate>,
) -> Option<usize> {
    let m = gm?;
    if doc.tokens[t].all_caps || !(c.strict_name_case || c.capitalised_nouns) {
        return None;
    }
    if !matches!(m.entries.first(), Some(Entry::Place(_))) || m.end_token >= plain_end {
        return None;
    }
    let n = m.end_token;
    let next = doc.tokens.get(n)?;
    if next.kind != TokKind::Word || next.line_start || !next.upper {
        return None;
    }
    if super::is_first_name(c, doc.norm(n)) || lexicon::longest_match(doc, n).is_some() {
        return None;
    }
    if !c.strict_name_case
        && (c.stopwords.contains(doc.norm(t)) || !rare_words(doc, lang, c, n, plain_end))
    {
        return None;
    }
    push_actor(doc, t, plain_end, ActorType::Organisation, 70, out);
    Some(plain_end)
}

/// Every word of `n..end` capitalised and none a frequent word, a plural of
/// one, a demonym or a word with an ending of ordinary nouns ("Bulls",
/// "Red Wings"; not "Schulen", "Regierung").
fn rare_words(doc: &Doc, lang: Lang, c: &Cues, n: usize, end: usize) -> bool {
    (n..end)
        .filter(|&i| doc.tokens[i].kind == TokKind::Word)
        .all(|i| {
            let w = doc.norm(i);
            doc.tokens[i].upper
                && !common_or_plural(lang, c, w)
                && !c.framing.ends_with(w, COMMON_ENDING)
                && !lexicon::is_demonym(lang, w)
        })
}
