//! The two blocklists: Tencent Cloud's hard-bounce list (`ListBlackEmailAddress`,
//! `DeleteBlackList`), filled by simulated hard bounces, and the account's own custom list
//! (`CreateCustomBlacklist`, `ListCustomBlacklist`, `UpdateCustomBlackList`,
//! `DeleteCustomBlackList`). Sending to an address on either is refused.
//!
//! A custom entry blocks until the end of its `ExpireDate` (the docs do not say whether that
//! day is included; the emulator includes it) and forever without one.

use std::collections::BTreeMap;

use tencentcloud_ses::enums::{CustomBlocklistFilter, CustomBlocklistStatus};
use tencentcloud_ses::error_codes::{
    self, invalid_parameter_value, limit_exceeded, missing_parameter,
};
use tencentcloud_ses::{
    BlackAddressDetail, BlackEmailAddress, CreateCustomBlacklistRequest,
    CreateCustomBlacklistResponse, DeleteBlackListRequest, DeleteBlackListResponse,
    DeleteCustomBlackListRequest, DeleteCustomBlackListResponse, ListBlackEmailAddressRequest,
    ListBlackEmailAddressResponse, ListCustomBlacklistRequest, ListCustomBlacklistResponse,
    UpdateCustomBlackListRequest, UpdateCustomBlackListResponse,
};

use super::address::{self, MAX_ADDRESS_LEN};
use super::state::{Shared, State};
use super::time::{self, Day};
use super::wire::{Answer, check_limit, count, decode, error, page, respond};
use crate::backend::ApiError;
use crate::redact::shown;

/// Most addresses one `CreateCustomBlacklist` call takes (the recipient-list limit, which the
/// action's error list shares).
const MAX_PER_REQUEST: usize = 20_000;

/// An address on the hard-bounce list.
#[derive(Debug, Clone)]
pub(super) struct Bounced {
    /// The address as it bounced.
    pub(super) email: String,
    /// When it bounced, Unix seconds.
    pub(super) time: u64,
    /// The remote server's answer.
    pub(super) reply: String,
}

/// An entry of the custom blocklist.
#[derive(Debug, Clone)]
pub(super) struct CustomEntry {
    /// The blocked address.
    pub(super) email: String,
    /// When it was added, Unix seconds.
    pub(super) created: u64,
    /// The last day it blocks; `None` for ever.
    pub(super) expires: Option<Day>,
}

impl CustomEntry {
    fn is_active(&self, today: Day) -> bool {
        self.expires.is_none_or(|last| today <= last)
    }
}

impl State {
    /// Why `recipient` may not receive mail today, if it may not.
    pub(super) fn blocked(&self, recipient: &str, today: Day) -> Option<String> {
        let key = address::key(recipient);
        if self.bounced.contains_key(&key) {
            return Some(format!(
                "`{}` is on the hard-bounce blocklist",
                shown(recipient)
            ));
        }
        self.custom
            .values()
            .any(|entry| address::key(&entry.email) == key && entry.is_active(today))
            .then(|| format!("`{}` is on the custom blocklist", shown(recipient)))
    }
}

/// Reads an optional `YYYY-MM-DD` expiry; empty text means "never".
fn expiry(text: Option<&str>) -> Result<Option<Day>, ApiError> {
    match text {
        None | Some("") => Ok(None),
        Some(text) => time::parse_day(text).map(Some).ok_or_else(|| {
            error(
                invalid_parameter_value::WRONG_DATE,
                format!(
                    "ExpireDate `{}` is not a date in the form YYYY-MM-DD",
                    shown(text)
                ),
            )
        }),
    }
}

/// `ListBlackEmailAddress`: hard-bounced addresses blocked within the date range.
pub(super) fn list_bounced(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: ListBlackEmailAddressRequest = decode(params)?;
    check_limit(request.limit)?;
    let wrong = |name: &str, text: &str| {
        error(
            invalid_parameter_value::WRONG_DATE,
            format!(
                "{name} `{}` is not a date in the form YYYY-MM-DD",
                shown(text)
            ),
        )
    };
    let start = time::parse_day(&request.start_date)
        .ok_or_else(|| wrong("StartDate", &request.start_date))?;
    let end =
        time::parse_day(&request.end_date).ok_or_else(|| wrong("EndDate", &request.end_date))?;
    let wanted = request.email_address.as_deref().map(address::key);
    let state = shared.lock();
    let matching: Vec<&Bounced> = state
        .bounced
        .values()
        .filter(|entry| (start..=end).contains(&time::day_of(entry.time)))
        .filter(|entry| {
            wanted
                .as_ref()
                .is_none_or(|w| *w == address::key(&entry.email))
        })
        .collect();
    let total = count(matching.len());
    let list = page(matching, request.offset, request.limit)
        .into_iter()
        .map(|entry| BlackEmailAddress {
            bounce_time: time::format_datetime(entry.time),
            email_address: entry.email.clone(),
            isp_desc: Some(entry.reply.clone()),
        })
        .collect();
    respond(&ListBlackEmailAddressResponse {
        black_list: list,
        total_count: total,
        request_id: String::new(),
    })
}

