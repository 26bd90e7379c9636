//! Actors named by a common noun and a demonym: governments, militaries and
//! armed groups ("l'armée syrienne", "les forces armées irakiennes", "la
//! coalition arabo-kurde", "the Syrian army", "Iraqi forces", "Russian troops").
//!
//! Named actors (organisations, people) come from [`crate::names`]; this module
//! covers the phrases dispatches use most for states' forces, which start with
//! a lower-case word and so escape capitalisation. It triggers on the few head
//! words of `data/lang/<code>/names.tsv`, so it costs one hash look-up per word.

use crate::framing::{Framing, ARMED_GROUP, CHAIN_HEAD, GOVERNMENT, GROUP_ADJ, MILITARY, POLICE};
use crate::lang::Lang;
use crate::lexicon;
use crate::span::{ActorType, ActorValue, Candidate, Kind, Source, Value};
use crate::text::shape::compound_end;
use crate::text::{Doc, TokKind};

const HEADS: u32 = MILITARY | GOVERNMENT | ARMED_GROUP;

/// Proposes actor candidates for force and government phrases.
pub fn find(doc: &Doc, lang: Lang, fr: &Framing, out: &mut Vec<Candidate>) {
    if lang == Lang::UND {
        return;
    }
    for t in 0..doc.len() {
        if doc.tokens[t].kind != TokKind::Word {
            continue;
        }
        let tags = fr.tags(doc.norm(t));
        if tags & HEADS == 0 {
            continue;
        }
        let found = match lang {
            crate::lang::FR => french(doc, fr, t),
            _ => english(doc, fr, t),
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
        .and_then(|c| lexicon::country_name(c, crate::lang::EN))
        .and_then(|n| state_canonical(n, ty))
        .unwrap_or_else(|| doc.text[doc.tokens[s].start..doc.tokens[e - 1].end].to_string())
}

/// A state's police ("Kenyan police", "la police irakienne"): "Police of
/// Kenya", not its armed forces.
fn police_canonical(doc: &Doc, s: usize, e: usize, country: Option<&'static str>) -> String {
    country
        .and_then(|c| lexicon::country_name(c, crate::lang::EN))
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
    fr: &Framing,
    lang: Lang,
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
        if !(first.ends_with('o')
            || fr.has(first, GROUP_ADJ)
            || lexicon::demonym(lang, first).is_some())
        {
            return None;
        }
        return Some((end, None));
    }
    Some((end, country))
}

/// "armée syrienne", "forces armées irakiennes", "alliés russe et iranien",
/// "haut commandement de l'armée syrienne".
fn french(doc: &Doc, fr: &Framing, t: usize) -> Option<(usize, usize, Option<&'static str>)> {
    let mut n = t + 1;
    // Modifiers between the head and the demonym.
    let mut skipped = 0;
    while skipped < 3 {
        let w = doc.tokens.get(n).map(|_| doc.norm(n))?;
        if matches!(
            w,
            "armees"
                | "speciales"
                | "regulieres"
                | "aeriennes"
                | "terrestres"
                | "navales"
                | "de"
                | "securite"
                | "elite"
                | "d"
        ) || doc.is_apostrophe(n)
        {
            n += 1;
            skipped += 1;
        } else {
            break;
        }
    }
    let (mut end, country) = demonym_at(doc, fr, crate::lang::FR, n)?;
    // "russe et iranien"
    if doc.is(end, "et") {
        if let Some((e2, _)) = demonym_at(doc, fr, crate::lang::FR, end + 1) {
            end = e2;
        }
    }
    let start = chain_start(doc, fr, t);
    Some((start, end, country))
}

/// Extends a force phrase to the left over "(haut) commandement de l'":
/// returns the first token.
fn chain_start(doc: &Doc, fr: &Framing, t: usize) -> usize {
    // ... X de l' armée | X de la police | X du gouvernement
    let mut p = t;
    if p >= 2 && doc.is_apostrophe(p - 1) && doc.is(p - 2, "l") {
        p -= 2;
    } else if p >= 1 && doc.is(p - 1, "la") {
        p -= 1;
    }
    let Some(de) = p.checked_sub(1) else { return t };
    if !doc.is(de, "de") && !doc.is(de, "du") {
        return t;
    }
    let Some(h) = de.checked_sub(1) else { return t };
    let hw = doc.norm(h);
    let head = if fr.has(hw, CHAIN_HEAD) {
        h
    } else if hw == "major" && h >= 2 && doc.is_hyphen(h - 1) && doc.is(h - 2, "etat") {
        h - 2
    } else {
        return t;
    };
    if head >= 1 && doc.is(head - 1, "haut") {
        head - 1
    } else {
        head
    }
}

/// "Syrian army", "Iraqi forces", "Russian troops", "Syrian armed forces",
/// "Syrian government forces".
fn english(doc: &Doc, fr: &Framing, t: usize) -> Option<(usize, usize, Option<&'static str>)> {
    let mut s = t;
    while s >= 1 {
        let w = doc.norm(s - 1);
        if fr.has(w, HEADS) || matches!(w, "armed" | "security" | "special" | "government" | "pro")
        {
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
    let country = lexicon::demonym(crate::lang::EN, w);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, lang: Lang) -> Vec<String> {
        let doc = Doc::new(text);
        let mut out = Vec::new();
        find(&doc, lang, crate::locales::of(lang).framing, &mut out);
        out.iter()
            .map(|c| text[c.start..c.end].to_string())
            .collect()
    }

    #[test]
    fn a_police_force_is_not_the_armed_forces() {
        let text = "La police irakienne et l'armée irakienne ont repris Mossoul.";
        let doc = Doc::new(text);
        let mut out = Vec::new();
        find(
            &doc,
            crate::lang::FR,
            crate::locales::of(crate::lang::FR).framing,
            &mut out,
        );
        let names: Vec<String> = crate::resolve::resolve(text, out)
            .into_iter()
            .filter_map(|s| match s.value {
                Some(Value::Actor(a)) => Some(a.canonical),
                _ => None,
            })
            .collect();
        assert_eq!(names, ["Police of Iraq", "Armed forces of Iraq"]);
    }

    #[test]
    fn french_forces_and_compound_groups() {
        let f = found(
            "reprise par l'armée syrienne et une coalition arabo-kurde",
            crate::lang::FR,
        );
        assert!(f.contains(&"coalition arabo-kurde".to_string()), "{f:?}");
        let f = found(
            "le haut commandement de l'armée syrienne a dit",
            crate::lang::FR,
        );
        assert!(
            f.contains(&"haut commandement de l'armée syrienne".to_string()),
            "{f:?}"
        );
        let f = found("soutenue par ses alliés russe et iranien.", crate::lang::FR);
        assert!(f.contains(&"alliés russe et iranien".to_string()), "{f:?}");
    }

    #[test]
    fn english_forces_and_no_lone_heads() {
        let f = found(
            "backed by Syrian armed forces and the army",
            crate::lang::EN,
        );
        assert!(f.contains(&"Syrian armed forces".to_string()), "{f:?}");
        assert!(!f.iter().any(|x| x == "army"), "{f:?}");
        let f = found("Kurdish fighters held the line", crate::lang::EN);
        assert!(f.contains(&"Kurdish fighters".to_string()), "{f:?}");
    }
}
