//! `SendEmail`: every check the real service makes, then rendering, storing and outputs.
//!
//! The request is checked in steps so the lock is held briefly: first what the request alone
//! decides (limits, addresses, attachments, headers); then, locked, what the account decides
//! (the sender and its domain, the template and its review, blocklists, unsubscribes, the daily
//! quota); then, unlocked, the template is filled in and the MIME message rendered; finally, in
//! one critical section, the account checks are made again and the message is stored, so no
//! change that answered in between is missed. Success is only answered after storing, so every
//! `MessageId` returned can be read back.

use std::sync::Arc;

use lettre::message::Mailbox;
use serde_json::{Map, Value};
use tencentcloud_ses::checks;
use tencentcloud_ses::enums::{TriggerType, UnsubscribeLanguage};
use tencentcloud_ses::error_codes::{self, failed_operation, invalid_parameter_value};
use tencentcloud_ses::{SendEmailRequest, SendEmailResponse};

use super::address::{self, SenderSpec};
use super::compose::{self, MAX_SUBJECT_CHARS, limit_error};
use super::identities::DAILY_QUOTA;
use super::mime::{self, Draft, Rendered};
use super::render::{self, FillError};
use super::simulate;
use super::state::{Shared, State};
use super::templates::approved_template;
use super::time;
use super::wire::{Answer, count, decode, error, respond};
use crate::backend::ApiError;
use crate::redact::shown;

/// The bodies a mail is made from, before template variables are filled in.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Bodies {
    pub(super) html: Option<String>,
    pub(super) text: Option<String>,
}

/// The longest body filling in may produce: the largest request SES takes. A template is at
/// most 1 MiB, but one variable used many times with a long value can multiply it.
const MAX_FILLED_BODY_BYTES: usize = checks::MAX_REQUEST_BYTES;

/// Fills a subject and bodies in from template data; without data they are used as given.
///
/// # Errors
/// `InvalidParameterValue.TemplateNotMatchData` for a variable without a value,
/// `InvalidParameterValue.TemplateDataError` for a value that is not text, and for what the
/// data makes too long: `InvalidParameterValue` for a subject over [`MAX_SUBJECT_CHARS`]
/// characters, `FailedOperation.EmailContentToolarge` for a body over
/// [`MAX_FILLED_BODY_BYTES`] bytes.
pub(super) fn fill(
    subject: &str,
    bodies: &Bodies,
    data: Option<&Map<String, Value>>,
) -> Result<(String, Bodies), ApiError> {
    let Some(data) = data else {
        return Ok((subject.to_owned(), bodies.clone()));
    };
    let body = |what: &str, text: &str| {
        render::fill(text, data, MAX_FILLED_BODY_BYTES).map_err(|why| fill_error(what, why))
    };
    let filled = Bodies {
        html: (bodies.html.as_deref())
            .map(|html| body("HTML body", html))
            .transpose()?,
        text: (bodies.text.as_deref())
            .map(|text| body("text body", text))
            .transpose()?,
    };
    // Bounded in bytes while filling (a character takes at most four), then counted exactly.
    let subject = match render::fill(subject, data, 4 * MAX_SUBJECT_CHARS) {
        Ok(subject) if subject.chars().count() <= MAX_SUBJECT_CHARS => subject,
        Ok(_) | Err(FillError::TooLong(_)) => {
            return Err(error(
                error_codes::INVALID_PARAMETER_VALUE,
                format!(
                    "the Subject filled in from TemplateData has more than {MAX_SUBJECT_CHARS} characters"
                ),
            ));
        }
        Err(why) => return Err(fill_error("Subject", why)),
    };
    Ok((subject, filled))
}

/// The answer to template data that cannot fill `what` in.
fn fill_error(what: &str, why: FillError) -> ApiError {
    match why {
        FillError::Missing(name) => error(
            invalid_parameter_value::TEMPLATE_NOT_MATCH_DATA,
            format!(
                "the template uses {{{{{}}}}} but TemplateData gives no `{0}`",
                shown(&name)
            ),
        ),
        FillError::NotText(name) => error(
            invalid_parameter_value::TEMPLATE_DATA_ERROR,
            format!(
                "the value of `{}` in TemplateData must be text or a number",
                shown(&name)
            ),
        ),
        FillError::TooLong(limit) => error(
            failed_operation::EMAIL_CONTENT_TOOLARGE,
            format!("the {what} filled in from TemplateData is longer than {limit} bytes"),
        ),
    }
}

/// What the request alone decides, checked.
struct Checked {
    sender: SenderSpec,
    attachments: Arc<Vec<compose::FileAttachment>>,
    headers: Vec<(String, String)>,
    data: Option<Map<String, Value>>,
    simple: Option<Bodies>,
}

/// Checks one recipient address.
fn check_recipient(field: &str, address: &str) -> Result<(), ApiError> {
    if address.is_empty() {
        return Err(error(
            invalid_parameter_value::EMAIL_ADDRESS_IS_NULL,
            format!("{field} holds an empty address"),
        ));
    }
    if !address::is_address(address) {
        return Err(error(
            failed_operation::INCORRECT_EMAIL,
            format!(
                "`{}` in {field} is not a valid mail address",
                shown(address)
            ),
        ));
    }
    Ok(())
}

