use super::LOCALE;
use crate::lang::Lang;
use crate::locales::detect;
use crate::text::Doc;

#[test]
fn german_copy_is_detected_as_german() {
    let doc = Doc::new(
        "Die Feuerwehr hat den Brand im Wald nach drei Tagen gelöscht, sagte ein Sprecher.",
    );
    assert_eq!(detect(&doc), LOCALE.lang);
    assert_eq!(Lang::parse("de-DE"), Some(LOCALE.lang));
}

#[test]
fn german_framing_words_carry_their_tags() {
    use crate::framing::*;
    let f: &Framing = LOCALE.framing;
    assert!(f.has("bundeskanzlerin", TITLE));
    assert!(f.has("armee", MILITARY));
    assert!(f.has("von", PARTICLE));
    assert!(f.has_cue("laut", SOURCE_PREP));
}

#[test]
fn a_place_preposition_opening_a_sentence_is_no_part_of_the_name() {
    use crate::names::tests::{has, spans};
    use crate::span::Kind;
    let s = spans(
        "In Dresden wurde am Abend gewählt. Aus Kiel kamen die Gäste.",
        LOCALE.lang,
    );
    assert!(has(&s, "Dresden", Kind::Place), "{s:?}");
    assert!(has(&s, "Kiel", Kind::Place), "{s:?}");
}

#[test]
fn a_town_of_a_german_speaking_country_is_no_common_word() {
    use crate::names::tests::{has, spans};
    use crate::span::Kind;
    let s = spans(
        "Die Polizei suchte den Mann. Karlsruhe bleibt Sitz des Gerichts.",
        LOCALE.lang,
    );
    assert!(has(&s, "Karlsruhe", Kind::Place), "{s:?}");
}

#[test]
fn a_place_trigger_reads_the_next_name_even_when_it_is_a_frequent_word() {
    use crate::names::tests::{has, spans};
    use crate::span::Kind;
    let s = spans(
        "Das Geld ging an die Stadt Halle und an die Stadt Wien.",
        LOCALE.lang,
    );
    assert!(has(&s, "Halle", Kind::Place), "{s:?}");
    assert!(has(&s, "Wien", Kind::Place), "{s:?}");
}

#[test]
fn a_german_noun_that_names_a_place_elsewhere_is_no_place() {
    use crate::names::tests::spans;
    use crate::span::Kind;
    let s = spans(
        "Der Mann trug Gold. Er ging mit einem Mann zum Kanton.",
        LOCALE.lang,
    );
    assert!(s.iter().all(|(_, k)| *k != Kind::Place), "{s:?}");
}

#[test]
fn clubs_companies_and_parties_are_organisations() {
    use crate::names::tests::{has, spans};
    use crate::span::Kind;
    let s = spans(
        "Am Sonntag gewann der FC Carl Zeiss Jena gegen den SV Werder Bremen. \
         Die Aktie der Beispiel Holding AG stieg, die Grünen enthielten sich.",
        LOCALE.lang,
    );
    assert!(has(&s, "FC Carl Zeiss Jena", Kind::Actor), "{s:?}");
    assert!(has(&s, "SV Werder Bremen", Kind::Actor), "{s:?}");
    assert!(
        s.iter()
            .any(|(t, k)| t.starts_with("Grünen") && *k == Kind::Actor),
        "{s:?}"
    );
}

#[test]
fn a_name_right_after_a_finite_verb_is_a_name() {
    use crate::names::tests::spans;
    use crate::span::Kind;
    let s = spans(
        "Am Ende hatte sich Brannwitz durchgesetzt, und danach musste Olschewski gehen.",
        LOCALE.lang,
    );
    for name in ["Brannwitz", "Olschewski"] {
        assert!(
            s.iter().any(|(t, k)| t == name && *k != Kind::Date),
            "{name}: {s:?}"
        );
    }
}

