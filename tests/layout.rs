//! The layout of `src/`, held by tests (issue 12):
//!
//! - no import circles among the top modules of `src/` (a module that uses
//!   another never gets used back by it, directly or around a circle), so that
//!   each can be read, tested and replaced on its own; unit tests (`tests.rs`,
//!   what follows `#[cfg(test)]`) do not count;
//! - no language chosen by name outside the languages' own folders
//!   (`src/locales/<code>/`): the patterns `Lang::Fr`, `Lang::En`, the
//!   former transitional `lang::FR` / `lang::EN`, and a quoted `"fr"` / `"en"`
//!   (`'fr'` / `'en'` in www/) fail here in any other file of `src/` or `www/`.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir` with extension `ext`, as paths relative to the root.
fn files(dir: &str, ext: &str) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, ext: &str, out: &mut Vec<String>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(root, &p, ext, out);
            } else if p.extension().and_then(|x| x.to_str()) == Some(ext) {
                let rel = p.strip_prefix(root).expect("under the root");
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    walk(&root(), &root().join(dir), ext, &mut out);
    out.sort();
    out
}

/// The top module a file of `src/` belongs to (`src/names/sports.rs` → `names`).
fn top_module(path: &str) -> Option<String> {
    let rest = path.strip_prefix("src/")?;
    let first = rest.split('/').next()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib").then(|| name.to_string())
}

/// The top modules a source text names through `crate::` paths.
fn crate_refs(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if name.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
                out.insert(name);
            }
        }
        // `use crate::{a, b::c}`: the names after the brace.
        if let Some(i) = code.find("crate::{") {
            let inner = &code[i + "crate::{".len()..];
            for part in inner.split([',', '}']) {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if name.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
                    out.insert(name);
                }
            }
        }
    }
    out
}

#[test]
fn no_import_circles_among_the_modules_of_src() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in files("src", "rs") {
        let Some(from) = top_module(&f) else { continue };
        // Unit tests may reach anywhere: only the code they test counts.
        if f.ends_with("/tests.rs") {
            continue;
        }
        let text = fs::read_to_string(root().join(&f)).expect("readable");
        let text = text.split("#[cfg(test)]").next().unwrap_or("");
        let deps = graph.entry(from.clone()).or_default();
        for to in crate_refs(text) {
            if to != from {
                deps.insert(to);
            }
        }
    }
    // Depth-first search; a back edge is a circle.
    fn visit(
        m: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        circles: &mut Vec<String>,
    ) {
        if let Some(i) = path.iter().position(|p| p == m) {
            let mut c = path[i..].to_vec();
            c.push(m.to_string());
            circles.push(c.join(" → "));
            return;
        }
        if !done.insert(m.to_string()) {
            return;
        }
        path.push(m.to_string());
        for d in graph.get(m).into_iter().flatten() {
            visit(d, graph, path, done, circles);
        }
        path.pop();
    }
    let mut circles = Vec::new();
    let mut done = BTreeSet::new();
    for m in graph.keys() {
        visit(m, &graph, &mut Vec::new(), &mut done, &mut circles);
    }
    assert!(graph.contains_key("names") && graph["names"].contains("text"));
    assert!(circles.is_empty(), "import circles: {circles:#?}");
}

/// True when the file holds one of the patterns that choose by a language's name.
fn names_a_language(path: &str, text: &str) -> bool {
    let quotes: &[&str] = if path.ends_with(".rs") {
        &["\"fr\"", "\"en\""]
    } else {
        &["'fr'", "'en'", "\"fr\"", "\"en\""]
    };
    text.contains("Lang::Fr")
        || text.contains("Lang::En")
        || text.contains("lang::FR")
        || text.contains("lang::EN")
        || quotes.iter().any(|q| text.contains(q))
}

#[test]
fn only_the_listed_files_choose_by_a_languages_name() {
    let mut all = files("src", "rs");
    all.extend(files("www", "js"));
    let offenders: Vec<&String> = all
        .iter()
        .filter(|f| !f.starts_with("src/locales/"))
        .filter(|f| {
            let text = fs::read_to_string(root().join(f)).expect("readable");
            names_a_language(f, &text)
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "these files choose a behaviour by a language's name (Lang::Fr, Lang::En, \"fr\", \"en\"); \
         put it in the language's locale instead: {offenders:#?}"
    );
}

#[test]
fn the_patterns_are_found() {
    assert!(names_a_language(
        "src/x.rs",
        "match lang { Lang::Fr => 1, _ => 2 }"
    ));
    assert!(names_a_language(
        "src/x.rs",
        "if lang == crate::lang::FR { 1 } else { 2 }"
    ));
    assert!(names_a_language("www/x.js", "const LANGS = ['fr', 'en'];"));
    assert!(!names_a_language(
        "src/x.rs",
        "let l = registry::get(code);"
    ));
    assert_eq!(
        crate_refs("use crate::{names, text::Doc};\nlet x = crate::actors::f();"),
        ["actors", "names", "text"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    );
}
