//! The client: sends any declared [`Action`] and returns its typed response.
//!
//! One call: resolve the endpoint, get credentials, encode the parameters once, check the size
//! limits, then per attempt sign with a fresh timestamp, send, and decode the envelope. Failed
//! attempts are retried when [`Error::is_retryable`] says it is safe; a rejected timestamp
//! (`AuthFailure.SignatureExpire`) corrects the clock offset from the server's `Date` header
//! and is retried once.

mod builder;
mod declared;
mod engine;
mod options;
mod prepared;
mod request;
mod target;

use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use http::HeaderValue;

pub use builder::{
    ClientBuilder, DEFAULT_ATTEMPT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT, ENV_ENDPOINT_ALLOW_HTTP,
    ENV_ENDPOINT_URL, ENV_ENDPOINT_URL_PREFIX, ENV_REGION,
};
pub use options::{CallOptions, Language};
pub use prepared::PreparedRequest;

use crate::action::{Action, HttpMethod, SigningScheme};
use crate::clock::Clock;
use crate::credentials::ProvideCredentials;
use crate::endpoint::{self, Endpoint, EndpointConfig};
use crate::error::Error;
use crate::region::Region;
use crate::response::{self, Decoded};
use crate::retry::RetryPolicy;
use crate::transport::Transport;
use engine::ActionInfo;
use request::Encoded;
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
    /// `region` as a header value, validated once.
    region_header: Option<HeaderValue>,
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
        // Only encoding and decoding depend on `A`; the engine does the rest, compiled once.
        let info = ActionInfo::of::<A>(self);
        let mut encode = |plan| Encoded::new(action, plan);
        let mut value = None;
        let mut decode = |status: u16, body: &[u8]| {
            let decoded = response::decode::<A::Response>(status, body)?;
            value = Some(decoded.value);
            Ok(Decoded {
                value: (),
                request_id: decoded.request_id,
                deprecated_warning: decoded.deprecated_warning,
            })
        };
        self.execute(&info, &mut encode, options, &mut decode)
            .await?;
        value.ok_or_else(|| {
            Error::decode(200, "the call ended without an answer", b"").for_call(
                info.service,
                info.name,
                info.idempotent,
            )
        })
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
        let info = ActionInfo::of::<A>(self);
        let mut encode = |plan| Encoded::new(action, plan);
        let call = self.start_call(&info, &mut encode, options).await?;
        let context = call.context(self, options, self.now());
        let inner = request::build(&info, &call.encoded, &context)?;
        Ok(PreparedRequest { inner })
    }

    fn now(&self) -> u64 {
        let local = self.inner.clock.now_unix();
        local.saturating_add_signed(self.inner.skew_seconds.load(Ordering::Relaxed))
    }
}
