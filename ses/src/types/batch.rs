//! Batch sending: recipient lists, their addresses, task schedules and task summaries.

use tencentcloud_core::model;

use crate::enums::{
    CycleTermination, ReceiverAddressStatus, ReceiverListStatus, TaskStatus, TaskType,
};
use crate::types::Template;

/// The schedule of a recurring batch task.
#[model]
pub struct CycleEmailParam {
    /// When the first round starts, `YYYY-MM-DD HH:MM:SS`; must not be in the past.
    pub begin_time: String,
    /// Hours between two rounds.
    pub interval_time: u64,
    /// Whether to end the recurrence; used when a task is changed.
    pub term_cycle: Option<CycleTermination>,
}

/// The start time of a scheduled (one-off, later) batch task.
#[model]
pub struct TimedEmailParam {
    /// When the task sends, `YYYY-MM-DD HH:MM:SS`; must not be in the past.
    pub begin_time: String,
}

/// One recipient to add to a list, with its own template variables.
#[model]
pub struct ReceiverInputData {
    /// The recipient's address.
    pub email: String,
    /// This recipient's variables: one JSON object serialized into a string, at most 800 bytes
    /// in all, plain values without HTML. Every recipient of a list must use the same keys.
    pub template_data: String,
}

/// The summary of one recipient list, as `ListReceivers` returns it.
#[model]
pub struct ReceiverData {
    /// The list's id.
    pub receiver_id: u64,
    /// The list's name.
    pub receivers_name: String,
    /// How many addresses the list holds.
    pub count: u64,
    /// The list's description; may be empty.
    pub desc: String,
    /// Whether addresses are still being uploaded.
    pub receivers_status: ReceiverListStatus,
    /// When the list was created, `YYYY-MM-DD HH:MM:SS`.
    pub create_time: String,
    /// How many of its addresses are invalid.
    pub invalid_count: Option<u64>,
}

/// One address of a recipient list, as `ListReceiverDetails` returns it.
#[model]
pub struct ReceiverDetail {
    /// The address.
    pub email: String,
    /// When it was added, `YYYY-MM-DD HH:MM:SS`.
    pub create_time: String,
    /// Its template variables as a JSON string; empty when it was uploaded without any.
    pub template_data: String,
    /// Why the address is invalid, when it is.
    pub reason: Option<String>,
    /// Whether the address is valid.
    pub status: Option<ReceiverAddressStatus>,
    /// The id of this address record.
    pub email_id: Option<u64>,
}

/// The summary of one batch task, as `ListSendTasks` returns it.
#[model]
pub struct SendTaskData {
    /// The task's id.
    pub task_id: u64,
    /// The sender address the task uses.
    pub from_email_address: String,
    /// The recipient list the task sends to.
    pub receiver_id: u64,
    /// Where the task stands.
    pub task_status: TaskStatus,
    /// Immediate, scheduled or recurring.
    pub task_type: TaskType,
    /// How many mails the task is to send.
    pub request_count: u64,
    /// How many it has sent so far.
    pub send_count: u64,
    /// How many are held back, e.g. until the daily quota allows them.
    pub cache_count: u64,
    /// When the task was created, `YYYY-MM-DD HH:MM:SS`.
    pub create_time: String,
    /// When the task last changed, `YYYY-MM-DD HH:MM:SS`.
    pub update_time: String,
    /// The subject of the task's mails.
    pub subject: String,
    /// The template and variables the task sends with.
    pub template: Template,
    /// The recurrence, for recurring tasks; the server sends `null` otherwise.
    // Always written, as `null` when unset: SES documents both keys as always present (the
    // model would otherwise leave an unset option out).
    #[serde(skip_serializing_if = "crate::types::batch::never")]
    pub cycle_param: Option<CycleEmailParam>,
    /// The start time, for scheduled tasks; the server sends `null` otherwise.
    #[serde(skip_serializing_if = "crate::types::batch::never")]
    pub timed_param: Option<TimedEmailParam>,
    /// Why the task failed (e.g. balance too low); empty when it did not.
    pub err_msg: String,
    /// The name of the recipient list.
    pub receivers_name: String,
}

/// For `skip_serializing_if` on options that are written even when unset (serde hands it a
/// reference to the field, hence `&Option`).
#[allow(clippy::ref_option)]
fn never<T>(_: &Option<T>) -> bool {
    false
}
