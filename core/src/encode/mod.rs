//! The bytes a request carries, built once so the bytes signed are the bytes sent, and (with
//! the `server` feature) the inverse readers a server needs.
//!
//! | [`BodyEncoding`](crate::BodyEncoding) | client side | server side (feature `server`) |
//! | --- | --- | --- |
//! | `Json` | [`to_json`] | `serde_json` |
//! | `Form` | [`flatten`] then [`to_query_string`] | [`parse_query`] then `from_pairs` (or `from_query`) |
//! | `Query` | [`flatten`] then [`to_query_string`] | the same as `Form` |
//! | `Multipart` | [`multipart::to_body`] | `multipart::parse` |
//!
//! Flattening follows protocol section 4: nested structs become dotted names
//! (`Template.TemplateID`), list elements their 0-based index (`Destination.0`,
//! `Filters.0.Values.1`), numbers and booleans their text, and `None` nothing at all.
//!
//! ```
//! use tencentcloud_core::encode::{flatten, parse_query, to_query_string};
//!
//! #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
//! #[serde(rename_all = "PascalCase")]
//! struct DescribeInstances { limit: u32, instance_ids: Vec<String>, zone: Option<String> }
//!
//! let request = DescribeInstances { limit: 20, instance_ids: vec!["ins-1 *".into()], zone: None };
//! let query = to_query_string(&flatten(&request)?);
//! assert_eq!(query, "Limit=20&InstanceIds.0=ins-1%20%2A");
//!
//! // A server (with the `server` feature) reads it back.
//! # #[cfg(feature = "server")] {
//! let read: DescribeInstances = tencentcloud_core::encode::from_pairs(&parse_query(query.as_bytes())?)?;
//! assert_eq!(read, request);
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Errors name the parameter at fault and never repeat the values of `Signature` or `Token`.

mod error;
mod flatten;
mod json;
pub mod multipart;
mod percent;
#[cfg(feature = "server")]
mod text;
mod top_level;
#[cfg(feature = "server")]
mod tree;
#[cfg(feature = "server")]
mod unflatten;

pub use error::{DecodeError, DecodeErrorKind, EncodeError};
pub use flatten::flatten;
pub use json::to_json;
pub use percent::{parse_query, percent_encode, to_query_string};
#[cfg(feature = "server")]
pub use unflatten::{from_pairs, from_query, to_json_value, try_to_json_value};
