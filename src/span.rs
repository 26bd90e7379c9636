//! The span format of FORMAT.md, shared by the API, the command line, the
//! WebAssembly build and gold data, plus the internal candidate that
//! recognisers propose before [`crate::resolve`] picks the final spans.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// What a span highlights.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Actor,
    Place,
    Date,
}

impl Kind {
    /// The FORMAT.md name.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Actor => "actor",
            Kind::Place => "place",
            Kind::Date => "date",
        }
    }

    /// Parses a FORMAT.md name.
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "actor" => Some(Kind::Actor),
            "place" => Some(Kind::Place),
            "date" => Some(Kind::Date),
            _ => None,
        }
    }
}

/// The type of an actor (FORMAT.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorType {
    Person,
    Organisation,
    ArmedGroup,
    Government,
    Military,
    Media,
    Igo,
}

impl ActorType {
    /// The FORMAT.md name (as serialised).
    pub fn as_str(self) -> &'static str {
        match self {
            ActorType::Person => "person",
            ActorType::Organisation => "organisation",
            ActorType::ArmedGroup => "armed_group",
            ActorType::Government => "government",
            ActorType::Military => "military",
            ActorType::Media => "media",
            ActorType::Igo => "igo",
        }
    }

    /// Parses the FORMAT.md name.
    pub fn parse(s: &str) -> Option<ActorType> {
        Some(match s {
            "person" => ActorType::Person,
            "organisation" => ActorType::Organisation,
            "armed_group" => ActorType::ArmedGroup,
            "government" => ActorType::Government,
            "military" => ActorType::Military,
            "media" => ActorType::Media,
            "igo" => ActorType::Igo,
            _ => return None,
        })
    }
}

/// A place's normalised value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PlaceValue {
    /// Borrowed from the gazetteer's country codes (no allocation per
    /// place); serialised as the string it holds.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub country: Option<Cow<'static, str>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub lon: Option<f64>,
    #[serde(rename = "ref", skip_serializing_if = "Option::is_none", default)]
    pub reference: Option<String>,
}

/// An actor's normalised value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorValue {
    pub canonical: String,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none", default)]
    pub actor_type: Option<ActorType>,
}

/// A span's value: a TIMEX3 string for dates, an object for places and actors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Date(String),
    Actor(ActorValue),
    Place(PlaceValue),
}

/// A span of FORMAT.md: code point offsets, end exclusive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub value: Option<Value>,
    /// `rule`, `lexicon` or `user` for the spans [`crate::annotate`] returns
    /// (borrowed: no string per span), anything for gold data read back.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub source: Option<Cow<'static, str>>,
}

/// How a candidate was found; decides ties in [`crate::resolve`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// A pattern or grammar.
    Rule,
    /// The built-in gazetteers and lexicons.
    Lexicon,
    /// The editor's own lexicon: always wins.
    User,
}

impl Source {
    /// The FORMAT.md name.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Rule => "rule",
            Source::Lexicon => "lexicon",
            Source::User => "user",
        }
    }
}

/// A proposed span in **byte** offsets, before overlaps are resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub value: Option<Value>,
    pub source: Source,
    /// Confidence in 0–100: weak guesses (a lone capitalised word) score low,
    /// gazetteer hits and full grammar matches high. Used by [`crate::resolve`].
    pub score: u8,
}

impl Candidate {
    /// A candidate with no value.
    pub fn new(start: usize, end: usize, kind: Kind, source: Source, score: u8) -> Candidate {
        Candidate {
            start,
            end,
            kind,
            value: None,
            source,
            score,
        }
    }

    /// The same candidate with a value.
    pub fn with_value(mut self, value: Value) -> Candidate {
        self.value = Some(value);
        self
    }
}
