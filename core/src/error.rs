//! The one error type of the runtime, with public questions and private details.
//!
//! An [`Error`] says which call failed, what kind of failure it was (so callers can decide
//! whether to retry), and, for errors the service answered, Tencent's code, message and
//! request id. Nothing secret is ever part of it: messages are built from our own text,
//! response snippets are truncated, and transport errors are stripped of URLs (a v1 GET URL
//! would carry the signature and token).

use std::error::Error as StdError;
use std::fmt;

use crate::credentials::CredentialsError;
use crate::limits::LimitExceeded;

/// What kind of failure an [`Error`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The request is invalid (bad parameters, over a limit); nothing was sent.
    InvalidRequest,
    /// The client's configuration is invalid (endpoint, region, ...); nothing was sent.
    InvalidConfig,
    /// Credentials could not be obtained; nothing was sent.
    Credentials,
    /// The connection failed before the request was written; the server never saw it.
    Connect,
    /// The connection failed after the request may have reached the server.
    Transport,
    /// A timeout elapsed while the request was, or may have been, under way (attempt or whole
    /// call). A connect timeout is [`ErrorKind::Connect`], since nothing was sent; ask
    /// [`Error::is_timeout`] to catch every timeout.
    Timeout,
    /// The answer is not a Tencent Cloud response envelope.
    Decode,
    /// The service answered with an error code.
    Service,
}

/// An error the service answered with: `Response.Error` of the envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceError {
    /// The error code, e.g. `FailedOperation.EmailAddrInBlacklist`.
    pub code: String,
    /// The service's explanation.
    pub message: String,
    /// The request id to quote to Tencent support.
    pub request_id: String,
}

/// The error of every fallible operation of the runtime.
pub struct Error(Box<Inner>);

struct Inner {
    kind: ErrorKind,
    message: String,
    call: Option<CallSite>,
    service: Option<ServiceError>,
    /// The request id of an answer that is not a service error but named one (an answer that
    /// does not match its type, an error object without a code).
    request_id: Option<String>,
    status: Option<u16>,
    /// A connection that timed out before the request was written (kind `Connect`).
    connect_timed_out: bool,
    source: Option<Box<dyn StdError + Send + Sync>>,
}

#[derive(Clone, Copy)]
struct CallSite {
    service: &'static str,
    action: &'static str,
    idempotent: bool,
}

/// Throttling codes: always safe to retry after a pause.
const THROTTLING_PREFIX: &str = "RequestLimitExceeded";
/// Transient server failures: safe to retry for idempotent actions.
const TRANSIENT_CODES: [&str; 2] = ["InternalError", "ServiceUnavailable"];
/// HTTP statuses of a gateway in trouble (the API itself answers 200): safe to retry for
/// idempotent actions, as the request may or may not have been processed.
const TRANSIENT_STATUSES: [u16; 4] = [500, 502, 503, 504];

