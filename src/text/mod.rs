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
    /// of the text, in every language we read): one table look-up tells a
    /// space, a letter or digit, or punctuation, and a run of ASCII letters
    /// and digits is counted, then copied and lowered at once. A char is
    /// decoded only at a non-ASCII byte. The tokens are those of a
    /// char-by-char scan (`tests.rs` holds one to compare with).
    pub fn new(text: &'a str) -> Doc<'a> {
        let bytes = text.as_bytes();
        let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 3 + 16);
        // Folded bytes, whole chars' UTF-8 only (so valid at the end),
        // written at `f`: an ASCII char folds to one byte, so this length
        // is enough but for rare non-ASCII folds that grow ([`put`]).
        let mut folded: Vec<u8> = vec![0; text.len() + 16];
        let mut f = 0usize;
        let mut space_before = false;
        let mut line_start = true;
        let mut sentence_start = true;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let class = ASCII_CLASS[usize::from(b)];
            let fstart = f as u32;
            // (kind, end, upper, all_caps, what the token does to a sentence start)
            let (kind, end, upper, all_caps, stop) = if class & SPACE != 0 {
                space_before = true;
                if class & BREAK != 0 {
                    line_start = true;
                    sentence_start = true;
                }
                i += 1;
                continue;
            } else if class & ALNUM != 0 {
                let (end, word) = scan_word(text, i, &mut folded, &mut f);
                (
                    word.kind(),
                    end,
                    class & UPPER != 0,
                    word.all_caps(),
                    Stop::Clear,
                )
            } else if b.is_ascii() {
                put(&mut folded, &mut f, b);
                let stop = if class & STOP != 0 {
                    Stop::Set
                } else if class & KEEP != 0 {
                    Stop::Keep
                } else {
                    Stop::Clear
                };
                (TokKind::Punct, i + 1, false, false, stop)
            } else {
                let Some(c) = char_at(text, i) else { break };
                let (alpha, up) = alpha_upper(c);
                if !alpha && c.is_whitespace() {
                    space_before = true;
                    if c == '\u{2028}' || c == '\u{2029}' {
                        line_start = true;
                        sentence_start = true;
                    }
                    i += c.len_utf8();
                    continue;
                }
                if alpha || c.is_numeric() {
                    let (end, word) = scan_word(text, i, &mut folded, &mut f);
                    (word.kind(), end, up, word.all_caps(), Stop::Clear)
                } else {
                    push_folded(&mut folded, &mut f, c);
                    let stop = match c {
                        '…' => Stop::Set,
                        '«' | '»' | '“' | '”' | '‘' | '’' | '–' | '—' | '•' => {
                            Stop::Keep
                        }
                        _ => Stop::Clear,
                    };
                    (TokKind::Punct, i + c.len_utf8(), false, false, stop)
                }
            };
            tokens.push(Token {
                start: i,
                end,
                fstart,
                fend: f as u32,
                kind,
                space_before,
                line_start,
                upper,
                all_caps,
                sentence_start: sentence_start && kind != TokKind::Punct,
            });
            match stop {
                Stop::Set => sentence_start = true,
                Stop::Keep => {}
                Stop::Clear => sentence_start = false,
            }
            space_before = false;
            line_start = false;
            i = end;
        }
        folded.truncate(f);
        let folded = String::from_utf8(folded)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
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

/// What a token does to the sentence start of the next one.
#[derive(Clone, Copy)]
enum Stop {
    /// `.`, `!`, `?`, `:`, `;`, `…`: the next word starts a sentence.
    Set,
    /// Quotes, dashes, brackets, bullets: as before them.
    Keep,
    /// Anything else.
    Clear,
}

/// What a word token is made of, counted as its chars are folded.
struct WordScan {
    letters: u32,
    uppers: u32,
    digits_only: bool,
}

impl WordScan {
    fn kind(&self) -> TokKind {
        if self.digits_only {
            TokKind::Number
        } else {
            TokKind::Word
        }
    }

    fn all_caps(&self) -> bool {
        self.letters >= 2 && self.uppers == self.letters
    }
}