#[test]
fn german_names_of_curated_regions_are_places() {
    use crate::names::tests::{has, spans};
    use crate::span::Kind;
    let s = spans(
        "Die Armee zog sich aus dem Gazastreifen zurück, die Hilfe kam aus Europa.",
        LOCALE.lang,
    );
    assert!(has(&s, "Gazastreifen", Kind::Place), "{s:?}");
    assert!(has(&s, "Europa", Kind::Place), "{s:?}");
}

#[test]
fn a_name_glued_to_a_compound_is_no_span() {
    use crate::span::Kind;
    let options = crate::Options {
        lang: Some(LOCALE.lang),
        ..Default::default()
    };
    let out = crate::annotate(
        "Ein Sprecher der EU-Kommission traf den US-Präsidenten in Baden-Württemberg.",
        &options,
    );
    let texts: Vec<&str> = out
        .spans
        .iter()
        .filter(|s| s.kind != Kind::Date)
        .map(|s| s.text.as_str())
        .collect();
    assert!(
        !texts.contains(&"EU") && !texts.contains(&"US"),
        "{texts:?}"
    );
    assert!(texts.contains(&"Baden-Württemberg"), "{texts:?}");
}

#[test]
fn a_noun_before_a_place_in_the_genitive_is_no_part_of_it() {
    use crate::names::tests::{has, spans};
    use crate::span::Kind;
    let s = spans(
        "Der Minister lobte die Wirtschaft Frankreichs und die Häfen Spaniens.",
        LOCALE.lang,
    );
    assert!(has(&s, "Frankreichs", Kind::Place), "{s:?}");
    assert!(has(&s, "Spaniens", Kind::Place), "{s:?}");
}

#[test]
fn german_exonyms_and_features_are_places() {
    use crate::names::tests::{has, spans};
    use crate::span::Kind;
    let s = spans(
        "Die Fähre fuhr über die Ostsee nach Kopenhagen, die Minister flogen nach Athen und Großbritannien.",
        LOCALE.lang,
    );
    for p in ["Ostsee", "Kopenhagen", "Athen", "Großbritannien"] {
        assert!(has(&s, p, Kind::Place), "{p}: {s:?}");
    }
}

#[test]
fn a_surname_that_is_a_frequent_word_is_a_name_where_a_name_is_expected() {
    use crate::names::tests::{has, spans};
    use crate::span::Kind;
    let s = spans(
        "Die Sitzung dauerte lange. Beck ist nach Hause gefahren, sagte Huber.",
        LOCALE.lang,
    );
    assert!(has(&s, "Beck", Kind::Actor), "{s:?}");
    assert!(has(&s, "Huber", Kind::Actor), "{s:?}");
}

#[test]
fn a_place_before_rare_capitalised_words_opens_a_club() {
    use crate::names::tests::{has, spans};
    use crate::span::Kind;
    let s = spans(
        "Am Abend verloren die Boston Celtics, in Berlin Schulen zu bauen bleibt teuer.",
        LOCALE.lang,
    );
    assert!(has(&s, "Boston Celtics", Kind::Actor), "{s:?}");
    assert!(has(&s, "Berlin", Kind::Place), "{s:?}");
}

#[test]
fn a_listed_company_is_an_organisation_without_a_cue() {
    use crate::names::tests::{has, spans};
    use crate::span::Kind;
    let s = spans(
        "Die Aktien von Commerzbank und Nokia legten zu, die Allianz der Willigen zerfiel.",
        LOCALE.lang,
    );
    assert!(has(&s, "Commerzbank", Kind::Actor), "{s:?}");
    assert!(has(&s, "Nokia", Kind::Actor), "{s:?}");
    assert!(!has(&s, "Allianz", Kind::Actor), "{s:?}");
}

#[test]
fn cities_and_regions_under_their_german_names_are_places() {
    use crate::span::Kind;
    let options = crate::Options {
        lang: Some(LOCALE.lang),
        ..Default::default()
    };
    let out = crate::annotate(
        "Die Delegation flog am Montag von Neapel über Straßburg nach Donezk , danach nach Südtirol und ins Ruhrgebiet .",
        &options,
    );
    let places: Vec<&str> = out
        .spans
        .iter()
        .filter(|s| s.kind == Kind::Place)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(
        places,
        ["Neapel", "Straßburg", "Donezk", "Südtirol", "Ruhrgebiet"]
    );
}

