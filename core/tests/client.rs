//! The client against a scripted loopback server: requests as signed, retries, clock skew,
//! timeouts, limits, malformed answers, configuration from the environment, and secrets.

mod support;

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use support::{Recorded, Reply, TestServer};
use tencentcloud_core::credentials::env::Environment;
use tencentcloud_core::encode::{parse_query, to_json};
use tencentcloud_core::sign::verify::{
    LegacyRequest, StoredKey, Tc3Request, verify_legacy, verify_tc3,
};
use tencentcloud_core::transport::{HttpSend, SendFuture};
use tencentcloud_core::{
    CallOptions, Client, Credentials, ErrorKind, HttpMethod, Region, RetryPolicy, SigningScheme,
    action, clock, model, service,
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
    subject: String,
    reply_to_addresses: Option<String>,
}

#[model]
struct SentResponse {
    message_id: Option<String>,
    request_id: String,
}

#[action(service = Ses, response = SentResponse)]
struct ListEmailTemplates {
    limit: u64,
    offset: u64,
}

/// An idempotent action, for the cases where retries differ.
fn templates(limit: u64) -> ListEmailTemplates {
    ListEmailTemplates { limit, offset: 0 }
}

fn email() -> SendEmail {
    SendEmail {
        from_email_address: "noreply@mail.example.com".into(),
        destination: vec!["user@example.com".into(), "李雷 <li@example.com>".into()],
        subject: "Hello & welcome: 50% off *today* ~ok".into(),
        reply_to_addresses: None,
    }
}

fn builder(server: &TestServer) -> tencentcloud_core::ClientBuilder {
    Client::builder()
        .credentials(Credentials::new(ID, KEY).unwrap())
        .region(Region::AP_HONGKONG)
        .endpoint_url(server.url())
        .retry_policy(
            RetryPolicy::new()
                .with_initial_backoff(Duration::from_millis(5))
                .with_max_backoff(Duration::from_millis(20)),
        )
}

fn store(token: Option<&str>) -> impl Fn(&str) -> Option<StoredKey> {
    let token = token.map(str::to_owned);
    move |id: &str| {
        (id == ID).then(|| {
            let key = StoredKey::new(KEY);
            match &token {
                Some(t) => key.with_token(t.clone()),
                None => key,
            }
        })
    }
}

/// Checks a recorded request's signature with the server-side verifier.
fn verify(recorded: &Recorded, token: Option<&str>) -> SigningScheme {
    let host = recorded.header("host").expect("host header");
    let now = clock::unix_now();
    if recorded.header("authorization").is_some() {
        let caller = verify_tc3(
            &Tc3Request {
                method: &recorded.method,
                host,
                path: "/",
                query: recorded.query(),
                headers: &recorded.headers,
                body: &recorded.body,
            },
            "ses",
            now,
            &store(token),
        )
        .expect("TC3 signature verifies");
        caller.scheme
    } else {
        let raw = if recorded.method == "GET" {
            recorded.query().as_bytes().to_vec()
        } else {
            recorded.body.clone()
        };
        let params = parse_query(&raw).expect("parameters parse");
        let caller = verify_legacy(
            &LegacyRequest {
                method: &recorded.method,
                host,
                path: "/",
                params: &params,
            },
            now,
            &store(token),
        )
        .expect("v1 signature verifies");
        caller.scheme
    }
}

