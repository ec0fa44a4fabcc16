//! Verification of a TC3-HMAC-SHA256 request: a strict parser for the `Authorization` header and
//! the recomputation of the signature from the headers the request actually carries.

use std::borrow::Cow;

use super::{
    HeaderLookup, Mismatch, SecretStore, VerifiedCaller, VerifyError, check_token, check_window,
    constant_time_eq, malformed, missing, parse_timestamp, shown,
};
use crate::action::SigningScheme;
use crate::header::{
    AUTHORIZATION, UNSIGNED_PAYLOAD, X_TC_CONTENT_SHA256, X_TC_TIMESTAMP, X_TC_TOKEN,
};
use crate::sign::canonical::{Canonical, CanonicalHeaders, HeaderLine, canonical_value};
use crate::sign::tc3::{ALGORITHM, TERMINATOR};
use crate::sign::text::CredentialDate;
use crate::sign::{KeyFingerprint, Payload};

/// A received request, as much of it as a TC3 signature covers.
///
/// Its `Debug` shows where the request went and the size of its body, not its headers or body:
/// those carry the session token (`X-TC-Token`) and the caller's data.
#[derive(Clone, Copy)]
pub struct Tc3Request<'a, H: ?Sized> {
    /// The method as received, e.g. `POST`.
    pub method: &'a str,
    /// The host the request was sent to (the `Host` header or the HTTP/2 authority).
    pub host: &'a str,
    /// The path, `/` for API 3.0.
    pub path: &'a str,
    /// The raw query string after `?`, exactly as received; empty when there is none.
    pub query: &'a str,
    /// The request's headers.
    pub headers: &'a H,
    /// The body bytes as received.
    pub body: &'a [u8],
}

impl<H: ?Sized> std::fmt::Debug for Tc3Request<'_, H> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tc3Request")
            .field("method", &self.method)
            .field("host", &self.host)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("body_bytes", &self.body.len())
            .finish_non_exhaustive()
    }
}

/// The parts of a TC3 `Authorization` header.
#[derive(Debug, PartialEq, Eq)]
struct Authorization<'a> {
    secret_id: &'a str,
    date: &'a str,
    service: &'a str,
    signed_headers: &'a str,
    signature: &'a str,
}

/// Verifies the TC3 signature of `request`, sent to `expected_service`, at server time `now`.
///
/// # Errors
/// - [`VerifyError::Malformed`]: no or an ill-formed `Authorization` header, a missing or
///   ill-formed `X-TC-Timestamp`, a signed header the request lacks;
/// - [`VerifyError::Expired`]: the timestamp is more than five minutes off;
/// - [`VerifyError::Mismatch`]: the credential date or service is wrong, or the signature is
///   (whatever its shape: a value that is not 64 lower-case hex digits cannot match). The
///   service must be `expected_service`, or, when the host is an IP address or a one-label
///   name, the host's text before its first `.`, which the official Node.js SDK signs then;
/// - [`VerifyError::UnknownSecretId`]: the store has no such id;
/// - [`VerifyError::TokenMismatch`]: the `X-TC-Token` header does not fit the stored key.
pub fn verify_tc3<H, S>(
    request: &Tc3Request<'_, H>,
    expected_service: &str,
    now: u64,
    store: &S,
) -> Result<VerifiedCaller, VerifyError>
where
    H: HeaderLookup + ?Sized,
    S: SecretStore + ?Sized,
{
    let raw = request
        .headers
        .header(AUTHORIZATION)
        .ok_or_else(|| malformed("the request has no Authorization header"))?;
    let text = std::str::from_utf8(raw)
        .map_err(|_| malformed("the Authorization header is not valid UTF-8"))?;
    let authorization = parse_authorization(text)?;

    let timestamp = parse_timestamp(
        request
            .headers
            .header(X_TC_TIMESTAMP)
            .ok_or_else(|| missing("the X-TC-Timestamp header"))?,
        "the X-TC-Timestamp header",
    )?;
    check_window(timestamp, now)?;
    if CredentialDate::from_timestamp(timestamp).as_str() != authorization.date {
        return Err(VerifyError::Mismatch(Mismatch::CredentialDate));
    }
    if authorization.service != expected_service
        && !named_after_address(authorization.service, request.host)
    {
        return Err(VerifyError::Mismatch(Mismatch::Service));
    }

    let key = store
        .lookup(authorization.secret_id)
        .ok_or(VerifyError::UnknownSecretId)?;
    check_token(request.headers.header(X_TC_TOKEN), &key)?;

    let signed_with_host = |host: &str| -> Result<bool, VerifyError> {
        let canonical = Canonical {
            method: request.method,
            path: request.path,
            query: request.query,
            headers: received_headers(request, host, authorization.signed_headers)?,
            payload: payload(request)?,
        };
        let expected = canonical.signature(
            key.secret_key(),
            authorization.service,
            timestamp,
            &CredentialDate::from_timestamp(timestamp),
            &KeyFingerprint::of(key.secret_key()),
        );
        Ok(constant_time_eq(
            expected.as_bytes(),
            authorization.signature.as_bytes(),
        ))
    };
    // The official Node.js SDK signs the host without its port (it sends the port in `Host`);
    // on the default port of a real endpoint the two agree, so only a server on another port
    // (an emulator) needs to try the host both ways.
    let signed = signed_with_host(request.host)?
        || match without_port(request.host) {
            Some(hostname) => signed_with_host(hostname)?,
            None => false,
        };
    if !signed {
        return Err(VerifyError::Mismatch(Mismatch::Signature));
    }
    Ok(VerifiedCaller {
        secret_id: authorization.secret_id.to_owned(),
        scheme: SigningScheme::Tc3HmacSha256,
        timestamp,
    })
}

