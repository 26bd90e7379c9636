//! The French words between a feature's head and its name ("vallée de
//! l'Oronte", "mer du Nord", "golfe d'Aden"), from `data/lang/fr/places.tsv`.

use crate::places::Links;
use std::sync::LazyLock;

/// The French linking words.
pub static LINKS: LazyLock<Links> =
    LazyLock::new(|| Links::parse(super::super::data::fr::PLACES_TSV()));

#[cfg(test)]
mod tests {
    use super::super::LOCALE;
    use crate::text::Doc;

    #[test]
    fn feature_heads_with_a_name() {
        let text = "le long de la vallée de l'Oronte et de la mer du Nord";
        let doc = Doc::new(text);
        let mut out = Vec::new();
        crate::places::find(&doc, LOCALE.framing, LOCALE.places.map(|l| &**l), &mut out);
        let got: Vec<&str> = out.iter().map(|c| &text[c.start..c.end]).collect();
        assert!(got.contains(&"vallée de l'Oronte"), "{got:?}");
        assert!(got.contains(&"mer du Nord"), "{got:?}");
    }
}
