//! Attribute macros that declare Tencent Cloud API services, actions and models on plain
//! structs. Use them through `tencentcloud_core` (`tencentcloud_core::{action, model, service}`),
//! which the generated code refers to by absolute path.
//!
//! Each macro is a small pipeline, one module per stage: `args` reads the attribute's options,
//! `input` checks the item under it, `valid` applies the rules that tie options together, and
//! `expand` writes the code. Errors are collected, each on the tokens it is about, and the
//! user's item is emitted even when there are errors, so one mistake gives one message.

mod args;
mod builder;
mod expand;
mod input;
mod options;
mod valid;

#[cfg(test)]
mod snapshot;

use proc_macro::TokenStream;

/// Declares a Tencent Cloud product and API version on a unit struct, implementing
/// `tencentcloud_core::Service` for it.
///
/// - `name = "ses"`: the first label of the product's domain, lower-case ASCII letters and
///   digits starting with a letter; also the service of the TC3 credential scope.
/// - `version = "2020-10-02"`: the API version, `YYYY-MM-DD`.
/// - `crate = path`: where `tencentcloud_core` is, for crates that re-export it.
///
/// ```
/// #[tencentcloud_core::service(name = "ses", version = "2020-10-02")]
/// pub struct Ses;
///
/// use tencentcloud_core::Service as _;
/// assert_eq!((Ses::NAME, Ses::VERSION), ("ses", "2020-10-02"));
/// ```
#[proc_macro_attribute]
pub fn service(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::service(args.into(), item.into()).into()
}

/// Declares an API action on a struct with named fields: the fields are the request
/// parameters (PascalCase on the wire), and `tencentcloud_core::Action` is implemented.
///
/// - `service = Ses` and `response = SendEmailResponse` (required): the `#[service]` type and
///   the type the response decodes into.
/// - `name = "SendEmail"`: default, the struct name without a trailing `Request`.
/// - `method = "POST" | "GET"`: default `POST`.
/// - `signing = "TC3-HMAC-SHA256" | "HmacSHA256" | "HmacSHA1"`: default `TC3-HMAC-SHA256`.
/// - `content = "json" | "form" | "multipart" | "octet-stream"`: default query string for
///   GET, JSON for POST with TC3, form for POST with HmacSHA*. JSON, multipart and raw bytes
///   need TC3 and POST; a form body needs HmacSHA* on a POST, while on a GET `form` means
///   the query string, whatever the signature.
/// - `idempotent = true | false`: default true for names starting with `Describe`, `Get`,
///   `List`, `Query` or `Inquire`.
/// - `builder = true`: also generate `Struct::builder()`, a builder whose `build()` compiles
///   only once every field that is not an `Option` is set (see `tencentcloud_core::builder`).
/// - `crate = path`: where `tencentcloud_core` is, for crates that re-export it.
///
/// The struct gets `Serialize`, `Deserialize`, `Debug`, `Clone` and `PartialEq`. `Option`
/// fields are left out when `None` (the macro sees `Option` by name, not through an alias).
/// Fields are owned: a borrowed type such as `&str` is a compile error. In a multipart action, `#[tc(file)]` on a field marks it as
/// a file part; in an octet-stream action, exactly one field carries `#[tc(file)]` and its
/// bytes are the body (base64 in the struct either way; the wire names go into
/// `Action::FILE_FIELDS`), while every other field is sent in an `X-<SERVICE>-<Field>` header.
///
/// ```
/// # #[tencentcloud_core::service(name = "ses", version = "2020-10-02")]
/// # pub struct Ses;
/// # #[tencentcloud_core::model]
/// # pub struct SendEmailResponse {
/// #     pub message_id: String,
/// # }
/// #[tencentcloud_core::action(service = Ses, response = SendEmailResponse)]
/// pub struct SendEmail {
///     pub from_email_address: String,
///     pub destination: Vec<String>,
///     pub subject: String,
/// }
///
/// use tencentcloud_core::Action as _;
/// assert_eq!(SendEmail::NAME, "SendEmail");
/// ```
#[proc_macro_attribute]
pub fn action(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::action(args.into(), item.into()).into()
}

/// Declares a data type or a response on a struct with named fields: `Serialize`,
/// `Deserialize` (PascalCase on the wire), `Debug`, `Clone` and `PartialEq`.
///
/// Fields the server may omit or send as `null` still decode: an `Option` field reads them as
/// `None`, a `Vec` field as empty. Any other field is required, so a response that lacks it is
/// reported rather than silently filled in: declare a field `Option` unless the API promises
/// it, or give it serde's own `#[serde(default)]` where a default is the right reading. The
/// options are `builder = true` (a typed builder, as for `#[action]`) and `crate = path`.
///
/// ```
/// #[tencentcloud_core::model]
/// pub struct SendEmailResponse {
///     pub message_id: String,
///     pub request_id: String,
/// }
///
/// let answer = r#"{"MessageId": "m-1", "RequestId": "r-1"}"#;
/// let decoded: SendEmailResponse = serde_json::from_str(answer).unwrap();
/// assert_eq!(decoded.message_id, "m-1");
/// ```
#[proc_macro_attribute]
pub fn model(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::model(args.into(), item.into()).into()
}
