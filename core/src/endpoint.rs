//! Endpoints: from (service, region, settings) to the scheme, host, port and URL of a call.
//!
//! [`resolve`] is a pure function; nothing here does I/O. The region never changes which
//! credential scope is used, only (for [`EndpointConfig::Regional`]) which host is contacted.

use std::fmt;
use std::net::IpAddr;

use crate::region::Region;

/// The root domain of Tencent Cloud API 3.0.
pub const DEFAULT_ROOT_DOMAIN: &str = "tencentcloudapi.com";

/// Where calls of a client go.
///
/// Its `Debug` masks a login a URL may carry (`https://user:pass@host` shows as
/// `https://***@host`).
#[derive(Clone, PartialEq, Eq, Default)]
pub enum EndpointConfig {
    /// `{service}.tencentcloudapi.com`: DNS picks the nearest access point. The default.
    #[default]
    Nearest,
    /// `{service}.intl.tencentcloudapi.com`: the nearest access point of the international site.
    InternationalNearest,
    /// `{service}.{region}.tencentcloudapi.com`: pinned to the region's own access point.
    Regional,
    /// `{service}.{root_domain}`, e.g. `internal.tencentcloudapi.com` inside Tencent Cloud.
    RootDomain(String),
    /// A URL of your choosing, e.g. an emulator at `http://127.0.0.1:4010`.
    Url {
        /// The base URL: `https://host[:port][/path]`.
        url: String,
        /// Accept plain `http://` for a host that is not loopback. Off by default: credentials
        /// must not be sent in clear text by accident.
        allow_insecure_http: bool,
    },
}

impl fmt::Debug for EndpointConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Nearest => f.write_str("Nearest"),
            Self::InternationalNearest => f.write_str("InternationalNearest"),
            Self::Regional => f.write_str("Regional"),
            Self::RootDomain(domain) => f.debug_tuple("RootDomain").field(domain).finish(),
            Self::Url {
                url,
                allow_insecure_http,
            } => f
                .debug_struct("Url")
                .field("url", &UrlParts::of(url).with_masked_login())
                .field("allow_insecure_http", allow_insecure_http)
                .finish(),
        }
    }
}

/// A URL's text split around its authority, for showing it without the login it may carry.
/// Text, not a parsed URL: it serves `Debug` of values that may not be URLs at all yet.
pub(crate) struct UrlParts<'a> {
    /// `https://`, or nothing when the text names no scheme.
    pub(crate) scheme: &'a str,
    /// Whether the authority starts with `user[:password]@`.
    pub(crate) has_login: bool,
    /// `host[:port]`, the login taken off.
    pub(crate) host: &'a str,
    /// The path, query and fragment.
    pub(crate) rest: &'a str,
}

impl<'a> UrlParts<'a> {
    /// Splits `text`.
    pub(crate) fn of(text: &'a str) -> Self {
        let (scheme, after) = match text.find("://") {
            Some(at) => text.split_at(at + 3),
            None => ("", text),
        };
        let authority_end = after.find(['/', '?', '#']).unwrap_or(after.len());
        let (authority, rest) = after.split_at(authority_end);
        let (has_login, host) = match authority.rsplit_once('@') {
            Some((_, host)) => (true, host),
            None => (false, authority),
        };
        Self {
            scheme,
            has_login,
            host,
            rest,
        }
    }

    /// The whole text, with `***` in place of a login.
    pub(crate) fn with_masked_login(&self) -> String {
        let login = if self.has_login { "***@" } else { "" };
        format!("{}{login}{}{}", self.scheme, self.host, self.rest)
    }
}

impl EndpointConfig {
    /// A custom URL; plain `http://` is allowed only for loopback hosts.
    pub fn url(url: impl Into<String>) -> Self {
        Self::Url {
            url: url.into(),
            allow_insecure_http: false,
        }
    }
}

/// `https` or `http`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// TLS, port 443 by default.
    Https,
    /// Clear text, port 80 by default; loopback only unless explicitly allowed.
    Http,
}

impl Scheme {
    /// `https` or `http`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Https => "https",
            Self::Http => "http",
        }
    }

    const fn default_port(self) -> u16 {
        match self {
            Self::Https => 443,
            Self::Http => 80,
        }
    }
}

/// A resolved endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    scheme: Scheme,
    host: String,
    port: u16,
    path: String,
    host_header: String,
    url: String,
}

