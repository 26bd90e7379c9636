//! Line-ups in sports copy, in a language whose data names their marks
//! ([`LINEUP_OPENER`], [`LINEUP_SEPARATOR`]): "Lazio: Marchegiani; Negro,
//! Nesta, Mihajlovic; Almeyda, Verón (Sensini, m.80); Salas y Córdoba".
//! After the team and its opener, the names between the separators are
//! players, people, though a player's name be a town ("Córdoba", "Breda")
//! or a common word ("Negro", "Salas"); the team before the opener is an
//! organisation. A sentence is a line-up only with two separators or more,
//! so that "Goles: Salas" or a list of towns after a colon stays as it was.

use super::context::cue;
use super::discourse::Index;
use super::sequence::sequence_end;
use super::Cues;
use crate::framing::{AND, LINEUP_OPENER, LINEUP_SEPARATOR};
use crate::span::{ActorType, ActorValue, Candidate, Kind, Source, Value};
use crate::text::{Doc, TokKind};

/// The score of a player read from a line-up.
const PLAYER_SCORE: u8 = 75;
/// The score of a team read before its line-up.
const TEAM_SCORE: u8 = 75;
/// How many tokens a line-up runs to at most (a long one has some sixty).
const MAX_LINEUP: usize = 120;

/// Reads the line-ups of `doc`: players and teams replace the places of
/// `out[first..]` that covered them, and players nobody read are added.
pub(super) fn read(doc: &Doc, c: &Cues, first: usize, out: &mut Vec<Candidate>) {
    if !c.framing.has_any(0, LINEUP_OPENER) {
        return;
    }
    let mut players = Vec::new();
    let mut teams = Vec::new();
    let mut t = 1;
    while t < doc.len() {
        // The marks are punctuation: words cost no look-up.
        if doc.tokens[t].kind != TokKind::Punct || !cue(doc, c.framing, t, LINEUP_OPENER) {
            t += 1;
            continue;
        }
        let end = sentence_end(doc, t + 1);
        let separators = (t + 1..end)
            .filter(|&i| cue(doc, c.framing, i, LINEUP_SEPARATOR))
            .count();
        if separators < 2 || !doc.tokens[t - 1].upper {
            t += 1;
            continue;
        }
        teams.push(team_start(doc, c, t));
        let mut i = t + 1;
        while i < end {
            let tok = doc.tokens[i];
            if tok.kind != TokKind::Word || !tok.upper {
                i += 1;
                continue;
            }
            let e = sequence_end(doc, c, i, true).min(end);
            if e > i && between_marks(doc, c, i, e) {
                players.push((i, e));
            }
            i = e.max(i + 1);
        }
        t = end;
    }
    if players.is_empty() {
        return;
    }
    let index = Index::new(out, first);
    let mut drop = vec![false; out.len()];
    let mut added = Vec::new();
    let names = teams
        .iter()
        .map(|&(s, e)| (s, e, ActorType::Organisation, TEAM_SCORE))
        .chain(
            players
                .iter()
                .map(|&(s, e)| (s, e, ActorType::Person, PLAYER_SCORE)),
        );
    for (s, e, ty, score) in names {
        if e <= s {
            continue;
        }
        let (a, b) = (doc.tokens[s].start, doc.tokens[e - 1].end);
        let over = index.overlapping(out, a, b);
        // A name read as an actor already keeps its reading.
        if over.iter().any(|&k| out[k].kind != Kind::Place) {
            continue;
        }
        for k in over {
            drop[k] = true;
        }
        added.push(
            Candidate::new(a, b, Kind::Actor, Source::Rule, score).with_value(Value::Actor(
                ActorValue {
                    canonical: doc.text[a..b].to_string(),
                    actor_type: Some(ty),
                },
            )),
        );
    }
    super::emit::drop_marked(out, &drop);
    out.extend(added);
}

/// One past the last token of the sentence from `t`: the end of its line,
/// or a full stop, but the one after a single letter ("m.80" and "J." run
/// on).
fn sentence_end(doc: &Doc, t: usize) -> usize {
    let stop = (t + MAX_LINEUP).min(doc.len());
    (t..stop)
        .find(|&i| {
            (i > t && doc.tokens[i].line_start)
                || (doc.is(i, ".")
                    && i > 0
                    && !(doc.tokens[i - 1].kind == TokKind::Word
                        && doc.raw(i - 1).chars().count() == 1))
        })
        .unwrap_or(stop)
}

/// The name `[i, e)` stands alone between the marks of a line-up: an
/// opener, a separator, a comma, a bracket or "and" on each side.
fn between_marks(doc: &Doc, c: &Cues, i: usize, e: usize) -> bool {
    let mark = |k: usize| {
        k < doc.len()
            && (cue(
                doc,
                c.framing,
                k,
                LINEUP_OPENER.or(LINEUP_SEPARATOR).or(AND),
            ) || [",", "(", ")", "."].iter().any(|p| doc.is(k, p)))
    };
    mark(i - 1) && (e >= doc.len() || mark(e))
}

/// The team's name before the opener at `t`: the capitalised words back to
/// the line's start or a dash ("2 - Lazio:").
fn team_start(doc: &Doc, c: &Cues, t: usize) -> (usize, usize) {
    let mut s = t;
    while s > 0
        && !doc.tokens[s].line_start
        && doc.tokens[s - 1].kind == TokKind::Word
        && (doc.tokens[s - 1].upper || c.framing.has(doc.norm(s - 1), crate::framing::PARTICLE))
    {
        s -= 1;
    }
    if s < t && doc.tokens[s].upper {
        (s, t)
    } else {
        (t, t)
    }
}
