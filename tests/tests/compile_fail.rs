//! The declaration macros at compile time: every `ui/*.rs` must fail with exactly the error in
//! its `.stderr` (one clear message on the user's tokens), and every `ui/pass/*.rs` must build
//! under `#![deny(warnings, missing_docs, unused_qualifications)]` and run.
//!
//! The `.stderr` files are pinned to the stable toolchain CI runs; after a toolchain change or an
//! intended message change, regenerate them with `TRYBUILD=overwrite` and read every diff.

#[test]
fn declarations_fail_with_one_clear_error_and_valid_ones_build() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*.rs");
    cases.pass("ui/pass/*.rs");
}
