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
