//! Per-sender-address unsubscribe settings: `CreateAddressUnsubscribeConfig`,
//! `UpdateAddressUnsubscribeConfig`, `DeleteAddressUnsubscribeConfig` and
//! `ListAddressUnsubscribeConfig`.
//!
//! An enabled setting adds its unsubscribe link to mail from that address whenever the
//! request itself does not say (`Unsubscribe` absent). The error lists of these actions are
//! copies of other actions' lists (ses.md §4), so the codes used here are the generic ones
//! that fit: `InvalidParameterValue.NoSuchSender` for an unknown address and
//! `InvalidParameterValue` for bad values.

use tencentcloud_ses::enums::{SwitchStatus, UnsubscribeLanguage};
use tencentcloud_ses::error_codes::{self, invalid_parameter_value};
use tencentcloud_ses::{
    AddressUnsubscribeConfigData, CreateAddressUnsubscribeConfigRequest,
    CreateAddressUnsubscribeConfigResponse, DeleteAddressUnsubscribeConfigRequest,
    DeleteAddressUnsubscribeConfigResponse, ListAddressUnsubscribeConfigRequest,
    ListAddressUnsubscribeConfigResponse, UpdateAddressUnsubscribeConfigRequest,
    UpdateAddressUnsubscribeConfigResponse,
};

use super::address;
use super::state::{Shared, State};
use super::wire::{Answer, MAX_PAGE, count, decode, error, page, respond};
use crate::backend::ApiError;
use crate::redact::shown;

/// The languages a per-address setting may choose: `0` to `10` (ses.md §4; `11` and `12` are
/// documented for sending only).
const LAST_ADDRESS_LANGUAGE: u32 = 10;

/// The unsubscribe setting of one sender address.
#[derive(Debug, Clone)]
pub(super) struct AddressConfig {
    /// The sender address as configured.
    pub(super) address: String,
    /// The link's language (`0` for no link).
    pub(super) language: UnsubscribeLanguage,
    /// Whether the setting is on.
    pub(super) enabled: bool,
}

impl State {
    /// The unsubscribe language mail from `sender` gets by default, if its setting is on and
    /// asks for a link.
    pub(super) fn default_unsubscribe(&self, sender: &str) -> Option<UnsubscribeLanguage> {
        self.unsubscribe_configs
            .get(&address::key(sender))
            .filter(|config| config.enabled && config.language != UnsubscribeLanguage::NoLink)
            .map(|config| config.language.clone())
    }

    /// The unsubscribe link mail from `sender` gets when the request asked for `requested`:
    /// the request's own choice when it made one (`0` meaning no link), else the address's
    /// setting. `SendEmail` and `BatchSendEmail` share this so the field means one thing.
    pub(super) fn unsubscribe_for(
        &self,
        requested: Option<&UnsubscribeLanguage>,
        sender: &str,
    ) -> Option<UnsubscribeLanguage> {
        match requested {
            Some(UnsubscribeLanguage::NoLink) => None,
            Some(language) => Some(language.clone()),
            None => self.default_unsubscribe(sender),
        }
    }
}

/// Checks the two values a setting carries.
fn check_values(language: &UnsubscribeLanguage, status: SwitchStatus) -> Result<bool, ApiError> {
    let known = language
        .as_str()
        .parse::<u32>()
        .is_ok_and(|n| n <= LAST_ADDRESS_LANGUAGE && n.to_string() == language.as_str());
    if !known {
        return Err(error(
            error_codes::INVALID_PARAMETER_VALUE,
            format!(
                "UnsubscribeConfig `{}` is not one of \"0\" to \"{LAST_ADDRESS_LANGUAGE}\"",
                shown(language.as_str())
            ),
        ));
    }
    match status {
        SwitchStatus::On => Ok(true),
        SwitchStatus::Off => Ok(false),
        SwitchStatus::Other(other) => Err(error(
            error_codes::INVALID_PARAMETER_VALUE,
            format!("Status {other} is not 0 (off) or 1 (on)"),
        )),
    }
}

