//! The parts of a sending request that can be checked without looking at the account: the
//! attachments, the direct (`Simple`) body, template data, extra headers and the subject.
//! `SendEmail` and `BatchSendEmail` share them.

use std::sync::Arc;

use serde_json::{Map, Value};
use tencentcloud_ses::attachment::check_file_name;
use tencentcloud_ses::body::decode_base64;
use tencentcloud_ses::checks::{CheckError, MAX_ATTACHMENTS_TOTAL_BYTES};
use tencentcloud_ses::error_codes::{
    self, failed_operation, invalid_parameter_value, missing_parameter,
};
use tencentcloud_ses::{Attachment, Simple};

use super::wire::error;
use crate::backend::ApiError;
use crate::redact::shown;

/// Longest subject accepted by `SendEmail`, in characters (ses.md §12: RFC 5322's line limit).
pub(super) const MAX_SUBJECT_CHARS: usize = 998;

/// The callback header whose value the webhook echoes (ses.md §9.3).
pub(super) const CALLBACK_HEADER: &str = "X-Tencentcloudses-Cb-Custom";

/// Headers the message structure depends on; `SmtpHeaders` may not set them.
const RESERVED_HEADERS: &[&str] = &[
    "from",
    "to",
    "cc",
    "bcc",
    "subject",
    "date",
    "message-id",
    "reply-to",
    "sender",
    "mime-version",
    "content-type",
    "content-transfer-encoding",
    "content-disposition",
];

/// A decoded attachment, ready to render.
#[derive(Debug, Clone)]
pub(super) struct FileAttachment {
    /// The file name as sent.
    pub(super) name: String,
    /// The MIME type chosen from the extension.
    pub(super) content_type: &'static str,
    /// The file's bytes.
    pub(super) bytes: Vec<u8>,
}

/// The MIME type for a file name, by extension; `application/octet-stream` when unknown.
pub(super) fn content_type_for(name: &str) -> &'static str {
    let extension = name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "pdf" => "application/pdf",
        "txt" => "text/plain",
        "csv" => "text/csv",
        "html" | "htm" | "shtml" => "text/html",
        "css" => "text/css",
        "xml" => "application/xml",
        "ics" => "text/calendar",
        "rtf" => "application/rtf",
        "gif" => "image/gif",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "bmp" => "image/bmp",
        "tif" | "tiff" => "image/tiff",
        "zip" => "application/zip",
        "tar" => "application/x-tar",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ppt" => "application/vnd.ms-powerpoint",
        "pptx" => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt" => "application/vnd.oasis.opendocument.text",
        "ods" => "application/vnd.oasis.opendocument.spreadsheet",
        "mp3" => "audio/mpeg",
        "m4a" => "audio/mp4",
        "eps" => "application/postscript",
        _ => "application/octet-stream",
    }
}

/// `ReplyToAddresses` as the sending actions use it: an empty or blank value means the same
/// as none. The documentation describes an empty Reply-To as a consequence (replies go
/// nowhere), not as an error, so it is not refused.
pub(super) fn reply_to(given: Option<String>) -> Option<String> {
    given.filter(|address| !address.trim().is_empty())
}

/// The SES code for a documented limit the request breaks; `SendEmail` and `BatchSendEmail`
/// both answer with it, so one fault gets one code whichever action carries it.
pub(super) fn limit_error(check: &CheckError) -> ApiError {
    let code = match check {
        CheckError::NoRecipients => invalid_parameter_value::EMAIL_ADDRESS_IS_NULL,
        // `BatchSendEmail` names the same fault `MissingParameter.SendParamNecessary`.
        CheckError::NoContent => failed_operation::MISSING_EMAIL_CONTENT,
        CheckError::TooManyDestination { .. }
        | CheckError::TooManyCc { .. }
        | CheckError::TooManyBcc { .. } => failed_operation::TOO_MANY_RECIPIENTS,
        CheckError::TooManyAttachments { .. } => failed_operation::TOO_MANY_ATTACHMENTS,
        CheckError::AttachmentNameTooLong { .. } | CheckError::AttachmentNameRefused { .. } => {
            failed_operation::INVALID_ATTACH_NAME
        }
        CheckError::AttachmentsTooLarge { .. } => failed_operation::ATTACH_CONTENT_TOOLARGE,
        CheckError::InvalidTemplateData { .. } => failed_operation::WRONG_CONTENT_JSON,
        CheckError::RequestTooLarge { .. } => failed_operation::EMAIL_CONTENT_TOOLARGE,
        CheckError::BatchSubjectLength { .. } => invalid_parameter_value::SUBJECT_LENGTH_ERROR,
        CheckError::MissingTimedParam => missing_parameter::TIMED_PARAM_NECESSARY,
        CheckError::MissingCycleParam => missing_parameter::CYCLE_PARAM_NECESSARY,
        _ => error_codes::INVALID_PARAMETER_VALUE,
    };
    error(code, check.to_string())
}

