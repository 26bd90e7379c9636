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

use crate::framing::{
    Framing, AGENT_AUX, AGENT_VERB, COMPASS, GOVERNMENT, INSTITUTION, MILITARY, ORG_HEAD,
    ORG_SUFFIX, PARTICLE, PLACE_HEAD, PLACE_PREP, PLACE_SUFFIX, PLACE_TRIGGER, TITLE,
    TOPONYM_ENDING,
};
use crate::lang::Lang;
use crate::lexicon::{self, Entry, Match, PlaceEntry, PlaceKind};
use crate::span::{ActorType, ActorValue, Candidate, Kind, Source, Value};
use crate::text::shape::compound_end;
use crate::text::{Doc, TokKind};

mod country;
mod discourse;
mod sports;

pub use country::Setting;

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

/// Looks at token `t`; returns the index of the next token to look at.
/// Sets `defer` when the candidates it proposed hold only if the word is
/// never written in lower case elsewhere in the document (a frequent word
/// capitalised in mid-sentence: "à Metz", "while Kent made").
fn at(
    doc: &Doc,
    lang: Lang,
    fr: &Framing,
    headline: &[bool],
    t: usize,
    out: &mut Vec<Candidate>,
    notes: &mut Notes,
) -> usize {
    let tok = doc.tokens[t];
    if tok.kind == TokKind::Word && !tok.upper {
        return lower_case_article(doc, lang, fr, t, notes, out).unwrap_or(t + 1);
    }
    if tok.kind != TokKind::Word {
        return t + 1;
    }
    let word = doc.norm(t);
    // Irish names: "O'Brien", "O'Neill" (not an elision).
    let irish = word == "o"
        && doc.is_apostrophe(t + 1)
        && !doc.tokens[t + 1].space_before
        && doc
            .tokens
            .get(t + 2)
            .is_some_and(|x| x.kind == TokKind::Word && x.upper && !x.space_before);
    // Initials before a surname: "H. Morris", "J.P. Smith".
    if let Some(end) = initials_end(doc, fr, t) {
        push_actor(doc, t, end, ActorType::Person, 75, out);
        return end;
    }
    // Single letters: elisions ("L'Irak"), initials, the pronoun "I".
    if word.chars().count() < 2 && !abbreviation(doc, t) && !irish {
        return t + 1;
    }
    // Codes mixing letters and digits ("A36", "CM2", "F-16") are not names.
    if word.bytes().any(|b| b.is_ascii_digit()) {
        return t + 1;
    }
    let head = headline.get(t).copied().unwrap_or(false);
    let evidence = !head && !tok.sentence_start;
    // A capitalised title in front of a name is not part of it ("President Bashar al-Assad").
    if fr.has(word, TITLE) && !tok.all_caps && next_is_name(doc, t) {
        return t + 1;
    }
    let plain_end = sequence_end(doc, fr, t, false);
    let full_end = sequence_end(doc, fr, t, true);
    let gm = lexicon::longest_match(doc, t);
    let first_name = !tok.all_caps && lexicon::is_first_name(word);
    let title = !head && title_before(doc, fr, t);

    // A sentence that opens with a function word before a name ("Le Conseil
    // de sécurité a voté", "The UN Security Council met"): the name starts
    // after it, where it is looked at as in mid-sentence.
    if tok.sentence_start
        && gm.is_none()
        && !tok.all_caps
        && plain_end > t + 1
        && crate::lang::is_stopword(lang, word)
    {
        return t + 1;
    }

    // "le Conseil", "la Commission", "l'Union": one institution, whatever
    // the gazetteer says of the word and however the document writes it,
    // unless the gazetteer knows a longer name ("le Conseil de sécurité").
    if evidence
        && plain_end == t + 1
        && !tok.all_caps
        && fr.has(word, INSTITUTION)
        && determiner_before(doc, lang, t)
        && gm.as_ref().map_or(true, |m| m.end_token <= t + 1)
    {
        // With its adjective: "l'Union européenne", "le Conseil général".
        let end = org_end(doc, fr, lang, t, plain_end);
        push_actor(doc, t, end, ActorType::Organisation, 60, out);
        return end;
    }
    if title {
        let end = full_end.max(gm.as_ref().map_or(0, |m| m.end_token));
        push_actor(doc, t, end, ActorType::Person, 85, out);
        return end;
    }
    // A first name that is also a place, before a surname: "Dominique de
    // Talancé", "Chad Johnson".
    if first_name
        && !head
        && gm
            .as_ref()
            .is_some_and(|m| m.end_token == compound_end(doc, t))
        && full_end > compound_end(doc, t)
        && word_count(doc, t, full_end) >= 2
        && last_word(doc, t, full_end).is_some_and(|l| {
            let w = doc.norm(l);
            !fr.has(w, ORG_SUFFIX | PLACE_SUFFIX) && !lexicon::is_common_word(lang, w)
        })
        && lexicon::longest_match(doc, compound_end(doc, t)).is_none()
    {
        push_actor(doc, t, full_end, ActorType::Person, 75, out);
        return full_end;
    }
    if let Some(m) = &gm {
        if m.end_token >= plain_end {
            if !emit_match(doc, lang, fr, t, m, (evidence, notes), out) {
                return m.end_token.max(plain_end);
            }
            return m.end_token;
        }
    }
    let words = word_count(doc, t, full_end);
    let last = last_word(doc, t, plain_end);
    if first_name && words >= 2 && !head {
        push_actor(doc, t, full_end, ActorType::Person, 75, out);
        return full_end;
    }
    if fr.has(word, ORG_HEAD) && !head {
        let end = org_end(doc, fr, lang, t, full_end);
        if end > t + 1 || words >= 2 {
            push_actor(doc, t, end, ActorType::Organisation, 70, out);
            return end;
        }
    }
    if words >= 2 && last.is_some_and(|l| fr.has(doc.norm(l), ORG_SUFFIX)) && !head {
        push_actor(doc, t, plain_end, ActorType::Organisation, 70, out);
        return plain_end;
    }
    let place_named =
        last.is_some_and(|l| fr.has(doc.norm(l), PLACE_SUFFIX)) || fr.has(word, PLACE_HEAD);
    if plain_end > t + 1 && place_named {
        push_place(doc, t, plain_end, 70, out);
        return plain_end;
    }
    if let Some(m) = &gm {
        // The gazetteer knows the first words of a longer sequence.
        if emit_match(doc, lang, fr, t, m, (evidence, notes), out) {
            return m.end_token;
        }
    }
    // A frequent word or a demonym in front of a person's name is not part
    // of it ("Australian Tom Moody", "Republican Bob Dole").
    if !tok.all_caps
        && !first_name
        && doc
            .tokens
            .get(t + 1)
            .is_some_and(|n| n.upper && n.kind == TokKind::Word && !n.line_start)
        && lexicon::is_first_name(doc.norm(t + 1))
        && word_count(doc, t + 1, full_end) >= 2
        && (lexicon::is_common_word(lang, word) || lexicon::is_demonym(lang, word))
    {
        return t + 1;
    }
    if !evidence {
        if tok.sentence_start && !head {
            if sentence_initial_name(doc, lang, t, plain_end) {
                push_guess(doc, t, plain_end, None, 25, out);
            } else if initial_sequence_is_name(doc, lang, t, plain_end) {
                push_guess(doc, t, plain_end, None, 35, out);
            }
        }
        return plain_end;
    }
    // From here on the name is the plain capitalised sequence, without particles.
    let words = word_count(doc, t, plain_end);
    if words == 1 && lexicon::is_common_word(lang, word) && !tok.all_caps {
        if fr.has(word, COMPASS) {
            return plain_end;
        }
        // A frequent word capitalised in mid-sentence: a name when the
        // document never writes it in lower case, and when it stands where
        // names stand (after a place preposition, or as an institution
        // after a determiner: "le Conseil", "la Commission").
        if place_context(doc, fr, t) && word.chars().count() >= 3 {
            notes.defer = true;
            push_place(doc, t, plain_end, 50, out);
        } else if lexicon::is_first_name(word) {
            notes.defer = true;
            push_actor(doc, t, plain_end, ActorType::Person, 40, out);
        } else if word.chars().count() >= 3
            && !is_month_or_weekday(lang, word)
            && !determiner_before(doc, lang, t)
            && (reporting_verb_near(doc, lang, t, plain_end) || possessive_after(doc, plain_end))
        {
            // Where someone speaks or owns: "said Wang", "Woods said", "Wang 's arrest".
            notes.defer = true;
            push_guess(doc, t, plain_end, None, 40, out);
        }
        return plain_end;
    }
    if words == 1 && lang == crate::lang::FR && gentile_after_article(doc, t) {
        return plain_end;
    }
    if place_context(doc, fr, t)
        || suffix_after(doc, fr, plain_end)
        || (lang == crate::lang::FR && toponym_like(doc, t, plain_end))
    {
        push_place(doc, t, plain_end, 55, out);
        return plain_end;
    }
    // "les tuileries de Vernonnières": after "de", a name shaped like a
    // French town is a place; any other ("le parti de Kessler", "d'Elf") is
    // left to the guess below.
    if lang == crate::lang::FR
        && !reporting_verb_near(doc, lang, t, plain_end)
        && after_de(doc, t)
        && fr.has_ending(doc.norm(last.unwrap_or(t)), TOPONYM_ENDING)
    {
        push_place(doc, t, plain_end, 35, out);
        return plain_end;
    }
    if tok.all_caps && words == 1 {
        let len = word.chars().count();
        // An acronym after a plural determiner is a common noun ("des HLM",
        // "les ONG"), not an organisation.
        if (2..=6).contains(&len) && !plural_determiner_before(doc, lang, t) {
            push_actor(doc, t, plain_end, ActorType::Organisation, 45, out);
        }
        return plain_end;
    }
    // A guess: the type is unknown, and the tokens inside stay open to
    // better-scored names ("Kurdish-led Syrian Democratic Forces" gives way
    // to the known "Syrian Democratic Forces").
    let score = if words >= 2 { 40 } else { 30 };
    push_guess(doc, t, plain_end, None, score, out);
    (t + 1..plain_end)
        .find(|&i| {
            doc.tokens[i].upper
                && lexicon::longest_match(doc, i)
                    .is_some_and(|m| matches!(m.entries.first(), Some(Entry::Actor(_))))
        })
        .unwrap_or(plain_end)
}

