use super::*;

#[test]
fn tokens_and_folded_forms() {
    let d = Doc::new("L'armée syrienne reprend Deir Ezzor, le 3 novembre.");
    let raws: Vec<&str> = (0..d.len()).map(|t| d.raw(t)).collect();
    assert_eq!(
        raws,
        [
            "L", "'", "armée", "syrienne", "reprend", "Deir", "Ezzor", ",", "le", "3", "novembre",
            "."
        ]
    );
    assert_eq!(d.norm(2), "armee");
    assert_eq!(d.tokens[9].kind, TokKind::Number);
    assert!(d.tokens[0].sentence_start && d.tokens[0].upper);
    assert!(!d.tokens[5].sentence_start && d.tokens[5].upper);
    assert!(d.is_apostrophe(1));
}

#[test]
fn sentence_starts_and_caps() {
    let d = Doc::new("Fin. « Le IRAK\nnouveau");
    assert!(d.tokens[3].sentence_start, "after a period and a quote");
    assert!(d.tokens[4].all_caps);
    assert!(d.tokens[5].line_start && d.tokens[5].sentence_start);
}

#[test]
fn keys_tolerate_transliterations() {
    for v in ["Deir ez-Zor", "Deir Ezzor", "DEIR EZ ZOR", "Deir-ez-Zor"] {
        assert_eq!(name_key(v), "deir ezor", "{v}");
    }
    for v in ["Al-Qaïm", "al-Qa'im", "Al Qaim", "Al-Qa’im"] {
        assert_eq!(name_key(v), "al qaim", "{v}");
    }
    assert_eq!(name_key("Raqqa"), name_key("Raqa"));
    assert_eq!(name_key("États-Unis"), "etats unis");
    assert_eq!(name_key("Alain"), "alain");
    assert_ne!(name_key("Al Ain"), name_key("Alain"));
    assert_eq!(name_key("..."), "");
}

#[test]
fn offsets_with_emoji_and_combining_marks() {
    let text = "😀 e\u{301}té Paris";
    let d = Doc::new(text);
    assert_eq!(d.raw(1), "e\u{301}té");
    assert_eq!(d.norm(1), "ete");
    let mut offs = vec![0, text.find("Paris").unwrap(), text.len()];
    byte_to_char_offsets(text, &mut offs);
    assert_eq!(offs, [0, 7, 12]);
}

#[test]
fn joined_articles_fit_the_key_builder() {
    for a in super::fold::JOINED_ARTICLES {
        assert!(a.len() <= super::fold::WORD_BUF, "{a}");
    }
}

/// The key as words split first, then joined by `key_from_words`: what the
/// one-pass `name_key` must give.
fn key_by_words(name: &str) -> String {
    let folded = super::fold_str(name);
    let words: Vec<&str> = folded
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '.'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '.'))
        .collect();
    let words: Vec<String> = words
        .iter()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    super::fold::key_from_words(words.iter().map(|w| w.as_str()))
}

#[test]
fn name_key_is_the_key_of_its_words() {
    for s in [
        "Deir ez-Zor",
        "Al-Qa'im",
        "abu al al-ad Dahr",
        "Ash-Sham",
        "zz zzaa . '' al",
        "L'Aquila",
        "El Al",
        "Ad  Ad-ad",
        "Œuvre Straße",
        "Raqqa, Tell Abyad",
        "",
        "'.'",
        "extraordinarilylongwordwithoutend al-x",
    ] {
        assert_eq!(name_key(s), key_by_words(s), "{s:?}");
    }
}

/// The tokens of a plain char-by-char scan, as `Doc::new` tokenised before
/// its ASCII path: the fast path must give the same tokens and folded text.
fn reference(text: &str) -> (Vec<Token>, String) {
    let mut tokens = Vec::new();
    let mut folded = String::new();
    let (mut space_before, mut line_start, mut sentence_start) = (false, true, true);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            space_before = true;
            if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
                line_start = true;
                sentence_start = true;
            }
            continue;
        }
        let fstart = folded.len() as u32;
        let fold = |c: char, out: &mut String| {
            if let Some((a, b)) = fold::fold_char(c) {
                out.push(a);
                if b != '\0' {
                    out.push(b);
                }
            }
        };
        let (kind, end, upper, all_caps) = if c.is_alphanumeric() {
            let (mut letters, mut uppers, mut digits_only) = (0, 0, true);
            let mut end = i;
            let mut next = Some((i, c));
            while let Some((j, d)) = next {
                let ok = j == i || d.is_alphanumeric() || fold::is_combining_mark(d);
                if !ok {
                    break;
                }
                if d.is_alphabetic() {
                    letters += 1;
                    if d.is_uppercase() {
                        uppers += 1;
                    }
                }
                if !d.is_ascii_digit() {
                    digits_only = false;
                }
                fold(d, &mut folded);
                end = j + d.len_utf8();
                if j != i {
                    chars.next();
                }
                next = chars.peek().copied();
            }
            let kind = if digits_only {
                TokKind::Number
            } else {
                TokKind::Word
            };
            (
                kind,
                end,
                c.is_uppercase(),
                letters >= 2 && uppers == letters,
            )
        } else {
            fold(c, &mut folded);
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
                '"' | '«' | '»' | '“' | '”' | '\'' | '‘' | '’' | '-' | '–' | '—' | '(' | '['
                | '>' | '|' | '*' | '•' => {}
                _ => sentence_start = false,
            }
        } else {
            sentence_start = false;
        }
        space_before = false;
        line_start = false;
    }
    (tokens, folded)
}

#[test]
fn fast_path_tokenises_as_a_char_by_char_scan() {
    let palette = [
        "a", "Z", "é", "É", "ß", "œ", "Œ", "ﬁ", "İ", "3", "٣", "²", "\u{301}", "\u{20d0}", " ",
        "\n", "\r", "\t", "\u{b}", "\u{a0}", "\u{2028}", "\u{85}", ".", ":", "…", "«", "’", "'",
        "-", "—", "(", ",", "\u{0}", "\u{7f}", "•", "😀", "Ж", "ж", "ǅ", "Ⅻ", "x", "Q", "À", "Ø",
        "Þ", "ÿ", "×", "÷", "ª", "µ", "\u{bf}", "\u{c0}", "\u{de}", "\u{df}", "ǲ", "\u{3000}",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..3000 {
        let mut s = String::new();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = (seed % 24) as usize;
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push_str(palette[(seed % palette.len() as u64) as usize]);
        }
        let doc = Doc::new(&s);
        let (tokens, folded) = reference(&s);
        assert_eq!(doc.folded, folded, "{s:?}");
        assert_eq!(doc.tokens.len(), tokens.len(), "{s:?}");
        for (a, b) in doc.tokens.iter().zip(&tokens) {
            assert_eq!(
                (a.start, a.end, a.fstart, a.fend, a.kind),
                (b.start, b.end, b.fstart, b.fend, b.kind),
                "{s:?}"
            );
            assert_eq!(
                (
                    a.space_before,
                    a.line_start,
                    a.upper,
                    a.all_caps,
                    a.sentence_start
                ),
                (
                    b.space_before,
                    b.line_start,
                    b.upper,
                    b.all_caps,
                    b.sentence_start
                ),
                "{s:?}"
            );
        }
    }
}
