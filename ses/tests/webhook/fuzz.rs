//! Property tests of the webhook parser: random bytes, random JSON and random event-shaped
//! objects never make it panic, and whatever it accepts encodes back to the same event.

use proptest::prelude::*;
use serde_json::Value;
use tencentcloud_ses::webhook::{self, Event};

/// Field names an event object may carry, so random objects often hit the decoding paths.
const KEYS: [&str; 20] = [
    "event",
    "email",
    "link",
    "bulkId",
    "bulkid",
    "timestamp",
    "reason",
    "bounceType",
    "username",
    "from",
    "fromDomain",
    "templateId",
    "useragent",
    "subject",
    "messageId",
    "eventid",
    "taskId",
    "sentTimestamp",
    "X-Tencentcloudses-Cb-Custom",
    "other",
];
const NAMES: [&str; 11] = [
    "delivered",
    "dropped",
    "bounce",
    "open",
    "click",
    "spamreport",
    "unsubscribe",
    "deferred",
    "processed",
    "",
    "Click",
];

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
            .prop_map(Value::from),
        "[0-9]{0,22}".prop_map(Value::from),
        prop::sample::select(&NAMES[..]).prop_map(Value::from),
        any::<String>().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key(), inner, 0..8)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(&KEYS[..]).prop_map(str::to_owned),
        any::<String>()
    ]
}

/// Objects shaped like events: a likely name, likely fields, values of any type.
fn event_like() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(&NAMES[..]),
        prop::collection::btree_map(key(), any_json(), 0..12),
        prop::option::of(any::<u64>()),
    )
        .prop_map(|(name, fields, timestamp)| {
            let mut object: serde_json::Map<String, Value> = fields.into_iter().collect();
            object.insert("event".to_owned(), Value::from(name));
            object
                .entry("email")
                .or_insert_with(|| Value::from("a@x.test"));
            if let Some(timestamp) = timestamp {
                object.insert("timestamp".to_owned(), Value::from(timestamp));
            }
            Value::Object(object)
        })
}

/// What every successful parse must satisfy: encoding an event and decoding it again gives it back.
fn assert_round_trip(body: &[u8]) {
    if let Ok(events) = webhook::parse(body) {
        for event in events {
            let again = Event::from_value(&event.to_value());
            assert_eq!(again.as_ref(), Ok(&event));
        }
    }
}

proptest! {
    #[test]
    fn random_bytes_never_panic(body in prop::collection::vec(any::<u8>(), 0..512)) {
        let result = webhook::parse(&body);
        if std::str::from_utf8(&body).is_err() {
            prop_assert!(result.is_err(), "invalid UTF-8 cannot be JSON");
        }
        assert_round_trip(&body);
    }

    #[test]
    fn random_json_never_panics(value in any_json()) {
        let body = serde_json::to_vec(&value).unwrap();
        if !matches!(value, Value::Object(_) | Value::Array(_)) {
            prop_assert!(webhook::parse(&body).is_err(), "a scalar is not an event");
        }
        assert_round_trip(&body);
    }

    #[test]
    fn event_like_objects_decode_or_fail_cleanly(value in event_like()) {
        let body = serde_json::to_vec(&value).unwrap();
        match webhook::parse(&body) {
            Ok(events) => prop_assert_eq!(events.len(), 1),
            Err(error) => prop_assert!(!error.to_string().is_empty()),
        }
        assert_round_trip(&body);
    }
}
