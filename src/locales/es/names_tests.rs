//! How names read Spanish, on sentences of our own.

use super::LOCALE;
use crate::names::tests::has;
use crate::span::Kind;

fn spans(text: &str) -> Vec<(String, Kind)> {
    crate::names::tests::spans(text, LOCALE.lang)
}

#[test]
fn an_institution_keeps_the_place_it_serves() {
    let s =
        spans("El rector de la Universidad de Granada se reunió con la Junta de Castilla y León.");
    assert!(has(&s, "Universidad de Granada", Kind::Actor), "{s:?}");
    assert!(!has(&s, "Granada", Kind::Place), "{s:?}");
    let s = spans("El Banco de España publicó ayer sus previsiones.");
    assert!(has(&s, "Banco de España", Kind::Actor), "{s:?}");
    let s = spans("Los soldados del Ejército de Honduras llegaron a Tegucigalpa.");
    assert!(has(&s, "Ejército de Honduras", Kind::Actor), "{s:?}");
    assert!(has(&s, "Tegucigalpa", Kind::Place), "{s:?}");
}

#[test]
fn a_town_after_an_article_or_a_club_word_is_its_club() {
    let s = spans("El delantero marcó dos goles ante el Valencia en el estadio de Sevilla.");
    assert!(has(&s, "Valencia", Kind::Actor), "{s:?}");
    assert!(has(&s, "Sevilla", Kind::Place), "{s:?}");
    let s = spans("El técnico del FC Oporto y el del Atlético de Bilbao firmaron.");
    assert!(has(&s, "FC Oporto", Kind::Actor), "{s:?}");
    assert!(has(&s, "Atlético de Bilbao", Kind::Actor), "{s:?}");
    // A country keeps its article and its place reading.
    let s = spans("Los turistas que visitan el Perú aumentaron este año.");
    assert!(has(&s, "Perú", Kind::Place), "{s:?}");
}

#[test]
fn an_acronym_defined_after_an_organisation_is_the_organisation() {
    let s = spans(
        "Los observadores de la Organización de Estados Americanos (OEA) llegaron. La OEA pidió calma.",
    );
    assert!(!s.iter().any(|(_, k)| *k == Kind::Place), "{s:?}");
    assert!(has(&s, "OEA", Kind::Actor), "{s:?}");
}

#[test]
fn results_with_a_comma_before_the_score_make_teams() {
    let s =
        spans("Resultados de la jornada:\nGranada , 2 - Osasuna , 1\nLeganés , 0 - Getafe , 0\n");
    assert!(has(&s, "Granada", Kind::Actor), "{s:?}");
    assert!(has(&s, "Getafe", Kind::Actor), "{s:?}");
}

#[test]
fn en_is_no_particle_inside_a_spanish_name() {
    let s = spans("El equipo jugará la final de la Copa del Rey en el estadio de la Cartuja.");
    assert!(!s.iter().any(|(t, _)| t.contains(" en ")), "{s:?}");
}

#[test]
fn a_guessed_name_with_a_surname_ending_is_a_person_across_the_dispatch() {
    let s = spans(
        "El portavoz del partido, Eustaquio Velázquez, dijo que no.\nVelázquez atribuyó la crisis a la empresa.",
    );
    assert!(has(&s, "Velázquez", Kind::Actor), "{s:?}");
}

#[test]
fn a_plural_article_stays_inside_an_institution_s_name() {
    let s = spans("El rector de la Universidad de las Islas Canarias viajó ayer a Lima.");
    assert!(
        has(&s, "Universidad de las Islas Canarias", Kind::Actor),
        "{s:?}"
    );
    assert!(!has(&s, "Islas Canarias", Kind::Place), "{s:?}");
}

#[test]
fn a_place_opening_a_longer_name_names_an_organisation() {
    let s = spans("Los analistas de Chile Inversiones recomendaron vender en Santiago.");
    assert!(has(&s, "Chile Inversiones", Kind::Actor), "{s:?}");
    assert!(!has(&s, "Chile", Kind::Place), "{s:?}");
    assert!(has(&s, "Santiago", Kind::Place), "{s:?}");
}

#[test]
fn a_function_word_opening_a_sentence_is_no_place() {
    let s = spans("Hubo lluvias en Lima. Para el sábado se espera sol. Sólo llovió en Cuzco.");
    assert!(!has(&s, "Para", Kind::Place), "{s:?}");
    assert!(!has(&s, "Sólo", Kind::Place), "{s:?}");
    assert!(has(&s, "Cuzco", Kind::Place), "{s:?}");
}

