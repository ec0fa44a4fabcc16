//! Code generation: parse the arguments, check the item, resolve the rules, then write the
//! struct with its derives and the trait impl. Everything works on `proc_macro2` tokens so it
//! runs (and is tested) outside the compiler too. Generated code names everything by an
//! absolute path through `<crate>::__private` and contains no `use`.
//!
//! On any error the user's item is emitted as written (without the helper attributes nothing
//! would read) next to the `compile_error!`s, so one mistake gives one message and no
//! "cannot find type" cascade.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Item, ItemStruct, Path};

use crate::args::{self, ActionArgs, Method, ModelArgs, ServiceArgs, Signing};
use crate::builder;
use crate::input::{self, FieldInfo, Input, Shape};
use crate::valid::{self, ActionSpec, Encoding};

/// `#[service(...)]`: the unit struct and its `Service` impl.
pub(crate) fn service(args: TokenStream, item: TokenStream) -> TokenStream {
    let item = match syn::parse2::<Item>(item.clone()) {
        Ok(parsed) => parsed,
        Err(error) => return unparsed(item, &error),
    };
    let mut errors = darling::Error::accumulator();
    let args = errors.handle(args::parse::<ServiceArgs>(args));
    if let Some(args) = &args {
        errors.handle(valid::service(args));
    }
    let found = errors.handle(input::service(&item));
    match (errors.finish(), args, found) {
        (Ok(()), Some(args), Some(found)) => service_impl(&args, &found),
        (result, _, _) => fallback(item, result.err()),
    }
}

/// `#[action(...)]`: the struct with serde derives and its `Action` impl.
pub(crate) fn action(args: TokenStream, item: TokenStream) -> TokenStream {
    let item = match syn::parse2::<Item>(item.clone()) {
        Ok(parsed) => parsed,
        Err(error) => return unparsed(item, &error),
    };
    let mut errors = darling::Error::accumulator();
    let (args, read) = args::parse_action(args);
    // Rules are checked only on options that were all read: an unreadable one stands at its
    // default, and a rule broken by that default would be a second error for one mistake.
    let args_complete = read.is_ok();
    errors.handle(read);
    let found = errors
        .handle(input::named_struct(&item, "action", true))
        .and_then(|found| {
            errors
                .handle(input::check_no_generics(&found))
                .map(|()| found)
        });
    let spec = match (&args, &found) {
        (Some(args), Some(found)) if args_complete => errors.handle(valid::action(args, found)),
        _ => None,
    };
    let builder_ok = match (&args, &found) {
        (Some(ActionArgs { builder: true, .. }), Some(found)) => {
            errors.handle(builder::check(found)).is_some()
        }
        _ => true,
    };
    match (errors.finish(), args, found, spec) {
        (Ok(()), Some(args), Some(found), Some(spec)) => action_impl(&args, found, &spec),
        // Only the options are wrong (unreadable, or breaking a rule): the struct is still
        // emitted with its derives and an `Action` impl built from the options as far as they
        // hold, next to the errors, so the code that uses the action reports nothing more
        // (serde's "cannot find attribute", "not an action"). thiserror answers a broken
        // `#[error]` the same way. Without `service` or `response` there is no impl to write.
        (Err(error), Some(args), Some(found), None) if builder_ok => {
            let spec = valid::stand_in(&args, &found);
            let mut out = action_impl(&args, found, &spec);
            out.extend(error.write_errors());
            out
        }
        (result, ..) => fallback(item, result.err()),
    }
}

