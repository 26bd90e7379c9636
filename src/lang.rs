//! Which language a text is in, by its code (`fr`, `en`, … or `und`).
//!
//! A [`Lang`] is only a name: what a language knows (its date grammar, the
//! words that frame names, its function words) is its locale, in
//! `src/locales/<code>/` and `data/lang/<code>/`, found through the registry
//! ([`crate::locales`]), which also parses codes and detects the language of
//! a text. This module depends on nothing, so that every recogniser can name
//! the language it was given without reaching the registry.

use serde::{Serialize, Serializer};

/// A language of the registry, or [`Lang::UND`] for any other.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lang(&'static str);

impl Lang {
    /// Any language depeche has no locale for (`und`, as in BCP 47).
    pub const UND: Lang = Lang("und");

    /// The language of a registry entry. Only the registry makes one from a
    /// code: elsewhere, [`Lang::parse`] checks the code against it.
    pub(crate) const fn of_locale(code: &'static str) -> Lang {
        Lang(code)
    }

    /// The code: `fr`, `en`, … or `und`.
    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// True for [`Lang::UND`].
    pub fn is_und(self) -> bool {
        self == Lang::UND
    }
}

impl std::fmt::Debug for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for Lang {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}
