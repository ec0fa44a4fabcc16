//! Batch tasks: mail a whole recipient list now, later or repeatedly, and follow the tasks.

use tencentcloud_core::{action, model};

use crate::Ses;
use crate::enums::{AdLocation, TaskStatus, TaskType, UnsubscribeLanguage};
use crate::types::{Attachment, CycleEmailParam, SendTaskData, Simple, Template, TimedEmailParam};

/// Creates a task that mails every address of a recipient list: immediately, once at a set
/// time, or repeatedly.
///
/// Each recipient gets a mail of their own. The list must be fully uploaded and not empty; the
/// sender address and the template must be approved. When the daily quota runs out the rest is
/// held and sent about a day later.
#[action(service = Ses, response = BatchSendEmailResponse, builder = true)]
pub struct BatchSendEmailRequest {
    /// The sender: `addr@domain` or `Display Name <addr@domain>`.
    pub from_email_address: String,
    /// The recipient list to mail (from `CreateReceiver`).
    pub receiver_id: u64,
    /// The subject, 1 to 100 characters; may hold template placeholders.
    pub subject: String,
    /// Immediate, scheduled (needs `timed_param`) or recurring (needs `cycle_param`).
    pub task_type: TaskType,
    /// The single address replies go to; without it replies fail.
    pub reply_to_addresses: Option<String>,
    /// The template and its variables. Not needed when every recipient was uploaded with its
    /// own variables (`CreateReceiverDetailWithData`).
    pub template: Option<Template>,
    /// A body given directly; legacy, only for accounts allowed to send custom content.
    pub simple: Option<Simple>,
    /// Attachments; documented as not supported yet for batch tasks.
    pub attachments: Option<Vec<Attachment>>,
    /// The schedule of a recurring task.
    pub cycle_param: Option<CycleEmailParam>,
    /// The start time of a scheduled task.
    pub timed_param: Option<TimedEmailParam>,
    /// Whether to add an unsubscribe link, and in which language.
    pub unsubscribe: Option<UnsubscribeLanguage>,
    /// Whether and where to mark the subject as an advertisement. Wire name `ADLocation`.
    #[serde(rename = "ADLocation")]
    pub ad_location: Option<AdLocation>,
}

/// What `BatchSendEmail` returns.
#[model]
pub struct BatchSendEmailResponse {
    /// The new task's id.
    pub task_id: u64,
    /// The id of this call, for support requests.
    pub request_id: String,
}

/// Lists batch tasks with their progress, one page at a time.
#[action(service = Ses, response = ListSendTasksResponse, builder = true)]
pub struct ListSendTasksRequest {
    /// How many tasks to skip.
    pub offset: u64,
    /// Page size; at most 100.
    pub limit: u64,
    /// Only tasks in this state.
    pub status: Option<TaskStatus>,
    /// Only tasks mailing this recipient list.
    pub receiver_id: Option<u64>,
    /// Only tasks of this type.
    pub task_type: Option<TaskType>,
}

/// What `ListSendTasks` returns.
#[model]
pub struct ListSendTasksResponse {
    /// How many tasks match in all.
    pub total_count: u64,
    /// The tasks of this page.
    pub data: Vec<SendTaskData>,
    /// The id of this call, for support requests.
    pub request_id: String,
}
