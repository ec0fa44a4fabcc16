//! Credentials (secret id, secret key, optional token) and the providers that supply them.
//!
//! The secret key and token are zeroized when the last clone is dropped and never appear in
//! `Debug` output. Providers are async-ready ([`ProvideCredentials`] returns a future) so
//! refreshing sources such as STS fit the same trait later.

pub mod env;
pub mod profile;

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use zeroize::Zeroizing;

use crate::sign::KeyFingerprint;

pub use env::{Environment, EnvironmentProvider};
pub use profile::ProfileFileProvider;

/// What `Debug` prints in place of a secret.
pub const REDACTED: &str = "** redacted **";

/// A secret id with its secret key and, for temporary credentials, a session token.
///
/// Cloning is cheap (one reference count); the secrets live once in memory and are wiped when
/// the last clone is dropped.
#[derive(Clone)]
pub struct Credentials(Arc<Inner>);

struct Inner {
    secret_id: String,
    secret_key: Zeroizing<String>,
    token: Option<Zeroizing<String>>,
    /// How the signing-key cache recognises this secret key without holding it, computed once
    /// here rather than on every signature.
    key_fingerprint: KeyFingerprint,
}

impl Credentials {
    /// Long-term credentials (a key pair without a token).
    ///
    /// # Errors
    /// [`CredentialsError::Invalid`] when a value is empty, has leading or trailing whitespace
    /// (Tencent Cloud answers `AuthFailure.SecretIdNotFound` for a stray space), or contains a
    /// control character.
    pub fn new(
        secret_id: impl Into<String>,
        secret_key: impl Into<String>,
    ) -> Result<Self, CredentialsError> {
        Self::build(secret_id.into(), secret_key.into(), None)
    }

    /// Temporary credentials: a key pair issued by STS together with its session token.
    ///
    /// # Errors
    /// As [`Credentials::new`], for the token too.
    pub fn with_token(
        secret_id: impl Into<String>,
        secret_key: impl Into<String>,
        token: impl Into<String>,
    ) -> Result<Self, CredentialsError> {
        Self::build(secret_id.into(), secret_key.into(), Some(token.into()))
    }

    fn build(
        secret_id: String,
        secret_key: String,
        token: Option<String>,
    ) -> Result<Self, CredentialsError> {
        let secret_key = Zeroizing::new(secret_key);
        let token = token.map(Zeroizing::new);
        check_value("secret id", &secret_id)?;
        check_value("secret key", &secret_key)?;
        if let Some(token) = &token {
            check_value("token", token)?;
        }
        let key_fingerprint = KeyFingerprint::of(&secret_key);
        Ok(Self(Arc::new(Inner {
            secret_id,
            secret_key,
            token,
            key_fingerprint,
        })))
    }

    /// The secret id (`AKID...`); not a secret, it identifies the key.
    pub fn secret_id(&self) -> &str {
        &self.0.secret_id
    }

    /// The secret key. Handle with care: never log it.
    pub fn secret_key(&self) -> &str {
        &self.0.secret_key
    }

    /// The session token of temporary credentials.
    pub fn token(&self) -> Option<&str> {
        self.0.token.as_deref().map(String::as_str)
    }

    /// The secret key's fingerprint for the signing-key cache.
    pub(crate) fn key_fingerprint(&self) -> &KeyFingerprint {
        &self.0.key_fingerprint
    }
}

/// Rejects values Tencent Cloud would refuse, naming which value, never echoing it.
fn check_value(what: &'static str, value: &str) -> Result<(), CredentialsError> {
    let problem = if value.is_empty() {
        "is empty"
    } else if value.trim() != value {
        "has leading or trailing whitespace"
    } else if value.chars().any(char::is_control) {
        "contains a control character"
    } else {
        return Ok(());
    };
    Err(CredentialsError::Invalid { what, problem })
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("secret_id", &self.secret_id())
            .field("secret_key", &REDACTED)
            .field("token", &self.token().map(|_| REDACTED))
            .finish()
    }
}

