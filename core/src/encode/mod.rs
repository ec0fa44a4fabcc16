//! Parameter encoders (stub).
