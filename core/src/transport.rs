//! The HTTP transport: the only module that talks to reqwest.
//!
//! The client sends through the [`HttpSend`] trait: the default implementation uses reqwest
//! (rustls, pooled keep-alive connections), and tests or unusual environments can plug in
//! their own (a canned answer, a recorder, another HTTP stack).
//!
//! Failures are classified by whether the request can have reached the server, which decides
//! whether a retry is safe. reqwest errors are stripped of their URL before they become our
//! text: a v1 GET URL carries the signature and the session token.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, LengthLimitError, Limited};

use crate::error::Error;

/// The future an [`HttpSend`] returns.
pub type SendFuture<'a> =
    Pin<Box<dyn Future<Output = Result<http::Response<Bytes>, TransportError>> + Send + 'a>>;

/// Sends one HTTP request and reads the whole answer.
pub trait HttpSend: Send + Sync + fmt::Debug {
    /// Sends `request` (already signed; send it unchanged) and returns the answer.
    fn send(&self, request: http::Request<Bytes>) -> SendFuture<'_>;
}

/// A failure to exchange one request and answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransportError {
    kind: TransportErrorKind,
    message: String,
}

/// When a transport failure happened, which decides whether a retry is safe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// Before the request was written: the server cannot have seen it.
    Connect,
    /// The connect timeout elapsed: like [`TransportErrorKind::Connect`], nothing was sent.
    ConnectTimeout,
    /// After the request may have reached the server.
    AfterSend,
    /// A transport-level timeout.
    Timeout,
    /// The request could not even be formed for this transport (e.g. a URL it cannot use):
    /// nothing was sent, and sending again cannot help.
    Unsendable,
}

impl TransportError {
    /// A failure of the given kind, described without secrets.
    pub fn new(kind: TransportErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }

    /// When it happened.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }
}

impl From<TransportError> for Error {
    fn from(error: TransportError) -> Self {
        match error.kind {
            TransportErrorKind::Connect => Error::connect(error.message),
            TransportErrorKind::ConnectTimeout => Error::connect_timeout(error.message),
            TransportErrorKind::AfterSend => Error::transport(error.message),
            TransportErrorKind::Timeout => Error::timeout_with(error.message),
            TransportErrorKind::Unsendable => Error::invalid_request(error.message),
        }
    }
}

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
    /// The `Date` header, used to correct clock skew. Kept as the header value (a reference
    /// count, not a copy): it is read only when a signature has expired.
    pub(crate) date: Option<http::HeaderValue>,
    pub(crate) body: Bytes,
}

/// The client's sender, with the answer-size cap applied.
#[derive(Debug, Clone)]
pub(crate) struct Transport {
    sender: Arc<dyn HttpSend>,
}

/// The default sender: a pooled reqwest client.
#[derive(Debug, Clone)]
struct ReqwestSender {
    http: reqwest::Client,
}

impl Transport {
    /// Sends through any [`HttpSend`].
    pub(crate) fn from_sender(sender: Arc<dyn HttpSend>) -> Self {
        Self { sender }
    }

    /// Wraps a caller's own reqwest client as it is.
    pub(crate) fn from_client(http: reqwest::Client) -> Self {
        Self::from_sender(Arc::new(ReqwestSender { http }))
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
        Ok(Self::from_client(http))
    }

    /// Sends one request and reads the whole answer.
    ///
    /// The request goes to the sender before the returned future is first polled, so the
    /// future holds the sender's (boxed) future rather than the whole request: it is part of
    /// every call's state, and a smaller state is a cheaper allocation.
    pub(crate) fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> impl Future<Output = Result<RawResponse, Error>> + Send + '_ {
        let sending = self.sender.send(request);
        async move { Self::read(sending.await?) }
    }

    /// The parts of an answer a call uses, refusing one that was too large to read.
    fn read(response: http::Response<Bytes>) -> Result<RawResponse, Error> {
        let status = response.status().as_u16();
        let date = response.headers().get(http::header::DATE).cloned();
        if response.extensions().get::<TooLarge>().is_some() {
            return Err(too_large(status));
        }
        let body = response.into_body();
        if body.len() > MAX_RESPONSE_BYTES {
            return Err(too_large(status));
        }
        Ok(RawResponse { status, date, body })
    }
}