/// `DeleteBlackList`: unblocks hard-bounced addresses.
pub(super) fn delete_bounced(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: DeleteBlackListRequest = decode(params)?;
    if request.email_address_list.is_empty() {
        return Err(error(
            error_codes::INVALID_PARAMETER_VALUE,
            "EmailAddressList needs at least one address",
        ));
    }
    let mut state = shared.lock();
    for email in &request.email_address_list {
        state.bounced.remove(&address::key(email));
    }
    respond(&DeleteBlackListResponse {
        request_id: String::new(),
    })
}

/// `CreateCustomBlacklist`: adds addresses, classifying each as the response counts them.
pub(super) fn create_custom(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: CreateCustomBlacklistRequest = decode(params)?;
    if request.emails.is_empty() {
        return Err(error(
            missing_parameter::EMAILS_NECESSARY,
            "Emails is empty",
        ));
    }
    if request.emails.len() > MAX_PER_REQUEST {
        return Err(error(
            limit_exceeded::RECEIVER_DETAIL_REQUEST_LIMIT,
            format!("at most {MAX_PER_REQUEST} addresses per call"),
        ));
    }
    let expires = expiry(request.expire_date.as_deref())?;
    let now = shared.now();
    let mut state = shared.lock();
    let mut counts = [0u64; 4]; // valid, too long, repeated, invalid
    for email in request.emails {
        let key = address::key(&email);
        let slot = if email.len() > MAX_ADDRESS_LEN {
            1
        } else if !address::is_address(&email) {
            3
        } else if state.custom.values().any(|e| address::key(&e.email) == key) {
            2
        } else {
            let id = state.custom_ids.next();
            state.custom.insert(
                id,
                CustomEntry {
                    email,
                    created: now,
                    expires,
                },
            );
            0
        };
        if let Some(counter) = counts.get_mut(slot) {
            *counter += 1;
        }
    }
    let [valid, too_long, repeated, invalid] = counts;
    respond(&CreateCustomBlacklistResponse {
        total_count: Some(valid + too_long + repeated + invalid),
        valid_count: Some(valid),
        too_long_count: Some(too_long),
        repeat_count: Some(repeated),
        invalid_count: Some(invalid),
        request_id: String::new(),
    })
}

/// `ListCustomBlacklist`.
pub(super) fn list_custom(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: ListCustomBlacklistRequest = decode(params)?;
    check_limit(request.limit)?;
    if let CustomBlocklistFilter::Other(other) = request.status {
        return Err(error(
            error_codes::INVALID_PARAMETER_VALUE,
            format!("Status {other} is not 0 (expired), 1 (active) or 2 (all)"),
        ));
    }
    let today = time::day_of(shared.now());
    let wanted = request.email.as_deref().map(address::key);
    let state = shared.lock();
    let matching: BTreeMap<u64, &CustomEntry> = state
        .custom
        .iter()
        .filter(|(_, entry)| match request.status {
            CustomBlocklistFilter::Expired => !entry.is_active(today),
            CustomBlocklistFilter::Active => entry.is_active(today),
            CustomBlocklistFilter::All | CustomBlocklistFilter::Other(_) => true,
        })
        .filter(|(_, entry)| {
            wanted
                .as_ref()
                .is_none_or(|w| *w == address::key(&entry.email))
        })
        .map(|(id, entry)| (*id, entry))
        .collect();
    let total = count(matching.len());
    let data = page(matching, request.offset, request.limit)
        .into_iter()
        .map(|(id, entry)| BlackAddressDetail {
            id: Some(id),
            email: Some(entry.email.clone()),
            create_time: Some(time::format_datetime(entry.created)),
            expire_date: Some(entry.expires.map(time::format_day).unwrap_or_default()),
            status: Some(if entry.is_active(today) {
                CustomBlocklistStatus::Active
            } else {
                CustomBlocklistStatus::Expired
            }),
        })
        .collect();
    respond(&ListCustomBlacklistResponse {
        total_count: Some(total),
        data: Some(data),
        request_id: String::new(),
    })
}

/// `UpdateCustomBlackList`: a new address and expiry for one entry.
pub(super) fn update_custom(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: UpdateCustomBlackListRequest = decode(params)?;
    if !address::is_address(&request.email) {
        return Err(error(
            invalid_parameter_value::ILLEGAL_EMAIL_ADDRESS,
            format!("`{}` is not a valid mail address", shown(&request.email)),
        ));
    }
    let expires = expiry(request.expire_date.as_deref())?;
    let mut state = shared.lock();
    let entry = state.custom.get_mut(&request.id).ok_or_else(|| {
        error(
            error_codes::INVALID_PARAMETER_VALUE,
            format!("there is no custom blocklist entry with Id {}", request.id),
        )
    })?;
    entry.email = request.email;
    entry.expires = expires;
    respond(&UpdateCustomBlackListResponse {
        request_id: String::new(),
    })
}

/// `DeleteCustomBlackList`: removes every entry for the given addresses.
pub(super) fn delete_custom(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: DeleteCustomBlackListRequest = decode(params)?;
    let keys: Vec<String> = request.emails.iter().map(|e| address::key(e)).collect();
    let mut state = shared.lock();
    state
        .custom
        .retain(|_, entry| !keys.contains(&address::key(&entry.email)));
    respond(&DeleteCustomBlackListResponse {
        request_id: String::new(),
    })
}
