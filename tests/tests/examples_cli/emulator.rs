//! `call` against the in-process emulator: reads under every signing scheme and method, a mail
//! sent from JSON alone, and the emulator's own error codes passed through.

use serde_json::{Value, json};
use tencentcloud_core::{ErrorKind, HttpMethod, SigningScheme};
use tencentcloud_emulator::Emulator;
use tencentcloud_examples::ClientSettings;
use tencentcloud_examples::call::call_action;

use crate::{SECRET_ID, SECRET_KEY, client_for};

/// Calls `action` and insists on success, naming the call if it fails.
async fn ok(client: &tencentcloud_ses::Client, action: &str, json: &str) -> Value {
    match call_action(client, action, json).await {
        Ok(response) => response,
        Err(error) => panic!("{action} {json}: {error}"),
    }
}

#[tokio::test]
async fn call_reads_with_every_scheme_and_method_from_the_emulator() {
    let emulator = Emulator::builder()
        .secret(SECRET_ID, SECRET_KEY)
        .start()
        .await
        .expect("the emulator starts");
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
            region: None,
            signing: Some(signing),
            method: Some(method),
        };
        let client = client_for(emulator.url(), &settings);
        let page = ok(
            &client,
            "ListEmailTemplates",
            r#"{"Limit": 10, "Offset": 0}"#,
        )
        .await;
        assert!(page["TotalCount"].is_u64(), "{signing} {method}: {page}");
        assert!(
            page["TemplatesMetadata"].is_array(),
            "{signing} {method}: {page}"
        );
        let request_id = page["RequestId"].as_str().unwrap_or_default();
        assert!(!request_id.is_empty(), "{signing} {method}: {page}");
    }
    emulator.shutdown().await;
}

#[tokio::test]
async fn call_sends_a_templated_mail_from_json_alone() {
    let emulator = Emulator::builder()
        .secret(SECRET_ID, SECRET_KEY)
        .start()
        .await
        .expect("the emulator starts");
    let client = client_for(emulator.url(), &ClientSettings::default());

    ok(
        &client,
        "CreateEmailIdentity",
        r#"{"EmailIdentity": "mail.example.com"}"#,
    )
    .await;
    ok(
        &client,
        "CreateEmailAddress",
        r#"{"EmailAddress": "noreply@mail.example.com", "EmailSenderName": "Shop"}"#,
    )
    .await;
    // "Hello {{name}}" in base64, as the API wants template bodies.
    let created = ok(
        &client,
        "CreateEmailTemplate",
        r#"{"TemplateName": "greeting", "TemplateContent": {"Text": "SGVsbG8ge3tuYW1lfX0="}}"#,
    )
    .await;
    let template_id = created["TemplateID"]
        .as_u64()
        .unwrap_or_else(|| panic!("CreateEmailTemplate returns a TemplateID: {created}"));
    let mail = json!({
        "FromEmailAddress": "Shop <noreply@mail.example.com>",
        "Destination": ["ann@example.com"],
        "Subject": "Hi",
        "Template": {"TemplateID": template_id, "TemplateData": "{\"name\":\"Ann\"}"}
    });
    let sent = ok(&client, "SendEmail", &mail.to_string()).await;
    let message_id = sent["MessageId"].as_str().unwrap_or_default();
    assert!(
        !message_id.is_empty(),
        "SendEmail returns a MessageId: {sent}"
    );

    // The emulator's refusal comes back as a service error with its code and request id.
    let error = call_action(&client, "GetEmailTemplate", r#"{"TemplateID": 987654321}"#)
        .await
        .expect_err("no such template");
    let error = error.as_call_error().expect("the call was made");
    assert_eq!(error.kind(), ErrorKind::Service, "{error}");
    assert!(error.code().is_some_and(|code| !code.is_empty()), "{error}");
    assert!(
        error.request_id().is_some_and(|id| !id.is_empty()),
        "{error}"
    );
    emulator.shutdown().await;
}
