//! Sending statistics per day and for a range of days.

use tencentcloud_core::{action, model};

use crate::Ses;
use crate::types::Volume;

/// Reads sending statistics (requested, accepted, delivered, opened, clicked, bounced,
/// unsubscribed) per day and in total for a range of days.
#[action(service = Ses, response = GetStatisticsReportResponse)]
pub struct GetStatisticsReportRequest {
    /// First day of the range, `YYYY-MM-DD`.
    pub start_date: String,
    /// Last day of the range, `YYYY-MM-DD`.
    pub end_date: String,
    /// Only mail from this sender domain.
    pub domain: Option<String>,
    /// Only mail to this recipient provider domain, e.g. `gmail.com`.
    pub receiving_mailbox_type: Option<String>,
}

/// What `GetStatisticsReport` returns.
#[model]
pub struct GetStatisticsReportResponse {
    /// One entry per day of the range.
    pub daily_volumes: Vec<Volume>,
    /// The totals of the whole range.
    pub overall_volume: Volume,
    /// The id of this call, for support requests.
    pub request_id: String,
}
