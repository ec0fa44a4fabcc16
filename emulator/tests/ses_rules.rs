//! What the SES backend refuses, and with which SES error code: sending, blocklists, domains,
//! sender addresses and passwords, templates, recipient lists and batch tasks.

mod ses_support;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde_json::json;
use tencentcloud_emulator::ses::SesOptions;

use ses_support::{
    DOMAIN, FROM, START_DAY, b64, backend, backend_at, call, code, ok, ready, send, send_body,
    sender,
};

#[test]
fn sending_enforces_the_documented_rules() {
    let (ses, _clock) = backend_at(SesOptions::default());
    let id = ready(&ses);
    let with = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut body = send_body(id, &["ann@example.org"]);
        edit(&mut body);
        code(&ses, "SendEmail", body)
    };
    let many: Vec<String> = (0..51).map(|n| format!("r{n}@example.org")).collect();
    assert_eq!(
        with(&|b| b["Destination"] = json!(many)),
        "FailedOperation.TooManyRecipients"
    );
    let cc: Vec<String> = (0..21).map(|n| format!("c{n}@example.org")).collect();
    assert_eq!(
        with(&|b| b["Cc"] = json!(cc)),
        "FailedOperation.TooManyRecipients"
    );
    assert_eq!(
        with(&|b| b["Destination"] = json!([])),
        "InvalidParameterValue.EmailAddressIsNULL"
    );
    assert_eq!(
        with(&|b| b["Destination"] = json!(["not an address"])),
        "FailedOperation.IncorrectEmail"
    );
    assert_eq!(
        with(&|b| b["FromEmailAddress"] = json!("Team  <noreply@mail.example.com>")),
        "FailedOperation.IncorrectSender"
    );
    assert_eq!(
        with(&|b| b["FromEmailAddress"] = json!("")),
        "InvalidParameterValue.EmailAddressIsNULL"
    );
    assert_eq!(
        with(&|b| b["FromEmailAddress"] = json!("other@mail.example.com")),
        "FailedOperation.NotAuthenticatedSender"
    );
    assert_eq!(
        with(&|b| b["Template"]["TemplateData"] = json!("{name:1}")),
        "FailedOperation.WrongContentJson"
    );
    assert_eq!(
        with(&|b| b["Template"]["TemplateData"] = json!("[1]")),
        "FailedOperation.WrongContentJson"
    );
    assert_eq!(
        with(&|b| b["Template"]["TemplateData"] = json!("{\"name\":\"A\"}")),
        "InvalidParameterValue.TemplateNotMatchData"
    );
    assert_eq!(
        with(&|b| b["Template"]["TemplateID"] = json!(424_242)),
        "FailedOperation.InvalidTemplateID"
    );
    assert_eq!(
        with(&|b| {
            b.as_object_mut().map(|o| o.remove("Template"));
        }),
        "FailedOperation.MissingEmailContent"
    );
    assert_eq!(
        with(&|b| b["Attachments"] = json!([{"FileName": "setup.exe", "Content": "TVo="}])),
        "FailedOperation.InvalidAttachName"
    );
    assert_eq!(
        with(&|b| b["Attachments"] = json!([{"FileName": "a.pdf", "Content": "%%%"}])),
        "InvalidParameterValue.AttachContentIsWrong"
    );
    let eleven: Vec<_> = (0..11)
        .map(|n| json!({"FileName": format!("f{n}.txt"), "Content": "YQ=="}))
        .collect();
    assert_eq!(
        with(&|b| b["Attachments"] = json!(eleven)),
        "FailedOperation.TooManyAttachments"
    );
    let big = STANDARD.encode(vec![b'x'; 4 * 1024 * 1024 + 1]);
    assert_eq!(
        with(&|b| b["Attachments"] = json!([{"FileName": "big.txt", "Content": big}])),
        "FailedOperation.AttachContentToolarge"
    );
    assert_eq!(
        with(&|b| b["SmtpHeaders"] = json!("{\"Subject\":\"x\"}")),
        "InvalidParameterValue"
    );
    assert_eq!(
        with(&|b| b["Bcc"] = json!(["ann@example.org"])),
        "InvalidParameterValue"
    );
    assert!(ses.messages().is_empty(), "nothing refused is stored");
}

