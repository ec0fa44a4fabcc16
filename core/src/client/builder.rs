//! `ClientBuilder`: every setting of a client, with setter errors reported by `build()`, and
//! configuration from the environment.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use super::options::Language;
use super::{Client, Config, Inner};
use crate::action::{HttpMethod, SigningScheme};
use crate::clock::{Clock, SystemClock};
use crate::credentials::env::Environment;
use crate::credentials::{DefaultChain, ProvideCredentials};
use crate::endpoint::EndpointConfig;
use crate::error::Error;
use crate::region::Region;
use crate::retry::RetryPolicy;
use crate::transport::{HttpSend, Transport, TransportConfig};

/// How long establishing a connection may take unless [`ClientBuilder::connect_timeout`] says
/// otherwise.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one attempt may take unless [`ClientBuilder::attempt_timeout`] says otherwise: the
/// official SDKs' request timeout.
pub const DEFAULT_ATTEMPT_TIMEOUT: Duration = Duration::from_mins(1);

/// The default region for every service.
pub const ENV_REGION: &str = "TENCENTCLOUD_REGION";
/// The endpoint URL for every service, e.g. an emulator.
pub const ENV_ENDPOINT_URL: &str = "TENCENTCLOUD_ENDPOINT_URL";
/// The prefix of per-service endpoint URLs: `TENCENTCLOUD_ENDPOINT_URL_SES` for SES. A
/// per-service URL wins over [`ENV_ENDPOINT_URL`].
pub const ENV_ENDPOINT_URL_PREFIX: &str = "TENCENTCLOUD_ENDPOINT_URL_";
/// `1` or `true` lets the environment's endpoint URLs use plain `http://` to hosts that are not
/// loopback, e.g. an emulator reached by a container name. Without it such a URL is refused, so
/// credentials and signed requests never travel in clear text by accident.
pub const ENV_ENDPOINT_ALLOW_HTTP: &str = "TENCENTCLOUD_ENDPOINT_ALLOW_HTTP";

/// The `X-TC-RequestClient` this crate identifies itself with.
const REQUEST_CLIENT: &str = concat!("tencentcloud-core-rust_", env!("CARGO_PKG_VERSION"));
/// The longest request-client string the official SDKs send.
const MAX_REQUEST_CLIENT: usize = 128;

/// A proxy URL, which may carry a user name and password: `Debug` shows neither.
struct ProxyUrl(String);

impl std::fmt::Debug for ProxyUrl {
    /// Where the proxy is, `scheme://host[:port]`: a proxy URL's login is a secret, and its path
    /// or query, which a proxy does not use, may hold one too.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts = crate::endpoint::UrlParts::of(&self.0);
        if parts.scheme.is_empty() {
            return f.write_str("<unparsed proxy URL>");
        }
        write!(f, "{}{}", parts.scheme, parts.host)
    }
}

/// Builds a [`Client`]. Every setter is infallible; problems are collected and reported by
/// [`ClientBuilder::build`], one error naming all of them.
#[derive(Debug, Default)]
#[must_use]
pub struct ClientBuilder {
    region: Option<Region>,
    credentials: Option<Arc<dyn ProvideCredentials>>,
    endpoint: EndpointConfig,
    /// Whether `endpoint` was set in code, so the environment must not replace it.
    endpoint_set: bool,
    service_endpoints: HashMap<String, EndpointConfig>,
    connect_timeout: Option<Duration>,
    attempt_timeout: Option<Duration>,
    call_timeout: Option<Duration>,
    retry: RetryPolicy,
    language: Option<Language>,
    request_client: Option<String>,
    unsigned_payload: bool,
    signing_override: Option<SigningScheme>,
    method_override: Option<HttpMethod>,
    proxy: Option<ProxyUrl>,
    root_certificates: Vec<Vec<u8>>,
    http_client: Option<reqwest::Client>,
    http_sender: Option<Arc<dyn HttpSend>>,
    clock: Option<Arc<dyn Clock>>,
    env: Option<Environment>,
    problems: Vec<String>,
}

