//! Evidence and the decision ladder: the look at one capitalised token that
//! weighs its capitals (mid-sentence, sentence start, headline), the
//! gazetteer and the words around it, and proposes a place, an actor or
//! nothing. The rungs, in order, are listed in the module comment of
//! [`super`].

use super::context::*;
use super::emit::{emit_match, push_actor, push_guess, push_place};
use super::frequent::common_or_plural;
use super::sequence::*;
use super::Cues;
use super::Notes;
use crate::framing::{
    Framing, AFTER_NAME, BEFORE_GENTILE, COMMON_ENDING, COMMON_ORG_ADJECTIVE_ENDING, COMPASS,
    DETERMINER, GENITIVE_ENDING, GENTILE_ENDING, INSTITUTION, NAME_PREP, ORG_ADJECTIVE_ENDING,
    ORG_HEAD, ORG_SUFFIX, PARTICLE, PLACE_HEAD, PLACE_PREP, PLACE_SUFFIX, PLACE_TRIGGER, SAINT,
    SOURCE_PREP, SURNAME_ENDING, TITLE, TOPONYM_ENDING, TOPONYM_LINK, VERB_ENDING,
};
use crate::lang::Lang;
use crate::lexicon::word_filter::with_filter_of;
use crate::lexicon::{self, Entry, PlaceKind};
use crate::span::{ActorType, Candidate, Kind, Source};
use crate::text::hash::WordMap;
use crate::text::shape::{compound_end, last_word, word_count};
use crate::text::{Doc, TokKind};
use std::cell::Cell;

/// True when [`at`] has nothing to say at `t` and goes on to `t + 1`: a
/// token that is no word, or a lower-case word other than an Arabic article
/// ([`lower_case_article`]). The pass over the document skips those without
/// the call.
#[inline]
pub(super) fn nothing_at(doc: &Doc, t: usize) -> bool {
    let tok = &doc.tokens[t];
    tok.kind != TokKind::Word || !tok.upper && !is_lower_case_article(doc.norm(t))
}

/// The Arabic articles [`lower_case_article`] reads before a name.
fn is_lower_case_article(folded: &str) -> bool {
    matches!(folded, "al" | "el")
}

