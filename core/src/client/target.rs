//! Where a call goes, in the forms a request needs: the resolved endpoint, its URL already
//! parsed into an [`http::Uri`], and its `Host` header value.
//!
//! Resolving an endpoint is a pure function of the settings; parsing its URL and validating its
//! host for a header are not free. A client resolves each service's target once and shares it
//! (behind an `Arc`) with every call, so an attempt only clones reference-counted parts.

use http::{HeaderValue, Uri};

use crate::endpoint::Endpoint;
use crate::error::Error;

/// An endpoint ready to address requests to.
#[derive(Debug)]
pub(crate) struct Target {
    endpoint: Endpoint,
    uri: Uri,
    host: HeaderValue,
}

impl Target {
    /// Parses the endpoint's URL and host once.
    ///
    /// # Errors
    /// An invalid-configuration error when either cannot be used in a request; the resolver
    /// only builds URLs from validated pieces, so this is a defence, not an expected path.
    pub(crate) fn new(endpoint: Endpoint) -> Result<Self, Error> {
        let uri = Uri::try_from(endpoint.url()).map_err(|e| {
            Error::invalid_config(format!("the endpoint {endpoint} is not a usable URL: {e}"))
        })?;
        let host = HeaderValue::from_str(endpoint.host_header()).map_err(|_| {
            Error::invalid_config(format!(
                "the endpoint {endpoint} has a host that cannot be sent as a header"
            ))
        })?;
        Ok(Self {
            endpoint,
            uri,
            host,
        })
    }

    /// The resolved endpoint.
    pub(crate) fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// The URL to send to when there is no query string.
    pub(crate) fn uri(&self) -> &Uri {
        &self.uri
    }

    /// The `Host` header, the same text the signature covers.
    pub(crate) fn host(&self) -> &HeaderValue {
        &self.host
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoint::{self, EndpointConfig};
    use crate::region::Region;

    #[test]
    fn the_parsed_forms_agree_with_the_endpoint() {
        for (config, url, host) in [
            (
                EndpointConfig::default(),
                "https://ses.tencentcloudapi.com/",
                "ses.tencentcloudapi.com",
            ),
            (
                EndpointConfig::url("http://127.0.0.1:4010"),
                "http://127.0.0.1:4010/",
                "127.0.0.1:4010",
            ),
            (
                EndpointConfig::url("http://[::1]:8080/api"),
                "http://[::1]:8080/api",
                "[::1]:8080",
            ),
        ] {
            let resolved = endpoint::resolve("ses", Some(&Region::AP_GUANGZHOU), &config).unwrap();
            let target = Target::new(resolved).unwrap();
            assert_eq!(target.uri().to_string(), url);
            assert_eq!(target.host(), host);
            assert_eq!(target.endpoint().host_header(), host);
        }
    }
}
