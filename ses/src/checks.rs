//! Checks of SES's documented limits, run before a `SendEmail` or `BatchSendEmail` is sent.
//!
//! SES refuses a request over one of these limits only after it has travelled, and some
//! refusals (a request over 8 MB) come back as vague transport errors. Checking here gives an
//! error that names the limit and the actual figure, and nothing is sent. The limits are those
//! of ses.md §4 (`SendEmail`), §11 (attachments) and §12.
//!
//! [`crate::Client`] runs [`check_send_email`] and [`check_batch_send_email`] itself; call
//! [`validate_send_email`] or [`validate_batch_send_email`] to get a [`CheckError`] to match on.

mod size_bound;

use std::io;

use serde::Serialize;

use crate::attachment::{MAX_FILE_NAME_CHARS, check_file_name};
use crate::enums::TaskType;
use crate::template_data::{TemplateDataError, check_template_data};
use crate::types::{Attachment, Simple, Template};
use crate::{BatchSendEmailRequest, SendEmailRequest};

/// Most `Destination` (To) addresses of one `SendEmail`.
pub const MAX_DESTINATION: usize = 50;
/// Most `Cc` addresses of one `SendEmail`.
pub const MAX_CC: usize = 20;
/// Most `Bcc` addresses of one `SendEmail`.
pub const MAX_BCC: usize = 20;
/// Most attachments of one mail (`FailedOperation.TooManyAttachments`).
pub const MAX_ATTACHMENTS: usize = 10;
/// Most bytes all attachments of one mail may hold together, before base64 (4 MiB). Base64
/// adds a third, and the whole request must stay within [`MAX_REQUEST_BYTES`].
pub const MAX_ATTACHMENTS_TOTAL_BYTES: usize = 4 * 1024 * 1024;
/// Most bytes of JSON the whole request may take (8 MiB), as the SES documentation states.
pub const MAX_REQUEST_BYTES: usize = 8 * 1024 * 1024;
/// Most characters of an attachment file name.
pub const MAX_ATTACHMENT_NAME_CHARS: usize = MAX_FILE_NAME_CHARS;
/// Most characters of a batch task's subject, which must not be empty either
/// (`InvalidParameterValue.SubjectLengthError`).
pub const MAX_BATCH_SUBJECT_CHARS: usize = 100;

/// A documented limit that a request breaks; nothing was sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CheckError {
    /// `Destination`, `Cc` and `Bcc` are all empty.
    #[error("the mail has no recipient: set at least one address in Destination, Cc or Bcc")]
    NoRecipients,
    /// Neither `Template` nor `Simple` is set (`FailedOperation.MissingEmailContent`).
    #[error("the mail has no content: set Template (or Simple, where the account may use it)")]
    NoContent,
    /// Too many `Destination` addresses.
    #[error("Destination has {count} addresses; SES allows at most {limit}")]
    TooManyDestination {
        /// How many there are.
        count: usize,
        /// The limit, [`MAX_DESTINATION`].
        limit: usize,
    },
    /// Too many `Cc` addresses.
    #[error("Cc has {count} addresses; SES allows at most {limit}")]
    TooManyCc {
        /// How many there are.
        count: usize,
        /// The limit, [`MAX_CC`].
        limit: usize,
    },
    /// Too many `Bcc` addresses.
    #[error("Bcc has {count} addresses; SES allows at most {limit}")]
    TooManyBcc {
        /// How many there are.
        count: usize,
        /// The limit, [`MAX_BCC`].
        limit: usize,
    },
    /// Too many attachments.
    #[error("the mail has {count} attachments; SES allows at most {limit}")]
    TooManyAttachments {
        /// How many there are.
        count: usize,
        /// The limit, [`MAX_ATTACHMENTS`].
        limit: usize,
    },
    /// An attachment's file name is too long.
    #[error("attachment {index} has a file name of {chars} characters; SES allows at most {limit}")]
    AttachmentNameTooLong {
        /// The zero-based position of the attachment.
        index: usize,
        /// The length of its name, in characters.
        chars: usize,
        /// The limit, [`MAX_ATTACHMENT_NAME_CHARS`].
        limit: usize,
    },
    /// An attachment's file name is empty, has a type SES does not accept, or holds a character
    /// it refuses ([`check_file_name`]).
    #[error("attachment {index}: {reason}")]
    AttachmentNameRefused {
        /// The zero-based position of the attachment.
        index: usize,
        /// Its file name, as given.
        file_name: String,
        /// Which rule the name breaks, naming the file.
        reason: String,
    },
    /// The attachments hold too many bytes together.
    #[error(
        "the attachments hold {bytes} bytes before base64; SES allows at most {limit} in total"
    )]
    AttachmentsTooLarge {
        /// Their total size, before base64.
        bytes: u64,
        /// The limit, [`MAX_ATTACHMENTS_TOTAL_BYTES`].
        limit: usize,
    },
    /// The template data is not a JSON object.
    #[error("Template.TemplateData is not usable: {error}")]
    InvalidTemplateData {
        /// What is wrong with it.
        error: TemplateDataError,
    },
    /// The whole request is too large.
    #[error("the request is {bytes} bytes of JSON; SES accepts at most {limit}")]
    RequestTooLarge {
        /// Its size as JSON.
        bytes: u64,
        /// The limit, [`MAX_REQUEST_BYTES`].
        limit: usize,
    },
    /// The request cannot be written as JSON at all.
    #[error("the request cannot be serialized to JSON: {detail}")]
    Unserializable {
        /// What the serializer objected to.
        detail: String,
    },
    /// A batch task's subject is empty or too long.
    #[error("the subject has {chars} characters; a batch task's must have 1 to {limit}")]
    BatchSubjectLength {
        /// How many characters it has.
        chars: usize,
        /// The limit, [`MAX_BATCH_SUBJECT_CHARS`].
        limit: usize,
    },
    /// A scheduled batch task (`TaskType` 2) without `TimedParam`
    /// (`MissingParameter.TimedParamNecessary`).
    #[error("a scheduled batch task (TaskType 2) needs TimedParam, the time to send at")]
    MissingTimedParam,
    /// A recurring batch task (`TaskType` 3) without `CycleParam`
    /// (`MissingParameter.CycleParamNecessary`).
    #[error("a recurring batch task (TaskType 3) needs CycleParam, its start and interval")]
    MissingCycleParam,
}