#[test]
fn a_cause_after_an_institution_stays_in_its_name() {
    let s = spans("El presidente del Consejo por la Paz llegó ayer a Bogotá.");
    assert!(has(&s, "Consejo por la Paz", Kind::Actor), "{s:?}");
    let s = spans("Los expertos del Banco Central de Chile publicaron ayer su informe.");
    assert!(has(&s, "Banco Central de Chile", Kind::Actor), "{s:?}");
    assert!(!has(&s, "Chile", Kind::Place), "{s:?}");
}

#[test]
fn a_headline_in_capitals_names_what_its_body_names() {
    let s = spans(
        "EL PSOE Y ZAPATERO CRITICAN PLAN DE AGUA Zaragoza (EFE).\n-\nEl PSOE y el dirigente Zapatero criticaron hoy el plan en Zaragoza.",
    );
    assert!(
        s.iter()
            .filter(|(t, k)| t == "PSOE" && *k == Kind::Actor)
            .count()
            == 2,
        "{s:?}"
    );
    assert!(has(&s, "ZAPATERO", Kind::Actor), "{s:?}");
    assert!(has(&s, "Zaragoza", Kind::Place), "{s:?}");
}

#[test]
fn a_feature_word_alone_is_no_place() {
    let text = "Las piedras rodaron por la ladera de la montaña hasta el río Magdalena.";
    let options = crate::Options {
        lang: Some(LOCALE.lang),
        ..Default::default()
    };
    let got = crate::annotate(text, &options).spans;
    assert!(
        !got.iter().any(|s| s.text == "montaña" || s.text == "río"),
        "{got:?}"
    );
}

#[test]
fn a_country_playing_is_its_national_side() {
    // In brackets after a player: his side, not where he stands.
    let s = spans(
        "Primera ronda: Carlos Moyá (ESP) venció a Andre Agassi (USA) por 6-3. Juan Carlos Ferrero (España) ganó a Nicolás Lapentti (Ecuador).",
    );
    for side in ["USA", "España", "Ecuador"] {
        assert!(has(&s, side, Kind::Actor), "{side}: {s:?}");
        assert!(!has(&s, side, Kind::Place), "{side}: {s:?}");
    }
    // Beside a score in results.
    let s = spans("Amistosos: Italia, 2 - Francia, 1. Chile, 0 - Perú, 3.");
    for side in ["Italia", "Francia", "Chile", "Perú"] {
        assert!(has(&s, side, Kind::Actor), "{side}: {s:?}");
    }
    // A town in brackets after a place stays a place.
    let s = spans("Sao Paulo (Brasil), 3 jun (EFE).- El alcalde habló.");
    assert!(has(&s, "Brasil", Kind::Place), "{s:?}");
}

#[test]
fn a_country_that_keeps_or_claims_acts() {
    let s =
        spans("Hubo reuniones en la capital. Cuba mantiene con Panamá acuerdos de cooperación.");
    assert!(has(&s, "Cuba", Kind::Actor), "{s:?}");
    let s = spans("La Reserva Federal de Estados Unidos subió ayer los tipos de interés.");
    assert!(
        has(&s, "Reserva Federal de Estados Unidos", Kind::Actor),
        "{s:?}"
    );
}

#[test]
fn a_town_the_story_names_as_its_club_is_the_club_throughout() {
    let s = spans(
        "Zaragoza y Betis abren la jornada. El portero del Zaragoza fue expulsado en el estadio de Zaragoza.",
    );
    let first = s.iter().find(|(t, _)| t == "Zaragoza").map(|(_, k)| *k);
    assert_eq!(first, Some(Kind::Actor), "{s:?}");
    // "de" puts the town on the map.
    assert!(has(&s, "Zaragoza", Kind::Place), "{s:?}");
}

#[test]
fn a_person_goes_by_the_first_of_two_surnames() {
    let s = spans(
        "El candidato Francisco Arias Cárdenas denunció fraude. Según el sondeo, Chávez aventaja a Arias en diez puntos.",
    );
    assert!(has(&s, "Arias", Kind::Actor), "{s:?}");
    assert!(!has(&s, "Arias", Kind::Place), "{s:?}");
}

#[test]
fn the_players_of_a_lineup_are_people() {
    let s = spans(
        "2 - Lazio: Marchegiani; Negro, Nesta, Pancaro; Almeyda, Verón (Sensini, m.80); Salas y Córdoba (Inzaghi, m.70).",
    );
    for player in ["Negro", "Salas", "Córdoba", "Sensini"] {
        assert!(has(&s, player, Kind::Actor), "{player}: {s:?}");
    }
    assert!(!has(&s, "Córdoba", Kind::Place), "{s:?}");
    assert!(has(&s, "Lazio", Kind::Actor), "{s:?}");
    // A colon before a list of towns makes no line-up.
    let s = spans("Visitará tres ciudades: Córdoba, Sevilla y Granada.");
    assert!(has(&s, "Córdoba", Kind::Place), "{s:?}");
}

