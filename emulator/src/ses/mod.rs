//! The SES 2020-10-02 backend: all 36 actions over one consistent, in-memory account.
//!
//! Every call is first checked against SES's declared parameters (see `schema.rs`), then
//! decoded into the `tencentcloud-ses` crate's own request type and answered with its response
//! type, so the emulator and the client agree on the wire by construction. What the emulated
//! account does:
//!
//! - **Domains** get the DNS records to publish (MX, SPF, DKIM with a fresh key, DMARC) and are
//!   verified at once, or only on `UpdateEmailIdentity` with
//!   [`SesOptions::require_verification`].
//! - **Sender addresses** live under verified domains; SMTP passwords follow the documented
//!   rules and are kept only as salted digests.
//! - **Templates** fill `{{variable}}` placeholders from the template data; they are approved at
//!   once, or held for [`SesBackend::review_template`] with
//!   [`SesOptions::hold_templates_for_review`].
//! - **Sending** enforces what the service enforces, with its error codes, renders a real MIME
//!   message with lettre and stores it before answering: [`SesBackend::message`] reads every
//!   returned `MessageId` back. The emulated account is one Tencent granted "custom content",
//!   so `Simple` bodies are accepted beside templates. Recipients at the [`SIMULATOR_DOMAIN`]
//!   provoke bounces, complaints and other outcomes on purpose (see `simulate.rs`).
//! - **Statuses, statistics, blocklists, recipient lists, batch tasks, unsubscribe settings and
//!   abuse reports** all follow from what was sent.
//! - **Outputs**: each delivered message can be relayed to an SMTP server and each event posted
//!   to a webhook, in the background ([`SesOptions::smtp_relay`], [`SesOptions::webhook_url`]).
//!
//! Times are UTC; the real service reports China Standard Time.

mod abuse;
mod address;
mod batch;
mod blocklists;
mod compose;
mod deliver;
mod dns;
mod identities;
mod message;
mod mime;
mod outputs;
mod receivers;
mod render;
mod schema;
mod senders;
mod sending;
mod simulate;
mod state;
mod statistics;
mod status;
mod tasks;
mod templates;
mod time;
mod unsubscribe;
mod uploads;
mod wire;

use std::fmt;
use std::sync::Arc;

use serde_json::Value;
use tencentcloud_core::clock::{Clock, SystemClock};

pub use message::{RecipientStatus, StoredAttachment, StoredMessage};
pub use simulate::SIMULATOR_DOMAIN;

use crate::backend::{ApiError, Backend, Params};
use crate::redact::{bounded_message, url_origin};
use outputs::Outputs;
use state::Shared;
use wire::Answer;

/// The service name: the first label of `ses.tencentcloudapi.com`.
pub const SERVICE: &str = "ses";
/// The API version this backend implements.
pub const VERSION: &str = "2020-10-02";
/// The regions SES answers in: Guangzhou and Hong Kong on the China site, Singapore on the
/// international one.
pub const REGIONS: [&str; 3] = ["ap-guangzhou", "ap-hongkong", "ap-singapore"];

/// How the emulated SES account behaves.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct SesOptions {
    /// Keep new domains unverified until `UpdateEmailIdentity` is called for them.
    pub require_verification: bool,
    /// Keep new and updated templates pending until [`SesBackend::review_template`].
    pub hold_templates_for_review: bool,
    /// Relay every delivered message to this plain SMTP server, `smtp://host[:port]`.
    pub smtp_relay: Option<String>,
    /// Post every webhook event to this `http://` or `https://` URL.
    pub webhook_url: Option<String>,
}

impl SesOptions {
    /// Checks the output URLs, so a program can refuse a bad one at startup (the backend
    /// itself only logs it and leaves that output off).
    ///
    /// # Errors
    /// A sentence saying which URL is unusable and why. Neither URL is repeated beyond its
    /// scheme and host: the relay's may carry a login, the webhook's a secret token.
    pub fn check(&self) -> Result<(), String> {
        if let Some(relay) = &self.smtp_relay {
            outputs::parse_relay(relay)?;
        }
        if let Some(webhook) = &self.webhook_url {
            outputs::check_webhook(webhook)?;
        }
        Ok(())
    }
}

impl fmt::Debug for SesOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The relay URL may carry a login and the webhook URL a callback secret: only the
        // scheme and host of each are shown.
        f.debug_struct("SesOptions")
            .field("require_verification", &self.require_verification)
            .field("hold_templates_for_review", &self.hold_templates_for_review)
            .field("smtp_relay", &self.smtp_relay.as_deref().map(url_origin))
            .field("webhook_url", &self.webhook_url.as_deref().map(url_origin))
            .finish()
    }
}

/// The SES backend. Cloning gives another handle to the same account.
#[derive(Clone)]
pub struct SesBackend {
    shared: Arc<Shared>,
}

impl fmt::Debug for SesBackend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SesBackend")
            .field("options", &self.shared.options)
            .finish_non_exhaustive()
    }
}

impl SesBackend {
    /// An empty account with these options, on the system clock.
    pub fn new(options: SesOptions) -> SesBackend {
        SesBackend::with_clock(options, Arc::new(SystemClock))
    }

