//! Two actions of Cloud Virtual Machine (CVM), declared in a few lines each: what
//! `custom_service` prints and what the guide `docs/declaring-a-service.md` walks through.

use tencentcloud_core::{action, model, service};

/// Cloud Virtual Machine, API version 2017-03-12: `cvm.tencentcloudapi.com`.
#[service(name = "cvm", version = "2017-03-12")]
pub struct Cvm;

/// Lists the regions CVM is sold in. Declared as a GET signed with HmacSHA256, so the
/// parameters and the signature travel in the query string.
#[action(service = Cvm, response = DescribeRegionsResponse, method = "GET", signing = "HmacSHA256")]
pub struct DescribeRegions {}

/// What `DescribeRegions` returns.
#[model]
pub struct DescribeRegionsResponse {
    /// How many regions follow.
    pub total_count: u64,
    /// The regions.
    pub region_set: Vec<RegionInfo>,
    /// The id of this call.
    pub request_id: String,
}

/// One region of `DescribeRegions`.
#[model]
pub struct RegionInfo {
    /// The region id, e.g. `ap-guangzhou`.
    pub region: String,
    /// Its display name.
    pub region_name: String,
    /// `AVAILABLE` or `UNAVAILABLE`.
    pub region_state: String,
}

/// Lists instances, optionally narrowed by filters. A GET with the default TC3 signature: the
/// nested `Filters` list is flattened into `Filters.0.Name`, `Filters.0.Values.0`, ...
#[action(service = Cvm, response = DescribeInstancesResponse, method = "GET")]
pub struct DescribeInstances {
    /// Only these instances.
    pub instance_ids: Option<Vec<String>>,
    /// Conditions an instance must meet, all of them (`zone`, `instance-state`, ...).
    pub filters: Option<Vec<Filter>>,
    /// How many instances to skip.
    pub offset: Option<u64>,
    /// Page size, at most 100.
    pub limit: Option<u64>,
}

/// One condition of `DescribeInstances`: the field `name` must hold one of `values`.
#[model]
pub struct Filter {
    /// The field to match, e.g. `zone`.
    pub name: String,
    /// The values accepted.
    pub values: Vec<String>,
}

/// What `DescribeInstances` returns.
#[model]
pub struct DescribeInstancesResponse {
    /// How many instances match, over all pages.
    pub total_count: u64,
    /// This page of them (only the fields this example uses; the rest are ignored).
    pub instance_set: Vec<Instance>,
    /// The id of this call.
    pub request_id: String,
}

/// One instance of `DescribeInstances`.
#[model]
pub struct Instance {
    /// Its id, e.g. `ins-r8hr2upy`.
    pub instance_id: String,
    /// Its name.
    pub instance_name: String,
    /// `RUNNING`, `STOPPED`, ...
    pub instance_state: String,
}
