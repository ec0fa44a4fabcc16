//! The item under the attribute: checks its shape (a unit struct for `#[service]`, a struct
//! with named fields for `#[action]` and `#[model]`) and reads what the expansion needs from
//! each field: its wire name, whether it is an `Option` or a `Vec`, which serde keys the user
//! already wrote, and the `#[tc(file)]` marker.

use darling::Error;
use darling::error::Accumulator;
use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Attribute, Fields, Item, ItemStruct, Type};

use crate::options::{closest, error_at};

/// The field attribute that marks multipart file parts: `#[tc(file)]`.
const TC: &str = "tc";
/// The keys `#[tc(...)]` takes.
const TC_KEYS: &[&str] = &["file"];
/// The attribute serde reads, on the struct and on fields.
const SERDE: &str = "serde";

/// A struct with named fields, ready to be expanded.
pub(crate) struct Input {
    /// The struct as written, minus the `#[tc]` field attributes.
    pub(crate) item: ItemStruct,
    /// One entry per field, in declaration order.
    pub(crate) fields: Vec<FieldInfo>,
}

/// What the expansion needs to know about one field.
pub(crate) struct FieldInfo {
    /// The name serde puts on the wire: the `rename` the user wrote, or the PascalCase ident.
    pub(crate) wire_name: String,
    /// Where `#[tc(file)]` was written, if it was.
    pub(crate) file: Option<Span>,
    /// Whether the type is an `Option<..>` or a `Vec<..>` (by the last path segment).
    pub(crate) shape: Shape,
    /// The keys of the field's `#[serde(...)]` attributes, e.g. `rename`, `default`.
    pub(crate) serde_keys: Vec<String>,
    /// The field's name, where errors about the field point.
    pub(crate) span: Span,
}

impl FieldInfo {
    /// Whether the field goes on the wire under its own name: not skipped, not flattened into
    /// its parent.
    pub(crate) fn is_named_on_the_wire(&self) -> bool {
        !self
            .serde_keys
            .iter()
            .any(|key| matches!(key.as_str(), "skip" | "skip_serializing" | "flatten"))
    }
}

/// The field types the expansion treats specially.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// `Option<T>`: omitted when `None`, missing reads as `None`.
    Option,
    /// `Vec<T>`: in a model, missing or `null` reads as empty.
    Vec,
    /// Anything else.
    Other,
}

/// Checks that `#[service]` sits on a unit struct and returns it.
pub(crate) fn service(item: &Item) -> darling::Result<ItemStruct> {
    let problem = match item {
        Item::Struct(found) if matches!(found.fields, Fields::Unit) => return Ok(found.clone()),
        Item::Struct(found) => Error::custom(
            "`#[service]` goes on a unit struct, which is only a marker: write `pub struct Ses;`",
        )
        .with_span(&found.fields),
        other => not_a_struct(other, "service", "a unit struct"),
    };
    Err(problem)
}

