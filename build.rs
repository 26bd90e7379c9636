//! Compiles the lexicon data files (`data/generated/*`, `data/curated/*` and
//! the lexicon files of every `data/lang/<code>/` folder) into compact binary
//! blobs in `OUT_DIR` that `src/lexicon` embeds with `include_bytes!`: fst
//! maps and sets (zero-cost to load) and fixed-size record tables. Keys are
//! computed with the very `name_key` the run time uses (`src/text/fold.rs` is
//! `include!`d, over the folding table of `data/curated/fold.tsv`, which is
//! also compiled here into the `match` of `src/text/fold_table.rs`), so they
//! are byte-identical. Everything is sorted, so the output is deterministic.

use std::collections::{BTreeMap, BTreeSet};
use std::env;
use std::fs;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
mod text {
    pub mod fold {
        include!("src/text/fold.rs");
    }

    /// The build script's own view of `data/curated/fold.tsv` (the crate's is
    /// the `match` that [`super::fold_table_source`] writes).
    pub mod fold_table {
        use std::collections::BTreeMap;
        use std::sync::LazyLock;

        static TABLE: LazyLock<BTreeMap<char, (char, char)>> =
            LazyLock::new(|| super::super::fold_table().into_iter().collect());

        pub fn mapped(c: char) -> Option<(char, char)> {
            TABLE.get(&c).copied()
        }

        pub static JOINED_ARTICLES: LazyLock<Vec<&'static str>> =
            LazyLock::new(super::super::joined_articles);
    }
}
use text::fold;

/// Size of one place record (see `src/lexicon/data.rs`).
const PLACE_RECORD: usize = 12;
/// Size of one actor record.
const ACTOR_RECORD: usize = 6;
const NO_COUNTRY: u8 = 255;
const NO_COORD: i32 = -(1 << 23);

const INPUTS: &[&str] = &[
    "data/generated/places.tsv",
    "data/generated/first_names.txt",
    "data/curated/features.tsv",
    "data/generated/continents.tsv",
    "data/generated/towns.tsv",
    "data/curated/actors.tsv",
    "data/curated/fold.tsv",
    "data/curated/joined_articles.txt",
    "data/lang/languages.tsv",
    "src/text/fold.rs",
    "build.rs",
];

/// The files of a pack language's folder that stay in the core: detection
/// reads the function words before the pack arrives, menus the value words.
const CORE_FILES: &[&str] = &["stopwords.txt", "values.json"];
/// Version of the pack format (`src/packs.rs` reads it).
const PACK_FORMAT: u16 = 1;
const PACK_MAGIC: &[u8; 8] = b"DPCHPACK";
/// The code of the gazetteer pack (`src/towns.rs`), and its one file.
const GAZETTEER_PACK: &str = "geo";
const TOWNS_FILE: &str = "towns.tsv";

/// The lexicon files of a language folder (`data/lang/<code>/`), each optional.
const COMMON_WORDS: &str = "common.txt";
const DEMONYMS: &str = "demonyms.tsv";
const COUNTRY_NAMES: &str = "countries.tsv";

