//! The part of a call that does not depend on the action's types: credentials, signing,
//! sending, retries, clock-skew correction, timeouts and tracing.
//!
//! [`Client::send`](super::Client::send) is generic over the action, and a generic `async fn`
//! is compiled again in every crate that calls it, with every action it is called with. So the
//! generic layer only encodes the parameters and decodes the answer; everything else lives here,
//! behind one boxed future, and is compiled once, in this crate.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Instant;

use bytes::Bytes;
use http::HeaderValue;
use tracing::Instrument;

use super::declared::DeclaredHeaders;
use super::request::{self, AttemptContext, Encoded, Plan};
use super::target::Target;
use super::{CallOptions, Client, Language};
use crate::action::{Action, Service};
use crate::credentials::Credentials;
use crate::error::Error;
use crate::region::Region;
use crate::response::Decoded;

/// What the engine needs to know of an action, without its types.
#[derive(Debug, Clone)]
pub(crate) struct ActionInfo {
    pub(crate) service: &'static str,
    pub(crate) version: &'static str,
    pub(crate) name: &'static str,
    pub(crate) idempotent: bool,
    pub(crate) plan: Plan,
    pub(crate) headers: DeclaredHeaders,
}

impl ActionInfo {
    /// The declaration of `A`, with the client's overrides applied where `A` allows them.
    pub(crate) fn of<A: Action>(client: &Client) -> Self {
        let config = &client.inner.config;
        Self {
            service: <A::Service as Service>::NAME,
            version: <A::Service as Service>::VERSION,
            name: A::NAME,
            idempotent: A::IDEMPOTENT,
            plan: Plan::for_action::<A>(config.method_override, config.signing_override),
            headers: DeclaredHeaders::of::<A>(),
        }
    }
}

/// Encodes the caller's parameters for a plan (the generic half of a call's first step, run
/// inside the call so that it is timed, traced and ordered like the rest).
pub(crate) type EncodeParams<'a> = dyn FnMut(Plan) -> Result<Encoded, Error> + Send + 'a;

/// Reads a successful answer into the caller's typed value (kept on the caller's side) and
/// returns what the engine logs: the request id and any deprecation warning.
pub(crate) type DecodeAnswer<'a> = dyn FnMut(u16, &[u8]) -> Result<Decoded<()>, Error> + Send + 'a;

/// The future of one whole call, boxed so that it is compiled here and not at each caller.
pub(crate) type CallFuture<'a> = Pin<Box<dyn Future<Output = Result<(), Error>> + Send + 'a>>;

