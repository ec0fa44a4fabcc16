//! Shared helpers of the emulator's HTTP tests: a started emulator with known keys, SES
//! clients for each transport form, the setup a send needs, and hand-signed raw requests for
//! the cases a well-behaved client never produces.

#![allow(dead_code, unreachable_pub)]

use std::time::Duration;

use serde_json::Value;
use tencentcloud_core::sign::{Payload, SignableRequest, SigningParams, tc3};
use tencentcloud_core::{Credentials, HttpMethod, RetryPolicy, SigningScheme};
use tencentcloud_emulator::{Emulator, EmulatorHandle};
use tencentcloud_ses::{
    Client, CreateEmailAddressRequest, CreateEmailIdentityRequest, CreateEmailTemplateRequest,
    SendEmailRequest, Template, TemplateContent,
};

/// A long-term key pair the test emulators accept.
pub const ID: &str = "AKIDfronttest000000000000000000000001";
pub const KEY: &str = "front-test-secret-key-000000000001";
/// A temporary key pair, valid only with [`TOKEN`].
pub const TEMP_ID: &str = "AKIDfronttest000000000000000000000002";
pub const TEMP_KEY: &str = "front-test-secret-key-000000000002";
pub const TOKEN: &str = "front-test-session-token";

/// The sender every test sends from, under [`DOMAIN`].
pub const DOMAIN: &str = "mail.example.com";
pub const FROM: &str = "noreply@mail.example.com";

/// An emulator accepting [`ID`]/[`KEY`] and [`TEMP_ID`]/[`TEMP_KEY`] with [`TOKEN`].
pub async fn start() -> EmulatorHandle {
    start_with(Emulator::builder()).await
}

/// The same keys on a builder the test configured further.
pub async fn start_with(builder: tencentcloud_emulator::EmulatorBuilder) -> EmulatorHandle {
    builder
        .secret(ID, KEY)
        .temporary_secret(TEMP_ID, TEMP_KEY, TOKEN)
        .start()
        .await
        .expect("the emulator starts")
}

pub fn long_term() -> Credentials {
    Credentials::new(ID, KEY).unwrap()
}

pub fn temporary() -> Credentials {
    Credentials::with_token(TEMP_ID, TEMP_KEY, TOKEN).unwrap()
}

/// An SES client for `emulator` without retries, so every fault shows.
pub fn client(emulator: &EmulatorHandle, credentials: Credentials) -> Client {
    client_with(emulator, credentials, None, None)
}

/// An SES client forcing a method and a signing scheme.
pub fn client_with(
    emulator: &EmulatorHandle,
    credentials: Credentials,
    method: Option<HttpMethod>,
    signing: Option<SigningScheme>,
) -> Client {
    let mut builder = tencentcloud_core::Client::builder()
        .endpoint_url(emulator.url())
        .credentials(credentials)
        .region(tencentcloud_core::Region::AP_GUANGZHOU)
        .retry_policy(RetryPolicy::disabled())
        .attempt_timeout(Duration::from_secs(30));
    if let Some(method) = method {
        builder = builder.method(method);
    }
    if let Some(signing) = signing {
        builder = builder.signing(signing);
    }
    Client::new(builder.build().expect("a client for the emulator"))
}

/// Creates [`DOMAIN`], the sender [`FROM`] and a template `Hello {{name}}`; returns the
/// template id.
pub async fn prepare_sending(ses: &Client) -> u64 {
    ses.create_email_identity(&CreateEmailIdentityRequest {
        email_identity: DOMAIN.to_owned(),
        dkim_option: None,
        tag_list: None,
    })
    .await
    .expect("CreateEmailIdentity");
    ses.create_email_address(&CreateEmailAddressRequest {
        email_address: FROM.to_owned(),
        email_sender_name: Some("Front Test".to_owned()),
    })
    .await
    .expect("CreateEmailAddress");
    let created = ses
        .create_email_template(&CreateEmailTemplateRequest {
            template_name: "greeting".to_owned(),
            template_content: TemplateContent {
                html: Some(base64("<p>Hello {{name}}</p>")),
                text: Some(base64("Hello {{name}}")),
            },
        })
        .await
        .expect("CreateEmailTemplate");
    created.template_id
}

/// A templated mail from [`FROM`] to `to`, greeting `name`.
pub fn greeting(template_id: u64, to: &[&str], name: &str) -> SendEmailRequest {
    SendEmailRequest::builder()
        .from_email_address(FROM)
        .subject(format!("Hello {name}"))
        .destination(to.iter().map(|&to| to.to_owned()).collect())
        .template(Template {
            template_id,
            template_data: serde_json::json!({ "name": name }).to_string(),
        })
        .build()
}

pub fn base64(text: &str) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(text)
}

