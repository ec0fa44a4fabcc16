//! `{{variable}}` templates: finding the variables a text uses, and filling them in from the
//! template data.
//!
//! ses.md §13 documents plain substitution only: each `{{name}}` is replaced by the value of
//! `name` in the JSON object sent as `TemplateData`; no escaping or filters. Spaces inside the
//! braces are ignored (`{{ name }}`), and a `{{` without a closing `}}` stays as written.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

/// One piece of a template: literal text or a variable reference.
enum Piece<'a> {
    Text(&'a str),
    Variable(&'a str),
}

/// Splits `template` into literal text and variable references.
fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        let after = rest.get(open + 2..).unwrap_or_default();
        let Some(close) = after.find("}}") else {
            break;
        };
        let name = after.get(..close).unwrap_or_default().trim();
        // Braces inside a name mean this was not a placeholder (e.g. `{{{x}}`): keep the
        // first brace as text and look again just after it.
        if name.is_empty() || name.contains(['{', '}']) {
            out.push(Piece::Text(rest.get(..=open).unwrap_or_default()));
            rest = rest.get(open + 1..).unwrap_or_default();
            continue;
        }
        out.push(Piece::Text(rest.get(..open).unwrap_or_default()));
        out.push(Piece::Variable(name));
        rest = after.get(close + 2..).unwrap_or_default();
    }
    out.push(Piece::Text(rest));
    out
}

/// The variables `template` refers to.
pub(super) fn variables(template: &str) -> BTreeSet<String> {
    pieces(template)
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Variable(name) => Some(name.to_owned()),
            Piece::Text(_) => None,
        })
        .collect()
}

/// Why template data cannot fill a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum FillError {
    /// The data has no value for this variable.
    Missing(String),
    /// The value of this variable is an object or a list, not text.
    NotText(String),
}

/// The text a JSON value stands for inside a mail: strings as they are, numbers and booleans
/// as written in JSON, `null` as nothing.
fn as_text(name: &str, value: &Value) -> Result<String, FillError> {
    match value {
        Value::String(text) => Ok(text.clone()),
        Value::Number(number) => Ok(number.to_string()),
        Value::Bool(flag) => Ok(flag.to_string()),
        Value::Null => Ok(String::new()),
        Value::Array(_) | Value::Object(_) => Err(FillError::NotText(name.to_owned())),
    }
}

/// Replaces every `{{name}}` of `template` with its value in `data`.
///
/// # Errors
/// The first variable `data` does not provide, or provides as an object or a list.
pub(super) fn fill(template: &str, data: &Map<String, Value>) -> Result<String, FillError> {
    let mut out = String::with_capacity(template.len());
    for piece in pieces(template) {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Variable(name) => {
                let value = data
                    .get(name)
                    .ok_or_else(|| FillError::Missing(name.to_owned()))?;
                out.push_str(&as_text(name, value)?);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn data(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => Map::new(),
        }
    }

    #[test]
    fn variables_are_found_with_or_without_spaces() {
        let found = variables("Hi {{name}}, code {{ code }}; {{name}} again {{ unclosed");
        assert_eq!(
            found.into_iter().collect::<Vec<_>>(),
            vec!["code".to_owned(), "name".to_owned()]
        );
        assert!(variables("no placeholders {{}} here").is_empty());
    }

    #[test]
    fn values_replace_their_placeholders() {
        let filled = fill(
            "<p>{{name}} has {{count}} items, vip={{vip}}</p>",
            &data(json!({"name": "Ann", "count": 3, "vip": true, "extra": "ignored"})),
        );
        assert_eq!(filled.as_deref(), Ok("<p>Ann has 3 items, vip=true</p>"));
        assert_eq!(
            fill("{{{x}}}", &data(json!({"x": "1"}))).as_deref(),
            Ok("{1}")
        );
    }

    #[test]
    fn missing_or_structured_values_are_errors() {
        assert_eq!(
            fill("{{a}}{{b}}", &data(json!({"a": "1"}))),
            Err(FillError::Missing("b".to_owned()))
        );
        assert_eq!(
            fill("{{a}}", &data(json!({"a": [1]}))),
            Err(FillError::NotText("a".to_owned()))
        );
    }
}
