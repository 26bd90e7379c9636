//! Is a word an ordinary one? The language's frequent words and their
//! plurals. Its own module because the name ladder, the sports rules and the
//! organisations named after a place all ask it, and the ladder calls the
//! last: kept in the ladder, it made a circle between the two.

use super::Cues;
use crate::framing::PLURAL_ENDING;
use crate::lang::Lang;
use crate::lexicon;

/// A frequent word, or the plural of one ("Analysts", "Eyewitnesses",
/// "Policies", "Experts"): the word lists hold mostly singulars.
pub(super) fn common_or_plural(lang: Lang, c: &Cues, w: &str) -> bool {
    if lexicon::is_common_word(lang, w) {
        return true;
    }
    let stem = |suffix: &str| w.strip_suffix(suffix).filter(|s| s.len() >= 3);
    let common = |s: &str| lexicon::is_common_word(lang, s);
    (c.framing.has_any(0, PLURAL_ENDING)
        && c.framing
            .endings(PLURAL_ENDING)
            .any(|e| stem(e).is_some_and(common)))
        || (c.plural_ies_to_y && stem("ies").is_some_and(|s| common(&format!("{s}y"))))
}
