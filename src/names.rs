//! Proper names: one pass over capitalised sequences that decides, with the
//! gazetteer and the words around them, whether each is a place, an actor or
//! nothing.
//!
//! Capitalisation is the main evidence that a word is a name, so it is weighed
//! where it is evidence: in the middle of a sentence. At a sentence start, and
//! in headlines written in capitals or title case, only gazetteer names count,
//! and frequent words of the language are set aside ("Sur un mur", "Est").
//! The gazetteer is consulted once per capitalised token (an fst walk).
//! Decisions, in order: a title before the name makes a person ("le président
//! Bachar al-Assad"); the gazetteer's longest name, when it covers the whole
//! sequence; framing words (organisation heads and suffixes, place suffixes,
//! place triggers); a known first name; then a low-scored guess.
//!
//! A frequent word capitalised in mid-sentence ("à Metz", "while Kent made")
//! counts as a name only if the document never writes it in lower case; that,
//! the teams of sports results and the reading of a name across the document
//! (a surname after the full name) are settled after the pass, in
//! [`discourse`] and [`sports`].

use crate::framing::Framing;
use crate::lang::Lang;
use crate::span::Candidate;
use crate::text::Doc;

mod context;
mod country;
mod discourse;
mod emit;
mod ladder;
mod metonymy;
mod sequence;
mod sports;

pub use country::Setting;
use ladder::at;
use sequence::{extend_over_article, headline_tokens, leading_arabic_article};

/// What the look at one token leaves for the passes over the whole document.
#[derive(Default)]
struct Notes {
    /// The candidates just proposed hold only if the word is never written
    /// in lower case elsewhere ("à Metz", "while Kent made").
    defer: bool,
    /// Place names with readings in several countries.
    ambiguous: Vec<country::Ambiguous>,
    /// The countries of the states named as actors ("la France a appelé").
    states: Vec<&'static str>,
    /// The dateline's country, if any.
    dateline_country: Option<&'static str>,
}

/// Proposes place and actor candidates for the capitalised names of `doc`;
/// `setting` (from the dateline) decides between the readings of ambiguous
/// place names.
pub fn find(doc: &Doc, lang: Lang, fr: &Framing, setting: &Setting, out: &mut Vec<Candidate>) {
    let headline = headline_tokens(doc);
    let first = out.len();
    let mut pending = discourse::Pending::default();
    let mut notes = Notes {
        dateline_country: setting.country,
        ..Notes::default()
    };
    let mut buf = Vec::new();
    let mut t = 0;
    while t < doc.len() {
        notes.defer = false;
        let next = at(doc, lang, fr, &headline, t, &mut buf, &mut notes);
        // A name opened by a lower-case Arabic article ("al-Aqsa") is
        // extended over it.
        if !buf.is_empty() && t >= 2 && leading_arabic_article(doc, t - 2) {
            extend_over_article(doc, t - 2, &mut buf);
        }
        if notes.defer {
            pending.add(t, &mut buf);
        } else {
            out.append(&mut buf);
        }
        t = next.max(t + 1);
    }
    pending.settle(doc, out);
    sports::teams(doc, lang, fr, first, out);
    discourse::propagate(doc, fr, first, out);
    country::settle(doc, setting, &notes, first, out);
}

#[cfg(test)]
mod tests;