/// One past the surname after initials: "H. Morris", "J.P. Smith",
/// "T.O'Gorman". Not a dotted abbreviation the gazetteer knows ("U.S."), not
/// a title ("M. Dupont" is Monsieur Dupont), not the pronoun "I" before an
/// ordinary word.
fn initials_end(doc: &Doc, fr: &Framing, t: usize) -> Option<usize> {
    let mut i = t;
    let mut n = 0;
    while let Some(tok) = doc.tokens.get(i) {
        let one_letter = tok.kind == TokKind::Word && tok.upper && doc.raw(i).chars().count() == 1;
        let dot = doc
            .tokens
            .get(i + 1)
            .is_some_and(|d| d.kind == TokKind::Punct && !d.space_before)
            && doc.norm(i + 1) == ".";
        if !(one_letter && dot) {
            break;
        }
        i += 2;
        n += 1;
        if n > 3 {
            return None;
        }
    }
    if n == 0 || fr.has(doc.norm(t), TITLE) {
        return None;
    }
    let s = doc.tokens.get(i)?;
    if s.kind != TokKind::Word || !s.upper || s.line_start || s.all_caps {
        return None;
    }
    let surname = doc.norm(i);
    if surname.chars().count() < 2 || lexicon::longest_match(doc, t).is_some() {
        return None;
    }
    // Initials are an English and French habit alike: both word lists.
    let common = lexicon::is_common_word(Lang::UND, surname);
    if common && doc.norm(t) == "i" {
        return None;
    }
    if common
        && doc
            .tokens
            .get(i + 1)
            .is_some_and(|x| x.kind == TokKind::Word && !x.upper && x.end - x.start > 2)
    {
        return None;
    }
    Some(sequence_end(doc, fr, i, true))
}

/// A capitalised sequence of two words or more at the head of a sentence
/// whose first word is not a frequent word: its capitals are no accident of
/// position ("Piet Ansems (Netherlands) beat", "Dynamo Kursk must").
fn initial_sequence_is_name(doc: &Doc, lang: Lang, t: usize, end: usize) -> bool {
    if lang == Lang::UND || doc.tokens[t].all_caps || word_count(doc, t, end) < 2 {
        return false;
    }
    let w = doc.norm(t);
    if common_or_plural(lang, w) || w.chars().count() < 3 || lexicon::is_demonym(lang, w) {
        return false;
    }
    (t..end).all(|i| doc.tokens[i].kind != TokKind::Word || !doc.tokens[i].all_caps)
}

/// A determiner just before `t`: "le Conseil", "la Commission", "l'Assemblée", "the Senate".
fn determiner_before(doc: &Doc, lang: Lang, t: usize) -> bool {
    let Some(p) = t.checked_sub(1) else {
        return false;
    };
    match lang {
        crate::lang::FR => {
            if doc.is_apostrophe(p) {
                return p >= 1 && doc.is(p - 1, "l");
            }
            matches!(
                doc.norm(p),
                "le" | "la"
                    | "les"
                    | "du"
                    | "au"
                    | "aux"
                    | "des"
                    | "ce"
                    | "cette"
                    | "notre"
                    | "votre"
            )
        }
        crate::lang::EN => matches!(doc.norm(p), "the" | "this"),
        _ => false,
    }
}

/// A plural determiner just before `t`: "des HLM", "les ONG", "the NGOs".
fn plural_determiner_before(doc: &Doc, lang: Lang, t: usize) -> bool {
    t >= 1
        && match lang {
            crate::lang::FR => {
                matches!(doc.norm(t - 1), "des" | "les" | "aux" | "ces" | "plusieurs")
            }
            _ => false,
        }
}

/// A single capital letter followed by a dot that is part of a dotted
/// abbreviation ("U.S.", "U.N."), not an initial ("J. Smith").
fn abbreviation(doc: &Doc, t: usize) -> bool {
    doc.tokens
        .get(t + 1)
        .is_some_and(|d| d.kind == TokKind::Punct && !d.space_before)
        && doc.norm(t + 1) == "."
        && doc
            .tokens
            .get(t + 2)
            .is_some_and(|x| x.kind == TokKind::Word && !x.space_before && x.upper)
}