fn main() {
    for f in INPUTS {
        println!("cargo:rerun-if-changed={f}");
    }
    let out = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR"));
    println!("cargo:rerun-if-changed=data/lang");
    println!("cargo:rerun-if-env-changed=CARGO_FEATURE_TEST_LOCALE");
    write(&out, "lang_data.rs", lang_data().as_bytes());
    write(&out, "registry.rs", registry().as_bytes());
    write(&out, "fold_table.rs", fold_table_source().as_bytes());
    let langs = lexicon_languages();
    for code in &langs {
        for f in [COMMON_WORDS, DEMONYMS, COUNTRY_NAMES] {
            println!("cargo:rerun-if-changed=data/lang/{code}/{f}");
        }
    }
    let countries = read_countries();
    let country_index = |cc: &str| -> u8 {
        countries
            .binary_search_by(|c| c.as_str().cmp(cc))
            .map(|i| i as u8)
            .unwrap_or(NO_COUNTRY)
    };

    // ---- senses: places, then actors --------------------------------------
    let mut records: Vec<u8> = Vec::new();
    let mut ranks: Vec<(u8, u64)> = Vec::new(); // (class rank, population) per sense
    let mut keys: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    // (key, sense) where the key is the sense's main name: within a class,
    // a place named so comes before one for which it is an alternate name
    // ("Islamabad" is Pakistan's capital before a city it is an old name of).
    let mut main_names: BTreeSet<(String, u32)> = BTreeSet::new();
    let add_names = |keys: &mut BTreeMap<String, BTreeSet<u32>>,
                     main_names: &mut BTreeSet<(String, u32)>,
                     sense: u32,
                     names: &str| {
        for (i, n) in names.split('|').enumerate() {
            let k = fold::name_key(n.trim());
            if !k.is_empty() && k.len() <= 120 {
                if i == 0 {
                    main_names.insert((k.clone(), sense));
                }
                keys.entry(k).or_default().insert(sense);
            }
        }
    };

    // Places from the generated gazetteer and the curated features, numbered
    // in the order of their main name's key: the fst then sees values that
    // grow with its keys, which it stores in far fewer bytes.
    let mut places: Vec<PlaceRow> = Vec::new();
    for line in data_lines("data/generated/places.tsv") {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 8 {
            panic!("places.tsv: bad line {line:?}");
        }
        let kind = match f[0] {
            "country" => 0u8,
            "region" => 1,
            "city" => 2,
            _ => 3,
        };
        let pop: u64 = f[5].parse().unwrap_or(0);
        let reference = match kind {
            2 => f[4]
                .strip_prefix("geonames:")
                .and_then(|s| s.parse::<u32>().ok())
                .unwrap_or(0),
            1 => pack_subdivision(f[4]),
            _ => 0,
        };
        assert!(
            reference < 1 << 24,
            "reference does not fit 3 bytes: {}",
            f[4]
        );
        let capital = f[6] == "1";
        let rank = match kind {
            0 => 0,
            2 if capital || pop >= 1_000_000 => 1,
            1 => 2,
            2 if pop >= 100_000 => 4,
            2 => 6,
            _ => 3,
        };
        places.push(PlaceRow {
            kind,
            capital,
            country: country_index(f[1]),
            lat: coord(f[2]),
            lon: coord(f[3]),
            reference,
            pop,
            rank,
            names: f[7].to_owned(),
        });
    }
    // A curated row naming a continent takes its GeoNames id and point from
    // continents.tsv (its names stay the curated ones).
    let continents: Vec<Vec<String>> = data_lines("data/generated/continents.tsv")
        .iter()
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect();
    let mut n_features = 0u32;
    for line in data_lines("data/curated/features.tsv") {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 5 {
            panic!("features.tsv: bad line {line:?}");
        }
        let kind = if f[0] == "region" { 1 } else { 3 };
        let continent = continents
            .iter()
            .find(|c| f[1].is_empty() && f[4].split('|').any(|n| n == c[0]));
        let (lat, lon, reference) = match continent {
            Some(c) => (
                coord(&c[2]),
                coord(&c[3]),
                c[1].strip_prefix("geonames:")
                    .and_then(|s| s.parse::<u32>().ok())
                    .expect("continents.tsv: a GeoNames id"),
            ),
            None => (coord(f[2]), coord(f[3]), 0),
        };
        assert!(reference < 1 << 24, "reference does not fit 3 bytes");
        places.push(PlaceRow {
            kind,
            capital: false,
            country: country_index(f[1]),
            lat,
            lon,
            reference,
            pop: 0,
            rank: if kind == 1 { 2 } else { 3 },
            names: f[4].to_owned(),
        });
        n_features += 1;
    }
    let mut sort_keys: Vec<(String, usize)> = places
        .iter()
        .enumerate()
        .map(|(i, p)| (fold::name_key(p.names.split('|').next().unwrap_or("")), i))
        .collect();
    sort_keys.sort();
    let mut n_places = 0u32;
    for (_, i) in &sort_keys {
        let p = &places[*i];
        push_place(&mut records, p);
        ranks.push((p.rank, p.pop));
        add_names(&mut keys, &mut main_names, n_places, &p.names);
        n_places += 1;
    }

    // Actors: records after the places; canonical names go to Rust source.
    let mut actor_records: Vec<u8> = Vec::new();
    let mut canon_src = String::from("pub static ACTOR_NAMES: &[&str] = &[\n");
    let mut n_actors = 0u32;
    for line in data_lines("data/curated/actors.tsv") {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 4 {
            panic!("actors.tsv: bad line {line:?}");
        }
        let ty = match f[1] {
            "person" => 0u8,
            "organisation" => 1,
            "armed_group" => 2,
            "government" => 3,
            "military" => 4,
            "media" => 5,
            "igo" => 6,
            other => panic!("actors.tsv: unknown type {other:?}"),
        };
        canon_src.push_str(&format!("    {:?},\n", f[0]));
        actor_records.extend_from_slice(&(n_actors as u16).to_le_bytes());
        actor_records.push(ty);
        actor_records.push(country_index(f[2]));
        actor_records.extend_from_slice(&[0, 0]);
        ranks.push((5, 0));
        add_names(&mut keys, &mut main_names, n_places + n_actors, f[3]);
        n_actors += 1;
    }
    canon_src.push_str("];\n");
    debug_assert_eq!(actor_records.len(), n_actors as usize * ACTOR_RECORD);

    // ---- name fst: key -> one sense (value << 1) or a list (offset << 1 | 1)
    let mut lists: Vec<u8> = Vec::new();
    let mut map = fst::MapBuilder::memory();
    for (key, senses) in &keys {
        let mut senses: Vec<u32> = senses.iter().copied().collect();
        senses.sort_by(|&a, &b| {
            let (ra, pa) = ranks[a as usize];
            let (rb, pb) = ranks[b as usize];
            let alt = |s: u32| !main_names.contains(&(key.clone(), s));
            ra.cmp(&rb)
                .then(alt(a).cmp(&alt(b)))
                .then(pb.cmp(&pa))
                .then(a.cmp(&b))
        });
        let value = if senses.len() == 1 {
            (senses[0] as u64) << 1
        } else {
            let off = lists.len() as u64;
            let n = senses.len().min(255);
            lists.push(n as u8);
            for s in &senses[..n] {
                lists.extend_from_slice(&s.to_le_bytes()[..3]);
            }
            (off << 1) | 1
        };
        map.insert(key.as_bytes(), value).expect("sorted keys");
    }
    let names_fst = map.into_inner().expect("fst");

    // ---- per language: common words, demonyms, country names ---------------
    // Tables in the sorted order of the codes (`LANGS`); the order the
    // registry prefers them in, and the language of canonical names, from
    // data/lang/languages.tsv.
    let (preferred, canonical) = language_order(&langs);
    // A text of no known language reads the core languages' tables only, not
    // those of the languages loaded on demand: the page fetches such a pack
    // when a text in its language appears, so `und` must not depend on which
    // of them happen to be there (nor change when one is added).
    let packs = pack_languages();
    let on_demand = on_demand_languages();
    let und_order: Vec<usize> = preferred
        .iter()
        .copied()
        .filter(|&i| !on_demand.contains(&langs[i]))
        .collect();
    let mut csrc = format!(
        "pub static LANGS: &[&str] = &{langs:?};\npub const N_LANGS: usize = {};\n\
         pub static PREFERRED: &[usize] = &{preferred:?};\npub const CANONICAL: Option<usize> = {canonical:?};\n\
         pub static UND_ORDER: &[usize] = &{und_order:?};\n",
        langs.len()
    );
    // A pack language's blobs go to its pack, not to the core: its slots
    // here are empty and `PACKED` says to read them from the pack store.
    csrc.push_str(&format!(
        "pub static PACKED: [bool; N_LANGS] = {:?};\n",
        langs.iter().map(|c| packs.contains(c)).collect::<Vec<_>>()
    ));
    let mut pack_blobs: BTreeMap<String, Vec<(String, Vec<u8>)>> = BTreeMap::new();
    let mut common_src = String::from("pub static COMMON: [&[u8]; N_LANGS] = [\n");
    let mut demonyms_src = String::from("pub static DEMONYMS: [&[u8]; N_LANGS] = [\n");
    let mut names_src = String::from("pub static COUNTRY_NAMES: [&[&str]; N_LANGS] = [\n");
    for code in &langs {
        let dir = format!("data/lang/{code}");
        let common = word_set(&format!("{dir}/{COMMON_WORDS}"));
        // Demonyms: folded form -> country index (255: a people without a state).
        let mut dem: BTreeMap<String, u8> = BTreeMap::new();
        for line in optional_lines(&format!("{dir}/{DEMONYMS}")) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 2 {
                continue;
            }
            dem.insert(fold::fold_str(f[0]), country_index(f[1]));
        }
        let mut dm = fst::MapBuilder::memory();
        for (k, v) in &dem {
            dm.insert(k.as_bytes(), *v as u64).expect("sorted");
        }
        let demonyms = dm.into_inner().expect("fst");
        // Country names, by country index ("" when the language has none).
        let mut names = vec![String::new(); countries.len()];
        for line in optional_lines(&format!("{dir}/{COUNTRY_NAMES}")) {
            if let Some((cc, name)) = line.split_once('\t') {
                let i = country_index(cc);
                if let Some(slot) = names.get_mut(i as usize) {
                    *slot = name.to_owned();
                }
            }
        }
        if packs.contains(code) {
            pack_blobs.insert(
                code.clone(),
                vec![
                    ("common.fst".to_owned(), common),
                    ("demonyms.fst".to_owned(), demonyms),
                    ("country_names".to_owned(), names.join("\n").into_bytes()),
                ],
            );
            common_src.push_str("    &[],\n");
            demonyms_src.push_str("    &[],\n");
            names_src.push_str("    &[],\n");
            continue;
        }
        write(&out, &format!("common.{code}.fst"), &common);
        write(&out, &format!("demonyms.{code}.fst"), &demonyms);
        for (src, blob) in [(&mut common_src, "common"), (&mut demonyms_src, "demonyms")] {
            src.push_str(&format!(
                "    include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{blob}.{code}.fst\")),\n"
            ));
        }
        names_src.push_str(&format!("    &{names:?},\n"));
    }
    write_packs(&out, pack_blobs, countries.len());
    for src in [common_src, demonyms_src, names_src] {
        csrc.push_str(&src);
        csrc.push_str("];\n");
    }
    let first = word_set("data/generated/first_names.txt");

    // ---- countries as Rust source --------------------------------------------
    csrc.push_str(&format!(
        "pub static COUNTRIES: &[&str] = &{countries:?};\n"
    ));
    csrc.push_str(&canon_src);
    csrc.push_str(&format!(
        "pub const N_PLACES: u32 = {n_places};\npub const N_ACTORS: u32 = {n_actors};\npub const N_FEATURES: u32 = {n_features};\npub const N_KEYS: usize = {};\n",
        keys.len()
    ));

    write(&out, "names.fst", &names_fst);
    write(&out, "senses.bin", &lists);
    // Column-wise, byte plane by byte plane (see lexicon/data.rs `place`).
    let n_records = records.len() / PLACE_RECORD;
    let planes: Vec<u8> = (0..PLACE_RECORD)
        .flat_map(|b| (0..n_records).map(move |i| (b, i)))
        .map(|(b, i)| records[i * PLACE_RECORD + b])
        .collect();
    write(&out, "places.bin", &planes);
    write(&out, "actors.bin", &actor_records);
    write(&out, "first_names.fst", &first);
    write(&out, "tables.rs", csrc.as_bytes());
}

