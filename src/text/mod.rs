//! Tokens, folded forms and offsets: the one pass over the text that every
//! recogniser then works on.
//!
//! Recognisers work in **byte** offsets into the text as given (what `str`
//! slicing wants); only [`crate::resolve`] converts to the code point
//! offsets of FORMAT.md, once, at the end. Each token carries its folded form
//! (lower case, no accents: see [`fold`]) as a range into one shared buffer, so
//! that no recogniser allocates per token.

pub mod fold;
mod fold_table;
pub mod hash;
pub mod shape;

pub use fold::{fold_str, name_key};

/// The entries of a word list in `data/`: one per line, `#` comments and
/// blank lines skipped, surrounding spaces trimmed.
pub fn word_list(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (and digits mixed with letters): "Deir", "Al", "3e", "F-16" is three tokens.
    Word,
    /// ASCII digits only: "2017", "3".
    Number,
    /// Any other single non-space character: "'", "-", ",", "«".
    Punct,
}

/// One token of the text.
#[derive(Clone, Copy, Debug)]
pub struct Token {
    /// Byte offsets into the original text.
    pub start: usize,
    pub end: usize,
    /// Byte offsets into [`Doc::folded`].
    pub fstart: u32,
    pub fend: u32,
    pub kind: TokKind,
    /// White space between the previous token and this one.
    pub space_before: bool,
    /// A line break between the previous token and this one (or text start).
    pub line_start: bool,
    /// First character is upper case.
    pub upper: bool,
    /// Every letter is upper case (and there are at least two letters).
    pub all_caps: bool,
    /// Starts a sentence: first token of a line, or after `.`, `!`, `?`, `:`,
    /// possibly with quotes or dashes in between.
    pub sentence_start: bool,
}

/// A tokenised text.
pub struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    /// Folded forms of all tokens, concatenated.
    pub folded: String,
}

impl<'a> Doc<'a> {
    /// Tokenises `text` in one pass.
    ///
    /// The scan goes by byte offset, with a path of its own for ASCII (most
    /// of the text, in every language we read): it decodes a char only for
    /// a non-ASCII byte. The tokens are those of a char-by-char scan.
    pub fn new(text: &'a str) -> Doc<'a> {
        let bytes = text.as_bytes();
        let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 5 + 1);
        let mut folded = String::with_capacity(text.len() + 16);
        let mut space_before = false;
        let mut line_start = true;
        let mut sentence_start = true;
        let mut i = 0;
        while let Some(c) = char_at(text, i) {
            if c.is_whitespace() {
                space_before = true;
                if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
                    line_start = true;
                    sentence_start = true;
                }
                i += c.len_utf8();
                continue;
            }
            let fstart = folded.len() as u32;
            let (kind, end, upper, all_caps) = if c.is_alphanumeric() {
                // Runs of ASCII letters and digits on a fast path, other chars one
                // by one (`c`, alphanumeric, passes the test of the loop).
                let mut word = WordScan::default();
                let mut end = i;
                loop {
                    word.account_ascii_run(bytes, &mut end, &mut folded);
                    match bytes.get(end) {
                        Some(b) if !b.is_ascii() => match char_at(text, end) {
                            Some(d) if d.is_alphanumeric() || fold::is_combining_mark(d) => {
                                word.account(d, &mut folded);
                                end += d.len_utf8();
                            }
                            _ => break,
                        },
                        _ => break,
                    }
                }
                let kind = if word.digits_only {
                    TokKind::Number
                } else {
                    TokKind::Word
                };
                (
                    kind,
                    end,
                    c.is_uppercase(),
                    word.letters >= 2 && word.uppers == word.letters,
                )
            } else {
                push_folded(&mut folded, c);
                (TokKind::Punct, i + c.len_utf8(), false, false)
            };
            tokens.push(Token {
                start: i,
                end,
                fstart,
                fend: folded.len() as u32,
                kind,
                space_before,
                line_start,
                upper,
                all_caps,
                sentence_start: sentence_start && kind != TokKind::Punct,
            });
            if kind == TokKind::Punct {
                match c {
                    '.' | '!' | '?' | ':' | '…' | ';' => sentence_start = true,
                    '"' | '«' | '»' | '“' | '”' | '\'' | '‘' | '’' | '-' | '–' | '—' | '('
                    | '[' | '>' | '|' | '*' | '•' => {}
                    _ => sentence_start = false,
                }
            } else {
                sentence_start = false;
            }
            space_before = false;
            line_start = false;
            i = end;
        }
        Doc {
            text,
            tokens,
            folded,
        }
    }

    /// The token's text as written.
    #[inline]
    pub fn raw(&self, t: usize) -> &'a str {
        let tok = &self.tokens[t];
        &self.text[tok.start..tok.end]
    }

    /// The token's folded form (lower case, no accents).
    #[inline]
    pub fn norm(&self, t: usize) -> &str {
        let tok = &self.tokens[t];
        &self.folded[tok.fstart as usize..tok.fend as usize]
    }

    /// Number of tokens.
    #[inline]
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// True when the text has no token.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// True when token `t` exists and its folded form is `s`.
    #[inline]
    pub fn is(&self, t: usize, s: &str) -> bool {
        t < self.tokens.len() && self.norm(t) == s
    }

    /// True when tokens `a` and `b = a + 1` are joined by nothing but spaces
    /// on one line (no line break between them).
    #[inline]
    pub fn same_line(&self, b: usize) -> bool {
        b < self.tokens.len() && !self.tokens[b].line_start
    }

    /// True when token `t` is an apostrophe (straight or typographic).
    #[inline]
    pub fn is_apostrophe(&self, t: usize) -> bool {
        t < self.tokens.len() && self.tokens[t].kind == TokKind::Punct && self.norm(t) == "'"
    }

    /// True when token `t` is a hyphen or dash.
    #[inline]
    pub fn is_hyphen(&self, t: usize) -> bool {
        t < self.tokens.len() && self.tokens[t].kind == TokKind::Punct && self.norm(t) == "-"
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }
}

