//! Whole-pass tests of the date recogniser: extents and values on sentences.

use super::*;
use crate::text::Doc;

/// (text, value) of every date candidate.
fn dates(text: &str, lang: Lang, dct: Option<&str>) -> Vec<(String, Option<String>)> {
    let doc = Doc::new(text);
    let mut out = Vec::new();
    find(&doc, lang, dct.and_then(Date::parse), &mut out);
    out.iter()
        .map(|c| {
            assert_eq!(c.kind, Kind::Date);
            assert_eq!(c.source, Source::Rule);
            let v = match &c.value {
                Some(Value::Date(s)) => Some(s.clone()),
                _ => None,
            };
            (text[c.start..c.end].to_string(), v)
        })
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, Option<String>)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), Some(b.to_string())))
        .collect()
}

#[test]
fn french_dispatch_sentences() {
    let dct = Some("2017-11-04");
    assert_eq!(
        dates(
            "Les forces irakiennes ont annoncé vendredi 3 novembre les avoir chassés.",
            crate::lang::FR,
            dct
        ),
        pairs(&[("vendredi 3 novembre", "2017-11-03")])
    );
    assert_eq!(
        dates(
            "L'EI s'était emparé de la ville en 2014, et la guerre a été déclenchée en 2011.",
            crate::lang::FR,
            dct
        ),
        pairs(&[("2014", "2014"), ("2011", "2011")])
    );
    assert_eq!(
        dates(
            "Ces derniers mois, l'EI a subi revers; les jihadistes sont maintenant retranchés.",
            crate::lang::FR,
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
            crate::lang::FR,
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
            crate::lang::FR,
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
            crate::lang::FR,
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
            crate::lang::FR,
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
            "Dimanche soir, à partir de 22 h, le bal.",
            crate::lang::FR,
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
        crate::lang::FR,
        dct
    )
    .is_empty());
    assert!(dates(
        "La planète Mars a été observée; mettre fin à la guerre.",
        crate::lang::FR,
        dct
    )
    .is_empty());
}

#[test]
fn future_tense_picks_the_next_weekday() {
    let dct = Some("2017-11-04"); // a Saturday
    assert_eq!(
        dates("Il est arrivé jeudi.", crate::lang::FR, dct),
        pairs(&[("jeudi", "2017-11-02")])
    );
    assert_eq!(
        dates("Il se rendra jeudi à Paris.", crate::lang::FR, dct),
        pairs(&[("jeudi", "2017-11-09")])
    );
    assert_eq!(
        dates("He arrived Thursday.", crate::lang::EN, dct),
        pairs(&[("Thursday", "2017-11-02")])
    );
    assert_eq!(
        dates("He will arrive on Thursday.", crate::lang::EN, dct),
        pairs(&[("Thursday", "2017-11-09")])
    );
    assert_eq!(
        dates("He said Saturday.", crate::lang::EN, dct),
        pairs(&[("Saturday", "2017-11-04")])
    );
}

#[test]
fn english_forms() {
    let dct = Some("2017-11-04");
    assert_eq!(
        dates(
            "On Friday, Nov. 3, 2017, and November 3, 2017, then the 3rd of November.",
            crate::lang::EN,
            dct
        ),
        pairs(&[
            ("Friday, Nov. 3, 2017", "2017-11-03"),
            ("November 3, 2017", "2017-11-03"),
            ("3rd of November", "2017-11-03")
        ])
    );
    assert_eq!(
        dates(
            "yesterday, tonight, last week, next Monday, three days ago. He will be back in two weeks.",
            crate::lang::EN,
            dct
        ),
        pairs(&[
            ("yesterday", "2017-11-03"),
            ("tonight", "2017-11-04TNI"),
            ("last week", "2017-W43"),
            ("next Monday", "2017-11-06"),
            ("three days ago", "2017-11-01"),
            ("two weeks", "2017-W46")
        ])
    );
    assert_eq!(
        dates(
            "early 2018. Then mid-October, late last year, in the 1990s, recently, now",
            crate::lang::EN,
            dct
        ),
        pairs(&[
            ("early 2018", "2018"),
            ("mid-October", "2017-10"),
            ("late last year", "2016"),
            ("1990s", "199"),
            ("recently", "PAST_REF"),
            ("now", "PRESENT_REF")
        ])
    );
    assert_eq!(
        dates(
            "over the past few months and in the coming weeks, at 3 p.m. and 15:00",
            crate::lang::EN,
            dct
        ),
        pairs(&[
            ("past few months", "PAST_REF"),
            ("coming weeks", "FUTURE_REF"),
            ("3 p.m.", "2017-11-04T15:00"),
            ("15:00", "2017-11-04T15:00")
        ])
    );
    assert_eq!(
        dates(
            "The third quarter this morning; between 1990 and 1995.",
            crate::lang::EN,
            dct
        ),
        pairs(&[
            ("third quarter", "2017-Q3"),
            ("this morning", "2017-11-04TMO"),
            ("1990", "1990"),
            ("1995", "1995")
        ])
    );
}

