//! Recipient lists for batch tasks: create and delete lists, upload and read their addresses.

use tencentcloud_core::{action, model};

use crate::Ses;
use crate::enums::{ReceiverAddressStatus, ReceiverListStatus};
use crate::types::{ReceiverData, ReceiverDetail, ReceiverInputData};

/// Creates an empty recipient list.
#[action(service = Ses, response = CreateReceiverResponse)]
pub struct CreateReceiverRequest {
    /// The list's name, unique in the account.
    pub receivers_name: String,
    /// A description, 1 to 300 characters without special characters.
    pub desc: Option<String>,
}

/// What `CreateReceiver` returns.
#[model]
pub struct CreateReceiverResponse {
    /// The new list's id, for uploading addresses and for sending.
    pub receiver_id: u64,
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Adds plain addresses to a recipient list. The upload is processed in the background;
/// another upload to the same list is refused until it is done.
#[action(service = Ses, response = CreateReceiverDetailResponse)]
pub struct CreateReceiverDetailRequest {
    /// The list to add to.
    pub receiver_id: u64,
    /// The addresses: at most 20,000 per call and 50,000 per list; duplicates are kept.
    pub emails: Vec<String>,
}

/// What `CreateReceiverDetail` returns: how the submitted addresses were classified.
#[model]
pub struct CreateReceiverDetailResponse {
    /// How many addresses were submitted.
    pub total_count: Option<u64>,
    /// How many were stored.
    pub valid_count: Option<u64>,
    /// How many were refused as too long.
    pub too_long_count: Option<u64>,
    /// How many were empty.
    pub empty_email_count: Option<u64>,
    /// How many were duplicates.
    pub repeat_count: Option<u64>,
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Adds addresses to a recipient list, each with its own template variables.
#[action(service = Ses, response = CreateReceiverDetailWithDataResponse)]
pub struct CreateReceiverDetailWithDataRequest {
    /// The list to add to.
    pub receiver_id: u64,
    /// The recipients: at most 20,000 per call and 50,000 per list. Wire name `Datas`.
    pub datas: Vec<ReceiverInputData>,
}

/// What `CreateReceiverDetailWithData` returns: how the submitted recipients were classified.
#[model]
pub struct CreateReceiverDetailWithDataResponse {
    /// How many recipients were submitted.
    pub total_count: Option<u64>,
    /// How many were stored.
    pub valid_count: Option<u64>,
    /// How many were refused as too long.
    pub too_long_count: Option<u64>,
    /// How many had an empty address.
    pub empty_email_count: Option<u64>,
    /// How many were duplicates.
    pub repeat_count: Option<u64>,
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Deletes a recipient list with all its addresses.
#[action(service = Ses, response = DeleteReceiverResponse)]
pub struct DeleteReceiverRequest {
    /// The list to delete.
    pub receiver_id: u64,
}

/// What `DeleteReceiver` returns.
#[model]
pub struct DeleteReceiverResponse {
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Lists the addresses of one recipient list, one page at a time.
#[action(service = Ses, response = ListReceiverDetailsResponse, builder = true)]
pub struct ListReceiverDetailsRequest {
    /// The list to read.
    pub receiver_id: u64,
    /// How many addresses to skip.
    pub offset: u64,
    /// Page size; at most 100.
    pub limit: u64,
    /// Only addresses containing this text (up to 50 characters).
    pub email: Option<String>,
    /// Only addresses added on or after this day, `YYYY-MM-DD`.
    pub create_time_begin: Option<String>,
    /// Only addresses added on or before this day, `YYYY-MM-DD`.
    pub create_time_end: Option<String>,
    /// Only valid, or only invalid, addresses.
    pub status: Option<ReceiverAddressStatus>,
}

/// What `ListReceiverDetails` returns.
#[model]
pub struct ListReceiverDetailsResponse {
    /// How many addresses match in all.
    pub total_count: u64,
    /// The addresses of this page.
    pub data: Vec<ReceiverDetail>,
    /// How many addresses of the list are valid.
    pub valid_count: Option<u64>,
    /// How many addresses of the list are invalid.
    pub invalid_count: Option<u64>,
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Lists the account's recipient lists, one page at a time.
#[action(service = Ses, response = ListReceiversResponse)]
pub struct ListReceiversRequest {
    /// How many lists to skip.
    pub offset: u64,
    /// Page size; at most 100.
    pub limit: u64,
    /// Only lists in this upload state.
    pub status: Option<ReceiverListStatus>,
    /// Only lists whose name contains this text. Wire name `KeyWord`.
    pub key_word: Option<String>,
}

/// What `ListReceivers` returns.
#[model]
pub struct ListReceiversResponse {
    /// How many lists match in all.
    pub total_count: u64,
    /// The lists of this page.
    pub data: Vec<ReceiverData>,
    /// The id of this call, for support requests.
    pub request_id: String,
}
