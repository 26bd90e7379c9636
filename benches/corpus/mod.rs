//! The benchmark corpus: ~1 MB of dispatch-like text per language (French,
//! English, Spanish, German), built deterministically from the short dispatches
//! committed next to this file.
//!
//! Each variant of a source dispatch rotates its place names, first names,
//! weekdays, months and numbers through small lists, so that the corpus is
//! not one text repeated (which would flatter caches and branch predictors)
//! while staying wire copy in shape: datelines, agencies, titles, dates.
//! No randomness: the same sources always give the same bytes.

use std::collections::HashMap;
use std::path::Path;

/// Rotations: a word found in one list is replaced, in variant `k`, by the
/// word `k` places further on in the same list. Lists hold single words as
/// written in the copy (case matters); one set per language.
const FIRST_NAMES: &[&str] = &[
    "Ahmed", "Samer", "Moussa", "Salem", "Yasser", "Abdullah", "Aminata", "Omar", "Leila",
    "Mohamed", "Bulama", "Nadia", "Karim", "Fatima",
];

const ROTATIONS_FR: &[&[&str]] = &[
    &[
        "Idleb",
        "Alep",
        "Hama",
        "Homs",
        "Raqa",
        "Mossoul",
        "Kirkouk",
        "Tikrit",
        "Falloujah",
        "Benghazi",
        "Tripoli",
        "Misrata",
        "Syrte",
        "Gao",
        "Tombouctou",
        "Mopti",
        "Kidal",
        "Beni",
        "Butembo",
        "Goma",
        "Kaboul",
        "Kandahar",
        "Hodeida",
        "Sanaa",
    ],
    &[
        "Syrie",
        "Irak",
        "Libye",
        "Mali",
        "Niger",
        "Tchad",
        "Yémen",
        "Afghanistan",
        "Somalie",
    ],
    FIRST_NAMES,
    &[
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ],
    &[
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
];

const ROTATIONS_EN: &[&[&str]] = &[
    &[
        "Idlib",
        "Aleppo",
        "Hama",
        "Homs",
        "Raqqa",
        "Mosul",
        "Kirkuk",
        "Tikrit",
        "Fallujah",
        "Benghazi",
        "Sirte",
        "Misrata",
        "Gao",
        "Timbuktu",
        "Mopti",
        "Kidal",
        "Maiduguri",
        "Kismayu",
        "Kunduz",
        "Kandahar",
        "Hodeidah",
        "Aden",
        "Beni",
        "Butembo",
    ],
    &[
        "Syria",
        "Iraq",
        "Libya",
        "Mali",
        "Niger",
        "Chad",
        "Yemen",
        "Afghanistan",
        "Somalia",
    ],
    FIRST_NAMES,
    &[
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
];

const ROTATIONS_ES: &[&[&str]] = &[
    &[
        "Bogotá",
        "Medellín",
        "Cali",
        "Cúcuta",
        "Caracas",
        "Maracaibo",
        "Valencia",
        "Tapachula",
        "Tijuana",
        "Monterrey",
        "Quito",
        "Lima",
        "Madrid",
        "Sevilla",
        "Tegucigalpa",
        "Managua",
    ],
    &[
        "Colombia",
        "Venezuela",
        "México",
        "Honduras",
        "Guatemala",
        "Ecuador",
        "Perú",
        "Bolivia",
        "Nicaragua",
    ],
    FIRST_NAMES,
    &[
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
    ],
    &[
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
];

const ROTATIONS_DE: &[&[&str]] = &[
    &[
        "Berlin",
        "Frankfurt",
        "Wien",
        "Mainz",
        "Passau",
        "Rosenheim",
        "Kassel",
        "Emden",
        "Zwickau",
        "Potsdam",
        "Hamburg",
        "Bremen",
        "Hannover",
        "Stuttgart",
        "Bonn",
    ],
    &["Deutschland", "Österreich", "Ukraine", "Ungarn", "Bayern"],
    &[
        "Olaf",
        "Christian",
        "Friedrich",
        "Annalena",
        "Boris",
        "Ursula",
        "Markus",
        "Joachim",
        "Daniela",
        "Gerhard",
    ],
    &[
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Sonntag",
    ],
];

/// One source dispatch.
pub struct Source {
    pub lang: &'static str,
    pub text: String,
}

/// The committed sources, sorted by file name.
pub fn sources() -> Vec<Source> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/corpus");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("benches/corpus is readable")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_string();
            let lang = if name.starts_with("fr-") {
                "fr"
            } else if name.starts_with("en-") {
                "en"
            } else if name.starts_with("es-") {
                "es"
            } else if name.starts_with("de-") {
                "de"
            } else {
                return None;
            };
            let text = std::fs::read_to_string(&p).expect("corpus file is UTF-8");
            Some(Source { lang, text })
        })
        .collect()
}

