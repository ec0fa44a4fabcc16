//! The `/_emulator/` endpoints over HTTP: faults (error codes for the next N calls, delays,
//! dropped connections, HTTP 5xx, a seeded random rate), reset, message inspection and
//! template review; and the same faults scripted from Rust.

mod front_support;

use std::time::{Duration, Instant};

use front_support::{
    Answer, Tc3, client, greeting, http, long_term, prepare_sending, start, start_with,
};
use serde_json::{Value, json};
use tencentcloud_core::ErrorKind;
use tencentcloud_emulator::{Emulator, Fault, FaultRule, RandomFaults};
use tencentcloud_ses::enums::TemplateStatus;
use tencentcloud_ses::{
    Attachment, CreateEmailTemplateRequest, GetEmailTemplateRequest, ListEmailIdentitiesRequest,
    ListEmailTemplatesRequest, TemplateContent,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

async fn control(method: reqwest::Method, url: String, body: Option<Value>) -> Answer {
    let mut request = http().request(method, url);
    if let Some(body) = body {
        request = request
            .header("Content-Type", "application/json")
            .body(body.to_string());
    }
    Answer::read(request.send().await.unwrap()).await
}

async fn add_fault(emulator: &tencentcloud_emulator::EmulatorHandle, fault: Value) -> Answer {
    control(
        reqwest::Method::POST,
        format!("{}/_emulator/faults", emulator.url()),
        Some(fault),
    )
    .await
}

fn list() -> ListEmailTemplatesRequest {
    ListEmailTemplatesRequest {
        limit: 5,
        offset: 0,
    }
}

#[tokio::test]
async fn an_error_code_answers_the_next_n_calls_of_one_action() {
    let emulator = start().await;
    let ses = client(&emulator, long_term());
    let template_id = prepare_sending(&ses).await;
    let answer = add_fault(
        &emulator,
        json!({"action": "SendEmail", "count": 2, "error": "RequestLimitExceeded"}),
    )
    .await;
    assert_eq!(
        answer.status,
        200,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    assert_eq!(answer.json()["rules"][0]["count"], 2);

    // Other actions are not affected.
    ses.list_email_templates(&list()).await.unwrap();
    for _ in 0..2 {
        let error = ses
            .send_email(&greeting(template_id, &["a@example.net"], "A"))
            .await
            .unwrap_err();
        assert_eq!(error.code(), Some("RequestLimitExceeded"), "{error}");
        assert!(error.request_id().is_some());
    }
    ses.send_email(&greeting(template_id, &["a@example.net"], "A"))
        .await
        .unwrap();
    // The refused sends never reached the backend.
    assert_eq!(emulator.ses().messages().len(), 1);
}

#[tokio::test]
async fn a_delay_holds_the_answer_back() {
    let emulator = start().await;
    let ses = client(&emulator, long_term());
    add_fault(&emulator, json!({"delay_ms": 400})).await;
    let started = Instant::now();
    ses.list_email_templates(&list()).await.unwrap();
    assert!(started.elapsed() >= Duration::from_millis(400));
}

#[tokio::test]
async fn a_drop_closes_the_connection_after_reading_the_request() {
    let emulator = start().await;
    add_fault(
        &emulator,
        json!({"action": "ListEmailTemplates", "drop": true}),
    )
    .await;

    // On a raw socket: the whole request goes out, and nothing at all comes back.
    let call = Tc3::post_json("ListEmailTemplates", &json!({"Limit": 5, "Offset": 0}));
    let authorization = call.authorization(&emulator);
    let mut raw = format!(
        "POST / HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nAuthorization: {authorization}\r\nX-TC-Action: ListEmailTemplates\r\nX-TC-Version: 2020-10-02\r\nX-TC-Timestamp: {}\r\nContent-Length: {}\r\n\r\n",
        emulator.addr(),
        call.timestamp,
        call.body.len()
    )
    .into_bytes();
    raw.extend_from_slice(&call.body);
    let mut stream = tokio::net::TcpStream::connect(emulator.addr())
        .await
        .unwrap();
    stream.write_all(&raw).await.unwrap();
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer))
        .await
        .expect("the server closes the connection");
    // A reset is as good as an orderly close; what matters is that no byte came back.
    if read.is_ok() {
        assert!(answer.is_empty(), "{}", String::from_utf8_lossy(&answer));
    }

    // Through the client: a transport error, and the next call works again.
    add_fault(&emulator, json!({"drop": true})).await;
    let ses = client(&emulator, long_term());
    let error = ses.list_email_templates(&list()).await.unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::Transport | ErrorKind::Connect),
        "{error:?}"
    );
    ses.list_email_templates(&list()).await.unwrap();
}

