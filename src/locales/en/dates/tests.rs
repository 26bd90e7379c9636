//! Tests of the English grammar alone: what each form matches, no resolving.

use super::*;

use crate::text::Doc;

fn parse_at(text: &str, i: usize) -> Option<(String, Expr)> {
    let doc = Doc::new(text);
    let cx = Cx::new(&doc, GRAMMAR.words());
    let p = parse(&cx, i)?;
    let s = doc.tokens[p.start].start;
    let e = doc.tokens[p.end - 1].end;
    Some((text[s..e].to_string(), p.expr))
}

#[test]
fn calendar_forms() {
    let cal = |y, m, d| Base::Cal {
        year: y,
        month: m,
        day: d,
    };
    assert_eq!(
        parse_at("Aug. 7, 1998", 0).map(|p| p.1.base),
        Some(cal(Some(1998), Some(8), Some(7)))
    );
    assert_eq!(
        parse_at("January 1998", 0).map(|p| p.1.base),
        Some(cal(Some(1998), Some(1), None))
    );
    assert_eq!(
        parse_at("3 November 2017", 0).map(|p| p.1.base),
        Some(cal(Some(2017), Some(11), Some(3)))
    );
    assert_eq!(
        parse_at("the 3rd.", 1).map(|p| p.1.base),
        Some(cal(None, None, Some(3)))
    );
    assert_eq!(parse_at("the 3rd Infantry", 1), None);
    assert_eq!(
        parse_at("in May", 1).map(|p| p.1.base),
        Some(cal(None, Some(5), None))
    );
    assert_eq!(parse_at("May I", 0), None);
    assert_eq!(parse_at("they march", 1), None);
    assert_eq!(
        parse_at("June last year", 0).map(|p| p.1.base),
        Some(Base::MonthRel {
            month: 6,
            shift: -1
        })
    );
}

#[test]
fn relative_forms() {
    assert_eq!(
        parse_at("last fall", 0).map(|p| p.1.base),
        Some(Base::Season {
            season: 3,
            year: None,
            shift: -1
        })
    );
    assert_eq!(
        parse_at("a year ago", 0).map(|p| p.1.base),
        Some(Base::YearEarlier)
    );
    assert_eq!(
        parse_at("two years ago", 0).map(|p| p.1.base),
        Some(Base::Rel { unit: Y, n: -2 })
    );
    assert_eq!(
        parse_at("several years ago", 0).map(|p| p.1.base),
        Some(Base::Ref(-1))
    );
    assert_eq!(
        parse_at("the end of the month", 1).map(|p| p.0),
        Some("end of the month".to_string())
    );
    assert_eq!(
        parse_at("in the past,", 2).map(|p| p.1.base),
        Some(Base::Ref(-1))
    );
    assert_eq!(parse_at("for six years", 1), None, "a duration");
    assert_eq!(
        parse_at("the 20th century", 1).map(|p| p.1.base),
        Some(Base::Century(19))
    );
    assert_eq!(
        parse_at("the 1990s", 1).map(|p| p.1.base),
        Some(Base::Decade(199))
    );
    assert_eq!(parse_at("the last time", 1), None);
}

#[test]
fn times() {
    let p = parse_at("10 p.m. Wednesday", 0).unwrap();
    assert_eq!(p.0, "10 p.m. Wednesday");
    assert_eq!(p.1.time, Some((22, 0)));
    assert_eq!(p.1.base, Base::Weekday { wd: 3, shift: 0 });
    assert_eq!(parse_at("12 a.m.", 0).unwrap().1.time, Some((0, 0)));
    assert_eq!(parse_at("noon", 0).unwrap().1.time, Some((12, 0)));
    assert_eq!(parse_at("Friday morning", 0).unwrap().1.part, Some(1));
    assert_eq!(parse_at("4 people", 0), None);
}

/// The English grammar inside the whole date pass: extents and values on
/// sentences.
mod sentences {
    use super::GRAMMAR;
    use crate::dates::tests::{dates, pairs};

    #[test]
    fn a_month_after_mid_early_or_late_is_a_month() {
        // "May" and "March" are verbs and names too; after "mid-", "early-"
        // or "late-" they are months.
        let dct = Some("2017-11-04");
        assert_eq!(
            dates(
                "Output dipped in mid-March and recovered by late-May.",
                &GRAMMAR,
                dct
            ),
            pairs(&[("mid-March", "2017-03"), ("late-May", "2017-05")])
        );
        // Whole-text: the month is no person either.
        let r = crate::annotate(
            "Farmers expect rain in late-May.",
            &crate::Options {
                lang: Some(crate::lang::Lang::parse("en").expect("en")),
                ..crate::Options::default()
            },
        );
        assert!(
            r.spans.iter().all(|s| s.kind == crate::span::Kind::Date),
            "{:?}",
            r.spans
        );
    }

