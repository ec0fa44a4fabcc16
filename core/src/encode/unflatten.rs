//! The inverse of [`flatten`](super::flatten), for servers: dotted parameters back into any
//! `Deserialize` type, numbers and booleans parsed from their text.

use serde::de::{self, DeserializeOwned, DeserializeSeed, Visitor};

use super::text::Text;
use super::tree::{self, Kind, Mode, Node};
use super::{DecodeError, DecodeErrorKind, parse_query};

/// Reads dotted parameters (`Template.TemplateID=100`, `Destination.0=a@example.com`) into `T`.
///
/// The names are first arranged into a tree (objects by name, lists by index), then `T` reads
/// it: a number or boolean field parses the text, an `Option` is `Some` when the parameter is
/// present, a `Vec` reads `Name.0`, `Name.1`, ... Absent parameters are whatever serde makes of
/// a missing field: `None` for an `Option`, an error otherwise. An empty list sends nothing at
/// all, so a `Vec` that may be empty needs `#[serde(default)]` to read back.
///
/// Types that ask serde for "anything" (`serde_json::Value`, untagged enums, `#[serde(flatten)]`)
/// receive text, lists and maps: the wire does not say which text was a number.
///
/// # Errors
/// Names that do not form one tree (see [`to_json_value`]), a required parameter that is
/// absent, or a value that does not parse as its field's type. The error names the parameter:
/// ``parameter `Template.TemplateID`: expected an unsigned integer, found "abc"``.
///
/// ```
/// #[derive(serde::Deserialize, Debug, PartialEq)]
/// #[serde(rename_all = "PascalCase")]
/// struct Template { #[serde(rename = "TemplateID")] template_id: u64 }
/// #[derive(serde::Deserialize, Debug, PartialEq)]
/// #[serde(rename_all = "PascalCase")]
/// struct Send { destination: Vec<String>, template: Option<Template> }
///
/// let pairs = [
///     ("Destination.0".to_owned(), "a@example.com".to_owned()),
///     ("Template.TemplateID".to_owned(), "100".to_owned()),
/// ];
/// let send: Send = tencentcloud_core::encode::from_pairs(&pairs)?;
/// assert_eq!(send.template, Some(Template { template_id: 100 }));
/// # Ok::<(), tencentcloud_core::encode::DecodeError>(())
/// ```
pub fn from_pairs<T: DeserializeOwned>(pairs: &[(String, String)]) -> Result<T, DecodeError> {
    let root = tree::build(pairs, Mode::Strict)?;
    T::deserialize(&root)
}

/// [`parse_query`] then [`from_pairs`]: a GET query or form body straight into `T`.
///
/// # Errors
/// As [`parse_query`] and [`from_pairs`].
pub fn from_query<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, DecodeError> {
    from_pairs(&parse_query(bytes)?)
}

/// Arranges dotted parameters into a JSON object, every value a string: `A.0=x&B.C=1` gives
/// `{"A": ["x"], "B": {"C": "1"}}`. A server can check it against an action's declared
/// parameters before decoding.
///
/// This view never fails: a parameter that does not fit the others (see
/// [`try_to_json_value`]) is left out, and digit-named members that are not exactly `0..n`
/// stay an object keyed by index. Decode with [`from_pairs`] to have such mistakes reported.
pub fn to_json_value(pairs: &[(String, String)]) -> serde_json::Value {
    tree::build(pairs, Mode::Lenient).map_or_else(
        |_| serde_json::Value::Object(serde_json::Map::new()),
        |root| root.to_json(),
    )
}

/// As [`to_json_value`], but every parameter must fit.
///
/// # Errors
/// A name with an empty segment or nested more than 32 levels, a name given twice, a name given
/// both a value and nested parameters (`A=1` with `A.B=2`), or list indices that do not run
/// from 0 without gaps (`A.0` with `A.2`) or have a leading zero (`A.01`).
pub fn try_to_json_value(pairs: &[(String, String)]) -> Result<serde_json::Value, DecodeError> {
    Ok(tree::build(pairs, Mode::Strict)?.to_json())
}

impl<'de> Node<'de> {
    fn text(&self) -> Option<Text<'de>> {
        match self.kind {
            Kind::Value(text) => Some(Text {
                text,
                path: self.path,
            }),
            _ => None,
        }
    }

    /// The error for a value of the wrong shape: a list where an object was wanted, say.
    fn shape_error(&self, expected: &str) -> DecodeError {
        let found = match self.kind {
            Kind::Value(_) => "a single value",
            Kind::Object(_) => "nested parameters",
            Kind::List(_) => "a list",
        };
        DecodeError::at(
            DecodeErrorKind::InvalidValue,
            self.path,
            format!("expected {expected}"),
        )
        .found(found.to_owned())
    }
}

/// Scalars are only found at values; a list or object in their place is a shape error.
macro_rules! scalar {
    ($($method:ident => $expected:literal;)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
            match self.text() {
                Some(text) => text.$method(visitor),
                None => Err(self.shape_error($expected)),
            }
        })*
    };
}

