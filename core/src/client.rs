//! The client: builder, configuration and the send loop (stub, being written).

/// A configured client (stub).
#[derive(Debug, Clone)]
pub struct Client;
/// Builds a [`Client`] (stub).
#[derive(Debug)]
pub struct ClientBuilder;
/// Per-call overrides (stub).
#[derive(Debug, Default)]
pub struct CallOptions;
