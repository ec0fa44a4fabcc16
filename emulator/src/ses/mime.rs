//! Rendering an accepted mail as a real MIME message with lettre: the HTML and text bodies as
//! `multipart/alternative`, attachments around them in `multipart/mixed`, and the headers SES
//! would set.
//!
//! `Bcc` recipients are kept out of the headers (they only travel in the SMTP envelope), as
//! every mail server does. When an unsubscribe link is asked for, a `List-Unsubscribe` header
//! points at the simulator domain: the emulator cannot host the real service's page.

use std::sync::Arc;
use std::time::{Duration, UNIX_EPOCH};

use lettre::Message;
use lettre::message::header::{ContentTransferEncoding, ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Body, Mailbox, MultiPart, SinglePart};

use super::address;
use super::compose::FileAttachment;
use super::simulate::SIMULATOR_DOMAIN;

/// Everything that goes into one rendered message.
#[derive(Debug, Clone)]
pub(super) struct Draft {
    /// The sender as requested (`FromEmailAddress`).
    pub(super) from: String,
    /// The sender's address alone: the envelope sender.
    pub(super) from_address: String,
    /// The display name shown in `From`: the request's alias or the sender's stored name.
    pub(super) from_name: Option<String>,
    /// A `From` header to show instead (`HeaderFrom`), in mailbox form.
    pub(super) header_from: Option<String>,
    /// `To` recipients.
    pub(super) to: Vec<String>,
    /// `Cc` recipients.
    pub(super) cc: Vec<String>,
    /// `Bcc` recipients.
    pub(super) bcc: Vec<String>,
    /// The `Reply-To` address.
    pub(super) reply_to: Option<String>,
    /// The final subject.
    pub(super) subject: String,
    /// The final HTML body.
    pub(super) html: Option<String>,
    /// The final text body.
    pub(super) text: Option<String>,
    /// Files to attach, shared between the mails of a batch.
    pub(super) attachments: Arc<Vec<FileAttachment>>,
    /// The `Message-ID` asked for (`SmtpMessageId`).
    pub(super) smtp_message_id: Option<String>,
    /// Extra headers (`SmtpHeaders`).
    pub(super) headers: Vec<(String, String)>,
    /// The unsubscribe-link language code, when a link is wanted.
    pub(super) unsubscribe: Option<String>,
    /// The template the body came from.
    pub(super) template_id: Option<u64>,
    /// The batch task sending the mail.
    pub(super) task_id: Option<u64>,
}

impl Draft {
    /// Every recipient, To then Cc then Bcc.
    pub(super) fn recipients(&self) -> impl Iterator<Item = &String> {
        self.to.iter().chain(&self.cc).chain(&self.bcc)
    }
}

/// A rendered message.
#[derive(Debug, Clone)]
pub(super) struct Rendered {
    /// The whole message as text.
    pub(super) eml: String,
    /// Its `Message-ID` header value, angle brackets included.
    pub(super) message_id: String,
}

/// A mailbox without display name; the address was checked when the request was read.
fn mailbox(text: &str) -> Result<Mailbox, String> {
    address::parse_address(text)
        .map(|address| Mailbox::new(None, address))
        .ok_or_else(|| format!("`{text}` is not a valid mail address"))
}

/// The `Message-ID` to use: the one asked for, in angle brackets, or a fresh one under the
/// sender's domain.
fn message_id(draft: &Draft) -> String {
    match &draft.smtp_message_id {
        Some(id) if id.starts_with('<') => id.clone(),
        Some(id) => format!("<{id}>"),
        None => {
            let mut rng = fastrand::Rng::new();
            let token: String = (0..32)
                .map(|_| char::from_digit(rng.u32(..16), 16).unwrap_or('0'))
                .collect();
            format!("<{token}@{}>", address::domain_of(&draft.from_address))
        }
    }
}

