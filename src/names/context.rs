//! The words around a name that say what it is: a determiner before it, a
//! title, a place preposition or trigger, a reporting verb, the start of a
//! clause. Each answers one question about the tokens next to a name.

use crate::framing::{Framing, PLACE_PREP, PLACE_SUFFIX, PLACE_TRIGGER, TITLE};
use crate::lang::Lang;
use crate::text::Doc;
use crate::text::TokKind;

/// A determiner just before `t`: "le Conseil", "la Commission", "l'Assemblée", "the Senate".
pub(super) fn determiner_before(doc: &Doc, lang: Lang, t: usize) -> bool {
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
pub(super) fn plural_determiner_before(doc: &Doc, lang: Lang, t: usize) -> bool {
    t >= 1
        && match lang {
            crate::lang::FR => {
                matches!(doc.norm(t - 1), "des" | "les" | "aux" | "ces" | "plusieurs")
            }
            _ => false,
        }
}

/// A reporting verb right after the name or right before it: "Jordan said",
/// "said Washington", "a déclaré X".
pub(super) fn reporting_verb_near(doc: &Doc, lang: Lang, t: usize, end: usize) -> bool {
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

/// An English possessive at `t`: "Wang's", "Wang 's".
pub(super) fn possessive_after(doc: &Doc, t: usize) -> bool {
    doc.is_apostrophe(t) && doc.is(t + 1, "s")
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
pub(super) fn place_context(doc: &Doc, fr: &Framing, t: usize) -> bool {
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
pub(super) fn suffix_after(doc: &Doc, fr: &Framing, end: usize) -> bool {
    doc.tokens
        .get(end)
        .is_some_and(|n| n.kind == TokKind::Word && !n.upper && doc.same_line(end))
        && fr.has(doc.norm(end), PLACE_SUFFIX)
}

/// The first token of a name with its determiner ("la France", "l'Irak", "the US").
pub(super) fn without_determiner(doc: &Doc, lang: Lang, t: usize) -> usize {
    match lang {
        crate::lang::FR if t >= 2 && doc.is_apostrophe(t - 1) && doc.is(t - 2, "l") => t - 2,
        crate::lang::FR if t >= 1 && (doc.is(t - 1, "la") || doc.is(t - 1, "le")) => t - 1,
        crate::lang::EN if t >= 1 && doc.is(t - 1, "the") => t - 1,
        _ => t,
    }
}

/// The token after a determiner at `t` ("la", "l'", "the"), or `t`.
pub(super) fn determiner_end(doc: &Doc, lang: Lang, t: usize) -> usize {
    match lang {
        crate::lang::FR if doc.is(t, "l") && doc.is_apostrophe(t + 1) => t + 2,
        crate::lang::FR if doc.is(t, "la") || doc.is(t, "le") => t + 1,
        crate::lang::EN if doc.is(t, "the") => t + 1,
        _ => t,
    }
}

/// True when a clause can start at `s`: a sentence or line start, or after
/// a comma, a conjunction or a complementiser.
pub(super) fn clause_start(doc: &Doc, lang: Lang, s: usize) -> bool {
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
