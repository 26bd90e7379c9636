//! Companies by name, where capitals mark no names: a German text names
//! "Allianz", "Commerzbank" or "Mizuho" with no cue around them, and a
//! capital says nothing there. The language's list of listed companies
//! (`data/lang/<code>/companies.txt`, [`super::Cues::companies`]) knows them,
//! written as the list writes them (case counts: "ALTEN" is no "Alten"), and
//! so does the language's hand-made list of the organisations named by one
//! word that no stock index lists (`organisations.txt`: "Facebook", "Google").

use super::context::determiner_before;
use super::emit::push_actor;
use super::Cues;
use crate::lang::Lang;
use crate::lexicon;
use crate::lexicon::word_filter::WordFilter;
use crate::span::{ActorType, Candidate};
use crate::text::hash::WordSet;
use crate::text::Doc;

/// A list of companies' names, and their first words: a capitalised word
/// that opens none costs a test of the filter of first words, or one
/// look-up.
#[derive(Default)]
pub struct Companies {
    names: WordSet<&'static str>,
    first_words: WordSet<&'static str>,
    /// The filter of the first words: most capitalised words (every German
    /// noun) open no company's name, and are told apart without hashing them.
    filter: Option<WordFilter>,
}

impl Companies {
    /// Parses a list of names, one a line (`#` comments).
    pub fn parse(data: &'static str) -> Companies {
        Companies::parse_all(&[data])
    }

    /// Parses several lists of names into one (the listed companies, and a
    /// hand-made list of the organisations they lack).
    pub fn parse_all(lists: &[&'static str]) -> Companies {
        let names: WordSet<&'static str> = lists
            .iter()
            .flat_map(|data| crate::text::word_list(data))
            .collect();
        let first_words = names
            .iter()
            .map(|n| n.split(|c: char| !c.is_alphanumeric()).next().unwrap_or(n))
            .collect::<WordSet<&'static str>>();
        let filter = Some(WordFilter::of(first_words.iter().copied()));
        Companies {
            names,
            first_words,
            filter,
        }
    }

    /// True when a company's name opens with `word`.
    #[inline]
    fn opens_a_name(&self, word: &str) -> bool {
        self.filter.as_ref().is_some_and(|f| f.may_have(word)) && self.first_words.contains(word)
    }
}

/// The longest name of a company of the list opening the capitalised
/// sequence `t..end`: an organisation; returns the next token to look at.
/// A company named by a frequent word is one only without a determiner
/// before it ("von Allianz und Commerzbank", not "die Allianz").
pub(super) fn at(
    doc: &Doc,
    lang: Lang,
    c: &Cues,
    t: usize,
    end: usize,
    out: &mut Vec<Candidate>,
) -> Option<usize> {
    let list = c.companies?;
    if !list.opens_a_name(doc.raw(t)) {
        return None;
    }
    let start = doc.tokens[t].start;
    let e = (t + 1..=end.min(t + MAX_TOKENS))
        .rev()
        .find(|&e| list.names.contains(&doc.text[start..doc.tokens[e - 1].end]))?;
    if e == t + 1
        && lexicon::is_common_word(lang, doc.norm(t))
        && determiner_before(doc, c.framing, t)
    {
        return None;
    }
    push_actor(doc, t, e, ActorType::Organisation, 70, out);
    Some(e)
}

/// The most tokens a company's name is looked for over ("A. O. Smith").
const MAX_TOKENS: usize = 6;
