//! Retry policy (stub).

/// How to retry (stub).
pub struct RetryPolicy;
