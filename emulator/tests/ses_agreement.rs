//! `SendEmail` and `BatchSendEmail` share their content rules: the same fault in either gets
//! the same SES error code, and bodies are read the same way wherever they appear.

mod ses_support;

use serde_json::{Value, json};
use tencentcloud_emulator::ses::{SesBackend, SesOptions};

use ses_support::{FROM, backend_at, code, ok, ready, send_body};

/// A recipient list with one address; returns its id.
fn one_recipient(ses: &SesBackend) -> Value {
    let list = ok(ses, "CreateReceiver", json!({"ReceiversName": "team"}))["ReceiverId"].clone();
    ok(
        ses,
        "CreateReceiverDetail",
        json!({"ReceiverId": list, "Emails": ["x@example.org"]}),
    );
    list
}

/// An immediate batch task with `template` to `list`.
fn batch_body(template: u64, list: &Value) -> Value {
    json!({
        "FromEmailAddress": FROM, "ReceiverId": list, "Subject": "Hi", "TaskType": 1,
        "Template": {"TemplateID": template, "TemplateData": "{\"name\":\"all\",\"code\":\"1\"}"},
    })
}

/// `count` attachments called `name`, each holding "hi".
fn attachments(name: &str, count: usize) -> Value {
    let one = json!({"FileName": name, "Content": "aGk="});
    Value::Array(vec![one; count])
}

#[test]
fn both_sends_answer_attachment_limits_with_the_same_codes() {
    let (ses, _clock) = backend_at(SesOptions::default());
    let id = ready(&ses);
    let list = one_recipient(&ses);
    let long_name = format!("{}.txt", "n".repeat(252));
    for (files, expected) in [
        (
            attachments("a.txt", 11),
            "FailedOperation.TooManyAttachments",
        ),
        (
            attachments(&long_name, 1),
            "FailedOperation.InvalidAttachName",
        ),
        (
            attachments("setup.exe", 1),
            "FailedOperation.InvalidAttachName",
        ),
        (
            attachments("my notes.txt", 1),
            "FailedOperation.InvalidAttachName",
        ),
    ] {
        let mut single = send_body(id, &["ann@example.org"]);
        single["Attachments"] = files.clone();
        let mut batch = batch_body(id, &list);
        batch["Attachments"] = files;
        assert_eq!(code(&ses, "SendEmail", single), expected);
        assert_eq!(code(&ses, "BatchSendEmail", batch), expected);
    }
}
