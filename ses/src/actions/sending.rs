//! Sending one mail and asking what became of it.

use tencentcloud_core::{action, model};

use crate::Ses;
use crate::enums::{TriggerType, UnsubscribeLanguage};
use crate::types::{Attachment, SendEmailStatus, Simple, Template};

/// Sends one mail, normally from an approved template, to up to 50 `To`, 20 `Cc` and 20 `Bcc`
/// recipients.
///
/// Success means the mail was accepted, not delivered: `GetSendEmailStatus` and the webhook
/// events report delivery. Sending the same request twice sends the mail twice, so the client
/// never retries it once it may have reached the server.
///
/// ```
/// use tencentcloud_ses::{SendEmailRequest, Template};
///
/// let request = SendEmailRequest::builder()
///     .from_email_address("Example <noreply@mail.example.com>")
///     .subject("Your sign-in code")
///     .destination(vec!["user@example.com".to_owned()])
///     .template(Template { template_id: 100_091, template_data: r#"{"code":"1234"}"#.into() })
///     .build();
/// assert_eq!(request.destination.as_deref(), Some(&["user@example.com".to_owned()][..]));
/// ```
#[action(service = Ses, response = SendEmailResponse, builder = true)]
pub struct SendEmailRequest {
    /// The sender: `addr@domain` or `Display Name <addr@domain>`; the address must be a
    /// sender address of a verified domain.
    pub from_email_address: String,
    /// The subject; with a template it may hold `{{name}}` placeholders.
    pub subject: String,
    /// `To` recipients, at most 50. At least one recipient in `To`, `Cc` or `Bcc` is needed.
    ///
    /// Every `To` recipient sees all the others: to reach many people who should not see each
    /// other, send one `SendEmail` per recipient, or use `BatchSendEmail` with a recipient list.
    pub destination: Option<Vec<String>>,
    /// The single address replies go to (one address despite the plural name); without it
    /// replies fail.
    pub reply_to_addresses: Option<String>,
    /// `Cc` recipients, at most 20.
    pub cc: Option<Vec<String>>,
    /// `Bcc` recipients, at most 20, none of them also in `To`.
    pub bcc: Option<Vec<String>>,
    /// The template and its variables: the normal way to give the content.
    pub template: Option<Template>,
    /// A body given directly; legacy, only for accounts allowed to send custom content.
    pub simple: Option<Simple>,
    /// Files to attach: at most 10, 4 MB of raw data in total, allowed types only.
    pub attachments: Option<Vec<Attachment>>,
    /// Whether to add an unsubscribe link, and in which language.
    pub unsubscribe: Option<UnsubscribeLanguage>,
    /// Bulk (default) or triggered channel.
    pub trigger_type: Option<TriggerType>,
    /// The `Message-Id` header to give the mail, e.g. `<id@example.com>`.
    pub smtp_message_id: Option<String>,
    /// Extra mail headers as one JSON object serialized into a string, e.g.
    /// `{"X-Campaign":"spring"}`. Which headers are allowed is not documented.
    pub smtp_headers: Option<String>,
    /// The `From` header to show, when it should differ from `FromEmailAddress`; its domain
    /// should be the same.
    pub header_from: Option<String>,
}

/// What `SendEmail` returns.
#[model]
pub struct SendEmailResponse {
    /// The id of the accepted mail, for `GetSendEmailStatus`; webhook events carry it as
    /// `bulkId`.
    pub message_id: String,
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Reads the send and delivery status of mails sent on one day (kept for 30 days), one
/// entry per (message, recipient).
#[action(service = Ses, response = GetSendEmailStatusResponse)]
pub struct GetSendEmailStatusRequest {
    /// The day the mails were sent, `YYYY-MM-DD`; a single day, not a range.
    pub request_date: String,
    /// How many entries to skip.
    pub offset: u64,
    /// Page size; at most 100.
    pub limit: u64,
    /// Only this mail (the id `SendEmail` returned).
    pub message_id: Option<String>,
    /// Only this recipient.
    pub to_email_address: Option<String>,
}

/// What `GetSendEmailStatus` returns.
#[model]
pub struct GetSendEmailStatusResponse {
    /// One entry per matching (message, recipient).
    pub email_status_list: Vec<SendEmailStatus>,
    /// The id of this call, for support requests.
    pub request_id: String,
}
