//! The SES backend through the `Backend` trait: every action on its happy path, and one send
//! followed from identity, sender and template to the stored message, its statuses and the
//! statistics. Longer workflows are in `ses_workflows.rs`, refusals in `ses_rules.rs` and
//! `ses_params.rs`, outputs in `ses_outputs.rs`.

mod ses_support;

use std::collections::BTreeSet;

use serde_json::{Value, json};
use tencentcloud_emulator::ses::{SesBackend, SesOptions};

use ses_support::{DOMAIN, FROM, START_DAY, b64, backend_at, ok, ready, send_body};

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
    // An immediate task has neither schedule; SES still sends both keys, as null.
    for key in ["CycleParam", "TimedParam"] {
        assert_eq!(
            tasks["Data"][0].as_object().and_then(|data| data.get(key)),
            Some(&Value::Null),
            "{key}: {tasks}"
        );
    }
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