impl ClientBuilder {
    /// The region calls address, sent as `X-TC-Region`. Optional: some actions take none.
    pub fn region(mut self, region: Region) -> Self {
        self.region = Some(region);
        self
    }

    /// The region, from text; a malformed id is reported by `build()`.
    pub fn region_str(mut self, region: &str) -> Self {
        match Region::new(region) {
            Ok(region) => self.region = Some(region),
            Err(e) => self.problems.push(e.to_string()),
        }
        self
    }

    /// Where credentials come from: fixed [`Credentials`](crate::Credentials) or any provider.
    pub fn credentials(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.credentials = Some(Arc::new(provider));
        self
    }

    /// Where calls go, for every service (default: the nearest `{service}.tencentcloudapi.com`).
    pub fn endpoint(mut self, endpoint: EndpointConfig) -> Self {
        self.endpoint = endpoint;
        self.endpoint_set = true;
        self
    }

    /// Sends every call to this base URL, e.g. `http://127.0.0.1:4010` for an emulator.
    pub fn endpoint_url(self, url: impl Into<String>) -> Self {
        self.endpoint(EndpointConfig::url(url))
    }

    /// Where calls of one service go, overriding [`ClientBuilder::endpoint`] for it.
    pub fn service_endpoint(mut self, service: &str, endpoint: EndpointConfig) -> Self {
        self.service_endpoints.insert(service.to_owned(), endpoint);
        self
    }

