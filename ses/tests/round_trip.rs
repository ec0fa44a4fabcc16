//! Every type survives encode → decode unchanged, fully populated and minimal; every enum
//! encodes to the wire values of `spec/ses.md` §6/§8 and keeps values it does not know.

mod declared;

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use declared::declared_types;
use declared::samples::{minimal_object, sample_object, schema};
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use tencentcloud_ses::enums::{
    AdLocation, CustomBlocklistFilter, CustomBlocklistStatus, CycleTermination, DeliverStatus,
    DkimOption, DnsRecordType, IdentityType, ReceiverAddressStatus, ReceiverListStatus, SendStatus,
    SmtpPasswordState, SwitchStatus, TaskStatus, TaskType, TemplateStatus, TriggerType,
    UnsubscribeLanguage,
};
use tencentcloud_ses::{
    ListSendTasksRequest, SendEmailRequest, SmtpPassword, Template, UpdateEmailSmtpPassWordRequest,
};

#[test]
fn every_type_round_trips_fully_populated_and_minimal() {
    let schema = schema();
    for probe in declared_types() {
        for sample in [
            sample_object(&schema, probe.name),
            minimal_object(&schema, probe.name),
        ] {
            (probe.typed_round_trip)(&sample)
                .unwrap_or_else(|error| panic!("{}: {error} for {sample}", probe.name));
        }
    }
}

#[test]
fn minimal_values_encode_only_their_required_fields() {
    // An optional field left out must stay out (not `null`), or the server would see it.
    let schema = schema();
    for probe in declared_types() {
        let minimal = minimal_object(&schema, probe.name);
        let encoded =
            (probe.round_trip)(&minimal).unwrap_or_else(|error| panic!("{}: {error}", probe.name));
        assert_eq!(encoded, minimal, "{}", probe.name);
    }
}

/// Encodes `value`, checks the JSON, decodes it and checks it is the same value again.
fn assert_wire<T>(value: &T, wire: &Value)
where
    T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    assert_eq!(
        &serde_json::to_value(value).expect("encodes"),
        wire,
        "{value:?}"
    );
    let back: T = serde_json::from_value(wire.clone()).expect("decodes");
    assert_eq!(&back, value);
}

#[test]
fn integer_enums_encode_to_their_documented_numbers() {
    assert_wire(&TriggerType::NonTriggered, &json!(0));
    assert_wire(&TriggerType::Triggered, &json!(1));
    assert_wire(&TaskType::Immediate, &json!(1));
    assert_wire(&TaskType::Scheduled, &json!(2));
    assert_wire(&TaskType::Recurring, &json!(3));
    for (status, wire) in [
        (TaskStatus::Pending, 1),
        (TaskStatus::Sending, 5),
        (TaskStatus::PausedForToday, 6),
        (TaskStatus::Failed, 7),
        (TaskStatus::Finished, 10),
    ] {
        assert_wire(&status, &json!(wire));
    }
    assert_wire(&CycleTermination::End, &json!(1));
    assert_wire(&AdLocation::AfterSubject, &json!(2));
    assert_wire(&DkimOption::Rsa1024, &json!(0));
    assert_wire(&DkimOption::Dual, &json!(2));
    assert_wire(&SmtpPasswordState::Set, &json!(1));
    assert_wire(&TemplateStatus::Rejected, &json!(2));
    assert_wire(&ReceiverListStatus::Uploaded, &json!(3));
    assert_wire(&ReceiverAddressStatus::Invalid, &json!(2));
    assert_wire(&CustomBlocklistStatus::Expired, &json!(0));
    assert_wire(&CustomBlocklistFilter::All, &json!(2));
    assert_wire(&SwitchStatus::On, &json!(1));
    assert_wire(&DeliverStatus::Deferred, &json!(8));
    assert_wire(&DeliverStatus::Rejected, &json!(3));
}

#[test]
fn send_status_knows_every_documented_code() {
    let documented = [
        0, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1013, 2001, 3007,
        3008, 3009, 3010, 3014, 3020, 3024, 3030, 3033,
    ];
    let known: Vec<i64> = SendStatus::KNOWN
        .iter()
        .map(|status| status.value())
        .collect();
    assert_eq!(known, documented);
    assert_wire(&SendStatus::FrequencyLimited, &json!(1006));
    assert_wire(&SendStatus::InsufficientBalance, &json!(3033));
}

#[test]
fn text_enums_encode_to_their_documented_strings() {
    let languages: Vec<&str> = UnsubscribeLanguage::KNOWN
        .iter()
        .map(UnsubscribeLanguage::as_str)
        .collect();
    let documented = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
    ];
    assert_eq!(languages, documented);
    assert_wire(&UnsubscribeLanguage::NoLink, &json!("0"));
    assert_wire(&UnsubscribeLanguage::SimplifiedChinese, &json!("1"));
    assert_wire(&UnsubscribeLanguage::English, &json!("2"));
    assert_wire(&UnsubscribeLanguage::Vietnamese, &json!("12"));
    assert_wire(&IdentityType::Domain, &json!("DOMAIN"));
    for (record, wire) in [
        (DnsRecordType::Cname, "CNAME"),
        (DnsRecordType::A, "A"),
        (DnsRecordType::Txt, "TXT"),
        (DnsRecordType::Mx, "MX"),
    ] {
        assert_wire(&record, &json!(wire));
    }
}

