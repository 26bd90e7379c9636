//! One output line of `annotate --jsonl`, written by hand: the spans are
//! most of the output, and serde's way (each key escaped, each field through
//! the serializer's state machine) cost more than the text's annotation's
//! last steps. The bytes are serde_json's for the same line (FORMAT.md, "A
//! result": `{"id", "spans", "lang", "dct", "dateline"}`): the small and
//! rare parts (id, numbers with a fraction, the dateline, any string that
//! needs an escape) still go through serde_json, and the tests compare
//! with it.

use depeche::{ActorValue, Annotated, PlaceValue, Span, Value};
use serde_json::Value as Json;

/// Appends the output line (without its newline) of `r` for the record `id`.
pub(crate) fn line(out: &mut Vec<u8>, id: &Json, r: &Annotated) -> serde_json::Result<()> {
    out.extend_from_slice(b"{\"id\":");
    serde_json::to_writer(&mut *out, id)?;
    out.extend_from_slice(b",\"spans\":[");
    for (i, s) in r.spans.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        span(out, s)?;
    }
    out.extend_from_slice(b"],\"lang\":");
    string(out, r.lang.as_str())?;
    out.extend_from_slice(b",\"dct\":");
    match r.dct {
        Some(d) => string(out, &d.to_string())?,
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"dateline\":");
    serde_json::to_writer(&mut *out, &r.dateline)?;
    out.push(b'}');
    Ok(())
}

fn span(out: &mut Vec<u8>, s: &Span) -> serde_json::Result<()> {
    out.extend_from_slice(b"{\"start\":");
    number(out, s.start);
    out.extend_from_slice(b",\"end\":");
    number(out, s.end);
    out.extend_from_slice(b",\"kind\":\"");
    out.extend_from_slice(s.kind.as_str().as_bytes());
    out.extend_from_slice(b"\",\"text\":");
    string(out, &s.text)?;
    if let Some(v) = &s.value {
        out.extend_from_slice(b",\"value\":");
        value(out, v)?;
    }
    if let Some(source) = &s.source {
        out.extend_from_slice(b",\"source\":");
        string(out, source)?;
    }
    out.push(b'}');
    Ok(())
}

fn value(out: &mut Vec<u8>, v: &Value) -> serde_json::Result<()> {
    match v {
        Value::Date(d) => string(out, d),
        Value::Actor(ActorValue {
            canonical,
            actor_type,
        }) => {
            out.extend_from_slice(b"{\"canonical\":");
            string(out, canonical)?;
            if let Some(t) = actor_type {
                out.extend_from_slice(b",\"type\":\"");
                out.extend_from_slice(t.as_str().as_bytes());
                out.push(b'"');
            }
            out.push(b'}');
            Ok(())
        }
        Value::Place(PlaceValue {
            country,
            lat,
            lon,
            reference,
        }) => {
            let mut sep = b'{';
            if let Some(c) = country {
                out.extend_from_slice(&[sep, b'"']);
                out.extend_from_slice(b"country\":");
                string(out, c)?;
                sep = b',';
            }
            for (key, x) in [(&b"lat\":"[..], lat), (&b"lon\":"[..], lon)] {
                if let Some(x) = x {
                    out.extend_from_slice(&[sep, b'"']);
                    out.extend_from_slice(key);
                    serde_json::to_writer(&mut *out, x)?;
                    sep = b',';
                }
            }
            if let Some(r) = reference {
                out.extend_from_slice(&[sep, b'"']);
                out.extend_from_slice(b"ref\":");
                string(out, r)?;
                sep = b',';
            }
            if sep == b'{' {
                out.push(b'{');
            }
            out.push(b'}');
            Ok(())
        }
    }
}

/// A JSON string: as is between quotes when nothing in it needs an escape
/// (almost always), else serde_json's escapes.
fn string(out: &mut Vec<u8>, s: &str) -> serde_json::Result<()> {
    if needs_escape(s.as_bytes()) {
        return serde_json::to_writer(&mut *out, s);
    }
    out.reserve(s.len() + 2);
    out.push(b'"');
    out.extend_from_slice(s.as_bytes());
    out.push(b'"');
    Ok(())
}

/// Whether a byte is a control character, `"` or a backslash (what JSON escapes),
/// eight bytes at a time.
fn needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Some byte of `v` is zero / below 0x20: exact tests, not just likely.
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH != 0;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        if v.wrapping_sub(ONES * 0x20) & !v & HIGH != 0
            || zero(v ^ (ONES * u64::from(b'"')))
            || zero(v ^ (ONES * u64::from(b'\\')))
        {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|&b| b < 0x20 || b == b'"' || b == b'\\')
}