    /// An empty account whose notion of "now" comes from `clock` (statistics days, status
    /// retention, batch schedules), for tests that need to move time.
    pub fn with_clock(options: SesOptions, clock: Arc<dyn Clock>) -> SesBackend {
        let shared = Arc::new_cyclic(|weak| {
            let outputs = Outputs::start(
                options.smtp_relay.as_deref(),
                options.webhook_url.as_deref(),
                weak.clone(),
            );
            Shared::new(options, clock, outputs)
        });
        SesBackend { shared }
    }

    /// The options the backend was created with.
    pub fn options(&self) -> &SesOptions {
        &self.shared.options
    }

    /// Every stored message, oldest first (due batch rounds are sent first).
    pub fn messages(&self) -> Vec<StoredMessage> {
        tasks::run_due(&self.shared);
        self.shared.lock().messages.all().to_vec()
    }

    /// The stored message with this `MessageId`.
    pub fn message(&self, message_id: &str) -> Option<StoredMessage> {
        tasks::run_due(&self.shared);
        self.shared.lock().messages.get(message_id).cloned()
    }

    /// Whether SES 2020-10-02 has an action of this name (`SendEmail`; case matters, as on the
    /// wire).
    pub fn has_action(&self, action: &str) -> bool {
        schema::declares(action)
    }

    /// Approves or rejects a template, as Tencent's reviewers would.
    ///
    /// # Errors
    /// A sentence when no template has this id.
    pub fn review_template(&self, id: u64, approve: bool) -> Result<(), String> {
        templates::review(&self.shared, id, approve)
    }
}

/// The handler of one action.
type Handler = fn(&Shared, Value) -> Answer;

/// The handler for an action the schema declares.
fn handler(action: &str) -> Option<Handler> {
    let handler: Handler = match action {
        "BatchSendEmail" => batch::send,
        "CreateAddressUnsubscribeConfig" => unsubscribe::create,
        "CreateCustomBlacklist" => blocklists::create_custom,
        "CreateEmailAddress" => senders::create,
        "CreateEmailIdentity" => identities::create,
        "CreateEmailTemplate" => templates::create,
        "CreateReceiver" => receivers::create,
        "CreateReceiverDetail" => uploads::add_emails,
        "CreateReceiverDetailWithData" => uploads::add_with_data,
        "DeleteAddressUnsubscribeConfig" => unsubscribe::delete,
        "DeleteBlackList" => blocklists::delete_bounced,
        "DeleteCustomBlackList" => blocklists::delete_custom,
        "DeleteEmailAddress" => senders::delete,
        "DeleteEmailIdentity" => identities::delete,
        "DeleteEmailTemplate" => templates::delete,
        "DeleteReceiver" => receivers::delete,
        "GetAbuseReport" => abuse::get,
        "GetEmailIdentity" => identities::get,
        "GetEmailTemplate" => templates::get,
        "GetSendEmailStatus" => status::get,
        "GetStatisticsReport" => statistics::report,
        "ListAddressUnsubscribeConfig" => unsubscribe::list,
        "ListBlackEmailAddress" => blocklists::list_bounced,
        "ListCustomBlacklist" => blocklists::list_custom,
        "ListEmailAddress" => senders::list,
        "ListEmailIdentities" => identities::list,
        "ListEmailTemplates" => templates::list,
        "ListReceiverDetails" => receivers::list_details,
        "ListReceivers" => receivers::list,
        "ListSendTasks" => batch::list,
        "SendEmail" => sending::send,
        "UpdateAddressUnsubscribeConfig" => unsubscribe::update,
        "UpdateCustomBlackList" => blocklists::update_custom,
        "UpdateEmailIdentity" => identities::update,
        "UpdateEmailSmtpPassWord" => senders::update_password,
        "UpdateEmailTemplate" => templates::update,
        _ => return None,
    };
    Some(handler)
}

impl Backend for SesBackend {
    fn service(&self) -> &'static str {
        SERVICE
    }

    fn version(&self) -> &'static str {
        VERSION
    }

    fn regions(&self) -> Option<&'static [&'static str]> {
        Some(&REGIONS)
    }

    fn call(&self, action: &str, params: &Params) -> Result<Value, ApiError> {
        // Messages repeat request values shortened (`shown`); this bound catches any that do
        // not, so no answer or log line carries a request's bulk back.
        self.answer(action, params).map_err(|error| ApiError {
            message: bounded_message(&error.message),
            ..error
        })
    }

    fn reset(&self) {
        self.shared.reset();
    }
}

impl SesBackend {
    /// Checks and runs one call.
    fn answer(&self, action: &str, params: &Params) -> Result<Value, ApiError> {
        let checked = schema::check(action, params)?;
        let handler = handler(action).ok_or_else(|| {
            ApiError::new(
                "InvalidAction",
                format!("the action `{action}` is not implemented"),
            )
        })?;
        // Batch rounds that came due since the last call go out before this call looks at
        // the account, so every answer sees them.
        tasks::run_due(&self.shared);
        let answer = handler(&self.shared, checked);
        if let Err(error) = &answer {
            tracing::debug!(action, code = %error.code, message = %bounded_message(&error.message), "SES action refused");
        }
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_declared_action_has_a_handler() {
        let actions = schema::action_names();
        assert_eq!(actions.len(), 36);
        for action in actions {
            assert!(handler(&action).is_some(), "{action}");
        }
        assert_eq!(schema::version(), Some(VERSION));
    }
}
