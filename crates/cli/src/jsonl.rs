//! `depeche annotate --jsonl`: JSON Lines in, one result line per input line
//! out, in input order, on `--jobs` threads.
//!
//! Lines are read into a [`Chunk`] and annotated together; the chunk is run
//! and written when it is full (a bounded number of lines and bytes, so any
//! batch runs in bounded memory) and whenever input is not immediately
//! available, so a program driving the command line through a pipe gets each
//! answer before it sends the next line. On one thread a chunk is one line:
//! the command line then works exactly as it did before `--jobs`. Failed
//! records keep their place in the output, and their note on standard error
//! is written in input order too.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Read, Write};

use depeche::{annotate as annotate_text, Date, Lang, Options};
use serde::Serialize;
use serde_json::Value as Json;

use crate::jsonl_in::{Fields, Text};
use crate::{display_name, io_msg, note, write_out, Fatal, BOM};

/// At most this many bytes of input lines in a chunk (one line may be longer).
const CHUNK_BYTES: usize = 4 << 20;

/// At most this many bytes of emptied line buffers kept for reuse.
const SPARE_BYTES: usize = 1 << 20;

/// At most this many lines in a chunk.
const CHUNK_LINES: usize = 4096;

/// Lines read and not yet annotated, with the number of the first one.
struct Chunk {
    lines: Vec<Vec<u8>>,
    bytes: usize,
    first_lineno: usize,
    max_lines: usize,
    /// Buffers of lines already run, emptied, for the next lines: one line
    /// is not read into a new vector grown a few bytes at a time. At most
    /// [`SPARE_BYTES`] of them in all: a big line's buffer is not kept.
    spare: Vec<Vec<u8>>,
    spare_bytes: usize,
}

impl Chunk {
    fn is_full(&self) -> bool {
        self.lines.len() >= self.max_lines || self.bytes >= CHUNK_BYTES
    }
}

/// One annotated line: its output (without the newline) and, for a record
/// that failed, the note for standard error.
struct Done {
    json: io::Result<Vec<u8>>,
    note: Option<String>,
}

/// Annotates the JSON Lines of `path` (`-`: standard input) with `opts`, a
/// record's own `lang` and `dct` overriding `opts`'s, on `jobs` threads.
/// Exit code: 0, 1 when some record failed, or [`crate::BROKEN_PIPE`].
pub(crate) fn annotate(path: &str, opts: Options, jobs: usize) -> Result<u8, Fatal> {
    let read_error = |e: io::Error| {
        Fatal::input(format!(
            "cannot read {}: {}",
            display_name(path),
            io_msg(&e)
        ))
    };
    let input: Box<dyn Read> = if path == "-" {
        Box::new(io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(path).map_err(read_error)?)
    };
    let jobs = jobs.max(1);
    // Several threads want a chunk per read of a file, not 64 KB of it; a pipe
    // still hands over what it holds, so line-by-line driving is unchanged.
    let capacity = if jobs > 1 { CHUNK_BYTES } else { 1 << 16 };
    let mut reader = BufReader::with_capacity(capacity, input);
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let defaults = (opts.lang, opts.dct);
    // One copy of the options (and the lexicon in them) per thread, for the whole run.
    let mut states = vec![opts; jobs];
    let mut chunk = Chunk {
        lines: Vec::new(),
        bytes: 0,
        first_lineno: 1,
        max_lines: if jobs > 1 { CHUNK_LINES } else { 1 },
        spare: Vec::new(),
        spare_bytes: 0,
    };
    let mut failed = false;
    loop {
        if reader.buffer().is_empty() {
            // About to block on input: finish what was read, and let a
            // driving program see it.
            let res = run(
                &mut chunk,
                &mut states,
                defaults,
                path,
                &mut out,
                &mut failed,
            )
            .and_then(|()| out.flush());
            if let Err(e) = res {
                return write_out(|| Err(e));
            }
        }
        let mut line = chunk.spare.pop().unwrap_or_default();
        chunk.spare_bytes -= line.capacity();
        if reader.read_until(b'\n', &mut line).map_err(read_error)? == 0 {
            break;
        }
        chunk.bytes += line.len();
        chunk.lines.push(line);
        if chunk.is_full() {
            if let Err(e) = run(
                &mut chunk,
                &mut states,
                defaults,
                path,
                &mut out,
                &mut failed,
            ) {
                return write_out(|| Err(e));
            }
        }
    }
    let res = run(
        &mut chunk,
        &mut states,
        defaults,
        path,
        &mut out,
        &mut failed,
    )
    .and_then(|()| out.flush());
    match write_out(|| res)? {
        0 => Ok(u8::from(failed)),
        code => Ok(code),
    }
}

