//! Spam complaints (abuse reports) about mail the account sent.

use tencentcloud_core::{action, model};

use crate::Ses;
use crate::types::AbuseReport;

/// Reads the spam complaints recipients made about the account's mail in a range of days.
///
/// Unlike every other paged action, this one pages with signed 64-bit numbers.
#[action(service = Ses, response = GetAbuseReportResponse, builder = true)]
pub struct GetAbuseReportRequest {
    /// Start of the range, `YYYY-MM-DD`.
    pub start_time: String,
    /// End of the range, `YYYY-MM-DD`.
    pub end_time: String,
    /// How many complaints to skip.
    pub offset: Option<i64>,
    /// Page size (the documentation gives 1000 as the default).
    pub limit: Option<i64>,
    /// Only mail from this sender domain.
    pub from_domain: Option<String>,
    /// Only mail from this sender address.
    pub from_address: Option<String>,
    /// Only complaints from recipients at this provider domain, e.g. `gmail.com`.
    pub mta: Option<String>,
    /// Only complaints from this recipient.
    pub to_address: Option<String>,
    /// Only mail sent with this template, its id given as a string.
    pub template_id: Option<String>,
}

/// What `GetAbuseReport` returns.
#[model]
pub struct GetAbuseReportResponse {
    /// The complaints of this page.
    pub data: Option<Vec<AbuseReport>>,
    /// How many complaints match in all.
    pub total_count: Option<i64>,
    /// The id of this call, for support requests.
    pub request_id: String,
}