/// Scans the word starting at byte `start` (an alphanumeric char), folds
/// it into `folded` at `*f`: its end and what it is made of. ASCII letters
/// and digits are classed, counted and lowered with one table look-up;
/// other chars (alphanumeric, or combining marks) go by the folding table.
#[inline(always)]
fn scan_word(text: &str, start: usize, folded: &mut Vec<u8>, f: &mut usize) -> (usize, WordScan) {
    let bytes = text.as_bytes();
    let mut word = WordScan {
        letters: 0,
        uppers: 0,
        digits_only: true,
    };
    let mut end = start;
    loop {
        let mut letters = 0;
        let mut uppers = 0;
        while let Some(&b) = bytes.get(end) {
            let class = ASCII_CLASS[usize::from(b)];
            if class & ALNUM == 0 {
                break;
            }
            letters += u32::from(class & ALPHA != 0);
            uppers += u32::from(class & UPPER != 0);
            // Lowered as it is read: an upper-case letter gains its 0x20 bit.
            put(folded, f, b | ((class & UPPER) << 3));
            end += 1;
        }
        word.letters += letters;
        word.uppers += uppers;
        if letters > 0 {
            word.digits_only = false;
        }
        match bytes.get(end) {
            Some(b) if !b.is_ascii() => {
                let Some(d) = char_at(text, end) else { break };
                let (alpha, up) = alpha_upper(d);
                if !(alpha || d.is_numeric() || fold::is_combining_mark(d)) {
                    break;
                }
                if alpha {
                    word.letters += 1;
                    if up {
                        word.uppers += 1;
                    }
                }
                word.digits_only = false;
                push_folded(folded, f, d);
                end += d.len_utf8();
            }
            _ => break,
        }
    }
    (end, word)
}

/// Classes of bytes for the ASCII path of [`Doc::new`] (0 for any
/// non-ASCII byte): white space and line breaks (as `char::is_whitespace`
/// reads ASCII), letters and digits, and the punctuation that ends a
/// sentence or leaves its start as it was.
const ALNUM: u8 = 1;
const ALPHA: u8 = 2;
const UPPER: u8 = 4;
const SPACE: u8 = 8;
const BREAK: u8 = 16;
const STOP: u8 = 32;
const KEEP: u8 = 64;
// `UPPER << 3` is the bit that lowers an ASCII capital ([`scan_word`]).
const _: () = assert!(UPPER << 3 == b'a' - b'A');
static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            ALNUM
        } else if c.is_ascii_uppercase() {
            ALNUM | ALPHA | UPPER
        } else if c.is_ascii_lowercase() {
            ALNUM | ALPHA
        } else if c == b'\n' || c == b'\r' {
            SPACE | BREAK
        } else if c == b' ' || (c >= 0x09 && c <= 0x0d) {
            SPACE
        } else if matches!(c, b'.' | b'!' | b'?' | b':' | b';') {
            STOP
        } else if matches!(c, b'"' | b'\'' | b'-' | b'(' | b'[' | b'>' | b'|' | b'*') {
            KEEP
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Whether a char is alphabetic, and upper case: the letters of Latin-1
/// (U+00C0–U+00FF but `×` and `÷`, most non-ASCII letters of the text in
/// the languages we read) without the Unicode tables.
#[inline]
fn alpha_upper(c: char) -> (bool, bool) {
    if ('\u{c0}'..='\u{ff}').contains(&c) && c != '\u{d7}' && c != '\u{f7}' {
        return (true, c <= '\u{de}');
    }
    (c.is_alphabetic(), c.is_uppercase())
}

/// Writes byte `b` of the folded text at `*f` (`*f` is at most the
/// buffer's length: past it, the buffer grows).
#[inline(always)]
fn put(folded: &mut Vec<u8>, f: &mut usize, b: u8) {
    match folded.get_mut(*f) {
        Some(slot) => *slot = b,
        None => folded.push(b),
    }
    *f += 1;
}

/// Folds a non-ASCII char into the folded text at `*f`.
#[inline]
fn push_folded(folded: &mut Vec<u8>, f: &mut usize, c: char) {
    if let Some((a, b)) = fold::fold_char(c) {
        let mut buf = [0u8; 4];
        for &x in a.encode_utf8(&mut buf).as_bytes() {
            put(folded, f, x);
        }
        if b != '\0' {
            for &x in b.encode_utf8(&mut buf).as_bytes() {
                put(folded, f, x);
            }
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
