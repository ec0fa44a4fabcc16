//! Credentials and their providers (stub).

/// Secret id, key and token (stub).
pub struct Credentials;
/// A source of credentials (stub).
pub trait ProvideCredentials {}
