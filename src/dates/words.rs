//! The date words of a language, read once from its `data/lang/<code>/dates.txt`
//! (each locale holds its [`Words`] and hands it over in its [`super::Grammar`]).
//!
//! A word maps to at most three (category, value) pairs ("sept" is a number and
//! a month abbreviation); look-ups go through a small map with the word hasher (`text::hash`) so that the
//! trigger test on every token costs a hash of a short string and no allocation.

use crate::text::hash::{WordMap, WordSet};
use crate::text::word_list;

/// What a date word is (see the header of the data files).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cat {
    Month,
    MonthAbbr,
    Weekday,
    Num,
    Ord,
    Unit,
    Day,
    Part,
    Season,
    Last,
    Next,
    This,
    Ref,
    Edge,
    Anchor,
    Noon,
    Hour,
    Future,
    YearPrep,
    Prep,
    Lead,
    Every,
    Func,
    Mod,
    Holiday,
    /// A word a Roman numeral counts before ("XIXe siècle").
    Roman,
    /// A word after a holiday's name, by its offset ("Christmas Day" 0, "Christmas Eve" -1).
    HolidayTail,
    /// A noun before a holiday's name ("fête de Pentecôte", "jour de Noël").
    HolidayHead,
    /// The word between that noun and the name ("de").
    HolidayLink,
    /// The word joining a quarter to its year ("the third quarter of 1984").
    QuarterOf,
    /// A noun for a reporting period after a year ("the year-earlier period").
    Period,
    /// The possessive ending after an apostrophe ("this year's third quarter").
    Possessive,
    /// The ending of a day written in digits ("1er", "3rd").
    DaySuffix,
    /// A word before a day written in figures without a year ("le 17/02",
    /// "on 12/25"): it tells a date from a fraction or a score.
    DayPrep,
    /// The first word of a phrase of the data (`new_year_s_day holiday 101`).
    Phrase,
}

impl Cat {
    fn parse(s: &str) -> Option<Cat> {
        Some(match s {
            "month" => Cat::Month,
            "monthabbr" => Cat::MonthAbbr,
            "weekday" => Cat::Weekday,
            "num" => Cat::Num,
            "ord" => Cat::Ord,
            "unit" => Cat::Unit,
            "day" => Cat::Day,
            "part" => Cat::Part,
            "season" => Cat::Season,
            "last" => Cat::Last,
            "next" => Cat::Next,
            "this" => Cat::This,
            "ref" => Cat::Ref,
            "edge" => Cat::Edge,
            "anchor" => Cat::Anchor,
            "noon" => Cat::Noon,
            "hour" => Cat::Hour,
            "future" => Cat::Future,
            "yearprep" => Cat::YearPrep,
            "prep" => Cat::Prep,
            "lead" => Cat::Lead,
            "every" => Cat::Every,
            "func" => Cat::Func,
            "mod" => Cat::Mod,
            "holiday" => Cat::Holiday,
            "roman" => Cat::Roman,
            "holidaytail" => Cat::HolidayTail,
            "holidayhead" => Cat::HolidayHead,
            "holidaylink" => Cat::HolidayLink,
            "quarterof" => Cat::QuarterOf,
            "period" => Cat::Period,
            "possessive" => Cat::Possessive,
            "daysuffix" => Cat::DaySuffix,
            "dayprep" => Cat::DayPrep,
            _ => return None,
        })
    }

    /// The category's bit in [`Entry`]'s mask (fewer than 64 categories).
    #[inline]
    pub const fn bit(self) -> u64 {
        1 << (self as u32)
    }

    /// The bits of several categories.
    #[inline]
    pub fn bits(cats: &[Cat]) -> u64 {
        cats.iter().fold(0, |m, c| m | c.bit())
    }

    /// True for the categories an expression can start with.
    pub fn triggers(self) -> bool {
        !matches!(
            self,
            Cat::Future
                | Cat::YearPrep
                | Cat::Prep
                | Cat::Hour
                | Cat::Every
                | Cat::Func
                | Cat::Mod
                | Cat::Roman
                | Cat::HolidayTail
                | Cat::HolidayHead
                | Cat::HolidayLink
                | Cat::QuarterOf
                | Cat::Period
                | Cat::Possessive
                | Cat::DaySuffix
                | Cat::DayPrep
        )
    }
}

