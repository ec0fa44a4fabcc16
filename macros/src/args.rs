//! The arguments of `#[service(...)]`, `#[action(...)]` and `#[model(...)]` as darling
//! `FromMeta` receivers. Each checks its own options one by one; rules that involve several
//! options (a JSON body needs TC3, ...) live in `valid.rs`.

use darling::FromMeta;
use darling::ast::NestedMeta;
use darling::util::SpannedValue;
use proc_macro2::TokenStream;
use syn::Path;

use crate::options::{self, Given, Read, Spec, closest, error_at, list_names};

/// The options `#[service]` takes.
const SERVICE_OPTIONS: &[Spec] = &[
    Spec::new("name", "\"ses\""),
    Spec::new("version", "\"2020-10-02\""),
    Spec::new("crate", "my_sdk::tencentcloud_core"),
];
/// The options `#[action]` takes, in the order the messages list them.
const ACTION_OPTIONS: &[Spec] = &[
    Spec::new("service", "Ses"),
    Spec::new("response", "SendEmailResponse"),
    Spec::new("name", "\"SendEmail\""),
    Spec::new("method", "\"POST\""),
    Spec::new("signing", "\"HmacSHA256\""),
    Spec::new("content", "\"json\""),
    Spec::new("idempotent", "true"),
    Spec::new("builder", "true"),
    Spec::new("crate", "my_sdk::tencentcloud_core"),
];
/// The options `#[model]` takes.
const MODEL_OPTIONS: &[Spec] = &[
    Spec::new("builder", "true"),
    Spec::new("crate", "my_sdk::tencentcloud_core"),
];

/// `#[service(name = "ses", version = "2020-10-02")]`.
pub(crate) struct ServiceArgs {
    /// The first label of the product domain, checked in `valid.rs`.
    pub(crate) name: SpannedValue<String>,
    /// The API version, checked in `valid.rs`.
    pub(crate) version: SpannedValue<String>,
    /// Where `tencentcloud_core` is, if not at `::tencentcloud_core`.
    pub(crate) krate: Option<Path>,
}

/// `#[action(service = Ses, response = SendEmailResponse, ...)]`.
pub(crate) struct ActionArgs {
    /// The service marker type.
    pub(crate) service: Path,
    /// The type the response decodes into.
    pub(crate) response: Path,
    /// The wire name, when it is not the struct name.
    pub(crate) name: Option<SpannedValue<String>>,
    /// The HTTP method, when given.
    pub(crate) method: Option<SpannedValue<Method>>,
    /// The signature scheme, when given.
    pub(crate) signing: Option<SpannedValue<Signing>>,
    /// The body encoding, when given.
    pub(crate) content: Option<SpannedValue<Content>>,
    /// Whether retries after sending are safe, when given.
    pub(crate) idempotent: Option<bool>,
    /// Whether to generate a typed builder (`builder = true`).
    pub(crate) builder: bool,
    /// Where `tencentcloud_core` is, if not at `::tencentcloud_core`.
    pub(crate) krate: Option<Path>,
}

/// `#[model]`, `#[model(builder = true)]` or `#[model(crate = path)]`.
pub(crate) struct ModelArgs {
    /// Whether to generate a typed builder (`builder = true`).
    pub(crate) builder: bool,
    /// Where `tencentcloud_core` is, if not at `::tencentcloud_core`.
    pub(crate) krate: Option<Path>,
}

/// `method = "POST" | "GET"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    /// Parameters in the body.
    Post,
    /// Parameters in the query string.
    Get,
}

/// `signing = "TC3-HMAC-SHA256" | "HmacSHA256" | "HmacSHA1"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Signing {
    /// Signature v3.
    Tc3,
    /// Signature v1 with HMAC-SHA256.
    HmacSha256,
    /// Signature v1 with HMAC-SHA1.
    HmacSha1,
}

/// `content = "json" | "form" | "multipart" | "octet-stream"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Content {
    /// A JSON object body.
    Json,
    /// Flattened parameters, urlencoded.
    Form,
    /// A multipart/form-data body.
    Multipart,
    /// Raw bytes.
    OctetStream,
}

const METHODS: &[(&str, Method)] = &[("POST", Method::Post), ("GET", Method::Get)];
const SIGNINGS: &[(&str, Signing)] = &[
    ("TC3-HMAC-SHA256", Signing::Tc3),
    ("HmacSHA256", Signing::HmacSha256),
    ("HmacSHA1", Signing::HmacSha1),
];
const CONTENTS: &[(&str, Content)] = &[
    ("json", Content::Json),
    ("form", Content::Form),
    ("multipart", Content::Multipart),
    ("octet-stream", Content::OctetStream),
];

impl Signing {
    /// The name as written in declarations and on the wire.
    pub(crate) fn as_str(self) -> &'static str {
        wire_name(SIGNINGS, self)
    }
}

impl Content {
    /// The name as written in declarations.
    pub(crate) fn as_str(self) -> &'static str {
        wire_name(CONTENTS, self)
    }
}

