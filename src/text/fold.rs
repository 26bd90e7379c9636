// Character folding shared by the tokenizer and by `build.rs`.
//
// Why this file exists on its own: the gazetteer keys compiled at build time and
// the keys computed from a dispatch at run time must be byte-for-byte the same,
// so `build.rs` `include!`s this file. It therefore uses nothing but `core`/`std`
// and defines only free functions.

/// Folds one character for matching: lower case, no diacritics, typographic
/// variants mapped to their ASCII form. Returns up to 2 chars (`œ` → `oe`);
/// `'\0'` in the second slot means "none". Returns `None` for characters that
/// vanish in folded text (combining marks, apostrophes inside names).
pub fn fold_char(c: char) -> Option<(char, char)> {
    if c.is_ascii() {
        return Some((c.to_ascii_lowercase(), '\0'));
    }
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ậ' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' | 'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => 'c',
        'ď' | 'đ' | 'Ď' | 'Đ' | 'ḍ' | 'Ḍ' | 'ð' | 'Ð' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ĕ'
        | 'Ė' | 'Ę' | 'Ě' | 'ẹ' | 'ế' | 'ề' | 'ệ' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => 'g',
        'ĥ' | 'ħ' | 'Ĥ' | 'Ħ' | 'ḥ' | 'Ḥ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ĩ' | 'Ī'
        | 'Ĭ' | 'Į' | 'İ' | 'ị' => 'i',
        'ĵ' | 'Ĵ' => 'j',
        'ķ' | 'Ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' | 'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' | 'Ñ' | 'Ń' | 'Ņ' | 'Ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø'
        | 'Ō' | 'Ŏ' | 'Ő' | 'ơ' | 'Ơ' | 'ọ' | 'ố' | 'ồ' | 'ộ' => 'o',
        'ŕ' | 'ŗ' | 'ř' | 'Ŕ' | 'Ŗ' | 'Ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'Ś' | 'Ŝ' | 'Ş' | 'Š' | 'Ș' | 'ṣ' | 'Ṣ' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' | 'Ţ' | 'Ť' | 'Ŧ' | 'Ț' | 'ṭ' | 'Ṭ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ũ'
        | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' | 'ư' | 'Ư' | 'ụ' => 'u',
        'ŵ' | 'Ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' | 'Ý' | 'Ÿ' | 'Ŷ' => 'y',
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' | 'ẓ' | 'Ẓ' => 'z',
        'œ' | 'Œ' => return Some(('o', 'e')),
        'æ' | 'Æ' => return Some(('a', 'e')),
        'ß' => return Some(('s', 's')),
        'þ' | 'Þ' => return Some(('t', 'h')),
        // Apostrophes and the transliteration marks for ayn and hamza vanish:
        // al-Qa'im = Al Qaim.
        '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{02bb}' | '\u{02be}' | '\u{02bf}'
        | '\u{00b4}' => return Some(('\'', '\0')),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        '\u{00a0}' | '\u{202f}' | '\u{2007}' | '\u{2009}' | '\u{200a}' | '\u{2002}'
        | '\u{2003}' => ' ',
        '«' | '»' | '“' | '”' | '„' => '"',
        c if is_combining_mark(c) => return None,
        c => {
            let mut lower = c.to_lowercase();
            let first = lower.next().unwrap_or(c);
            let second = lower.next().unwrap_or('\0');
            return Some((first, second));
        }
    };
    Some((base, '\0'))
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
/// ("Deir ez-Zor" = "Deir Ezzor"): inside a name they are joined to the next word.
pub const JOINED_ARTICLES: &[&str] = &[
    "al", "el", "ez", "az", "es", "as", "ad", "ed", "ar", "er", "ash", "ech", "at", "et", "an",
    "en", "adh", "ath", "ul", "uz", "ud",
];

/// The gazetteer key of a name: folded words separated by one space, apostrophes
/// and dots dropped, an Arabic article that is not the first word joined to the
/// next word, doubled letters collapsed. "Deir ez-Zor", "Deir Ezzor" and
/// "DEIR EZ ZOR" share the key "deir ezor"; "Al-Qaïm", "al-Qa'im" and "Al Qaim"
/// share "al qaim". Returns an empty string for a name with no letter or digit.
pub fn name_key(name: &str) -> String {
    let folded = fold_str(name);
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in folded.chars() {
        if c.is_alphanumeric() {
            cur.push(c);
        } else if c == '\'' || c == '.' {
            // dropped inside a word
        } else if !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    key_from_words(words.iter().map(|w| w.as_str()))
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
