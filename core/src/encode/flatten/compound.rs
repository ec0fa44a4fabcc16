//! The lists, structs and maps of [`flatten`](super::flatten): each member appends its name
//! segment (field name, map key or list index), is walked, and the segment is cut again.

use serde::Serialize;
use serde::ser;

use super::Flattener;
use super::key::KeyWriter;
use crate::encode::EncodeError;

/// One list, struct or map being walked.
pub(super) struct Compound<'a> {
    flattener: &'a mut Flattener,
    /// The next list index.
    index: usize,
    /// Where the name stood before the current map key was appended.
    key_mark: Option<usize>,
    /// Where to cut the name when done, for enum variants that added their own segment.
    end_mark: Option<usize>,
}

impl<'a> Compound<'a> {
    pub(super) fn new(flattener: &'a mut Flattener, end_mark: Option<usize>) -> Self {
        Self {
            flattener,
            index: 0,
            key_mark: None,
            end_mark,
        }
    }

    /// Walks one named member.
    fn field<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<(), EncodeError> {
        let mark = self.flattener.enter(name);
        value
            .serialize(&mut *self.flattener)
            .map_err(|error| error.or_at(&self.flattener.path))?;
        self.flattener.leave(mark);
        Ok(())
    }

    /// Walks the next list element.
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), EncodeError> {
        let mark = self.flattener.enter_index(self.index);
        value
            .serialize(&mut *self.flattener)
            .map_err(|error| error.or_at(&self.flattener.path))?;
        self.flattener.leave(mark);
        self.index += 1;
        Ok(())
    }

    /// Cuts the segment an enum variant added, if any.
    fn finish(self) {
        if let Some(mark) = self.end_mark {
            self.flattener.leave(mark);
        }
    }
}

/// The list-like shapes all number their elements.
macro_rules! list_like {
    ($($trait:ident::$method:ident;)*) => {
        $(impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = EncodeError;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), EncodeError> {
                self.element(value)
            }

            fn end(self) -> Result<(), EncodeError> {
                self.finish();
                Ok(())
            }
        })*
    };
}

list_like! {
    SerializeSeq::serialize_element;
    SerializeTuple::serialize_element;
    SerializeTupleStruct::serialize_field;
    SerializeTupleVariant::serialize_field;
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = EncodeError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), EncodeError> {
        self.field(key, value)
    }

    fn end(self) -> Result<(), EncodeError> {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = EncodeError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), EncodeError> {
        self.field(key, value)
    }

    fn end(self) -> Result<(), EncodeError> {
        self.finish();
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = EncodeError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), EncodeError> {
        let path = &mut self.flattener.path;
        let mark = path.len();
        if mark != 0 {
            path.push('.');
        }
        key.serialize(KeyWriter::new(path, mark))?;
        self.key_mark = Some(mark);
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), EncodeError> {
        let Some(mark) = self.key_mark.take() else {
            return Err(EncodeError::at(
                &self.flattener.path,
                "a map value was given before its key",
            ));
        };
        value
            .serialize(&mut *self.flattener)
            .map_err(|error| error.or_at(&self.flattener.path))?;
        self.flattener.leave(mark);
        Ok(())
    }

    fn end(self) -> Result<(), EncodeError> {
        self.finish();
        Ok(())
    }
}
