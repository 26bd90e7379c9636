//! `depeche eval --all DIR`: the files of the whole picture. Reads DIR's
//! README table, the corpora and the peers' predictions, has the library
//! score them ([`depeche_eval::suite`]) and write the Markdown
//! ([`depeche_eval::report`]), and writes QUALITY.md and the error reports.
//!
//! The corpora of DIR/lang/ (languages to come, in the README's `lang/`
//! table) are scored too once the core's registry knows their language.
//!
//! Every `.jsonl` file of DIR must be in the README's table: a corpus that
//! cannot be scored on its own kinds stops the run rather than being left out
//! of the picture silently. The commit is asked of `git` (where the command is
//! run) and shown as `unknown` when that fails; the date is today's, UTC.

use std::path::{Component, Path, PathBuf};
use std::process::Command;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use depeche::{Date, Kind, Lang};
use depeche_eval::report::{self, Stamp};
use depeche_eval::suite::{self, DevSet, Suite};
use depeche_eval::{self as eval, Predictions};

use super::{display_name, io_msg, options, read_text, Args, Fatal};

pub fn run(a: &Args, dir: &str) -> Result<u8, Fatal> {
    if !a.files.is_empty() {
        return Err(Fatal::usage("eval --all DIR takes no GOLD or PRED file"));
    }
    if a.kinds.is_some() || a.json {
        return Err(Fatal::usage(
            "eval --all takes each corpus's kinds from DIR/README.md; --kinds and --json do not apply",
        ));
    }
    let started = Instant::now();
    let opts = options(a)?;
    let dir = Path::new(dir);
    let readme = path_str(&dir.join("README.md"));
    let sets = suite::parse_manifest(&read_text(&readme)?)
        .map_err(|e| Fatal::input(format!("{}: {e}", display_name(&readme))))?;
    check_listed(dir, &sets, &readme)?;
    // The corpora of lang/ whose language the core now knows (the shared
    // folder is read as it is: its files are not moved up).
    let lang_dir = dir.join("lang");
    let known = |s: &DevSet| Lang::parse(&s.lang).is_some_and(|l| l != Lang::UND);
    let to_come: Vec<(DevSet, &Path)> = suite::parse_lang_manifest(&read_text(&readme)?)
        .into_iter()
        .filter(|s| known(s) && lang_dir.join(format!("{}.jsonl", s.name)).is_file())
        .filter(|s| sets.iter().all(|t| t.name != s.name))
        .map(|s| (s, lang_dir.as_path()))
        .collect();
    let all: Vec<(DevSet, &Path)> = sets
        .iter()
        .cloned()
        .map(|s| (s, dir))
        .chain(to_come)
        .collect();

    let mut results = Vec::with_capacity(all.len());
    for (set, dir) in &all {
        let peer_files = list(&dir.join("peers"), true)?;
        let gold_path = path_str(&dir.join(format!("{}.jsonl", set.name)));
        let gold = load_gold(&gold_path)?;
        let preds = eval::annotate_gold(&gold, &opts)
            .map_err(|e| Fatal::input(format!("{}: {e}", display_name(&gold_path))))?;
        let prefix = format!("{}.", set.name);
        let mut peers: Vec<(String, Predictions)> = Vec::new();
        for f in &peer_files {
            let Some(peer) = file_name(f)
                .strip_prefix(&prefix)
                .and_then(|r| r.strip_suffix(".jsonl"))
                .filter(|p| !p.is_empty())
            else {
                continue;
            };
            let path = path_str(f);
            let p = eval::load_predictions(&read_text(&path)?)
                .map_err(|e| Fatal::input(format!("{}: {e}", display_name(&path))))?;
            peers.push((peer.to_string(), p));
        }
        results.push(suite::evaluate_set(set, &gold, &preds, &peers));
    }

    let seed = match a.seed.as_deref() {
        None => None,
        Some(path) => {
            let gold = load_gold(path)?;
            let preds = eval::annotate_gold(&gold, &opts)
                .map_err(|e| Fatal::input(format!("{}: {e}", display_name(path))))?;
            let name = file_name(Path::new(path));
            let name = [".gold.json", ".gold.jsonl", ".jsonl", ".json"]
                .iter()
                .find_map(|s| name.strip_suffix(s))
                .unwrap_or(name);
            let set = DevSet {
                name: name.to_string(),
                lang: common_lang(&gold),
                kinds: vec![Kind::Actor, Kind::Place, Kind::Date],
            };
            Some(suite::evaluate_set(&set, &gold, &preds, &[]))
        }
    };
    let geo = geo_results(dir, &read_text(&readme)?, &opts)?;
    let suite = Suite {
        sets: results,
        seed,
        geo,
    };
    let stamp = Stamp {
        date: today(),
        commit: commit(a.out.as_deref()),
        command: command_line(),
    };

    let mut written = Vec::new();
    let link = match a.reports.as_deref() {
        None => None,
        Some(rdir) => {
            std::fs::create_dir_all(rdir).map_err(|e| {
                Fatal::input(format!(
                    "cannot create {}: {}",
                    display_name(rdir),
                    io_msg(&e)
                ))
            })?;
            for r in suite.seed.iter().chain(&suite.sets) {
                let path = Path::new(rdir).join(report::report_file_name(&r.set.name));
                write_file(&path, &report::errors_markdown(r, &stamp))?;
                written.push(path_str(&path));
            }
            let from = a
                .out
                .as_deref()
                .and_then(|o| Path::new(o).parent())
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            Some(relative(from, Path::new(rdir)).unwrap_or_else(|| rdir.to_string()))
        }
    };
    let text = report::quality_markdown(&suite, &stamp, link.as_deref());
    let code = match a.out.as_deref() {
        Some(out) => {
            write_file(Path::new(out), &text)?;
            written.insert(0, out.to_string());
            0
        }
        None => super::write_out(|| {
            use std::io::Write;
            let mut o = std::io::stdout().lock();
            o.write_all(text.as_bytes())?;
            o.flush()
        })?,
    };
    super::note(&format!(
        "depeche: {} corpora{} scored in {:.1} s{}",
        suite.sets.len(),
        if suite.seed.is_some() {
            " and the seed"
        } else {
            ""
        },
        started.elapsed().as_secs_f64(),
        if written.is_empty() {
            String::new()
        } else {
            format!("; wrote {}", written.join(", "))
        }
    ));
    Ok(code)
}

