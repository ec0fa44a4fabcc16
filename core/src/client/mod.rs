//! The client: sends any declared [`Action`] and returns its typed response.
//!
//! One call: resolve the endpoint, get credentials, encode the parameters once, check the size
//! limits, then per attempt sign with a fresh timestamp, send, and decode the envelope. Failed
//! attempts are retried when [`Error::is_retryable`] says it is safe; a rejected timestamp
//! (`AuthFailure.SignatureExpire`) corrects the clock offset from the server's `Date` header
//! and is retried once.

mod builder;
mod options;
mod prepared;
mod request;
mod target;

use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::{Duration, Instant};

use http::HeaderValue;
use tracing::Instrument;

pub use builder::{ClientBuilder, ENV_ENDPOINT_URL, ENV_ENDPOINT_URL_PREFIX, ENV_REGION};
pub use options::{CallOptions, Language};
pub use prepared::PreparedRequest;

use crate::action::{Action, HttpMethod, Service, SigningScheme};
use crate::clock::Clock;
use crate::credentials::{Credentials, ProvideCredentials};
use crate::endpoint::{self, Endpoint, EndpointConfig};
use crate::error::Error;
use crate::region::Region;
use crate::response;
use crate::retry::RetryPolicy;
use crate::transport::Transport;
use request::{AttemptContext, Encoded, Plan};
use target::Target;

/// A Tencent Cloud API client for any declared action.
///
/// Cloning is cheap (one reference count) and clones share the connection pool: create one
/// client and pass it around.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    transport: Transport,
    credentials: Arc<dyn ProvideCredentials>,
    clock: Arc<dyn Clock>,
    /// Server time minus local time, learned from `AuthFailure.SignatureExpire` answers.
    skew_seconds: AtomicI64,
    /// Targets resolved for the client's own region, by service: resolving parses URLs, and
    /// the answer only changes with the region.
    endpoints: RwLock<HashMap<&'static str, Arc<Target>>>,
}

#[derive(Debug)]
struct Config {
    region: Option<Region>,
    endpoint: EndpointConfig,
    service_endpoints: HashMap<String, EndpointConfig>,
    attempt_timeout: Option<Duration>,
    call_timeout: Option<Duration>,
    retry: RetryPolicy,
    language: Option<Language>,
    request_client: String,
    /// `request_client` as a header value, validated once.
    request_client_header: HeaderValue,
    unsigned_payload: bool,
    signing_override: Option<SigningScheme>,
    method_override: Option<HttpMethod>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The credentials provider prints its own redacted form.
        f.debug_struct("Client")
            .field("config", &self.inner.config)
            .field("credentials", &self.inner.credentials)
            .field(
                "skew_seconds",
                &self.inner.skew_seconds.load(Ordering::Relaxed),
            )
            .finish_non_exhaustive()
    }
}

/// What one attempt produced: the outcome and the server's `Date`, if it answered.
struct AttemptOutcome<R> {
    result: Result<R, Error>,
    server_date: Option<String>,
}

impl Client {
    /// Starts configuring a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client configured from the process environment: credentials from
    /// `TENCENTCLOUD_SECRET_ID`/`_KEY` (token from `TENCENTCLOUD_SESSION_TOKEN` or
    /// `TENCENTCLOUD_TOKEN`) or the credentials file, `TENCENTCLOUD_REGION`,
    /// `TENCENTCLOUD_ENDPOINT_URL` and `TENCENTCLOUD_ENDPOINT_URL_<SERVICE>`.
    ///
    /// # Errors
    /// An invalid-configuration error when no credentials are found (listing every place
    /// tried) or a variable is malformed.
    pub fn from_env() -> Result<Self, Error> {
        Self::builder().from_env().build()
    }

    /// The region calls address unless a call overrides it.
    pub fn region(&self) -> Option<&Region> {
        self.inner.config.region.as_ref()
    }

    /// Where calls of `service` go with the client's settings.
    ///
    /// # Errors
    /// When the settings cannot form a URL for this service (e.g. a regional endpoint without
    /// a region).
    pub fn endpoint_for(&self, service: &str, region: Option<&Region>) -> Result<Endpoint, Error> {
        let config = &self.inner.config;
        let settings = config
            .service_endpoints
            .get(service)
            .unwrap_or(&config.endpoint);
        Ok(endpoint::resolve(
            service,
            region.or(config.region.as_ref()),
            settings,
        )?)
    }

