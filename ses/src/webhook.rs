//! Email event notifications: the JSON body SES posts to a callback URL, decoded into [`Event`]s.
//!
//! SES posts one event per request, as a JSON object (ses.md §9.2). [`parse`] also takes a JSON
//! array of such objects, so a handler keeps working should events ever arrive grouped, and a
//! test can feed several at once. Only `event`, `email` and `timestamp` are required: the other
//! fields were added over the years (§9.3, field history) and older payloads lack them. Fields
//! this crate does not know are kept in [`EventInfo::extra`] and events it does not know become
//! [`Event::Unknown`] with the whole object, so nothing a newer SES sends is lost.
//!
//! Tencent documents no signature on callbacks: protect the endpoint with a secret in its URL.
//!
//! ```
//! use tencentcloud_ses::webhook::{self, Event};
//!
//! let body = br#"{"event":"click","email":"ann@example.com","timestamp":1654064683,
//!                 "link":"https://example.com/offer"}"#;
//! for event in webhook::parse(body)? {
//!     match &event {
//!         Event::Click(click) => assert_eq!(click.link.as_deref(), Some("https://example.com/offer")),
//!         other => println!("{} for {:?}", other.name(), other.info().map(|i| &i.email)),
//!     }
//! }
//! # Ok::<(), webhook::WebhookError>(())
//! ```

use serde_json::{Map, Value};

mod decode;
mod encode;

use decode::Fields;

/// Wire names of the payload fields (ses.md §9.3), spelled as the payload spells them.
pub(crate) mod field {
    pub(crate) const EVENT: &str = "event";
    pub(crate) const EMAIL: &str = "email";
    pub(crate) const LINK: &str = "link";
    pub(crate) const BULK_ID: &str = "bulkId";
    /// The field table spells it this way, every sample the other; both are read.
    pub(crate) const BULK_ID_LOWER: &str = "bulkid";
    pub(crate) const TIMESTAMP: &str = "timestamp";
    pub(crate) const REASON: &str = "reason";
    pub(crate) const BOUNCE_TYPE: &str = "bounceType";
    pub(crate) const USERNAME: &str = "username";
    pub(crate) const FROM: &str = "from";
    pub(crate) const FROM_DOMAIN: &str = "fromDomain";
    pub(crate) const TEMPLATE_ID: &str = "templateId";
    pub(crate) const USER_AGENT: &str = "useragent";
    pub(crate) const SUBJECT: &str = "subject";
    pub(crate) const MESSAGE_ID: &str = "messageId";
    pub(crate) const EVENT_ID: &str = "eventid";
    pub(crate) const TASK_ID: &str = "taskId";
    pub(crate) const SENT_TIMESTAMP: &str = "sentTimestamp";
    pub(crate) const CUSTOM: &str = "X-Tencentcloudses-Cb-Custom";
}

/// The documented event names and their numeric `eventid` codes (ses.md §9.4).
const KINDS: [(&str, u8); 8] = [
    ("delivered", 1),
    ("dropped", 2),
    ("bounce", 3),
    ("open", 4),
    ("click", 5),
    ("spamreport", 6),
    ("unsubscribe", 7),
    ("deferred", 8),
];

/// One email event, as SES reports it to the callback URL.
///
/// The variant follows the payload's `event` name. Events this crate does not know (such as
/// `processed`, which only the 2021 documentation mentions) are kept whole in
/// [`Event::Unknown`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// `delivered` (`eventid` 1): the recipient's mail server accepted the message.
    Delivered(EventInfo),
    /// `dropped` (`eventid` 2): the message could not be delivered and was discarded;
    /// [`EventInfo::reason`] says why.
    Dropped(EventInfo),
    /// `bounce` (`eventid` 3): the recipient's mail server refused the message, usually because
    /// the address does not exist.
    Bounce(Bounce),
    /// `open` (`eventid` 4): the recipient opened the message (HTML mail only, via a pixel).
    Open(Open),
    /// `click` (`eventid` 5): the recipient followed a link in the message.
    Click(Click),
    /// `spamreport` (`eventid` 6): the recipient marked the message as spam.
    SpamReport(EventInfo),
    /// `unsubscribe` (`eventid` 7): the recipient followed an unsubscribe link.
    Unsubscribe(EventInfo),
    /// `deferred` (`eventid` 8): the recipient's server asked to try later; SES keeps retrying.
    Deferred(EventInfo),
    /// An event this crate does not know, with the whole JSON object it came in.
    Unknown {
        /// The `event` value as received; empty when the object named no event and carried
        /// only an `eventid` that no documentation lists (read it from `raw`).
        event: String,
        /// The complete event object, unchanged.
        raw: Value,
    },
}