/// The checks that need nothing but the request.
fn check_request(request: &SendEmailRequest) -> Result<Checked, ApiError> {
    checks::validate_send_email(request).map_err(|e| limit_error(&e))?;
    // SES names an empty sender or recipient with one code; a malformed one is another.
    if request.from_email_address.trim().is_empty() {
        return Err(error(
            invalid_parameter_value::EMAIL_ADDRESS_IS_NULL,
            "FromEmailAddress is empty",
        ));
    }
    let sender = address::parse_sender(&request.from_email_address)
        .map_err(|why| error(failed_operation::INCORRECT_SENDER, why))?;
    let invalid = |why: String| error(error_codes::INVALID_PARAMETER_VALUE, why);
    for (field, list) in [
        ("Destination", &request.destination),
        ("Cc", &request.cc),
        ("Bcc", &request.bcc),
    ] {
        for address in list.iter().flatten() {
            check_recipient(field, address)?;
        }
    }
    let to: Vec<String> = request
        .destination
        .iter()
        .flatten()
        .map(|a| address::key(a))
        .collect();
    if let Some(both) = request
        .bcc
        .iter()
        .flatten()
        .find(|a| to.contains(&address::key(a)))
    {
        return Err(invalid(format!(
            "`{}` is in both Destination and Bcc",
            shown(both)
        )));
    }
    if let Some(reply_to) = &request.reply_to_addresses {
        check_recipient("ReplyToAddresses", reply_to)?;
    }
    let subject_chars = request.subject.chars().count();
    if request.subject.trim().is_empty() {
        return Err(invalid("Subject is blank; a mail needs one".to_owned()));
    }
    if subject_chars > MAX_SUBJECT_CHARS {
        return Err(invalid(format!(
            "Subject has {subject_chars} characters; at most {MAX_SUBJECT_CHARS} are allowed"
        )));
    }
    // The trigger type only picks a delivery channel, and every channel delivers at once here;
    // it is checked, not used.
    if let Some(trigger) = request.trigger_type.filter(|t: &TriggerType| !t.is_known()) {
        return Err(invalid(format!("TriggerType {trigger} is not 0 or 1")));
    }
    if let Some(language) = request.unsubscribe.as_ref().filter(|l| !l.is_known()) {
        return Err(invalid(format!(
            "Unsubscribe `{}` is not one of \"0\" to \"12\"",
            shown(language.as_str())
        )));
    }
    if let Some(header_from) = &request.header_from {
        let mailbox = header_from.parse::<Mailbox>().map_err(|_| {
            error(
                failed_operation::INCORRECT_SENDER,
                format!("HeaderFrom `{}` is not a mailbox", shown(header_from)),
            )
        })?;
        if !mailbox
            .email
            .domain()
            .eq_ignore_ascii_case(&address::domain_of(&sender.address))
        {
            return Err(error(
                failed_operation::INCORRECT_SENDER,
                format!(
                    "the domain of HeaderFrom `{}` differs from the sender's",
                    shown(header_from)
                ),
            ));
        }
    }
    if let Some(id) = &request.smtp_message_id {
        let ok = id.contains('@') && !id.chars().any(|c| c.is_whitespace() || c.is_control());
        if !ok {
            return Err(invalid(format!(
                "SmtpMessageId `{}` is not of the form <id@domain>",
                shown(id)
            )));
        }
    }
    let headers = compose::smtp_headers(request.smtp_headers.as_deref())?;
    let attachments = compose::attachments(request.attachments.as_deref().unwrap_or_default())?;
    let (data, simple) = match (&request.template, &request.simple) {
        (Some(template), _) => {
            let data = compose::template_data(
                &template.template_data,
                "Template.TemplateData",
                failed_operation::WRONG_CONTENT_JSON,
            )?;
            (Some(data), None)
        }
        (None, Some(simple)) => {
            let (html, text) = compose::simple_body(simple)?;
            (None, Some(Bodies { html, text }))
        }
        (None, None) => {
            return Err(error(
                failed_operation::MISSING_EMAIL_CONTENT,
                "give the content as Template (or, for accounts allowed custom content, Simple)",
            ));
        }
    };
    Ok(Checked {
        sender,
        attachments,
        headers,
        data,
        simple,
    })
}

/// What the account decides for a send, read under the lock.
#[derive(PartialEq)]
struct Allowed {
    sender_name: String,
    bodies: Bodies,
    unsubscribe: Option<UnsubscribeLanguage>,
}

