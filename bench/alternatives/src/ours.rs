//! Our contender: `tencentcloud-ses` over `tencentcloud-core`, set up the way an application
//! would use it, plus the raw reqwest baseline that sends a request we signed beforehand.

use bytes::Bytes;
use tencentcloud_core::HttpMethod;
use tencentcloud_core::sign::legacy::{self, CommonParams, LegacyAlgorithm, LegacySignError};
use tencentcloud_core::sign::{Payload, SignableRequest, SigningParams, tc3};
use tencentcloud_core::transport::{HttpSend, SendFuture};
use tencentcloud_core::{Credentials, Region};
use tencentcloud_ses::{Client, SendEmailRequest, Template};

use crate::vector::Vector;
use crate::{ANSWER, SetupError, setup_error};

/// The typed SendEmail request of the vector.
///
/// # Errors
/// When the vector lacks one of the request's fields.
pub fn request(vector: &Vector) -> Result<SendEmailRequest, SetupError> {
    let (template_id, template_data) = vector.template()?;
    Ok(SendEmailRequest::builder()
        .from_email_address(vector.param("FromEmailAddress")?)
        .destination(vector.destination()?)
        .subject(vector.param("Subject")?)
        .template(Template {
            template_id,
            template_data,
        })
        .build())
}

/// TC3 signing only: the serialized body in, the `Authorization` value out.
pub fn sign_tc3(vector: &Vector, body: &[u8]) -> String {
    let request = SignableRequest::new(
        HttpMethod::Post,
        &vector.host,
        "application/json",
        Payload::Bytes(body),
    );
    let params = SigningParams {
        secret_id: &vector.secret_id,
        secret_key: &vector.secret_key,
        service: &vector.service,
        timestamp: vector.timestamp,
    };
    tc3::sign(&request, &params).into_authorization()
}

/// The v1 common parameters of the vector's request for `algorithm`, with a fixed nonce.
pub fn common_params(vector: &Vector, algorithm: LegacyAlgorithm) -> CommonParams<'_> {
    CommonParams {
        action: &vector.action,
        version: &vector.version,
        region: Some(&vector.region),
        timestamp: vector.timestamp,
        nonce: 11_886,
        secret_id: &vector.secret_id,
        secret_key: &vector.secret_key,
        token: None,
        language: Some(&vector.language),
        request_client: Some(&vector.request_client),
        algorithm,
    }
}

/// HmacSHA256 / HmacSHA1 signing: flattened business parameters in, every parameter to send
/// (with `Signature`) out.
///
/// # Errors
/// When a parameter name repeats or is `Signature` (not the case for the vector).
pub fn sign_legacy(
    vector: &Vector,
    common: &CommonParams<'_>,
    business: Vec<(String, String)>,
) -> Result<Vec<(String, String)>, LegacySignError> {
    legacy::sign(HttpMethod::Post, &vector.host, "/", common, business)
}

/// Answers every request with [`ANSWER`], without I/O: the network replaced by a canned answer.
#[derive(Debug)]
pub struct Canned;

impl HttpSend for Canned {
    fn send(&self, _request: http::Request<Bytes>) -> SendFuture<'_> {
        Box::pin(async {
            let mut response = http::Response::new(Bytes::from_static(ANSWER.as_bytes()));
            response.headers_mut().insert(
                http::header::CONTENT_TYPE,
                http::HeaderValue::from_static("application/json"),
            );
            Ok(response)
        })
    }
}

fn credentials(vector: &Vector) -> Result<Credentials, SetupError> {
    Credentials::new(vector.secret_id.clone(), vector.secret_key.clone())
        .map_err(|e| setup_error("the vector's keys", e))
}

/// An SES client whose transport is [`Canned`].
///
/// # Errors
/// When the client cannot be built.
pub fn canned_client(vector: &Vector) -> Result<Client, SetupError> {
    let core = tencentcloud_core::Client::builder()
        .credentials(credentials(vector)?)
        .region(Region::AP_HONGKONG)
        .http_sender(Canned)
        .build()
        .map_err(|e| setup_error("building our canned client", e))?;
    Ok(Client::new(core))
}

/// An SES client that sends to `url` (the loopback server) over its default reqwest transport.
///
/// # Errors
/// When the client cannot be built.
pub fn loopback_client(vector: &Vector, url: &str) -> Result<Client, SetupError> {
    let core = tencentcloud_core::Client::builder()
        .credentials(credentials(vector)?)
        .region(Region::AP_HONGKONG)
        .endpoint_url(url)
        .build()
        .map_err(|e| setup_error("building our loopback client", e))?;
    Ok(Client::new(core))
}

