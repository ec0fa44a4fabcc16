//! Sender domains: `CreateEmailIdentity`, `GetEmailIdentity`, `UpdateEmailIdentity`,
//! `ListEmailIdentities` and `DeleteEmailIdentity`.
//!
//! A domain is verified at once unless [`SesOptions::require_verification`] is set; then it
//! stays unverified until `UpdateEmailIdentity` "checks" its DNS records, which the emulator
//! always finds in place. Every verified domain is given the top documented reputation level,
//! and its daily quota is enforced by `SendEmail`.
//!
//! [`SesOptions::require_verification`]: super::SesOptions::require_verification

use tencentcloud_ses::enums::{DkimOption, IdentityType};
use tencentcloud_ses::error_codes::{self, invalid_parameter_value, operation_denied};
use tencentcloud_ses::{
    CreateEmailIdentityRequest, CreateEmailIdentityResponse, DeleteEmailIdentityRequest,
    DeleteEmailIdentityResponse, EmailIdentity, GetEmailIdentityRequest, GetEmailIdentityResponse,
    ListEmailIdentitiesRequest, ListEmailIdentitiesResponse, Tag, UpdateEmailIdentityRequest,
    UpdateEmailIdentityResponse,
};

use super::state::{Shared, State};
use super::wire::{Answer, count, decode, error, page, respond};
use super::{address, dns};
use crate::backend::ApiError;
use crate::redact::shown;

/// Most sender domains an account may have (ses.md §12).
pub(super) const MAX_DOMAINS: usize = 10;
/// The reputation level every verified domain of the emulator has: the highest in the
/// documented table.
pub(super) const REPUTATION_LEVEL: u64 = 20;
/// The daily quota of that level (ses.md §12): mails per domain per day.
pub(super) const DAILY_QUOTA: u64 = 1_000_000;

/// A registered sender domain.
#[derive(Debug, Clone)]
pub(super) struct Identity {
    /// The domain, lower case.
    pub(super) name: String,
    /// The DKIM key option in use.
    pub(super) dkim: DkimOption,
    /// The DKIM public key, base64.
    pub(super) dkim_key: String,
    /// Resource tags.
    pub(super) tags: Vec<Tag>,
    /// Whether the domain passed verification.
    pub(super) verified: bool,
}

impl State {
    /// The domain named `name` (any case).
    pub(super) fn identity(&self, name: &str) -> Option<&Identity> {
        self.identities.get(&name.to_ascii_lowercase())
    }
}

/// The domain a request names, or `InvalidParameterValue.NotExistDomain`.
fn existing<'s>(state: &'s mut State, name: &str) -> Result<&'s mut Identity, ApiError> {
    state
        .identities
        .get_mut(&name.to_ascii_lowercase())
        .ok_or_else(|| not_created(invalid_parameter_value::NOT_EXIST_DOMAIN, name))
}

/// `code` for a domain `name` that was never created: `NotExistDomain` when reading or
/// updating, plain `InvalidParameterValue` when deleting, as each action documents.
fn not_created(code: &str, name: &str) -> ApiError {
    error(
        code,
        format!("the sender domain `{}` has not been created", shown(name)),
    )
}

/// The records of a domain as the responses show them.
fn attributes(identity: &Identity) -> Vec<tencentcloud_ses::DnsAttributes> {
    dns::records(&identity.name, &identity.dkim_key, identity.verified)
}

/// `CreateEmailIdentity`: registers a domain and answers with the records to publish.
pub(super) fn create(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: CreateEmailIdentityRequest = decode(params)?;
    let name = request.email_identity.to_ascii_lowercase();
    if !address::is_domain(&name) {
        return Err(error(
            invalid_parameter_value::INVALID_EMAIL_IDENTITY,
            format!(
                "`{}` is not a valid domain name",
                shown(&request.email_identity)
            ),
        ));
    }
    let dkim = request.dkim_option.unwrap_or(DkimOption::Rsa1024);
    if !matches!(dkim, DkimOption::Rsa1024 | DkimOption::Rsa2048) {
        return Err(error(
            error_codes::INVALID_PARAMETER_VALUE,
            format!(
                "DKIMOption {dkim} is not offered at creation; use 0 (1024-bit) or 1 (2048-bit)"
            ),
        ));
    }
    let mut state = shared.lock();
    if state.identities.contains_key(&name) {
        return Err(error(
            invalid_parameter_value::REPEAT_CREATION,
            format!("the sender domain `{}` already exists", shown(&name)),
        ));
    }
    if state.identities.len() >= MAX_DOMAINS {
        return Err(error(
            operation_denied::EXCEED_DOMAIN_LIMIT,
            format!("an account may have at most {MAX_DOMAINS} sender domains"),
        ));
    }
    let identity = Identity {
        name: name.clone(),
        dkim,
        dkim_key: dns::dkim_public_key(dkim),
        tags: request.tag_list.unwrap_or_default(),
        verified: !shared.options.require_verification,
    };
    let response = CreateEmailIdentityResponse {
        identity_type: IdentityType::Domain,
        verified_for_sending_status: identity.verified,
        attributes: attributes(&identity),
        dkim_option: Some(identity.dkim),
        request_id: String::new(),
    };
    state.identities.insert(name, identity);
    respond(&response)
}

