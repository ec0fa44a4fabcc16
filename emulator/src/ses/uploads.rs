//! Uploading addresses to recipient lists: `CreateReceiverDetail` (plain addresses) and
//! `CreateReceiverDetailWithData` (each with its own template variables).
//!
//! Uploads finish at once. Empty and over-long addresses are counted and dropped, duplicates
//! counted and dropped (the documented example counts one of two addresses as a repeat and one
//! as stored), and malformed addresses kept as invalid entries that batch tasks skip. Every
//! recipient of a list carries the same template variables, or none; a request that would
//! break this, or a limit, is refused whole.

use std::collections::{BTreeSet, HashSet};

use serde_json::Value;
use tencentcloud_ses::error_codes::{invalid_parameter_value, limit_exceeded, missing_parameter};
use tencentcloud_ses::template_data::MAX_RECEIVER_TEMPLATE_DATA_BYTES;
use tencentcloud_ses::{
    CreateReceiverDetailRequest, CreateReceiverDetailResponse, CreateReceiverDetailWithDataRequest,
    CreateReceiverDetailWithDataResponse, ReceiverInputData,
};

use super::address::{self, MAX_ADDRESS_LEN};
use super::compose;
use super::receivers::{Entry, not_found};
use super::state::{Shared, State};
use super::wire::{Answer, decode, error, respond};
use crate::backend::ApiError;
use crate::redact::shown;

/// Most addresses per upload call.
const MAX_PER_CALL: usize = 20_000;
/// Most addresses per list.
const MAX_PER_LIST: usize = 50_000;

/// The counters an upload answers with.
#[derive(Debug, Default)]
struct Upload {
    total: u64,
    valid: u64,
    too_long: u64,
    empty: u64,
    repeated: u64,
}

/// Checks one recipient's template data and returns its variable names.
fn data_keys(index: usize, text: &str) -> Result<BTreeSet<String>, ApiError> {
    let label = format!("Datas.{index}.TemplateData");
    if text.len() > MAX_RECEIVER_TEMPLATE_DATA_BYTES {
        return Err(error(
            invalid_parameter_value::TEMPLATE_DATA_LEN_LIMIT,
            format!(
                "{label} has {} bytes; at most {MAX_RECEIVER_TEMPLATE_DATA_BYTES}",
                text.len()
            ),
        ));
    }
    let map = compose::template_data(text, &label, invalid_parameter_value::TEMPLATE_DATA_ERROR)?;
    for (key, value) in &map {
        let html = value
            .as_str()
            .is_some_and(|v| v.contains('<') && v.contains('>'));
        if html || value.is_object() || value.is_array() {
            return Err(error(
                invalid_parameter_value::IN_VALID_TEMPLATE_DATA,
                format!(
                    "{label}: the value of `{}` must be plain text without HTML",
                    shown(key)
                ),
            ));
        }
    }
    Ok(map.into_iter().map(|(key, _)| key).collect())
}

/// Adds recipients (address, data) to list `id` after checking the whole request.
fn upload(
    shared: &Shared,
    id: u64,
    recipients: Vec<(String, String)>,
    keys: BTreeSet<String>,
) -> Result<Upload, ApiError> {
    if recipients.is_empty() {
        return Err(error(
            missing_parameter::EMAILS_NECESSARY,
            "no recipient was given",
        ));
    }
    if recipients.len() > MAX_PER_CALL {
        return Err(error(
            limit_exceeded::RECEIVER_DETAIL_REQUEST_LIMIT,
            format!(
                "{} recipients in one call; at most {MAX_PER_CALL}",
                recipients.len()
            ),
        ));
    }
    let now = shared.now();
    let mut guard = shared.lock();
    let state: &mut State = &mut guard;
    let list = state.receivers.get_mut(&id).ok_or_else(|| not_found(id))?;
    if list.keys.as_ref().is_some_and(|existing| *existing != keys) {
        return Err(error(
            invalid_parameter_value::TEMPLATE_DATA_INCONSISTENT,
            "the recipients' template variables differ from those already in the list",
        ));
    }
    if list.entries.len() + recipients.len() > MAX_PER_LIST {
        return Err(error(
            limit_exceeded::RECEIVER_DETAIL_COUNT_LIMIT,
            format!("a recipient list holds at most {MAX_PER_LIST} addresses"),
        ));
    }
    let mut seen: HashSet<String> = list
        .entries
        .iter()
        .map(|e| address::key(&e.email))
        .collect();
    let mut counts = Upload::default();
    for (email, data) in recipients {
        counts.total += 1;
        let email = email.trim().to_owned();
        if email.is_empty() {
            counts.empty += 1;
        } else if email.len() > MAX_ADDRESS_LEN {
            counts.too_long += 1;
        } else if !seen.insert(address::key(&email)) {
            counts.repeated += 1;
        } else {
            let invalid = (!address::is_address(&email)).then(|| "malformed address".to_owned());
            if invalid.is_none() {
                counts.valid += 1;
            }
            let entry_id = state.entry_ids.next();
            list.entries.push(Entry {
                id: entry_id,
                email,
                created: now,
                data,
                invalid,
            });
        }
    }
    list.keys = Some(keys);
    Ok(counts)
}

/// `CreateReceiverDetail`: plain addresses.
pub(super) fn add_emails(shared: &Shared, params: Value) -> Answer {
    let request: CreateReceiverDetailRequest = decode(params)?;
    let recipients = request
        .emails
        .into_iter()
        .map(|email| (email, String::new()))
        .collect();
    let counts = upload(shared, request.receiver_id, recipients, BTreeSet::new())?;
    respond(&CreateReceiverDetailResponse {
        total_count: Some(counts.total),
        valid_count: Some(counts.valid),
        too_long_count: Some(counts.too_long),
        empty_email_count: Some(counts.empty),
        repeat_count: Some(counts.repeated),
        request_id: String::new(),
    })
}

/// `CreateReceiverDetailWithData`: addresses with their own template variables.
pub(super) fn add_with_data(shared: &Shared, params: Value) -> Answer {
    let request: CreateReceiverDetailWithDataRequest = decode(params)?;
    let mut keys: Option<BTreeSet<String>> = None;
    for (index, ReceiverInputData { template_data, .. }) in request.datas.iter().enumerate() {
        let these = data_keys(index, template_data)?;
        if keys.as_ref().is_some_and(|first| *first != these) {
            return Err(error(
                invalid_parameter_value::TEMPLATE_DATA_INCONSISTENT,
                format!("Datas.{index}.TemplateData has other variables than Datas.0"),
            ));
        }
        keys = Some(these);
    }
    let recipients = request
        .datas
        .into_iter()
        .map(|d| (d.email, d.template_data))
        .collect();
    let counts = upload(
        shared,
        request.receiver_id,
        recipients,
        keys.unwrap_or_default(),
    )?;
    respond(&CreateReceiverDetailWithDataResponse {
        total_count: Some(counts.total),
        valid_count: Some(counts.valid),
        too_long_count: Some(counts.too_long),
        empty_email_count: Some(counts.empty),
        repeat_count: Some(counts.repeated),
        request_id: String::new(),
    })
}
