//! Starting an emulator: [`Emulator::builder`] collects keys, the address and the SES options,
//! and [`EmulatorBuilder::start`] binds and serves, returning an [`EmulatorHandle`].

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use tencentcloud_core::Credentials;
use tencentcloud_core::sign::verify::StoredKey;

use crate::backend::Backend;
use crate::control::Control;
use crate::control::faults::Faults;
use crate::front::Front;
use crate::handle::EmulatorHandle;
use crate::redact::url_origin;
use crate::ses::{SesBackend, SesOptions};
use crate::{DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, server};

/// Where [`EmulatorBuilder::start`] listens unless told otherwise: loopback, a free port.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:0";

/// The local Tencent Cloud API 3.0 server; see the [crate docs](crate).
#[derive(Debug, Clone, Copy)]
pub struct Emulator;

impl Emulator {
    /// A builder with no keys (the [default pair](crate::DEFAULT_SECRET_ID) is then accepted),
    /// listening on [`DEFAULT_LISTEN`], with every SES option off.
    pub fn builder() -> EmulatorBuilder {
        EmulatorBuilder::default()
    }

    /// Starts an emulator with the default settings.
    ///
    /// # Errors
    /// As [`EmulatorBuilder::start`].
    pub async fn start() -> Result<EmulatorHandle, Error> {
        Self::builder().start().await
    }
}

/// Why an emulator could not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The address could not be resolved or bound (in use, no permission, malformed).
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address as given.
        addr: String,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// A setting is invalid; the message names it.
    #[error("invalid emulator configuration: {0}")]
    Config(String),
}

/// Collects an emulator's settings; [`start`](Self::start) checks them and starts it.
#[derive(Default)]
#[must_use]
pub struct EmulatorBuilder {
    keys: Vec<(String, String, Option<String>)>,
    listen: Option<String>,
    require_verification: bool,
    hold_templates_for_review: bool,
    smtp_relay: Option<String>,
    webhook_url: Option<String>,
}

impl EmulatorBuilder {
    /// Accepts requests signed with this long-term key pair (no token). May be called several
    /// times; once any key is set, the default pair is no longer accepted.
    pub fn secret(mut self, secret_id: impl Into<String>, secret_key: impl Into<String>) -> Self {
        self.keys.push((secret_id.into(), secret_key.into(), None));
        self
    }

    /// Accepts requests signed with this temporary key pair that carry exactly `token`
    /// (`X-TC-Token` for TC3, the `Token` parameter for v1).
    pub fn temporary_secret(
        mut self,
        secret_id: impl Into<String>,
        secret_key: impl Into<String>,
        token: impl Into<String>,
    ) -> Self {
        self.keys
            .push((secret_id.into(), secret_key.into(), Some(token.into())));
        self
    }

    /// The address to listen on, e.g. `127.0.0.1:4010` (default [`DEFAULT_LISTEN`]).
    pub fn listen(mut self, addr: impl Into<String>) -> Self {
        self.listen = Some(addr.into());
        self
    }

    /// New domain identities stay unverified until `UpdateEmailIdentity` is called (default:
    /// verified at once).
    pub fn require_verification(mut self, enabled: bool) -> Self {
        self.require_verification = enabled;
        self
    }

    /// New and updated templates wait for review through `/_emulator/templates/{id}/approve`
    /// or `/reject` (default: approved at once).
    pub fn hold_templates_for_review(mut self, enabled: bool) -> Self {
        self.hold_templates_for_review = enabled;
        self
    }

    /// Relays every rendered message to this SMTP server, e.g. `smtp://127.0.0.1:1025`.
    pub fn smtp_relay(mut self, url: impl Into<String>) -> Self {
        self.smtp_relay = Some(url.into());
        self
    }

    /// POSTs SES webhook events (delivery, open, bounce, ...) to this URL.
    pub fn webhook_url(mut self, url: impl Into<String>) -> Self {
        self.webhook_url = Some(url.into());
        self
    }

    /// Checks the settings, binds the address and starts serving on the current Tokio runtime.
    ///
    /// # Errors
    /// [`Error::Config`] for an empty or padded key, id or token, a secret id given twice, or an
    /// SMTP relay or webhook URL that cannot be used; [`Error::Bind`] if the address cannot be
    /// bound.
    pub async fn start(self) -> Result<EmulatorHandle, Error> {
        let (secrets, credentials) = self.checked_keys()?;
        let options = SesOptions {
            require_verification: self.require_verification,
            hold_templates_for_review: self.hold_templates_for_review,
            smtp_relay: self.smtp_relay,
            webhook_url: self.webhook_url,
        };
        // A bad output URL would otherwise only be logged later, with that output silently off.
        options.check().map_err(Error::Config)?;
        let ses = Arc::new(SesBackend::new(options));
        let faults = Arc::new(Faults::default());
        let front = Front {
            backend: Arc::clone(&ses) as Arc<dyn Backend>,
            secrets: Arc::new(secrets),
            faults: Arc::clone(&faults),
        };
        let control = Control {
            ses: Arc::clone(&ses),
            faults: Arc::clone(&faults),
        };
        let listen = self.listen.unwrap_or_else(|| DEFAULT_LISTEN.to_owned());
        let running = server::spawn(&listen, front, control)
            .await
            .map_err(|source| Error::Bind {
                addr: listen,
                source,
            })?;
        Ok(EmulatorHandle::new(running, ses, faults, credentials))
    }

