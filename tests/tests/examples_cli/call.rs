//! `call`: the table of actions, bad parameters refused before sending, and every signing
//! switch checked by a loopback server that verifies signatures as Tencent Cloud does.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::http::{HeaderMap, Method, Uri};
use serde_json::{Value, json};
use tencentcloud_core::clock::unix_now;
use tencentcloud_core::credentials::Environment;
use tencentcloud_core::encode::parse_query;
use tencentcloud_core::sign::verify::{
    LegacyRequest, Tc3Request, VerifiedCaller, verify_legacy, verify_tc3,
};
use tencentcloud_core::{ErrorKind, HttpMethod, Region, SigningScheme};
use tencentcloud_examples::call::{ACTION_NAMES, CallError, call_action};
use tencentcloud_examples::{ClientSettings, ses_client};

use crate::{SECRET_ID, client_for, store};

#[test]
fn list_gives_every_action_of_the_ses_schema_once_sorted() {
    // The action names of the upstream schema (spec/ses/api.json, kept by the ses crate).
    let schema: Value =
        serde_json::from_str(include_str!("../../../ses/tests/fixtures/api_schema.json"))
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
