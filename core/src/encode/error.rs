//! The two error types of the encoders: [`EncodeError`] for building a request and
//! [`DecodeError`] for reading one on the server side. Both name the parameter at fault.

use std::borrow::Cow;
use std::fmt;

/// Parameters whose values are never repeated in an error: the v1 `Signature` and the
/// temporary-credential `Token`.
const SECRET_PARAMETERS: [&str; 2] = ["Signature", "Token"];

/// Offending text longer than this is cut in messages, so one bad 1 MB value cannot flood a
/// log line.
const MAX_QUOTED_CHARS: usize = 64;

/// Whether values of this parameter must stay out of messages.
pub(crate) fn is_secret(parameter: &str) -> bool {
    SECRET_PARAMETERS.contains(&parameter)
}

/// Quotes text for a message, escaped and cut to a readable length.
pub(crate) fn quote(text: &str) -> String {
    match text.char_indices().nth(MAX_QUOTED_CHARS) {
        Some((cut, _)) => format!("{:?}...", &text[..cut]),
        None => format!("{text:?}"),
    }
}

/// A value could not be turned into request parameters or a request body.
///
/// `Display` reads ``parameter `Template.TemplateID`: <what is wrong>`` when the fault lies in
/// one parameter, or just the reason when it concerns the whole value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.render())]
pub struct EncodeError {
    parameter: Option<String>,
    message: Cow<'static, str>,
}

impl EncodeError {
    /// An error about the parameter at `path` (the whole value when `path` is empty).
    pub(crate) fn at(path: &str, message: impl Into<Cow<'static, str>>) -> Self {
        Self {
            parameter: (!path.is_empty()).then(|| path.to_owned()),
            message: message.into(),
        }
    }

    /// An error about the whole value rather than one parameter.
    pub(crate) fn whole(message: impl Into<Cow<'static, str>>) -> Self {
        Self {
            parameter: None,
            message: message.into(),
        }
    }

    /// Attaches `path` unless a deeper level already said which parameter failed. Errors made
    /// by a type's own `Serialize` impl know nothing of where they are; this places them.
    pub(crate) fn or_at(mut self, path: &str) -> Self {
        if self.parameter.is_none() && !path.is_empty() {
            self.parameter = Some(path.to_owned());
        }
        self
    }

    /// The dotted name of the parameter at fault (`Filters.0.Values.1`), if the error concerns
    /// one parameter.
    pub fn parameter(&self) -> Option<&str> {
        self.parameter.as_deref()
    }

    fn render(&self) -> String {
        match &self.parameter {
            Some(parameter) => format!("parameter `{parameter}`: {}", self.message),
            None => self.message.clone().into_owned(),
        }
    }
}

impl serde::ser::Error for EncodeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self::whole(msg.to_string())
    }
}

/// What kind of fault a [`DecodeError`] reports. A server maps these to Tencent's error
/// codes: `MissingParameter`, `UnknownParameter`, `InvalidParameterValue`, or
/// `InvalidParameter` for the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// Bytes that are not a valid encoding: a bad `%` escape, text that is not UTF-8, a
    /// malformed multipart body.
    Malformed,
    /// Parameter names that do not form one tree: list indices with gaps, a name given both a
    /// value and nested parameters, a name given twice.
    Structure,
    /// A parameter the target type requires is absent.
    Missing,
    /// A parameter the target type does not know (only for types that deny unknown fields).
    Unknown,
    /// A value of the wrong type or out of range.
    InvalidValue,
}

/// Request bytes or parameters could not be read into the expected shape.
///
/// `Display` reads ``parameter `Template.TemplateID`: expected an unsigned integer, found
/// "abc"``. The values of `Signature` and `Token` are never shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.render())]
pub struct DecodeError {
    kind: DecodeErrorKind,
    parameter: Option<String>,
    /// A field named by serde's `missing_field` before the error knows where its struct is.
    pending_field: Option<String>,
    message: Cow<'static, str>,
    /// How the offending value is shown (`"abc"`, `a list`), after the message.
    found: Option<String>,
}

