//! SES backend workflows over time: templates deleted or held for review, domains waiting
//! for verification, batch tasks immediate, scheduled and recurring, reset, and many
//! concurrent sends.

mod ses_support;

use std::collections::BTreeSet;

use serde_json::{Value, json};
use tencentcloud_emulator::backend::Backend;
use tencentcloud_emulator::ses::{SesBackend, SesOptions};

use ses_support::{
    DOMAIN, FROM, START_DAY, b64, backend_at, call, code, ok, ready, send, send_body, sender,
    template,
};

#[test]
fn a_deleted_template_can_no_longer_send() {
    let (ses, _clock) = backend_at(SesOptions::default());
    let id = ready(&ses);
    send(&ses, id, &["ann@example.org"]);
    ok(&ses, "DeleteEmailTemplate", json!({"TemplateID": id}));
    assert_eq!(
        code(&ses, "SendEmail", send_body(id, &["ann@example.org"])),
        "FailedOperation.InvalidTemplateID"
    );
    assert_eq!(
        code(&ses, "GetEmailTemplate", json!({"TemplateID": id})),
        "InvalidParameterValue.TemplateNotExist"
    );
}

#[test]
fn a_batch_task_stores_one_message_per_recipient() {
    let (ses, _clock) = backend_at(SesOptions::default());
    let id = ready(&ses);
    let list = ok(
        &ses,
        "CreateReceiver",
        json!({"ReceiversName": "customers"}),
    )["ReceiverId"]
        .clone();
    let datas: Vec<Value> = ["a", "b", "c"].iter().map(|n| json!({"Email": format!("{n}@example.org"), "TemplateData": format!("{{\"name\":\"{n}\"}}")})).collect();
    let uploaded = ok(
        &ses,
        "CreateReceiverDetailWithData",
        json!({"ReceiverId": list, "Datas": datas}),
    );
    assert_eq!(uploaded["ValidCount"], 3);
    let task = ok(&ses, "BatchSendEmail", json!({"FromEmailAddress": FROM, "ReceiverId": list, "Subject": "For {{name}}", "TaskType": 1, "Template": {"TemplateID": id, "TemplateData": "{\"code\":\"77\"}"}}))["TaskId"].as_u64();

    let messages = ses.messages();
    assert_eq!(messages.len(), 3);
    for (message, name) in messages.iter().zip(["a", "b", "c"]) {
        assert_eq!(message.to, [format!("{name}@example.org")]);
        assert_eq!(message.subject, format!("For {name}"));
        assert_eq!(
            message.text.as_deref(),
            Some(format!("Hello {name}, your code is 77.").as_str())
        );
        assert_eq!(message.task_id, task);
    }
    let tasks = ok(
        &ses,
        "ListSendTasks",
        json!({"Offset": 0, "Limit": 10, "TaskType": 1}),
    );
    let summary = &tasks["Data"][0];
    assert_eq!(
        (
            summary["RequestCount"].as_u64(),
            summary["SendCount"].as_u64(),
            summary["TaskStatus"].as_u64()
        ),
        (Some(3), Some(3), Some(10))
    );
}

#[test]
fn scheduled_and_recurring_tasks_send_when_their_time_comes() {
    let (ses, clock) = backend_at(SesOptions::default());
    let id = ready(&ses);
    let list = ok(&ses, "CreateReceiver", json!({"ReceiversName": "team"}))["ReceiverId"].clone();
    ok(
        &ses,
        "CreateReceiverDetail",
        json!({"ReceiverId": list, "Emails": ["x@example.org", "y@example.org"]}),
    );
    let batch = |task_type: u64, extra: Value| {
        let mut body = json!({"FromEmailAddress": FROM, "ReceiverId": list, "Subject": "Hi", "TaskType": task_type, "Template": {"TemplateID": id, "TemplateData": "{\"name\":\"all\",\"code\":\"1\"}"}});
        if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
            body.extend(extra.clone());
        }
        ok(&ses, "BatchSendEmail", body)
    };
    // START is 06:48:18; the scheduled task starts at 07:00:00, the recurring one at 07:30:00
    // and then every hour.
    batch(
        2,
        json!({"TimedParam": {"BeginTime": "2021-01-05 07:00:00"}}),
    );
    batch(
        3,
        json!({"CycleParam": {"BeginTime": "2021-01-05 07:30:00", "IntervalTime": 1}}),
    );
    assert!(ses.messages().is_empty());
    let statuses = |ses: &SesBackend| -> Vec<u64> {
        let tasks = ok(ses, "ListSendTasks", json!({"Offset": 0, "Limit": 10}));
        tasks["Data"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t["TaskStatus"].as_u64())
            .collect()
    };
    assert_eq!(statuses(&ses), [1, 1]);

    clock.advance(12 * 60); // 07:00:18
    assert_eq!(ses.messages().len(), 2);
    assert_eq!(statuses(&ses), [10, 1]);
    clock.advance(30 * 60); // 07:30:18: first recurring round
    assert_eq!(ses.messages().len(), 4);
    assert_eq!(statuses(&ses), [10, 5]);
    clock.advance(2 * 3600); // 09:30:18: two more rounds were due
    assert_eq!(ses.messages().len(), 8);
    let recurring = ok(
        &ses,
        "ListSendTasks",
        json!({"Offset": 0, "Limit": 10, "TaskType": 3}),
    );
    assert_eq!(recurring["Data"][0]["SendCount"], 6);
}