/// Variant `k` of a text: every word of a rotation list moved `k` places on,
/// every number shifted (years stay plausible years, days plausible days).
pub fn variant(text: &str, lang: &str, k: usize) -> String {
    if k == 0 {
        return text.to_string();
    }
    let rotations = match lang {
        "fr" => ROTATIONS_FR,
        "es" => ROTATIONS_ES,
        "de" => ROTATIONS_DE,
        _ => ROTATIONS_EN,
    };
    let mut index: HashMap<&str, (usize, usize)> = HashMap::new();
    for (l, list) in rotations.iter().enumerate() {
        for (i, w) in list.iter().enumerate() {
            index.entry(*w).or_insert((l, i));
        }
    }
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let len = if c.is_alphabetic() {
            let n = rest
                .find(|ch: char| !ch.is_alphabetic())
                .unwrap_or(rest.len());
            let word = &rest[..n];
            match index.get(word) {
                Some(&(l, i)) => {
                    let list = rotations[l];
                    out.push_str(list[(i + k) % list.len()]);
                }
                None => out.push_str(word),
            }
            n
        } else if c.is_ascii_digit() {
            let n = rest
                .find(|ch: char| !ch.is_ascii_digit())
                .unwrap_or(rest.len());
            out.push_str(&shift_number(&rest[..n], k));
            n
        } else {
            out.push(c);
            c.len_utf8()
        };
        rest = &rest[len..];
    }
    out
}

fn shift_number(digits: &str, k: usize) -> String {
    let Ok(v) = digits.parse::<u64>() else {
        return digits.to_string();
    };
    let k = k as u64;
    if digits.len() == 4 && (2008..=2030).contains(&v) {
        // A recent year: stays in 2008..=2021.
        (2008 + (v - 2008 + k) % 14).to_string()
    } else if digits.len() == 4 && (1950..2008).contains(&v) {
        // An older year: stays in 1950..=2007.
        (1950 + (v - 1950 + k) % 58).to_string()
    } else if digits.len() <= 2 && (1..=31).contains(&v) {
        // Maybe a day or an hour: stay in 1..=28; "06" keeps its zero, "6" gets none.
        let width = if digits.starts_with('0') {
            digits.len()
        } else {
            1
        };
        format!("{:0width$}", (v - 1 + 3 * k) % 28 + 1)
    } else {
        // Keep the number of digits, so that "80.000" stays a thousands group.
        let m = 10u64.pow(digits.len().min(18) as u32);
        let shifted = (v + 7 * k) % m;
        format!("{:0width$}", shifted, width = digits.len())
    }
}

/// The dispatches of one language, in variants 0, 1, 2... until they add up
/// to at least `target_bytes`.
pub fn dispatches(lang: &str, target_bytes: usize) -> Vec<String> {
    let base: Vec<String> = sources()
        .into_iter()
        .filter(|s| s.lang == lang)
        .map(|s| s.text)
        .collect();
    assert!(!base.is_empty(), "no corpus sources for {lang}");
    let mut out = Vec::new();
    let mut total = 0;
    let mut k = 0;
    while total < target_bytes {
        for text in &base {
            let v = variant(text, lang, k);
            total += v.len();
            out.push(v);
        }
        k += 1;
    }
    out
}
