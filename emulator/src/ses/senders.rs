//! Sender addresses: `CreateEmailAddress`, `ListEmailAddress`, `DeleteEmailAddress` and
//! `UpdateEmailSmtpPassWord`.
//!
//! An address can only be created under a verified sender domain, at most ten per domain (the
//! international reading of ses.md §12). SMTP passwords are kept as a salted SHA-256 digest,
//! never as text: enough to refuse a repeated password, which is all the API needs.

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use tencentcloud_ses::enums::SmtpPasswordState;
use tencentcloud_ses::error_codes::{invalid_parameter_value, operation_denied};
use tencentcloud_ses::{
    CreateEmailAddressRequest, CreateEmailAddressResponse, DeleteEmailAddressRequest,
    DeleteEmailAddressResponse, EmailSender, ListEmailAddressRequest, ListEmailAddressResponse,
    UpdateEmailSmtpPassWordRequest, UpdateEmailSmtpPassWordResponse,
};

use super::address;
use super::state::{Shared, State};
use super::wire::{Answer, decode, error, respond};
use crate::redact::shown;

/// Most sender addresses per sender domain.
pub(super) const MAX_SENDERS_PER_DOMAIN: usize = 10;
/// Shortest SMTP password accepted.
const MIN_PASSWORD_CHARS: usize = 10;
/// Longest SMTP password accepted.
const MAX_PASSWORD_CHARS: usize = 20;
/// How many different characters of each class (digits, lower case, upper case) a password
/// needs: the error text of `InvalidSmtpPassWord` asks for "at least 2 non-repeating" of each.
const MIN_DISTINCT_PER_CLASS: usize = 2;
/// Longest sender address accepted by `UpdateEmailSmtpPassWord`.
const MAX_SMTP_ADDRESS_CHARS: usize = 128;

/// A test for one class of characters.
type CharClass = fn(&char) -> bool;

/// A salted digest of an SMTP password.
#[derive(Clone)]
pub(super) struct PasswordHash {
    salt: [u8; 16],
    digest: Vec<u8>,
}

impl std::fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordHash(<redacted>)")
    }
}

impl PasswordHash {
    /// Hashes `password` with a fresh random salt.
    fn new(password: &str) -> PasswordHash {
        let mut rng = fastrand::Rng::new();
        let mut salt = [0u8; 16];
        rng.fill(&mut salt);
        PasswordHash {
            salt,
            digest: digest(&salt, password),
        }
    }

    /// Whether `password` is the one this digest was made from (compared in constant time).
    fn matches(&self, password: &str) -> bool {
        digest(&self.salt, password).ct_eq(&self.digest).into()
    }
}

/// SHA-256 of the salt followed by the password.
fn digest(salt: &[u8], password: &str) -> Vec<u8> {
    Sha256::new()
        .chain_update(salt)
        .chain_update(password.as_bytes())
        .finalize()
        .to_vec()
}

/// A sender address.
#[derive(Debug, Clone)]
pub(super) struct Sender {
    /// The address as created.
    pub(super) address: String,
    /// The display name; empty when none was given.
    pub(super) name: String,
    /// When it was created, Unix seconds.
    pub(super) created: u64,
    /// The SMTP password's digest, once one is set.
    pub(super) password: Option<PasswordHash>,
}

impl State {
    /// The sender address `address` (any case).
    pub(super) fn sender(&self, address: &str) -> Option<&Sender> {
        self.senders.get(&address::key(address))
    }
}

/// Why a display name cannot be used, if it cannot: it ends up in the `From` header.
fn check_sender_name(name: &str) -> Result<(), String> {
    if name.chars().any(char::is_control) {
        return Err("the display name must not contain control characters".to_owned());
    }
    if name.contains(['<', '>', ':', '"']) {
        return Err("the display name must not contain `<`, `>`, `:` or `\"`".to_owned());
    }
    Ok(())
}

/// `CreateEmailAddress`.
pub(super) fn create(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: CreateEmailAddressRequest = decode(params)?;
    let address = request.email_address;
    if !address::is_address(&address) {
        return Err(error(
            invalid_parameter_value::ILLEGAL_EMAIL_ADDRESS,
            format!("`{}` is not a valid mail address", shown(&address)),
        ));
    }
    let name = request.email_sender_name.unwrap_or_default();
    check_sender_name(&name)
        .map_err(|why| error(invalid_parameter_value::ILLEGAL_SENDER_NAME, why))?;
    let domain = address::domain_of(&address);
    let mut state = shared.lock();
    if !state
        .identity(&domain)
        .is_some_and(|identity| identity.verified)
    {
        return Err(error(
            operation_denied::DOMAIN_NOT_VERIFIED,
            format!(
                "`{}` is not a verified sender domain of this account",
                shown(&domain)
            ),
        ));
    }
    let key = address::key(&address);
    if state.senders.contains_key(&key) {
        return Err(error(
            invalid_parameter_value::REPEAT_EMAIL_ADDRESS,
            format!("the sender address `{}` already exists", shown(&address)),
        ));
    }
    let under_domain = state
        .senders
        .values()
        .filter(|sender| address::domain_of(&sender.address) == domain)
        .count();
    if under_domain >= MAX_SENDERS_PER_DOMAIN {
        return Err(error(
            operation_denied::EXCEED_SENDER_LIMIT,
            format!(
                "`{}` already has {MAX_SENDERS_PER_DOMAIN} sender addresses",
                shown(&domain)
            ),
        ));
    }
    let created = shared.now();
    state.senders.insert(
        key,
        Sender {
            address,
            name,
            created,
            password: None,
        },
    );
    respond(&CreateEmailAddressResponse {
        request_id: String::new(),
    })
}

