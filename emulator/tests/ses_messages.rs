//! Error messages repeat what was wrong, but only a short, escaped piece of it: a 400 KB value
//! must not come straight back in the answer (nor go into the debug log with it), and a line
//! break in a value must not start a new log line.

mod ses_support;

use serde_json::{Value, json};
use tencentcloud_emulator::ses::{SesBackend, SesOptions};

use ses_support::{FROM, backend_at, call, ready, send_body};

/// Longest message accepted here: the sentence plus a shortened value.
const MAX_MESSAGE_CHARS: usize = 400;

/// A value of about 400 KB that no check accepts, with a line break inside.
fn huge() -> String {
    format!("{}\nforged log line", "x".repeat(400 * 1024))
}

/// Calls `action` expecting a refusal whose message is short, escaped and still names `field`.
fn short_refusal(ses: &SesBackend, action: &str, params: Value, field: &str) {
    let error = call(ses, action, params).expect_err(action);
    let chars = error.message.chars().count();
    assert!(
        chars <= MAX_MESSAGE_CHARS,
        "{action} ({field}): {} answered with a message of {chars} characters",
        error.code
    );
    assert!(!error.message.contains('\n'), "{action}: {}", error.message);
    assert!(
        error.message.contains(field),
        "{action} should still name {field}: {}",
        error.message
    );
}

#[test]
fn huge_values_are_shortened_in_error_messages() {
    let (ses, _clock) = backend_at(SesOptions::default());
    let id = ready(&ses);
    let big = huge();
    let with = |field: &str, value: Value| {
        let mut body = send_body(id, &["ann@example.org"]);
        body[field] = value;
        body
    };
    short_refusal(
        &ses,
        "SendEmail",
        with("HeaderFrom", json!(big)),
        "HeaderFrom",
    );
    short_refusal(
        &ses,
        "SendEmail",
        with("Destination", json!([big])),
        "Destination",
    );
    short_refusal(
        &ses,
        "SendEmail",
        with("SmtpMessageId", json!(big)),
        "SmtpMessageId",
    );
    short_refusal(
        &ses,
        "SendEmail",
        with("Unsubscribe", json!(big)),
        "Unsubscribe",
    );
    short_refusal(
        &ses,
        "SendEmail",
        with("FromEmailAddress", json!(big)),
        "sender",
    );
    short_refusal(
        &ses,
        "SendEmail",
        with(
            "SmtpHeaders",
            json!(json!({ big.clone(): "v" }).to_string()),
        ),
        "SmtpHeaders",
    );
    short_refusal(
        &ses,
        "CreateEmailIdentity",
        json!({"EmailIdentity": big}),
        "domain",
    );
    short_refusal(
        &ses,
        "CreateEmailAddress",
        json!({"EmailAddress": big}),
        "address",
    );
    short_refusal(
        &ses,
        "BatchSendEmail",
        json!({"FromEmailAddress": FROM, "ReceiverId": 1, "Subject": "Hi", "TaskType": 2,
               "Template": {"TemplateID": id, "TemplateData": "{}"},
               "TimedParam": {"BeginTime": big}}),
        "BeginTime",
    );
    short_refusal(
        &ses,
        "GetSendEmailStatus",
        json!({"RequestDate": big, "Offset": 0, "Limit": 10}),
        "RequestDate",
    );
    short_refusal(
        &ses,
        "ListEmailTemplates",
        json!({"Offset": 0, "Limit": 10, big.clone(): 1}),
        "not declared",
    );
}
