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
//! A frequent word capitalised in mid-sentence ("à Metz", "as Bath won")
//! counts as a name only if the document never writes it in lower case; that,
//! the teams of sports results and the reading of a name across the document
//! (a surname after the full name) are settled after the pass, in
//! [`discourse`] and [`sports`].

use crate::framing::Framing;
use crate::lang::Lang;
use crate::span::Candidate;
use crate::text::hash::WordSet;
use crate::text::Doc;
use std::sync::LazyLock;

mod actor_sense;
mod club_story;
mod companies;
mod compounds;
mod context;
mod country;
mod discourse;
mod emit;
mod frequent;
mod headline_agents;
mod headlines;
mod juxtaposed;
mod key_table;
mod ladder;
pub mod learned;
mod lineups;
mod metonymy;
mod name_list;
mod place_orgs;
mod quoted_media;
mod sequence;
mod sides;
mod span_edges;
mod sports;
mod state;
mod strict_case;

pub use companies::Companies;
pub use compounds::drop_compound_heads;
pub use country::Setting;
use ladder::at;
pub use learned::{decide as learned_decide, Example, Model};
pub use name_list::NameList;
use sequence::{extend_over_article, headline_tokens, leading_arabic_article};
pub use span_edges::trim as trim_edges;

/// The names recogniser's piece of a locale: the words it reads around
/// names and the rules of the language's names, filled in by each locale
/// (`src/locales/<code>/names.rs`). Every cue word is data of the
/// language's `names.tsv` ([`crate::framing`] tags); what is not a word is
/// a flag here, named for what it does.
pub struct Cues {
    /// The language's framing words and cues (`data/lang/<code>/names.tsv`).
    pub framing: &'static Framing,
    /// The language's function words: a sentence that opens with one before
    /// a name ("Le Conseil de sécurité") starts the name after it.
    pub stopwords: &'static WordSet<&'static str>,
    /// The cue words of every language (no framing tags), for the few rules
    /// that read a cue whatever the language of the text ("de" / "of" after
    /// a place trigger, "and" between two states, "points" after a score).
    pub any_framing: &'static Framing,
    /// The function words of every language: no name runs on into one
    /// after a middle initial ("Group A. The rest").
    pub any_stopwords: &'static WordSet<&'static str>,
    /// The language's date words: a month or a weekday capitalised in
    /// mid-sentence is a date word, no evidence of a name ("in March").
    pub date_words: Option<&'static LazyLock<crate::dates::words::Words>>,
    /// A plural in "-ies" is looked up as its singular in "-y" ("Policies").
    pub plural_ies_to_y: bool,
    /// A hyphenated compound shaped like a town name is a place, with
    /// [`crate::framing::TOPONYM_LINK`] words or capitalised parts
    /// ("Arc-et-Senans", "Void-Vacon").
    pub hyphenated_toponyms: bool,
    /// A capital is evidence of a name. False in a language that writes every
    /// noun with one (German): a capitalised word is then a name only by the
    /// gazetteer, a first name, a title, a framing word or a cue around it
    /// (a reporting verb, "laut"), never by its capital alone.
    pub capitals_mark_names: bool,
    /// Names are read strictly by their case, as in copy that capitalises
    /// every word of an institution's name and nothing else ("Consejo de
    /// Seguridad", "Universidad Nacional"): a gazetteer name written with a
    /// lower-case word is the words, a small town named by a frequent word is
    /// not meant, and a place opening a longer capitalised name opens an
    /// organisation's (`names/place_orgs.rs`). Off where the language writes
    /// "Conseil de sécurité", or where it was not measured.
    pub strict_name_case: bool,
    /// The language's own country names (folded name → ISO code), read
    /// where capitals mark no names: the shared gazetteer leaves out a
    /// language-pack's country name that is a word of another language
    /// ("Italien", "Syrien" are French for an Italian, a Syrian).
    pub country_names: Option<&'static LazyLock<crate::text::hash::WordMap<String, &'static str>>>,
    /// Compounds are written with a hyphen ("EU-Kommission", "US-Präsident"):
    /// a name glued to the word after it is part of that word, no span
    /// ([`drop_compound_heads`]).
    pub hyphen_compounds: bool,
    /// Common nouns have capitals (German). A capitalised sequence may open
    /// with one before a place in the genitive ("die Wirtschaft
    /// Deutschlands", "die Regierung Israels"): the name starts at the place.
    /// A place before capitalised words none of them a frequent word names an
    /// organisation ("Chicago Bulls"; `names/place_orgs.rs`).
    pub capitalised_nouns: bool,
    /// The language's surnames, folded (`data/lang/<code>/surnames.txt`),
    /// where capitals mark no names: a surname where a name is expected
    /// ("sagte Merkel", "Beck ist") is one even when it is a frequent word.
    pub surnames: Option<&'static LazyLock<WordSet<String>>>,
    /// The language's given names beyond the shared list, folded
    /// (`data/lang/<code>/first_names.txt`): the names of the generations
    /// the news names ("Jürgen", "Horst"), where capitals mark no names.
    pub first_names: Option<&'static LazyLock<NameList>>,
    /// The language's listed companies, as written
    /// (`data/lang/<code>/companies.txt`), where capitals mark no names: a
    /// company is known by its name, not guessed ([`companies`]).
    pub companies: Option<&'static LazyLock<Companies>>,
    /// A learned layer over the words the rules leave undecided
    /// (`data/lang/<code>/learned.tsv`, [`learned`]), where capitals mark
    /// no names and a model was trained.
    pub learned: Option<&'static LazyLock<Model>>,
}

