//! Request signing with TC3-HMAC-SHA256, HmacSHA256 and HmacSHA1, and (with the `server`
//! feature) the server side that verifies those signatures.
//!
//! The signers are pure functions in the style of `aws-sigv4`: they take a small description of
//! the request ([`SignableRequest`] for TC3, parameter pairs for v1) and the time to sign for,
//! and return what must be added to the request. They know nothing of any HTTP library and never
//! read the clock, so every result is reproducible from its inputs; the vectors in
//! `core/tests/vectors.rs` check each intermediate step against Tencent's published values.
//!
//! - [`tc3`]: signature v3, the `Authorization` header over a canonical request;
//! - [`legacy`]: signature v1, the `Signature` parameter over the sorted parameters;
//! - `verify` (feature `server`): both, from the receiving end (used by the emulator).
//!
//! ```
//! use tencentcloud_core::HttpMethod;
//! use tencentcloud_core::sign::{Payload, SignableRequest, SigningParams, tc3};
//!
//! let body = br#"{"Limit": 1}"#;
//! let request = SignableRequest::new(
//!     HttpMethod::Post,
//!     "cvm.tencentcloudapi.com",
//!     "application/json",
//!     Payload::Bytes(body),
//! );
//! let params = SigningParams {
//!     secret_id: "AKIDEXAMPLE",
//!     secret_key: "secret-key-example",
//!     service: "cvm",
//!     timestamp: 1_551_113_065,
//! };
//! let signed = tc3::sign(&request, &params);
//! assert!(signed.authorization().starts_with(
//!     "TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature="
//! ));
//! ```

use std::fmt;

use crate::action::HttpMethod;

mod cache;
mod canonical;
pub mod legacy;
mod mac;
pub mod tc3;
pub(crate) mod text;
#[cfg(feature = "server")]
pub mod verify;

pub(crate) use cache::KeyFingerprint;
pub use text::{CredentialDate, HexDigest};

/// What the body contributes to a TC3 signature.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Payload<'a> {
    /// The exact bytes sent as the body (empty for GET); their SHA-256 is signed.
    Bytes(&'a [u8]),
    /// The body is left out of the signature and the request carries
    /// `X-TC-Content-SHA256: UNSIGNED-PAYLOAD`; the hash of that marker is signed instead.
    Unsigned,
}

impl fmt::Debug for Payload<'_> {
    // Bodies can be megabytes of attachments: show their size, not their bytes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Bytes(bytes) => write!(f, "Bytes({} bytes)", bytes.len()),
            Self::Unsigned => f.write_str("Unsigned"),
        }
    }
}

/// The parts of an HTTP request that a TC3 signature covers, exactly as they go on the wire.
///
/// Every field is borrowed: the caller encodes the request once and signs those very bytes, so
/// what is signed is what is sent.
#[derive(Debug, Clone, Copy)]
pub struct SignableRequest<'a> {
    /// `GET` or `POST`.
    pub method: HttpMethod,
    /// The `Host` header, e.g. `ses.tencentcloudapi.com` (with `:port` if one is sent).
    pub host: &'a str,
    /// The path of the URL; `/` for every API 3.0 action.
    pub path: &'a str,
    /// The query string exactly as sent, without the `?`; empty when there is none.
    pub query: &'a str,
    /// The `Content-Type` header exactly as sent, e.g. `application/json` or
    /// `multipart/form-data; boundary=...`.
    pub content_type: &'a str,
    /// The body, or the choice to leave it unsigned.
    pub payload: Payload<'a>,
    /// Headers to sign beyond `content-type` and `host`, as `(name, value)` with any case of
    /// name, e.g. `("X-TC-Action", "SendEmail")` as the current documentation revision does.
    /// Their values are signed trimmed and lower-cased; names must be distinct from each other
    /// and from `content-type` and `host`.
    pub extra_signed_headers: &'a [(&'a str, &'a str)],
}

impl<'a> SignableRequest<'a> {
    /// A request to path `/` with no query string and only the two mandatory signed headers.
    pub const fn new(
        method: HttpMethod,
        host: &'a str,
        content_type: &'a str,
        payload: Payload<'a>,
    ) -> Self {
        Self {
            method,
            host,
            path: "/",
            query: "",
            content_type,
            payload,
            extra_signed_headers: &[],
        }
    }

    /// The same request with `query` (without `?`) as its query string.
    #[must_use]
    pub const fn with_query(mut self, query: &'a str) -> Self {
        self.query = query;
        self
    }

    /// The same request with another path than `/`.
    #[must_use]
    pub const fn with_path(mut self, path: &'a str) -> Self {
        self.path = path;
        self
    }

    /// The same request, also signing `headers` (see
    /// [`extra_signed_headers`](Self::extra_signed_headers)).
    #[must_use]
    pub const fn with_extra_signed_headers(mut self, headers: &'a [(&'a str, &'a str)]) -> Self {
        self.extra_signed_headers = headers;
        self
    }
}

/// Who signs a TC3 request, for which service and at what time.
#[derive(Clone, Copy)]
pub struct SigningParams<'a> {
    /// The public key id, e.g. `AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE`.
    pub secret_id: &'a str,
    /// The secret key; never printed.
    pub secret_key: &'a str,
    /// The service of the credential scope: the first label of the product's domain (`ses`).
    pub service: &'a str,
    /// Unix seconds, sent as `X-TC-Timestamp`; the credential date is its UTC date.
    pub timestamp: u64,
}

impl fmt::Debug for SigningParams<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningParams")
            .field("secret_id", &self.secret_id)
            .field("secret_key", &REDACTED)
            .field("service", &self.service)
            .field("timestamp", &self.timestamp)
            .finish()
    }
}

/// What `Debug` shows in place of a secret.
pub(crate) const REDACTED: Redacted = Redacted;

/// Prints `** redacted **` without quotes.
#[derive(Clone, Copy)]
pub(crate) struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("** redacted **")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signing_params_debug_hides_the_secret_key() {
        let params = SigningParams {
            secret_id: "AKIDvisible",
            secret_key: "very-secret-key",
            service: "ses",
            timestamp: 1,
        };
        let shown = format!("{params:?}");
        assert!(shown.contains("AKIDvisible"), "{shown}");
        assert!(shown.contains("** redacted **"), "{shown}");
        assert!(!shown.contains("very-secret-key"), "{shown}");
    }

    #[test]
    fn payload_debug_shows_size_not_bytes() {
        let shown = format!("{:?}", Payload::Bytes(b"password=hunter2"));
        assert_eq!(shown, "Bytes(16 bytes)");
    }
}
