//! The SES backend through the `Backend` trait: every action on its happy path, and state that
//! stays consistent from one action to the next (identity, sender, template, send, status,
//! statistics, recipient lists and batch tasks, template review, domain verification).

mod ses_support;

use std::collections::BTreeSet;

use serde_json::{Value, json};
use tencentcloud_emulator::backend::Backend;
use tencentcloud_emulator::ses::{SesBackend, SesOptions};

use ses_support::{
    DOMAIN, FROM, START_DAY, b64, backend_at, call, code, ok, ready, send, send_body, sender,
    template,
};

/// The 36 actions of SES 2020-10-02 (ses.md §3).
const ACTIONS: [&str; 36] = [
    "BatchSendEmail",
    "CreateAddressUnsubscribeConfig",
    "CreateCustomBlacklist",
    "CreateEmailAddress",
    "CreateEmailIdentity",
    "CreateEmailTemplate",
    "CreateReceiver",
    "CreateReceiverDetail",
    "CreateReceiverDetailWithData",
    "DeleteAddressUnsubscribeConfig",
    "DeleteBlackList",
    "DeleteCustomBlackList",
    "DeleteEmailAddress",
    "DeleteEmailIdentity",
    "DeleteEmailTemplate",
    "DeleteReceiver",
    "GetAbuseReport",
    "GetEmailIdentity",
    "GetEmailTemplate",
    "GetSendEmailStatus",
    "GetStatisticsReport",
    "ListAddressUnsubscribeConfig",
    "ListBlackEmailAddress",
    "ListCustomBlacklist",
    "ListEmailAddress",
    "ListEmailIdentities",
    "ListEmailTemplates",
    "ListReceiverDetails",
    "ListReceivers",
    "ListSendTasks",
    "SendEmail",
    "UpdateAddressUnsubscribeConfig",
    "UpdateCustomBlackList",
    "UpdateEmailIdentity",
    "UpdateEmailSmtpPassWord",
    "UpdateEmailTemplate",
];

/// Calls actions and remembers which ones answered successfully.
struct Tour {
    ses: SesBackend,
    seen: BTreeSet<String>,
}

impl Tour {
    fn ok(&mut self, action: &str, params: Value) -> Value {
        let answer = ok(&self.ses, action, params);
        assert!(
            answer.get("RequestId").is_none(),
            "{action}: the front adds RequestId"
        );
        self.seen.insert(action.to_owned());
        answer
    }
}