impl From<CheckError> for tencentcloud_core::Error {
    fn from(error: CheckError) -> tencentcloud_core::Error {
        // Kept as the source, so callers can still downcast to the precise rule.
        tencentcloud_core::Error::invalid_request_from(error)
    }
}

/// A mail needs a template or a body of its own.
fn check_content(template: Option<&Template>, simple: Option<&Simple>) -> Result<(), CheckError> {
    if template.is_none() && simple.is_none() {
        return Err(CheckError::NoContent);
    }
    Ok(())
}

/// Checks a `SendEmail` request against SES's documented limits; what the client runs before
/// sending.
///
/// # Errors
/// An invalid-request [`tencentcloud_core::Error`] whose source is the [`CheckError`] of the
/// first limit broken.
pub fn check_send_email(request: &SendEmailRequest) -> Result<(), tencentcloud_core::Error> {
    validate_send_email(request).map_err(Into::into)
}

/// Checks a `BatchSendEmail` request against SES's documented limits; what the client runs
/// before sending.
///
/// # Errors
/// An invalid-request [`tencentcloud_core::Error`] whose source is the [`CheckError`] of the
/// first limit broken.
pub fn check_batch_send_email(
    request: &BatchSendEmailRequest,
) -> Result<(), tencentcloud_core::Error> {
    validate_batch_send_email(request).map_err(Into::into)
}

/// Checks a `SendEmail` request: recipients (at least one; at most [`MAX_DESTINATION`] To,
/// [`MAX_CC`] Cc, [`MAX_BCC`] Bcc), content (a template or a body), attachments (count, file
/// names and types, total size), template data and total size.
///
/// # Errors
/// The [`CheckError`] of the first limit broken, in that order.
pub fn validate_send_email(request: &SendEmailRequest) -> Result<(), CheckError> {
    let destination = request.destination.as_deref().unwrap_or_default();
    let cc = request.cc.as_deref().unwrap_or_default();
    let bcc = request.bcc.as_deref().unwrap_or_default();
    check_recipients(destination, cc, bcc)?;
    check_content(request.template.as_ref(), request.simple.as_ref())?;
    check_attachments(request.attachments.as_deref().unwrap_or_default())?;
    check_template(request.template.as_ref())?;
    // Writing the JSON out only to count it is the costliest check; a bound from the texts'
    // lengths settles nearly every mail without it.
    if size_bound::json_size_bound(request) <= MAX_REQUEST_BYTES as u64 {
        return Ok(());
    }
    check_request_size(request)
}

