//! The declared parameters of every SES action, and the check of a call against them.
//!
//! `schema.json` beside this file is a compact copy of the input side of Tencent's own schema
//! (`spec/ses/api.json`): for each action and each data type its members, with a type written
//! `string`, `uint64`, `int64`, `bool`, a data type's name, `[T]` for a list, and a trailing `!`
//! when the member is required. Checking against it gives the platform's answers before any
//! action runs: `InvalidAction`, `UnknownParameter`, `MissingParameter` and `InvalidParameter`,
//! each naming the parameter by its full dotted path (`Attachments.0.FileName`).
//!
//! The check also produces the parameters as typed JSON: flattened `Name.0.Field=value` pairs
//! carry only text, and the schema says which text is a number or a boolean, so every action
//! decodes from JSON whichever way the call arrived.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::backend::{ApiError, Params};
use crate::redact::shown;

/// The schema, read once from the data file compiled into the binary.
static SCHEMA: LazyLock<Result<Schema, String>> = LazyLock::new(|| {
    serde_json::from_str(include_str!("schema.json"))
        .map_err(|error| format!("the bundled SES schema is unreadable: {error}"))
});

/// Members of one action or data type: wire name to type text.
type Members = BTreeMap<String, String>;

/// The parsed data file.
#[derive(Debug, Deserialize)]
struct Schema {
    /// The API version the file describes.
    version: String,
    /// Every action's parameters.
    actions: BTreeMap<String, Members>,
    /// Every data type reachable from the parameters.
    types: BTreeMap<String, Members>,
}

/// A member's type, read from its text.
#[derive(Debug, Clone, Copy)]
enum Kind<'a> {
    Text,
    Unsigned,
    Signed,
    Bool,
    Object(&'a str),
    List(&'a str),
}

impl<'a> Kind<'a> {
    /// Splits `[T]!` into the kind and whether it is required.
    fn parse(text: &'a str) -> (Kind<'a>, bool) {
        let (text, required) = match text.strip_suffix('!') {
            Some(base) => (base, true),
            None => (text, false),
        };
        let kind = match text {
            "string" => Kind::Text,
            "uint64" => Kind::Unsigned,
            "int64" => Kind::Signed,
            "bool" => Kind::Bool,
            other => match other.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
                Some(element) => Kind::List(element),
                None => Kind::Object(other),
            },
        };
        (kind, required)
    }

    /// The kind of a list's elements.
    fn element(element: &'a str) -> Kind<'a> {
        Kind::parse(element).0
    }

    /// How the expected type is named in messages.
    fn describe(self) -> String {
        match self {
            Kind::Text => "a string".to_owned(),
            Kind::Unsigned => "a non-negative integer".to_owned(),
            Kind::Signed => "an integer".to_owned(),
            Kind::Bool => "a boolean".to_owned(),
            Kind::Object(name) => format!("an object ({name})"),
            Kind::List(_) => "a list".to_owned(),
        }
    }

    /// The values an integer kind holds, for messages about numbers outside them.
    fn range(self) -> Option<&'static str> {
        match self {
            Kind::Unsigned => Some("0 to 18446744073709551615"),
            Kind::Signed => Some("-9223372036854775808 to 9223372036854775807"),
            _ => None,
        }
    }
}

/// Whether the call arrived as JSON or as flattened text pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Json,
    Flat,
}

/// The names of every action the schema declares.
#[cfg(test)]
pub(super) fn action_names() -> Vec<String> {
    match &*SCHEMA {
        Ok(schema) => schema.actions.keys().cloned().collect(),
        Err(_) => Vec::new(),
    }
}

/// The API version the schema describes (`2020-10-02`), if the data file is readable.
#[cfg(test)]
pub(super) fn version() -> Option<&'static str> {
    SCHEMA.as_ref().ok().map(|schema| schema.version.as_str())
}

/// Whether `action` is an action of the schema (as spelt on the wire: `SendEmail`).
pub(super) fn declares(action: &str) -> bool {
    SCHEMA
        .as_ref()
        .is_ok_and(|schema| schema.actions.contains_key(action))
}

/// Checks `params` against the declared parameters of `action` and returns them as typed
/// JSON, ready to decode into the action's request type.
///
/// # Errors
/// `InvalidAction` for an action the schema does not declare; `UnknownParameter`,
/// `MissingParameter` or `InvalidParameter` naming the first offending parameter.
pub(super) fn check(action: &str, params: &Params) -> Result<Value, ApiError> {
    let schema = SCHEMA
        .as_ref()
        .map_err(|error| ApiError::new("InternalError", error.clone()))?;
    let members = schema.actions.get(action).ok_or_else(|| {
        ApiError::new(
            "InvalidAction",
            format!(
                "the action `{}` does not exist in SES version {}",
                shown(action),
                schema.version
            ),
        )
    })?;
    let (root, source) = match params {
        Params::Json(value) => (value.clone(), Source::Json),
        Params::Flat(pairs) => {
            let value = tencentcloud_core::encode::try_to_json_value(pairs)
                .map_err(|error| ApiError::new("InvalidParameter", error.to_string()))?;
            (value, Source::Flat)
        }
    };
    let Value::Object(object) = root else {
        return Err(ApiError::new(
            "InvalidParameter",
            "the parameters must form a JSON object",
        ));
    };
    let checker = Checker { schema, source };
    checker.object(members, object, "").map(Value::Object)
}

