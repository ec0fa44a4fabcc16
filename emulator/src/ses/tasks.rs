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
//!
//! A task is never taken out of the account while it is worked on, and round times are added
//! with checked arithmetic: whatever goes wrong with one task shows in its `ErrMsg`, and the
//! others keep running.

use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use serde_json::{Map, Value};
use tencentcloud_ses::enums::{
    AdLocation, CycleTermination, SendStatus, TaskStatus, TaskType, UnsubscribeLanguage,
};
use tencentcloud_ses::{CycleEmailParam, Template, TimedEmailParam};

use super::address::{self, SenderSpec};
use super::compose::FileAttachment;
use super::identities::DAILY_QUOTA;
use super::mime::{self, Draft};
use super::sending::{Bodies, fill};
use super::simulate::{self, Outcome};
use super::state::{Shared, State};
use super::templates::approved_template;
use super::time;

/// Most rounds of one task sent in one pass, so a clock that jumps far ahead cannot make one
/// call send without end.
pub(super) const MAX_ROUNDS_PER_PASS: usize = 100;

/// The subject marker `ADLocation` adds (the real marker's text is undocumented).
const AD_MARKER: &str = "[AD]";

/// `ErrMsg` of a task whose step panicked.
const STEP_PANICKED: &str =
    "the emulator failed while running this task (a bug in the emulator); the task is stopped";

/// The work one pass does for one busy task: start its due rounds and take the mails its quota
/// allows into the list. [`State::advance`] outside tests.
type Step = fn(&State, u64, &mut Task, u64, &mut Vec<Due>);

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

    /// Whether a pass at `now` has anything to do for this task: a round that came due, or
    /// recipients left over from an earlier one.
    fn has_work(&self, now: u64) -> bool {
        !self.is_done() && (!self.queue.is_empty() || self.next_round.is_some_and(|at| at <= now))
    }

    fn fail(&mut self, why: String, now: u64) {
        tracing::warn!(error = %why, "batch task stopped");
        self.status = TaskStatus::Failed;
        self.err_msg = why;
        self.next_round = None;
        self.queue.clear();
        self.updated = now;
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
        self.collect_due_with(now, State::advance)
    }

    /// [`State::collect_due`] with the step each busy task gets (tests pass a faulty one).
    ///
    /// A step works on a copy of its task, which replaces the stored task only once the step
    /// has completed: the task stays listed whatever happens. A step that panics is a bug; it
    /// is caught, the mails it took are dropped from the pass and its task is marked failed,
    /// so one bad task can neither vanish nor stop the others (nor poison the lock).
    fn collect_due_with(&mut self, now: u64, step: Step) -> (Vec<Due>, Option<u64>) {
        let mut due = Vec::new();
        let busy: Vec<u64> = self
            .tasks
            .iter()
            .filter(|(_, task)| task.has_work(now))
            .map(|(id, _)| *id)
            .collect();
        for id in busy {
            let Some(mut copy) = self.tasks.get(&id).cloned() else {
                continue;
            };
            let taken = due.len();
            let state: &State = self;
            let stepped = catch_unwind(AssertUnwindSafe(|| {
                step(state, id, &mut copy, now, &mut due);
            }));
            if stepped.is_ok() {
                if let Some(task) = self.tasks.get_mut(&id) {
                    *task = copy;
                }
            } else {
                due.truncate(taken);
                self.fail_task(id, STEP_PANICKED.to_owned(), now);
            }
        }
        let tomorrow = time::start_of_next_day(now);
        self.next_due = self
            .tasks
            .values()
            .filter_map(|task| match () {
                () if task.is_done() => None,
                () if !task.queue.is_empty() => tomorrow,
                () => task.next_round,
            })
            .min();
        (due, self.next_due)
    }

    /// Starts the due rounds of one task and takes what its quota allows.
    fn advance(&self, id: u64, task: &mut Task, now: u64, due: &mut Vec<Due>) {
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
        task.next_round = match task.interval.filter(|_| !ended) {
            None => None,
            Some(every) => at.checked_add(every).or_else(|| {
                // `BatchSendEmail` refuses periods this long; should one get here anyway, the
                // series ends instead of the arithmetic failing.
                task.err_msg = format!(
                    "the next round would fall {every} seconds after {}, beyond the emulator's clock; no further rounds",
                    time::format_datetime(at)
                );
                None
            }),
        };
        Ok(())
    }

    /// Takes queued recipients while the sender domain's quota lasts.
    fn drain(&self, id: u64, task: &mut Task, now: u64, due: &mut Vec<Due>) -> Result<(), String> {
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
        // Rendering is guarded like a step: a panic fails this mail's task, not the others'.
        let rendered = catch_unwind(AssertUnwindSafe(|| mime::render(&mail.draft, now)))
            .unwrap_or_else(|_| Err(STEP_PANICKED.to_owned()));
        match rendered {
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

#[cfg(test)]
mod tests;