/// The char at byte `i` of `text` (`None` at the end), read without
/// decoding when it is ASCII.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match *text.as_bytes().get(i)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text.get(i..)?.chars().next(),
    }
}

/// What a word token is made of, counted as its chars are folded.
struct WordScan {
    letters: u32,
    uppers: u32,
    digits_only: bool,
}

impl Default for WordScan {
    fn default() -> Self {
        WordScan {
            letters: 0,
            uppers: 0,
            digits_only: true,
        }
    }
}

impl WordScan {
    /// Counts and folds any char of a word.
    #[inline]
    fn account(&mut self, ch: char, folded: &mut String) {
        if ch.is_alphabetic() {
            self.letters += 1;
            if ch.is_uppercase() {
                self.uppers += 1;
            }
        }
        if !ch.is_ascii_digit() {
            self.digits_only = false;
        }
        push_folded(folded, ch);
    }

    /// The same for the run of ASCII letters and digits at `*end`, which
    /// it moves past the run: one pass, a table look-up per byte.
    #[inline]
    fn account_ascii_run(&mut self, bytes: &[u8], end: &mut usize, folded: &mut String) {
        let mut letters = 0;
        let mut uppers = 0;
        let mut e = *end;
        while let Some(&b) = bytes.get(e) {
            let class = ASCII_CLASS[usize::from(b)];
            if class & ALNUM == 0 {
                break;
            }
            letters += u32::from(class & ALPHA != 0);
            uppers += u32::from(class & UPPER != 0);
            // An upper-case ASCII letter lowers by its 0x20 bit.
            folded.push(char::from(b | (class & UPPER) << 3));
            e += 1;
        }
        *end = e;
        self.letters += letters;
        self.uppers += uppers;
        if letters > 0 {
            self.digits_only = false;
        }
    }
}

/// Classes of bytes for the ASCII path of [`Doc::new`]: a letter or digit,
/// a letter, an upper-case letter (0 for any non-ASCII byte).
const ALNUM: u8 = 1;
const ALPHA: u8 = 2;
const UPPER: u8 = 4;
static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_digit() {
            t[b] = ALNUM;
        } else if c.is_ascii_uppercase() {
            t[b] = ALNUM | ALPHA | UPPER;
        } else if c.is_ascii_lowercase() {
            t[b] = ALNUM | ALPHA;
        }
        b += 1;
    }
    t
};

#[inline]
fn push_folded(out: &mut String, c: char) {
    // ASCII (most chars, the first of most words) folds to its lower case:
    // no call to the folding table.
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if let Some((a, b)) = fold::fold_char(c) {
        out.push(a);
        if b != '\0' {
            out.push(b);
        }
    }
}

/// Converts sorted byte offsets to code point offsets in one pass.
/// `offsets` must be sorted ascending and fall on char boundaries.
pub fn byte_to_char_offsets(text: &str, offsets: &mut [usize]) {
    let mut chars = 0usize;
    let mut byte = 0usize;
    let mut iter = text.char_indices();
    for off in offsets.iter_mut() {
        while byte < *off {
            match iter.next() {
                Some((_, c)) => {
                    byte += c.len_utf8();
                    chars += 1;
                }
                None => break,
            }
        }
        *off = chars;
    }
}

#[cfg(test)]
mod tests;