#[test]
fn english_non_dates() {
    let dct = Some("2017-11-04");
    assert!(dates(
        "Sales grew at the weakest pace in six months.",
        crate::lang::EN,
        dct
    )
    .is_empty());
    assert!(dates("She won in 4:08.22 and it ended 1:7.", crate::lang::EN, dct).is_empty());
    assert!(dates(
        "They may march for six years every Monday with 2000 people.",
        crate::lang::EN,
        dct
    )
    .is_empty());
}

#[test]
fn without_reference_date_unknown_parts_are_x() {
    assert_eq!(
        dates("le 3 novembre", crate::lang::FR, None),
        pairs(&[("3 novembre", "XXXX-11-03")])
    );
    assert_eq!(
        dates("vendredi", crate::lang::FR, None),
        pairs(&[("vendredi", "XXXX-WXX-5")])
    );
    assert_eq!(
        dates("en 2014", crate::lang::FR, None),
        pairs(&[("2014", "2014")])
    );
    assert_eq!(
        dates("hier", crate::lang::FR, None),
        vec![("hier".to_string(), None)]
    );
}

#[test]
fn undetermined_language_takes_numeric_forms_only() {
    assert_eq!(
        dates(
            "2017-11-03 vendredi 03/11/2017 15:00 Friday",
            Lang::UND,
            Some("2017-11-04")
        ),
        pairs(&[
            ("2017-11-03", "2017-11-03"),
            ("03/11/2017", "2017-11-03"),
            ("15:00", "2017-11-03T15:00")
        ])
    );
}

#[test]
fn seed_dispatch_values() {
    let text = "Les forces armées irakiennes avancent dans la ville d'Al-Qaïm, en Irak, le 3 novembre. |\n\
Les forces irakiennes ont annoncé vendredi 3 novembre les avoir chassés.\n\
Un nouveau coup dur pour l'EI, qui a perdu jeudi 2 novembre la ville de Deir Ezzor.\n\
À Deir Ezzor, les soldats du régime, au lendemain de leur succès, brandissaient leurs armes.";
    assert_eq!(
        dates(text, crate::lang::FR, Some("2017-11-04")),
        pairs(&[
            ("3 novembre", "2017-11-03"),
            ("vendredi 3 novembre", "2017-11-03"),
            ("jeudi 2 novembre", "2017-11-02"),
            ("lendemain", "2017-11-03")
        ])
    );
}

#[test]
fn never_panics_on_odd_input() {
    for t in [
        "",
        "1er",
        "il y a",
        "du 31 au",
        "12:",
        "99/99/9999",
        "mi-",
        "Nov.",
        "2017-",
        "XIXe",
        "à 25 h 99",
        "3 p.",
    ] {
        for l in [crate::lang::FR, crate::lang::EN, Lang::UND] {
            let _ = dates(t, l, Some("2017-11-04"));
            let _ = dates(t, l, None);
        }
    }
}

