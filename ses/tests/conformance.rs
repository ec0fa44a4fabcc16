//! Holds every declared action and type to Tencent's schema (a stripped copy of
//! `spec/ses/api.json` in `fixtures/api_schema.json`): same actions, same wire names, same
//! JSON types and integer widths, required exactly where the schema says, nothing extra.
//!
//! Nothing here trusts the declarations: field names come from serde itself (the list a
//! derived `Deserialize` hands to `deserialize_struct`), types from decoding and re-encoding a
//! value built from the schema, and requiredness from decoding that value with one field left
//! out.

mod declared;

use std::collections::{BTreeMap, BTreeSet};

use declared::samples::{must_be_present, sample_object, schema};
use declared::{Probe, declared_actions, declared_types};
use serde_json::Value;

#[test]
fn every_schema_action_is_declared_with_its_request_and_response() {
    let schema = schema();
    let declared = declared_actions();
    let declared_names: BTreeSet<&str> = declared.iter().map(|action| action.name).collect();
    assert_eq!(
        declared.len(),
        declared_names.len(),
        "an action is declared twice"
    );
    let schema_names: BTreeSet<&str> = schema.actions.keys().map(String::as_str).collect();
    assert_eq!(declared_names, schema_names);
    assert_eq!(declared.len(), 36);
    for action in &declared {
        let wanted = &schema.actions[action.name];
        assert_eq!(
            action.request, wanted.input,
            "request type of {}",
            action.name
        );
        assert_eq!(
            action.response, wanted.output,
            "response type of {}",
            action.name
        );
        assert_eq!(
            action.service,
            ("ses", "2020-10-02"),
            "service of {}",
            action.name
        );
    }
    assert_eq!(
        (schema.service.as_str(), schema.version.as_str()),
        ("ses", "2020-10-02")
    );
}

#[test]
fn every_schema_object_has_a_type_and_no_type_is_extra() {
    let schema = schema();
    let declared: BTreeSet<&str> = declared_types().iter().map(|probe| probe.name).collect();
    let wanted: BTreeSet<&str> = schema.objects.keys().map(String::as_str).collect();
    assert_eq!(declared, wanted);
}

#[test]
fn wire_names_are_exactly_the_schema_members() {
    let schema = schema();
    for probe in declared_types() {
        let declared: BTreeSet<&str> = (probe.fields)().into_iter().collect();
        let wanted: BTreeSet<&str> = schema.objects[probe.name]
            .members
            .iter()
            .map(|field| field.name.as_str())
            .collect();
        assert_eq!(declared, wanted, "fields of {}", probe.name);
    }
}

#[test]
fn a_fully_populated_value_of_every_type_decodes_and_encodes_unchanged() {
    let schema = schema();
    for probe in declared_types() {
        let sample = sample_object(&schema, probe.name);
        let encoded = (probe.round_trip)(&sample)
            .unwrap_or_else(|error| panic!("{} rejects {sample}: {error}", probe.name));
        assert_eq!(encoded, sample, "{} changed the value", probe.name);
    }
}

#[test]
fn required_fields_are_plain_and_optional_fields_are_options() {
    let schema = schema();
    let mut wrong = BTreeMap::new();
    for probe in declared_types() {
        let object = &schema.objects[probe.name];
        let full = sample_object(&schema, probe.name);
        for field in &object.members {
            let mut without = full.clone();
            if let Value::Object(map) = &mut without {
                map.remove(&field.name);
            }
            // Required: decoding fails without it, or (a `Vec` that reads a missing field as
            // empty) it comes back with a value when re-encoded. Optional: decodes and stays
            // absent, or comes back as `null` where answers always carry the key (checked
            // exactly by `minimal_values_encode_only_their_required_fields`).
            let required = match (probe.round_trip)(&without) {
                Err(_) => true,
                Ok(Value::Object(encoded)) => encoded
                    .get(&field.name)
                    .is_some_and(|value| !value.is_null()),
                Ok(other) => panic!("{} encoded to a non-object {other}", probe.name),
            };
            if required != must_be_present(&object.usage, field) {
                wrong.insert(format!("{}.{}", probe.name, field.name), required);
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "requiredness differs from the schema (true = declared required): {wrong:#?}"
    );
}

#[test]
fn the_checks_of_this_file_can_fail() {
    // A probe over a struct with a misnamed, a mistyped and an extra field must be caught by
    // each of the checks above; otherwise they would pass vacuously.
    let schema = schema();
    let sample = sample_object(&schema, "TimedEmailParam");
    let wrong_name: Probe = declared::probe::<declared::fakes::WrongName>("TimedEmailParam");
    assert_ne!((wrong_name.fields)(), vec!["BeginTime"]);
    assert!((wrong_name.round_trip)(&sample).is_err());
    let narrow: Probe = declared::probe::<declared::fakes::NarrowInteger>("CycleEmailParam");
    let cycle = sample_object(&schema, "CycleEmailParam");
    assert!((narrow.round_trip)(&cycle).is_err());
    let extra: Probe = declared::probe::<declared::fakes::ExtraOptional>("TimedEmailParam");
    assert_eq!((extra.fields)(), vec!["BeginTime", "Extra"]);
}
