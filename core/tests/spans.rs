//! The spans a call opens, for whoever records them: `tencentcloud.call` (service, action,
//! region) around the whole call and `tencentcloud.attempt` (its number and the request id the
//! service answered) around each attempt. The engine skips the span wrappers when no
//! subscriber records them, so both cases are checked here: a DEBUG subscriber sees both
//! spans, an INFO one sees the call span only, and the call works either way.
//!
//! Its own binary: tracing caches which callsites are enabled process-wide, so capturing
//! subscribers must not race with tests that run without one.

mod support;

use support::{Captured, Reply, TestServer};
use tencentcloud_core::{Client, Credentials, Region, action, model, service};
use tracing_subscriber::fmt::format::FmtSpan;

#[service(name = "ses", version = "2020-10-02")]
struct Ses;

#[action(service = Ses, response = SentResponse)]
struct SendEmail {
    from_email_address: String,
}

#[model]
struct SentResponse {
    message_id: String,
    request_id: String,
}

/// Runs one successful call under a subscriber of `level` that prints every span as it is
/// entered and as it closes, and returns what it printed.
async fn traced_call(level: tracing::Level) -> String {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(level)
        .with_span_events(FmtSpan::ENTER | FmtSpan::CLOSE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = TestServer::start(vec![Reply::Json(
        r#"{"Response":{"MessageId":"m-1","RequestId":"req-traced-7"}}"#.into(),
    )])
    .await;
    let client = Client::builder()
        .region(Region::AP_HONGKONG)
        .endpoint_url(server.url())
        .credentials(Credentials::new("AKIDspans", "spans-key").unwrap())
        .build()
        .unwrap();
    let sent = client
        .send(&SendEmail {
            from_email_address: "noreply@mail.example.com".into(),
        })
        .await
        .unwrap();
    assert_eq!(sent.message_id, "m-1");
    captured.text()
}

#[tokio::test]
async fn a_debug_subscriber_sees_the_call_and_its_attempt_with_the_request_id() {
    let printed = traced_call(tracing::Level::DEBUG).await;
    assert!(
        call_span_entered(&printed),
        "the call span was never entered:\n{printed}"
    );
    let call = printed
        .lines()
        .find(|line| line.contains("tencentcloud.call") && line.contains("close"))
        .unwrap_or_else(|| panic!("no closed call span in:\n{printed}"));
    for field in [
        "service=\"ses\"",
        "action=\"SendEmail\"",
        "region=\"ap-hongkong\"",
    ] {
        assert!(call.contains(field), "{field} missing from {call}");
    }
    let attempt = printed
        .lines()
        .find(|line| line.contains("tencentcloud.attempt") && line.contains("close"))
        .unwrap_or_else(|| panic!("no closed attempt span in:\n{printed}"));
    assert!(attempt.contains("attempt=1"), "{attempt}");
    assert!(attempt.contains("request_id=\"req-traced-7\""), "{attempt}");
    assert!(
        attempt.contains("tencentcloud.call{") && attempt.contains("}:tencentcloud.attempt{"),
        "the attempt is not inside the call's span: {attempt}"
    );
}

/// Whether the call's span was entered (it is created either way; only entering it makes what
/// happens inside the call belong to it).
fn call_span_entered(printed: &str) -> bool {
    printed
        .lines()
        .any(|line| line.contains("tencentcloud.call") && line.ends_with("enter"))
}

#[tokio::test]
async fn an_info_subscriber_sees_the_call_span_only() {
    let printed = traced_call(tracing::Level::INFO).await;
    assert!(
        printed
            .lines()
            .any(|line| line.contains("tencentcloud.call") && line.contains("close")),
        "no closed call span in:\n{printed}"
    );
    assert!(
        call_span_entered(&printed),
        "the call span was never entered:\n{printed}"
    );
    assert!(
        !printed.contains("tencentcloud.attempt"),
        "a DEBUG span printed at INFO:\n{printed}"
    );
}