/// True when the folded word is a given name: of the shared list, or of the
/// language's own ([`Cues::first_names`]).
pub(crate) fn is_first_name(c: &Cues, folded: &str) -> bool {
    crate::lexicon::is_first_name(folded) || c.first_names.is_some_and(|s| s.contains(folded))
}

/// What the look at one token leaves for the passes over the whole document.
#[derive(Default)]
struct Notes {
    /// The candidates just proposed hold only if the word is never written
    /// in lower case elsewhere ("à Metz", "as Bath won").
    defer: bool,
    /// Place names with readings in several countries.
    ambiguous: Vec<country::Ambiguous>,
    /// The countries of the states named as actors ("la France a appelé").
    states: Vec<&'static str>,
    /// The dateline's country, if any.
    dateline_country: Option<&'static str>,
}

/// Proposes place and actor candidates for the capitalised names of `doc`,
/// in language `lang` read with its `cues`; `setting` (from the dateline)
/// decides between the readings of ambiguous place names.
pub fn find(doc: &Doc, lang: Lang, cues: &Cues, setting: &Setting, out: &mut Vec<Candidate>) {
    let mut headline = headline_tokens(doc, cues);
    headlines::dateline_words(doc, cues, &mut headline);
    let first = out.len();
    let mut pending = discourse::Pending::default();
    let mut notes = Notes {
        dateline_country: setting.country,
        ..Notes::default()
    };
    let mut buf = Vec::new();
    let mut t = 0;
    while t < doc.len() {
        if ladder::nothing_at(doc, t) {
            t += 1;
            continue;
        }
        notes.defer = false;
        let next = at(doc, lang, cues, &headline, t, &mut buf, &mut notes);
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
    sports::teams(doc, lang, cues, first, out);
    lineups::read(doc, cues, first, out);
    quoted_media::read(doc, cues, first, out);
    sides::bracketed_sides(doc, cues, first, out);
    club_story::settle(doc, cues, first, out);
    discourse::propagate(doc, cues, first, out);
    headlines::body_readings(doc, cues, &headline, first, out);
    headline_agents::settle(doc, cues, &headline, first, out);
    country::settle(doc, setting, &notes, first, out);
}

#[cfg(test)]
pub(crate) mod tests;
