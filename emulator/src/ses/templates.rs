//! Templates: `CreateEmailTemplate`, `GetEmailTemplate`, `ListEmailTemplates`,
//! `UpdateEmailTemplate` and `DeleteEmailTemplate`, and the review that approves them.
//!
//! New and changed templates are approved at once, unless
//! [`SesOptions::hold_templates_for_review`] is set: then they wait, pending, for
//! [`SesBackend::review_template`]. Only approved templates can send.
//!
//! [`SesOptions::hold_templates_for_review`]: super::SesOptions::hold_templates_for_review
//! [`SesBackend::review_template`]: super::SesBackend::review_template

use tencentcloud_ses::body::decode_base64;
use tencentcloud_ses::enums::TemplateStatus;
use tencentcloud_ses::error_codes::{self, failed_operation, invalid_parameter_value};
use tencentcloud_ses::{
    CreateEmailTemplateRequest, CreateEmailTemplateResponse, DeleteEmailTemplateRequest,
    DeleteEmailTemplateResponse, GetEmailTemplateRequest, GetEmailTemplateResponse,
    ListEmailTemplatesRequest, ListEmailTemplatesResponse, TemplateContent, TemplatesMetadata,
    UpdateEmailTemplateRequest, UpdateEmailTemplateResponse,
};

use super::sending::Bodies;
use super::state::{Shared, State};
use super::wire::{Answer, check_limit, count, decode, error, page, respond};
use crate::backend::ApiError;

/// Longest template name accepted, in characters (the limit is undocumented; this is the
/// emulator's choice).
const MAX_NAME_CHARS: usize = 100;
/// Most decoded bytes of template content: the 1 MB body limit the SMTP guide states, since
/// the API's own limit is undocumented.
const MAX_CONTENT_BYTES: usize = 1024 * 1024;
/// What `ReviewReason` says about a template approved without a reviewer.
const AUTO_APPROVED: &str = "approved automatically by the emulator";

/// A stored template.
#[derive(Debug, Clone)]
pub(super) struct StoredTemplate {
    /// Its name.
    pub(super) name: String,
    /// The content exactly as given (base64), for `GetEmailTemplate`.
    pub(super) content: TemplateContent,
    /// The decoded HTML body.
    pub(super) html: Option<String>,
    /// The decoded text body.
    pub(super) text: Option<String>,
    /// Its review state.
    pub(super) status: TemplateStatus,
    /// The reviewer's note.
    pub(super) reason: String,
    /// When it was created, Unix seconds.
    pub(super) created: u64,
}

/// Decodes one base64 body into UTF-8 text (line-wrapped base64 is read as `Simple` bodies
/// are: one decoder for both).
fn decode_body(label: &str, encoded: Option<&String>) -> Result<Option<String>, ApiError> {
    let Some(encoded) = encoded else {
        return Ok(None);
    };
    let wrong = |why: &str| {
        error(
            invalid_parameter_value::TEMPLATE_CONTENT_IS_WRONG,
            format!("TemplateContent.{label} {why}"),
        )
    };
    let bytes = decode_base64(encoded).map_err(|_| wrong("is not valid base64"))?;
    let text = String::from_utf8(bytes).map_err(|_| wrong("does not decode to UTF-8 text"))?;
    Ok(Some(text))
}

/// Checks a name and content, and decodes the bodies.
fn check_template(
    name: &str,
    content: &TemplateContent,
    empty_name_code: &str,
) -> Result<(Option<String>, Option<String>), ApiError> {
    if name.trim().is_empty() {
        return Err(error(empty_name_code, "TemplateName is empty"));
    }
    if name.chars().count() > MAX_NAME_CHARS || name.chars().any(char::is_control) {
        return Err(error(
            invalid_parameter_value::TEMPLATE_NAME_ILLEGAL,
            format!(
                "TemplateName must be at most {MAX_NAME_CHARS} characters without control characters"
            ),
        ));
    }
    let html = decode_body("Html", content.html.as_ref())?;
    let text = decode_body("Text", content.text.as_ref())?;
    let size = html.as_ref().map_or(0, String::len) + text.as_ref().map_or(0, String::len);
    if size == 0 {
        return Err(error(
            invalid_parameter_value::TEMPLATE_CONTENT_IS_NULL,
            "TemplateContent needs a non-empty Html or Text body",
        ));
    }
    if size > MAX_CONTENT_BYTES {
        return Err(error(
            failed_operation::TEMPLATE_CONTENT_TOOLARGE,
            format!(
                "the template bodies hold {size} bytes; at most {MAX_CONTENT_BYTES} are accepted"
            ),
        ));
    }
    Ok((html, text))
}