/// Looks at token `t`; returns the index of the next token to look at.
/// Sets `defer` when the candidates it proposed hold only if the word is
/// never written in lower case elsewhere in the document (a frequent word
/// capitalised in mid-sentence: "à Metz", "as Bath won").
pub(super) fn at(
    doc: &Doc,
    lang: Lang,
    c: &Cues,
    headline: &[bool],
    t: usize,
    out: &mut Vec<Candidate>,
    notes: &mut Notes,
) -> usize {
    let fr = c.framing;
    let tok = doc.tokens[t];
    if tok.kind == TokKind::Word && !tok.upper {
        return lower_case_article(doc, lang, c, t, notes, out).unwrap_or(t + 1);
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
    // Initials before a surname: "K. Lindqvist", "J.P. Smith".
    if let Some(end) = initials_end(doc, c, t) {
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
    // The word's framing tags, looked up once for the rungs that read them.
    let tags = fr.tags(word);
    // A capitalised title in front of a name is not part of it ("President Bashar al-Assad").
    if tags & TITLE != 0 && !tok.all_caps && next_is_name(doc, t) {
        return t + 1;
    }
    let (plain_end, full_end) = sequence_ends(doc, c, t);
    let gm = lexicon::longest_match(doc, t);
    // Asked of the lexicon only by the rungs that read it, once.
    let first_name_known = Cell::new(None);
    let first_name = || {
        first_name_known.get().unwrap_or_else(|| {
            let known = !tok.all_caps && super::is_first_name(c, word);
            first_name_known.set(Some(known));
            known
        })
    };

    if let Some(end) = super::place_orgs::at(doc, c, t, head, full_end, gm.as_ref(), out) {
        return end;
    }
    if let Some(end) = super::companies::at(doc, lang, c, t, plain_end, out) {
        return end;
    }

    // A sentence that opens with a function word before a name ("Le Conseil
    // de sécurité a voté", "The UN Security Council met"): the name starts
    // after it, where it is looked at as in mid-sentence.
    if tok.sentence_start
        && gm.is_none()
        && !tok.all_caps
        && plain_end > t + 1
        && (c.stopwords.contains(word) || opening_place_prep(c, word))
    {
        return t + 1;
    }
    // Where capitals mark no names, a source's preposition opening a
    // sentence ("Laut Siemens sinkt...") is no name (nor a place the
    // gazetteer knows by the word): what follows is read as a source.
    if tok.sentence_start
        && !c.capitals_mark_names
        && plain_end > t + 1
        && cue(doc, fr, t, SOURCE_PREP)
    {
        return t + 1;
    }

    // "le Conseil", "la Commission", "l'Union": one institution, whatever
    // the gazetteer says of the word and however the document writes it,
    // unless the gazetteer knows a longer name ("le Conseil de sécurité").
    if evidence
        && plain_end == t + 1
        && !tok.all_caps
        && tags & INSTITUTION != 0
        && determiner_before(doc, fr, t)
        && gm.as_ref().map_or(true, |m| m.end_token <= t + 1)
    {
        // With its adjective: "l'Union européenne", "le Conseil général".
        let end = org_end(doc, fr, lang, t, plain_end);
        push_actor(doc, t, end, ActorType::Organisation, 60, out);
        return end;
    }
    if !head && title_before(doc, fr, t) {
        let end = full_end.max(gm.as_ref().map_or(0, |m| m.end_token));
        push_actor(doc, t, end, ActorType::Person, 85, out);
        return end;
    }
    // A first name that is also a place, before a surname: "Dominique de
    // Villepin", "Chad Johnson".
    if !head
        && gm
            .as_ref()
            .is_some_and(|m| m.end_token == compound_end(doc, t))
        && full_end > compound_end(doc, t)
        && first_name()
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
    if let Some(end) = acronym_over_small_town(doc, c, t, head, plain_end, gm.as_ref(), out) {
        return end;
    }
    if let Some(m) = &gm {
        if m.end_token >= plain_end {
            if !emit_match(doc, lang, c, t, m, (evidence, notes), out) {
                return m.end_token.max(plain_end);
            }
            return m.end_token;
        }
    }
    if let Some(end) = (!head)
        .then(|| super::place_orgs::place_opens_name(doc, lang, c, t, plain_end, gm.as_ref(), out))
        .flatten()
    {
        return end;
    }
    let words = word_count(doc, t, full_end);
    let last = last_word(doc, t, plain_end);
    let place_named =
        last.is_some_and(|l| fr.has(doc.norm(l), PLACE_SUFFIX)) || tags & PLACE_HEAD != 0;
    // "Marion County", "Clay River": a first name before a place word
    // names the place, not a person.
    if words >= 2 && !head && first_name() && !(place_named && plain_end == full_end) {
        push_actor(doc, t, full_end, ActorType::Person, 75, out);
        return full_end;
    }
    if tags & ORG_HEAD != 0 && !head {
        let end = org_end(doc, fr, lang, t, acronym_head_end(doc, c, t, full_end));
        if end > t + 1 || words >= 2 {
            push_actor(doc, t, end, ActorType::Organisation, 70, out);
            return end;
        }
    }
    if words >= 2 && last.is_some_and(|l| fr.has(doc.norm(l), ORG_SUFFIX)) && !head {
        push_actor(doc, t, plain_end, ActorType::Organisation, 70, out);
        return plain_end;
    }
    if plain_end > t + 1 && place_named {
        push_place(doc, t, plain_end, 70, out);
        return plain_end;
    }
    if let Some(m) = &gm {
        // The gazetteer knows the first words of a longer sequence.
        if emit_match(doc, lang, c, t, m, (evidence, notes), out) {
            return m.end_token;
        }
    }
    // A frequent word or a demonym in front of a person's name is not part
    // of it ("Australian Tom Hale", "Republican Bob Dole"), nor in front of
    // a title and a name ("Palestinian President Yasser Arafat", "Prime
    // Minister John Major" opening a sentence): the title is read next.
    if !tok.all_caps
        && doc
            .tokens
            .get(t + 1)
            .is_some_and(|n| n.upper && n.kind == TokKind::Word && !n.line_start)
        && !first_name()
        && ((super::is_first_name(c, doc.norm(t + 1)) && word_count(doc, t + 1, full_end) >= 2)
            || (tok.sentence_start && c.capitals_mark_names && title_then_name(doc, fr, t + 1)))
        && (lexicon::is_common_word(lang, word) || lexicon::is_demonym(lang, word))
    {
        return t + 1;
    }
    if !evidence || !c.capitals_mark_names {
        if let Some(end) = own_country(doc, c, t, out) {
            return end;
        }
        if !c.capitals_mark_names && evidence {
            return uncapitalised_evidence(doc, lang, c, t, plain_end, out);
        }
        if tok.sentence_start && !head {
            if sentence_initial_name(doc, lang, c, t, plain_end) {
                push_guess(doc, t, plain_end, None, 25, out);
            } else if initial_sequence_is_name(doc, lang, c, t, plain_end) {
                push_guess(doc, t, plain_end, None, 35, out);
            }
        }
        return plain_end;
    }
    // From here on the name is the plain capitalised sequence, without particles.
    let words = word_count(doc, t, plain_end);
    if words == 1 && lexicon::is_common_word(lang, word) && !tok.all_caps {
        if tags & COMPASS != 0 {
            return plain_end;
        }
        // A frequent word capitalised in mid-sentence: a name when the
        // document never writes it in lower case, and when it stands where
        // names stand (after a place preposition, or as an institution
        // after a determiner: "le Conseil", "la Commission").
        if place_context(doc, c, t) && word.chars().count() >= 3 {
            notes.defer = true;
            push_place(doc, t, plain_end, 50, out);
        } else if first_name() {
            notes.defer = true;
            push_actor(doc, t, plain_end, ActorType::Person, 40, out);
        } else if word.chars().count() >= 3
            && !is_month_or_weekday(c, word)
            && !determiner_before(doc, fr, t)
            && (reporting_verb_near(doc, fr, t, plain_end) || possessive_after(doc, c, plain_end))
        {
            // Where someone speaks or owns: "said Wang", "Woods said", "Wang 's arrest".
            notes.defer = true;
            push_guess(doc, t, plain_end, None, 40, out);
        }
        return plain_end;
    }
    if words == 1 && gentile_after_article(doc, fr, t) {
        return plain_end;
    }
    if place_context(doc, c, t)
        || suffix_after(doc, fr, plain_end)
        || (c.hyphenated_toponyms && toponym_like(doc, fr, t, plain_end))
    {
        push_place(doc, t, plain_end, 55, out);
        return plain_end;
    }
    // "les tuileries de Vernonnières": after "de", a name shaped like a
    // town of the language is a place; any other ("le parti de Kessler",
    // "d'Elf") is left to the guess below. Off in a language without town
    // endings.
    if after_of(doc, fr, t)
        && fr.has_ending(doc.norm(last.unwrap_or(t)), TOPONYM_ENDING)
        && !reporting_verb_near(doc, fr, t, plain_end)
    {
        push_place(doc, t, plain_end, 35, out);
        return plain_end;
    }
    if tok.all_caps && words == 1 {
        let len = word.chars().count();
        // An acronym after a plural determiner is a common noun ("des HLM",
        // "les ONG"), not an organisation.
        // nor is a title written in capitals ("le PDG"), or abbreviated with its
        // full stop ("MM. Dupont et Durand"); "PR" alone stays an acronym.
        let title = tags & TITLE != 0 && (len >= 3 || doc.is(t + 1, "."));
        if (2..=6).contains(&len) && !plural_determiner_before(doc, fr, t) && !title {
            push_actor(doc, t, plain_end, ActorType::Organisation, 45, out);
        }
        return plain_end;
    }
    // The name of a people ("les Serbes", "Albanais et Serbes"), whether the
    // word lists know it as frequent or not, names no one actor. After an
    // amount it may be a currency ("1,00 Bolivianos"): left to the guess.
    let after_amount = t >= 1 && doc.tokens[t - 1].kind == TokKind::Number;
    if words == 1 && !tok.all_caps && !after_amount && lexicon::is_demonym(lang, word) {
        return plain_end;
    }
    // A guess: the type is unknown, and the tokens inside stay open to
    // better-scored names ("Kurdish-led Syrian Democratic Forces" gives way
    // to the known "Syrian Democratic Forces").
    let score = if words >= 2 { 40 } else { 30 };
    push_guess(
        doc,
        t,
        plain_end,
        surname_typed(doc, fr, words, last),
        score,
        out,
    );
    (t + 1..plain_end)
        .find(|&i| {
            doc.tokens[i].upper
                && lexicon::longest_match(doc, i)
                    .is_some_and(|m| matches!(m.entries.first(), Some(Entry::Actor(_))))
        })
        .unwrap_or(plain_end)
}

/// A guess of two or three words whose last has a surname ending of the
/// language ("Etanislao González", "Harmodio Núñez"): a person, whose
/// surname then reads as the person across the document.
fn surname_typed(doc: &Doc, fr: &Framing, words: usize, last: Option<usize>) -> Option<ActorType> {
    let l = last?;
    ((2..=3).contains(&words) && fr.ends_with(doc.norm(l), SURNAME_ENDING))
        .then_some(ActorType::Person)
}

/// A place preposition opening a sentence before a name, where capitals mark
/// no names ("In Dresden besteht ...", "Aus Kiel kam ..."): a function word
/// like the stopwords, though the stopword list leaves it out (it counts for
/// language detection, and "in" is English too). Where capitals mark names
/// the capitalised sequence is read as before.
fn opening_place_prep(c: &Cues, word: &str) -> bool {
    !c.capitals_mark_names && c.framing.has(word, PLACE_PREP)
}

/// The end of a name opened by an acronym that heads organisations' names
/// ("FC Carl Zeiss Jena", "SV Werder Bremen"): the capitalised words after
/// it, which a sequence of capitals alone does not take in. `full_end` when
/// `t` is no acronym.
fn acronym_head_end(doc: &Doc, c: &Cues, t: usize, full_end: usize) -> usize {
    let next = t + 1;
    let opens = doc.tokens[t].all_caps
        && full_end == next
        && doc
            .tokens
            .get(next)
            .is_some_and(|n| n.kind == TokKind::Word && n.upper && !n.all_caps && !n.line_start);
    if opens {
        sequence_end(doc, c, next, false)
    } else {
        full_end
    }
}

/// The last rungs in mid-sentence for a language whose capitals mark every
/// noun ([`Cues::capitals_mark_names`]): the gazetteer, titles, first names
/// and framing words have had their say; what is left is a name only with
/// evidence besides its capital. The sequence is read compound by compound,
/// each by its last part, its head ("Schlaganfall-Patienten" is a kind of
/// patients; "EU-Verordnung" a regulation): a compound whose head is a
/// frequent word, a plural of one or has an ending of ordinary nouns
/// ("-ung", "-heit") is ordinary. A run of compounds none of them ordinary
/// is a name ("Eurospeedway Lausitz"); a single one is, after a place
/// preposition ("in Kleinstadt"), where someone speaks ("Kolb sagte",
/// "laut Kolb", "sagte Kolb."), or after a word before which nouns take an
/// article ("von Schröder": [`NAME_PREP`]). An acronym alone is an
/// organisation.
fn uncapitalised_evidence(
    doc: &Doc,
    lang: Lang,
    c: &Cues,
    t: usize,
    plain_end: usize,
    out: &mut Vec<Candidate>,
) -> usize {
    let fr = c.framing;
    let word = doc.norm(t);
    // A function word capitalised after a dash or a quote ("- Die
    // Bundesregierung"): the name, if any, starts after it.
    if c.stopwords.contains(word) {
        return t + 1;
    }
    if let Some(end) = genitive_place(doc, fr, t, out) {
        return end;
    }
    // The cheap questions first: the answer is the same in any order.
    let ordinary = |i: usize| {
        let w = doc.norm(i);
        !doc.tokens[i].upper
            || fr.ends_with(w, COMMON_ENDING)
            || common_or_plural(lang, c, w)
            || is_month_or_weekday(c, w)
            || lexicon::is_demonym(lang, w)
    };
    let units = || word_units(doc, t, plain_end);
    let ordinary_unit = |(s, e): (usize, usize)| {
        last_word(doc, s, e).map_or(true, |l| ordinary(l) || doc.tokens[l].all_caps && l > s)
    };
    let mut rest = units();
    let first = rest.next();
    let many = rest.next().is_some();
    if !many && doc.tokens[t].all_caps && compound_end(doc, t) == t + 1 {
        let len = word.chars().count();
        if (2..=6).contains(&len) {
            push_actor(doc, t, plain_end, ActorType::Organisation, 45, out);
        }
        return plain_end;
    }
    if let (Some(first), true) = (first, many) {
        // A capitalised adjective opens a name: adjectives have no capital
        // otherwise ("Vereinten Nationen", "Europäische Zentralbank").
        let adjective = first.1 == first.0 + 1
            && (fr.ends_with(word, ORG_ADJECTIVE_ENDING) || lexicon::is_demonym(lang, word));
        let all_ordinary_after = || units().skip(1).all(ordinary_unit);
        if adjective && (units().nth(2).is_none() || !all_ordinary_after()) {
            push_actor(doc, t, plain_end, ActorType::Organisation, 60, out);
            return plain_end;
        }
        // A place trigger before a name is not part of it ("Stadt Charkiw",
        // "Stadtteil Altona"): what follows is a place, read by the
        // gazetteer if it knows it, even when it is also a frequent word
        // ("die Stadt Halle").
        if first.1 == first.0 + 1 && fr.has(word, PLACE_TRIGGER) {
            let named = |u: &(usize, usize)| {
                !ordinary_unit(*u) || lexicon::longest_match(doc, u.0).is_some()
            };
            let Some((s, _)) = units().skip(1).find(named) else {
                return plain_end;
            };
            if lexicon::longest_match(doc, s).is_none() {
                push_place(doc, s, plain_end, 50, out);
                return plain_end;
            }
            return s;
        }
        if let Some(s) = place_after_noun(doc, lang, c, first, units().skip(1)) {
            return s;
        }
        if !units().all(ordinary_unit) {
            push_guess(doc, t, plain_end, None, 40, out);
        }
        return plain_end;
    }
    if word.chars().count() < 3 {
        return plain_end;
    }
    if units().any(ordinary_unit) {
        // A surname that is also a frequent word, where a person is
        // expected: by a reporting verb ("sagte Merkel").
        if plain_end == t + 1 && is_surname(c, word) && reporting_verb_near(doc, fr, t, plain_end) {
            push_guess(doc, t, plain_end, Some(ActorType::Person), 40, out);
        }
        return plain_end;
    }
    if place_context(doc, c, t) {
        push_place(doc, t, plain_end, 50, out);
        return plain_end;
    }
    let source =
        (t >= 1 && cue(doc, fr, t - 1, SOURCE_PREP)) || cue(doc, fr, plain_end, SOURCE_PREP);
    let after_prep = t >= 1 && cue(doc, fr, t - 1, NAME_PREP);
    if source
        || after_prep
        || reporting_verb_near(doc, fr, t, plain_end)
        || after_finite_verb(doc, fr, t)
    {
        push_guess(doc, t, plain_end, None, 40, out);
    }
    plain_end
}

/// The words of `t..end` as units: a hyphenated compound is one
/// ("Baden-Württemberg"), punctuation is none.
fn word_units<'d>(
    doc: &'d Doc<'_>,
    t: usize,
    end: usize,
) -> impl Iterator<Item = (usize, usize)> + 'd {
    let mut u = t;
    std::iter::from_fn(move || {
        while u < end {
            let e = compound_end(doc, u).min(end);
            let unit = (u, e);
            u = e.max(u + 1);
            if doc.tokens[unit.0].kind == TokKind::Word {
                return Some(unit);
            }
        }
        None
    })
}