    /// [`Client::endpoint_for`], remembered per service for calls in the client's own region.
    fn cached_target(
        &self,
        service: &'static str,
        region: Option<&Region>,
    ) -> Result<Arc<Target>, Error> {
        if region.is_some() {
            return Ok(Arc::new(Target::new(self.endpoint_for(service, region)?)?));
        }
        let cache = &self.inner.endpoints;
        if let Some(found) = cache
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(service)
        {
            return Ok(Arc::clone(found));
        }
        let target = Arc::new(Target::new(self.endpoint_for(service, None)?)?);
        cache
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(service, Arc::clone(&target));
        Ok(target)
    }

    /// Sends `action` and returns its typed response.
    ///
    /// # Errors
    /// See [`Error`]: invalid requests and configuration (nothing sent), credentials,
    /// connection failures, timeouts, undecodable answers, and errors the service answered.
    pub async fn send<A: Action>(&self, action: &A) -> Result<A::Response, Error> {
        self.send_with(action, &CallOptions::default()).await
    }

    /// Sends `action` with per-call overrides.
    ///
    /// # Errors
    /// As [`Client::send`].
    pub async fn send_with<A: Action>(
        &self,
        action: &A,
        options: &CallOptions,
    ) -> Result<A::Response, Error> {
        let service = <A::Service as Service>::NAME;
        let region = options
            .region
            .as_ref()
            .or(self.inner.config.region.as_ref());
        let span = tracing::info_span!(
            "tencentcloud.call",
            service,
            action = A::NAME,
            region = region.map(Region::as_str),
            latency_ms = tracing::field::Empty,
        );
        // Reading the clock is only worth it when someone records the latency.
        let started = (!span.is_disabled()).then(Instant::now);
        let call = self.call(action, options).instrument(span.clone());
        let result = match options.timeout.or(self.inner.config.call_timeout) {
            Some(limit) => tokio::time::timeout(limit, call)
                .await
                .unwrap_or_else(|_| Err(Error::timeout("call", limit))),
            None => call.await,
        };
        if let Some(started) = started {
            span.record("latency_ms", started.elapsed().as_millis() as u64);
        }
        result.map_err(|e| e.for_call(service, A::NAME, A::IDEMPOTENT))
    }

    /// Builds the signed request `send` would send first, without sending it: for dry runs,
    /// debugging, or sending with another HTTP client.
    ///
    /// # Errors
    /// As [`Client::send`], for the steps before sending.
    pub async fn prepare<A: Action>(&self, action: &A) -> Result<PreparedRequest, Error> {
        self.prepare_with(action, &CallOptions::default()).await
    }

    /// [`Client::prepare`] with per-call overrides.
    ///
    /// # Errors
    /// As [`Client::send`], for the steps before sending.
    pub async fn prepare_with<A: Action>(
        &self,
        action: &A,
        options: &CallOptions,
    ) -> Result<PreparedRequest, Error> {
        let call = self.start_call(action, options).await?;
        let inner = request::build::<A>(&call.encoded, &call.context(self, options, self.now()))?;
        Ok(PreparedRequest { inner })
    }

    fn now(&self) -> u64 {
        let local = self.inner.clock.now_unix();
        local.saturating_add_signed(self.inner.skew_seconds.load(Ordering::Relaxed))
    }

    async fn start_call<A: Action>(
        &self,
        action: &A,
        options: &CallOptions,
    ) -> Result<CallState, Error> {
        if let Some(problem) = options.problems.first() {
            return Err(Error::invalid_request(problem.clone()));
        }
        let config = &self.inner.config;
        let plan = Plan::for_action::<A>(config.method_override, config.signing_override);
        let target = self.cached_target(<A::Service as Service>::NAME, options.region.as_ref())?;
        let encoded = Encoded::new(action, plan)?;
        let trace_id = match &options.trace_id {
            Some(given) => HeaderValue::from_str(given).map_err(|_| {
                Error::invalid_request(format!(
                    "invalid trace id {given:?}: a header value must be visible ASCII"
                ))
            })?,
            None => random_trace_id(),
        };
        let credentials = self.inner.credentials.provide_credentials().await?;
        Ok(CallState {
            plan,
            target,
            encoded,
            credentials,
            trace_id,
        })
    }

