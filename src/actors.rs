//! Actors named by a common noun and a demonym: governments, militaries and
//! armed groups ("l'armée syrienne", "les forces armées irakiennes", "la
//! coalition arabo-kurde", "the Syrian army", "Iraqi forces", "Russian troops").
//!
//! Named actors (organisations, people) come from [`crate::names`]; this module
//! covers the phrases dispatches use most for states' forces, which start with
//! a lower-case word and so escape capitalisation. It triggers on the few head
//! words of `data/lang/<code>/names.tsv`, so it costs one hash look-up per word.
//! How a language builds the phrase around its head (where the demonym
//! stands, which words may come between) is the locale's [`Phrases`], read
//! from `data/lang/<code>/actors.tsv`.

use crate::framing::{Framing, ARMED_GROUP, CHAIN_HEAD, GOVERNMENT, GROUP_ADJ, MILITARY, POLICE};
use crate::lang::Lang;
use crate::lexicon;
use crate::span::{ActorType, ActorValue, Candidate, Kind, Source, Value};
use crate::text::hash::WordMap;
use crate::text::shape::compound_end;
use crate::text::{word_list, Doc, TokKind};

const HEADS: u32 = MILITARY | GOVERNMENT | ARMED_GROUP;

/// Where a language puts the demonym of a force phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// After the head noun: "armée syrienne", "forces armées irakiennes".
    HeadFirst,
    /// Before it: "Syrian army", "Iraqi security forces".
    DemonymFirst,
}

/// Roles of the words of `actors.tsv` (bits).
const BETWEEN: u8 = 1;
const AND: u8 = 2;
const OF: u8 = 4;
const ARTICLE: u8 = 8;
const ELIDED: u8 = 16;
const RANK: u8 = 32;

/// One language's part of force phrases: the word order and the small words
/// the phrase is made with.
pub struct Phrases {
    pub order: Order,
    /// Folded word → roles: `between` (may stand between the head and the
    /// demonym, or before the head when the demonym comes first), `and`
    /// (joins a second demonym), `of`, `article`, `elided` (an article
    /// written with an apostrophe) and `rank` ("haut" commandement) for the
    /// chain of command a head may hang from.
    words: WordMap<&'static str, u8>,
    /// Hyphenated chain heads ("état-major"): (first part, last part).
    compound_heads: Vec<(&'static str, &'static str)>,
    /// Endings of the first part of a compound demonym ("arabo-kurde").
    prefix_endings: Vec<&'static str>,
}

impl Phrases {
    /// Reads `word<TAB>role` lines (see `data/lang/fr/actors.tsv`).
    pub fn parse(data: &'static str, order: Order) -> Phrases {
        let mut p = Phrases {
            order,
            words: WordMap::default(),
            compound_heads: Vec::new(),
            prefix_endings: Vec::new(),
        };
        for line in word_list(data) {
            let Some((w, role)) = line.split_once('\t') else {
                continue;
            };
            let bit = match role.trim() {
                "between" => BETWEEN,
                "and" => AND,
                "of" => OF,
                "article" => ARTICLE,
                "elided" => ELIDED,
                "rank" => RANK,
                "compound-head" => {
                    if let Some(pair) = w.split_once('-') {
                        p.compound_heads.push(pair);
                    }
                    continue;
                }
                "prefix-ending" => {
                    p.prefix_endings.push(w);
                    continue;
                }
                _ => continue,
            };
            *p.words.entry(w).or_insert(0) |= bit;
        }
        p
    }

    fn is(&self, w: &str, role: u8) -> bool {
        self.words.get(w).is_some_and(|r| r & role != 0)
    }

    fn word_at(&self, doc: &Doc, t: usize, role: u8) -> bool {
        t < doc.len() && self.is(doc.norm(t), role)
    }
}

/// Proposes actor candidates for force and government phrases; none for a
/// language without [`Phrases`].
pub fn find(
    doc: &Doc,
    lang: Lang,
    fr: &Framing,
    phrases: Option<&Phrases>,
    out: &mut Vec<Candidate>,
) {
    let Some(ph) = phrases else {
        return;
    };
    for t in 0..doc.len() {
        if doc.tokens[t].kind != TokKind::Word {
            continue;
        }
        let tags = fr.tags(doc.norm(t));
        if tags & HEADS == 0 {
            continue;
        }
        let found = match ph.order {
            Order::HeadFirst => head_first(doc, lang, fr, ph, t),
            Order::DemonymFirst => demonym_first(doc, lang, fr, ph, t),
        };
        if let Some((s, e, country)) = found {
            let ty = actor_type(tags);
            let canonical = if tags & POLICE != 0 {
                police_canonical(doc, s, e, country)
            } else {
                canonical(doc, s, e, country, ty)
            };
            let value = Value::Actor(ActorValue {
                canonical,
                actor_type: Some(ty),
            });
            out.push(
                Candidate::new(
                    doc.tokens[s].start,
                    doc.tokens[e - 1].end,
                    Kind::Actor,
                    Source::Rule,
                    80,
                )
                .with_value(value),
            );
        }
    }
}

fn actor_type(tags: u32) -> ActorType {
    if tags & MILITARY != 0 {
        ActorType::Military
    } else if tags & GOVERNMENT != 0 {
        ActorType::Government
    } else {
        ActorType::ArmedGroup
    }
}

fn canonical(
    doc: &Doc,
    s: usize,
    e: usize,
    country: Option<&'static str>,
    ty: ActorType,
) -> String {
    country
        .and_then(lexicon::canonical_country_name)
        .and_then(|n| state_canonical(n, ty))
        .unwrap_or_else(|| doc.text[doc.tokens[s].start..doc.tokens[e - 1].end].to_string())
}