/// Annotates the chunk's lines on one thread per state, writes their results
/// in order, and empties the chunk.
fn run(
    chunk: &mut Chunk,
    states: &mut [Options],
    defaults: (Option<Lang>, Option<Date>),
    path: &str,
    out: &mut impl Write,
    failed: &mut bool,
) -> io::Result<()> {
    if chunk.lines.is_empty() {
        return Ok(());
    }
    let first = chunk.first_lineno;
    let numbered: Vec<(usize, &[u8])> = chunk
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| (first + i, l.as_slice()))
        .collect();
    let done = depeche_jobs::map_ordered(&numbered, states, |opts, &(lineno, line)| {
        one_line(line, lineno, path, opts, defaults)
    });
    chunk.first_lineno += chunk.lines.len();
    for mut line in chunk.lines.drain(..) {
        if chunk.spare_bytes + line.capacity() <= SPARE_BYTES {
            line.clear();
            chunk.spare_bytes += line.capacity();
            chunk.spare.push(line);
        }
    }
    chunk.bytes = 0;
    for d in done {
        if let Some(msg) = d.note {
            *failed = true;
            note(&msg);
        }
        out.write_all(&d.json?)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The output line of a record that could not be annotated.
#[derive(Serialize)]
struct LineError<'a> {
    id: &'a Json,
    error: String,
}

/// Reads and annotates one input line (number `lineno`, its end of line
/// included) with `opts`, whose `lang` and `dct` it sets from the record or
/// `defaults`.
fn one_line(
    raw: &[u8],
    lineno: usize,
    path: &str,
    opts: &mut Options,
    (lang, dct): (Option<Lang>, Option<Date>),
) -> Done {
    let line = trim_line_end(raw);
    let line = line.strip_prefix(BOM).unwrap_or(line);
    match record(line) {
        Ok((id, text, rec_lang, rec_dct)) => {
            opts.lang = rec_lang.unwrap_or(lang);
            opts.dct = rec_dct.unwrap_or(dct);
            let r = annotate_text(&text, opts);
            // Sized for the usual output (about three bytes per byte of
            // text) so that the line is not copied as it grows.
            let mut json = Vec::with_capacity(text.len() * 4 + 256);
            Done {
                json: crate::jsonl_out::line(&mut json, &id, &r)
                    .map(|()| json)
                    .map_err(io::Error::from),
                note: None,
            }
        }
        Err((id, msg)) => {
            let note = format!("depeche: {}: line {lineno}: {msg}", display_name(path));
            let error = format!("line {lineno}: {msg}");
            Done {
                json: serde_json::to_vec(&LineError { id: &id, error }).map_err(io::Error::from),
                note: Some(note),
            }
        }
    }
}

fn trim_line_end(mut b: &[u8]) -> &[u8] {
    while let [rest @ .., b'\n' | b'\r'] = b {
        b = rest;
    }
    b
}

/// A record's id, text, and its own lang and dct (`Some(None)`: "auto" or
/// null, detect or use none; `None`: not given, use the command line's).
type Record<'a> = (
    Json,
    Cow<'a, str>,
    Option<Option<Lang>>,
    Option<Option<Date>>,
);

/// Reads one JSON Lines record; on failure, the id when it can be found.
/// A blank line is a failed record too: one output line per input line.
fn record(line: &[u8]) -> Result<Record<'_>, (Json, String)> {
    if line.iter().all(u8::is_ascii_whitespace) {
        return Err((
            Json::Null,
            "blank line (expected a JSON object {\"id\", \"text\"})".into(),
        ));
    }
    let text = match std::str::from_utf8(line) {
        Ok(t) => t,
        Err(e) => {
            // The id may still be readable in the rest of the line.
            let lossy = String::from_utf8_lossy(line);
            let id = serde_json::from_str::<HashMap<String, Json>>(&lossy)
                .ok()
                .and_then(|mut m| m.remove("id"))
                .unwrap_or(Json::Null);
            return Err((
                id,
                format!("not UTF-8 (invalid byte at offset {})", e.valid_up_to()),
            ));
        }
    };
    let f = match crate::jsonl_in::fields(text) {
        Some(f) => f,
        None => match serde_json::from_str::<Json>(text) {
            Ok(Json::Object(mut m)) => Fields {
                id: m.remove("id"),
                text: m.remove("text").map(|t| match t {
                    Json::String(s) => Text::Str(Cow::Owned(s)),
                    _ => Text::Other,
                }),
                lang: m.remove("lang"),
                dct: m.remove("dct"),
            },
            Ok(_) => return Err((Json::Null, "not a JSON object".into())),
            Err(e) => return Err((Json::Null, format!("not JSON: {e}"))),
        },
    };
    let id = f.id.unwrap_or(Json::Null);
    let body = match f.text {
        Some(Text::Str(s)) => s,
        None => return Err((id, "no \"text\"".into())),
        Some(Text::Other) => return Err((id, "\"text\" is not a string".into())),
    };
    let lang = match &f.lang {
        None => None,
        Some(Json::Null) => Some(None),
        Some(Json::String(s)) if s == "auto" => Some(None),
        Some(v) => match v.as_str().and_then(Lang::parse) {
            Some(l) => Some(Some(l)),
            None => {
                return Err((
                    id,
                    format!(
                        "bad \"lang\" {v} (expected {})",
                        depeche::locales::accepted_codes()
                    ),
                ))
            }
        },
    };
    let dct = match &f.dct {
        None => None,
        Some(Json::Null) => Some(None),
        Some(v) => match v.as_str().and_then(Date::parse) {
            Some(d) => Some(Some(d)),
            None => return Err((id, format!("bad \"dct\" {v} (expected \"YYYY-MM-DD\")"))),
        },
    };
    Ok((id, body, lang, dct))
}