/// The review state a new or changed template starts in, with its note.
fn initial_review(shared: &Shared) -> (TemplateStatus, String) {
    if shared.options.hold_templates_for_review {
        (TemplateStatus::PendingReview, String::new())
    } else {
        (TemplateStatus::Approved, AUTO_APPROVED.to_owned())
    }
}

/// `code` for a template `id` that does not exist: `InvalidParameterValue.TemplateNotExist`
/// when reading or updating, plain `InvalidParameterValue` when deleting, as each action
/// documents.
fn not_found(code: &str, id: u64) -> ApiError {
    error(code, format!("there is no template with TemplateID {id}"))
}

/// `CreateEmailTemplate`.
pub(super) fn create(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: CreateEmailTemplateRequest = decode(params)?;
    let (html, text) = check_template(
        &request.template_name,
        &request.template_content,
        invalid_parameter_value::TEMPLATE_NAME_ILLEGAL,
    )?;
    let (status, reason) = initial_review(shared);
    let created = shared.now();
    let mut state = shared.lock();
    let id = state.template_ids.next();
    state.templates.insert(
        id,
        StoredTemplate {
            name: request.template_name,
            content: request.template_content,
            html,
            text,
            status,
            reason,
            created,
        },
    );
    respond(&CreateEmailTemplateResponse {
        template_id: id,
        request_id: String::new(),
    })
}

/// `GetEmailTemplate`.
pub(super) fn get(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: GetEmailTemplateRequest = decode(params)?;
    let state = shared.lock();
    let template = state.templates.get(&request.template_id).ok_or_else(|| {
        not_found(
            invalid_parameter_value::TEMPLATE_NOT_EXIST,
            request.template_id,
        )
    })?;
    respond(&GetEmailTemplateResponse {
        template_content: template.content.clone(),
        template_status: template.status,
        template_name: template.name.clone(),
        request_id: String::new(),
    })
}

/// `ListEmailTemplates`, oldest first.
pub(super) fn list(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: ListEmailTemplatesRequest = decode(params)?;
    check_limit(request.limit)?;
    let state = shared.lock();
    let all = state
        .templates
        .iter()
        .map(|(id, template)| TemplatesMetadata {
            created_timestamp: template.created,
            template_name: template.name.clone(),
            template_status: template.status,
            template_id: *id,
            review_reason: template.reason.clone(),
        });
    respond(&ListEmailTemplatesResponse {
        templates_metadata: page(all, request.offset, request.limit),
        total_count: count(state.templates.len()),
        request_id: String::new(),
    })
}

/// `UpdateEmailTemplate`: new name and content, and back into review.
pub(super) fn update(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: UpdateEmailTemplateRequest = decode(params)?;
    let (html, text) = check_template(
        &request.template_name,
        &request.template_content,
        invalid_parameter_value::TEMPLATE_NAME_IS_NULL,
    )?;
    let (status, reason) = initial_review(shared);
    let mut state = shared.lock();
    let template = state
        .templates
        .get_mut(&request.template_id)
        .ok_or_else(|| {
            not_found(
                invalid_parameter_value::TEMPLATE_NOT_EXIST,
                request.template_id,
            )
        })?;
    template.name = request.template_name;
    template.content = request.template_content;
    template.html = html;
    template.text = text;
    template.status = status;
    template.reason = reason;
    respond(&UpdateEmailTemplateResponse {
        request_id: String::new(),
    })
}

/// `DeleteEmailTemplate`.
pub(super) fn delete(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: DeleteEmailTemplateRequest = decode(params)?;
    let mut state = shared.lock();
    state
        .templates
        .remove(&request.template_id)
        .ok_or_else(|| not_found(error_codes::INVALID_PARAMETER_VALUE, request.template_id))?;
    respond(&DeleteEmailTemplateResponse {
        request_id: String::new(),
    })
}

/// The body of an approved template, or why it cannot be used.
pub(super) fn approved_template(state: &State, id: u64) -> Result<Bodies, String> {
    let template = state
        .templates
        .get(&id)
        .ok_or_else(|| format!("there is no template with TemplateID {id}"))?;
    if template.status != TemplateStatus::Approved {
        return Err(format!(
            "template {id} has not been approved (status {})",
            template.status
        ));
    }
    Ok(Bodies {
        html: template.html.clone(),
        text: template.text.clone(),
    })
}

/// Approves or rejects a template, as a reviewer would.
///
/// # Errors
/// A sentence when no template has this id.
pub(super) fn review(shared: &Shared, id: u64, approve: bool) -> Result<(), String> {
    let mut state = shared.lock();
    let template = state
        .templates
        .get_mut(&id)
        .ok_or_else(|| format!("there is no template with id {id}"))?;
    if approve {
        template.status = TemplateStatus::Approved;
        "approved by review".clone_into(&mut template.reason);
    } else {
        template.status = TemplateStatus::Rejected;
        "rejected by review".clone_into(&mut template.reason);
    }
    Ok(())
}