impl DecodeError {
    /// An error not yet placed at a parameter.
    pub(crate) fn new(kind: DecodeErrorKind, message: impl Into<Cow<'static, str>>) -> Self {
        Self {
            kind,
            parameter: None,
            pending_field: None,
            message: message.into(),
            found: None,
        }
    }

    /// An error about the parameter named `parameter`.
    pub(crate) fn at(
        kind: DecodeErrorKind,
        parameter: &str,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        Self::new(kind, message).locate(parameter)
    }

    /// Adds how the offending value looked; `found` is a phrase such as `"abc"` or `a list`.
    pub(crate) fn found(mut self, found: String) -> Self {
        if !self.parameter.as_deref().is_some_and(is_secret) {
            self.found = Some(found);
        }
        self
    }

    /// Places the error at `path` unless a deeper level already did. An error about a secret
    /// parameter loses its value and any message that might quote it.
    pub(crate) fn locate(mut self, path: &str) -> Self {
        if self.parameter.is_some() {
            return self;
        }
        let mut parameter = path.to_owned();
        if let Some(field) = self.pending_field.take() {
            if !parameter.is_empty() {
                parameter.push('.');
            }
            parameter.push_str(&field);
        }
        if parameter.is_empty() {
            return self;
        }
        if is_secret(&parameter) && self.kind == DecodeErrorKind::InvalidValue {
            self.message = Cow::Borrowed("the value is not valid");
            self.found = None;
        }
        self.parameter = Some(parameter);
        self
    }

    /// What kind of fault this is.
    pub fn kind(&self) -> DecodeErrorKind {
        self.kind
    }

    /// The dotted name of the parameter at fault (`Template.TemplateID`), if the error
    /// concerns one parameter.
    pub fn parameter(&self) -> Option<&str> {
        self.parameter.as_deref()
    }

    fn render(&self) -> String {
        let mut text = match &self.parameter {
            Some(parameter) => format!("parameter `{parameter}`: {}", self.message),
            None => self.message.clone().into_owned(),
        };
        if let Some(found) = &self.found {
            text.push_str(", found ");
            text.push_str(found);
        }
        text
    }
}

impl serde::de::Error for DecodeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self::new(DecodeErrorKind::InvalidValue, msg.to_string())
    }

    fn invalid_type(
        unexpected: serde::de::Unexpected<'_>,
        expected: &dyn serde::de::Expected,
    ) -> Self {
        Self::new(
            DecodeErrorKind::InvalidValue,
            format!("expected {expected}"),
        )
        .found(describe_unexpected(&unexpected))
    }

    fn invalid_value(
        unexpected: serde::de::Unexpected<'_>,
        expected: &dyn serde::de::Expected,
    ) -> Self {
        Self::invalid_type(unexpected, expected)
    }

    fn invalid_length(len: usize, expected: &dyn serde::de::Expected) -> Self {
        Self::new(
            DecodeErrorKind::InvalidValue,
            format!("expected {expected}"),
        )
        .found(format!("{len} elements"))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Self::new(
            DecodeErrorKind::InvalidValue,
            format!("expected one of {}", list(expected)),
        )
        .found(quote(variant))
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Self::new(
            DecodeErrorKind::Unknown,
            format!(
                "`{field}` is not a known parameter here; known are {}",
                list(expected)
            ),
        )
    }

    fn missing_field(field: &'static str) -> Self {
        let mut error = Self::new(DecodeErrorKind::Missing, "required but absent");
        error.pending_field = Some(field.to_owned());
        error
    }

    fn duplicate_field(field: &'static str) -> Self {
        let mut error = Self::new(DecodeErrorKind::Structure, "given more than once");
        error.pending_field = Some(field.to_owned());
        error
    }
}

/// Renders what serde saw, quoting text the way the rest of the messages do.
fn describe_unexpected(unexpected: &serde::de::Unexpected<'_>) -> String {
    match unexpected {
        serde::de::Unexpected::Str(text) => quote(text),
        other => other.to_string(),
    }
}

/// `` `A`, `B` `` for a list of names, or "none" for an empty one.
fn list(names: &[&str]) -> String {
    if names.is_empty() {
        return "none".to_owned();
    }
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
