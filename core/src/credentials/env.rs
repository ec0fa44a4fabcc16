//! Credentials from environment variables, and the injectable environment they are read from.

use std::collections::HashMap;
use std::sync::Arc;

use super::{Credentials, CredentialsError, CredentialsFuture, ProvideCredentials};

/// Holds the secret id.
pub const SECRET_ID: &str = "TENCENTCLOUD_SECRET_ID";
/// Holds the secret key.
pub const SECRET_KEY: &str = "TENCENTCLOUD_SECRET_KEY";
/// Holds the session token of temporary credentials (checked first).
pub const SESSION_TOKEN: &str = "TENCENTCLOUD_SESSION_TOKEN";
/// Holds the session token, the name tccli uses.
pub const TOKEN: &str = "TENCENTCLOUD_TOKEN";

/// Where configuration variables are read from: the process environment, or a fixed map.
///
/// Tests use a map so they never mutate the process environment (which other threads read).
#[derive(Clone, Default)]
pub struct Environment(Option<Arc<HashMap<String, String>>>);

impl std::fmt::Debug for Environment {
    // Only the names: the values include secret keys and tokens.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            None => f.write_str("Environment(process)"),
            Some(map) => {
                let mut names: Vec<&str> = map.keys().map(String::as_str).collect();
                names.sort_unstable();
                f.debug_tuple("Environment").field(&names).finish()
            }
        }
    }
}

impl Environment {
    /// The process environment.
    pub fn process() -> Self {
        Self(None)
    }

    /// A fixed set of variables; anything else reads as unset.
    pub fn from_pairs<K: Into<String>, V: Into<String>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        Self(Some(Arc::new(
            pairs
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )))
    }

    /// The value of a variable; `None` when unset. A value that is not valid Unicode reads with
    /// U+FFFD in place of the bad bytes, so it is reported as malformed wherever it is checked
    /// rather than taken for an empty (unset) one.
    pub fn get(&self, name: &str) -> Option<String> {
        match &self.0 {
            Some(map) => map.get(name).cloned(),
            None => match std::env::var(name) {
                Ok(value) => Some(value),
                Err(std::env::VarError::NotPresent) => None,
                Err(std::env::VarError::NotUnicode(raw)) => {
                    Some(raw.to_string_lossy().into_owned())
                }
            },
        }
    }
}

impl Environment {
    /// Every variable whose name starts with `prefix`, sorted by name.
    pub fn vars_with_prefix(&self, prefix: &str) -> Vec<(String, String)> {
        let mut found: Vec<(String, String)> = match &self.0 {
            Some(map) => map
                .iter()
                .filter(|(name, _)| name.starts_with(prefix))
                .map(|(name, value)| (name.clone(), value.clone()))
                .collect(),
            None => std::env::vars_os()
                .filter_map(|(name, value)| {
                    Some((name.into_string().ok()?, value.into_string().ok()?))
                })
                .filter(|(name, _)| name.starts_with(prefix))
                .collect(),
        };
        // Names are unique, so the unstable sort gives the same order (and shares its code
        // with the crate's other sorts).
        found.sort_unstable();
        found
    }
}

/// Reads `TENCENTCLOUD_SECRET_ID`, `TENCENTCLOUD_SECRET_KEY` and, for temporary credentials,
/// `TENCENTCLOUD_SESSION_TOKEN` or `TENCENTCLOUD_TOKEN`, on every call.
#[derive(Debug, Clone, Default)]
pub struct EnvironmentProvider {
    env: Environment,
}

impl EnvironmentProvider {
    /// A provider over the given environment.
    pub fn new(env: Environment) -> Self {
        Self { env }
    }

