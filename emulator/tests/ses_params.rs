//! The platform's parameter errors from the SES backend — `InvalidAction`, `UnknownParameter`,
//! `MissingParameter`, `InvalidParameter`, each naming the parameter — for JSON and flattened
//! parameters, and flattened parameters decoding like JSON when they are right.

mod ses_support;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde_json::json;
use tencentcloud_emulator::backend::Backend;
use tencentcloud_emulator::ses::SesOptions;

use ses_support::{DOMAIN, FROM, START_DAY, backend_at, call, call_flat, send_body};

#[test]
fn unknown_actions_are_invalid_actions() {
    let (ses, _clock) = backend_at(SesOptions::default());
    let error = call(&ses, "SendEmails", json!({})).expect_err("refused");
    assert_eq!(error.code, "InvalidAction");
    assert!(error.message.contains("SendEmails"));
    assert_eq!((ses.service(), ses.version()), ("ses", "2020-10-02"));
}

#[test]
fn undeclared_parameters_are_named_at_any_depth() {
    let (ses, _clock) = backend_at(SesOptions::default());
    let top = call(&ses, "ListEmailAddress", json!({"Limit": 1})).expect_err("refused");
    assert_eq!(
        (top.code.as_str(), top.message.contains("`Limit`")),
        ("UnknownParameter", true)
    );
    let mut body = send_body(1, &["a@example.org"]);
    body["Template"]["Colour"] = json!("red");
    let nested = call(&ses, "SendEmail", body).expect_err("refused");
    assert_eq!(nested.code, "UnknownParameter");
    assert!(
        nested.message.contains("`Template.Colour`"),
        "{}",
        nested.message
    );
    let flat = call_flat(
        &ses,
        "SendEmail",
        &[
            ("FromEmailAddress", FROM),
            ("Subject", "s"),
            ("Attachments.0.FileName", "a.txt"),
            ("Attachments.0.Size", "3"),
        ],
    )
    .expect_err("refused");
    assert!(
        flat.code == "UnknownParameter" && flat.message.contains("`Attachments.0.Size`"),
        "{flat:?}"
    );
}

#[test]
fn missing_required_parameters_are_named() {
    let (ses, _clock) = backend_at(SesOptions::default());
    let missing = call(&ses, "SendEmail", json!({"FromEmailAddress": FROM})).expect_err("refused");
    assert_eq!(missing.code, "MissingParameter");
    assert!(missing.message.contains("`Subject`"), "{}", missing.message);
    let mut body = send_body(1, &["a@example.org"]);
    body["Template"] = json!({"TemplateID": 1});
    let nested = call(&ses, "SendEmail", body).expect_err("refused");
    assert!(
        nested.code == "MissingParameter" && nested.message.contains("`Template.TemplateData`"),
        "{nested:?}"
    );
    let null = call(&ses, "GetEmailIdentity", json!({"EmailIdentity": null})).expect_err("refused");
    assert_eq!(null.code, "MissingParameter");
    let flat = call_flat(&ses, "ListEmailTemplates", &[("Limit", "10")]).expect_err("refused");
    assert!(
        flat.code == "MissingParameter" && flat.message.contains("`Offset`"),
        "{flat:?}"
    );
}

#[test]
fn mistyped_parameters_are_invalid_parameters() {
    let (ses, _clock) = backend_at(SesOptions::default());
    let cases = [
        (
            "GetEmailTemplate",
            json!({"TemplateID": "12"}),
            "`TemplateID`",
        ),
        (
            "ListEmailTemplates",
            json!({"Limit": -1, "Offset": 0}),
            "`Limit`",
        ),
        (
            "ListEmailTemplates",
            json!({"Limit": 1.5, "Offset": 0}),
            "`Limit`",
        ),
        (
            "SendEmail",
            json!({"FromEmailAddress": FROM, "Subject": "s", "Destination": "a@example.org"}),
            "`Destination`",
        ),
        (
            "SendEmail",
            json!({"FromEmailAddress": FROM, "Subject": "s", "Destination": [7]}),
            "`Destination.0`",
        ),
        (
            "UpdateEmailIdentity",
            json!({"EmailIdentity": DOMAIN, "NewAPI": "yes"}),
            "`NewAPI`",
        ),
        (
            "GetAbuseReport",
            json!({"StartTime": START_DAY, "EndTime": START_DAY, "Limit": 18_446_744_073_709_551_615_u64}),
            "`Limit`",
        ),
    ];
    for (action, params, name) in cases {
        let error = call(&ses, action, params).expect_err("refused");
        assert_eq!(error.code, "InvalidParameter", "{action} {name}");
        assert!(error.message.contains(name), "{action}: {}", error.message);
    }
    let flat = call_flat(
        &ses,
        "ListEmailTemplates",
        &[("Limit", "ten"), ("Offset", "0")],
    )
    .expect_err("refused");
    assert!(
        flat.code == "InvalidParameter" && flat.message.contains("`Limit`"),
        "{flat:?}"
    );
    let shape = call_flat(
        &ses,
        "DeleteBlackList",
        &[("EmailAddressList", "a@example.org")],
    )
    .expect_err("refused");
    assert_eq!(shape.code, "InvalidParameter");
    let gap = call_flat(
        &ses,
        "DeleteBlackList",
        &[
            ("EmailAddressList.0", "a@example.org"),
            ("EmailAddressList.2", "b@example.org"),
        ],
    )
    .expect_err("refused");
    assert_eq!(gap.code, "InvalidParameter");
}

