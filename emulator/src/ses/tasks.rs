//! Batch tasks: `BatchSendEmail` and `ListSendTasks`, and the runner that sends their rounds.
//!
//! A task sends one mail per valid address of its recipient list, each with only that address
//! in `To`, and each stored like a `SendEmail` message. An immediate task sends before
//! `BatchSendEmail` answers; a scheduled task sends its round at `TimedParam.BeginTime`; a
//! recurring task sends at `CycleParam.BeginTime` and every `IntervalTime` hours after. Due
//! rounds are sent at the start of the next API call, when the stored messages are read, or by
//! a timer of the output worker, whichever comes first; a round missed while nothing ran is
//! caught up (at most [`MAX_ROUNDS_PER_PASS`] at a time).
//!
//! Rounds draw on the sender domain's daily quota; what does not fit waits in the task's
//! cache (`CacheCount`, status 6) for the next day, as the documentation describes. A
//! blocklisted or unsubscribed recipient gets a stored message marked dropped (`SendStatus`
//! 1007 or 1013) instead of failing the task.

use std::collections::VecDeque;
use std::sync::Arc;

use serde_json::{Map, Value};
use tencentcloud_ses::enums::{
    AdLocation, CycleTermination, SendStatus, TaskStatus, TaskType, UnsubscribeLanguage,
};
use tencentcloud_ses::{CycleEmailParam, SendTaskData, Template, TimedEmailParam};

use super::address::{self, SenderSpec};
use super::compose::FileAttachment;
use super::identities::DAILY_QUOTA;
use super::mime::{self, Draft};
use super::sending::{Bodies, approved_template, fill};
use super::simulate::{self, Outcome};
use super::state::{Shared, State};
use super::time::{self, DAY};

/// Most rounds of one task sent in one pass, so a clock that jumps far ahead cannot make one
/// call send without end.
pub(super) const MAX_ROUNDS_PER_PASS: usize = 100;

/// The subject marker `ADLocation` adds (the real marker's text is undocumented).
const AD_MARKER: &str = "[AD]";

/// A batch task.
#[derive(Debug, Clone)]
pub(super) struct Task {
    pub(super) from: String,
    pub(super) sender: SenderSpec,
    pub(super) receiver_id: u64,
    pub(super) receivers_name: String,
    pub(super) subject: String,
    pub(super) kind: TaskType,
    pub(super) reply_to: Option<String>,
    pub(super) template: Option<Template>,
    /// The task's own template data, parsed; recipients' data override it.
    pub(super) base_data: Option<Map<String, Value>>,
    pub(super) simple: Option<Bodies>,
    pub(super) attachments: Arc<Vec<FileAttachment>>,
    pub(super) cycle: Option<CycleEmailParam>,
    pub(super) timed: Option<TimedEmailParam>,
    pub(super) unsubscribe: Option<UnsubscribeLanguage>,
    pub(super) ad_location: AdLocation,
    /// When the next round starts; `None` when no round is left.
    pub(super) next_round: Option<u64>,
    /// Seconds between rounds of a recurring task.
    pub(super) interval: Option<u64>,
    /// The bodies of the round in progress, as they were when it started.
    pub(super) round_bodies: Option<Bodies>,
    /// Recipients (address, data) of started rounds not sent yet.
    pub(super) queue: VecDeque<(String, String)>,
    pub(super) status: TaskStatus,
    pub(super) request_count: u64,
    pub(super) send_count: u64,
    pub(super) created: u64,
    pub(super) updated: u64,
    pub(super) err_msg: String,
}

impl Task {
    fn is_done(&self) -> bool {
        matches!(self.status, TaskStatus::Finished | TaskStatus::Failed)
    }

    fn fail(&mut self, why: String, now: u64) {
        tracing::warn!(error = %why, "batch task stopped");
        self.status = TaskStatus::Failed;
        self.err_msg = why;
        self.next_round = None;
        self.queue.clear();
        self.updated = now;
    }