    /// The key table, and the credentials of the first key (for [`EmulatorHandle::client`]).
    fn checked_keys(&self) -> Result<(HashMap<String, StoredKey>, Credentials), Error> {
        let defaults = [(
            DEFAULT_SECRET_ID.to_owned(),
            DEFAULT_SECRET_KEY.to_owned(),
            None,
        )];
        let keys = if self.keys.is_empty() {
            &defaults[..]
        } else {
            &self.keys[..]
        };
        let mut secrets = HashMap::with_capacity(keys.len());
        let mut first = None;
        for (id, key, token) in keys {
            // The core's own checks: non-empty, no padding, no control characters.
            let credentials = match token {
                Some(token) => Credentials::with_token(id.as_str(), key.as_str(), token.as_str()),
                None => Credentials::new(id.as_str(), key.as_str()),
            }
            .map_err(|error| Error::Config(error.to_string()))?;
            let stored = match token {
                Some(token) => StoredKey::new(key.as_str()).with_token(token.as_str()),
                None => StoredKey::new(key.as_str()),
            };
            if secrets.insert(id.clone(), stored).is_some() {
                return Err(Error::Config(format!(
                    "the secret id {id} is configured twice"
                )));
            }
            first.get_or_insert(credentials);
        }
        let first = first.ok_or_else(|| Error::Config("no key is configured".to_owned()))?;
        Ok((secrets, first))
    }
}

impl fmt::Debug for EmulatorBuilder {
    // Keys and tokens are not shown; of the output URLs (a relay login, a webhook token) only
    // the scheme and host.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids: Vec<&str> = self.keys.iter().map(|(id, _, _)| id.as_str()).collect();
        f.debug_struct("EmulatorBuilder")
            .field("secret_ids", &ids)
            .field("listen", &self.listen)
            .field("require_verification", &self.require_verification)
            .field("hold_templates_for_review", &self.hold_templates_for_review)
            .field("smtp_relay", &self.smtp_relay.as_deref().map(url_origin))
            .field("webhook_url", &self.webhook_url.as_deref().map(url_origin))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_shows_ids_but_no_secrets() {
        let builder = Emulator::builder()
            .secret("AKIDvisible", "hidden-key")
            .temporary_secret("AKIDtemp", "hidden-key-2", "hidden-token")
            .smtp_relay("smtp://user:hidden-password@localhost:25");
        let shown = format!("{builder:?}");
        assert!(
            shown.contains("AKIDvisible") && shown.contains("AKIDtemp"),
            "{shown}"
        );
        assert!(!shown.contains("hidden"), "{shown}");
    }

    #[test]
    fn bad_keys_are_refused_with_the_reason() {
        let error = Emulator::builder()
            .secret(" AKIDpadded", "k")
            .checked_keys()
            .unwrap_err();
        assert!(matches!(error, Error::Config(_)), "{error}");
        let error = Emulator::builder()
            .secret("AKIDsame", "k1")
            .secret("AKIDsame", "k2")
            .checked_keys()
            .unwrap_err();
        assert!(error.to_string().contains("twice"), "{error}");
    }

    #[tokio::test]
    async fn unusable_output_urls_are_refused_at_start() {
        let error = Emulator::builder()
            .smtp_relay("ftp://mail.example.com")
            .start()
            .await
            .expect_err("a bad relay URL is refused");
        assert!(matches!(error, Error::Config(_)), "{error}");
        let error = Emulator::builder()
            .webhook_url("not a url")
            .start()
            .await
            .expect_err("a bad webhook URL is refused");
        assert!(matches!(error, Error::Config(_)), "{error}");
    }

    #[test]
    fn the_default_pair_is_used_only_without_keys() {
        let (secrets, credentials) = Emulator::builder().checked_keys().unwrap();
        assert!(secrets.contains_key(DEFAULT_SECRET_ID));
        assert_eq!(credentials.secret_id(), DEFAULT_SECRET_ID);
        let (secrets, _) = Emulator::builder()
            .secret("AKIDmine", "k")
            .checked_keys()
            .unwrap();
        assert!(!secrets.contains_key(DEFAULT_SECRET_ID));
    }
}