    /// How long establishing a connection (TCP and TLS) may take (default
    /// [`DEFAULT_CONNECT_TIMEOUT`], 10 s). When it elapses nothing was sent, so the call is
    /// retried whatever the action. `Duration::MAX` means no limit.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(self.positive("connect", timeout));
        self
    }

    /// How long one attempt (send and read the answer) may take (default
    /// [`DEFAULT_ATTEMPT_TIMEOUT`], 60 s, as in the official SDKs). `Duration::MAX` means no
    /// limit. The limit needs Tokio's timer, which `#[tokio::main]` enables; a runtime built by
    /// hand needs `enable_time()` (or `enable_all()`).
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.attempt_timeout = Some(self.positive("attempt", timeout));
        self
    }

    /// How long a whole call may take, retries and backoff included (default: no limit beyond
    /// the attempts' own). `Duration::MAX` means no limit.
    pub fn call_timeout(mut self, timeout: Duration) -> Self {
        self.call_timeout = Some(self.positive("call", timeout));
        self
    }

    /// `timeout`, noting a problem for `build()` when it is zero (every call would fail).
    fn positive(&mut self, which: &str, timeout: Duration) -> Duration {
        if timeout.is_zero() {
            self.problems
                .push(format!("the {which} timeout must be longer than zero"));
        }
        timeout
    }

    /// How failed calls are retried (default: 3 attempts with jittered exponential backoff).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The language of messages, sent as `X-TC-Language` (none by default).
    pub fn language(mut self, language: Language) -> Self {
        self.language = Some(language);
        self
    }

    /// An identifier of your application appended to `X-TC-RequestClient`: letters, digits and
    /// `-_,;.` only.
    pub fn request_client(mut self, name: &str) -> Self {
        let valid = !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_,;.".contains(&b));
        if valid {
            let mut full = format!("{REQUEST_CLIENT}; {name}");
            full.truncate(MAX_REQUEST_CLIENT);
            self.request_client = Some(full);
        } else {
            self.problems.push(format!(
                "invalid request client {name:?}: use letters, digits and -_,;. only"
            ));
        }
        self
    }

    /// Leaves request bodies out of TC3 signatures (`X-TC-Content-SHA256: UNSIGNED-PAYLOAD`),
    /// saving a hash of large bodies.
    pub fn unsigned_payload(mut self, enabled: bool) -> Self {
        self.unsigned_payload = enabled;
        self
    }

    /// Signs every call with this scheme where the action allows a choice (not multipart or
    /// octet-stream actions, which require TC3 and POST).
    pub fn signing(mut self, signing: SigningScheme) -> Self {
        self.signing_override = Some(signing);
        self
    }

    /// Sends every call with this method where the action allows a choice.
    pub fn method(mut self, method: HttpMethod) -> Self {
        self.method_override = Some(method);
        self
    }

    /// Sends calls through an HTTP(S) proxy, e.g. `http://proxy.internal:3128`.
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.proxy = Some(ProxyUrl(url.into()));
        self
    }

    /// Trusts an extra root certificate (PEM; a bundle of several is fine) besides the system's.
    pub fn add_root_certificate_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.root_certificates.push(pem.into());
        self
    }

    /// Uses your own reqwest client (its own pool, TLS and proxy settings; the connect timeout,
    /// proxy and root certificates of this builder then do not apply).
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http_client = Some(client);
        self
    }

    /// Sends through your own [`HttpSend`] instead of HTTP: a recorder, a canned answer for
    /// tests, another HTTP stack. The connection settings of this builder then do not apply.
    pub fn http_sender(mut self, sender: impl HttpSend + 'static) -> Self {
        self.http_sender = Some(Arc::new(sender));
        self
    }

    /// The clock timestamps are read from (tests pin it).
    pub fn clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Some(Arc::new(clock));
        self
    }

    /// Reads configuration from this environment instead of the process's (tests use a map):
    /// credentials (environment, then the credentials file), `TENCENTCLOUD_REGION`,
    /// `TENCENTCLOUD_ENDPOINT_URL`, `TENCENTCLOUD_ENDPOINT_URL_<SERVICE>` and
    /// `TENCENTCLOUD_ENDPOINT_ALLOW_HTTP`. Settings made on the builder win over the
    /// environment.
    pub fn environment(mut self, env: Environment) -> Self {
        self.env = Some(env);
        self
    }

    /// Reads configuration from the process environment (see [`ClientBuilder::environment`]).
    pub fn from_env(self) -> Self {
        self.environment(Environment::process())
    }

    fn apply_environment(&mut self) {
        let Some(env) = self.env.clone() else { return };
        if self.region.is_none()
            && let Some(region) = env.get(ENV_REGION).filter(|r| !r.is_empty())
        {
            match Region::new(region) {
                Ok(region) => self.region = Some(region),
                Err(e) => self.problems.push(format!("{ENV_REGION}: {e}")),
            }
        }
        let allow_insecure_http = match env.get(ENV_ENDPOINT_ALLOW_HTTP).as_deref() {
            None | Some("" | "0" | "false") => false,
            Some("1" | "true") => true,
            Some(other) => {
                self.problems.push(format!(
                    "{ENV_ENDPOINT_ALLOW_HTTP}: expected 1, true, 0 or false, not {other:?}"
                ));
                false
            }
        };
        let from_env = |url: String| EndpointConfig::Url {
            url,
            allow_insecure_http,
        };
        // An endpoint chosen in code is deliberate: the environment's URLs do not replace it.
        if !self.endpoint_set
            && let Some(url) = env.get(ENV_ENDPOINT_URL).filter(|u| !u.is_empty())
        {
            self.endpoint = from_env(url);
        }
        let env_services = if self.endpoint_set {
            Vec::new()
        } else {
            env.vars_with_prefix(ENV_ENDPOINT_URL_PREFIX)
        };
        for (name, url) in env_services {
            let service = name[ENV_ENDPOINT_URL_PREFIX.len()..].to_ascii_lowercase();
            if service.is_empty() || url.is_empty() {
                continue;
            }
            self.service_endpoints
                .entry(service)
                .or_insert_with(|| from_env(url));
        }
        if self.credentials.is_none() {
            match DefaultChain::new(env).resolve() {
                Ok(credentials) => self.credentials = Some(Arc::new(credentials)),
                Err(e) => self.problems.push(e.to_string()),
            }
        }
    }

    /// Checks every setting and builds the client.
    ///
    /// # Errors
    /// An invalid-configuration error listing every problem: a malformed region, request-client
    /// string, endpoint, proxy or certificate, or missing credentials.
    pub fn build(mut self) -> Result<Client, Error> {
        self.apply_environment();
        let mut problems = std::mem::take(&mut self.problems);
        let endpoints = std::iter::once(("all services".to_owned(), &self.endpoint))
            .chain(self.service_endpoints.iter().map(|(s, e)| (s.clone(), e)));
        for (scope, endpoint) in endpoints {
            // Check URLs now with a placeholder service so mistakes surface at build time.
            if let Err(e) = crate::endpoint::resolve("check", self.region.as_ref(), endpoint)
                && !matches!(e, crate::endpoint::EndpointError::MissingRegion)
            {
                problems.push(format!("endpoint for {scope}: {e}"));
            }
        }
        let credentials = match self.credentials.take() {
            Some(credentials) => Some(credentials),
            None if self.env.is_some() => None,
            None => {
                problems.push(
                    "no credentials: set them on the builder or use Client::from_env()".to_owned(),
                );
                None
            }
        };
        let transport = match (self.http_sender.take(), self.http_client.take()) {
            (Some(sender), _) => Some(Transport::from_sender(sender)),
            (None, Some(http)) => Some(Transport::from_client(http)),
            (None, None) => match Transport::build(&TransportConfig {
                connect_timeout: limit(Some(
                    self.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT),
                )),
                proxy: self.proxy.take().map(|p| p.0),
                root_certificates_pem: std::mem::take(&mut self.root_certificates),
            }) {
                Ok(transport) => Some(transport),
                Err(e) => {
                    problems.push(e.to_string());
                    None
                }
            },
        };
        let request_client = self
            .request_client
            .unwrap_or_else(|| REQUEST_CLIENT.to_owned());
        let request_client_header = http::HeaderValue::from_str(&request_client);
        if request_client_header.is_err() {
            problems.push(format!(
                "invalid request client {request_client:?}: it must fit in a header"
            ));
        }
        // A defence: region ids are already held to lower-case letters, digits and hyphens.
        let region_header = match self
            .region
            .as_ref()
            .map(|r| http::HeaderValue::from_str(r.as_str()))
        {
            Some(Ok(value)) => Some(value),
            Some(Err(_)) => {
                problems.push("the region cannot be sent as a header".to_owned());
                None
            }
            None => None,
        };
        let (Some(credentials), Some(transport), true, Ok(request_client_header)) = (
            credentials,
            transport,
            problems.is_empty(),
            request_client_header,
        ) else {
            return Err(Error::invalid_config(problems.join("; ")));
        };
        let config = Config {
            region: self.region,
            region_header,
            endpoint: self.endpoint,
            service_endpoints: self.service_endpoints,
            attempt_timeout: limit(Some(
                self.attempt_timeout.unwrap_or(DEFAULT_ATTEMPT_TIMEOUT),
            )),
            call_timeout: limit(self.call_timeout),
            retry: self.retry,
            language: self.language,
            request_client,
            request_client_header,
            unsigned_payload: self.unsigned_payload,
            signing_override: self.signing_override,
            method_override: self.method_override,
        };
        Ok(Client {
            inner: Arc::new(Inner {
                config,
                transport,
                credentials,
                clock: self.clock.unwrap_or_else(|| Arc::new(SystemClock)),
                skew_seconds: std::sync::atomic::AtomicI64::new(0),
                endpoints: std::sync::RwLock::default(),
            }),
        })
    }
}

/// A timeout as the client keeps it: `Duration::MAX` lifts the limit altogether, so no timer
/// is kept for it.
fn limit(timeout: Option<Duration>) -> Option<Duration> {
    timeout.filter(|timeout| *timeout != Duration::MAX)
}