    #[test]
    fn future_tense_picks_the_next_weekday() {
        let dct = Some("2017-11-04");
        assert_eq!(
            dates("He arrived Thursday.", &GRAMMAR, dct),
            pairs(&[("Thursday", "2017-11-02")])
        );
        assert_eq!(
            dates("He will arrive on Thursday.", &GRAMMAR, dct),
            pairs(&[("Thursday", "2017-11-09")])
        );
        assert_eq!(
            dates("He said Saturday.", &GRAMMAR, dct),
            pairs(&[("Saturday", "2017-11-04")])
        );
    }

    #[test]
    fn english_forms() {
        let dct = Some("2017-11-04");
        assert_eq!(
            dates(
                "On Friday, Nov. 3, 2017, and November 3, 2017, then the 3rd of November.",
                &GRAMMAR,
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
                &GRAMMAR,
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
                &GRAMMAR,
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
                &GRAMMAR,
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
                &GRAMMAR,
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
            "Orders rose at the slowest rate in six months.",
            &GRAMMAR,
            dct
        )
        .is_empty());
        assert!(dates("She won in 4:08.22 and it ended 1:7.", &GRAMMAR, dct).is_empty());
        assert!(dates(
            "They may march for six years every Monday with 2000 people.",
            &GRAMMAR,
            dct
        )
        .is_empty());
    }

    #[test]
    fn sets_and_ranges() {
        let dct = Some("1999-07-07");
        assert!(dates("He runs every Monday and each Friday.", &GRAMMAR, dct).is_empty());
    }

    #[test]
    fn a_weekday_named_again_is_the_same_day() {
        // 1999-05-18 is a Tuesday;
        // An explicit date without its weekday does not decide a later weekday.
        assert_eq!(
            dates(
                "The blasts of Aug. 7 killed 200. Officials met Friday.",
                &GRAMMAR,
                Some("1998-08-20")
            ),
            pairs(&[("Aug. 7", "1998-08-07"), ("Friday", "1998-08-14")])
        );
    }

    #[test]
    fn a_year_earlier_follows_the_quarter_spoken_of() {
        let dct = Some("1989-11-02");
        assert_eq!(
            dates(
                "Net income rose in the third quarter from $5 million a year earlier.",
                &GRAMMAR,
                dct
            ),
            pairs(&[("third quarter", "1989-Q3"), ("a year earlier", "1988-Q3")])
        );
        assert_eq!(
            dates("Prices rose 3% from a year ago.", &GRAMMAR, dct),
            pairs(&[("a year ago", "1988")])
        );
    }

    #[test]
    fn timeml_modifiers_stay_in_the_extent() {
        let dct = Some("2016-05-12");
        assert_eq!(
            dates(
                "Earlier this month the mayor resigned; the vote came around 9:30 p.m.",
                &GRAMMAR,
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
                &GRAMMAR,
                dct
            ),
            pairs(&[("nearly three years ago", "2013")])
        );
        assert_eq!(
            dates("More recently, fiscal 2015 sales fell.", &GRAMMAR, dct),
            pairs(&[("More recently", "PAST_REF"), ("fiscal 2015", "2015")])
        );
        // A modifier that does not fit the date is another word.
        assert_eq!(
            dates(
                "Lawyers will try to get around Wednesday's verdict.",
                &GRAMMAR,
                dct
            ),
            pairs(&[("Wednesday", "2016-05-18")])
        );
    }

    #[test]
    fn reporting_periods() {
        let dct = Some("2016-10-20");
        assert_eq!(
            dates(
                "Profit beat the year-ago quarter and this year's second quarter.",
                &GRAMMAR,
                dct
            ),
            pairs(&[
                ("year-ago quarter", "2015"),
                ("this year's second quarter", "2016-Q2")
            ])
        );
        assert_eq!(
            dates("Sales rose in the third quarter of 2014.", &GRAMMAR, dct),
            pairs(&[("third quarter of 2014", "2014-Q3")])
        );
        assert_eq!(
            dates(
                "Results for the 2015 fourth quarter were restated.",
                &GRAMMAR,
                dct
            ),
            pairs(&[("2015 fourth quarter", "2015-Q4")])
        );
    }

    #[test]
    fn a_day_and_its_time_are_one_date() {
        let dct = Some("2016-11-02");
        assert_eq!(
            dates("Offers must arrive by 4 p.m. EST Dec. 2.", &GRAMMAR, dct),
            pairs(&[("4 p.m. EST Dec. 2", "2016-12-02T16:00")])
        );
        assert_eq!(
            dates("Trading halted in mid-afternoon yesterday.", &GRAMMAR, dct),
            pairs(&[("mid-afternoon yesterday", "2016-11-01TAF")])
        );
    }

    #[test]
    fn years_in_words() {
        let dct = Some("1998-03-01");
        assert_eq!(
            dates(
                "He left in nineteen eighty-two and came back in March nineteen ninety-six.",
                &GRAMMAR,
                dct
            ),
            pairs(&[
                ("nineteen eighty-two", "1982"),
                ("March nineteen ninety-six", "1996-03")
            ])
        );
        assert_eq!(
            dates(
                "The city has kept its secrets for two thousand years.",
                &GRAMMAR,
                dct
            ),
            pairs(&[])
        );
        assert_eq!(
            dates(
                "The computers may fail in the year two thousand.",
                &GRAMMAR,
                dct
            ),
            pairs(&[("year two thousand", "2000")])
        );
    }

