//! The four fields of a JSON Lines record (`id`, `text`, `lang`, `dct`),
//! read without building the record as a JSON object first (a map of
//! owned keys and values, only to take four of them out), the text
//! borrowed from the line when it has no escape.
//!
//! Only for well-formed objects: whatever this reader does not accept, the
//! caller reads as a JSON value, which gives the messages of bad records.
//! Every field, known or not, is read as a JSON value would be (same
//! validation: a number out of range fails here too), and a repeated field
//! keeps its last value, as in a JSON object.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value as Json;

/// A record's `text`: a string, or some other JSON value.
pub(crate) enum Text<'a> {
    Str(Cow<'a, str>),
    Other,
}

/// The fields a record gives, `None` for those it does not.
#[derive(Default)]
pub(crate) struct Fields<'a> {
    pub(crate) id: Option<Json>,
    pub(crate) text: Option<Text<'a>>,
    pub(crate) lang: Option<Json>,
    pub(crate) dct: Option<Json>,
}

/// The fields of `line`, a JSON object; `None` when it is not one (or
/// not valid JSON).
pub(crate) fn fields(line: &str) -> Option<Fields<'_>> {
    serde_json::from_str(line).ok()
}

impl<'de> Deserialize<'de> for Fields<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Fields<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields<'de>, A::Error> {
                let mut out = Fields::default();
                // A key with an escape is not borrowed: refused, and read
                // as a JSON value.
                while let Some(key) = map.next_key::<&'de str>()? {
                    match key {
                        "id" => out.id = Some(map.next_value()?),
                        "text" => out.text = Some(map.next_value()?),
                        "lang" => out.lang = Some(map.next_value()?),
                        "dct" => out.dct = Some(map.next_value()?),
                        _ => {
                            map.next_value::<Json>()?;
                        }
                    }
                }
                Ok(out)
            }
        }
        d.deserialize_map(V)
    }
}

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Text<'de>, E> {
                Ok(Text::Str(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Text<'de>, E> {
                Ok(Text::Str(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Text<'de>, E> {
                Ok(Text::Str(Cow::Owned(s)))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Text<'de>, E> {
                Ok(Text::Other)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Text<'de>, E> {
                Ok(Text::Other)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Text<'de>, E> {
                Ok(Text::Other)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Text<'de>, E> {
                Ok(Text::Other)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Text<'de>, E> {
                Ok(Text::Other)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Text<'de>, A::Error> {
                while seq.next_element::<Json>()?.is_some() {}
                Ok(Text::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text<'de>, A::Error> {
                while map.next_entry::<String, Json>()?.is_some() {}
                Ok(Text::Other)
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::{fields, Text};

    fn text<'a>(f: &'a super::Fields) -> Option<&'a str> {
        match &f.text {
            Some(Text::Str(s)) => Some(s),
            _ => None,
        }
    }

    #[test]
    fn fields_as_a_json_object_gives_them() {
        let f = fields(r#" {"id": [1, {"a": 2}], "x": {"y": [null]}, "text": "a\nb", "lang": null, "text": "c"} "#).unwrap();
        assert_eq!(f.id, Some(serde_json::json!([1, {"a": 2}])));
        assert_eq!(text(&f), Some("c"), "the last one");
        assert_eq!(f.lang, Some(serde_json::Value::Null));
        assert!(f.dct.is_none());
        let f = fields(r#"{"text": "a\nb"}"#).unwrap();
        assert_eq!(text(&f), Some("a\nb"));
        assert!(f.id.is_none());
        assert!(fields(r#"{"te\u0078t": "a"}"#).is_none(), "an escaped key");
        for other in ["1", "-2", "1.5", "true", "null", "[1, [2]]", r#"{"a": {}}"#] {
            let line = format!(r#"{{"text": {other}}}"#);
            let f = fields(&line).unwrap();
            assert!(matches!(f.text, Some(Text::Other)), "{other}");
        }
    }

    #[test]
    fn what_a_json_value_refuses_is_refused() {
        for line in [
            "",
            "[1, 2]",
            r#""text""#,
            r#"{"text": "a", "n": 1e400}"#,
            r#"{"text": 1e400}"#,
            r#"{"text": "a"} x"#,
            r#"{"text": "\ud800"}"#,
            r#"{"text": "a",}"#,
        ] {
            assert!(fields(line).is_none(), "{line}");
            assert!(
                !matches!(
                    serde_json::from_str::<serde_json::Value>(line),
                    Ok(serde_json::Value::Object(_))
                ),
                "{line}"
            );
        }
    }
}
