//! Webhook (event notification) parsing: the documented samples, every event kind, unknown
//! events and fields, hostile input, and property tests that no input makes the parser panic.
//!
//! Expected values are copied from the fixtures and from ses.md §9, never from the parser.

use serde_json::{Value, json};
use tencentcloud_ses::webhook::{self, BounceType, Event, WebhookError};

#[path = "webhook/fuzz.rs"]
mod fuzz;

const BOUNCE: &str = include_str!("fixtures/webhook/bounce.json");
const DELIVERED_2021: &str = include_str!("fixtures/webhook/delivered_2021.json");
const DELIVERED: &str = include_str!("fixtures/webhook/delivered.json");
const DROPPED: &str = include_str!("fixtures/webhook/dropped.json");
const OPEN: &str = include_str!("fixtures/webhook/open.json");
const CLICK: &str = include_str!("fixtures/webhook/click.json");
const SPAMREPORT: &str = include_str!("fixtures/webhook/spamreport.json");
const UNSUBSCRIBE: &str = include_str!("fixtures/webhook/unsubscribe.json");
const DEFERRED: &str = include_str!("fixtures/webhook/deferred.json");

/// Every fixture, with the event name and `eventid` ses.md §9.4 gives for it.
const DOCUMENTED: [(&str, &str, u8); 9] = [
    (DELIVERED, "delivered", 1),
    (DELIVERED_2021, "delivered", 1),
    (DROPPED, "dropped", 2),
    (BOUNCE, "bounce", 3),
    (OPEN, "open", 4),
    (CLICK, "click", 5),
    (SPAMREPORT, "spamreport", 6),
    (UNSUBSCRIBE, "unsubscribe", 7),
    (DEFERRED, "deferred", 8),
];

fn single(body: &str) -> Event {
    let mut events = webhook::parse(body.as_bytes()).expect("the body should parse");
    assert_eq!(events.len(), 1, "one object gives one event");
    events.remove(0)
}

fn error(body: &[u8]) -> WebhookError {
    webhook::parse(body).expect_err("the body should be refused")
}

#[test]
fn official_bounce_sample_decodes_every_field() {
    let Event::Bounce(bounce) = single(BOUNCE) else {
        panic!("expected a bounce")
    };
    assert_eq!(bounce.bounce_type, Some(BounceType::Hard));
    let info = &bounce.info;
    assert_eq!(info.email, "example@example.com");
    assert_eq!(
        info.bulk_id.as_deref(),
        Some("qcloudses-30-251200670-date-20220601142439-8jolHvR2XcXC1")
    );
    assert_eq!(info.timestamp, 1_654_064_683);
    assert_eq!(
        info.reason.as_deref(),
        Some("551 5.1.1 recipient is not exist")
    );
    assert_eq!(info.username.as_deref(), Some("251200670"));
    assert_eq!(info.from.as_deref(), Some("test@fromexample.com"));
    assert_eq!(info.from_domain.as_deref(), Some("fromexample.com"));
    assert_eq!(info.template_id, Some(123_456));
    assert_eq!(info.subject.as_deref(), Some("example subject"));
    assert_eq!(
        info.message_id.as_deref(),
        Some("ea2783c1-7704-48a8-af36-2b9e83e767ec@fromexample.com")
    );
    assert_eq!(info.sent_timestamp, Some(1_761_555_487));
    assert_eq!(info.custom.as_deref(), Some("ses callback"));
    assert_eq!(info.event_id, None, "the official sample has no eventid");
    assert_eq!(info.task_id, None);
    assert!(
        info.extra.is_empty(),
        "every field of the sample is documented: {:?}",
        info.extra
    );
}

#[test]
fn official_2021_delivered_sample_decodes_and_keeps_its_empty_bounce_type() {
    let Event::Delivered(info) = single(DELIVERED_2021) else {
        panic!("expected delivered")
    };
    assert_eq!(info.email, "...");
    assert_eq!(
        info.bulk_id.as_deref(),
        Some("qcloud-ses-4F001945B2D9BXXXXXX")
    );
    assert_eq!(info.timestamp, 1_587_953_211);
    assert_eq!(info.reason.as_deref(), Some("..."));
    assert_eq!(info.extra.get("bounceType"), Some(&json!("")));
}

