//! Language packs: the words and names of each language of the registry
//! (`data/lang/languages.tsv`; not the test language), kept out of the core so
//! that the WebAssembly module stays within its size budget whatever the
//! number of languages, and handed to it at run time (`loadPack` in
//! `src/wasm.rs`; the page fetches `pkg/packs/<code>.pack`).
//!
//! Two kinds of pack. A core language's (no role: French, English) comes with
//! the module: the page loads it before the first text (`www/engine.js`), and
//! the core annotates nothing until it is there, because every text reads it
//! (see the determinism rule). A language of role `pack` (Spanish, German) is
//! fetched the first time a text in that language appears ([`on_demand`]).
//!
//! One pack is no language's: `geo`, the gazetteer pack ([`crate::towns`]),
//! on demand like a pack language's, loaded through the same `loadPack`. It
//! only gives values to places already found, so a text annotated before it
//! arrives has the same spans, and no point for the towns only it knows.
//!
//! `build.rs` writes a pack per language (its format is described at
//! `write_packs` there): the text files of `data/lang/<code>/` its locale reads
//! (names, dates, actors, places, country names…) and its lexicon blobs
//! (`common.fst`, `demonyms.fst`). What detection and menus need before the
//! pack arrives stays in the core: its function words and value words
//! (`stopwords.txt`, `values.json`), its code and names.
//!
//! One code path for every build: the locale reads a pack file through
//! [`text`] (build.rs makes `data::<code>::NAMES_TSV` a function calling it),
//! the lexicon its blobs through [`get`]. The native build embeds the packs as
//! static bytes and loads one at its first use; the WebAssembly build starts
//! with none. A loaded pack lives for the program's life (its bytes leaked).
//!
//! Loading validates everything before anything is kept: magic, format,
//! language, the core version the pack was built for ([`CORE_VERSION`]), its
//! size and digest (the very pack this core's build wrote), then its
//! structure (entries, UTF-8 text, fst headers). A bad pack is a
//! [`PackError`], never a panic.
//!
//! Determinism rule: what a text reads must not depend on which packs loaded
//! on demand are there. So such a language's locale statics are only read for
//! a text in that language, and registry-wide rules read the core languages
//! only: the union of cue words (`crate::locales::ANY_FRAMING`), the datelines
//! read with another language's grammar (`crate::locales::core_locales`),
//! `und`'s lexicon (`UND_ORDER`). Annotating asks [`missing`] first, which
//! names the core languages' packs before the text's own: no locale static is
//! built from a pack that is not there yet. The function words, in the core
//! for every language, serve detection and `ANY_STOPWORDS` whatever is loaded.

use fst::{Map, Set};
use std::sync::OnceLock;

/// What the core knows of a pack before it is loaded.
pub struct PackInfo {
    /// The language code.
    pub code: &'static str,
    /// The pack's size in bytes.
    pub len: usize,
    /// Its FNV-1a digest (build.rs `fnv`).
    pub digest: u64,
}

mod generated {
    use super::PackInfo;
    include!(concat!(env!("OUT_DIR"), "/packs.rs"));
}
pub use generated::{CORE_VERSION, FORMAT, ON_DEMAND, PACKS};

/// The first bytes of a pack.
pub const MAGIC: &[u8; 8] = b"DPCHPACK";

/// The start of the message of an error for a text whose language's pack is
/// not loaded: `PACK_MISSING es: …` (the page fetches `pkg/packs/es.pack`).
pub const MISSING: &str = "PACK_MISSING";

/// A loaded pack: its files and its lexicon, over its bytes.
pub type Pack = PackOf<'static>;

/// A pack read over bytes of lifetime `'a` (checked before they are kept).
pub struct PackOf<'a> {
    pub code: &'static str,
    files: Vec<(&'a str, &'a str)>,
    /// Frequent words of the language (folded), if the pack has them.
    pub(crate) common: Option<Set<&'a [u8]>>,
    /// Folded demonym → country index.
    pub(crate) demonyms: Option<Map<&'a [u8]>>,
    /// The language's name of each country, by country index ("" for none).
    pub(crate) country_names: Vec<&'a str>,
}

impl<'a> PackOf<'a> {
    /// A text file of the pack (`names.tsv`).
    pub fn file(&self, name: &str) -> Option<&'a str> {
        self.files.iter().find(|f| f.0 == name).map(|f| f.1)
    }
}

