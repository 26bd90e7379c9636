//! The whole picture in one run: every development corpus of a directory,
//! each scored on its own kinds, depeche beside the peers' prediction files,
//! with depeche's errors (`depeche eval --all DIR`).
//!
//! Which kinds a corpus annotates is read from the directory's own README
//! table ("kinds to score" column), not written in code: the corpora and
//! their README travel together, and a corpus added there is scored without a
//! change here. The parse is strict (a table with a `file` and a `kinds`
//! column, a `.jsonl` file name and known kinds on every row) and fails with a
//! message naming what it could not find, rather than scoring on a guess.
//! This module does no input or output: the command line reads the files and
//! writes the reports.

use super::errors::{errors, ErrorReport};
use super::geo::{self, GeoDoc, GeoScores};
use super::halves::{score_half, score_halves, Half, HalfScores};
use super::{score, GoldDoc, Predictions, Scores};
use depeche::{Error, Kind};

/// A corpus and the kinds it annotates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DevSet {
    /// The file name without `.jsonl`.
    pub name: String,
    /// The `lang` column, empty when there is none.
    pub lang: String,
    pub kinds: Vec<Kind>,
}

/// Splits a Markdown table row into trimmed cells (`\|` is a literal bar).
fn cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut out = vec![String::new()];
    let mut escaped = false;
    for c in inner.chars() {
        match c {
            '|' if !escaped => out.push(String::new()),
            c => {
                escaped = c == '\\' && !escaped;
                if let Some(cell) = out.last_mut() {
                    cell.push(c);
                }
            }
        }
    }
    out.into_iter().map(|c| c.trim().to_string()).collect()
}

fn unquote(cell: &str) -> &str {
    cell.trim().trim_matches('`').trim()
}

/// Reads the corpora and their kinds from a README's table: the first table
/// whose header has a `file` column and a column whose name contains `kinds`
/// (a `lang` column is read when present).
pub fn parse_manifest(readme: &str) -> Result<Vec<DevSet>, Error> {
    let lines: Vec<&str> = readme.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        if !line.trim_start().starts_with('|') {
            continue;
        }
        let head: Vec<String> = cells(line).iter().map(|c| c.to_lowercase()).collect();
        let col = |f: &dyn Fn(&str) -> bool| head.iter().position(|h| f(h));
        let (Some(file_col), Some(kinds_col)) =
            (col(&|h| h == "file"), col(&|h| h.contains("kinds")))
        else {
            continue;
        };
        let lang_col = col(&|h| h == "lang");
        let is_rule = |l: &str| {
            cells(l)
                .iter()
                .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':')))
        };
        if !lines.get(i + 1).is_some_and(|l| is_rule(l)) {
            return Err(Error(format!(
                "line {}: the table header is not followed by a |---| line",
                i + 1
            )));
        }
        let mut out: Vec<DevSet> = Vec::new();
        for (j, row) in lines.iter().enumerate().skip(i + 2) {
            if !row.trim_start().starts_with('|') {
                break;
            }
            let at = j + 1;
            let c = cells(row);
            let get = |k: usize| c.get(k).map(|s| unquote(s)).unwrap_or("");
            let file = get(file_col);
            let name = file
                .strip_suffix(".jsonl")
                .filter(|n| !n.is_empty())
                .ok_or_else(|| {
                    Error(format!(
                        "line {at}: file \"{file}\" is not a .jsonl file name"
                    ))
                })?;
            if name.contains(['/', '\\']) {
                return Err(Error(format!(
                    "line {at}: file \"{file}\" is not a plain file name"
                )));
            }
            let kinds = super::parse_kinds(get(kinds_col))
                .map_err(|e| Error(format!("line {at}: kinds of {file}: {e}")))?;
            if out.iter().any(|s| s.name == name) {
                return Err(Error(format!("line {at}: {file} is listed twice")));
            }
            out.push(DevSet {
                name: name.to_string(),
                lang: lang_col.map(|k| get(k).to_string()).unwrap_or_default(),
                kinds,
            });
        }
        if out.is_empty() {
            return Err(Error(format!(
                "line {}: the corpus table has no rows",
                i + 1
            )));
        }
        return Ok(out);
    }
    Err(Error(
        "no table with a \"file\" column and a \"kinds to score\" column".into(),
    ))
}

