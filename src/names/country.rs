//! The country a dispatch is about, and the reading it decides for ambiguous
//! place names: "TRIPOLI (Liban)" makes every "Tripoli" of the dispatch the
//! Lebanese city, not the Libyan capital the gazetteer ranks first.
//!
//! The country is the dateline's (its region, else its place's reading), else
//! the country most mentioned by the dispatch's places. The dateline's own
//! place name always takes the reading in that country; any other city name
//! takes it when that city is not much smaller than the first reading (a
//! twentieth of its population: "Birmingham" in a dispatch from Alabama, not
//! "Paris" in one from Texas) and the dispatch does not name the first
//! reading's country too. Trade-off: one reading per name per dispatch, and
//! the pass only re-reads the names the main pass found ambiguous, so it costs
//! nothing on unambiguous text.

use crate::lexicon::{self, Entry, PlaceEntry, PlaceKind};
use crate::span::{Candidate, Kind, Source, Value};
use crate::text::Doc;
use std::borrow::Cow;

/// What the dateline says of the dispatch: the place's byte range and its country.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Setting {
    /// The dateline's place name ("TRIPOLI"), in bytes.
    pub place: Option<(usize, usize)>,
    /// The country the dateline names (ISO 3166-1 alpha-2).
    pub country: Option<&'static str>,
}