    /// The task as `ListSendTasks` shows it.
    pub(super) fn summary(&self, id: u64) -> SendTaskData {
        SendTaskData {
            task_id: id,
            from_email_address: self.from.clone(),
            receiver_id: self.receiver_id,
            task_status: self.status,
            task_type: self.kind,
            request_count: self.request_count,
            send_count: self.send_count,
            cache_count: self.queue.len() as u64,
            create_time: time::format_datetime(self.created),
            update_time: time::format_datetime(self.updated),
            subject: self.subject.clone(),
            template: self.template.clone().unwrap_or(Template {
                template_id: 0,
                template_data: String::new(),
            }),
            cycle_param: self.cycle.clone(),
            timed_param: self.timed.clone(),
            err_msg: self.err_msg.clone(),
            receivers_name: self.receivers_name.clone(),
        }
    }
}

/// One mail of a task, ready to render.
pub(super) struct Due {
    pub(super) task_id: u64,
    pub(super) draft: Draft,
    pub(super) outcome: Outcome,
}

impl State {
    /// Starts due rounds and takes the mails that may be sent now; returns them with the
    /// time the runner should look again.
    fn collect_due(&mut self, now: u64) -> (Vec<Due>, Option<u64>) {
        let mut due = Vec::new();
        let ids: Vec<u64> = self.tasks.keys().copied().collect();
        for id in ids {
            if let Some(mut task) = self.tasks.remove(&id) {
                if !task.is_done() {
                    self.advance(id, &mut task, now, &mut due);
                }
                self.tasks.insert(id, task);
            }
        }
        let tomorrow = (time::day_of(now) + 1) * DAY;
        self.next_due = self
            .tasks
            .values()
            .filter_map(|task| match () {
                () if !task.queue.is_empty() => Some(tomorrow),
                () if task.is_done() => None,
                () => task.next_round,
            })
            .min();
        (due, self.next_due)
    }

    /// Starts the due rounds of one task and takes what its quota allows.
    fn advance(&mut self, id: u64, task: &mut Task, now: u64, due: &mut Vec<Due>) {
        let mut rounds = 0;
        while let Some(at) = task.next_round.filter(|at| *at <= now) {
            if rounds == MAX_ROUNDS_PER_PASS {
                break;
            }
            rounds += 1;
            if let Err(why) = self.start_round(task, at) {
                task.fail(why, now);
                return;
            }
            task.updated = now;
        }
        if !task.queue.is_empty()
            && let Err(why) = self.drain(id, task, now, due)
        {
            task.fail(why, now);
            return;
        }
        task.status = if !task.queue.is_empty() {
            TaskStatus::PausedForToday
        } else if task.next_round.is_some() {
            if task.request_count == 0 {
                TaskStatus::Pending
            } else {
                TaskStatus::Sending
            }
        } else {
            TaskStatus::Finished
        };
    }

    /// Queues every valid recipient of the list with the template as it is now.
    fn start_round(&self, task: &mut Task, at: u64) -> Result<(), String> {
        let list = self
            .receivers
            .get(&task.receiver_id)
            .ok_or_else(|| format!("recipient list {} no longer exists", task.receiver_id))?;
        let bodies = match (&task.template, &task.simple) {
            (Some(template), _) => approved_template(self, template.template_id)?,
            (None, Some(bodies)) => bodies.clone(),
            (None, None) => return Err("the task has no content".to_owned()),
        };
        let before = task.queue.len();
        task.queue.extend(
            list.entries
                .iter()
                .filter(|entry| entry.invalid.is_none())
                .map(|entry| (entry.email.clone(), entry.data.clone())),
        );
        task.request_count += (task.queue.len() - before) as u64;
        task.round_bodies = Some(bodies);
        let ended = task.cycle.as_ref().and_then(|c| c.term_cycle) == Some(CycleTermination::End);
        task.next_round = task.interval.filter(|_| !ended).map(|every| at + every);
        Ok(())
    }

