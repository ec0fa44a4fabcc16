//! The server side of the signatures: check a received request's TC3 `Authorization` header or
//! v1 `Signature` parameter, and say precisely why it fails, in terms that map one to one onto
//! Tencent's `AuthFailure.*` codes.
//!
//! Checks run in the order a server can afford them: the shape of the header or parameters,
//! the timestamp window, the credential scope, the secret id, the token, and only then the
//! signature itself, compared in constant time. Error messages never contain a secret, a token
//! or the expected signature.

use std::collections::HashMap;
use std::fmt;
use std::hash::BuildHasher;

use zeroize::Zeroizing;

use super::REDACTED;
use crate::action::SigningScheme;

mod legacy;
mod tc3;

pub use legacy::{LegacyRequest, verify_legacy};
pub use tc3::{Tc3Request, verify_tc3};

/// How far, in seconds, a request's timestamp may be from the server's clock either way.
pub const MAX_CLOCK_SKEW_SECS: u64 = 300;

/// A key as the server stores it: the secret key and, for temporary credentials, the token that
/// must come with it. `Debug` shows neither.
#[derive(Clone)]
pub struct StoredKey {
    secret_key: Zeroizing<String>,
    token: Option<Zeroizing<String>>,
}

impl StoredKey {
    /// A long-term key: requests must not carry a token.
    pub fn new(secret_key: impl Into<String>) -> Self {
        Self {
            secret_key: Zeroizing::new(secret_key.into()),
            token: None,
        }
    }

    /// The same key as a temporary credential: requests must carry exactly `token`.
    #[must_use]
    pub fn with_token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(Zeroizing::new(token.into()));
        self
    }

    /// The secret key.
    pub fn secret_key(&self) -> &str {
        &self.secret_key
    }

    /// The token requests must carry, if this is a temporary credential.
    pub fn token(&self) -> Option<&str> {
        self.token.as_deref().map(String::as_str)
    }
}

impl fmt::Debug for StoredKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoredKey")
            .field("secret_key", &REDACTED)
            .field("token", &self.token.as_ref().map(|_| REDACTED))
            .finish()
    }
}

/// Where a verifier finds the key of a secret id.
pub trait SecretStore {
    /// The key stored for `secret_id`, matched exactly (an id with stray whitespace is unknown).
    fn lookup(&self, secret_id: &str) -> Option<StoredKey>;
}

impl<S: BuildHasher> SecretStore for HashMap<String, StoredKey, S> {
    fn lookup(&self, secret_id: &str) -> Option<StoredKey> {
        self.get(secret_id).cloned()
    }
}

impl<F: Fn(&str) -> Option<StoredKey>> SecretStore for F {
    fn lookup(&self, secret_id: &str) -> Option<StoredKey> {
        self(secret_id)
    }
}

/// Read access to a received request's headers, by case-insensitive name.
pub trait HeaderLookup {
    /// The raw bytes of the first header called `name` (any case), if present.
    fn header(&self, name: &str) -> Option<&[u8]>;
}

impl HeaderLookup for http::HeaderMap {
    fn header(&self, name: &str) -> Option<&[u8]> {
        self.get(name).map(http::HeaderValue::as_bytes)
    }
}

impl<N: AsRef<str>, V: AsRef<[u8]>> HeaderLookup for [(N, V)] {
    fn header(&self, name: &str) -> Option<&[u8]> {
        self.iter()
            .find(|(candidate, _)| candidate.as_ref().eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_ref())
    }
}

impl<N: AsRef<str>, V: AsRef<[u8]>> HeaderLookup for Vec<(N, V)> {
    fn header(&self, name: &str) -> Option<&[u8]> {
        self.as_slice().header(name)
    }
}

/// Who signed a request that verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedCaller {
    /// The secret id the request was signed with.
    pub secret_id: String,
    /// The scheme it was signed with.
    pub scheme: SigningScheme,
    /// The request's timestamp, Unix seconds.
    pub timestamp: u64,
}

/// Which part of a well-formed signature disagrees with the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mismatch {
    /// The signature is not the one the request and key produce.
    Signature,
    /// The credential scope's date is not the UTC date of the timestamp.
    CredentialDate,
    /// The credential scope names another service than the one called.
    Service,
}

