//! Batch tasks that must never be lost: a recurring period too long to schedule is refused at
//! `BatchSendEmail`, and the longest one accepted keeps its task listed and sending.

mod ses_support;

use serde_json::{Value, json};
use tencentcloud_emulator::ses::{SesBackend, SesOptions};

use ses_support::{FROM, backend_at, call, ok, ready};

/// The longest period accepted, in hours: one leap year (366 days of 24 hours), worked out
/// here rather than read from the emulator.
const LONGEST_PERIOD_HOURS: u64 = 366 * 24;

/// A recipient list with two addresses; returns its id.
fn two_recipients(ses: &SesBackend) -> Value {
    let list = ok(ses, "CreateReceiver", json!({"ReceiversName": "team"}))["ReceiverId"].clone();
    ok(
        ses,
        "CreateReceiverDetail",
        json!({"ReceiverId": list, "Emails": ["x@example.org", "y@example.org"]}),
    );
    list
}

/// A recurring task starting at 07:00:00 on the test clock's day (the clock reads 06:48:18).
fn recurring(template: u64, list: &Value, interval: u64) -> Value {
    json!({
        "FromEmailAddress": FROM, "ReceiverId": list, "Subject": "Hi", "TaskType": 3,
        "Template": {"TemplateID": template, "TemplateData": "{\"name\":\"all\",\"code\":\"1\"}"},
        "CycleParam": {"BeginTime": "2021-01-05 07:00:00", "IntervalTime": interval},
    })
}

/// How many tasks `ListSendTasks` shows.
fn listed(ses: &SesBackend) -> usize {
    let tasks = ok(ses, "ListSendTasks", json!({"Offset": 0, "Limit": 10}));
    tasks["Data"].as_array().map_or(0, Vec::len)
}

#[test]
fn a_recurring_period_too_long_to_schedule_is_refused() {
    let (ses, clock) = backend_at(SesOptions::default());
    let id = ready(&ses);
    let list = two_recipients(&ses);
    for interval in [u64::MAX, LONGEST_PERIOD_HOURS + 1] {
        let refused = call(&ses, "BatchSendEmail", recurring(id, &list, interval));
        let error = refused.expect_err("an unschedulable period is refused");
        assert_eq!(error.code, "InvalidParameterValue", "{interval}");
        assert!(error.message.contains("IntervalTime"), "{}", error.message);
    }
    assert_eq!(listed(&ses), 0);
    // Past the start time nothing panics and nothing appears from the refused requests.
    clock.advance(3600);
    assert!(ses.messages().is_empty());
    assert_eq!(listed(&ses), 0);
}

#[test]
fn the_longest_period_accepted_keeps_its_task_through_its_rounds() {
    let (ses, clock) = backend_at(SesOptions::default());
    let id = ready(&ses);
    let list = two_recipients(&ses);
    ok(
        &ses,
        "BatchSendEmail",
        recurring(id, &list, LONGEST_PERIOD_HOURS),
    );
    clock.advance(12 * 60); // 07:00:18: the first round
    assert_eq!(ses.messages().len(), 2);
    assert_eq!(listed(&ses), 1);
    clock.advance(LONGEST_PERIOD_HOURS * 3600); // one period later: the second round
    assert_eq!(ses.messages().len(), 4);
    let tasks = ok(&ses, "ListSendTasks", json!({"Offset": 0, "Limit": 10}));
    assert_eq!(tasks["Data"][0]["SendCount"], 4);
    assert_eq!(tasks["Data"][0]["TaskStatus"], 5, "still sending: {tasks}");
}