/// [`loopback_client`] with the attempt limit lifted (`Duration::MAX`, so no timer per
/// attempt): the diagnostic `loopback --only ours-no-attempt-timer`, which shows what the
/// default 60 s attempt timeout costs a round trip.
///
/// # Errors
/// When the client cannot be built.
pub fn loopback_client_without_attempt_timer(
    vector: &Vector,
    url: &str,
) -> Result<Client, SetupError> {
    let core = tencentcloud_core::Client::builder()
        .credentials(credentials(vector)?)
        .region(Region::AP_HONGKONG)
        .endpoint_url(url)
        .attempt_timeout(std::time::Duration::MAX)
        .build()
        .map_err(|e| setup_error("building our loopback client without attempt timer", e))?;
    Ok(Client::new(core))
}

/// The diagnostic loop of `loopback --only ours-prepare-raw-send`: every request encoded and
/// signed by `client` ([`tencentcloud_core::Client::prepare`]), then sent by a raw reqwest
/// client and its answer read without decoding, as the raw loop does.
///
/// # Errors
/// When the raw reqwest client cannot be built.
pub fn prepare_then_raw_send(
    client: Client,
    request: std::sync::Arc<SendEmailRequest>,
) -> Result<crate::loopback::OneRequest, SetupError> {
    let raw = reqwest::Client::builder()
        .tcp_nodelay(true)
        .build()
        .map_err(|e| setup_error("building the raw reqwest client", e))?;
    Ok(std::sync::Arc::new(move || {
        let (client, request, raw) = (client.clone(), request.clone(), raw.clone());
        Box::pin(async move {
            let prepared = client
                .core()
                .prepare(&*request)
                .await
                .map_err(|e| e.to_string())?;
            let request =
                reqwest::Request::try_from(prepared.into_http()).map_err(|e| e.to_string())?;
            let response = raw.execute(request).await.map_err(|e| e.to_string())?;
            response.bytes().await.map(drop).map_err(|e| e.to_string())
        })
    }))
}

/// A request signed once by our client, to be sent again and again by the raw reqwest loop.
#[derive(Debug, Clone)]
pub struct Presigned {
    /// Method, URL and headers of the signed request.
    pub parts: (http::Method, http::Uri, http::HeaderMap),
    /// Its body.
    pub body: Bytes,
}

impl Presigned {
    /// Signs the vector's request for `client` (pointing at the loopback server).
    ///
    /// # Errors
    /// When the request cannot be prepared.
    pub async fn new(client: &Client, request: &SendEmailRequest) -> Result<Self, SetupError> {
        let prepared = client
            .core()
            .prepare(request)
            .await
            .map_err(|e| setup_error("preparing the raw reqwest request", e))?;
        let (parts, body) = prepared.into_http().into_parts();
        Ok(Self {
            parts: (parts.method, parts.uri, parts.headers),
            body,
        })
    }

    /// A reqwest request with the same method, URL, headers and body.
    ///
    /// # Errors
    /// When reqwest refuses the request (it does not for a valid prepared one).
    pub fn to_reqwest(&self) -> Result<reqwest::Request, reqwest::Error> {
        let (method, uri, headers) = self.parts.clone();
        let mut request = http::Request::new(self.body.clone());
        *request.method_mut() = method;
        *request.uri_mut() = uri;
        *request.headers_mut() = headers;
        reqwest::Request::try_from(request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tc3_signature_matches_vector_13_4() {
        let vector = Vector::load().unwrap();
        assert_eq!(
            sign_tc3(&vector, vector.body.as_bytes()),
            vector.authorization
        );
    }

    #[test]
    fn legacy_signing_ends_with_a_signature() {
        let vector = Vector::load().unwrap();
        for algorithm in [LegacyAlgorithm::HmacSha256, LegacyAlgorithm::HmacSha1] {
            let common = common_params(&vector, algorithm);
            let signed = sign_legacy(&vector, &common, vector.flattened_params()).unwrap();
            assert_eq!(
                signed.last().map(|(name, _)| name.as_str()),
                Some("Signature")
            );
        }
    }

    #[tokio::test]
    async fn canned_call_decodes_the_answer() {
        let vector = Vector::load().unwrap();
        let client = canned_client(&vector).unwrap();
        let sent = client.send_email(&request(&vector).unwrap()).await.unwrap();
        assert!(sent.message_id.starts_with("qcloudses-"));
    }
}
