//! The names pass on sentences of our own, language by language.

use super::*;
use crate::span::{ActorType, ActorValue, Kind, Value};

fn spans(text: &str, lang: Lang) -> Vec<(String, Kind)> {
    let doc = Doc::new(text);
    let mut out = Vec::new();
    find(
        &doc,
        lang,
        crate::locales::of(lang).names,
        &Setting::default(),
        &mut out,
    );
    crate::resolve::resolve(text, out)
        .into_iter()
        .map(|s| (s.text, s.kind))
        .collect()
}

#[test]
fn a_sentence_opening_with_a_function_word_keeps_the_name_after_it() {
    let s = spans("Le Conseil de sécurité doit se réunir.", crate::lang::FR);
    assert_eq!(s, [("Conseil de sécurité".to_string(), Kind::Actor)]);
    let s = spans(
        "Selon lui, le Conseil de sécurité se réunira.",
        crate::lang::FR,
    );
    assert_eq!(s, [("Conseil de sécurité".to_string(), Kind::Actor)]);
    let s = spans("The UN Security Council met on Friday.", crate::lang::EN);
    assert_eq!(s, [("UN Security Council".to_string(), Kind::Actor)]);
    // A name that starts with the article stays whole.
    let s = spans("The Hague court ruled.", crate::lang::EN);
    assert!(s.contains(&("The Hague".to_string(), Kind::Place)), "{s:?}");
}

#[test]
fn articles_demonyms_and_place_words_around_names() {
    let s = spans(
        "Police said the men had links to al Shabaab, the Somali militant group allied with al Qaeda.",
        crate::lang::EN,
    );
    assert_eq!(
        s,
        [
            ("al Shabaab".to_string(), Kind::Actor),
            ("al Qaeda".to_string(), Kind::Actor)
        ]
    );
    let s = spans(
        "They were detained in the Likoni district on Monday.",
        crate::lang::EN,
    );
    assert!(s.contains(&("Likoni".to_string(), Kind::Place)), "{s:?}");
}

#[test]
fn months_and_weekdays_in_mid_sentence_are_not_towns() {
    // "March" is a town in England, "Sunday" a frequent word: with a
    // capital in mid-sentence they are still dates, not names.
    let s = spans(
        "The summit will open in March in Washington.",
        crate::lang::EN,
    );
    assert!(!s.iter().any(|(t, _)| t == "March"), "{s:?}");
    assert!(
        s.contains(&("Washington".to_string(), Kind::Place)),
        "{s:?}"
    );
    let s = spans(
        "Rebels shelled the town on Sunday and Monday.",
        crate::lang::EN,
    );
    assert!(s.is_empty(), "{s:?}");
}

#[test]
fn titles_make_people_without_the_title() {
    let s = spans(
        "Selon le président Bachar al-Assad, rien ne change.",
        crate::lang::FR,
    );
    assert!(
        s.contains(&("Bachar al-Assad".to_string(), Kind::Actor)),
        "{s:?}"
    );
    let s = spans(
        "The operation was led by Gen. Joseph Votel, officials said.",
        crate::lang::EN,
    );
    assert!(
        s.contains(&("Joseph Votel".to_string(), Kind::Actor)),
        "{s:?}"
    );
    let s = spans(
        "It was confirmed by President Emmanuel Macron on Monday.",
        crate::lang::EN,
    );
    assert!(
        s.contains(&("Emmanuel Macron".to_string(), Kind::Actor)),
        "{s:?}"
    );
}

#[test]
fn sentence_starts_and_headlines_need_more_than_a_capital() {
    let s = spans("Retranchés dans la zone, ils attendent.", crate::lang::FR);
    assert!(s.is_empty(), "{s:?}");
    let s = spans(
        "FIGHTING CONTINUES AS TALKS STALL IN GENEVA",
        crate::lang::EN,
    );
    assert!(
        !s.iter().any(|(t, _)| t == "FIGHTING" || t == "TALKS"),
        "{s:?}"
    );
}

#[test]
fn context_makes_places_and_organisations() {
    let s = spans(
        "Une forge fut installée à Dammarie-sur-Saulx en 1450.",
        crate::lang::FR,
    );
    assert!(
        s.contains(&("Dammarie-sur-Saulx".to_string(), Kind::Place)),
        "{s:?}"
    );
    let s = spans("Il a rejoint la Banque de France.", crate::lang::FR);
    assert!(
        s.contains(&("Banque de France".to_string(), Kind::Actor)),
        "{s:?}"
    );
    let s = spans(
        "Shares of Acme Holdings Corp fell sharply.",
        crate::lang::EN,
    );
    assert!(
        s.contains(&("Acme Holdings Corp".to_string(), Kind::Actor)),
        "{s:?}"
    );
    let s = spans(
        "Boats moved along the Zarqa River overnight.",
        crate::lang::EN,
    );
    assert!(
        s.contains(&("Zarqa River".to_string(), Kind::Place)),
        "{s:?}"
    );
}

