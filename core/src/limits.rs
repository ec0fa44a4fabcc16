//! Request size limits (stub).