/// Checks that `#[action]` or `#[model]` (named by `attr`) sits on a struct with named fields,
/// and reads its fields. `files_allowed` is false for `#[model]`, where `#[tc(file)]` has no
/// meaning.
pub(crate) fn named_struct(item: &Item, attr: &str, files_allowed: bool) -> darling::Result<Input> {
    let mut found = match item {
        Item::Struct(found) => found.clone(),
        other => return Err(not_a_struct(other, attr, "a struct with named fields")),
    };
    match &found.fields {
        Fields::Named(_) => {}
        Fields::Unnamed(fields) => {
            return Err(Error::custom(format!(
                "`#[{attr}]` needs named fields, because the field names become the names on \
                 the wire; write `struct {} {{ ... }}`",
                found.ident
            ))
            .with_span(fields));
        }
        Fields::Unit => {
            return Err(Error::custom(format!(
                "`#[{attr}]` needs braces, so the struct is a JSON object on the wire; write \
                 `struct {} {{}}`",
                found.ident
            ))
            .with_span(&found.ident));
        }
    }
    let mut errors = Error::accumulator();
    check_container_serde(&found.attrs, attr, &mut errors);
    for misplaced in found.attrs.iter().filter(|found| found.path().is_ident(TC)) {
        errors.push(
            Error::custom("`#[tc(...)]` goes on a field of the struct, not on the struct itself")
                .with_span(misplaced.path()),
        );
    }
    found.attrs.retain(|found| !found.path().is_ident(TC));
    let mut fields = Vec::new();
    for field in &mut found.fields {
        let file = read_tc(&field.attrs, &mut errors);
        if let (Some(span), false) = (file, files_allowed) {
            errors.push(error_at(
                span,
                format!(
                    "`#[tc(file)]` marks a file part of a multipart `#[action]`; remove it from \
                     this `#[{attr}]`"
                ),
            ));
        }
        field.attrs.retain(|attr| !attr.path().is_ident(TC));
        let (serde_keys, rename) = read_serde(&field.attrs);
        let wire_name = match (rename, &field.ident) {
            (Some(rename), _) => rename,
            (None, Some(ident)) => pascal_case(&ident.unraw().to_string()),
            (None, None) => String::new(),
        };
        fields.push(FieldInfo {
            wire_name,
            file,
            shape: shape_of(&field.ty),
            serde_keys,
            span: field
                .ident
                .as_ref()
                .map_or_else(|| field.span(), Spanned::span),
        });
    }
    check_wire_names(&fields, &mut errors);
    errors.finish_with(Input {
        item: found,
        fields,
    })
}

/// Two fields under one wire name would write the key twice and read only one of them back:
/// the later field is the error.
fn check_wire_names(fields: &[FieldInfo], errors: &mut Accumulator) {
    let mut seen: Vec<&str> = Vec::with_capacity(fields.len());
    for field in fields.iter().filter(|field| field.is_named_on_the_wire()) {
        if seen.contains(&field.wire_name.as_str()) {
            errors.push(error_at(
                field.span,
                format!(
                    "another field already goes on the wire as `{}`; give one of them another \
                     name with `#[serde(rename = \"...\")]`",
                    field.wire_name
                ),
            ));
        } else {
            seen.push(&field.wire_name);
        }
    }
}

/// `#[action]` structs are sent as owned, thread-safe data and read back the same way, which a
/// generic parameter or a borrowed field cannot promise; the compiler's own error would point
/// into the generated impl instead.
pub(crate) fn check_no_generics(input: &Input) -> darling::Result<()> {
    let generics = &input.item.generics;
    if !generics.params.is_empty() || generics.where_clause.is_some() {
        return Err(Error::custom(
            "`#[action]` cannot have generic parameters, lifetimes or a `where` clause: an action \
             is owned data sent as it is; give its fields concrete, owned types (`String`, not \
             `&str`)",
        )
        .with_span(generics));
    }
    let mut errors = Error::accumulator();
    for field in &input.item.fields {
        if let Some(borrowed) = first_reference(&field.ty) {
            errors.push(
                Error::custom(
                    "an `#[action]` field cannot borrow: an action is owned data sent as it is \
                     and read back the same way; use an owned type (`String`, not `&str`; \
                     `Vec<T>`, not `&[T]`)",
                )
                .with_span(borrowed),
            );
        }
    }
    errors.finish()
}

/// The first reference anywhere in a type (`&str`, `Option<&str>`, `Vec<&[u8]>`), which serde
/// could only read back as "not general enough", far from the field.
fn first_reference(ty: &Type) -> Option<&syn::TypeReference> {
    match ty {
        Type::Reference(reference) => Some(reference),
        Type::Array(array) => first_reference(&array.elem),
        Type::Slice(slice) => first_reference(&slice.elem),
        Type::Group(group) => first_reference(&group.elem),
        Type::Paren(paren) => first_reference(&paren.elem),
        Type::Tuple(tuple) => tuple.elems.iter().find_map(first_reference),
        Type::Path(path) => path
            .path
            .segments
            .iter()
            .filter_map(|segment| match &segment.arguments {
                syn::PathArguments::AngleBracketed(args) => Some(args),
                _ => None,
            })
            .flat_map(|args| &args.args)
            .find_map(|arg| match arg {
                syn::GenericArgument::Type(ty) => first_reference(ty),
                _ => None,
            }),
        _ => None,
    }
}

