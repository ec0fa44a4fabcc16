//! `SendEmail` and `BatchSendEmail` share their content rules: the same fault in either gets
//! the same SES error code, and bodies are read the same way wherever they appear.

mod ses_support;

use serde_json::{Value, json};
use tencentcloud_emulator::ses::{SesBackend, SesOptions};

use ses_support::{FROM, b64, backend_at, code, ok, ready, send_body, sender};

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

/// `text` in base64, cut into MIME's 76-character lines.
fn wrapped_base64(text: &str) -> String {
    let flat = b64(text);
    let lines: Vec<String> = flat
        .chars()
        .collect::<Vec<char>>()
        .chunks(76)
        .map(|line| line.iter().collect())
        .collect();
    lines.join("\r\n")
}

#[test]
fn a_line_wrapped_body_is_read_alike_in_every_place() {
    let (ses, _clock) = backend_at(SesOptions::default());
    sender(&ses);
    let list = one_recipient(&ses);
    let body = format!("<p>{}</p>", "Hello from the wrapped body. ".repeat(8));
    let encoded = wrapped_base64(&body);
    assert!(encoded.contains("\r\n"), "the body must really be wrapped");

    // A template, a direct SendEmail body and a batch task's direct body.
    let template = ok(
        &ses,
        "CreateEmailTemplate",
        json!({"TemplateName": "wrapped", "TemplateContent": {"Html": encoded}}),
    )["TemplateID"]
        .as_u64()
        .unwrap_or_default();
    let mut by_template = send_body(template, &["ann@example.org"]);
    by_template["Template"]["TemplateData"] = json!("{}");
    by_template["Subject"] = json!("Template");
    ok(&ses, "SendEmail", by_template);
    let mut direct = send_body(template, &["bob@example.org"]);
    direct.as_object_mut().map(|o| o.remove("Template"));
    direct["Simple"] = json!({"Html": encoded});
    direct["Subject"] = json!("Direct");
    ok(&ses, "SendEmail", direct);
    ok(
        &ses,
        "BatchSendEmail",
        json!({"FromEmailAddress": FROM, "ReceiverId": list, "Subject": "Batch", "TaskType": 1,
               "Simple": {"Html": encoded}}),
    );
    let messages = ses.messages();
    assert_eq!(messages.len(), 3);
    for message in &messages {
        assert_eq!(
            message.html.as_deref(),
            Some(body.as_str()),
            "{}",
            message.subject
        );
    }
}

#[test]
fn an_empty_reply_to_is_no_reply_to_in_either_send() {
    let (ses, _clock) = backend_at(SesOptions::default());
    let id = ready(&ses);
    let list = one_recipient(&ses);
    for blank in ["", "  "] {
        let mut single = send_body(id, &["ann@example.org"]);
        single["ReplyToAddresses"] = json!(blank);
        ok(&ses, "SendEmail", single);
        let mut batch = batch_body(id, &list);
        batch["ReplyToAddresses"] = json!(blank);
        ok(&ses, "BatchSendEmail", batch);
    }
    let messages = ses.messages();
    assert!(
        messages.len() >= 4,
        "every send was delivered: {messages:?}"
    );
    assert!(
        messages.iter().all(|m| m.reply_to.is_none()),
        "a blank Reply-To is left out of the mail"
    );
    let mut bad = send_body(id, &["ann@example.org"]);
    bad["ReplyToAddresses"] = json!("not an address");
    assert_ne!(
        code(&ses, "SendEmail", bad),
        "",
        "a malformed one is still refused"
    );
}

#[test]
fn a_batch_refuses_numbered_choices_outside_their_documented_values() {
    let (ses, _clock) = backend_at(SesOptions::default());
    let id = ready(&ses);
    let list = one_recipient(&ses);
    for location in [0, 1, 2] {
        let mut batch = batch_body(id, &list);
        batch["ADLocation"] = json!(location);
        ok(&ses, "BatchSendEmail", batch);
    }
    let sent = ses.messages().len();
    let mut batch = batch_body(id, &list);
    batch["ADLocation"] = json!(3);
    assert_eq!(code(&ses, "BatchSendEmail", batch), "InvalidParameterValue");
    let mut cycle = batch_body(id, &list);
    cycle["TaskType"] = json!(3);
    cycle["CycleParam"] =
        json!({"BeginTime": "2031-01-01 00:00:00", "IntervalTime": 24, "TermCycle": 2});
    assert_eq!(code(&ses, "BatchSendEmail", cycle), "InvalidParameterValue");
    assert_eq!(ses.messages().len(), sent, "nothing refused was sent");
}