/// The registry's list of locales, from `data/lang/languages.tsv`: an
/// expression `&[&fr::LOCALE, …]` for `src/locales/mod.rs`. A language of
/// role `test` is left out unless the `test-locale` feature is on.
fn registry() -> String {
    let mut items = Vec::new();
    for line in data_lines("data/lang/languages.tsv") {
        let f: Vec<&str> = line.split('\t').map(str::trim).collect();
        let code = f[0];
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_lowercase()) {
            panic!("data/lang/languages.tsv: bad code {code:?}");
        }
        if !Path::new("data/lang").join(code).is_dir() {
            panic!("data/lang/languages.tsv lists {code}, but data/lang/{code}/ does not exist");
        }
        if left_out(code) {
            continue;
        }
        items.push(format!("&{code}::LOCALE"));
    }
    format!("&[{}]\n", items.join(", "))
}

/// True when this build leaves the language out (registry and lexicon), by
/// its role in `data/lang/languages.tsv`: `test` without the `test-locale`
/// feature. A `pack` language is in every build's registry; its data come
/// from its pack (`packs/<code>.pack`, see [`write_packs`]), which the native
/// build embeds and the WebAssembly module is handed at run time.
fn left_out(code: &str) -> bool {
    role_of(code) == "test" && env::var_os("CARGO_FEATURE_TEST_LOCALE").is_none()
}

