//! Tencent's official request/response examples (`fixtures/examples.json`, a copy of
//! `spec/ses/examples.json`) against the typed declarations: every example request decodes
//! and encodes back to the same JSON; every example response that is valid JSON decodes, and
//! so do the three that only lack commas, once repaired (`fixtures/examples_repaired.json`).

mod declared;

use std::collections::BTreeSet;

use declared::{ActionInfo, declared_actions};
use serde::Deserialize;
use serde_json::Value;
use tencentcloud_ses::enums::{DeliverStatus, DnsRecordType, SendStatus, TaskStatus, TaskType};
use tencentcloud_ses::{
    GetEmailTemplateResponse, GetSendEmailStatusResponse, ListSendTasksResponse, SendEmailRequest,
    UpdateEmailIdentityResponse,
};

/// The examples file: per action, a list of examples.
#[derive(Deserialize)]
struct Examples {
    actions: std::collections::BTreeMap<String, Vec<Example>>,
}

/// One example: an HTTP request as text (headers, blank line, JSON body) and a response body.
#[derive(Deserialize)]
struct Example {
    title: String,
    input: String,
    output: String,
}

/// The repaired responses, by action.
#[derive(Deserialize)]
struct Repaired {
    actions: std::collections::BTreeMap<String, RepairedExample>,
}

#[derive(Deserialize)]
struct RepairedExample {
    output: Value,
}

fn examples() -> Examples {
    serde_json::from_str(include_str!("fixtures/examples.json"))
        .unwrap_or_else(|error| panic!("examples.json: {error}"))
}

fn repaired() -> Repaired {
    serde_json::from_str(include_str!("fixtures/examples_repaired.json"))
        .unwrap_or_else(|error| panic!("examples_repaired.json: {error}"))
}

fn action<'a>(actions: &'a [ActionInfo], name: &str) -> &'a ActionInfo {
    actions
        .iter()
        .find(|action| action.name == name)
        .unwrap_or_else(|| panic!("no declared action `{name}`"))
}

/// The JSON body after the blank line that ends the headers, and the `X-TC-Action` header.
fn split_request(input: &str) -> (String, Value) {
    let (head, body) = input
        .split_once("\n\n")
        .unwrap_or_else(|| panic!("no blank line after the headers in {input}"));
    let header = head
        .lines()
        .find_map(|line| line.strip_prefix("X-TC-Action:"))
        .map_or_else(
            || panic!("no X-TC-Action header in {head}"),
            |name| name.trim().to_owned(),
        );
    let body = serde_json::from_str(body).unwrap_or_else(|error| panic!("{error} in {body}"));
    (header, body)
}

/// The object inside `{"Response": {...}}`.
fn inner_response(output: &Value) -> &Value {
    output
        .get("Response")
        .unwrap_or_else(|| panic!("no `Response` in {output}"))
}

#[test]
fn every_example_request_decodes_and_encodes_back_unchanged() {
    let actions = declared_actions();
    let mut seen = BTreeSet::new();
    for (name, examples) in examples().actions {
        for example in examples {
            let (header, body) = split_request(&example.input);
            assert_eq!(header, name, "{name}: {}", example.title);
            let info = action(&actions, &name);
            let encoded = (info.request_probe.round_trip)(&body)
                .unwrap_or_else(|error| panic!("{name} ({}): {error}", example.title));
            assert_eq!(encoded, body, "{name}: {}", example.title);
            seen.insert(name.clone());
        }
    }
    assert_eq!(seen.len(), 36, "every action has at least one example");
}

#[test]
fn every_valid_example_response_decodes_and_encodes_back_unchanged() {
    let actions = declared_actions();
    let mut invalid = BTreeSet::new();
    let mut decoded = 0;
    for (name, examples) in examples().actions {
        for example in examples {
            let Ok(output) = serde_json::from_str::<Value>(&example.output) else {
                invalid.insert(name.clone());
                continue;
            };
            let inner = inner_response(&output);
            let info = action(&actions, &name);
            let encoded = (info.response_probe.round_trip)(inner)
                .unwrap_or_else(|error| panic!("{name} ({}): {error}", example.title));
            assert_eq!(&encoded, inner, "{name}: {}", example.title);
            decoded += 1;
        }
    }
    // The invalid ones are exactly those spec/ses.md §17 names; no example is skipped silently.
    let expected: BTreeSet<String> = ["GetEmailTemplate", "ListEmailAddress", "ListSendTasks"]
        .map(String::from)
        .into();
    assert_eq!(invalid, expected);
    assert_eq!(decoded, 38);
}

#[test]
fn the_repaired_example_responses_decode_too() {
    let actions = declared_actions();
    let repaired = repaired();
    assert_eq!(repaired.actions.len(), 3);
    for (name, example) in &repaired.actions {
        let inner = inner_response(&example.output);
        let info = action(&actions, name);
        let encoded = (info.response_probe.round_trip)(inner)
            .unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(&encoded, inner, "{name}");
    }
}

#[test]
fn example_values_land_in_the_right_typed_fields() {
    let examples = examples();
    let send = &examples.actions["SendEmail"];
    let template_example = send
        .iter()
        .find(|example| example.input.contains("\"Template\""))
        .expect("a SendEmail example with a template");
    let (_, body) = split_request(&template_example.input);
    let request: SendEmailRequest = serde_json::from_value(body).expect("SendEmail request");
    let template = request.template.expect("template");
    assert_eq!(template.template_id, 100_091);
    assert_eq!(template.template_data, r#"{"code":"1234"}"#);
    assert_eq!(
        request.destination,
        Some(vec!["user@example.com".to_owned()])
    );

    let status = &examples.actions["GetSendEmailStatus"][0].output;
    let status: Value = serde_json::from_str(status).expect("valid JSON");
    let status: GetSendEmailStatusResponse =
        serde_json::from_value(inner_response(&status).clone()).expect("status response");
    let first = &status.email_status_list[0];
    assert_eq!(first.send_status, SendStatus::Accepted);
    assert_eq!(first.deliver_status, DeliverStatus::Queued);
    assert_eq!(first.request_time, 1_609_831_698);
    assert_eq!(first.user_complainted, Some(true));
    assert_eq!(first.user_complained, None);

    let identity = &examples.actions["UpdateEmailIdentity"][0].output;
    let identity: Value = serde_json::from_str(identity).expect("valid JSON");
    let identity: UpdateEmailIdentityResponse =
        serde_json::from_value(inner_response(&identity).clone()).expect("identity response");
    assert_eq!(identity.attributes.len(), 2);
    assert_eq!(identity.attributes[0].record_type, DnsRecordType::Txt);
    assert!(!identity.verified_for_sending_status);

    let repaired = repaired();
    let tasks = inner_response(&repaired.actions["ListSendTasks"].output).clone();
    let tasks: ListSendTasksResponse = serde_json::from_value(tasks).expect("tasks response");
    let task = &tasks.data[0];
    assert_eq!(
        (task.task_status, task.task_type),
        (TaskStatus::Pending, TaskType::Immediate)
    );
    assert_eq!(
        task.cycle_param.as_ref().map(|cycle| cycle.interval_time),
        Some(1)
    );
    let template = inner_response(&repaired.actions["GetEmailTemplate"].output).clone();
    let template: GetEmailTemplateResponse = serde_json::from_value(template).expect("template");
    assert_eq!(template.template_name, "Template name");
}
