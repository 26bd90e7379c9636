// Character folding shared by the tokenizer and by `build.rs`.
//
// Why this file exists on its own: the gazetteer keys compiled at build time and
// the keys computed from a dispatch at run time must be byte-for-byte the same,
// so `build.rs` `include!`s this file. It therefore uses nothing but `core`/`std`
// and defines only free functions.
//
// The table itself is data (`data/curated/fold.tsv`, also read by
// `scripts/gen_lexicons.py`): `super::fold_table` is the `match` that
// `build.rs` compiles from it for the crate, and a lookup in the parsed file
// inside `build.rs`.

use super::fold_table::mapped;

/// Folds one character for matching: lower case, no diacritics, typographic
/// variants mapped to their ASCII form. Returns up to 2 chars (`œ` → `oe`);
/// `'\0'` in the second slot means "none". Returns `None` for characters that
/// vanish in folded text (combining marks, apostrophes inside names).
#[inline]
pub fn fold_char(c: char) -> Option<(char, char)> {
    if c.is_ascii() {
        return Some((c.to_ascii_lowercase(), '\0'));
    }
    if let Some(folded) = mapped(c) {
        return Some(folded);
    }
    if is_combining_mark(c) {
        return None;
    }
    let mut lower = c.to_lowercase();
    let first = lower.next().unwrap_or(c);
    let second = lower.next().unwrap_or('\0');
    Some((first, second))
}

/// Combining diacritical marks (U+0300–U+036F and the supplement blocks).
pub fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Folds a whole string with [`fold_char`].
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if let Some((a, b)) = fold_char(c) {
            out.push(a);
            if b != '\0' {
                out.push(b);
            }
        }
    }
    out
}

/// Arabic articles that transliterations write attached or detached
/// ("Deir ez-Zor" = "Deir Ezzor"): inside a name they are joined to the next
/// word. From `data/curated/joined_articles.txt`.
pub use super::fold_table::JOINED_ARTICLES;

/// The gazetteer key of a name: folded words separated by one space, apostrophes
/// and dots dropped, an Arabic article that is not the first word joined to the
/// next word, doubled letters collapsed. "Deir ez-Zor", "Deir Ezzor" and
/// "DEIR EZ ZOR" share the key "deir ezor"; "Al-Qaïm", "al-Qa'im" and "Al Qaim"
/// share "al qaim". Returns an empty string for a name with no letter or digit.
pub fn name_key(name: &str) -> String {
    // One pass, no allocation but the key: the folded chars are split into
    // words and each word is written as [`key_from_words`] writes it.
    let mut key = KeyBuilder {
        out: String::with_capacity(name.len()),
        words: 0,
        join_next: false,
        prev: ' ',
        word: [0; WORD_BUF],
        word_len: 0,
        in_word: false,
    };
    for c in name.chars() {
        if let Some((a, b)) = fold_char(c) {
            key.push(a);
            if b != '\0' {
                key.push(b);
            }
        }
    }
    key.end_word();
    key.out
}

/// Longest word [`KeyBuilder`] keeps to compare with the joined articles (a
/// longer word is no article: `tests.rs` checks every article fits).
pub const WORD_BUF: usize = 16;

/// The state of [`name_key`] while it reads folded chars.
struct KeyBuilder {
    out: String,
    /// Words written so far.
    words: usize,
    /// The last word written was a joined article.
    join_next: bool,
    /// The last char written in the current word run (`' '` at a word break).
    prev: char,
    /// The current word's folded bytes, while it fits.
    word: [u8; WORD_BUF],
    /// Its length; `WORD_BUF + 1` once it does not fit.
    word_len: usize,
    in_word: bool,
}

impl KeyBuilder {
    #[inline]
    fn push(&mut self, c: char) {
        if c.is_alphanumeric() {
            if !self.in_word {
                self.in_word = true;
                self.word_len = 0;
                if self.words > 0 && !self.join_next {
                    self.out.push(' ');
                }
                self.prev = if self.out.ends_with(' ') {
                    ' '
                } else {
                    self.out.chars().last().unwrap_or(' ')
                };
            }
            let len = c.len_utf8();
            if self.word_len + len <= WORD_BUF {
                c.encode_utf8(&mut self.word[self.word_len..]);
                self.word_len += len;
            } else {
                self.word_len = WORD_BUF + 1;
            }
            if c == self.prev && c.is_alphabetic() {
                return;
            }
            self.out.push(c);
            self.prev = c;
        } else if c == '\'' || c == '.' {
            // dropped inside a word
        } else {
            self.end_word();
        }
    }

    fn end_word(&mut self) {
        if !self.in_word {
            return;
        }
        self.in_word = false;
        // The buffer holds whole chars: its bytes equal an article's
        // exactly when the word is that article.
        let article = self
            .word
            .get(..self.word_len)
            .is_some_and(|w| JOINED_ARTICLES.iter().any(|a| a.as_bytes() == w));
        self.join_next = self.words > 0 && article;
        self.words += 1;
    }
}

/// Builds a key from already folded words (see [`name_key`]).
pub fn key_from_words<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    let mut join_next = false;
    for (i, w) in words.enumerate() {
        if i > 0 && !join_next {
            out.push(' ');
        }
        join_next = i > 0 && JOINED_ARTICLES.contains(&w);
        let mut prev = if out.ends_with(' ') {
            ' '
        } else {
            out.chars().last().unwrap_or(' ')
        };
        for c in w.chars() {
            if c == prev && c.is_alphabetic() {
                continue;
            }
            out.push(c);
            prev = c;
        }
    }
    out
}