/// Why a request's signature was refused. [`code`](Self::code) gives Tencent's error code.
///
/// More reasons may be told apart in later releases, so a `match` needs a wildcard arm.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// The timestamp is more than [`MAX_CLOCK_SKEW_SECS`] away from the server's clock.
    #[error(
        "the request timestamp {timestamp} is {} seconds away from the server time {now}; at most {MAX_CLOCK_SKEW_SECS} are allowed",
        timestamp.abs_diff(*now)
    )]
    Expired {
        /// The request's timestamp.
        timestamp: u64,
        /// The server's time.
        now: u64,
    },
    /// No key is stored under the secret id.
    #[error("the secret id is not known (deleted, disabled, or padded with whitespace?)")]
    UnknownSecretId,
    /// A common parameter the signature needs is absent: `X-TC-Timestamp`, or `SecretId`,
    /// `Timestamp`, `Nonce` or `Signature` of a v1 request. The text names it.
    #[error("{0} is missing")]
    MissingParameter(String),
    /// The `Authorization` header or the signature parameters are not in the required form.
    #[error("malformed signature: {0}")]
    Malformed(String),
    /// A common parameter the signature covers is there but not in its format: a timestamp or
    /// nonce that is not a decimal number, a v1 parameter named twice. The text names it.
    #[error("{0}")]
    InvalidParameter(String),
    /// The request is well formed but its signature does not hold.
    #[error("{}", match .0 {
        Mismatch::Signature => "the signature does not match the request and the key",
        Mismatch::CredentialDate => "the credential date is not the UTC date of the timestamp",
        Mismatch::Service => "the credential scope names a different service",
    })]
    Mismatch(Mismatch),
    /// A required token is missing or different, or a token came with a long-term key.
    #[error("the token is missing, wrong, or not expected for this secret id")]
    TokenMismatch,
}

impl VerifyError {
    /// Tencent's error code for this failure, e.g. `AuthFailure.SignatureFailure`.
    pub const fn code(&self) -> &'static str {
        match self {
            Self::Expired { .. } => "AuthFailure.SignatureExpire",
            Self::UnknownSecretId => "AuthFailure.SecretIdNotFound",
            Self::MissingParameter(_) => "MissingParameter",
            Self::Malformed(_) => "AuthFailure.InvalidAuthorization",
            Self::InvalidParameter(_) => "InvalidParameter",
            Self::Mismatch(_) => "AuthFailure.SignatureFailure",
            Self::TokenMismatch => "AuthFailure.TokenFailure",
        }
    }
}

/// `Malformed` with a fixed reason.
fn malformed(reason: &str) -> VerifyError {
    VerifyError::Malformed(reason.to_owned())
}

/// `MissingParameter` naming what is absent.
fn missing(what: &str) -> VerifyError {
    VerifyError::MissingParameter(what.to_owned())
}

/// Parses a Unix timestamp as sent: decimal digits only, no sign, no spaces.
fn parse_timestamp(text: &[u8], what: &str) -> Result<u64, VerifyError> {
    std::str::from_utf8(text)
        .ok()
        .filter(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|digits| digits.parse::<u64>().ok())
        .ok_or_else(|| {
            VerifyError::InvalidParameter(format!("{what} is not a decimal Unix timestamp"))
        })
}

/// Refuses a timestamp too far from `now`.
fn check_window(timestamp: u64, now: u64) -> Result<(), VerifyError> {
    if timestamp.abs_diff(now) > MAX_CLOCK_SKEW_SECS {
        Err(VerifyError::Expired { timestamp, now })
    } else {
        Ok(())
    }
}

/// Compares the token a request carried with the one the key requires. An empty token counts
/// as none, as the SDKs send none for long-term keys.
fn check_token(sent: Option<&[u8]>, stored: &StoredKey) -> Result<(), VerifyError> {
    let sent = sent.filter(|token| !token.is_empty());
    match (sent, stored.token()) {
        (None, None) => Ok(()),
        (Some(sent), Some(required)) if constant_time_eq(sent, required.as_bytes()) => Ok(()),
        _ => Err(VerifyError::TokenMismatch),
    }
}

/// Equality that takes the same time wherever the first difference is (the length may leak,
/// which is public anyway for signatures and tokens).
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.ct_eq(b))
}

