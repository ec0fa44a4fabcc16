//! `crate = path` for a crate that reaches `tencentcloud_core` through a re-export, and
//! declarations inside a module.
#![deny(warnings, missing_docs, unused_qualifications)]

/// Stands in for an SDK crate that re-exports the runtime.
pub mod sdk {
    pub use tencentcloud_core as runtime;
}

/// The service and its actions, declared through the re-export.
pub mod cvm {
    use crate::sdk::runtime::{action, model, service};

    /// Cloud Virtual Machine.
    #[service(name = "cvm", version = "2017-03-12", crate = crate::sdk::runtime)]
    pub struct Cvm;

    /// What `DescribeZones` returns.
    #[model(crate = crate::sdk::runtime)]
    pub struct DescribeZonesResponse {
        /// The zones.
        pub zone_set: Vec<String>,
        /// The id of the call.
        pub request_id: String,
    }

    /// Lists the zones of a region.
    #[action(service = Cvm, response = DescribeZonesResponse, crate = crate::sdk::runtime)]
    pub struct DescribeZones {}
}

fn main() {
    use tencentcloud_core::{Action, Service};
    assert_eq!(<cvm::DescribeZones as Action>::NAME, "DescribeZones");
    assert_eq!(
        <<cvm::DescribeZones as Action>::Service as Service>::NAME,
        "cvm"
    );
    let _ = (cvm::Cvm, cvm::DescribeZones {});
    let _ = cvm::DescribeZonesResponse {
        zone_set: Vec::new(),
        request_id: String::new(),
    };
}
