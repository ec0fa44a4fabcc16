//! The example programs' logic, run in-process: `call`'s action table, its decode-before-send
//! guarantee and its signing switches against a verifying loopback server; `custom_service`'s
//! declarations producing requests that verify; the webhook router's answers; `send_email`'s
//! request building.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Method, Request, StatusCode, Uri};
use serde_json::{Value, json};
use tencentcloud_core::clock::{FixedClock, unix_now};
use tencentcloud_core::credentials::Environment;
use tencentcloud_core::encode::parse_query;
use tencentcloud_core::sign::verify::{
    LegacyRequest, StoredKey, Tc3Request, VerifiedCaller, verify_legacy, verify_tc3,
};
use tencentcloud_core::{
    CallOptions, Client, Credentials, ErrorKind, HttpMethod, PreparedRequest, Region, SigningScheme,
};
use tencentcloud_examples::call::{ACTION_NAMES, CallError, call_action};
use tencentcloud_examples::cvm::{DescribeInstances, DescribeRegions, Filter};
use tencentcloud_examples::mail::{Message, MessageError};
use tencentcloud_examples::sms::SendSms;
use tencentcloud_examples::{ClientSettings, ses_client, webhook};
use tower::ServiceExt as _;

const SECRET_ID: &str = "AKIDexamplesTestKey000000000000000";
const SECRET_KEY: &str = "examples-test-secret-key-000000000";

/// The secret store of the verifying side: the one key pair above.
fn store() -> HashMap<String, StoredKey> {
    HashMap::from([(SECRET_ID.to_owned(), StoredKey::new(SECRET_KEY))])
}

/// The `call` client as the program builds it, from an environment pointing at `endpoint`.
fn client_for(endpoint: &str, settings: &ClientSettings) -> tencentcloud_ses::Client {
    let env = Environment::from_pairs([
        ("TENCENTCLOUD_SECRET_ID", SECRET_ID),
        ("TENCENTCLOUD_SECRET_KEY", SECRET_KEY),
        ("TENCENTCLOUD_ENDPOINT_URL_SES", endpoint),
    ]);
    match ses_client(env, settings) {
        Ok(client) => client,
        Err(error) => panic!("the test client must build: {error}"),
    }
}

// --- call: the table -----------------------------------------------------------------------

#[test]
fn list_gives_every_action_of_the_ses_schema_once_sorted() {
    // The action names of the upstream schema (spec/ses/api.json, kept by the ses crate).
    let schema: Value =
        serde_json::from_str(include_str!("../../ses/tests/fixtures/api_schema.json"))
            .expect("the schema fixture is JSON");
    let expected: BTreeSet<&str> = schema["actions"]
        .as_object()
        .expect("the schema lists actions")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(expected.len(), 36);

    assert_eq!(ACTION_NAMES.len(), 36);
    let listed: BTreeSet<&str> = ACTION_NAMES.iter().copied().collect();
    assert_eq!(listed.len(), ACTION_NAMES.len(), "a name is listed twice");
    assert_eq!(listed, expected);
    assert!(
        ACTION_NAMES.windows(2).all(|pair| pair[0] < pair[1]),
        "--list is sorted"
    );
}

#[tokio::test]
async fn an_unknown_action_is_refused_with_a_suggestion() {
    let client = client_for("http://127.0.0.1:1", &ClientSettings::default());
    let error = call_action(&client, "sendemail", "{}").await.unwrap_err();
    match &error {
        CallError::UnknownAction { name, suggestion } => {
            assert_eq!(name, "sendemail");
            assert_eq!(*suggestion, Some("SendEmail"));
        }
        other => panic!("expected an unknown action, got {other:?}"),
    }
    assert!(
        error.to_string().contains("did you mean `SendEmail`"),
        "{error}"
    );
    let error = call_action(&client, "FlyToTheMoon", "{}")
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            CallError::UnknownAction {
                suggestion: None,
                ..
            }
        ),
        "{error:?}"
    );
}

// --- call: bad parameters never reach the network --------------------------------------------