/// A common noun opening a capitalised sequence before a place the
/// gazetteer knows in the genitive ("die Wirtschaft Deutschlands", "die
/// Regierung Israels"), where the language's nouns have capitals
/// ([`Cues::capitalised_nouns`]): the noun is no part of the name, which
/// starts at the place (returned). A first name is no noun.
fn place_after_noun(
    doc: &Doc,
    lang: Lang,
    c: &Cues,
    first: (usize, usize),
    mut rest: impl Iterator<Item = (usize, usize)>,
) -> Option<usize> {
    if !c.capitalised_nouns || first.1 != first.0 + 1 || doc.tokens[first.0].all_caps {
        return None;
    }
    let w = doc.norm(first.0);
    if !lexicon::is_common_word(lang, w) || super::is_first_name(c, w) {
        return None;
    }
    let (s, _) = rest.next()?;
    // A place in the genitive hangs on the noun; one in the nominative
    // names with it ("Universität Hamburg", "Borussia Dortmund").
    genitive_stem_place(doc, c.framing, s).map(|_| s)
}

/// A word right after a finite verb, with no article ("musste Halmich",
/// "tanzte Ramires"), where capitals mark no names: a noun there takes an
/// article, a name does not. The verb is one of the locale's [`AFTER_NAME`]
/// verbs ("hat", "kann", "muss": they follow a name, and precede it when the
/// clause is inverted), or has one of its [`VERB_ENDING`]s, not after a
/// determiner (then it is an adjective: "die letzte"). A reflexive pronoun
/// before the name is a [`NAME_PREP`] ("hatte sich Röttgen").
fn after_finite_verb(doc: &Doc, fr: &Framing, t: usize) -> bool {
    let Some(p) = t.checked_sub(1) else {
        return false;
    };
    let prev = doc.tokens[p];
    if prev.kind != TokKind::Word || prev.upper || !doc.same_line(p) {
        return false;
    }
    let w = doc.norm(p);
    if cue(doc, fr, p, AFTER_NAME) {
        return true;
    }
    w.chars().count() >= 5
        && fr.ends_with(w, VERB_ENDING)
        && !(p >= 1 && cue(doc, fr, p - 1, DETERMINER))
}