#[tokio::test]
async fn a_status_fault_answers_with_that_http_status() {
    let emulator = start().await;
    add_fault(&emulator, json!({"status": 503, "count": 1})).await;
    let answer = Tc3::post_json("ListEmailTemplates", &json!({"Limit": 5, "Offset": 0}))
        .send(&emulator)
        .await;
    assert_eq!(answer.status, 503);
    let ses = client(&emulator, long_term());
    add_fault(&emulator, json!({"status": 502})).await;
    let error = ses.list_email_templates(&list()).await.unwrap_err();
    assert_eq!(error.http_status(), Some(502), "{error:?}");
    ses.list_email_templates(&list()).await.unwrap();

    // The statuses hyper uses for requests too large to read are injected as asked too, not
    // taken for hyper's own refusals.
    for status in [414, 431] {
        add_fault(&emulator, json!({"status": status, "count": 1})).await;
        let answer = Tc3::post_json("ListEmailTemplates", &json!({"Limit": 5, "Offset": 0}))
            .send(&emulator)
            .await;
        assert_eq!(answer.status, status);
        let text = String::from_utf8_lossy(&answer.body);
        assert!(text.contains("fault injected"), "{text}");
    }
    ses.list_email_templates(&list()).await.unwrap();
}

/// Which of `calls` list calls fail, with random faults set from `seed`.
async fn pattern(seed: u64, calls: usize) -> Vec<bool> {
    let emulator = start().await;
    let answer = add_fault(
        &emulator,
        json!({"random": {"seed": seed, "rate": 0.3, "error": "InternalError"}}),
    )
    .await;
    assert_eq!(answer.status, 200);
    let ses = client(&emulator, long_term());
    let mut failed = Vec::with_capacity(calls);
    for _ in 0..calls {
        match ses.list_email_templates(&list()).await {
            Ok(_) => failed.push(false),
            Err(error) => {
                assert_eq!(error.code(), Some("InternalError"), "{error}");
                failed.push(true);
            }
        }
    }
    failed
}

#[tokio::test]
async fn random_faults_are_reproducible_from_their_seed() {
    let first = pattern(42, 200).await;
    assert_eq!(first, pattern(42, 200).await);
    assert_ne!(first, pattern(7, 200).await);
    let failures = first.iter().filter(|failed| **failed).count();
    // 200 draws at 30%: 60 expected, a standard deviation of about 6.5.
    assert!((30..=90).contains(&failures), "{failures}");
}

#[tokio::test]
async fn faults_can_be_listed_cleared_and_scripted_from_rust() {
    let emulator = start().await;
    let ses = client(&emulator, long_term());
    emulator
        .faults()
        .push(FaultRule::new(Fault::error("ResourceUnavailable")).times(3))
        .unwrap();
    emulator
        .faults()
        .set_random(RandomFaults {
            seed: 1,
            rate: 1.0,
            action: Some("SendEmail".to_owned()),
            fault: Fault::Drop,
        })
        .unwrap();
    let url = format!("{}/_emulator/faults", emulator.url());
    let listed = control(reqwest::Method::GET, url.clone(), None)
        .await
        .json();
    assert_eq!(listed["rules"][0]["count"], 3);
    assert_eq!(listed["random"]["seed"], 1);
    let error = ses.list_email_templates(&list()).await.unwrap_err();
    assert_eq!(error.code(), Some("ResourceUnavailable"));

    let cleared = control(reqwest::Method::DELETE, url, None).await.json();
    assert_eq!(cleared, json!({"rules": [], "random": null}));
    ses.list_email_templates(&list()).await.unwrap();
}

#[tokio::test]
async fn malformed_fault_requests_are_refused_with_the_reason() {
    let emulator = start().await;
    for (body, expected) in [
        (json!({}), "exactly one"),
        (json!({"status": 200}), "400 to 599"),
        (json!({"error": "X", "speed": 3}), "speed"),
        (
            json!({"random": {"seed": 1, "rate": 2.0, "drop": true}}),
            "probability",
        ),
        // A fault for an action SES does not have would never fire.
        (
            json!({"action": "SendMail", "error": "X"}),
            "`action` \"SendMail\" is not an action of SES 2020-10-02",
        ),
        (
            json!({"action": "", "error": "X"}),
            "is not an action of SES",
        ),
        (
            json!({"random": {"seed": 1, "rate": 0.5, "action": "sendemail", "drop": true}}),
            "is not an action of SES",
        ),
    ] {
        let answer = add_fault(&emulator, body.clone()).await;
        assert_eq!(answer.status, 400, "{body}");
        let error = answer.json()["error"].as_str().unwrap().to_owned();
        assert!(error.contains(expected), "{body}: {error}");
    }
    assert!(emulator.faults().snapshot().rules.is_empty());
}

