//! How names read English, on sentences of our own.

use super::LOCALE;
use crate::names::tests::has;
use crate::span::{ActorType, ActorValue, Kind, Value};

fn spans(text: &str) -> Vec<(String, Kind)> {
    crate::names::tests::spans(text, LOCALE.lang)
}

#[test]
fn a_sentence_opening_with_a_function_word_keeps_the_name_after_it() {
    let s = spans("The UN Security Council met on Friday.");
    assert_eq!(s, [("UN Security Council".to_string(), Kind::Actor)]);
    // A name that starts with the article stays whole.
    let s = spans("The Hague court ruled.");
    assert!(has(&s, "The Hague", Kind::Place), "{s:?}");
}

#[test]
fn articles_demonyms_and_place_words_around_names() {
    let s = spans(
        "Police said the men had links to al Shabaab, the Somali militant group allied with al Qaeda.",
    );
    assert_eq!(
        s,
        [
            ("al Shabaab".to_string(), Kind::Actor),
            ("al Qaeda".to_string(), Kind::Actor)
        ]
    );
    let s = spans("They were detained in the Likoni district on Monday.");
    assert!(has(&s, "Likoni", Kind::Place), "{s:?}");
}

#[test]
fn months_and_weekdays_in_mid_sentence_are_not_towns() {
    // "March" is a town in England, "Sunday" a frequent word: with a
    // capital in mid-sentence they are still dates, not names.
    let s = spans("The summit will open in March in Washington.");
    assert!(!s.iter().any(|(t, _)| t == "March"), "{s:?}");
    assert!(has(&s, "Washington", Kind::Place), "{s:?}");
    let s = spans("Rebels shelled the town on Sunday and Monday.");
    assert!(s.is_empty(), "{s:?}");
}

#[test]
fn titles_make_people_without_the_title() {
    let s = spans("The operation was led by Gen. Joseph Votel, officials said.");
    assert!(has(&s, "Joseph Votel", Kind::Actor), "{s:?}");
    let s = spans("It was confirmed by President Emmanuel Macron on Monday.");
    assert!(has(&s, "Emmanuel Macron", Kind::Actor), "{s:?}");
}

#[test]
fn headlines_need_more_than_a_capital() {
    let s = spans("FIGHTING CONTINUES AS TALKS STALL IN GENEVA");
    assert!(
        !s.iter().any(|(t, _)| t == "FIGHTING" || t == "TALKS"),
        "{s:?}"
    );
}

#[test]
fn context_makes_organisations_and_places() {
    let s = spans("Shares of Acme Holdings Corp fell sharply.");
    assert!(has(&s, "Acme Holdings Corp", Kind::Actor), "{s:?}");
    let s = spans("Boats moved along the Zarqa River overnight.");
    assert!(has(&s, "Zarqa River", Kind::Place), "{s:?}");
}

#[test]
fn countries_and_capitals_as_subjects_of_agent_verbs_are_actors() {
    let s = spans("The talks stalled, while France said it would send more troops.");
    assert!(has(&s, "France", Kind::Actor), "{s:?}");
    let s = spans("Officials met on Monday. Iran, which denies the charges, urged calm.");
    assert!(has(&s, "Iran", Kind::Actor), "{s:?}");
    // Places stay places: in a list, after a preposition, in an apposition.
    let s = spans("Leaders from Niger, Guinea and Ghana -- are expected to attend.");
    assert!(has(&s, "Guinea", Kind::Place), "{s:?}");
    let s = spans("A trawler sank off Nova Scotia, Canada, and two men are missing.");
    assert!(has(&s, "Canada", Kind::Place), "{s:?}");
    let s = spans("The delegation flew to Paris and London on Monday.");
    assert!(has(&s, "London", Kind::Place), "{s:?}");
}

#[test]
fn irish_names_and_plural_words_at_sentence_starts() {
    let s = spans("Police questioned O'Brien and O'Neill on Monday.");
    assert!(has(&s, "O'Brien", Kind::Actor), "{s:?}");
    assert!(has(&s, "O'Neill", Kind::Actor), "{s:?}");
    // The plural of a frequent word heading a sentence is no name.
    let s = spans("Talks resumed. Analysts said the deal would hold.");
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
    let s = spans("The decision by George W. Bush angered Walter K. Brandt.");
    assert!(has(&s, "George W. Bush", Kind::Actor), "{s:?}");
    assert!(has(&s, "Walter K. Brandt", Kind::Actor), "{s:?}");
    // A sentence ending on a letter does not run into the next one.
    let s = spans("It was Group A. The rest followed.");
    assert!(!s.iter().any(|(t, _)| t.contains("The")), "{s:?}");
}

#[test]
fn frequent_words_that_speak_or_own_are_names() {
    let s = spans("Officers said Banks 's arrest was political, and Rivers said so too.");
    assert!(has(&s, "Banks", Kind::Actor), "{s:?}");
    assert!(has(&s, "Rivers", Kind::Actor), "{s:?}");
    // Not when the document writes the word in lower case too.
    let s = spans("Then Rivers said so. They walked by the rivers.");
    assert!(!s.iter().any(|(t, _)| t == "Rivers"), "{s:?}");
}