#[tokio::test]
async fn bad_parameters_fail_before_anything_is_sent() {
    // Nothing listens on port 1: any attempt to send would end in a connection error.
    let client = client_for("http://127.0.0.1:1", &ClientSettings::default());
    let fifty_one: Vec<String> = (0..51).map(|i| format!("user{i}@example.com")).collect();
    let too_many = json!({
        "FromEmailAddress": "noreply@mail.example.com",
        "Subject": "hello",
        "Destination": fifty_one,
        "Template": {"TemplateID": 1, "TemplateData": "{}"}
    })
    .to_string();
    let cases: [(&str, &str, &str); 10] = [
        ("ListEmailTemplates", "{\"Limit\": 10", "not valid JSON"),
        ("ListEmailTemplates", "[10, 0]", "must be a JSON object"),
        (
            "ListEmailTemplates",
            "{\"Offset\": 0}",
            "missing field `Limit`",
        ),
        (
            "ListEmailTemplates",
            "{\"Limit\": \"ten\", \"Offset\": 0}",
            "parameter `Limit`: invalid type: string \"ten\"",
        ),
        (
            "ListEmailTemplates",
            "{\"Limit\": 10, \"Offset\": 0, \"limit\": 5}",
            "no parameter `limit`; did you mean `Limit`?",
        ),
        (
            "SendEmail",
            r#"{"FromEmailAddress": "a@b.example", "Subject": "s", "Destination": ["c@d.example"], "Subjct": "x"}"#,
            "no parameter `Subjct`; did you mean `Subject`?",
        ),
        (
            "SendEmail",
            r#"{"FromEmailAddress": "a@b.example", "Subject": "s", "Destination": ["c@d.example"], "ReplyToAddress": "e@f.example"}"#,
            "no parameter `ReplyToAddress`; did you mean `ReplyToAddresses`?",
        ),
        (
            "SendEmail",
            r#"{"FromEmailAddress": "a@b.example", "Subject": "s", "Destination": ["c@d.example"], "Template": {"TemplateID": 1, "TemplateData": "{}", "TemplateDat": "{}"}}"#,
            "no parameter `Template.TemplateDat`",
        ),
        (
            "SendEmail",
            r#"{"FromEmailAddress": "a@b.example", "Subject": "s", "Destination": [7]}"#,
            "parameter `Destination[0]`",
        ),
        ("SendEmail", &too_many, "Destination has 51 addresses"),
    ];
    for (action, json, expected) in cases {
        let error = call_action(&client, action, json).await.unwrap_err();
        assert_eq!(
            error.kind(),
            Some(ErrorKind::InvalidRequest),
            "{action} {json}: {error}"
        );
        let text = error.to_string();
        assert!(text.contains(expected), "{action} {json}: {text}");
        assert!(text.contains("nothing was sent"), "{text}");
    }

    // The same client does try to connect once the parameters are right.
    let error = call_action(
        &client,
        "ListEmailTemplates",
        "{\"Limit\": 10, \"Offset\": 0}",
    )
    .await
    .unwrap_err();
    assert_eq!(error.kind(), Some(ErrorKind::Connect), "{error}");
}

// --- call: every signing switch, checked by a verifying server --------------------------------

/// What the loopback server saw of one request.
#[derive(Debug, Clone)]
struct Seen {
    method: Method,
    verified: Result<VerifiedCaller, String>,
    action: Option<String>,
}

/// Verifies a received request the way Tencent Cloud would, by the core's verifier.
fn verify(method: &Method, uri: &Uri, headers: &HeaderMap, body: &[u8]) -> Seen {
    let host = headers
        .get("host")
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    let query = uri.query().unwrap_or_default();
    let (verified, action) = if headers.contains_key("authorization") {
        let request = Tc3Request {
            method: method.as_str(),
            host,
            path: uri.path(),
            query,
            headers,
            body,
        };
        let action = headers
            .get("x-tc-action")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        (verify_tc3(&request, "ses", unix_now(), &store()), action)
    } else {
        let raw = if method == Method::GET {
            query.as_bytes()
        } else {
            body
        };
        let params = parse_query(raw).unwrap_or_default();
        let action = params
            .iter()
            .find(|(k, _)| k == "Action")
            .map(|(_, v)| v.clone());
        let request = LegacyRequest {
            method: method.as_str(),
            host,
            path: uri.path(),
            params: &params,
        };
        (verify_legacy(&request, unix_now(), &store()), action)
    };
    Seen {
        method: method.clone(),
        verified: verified.map_err(|e| e.code().to_owned()),
        action,
    }
}

