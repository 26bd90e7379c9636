//! The French tables of the lexicon (`data/lang/fr/`): demonyms of every
//! gender and number, frequent words, country names.

use super::LOCALE;
use crate::lang::Lang;
use crate::lexicon::{country_name, demonym, is_common_word, is_demonym};

#[test]
fn demonyms_any_gender_and_number() {
    let fr = LOCALE.lang;
    for w in ["syrien", "syrienne", "syriens", "syriennes"] {
        assert_eq!(demonym(fr, w), Some("SY"), "{w}");
    }
    assert_eq!(demonym(fr, "irakiens"), Some("IQ"));
    assert_eq!(demonym(fr, "russes"), Some("RU"));
    assert_eq!(demonym(fr, "iranien"), Some("IR"));
    // Curated (demonyms_curated.tsv): américain, and peoples without a state.
    assert_eq!(demonym(fr, "americaine"), Some("US"));
    assert_eq!(demonym(fr, "kurde"), None);
    assert!(is_demonym(fr, "kurdes"));
    assert!(!is_demonym(fr, "maison"));
    // A text of unknown language reads French demonyms too.
    assert_eq!(demonym(Lang::UND, "syrienne"), Some("SY"));
}

#[test]
fn common_words() {
    let fr = LOCALE.lang;
    assert!(is_common_word(fr, "maison"));
    assert!(is_common_word(fr, "armee"));
    // Country and big-city names are not "common words", nor not_common.txt's.
    assert!(!is_common_word(fr, "paris"));
    assert!(!is_common_word(fr, "alsace"));
    assert!(!is_common_word(fr, "lorraine"));
    assert!(is_common_word(fr, "croisiere"));
}

#[test]
fn country_names() {
    let fr = LOCALE.lang;
    assert_eq!(country_name("sy", fr), Some("Syrie"));
    assert_eq!(country_name("US", fr), Some("États-Unis"));
    assert_eq!(country_name("ZZ", fr), None);
}
