//! From JSON text to a typed request, refusing anything the request type would silently drop,
//! and from a typed response back to JSON.

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde::{Serialize, forward_to_deserialize_any};
use serde_json::{Map, Value};
use tencentcloud_core::{Action, Error, Service};

use super::CallError;

/// Reads `json` as the parameters of `A`.
///
/// Four checks, each ending in an invalid-request error that says what to fix: the text is
/// JSON; it is an object (serde would otherwise read an array positionally into the struct);
/// it decodes into `A` (serde's message, prefixed with the path of the parameter); and every
/// parameter given was understood, since serde ignores names it does not know and a misspelt
/// optional parameter would otherwise vanish without a word.
pub(super) fn decode_request<A: Action>(json: &str) -> Result<A, CallError> {
    let refuse = |message: String| {
        CallError::Call(Error::invalid_request(message).for_call(
            <A::Service as Service>::NAME,
            A::NAME,
            A::IDEMPOTENT,
        ))
    };
    let given: Value = serde_json::from_str(json)
        .map_err(|e| refuse(format!("the parameters are not valid JSON: {e}")))?;
    if !given.is_object() {
        return Err(refuse(format!(
            "the parameters must be a JSON object such as '{{\"Limit\": 10}}', not {}",
            describe(&given)
        )));
    }
    let mut reader = serde_json::Deserializer::from_str(json);
    let request: A = serde_path_to_error::deserialize(&mut reader).map_err(|e| {
        let path = e.path().to_string();
        if path == "." {
            refuse(e.inner().to_string())
        } else {
            refuse(format!("parameter `{path}`: {}", e.inner()))
        }
    })?;
    let understood = serde_json::to_value(&request)
        .map_err(|e| refuse(format!("the request cannot be encoded: {e}")))?;
    let top_level = field_names::<A>();
    if let Some(unknown) = first_unknown(&given, &understood, top_level, "") {
        let hint = unknown
            .suggestion
            .map(|name| format!("; did you mean `{name}`?"))
            .unwrap_or_default();
        return Err(refuse(format!(
            "{} has no parameter `{}`{hint}",
            A::NAME,
            unknown.path
        )));
    }
    Ok(request)
}

/// The response of `A` as JSON, or the call's error.
pub(super) fn encode_response<A: Action>(
    result: Result<A::Response, Error>,
) -> Result<Value, CallError>
where
    A::Response: Serialize,
{
    let response = result?;
    serde_json::to_value(&response).map_err(|e| CallError::Output {
        action: A::NAME,
        detail: e.to_string(),
    })
}

/// A parameter that was given but not understood.
#[derive(Debug, PartialEq, Eq)]
struct Unknown {
    /// Where it is, e.g. `Template.TemplateDat`.
    path: String,
    /// A known name it probably meant.
    suggestion: Option<String>,
}

/// The first key of `given` that `understood` (the decoded request, encoded again) lacks.
/// `known` lists every name valid at this level, beyond those present in `understood`; keys
/// holding `null` are skipped, as they decode into an absent optional parameter.
fn first_unknown(given: &Value, understood: &Value, known: &[&str], path: &str) -> Option<Unknown> {
    match (given, understood) {
        (Value::Object(given), Value::Object(understood)) => {
            for (key, value) in given {
                let here = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                match understood.get(key) {
                    Some(inner) => {
                        if let Some(unknown) = first_unknown(value, inner, &[], &here) {
                            return Some(unknown);
                        }
                    }
                    None if value.is_null() || known.contains(&key.as_str()) => {}
                    None => {
                        return Some(Unknown {
                            path: here,
                            suggestion: closest(key, understood, known),
                        });
                    }
                }
            }
            None
        }
        (Value::Array(given), Value::Array(understood)) => given
            .iter()
            .zip(understood)
            .enumerate()
            .find_map(|(index, (g, u))| first_unknown(g, u, &[], &format!("{path}[{index}]"))),
        _ => None,
    }
}

/// The known name nearest to `key`: same letters in another case, or at most two edits away.
fn closest(key: &str, understood: &Map<String, Value>, known: &[&str]) -> Option<String> {
    let candidates = understood
        .keys()
        .map(String::as_str)
        .chain(known.iter().copied());
    candidates
        .map(|candidate| {
            let distance = if candidate.eq_ignore_ascii_case(key) {
                0
            } else {
                edit_distance(&key.to_ascii_lowercase(), &candidate.to_ascii_lowercase())
            };
            (distance, candidate)
        })
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate.to_owned())
}

/// Levenshtein distance between two short names, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            let delete = previous[j + 1] + 1;
            let insert = current[j] + 1;
            current.push(substitute.min(delete).min(insert));
        }
        previous = current;
    }
    previous.last().copied().unwrap_or_default()
}

/// What a JSON value is, for messages.
fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The wire names of `T`'s fields, as serde's derive lists them. A deserializer that only
/// records the list and then gives up asks for them; a type that is not a struct gives none.
fn field_names<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut recorder = FieldRecorder::default();
    // The error is expected: the recorder never produces a value.
    let _ = T::deserialize(&mut recorder);
    recorder.fields
}

/// A deserializer that notes the field list of the struct asked for and produces nothing.
#[derive(Default)]
struct FieldRecorder {
    fields: &'static [&'static str],
}

/// The recorder's one error: there is never a value.
#[derive(Debug)]
struct Recorded;

impl std::fmt::Display for Recorded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("field names recorded")
    }
}

impl std::error::Error for Recorded {}

impl de::Error for Recorded {
    fn custom<M: std::fmt::Display>(_message: M) -> Self {
        Recorded
    }
}

impl<'de> Deserializer<'de> for &mut FieldRecorder {
    type Error = Recorded;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Recorded> {
        Err(Recorded)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Recorded> {
        self.fields = fields;
        Err(Recorded)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_changes() {
        assert_eq!(edit_distance("subject", "subject"), 0);
        assert_eq!(edit_distance("subjct", "subject"), 1);
        assert_eq!(edit_distance("sbujcet", "subject"), 4);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn nested_unknown_keys_are_found_with_their_path() {
        let given: Value = serde_json::json!({"A": [{"B": 1, "C": 2}]});
        let understood: Value = serde_json::json!({"A": [{"B": 1}]});
        let unknown = first_unknown(&given, &understood, &[], "");
        assert_eq!(
            unknown,
            Some(Unknown {
                path: "A[0].C".to_owned(),
                suggestion: Some("B".to_owned())
            })
        );
    }
}
