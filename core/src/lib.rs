//! The runtime of a declarative Tencent Cloud API 3.0 client.
//!
//! A Tencent Cloud API action is declared once, as a plain struct with one attribute, and this
//! crate does the rest: it resolves the endpoint for a region, encodes the parameters, signs the
//! request with TC3-HMAC-SHA256, HmacSHA256 or HmacSHA1, sends it over HTTPS, retries when that
//! is safe, and decodes the response envelope into a typed value or a typed error.
//!
//! ```no_run
//! use tencentcloud_core::{Client, Region, action, model, service};
//!
//! /// Cloud Virtual Machine, API version 2017-03-12.
//! #[service(name = "cvm", version = "2017-03-12")]
//! pub struct Cvm;
//!
//! /// Lists the regions CVM is sold in.
//! #[action(service = Cvm, response = DescribeRegionsResponse, method = "GET", signing = "HmacSHA256")]
//! pub struct DescribeRegions {}
//!
//! /// What `DescribeRegions` returns.
//! #[model]
//! pub struct DescribeRegionsResponse {
//!     /// How many regions there are.
//!     pub total_count: u64,
//!     /// The id of this call.
//!     pub request_id: String,
//! }
//!
//! # async fn run() -> Result<(), tencentcloud_core::Error> {
//! let client = Client::from_env()?;
//! let regions = client.send(&DescribeRegions {}).await?;
//! println!("{} regions", regions.total_count);
//! # Ok(())
//! # }
//! ```
//!
//! Calls run on [Tokio](https://tokio.rs): await them inside a runtime with its I/O and time
//! drivers, which `#[tokio::main]`, `Runtime::new()` and `Builder::enable_all()` give. The time
//! driver serves the timeouts (every attempt has one, 60 s unless set otherwise) and the pauses
//! between retries; without it Tokio panics with "timers are disabled".
//!
//! The modules follow one call from top to bottom: [`endpoint`] and [`region`] say where it
//! goes, [`credentials`] who signs it, [`encode`] what bytes it carries, [`limits`] whether it
//! may be sent, [`sign`] how it is signed (and, with the `server` feature, verified), then the [`Client`]
//! sends it and [`response`] reads the answer.

// The macros refer to this crate by its absolute name, also from inside it.
extern crate self as tencentcloud_core;

pub mod action;
pub mod builder;
pub mod client;
pub mod clock;
pub mod credentials;
pub mod encode;
pub mod endpoint;
pub mod error;
pub mod header;
pub mod limits;
pub mod region;
pub mod response;
pub mod retry;
pub mod sign;
pub mod transport;

pub use action::{Action, BodyEncoding, HttpMethod, Service, SigningScheme};
pub use client::{CallOptions, Client, ClientBuilder, PreparedRequest};
pub use credentials::{Credentials, ProvideCredentials};
pub use endpoint::{Endpoint, EndpointConfig};
pub use error::{Error, ErrorKind};
pub use region::Region;
pub use retry::RetryPolicy;

#[cfg(feature = "macros")]
pub use tencentcloud_macros::{action, model, service};

/// What the macros' generated code refers to. Not part of the public API: it may change in any
/// release.
#[doc(hidden)]
pub mod __private {
    pub use crate::action::{Action, BodyEncoding, HttpMethod, Service, SigningScheme};
    pub use serde;

    /// Deserialization helpers used by `#[model]`.
    pub mod de {
        use serde::{Deserialize, Deserializer};

        /// Reads `null` as the type's default, so a response field the server sends as `null`
        /// (or, with `#[serde(default)]`, omits) still decodes.
        ///
        /// # Errors
        /// Whatever the inner type's `Deserialize` reports for a value of the wrong shape.
        pub fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
        where
            D: Deserializer<'de>,
            T: Default + Deserialize<'de>,
        {
            Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
        }
    }
}
