//! The map-key half of [`flatten`](super::flatten): writes a map key as one segment of a dotted
//! parameter name, refusing keys that would make the name ambiguous.

use serde::Serialize;
use serde::ser::{self, Impossible};

use crate::encode::EncodeError;

/// Appends a map key to the dotted name. The name already ends with the `.` separator (unless
/// the map is the top level); `mark` is where the map's own name ends, for error messages.
pub(super) struct KeyWriter<'a> {
    path: &'a mut String,
    mark: usize,
}

impl<'a> KeyWriter<'a> {
    pub(super) fn new(path: &'a mut String, mark: usize) -> Self {
        Self { path, mark }
    }

    fn error(&self, message: String) -> EncodeError {
        EncodeError::at(self.path.get(..self.mark).unwrap_or_default(), message)
    }

    fn reject(self, what: &str) -> Result<(), EncodeError> {
        Err(self.error(format!(
            "map keys must be text to become parameter names, found {what}"
        )))
    }

    /// A key becomes one name segment, so it must be non-empty and free of `.`, or the
    /// server would read a different structure back.
    fn write(self, key: &str) -> Result<(), EncodeError> {
        if key.is_empty() {
            return Err(
                self.error("a map key is empty, which cannot be a parameter name".to_owned())
            );
        }
        if key.contains('.') {
            return Err(self.error(format!(
                "map key `{key}` contains a `.`, which would split it into two parameter names"
            )));
        }
        self.path.push_str(key);
        Ok(())
    }
}

/// Rejects keys of every shape that is not text.
macro_rules! reject_key {
    ($($method:ident($($arg:ty),*) => $what:literal;)*) => {
        $(fn $method(self, $(_: $arg),*) -> Result<(), EncodeError> {
            self.reject($what)
        })*
    };
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = EncodeError;
    type SerializeSeq = Impossible<(), EncodeError>;
    type SerializeTuple = Impossible<(), EncodeError>;
    type SerializeTupleStruct = Impossible<(), EncodeError>;
    type SerializeTupleVariant = Impossible<(), EncodeError>;
    type SerializeMap = Impossible<(), EncodeError>;
    type SerializeStruct = Impossible<(), EncodeError>;
    type SerializeStructVariant = Impossible<(), EncodeError>;

    reject_key! {
        serialize_bool(bool) => "a boolean";
        serialize_i8(i8) => "an integer";
        serialize_i16(i16) => "an integer";
        serialize_i32(i32) => "an integer";
        serialize_i64(i64) => "an integer";
        serialize_u8(u8) => "an integer";
        serialize_u16(u16) => "an integer";
        serialize_u32(u32) => "an integer";
        serialize_u64(u64) => "an integer";
        serialize_f32(f32) => "a float";
        serialize_f64(f64) => "a float";
        serialize_bytes(&[u8]) => "bytes";
        serialize_none() => "`None`";
        serialize_unit() => "`()`";
        serialize_unit_struct(&'static str) => "a unit struct";
    }

    fn serialize_char(self, v: char) -> Result<(), EncodeError> {
        self.write(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<(), EncodeError> {
        self.write(v)
    }

    /// An enum used as a key (`HashMap<Kind, _>`) is named by its variant.
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), EncodeError> {
        self.write(variant)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), EncodeError> {
        value.serialize(self)
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
        _: &'static str,
        _: &T,
    ) -> Result<(), EncodeError> {
        self.reject("an enum with data")
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, EncodeError> {
        Err(self.error("map keys must be text to become parameter names, found a list".to_owned()))
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, EncodeError> {
        Err(self.error("map keys must be text to become parameter names, found a tuple".to_owned()))
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, EncodeError> {
        Err(self.error("map keys must be text to become parameter names, found a tuple".to_owned()))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, EncodeError> {
        Err(self.error("map keys must be text to become parameter names, found an enum".to_owned()))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, EncodeError> {
        Err(self.error("map keys must be text to become parameter names, found a map".to_owned()))
    }

    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, EncodeError> {
        Err(self
            .error("map keys must be text to become parameter names, found a struct".to_owned()))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, EncodeError> {
        Err(self.error("map keys must be text to become parameter names, found an enum".to_owned()))
    }
}