#[test]
fn present_references_with_their_preposition() {
    assert_eq!(
        dates(
            "Pour l'instant, rien. Il est à présent ministre.",
            crate::lang::FR,
            Some("2017-11-04")
        ),
        pairs(&[
            ("Pour l'instant", "PRESENT_REF"),
            ("présent", "PRESENT_REF")
        ])
    );
    assert!(dates(
        "un instant, le présent de l'indicatif",
        crate::lang::FR,
        None
    )
    .is_empty());
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_text_gives_valid_candidates(s in "(\\PC|[0-9 /:.h-]|lundi|Nov|mi|fin|il y a|ago|p\\.m\\.|siècle|XIXe|1er|1990s){0,40}") {
            for lang in [crate::lang::FR, crate::lang::EN, Lang::UND] {
                for dct in [None, Date::parse("2017-11-04"), Date::parse("0001-01-01"), Date::parse("9999-12-31")] {
                    let doc = Doc::new(&s);
                    let mut out = Vec::new();
                    find(&doc, lang, dct, &mut out);
                    for c in &out {
                        prop_assert!(c.start < c.end && c.end <= s.len());
                        prop_assert!(s.is_char_boundary(c.start) && s.is_char_boundary(c.end));
                    }
                    let _ = crate::dateline::find(&doc, lang);
                }
            }
        }
    }
}

#[test]
fn sets_and_ranges() {
    let dct = Some("1999-07-07");
    assert!(dates(
        "Il passe chaque lundi et tous les mardis.",
        crate::lang::FR,
        dct
    )
    .is_empty());
    assert_eq!(
        dates(
            "La permanence est ouverte à tous samedi.",
            crate::lang::FR,
            dct
        ),
        pairs(&[("samedi", "1999-07-03")])
    );
    assert_eq!(
        dates("par rapport à la période 1982-1990.", crate::lang::FR, dct),
        pairs(&[("1982", "1982"), ("1990", "1990")])
    );
    assert!(dates(
        "He runs every Monday and each Friday.",
        crate::lang::EN,
        dct
    )
    .is_empty());
}

#[test]
fn a_weekday_named_again_is_the_same_day() {
    // 1999-05-18 is a Tuesday; the headline is in the future tense.
    assert_eq!(
        dates(
            "LE VILLAGE FERA LA FÊTE DIMANCHE.\nDès dimanche, manège. Dimanche soir, bal.",
            crate::lang::FR,
            Some("1999-05-18")
        ),
        pairs(&[
            ("DIMANCHE", "1999-05-23"),
            ("dimanche", "1999-05-23"),
            ("Dimanche soir", "1999-05-23TEV")
        ])
    );
    // An explicit date without its weekday does not decide a later weekday.
    assert_eq!(
        dates(
            "The blasts of Aug. 7 killed 200. Officials met Friday.",
            crate::lang::EN,
            Some("1998-08-20")
        ),
        pairs(&[("Aug. 7", "1998-08-07"), ("Friday", "1998-08-14")])
    );
    assert!(dates(
        "l'accord du Vendredi saint",
        crate::lang::FR,
        Some("1999-05-21")
    )
    .is_empty());
}

#[test]
fn a_year_earlier_follows_the_quarter_spoken_of() {
    let dct = Some("1989-11-02");
    assert_eq!(
        dates(
            "Net income rose in the third quarter from $5 million a year earlier.",
            crate::lang::EN,
            dct
        ),
        pairs(&[("third quarter", "1989-Q3"), ("a year earlier", "1988-Q3")])
    );
    assert_eq!(
        dates("Prices rose 3% from a year ago.", crate::lang::EN, dct),
        pairs(&[("a year ago", "1988")])
    );
}

#[test]
fn timeml_modifiers_stay_in_the_extent() {
    let dct = Some("2016-05-12");
    assert_eq!(
        dates(
            "Earlier this month the mayor resigned; the vote came around 9:30 p.m.",
            crate::lang::EN,
            dct
        ),
        pairs(&[
            ("Earlier this month", "2016-05"),
            ("around 9:30 p.m.", "2016-05-12T21:30")
        ])
    );
    assert_eq!(
        dates(
            "The bridge collapsed nearly three years ago.",
            crate::lang::EN,
            dct
        ),
        pairs(&[("nearly three years ago", "2013")])
    );
    assert_eq!(
        dates(
            "More recently, fiscal 2015 sales fell.",
            crate::lang::EN,
            dct
        ),
        pairs(&[("More recently", "PAST_REF"), ("fiscal 2015", "2015")])
    );
    // A modifier that does not fit the date is another word.
    assert_eq!(
        dates(
            "They will find ways to get around Wednesday's ruling.",
            crate::lang::EN,
            dct
        ),
        pairs(&[("Wednesday", "2016-05-18")])
    );
    // French TimeML leaves "vers" out.
    assert_eq!(
        dates("Le cortège est parti vers 18 h.", crate::lang::FR, dct),
        pairs(&[("18 h", "2016-05-12T18:00")])
    );
}

