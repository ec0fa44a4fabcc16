//! Endpoint resolution (stub).

/// A resolved endpoint (stub).
pub struct Endpoint;
/// Endpoint settings (stub).
pub struct EndpointConfig;
