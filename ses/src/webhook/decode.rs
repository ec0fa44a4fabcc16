//! Lenient, panic-free reading of the fields of one webhook event object.
//!
//! Lenient where the payload is known to vary: numbers written as digit strings (and the other
//! way round, such as a numeric `username`) are accepted, `null` and empty strings count as
//! absent for optional numbers. The fields every event carries (`email`, `timestamp`) must be
//! readable, or the event is refused with an error that names the field; an optional field of
//! another type is kept as it came, in [`EventInfo::extra`], so that one odd value does not
//! lose a delivery or a bounce.

use serde_json::{Map, Value};

use super::{EventInfo, WebhookError, field};

/// How much of a hostile string value or event name an error message repeats.
const SHOWN_CHARS: usize = 48;

/// Shortens `text` for an error message, on a character boundary.
pub(super) fn shorten(text: &str) -> String {
    if text.chars().count() <= SHOWN_CHARS {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(SHOWN_CHARS).collect();
    short.push('…');
    short
}

/// Describes a JSON value for an error message: its type and, for scalars, the value.
pub(super) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(flag) => format!("boolean {flag}"),
        Value::Number(number) => format!("number {}", shorten(&number.to_string())),
        Value::String(text) => format!("string {:?}", shorten(text)),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// The event name: `event` when present, else the name a documented `eventid` stands for, else
/// (an `eventid` no documentation lists, from a newer SES) the empty string, which the caller
/// keeps as [`Event::Unknown`](super::Event::Unknown) with the whole object.
///
/// Only an object with neither field is an error: unknown events must be tolerated, not refused.
pub(super) fn event_name(
    object: &Map<String, Value>,
    kinds: &[(&str, u8)],
) -> Result<String, WebhookError> {
    let unnamed =
        |field: &'static str, expected: &'static str, found: &Value| WebhookError::WrongType {
            event: "(unnamed)".to_owned(),
            field,
            expected,
            found: describe(found),
        };
    match object.get(field::EVENT) {
        Some(Value::String(name)) => Ok(name.clone()),
        None | Some(Value::Null) => {
            let code = match object.get(field::EVENT_ID) {
                None | Some(Value::Null) => return Err(WebhookError::MissingEvent),
                Some(Value::Number(number)) => number.as_u64(),
                Some(Value::String(text)) => text.trim().parse::<u64>().ok(),
                Some(other) => return Err(unnamed(field::EVENT_ID, "a number", other)),
            };
            let known = code.and_then(|code| kinds.iter().find(|(_, k)| u64::from(*k) == code));
            Ok(known
                .map(|(name, _)| (*name).to_owned())
                .unwrap_or_default())
        }
        Some(other) => Err(unnamed(field::EVENT, "a string", other)),
    }
}

/// What an integer field must hold, for errors.
const INTEGER: &str = "a non-negative integer that fits 64 bits";

/// The fields of one event object, remembering which ones were read so that the rest can be
/// kept as [`EventInfo::extra`].
pub(super) struct Fields<'a> {
    object: &'a Map<String, Value>,
    event: &'a str,
    /// The `eventid` the event's name stands for, when it is a documented one.
    code: Option<u8>,
    taken: Vec<&'static str>,
}

