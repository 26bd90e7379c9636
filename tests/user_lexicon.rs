//! The editor's lexicon (FORMAT.md): adding names, rejecting highlights,
//! values passed through, spelling variants, and the errors an editor sees.

use depeche::span::{Candidate, Source};
use depeche::text::Doc;
use depeche::{annotate, ActorType, Kind, Options, UserLexicon, Value};

fn lexicon(json: &str) -> UserLexicon {
    match UserLexicon::from_json(json) {
        Ok(l) => l,
        Err(e) => panic!("lexicon rejected: {e}"),
    }
}

/// The texts of the candidates the lexicon finds, in order.
fn found(lex: &UserLexicon, text: &str) -> Vec<(String, Kind)> {
    let doc = Doc::new(text);
    let mut out = Vec::new();
    lex.find(&doc, &mut out);
    out.sort_by_key(|c| (c.start, c.end));
    out.iter()
        .map(|c| (text[c.start..c.end].to_string(), c.kind))
        .collect()
}

fn texts(v: &[(String, Kind)]) -> Vec<&str> {
    v.iter().map(|(t, _)| t.as_str()).collect()
}

#[test]
fn added_names_are_found_as_user_candidates() {
    let lex = lexicon(
        r#"{"version": 1, "add": [
            {"text": "OSDH", "kind": "actor"},
            {"text": "Deir ez-Zor", "kind": "place"}
        ]}"#,
    );
    let text = "Selon l'OSDH, les combats ont repris à Deir Ezzor et à DEIR EZ-ZOR. L’OSDH dément.";
    let doc = Doc::new(text);
    let mut out = Vec::new();
    lex.find(&doc, &mut out);
    assert!(out
        .iter()
        .all(|c| c.source == Source::User && c.score == 100));
    let f = found(&lex, text);
    assert_eq!(
        f,
        vec![
            ("OSDH".to_string(), Kind::Actor),
            ("Deir Ezzor".to_string(), Kind::Place),
            ("DEIR EZ-ZOR".to_string(), Kind::Place),
            ("OSDH".to_string(), Kind::Actor),
        ]
    );
}

#[test]
fn matching_tolerates_case_accents_and_hyphens_on_whole_tokens_only() {
    let lex = lexicon(
        r#"{"version": 1, "add": [
            {"text": "Hayat Tahrir al-Cham", "kind": "actor"},
            {"text": "Alep", "kind": "place"},
            {"text": "Béchir", "kind": "actor"}
        ]}"#,
    );
    let text = "HAYAT TAHRIR AL CHAM tient Alep; hayat tahrir al-Cham, Bechir et BÉCHIR. \
                Aleppo, Alepine et Béchirisme ne comptent pas.";
    assert_eq!(
        texts(&found(&lex, text)),
        [
            "HAYAT TAHRIR AL CHAM",
            "Alep",
            "hayat tahrir al-Cham",
            "Bechir",
            "BÉCHIR"
        ]
    );
}

