use super::*;

/// The senses of the longest name starting at the first token of `text`,
/// with the matched text.
fn first_match(text: &str) -> Option<(String, Vec<Entry>)> {
    let doc = Doc::new(text);
    let m = longest_match(&doc, 0)?;
    Some((text[..m.end].to_owned(), m.entries))
}

fn countries_of(entries: &[Entry]) -> Vec<&'static str> {
    entries
        .iter()
        .filter_map(|e| match e {
            Entry::Place(p) => p.country,
            Entry::Actor(_) => None,
        })
        .collect()
}

fn has_city(entries: &[Entry], cc: &str) -> Option<PlaceEntry> {
    entries.iter().find_map(|e| match e {
        Entry::Place(p) if p.kind == PlaceKind::City && p.country == Some(cc) => Some(p.clone()),
        _ => None,
    })
}

fn actor(entries: &[Entry]) -> Option<ActorEntry> {
    entries.iter().find_map(|e| match e {
        Entry::Actor(a) => Some(a.clone()),
        _ => None,
    })
}

#[test]
fn deir_ezzor_variants_hit_the_same_city() {
    let mut refs = Vec::new();
    for text in [
        "Deir Ezzor, ville",
        "Deir ez-Zor city",
        "DEIR EZ-ZOR (AFP)",
        "Deir al-Zor",
        "Deir el-Zor",
        "Deir Ez Zor",
    ] {
        let (span, entries) = first_match(text).unwrap_or_else(|| panic!("no match: {text}"));
        let city = has_city(&entries, "SY").unwrap_or_else(|| panic!("no SY city: {text}"));
        assert!(city.population > 100_000, "{text}: {city:?}");
        assert!(span.len() >= 10, "{text}: span {span:?}");
        refs.push(city.reference);
    }
    assert!(refs.windows(2).all(|w| w[0] == w[1]), "{refs:?}");
}

#[test]
fn al_qaim_variants() {
    let mut refs = Vec::new();
    for text in [
        "Al-Qaïm, près",
        "al-Qa'im",
        "Al Qaim",
        "AL-QAIM",
        "Al-Qa’im",
    ] {
        let (span, entries) = first_match(text).unwrap_or_else(|| panic!("no match: {text}"));
        let city = has_city(&entries, "IQ").unwrap_or_else(|| panic!("no IQ city: {text}"));
        assert!(!span.contains(','), "{span}");
        refs.push(city.reference);
    }
    assert!(refs.windows(2).all(|w| w[0] == w[1]), "{refs:?}");
}

#[test]
fn raqa_mosul_and_other_exonyms() {
    let raqa: Vec<_> = ["Raqa", "Raqqa", "Ar-Raqqah", "Rakka"]
        .iter()
        .map(|t| has_city(&lookup(t), "SY").map(|p| p.reference))
        .collect();
    assert!(raqa[0].is_some());
    assert!(raqa.windows(2).all(|w| w[0] == w[1]), "{raqa:?}");
    let mosul = has_city(&lookup("Mossoul"), "IQ").expect("Mossoul");
    assert_eq!(Some(mosul.clone()), has_city(&lookup("Mosul"), "IQ"));
    assert!(mosul.population > 1_000_000);
    for (name, cc) in [
        ("Londres", "GB"),
        ("Le Caire", "EG"),
        ("Pékin", "CN"),
        ("Moscou", "RU"),
        ("Bagdad", "IQ"),
        ("Beyrouth", "LB"),
        ("Damas", "SY"),
        ("Alep", "SY"),
    ] {
        assert!(has_city(&lookup(name), cc).is_some(), "{name}");
    }
    let damascus = has_city(&lookup("Damascus"), "SY").expect("Damascus");
    assert!(damascus.capital);
    assert!(damascus.lat.is_some_and(|l| (l - 33.5).abs() < 0.5));
}

