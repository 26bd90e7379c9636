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
