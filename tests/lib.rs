//! Support code shared by the cross-crate tests.

/// The Rust examples of the README, compiled as doc tests so the README cannot drift from the
/// code it shows.
#[doc = include_str!("../README.md")]
mod readme {}