/// Walks a parameter tree against the schema.
struct Checker<'s> {
    schema: &'s Schema,
    source: Source,
}

/// The full name of `member` inside `parent` (`Template` + `TemplateID`).
fn path(parent: &str, member: &str) -> String {
    if parent.is_empty() {
        member.to_owned()
    } else {
        format!("{parent}.{member}")
    }
}

impl Checker<'_> {
    /// Checks one object: undeclared members first, then missing required ones, then the type
    /// of each present member, in name order so the answer does not depend on the input order.
    fn object(
        &self,
        members: &Members,
        mut object: Map<String, Value>,
        at: &str,
    ) -> Result<Map<String, Value>, ApiError> {
        // A JSON `null` is how a client says "not given".
        object.retain(|_, value| !value.is_null());
        let mut names: Vec<&String> = object.keys().collect();
        names.sort();
        if let Some(unknown) = names
            .iter()
            .find(|name| !members.contains_key(name.as_str()))
        {
            return Err(ApiError::new(
                "UnknownParameter",
                format!(
                    "the parameter `{}` is not declared by this action",
                    shown(&path(at, unknown))
                ),
            ));
        }
        for (name, kind) in members {
            if Kind::parse(kind).1 && !object.contains_key(name) {
                return Err(ApiError::new(
                    "MissingParameter",
                    format!("the required parameter `{}` is missing", path(at, name)),
                ));
            }
        }
        let mut out = Map::new();
        for (name, value) in object {
            let kind = members
                .get(&name)
                .map_or(Kind::Text, |text| Kind::parse(text).0);
            let checked = self.value(kind, value, &path(at, &name))?;
            out.insert(name, checked);
        }
        Ok(out)
    }

    /// Checks one value against its declared kind, converting flattened text as it goes.
    fn value(&self, kind: Kind<'_>, value: Value, at: &str) -> Result<Value, ApiError> {
        let wrong = |found: &Value| {
            let found = match kind.range() {
                Some(range) if whole_number(found, self.source) => {
                    format!("a whole number outside {range}")
                }
                _ => describe_value(found),
            };
            ApiError::new(
                "InvalidParameter",
                format!(
                    "the parameter `{at}` must be {}, found {found}",
                    kind.describe()
                ),
            )
        };
        match (kind, value) {
            (Kind::Text, value @ Value::String(_)) | (Kind::Bool, value @ Value::Bool(_)) => {
                Ok(value)
            }
            (Kind::Unsigned, Value::String(text)) if self.source == Source::Flat => text
                .parse::<u64>()
                .map(Value::from)
                .map_err(|_| wrong(&Value::String(text))),
            (Kind::Signed, Value::String(text)) if self.source == Source::Flat => text
                .parse::<i64>()
                .map(Value::from)
                .map_err(|_| wrong(&Value::String(text))),
            (Kind::Bool, Value::String(text)) if self.source == Source::Flat => {
                match text.as_str() {
                    "true" | "True" => Ok(Value::Bool(true)),
                    "false" | "False" => Ok(Value::Bool(false)),
                    _ => Err(wrong(&Value::String(text))),
                }
            }
            (Kind::Unsigned, value) if value.is_u64() => Ok(value),
            (Kind::Signed, value) if value.is_i64() => Ok(value),
            (Kind::List(element), Value::Array(items)) => items
                .into_iter()
                .enumerate()
                .map(|(index, item)| {
                    self.value(Kind::element(element), item, &format!("{at}.{index}"))
                })
                .collect::<Result<Vec<_>, _>>()
                .map(Value::Array),
            (Kind::Object(name), Value::Object(object)) => {
                let members = self.schema.types.get(name).ok_or_else(|| {
                    ApiError::new("InternalError", format!("the schema lacks the type {name}"))
                })?;
                self.object(members, object, at).map(Value::Object)
            }
            (_, value) => Err(wrong(&value)),
        }
    }
}

/// Whether a value is a whole number (a JSON number, or digits in a flattened request). Called for values that
/// did not fit their integer kind, it tells a number out of range from one of the wrong sort:
/// JSON reads an integer past 64 bits as a float (`1.8446744073709552e19`) and a form as text,
/// and neither description says what went wrong.
fn whole_number(value: &Value, source: Source) -> bool {
    match value {
        Value::Number(number) => {
            number.is_i64()
                || number.is_u64()
                || number
                    .as_f64()
                    .is_some_and(|f| f.is_finite() && f.fract() == 0.0 && f.abs() >= 9.2e18)
        }
        // In JSON a string is the wrong sort of value, whatever it holds.
        Value::String(text) if source == Source::Flat => {
            let digits = text.strip_prefix('-').unwrap_or(text);
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

/// A short description of what a value is, for messages; never the whole value.
fn describe_value(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(flag) => format!("the boolean {flag}"),
        Value::Number(number) => format!("the number {number}"),
        Value::String(text) if text.chars().count() <= 40 => format!("the string {text:?}"),
        Value::String(_) => "a long string".to_owned(),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}
