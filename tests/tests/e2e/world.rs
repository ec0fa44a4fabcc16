//! What the end-to-end scenario carries from step to step (names, ids the emulator handed out,
//! the actions called so far), the helpers that check each answer, and the test values: Unicode
//! text, dates, and values at their documented limits.

use std::collections::BTreeSet;
use std::future::Future;
use std::pin::Pin;

use tencentcloud_core::{Action, Error, ErrorKind, HttpMethod};

/// What a step returns: `Err` names what went wrong.
pub(crate) type Outcome<T = ()> = Result<T, String>;

/// The future of one step, borrowing the client and the world.
pub(crate) type StepFuture<'a> = Pin<Box<dyn Future<Output = Outcome> + 'a>>;

/// One step of the scenario: builds its request from the world, sends it, checks the answer.
pub(crate) type StepFn = for<'a> fn(&'a tencentcloud_ses::Client, &'a mut World) -> StepFuture<'a>;

/// Text in every script and shape the wire must carry unchanged: CJK, an emoji outside the
/// Basic Multilingual Plane (a surrogate pair in JSON escapes), and combining marks.
pub(crate) const UNICODE: &str = "腾讯云邮件 📨 Zoe\u{308} n\u{303}";

/// Characters with a meaning in query strings and form bodies, or that encoders disagree on
/// (`*`, `~`, space): they must arrive as they were sent, through every signing scheme.
pub(crate) const QUERY_SYNTAX: &str = "a+b=c&d %25 *~!'();/?#[]@$,:";

/// The scenario's state.
#[derive(Debug)]
pub(crate) struct World {
    /// A DNS-safe label unique to the configuration, e.g. `hs1-get-tmp`.
    pub(crate) tag: String,
    /// The HTTP method calls travel with (a GET must fit in 32 KiB).
    pub(crate) method: HttpMethod,
    /// The sender domain registered by the scenario.
    pub(crate) domain: String,
    /// The sender address under it.
    pub(crate) sender: String,
    /// The template created by the scenario.
    pub(crate) template_id: u64,
    /// The `MessageId` of the big `SendEmail`.
    pub(crate) message_id: String,
    /// Every `Destination` address of that mail.
    pub(crate) destination: Vec<String>,
    /// The addresses put on the custom blocklist.
    pub(crate) blocked: Vec<String>,
    /// The custom-blocklist entry the scenario changes.
    pub(crate) blocklist_id: u64,
    /// The recipient list of plain addresses.
    pub(crate) plain_list: u64,
    /// The recipient list whose addresses carry their own template data.
    pub(crate) data_list: u64,
    /// The batch tasks created, in order.
    pub(crate) tasks: Vec<u64>,
    /// Every action that has been called, by wire name.
    pub(crate) called: BTreeSet<&'static str>,
}

impl World {
    /// A fresh world for the configuration labelled `tag`.
    pub(crate) fn new(tag: &str, method: HttpMethod) -> Self {
        let domain = format!("{tag}.mail.example.com");
        Self {
            tag: tag.to_owned(),
            method,
            sender: format!("noreply@{domain}"),
            domain,
            template_id: 0,
            message_id: String::new(),
            destination: Vec::new(),
            blocked: Vec::new(),
            blocklist_id: 0,
            plain_list: 0,
            data_list: 0,
            tasks: Vec::new(),
            called: BTreeSet::new(),
        }
    }

    /// A recipient address unique to this configuration; the local part carries Unicode.
    pub(crate) fn recipient(&self, what: &str, index: usize) -> String {
        format!("{what}{index}-李雷-{}@example.net", self.tag)
    }

    /// Records a call of `A` that must have succeeded, and returns its response.
    ///
    /// # Errors
    /// The call's error, naming the action.
    pub(crate) fn ok<A: Action>(
        &mut self,
        _request: &A,
        result: Result<A::Response, Error>,
    ) -> Outcome<A::Response> {
        self.called.insert(A::NAME);
        result.map_err(|e| format!("{} should have succeeded: {e}", A::NAME))
    }

