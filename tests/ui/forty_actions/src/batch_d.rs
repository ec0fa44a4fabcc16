//! Ten of the forty actions (batch d).
use crate::{Filter, Ses};
use tencentcloud_core::{action, model};

/// What `SendTemplate` returns.
#[model]
pub struct SendTemplateResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `SendTemplate` action.
#[action(service = Ses, response = SendTemplateResponse)]
pub struct SendTemplateRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `SendIdentity` returns.
#[model]
pub struct SendIdentityResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `SendIdentity` action.
#[action(service = Ses, response = SendIdentityResponse)]
pub struct SendIdentityRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `SendAddress` returns.
#[model]
pub struct SendAddressResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `SendAddress` action.
#[action(service = Ses, response = SendAddressResponse)]
pub struct SendAddressRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `SendTask` returns.
#[model]
pub struct SendTaskResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `SendTask` action.
#[action(service = Ses, response = SendTaskResponse)]
pub struct SendTaskRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `SendReceiver` returns.
#[model]
pub struct SendReceiverResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `SendReceiver` action.
#[action(service = Ses, response = SendReceiverResponse)]
pub struct SendReceiverRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `QueryTemplate` returns.
#[model]
pub struct QueryTemplateResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `QueryTemplate` action.
#[action(service = Ses, response = QueryTemplateResponse)]
pub struct QueryTemplateRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `QueryIdentity` returns.
#[model]
pub struct QueryIdentityResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `QueryIdentity` action.
#[action(service = Ses, response = QueryIdentityResponse)]
pub struct QueryIdentityRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `QueryAddress` returns.
#[model]
pub struct QueryAddressResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `QueryAddress` action.
#[action(service = Ses, response = QueryAddressResponse)]
pub struct QueryAddressRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `QueryTask` returns.
#[model]
pub struct QueryTaskResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `QueryTask` action.
#[action(service = Ses, response = QueryTaskResponse)]
pub struct QueryTaskRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `QueryReceiver` returns.
#[model]
pub struct QueryReceiverResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `QueryReceiver` action.
#[action(service = Ses, response = QueryReceiverResponse)]
pub struct QueryReceiverRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}
