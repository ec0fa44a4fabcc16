//! Daily sending figures and `GetStatisticsReport`.
//!
//! Every recipient of every stored message counts once, on the day the message was accepted,
//! under its sender domain and its recipient's mail domain (the two filters of the action):
//! requested always, accepted when Tencent Cloud took it (`SendStatus` 0), delivered, opened,
//! clicked, bounced and unsubscribed as the simulated outcome says. Requests refused outright
//! by an action error never reach the store and are not counted.

use std::collections::{BTreeMap, HashMap};

use tencentcloud_ses::enums::DeliverStatus;
use tencentcloud_ses::error_codes::invalid_parameter_value;
use tencentcloud_ses::{GetStatisticsReportRequest, GetStatisticsReportResponse, Volume};

use super::address;
use super::message::RecipientStatus;
use super::state::Shared;
use super::time::{self, Day};
use super::wire::{Answer, decode, error, respond};
use crate::redact::shown;

/// The longest range one report covers, in days: the limit is undocumented, and an unbounded
/// range would make an unbounded answer.
const MAX_REPORT_DAYS: u64 = 366;

/// The figures of one (day, sender domain, recipient domain) cell.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Counters {
    requested: u64,
    accepted: u64,
    delivered: u64,
    opened: u64,
    clicked: u64,
    bounced: u64,
    unsubscribed: u64,
}

impl Counters {
    fn add(&mut self, other: &Counters) {
        self.requested += other.requested;
        self.accepted += other.accepted;
        self.delivered += other.delivered;
        self.opened += other.opened;
        self.clicked += other.clicked;
        self.bounced += other.bounced;
        self.unsubscribed += other.unsubscribed;
    }

    fn volume(&self, day: Day) -> Volume {
        Volume {
            send_date: time::format_day(day),
            request_count: self.requested,
            accepted_count: self.accepted,
            delivered_count: self.delivered,
            opened_count: self.opened,
            clicked_count: self.clicked,
            bounce_count: self.bounced,
            unsubscribe_count: self.unsubscribed,
        }
    }
}

/// Every cell that has mail, plus accepted mails per (day, sender domain) for the quota.
#[derive(Debug, Default)]
pub(super) struct Statistics {
    cells: BTreeMap<(Day, String, String), Counters>,
    accepted_by_domain: HashMap<(Day, String), u64>,
}

impl Statistics {
    /// Counts one recipient of a message sent from `from_domain` on `day`.
    pub(super) fn record(&mut self, day: Day, from_domain: &str, status: &RecipientStatus) {
        let accepted = status.send_status == 0;
        let counters = Counters {
            requested: 1,
            accepted: u64::from(accepted),
            delivered: u64::from(status.deliver_status == DeliverStatus::Delivered.value()),
            opened: u64::from(status.opened),
            clicked: u64::from(status.clicked),
            bounced: u64::from(status.deliver_status == DeliverStatus::Rejected.value()),
            unsubscribed: u64::from(status.unsubscribed),
        };
        let mailbox = address::domain_of(&status.email);
        self.cells
            .entry((day, from_domain.to_owned(), mailbox))
            .or_default()
            .add(&counters);
        if accepted {
            *self
                .accepted_by_domain
                .entry((day, from_domain.to_owned()))
                .or_default() += 1;
        }
    }

    /// How many mails `domain` had accepted on `day`: what its daily quota is measured by.
    pub(super) fn accepted_on(&self, day: Day, domain: &str) -> u64 {
        self.accepted_by_domain
            .get(&(day, domain.to_owned()))
            .copied()
            .unwrap_or(0)
    }

    /// The figures of one day, filtered by sender and recipient domain.
    fn day(&self, day: Day, domain: Option<&str>, mailbox: Option<&str>) -> Counters {
        let mut total = Counters::default();
        let lower = (day, String::new(), String::new());
        let upper = (day + 1, String::new(), String::new());
        for ((_, from, to), counters) in self.cells.range(lower..upper) {
            if domain.is_none_or(|d| d == from) && mailbox.is_none_or(|m| m == to) {
                total.add(counters);
            }
        }
        total
    }
}

/// Reads a `YYYY-MM-DD` parameter.
fn day_param(name: &str, text: &str) -> Result<Day, crate::backend::ApiError> {
    time::parse_day(text).ok_or_else(|| {
        error(
            invalid_parameter_value::WRONG_DATE,
            format!(
                "{name} `{}` is not a date in the form YYYY-MM-DD",
                shown(text)
            ),
        )
    })
}

/// `GetStatisticsReport`: one volume per day of the range, and the totals (dated with the
/// range's first day, as the example shows).
pub(super) fn report(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: GetStatisticsReportRequest = decode(params)?;
    let start = day_param("StartDate", &request.start_date)?;
    let end = day_param("EndDate", &request.end_date)?;
    if end < start {
        return Err(error(
            invalid_parameter_value::WRONG_DATE,
            "EndDate is before StartDate",
        ));
    }
    if end - start >= MAX_REPORT_DAYS {
        return Err(error(
            invalid_parameter_value::WRONG_DATE,
            format!("the range covers more than {MAX_REPORT_DAYS} days"),
        ));
    }
    let domain = request.domain.as_deref().map(str::to_ascii_lowercase);
    let mailbox = request
        .receiving_mailbox_type
        .as_deref()
        .map(str::to_ascii_lowercase);
    let state = shared.lock();
    let mut overall = Counters::default();
    let daily: Vec<Volume> = (start..=end)
        .map(|day| {
            let counters = state
                .statistics
                .day(day, domain.as_deref(), mailbox.as_deref());
            overall.add(&counters);
            counters.volume(day)
        })
        .collect();
    respond(&GetStatisticsReportResponse {
        daily_volumes: daily,
        overall_volume: overall.volume(start),
        request_id: String::new(),
    })
}