/// The end of a match, with the final dot of a dotted abbreviation ("U.S.").
fn abbreviation_end(doc: &Doc, m: &Match) -> usize {
    let n = m.end_token;
    let dotted = n >= 2 && doc.norm(n - 2) == "." && !doc.tokens[n - 2].space_before;
    match doc.tokens.get(n) {
        Some(d) if dotted && d.kind == TokKind::Punct && !d.space_before && doc.norm(n) == "." => {
            d.end
        }
        _ => m.end,
    }
}

/// A reporting verb right after the name or right before it: "Jordan said",
/// "said Washington", "a déclaré X".
fn reporting_verb_near(doc: &Doc, lang: Lang, t: usize, end: usize) -> bool {
    let after = |i: usize| doc.tokens.get(i).map(|_| doc.norm(i)).unwrap_or("");
    match lang {
        crate::lang::EN => {
            matches!(
                after(end),
                "said" | "says" | "told" | "added" | "wrote" | "declared" | "announced"
            ) || (t >= 1
                && matches!(doc.norm(t - 1), "said" | "says")
                && matches!(after(end), "." | "," | "in" | "on"))
        }
        crate::lang::FR => {
            matches!(after(end), "a" | "avait")
                && matches!(
                    after(end + 1),
                    "declare"
                        | "affirme"
                        | "dit"
                        | "indique"
                        | "explique"
                        | "estime"
                        | "souligne"
                        | "ajoute"
                )
                || matches!(
                    after(end),
                    "declare" | "affirme" | "explique" | "estime" | "souligne" | "ajoute"
                )
        }
        _ => false,
    }
}

/// A frequent word, or the plural of one ("Analysts", "Eyewitnesses",
/// "Policies", "Experts"): the word lists hold mostly singulars.
fn common_or_plural(lang: Lang, w: &str) -> bool {
    if lexicon::is_common_word(lang, w) {
        return true;
    }
    let stem = |suffix: &str| w.strip_suffix(suffix).filter(|s| s.len() >= 3);
    let common = |s: &str| lexicon::is_common_word(lang, s);
    stem("s").is_some_and(common)
        || stem("x").is_some_and(common)
        || stem("es").is_some_and(common)
        || (lang != crate::lang::FR && stem("ies").is_some_and(|s| common(&format!("{s}y"))))
}

/// An English possessive at `t`: "Wang's", "Wang 's".
fn possessive_after(doc: &Doc, t: usize) -> bool {
    doc.is_apostrophe(t) && doc.is(t + 1, "s")
}

/// A word at the head of a sentence that looks like a name rather than a
/// capitalised ordinary word: not frequent in lower case, not shaped like a
/// participle or an adverb, and followed by a verb or punctuation.
fn sentence_initial_name(doc: &Doc, lang: Lang, t: usize, end: usize) -> bool {
    if end != compound_end(doc, t) || lang == Lang::UND || doc.tokens[t].all_caps {
        return false;
    }
    let w = doc.norm(t);
    if common_or_plural(lang, w) || w.chars().count() < 3 {
        return false;
    }
    let shaped = match lang {
        crate::lang::EN => ["ing", "ly", "ed", "ies"].iter().any(|s| w.ends_with(s)),
        _ => ["e", "es", "ee", "ees", "ant", "ment", "ons", "ez"]
            .iter()
            .any(|s| w.ends_with(s)),
    };
    if shaped {
        return false;
    }
    let next = doc.tokens.get(end).map(|_| doc.norm(end)).unwrap_or("");
    match lang {
        crate::lang::EN => matches!(
            next,
            "said" | "says" | "told" | "," | "was" | "is" | "has" | "had" | "will" | "would" | "'"
        ),
        _ => matches!(next, "a" | "est" | "avait" | "," | "etait" | "sera" | "se"),
    }
}

/// "les Verdunois", "des Lorrains": a capitalised plural after an article is
/// the name of the inhabitants, not an actor.
fn gentile_after_article(doc: &Doc, t: usize) -> bool {
    let w = doc.norm(t);
    t >= 1
        && matches!(
            doc.norm(t - 1),
            "les" | "des" | "aux" | "un" | "une" | "jeunes"
        )
        && [
            "ois", "oise", "oises", "ais", "aise", "aises", "iens", "ienne", "iennes", "ains",
            "aine", "aines", "ien", "ain", "in", "ins",
        ]
        .iter()
        .any(|s| w.ends_with(s))
}

/// A French hyphenated place name: "Châtenois-les-Forges", "Arc-et-Senans",
/// "Void-Vacon" (two capitalised parts, or a linking article between them).
fn toponym_like(doc: &Doc, t: usize, end: usize) -> bool {
    let c = compound_end(doc, t);
    if c != end || c < t + 3 {
        return false;
    }
    let parts: Vec<usize> = (t..c).step_by(2).collect();
    let linked = parts.iter().any(|&i| {
        matches!(
            doc.norm(i),
            "sur" | "les" | "lez" | "en" | "et" | "la" | "le" | "sous" | "aux"
        )
    });
    let saint = matches!(doc.norm(t), "saint" | "sainte" | "st" | "ste");
    !saint && (linked || parts.iter().all(|&i| doc.tokens[i].upper))
}

/// Right after French "de", "d'", "du" ("les tuileries de Vernonnières").
fn after_de(doc: &Doc, t: usize) -> bool {
    let Some(p) = t.checked_sub(1) else {
        return false;
    };
    if doc.is_apostrophe(p) {
        return p >= 1 && doc.is(p - 1, "d");
    }
    matches!(doc.norm(p), "de")
}

/// Emits the gazetteer match `m` starting at `t` unless the context rules it
/// out; returns whether it emitted.
fn emit_match(
    doc: &Doc,
    lang: Lang,
    fr: &Framing,
    t: usize,
    m: &Match,
    (evidence, notes): (bool, &mut Notes),
    out: &mut Vec<Candidate>,
) -> bool {
    let Some(first) = m.entries.first() else {
        return false;
    };
    let single = word_count(doc, t, m.end_token) == 1;
    let end = abbreviation_end(doc, m);
    let word = doc.norm(t);
    let mut common = single && lexicon::is_common_word(lang, word);
    // In mid-sentence, a capital on a frequent word is evidence of a name
    // unless the document also writes the word in lower case ("à Metz"), or
    // the word is a month or a weekday, which English capitalises anyway
    // ("in March" is a date, not the town of March).
    if common
        && evidence
        && word.chars().count() >= 3
        && !doc.tokens[t].all_caps
        && !fr.has(word, COMPASS)
        && !is_month_or_weekday(lang, word)
    {
        common = false;
        notes.defer = true;
    }
    let start = doc.tokens[t].start;
    match first {
        Entry::Actor(a) => {
            if common && !(doc.tokens[t].all_caps && evidence) {
                return false;
            }
            let value = Value::Actor(ActorValue {
                canonical: a.canonical.to_string(),
                actor_type: Some(a.actor_type),
            });
            out.push(
                Candidate::new(start, end, Kind::Actor, Source::Lexicon, 85).with_value(value),
            );
            true
        }
        Entry::Place(p) => {
            // A demonym is an adjective before it is a region ("the Somali
            // militant group", not Ethiopia's Somali region), unless it
            // stands where places stand ("in Somali").
            if single
                && p.kind != PlaceKind::Country
                && lexicon::is_demonym(lang, word)
                && !place_context(doc, fr, t)
            {
                return false;
            }
            if single {
                let len = word.chars().count();
                let accept = match p.kind {
                    PlaceKind::Country => !common || evidence || len > 4,
                    PlaceKind::Region | PlaceKind::Feature => !common,
                    PlaceKind::City => {
                        len >= 3
                            && (!common || (evidence && (p.population >= 200_000 || p.capital)))
                    }
                };
                if !accept {
                    return false;
                }
            }
            if let Some(actor) = metonymy(doc, lang, fr, t, m, p) {
                notes.states.extend(p.country);
                out.push(
                    Candidate::new(start, end, Kind::Actor, Source::Lexicon, 80).with_value(actor),
                );
                return true;
            }
            let score = match p.kind {
                PlaceKind::Country => 85,
                PlaceKind::Region | PlaceKind::Feature => 80,
                PlaceKind::City if p.population >= 100_000 => 78,
                PlaceKind::City => 72,
            };
            country::note(
                &m.entries,
                t,
                (start, end),
                notes.dateline_country,
                &mut notes.ambiguous,
            );
            out.push(
                Candidate::new(start, end, Kind::Place, Source::Lexicon, score)
                    .with_value(p.value()),
            );
            true
        }
    }
}

