//! Choosing among namesakes as a reader would: "Charleston" beside "West
//! Virginia" is West Virginia's, "Dublin" in a story about Ohio towns is not
//! Ireland's capital.
//!
//! Why a pass of its own, after [`crate::resolve`]: which namesake a name
//! means depends on the whole dispatch (its other places), known only once
//! every span is chosen; and it changes a place's `value` only, never which
//! spans there are, so recognition is untouched. The recognisers keep the
//! gazetteer's order (most prominent first) as the reading when the text
//! gives no clue.
//!
//! The clues, from the places of the dispatch whose name has one reading
//! (anchors): a namesake near an anchor (a town within a town's reach, or
//! within a region's), nearest first; else, when the prominent reading's
//! country is not among the anchors', the most prominent namesake in the
//! anchors' most named country. Every occurrence of a name gets the same
//! reading (one reading per name per dispatch), as for actors. Language-
//! neutral: it reads the gazetteer only.

use crate::lexicon::{self, PlaceEntry, PlaceKind};
use crate::span::{Kind, Span, Value};
use crate::state_abbreviations;
use crate::text::name_key;
use crate::towns::{self, Town};
use std::collections::HashMap;

/// How far from a town anchor a namesake counts as near, in km.
const NEAR_TOWN_KM: f64 = 150.0;
/// How far from a region anchor's point (the middle of its towns' box).
const NEAR_REGION_KM: f64 = 500.0;
/// A city this big keeps its name against a region's or a country's clue.
const BIG_CITY: u64 = 1_000_000;

/// At most this many span texts remembered with their name.
const SEEN_TEXTS: usize = 32;

/// A place of the dispatch with one reading.
struct Anchor {
    /// Its name's index (names are distinct keys).
    name: usize,
    region: bool,
    /// Its reading (reference unwritten), for a region the pack's towns
    /// are compared with.
    place: PlaceEntry,
    country: Option<&'static str>,
    point: Option<(f64, f64, f64)>,
}

fn from_gazetteer(s: &Span) -> bool {
    s.kind == Kind::Place
        && s.source.as_deref() == Some("lexicon")
        && matches!(s.value, Some(Value::Place(_)))
}

/// Distance in km, on the plane tangent at the two points' mean latitude
/// (within a few percent of the great circle at the few hundred km that
/// decide here), with Bhaskara's cosine: no trigonometry in the page's
/// module, which would carry libm's for it.
fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    const KM_PER_DEGREE: f64 = 111.195;
    let mut dlon = (b.1 - a.1).abs() % 360.0;
    if dlon > 180.0 {
        dlon = 360.0 - dlon;
    }
    let x = ((a.0 + b.0) / 2.0).to_radians();
    let pi2 = std::f64::consts::PI * std::f64::consts::PI;
    let cos = ((pi2 - 4.0 * x * x) / (pi2 + x * x)).max(0.0);
    let dlat = b.0 - a.0;
    KM_PER_DEGREE * (dlat * dlat + (dlon * cos) * (dlon * cos)).sqrt()
}

/// A place span found without a point (by context, not by the gazetteer):
/// the gazetteer pack may know it ([`crate::towns`]).
fn unresolved(s: &Span) -> bool {
    s.kind == Kind::Place
        && match &s.value {
            None => true,
            Some(Value::Place(v)) => v.lat.is_none() && v.reference.is_none(),
            Some(_) => false,
        }
}