#[test]
fn flattened_parameters_decode_like_json() {
    let (ses, _clock) = backend_at(SesOptions::default());
    call_flat(
        &ses,
        "CreateEmailIdentity",
        &[
            ("EmailIdentity", DOMAIN),
            ("DKIMOption", "1"),
            ("TagList.0.TagKey", "k"),
            ("TagList.0.TagValue", "v"),
        ],
    )
    .expect("created");
    call_flat(&ses, "CreateEmailAddress", &[("EmailAddress", FROM)]).expect("created");
    let html = STANDARD.encode("<p>{{name}}</p>");
    let created = call_flat(
        &ses,
        "CreateEmailTemplate",
        &[("TemplateName", "t"), ("TemplateContent.Html", &html)],
    )
    .expect("created");
    let id = created["TemplateID"]
        .as_u64()
        .unwrap_or_default()
        .to_string();
    let sent = call_flat(
        &ses,
        "SendEmail",
        &[
            ("FromEmailAddress", FROM),
            ("Subject", "Hi"),
            ("Destination.0", "a@example.org"),
            ("Destination.1", "b@example.org"),
            ("Template.TemplateID", &id),
            ("Template.TemplateData", "{\"name\":\"Flat\"}"),
            ("TriggerType", "1"),
            ("Unsubscribe", "0"),
        ],
    )
    .expect("sent");
    let message = ses
        .message(sent["MessageId"].as_str().unwrap_or_default())
        .expect("stored");
    assert_eq!(
        (message.to.len(), message.html.as_deref()),
        (2, Some("<p>Flat</p>"))
    );
    let identity = call_flat(&ses, "GetEmailIdentity", &[("EmailIdentity", DOMAIN)]).expect("read");
    assert_eq!(identity["DKIMOption"], 1);
    call_flat(
        &ses,
        "ListSendTasks",
        &[
            ("Offset", "0"),
            ("Limit", "5"),
            ("TaskType", "1"),
            ("Status", "10"),
        ],
    )
    .expect("listed");
    call_flat(
        &ses,
        "UpdateEmailIdentity",
        &[("EmailIdentity", DOMAIN), ("NewAPI", "True")],
    )
    .expect("updated");
}

#[test]
fn integers_out_of_range_are_called_that() {
    let (ses, _clock) = backend_at(SesOptions::default());
    let message = |action: &str, params: serde_json::Value| {
        let error = call(&ses, action, params).expect_err("refused");
        assert_eq!(error.code, "InvalidParameter", "{action}");
        error.message
    };
    // JSON reads an integer past 64 bits as a float; a signed field past i64 as u64.
    let past_u64: serde_json::Value =
        serde_json::from_str(r#"{"TemplateID": 18446744073709551616}"#).unwrap();
    let text = message("GetEmailTemplate", past_u64);
    assert!(text.contains("outside 0 to 18446744073709551615"), "{text}");
    let text = message(
        "GetAbuseReport",
        json!({"StartTime": START_DAY, "EndTime": START_DAY, "Offset": 9_223_372_036_854_775_808_u64}),
    );
    assert!(
        text.contains("outside -9223372036854775808 to 9223372036854775807"),
        "{text}"
    );
    let text = message("GetEmailTemplate", json!({"TemplateID": -1}));
    assert!(text.contains("outside 0 to"), "{text}");
    // A string in JSON is the wrong sort of value, whatever digits it holds.
    let text = message("GetEmailTemplate", json!({"TemplateID": "12"}));
    assert!(text.contains("the string \"12\""), "{text}");
    // Digits in a form are text until typed: past the range, they are called out of range.
    let flat = call_flat(
        &ses,
        "GetEmailTemplate",
        &[("TemplateID", "18446744073709551616")],
    )
    .expect_err("refused");
    assert!(flat.message.contains("outside 0 to"), "{flat:?}");
}
