use super::LOCALE;
use crate::lang::Lang;
use crate::locales::detect;
use crate::text::Doc;

#[test]
fn french_copy_is_detected_as_french() {
    let doc = Doc::new("Les pompiers ont éteint l'incendie de la forêt au bout de trois jours.");
    assert_eq!(detect(&doc), LOCALE.lang);
    assert_eq!(Lang::parse("fr-FR"), Some(LOCALE.lang));
}

#[test]
fn french_framing_words_carry_their_tags() {
    use crate::framing::*;
    let f: &Framing = LOCALE.framing;
    assert!(f.has("president", TITLE));
    assert!(f.has("armee", MILITARY) && f.has("armee", ORG_HEAD));
    assert!(f.has("al", PARTICLE));
    assert_eq!(f.tags("maison"), 0);
    assert!(f.has_agent("annonce", AGENT_VERB) && !f.has("annonce", AGENT_VERB));
}

/// The spans of a French text annotated whole, with their kinds.
fn annotated(text: &str) -> Vec<(String, crate::span::Kind)> {
    let options = crate::Options {
        lang: Some(LOCALE.lang),
        ..crate::Options::default()
    };
    crate::annotate(text, &options)
        .spans
        .into_iter()
        .map(|s| (s.text, s.kind))
        .collect()
}

#[test]
fn streets_squares_and_parks_named_after_people_are_places() {
    use crate::span::Kind;
    let s =
        annotated("Une bagarre a éclaté hier soir sur la place Dumoulin, près du parc Lefèvre.");
    assert!(s.contains(&("place Dumoulin".into(), Kind::Place)), "{s:?}");
    assert!(s.contains(&("parc Lefèvre".into(), Kind::Place)), "{s:?}");
    let s = annotated("Le cortège a remonté l'avenue Foch jusqu'au boulevard Lamartine.");
    assert!(s.contains(&("avenue Foch".into(), Kind::Place)), "{s:?}");
    assert!(
        s.contains(&("boulevard Lamartine".into(), Kind::Place)),
        "{s:?}"
    );
    // "À la place de" a person is no square.
    let s = annotated("Il a été élu à la place de Jean Dupont.");
    assert!(s.contains(&("Jean Dupont".into(), Kind::Actor)), "{s:?}");
}

#[test]
fn a_town_opening_a_sentence_as_its_subject_is_found() {
    use crate::span::Kind;
    // A frequency list folds case: "metz" and "strasbourg" rank among
    // French words, yet no French word is spelt so (own_countries).
    let s = annotated("Metz accueille le sommet. Strasbourg a voté une subvention.");
    assert!(s.iter().any(|(t, _)| t == "Metz"), "{s:?}");
    assert!(s.iter().any(|(t, _)| t == "Strasbourg"), "{s:?}");
    // The common nouns that are towns stay words: "Somme toute" opens no place.
    let s = annotated("Somme toute, la gare restera fermée.");
    assert!(!s.iter().any(|(_, k)| *k == Kind::Place), "{s:?}");
}