    #[test]
    fn holidays() {
        assert_eq!(
            dates(
                "Sales fell after last Thanksgiving and rose on Christmas Eve; Easter Island was quiet.",
                &GRAMMAR,
                Some("2018-01-10")
            ),
            pairs(&[("last Thanksgiving", "2017-11-23"), ("Christmas Eve", "2017-12-24")])
        );
    }

    #[test]
    fn years_as_modifiers_and_decades_ago() {
        let dct = Some("2019-06-01");
        assert_eq!(
            dates(
                "A 2004 law and that 1978 resolution were cited; a 1500 pages report was not.",
                &GRAMMAR,
                dct
            ),
            pairs(&[("2004", "2004"), ("1978", "1978")])
        );
        assert_eq!(
            dates(
                "The plant opened a decade ago and expects growth in the current fiscal year.",
                &GRAMMAR,
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
                "The talks opened on Oct. 2 and collapsed two weeks later.",
                &GRAMMAR,
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
                &GRAMMAR,
                dct
            ),
            pairs(&[("Wednesday", "2017-11-01")])
        );
        assert_eq!(
            dates("Earnings are expected Wednesday.", &GRAMMAR, dct),
            pairs(&[("Wednesday", "2017-11-08")])
        );
    }

    #[test]
    fn days_no_calendar_has_get_no_value() {
        let none = |t: &str| (t.to_string(), None);
        assert_eq!(
            dates("He arrived on 30 February.", &GRAMMAR, None),
            vec![none("30 February")]
        );
    }

    #[test]
    fn arithmetic_past_9999_or_before_0000_gives_no_value() {
        let none = |t: &str| (t.to_string(), None);
        assert_eq!(
            dates(
                "He will come next year, tomorrow, next week or next month.",
                &GRAMMAR,
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
                &GRAMMAR,
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
                &GRAMMAR,
                Some("9999-12-31")
            ),
            pairs(&[("yesterday", "9999-12-30"), ("this year", "9999")])
        );
    }

    /// Issue 14: years with their noun, parts of days, weekends, holidays,
    /// lower-case names, clock times, numeric days, offsets, nth weekdays.
    #[test]
    fn issue_14_forms() {
        let dct = Some("2026-12-05");
        let d = |t: &str| dates(t, &GRAMMAR, dct);
        assert_eq!(
            d("The 2025 budget and the 2023-24 season; 2019 deaths."),
            pairs(&[("2025", "2025"), ("2023-24", "2023")])
        );
        assert_eq!(
            d("He was shot on Saturday night and left early this morning."),
            pairs(&[
                ("Saturday night", "2026-12-05TNI"),
                ("early this morning", "2026-12-05TMO")
            ])
        );
        assert_eq!(
            d("Talks ended late on Friday; more will follow this weekend."),
            pairs(&[
                ("late on Friday", "2026-12-04"),
                ("this weekend", "2026-W49-WE")
            ])
        );
        assert_eq!(
            d("Christmas, Easter, New Year's Day and Eid al-Fitr."),
            pairs(&[
                ("Christmas", "2026-12-25"),
                ("Easter", "2026-04-05"),
                ("New Year's Day", "2027-01-01"),
                ("Eid al-Fitr", "2026"),
            ])
        );
        assert_eq!(
            d("We met on monday, on march 3 and in january."),
            pairs(&[
                ("monday", "2026-11-30"),
                ("march 3", "2026-03-03"),
                ("january", "2026-01")
            ])
        );
        assert_eq!(
            d("You may go; they march on, march 3 miles and march 10,000 strong."),
            pairs(&[])
        );
        assert_eq!(
            d("He left at 3:15pm, at 3pm, at half past two in the afternoon."),
            pairs(&[
                ("3:15pm", "2026-12-05T15:15"),
                ("3pm", "2026-12-05T15:00"),
                ("half past two in the afternoon", "2026-12-05T14:30"),
            ])
        );
        assert_eq!(
            d("It closed at quarter past three."),
            pairs(&[("quarter past three", "2026-12-05T03:15")])
        );
        assert_eq!(
            d("He left on 12/25 and on 17/02; 2/3 of them stayed."),
            pairs(&[("12/25", "2026-12-25"), ("17/02", "2026-02-17")])
        );
        assert_eq!(
            d("He will come in two weeks, or within three days, or in two minutes."),
            pairs(&[
                ("two weeks", "2026-W51"),
                ("three days", "2026-12-08"),
                ("two minutes", "2026-12-05"),
            ])
        );
        assert_eq!(
            d("The vote will be held on the last Monday of March."),
            pairs(&[("last Monday of March", "2027-03-29")])
        );
        assert_eq!(
            d("It opened on the first Sunday of May 2022."),
            pairs(&[("first Sunday of May 2022", "2022-05-01")])
        );
        assert_eq!(d("In the past few hours, it rained."), pairs(&[]));
        assert_eq!(
            d("He came in June 1998 and left later that year."),
            pairs(&[("June 1998", "1998-06"), ("later that year", "1998")])
        );
    }
}
