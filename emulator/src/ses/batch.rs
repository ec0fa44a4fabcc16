//! `BatchSendEmail` (creating a task, with the documented checks) and `ListSendTasks`.

use std::collections::{BTreeSet, VecDeque};

use serde_json::Value;
use tencentcloud_ses::checks::{self, MAX_BATCH_SUBJECT_CHARS};
use tencentcloud_ses::enums::{AdLocation, CycleTermination, TaskStatus, TaskType};
use tencentcloud_ses::error_codes::{
    self, failed_operation, invalid_parameter_value, missing_parameter, operation_denied,
};
use tencentcloud_ses::{
    BatchSendEmailRequest, BatchSendEmailResponse, ListSendTasksRequest, ListSendTasksResponse,
    SendTaskData, Template,
};

use super::address;
use super::compose::{self, limit_error};
use super::receivers;
use super::render;
use super::sending::Bodies;
use super::state::{Shared, State};
use super::tasks::{self, Task};
use super::templates::approved_template;
use super::time;
use super::wire::{Answer, check_limit, count, decode, error, page, respond};
use crate::backend::ApiError;
use crate::redact::shown;

/// Seconds in one hour: `IntervalTime` counts hours.
const HOUR: u64 = 3600;
/// The longest `CycleParam.IntervalTime` accepted, in hours: one leap year (366 days).
///
/// SES documents no bound. A year covers the longest period a real mailing repeats at (a
/// yearly one, in a leap year too); anything longer is almost surely a mistake such as a
/// negative number sent as unsigned. The bound also keeps every round time (a `BeginTime`
/// before the year 10000, plus periods) far inside what a `u64` of seconds counts.
const MAX_INTERVAL_HOURS: u64 = 366 * 24;

/// Reads a `BeginTime` that must not be in the past.
fn begin_time(field: &str, text: &str, now: u64) -> Result<u64, ApiError> {
    let at = time::parse_datetime(text).ok_or_else(|| {
        error(
            error_codes::INVALID_PARAMETER_VALUE,
            format!(
                "{field} `{}` is not a time in the form YYYY-MM-DD HH:MM:SS",
                shown(text)
            ),
        )
    })?;
    if at < now {
        return Err(error(
            invalid_parameter_value::BEGIN_TIME_BEFORE_NOW,
            format!(
                "{field} `{}` is in the past (now is {} UTC)",
                shown(text),
                time::format_datetime(now)
            ),
        ));
    }
    Ok(at)
}

/// The first round and the interval between rounds, from the task type and its parameters.
fn schedule(request: &BatchSendEmailRequest, now: u64) -> Result<(u64, Option<u64>), ApiError> {
    match request.task_type {
        TaskType::Immediate => Ok((now, None)),
        TaskType::Scheduled => {
            let timed = request.timed_param.as_ref().ok_or_else(|| {
                error(
                    missing_parameter::TIMED_PARAM_NECESSARY,
                    "a scheduled task (TaskType 2) needs TimedParam",
                )
            })?;
            Ok((
                begin_time("TimedParam.BeginTime", &timed.begin_time, now)?,
                None,
            ))
        }
        TaskType::Recurring => {
            let cycle = request.cycle_param.as_ref().ok_or_else(|| {
                error(
                    missing_parameter::CYCLE_PARAM_NECESSARY,
                    "a recurring task (TaskType 3) needs CycleParam",
                )
            })?;
            let every = Some(cycle.interval_time)
                .filter(|hours| (1..=MAX_INTERVAL_HOURS).contains(hours))
                .and_then(|hours| hours.checked_mul(HOUR))
                .ok_or_else(|| {
                    error(
                        error_codes::INVALID_PARAMETER_VALUE,
                        format!(
                            "CycleParam.IntervalTime is {} hours; it must be 1 to {MAX_INTERVAL_HOURS} (one leap year)",
                            cycle.interval_time
                        ),
                    )
                })?;
            let at = begin_time("CycleParam.BeginTime", &cycle.begin_time, now)?;
            Ok((at, Some(every)))
        }
        TaskType::Other(other) => Err(error(
            error_codes::INVALID_PARAMETER_VALUE,
            format!("TaskType {other} is not 1 (immediate), 2 (scheduled) or 3 (recurring)"),
        )),
    }
}