#[test]
fn acronyms_do_not_match_lower_case_words() {
    let lex = lexicon(r#"{"version": 1, "add": [{"text": "US", "kind": "place"}]}"#);
    let text = "The US envoy told us that U.S. forces would stay.";
    assert_eq!(texts(&found(&lex, text)), ["US", "U.S."]);
}

#[test]
fn values_are_passed_through() {
    let lex = lexicon(
        r#"{"version": 1, "add": [
            {"text": "OSDH", "kind": "actor",
             "value": {"canonical": "Observatoire syrien des droits de l'homme", "type": "organisation"}},
            {"text": "Mayadine", "kind": "place",
             "value": {"country": "sy", "lat": 35.02, "lon": 40.45, "ref": "local:1"}},
            {"text": "Aïd el-Kébir", "kind": "date", "value": "2017-09-01"},
            {"text": "Casques blancs", "kind": "actor", "value": {"type": "organisation"}}
        ]}"#,
    );
    let text =
        "L'OSDH signale des frappes à Mayadine pendant l'Aïd el-Kébir, selon les Casques blancs.";
    let doc = Doc::new(text);
    let mut out = Vec::new();
    lex.find(&doc, &mut out);
    out.sort_by_key(|c| c.start);
    let values: Vec<Option<Value>> = out.into_iter().map(|c| c.value).collect();
    assert_eq!(values.len(), 4);
    match &values[0] {
        Some(Value::Actor(a)) => {
            assert_eq!(a.canonical, "Observatoire syrien des droits de l'homme");
            assert_eq!(a.actor_type, Some(ActorType::Organisation));
        }
        other => panic!("actor value expected, got {other:?}"),
    }
    match &values[1] {
        Some(Value::Place(p)) => {
            assert_eq!(p.country.as_deref(), Some("SY"));
            assert_eq!(p.lat, Some(35.02));
            assert_eq!(p.lon, Some(40.45));
            assert_eq!(p.reference.as_deref(), Some("local:1"));
        }
        other => panic!("place value expected, got {other:?}"),
    }
    assert_eq!(values[2], Some(Value::Date("2017-09-01".into())));
    match &values[3] {
        // The canonical name defaults to the name as the editor wrote it.
        Some(Value::Actor(a)) => assert_eq!(a.canonical, "Casques blancs"),
        other => panic!("actor value expected, got {other:?}"),
    }
}

#[test]
fn annotate_uses_the_lexicon_with_code_point_offsets() {
    let lex = lexicon(
        r#"{"version": 1, "add": [{"text": "OSDH", "kind": "actor", "value": {"canonical": "OSDH"}}]}"#,
    );
    let text = "Éric 🙂 a lu l'OSDH.";
    let opts = Options {
        lexicon: Some(lex),
        ..Options::default()
    };
    let r = annotate(text, &opts);
    let span = r
        .spans
        .iter()
        .find(|s| s.source.as_deref() == Some("user"))
        .expect("the user's name is highlighted");
    assert_eq!(span.text, "OSDH");
    assert_eq!((span.start, span.end), (14, 18));
    assert_eq!(span.kind, Kind::Actor);
}

#[test]
fn rejected_names_drop_built_in_candidates_of_that_kind() {
    let lex = lexicon(
        r#"{"version": 1, "reject": [
            {"text": "Phase finale", "kind": "place"},
            {"text": "Grand Nord"}
        ]}"#,
    );
    let text = "La PHASE FINALE du Grand-Nord.";
    let place = |s: usize, e: usize| Candidate::new(s, e, Kind::Place, Source::Lexicon, 60);
    let mut cands = vec![
        place(3, 15), // "PHASE FINALE" as a place: rejected
        Candidate::new(3, 15, Kind::Actor, Source::Rule, 40), // same text, other kind: kept
        place(19, 29), // "Grand-Nord", any kind: rejected
        Candidate::new(19, 29, Kind::Actor, Source::Rule, 40),
        Candidate::new(19, 29, Kind::Place, Source::User, 100), // the editor's own: kept
        place(3, 8),                                            // "PHASE": another name, kept
    ];
    lex.reject(text, &mut cands);
    let kept: Vec<(&str, Kind, Source)> = cands
        .iter()
        .map(|c| (&text[c.start..c.end], c.kind, c.source))
        .collect();
    assert_eq!(
        kept,
        [
            ("PHASE FINALE", Kind::Actor, Source::Rule),
            ("Grand-Nord", Kind::Place, Source::User),
            ("PHASE", Kind::Place, Source::Lexicon),
        ]
    );
}

