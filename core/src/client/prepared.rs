//! A signed request ready to send, with a `Debug` that hides its secrets.

use std::fmt;

use bytes::Bytes;

use crate::header;

/// A fully signed HTTP request, as [`Client::prepare`](super::Client::prepare) returns it.
///
/// Its `Debug` output redacts the `Authorization` and `X-TC-Token` headers and the v1
/// `Signature`, `Token` and `SecretId`-adjacent secrets of the URL, so it can be logged;
/// [`PreparedRequest::into_http`] gives the plain `http::Request` to send yourself.
pub struct PreparedRequest {
    pub(crate) inner: http::Request<Bytes>,
}

/// Query or form parameters whose values are secret or derived from secrets.
const SECRET_PARAMETERS: [&str; 2] = ["Signature", "Token"];

impl PreparedRequest {
    /// `GET` or `POST`.
    pub fn method(&self) -> &http::Method {
        self.inner.method()
    }

    /// The full URL, including the query string of a GET.
    pub fn uri(&self) -> &http::Uri {
        self.inner.uri()
    }

    /// The headers, exactly as signed and sent.
    pub fn headers(&self) -> &http::HeaderMap {
        self.inner.headers()
    }

    /// The body, exactly as signed and sent (empty for GET).
    pub fn body(&self) -> &Bytes {
        self.inner.body()
    }

    /// The request as an `http::Request`, to send with any HTTP client.
    pub fn into_http(self) -> http::Request<Bytes> {
        self.inner
    }
}

/// Rewrites `k=v&...` with secret values replaced.
fn redact_pairs(text: &str) -> String {
    text.split('&')
        .map(|pair| match pair.split_once('=') {
            Some((key, _)) if SECRET_PARAMETERS.contains(&key) => format!("{key}=** redacted **"),
            _ => pair.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("&")
}

impl fmt::Debug for PreparedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let uri = self.inner.uri();
        let shown_uri = match uri.query() {
            Some(query) => format!(
                "{}?{}",
                uri.to_string().split('?').next().unwrap_or_default(),
                redact_pairs(query)
            ),
            None => uri.to_string(),
        };
        let headers: Vec<(String, String)> = self
            .inner
            .headers()
            .iter()
            .map(|(name, value)| {
                let shown = if name == header::AUTHORIZATION
                    || name.as_str().eq_ignore_ascii_case(header::X_TC_TOKEN)
                {
                    "** redacted **".to_owned()
                } else {
                    String::from_utf8_lossy(value.as_bytes()).into_owned()
                };
                (name.as_str().to_owned(), shown)
            })
            .collect();
        let is_form = self
            .inner
            .headers()
            .get(http::header::CONTENT_TYPE)
            .is_some_and(|v| {
                v.as_bytes()
                    .starts_with(b"application/x-www-form-urlencoded")
            });
        let body = self.inner.body();
        let shown_body = if is_form {
            redact_pairs(&String::from_utf8_lossy(body))
        } else {
            format!("{} bytes", body.len())
        };
        f.debug_struct("PreparedRequest")
            .field("method", self.inner.method())
            .field("uri", &shown_uri)
            .field("headers", &headers)
            .field("body", &shown_body)
            .finish()
    }
}
