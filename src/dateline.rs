//! Wire datelines: "BEYROUTH, 3 nov 2017 (AFP) -", "BAGHDAD, Nov 3 (Reuters) -",
//! "Deir Ezzor (Syrie) (AFP) -", "MOMBASA, Kenya (AP) _", "PARIS (AFP) —".
//!
//! A dateline opens the body: the first non-empty lines are tried in turn
//! (headlines and ">>" lines do not have the shape, so they are passed over).
//! The shape is a place, an optional region, an optional date, an optional
//! agency in parentheses, and a dash; without an agency the place must be in
//! capitals, so that an ordinary sentence is never taken for a dateline. The
//! date is read with the date grammar of the text's language first, then with
//! every other language's (a dispatch may carry its agency's dateline).

use crate::calendar::Date;
use crate::dates::{self, common::Cx, expr::Base, Grammar};
use crate::lexicon;
use crate::text::{Doc, TokKind};

/// A dateline found at the head of a dispatch, in byte offsets.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    /// The place as written ("BEYROUTH"), and its byte range.
    pub place: Option<(usize, usize)>,
    /// The first region or country after the place ("Liban" in "TRIPOLI
    /// (Liban)", "Lebanon" in "TRIPOLI, Lebanon"), and its byte range.
    pub region: Option<(usize, usize)>,
    pub date: Option<Date>,
    /// Month and day when the dateline has no year ("Nov 3").
    pub partial_date: Option<(u32, u32)>,
    pub agency: Option<String>,
}

/// How many non-empty lines from the top may hold the dateline.
const LINES: usize = 6;
/// Longest place, region or agency, in tokens.
const NAME_TOKENS: usize = 6;

/// Finds the dateline of a dispatch, if it has one. Its date is read with
/// `own`, the grammar of the text's language (unless it has no date words),
/// then with each of `all` in turn (every language's, the registry's order).
pub fn find<'g>(
    doc: &Doc,
    own: &'g Grammar,
    all: impl IntoIterator<Item = &'g Grammar>,
) -> Option<Found> {
    let grammars: Vec<&Grammar> = (own.words.is_some().then_some(own).into_iter())
        .chain(all.into_iter().filter(|g| !std::ptr::eq(*g, own)))
        .collect();
    let mut lines = 0;
    for t in 0..doc.len() {
        if !doc.tokens[t].line_start {
            continue;
        }
        lines += 1;
        if lines > LINES {
            break;
        }
        if let Some(f) = at(doc, &grammars, t) {
            return Some(f);
        }
    }
    None
}

fn is_dash(doc: &Doc, t: usize) -> bool {
    t < doc.len() && doc.tokens[t].kind == TokKind::Punct && matches!(doc.norm(t), "-" | "_")
}

/// ".-" on the line at `t`: how EFE closes a dateline ("(EFE).-").
fn efe_close(doc: &Doc, t: usize) -> bool {
    doc.is(t, ".") && is_dash(doc, t + 1) && doc.same_line(t + 1)
}

/// Name tokens from `t` (capitalised words, with hyphens, dots, apostrophes
/// inside): the end token, or None when `t` does not start a name.
fn name(doc: &Doc, t: usize) -> Option<usize> {
    let first = doc.tokens.get(t)?;
    if first.kind != TokKind::Word || !first.upper {
        return None;
    }
    let mut end = t + 1;
    while end < doc.len() && end - t < NAME_TOKENS && !doc.tokens[end].line_start {
        let tok = &doc.tokens[end];
        let glue = match tok.kind {
            TokKind::Word => tok.upper || !tok.space_before,
            TokKind::Punct => {
                !tok.space_before
                    && matches!(doc.norm(end), "." | "'" | "-")
                    && !(doc.norm(end) == "-" && is_dash(doc, end + 1))
            }
            TokKind::Number => false,
        };
        if !glue {
            break;
        }
        end += 1;
    }
    // A trailing hyphen belongs to the dash.
    while end > t + 1 && doc.is_hyphen(end - 1) && doc.tokens[end - 1].space_before {
        end -= 1;
    }
    Some(end)
}

