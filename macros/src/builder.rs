//! `builder = true`: a typed builder beside the struct, checked at compile time.
//!
//! For `struct SendEmailRequest { from_email_address: String, subject: String, cc:
//! Option<Vec<String>> }` the expansion adds:
//! - `SendEmailRequest::builder()`, returning a `SendEmailRequestBuilder`;
//! - the builder, with one type parameter per required field (each field that is not an
//!   `Option`). A parameter starts as `Missing<send_email_request_builder::subject>` (the marker
//!   names the field) and becomes the field's type once its setter ran, so a required setter
//!   cannot be called twice (`NotYetSet`) and `build()` does not compile until each one was
//!   (`Filled`);
//! - a setter per field, named after it, documented with the field's docs and as visible as
//!   the field: a required one takes the value, an optional one takes the value inside the
//!   `Option`, and `maybe_<field>` takes the `Option` itself. A `String` is taken as
//!   `impl Into<String>`;
//! - `build()`, which moves the values into the struct.

use proc_macro2::{Ident, TokenStream, TokenTree};
use quote::{ToTokens, format_ident, quote};
use syn::ext::IdentExt;
use syn::{Attribute, GenericArgument, ItemStruct, Path, PathArguments, Type, Visibility};

use crate::input::{FieldInfo, Input, Shape};

/// One field as the builder sees it.
struct Field<'a> {
    /// The field's name, also its setter's.
    ident: &'a Ident,
    /// The declared type.
    ty: &'a Type,
    /// The `Option`'s inner type for an optional field; `None` for a required one.
    inner: Option<&'a Type>,
    /// The field's doc comments, repeated on its setter.
    docs: Vec<&'a Attribute>,
    /// The field's visibility, also its setters': a private field gets private setters.
    vis: &'a Visibility,
}

/// Checks what a builder cannot be generated for: generic structs (each setter would need
/// the struct's bounds threaded through), field types that say `Self` (in the builder it would
/// name the builder) and a field named `build` or `__optional`, which would clash with the
/// builder's own `build()` and its storage.
pub(crate) fn check(found: &Input) -> darling::Result<()> {
    let mut errors = darling::Error::accumulator();
    if !found.item.generics.params.is_empty() {
        errors.push(
            darling::Error::custom(
                "`builder = true` is not supported on a generic struct; remove it and build the \
                 struct with a struct literal",
            )
            .with_span(&found.item.generics),
        );
    }
    // Optional fields get a second setter, `maybe_<field>`, which another field's own setter
    // must not take.
    let setters: Vec<String> = found
        .item
        .fields
        .iter()
        .filter_map(|field| field.ident.as_ref().map(|ident| ident.unraw().to_string()))
        .collect();
    for (field, info) in found.item.fields.iter().zip(&found.fields) {
        let Some(ident) = &field.ident else { continue };
        let maybe = format!("maybe_{}", ident.unraw());
        if info.shape == Shape::Option && setters.contains(&maybe) {
            errors.push(
                darling::Error::custom(format!(
                    "the optional field `{}` gets a setter `{maybe}`, which clashes with the \
                     field of that name; rename one of them",
                    ident.unraw()
                ))
                .with_span(ident),
            );
        }
    }
    for field in &found.item.fields {
        if names_self(field.ty.to_token_stream()) {
            errors.push(
                darling::Error::custom(format!(
                    "with `builder = true` a field's type cannot say `Self`, which would mean the \
                     builder there; write `{}` instead",
                    found.item.ident
                ))
                .with_span(&field.ty),
            );
        }
        let Some(ident) = &field.ident else { continue };
        let clash = if ident == "build" {
            "a field named `build` clashes with the builder's `build()`; rename the field and \
             keep its wire name with `#[serde(rename = \"Build\")]`"
        } else if ident == "__optional" {
            "a field named `__optional` clashes with the builder's own storage; rename the field"
        } else {
            continue;
        };
        errors.push(darling::Error::custom(clash).with_span(ident));
    }
    errors.finish()
}