/// The actors and places of `text` read as German, through the whole pipeline.
fn names_of(text: &str) -> Vec<(String, crate::span::Kind)> {
    let options = crate::Options {
        lang: Some(LOCALE.lang),
        ..crate::Options::default()
    };
    crate::annotate(text, &options)
        .spans
        .into_iter()
        .filter(|s| s.kind != crate::span::Kind::Date)
        .map(|s| (s.text, s.kind))
        .collect()
}

#[test]
fn a_run_opened_by_a_quantity_or_a_currency_is_no_name() {
    let s = names_of(
        "Der Konzern erzielte einen Gewinn von 412 Mio Euro. Rund 40 Millionen Euro \
         flossen in neue Werke. Dutzende Anwohner protestierten.",
    );
    assert!(
        !s.iter()
            .any(|(t, _)| t.contains("Euro") || t.contains("Anwohner")),
        "{s:?}"
    );
}

#[test]
fn a_capitalised_function_word_inside_a_run_cuts_the_name() {
    use crate::span::Kind;
    let s = names_of(
        "Ortsgeschichte Der Weiler wurde im Jahr 1310 erstmals erwähnt. Quelle: \
         Wirtschaftsblatt, Autorin: Sabine Kreutzer Auf der Hannover Messe zeigte sie neue Geräte.",
    );
    assert!(
        s.contains(&("Sabine Kreutzer".to_string(), Kind::Actor)),
        "{s:?}"
    );
    assert!(
        !s.iter()
            .any(|(t, _)| t.contains("Ortsgeschichte") || t.contains(" Auf ")),
        "{s:?}"
    );
}

#[test]
fn a_web_platform_named_by_its_brand_is_an_organisation() {
    use crate::span::Kind;
    let s = names_of("Viele Nutzer kehren Facebook und Twitter nach dem Datenleck den Rücken.");
    assert!(s.contains(&("Facebook".to_string(), Kind::Actor)), "{s:?}");
    assert!(s.contains(&("Twitter".to_string(), Kind::Actor)), "{s:?}");
}

#[test]
fn an_abbreviation_of_a_common_noun_or_a_roman_numeral_is_no_name() {
    let s = names_of(
        "Der neue CEO stellte ein EBIT von 80 Millionen in Aussicht. Die Forscher \
         untersuchten die DNA der Proben, wie Anlage II des Vertrags vorsieht.",
    );
    assert!(s.is_empty(), "{s:?}");
}

#[test]
fn a_german_given_name_of_an_older_generation_opens_a_name() {
    use crate::span::Kind;
    let s = names_of(
        "Die Einigung kam überraschend. Ralf Wiesenthal hatte lange verhandelt. \
         Uwe Brandhorst und ein Kollege wollen nun gemeinsam vorgehen.",
    );
    assert!(
        s.contains(&("Ralf Wiesenthal".to_string(), Kind::Actor)),
        "{s:?}"
    );
    assert!(
        s.contains(&("Uwe Brandhorst".to_string(), Kind::Actor)),
        "{s:?}"
    );
}

#[test]
fn a_job_before_a_given_name_is_left_out_of_the_name() {
    use crate::span::Kind;
    let s = names_of("Am Ende jubelte Torhüter Malte Brinkhaus mit den Fans.");
    assert!(
        s.contains(&("Malte Brinkhaus".to_string(), Kind::Actor)),
        "{s:?}"
    );
}

#[test]
fn a_source_preposition_opening_a_sentence_is_no_part_of_the_name() {
    let s = names_of(
        "Die Hamas hat die Waffenruhe gebrochen, sagte ein Sprecher. Laut Hamas wurden \
         zwei Menschen verletzt.",
    );
    assert!(s.iter().any(|(t, _)| t == "Hamas"), "{s:?}");
    assert!(!s.iter().any(|(t, _)| t.starts_with("Laut")), "{s:?}");
}