impl Error {
    fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self(Box::new(Inner {
            kind,
            message: message.into(),
            call: None,
            service: None,
            request_id: None,
            status: None,
            connect_timed_out: false,
            source: None,
        }))
    }

    /// Keeps the request id an unreadable answer carried.
    #[must_use]
    pub(crate) fn with_request_id(mut self, request_id: Option<String>) -> Self {
        self.0.request_id = request_id.filter(|id| !id.is_empty());
        self
    }

    fn with_source(mut self, source: impl StdError + Send + Sync + 'static) -> Self {
        self.0.source = Some(Box::new(source));
        self
    }

    /// An invalid request: nothing was sent.
    pub fn invalid_request(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::InvalidRequest, message)
    }

    /// An invalid request with the error that explains it.
    pub fn invalid_request_from(source: impl StdError + Send + Sync + 'static) -> Self {
        Self::new(ErrorKind::InvalidRequest, source.to_string()).with_source(source)
    }

    /// An invalid configuration: nothing was sent.
    pub fn invalid_config(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::InvalidConfig, message)
    }

    /// An invalid configuration with the error that explains it.
    pub fn invalid_config_from(source: impl StdError + Send + Sync + 'static) -> Self {
        Self::new(ErrorKind::InvalidConfig, source.to_string()).with_source(source)
    }

    /// A connection failure before the request was written.
    pub(crate) fn connect(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Connect, message)
    }

    /// The connect timeout elapsed: nothing was sent, and [`Error::is_timeout`] says so.
    pub(crate) fn connect_timeout(message: impl Into<String>) -> Self {
        let mut error = Self::connect(message);
        error.0.connect_timed_out = true;
        error
    }

    /// A connection failure after the request may have reached the server.
    pub(crate) fn transport(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Transport, message)
    }

    /// A timeout; `what` names which one (`attempt`, `call`).
    pub(crate) fn timeout(what: &str, limit: std::time::Duration) -> Self {
        Self::new(
            ErrorKind::Timeout,
            format!("the {what} timeout of {limit:?} elapsed"),
        )
    }

    /// The call timeout, which cut short a call whose last attempt had failed with `last`:
    /// the message says what that failure was, and its request id is kept.
    pub(crate) fn call_timeout_after(limit: std::time::Duration, last: &Error) -> Self {
        let mut error = Self::new(
            ErrorKind::Timeout,
            format!(
                "the call timeout of {limit:?} elapsed while retrying; the last attempt failed \
                 with: {}",
                last.describe_without_call()
            ),
        );
        error.0.request_id = last.request_id().map(str::to_owned);
        error
    }

    /// A timeout reported by the transport, described in its own words.
    pub(crate) fn timeout_with(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Timeout, message)
    }

    /// An answer that is not a response envelope.
    pub(crate) fn decode(status: u16, reason: impl Into<String>, body: &[u8]) -> Self {
        let mut error = Self::new(
            ErrorKind::Decode,
            format!("{}: {}", reason.into(), snippet(body)),
        );
        error.0.status = Some(status);
        error
    }

    /// An answer that was too large to read: the body was dropped unread.
    pub(crate) fn decode_unread(status: u16, reason: impl Into<String>) -> Self {
        let mut error = Self::new(ErrorKind::Decode, reason);
        error.0.status = Some(status);
        error
    }

    /// An error the service answered with.
    pub fn service(service_error: ServiceError) -> Self {
        Self::service_with_status(service_error, 200)
    }

    /// An error the service answered with under an HTTP status other than the API's usual
    /// 200 (a gateway passing on the envelope with its own status).
    pub(crate) fn service_with_status(service_error: ServiceError, status: u16) -> Self {
        let mut error = Self::new(ErrorKind::Service, String::new());
        error.0.service = Some(service_error);
        error.0.status = Some(status);
        error
    }

    /// Records which call failed, so `Display` names it and retry questions know whether the
    /// action is idempotent.
    #[must_use]
    pub fn for_call(
        mut self,
        service: &'static str,
        action: &'static str,
        idempotent: bool,
    ) -> Self {
        self.0.call = Some(CallSite {
            service,
            action,
            idempotent,
        });
        self
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The service's error code, for errors the service answered.
    pub fn code(&self) -> Option<&str> {
        self.0.service.as_ref().map(|e| e.code.as_str())
    }

    /// The service's message, for errors the service answered.
    pub fn message(&self) -> Option<&str> {
        self.0.service.as_ref().map(|e| e.message.as_str())
    }

    /// The request id, for errors the service answered and for answers that named one but
    /// could not be read; `None` when the answer carried none.
    pub fn request_id(&self) -> Option<&str> {
        match &self.0.service {
            Some(e) => Some(e.request_id.as_str()).filter(|id| !id.is_empty()),
            None => self.0.request_id.as_deref(),
        }
    }

    /// The whole service error, for errors the service answered.
    pub fn service_error(&self) -> Option<&ServiceError> {
        self.0.service.as_ref()
    }

    /// The HTTP status of the answer, when there was one.
    pub fn http_status(&self) -> Option<u16> {
        self.0.status
    }

    /// Whether the service refused the call for exceeding a request rate
    /// (`RequestLimitExceeded` and its sub-codes). Quota codes (`LimitExceeded*`) are not
    /// throttling: waiting does not help.
    pub fn is_throttling(&self) -> bool {
        self.code().is_some_and(|code| {
            code == THROTTLING_PREFIX
                || code
                    .strip_prefix(THROTTLING_PREFIX)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    }

    /// Whether a timeout elapsed: the connect timeout (nothing was sent), the attempt timeout
    /// or the call timeout.
    pub fn is_timeout(&self) -> bool {
        self.0.kind == ErrorKind::Timeout || self.0.connect_timed_out
    }

    /// Whether the action may have been carried out although the call failed: the request was
    /// sent, but the connection broke, a timeout elapsed or the answer could not be read. For an
    /// action that is not idempotent (`SendEmail`), check before calling it again: the client
    /// never retries such a failure on its own, so that a mail is not sent twice.
    pub fn is_outcome_unknown(&self) -> bool {
        matches!(
            self.0.kind,
            ErrorKind::Transport | ErrorKind::Timeout | ErrorKind::Decode
        )
    }

    /// Whether the clock skew check failed (`AuthFailure.SignatureExpire`).
    pub fn is_signature_expired(&self) -> bool {
        self.code() == Some("AuthFailure.SignatureExpire")
    }

    /// Whether sending the same call again could succeed without risk: throttling and
    /// connection failures before sending always; timeouts, connection loss after sending,
    /// `InternalError`, `ServiceUnavailable` and a gateway's 500, 502, 503 or 504 only for
    /// idempotent actions (a retried `SendEmail` could send the mail twice).
    pub fn is_retryable(&self) -> bool {
        let idempotent = self.0.call.is_some_and(|c| c.idempotent);
        match self.0.kind {
            ErrorKind::Connect => true,
            ErrorKind::Transport | ErrorKind::Timeout => idempotent,
            ErrorKind::Service => {
                self.is_throttling()
                    || (idempotent && self.code().is_some_and(|c| TRANSIENT_CODES.contains(&c)))
            }
            ErrorKind::Decode => {
                idempotent
                    && self
                        .0
                        .status
                        .is_some_and(|status| TRANSIENT_STATUSES.contains(&status))
            }
            _ => false,
        }
    }
}

/// At most this many characters of an unexpected body go into an error.
const SNIPPET_CHARS: usize = 160;

/// A short, printable excerpt of a body for error messages.
fn snippet(body: &[u8]) -> String {
    if body.is_empty() {
        return "(empty body)".to_owned();
    }
    let text = String::from_utf8_lossy(&body[..body.len().min(SNIPPET_CHARS * 4)]);
    let mut out: String = text
        .chars()
        .take(SNIPPET_CHARS)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.chars().count() > SNIPPET_CHARS || body.len() > SNIPPET_CHARS * 4 {
        out.push('…');
    }
    format!("{out:?} ({} bytes)", body.len())
}

impl Error {
    /// The error in words, without the call it belongs to.
    fn describe_without_call(&self) -> String {
        struct Bare<'a>(&'a Error);
        impl fmt::Display for Bare<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.write_body(f)
            }
        }
        Bare(self).to_string()
    }

    fn write_body(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = &self.0.message;
        match self.0.kind {
            ErrorKind::Service => match &self.0.service {
                Some(e) => {
                    f.write_str(&e.code)?;
                    if !e.message.is_empty() {
                        write!(f, ": {}", e.message)?;
                    }
                    if let Some(status) = self.0.status.filter(|status| *status != 200) {
                        write!(f, " (HTTP {status})")?;
                    }
                    if !e.request_id.is_empty() {
                        write!(f, " (request id {})", e.request_id)?;
                    }
                    Ok(())
                }
                None => f.write_str("service error"),
            },
            ErrorKind::InvalidRequest => write!(f, "invalid request, nothing was sent: {message}"),
            ErrorKind::InvalidConfig => write!(f, "invalid configuration: {message}"),
            ErrorKind::Credentials => write!(f, "{message}"),
            ErrorKind::Connect => write!(f, "could not connect, nothing was sent: {message}"),
            ErrorKind::Transport => {
                write!(
                    f,
                    "the exchange failed after the request was sent: {message}"
                )
            }
            ErrorKind::Timeout => {
                write!(f, "timed out: {message}")?;
                match &self.0.request_id {
                    Some(id) => write!(f, " (request id {id})"),
                    None => Ok(()),
                }
            }
            ErrorKind::Decode => {
                match self.0.status {
                    Some(status) => write!(f, "unexpected answer (HTTP {status}): {message}")?,
                    None => write!(f, "unexpected answer: {message}")?,
                }
                match &self.0.request_id {
                    Some(id) => write!(f, " (request id {id})"),
                    None => Ok(()),
                }
            }
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(call) = &self.0.call {
            write!(f, "{} {} failed: ", call.service, call.action)?;
        }
        self.write_body(f)?;
        match &self.0.call {
            // The one thing a caller must know before sending a mail again.
            Some(call) if !call.idempotent && self.is_outcome_unknown() => write!(
                f,
                "; {} may still have been carried out, so check before calling it again",
                call.action
            ),
            _ => Ok(()),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("Error");
        s.field("kind", &self.0.kind);
        if let Some(call) = &self.0.call {
            s.field("service", &call.service)
                .field("action", &call.action);
        }
        if !self.0.message.is_empty() {
            s.field("message", &self.0.message);
        }
        if let Some(service) = &self.0.service {
            s.field("service_error", service);
        }
        if let Some(request_id) = &self.0.request_id {
            s.field("request_id", request_id);
        }
        if let Some(status) = self.0.status {
            s.field("http_status", &status);
        }
        s.finish()
    }
}

impl StdError for Error {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.0
            .source
            .as_deref()
            .map(|e| e as &(dyn StdError + 'static))
    }
}

impl From<CredentialsError> for Error {
    fn from(error: CredentialsError) -> Self {
        Self::new(ErrorKind::Credentials, error.to_string()).with_source(error)
    }
}

impl From<LimitExceeded> for Error {
    fn from(error: LimitExceeded) -> Self {
        Self::invalid_request_from(error)
    }
}

impl From<crate::endpoint::EndpointError> for Error {
    fn from(error: crate::endpoint::EndpointError) -> Self {
        Self::invalid_config_from(error)
    }
}

impl From<crate::region::InvalidRegion> for Error {
    fn from(error: crate::region::InvalidRegion) -> Self {
        Self::invalid_config_from(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service(code: &str) -> Error {
        Error::service(ServiceError {
            code: code.to_owned(),
            message: "the message".to_owned(),
            request_id: "req-1".to_owned(),
        })
    }

    #[test]
    fn service_errors_read_well_on_one_line() {
        let e = service("FailedOperation.EmailAddrInBlacklist").for_call("ses", "SendEmail", false);
        assert_eq!(
            e.to_string(),
            "ses SendEmail failed: FailedOperation.EmailAddrInBlacklist: the message (request id req-1)"
        );
        assert_eq!(e.code(), Some("FailedOperation.EmailAddrInBlacklist"));
        assert_eq!(e.request_id(), Some("req-1"));
        assert_eq!(e.kind(), ErrorKind::Service);
    }

    #[test]
    fn an_empty_service_message_leaves_no_gap() {
        let e = Error::service(ServiceError {
            code: "FailedOperation.Unknown".to_owned(),
            message: String::new(),
            request_id: "req-2".to_owned(),
        });
        assert_eq!(e.to_string(), "FailedOperation.Unknown (request id req-2)");
        let e = Error::service(ServiceError {
            code: "FailedOperation.Unknown".to_owned(),
            message: String::new(),
            request_id: String::new(),
        });
        assert_eq!(e.to_string(), "FailedOperation.Unknown");
    }

    #[test]
    fn failures_after_sending_a_non_idempotent_call_say_it_may_have_happened() {
        let unknown = [
            Error::transport("reset"),
            Error::timeout("attempt", std::time::Duration::from_secs(1)),
            Error::decode(200, "the body is not JSON", b"<html>"),
        ];
        for error in unknown {
            assert!(error.is_outcome_unknown(), "{error}");
            let text = error.for_call("ses", "SendEmail", false).to_string();
            assert!(
                text.ends_with(
                    "; SendEmail may still have been carried out, so check before calling it again"
                ),
                "{text}"
            );
        }
        let known = [
            Error::connect("refused"),
            Error::connect_timeout("the connect timeout elapsed"),
            Error::invalid_request("too big"),
            service("InternalError"),
        ];
        for error in known {
            assert!(!error.is_outcome_unknown(), "{error}");
            let text = error.for_call("ses", "SendEmail", false).to_string();
            assert!(!text.contains("carried out"), "{text}");
        }
        let read = Error::transport("reset").for_call("ses", "ListEmailTemplates", true);
        assert!(!read.to_string().contains("carried out"), "{read}");
    }

    #[test]
    fn a_connect_timeout_is_a_timeout_that_sent_nothing() {
        let e = Error::connect_timeout("the connect timeout elapsed").for_call(
            "ses",
            "SendEmail",
            false,
        );
        assert!(e.is_timeout());
        assert_eq!(e.kind(), ErrorKind::Connect);
        assert!(e.is_retryable());
    }

    #[test]
    fn throttling_is_the_request_limit_family_only() {
        for code in [
            "RequestLimitExceeded",
            "RequestLimitExceeded.UinLimitExceeded",
            "RequestLimitExceeded.IPLimitExceeded",
        ] {
            assert!(service(code).is_throttling(), "{code}");
            assert!(service(code).is_retryable(), "{code}");
        }
        for code in [
            "LimitExceeded",
            "LimitExceeded.Quota",
            "RequestLimitExceededX",
            "InternalError",
        ] {
            assert!(!service(code).is_throttling(), "{code}");
        }
    }

    #[test]
    fn retryability_depends_on_kind_and_idempotency() {
        let cases = [
            (Error::connect("refused"), false, true),
            (Error::transport("reset"), false, false),
            (Error::transport("reset"), true, true),
            (
                Error::timeout("attempt", std::time::Duration::from_secs(1)),
                false,
                false,
            ),
            (
                Error::timeout("attempt", std::time::Duration::from_secs(1)),
                true,
                true,
            ),
            (service("InternalError"), false, false),
            (service("InternalError"), true, true),
            (service("ServiceUnavailable"), true, true),
            (service("AuthFailure.SignatureFailure"), true, false),
            (service("LimitExceeded"), true, false),
            (service("InvalidParameter"), true, false),
            (Error::invalid_request("bad"), true, false),
            (Error::decode(502, "not JSON", b"<html>"), true, true),
            (Error::decode(502, "not JSON", b"<html>"), false, false),
            (Error::decode(200, "not JSON", b"<html>"), true, false),
            (Error::decode(404, "not JSON", b"<html>"), true, false),
        ];
        for (error, idempotent, expected) in cases {
            let error = error.for_call("ses", "X", idempotent);
            assert_eq!(
                error.is_retryable(),
                expected,
                "{error:?} idempotent={idempotent}"
            );
        }
    }

    #[test]
    fn decode_errors_carry_status_and_a_short_snippet() {
        let body = format!("<html>{}</html>", "x".repeat(10_000));
        let e = Error::decode(502, "not a response envelope", body.as_bytes());
        let text = e.to_string();
        assert!(
            text.starts_with("unexpected answer (HTTP 502): not a response envelope: \"<html>"),
            "{text}"
        );
        assert!(text.len() < 300, "{text}");
        assert!(text.contains("10013 bytes"), "{text}");
        assert_eq!(e.http_status(), Some(502));
        assert!(
            Error::decode(200, "empty", b"")
                .to_string()
                .contains("(empty body)")
        );
    }
}