fn at(doc: &Doc, grammars: &[&Grammar], t: usize) -> Option<Found> {
    let place_end = name(doc, t)?;
    let all_caps = (t..place_end)
        .filter(|&k| doc.tokens[k].kind == TokKind::Word)
        .all(|k| doc.tokens[k].all_caps || doc.raw(k).chars().count() == 1);
    let mut j = place_end;
    let mut date = None;
    let mut partial = None;
    let mut region = None;
    // ", Kenya" / " (Syrie)" / ", 3 nov 2017" / " 1996-08-30"
    for _ in 0..3 {
        if date.is_none() && partial.is_none() && doc.same_line(j) {
            if let Some((d, e)) = read_date(doc, grammars, j) {
                (date, partial) = dated(d);
                j = e;
                continue;
            }
        }
        if doc.is(j, ",") && doc.same_line(j) {
            if let Some((d, e)) = read_date(doc, grammars, j + 1) {
                (date, partial) = dated(d);
                j = e;
                continue;
            }
            if let Some(e) = name(doc, j + 1) {
                region.get_or_insert((j + 1, e));
                j = e;
                continue;
            }
        }
        if doc.is(j, "(") && doc.same_line(j) {
            if let Some(e) = name(doc, j + 1) {
                if doc.is(e, ")") && !is_dash(doc, e + 1) && !efe_close(doc, e + 1) {
                    region.get_or_insert((j + 1, e));
                    j = e + 1;
                    continue;
                }
            }
        }
        break;
    }
    let mut agency = None;
    if doc.is(j, "(") && doc.same_line(j) {
        // dpa writes its name in lower case ("Berlin (dpa) -"): one such word
        // counts when the dash follows.
        let lower_agency = || {
            let k = j + 1;
            (doc.tokens.get(k)?.kind == TokKind::Word && doc.is(k + 1, ")") && is_dash(doc, k + 2))
                .then_some(k + 1)
        };
        if let Some(e) = name(doc, j + 1).or_else(lower_agency) {
            if doc.is(e, ")") {
                let (s, en) = (doc.tokens[j + 1].start, doc.tokens[e - 1].end);
                agency = Some(doc.text[s..en].to_string());
                j = e + 1;
            }
        }
    }
    // EFE closes its dateline with ".-": "BOGOTÁ, 12 mar (EFE).-".
    if agency.is_some() && efe_close(doc, j) {
        j += 1;
    }
    let mut end_tok = j;
    let mut dash = false;
    while is_dash(doc, end_tok) && doc.same_line(end_tok) && end_tok - j < 3 {
        dash = true;
        end_tok += 1;
    }
    // Without an agency: "WASHINGTON _" then the story, or "LONDON
    // 1996-08-30" alone on its line; not a headline ("TENNIS - SPAIN WIN").
    let line_ends = end_tok >= doc.len() || doc.tokens[end_tok].line_start;
    let dated = date.is_some() || partial.is_some();
    if agency.is_none()
        && !(all_caps && ((dash && !headline_follows(doc, end_tok)) || (dated && line_ends)))
    {
        return None;
    }
    let last = doc.tokens.get(end_tok.checked_sub(1)?)?;
    // "WASHINGTON." : the dot closes the dateline, not the place.
    let mut place_last = place_end - 1;
    if place_last > t && doc.is(place_last, ".") && doc.raw(place_last - 1).chars().count() > 1 {
        place_last -= 1;
    }
    Some(Found {
        start: doc.tokens[t].start,
        end: last.end,
        place: Some((doc.tokens[t].start, doc.tokens[place_last].end)),
        region: region.and_then(|(s, e)| name_range(doc, s, e)),
        date,
        partial_date: if date.is_some() { None } else { partial },
        agency,
    })
}

/// The byte range of name tokens `[s, e)`, without a final dot ("N.Y." keeps it).
fn name_range(doc: &Doc, s: usize, e: usize) -> Option<(usize, usize)> {
    let last = doc.tokens.get(e.checked_sub(1)?)?;
    (e > s).then(|| (doc.tokens.get(s).map_or(last.start, |x| x.start), last.end))
}

/// The country a dateline names: its region's ("TRIPOLI (Liban)" → LB,
/// "PARIS, Texas" → US), else the most prominent reading of its place
/// ("BEYROUTH" → LB). `None` when the gazetteer knows neither.
pub fn country(text: &str, f: &Found) -> Option<&'static str> {
    let country_of = |(s, e): (usize, usize)| lexicon::place_country(text.get(s..e)?);
    f.region
        .and_then(country_of)
        .or_else(|| f.place.and_then(country_of))
}

