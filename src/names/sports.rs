//! Sports results, tables and fixtures: a town or region named beside a
//! score is a team, an actor ("Leeds 2 Arsenal 1", "Kent 18 points,
//! Essex 4", the standings row "Crewe 6 4 1 1 9 4 13"), and so are the
//! names of a fixture ("Leeds v Derby", "DENVER AT SEATTLE",
//! "Surrey beat Kent") in a document that has scores.
//!
//! Trade-off: countries keep their place reading (national sides are usually
//! coded as the country); a document needs two name-and-score pairs before
//! any of this applies, so that "Paris 2" in a sentence stays a place.
//! Costs one pass over the tokens, only capitalised ones looked at.

use super::context::cue;
use super::discourse::{Index, TEAM_SCORE};
use super::sequence::sequence_end;
use super::Cues;
use crate::framing::{
    FIXTURE_IN_CAPITALS, PLACE_SUFFIX, PLURAL_ENDING, SCORE_SEPARATOR, SCORE_WORD, SPORTS,
};
use crate::lang::Lang;
use crate::lexicon::{self, Entry, PlaceKind};
use crate::span::{ActorType, ActorValue, Candidate, Kind, Source, Value};
use crate::text::{Doc, TokKind};

/// Turns the names of teams in results into actors: drops the place
/// candidates of `out[first..]` they had and proposes team actors.
pub(super) fn teams(doc: &Doc, lang: Lang, c: &Cues, first: usize, out: &mut Vec<Candidate>) {
    if lang == Lang::UND {
        return;
    }
    // Most documents have no score beside a name: one cheap look first.
    let pairs = (1..doc.len())
        .filter(|&i| {
            if doc.tokens[i].kind != TokKind::Number {
                return false;
            }
            let n = separated_score(doc, c, i);
            n >= 1
                && doc.tokens[n - 1].kind == TokKind::Word
                && doc.tokens[n - 1].upper
                && !doc.tokens[i].line_start
        })
        .take(2)
        .count();
    if pairs < 2 {
        return;
    }
    let mut names: Vec<(usize, usize)> = Vec::new();
    let mut scored = 0usize;
    let mut t = 0;
    while t < doc.len() {
        let tok = doc.tokens[t];
        if tok.kind != TokKind::Word || !tok.upper {
            t += 1;
            continue;
        }
        let end = sequence_end(doc, c, t, false);
        if beside_score(doc, c, t, end) {
            scored += 1;
            names.push((t, end));
        } else if in_fixture(doc, c, t, end) {
            names.push((t, end));
        }
        t = end;
    }
    if scored < 2 {
        return;
    }
    let index = Index::new(out, first);
    let mut drop = vec![false; out.len()];
    let mut added = Vec::new();
    for (t, end) in names {
        if (country(doc, t, end) && !super::sides::national_sides(c))
            || doc.tokens[t].kind != TokKind::Word
        {
            continue;
        }
        // Where every noun has a capital, a team is no ordinary word beside
        // a number ("Insgesamt 39,8 Millionen", "Die 17-jährige").
        if !c.capitals_mark_names
            && (t..end).all(|i| {
                let w = doc.norm(i);
                doc.tokens[i].kind != TokKind::Word
                    || c.stopwords.contains(w)
                    || super::frequent::common_or_plural(lang, c, w)
            })
        {
            continue;
        }
        let (s, e) = (doc.tokens[t].start, doc.tokens[end - 1].end);
        let over = index.overlapping(out, s, e);
        // A person already found ("K. Lindqvist 61") stays a person.
        if over.iter().any(|&i| out[i].kind == Kind::Actor) {
            continue;
        }
        if over
            .iter()
            .any(|&i| out[i].start < s || out[i].end > e || out[i].kind == Kind::Date)
        {
            continue;
        }
        for i in over {
            drop[i] = true;
        }
        added.push(
            Candidate::new(s, e, Kind::Actor, Source::Rule, TEAM_SCORE).with_value(Value::Actor(
                ActorValue {
                    canonical: doc.text[s..e].to_string(),
                    actor_type: Some(ActorType::Organisation),
                },
            )),
        );
    }
    super::emit::drop_marked(out, &drop);
    out.extend(added);
    town_and_nickname(doc, c, first, out);
}