/// Why credentials could not be had.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CredentialsError {
    /// A value is malformed. The value itself is never included.
    #[error("invalid credentials: the {what} {problem}")]
    Invalid {
        /// `secret id`, `secret key` or `token`.
        what: &'static str,
        /// What is wrong with it.
        problem: &'static str,
    },
    /// A source was found but is unusable (e.g. a credentials file that does not parse).
    #[error("{source_name}: {problem}")]
    Broken {
        /// Which source, e.g. the file path and profile.
        source_name: String,
        /// What is wrong with it.
        problem: String,
    },
    /// No source had credentials; lists every place that was tried.
    #[error("no credentials found; tried: {}", tried.join("; "))]
    NotFound {
        /// Each source tried, with what was missing there.
        tried: Vec<String>,
    },
}

/// The future a provider returns.
pub type CredentialsFuture<'a> =
    Pin<Box<dyn Future<Output = Result<Credentials, CredentialsError>> + Send + 'a>>;

/// A source of credentials. Called before every signed request, so implementations that fetch
/// remotely should cache.
pub trait ProvideCredentials: Send + Sync + fmt::Debug {
    /// Returns the credentials to sign with now.
    fn provide_credentials(&self) -> CredentialsFuture<'_>;

    /// The credentials, when they are at hand without waiting (fixed, or already found and
    /// kept), so a call can skip the future. `None`, the default, means "ask
    /// [`ProvideCredentials::provide_credentials`]"; a provider whose credentials can expire
    /// must only answer here while they are valid.
    fn ready_credentials(&self) -> Option<Credentials> {
        None
    }
}

/// Fixed credentials provide themselves.
impl ProvideCredentials for Credentials {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        let credentials = self.clone();
        Box::pin(async move { Ok(credentials) })
    }

    fn ready_credentials(&self) -> Option<Credentials> {
        Some(self.clone())
    }
}

/// Runs a synchronous source now and wraps the outcome as a provider's future; "nothing
/// there" becomes [`CredentialsError::NotFound`] naming what was tried.
fn ready_or_not_found(
    load: impl FnOnce(&mut Vec<String>) -> Result<Option<Credentials>, CredentialsError>,
) -> CredentialsFuture<'static> {
    let mut tried = Vec::new();
    let result =
        load(&mut tried).and_then(|found| found.ok_or(CredentialsError::NotFound { tried }));
    Box::pin(async move { result })
}

/// The default chain: the environment, then the profile file. The first source that has
/// credentials wins; a source that exists but is broken stops the chain with its error, so a
/// typo is reported rather than silently skipped.
///
/// As a provider it reads its sources once: the first credentials found are kept (the sources
/// hold long-term keys), so calls do not re-read the environment and the file every time.
#[derive(Debug, Clone, Default)]
pub struct DefaultChain {
    env: Environment,
    found: Arc<std::sync::OnceLock<Credentials>>,
}

impl DefaultChain {
    /// A chain reading the given environment (the process environment by default).
    pub fn new(env: Environment) -> Self {
        Self {
            env,
            found: Arc::default(),
        }
    }

    /// Resolves credentials now, synchronously.
    ///
    /// # Errors
    /// [`CredentialsError::NotFound`] listing every source tried, or the first broken source's
    /// error.
    pub fn resolve(&self) -> Result<Credentials, CredentialsError> {
        let mut tried = Vec::new();
        if let Some(found) = EnvironmentProvider::new(self.env.clone()).load(&mut tried)? {
            return Ok(found);
        }
        if let Some(found) = ProfileFileProvider::new(self.env.clone()).load(&mut tried)? {
            return Ok(found);
        }
        Err(CredentialsError::NotFound { tried })
    }
}

