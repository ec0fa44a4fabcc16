//! The crates.io `tencentcloud-sdk` 0.2 contender (feature `ses`): its typed SES client with
//! its `Transport` trait as the seam for the canned and request-only measurements.
//!
//! Its TC3 signer and the HmacSHA* schemes are not reachable: signing is private to
//! `tencentcloud-sdk-foundation` and only TC3 exists, so those rows say "n/a".

use std::time::Duration;

use bytes::Bytes;
use http::{HeaderMap, HeaderValue, StatusCode};
use tencentcloud_sdk::ses::v20201002::models::{SendEmailRequest, Template};
use tencentcloud_sdk::ses::v20201002::{self as ses};
use tencentcloud_sdk::transport::{Transport, TransportRequest, TransportResponse};
use tencentcloud_sdk::{BoxFuture, Client, Credentials, Endpoint, SdkError};

use crate::vector::Vector;
use crate::{ANSWER, SetupError, setup_error};

/// The typed SendEmail request of the vector.
///
/// # Errors
/// When the vector lacks one of the request's fields.
pub fn request(vector: &Vector) -> Result<SendEmailRequest, SetupError> {
    let (template_id, template_data) = vector.template()?;
    let template_id =
        i64::try_from(template_id).map_err(|e| setup_error("the vector's TemplateID as i64", e))?;
    Ok(SendEmailRequest {
        from_email_address: Some(vector.param("FromEmailAddress")?),
        subject: Some(vector.param("Subject")?),
        destination: Some(vector.destination()?),
        template: Some(Template {
            template_id: Some(template_id),
            template_data: Some(template_data),
        }),
        ..SendEmailRequest::default()
    })
}

/// Answers every request with [`ANSWER`], without I/O.
#[derive(Debug)]
pub struct Canned;

impl Transport for Canned {
    fn send(
        &self,
        _request: TransportRequest,
    ) -> BoxFuture<'_, Result<TransportResponse, SdkError>> {
        Box::pin(async {
            let mut headers = HeaderMap::new();
            headers.insert(
                http::header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            Ok(TransportResponse::from_bytes(
                StatusCode::OK,
                headers,
                Bytes::from_static(ANSWER.as_bytes()),
            ))
        })
    }
}

/// Takes the signed request and ends the call there with a static error, so a call measures
/// encoding, signing and building the request but no answer: the nearest this crate has to
/// building a signed request without sending it.
#[derive(Debug)]
pub struct StopAtTransport;

/// The error [`StopAtTransport`] ends every call with.
pub const STOPPED: &str = "stopped at the transport";

impl Transport for StopAtTransport {
    fn send(
        &self,
        request: TransportRequest,
    ) -> BoxFuture<'_, Result<TransportResponse, SdkError>> {
        Box::pin(async move {
            std::hint::black_box(&request);
            Err(SdkError::Configuration(STOPPED))
        })
    }
}

fn credentials(vector: &Vector) -> Result<Credentials, SetupError> {
    Credentials::new(vector.secret_id.clone(), vector.secret_key.clone())
        .map_err(|e| setup_error("the vector's keys for tencentcloud-sdk", e))
}

fn client(
    vector: &Vector,
    transport: impl Transport + 'static,
    endpoint: Option<Endpoint>,
) -> Result<ses::Client, SetupError> {
    let mut builder = Client::builder()
        .credentials(credentials(vector)?)
        .region(vector.region.clone())
        .transport(transport);
    if let Some(endpoint) = endpoint {
        builder = builder.endpoint("ses", endpoint);
    }
    let core = builder
        .build()
        .map_err(|e| setup_error("building a tencentcloud-sdk client", e))?;
    Ok(ses::Client::new(core))
}

/// An SES client whose transport is [`Canned`].
///
/// # Errors
/// When the client cannot be built.
pub fn canned_client(vector: &Vector) -> Result<ses::Client, SetupError> {
    client(vector, Canned, None)
}

/// An SES client whose transport is [`StopAtTransport`].
///
/// # Errors
/// When the client cannot be built.
pub fn stop_client(vector: &Vector) -> Result<ses::Client, SetupError> {
    client(vector, StopAtTransport, None)
}

/// An SES client that sends to `url` (the loopback server) with the crate's own reqwest
/// transport.
///
/// # Errors
/// When the endpoint or the client cannot be built.
pub fn loopback_client(vector: &Vector, url: &str) -> Result<ses::Client, SetupError> {
    let endpoint = Endpoint::loopback_http(url)
        .map_err(|e| setup_error("the loopback URL for tencentcloud-sdk", e))?;
    let transport = tencentcloud_sdk::transport::ReqwestTransport::new(Duration::from_secs(10))
        .map_err(|e| setup_error("the tencentcloud-sdk reqwest transport", e))?;
    client(vector, transport, Some(endpoint))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn canned_call_decodes_the_answer() {
        let vector = Vector::load().unwrap();
        let client = canned_client(&vector).unwrap();
        let sent = client.send_email(&request(&vector).unwrap()).await.unwrap();
        assert!(sent.data.message_id.unwrap().starts_with("qcloudses-"));
    }

    #[tokio::test]
    async fn stop_client_reaches_the_transport() {
        let vector = Vector::load().unwrap();
        let client = stop_client(&vector).unwrap();
        match client.send_email(&request(&vector).unwrap()).await {
            Err(SdkError::Configuration(message)) => assert_eq!(message, STOPPED),
            other => panic!("expected the transport's stop, got {other:?}"),
        }
    }
}
