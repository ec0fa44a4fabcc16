//! Declarations in a module without the implicit prelude: the generated code names everything
//! by absolute path and adds no `use`, so it does not depend on what is in scope.
#![deny(warnings, missing_docs, unused_qualifications)]

/// The declarations, with nothing in scope but what they import.
pub mod bare {
    #![no_implicit_prelude]

    use ::tencentcloud_core::{action, model, service};

    /// A service.
    #[service(name = "ses", version = "2020-10-02")]
    pub struct Ses;

    /// A response with an optional and a list field.
    #[model]
    pub struct Reply {
        /// Maybe a note.
        pub note: ::std::option::Option<::std::string::String>,
        /// The items.
        pub items: ::std::vec::Vec<u32>,
    }

    /// An action.
    #[action(service = Ses, response = Reply, method = "GET")]
    pub struct DescribeThings {
        /// Maybe a filter.
        pub filter: ::std::option::Option<::std::string::String>,
    }
}

fn main() {
    use tencentcloud_core::Action;
    assert_eq!(<bare::DescribeThings as Action>::NAME, "DescribeThings");
    let reply = bare::Reply { note: None, items: Vec::new() };
    assert_eq!(reply.clone(), reply);
    let _ = (bare::Ses, bare::DescribeThings { filter: None });
}
