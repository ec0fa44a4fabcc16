//! Sender addresses: create, list and delete them, and set their SMTP password.

use std::fmt;

use serde::{Deserialize, Serialize};
use tencentcloud_core::{action, model};

use crate::Ses;
use crate::types::EmailSender;

/// Creates a sender address under a verified sender domain.
///
/// At most 10 sender addresses are allowed (per domain on the international site, per account
/// in the Chinese field documentation).
#[action(service = Ses, response = CreateEmailAddressResponse)]
pub struct CreateEmailAddressRequest {
    /// The new address; its domain must be a verified sender domain of the account.
    pub email_address: String,
    /// The display name recipients see next to the address.
    pub email_sender_name: Option<String>,
}

/// What `CreateEmailAddress` returns.
#[model]
pub struct CreateEmailAddressResponse {
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Deletes a sender address.
#[action(service = Ses, response = DeleteEmailAddressResponse)]
pub struct DeleteEmailAddressRequest {
    /// The address to delete.
    pub email_address: String,
}

/// What `DeleteEmailAddress` returns.
#[model]
pub struct DeleteEmailAddressResponse {
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Lists every sender address of the account (no paging; allowed 35 times per second).
#[action(service = Ses, response = ListEmailAddressResponse)]
#[derive(Default)]
pub struct ListEmailAddressRequest {}

/// What `ListEmailAddress` returns.
#[model]
pub struct ListEmailAddressResponse {
    /// All sender addresses.
    pub email_senders: Vec<EmailSender>,
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Sets or changes the SMTP password of a sender address; the address can send over SMTP
/// afterwards, logging in with itself as user name.
///
/// The password must be 10 to 20 characters long, mix digits with lower- and upper-case
/// letters, and differ from the previous one.
#[action(service = Ses, response = UpdateEmailSmtpPassWordResponse)]
pub struct UpdateEmailSmtpPassWordRequest {
    /// The new password (the schema allows up to 64 characters; the service accepts 10 to 20).
    pub password: SmtpPassword,
    /// The sender address, at most 128 characters; it must exist.
    pub email_address: String,
}

/// What `UpdateEmailSmtpPassWord` returns.
#[model]
pub struct UpdateEmailSmtpPassWordResponse {
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// An SMTP password: a plain string on the wire, but never shown by `Debug`, so requests can
/// be logged without leaking it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SmtpPassword(String);

impl SmtpPassword {
    /// Wraps a password.
    pub fn new(password: impl Into<String>) -> Self {
        Self(password.into())
    }

    /// The password itself, for sending it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<String> for SmtpPassword {
    fn from(password: String) -> Self {
        Self(password)
    }
}

impl From<&str> for SmtpPassword {
    fn from(password: &str) -> Self {
        Self(password.to_owned())
    }
}

impl fmt::Debug for SmtpPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SmtpPassword(<redacted>)")
    }
}
