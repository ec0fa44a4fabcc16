//! Build-cost fixture: 40 actions declared with `#[action]`, in four files of ten, plus their
//! models. Time an incremental rebuild after touching one file with
//!
//! ```text
//! cargo build --manifest-path tests/ui/forty_actions/Cargo.toml --target-dir target/forty-actions
//! touch tests/ui/forty_actions/src/batch_a.rs
//! time cargo build --manifest-path tests/ui/forty_actions/Cargo.toml --target-dir target/forty-actions
//! ```
#![deny(warnings, missing_docs, unused_qualifications)]

use tencentcloud_core::{model, service};

pub mod batch_a;
pub mod batch_b;
pub mod batch_c;
pub mod batch_d;

/// The service every action belongs to.
#[service(name = "ses", version = "2020-10-02")]
pub struct Ses;

/// A nested data type, used by every request.
#[model]
pub struct Filter {
    /// What to match.
    pub name: String,
    /// The values to match.
    pub values: Vec<String>,
}
