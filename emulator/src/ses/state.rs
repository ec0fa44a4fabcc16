//! The backend's shared state: one lock over every store, so an action sees and changes a
//! consistent account (a send checks the sender, the template and the blocklists, and stores
//! the message and its statistics, without another action slipping in between).
//!
//! A panic while the lock is held would poison it; the state is still usable (every change
//! is applied whole or not at all), so the guard is recovered instead of failing every later
//! call.

use std::collections::{BTreeMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use tencentcloud_core::clock::Clock;

use super::SesOptions;
use super::abuse::Complaint;
use super::blocklists::{Bounced, CustomEntry};
use super::identities::Identity;
use super::message::MessageStore;
use super::outputs::Outputs;
use super::receivers::ReceiverList;
use super::senders::Sender;
use super::statistics::Statistics;
use super::tasks::Task;
use super::templates::StoredTemplate;
use super::unsubscribe::AddressConfig;

/// Hands out increasing ids, starting where the real service's examples suggest.
#[derive(Debug, Clone, Copy)]
pub(super) struct IdCounter(u64);

impl IdCounter {
    /// The next id.
    pub(super) fn next(&mut self) -> u64 {
        self.0 += 1;
        self.0
    }
}

/// Everything the emulated account holds.
#[derive(Debug)]
pub(super) struct State {
    /// Sender domains by lower-case name.
    pub(super) identities: BTreeMap<String, Identity>,
    /// Sender addresses by lower-case address.
    pub(super) senders: BTreeMap<String, Sender>,
    /// Templates by id.
    pub(super) templates: BTreeMap<u64, StoredTemplate>,
    pub(super) template_ids: IdCounter,
    /// Sent messages.
    pub(super) messages: MessageStore,
    /// Daily figures.
    pub(super) statistics: Statistics,
    /// The hard-bounce blocklist by lower-case address.
    pub(super) bounced: BTreeMap<String, Bounced>,
    /// The custom blocklist by entry id.
    pub(super) custom: BTreeMap<u64, CustomEntry>,
    pub(super) custom_ids: IdCounter,
    /// Recipient lists by id.
    pub(super) receivers: BTreeMap<u64, ReceiverList>,
    pub(super) receiver_ids: IdCounter,
    pub(super) entry_ids: IdCounter,
    /// Batch tasks by id.
    pub(super) tasks: BTreeMap<u64, Task>,
    pub(super) task_ids: IdCounter,
    /// When a batch task next has something to send, if ever.
    pub(super) next_due: Option<u64>,
    /// Unsubscribe settings by lower-case sender address.
    pub(super) unsubscribe_configs: BTreeMap<String, AddressConfig>,
    /// (sender domain, lower-case recipient) pairs whose recipient unsubscribed.
    pub(super) unsubscribed: HashSet<(String, String)>,
    /// Recorded spam complaints, oldest first.
    pub(super) complaints: Vec<Complaint>,
}

impl Default for State {
    fn default() -> Self {
        State {
            identities: BTreeMap::new(),
            senders: BTreeMap::new(),
            templates: BTreeMap::new(),
            template_ids: IdCounter(100_000),
            messages: MessageStore::default(),
            statistics: Statistics::default(),
            bounced: BTreeMap::new(),
            custom: BTreeMap::new(),
            custom_ids: IdCounter(0),
            receivers: BTreeMap::new(),
            receiver_ids: IdCounter(0),
            entry_ids: IdCounter(0),
            tasks: BTreeMap::new(),
            task_ids: IdCounter(0),
            next_due: None,
            unsubscribe_configs: BTreeMap::new(),
            unsubscribed: HashSet::new(),
            complaints: Vec::new(),
        }
    }
}

/// What every handle to one backend shares.
pub(super) struct Shared {
    /// How the backend was configured.
    pub(super) options: SesOptions,
    /// Where the time comes from.
    clock: Arc<dyn Clock>,
    /// The account.
    state: Mutex<State>,
    /// The SMTP relay, webhook and timer worker.
    pub(super) outputs: Outputs,
}

impl Shared {
    /// A fresh, empty account.
    pub(super) fn new(options: SesOptions, clock: Arc<dyn Clock>, outputs: Outputs) -> Shared {
        Shared {
            options,
            clock,
            state: Mutex::new(State::default()),
            outputs,
        }
    }

    /// The account, locked; a poisoned lock is recovered (see the module docs).
    pub(super) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The current time, Unix seconds.
    pub(super) fn now(&self) -> u64 {
        self.clock.now_unix()
    }

    /// Forgets everything.
    pub(super) fn reset(&self) {
        *self.lock() = State::default();
    }
}
