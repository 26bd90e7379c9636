//! The properties every result of `annotate` must have, whatever the text and
//! the options (FORMAT.md, "A span" and "A result"), as one function shared
//! by the property tests (tests/properties.rs) and the fuzz target
//! (fuzz/fuzz_targets/annotate.rs), so that both check the same things.
//!
//! A folder with a `mod.rs` rather than a file under tests/, so that Cargo
//! does not build it as a test of its own.

use depeche::dates::timex;
use depeche::{Annotated, Date, Kind, Options, Value};

fn ensure(ok: bool, msg: impl FnOnce() -> String) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(msg())
    }
}

/// Checks one result of `annotate(text, options)`; `Err` says which property
/// failed: the language and date given are the ones used; spans non-empty,
/// in bounds, sorted, never overlapping, on whole characters, their `text`
/// exactly the code points they cover, values matching their kind, sources
/// non-empty; every date value (span or dateline) a valid TIMEX3 value with
/// a real calendar day; the dateline in bounds; the result serialisable.
pub fn check(text: &str, options: &Options, result: &Annotated) -> Result<(), String> {
    let n = text.chars().count();
    if let Some(lang) = options.lang {
        ensure(result.lang == lang, || {
            format!(
                "the language given ({lang:?}) is not the one used ({:?})",
                result.lang
            )
        })?;
    }
    if let Some(dct) = options.dct {
        ensure(result.dct == Some(dct), || {
            format!(
                "the date given ({dct}) is not the one used ({:?})",
                result.dct
            )
        })?;
    }
    let mut prev_end = 0;
    for (i, span) in result.spans.iter().enumerate() {
        ensure(span.start < span.end && span.end <= n, || {
            format!(
                "span {i} out of bounds or empty: {}..{} in {n} chars",
                span.start, span.end
            )
        })?;
        ensure(span.start >= prev_end, || {
            format!(
                "span {i} at {} overlaps or precedes the previous one ending at {prev_end}",
                span.start
            )
        })?;
        prev_end = span.end;
        match (&span.kind, &span.value) {
            (_, None)
            | (Kind::Date, Some(Value::Date(_)))
            | (Kind::Place, Some(Value::Place(_)))
            | (Kind::Actor, Some(Value::Actor(_))) => {}
            (kind, Some(value)) => {
                return Err(format!("span {i}: a {kind:?} with value {value:?}"))
            }
        }
        if let Some(Value::Date(v)) = &span.value {
            check_date_value(v).map_err(|e| format!("span {i}: {e}"))?;
        }
        if let Some(source) = &span.source {
            ensure(!source.is_empty(), || {
                format!("span {i} has an empty source")
            })?;
        }
    }

    // `span.text` is `text.chars().skip(start).take(end - start)`: checked in
    // one forward walk, since spans are sorted (quadratic otherwise on 10 MB).
    let mut walk = Walk::new(text);
    for (i, span) in result.spans.iter().enumerate() {
        let s = walk.byte_at(span.start);
        let e = walk.byte_at(span.end);
        ensure(text.get(s..e) == Some(span.text.as_str()), || {
            format!(
                "span {i} text {:?} differs from the code points {}..{}",
                span.text, span.start, span.end
            )
        })?;
    }

    if let Some(d) = &result.dateline {
        ensure(d.start <= d.end && d.end <= n, || {
            format!(
                "dateline out of bounds: {}..{} in {n} chars",
                d.start, d.end
            )
        })?;
        if let Some(v) = &d.date {
            check_date_value(v).map_err(|e| format!("dateline: {e}"))?;
        }
    }
    if let Some(dct) = result.dct {
        ensure(Date::parse(&dct.to_string()) == Some(dct), || {
            format!("the reference date {dct} is not a real day")
        })?;
    }
    ensure(serde_json::to_string(result).is_ok(), || {
        "the result does not serialise to JSON".into()
    })
}

/// A date value is valid TIMEX3 (the library's checker), and, checked
/// independently here, a value that starts with a full date names a day
/// that exists and has a four-digit year.
pub fn check_date_value(v: &str) -> Result<(), String> {
    if !timex::is_valid(v) {
        return Err(format!("date value {v:?} is not a valid TIMEX3 value"));
    }
    let head = v.split('T').next().unwrap_or(v);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = head.split('-').collect();
    if parts.first().is_some_and(|y| digits(y) && y.len() > 4) {
        return Err(format!("date value {v:?} has a year past 9999"));
    }
    if let [y, m, d] = parts.as_slice() {
        if digits(y) && digits(m) && digits(d) && Date::parse(head).is_none() {
            return Err(format!("date value {v:?} is not a day of the calendar"));
        }
        if *y == "XXXX" && digits(m) && digits(d) && Date::parse(&format!("2000-{m}-{d}")).is_none()
        {
            return Err(format!("date value {v:?} is a day no year has"));
        }
    }
    Ok(())
}

/// Code point offset → byte offset, for increasing offsets.
struct Walk<'a> {
    chars: std::str::Chars<'a>,
    char_pos: usize,
    byte_pos: usize,
}

impl<'a> Walk<'a> {
    fn new(text: &'a str) -> Walk<'a> {
        Walk {
            chars: text.chars(),
            char_pos: 0,
            byte_pos: 0,
        }
    }

    fn byte_at(&mut self, char_offset: usize) -> usize {
        while self.char_pos < char_offset {
            match self.chars.next() {
                Some(c) => {
                    self.byte_pos += c.len_utf8();
                    self.char_pos += 1;
                }
                None => break,
            }
        }
        self.byte_pos
    }
}
