//! The contract between a declaration and the runtime: [`Service`] and [`Action`].
//!
//! The `#[service]` and `#[action]` macros only fill in these traits with constants; everything
//! an action *does* lives in the runtime. A declaration can therefore be written by hand just as
//! well, which is what the example below does.
//!
//! ```
//! use serde::{Deserialize, Serialize};
//! use tencentcloud_core::{Action, BodyEncoding, HttpMethod, Service, SigningScheme};
//!
//! /// Cloud Virtual Machine, API version 2017-03-12.
//! pub struct Cvm;
//!
//! impl Service for Cvm {
//!     const NAME: &'static str = "cvm";
//!     const VERSION: &'static str = "2017-03-12";
//! }
//!
//! /// Lists the regions CVM is sold in.
//! #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
//! #[serde(rename_all = "PascalCase")]
//! pub struct DescribeRegions {}
//!
//! /// The regions, as the service returns them.
//! #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
//! #[serde(rename_all = "PascalCase")]
//! pub struct DescribeRegionsResponse {
//!     /// How many regions follow.
//!     pub total_count: u64,
//!     /// The id of this call, for support tickets.
//!     pub request_id: String,
//! }
//!
//! impl Action for DescribeRegions {
//!     type Service = Cvm;
//!     type Response = DescribeRegionsResponse;
//!     const NAME: &'static str = "DescribeRegions";
//!     const METHOD: HttpMethod = HttpMethod::Get;
//!     const SIGNING: SigningScheme = SigningScheme::HmacSha256;
//!     const ENCODING: BodyEncoding = BodyEncoding::Query;
//!     const IDEMPOTENT: bool = true;
//! }
//!
//! assert_eq!(<DescribeRegions as Action>::Service::NAME, "cvm");
//! ```

use std::fmt;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// A Tencent Cloud product with one API version, e.g. SES `2020-10-02`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a Tencent Cloud service",
    note = "declare it with `#[tencentcloud_core::service(name = \"...\", version = \"YYYY-MM-DD\")]`"
)]
pub trait Service: 'static {
    /// The first label of the product's domain (`ses` in `ses.tencentcloudapi.com`); also the
    /// service of the TC3 credential scope.
    const NAME: &'static str;
    /// The API version, `YYYY-MM-DD`, sent as `X-TC-Version`.
    const VERSION: &'static str;
}

/// One API action of a [`Service`]: its request parameters are the fields of `Self`, plain data
/// (`Send + Sync`) so that calls can run on any thread of a multi-threaded runtime.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a Tencent Cloud API action",
    note = "declare it with `#[tencentcloud_core::action(service = ..., response = ...)]`"
)]
pub trait Action: Serialize + DeserializeOwned + Send + Sync + 'static {
    /// The service this action belongs to.
    type Service: Service;
    /// What the `Response` object of a successful call decodes into (plain data, so `Send`:
    /// calls run on multi-threaded runtimes).
    type Response: DeserializeOwned + Send;
    /// The action name sent as `X-TC-Action` (or the `Action` parameter), e.g. `SendEmail`.
    const NAME: &'static str;
    /// The HTTP method the action is declared with.
    const METHOD: HttpMethod;
    /// The signature scheme the action is declared with.
    const SIGNING: SigningScheme;
    /// How the parameters travel: a JSON or form body, a multipart body, raw bytes, or the query.
    const ENCODING: BodyEncoding;
    /// Whether sending the same request twice is harmless, so a retry after the request may
    /// have reached the server is safe. `SendEmail` is not: a retry could send the mail twice.
    const IDEMPOTENT: bool;
    /// Wire names of the fields sent as file parts of a multipart body (base64 text in JSON).
    const FILE_FIELDS: &'static [&'static str] = &[];
}

/// The HTTP methods API 3.0 accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HttpMethod {
    /// Parameters in the query string; no body.
    Get,
    /// Parameters in the body.
    Post,
}

impl HttpMethod {
    /// The method as it appears on the wire and in the canonical request.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
        }
    }

    /// Parses `GET` or `POST` (exact, upper case), as the wire spells them.
    pub fn from_wire(text: &str) -> Option<Self> {
        match text {
            "GET" => Some(Self::Get),
            "POST" => Some(Self::Post),
            _ => None,
        }
    }
}

impl fmt::Display for HttpMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The three signature schemes of API 3.0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SigningScheme {
    /// Signature v3: an `Authorization` header over a canonical request. Required for JSON and
    /// multipart bodies.
    Tc3HmacSha256,
    /// Signature v1 with HMAC-SHA256: a `Signature` parameter over the sorted parameters.
    HmacSha256,
    /// Signature v1 with HMAC-SHA1.
    HmacSha1,
}

