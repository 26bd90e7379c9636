//! How French names a state's forces: the demonym after the head ("armée
//! syrienne", "forces armées irakiennes"), with the words of
//! `data/lang/fr/actors.tsv`.

use crate::actors::{Order, Phrases};
use std::sync::LazyLock;

/// The French force phrases.
pub static PHRASES: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::parse(super::super::data::fr::ACTORS_TSV(), Order::HeadFirst));

#[cfg(test)]
mod tests {
    use super::super::LOCALE;
    use crate::span::Value;
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
    fn a_police_force_is_not_the_armed_forces() {
        let text = "La police irakienne et l'armée irakienne ont repris Mossoul.";
        let doc = Doc::new(text);
        let mut out = Vec::new();
        crate::actors::find(
            &doc,
            LOCALE.lang,
            LOCALE.framing,
            LOCALE.actors.map(|p| &**p),
            &mut out,
        );
        let names: Vec<String> = crate::resolve::resolve(text, out)
            .into_iter()
            .filter_map(|s| match s.value {
                Some(Value::Actor(a)) => Some(a.canonical),
                _ => None,
            })
            .collect();
        assert_eq!(names, ["Police of Iraq", "Armed forces of Iraq"]);
    }

    #[test]
    fn forces_and_compound_groups() {
        let f = found("reprise par l'armée syrienne et une coalition arabo-kurde");
        assert!(f.contains(&"coalition arabo-kurde".to_string()), "{f:?}");
        let f = found("le haut commandement de l'armée syrienne a dit");
        assert!(
            f.contains(&"haut commandement de l'armée syrienne".to_string()),
            "{f:?}"
        );
        let f = found("soutenue par ses alliés russe et iranien.");
        assert!(f.contains(&"alliés russe et iranien".to_string()), "{f:?}");
    }
}