/// `InvalidParameterValue.NoSuchSender` unless `address` is a sender address.
fn require_sender(state: &State, address: &str) -> Result<(), ApiError> {
    if state.sender(address).is_none() {
        return Err(error(
            invalid_parameter_value::NO_SUCH_SENDER,
            format!("there is no sender address `{}`", shown(address)),
        ));
    }
    Ok(())
}

/// `CreateAddressUnsubscribeConfig`.
pub(super) fn create(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: CreateAddressUnsubscribeConfigRequest = decode(params)?;
    let enabled = check_values(&request.unsubscribe_config, request.status)?;
    let mut state = shared.lock();
    require_sender(&state, &request.address)?;
    let key = address::key(&request.address);
    if state.unsubscribe_configs.contains_key(&key) {
        return Err(error(
            error_codes::INVALID_PARAMETER_VALUE,
            format!(
                "`{}` already has an unsubscribe setting; update it instead",
                request.address
            ),
        ));
    }
    state.unsubscribe_configs.insert(
        key,
        AddressConfig {
            address: request.address,
            language: request.unsubscribe_config,
            enabled,
        },
    );
    respond(&CreateAddressUnsubscribeConfigResponse {
        request_id: String::new(),
    })
}

/// The setting of `address`, or an error naming it.
fn existing<'s>(state: &'s mut State, address: &str) -> Result<&'s mut AddressConfig, ApiError> {
    state
        .unsubscribe_configs
        .get_mut(&address::key(address))
        .ok_or_else(|| {
            error(
                error_codes::INVALID_PARAMETER_VALUE,
                format!("`{}` has no unsubscribe setting", shown(address)),
            )
        })
}

/// `UpdateAddressUnsubscribeConfig`.
pub(super) fn update(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: UpdateAddressUnsubscribeConfigRequest = decode(params)?;
    let enabled = check_values(&request.unsubscribe_config, request.status)?;
    let mut state = shared.lock();
    let config = existing(&mut state, &request.address)?;
    config.language = request.unsubscribe_config;
    config.enabled = enabled;
    respond(&UpdateAddressUnsubscribeConfigResponse {
        request_id: String::new(),
    })
}

/// `DeleteAddressUnsubscribeConfig`: `Address` is optional in the schema but says which
/// setting to remove, so it is needed here.
pub(super) fn delete(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: DeleteAddressUnsubscribeConfigRequest = decode(params)?;
    let Some(address) = request.address else {
        return Err(error(
            error_codes::MISSING_PARAMETER,
            "Address is needed to say which unsubscribe setting to delete",
        ));
    };
    let mut state = shared.lock();
    existing(&mut state, &address)?;
    state.unsubscribe_configs.remove(&address::key(&address));
    respond(&DeleteAddressUnsubscribeConfigResponse {
        request_id: String::new(),
    })
}

/// `ListAddressUnsubscribeConfig`; `Limit` arrives as a string of digits.
pub(super) fn list(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: ListAddressUnsubscribeConfigRequest = decode(params)?;
    let limit = match request.limit.as_deref() {
        None => MAX_PAGE,
        Some(text) => text.trim().parse::<u64>().map_err(|_| {
            error(
                error_codes::INVALID_PARAMETER_VALUE,
                format!("Limit `{}` is not a number", shown(text)),
            )
        })?,
    };
    // This action lists plain `InvalidParameterValue` for a page too large, not the
    // `FailedOperation.InvalidLimit` of the other list actions.
    if limit > MAX_PAGE {
        return Err(error(
            error_codes::INVALID_PARAMETER_VALUE,
            format!("Limit is {limit}; at most {MAX_PAGE} entries are returned per page"),
        ));
    }
    let state = shared.lock();
    let all = state
        .unsubscribe_configs
        .values()
        .map(|config| AddressUnsubscribeConfigData {
            address: Some(config.address.clone()),
            unsubscribe_config: Some(config.language.clone()),
            status: Some(if config.enabled {
                SwitchStatus::On
            } else {
                SwitchStatus::Off
            }),
        });
    respond(&ListAddressUnsubscribeConfigResponse {
        address_unsubscribe_config_list: Some(page(all, request.offset.unwrap_or(0), limit)),
        total: Some(count(state.unsubscribe_configs.len())),
        request_id: String::new(),
    })
}