#[test]
fn every_documented_event_has_its_name_and_code() {
    for (body, name, code) in DOCUMENTED {
        let event = single(body);
        assert_eq!(event.name(), name);
        assert_eq!(event.code(), Some(code), "{name}");
        let fixture: Value = serde_json::from_str(body).unwrap();
        let received = fixture.get("eventid").and_then(Value::as_u64);
        assert_eq!(
            event.info().and_then(|info| info.event_id),
            received,
            "{name}"
        );
        let variant_matches = match name {
            "delivered" => matches!(event, Event::Delivered(_)),
            "dropped" => matches!(event, Event::Dropped(_)),
            "bounce" => matches!(event, Event::Bounce(_)),
            "open" => matches!(event, Event::Open(_)),
            "click" => matches!(event, Event::Click(_)),
            "spamreport" => matches!(event, Event::SpamReport(_)),
            "unsubscribe" => matches!(event, Event::Unsubscribe(_)),
            "deferred" => matches!(event, Event::Deferred(_)),
            _ => false,
        };
        assert!(variant_matches, "{name} decoded as {event:?}");
    }
}

#[test]
fn event_specific_fields_are_read() {
    let Event::Click(click) = single(CLICK) else {
        panic!("expected a click")
    };
    assert_eq!(
        click.link.as_deref(),
        Some("https://fromexample.com/offer?id=7")
    );
    assert_eq!(
        click.user_agent.as_deref(),
        Some("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)")
    );
    let Event::Open(open) = single(OPEN) else {
        panic!("expected an open")
    };
    assert_eq!(
        open.user_agent.as_deref(),
        Some("Mozilla/5.0 (Windows NT 10.0; Win64; x64)")
    );
    let Event::Dropped(dropped) = single(DROPPED) else {
        panic!("expected dropped")
    };
    assert_eq!(
        dropped.reason.as_deref(),
        Some("550 5.7.1 sender domain refused")
    );
    let Event::Unsubscribe(unsubscribe) = single(UNSUBSCRIBE) else {
        panic!("expected unsubscribe")
    };
    assert_eq!(unsubscribe.task_id, Some(4321));
    let Event::Deferred(deferred) = single(DEFERRED) else {
        panic!("expected deferred")
    };
    assert_eq!(deferred.custom.as_deref(), Some("order-1001"));
}

#[test]
fn documented_samples_encode_back_to_the_same_json() {
    for (body, name, _) in DOCUMENTED {
        let fixture: Value = serde_json::from_str(body).unwrap();
        assert_eq!(single(body).to_value(), fixture, "{name}");
    }
}

