//! The API front over real HTTP: every transport form accepted with and without a token, and
//! every protocol error answered with Tencent's code in the envelope, HTTP 200 and a fresh
//! request id.

mod front_support;

use std::collections::HashSet;

use front_support::{
    Answer, ID, KEY, TEMP_ID, TEMP_KEY, TOKEN, Tc3, client, client_with, greeting, http, long_term,
    prepare_sending, send_form, start, temporary,
};
use serde_json::json;
use tencentcloud_core::encode::{multipart, to_query_string};
use tencentcloud_core::sign::legacy::{self, CommonParams, LegacyAlgorithm};
use tencentcloud_core::{HttpMethod, SigningScheme};
use tencentcloud_emulator::EmulatorHandle;
use tencentcloud_ses::{
    CreateEmailIdentityRequest, GetEmailIdentityRequest, ListEmailIdentitiesRequest,
    ListEmailTemplatesRequest,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test]
async fn every_transport_form_is_accepted_with_and_without_a_token() {
    let emulator = start().await;
    let forms = [
        (HttpMethod::Post, SigningScheme::Tc3HmacSha256),
        (HttpMethod::Get, SigningScheme::Tc3HmacSha256),
        (HttpMethod::Post, SigningScheme::HmacSha1),
        (HttpMethod::Post, SigningScheme::HmacSha256),
        (HttpMethod::Get, SigningScheme::HmacSha1),
        (HttpMethod::Get, SigningScheme::HmacSha256),
    ];
    let mut created = Vec::new();
    for (index, (method, signing)) in forms.into_iter().enumerate() {
        let form = format!("{method:?} {signing:?}");
        // Long-term key: change state (an account holds at most 10 domains, so one per form).
        let ses = client_with(&emulator, long_term(), Some(method), Some(signing));
        let domain = format!("form{index}.example.com");
        ses.create_email_identity(&CreateEmailIdentityRequest {
            email_identity: domain.clone(),
            dkim_option: None,
            tag_list: None,
        })
        .await
        .unwrap_or_else(|e| panic!("{form} without a token: {e}"));
        // Temporary key with its token: read that state back, and send numbers, which
        // flattened forms carry as text.
        let ses = client_with(&emulator, temporary(), Some(method), Some(signing));
        let read = ses
            .get_email_identity(&GetEmailIdentityRequest {
                email_identity: domain.clone(),
            })
            .await
            .unwrap_or_else(|e| panic!("{form} with a token: {e}"));
        assert!(!read.attributes.is_empty(), "{form}: {read:?}");
        ses.list_email_templates(&ListEmailTemplatesRequest {
            limit: 10,
            offset: 0,
        })
        .await
        .unwrap_or_else(|e| panic!("{form} with a token: {e}"));
        created.push(domain);
    }
    // Each form reached the same state.
    let listed = client(&emulator, long_term())
        .list_email_identities(&ListEmailIdentitiesRequest::default())
        .await
        .unwrap();
    let names: HashSet<String> = listed
        .email_identities
        .iter()
        .map(|identity| identity.identity_name.clone())
        .collect();
    for domain in created {
        assert!(names.contains(&domain), "{domain} missing from {names:?}");
    }
}

#[tokio::test]
async fn a_multipart_body_signed_with_tc3_is_accepted() {
    let emulator = start().await;
    let template_id = prepare_sending(&client(&emulator, long_term())).await;
    let request = greeting(template_id, &["multi@example.net"], "Multi");
    let (content_type, body) = multipart::to_body(&request, &[]).unwrap();
    let mut call = Tc3::post_json("SendEmail", &json!({}));
    call.content_type = content_type;
    call.body = body;
    let answer = call.send(&emulator).await;
    assert_eq!(answer.error_code(), None, "{}", answer.json());
    let message_id = answer.json()["Response"]["MessageId"]
        .as_str()
        .unwrap()
        .to_owned();
    let stored = emulator.ses().message(&message_id).expect("stored");
    assert_eq!(stored.to, ["multi@example.net"]);
}

#[tokio::test]
async fn multipart_numbers_sent_as_text_are_typed_like_form_values() {
    let emulator = start().await;
    let (content_type, body) = multipart::to_body(&json!({"Limit": 5, "Offset": 0}), &[]).unwrap();
    assert!(String::from_utf8_lossy(&body).contains("\r\n\r\n5\r\n"));
    let mut call = Tc3::post_json("ListEmailTemplates", &json!({}));
    call.content_type = content_type;
    call.body = body;
    let answer = call.send(&emulator).await;
    assert_eq!(answer.error_code(), None, "{}", answer.json());
    assert_eq!(answer.json()["Response"]["TotalCount"], 0);
}