/// Checks a `BatchSendEmail` request: the subject's length, the schedule its task type needs,
/// content (a template or a body), attachments (count, file names and types, total size), template data and total size (its
/// recipients come from a recipient list, not from the request).
///
/// # Errors
/// The [`CheckError`] of the first limit broken, in that order.
pub fn validate_batch_send_email(request: &BatchSendEmailRequest) -> Result<(), CheckError> {
    let chars = request.subject.chars().count();
    if chars == 0 || chars > MAX_BATCH_SUBJECT_CHARS {
        return Err(CheckError::BatchSubjectLength {
            chars,
            limit: MAX_BATCH_SUBJECT_CHARS,
        });
    }
    // Through the wire value: `TaskType::Other(2)` is a scheduled task too.
    match TaskType::from_value(request.task_type.value()) {
        TaskType::Scheduled if request.timed_param.is_none() => {
            return Err(CheckError::MissingTimedParam);
        }
        TaskType::Recurring if request.cycle_param.is_none() => {
            return Err(CheckError::MissingCycleParam);
        }
        _ => {}
    }
    check_content(request.template.as_ref(), request.simple.as_ref())?;
    check_attachments(request.attachments.as_deref().unwrap_or_default())?;
    check_template(request.template.as_ref())?;
    check_request_size(request)
}

fn check_recipients(
    destination: &[String],
    cc: &[String],
    bcc: &[String],
) -> Result<(), CheckError> {
    if destination.is_empty() && cc.is_empty() && bcc.is_empty() {
        return Err(CheckError::NoRecipients);
    }
    if destination.len() > MAX_DESTINATION {
        return Err(CheckError::TooManyDestination {
            count: destination.len(),
            limit: MAX_DESTINATION,
        });
    }
    if cc.len() > MAX_CC {
        return Err(CheckError::TooManyCc {
            count: cc.len(),
            limit: MAX_CC,
        });
    }
    if bcc.len() > MAX_BCC {
        return Err(CheckError::TooManyBcc {
            count: bcc.len(),
            limit: MAX_BCC,
        });
    }
    Ok(())
}

fn check_attachments(attachments: &[Attachment]) -> Result<(), CheckError> {
    if attachments.len() > MAX_ATTACHMENTS {
        return Err(CheckError::TooManyAttachments {
            count: attachments.len(),
            limit: MAX_ATTACHMENTS,
        });
    }
    for (index, attachment) in attachments.iter().enumerate() {
        let chars = attachment.file_name.chars().count();
        if chars > MAX_ATTACHMENT_NAME_CHARS {
            return Err(CheckError::AttachmentNameTooLong {
                index,
                chars,
                limit: MAX_ATTACHMENT_NAME_CHARS,
            });
        }
        // The type and character rules too: SES would refuse the name after a round trip.
        check_file_name(&attachment.file_name).map_err(|error| {
            CheckError::AttachmentNameRefused {
                index,
                file_name: attachment.file_name.clone(),
                reason: error.to_string(),
            }
        })?;
    }
    let bytes: u64 = attachments
        .iter()
        .map(|a| a.content.as_deref().map_or(0, decoded_len))
        .sum();
    if bytes > MAX_ATTACHMENTS_TOTAL_BYTES as u64 {
        return Err(CheckError::AttachmentsTooLarge {
            bytes,
            limit: MAX_ATTACHMENTS_TOTAL_BYTES,
        });
    }
    Ok(())
}

/// The number of bytes `base64` decodes to, counted without decoding: every four symbols carry
/// three bytes, and padding and line breaks carry none. Exact for valid base64; whether the
/// content *is* valid base64 is left to SES (`InvalidParameterValue.AttachContentIsWrong`), since
/// the accepted variants are not documented.
fn decoded_len(base64: &str) -> u64 {
    let symbols = base64
        .bytes()
        .filter(|byte| *byte != b'=' && !byte.is_ascii_whitespace())
        .count() as u64;
    symbols * 3 / 4
}

fn check_template(template: Option<&Template>) -> Result<(), CheckError> {
    match template {
        Some(template) => check_template_data(&template.template_data)
            .map_err(|error| CheckError::InvalidTemplateData { error }),
        None => Ok(()),
    }
}

/// Counts the bytes of `request`'s JSON without keeping them.
fn check_request_size<T: Serialize>(request: &T) -> Result<(), CheckError> {
    let mut counter = ByteCounter(0);
    serde_json::to_writer(&mut counter, request).map_err(|error| CheckError::Unserializable {
        detail: error.to_string(),
    })?;
    if counter.0 > MAX_REQUEST_BYTES as u64 {
        return Err(CheckError::RequestTooLarge {
            bytes: counter.0,
            limit: MAX_REQUEST_BYTES,
        });
    }
    Ok(())
}

/// A writer that only counts what passes through it.
struct ByteCounter(u64);

impl io::Write for ByteCounter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
