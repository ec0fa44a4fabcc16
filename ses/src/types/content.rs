//! What a mail or a template contains: template references, template bodies, raw bodies,
//! attachments, and the summary of a stored template.

use tencentcloud_core::model;

use crate::enums::TemplateStatus;

/// A template to send with, and the values of its variables.
///
/// Used by `SendEmail` and `BatchSendEmail`, and echoed back in `SendTaskData`.
#[model]
pub struct Template {
    /// Id of the template; it must have passed review. Wire name `TemplateID`.
    #[serde(rename = "TemplateID")]
    pub template_id: u64,
    /// The variables as one JSON object *serialized into a string*, e.g.
    /// `{"code":"1234"}`; each key fills the `{{key}}` placeholders of the template and the
    /// subject. `{}` means no variables. Values should be plain text, not HTML.
    pub template_data: String,
}

/// The body of a template: HTML, plain text, or both, each base64-encoded.
///
/// At least one of the two must be given when creating or updating a template. Placeholders are
/// written `{{name}}`.
#[model]
#[derive(Default)]
pub struct TemplateContent {
    /// Base64 of the HTML body. The HTML must not load external style sheets.
    pub html: Option<String>,
    /// Base64 of the plain-text body.
    pub text: Option<String>,
}

/// A mail body given directly instead of a template, each part base64-encoded.
///
/// Tencent treats this as legacy: only accounts that were granted "custom content" sending may
/// use it; everyone else must send templates.
#[model]
#[derive(Default)]
pub struct Simple {
    /// Base64 of the HTML body; it must be self-contained (no external style sheets).
    pub html: Option<String>,
    /// Base64 of the plain-text body: shown when there is no HTML, otherwise offered as the
    /// text alternative.
    pub text: Option<String>,
}

/// A file attached to a mail.
///
/// Limits: at most 10 attachments per mail, at most 4 MB of raw file data in total (base64
/// makes it about a third larger; the whole request must stay under 8 MB), and only the file
/// types on Tencent's allow-list.
#[model]
pub struct Attachment {
    /// File name with its extension, at most 255 characters, without spaces or any of
    /// `? \ * | " < > : /`. The extension decides whether the type is allowed.
    pub file_name: String,
    /// Base64 of the file's bytes. Optional on the wire only because `FileURL` is the other
    /// way to give the content; in practice it is needed.
    pub content: Option<String>,
    /// Where to fetch the file from instead of `Content`. Tencent documents this as not yet
    /// available. Wire name `FileURL`.
    #[serde(rename = "FileURL")]
    pub file_url: Option<String>,
}

/// The summary of one stored template, as `ListEmailTemplates` returns it.
#[model]
pub struct TemplatesMetadata {
    /// When the template was created, in Unix seconds.
    pub created_timestamp: u64,
    /// The template's name.
    pub template_name: String,
    /// Where the template stands in review.
    pub template_status: TemplateStatus,
    /// The template's id. Wire name `TemplateID`.
    #[serde(rename = "TemplateID")]
    pub template_id: u64,
    /// The reviewer's note, e.g. why the template was rejected.
    pub review_reason: String,
}
