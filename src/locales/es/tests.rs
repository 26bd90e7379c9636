use super::LOCALE;
use crate::lang::Lang;
use crate::locales::detect;
use crate::text::Doc;

#[test]
fn spanish_copy_is_detected_as_spanish() {
    let doc =
        Doc::new("Los bomberos apagaron ayer el incendio del bosque tras tres días de trabajo.");
    assert_eq!(detect(&doc), LOCALE.lang);
    assert_eq!(Lang::parse("es-CO"), Some(LOCALE.lang));
}

#[test]
fn spanish_framing_words_carry_their_tags() {
    use crate::framing::*;
    let f: &crate::framing::Framing = LOCALE.framing;
    assert!(f.has("presidente", TITLE));
    assert!(f.has("ejercito", MILITARY) && f.has("ejercito", ORG_HEAD));
    assert_eq!(f.tags("casa"), 0);
}
