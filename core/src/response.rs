//! The response envelope (stub).
