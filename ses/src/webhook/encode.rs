//! Writing an [`Event`] back as the JSON object SES posts, and the serde traits built on the
//! two directions.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use super::{BounceType, Event, EventInfo, field};

impl Event {
    /// Encodes the event as the JSON object SES would post, field names as in the payload.
    ///
    /// Unknown fields kept in [`EventInfo::extra`] are written back; a known field wins over an
    /// extra one of the same name. An unknown event is written exactly as it was received.
    pub fn to_value(&self) -> Value {
        let info = match self {
            Event::Unknown { raw, .. } => return raw.clone(),
            other => other.info(),
        };
        let mut object = info.map(|info| info.extra.clone()).unwrap_or_default();
        object.insert(field::EVENT.to_owned(), Value::from(self.name()));
        if let Some(info) = info {
            write_info(&mut object, info);
        }
        let mut put = |key: &str, value: Option<&str>| {
            if let Some(value) = value {
                object.insert(key.to_owned(), Value::from(value));
            }
        };
        match self {
            Event::Bounce(bounce) => {
                put(
                    field::BOUNCE_TYPE,
                    bounce.bounce_type.as_ref().map(BounceType::as_str),
                );
            }
            Event::Open(open) => put(field::USER_AGENT, open.user_agent.as_deref()),
            Event::Click(click) => {
                put(field::LINK, click.link.as_deref());
                put(field::USER_AGENT, click.user_agent.as_deref());
            }
            _ => {}
        }
        // The numeric code follows the kind, whatever `event_id` says, so the two agree.
        if info.is_some_and(|info| info.event_id.is_some())
            && let Some(code) = self.code()
        {
            object.insert(field::EVENT_ID.to_owned(), Value::from(code));
        }
        Value::Object(object)
    }
}

/// Writes the common fields into `object`, skipping absent ones.
fn write_info(object: &mut Map<String, Value>, info: &EventInfo) {
    object.insert(field::EMAIL.to_owned(), Value::from(info.email.as_str()));
    object.insert(field::TIMESTAMP.to_owned(), Value::from(info.timestamp));
    let strings = [
        (field::BULK_ID, &info.bulk_id),
        (field::REASON, &info.reason),
        (field::USERNAME, &info.username),
        (field::FROM, &info.from),
        (field::FROM_DOMAIN, &info.from_domain),
        (field::SUBJECT, &info.subject),
        (field::MESSAGE_ID, &info.message_id),
        (field::CUSTOM, &info.custom),
    ];
    for (key, value) in strings {
        if let Some(value) = value {
            object.insert(key.to_owned(), Value::from(value.as_str()));
        }
    }
    let numbers = [
        (field::TEMPLATE_ID, info.template_id),
        (field::EVENT_ID, info.event_id),
        (field::TASK_ID, info.task_id),
        (field::SENT_TIMESTAMP, info.sent_timestamp),
    ];
    for (key, value) in numbers {
        if let Some(value) = value {
            object.insert(key.to_owned(), Value::from(value));
        }
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_value().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Event, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Event::from_value(&value).map_err(serde::de::Error::custom)
    }
}
