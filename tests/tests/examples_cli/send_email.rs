//! `send_email`: the command-line options turned into a checked `SendEmail` request.

use serde_json::json;
use tencentcloud_examples::mail::{Message, MessageError};

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