/// Renders `draft` as it would be sent at `now` (Unix seconds).
///
/// # Errors
/// A sentence when lettre refuses a value; the request checks make this unreachable in
/// practice, but a refusal is reported rather than assumed away.
pub(super) fn render(draft: &Draft, now: u64) -> Result<Rendered, String> {
    let from_address = address::parse_address(&draft.from_address)
        .ok_or_else(|| format!("`{}` is not a valid mail address", draft.from_address))?;
    let from = match &draft.header_from {
        Some(shown) => shown
            .parse::<Mailbox>()
            .map_err(|e| format!("HeaderFrom `{shown}`: {e}"))?,
        None => Mailbox::new(draft.from_name.clone(), from_address.clone()),
    };
    let id = message_id(draft);
    let mut builder = Message::builder()
        .from(from)
        .subject(draft.subject.clone())
        .date(UNIX_EPOCH + Duration::from_secs(now))
        .message_id(Some(id.clone()));
    for to in &draft.to {
        builder = builder.to(mailbox(to)?);
    }
    for cc in &draft.cc {
        builder = builder.cc(mailbox(cc)?);
    }
    for bcc in &draft.bcc {
        builder = builder.bcc(mailbox(bcc)?);
    }
    if let Some(reply_to) = &draft.reply_to {
        builder = builder.reply_to(mailbox(reply_to)?);
    }
    for (name, value) in &draft.headers {
        let name = HeaderName::new_from_ascii(name.clone())
            .map_err(|_| format!("`{name}` is not a valid header name"))?;
        builder = builder.raw_header(HeaderValue::new(name, value.clone()));
    }
    if let Some(language) = &draft.unsubscribe {
        let name = HeaderName::new_from_ascii_str("List-Unsubscribe");
        let token = id.trim_matches(['<', '>']);
        let link = format!("<https://unsubscribe.{SIMULATOR_DOMAIN}/?lang={language}&mid={token}>");
        builder = builder.raw_header(HeaderValue::new(name, link));
    }
    let recipients = draft
        .recipients()
        .map(|r| {
            address::parse_address(r).ok_or_else(|| format!("`{r}` is not a valid mail address"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let envelope = lettre::address::Envelope::new(Some(from_address), recipients)
        .map_err(|e| format!("the envelope cannot be built: {e}"))?;
    let message = body(builder.envelope(envelope), draft)?;
    Ok(Rendered {
        eml: String::from_utf8_lossy(&message.formatted()).into_owned(),
        message_id: id,
    })
}

/// The body: alternatives, wrapped with the attachments when there are any.
fn body(builder: lettre::message::MessageBuilder, draft: &Draft) -> Result<Message, String> {
    let built = if draft.attachments.is_empty() {
        match (&draft.text, &draft.html) {
            (Some(text), Some(html)) => builder.multipart(MultiPart::alternative_plain_html(
                text.clone(),
                html.clone(),
            )),
            (None, Some(html)) => builder.singlepart(SinglePart::html(html.clone())),
            (text, None) => builder.singlepart(SinglePart::plain(text.clone().unwrap_or_default())),
        }
    } else {
        let mut mixed = match (&draft.text, &draft.html) {
            (Some(text), Some(html)) => MultiPart::mixed().multipart(
                MultiPart::alternative_plain_html(text.clone(), html.clone()),
            ),
            (None, Some(html)) => MultiPart::mixed().singlepart(SinglePart::html(html.clone())),
            (text, None) => {
                MultiPart::mixed().singlepart(SinglePart::plain(text.clone().unwrap_or_default()))
            }
        };
        for file in draft.attachments.iter() {
            mixed = mixed.singlepart(attachment(file)?);
        }
        builder.multipart(mixed)
    };
    built.map_err(|e| format!("the message cannot be built: {e}"))
}

/// One attachment part, always base64: the only transfer encoding SES documents for
/// attachments (ses.md §10).
fn attachment(file: &FileAttachment) -> Result<SinglePart, String> {
    let content_type = ContentType::parse(file.content_type)
        .map_err(|e| format!("content type of {}: {e}", file.name))?;
    let body = Body::new_with_encoding(file.bytes.clone(), ContentTransferEncoding::Base64)
        .map_err(|_| format!("{} cannot be base64-encoded", file.name))?;
    Ok(Attachment::new(file.name.clone()).body(body, content_type))
}