/// The role of a language in `data/lang/languages.tsv` ("" when none).
fn role_of(code: &str) -> String {
    data_lines("data/lang/languages.tsv")
        .iter()
        .find_map(|l| {
            let f: Vec<&str> = l.split('\t').map(str::trim).collect();
            (f[0] == code).then(|| f.get(2).copied().unwrap_or("").to_owned())
        })
        .unwrap_or_default()
}

/// Every language folder of `data/lang/` as a module of constants, one per
/// file (`data/lang/fr/names.tsv` → `fr::NAMES_TSV`), for the locales of
/// `src/locales/` to parse: a new folder needs no line here.
fn lang_data() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lang");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root)
        .expect("data/lang")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let packs = pack_languages();
    let mut src = String::new();
    for dir in dirs {
        let code = dir.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_lowercase()) {
            panic!("data/lang/{code}: a language folder is named by its lower-case code");
        }
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)
            .expect("language folder")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        let is_pack = packs.iter().any(|p| p == code);
        let pack_files = if is_pack {
            pack_files(code)
        } else {
            Vec::new()
        };
        src.push_str(&format!("#[allow(dead_code)]\npub mod {code} {{\n"));
        for f in files {
            let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let ident = const_ident(name);
            if is_pack && !CORE_FILES.contains(&name) {
                // In the pack: read from the pack store, once it is loaded.
                if pack_files.iter().any(|p| p == name) {
                    src.push_str(&format!(
                        "    #[allow(non_snake_case)]\n    pub fn {ident}() -> &'static str {{\n        crate::packs::text({code:?}, {name:?})\n    }}\n"
                    ));
                }
                continue;
            }
            src.push_str(&format!(
                "    pub const {ident}: &str = include_str!({:?});\n",
                f.display().to_string()
            ));
        }
        src.push_str("}\n");
    }
    src
}