/// Checks and decodes the attachments: allowed names and types (ses.md §11), base64 content,
/// and at most 4 MiB of file data in all.
///
/// # Errors
/// `FailedOperation.InvalidAttachName`, `FailedOperation.FileURLNotExist`,
/// `InvalidParameterValue.AttachContentIsWrong` or `FailedOperation.AttachContentToolarge`,
/// naming the attachment.
pub(super) fn attachments(list: &[Attachment]) -> Result<Arc<Vec<FileAttachment>>, ApiError> {
    let mut files = Vec::with_capacity(list.len());
    let mut total = 0usize;
    for (index, attachment) in list.iter().enumerate() {
        let name = &attachment.file_name;
        check_file_name(name).map_err(|why| {
            error(
                failed_operation::INVALID_ATTACH_NAME,
                format!("Attachments.{index}: {why}"),
            )
        })?;
        let Some(content) = &attachment.content else {
            if attachment.file_url.is_some() {
                return Err(error(
                    failed_operation::FILE_URL_NOT_EXIST,
                    format!(
                        "Attachments.{index}: attachments by FileURL are not available; send Content"
                    ),
                ));
            }
            return Err(error(
                invalid_parameter_value::ATTACH_CONTENT_IS_WRONG,
                format!("Attachments.{index} ({}) has no Content", shown(name)),
            ));
        };
        let bytes = decode_base64(content).map_err(|_| {
            error(
                invalid_parameter_value::ATTACH_CONTENT_IS_WRONG,
                format!(
                    "Attachments.{index}.Content ({}) is not valid base64",
                    shown(name)
                ),
            )
        })?;
        total = total.saturating_add(bytes.len());
        if total > MAX_ATTACHMENTS_TOTAL_BYTES {
            return Err(error(
                failed_operation::ATTACH_CONTENT_TOOLARGE,
                format!(
                    "the attachments hold more than {MAX_ATTACHMENTS_TOTAL_BYTES} bytes in all (reached at {})",
                    shown(name)
                ),
            ));
        }
        files.push(FileAttachment {
            name: name.clone(),
            content_type: content_type_for(name),
            bytes,
        });
    }
    Ok(Arc::new(files))
}

/// Decodes a direct body: base64 HTML and/or text.
///
/// # Errors
/// `InvalidParameterValue.EmailContentIsWrong` for bad base64 or non-UTF-8 text;
/// `FailedOperation.MissingEmailContent` when both parts are empty.
pub(super) fn simple_body(simple: &Simple) -> Result<(Option<String>, Option<String>), ApiError> {
    let part = |label: &str, encoded: Option<&String>| -> Result<Option<String>, ApiError> {
        let Some(encoded) = encoded else {
            return Ok(None);
        };
        let text = decode_base64(encoded)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .ok_or_else(|| {
                error(
                    invalid_parameter_value::EMAIL_CONTENT_IS_WRONG,
                    format!("Simple.{label} is not base64 of UTF-8 text"),
                )
            })?;
        Ok(Some(text))
    };
    let html = part("Html", simple.html.as_ref())?;
    let text = part("Text", simple.text.as_ref())?;
    if html.as_deref().unwrap_or_default().is_empty()
        && text.as_deref().unwrap_or_default().is_empty()
    {
        return Err(error(
            failed_operation::MISSING_EMAIL_CONTENT,
            "Simple has neither an Html nor a Text body",
        ));
    }
    Ok((html, text))
}

