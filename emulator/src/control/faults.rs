//! Fault injection: scripted failures for the next N calls of one action or all, and a seeded
//! random failure rate, so clients can test their retry and timeout handling.
//!
//! Faults apply to calls that passed the signature check, just before the backend would see
//! them: a call answered by a fault never reaches the backend, so nothing it "sent" is stored.
//! Counted rules are consulted first, oldest first; the random rate only when no rule matched.

use std::fmt;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use serde::Serialize;

/// What an injected fault does to a call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Fault {
    /// Answer HTTP 200 with this error code in the usual envelope (a fresh `RequestId`).
    Error {
        /// The code, e.g. `RequestLimitExceeded` or `InternalError`.
        code: String,
        /// The message that goes with it.
        message: String,
    },
    /// Wait this long, then handle the call normally.
    Delay(#[serde(serialize_with = "as_millis")] Duration),
    /// Read the whole request, then close the connection without answering.
    Drop,
    /// Answer with this HTTP status (400 to 599) and a short plain-text body, as a failing
    /// gateway would.
    Status(u16),
}

impl Fault {
    /// An error answer with `code` and a message saying it was injected.
    pub fn error(code: impl Into<String>) -> Self {
        let code = code.into();
        let message = format!("fault injected by the emulator: {code}");
        Self::Error { code, message }
    }

    /// A delay of `millis` milliseconds before normal handling.
    pub const fn delay_ms(millis: u64) -> Self {
        Self::Delay(Duration::from_millis(millis))
    }

    /// Checks what a caller asked for: a status must be 400 to 599, an error code must be
    /// non-empty letters, digits, `.` and `_`.
    ///
    /// # Errors
    /// A sentence naming the offending value.
    pub fn validate(&self) -> Result<(), String> {
        match self {
            Self::Status(status) if !(400..=599).contains(status) => Err(format!(
                "status {status} is not an HTTP error status; use 400 to 599"
            )),
            Self::Error { code, .. }
                if code.is_empty()
                    || !code
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_') =>
            {
                Err(format!(
                    "error code {code:?} must be letters, digits, '.' and '_', like RequestLimitExceeded"
                ))
            }
            _ => Ok(()),
        }
    }
}

fn as_millis<S: serde::Serializer>(duration: &Duration, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_u128(duration.as_millis())
}

/// A fault for the next `count` calls of `action` (or of every action).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FaultRule {
    /// The action it applies to, e.g. `SendEmail`; `None` for every action.
    pub action: Option<String>,
    /// How many more calls it applies to.
    pub count: u32,
    /// What happens to them.
    pub fault: Fault,
}

impl FaultRule {
    /// `fault` for the next call of any action.
    pub fn new(fault: Fault) -> Self {
        Self {
            action: None,
            count: 1,
            fault,
        }
    }

    /// The same rule, limited to calls of `action`.
    #[must_use]
    pub fn for_action(mut self, action: impl Into<String>) -> Self {
        self.action = Some(action.into());
        self
    }

    /// The same rule, for the next `count` matching calls.
    #[must_use]
    pub fn times(mut self, count: u32) -> Self {
        self.count = count;
        self
    }

    fn matches(&self, action: &str) -> bool {
        self.action.as_deref().is_none_or(|wanted| wanted == action)
    }
}

/// A fault that strikes each matching call with probability `rate`, drawn from a generator
/// seeded with `seed`: the same seed and the same sequence of calls give the same faults.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RandomFaults {
    /// The seed of the generator.
    pub seed: u64,
    /// The probability per call, from 0.0 to 1.0.
    pub rate: f64,
    /// The action it applies to; `None` for every action.
    pub action: Option<String>,
    /// What happens to a call it strikes.
    pub fault: Fault,
}

/// The faults currently scheduled, as `GET /_emulator/faults` shows them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FaultsSnapshot {
    /// The counted rules, in the order they are consulted.
    pub rules: Vec<FaultRule>,
    /// The random fault rate, if one is set.
    pub random: Option<RandomFaults>,
}

/// The scheduled faults of one emulator, shared by the front and the control endpoints.
#[derive(Default)]
pub struct Faults {
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    rules: Vec<FaultRule>,
    random: Option<(RandomFaults, fastrand::Rng)>,
}

impl Faults {
    /// Appends a counted rule (a rule with `count` 0 is ignored).
    ///
    /// # Errors
    /// If the fault is invalid (see [`Fault::validate`]).
    pub fn push(&self, rule: FaultRule) -> Result<(), String> {
        rule.fault.validate()?;
        if rule.count > 0 {
            self.lock().rules.push(rule);
        }
        Ok(())
    }

