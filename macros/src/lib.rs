//! Attribute macros for declaring Tencent Cloud API services, actions and models (stub).

use proc_macro::TokenStream;

/// Declares a service (stub).
#[proc_macro_attribute]
pub fn service(_args: TokenStream, item: TokenStream) -> TokenStream {
    item
}
/// Declares an action (stub).
#[proc_macro_attribute]
pub fn action(_args: TokenStream, item: TokenStream) -> TokenStream {
    item
}
/// Declares a model (stub).
#[proc_macro_attribute]
pub fn model(_args: TokenStream, item: TokenStream) -> TokenStream {
    item
}
