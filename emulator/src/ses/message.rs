//! The sent messages the emulator keeps, with what happened to each recipient, and the store
//! that finds them by `MessageId`.

use std::collections::HashMap;

use serde::Serialize;

/// One message accepted by `SendEmail` or sent by a batch task, as the emulator stored it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredMessage {
    /// The `MessageId` the API returned (`SendEmail`) or reports (`GetSendEmailStatus`).
    pub message_id: String,
    /// The sender as requested (`FromEmailAddress`), display name included.
    pub from: String,
    /// `To` recipients.
    pub to: Vec<String>,
    /// `Cc` recipients.
    pub cc: Vec<String>,
    /// `Bcc` recipients; they are in the envelope but not in the rendered headers.
    pub bcc: Vec<String>,
    /// The `Reply-To` address, if one was given.
    pub reply_to: Option<String>,
    /// The subject after template variables were filled in.
    pub subject: String,
    /// The HTML body after template variables were filled in.
    pub html: Option<String>,
    /// The plain-text body after template variables were filled in.
    pub text: Option<String>,
    /// The attached files, by name and size.
    pub attachments: Vec<StoredAttachment>,
    /// The template the message was rendered from, if any.
    pub template_id: Option<u64>,
    /// The batch task that sent the message, if any.
    pub task_id: Option<u64>,
    /// The `Message-ID` header of the rendered message, angle brackets included.
    pub smtp_message_id: String,
    /// The complete rendered message, as it would travel over SMTP (`.eml`).
    pub eml: String,
    /// What happened for each recipient, in the order To, Cc, Bcc.
    pub recipients: Vec<RecipientStatus>,
    /// When the request was accepted, in Unix seconds.
    pub request_time: u64,
    /// The same instant as `YYYY-MM-DD HH:MM:SS` (UTC).
    pub request_datetime: String,
}

/// An attachment of a [`StoredMessage`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredAttachment {
    /// The file name as sent.
    pub file_name: String,
    /// The MIME type it was attached with, chosen from the extension.
    pub content_type: String,
    /// Its size in bytes, before base64.
    pub size: u64,
}

/// The send and delivery state of one message for one recipient, what `GetSendEmailStatus`
/// reports.
// The four flags are the API's own independent fields (`UserOpened`, `UserClicked`, ...).
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecipientStatus {
    /// The recipient address.
    pub email: String,
    /// Tencent Cloud's processing code (`SendStatus`): 0 when accepted.
    pub send_status: i64,
    /// The recipient side's code (`DeliverStatus`): 1 delivered, 2 dropped, 3 bounced,
    /// 8 deferred.
    pub deliver_status: i64,
    /// The explanation of the delivery state; empty for a plain delivery.
    pub deliver_message: String,
    /// When the mail was handed over, in Unix seconds (0 if it never was).
    pub deliver_time: u64,
    /// Whether the recipient opened the mail.
    pub opened: bool,
    /// Whether the recipient clicked a link.
    pub clicked: bool,
    /// Whether the recipient unsubscribed.
    pub unsubscribed: bool,
    /// Whether the recipient reported the mail as spam.
    pub complained: bool,
}

/// Every stored message, in the order they were accepted, with an index by id.
#[derive(Debug, Default)]
pub(super) struct MessageStore {
    messages: Vec<StoredMessage>,
    by_id: HashMap<String, usize>,
}

impl MessageStore {
    /// Whether a message with this id exists.
    pub(super) fn contains(&self, message_id: &str) -> bool {
        self.by_id.contains_key(message_id)
    }

    /// Stores a message; its id must be new (the caller draws ids until one is).
    pub(super) fn insert(&mut self, message: StoredMessage) {
        self.by_id
            .insert(message.message_id.clone(), self.messages.len());
        self.messages.push(message);
    }

    /// The message with this id.
    pub(super) fn get(&self, message_id: &str) -> Option<&StoredMessage> {
        self.by_id
            .get(message_id)
            .and_then(|index| self.messages.get(*index))
    }

    /// Every message, oldest first.
    pub(super) fn all(&self) -> &[StoredMessage] {
        &self.messages
    }
}
