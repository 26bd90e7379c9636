//! The English tables of the lexicon (`data/lang/en/`): demonyms with their
//! plurals, frequent words, country names (also those of a language without
//! its own: English is the language of canonical names).

use super::LOCALE;
use crate::lang::Lang;
use crate::lexicon::{country_name, demonym, is_common_word, is_demonym};

#[test]
fn demonyms_with_their_plurals() {
    let en = LOCALE.lang;
    assert_eq!(demonym(en, "iraqi"), Some("IQ"));
    assert_eq!(demonym(en, "iraqis"), Some("IQ"));
    assert_eq!(demonym(en, "russian"), Some("RU"));
    assert_eq!(demonym(en, "syrian"), Some("SY"));
    // Invariant endings take no -s.
    assert_eq!(demonym(en, "chinese"), Some("CN"));
    assert_eq!(demonym(en, "chineses"), None);
    // A French form is not English.
    assert_eq!(demonym(en, "syrienne"), None);
    assert!(is_demonym(en, "kurds"));
}

#[test]
fn common_words() {
    let en = LOCALE.lang;
    assert!(is_common_word(en, "mission"));
    assert!(is_common_word(en, "police"));
    assert!(!is_common_word(en, "deir"));
    // Country names are not "common words".
    assert!(!is_common_word(en, "turkey"));
}

#[test]
fn country_names() {
    let en = LOCALE.lang;
    assert_eq!(country_name("IQ", en), Some("Iraq"));
    assert_eq!(country_name("ZZ", en), None);
    // The canonical names: a language without a name for a country gets these.
    assert_eq!(country_name("sy", Lang::UND), Some("Syria"));
}