/// A country under the language's own name, or its genitive ("Italien",
/// "Italiens"), where the shared gazetteer does not have it
/// ([`Cues::country_names`]): the country's place, as the gazetteer gives it
/// under its canonical name.
fn own_country(doc: &Doc, c: &Cues, t: usize, out: &mut Vec<Candidate>) -> Option<usize> {
    let names = c.country_names?;
    if compound_end(doc, t) != t + 1 {
        return None;
    }
    let w = doc.norm(t);
    // Most words are no country's name, nor its genitive: told by the
    // filter of the names, without hashing them.
    let table: &WordMap<String, &str> = names;
    let may_be = with_filter_of(
        std::ptr::from_ref(table) as usize,
        || table.keys().map(String::as_str),
        |f| {
            f.may_have(w)
                || (c.framing.ends_with(w, GENITIVE_ENDING)
                    && c.framing
                        .endings(GENITIVE_ENDING)
                        .any(|e| w.strip_suffix(e).is_some_and(|s| f.may_have(s))))
        },
    );
    if !may_be {
        return None;
    }
    let iso2 = names.get(w).or_else(|| {
        c.framing
            .endings(GENITIVE_ENDING)
            .find_map(|e| w.strip_suffix(e).and_then(|s| names.get(s)))
    })?;
    let canonical = lexicon::canonical_country_name(iso2)?;
    let place = lexicon::places_of(canonical).find(|p| p.kind == PlaceKind::Country)?;
    let tok = doc.tokens[t];
    out.push(
        Candidate::new(tok.start, tok.end, Kind::Place, Source::Lexicon, 75)
            .with_value(place.value()),
    );
    Some(t + 1)
}

