//! Recipient lists for batch tasks: `CreateReceiver`, `ListReceivers`, `ListReceiverDetails`
//! and `DeleteReceiver` (uploading addresses is in `uploads.rs`).
//!
//! Uploads finish at once (the real service processes them in the background), so a list is
//! "waiting for upload" until it has addresses and "upload complete" after.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use tencentcloud_ses::enums::{ReceiverAddressStatus, ReceiverListStatus};
use tencentcloud_ses::error_codes::{
    self, invalid_parameter_value, missing_parameter, operation_denied,
};
use tencentcloud_ses::{
    CreateReceiverRequest, CreateReceiverResponse, DeleteReceiverRequest, DeleteReceiverResponse,
    ListReceiverDetailsRequest, ListReceiverDetailsResponse, ListReceiversRequest,
    ListReceiversResponse, ReceiverData, ReceiverDetail,
};

use super::state::Shared;
use super::time;
use super::wire::{Answer, check_limit, count, decode, error, page, respond};
use crate::backend::ApiError;
use crate::redact::shown;

/// Longest list name, in characters (undocumented; the emulator's choice).
const MAX_NAME_CHARS: usize = 200;
/// Longest description, in characters.
const MAX_DESC_CHARS: usize = 300;

/// One address of a list.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub(super) id: u64,
    pub(super) email: String,
    pub(super) created: u64,
    /// The recipient's template variables as JSON text; empty when uploaded without.
    pub(super) data: String,
    /// Why the address is unusable, if it is.
    pub(super) invalid: Option<String>,
}

/// A recipient list.
#[derive(Debug, Clone)]
pub(super) struct ReceiverList {
    pub(super) name: String,
    pub(super) desc: String,
    pub(super) created: u64,
    pub(super) entries: Vec<Entry>,
    /// The variable names every recipient carries; `None` before the first upload.
    pub(super) keys: Option<BTreeSet<String>>,
}

impl ReceiverList {
    fn status(&self) -> ReceiverListStatus {
        if self.entries.is_empty() {
            ReceiverListStatus::AwaitingUpload
        } else {
            ReceiverListStatus::Uploaded
        }
    }

    fn invalid_count(&self) -> usize {
        self.entries.iter().filter(|e| e.invalid.is_some()).count()
    }
}

/// `OperationDenied.ReceiverNotExist` for `id`.
pub(super) fn not_found(id: u64) -> ApiError {
    error(
        operation_denied::RECEIVER_NOT_EXIST,
        format!("there is no recipient list with ReceiverId {id}"),
    )
}

/// `CreateReceiver`.
pub(super) fn create(shared: &Shared, params: Value) -> Answer {
    let request: CreateReceiverRequest = decode(params)?;
    let name = request.receivers_name.trim();
    if name.is_empty()
        || name.chars().count() > MAX_NAME_CHARS
        || name.chars().any(char::is_control)
    {
        return Err(error(
            invalid_parameter_value::RECEIVER_NAME_ILLEGAL,
            format!(
                "ReceiversName must be 1 to {MAX_NAME_CHARS} characters without control characters"
            ),
        ));
    }
    let desc = request.desc.unwrap_or_default();
    let desc_ok = desc.chars().count() <= MAX_DESC_CHARS
        && !desc
            .chars()
            .any(|c| c.is_control() || "<>\"'\\".contains(c));
    if !desc_ok {
        return Err(error(
            invalid_parameter_value::RECEIVER_DESC_ILLEGAL,
            format!(
                "Desc must be at most {MAX_DESC_CHARS} characters without < > \" ' \\ or control characters"
            ),
        ));
    }
    let created = shared.now();
    let mut state = shared.lock();
    if state.receivers.values().any(|list| list.name == name) {
        return Err(error(
            invalid_parameter_value::REPEAT_RECEIVER_NAME,
            format!("a recipient list named `{}` already exists", shown(name)),
        ));
    }
    let id = state.receiver_ids.next();
    state.receivers.insert(
        id,
        ReceiverList {
            name: name.to_owned(),
            desc,
            created,
            entries: Vec::new(),
            keys: None,
        },
    );
    respond(&CreateReceiverResponse {
        receiver_id: id,
        request_id: String::new(),
    })
}

