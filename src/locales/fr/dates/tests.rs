//! Tests of the French grammar alone: what each form matches, no resolving.

use super::*;

use crate::text::Doc;

fn parse_at(text: &str, i: usize) -> Option<(String, Base)> {
    let doc = Doc::new(text);
    let cx = Cx::new(&doc, GRAMMAR.words());
    let p = parse(&cx, i)?;
    let s = doc.tokens[p.start].start;
    let e = doc.tokens[p.end - 1].end;
    Some((text[s..e].to_string(), p.expr.base))
}

#[test]
fn calendar_forms() {
    let cal = |y, m, d| Base::Cal {
        year: y,
        month: m,
        day: d,
    };
    assert_eq!(
        parse_at("vendredi 3 novembre 2017", 0),
        Some((
            "vendredi 3 novembre 2017".into(),
            cal(Some(2017), Some(11), Some(3))
        ))
    );
    assert_eq!(
        parse_at("1er janvier", 0),
        Some(("1er janvier".into(), cal(None, Some(1), Some(1))))
    );
    assert_eq!(
        parse_at("3 nov. 2017", 0),
        Some(("3 nov. 2017".into(), cal(Some(2017), Some(11), Some(3))))
    );
    assert_eq!(
        parse_at("octobre 98", 0),
        Some(("octobre 98".into(), cal(Some(1998), Some(10), None)))
    );
    assert_eq!(
        parse_at("Mars", 0).map(|p| p.1),
        Some(cal(None, Some(3), None)),
        "sentence start"
    );
    assert_eq!(parse_at("la planète Mars", 2), None);
}

#[test]
fn relative_forms() {
    assert_eq!(
        parse_at("avant-hier", 2),
        Some(("avant-hier".into(), Base::Day(-2)))
    );
    assert_eq!(
        parse_at("aujourd'hui vendredi", 0),
        Some(("aujourd'hui vendredi".into(), Base::Day(0)))
    );
    assert_eq!(
        parse_at("ce mois-ci", 0),
        Some(("ce mois-ci".into(), Base::Rel { unit: M, n: 0 }))
    );
    assert_eq!(
        parse_at("l'année prochaine", 2),
        Some(("année prochaine".into(), Base::Rel { unit: Y, n: 1 }))
    );
    assert_eq!(
        parse_at("Il reviendra dans deux semaines", 2),
        Some(("deux semaines".into(), Base::Rel { unit: W, n: 2 }))
    );
    assert_eq!(
        parse_at("les prochains jours", 1),
        Some(("prochains jours".into(), Base::Ref(1)))
    );
    assert_eq!(
        parse_at("à la fin du XIXe siècle", 2),
        Some(("fin du XIXe siècle".into(), Base::Century(18)))
    );
    assert_eq!(parse_at("trois jours", 0), None, "a duration");
    assert_eq!(parse_at("le dernier jour", 1), None);
}

#[test]
fn years_need_context() {
    let y = |v| {
        Some(Base::Cal {
            year: Some(v),
            month: None,
            day: None,
        })
    };
    assert_eq!(parse_at("en 2014", 1).map(|p| p.1), y(2014));
    assert_eq!(parse_at("depuis 2011 la guerre", 1).map(|p| p.1), y(2011));
    assert_eq!(parse_at("de 2000 personnes", 1), None);
    assert_eq!(parse_at("2000 personnes", 0), None);
    assert_eq!(parse_at("1982-1990", 2).map(|p| p.1), y(1990));
}

#[test]
fn clock_times() {
    let t = |s: &str, i| {
        let doc = Doc::new(s);
        let cx = Cx::new(&doc, GRAMMAR.words());
        parse(&cx, i).and_then(|p| p.expr.time)
    };
    assert_eq!(t("22 h", 0), Some((22, 0)));
    assert_eq!(t("21 h 45", 0), Some((21, 45)));
    assert_eq!(t("15h30", 0), Some((15, 30)));
    assert_eq!(t("midi", 0), Some((12, 0)));
    assert_eq!(t("25 h", 0), None);
    assert_eq!(roman_ordinal("xixe"), Some(19));
    assert_eq!(roman_ordinal("ve"), Some(5));
    assert_eq!(roman_ordinal("vie"), Some(6));
    assert_eq!(roman_ordinal("e"), None);
}

#[test]
fn dans_needs_a_future_sentence() {
    assert_eq!(parse_at("Le chiffre le plus bas dans trois mois", 5), None);
}

/// The French grammar inside the whole date pass: extents and values on
/// sentences.
mod sentences {
    use super::GRAMMAR;
    use crate::dates::tests::{dates, pairs};