/// The corpora of the README's `lang/` table: languages to come, kept in the
/// subfolder `lang/` until depeche knows them (`depeche eval --all` scores
/// those whose language the registry knows, so that QUALITY.md shows them
/// while the shared folder stays as it is). Rows of other tables (`geo/`) and
/// rows that name no single `lang/NAME.jsonl` file are passed over.
pub fn parse_lang_manifest(readme: &str) -> Vec<DevSet> {
    let mut out: Vec<DevSet> = Vec::new();
    let mut head: Option<(usize, usize, Option<usize>)> = None;
    for line in readme.lines() {
        if !line.trim_start().starts_with('|') {
            head = None;
            continue;
        }
        let c = cells(line);
        let Some((file_col, kinds_col, lang_col)) = head else {
            let h: Vec<String> = c.iter().map(|x| x.to_lowercase()).collect();
            let col = |f: &dyn Fn(&str) -> bool| h.iter().position(|x| f(x));
            if let (Some(f), Some(k)) = (
                col(&|x| x == "corpus" || x == "file"),
                col(&|x| x.contains("kinds") || x == "score on"),
            ) {
                head = Some((f, k, col(&|x| x == "lang")));
            }
            continue;
        };
        let get = |k: usize| c.get(k).map(|s| unquote(s)).unwrap_or("");
        let Some(name) = get(file_col)
            .strip_prefix("lang/")
            .and_then(|f| f.strip_suffix(".jsonl"))
            .filter(|n| !n.is_empty() && !n.contains(['/', '\\', '`', ',', ' ']))
        else {
            continue;
        };
        let Ok(kinds) = super::parse_kinds(get(kinds_col)) else {
            continue;
        };
        if out.iter().all(|s| s.name != name) {
            out.push(DevSet {
                name: name.to_string(),
                lang: lang_col.map(|k| get(k).to_string()).unwrap_or_default(),
                kinds,
            });
        }
    }
    out
}

/// The scores and errors of one corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct SetResult {
    pub set: DevSet,
    pub depeche: Scores,
    /// Each peer's name (the `<peer>` of `<name>.<peer>.jsonl`) and scores,
    /// in the order given.
    pub peers: Vec<(String, Scores)>,
    /// depeche's errors.
    pub errors: ErrorReport,
    /// depeche's scores on the write half and on the check half (`halves`).
    pub halves: [HalfScores; 2],
    /// Each peer's name and scores on the check half alone (the same
    /// documents as `halves[1]`), in the order of `peers`.
    pub peers_check: Vec<(String, Scores)>,
}

/// Scores depeche's predictions and each peer's on `set`'s kinds, and lists
/// depeche's errors.
pub fn evaluate_set(
    set: &DevSet,
    gold: &[GoldDoc],
    depeche: &Predictions,
    peers: &[(String, Predictions)],
) -> SetResult {
    SetResult {
        set: set.clone(),
        depeche: score(gold, depeche, &set.kinds),
        peers: peers
            .iter()
            .map(|(n, p)| (n.clone(), score(gold, p, &set.kinds)))
            .collect(),
        errors: errors(gold, depeche, &set.kinds),
        halves: score_halves(gold, depeche, &set.kinds),
        peers_check: peers
            .iter()
            .map(|(n, p)| {
                (
                    n.clone(),
                    score_half(gold, p, &set.kinds, Half::Check).scores,
                )
            })
            .collect(),
    }
}

/// Everything `depeche eval --all` measured.
#[derive(Clone, Debug, PartialEq)]
pub struct Suite {
    /// The dev corpora, in the README's order.
    pub sets: Vec<SetResult>,
    /// The seed dispatch (strict scores are its targets), when given.
    pub seed: Option<SetResult>,
    /// The place-resolution corpora of `geo/`, in the README's order.
    pub geo: Vec<GeoResult>,
}