#[test]
fn countries_in_both_languages() {
    for (name, cc) in [
        ("Irak", "IQ"),
        ("Iraq", "IQ"),
        ("Syrie", "SY"),
        ("États-Unis", "US"),
        ("Etats-Unis", "US"),
        ("United States", "US"),
        ("U.S.", "US"),
        ("RDC", "CD"),
        ("République démocratique du Congo", "CD"),
        ("Royaume-Uni", "GB"),
        ("Britain", "GB"),
        ("Côte d'Ivoire", "CI"),
    ] {
        let e = lookup(name);
        match e.first() {
            Some(Entry::Place(p)) => {
                assert_eq!(p.kind, PlaceKind::Country, "{name}");
                assert_eq!(p.country, Some(cc), "{name}");
            }
            other => panic!("{name}: {other:?}"),
        }
    }
    let (span, e) = first_match("Etats-Unis et Russie").unwrap();
    assert_eq!(span, "Etats-Unis");
    assert_eq!(countries_of(&e).first(), Some(&"US"));
    let (span, _) = first_match("U.S. envoys").unwrap();
    assert!(span.starts_with("U.S"), "{span}");
}

#[test]
fn features_and_regions() {
    let (span, e) = first_match("vallée de l'Euphrate, dans l'est").unwrap();
    assert_eq!(span, "vallée de l'Euphrate");
    let (span, _) = first_match("VALLEE DE L’EUPHRATE").unwrap();
    assert_eq!(span, "VALLEE DE L’EUPHRATE");
    assert!(matches!(&e[0], Entry::Place(p) if p.kind == PlaceKind::Feature));
    for name in [
        "Euphrate",
        "Tigris",
        "Kurdistan irakien",
        "Cisjordanie",
        "West Bank",
        "golfe Persique",
        "mer Méditerranée",
    ] {
        assert!(!lookup(name).is_empty(), "{name}");
    }
    let (_, e) = first_match("Kurdistan irakien").unwrap();
    assert_eq!(countries_of(&e), vec!["IQ"]);
}

#[test]
fn actors_and_aliases() {
    for name in [
        "EI",
        "Daech",
        "ISIS",
        "Etat islamique",
        "État islamique",
        "Islamic State",
    ] {
        let a = actor(&lookup(name)).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(a.canonical, "Islamic State", "{name}");
        assert_eq!(a.actor_type, ActorType::ArmedGroup, "{name}");
    }
    let a = actor(&lookup("OSDH")).unwrap();
    assert_eq!(a.canonical, "Syrian Observatory for Human Rights");
    assert_eq!(a.actor_type, ActorType::Organisation);
    let (span, e) = first_match("Observatoire syrien des droits de l'homme (OSDH)").unwrap();
    assert_eq!(span, "Observatoire syrien des droits de l'homme");
    assert_eq!(
        actor(&e).unwrap().canonical,
        "Syrian Observatory for Human Rights"
    );
    assert_eq!(actor(&lookup("ONU")).unwrap().actor_type, ActorType::Igo);
    assert_eq!(actor(&lookup("AFP")).unwrap().actor_type, ActorType::Media);
    // A place that is also an actor keeps both senses, the place first.
    let vatican = lookup("Vatican");
    assert!(matches!(vatican.first(), Some(Entry::Place(_))));
    assert!(actor(&vatican).is_some());
}

#[test]
fn first_names() {
    assert!(is_first_name("mohammed"));
    assert!(is_first_name("emmanuel"));
    assert!(is_first_name("jean"));
    assert!(!is_first_name("syrie"));
}

#[test]
fn every_language_has_its_tables_in_the_registrys_order() {
    use data::tables::{CANONICAL, COMMON, COUNTRY_NAMES, DEMONYMS, LANGS, PREFERRED};
    // Sorted codes, each once; the preference order a permutation of them.
    assert!(LANGS.windows(2).all(|w| w[0] < w[1]), "{LANGS:?}");
    let mut order = PREFERRED.to_vec();
    order.sort_unstable();
    assert_eq!(order, (0..LANGS.len()).collect::<Vec<_>>());
    // data/lang/languages.tsv and the registry list the languages in the same order.
    let registry: Vec<&str> = crate::locales::LOCALES
        .iter()
        .map(|l| l.lang.as_str())
        .filter(|c| LANGS.contains(c))
        .collect();
    let preferred: Vec<&str> = PREFERRED.iter().map(|&i| LANGS[i]).collect();
    assert_eq!(preferred, registry);
    for (i, code) in LANGS.iter().enumerate() {
        // A pack language's tables are in its pack (the native build loads it).
        let names = match data::tables::PACKED[i] {
            true => &super::pack(i).expect("pack").country_names[..],
            false => {
                assert!(!COMMON[i].is_empty() && !DEMONYMS[i].is_empty(), "{code}");
                COUNTRY_NAMES[i]
            }
        };
        let lex = super::get();
        assert!(
            lex.common(i).is_some() && lex.demonyms(i).is_some(),
            "{code}"
        );
        assert_eq!(names.len(), data::tables::COUNTRIES.len(), "{code}");
    }
    let canonical = CANONICAL.expect("a language of canonical names");
    assert!(COUNTRY_NAMES[canonical].iter().all(|n| !n.is_empty()));
}