/// A state's police ("Kenyan police", "la police irakienne"): "Police of
/// Kenya", not its armed forces.
fn police_canonical(doc: &Doc, s: usize, e: usize, country: Option<&'static str>) -> String {
    country
        .and_then(lexicon::canonical_country_name)
        .map(|n| format!("Police of {n}"))
        .unwrap_or_else(|| doc.text[doc.tokens[s].start..doc.tokens[e - 1].end].to_string())
}

/// The canonical name of a state's government or armed forces, one
/// convention for every recogniser ("Government of Syria", "Armed forces of
/// Syria"); `None` for other types.
pub(crate) fn state_canonical(country_name: &str, ty: ActorType) -> Option<String> {
    match ty {
        ActorType::Military => Some(format!("Armed forces of {country_name}")),
        ActorType::Government => Some(format!("Government of {country_name}")),
        _ => None,
    }
}

/// A demonym or group adjective at `t`, possibly a compound ("arabo-kurde"):
/// returns the end token and the country of the demonym, if any.
fn demonym_at(
    doc: &Doc,
    lang: Lang,
    fr: &Framing,
    ph: &Phrases,
    t: usize,
) -> Option<(usize, Option<&'static str>)> {
    let tok = doc.tokens.get(t)?;
    if tok.kind != TokKind::Word || tok.line_start {
        return None;
    }
    let end = compound_end(doc, t);
    let last = end - 1;
    let w = doc.norm(last);
    let country = lexicon::demonym(lang, w);
    if country.is_none() && !fr.has(w, GROUP_ADJ) {
        return None;
    }
    if end > t + 1 {
        // "arabo-kurde", "israélo-palestinien": every part but the last is a prefix.
        let first = doc.norm(t);
        if !(ph.prefix_endings.iter().any(|e| first.ends_with(e))
            || fr.has(first, GROUP_ADJ)
            || lexicon::demonym(lang, first).is_some())
        {
            return None;
        }
        return Some((end, None));
    }
    Some((end, country))
}

/// The demonym after the head: "armée syrienne", "forces armées
/// irakiennes", "alliés russe et iranien", "haut commandement de l'armée
/// syrienne".
fn head_first(
    doc: &Doc,
    lang: Lang,
    fr: &Framing,
    ph: &Phrases,
    t: usize,
) -> Option<(usize, usize, Option<&'static str>)> {
    let mut n = t + 1;
    // Modifiers between the head and the demonym.
    let mut skipped = 0;
    while skipped < 3 {
        if n >= doc.len() {
            return None;
        }
        if ph.is(doc.norm(n), BETWEEN) || doc.is_apostrophe(n) {
            n += 1;
            skipped += 1;
        } else {
            break;
        }
    }
    let (mut end, country) = demonym_at(doc, lang, fr, ph, n)?;
    // "russe et iranien"
    if ph.word_at(doc, end, AND) {
        if let Some((e2, _)) = demonym_at(doc, lang, fr, ph, end + 1) {
            end = e2;
        }
    }
    let start = chain_start(doc, fr, ph, t);
    Some((start, end, country))
}

/// Extends a force phrase to the left over "(haut) commandement de l'":
/// returns the first token.
fn chain_start(doc: &Doc, fr: &Framing, ph: &Phrases, t: usize) -> usize {
    // ... X de l' armée | X de la police | X du gouvernement
    let mut p = t;
    if p >= 2 && doc.is_apostrophe(p - 1) && ph.word_at(doc, p - 2, ELIDED) {
        p -= 2;
    } else if p >= 1 && ph.word_at(doc, p - 1, ARTICLE) {
        p -= 1;
    }
    let Some(of) = p.checked_sub(1) else { return t };
    if !ph.word_at(doc, of, OF) {
        return t;
    }
    let Some(h) = of.checked_sub(1) else { return t };
    let hw = doc.norm(h);
    let compound =
        |&(a, b): &(&str, &str)| hw == b && h >= 2 && doc.is_hyphen(h - 1) && doc.is(h - 2, a);
    let head = if fr.has(hw, CHAIN_HEAD) {
        h
    } else if ph.compound_heads.iter().any(compound) {
        h - 2
    } else {
        return t;
    };
    if head >= 1 && ph.word_at(doc, head - 1, RANK) {
        head - 1
    } else {
        head
    }
}

/// The demonym before the head: "Syrian army", "Iraqi forces", "Russian
/// troops", "Syrian armed forces", "Syrian government forces".
fn demonym_first(
    doc: &Doc,
    lang: Lang,
    fr: &Framing,
    ph: &Phrases,
    t: usize,
) -> Option<(usize, usize, Option<&'static str>)> {
    let mut s = t;
    while s >= 1 {
        let w = doc.norm(s - 1);
        if fr.has(w, HEADS) || ph.is(w, BETWEEN) {
            s -= 1;
        } else {
            break;
        }
    }
    let d = s.checked_sub(1)?;
    if doc.tokens[d].kind != TokKind::Word || doc.tokens[s].line_start {
        return None;
    }
    let w = doc.norm(d);
    let country = lexicon::demonym(lang, w);
    if country.is_none() && !fr.has(w, GROUP_ADJ) {
        return None;
    }
    // Let a longer head phrase win: "Syrian army troops" is found at "troops".
    if doc
        .tokens
        .get(t + 1)
        .is_some_and(|x| x.kind == TokKind::Word && fr.has(doc.norm(t + 1), HEADS))
    {
        return None;
    }
    Some((d, t + 1, country))
}