impl<'de> de::Deserializer<'de> for &'de Node<'de> {
    type Error = DecodeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let result = match &self.kind {
            Kind::Value(text) => {
                return Text {
                    text,
                    path: self.path,
                }
                .deserialize_any(visitor);
            }
            Kind::Object(children) => visitor.visit_map(ObjectAccess {
                children: children.values(),
                pending: None,
            }),
            Kind::List(children) => visitor.visit_seq(ListAccess {
                children: children.iter(),
            }),
        };
        result.map_err(|error: DecodeError| error.locate(self.path))
    }

    scalar! {
        deserialize_bool => "`true` or `false`";
        deserialize_i8 => "an integer";
        deserialize_i16 => "an integer";
        deserialize_i32 => "an integer";
        deserialize_i64 => "an integer";
        deserialize_i128 => "an integer";
        deserialize_u8 => "an unsigned integer";
        deserialize_u16 => "an unsigned integer";
        deserialize_u32 => "an unsigned integer";
        deserialize_u64 => "an unsigned integer";
        deserialize_u128 => "an unsigned integer";
        deserialize_f32 => "a number";
        deserialize_f64 => "a number";
        deserialize_char => "a single character";
        deserialize_str => "text";
        deserialize_string => "text";
        deserialize_identifier => "a name";
        deserialize_bytes => "base64 text";
        deserialize_byte_buf => "base64 text";
        deserialize_unit => "an empty value";
    }

    /// Present means `Some`: absent parameters never reach a deserializer.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor
            .visit_some(self)
            .map_err(|error: DecodeError| error.locate(self.path))
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        de::Deserializer::deserialize_unit(self, visitor)
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

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let Kind::List(children) = &self.kind else {
            return Err(self.shape_error("a list (`Name.0`, `Name.1`, ...)"));
        };
        visitor
            .visit_seq(ListAccess {
                children: children.iter(),
            })
            .map_err(|error: DecodeError| error.locate(self.path))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_seq(visitor)
    }

    /// A map reads an object by name, or a list by index (`{"0": ..}`), since a map whose keys
    /// are all digits cannot be told from a list on the wire.
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        let result = match &self.kind {
            Kind::Object(children) => visitor.visit_map(ObjectAccess {
                children: children.values(),
                pending: None,
            }),
            Kind::List(children) => visitor.visit_map(ObjectAccess {
                children: children.iter(),
                pending: None,
            }),
            Kind::Value(_) => return Err(self.shape_error("nested parameters (`Name.Field`)")),
        };
        result.map_err(|error: DecodeError| error.locate(self.path))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        self.deserialize_map(visitor)
    }

    /// A unit variant is a value naming it; a variant with data is an object with one member,
    /// the variant's name.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        match &self.kind {
            Kind::Value(text) => Text {
                text,
                path: self.path,
            }
            .deserialize_enum(name, variants, visitor),
            Kind::Object(children) if children.len() == 1 => {
                let Some(variant) = children.values().next() else {
                    return Err(self.shape_error("one variant"));
                };
                visitor
                    .visit_enum(VariantAccess { node: variant })
                    .map_err(|error: DecodeError| error.locate(self.path))
            }
            _ => {
                Err(self.shape_error("a variant name, or nested parameters under one variant name"))
            }
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_unit()
    }
}

/// Walks the children of an object (or of a list read as a map); each key is the last segment
/// of the child's name, so keys borrow from the parameters too.
struct ObjectAccess<'de, I> {
    children: I,
    pending: Option<&'de Node<'de>>,
}

impl<'de, I: Iterator<Item = &'de Node<'de>>> de::MapAccess<'de> for ObjectAccess<'de, I> {
    type Error = DecodeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DecodeError> {
        let Some(child) = self.children.next() else {
            return Ok(None);
        };
        self.pending = Some(child);
        let key = Text {
            text: child.segment(),
            path: child.path,
        };
        seed.deserialize(key)
            .map(Some)
            .map_err(|error: DecodeError| error.locate(child.path))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, DecodeError> {
        match self.pending.take() {
            Some(child) => seed
                .deserialize(child)
                .map_err(|error: DecodeError| error.locate(child.path)),
            None => Err(DecodeError::new(
                DecodeErrorKind::InvalidValue,
                "a map value was asked for before its key",
            )),
        }
    }
}

/// Walks the elements of a list in index order.
struct ListAccess<I> {
    children: I,
}

impl<'de, I: Iterator<Item = &'de Node<'de>> + ExactSizeIterator> de::SeqAccess<'de>
    for ListAccess<I>
{
    type Error = DecodeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DecodeError> {
        match self.children.next() {
            Some(child) => seed
                .deserialize(child)
                .map(Some)
                .map_err(|error: DecodeError| error.locate(child.path)),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.children.len())
    }
}

/// The one member of an object read as an enum: its name is the variant.
struct VariantAccess<'de> {
    node: &'de Node<'de>,
}

impl<'de> de::EnumAccess<'de> for VariantAccess<'de> {
    type Error = DecodeError;
    type Variant = Self;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self), DecodeError> {
        let name = Text {
            text: self.node.segment(),
            path: self.node.path,
        };
        let value = seed
            .deserialize(name)
            .map_err(|error: DecodeError| error.locate(self.node.path))?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for VariantAccess<'de> {
    type Error = DecodeError;

    fn unit_variant(self) -> Result<(), DecodeError> {
        de::Deserializer::deserialize_unit(self.node, de::IgnoredAny).map(|_| ())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, DecodeError> {
        seed.deserialize(self.node)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, DecodeError> {
        de::Deserializer::deserialize_seq(self.node, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        de::Deserializer::deserialize_map(self.node, visitor)
    }
}