impl Endpoint {
    fn new(scheme: Scheme, host: String, port: Option<u16>, path: String) -> Self {
        let port = port.unwrap_or(scheme.default_port());
        // The Host header carries the port only when it is not the scheme's default; the same
        // text is what the signature covers, so both come from here.
        // An IPv6 address is bracketed wherever it meets a port or a URL.
        let authority = if host.contains(':') {
            format!("[{host}]")
        } else {
            host.clone()
        };
        let host_header = if port == scheme.default_port() {
            authority
        } else {
            format!("{authority}:{port}")
        };
        let url = format!("{}://{host_header}{path}", scheme.as_str());
        Self {
            scheme,
            host,
            port,
            path,
            host_header,
            url,
        }
    }

    /// `https` or `http`.
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The host name or IP address, without port or brackets.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The TCP port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The request path, `/` unless a custom URL named another. The signatures always use `/`,
    /// as API 3.0 defines the canonical URI.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The value of the `Host` header, which is also the host that is signed: the host, plus
    /// `:port` when the port is not the scheme's default.
    pub fn host_header(&self) -> &str {
        &self.host_header
    }

    /// The full URL to send requests to.
    pub fn url(&self) -> &str {
        &self.url
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.url)
    }
}

/// An endpoint setting that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EndpointError {
    /// The custom URL does not parse or has parts a base URL cannot have.
    #[error("invalid endpoint URL {url:?}: {reason}")]
    InvalidUrl {
        /// The URL as given (endpoint URLs hold no secrets; user info is refused).
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Plain `http://` to a host that is not loopback, without explicit permission.
    #[error(
        "refusing plain http to non-loopback host {host:?}: signed requests would travel in clear \
         text; use https, or allow insecure http explicitly"
    )]
    InsecureHttp {
        /// The host of the refused URL.
        host: String,
    },
    /// A pinned-region endpoint was asked for, but no region is set.
    #[error("the regional endpoint needs a region; set one or use the nearest endpoint")]
    MissingRegion,
    /// The root-domain override is not a domain name.
    #[error("invalid root domain {0:?}: expected a DNS name such as `tencentcloudapi.com`")]
    InvalidRootDomain(String),
    /// The service name cannot form a host name.
    #[error("invalid service name {0:?}: expected lower-case letters and digits")]
    InvalidService(String),
}

/// Resolves where a call of `service` goes.
///
/// # Errors
/// [`EndpointError`] when the settings cannot form a safe URL: a malformed or insecure custom
/// URL, a regional endpoint without a region, a bad root domain or service name.
pub fn resolve(
    service: &str,
    region: Option<&Region>,
    config: &EndpointConfig,
) -> Result<Endpoint, EndpointError> {
    if service.is_empty()
        || !service
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return Err(EndpointError::InvalidService(service.to_owned()));
    }
    let host = match config {
        EndpointConfig::Nearest => format!("{service}.{DEFAULT_ROOT_DOMAIN}"),
        EndpointConfig::InternationalNearest => format!("{service}.intl.{DEFAULT_ROOT_DOMAIN}"),
        EndpointConfig::Regional => {
            let region = region.ok_or(EndpointError::MissingRegion)?;
            format!("{service}.{region}.{DEFAULT_ROOT_DOMAIN}")
        }
        EndpointConfig::RootDomain(root) => {
            if !is_dns_name(root) {
                return Err(EndpointError::InvalidRootDomain(root.clone()));
            }
            format!("{service}.{root}")
        }
        EndpointConfig::Url {
            url,
            allow_insecure_http,
        } => return parse_url(url, *allow_insecure_http),
    };
    Ok(Endpoint::new(Scheme::Https, host, None, "/".to_owned()))
}

fn is_dns_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

fn parse_url(text: &str, allow_insecure_http: bool) -> Result<Endpoint, EndpointError> {
    let invalid = |reason: &str| EndpointError::InvalidUrl {
        url: without_user_info(text),
        reason: reason.to_owned(),
    };
    let parsed = url::Url::parse(text).map_err(|e| invalid(&e.to_string()))?;
    let scheme = match parsed.scheme() {
        "https" => Scheme::Https,
        "http" => Scheme::Http,
        _ => return Err(invalid("the scheme must be https or http")),
    };
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(EndpointError::InvalidUrl {
            url: "<redacted: contains user info>".to_owned(),
            reason: "user info is not allowed; credentials are configured separately".to_owned(),
        });
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(invalid("a base URL cannot have a query or fragment"));
    }
    let host = match parsed.host() {
        Some(url::Host::Domain(domain)) => domain.to_owned(),
        Some(url::Host::Ipv4(ip)) => ip.to_string(),
        Some(url::Host::Ipv6(ip)) => ip.to_string(),
        None => return Err(invalid("it has no host")),
    };
    if scheme == Scheme::Http && !allow_insecure_http && !is_loopback(&host) {
        return Err(EndpointError::InsecureHttp { host });
    }
    Ok(Endpoint::new(
        scheme,
        host,
        parsed.port(),
        parsed.path().to_owned(),
    ))
}

