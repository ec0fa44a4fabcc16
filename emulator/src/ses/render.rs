//! `{{variable}}` templates: finding the variables a text uses, and filling them in from the
//! template data.
//!
//! ses.md §13 documents plain substitution only: each `{{name}}` is replaced by the value of
//! `name` in the JSON object sent as `TemplateData`; no escaping or filters. Spaces inside the
//! braces are ignored (`{{ name }}`), and a `{{` without a closing `}}` stays as written.

use std::borrow::Cow;
use std::collections::BTreeSet;

use serde_json::{Map, Value};

/// One piece of a template: literal text or a variable reference.
enum Piece<'a> {
    Text(&'a str),
    Variable(&'a str),
}

/// Splits `template` into literal text and variable references.
///
/// A placeholder is `{{`, a name with no braces that is not blank, and `}}`. Read from the left,
/// each `}}` closes at most one placeholder: the one whose `{{` ends at the last `{` before it,
/// provided no `}` lies between. So `{{{x}}}` is `{`, the variable `x`, then `}`.
///
/// One pass over the text, whatever it holds: the template and its data come from API callers,
/// and rescanning after each near miss would let a template of a million `{` stall a call.
fn pieces(template: &str) -> Vec<Piece<'_>> {
    let bytes = template.as_bytes();
    let mut out = Vec::new();
    // Where the literal text not yet emitted begins.
    let mut text_start = 0;
    // Bytes before `scanned` (and from `text_start`) have been looked at for braces.
    let mut scanned = 0;
    // The last `{` seen since `text_start`, and whether a `}` follows it before `scanned`.
    let mut last_open: Option<usize> = None;
    let mut spoiled = false;
    let mut from = 0;
    while let Some(offset) = template.get(from..).and_then(|rest| rest.find("}}")) {
        let close = from + offset;
        let segment = bytes.get(scanned..close).unwrap_or_default();
        match segment.iter().rposition(|&b| b == b'{') {
            Some(at) => {
                last_open = Some(scanned + at);
                spoiled = segment.get(at..).unwrap_or_default().contains(&b'}');
            }
            None => spoiled |= segment.contains(&b'}'),
        }
        scanned = close;
        // `}}}` holds two candidates; the next search starts inside this one.
        from = close + 1;
        let Some(open) = last_open.filter(|&open| !spoiled && open > text_start) else {
            continue;
        };
        if bytes.get(open - 1) != Some(&b'{') {
            continue;
        }
        let name = template.get(open + 1..close).unwrap_or_default().trim();
        if name.is_empty() {
            continue;
        }
        out.push(Piece::Text(
            template.get(text_start..open - 1).unwrap_or_default(),
        ));
        out.push(Piece::Variable(name));
        text_start = close + 2;
        scanned = text_start;
        from = text_start;
        last_open = None;
        spoiled = false;
    }
    out.push(Piece::Text(template.get(text_start..).unwrap_or_default()));
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
    /// The filled-in text would be longer than this many bytes.
    TooLong(usize),
}

/// The text a JSON value stands for inside a mail: strings as they are, numbers and booleans
/// as written in JSON, `null` as nothing.
fn as_text<'a>(name: &str, value: &'a Value) -> Result<Cow<'a, str>, FillError> {
    match value {
        Value::String(text) => Ok(Cow::Borrowed(text)),
        Value::Number(number) => Ok(Cow::Owned(number.to_string())),
        Value::Bool(flag) => Ok(Cow::Borrowed(if *flag { "true" } else { "false" })),
        Value::Null => Ok(Cow::Borrowed("")),
        Value::Array(_) | Value::Object(_) => Err(FillError::NotText(name.to_owned())),
    }
}

