//! The 36 actions of SES 2020-10-02, one file per group, each a request struct declared with
//! `#[action]` and its response declared with `#[model]`.
//!
//! Field names, types and required flags follow Tencent's schema (`spec/ses/api.json`); the
//! conformance test in `tests/conformance.rs` holds them to it.

pub mod abuse;
pub mod blocklists;
pub mod identities;
pub mod receivers;
pub mod senders;
pub mod sending;
pub mod statistics;
pub mod tasks;
pub mod templates;
pub mod unsubscribe;

pub use abuse::{GetAbuseReportRequest, GetAbuseReportResponse};
pub use blocklists::{
    CreateCustomBlacklistRequest, CreateCustomBlacklistResponse, DeleteBlackListRequest,
    DeleteBlackListResponse, DeleteCustomBlackListRequest, DeleteCustomBlackListResponse,
    ListBlackEmailAddressRequest, ListBlackEmailAddressResponse, ListCustomBlacklistRequest,
    ListCustomBlacklistResponse, UpdateCustomBlackListRequest, UpdateCustomBlackListResponse,
};
pub use identities::{
    CreateEmailIdentityRequest, CreateEmailIdentityResponse, DeleteEmailIdentityRequest,
    DeleteEmailIdentityResponse, GetEmailIdentityRequest, GetEmailIdentityResponse,
    ListEmailIdentitiesRequest, ListEmailIdentitiesResponse, UpdateEmailIdentityRequest,
    UpdateEmailIdentityResponse,
};
pub use receivers::{
    CreateReceiverDetailRequest, CreateReceiverDetailResponse, CreateReceiverDetailWithDataRequest,
    CreateReceiverDetailWithDataResponse, CreateReceiverRequest, CreateReceiverResponse,
    DeleteReceiverRequest, DeleteReceiverResponse, ListReceiverDetailsRequest,
    ListReceiverDetailsResponse, ListReceiversRequest, ListReceiversResponse,
};
pub use senders::{
    CreateEmailAddressRequest, CreateEmailAddressResponse, DeleteEmailAddressRequest,
    DeleteEmailAddressResponse, ListEmailAddressRequest, ListEmailAddressResponse, SmtpPassword,
    UpdateEmailSmtpPassWordRequest, UpdateEmailSmtpPassWordResponse,
};
pub use sending::{
    GetSendEmailStatusRequest, GetSendEmailStatusResponse, SendEmailRequest, SendEmailResponse,
};
pub use statistics::{GetStatisticsReportRequest, GetStatisticsReportResponse};
pub use tasks::{
    BatchSendEmailRequest, BatchSendEmailResponse, ListSendTasksRequest, ListSendTasksResponse,
};
pub use templates::{
    CreateEmailTemplateRequest, CreateEmailTemplateResponse, DeleteEmailTemplateRequest,
    DeleteEmailTemplateResponse, GetEmailTemplateRequest, GetEmailTemplateResponse,
    ListEmailTemplatesRequest, ListEmailTemplatesResponse, UpdateEmailTemplateRequest,
    UpdateEmailTemplateResponse,
};
pub use unsubscribe::{
    CreateAddressUnsubscribeConfigRequest, CreateAddressUnsubscribeConfigResponse,
    DeleteAddressUnsubscribeConfigRequest, DeleteAddressUnsubscribeConfigResponse,
    ListAddressUnsubscribeConfigRequest, ListAddressUnsubscribeConfigResponse,
    UpdateAddressUnsubscribeConfigRequest, UpdateAddressUnsubscribeConfigResponse,
};