/// Parses `TC3-HMAC-SHA256 Credential=ID/DATE/SERVICE/tc3_request, SignedHeaders=a;b,
/// Signature=HEX` exactly: one space after the algorithm, `", "` between the parts, in this
/// order, nothing before or after.
fn parse_authorization(text: &str) -> Result<Authorization<'_>, VerifyError> {
    let rest = text.strip_prefix(ALGORITHM).ok_or_else(|| {
        malformed("the Authorization header does not start with the TC3-HMAC-SHA256 algorithm")
    })?;
    let rest = rest
        .strip_prefix(' ')
        .ok_or_else(|| malformed("the algorithm must be followed by exactly one space"))?;
    let mut parts = rest.split(", ");
    let (Some(credential), Some(signed_headers), Some(signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(malformed(
            "the Authorization header must have exactly three parts separated by \", \": Credential, SignedHeaders, Signature",
        ));
    };
    let credential = credential.strip_prefix("Credential=").ok_or_else(|| {
        malformed("the first part of the Authorization header must be Credential=...")
    })?;
    let signed_headers = signed_headers
        .strip_prefix("SignedHeaders=")
        .ok_or_else(|| {
            malformed("the second part of the Authorization header must be SignedHeaders=...")
        })?;
    let signature = signature.strip_prefix("Signature=").ok_or_else(|| {
        malformed("the third part of the Authorization header must be Signature=...")
    })?;

    let mut scope = credential.split('/');
    let (Some(secret_id), Some(date), Some(service), Some(terminator), None) = (
        scope.next(),
        scope.next(),
        scope.next(),
        scope.next(),
        scope.next(),
    ) else {
        return Err(malformed(
            "Credential must be SecretId/YYYY-MM-DD/service/tc3_request",
        ));
    };
    if secret_id.is_empty() {
        return Err(malformed("the Credential has an empty secret id"));
    }
    if !is_date(date) {
        return Err(malformed("the Credential date is not YYYY-MM-DD"));
    }
    // Which service is right is decided later; here it only has to be there.
    if service.is_empty() || service.contains(char::is_whitespace) {
        return Err(malformed(
            "the Credential's service is empty or holds spaces",
        ));
    }
    if terminator != TERMINATOR {
        return Err(malformed("the Credential must end with /tc3_request"));
    }
    check_signed_headers(signed_headers)?;
    // The header ends with the signature: nothing may follow it.
    if signature.contains(|c: char| c.is_whitespace() || c == ',') {
        return Err(malformed("nothing may follow the Signature"));
    }
    // Otherwise the signature's shape is not checked: it is compared with the right one, so a
    // truncated, upper-case or empty signature is a wrong signature (`SignatureFailure`), as
    // the service treats it, not a malformed header.
    Ok(Authorization {
        secret_id,
        date,
        service,
        signed_headers,
        signature,
    })
}