#[test]
fn a_language_without_tables_reads_every_core_language() {
    // Lang::UND: a word common in any core language is common; a demonym is
    // the first core language's (in the registry's order) that knows it. The
    // packs' tables are not read for `und` (UND_ORDER).
    for &i in data::tables::UND_ORDER {
        let code = &data::tables::LANGS[i];
        let lang = crate::locales::LOCALES
            .iter()
            .map(|l| l.lang)
            .find(|l| l.as_str() == *code)
            .expect("a language of the lexicon is in the registry");
        let lex = get();
        let mut words = lex.common(i).expect("tables").stream();
        let mut n = 0;
        while let Some(w) = fst::Streamer::next(&mut words) {
            let w = std::str::from_utf8(w).expect("utf-8");
            assert!(
                is_common_word(lang, w) && is_common_word(Lang::UND, w),
                "{code} {w}"
            );
            n += 1;
            if n > 200 {
                break;
            }
        }
        let first = data::tables::UND_ORDER[0];
        let mut dem = lex.demonyms(i).expect("tables").stream();
        while let Some((w, _)) = fst::Streamer::next(&mut dem) {
            let w = std::str::from_utf8(w).expect("utf-8");
            assert!(is_demonym(Lang::UND, w), "{code} {w}");
            if i == first {
                assert_eq!(demonym(Lang::UND, w), demonym(lang, w), "{code} {w}");
            }
        }
    }
    let order = data::tables::UND_ORDER;
    assert!(order.iter().all(|i| data::tables::PREFERRED.contains(i)));
    assert!(order.windows(2).all(|w| {
        let at = |x| data::tables::PREFERRED.iter().position(|&p| p == x);
        at(w[0]) < at(w[1])
    }));
    assert!(!is_common_word(Lang::UND, "deir"));
    assert!(!is_demonym(Lang::UND, "deir"));
}

#[test]
fn country_names_fall_back_to_the_canonical_language() {
    let canonical = data::tables::CANONICAL.expect("canonical");
    let code = data::tables::LANGS[canonical];
    let lang = crate::locales::LOCALES
        .iter()
        .map(|l| l.lang)
        .find(|l| l.as_str() == code)
        .expect("in the registry");
    for cc in ["SY", "iq", "us", "CI"] {
        assert!(country_name(cc, lang).is_some(), "{cc}");
        assert_eq!(country_name(cc, Lang::UND), country_name(cc, lang), "{cc}");
    }
    assert_eq!(country_name("ZZ", Lang::UND), None);
    assert_eq!(country_name("", lang), None);
}

#[test]
fn a_name_ending_inside_a_token_does_not_match() {
    let doc = Doc::new("Parisien");
    assert!(longest_match(&doc, 0).is_none());
    let (span, _) = first_match("Paris, France").unwrap();
    assert_eq!(span, "Paris");
    // Longest: "New York" rather than "York"; "Iraq's" still gives Iraq.
    let (span, _) = first_match("New York City Hall").unwrap();
    assert!(span.starts_with("New York"));
    let (span, e) = first_match("Iraq's army").unwrap();
    assert_eq!(span, "Iraq");
    assert_eq!(countries_of(&e).first(), Some(&"IQ"));
}

#[test]
fn a_line_break_or_a_comma_stops_a_match() {
    let (span, _) = first_match("Deir\nEzzor").unwrap_or(("".into(), vec![]));
    assert_ne!(span, "Deir\nEzzor");
    let doc = Doc::new("bande de\nGaza");
    assert!(longest_match(&doc, 0).map(|m| m.end_token) != Some(3));
    let (span, _) = first_match("Mossoul, Irak").unwrap();
    assert_eq!(span, "Mossoul");
}

