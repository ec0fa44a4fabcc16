//! Snapshots of whole expansions, formatted with prettyplease, so a reviewer can read exactly
//! what a declaration turns into. Refresh with `UPDATE_EXPECT=1 cargo test -p
//! tencentcloud-macros` and read the diff.

// expect-test writes its literals with more `#`s than they strictly need.
#![allow(clippy::needless_raw_string_hashes)]

use expect_test::expect;
use proc_macro2::TokenStream;
use quote::quote;

use crate::expand;

/// Formats generated tokens as a file; tokens that are not a file show as raw text, so the
/// snapshot then fails visibly instead of the test panicking.
fn pretty(tokens: &TokenStream) -> String {
    match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => prettyplease::unparse(&file),
        Err(error) => format!("not a file ({error}): {tokens}"),
    }
}

#[test]
fn service_expansion() {
    let out = expand::service(
        quote!(name = "ses", version = "2020-10-02"),
        quote! {
            /// Simple Email Service.
            pub struct Ses;
        },
    );
    expect![[r#"
        /// Simple Email Service.
        pub struct Ses;
        impl ::tencentcloud_core::__private::Service for Ses {
            const NAME: &'static ::core::primitive::str = "ses";
            const VERSION: &'static ::core::primitive::str = "2020-10-02";
        }
    "#]]
    .assert_eq(&pretty(&out));
}

#[test]
fn multipart_action_expansion() {
    let out = expand::action(
        quote!(
            service = Ses,
            response = UploadResponse,
            content = "multipart"
        ),
        quote! {
            /// Uploads one attachment.
            pub struct UploadAttachmentRequest {
                /// The file's name.
                pub file_name: String,
                /// The bytes, sent as a file part.
                #[tc(file)]
                #[serde(rename = "FileBody")]
                pub body: String,
                /// Optional labels.
                pub labels: Option<Vec<String>>,
                /// Written by the user, so left alone.
                #[serde(skip_serializing_if = "String::is_empty")]
                pub note: String,
            }
        },
    );
    expect![[r##"
        #[derive(
            ::tencentcloud_core::__private::serde::Serialize,
            ::tencentcloud_core::__private::serde::Deserialize,
            ::core::fmt::Debug,
            ::core::clone::Clone,
            ::core::cmp::PartialEq,
        )]
        #[serde(crate = "::tencentcloud_core::__private::serde", rename_all = "PascalCase")]
        /// Uploads one attachment.
        pub struct UploadAttachmentRequest {
            /// The file's name.
            pub file_name: String,
            /// The bytes, sent as a file part.
            #[serde(rename = "FileBody")]
            pub body: String,
            /// Optional labels.
            #[serde(default, skip_serializing_if = "::core::option::Option::is_none")]
            pub labels: Option<Vec<String>>,
            /// Written by the user, so left alone.
            #[serde(skip_serializing_if = "String::is_empty")]
            pub note: String,
        }
        impl ::tencentcloud_core::__private::Action for UploadAttachmentRequest {
            type Service = Ses;
            type Response = UploadResponse;
            const NAME: &'static ::core::primitive::str = "UploadAttachment";
            const METHOD: ::tencentcloud_core::__private::HttpMethod = ::tencentcloud_core::__private::HttpMethod::Post;
            const SIGNING: ::tencentcloud_core::__private::SigningScheme = ::tencentcloud_core::__private::SigningScheme::Tc3HmacSha256;
            const ENCODING: ::tencentcloud_core::__private::BodyEncoding = ::tencentcloud_core::__private::BodyEncoding::Multipart;
            const IDEMPOTENT: ::core::primitive::bool = false;
            const FILE_FIELDS: &'static [&'static ::core::primitive::str] = &["FileBody"];
        }
    "##]].assert_eq(&pretty(&out));
}

#[test]
fn model_expansion() {
    let out = expand::model(
        TokenStream::new(),
        quote! {
            /// One page of templates.
            pub struct ListTemplatesResponse {
                /// The templates; `null` or missing reads as empty.
                pub templates_metadata: Vec<String>,
                /// How many there are in all.
                pub total_count: u64,
                /// Present only for some callers.
                pub cursor: Option<String>,
                /// The id of this call.
                pub request_id: String,
            }
        },
    );
    expect![[r##"
        #[derive(
            ::tencentcloud_core::__private::serde::Serialize,
            ::tencentcloud_core::__private::serde::Deserialize,
            ::core::fmt::Debug,
            ::core::clone::Clone,
            ::core::cmp::PartialEq,
        )]
        #[serde(crate = "::tencentcloud_core::__private::serde", rename_all = "PascalCase")]
        /// One page of templates.
        pub struct ListTemplatesResponse {
            /// The templates; `null` or missing reads as empty.
            #[serde(
                default,
                deserialize_with = "::tencentcloud_core::__private::de::null_as_default"
            )]
            pub templates_metadata: Vec<String>,
            /// How many there are in all.
            pub total_count: u64,
            /// Present only for some callers.
            #[serde(default, skip_serializing_if = "::core::option::Option::is_none")]
            pub cursor: Option<String>,
            /// The id of this call.
            pub request_id: String,
        }
    "##]]
    .assert_eq(&pretty(&out));
}