/// `ListReceivers`.
pub(super) fn list(shared: &Shared, params: Value) -> Answer {
    let request: ListReceiversRequest = decode(params)?;
    check_limit(request.limit)?;
    let keyword = request.key_word.unwrap_or_default().to_lowercase();
    let state = shared.lock();
    let matching: BTreeMap<&u64, &ReceiverList> = state
        .receivers
        .iter()
        .filter(|(_, list)| request.status.is_none_or(|s| s == list.status()))
        .filter(|(_, list)| list.name.to_lowercase().contains(&keyword))
        .collect();
    let total = count(matching.len());
    let data = page(matching, request.offset, request.limit)
        .into_iter()
        .map(|(id, list)| ReceiverData {
            receiver_id: *id,
            receivers_name: list.name.clone(),
            count: count(list.entries.len()),
            desc: list.desc.clone(),
            receivers_status: list.status(),
            create_time: time::format_datetime(list.created),
            invalid_count: Some(count(list.invalid_count())),
        })
        .collect();
    respond(&ListReceiversResponse {
        total_count: total,
        data,
        request_id: String::new(),
    })
}

/// Reads an optional `YYYY-MM-DD` filter.
fn day_filter(name: &str, text: Option<&String>) -> Result<Option<time::Day>, ApiError> {
    text.filter(|t| !t.is_empty())
        .map(|t| {
            time::parse_day(t).ok_or_else(|| {
                error(
                    error_codes::INVALID_PARAMETER_VALUE,
                    format!("{name} `{}` is not a date in the form YYYY-MM-DD", shown(t)),
                )
            })
        })
        .transpose()
}

/// `ListReceiverDetails`.
pub(super) fn list_details(shared: &Shared, params: Value) -> Answer {
    let request: ListReceiverDetailsRequest = decode(params)?;
    check_limit(request.limit)?;
    let begin = day_filter("CreateTimeBegin", request.create_time_begin.as_ref())?;
    let end = day_filter("CreateTimeEnd", request.create_time_end.as_ref())?;
    let fragment = request.email.unwrap_or_default().to_ascii_lowercase();
    let state = shared.lock();
    let list = state
        .receivers
        .get(&request.receiver_id)
        .ok_or_else(|| not_found(request.receiver_id))?;
    let matching: Vec<&Entry> = list
        .entries
        .iter()
        .filter(|e| e.email.to_ascii_lowercase().contains(&fragment))
        .filter(|e| begin.is_none_or(|b| time::day_of(e.created) >= b))
        .filter(|e| end.is_none_or(|d| time::day_of(e.created) <= d))
        .filter(|e| request.status.is_none_or(|s| s == entry_status(e)))
        .collect();
    let total = count(matching.len());
    let data = page(matching, request.offset, request.limit)
        .into_iter()
        .map(|e| ReceiverDetail {
            email: e.email.clone(),
            create_time: time::format_datetime(e.created),
            template_data: e.data.clone(),
            reason: e.invalid.clone(),
            status: Some(entry_status(e)),
            email_id: Some(e.id),
        })
        .collect();
    let invalid = list.invalid_count();
    respond(&ListReceiverDetailsResponse {
        total_count: total,
        data,
        valid_count: Some(count(list.entries.len() - invalid)),
        invalid_count: Some(count(invalid)),
        request_id: String::new(),
    })
}

fn entry_status(entry: &Entry) -> ReceiverAddressStatus {
    if entry.invalid.is_some() {
        ReceiverAddressStatus::Invalid
    } else {
        ReceiverAddressStatus::Valid
    }
}

/// `DeleteReceiver`.
pub(super) fn delete(shared: &Shared, params: Value) -> Answer {
    let request: DeleteReceiverRequest = decode(params)?;
    if request.receiver_id == 0 {
        return Err(error(
            missing_parameter::RECEIVER_ID_NECESSARY,
            "ReceiverId must name a recipient list",
        ));
    }
    let mut state = shared.lock();
    state
        .receivers
        .remove(&request.receiver_id)
        .ok_or_else(|| not_found(request.receiver_id))?;
    respond(&DeleteReceiverResponse {
        request_id: String::new(),
    })
}