#[tokio::test]
async fn sent_messages_can_be_inspected_as_json_and_eml() {
    let emulator = start().await;
    let ses = client(&emulator, long_term());
    let template_id = prepare_sending(&ses).await;
    let mut request = greeting(template_id, &["ann@example.net", "bob@example.org"], "Ann");
    request.attachments = Some(vec![Attachment {
        file_name: "notes.txt".to_owned(),
        content: Some(front_support::base64("attached words")),
        file_url: None,
    }]);
    let sent = ses.send_email(&request).await.unwrap();

    let base = format!("{}/_emulator/messages", emulator.url());
    let all = control(reqwest::Method::GET, base.clone(), None).await;
    assert_eq!(all.status, 200);
    let all = all.json();
    assert_eq!(all.as_array().map(Vec::len), Some(1), "{all}");
    assert_eq!(all[0]["message_id"], sent.message_id);
    assert_eq!(all[0]["to"], json!(["ann@example.net", "bob@example.org"]));
    assert_eq!(all[0]["subject"], "Hello Ann");

    let one = control(
        reqwest::Method::GET,
        format!("{base}/{}", sent.message_id),
        None,
    )
    .await
    .json();
    assert_eq!(one, all[0]);
    assert!(one["html"].as_str().unwrap().contains("Hello Ann"), "{one}");

    let eml = control(
        reqwest::Method::GET,
        format!("{base}/{}.eml", sent.message_id),
        None,
    )
    .await;
    assert_eq!(eml.headers["content-type"], "message/rfc822");
    let text = String::from_utf8(eml.body).unwrap();
    assert!(text.contains("Subject: Hello Ann"), "{text}");
    assert!(text.contains("notes.txt"), "{text}");
    assert!(text.contains("multipart/"), "{text}");

    let missing = control(reqwest::Method::GET, format!("{base}/no-such-id"), None).await;
    assert_eq!(missing.status, 404);
    let unknown = control(
        reqwest::Method::GET,
        format!("{}/_emulator/nothing-here", emulator.url()),
        None,
    )
    .await;
    assert_eq!(unknown.status, 404);
}

#[tokio::test]
async fn reset_forgets_all_state() {
    let emulator = start().await;
    let ses = client(&emulator, long_term());
    let template_id = prepare_sending(&ses).await;
    ses.send_email(&greeting(template_id, &["ann@example.net"], "Ann"))
        .await
        .unwrap();
    assert_eq!(emulator.ses().messages().len(), 1);

    let answer = control(
        reqwest::Method::POST,
        format!("{}/_emulator/reset", emulator.url()),
        None,
    )
    .await;
    assert_eq!(answer.status, 200);
    assert!(emulator.ses().messages().is_empty());
    let identities = ses
        .list_email_identities(&ListEmailIdentitiesRequest::default())
        .await
        .unwrap();
    assert!(identities.email_identities.is_empty());
    let templates = ses.list_email_templates(&list()).await.unwrap();
    assert_eq!(templates.total_count, 0);
    // The state can be built again from scratch.
    prepare_sending(&ses).await;
}

#[tokio::test]
async fn held_templates_wait_for_approval_or_rejection() {
    let emulator = start_with(Emulator::builder().hold_templates_for_review(true)).await;
    let ses = client(&emulator, long_term());
    let mut ids = Vec::new();
    for name in ["first", "second"] {
        let created = ses
            .create_email_template(&CreateEmailTemplateRequest {
                template_name: name.to_owned(),
                template_content: TemplateContent {
                    html: None,
                    text: Some(front_support::base64("Hi {{name}}")),
                },
            })
            .await
            .unwrap();
        ids.push(created.template_id);
    }
    let status = |id: u64| {
        let ses = ses.clone();
        async move {
            ses.get_email_template(&GetEmailTemplateRequest { template_id: id })
                .await
                .unwrap()
                .template_status
        }
    };
    assert_eq!(status(ids[0]).await, TemplateStatus::PendingReview);

    let review = |id: u64, verdict: &str| {
        control(
            reqwest::Method::POST,
            format!("{}/_emulator/templates/{id}/{verdict}", emulator.url()),
            None,
        )
    };
    assert_eq!(review(ids[0], "approve").await.status, 200);
    assert_eq!(review(ids[1], "reject").await.status, 200);
    assert_eq!(status(ids[0]).await, TemplateStatus::Approved);
    assert_eq!(status(ids[1]).await, TemplateStatus::Rejected);

    let answer = review(999_999, "approve").await;
    assert_eq!(answer.status, 400);
    assert!(answer.json()["error"].is_string());
    let answer = control(
        reqwest::Method::POST,
        format!("{}/_emulator/templates/abc/approve", emulator.url()),
        None,
    )
    .await;
    assert_eq!(answer.status, 400);
}