#[test]
fn serde_traits_agree_with_the_parser() {
    let parsed = single(BOUNCE);
    let via_serde: Event = serde_json::from_str(BOUNCE).unwrap();
    assert_eq!(via_serde, parsed);
    assert_eq!(
        serde_json::to_value(&parsed).unwrap(),
        serde_json::from_str::<Value>(BOUNCE).unwrap()
    );
    let refused = serde_json::from_str::<Event>(r#"{"event":"open"}"#).unwrap_err();
    assert!(refused.to_string().contains("email"), "{refused}");
}

#[test]
fn event_name_is_inferred_from_eventid_when_absent() {
    let event =
        single(r#"{"eventid":5,"email":"a@example.com","timestamp":1,"link":"https://x.test/"}"#);
    let Event::Click(click) = event else {
        panic!("eventid 5 is click")
    };
    assert_eq!(click.link.as_deref(), Some("https://x.test/"));
    assert!(matches!(
        single(r#"{"eventid":"6","email":"a@x.test","timestamp":1}"#),
        Event::SpamReport(_)
    ));
}

#[test]
fn lowercase_bulkid_of_the_field_table_is_accepted() {
    let event =
        single(r#"{"event":"delivered","email":"a@x.test","timestamp":1,"bulkid":"qcloudses-1"}"#);
    assert_eq!(
        event.info().unwrap().bulk_id.as_deref(),
        Some("qcloudses-1")
    );
}

#[test]
fn bounce_types_of_both_revisions_and_unknown_ones_are_read() {
    let body = |kind: &str| {
        format!(r#"{{"event":"bounce","email":"a@x.test","timestamp":1,"bounceType":"{kind}"}}"#)
    };
    let kind = |kind: &str| match single(&body(kind)) {
        Event::Bounce(bounce) => bounce.bounce_type,
        other => panic!("expected a bounce, got {other:?}"),
    };
    assert_eq!(kind("soft_bounce"), Some(BounceType::Soft));
    assert_eq!(kind("soft"), Some(BounceType::Soft));
    assert_eq!(kind("hard"), Some(BounceType::Hard));
    assert_eq!(kind(""), None);
    assert_eq!(
        kind("block_bounce"),
        Some(BounceType::Other("block_bounce".to_owned()))
    );
}

#[test]
fn unknown_events_are_kept_whole() {
    let body = r#"{"event":"processed","email":"a@x.test","timestamp":7,"stage":{"n":[1,2]}}"#;
    let event = single(body);
    let Event::Unknown { event: name, raw } = &event else {
        panic!("expected unknown, got {event:?}")
    };
    assert_eq!(name, "processed");
    assert_eq!(raw, &serde_json::from_str::<Value>(body).unwrap());
    assert_eq!(event.code(), None);
    assert_eq!(event.to_value(), *raw);
    // An unknown event needs none of the fields a known one requires.
    assert!(matches!(
        single(r#"{"event":"reject"}"#),
        Event::Unknown { .. }
    ));
}

#[test]
fn unknown_fields_are_kept_and_written_back() {
    let mut body: Value = serde_json::from_str(OPEN).unwrap();
    body["clientIp"] = json!("203.0.113.9");
    body["geo"] = json!({"country": "SG", "tags": [1, 2.5, null]});
    let event = single(&body.to_string());
    let info = event.info().unwrap();
    assert_eq!(info.extra.get("clientIp"), Some(&json!("203.0.113.9")));
    assert_eq!(
        info.extra.get("geo"),
        Some(&json!({"country": "SG", "tags": [1, 2.5, null]}))
    );
    assert_eq!(event.to_value(), body);
}

#[test]
fn lenient_where_the_payload_is_known_to_vary() {
    let event = single(
        r#"{"event":"delivered","email":"a@x.test","timestamp":"1654064683","username":251200670,
            "templateId":"","taskId":null,"subject":null}"#,
    );
    let info = event.info().unwrap();
    assert_eq!(info.timestamp, 1_654_064_683);
    assert_eq!(info.username.as_deref(), Some("251200670"));
    assert_eq!(
        (info.template_id, info.task_id, info.subject.as_deref()),
        (None, None, None)
    );
}

#[test]
fn an_array_body_gives_every_event_in_order() {
    let events = webhook::parse(format!("[{BOUNCE},{CLICK}]").as_bytes()).unwrap();
    let names: Vec<&str> = events.iter().map(Event::name).collect();
    assert_eq!(names, ["bounce", "click"]);
    assert!(webhook::parse(b"[]").unwrap().is_empty());
    let bad = error(format!("[{BOUNCE}, 3]").as_bytes());
    let WebhookError::InArray { index, error } = &bad else {
        panic!("got {bad:?}")
    };
    assert_eq!(*index, 1);
    assert!(matches!(**error, WebhookError::NotAnObject { .. }));
    assert!(bad.to_string().contains("element 1"), "{bad}");
}

#[test]
fn garbage_is_refused_with_a_clear_error() {
    for body in [
        &b""[..],
        b"   ",
        b"not json",
        b"{\"event\":",
        b"{\"event\":\"open\xff\"}",
        b"\xff\xfe{}",
    ] {
        assert!(
            matches!(error(body), WebhookError::NotJson { .. }),
            "{body:?}"
        );
    }
    for (body, found) in [
        ("42", "number 42"),
        ("null", "null"),
        (r#""open""#, "string \"open\""),
    ] {
        let refused = error(body.as_bytes());
        assert_eq!(
            refused,
            WebhookError::NotAnObject {
                found: found.to_owned()
            }
        );
    }
    assert_eq!(error(b"{}"), WebhookError::MissingEvent);
    assert_eq!(
        error(br#"{"event":null,"eventid":null}"#),
        WebhookError::MissingEvent
    );
}

#[test]
fn an_undocumented_eventid_without_a_name_is_kept_as_unknown() {
    for body in [
        r#"{"eventid":9,"email":"a@x.test","timestamp":1}"#,
        r#"{"eventid":"99","email":"a@x.test","timestamp":1,"stage":[1]}"#,
        r#"{"eventid":0}"#,
    ] {
        let event = single(body);
        let Event::Unknown { event: name, raw } = &event else {
            panic!("{body}: expected unknown, got {event:?}")
        };
        assert_eq!(name, "", "{body}: there was no event name to keep");
        assert_eq!(raw, &serde_json::from_str::<Value>(body).unwrap());
        assert_eq!(event.to_value(), *raw, "{body}: written back unchanged");
    }
    // An eventid that is neither a number nor text is a malformed field, named as such.
    assert!(matches!(
        error(br#"{"eventid":[9],"email":"a@x.test","timestamp":1}"#),
        WebhookError::WrongType {
            field: "eventid",
            ..
        }
    ));
}

#[test]
fn missing_required_fields_are_named() {
    let refused = error(br#"{"event":"open","timestamp":1}"#);
    assert_eq!(
        refused,
        WebhookError::MissingField {
            event: "open".to_owned(),
            field: "email"
        }
    );
    let refused = error(br#"{"event":"bounce","email":"a@x.test","timestamp":null}"#);
    assert_eq!(
        refused,
        WebhookError::MissingField {
            event: "bounce".to_owned(),
            field: "timestamp"
        }
    );
    assert_eq!(
        refused.to_string(),
        "`bounce` event has no `timestamp` field"
    );
    // An empty one is there: it is named as the wrong value it is.
    let refused = error(br#"{"event":"bounce","email":"a@x.test","timestamp":" "}"#);
    assert!(
        matches!(
            &refused,
            WebhookError::WrongType {
                field: "timestamp",
                found,
                ..
            } if found == "string \" \""
        ),
        "{refused:?}"
    );
}

#[test]
fn wrong_types_name_the_field_and_what_was_found() {
    let cases: [(&[u8], &str, &str); 5] = [
        (
            br#"{"event":"open","email":"a@x.test","timestamp":"soon"}"#,
            "timestamp",
            "string \"soon\"",
        ),
        (
            br#"{"event":"open","email":"a@x.test","timestamp":-1}"#,
            "timestamp",
            "number -1",
        ),
        (
            br#"{"event":"open","email":"a@x.test","timestamp":1.5}"#,
            "timestamp",
            "number 1.5",
        ),
        (
            br#"{"event":"open","email":["a@x.test"],"timestamp":1}"#,
            "email",
            "an array",
        ),
        (
            br#"{"event":7,"email":"a@x.test","timestamp":1}"#,
            "event",
            "number 7",
        ),
    ];
    for (body, field, found) in cases {
        match error(body) {
            WebhookError::WrongType {
                field: got_field,
                found: got_found,
                ..
            } => {
                assert_eq!((got_field, got_found.as_str()), (field, found));
            }
            other => panic!("{field}: expected a wrong-type error, got {other:?}"),
        }
    }
    let message = error(br#"{"event":"open","email":"a@x.test","timestamp":"soon"}"#).to_string();
    assert!(message.contains("of the `open` event"), "{message}");
    assert!(
        message.contains("`timestamp`") && message.contains("soon"),
        "{message}"
    );
}

#[test]
fn hostile_numbers_and_nesting_are_refused_without_panicking() {
    // Larger than u64: read as a float by the JSON reader, then refused as a timestamp.
    let huge = error(br#"{"event":"open","email":"a@x.test","timestamp":99999999999999999999999}"#);
    assert!(
        matches!(
            huge,
            WebhookError::WrongType {
                field: "timestamp",
                ..
            }
        ),
        "{huge:?}"
    );
    assert!(matches!(
        error(br#"{"event":"open","email":"a","timestamp":1e400}"#),
        WebhookError::NotJson { .. }
    ));
    let deep = "[".repeat(100_000);
    assert!(matches!(
        error(deep.as_bytes()),
        WebhookError::NotJson { .. }
    ));
    let deep_field = format!(
        r#"{{"event":"open","email":"a","timestamp":1,"x":{}}}"#,
        "[".repeat(10_000)
    );
    assert!(matches!(
        error(deep_field.as_bytes()),
        WebhookError::NotJson { .. }
    ));
    let long_name = format!(
        r#"{{"event":"{}","email":5,"timestamp":{{}}}}"#,
        "x".repeat(100_000)
    );
    assert!(matches!(single(&long_name), Event::Unknown { .. }));
}

#[test]
fn errors_do_not_repeat_huge_values() {
    let body = format!(
        r#"{{"event":"open","email":"a","timestamp":"{}"}}"#,
        "9z".repeat(50_000)
    );
    let message = error(body.as_bytes()).to_string();
    assert!(message.len() < 300, "message of {} bytes", message.len());
}

#[test]
fn an_odd_optional_field_is_kept_aside_and_the_event_still_arrives() {
    let cases = [
        (json!({"templateId": -1}), "templateId"),
        (json!({"taskId": 1.5}), "taskId"),
        (json!({"sentTimestamp": "abc"}), "sentTimestamp"),
        (json!({"reason": {}}), "reason"),
        (json!({"link": {}}), "link"),
        (json!({"bounceType": true}), "bounceType"),
    ];
    for (odd, key) in cases {
        for name in ["delivered", "bounce", "click"] {
            let mut object = json!({"event": name, "email": "a@x.test", "timestamp": 1});
            object
                .as_object_mut()
                .unwrap()
                .extend(odd.as_object().unwrap().clone());
            let event = single(&object.to_string());
            assert_eq!(event.name(), name, "{object}");
            let info = event.info().expect("a known event");
            assert_eq!(info.email, "a@x.test");
            assert_eq!(
                info.extra.get(key),
                odd.get(key),
                "{name}: the odd `{key}` is kept as it came"
            );
            assert_eq!(
                event.to_value().get(key),
                odd.get(key),
                "{name}: and written back"
            );
        }
    }
}

#[test]
fn an_event_id_that_contradicts_the_name_is_kept_aside_and_never_written_wrong() {
    let body = r#"{"event":"bounce","eventid":1,"email":"a@x.test","timestamp":1}"#;
    let event = single(body);
    assert_eq!(event.code(), Some(3));
    let info = event.info().unwrap();
    assert_eq!(info.event_id, None, "`event_id` never contradicts the kind");
    assert_eq!(
        info.extra.get("eventid"),
        Some(&json!(1)),
        "nothing is lost"
    );
    assert_eq!(
        event.to_value()["eventid"],
        json!(1),
        "and it is written back as it came"
    );
    let Event::Bounce(mut bounce) =
        single(r#"{"event":"bounce","email":"a@x.test","timestamp":1}"#)
    else {
        panic!("a bounce")
    };
    bounce.info.event_id = Some(1);
    assert_eq!(
        Event::Bounce(bounce).to_value()["eventid"],
        json!(3),
        "a code set by hand is written as the kind's"
    );
    let without = single(r#"{"event":"bounce","email":"a@x.test","timestamp":1}"#);
    assert_eq!(
        without.to_value().get("eventid"),
        None,
        "an event received without one is written without one"
    );
}
