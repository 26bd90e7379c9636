//! How English names a state's forces: the demonym before the head ("Syrian
//! army", "Iraqi security forces"), with the words of
//! `data/lang/en/actors.tsv`.

use crate::actors::{Order, Phrases};
use std::sync::LazyLock;

/// The English force phrases.
pub static PHRASES: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::parse(super::super::data::en::ACTORS_TSV(), Order::DemonymFirst));

#[cfg(test)]
mod tests {
    use super::super::LOCALE;
    use crate::text::Doc;

    fn found(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        let mut out = Vec::new();
        crate::actors::find(
            &doc,
            LOCALE.lang,
            LOCALE.framing,
            LOCALE.actors.map(|p| &**p),
            &mut out,
        );
        out.iter()
            .map(|c| text[c.start..c.end].to_string())
            .collect()
    }

    #[test]
    fn forces_and_no_lone_heads() {
        let f = found("backed by Syrian armed forces and the army");
        assert!(f.contains(&"Syrian armed forces".to_string()), "{f:?}");
        assert!(!f.iter().any(|x| x == "army"), "{f:?}");
        let f = found("Kurdish fighters held the line");
        assert!(f.contains(&"Kurdish fighters".to_string()), "{f:?}");
    }
}