/// A non-negative integer in decimal, two digits at a time.
fn number(out: &mut Vec<u8>, mut n: usize) {
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    while n >= 100 {
        let p = 2 * (n % 100);
        n /= 100;
        i -= 2;
        digits[i..i + 2].copy_from_slice(&PAIRS[p..p + 2]);
    }
    if n >= 10 {
        i -= 2;
        digits[i..i + 2].copy_from_slice(&PAIRS[2 * n..2 * n + 2]);
    } else {
        i -= 1;
        digits[i] = b'0' + n as u8;
    }
    out.extend_from_slice(&digits[i..]);
}

#[cfg(test)]
mod tests {
    use depeche::{annotate, Options};
    use serde::Serialize;

    #[derive(Serialize)]
    struct Serde<'a> {
        id: &'a serde_json::Value,
        spans: &'a [depeche::Span],
        lang: depeche::Lang,
        dct: Option<String>,
        dateline: &'a Option<depeche::Dateline>,
    }

    #[test]
    fn the_same_bytes_as_serde_json() {
        let texts = [
            "BEYROUTH, 3 nov 2017 (AFP) - L'armée syrienne a repris vendredi Deir Ezzor.",
            "WASHINGTON, Jan 5 (Reuters) - President \"Joe\" Biden met\tNATO\u{1} chiefs in Paris and Georgia on Tuesday.\\",
            "Talks resumed in Tbilisi, the capital of Georgia, on Monday. 😀 Ankara",
            "",
        ];
        for (n, t) in texts.iter().enumerate() {
            for dct in [None, depeche::Date::parse("2019-03-12")] {
                let opts = Options {
                    dct,
                    ..Options::default()
                };
                let r = annotate(t, &opts);
                let id = serde_json::json!({ "n": n, "x": "a\"b" });
                let want = serde_json::to_vec(&Serde {
                    id: &id,
                    spans: &r.spans,
                    lang: r.lang,
                    dct: r.dct.map(|d| d.to_string()),
                    dateline: &r.dateline,
                })
                .unwrap();
                let mut got = Vec::new();
                super::line(&mut got, &id, &r).unwrap();
                assert_eq!(
                    String::from_utf8(got).unwrap(),
                    String::from_utf8(want).unwrap()
                );
            }
        }
    }

    #[test]
    fn numbers_as_serde_json_writes_them() {
        let mut got = Vec::new();
        for n in (0..100_000).chain([usize::MAX, usize::MAX / 7, 1 << 40]) {
            got.clear();
            super::number(&mut got, n);
            assert_eq!(got, serde_json::to_vec(&n).unwrap());
        }
    }

    #[test]
    fn escapes_are_found_at_every_position() {
        for len in 0..20 {
            for at in 0..len {
                for b in (0u8..0x80).chain([0xc3, 0xa9, 0xff]) {
                    let mut v = vec![b'a'; len];
                    v[at] = b;
                    let want = b < 0x20 || b == b'"' || b == b'\\';
                    assert_eq!(super::needs_escape(&v), want, "{v:?}");
                }
            }
        }
    }

    #[test]
    fn values_of_every_shape() {
        use depeche::{ActorType, ActorValue, Kind, PlaceValue, Span, Value};
        let span = |value| Span {
            start: 0,
            end: 12_345_678_901,
            kind: Kind::Place,
            text: "x\ny".into(),
            value,
            source: None,
        };
        let spans = vec![
            span(None),
            span(Some(Value::Place(PlaceValue::default()))),
            span(Some(Value::Place(PlaceValue {
                country: None,
                lat: Some(-0.5),
                lon: Some(f64::NAN),
                reference: Some("r".into()),
            }))),
            span(Some(Value::Place(PlaceValue {
                country: Some("FR".into()),
                lat: None,
                lon: Some(1e300),
                reference: None,
            }))),
            span(Some(Value::Actor(ActorValue {
                canonical: "A".into(),
                actor_type: Some(ActorType::ArmedGroup),
            }))),
            span(Some(Value::Actor(ActorValue {
                canonical: "B".into(),
                actor_type: None,
            }))),
            span(Some(Value::Date("XXXX".into()))),
        ];
        let mut got = Vec::new();
        for s in &spans {
            got.clear();
            super::span(&mut got, s).unwrap();
            assert_eq!(got, serde_json::to_vec(s).unwrap());
        }
    }
}