/// A place name with a genitive ending ("Frankreichs Präsident", "Europas"),
/// in a language that has one ([`GENITIVE_ENDING`]): the place the
/// gazetteer knows without the ending. Returns the next token to look at.
fn genitive_place(doc: &Doc, fr: &Framing, t: usize, out: &mut Vec<Candidate>) -> Option<usize> {
    if compound_end(doc, t) != t + 1 {
        return None;
    }
    let place = genitive_stem_place(doc, fr, t)?;
    let tok = doc.tokens[t];
    out.push(
        Candidate::new(tok.start, tok.end, Kind::Place, Source::Lexicon, 70)
            .with_value(place.value()),
    );
    Some(t + 1)
}

/// The place the gazetteer knows under the word at `t` less a genitive
/// ending ("Europas": Europe).
fn genitive_stem_place(doc: &Doc, fr: &Framing, t: usize) -> Option<lexicon::PlaceEntry> {
    let raw = doc.raw(t);
    // Most words end with no genitive ending: one test of their last byte.
    if !fr.ends_with(raw, GENITIVE_ENDING) {
        return None;
    }
    let stem = fr
        .endings(GENITIVE_ENDING)
        .find_map(|e| raw.strip_suffix(e).filter(|s| s.chars().count() >= 3))?;
    lexicon::places_of(stem).next()
}