    async fn call<A: Action>(
        &self,
        action: &A,
        options: &CallOptions,
    ) -> Result<A::Response, Error> {
        let state = self.start_call(action, options).await?;
        let policy = self.inner.config.retry;
        let mut attempt: u32 = 0;
        let mut corrected_skew = false;
        loop {
            attempt += 1;
            let context = state.context(self, options, self.now());
            let outcome = self
                .attempt::<A>(&state.encoded, &context)
                .instrument(tracing::debug_span!(
                    "tencentcloud.attempt",
                    attempt,
                    request_id = tracing::field::Empty
                ))
                .await;
            let error = match outcome.result {
                Ok(value) => return Ok(value),
                Err(error) => error.for_call(<A::Service as Service>::NAME, A::NAME, A::IDEMPOTENT),
            };
            if error.is_signature_expired()
                && !corrected_skew
                && let Some(skew) = outcome
                    .server_date
                    .as_deref()
                    .and_then(|d| self.skew_from(d))
            {
                corrected_skew = true;
                self.inner.skew_seconds.store(skew, Ordering::Relaxed);
                tracing::warn!(
                    skew_seconds = skew,
                    "local clock is off; correcting and retrying"
                );
                // The correction is not a failure of the call: it does not use up an attempt.
                attempt -= 1;
                continue;
            }
            if attempt >= policy.max_attempts() || !error.is_retryable() {
                return Err(error);
            }
            let delay = policy.backoff(attempt);
            tracing::warn!(attempt, delay_ms = delay.as_millis() as u64, error = %error, "retrying");
            tokio::time::sleep(delay).await;
        }
    }

    /// Server time minus local time, from an HTTP `Date` header.
    fn skew_from(&self, date: &str) -> Option<i64> {
        let server = httpdate::parse_http_date(date).ok()?;
        let server = server.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
        let local = self.inner.clock.now_unix();
        i64::try_from(server)
            .ok()?
            .checked_sub(i64::try_from(local).ok()?)
    }

    async fn attempt<A: Action>(
        &self,
        encoded: &Encoded,
        context: &AttemptContext<'_>,
    ) -> AttemptOutcome<A::Response> {
        let request = match request::build::<A>(encoded, context) {
            Ok(request) => request,
            Err(error) => {
                return AttemptOutcome {
                    result: Err(error),
                    server_date: None,
                };
            }
        };
        let send = self.inner.transport.send(request);
        let raw = match self.inner.config.attempt_timeout {
            Some(limit) => match tokio::time::timeout(limit, send).await {
                Ok(raw) => raw,
                Err(_) => Err(Error::timeout("attempt", limit)),
            },
            None => send.await,
        };
        let raw = match raw {
            Ok(raw) => raw,
            Err(error) => {
                return AttemptOutcome {
                    result: Err(error),
                    server_date: None,
                };
            }
        };
        let result = response::decode::<A::Response>(raw.status, &raw.body).map(|decoded| {
            if let Some(id) = &decoded.request_id {
                record_request_id(id);
            }
            if let Some(warning) = &decoded.deprecated_warning {
                tracing::warn!(
                    warning = warning.as_str(),
                    "the service reports a deprecation"
                );
            }
            decoded.value
        });
        if let Err(error) = &result {
            if let Some(id) = error.request_id() {
                record_request_id(id);
            }
            tracing::debug!(error = %error, "attempt failed");
        }
        AttemptOutcome {
            result,
            server_date: raw.date,
        }
    }
}

/// Notes the request id on the attempt's span (the current one) and logs the answer, so every
/// attempt's id is visible.
fn record_request_id(id: &str) {
    tracing::Span::current().record("request_id", id);
    tracing::debug!(request_id = id, "answered");
}

/// A random (version 4) UUID for `X-TC-TraceId`. Trace ids need to be unique, not
/// unpredictable, so a fast non-cryptographic generator is enough.
fn random_trace_id() -> HeaderValue {
    let mut text = [0; uuid::fmt::Hyphenated::LENGTH];
    let text = uuid::Builder::from_random_bytes(fastrand::u128(..).to_le_bytes())
        .into_uuid()
        .hyphenated()
        .encode_lower(&mut text);
    // Hex digits and hyphens only: always a valid header value, whatever the random bits.
    HeaderValue::from_str(text).expect("a hyphenated UUID is visible ASCII")
}

/// What stays the same across the attempts of one call.
struct CallState {
    plan: Plan,
    target: Arc<Target>,
    encoded: Encoded,
    credentials: Credentials,
    trace_id: HeaderValue,
}

impl CallState {
    fn context<'a>(
        &'a self,
        client: &'a Client,
        options: &'a CallOptions,
        timestamp: u64,
    ) -> AttemptContext<'a> {
        let config = &client.inner.config;
        AttemptContext {
            plan: self.plan,
            target: &self.target,
            credentials: &self.credentials,
            region: options
                .region
                .as_ref()
                .or(config.region.as_ref())
                .map(Region::as_str),
            language: options.language.or(config.language).map(Language::as_str),
            request_client: &config.request_client,
            request_client_header: &config.request_client_header,
            trace_id: &self.trace_id,
            unsigned_payload: config.unsigned_payload,
            extra_headers: &options.headers,
            timestamp,
        }
    }
}
