//! Per-call overrides, and the language setting.

use std::time::Duration;

use http::{HeaderName, HeaderValue};

use crate::region::Region;

/// The language of error messages and other text in responses (`X-TC-Language`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    /// Simplified Chinese, `zh-CN`.
    ZhCn,
    /// English, `en-US`.
    EnUs,
}

impl Language {
    /// The wire value: `zh-CN` or `en-US`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::ZhCn => "zh-CN",
            Self::EnUs => "en-US",
        }
    }
}

/// Overrides for one call, without building a new client.
///
/// ```
/// use std::time::Duration;
/// use tencentcloud_core::{CallOptions, Region};
/// use tencentcloud_core::client::Language;
///
/// let options = CallOptions::new()
///     .region(Region::AP_HONGKONG)
///     .timeout(Duration::from_secs(5))
///     .language(Language::EnUs)
///     .trace_id("order-42")
///     .header("X-Custom", "yes");
/// ```
#[derive(Debug, Clone, Default)]
pub struct CallOptions {
    pub(crate) region: Option<Region>,
    pub(crate) timeout: Option<Duration>,
    pub(crate) language: Option<Language>,
    pub(crate) trace_id: Option<String>,
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
    pub(crate) problems: Vec<String>,
}

impl CallOptions {
    /// No overrides.
    pub fn new() -> Self {
        Self::default()
    }

    /// Addresses another region for this call.
    #[must_use]
    pub fn region(mut self, region: Region) -> Self {
        self.region = Some(region);
        self
    }

    /// Bounds the whole call, retries included, replacing the client's call timeout. Zero is
    /// refused when the call is made (nothing is sent).
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        if timeout.is_zero() {
            self.problems
                .push("the call timeout must be longer than zero".to_owned());
        }
        self.timeout = Some(timeout);
        self
    }

    /// The language of this call's messages.
    #[must_use]
    pub fn language(mut self, language: Language) -> Self {
        self.language = Some(language);
        self
    }

    /// Sends this `X-TC-TraceId` instead of a fresh UUID, to correlate with your own logs.
    #[must_use]
    pub fn trace_id(mut self, trace_id: impl Into<String>) -> Self {
        self.trace_id = Some(trace_id.into());
        self
    }

    /// Adds a header to this call. An invalid name or value makes the call fail with an
    /// invalid-request error before anything is sent. Headers the protocol sets (`Host`,
    /// `Content-Type`, `Authorization`, `X-TC-*` except `X-TC-TraceId`) cannot be overridden.
    #[must_use]
    pub fn header(mut self, name: &str, value: &str) -> Self {
        match (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            (Ok(name), Ok(value)) => self.headers.push((name, value)),
            (Err(_), _) => self.problems.push(format!("invalid header name {name:?}")),
            (_, Err(_)) => self
                .problems
                .push(format!("invalid value for header {name:?}")),
        }
        self
    }
}