/// Parses template data: a JSON object serialized into a string.
///
/// # Errors
/// `code` (which differs between actions) when the text is not a JSON object.
pub(super) fn template_data(
    text: &str,
    label: &str,
    code: &str,
) -> Result<Map<String, Value>, ApiError> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(error(
            code,
            format!("{label} must be a JSON object such as {{\"name\":\"value\"}}"),
        )),
        Err(e) => Err(error(code, format!("{label} is not valid JSON: {e}"))),
    }
}

/// Parses `SmtpHeaders`: a JSON object of header names to text values.
///
/// # Errors
/// `InvalidParameterValue` naming the header that cannot be used.
pub(super) fn smtp_headers(text: Option<&str>) -> Result<Vec<(String, String)>, ApiError> {
    let Some(text) = text else {
        return Ok(Vec::new());
    };
    let invalid = |why: String| {
        error(
            error_codes::INVALID_PARAMETER_VALUE,
            format!("SmtpHeaders: {why}"),
        )
    };
    let Ok(Value::Object(map)) = serde_json::from_str::<Value>(text) else {
        return Err(invalid(
            "must be a JSON object of header names to text values".to_owned(),
        ));
    };
    let mut headers = Vec::with_capacity(map.len());
    for (name, value) in map {
        let Value::String(value) = value else {
            return Err(invalid(format!(
                "the value of `{}` must be a string",
                shown(&name)
            )));
        };
        let name_ok = !name.is_empty() && name.bytes().all(|b| b.is_ascii_graphic() && b != b':');
        if !name_ok {
            return Err(invalid(format!(
                "`{}` is not a valid header name",
                shown(&name)
            )));
        }
        if RESERVED_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
            return Err(invalid(format!(
                "`{}` is set by the service and cannot be given",
                shown(&name)
            )));
        }
        if value.contains(['\r', '\n']) {
            return Err(invalid(format!(
                "the value of `{}` must be one line",
                shown(&name)
            )));
        }
        headers.push((name, value));
    }
    Ok(headers)
}

/// The value of the callback header among `headers`, if it is there.
pub(super) fn callback_value(headers: &[(String, String)]) -> Option<String> {
    headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(CALLBACK_HEADER))
        .map(|(_, value)| value.clone())
}

#[cfg(test)]
mod tests {
    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;

    use super::*;

    fn attachment(name: &str, content: Option<&str>) -> Attachment {
        Attachment {
            file_name: name.to_owned(),
            content: content.map(str::to_owned),
            file_url: None,
        }
    }

    #[test]
    fn attachments_are_decoded_with_a_type() {
        let files = attachments(&[attachment("report.PDF", Some("aGVs\nbG8="))]);
        let files = files.as_deref().map(Vec::as_slice);
        assert!(
            matches!(files, Ok([file]) if file.bytes == b"hello" && file.content_type == "application/pdf")
        );
    }

    #[test]
    fn bad_attachments_get_the_documented_codes() {
        let code = |list: &[Attachment]| attachments(list).err().map(|e| e.code);
        assert_eq!(
            code(&[attachment("run.exe", Some("AA=="))]).as_deref(),
            Some("FailedOperation.InvalidAttachName")
        );
        assert_eq!(
            code(&[attachment("a.txt", Some("***"))]).as_deref(),
            Some("InvalidParameterValue.AttachContentIsWrong")
        );
        let big = STANDARD.encode(vec![0u8; MAX_ATTACHMENTS_TOTAL_BYTES / 2 + 1]);
        let two = [
            attachment("a.txt", Some(&big)),
            attachment("b.txt", Some(&big)),
        ];
        assert_eq!(
            code(&two).as_deref(),
            Some("FailedOperation.AttachContentToolarge")
        );
    }

    #[test]
    fn smtp_headers_refuse_structural_names() {
        assert_eq!(
            smtp_headers(Some(r#"{"X-Campaign":"spring"}"#)).ok(),
            Some(vec![("X-Campaign".to_owned(), "spring".to_owned())])
        );
        assert!(smtp_headers(Some(r#"{"Subject":"x"}"#)).is_err());
        assert!(smtp_headers(Some(r#"{"X-A":"x\ny"}"#)).is_err());
        assert!(smtp_headers(Some("[1]")).is_err());
    }
}