#[test]
fn matches_start_anywhere_and_report_byte_offsets() {
    let text = "L'armée syrienne a repris Deir Ezzor à l'EI.";
    let doc = Doc::new(text);
    let t = doc.token_at_or_after(text.find("Deir").unwrap());
    let m = longest_match(&doc, t).unwrap();
    assert_eq!(&text[doc.tokens[t].start..m.end], "Deir Ezzor");
    assert_eq!(m.end_token, t + 2);
}

#[test]
fn odd_input_does_not_panic() {
    let long = "al ".repeat(500);
    let inputs = [
        "",
        " ",
        "-",
        "''''",
        "al-",
        "Al-'-",
        "....",
        "\u{0301}\u{0301}",
        "🇸🇾 Syrie",
        "ǅemal",
        "ﬁ",
        long.as_str(),
    ];
    for text in inputs {
        let doc = Doc::new(text);
        for t in 0..doc.len() + 2 {
            let _ = longest_match(&doc, t);
        }
        let _ = demonym(Lang::UND, text);
        let _ = is_common_word(Lang::UND, text);
        let _ = lookup(text);
    }
    assert!(demonym(Lang::UND, &"x".repeat(200)).is_none());
    assert!(country_name("🇸🇾", Lang::UND).is_none());
}

#[test]
fn loads_fresh_and_shared() {
    let a = Lexicon::load();
    assert!(a.is_common_word(Lang::UND, "maison"));
    assert!(std::ptr::eq(get(), get()));
    let (names, places, actors, features) = counts();
    assert!(names > 10_000 && places > 10_000 && actors > 200 && features > 200);
    let total: usize = blobs().iter().map(|b| b.1).sum();
    assert!(
        total <= 1_200_000,
        "compiled data {total} bytes over budget"
    );
}

#[test]
fn loading_is_near_free() {
    let t0 = std::time::Instant::now();
    for _ in 0..100 {
        std::hint::black_box(Lexicon::load());
    }
    // 100 loads well under the 20 ms start-up budget, even in a debug build.
    assert!(t0.elapsed().as_millis() < 20, "{:?}", t0.elapsed());
}

#[test]
fn place_country_is_the_first_place_sense_country() {
    // The same answer as decoding every sense, for countries, regions and cities.
    for name in ["Liban", "Lebanon", "Texas", "Tripoli", "Beyrouth", "Paris"] {
        let decoded = lookup(name).into_iter().find_map(|e| match e {
            Entry::Place(p) => p.country,
            Entry::Actor(_) => None,
        });
        assert!(decoded.is_some(), "{name}");
        assert_eq!(place_country(name), decoded, "{name}");
    }
    assert_eq!(place_country("Zzyzzyx Qwv"), None);
}

#[test]
fn references_are_written_as_format_writes_them() {
    for id in [1, 9, 10, 170_794, 4_294_967_295] {
        assert_eq!(
            super::Reference::Geonames(id).text(),
            format!("geonames:{id}")
        );
    }
    assert_eq!(super::Reference::Country("SY").text(), "iso3166-1:SY");
    assert_eq!(
        super::Reference::Subdivision("FR", *b"IDF").text(),
        "iso3166-2:FR-IDF"
    );
    assert_eq!(
        super::Reference::Subdivision("GB", [b'L', b'N', 0]).text(),
        "iso3166-2:GB-LN"
    );
}

#[test]
fn references_compare_as_their_text() {
    use super::Reference;
    let refs = [
        Reference::Geonames(0),
        Reference::Geonames(7),
        Reference::Geonames(170_794),
        Reference::Geonames(4_294_967_295),
        Reference::Country("SY"),
        Reference::Subdivision("FR", *b"IDF"),
        Reference::Subdivision("GB", [b'L', b'N', 0]),
    ];
    let texts = [
        "geonames:",
        "geonames:0",
        "geonames:00",
        "geonames:7",
        "geonames:07",
        "geonames:170794",
        "geonames:1707940",
        "geonames:70794",
        "geonames:4294967295",
        "iso3166-1:SY",
        "iso3166-1:S",
        "iso3166-2:FR-IDF",
        "iso3166-2:FR-ID",
        "iso3166-2:GB-LN",
        "iso3166-2:GB-LN\0",
        "iso3166-2:GBLN",
        "",
    ];
    for r in refs {
        for t in texts {
            assert_eq!(r.is_text(t), r.text() == t, "{r:?} {t}");
        }
    }
}