    #[test]
    fn french_dispatch_sentences() {
        let dct = Some("2017-11-04");
        assert_eq!(
            dates(
                "Les forces irakiennes ont annoncé vendredi 3 novembre les avoir chassés.",
                &GRAMMAR,
                dct
            ),
            pairs(&[("vendredi 3 novembre", "2017-11-03")])
        );
        assert_eq!(
            dates(
                "L'EI s'était emparé de la ville en 2014, et la guerre a été déclenchée en 2011.",
                &GRAMMAR,
                dct
            ),
            pairs(&[("2014", "2014"), ("2011", "2011")])
        );
        assert_eq!(
            dates(
                "Ces derniers mois, l'EI a subi revers; les jihadistes sont maintenant retranchés.",
                &GRAMMAR,
                dct
            ),
            pairs(&[
                ("Ces derniers mois", "PAST_REF"),
                ("maintenant", "PRESENT_REF")
            ])
        );
        assert_eq!(
            dates(
                "Il a parlé hier soir, et le 1er janvier 2018 puis il y a trois jours.",
                &GRAMMAR,
                dct
            ),
            pairs(&[
                ("hier soir", "2017-11-03TEV"),
                ("1er janvier 2018", "2018-01-01"),
                ("il y a trois jours", "2017-11-01")
            ])
        );
    }

    #[test]
    fn french_relative_and_periods() {
        let dct = Some("2017-11-04");
        assert_eq!(
            dates(
                "la semaine dernière, le mois dernier, l'an dernier, cette année",
                &GRAMMAR,
                dct
            ),
            pairs(&[
                ("semaine dernière", "2017-W43"),
                ("mois dernier", "2017-10"),
                ("an dernier", "2016"),
                ("cette année", "2017")
            ])
        );
        assert_eq!(
            dates(
                "début 2018. Mi-octobre, fin novembre. Les années 1990, l’été 2017",
                &GRAMMAR,
                dct
            ),
            pairs(&[
                ("début 2018", "2018"),
                ("Mi-octobre", "2017-10"),
                ("fin novembre", "2017-11"),
                ("années 1990", "199"),
                ("été 2017", "2017-SU")
            ])
        );
        assert_eq!(
            dates(
                "au troisième trimestre, ce matin à 15h30, du 2 au 5 novembre",
                &GRAMMAR,
                dct
            ),
            pairs(&[
                ("troisième trimestre", "2017-Q3"),
                ("ce matin", "2017-11-04TMO"),
                ("15h30", "2017-11-04T15:30"),
                ("2", "2017-11-02"),
                ("5 novembre", "2017-11-05")
            ])
        );
        assert_eq!(
            dates(
                "Dimanche soir, dès 22 h, la fanfare joue.",
                &GRAMMAR,
                Some("1999-05-18")
            ),
            pairs(&[
                ("Dimanche soir", "1999-05-16TEV"),
                ("22 h", "1999-05-16T22:00")
            ])
        );
    }

    #[test]
    fn french_non_dates() {
        let dct = Some("2017-11-04");
        assert!(dates(
            "Il y avait 2000 personnes et il a été blessé pendant trois ans.",
            &GRAMMAR,
            dct
        )
        .is_empty());
        assert!(dates(
            "La planète Mars a été observée; mettre fin à la guerre.",
            &GRAMMAR,
            dct
        )
        .is_empty());
    }

    #[test]
    fn future_tense_picks_the_next_weekday() {
        let dct = Some("2017-11-04"); // a Saturday
        assert_eq!(
            dates("Il est arrivé jeudi.", &GRAMMAR, dct),
            pairs(&[("jeudi", "2017-11-02")])
        );
        assert_eq!(
            dates("Il se rendra jeudi à Paris.", &GRAMMAR, dct),
            pairs(&[("jeudi", "2017-11-09")])
        );
    }

    #[test]
    fn without_reference_date_unknown_parts_are_x() {
        assert_eq!(
            dates("le 3 novembre", &GRAMMAR, None),
            pairs(&[("3 novembre", "XXXX-11-03")])
        );
        assert_eq!(
            dates("vendredi", &GRAMMAR, None),
            pairs(&[("vendredi", "XXXX-WXX-5")])
        );
        assert_eq!(dates("en 2014", &GRAMMAR, None), pairs(&[("2014", "2014")]));
        assert_eq!(
            dates("hier", &GRAMMAR, None),
            vec![("hier".to_string(), None)]
        );
    }

