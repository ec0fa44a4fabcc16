//! `GetSendEmailStatus`: one entry per (message, recipient) sent on one day, kept 30 days.

use tencentcloud_ses::enums::{DeliverStatus, SendStatus};
use tencentcloud_ses::error_codes::{failed_operation, invalid_parameter_value};
use tencentcloud_ses::{GetSendEmailStatusRequest, GetSendEmailStatusResponse, SendEmailStatus};

use super::address;
use super::message::StoredMessage;
use super::state::Shared;
use super::time;
use super::wire::{Answer, check_limit, decode, error, page, respond};
use crate::redact::shown;

/// How many days back statuses can be read (the action's documentation).
const RETENTION_DAYS: u64 = 30;

/// `GetSendEmailStatus`.
pub(super) fn get(shared: &Shared, params: serde_json::Value) -> Answer {
    let request: GetSendEmailStatusRequest = decode(params)?;
    check_limit(request.limit)?;
    let day = time::parse_day(&request.request_date).ok_or_else(|| {
        error(
            invalid_parameter_value::WRONG_DATE,
            format!(
                "RequestDate `{}` is not a date in the form YYYY-MM-DD",
                shown(&request.request_date)
            ),
        )
    })?;
    let today = time::day_of(shared.now());
    if day.saturating_add(RETENTION_DAYS) < today {
        return Err(error(
            failed_operation::NOT_SUPPORT_DATE,
            format!(
                "statuses are kept for {RETENTION_DAYS} days; {} is older",
                request.request_date
            ),
        ));
    }
    let wanted_to = request.to_email_address.as_deref().map(address::key);
    let state = shared.lock();
    let messages: Vec<&StoredMessage> = match &request.message_id {
        Some(id) => state.messages.get(id).into_iter().collect(),
        None => state.messages.all().iter().collect(),
    };
    let entries = messages
        .into_iter()
        .filter(|message| time::day_of(message.request_time) == day)
        .flat_map(|message| {
            message
                .recipients
                .iter()
                .map(move |recipient| (message, recipient))
        })
        .filter(|(_, recipient)| {
            wanted_to
                .as_ref()
                .is_none_or(|wanted| *wanted == address::key(&recipient.email))
        });
    let list = page(entries, request.offset, request.limit)
        .into_iter()
        .map(|(message, recipient)| SendEmailStatus {
            message_id: message.message_id.clone(),
            to_email_address: recipient.email.clone(),
            from_email_address: address::parse_sender(&message.from)
                .map_or_else(|_| message.from.clone(), |sender| sender.address),
            send_status: SendStatus::from_value(recipient.send_status),
            deliver_status: DeliverStatus::from_value(recipient.deliver_status),
            deliver_message: recipient.deliver_message.clone(),
            request_time: i64::try_from(message.request_time).unwrap_or(i64::MAX),
            deliver_time: i64::try_from(recipient.deliver_time).unwrap_or(i64::MAX),
            user_opened: recipient.opened,
            user_clicked: recipient.clicked,
            user_unsubscribed: recipient.unsubscribed,
            user_complainted: Some(recipient.complained),
            user_complained: Some(recipient.complained),
        })
        .collect();
    respond(&GetSendEmailStatusResponse {
        email_status_list: list,
        request_id: String::new(),
    })
}
