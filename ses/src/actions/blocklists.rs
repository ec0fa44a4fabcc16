//! Blocklists: Tencent Cloud's hard-bounce list, and the account's own (custom) list.

use tencentcloud_core::{action, model};

use crate::Ses;
use crate::enums::CustomBlocklistFilter;
use crate::types::{BlackAddressDetail, BlackEmailAddress};

/// Takes addresses off the hard-bounce blocklist so mail to them is attempted again.
#[action(service = Ses, response = DeleteBlackListResponse)]
pub struct DeleteBlackListRequest {
    /// The addresses to unblock; at least one.
    pub email_address_list: Vec<String>,
}

/// What `DeleteBlackList` returns.
#[model]
pub struct DeleteBlackListResponse {
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Lists addresses Tencent Cloud blocked after hard bounces, within a range of days.
#[action(service = Ses, response = ListBlackEmailAddressResponse)]
pub struct ListBlackEmailAddressRequest {
    /// First day of the range, `YYYY-MM-DD`.
    pub start_date: String,
    /// Last day of the range, `YYYY-MM-DD`.
    pub end_date: String,
    /// Page size; at most 100.
    pub limit: u64,
    /// How many entries to skip.
    pub offset: u64,
    /// Only this address.
    pub email_address: Option<String>,
    /// Ignored by the service; kept because the schema still has it. Wire name `TaskID`.
    #[serde(rename = "TaskID")]
    pub task_id: Option<String>,
}

/// What `ListBlackEmailAddress` returns.
#[model]
pub struct ListBlackEmailAddressResponse {
    /// The blocked addresses of this page.
    pub black_list: Vec<BlackEmailAddress>,
    /// How many entries match in all.
    pub total_count: u64,
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Adds addresses to the account's own blocklist, optionally until a given day.
#[action(service = Ses, response = CreateCustomBlacklistResponse)]
pub struct CreateCustomBlacklistRequest {
    /// The addresses to block.
    pub emails: Vec<String>,
    /// The day the entries stop blocking, `YYYY-MM-DD`.
    pub expire_date: Option<String>,
}

/// What `CreateCustomBlacklist` returns: how the submitted addresses were classified.
#[model]
pub struct CreateCustomBlacklistResponse {
    /// How many addresses were submitted.
    pub total_count: Option<u64>,
    /// How many were added.
    pub valid_count: Option<u64>,
    /// How many were refused as too long.
    pub too_long_count: Option<u64>,
    /// How many were duplicates.
    pub repeat_count: Option<u64>,
    /// How many were not valid addresses.
    pub invalid_count: Option<u64>,
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Removes addresses from the account's own blocklist.
#[action(service = Ses, response = DeleteCustomBlackListResponse)]
pub struct DeleteCustomBlackListRequest {
    /// The addresses to remove.
    pub emails: Vec<String>,
}

/// What `DeleteCustomBlackList` returns.
#[model]
pub struct DeleteCustomBlackListResponse {
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Lists entries of the account's own blocklist, one page at a time.
#[action(service = Ses, response = ListCustomBlacklistResponse)]
pub struct ListCustomBlacklistRequest {
    /// How many entries to skip.
    pub offset: u64,
    /// Page size; at most 100.
    pub limit: u64,
    /// Expired entries, active entries, or all.
    pub status: CustomBlocklistFilter,
    /// Only this address.
    pub email: Option<String>,
}

/// What `ListCustomBlacklist` returns.
#[model]
pub struct ListCustomBlacklistResponse {
    /// How many entries match in all.
    pub total_count: Option<u64>,
    /// The entries of this page.
    pub data: Option<Vec<BlackAddressDetail>>,
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Changes the address and expiry day of one entry of the account's own blocklist.
#[action(service = Ses, response = UpdateCustomBlackListResponse)]
pub struct UpdateCustomBlackListRequest {
    /// The entry to change (its id from `ListCustomBlacklist`).
    pub id: u64,
    /// The entry's new address.
    pub email: String,
    /// The new expiry day, `YYYY-MM-DD`; empty for an entry that never expires.
    pub expire_date: Option<String>,
}

/// What `UpdateCustomBlackList` returns.
#[model]
pub struct UpdateCustomBlackListResponse {
    /// The id of this call, for support requests.
    pub request_id: String,
}