#[test]
fn blocklisted_recipients_are_refused() {
    let (ses, _clock) = backend_at(SesOptions::default());
    let id = ready(&ses);
    ok(
        &ses,
        "CreateCustomBlacklist",
        json!({"Emails": ["Blocked@Example.org"]}),
    );
    assert_eq!(
        code(&ses, "SendEmail", send_body(id, &["blocked@example.org"])),
        "FailedOperation.EmailAddrInBlacklist"
    );
    ok(
        &ses,
        "DeleteCustomBlackList",
        json!({"Emails": ["blocked@example.org"]}),
    );
    send(&ses, id, &["blocked@example.org"]);

    ok(
        &ses,
        "CreateCustomBlacklist",
        json!({"Emails": ["old@example.org"], "ExpireDate": "2021-01-04"}),
    );
    send(&ses, id, &["old@example.org"]);
    let expired = ok(
        &ses,
        "ListCustomBlacklist",
        json!({"Offset": 0, "Limit": 10, "Status": 0}),
    );
    assert_eq!(expired["Data"][0]["Email"], "old@example.org");

    send(&ses, id, &["bounce@ses-simulator.test"]);
    assert_eq!(
        code(
            &ses,
            "SendEmail",
            send_body(id, &["bounce@ses-simulator.test"])
        ),
        "FailedOperation.EmailAddrInBlacklist"
    );
    ok(
        &ses,
        "DeleteBlackList",
        json!({"EmailAddressList": ["bounce@ses-simulator.test"]}),
    );
    send(&ses, id, &["bounce@ses-simulator.test"]);

    send(&ses, id, &["unsubscribe@ses-simulator.test"]);
    assert_eq!(
        code(
            &ses,
            "SendEmail",
            send_body(id, &["unsubscribe@ses-simulator.test"])
        ),
        "FailedOperation.ReceiverHasUnsubscribed"
    );
}

#[test]
fn identities_senders_and_passwords_follow_their_rules() {
    let (ses, _clock) = backend_at(SesOptions::default());
    assert_eq!(
        code(
            &ses,
            "CreateEmailIdentity",
            json!({"EmailIdentity": "not a domain"})
        ),
        "InvalidParameterValue.InvalidEmailIdentity"
    );
    ok(
        &ses,
        "CreateEmailIdentity",
        json!({"EmailIdentity": DOMAIN}),
    );
    assert_eq!(
        code(
            &ses,
            "CreateEmailIdentity",
            json!({"EmailIdentity": "MAIL.example.com"})
        ),
        "InvalidParameterValue.RepeatCreation"
    );
    for n in 0..9 {
        ok(
            &ses,
            "CreateEmailIdentity",
            json!({"EmailIdentity": format!("d{n}.example.com")}),
        );
    }
    assert_eq!(
        code(
            &ses,
            "CreateEmailIdentity",
            json!({"EmailIdentity": "eleven.example.com"})
        ),
        "OperationDenied.ExceedDomainLimit"
    );
    assert_eq!(
        code(
            &ses,
            "GetEmailIdentity",
            json!({"EmailIdentity": "nowhere.example.com"})
        ),
        "InvalidParameterValue.NotExistDomain"
    );
    assert_eq!(
        code(
            &ses,
            "CreateEmailAddress",
            json!({"EmailAddress": "a@nowhere.example.com"})
        ),
        "OperationDenied.DomainNotVerified"
    );
    assert_eq!(
        code(&ses, "CreateEmailAddress", json!({"EmailAddress": "@@"})),
        "InvalidParameterValue.IllegalEmailAddress"
    );
    ok(&ses, "CreateEmailAddress", json!({"EmailAddress": FROM}));
    assert_eq!(
        code(&ses, "CreateEmailAddress", json!({"EmailAddress": FROM})),
        "InvalidParameterValue.RepeatEmailAddress"
    );
    assert_eq!(
        code(
            &ses,
            "CreateEmailAddress",
            json!({"EmailAddress": "x@mail.example.com", "EmailSenderName": "a:b"})
        ),
        "InvalidParameterValue.IllegalSenderName"
    );
    let password = |p: &str| {
        call(
            &ses,
            "UpdateEmailSmtpPassWord",
            json!({"EmailAddress": FROM, "Password": p}),
        )
        .err()
        .map(|e| e.code)
    };
    assert_eq!(
        password("short1A").as_deref(),
        Some("InvalidParameterValue.InvalidSmtpPassWord")
    );
    assert_eq!(
        password("alllowercase12").as_deref(),
        Some("InvalidParameterValue.InvalidSmtpPassWord")
    );
    assert_eq!(password("Ab12Cd34ef"), None);
    assert_eq!(
        password("Ab12Cd34ef").as_deref(),
        Some("OperationDenied.RepeatPassWord")
    );
    assert_eq!(password("Xy98Zw76uv"), None);
    assert_eq!(
        code(
            &ses,
            "UpdateEmailSmtpPassWord",
            json!({"EmailAddress": "ghost@mail.example.com", "Password": "Ab12Cd34ef"})
        ),
        "InvalidParameterValue.NoSuchSender"
    );
    assert_eq!(
        code(
            &ses,
            "DeleteEmailAddress",
            json!({"EmailAddress": "ghost@mail.example.com"})
        ),
        "InvalidParameterValue.NoSuchSender"
    );
    assert_eq!(
        code(
            &ses,
            "CreateEmailTemplate",
            json!({"TemplateName": "t", "TemplateContent": {}})
        ),
        "InvalidParameterValue.TemplateContentIsNULL"
    );
    assert_eq!(
        code(
            &ses,
            "CreateEmailTemplate",
            json!({"TemplateName": "t", "TemplateContent": {"Html": "***"}})
        ),
        "InvalidParameterValue.TemplateContentIsWrong"
    );
    assert_eq!(
        code(
            &ses,
            "ListEmailTemplates",
            json!({"Offset": 0, "Limit": 101})
        ),
        "FailedOperation.InvalidLimit"
    );
}

