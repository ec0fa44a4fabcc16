//! The gate every parameter encoder shares: the value handed to it must have named members (a
//! struct or a map), because each member becomes one named parameter or part.

use serde::Serialize;
use serde::ser::{self, Impossible};

use super::EncodeError;

/// An encoder that takes the members of the top-level struct or map.
pub(super) trait Members {
    /// Receives the members one by one.
    type Compound: ser::SerializeStruct<Ok = (), Error = EncodeError>
        + ser::SerializeMap<Ok = (), Error = EncodeError>;

    /// Starts on the members.
    fn open(self) -> Self::Compound;
}

/// Serializes the top level into `M`, refusing values without named members.
pub(super) struct TopLevel<M>(pub(super) M);

fn reject(what: &str) -> EncodeError {
    EncodeError::whole(format!(
        "the parameters must be a struct or a map, found {what}"
    ))
}

/// Rejects a shape that has no member names.
macro_rules! reject {
    ($($method:ident($($arg:ty),*) => $what:literal;)*) => {
        $(fn $method(self, $(_: $arg),*) -> Result<(), EncodeError> {
            Err(reject($what))
        })*
    };
}

impl<M: Members> ser::Serializer for TopLevel<M> {
    type Ok = ();
    type Error = EncodeError;
    type SerializeSeq = Impossible<(), EncodeError>;
    type SerializeTuple = Impossible<(), EncodeError>;
    type SerializeTupleStruct = Impossible<(), EncodeError>;
    type SerializeTupleVariant = Impossible<(), EncodeError>;
    type SerializeMap = M::Compound;
    type SerializeStruct = M::Compound;
    type SerializeStructVariant = Impossible<(), EncodeError>;

    reject! {
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
        serialize_char(char) => "a character";
        serialize_str(&str) => "a string";
        serialize_bytes(&[u8]) => "bytes";
        serialize_none() => "`None`";
        serialize_unit() => "`()`";
        serialize_unit_variant(&'static str, u32, &'static str) => "an enum";
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), EncodeError> {
        Err(reject("an `Option`"))
    }

    /// A struct without fields is an action without parameters, which is fine.
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), EncodeError> {
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
        _: &'static str,
        _: &T,
    ) -> Result<(), EncodeError> {
        Err(reject("an enum"))
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, EncodeError> {
        Err(reject("a list"))
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, EncodeError> {
        Err(reject("a tuple"))
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, EncodeError> {
        Err(reject("a tuple struct"))
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, EncodeError> {
        Err(reject("an enum"))
    }

    fn serialize_map(self, _: Option<usize>) -> Result<M::Compound, EncodeError> {
        Ok(self.0.open())
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<M::Compound, EncodeError> {
        Ok(self.0.open())
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, EncodeError> {
        Err(reject("an enum"))
    }
}