/// The checks that need the account.
fn check_account(
    state: &State,
    request: &SendEmailRequest,
    checked: &Checked,
    today: time::Day,
) -> Result<Allowed, ApiError> {
    let unauthenticated = || {
        error(
            failed_operation::NOT_AUTHENTICATED_SENDER,
            format!(
                "`{}` is not a sender address of a verified domain",
                shown(&checked.sender.address)
            ),
        )
    };
    let sender = state
        .sender(&checked.sender.address)
        .ok_or_else(unauthenticated)?;
    let domain = address::domain_of(&sender.address);
    if !state
        .identity(&domain)
        .is_some_and(|identity| identity.verified)
    {
        return Err(unauthenticated());
    }
    let bodies = match (&request.template, &checked.simple) {
        (Some(template), _) => approved_template(state, template.template_id)
            .map_err(|why| error(failed_operation::INVALID_TEMPLATE_ID, why))?,
        (None, Some(bodies)) => bodies.clone(),
        (None, None) => return Err(error(failed_operation::MISSING_EMAIL_CONTENT, "no content")),
    };
    let recipients = request
        .destination
        .iter()
        .chain(&request.cc)
        .chain(&request.bcc)
        .flatten();
    let mut total = 0u64;
    for recipient in recipients {
        total += 1;
        if let Some(why) = state.blocked(recipient, today) {
            return Err(error(failed_operation::EMAIL_ADDR_IN_BLACKLIST, why));
        }
        if state
            .unsubscribed
            .contains(&(domain.clone(), address::key(recipient)))
        {
            return Err(error(
                failed_operation::RECEIVER_HAS_UNSUBSCRIBED,
                format!(
                    "`{}` has unsubscribed from mail of {}",
                    shown(recipient),
                    shown(&domain)
                ),
            ));
        }
    }
    if state.statistics.accepted_on(today, &domain) + total > DAILY_QUOTA {
        return Err(error(
            failed_operation::EXCEED_SEND_LIMIT,
            format!(
                "{} has reached its daily quota of {DAILY_QUOTA} mails",
                shown(&domain)
            ),
        ));
    }
    let unsubscribe = state.unsubscribe_for(request.unsubscribe.as_ref(), &sender.address);
    Ok(Allowed {
        sender_name: sender.name.clone(),
        bodies,
        unsubscribe,
    })
}

/// A mail ready to store: the draft, its rendering and each recipient's outcome.
struct Prepared {
    draft: Draft,
    rendered: Rendered,
    outcomes: Vec<simulate::Outcome>,
}

/// Fills the template in and renders the message, as `allowed` says the account is now.
fn prepare(
    request: &SendEmailRequest,
    checked: &Checked,
    allowed: &Allowed,
    now: u64,
) -> Result<Prepared, ApiError> {
    let (subject, bodies) = fill(&request.subject, &allowed.bodies, checked.data.as_ref())?;
    let sender = &checked.sender;
    let draft = Draft {
        from: request.from_email_address.clone(),
        from_name: sender
            .alias
            .clone()
            .or_else(|| Some(allowed.sender_name.clone()).filter(|n| !n.is_empty())),
        from_address: sender.address.clone(),
        header_from: request.header_from.clone(),
        to: request.destination.clone().unwrap_or_default(),
        cc: request.cc.clone().unwrap_or_default(),
        bcc: request.bcc.clone().unwrap_or_default(),
        reply_to: request.reply_to_addresses.clone(),
        subject,
        html: bodies.html,
        text: bodies.text,
        attachments: Arc::clone(&checked.attachments),
        smtp_message_id: request.smtp_message_id.clone(),
        headers: checked.headers.clone(),
        unsubscribe: allowed.unsubscribe.as_ref().map(|l| l.as_str().to_owned()),
        template_id: request.template.as_ref().map(|t| t.template_id),
        task_id: None,
    };
    let rendered =
        mime::render(&draft, now).map_err(|why| error(error_codes::INTERNAL_ERROR, why))?;
    let outcomes = draft
        .recipients()
        .map(|r| simulate::outcome_for(r))
        .collect();
    Ok(Prepared {
        draft,
        rendered,
        outcomes,
    })
}

/// `SendEmail`.
pub(super) fn send(shared: &Shared, params: Value) -> Answer {
    let mut request: SendEmailRequest = decode(params)?;
    request.reply_to_addresses = compose::reply_to(request.reply_to_addresses);
    let checked = check_request(&request)?;
    let now = shared.now();
    let today = time::day_of(now);
    let allowed = check_account(&shared.lock(), &request, &checked, today)?;
    let mut prepared = prepare(&request, &checked, &allowed, now)?;
    // Rendering ran unlocked, so the account may have changed meanwhile (a template or sender
    // deleted, a recipient blocklisted): it is checked again in the critical section that
    // stores, and a send the account no longer allows stores nothing. A changed template body
    // or sender name is rendered again without letting go of the lock (rare, and it keeps the
    // answer true to the account as it is when the message is stored).
    let mut state = shared.lock();
    let current = check_account(&state, &request, &checked, today)?;
    if current != allowed {
        prepared = prepare(&request, &checked, &current, now)?;
    }
    let stored = state.store(
        &prepared.draft,
        prepared.rendered,
        &prepared.outcomes,
        now,
        shared.outputs.wanted(),
    );
    drop(state);
    shared.outputs.submit(stored.jobs);
    tracing::debug!(message_id = %stored.message_id, recipients = count(prepared.outcomes.len()), "SendEmail stored");
    respond(&SendEmailResponse {
        message_id: stored.message_id,
        request_id: String::new(),
    })
}