impl<'a> Fields<'a> {
    /// Starts reading `object`, an event called `event` whose documented code is `code`.
    pub(super) fn new(
        object: &'a Map<String, Value>,
        event: &'a str,
        code: Option<u8>,
    ) -> Fields<'a> {
        Fields {
            object,
            event,
            code,
            taken: vec![field::EVENT],
        }
    }

    /// The `eventid`, when it agrees with the event's name; one that names another kind is
    /// left for [`EventInfo::extra`], so that `event_id` never contradicts the kind and the
    /// odd value is still there to see.
    fn event_id(&mut self) -> Option<u64> {
        let id = self.integer(field::EVENT_ID)?;
        match self.code {
            Some(code) if u64::from(code) != id => self.leave_for_extra(field::EVENT_ID),
            _ => Some(id),
        }
    }

    /// Marks `key` as read and returns its value unless it is absent or null.
    fn take(&mut self, key: &'static str) -> Option<&'a Value> {
        self.taken.push(key);
        self.object.get(key).filter(|value| !value.is_null())
    }

    fn wrong_type(&self, key: &'static str, expected: &'static str, found: &Value) -> WebhookError {
        WebhookError::WrongType {
            event: shorten(self.event),
            field: key,
            expected,
            found: describe(found),
        }
    }

    fn required<T>(&self, key: &'static str, value: Option<T>) -> Result<T, WebhookError> {
        value.ok_or_else(|| WebhookError::MissingField {
            event: shorten(self.event),
            field: key,
        })
    }

    /// Reads an optional text field; a number is accepted and kept as its decimal text. A value
    /// of another type is left for [`EventInfo::extra`].
    pub(super) fn string(&mut self, key: &'static str) -> Option<String> {
        self.string_strict(key)
            .unwrap_or_else(|_| self.leave_for_extra(key))
    }

    /// Reads an optional non-negative integer field (see [`Fields::integer_strict`]); a value
    /// that is not one is left for [`EventInfo::extra`].
    pub(super) fn integer(&mut self, key: &'static str) -> Option<u64> {
        self.integer_strict(key)
            .unwrap_or_else(|_| self.leave_for_extra(key))
    }

    /// Un-reads `key`, so that [`Fields::info`] keeps its value in [`EventInfo::extra`].
    fn leave_for_extra<T>(&mut self, key: &'static str) -> Option<T> {
        self.taken.retain(|taken| *taken != key);
        None
    }

    /// Reads a text field; a number is accepted and kept as its decimal text.
    fn string_strict(&mut self, key: &'static str) -> Result<Option<String>, WebhookError> {
        match self.take(key) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.clone())),
            Some(Value::Number(number)) => Ok(Some(number.to_string())),
            Some(other) => Err(self.wrong_type(key, "a string", other)),
        }
    }

    /// Reads an integer field every event must carry. An empty string there is named as what
    /// it is, not reported as a missing field.
    fn required_integer(&mut self, key: &'static str) -> Result<u64, WebhookError> {
        if let Some(value @ Value::String(text)) = self.object.get(key)
            && text.trim().is_empty()
        {
            self.taken.push(key);
            return Err(self.wrong_type(key, INTEGER, value));
        }
        let value = self.integer_strict(key)?;
        self.required(key, value)
    }

    /// Reads a non-negative integer field; a string of digits is accepted, an empty one is
    /// treated as absent.
    fn integer_strict(&mut self, key: &'static str) -> Result<Option<u64>, WebhookError> {
        const EXPECTED: &str = INTEGER;
        let Some(value) = self.take(key) else {
            return Ok(None);
        };
        match value {
            Value::Number(number) => match number.as_u64() {
                Some(number) => Ok(Some(number)),
                None => Err(self.wrong_type(key, EXPECTED, value)),
            },
            Value::String(text) if text.trim().is_empty() => Ok(None),
            Value::String(text) => match text.trim().parse::<u64>() {
                Ok(number) => Ok(Some(number)),
                Err(_) => Err(self.wrong_type(key, EXPECTED, value)),
            },
            other => Err(self.wrong_type(key, EXPECTED, other)),
        }
    }

    /// Reads the fields every event carries, then keeps every field not read so far (by this
    /// call or earlier ones) as [`EventInfo::extra`]. Call it after the event's own fields.
    pub(super) fn info(&mut self) -> Result<EventInfo, WebhookError> {
        let email = self.string_strict(field::EMAIL)?;
        let email = self.required(field::EMAIL, email)?;
        let timestamp = self.required_integer(field::TIMESTAMP)?;
        let bulk_id = match self.string(field::BULK_ID) {
            Some(id) => Some(id),
            None => self.string(field::BULK_ID_LOWER),
        };
        let mut info = EventInfo {
            email,
            timestamp,
            bulk_id,
            reason: self.string(field::REASON),
            username: self.string(field::USERNAME),
            from: self.string(field::FROM),
            from_domain: self.string(field::FROM_DOMAIN),
            template_id: self.integer(field::TEMPLATE_ID),
            subject: self.string(field::SUBJECT),
            message_id: self.string(field::MESSAGE_ID),
            event_id: self.event_id(),
            task_id: self.integer(field::TASK_ID),
            sent_timestamp: self.integer(field::SENT_TIMESTAMP),
            custom: self.string(field::CUSTOM),
            extra: Map::new(),
        };
        info.extra = self
            .object
            .iter()
            .filter(|(key, _)| !self.taken.contains(&key.as_str()))
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect();
        Ok(info)
    }
}
