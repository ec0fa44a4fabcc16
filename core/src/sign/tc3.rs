//! TC3-HMAC-SHA256 (signature v3): the canonical request, the string to sign, the derived
//! signing key and the `Authorization` header, each step a public function so the published
//! vectors can be checked one step at a time.
//!
//! The steps, from docs/protocol.md section 1.1:
//!
//! 1. canonical request: `METHOD\nPATH\nQUERY\n<header lines>\nSIGNED_HEADERS\nhex(sha256(body))`,
//!    each header line `name:value\n`, so a blank line always precedes the signed header list;
//! 2. string to sign: `TC3-HMAC-SHA256\nTIMESTAMP\nDATE/SERVICE/tc3_request\nhex(sha256(1))`;
//! 3. signing key: HMAC-SHA256 chained over `"TC3" + secret key`, the date, the service and
//!    `tc3_request`;
//! 4. signature: hex(HMAC-SHA256(signing key, 2)), placed in the `Authorization` header.
//!
//! [`sign`] runs them all without building the intermediate strings: each is streamed into its
//! hash, and the signing key comes from a small cache (see [`sign`] for its rules).

use std::fmt;

use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use super::canonical::Canonical;
use super::mac::{Sink, hmac_sha256, sha256};
use super::text::Decimal;
use super::{
    CredentialDate, HexDigest, KeyFingerprint, Payload, REDACTED, SignableRequest, SigningParams,
};
use crate::action::SigningScheme;
use crate::header::UNSIGNED_PAYLOAD;

/// The algorithm name that opens the string to sign and the `Authorization` header.
pub const ALGORITHM: &str = SigningScheme::Tc3HmacSha256.as_str();
/// The last element of every credential scope.
pub const TERMINATOR: &str = "tc3_request";
/// The signed header list when nothing beyond the two mandatory headers is signed.
pub const DEFAULT_SIGNED_HEADERS: &str = "content-type;host";

/// Step 1, last line: the lower-case hex SHA-256 of the body, or of `UNSIGNED-PAYLOAD` when the
/// body is left unsigned.
pub fn hashed_payload(payload: Payload<'_>) -> HexDigest {
    let bytes = match payload {
        Payload::Bytes(bytes) => bytes,
        Payload::Unsigned => UNSIGNED_PAYLOAD.as_bytes(),
    };
    HexDigest::from_bytes(&sha256(bytes))
}

/// Step 1: the canonical request, as text. [`sign`] hashes the same bytes without building
/// this string.
pub fn canonical_request(request: &SignableRequest<'_>) -> String {
    let canonical = Canonical::from_request(request);
    let payload_hash = hashed_payload(request.payload);
    let mut text = String::with_capacity(256 + request.query.len());
    canonical.write(&payload_hash, &mut text);
    text
}

/// Step 2, last line: the lower-case hex SHA-256 of the canonical request.
pub fn hashed_canonical_request(request: &SignableRequest<'_>) -> HexDigest {
    Canonical::from_request(request).hash()
}

/// The `YYYY-MM-DD` UTC date of `timestamp`, as the credential scope uses it.
pub fn credential_date(timestamp: u64) -> CredentialDate {
    CredentialDate::from_timestamp(timestamp)
}

/// `DATE/SERVICE/tc3_request`, where `DATE` is the UTC date of `timestamp`.
pub fn credential_scope(timestamp: u64, service: &str) -> String {
    let date = credential_date(timestamp);
    let mut scope = String::with_capacity(date.as_str().len() + service.len() + 13);
    write_scope(&date, service, &mut scope);
    scope
}

/// Step 2: the string to sign, from the timestamp, the service and the hex hash of the
/// canonical request.
pub fn string_to_sign(timestamp: u64, service: &str, hashed_canonical_request: &str) -> String {
    let mut text = String::with_capacity(128 + service.len());
    write_string_to_sign_head(timestamp, &credential_date(timestamp), service, &mut text);
    text.push_str(hashed_canonical_request);
    text
}

/// A 32-byte key derived from the secret key: one of `SecretDate`, `SecretService` or
/// `SecretSigning`. Wiped on drop; `Debug` does not show it.
#[derive(Clone, PartialEq, Eq)]
pub struct DerivedKey([u8; 32]);

// Written by hand rather than derived: the derive would pull a second `syn` major into the
// build for one impl.
impl Drop for DerivedKey {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl ZeroizeOnDrop for DerivedKey {}

impl DerivedKey {
    /// The key bytes. They grant signing power for one date and service: do not log them.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl fmt::Debug for DerivedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("DerivedKey").field(&REDACTED).finish()
    }
}

/// Step 3a: `SecretDate = HMAC-SHA256("TC3" + secret key, date)`.
pub fn secret_date(secret_key: &str, date: &str) -> DerivedKey {
    let mut key = Zeroizing::new(Vec::with_capacity(3 + secret_key.len()));
    key.extend_from_slice(b"TC3");
    key.extend_from_slice(secret_key.as_bytes());
    DerivedKey(hmac_sha256(&key, date.as_bytes()))
}

/// Step 3b: `SecretService = HMAC-SHA256(SecretDate, service)`.
pub fn secret_service(secret_date: &DerivedKey, service: &str) -> DerivedKey {
    DerivedKey(hmac_sha256(secret_date.as_bytes(), service.as_bytes()))
}

/// Step 3c: `SecretSigning = HMAC-SHA256(SecretService, "tc3_request")`.
pub fn secret_signing(secret_service: &DerivedKey) -> DerivedKey {
    DerivedKey(hmac_sha256(
        secret_service.as_bytes(),
        TERMINATOR.as_bytes(),
    ))
}