/// Starts a loopback server that verifies every request, records it, and answers with a
/// `ListEmailTemplates` response or Tencent's error envelope for a bad signature.
async fn verifying_server() -> (String, Arc<Mutex<Vec<Seen>>>) {
    let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
    let log = Arc::clone(&seen);
    let app = Router::new().fallback(
        move |method: Method, uri: Uri, headers: HeaderMap, body: Bytes| {
            let log = Arc::clone(&log);
            async move {
                let record = verify(&method, &uri, &headers, &body);
                let answer = match &record.verified {
                    Ok(_) => json!({"Response": {
                        "TemplatesMetadata": [], "TotalCount": 0, "RequestId": "req-ok"}}),
                    Err(code) => json!({"Response": {
                        "Error": {"Code": code, "Message": "refused"}, "RequestId": "req-bad"}}),
                };
                log.lock().expect("the log is not poisoned").push(record);
                axum::Json(answer)
            }
        },
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port is free");
    let address = listener.local_addr().expect("the listener has an address");
    tokio::spawn(async move { axum::serve(listener, app).await });
    (format!("http://{address}"), seen)
}

#[tokio::test]
async fn every_signing_scheme_and_method_reaches_the_server_verifiably() {
    let (endpoint, seen) = verifying_server().await;
    let combinations = [
        (SigningScheme::Tc3HmacSha256, HttpMethod::Post),
        (SigningScheme::Tc3HmacSha256, HttpMethod::Get),
        (SigningScheme::HmacSha256, HttpMethod::Post),
        (SigningScheme::HmacSha256, HttpMethod::Get),
        (SigningScheme::HmacSha1, HttpMethod::Post),
        (SigningScheme::HmacSha1, HttpMethod::Get),
    ];
    for (signing, method) in combinations {
        let settings = ClientSettings {
            region: Some(Region::AP_HONGKONG),
            signing: Some(signing),
            method: Some(method),
        };
        let client = client_for(&endpoint, &settings);
        let response = call_action(
            &client,
            "ListEmailTemplates",
            "{\"Limit\": 5, \"Offset\": 0}",
        )
        .await
        .unwrap_or_else(|e| panic!("{signing} {method}: {e}"));
        assert_eq!(
            response,
            json!({"TemplatesMetadata": [], "TotalCount": 0, "RequestId": "req-ok"})
        );
        let last = seen
            .lock()
            .expect("the log is not poisoned")
            .last()
            .cloned()
            .expect("the server saw the call");
        assert_eq!(last.method.as_str(), method.as_str());
        assert_eq!(last.action.as_deref(), Some("ListEmailTemplates"));
        let caller = last.verified.expect("the signature verifies");
        assert_eq!(caller.scheme, signing);
        assert_eq!(caller.secret_id, SECRET_ID);
    }
}

#[tokio::test]
async fn a_service_error_carries_code_and_request_id() {
    let (endpoint, _seen) = verifying_server().await;
    // Signed with another key than the server stores: refused with Tencent's code.
    let env = Environment::from_pairs([
        ("TENCENTCLOUD_SECRET_ID", SECRET_ID),
        ("TENCENTCLOUD_SECRET_KEY", "not-the-stored-key"),
        ("TENCENTCLOUD_ENDPOINT_URL", endpoint.as_str()),
    ]);
    let client = ses_client(env, &ClientSettings::default()).expect("the client builds");
    let error = call_action(
        &client,
        "ListEmailTemplates",
        "{\"Limit\": 5, \"Offset\": 0}",
    )
    .await
    .unwrap_err();
    let call_error = error.as_call_error().expect("the call was made");
    assert_eq!(call_error.kind(), ErrorKind::Service);
    assert_eq!(call_error.code(), Some("AuthFailure.SignatureFailure"));
    assert_eq!(call_error.request_id(), Some("req-bad"));
}

// --- custom_service: the declarations sign verifiable requests ---------------------------------

const FIXED_TIME: u64 = 1_700_000_000;

async fn prepare<A: tencentcloud_core::Action>(action: &A) -> PreparedRequest {
    let client = Client::builder()
        .credentials(Credentials::new(SECRET_ID, SECRET_KEY).expect("valid test credentials"))
        .region(Region::AP_GUANGZHOU)
        .clock(FixedClock(FIXED_TIME))
        .build()
        .expect("the client builds");
    client
        .prepare_with(action, &CallOptions::new())
        .await
        .expect("the request can be prepared")
}

fn verify_prepared_tc3(request: &PreparedRequest, service: &str) -> Result<VerifiedCaller, String> {
    let tc3 = Tc3Request {
        method: request.method().as_str(),
        host: request.uri().host().unwrap_or_default(),
        path: request.uri().path(),
        query: request.uri().query().unwrap_or_default(),
        headers: request.headers(),
        body: request.body(),
    };
    verify_tc3(&tc3, service, FIXED_TIME, &store()).map_err(|e| e.to_string())
}

#[tokio::test]
async fn describe_regions_is_a_v1_get_that_verifies() {
    let request = prepare(&DescribeRegions {}).await;
    assert_eq!(request.method().as_str(), "GET");
    assert_eq!(request.uri().host(), Some("cvm.tencentcloudapi.com"));
    assert!(request.body().is_empty());
    let params = parse_query(request.uri().query().unwrap_or_default().as_bytes())
        .expect("the query string decodes");
    let value = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(value("Action"), Some("DescribeRegions"));
    assert_eq!(value("Version"), Some("2017-03-12"));
    assert_eq!(value("SignatureMethod"), Some("HmacSHA256"));
    let legacy = LegacyRequest {
        method: "GET",
        host: "cvm.tencentcloudapi.com",
        path: "/",
        params: &params,
    };
    let caller = verify_legacy(&legacy, FIXED_TIME, &store()).expect("the signature verifies");
    assert_eq!(caller.scheme, SigningScheme::HmacSha256);

    // The same parameters with one value changed no longer verify.
    let mut tampered = params.clone();
    for (name, value) in &mut tampered {
        if name == "Region" {
            *value = "ap-shanghai".to_owned();
        }
    }
    let legacy = LegacyRequest {
        params: &tampered,
        ..legacy
    };
    assert!(verify_legacy(&legacy, FIXED_TIME, &store()).is_err());
}

#[tokio::test]
async fn describe_instances_flattens_filters_into_a_signed_query() {
    let request = prepare(&DescribeInstances {
        instance_ids: None,
        filters: Some(vec![Filter {
            name: "zone".to_owned(),
            values: vec!["ap-guangzhou-3".to_owned(), "ap-guangzhou-4".to_owned()],
        }]),
        offset: None,
        limit: Some(20),
    })
    .await;
    assert_eq!(request.method().as_str(), "GET");
    let params = parse_query(request.uri().query().unwrap_or_default().as_bytes())
        .expect("the query string decodes");
    // Flattening as the protocol describes it: list items by zero-based index, nested by dot.
    let expected = [
        ("Filters.0.Name", "zone"),
        ("Filters.0.Values.0", "ap-guangzhou-3"),
        ("Filters.0.Values.1", "ap-guangzhou-4"),
        ("Limit", "20"),
    ];
    for (name, value) in expected {
        assert!(
            params.iter().any(|(k, v)| k == name && v == value),
            "{name}={value} missing from {params:?}"
        );
    }
    assert_eq!(params.len(), expected.len(), "{params:?}");
    let caller = verify_prepared_tc3(&request, "cvm").expect("the signature verifies");
    assert_eq!(caller.scheme, SigningScheme::Tc3HmacSha256);
    assert!(
        verify_prepared_tc3(&request, "sms").is_err(),
        "signed for cvm only"
    );
}

#[tokio::test]
async fn send_sms_is_a_tc3_json_post_that_verifies() {
    let request = prepare(&SendSms {
        phone_number_set: vec!["+8613800000000".to_owned()],
        sms_sdk_app_id: "1400000000".to_owned(),
        template_id: "449739".to_owned(),
        sign_name: None,
        template_param_set: Some(vec!["1234".to_owned()]),
        session_context: None,
    })
    .await;
    assert_eq!(request.method().as_str(), "POST");
    assert_eq!(request.uri().host(), Some("sms.tencentcloudapi.com"));
    let body: Value = serde_json::from_slice(request.body()).expect("the body is JSON");
    assert_eq!(
        body,
        json!({
            "PhoneNumberSet": ["+8613800000000"],
            "SmsSdkAppId": "1400000000",
            "TemplateId": "449739",
            "TemplateParamSet": ["1234"]
        })
    );
    assert_eq!(
        request
            .headers()
            .get("x-tc-version")
            .map(axum::http::HeaderValue::as_bytes),
        Some(&b"2021-01-11"[..])
    );
    verify_prepared_tc3(&request, "sms").expect("the signature verifies");
}

// --- webhook_server: the router's answers --------------------------------------------------

async fn post(app: Router, path: &str, body: &'static str) -> (StatusCode, String) {
    let request = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header("content-type", "application/json")
        .body(Body::from(body))
        .expect("a valid test request");
    let response = app.oneshot(request).await.expect("routers do not fail");
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .expect("the answer is readable");
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

#[tokio::test]
async fn the_webhook_answers_200_for_events_and_400_with_the_reason_otherwise() {
    let app = webhook::router(webhook::DEFAULT_PATH).expect("the default path is valid");
    let path = webhook::DEFAULT_PATH;

    let one =
        r#"{"event":"delivered","email":"ann@example.com","timestamp":1700000000,"bulkId":"m-1"}"#;
    assert_eq!(
        post(app.clone(), path, one).await,
        (StatusCode::OK, "received 1 event(s)\n".to_owned())
    );
    let two = r#"[{"event":"open","email":"a@example.com","timestamp":1},
                  {"event":"bounce","email":"b@example.com","timestamp":2,"bounceType":"hard_bounce"}]"#;
    assert_eq!(post(app.clone(), path, two).await.0, StatusCode::OK);

    let (status, reason) = post(app.clone(), path, "{\"event\":").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(reason.contains("not valid JSON"), "{reason}");
    let (status, reason) = post(app.clone(), path, r#"{"event":"click","timestamp":3}"#).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(reason.contains("`email`"), "{reason}");
    let (status, reason) = post(app.clone(), path, "[1]").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(reason.contains("JSON object"), "{reason}");

    assert_eq!(post(app, "/elsewhere", one).await.0, StatusCode::NOT_FOUND);
}

#[test]
fn the_webhook_path_is_checked_instead_of_panicking() {
    for bad in [
        "",
        "ses/events",
        "/ses/{id}",
        "/a//b",
        "/ses events",
        "/*rest",
    ] {
        assert!(webhook::router(bad).is_err(), "{bad:?} was accepted");
    }
    assert!(webhook::router("/hooks/3f9c1d-secret").is_ok());
}

// --- send_email: the command line turned into a request ----------------------------------------

fn message() -> Message {
    Message {
        from: "Example <noreply@mail.example.com>".to_owned(),
        to: vec!["ann@example.com".to_owned()],
        subject: "Your order".to_owned(),
        template_id: 100_091,
        data: Some(r#"{"name": "Ann"}"#.to_owned()),
        attachments: Vec::new(),
    }
}

#[test]
fn send_email_builds_the_templated_request_with_attachments() {
    let path = std::env::temp_dir().join(format!("examples-cli-{}.txt", std::process::id()));
    std::fs::write(&path, b"hello").expect("the temp dir is writable");
    let request = Message {
        attachments: vec![path.clone()],
        ..message()
    }
    .to_request();
    let _ = std::fs::remove_file(&path);
    let request = request.expect("a valid mail");
    let wire = serde_json::to_value(&request).expect("requests encode");
    assert_eq!(wire["Template"]["TemplateID"], json!(100_091));
    assert_eq!(
        wire["Template"]["TemplateData"],
        json!(r#"{"name": "Ann"}"#)
    );
    assert_eq!(wire["Destination"], json!(["ann@example.com"]));
    // "hello" in base64.
    assert_eq!(wire["Attachments"][0]["Content"], json!("aGVsbG8="));

    let bare = Message {
        data: None,
        ..message()
    }
    .to_request()
    .expect("a mail without variables");
    assert_eq!(
        bare.template.map(|t| t.template_data).as_deref(),
        Some("{}")
    );
}

#[test]
fn send_email_refuses_bad_input_by_option() {
    let cases = [
        Message {
            data: Some("[1, 2]".to_owned()),
            ..message()
        },
        Message {
            data: Some("{name: Ann}".to_owned()),
            ..message()
        },
        Message {
            attachments: vec!["setup.exe".into()],
            ..message()
        },
        Message {
            attachments: vec!["/no/such/dir/report.pdf".into()],
            ..message()
        },
        Message {
            to: (0..51).map(|i| format!("u{i}@example.com")).collect(),
            ..message()
        },
    ];
    let errors: Vec<MessageError> = cases
        .iter()
        .map(|m| m.to_request().expect_err("bad input is refused"))
        .collect();
    assert!(
        matches!(errors[0], MessageError::Data(_)),
        "{:?}",
        errors[0]
    );
    assert!(
        errors[0].to_string().starts_with("--data: "),
        "{}",
        errors[0]
    );
    assert!(
        matches!(errors[1], MessageError::Data(_)),
        "{:?}",
        errors[1]
    );
    assert!(errors[2].to_string().contains(".exe"), "{}", errors[2]);
    assert!(
        errors[3].to_string().contains("/no/such/dir/report.pdf"),
        "{}",
        errors[3]
    );
    assert!(
        matches!(errors[4], MessageError::Limit(_)),
        "{:?}",
        errors[4]
    );
}