/// Whether `service` is what the official Node.js SDK signs for `host` when `host` is an address
/// rather than a service's domain name.
///
/// That SDK takes the service name from its endpoint, as the text before the first `.`
/// (`ses` for `ses.tencentcloudapi.com`). Pointed at a server by address it signs `127` for
/// `127.0.0.1:4010`, or `localhost:4010` for `localhost:4010`. Such a host names no service, so
/// a server reached that way (an emulator) accepts it; a host that is a domain name must be
/// signed for the expected service, as Tencent Cloud requires.
fn named_after_address(service: &str, host: &str) -> bool {
    // An IPv6 literal (`[::1]:4010`), an IPv4 address or a name of one label, port aside.
    let name = host.rsplit_once(':').map_or(host, |(name, _)| name);
    let is_address =
        host.starts_with('[') || name.parse::<std::net::Ipv4Addr>().is_ok() || !name.contains('.');
    is_address && host.split('.').next() == Some(service)
}

/// `host` without its `:port`, if it has one (`127.0.0.1:4010` → `127.0.0.1`, `[::1]:4010` →
/// `[::1]`).
fn without_port(host: &str) -> Option<&str> {
    let (name, port) = host.rsplit_once(':')?;
    let is_port = !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit());
    // A colon inside an IPv6 literal without a port (`[::1]`) is not a port separator.
    let bracketed_or_plain = name.ends_with(']') || !name.contains(':');
    (is_port && bracketed_or_plain).then_some(name)
}

/// `YYYY-MM-DD` in shape (the value is compared with the timestamp's date later).
fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(index, byte)| match index {
            4 | 7 => *byte == b'-',
            _ => byte.is_ascii_digit(),
        })
}

/// Lower-case header names separated by `;`, each once, including `content-type` and `host`.
fn check_signed_headers(list: &str) -> Result<(), VerifyError> {
    let mut seen: Vec<&str> = Vec::new();
    for name in list.split(';') {
        if name.is_empty()
            || !name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        {
            return Err(malformed(
                "SignedHeaders must be lower-case header names separated by ';'",
            ));
        }
        if seen.contains(&name) {
            return Err(VerifyError::Malformed(format!(
                "SignedHeaders names `{}` twice",
                shown(name)
            )));
        }
        seen.push(name);
    }
    if !seen.contains(&"content-type") || !seen.contains(&"host") {
        return Err(malformed(
            "SignedHeaders must include content-type and host",
        ));
    }
    Ok(())
}

/// The canonical header lines from the request's own header values, in `SignedHeaders` order.
fn received_headers<'a, H: HeaderLookup + ?Sized>(
    request: &Tc3Request<'a, H>,
    host: &'a str,
    signed_headers: &'a str,
) -> Result<CanonicalHeaders<'a>, VerifyError> {
    let mut lines = Vec::new();
    for name in signed_headers.split(';') {
        let value = if name == "host" {
            host
        } else {
            let raw = request.headers.header(name).ok_or_else(|| {
                VerifyError::Malformed(format!(
                    "the signed header `{}` is not in the request",
                    shown(name)
                ))
            })?;
            std::str::from_utf8(raw).map_err(|_| {
                VerifyError::Malformed(format!(
                    "the signed header `{}` is not valid UTF-8",
                    shown(name)
                ))
            })?
        };
        lines.push(HeaderLine {
            name: Cow::Borrowed(name),
            value: canonical_value(name, value),
        });
    }
    Ok(CanonicalHeaders::in_order(lines, signed_headers))
}