/// Re-chooses the value of every place span with namesakes from the
/// dispatch's other places, and gives a point to a place found without one
/// that the gazetteer pack names.
pub fn choose(spans: &mut [Span]) {
    // Each name once, with its place senses as ids (cheap: nothing decoded
    // until a name has namesakes; all names' ids in one vector), and the
    // span of each occurrence. A span text seen before is that name again,
    // with no key to fold. A name found without a point has no ids.
    let mut names: Vec<(String, std::ops::Range<usize>)> = Vec::with_capacity(spans.len());
    let mut ids: Vec<u32> = Vec::with_capacity(2 * spans.len());
    let mut scratch: Vec<u32> = Vec::with_capacity(8);
    let mut of_text: Vec<(&str, usize)> = Vec::with_capacity(SEEN_TEXTS.min(spans.len()));
    let mut of_span: Vec<Option<usize>> = vec![None; spans.len()];
    let mut pointless = false;
    for (i, s) in spans.iter().enumerate() {
        let found = from_gazetteer(s);
        if !found && !unresolved(s) {
            continue;
        }
        pointless |= !found;
        let n = match of_text.iter().find(|(t, _)| *t == s.text) {
            Some(&(_, n)) => n,
            None => {
                let key = name_key(&s.text);
                let n = match names.iter().position(|(k, _)| *k == key) {
                    Some(n) => n,
                    None => {
                        scratch.clear();
                        // A state written as its abbreviation has the
                        // state's one reading ("Ala.": not a town "Ala").
                        if let Some(id) = state_abbreviations::sense(&s.text) {
                            scratch.push(id);
                        } else if found {
                            lexicon::place_senses_of_key(&key, &mut scratch);
                        }
                        let at = ids.len();
                        ids.extend_from_slice(&scratch);
                        names.push((key, at..ids.len()));
                        names.len() - 1
                    }
                };
                // A short list: looking up a long one costs more than the key.
                if of_text.len() < SEEN_TEXTS {
                    of_text.push((&s.text, n));
                }
                n
            }
        };
        of_span[i] = Some(n);
    }
    drop(of_text);
    // One name with one reading: nothing to choose, nothing to choose by.
    if !pointless && names.len() < 2 && names.iter().all(|(_, r)| r.len() < 2) {
        return;
    }
    let mut anchors: Vec<Anchor> = names
        .iter()
        .enumerate()
        .filter(|(_, (_, r))| r.len() == 1)
        .filter_map(|(n, (_, r))| {
            let p = lexicon::place_entry_unwritten(ids[r.start])?;
            // A region across countries (a continent, "the Middle East")
            // is no clue to a town.
            let reach = match p.kind {
                PlaceKind::City => Some(NEAR_TOWN_KM),
                PlaceKind::Region if p.country.is_some() => Some(NEAR_REGION_KM),
                PlaceKind::Region | PlaceKind::Country | PlaceKind::Feature => None,
            };
            Some(Anchor {
                name: n,
                region: p.kind == PlaceKind::Region,
                country: p.country,
                point: p.lat.zip(p.lon).zip(reach).map(|((a, b), r)| (a, b, r)),
                place: p,
            })
        })
        .collect();
    let mut chosen: Vec<Option<Value>> = vec![None; names.len()];
    // Names found without a point first: the pack's town the other places
    // point to, else its biggest; a county only where the dispatch says
    // which ("Montgomery County" is in 18 states) or where only one has the
    // name. A county read so is a clue to the dispatch's towns, as a town
    // is ("Charleston" beside "Kanawha County").
    for (n, (key, _)) in names.iter().enumerate().filter(|(_, (_, r))| r.is_empty()) {
        let mut towns = towns::senses(key);
        // Of names folded alike, those written as the text writes it.
        if let Some(text) = of_span
            .iter()
            .position(|&m| m == Some(n))
            .map(|i| spans[i].text.as_str())
        {
            if towns.iter().any(|t| t.name.eq_ignore_ascii_case(text)) {
                towns.retain(|t| t.name.eq_ignore_ascii_case(text));
            }
        }
        let Some(first) = towns.first() else {
            continue;
        };
        let (t, sure) = match towns.iter().find(|t| local(n, t, &anchors, false)) {
            Some(t) => (t, true),
            // A county of many states beside a namesake of another name
            // of the dispatch, in one of them only ("Walker County" and
            // "Huntsville": Texas's).
            None if first.county && towns.len() > 1 => {
                let mut near = towns.iter().filter(|c| {
                    names.iter().enumerate().any(|(m, (k, r))| {
                        m != n
                            && (ids[r.clone()].iter().any(|&id| {
                                lexicon::place_entry_unwritten(id).is_some_and(|p| {
                                    p.kind == PlaceKind::City && close(&p, &c.place, NEAR_PACK_KM)
                                })
                            }) || towns::senses(k)
                                .iter()
                                .any(|t| !t.county && close(&t.place, &c.place, NEAR_PACK_KM)))
                    })
                });
                match (near.next(), near.next()) {
                    (Some(c), None) => (c, true),
                    _ => continue,
                }
            }
            // The biggest town of the name, or the one county of it.
            None => (first, towns.len() == 1),
        };
        chosen[n] = Some(t.place.value());
        // A town of one name in the pack, or one the dispatch places, is
        // a clue too ("Jordan" beside "Robbinsdale": Minnesota's).
        if t.county || sure {
            anchors.push(Anchor {
                name: n,
                region: false,
                country: t.place.country,
                point: t
                    .place
                    .lat
                    .zip(t.place.lon)
                    .map(|(a, b)| (a, b, NEAR_TOWN_KM)),
                place: t.place.clone(),
            });
        }
    }
    for (n, (key, r)) in names.iter().enumerate() {
        // A name of one reading is read again only where the pack may
        // have a town of it near another place of the dispatch.
        let clue =
            |a: &Anchor| a.name != n && (a.region || a.point.is_some_and(|p| p.2 <= NEAR_TOWN_KM));
        if r.is_empty() || (r.len() == 1 && !anchors.iter().any(clue)) || anchors.is_empty() {
            continue;
        }
        let Some(i) = of_span.iter().position(|&m| m == Some(n)) else {
            continue;
        };
        // The recognisers' reading first (they may have read the dispatch's
        // country already), then the gazetteer's order. References are
        // written out for the one chosen only.
        let mut senses: Vec<PlaceEntry> = ids[r.clone()]
            .iter()
            .filter_map(|&id| lexicon::place_entry_unwritten(id))
            .collect();
        let current = match &spans[i].value {
            Some(Value::Place(v)) => v,
            _ => continue,
        };
        if let Some(j) = senses.iter().position(|p| {
            p.has_reference(current.reference.as_deref())
                && p.lat == current.lat
                && p.lon == current.lon
        }) {
            senses[..=j].rotate_right(1);
        }
        let core = if senses.len() > 1 {
            pick(n, &senses, &anchors)
        } else {
            None
        };
        // A small town of the pack displaces a town's reading that nothing
        // in the dispatch supports, when it lies in a state the dispatch
        // names or beside one of its towns ("Dublin" among Columbus's
        // suburbs); never a country's, a region's, a feature's ("Florida"
        // stays the state beside New York's towns). The pack is read only
        // for such a weak reading.
        let reading = core.or(senses.first());
        let weak = reading.is_some_and(|r| {
            (r.kind == PlaceKind::City && !near_anchor(n, r, &anchors))
                || country_abroad(n, r, &anchors)
        });
        let town = match reading.filter(|_| weak) {
            Some(r) => {
                let prominent = r.capital || r.population >= BIG_CITY;
                // A country the dispatch names keeps its town against a
                // town abroad ("Dublin" beside "Ireland"), not against
                // another of its own towns (Charleston, West Virginia, in
                // a story naming the Capitol).
                let country_named = anchors
                    .iter()
                    .any(|a| a.name != n && a.point.is_none() && a.country == r.country);
                towns::senses(key)
                    .iter()
                    .find(|t| {
                        (!country_named || t.place.country == r.country)
                            && if r.kind == PlaceKind::Country {
                                // Beside a town: a state names many ("Mexico"
                                // beside "N.Y." stays the country).
                                beside(n, t, &anchors)
                            } else {
                                local(n, t, &anchors, prominent)
                            }
                    })
                    .map(|t| t.place.value())
            }
            None => None,
        };
        if town.is_some() {
            chosen[n] = town;
        } else if let Some(p) = core {
            chosen[n] = Some(p.value());
        }
    }
    for (s, n) in spans.iter_mut().zip(&of_span) {
        if let Some(v) = n.and_then(|n| chosen[n].as_ref()) {
            s.value = Some(v.clone());
        }
    }
}

