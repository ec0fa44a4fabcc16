//! The error type (stub).

/// An error (stub).
#[derive(Debug)]
pub struct Error;
/// What went wrong (stub).
#[derive(Debug)]
pub enum ErrorKind {}
