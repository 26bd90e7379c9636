//! The `depeche` command line (FORMAT.md, "The command line"): the only place
//! that knows about arguments, files, standard streams and exit codes. The
//! work is the library's: [`depeche::annotate`], [`depeche::UserLexicon`],
//! [`depeche_eval`] (the `depeche-eval` crate).
//!
//! Arguments are parsed by hand: two commands and a handful of options do not
//! justify a dependency. JSON Lines are streamed ([`jsonl`]): on one core one
//! line at a time, on N cores ([`--jobs`](jsonl::Chunk)) in chunks of bounded
//! size annotated in parallel and written in input order, so a batch of any
//! size runs in bounded memory; output is flushed whenever input is not
//! immediately available, so a program can drive `annotate --jsonl` line by
//! line through a pipe.
//!
//! Exit codes: 0 done; 1 some JSON Lines records failed (each has its error
//! line); 2 the run could not start (usage, unreadable file, text not UTF-8,
//! bad lexicon or gold data); 141 the reader of the output went away (`|
//! head`): the run stops quietly, as a program killed by SIGPIPE would, since
//! Rust programs ignore that signal and see the error instead.
//!
//! A UTF-8 byte-order mark opening a file, standard input or a JSON Lines
//! line is an encoding mark, not text: it is skipped, and offsets count from
//! after it.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use depeche_eval as eval;

mod eval_all;
mod jsonl;
mod jsonl_in;
mod jsonl_out;
use depeche::{annotate, Date, Lang, Options, UserLexicon};

const USAGE: &str = "\
depeche: actors, places and dates in French and English news dispatches