#[tokio::test]
async fn tc3_post_is_sent_exactly_as_signed_with_every_header() {
    let server = TestServer::start(vec![Reply::ok(r#""MessageId":"m-1""#)]).await;
    let client = builder(&server).build().unwrap();
    let sent = client
        .send_with(&email(), &CallOptions::new().trace_id("trace-1"))
        .await
        .unwrap();
    assert_eq!(sent.message_id.as_deref(), Some("m-1"));
    let requests = server.requests();
    let request = &requests[0];
    assert_eq!(verify(request, None), SigningScheme::Tc3HmacSha256);
    assert_eq!(request.method, "POST");
    assert_eq!(request.body, to_json(&email()).unwrap());
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert_eq!(
        request.header("host"),
        Some(server.addr.to_string().as_str())
    );
    assert_eq!(request.header("x-tc-action"), Some("SendEmail"));
    assert_eq!(request.header("x-tc-version"), Some("2020-10-02"));
    assert_eq!(request.header("x-tc-region"), Some("ap-hongkong"));
    assert_eq!(request.header("x-tc-traceid"), Some("trace-1"));
    assert!(
        request
            .header("x-tc-requestclient")
            .unwrap()
            .starts_with("tencentcloud-core-rust_")
    );
    assert!(request.header("x-tc-token").is_none());
    let timestamp: u64 = request.header("x-tc-timestamp").unwrap().parse().unwrap();
    assert!(timestamp.abs_diff(clock::unix_now()) < 60);
}

#[tokio::test]
async fn a_region_this_release_does_not_know_is_sent_as_given() {
    // The client's region header is built once; a per-call region is copied into the header.
    let server = TestServer::start(vec![]).await;
    let client = builder(&server)
        .region(Region::new("me-riyadh2").unwrap())
        .build()
        .unwrap();
    client.send(&email()).await.unwrap();
    let per_call = CallOptions::new().region(Region::new("ap-shanghai-fsi").unwrap());
    client.send_with(&email(), &per_call).await.unwrap();
    let requests = server.requests();
    assert_eq!(requests[0].header("x-tc-region"), Some("me-riyadh2"));
    assert_eq!(requests[1].header("x-tc-region"), Some("ap-shanghai-fsi"));
    for request in &requests {
        verify(request, None);
    }
}

/// A JSON POST action implemented by hand, so its name and service can hold what the macros
/// would refuse.
macro_rules! hand_declared {
    ($action:ident, $service:ty, $name:literal) => {
        #[derive(serde::Serialize, serde::Deserialize)]
        struct $action;

        impl tencentcloud_core::Action for $action {
            type Service = $service;
            type Response = SentResponse;
            const NAME: &'static str = $name;
            const METHOD: HttpMethod = HttpMethod::Post;
            const SIGNING: SigningScheme = SigningScheme::Tc3HmacSha256;
            const ENCODING: tencentcloud_core::BodyEncoding = tencentcloud_core::BodyEncoding::Json;
            const IDEMPOTENT: bool = true;
        }
    };
}

/// A service declared by hand whose version cannot be a header value.
struct BrokenVersion;

impl tencentcloud_core::Service for BrokenVersion {
    const NAME: &'static str = "ses";
    const VERSION: &'static str = "2020\n10-02";
}

// A name that cannot be a header value (a struct name cannot hold a line break).
hand_declared!(BrokenName, Ses, "Send\nEmail");
hand_declared!(OfBrokenVersion, BrokenVersion, "SendEmail");

#[tokio::test]
async fn a_declared_name_that_cannot_be_a_header_is_an_error_and_nothing_is_sent() {
    let server = TestServer::start(vec![]).await;
    let client = builder(&server).build().unwrap();
    let error = client.send(&BrokenName).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidRequest, "{error}");
    assert!(
        error
            .to_string()
            .contains("invalid value for header x-tc-action"),
        "{error}"
    );
    let error = client.send(&OfBrokenVersion).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidRequest, "{error}");
    assert!(
        error
            .to_string()
            .contains("invalid value for header x-tc-version"),
        "{error}"
    );
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn every_scheme_and_method_verifies_with_and_without_a_token() {
    let cases = [
        (HttpMethod::Post, SigningScheme::Tc3HmacSha256),
        (HttpMethod::Get, SigningScheme::Tc3HmacSha256),
        (HttpMethod::Post, SigningScheme::HmacSha256),
        (HttpMethod::Get, SigningScheme::HmacSha256),
        (HttpMethod::Post, SigningScheme::HmacSha1),
        (HttpMethod::Get, SigningScheme::HmacSha1),
    ];
    for (method, signing) in cases {
        for token in [None, Some(TOKEN)] {
            let server = TestServer::start(vec![]).await;
            let credentials = match token {
                Some(t) => Credentials::with_token(ID, KEY, t).unwrap(),
                None => Credentials::new(ID, KEY).unwrap(),
            };
            let client = builder(&server)
                .credentials(credentials)
                .method(method)
                .signing(signing)
                .build()
                .unwrap();
            client.send(&email()).await.unwrap();
            let request = &server.requests()[0];
            assert_eq!(request.method, method.as_str(), "{method} {signing}");
            assert_eq!(
                verify(request, token),
                signing,
                "{method} {signing} {token:?}"
            );
            let sent_token = if signing == SigningScheme::Tc3HmacSha256 {
                request.header("x-tc-token").map(str::to_owned)
            } else {
                let raw = if method == HttpMethod::Get {
                    request.query().as_bytes().to_vec()
                } else {
                    request.body.clone()
                };
                parse_query(&raw)
                    .unwrap()
                    .into_iter()
                    .find(|(k, _)| k == "Token")
                    .map(|(_, v)| v)
            };
            assert_eq!(sent_token.as_deref(), token, "{method} {signing}");
        }
    }
}

/// (answer, idempotent action?, expected attempts) with at most 3 attempts.
#[tokio::test]
async fn retries_follow_the_error_kind_and_idempotency() {
    let cases: Vec<(Reply, bool, usize)> = vec![
        (Reply::error("RequestLimitExceeded"), false, 3),
        (
            Reply::error("RequestLimitExceeded.UinLimitExceeded"),
            false,
            3,
        ),
        (
            Reply::error("RequestLimitExceeded.IPLimitExceeded"),
            true,
            3,
        ),
        (Reply::error("InternalError"), true, 3),
        (Reply::error("InternalError"), false, 1),
        (Reply::error("ServiceUnavailable"), true, 3),
        (Reply::error("ServiceUnavailable"), false, 1),
        (Reply::error("LimitExceeded"), true, 1),
        (Reply::error("LimitExceeded.DailySendLimit"), true, 1),
        (Reply::error("AuthFailure.SignatureFailure"), true, 1),
        (Reply::error("InvalidParameter"), true, 1),
        (
            Reply::error("FailedOperation.EmailAddrInBlacklist"),
            false,
            1,
        ),
        (Reply::Drop, true, 3),
        (Reply::Drop, false, 1),
        (
            Reply::Status(502, b"<html>bad gateway</html>".to_vec()),
            true,
            3,
        ),
        (Reply::Status(503, b"busy".to_vec()), true, 3),
        (Reply::Status(503, b"busy".to_vec()), false, 1),
        (Reply::Status(404, b"not found".to_vec()), true, 1),
        (
            Reply::Status(200, b"<html>captive portal</html>".to_vec()),
            true,
            1,
        ),
    ];
    for (reply, idempotent, expected) in cases {
        let server = TestServer::start(vec![reply.clone(), reply.clone(), reply.clone()]).await;
        let client = builder(&server).build().unwrap();
        let result = if idempotent {
            client.send(&templates(10)).await.map(|_| ())
        } else {
            client.send(&email()).await.map(|_| ())
        };
        assert!(result.is_err(), "{reply:?}");
        assert_eq!(
            server.requests().len(),
            expected,
            "{reply:?} idempotent={idempotent}"
        );
    }
}

#[tokio::test]
async fn a_retry_that_succeeds_returns_the_value_and_each_attempt_is_freshly_signed() {
    let server = TestServer::start(vec![
        Reply::error("RequestLimitExceeded"),
        Reply::ok(r#""MessageId":"m-2""#),
    ])
    .await;
    let client = builder(&server).build().unwrap();
    let sent = client.send(&email()).await.unwrap();
    assert_eq!(sent.message_id.as_deref(), Some("m-2"));
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    for request in &requests {
        verify(request, None);
    }
    assert_eq!(
        requests[0].header("x-tc-traceid"),
        requests[1].header("x-tc-traceid")
    );
}

#[tokio::test]
async fn signature_expire_corrects_the_clock_from_the_date_header_and_keeps_it() {
    // The local clock is an hour behind the server.
    let server_now = clock::unix_now();
    let date = httpdate::fmt_http_date(std::time::UNIX_EPOCH + Duration::from_secs(server_now));
    let expired = r#"{"Response":{"Error":{"Code":"AuthFailure.SignatureExpire","Message":"expired"},"RequestId":"r"}}"#;
    let server = TestServer::start(vec![
        Reply::JsonWithDate(expired.into(), date),
        Reply::ok(""),
        Reply::ok(""),
    ])
    .await;
    let client = builder(&server)
        .clock(clock::FixedClock(server_now - 3600))
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    client.send(&email()).await.unwrap();
    client.send(&email()).await.unwrap();
    let stamps: Vec<u64> = server
        .requests()
        .iter()
        .map(|r| r.header("x-tc-timestamp").unwrap().parse().unwrap())
        .collect();
    assert_eq!(stamps.len(), 3);
    assert_eq!(stamps[0], server_now - 3600);
    assert!(stamps[1].abs_diff(server_now) <= 1, "{stamps:?}");
    assert!(
        stamps[2].abs_diff(server_now) <= 1,
        "the offset is kept: {stamps:?}"
    );
}

#[tokio::test]
async fn signature_expire_without_a_date_is_not_retried() {
    let server = TestServer::start(vec![Reply::error("AuthFailure.SignatureExpire")]).await;
    let client = builder(&server).build().unwrap();
    let err = client.send(&email()).await.unwrap_err();
    assert!(err.is_signature_expired());
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn signature_expire_with_an_implausible_server_date_is_not_followed() {
    let expired = r#"{"Response":{"Error":{"Code":"AuthFailure.SignatureExpire","Message":"expired"},"RequestId":"r"}}"#;
    for date in [
        "Thu, 01 Jan 1970 00:00:00 GMT",
        "Fri, 31 Dec 9999 23:59:59 GMT",
    ] {
        let server = TestServer::start(vec![
            Reply::JsonWithDate(expired.into(), date.into()),
            Reply::ok(""),
        ])
        .await;
        let client = builder(&server).build().unwrap();
        let err = client.send(&email()).await.unwrap_err();
        assert!(err.is_signature_expired(), "{date}: {err}");
        assert_eq!(server.requests().len(), 1, "{date}: no corrected retry");
        client.send(&email()).await.unwrap();
        let stamp: u64 = server.requests()[1]
            .header("x-tc-timestamp")
            .unwrap()
            .parse()
            .unwrap();
        assert!(
            stamp.abs_diff(clock::unix_now()) <= 1,
            "{date}: the next call keeps the local clock, not {stamp}"
        );
    }
}

#[tokio::test]
async fn a_pause_the_call_timeout_would_cut_short_returns_the_error_instead() {
    let throttled = || Reply::error("RequestLimitExceeded");
    let server = TestServer::start(vec![throttled(), throttled(), throttled()]).await;
    let client = builder(&server)
        .retry_policy(
            RetryPolicy::new()
                .with_initial_backoff(Duration::from_secs(1_000))
                .with_max_backoff(Duration::from_secs(1_000)),
        )
        .call_timeout(Duration::from_millis(500))
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let err = client.send(&email()).await.unwrap_err();
    assert!(
        err.is_throttling(),
        "the service's answer, not a timeout: {err}"
    );
    assert_eq!(err.request_id(), Some("req-RequestLimitExceeded"));
    assert!(
        started.elapsed() < Duration::from_millis(500),
        "no pointless wait"
    );
}

#[tokio::test]
async fn attempt_and_call_timeouts_fire() {
    let slow = || Reply::Delay(Duration::from_millis(600), Box::new(Reply::ok("")));
    let server = TestServer::start(vec![slow(), slow(), slow()]).await;
    let client = builder(&server)
        .attempt_timeout(Duration::from_millis(100))
        .build()
        .unwrap();
    let err = client.send(&templates(1)).await.unwrap_err();
    assert!(err.is_timeout(), "{err}");
    assert!(err.to_string().contains("attempt timeout"), "{err}");
    assert_eq!(
        server.requests().len(),
        3,
        "idempotent actions retry timeouts"
    );

    let server = TestServer::start(vec![slow()]).await;
    let client = builder(&server).build().unwrap();
    let err = client
        .send_with(
            &email(),
            &CallOptions::new().timeout(Duration::from_millis(100)),
        )
        .await
        .unwrap_err();
    assert!(err.is_timeout());
    assert!(err.to_string().contains("call timeout"), "{err}");

    let server = TestServer::start(vec![slow()]).await;
    let client = builder(&server)
        .attempt_timeout(Duration::from_millis(100))
        .build()
        .unwrap();
    client.send(&email()).await.unwrap_err();
    assert_eq!(
        server.requests().len(),
        1,
        "SendEmail is not retried after a timeout"
    );
}

#[tokio::test]
async fn requests_over_the_limits_are_refused_with_nothing_sent() {
    let server = TestServer::start(vec![]).await;
    let big = SendEmail {
        subject: "x".repeat(33 * 1024),
        ..email()
    };
    for (method, signing) in [
        (HttpMethod::Get, SigningScheme::Tc3HmacSha256),
        (HttpMethod::Get, SigningScheme::HmacSha1),
    ] {
        let client = builder(&server)
            .method(method)
            .signing(signing)
            .build()
            .unwrap();
        let err = client.send(&big).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidRequest, "{err}");
        assert!(err.to_string().contains("32768-byte limit"), "{err}");
    }
    let huge = SendEmail {
        subject: "x".repeat(1024 * 1024),
        ..email()
    };
    let client = builder(&server)
        .signing(SigningScheme::HmacSha256)
        .build()
        .unwrap();
    let err = client.send(&huge).await.unwrap_err();
    assert!(err.to_string().contains("1048576-byte limit"), "{err}");
    let enormous = SendEmail {
        subject: "x".repeat(10 * 1024 * 1024),
        ..email()
    };
    let client = builder(&server).build().unwrap();
    let err = client.send(&enormous).await.unwrap_err();
    assert!(err.to_string().contains("10485760-byte limit"), "{err}");
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn malformed_answers_become_decode_errors() {
    let answers: Vec<(Reply, &str)> = vec![
        (Reply::Json(String::new()), "not JSON"),
        (Reply::Json("<html>oops</html>".into()), "not JSON"),
        (
            Reply::Json(r#"{"Response":{"MessageId":"#.into()),
            "not JSON",
        ),
        (
            Reply::Status(502, b"<html>502 Bad Gateway</html>".to_vec()),
            "HTTP 502",
        ),
        (Reply::Json(r#"{"Other":1}"#.into()), "no `Response`"),
        (Reply::Json("x".repeat(20 * 1024 * 1024)), "larger than"),
        // Without a declared length the cap stops the reading once it is passed.
        (Reply::Chunked("x".repeat(20 * 1024 * 1024)), "larger than"),
    ];
    for (reply, expected) in answers {
        let server = TestServer::start(vec![reply]).await;
        let client = builder(&server).build().unwrap();
        let err = client.send(&email()).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode, "{err}");
        assert!(err.to_string().contains(expected), "{err}");
        assert!(err.to_string().len() < 600);
    }
}

#[tokio::test]
async fn an_answer_without_a_declared_length_is_read_whole() {
    // Several chunks, within the cap: the typed value comes from all of them.
    let padding = " ".repeat(3 * 1024 * 1024);
    let body = format!(r#"{{"Response":{{"MessageId":"m-chunked",{padding}"RequestId":"r-1"}}}}"#);
    let server = TestServer::start(vec![Reply::Chunked(body)]).await;
    let client = builder(&server).build().unwrap();
    let sent = client.send(&email()).await.unwrap();
    assert_eq!(sent.message_id.as_deref(), Some("m-chunked"));
}

#[tokio::test]
async fn an_answer_declared_over_the_cap_is_refused_without_reading_it() {
    let server = TestServer::start(vec![Reply::DeclaredThenStall(20 * 1024 * 1024)]).await;
    let client = builder(&server)
        .call_timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let err = client.send(&email()).await.unwrap_err();
    // Refused from the declared length: reading first would wait for the call timeout.
    assert_eq!(err.kind(), ErrorKind::Decode, "{err}");
    assert!(
        err.to_string()
            .contains("larger than 16 MiB (16777216 bytes) and was not read"),
        "{err}"
    );
    assert!(started.elapsed() < Duration::from_secs(5), "{err}");
}

#[tokio::test]
async fn service_errors_carry_code_message_and_request_id() {
    let server =
        TestServer::start(vec![Reply::error("FailedOperation.EmailAddrInBlacklist")]).await;
    let client = builder(&server).build().unwrap();
    let err = client.send(&email()).await.unwrap_err();
    assert_eq!(err.code(), Some("FailedOperation.EmailAddrInBlacklist"));
    assert_eq!(
        err.request_id(),
        Some("req-FailedOperation.EmailAddrInBlacklist")
    );
    assert_eq!(
        err.to_string(),
        "ses SendEmail failed: FailedOperation.EmailAddrInBlacklist: scripted \
         FailedOperation.EmailAddrInBlacklist (request id req-FailedOperation.EmailAddrInBlacklist)"
    );
}

#[tokio::test]
async fn environment_configures_credentials_region_and_per_service_endpoints() {
    let server = TestServer::start(vec![]).await;
    let env = Environment::from_pairs([
        ("TENCENTCLOUD_SECRET_ID", ID.to_owned()),
        ("TENCENTCLOUD_SECRET_KEY", KEY.to_owned()),
        ("TENCENTCLOUD_TOKEN", TOKEN.to_owned()),
        ("TENCENTCLOUD_REGION", "ap-singapore".to_owned()),
        ("TENCENTCLOUD_ENDPOINT_URL", "http://127.0.0.1:9".to_owned()),
        ("TENCENTCLOUD_ENDPOINT_URL_SES", server.url()),
    ]);
    let client = Client::builder().environment(env).build().unwrap();
    client.send(&email()).await.unwrap();
    let request = &server.requests()[0];
    assert_eq!(request.header("x-tc-region"), Some("ap-singapore"));
    assert_eq!(request.header("x-tc-token"), Some(TOKEN));
    verify(request, Some(TOKEN));
    assert_eq!(
        client.endpoint_for("cvm", None).unwrap().url(),
        "http://127.0.0.1:9/"
    );
}

#[test]
fn plain_http_to_another_host_from_the_environment_needs_the_opt_in() {
    let env = |allow: Option<&str>| {
        let mut pairs = vec![
            ("TENCENTCLOUD_SECRET_ID", "AKIDexample"),
            ("TENCENTCLOUD_SECRET_KEY", "key"),
            ("TENCENTCLOUD_ENDPOINT_URL", "http://emulator:4010"),
            ("TENCENTCLOUD_ENDPOINT_URL_CVM", "http://cvm-emulator:4011"),
        ];
        pairs.extend(allow.map(|value| ("TENCENTCLOUD_ENDPOINT_ALLOW_HTTP", value)));
        Environment::from_pairs(pairs)
    };
    for refused in [None, Some("0"), Some("false")] {
        let err = Client::builder()
            .environment(env(refused))
            .build()
            .unwrap_err();
        assert!(err.to_string().contains("refusing plain http"), "{err}");
    }
    for allowed in ["1", "true"] {
        let client = Client::builder()
            .environment(env(Some(allowed)))
            .build()
            .unwrap();
        assert_eq!(
            client.endpoint_for("ses", None).unwrap().url(),
            "http://emulator:4010/"
        );
        assert_eq!(
            client.endpoint_for("cvm", None).unwrap().url(),
            "http://cvm-emulator:4011/"
        );
    }
    let err = Client::builder()
        .environment(env(Some("yes")))
        .build()
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("TENCENTCLOUD_ENDPOINT_ALLOW_HTTP: expected 1, true, 0 or false"),
        "{err}"
    );
}

#[test]
fn bad_configuration_is_reported_by_build_with_every_problem() {
    let env = Environment::from_pairs([
        ("TENCENTCLOUD_REGION", "AP GUANGZHOU"),
        ("TENCENTCLOUD_ENDPOINT_URL_SES", "http://example.com"),
        ("HOME", "/nonexistent-home"),
    ]);
    let err = Client::builder()
        .environment(env)
        .request_client("my app")
        .build()
        .unwrap_err();
    let text = err.to_string();
    assert_eq!(err.kind(), ErrorKind::InvalidConfig);
    for expected in [
        "TENCENTCLOUD_REGION: invalid region",
        "endpoint for ses: refusing plain http",
        "invalid request client",
        "no credentials found; tried: environment",
        "/nonexistent-home/.tencentcloud/credentials (does not exist)",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
    let err = Client::builder().build().unwrap_err();
    assert!(err.to_string().contains("no credentials"), "{err}");
}

#[tokio::test]
async fn prepare_returns_the_signed_request_without_sending() {
    let server = TestServer::start(vec![]).await;
    let client = builder(&server)
        .credentials(Credentials::with_token(ID, KEY, TOKEN).unwrap())
        .build()
        .unwrap();
    let prepared = client.prepare(&email()).await.unwrap();
    assert!(server.requests().is_empty());
    assert_eq!(prepared.method(), "POST");
    assert_eq!(
        prepared.body().as_ref(),
        to_json(&email()).unwrap().as_slice()
    );
    assert!(
        prepared.headers()["authorization"]
            .to_str()
            .unwrap()
            .starts_with("TC3-HMAC-SHA256 Credential=AKIDtestclient/")
    );
    let shown = format!("{prepared:?}");
    assert!(!shown.contains("canary"), "{shown}");

    let legacy = builder(&server)
        .credentials(Credentials::with_token(ID, KEY, TOKEN).unwrap())
        .method(HttpMethod::Get)
        .signing(SigningScheme::HmacSha1)
        .build()
        .unwrap();
    let prepared = legacy.prepare(&email()).await.unwrap();
    assert!(prepared.uri().query().unwrap().contains("Token=canary"));
    let shown = format!("{prepared:?}");
    assert!(!shown.contains("canary"), "{shown}");
    assert!(
        !shown.contains(
            &prepared
                .uri()
                .query()
                .unwrap()
                .split("Signature=")
                .nth(1)
                .unwrap()[..10]
        ),
        "{shown}"
    );
}

#[tokio::test]
async fn a_proxy_carries_the_signed_request_unchanged() {
    let proxy = TestServer::start(vec![Reply::ok(r#""MessageId":"via-proxy""#)]).await;
    let client = Client::builder()
        .credentials(Credentials::new(ID, KEY).unwrap())
        .endpoint(tencentcloud_core::EndpointConfig::Url {
            url: "http://ses.internal.test:8080".into(),
            allow_insecure_http: true,
        })
        .proxy(proxy.url())
        .build()
        .unwrap();
    let sent = client.send(&email()).await.unwrap();
    assert_eq!(sent.message_id.as_deref(), Some("via-proxy"));
    let request = &proxy.requests()[0];
    assert_eq!(request.target, "http://ses.internal.test:8080/");
    assert_eq!(request.header("host"), Some("ses.internal.test:8080"));
    verify(request, None);
}

#[tokio::test]
async fn a_caller_supplied_reqwest_client_is_used() {
    let server = TestServer::start(vec![]).await;
    // This workspace builds reqwest without a bundled crypto provider; an application building
    // its own client chooses one first.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let own = reqwest::Client::builder().build().unwrap();
    let client = builder(&server).http_client(own).build().unwrap();
    client.send(&email()).await.unwrap();
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn bad_transport_settings_are_reported_by_build() {
    let err = Client::builder()
        .credentials(Credentials::new(ID, KEY).unwrap())
        .add_root_certificate_pem("not a certificate")
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("root certificate #1"), "{err}");
    let err = Client::builder()
        .credentials(Credentials::new(ID, KEY).unwrap())
        .proxy("::not a proxy::")
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("invalid proxy"), "{err}");
}

#[service(name = "cls", version = "2020-10-16")]
struct Cls;

/// An upload action whose body is the raw bytes of one field; the others go in headers.
#[action(service = Cls, response = SentResponse, content = "octet-stream")]
struct UploadLog {
    topic_id: String,
    hash_key: Option<String>,
    compress_type: Option<String>,
    #[tc(file)]
    data: String,
}

#[tokio::test]
async fn an_octet_stream_action_sends_its_file_as_the_body_and_the_other_fields_as_headers() {
    use base64::Engine as _;
    let server = TestServer::start(vec![]).await;
    let client = builder(&server).build().unwrap();
    let raw = b"\x00\x01binary log\xff".to_vec();
    let data = base64::engine::general_purpose::STANDARD.encode(&raw);
    let upload = UploadLog {
        topic_id: "e621fdb8-16f4-41cf-bc73-5aead0b75a03".into(),
        hash_key: None,
        compress_type: Some(String::new()),
        data,
    };
    client.send(&upload).await.unwrap();
    let request = &server.requests()[0];
    assert_eq!(request.body, raw);
    assert_eq!(
        request.header("content-type"),
        Some("application/octet-stream")
    );
    assert_eq!(request.header("x-tc-action"), Some("UploadLog"));
    // The other fields travel as `X-<SERVICE>-<Field>` headers; a `None` is left out.
    assert_eq!(
        request.header("x-cls-topicid"),
        Some("e621fdb8-16f4-41cf-bc73-5aead0b75a03")
    );
    assert_eq!(request.header("x-cls-compresstype"), Some(""));
    assert_eq!(request.header("x-cls-hashkey"), None);
    assert_eq!(
        request.header("x-cls-data"),
        None,
        "the body is not a header"
    );

    let err = client
        .send(&UploadLog {
            data: "not base64!".into(),
            ..upload.clone()
        })
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidRequest, "{err}");
    assert!(
        err.to_string().contains("parameter `Data` is not base64"),
        "{err}"
    );
    let err = client
        .send(&UploadLog {
            topic_id: "line\nbreak".into(),
            ..upload
        })
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidRequest, "{err}");
    assert!(
        err.to_string()
            .contains("parameter `TopicId` cannot be sent in header `X-CLS-TopicId`"),
        "{err}"
    );
    assert_eq!(server.requests().len(), 1, "nothing sent for a bad request");
}

#[tokio::test]
async fn an_endpoint_set_in_code_wins_over_the_environment() {
    let server = TestServer::start(vec![]).await;
    let env = Environment::from_pairs([
        ("TENCENTCLOUD_SECRET_ID", ID.to_owned()),
        ("TENCENTCLOUD_SECRET_KEY", KEY.to_owned()),
        ("TENCENTCLOUD_ENDPOINT_URL", "http://127.0.0.1:9".to_owned()),
        (
            "TENCENTCLOUD_ENDPOINT_URL_SES",
            "http://127.0.0.1:9".to_owned(),
        ),
    ]);
    let client = Client::builder()
        .environment(env)
        .endpoint_url(server.url())
        .build()
        .unwrap();
    client.send(&email()).await.unwrap();
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn the_connect_timeout_fires_and_counts_as_not_sent() {
    // A listener that never accepts, with its backlog filled: further connection attempts get
    // no answer, as with an unreachable host, but without leaving loopback.
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let listener = socket.listen(0).unwrap();
    let addr = listener.local_addr().unwrap();
    let mut fillers = Vec::new();
    for _ in 0..8 {
        let attempt = tokio::net::TcpStream::connect(addr);
        if let Ok(Ok(stream)) = tokio::time::timeout(Duration::from_millis(100), attempt).await {
            fillers.push(stream);
        }
    }
    let client = Client::builder()
        .credentials(Credentials::new(ID, KEY).unwrap())
        .endpoint_url(format!("http://{addr}"))
        .connect_timeout(Duration::from_millis(200))
        .call_timeout(Duration::from_secs(4))
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let err = client.send(&email()).await.unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(err.kind(), ErrorKind::Connect, "{err}");
    assert!(err.to_string().contains("nothing was sent"), "{err}");
    assert!(
        err.is_retryable(),
        "a request that never left is always safe to retry"
    );
    assert!(err.to_string().contains("connect timeout elapsed"), "{err}");
    assert!(err.is_timeout(), "a connect timeout is a timeout too");
    assert!(!err.is_outcome_unknown(), "nothing was sent");
    drop((listener, fillers));
}

/// An [`HttpSend`] that plays a script of answers, then never answers again: lets the timeout
/// tests run on Tokio's paused clock, with no socket whose readiness the clock could outrun.
#[derive(Debug, Clone)]
struct ScriptedThenSilent {
    script: Arc<Mutex<VecDeque<&'static str>>>,
    sent: Arc<AtomicUsize>,
}

impl ScriptedThenSilent {
    fn new(script: &[&'static str]) -> Self {
        Self {
            script: Arc::new(Mutex::new(script.iter().copied().collect())),
            sent: Arc::new(AtomicUsize::new(0)),
        }
    }

    fn sent(&self) -> usize {
        self.sent.load(Ordering::SeqCst)
    }
}

impl HttpSend for ScriptedThenSilent {
    fn send(&self, _request: http::Request<bytes::Bytes>) -> SendFuture<'_> {
        self.sent.fetch_add(1, Ordering::SeqCst);
        let next = self.script.lock().unwrap().pop_front();
        Box::pin(async move {
            match next {
                Some(body) => Ok(http::Response::new(bytes::Bytes::from_static(
                    body.as_bytes(),
                ))),
                None => std::future::pending().await,
            }
        })
    }
}

fn silent_client(sender: &ScriptedThenSilent) -> tencentcloud_core::ClientBuilder {
    Client::builder()
        .credentials(Credentials::new(ID, KEY).unwrap())
        .region(Region::AP_HONGKONG)
        .http_sender(sender.clone())
}

#[tokio::test(start_paused = true)]
async fn a_client_with_default_settings_does_not_wait_forever() {
    let sender = ScriptedThenSilent::new(&[]);
    let client = silent_client(&sender).build().unwrap();
    let started = tokio::time::Instant::now();
    let err = client.send(&email()).await.unwrap_err();
    assert_eq!(
        started.elapsed(),
        tencentcloud_core::client::DEFAULT_ATTEMPT_TIMEOUT
    );
    assert!(err.is_timeout(), "{err}");
    assert!(err.is_outcome_unknown());
    assert!(err.to_string().contains("attempt timeout of 60s"), "{err}");
    assert!(
        err.to_string().ends_with(
            "SendEmail may still have been carried out, so check before calling it again"
        ),
        "the caller learns the mail may be out: {err}"
    );
    assert_eq!(sender.sent(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_call_timeout_while_retrying_names_the_failure_it_interrupted() {
    let throttled = r#"{"Response":{"Error":{"Code":"RequestLimitExceeded","Message":"slow down"},"RequestId":"req-throttled"}}"#;
    let sender = ScriptedThenSilent::new(&[throttled]);
    let client = silent_client(&sender)
        .call_timeout(Duration::from_secs(2))
        .retry_policy(
            RetryPolicy::new()
                .with_initial_backoff(Duration::from_millis(10))
                .with_max_backoff(Duration::from_millis(10)),
        )
        .build()
        .unwrap();
    let err = client.send(&email()).await.unwrap_err();
    assert!(err.is_timeout(), "{err}");
    let text = err.to_string();
    assert!(
        text.contains("call timeout of 2s elapsed while retrying"),
        "{text}"
    );
    assert!(
        text.contains("RequestLimitExceeded: slow down"),
        "the interrupted failure is named: {text}"
    );
    assert_eq!(err.request_id(), Some("req-throttled"));
    assert_eq!(err.code(), None, "a timeout, not the service's answer");
    assert_eq!(sender.sent(), 2);
}

#[tokio::test]
async fn timeouts_too_long_to_be_an_instant_mean_no_limit() {
    let server = TestServer::start(vec![Reply::ok(r#""MessageId":"m-max""#)]).await;
    let client = builder(&server)
        .connect_timeout(Duration::MAX)
        .attempt_timeout(Duration::MAX)
        .call_timeout(Duration::MAX)
        .build()
        .unwrap();
    let sent = client
        .send_with(&email(), &CallOptions::new().timeout(Duration::MAX))
        .await
        .unwrap();
    assert_eq!(sent.message_id.as_deref(), Some("m-max"));
}

#[tokio::test]
async fn zero_timeouts_are_refused_before_anything_is_sent() {
    let server = TestServer::start(vec![]).await;
    let err = builder(&server)
        .connect_timeout(Duration::ZERO)
        .attempt_timeout(Duration::ZERO)
        .call_timeout(Duration::ZERO)
        .build()
        .unwrap_err();
    for which in ["connect", "attempt", "call"] {
        assert!(
            err.to_string()
                .contains(&format!("the {which} timeout must be longer than zero")),
            "{err}"
        );
    }
    let client = builder(&server).build().unwrap();
    let err = client
        .send_with(&email(), &CallOptions::new().timeout(Duration::ZERO))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidRequest, "{err}");
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn an_error_envelope_under_another_status_keeps_its_code_and_request_id() {
    let envelope = |code: &str| {
        format!(
            r#"{{"Response":{{"Error":{{"Code":"{code}","Message":"from the gateway"}},"RequestId":"req-{code}"}}}}"#
        )
        .into_bytes()
    };
    let throttled = || Reply::Status(429, envelope("RequestLimitExceeded"));
    let server = TestServer::start(vec![throttled(), throttled(), throttled()]).await;
    let client = builder(&server).build().unwrap();
    let err = client.send(&email()).await.unwrap_err();
    assert!(err.is_throttling(), "{err}");
    assert_eq!(err.request_id(), Some("req-RequestLimitExceeded"));
    assert_eq!(err.http_status(), Some(429));
    assert_eq!(
        err.to_string(),
        "ses SendEmail failed: RequestLimitExceeded: from the gateway (HTTP 429) \
         (request id req-RequestLimitExceeded)"
    );
    assert_eq!(server.requests().len(), 3, "throttling is retried");

    let internal = || Reply::Status(500, envelope("InternalError"));
    let server = TestServer::start(vec![internal(), internal(), internal(), internal()]).await;
    let client = builder(&server).build().unwrap();
    let err = client.send(&email()).await.unwrap_err();
    assert_eq!(err.code(), Some("InternalError"));
    assert_eq!(server.requests().len(), 1, "SendEmail is not retried");
    let err = client.send(&templates(1)).await.unwrap_err();
    assert_eq!(err.code(), Some("InternalError"));
    assert_eq!(server.requests().len(), 4, "a read is retried");
}

#[tokio::test]
async fn only_a_failure_after_sending_warns_that_a_mail_may_be_out() {
    let server = TestServer::start(vec![Reply::Drop; 4]).await;
    let client = builder(&server).build().unwrap();
    let err = client.send(&email()).await.unwrap_err();
    assert!(err.is_outcome_unknown());
    assert!(
        err.to_string()
            .contains("SendEmail may still have been carried out"),
        "{err}"
    );
    let err = client.send(&templates(1)).await.unwrap_err();
    assert!(err.is_outcome_unknown());
    assert!(
        !err.to_string().contains("may still have been carried out"),
        "a read can simply be repeated: {err}"
    );
    let server =
        TestServer::start(vec![Reply::error("FailedOperation.EmailAddrInBlacklist")]).await;
    let err = builder(&server)
        .build()
        .unwrap()
        .send(&email())
        .await
        .unwrap_err();
    assert!(!err.is_outcome_unknown(), "the service said no: {err}");
}