impl SigningScheme {
    /// The name Tencent uses: `TC3-HMAC-SHA256`, `HmacSHA256` or `HmacSHA1`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Tc3HmacSha256 => "TC3-HMAC-SHA256",
            Self::HmacSha256 => "HmacSHA256",
            Self::HmacSha1 => "HmacSHA1",
        }
    }

    /// Parses one of the three names, exactly as Tencent spells them.
    pub fn from_wire(text: &str) -> Option<Self> {
        match text {
            "TC3-HMAC-SHA256" => Some(Self::Tc3HmacSha256),
            "HmacSHA256" => Some(Self::HmacSha256),
            "HmacSHA1" => Some(Self::HmacSha1),
            _ => None,
        }
    }

    /// Whether this is one of the two legacy (v1) schemes.
    pub const fn is_legacy(self) -> bool {
        !matches!(self, Self::Tc3HmacSha256)
    }
}

impl fmt::Display for SigningScheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How an action's parameters are carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BodyEncoding {
    /// A JSON object body, `Content-Type: application/json` (TC3 only).
    Json,
    /// Flattened parameters in an `application/x-www-form-urlencoded` body (v1 only).
    Form,
    /// A `multipart/form-data` body (TC3 and POST only).
    Multipart,
    /// Raw bytes, `application/octet-stream` (TC3 and POST only).
    OctetStream,
    /// Flattened parameters in the query string of a GET; no body.
    Query,
}

impl BodyEncoding {
    /// The encoding API 3.0 uses for a method and scheme when the declaration names none:
    /// GET → query, POST + TC3 → JSON, POST + v1 → form.
    pub const fn default_for(method: HttpMethod, signing: SigningScheme) -> Self {
        match (method, signing) {
            (HttpMethod::Get, _) => Self::Query,
            (HttpMethod::Post, SigningScheme::Tc3HmacSha256) => Self::Json,
            (HttpMethod::Post, _) => Self::Form,
        }
    }

    /// Whether the encoding is fixed by the action's nature (files or raw bytes), so a client
    /// must not switch the method or scheme.
    pub const fn is_fixed(self) -> bool {
        matches!(self, Self::Multipart | Self::OctetStream)
    }

    /// The encoding's name: `json`, `form`, `multipart` and `octet-stream` as written in
    /// `content = "..."`, and `query` for the GET query string, which a declaration does not
    /// write (it follows from `method = "GET"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Form => "form",
            Self::Multipart => "multipart",
            Self::OctetStream => "octet-stream",
            Self::Query => "query",
        }
    }
}

impl fmt::Display for BodyEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether an action of this name is safe to retry, by Tencent's naming convention: reads
/// (`Describe*`, `Get*`, `List*`, `Query*`, `Inquire*`) are, everything else is not.
pub fn is_idempotent_by_name(action: &str) -> bool {
    ["Describe", "Get", "List", "Query", "Inquire"]
        .iter()
        .any(|prefix| action.starts_with(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_encoding_follows_method_and_scheme() {
        use BodyEncoding as E;
        use HttpMethod as M;
        use SigningScheme as S;
        assert_eq!(E::default_for(M::Get, S::Tc3HmacSha256), E::Query);
        assert_eq!(E::default_for(M::Get, S::HmacSha1), E::Query);
        assert_eq!(E::default_for(M::Post, S::Tc3HmacSha256), E::Json);
        assert_eq!(E::default_for(M::Post, S::HmacSha256), E::Form);
    }

    #[test]
    fn wire_names_round_trip() {
        for scheme in [
            SigningScheme::Tc3HmacSha256,
            SigningScheme::HmacSha256,
            SigningScheme::HmacSha1,
        ] {
            assert_eq!(SigningScheme::from_wire(scheme.as_str()), Some(scheme));
        }
        assert_eq!(SigningScheme::from_wire("hmacsha1"), None);
        assert_eq!(HttpMethod::from_wire("GET"), Some(HttpMethod::Get));
        assert_eq!(HttpMethod::from_wire("PUT"), None);
    }

    #[test]
    fn reads_are_idempotent_by_name() {
        assert!(is_idempotent_by_name("GetSendEmailStatus"));
        assert!(is_idempotent_by_name("ListEmailTemplates"));
        assert!(!is_idempotent_by_name("SendEmail"));
        assert!(!is_idempotent_by_name("UpdateEmailIdentity"));
    }
}
