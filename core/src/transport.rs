//! The HTTP transport: the only module that talks to reqwest.
//!
//! It sends one prepared request and reads the answer with a size cap, classifying failures by
//! whether the request can have reached the server (which decides whether a retry is safe).
//! reqwest errors are stripped of their URL before they become our text: a v1 GET URL carries
//! the signature and the session token.

use std::time::Duration;

use bytes::Bytes;

use crate::error::Error;

/// Answers larger than this are refused rather than buffered; API responses are far smaller.
pub(crate) const MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

/// TLS and connection settings for a transport the client builds itself.
#[derive(Debug, Default)]
pub(crate) struct TransportConfig {
    pub(crate) connect_timeout: Option<Duration>,
    pub(crate) proxy: Option<String>,
    pub(crate) root_certificates_pem: Vec<Vec<u8>>,
}

/// What came back.
#[derive(Debug)]
pub(crate) struct RawResponse {
    pub(crate) status: u16,
    /// The `Date` header, used to correct clock skew.
    pub(crate) date: Option<String>,
    pub(crate) body: Bytes,
}

/// A pooled HTTP client.
#[derive(Debug, Clone)]
pub(crate) struct Transport {
    http: reqwest::Client,
}

impl Transport {
    /// Wraps a caller's own reqwest client as it is.
    pub(crate) fn from_client(http: reqwest::Client) -> Self {
        Self { http }
    }

    /// Builds a client with rustls (ring), keep-alive pooling and the given settings.
    pub(crate) fn build(config: &TransportConfig) -> Result<Self, Error> {
        // reqwest is built without a bundled crypto provider; install ring as the process
        // default unless the application already chose one.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut builder = reqwest::Client::builder()
            .tcp_nodelay(true)
            .pool_idle_timeout(Duration::from_secs(50))
            .redirect(reqwest::redirect::Policy::none());
        if let Some(timeout) = config.connect_timeout {
            builder = builder.connect_timeout(timeout);
        }
        if let Some(proxy) = &config.proxy {
            let proxy = reqwest::Proxy::all(proxy.as_str()).map_err(|e| {
                Error::invalid_config(format!("invalid proxy: {}", e.without_url()))
            })?;
            builder = builder.proxy(proxy);
        }
        for (index, pem) in config.root_certificates_pem.iter().enumerate() {
            let certificates = reqwest::Certificate::from_pem_bundle(pem).map_err(|e| {
                Error::invalid_config(format!("root certificate #{}: {e}", index + 1))
            })?;
            if certificates.is_empty() {
                return Err(Error::invalid_config(format!(
                    "root certificate #{}: no PEM certificate found",
                    index + 1
                )));
            }
            for certificate in certificates {
                builder = builder.add_root_certificate(certificate);
            }
        }
        let http = builder
            .build()
            .map_err(|e| Error::invalid_config(format!("cannot build the HTTP client: {e}")))?;
        Ok(Self { http })
    }

    /// Sends one request and reads the whole answer (up to [`MAX_RESPONSE_BYTES`]).
    pub(crate) async fn send(&self, request: http::Request<Bytes>) -> Result<RawResponse, Error> {
        let request = reqwest::Request::try_from(request).map_err(|e| {
            Error::invalid_request(format!("cannot form the HTTP request: {}", e.without_url()))
        })?;
        let mut response = self.http.execute(request).await.map_err(classify)?;
        let status = response.status().as_u16();
        let date = response
            .headers()
            .get(http::header::DATE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        if response
            .content_length()
            .is_some_and(|len| len > MAX_RESPONSE_BYTES as u64)
        {
            return Err(too_large(status));
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(classify)? {
            if body.len() + chunk.len() > MAX_RESPONSE_BYTES {
                return Err(too_large(status));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(RawResponse {
            status,
            date,
            body: Bytes::from(body),
        })
    }
}

fn too_large(status: u16) -> Error {
    Error::decode(
        status,
        format!("the answer is larger than {MAX_RESPONSE_BYTES} bytes"),
        b"",
    )
}

/// Sorts a reqwest failure by whether the server can have seen the request.
fn classify(error: reqwest::Error) -> Error {
    let error = error.without_url();
    let text = describe(&error);
    if error.is_timeout() {
        Error::timeout_with(text)
    } else if error.is_connect() {
        Error::connect(text)
    } else {
        Error::transport(text)
    }
}

/// The error and its causes on one line (reqwest's own `Display` names only the outer layer).
fn describe(error: &reqwest::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