#[test]
fn every_action_answers_on_its_happy_path() {
    let (ses, _clock) = backend_at(SesOptions::default());
    let mut tour = Tour {
        ses,
        seen: BTreeSet::new(),
    };

    let created = tour.ok(
        "CreateEmailIdentity",
        json!({"EmailIdentity": DOMAIN, "TagList": [{"TagKey": "team", "TagValue": "mail"}]}),
    );
    assert_eq!(created["IdentityType"], "DOMAIN");
    let values: Vec<&str> = created["Attributes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["ExpectedValue"].as_str())
        .collect();
    assert!(
        values.contains(&"v=spf1 include:qcloudmail.com ~all"),
        "{values:?}"
    );
    assert!(values.contains(&"mxbiz1.qq.com."));
    assert!(values.contains(&"v=DMARC1; p=none"));
    assert!(
        values
            .iter()
            .any(|v| v.starts_with("v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ"))
    );
    assert_eq!(
        tour.ok("GetEmailIdentity", json!({"EmailIdentity": DOMAIN}))["TagList"][0]["TagKey"],
        "team"
    );
    let updated = tour.ok(
        "UpdateEmailIdentity",
        json!({"EmailIdentity": DOMAIN, "DKIMOption": 1}),
    );
    assert_eq!(updated["DKIMOption"], 1);
    assert_eq!(updated["VerifiedForSendingStatus"], true);
    let listed = tour.ok(
        "ListEmailIdentities",
        json!({"TagList": [{"TagKey": "team", "TagValue": "mail"}]}),
    );
    assert_eq!(listed["EmailIdentities"][0]["IdentityName"], DOMAIN);
    assert_eq!(listed["EmailIdentities"][0]["SendingEnabled"], true);

    tour.ok(
        "CreateEmailAddress",
        json!({"EmailAddress": FROM, "EmailSenderName": "Example"}),
    );
    assert_eq!(
        tour.ok("ListEmailAddress", json!({}))["EmailSenders"][0]["SmtpPwdType"],
        0
    );
    tour.ok(
        "UpdateEmailSmtpPassWord",
        json!({"EmailAddress": FROM, "Password": "Ab12Cd34ef"}),
    );
    assert_eq!(
        tour.ok("ListEmailAddress", json!({}))["EmailSenders"][0]["SmtpPwdType"],
        1
    );

    let html = b64("<p>Hi {{name}}</p>");
    let id = tour.ok(
        "CreateEmailTemplate",
        json!({"TemplateName": "hi", "TemplateContent": {"Html": html}}),
    )["TemplateID"]
        .as_u64()
        .unwrap_or_default();
    let got = tour.ok("GetEmailTemplate", json!({"TemplateID": id}));
    assert_eq!(
        (
            got["TemplateContent"]["Html"].as_str(),
            got["TemplateStatus"].as_i64()
        ),
        (Some(html.as_str()), Some(0))
    );
    tour.ok("UpdateEmailTemplate", json!({"TemplateID": id, "TemplateName": "hello", "TemplateContent": {"Text": b64("Hello {{name}}")}}));
    let templates = tour.ok("ListEmailTemplates", json!({"Limit": 10, "Offset": 0}));
    assert_eq!(
        (
            templates["TotalCount"].as_u64(),
            templates["TemplatesMetadata"][0]["TemplateName"].as_str()
        ),
        (Some(1), Some("hello"))
    );

    let sent = tour.ok("SendEmail", json!({"FromEmailAddress": FROM, "Destination": ["ann@example.org"], "Subject": "Hi", "Template": {"TemplateID": id, "TemplateData": "{\"name\":\"Ann\"}"}}));
    let message_id = sent["MessageId"].as_str().unwrap_or_default().to_owned();
    let status = tour.ok(
        "GetSendEmailStatus",
        json!({"RequestDate": START_DAY, "Offset": 0, "Limit": 10, "MessageId": message_id}),
    );
    assert_eq!(
        status["EmailStatusList"][0]["ToEmailAddress"],
        "ann@example.org"
    );
    let report = tour.ok(
        "GetStatisticsReport",
        json!({"StartDate": START_DAY, "EndDate": START_DAY}),
    );
    assert_eq!(report["OverallVolume"]["DeliveredCount"], 1);

    let made = tour.ok(
        "CreateCustomBlacklist",
        json!({"Emails": ["block@example.org", "block@example.org", "nope"]}),
    );
    assert_eq!(
        (
            made["ValidCount"].as_u64(),
            made["RepeatCount"].as_u64(),
            made["InvalidCount"].as_u64()
        ),
        (Some(1), Some(1), Some(1))
    );
    let custom = tour.ok(
        "ListCustomBlacklist",
        json!({"Offset": 0, "Limit": 10, "Status": 2}),
    );
    let entry = custom["Data"][0]["Id"].as_u64().unwrap_or_default();
    tour.ok(
        "UpdateCustomBlackList",
        json!({"Id": entry, "Email": "other@example.org", "ExpireDate": "2030-01-01"}),
    );
    tour.ok(
        "DeleteCustomBlackList",
        json!({"Emails": ["other@example.org"]}),
    );

    let bounce = "bounce@ses-simulator.test";
    tour.ok("SendEmail", json!({"FromEmailAddress": FROM, "Destination": [bounce], "Subject": "Hi", "Template": {"TemplateID": id, "TemplateData": "{\"name\":\"B\"}"}}));
    let black = tour.ok(
        "ListBlackEmailAddress",
        json!({"StartDate": START_DAY, "EndDate": START_DAY, "Limit": 10, "Offset": 0}),
    );
    assert_eq!(black["BlackList"][0]["EmailAddress"], bounce);
    tour.ok("DeleteBlackList", json!({"EmailAddressList": [bounce]}));
    tour.ok("SendEmail", json!({"FromEmailAddress": FROM, "Destination": ["complaint@ses-simulator.test"], "Subject": "Hi", "Template": {"TemplateID": id, "TemplateData": "{\"name\":\"C\"}"}}));
    let abuse = tour.ok(
        "GetAbuseReport",
        json!({"StartTime": START_DAY, "EndTime": START_DAY}),
    );
    assert_eq!(
        abuse["Data"][0]["OriginalRcptTo"],
        "complaint@ses-simulator.test"
    );

    let list = tour.ok(
        "CreateReceiver",
        json!({"ReceiversName": "plain", "Desc": "a list"}),
    )["ReceiverId"]
        .as_u64()
        .unwrap_or_default();
    tour.ok(
        "CreateReceiverDetail",
        json!({"ReceiverId": list, "Emails": ["a@example.org", "b@example.org"]}),
    );
    let data_list = tour.ok("CreateReceiver", json!({"ReceiversName": "with data"}))["ReceiverId"]
        .as_u64()
        .unwrap_or_default();
    tour.ok("CreateReceiverDetailWithData", json!({"ReceiverId": data_list, "Datas": [{"Email": "c@example.org", "TemplateData": "{\"name\":\"Cy\"}"}]}));
    assert_eq!(
        tour.ok("ListReceivers", json!({"Offset": 0, "Limit": 10}))["TotalCount"],
        2
    );
    assert_eq!(
        tour.ok(
            "ListReceiverDetails",
            json!({"ReceiverId": list, "Offset": 0, "Limit": 10})
        )["TotalCount"],
        2
    );
    let task = tour.ok("BatchSendEmail", json!({"FromEmailAddress": FROM, "ReceiverId": data_list, "Subject": "Hi {{name}}", "TaskType": 1, "Template": {"TemplateID": id, "TemplateData": "{}"}}));
    let tasks = tour.ok("ListSendTasks", json!({"Offset": 0, "Limit": 10}));
    assert_eq!(tasks["Data"][0]["TaskId"], task["TaskId"]);
    tour.ok("DeleteReceiver", json!({"ReceiverId": list}));

    tour.ok(
        "CreateAddressUnsubscribeConfig",
        json!({"Address": FROM, "UnsubscribeConfig": "2", "Status": 1}),
    );
    tour.ok(
        "UpdateAddressUnsubscribeConfig",
        json!({"Address": FROM, "UnsubscribeConfig": "1", "Status": 0}),
    );
    let configs = tour.ok(
        "ListAddressUnsubscribeConfig",
        json!({"Offset": 0, "Limit": "10"}),
    );
    assert_eq!(
        configs["AddressUnsubscribeConfigList"][0]["UnsubscribeConfig"],
        "1"
    );
    tour.ok("DeleteAddressUnsubscribeConfig", json!({"Address": FROM}));

    tour.ok("DeleteEmailTemplate", json!({"TemplateID": id}));
    tour.ok("DeleteEmailAddress", json!({"EmailAddress": FROM}));
    tour.ok("DeleteEmailIdentity", json!({"EmailIdentity": DOMAIN}));

    let expected: BTreeSet<String> = ACTIONS.iter().map(|a| (*a).to_owned()).collect();
    assert_eq!(tour.seen, expected);
}

#[test]
fn a_send_flows_from_identity_to_status_and_statistics() {
    let (ses, _clock) = backend_at(SesOptions::default());
    let id = ready(&ses);
    let report = b64("quarterly figures");
    let mut body = send_body(id, &["ann@example.org"]);
    body["Cc"] = json!(["bob@example.net"]);
    body["Attachments"] = json!([{"FileName": "report.txt", "Content": report}]);
    let message_id = ok(&ses, "SendEmail", body)["MessageId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();

    let message = ses
        .message(&message_id)
        .expect("the returned MessageId reads back");
    assert_eq!(message.subject, "Code for Ann");
    assert_eq!(
        message.html.as_deref(),
        Some("<p>Hello Ann, your code is <b>4321</b>.</p>")
    );
    assert_eq!(
        message.text.as_deref(),
        Some("Hello Ann, your code is 4321.")
    );
    assert_eq!(
        (message.to.as_slice(), message.cc.as_slice()),
        (
            &["ann@example.org".to_owned()][..],
            &["bob@example.net".to_owned()][..]
        )
    );
    assert_eq!(message.attachments[0].size, 17);
    for needle in [
        "multipart/mixed",
        "multipart/alternative",
        "text/plain",
        "text/html",
        "filename=\"report.txt\"",
        report.as_str(),
        "Subject: Code for Ann",
        "To: ann@example.org",
        "Cc: bob@example.net",
    ] {
        assert!(
            message.eml.contains(needle),
            "{needle} missing from\n{}",
            message.eml
        );
    }

    let statuses = ok(
        &ses,
        "GetSendEmailStatus",
        json!({"RequestDate": START_DAY, "Offset": 0, "Limit": 100}),
    );
    let list = statuses["EmailStatusList"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(list.len(), 2);
    for status in &list {
        assert_eq!(
            (
                status["MessageId"].as_str(),
                status["SendStatus"].as_i64(),
                status["DeliverStatus"].as_i64()
            ),
            (Some(message_id.as_str()), Some(0), Some(1))
        );
        assert_eq!(status["FromEmailAddress"], FROM);
    }
    let only_bob = ok(
        &ses,
        "GetSendEmailStatus",
        json!({"RequestDate": START_DAY, "Offset": 0, "Limit": 100, "ToEmailAddress": "bob@example.net"}),
    );
    assert_eq!(
        only_bob["EmailStatusList"].as_array().map(Vec::len),
        Some(1)
    );
    let next_day = ok(
        &ses,
        "GetSendEmailStatus",
        json!({"RequestDate": "2021-01-06", "Offset": 0, "Limit": 100}),
    );
    assert_eq!(
        next_day["EmailStatusList"].as_array().map(Vec::len),
        Some(0)
    );

    let stats = ok(
        &ses,
        "GetStatisticsReport",
        json!({"StartDate": "2021-01-04", "EndDate": "2021-01-06"}),
    );
    let days: Vec<(String, u64)> = stats["DailyVolumes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|v| {
            (
                v["SendDate"].as_str().unwrap_or_default().to_owned(),
                v["RequestCount"].as_u64().unwrap_or(99),
            )
        })
        .collect();
    assert_eq!(
        days,
        [
            ("2021-01-04".to_owned(), 0),
            (START_DAY.to_owned(), 2),
            ("2021-01-06".to_owned(), 0)
        ]
    );
    assert_eq!(
        (
            stats["OverallVolume"]["AcceptedCount"].as_u64(),
            stats["OverallVolume"]["DeliveredCount"].as_u64()
        ),
        (Some(2), Some(2))
    );
    let gmail_only = ok(
        &ses,
        "GetStatisticsReport",
        json!({"StartDate": START_DAY, "EndDate": START_DAY, "ReceivingMailboxType": "example.net"}),
    );
    assert_eq!(gmail_only["OverallVolume"]["RequestCount"], 1);
}

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