/// Unit codes used as values of `Cat::Unit`.
pub const D: i32 = 1;
pub const W: i32 = 2;
pub const M: i32 = 3;
pub const Y: i32 = 4;
pub const DE: i32 = 5;
pub const CE: i32 = 6;
pub const Q: i32 = 7;
pub const H2: i32 = 8;
/// Hours and minutes: offsets only ("dans 2 minutes", "in two hours"),
/// resolved to the day they fall on.
pub const H: i32 = 9;
pub const MI: i32 = 10;

fn value(cat: Cat, s: &str) -> Option<i32> {
    let v = match (cat, s) {
        (Cat::Unit, "D") => D,
        (Cat::Unit, "W") => W,
        (Cat::Unit, "M") => M,
        (Cat::Unit, "Y") => Y,
        (Cat::Unit, "DE") => DE,
        (Cat::Unit, "CE") => CE,
        (Cat::Unit, "Q") => Q,
        (Cat::Unit, "H2") => H2,
        (Cat::Unit, "H") => H,
        (Cat::Unit, "MI") => MI,
        (Cat::Part, "TMO") => 1,
        (Cat::Part, "TAF") => 2,
        (Cat::Part, "TEV") => 3,
        (Cat::Part, "TNI") => 4,
        (Cat::Season, "SP") => 1,
        (Cat::Season, "SU") => 2,
        (Cat::Season, "FA") => 3,
        (Cat::Season, "WI") => 4,
        (Cat::Ref, "PAST") => -1,
        (Cat::Ref, "PRESENT") => 0,
        (Cat::Ref, "FUTURE") => 1,
        (_, s) => s.parse().ok()?,
    };
    Some(v)
}

type Map = WordMap<u128, Entry>;

/// Longest word of the map, in bytes: a longer token is no date word.
const MAX_WORD: usize = 12;

/// A word of at most [`MAX_WORD`] bytes packed in one integer with its
/// length: hashed and compared without reading a string.
#[inline]
fn pack(w: &str) -> Option<u128> {
    pack_from(w.as_bytes(), w.len())
}

/// [`pack`] for the word of `len` bytes that starts `rest`: 16 bytes are
/// read at once when `rest` has them (a token inside a text's folded form).
#[inline]
fn pack_from(rest: &[u8], len: usize) -> Option<u128> {
    if len > MAX_WORD {
        return None;
    }
    let len_bits = (len as u128) << 120;
    if let Some(chunk) = rest.first_chunk::<16>() {
        let mask = (1u128 << (8 * len)) - 1;
        return Some(u128::from_le_bytes(*chunk) & mask | len_bits);
    }
    let mut key = len_bits;
    for (k, &x) in rest.iter().take(len).enumerate() {
        key |= u128::from(x) << (8 * k);
    }
    Some(key)
}

/// Bits of [`Words`]'s pre-filter.
const FILTER_BITS: usize = 4096;

/// The filter bit of a packed word: a superset test (every word of the
/// map has its bit set), so a clear bit means the word is not there.
#[inline]
fn filter_bit_packed(key: u128) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (folded.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 52) as usize % FILTER_BITS
}

/// Up to three readings of a word, and the bits of their categories
/// ([`Cat::bit`]): a category the word lacks is told by one test.
#[derive(Clone, Copy, Debug, Default)]
pub struct Entry {
    pairs: [Option<(Cat, i32)>; 3],
    mask: u64,
    triggers: bool,
}

impl Entry {
    /// The value of the word in category `cat`.
    #[inline]
    pub fn get(&self, cat: Cat) -> Option<i32> {
        if self.mask & cat.bit() == 0 {
            return None;
        }
        self.pairs
            .iter()
            .flatten()
            .find(|(c, _)| *c == cat)
            .map(|(_, v)| *v)
    }

    /// True when the word has a reading in one of the categories of `bits`.
    #[inline]
    pub fn any(&self, bits: u64) -> bool {
        self.mask & bits != 0
    }

    /// True when a reading can start an expression.
    #[inline]
    pub fn triggers(&self) -> bool {
        self.triggers
    }
}