/// `#[model]`: the struct with serde derives, `Debug`, `Clone` and `PartialEq`.
pub(crate) fn model(args: TokenStream, item: TokenStream) -> TokenStream {
    let item = match syn::parse2::<Item>(item.clone()) {
        Ok(parsed) => parsed,
        Err(error) => return unparsed(item, &error),
    };
    let mut errors = darling::Error::accumulator();
    let args = errors.handle(args::parse::<ModelArgs>(args));
    let found = errors.handle(input::named_struct(&item, "model", false));
    if let (Some(ModelArgs { builder: true, .. }), Some(found)) = (&args, &found) {
        errors.handle(builder::check(found));
    }
    match (errors.finish(), args, found) {
        (Ok(()), Some(args), Some(found)) => {
            let krate = crate_path(args.krate.as_ref());
            let builder = args
                .builder
                .then(|| builder::expand(&krate, &found.item, &found.fields));
            let strukt = data_struct(&krate, found, true);
            quote!(#strukt #builder)
        }
        (result, ..) => fallback(item, result.err()),
    }
}

/// The `Service` impl after the unchanged marker struct.
fn service_impl(args: &ServiceArgs, found: &ItemStruct) -> TokenStream {
    let krate = crate_path(args.krate.as_ref());
    let ident = &found.ident;
    let (impl_generics, ty_generics, where_clause) = found.generics.split_for_impl();
    let name = args.name.as_str();
    let version = args.version.as_str();
    quote! {
        #found
        impl #impl_generics #krate::__private::Service for #ident #ty_generics #where_clause {
            const NAME: &'static ::core::primitive::str = #name;
            const VERSION: &'static ::core::primitive::str = #version;
        }
    }
}

/// The struct with its derives, then the `Action` impl with every constant spelled out.
fn action_impl(args: &ActionArgs, found: Input, spec: &ActionSpec) -> TokenStream {
    let krate = crate_path(args.krate.as_ref());
    let builder = args
        .builder
        .then(|| builder::expand(&krate, &found.item, &found.fields));
    let strukt = data_struct(&krate, found, false);
    let ident = &strukt.ident;
    let (impl_generics, ty_generics, where_clause) = strukt.generics.split_for_impl();
    let (service, response) = (&args.service, &args.response);
    let name = &spec.name;
    let method = match spec.method {
        Method::Post => quote!(Post),
        Method::Get => quote!(Get),
    };
    let signing = match spec.signing {
        Signing::Tc3 => quote!(Tc3HmacSha256),
        Signing::HmacSha256 => quote!(HmacSha256),
        Signing::HmacSha1 => quote!(HmacSha1),
    };
    let encoding = match spec.encoding {
        Encoding::Json => quote!(Json),
        Encoding::Form => quote!(Form),
        Encoding::Multipart => quote!(Multipart),
        Encoding::OctetStream => quote!(OctetStream),
        Encoding::Query => quote!(Query),
    };
    let idempotent = spec.idempotent;
    let files = &spec.file_fields;
    let private = quote!(#krate::__private);
    quote! {
        #strukt
        impl #impl_generics #private::Action for #ident #ty_generics #where_clause {
            type Service = #service;
            type Response = #response;
            const NAME: &'static ::core::primitive::str = #name;
            const METHOD: #private::HttpMethod = #private::HttpMethod::#method;
            const SIGNING: #private::SigningScheme = #private::SigningScheme::#signing;
            const ENCODING: #private::BodyEncoding = #private::BodyEncoding::#encoding;
            // Primitive types by their full path: a user type named `str` or `bool` in scope
            // does not change what these mean.
            const IDEMPOTENT: ::core::primitive::bool = #idempotent;
            const FILE_FIELDS: &'static [&'static ::core::primitive::str] = &[#(#files),*];
        }
        #builder
    }
}

