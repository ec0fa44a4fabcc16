//! Reads a TC3 JSON body into a `serde_json::Value`, refusing an object that names one key
//! twice.
//!
//! `serde_json` keeps the last of repeated keys without a word, so `{"Limit": 200, "Limit":
//! 10}` would pass as `Limit` 10 while anything reading the first value sees 200. Form bodies,
//! query strings and multipart bodies already refuse a repeated parameter; this makes JSON
//! bodies agree.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// Parses `body` as JSON, failing on a repeated key at any depth with a message that names it.
pub(crate) fn parse_without_repeated_keys(body: &[u8]) -> Result<Value, serde_json::Error> {
    let mut reader = serde_json::Deserializer::from_slice(body);
    let value = Strict.deserialize(&mut reader)?;
    reader.end()?;
    Ok(value)
}

/// A `Value` seed whose objects refuse repeated keys.
#[derive(Clone, Copy)]
struct Strict;

impl<'de> DeserializeSeed<'de> for Strict {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        // JSON text cannot spell NaN or infinity, so this only fails for numbers serde_json
        // already refused; `null` keeps the shape `serde_json::Value` would give.
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(self)?;
            if object.contains_key(&key) {
                return Err(de::Error::custom(format_args!(
                    "the parameter `{}` is given more than once",
                    crate::redact::shown(&key)
                )));
            }
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_key_is_refused_at_any_depth() {
        for body in [
            r#"{"Limit": 200, "Limit": 10}"#,
            r#"{"Template": {"TemplateID": 1, "TemplateID": 2}}"#,
            r#"{"Datas": [{"Email": "a@example.org", "Email": "b@example.org"}]}"#,
        ] {
            let error = parse_without_repeated_keys(body.as_bytes()).unwrap_err();
            assert!(
                error.to_string().contains("is given more than once"),
                "{body}: {error}"
            );
        }
    }

    #[test]
    fn anything_else_reads_as_serde_json_reads_it() {
        for body in [
            r#"{"Limit": 10, "Offset": 0, "Nested": {"Limit": 1}, "List": [{"A": 1}, {"A": 2}]}"#,
            r#"{"Big": 18446744073709551615, "Negative": -3, "Float": 1.5, "Null": null}"#,
            r#"{"Text": "\u00e9\ud83d\ude00", "Flag": true, "Empty": [], "Object": {}}"#,
            r#"[1, "two", null]"#,
        ] {
            let ours = parse_without_repeated_keys(body.as_bytes()).unwrap();
            let theirs: Value = serde_json::from_str(body).unwrap();
            assert_eq!(ours, theirs, "{body}");
        }
        for broken in [r#"{"A": 1"#, r#"{"A": 1} trailing"#, "", r#"{"A": NaN}"#] {
            assert!(
                parse_without_repeated_keys(broken.as_bytes()).is_err(),
                "{broken}"
            );
        }
    }
}