/// `text` for an error message, with everything up to its last `@` replaced: a URL that does
/// not parse may still carry a password there. The search stops only at a query or fragment,
/// not at `/`, which a mistyped password may hold; a base URL has no other use for `@`.
fn without_user_info(text: &str) -> String {
    let (scheme, rest) = text.split_once("://").unwrap_or(("", text));
    let query_start = rest.find(['?', '#']).unwrap_or(rest.len());
    match rest.get(..query_start).and_then(|before| before.rfind('@')) {
        Some(at) => {
            let separator = if scheme.is_empty() { "" } else { "://" };
            format!(
                "{scheme}{separator}<redacted>{}",
                rest.get(at..).unwrap_or_default()
            )
        }
        None => text.to_owned(),
    }
}

/// Whether a host is the local machine: `localhost` or a loopback address.
pub fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_masks_a_login_in_a_url() {
        let config = EndpointConfig::Url {
            url: "https://user:PASSWORD@emulator.example:4010/prefix?x=1".to_owned(),
            allow_insecure_http: false,
        };
        let shown = format!("{config:?}");
        assert!(
            !shown.contains("PASSWORD") && !shown.contains("user"),
            "{shown}"
        );
        assert!(
            shown.contains("https://***@emulator.example:4010/prefix?x=1"),
            "{shown}"
        );
        let plain = EndpointConfig::Url {
            url: "http://127.0.0.1:4010".to_owned(),
            allow_insecure_http: false,
        };
        assert!(format!("{plain:?}").contains("\"http://127.0.0.1:4010\""));
        // A path that holds `@` is not a login.
        assert_eq!(
            UrlParts::of("https://host/a@b").with_masked_login(),
            "https://host/a@b"
        );
        assert_eq!(UrlParts::of("user:pw@host").with_masked_login(), "***@host");
    }

    fn url(text: &str) -> EndpointConfig {
        EndpointConfig::url(text)
    }

    /// (settings, region, scheme, host, port, URL)
    type Case<'a> = (
        EndpointConfig,
        Option<&'a Region>,
        &'a str,
        &'a str,
        u16,
        &'a str,
    );

    #[test]
    fn resolves_each_mode_to_scheme_host_port_and_url() {
        let gz = Region::AP_GUANGZHOU;
        let cases: Vec<Case<'_>> = vec![
            (
                EndpointConfig::Nearest,
                None,
                "https",
                "ses.tencentcloudapi.com",
                443,
                "https://ses.tencentcloudapi.com/",
            ),
            (
                EndpointConfig::Nearest,
                Some(&gz),
                "https",
                "ses.tencentcloudapi.com",
                443,
                "https://ses.tencentcloudapi.com/",
            ),
            (
                EndpointConfig::InternationalNearest,
                Some(&gz),
                "https",
                "ses.intl.tencentcloudapi.com",
                443,
                "https://ses.intl.tencentcloudapi.com/",
            ),
            (
                EndpointConfig::Regional,
                Some(&gz),
                "https",
                "ses.ap-guangzhou.tencentcloudapi.com",
                443,
                "https://ses.ap-guangzhou.tencentcloudapi.com/",
            ),
            (
                EndpointConfig::RootDomain("internal.tencentcloudapi.com".into()),
                None,
                "https",
                "ses.internal.tencentcloudapi.com",
                443,
                "https://ses.internal.tencentcloudapi.com/",
            ),
            (
                url("http://127.0.0.1:4010"),
                None,
                "http",
                "127.0.0.1",
                4010,
                "http://127.0.0.1:4010/",
            ),
            (
                url("http://localhost:8080/"),
                None,
                "http",
                "localhost",
                8080,
                "http://localhost:8080/",
            ),
            (
                url("http://[::1]:9000"),
                None,
                "http",
                "::1",
                9000,
                "http://[::1]:9000/",
            ),
            (
                url("https://proxy.example.com/tc/"),
                None,
                "https",
                "proxy.example.com",
                443,
                "https://proxy.example.com/tc/",
            ),
            (
                url("https://proxy.example.com:8443"),
                None,
                "https",
                "proxy.example.com",
                8443,
                "https://proxy.example.com:8443/",
            ),
            (
                EndpointConfig::Url {
                    url: "http://10.0.0.5:80".into(),
                    allow_insecure_http: true,
                },
                None,
                "http",
                "10.0.0.5",
                80,
                "http://10.0.0.5/",
            ),
        ];
        for (config, region, scheme, host, port, full) in cases {
            let endpoint =
                resolve("ses", region, &config).unwrap_or_else(|e| panic!("{config:?}: {e}"));
            assert_eq!(endpoint.scheme().as_str(), scheme, "{config:?}");
            assert_eq!(endpoint.host(), host, "{config:?}");
            assert_eq!(endpoint.port(), port, "{config:?}");
            assert_eq!(endpoint.url(), full, "{config:?}");
        }
    }

    #[test]
    fn host_header_carries_only_non_default_ports() {
        let e = resolve("ses", None, &url("http://127.0.0.1:4010")).unwrap();
        assert_eq!(e.host_header(), "127.0.0.1:4010");
        let e = resolve("ses", None, &url("https://ses.tencentcloudapi.com:443")).unwrap();
        assert_eq!(e.host_header(), "ses.tencentcloudapi.com");
        let e = resolve("ses", None, &url("http://[::1]:4010")).unwrap();
        assert_eq!(e.host_header(), "[::1]:4010");
        let e = resolve("ses", None, &url("http://[::1]")).unwrap();
        assert_eq!((e.host_header(), e.url()), ("[::1]", "http://[::1]/"));
        let e = resolve("ses", None, &url("https://[2001:db8::1]:443/")).unwrap();
        assert_eq!(e.url(), "https://[2001:db8::1]/");
    }

    #[test]
    fn bad_settings_are_rejected_with_a_reason() {
        let cases: Vec<(&str, Option<&Region>, EndpointConfig, &str)> = vec![
            ("ses", None, EndpointConfig::Regional, "needs a region"),
            (
                "ses",
                None,
                url("http://example.com"),
                "refusing plain http",
            ),
            (
                "ses",
                None,
                url("http://192.168.1.1:4010"),
                "refusing plain http",
            ),
            (
                "ses",
                None,
                url("ftp://127.0.0.1"),
                "scheme must be https or http",
            ),
            ("ses", None, url("not a url"), "invalid endpoint URL"),
            ("ses", None, url(""), "invalid endpoint URL"),
            (
                "ses",
                None,
                url("https://user:pw@example.com"),
                "user info is not allowed",
            ),
            (
                "ses",
                None,
                url("https://example.com/?a=b"),
                "query or fragment",
            ),
            (
                "ses",
                None,
                EndpointConfig::RootDomain("evil.com/".into()),
                "invalid root domain",
            ),
            (
                "ses",
                None,
                EndpointConfig::RootDomain(String::new()),
                "invalid root domain",
            ),
            ("SES", None, EndpointConfig::Nearest, "invalid service name"),
            ("s.e", None, EndpointConfig::Nearest, "invalid service name"),
        ];
        for (service, region, config, expected) in cases {
            let err = resolve(service, region, &config).expect_err(&format!("{config:?}"));
            assert!(err.to_string().contains(expected), "{config:?}: {err}");
        }
    }

    #[test]
    fn user_info_never_appears_in_the_error() {
        let err = resolve("ses", None, &url("https://id:s3cret@example.com")).unwrap_err();
        assert!(!err.to_string().contains("s3cret"));
        // URLs that fail before their parts can be looked at: a bad port, a bad scheme, a
        // password holding an `@` or a `/`.
        for text in [
            "https://id:s3cret@example.com:99999",
            "ftp://id:s3cret@example.com",
            "https://id:s3c@ret@example.com:99999/path",
            "https://id:s3/cret@example.com",
            "id:s3cret@example.com",
        ] {
            let err = resolve("ses", None, &url(text)).unwrap_err().to_string();
            assert!(!err.contains("s3cret") && !err.contains("ret@"), "{err}");
            assert!(
                err.contains("example.com"),
                "the host is still shown: {err}"
            );
        }
    }

    #[test]
    fn loopback_detection() {
        for host in [
            "localhost",
            "127.0.0.1",
            "127.8.9.10",
            "::1",
            "[::1]",
            "LOCALHOST",
        ] {
            assert!(is_loopback(host), "{host}");
        }
        for host in ["example.com", "10.0.0.1", "127.0.0.1.nip.io", "::2"] {
            assert!(!is_loopback(host), "{host}");
        }
    }
}