/// Why a pack was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackError {
    /// It ends before `what` is complete.
    Truncated(&'static str),
    /// It does not start with [`MAGIC`].
    Magic,
    /// Another format version.
    Format(u16),
    /// A language that is not a pack language of this core.
    Language(String),
    /// Built for another core (the page should fetch it again, bypassing caches).
    Version { pack: u64, core: u64 },
    /// The right header over other bytes: damaged, or edited.
    Digest,
    /// A structural fault inside: what is wrong.
    Corrupt(String),
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PackError::Truncated(what) => write!(f, "pack truncated: it ends inside {what}"),
            PackError::Magic => write!(f, "not a depeche language pack (bad magic)"),
            PackError::Format(v) => {
                write!(f, "pack format {v} is not the format this core reads ({FORMAT})")
            }
            PackError::Language(code) => write!(
                f,
                "pack for language {code:?}, which is not a pack language of this core ({})",
                PACKS.iter().map(|p| p.code).collect::<Vec<_>>().join(", ")
            ),
            PackError::Version { pack, core } => write!(
                f,
                "PACK_VERSION pack built for core version {pack:016x}, this core is {core:016x}: fetch the pack again"
            ),
            PackError::Digest => write!(f, "pack damaged: its bytes are not those of the pack this core was built with"),
            PackError::Corrupt(why) => write!(f, "pack corrupt: {why}"),
        }
    }
}

impl std::error::Error for PackError {}

/// Reads a pack's bytes into a [`Pack`], checking its structure (not its
/// version nor digest: [`load`] does).
struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], PackError> {
        let end = self.at.checked_add(n).ok_or(PackError::Truncated(what))?;
        let s = self.b.get(self.at..end).ok_or(PackError::Truncated(what))?;
        self.at = end;
        Ok(s)
    }
    fn u8(&mut self, what: &'static str) -> Result<u8, PackError> {
        Ok(self.take(1, what)?[0])
    }
    fn u16(&mut self, what: &'static str) -> Result<u16, PackError> {
        let s = self.take(2, what)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }
    fn u32(&mut self, what: &'static str) -> Result<u32, PackError> {
        let s = self.take(4, what)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn u64(&mut self, what: &'static str) -> Result<u64, PackError> {
        let s = self.take(8, what)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(s);
        Ok(u64::from_le_bytes(a))
    }
}

/// The header: (format, code, core version), and the reader after it.
fn header(b: &[u8]) -> Result<(&str, u64, Reader<'_>), PackError> {
    let mut r = Reader { b, at: 0 };
    if r.take(MAGIC.len(), "the magic")? != MAGIC {
        return Err(PackError::Magic);
    }
    let format = r.u16("the format version")?;
    if format != FORMAT {
        return Err(PackError::Format(format));
    }
    let n = r.u8("the language code")? as usize;
    let code = r.take(n, "the language code")?;
    let code = std::str::from_utf8(code)
        .ok()
        .filter(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_lowercase()))
        .ok_or_else(|| PackError::Language(String::from_utf8_lossy(code).into_owned()))?;
    let version = r.u64("the core version")?;
    Ok((code, version, r))
}

/// The language code a pack says it is for, if its header reads (for
/// messages).
pub fn code_of(bytes: &[u8]) -> Option<&str> {
    header(bytes).ok().map(|h| h.0)
}

/// Parses a whole pack, checking its structure: every entry inside the
/// bytes, nothing after, text files in UTF-8, the lexicon's fsts valid.
fn parse<'a>(b: &'a [u8], code: &'static str) -> Result<PackOf<'a>, PackError> {
    let (_, _, mut r) = header(b)?;
    let n = r.u16("the number of entries")?;
    let mut files = Vec::new();
    let mut common = None;
    let mut demonyms = None;
    let mut countries: Option<&'a str> = None;
    for _ in 0..n {
        let len = r.u8("an entry name")? as usize;
        let name = std::str::from_utf8(r.take(len, "an entry name")?)
            .map_err(|_| PackError::Corrupt("an entry name is not UTF-8".into()))?;
        let len = r.u32("an entry size")? as usize;
        let data = r.take(len, "an entry")?;
        match name {
            "common.fst" => common = Some(fst_set(data, name)?),
            "demonyms.fst" => demonyms = Some(fst_map(data, name)?),
            _ => {
                let text = std::str::from_utf8(data)
                    .map_err(|_| PackError::Corrupt(format!("{name} is not UTF-8")))?;
                if name == COUNTRY_NAMES {
                    countries = Some(text);
                } else {
                    files.push((name, text));
                }
            }
        }
    }
    if r.at != b.len() {
        return Err(PackError::Corrupt(format!(
            "{} bytes after the last entry",
            b.len() - r.at
        )));
    }
    Ok(PackOf {
        code,
        files,
        common,
        demonyms,
        country_names: match countries {
            Some(t) => {
                let names: Vec<&str> = t.split('\n').collect();
                if names.len() != generated::N_COUNTRIES {
                    return Err(PackError::Corrupt(format!(
                        "{COUNTRY_NAMES}: {} names for {} countries",
                        names.len(),
                        generated::N_COUNTRIES
                    )));
                }
                names
            }
            None => Vec::new(),
        },
    })
}

// The fsts' own checksums are not verified here: the digest of the whole
// pack has been (and fst's CRC tables would cost the module 17 KB).
fn fst_set<'a>(data: &'a [u8], name: &str) -> Result<Set<&'a [u8]>, PackError> {
    Set::new(data).map_err(|e| PackError::Corrupt(format!("{name}: {e}")))
}