#[test]
fn lists_and_tasks_follow_their_rules() {
    let (ses, _clock) = backend_at(SesOptions::default());
    let id = ready(&ses);
    let list = ok(&ses, "CreateReceiver", json!({"ReceiversName": "l"}))["ReceiverId"].clone();
    assert_eq!(
        code(&ses, "CreateReceiver", json!({"ReceiversName": "l"})),
        "InvalidParameterValue.RepeatReceiverName"
    );
    let batch = |extra: serde_json::Value| {
        let mut body = json!({"FromEmailAddress": FROM, "ReceiverId": list, "Subject": "Hi", "TaskType": 1, "Template": {"TemplateID": id, "TemplateData": "{\"code\":\"1\"}"}});
        if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
            body.extend(extra.clone());
        }
        code(&ses, "BatchSendEmail", body)
    };
    assert_eq!(batch(json!({})), "OperationDenied.ReceiverStatusError");
    let counts = ok(
        &ses,
        "CreateReceiverDetailWithData",
        json!({"ReceiverId": list, "Datas": [{"Email": "a@example.org", "TemplateData": "{\"name\":\"A\"}"}, {"Email": "a@example.org", "TemplateData": "{\"name\":\"A\"}"}, {"Email": "", "TemplateData": "{\"name\":\"\"}"}]}),
    );
    assert_eq!(
        (
            counts["ValidCount"].as_u64(),
            counts["RepeatCount"].as_u64(),
            counts["EmptyEmailCount"].as_u64()
        ),
        (Some(1), Some(1), Some(1))
    );
    assert_eq!(
        code(
            &ses,
            "CreateReceiverDetail",
            json!({"ReceiverId": list, "Emails": ["b@example.org"]})
        ),
        "InvalidParameterValue.TemplateDataInconsistent"
    );
    assert_eq!(
        code(
            &ses,
            "CreateReceiverDetailWithData",
            json!({"ReceiverId": list, "Datas": [{"Email": "c@example.org", "TemplateData": "{\"name\":\"<b>C</b>\"}"}]})
        ),
        "InvalidParameterValue.InValidTemplateData"
    );
    assert_eq!(
        code(
            &ses,
            "CreateReceiverDetail",
            json!({"ReceiverId": 999, "Emails": ["b@example.org"]})
        ),
        "OperationDenied.ReceiverNotExist"
    );

    assert_eq!(
        batch(json!({"Subject": ""})),
        "InvalidParameterValue.SubjectLengthError"
    );
    assert_eq!(
        batch(json!({"TaskType": 2})),
        "MissingParameter.TimedParamNecessary"
    );
    assert_eq!(
        batch(json!({"TaskType": 3})),
        "MissingParameter.CycleParamNecessary"
    );
    assert_eq!(
        batch(json!({"TaskType": 2, "TimedParam": {"BeginTime": "2021-01-01 00:00:00"}})),
        "InvalidParameterValue.BeginTimeBeforeNow"
    );
    assert_eq!(
        batch(json!({"ReceiverId": 999})),
        "OperationDenied.ReceiverNotExist"
    );
    assert_eq!(
        batch(json!({"FromEmailAddress": "ghost@mail.example.com"})),
        "OperationDenied.SendAddressStatusError"
    );
    assert_eq!(
        batch(json!({"Template": {"TemplateID": 9, "TemplateData": "{}"}})),
        "OperationDenied.TemplateStatusError"
    );
    assert_eq!(
        batch(json!({"Template": {"TemplateID": id, "TemplateData": "{}"}})),
        "InvalidParameterValue.TemplateNotMatchData"
    );
    assert_eq!(
        batch(json!({"Template": {"TemplateID": id, "TemplateData": "nope"}})),
        "InvalidParameterValue.TemplateDataError"
    );
    let no_content = call(
        &ses,
        "BatchSendEmail",
        json!({"FromEmailAddress": FROM, "ReceiverId": list, "Subject": "Hi", "TaskType": 1}),
    )
    .err()
    .map(|e| e.code);
    assert_eq!(
        no_content.as_deref(),
        Some("MissingParameter.SendParamNecessary")
    );
    assert_eq!(
        code(&ses, "DeleteReceiver", json!({"ReceiverId": 999})),
        "OperationDenied.ReceiverNotExist"
    );
    assert_eq!(
        code(
            &ses,
            "GetSendEmailStatus",
            json!({"RequestDate": "2020-11-01", "Offset": 0, "Limit": 10})
        ),
        "FailedOperation.NotSupportDate"
    );
    assert_eq!(
        code(
            &ses,
            "GetStatisticsReport",
            json!({"StartDate": "2021-1-1", "EndDate": START_DAY})
        ),
        "InvalidParameterValue.WrongDate"
    );
    assert_eq!(
        code(
            &ses,
            "GetAbuseReport",
            json!({"StartTime": "yesterday", "EndTime": START_DAY})
        ),
        "InvalidParameter.InvalidStartTimeFormat"
    );
}