/// True when the rest of the line from `t` is in capitals: a headline.
fn headline_follows(doc: &Doc, t: usize) -> bool {
    let mut words = 0;
    for k in t..doc.len() {
        let tok = &doc.tokens[k];
        if k > t && tok.line_start {
            break;
        }
        if tok.kind == TokKind::Word && doc.raw(k).chars().count() > 1 {
            if !tok.all_caps {
                return false;
            }
            words += 1;
        }
    }
    words >= 2
}

/// (year, month, day) read from a dateline.
type Ymd = (Option<i32>, u32, u32);

/// The date and the partial date (month and day) of a dateline: only a day
/// that exists ("31 février" has no year, "29 février 2019" is not one), else
/// neither, so that no reference date comes from it.
fn dated((year, m, d): Ymd) -> (Option<Date>, Option<(u32, u32)>) {
    match year {
        Some(y) => (Date::new(y, m, d), None),
        None => (
            None,
            dates::timex::is_valid(&format!("XXXX-{m:02}-{d:02}")).then_some((m, d)),
        ),
    }
}

fn read_date(doc: &Doc, grammars: &[&Grammar], t: usize) -> Option<(Ymd, usize)> {
    for &g in grammars {
        let cx = Cx::new(doc, g.words());
        if let Some(p) = dates::parse(&cx, g, t) {
            if let Base::Cal {
                year,
                month: Some(m),
                day: Some(d),
            } = p.expr.base
            {
                if p.start == t {
                    return Some(((year, m, d), p.end));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whole dateline, place, date, partial date, agency.
    type Seen = (
        String,
        Option<String>,
        Option<String>,
        Option<(u32, u32)>,
        Option<String>,
    );

    /// The dateline as `annotate` finds it: the date read with the grammar
    /// of the language detected first.
    fn found(text: &str) -> Option<Seen> {
        let doc = Doc::new(text);
        let own = crate::locales::of(crate::locales::detect(&doc)).dates;
        find(&doc, own, every_grammar()).map(|f| {
            (
                text[f.start..f.end].to_string(),
                f.place.map(|(s, e)| text[s..e].to_string()),
                f.date.map(|d| d.to_string()),
                f.partial_date,
                f.agency,
            )
        })
    }

    fn every_grammar() -> impl Iterator<Item = &'static Grammar> {
        crate::locales::LOCALES.iter().map(|l| l.dates)
    }

    #[test]
    fn efe_dpa_and_afp_datelines_in_spanish_and_german_copy() {
        let f = found("BOGOTÁ, 12 mar (EFE).- El Gobierno anunció ayer un acuerdo.").unwrap();
        assert_eq!(f.0, "BOGOTÁ, 12 mar (EFE).-");
        assert_eq!(f.1.as_deref(), Some("BOGOTÁ"));
        assert_eq!(f.3, Some((3, 12)));
        assert_eq!(f.4.as_deref(), Some("EFE"));

        let f = found("Berlin (dpa) - Die Regierung hat am Montag beschlossen.").unwrap();
        assert_eq!(f.0, "Berlin (dpa) -");
        assert_eq!(f.4.as_deref(), Some("dpa"));

        let f = found("Kiew (AFP) - Die Armee meldete Angriffe.").unwrap();
        assert_eq!(f.0, "Kiew (AFP) -");
        assert_eq!(f.1.as_deref(), Some("Kiew"));
        // A word in brackets without a dash after it is no agency.
        assert_eq!(found("Berlin (sic) hat entschieden."), None);
    }

    #[test]
    fn agency_datelines() {
        let f = found("BEYROUTH, 3 nov 2017 (AFP) - L'armée syrienne a repris la ville.").unwrap();
        assert_eq!(f.0, "BEYROUTH, 3 nov 2017 (AFP) -");
        assert_eq!(f.1.as_deref(), Some("BEYROUTH"));
        assert_eq!(f.2.as_deref(), Some("2017-11-03"));
        assert_eq!(f.4.as_deref(), Some("AFP"));

        let f = found("BAGHDAD, Nov 3 (Reuters) - Iraqi forces said...").unwrap();
        assert_eq!(f.0, "BAGHDAD, Nov 3 (Reuters) -");
        assert_eq!(f.2, None);
        assert_eq!(f.3, Some((11, 3)));
        assert_eq!(f.4.as_deref(), Some("Reuters"));

        let f = found("Deir Ezzor (Syrie) (AFP) - Les soldats...").unwrap();
        assert_eq!(f.1.as_deref(), Some("Deir Ezzor"));
        assert_eq!(f.4.as_deref(), Some("AFP"));

        let f = found("MOMBASA, Kenya (AP) _\n\nA ferry ran aground.").unwrap();
        assert_eq!(f.0, "MOMBASA, Kenya (AP) _");
        assert_eq!(f.1.as_deref(), Some("MOMBASA"));

        let f = found("PARIS (AFP) — Le gouvernement a annoncé.").unwrap();
        assert_eq!(f.0, "PARIS (AFP) —");

        let f = found("WASHINGTON, 1er décembre 2017 (AFP) - Le président").unwrap();
        assert_eq!(f.2.as_deref(), Some("2017-12-01"));
        assert_eq!(f.1.as_deref(), Some("WASHINGTON"));
    }

    #[test]
    fn regions_and_the_country_they_name() {
        let country = |text: &str| {
            let doc = Doc::new(text);
            let f = find(&doc, &dates::NUMERIC, every_grammar())?;
            let region = f.region.map(|(s, e)| text[s..e].to_string());
            Some((region, country(text, &f)))
        };
        assert_eq!(
            country("TRIPOLI (Liban), 4 mai 2022 (AFP) - Des heurts."),
            Some((Some("Liban".to_string()), Some("LB")))
        );
        assert_eq!(
            country("TRIPOLI, Lebanon, May 4 (Reuters) - Gunmen fired."),
            Some((Some("Lebanon".to_string()), Some("LB")))
        );
        // A region of a country: the country.
        assert_eq!(
            country("AUSTIN, Texas (AP) _ The governor said."),
            Some((Some("Texas".to_string()), Some("US")))
        );
        // No region: the place's first reading.
        assert_eq!(
            country("BEYROUTH, 3 nov 2017 (AFP) - Le chef."),
            Some((None, Some("LB")))
        );
    }

    #[test]
    fn capital_datelines_without_agency_and_after_headlines() {
        let f = found("WASHINGTON _\n\nThe Senate voted late on Tuesday.").unwrap();
        assert_eq!(f.0, "WASHINGTON _");
        assert_eq!(f.4, None);
        let f = found("Headline of the story\nHANOI, March 12 (Xinhua) -- Text.").unwrap();
        assert_eq!(f.1.as_deref(), Some("HANOI"));
        assert_eq!(f.3, Some((3, 12)));
        let f = found("THE HAGUE, Netherlands (AP)_ A tribunal ruled").unwrap();
        assert_eq!(f.1.as_deref(), Some("THE HAGUE"));
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        assert_eq!(
            found("Les forces irakiennes - selon l'armée - avancent."),
            None
        );
        assert_eq!(found("The Syrian army (SAA) took the city."), None);
        assert_eq!(found(""), None);
        assert_eq!(found("(AFP) -"), None);
        assert_eq!(found("ROME -").map(|f| f.0), Some("ROME -".to_string()));
    }

    #[test]
    fn dated_lines_headlines_and_trailing_dots() {
        assert_eq!(found("TENNIS - SPAIN GET A LATE WIN .\nText"), None);
        let f = found("TENNIS - SPAIN WIN .\nMADRID 1997-04-12\nThe final").unwrap();
        assert_eq!(f.0, "MADRID 1997-04-12");
        assert_eq!(f.2.as_deref(), Some("1997-04-12"));
        let f = found("WASHINGTON._ Le président").unwrap();
        assert_eq!(f.0, "WASHINGTON._");
        assert_eq!(f.1.as_deref(), Some("WASHINGTON"));
        let f = found("ALBANY, N.Y. (AP) -- Dr.").unwrap();
        assert_eq!(f.1.as_deref(), Some("ALBANY"));
        assert_eq!(f.0, "ALBANY, N.Y. (AP) --");
    }
}