/// The date words of one language, and its function words (the language
/// detector's list), which tell a year from an amount ("en 2014 un califat"
/// against "de 2000 personnes").
pub struct Words {
    map: Map,
    /// A bit for each (first byte, last byte, length) of the map's words,
    /// folded into [`FILTER_BITS`]: most tokens of a text are no date word,
    /// and this tells most of them apart without hashing them.
    filter: [u64; FILTER_BITS / 64],
    function: WordSet<&'static str>,
    /// Endings of the simple future, with the shortest word they count in
    /// (`ending` lines: "ra 5" for "aura lieu", "se rendra").
    endings: Vec<(&'static str, usize)>,
    /// Phrases of several words (`new_year_s_day holiday 101`: the folded
    /// words joined by `_`), with their category and value; the first word
    /// is entered as [`Cat::Phrase`] so that it triggers.
    phrases: Vec<(Vec<&'static str>, Cat, i32)>,
}

impl Words {
    /// Parses a data file (`word category value` per line).
    pub fn parse(data: &'static str, function_words: &'static str) -> Words {
        let mut map = Map::default();
        let mut endings = Vec::new();
        let mut phrases = Vec::new();
        for line in word_list(data) {
            let mut it = line.split_whitespace();
            let (Some(w), Some(c), Some(v)) = (it.next(), it.next(), it.next()) else {
                continue;
            };
            if c == "ending" {
                if let Ok(min) = v.parse() {
                    endings.push((w, min));
                }
                continue;
            }
            let Some(cat) = Cat::parse(c) else { continue };
            let Some(val) = value(cat, v) else { continue };
            let (w, cat, val) = if w.contains('_') {
                let parts: Vec<&'static str> = w.split('_').collect();
                let first = parts[0];
                phrases.push((parts, cat, val));
                (first, Cat::Phrase, 0)
            } else {
                (w, cat, val)
            };
            let Some(key) = pack(w) else { continue };
            let e = map.entry(key).or_insert_with(Entry::default);
            if e.get(cat).is_none() {
                if let Some(slot) = e.pairs.iter_mut().find(|p| p.is_none()) {
                    *slot = Some((cat, val));
                    e.mask |= cat.bit();
                    e.triggers |= cat.triggers();
                }
            }
        }
        let mut filter = [0u64; FILTER_BITS / 64];
        for &key in map.keys() {
            let bit = filter_bit_packed(key);
            filter[bit / 64] |= 1 << (bit % 64);
        }
        Words {
            map,
            filter,
            function: word_list(function_words).collect(),
            endings,
            phrases,
        }
    }

    /// The phrases of category `cat`: their folded words and value.
    pub fn phrases(&self, cat: Cat) -> impl Iterator<Item = (&[&'static str], i32)> + '_ {
        self.phrases
            .iter()
            .filter(move |p| p.1 == cat)
            .map(|p| (p.0.as_slice(), p.2))
    }

    /// True when a folded word ends like a simple future ("rendra").
    pub fn has_future_ending(&self, w: &str) -> bool {
        self.endings
            .iter()
            .any(|&(e, min)| w.len() >= min && w.ends_with(e))
    }

    /// True for a function word ("un", "the", "when").
    pub fn is_function_word(&self, w: &str) -> bool {
        self.function.contains(w) || self.get(w, Cat::Func).is_some()
    }

    /// The entry for a folded word.
    #[inline]
    pub fn entry(&self, w: &str) -> Option<&Entry> {
        self.entry_packed(pack(w)?)
    }

    /// The entry for the folded word of `len` bytes at the start of
    /// `rest` (the rest of a text's folded form).
    #[inline]
    pub fn entry_at(&self, rest: &[u8], len: usize) -> Option<&Entry> {
        self.entry_packed(pack_from(rest, len)?)
    }

    #[inline]
    fn entry_packed(&self, key: u128) -> Option<&Entry> {
        let bit = filter_bit_packed(key);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        self.map.get(&key)
    }

    /// The value of a folded word in a category.
    #[inline]
    pub fn get(&self, w: &str, cat: Cat) -> Option<i32> {
        self.entry(w).and_then(|e| e.get(cat))
    }
}