#[tokio::test]
async fn answers_carry_a_date_a_json_type_and_a_fresh_request_id() {
    let emulator = start().await;
    let call = Tc3::post_json("ListEmailTemplates", &json!({"Limit": 5, "Offset": 0}));
    let mut ids = HashSet::new();
    for _ in 0..5 {
        let answer = call.send(&emulator).await;
        assert_eq!(answer.error_code(), None, "{}", answer.json());
        let date = answer.headers["date"].to_str().unwrap();
        assert!(httpdate::parse_http_date(date).is_ok(), "{date}");
        assert_eq!(answer.headers["content-type"], "application/json");
        ids.insert(answer.json()["Response"]["RequestId"].clone());
    }
    assert_eq!(ids.len(), 5);
}

/// Sends `call` and checks the error code.
async fn expect_code(emulator: &EmulatorHandle, call: &Tc3, code: &str) {
    let answer = call.send(emulator).await;
    assert_eq!(
        answer.error_code().as_deref(),
        Some(code),
        "{}",
        answer.json()
    );
}

fn list_call() -> Tc3 {
    Tc3::post_json("ListEmailTemplates", &json!({"Limit": 5, "Offset": 0}))
}

/// The same call as a form-encoded TC3 GET with `query`.
fn list_get_call(query: &str) -> Tc3 {
    Tc3 {
        method: "GET",
        content_type: "application/x-www-form-urlencoded".to_owned(),
        body: Vec::new(),
        query: query.to_owned(),
        ..list_call()
    }
}

/// Sends `call` signed for `signed_host`, with the emulator's own address in `Host`.
async fn send_signed_for(emulator: &EmulatorHandle, mut call: Tc3, signed_host: &str) -> Answer {
    call.host = Some(signed_host.to_owned());
    let authorization = call.authorization(emulator);
    call.host = None;
    call.send_with_authorization(emulator, &authorization).await
}

#[tokio::test]
async fn tc3_signature_errors_get_their_auth_failure_codes() {
    let emulator = start().await;

    let mut expired = list_call();
    expired.timestamp -= 301;
    expect_code(&emulator, &expired, "AuthFailure.SignatureExpire").await;
    let mut future = list_call();
    future.timestamp += 400;
    expect_code(&emulator, &future, "AuthFailure.SignatureExpire").await;

    let mut unknown = list_call();
    unknown.secret_id = "AKIDnobody".to_owned();
    expect_code(&emulator, &unknown, "AuthFailure.SecretIdNotFound").await;

    let mut wrong_key = list_call();
    wrong_key.secret_key = "not-the-key".to_owned();
    expect_code(&emulator, &wrong_key, "AuthFailure.SignatureFailure").await;

    // A signature of the wrong shape is a wrong signature, not a malformed header.
    let call = list_call();
    let authorization = call.authorization(&emulator);
    let (head, signature) = authorization.split_once("Signature=").unwrap();
    for wrong in [
        signature.to_ascii_uppercase(),
        signature[1..].to_owned(),
        String::new(),
    ] {
        let answer = call
            .send_with_authorization(&emulator, &format!("{head}Signature={wrong}"))
            .await;
        assert_eq!(
            answer.error_code().as_deref(),
            Some("AuthFailure.SignatureFailure"),
            "{wrong:?}"
        );
    }

    let mut wrong_service = list_call();
    wrong_service.service = "cvm".to_owned();
    expect_code(&emulator, &wrong_service, "AuthFailure.SignatureFailure").await;

    // The body changed after signing.
    let call = list_call();
    let authorization = call.authorization(&emulator);
    let mut tampered = call.clone();
    tampered.body = json!({"Limit": 6, "Offset": 0}).to_string().into_bytes();
    let answer = tampered
        .send_with_authorization(&emulator, &authorization)
        .await;
    assert_eq!(
        answer.error_code().as_deref(),
        Some("AuthFailure.SignatureFailure")
    );

    for malformed in [
        "TC3-HMAC-SHA256 garbage".to_owned(),
        "Bearer abc".to_owned(),
        authorization.replacen(", ", ",", 1),
        String::new(),
    ] {
        let answer = call.send_with_authorization(&emulator, &malformed).await;
        assert_eq!(
            answer.error_code().as_deref(),
            Some("AuthFailure.InvalidAuthorization"),
            "{malformed:?}"
        );
    }
}