/// A country or capital used as an agent: "L'Irak lance l'assaut", "soutenue
/// par Washington", "backed by Washington". Returns the actor value.
fn metonymy(
    doc: &Doc,
    lang: Lang,
    fr: &Framing,
    t: usize,
    m: &Match,
    p: &PlaceEntry,
) -> Option<Value> {
    if !(p.kind == PlaceKind::Country || p.capital) {
        return None;
    }
    let country = p.country?;
    let name = lexicon::country_name(country, crate::lang::EN).unwrap_or(country);
    let value = Value::Actor(ActorValue {
        canonical: crate::actors::state_canonical(name, ActorType::Government).unwrap_or_default(),
        actor_type: Some(ActorType::Government),
    });
    // "par Washington" / "by Washington" after a participle.
    if t >= 2 {
        let prep = doc.norm(t - 1);
        let before = doc.norm(t - 2);
        let agentive = match lang {
            crate::lang::FR => {
                prep == "par"
                    && (before.ends_with('e') || before.ends_with("es") || before.ends_with('u'))
            }
            crate::lang::EN => prep == "by" && before.ends_with("ed"),
            _ => false,
        };
        if agentive && p.capital {
            return Some(value);
        }
    }
    if agent_subject(doc, lang, fr, t, m.end_token) {
        return Some(value);
    }
    // Subject at the head of a sentence, followed by a verb-like lower-case word.
    let mut s = t;
    if s >= 2 && doc.is_apostrophe(s - 1) && matches!(doc.norm(s - 2), "l") {
        s -= 2;
    } else if s >= 1 && matches!(doc.norm(s - 1), "la" | "le" | "the") {
        s -= 1;
    }
    let at_start = doc.tokens.get(s).is_some_and(|x| x.sentence_start)
        || (s >= 1 && doc.tokens[s - 1].kind == TokKind::Punct && doc.norm(s - 1) == ">");
    if !at_start || p.kind != PlaceKind::Country {
        return None;
    }
    let n = m.end_token;
    let next = doc.tokens.get(n)?;
    if next.kind != TokKind::Word || next.upper || next.line_start {
        return None;
    }
    let w = doc.norm(n);
    let verb_like = match lang {
        crate::lang::FR => {
            matches!(
                w,
                "a" | "va" | "doit" | "veut" | "est" | "se" | "s" | "n" | "ne"
            ) || (w.len() > 3
                && (w.ends_with("e") || w.ends_with("ait") || w.ends_with("ra"))
                && !fr.has(w, PLACE_TRIGGER))
        }
        crate::lang::EN => {
            matches!(
                w,
                "has" | "will" | "is" | "says" | "said" | "wants" | "must" | "would"
            ) || (w.len() > 3 && (w.ends_with("ed") || w.ends_with("es")))
        }
        _ => false,
    };
    let function_word = lexicon::is_common_word(lang, w)
        && w.len() <= 3
        && !matches!(w, "a" | "va" | "est" | "has" | "is");
    (verb_like && !function_word && !fr.has(w, GOVERNMENT | MILITARY)).then_some(value)
}

/// A country or capital (tokens `[t, end)`) as the subject of an agent verb
/// where a clause starts: "La France, qui a retiré ses troupes du pays, a
/// appelé", "Washington et Moscou ont convenu", "..., while France said".
/// The verb must be one of the language's agent verbs, after at most an
/// apposition between commas and a few auxiliaries, clitics or adverbs.
fn agent_subject(doc: &Doc, lang: Lang, fr: &Framing, t: usize, end: usize) -> bool {
    if lang == Lang::UND || !clause_start(doc, lang, without_determiner(doc, lang, t)) {
        return false;
    }
    let mut n = end;
    // "Washington et Moscou": a second country or capital.
    if doc.is(n, "et") || doc.is(n, "and") {
        let k = determiner_end(doc, lang, n + 1);
        match doc.tokens.get(k) {
            Some(x) if x.upper && x.kind == TokKind::Word => {}
            _ => return false,
        }
        match lexicon::longest_match(doc, k) {
            Some(m2) if state_name(&m2) => n = m2.end_token,
            _ => return false,
        }
    }
    // An apposition between commas: ", qui a retiré ses troupes du pays,",
    // ", which denies the charges,"; any apposition at a sentence start
    // ("La Syrie, en guerre depuis 2011, a ..."). Not a name in a list.
    let s = without_determiner(doc, lang, t);
    let relative = |k: usize| match lang {
        crate::lang::FR => doc.is(k, "qui") || doc.is(k, "dont"),
        _ => doc.is(k, "which") || doc.is(k, "who") || doc.is(k, "whose"),
    };
    if doc.is(n, ",") && (relative(n + 1) || doc.tokens.get(s).is_some_and(|x| x.sentence_start)) {
        let close = (n + 1..(n + 25).min(doc.len()))
            .take_while(|&k| !doc.tokens[k].sentence_start && !doc.is(k, "."))
            .find(|&k| doc.is(k, ","));
        match close {
            Some(c) if c > n + 1 => n = c + 1,
            _ => return false,
        }
    }
    let mut skipped = 0;
    while skipped < 5
        && doc.tokens.get(n).is_some_and(|x| !x.line_start)
        && ((!doc.tokens[n].space_before && (doc.is_apostrophe(n) || doc.is_hyphen(n)))
            || fr.has_agent(doc.norm(n), AGENT_AUX))
    {
        n += 1;
        skipped += 1;
    }
    doc.tokens
        .get(n)
        .is_some_and(|x| x.kind == TokKind::Word && !x.upper && !x.line_start)
        && fr.has_agent(doc.norm(n), AGENT_VERB)
}

/// True when the gazetteer's first reading of `m` is a country or a capital.
fn state_name(m: &Match) -> bool {
    matches!(m.entries.first(), Some(Entry::Place(p)) if p.kind == PlaceKind::Country || p.capital)
}