#[test]
fn countries_and_capitals_as_subjects_of_agent_verbs_are_actors() {
    let kind = |text: &str, lang: Lang, name: &str| {
        spans(text, lang)
            .into_iter()
            .find(|(t, _)| t == name)
            .map(|(_, k)| k)
    };
    let fr = "Selon l'ONU, la France, qui a retiré ses troupes du pays, a appelé \
              mardi à un cessez-le-feu.";
    assert_eq!(kind(fr, crate::lang::FR, "France"), Some(Kind::Actor));
    let fr = "Après des semaines de tractations, Washington et Moscou ont convenu d'une trêve.";
    assert_eq!(kind(fr, crate::lang::FR, "Washington"), Some(Kind::Actor));
    assert_eq!(kind(fr, crate::lang::FR, "Moscou"), Some(Kind::Actor));
    let en = "The talks stalled, while France said it would send more troops.";
    assert_eq!(kind(en, crate::lang::EN, "France"), Some(Kind::Actor));
    let en = "Officials met on Monday. Iran, which denies the charges, urged calm.";
    assert_eq!(kind(en, crate::lang::EN, "Iran"), Some(Kind::Actor));
    // Places stay places: in a list, after a preposition, as the subject
    // of a verb of being.
    let fr = "Des combats ont eu lieu en Syrie, en Irak et au Liban, a indiqué l'OSDH.";
    assert_eq!(kind(fr, crate::lang::FR, "Irak"), Some(Kind::Place));
    let en = "Leaders from Niger, Guinea and Ghana -- are expected to attend.";
    assert_eq!(kind(en, crate::lang::EN, "Guinea"), Some(Kind::Place));
    let en = "A wreck off Newfoundland, Canada, fell back to the bottom of the sea.";
    assert_eq!(kind(en, crate::lang::EN, "Canada"), Some(Kind::Place));
    let en = "The delegation flew to Paris and London on Monday.";
    assert_eq!(kind(en, crate::lang::EN, "London"), Some(Kind::Place));
}

#[test]
fn irish_names_arabic_articles_and_plural_words_at_sentence_starts() {
    let s = spans(
        "Police questioned O'Brien and O'Neill on Monday.",
        crate::lang::EN,
    );
    assert!(s.contains(&("O'Brien".to_string(), Kind::Actor)), "{s:?}");
    assert!(s.contains(&("O'Neill".to_string(), Kind::Actor)), "{s:?}");
    let s = spans(
        "Des frappes ont visé al-Bab et Bachar al-Assad a réagi.",
        crate::lang::FR,
    );
    assert!(s.contains(&("al-Bab".to_string(), Kind::Place)), "{s:?}");
    assert!(
        s.contains(&("Bachar al-Assad".to_string(), Kind::Actor)),
        "{s:?}"
    );
    // The plural of a frequent word heading a sentence is no name.
    let s = spans(
        "Talks resumed. Analysts said the deal would hold.",
        crate::lang::EN,
    );
    assert!(s.is_empty(), "{s:?}");
    // Nor is the first word of the story after a dateline.
    let r = crate::annotate(
        "KABUL, May 4 (Reuters) - Gunmen attacked a checkpoint on Wednesday.",
        &crate::Options::default(),
    );
    assert!(!r.spans.iter().any(|s| s.text == "Gunmen"), "{:?}", r.spans);
}

#[test]
fn middle_initials_stay_inside_names() {
    let s = spans(
        "The decision by George W. Bush angered Bernard B. Fall.",
        crate::lang::EN,
    );
    assert!(
        s.contains(&("George W. Bush".to_string(), Kind::Actor)),
        "{s:?}"
    );
    assert!(
        s.contains(&("Bernard B. Fall".to_string(), Kind::Actor)),
        "{s:?}"
    );
    // A sentence ending on a letter does not run into the next one.
    let s = spans("It was Group A. The rest followed.", crate::lang::EN);
    assert!(!s.iter().any(|(t, _)| t.contains("The")), "{s:?}");
}

#[test]
fn frequent_words_that_speak_or_own_are_names() {
    let s = spans(
        "Police said Wang 's arrest was political, and Woods said so too.",
        crate::lang::EN,
    );
    assert!(
        s.iter().any(|(t, k)| t == "Wang" && *k == Kind::Actor),
        "{s:?}"
    );
    assert!(
        s.iter().any(|(t, k)| t == "Woods" && *k == Kind::Actor),
        "{s:?}"
    );
    // Not when the document writes the word in lower case too.
    let s = spans(
        "Then Woods said so. They walked in the woods.",
        crate::lang::EN,
    );
    assert!(!s.iter().any(|(t, _)| t == "Woods"), "{s:?}");
}