/// A name taken from the request, shortened so an error message stays small.
fn shown(name: &str) -> String {
    const LIMIT: usize = 64;
    if name.len() <= LIMIT {
        return name.escape_debug().to_string();
    }
    let mut end = LIMIT;
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}...", name.get(..end).unwrap_or_default().escape_debug())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A gateway that logs what it verifies must not log the caller's token with it.
    #[test]
    fn received_requests_do_not_show_the_token_in_debug() {
        let headers = vec![
            ("host", "ses.tencentcloudapi.com"),
            ("x-tc-token", "TOKEN-MARKER"),
        ];
        let tc3 = Tc3Request {
            method: "POST",
            host: "ses.tencentcloudapi.com",
            path: "/",
            query: "",
            headers: headers.as_slice(),
            body: b"{\"BODY-MARKER\":1}",
        };
        let shown = format!("{tc3:?}");
        assert!(!shown.contains("TOKEN-MARKER"), "{shown}");
        assert!(!shown.contains("BODY-MARKER"), "{shown}");
        assert!(shown.contains("body_bytes: 17"), "{shown}");

        let params = [
            ("Action", "SendEmail"),
            ("Token", "TOKEN-MARKER"),
            ("Signature", "SIGNATURE-MARKER"),
        ];
        let legacy = LegacyRequest {
            method: "GET",
            host: "ses.tencentcloudapi.com",
            path: "/",
            params: &params,
        };
        let shown = format!("{legacy:?}");
        assert!(!shown.contains("TOKEN-MARKER"), "{shown}");
        assert!(!shown.contains("SIGNATURE-MARKER"), "{shown}");
        assert!(shown.contains(r#"("Action", "SendEmail")"#), "{shown}");
    }

    #[test]
    fn every_error_has_its_tencent_code() {
        let cases = [
            (
                VerifyError::Expired {
                    timestamp: 0,
                    now: 301,
                },
                "AuthFailure.SignatureExpire",
            ),
            (VerifyError::UnknownSecretId, "AuthFailure.SecretIdNotFound"),
            (malformed("x"), "AuthFailure.InvalidAuthorization"),
            (
                VerifyError::InvalidParameter("x".to_owned()),
                "InvalidParameter",
            ),
            (
                VerifyError::Mismatch(Mismatch::Signature),
                "AuthFailure.SignatureFailure",
            ),
            (VerifyError::TokenMismatch, "AuthFailure.TokenFailure"),
        ];
        for (error, code) in cases {
            assert_eq!(error.code(), code, "{error}");
        }
    }

    #[test]
    fn window_is_inclusive_at_300_seconds() {
        assert!(check_window(1_000, 1_300).is_ok());
        assert!(check_window(1_300, 1_000).is_ok());
        assert!(check_window(1_000, 1_301).is_err());
        assert!(check_window(1_301, 1_000).is_err());
    }

    #[test]
    fn timestamps_must_be_plain_digits() {
        assert_eq!(parse_timestamp(b"1551113065", "t"), Ok(1_551_113_065));
        for bad in [
            &b""[..],
            b"+1",
            b"-1",
            b" 1",
            b"1.0",
            b"99999999999999999999",
            b"\xff",
        ] {
            assert!(parse_timestamp(bad, "t").is_err(), "{bad:?}");
        }
    }

    #[test]
    fn tokens_must_match_both_ways() {
        let plain = StoredKey::new("k");
        let temporary = StoredKey::new("k").with_token("tok");
        assert!(check_token(None, &plain).is_ok());
        assert!(check_token(Some(b""), &plain).is_ok());
        assert!(check_token(Some(b"tok"), &plain).is_err());
        assert!(check_token(Some(b"tok"), &temporary).is_ok());
        assert!(check_token(Some(b"tok2"), &temporary).is_err());
        assert!(check_token(None, &temporary).is_err());
    }

    #[test]
    fn header_lookups_ignore_case() {
        let mut map = http::HeaderMap::new();
        map.insert("x-tc-timestamp", http::HeaderValue::from_static("1"));
        assert_eq!(map.header("X-TC-Timestamp"), Some(&b"1"[..]));
        assert_eq!(map.header("not a header name"), None);
        let pairs = vec![("Content-Type", "a")];
        assert_eq!(pairs.header("content-type"), Some(&b"a"[..]));
        assert_eq!(pairs.header("host"), None);
    }

    #[test]
    fn stored_key_debug_hides_secrets() {
        let shown = format!("{:?}", StoredKey::new("s3cret").with_token("t0ken"));
        assert!(
            !shown.contains("s3cret") && !shown.contains("t0ken"),
            "{shown}"
        );
    }

    #[test]
    fn long_names_are_shortened_on_a_char_boundary() {
        let long = "é".repeat(100);
        assert!(shown(&long).len() < 80);
    }
}
