//! Unit tests of the batch-task runner: round times that cannot be counted, and a step that
//! panics, must never lose a task or stop the others.

use std::collections::VecDeque;
use std::sync::Arc;

use tencentcloud_ses::enums::{AdLocation, TaskStatus, TaskType};

use super::{Due, Task};
use crate::ses::address::{self, SenderSpec};
use crate::ses::receivers::{Entry, ReceiverList};
use crate::ses::senders::Sender;
use crate::ses::sending::Bodies;
use crate::ses::state::State;

const FROM: &str = "noreply@mail.example.com";

/// An account with the sender [`FROM`] and recipient list 1 holding one address.
fn account() -> State {
    let mut state = State::default();
    state.senders.insert(
        address::key(FROM),
        Sender {
            address: FROM.to_owned(),
            name: String::new(),
            created: 0,
            password: None,
        },
    );
    state.receivers.insert(
        1,
        ReceiverList {
            name: "team".to_owned(),
            desc: String::new(),
            created: 0,
            entries: vec![Entry {
                id: 1,
                email: "x@example.org".to_owned(),
                created: 0,
                data: String::new(),
                invalid: None,
            }],
            keys: None,
        },
    );
    state
}

/// A recurring plain-text task on list 1 whose next round is at `next_round`.
fn task(next_round: u64, interval: Option<u64>) -> Task {
    Task {
        from: FROM.to_owned(),
        sender: SenderSpec {
            alias: None,
            address: FROM.to_owned(),
        },
        receiver_id: 1,
        receivers_name: "team".to_owned(),
        subject: "Hi".to_owned(),
        kind: TaskType::Recurring,
        reply_to: None,
        template: None,
        base_data: None,
        simple: Some(Bodies {
            html: None,
            text: Some("hello".to_owned()),
        }),
        attachments: Arc::new(Vec::new()),
        cycle: None,
        timed: None,
        unsubscribe: None,
        ad_location: AdLocation::NoMarker,
        next_round: Some(next_round),
        interval,
        round_bodies: None,
        queue: VecDeque::new(),
        status: TaskStatus::Pending,
        request_count: 0,
        send_count: 0,
        created: 0,
        updated: 0,
        err_msg: String::new(),
    }
}

#[test]
fn a_next_round_past_the_countable_future_ends_the_series_and_keeps_the_task() {
    let mut state = account();
    state.tasks.insert(7, task(100, Some(u64::MAX)));
    let (due, _) = state.collect_due(200);
    // The round that was due still goes out.
    assert_eq!(due.len(), 1);
    let kept = state.tasks.get(&7).expect("the task is still listed");
    assert_eq!(kept.next_round, None);
    assert_eq!(kept.status, TaskStatus::Finished);
    assert!(!kept.err_msg.is_empty(), "the task says why it ended");
}

#[test]
fn the_last_second_the_clock_can_count_schedules_nothing_and_panics_nowhere() {
    let mut state = account();
    let mut paused = task(u64::MAX, None);
    paused
        .queue
        .push_back(("x@example.org".to_owned(), String::new()));
    state.tasks.insert(1, paused);
    let (_, next) = state.collect_due(u64::MAX);
    assert_eq!(next, None, "there is no tomorrow to look at");
    assert!(state.tasks.contains_key(&1));
}

#[test]
fn a_step_that_panics_fails_only_its_own_task() {
    fn step(_: &State, id: u64, task: &mut Task, now: u64, due: &mut Vec<Due>) {
        // Take something first, as a real step would, so discarding it is checked.
        task.updated = now;
        due.push(Due {
            task_id: id,
            draft: task.draft(
                id,
                "x@example.org".to_owned(),
                "Hi".to_owned(),
                sample(),
                "",
            ),
            outcome: crate::ses::simulate::outcome_for("x@example.org"),
        });
        assert!(id != 1, "task 1 is broken");
        task.next_round = None;
        task.status = TaskStatus::Finished;
    }
    let mut state = account();
    state.tasks.insert(1, task(100, None));
    state.tasks.insert(2, task(100, None));
    let (due, _) = state.collect_due_with(200, step);
    let ids: Vec<u64> = due.iter().map(|d| d.task_id).collect();
    assert_eq!(
        ids,
        [2],
        "the broken task's mail is discarded, the other's kept"
    );
    let broken = state
        .tasks
        .get(&1)
        .expect("a task whose step panicked is kept");
    assert_eq!(broken.status, TaskStatus::Failed);
    assert!(broken.err_msg.contains("emulator"), "{}", broken.err_msg);
    let fine = state.tasks.get(&2).expect("the other task is kept");
    assert_eq!((fine.status, fine.updated), (TaskStatus::Finished, 200));
}

/// Bodies for a hand-made draft.
fn sample() -> Bodies {
    Bodies {
        html: None,
        text: Some("hello".to_owned()),
    }
}
