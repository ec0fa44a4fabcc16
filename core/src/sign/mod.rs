//! Signing and verification (stub).