/// "Bristol Rovers", "Seattle Mariners", "Los Angeles Dodgers": in a
/// document of results, a town followed by a guessed name whose last word has
/// the language's plural ending is one team, not a place and a stray actor.
/// Only in a language whose data names its fixture words ([`SPORTS`]), as
/// English does: elsewhere clubs are not named so.
fn town_and_nickname(doc: &Doc, c: &Cues, first: usize, out: &mut Vec<Candidate>) {
    if !c.framing.has_any(SPORTS, FIXTURE_IN_CAPITALS) {
        return;
    }
    let mut order: Vec<usize> = (first..out.len()).collect();
    order.sort_by_key(|&i| (out[i].start, out[i].end));
    let mut drop = vec![false; out.len()];
    for w in 1..order.len() {
        let (p, a) = (order[w - 1], order[w]);
        let guess = out[a].kind == Kind::Actor
            && out[a].source == Source::Rule
            && matches!(&out[a].value, Some(Value::Actor(v)) if v.actor_type.is_none());
        if out[p].kind != Kind::Place || !guess || out[p].end + 1 != out[a].start {
            continue;
        }
        if doc.text.get(out[p].end..out[a].start) != Some(" ") {
            continue;
        }
        let name = &doc.text[out[a].start..out[a].end];
        let last = name.rsplit(' ').next().unwrap_or(name).to_lowercase();
        if !c.framing.ends_with(&last, PLURAL_ENDING) || c.framing.has(&last, PLACE_SUFFIX) {
            continue;
        }
        let start = out[p].start;
        drop[p] = true;
        let team = &mut out[a];
        team.start = start;
        team.score = TEAM_SCORE;
        team.value = Some(Value::Actor(ActorValue {
            canonical: doc.text[start..team.end].to_string(),
            actor_type: Some(ActorType::Organisation),
        }));
    }
    super::emit::drop_marked(out, &drop);
}

/// A name followed on its line by a score: a number of one to three digits,
/// itself followed by the end of the line, another number, punctuation, a
/// name, or a word of results ("points", "and").
fn beside_score(doc: &Doc, c: &Cues, t: usize, end: usize) -> bool {
    if t >= 1 {
        let p = &doc.tokens[t - 1];
        if p.kind == TokKind::Word && !p.upper && !p.line_start || doc.raw(t - 1) == "$" {
            return false;
        }
    }
    let end = score_after(doc, c, end);
    let Some(n) = doc.tokens.get(end) else {
        return false;
    };
    if n.kind != TokKind::Number || n.line_start || n.end - n.start > 3 {
        return false;
    }
    match doc.tokens.get(end + 1) {
        None => true,
        Some(x) if x.line_start => true,
        Some(x) => match x.kind {
            TokKind::Number => true,
            TokKind::Punct => !matches!(doc.raw(end + 1), "%" | "$" | "€" | "£"),
            TokKind::Word => x.upper || cue(doc, c.any_framing, end + 1, SCORE_WORD),
        },
    }
}

/// The token where a name's score stands when the name ends at `end`:
/// there, or after a [`SCORE_SEPARATOR`] of the language ("Parma, 1").
fn score_after(doc: &Doc, c: &Cues, end: usize) -> usize {
    let separated = cue(doc, c.framing, end, SCORE_SEPARATOR)
        && doc
            .tokens
            .get(end + 1)
            .is_some_and(|x| x.kind == TokKind::Number && !x.line_start);
    if separated {
        end + 1
    } else {
        end
    }
}

/// The token just after the name whose score is the number at `i`: `i`,
/// or the separator before it ("Parma, 1").
fn separated_score(doc: &Doc, c: &Cues, i: usize) -> usize {
    if i >= 2 && cue(doc, c.framing, i - 1, SCORE_SEPARATOR) {
        i - 1
    } else {
        i
    }
}

/// A name on either side of a fixture word: "Leeds v Derby",
/// "Surrey beat Kent", "DENVER AT SEATTLE" (capitals only).
fn in_fixture(doc: &Doc, c: &Cues, t: usize, end: usize) -> bool {
    let fr = c.framing;
    let fixture = |i: usize| {
        doc.tokens.get(i).is_some_and(|x| {
            x.kind == TokKind::Word
                && !x.line_start
                && fr.has(doc.norm(i), SPORTS)
                && (x.all_caps || !fr.has_cue(doc.norm(i), FIXTURE_IN_CAPITALS))
        })
    };
    let name = |i: usize| {
        doc.tokens
            .get(i)
            .is_some_and(|x| x.kind == TokKind::Word && x.upper && !x.line_start)
    };
    (fixture(end) && name(end + 1)) || (t >= 2 && fixture(t - 1) && name(t - 2))
}

/// True when the name is a country of the gazetteer (a national side stays a place).
fn country(doc: &Doc, t: usize, end: usize) -> bool {
    lexicon::longest_match(doc, t).is_some_and(|m| {
        m.end_token == end
            && m.entries
                .iter()
                .any(|e| matches!(e, Entry::Place(p) if p.kind == PlaceKind::Country))
    })
}
