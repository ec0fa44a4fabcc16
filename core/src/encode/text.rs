//! A serde `Deserializer` over one parameter's text: numbers and booleans are parsed from it,
//! and every error names the parameter. Used for values and map keys of
//! [`from_pairs`](super::from_pairs).

use std::str::FromStr;

use base64::Engine as _;
use serde::de::{self, Visitor};

use super::error::quote;
use super::{DecodeError, DecodeErrorKind};

/// The text of the parameter named `path`.
#[derive(Clone, Copy)]
pub(crate) struct Text<'de> {
    pub(crate) text: &'de str,
    pub(crate) path: &'de str,
}

impl Text<'_> {
    /// The error for text that does not read as `expected`.
    fn mismatch(self, expected: String) -> DecodeError {
        DecodeError::at(DecodeErrorKind::InvalidValue, self.path, expected).found(quote(self.text))
    }

    /// The error for a list or object asked of a single value.
    fn not_nested(self, expected: &str) -> DecodeError {
        DecodeError::at(
            DecodeErrorKind::InvalidValue,
            self.path,
            format!("expected {expected}, found a single value"),
        )
    }

    fn parse<T: FromStr>(self, expected: impl FnOnce() -> String) -> Result<T, DecodeError> {
        self.text.parse().map_err(|_| self.mismatch(expected()))
    }

    fn float<T: FromStr + Into<f64> + Copy>(self) -> Result<T, DecodeError> {
        let value: T = self.parse(|| "expected a number".to_owned())?;
        if value.into().is_finite() {
            Ok(value)
        } else {
            Err(self.mismatch("expected a finite number".to_owned()))
        }
    }
}

/// Describes the integers a type holds, for messages: `an unsigned integer`, or with its range
/// when that is narrower than 64 bits.
macro_rules! expected_integer {
    (u64) => {
        "expected an unsigned integer".to_owned()
    };
    (i64) => {
        "expected an integer".to_owned()
    };
    (u128) => {
        "expected an unsigned integer".to_owned()
    };
    (i128) => {
        "expected an integer".to_owned()
    };
    ($ty:ident) => {
        format!("expected an integer from {} to {}", $ty::MIN, $ty::MAX)
    };
}

macro_rules! parse_integer {
    ($($method:ident => $visit:ident($ty:ident);)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
            let value: $ty = self.parse(|| expected_integer!($ty))?;
            visitor.$visit(value).map_err(|error: DecodeError| error.locate(self.path))
        })*
    };
}

impl<'de> de::Deserializer<'de> for Text<'de> {
    type Error = DecodeError;

    /// Without a target type the text stays text: the wire does not say what it is.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor
            .visit_borrowed_str(self.text)
            .map_err(|error: DecodeError| error.locate(self.path))
    }

    parse_integer! {
        deserialize_u8 => visit_u8(u8);
        deserialize_u16 => visit_u16(u16);
        deserialize_u32 => visit_u32(u32);
        deserialize_u64 => visit_u64(u64);
        deserialize_u128 => visit_u128(u128);
        deserialize_i8 => visit_i8(i8);
        deserialize_i16 => visit_i16(i16);
        deserialize_i32 => visit_i32(i32);
        deserialize_i64 => visit_i64(i64);
        deserialize_i128 => visit_i128(i128);
    }

    /// `true`/`false` as written by this crate and the Go SDK; `True`/`False` too, because the
    /// Python SDK writes booleans with `str()`.
    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let value = match self.text {
            "true" | "True" => true,
            "false" | "False" => false,
            _ => return Err(self.mismatch("expected `true` or `false`".to_owned())),
        };
        visitor
            .visit_bool(value)
            .map_err(|error: DecodeError| error.locate(self.path))
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let value: f32 = self.float()?;
        visitor
            .visit_f32(value)
            .map_err(|error: DecodeError| error.locate(self.path))
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let value: f64 = self.float()?;
        visitor
            .visit_f64(value)
            .map_err(|error: DecodeError| error.locate(self.path))
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let mut chars = self.text.chars();
        match (chars.next(), chars.next()) {
            (Some(value), None) => visitor
                .visit_char(value)
                .map_err(|error: DecodeError| error.locate(self.path)),
            _ => Err(self.mismatch("expected a single character".to_owned())),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_any(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_any(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_any(visitor)
    }

    /// Bytes travel as standard base64, which is how [`flatten`](super::flatten) writes them.
    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(self.text)
            .map_err(|_| self.mismatch("expected base64 text".to_owned()))?;
        visitor
            .visit_byte_buf(bytes)
            .map_err(|error: DecodeError| error.locate(self.path))
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.deserialize_bytes(visitor)
    }

    /// A parameter that is present is `Some`; absent ones never reach a deserializer.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor
            .visit_some(self)
            .map_err(|error: DecodeError| error.locate(self.path))
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        if self.text.is_empty() {
            visitor
                .visit_unit()
                .map_err(|error: DecodeError| error.locate(self.path))
        } else {
            Err(self.mismatch("expected an empty value".to_owned()))
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        visitor
            .visit_newtype_struct(self)
            .map_err(|error: DecodeError| error.locate(self.path))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, _: V) -> Result<V::Value, DecodeError> {
        Err(self.not_nested("a list (`Name.0`, `Name.1`, ...)"))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, DecodeError> {
        Err(self.not_nested("a list (`Name.0`, `Name.1`, ...)"))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        _: V,
    ) -> Result<V::Value, DecodeError> {
        Err(self.not_nested("a list (`Name.0`, `Name.1`, ...)"))
    }

    fn deserialize_map<V: Visitor<'de>>(self, _: V) -> Result<V::Value, DecodeError> {
        Err(self.not_nested("nested parameters (`Name.Field`)"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, DecodeError> {
        Err(self.not_nested("nested parameters (`Name.Field`)"))
    }

    /// A unit variant, by its (renamed) name.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        let variant = de::value::StrDeserializer::<DecodeError>::new(self.text);
        visitor
            .visit_enum(variant)
            .map_err(|error: DecodeError| error.locate(self.path))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor
            .visit_unit()
            .map_err(|error: DecodeError| error.locate(self.path))
    }
}
