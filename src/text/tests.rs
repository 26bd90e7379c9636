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