#[test]
fn held_templates_wait_for_review() {
    let (ses, _clock) = backend_at(SesOptions {
        hold_templates_for_review: true,
        ..SesOptions::default()
    });
    sender(&ses);
    let id = template(&ses);
    let status = |ses: &SesBackend| {
        ok(ses, "GetEmailTemplate", json!({"TemplateID": id}))["TemplateStatus"].as_i64()
    };
    assert_eq!(status(&ses), Some(1));
    assert_eq!(
        code(&ses, "SendEmail", send_body(id, &["ann@example.org"])),
        "FailedOperation.InvalidTemplateID"
    );
    ses.review_template(id, true).expect("the template exists");
    assert_eq!(status(&ses), Some(0));
    send(&ses, id, &["ann@example.org"]);
    ok(
        &ses,
        "UpdateEmailTemplate",
        json!({"TemplateID": id, "TemplateName": "v2", "TemplateContent": {"Text": b64("{{name}} {{code}}")}}),
    );
    assert_eq!(status(&ses), Some(1), "an update goes back to review");
    ses.review_template(id, false).expect("the template exists");
    assert_eq!(status(&ses), Some(2));
    let listed = ok(
        &ses,
        "ListEmailTemplates",
        json!({"Offset": 0, "Limit": 10}),
    );
    assert_eq!(listed["TemplatesMetadata"][0]["TemplateStatus"], 2);
    assert!(ses.review_template(id + 1000, true).is_err());
}

#[test]
fn required_verification_waits_for_update_email_identity() {
    let (ses, _clock) = backend_at(SesOptions {
        require_verification: true,
        ..SesOptions::default()
    });
    let created = ok(
        &ses,
        "CreateEmailIdentity",
        json!({"EmailIdentity": DOMAIN}),
    );
    assert_eq!(created["VerifiedForSendingStatus"], false);
    assert!(
        created["Attributes"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|a| a["Status"] == false && a["CurrentValue"] == "")
    );
    assert_eq!(
        code(&ses, "CreateEmailAddress", json!({"EmailAddress": FROM})),
        "OperationDenied.DomainNotVerified"
    );
    let checked = ok(
        &ses,
        "UpdateEmailIdentity",
        json!({"EmailIdentity": DOMAIN}),
    );
    assert_eq!(checked["VerifiedForSendingStatus"], true);
    assert!(
        checked["Attributes"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|a| a["Status"] == true && a["CurrentValue"] == a["ExpectedValue"])
    );
    ok(&ses, "CreateEmailAddress", json!({"EmailAddress": FROM}));
    assert_eq!(
        code(
            &ses,
            "DeleteEmailIdentity",
            json!({"EmailIdentity": DOMAIN})
        ),
        "OperationDenied.SenderWithDomainIsNotEmpty"
    );
}

#[test]
fn reset_forgets_the_account() {
    let (ses, _clock) = backend_at(SesOptions::default());
    let id = ready(&ses);
    send(&ses, id, &["ann@example.org"]);
    ses.reset();
    assert!(ses.messages().is_empty());
    assert_eq!(ok(&ses, "ListEmailIdentities", json!({}))["Total"], 0);
    assert_eq!(
        call(&ses, "ListEmailAddress", json!({}))
            .map(|v| v["EmailSenders"].clone())
            .ok(),
        Some(json!([]))
    );
}