#[test]
fn a_state_acting_in_a_headline_is_its_government() {
    let s = spans("Texto previo.\nMARRUECOS RECHAZA EL PLAN DE PAZ\nRabat (EFE).- Marruecos rechazó hoy el plan.");
    assert!(has(&s, "MARRUECOS", Kind::Actor), "{s:?}");
}

#[test]
fn more_heads_keep_the_place_they_serve() {
    let s = spans("Lo dijo Radio Nacional de España. La Bolsa de Madrid subió.");
    assert!(has(&s, "Radio Nacional de España", Kind::Actor), "{s:?}");
    assert!(has(&s, "Bolsa de Madrid", Kind::Actor), "{s:?}");
}

#[test]
fn a_frequent_word_after_an_article_is_no_town() {
    let s = spans("Los Reyes inauguraron la muestra. La Corona no comentó el fallo.");
    assert!(!has(&s, "Los Reyes", Kind::Place), "{s:?}");
    assert!(!has(&s, "Corona", Kind::Place), "{s:?}");
    // A large town or a capital keeps its name.
    let s = spans("El ministro viajó ayer a Las Palmas y a La Paz.");
    assert!(has(&s, "Las Palmas", Kind::Place), "{s:?}");
    assert!(has(&s, "La Paz", Kind::Place), "{s:?}");
}

#[test]
fn a_medium_named_in_quotes_after_its_kind_is_an_actor() {
    let s = spans("Según publica hoy el diario \"Reforma\", el ministro dimitirá.");
    assert!(has(&s, "Reforma", Kind::Actor), "{s:?}");
    let s = spans("La revista \"Semana\" lo confirmó.");
    assert!(has(&s, "Semana", Kind::Actor), "{s:?}");
}

#[test]
fn a_town_in_brackets_after_a_player_is_his_club() {
    let s = spans(
        "El seleccionador dio la lista para el torneo de fútbol. Convocados: el portero Ramírez \
         ( Oviedo ) y el delantero Lucas ( Vigo ). El equipo jugará su primer partido en Zaragoza.",
    );
    assert!(has(&s, "Oviedo", Kind::Actor), "{s:?}");
    assert!(has(&s, "Vigo", Kind::Actor), "{s:?}");
    assert!(has(&s, "Zaragoza", Kind::Place), "{s:?}");
    // A town in brackets after a town stays on the map.
    let s = spans("El entrenador de fútbol visitó Guadalupe ( Cáceres ) antes de la jornada.");
    assert!(has(&s, "Cáceres", Kind::Place), "{s:?}");
}

#[test]
fn a_town_set_in_a_match_is_a_side_in_a_sports_story() {
    let text = "El técnico habló tras el partido de la jornada. El Betis empató ante Oviedo, \
                y el domingo Málaga recibe a Huesca. Próxima jornada: Gijón - Lugo.";
    let s = spans(text);
    for club in ["Oviedo", "Málaga", "Huesca", "Gijón", "Lugo"] {
        assert!(has(&s, club, Kind::Actor), "{club}: {s:?}");
    }
    // Outside a story about sport, the town stays a place.
    let s = spans("El ministro protestó ante Oviedo por el retraso de las obras.");
    assert!(!has(&s, "Oviedo", Kind::Actor), "{s:?}");
}

#[test]
fn an_acronym_or_a_head_before_a_place_names_one_organisation() {
    let s =
        spans("COAG Extremadura informará hoy y Caja Badajoz presentará sus cuentas en Mérida.");
    assert!(has(&s, "COAG Extremadura", Kind::Actor), "{s:?}");
    assert!(has(&s, "Caja Badajoz", Kind::Actor), "{s:?}");
    assert!(has(&s, "Mérida", Kind::Place), "{s:?}");
    let s = spans("Radio Extremadura y Canal Extremadura emitirán el acto.");
    assert!(has(&s, "Radio Extremadura", Kind::Actor), "{s:?}");
    assert!(has(&s, "Canal Extremadura", Kind::Actor), "{s:?}");
}

#[test]
fn a_country_after_the_personal_a_of_a_verb_of_actors_acts() {
    let s = spans("El portavoz de Asmara acusó a Etiopía de romper la tregua en la frontera.");
    assert!(has(&s, "Etiopía", Kind::Actor), "{s:?}");
    let s = spans("Los refugiados viajaron a Etiopía en camiones.");
    assert!(has(&s, "Etiopía", Kind::Place), "{s:?}");
}

#[test]
fn a_preterite_written_with_its_accent_makes_the_country_its_subject() {
    let s = spans("Israel completó la retirada de sus tropas, según la radio pública.");
    assert!(has(&s, "Israel", Kind::Actor), "{s:?}");
}
