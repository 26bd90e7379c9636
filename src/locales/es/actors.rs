//! How Spanish names a state's forces: the demonym after the head
//! ("Ejército colombiano", "fuerzas armadas venezolanas"), with the words of
//! `data/lang/es/actors.tsv`.

use crate::actors::{Order, Phrases};
use std::sync::LazyLock;

/// The Spanish force phrases.
pub static PHRASES: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::parse(super::super::data::es::ACTORS_TSV(), Order::HeadFirst));

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
    fn forces_with_their_demonym_after_the_head() {
        let f =
            found("Las fuerzas armadas venezolanas y el ejército colombiano patrullan la zona.");
        assert!(
            f.contains(&"fuerzas armadas venezolanas".to_string()),
            "{f:?}"
        );
        assert!(f.contains(&"ejército colombiano".to_string()), "{f:?}");
    }
}