impl Client {
    /// Runs a call: the span, the whole-call timeout, the attempts; `encode` writes the
    /// parameters once, `decode` reads the answer of the attempt that succeeds.
    pub(crate) fn execute<'a>(
        &'a self,
        info: &'a ActionInfo,
        encode: &'a mut EncodeParams<'_>,
        options: &'a CallOptions,
        decode: &'a mut DecodeAnswer<'_>,
    ) -> CallFuture<'a> {
        Box::pin(async move {
            let region = options
                .region
                .as_ref()
                .or(self.inner.config.region.as_ref());
            let span = tracing::info_span!(
                "tencentcloud.call",
                service = info.service,
                action = info.name,
                region = region.map(Region::as_str),
                latency_ms = tracing::field::Empty,
            );
            // Reading the clock is only worth it when someone records the latency.
            let started = (!span.is_disabled()).then(Instant::now);
            let limit = options.timeout.or(self.inner.config.call_timeout);
            // A limit too far away to be an instant (`Duration::MAX`) is no deadline.
            let deadline = limit.and_then(|limit| Instant::now().checked_add(limit));
            // The failure before the pause the call timeout cut short, to say what it was.
            let mut last_failure = None;
            let call = self.call(info, encode, options, decode, deadline, &mut last_failure);
            let call = async {
                // A span nobody records is not worth entering at every poll of the whole call.
                if span.is_disabled() {
                    call.await
                } else {
                    call.instrument(span.clone()).await
                }
            };
            // The timer is boxed so that calls without a limit do not carry its state in
            // theirs: the whole call's state is one allocation, cheaper while it stays small.
            let result = match limit {
                Some(limit) => match Box::pin(tokio::time::timeout(limit, call)).await {
                    Ok(result) => result,
                    Err(_) => Err(match &last_failure {
                        Some(last) => Error::call_timeout_after(limit, last),
                        None => Error::timeout("call", limit),
                    }),
                },
                None => call.await,
            };
            if let Some(started) = started {
                span.record("latency_ms", started.elapsed().as_millis() as u64);
            }
            result.map_err(|e| e.for_call(info.service, info.name, info.idempotent))
        })
    }

    /// Everything an attempt needs besides the timestamp, in the order a caller's mistakes
    /// are reported: call options, endpoint, parameters, trace id, then credentials.
    pub(crate) async fn start_call(
        &self,
        info: &ActionInfo,
        encode: &mut EncodeParams<'_>,
        options: &CallOptions,
    ) -> Result<CallState, Error> {
        if let Some(problem) = options.problems.first() {
            return Err(Error::invalid_request(problem.clone()));
        }
        let target = self.cached_target(info.service, options.region.as_ref())?;
        let encoded = encode(info.plan)?;
        let trace_id = match &options.trace_id {
            Some(given) => HeaderValue::from_str(given).map_err(|_| {
                Error::invalid_request(format!(
                    "invalid trace id {given:?}: a header value cannot hold control characters"
                ))
            })?,
            None => random_trace_id(),
        };
        let provider = &self.inner.credentials;
        let credentials = match provider.ready_credentials() {
            Some(credentials) => credentials,
            None => provider.provide_credentials().await?,
        };
        Ok(CallState {
            plan: info.plan,
            target,
            encoded,
            credentials,
            trace_id,
        })
    }

    async fn call(
        &self,
        info: &ActionInfo,
        encode: &mut EncodeParams<'_>,
        options: &CallOptions,
        decode: &mut DecodeAnswer<'_>,
        deadline: Option<Instant>,
        last_failure: &mut Option<Error>,
    ) -> Result<(), Error> {
        let state = self.start_call(info, encode, options).await?;
        let policy = self.inner.config.retry;
        let mut attempt: u32 = 0;
        let mut corrected_skew = false;
        loop {
            attempt += 1;
            let context = state.context(self, options, self.now());
            let span = tracing::debug_span!(
                "tencentcloud.attempt",
                attempt,
                request_id = tracing::field::Empty
            );
            let sending = self.attempt(info, &state, &context, decode);
            let outcome = if span.is_disabled() {
                sending.await
            } else {
                sending.instrument(span).await
            };
            let error = match outcome.result {
                Ok(()) => return Ok(()),
                Err(error) => error.for_call(info.service, info.name, info.idempotent),
            };
            if error.is_signature_expired()
                && !corrected_skew
                && let Some(skew) = outcome
                    .server_date
                    .as_ref()
                    .and_then(|d| d.to_str().ok())
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
            // A pause the call's time limit would cut short only turns this error, which says
            // what went wrong (and carries its request id), into a bare timeout.
            if deadline.is_some_and(|deadline| {
                Instant::now()
                    .checked_add(delay)
                    .is_none_or(|end| end >= deadline)
            }) {
                return Err(error);
            }
            tracing::warn!(attempt, delay_ms = delay.as_millis() as u64, error = %error, "retrying");
            *last_failure = Some(error);
            tokio::time::sleep(delay).await;
        }
    }

    /// Server time minus local time, from an HTTP `Date` header.
    ///
    /// A date outside [`PLAUSIBLE_SERVER_DATES`] is ignored: the local clock may be wrong by
    /// any amount (a device that booted in 1970), but a server's clock that says 1970 or 9999
    /// is broken, and following it would put every later call of the client off.
    fn skew_from(&self, date: &str) -> Option<i64> {
        let server = httpdate::parse_http_date(date).ok()?;
        let server = server.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
        if !PLAUSIBLE_SERVER_DATES.contains(&server) {
            tracing::warn!(date, "ignoring an implausible server date");
            return None;
        }
        let local = self.inner.clock.now_unix();
        i64::try_from(server)
            .ok()?
            .checked_sub(i64::try_from(local).ok()?)
    }

    async fn attempt(
        &self,
        info: &ActionInfo,
        state: &CallState,
        context: &AttemptContext<'_>,
        decode: &mut DecodeAnswer<'_>,
    ) -> AttemptOutcome {
        let request = match request::build(info, &state.encoded, context) {
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
            // Not boxed, unlike the call's timer: every attempt has a limit unless the caller
            // lifted it, so the timer is part of the common state. It costs little when the
            // answer is ready at once: the answer is polled first, and the timer is only
            // registered when it is not.
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
        let result = decode(raw.status, &raw.body).map(|decoded| {
            if let Some(id) = &decoded.request_id {
                record_request_id(id);
            }
            if let Some(warning) = &decoded.deprecated_warning {
                tracing::warn!(
                    warning = warning.as_str(),
                    "the service reports a deprecation"
                );
            }
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

/// The server dates a clock correction follows, in Unix seconds: 2020-01-01 to 2100-01-01.
const PLAUSIBLE_SERVER_DATES: std::ops::Range<u64> = 1_577_836_800..4_102_444_800;

/// What one attempt produced: the outcome and the server's `Date`, if it answered.
struct AttemptOutcome {
    result: Result<(), Error>,
    server_date: Option<HeaderValue>,
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
    uuid::Builder::from_random_bytes(fastrand::u128(..).to_le_bytes())
        .into_uuid()
        .hyphenated()
        .encode_lower(&mut text);
    // Owned by a reference-counted `Bytes` from the start, so each attempt's copy of the
    // header is a count, not an allocation. Hex digits and hyphens only: always a valid
    // header value, whatever the random bits.
    HeaderValue::from_maybe_shared(Bytes::from_owner(text))
        .expect("a hyphenated UUID is visible ASCII")
}

/// What stays the same across the attempts of one call.
pub(crate) struct CallState {
    plan: Plan,
    target: Arc<Target>,
    pub(crate) encoded: Encoded,
    credentials: Credentials,
    trace_id: HeaderValue,
}

impl CallState {
    /// The inputs of one attempt signed at `timestamp`.
    pub(crate) fn context<'a>(
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
            region: options.region.as_ref().or(config.region.as_ref()),
            // The client's region has its header value ready; a per-call one is converted
            // when the request is built.
            region_header: match options.region {
                Some(_) => None,
                None => config.region_header.as_ref(),
            },
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