#[test]
fn concurrent_sends_are_all_stored() {
    let (ses, _clock) = backend_at(SesOptions::default());
    let id = ready(&ses);
    let ids: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..8)
            .map(|worker| {
                let ses = ses.clone();
                scope.spawn(move || {
                    (0..40)
                        .map(|n| send(&ses, id, &[&format!("w{worker}n{n}@example.org")]))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    assert_eq!(ids.len(), 320);
    assert_eq!(
        ids.iter().collect::<BTreeSet<_>>().len(),
        320,
        "message ids are unique"
    );
    assert!(ids.iter().all(|id| ses.message(id).is_some()));
    let stats = ok(
        &ses,
        "GetStatisticsReport",
        json!({"StartDate": START_DAY, "EndDate": START_DAY}),
    );
    assert_eq!(stats["OverallVolume"]["AcceptedCount"], 320);
}

#[test]
fn headers_follow_the_request_and_the_sender_settings() {
    let (ses, _clock) = backend_at(SesOptions::default());
    let id = ready(&ses);
    let eml = |body: Value| {
        let sent = ok(&ses, "SendEmail", body);
        let message_id = sent["MessageId"].as_str().unwrap_or_default().to_owned();
        ses.message(&message_id).map(|m| m.eml).unwrap_or_default()
    };

    let plain = eml(send_body(id, &["ann@example.org"]));
    assert!(
        !plain.contains("List-Unsubscribe:"),
        "no link unless asked for"
    );

    let mut asked = send_body(id, &["ann@example.org"]);
    asked["Unsubscribe"] = json!("2");
    asked["ReplyToAddresses"] = json!("help@example.com");
    asked["SmtpMessageId"] = json!("<order-17@mail.example.com>");
    asked["SmtpHeaders"] = json!("{\"X-Campaign\":\"spring\"}");
    asked["HeaderFrom"] = json!("Brand <news@mail.example.com>");
    let rendered = eml(asked);
    for needle in [
        "List-Unsubscribe: <https://unsubscribe.ses-simulator.test/?lang=2",
        "Reply-To: help@example.com",
        "Message-ID: <order-17@mail.example.com>",
        "X-Campaign: spring",
        "From: Brand <news@mail.example.com>",
    ] {
        assert!(
            rendered.contains(needle),
            "{needle} missing from\n{rendered}"
        );
    }

    ok(
        &ses,
        "CreateAddressUnsubscribeConfig",
        json!({"Address": FROM, "UnsubscribeConfig": "1", "Status": 1}),
    );
    let by_setting = eml(send_body(id, &["ann@example.org"]));
    assert!(
        by_setting.contains("?lang=1&"),
        "the sender's setting applies:\n{by_setting}"
    );
    let mut declined = send_body(id, &["ann@example.org"]);
    declined["Unsubscribe"] = json!("0");
    assert!(
        !eml(declined).contains("List-Unsubscribe:"),
        "the request's \"0\" wins"
    );

    let mut foreign = send_body(id, &["ann@example.org"]);
    foreign["HeaderFrom"] = json!("Brand <news@elsewhere.example>");
    assert_eq!(
        code(&ses, "SendEmail", foreign),
        "FailedOperation.IncorrectSender"
    );
}

#[test]
fn batch_subjects_carry_the_advertisement_marker_where_asked() {
    let (ses, _clock) = backend_at(SesOptions::default());
    let id = ready(&ses);
    let list = ok(&ses, "CreateReceiver", json!({"ReceiversName": "ads"}))["ReceiverId"].clone();
    ok(
        &ses,
        "CreateReceiverDetail",
        json!({"ReceiverId": list, "Emails": ["a@example.org"]}),
    );
    for location in [1, 2] {
        ok(
            &ses,
            "BatchSendEmail",
            json!({
                "FromEmailAddress": FROM, "ReceiverId": list, "Subject": "Sale", "TaskType": 1,
                "ADLocation": location,
                "Template": {"TemplateID": id, "TemplateData": "{\"name\":\"A\",\"code\":\"0\"}"},
            }),
        );
    }
    let subjects: Vec<String> = ses.messages().into_iter().map(|m| m.subject).collect();
    assert_eq!(subjects, ["[AD] Sale", "Sale [AD]"]);
}

#[test]
fn a_batch_task_declining_the_unsubscribe_link_gets_none_whatever_the_sender_setting() {
    let (ses, _clock) = backend_at(SesOptions::default());
    let id = ready(&ses);
    let list = ok(&ses, "CreateReceiver", json!({"ReceiversName": "news"}))["ReceiverId"].clone();
    ok(
        &ses,
        "CreateReceiverDetail",
        json!({"ReceiverId": list, "Emails": ["a@example.org"]}),
    );
    ok(
        &ses,
        "CreateAddressUnsubscribeConfig",
        json!({"Address": FROM, "UnsubscribeConfig": "1", "Status": 1}),
    );
    let batch = |unsubscribe: Option<&str>| {
        let mut body = json!({
            "FromEmailAddress": FROM, "ReceiverId": list, "Subject": "News", "TaskType": 1,
            "Template": {"TemplateID": id, "TemplateData": "{\"name\":\"A\",\"code\":\"0\"}"},
        });
        if let Some(unsubscribe) = unsubscribe {
            body["Unsubscribe"] = json!(unsubscribe);
        }
        ok(&ses, "BatchSendEmail", body);
        ses.messages().pop().map(|m| m.eml).unwrap_or_default()
    };

    let by_setting = batch(None);
    assert!(
        by_setting.contains("?lang=1&"),
        "without a choice, the sender's setting applies:\n{by_setting}"
    );
    let declined = batch(Some("0"));
    assert!(
        !declined.contains("List-Unsubscribe:"),
        "the request's \"0\" wins over the sender's setting:\n{declined}"
    );
    let chosen = batch(Some("2"));
    assert!(
        chosen.contains("?lang=2&"),
        "the request's language wins:\n{chosen}"
    );
}
