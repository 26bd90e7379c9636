//! How deep JSON from outside may nest, checked before anything parses it.
//!
//! Why: JSON parsers recurse once per level of nesting. serde_json stops at
//! 128 levels, but the WebAssembly build has a small stack, and a value that
//! comes from JavaScript, or a lexicon file someone crafted, can nest
//! thousands of levels (`[[[[...]]]]`). This module walks the text once with a
//! counter, no recursion, so an input that nests too deep is refused with a
//! message before any recursive code sees it.

/// The deepest nesting accepted in an editor's lexicon: FORMAT.md's lexicon
/// nests four levels (`{"add": [{"value": {...}}]}`); the rest is room for
/// keys a later version may add.
pub const MAX_DEPTH: usize = 32;

/// Checks that arrays and objects in `json` nest at most `max` levels;
/// `Err` says how deep the text went before the check stopped. Strings are
/// skipped (brackets inside them do not count); the text need not be valid
/// JSON (the parser reports that afterwards).
pub fn check_depth(json: &str, max: usize) -> Result<(), String> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for &b in json.as_bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Err(format!("value nested deeper than {max} levels"));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_levels_outside_strings() {
        assert!(check_depth(r#"{"a": [1, {"b": [2]}]}"#, 4).is_ok());
        assert!(check_depth(r#"{"a": [1, {"b": [2]}]}"#, 3).is_err());
        assert!(check_depth(r#"{"a": "[[[[[[[[[[", "b": "\"[[["}"#, 1).is_ok());
        let deep = format!("{}{}", "[".repeat(3000), "]".repeat(3000));
        assert_eq!(
            check_depth(&deep, MAX_DEPTH),
            Err("value nested deeper than 32 levels".to_string())
        );
        // Siblings do not add up.
        let wide = format!("[{}0]", "[1],".repeat(1000));
        assert!(check_depth(&wide, 2).is_ok());
        // Broken JSON is the parser's business.
        assert!(check_depth("]]]}}{", 2).is_ok());
    }
}