/// The first token of a name with its determiner ("la France", "l'Irak", "the US").
fn without_determiner(doc: &Doc, lang: Lang, t: usize) -> usize {
    match lang {
        crate::lang::FR if t >= 2 && doc.is_apostrophe(t - 1) && doc.is(t - 2, "l") => t - 2,
        crate::lang::FR if t >= 1 && (doc.is(t - 1, "la") || doc.is(t - 1, "le")) => t - 1,
        crate::lang::EN if t >= 1 && doc.is(t - 1, "the") => t - 1,
        _ => t,
    }
}

/// The token after a determiner at `t` ("la", "l'", "the"), or `t`.
fn determiner_end(doc: &Doc, lang: Lang, t: usize) -> usize {
    match lang {
        crate::lang::FR if doc.is(t, "l") && doc.is_apostrophe(t + 1) => t + 2,
        crate::lang::FR if doc.is(t, "la") || doc.is(t, "le") => t + 1,
        crate::lang::EN if doc.is(t, "the") => t + 1,
        _ => t,
    }
}

/// True when a clause can start at `s`: a sentence or line start, or after
/// a comma, a conjunction or a complementiser.
fn clause_start(doc: &Doc, lang: Lang, s: usize) -> bool {
    let Some(tok) = doc.tokens.get(s) else {
        return false;
    };
    if tok.sentence_start || tok.line_start || s == 0 {
        return true;
    }
    let p = doc.norm(s - 1);
    matches!(p, "," | ";" | ":" | ">" | "(")
        || match lang {
            crate::lang::FR => {
                matches!(p, "et" | "mais" | "que" | "qu" | "tandis" | "alors" | "ou")
            }
            crate::lang::EN => matches!(p, "and" | "but" | "that" | "while" | "whereas" | "or"),
            _ => false,
        }
        || (lang == crate::lang::FR && doc.is_apostrophe(s - 1) && s >= 2 && doc.is(s - 2, "qu"))
}

fn push_actor(doc: &Doc, t: usize, end: usize, ty: ActorType, score: u8, out: &mut Vec<Candidate>) {
    push_guess(doc, t, end, Some(ty), score, out);
}

/// The byte range of tokens `[t, end)`, when it is a real, non-empty range.
fn token_range(doc: &Doc, t: usize, end: usize) -> Option<(usize, usize)> {
    let last = end.checked_sub(1)?;
    (last >= t && last < doc.len()).then(|| (doc.tokens[t].start, doc.tokens[last].end))
}

/// An actor found by rule: its canonical name is the name as written.
fn push_guess(
    doc: &Doc,
    t: usize,
    end: usize,
    ty: Option<ActorType>,
    score: u8,
    out: &mut Vec<Candidate>,
) {
    let Some((s, e)) = token_range(doc, t, end) else {
        return;
    };
    let value = Value::Actor(ActorValue {
        canonical: doc.text[s..e].to_string(),
        actor_type: ty,
    });
    out.push(Candidate::new(s, e, Kind::Actor, Source::Rule, score).with_value(value));
}

/// A place found by rule, with no gazetteer value.
fn push_place(doc: &Doc, t: usize, end: usize, score: u8, out: &mut Vec<Candidate>) {
    if let Some((s, e)) = token_range(doc, t, end) {
        out.push(Candidate::new(s, e, Kind::Place, Source::Rule, score));
    }
}

/// One past the last token of the capitalised sequence starting at `t`:
/// capitalised compounds on one line, and with `particles`, lower-case name
/// particles between them ("Bachar al-Assad", "Banque de France").
fn sequence_end(doc: &Doc, fr: &Framing, t: usize, particles: bool) -> usize {
    let caps = doc.tokens[t].all_caps;
    let mut e = compound_end(doc, t);
    while let Some(n) = doc.tokens.get(e) {
        if middle_initial_dot(doc, t, e) {
            e += 1;
            continue;
        }
        if n.line_start || n.kind != TokKind::Word {
            break;
        }
        if n.upper && (n.all_caps == caps || !caps) {
            e = compound_end(doc, e);
            continue;
        }
        // An Arabic article joined to a capitalised word belongs to the name
        // ("Maaret al-Noomane", "Jisr al-Choughour", "Bachar al-Assad").
        if !n.upper && arabic_article_compound(doc, e) {
            e = compound_end(doc, e);
            continue;
        }
        if !particles || n.upper {
            break;
        }
        // Up to two particles ("de la"), then a capitalised word.
        let mut p = e;
        while p < e + 2
            && doc
                .tokens
                .get(p)
                .is_some_and(|x| x.kind == TokKind::Word && !x.upper)
            && fr.has(doc.norm(p), PARTICLE)
        {
            p += 1;
            if doc.is_apostrophe(p) || doc.is_hyphen(p) {
                p += 1;
            }
        }
        match doc.tokens.get(p) {
            Some(x) if p > e && x.kind == TokKind::Word && x.upper && !x.line_start => {
                e = compound_end(doc, p)
            }
            _ => break,
        }
    }
    e
}

/// Arabic articles that may open a name written in lower case ("al-Aqsa",
/// "ash-Sham"); not the short forms that are also French or English words.
const LEADING_ARTICLES: &[&str] = &[
    "al", "el", "ad", "adh", "ar", "as", "ash", "at", "ath", "az", "ez", "ech", "ul", "ud", "uz",
];

/// An Arabic article at `t` that opens a name: "al-Aqsa", "dans al-Bab";
/// not one inside a name ("Bachar al-Assad", found with the name).
fn leading_arabic_article(doc: &Doc, t: usize) -> bool {
    doc.tokens[t].kind == TokKind::Word
        && !doc.tokens[t].upper
        && LEADING_ARTICLES.contains(&doc.norm(t))
        && arabic_article_compound(doc, t)
        && (doc.tokens[t].space_before || t == 0 || doc.tokens[t].line_start)
        && !(t >= 1 && doc.tokens[t - 1].kind == TokKind::Word && doc.tokens[t - 1].upper)
}

/// Extends the candidates of `buf` that start right after the Arabic
/// article at `t` over it ("Aqsa" → "al-Aqsa").
fn extend_over_article(doc: &Doc, t: usize, buf: &mut [Candidate]) {
    let (Some(from), Some(to)) = (doc.tokens.get(t + 2), doc.tokens.get(t)) else {
        return;
    };
    let (from, to) = (from.start, to.start);
    for c in buf.iter_mut().filter(|c| c.start == from) {
        if let Some(Value::Actor(a)) = &mut c.value {
            if c.source == Source::Rule
                && doc.text.get(c.start..c.end) == Some(a.canonical.as_str())
            {
                a.canonical = doc.text.get(to..c.end).unwrap_or_default().to_string();
            }
        }
        c.start = to;
    }
}

/// The dot of a middle initial at `e` inside a name that started at `t`
/// ("George W. Bush", "Bernard B. Fall"): glued to a single capital letter
/// that follows a name word, and followed by a capitalised word that is not
/// a function word (a sentence that ends on "Group A." is not one name with
/// the next).
fn middle_initial_dot(doc: &Doc, t: usize, e: usize) -> bool {
    let (Some(dot), Some(next)) = (doc.tokens.get(e), doc.tokens.get(e + 1)) else {
        return false;
    };
    let initial = e - 1;
    dot.kind == TokKind::Punct
        && !dot.space_before
        && doc.norm(e) == "."
        && initial > t
        && doc.tokens[initial].upper
        && doc.raw(initial).chars().count() == 1
        && doc.tokens[initial - 1].kind == TokKind::Word
        && next.kind == TokKind::Word
        && next.upper
        && !next.all_caps
        && !next.line_start
        && !crate::lang::is_stopword(crate::lang::FR, doc.norm(e + 1))
        && !crate::lang::is_stopword(crate::lang::EN, doc.norm(e + 1))
}