fn write(out: &Path, name: &str, bytes: &[u8]) {
    let p = out.join(name);
    // Only rewrite on change, so dependants are not rebuilt needlessly.
    if fs::read(&p).ok().as_deref() != Some(bytes) {
        fs::write(&p, bytes).expect("write OUT_DIR file");
    }
}

fn data_lines(path: &str) -> Vec<String> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// A data file that a language folder may lack: no lines then.
fn optional_lines(path: &str) -> Vec<String> {
    if Path::new(path).exists() {
        data_lines(path)
    } else {
        Vec::new()
    }
}

/// The ISO codes of the countries of the gazetteer (its `country` rows), sorted:
/// a country's index in this list is how records name it.
fn read_countries() -> Vec<String> {
    let mut v: Vec<String> = data_lines("data/generated/places.tsv")
        .iter()
        .filter_map(|l| {
            let mut f = l.split('\t');
            (f.next() == Some("country")).then(|| f.next().unwrap_or("").to_owned())
        })
        .collect();
    v.sort();
    v.dedup();
    assert!(v.len() < 255, "country index must fit in a byte");
    v
}

/// Every language folder of `data/lang/` with a lexicon file, by code,
/// sorted: the lexicon compiles the files of [`COMMON_WORDS`], [`DEMONYMS`]
/// and [`COUNTRY_NAMES`] each has (any may be missing).
fn lexicon_languages() -> Vec<String> {
    let mut codes: Vec<String> = fs::read_dir("data/lang")
        .expect("data/lang")
        .flatten()
        .filter(|e| {
            let p = e.path();
            p.is_dir()
                && [COMMON_WORDS, DEMONYMS, COUNTRY_NAMES]
                    .iter()
                    .any(|f| p.join(f).is_file())
        })
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter(|code| !left_out(code))
        .collect();
    codes.sort();
    codes
}

/// From `data/lang/languages.tsv`: the indices (into the sorted `langs`) in the
/// order the registry prefers the languages (a folder it does not list comes
/// after, in code order), and the index of the language of canonical names.
fn language_order(langs: &[String]) -> (Vec<usize>, Option<usize>) {
    let mut preferred = Vec::new();
    let mut canonical = None;
    for line in data_lines("data/lang/languages.tsv") {
        let f: Vec<&str> = line.split('\t').collect();
        let Some(i) = langs.iter().position(|c| c == f[0]) else {
            continue;
        };
        if !preferred.contains(&i) {
            preferred.push(i);
        }
        if f.get(2).is_some_and(|r| r.trim() == "canonical") {
            canonical = Some(i);
        }
    }
    for i in 0..langs.len() {
        if !preferred.contains(&i) {
            preferred.push(i);
        }
    }
    (preferred, canonical)
}

