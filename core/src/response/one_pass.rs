//! The usual answer decoded in one pass over the body.
//!
//! The plain way to read an answer parses it three times: once to find `Response`, once for
//! the keys every answer may carry (`Error`, `RequestId`, `DeprecatedWarning`), once for the
//! action's own type. Here the action's type is deserialized straight from the body while those
//! keys are noted on the way past.
//!
//! This path only ever answers for a clean success. Anything else (an `Error` key, a duplicate
//! key, a value that does not fit) makes it step aside, and the caller decodes the body the plain
//! way, which produces the precise result or error. So both ways agree by construction: this one
//! is a shortcut for the common case, never a second opinion.
//!
//! Only the parts that read the action's type are generic: generic code is compiled again in
//! each crate that decodes an action (an application, for the actions it calls), so what does
//! not depend on the type (the common keys' values) is kept out of it and compiled once here.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{BorrowedStrDeserializer, MapAccessDeserializer, StringDeserializer};
use serde::de::{self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

use super::{Decoded, deprecation_text};

/// Decodes a successful answer, or `None` when the body needs the plain, precise decoder.
pub(super) fn decode<R: DeserializeOwned>(body: &[u8]) -> Option<Decoded<R>> {
    // The plain decoder checks the whole `Response` text is UTF-8 (it borrows it as one raw
    // value); values the type skips would escape that check here, so check the body first.
    let text = std::str::from_utf8(body).ok()?;
    let mut reader = serde_json::Deserializer::from_str(text);
    let (value, noted) = reader
        .deserialize_map(EnvelopeVisitor(PhantomData::<R>))
        .ok()??;
    reader.end().ok()?;
    let (request_id, deprecated_warning) = noted.common_values()?;
    Some(Decoded {
        value,
        request_id,
        deprecated_warning,
    })
}

/// What was seen of the common keys while the action's type was read.
#[derive(Default)]
struct Noted<'de> {
    error: bool,
    repeated: bool,
    request_id: Option<&'de RawValue>,
    deprecated_warning: Option<&'de RawValue>,
}

impl Noted<'_> {
    /// `RequestId` and `DeprecatedWarning` as [`Decoded`] holds them, or `None` when the answer
    /// is not a clean success or holds something only the plain decoder reads exactly. Not
    /// generic, so compiled once.
    fn common_values(self) -> Option<(Option<String>, Option<String>)> {
        if self.error || self.repeated {
            return None;
        }
        let request_id = match self.request_id {
            Some(raw) => match plain_string(raw) {
                Some(text) => Some(text.to_owned()),
                None => serde_json::from_str::<Option<String>>(raw.get()).ok()?,
            },
            None => None,
        };
        // Only a plain string or null: anything else (an object, deep nesting) is rare enough
        // to leave to the plain decoder, whose nesting limit differs by one level.
        let deprecated_warning = match self.deprecated_warning {
            Some(raw) if raw.get() == "null" => None,
            Some(raw) => deprecation_text(serde_json::Value::String(plain_string(raw)?.to_owned())),
            None => None,
        };
        Some((request_id, deprecated_warning))
    }
}

/// The outer object: finds `Response` and decodes it; `None` when it is missing or repeated.
struct EnvelopeVisitor<R>(PhantomData<R>);