/// The fields every event carries.
///
/// Only [`email`](Self::email) and [`timestamp`](Self::timestamp) are always present; the rest
/// depend on how recent the payload format is and on how the mail was sent.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct EventInfo {
    /// The recipient address the event is about (`email`).
    pub email: String,
    /// When the event happened, in Unix seconds (`timestamp`).
    pub timestamp: u64,
    /// The `MessageId` that `SendEmail` returned for this mail (`bulkId`, also read as `bulkid`).
    pub bulk_id: Option<String>,
    /// Why delivery failed, usually the remote server's reply such as
    /// `551 5.1.1 recipient is not exist` (`reason`); empty or absent for successful events.
    pub reason: Option<String>,
    /// The account's AppId, as a string of digits (`username`).
    pub username: Option<String>,
    /// The sender address, without display name (`from`).
    pub from: Option<String>,
    /// The sender's domain (`fromDomain`).
    pub from_domain: Option<String>,
    /// The id of the template the mail was sent with (`templateId`).
    pub template_id: Option<u64>,
    /// The mail's subject, MIME encoded-word escaped when it is not ASCII (`subject`).
    pub subject: Option<String>,
    /// The SMTP `Message-ID` header of the mail (`messageId`), e.g. the `SmtpMessageId` given
    /// to `SendEmail`.
    pub message_id: Option<String>,
    /// The numeric event code as received (`eventid`); [`Event::code`] gives the documented one.
    pub event_id: Option<u64>,
    /// The batch task the mail belongs to, for mail sent by `BatchSendEmail` (`taskId`).
    pub task_id: Option<u64>,
    /// When the mail was sent, in Unix seconds (`sentTimestamp`; inferred from the sample).
    pub sent_timestamp: Option<u64>,
    /// A value of the sender's choosing echoed back (`X-Tencentcloudses-Cb-Custom`), most likely
    /// from a mail header of that name.
    pub custom: Option<String>,
    /// Every field of the object that is not described above, unchanged.
    pub extra: Map<String, Value>,
}

/// A `bounce` event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bounce {
    /// The fields every event carries; [`EventInfo::reason`] holds the server's reply.
    pub info: EventInfo,
    /// Whether the refusal is temporary or permanent (`bounceType`); `None` when absent or empty.
    pub bounce_type: Option<BounceType>,
}

/// An `open` event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Open {
    /// The fields every event carries.
    pub info: EventInfo,
    /// The user agent of the mail client that loaded the tracking pixel (`useragent`).
    pub user_agent: Option<String>,
}

/// A `click` event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Click {
    /// The fields every event carries.
    pub info: EventInfo,
    /// The address of the link that was followed (`link`).
    pub link: Option<String>,
    /// The user agent of the browser that followed it (`useragent`).
    pub user_agent: Option<String>,
}

/// How final a bounce is (`bounceType`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BounceType {
    /// `soft_bounce` (`soft` before 2022): a temporary refusal, such as a full mailbox.
    Soft,
    /// `hard_bounce` (`hard` before 2022): a permanent refusal; SES blocklists the address.
    Hard,
    /// A value this crate does not know, kept as received.
    Other(String),
}

impl BounceType {
    /// Reads a wire value; both the current and the 2021 spellings are understood.
    pub fn from_wire(value: &str) -> BounceType {
        match value {
            "soft_bounce" | "soft" => BounceType::Soft,
            "hard_bounce" | "hard" => BounceType::Hard,
            other => BounceType::Other(other.to_owned()),
        }
    }

    /// The wire value, in the current spelling.
    pub fn as_str(&self) -> &str {
        match self {
            BounceType::Soft => "soft_bounce",
            BounceType::Hard => "hard_bounce",
            BounceType::Other(other) => other,
        }
    }
}

impl EventInfo {
    /// Event fields with only the two that are always present; set the others as needed.
    pub fn new(email: impl Into<String>, timestamp: u64) -> EventInfo {
        EventInfo {
            email: email.into(),
            timestamp,
            ..EventInfo::default()
        }
    }
}

impl Event {
    /// The event name as the payload spells it (`delivered`, `bounce`, …).
    pub fn name(&self) -> &str {
        match (self, self.code()) {
            (Event::Unknown { event, .. }, _) => event,
            (_, code) => KINDS
                .iter()
                .find(|(_, known)| Some(*known) == code)
                .map_or("", |(name, _)| name),
        }
    }

    /// The documented numeric code of this kind of event (1 = delivered … 8 = deferred), `None`
    /// for an unknown event.
    pub fn code(&self) -> Option<u8> {
        match self {
            Event::Delivered(_) => Some(1),
            Event::Dropped(_) => Some(2),
            Event::Bounce(_) => Some(3),
            Event::Open(_) => Some(4),
            Event::Click(_) => Some(5),
            Event::SpamReport(_) => Some(6),
            Event::Unsubscribe(_) => Some(7),
            Event::Deferred(_) => Some(8),
            Event::Unknown { .. } => None,
        }
    }