/// True for a place within reach of another name's anchor.
fn near_anchor(name: usize, p: &PlaceEntry, anchors: &[Anchor]) -> bool {
    let Some(at) = p.lat.zip(p.lon) else {
        return false;
    };
    anchors
        .iter()
        .filter(|a| a.name != name)
        .filter_map(|a| a.point)
        .any(|(la, lo, r)| km(at, (la, lo)) <= r)
}

/// A country's reading in a dispatch whose other places all lie in one
/// other country, a town among them ("Lebanon" beside Indiana's
/// Zionsville, "Jordan" beside Minnesota's towns): the pack's town of the
/// name beside them may be meant ([`local`] decides).
fn country_abroad(name: usize, p: &PlaceEntry, anchors: &[Anchor]) -> bool {
    let mut others = anchors.iter().filter(|a| a.name != name).peekable();
    let Some(c) = others.peek().and_then(|a| a.country) else {
        return false;
    };
    p.kind == PlaceKind::Country
        && p.country != Some(c)
        && anchors
            .iter()
            .any(|a| a.name != name && !a.region && a.point.is_some())
        && others.all(|a| a.country == Some(c))
}

/// How near a town of the dispatch a town of the pack must lie, in km.
const NEAR_PACK_KM: f64 = 50.0;

/// A town of the pack in a first-level region the dispatch names, or beside
/// one of its towns; both, against a capital or a city of a million
/// ("Washington" in a story about Utah stays the capital).
fn local(name: usize, t: &Town, anchors: &[Anchor], both: bool) -> bool {
    let others = || anchors.iter().filter(|a| a.name != name);
    let in_region = others().any(|a| a.region && a.place.is_subdivision(t.place.country, t.admin1));
    let beside = beside(name, t, anchors);
    if both {
        in_region && beside
    } else {
        in_region || beside
    }
}