#[test]
fn an_empty_lexicon_changes_nothing() {
    let lex = lexicon(r#"{"version": 1}"#);
    assert!(lex.is_empty());
    let text = "Le Caire, 3 novembre.";
    let mut cands = vec![Candidate::new(0, 8, Kind::Place, Source::Lexicon, 80)];
    lex.reject(text, &mut cands);
    assert_eq!(cands.len(), 1);
    assert!(found(&lex, text).is_empty());
}

fn error(json: &str) -> String {
    match UserLexicon::from_json(json) {
        Ok(_) => panic!("lexicon accepted: {json}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn invalid_lexicons_get_clear_errors() {
    let e = error(r#"{"version": 2, "add": []}"#);
    assert!(e.contains("unsupported \"version\" 2"), "{e}");
    let e = error(r#"{"add": []}"#);
    assert!(e.contains("no \"version\""), "{e}");
    let e = error(
        r#"{"version": 1, "add": [{"text": "OSDH", "kind": "actor"}, {"text": "X", "kind": "acteur"}]}"#,
    );
    assert!(e.contains("\"add\" entry 2"), "{e}");
    assert!(e.contains("unknown kind \"acteur\""), "{e}");
    let e = error(r#"{"version": 1, "add": [{"kind": "actor"}]}"#);
    assert!(e.contains("\"add\" entry 1: no \"text\""), "{e}");
    let e = error(r#"{"version": 1, "reject": [{"text": "---"}]}"#);
    assert!(e.contains("no letter or digit"), "{e}");
    let e = error(r#"{"version": 1, "add": [{"text": "OSDH"}]}"#);
    assert!(e.contains("no \"kind\""), "{e}");
    let e = error(r#"{"version": 1, "add": [{"text": "Lundi noir", "kind": "date", "value": 3}]}"#);
    assert!(e.contains("TIMEX3"), "{e}");
    let e = error(
        r#"{"version": 1, "add": [{"text": "EI", "kind": "actor", "value": {"type": "gang"}}]}"#,
    );
    assert!(e.contains("unknown actor \"type\" \"gang\""), "{e}");
    let e = error("{\"version\": 1,\n \"add\": [\n  {\"text\": \"OSDH\" \"kind\": \"actor\"}\n]}");
    assert!(e.contains("not valid JSON"), "{e}");
    assert!(e.contains("line 3 column 19"), "{e}");
    let e = error("[1, 2]");
    assert!(e.contains("expected a JSON object"), "{e}");
}

proptest::proptest! {
    /// Whatever the text, the lexicon neither panics nor proposes anything but
    /// whole characters whose name key is an added name's.
    #[test]
    fn any_text_gives_sound_candidates(text in "(\\PC|[ \n'’.-]|OSDH|Deir|ez|Zor|l'){0,40}") {
        let lex = lexicon(
            r#"{"version": 1, "add": [{"text": "OSDH", "kind": "actor"}, {"text": "Deir ez-Zor", "kind": "place"}],
                "reject": [{"text": "Deir"}]}"#,
        );
        let doc = Doc::new(&text);
        let mut out = Vec::new();
        lex.find(&doc, &mut out);
        lex.reject(&text, &mut out);
        for c in &out {
            let s = text.get(c.start..c.end);
            proptest::prop_assert!(s.is_some() && c.start < c.end);
            let key = depeche::text::name_key(s.unwrap_or_default());
            proptest::prop_assert!(key == "osdh" || key == "deir ezor", "{:?}", key);
        }
        let _ = annotate(&text, &Options { lexicon: Some(lex), ..Options::default() });
    }
}

#[test]
fn a_later_entry_for_the_same_name_and_kind_replaces_the_earlier() {
    let lex = lexicon(
        r#"{"version": 1, "add": [
            {"text": "Us", "kind": "actor", "value": {"canonical": "old"}},
            {"text": "US", "kind": "actor", "value": {"canonical": "United States"}},
            {"text": "US", "kind": "place"}
        ]}"#,
    );
    assert_eq!(lex.added().len(), 2);
    let text = "Washington (US) et nous: us.";
    let doc = Doc::new(text);
    let mut out = Vec::new();
    lex.find(&doc, &mut out);
    // The acronym written in capitals no longer matches the lower-case "us".
    assert_eq!(out.len(), 2);
    assert!(out.iter().all(|c| &text[c.start..c.end] == "US"));
    assert!(out
        .iter()
        .any(|c| matches!(&c.value, Some(Value::Actor(a)) if a.canonical == "United States")));
}