#[test]
fn reporting_periods() {
    let dct = Some("2016-10-20");
    assert_eq!(
        dates(
            "Profit beat the year-ago quarter and this year's second quarter.",
            crate::lang::EN,
            dct
        ),
        pairs(&[
            ("year-ago quarter", "2015"),
            ("this year's second quarter", "2016-Q2")
        ])
    );
    assert_eq!(
        dates(
            "Sales rose in the third quarter of 2014.",
            crate::lang::EN,
            dct
        ),
        pairs(&[("third quarter of 2014", "2014-Q3")])
    );
    assert_eq!(
        dates(
            "Results for the 2015 fourth quarter were restated.",
            crate::lang::EN,
            dct
        ),
        pairs(&[("2015 fourth quarter", "2015-Q4")])
    );
}

#[test]
fn a_day_and_its_time_are_one_date() {
    let dct = Some("2016-11-02");
    assert_eq!(
        dates("Bids are due by 5 p.m. EST Nov. 9.", crate::lang::EN, dct),
        pairs(&[("5 p.m. EST Nov. 9", "2016-11-09T17:00")])
    );
    assert_eq!(
        dates(
            "Trading halted in mid-afternoon yesterday.",
            crate::lang::EN,
            dct
        ),
        pairs(&[("mid-afternoon yesterday", "2016-11-01TAF")])
    );
}

#[test]
fn years_in_words() {
    let dct = Some("1998-03-01");
    assert_eq!(
        dates(
            "He left in nineteen eighty-two and came back in January nineteen ninety-seven.",
            crate::lang::EN,
            dct
        ),
        pairs(&[
            ("nineteen eighty-two", "1982"),
            ("January nineteen ninety-seven", "1997-01")
        ])
    );
    assert_eq!(
        dates(
            "The city has kept its secrets for two thousand years.",
            crate::lang::EN,
            dct
        ),
        pairs(&[])
    );
    assert_eq!(
        dates(
            "The computers may fail in the year two thousand.",
            crate::lang::EN,
            dct
        ),
        pairs(&[("year two thousand", "2000")])
    );
}

#[test]
fn holidays() {
    let dct = Some("2018-05-14");
    assert_eq!(
        dates(
            "La fête du village se déroulera en cette fête de Pentecôte, et Noël Mamère viendra.",
            crate::lang::FR,
            dct
        ),
        pairs(&[("cette fête de Pentecôte", "2018-05-20")])
    );
    assert_eq!(
        dates(
            "Sales fell after last Thanksgiving and rose on Christmas Eve; Easter Island was quiet.",
            crate::lang::EN,
            Some("2018-01-10")
        ),
        pairs(&[("last Thanksgiving", "2017-11-23"), ("Christmas Eve", "2017-12-24")])
    );
}

#[test]
fn french_nights_and_month_nouns() {
    let dct = Some("2017-11-04");
    assert_eq!(
        dates(
            "L'attaque a eu lieu dans la nuit de jeudi à vendredi près de la frontière.",
            crate::lang::FR,
            dct
        ),
        pairs(&[("nuit de jeudi à vendredi", "2017-11-02TNI")])
    );
    assert_eq!(
        dates(
            "Les combats ont repris dans la nuit du 2 au 3 novembre.",
            crate::lang::FR,
            dct
        ),
        pairs(&[("nuit du 2 au 3 novembre", "2017-11-02TNI")])
    );
    assert_eq!(
        dates(
            "Au mois de septembre, le régime a repris la ville; ce même jeudi soir, il a bombardé Raqa.",
            crate::lang::FR,
            dct
        ),
        pairs(&[("mois de septembre", "2017-09"), ("ce même jeudi soir", "2017-11-02TEV")])
    );
    // "la nuit" alone is not a date.
    assert_eq!(
        dates(
            "Ils ont marché toute la nuit de peur.",
            crate::lang::FR,
            dct
        ),
        pairs(&[])
    );
}