/// A capitalised sequence of two words or more at the head of a sentence
/// whose first word is not a frequent word: its capitals are no accident of
/// position ("Piet Ansems (Netherlands) beat", "Dynamo Kursk must").
pub(super) fn initial_sequence_is_name(
    doc: &Doc,
    lang: Lang,
    c: &Cues,
    t: usize,
    end: usize,
) -> bool {
    if lang.is_und() || doc.tokens[t].all_caps || word_count(doc, t, end) < 2 {
        return false;
    }
    let w = doc.norm(t);
    if common_or_plural(lang, c, w) || w.chars().count() < 3 || lexicon::is_demonym(lang, w) {
        return false;
    }
    (t..end).all(|i| doc.tokens[i].kind != TokKind::Word || !doc.tokens[i].all_caps)
}

/// A word at the head of a sentence that looks like a name rather than a
/// capitalised ordinary word: not frequent in lower case, not shaped like a
/// participle or an adverb, and followed by a verb or punctuation.
pub(super) fn sentence_initial_name(doc: &Doc, lang: Lang, c: &Cues, t: usize, end: usize) -> bool {
    if end != compound_end(doc, t) || lang.is_und() || doc.tokens[t].all_caps {
        return false;
    }
    let w = doc.norm(t);
    if w.chars().count() < 3 || common_or_plural(lang, c, w) && !is_surname(c, w) {
        return false;
    }
    if c.framing.ends_with(w, COMMON_ENDING) {
        return false;
    }
    cue(doc, c.framing, end, AFTER_NAME)
}