/// The languages whose data go into a pack: every language of
/// `data/lang/languages.tsv` but the test ones (compiled in when the
/// `test-locale` feature asks for them).
fn pack_languages() -> Vec<String> {
    data_lines("data/lang/languages.tsv")
        .iter()
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').map(str::trim).collect();
            (f.get(2) != Some(&"test")).then(|| f[0].to_owned())
        })
        .collect()
}

/// The codes of role `pack` in `data/lang/languages.tsv`: languages whose pack
/// the page fetches when a text in them appears. The others' packs (the core
/// languages') are loaded with the module, before any text.
fn on_demand_languages() -> Vec<String> {
    data_lines("data/lang/languages.tsv")
        .iter()
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').map(str::trim).collect();
            (f.get(2) == Some(&"pack")).then(|| f[0].to_owned())
        })
        .collect()
}

/// `data/curated/fold.tsv`: (character, folded form) pairs; a folded form of
/// one character has `'\0'` second.
fn fold_table() -> Vec<(char, (char, char))> {
    let item = |s: &str| -> String {
        match s.strip_prefix("U+") {
            Some(hex) => u32::from_str_radix(hex, 16)
                .ok()
                .and_then(char::from_u32)
                .unwrap_or_else(|| panic!("fold.tsv: bad code point {s}"))
                .to_string(),
            None => s.to_owned(),
        }
    };
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for line in data_lines("data/curated/fold.tsv") {
        let (to, from) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("fold.tsv: bad line {line:?}"));
        let to: Vec<char> = item(to).chars().collect();
        let folded = match to[..] {
            [a] => (a, '\0'),
            [a, b] => (a, b),
            _ => panic!("fold.tsv: a folded form has one or two characters: {line:?}"),
        };
        for s in from.split_whitespace() {
            let text = item(s);
            let mut chars = text.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                panic!("fold.tsv: {s:?} is not one character");
            };
            assert!(!c.is_ascii(), "fold.tsv: ASCII folds to lower case: {c:?}");
            assert!(seen.insert(c), "fold.tsv: {c:?} listed twice");
            out.push((c, folded));
        }
    }
    out
}

/// `data/curated/joined_articles.txt`, in its order.
fn joined_articles() -> Vec<&'static str> {
    data_lines("data/curated/joined_articles.txt")
        .into_iter()
        .map(|w| &*Box::leak(w.trim().to_owned().into_boxed_str()))
        .collect()
}

/// The crate's `src/text/fold_table.rs`: the folding table as a `match`
/// (folding runs on every character), and the joined articles.
fn fold_table_source() -> String {
    let mut by_form: BTreeMap<(char, char), Vec<char>> = BTreeMap::new();
    for (c, folded) in fold_table() {
        by_form.entry(folded).or_default().push(c);
    }
    let mut src = String::from(
        "/// The folded form of a character of `data/curated/fold.tsv`.\n\
         #[inline]\npub fn mapped(c: char) -> Option<(char, char)> {\n    Some(match c {\n",
    );
    for ((a, b), chars) in &by_form {
        let pattern: Vec<String> = chars.iter().map(|c| format!("{c:?}")).collect();
        src.push_str(&format!(
            "        {} => ({a:?}, {b:?}),\n",
            pattern.join(" | ")
        ));
    }
    src.push_str("        _ => return None,\n    })\n}\n\n");
    src.push_str(&format!(
        "/// The Arabic articles of `data/curated/joined_articles.txt`.\npub const JOINED_ARTICLES: &[&str] = &{:?};\n",
        joined_articles()
    ));
    src
}

fn word_set(path: &str) -> Vec<u8> {
    let words: BTreeSet<String> = optional_lines(path)
        .iter()
        .map(|w| fold::fold_str(w.trim()))
        .filter(|w| !w.is_empty())
        .collect();
    let mut b = fst::SetBuilder::memory();
    for w in &words {
        b.insert(w.as_bytes()).expect("sorted");
    }
    b.into_inner().expect("fst")
}

