//! Sender domains: register, verify, read, list and delete the domains mail is sent from.

use tencentcloud_core::{action, model};

use crate::Ses;
use crate::enums::{DkimOption, IdentityType};
use crate::types::{DnsAttributes, EmailIdentity, Tag};

/// Registers a sender domain and returns the DNS records to publish before it can send.
///
/// A subdomain such as `mail.example.com` is the usual choice; an account may hold at most 10
/// sender domains.
#[action(service = Ses, response = CreateEmailIdentityResponse)]
pub struct CreateEmailIdentityRequest {
    /// The domain to register.
    pub email_identity: String,
    /// The DKIM key length to generate: 1024 (default) or 2048 bits. Wire name `DKIMOption`.
    #[serde(rename = "DKIMOption")]
    pub dkim_option: Option<DkimOption>,
    /// Resource tags to attach to the domain.
    pub tag_list: Option<Vec<Tag>>,
}

/// What `CreateEmailIdentity` returns.
#[model]
pub struct CreateEmailIdentityResponse {
    /// The kind of identity; always a domain.
    pub identity_type: IdentityType,
    /// Whether the domain is verified; `false` right after creation.
    pub verified_for_sending_status: bool,
    /// The DNS records to publish (SPF and DKIM at least).
    pub attributes: Vec<DnsAttributes>,
    /// The DKIM key in use. Wire name `DKIMOption`.
    #[serde(rename = "DKIMOption")]
    pub dkim_option: Option<DkimOption>,
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Deletes a sender domain. Refused while sender addresses under it remain, and (per newer
/// documentation) allowed for enterprise accounts only.
#[action(service = Ses, response = DeleteEmailIdentityResponse)]
pub struct DeleteEmailIdentityRequest {
    /// The domain to delete.
    pub email_identity: String,
}

/// What `DeleteEmailIdentity` returns.
#[model]
pub struct DeleteEmailIdentityResponse {
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Reads a sender domain's verification state and its DNS records, expected and found.
#[action(service = Ses, response = GetEmailIdentityResponse)]
pub struct GetEmailIdentityRequest {
    /// The domain to read.
    pub email_identity: String,
}

/// What `GetEmailIdentity` returns.
#[model]
pub struct GetEmailIdentityResponse {
    /// The kind of identity; always a domain.
    pub identity_type: IdentityType,
    /// Whether the domain is verified.
    pub verified_for_sending_status: bool,
    /// The DNS records with the expected and the currently found values.
    pub attributes: Vec<DnsAttributes>,
    /// The DKIM key in use. Wire name `DKIMOption`.
    #[serde(rename = "DKIMOption")]
    pub dkim_option: Option<DkimOption>,
    /// The domain's resource tags.
    pub tag_list: Option<Vec<Tag>>,
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Lists the account's sender domains, verified or not, with reputation and daily quota.
#[action(service = Ses, response = ListEmailIdentitiesResponse, builder = true)]
#[derive(Default)]
pub struct ListEmailIdentitiesRequest {
    /// Only domains carrying these tags.
    pub tag_list: Option<Vec<Tag>>,
    /// Page size.
    pub limit: Option<u64>,
    /// How many domains to skip.
    pub offset: Option<u64>,
}

/// What `ListEmailIdentities` returns.
#[model]
pub struct ListEmailIdentitiesResponse {
    /// The domains of this page.
    pub email_identities: Vec<EmailIdentity>,
    /// The highest reputation level among the domains.
    pub max_reputation_level: u64,
    /// The highest daily quota among the domains, in mails.
    pub max_daily_quota: u64,
    /// How many domains there are in all.
    pub total: Option<u64>,
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Asks Tencent Cloud to check a sender domain's DNS records now, and returns the result.
///
/// DNS changes can take from five minutes to two hours to be seen.
#[action(service = Ses, response = UpdateEmailIdentityResponse)]
pub struct UpdateEmailIdentityRequest {
    /// The domain to check.
    pub email_identity: String,
    /// A switch the console sets to pick the newer verification flow; its exact meaning is
    /// undocumented. Wire name `NewAPI`.
    #[serde(rename = "NewAPI")]
    pub new_api: Option<bool>,
    /// The DKIM key to check for: 1024, 2048 or both. Wire name `DKIMOption`.
    #[serde(rename = "DKIMOption")]
    pub dkim_option: Option<DkimOption>,
}

/// What `UpdateEmailIdentity` returns.
#[model]
pub struct UpdateEmailIdentityResponse {
    /// The kind of identity; always a domain.
    pub identity_type: IdentityType,
    /// Whether the domain passed the check.
    pub verified_for_sending_status: bool,
    /// The DNS records with the expected and the currently found values.
    pub attributes: Vec<DnsAttributes>,
    /// The DKIM key in use. Wire name `DKIMOption`.
    #[serde(rename = "DKIMOption")]
    pub dkim_option: Option<DkimOption>,
    /// The id of this call, for support requests.
    pub request_id: String,
}
