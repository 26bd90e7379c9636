//! The lexicon an editor builds (FORMAT.md): names to highlight as a kind,
//! with an optional value, and built-in highlights to suppress.
//!
//! Names are compared by [`name_key`], so an added "Deir ez-Zor" also finds
//! "DEIR EZZOR" and "Deir Ezzor", and matches fall on whole tokens: an added
//! "OSDH" finds the "OSDH" of "l'OSDH" but nothing inside "OSDHX". One
//! exception to case tolerance: a name the editor wrote in capitals (an
//! acronym, "US", "EI") does not match text written all in lower case ("us").
//!
//! Trade-off: lexicons hold a few thousand names, texts can be megabytes. At
//! each token the scan extends a hash of the window's *skeleton* (its letters
//! and digits, folded, doubled letters collapsed: what [`name_key`] keeps,
//! minus spaces) character by character and stops as soon as no added name
//! starts that way; only a window whose whole skeleton matches a name pays for
//! an exact [`name_key`] comparison. No allocation per token, and variants
//! with more tokens than the name as written ("U.S." for "US") still match.

use std::collections::HashMap;
use std::hash::Hasher;

use serde_json::{Map, Value as Json};

use crate::span::{ActorType, ActorValue, Candidate, Kind, PlaceValue, Source, Value};
use crate::text::hash::{WordHasher, WordSet};
use crate::text::{name_key, Doc, TokKind};
use crate::Error;

/// A name the editor added.
#[derive(Clone, Debug, PartialEq)]
pub struct UserEntry {
    pub text: String,
    pub kind: Kind,
    pub value: Option<Value>,
}

/// A highlight the editor rejected; `kind: None` rejects every kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejection {
    pub text: String,
    pub kind: Option<Kind>,
}

/// A compiled editor's lexicon.
#[derive(Clone, Debug, Default)]
pub struct UserLexicon {
    added: Vec<UserEntry>,
    /// Per added entry: written in capitals, so lower-case text does not match.
    caps_only: Vec<bool>,
    /// Name key → indices into `added`.
    by_key: HashMap<String, Vec<usize>>,
    /// Skeleton hashes of every prefix of every added name's skeleton.
    prefixes: WordSet<u64>,
    /// Skeleton hashes of whole added names.
    full: WordSet<u64>,
    /// Longest skeleton, in characters: bounds the windows.
    max_skeleton: usize,
    rejected: Vec<Rejection>,
    /// Name key → kinds rejected (`None`: all).
    rejected_keys: HashMap<String, Vec<Option<Kind>>>,
}

/// The score of the editor's candidates: the editor is always right.
const USER_SCORE: u8 = 100;

impl UserLexicon {
    /// Parses and compiles FORMAT.md's lexicon JSON:
    /// `{"version": 1, "add": [{"text", "kind", "value"?}], "reject": [{"text", "kind"?}]}`.
    /// Errors say what is wrong and where (entry number, or line and column of
    /// broken JSON). Unknown keys are ignored, for lexicons from later versions.
    pub fn from_json(json: &str) -> Result<UserLexicon, Error> {
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        crate::json_limits::check_depth(json, crate::json_limits::MAX_DEPTH)
            .map_err(|e| invalid(&e))?;
        let root: Json = serde_json::from_str(json)
            .map_err(|e| Error(format!("invalid lexicon: not valid JSON: {e}")))?;
        UserLexicon::from_value(&root)
    }

    /// Compiles a lexicon already parsed as JSON; same checks and messages
    /// as [`from_json`] once parsed (nesting is bounded by whoever built the
    /// value: [`from_json`] checks it before parsing).
    ///
    /// [`from_json`]: UserLexicon::from_json
    pub fn from_value(root: &Json) -> Result<UserLexicon, Error> {
        let Json::Object(root) = root else {
            return Err(invalid("expected a JSON object {\"version\": 1, ...}"));
        };
        match root.get("version") {
            Some(Json::Number(n)) if n.as_u64() == Some(1) || n.as_f64() == Some(1.0) => {}
            Some(v) => {
                return Err(invalid(&format!(
                    "unsupported \"version\" {v} (this depeche reads version 1)"
                )))
            }
            None => return Err(invalid("no \"version\" (expected \"version\": 1)")),
        }
        let mut lex = UserLexicon::default();
        for (i, e) in array(root, "add")?.iter().enumerate() {
            lex.add(parse_added(i + 1, e)?);
        }
        for (i, e) in array(root, "reject")?.iter().enumerate() {
            let (text, kind) = text_and_kind("reject", i + 1, e)?;
            let kind = match kind {
                Some(name) => Some(parse_kind("reject", i + 1, &text, name)?),
                None => None,
            };
            lex.rejected_keys
                .entry(name_key(&text))
                .or_default()
                .push(kind);
            lex.rejected.push(Rejection { text, kind });
        }
        Ok(lex)
    }

