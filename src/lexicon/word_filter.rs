//! A pre-filter of a fixed word table: a bit per word, from its length and
//! its first, second and last bytes. A clear bit means the table has not the
//! word; a set bit, that it may (then the table is asked).
//!
//! Why: German capitalises every noun, and the name ladder asks several
//! small tables (companies' first words, the language's country names)
//! about each; nearly every answer is no, and a hash look-up costs several
//! times the test of a bit.

use std::cell::RefCell;

/// Bits of a filter.
const BITS: usize = 1 << 14;

/// The filter of one table.
pub struct WordFilter {
    bits: Vec<u64>,
}

impl WordFilter {
    /// The filter of `words`.
    pub fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> WordFilter {
        let mut bits = vec![0u64; BITS / 64];
        for w in words {
            let bit = bit_of(w);
            bits[bit / 64] |= 1 << (bit % 64);
        }
        WordFilter { bits }
    }

    /// False when the table cannot have `word`.
    #[inline]
    pub fn may_have(&self, word: &str) -> bool {
        let bit = bit_of(word);
        self.bits
            .get(bit / 64)
            .is_some_and(|x| x & (1 << (bit % 64)) != 0)
    }
}

/// The bit of a word in this module's filters.
#[inline]
fn bit_of(w: &str) -> usize {
    bit_among(w, BITS)
}

/// The bit of a folded word among `bits` (a power of two), from its length
/// and its first, second and last bytes: what a bit filter of words keys on
/// (these tables, and [`crate::framing::Framing`]'s pre-filter).
#[inline]
pub(crate) fn bit_among(w: &str, bits: usize) -> usize {
    let b = w.as_bytes();
    let first = u64::from(b.first().copied().unwrap_or(0));
    let second = u64::from(b.get(1).copied().unwrap_or(0));
    let last = u64::from(b.last().copied().unwrap_or(0));
    let h = (first | second << 8 | last << 16 | (b.len() as u64) << 24)
        .wrapping_mul(0x9e37_79b9_7f4a_7c15);
    // The top bits of the product, as many as the filter has bits.
    (h >> (64 - bits.trailing_zeros())) as usize
}

thread_local! {
    /// The filters of tables that do not hold their own, by the table's
    /// address: built once per thread from the table (static data).
    static FILTERS: RefCell<Vec<(usize, WordFilter)>> = const { RefCell::new(Vec::new()) };
}

/// `ask` of the filter of the static table at `table` (any address that
/// names it for good), built from `words` the first time.
pub fn with_filter_of<'w, I: IntoIterator<Item = &'w str>, R>(
    table: usize,
    words: impl FnOnce() -> I,
    ask: impl FnOnce(&WordFilter) -> R,
) -> R {
    FILTERS.with(|filters| {
        let mut filters = filters.borrow_mut();
        let i = match filters.iter().position(|(t, _)| *t == table) {
            Some(i) => i,
            None => {
                filters.push((table, WordFilter::of(words())));
                filters.len() - 1
            }
        };
        ask(&filters[i].1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_lets_its_words_through() {
        let words = ["allianz", "commerzbank", "italien", "x", ""];
        let f = WordFilter::of(words);
        assert!(words.iter().all(|w| f.may_have(w)));
        let others = ["regierung", "präsident", "haus", "bundestag", "stadt"];
        assert!(others.iter().filter(|w| f.may_have(w)).count() <= 1);
        static TABLE: [&str; 2] = ["eins", "zwei"];
        let addr = std::ptr::addr_of!(TABLE) as usize;
        assert!(with_filter_of(addr, || TABLE, |f| f.may_have("zwei")));
        assert!(!with_filter_of(addr, || TABLE, |f| f.may_have("dreizehn")));
    }
}
