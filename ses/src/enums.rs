//! The fixed value sets of SES 2020-10-02 as Rust enums that keep values they do not know.
//!
//! Tencent adds values to these sets over time (the unsubscribe languages grew from two to
//! thirteen), so every enum has a catch-all variant holding the raw wire value: a response with
//! a new value still decodes, and re-encodes to exactly what was received. Integer sets travel
//! as JSON numbers, text sets as JSON strings, as `spec/ses.md` §6 and §8 describe.
//!
//! Equality and hashing compare wire values, so `TaskType::Other(1) == TaskType::Immediate`.

use std::fmt;

use serde::de::{self, Unexpected, Visitor};

mod batch;
mod identity;
mod lists;
mod sending;

pub use batch::{AdLocation, CycleTermination, TaskStatus, TaskType};
pub use identity::{DkimOption, DnsRecordType, IdentityType, SmtpPasswordState, TemplateStatus};
pub use lists::{
    CustomBlocklistFilter, CustomBlocklistStatus, ReceiverAddressStatus, ReceiverListStatus,
    SwitchStatus,
};
pub use sending::{DeliverStatus, SendStatus, TriggerType, UnsubscribeLanguage};

/// The integer widths the wire uses for enumerated fields: `uint64` and `int64`.
pub(crate) trait WireInt: Copy + Sized {
    /// Converts a non-negative JSON integer, if it fits.
    fn from_unsigned(value: u64) -> Option<Self>;
    /// Converts a possibly negative JSON integer, if it fits.
    fn from_signed(value: i64) -> Option<Self>;
    /// Asks the deserializer for an integer of this width. Asking for the width (rather than
    /// "any") lets text formats such as flattened form parameters parse `"1"`, while JSON still
    /// refuses a string where a number belongs.
    fn deserialize<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
        visitor: IntVisitor<Self>,
    ) -> Result<Self, D::Error>;
}

impl WireInt for u64 {
    fn from_unsigned(value: u64) -> Option<Self> {
        Some(value)
    }
    fn from_signed(value: i64) -> Option<Self> {
        u64::try_from(value).ok()
    }
    fn deserialize<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
        visitor: IntVisitor<Self>,
    ) -> Result<Self, D::Error> {
        deserializer.deserialize_u64(visitor)
    }
}

impl WireInt for i64 {
    fn from_unsigned(value: u64) -> Option<Self> {
        i64::try_from(value).ok()
    }
    fn from_signed(value: i64) -> Option<Self> {
        Some(value)
    }
    fn deserialize<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
        visitor: IntVisitor<Self>,
    ) -> Result<Self, D::Error> {
        deserializer.deserialize_i64(visitor)
    }
}

/// Declares an enum over integer (`int`) or text (`text`) wire values with an `Other`
/// variant for values the crate does not know, plus its conversions and serde impls.
///
/// Written once here so that every enum of the crate (and of the webhook module) behaves the
/// same way; crate-visible for that reason.
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident: int($repr:ty) {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this crate does not know yet, kept exactly as it came over the wire.
            Other($repr),
        }

        impl $name {
            /// Every value this crate knows, in the order the documentation lists them.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The value as it is sent on the wire.
            pub const fn value(self) -> $repr {
                match self {
                    $( $name::$variant => $value, )+
                    $name::Other(value) => value,
                }
            }

            /// The variant for a wire value; values this crate does not know become `Other`.
            pub const fn from_value(value: $repr) -> Self {
                match value {
                    $( $value => $name::$variant, )+
                    other => $name::Other(other),
                }
            }

            /// Whether the value is one this crate knows by name.
            pub const fn is_known(self) -> bool {
                !matches!(Self::from_value(self.value()), $name::Other(_))
            }
        }

        impl From<$repr> for $name {
            fn from(value: $repr) -> Self {
                Self::from_value(value)
            }
        }

        impl From<$name> for $repr {
            fn from(value: $name) -> Self {
                value.value()
            }
        }

        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                self.value() == other.value()
            }
        }

        impl Eq for $name {}

        impl ::std::hash::Hash for $name {
            fn hash<H: ::std::hash::Hasher>(&self, state: &mut H) {
                ::std::hash::Hash::hash(&self.value(), state);
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.value(), f)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                ::serde::Serialize::serialize(&self.value(), serializer)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <$repr as $crate::enums::WireInt>::deserialize(
                    deserializer,
                    $crate::enums::IntVisitor::new(stringify!($name)),
                )
                .map(Self::from_value)
            }
        }
    };
    (
        $(#[$meta:meta])*
        pub enum $name:ident: text {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this crate does not know yet, kept exactly as it came over the wire.
            Other(String),
        }

        impl $name {
            /// Every value this crate knows, in the order the documentation lists them.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The value as it is sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $value, )+
                    $name::Other(value) => value,
                }
            }

            /// The variant for a wire value; values this crate does not know become `Other`.
            pub fn from_wire(value: &str) -> Self {
                match value {
                    $( $value => $name::$variant, )+
                    other => $name::Other(other.to_owned()),
                }
            }

            /// Whether the value is one this crate knows by name.
            pub fn is_known(&self) -> bool {
                !matches!(Self::from_wire(self.as_str()), $name::Other(_))
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self::from_wire(value)
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                Self::from_wire(&value)
            }
        }

        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                self.as_str() == other.as_str()
            }
        }

        impl Eq for $name {}

        impl ::std::hash::Hash for $name {
            fn hash<H: ::std::hash::Hasher>(&self, state: &mut H) {
                ::std::hash::Hash::hash(self.as_str(), state);
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer
                    .deserialize_str($crate::enums::TextVisitor(stringify!($name)))
                    .map(|text| Self::from_wire(&text))
            }
        }
    };
}
pub(crate) use wire_enum;

/// Reads a JSON integer of width `T` for the enum named `name`, with an error that names both.
pub(crate) struct IntVisitor<T> {
    name: &'static str,
    width: std::marker::PhantomData<T>,
}

impl<T> IntVisitor<T> {
    /// A visitor for the enum called `name` (used in error messages).
    pub(crate) const fn new(name: &'static str) -> Self {
        Self {
            name,
            width: std::marker::PhantomData,
        }
    }
}

impl<T: WireInt> Visitor<'_> for IntVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an integer value of `{}`", self.name)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<T, E> {
        T::from_unsigned(value).ok_or_else(|| E::invalid_value(Unexpected::Unsigned(value), &self))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<T, E> {
        T::from_signed(value).ok_or_else(|| E::invalid_value(Unexpected::Signed(value), &self))
    }
}

/// Reads a JSON string for the text enum named by the field, with an error that names it.
pub(crate) struct TextVisitor(pub(crate) &'static str);

impl Visitor<'_> for TextVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a string value of `{}`", self.0)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<String, E> {
        Ok(value.to_owned())
    }
}