/// Replaces every `{{name}}` of `template` with its value in `data`, into at most `limit`
/// bytes.
///
/// The limit is checked before each piece is added: a short template repeating one variable
/// with a long value would otherwise grow without bound (`{{a}}` 20,000 times with a 5 KB
/// value is 100 MB), holding memory and the caller's time.
///
/// # Errors
/// The first variable `data` does not provide, or provides as an object or a list; or
/// [`FillError::TooLong`] when the result would pass `limit`.
pub(super) fn fill(
    template: &str,
    data: &Map<String, Value>,
    limit: usize,
) -> Result<String, FillError> {
    let mut out = String::with_capacity(template.len().min(limit));
    for piece in pieces(template) {
        let text = match piece {
            Piece::Text(text) => Cow::Borrowed(text),
            Piece::Variable(name) => {
                let value = data
                    .get(name)
                    .ok_or_else(|| FillError::Missing(name.to_owned()))?;
                as_text(name, value)?
            }
        };
        if out.len() + text.len() > limit {
            return Err(FillError::TooLong(limit));
        }
        out.push_str(&text);
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
            100,
        );
        assert_eq!(filled.as_deref(), Ok("<p>Ann has 3 items, vip=true</p>"));
        assert_eq!(
            fill("{{{x}}}", &data(json!({"x": "1"})), 100).as_deref(),
            Ok("{1}")
        );
    }

    /// The rule of [`pieces`] written the plain way: from the first `{{`, try its nearest
    /// `}}`; on a miss, move one byte on and search again (quadratic, fine for short texts).
    fn pieces_by_rescanning(template: &str) -> Vec<(bool, String)> {
        let mut out = Vec::new();
        let mut rest = template;
        while let Some(open) = rest.find("{{") {
            let after = &rest[open + 2..];
            let Some(close) = after.find("}}") else { break };
            let name = after[..close].trim();
            if name.is_empty() || name.contains(['{', '}']) {
                out.push((false, rest[..=open].to_owned()));
                rest = &rest[open + 1..];
                continue;
            }
            out.push((false, rest[..open].to_owned()));
            out.push((true, name.to_owned()));
            rest = &after[close + 2..];
        }
        out.push((false, rest.to_owned()));
        out
    }

    /// Both readings, with adjacent literal text merged (they split text differently).
    fn normalized(pieces: Vec<(bool, String)>) -> Vec<(bool, String)> {
        let mut merged: Vec<(bool, String)> = Vec::new();
        for (is_variable, text) in pieces {
            match merged.last_mut() {
                Some((false, last)) if !is_variable => last.push_str(&text),
                _ => merged.push((is_variable, text)),
            }
        }
        merged.retain(|(is_variable, text)| *is_variable || !text.is_empty());
        merged
    }

    #[test]
    fn one_pass_reads_every_short_text_as_the_plain_rule_does() {
        let alphabet = ['{', '}', 'a', ' '];
        let mut texts = vec![String::new()];
        for _ in 0..8 {
            let longer: Vec<String> = texts
                .iter()
                .filter(|t| t.len() == texts.last().map_or(0, String::len))
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(longer);
        }
        assert_eq!(texts.len(), (0..=8).map(|n| 4usize.pow(n)).sum::<usize>());
        for text in &texts {
            let fast = pieces(text)
                .into_iter()
                .map(|piece| match piece {
                    Piece::Text(text) => (false, text.to_owned()),
                    Piece::Variable(name) => (true, name.to_owned()),
                })
                .collect();
            assert_eq!(
                normalized(fast),
                normalized(pieces_by_rescanning(text)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_text_of_near_misses_is_read_in_one_pass() {
        // Quadratic rescanning would take minutes over these.
        let braces = "{".repeat(1 << 20) + "}}";
        assert!(variables(&braces).is_empty());
        let closes = "{{a}}b".to_owned() + &"}}c".repeat(1 << 19);
        assert_eq!(variables(&closes).into_iter().collect::<Vec<_>>(), ["a"]);
        let spoiled = "{{a}b".to_owned() + &"}}".repeat(1 << 19) + "{{z}}";
        assert_eq!(variables(&spoiled).into_iter().collect::<Vec<_>>(), ["z"]);
    }

    #[test]
    fn filling_stops_at_the_limit_instead_of_growing_without_bound() {
        let template = "{{a}}".repeat(20_000);
        let long = data(json!({"a": "x".repeat(5_000)}));
        assert_eq!(
            fill(&template, &long, 1 << 20),
            Err(FillError::TooLong(1 << 20))
        );
        assert_eq!(
            fill("ab{{a}}", &data(json!({"a": "cd"})), 4),
            Ok("abcd".to_owned())
        );
        assert_eq!(
            fill("ab{{a}}", &data(json!({"a": "cde"})), 4),
            Err(FillError::TooLong(4))
        );
        assert_eq!(
            fill(
                "{{t}} {{n}} {{z}}.",
                &data(json!({"t": true, "n": 1.5, "z": null})),
                100
            ),
            Ok("true 1.5 .".to_owned())
        );
    }

    #[test]
    fn missing_or_structured_values_are_errors() {
        assert_eq!(
            fill("{{a}}{{b}}", &data(json!({"a": "1"})), 100),
            Err(FillError::Missing("b".to_owned()))
        );
        assert_eq!(
            fill("{{a}}", &data(json!({"a": [1]})), 100),
            Err(FillError::NotText("a".to_owned()))
        );
    }
}