#[test]
fn initials_make_people() {
    let s = spans(
        "Somerset 83 ( P. Simmons 4-38 ) and then J.P. Smith.",
        crate::lang::EN,
    );
    assert!(
        s.contains(&("P. Simmons".to_string(), Kind::Actor)),
        "{s:?}"
    );
    assert!(
        s.contains(&("J.P. Smith".to_string(), Kind::Actor)),
        "{s:?}"
    );
    // A dotted abbreviation the gazetteer knows is not a person's
    // initial: "U.S. Treasury" is the gazetteer's government.
    let text = "The U.S. Treasury said so.";
    let doc = Doc::new(text);
    let mut out = Vec::new();
    find(
        &doc,
        crate::lang::EN,
        crate::locales::of(crate::lang::EN).names,
        &Setting::default(),
        &mut out,
    );
    let spans = crate::resolve::resolve(text, out);
    let treasury = spans.iter().find(|s| s.text == "U.S. Treasury");
    assert!(
        matches!(
            treasury.and_then(|s| s.value.as_ref()),
            Some(Value::Actor(ActorValue {
                actor_type: Some(ActorType::Government),
                ..
            }))
        ),
        "{spans:?}"
    );
}

#[test]
fn frequent_words_with_a_capital_are_names_unless_written_in_lower_case() {
    let s = spans("Elle montait à Metz chaque semaine.", crate::lang::FR);
    assert!(s.contains(&("Metz".to_string(), Kind::Place)), "{s:?}");
    let s = spans(
        "Il partait à Metz. Le metz est un mot inventé ici.",
        crate::lang::FR,
    );
    assert!(!s.iter().any(|(t, _)| t == "Metz"), "{s:?}");
    let s = spans("Nous demandons que le Conseil agisse.", crate::lang::FR);
    assert!(s.contains(&("Conseil".to_string(), Kind::Actor)), "{s:?}");
    let s = spans("Une fumée au Nord de la ville.", crate::lang::FR);
    assert!(s.is_empty(), "{s:?}");
}

#[test]
fn towns_beside_scores_are_teams() {
    let text = "Results on Saturday :\nLeeds 2 Arsenal 1\nBristol 0 Chelsea 3\nPostponed : Leeds v Everton";
    let s = spans(text, crate::lang::EN);
    assert!(s.contains(&("Bristol".to_string(), Kind::Actor)), "{s:?}");
    assert!(s.contains(&("Everton".to_string(), Kind::Actor)), "{s:?}");
    // One number beside a town is no result.
    let s = spans("He flew to Bristol 2 days ago.", crate::lang::EN);
    assert!(s.contains(&("Bristol".to_string(), Kind::Place)), "{s:?}");
}

#[test]
fn surnames_take_the_reading_of_the_full_name() {
    let s = spans(
        "Republican Bob Dole spoke on Monday. Dole said taxes would fall.",
        crate::lang::EN,
    );
    let doles: Vec<_> = s.iter().filter(|(t, _)| t.contains("Dole")).collect();
    assert_eq!(doles.len(), 2, "{s:?}");
    assert!(doles.iter().all(|(_, k)| *k == Kind::Actor), "{s:?}");
}

#[test]
fn french_institutions_particles_and_names_after_de() {
    let s = spans(
        "Le rapport de la commission sera transmis à l'Union européenne et au Conseil.",
        crate::lang::FR,
    );
    assert!(
        s.contains(&("Union européenne".to_string(), Kind::Actor)),
        "{s:?}"
    );
    assert!(s.contains(&("Conseil".to_string(), Kind::Actor)), "{s:?}");
    let s = spans("Il a reçu Valéry Giscard d'Estaing hier.", crate::lang::FR);
    assert!(
        s.contains(&("Valéry Giscard d'Estaing".to_string(), Kind::Actor)),
        "{s:?}"
    );
    // After "de": a town-shaped name is a place, any other is not.
    let s = spans(
        "Les tuileries de Vernonnières et le parti de Kessler.",
        crate::lang::FR,
    );
    assert!(
        s.contains(&("Vernonnières".to_string(), Kind::Place)),
        "{s:?}"
    );
    assert!(!s.contains(&("Kessler".to_string(), Kind::Place)), "{s:?}");
    // An acronym after a plural determiner is a common noun.
    let s = spans("Les ascenseurs des HLM sont en panne.", crate::lang::FR);
    assert!(s.is_empty(), "{s:?}");
}
