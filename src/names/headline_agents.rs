//! A state that acts in a headline in capitals, in a language whose data
//! raises the flag [`HEADLINE_AGENTS`]: "FRANCIA CONDENA EL ATENTADO",
//! "LONDRES ANUNCIA NUEVAS MEDIDAS". The headline's subject, a country or a
//! capital followed by one of the language's agent verbs in capitals, is
//! the government, as `names/metonymy.rs` reads it in running text, where
//! the verb's lower case is what gives it away.

use super::{state, Cues};
use crate::framing::{AGENT_VERB, HEADLINE_AGENTS};
use crate::lexicon::{self, Entry, PlaceKind};
use crate::span::{Candidate, Kind, Source};
use crate::text::{Doc, TokKind};

/// Turns the states of `out[first..]` acting in a headline into their
/// governments; `headline` flags the tokens of headlines in capitals.
pub(super) fn settle(doc: &Doc, c: &Cues, headline: &[bool], first: usize, out: &mut [Candidate]) {
    if !c.framing.has_any(0, HEADLINE_AGENTS) {
        return;
    }
    for x in out[first..].iter_mut() {
        if x.kind != Kind::Place {
            continue;
        }
        let Ok(t) = doc.tokens.binary_search_by_key(&x.start, |tok| tok.start) else {
            continue;
        };
        if !headline.get(t).copied().unwrap_or(false) || !doc.tokens[t].all_caps {
            continue;
        }
        let Some(m) = lexicon::longest_match(doc, t) else {
            continue;
        };
        if doc.tokens[m.end_token - 1].end != x.end {
            continue;
        }
        let Some(Entry::Place(p)) = m.entries.first() else {
            continue;
        };
        if !(p.kind == PlaceKind::Country || p.capital) {
            continue;
        }
        let n = m.end_token;
        let acts = doc
            .tokens
            .get(n)
            .is_some_and(|v| v.kind == TokKind::Word && v.all_caps && !v.line_start)
            && c.framing.has_agent(doc.norm(n), AGENT_VERB);
        if !acts {
            continue;
        }
        let Some(value) = state::government(p) else {
            continue;
        };
        x.kind = Kind::Actor;
        x.source = Source::Rule;
        x.value = Some(value);
    }
}