/// Two points within `reach` km.
fn close(a: &PlaceEntry, b: &PlaceEntry, reach: f64) -> bool {
    match (a.lat.zip(a.lon), b.lat.zip(b.lon)) {
        (Some(x), Some(y)) => km(x, y) <= reach,
        _ => false,
    }
}

/// A town of the pack beside one of the dispatch's towns.
fn beside(name: usize, t: &Town, anchors: &[Anchor]) -> bool {
    let at = t.place.lat.zip(t.place.lon);
    anchors.iter().filter(|a| a.name != name).any(|a| {
        !a.region
            && a.point.is_some_and(|(la, lo, r)| {
                r <= NEAR_TOWN_KM && at.is_some_and(|at| km(at, (la, lo)) <= NEAR_PACK_KM)
            })
    })
}

/// The reading the other places point to, `None` to keep the most prominent.
fn pick<'a>(name: usize, senses: &'a [PlaceEntry], anchors: &[Anchor]) -> Option<&'a PlaceEntry> {
    let first = senses.first()?;
    let others = || anchors.iter().filter(|a| a.name != name);
    let named = |c: Option<&str>| c.is_some_and(|c| others().any(|a| a.country == Some(c)));
    // A country stays a country where the dispatch is about it; a name
    // whose prominent reading's country the dispatch names stays in it
    // ("Tripoli" beside "Libya", though datelined in Beirut).
    if first.kind == PlaceKind::Country && named(first.country) {
        return None;
    }
    let same_country = named(first.country);
    // A capital or a city of a million gives way to a namesake near a town
    // of the dispatch only, not to a region's or a country's namesake
    // ("Paris" beside "Alabama" stays in France).
    let prominent =
        first.kind == PlaceKind::City && (first.capital || first.population >= BIG_CITY);
    // A feature (a river, an island) is read as one by the feature heads,
    // not chosen here for a region's or a town's name ("Meuse").
    let near = senses
        .iter()
        .filter(|p| !same_country || p.country == first.country)
        .filter(|p| p.kind != PlaceKind::Feature || first.kind == PlaceKind::Feature)
        .filter_map(|p| {
            let at = p.lat.zip(p.lon)?;
            let d = others()
                .filter_map(|a| a.point)
                .filter(|&(_, _, r)| !prominent || r <= NEAR_TOWN_KM)
                .map(|(la, lo, r)| km(at, (la, lo)) / r)
                .fold(f64::INFINITY, f64::min);
            (d <= 1.0).then_some((d, p))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, p)| p);
    if near.is_some() || prominent || same_country {
        return near;
    }
    // Else the most prominent namesake in the country the dispatch names most.
    let mut count: HashMap<&str, usize> = HashMap::new();
    for c in others().filter_map(|a| a.country) {
        *count.entry(c).or_default() += 1;
    }
    senses
        .iter()
        .filter(|p| p.kind != PlaceKind::Feature || first.kind == PlaceKind::Feature)
        .filter_map(|p| Some((count.get(p.country?).copied()?, p)))
        // A country gives way to a town of a country the dispatch names
        // twice or more ("Lebanon" among Pennsylvania's towns), to a region
        // beside other regions of its country ("Georgia" beside "Alabama"),
        // not to a neighbour's region ("Kosovo" beside Serbia).
        .filter(|&(n, p)| {
            first.kind != PlaceKind::Country
                || match p.kind {
                    PlaceKind::City => n >= 2,
                    PlaceKind::Region => others().any(|a| a.region && a.country == p.country),
                    _ => false,
                }
        })
        .fold(
            None,
            |best: Option<(usize, &PlaceEntry)>, (n, p)| match best {
                Some((m, _)) if m >= n => best,
                _ => Some((n, p)),
            },
        )
        .map(|(_, p)| p)
}