    #[test]
    fn seed_dispatch_values() {
        let text = "Les forces armées irakiennes avancent dans la ville d'Al-Qaïm, en Irak, le 3 novembre. |\n\
    Les forces irakiennes ont annoncé vendredi 3 novembre les avoir chassés.\n\
    Un nouveau coup dur pour l'EI, qui a perdu jeudi 2 novembre la ville de Deir Ezzor.\n\
    À Deir Ezzor, les soldats du régime, au lendemain de leur succès, brandissaient leurs armes.";
        assert_eq!(
            dates(text, &GRAMMAR, Some("2017-11-04")),
            pairs(&[
                ("3 novembre", "2017-11-03"),
                ("vendredi 3 novembre", "2017-11-03"),
                ("jeudi 2 novembre", "2017-11-02"),
                ("lendemain", "2017-11-03")
            ])
        );
    }

    #[test]
    fn present_references_with_their_preposition() {
        assert_eq!(
            dates(
                "Pour l'instant, rien. Il est à présent ministre.",
                &GRAMMAR,
                Some("2017-11-04")
            ),
            pairs(&[
                ("Pour l'instant", "PRESENT_REF"),
                ("présent", "PRESENT_REF")
            ])
        );
        assert!(dates("un instant, le présent de l'indicatif", &GRAMMAR, None).is_empty());
    }

    #[test]
    fn sets_and_ranges() {
        let dct = Some("1999-07-07");
        assert!(dates("Il passe chaque lundi et tous les mardis.", &GRAMMAR, dct).is_empty());
        assert_eq!(
            dates("La permanence est ouverte à tous samedi.", &GRAMMAR, dct),
            pairs(&[("samedi", "1999-07-03")])
        );
        assert_eq!(
            dates("par rapport à la période 1982-1990.", &GRAMMAR, dct),
            pairs(&[("1982", "1982"), ("1990", "1990")])
        );
    }

    #[test]
    fn a_weekday_named_again_is_the_same_day() {
        // 1999-05-18 is a Tuesday; the headline is in the future tense.
        assert_eq!(
            dates(
                "LE VILLAGE FERA LA FÊTE DIMANCHE.\nDès dimanche, manège. Dimanche soir, bal.",
                &GRAMMAR,
                Some("1999-05-18")
            ),
            pairs(&[
                ("DIMANCHE", "1999-05-23"),
                ("dimanche", "1999-05-23"),
                ("Dimanche soir", "1999-05-23TEV")
            ])
        );
        assert!(dates("l'accord du Vendredi saint", &GRAMMAR, Some("1999-05-21")).is_empty());
    }

    #[test]
    fn timeml_modifiers_stay_in_the_extent() {
        let dct = Some("2016-05-12");
        // French TimeML leaves "vers" out.
        assert_eq!(
            dates("Le cortège est parti vers 18 h.", &GRAMMAR, dct),
            pairs(&[("18 h", "2016-05-12T18:00")])
        );
    }

    #[test]
    fn holidays() {
        let dct = Some("2018-05-14");
        assert_eq!(
            dates(
                "La fête du village se déroulera en cette fête de Pentecôte, et Noël Mamère viendra.",
                &GRAMMAR,
                dct
            ),
            pairs(&[("cette fête de Pentecôte", "2018-05-20")])
        );
    }

    #[test]
    fn french_nights_and_month_nouns() {
        let dct = Some("2017-11-04");
        assert_eq!(
            dates(
                "L'attaque a eu lieu dans la nuit de jeudi à vendredi près de la frontière.",
                &GRAMMAR,
                dct
            ),
            pairs(&[("nuit de jeudi à vendredi", "2017-11-02TNI")])
        );
        assert_eq!(
            dates(
                "Les combats ont repris dans la nuit du 2 au 3 novembre.",
                &GRAMMAR,
                dct
            ),
            pairs(&[("nuit du 2 au 3 novembre", "2017-11-02TNI")])
        );
        assert_eq!(
            dates(
                "Au mois de septembre, le régime a repris la ville; ce même jeudi soir, il a bombardé Raqa.",
                &GRAMMAR,
                dct
            ),
            pairs(&[("mois de septembre", "2017-09"), ("ce même jeudi soir", "2017-11-02TEV")])
        );
        // "la nuit" alone is not a date.
        assert_eq!(
            dates("Ils ont marché toute la nuit de peur.", &GRAMMAR, dct),
            pairs(&[])
        );
    }

    #[test]
    fn counted_from_the_last_day_mentioned() {
        let dct = Some("2017-11-04");
        assert_eq!(
            dates(
                "L'offensive a commencé le 12 octobre. Trois jours plus tard, la ville est tombée.",
                &GRAMMAR,
                dct
            ),
            pairs(&[
                ("12 octobre", "2017-10-12"),
                ("Trois jours plus tard", "2017-10-15")
            ])
        );
        // Counted from an event, not a date: not this form.
        assert_eq!(
            dates("Il est mort trois jours après l'attaque.", &GRAMMAR, dct),
            pairs(&[])
        );
    }