/// A plain HTTP client for hand-made requests.
pub fn http() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .no_proxy()
        .build()
        .expect("a reqwest client")
}

/// Sends a hand-made, form-encoded request (`POST`, `PUT`, ...) and reads the answer.
pub async fn send_form(
    url: &str,
    method: reqwest::Method,
    body: impl Into<reqwest::Body>,
) -> Answer {
    let response = http()
        .request(method, url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .expect("the emulator answers");
    Answer::read(response).await
}

/// An answer read in full.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    pub async fn read(response: reqwest::Response) -> Self {
        Self {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body: response.bytes().await.expect("the body").to_vec(),
        }
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    /// `Response.Error.Code`, after checking the envelope every API answer must have.
    pub fn error_code(&self) -> Option<String> {
        assert_eq!(self.status, 200, "{self:?}");
        let json = self.json();
        let request_id = json["Response"]["RequestId"].as_str().expect("a RequestId");
        assert!(uuid::Uuid::parse_str(request_id).is_ok(), "{request_id}");
        json["Response"]["Error"]["Code"]
            .as_str()
            .map(str::to_owned)
    }
}

/// A TC3 request built and signed by hand, so each part can be made wrong on purpose.
#[derive(Debug, Clone)]
pub struct Tc3 {
    pub method: &'static str,
    pub action: String,
    pub version: String,
    pub service: String,
    pub content_type: String,
    pub query: String,
    pub body: Vec<u8>,
    pub secret_id: String,
    pub secret_key: String,
    pub token: Option<String>,
    pub timestamp: u64,
    /// The host signed and sent; `None` for the emulator's own address.
    pub host: Option<String>,
    /// The `X-TC-Region` header, if any (`ap-guangzhou` unless a test changes it).
    pub region: Option<String>,
    /// Headers sent after the others, appended (so one may repeat a header already sent).
    pub extra_headers: Vec<(&'static str, String)>,
}

impl Tc3 {
    /// A `POST` of `body` as JSON for `action`, signed now with [`ID`]/[`KEY`].
    pub fn post_json(action: &str, body: &Value) -> Self {
        Self {
            method: "POST",
            action: action.to_owned(),
            version: "2020-10-02".to_owned(),
            service: "ses".to_owned(),
            content_type: "application/json".to_owned(),
            query: String::new(),
            body: body.to_string().into_bytes(),
            secret_id: ID.to_owned(),
            secret_key: KEY.to_owned(),
            token: None,
            timestamp: tencentcloud_core::clock::unix_now(),
            host: None,
            region: Some("ap-guangzhou".to_owned()),
            extra_headers: Vec::new(),
        }
    }

    /// Sends it to `emulator`, signed for its own content (change fields first to break it).
    pub async fn send(&self, emulator: &EmulatorHandle) -> Answer {
        let authorization = self.authorization(emulator);
        self.send_with_authorization(emulator, &authorization).await
    }

    /// The `Authorization` header this request's fields produce.
    pub fn authorization(&self, emulator: &EmulatorHandle) -> String {
        let host = self.host_for(emulator);
        let method = if self.method == "GET" {
            HttpMethod::Get
        } else {
            HttpMethod::Post
        };
        let request = SignableRequest::new(
            method,
            &host,
            &self.content_type,
            Payload::Bytes(&self.body),
        )
        .with_query(&self.query);
        let params = SigningParams {
            secret_id: &self.secret_id,
            secret_key: &self.secret_key,
            service: &self.service,
            timestamp: self.timestamp,
        };
        tc3::sign(&request, &params).into_authorization()
    }

    /// Sends it with an `Authorization` header of the caller's choosing.
    pub async fn send_with_authorization(
        &self,
        emulator: &EmulatorHandle,
        authorization: &str,
    ) -> Answer {
        let mut url = emulator.url().to_owned() + "/";
        if !self.query.is_empty() {
            url = format!("{url}?{}", self.query);
        }
        let method = reqwest::Method::from_bytes(self.method.as_bytes()).unwrap();
        let mut request = http()
            .request(method, url)
            .header("Host", self.host_for(emulator))
            .header("Content-Type", &self.content_type)
            .header("Authorization", authorization)
            .header("X-TC-Action", &self.action)
            .header("X-TC-Version", &self.version)
            .header("X-TC-Timestamp", self.timestamp.to_string())
            .body(self.body.clone());
        if let Some(region) = &self.region {
            request = request.header("X-TC-Region", region);
        }
        if let Some(token) = &self.token {
            request = request.header("X-TC-Token", token);
        }
        for (name, value) in &self.extra_headers {
            request = request.header(*name, value);
        }
        Answer::read(request.send().await.expect("the emulator answers")).await
    }

    fn host_for(&self, emulator: &EmulatorHandle) -> String {
        self.host
            .clone()
            .unwrap_or_else(|| emulator.addr().to_string())
    }
}