/// Adds the derives and serde's container options to the struct, and the per-field serde
/// defaults (`is_model` turns on null-as-empty for `Vec` fields).
fn data_struct(krate: &Path, found: Input, is_model: bool) -> ItemStruct {
    let Input {
        item: mut strukt,
        fields,
    } = found;
    let serde_crate = format!("{}::__private::serde", path_string(krate));
    let null_as_default = format!("{}::__private::de::null_as_default", path_string(krate));
    let is_generic = strukt.generics.type_params().next().is_some();
    for (field, info) in strukt.fields.iter_mut().zip(&fields) {
        // serde infers no bound for a field read with `deserialize_with`, so a generic model
        // states the one the field needs.
        let bound = is_generic.then(|| {
            let ty = &field.ty;
            format!("{}: {serde_crate}::Deserialize<'de>", quote!(#ty))
        });
        if let Some(extra) = field_defaults(info, is_model, &null_as_default, bound) {
            field.attrs.push(extra);
        }
    }
    let serde = quote!(#krate::__private::serde);
    let mut attrs = vec![
        syn::parse_quote! {
            #[derive(
                #serde::Serialize,
                #serde::Deserialize,
                ::core::fmt::Debug,
                ::core::clone::Clone,
                ::core::cmp::PartialEq,
            )]
        },
        syn::parse_quote!(#[serde(crate = #serde_crate, rename_all = "PascalCase")]),
    ];
    // The derives come before the user's attributes: a `#[serde]` helper written above the
    // derive that introduces it is a future-incompatibility warning.
    attrs.append(&mut strukt.attrs);
    strukt.attrs = attrs;
    strukt
}

/// The serde options a field gets unless the user already decided: an `Option` is left out
/// when `None` and reads as `None` when missing; a model's `Vec` reads `null` or a missing
/// field as empty (`bound`, for generic structs, is the where-clause that read needs).
/// `flatten`ed fields are left alone: serde gives them their own rules.
fn field_defaults(
    info: &FieldInfo,
    is_model: bool,
    null_as_default: &str,
    bound: Option<String>,
) -> Option<syn::Attribute> {
    let wrote = |keys: &[&str]| {
        info.serde_keys
            .iter()
            .any(|key| keys.contains(&key.as_str()))
    };
    if wrote(&["flatten"]) {
        return None;
    }
    match info.shape {
        Shape::Option => {
            let default = (!wrote(&["default"])).then(|| quote!(default));
            let skip = (!wrote(&["skip_serializing_if", "skip", "skip_serializing"]))
                .then(|| quote!(skip_serializing_if = "::core::option::Option::is_none"));
            let options: Vec<TokenStream> = default.into_iter().chain(skip).collect();
            (!options.is_empty()).then(|| syn::parse_quote!(#[serde(#(#options),*)]))
        }
        Shape::Vec
            if is_model
                && !wrote(&[
                    "deserialize_with",
                    "with",
                    "default",
                    "skip",
                    "skip_deserializing",
                ]) =>
        {
            let bound = bound.map(|bound| quote!(, bound(deserialize = #bound)));
            Some(syn::parse_quote!(
                #[serde(default, deserialize_with = #null_as_default #bound)]
            ))
        }
        Shape::Vec | Shape::Other => None,
    }
}

/// The user's item (minus helper attributes) and the errors, or the item alone if, against
/// expectations, there were none to report.
fn fallback(item: Item, error: Option<darling::Error>) -> TokenStream {
    let item = input::without_helpers(item);
    let errors = error.map(darling::Error::write_errors);
    quote!(#item #errors)
}

/// Tokens syn could not read as an item: returned as they are, next to the parse error.
fn unparsed(mut item: TokenStream, error: &syn::Error) -> TokenStream {
    item.extend(error.to_compile_error());
    item
}

/// The path to `tencentcloud_core`: the user's `crate = ...` or the absolute default.
fn crate_path(given: Option<&Path>) -> Path {
    given
        .cloned()
        .unwrap_or_else(|| syn::parse_quote!(::tencentcloud_core))
}

/// A path as text for serde's string options, e.g. `::tencentcloud_core`. `crate = ...` has
/// no generic arguments (checked when it is read), so the idents are the whole path.
fn path_string(path: &Path) -> String {
    let segments: Vec<String> = path
        .segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect();
    let joined = segments.join("::");
    if path.leading_colon.is_some() {
        format!("::{joined}")
    } else {
        joined
    }
}