/// A surname of the language's list ([`Cues::surnames`]), folded.
fn is_surname(c: &Cues, folded: &str) -> bool {
    c.surnames.is_some_and(|s| s.contains(folded))
}

/// "les Verdunois", "des Lorrains": a capitalised plural after an article is
/// the name of the inhabitants, not an actor. Off in a language without
/// gentile endings.
pub(super) fn gentile_after_article(doc: &Doc, fr: &Framing, t: usize) -> bool {
    let w = doc.norm(t);
    t >= 1 && cue(doc, fr, t - 1, BEFORE_GENTILE) && fr.ends_with(w, GENTILE_ENDING)
}

/// A hyphenated place name: "Châtenois-les-Forges", "Arc-et-Senans",
/// "Void-Vacon" (two capitalised parts, or a linking article between them),
/// in a language whose towns are named so ([`Cues::hyphenated_toponyms`]).
pub(super) fn toponym_like(doc: &Doc, fr: &Framing, t: usize, end: usize) -> bool {
    let c = compound_end(doc, t);
    if c != end || c < t + 3 {
        return false;
    }
    let mut parts = (t..c).step_by(2);
    let linked = parts.clone().any(|i| cue(doc, fr, i, TOPONYM_LINK));
    let saint = cue(doc, fr, t, SAINT);
    !saint && (linked || parts.all(|i| doc.tokens[i].upper))
}

