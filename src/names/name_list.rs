//! A language's list of names of one kind (its own given names), folded,
//! behind a bit filter: asked about nearly every capitalised word where
//! every noun has a capital, it answers most of them without a hash.

use crate::lexicon::word_filter::WordFilter;
use crate::text::hash::WordSet;

/// Folded names, with the filter that tells most other words apart.
pub struct NameList {
    names: WordSet<String>,
    filter: WordFilter,
}

impl NameList {
    /// Parses a list of names, one a line (`#` comments), folding them.
    pub fn parse(data: &'static str) -> NameList {
        let names: WordSet<String> = crate::text::word_list(data)
            .map(crate::text::fold::fold_str)
            .collect();
        let filter = WordFilter::of(names.iter().map(String::as_str));
        NameList { names, filter }
    }

    /// True when the folded word is one of the names.
    #[inline]
    pub fn contains(&self, folded: &str) -> bool {
        self.filter.may_have(folded) && self.names.contains(folded)
    }
}
