//! Flattens any `Serialize` value into Tencent's dotted parameters (`Filters.0.Values.1`), the
//! form that GET queries and v1 form bodies carry.
//!
//! A hand-written serializer rather than a detour through `serde_json::Value`: it walks the
//! value once, keeps the current dotted name in one reused buffer, and allocates only the
//! output strings.

use std::fmt::Write as _;

use base64::Engine as _;
use serde::Serialize;
use serde::ser;

use self::compound::Compound;
use super::top_level::{Members, TopLevel};

use super::EncodeError;

mod compound;
mod key;

/// Turns `value` into `(name, value)` pairs in field order, as API 3.0 expects them in a query
/// string or a form body (protocol section 4).
///
/// - struct fields and string map keys become name segments joined by `.`; list elements use
///   their 0-based index: `Filters.0.Values.1`;
/// - integers are written in decimal, floats as the shortest text that reads back the same
///   number, booleans as `true`/`false`, bytes as standard base64, strings as they are (the
///   percent-encoding happens later, in [`to_query_string`](super::to_query_string));
/// - `None`, `()` and empty lists produce no pair at all;
/// - a unit enum variant is its (renamed) name; other variants nest under their name.
///
/// # Errors
/// If the top level is not a struct or a map (there would be no names), a float is NaN or
/// infinite, a map key is not text or is empty or contains a `.` (the dotted name would be
/// ambiguous), or the value's own `Serialize` impl fails. The error names the parameter.
///
/// ```
/// #[derive(serde::Serialize)]
/// #[serde(rename_all = "PascalCase")]
/// struct Filter { name: String, values: Vec<String> }
/// #[derive(serde::Serialize)]
/// #[serde(rename_all = "PascalCase")]
/// struct Describe { limit: u32, filters: Vec<Filter> }
///
/// let pairs = tencentcloud_core::encode::flatten(&Describe {
///     limit: 1,
///     filters: vec![Filter { name: "zone".into(), values: vec!["ap-guangzhou-3".into()] }],
/// })?;
/// assert_eq!(pairs, [
///     ("Limit".to_owned(), "1".to_owned()),
///     ("Filters.0.Name".to_owned(), "zone".to_owned()),
///     ("Filters.0.Values.0".to_owned(), "ap-guangzhou-3".to_owned()),
/// ]);
/// # Ok::<(), tencentcloud_core::encode::EncodeError>(())
/// ```
pub fn flatten<T: Serialize + ?Sized>(value: &T) -> Result<Vec<(String, String)>, EncodeError> {
    let mut flattener = Flattener {
        path: String::with_capacity(64),
        out: Vec::with_capacity(16),
    };
    value.serialize(TopLevel(&mut flattener))?;
    Ok(flattener.out)
}

/// The walk's state: the dotted name of the current position and the pairs so far.
struct Flattener {
    path: String,
    out: Vec<(String, String)>,
}

impl Flattener {
    /// Records `value` under the current name.
    fn emit(&mut self, value: String) {
        self.out.push((self.path.clone(), value));
    }

    /// Appends a name segment; returns the length to truncate back to.
    fn enter(&mut self, segment: &str) -> usize {
        let mark = self.path.len();
        if mark != 0 {
            self.path.push('.');
        }
        self.path.push_str(segment);
        mark
    }

    /// Appends a list index as a name segment.
    fn enter_index(&mut self, index: usize) -> usize {
        let mark = self.path.len();
        if mark != 0 {
            self.path.push('.');
        }
        push_decimal(&mut self.path, index as u64);
        mark
    }

    fn leave(&mut self, mark: usize) {
        self.path.truncate(mark);
    }
}

/// Writes `n` in decimal without going through `fmt`, which matters on the hot path.
fn push_decimal(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &digit in &digits[start..] {
        out.push(char::from(digit));
    }
}

fn decimal(n: u64, negative: bool) -> String {
    let mut text = String::with_capacity(21);
    if negative {
        text.push('-');
    }
    push_decimal(&mut text, n);
    text
}

/// Shortest round-trip text of a finite float; `Display` never uses an exponent, like Go's
/// `FormatFloat(f, 'f', -1, 64)` in the official SDK.
fn float_text(
    flattener: &Flattener,
    value: impl std::fmt::Display,
    finite: bool,
) -> Result<String, EncodeError> {
    if !finite {
        return Err(EncodeError::at(
            &flattener.path,
            "a float parameter must be a finite number, not NaN or infinity",
        ));
    }
    let mut text = String::new();
    // Writing to a `String` cannot fail.
    let _ = write!(text, "{value}");
    Ok(text)
}

impl<'a> Members for &'a mut Flattener {
    type Compound = Compound<'a>;

    fn open(self) -> Compound<'a> {
        Compound::new(self, None)
    }
}

/// Emits a scalar as its decimal text.
macro_rules! emit_unsigned {
    ($($method:ident($ty:ty);)*) => {
        $(fn $method(self, v: $ty) -> Result<(), EncodeError> {
            self.emit(decimal(u64::from(v), false));
            Ok(())
        })*
    };
}

macro_rules! emit_signed {
    ($($method:ident($ty:ty);)*) => {
        $(fn $method(self, v: $ty) -> Result<(), EncodeError> {
            self.emit(decimal(i64::from(v).unsigned_abs(), v < 0));
            Ok(())
        })*
    };
}

impl<'a> ser::Serializer for &'a mut Flattener {
    type Ok = ();
    type Error = EncodeError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    emit_unsigned! {
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
    }

    emit_signed! {
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
    }

    fn serialize_i128(self, v: i128) -> Result<(), EncodeError> {
        self.emit(v.to_string());
        Ok(())
    }

    fn serialize_u128(self, v: u128) -> Result<(), EncodeError> {
        self.emit(v.to_string());
        Ok(())
    }

    fn serialize_bool(self, v: bool) -> Result<(), EncodeError> {
        self.emit(if v { "true" } else { "false" }.to_owned());
        Ok(())
    }

    fn serialize_f32(self, v: f32) -> Result<(), EncodeError> {
        let text = float_text(self, v, v.is_finite())?;
        self.emit(text);
        Ok(())
    }

    fn serialize_f64(self, v: f64) -> Result<(), EncodeError> {
        let text = float_text(self, v, v.is_finite())?;
        self.emit(text);
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<(), EncodeError> {
        self.emit(v.to_string());
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), EncodeError> {
        self.emit(v.to_owned());
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), EncodeError> {
        self.emit(base64::engine::general_purpose::STANDARD.encode(v));
        Ok(())
    }

    /// An absent optional parameter is simply not sent.
    fn serialize_none(self) -> Result<(), EncodeError> {
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), EncodeError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), EncodeError> {
        Ok(())
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<(), EncodeError> {
        Ok(())
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), EncodeError> {
        self.emit(variant.to_owned());
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), EncodeError> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), EncodeError> {
        let mark = self.enter(variant);
        value
            .serialize(&mut *self)
            .map_err(|error| error.or_at(&self.path))?;
        self.leave(mark);
        Ok(())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, EncodeError> {
        Ok(Compound::new(self, None))
    }

    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>, EncodeError> {
        Ok(Compound::new(self, None))
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, EncodeError> {
        Ok(Compound::new(self, None))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, EncodeError> {
        let mark = self.enter(variant);
        Ok(Compound::new(self, Some(mark)))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, EncodeError> {
        Ok(Compound::new(self, None))
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, EncodeError> {
        Ok(Compound::new(self, None))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, EncodeError> {
        let mark = self.enter(variant);
        Ok(Compound::new(self, Some(mark)))
    }
}