/// The builder, its marker types and the `builder()` constructor for `strukt` (as written,
/// before the derives are added; [`check`] has passed).
pub(crate) fn expand(krate: &Path, strukt: &ItemStruct, infos: &[FieldInfo]) -> TokenStream {
    let fields: Vec<Field<'_>> = strukt
        .fields
        .iter()
        .zip(infos)
        .filter_map(|(field, info)| {
            Some(Field {
                ident: field.ident.as_ref()?,
                ty: &field.ty,
                inner: match info.shape {
                    Shape::Option => option_inner(&field.ty),
                    Shape::Vec | Shape::Other => None,
                },
                docs: field
                    .attrs
                    .iter()
                    .filter(|attr| attr.path().is_ident("doc"))
                    .collect(),
                vis: &field.vis,
            })
        })
        .collect();
    let target = &strukt.ident;
    let vis = &strukt.vis;
    let builder = format_ident!("{target}Builder");
    let markers = format_ident!("{}_builder", snake_case(&target.unraw().to_string()));
    let missing = quote!(#krate::builder::Missing);
    let filled = quote!(#krate::builder::Filled);

    // The required fields, each with its type parameter.
    let required: Vec<(&Field<'_>, Ident)> = fields
        .iter()
        .filter(|field| field.inner.is_none())
        .enumerate()
        .map(|(index, field)| (field, format_ident!("__State{index}")))
        .collect();
    let params: Vec<&Ident> = required.iter().map(|(_, param)| param).collect();
    let state_of = |field: &Field<'_>| {
        required
            .iter()
            .find(|(candidate, _)| candidate.ident == field.ident)
            .map(|(_, param)| param)
    };

    // The optional fields live in one tuple whose type is the same in every state, so moving
    // them to the next state is one move and dropping them one shared function: this code is
    // compiled in each crate that uses the builder.
    let optional: Vec<&Field<'_>> = fields
        .iter()
        .filter(|field| field.inner.is_some())
        .collect();
    let slot_of = |field: &Field<'_>| {
        optional
            .iter()
            .position(|candidate| candidate.ident == field.ident)
            .map(syn::Index::from)
    };
    let optional_types = optional.iter().map(|field| field.ty);
    let required_storage = required.iter().map(|(field, param)| {
        let ident = field.ident;
        quote!(#ident: #param)
    });
    let debug_fields = fields.iter().map(|field| {
        let ident = field.ident;
        let name = ident.unraw().to_string();
        if let Some(slot) = slot_of(field) {
            quote!(.field(#name, &self.__optional.#slot))
        } else {
            quote!(.field(#name, &self.#ident))
        }
    });
    let builder_name = builder.to_string();
    let defaults = required.iter().map(|(field, param)| {
        let marker = field.ident;
        quote!(#param = #missing<#markers::#marker>)
    });
    let starts = required.iter().map(|(field, _)| {
        let ident = field.ident;
        quote!(#ident: #missing::new())
    });
    let nones = optional
        .iter()
        .map(|_| quote!(::core::option::Option::None));
    let marker_types = required.iter().map(|(field, _)| {
        let ident = field.ident;
        let doc = format!(" Marks `{target}::{}` as not set yet.", ident.unraw());
        quote!(#[doc = #doc] pub enum #ident {})
    });

    let not_yet_set = quote!(#krate::builder::NotYetSet);
    let required_setters = required.iter().map(|(field, param)| {
        let ident = field.ident;
        let setter_vis = field.vis;
        let docs = &field.docs;
        let ty = field.ty;
        let (argument, value) = taken_as(ty);
        let after = params.iter().map(|each| {
            if *each == param {
                quote!(#ty)
            } else {
                quote!(#each)
            }
        });
        let moved = required.iter().map(|(other, _)| {
            let name = other.ident;
            if name == ident {
                quote!(#name: #value)
            } else {
                quote!(#name: self.#name)
            }
        });
        // Offered in every state and refused by a bound, rather than offered only while
        // unset: a second call then reads "already set" instead of "no method".
        quote! {
            #(#docs)*
            #[inline]
            #setter_vis fn #ident(self, value: #argument) -> #builder<#(#after),*>
            where
                #param: #not_yet_set,
            {
                #builder { #(#moved,)* __optional: self.__optional }
            }
        }
    });

    let optional_setters = fields.iter().filter_map(|field| {
        let inner = field.inner?;
        let ident = field.ident;
        let docs = &field.docs;
        let ty = field.ty;
        let maybe = format_ident!("maybe_{}", ident.unraw());
        let setter_vis = field.vis;
        let slot = slot_of(field)?;
        let (argument, value) = taken_as(inner);
        let maybe_doc = format!(
            " Sets `{}` from an `Option`: `None` leaves it unset.",
            ident.unraw()
        );
        Some(quote! {
            #(#docs)*
            #[inline]
            #setter_vis fn #ident(mut self, value: #argument) -> Self {
                self.__optional.#slot = ::core::option::Option::Some(#value);
                self
            }
            #[doc = #maybe_doc]
            #[inline]
            #setter_vis fn #maybe(mut self, value: #ty) -> Self {
                self.__optional.#slot = value;
                self
            }
        })
    });

    let bounds = required.iter().map(|(field, param)| {
        let ty = field.ty;
        quote!(#param: #filled<#ty>)
    });
    let finished = fields.iter().map(|field| {
        let ident = field.ident;
        let ty = field.ty;
        if let Some(param) = state_of(field) {
            quote!(#ident: <#param as #filled<#ty>>::into_value(self.#ident))
        } else {
            quote!(#ident)
        }
    });
    let optional_names = optional.iter().map(|field| field.ident);

    let builder_doc = format!(
        " Builds a [`{target}`] one field at a time; start with [`{target}::builder`]. Each \
         field that is not an `Option` must be set before `build()` compiles."
    );
    let start_doc = format!(
        " Starts a [`{builder}`]: set each field that is not an `Option` with the setter named \
         after it, any optional ones, then call `build()`."
    );
    let markers_doc = format!(" The markers naming `{target}`'s required fields while unset.");
    quote! {
        impl #target {
            #[doc = #start_doc]
            #[inline]
            #vis fn builder() -> #builder {
                #builder { #(#starts,)* __optional: (#(#nones,)*) }
            }
        }

        #[doc = #builder_doc]
        #[must_use = "a builder does nothing until `build()` is called"]
        #[derive(::core::clone::Clone)]
        #vis struct #builder<#(#defaults),*> {
            #(#required_storage,)*
            __optional: (#(#optional_types,)*),
        }

        impl<#(#params: ::core::fmt::Debug),*> ::core::fmt::Debug for #builder<#(#params),*> {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_struct(#builder_name)#(#debug_fields)*.finish()
            }
        }

        #[doc = #markers_doc]
        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        #vis mod #markers {
            #(#marker_types)*
        }

        impl<#(#params),*> #builder<#(#params),*> {
            #(#required_setters)*

            #(#optional_setters)*

            /// Finishes the struct; compiles only once every field that is not an `Option` is
            /// set.
            #[inline]
            #vis fn build(self) -> #target
            where
                #(#bounds),*
            {
                let (#(#optional_names,)*) = self.__optional;
                #target { #(#finished),* }
            }
        }
    }
}

/// Whether `tokens` use the `Self` type anywhere, groups included.
fn names_self(tokens: TokenStream) -> bool {
    tokens.into_iter().any(|token| match token {
        TokenTree::Ident(ident) => ident == "Self",
        TokenTree::Group(group) => names_self(group.stream()),
        TokenTree::Punct(_) | TokenTree::Literal(_) => false,
    })
}

/// How a setter takes a value of type `ty`, and the expression that turns the argument
/// `value` into it: a `String` as `impl Into<String>`, anything else as itself.
fn taken_as(ty: &Type) -> (TokenStream, TokenStream) {
    if last_segment_is(ty, "String") {
        (
            quote!(impl ::core::convert::Into<#ty>),
            quote!(::core::convert::Into::into(value)),
        )
    } else {
        (quote!(#ty), quote!(value))
    }
}

/// Whether `ty` is a path whose last segment is `name` with no generic arguments.
fn last_segment_is(ty: &Type, name: &str) -> bool {
    match ty {
        Type::Path(path) if path.qself.is_none() => path
            .path
            .segments
            .last()
            .is_some_and(|last| last.ident == name && last.arguments.is_none()),
        _ => false,
    }
}

/// The `T` of an `Option<T>` (recognised by its last path segment, as the shape is).
fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    let PathArguments::AngleBracketed(arguments) = &last.arguments else {
        return None;
    };
    match arguments.args.first()? {
        GenericArgument::Type(inner) => Some(inner),
        _ => None,
    }
}

/// `SendEmailRequest` → `send_email_request`; a run of capitals is one word (`DKIMOption` →
/// `dkim_option`).
fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (index, &ch) in chars.iter().enumerate() {
        if ch.is_ascii_uppercase() && index > 0 {
            let previous = chars[index - 1];
            let next_is_lower = chars.get(index + 1).is_some_and(char::is_ascii_lowercase);
            if previous.is_ascii_lowercase()
                || previous.is_ascii_digit()
                || (previous.is_ascii_uppercase() && next_is_lower)
            {
                out.push('_');
            }
        }
        out.push(ch.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::snake_case;

    #[test]
    fn snake_case_splits_words_and_acronyms() {
        assert_eq!(snake_case("SendEmailRequest"), "send_email_request");
        assert_eq!(snake_case("DKIMOption"), "dkim_option");
        assert_eq!(snake_case("GetDKIMRequest"), "get_dkim_request");
        assert_eq!(snake_case("V2Request"), "v2_request");
        assert_eq!(snake_case("Plain"), "plain");
    }
}