/// A lower-case Arabic article hyphenated to a capitalised word: "al-Assad".
fn arabic_article_compound(doc: &Doc, t: usize) -> bool {
    crate::text::fold::JOINED_ARTICLES.contains(&doc.norm(t))
        && doc.is_hyphen(t + 1)
        && !doc.tokens[t + 1].space_before
        && doc
            .tokens
            .get(t + 2)
            .is_some_and(|x| x.kind == TokKind::Word && x.upper && !x.space_before)
}

/// Word tokens in `[t, end)`.
fn word_count(doc: &Doc, t: usize, end: usize) -> usize {
    doc.tokens[t..end.min(doc.len())]
        .iter()
        .filter(|x| x.kind == TokKind::Word)
        .count()
}

fn last_word(doc: &Doc, t: usize, end: usize) -> Option<usize> {
    (t..end.min(doc.len()))
        .rev()
        .find(|&i| doc.tokens[i].kind == TokKind::Word)
}

/// True when the token after `t` (or after its compound) is a capitalised word on the same line.
fn next_is_name(doc: &Doc, t: usize) -> bool {
    let mut n = compound_end(doc, t);
    if doc
        .tokens
        .get(n)
        .is_some_and(|x| x.kind == TokKind::Punct && doc.norm(n) == ".")
    {
        n += 1;
    }
    doc.tokens
        .get(n)
        .is_some_and(|x| x.kind == TokKind::Word && x.upper && !x.line_start)
}

/// A title or function just before `t`: "président", "M.", "Gen.", "spokesman".
fn title_before(doc: &Doc, fr: &Framing, t: usize) -> bool {
    let Some(mut p) = t.checked_sub(1) else {
        return false;
    };
    if doc.tokens[t].line_start {
        return false;
    }
    if doc.tokens[p].kind == TokKind::Punct && doc.norm(p) == "." {
        let Some(q) = p.checked_sub(1) else {
            return false;
        };
        p = q;
    }
    doc.tokens[p].kind == TokKind::Word && fr.has(doc.norm(p), TITLE)
}

/// A place announced by the words before it: "la ville de X", "à X", "in X".
fn place_context(doc: &Doc, fr: &Framing, t: usize) -> bool {
    let Some(p) = t.checked_sub(1) else {
        return false;
    };
    let w = doc.norm(p);
    if fr.has(w, PLACE_PREP) || fr.has(w, PLACE_TRIGGER) {
        return true;
    }
    // "la ville de X", "la province d'X", "the town of X"
    let q = if doc.is_apostrophe(p) {
        p.checked_sub(1)
    } else {
        Some(p)
    };
    let Some(q) = q else { return false };
    if matches!(doc.norm(q), "de" | "d" | "du" | "of") {
        if let Some(r) = q.checked_sub(1) {
            return fr.has(doc.norm(r), PLACE_TRIGGER);
        }
    }
    false
}

/// A lower-case place word right after a name: "the Likoni district", "the
/// Nineveh province".
fn suffix_after(doc: &Doc, fr: &Framing, end: usize) -> bool {
    doc.tokens
        .get(end)
        .is_some_and(|n| n.kind == TokKind::Word && !n.upper && doc.same_line(end))
        && fr.has(doc.norm(end), PLACE_SUFFIX)
}

/// A lower-case Arabic article opening a name the gazetteer knows: "al
/// Shabaab", "al Qaeda" (the name keeps its article, as "Al-Shabaab" does).
/// Returns the next token to look at when it emitted the name.
fn lower_case_article(
    doc: &Doc,
    lang: Lang,
    fr: &Framing,
    t: usize,
    notes: &mut Notes,
    out: &mut Vec<Candidate>,
) -> Option<usize> {
    if !matches!(doc.norm(t), "al" | "el") {
        return None;
    }
    let next = doc.tokens.get(t + 1)?;
    if next.kind != TokKind::Word || !next.upper || !doc.same_line(t + 1) {
        return None;
    }
    let m = lexicon::longest_match(doc, t)?;
    if m.end_token <= t + 1 {
        return None;
    }
    let evidence = !doc.tokens[t].sentence_start;
    emit_match(doc, lang, fr, t, &m, (evidence, notes), out).then_some(m.end_token)
}

/// The end of an organisation name headed by `t` ("Parti socialiste",
/// "Banque mondiale", "Ministère de la Défense"): the capitalised sequence,
/// or in French one following adjective.
fn org_end(doc: &Doc, fr: &Framing, lang: Lang, t: usize, full_end: usize) -> usize {
    if full_end > t + 1 || lang != crate::lang::FR {
        return full_end;
    }
    let n = full_end;
    let Some(x) = doc.tokens.get(n) else {
        return full_end;
    };
    if x.kind != TokKind::Word || x.upper || x.line_start {
        return full_end;
    }
    let w = doc.norm(n);
    // Frequent adjectives that still complete an institution's name
    // ("Union européenne", "Conseil général", "Banque centrale").
    const ADJ_COMMON: &[&str] = &[
        "een", "eenne", "al", "ale", "el", "ionnel", "ionnelle", "ique",
    ];
    const ADJ: &[&str] = &[
        "al", "ale", "aux", "ique", "iste", "aire", "el", "elle", "ien", "ienne", "ais", "aise",
        "ain", "aine", "if", "ive", "ee", "ial", "iale", "een", "eenne",
    ];
    if w.len() > 4
        && ADJ.iter().any(|s| w.ends_with(s))
        && !fr.has(w, PARTICLE)
        && (!lexicon::is_common_word(lang, w)
            || lexicon::is_demonym(lang, w)
            || ADJ_COMMON.iter().any(|s| w.ends_with(s)))
    {
        return compound_end(doc, n);
    }
    full_end
}

/// Marks the tokens of headline-like lines, where capitals are no evidence:
/// lines of at least three words that are mostly in capitals, or entirely in
/// title case.
fn headline_tokens(doc: &Doc) -> Vec<bool> {
    let mut flags = vec![false; doc.len()];
    let mut line = 0;
    while line < doc.len() {
        let mut end = line + 1;
        while end < doc.len() && !doc.tokens[end].line_start {
            end += 1;
        }
        let (mut words, mut caps, mut titled) = (0usize, 0usize, 0usize);
        for tok in &doc.tokens[line..end] {
            if tok.kind == TokKind::Word && tok.end - tok.start > 1 {
                words += 1;
                caps += tok.all_caps as usize;
                titled += tok.upper as usize;
            }
        }
        let is_head = words >= 3 && (caps * 10 >= words * 6 || (words >= 4 && titled == words));
        if is_head {
            flags[line..end].iter_mut().for_each(|f| *f = true);
        }
        line = end;
    }
    flags
}

