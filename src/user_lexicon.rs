//! The lexicon an editor builds (FORMAT.md): names to add, highlights to reject.
//! (Stub.)
use crate::span::Candidate;
use crate::text::Doc;

/// A compiled editor's lexicon.
#[derive(Clone, Debug, Default)]
pub struct UserLexicon {}

impl UserLexicon {
    /// Parses FORMAT.md's lexicon JSON.
    pub fn from_json(_json: &str) -> Result<UserLexicon, crate::Error> {
        Ok(UserLexicon {})
    }

    /// Proposes the editor's names found in the text (source `user`).
    pub fn find(&self, _doc: &Doc, _out: &mut Vec<Candidate>) {}

    /// Drops candidates the editor rejected.
    pub fn reject(&self, _text: &str, _cands: &mut Vec<Candidate>) {}
}