    /// Adds a name (a later entry with the same name key and kind replaces an
    /// earlier one). The text must have a letter or digit.
    fn add(&mut self, entry: UserEntry) {
        let letters = entry.text.chars().filter(|c| c.is_alphabetic());
        let caps = letters.clone().count() >= 2 && letters.clone().all(char::is_uppercase);
        let key = name_key(&entry.text);
        let ids = self.by_key.entry(key).or_default();
        if let Some(&same) = ids
            .iter()
            .find(|&&i| self.added.get(i).is_some_and(|e| e.kind == entry.kind))
        {
            if let (Some(slot), Some(c)) = (self.added.get_mut(same), self.caps_only.get_mut(same))
            {
                *slot = entry;
                *c = caps;
            }
            return;
        }
        ids.push(self.added.len());
        let mut sk = Skeleton::new();
        for c in crate::text::fold_str(&entry.text).chars() {
            if sk.push(c) {
                self.prefixes.insert(sk.hash);
            }
        }
        self.full.insert(sk.hash);
        self.max_skeleton = self.max_skeleton.max(sk.len);
        self.caps_only.push(caps);
        self.added.push(entry);
    }

    /// The names added, in the lexicon's order.
    pub fn added(&self) -> &[UserEntry] {
        &self.added
    }

    /// The rejections, in the lexicon's order.
    pub fn rejected(&self) -> &[Rejection] {
        &self.rejected
    }

    /// True when the lexicon neither adds nor rejects anything.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.rejected.is_empty()
    }

    /// Proposes every occurrence of an added name in the text (source `user`,
    /// score 100, the entry's value), on whole tokens. Overlapping names are
    /// all proposed; [`crate::resolve`] keeps the longest.
    pub fn find(&self, doc: &Doc, out: &mut Vec<Candidate>) {
        if self.added.is_empty() {
            return;
        }
        let toks = &doc.tokens;
        // Punctuation inside a name ("U.S.", "ez-Zor") adds tokens, not characters.
        let max_window = 2 * self.max_skeleton + 2;
        for (i, first) in toks.iter().enumerate() {
            if first.kind == TokKind::Punct {
                continue;
            }
            let mut sk = Skeleton::new();
            'window: for (j, tok) in toks.iter().enumerate().skip(i).take(max_window) {
                for c in doc.norm(j).chars() {
                    if sk.push(c) && !self.prefixes.contains(&sk.hash) {
                        break 'window;
                    }
                }
                if tok.kind != TokKind::Punct && self.full.contains(&sk.hash) {
                    self.exact(doc, first.start, abbreviation_end(doc, i, j), out);
                }
            }
        }
    }

    /// Pushes the entries whose name key is exactly the key of `text[start..end]`.
    fn exact(&self, doc: &Doc, start: usize, end: usize, out: &mut Vec<Candidate>) {
        let Some(s) = doc.text.get(start..end) else {
            return;
        };
        let Some(ids) = self.by_key.get(&name_key(s)) else {
            return;
        };
        let has_capital = s.chars().any(char::is_uppercase);
        for &i in ids {
            let (Some(e), Some(&caps)) = (self.added.get(i), self.caps_only.get(i)) else {
                continue;
            };
            if caps && !has_capital {
                continue;
            }
            let c = Candidate::new(start, end, e.kind, Source::User, USER_SCORE);
            out.push(match &e.value {
                Some(v) => c.with_value(v.clone()),
                None => c,
            });
        }
    }

    /// Drops the built-in candidates whose text has the name key of a rejected
    /// entry (and its kind, when the entry gives one). The editor's own
    /// candidates are kept.
    pub fn reject(&self, text: &str, cands: &mut Vec<Candidate>) {
        if self.rejected_keys.is_empty() {
            return;
        }
        cands.retain(|c| {
            if c.source == Source::User {
                return true;
            }
            let Some(s) = text.get(c.start..c.end) else {
                return true;
            };
            match self.rejected_keys.get(&name_key(s)) {
                Some(kinds) => !kinds.iter().any(|k| k.is_none() || *k == Some(c.kind)),
                None => true,
            }
        });
    }
}

