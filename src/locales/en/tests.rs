use super::LOCALE;
use crate::lang::Lang;
use crate::locales::detect;
use crate::text::Doc;

#[test]
fn english_copy_is_detected_as_english() {
    let doc = Doc::new("Firefighters put out the forest fire after three days, the mayor said.");
    assert_eq!(detect(&doc), LOCALE.lang);
    assert_eq!(Lang::parse("en-GB"), Some(LOCALE.lang));
}

#[test]
fn english_framing_words_carry_their_tags() {
    use crate::framing::*;
    let f: &Framing = LOCALE.framing;
    assert!(f.has("spokesman", TITLE) && f.has("river", PLACE_SUFFIX));
    assert!(f.has_agent("has", AGENT_AUX) && !f.has_agent("has", AGENT_VERB));
    assert!(!crate::locales::UND.framing.has("president", TITLE));
}
