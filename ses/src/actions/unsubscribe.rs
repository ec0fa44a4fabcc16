//! Per-sender-address unsubscribe links: create, list, change and remove the setting.

use tencentcloud_core::{action, model};

use crate::Ses;
use crate::enums::{SwitchStatus, UnsubscribeLanguage};
use crate::types::AddressUnsubscribeConfigData;

/// Sets up the unsubscribe link for mail from one sender address.
#[action(service = Ses, response = CreateAddressUnsubscribeConfigResponse)]
pub struct CreateAddressUnsubscribeConfigRequest {
    /// The sender address.
    pub address: String,
    /// The language of the link, or no link.
    pub unsubscribe_config: UnsubscribeLanguage,
    /// Whether the setting is switched on.
    pub status: SwitchStatus,
}

/// What `CreateAddressUnsubscribeConfig` returns.
#[model]
pub struct CreateAddressUnsubscribeConfigResponse {
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Removes the unsubscribe-link setting of a sender address.
#[action(service = Ses, response = DeleteAddressUnsubscribeConfigResponse)]
#[derive(Default)]
pub struct DeleteAddressUnsubscribeConfigRequest {
    /// The sender address. Optional in the schema, although it is the only way to say which
    /// setting to remove.
    pub address: Option<String>,
}

/// What `DeleteAddressUnsubscribeConfig` returns.
#[model]
pub struct DeleteAddressUnsubscribeConfigResponse {
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Lists the unsubscribe-link settings of the account's sender addresses.
#[action(service = Ses, response = ListAddressUnsubscribeConfigResponse)]
#[derive(Default)]
pub struct ListAddressUnsubscribeConfigRequest {
    /// How many settings to skip.
    pub offset: Option<u64>,
    /// Page size, at most 100, sent as a *string* of digits (e.g. `"10"`) as the schema says.
    pub limit: Option<String>,
}

/// What `ListAddressUnsubscribeConfig` returns.
#[model]
pub struct ListAddressUnsubscribeConfigResponse {
    /// The settings of this page.
    pub address_unsubscribe_config_list: Option<Vec<AddressUnsubscribeConfigData>>,
    /// How many settings there are in all.
    pub total: Option<u64>,
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Changes the unsubscribe-link setting of a sender address.
#[action(service = Ses, response = UpdateAddressUnsubscribeConfigResponse)]
pub struct UpdateAddressUnsubscribeConfigRequest {
    /// The sender address.
    pub address: String,
    /// The new language of the link, or no link.
    pub unsubscribe_config: UnsubscribeLanguage,
    /// Whether the setting is switched on.
    pub status: SwitchStatus,
}

/// What `UpdateAddressUnsubscribeConfig` returns.
#[model]
pub struct UpdateAddressUnsubscribeConfigResponse {
    /// The id of this call, for support requests.
    pub request_id: String,
}