/// The end of a name ending at token `j`: past a final dot glued to it when
/// the name is an abbreviation written with dots ("U.S."), else token `j`'s end.
fn abbreviation_end(doc: &Doc, i: usize, j: usize) -> usize {
    let end = doc.tokens.get(j).map_or(0, |t| t.end);
    let dotted = (i..j)
        .any(|t| doc.tokens.get(t).is_some_and(|k| k.kind == TokKind::Punct) && doc.norm(t) == ".");
    match doc.tokens.get(j + 1) {
        Some(next) if dotted && !next.space_before && doc.norm(j + 1) == "." => next.end,
        _ => end,
    }
}

/// A running hash of a skeleton (the word hasher, fed one character at a
/// time): letters and digits of folded text, doubled letters collapsed (what
/// [`name_key`] keeps, minus word breaks).
struct Skeleton {
    hasher: WordHasher,
    hash: u64,
    last: char,
    len: usize,
}

impl Skeleton {
    fn new() -> Skeleton {
        Skeleton {
            hasher: WordHasher::default(),
            hash: 0,
            last: ' ',
            len: 0,
        }
    }

    /// Feeds one folded character; true when it extended the skeleton.
    #[inline]
    fn push(&mut self, c: char) -> bool {
        if !c.is_alphanumeric() || (c == self.last && c.is_alphabetic()) {
            return false;
        }
        self.hasher.write(&(c as u32).to_le_bytes());
        self.hash = self.hasher.finish();
        self.last = c;
        self.len += 1;
        true
    }
}

fn invalid(msg: &str) -> Error {
    Error(format!("invalid lexicon: {msg}"))
}

fn array<'a>(root: &'a Map<String, Json>, key: &str) -> Result<&'a [Json], Error> {
    match root.get(key) {
        None | Some(Json::Null) => Ok(&[]),
        Some(Json::Array(a)) => Ok(a),
        Some(_) => Err(invalid(&format!("\"{key}\" must be an array of entries"))),
    }
}

/// An entry's `text` (with a letter or digit) and its `kind` name, if any.
fn text_and_kind<'a>(
    list: &str,
    n: usize,
    e: &'a Json,
) -> Result<(String, Option<&'a str>), Error> {
    let at = |msg: &str| invalid(&format!("\"{list}\" entry {n}: {msg}"));
    let Json::Object(m) = e else {
        return Err(at("expected an object {\"text\": ..., \"kind\": ...}"));
    };
    let text = match m.get("text") {
        Some(Json::String(s)) => s.clone(),
        Some(_) => return Err(at("\"text\" must be a string")),
        None => return Err(at("no \"text\"")),
    };
    if name_key(&text).is_empty() {
        return Err(at(&format!("\"text\" {text:?} has no letter or digit")));
    }
    let kind = match m.get("kind") {
        None | Some(Json::Null) => None,
        Some(Json::String(k)) => Some(k.as_str()),
        Some(_) => return Err(at(&format!("({text:?}): \"kind\" must be a string"))),
    };
    Ok((text, kind))
}

fn parse_kind(list: &str, n: usize, text: &str, name: &str) -> Result<Kind, Error> {
    Kind::parse(name).ok_or_else(|| {
        invalid(&format!(
            "\"{list}\" entry {n} ({text:?}): unknown kind \"{name}\" (expected actor, place or date)"
        ))
    })
}

fn parse_added(n: usize, e: &Json) -> Result<UserEntry, Error> {
    let (text, kind) = text_and_kind("add", n, e)?;
    let kind = match kind {
        Some(k) => parse_kind("add", n, &text, k)?,
        None => {
            return Err(invalid(&format!(
                "\"add\" entry {n} ({text:?}): no \"kind\" (expected actor, place or date)"
            )))
        }
    };
    let value = match e.get("value") {
        None | Some(Json::Null) => None,
        Some(v) => Some(
            parse_value(kind, &text, v)
                .map_err(|msg| invalid(&format!("\"add\" entry {n} ({text:?}): {msg}")))?,
        ),
    };
    // A date string that is not a valid TIMEX3 value ("2019-02-31", a typo)
    // leaves the name highlighted without a value: every date value depeche
    // gives is valid, and a lexicon saved by an older page still loads.
    let value = value.filter(|v| !matches!(v, Value::Date(s) if !crate::dates::timex::is_valid(s)));
    Ok(UserEntry { text, kind, value })
}

