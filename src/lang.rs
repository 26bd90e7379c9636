//! Which language a dispatch is in: French, English, or another (`und`).
//!
//! Counting frequent function words is enough for wire copy, which is never a
//! mix; it costs one hash look-up per short word. The word lists are data
//! (`data/lang/<code>/stopwords.txt`).

use crate::text::hash::WordSet as Set;
use crate::text::{Doc, TokKind};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// A language depeche knows, or `Und` for any other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
    Und,
}

impl Lang {
    /// `fr`, `en` or `und`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Und => "und",
        }
    }

    /// Parses `fr`, `en` or `und` (case-insensitive; `fr-FR`, `en-GB` accepted).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let primary = s.split(['-', '_']).next().unwrap_or("");
        match primary {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            "und" => Some(Lang::Und),
            _ => None,
        }
    }
}

/// Parses a word list: one folded word per line, `#` comments and blank lines skipped.
pub fn word_list(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Function words hashed with the word hasher: detection looks up nearly
/// every word of a text, and SipHash cost it a twentieth of the run.
type WordSet = Set<&'static str>;

fn stopwords() -> &'static (WordSet, WordSet) {
    static SETS: OnceLock<(WordSet, WordSet)> = OnceLock::new();
    SETS.get_or_init(|| {
        (
            word_list(include_str!("../data/lang/fr/stopwords.txt")).collect(),
            word_list(include_str!("../data/lang/en/stopwords.txt")).collect(),
        )
    })
}

/// True when `folded` (lower case, no accents) is a function word of `lang`
/// ("le", "des", "the", "of"); never for `Und`.
pub fn is_stopword(lang: Lang, folded: &str) -> bool {
    let (fr, en) = stopwords();
    match lang {
        Lang::Fr => fr.contains(folded),
        Lang::En => en.contains(folded),
        Lang::Und => false,
    }
}

/// Detects the language from function words; `Und` when neither French nor
/// English words make up a noticeable share of the text.
pub fn detect(doc: &Doc) -> Lang {
    let (fr, en) = stopwords();
    let (mut nf, mut ne, mut words) = (0usize, 0usize, 0usize);
    for (t, tok) in doc.tokens.iter().enumerate() {
        if tok.kind != TokKind::Word {
            continue;
        }
        words += 1;
        let w = doc.norm(t);
        if w.len() <= 7 {
            nf += fr.contains(w) as usize;
            ne += en.contains(w) as usize;
        }
        if words >= 2000 {
            break;
        }
    }
    let best = nf.max(ne);
    // Function words are a quarter or more of running text; a few hits in a
    // long text in another language (names, "de") must not count.
    if best < 2 || best * 12 < words {
        return Lang::Und;
    }
    if nf >= ne {
        Lang::Fr
    } else {
        Lang::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_french_english_and_other() {
        let fr = Doc::new("L'armée syrienne a repris la ville de Deir Ezzor, selon l'OSDH.");
        assert_eq!(detect(&fr), Lang::Fr);
        let en = Doc::new("The Syrian army has retaken the city of Deir Ezzor, the monitor said.");
        assert_eq!(detect(&en), Lang::En);
        let de = Doc::new("Die syrische Armee hat die Stadt Deir Ezzor zurückerobert, sagte er.");
        assert_eq!(detect(&de), Lang::Und);
        assert_eq!(detect(&Doc::new("")), Lang::Und);
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("xx"), None);
    }
}
