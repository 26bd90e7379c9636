//! The words around a name that say what it is: a determiner before it, a
//! title, a place preposition or trigger, a reporting verb, the start of a
//! clause. Each answers one question about the tokens next to a name, with
//! the cue words of the language's data ([`crate::framing`] tags), never
//! with words of its own.

use super::Cues;
use crate::framing::{
    Cue, Framing, CLAUSE_CONJUNCTION, CONTRACTED_OF, DEFINITE_ARTICLE, DETERMINER, ELIDED_ARTICLE,
    ELIDED_CONJUNCTION, ELIDED_OF, INVERTED_REPORTING_VERB, INVERTED_REPORT_END, OF, PLACE_PREP,
    PLACE_SUFFIX, PLACE_TRIGGER, PLURAL_DETERMINER, POSSESSIVE, REPORTING_AUX,
    REPORTING_PARTICIPLE, REPORTING_VERB, TITLE,
};
use crate::text::Doc;
use crate::text::TokKind;

/// True when token `i` exists and its folded word carries the cue `tag`.
pub(super) fn cue(doc: &Doc, f: &Framing, i: usize, tag: Cue) -> bool {
    i < doc.len() && f.has_cue(doc.norm(i), tag)
}

/// A determiner just before `t`: "le Conseil", "la Commission", "l'Assemblée", "the Senate".
pub(super) fn determiner_before(doc: &Doc, f: &Framing, t: usize) -> bool {
    let Some(p) = t.checked_sub(1) else {
        return false;
    };
    if doc.is_apostrophe(p) {
        return p >= 1 && cue(doc, f, p - 1, ELIDED_ARTICLE);
    }
    cue(doc, f, p, DETERMINER)
}

/// A plural determiner just before `t`: "des HLM", "les ONG".
pub(super) fn plural_determiner_before(doc: &Doc, f: &Framing, t: usize) -> bool {
    t >= 1 && cue(doc, f, t - 1, PLURAL_DETERMINER)
}

/// A reporting verb right after the name or right before it: "Jordan said",
/// "said Washington", "X a déclaré".
pub(super) fn reporting_verb_near(doc: &Doc, f: &Framing, t: usize, end: usize) -> bool {
    cue(doc, f, end, REPORTING_VERB)
        || (cue(doc, f, end, REPORTING_AUX) && cue(doc, f, end + 1, REPORTING_PARTICIPLE))
        || (t >= 1
            && cue(doc, f, t - 1, INVERTED_REPORTING_VERB)
            && cue(doc, f, end, INVERTED_REPORT_END))
}

/// A possessive at `t`: "Wang's", "Wang 's" (the possessive endings of
/// every language's words).
pub(super) fn possessive_after(doc: &Doc, c: &Cues, t: usize) -> bool {
    doc.is_apostrophe(t) && cue(doc, c.any_framing, t + 1, POSSESSIVE)
}

/// A title or function just before `t`: "président", "M.", "Gen.", "spokesman".
pub(super) fn title_before(doc: &Doc, fr: &Framing, t: usize) -> bool {
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
/// The preposition after the trigger is read in every language's words.
pub(super) fn place_context(doc: &Doc, c: &Cues, t: usize) -> bool {
    let fr = c.framing;
    let Some(p) = t.checked_sub(1) else {
        return false;
    };
    let w = doc.norm(p);
    // One look-up for both tags.
    if fr.tags(w) & (PLACE_PREP | PLACE_TRIGGER) != 0 {
        return true;
    }
    // "la ville de X", "la province d'X", "the town of X"
    let q = if doc.is_apostrophe(p) {
        p.checked_sub(1)
    } else {
        Some(p)
    };
    let Some(q) = q else { return false };
    if cue(doc, c.any_framing, q, OF.or(ELIDED_OF).or(CONTRACTED_OF)) {
        if let Some(r) = q.checked_sub(1) {
            return fr.has(doc.norm(r), PLACE_TRIGGER);
        }
    }
    false
}

/// A lower-case place word right after a name: "the Likoni district", "the
/// Nineveh province".
pub(super) fn suffix_after(doc: &Doc, fr: &Framing, end: usize) -> bool {
    doc.tokens
        .get(end)
        .is_some_and(|n| n.kind == TokKind::Word && !n.upper && doc.same_line(end))
        && fr.has(doc.norm(end), PLACE_SUFFIX)
}

/// Right after "of" in the language's words, whole or elided ("les
/// tuileries de Vernonnières", "d'Elf").
pub(super) fn after_of(doc: &Doc, f: &Framing, t: usize) -> bool {
    let Some(p) = t.checked_sub(1) else {
        return false;
    };
    if doc.is_apostrophe(p) {
        return p >= 1 && cue(doc, f, p - 1, ELIDED_OF);
    }
    cue(doc, f, p, OF)
}

/// The first token of a name with its definite article ("la France",
/// "l'Irak", "the US"), found in the words of `f`.
pub(super) fn without_determiner(doc: &Doc, f: &Framing, t: usize) -> usize {
    if t >= 2 && doc.is_apostrophe(t - 1) && cue(doc, f, t - 2, ELIDED_ARTICLE) {
        t - 2
    } else if t >= 1 && cue(doc, f, t - 1, DEFINITE_ARTICLE) {
        t - 1
    } else {
        t
    }
}

/// The token after a definite article at `t` ("la", "l'", "the"), or `t`.
pub(super) fn determiner_end(doc: &Doc, f: &Framing, t: usize) -> usize {
    if cue(doc, f, t, ELIDED_ARTICLE) && doc.is_apostrophe(t + 1) {
        t + 2
    } else if cue(doc, f, t, DEFINITE_ARTICLE) {
        t + 1
    } else {
        t
    }
}

/// True when a clause can start at `s`: a sentence or line start, or after
/// a comma, a conjunction or a complementiser.
pub(super) fn clause_start(doc: &Doc, f: &Framing, s: usize) -> bool {
    let Some(tok) = doc.tokens.get(s) else {
        return false;
    };
    if tok.sentence_start || tok.line_start || s == 0 {
        return true;
    }
    let p = doc.norm(s - 1);
    matches!(p, "," | ";" | ":" | ">" | "(")
        || f.has_cue(p, CLAUSE_CONJUNCTION)
        || (doc.is_apostrophe(s - 1) && s >= 2 && cue(doc, f, s - 2, ELIDED_CONJUNCTION))
}

/// True when `folded` names a month or a weekday in the language
/// (its date grammar's own word list).
pub(super) fn is_month_or_weekday(c: &Cues, folded: &str) -> bool {
    use crate::dates::words::Cat;
    // One look-up of the word, both categories read from its entry.
    c.date_words.is_some_and(|w| {
        w.entry(folded)
            .is_some_and(|e| e.get(Cat::Month).is_some() || e.get(Cat::Weekday).is_some())
    })
}
