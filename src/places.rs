//! Places named by a common noun: geographic features whose name starts with
//! a lower-case word in French ("la vallée de l'Euphrate", "la bande de Gaza",
//! "le golfe Persique") and so escape the capitalised-name pass of
//! [`crate::names`]. Triggers on the head words of `data/lang/<code>/names.tsv`;
//! the gazetteer decides first, then the pattern "head de Name".

use crate::framing::{Framing, PLACE_HEAD};
use crate::lang::Lang;
use crate::lexicon::{self, Entry};
use crate::span::{Candidate, Kind, Source};
use crate::text::shape::compound_end;
use crate::text::{Doc, TokKind};

/// Proposes place candidates for feature names.
pub fn find(doc: &Doc, lang: Lang, fr: &Framing, out: &mut Vec<Candidate>) {
    if lang == Lang::UND {
        return;
    }
    for t in 0..doc.len() {
        let tok = doc.tokens[t];
        if tok.kind != TokKind::Word || tok.upper || !fr.has(doc.norm(t), PLACE_HEAD) {
            continue;
        }
        if let Some(m) = lexicon::longest_match(doc, t) {
            if let Some(Entry::Place(p)) = m.entries.iter().find(|e| matches!(e, Entry::Place(_))) {
                out.push(
                    Candidate::new(tok.start, m.end, Kind::Place, Source::Lexicon, 82)
                        .with_value(p.value()),
                );
                continue;
            }
        }
        if let Some(end) = head_de_name(doc, t) {
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
fn head_de_name(doc: &Doc, t: usize) -> Option<usize> {
    let mut n = t + 1;
    match doc.tokens.get(n).map(|_| doc.norm(n)) {
        Some("de") | Some("du") | Some("des") => {
            n += 1;
            if doc.is(n, "la") {
                n += 1;
            } else if doc.is(n, "l") && doc.is_apostrophe(n + 1) {
                n += 2;
            }
        }
        Some("d") | Some("l") if doc.is_apostrophe(n + 1) => n += 2,
        _ => {}
    }
    let x = doc.tokens.get(n)?;
    if x.kind != TokKind::Word || !x.upper || x.line_start || x.all_caps {
        return None;
    }
    Some(compound_end(doc, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_heads_with_a_name() {
        let text = "le long de la vallée de l'Oronte et de la mer du Nord";
        let doc = Doc::new(text);
        let mut out = Vec::new();
        find(
            &doc,
            crate::lang::FR,
            crate::locales::of(crate::lang::FR).framing,
            &mut out,
        );
        let got: Vec<&str> = out.iter().map(|c| &text[c.start..c.end]).collect();
        assert!(got.contains(&"vallée de l'Oronte"), "{got:?}");
        assert!(got.contains(&"mer du Nord"), "{got:?}");
    }
}