Usage:
  depeche annotate [OPTIONS] [FILE]      annotate one text (standard input when no FILE or -)
  depeche annotate --jsonl [OPTIONS] [FILE]
                                         annotate JSON Lines {\"id\", \"text\", \"lang\"?, \"dct\"?}
  depeche eval GOLD [PRED] [OPTIONS]     score predictions against gold data
  depeche eval --all DIR [OPTIONS]       score every corpus of DIR, beside the peers'
                                         predictions; write QUALITY.md and error reports
  depeche packs DIR                      write the language packs (DIR/<code>.pack) the
                                         WebAssembly module loads (scripts/build-wasm.sh)
  depeche --help | --version

Annotate options:
  --lang CODE|und|auto    language of the text: one depeche knows ({langs}),
                          und for any other, or auto (default: detected)
  --dct YYYY-MM-DD        reference date (default: the dateline's, if any)
  --lexicon FILE          an editor's lexicon (JSON, as the page exports it)
  --jsonl                 one JSON record per line in, one result per line out;
                          a record's own \"lang\" and \"dct\" override --lang and --dct;
                          a record that cannot be read gets {\"id\", \"error\"}, exit 1
  --jobs N                with --jsonl: annotate on N threads, output still in input
                          order (default: every core; 1 for one line at a time)

Eval options:
  PRED                    predictions, {\"id\", \"spans\"} records (JSON Lines or one
                          JSON document); without PRED, GOLD's texts are annotated,
                          each with its own lang and dct (--lang, --dct, --lexicon apply)
  --kinds K[,K...]        kinds to score: actor, place, date (default: all three)
  --json                  print the scores as one JSON object
  --half write|check      score only the documents of that fixed half of GOLD
                          (QUALITY.md, \"Write and check halves\")

Eval --all options (the whole picture, as QUALITY.md shows it):
  --all DIR               every DIR/NAME.jsonl listed in DIR/README.md's table, each
                          scored on its \"kinds to score\" column, annotated by depeche
                          and compared with DIR/peers/NAME.PEER.jsonl
  --seed GOLD             also the seed dispatch's gold (all kinds; strict targets)
  --out FILE              write the quality report there (default: standard output)
  --reports DIR           write one error report per corpus there, NAME.errors.md:
                          missed, spurious, wrong extent, wrong kind, wrong value,
                          most frequent first, with contexts

Output: spans in Unicode code point offsets (FORMAT.md); a byte-order mark
opening the input (or a JSON Lines line) is skipped, offsets count after it.
Exit status: 0 ok, 1 some JSON Lines records failed (blank lines included),
2 usage or input error, 141 the output was closed early (as with | head).
";

/// The usage text, with the languages of the core's registry.
fn usage() -> String {
    let langs: Vec<&str> = depeche::locales::LOCALES
        .iter()
        .map(|l| l.lang.as_str())
        .collect();
    USAGE.replace("{langs}", &langs.join(", "))
}

/// The exit code when the output's reader went away (128 + SIGPIPE).
pub(crate) const BROKEN_PIPE: u8 = 141;

/// The UTF-8 byte-order mark.
pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A failure that stops the run: the message, and whether to repeat the usage hint.
pub(crate) struct Fatal {
    msg: String,
    usage: bool,
}

impl Fatal {
    fn usage(msg: impl Into<String>) -> Fatal {
        Fatal {
            msg: msg.into(),
            usage: true,
        }
    }
    pub(crate) fn input(msg: impl Into<String>) -> Fatal {
        Fatal {
            msg: msg.into(),
            usage: false,
        }
    }
}

impl From<depeche::Error> for Fatal {
    fn from(e: depeche::Error) -> Fatal {
        Fatal::input(e.0)
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    match run(&args) {
        Ok(code) => ExitCode::from(code),
        Err(f) => {
            note(&format!("depeche: {}", f.msg));
            if f.usage {
                note("Try 'depeche --help'.");
            }
            ExitCode::from(2)
        }
    }
}

/// A line on standard error; a closed stderr is no reason to panic.
pub(crate) fn note(msg: &str) {
    let _ = writeln!(io::stderr().lock(), "{msg}");
}

/// Prints the usage on standard output.
fn help() -> Result<u8, Fatal> {
    let mut out = io::stdout().lock();
    write_out(|| {
        out.write_all(usage().as_bytes())?;
        out.flush()
    })
}

fn run(args: &[String]) -> Result<u8, Fatal> {
    match args.first().map(String::as_str) {
        None => {
            let _ = io::stderr().lock().write_all(usage().as_bytes());
            Ok(2)
        }
        Some("-h" | "--help" | "help") => help(),
        Some("-V" | "--version") => {
            let mut out = io::stdout().lock();
            write_out(|| {
                writeln!(out, "depeche {}", env!("CARGO_PKG_VERSION"))?;
                out.flush()
            })
        }
        Some("annotate") => annotate_cmd(&parse_args(args.get(1..).unwrap_or(&[]))?),
        Some("eval") => eval_cmd(&parse_args(args.get(1..).unwrap_or(&[]))?),
        Some("packs") => packs_cmd(args.get(1..).unwrap_or(&[])),
        Some(other) => Err(Fatal::usage(format!("unknown command '{other}'"))),
    }
}

/// `depeche packs DIR`: writes each pack language's pack, the very bytes
/// this build embeds (`depeche::packs`), as DIR/<code>.pack.
fn packs_cmd(args: &[String]) -> Result<u8, Fatal> {
    let [dir] = args else {
        return Err(Fatal::usage(
            "packs: expected one argument, the folder to write to",
        ));
    };
    let dir = std::path::Path::new(dir);
    std::fs::create_dir_all(dir)
        .map_err(|e| Fatal::input(format!("packs: {}: {e}", dir.display())))?;
    for (code, bytes) in depeche::packs::builtin() {
        let path = dir.join(format!("{code}.pack"));
        std::fs::write(&path, bytes)
            .map_err(|e| Fatal::input(format!("packs: {}: {e}", path.display())))?;
    }
    Ok(0)
}

/// The parsed arguments of a command.
#[derive(Default)]
struct Args {
    files: Vec<String>,
    lang: Option<String>,
    dct: Option<String>,
    lexicon: Option<String>,
    kinds: Option<String>,
    all: Option<String>,
    seed: Option<String>,
    out: Option<String>,
    reports: Option<String>,
    jobs: Option<String>,
    half: Option<String>,
    jsonl: bool,
    json: bool,
    help: bool,
}

fn parse_args(args: &[String]) -> Result<Args, Fatal> {
    let mut a = Args::default();
    let mut it = args.iter();
    let mut only_files = false;
    while let Some(arg) = it.next() {
        if only_files || arg == "-" || !arg.starts_with('-') {
            a.files.push(arg.clone());
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (arg.as_str(), None),
        };
        let mut value = |slot: &mut Option<String>| -> Result<(), Fatal> {
            let v = match inline.clone() {
                Some(v) => v,
                None => it
                    .next()
                    .cloned()
                    .ok_or_else(|| Fatal::usage(format!("option {name} needs a value")))?,
            };
            *slot = Some(v);
            Ok(())
        };
        match name {
            "--" => only_files = true,
            "-h" | "--help" => a.help = true,
            "--lang" => value(&mut a.lang)?,
            "--dct" => value(&mut a.dct)?,
            "--lexicon" => value(&mut a.lexicon)?,
            "--kinds" => value(&mut a.kinds)?,
            "--all" => value(&mut a.all)?,
            "--seed" => value(&mut a.seed)?,
            "--out" => value(&mut a.out)?,
            "--reports" => value(&mut a.reports)?,
            "--jobs" => value(&mut a.jobs)?,
            "--half" => value(&mut a.half)?,
            "--jsonl" | "--json" if inline.is_some() => {
                return Err(Fatal::usage(format!("option {name} takes no value")))
            }
            "--jsonl" => a.jsonl = true,
            "--json" => a.json = true,
            _ => return Err(Fatal::usage(format!("unknown option '{arg}'"))),
        }
    }
    Ok(a)
}

/// The first option of `eval --all` given, if any.
fn eval_all_options(a: &Args) -> Option<&'static str> {
    [
        ("--all", &a.all),
        ("--seed", &a.seed),
        ("--out", &a.out),
        ("--reports", &a.reports),
    ]
    .into_iter()
    .find_map(|(name, v)| v.is_some().then_some(name))
}

/// The options shared by `annotate` and `eval`.
fn options(a: &Args) -> Result<Options, Fatal> {
    let lang = match a.lang.as_deref() {
        None | Some("auto") => None,
        Some(s) => Some(Lang::parse(s).ok_or_else(|| {
            Fatal::usage(format!(
                "bad --lang '{s}' (expected {})",
                depeche::locales::accepted_codes()
            ))
        })?),
    };
    let dct = match a.dct.as_deref() {
        None => None,
        Some(s) => Some(Date::parse(s).ok_or_else(|| {
            Fatal::usage(format!(
                "bad --dct '{s}' (expected a real date written YYYY-MM-DD, such as 2019-03-12)"
            ))
        })?),
    };
    let lexicon = match a.lexicon.as_deref() {
        None => None,
        Some(path) => {
            let text = read_text(path)?;
            Some(UserLexicon::from_json(&text).map_err(|e| Fatal::input(format!("{path}: {e}")))?)
        }
    };
    Ok(Options { lang, dct, lexicon })
}

fn read_bytes(path: &str) -> Result<Vec<u8>, Fatal> {
    let mut buf = Vec::new();
    let res = if path == "-" {
        io::stdin().lock().read_to_end(&mut buf).map(|_| ())
    } else {
        std::fs::read(path).map(|b| buf = b)
    };
    res.map_err(|e| {
        Fatal::input(format!(
            "cannot read {}: {}",
            display_name(path),
            io_msg(&e)
        ))
    })?;
    Ok(buf)
}

fn read_text(path: &str) -> Result<String, Fatal> {
    let mut bytes = read_bytes(path)?;
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    String::from_utf8(bytes).map_err(|e| {
        Fatal::input(format!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            display_name(path),
            e.utf8_error().valid_up_to()
        ))
    })
}

pub(crate) fn display_name(path: &str) -> String {
    if path == "-" {
        "standard input".into()
    } else {
        format!("'{path}'")
    }
}

pub(crate) fn io_msg(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn one_file(a: &Args) -> Result<&str, Fatal> {
    match a.files.as_slice() {
        [] => Ok("-"),
        [f] => Ok(f),
        _ => Err(Fatal::usage("annotate takes at most one FILE")),
    }
}

fn annotate_cmd(a: &Args) -> Result<u8, Fatal> {
    if a.help {
        return help();
    }
    if a.kinds.is_some() || a.json || eval_all_options(a).is_some() {
        return Err(Fatal::usage(
            "--kinds, --json, --all, --seed, --out and --reports are options of eval",
        ));
    }
    let path = one_file(a)?;
    let jobs = jobs(a)?;
    let opts = options(a)?;
    if a.jsonl {
        return jsonl::annotate(path, opts, jobs);
    }
    let text = read_text(path)?;
    let result = annotate(&text, &opts);
    let mut out = io::stdout().lock();
    write_out(|| {
        serde_json::to_writer(&mut out, &result)?;
        out.write_all(b"\n")?;
        out.flush()
    })
}

/// Reports output errors; a closed pipe (`| head`) ends the run quietly,
/// with [`BROKEN_PIPE`].
pub(crate) fn write_out(f: impl FnOnce() -> io::Result<()>) -> Result<u8, Fatal> {
    match f() {
        Ok(()) => Ok(0),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(BROKEN_PIPE),
        Err(e) => Err(Fatal::input(format!("cannot write the output: {e}"))),
    }
}

/// The number of threads of `--jobs` (default: every core); only `annotate
/// --jsonl` has many texts to share out.
fn jobs(a: &Args) -> Result<usize, Fatal> {
    match a.jobs.as_deref() {
        None => Ok(depeche_jobs::all_cores()),
        Some(_) if !a.jsonl => Err(Fatal::usage("--jobs goes with annotate --jsonl")),
        Some(s) => match s.parse::<usize>() {
            Ok(n) if n >= 1 => Ok(n),
            _ => Err(Fatal::usage(format!(
                "bad --jobs '{s}' (expected a number of threads, 1 or more)"
            ))),
        },
    }
}

fn eval_cmd(a: &Args) -> Result<u8, Fatal> {
    if a.help {
        return help();
    }
    if a.jsonl || a.jobs.is_some() {
        return Err(Fatal::usage("--jsonl and --jobs are options of annotate"));
    }
    if let Some(dir) = &a.all {
        return eval_all::run(a, dir);
    }
    if let Some(opt) = eval_all_options(a) {
        return Err(Fatal::usage(format!("{opt} goes with eval --all DIR")));
    }
    let (gold_path, pred_path) = match a.files.as_slice() {
        [g] => (g.as_str(), None),
        [g, p] => (g.as_str(), Some(p.as_str())),
        [] => return Err(Fatal::usage("eval needs a GOLD file")),
        _ => return Err(Fatal::usage("eval takes GOLD and at most one PRED file")),
    };
    let kinds = match a.kinds.as_deref() {
        Some(k) => eval::parse_kinds(k).map_err(|e| Fatal::usage(format!("--kinds: {e}")))?,
        None => vec![
            depeche::Kind::Actor,
            depeche::Kind::Place,
            depeche::Kind::Date,
        ],
    };
    let half = match a.half.as_deref() {
        None => None,
        Some("write") => Some(eval::halves::Half::Write),
        Some("check") => Some(eval::halves::Half::Check),
        Some(h) => {
            return Err(Fatal::usage(format!(
                "bad --half '{h}' (expected write or check)"
            )))
        }
    };
    let opts = options(a)?;
    let gold_text = read_text(gold_path)?;
    let mut gold = eval::load_gold(&gold_text)
        .map_err(|e| Fatal::input(format!("{}: {e}", display_name(gold_path))))?;
    // A gold file with coordinates is scored on its places' values too.
    let geo = eval::geo::load(&gold_text)
        .map_err(|e| Fatal::input(format!("{}: {e}", display_name(gold_path))))?;
    if let Some(h) = half {
        gold.retain(|d| eval::halves::half_of(&d.id) == h);
    }
    let preds = match pred_path {
        Some(p) => eval::load_predictions(&read_text(p)?)
            .map_err(|e| Fatal::input(format!("{}: {e}", display_name(p))))?,
        None => eval::annotate_gold(&gold, &opts)
            .map_err(|e| Fatal::input(format!("{}: {e}", display_name(gold_path))))?,
    };
    let scores = eval::score(&gold, &preds, &kinds);
    let geo = geo.map(|g| eval::geo::score(&g, &preds, half));
    let mut out = io::stdout().lock();
    write_out(|| {
        if a.json {
            match &geo {
                None => serde_json::to_writer(&mut out, &scores)?,
                Some(g) => {
                    let mut v = serde_json::to_value(&scores)?;
                    if let Some(m) = v.as_object_mut() {
                        m.insert("geo".into(), serde_json::to_value(g)?);
                    }
                    serde_json::to_writer(&mut out, &v)?;
                }
            }
            out.write_all(b"\n")?;
        } else {
            write!(out, "{scores}")?;
            if let Some(g) = &geo {
                write!(out, "{g}")?;
            }
        }
        out.flush()
    })
}
