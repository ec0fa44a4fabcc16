//! The mail the `send_email` example sends, as given on its command line, turned into a
//! checked `SendEmailRequest`.

use std::path::PathBuf;

use serde_json::Map;
use tencentcloud_ses::SendEmailRequest;
use tencentcloud_ses::attachment::AttachmentError;
use tencentcloud_ses::checks::{CheckError, validate_send_email};
use tencentcloud_ses::template_data::{TemplateDataError, check_template_data};
use tencentcloud_ses::types::{Attachment, Template};

/// One templated mail, as `send_email` takes it.
#[derive(Debug, Clone, Default)]
pub struct Message {
    /// The sender, `addr@domain` or `Name <addr@domain>`.
    pub from: String,
    /// The `To` recipients.
    pub to: Vec<String>,
    /// The subject.
    pub subject: String,
    /// The id of an approved template.
    pub template_id: u64,
    /// The template's variables as a JSON object; `None` means no variables.
    pub data: Option<String>,
    /// Files to attach.
    pub attachments: Vec<PathBuf>,
}

/// Why the mail cannot be sent as given; nothing was sent.
#[derive(Debug, thiserror::Error)]
pub enum MessageError {
    /// `--data` is not a JSON object.
    #[error("--data: {0}")]
    Data(#[from] TemplateDataError),
    /// An `--attach` file cannot be attached.
    #[error("--attach: {0}")]
    Attachment(#[from] AttachmentError),
    /// The mail breaks a documented SES limit.
    #[error("{0}")]
    Limit(#[from] CheckError),
}

impl Message {
    /// The `SendEmail` request for this mail: template data checked to be a JSON object,
    /// files read and base64-encoded, and the whole mail checked against SES's limits
    /// (recipients, attachment count and size).
    ///
    /// # Errors
    /// [`MessageError`] naming the option at fault or the limit broken.
    pub fn to_request(&self) -> Result<SendEmailRequest, MessageError> {
        let template = match &self.data {
            Some(text) => {
                check_template_data(text)?;
                Template {
                    template_id: self.template_id,
                    template_data: text.clone(),
                }
            }
            None => Template::with_data(self.template_id, &Map::new())?,
        };
        let attachments = self
            .attachments
            .iter()
            .map(Attachment::from_path)
            .collect::<Result<Vec<_>, _>>()?;
        let request = SendEmailRequest::builder()
            .from_email_address(self.from.as_str())
            .subject(self.subject.as_str())
            .destination(self.to.clone())
            .template(template)
            .maybe_attachments((!attachments.is_empty()).then_some(attachments))
            .build();
        validate_send_email(&request)?;
        Ok(request)
    }
}