    /// Records a call of `A` that must have failed with the service error `code` and a request
    /// id.
    ///
    /// # Errors
    /// When it succeeded or failed otherwise.
    pub(crate) fn fails<A: Action>(
        &mut self,
        _request: &A,
        result: Result<A::Response, Error>,
        code: &str,
    ) -> Outcome {
        self.called.insert(A::NAME);
        match result {
            Err(e) if e.code() == Some(code) && e.request_id().is_some_and(|id| !id.is_empty()) => {
                Ok(())
            }
            Err(e) => Err(format!("{} should have answered {code}, got: {e}", A::NAME)),
            Ok(_) => Err(format!(
                "{} should have answered {code}, but succeeded",
                A::NAME
            )),
        }
    }

    /// Records a call of `A` that the client must have refused before sending anything.
    ///
    /// # Errors
    /// When it was sent, or failed for another reason.
    pub(crate) fn refused_locally<A: Action>(
        &mut self,
        result: Result<A::Response, Error>,
    ) -> Outcome {
        self.called.insert(A::NAME);
        match result {
            Err(e) if e.kind() == ErrorKind::InvalidRequest => Ok(()),
            Err(e) => Err(format!(
                "{} should have been refused before sending, got: {e}",
                A::NAME
            )),
            Ok(_) => Err(format!(
                "{} should have been refused before sending, but succeeded",
                A::NAME
            )),
        }
    }
}

/// `Ok` when `condition` holds, else the message `what` builds.
///
/// # Errors
/// The message, when the condition does not hold.
pub(crate) fn check(condition: bool, what: impl FnOnce() -> String) -> Outcome {
    if condition { Ok(()) } else { Err(what()) }
}

/// A `YYYY-MM-DD` date `days` away from today in UTC, the emulator's calendar.
pub(crate) fn date(days: i64) -> String {
    let today = i64::try_from(tencentcloud_core::clock::unix_now() / 86_400).unwrap_or(0);
    let (year, month, day) = civil_from_days(today + days);
    format!("{year:04}-{month:02}-{day:02}")
}

/// A `YYYY-MM-DD HH:MM:SS` start time tomorrow, safely in the future.
pub(crate) fn tomorrow_noon() -> String {
    format!("{} 12:00:00", date(1))
}

/// The proleptic Gregorian date of a count of days since 1970-01-01, by splitting the
/// timeline into 400-year eras of 146 097 days, each starting on the first of March.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let shifted = days + 719_468; // days from 0000-03-01 to 1970-01-01
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153; // 0 = March
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// A string of exactly `chars` characters made of `unit` repeated (cut to fit) and ending
/// with `suffix`.
pub(crate) fn exactly(chars: usize, unit: &str, suffix: &str) -> String {
    let body = chars.saturating_sub(suffix.chars().count());
    let text: String = unit
        .chars()
        .cycle()
        .take(body)
        .chain(suffix.chars())
        .collect();
    text
}

/// Template variables `{"name": ..., "code": ...}` serialized to exactly `bytes` bytes by
/// padding the name with CJK (three bytes each) and then ASCII.
pub(crate) fn template_data_of_len(bytes: usize, code: &str) -> String {
    let render = |name: &str| serde_json::json!({ "name": name, "code": code }).to_string();
    let mut name = String::from(UNICODE);
    while render(&name).len() + "李".len() <= bytes {
        name.push('李');
    }
    while render(&name).len() < bytes {
        name.push('x');
    }
    render(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_match_known_days() {
        // 1970-01-01 is day 0; 2000-03-01 is day 11 017; 2024-02-29 is day 19 782.
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_017), (2000, 3, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }

    #[test]
    fn sized_values_have_their_size() {
        assert_eq!(exactly(255, "附件", ".txt").chars().count(), 255);
        assert!(
            exactly(255, "附件", ".txt").ends_with("件.txt")
                || exactly(255, "附件", ".txt").ends_with("附.txt")
        );
        for bytes in [200, 799, 800] {
            assert_eq!(template_data_of_len(bytes, "1").len(), bytes);
        }
    }
}