/// FORMAT.md's value shapes: a TIMEX3 string for a date, `{"canonical",
/// "type"?}` for an actor (canonical defaults to the name), `{"country"?,
/// "lat"?, "lon"?, "ref"?}` for a place.
fn parse_value(kind: Kind, text: &str, v: &Json) -> Result<Value, String> {
    match kind {
        Kind::Date => match v {
            Json::String(s) if !s.trim().is_empty() => Ok(Value::Date(s.trim().to_string())),
            _ => Err("a date's \"value\" must be a TIMEX3 string such as \"2017-11-03\"".into()),
        },
        Kind::Actor => {
            let m = v
                .as_object()
                .ok_or("an actor's \"value\" must be an object {\"canonical\", \"type\"}")?;
            let canonical = match m.get("canonical") {
                None | Some(Json::Null) => text.to_string(),
                Some(Json::String(s)) => s.clone(),
                Some(_) => return Err("\"canonical\" must be a string".into()),
            };
            let actor_type = match m.get("type") {
                None | Some(Json::Null) => None,
                Some(Json::String(t)) => Some(ActorType::parse(t).ok_or_else(|| {
                    format!(
                        "unknown actor \"type\" \"{t}\" (expected person, organisation, \
                         armed_group, government, military, media or igo)"
                    )
                })?),
                Some(_) => return Err("\"type\" must be a string".into()),
            };
            Ok(Value::Actor(ActorValue {
                canonical,
                actor_type,
            }))
        }
        Kind::Place => {
            let m = v.as_object().ok_or(
                "a place's \"value\" must be an object {\"country\", \"lat\", \"lon\", \"ref\"}",
            )?;
            let string = |k: &str| match m.get(k) {
                None | Some(Json::Null) => Ok(None),
                Some(Json::String(s)) => Ok(Some(s.clone())),
                Some(_) => Err(format!("\"{k}\" must be a string")),
            };
            let number = |k: &str| match m.get(k) {
                None | Some(Json::Null) => Ok(None),
                Some(Json::Number(x)) => Ok(x.as_f64()),
                Some(_) => Err(format!("\"{k}\" must be a number")),
            };
            Ok(Value::Place(PlaceValue {
                country: string("country")?.map(|c| c.to_ascii_uppercase().into()),
                lat: number("lat")?,
                lon: number("lon")?,
                reference: string("ref")?,
            }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The skeleton of a key, computed from the key itself.
    fn key_skeleton(key: &str) -> u64 {
        let mut sk = Skeleton::new();
        for c in key.chars() {
            sk.push(c);
        }
        sk.hash
    }

    /// The skeleton the scan computes for tokens `i..=j`.
    fn window_skeleton(doc: &Doc, i: usize, j: usize) -> u64 {
        let mut sk = Skeleton::new();
        for t in i..=j {
            for c in doc.norm(t).chars() {
                sk.push(c);
            }
        }
        sk.hash
    }

    proptest! {
        /// The scan's pruning is sound: equal name keys imply equal window skeletons.
        #[test]
        fn window_skeleton_is_the_skeleton_of_the_name_key(
            parts in proptest::collection::vec(prop_oneof![
                Just("Deir"), Just("ez"), Just("-"), Just("Zor"), Just("Ezzor"), Just("l'"),
                Just("OSDH"), Just("U.S."), Just(" "), Just("Mohammed"), Just("é"), Just("É"),
                Just("’"), Just("al"), Just("Qaïda"), Just("3"), Just(","), Just("\n"),
                Just("e\u{301}"), Just("Straße"), Just("œuvre"), Just("ss"), Just("."),
            ], 0..10)
        ) {
            let text: String = parts.concat();
            let doc = Doc::new(&text);
            for i in 0..doc.len() {
                for j in i..doc.len() {
                    let s = &text[doc.tokens[i].start..doc.tokens[j].end];
                    prop_assert_eq!(window_skeleton(&doc, i, j), key_skeleton(&name_key(s)), "{:?}", s);
                }
            }
        }
    }

    #[test]
    fn a_name_spelled_with_more_tokens_is_found() {
        let lex = UserLexicon::from_json(
            r#"{"version": 1, "add": [{"text": "US", "kind": "place"}, {"text": "Mohamed Salah", "kind": "actor"}]}"#,
        )
        .expect("lexicon");
        let text = "Les U.S. et Mohammed Salah, mais pas nous ni us.";
        let doc = Doc::new(text);
        let mut out = Vec::new();
        lex.find(&doc, &mut out);
        let found: Vec<&str> = out.iter().map(|c| &text[c.start..c.end]).collect();
        assert_eq!(found, ["U.S.", "Mohammed Salah"]);
    }
}