fn coord(s: &str) -> i32 {
    match s.trim().parse::<f64>() {
        Ok(x) if x.is_finite() && x.abs() <= 180.0 => (x * 10_000.0).round() as i32,
        _ => NO_COORD,
    }
}

/// "iso3166-2:SY-DY" -> the suffix "DY" packed in the 3 low bytes (ASCII).
fn pack_subdivision(reference: &str) -> u32 {
    let code = reference.strip_prefix("iso3166-2:").unwrap_or("");
    let suffix = code.split_once('-').map(|x| x.1).unwrap_or("");
    let b = suffix.as_bytes();
    assert!(b.len() <= 3, "subdivision suffix too long: {code}");
    let mut v = 0u32;
    for (i, &c) in b.iter().enumerate() {
        v |= (c as u32) << (8 * i);
    }
    v
}

struct PlaceRow {
    kind: u8,
    capital: bool,
    country: u8,
    lat: i32,
    lon: i32,
    reference: u32,
    pop: u64,
    rank: u8,
    names: String,
}

/// Population in 3 bytes: exact below 2^23, else in hundreds with the top bit set.
/// Population in one byte, on a log scale of 2^(1/10) (7% steps) anchored
/// at 100,000: code 166 is exactly 100,000, code 176 exactly 200,000, so the
/// thresholds the recognisers test (lexicon/data.rs) decide as with the exact
/// figure, and the decoded value is never above the real one. 0: unknown.
/// Rankings between places are computed here from the exact figures.
fn pack_population(pop: u64) -> u8 {
    if pop == 0 {
        return 0;
    }
    let steps = (10.0 * (pop as f64 / 100_000.0).log2()).floor() as i64 + 166;
    steps.clamp(1, 255) as u8
}

fn push_place(out: &mut Vec<u8>, p: &PlaceRow) {
    let start = out.len();
    out.push(p.kind | if p.capital { 0x80 } else { 0 });
    out.push(p.country);
    out.extend_from_slice(&p.lat.to_le_bytes()[..3]);
    out.extend_from_slice(&p.lon.to_le_bytes()[..3]);
    out.extend_from_slice(&p.reference.to_le_bytes()[..3]);
    out.push(pack_population(p.pop));
    debug_assert_eq!(out.len() - start, PLACE_RECORD);
}

/// The text files of a pack language's folder that go into its pack: those
/// its locale (`src/locales/<code>/`) reads (`data::<code>::NAMES_TSV`…), and
/// not [`CORE_FILES`]. Sorted.
fn pack_files(code: &str) -> Vec<String> {
    let mut source = String::new();
    let mut stack = vec![PathBuf::from(format!("src/locales/{code}"))];
    while let Some(dir) = stack.pop() {
        for e in fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                source.push_str(&fs::read_to_string(&p).unwrap_or_default());
            }
        }
    }
    let mut out: Vec<String> = fs::read_dir(format!("data/lang/{code}"))
        .expect("language folder")
        .flatten()
        .filter(|e| e.path().is_file())
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter(|name| !CORE_FILES.contains(&name.as_str()))
        .filter(|name| {
            let ident = const_ident(name);
            source.contains(&format!("data::{code}::{ident}"))
        })
        .collect();
    out.sort();
    out
}

