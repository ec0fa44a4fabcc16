//! Ten of the forty actions (batch c).
use crate::{Filter, Ses};
use tencentcloud_core::{action, model};

/// What `ListTemplate` returns.
#[model]
pub struct ListTemplateResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `ListTemplate` action.
#[action(service = Ses, response = ListTemplateResponse)]
pub struct ListTemplateRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `ListIdentity` returns.
#[model]
pub struct ListIdentityResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `ListIdentity` action.
#[action(service = Ses, response = ListIdentityResponse)]
pub struct ListIdentityRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `ListAddress` returns.
#[model]
pub struct ListAddressResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `ListAddress` action.
#[action(service = Ses, response = ListAddressResponse)]
pub struct ListAddressRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `ListTask` returns.
#[model]
pub struct ListTaskResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `ListTask` action.
#[action(service = Ses, response = ListTaskResponse)]
pub struct ListTaskRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `ListReceiver` returns.
#[model]
pub struct ListReceiverResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `ListReceiver` action.
#[action(service = Ses, response = ListReceiverResponse)]
pub struct ListReceiverRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `GetTemplate` returns.
#[model]
pub struct GetTemplateResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `GetTemplate` action.
#[action(service = Ses, response = GetTemplateResponse)]
pub struct GetTemplateRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `GetIdentity` returns.
#[model]
pub struct GetIdentityResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `GetIdentity` action.
#[action(service = Ses, response = GetIdentityResponse)]
pub struct GetIdentityRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `GetAddress` returns.
#[model]
pub struct GetAddressResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `GetAddress` action.
#[action(service = Ses, response = GetAddressResponse)]
pub struct GetAddressRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `GetTask` returns.
#[model]
pub struct GetTaskResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `GetTask` action.
#[action(service = Ses, response = GetTaskResponse)]
pub struct GetTaskRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `GetReceiver` returns.
#[model]
pub struct GetReceiverResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `GetReceiver` action.
#[action(service = Ses, response = GetReceiverResponse)]
pub struct GetReceiverRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}
