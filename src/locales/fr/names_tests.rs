//! How names read French, on sentences of our own.

use super::LOCALE;
use crate::names::tests::has;
use crate::span::Kind;

fn spans(text: &str) -> Vec<(String, Kind)> {
    crate::names::tests::spans(text, LOCALE.lang)
}

#[test]
fn a_sentence_opening_with_a_function_word_keeps_the_name_after_it() {
    let s = spans("Le Conseil de sécurité doit se réunir.");
    assert_eq!(s, [("Conseil de sécurité".to_string(), Kind::Actor)]);
    let s = spans("Selon lui, le Conseil de sécurité se réunira.");
    assert_eq!(s, [("Conseil de sécurité".to_string(), Kind::Actor)]);
}

#[test]
fn titles_make_people_without_the_title() {
    let s = spans("Selon le président Bachar al-Assad, rien ne change.");
    assert!(has(&s, "Bachar al-Assad", Kind::Actor), "{s:?}");
}

#[test]
fn a_capital_at_a_sentence_start_is_no_name() {
    let s = spans("Retranchés dans la zone, ils attendent.");
    assert!(s.is_empty(), "{s:?}");
}

#[test]
fn context_makes_places_and_organisations() {
    let s = spans("Une scierie a ouvert à Morlaincourt-sur-Ornelle en 1902.");
    assert!(has(&s, "Morlaincourt-sur-Ornelle", Kind::Place), "{s:?}");
    let s = spans("Il a rejoint la Banque de France.");
    assert!(has(&s, "Banque de France", Kind::Actor), "{s:?}");
}

#[test]
fn countries_and_capitals_as_subjects_of_agent_verbs_are_actors() {
    let s = spans(
        "Selon l'ONU, la France, qui a retiré ses troupes du pays, a appelé \
         mardi à un cessez-le-feu.",
    );
    assert!(has(&s, "France", Kind::Actor), "{s:?}");
    let s =
        spans("Après des semaines de tractations, Washington et Moscou ont convenu d'une trêve.");
    assert!(has(&s, "Washington", Kind::Actor), "{s:?}");
    assert!(has(&s, "Moscou", Kind::Actor), "{s:?}");
    // Places stay places: in a list, after a preposition.
    let s = spans("Des combats ont eu lieu en Syrie, en Irak et au Liban, a indiqué l'OSDH.");
    assert!(has(&s, "Irak", Kind::Place), "{s:?}");
}

#[test]
fn arabic_articles_open_and_join_names() {
    let s = spans("Des frappes ont visé al-Bab et Bachar al-Assad a réagi.");
    assert!(has(&s, "al-Bab", Kind::Place), "{s:?}");
    assert!(has(&s, "Bachar al-Assad", Kind::Actor), "{s:?}");
}

#[test]
fn frequent_words_with_a_capital_are_names_unless_written_in_lower_case() {
    // "tours" is a French word (common_nouns.txt) and a town.
    let s = spans("Chaque été, il descendait à Tours pour la foire.");
    assert!(has(&s, "Tours", Kind::Place), "{s:?}");
    let s = spans("Il partait à Tours. Les tours de la ville sont hautes.");
    assert!(!s.iter().any(|(t, _)| t == "Tours"), "{s:?}");
    let s = spans("Nous demandons que le Conseil agisse.");
    assert!(has(&s, "Conseil", Kind::Actor), "{s:?}");
    let s = spans("Une fumée au Nord de la ville.");
    assert!(s.is_empty(), "{s:?}");
}

#[test]
fn institutions_particles_and_names_after_de() {
    let s = spans("Le rapport de la commission sera transmis à l'Union européenne et au Conseil.");
    assert!(has(&s, "Union européenne", Kind::Actor), "{s:?}");
    assert!(has(&s, "Conseil", Kind::Actor), "{s:?}");
    let s = spans("Il a reçu Valéry Giscard d'Estaing hier.");
    assert!(has(&s, "Valéry Giscard d'Estaing", Kind::Actor), "{s:?}");
    // After "de": a town-shaped name is a place, any other is not.
    let s = spans("Les tuileries de Vernonnières et le parti de Kessler.");
    assert!(has(&s, "Vernonnières", Kind::Place), "{s:?}");
    assert!(!has(&s, "Kessler", Kind::Place), "{s:?}");
    // An acronym after a plural determiner is a common noun.
    let s = spans("Les ascenseurs des HLM sont en panne.");
    assert!(s.is_empty(), "{s:?}");
}

#[test]
fn inhabitants_and_hyphenated_towns() {
    // A capitalised plural after an article names inhabitants, not an actor.
    let s = spans("Les élus ont reçu les Verdunois hier.");
    assert!(!s.iter().any(|(t, _)| t == "Verdunois"), "{s:?}");
    // A hyphenated compound shaped like a town is a place, with the flag on.
    let text = "Un incendie a touché Vrécourt-les-Forges hier.";
    let s = spans(text);
    assert!(has(&s, "Vrécourt-les-Forges", Kind::Place), "{s:?}");
    let off = crate::names::Cues {
        hyphenated_toponyms: false,
        ..**LOCALE.names
    };
    let s = crate::names::tests::spans_with(text, LOCALE.lang, &off);
    assert!(!has(&s, "Vrécourt-les-Forges", Kind::Place), "{s:?}");
}

#[test]
fn une_institution_nommee_par_son_lieu_est_une_organisation() {
    let s = spans("Le recteur de l'Université de Nancy a parlé hier aux étudiants.");
    assert!(has(&s, "Université de Nancy", Kind::Actor), "{s:?}");
}

#[test]
fn le_nom_d_un_peuple_n_est_pas_un_acteur() {
    let s = spans("Il faut aider les Serbes et les Kosovars à vivre ensemble.");
    assert!(!s.iter().any(|(_, k)| *k == Kind::Actor), "{s:?}");
}

#[test]
fn un_titre_en_capitales_n_est_pas_un_sigle() {
    let s = spans("Il a reçu MM. Farinet et Verneau, puis le PDG de la société.");
    assert!(
        !has(&s, "MM", Kind::Actor) && !has(&s, "PDG", Kind::Actor),
        "{s:?}"
    );
}

#[test]
fn un_sigle_qui_est_aussi_un_village_reste_un_sigle() {
    // "ASE" is also a small town of the gazetteer.
    let s = spans("Le rapport de l'ASE sur le lanceur a été publié hier.");
    assert!(has(&s, "ASE", Kind::Actor), "{s:?}");
}

#[test]
fn a_headline_in_capitals_names_what_the_dispatch_names() {
    // Capitals prove nothing in a headline: a word there takes the reading
    // the body of the dispatch gives the same word.
    let s = spans(
        "FOOTBALL : LE PORTUGAL BAT L'ISLANDE À LISBONNE\nLISBONNE, 1 sept 2019 (AFP) - \
         Le Portugal a battu l'Islande 3-0 samedi soir à Lisbonne.",
    );
    // The article the names piece keeps is trimmed later (resolve).
    assert!(has(&s, "LE PORTUGAL", Kind::Actor), "{s:?}");
}