/// The error for an item that is not a struct at all, on its keyword where there is one.
fn not_a_struct(item: &Item, attr: &str, wanted: &str) -> Error {
    let message = |what: &str| format!("`#[{attr}]` goes on {wanted}, not on {what}");
    match item {
        Item::Enum(found) => Error::custom(message("an enum")).with_span(&found.enum_token),
        Item::Union(found) => Error::custom(message("a union")).with_span(&found.union_token),
        Item::Fn(found) => Error::custom(message("a function")).with_span(&found.sig.fn_token),
        other => Error::custom(message("this item")).with_span(other),
    }
}

/// The traits the macros derive, by their last path segment.
const DERIVED: [&str; 5] = ["Serialize", "Deserialize", "Debug", "Clone", "PartialEq"];

/// Rejects the serde container options and the derives the macro itself sets, so the user gets
/// one clear message instead of serde's "duplicate serde attribute" or rustc's conflicting
/// implementations.
fn check_container_serde(attrs: &[Attribute], attr: &str, errors: &mut Accumulator) {
    for found in attrs.iter().filter(|found| found.path().is_ident("derive")) {
        let Ok(paths) = found.parse_args_with(
            syn::punctuated::Punctuated::<syn::Path, syn::Token![,]>::parse_terminated,
        ) else {
            continue;
        };
        for path in &paths {
            let Some(last) = path.segments.last() else {
                continue;
            };
            if DERIVED.iter().any(|derived| last.ident == derived) {
                errors.push(
                    Error::custom(format!(
                        "`#[{attr}]` already derives `{}` (with `Serialize`, `Deserialize`, \
                         `Debug`, `Clone` and `PartialEq`); remove it from this `#[derive]`",
                        last.ident
                    ))
                    .with_span(path),
                );
            }
        }
    }
    for found in attrs.iter().filter(|found| found.path().is_ident(SERDE)) {
        let _ = found.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename_all") {
                errors.push(
                    Error::custom(format!(
                        "`#[{attr}]` already sets `rename_all = \"PascalCase\"`; remove this \
                         and rename single fields with `#[serde(rename = \"...\")]`"
                    ))
                    .with_span(&meta.path),
                );
            } else if meta.path.is_ident("crate") {
                errors.push(
                    Error::custom(format!(
                        "`#[{attr}]` already sets serde's `crate`; remove this and write \
                         `#[{attr}(crate = path::to::tencentcloud_core)]` instead"
                    ))
                    .with_span(&meta.path),
                );
            }
            skip_value(&meta)
        });
    }
}

/// Reads the field's `#[tc(...)]` attributes: the span of `file` if present. Unknown keys,
/// values and repeats are errors.
fn read_tc(attrs: &[Attribute], errors: &mut Accumulator) -> Option<Span> {
    let mut file = None;
    for found in attrs.iter().filter(|found| found.path().is_ident(TC)) {
        let parsed = found.parse_nested_meta(|meta| {
            let key = meta.path.get_ident().map(ToString::to_string);
            if key.as_deref() != Some("file") {
                let written = key.unwrap_or_else(|| "this".to_owned());
                let hint = closest(&written, TC_KEYS)
                    .map(|close| format!("did you mean `{close}`? "))
                    .unwrap_or_default();
                return Err(meta.error(format!(
                    "unknown `#[tc]` option `{written}`; {hint}the only option is `file`, \
                     which marks a multipart file part"
                )));
            }
            if !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
                return Err(meta.error("`file` takes no value: write `#[tc(file)]`"));
            }
            if file.is_some() {
                return Err(meta.error("`file` is given twice on this field; keep one"));
            }
            file = Some(meta.path.span());
            Ok(())
        });
        if let Err(error) = parsed {
            errors.push(error.into());
        }
    }
    file
}

