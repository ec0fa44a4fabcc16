//! Values built from the schema for the tests: a fully populated JSON object for every schema
//! object, and the rule that says which members a Rust type must hold as plain fields.

use serde_json::{Map, Value, json};

use super::{Schema, SchemaField, SchemaObject};

/// Fields whose Rust integer type deliberately differs from the schema's width, with the
/// reason. Everything else must match exactly.
pub(crate) const WIDTH_EXCEPTIONS: &[(&str, &str, &str)] = &[(
    "GetEmailTemplateResponse",
    "TemplateStatus",
    "one signed `TemplateStatus` enum serves this uint64 field and the int64 \
     `TemplatesMetadata.TemplateStatus`",
)];

/// The schema object called `name`; a missing one is a broken fixture.
fn object<'a>(schema: &'a Schema, name: &str) -> &'a SchemaObject {
    schema
        .objects
        .get(name)
        .unwrap_or_else(|| panic!("the schema has no object `{name}`"))
}

pub(crate) fn schema() -> Schema {
    let text = include_str!("../fixtures/api_schema.json");
    serde_json::from_str(text).unwrap_or_else(|error| panic!("api_schema.json: {error}"))
}

/// Whether the Rust field must be a plain (non-`Option`) field. Inputs follow `required`;
/// outputs follow `output_required` (some response members carry `required` instead, and
/// `RequestId` carries neither but is always returned). A value the schema allows to be
/// `null`, or a member it marks disabled (and so may stop sending), must be optional.
pub(crate) fn must_be_present(object_usage: &str, field: &SchemaField) -> bool {
    let listed = match object_usage {
        "in" | "both" | "request" => field.required,
        _ => field.required || field.output_required || field.name == "RequestId",
    };
    listed && !field.nullable && !field.disabled
}

/// Whether an answer carries the field even when it has no value, as `null`: the schema marks it
/// both always present and nullable.
pub(crate) fn always_sent_as_null(object_usage: &str, field: &SchemaField) -> bool {
    !matches!(object_usage, "in" | "both" | "request")
        && field.output_required
        && field.nullable
        && !field.disabled
}

/// A value of the schema's JSON type for one field: strings name their field (so two swapped
/// fields cannot pass), integers sit at the edge of their width (so a narrower or differently
/// signed Rust type cannot pass).
pub(crate) fn sample_value(schema: &Schema, owner: &str, field: &SchemaField) -> Value {
    let scalar = |member: &str| -> Value {
        let exception = WIDTH_EXCEPTIONS
            .iter()
            .any(|(object, name, _)| *object == owner && *name == field.name);
        match member {
            "uint64" if exception => json!(1),
            "uint64" => json!(u64::MAX),
            "int64" => json!(i64::MIN),
            "bool" => json!(true),
            "string" | "date" | "datetime" => json!(format!("s-{}", field.name)),
            other => sample_object(schema, other),
        }
    };
    match field.kind.as_str() {
        "list" => json!([scalar(&field.member)]),
        _ => scalar(&field.member),
    }
}

/// A JSON object with every field of a schema object present.
pub(crate) fn sample_object(schema: &Schema, name: &str) -> Value {
    let object = object(schema, name);
    let fields: Map<String, Value> = object
        .members
        .iter()
        .map(|field| (field.name.clone(), sample_value(schema, name, field)))
        .collect();
    Value::Object(fields)
}

/// A JSON object holding only the members a Rust type must have as plain fields, each with a
/// small value (0, `false`, `""`, an empty list): the least a valid value can carry.
pub(crate) fn minimal_object(schema: &Schema, name: &str) -> Value {
    let object = object(schema, name);
    let fields: Map<String, Value> = object
        .members
        .iter()
        .filter(|field| {
            must_be_present(&object.usage, field) || always_sent_as_null(&object.usage, field)
        })
        .map(|field| {
            if always_sent_as_null(&object.usage, field) {
                return (field.name.clone(), Value::Null);
            }
            let value = match (field.kind.as_str(), field.member.as_str()) {
                ("list", _) => json!([]),
                (_, "uint64" | "int64") => json!(0),
                (_, "bool") => json!(false),
                (_, "string" | "date" | "datetime") => json!(""),
                (_, other) => minimal_object(schema, other),
            };
            (field.name.clone(), value)
        })
        .collect();
    Value::Object(fields)
}
