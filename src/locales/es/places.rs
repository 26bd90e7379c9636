//! The Spanish words between a feature's head and its name ("valle del
//! Cauca", "golfo de México", "río de la Plata"), from `data/lang/es/places.tsv`.

use crate::places::Links;
use std::sync::LazyLock;

/// The Spanish linking words.
pub static LINKS: LazyLock<Links> =
    LazyLock::new(|| Links::parse(super::super::data::es::PLACES_TSV()));

#[cfg(test)]
mod tests {
    use super::super::LOCALE;
    use crate::text::Doc;

    #[test]
    fn feature_heads_with_a_name() {
        let text = "a lo largo del valle del Cauca y del golfo de Urabá";
        let doc = Doc::new(text);
        let mut out = Vec::new();
        crate::places::find(&doc, LOCALE.framing, LOCALE.places.map(|l| &**l), &mut out);
        let got: Vec<&str> = out.iter().map(|c| &text[c.start..c.end]).collect();
        assert!(got.contains(&"valle del Cauca"), "{got:?}");
        assert!(got.contains(&"golfo de Urabá"), "{got:?}");
    }
}