/// The top-level keys of the field's `#[serde(...)]` attributes, and the serialized name from
/// `rename = "..."` or `rename(serialize = "...")` if there is one. Syntax serde itself would
/// reject is left for serde to report.
fn read_serde(attrs: &[Attribute]) -> (Vec<String>, Option<String>) {
    let mut keys = Vec::new();
    let mut rename = None;
    for found in attrs.iter().filter(|found| found.path().is_ident(SERDE)) {
        let _ = found.parse_nested_meta(|meta| {
            let key = meta.path.get_ident().map(ToString::to_string);
            let is_rename = key.as_deref() == Some("rename");
            keys.extend(key);
            if !is_rename {
                return skip_value(&meta);
            }
            if meta.input.peek(syn::Token![=]) {
                rename = Some(meta.value()?.parse::<syn::LitStr>()?.value());
                return Ok(());
            }
            meta.parse_nested_meta(|inner| {
                if inner.path.is_ident("serialize") {
                    rename = Some(inner.value()?.parse::<syn::LitStr>()?.value());
                    Ok(())
                } else {
                    skip_value(&inner)
                }
            })
        });
    }
    (keys, rename)
}

/// Consumes `= value` or `(...)` after a nested-meta key whose value is not needed.
fn skip_value(meta: &syn::meta::ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        meta.value()?.parse::<syn::Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.input.parse::<proc_macro2::Group>()?;
    }
    Ok(())
}

/// Classifies a field type by the last segment of its path, so `std::option::Option<T>` and
/// `Option<T>` are both options. Aliases are not seen through: a macro only has tokens.
fn shape_of(ty: &Type) -> Shape {
    let Type::Path(path) = ty else {
        return Shape::Other;
    };
    if path.qself.is_some() {
        return Shape::Other;
    }
    match path.path.segments.last() {
        Some(last) if last.ident == "Option" && !last.arguments.is_none() => Shape::Option,
        Some(last) if last.ident == "Vec" && !last.arguments.is_none() => Shape::Vec,
        _ => Shape::Other,
    }
}

/// serde's `rename_all = "PascalCase"` for a field: each `_`-separated word starts with a
/// capital and the underscores go. Letters already capital stay as they are.
pub(crate) fn pascal_case(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut start_of_word = true;
    for ch in field.chars() {
        if ch == '_' {
            start_of_word = true;
        } else if start_of_word {
            out.push(ch.to_ascii_uppercase());
            start_of_word = false;
        } else {
            out.push(ch);
        }
    }
    out
}

/// The item to emit when the declaration has an error: unchanged, except that `#[tc]` and
/// `#[serde]` attributes go, since without the derives nothing would read them and rustc
/// would add "cannot find attribute" errors to the real one.
pub(crate) fn without_helpers(mut item: Item) -> Item {
    let is_helper = |attr: &Attribute| attr.path().is_ident(TC) || attr.path().is_ident(SERDE);
    match &mut item {
        Item::Struct(found) => {
            found.attrs.retain(|attr| !is_helper(attr));
            for field in &mut found.fields {
                field.attrs.retain(|attr| !is_helper(attr));
            }
        }
        Item::Enum(found) => {
            found.attrs.retain(|attr| !is_helper(attr));
            for variant in &mut found.variants {
                variant.attrs.retain(|attr| !is_helper(attr));
                for field in &mut variant.fields {
                    field.attrs.retain(|attr| !is_helper(attr));
                }
            }
        }
        Item::Union(found) => {
            found.attrs.retain(|attr| !is_helper(attr));
            for field in &mut found.fields.named {
                field.attrs.retain(|attr| !is_helper(attr));
            }
        }
        _ => {}
    }
    item
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pascal_case_matches_serde_for_snake_case_fields() {
        assert_eq!(pascal_case("from_email_address"), "FromEmailAddress");
        assert_eq!(pascal_case("template_id"), "TemplateId");
        assert_eq!(pascal_case("x"), "X");
        assert_eq!(pascal_case("already_Upper"), "AlreadyUpper");
    }

    #[test]
    fn shapes_are_read_from_the_last_segment() {
        let shape = |text: &str| shape_of(&syn::parse_str(text).expect("test type parses"));
        assert_eq!(shape("Option<String>"), Shape::Option);
        assert_eq!(shape("std::option::Option<u8>"), Shape::Option);
        assert_eq!(shape("Vec<String>"), Shape::Vec);
        assert_eq!(shape("String"), Shape::Other);
        assert_eq!(shape("Option"), Shape::Other);
        assert_eq!(shape("[u8; 4]"), Shape::Other);
    }
}