/// A place name with readings in several countries, found by the main pass.
pub(super) struct Ambiguous {
    start: usize,
    end: usize,
    /// The name's first token, to read its senses again when needed.
    token: usize,
    /// The first reading: country, kind, population.
    top: (Option<&'static str>, PlaceKind, u64),
    /// With a dateline country: the reading in that country, if it differs
    /// from the first (`None`: nothing to change). Without one, the senses
    /// are read again once the dispatch's country is known.
    local: Option<Option<PlaceEntry>>,
}

/// Notes a gazetteer name at token `token` when its place readings lie in
/// more than one country; `dateline` is the dateline's country, which lets
/// the reading in it be kept now (one copy, only where it differs from the
/// first reading) rather than looked up again.
pub(super) fn note(
    entries: &[Entry],
    token: usize,
    (start, end): (usize, usize),
    dateline: Option<&'static str>,
    out: &mut Vec<Ambiguous>,
) {
    let mut places = entries.iter().filter_map(|e| match e {
        Entry::Place(p) => Some(p),
        Entry::Actor(_) => None,
    });
    let Some(top) = places.next() else { return };
    if !places.clone().any(|p| p.country != top.country) {
        return;
    }
    let local = dateline.map(|dc| {
        if top.country == Some(dc) {
            return None;
        }
        places
            .find(|p| p.country == Some(dc) && p.kind != PlaceKind::Country)
            .cloned()
    });
    out.push(Ambiguous {
        start,
        end,
        token,
        top: (top.country, top.kind, top.population),
        local,
    });
}

/// A twentieth: how much smaller than the first reading a city of the
/// dispatch's country may be and still be preferred.
const SMALLER: u64 = 20;

/// Gives the ambiguous place names of `out[first..]` the reading in the
/// dispatch's country.
pub(super) fn settle(
    doc: &Doc,
    setting: &Setting,
    notes: &super::Notes,
    first: usize,
    out: &mut [Candidate],
) {
    let ambiguous = &notes.ambiguous;
    if ambiguous.is_empty() {
        return;
    }
    // The main pass goes left to right: `ambiguous` is sorted by start.
    let is_ambiguous = |c: &Candidate| {
        ambiguous
            .binary_search_by_key(&c.start, |a| a.start)
            .is_ok()
    };
    // Countries named by the unambiguous places and by the states acting,
    // with their mention counts.
    // Codes borrowed where they are static, as the gazetteer's are (no
    // string per country named).
    let mut named: Vec<(Cow<'static, str>, u32)> = Vec::new();
    let mut count = |code: &Cow<'static, str>| match named.iter_mut().find(|(n, _)| *n == *code) {
        Some((_, k)) => *k += 1,
        None => named.push((code.clone(), 1)),
    };
    for c in out.iter().skip(first) {
        if c.kind != Kind::Place || is_ambiguous(c) {
            continue;
        }
        if let Some(Value::Place(v)) = &c.value {
            if let Some(code) = &v.country {
                count(code);
            }
        }
    }
    notes.states.iter().for_each(|&c| count(&Cow::Borrowed(c)));
    let country: Option<&str> = setting.country.or_else(|| most_named(&named));
    let Some(country) = country else { return };
    let dateline_key = setting
        .place
        .and_then(|(s, e)| doc.text.get(s..e))
        .map(crate::text::name_key);
    let mentioned = |code: &str| named.iter().any(|(n, _)| n == code);
    let mut places: Vec<(usize, usize)> = out
        .iter()
        .enumerate()
        .skip(first)
        .filter(|(_, c)| c.kind == Kind::Place && c.source == Source::Lexicon)
        .map(|(i, c)| (c.start, i))
        .collect();
    places.sort_unstable();
    for a in ambiguous {
        let p = places.partition_point(|&(s, _)| s < a.start);
        let Some(c) = places[p..]
            .iter()
            .take_while(|&&(s, _)| s == a.start)
            .find_map(|&(_, i)| Some(i).filter(|&i| out[i].end == a.end))
            .and_then(|i| out.get_mut(i))
        else {
            continue;
        };
        let (top_country, top_kind, top_population) = a.top;
        if top_country == Some(country) {
            continue;
        }
        let reread;
        let local = match &a.local {
            Some(Some(local)) => local,
            Some(None) => continue,
            None => {
                let Some(m) = lexicon::longest_match(doc, a.token) else {
                    continue;
                };
                reread = m.entries.into_iter().find_map(|e| match e {
                    Entry::Place(p)
                        if p.country == Some(country) && p.kind != PlaceKind::Country =>
                    {
                        Some(p)
                    }
                    _ => None,
                });
                match &reread {
                    Some(p) => p,
                    None => continue,
                }
            }
        };
        let is_dateline_name = dateline_key.as_deref().is_some_and(|k| {
            doc.text
                .get(a.start..a.end)
                .is_some_and(|t| crate::text::name_key(t) == k)
        });
        let prefer = is_dateline_name
            || (top_kind == PlaceKind::City
                && local.kind == PlaceKind::City
                && local.population.saturating_mul(SMALLER) >= top_population
                && !top_country.is_some_and(mentioned));
        if prefer {
            c.value = Some(local.value());
        }
    }
}

/// The country named most often, when it is named at least twice and more
/// often than any other.
fn most_named<'a>(named: &'a [(Cow<'static, str>, u32)]) -> Option<&'a str> {
    let mut best: Option<(&str, u32)> = None;
    let mut tie = false;
    for (c, k) in named {
        let (c, k) = (&**c, *k);
        match best {
            Some((_, b)) if k < b => {}
            Some((_, b)) if k == b => tie = true,
            _ => {
                best = Some((c, k));
                tie = false;
            }
        }
    }
    best.filter(|&(_, k)| k >= 2 && !tie).map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use crate::{annotate, Kind, Options, Value};

    /// The countries of the place spans written `name`, in order.
    fn countries(text: &str, name: &str) -> Vec<String> {
        annotate(text, &Options::default())
            .spans
            .into_iter()
            .filter(|s| s.kind == Kind::Place && s.text.eq_ignore_ascii_case(name))
            .map(|s| match s.value {
                Some(Value::Place(p)) => p.country.unwrap_or_default().into_owned(),
                _ => String::new(),
            })
            .collect()
    }

    #[test]
    fn a_dateline_with_a_country_decides_its_place_and_later_mentions() {
        let fr = "TRIPOLI (Liban), 4 mai 2022 (AFP) - Des heurts ont opposé mercredi \
                  des partisans de deux candidats dans le centre de Tripoli, \
                  a indiqué une source de sécurité.";
        assert_eq!(countries(fr, "Tripoli"), ["LB", "LB"]);
        let en = "TRIPOLI, Lebanon, May 4 (Reuters) - Gunmen exchanged fire in \
                  Tripoli on Wednesday, a security source said.";
        assert_eq!(countries(en, "Tripoli"), ["LB", "LB"]);
        // Without the country, the most prominent reading.
        let plain = "TRIPOLI, 4 mai 2022 (AFP) - Le gouvernement siégeant à Tripoli a annoncé.";
        assert_eq!(countries(plain, "Tripoli"), ["LY", "LY"]);
    }

    #[test]
    fn the_dispatch_country_decides_other_city_names() {
        // Datelined in Lebanon: Tripoli is the Lebanese city...
        let t = "BEYROUTH, 4 mai 2022 (AFP) - Des tirs ont été entendus à Tripoli.";
        assert_eq!(countries(t, "Tripoli"), ["LB"]);
        // ... unless the dispatch names the other country too.
        let t = "BEYROUTH, 4 mai 2022 (AFP) - Le Liban a rappelé son ambassadeur \
                 en Libye après des violences à Tripoli.";
        assert_eq!(countries(t, "Tripoli"), ["LY"]);
        // A US dateline: the large city of the US, but not a small namesake
        // of a capital.
        let t = "MONTGOMERY, Alabama (AP) _ Storms hit Birmingham and Paris overnight.";
        assert_eq!(countries(t, "Birmingham"), ["US"]);
        assert_eq!(countries(t, "Paris"), ["FR"]);
        // Without a dateline, the country the places name most.
        let t = "Des combats ont éclaté à Tripoli. Le Liban craint une contagion, \
                 et Beyrouth a dépêché des renforts vers Saïda.";
        assert_eq!(countries(t, "Tripoli"), ["LB"]);
        let t = "Des combats ont éclaté à Tripoli.";
        assert_eq!(countries(t, "Tripoli"), ["LY"]);
    }
}
