//! Secrets never appear in anything a TRACE-level subscriber captures, nor in `Debug` or
//! `Display` of the client, credentials, errors or prepared requests.
//!
//! This test has its own binary: tracing caches which callsites are enabled process-wide, so a
//! capturing subscriber must not race with tests that run without one.

mod support;

use std::time::Duration;

use support::{Captured, Reply, TestServer};
use tencentcloud_core::{
    Client, Credentials, Region, RetryPolicy, SigningScheme, action, model, service,
};

const ID: &str = "AKIDtestclient";
const KEY: &str = "canary-secret-key-0123456789";
const TOKEN: &str = "canary-session-token-abcdef";

#[service(name = "ses", version = "2020-10-02")]
struct Ses;

#[action(service = Ses, response = SentResponse)]
struct SendEmail {
    from_email_address: String,
    destination: Vec<String>,
}

#[model]
struct SentResponse {
    request_id: String,
}

fn email() -> SendEmail {
    SendEmail {
        from_email_address: "noreply@mail.example.com".into(),
        destination: vec!["user@example.com".into()],
    }
}

fn builder(server: &TestServer) -> tencentcloud_core::ClientBuilder {
    Client::builder()
        .region(Region::AP_HONGKONG)
        .endpoint_url(server.url())
        .retry_policy(
            RetryPolicy::new()
                .with_initial_backoff(Duration::from_millis(5))
                .with_max_backoff(Duration::from_millis(20)),
        )
}

#[tokio::test]
async fn secrets_never_appear_in_traces_debug_or_display() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = TestServer::start(vec![
        Reply::error("RequestLimitExceeded"),
        Reply::error("AuthFailure.SignatureFailure"),
        Reply::Json("<html>".into()),
        Reply::error("RequestLimitExceeded"),
        Reply::error("AuthFailure.SignatureFailure"),
        Reply::Json("<html>".into()),
    ])
    .await;
    let mut shown = Vec::new();
    for signing in [SigningScheme::Tc3HmacSha256, SigningScheme::HmacSha256] {
        let client = builder(&server)
            .credentials(Credentials::with_token(ID, KEY, TOKEN).unwrap())
            .signing(signing)
            .build()
            .unwrap();
        shown.push(format!("{client:?}"));
        let err = client.send(&email()).await.unwrap_err();
        shown.push(format!("{err} {err:?}"));
        let err = client.send(&email()).await.unwrap_err();
        shown.push(format!("{err} {err:?}"));
        shown.push(format!("{:?}", client.prepare(&email()).await.unwrap()));
    }
    shown.push(format!(
        "{:?}",
        Credentials::with_token(ID, KEY, TOKEN).unwrap()
    ));
    // Configuration read from an environment that holds the secrets, and a proxy password.
    let env = tencentcloud_core::credentials::env::Environment::from_pairs([
        ("TENCENTCLOUD_SECRET_ID", ID),
        ("TENCENTCLOUD_SECRET_KEY", KEY),
        ("TENCENTCLOUD_TOKEN", TOKEN),
    ]);
    shown.push(format!("{env:?}"));
    let configured = Client::builder()
        .environment(env.clone())
        .proxy("http://user:canary-proxy-password@proxy.internal:3128");
    shown.push(format!("{configured:?}"));
    shown.push(format!("{:?}", configured.build().unwrap()));
    // A login in an endpoint URL, and a proxy URL's query, before `build` looks at them.
    shown.push(format!(
        "{:?}",
        Client::builder()
            .endpoint_url("https://user:canary-endpoint-password@emulator.example:4010")
            .proxy("http://proxy.internal:3128/?token=canary-proxy-query")
    ));
    shown.push(format!(
        "{:?}",
        tencentcloud_core::credentials::DefaultChain::new(env)
    ));
    let signature = tencentcloud_core::sign::tc3::sign(
        &tencentcloud_core::sign::SignableRequest::new(
            tencentcloud_core::HttpMethod::Post,
            "ses.tencentcloudapi.com",
            "application/json",
            tencentcloud_core::sign::Payload::Bytes(b"{}"),
        ),
        &tencentcloud_core::sign::SigningParams {
            secret_id: ID,
            secret_key: KEY,
            service: "ses",
            timestamp: 1_700_000_000,
        },
    );
    let shown_signature = format!("{signature:?}");
    assert!(
        !shown_signature.contains(signature.signature()),
        "{shown_signature}"
    );
    shown.push(shown_signature);
    let traces = captured.text();
    assert!(traces.contains("retrying"), "the capture works: {traces}");
    assert!(traces.contains("RequestLimitExceeded"), "{traces}");
    for text in shown.iter().chain(std::iter::once(&traces)) {
        assert!(!text.contains("canary"), "secret leaked: {text}");
    }
}