fn fst_map<'a>(data: &'a [u8], name: &str) -> Result<Map<&'a [u8]>, PackError> {
    Map::new(data).map_err(|e| PackError::Corrupt(format!("{name}: {e}")))
}

/// The entry of the language's country names: one a line, in the order of
/// the gazetteer's countries (build.rs reads them from `countries.tsv`).
const COUNTRY_NAMES: &str = "country_names";

/// The slot of each pack language, in the order of [`PACKS`].
static SLOTS: [OnceLock<Pack>; generated::N_PACKS] =
    [const { OnceLock::new() }; generated::N_PACKS];

fn slot(code: &str) -> Option<(usize, &'static PackInfo)> {
    PACKS.iter().enumerate().find(|(_, p)| p.code == code)
}

/// Checks a pack's bytes against this core: header, version, size, digest,
/// structure. Returns the pack's language.
pub fn check(bytes: &[u8]) -> Result<&'static str, PackError> {
    let (_, code) = identify(bytes)?;
    parse(bytes, code)?;
    Ok(code)
}

/// The slot and language of a pack of this core: header, version, size and
/// digest checked (not the structure).
fn identify(bytes: &[u8]) -> Result<(usize, &'static str), PackError> {
    let (code, version, _) = header(bytes)?;
    let (i, info) = slot(code).ok_or_else(|| PackError::Language(code.to_owned()))?;
    if version != CORE_VERSION {
        return Err(PackError::Version {
            pack: version,
            core: CORE_VERSION,
        });
    }
    if bytes.len() != info.len || digest(bytes) != info.digest {
        return Err(PackError::Digest);
    }
    Ok((i, info.code))
}

/// Loads a pack: checks it ([`check`]), then keeps it for the program's life.
/// Loading a language's pack again is a no-op (the worker is handed every
/// loaded pack with each big text). Returns its language code.
pub fn load(bytes: &[u8]) -> Result<&'static str, PackError> {
    let (i, code) = identify(bytes)?;
    if SLOTS[i].get().is_none() {
        parse(bytes, code)?;
        let kept: &'static [u8] = Box::leak(bytes.to_vec().into_boxed_slice());
        let _ = SLOTS[i].set(parse(kept, code)?);
    }
    Ok(code)
}

/// FNV-1a, 64 bits, as build.rs computes the digests.
fn digest(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// The loaded pack of a language, if any. The native build loads its
/// embedded pack at the first call.
pub fn get(code: &str) -> Option<&'static Pack> {
    get_at(slot(code)?.0)
}

/// The loaded pack of slot `i` (as [`get`], with the slot found: [`missing`]
/// asks of every slot at every call of `annotate`).
fn get_at(i: usize) -> Option<&'static Pack> {
    if let Some(p) = SLOTS[i].get() {
        return Some(p);
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        // The build wrote these very bytes, static ones: they load, with no
        // digest to check and no copy to keep (the gazetteer pack is
        // megabytes).
        if let Ok(p) = parse(generated::BUILTIN[i], PACKS[i].code) {
            let _ = SLOTS[i].set(p);
        }
    }
    SLOTS[i].get()
}

/// A text file of a language's pack; "" when the pack is not loaded (a
/// locale's data are only read once it is: see [`missing`]).
pub fn text(code: &str, name: &str) -> &'static str {
    get(code).and_then(|p| p.file(name)).unwrap_or("")
}

/// True for a language whose data come from a pack.
pub fn is_pack(code: &str) -> bool {
    slot(code).is_some()
}

/// True for a language whose pack is fetched when a text in it appears (role
/// `pack`); false for a core language, whose pack comes with the module and
/// which registry-wide rules read, and for a language without a pack.
pub fn on_demand(code: &str) -> bool {
    slot(code).is_some_and(|(i, _)| ON_DEMAND[i])
}

/// The pack a text in `code` needs and is not loaded yet: first the core
/// languages' (every text reads them: `und`, other languages' datelines, the
/// union of cue words), then its own.
pub fn missing(code: &str) -> Option<&'static str> {
    let core = PACKS
        .iter()
        .enumerate()
        .zip(ON_DEMAND)
        .find(|((i, _), on_demand)| !on_demand && get_at(*i).is_none());
    if let Some(((_, p), _)) = core {
        return Some(p.code);
    }
    let (i, info) = slot(code)?;
    get_at(i).is_none().then_some(info.code)
}

/// Every pack language's pack as this build wrote it (native builds, which
/// embed them): (code, bytes), for `depeche packs DIR`.
#[cfg(not(target_arch = "wasm32"))]
pub fn builtin() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    PACKS.iter().map(|p| p.code).zip(generated::BUILTIN)
}

/// The codes of the loaded packs.
pub fn loaded() -> Vec<&'static str> {
    PACKS
        .iter()
        .zip(&SLOTS)
        .filter(|(_, s)| s.get().is_some())
        .map(|(p, _)| p.code)
        .collect()
}

#[cfg(test)]
mod tests;
