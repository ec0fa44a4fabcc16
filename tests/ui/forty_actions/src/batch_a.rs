//! Ten of the forty actions (batch a).
use crate::{Filter, Ses};
use tencentcloud_core::{action, model};

/// What `DescribeTemplate` returns.
#[model]
pub struct DescribeTemplateResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `DescribeTemplate` action.
#[action(service = Ses, response = DescribeTemplateResponse)]
pub struct DescribeTemplateRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `DescribeIdentity` returns.
#[model]
pub struct DescribeIdentityResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `DescribeIdentity` action.
#[action(service = Ses, response = DescribeIdentityResponse)]
pub struct DescribeIdentityRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `DescribeAddress` returns.
#[model]
pub struct DescribeAddressResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `DescribeAddress` action.
#[action(service = Ses, response = DescribeAddressResponse)]
pub struct DescribeAddressRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `DescribeTask` returns.
#[model]
pub struct DescribeTaskResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `DescribeTask` action.
#[action(service = Ses, response = DescribeTaskResponse)]
pub struct DescribeTaskRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `DescribeReceiver` returns.
#[model]
pub struct DescribeReceiverResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `DescribeReceiver` action.
#[action(service = Ses, response = DescribeReceiverResponse)]
pub struct DescribeReceiverRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `CreateTemplate` returns.
#[model]
pub struct CreateTemplateResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `CreateTemplate` action.
#[action(service = Ses, response = CreateTemplateResponse)]
pub struct CreateTemplateRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `CreateIdentity` returns.
#[model]
pub struct CreateIdentityResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `CreateIdentity` action.
#[action(service = Ses, response = CreateIdentityResponse)]
pub struct CreateIdentityRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `CreateAddress` returns.
#[model]
pub struct CreateAddressResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `CreateAddress` action.
#[action(service = Ses, response = CreateAddressResponse)]
pub struct CreateAddressRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `CreateTask` returns.
#[model]
pub struct CreateTaskResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `CreateTask` action.
#[action(service = Ses, response = CreateTaskResponse)]
pub struct CreateTaskRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}

/// What `CreateReceiver` returns.
#[model]
pub struct CreateReceiverResponse {
    /// How many items matched.
    pub total_count: Option<u64>,
    /// The items.
    pub items: Vec<String>,
    /// The id of the call.
    pub request_id: String,
}

/// The `CreateReceiver` action.
#[action(service = Ses, response = CreateReceiverResponse)]
pub struct CreateReceiverRequest {
    /// Filters on the result.
    pub filters: Option<Vec<Filter>>,
    /// Where to start.
    pub offset: Option<u64>,
    /// How many to return.
    pub limit: Option<u64>,
    /// A free-form name.
    pub name: String,
}