/// A place-resolution corpus scored on each fixed half.
#[derive(Clone, Debug, PartialEq)]
pub struct GeoResult {
    pub name: String,
    /// Write half, then check half.
    pub halves: [GeoScores; 2],
}

/// Scores a `geo/` corpus's place values on both halves.
pub fn evaluate_geo(name: &str, gold: &[GeoDoc], preds: &Predictions) -> GeoResult {
    GeoResult {
        name: name.to_string(),
        halves: Half::BOTH.map(|h| geo::score(gold, preds, Some(h))),
    }
}

/// The file names (without `.jsonl`) of the README's `geo/` table: every
/// `geo/NAME.jsonl` of a table's first column, several to a cell.
pub fn parse_geo_manifest(readme: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in readme.lines().filter(|l| l.trim_start().starts_with('|')) {
        let first = cells(line).into_iter().next().unwrap_or_default();
        for f in first.split(',') {
            let Some(name) = unquote(f)
                .strip_prefix("geo/")
                .and_then(|f| f.strip_suffix(".jsonl"))
                .filter(|n| !n.is_empty() && !n.contains(['/', '\\', '`', ' ']))
            else {
                continue;
            };
            if !out.iter().any(|n| n == name) {
                out.push(name.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const README: &str = "# Data\n\nSome text | not a table.\n\n\
        | file | lang | text | kinds to score | notes |\n\
        |---|---|---|---|---|\n\
        | `a_fr.jsonl` | fr | news \\| wire | `actor,place` | x |\n\
        | `b_en.jsonl` | en | news | `date` | |\n\
        \nAfter.\n";

    #[test]
    fn the_lang_table_gives_the_languages_to_come() {
        let readme = format!(
            "{README}\nTo come:\n\n| corpus | lang | text | score on | notes |\n|---|---|---|---|---|\n\
             | `lang/c_es_dev.jsonl` | es | wire | `actor,place` | x |\n\
             | `lang/peers/c_es_dev.spacy.jsonl` | es | | | |\n\n\
             | corpus | lang | text | score on | notes |\n|---|---|---|---|---|\n\
             | `geo/a.jsonl`, `geo/b.jsonl` | en | news | `place` | |\n"
        );
        let sets = parse_lang_manifest(&readme);
        assert_eq!(sets.len(), 1, "{sets:?}");
        assert_eq!(sets[0].name, "c_es_dev");
        assert_eq!(sets[0].lang, "es");
        assert_eq!(sets[0].kinds, [Kind::Actor, Kind::Place]);
    }

    #[test]
    fn the_geo_table_gives_its_files() {
        let readme = "| corpus | lang |\n|---|---|\n| `geo/a_en.jsonl`, `geo/b_en.jsonl` | en |\n\
                      | `lang/c.jsonl` | es |\n";
        assert_eq!(parse_geo_manifest(readme), ["a_en", "b_en"]);
    }

    #[test]
    fn the_readme_table_gives_the_kinds() {
        let sets = parse_manifest(README).expect("table");
        assert_eq!(sets.len(), 2);
        assert_eq!(sets[0].name, "a_fr");
        assert_eq!(sets[0].lang, "fr");
        assert_eq!(sets[0].kinds, vec![Kind::Actor, Kind::Place]);
        assert_eq!(sets[1].kinds, vec![Kind::Date]);
    }

    #[test]
    fn an_unreadable_table_is_an_error_that_says_why() {
        let e = parse_manifest("# Data\n\n| file | lang |\n|---|---|\n| a.jsonl | fr |\n")
            .expect_err("no kinds column");
        assert!(e.0.contains("kinds to score"), "{e}");
        let e = parse_manifest(&README.replace("`date`", "`dates`")).expect_err("bad kind");
        assert!(
            e.0.starts_with("line 8: kinds of b_en.jsonl: unknown kind"),
            "{e}"
        );
        let e = parse_manifest(&README.replace("`b_en.jsonl`", "b_en.json")).expect_err("file");
        assert!(e.0.contains("not a .jsonl file name"), "{e}");
        let e = parse_manifest(&README.replace("|---|---|---|---|---|\n", "")).expect_err("rule");
        assert!(e.0.contains("|---|"), "{e}");
    }
}