    /// Sets the random fault rate, replacing any previous one and restarting its generator.
    ///
    /// # Errors
    /// If the rate is not a number from 0.0 to 1.0 or the fault is invalid.
    pub fn set_random(&self, random: RandomFaults) -> Result<(), String> {
        if !(0.0..=1.0).contains(&random.rate) {
            return Err(format!(
                "rate {} is not a probability; use 0.0 to 1.0",
                random.rate
            ));
        }
        random.fault.validate()?;
        let rng = fastrand::Rng::with_seed(random.seed);
        self.lock().random = Some((random, rng));
        Ok(())
    }

    /// Removes every rule and the random rate.
    pub fn clear(&self) {
        let mut state = self.lock();
        state.rules.clear();
        state.random = None;
    }

    /// What is scheduled now.
    pub fn snapshot(&self) -> FaultsSnapshot {
        let state = self.lock();
        FaultsSnapshot {
            rules: state.rules.clone(),
            random: state.random.as_ref().map(|(random, _)| random.clone()),
        }
    }

    /// The fault for the next call of `action`, if any, using up one count of its rule.
    pub(crate) fn next(&self, action: &str) -> Option<Fault> {
        let mut state = self.lock();
        if let Some(index) = state.rules.iter().position(|rule| rule.matches(action)) {
            let rule = state.rules.get_mut(index)?;
            rule.count = rule.count.saturating_sub(1);
            let fault = rule.fault.clone();
            if rule.count == 0 {
                state.rules.remove(index);
            }
            return Some(fault);
        }
        let (random, rng) = state.random.as_mut()?;
        let applies = random
            .action
            .as_deref()
            .is_none_or(|wanted| wanted == action);
        (applies && rng.f64() < random.rate).then(|| random.fault.clone())
    }

    // A panic while holding the lock cannot leave the rules half-updated (every update is a
    // single push, remove or assignment), so a poisoned lock is still safe to use.
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl fmt::Debug for Faults {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Faults")
            .field("scheduled", &self.snapshot())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_rules_run_out_in_order_and_respect_the_action() {
        let faults = Faults::default();
        faults
            .push(
                FaultRule::new(Fault::error("RequestLimitExceeded"))
                    .for_action("SendEmail")
                    .times(2),
            )
            .unwrap();
        faults.push(FaultRule::new(Fault::Drop)).unwrap();
        // The SendEmail rule does not match other actions; the catch-all rule does.
        assert_eq!(faults.next("ListEmailTemplates"), Some(Fault::Drop));
        assert_eq!(faults.next("ListEmailTemplates"), None);
        assert!(matches!(
            faults.next("SendEmail"),
            Some(Fault::Error { .. })
        ));
        assert!(matches!(
            faults.next("SendEmail"),
            Some(Fault::Error { .. })
        ));
        assert_eq!(faults.next("SendEmail"), None);
        assert!(faults.snapshot().rules.is_empty());
    }

    #[test]
    fn random_faults_repeat_for_the_same_seed_and_follow_the_rate() {
        let draw = |seed| {
            let faults = Faults::default();
            faults
                .set_random(RandomFaults {
                    seed,
                    rate: 0.25,
                    action: None,
                    fault: Fault::Status(503),
                })
                .unwrap();
            (0..4000)
                .map(|_| faults.next("SendEmail").is_some())
                .collect::<Vec<_>>()
        };
        let first = draw(42);
        assert_eq!(first, draw(42));
        assert_ne!(first, draw(43));
        let hits = first.iter().filter(|hit| **hit).count();
        // 4000 draws at 25%: 1000 expected, a standard deviation of about 27.
        assert!((850..=1150).contains(&hits), "{hits}");
    }

    #[test]
    fn invalid_faults_are_refused_with_the_reason() {
        let faults = Faults::default();
        let error = faults.push(FaultRule::new(Fault::Status(200))).unwrap_err();
        assert!(error.contains("200"), "{error}");
        let error = faults
            .push(FaultRule::new(Fault::error("no spaces please")))
            .unwrap_err();
        assert!(error.contains("no spaces please"), "{error}");
        let error = faults
            .set_random(RandomFaults {
                seed: 1,
                rate: f64::NAN,
                action: None,
                fault: Fault::Drop,
            })
            .unwrap_err();
        assert!(error.contains("NaN"), "{error}");
    }
}
