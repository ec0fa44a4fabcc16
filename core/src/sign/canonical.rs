//! The canonical request of TC3, shared by the signer and the verifier: which header lines it
//! holds, how their values are normalised, and how it is written and hashed.

use std::borrow::Cow;

use hmac::Mac;
use sha2::{Digest, Sha256};

use super::mac::Sink;
use super::tc3::{DEFAULT_SIGNED_HEADERS, hashed_payload, write_string_to_sign_head};
use super::{CredentialDate, HexDigest, KeyFingerprint, Payload, SignableRequest, cache};

/// One `name:value` line of the canonical headers.
#[derive(Debug, Clone)]
pub(crate) struct HeaderLine<'a> {
    /// Lower-case header name.
    pub(crate) name: Cow<'a, str>,
    /// The value as signed (see [`canonical_value`]).
    pub(crate) value: Cow<'a, str>,
}

/// The signed headers of a request: their lines in canonical order and the `SignedHeaders` list.
#[derive(Debug)]
pub(crate) struct CanonicalHeaders<'a> {
    lines: Lines<'a>,
    signed: Cow<'a, str>,
}

/// The usual two lines live on the stack; only extra signed headers need a `Vec`.
#[derive(Debug)]
enum Lines<'a> {
    Two([HeaderLine<'a>; 2]),
    Many(Vec<HeaderLine<'a>>),
}

impl<'a> CanonicalHeaders<'a> {
    /// The headers a signer signs: `content-type`, `host` and any extras, sorted by name.
    fn for_request(request: &SignableRequest<'a>) -> Self {
        let content_type = HeaderLine {
            name: Cow::Borrowed("content-type"),
            value: canonical_value("content-type", request.content_type),
        };
        let host = HeaderLine {
            name: Cow::Borrowed("host"),
            value: canonical_value("host", request.host),
        };
        if request.extra_signed_headers.is_empty() {
            return Self {
                lines: Lines::Two([content_type, host]),
                signed: Cow::Borrowed(DEFAULT_SIGNED_HEADERS),
            };
        }
        let mut lines = Vec::with_capacity(2 + request.extra_signed_headers.len());
        lines.push(content_type);
        lines.push(host);
        for &(name, value) in request.extra_signed_headers {
            let name = name.to_ascii_lowercase();
            let value = canonical_value(&name, value).into_owned();
            lines.push(HeaderLine {
                name: Cow::Owned(name),
                value: Cow::Owned(value),
            });
        }
        lines.sort_by(|a, b| a.name.cmp(&b.name));
        let signed = lines
            .iter()
            .map(|line| line.name.as_ref())
            .collect::<Vec<_>>()
            .join(";");
        Self {
            lines: Lines::Many(lines),
            signed: Cow::Owned(signed),
        }
    }

    /// Headers in the order a received `SignedHeaders` list names them (for the verifier).
    #[cfg(feature = "server")]
    pub(crate) fn in_order(lines: Vec<HeaderLine<'a>>, signed: &'a str) -> Self {
        Self {
            lines: Lines::Many(lines),
            signed: Cow::Borrowed(signed),
        }
    }

    /// The `SignedHeaders` list.
    pub(crate) fn signed(&self) -> &str {
        &self.signed
    }

    fn lines(&self) -> &[HeaderLine<'a>] {
        match &self.lines {
            Lines::Two(lines) => lines,
            Lines::Many(lines) => lines,
        }
    }
}

/// The value of a header as it is signed: trimmed of surrounding spaces and tabs, and, except
/// for `content-type` and `host`, lower-cased.
///
/// The official SDKs sign `content-type` and `host` exactly as sent (a multipart boundary keeps
/// its case), while the current documentation revision lower-cases the value of the extra
/// `x-tc-action` header (`describeinstances`); this rule reproduces both.
pub(crate) fn canonical_value<'v>(name: &str, value: &'v str) -> Cow<'v, str> {
    let trimmed = value.trim_matches([' ', '\t']);
    if name == "content-type" || name == "host" || !trimmed.bytes().any(|b| b.is_ascii_uppercase())
    {
        Cow::Borrowed(trimmed)
    } else {
        Cow::Owned(trimmed.to_ascii_lowercase())
    }
}

/// Everything a canonical request is made of, shared by the signer and the verifier.
#[derive(Debug)]
pub(crate) struct Canonical<'a> {
    pub(crate) method: &'a str,
    pub(crate) path: &'a str,
    pub(crate) query: &'a str,
    pub(crate) headers: CanonicalHeaders<'a>,
    pub(crate) payload: Payload<'a>,
}

impl<'a> Canonical<'a> {
    pub(crate) fn from_request(request: &SignableRequest<'a>) -> Self {
        Self {
            method: request.method.as_str(),
            path: request.path,
            query: request.query,
            headers: CanonicalHeaders::for_request(request),
            payload: request.payload,
        }
    }

    pub(crate) fn write(&self, payload_hash: &HexDigest, out: &mut impl Sink) {
        out.put(self.method);
        out.put("\n");
        out.put(self.path);
        out.put("\n");
        out.put(self.query);
        out.put("\n");
        for line in self.headers.lines() {
            out.put(&line.name);
            out.put(":");
            out.put(&line.value);
            out.put("\n");
        }
        out.put("\n");
        out.put(&self.headers.signed);
        out.put("\n");
        out.put_ascii(payload_hash.as_bytes());
    }

    pub(crate) fn hash(&self) -> HexDigest {
        let mut hasher = Sha256::new();
        self.write(&hashed_payload(self.payload), &mut hasher);
        HexDigest::from_bytes(&hasher.finalize().into())
    }

    /// Steps 1 to 4 streamed: the hex signature for this request, with the cached signing key.
    pub(crate) fn signature(
        &self,
        secret_key: &str,
        service: &str,
        timestamp: u64,
        date: &CredentialDate,
        fingerprint: &KeyFingerprint,
    ) -> HexDigest {
        let hashed_request = self.hash();
        let mut mac = cache::signing_mac(secret_key, fingerprint, date, service);
        write_string_to_sign_head(timestamp, date, service, &mut mac);
        mac.put_ascii(hashed_request.as_bytes());
        HexDigest::from_bytes(&mac.finalize().into_bytes().into())
    }
}

#[cfg(test)]
mod tests {
    use crate::HttpMethod;
    use crate::sign::tc3::canonical_request;
    use crate::sign::{Payload, SignableRequest};

    #[test]
    fn extra_headers_sort_among_the_mandatory_ones() {
        let extra = [("X-TC-Action", " SendEmail "), ("Accept", "Text/Plain")];
        let request = SignableRequest::new(
            HttpMethod::Post,
            "ses.tencentcloudapi.com",
            "multipart/form-data; boundary=ABC",
            Payload::Unsigned,
        )
        .with_extra_signed_headers(&extra);
        let text = canonical_request(&request);
        let lines: Vec<&str> = text.split('\n').collect();
        assert_eq!(
            lines.get(3..9),
            Some(
                &[
                    "accept:text/plain",
                    "content-type:multipart/form-data; boundary=ABC",
                    "host:ses.tencentcloudapi.com",
                    "x-tc-action:sendemail",
                    "",
                    "accept;content-type;host;x-tc-action",
                ][..]
            ),
            "{text}"
        );
    }
}