impl ProvideCredentials for DefaultChain {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        let result = match self.found.get() {
            Some(found) => Ok(found.clone()),
            None => self
                .resolve()
                .inspect(|found| drop(self.found.set(found.clone()))),
        };
        Box::pin(async move { result })
    }

    fn ready_credentials(&self) -> Option<Credentials> {
        self.found.get().cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ready_credentials_are_the_fixed_ones_or_those_already_found() {
        let fixed = Credentials::new("AKIDfixed", "fixed-key").unwrap();
        assert_eq!(
            fixed.ready_credentials().map(|c| c.secret_id().to_owned()),
            Some("AKIDfixed".to_owned())
        );
        let chain = DefaultChain::new(Environment::from_pairs([
            ("TENCENTCLOUD_SECRET_ID", "AKIDchain"),
            ("TENCENTCLOUD_SECRET_KEY", "chain-key"),
        ]));
        assert!(chain.ready_credentials().is_none(), "nothing read yet");
        let found = poll_to_end(chain.provide_credentials()).unwrap();
        assert_eq!(found.secret_id(), "AKIDchain");
        assert_eq!(
            chain.ready_credentials().map(|c| c.secret_id().to_owned()),
            Some("AKIDchain".to_owned())
        );
    }

    /// Polls a future that never waits (the providers here answer at once).
    fn poll_to_end<F: Future>(future: F) -> F::Output {
        let mut future = std::pin::pin!(future);
        let mut context = std::task::Context::from_waker(std::task::Waker::noop());
        loop {
            if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
                return output;
            }
        }
    }

    #[test]
    fn debug_shows_the_id_and_redacts_the_rest() {
        let creds =
            Credentials::with_token("AKIDexample", "canary-secret-key", "canary-token").unwrap();
        let debug = format!("{creds:?}");
        assert!(debug.contains("AKIDexample"), "{debug}");
        assert!(debug.contains(REDACTED), "{debug}");
        assert!(!debug.contains("canary"), "{debug}");
        assert_eq!(creds.token(), Some("canary-token"));
    }

    #[test]
    fn padded_empty_or_control_values_are_rejected_without_echoing_them() {
        let cases = [
            ("", "k", None, "secret id is empty"),
            (
                " AKID",
                "k",
                None,
                "secret id has leading or trailing whitespace",
            ),
            (
                "AKID",
                "key\n",
                None,
                "secret key has leading or trailing whitespace",
            ),
            ("AKID", "", None, "secret key is empty"),
            (
                "AKID",
                "k\u{7}ey",
                None,
                "secret key contains a control character",
            ),
            (
                "AKID",
                "key",
                Some(" canary"),
                "token has leading or trailing whitespace",
            ),
            ("AKID", "key", Some(""), "token is empty"),
        ];
        for (id, key, token, expected) in cases {
            let result = match token {
                Some(token) => Credentials::with_token(id, key, token),
                None => Credentials::new(id, key),
            };
            let text = result.unwrap_err().to_string();
            assert!(text.contains(expected), "{text}");
            assert!(!text.contains("canary") && !text.contains('\n'), "{text}");
        }
    }

    /// Polls a provider's future, which for these sources is ready at once.
    fn provide(provider: &dyn ProvideCredentials) -> Result<Credentials, CredentialsError> {
        let mut future = provider.provide_credentials();
        match future
            .as_mut()
            .poll(&mut std::task::Context::from_waker(std::task::Waker::noop()))
        {
            std::task::Poll::Ready(result) => result,
            std::task::Poll::Pending => panic!("a synchronous source waited"),
        }
    }

    #[test]
    fn providers_answer_found_credentials_or_say_what_they_tried() {
        let env = Environment::from_pairs([
            ("TENCENTCLOUD_SECRET_ID", "AKIDp"),
            ("TENCENTCLOUD_SECRET_KEY", "k"),
        ]);
        assert_eq!(
            provide(&EnvironmentProvider::new(env.clone()))
                .unwrap()
                .secret_id(),
            "AKIDp"
        );
        assert_eq!(
            provide(&DefaultChain::new(env)).unwrap().secret_id(),
            "AKIDp"
        );
        let empty = Environment::from_pairs([("HOME", "/nonexistent-home")]);
        let err = provide(&EnvironmentProvider::new(empty.clone())).unwrap_err();
        assert!(matches!(err, CredentialsError::NotFound { .. }), "{err}");
        let err = provide(&ProfileFileProvider::new(empty)).unwrap_err();
        assert!(err.to_string().contains("does not exist"), "{err}");
        let fixed = Credentials::new("AKIDfixed", "k").unwrap();
        assert_eq!(provide(&fixed).unwrap().secret_id(), "AKIDfixed");
    }

    #[test]
    fn clones_share_one_allocation() {
        let a = Credentials::new("AKID", "key").unwrap();
        let b = a.clone();
        assert!(Arc::ptr_eq(&a.0, &b.0));
    }
}