/// FNV-1a, 64 bits: the pack digests and the core version (no dependency;
/// an integrity check against stale or damaged packs, not a signature).
fn fnv(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = seed;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}
const FNV_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// Writes `packs/<code>.pack` into `OUT_DIR` for every language of
/// [`pack_languages`], and `packs.rs`: the core version, each pack's size and digest, and
/// (native builds) the packs themselves as static bytes.
///
/// A pack: magic `DPCHPACK`, format version (u16), code (u8 length, ASCII),
/// the core version it was built for (u64), the number of entries (u16),
/// then each entry: name (u8 length, ASCII), data (u32 length, bytes), in
/// name order; nothing after. Entries are the folder's [`pack_files`], the
/// lexicon blobs `common.fst` and `demonyms.fst`, and `country_names` (the
/// language's name of each country, one a line, in the gazetteer's order). All integers little-endian.
/// The core version hashes the crate version, the format and every pack's
/// entries, so a pack of another build is told apart; same inputs, same bytes.
fn write_packs(
    out: &Path,
    mut blobs: BTreeMap<String, Vec<(String, Vec<u8>)>>,
    n_countries: usize,
) {
    let codes = pack_languages();
    let on_demand = on_demand_languages();
    let mut entries: Vec<(String, BTreeMap<String, Vec<u8>>)> = Vec::new();
    for code in &codes {
        println!("cargo:rerun-if-changed=src/locales/{code}");
        let mut e: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        for f in pack_files(code) {
            let bytes = fs::read(format!("data/lang/{code}/{f}")).expect("pack file");
            e.insert(f, bytes);
        }
        for (name, bytes) in blobs.remove(code).unwrap_or_default() {
            e.insert(name, bytes);
        }
        entries.push((code.clone(), e));
    }
    // The gazetteer pack: no language's, the towns places.tsv leaves out
    // (src/towns.rs reads it), fetched by the page when needed like a pack
    // language's.
    let mut e: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    e.insert(
        TOWNS_FILE.to_owned(),
        fs::read(format!("data/generated/{TOWNS_FILE}")).expect("towns.tsv"),
    );
    entries.push((GAZETTEER_PACK.to_owned(), e));
    let mut version = fnv(FNV_SEED, env!("CARGO_PKG_VERSION").as_bytes());
    version = fnv(version, &PACK_FORMAT.to_le_bytes());
    for (code, e) in &entries {
        version = fnv(version, code.as_bytes());
        for (name, bytes) in e {
            version = fnv(version, name.as_bytes());
            version = fnv(version, &(bytes.len() as u64).to_le_bytes());
            version = fnv(version, bytes);
        }
    }
    fs::create_dir_all(out.join("packs")).expect("OUT_DIR/packs");
    let mut src = format!(
        "/// The pack format this core reads.\npub const FORMAT: u16 = {PACK_FORMAT};\n\
         /// The core version packs are built for (a hash of the crate version and every pack's data).\n\
         pub const CORE_VERSION: u64 = {version:#018x};\npub const N_PACKS: usize = {};\n\
         pub const N_COUNTRIES: usize = {n_countries};\n\
         /// Each pack: its code, size and digest.\npub static PACKS: [PackInfo; N_PACKS] = [\n",
        entries.len()
    );
    let mut builtin = String::from(
        "/// The packs as static bytes, for the native build.\n#[cfg(not(target_arch = \"wasm32\"))]\npub static BUILTIN: [&[u8]; N_PACKS] = [\n",
    );
    for (code, e) in &entries {
        let mut b: Vec<u8> = Vec::new();
        b.extend_from_slice(PACK_MAGIC);
        b.extend_from_slice(&PACK_FORMAT.to_le_bytes());
        b.push(code.len() as u8);
        b.extend_from_slice(code.as_bytes());
        b.extend_from_slice(&version.to_le_bytes());
        b.extend_from_slice(&(e.len() as u16).to_le_bytes());
        for (name, bytes) in e {
            assert!(
                name.len() < 256 && name.is_ascii(),
                "pack entry name {name:?}"
            );
            b.push(name.len() as u8);
            b.extend_from_slice(name.as_bytes());
            b.extend_from_slice(
                &u32::try_from(bytes.len())
                    .expect("entry size")
                    .to_le_bytes(),
            );
            b.extend_from_slice(bytes);
        }
        write(&out.join("packs"), &format!("{code}.pack"), &b);
        src.push_str(&format!(
            "    PackInfo {{ code: {code:?}, len: {}, digest: {:#018x} }},\n",
            b.len(),
            fnv(FNV_SEED, &b)
        ));
        builtin.push_str(&format!(
            "    include_bytes!(concat!(env!(\"OUT_DIR\"), \"/packs/{code}.pack\")),\n"
        ));
    }
    src.push_str("];\n");
    src.push_str(&format!(
        "/// Per pack: fetched when a text in its language appears (role `pack`), or loaded with the module.\npub static ON_DEMAND: [bool; N_PACKS] = {:?};\n",
        entries
            .iter()
            .map(|(c, _)| on_demand.contains(c) || c == GAZETTEER_PACK)
            .collect::<Vec<_>>()
    ));
    builtin.push_str("];\n");
    src.push_str(&builtin);
    write(out, "packs.rs", src.as_bytes());
}

/// The constant a data file becomes in `locales::data::<code>`:
/// `names.tsv` -> `NAMES_TSV`.
fn const_ident(file_name: &str) -> String {
    file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}