    #[test]
    fn days_no_calendar_has_get_no_value() {
        let none = |t: &str| (t.to_string(), None);
        // A day no year has: the span stays, without a value.
        assert_eq!(
            dates(
                "Il est arrivé le 31 février, le 30 février ou le 31 avril.",
                &GRAMMAR,
                None
            ),
            vec![none("31 février"), none("30 février"), none("31 avril")]
        );
        // 29 February exists in some years: valid unknown year, not in 2019.
        assert_eq!(
            dates("le 29 février", &GRAMMAR, None),
            pairs(&[("29 février", "XXXX-02-29")])
        );
        assert_eq!(
            dates("le 29 février 2019", &GRAMMAR, None),
            vec![none("29 février 2019")]
        );
        assert_eq!(
            dates("le 29 février 2020", &GRAMMAR, None),
            pairs(&[("29 février 2020", "2020-02-29")])
        );
        // The reference year makes it: 2019 has no 29 February either.
        assert_eq!(
            dates("le 29 février", &GRAMMAR, Some("2019-01-10")),
            vec![none("29 février")]
        );
    }

    /// Issue 14: years after a noun, parts of days, weekends, holidays,
    /// clock times, numeric days, offsets, a day with its time.
    #[test]
    fn issue_14_forms() {
        let dct = Some("2026-12-05");
        let d = |t: &str| dates(t, &GRAMMAR, dct);
        assert_eq!(
            d("Le bilan 2019 reste lourd et la saison 2023/2024 s'annonce."),
            pairs(&[("2019", "2019"), ("2023/2024", "2023")])
        );
        assert_eq!(
            d("La Coupe du monde 2026 aura lieu."),
            pairs(&[("2026", "2026")])
        );
        assert_eq!(d("On compte 2019 morts et l'article 1240."), pairs(&[]));
        assert_eq!(
            d("Ils sont partis dans la soirée, rentrés le matin même."),
            pairs(&[("soirée", "2026-12-05TEV"), ("matin même", "2026-12-05TMO")])
        );
        assert_eq!(
            d("Il pleuvra ce week-end, il est parti tôt ce matin."),
            pairs(&[
                ("ce week-end", "2026-W49-WE"),
                ("tôt ce matin", "2026-12-05TMO")
            ])
        );
        assert_eq!(
            d("Le vote aura lieu en fin de journée."),
            pairs(&[("fin de journée", "2026-12-05TEV")])
        );
        assert_eq!(
            d("Le soir, la ville s'est tue."),
            pairs(&[("soir", "2026-12-05TEV")])
        );
        assert_eq!(
            d("Noël, Pâques, le jour de l'an, la Toussaint et l'Aïd el-Fitr."),
            pairs(&[
                ("Noël", "2026-12-25"),
                ("Pâques", "2026-04-05"),
                ("jour de l'an", "2027-01-01"),
                ("Toussaint", "2026-11-01"),
                ("Aïd el-Fitr", "2026"),
            ])
        );
        assert_eq!(
            d("Rendez-vous à midi et quart, à 8h du soir ou à 18 heures."),
            pairs(&[
                ("midi et quart", "2026-12-05T12:15"),
                ("8h du soir", "2026-12-05T20:00"),
                ("18 heures", "2026-12-05T18:00"),
            ])
        );
        assert_eq!(d("Il a dormi pendant 18 heures."), pairs(&[]));
        assert_eq!(
            d("Il est venu le 17/02 et le 2/3, les 2/3 des élus aussi."),
            pairs(&[("17/02", "2026-02-17"), ("2/3", "2026-03-02")])
        );
        assert_eq!(
            d("Le train partira dans 2 minutes."),
            pairs(&[("2 minutes", "2026-12-05")])
        );
        assert_eq!(
            d("Le match se jouera samedi 16 à 18h."),
            pairs(&[("samedi 16 à 18h", "2027-01-16T18:00")])
        );
        assert_eq!(
            d("Il est venu hier à 10 h."),
            pairs(&[("hier à 10 h", "2026-12-04T10:00")])
        );
        assert_eq!(
            d("Il est né en 1954 ; cette année-là, et la même année, la guerre commence."),
            pairs(&[
                ("1954", "1954"),
                ("cette année-là", "1954"),
                ("même année", "1954")
            ])
        );
        assert_eq!(
            d("Les magasins ouvriront le dernier lundi de mars 2027."),
            pairs(&[("dernier lundi de mars 2027", "2027-03-29")])
        );
    }
}
