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