/// Step 3: the signing key for one secret key, date and service (3a, 3b and 3c chained).
pub fn signing_key(secret_key: &str, date: &str, service: &str) -> DerivedKey {
    secret_signing(&secret_service(&secret_date(secret_key, date), service))
}

/// Step 4: the signature, lower-case hex HMAC-SHA256 of the string to sign.
pub fn signature(signing_key: &DerivedKey, string_to_sign: &str) -> HexDigest {
    HexDigest::from_bytes(&hmac_sha256(
        signing_key.as_bytes(),
        string_to_sign.as_bytes(),
    ))
}

/// The `Authorization` header value: `TC3-HMAC-SHA256 Credential=ID/SCOPE,
/// SignedHeaders=..., Signature=...`, with exactly one space after the algorithm and `", "`
/// between the parts.
pub fn authorization(
    secret_id: &str,
    credential_scope: &str,
    signed_headers: &str,
    signature: &str,
) -> String {
    let mut header = String::new();
    push_authorization(
        &mut header,
        secret_id,
        &[credential_scope],
        signed_headers,
        signature,
    );
    header
}

/// Appends the `Authorization` value, its credential scope given in pieces so [`sign`] need not
/// allocate the scope separately.
fn push_authorization(
    out: &mut String,
    secret_id: &str,
    scope: &[&str],
    signed_headers: &str,
    signature: &str,
) {
    const CREDENTIAL: &str = " Credential=";
    const SIGNED_HEADERS: &str = ", SignedHeaders=";
    const SIGNATURE: &str = ", Signature=";
    let scope_len: usize = scope.iter().map(|piece| piece.len()).sum();
    // The exact length, so a fresh header fills its buffer to capacity: `Bytes` (and so a
    // header value) then takes the buffer over without allocating a separate owner.
    out.reserve_exact(
        ALGORITHM.len()
            + CREDENTIAL.len()
            + secret_id.len()
            + 1
            + scope_len
            + SIGNED_HEADERS.len()
            + signed_headers.len()
            + SIGNATURE.len()
            + signature.len(),
    );
    out.push_str(ALGORITHM);
    out.push_str(CREDENTIAL);
    out.push_str(secret_id);
    out.push('/');
    for piece in scope {
        out.push_str(piece);
    }
    out.push_str(SIGNED_HEADERS);
    out.push_str(signed_headers);
    out.push_str(SIGNATURE);
    out.push_str(signature);
}

/// A TC3 signature: the value of the `Authorization` header.
#[derive(Clone, PartialEq, Eq)]
pub struct Tc3Signature {
    authorization: String,
}

impl fmt::Debug for Tc3Signature {
    // The header up to the signature; the signature itself is a credential for this request.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = self
            .authorization
            .rsplit_once("Signature=")
            .map_or("", |(head, _)| head);
        f.debug_struct("Tc3Signature")
            .field(
                "authorization",
                &format_args!("{shown}Signature=** redacted **"),
            )
            .finish()
    }
}

impl Tc3Signature {
    /// The `Authorization` header value.
    pub fn authorization(&self) -> &str {
        &self.authorization
    }

    /// The `Authorization` header value, by value.
    pub fn into_authorization(self) -> String {
        self.authorization
    }

    /// The 64 hex digits of the signature alone (the end of the header).
    pub fn signature(&self) -> &str {
        let start = self.authorization.len().saturating_sub(64);
        self.authorization.get(start..).unwrap_or_default()
    }
}

/// Signs `request` for `params`: all four steps, returning the `Authorization` header value.
///
/// The same request and parameters always give the same header. The derived signing key is
/// kept in a small process-wide cache keyed by a SHA-256 fingerprint of the secret key (never
/// the key itself), the date and the service, so consecutive calls on one day skip the three
/// key-derivation HMACs; cached keys are wiped when evicted.
pub fn sign(request: &SignableRequest<'_>, params: &SigningParams<'_>) -> Tc3Signature {
    sign_with(request, params, &KeyFingerprint::of(params.secret_key))
}

/// [`sign`] with the secret key's fingerprint already known (credentials keep theirs), which
/// saves a hash per signature.
pub(crate) fn sign_with(
    request: &SignableRequest<'_>,
    params: &SigningParams<'_>,
    fingerprint: &KeyFingerprint,
) -> Tc3Signature {
    let canonical = Canonical::from_request(request);
    let date = credential_date(params.timestamp);
    let signature = canonical.signature(
        params.secret_key,
        params.service,
        params.timestamp,
        &date,
        fingerprint,
    );
    let mut header = String::new();
    push_authorization(
        &mut header,
        params.secret_id,
        &[date.as_str(), "/", params.service, "/", TERMINATOR],
        canonical.headers.signed(),
        signature.as_str(),
    );
    Tc3Signature {
        authorization: header,
    }
}

fn write_scope(date: &CredentialDate, service: &str, out: &mut impl Sink) {
    out.put_ascii(date.as_bytes());
    out.put("/");
    out.put(service);
    out.put("/");
    out.put(TERMINATOR);
}

/// The string to sign up to its last line, which is the caller's: the hash of the canonical
/// request (the signer's own is ASCII hex and goes in as bytes; a caller's text as text).
pub(crate) fn write_string_to_sign_head(
    timestamp: u64,
    date: &CredentialDate,
    service: &str,
    out: &mut impl Sink,
) {
    out.put(ALGORITHM);
    out.put("\n");
    out.put_ascii(Decimal::new(timestamp).as_bytes());
    out.put("\n");
    write_scope(date, service, out);
    out.put("\n");
}