/// A lower-case Arabic article opening a name the gazetteer knows: "al
/// Shabaab", "al Qaeda" (the name keeps its article, as "Al-Shabaab" does).
/// Returns the next token to look at when it emitted the name.
pub(super) fn lower_case_article(
    doc: &Doc,
    lang: Lang,
    c: &Cues,
    t: usize,
    notes: &mut Notes,
    out: &mut Vec<Candidate>,
) -> Option<usize> {
    if !is_lower_case_article(doc.norm(t)) {
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
    emit_match(doc, lang, c, t, &m, (evidence, notes), out).then_some(m.end_token)
}

/// The end of an organisation name headed by `t` ("Parti socialiste",
/// "Banque mondiale", "Ministère de la Défense"): the capitalised sequence,
/// or one following adjective in a language whose organisation names take
/// one ([`ORG_ADJECTIVE_ENDING`]; none, and the rule is off).
pub(super) fn org_end(doc: &Doc, fr: &Framing, lang: Lang, t: usize, full_end: usize) -> usize {
    if full_end > t + 1 {
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
    // Frequent adjectives still complete an institution's name when their
    // ending says so ("Union européenne", "Conseil général", "Banque centrale").
    if w.len() > 4
        && fr.ends_with(w, ORG_ADJECTIVE_ENDING)
        && !fr.has(w, PARTICLE)
        && (!lexicon::is_common_word(lang, w)
            || lexicon::is_demonym(lang, w)
            || fr.ends_with(w, COMMON_ORG_ADJECTIVE_ENDING))
    {
        return compound_end(doc, n);
    }
    full_end
}

/// An acronym in running text ("sous la conduite du CAUE", "le RPR") that
/// the gazetteer knows only as a small town somewhere: an organisation,
/// unless a place preposition stands before it ("à LAS"). Not where every
/// noun has a capital: there acronyms are read by [`uncapitalised_evidence`].
fn acronym_over_small_town(
    doc: &Doc,
    c: &Cues,
    t: usize,
    head: bool,
    plain_end: usize,
    gm: Option<&lexicon::Match>,
    out: &mut Vec<Candidate>,
) -> Option<usize> {
    let m = gm?;
    let tok = doc.tokens[t];
    let len = doc.raw(t).chars().count();
    if !c.capitals_mark_names
        || head
        || !tok.all_caps
        || plain_end != t + 1
        || m.end_token != t + 1
        || !(3..=6).contains(&len)
    {
        return None;
    }
    let small_town = |e: &Entry| matches!(e, Entry::Place(p) if p.kind == PlaceKind::City && !p.capital && p.population < SMALL_TOWN);
    if !m.entries.iter().all(small_town) || place_context(doc, c, t) || abbreviation(doc, t) {
        return None;
    }
    push_actor(doc, t, t + 1, ActorType::Organisation, 45, out);
    Some(t + 1)
}

/// Below this population, a town's name written in capitals is rather an acronym.
const SMALL_TOWN: u64 = 100_000;

/// A title at `t` ("President", "Minister"), after at most one more title,
/// then a capitalised name.
fn title_then_name(doc: &Doc, fr: &Framing, t: usize) -> bool {
    let title = |i: usize| {
        doc.tokens
            .get(i)
            .is_some_and(|x| x.upper && !x.all_caps && x.kind == TokKind::Word && !x.line_start)
            && fr.has(doc.norm(i), TITLE)
    };
    title(t) && (next_is_name(doc, t) && !title(t + 1) || title(t + 1) && next_is_name(doc, t + 1))
}
