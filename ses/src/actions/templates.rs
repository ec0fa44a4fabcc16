//! Templates: create, read, list, change and delete the reviewed mail bodies that sending uses.

use tencentcloud_core::{action, model};

use crate::Ses;
use crate::enums::TemplateStatus;
use crate::types::{TemplateContent, TemplatesMetadata};

/// Creates a template from an HTML and/or text body. It can only send once it has passed
/// review, which takes up to one business day.
#[action(service = Ses, response = CreateEmailTemplateResponse)]
pub struct CreateEmailTemplateRequest {
    /// A name for the template.
    pub template_name: String,
    /// The body; at least one of HTML and text, each base64-encoded, placeholders written
    /// `{{name}}`.
    pub template_content: TemplateContent,
}

/// What `CreateEmailTemplate` returns.
#[model]
pub struct CreateEmailTemplateResponse {
    /// The new template's id; the template starts out pending review. Wire name `TemplateID`.
    #[serde(rename = "TemplateID")]
    pub template_id: u64,
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Deletes a template.
#[action(service = Ses, response = DeleteEmailTemplateResponse)]
pub struct DeleteEmailTemplateRequest {
    /// The template to delete. Wire name `TemplateID`.
    #[serde(rename = "TemplateID")]
    pub template_id: u64,
}

/// What `DeleteEmailTemplate` returns.
#[model]
pub struct DeleteEmailTemplateResponse {
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Reads one template: its body, name and review state.
#[action(service = Ses, response = GetEmailTemplateResponse)]
pub struct GetEmailTemplateRequest {
    /// The template to read. Wire name `TemplateID`.
    #[serde(rename = "TemplateID")]
    pub template_id: u64,
}

/// What `GetEmailTemplate` returns.
#[model]
pub struct GetEmailTemplateResponse {
    /// The body, base64-encoded HTML and/or text.
    pub template_content: TemplateContent,
    /// Where the template stands in review. (The schema types this field `uint64` here and
    /// `int64` in `TemplatesMetadata`; one signed enum serves both.)
    pub template_status: TemplateStatus,
    /// The template's name.
    pub template_name: String,
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Lists the account's templates, one page at a time.
#[action(service = Ses, response = ListEmailTemplatesResponse)]
pub struct ListEmailTemplatesRequest {
    /// Page size; at most 100.
    pub limit: u64,
    /// How many templates to skip.
    pub offset: u64,
}

/// What `ListEmailTemplates` returns.
#[model]
pub struct ListEmailTemplatesResponse {
    /// The templates of this page.
    pub templates_metadata: Vec<TemplatesMetadata>,
    /// How many templates there are in all.
    pub total_count: u64,
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Replaces a template's name and body; the template goes back into review.
#[action(service = Ses, response = UpdateEmailTemplateResponse)]
pub struct UpdateEmailTemplateRequest {
    /// The new body, base64-encoded HTML and/or text.
    pub template_content: TemplateContent,
    /// The template to change. Wire name `TemplateID`.
    #[serde(rename = "TemplateID")]
    pub template_id: u64,
    /// The new name.
    pub template_name: String,
}

/// What `UpdateEmailTemplate` returns.
#[model]
pub struct UpdateEmailTemplateResponse {
    /// The id of this call, for support requests.
    pub request_id: String,
}