/// The place-resolution corpora of the README's `geo/` table, annotated and
/// scored on both halves (those absent from DIR/geo/ are passed over).
fn geo_results(
    dir: &Path,
    readme_text: &str,
    opts: &depeche::Options,
) -> Result<Vec<suite::GeoResult>, Fatal> {
    let mut out = Vec::new();
    for name in suite::parse_geo_manifest(readme_text) {
        let path = path_str(&dir.join("geo").join(format!("{name}.jsonl")));
        if !Path::new(&path).is_file() {
            continue;
        }
        let text = read_text(&path)?;
        let input = |e: depeche::Error| Fatal::input(format!("{}: {e}", display_name(&path)));
        let Some(geo) = eval::geo::load(&text).map_err(input)? else {
            continue;
        };
        let gold = eval::load_gold(&text).map_err(input)?;
        let preds = eval::annotate_gold(&gold, opts).map_err(input)?;
        out.push(suite::evaluate_geo(&name, &geo, &preds));
    }
    Ok(out)
}

fn path_str(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

fn file_name(p: &Path) -> &str {
    p.file_name().and_then(|n| n.to_str()).unwrap_or("")
}

fn load_gold(path: &str) -> Result<Vec<eval::GoldDoc>, Fatal> {
    eval::load_gold(&read_text(path)?)
        .map_err(|e| Fatal::input(format!("{}: {e}", display_name(path))))
}

/// The files of a directory, sorted (none when `optional` and absent).
fn list(dir: &Path, optional: bool) -> Result<Vec<PathBuf>, Fatal> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if optional && e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(Fatal::input(format!(
                "cannot read {}: {}",
                display_name(&path_str(dir)),
                io_msg(&e)
            )))
        }
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    Ok(out)
}

/// Every corpus of the directory is in the table.
fn check_listed(dir: &Path, sets: &[DevSet], readme: &str) -> Result<(), Fatal> {
    for f in list(dir, false)? {
        let Some(name) = file_name(&f).strip_suffix(".jsonl") else {
            continue;
        };
        if !sets.iter().any(|s| s.name == name) {
            return Err(Fatal::input(format!(
                "{}.jsonl is not in the table of {}: add a row with its kinds to score",
                name,
                display_name(readme)
            )));
        }
    }
    Ok(())
}

/// The documents' language when they share one.
fn common_lang(gold: &[eval::GoldDoc]) -> String {
    let mut langs = gold.iter().filter_map(|d| d.lang);
    match langs.next() {
        Some(l) if langs.all(|m| m == l) => l.as_str().to_string(),
        _ => String::new(),
    }
}

fn write_file(path: &Path, text: &str) -> Result<(), Fatal> {
    std::fs::write(path, text).map_err(|e| {
        Fatal::input(format!(
            "cannot write {}: {}",
            display_name(&path_str(path)),
            io_msg(&e)
        ))
    })
}

fn today() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days(i64::try_from(secs / 86_400).unwrap_or(0))
        .map_or_else(|| "an unknown date".to_string(), |d| d.to_string())
}

/// The commit checked out where the command runs, marked when files other
/// than the report being written differ from it.
fn commit(out: Option<&str>) -> String {
    let git = |args: &[&str]| Command::new("git").args(args).output().ok();
    let Some(head) = git(&["rev-parse", "--short", "HEAD"])
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
    else {
        return "unknown".into();
    };
    let exclude = out.map(|o| format!(":(exclude){o}"));
    let mut args = vec!["diff", "--quiet", "HEAD", "--", "."];
    args.extend(exclude.as_deref());
    let dirty = git(&args).is_some_and(|o| o.status.code() == Some(1));
    if dirty {
        format!("{head} (with local changes)")
    } else {
        head
    }
}

/// The command as run, with `depeche` for the program.
fn command_line() -> String {
    let quote = |s: String| {
        if !s.is_empty()
            && s.chars()
                .all(|c| c.is_alphanumeric() || "-_./=,:@+".contains(c))
        {
            s
        } else {
            format!("'{}'", s.replace('\'', "'\\''"))
        }
    };
    std::iter::once("depeche".to_string())
        .chain(std::env::args().skip(1).map(quote))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `to` as a relative link from the directory `from` (both must exist).
fn relative(from: &Path, to: &Path) -> Option<String> {
    let a = std::fs::canonicalize(from).ok()?;
    let b = std::fs::canonicalize(to).ok()?;
    let ac: Vec<Component> = a.components().collect();
    let bc: Vec<Component> = b.components().collect();
    let common = ac.iter().zip(&bc).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".into(); ac.len().saturating_sub(common)];
    parts.extend(
        bc.iter()
            .skip(common)
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    Some(if parts.is_empty() {
        ".".into()
    } else {
        parts.join("/")
    })
}