#[cfg(test)]
mod tests {
    use crate::span::{Kind, Value};
    use crate::{annotate, Options};

    fn refs(text: &str, name: &str) -> Vec<String> {
        annotate(text, &Options::default())
            .spans
            .into_iter()
            .filter(|s| s.kind == Kind::Place && s.text == name)
            .map(|s| match s.value {
                Some(Value::Place(p)) => p.reference.unwrap_or_default(),
                _ => String::new(),
            })
            .collect()
    }

    #[test]
    fn the_gazetteer_pack_reads_small_towns_near_the_dispatch_places() {
        // A suburb the core gazetteer lacks, beside its state: Ohio's Dublin.
        let t = "Voters in Dublin and Columbus, Ohio, went to the polls on Tuesday.";
        assert_eq!(refs(t, "Dublin"), ["geonames:5152333"]);
        // Without a clue the capital keeps its name.
        assert_eq!(
            refs("Talks opened in Dublin on Tuesday.", "Dublin"),
            ["geonames:2964574"]
        );
        // A state stays a state beside another state's towns.
        let t = "Storms moved from Florida toward Albany and Buffalo, New York.";
        assert_eq!(refs(t, "Florida"), ["iso3166-2:US-FL"]);
    }

    fn point(text: &str, name: &str) -> Option<(f64, f64)> {
        annotate(text, &Options::default())
            .spans
            .into_iter()
            .find(|s| s.kind == Kind::Place && s.text == name)
            .and_then(|s| match s.value {
                Some(Value::Place(p)) => p.lat.zip(p.lon),
                _ => None,
            })
    }