/// Looks a value up in its table; every variant is in its table, so the fallback is never
/// reached, but returning `""` keeps this free of panics.
fn wire_name<T: PartialEq + Copy>(table: &[(&'static str, T)], value: T) -> &'static str {
    table
        .iter()
        .find(|(_, candidate)| *candidate == value)
        .map_or("", |(name, _)| name)
}

/// Parses an attribute's argument tokens with `R`'s `FromMeta::from_list`.
pub(crate) fn parse<R: FromMeta>(args: TokenStream) -> darling::Result<R> {
    let items = NestedMeta::parse_meta_list(args)?;
    R::from_list(&items)
}

impl FromMeta for ServiceArgs {
    fn from_list(items: &[NestedMeta]) -> darling::Result<Self> {
        let mut errors = darling::Error::accumulator();
        let read = options::read(items, "service", SERVICE_OPTIONS, &mut errors);
        let (mut name, mut version, mut krate) = (None, None, None);
        for option in &read.given {
            match option.spec.key {
                "name" => name = errors.handle(option.string()),
                "version" => version = errors.handle(option.string()),
                _ => krate = errors.handle(option.crate_path()),
            }
        }
        require(&read, "service", &["name", "version"], &mut errors);
        errors.finish()?;
        match (name, version) {
            (Some(name), Some(version)) => Ok(Self {
                name,
                version,
                krate,
            }),
            // Unreachable: a missing or unreadable option was reported just above.
            _ => Err(darling::Error::custom(
                "`#[service]` needs `name` and `version`",
            )),
        }
    }
}

/// Reads `#[action(...)]` as far as it can: the options, once `service` and `response` could be
/// read, with every other unreadable option left unset; and the errors found. With the options
/// in hand the action is still emitted, from a stand-in declaration, next to the errors, so the
/// code that uses it does not report more (`no method named clone`, "not an action").
pub(crate) fn parse_action(args: TokenStream) -> (Option<ActionArgs>, darling::Result<()>) {
    match NestedMeta::parse_meta_list(args) {
        Ok(items) => ActionArgs::read(&items),
        Err(error) => (None, Err(error.into())),
    }
}

impl ActionArgs {
    fn read(items: &[NestedMeta]) -> (Option<Self>, darling::Result<()>) {
        let mut errors = darling::Error::accumulator();
        let read = options::read(items, "action", ACTION_OPTIONS, &mut errors);
        let (mut service, mut response, mut name, mut method) = (None, None, None, None);
        let (mut signing, mut content, mut idempotent, mut krate) = (None, None, None, None);
        let mut builder = false;
        for option in &read.given {
            match option.spec.key {
                "service" => service = errors.handle(option.path()),
                "response" => response = errors.handle(option.path()),
                "name" => name = errors.handle(option.string()),
                "method" => method = errors.handle(choice(option, METHODS)),
                "signing" => signing = errors.handle(choice(option, SIGNINGS)),
                "content" => content = errors.handle(choice(option, CONTENTS)),
                "idempotent" => idempotent = errors.handle(option.bool()).map(|b| *b),
                "builder" => builder = errors.handle(option.bool()).is_some_and(|b| *b),
                _ => krate = errors.handle(option.crate_path()),
            }
        }
        require(&read, "action", &["service", "response"], &mut errors);
        let args = match (service, response) {
            (Some(service), Some(response)) => Some(Self {
                service,
                response,
                name,
                method,
                signing,
                content,
                idempotent,
                builder,
                krate,
            }),
            // A missing or unreadable `service` or `response` was reported above.
            _ => None,
        };
        (args, errors.finish())
    }
}

impl FromMeta for ModelArgs {
    fn from_list(items: &[NestedMeta]) -> darling::Result<Self> {
        let mut errors = darling::Error::accumulator();
        let read = options::read(items, "model", MODEL_OPTIONS, &mut errors);
        let (mut builder, mut krate) = (false, None);
        for option in &read.given {
            match option.spec.key {
                "builder" => builder = errors.handle(option.bool()).is_some_and(|b| *b),
                _ => krate = errors.handle(option.crate_path()),
            }
        }
        errors.finish_with(Self { builder, krate })
    }
}

/// Reads a string option that must be one of a fixed set of names (exact spelling).
fn choice<T: Copy>(option: &Given<'_>, table: &[(&str, T)]) -> darling::Result<SpannedValue<T>> {
    let written = option.string()?;
    if let Some((_, value)) = table.iter().find(|(name, _)| *name == written.as_str()) {
        return Ok(SpannedValue::new(*value, written.span()));
    }
    let names: Vec<&str> = table.iter().map(|(name, _)| *name).collect();
    let hint = match closest(&written, &names) {
        Some(close) => format!("; did you mean `{close}`?"),
        None => String::new(),
    };
    Err(error_at(
        written.span(),
        format!(
            "unknown `{key}` value `{value}`; expected {}{hint}",
            list_names(&names).replace(" and ", " or "),
            key = option.spec.key,
            value = written.as_str(),
        ),
    ))
}

/// Reports the required options that were not written at all, in one message pointing at
/// the attribute (values that were written but unreadable have their own errors).
fn require(
    read: &Read<'_>,
    attr: &str,
    required: &[&str],
    errors: &mut darling::error::Accumulator,
) {
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|key| !read.written.contains(key) && !read.misspelt.contains(key))
        .collect();
    if missing.is_empty() {
        return;
    }
    let wanted: Vec<String> = missing.iter().map(|key| format!("{key} = ...")).collect();
    let wanted: Vec<&str> = wanted.iter().map(String::as_str).collect();
    // No span: darling then points at the attribute itself, which is where the option goes.
    errors.push(darling::Error::custom(format!(
        "`#[{attr}]` is missing {}; add {} inside the parentheses",
        list_names(&missing),
        list_names(&wanted)
    )));
}
