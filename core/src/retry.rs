//! When and how long to wait before sending a call again.
//!
//! Which errors are retried is decided by [`Error::is_retryable`](crate::Error::is_retryable)
//! (throttling and failures before sending always; ambiguous failures only for idempotent
//! actions). This module holds the policy: how many attempts, and the delays between them,
//! exponential with full jitter so that many clients throttled together do not retry in step.

use std::time::Duration;

/// How many times to try a call and how long to wait in between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
}

impl Default for RetryPolicy {
    /// Three attempts, waiting up to 200 ms before the second and up to 400 ms before the third,
    /// never more than 8 s.
    fn default() -> Self {
        Self {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(8),
        }
    }
}

impl RetryPolicy {
    /// A policy with the defaults (3 attempts, 200 ms initial backoff, 8 s cap).
    pub fn new() -> Self {
        Self::default()
    }

    /// Never retry: one attempt only.
    pub fn disabled() -> Self {
        Self::default().with_max_attempts(1)
    }

    /// The total number of attempts, including the first (at least 1).
    #[must_use]
    pub fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The upper bound of the delay before the second attempt; it doubles for each further one.
    #[must_use]
    pub fn with_initial_backoff(mut self, delay: Duration) -> Self {
        self.initial_backoff = delay;
        self
    }

    /// The cap on any single delay.
    #[must_use]
    pub fn with_max_backoff(mut self, delay: Duration) -> Self {
        self.max_backoff = delay;
        self
    }

    /// The total number of attempts.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The upper bound of the delay after failed attempt number `attempt` (1-based):
    /// `min(max_backoff, initial_backoff × 2^(attempt-1))`.
    pub fn backoff_ceiling(&self, attempt: u32) -> Duration {
        let factor = 2u32.saturating_pow(attempt.saturating_sub(1).min(31));
        self.initial_backoff
            .saturating_mul(factor)
            .min(self.max_backoff)
    }

    /// The delay after failed attempt number `attempt`: uniformly random in
    /// `[0, backoff_ceiling(attempt)]` ("full jitter").
    pub fn backoff(&self, attempt: u32) -> Duration {
        let ceiling = self.backoff_ceiling(attempt);
        let nanos = u64::try_from(ceiling.as_nanos()).unwrap_or(u64::MAX);
        Duration::from_nanos(fastrand::u64(0..=nanos))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ceilings_double_up_to_the_cap() {
        let policy = RetryPolicy::new()
            .with_initial_backoff(Duration::from_millis(100))
            .with_max_backoff(Duration::from_millis(750));
        let ceilings: Vec<u128> = (1..=6)
            .map(|a| policy.backoff_ceiling(a).as_millis())
            .collect();
        assert_eq!(ceilings, [100, 200, 400, 750, 750, 750]);
        assert_eq!(policy.backoff_ceiling(1000), Duration::from_millis(750));
    }

    #[test]
    fn jittered_delays_stay_within_bounds_and_vary() {
        let policy = RetryPolicy::new();
        let delays: Vec<Duration> = (0..200).map(|_| policy.backoff(2)).collect();
        assert!(delays.iter().all(|d| *d <= Duration::from_millis(400)));
        let distinct: std::collections::HashSet<_> = delays.iter().collect();
        assert!(distinct.len() > 100, "full jitter should spread delays");
        let mean = delays.iter().sum::<Duration>() / 200;
        assert!(
            mean > Duration::from_millis(120) && mean < Duration::from_millis(280),
            "{mean:?}"
        );
    }

    #[test]
    fn attempts_are_at_least_one() {
        assert_eq!(RetryPolicy::new().with_max_attempts(0).max_attempts(), 1);
        assert_eq!(RetryPolicy::disabled().max_attempts(), 1);
        assert_eq!(RetryPolicy::default().max_attempts(), 3);
    }
}