#[test]
fn years_as_modifiers_and_decades_ago() {
    let dct = Some("2019-06-01");
    assert_eq!(
        dates(
            "A 2004 law and that 1978 resolution were cited; a 1500 pages report was not.",
            crate::lang::EN,
            dct
        ),
        pairs(&[("2004", "2004"), ("1978", "1978")])
    );
    assert_eq!(
        dates(
            "The plant opened a decade ago and expects growth in the current fiscal year.",
            crate::lang::EN,
            dct
        ),
        pairs(&[("a decade ago", "2009"), ("current fiscal year", "2019")])
    );
}

#[test]
fn counted_from_the_last_day_mentioned() {
    let dct = Some("2017-11-04");
    assert_eq!(
        dates(
            "L'offensive a commencé le 12 octobre. Trois jours plus tard, la ville est tombée.",
            crate::lang::FR,
            dct
        ),
        pairs(&[
            ("12 octobre", "2017-10-12"),
            ("Trois jours plus tard", "2017-10-15")
        ])
    );
    // Counted from an event, not a date: not this form.
    assert_eq!(
        dates(
            "Il est mort trois jours après l'attaque.",
            crate::lang::FR,
            dct
        ),
        pairs(&[])
    );
    assert_eq!(
        dates(
            "The talks opened on Oct. 2 and collapsed two weeks later.",
            crate::lang::EN,
            dct
        ),
        pairs(&[("Oct. 2", "2017-10-02"), ("two weeks later", "2017-W42")])
    );
}

#[test]
fn a_future_word_inside_a_compound_is_no_future() {
    // 2017-11-03 is a Friday.
    let dct = Some("2017-11-03");
    assert_eq!(
        dates(
            "Shares fell after lower-than-expected earnings were reported Wednesday.",
            crate::lang::EN,
            dct
        ),
        pairs(&[("Wednesday", "2017-11-01")])
    );
    assert_eq!(
        dates("Earnings are expected Wednesday.", crate::lang::EN, dct),
        pairs(&[("Wednesday", "2017-11-08")])
    );
}

#[test]
fn days_no_calendar_has_get_no_value() {
    let none = |t: &str| (t.to_string(), None);
    // A day no year has: the span stays, without a value.
    assert_eq!(
        dates(
            "Il est arrivé le 31 février, le 30 février ou le 31 avril.",
            crate::lang::FR,
            None
        ),
        vec![none("31 février"), none("30 février"), none("31 avril")]
    );
    assert_eq!(
        dates("He arrived on 30 February.", crate::lang::EN, None),
        vec![none("30 February")]
    );
    // 29 February exists in some years: valid unknown year, not in 2019.
    assert_eq!(
        dates("le 29 février", crate::lang::FR, None),
        pairs(&[("29 février", "XXXX-02-29")])
    );
    assert_eq!(
        dates("le 29 février 2019", crate::lang::FR, None),
        vec![none("29 février 2019")]
    );
    assert_eq!(
        dates("le 29 février 2020", crate::lang::FR, None),
        pairs(&[("29 février 2020", "2020-02-29")])
    );
    // The reference year makes it: 2019 has no 29 February either.
    assert_eq!(
        dates("le 29 février", crate::lang::FR, Some("2019-01-10")),
        vec![none("29 février")]
    );
}

#[test]
fn arithmetic_past_9999_or_before_0000_gives_no_value() {
    let none = |t: &str| (t.to_string(), None);
    assert_eq!(
        dates(
            "He will come next year, tomorrow, next week or next month.",
            crate::lang::EN,
            Some("9999-12-31")
        ),
        vec![
            none("next year"),
            none("tomorrow"),
            none("next week"),
            none("next month")
        ]
    );
    assert_eq!(
        dates(
            "He came yesterday, last year, last week or last month.",
            crate::lang::EN,
            Some("0000-01-01")
        ),
        vec![
            none("yesterday"),
            none("last year"),
            none("last week"),
            none("last month")
        ]
    );
    // The last day and year of the range are still values.
    assert_eq!(
        dates(
            "He came yesterday and this year.",
            crate::lang::EN,
            Some("9999-12-31")
        ),
        pairs(&[("yesterday", "9999-12-30"), ("this year", "9999")])
    );
}