/// `ListEmailAddress`: every sender address, no paging.
pub(super) fn list(shared: &Shared, params: serde_json::Value) -> Answer {
    let _: ListEmailAddressRequest = decode(params)?;
    let state = shared.lock();
    let senders = state
        .senders
        .values()
        .map(|sender| EmailSender {
            email_address: sender.address.clone(),
            email_sender_name: sender.name.clone(),
            created_timestamp: sender.created,
            smtp_pwd_type: Some(if sender.password.is_some() {
                SmtpPasswordState::Set
            } else {
                SmtpPasswordState::NotSet
            }),
        })
        .collect();
    respond(&ListEmailAddressResponse {
        email_senders: senders,
        request_id: String::new(),
    })
}

/// `DeleteEmailAddress`; its unsubscribe setting goes with it.
pub(super) fn delete(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: DeleteEmailAddressRequest = decode(params)?;
    let key = address::key(&request.email_address);
    let mut state = shared.lock();
    if state.senders.remove(&key).is_none() {
        return Err(error(
            invalid_parameter_value::NO_SUCH_SENDER,
            format!(
                "there is no sender address `{}`",
                shown(&request.email_address)
            ),
        ));
    }
    state.unsubscribe_configs.remove(&key);
    respond(&DeleteEmailAddressResponse {
        request_id: String::new(),
    })
}

/// Checks the documented password rules.
fn check_password(password: &str) -> Result<(), String> {
    let chars = password.chars().count();
    if !(MIN_PASSWORD_CHARS..=MAX_PASSWORD_CHARS).contains(&chars) {
        return Err(format!(
            "the SMTP password has {chars} characters; it must have {MIN_PASSWORD_CHARS} to {MAX_PASSWORD_CHARS}"
        ));
    }
    let distinct = |class: CharClass| {
        let mut seen: Vec<char> = password.chars().filter(class).collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    };
    let classes: [(&str, CharClass); 3] = [
        ("digits", char::is_ascii_digit),
        ("lower-case letters", char::is_ascii_lowercase),
        ("upper-case letters", char::is_ascii_uppercase),
    ];
    for (label, class) in classes {
        if distinct(class) < MIN_DISTINCT_PER_CLASS {
            return Err(format!(
                "the SMTP password needs at least {MIN_DISTINCT_PER_CLASS} different {label}"
            ));
        }
    }
    Ok(())
}

/// `UpdateEmailSmtpPassWord`.
pub(super) fn update_password(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: UpdateEmailSmtpPassWordRequest = decode(params)?;
    let password = request.password.expose();
    if request.email_address.chars().count() > MAX_SMTP_ADDRESS_CHARS {
        return Err(error(
            invalid_parameter_value::NO_SUCH_SENDER,
            format!(
                "no sender address has an EmailAddress this long: sender addresses have at most {MAX_SMTP_ADDRESS_CHARS} characters"
            ),
        ));
    }
    let mut state = shared.lock();
    let sender = state
        .senders
        .get_mut(&address::key(&request.email_address))
        .ok_or_else(|| {
            error(
                invalid_parameter_value::NO_SUCH_SENDER,
                format!(
                    "there is no sender address `{}`",
                    shown(&request.email_address)
                ),
            )
        })?;
    check_password(password)
        .map_err(|why| error(invalid_parameter_value::INVALID_SMTP_PASS_WORD, why))?;
    if sender
        .password
        .as_ref()
        .is_some_and(|old| old.matches(password))
    {
        return Err(error(
            operation_denied::REPEAT_PASS_WORD,
            "the new SMTP password must differ from the previous one",
        ));
    }
    sender.password = Some(PasswordHash::new(password));
    respond(&UpdateEmailSmtpPassWordResponse {
        request_id: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_rules_follow_the_documentation() {
        assert!(check_password("Ab12Cd34ef").is_ok());
        assert!(check_password("Ab12Cd34e").is_err(), "9 characters");
        assert!(
            check_password("Ab12Cd34efGh56Ij78klm").is_err(),
            "21 characters"
        );
        assert!(
            check_password("aaaaaaAB12").is_err(),
            "one distinct lower-case letter"
        );
        assert!(check_password("abcdefAB11").is_err(), "one distinct digit");
        assert!(check_password("abcdef1234").is_err(), "no upper case");
    }

    #[test]
    fn digests_match_only_their_password_and_hide_it() {
        let hash = PasswordHash::new("Ab12Cd34ef");
        assert!(hash.matches("Ab12Cd34ef"));
        assert!(!hash.matches("Ab12Cd34eF"));
        assert_eq!(format!("{hash:?}"), "PasswordHash(<redacted>)");
        assert_ne!(
            PasswordHash::new("Ab12Cd34ef").digest,
            hash.digest,
            "salted"
        );
    }
}