    #[test]
    fn a_county_named_in_the_text_has_a_point_and_places_its_towns() {
        // One county of the name: its point; folded like Coke County's,
        // chosen by its spelling.
        let (lat, lon) = point(
            "A fire destroyed a barn in Cooke County on Tuesday.",
            "Cooke County",
        )
        .expect("a point");
        assert!(
            (lat - 33.68).abs() < 0.5 && (lon + 97.2).abs() < 0.5,
            "{lat} {lon}"
        );
        // A county of many states, with no clue: no point.
        assert_eq!(
            point(
                "A fire destroyed a barn in Montgomery County on Tuesday.",
                "Montgomery County"
            ),
            None
        );
        // A county beside its state, and a town the county points to.
        let t =
            "The Putnam County sheriff said the boys were found near Hurricane, W.Va., on Friday.";
        let (lat, _) = point(t, "Putnam County").expect("a point");
        assert!((lat - 38.5).abs() < 0.5, "{lat}");
        assert_eq!(refs(t, "Hurricane"), ["geonames:4809558"]);
    }

    #[test]
    fn a_country_named_keeps_its_towns_against_towns_abroad_only() {
        // The United States named: West Virginia's Charleston still wins
        // over South Carolina's beside "W.Va.".
        let t = "CHARLESTON, W.Va. -- A United States senator spoke in Charleston on Monday.";
        assert_eq!(
            refs(t, "Charleston"),
            ["geonames:4801859"],
            "the state, not the country, decides"
        );
    }

    #[test]
    fn a_country_among_one_states_towns_is_their_namesake() {
        // Minnesota's Jordan beside Robbinsdale, a town of one name in the
        // pack; Indiana's Lebanon beside Zionsville.
        let t = "Police in Jordan and in Robbinsdale arrested two men.";
        assert_eq!(refs(t, "Jordan"), ["geonames:5032106"]);
        let t = "Officials in Lebanon said the fair in Zionsville would open.";
        assert_eq!(refs(t, "Lebanon"), ["geonames:4922673"]);
        // Beside towns of another country, the country stays.
        let t = "Israeli jets struck Lebanon after rockets hit Haifa and Nahariya.";
        assert_eq!(refs(t, "Lebanon"), ["iso3166-1:LB"]);
    }

    #[test]
    fn a_county_of_many_states_and_a_town_place_each_other() {
        // Walker County is in Alabama, Georgia and Texas; Huntsville is
        // Alabama's city, and a Texas town in Walker County.
        let t = "Deputies in Walker County searched the woods near Huntsville.";
        assert_eq!(refs(t, "Huntsville"), ["geonames:4699540"]);
        let (lat, _) = point(t, "Walker County").expect("a point");
        assert!((lat - 30.7).abs() < 0.5, "{lat}");
    }

    #[test]
    fn distances_are_close_to_the_great_circle() {
        // Charleston, WV to Columbus, OH: about 225 km; Paris to London: 344 km.
        let d = super::km((38.35, -81.63), (39.96, -83.0));
        assert!((d - 216.0).abs() < 12.0, "{d}");
        let d = super::km((48.8566, 2.3522), (51.5074, -0.1278));
        assert!((d - 344.0).abs() < 10.0, "{d}");
        assert!(super::km((0.0, 179.5), (0.0, -179.5)) < 112.0);
    }

    #[test]
    fn a_state_beside_states_and_a_main_name_before_an_old_one() {
        let t = "Storms hit Georgia and Alabama on Tuesday; rain fell across Georgia overnight.";
        assert_eq!(
            refs(t, "Georgia"),
            ["iso3166-2:US-GA", "iso3166-2:US-GA"],
            "one reading per name"
        );
        let t = "Talks resumed in Tbilisi, the capital of Georgia, on Monday.";
        assert_eq!(refs(t, "Georgia"), ["iso3166-1:GE"]);
        // "Islamabad" is an old name of other cities too.
        assert_eq!(
            refs("Officials in Islamabad said so.", "Islamabad"),
            ["geonames:1176615"]
        );
    }
}
