//! The Rust side of `bench/compare`: the one SendEmail request every contender sends, and for
//! each Rust contender the few lines that sign, build or send it, so the criterion benches and
//! the loopback runner measure the same work.
//!
//! Contenders: [`ours`] (`tencentcloud-ses` over `tencentcloud-core`), [`tencentcloud_sdk`]
//! (crates.io `tencentcloud-sdk` 0.2 with its `ses` feature) and [`sign_sdk`] (crates.io
//! `tencentcloud-sign-sdk` 0.1, a TC3 signer only). [`loopback`] runs round trips against the
//! shared local server of `src/bin/server.rs`.

pub mod loopback;
pub mod ours;
pub mod sign_sdk;
pub mod tencentcloud_sdk;
pub mod vector;

/// The answer of the canned transports and of the loopback server: a successful SendEmail
/// envelope.
pub const ANSWER: &str = include_str!("../../fixtures/sendemail-answer.json");

/// A failure to set a contender up; benchmarks stop on it with this text.
#[derive(Debug)]
pub struct SetupError(pub String);

impl std::fmt::Display for SetupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SetupError {}

/// Wraps any displayable failure with what was being done.
pub(crate) fn setup_error(doing: &str, error: impl std::fmt::Display) -> SetupError {
    SetupError(format!("{doing}: {error}"))
}