/// `GetEmailIdentity`: a domain's state and records.
pub(super) fn get(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: GetEmailIdentityRequest = decode(params)?;
    let mut state = shared.lock();
    let identity = existing(&mut state, &request.email_identity)?;
    respond(&GetEmailIdentityResponse {
        identity_type: IdentityType::Domain,
        verified_for_sending_status: identity.verified,
        attributes: attributes(identity),
        dkim_option: Some(identity.dkim),
        tag_list: Some(identity.tags.clone()),
        request_id: String::new(),
    })
}

/// `UpdateEmailIdentity`: "checks" the DNS records, which marks the domain verified, and
/// switches the DKIM key when another length is asked for.
pub(super) fn update(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: UpdateEmailIdentityRequest = decode(params)?;
    let mut state = shared.lock();
    let identity = existing(&mut state, &request.email_identity)?;
    if let Some(dkim) = request.dkim_option {
        if !dkim.is_known() {
            return Err(error(
                error_codes::INVALID_PARAMETER_VALUE,
                format!("DKIMOption {dkim} is unknown; use 0, 1 or 2"),
            ));
        }
        if dkim != identity.dkim {
            identity.dkim = dkim;
            identity.dkim_key = dns::dkim_public_key(dkim);
        }
    }
    identity.verified = true;
    respond(&UpdateEmailIdentityResponse {
        identity_type: IdentityType::Domain,
        verified_for_sending_status: identity.verified,
        attributes: attributes(identity),
        dkim_option: Some(identity.dkim),
        request_id: String::new(),
    })
}

/// `ListEmailIdentities`: the domains, optionally only those carrying every given tag.
pub(super) fn list(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: ListEmailIdentitiesRequest = decode(params)?;
    let wanted = request.tag_list.unwrap_or_default();
    let state = shared.lock();
    let matching: Vec<&Identity> = state
        .identities
        .values()
        .filter(|identity| wanted.iter().all(|tag| identity.tags.contains(tag)))
        .collect();
    let total = count(matching.len());
    let any_verified = matching.iter().any(|identity| identity.verified);
    let summaries = page(
        matching.into_iter().map(summary),
        request.offset.unwrap_or(0),
        request.limit.unwrap_or(u64::MAX),
    );
    respond(&ListEmailIdentitiesResponse {
        email_identities: summaries,
        max_reputation_level: if any_verified { REPUTATION_LEVEL } else { 0 },
        max_daily_quota: if any_verified { DAILY_QUOTA } else { 0 },
        total: Some(total),
        request_id: String::new(),
    })
}

/// One domain as `ListEmailIdentities` shows it.
fn summary(identity: &Identity) -> EmailIdentity {
    EmailIdentity {
        identity_name: identity.name.clone(),
        identity_type: IdentityType::Domain,
        sending_enabled: identity.verified,
        current_reputation_level: if identity.verified {
            REPUTATION_LEVEL
        } else {
            0
        },
        daily_quota: if identity.verified { DAILY_QUOTA } else { 0 },
        send_ip: None,
        tag_list: Some(identity.tags.clone()),
        dkim_option: Some(identity.dkim),
    }
}

/// `DeleteEmailIdentity`: refused while sender addresses of the domain remain.
pub(super) fn delete(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: DeleteEmailIdentityRequest = decode(params)?;
    let mut state = shared.lock();
    let name = state
        .identity(&request.email_identity)
        .map(|identity| identity.name.clone())
        .ok_or_else(|| {
            not_created(
                error_codes::INVALID_PARAMETER_VALUE,
                &request.email_identity,
            )
        })?;
    let senders = state
        .senders
        .values()
        .filter(|sender| address::domain_of(&sender.address) == name)
        .count();
    if senders > 0 {
        return Err(error(
            operation_denied::SENDER_WITH_DOMAIN_IS_NOT_EMPTY,
            format!(
                "the sender domain `{}` still has {senders} sender address(es); delete them first",
                shown(&name)
            ),
        ));
    }
    state.identities.remove(&name);
    respond(&DeleteEmailIdentityResponse {
        request_id: String::new(),
    })
}