/// The body, or the unsigned-payload marker when `X-TC-Content-SHA256` asks for it.
fn payload<'a, H: HeaderLookup + ?Sized>(
    request: &Tc3Request<'a, H>,
) -> Result<Payload<'a>, VerifyError> {
    match request.headers.header(X_TC_CONTENT_SHA256) {
        None => Ok(Payload::Bytes(request.body)),
        Some(value) if value == UNSIGNED_PAYLOAD.as_bytes() => Ok(Payload::Unsigned),
        Some(_) => Err(malformed(
            "X-TC-Content-SHA256 may only be UNSIGNED-PAYLOAD",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/ses/tc3_request, SignedHeaders=content-type;host, Signature=be5549cde5dfef9e282aeba4134c19ce0954a1d95e1c1ef987d6064d053f6d75";

    #[test]
    fn parses_the_documented_shape() {
        let parsed = parse_authorization(GOOD);
        assert_eq!(
            parsed,
            Ok(Authorization {
                secret_id: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
                date: "2019-02-25",
                service: "ses",
                signed_headers: "content-type;host",
                signature: "be5549cde5dfef9e282aeba4134c19ce0954a1d95e1c1ef987d6064d053f6d75",
            })
        );
    }

    #[test]
    fn a_service_named_after_an_address_is_the_node_sdks() {
        for (service, host) in [
            ("127", "127.0.0.1:4010"),
            ("127", "127.0.0.1"),
            ("localhost:4010", "localhost:4010"),
            ("localhost", "localhost"),
            ("[::1]:4010", "[::1]:4010"),
        ] {
            assert!(named_after_address(service, host), "{service} {host}");
        }
        for (service, host) in [
            ("cvm", "cvm.tencentcloudapi.com"),
            ("ses", "ses.example.com:4010"),
            ("128", "127.0.0.1:4010"),
            ("localhost", "localhost:4010"),
            ("", "127.0.0.1"),
        ] {
            assert!(!named_after_address(service, host), "{service} {host}");
        }
    }

    #[test]
    fn ports_come_off_hosts_that_have_one() {
        assert_eq!(without_port("127.0.0.1:4010"), Some("127.0.0.1"));
        assert_eq!(without_port("localhost:80"), Some("localhost"));
        assert_eq!(without_port("[::1]:4010"), Some("[::1]"));
        assert_eq!(without_port("ses.tencentcloudapi.com"), None);
        assert_eq!(without_port("[::1]"), None);
        assert_eq!(without_port("host:"), None);
        assert_eq!(without_port("host:http"), None);
    }

    #[test]
    fn rejects_near_misses() {
        let cases = [
            GOOD.replacen("TC3-HMAC-SHA256 ", "TC3-HMAC-SHA256  ", 1),
            GOOD.replacen("TC3-HMAC-SHA256", "TC3-HMAC-SHA1", 1),
            GOOD.replacen(", SignedHeaders", ",SignedHeaders", 1),
            GOOD.replacen("SignedHeaders=content-type;host", "SignedHeaders=host", 1),
            GOOD.replacen(
                "SignedHeaders=content-type;host",
                "SignedHeaders=Content-Type;host",
                1,
            ),
            GOOD.replacen(
                "SignedHeaders=content-type;host",
                "SignedHeaders=content-type;host;host",
                1,
            ),
            GOOD.replacen(
                "SignedHeaders=content-type;host",
                "SignedHeaders=content-type;;host",
                1,
            ),
            GOOD.replacen("/tc3_request", "/tc4_request", 1),
            GOOD.replacen("/2019-02-25/", "/2019-2-25/", 1),
            GOOD.replacen("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/", "/", 1),
            format!("{GOOD}, Extra=1"),
            format!("{GOOD} "),
            String::new(),
            "SKIP".to_owned(),
        ];
        for case in cases {
            assert!(
                matches!(parse_authorization(&case), Err(VerifyError::Malformed(_))),
                "{case:?}"
            );
        }
    }
}