#[test]
fn initials_make_people() {
    let s = spans("Hampshire 142 ( K. Lindqvist 5-27 ) and then J.P. Smith.");
    assert!(has(&s, "K. Lindqvist", Kind::Actor), "{s:?}");
    assert!(has(&s, "J.P. Smith", Kind::Actor), "{s:?}");
    // A dotted abbreviation the gazetteer knows is not a person's
    // initial: "U.S. Treasury" is the gazetteer's government.
    let text = "The U.S. Treasury said so.";
    let doc = crate::text::Doc::new(text);
    let mut out = Vec::new();
    crate::names::find(
        &doc,
        LOCALE.lang,
        LOCALE.names,
        &crate::names::Setting::default(),
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
fn towns_beside_scores_are_teams() {
    let s = spans(
        "Results on Saturday :\nLeeds 2 Arsenal 1\nBristol 0 Chelsea 3\nPostponed : Leeds v Everton",
    );
    assert!(has(&s, "Bristol", Kind::Actor), "{s:?}");
    assert!(has(&s, "Everton", Kind::Actor), "{s:?}");
    // One number beside a town is no result.
    let s = spans("He flew to Bristol 2 days ago.");
    assert!(has(&s, "Bristol", Kind::Place), "{s:?}");
}

#[test]
fn surnames_take_the_reading_of_the_full_name() {
    let s = spans("Republican Bob Dole spoke on Monday. Dole said taxes would fall.");
    let doles: Vec<_> = s.iter().filter(|(t, _)| t.contains("Dole")).collect();
    assert_eq!(doles.len(), 2, "{s:?}");
    assert!(doles.iter().all(|(_, k)| *k == Kind::Actor), "{s:?}");
}

#[test]
fn an_institution_named_by_its_place_is_one_organisation() {
    let s = spans("Rates were held by the Bank of Canada on a quiet morning.");
    assert!(has(&s, "Bank of Canada", Kind::Actor), "{s:?}");
    let s = spans("She teaches at the University of Northern Colorado now.");
    assert!(
        has(&s, "University of Northern Colorado", Kind::Actor),
        "{s:?}"
    );
    // A place after "of" with no institution in front stays a place.
    let s = spans("The people of Canada voted.");
    assert!(has(&s, "Canada", Kind::Place), "{s:?}");
}

#[test]
fn a_news_desk_or_paper_named_by_its_town_is_one_organisation() {
    let s = spans("The story was filed by the Warsaw Newsroom on a quiet day.");
    assert!(has(&s, "Warsaw Newsroom", Kind::Actor), "{s:?}");
}

#[test]
fn a_line_listing_names_is_no_headline() {
    let s = spans("Leaders after the first round:\n67 Mike Hulbert , Brian Henninger , Tom Weiskopf ,\nAndrew Coltart .");
    assert!(has(&s, "Brian Henninger", Kind::Actor), "{s:?}");
}

#[test]
fn a_town_and_its_nickname_in_results_are_one_team() {
    let s =
        spans("Results:\nLeeds 2 Derby 1\nWigan 0 Hull 3\nThe Bristol Rovers manager was pleased.");
    assert!(has(&s, "Bristol Rovers", Kind::Actor), "{s:?}");
}

#[test]
fn a_headline_in_capitals_names_what_its_body_names() {
    // Capitals prove nothing in a headline: a word there is the name the
    // body gives in its usual case, with the body's kind.
    let s = spans(
        "SOCCER - PORTUGAL BEAT ICELAND IN UNDER-21 MATCH .\nLISBON 1996-09-01\n\
         Portugal beat Iceland 3-0 in their under-21 match on Saturday .",
    );
    assert!(has(&s, "ICELAND", Kind::Place), "{s:?}");
    let s = spans(
        "TENNIS - KOVAC DEFEATS LINDGREN IN FINAL .\nSTOCKHOLM 1996-09-01\n\
         Marek Kovac beat Erik Lindgren 6-4 6-2 in the final on Sunday . Kovac served well .",
    );
    assert!(has(&s, "KOVAC", Kind::Actor), "{s:?}");
}

#[test]
fn a_demonym_or_frequent_word_before_a_title_opening_a_sentence() {
    // The title and the name after it are read as in mid-sentence.
    let s = spans("Prime Minister Helen Clarke said the budget was sound.");
    assert!(
        s.iter()
            .any(|(t, k)| t.ends_with("Helen Clarke") && *k == Kind::Actor),
        "{s:?}"
    );
    let s = spans("Norwegian President Lars Haugen arrived on Monday.");
    assert!(
        s.iter()
            .any(|(t, k)| t.ends_with("Lars Haugen") && *k == Kind::Actor),
        "{s:?}"
    );
}

#[test]
fn a_first_name_before_a_county_word_names_a_place() {
    // "Marion", "Clay", "Madison" are first names; before "County",
    // "Parish" or "Township" they name the place.
    let s = spans("Deputies in Marion County and Clay County searched the woods.");
    assert!(has(&s, "Marion County", Kind::Place), "{s:?}");
    assert!(has(&s, "Clay County", Kind::Place), "{s:?}");
    let s = spans("Crews from Madison Parish and Hamilton Township joined them.");
    assert!(has(&s, "Madison Parish", Kind::Place), "{s:?}");
    assert!(has(&s, "Hamilton Township", Kind::Place), "{s:?}");
    // A person's name stays a person's.
    let s = spans("Marion Jones won the race.");
    assert!(has(&s, "Marion Jones", Kind::Actor), "{s:?}");
}
