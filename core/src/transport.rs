//! The HTTP transport (stub).