#[test]
fn lists_and_deletes_answer_with_the_codes_their_actions_document() {
    let (ses, _clock) = backend_at(SesOptions::default());
    ready(&ses);
    for status in [0, 1, 2] {
        ok(
            &ses,
            "ListCustomBlacklist",
            json!({"Offset": 0, "Limit": 10, "Status": status}),
        );
    }
    assert_eq!(
        code(
            &ses,
            "ListCustomBlacklist",
            json!({"Offset": 0, "Limit": 10, "Status": 3})
        ),
        "InvalidParameterValue"
    );
    ok(
        &ses,
        "ListAddressUnsubscribeConfig",
        json!({"Offset": 0, "Limit": "100"}),
    );
    assert_eq!(
        code(
            &ses,
            "ListAddressUnsubscribeConfig",
            json!({"Offset": 0, "Limit": "101"})
        ),
        "InvalidParameterValue"
    );
    assert_eq!(
        code(&ses, "DeleteEmailTemplate", json!({"TemplateID": 424_242})),
        "InvalidParameterValue"
    );
    assert_eq!(
        code(
            &ses,
            "DeleteEmailIdentity",
            json!({"EmailIdentity": "nowhere.example.net"})
        ),
        "InvalidParameterValue"
    );
    // Reading or updating what does not exist keeps its own, documented code.
    assert_eq!(
        code(&ses, "GetEmailTemplate", json!({"TemplateID": 424_242})),
        "InvalidParameterValue.TemplateNotExist"
    );
    assert_eq!(
        code(
            &ses,
            "GetEmailIdentity",
            json!({"EmailIdentity": "nowhere.example.net"})
        ),
        "InvalidParameterValue.NotExistDomain"
    );
}

#[test]
fn template_data_cannot_blow_a_mail_up_past_its_limits() {
    let ses = backend();
    sender(&ses);
    // 100 KB of template: one variable 20,000 times. With a 5,000-character value that is
    // 100 MB of mail, far over any request SES takes.
    let created = ok(
        &ses,
        "CreateEmailTemplate",
        json!({"TemplateName": "repeats", "TemplateContent": {"Html": b64(&"{{a}}".repeat(20_000))}}),
    );
    let id = created["TemplateID"].as_u64().unwrap_or_default();
    let send = |subject: &str, value: &str| {
        let mut body = send_body(id, &["ann@example.org"]);
        body["Subject"] = json!(subject);
        body["Template"]["TemplateData"] = json!(json!({ "a": value }).to_string());
        body
    };
    assert_eq!(
        code(&ses, "SendEmail", send("Hi", &"x".repeat(5_000))),
        "FailedOperation.EmailContentToolarge"
    );
    // A subject within its 998 characters as written, but not once filled in.
    assert_eq!(
        code(
            &ses,
            "SendEmail",
            send(&"{{a}}".repeat(199), &"y".repeat(100))
        ),
        "InvalidParameterValue"
    );
    // Both within their limits: sent.
    ok(&ses, "SendEmail", send("{{a}}", &"z".repeat(100)));
    assert!(ses.messages().iter().any(|m| m.subject == "z".repeat(100)));
}

#[test]
fn subject_errors_say_which_limit_was_missed() {
    let ses = backend();
    let id = ready(&ses);
    let message = |subject: String| {
        let mut body = send_body(id, &["ann@example.org"]);
        body["Subject"] = json!(subject);
        let error = call(&ses, "SendEmail", body).expect_err("refused");
        assert_eq!(error.code, "InvalidParameterValue");
        error.message
    };
    assert!(message("  ".to_owned()).contains("blank"));
    let long = message("s".repeat(999));
    assert!(
        long.contains("999 characters") && long.contains("998"),
        "{long}"
    );
}