#[test]
fn error_expansion_keeps_the_struct_and_reports_once() {
    // Without `service` there is no `Action` impl to write: the struct alone, then the error.
    let out = expand::action(
        quote!(servce = Ses, response = R),
        quote! {
            pub struct Thing {
                #[serde(rename = "X")]
                pub x: u8,
            }
        },
    );
    expect![[r#"
        pub struct Thing {
            pub x: u8,
        }
        ::core::compile_error! {
            "unknown `#[action]` option `servce`; did you mean `service`? the options are `service`, `response`, `name`, `method`, `signing`, `content`, `idempotent`, `builder` and `crate`"
        }
    "#]].assert_eq(&pretty(&out));
    // An unreadable option beside a readable `service` and `response`: the action as far as
    // the options hold, then the error.
    let out = expand::action(
        quote!(service = Ses, response = R, sigining = "HmacSHA1"),
        quote! {
            pub struct Thing {
                #[serde(rename = "X")]
                pub x: u8,
            }
        },
    );
    expect![[r##"
        #[derive(
            ::tencentcloud_core::__private::serde::Serialize,
            ::tencentcloud_core::__private::serde::Deserialize,
            ::core::fmt::Debug,
            ::core::clone::Clone,
            ::core::cmp::PartialEq,
        )]
        #[serde(crate = "::tencentcloud_core::__private::serde", rename_all = "PascalCase")]
        pub struct Thing {
            #[serde(rename = "X")]
            pub x: u8,
        }
        impl ::tencentcloud_core::__private::Action for Thing {
            type Service = Ses;
            type Response = R;
            const NAME: &'static ::core::primitive::str = "Thing";
            const METHOD: ::tencentcloud_core::__private::HttpMethod = ::tencentcloud_core::__private::HttpMethod::Post;
            const SIGNING: ::tencentcloud_core::__private::SigningScheme = ::tencentcloud_core::__private::SigningScheme::Tc3HmacSha256;
            const ENCODING: ::tencentcloud_core::__private::BodyEncoding = ::tencentcloud_core::__private::BodyEncoding::Json;
            const IDEMPOTENT: ::core::primitive::bool = false;
            const FILE_FIELDS: &'static [&'static ::core::primitive::str] = &[];
        }
        ::core::compile_error! {
            "unknown `#[action]` option `sigining`; did you mean `signing`? the options are `service`, `response`, `name`, `method`, `signing`, `content`, `idempotent`, `builder` and `crate`"
        }
    "##]].assert_eq(&pretty(&out));
}

#[test]
fn builder_expansion() {
    let out = expand::model(
        quote!(builder = true),
        quote! {
            /// A sender.
            pub struct Sender {
                /// The address.
                pub address: String,
                /// The limit.
                pub limit: u64,
                /// A display name.
                pub name: Option<String>,
            }
        },
    );
    expect![[r##"
        #[derive(
            ::tencentcloud_core::__private::serde::Serialize,
            ::tencentcloud_core::__private::serde::Deserialize,
            ::core::fmt::Debug,
            ::core::clone::Clone,
            ::core::cmp::PartialEq,
        )]
        #[serde(crate = "::tencentcloud_core::__private::serde", rename_all = "PascalCase")]
        /// A sender.
        pub struct Sender {
            /// The address.
            pub address: String,
            /// The limit.
            pub limit: u64,
            /// A display name.
            #[serde(default, skip_serializing_if = "::core::option::Option::is_none")]
            pub name: Option<String>,
        }
        impl Sender {
            /// Starts a [`SenderBuilder`]: set each field that is not an `Option` with the setter named after it, any optional ones, then call `build()`.
            #[inline]
            pub fn builder() -> SenderBuilder {
                SenderBuilder {
                    address: ::tencentcloud_core::builder::Missing::new(),
                    limit: ::tencentcloud_core::builder::Missing::new(),
                    __optional: (::core::option::Option::None,),
                }
            }
        }
        /// Builds a [`Sender`] one field at a time; start with [`Sender::builder`]. Each field that is not an `Option` must be set before `build()` compiles.
        #[must_use = "a builder does nothing until `build()` is called"]
        #[derive(::core::clone::Clone)]
        pub struct SenderBuilder<
            __State0 = ::tencentcloud_core::builder::Missing<sender_builder::address>,
            __State1 = ::tencentcloud_core::builder::Missing<sender_builder::limit>,
        > {
            address: __State0,
            limit: __State1,
            __optional: (Option<String>,),
        }
        impl<__State0: ::core::fmt::Debug, __State1: ::core::fmt::Debug> ::core::fmt::Debug
        for SenderBuilder<__State0, __State1> {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_struct("SenderBuilder")
                    .field("address", &self.address)
                    .field("limit", &self.limit)
                    .field("name", &self.__optional.0)
                    .finish()
            }
        }
        /// The markers naming `Sender`'s required fields while unset.
        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        pub mod sender_builder {
            /// Marks `Sender::address` as not set yet.
            pub enum address {}
            /// Marks `Sender::limit` as not set yet.
            pub enum limit {}
        }
        impl<__State0, __State1> SenderBuilder<__State0, __State1> {
            /// The address.
            #[inline]
            pub fn address(
                self,
                value: impl ::core::convert::Into<String>,
            ) -> SenderBuilder<String, __State1>
            where
                __State0: ::tencentcloud_core::builder::NotYetSet,
            {
                SenderBuilder {
                    address: ::core::convert::Into::into(value),
                    limit: self.limit,
                    __optional: self.__optional,
                }
            }
            /// The limit.
            #[inline]
            pub fn limit(self, value: u64) -> SenderBuilder<__State0, u64>
            where
                __State1: ::tencentcloud_core::builder::NotYetSet,
            {
                SenderBuilder {
                    address: self.address,
                    limit: value,
                    __optional: self.__optional,
                }
            }
            /// A display name.
            #[inline]
            pub fn name(mut self, value: impl ::core::convert::Into<String>) -> Self {
                self.__optional.0 = ::core::option::Option::Some(
                    ::core::convert::Into::into(value),
                );
                self
            }
            /// Sets `name` from an `Option`: `None` leaves it unset.
            #[inline]
            pub fn maybe_name(mut self, value: Option<String>) -> Self {
                self.__optional.0 = value;
                self
            }
            /// Finishes the struct; compiles only once every field that is not an `Option` is
            /// set.
            #[inline]
            pub fn build(self) -> Sender
            where
                __State0: ::tencentcloud_core::builder::Filled<String>,
                __State1: ::tencentcloud_core::builder::Filled<u64>,
            {
                let (name,) = self.__optional;
                Sender {
                    address: <__State0 as ::tencentcloud_core::builder::Filled<
                        String,
                    >>::into_value(self.address),
                    limit: <__State1 as ::tencentcloud_core::builder::Filled<
                        u64,
                    >>::into_value(self.limit),
                    name,
                }
            }
        }
    "##]].assert_eq(&pretty(&out));
}
