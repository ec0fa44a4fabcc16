//! Deliberately wrong declarations, to show that the conformance checks catch each kind of
//! mistake instead of passing whatever they are given.

use tencentcloud_core::model;

/// `TimedEmailParam` with the field misnamed (`StartTime` instead of `BeginTime`).
#[model]
pub(crate) struct WrongName {
    pub(crate) start_time: String,
}

/// `CycleEmailParam` with `IntervalTime` narrowed to 32 bits.
#[model]
pub(crate) struct NarrowInteger {
    pub(crate) begin_time: String,
    pub(crate) interval_time: u32,
    pub(crate) term_cycle: Option<u64>,
}

/// `TimedEmailParam` with an optional field the schema does not have.
#[model]
pub(crate) struct ExtraOptional {
    pub(crate) begin_time: String,
    pub(crate) extra: Option<String>,
}