    /// The fields every event carries; `None` for an unknown event.
    pub fn info(&self) -> Option<&EventInfo> {
        match self {
            Event::Delivered(info)
            | Event::Dropped(info)
            | Event::SpamReport(info)
            | Event::Unsubscribe(info)
            | Event::Deferred(info)
            | Event::Bounce(Bounce { info, .. })
            | Event::Open(Open { info, .. })
            | Event::Click(Click { info, .. }) => Some(info),
            Event::Unknown { .. } => None,
        }
    }

    /// Decodes one event object.
    ///
    /// # Errors
    /// [`WebhookError`] when `value` is not an object, has neither `event` nor `eventid`, lacks
    /// `email` or `timestamp` (for a known event), or has a field of the wrong type. An
    /// undocumented `event` or `eventid` is not an error: it gives [`Event::Unknown`].
    pub fn from_value(value: &Value) -> Result<Event, WebhookError> {
        let Value::Object(object) = value else {
            return Err(WebhookError::NotAnObject {
                found: decode::describe(value),
            });
        };
        let name = decode::event_name(object, &KINDS)?;
        let code = KINDS
            .iter()
            .find(|(kind, _)| *kind == name)
            .map(|(_, code)| *code);
        let mut fields = Fields::new(object, &name, code);
        let event = match name.as_str() {
            "delivered" => Event::Delivered(fields.info()?),
            "dropped" => Event::Dropped(fields.info()?),
            "bounce" => {
                let bounce_type = fields.string(field::BOUNCE_TYPE);
                let bounce_type = bounce_type
                    .filter(|t| !t.is_empty())
                    .map(|t| BounceType::from_wire(&t));
                Event::Bounce(Bounce {
                    info: fields.info()?,
                    bounce_type,
                })
            }
            "open" => {
                let user_agent = fields.string(field::USER_AGENT);
                Event::Open(Open {
                    info: fields.info()?,
                    user_agent,
                })
            }
            "click" => {
                let link = fields.string(field::LINK);
                let user_agent = fields.string(field::USER_AGENT);
                Event::Click(Click {
                    info: fields.info()?,
                    link,
                    user_agent,
                })
            }
            "spamreport" => Event::SpamReport(fields.info()?),
            "unsubscribe" => Event::Unsubscribe(fields.info()?),
            "deferred" => Event::Deferred(fields.info()?),
            _ => Event::Unknown {
                event: name,
                raw: value.clone(),
            },
        };
        Ok(event)
    }
}

/// Parses a webhook request body: one event object, or a JSON array of them.
///
/// Never panics: any byte string gives either events or a [`WebhookError`] naming the problem.
/// Nesting deeper than 128 levels is refused by the JSON reader before it can exhaust the stack.
///
/// # Errors
/// [`WebhookError::NotJson`] when the body is not UTF-8 JSON; the other variants when the JSON
/// is not an event object (or array of them); [`WebhookError::InArray`] says which element of an
/// array failed.
pub fn parse(body: &[u8]) -> Result<Vec<Event>, WebhookError> {
    let value: Value = serde_json::from_slice(body).map_err(|error| WebhookError::NotJson {
        detail: error.to_string(),
    })?;
    match &value {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(index, item)| {
                Event::from_value(item).map_err(|error| WebhookError::InArray {
                    index,
                    error: Box::new(error),
                })
            })
            .collect(),
        other => Event::from_value(other).map(|event| vec![event]),
    }
}

/// Why a webhook body could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// The body is not valid UTF-8 JSON.
    #[error("webhook body is not valid JSON: {detail}")]
    NotJson {
        /// What the JSON reader objected to, with line and column.
        detail: String,
    },
    /// The body (or an array element) is JSON but not an object.
    #[error("a webhook event must be a JSON object, found {found}")]
    NotAnObject {
        /// What was found instead.
        found: String,
    },
    /// The object has neither an `event` name nor an `eventid`.
    #[error("webhook event has neither an `event` name nor an `eventid`")]
    MissingEvent,
    /// A field every event must carry is absent or null.
    #[error("`{event}` event has no `{field}` field")]
    MissingField {
        /// The event name (shortened if very long).
        event: String,
        /// The missing field, as the payload spells it.
        field: &'static str,
    },
    /// A field has a type that cannot be read as documented.
    #[error("field `{field}` of the `{event}` event must be {expected}, found {found}")]
    WrongType {
        /// The event name (shortened if very long).
        event: String,
        /// The field, as the payload spells it.
        field: &'static str,
        /// What the field should hold.
        expected: &'static str,
        /// What it holds (long values shortened).
        found: String,
    },
    /// One element of an array body is not a valid event.
    #[error("element {index} of the webhook array: {error}")]
    InArray {
        /// The zero-based position of the element.
        index: usize,
        /// What is wrong with it.
        error: Box<WebhookError>,
    },
}