/// The account checks: list, sender, template, and that every variable has a value; returns
/// the list's name.
fn check_account(
    state: &State,
    request: &BatchSendEmailRequest,
    sender: &str,
) -> Result<String, ApiError> {
    let list = state
        .receivers
        .get(&request.receiver_id)
        .ok_or_else(|| receivers::not_found(request.receiver_id))?;
    if !list.entries.iter().any(|entry| entry.invalid.is_none()) {
        return Err(error(
            operation_denied::RECEIVER_STATUS_ERROR,
            format!(
                "recipient list {} has no valid address uploaded",
                request.receiver_id
            ),
        ));
    }
    let verified = state.sender(sender).is_some()
        && state
            .identity(&address::domain_of(sender))
            .is_some_and(|i| i.verified);
    if !verified {
        return Err(error(
            operation_denied::SEND_ADDRESS_STATUS_ERROR,
            format!(
                "`{}` is not a sender address of a verified domain",
                shown(sender)
            ),
        ));
    }
    let Some(template) = &request.template else {
        return Ok(list.name.clone());
    };
    let found = approved_template(state, template.template_id)
        .map_err(|why| error(operation_denied::TEMPLATE_STATUS_ERROR, why))?;
    let mut needed = BTreeSet::new();
    for text in [
        Some(&request.subject),
        found.html.as_ref(),
        found.text.as_ref(),
    ]
    .into_iter()
    .flatten()
    {
        needed.extend(render::variables(text));
    }
    let data = compose::template_data(
        &template.template_data,
        "Template.TemplateData",
        invalid_parameter_value::TEMPLATE_DATA_ERROR,
    )?;
    let list_keys = list.keys.clone().unwrap_or_default();
    if let Some(missing) = needed
        .iter()
        .find(|name| !data.contains_key(*name) && !list_keys.contains(*name))
    {
        return Err(error(
            invalid_parameter_value::TEMPLATE_NOT_MATCH_DATA,
            format!(
                "the template uses {{{{{missing}}}}}, which neither TemplateData nor the recipient list provides"
            ),
        ));
    }
    Ok(list.name.clone())
}

/// The numbered choices the task's scheduling does not already settle: `ADLocation` is 0, 1
/// or 2 and `CycleParam.TermCycle` 0 or 1. Any other number is refused rather than read as
/// "no marker" or "keep going", which would send something the caller did not ask for.
fn check_choices(request: &BatchSendEmailRequest) -> Result<(), ApiError> {
    if let Some(AdLocation::Other(other)) = request.ad_location {
        return Err(error(
            error_codes::INVALID_PARAMETER_VALUE,
            format!(
                "ADLocation {other} is not 0 (no marker), 1 (before the subject) or 2 (after it)"
            ),
        ));
    }
    if let Some(CycleTermination::Other(other)) = request
        .cycle_param
        .as_ref()
        .and_then(|cycle| cycle.term_cycle)
    {
        return Err(error(
            error_codes::INVALID_PARAMETER_VALUE,
            format!("CycleParam.TermCycle {other} is not 0 (keep recurring) or 1 (end)"),
        ));
    }
    Ok(())
}