impl HttpSend for ReqwestSender {
    fn send(&self, request: http::Request<Bytes>) -> SendFuture<'_> {
        // Converted and handed to reqwest before the future is built, so the boxed future
        // holds reqwest's small pending handle rather than the request: every call allocates
        // this box, and glibc serves boxes under about 1 KB from its fast paths.
        let pending = match reqwest::Request::try_from(request) {
            Ok(request) => self.http.execute(request),
            Err(e) => {
                let error = TransportError::new(
                    TransportErrorKind::Unsendable,
                    format!("cannot form the HTTP request: {}", e.without_url()),
                );
                return Box::pin(std::future::ready(Err(error)));
            }
        };
        Box::pin(async move { read_answer(pending.await.map_err(classify)?).await })
    }
}

/// Reads an answer, up to [`MAX_RESPONSE_BYTES`]; a larger answer comes back empty and marked
/// [`TooLarge`].
///
/// The body is collected straight from the `http` form of the answer (not through
/// `reqwest::Response::bytes`, whose future carries the whole response), which keeps this
/// future, part of every call, small.
async fn read_answer(response: reqwest::Response) -> Result<http::Response<Bytes>, TransportError> {
    let (parts, body) = http::Response::<reqwest::Body>::from(response).into_parts();
    let body = match http_body::Body::size_hint(&body).exact() {
        // Do not buffer an answer that will be refused anyway.
        Some(len) if len > MAX_RESPONSE_BYTES as u64 => None,
        // A declared length within the cap, or an undeclared one (chunked): the cap stops the
        // latter as soon as it is passed.
        _ => match Limited::new(body, MAX_RESPONSE_BYTES).collect().await {
            Ok(collected) => Some(collected.to_bytes()),
            Err(error) if error.is::<LengthLimitError>() => None,
            Err(error) => return Err(classify_read(error)),
        },
    };
    let mut answer = http::Response::from_parts(parts, Bytes::new());
    match body {
        Some(body) => *answer.body_mut() = body,
        None => {
            answer.extensions_mut().insert(TooLarge);
        }
    }
    Ok(answer)
}

/// Sorts a failure while reading the body: reqwest's own errors as [`classify`] does, anything
/// else (which the body wrapper does not produce today) as a failure after sending.
fn classify_read(error: Box<dyn std::error::Error + Send + Sync>) -> TransportError {
    match error.downcast::<reqwest::Error>() {
        Ok(error) => classify(*error),
        Err(error) => TransportError::new(
            TransportErrorKind::AfterSend,
            format!("cannot read the answer: {error}"),
        ),
    }
}

/// Marks an answer whose body was over [`MAX_RESPONSE_BYTES`] and was not kept.
#[derive(Debug, Clone, Copy)]
struct TooLarge;

fn too_large(status: u16) -> Error {
    Error::decode_unread(
        status,
        format!(
            "the answer is larger than {} MiB ({MAX_RESPONSE_BYTES} bytes) and was not read",
            MAX_RESPONSE_BYTES >> 20
        ),
    )
}

/// Sorts a reqwest failure by whether the server can have seen the request.
fn classify(error: reqwest::Error) -> TransportError {
    let error = error.without_url();
    // A connect timeout is both; it is above all a failure before the request was written,
    // which is always safe to retry.
    let kind = if error.is_connect() && error.is_timeout() {
        TransportErrorKind::ConnectTimeout
    } else if error.is_connect() {
        TransportErrorKind::Connect
    } else if error.is_timeout() {
        TransportErrorKind::Timeout
    } else if error.is_builder() {
        TransportErrorKind::Unsendable
    } else {
        TransportErrorKind::AfterSend
    };
    let mut text = describe(&error);
    if error.is_connect() && error.is_timeout() {
        text.insert_str(0, "the connect timeout elapsed: ");
    }
    TransportError::new(kind, text)
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