/// True when `folded` names a month or a weekday in `lang` (the date
/// grammar's own word list).
fn is_month_or_weekday(lang: Lang, folded: &str) -> bool {
    use crate::dates::words::Cat;
    crate::locales::of(lang).dates.words().is_some_and(|w| {
        w.get(folded, Cat::Month).is_some() || w.get(folded, Cat::Weekday).is_some()
    })
}

/// Removes from `out` the candidates whose place in `drop` is marked (the
/// passes that replace readings mark first, then remove in one sweep).
fn drop_marked(out: &mut Vec<Candidate>, drop: &[bool]) {
    if !drop.iter().any(|&d| d) {
        return;
    }
    let mut i = 0;
    out.retain(|_| {
        let keep = !drop.get(i).copied().unwrap_or(false);
        i += 1;
        keep
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str, lang: Lang) -> Vec<(String, Kind)> {
        let doc = Doc::new(text);
        let mut out = Vec::new();
        find(
            &doc,
            lang,
            crate::locales::of(lang).framing,
            &Setting::default(),
            &mut out,
        );
        crate::resolve::resolve(text, out)
            .into_iter()
            .map(|s| (s.text, s.kind))
            .collect()
    }

    #[test]
    fn a_sentence_opening_with_a_function_word_keeps_the_name_after_it() {
        let s = spans("Le Conseil de sécurité doit se réunir.", crate::lang::FR);
        assert_eq!(s, [("Conseil de sécurité".to_string(), Kind::Actor)]);
        let s = spans(
            "Selon lui, le Conseil de sécurité se réunira.",
            crate::lang::FR,
        );
        assert_eq!(s, [("Conseil de sécurité".to_string(), Kind::Actor)]);
        let s = spans("The UN Security Council met on Friday.", crate::lang::EN);
        assert_eq!(s, [("UN Security Council".to_string(), Kind::Actor)]);
        // A name that starts with the article stays whole.
        let s = spans("The Hague court ruled.", crate::lang::EN);
        assert!(s.contains(&("The Hague".to_string(), Kind::Place)), "{s:?}");
    }

    #[test]
    fn articles_demonyms_and_place_words_around_names() {
        let s = spans(
            "Police said the men had links to al Shabaab, the Somali militant group allied with al Qaeda.",
            crate::lang::EN,
        );
        assert_eq!(
            s,
            [
                ("al Shabaab".to_string(), Kind::Actor),
                ("al Qaeda".to_string(), Kind::Actor)
            ]
        );
        let s = spans(
            "They were detained in the Likoni district on Monday.",
            crate::lang::EN,
        );
        assert!(s.contains(&("Likoni".to_string(), Kind::Place)), "{s:?}");
    }

    #[test]
    fn months_and_weekdays_in_mid_sentence_are_not_towns() {
        // "March" is a town in England, "Sunday" a frequent word: with a
        // capital in mid-sentence they are still dates, not names.
        let s = spans(
            "The summit will open in March in Washington.",
            crate::lang::EN,
        );
        assert!(!s.iter().any(|(t, _)| t == "March"), "{s:?}");
        assert!(
            s.contains(&("Washington".to_string(), Kind::Place)),
            "{s:?}"
        );
        let s = spans(
            "Rebels shelled the town on Sunday and Monday.",
            crate::lang::EN,
        );
        assert!(s.is_empty(), "{s:?}");
    }

    #[test]
    fn titles_make_people_without_the_title() {
        let s = spans(
            "Selon le président Bachar al-Assad, rien ne change.",
            crate::lang::FR,
        );
        assert!(
            s.contains(&("Bachar al-Assad".to_string(), Kind::Actor)),
            "{s:?}"
        );
        let s = spans(
            "The operation was led by Gen. Joseph Votel, officials said.",
            crate::lang::EN,
        );
        assert!(
            s.contains(&("Joseph Votel".to_string(), Kind::Actor)),
            "{s:?}"
        );
        let s = spans(
            "It was confirmed by President Emmanuel Macron on Monday.",
            crate::lang::EN,
        );
        assert!(
            s.contains(&("Emmanuel Macron".to_string(), Kind::Actor)),
            "{s:?}"
        );
    }

    #[test]
    fn sentence_starts_and_headlines_need_more_than_a_capital() {
        let s = spans("Retranchés dans la zone, ils attendent.", crate::lang::FR);
        assert!(s.is_empty(), "{s:?}");
        let s = spans(
            "FIGHTING CONTINUES AS TALKS STALL IN GENEVA",
            crate::lang::EN,
        );
        assert!(
            !s.iter().any(|(t, _)| t == "FIGHTING" || t == "TALKS"),
            "{s:?}"
        );
    }

    #[test]
    fn context_makes_places_and_organisations() {
        let s = spans(
            "Une forge fut installée à Dammarie-sur-Saulx en 1450.",
            crate::lang::FR,
        );
        assert!(
            s.contains(&("Dammarie-sur-Saulx".to_string(), Kind::Place)),
            "{s:?}"
        );
        let s = spans("Il a rejoint la Banque de France.", crate::lang::FR);
        assert!(
            s.contains(&("Banque de France".to_string(), Kind::Actor)),
            "{s:?}"
        );
        let s = spans(
            "Shares of Acme Holdings Corp fell sharply.",
            crate::lang::EN,
        );
        assert!(
            s.contains(&("Acme Holdings Corp".to_string(), Kind::Actor)),
            "{s:?}"
        );
        let s = spans(
            "Boats moved along the Zarqa River overnight.",
            crate::lang::EN,
        );
        assert!(
            s.contains(&("Zarqa River".to_string(), Kind::Place)),
            "{s:?}"
        );
    }

    #[test]
    fn countries_and_capitals_as_subjects_of_agent_verbs_are_actors() {
        let kind = |text: &str, lang: Lang, name: &str| {
            spans(text, lang)
                .into_iter()
                .find(|(t, _)| t == name)
                .map(|(_, k)| k)
        };
        let fr = "Selon l'ONU, la France, qui a retiré ses troupes du pays, a appelé \
                  mardi à un cessez-le-feu.";
        assert_eq!(kind(fr, crate::lang::FR, "France"), Some(Kind::Actor));
        let fr = "Après des semaines de tractations, Washington et Moscou ont convenu d'une trêve.";
        assert_eq!(kind(fr, crate::lang::FR, "Washington"), Some(Kind::Actor));
        assert_eq!(kind(fr, crate::lang::FR, "Moscou"), Some(Kind::Actor));
        let en = "The talks stalled, while France said it would send more troops.";
        assert_eq!(kind(en, crate::lang::EN, "France"), Some(Kind::Actor));
        let en = "Officials met on Monday. Iran, which denies the charges, urged calm.";
        assert_eq!(kind(en, crate::lang::EN, "Iran"), Some(Kind::Actor));
        // Places stay places: in a list, after a preposition, as the subject
        // of a verb of being.
        let fr = "Des combats ont eu lieu en Syrie, en Irak et au Liban, a indiqué l'OSDH.";
        assert_eq!(kind(fr, crate::lang::FR, "Irak"), Some(Kind::Place));
        let en = "Leaders from Niger, Guinea and Ghana -- are expected to attend.";
        assert_eq!(kind(en, crate::lang::EN, "Guinea"), Some(Kind::Place));
        let en = "A wreck off Newfoundland, Canada, fell back to the bottom of the sea.";
        assert_eq!(kind(en, crate::lang::EN, "Canada"), Some(Kind::Place));
        let en = "The delegation flew to Paris and London on Monday.";
        assert_eq!(kind(en, crate::lang::EN, "London"), Some(Kind::Place));
    }

    #[test]
    fn irish_names_arabic_articles_and_plural_words_at_sentence_starts() {
        let s = spans(
            "Police questioned O'Brien and O'Neill on Monday.",
            crate::lang::EN,
        );
        assert!(s.contains(&("O'Brien".to_string(), Kind::Actor)), "{s:?}");
        assert!(s.contains(&("O'Neill".to_string(), Kind::Actor)), "{s:?}");
        let s = spans(
            "Des frappes ont visé al-Bab et Bachar al-Assad a réagi.",
            crate::lang::FR,
        );
        assert!(s.contains(&("al-Bab".to_string(), Kind::Place)), "{s:?}");
        assert!(
            s.contains(&("Bachar al-Assad".to_string(), Kind::Actor)),
            "{s:?}"
        );
        // The plural of a frequent word heading a sentence is no name.
        let s = spans(
            "Talks resumed. Analysts said the deal would hold.",
            crate::lang::EN,
        );
        assert!(s.is_empty(), "{s:?}");
        // Nor is the first word of the story after a dateline.
        let r = crate::annotate(
            "KABUL, May 4 (Reuters) - Gunmen attacked a checkpoint on Wednesday.",
            &crate::Options::default(),
        );
        assert!(!r.spans.iter().any(|s| s.text == "Gunmen"), "{:?}", r.spans);
    }

    #[test]
    fn middle_initials_stay_inside_names() {
        let s = spans(
            "The decision by George W. Bush angered Bernard B. Fall.",
            crate::lang::EN,
        );
        assert!(
            s.contains(&("George W. Bush".to_string(), Kind::Actor)),
            "{s:?}"
        );
        assert!(
            s.contains(&("Bernard B. Fall".to_string(), Kind::Actor)),
            "{s:?}"
        );
        // A sentence ending on a letter does not run into the next one.
        let s = spans("It was Group A. The rest followed.", crate::lang::EN);
        assert!(!s.iter().any(|(t, _)| t.contains("The")), "{s:?}");
    }

    #[test]
    fn frequent_words_that_speak_or_own_are_names() {
        let s = spans(
            "Police said Wang 's arrest was political, and Woods said so too.",
            crate::lang::EN,
        );
        assert!(
            s.iter().any(|(t, k)| t == "Wang" && *k == Kind::Actor),
            "{s:?}"
        );
        assert!(
            s.iter().any(|(t, k)| t == "Woods" && *k == Kind::Actor),
            "{s:?}"
        );
        // Not when the document writes the word in lower case too.
        let s = spans(
            "Then Woods said so. They walked in the woods.",
            crate::lang::EN,
        );
        assert!(!s.iter().any(|(t, _)| t == "Woods"), "{s:?}");
    }

    #[test]
    fn initials_make_people() {
        let s = spans(
            "Somerset 83 ( P. Simmons 4-38 ) and then J.P. Smith.",
            crate::lang::EN,
        );
        assert!(
            s.contains(&("P. Simmons".to_string(), Kind::Actor)),
            "{s:?}"
        );
        assert!(
            s.contains(&("J.P. Smith".to_string(), Kind::Actor)),
            "{s:?}"
        );
        // A dotted abbreviation the gazetteer knows is not a person's
        // initial: "U.S. Treasury" is the gazetteer's government.
        let text = "The U.S. Treasury said so.";
        let doc = Doc::new(text);
        let mut out = Vec::new();
        find(
            &doc,
            crate::lang::EN,
            crate::locales::of(crate::lang::EN).framing,
            &Setting::default(),
            &mut out,
        );
        let spans = crate::resolve::resolve(text, out);
        let treasury = spans.iter().find(|s| s.text == "U.S. Treasury");
        assert!(
            matches!(
                treasury.and_then(|s| s.value.as_ref()),
                Some(Value::Actor(ActorValue {
                    actor_type: Some(ActorType::Government),
                    ..
                }))
            ),
            "{spans:?}"
        );
    }

    #[test]
    fn frequent_words_with_a_capital_are_names_unless_written_in_lower_case() {
        let s = spans("Elle montait à Metz chaque semaine.", crate::lang::FR);
        assert!(s.contains(&("Metz".to_string(), Kind::Place)), "{s:?}");
        let s = spans(
            "Il partait à Metz. Le metz est un mot inventé ici.",
            crate::lang::FR,
        );
        assert!(!s.iter().any(|(t, _)| t == "Metz"), "{s:?}");
        let s = spans("Nous demandons que le Conseil agisse.", crate::lang::FR);
        assert!(s.contains(&("Conseil".to_string(), Kind::Actor)), "{s:?}");
        let s = spans("Une fumée au Nord de la ville.", crate::lang::FR);
        assert!(s.is_empty(), "{s:?}");
    }

    #[test]
    fn towns_beside_scores_are_teams() {
        let text = "Results on Saturday :\nLeeds 2 Arsenal 1\nBristol 0 Chelsea 3\nPostponed : Leeds v Everton";
        let s = spans(text, crate::lang::EN);
        assert!(s.contains(&("Bristol".to_string(), Kind::Actor)), "{s:?}");
        assert!(s.contains(&("Everton".to_string(), Kind::Actor)), "{s:?}");
        // One number beside a town is no result.
        let s = spans("He flew to Bristol 2 days ago.", crate::lang::EN);
        assert!(s.contains(&("Bristol".to_string(), Kind::Place)), "{s:?}");
    }

    #[test]
    fn surnames_take_the_reading_of_the_full_name() {
        let s = spans(
            "Republican Bob Dole spoke on Monday. Dole said taxes would fall.",
            crate::lang::EN,
        );
        let doles: Vec<_> = s.iter().filter(|(t, _)| t.contains("Dole")).collect();
        assert_eq!(doles.len(), 2, "{s:?}");
        assert!(doles.iter().all(|(_, k)| *k == Kind::Actor), "{s:?}");
    }

    #[test]
    fn french_institutions_particles_and_names_after_de() {
        let s = spans(
            "Le rapport de la commission sera transmis à l'Union européenne et au Conseil.",
            crate::lang::FR,
        );
        assert!(
            s.contains(&("Union européenne".to_string(), Kind::Actor)),
            "{s:?}"
        );
        assert!(s.contains(&("Conseil".to_string(), Kind::Actor)), "{s:?}");
        let s = spans("Il a reçu Valéry Giscard d'Estaing hier.", crate::lang::FR);
        assert!(
            s.contains(&("Valéry Giscard d'Estaing".to_string(), Kind::Actor)),
            "{s:?}"
        );
        // After "de": a town-shaped name is a place, any other is not.
        let s = spans(
            "Les tuileries de Vernonnières et le parti de Kessler.",
            crate::lang::FR,
        );
        assert!(
            s.contains(&("Vernonnières".to_string(), Kind::Place)),
            "{s:?}"
        );
        assert!(!s.contains(&("Kessler".to_string(), Kind::Place)), "{s:?}");
        // An acronym after a plural determiner is a common noun.
        let s = spans("Les ascenseurs des HLM sont en panne.", crate::lang::FR);
        assert!(s.is_empty(), "{s:?}");
    }
}