impl<'de, R: DeserializeOwned> Visitor<'de> for EnvelopeVisitor<R> {
    type Value = Option<(R, Noted<'de>)>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object with a `Response` object")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
        let mut found = None;
        let mut repeated = false;
        while let Some(key) = map.next_key::<KeyText<'de>>()? {
            if key.0 == "Response" {
                repeated |= found.is_some();
                found = Some(map.next_value_seed(ResponseSeed(PhantomData::<R>))?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(if repeated { None } else { found })
    }
}

/// The `Response` object, read as the action's type through [`Watch`].
struct ResponseSeed<R>(PhantomData<R>);

impl<'de, R: DeserializeOwned> DeserializeSeed<'de> for ResponseSeed<R> {
    type Value = (R, Noted<'de>);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(ResponseVisitor(PhantomData::<R>))
    }
}

struct ResponseVisitor<R>(PhantomData<R>);

impl<'de, R: DeserializeOwned> Visitor<'de> for ResponseVisitor<R> {
    type Value = (R, Noted<'de>);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the `Response` object")
    }

    fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Self::Value, M::Error> {
        let mut noted = Noted::default();
        let value = R::deserialize(MapAccessDeserializer::new(Watch {
            map,
            noted: &mut noted,
            pending: Common::None,
        }))?;
        Ok((value, noted))
    }
}

/// Which common key the value about to be read belongs to.
#[derive(Clone, Copy)]
enum Common {
    None,
    Error,
    RequestId,
    DeprecatedWarning,
}

/// The `Response` object's entries as the action's type reads them, with the common keys
/// noted: `RequestId` and `DeprecatedWarning` are kept as raw text and then handed to the
/// type too (it may declare them), `Error` only sets a flag.
struct Watch<'n, 'de, M> {
    map: M,
    noted: &'n mut Noted<'de>,
    pending: Common,
}

impl<'de, M: MapAccess<'de>> MapAccess<'de> for Watch<'_, 'de, M> {
    type Error = M::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, M::Error> {
        let Some(key) = self.map.next_key::<KeyText<'de>>()? else {
            return Ok(None);
        };
        self.pending = match key.0.as_ref() {
            "Error" => Common::Error,
            "RequestId" => Common::RequestId,
            "DeprecatedWarning" => Common::DeprecatedWarning,
            _ => Common::None,
        };
        match key.0 {
            Cow::Borrowed(text) => seed.deserialize(BorrowedStrDeserializer::new(text)),
            Cow::Owned(text) => seed.deserialize(StringDeserializer::new(text)),
        }
        .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, M::Error> {
        let slot = match std::mem::replace(&mut self.pending, Common::None) {
            Common::None => return self.map.next_value_seed(seed),
            Common::Error => {
                self.noted.error = true;
                return self.map.next_value_seed(seed);
            }
            Common::RequestId => &mut self.noted.request_id,
            Common::DeprecatedWarning => &mut self.noted.deprecated_warning,
        };
        let raw: &'de RawValue = self.map.next_value()?;
        self.noted.repeated |= slot.replace(raw).is_some();
        let mut reader = serde_json::Deserializer::from_str(raw.get());
        seed.deserialize(&mut reader).map_err(de::Error::custom)
    }
}

/// The text of a JSON string without escapes (a request id always is one), read without a
/// parser; `None` for anything else.
fn plain_string(raw: &RawValue) -> Option<&str> {
    let text = raw.get().strip_prefix('"')?.strip_suffix('"')?;
    (!text.contains(['"', '\\'])).then_some(text)
}

/// An object key as text, borrowed from the body unless it holds escapes.
struct KeyText<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for KeyText<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = KeyText<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Self::Value, E> {
        Ok(KeyText(Cow::Borrowed(text)))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(KeyText(Cow::Owned(text.to_owned())))
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;
    use crate::response;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Sent {
        #[serde(rename = "MessageId")]
        message_id: String,
        #[serde(rename = "RequestId", default)]
        request_id: Option<String>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Listed {
        #[serde(rename = "Total", default)]
        total: Option<u32>,
    }

    /// Every body the shortcut accepts must decode the same the plain way; and the ordinary
    /// successes must take the shortcut (otherwise it is dead weight).
    #[test]
    fn the_shortcut_agrees_with_the_plain_decoder_or_steps_aside() {
        let cases: &[(&str, bool)] = &[
            (r#"{"Response":{"MessageId":"m","RequestId":"r"}}"#, true),
            (r#"{"Response":{"RequestId":"r","MessageId":"m"}}"#, true),
            (r#"{"Response":{"MessageId":"m"}}"#, true),
            (
                r#"{"Other":1,"Response":{"MessageId":"m","Extra":[1,{"a":2}]}}"#,
                true,
            ),
            (r#"{"Response":{"MessageId":"m","RequestId":null}}"#, true),
            (
                r#"{"Response":{"MessageId":"m","DeprecatedWarning":"old"}}"#,
                true,
            ),
            (
                r#"{"Response":{"MessageId":"m","DeprecatedWarning":{"a":1}}}"#,
                false,
            ),
            (
                r#"{"Response":{"MessageId":"m","DeprecatedWarning":null}}"#,
                true,
            ),
            (
                r#"{"Response":{"MessageId":"m","DeprecatedWarning":""}}"#,
                true,
            ),
            (
                r#"{"Response":{"MessageId":"m\u00e9","Request\u0049d":"r"}}"#,
                true,
            ),
            (
                r#"{"Response":{"MessageId":"m","RequestId":"r\"q\u0041"}}"#,
                true,
            ),
            (
                r#"{"Response":{"MessageId":"m", "RequestId" : "r" }}"#,
                true,
            ),
            (r#"{"Response":{"MessageId":"m","Error":null}}"#, false),
            (
                r#"{"Response":{"Error":{"Code":"X","Message":"y"},"RequestId":"r"}}"#,
                false,
            ),
            (
                r#"{"Response":{"MessageId":"m","\u0045rror":{"Code":"X"}}}"#,
                false,
            ),
            (
                r#"{"Response":{"MessageId":"m","RequestId":"a","RequestId":"b"}}"#,
                false,
            ),
            (
                r#"{"Response":{"MessageId":"m"},"Response":{"MessageId":"n"}}"#,
                false,
            ),
            (r#"{"Response":{"MessageId":"m","RequestId":7}}"#, false),
            (r#"{"Response":{"MessageId":5}}"#, false),
            (r#"{"Response":{"MessageId":"m"}} trailing"#, false),
            (r#"{"Response":[]}"#, false),
            (r"{}", false),
        ];
        for &(body, shortcut) in cases {
            let fast = decode::<Sent>(body.as_bytes());
            assert_eq!(fast.is_some(), shortcut, "{body}");
            if let Some(fast) = fast {
                let plain = response::decode_plainly::<Sent>(200, body.as_bytes()).unwrap();
                assert_eq!(fast.value, plain.value, "{body}");
                assert_eq!(fast.request_id, plain.request_id, "{body}");
                assert_eq!(fast.deprecated_warning, plain.deprecated_warning, "{body}");
            }
        }
        // Invalid UTF-8 in a value the type skips: the plain decoder refuses it, so must this.
        let invalid = b"{\"Response\":{\"MessageId\":\"m\",\"Junk\":\"\xff\"}}";
        assert!(decode::<Sent>(invalid).is_none());
        assert!(response::decode_plainly::<Sent>(200, invalid).is_err());
        let listed = decode::<Listed>(br#"{"Response":{"RequestId":"r"}}"#).unwrap();
        assert_eq!(listed.value, Listed { total: None });
        assert_eq!(listed.request_id.as_deref(), Some("r"));
    }
}