/// The official Node.js SDK signs the host without its port and names the service after the
/// endpoint's first `.`-separated part: `127` for `127.0.0.1:PORT`.
#[tokio::test]
async fn the_node_sdks_signature_of_an_address_is_accepted() {
    let emulator = start().await;
    let hostname = emulator.addr().ip().to_string();
    for service in ["127", "ses"] {
        for mut call in [list_call(), list_get_call("Limit=5&Offset=0")] {
            call.service = service.to_owned();
            // Sent with the port in `Host`, as the SDK sends it.
            let answer = send_signed_for(&emulator, call, &hostname).await;
            assert_eq!(answer.error_code(), None, "{service}: {}", answer.json());
        }
    }
    // Any other service, or another host, is still wrong.
    for (service, host) in [("128", hostname.as_str()), ("127", "10.0.0.1")] {
        let mut call = list_call();
        call.service = service.to_owned();
        let answer = send_signed_for(&emulator, call, host).await;
        assert_eq!(
            answer.error_code().as_deref(),
            Some("AuthFailure.SignatureFailure"),
            "{service}"
        );
    }
}

/// Sends `call` (signed as its fields say) to `path_and_query` instead of `/?query`, with its
/// own `X-TC-Timestamp` header (`Stamp::Own`), another text in it, or none.
async fn send_to(
    emulator: &EmulatorHandle,
    call: &Tc3,
    path_and_query: &str,
    stamp: Stamp,
) -> Answer {
    let method = reqwest::Method::from_bytes(call.method.as_bytes()).unwrap();
    let mut request = http()
        .request(method, format!("{}{path_and_query}", emulator.url()))
        .header("Host", emulator.addr().to_string())
        .header("Content-Type", &call.content_type)
        .header("Authorization", call.authorization(emulator))
        .header("X-TC-Action", &call.action)
        .header("X-TC-Version", &call.version)
        .body(call.body.clone());
    match stamp {
        Stamp::Own => request = request.header("X-TC-Timestamp", call.timestamp.to_string()),
        Stamp::Text(text) => request = request.header("X-TC-Timestamp", text),
        Stamp::Without => {}
    }
    Answer::read(request.send().await.unwrap()).await
}