/// `BatchSendEmail`: creates the task; an immediate one sends before the answer.
pub(super) fn send(shared: &Shared, params: Value) -> Answer {
    let mut request: BatchSendEmailRequest = decode(params)?;
    request.reply_to_addresses = compose::reply_to(request.reply_to_addresses);
    let now = shared.now();
    let subject_chars = request.subject.chars().count();
    if subject_chars == 0 || subject_chars > MAX_BATCH_SUBJECT_CHARS {
        return Err(error(
            invalid_parameter_value::SUBJECT_LENGTH_ERROR,
            format!(
                "Subject has {subject_chars} characters; a batch task needs 1 to {MAX_BATCH_SUBJECT_CHARS}"
            ),
        ));
    }
    let (first_round, interval) = schedule(&request, now)?;
    let base_data = match &request.template {
        Some(template) => Some(compose::template_data(
            &template.template_data,
            "Template.TemplateData",
            invalid_parameter_value::TEMPLATE_DATA_ERROR,
        )?),
        None => None,
    };
    checks::validate_batch_send_email(&request).map_err(|e| match e {
        // `SendEmail` answers this with `FailedOperation.MissingEmailContent`.
        checks::CheckError::NoContent => error(
            missing_parameter::SEND_PARAM_NECESSARY,
            "a batch task needs a Template (or Simple content)",
        ),
        other => limit_error(&other),
    })?;
    let sender = address::parse_sender(&request.from_email_address)
        .map_err(|why| error(failed_operation::INCORRECT_SENDER, why))?;
    if let Some(reply_to) = request
        .reply_to_addresses
        .as_deref()
        .filter(|r| !address::is_address(r))
    {
        return Err(error(
            failed_operation::INCORRECT_EMAIL,
            format!(
                "ReplyToAddresses `{}` is not a valid mail address",
                shown(reply_to)
            ),
        ));
    }
    if let Some(language) = request.unsubscribe.as_ref().filter(|l| !l.is_known()) {
        return Err(error(
            error_codes::INVALID_PARAMETER_VALUE,
            format!(
                "Unsubscribe `{}` is not one of \"0\" to \"12\"",
                shown(language.as_str())
            ),
        ));
    }
    check_choices(&request)?;
    let simple = match (&request.template, &request.simple) {
        (Some(_), _) => None,
        (None, Some(simple)) => {
            let (html, text) = compose::simple_body(simple)?;
            Some(Bodies { html, text })
        }
        (None, None) => {
            return Err(error(
                missing_parameter::SEND_PARAM_NECESSARY,
                "a batch task needs a Template (or Simple content)",
            ));
        }
    };
    let attachments = compose::attachments(request.attachments.as_deref().unwrap_or_default())?;
    let id = {
        let mut state = shared.lock();
        let receivers_name = check_account(&state, &request, &sender.address)?;
        let unsubscribe = state.unsubscribe_for(request.unsubscribe.as_ref(), &sender.address);
        let task = Task {
            from: request.from_email_address,
            sender,
            receiver_id: request.receiver_id,
            receivers_name,
            subject: request.subject,
            kind: request.task_type,
            reply_to: request.reply_to_addresses,
            template: request.template,
            base_data,
            simple,
            attachments,
            cycle: request.cycle_param,
            timed: request.timed_param,
            unsubscribe,
            ad_location: request.ad_location.unwrap_or(AdLocation::NoMarker),
            next_round: Some(first_round),
            interval,
            round_bodies: None,
            queue: VecDeque::new(),
            status: TaskStatus::Pending,
            request_count: 0,
            send_count: 0,
            created: now,
            updated: now,
            err_msg: String::new(),
        };
        let id = state.task_ids.next();
        state.tasks.insert(id, task);
        state.next_due = Some(state.next_due.map_or(first_round, |at| at.min(first_round)));
        id
    };
    tasks::run_due(shared);
    if first_round > now {
        // Nothing may call the backend until then: the worker's timer sends the round.
        shared.outputs.wake_at(first_round, now);
    }
    respond(&BatchSendEmailResponse {
        task_id: id,
        request_id: String::new(),
    })
}

/// A task as `ListSendTasks` shows it.
fn summary(id: u64, task: &Task) -> SendTaskData {
    SendTaskData {
        task_id: id,
        from_email_address: task.from.clone(),
        receiver_id: task.receiver_id,
        task_status: task.status,
        task_type: task.kind,
        request_count: task.request_count,
        send_count: task.send_count,
        cache_count: count(task.queue.len()),
        create_time: time::format_datetime(task.created),
        update_time: time::format_datetime(task.updated),
        subject: task.subject.clone(),
        template: task.template.clone().unwrap_or(Template {
            template_id: 0,
            template_data: String::new(),
        }),
        cycle_param: task.cycle.clone(),
        timed_param: task.timed.clone(),
        err_msg: task.err_msg.clone(),
        receivers_name: task.receivers_name.clone(),
    }
}

/// `ListSendTasks`.
pub(super) fn list(shared: &Shared, params: Value) -> Answer {
    let request: ListSendTasksRequest = decode(params)?;
    check_limit(request.limit)?;
    let state = shared.lock();
    let matching: Vec<(&u64, &Task)> = state
        .tasks
        .iter()
        .filter(|(_, task)| request.status.is_none_or(|s| s == task.status))
        .filter(|(_, task)| request.receiver_id.is_none_or(|r| r == task.receiver_id))
        .filter(|(_, task)| request.task_type.is_none_or(|t| t == task.kind))
        .collect();
    let total = count(matching.len());
    let data = page(matching, request.offset, request.limit)
        .into_iter()
        .map(|(id, task)| summary(*id, task))
        .collect();
    respond(&ListSendTasksResponse {
        total_count: total,
        data,
        request_id: String::new(),
    })
}
