//! The only place that reads the wall clock.
//!
//! Everything else takes time as a parameter, so signatures are testable with pinned times and a
//! client can correct for a skewed local clock (see [`Clock`]).

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A source of the current time, in Unix seconds.
///
/// The client asks its clock for a fresh timestamp on every attempt. Tests inject a fixed or
/// scripted clock; production uses [`SystemClock`].
pub trait Clock: Send + Sync + fmt::Debug {
    /// Seconds since the Unix epoch, UTC.
    fn now_unix(&self) -> u64;
}

/// The operating system's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_unix(&self) -> u64 {
        unix_now()
    }
}

/// A clock stuck at one instant, for tests and reproducible signatures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixedClock(pub u64);

impl Clock for FixedClock {
    fn now_unix(&self) -> u64 {
        self.0
    }
}

/// The system time in Unix seconds; 0 if the system clock is set before 1970.
// This module is the one place allowed to read the wall clock (see clippy.toml).
#[allow(clippy::disallowed_methods)]
pub fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_secs()
}

/// The system time as an RFC 7231 HTTP date (`Date` header), for servers.
#[allow(clippy::disallowed_methods)]
pub fn http_date_now() -> String {
    httpdate::fmt_http_date(SystemTime::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_clock_is_after_2020() {
        assert!(SystemClock.now_unix() > 1_577_836_800);
        assert_eq!(FixedClock(5).now_unix(), 5);
        assert!(http_date_now().ends_with(" GMT"));
    }
}