#[test]
fn a_listed_actor_wins_over_a_town_of_the_same_word() {
    use crate::span::Kind;
    // GeoNames lists "Hamas" among the names of Hamm, "Google" among Topeka's.
    let s = names_of(
        "Die Hamas feuerte am Abend Raketen ab. Zuvor hatte Google neue Regeln angekündigt.",
    );
    assert!(s.contains(&("Hamas".to_string(), Kind::Actor)), "{s:?}");
    assert!(s.contains(&("Google".to_string(), Kind::Actor)), "{s:?}");
    assert!(!s.iter().any(|(_, k)| *k == Kind::Place), "{s:?}");
}

#[test]
fn armed_groups_and_agencies_are_known_by_their_german_names() {
    use crate::span::Kind;
    let s = names_of(
        "Am Abend bekannte sich der Islamische Staat zu dem Anschlag. Die Weltbank und der \
         Internationale Währungsfonds senkten ihre Prognosen, sagte ein Vertreter der Regierung.",
    );
    for name in [
        "Islamische Staat",
        "Weltbank",
        "Internationale Währungsfonds",
    ] {
        assert!(
            s.contains(&(name.to_string(), Kind::Actor)),
            "{name}: {s:?}"
        );
    }
}

#[test]
fn a_source_preposition_opening_a_sentence_reads_the_name_after_it_as_a_source() {
    use crate::span::Kind;
    let s = names_of(
        "Laut Siemens sinkt der Gewinn im dritten Quartal. Laut Bericht bleibt alles offen.",
    );
    assert!(s.contains(&("Siemens".to_string(), Kind::Actor)), "{s:?}");
    assert!(!s.iter().any(|(t, _)| t.contains("Bericht")), "{s:?}");
}

#[test]
fn a_listed_actor_named_by_a_frequent_word_is_meant_where_it_speaks() {
    use crate::span::Kind;
    let s = names_of(
        "Wie der Spiegel berichtete, sinkt der Gewinn. Die Bahn meldete am Montag Verspätungen. \
         Er nahm die Bahn und sah in den Spiegel.",
    );
    let of = |n: &str| {
        s.iter()
            .filter(|(t, k)| t == n && *k == Kind::Actor)
            .count()
    };
    assert_eq!(of("Spiegel"), 1, "{s:?}");
    assert_eq!(of("Bahn"), 1, "{s:?}");
}

#[test]
fn a_job_or_an_address_before_a_name_is_a_title_left_out_of_it() {
    use crate::span::Kind;
    let s = names_of(
        "Am Ende traf Stürmer Hegemann zweimal. Dem widersprach Konzernchef Wendelin Brakel. \
         Schon früher hatte Mr. Holcomb gewarnt.",
    );
    for name in ["Hegemann", "Wendelin Brakel", "Holcomb"] {
        assert!(
            s.contains(&(name.to_string(), Kind::Actor)),
            "{name}: {s:?}"
        );
    }
}

#[test]
fn a_medium_named_in_quotes_after_its_kind_is_an_actor() {
    use crate::span::Kind;
    let s = names_of("Das schrieb er im Magazin „Focus“ und in der Zeitung \"Tagesspiegel\".");
    assert!(s.contains(&("Focus".to_string(), Kind::Actor)), "{s:?}");
    assert!(
        s.contains(&("Tagesspiegel".to_string(), Kind::Actor)),
        "{s:?}"
    );
}

#[test]
fn a_listed_actor_in_quotes_speaks_from_outside_them() {
    use crate::span::Kind;
    let s = names_of("Dem „Spiegel“ zufolge wird verhandelt. Er sah in den „Spiegel“ und lachte.");
    let of = |n: &str| {
        s.iter()
            .filter(|(t, k)| t == n && *k == Kind::Actor)
            .count()
    };
    assert_eq!(of("Spiegel"), 1, "{s:?}");
}