/// What [`send_to`] puts in `X-TC-Timestamp`.
#[derive(Clone, Copy)]
enum Stamp {
    Own,
    Text(&'static str),
    Without,
}

#[tokio::test]
async fn the_canonical_request_is_fixed_where_the_protocol_fixes_it() {
    let emulator = start().await;
    // The URI signed is always `/`: a path in front (a proxy's prefix) changes nothing.
    let post = list_call();
    let answer = send_to(&emulator, &post, "/ses/api", Stamp::Own).await;
    assert_eq!(answer.error_code(), None, "{}", answer.json());
    // A POST's canonical query string is empty, whatever the URL carries.
    let answer = send_to(&emulator, &post, "/?Limit=1", Stamp::Own).await;
    assert_eq!(answer.error_code(), None, "{}", answer.json());
    // A GET's query is signed as sent (and read for parameters) under any path.
    let get = list_get_call("Limit=5&Offset=0");
    let answer = send_to(&emulator, &get, "/prefix/?Limit=5&Offset=0", Stamp::Own).await;
    assert_eq!(answer.error_code(), None, "{}", answer.json());
    let answer = send_to(&emulator, &get, "/?Limit=6&Offset=0", Stamp::Own).await;
    assert_eq!(
        answer.error_code().as_deref(),
        Some("AuthFailure.SignatureFailure")
    );
}

#[tokio::test]
async fn a_missing_timestamp_is_a_missing_parameter() {
    let emulator = start().await;
    let answer = send_to(&emulator, &list_call(), "/", Stamp::Without).await;
    assert_eq!(
        answer.error_code().as_deref(),
        Some("MissingParameter"),
        "{}",
        answer.json()
    );
    assert!(
        answer.json()["Response"]["Error"]["Message"]
            .as_str()
            .unwrap()
            .contains("X-TC-Timestamp"),
        "{}",
        answer.json()
    );
}

#[tokio::test]
async fn a_timestamp_that_is_not_a_number_is_a_parameter_error() {
    let emulator = start().await;
    for text in ["12ab", "-5", "1.5e9"] {
        let answer = send_to(&emulator, &list_call(), "/", Stamp::Text(text)).await;
        assert_eq!(
            answer.error_code().as_deref(),
            Some("InvalidParameter"),
            "{text:?}: {}",
            answer.json()
        );
    }
}

#[tokio::test]
async fn a_get_is_form_encoded_only() {
    let emulator = start().await;
    let mut get = list_call();
    get.method = "GET";
    get.body = Vec::new();
    get.query = "Limit=5&Offset=0".to_owned();
    for content_type in ["application/json", "multipart/form-data; boundary=x"] {
        get.content_type = content_type.to_owned();
        expect_code(&emulator, &get, "InvalidParameter").await;
    }
    get.content_type = "application/x-www-form-urlencoded".to_owned();
    let answer = get.send(&emulator).await;
    assert_eq!(answer.error_code(), None, "{}", answer.json());
}

#[tokio::test]
async fn tokens_must_match_the_key() {
    let emulator = start().await;
    let mut temp = list_call();
    temp.secret_id = TEMP_ID.to_owned();
    temp.secret_key = TEMP_KEY.to_owned();
    expect_code(&emulator, &temp, "AuthFailure.TokenFailure").await;
    temp.token = Some("another-token".to_owned());
    expect_code(&emulator, &temp, "AuthFailure.TokenFailure").await;
    temp.token = Some(TOKEN.to_owned());
    let answer = temp.send(&emulator).await;
    assert_eq!(answer.error_code(), None, "{}", answer.json());

    // A long-term key must not come with a token.
    let mut long = list_call();
    long.token = Some(TOKEN.to_owned());
    expect_code(&emulator, &long, "AuthFailure.TokenFailure").await;
}

#[tokio::test]
async fn the_host_is_verified_as_received_whatever_its_name() {
    let emulator = start().await;
    let mut call = list_call();
    call.host = Some("ses.tencentcloudapi.com".to_owned());
    let answer = call.send(&emulator).await;
    assert_eq!(answer.error_code(), None, "{}", answer.json());

    // Signed for one host, sent with another.
    let authorization = call.authorization(&emulator);
    call.host = Some("ses.intl.tencentcloudapi.com".to_owned());
    let answer = call
        .send_with_authorization(&emulator, &authorization)
        .await;
    assert_eq!(
        answer.error_code().as_deref(),
        Some("AuthFailure.SignatureFailure")
    );
}

#[tokio::test]
async fn actions_versions_and_parameters_are_checked() {
    let emulator = start().await;
    expect_code(
        &emulator,
        &Tc3::post_json("LaunchRocket", &json!({})),
        "InvalidAction",
    )
    .await;
    let mut old = list_call();
    old.version = "2019-01-01".to_owned();
    expect_code(&emulator, &old, "NoSuchVersion").await;
    expect_code(
        &emulator,
        &Tc3::post_json("SendEmail", &json!({"Subject": "no sender, no recipient"})),
        "MissingParameter",
    )
    .await;
    expect_code(
        &emulator,
        &Tc3::post_json(
            "ListEmailTemplates",
            &json!({"Limit": 5, "Offset": 0, "Colour": "red"}),
        ),
        "UnknownParameter",
    )
    .await;
    expect_code(
        &emulator,
        &Tc3::post_json("ListEmailTemplates", &json!({"Limit": "five", "Offset": 0})),
        "InvalidParameter",
    )
    .await;
}

#[tokio::test]
async fn requests_over_the_size_limits_are_refused() {
    let emulator = start().await;
    // TC3 POST: 10 MB.
    let mut big = list_call();
    big.body = vec![b' '; 10 * 1024 * 1024 + 1];
    expect_code(&emulator, &big, "RequestSizeLimitExceeded").await;
    // A client that writes all of a far larger body before reading (as Python's does) still
    // reads the answer: the emulator reads the body to its end rather than closing on a
    // client that is still writing.
    let mut raw = format!(
        "POST / HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        emulator.addr(),
        60 * 1024 * 1024
    )
    .into_bytes();
    raw.resize(raw.len() + 60 * 1024 * 1024, b' ');
    expect_raw_code(&emulator, &raw, "RequestSizeLimitExceeded", true).await;
    let mut at_limit = list_call();
    let mut body = json!({"Limit": 5, "Offset": 0}).to_string().into_bytes();
    body.resize(10 * 1024 * 1024, b' ');
    at_limit.body = body;
    let answer = at_limit.send(&emulator).await;
    assert_eq!(answer.error_code(), None, "{}", answer.json());

    // GET: 32 KB of query string.
    let get = list_get_call(&format!("Limit=5&Offset=0&Pad={}", "x".repeat(33 * 1024)));
    expect_code(&emulator, &get, "RequestSizeLimitExceeded").await;
    // Past what the HTTP layer itself reads (a 64 KiB request line, then its head buffer) the
    // answer is still the envelope, with a request id, not a bare 414 or 431. (Sent by hand:
    // reqwest refuses URLs that long, the Python SDK does not.)
    for size in [64 * 1024, 1024 * 1024] {
        let raw = format!(
            "GET /?Limit=5&Offset=0&Pad={} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n\r\n",
            "x".repeat(size),
            emulator.addr()
        );
        // The HTTP layer stops reading a head this long: the answer comes anyway.
        expect_raw_code(&emulator, raw.as_bytes(), "RequestSizeLimitExceeded", false).await;
    }
    // And the emulator still serves the next connection.
    expect_code_none(&emulator, &list_call()).await;

    // v1 POST form: 1 MB.
    let body = format!(
        "Action=ListEmailTemplates&Signature=x&Pad={}",
        "x".repeat(1024 * 1024)
    );
    let answer = send_form(emulator.url(), reqwest::Method::POST, body).await;
    assert_eq!(
        answer.error_code().as_deref(),
        Some("RequestSizeLimitExceeded")
    );
}

/// Writes `raw` (a request with `Connection: close`) on a fresh connection, all of it before
/// reading, then reads to the end and expects an HTTP 200 envelope with the error `code` and a
/// request id. With `whole_write`, the emulator must also have taken every byte, as a client
/// that writes the whole request before reading (Python's) needs: such a client gives up at the
/// first failed write and never reads the answer.
async fn expect_raw_code(emulator: &EmulatorHandle, raw: &[u8], code: &str, whole_write: bool) {
    let mut stream = tokio::net::TcpStream::connect(emulator.addr())
        .await
        .unwrap();
    let mut answer = Vec::new();
    let exchange = async {
        let written = stream.write_all(raw).await;
        let _ = stream.read_to_end(&mut answer).await;
        written
    };
    let written = tokio::time::timeout(std::time::Duration::from_mins(1), exchange)
        .await
        .unwrap_or_else(|_| panic!("no answer within a minute to {} bytes", raw.len()));
    if whole_write {
        assert!(written.is_ok(), "{} bytes: {written:?}", raw.len());
    }
    let answer = String::from_utf8_lossy(&answer);
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or_default();
    assert!(
        head.starts_with("HTTP/1.1 200 "),
        "{} bytes: {head:?}",
        raw.len()
    );
    let envelope: serde_json::Value = serde_json::from_str(body).unwrap();
    assert_eq!(envelope["Response"]["Error"]["Code"], code, "{body}");
    assert!(envelope["Response"]["RequestId"].is_string());
}

#[tokio::test]
async fn methods_other_than_get_and_post_are_unsupported() {
    let emulator = start().await;
    for method in ["PUT", "DELETE", "PATCH", "OPTIONS"] {
        let mut call = list_call();
        call.method = method;
        expect_code(&emulator, &call, "UnsupportedProtocol").await;
    }
    // The method is checked before the size: a body over every limit does not change the answer.
    let mut huge = list_call();
    huge.method = "PUT";
    huge.body = vec![b' '; 10 * 1024 * 1024 + 1];
    expect_code(&emulator, &huge, "UnsupportedProtocol").await;
    let unsigned = send_form(
        emulator.url(),
        reqwest::Method::PUT,
        vec![b'x'; 2 * 1024 * 1024],
    )
    .await;
    assert_eq!(
        unsigned.error_code().as_deref(),
        Some("UnsupportedProtocol")
    );
}

#[tokio::test]
async fn ses_answers_in_its_three_regions_only() {
    let emulator = start().await;
    for region in [
        Some("ap-guangzhou"),
        Some("ap-hongkong"),
        Some("ap-singapore"),
        None,
    ] {
        let mut call = list_call();
        call.region = region.map(str::to_owned);
        expect_code_none(&emulator, &call).await;
    }
    for region in ["ap-beijing", "AP-GUANGZHOU", "mars-north-1"] {
        let mut call = list_call();
        call.region = Some(region.to_owned());
        let answer = call.send(&emulator).await;
        assert_eq!(
            answer.error_code().as_deref(),
            Some("UnsupportedRegion"),
            "{region}"
        );
        let message = answer.json()["Response"]["Error"]["Message"].to_string();
        assert!(message.contains("ap-hongkong"), "{message}");
    }
    // The same rule for v1, whose region is the `Region` parameter.
    let now = tencentcloud_core::clock::unix_now();
    let business = vec![
        ("Limit".to_owned(), "5".to_owned()),
        ("Offset".to_owned(), "0".to_owned()),
    ];
    let good = legacy_query(&emulator, HttpMethod::Get, now, KEY, business.clone());
    assert!(good.contains("Region=ap-guangzhou"), "{good}");
    let elsewhere = to_query_string(&legacy_params(
        &emulator,
        Some("ap-beijing"),
        HttpMethod::Get,
        now,
        KEY,
        business,
    ));
    let answer = Answer::read(
        http()
            .get(format!("{}/?{elsewhere}", emulator.url()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(answer.error_code().as_deref(), Some("UnsupportedRegion"));
}

/// A v1 request signed by hand: `(parameters as a query string)`.
fn legacy_query(
    emulator: &EmulatorHandle,
    method: HttpMethod,
    timestamp: u64,
    secret_key: &str,
    business: Vec<(String, String)>,
) -> String {
    to_query_string(&legacy_params(
        emulator,
        Some("ap-guangzhou"),
        method,
        timestamp,
        secret_key,
        business,
    ))
}

/// Every parameter of a hand-signed v1 ListEmailTemplates call, `Signature` last.
fn legacy_params(
    emulator: &EmulatorHandle,
    region: Option<&str>,
    method: HttpMethod,
    timestamp: u64,
    secret_key: &str,
    business: Vec<(String, String)>,
) -> Vec<(String, String)> {
    let host = emulator.addr().to_string();
    let common = CommonParams {
        action: "ListEmailTemplates",
        version: "2020-10-02",
        region,
        timestamp,
        nonce: 4242,
        secret_id: ID,
        secret_key,
        token: None,
        language: None,
        request_client: None,
        algorithm: LegacyAlgorithm::HmacSha256,
    };
    legacy::sign(method, &host, "/", &common, business).unwrap()
}

#[tokio::test]
async fn v1_errors_get_the_same_codes() {
    let emulator = start().await;
    let now = tencentcloud_core::clock::unix_now();
    let business = || {
        vec![
            ("Limit".to_owned(), "5".to_owned()),
            ("Offset".to_owned(), "0".to_owned()),
        ]
    };
    let get = |query: String| {
        let url = format!("{}/?{query}", emulator.url());
        async move { Answer::read(http().get(url).send().await.unwrap()).await }
    };
    let good = legacy_query(&emulator, HttpMethod::Get, now, KEY, business());
    assert_eq!(get(good.clone()).await.error_code(), None);

    let expired = legacy_query(&emulator, HttpMethod::Get, now - 600, KEY, business());
    assert_eq!(
        get(expired).await.error_code().as_deref(),
        Some("AuthFailure.SignatureExpire")
    );
    let wrong = legacy_query(&emulator, HttpMethod::Get, now, "wrong-key", business());
    assert_eq!(
        get(wrong).await.error_code().as_deref(),
        Some("AuthFailure.SignatureFailure")
    );
    let unknown = good.replace(ID, "AKIDnobody");
    assert_eq!(
        get(unknown).await.error_code().as_deref(),
        Some("AuthFailure.SecretIdNotFound")
    );
    // A missing common parameter is named as such.
    let no_nonce = good.replace("Nonce=4242&", "");
    assert_eq!(
        get(no_nonce).await.error_code().as_deref(),
        Some("MissingParameter")
    );
    // A common parameter in the wrong format, or named twice, is a parameter error: a v1
    // request has no `Authorization` header to be malformed.
    for odd in [
        good.replace("Nonce=4242&", "Nonce=-1&"),
        good.replace("Nonce=4242&", "Nonce=4242&Nonce=4243&"),
        good.replacen("Timestamp=", "Timestamp=x", 1),
    ] {
        assert_eq!(
            get(odd.clone()).await.error_code().as_deref(),
            Some("InvalidParameter"),
            "{odd}"
        );
    }
    // A signed v1 call of an undeclared parameter reaches the backend.
    let mut extra = business();
    extra.push(("Colour".to_owned(), "red".to_owned()));
    let extra = legacy_query(&emulator, HttpMethod::Get, now, KEY, extra);
    assert_eq!(
        get(extra).await.error_code().as_deref(),
        Some("UnknownParameter")
    );
    // The same GET sent as a POST form was signed for GET.
    let answer = send_form(emulator.url(), reqwest::Method::POST, good).await;
    assert_eq!(
        answer.error_code().as_deref(),
        Some("AuthFailure.SignatureFailure")
    );
}

#[tokio::test]
async fn a_v1_name_with_an_underscore_verifies_as_the_python_sdk_signs_it() {
    let emulator = start().await;
    let now = tencentcloud_core::clock::unix_now();
    let business = vec![
        ("Limit".to_owned(), "5".to_owned()),
        ("Offset".to_owned(), "0".to_owned()),
        ("Foo_Bar".to_owned(), "1".to_owned()),
    ];
    let host = emulator.addr().to_string();
    // Signed as sent (our signer, the Go SDK): the signature holds, the name is unknown.
    let plain = legacy_query(&emulator, HttpMethod::Get, now, KEY, business.clone());
    let get = |query: String| {
        let url = format!("{}/?{query}", emulator.url());
        async move { Answer::read(http().get(url).send().await.unwrap()).await }
    };
    assert_eq!(
        get(plain).await.error_code().as_deref(),
        Some("UnknownParameter")
    );
    // Signed as the Python SDK does: `_` written as `.` in the string to sign only, names
    // sorted after that change.
    let python_sdk = |secret_key: &str| {
        let mut params = legacy_params(
            &emulator,
            Some("ap-guangzhou"),
            HttpMethod::Get,
            now,
            secret_key,
            business.clone(),
        );
        params.retain(|(name, _)| name != "Signature");
        let mut dotted: Vec<(String, String)> = params
            .iter()
            .map(|(name, value)| (name.replace('_', "."), value.clone()))
            .collect();
        dotted.sort();
        let text = legacy::string_to_sign(HttpMethod::Get, &host, "/", &dotted);
        let signature = legacy::signature(LegacyAlgorithm::HmacSha256, secret_key, &text);
        params.push(("Signature".to_owned(), signature));
        to_query_string(&params)
    };
    assert_eq!(
        get(python_sdk(KEY)).await.error_code().as_deref(),
        Some("UnknownParameter")
    );
    assert_eq!(
        get(python_sdk("wrong-key")).await.error_code().as_deref(),
        Some("AuthFailure.SignatureFailure")
    );
}

#[tokio::test]
async fn unsigned_and_garbage_requests_get_clear_errors() {
    let emulator = start().await;
    let post = |content_type: &'static str, body: Vec<u8>| {
        let request = http()
            .post(emulator.url())
            .header("Content-Type", content_type)
            .body(body);
        async move { Answer::read(request.send().await.unwrap()).await }
    };
    for (content_type, body) in [
        ("application/json", b"{\"Limit\": 1}".to_vec()),
        ("application/json", vec![0xff, 0xfe, 0x00]),
        ("text/plain", b"hello".to_vec()),
        (
            "application/x-www-form-urlencoded",
            b"Action=SendEmail".to_vec(),
        ),
    ] {
        assert_eq!(
            post(content_type, body).await.error_code().as_deref(),
            Some("AuthFailure.InvalidAuthorization"),
            "{content_type}"
        );
    }
    let answer = post(
        "application/x-www-form-urlencoded",
        b"Signature=%zz".to_vec(),
    )
    .await;
    assert_eq!(answer.error_code().as_deref(), Some("InvalidParameter"));

    // Correctly signed, but the body itself is wrong.
    let mut not_utf8 = list_call();
    not_utf8.body = vec![b'{', 0xff, b'}'];
    expect_code(&emulator, &not_utf8, "InvalidParameter").await;
    let mut not_object = list_call();
    not_object.body = b"[1, 2]".to_vec();
    expect_code(&emulator, &not_object, "InvalidParameter").await;
    let mut wrong_type = list_call();
    wrong_type.content_type = "text/plain".to_owned();
    expect_code(&emulator, &wrong_type, "InvalidParameter").await;
    let mut bad_multipart = list_call();
    bad_multipart.content_type = "multipart/form-data; boundary=abc".to_owned();
    bad_multipart.body = b"--abc\r\nno disposition\r\n\r\nx\r\n".to_vec();
    expect_code(&emulator, &bad_multipart, "InvalidRequest").await;
    let mut no_boundary = list_call();
    no_boundary.content_type = "multipart/form-data".to_owned();
    expect_code(&emulator, &no_boundary, "InvalidRequest").await;
}

#[tokio::test]
async fn broken_http_does_not_take_the_server_down() {
    let emulator = start().await;
    // A request line that is not HTTP, then one with 1 MB of headers, on raw sockets.
    let mut oversized = b"POST / HTTP/1.1\r\nHost: x\r\nX-Big: ".to_vec();
    oversized.extend(std::iter::repeat_n(b'a', 1024 * 1024));
    oversized.extend_from_slice(b"\r\n\r\n");
    for raw in [b"\x00\x01garbage\r\n\r\n".to_vec(), oversized] {
        let mut stream = tokio::net::TcpStream::connect(emulator.addr())
            .await
            .unwrap();
        // The server may close while we are still writing; either way it must survive.
        let _ = stream.write_all(&raw).await;
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer).await;
    }
    // A large but acceptable header reaches the front, which answers in the envelope.
    let answer = Answer::read(
        http()
            .post(emulator.url())
            .header("X-Big", "b".repeat(64 * 1024))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        answer.error_code().as_deref(),
        Some("AuthFailure.InvalidAuthorization")
    );
    let answer = list_call().send(&emulator).await;
    assert_eq!(answer.error_code(), None);
}

#[tokio::test]
async fn the_default_pair_works_when_no_key_is_configured() {
    let emulator = tencentcloud_emulator::Emulator::start().await.unwrap();
    let ses = tencentcloud_ses::Client::new(emulator.client().unwrap());
    ses.list_email_templates(&ListEmailTemplatesRequest {
        limit: 1,
        offset: 0,
    })
    .await
    .unwrap();
    let mut call = list_call();
    call.secret_id = tencentcloud_emulator::DEFAULT_SECRET_ID.to_owned();
    call.secret_key = tencentcloud_emulator::DEFAULT_SECRET_KEY.to_owned();
    expect_code_none(&emulator, &call).await;
    // The test pair is unknown to this emulator.
    expect_code(&emulator, &list_call(), "AuthFailure.SecretIdNotFound").await;
}

async fn expect_code_none(emulator: &EmulatorHandle, call: &Tc3) {
    let answer = call.send(emulator).await;
    assert_eq!(answer.error_code(), None, "{}", answer.json());
}

/// Sends `call` and checks the error code and that the message names `what`.
async fn expect_code_naming(emulator: &EmulatorHandle, call: &Tc3, code: &str, what: &str) {
    let answer = call.send(emulator).await;
    let message = answer.json()["Response"]["Error"]["Message"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(
        answer.error_code().as_deref(),
        Some(code),
        "{}",
        answer.json()
    );
    assert!(message.contains(what), "{what:?} not in {message:?}");
}

#[tokio::test]
async fn a_json_body_naming_a_parameter_twice_is_refused_like_a_form_body() {
    let emulator = start().await;
    for body in [
        r#"{"Limit": 200, "Limit": 5, "Offset": 0}"#,
        r#"{"Limit": 5, "Offset": 0, "Offset": 0}"#,
    ] {
        let mut call = list_call();
        call.body = body.as_bytes().to_vec();
        expect_code_naming(&emulator, &call, "InvalidParameter", "more than once").await;
    }
    let mut call = list_call();
    call.body = [b"\xEF\xBB\xBF".as_slice(), br#"{"Limit": 5, "Offset": 0}"#].concat();
    expect_code_naming(&emulator, &call, "InvalidParameter", "byte-order mark").await;
}

#[tokio::test]
async fn a_protocol_header_sent_twice_is_refused() {
    let emulator = start().await;
    for (name, second, code) in [
        ("X-TC-Action", "DeleteEmailTemplate", "InvalidParameter"),
        ("X-TC-Region", "ap-beijing", "InvalidParameter"),
        ("X-TC-Version", "1999-01-01", "InvalidParameter"),
        ("X-TC-Timestamp", "1", "InvalidParameter"),
        ("Content-Type", "text/plain", "InvalidParameter"),
        (
            "Authorization",
            "garbage",
            "AuthFailure.InvalidAuthorization",
        ),
    ] {
        let mut call = list_call();
        call.extra_headers = vec![(name, second.to_owned())];
        let lower = name.to_ascii_lowercase();
        expect_code_naming(&emulator, &call, code, &lower).await;
    }
    // Headers the protocol does not read may repeat.
    let mut call = list_call();
    call.extra_headers = vec![("X-Custom", "1".to_owned()), ("X-Custom", "2".to_owned())];
    expect_code_none(&emulator, &call).await;
}

#[tokio::test]
async fn a_compressed_body_is_refused_by_name() {
    let emulator = start().await;
    let mut call = list_call();
    call.extra_headers = vec![("Content-Encoding", "gzip".to_owned())];
    expect_code_naming(&emulator, &call, "InvalidParameter", "gzip").await;
    call.extra_headers = vec![("Content-Encoding", "identity".to_owned())];
    expect_code_none(&emulator, &call).await;
}