    /// Takes queued recipients while the sender domain's quota lasts.
    fn drain(
        &mut self,
        id: u64,
        task: &mut Task,
        now: u64,
        due: &mut Vec<Due>,
    ) -> Result<(), String> {
        let sender = self
            .sender(&task.sender.address)
            .ok_or_else(|| format!("sender address {} no longer exists", task.sender.address))?;
        let sender_name = sender.name.clone();
        let domain = address::domain_of(&task.sender.address);
        let today = time::day_of(now);
        let taken_now = due
            .iter()
            .filter(|d| address::domain_of(&d.draft.from_address) == domain)
            .count() as u64;
        let mut room =
            DAILY_QUOTA.saturating_sub(self.statistics.accepted_on(today, &domain) + taken_now);
        let bodies = task.round_bodies.clone().unwrap_or(Bodies {
            html: None,
            text: None,
        });
        while room > 0 {
            let Some((email, data)) = task.queue.pop_front() else {
                break;
            };
            let refused = |send_status, reason| Outcome::Refused {
                send_status,
                reason,
            };
            let mut outcome = if let Some(why) = self.blocked(&email, today) {
                refused(SendStatus::AddressBlocklisted, why)
            } else if self
                .unsubscribed
                .contains(&(domain.clone(), address::key(&email)))
            {
                refused(
                    SendStatus::Unsubscribed,
                    format!("{email} unsubscribed from {domain}"),
                )
            } else {
                simulate::outcome_for(&email)
            };
            let (subject, filled) = match task.fill_for(&bodies, &data) {
                Ok(filled) => filled,
                Err(why) => {
                    outcome = refused(SendStatus::BadTemplateData, why);
                    (task.subject.clone(), bodies.clone())
                }
            };
            if !matches!(outcome, Outcome::Refused { .. }) {
                room -= 1;
            }
            task.send_count += 1;
            due.push(Due {
                task_id: id,
                outcome,
                draft: task.draft(id, email, subject, filled, &sender_name),
            });
        }
        task.updated = now;
        Ok(())
    }

    /// Marks a task failed, e.g. when one of its mails could not be rendered.
    fn fail_task(&mut self, id: u64, why: String, now: u64) {
        if let Some(task) = self.tasks.get_mut(&id) {
            task.fail(why, now);
        }
    }
}

impl Task {
    /// The subject and bodies for one recipient: the task's data, overridden by theirs.
    fn fill_for(&self, bodies: &Bodies, data: &str) -> Result<(String, Bodies), String> {
        let Some(base) = &self.base_data else {
            return Ok((self.subject.clone(), bodies.clone()));
        };
        let mut merged = base.clone();
        if let Ok(Value::Object(own)) = serde_json::from_str::<Value>(data) {
            merged.extend(own);
        }
        fill(&self.subject, bodies, Some(&merged)).map_err(|e| e.message)
    }

    /// The mail to one recipient.
    fn draft(
        &self,
        id: u64,
        email: String,
        subject: String,
        bodies: Bodies,
        sender_name: &str,
    ) -> Draft {
        let subject = match self.ad_location {
            AdLocation::BeforeSubject => format!("{AD_MARKER} {subject}"),
            AdLocation::AfterSubject => format!("{subject} {AD_MARKER}"),
            _ => subject,
        };
        Draft {
            from: self.from.clone(),
            from_address: self.sender.address.clone(),
            from_name: self
                .sender
                .alias
                .clone()
                .or_else(|| Some(sender_name.to_owned()).filter(|n| !n.is_empty())),
            header_from: None,
            to: vec![email],
            cc: Vec::new(),
            bcc: Vec::new(),
            reply_to: self.reply_to.clone(),
            subject,
            html: bodies.html,
            text: bodies.text,
            attachments: Arc::clone(&self.attachments),
            smtp_message_id: None,
            headers: Vec::new(),
            unsubscribe: self.unsubscribe.as_ref().map(|l| l.as_str().to_owned()),
            template_id: self.template.as_ref().map(|t| t.template_id),
            task_id: Some(id),
        }
    }
}

/// Sends every due mail of every task and schedules the next look.
pub(super) fn run_due(shared: &Shared) {
    let now = shared.now();
    let (due, next) = {
        let mut state = shared.lock();
        if state.next_due.is_none_or(|at| at > now) {
            return;
        }
        state.collect_due(now)
    };
    let wanted = shared.outputs.wanted();
    for mail in due {
        match mime::render(&mail.draft, now) {
            Ok(rendered) => {
                let stored =
                    shared
                        .lock()
                        .store(&mail.draft, rendered, &[mail.outcome], now, wanted);
                shared.outputs.submit(stored.jobs);
            }
            Err(why) => shared.lock().fail_task(mail.task_id, why, now),
        }
    }
    if let Some(at) = next {
        shared.outputs.wake_at(at, now);
    }
}
