//! Spam complaints and `GetAbuseReport`.
//!
//! Complaints come from the simulator (`complaint@ses-simulator.test`): each such delivery
//! records one report with the fields the example shows, dated when the mail was sent. Without
//! complaints the answer is an empty list.

use tencentcloud_ses::error_codes::{failed_operation, invalid_parameter};
use tencentcloud_ses::{AbuseReport, GetAbuseReportRequest, GetAbuseReportResponse};

use super::address;
use super::state::Shared;
use super::time;
use super::wire::{Answer, decode, error, respond};
use crate::redact::shown;

/// Page size when `Limit` is not given (the documented default).
const DEFAULT_LIMIT: i64 = 1000;
/// Largest page accepted: the documented default, since no maximum is documented.
const MAX_LIMIT: i64 = 1000;

/// One recorded complaint.
#[derive(Debug, Clone)]
pub(super) struct Complaint {
    /// The report as `GetAbuseReport` returns it.
    pub(super) report: AbuseReport,
    /// The day of the complaint, for the range filter.
    pub(super) day: time::Day,
}

/// Builds the complaint a recipient made about a message.
pub(super) fn complaint(
    message_id: &str,
    smtp_message_id: &str,
    from_address: &str,
    recipient: &str,
    template_id: Option<u64>,
    subject: &str,
    now: u64,
) -> Complaint {
    let at = time::format_datetime(now);
    Complaint {
        report: AbuseReport {
            deliver_time: Some(at.clone()),
            original_mail_from: Some(from_address.to_owned()),
            original_rcpt_to: Some(recipient.to_owned()),
            from_domain: Some(address::domain_of(from_address)),
            complain_time: Some(at.clone()),
            mta: Some(address::domain_of(recipient)),
            source_ip: Some(String::new()),
            insert_time: Some(at.clone()),
            template_id: template_id.map(|id| id.to_string()),
            bulk_id: Some(message_id.to_owned()),
            message_id: Some(smtp_message_id.to_owned()),
            abuse_time: Some(at),
            subject: Some(subject.to_owned()),
        },
        day: time::day_of(now),
    }
}

/// Whether an optional filter accepts a value (case-insensitively, as addresses compare).
fn accepts(filter: Option<&String>, value: Option<&String>) -> bool {
    filter.is_none_or(|wanted| value.is_some_and(|v| v.eq_ignore_ascii_case(wanted)))
}

/// `GetAbuseReport`.
pub(super) fn get(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: GetAbuseReportRequest = decode(params)?;
    let start = time::parse_day(&request.start_time).ok_or_else(|| {
        error(
            invalid_parameter::INVALID_START_TIME_FORMAT,
            format!(
                "StartTime `{}` is not in the form YYYY-MM-DD",
                shown(&request.start_time)
            ),
        )
    })?;
    let end = time::parse_day(&request.end_time).ok_or_else(|| {
        error(
            invalid_parameter::INVALID_END_TIME_FORMAT,
            format!(
                "EndTime `{}` is not in the form YYYY-MM-DD",
                shown(&request.end_time)
            ),
        )
    })?;
    let limit = request.limit.unwrap_or(DEFAULT_LIMIT);
    let offset = request.offset.unwrap_or(0);
    if !(0..=MAX_LIMIT).contains(&limit) || offset < 0 {
        return Err(error(
            failed_operation::INVALID_LIMIT,
            format!("Limit must be 0 to {MAX_LIMIT} and Offset not negative"),
        ));
    }
    let state = shared.lock();
    let matching: Vec<&AbuseReport> = state
        .complaints
        .iter()
        .filter(|c| (start..=end).contains(&c.day))
        .map(|c| &c.report)
        .filter(|r| accepts(request.from_domain.as_ref(), r.from_domain.as_ref()))
        .filter(|r| accepts(request.from_address.as_ref(), r.original_mail_from.as_ref()))
        .filter(|r| accepts(request.mta.as_ref(), r.mta.as_ref()))
        .filter(|r| accepts(request.to_address.as_ref(), r.original_rcpt_to.as_ref()))
        .filter(|r| accepts(request.template_id.as_ref(), r.template_id.as_ref()))
        .collect();
    let total = i64::try_from(matching.len()).unwrap_or(i64::MAX);
    let data = matching
        .into_iter()
        .skip(usize::try_from(offset).unwrap_or(usize::MAX))
        .take(usize::try_from(limit).unwrap_or(usize::MAX))
        .cloned()
        .collect();
    respond(&GetAbuseReportResponse {
        data: Some(data),
        total_count: Some(total),
        request_id: String::new(),
    })
}