    /// Loads credentials if the variables are set. Records what was looked at in `tried`.
    ///
    /// # Errors
    /// When only one of id and key is set, or a value is malformed.
    pub(crate) fn load(
        &self,
        tried: &mut Vec<String>,
    ) -> Result<Option<Credentials>, CredentialsError> {
        let id = self.env.get(SECRET_ID);
        let key = self.env.get(SECRET_KEY);
        let (id, key) = match (id, key) {
            // Both empty is how a template or an env file leaves variables it has no value for:
            // not configured here, as the official SDKs read it. One empty beside a set partner
            // is a mistake, reported when the pair is checked below.
            (Some(id), Some(key)) if id.is_empty() && key.is_empty() => {
                tried.push(format!(
                    "environment ({SECRET_ID} and {SECRET_KEY} are empty)"
                ));
                return Ok(None);
            }
            (Some(id), Some(key)) => (id, key),
            (None, None) => {
                tried.push(format!(
                    "environment ({SECRET_ID} and {SECRET_KEY} are not set)"
                ));
                return Ok(None);
            }
            (Some(_), None) => return Err(half_set(SECRET_KEY)),
            (None, Some(_)) => return Err(half_set(SECRET_ID)),
        };
        // An empty token variable means "no token" (long-term keys), and lets the other name
        // be read; only a token with content is used.
        let token = [SESSION_TOKEN, TOKEN]
            .into_iter()
            .find_map(|name| self.env.get(name).filter(|token| !token.is_empty()));
        let result = match token {
            Some(token) => Credentials::with_token(id, key, token),
            None => Credentials::new(id, key),
        };
        result.map(Some).map_err(|e| CredentialsError::Broken {
            source_name: "environment".to_owned(),
            problem: e.to_string(),
        })
    }
}

fn half_set(missing: &str) -> CredentialsError {
    CredentialsError::Broken {
        source_name: "environment".to_owned(),
        problem: format!("{missing} is not set, but its partner is"),
    }
}

impl ProvideCredentials for EnvironmentProvider {
    fn provide_credentials(&self) -> CredentialsFuture<'_> {
        super::ready_or_not_found(|tried| self.load(tried))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(pairs: &[(&str, &str)]) -> Result<Option<Credentials>, CredentialsError> {
        EnvironmentProvider::new(Environment::from_pairs(pairs.iter().copied()))
            .load(&mut Vec::new())
    }

    #[test]
    fn reads_the_key_pair_and_either_token_name() {
        let c = load(&[(SECRET_ID, "AKID1"), (SECRET_KEY, "key")])
            .unwrap()
            .unwrap();
        assert_eq!(
            (c.secret_id(), c.secret_key(), c.token()),
            ("AKID1", "key", None)
        );
        let c = load(&[(SECRET_ID, "AKID1"), (SECRET_KEY, "key"), (TOKEN, "t1")])
            .unwrap()
            .unwrap();
        assert_eq!(c.token(), Some("t1"));
        let c = load(&[
            (SECRET_ID, "AKID1"),
            (SECRET_KEY, "key"),
            (TOKEN, "t1"),
            (SESSION_TOKEN, "t2"),
        ])
        .unwrap()
        .unwrap();
        assert_eq!(c.token(), Some("t2"));
    }

    #[test]
    fn empty_variables_read_as_unset() {
        let tried = &mut Vec::new();
        let provider = |pairs: &[(&str, &str)]| {
            EnvironmentProvider::new(Environment::from_pairs(pairs.iter().copied()))
        };
        assert!(
            provider(&[(SECRET_ID, ""), (SECRET_KEY, ""), (TOKEN, "")])
                .load(tried)
                .unwrap()
                .is_none()
        );
        assert!(tried[0].contains("are empty"), "{tried:?}");
        let c = load(&[
            (SECRET_ID, "AKID1"),
            (SECRET_KEY, "key"),
            (SESSION_TOKEN, ""),
        ])
        .unwrap()
        .unwrap();
        assert_eq!(c.token(), None);
        let c = load(&[
            (SECRET_ID, "AKID1"),
            (SECRET_KEY, "key"),
            (SESSION_TOKEN, ""),
            (TOKEN, "t1"),
        ])
        .unwrap()
        .unwrap();
        assert_eq!(c.token(), Some("t1"));
    }

    #[test]
    fn unset_is_none_and_half_set_or_padded_is_an_error() {
        assert!(load(&[]).unwrap().is_none());
        let err = load(&[(SECRET_ID, "AKID1")]).unwrap_err().to_string();
        assert!(err.contains("TENCENTCLOUD_SECRET_KEY is not set"), "{err}");
        let err = load(&[(SECRET_ID, "AKID1 "), (SECRET_KEY, "k")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("whitespace"), "{err}");
        let err = load(&[(SECRET_ID, "AKID1"), (SECRET_KEY, "")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("secret key is empty"), "{err}");
    }
}
