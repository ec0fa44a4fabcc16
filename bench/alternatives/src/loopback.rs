//! Bounded loopback round trips: a number of loops ("in flight") send one request after another
//! to the shared local server for a fixed time; each request's latency is recorded, and the
//! requests per second of the round is what completed divided by the wall time.
//!
//! The Python and Node runners (`bench/python`, `bench/node`) follow the same rules, so their
//! rows compare with these.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// One request to the server; `Err` carries the contender's own error text.
pub type OneRequest =
    Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Result<(), String>> + Send>> + Send + Sync>;

/// How long no single request may take before it counts as failed (the server answers at once).
const REQUEST_LIMIT: Duration = Duration::from_secs(10);

/// What one round measured.
#[derive(Debug, Default, Clone)]
pub struct Round {
    /// Requests that completed with a decoded answer.
    pub completed: u64,
    /// Requests that failed or timed out.
    pub failed: u64,
    /// Wall time from the start until the last loop stopped.
    pub elapsed: Duration,
    /// The latency of every completed request, in nanoseconds.
    pub latencies_ns: Vec<u64>,
    /// The first failure, to show what went wrong.
    pub first_error: Option<String>,
}

impl Round {
    /// Completed requests per second of wall time.
    pub fn requests_per_second(&self) -> f64 {
        let seconds = self.elapsed.as_secs_f64();
        if seconds > 0.0 {
            self.completed as f64 / seconds
        } else {
            0.0
        }
    }
}

/// Runs `in_flight` loops of `one` until `duration` has passed, then waits for the requests
/// under way.
pub async fn round(one: &OneRequest, in_flight: usize, duration: Duration) -> Round {
    let start = Instant::now();
    let deadline = start + duration;
    let mut loops = Vec::with_capacity(in_flight);
    for _ in 0..in_flight {
        let one = Arc::clone(one);
        loops.push(tokio::spawn(async move {
            let mut part = Round::default();
            while Instant::now() < deadline {
                let sent = Instant::now();
                match tokio::time::timeout(REQUEST_LIMIT, one()).await {
                    Ok(Ok(())) => {
                        part.completed += 1;
                        part.latencies_ns.push(sent.elapsed().as_nanos() as u64);
                    }
                    Ok(Err(error)) => part.fail(error),
                    Err(_) => part.fail(format!("no answer within {REQUEST_LIMIT:?}")),
                }
            }
            part
        }));
    }
    let mut total = Round::default();
    for handle in loops {
        match handle.await {
            Ok(part) => total.merge(part),
            Err(error) => total.fail(format!("a request loop stopped: {error}")),
        }
    }
    total.elapsed = start.elapsed();
    total
}

impl Round {
    fn fail(&mut self, error: String) {
        self.failed += 1;
        self.first_error.get_or_insert(error);
    }

    fn merge(&mut self, part: Round) {
        self.completed += part.completed;
        self.failed += part.failed;
        self.latencies_ns.extend(part.latencies_ns);
        if self.first_error.is_none() {
            self.first_error = part.first_error;
        }
    }
}

/// The rounds of one contender at one number in flight, summarized.
#[derive(Debug, Clone)]
pub struct Summary {
    /// Median over rounds of requests per second.
    pub requests_per_second: f64,
    /// Requests per second of each round, in order.
    pub rounds: Vec<f64>,
    /// Median latency over all requests of all rounds, microseconds.
    pub p50_us: f64,
    /// 99th percentile latency, microseconds.
    pub p99_us: f64,
    /// Completed requests over all rounds.
    pub completed: u64,
    /// Failed requests over all rounds.
    pub failed: u64,
    /// The first failure, if any.
    pub first_error: Option<String>,
}

/// Summarizes `rounds` (at least one).
pub fn summarize(rounds: &[Round]) -> Summary {
    let mut per_round: Vec<f64> = rounds.iter().map(Round::requests_per_second).collect();
    let mut latencies: Vec<u64> = rounds
        .iter()
        .flat_map(|r| r.latencies_ns.iter().copied())
        .collect();
    latencies.sort_unstable();
    let rounds_in_order = per_round.clone();
    per_round.sort_by(f64::total_cmp);
    Summary {
        requests_per_second: median_f64(&per_round),
        rounds: rounds_in_order,
        p50_us: percentile(&latencies, 0.50) / 1_000.0,
        p99_us: percentile(&latencies, 0.99) / 1_000.0,
        completed: rounds.iter().map(|r| r.completed).sum(),
        failed: rounds.iter().map(|r| r.failed).sum(),
        first_error: rounds.iter().find_map(|r| r.first_error.clone()),
    }
}

fn median_f64(sorted: &[f64]) -> f64 {
    match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[n / 2],
        n => f64::midpoint(sorted[n / 2 - 1], sorted[n / 2]),
    }
}

/// The nearest-rank percentile `q` (0..=1) of sorted values; 0 for none.
fn percentile(sorted: &[u64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (q * sorted.len() as f64).ceil() as usize;
    let index = rank.clamp(1, sorted.len()) - 1;
    sorted.get(index).copied().unwrap_or_default() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let values: Vec<u64> = (1..=100).collect();
        assert!((percentile(&values, 0.50) - 50.0).abs() < f64::EPSILON);
        assert!((percentile(&values, 0.99) - 99.0).abs() < f64::EPSILON);
        assert!((percentile(&[7], 0.99) - 7.0).abs() < f64::EPSILON);
    }

    #[test]
    fn summary_takes_the_median_round() {
        let round = |completed, millis| Round {
            completed,
            elapsed: Duration::from_millis(millis),
            ..Round::default()
        };
        let summary = summarize(&[round(10, 1_000), round(30, 1_000), round(20, 1_000)]);
        assert!((summary.requests_per_second - 20.0).abs() < 1e-9);
        assert_eq!(summary.completed, 60);
    }

    #[tokio::test]
    async fn a_round_counts_failures_apart() {
        let one: OneRequest = Arc::new(|| Box::pin(async { Err("refused".to_owned()) }));
        let result = round(&one, 2, Duration::from_millis(5)).await;
        assert_eq!(result.completed, 0);
        assert!(result.failed > 0);
        assert_eq!(result.first_error.as_deref(), Some("refused"));
    }
}
