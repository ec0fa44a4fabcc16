//! Ten of the forty actions (batch b).
use crate::{Filter, Ses};
use tencentcloud_core::{action, model};

/// What `UpdateTemplate` returns.
#[model]
pub struct UpdateTemplateResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `UpdateTemplate` action.
#[action(service = Ses, response = UpdateTemplateResponse)]
pub struct UpdateTemplateRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `UpdateIdentity` returns.
#[model]
pub struct UpdateIdentityResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `UpdateIdentity` action.
#[action(service = Ses, response = UpdateIdentityResponse)]
pub struct UpdateIdentityRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `UpdateAddress` returns.
#[model]
pub struct UpdateAddressResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `UpdateAddress` action.
#[action(service = Ses, response = UpdateAddressResponse)]
pub struct UpdateAddressRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `UpdateTask` returns.
#[model]
pub struct UpdateTaskResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `UpdateTask` action.
#[action(service = Ses, response = UpdateTaskResponse)]
pub struct UpdateTaskRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `UpdateReceiver` returns.
#[model]
pub struct UpdateReceiverResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `UpdateReceiver` action.
#[action(service = Ses, response = UpdateReceiverResponse)]
pub struct UpdateReceiverRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `DeleteTemplate` returns.
#[model]
pub struct DeleteTemplateResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `DeleteTemplate` action.
#[action(service = Ses, response = DeleteTemplateResponse)]
pub struct DeleteTemplateRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `DeleteIdentity` returns.
#[model]
pub struct DeleteIdentityResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `DeleteIdentity` action.
#[action(service = Ses, response = DeleteIdentityResponse)]
pub struct DeleteIdentityRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `DeleteAddress` returns.
#[model]
pub struct DeleteAddressResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `DeleteAddress` action.
#[action(service = Ses, response = DeleteAddressResponse)]
pub struct DeleteAddressRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `DeleteTask` returns.
#[model]
pub struct DeleteTaskResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `DeleteTask` action.
#[action(service = Ses, response = DeleteTaskResponse)]
pub struct DeleteTaskRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `DeleteReceiver` returns.
#[model]
pub struct DeleteReceiverResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `DeleteReceiver` action.
#[action(service = Ses, response = DeleteReceiverResponse)]
pub struct DeleteReceiverRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}