fn hash_of<T: Hash>(value: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

#[test]
fn unknown_values_are_kept_and_compare_by_wire_value() {
    assert_wire(&TaskStatus::Other(42), &json!(42));
    assert!(!TaskStatus::Other(42).is_known());
    assert_wire(&SendStatus::Other(-1), &json!(-1));
    assert_wire(&UnsubscribeLanguage::Other("13".into()), &json!("13"));
    assert_wire(&DnsRecordType::Other("AAAA".into()), &json!("AAAA"));

    // A known value spelled as `Other` is the same value.
    assert_eq!(TaskType::Other(1), TaskType::Immediate);
    assert_eq!(hash_of(&TaskType::Other(1)), hash_of(&TaskType::Immediate));
    assert!(TaskType::Other(1).is_known());
    assert_eq!(
        UnsubscribeLanguage::Other("2".into()),
        UnsubscribeLanguage::English
    );
    assert_eq!(TaskType::from(3), TaskType::Recurring);
    assert_eq!(u64::from(TaskType::Recurring), 3);
    assert_eq!(
        UnsubscribeLanguage::from("7"),
        UnsubscribeLanguage::Japanese
    );
    assert_eq!(TaskStatus::Finished.to_string(), "10");
    assert_eq!(IdentityType::Domain.to_string(), "DOMAIN");
}

#[test]
fn enum_values_of_the_wrong_json_type_or_range_are_refused_with_the_enum_named() {
    let error = serde_json::from_value::<TaskType>(json!("1")).expect_err("a string");
    assert!(error.to_string().contains("TaskType"), "{error}");
    let error = serde_json::from_value::<TaskType>(json!(-1)).expect_err("negative");
    assert!(error.to_string().contains("TaskType"), "{error}");
    let error = serde_json::from_value::<SendStatus>(json!(u64::MAX)).expect_err("too large");
    assert!(error.to_string().contains("SendStatus"), "{error}");
    let error = serde_json::from_value::<UnsubscribeLanguage>(json!(1)).expect_err("a number");
    assert!(error.to_string().contains("UnsubscribeLanguage"), "{error}");
    assert!(serde_json::from_value::<DkimOption>(json!(1.5)).is_err());
    assert!(serde_json::from_value::<DkimOption>(json!(null)).is_err());
}

proptest! {
    #[test]
    fn any_unsigned_value_survives(value in any::<u64>()) {
        let status = TaskStatus::from_value(value);
        prop_assert_eq!(status.value(), value);
        let back: TaskStatus = serde_json::from_value(json!(value)).expect("decodes");
        prop_assert_eq!(serde_json::to_value(back).expect("encodes"), json!(value));
    }

    #[test]
    fn any_signed_value_survives(value in any::<i64>()) {
        let back: DeliverStatus = serde_json::from_value(json!(value)).expect("decodes");
        prop_assert_eq!(back.value(), value);
        prop_assert_eq!(serde_json::to_value(back).expect("encodes"), json!(value));
    }

    #[test]
    fn any_text_value_survives(text in any::<String>()) {
        let back: UnsubscribeLanguage = serde_json::from_value(json!(text)).expect("decodes");
        prop_assert_eq!(back.as_str(), text.as_str());
        prop_assert_eq!(serde_json::to_value(&back).expect("encodes"), json!(text));
    }
}

#[test]
fn builders_set_what_they_are_given_and_nothing_else() {
    let request = SendEmailRequest::builder()
        .from_email_address("noreply@mail.example.com")
        .subject("Hello")
        .reply_to_addresses("replies@example.com")
        .cc(vec!["cc@example.com".to_owned()])
        .template(Template {
            template_id: 7,
            template_data: "{}".into(),
        })
        .unsubscribe(UnsubscribeLanguage::English)
        .build();
    assert_eq!(
        serde_json::to_value(&request).expect("encodes"),
        json!({
            "FromEmailAddress": "noreply@mail.example.com",
            "Subject": "Hello",
            "ReplyToAddresses": "replies@example.com",
            "Cc": ["cc@example.com"],
            "Template": {"TemplateID": 7, "TemplateData": "{}"},
            "Unsubscribe": "2",
        })
    );
    let page = ListSendTasksRequest::builder()
        .offset(0)
        .limit(10)
        .status(TaskStatus::Failed)
        .build();
    assert_eq!(
        serde_json::to_value(&page).expect("encodes"),
        json!({"Offset": 0, "Limit": 10, "Status": 7})
    );
    let everything = tencentcloud_ses::ListEmailIdentitiesRequest::default();
    assert_eq!(
        serde_json::to_value(&everything).expect("encodes"),
        json!({})
    );
}

#[test]
fn smtp_passwords_travel_in_clear_but_never_show_in_debug() {
    let request = UpdateEmailSmtpPassWordRequest {
        password: SmtpPassword::new("Secret12345xY"),
        email_address: "sender@mail.example.com".into(),
    };
    assert!(!format!("{request:?}").contains("Secret12345xY"));
    assert!(format!("{request:?}").contains("sender@mail.example.com"));
    assert_eq!(
        serde_json::to_value(&request).expect("encodes"),
        json!({"Password": "Secret12345xY", "EmailAddress": "sender@mail.example.com"})
    );
    assert_eq!(request.password.expose(), "Secret12345xY");
}

/// Flattened form parameters carry integers as text; integer enums must read them.
#[test]
fn integer_enums_decode_from_flattened_text_parameters() {
    use tencentcloud_core::encode::{flatten, from_pairs};
    let request = ListSendTasksRequest {
        offset: 0,
        limit: 10,
        status: None,
        receiver_id: Some(7),
        task_type: Some(TaskType::Immediate),
    };
    let pairs = flatten(&request).unwrap();
    let read: ListSendTasksRequest = from_pairs(&pairs).unwrap();
    assert_eq!(read, request);
    let err = serde_json::from_str::<TaskType>("\"1\"").unwrap_err();
    assert!(err.to_string().contains("TaskType"), "{err}");
}
