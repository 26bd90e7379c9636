//! Places named by a common noun: geographic features whose name starts with
//! a lower-case word ("la vallée de l'Euphrate", "la bande de Gaza", "le golfe
//! Persique") and so escape the capitalised-name pass of [`crate::names`].
//! Triggers on the head words of `data/lang/<code>/names.tsv`; the gazetteer
//! decides first, then the pattern "head (link) Name", with the language's
//! linking words ([`Links`], from `data/lang/<code>/places.tsv`).

use crate::framing::{Framing, PLACE_HEAD};
use crate::lexicon::{self, Entry};
use crate::span::{Candidate, Kind, Source};
use crate::text::hash::WordMap;
use crate::text::shape::compound_end;
use crate::text::{word_list, Doc, TokKind};

/// Roles of the words of `places.tsv` (bits).
const OF: u8 = 1;
const ARTICLE: u8 = 2;
const ELIDED_OF: u8 = 4;
const ELIDED_ARTICLE: u8 = 8;
/// The flag line `*<TAB>head_needs_name`: the gazetteer's name must reach
/// past the head ("montaña", "río" alone are common nouns, not towns).
const HEAD_NEEDS_NAME: u8 = 16;

/// One language's words between a feature's head and its name: "vallée
/// de l'Oronte", "mer du Nord", "golfe d'Aden".
#[derive(Default)]
pub struct Links {
    /// Folded word → roles: `of` ("de", "du"), `article` after it ("la"),
    /// and their forms written with an apostrophe, `elided-of` ("d'") and
    /// `elided-article` ("l'").
    words: WordMap<&'static str, u8>,
}

impl Links {
    /// Reads `word<TAB>role` lines (see `data/lang/fr/places.tsv`).
    pub fn parse(data: &'static str) -> Links {
        let mut words = WordMap::default();
        for line in word_list(data) {
            let Some((w, role)) = line.split_once('\t') else {
                continue;
            };
            let bit = match role.trim() {
                "of" => OF,
                "article" => ARTICLE,
                "elided-of" => ELIDED_OF,
                "elided-article" => ELIDED_ARTICLE,
                "head_needs_name" => HEAD_NEEDS_NAME,
                _ => continue,
            };
            *words.entry(w).or_insert(0) |= bit;
        }
        Links { words }
    }

    fn is(&self, doc: &Doc, t: usize, role: u8) -> bool {
        t < doc.len() && self.words.get(doc.norm(t)).is_some_and(|r| r & role != 0)
    }
}

/// Proposes place candidates for feature names; none for a language without
/// its [`Links`] (nor feature heads).
pub fn find(doc: &Doc, fr: &Framing, links: Option<&Links>, out: &mut Vec<Candidate>) {
    let Some(links) = links else {
        return;
    };
    for t in 0..doc.len() {
        let tok = doc.tokens[t];
        if tok.kind != TokKind::Word || tok.upper || !fr.has(doc.norm(t), PLACE_HEAD) {
            continue;
        }
        // Where the data says so, the gazetteer's name must reach past the
        // head: a head alone ("montaña", "río") is a common noun there.
        let needs_name = links
            .words
            .get("*")
            .is_some_and(|r| r & HEAD_NEEDS_NAME != 0);
        if let Some(m) =
            lexicon::longest_match(doc, t).filter(|m| !needs_name || m.end_token > t + 1)
        {
            if let Some(Entry::Place(p)) = m.entries.iter().find(|e| matches!(e, Entry::Place(_))) {
                out.push(
                    Candidate::new(tok.start, m.end, Kind::Place, Source::Lexicon, 82)
                        .with_value(p.value()),
                );
                continue;
            }
        }
        if let Some(end) = head_link_name(doc, links, t) {
            out.push(Candidate::new(
                tok.start,
                doc.tokens[end - 1].end,
                Kind::Place,
                Source::Rule,
                70,
            ));
        }
    }
}

/// "vallée de l'Oronte", "mer du Nord", "golfe d'Aden", "monts Zagros":
/// returns one past the name's last token.
fn head_link_name(doc: &Doc, links: &Links, t: usize) -> Option<usize> {
    let mut n = t + 1;
    if links.is(doc, n, OF) {
        n += 1;
        if links.is(doc, n, ARTICLE) {
            n += 1;
        } else if links.is(doc, n, ELIDED_ARTICLE) && doc.is_apostrophe(n + 1) {
            n += 2;
        }
    } else if links.is(doc, n, ELIDED_OF | ELIDED_ARTICLE) && doc.is_apostrophe(n + 1) {
        n += 2;
    }
    let x = doc.tokens.get(n)?;
    if x.kind != TokKind::Word || !x.upper || x.line_start || x.all_caps {
        return None;
    }
    Some(compound_end(doc, n))
}
