//! The rules that involve more than one option or the struct itself: well-formed service names
//! and versions, action names, and which body encodings go with which method and signature
//! scheme (protocol section 1.2: JSON and multipart need TC3, a form body needs v1, GET has no
//! body, multipart and raw bytes need POST). Every broken rule is reported, each once, on the
//! tokens the user wrote; the result is the resolved declaration with every default filled in.

use darling::Error;
use darling::util::SpannedValue;
use syn::ext::IdentExt;

use crate::args::{ActionArgs, Content, Method, ServiceArgs, Signing};
use crate::input::Input;
use crate::options::error_at;

/// The common parameters of a v1 request (protocol section 3), which travel beside the
/// business parameters and so cannot be field names of a v1 action.
const V1_COMMON_PARAMETERS: &[&str] = &[
    "Action",
    "Region",
    "Timestamp",
    "Nonce",
    "SecretId",
    "Signature",
    "SignatureMethod",
    "Version",
    "Token",
    "Language",
    "RequestClient",
];

/// Action name prefixes that mark reads, which are safe to retry (Tencent's convention).
const IDEMPOTENT_PREFIXES: &[&str] = &["Describe", "Get", "List", "Query", "Inquire"];

/// How the parameters of a resolved action travel (`BodyEncoding` in the runtime).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// A JSON body.
    Json,
    /// A urlencoded form body.
    Form,
    /// A multipart/form-data body.
    Multipart,
    /// Raw bytes.
    OctetStream,
    /// The query string of a GET.
    Query,
}

/// An `#[action]` with every default resolved and every rule checked.
pub(crate) struct ActionSpec {
    /// The wire name, e.g. `SendEmail`.
    pub(crate) name: String,
    /// The HTTP method.
    pub(crate) method: Method,
    /// The signature scheme.
    pub(crate) signing: Signing,
    /// Where the parameters go.
    pub(crate) encoding: Encoding,
    /// Whether retries after sending are safe.
    pub(crate) idempotent: bool,
    /// Wire names of the `#[tc(file)]` fields, in declaration order.
    pub(crate) file_fields: Vec<String>,
}

/// Checks `#[service]`'s name and version.
pub(crate) fn service(args: &ServiceArgs) -> darling::Result<()> {
    let mut errors = Error::accumulator();
    if !is_service_name(&args.name) {
        errors.push(error_at(
            args.name.span(),
            format!(
                "`name` must be lower-case ASCII letters and digits starting with a letter, \
                 the first label of the service's domain (like `ses` in \
                 `ses.tencentcloudapi.com`); got {}",
                shown(&args.name)
            ),
        ));
    }
    if !is_version(&args.version) {
        errors.push(error_at(
            args.version.span(),
            format!(
                "`version` must be the API version as a date `YYYY-MM-DD`, like \
                 `2020-10-02`; got {}",
                shown(&args.version)
            ),
        ));
    }
    errors.finish()
}

/// Resolves and checks an `#[action]` against the struct it sits on.
pub(crate) fn action(args: &ActionArgs, input: &Input) -> darling::Result<ActionSpec> {
    let mut errors = Error::accumulator();
    let name = errors.handle(action_name(args.name.as_ref(), input));
    let method = args.method.as_ref().map_or(Method::Post, |method| **method);
    let signing = args
        .signing
        .as_ref()
        .map_or(Signing::Tc3, |signing| **signing);
    let encoding = match &args.content {
        None => Some(default_encoding(method, signing)),
        Some(content) => errors.handle(encoding(method, signing, *content)),
    };
    let mut file_fields = Vec::new();
    for field in &input.fields {
        let Some(span) = field.file else { continue };
        match encoding {
            Some(Encoding::Multipart | Encoding::OctetStream) => {
                file_fields.push(field.wire_name.clone());
            }
            // With an unresolved encoding the content error already says what is wrong.
            None => {}
            Some(other) => errors.push(error_at(
                span,
                format!(
                    "`#[tc(file)]` marks a file part of a multipart body or the raw bytes of an \
                     octet-stream body, but this action sends {}; add `content = \"multipart\"` \
                     to `#[action]` or remove `#[tc(file)]`",
                    describe(other)
                ),
            )),
        }
    }
    if signing != Signing::Tc3 {
        for field in input
            .fields
            .iter()
            .filter(|field| field.is_named_on_the_wire())
        {
            if V1_COMMON_PARAMETERS.contains(&field.wire_name.as_str()) {
                errors.push(error_at(
                    field.span,
                    format!(
                        "`{}` is a common parameter of v1 signing, which the client adds itself; \
                         a field of this name would send it twice. Rename the field",
                        field.wire_name
                    ),
                ));
            }
        }
    }
    if encoding == Some(Encoding::OctetStream) && file_fields.len() != 1 {
        errors.push(
            Error::custom(format!(
                "an octet-stream action sends one field's bytes as its body, so exactly one field \
             must be marked `#[tc(file)]`; found {}",
                file_fields.len()
            ))
            .with_span(&input.item.ident),
        );
    }
    errors.finish()?;
    match (name, encoding) {
        (Some(name), Some(encoding)) => Ok(ActionSpec {
            idempotent: args
                .idempotent
                .unwrap_or_else(|| is_idempotent_by_name(&name)),
            name,
            method,
            signing,
            encoding,
            file_fields,
        }),
        // Unreachable: whatever left these unset was pushed to `errors` above.
        _ => Err(Error::custom("`#[action]` could not be resolved")),
    }
}

/// A resolution of `args` that always exists, for emitting the action next to the errors
/// [`action`] reported: what the options say where it holds, defaults where it does not (the
/// method and scheme as written, the default encoding for them, no file fields when that
/// encoding takes none). It is never used without those errors, so compiling it cannot send a
/// wrong request.
pub(crate) fn stand_in(args: &ActionArgs, input: &Input) -> ActionSpec {
    let method = args.method.as_ref().map_or(Method::Post, |method| **method);
    let signing = args
        .signing
        .as_ref()
        .map_or(Signing::Tc3, |signing| **signing);
    let encoding = args
        .content
        .as_ref()
        .and_then(|content| encoding(method, signing, *content).ok())
        .unwrap_or_else(|| default_encoding(method, signing));
    let file_fields = match encoding {
        Encoding::Multipart | Encoding::OctetStream => input
            .fields
            .iter()
            .filter(|field| field.file.is_some())
            .map(|field| field.wire_name.clone())
            .collect(),
        Encoding::Json | Encoding::Form | Encoding::Query => Vec::new(),
    };
    let name = action_name(args.name.as_ref(), input)
        .unwrap_or_else(|_| input.item.ident.unraw().to_string());
    ActionSpec {
        idempotent: args.idempotent.unwrap_or(false),
        name,
        method,
        signing,
        encoding,
        file_fields,
    }
}

/// The explicit `name`, or the struct name without a trailing `Request`; either way it must
/// look like an action name.
fn action_name(explicit: Option<&SpannedValue<String>>, input: &Input) -> darling::Result<String> {
    if let Some(name) = explicit {
        if is_action_name(name) {
            return Ok(name.as_str().to_owned());
        }
        return Err(error_at(
            name.span(),
            format!(
                "`name` must be the action's name as the API spells it, ASCII letters and \
                 digits starting with a capital, like `SendEmail`; got `{}`",
                name.as_str()
            ),
        ));
    }
    let ident = input.item.ident.unraw().to_string();
    let name = match ident.strip_suffix("Request") {
        Some(stem) if !stem.is_empty() => stem.to_owned(),
        _ => ident,
    };
    if is_action_name(&name) {
        return Ok(name);
    }
    Err(Error::custom(format!(
        "the action name `{name}` taken from the struct name is not ASCII letters and digits \
         starting with a capital; add `name = \"...\"` to `#[action]`"
    ))
    .with_span(&input.item.ident))
}

/// What API 3.0 uses when the declaration names no `content`.
fn default_encoding(method: Method, signing: Signing) -> Encoding {
    match (method, signing) {
        (Method::Get, _) => Encoding::Query,
        (Method::Post, Signing::Tc3) => Encoding::Json,
        (Method::Post, Signing::HmacSha256 | Signing::HmacSha1) => Encoding::Form,
    }
}

/// Checks an explicit `content` against the method and scheme. A GET's parameters always go
/// in the query string, urlencoded like a form, so `content = "form"` with GET is allowed
/// (with either scheme, as the protocol's GET row says) and means the query.
fn encoding(
    method: Method,
    signing: Signing,
    content: SpannedValue<Content>,
) -> darling::Result<Encoding> {
    let written = content.as_str();
    let message = match (method, *content, signing) {
        (Method::Get, Content::Form, _) => return Ok(Encoding::Query),
        (Method::Get, _, _) => format!(
            "a GET request has no body, so it cannot carry `content = \"{written}\"`; use \
             `method = \"POST\"` or remove `content`"
        ),
        (Method::Post, Content::Form, Signing::Tc3) => "a form body must be signed with \
             HmacSHA1 or HmacSHA256; add `signing = \"HmacSHA256\"` or use `content = \"json\"`"
            .to_owned(),
        (Method::Post, Content::Form, _) => return Ok(Encoding::Form),
        (Method::Post, Content::Json, Signing::HmacSha256 | Signing::HmacSha1) => format!(
            "a JSON body must be signed with TC3-HMAC-SHA256, not {}; remove `signing` or use \
             `content = \"form\"`",
            signing.as_str()
        ),
        (Method::Post, _, Signing::HmacSha256 | Signing::HmacSha1) => format!(
            "`content = \"{written}\"` must be signed with TC3-HMAC-SHA256, not {}; remove \
             `signing` (TC3-HMAC-SHA256 is the default)",
            signing.as_str()
        ),
        (Method::Post, Content::Json, Signing::Tc3) => return Ok(Encoding::Json),
        (Method::Post, Content::Multipart, Signing::Tc3) => return Ok(Encoding::Multipart),
        (Method::Post, Content::OctetStream, Signing::Tc3) => return Ok(Encoding::OctetStream),
    };
    Err(error_at(content.span(), message))
}

/// A written value for a message: quoted, or said to be empty.
fn shown(value: &str) -> String {
    if value.is_empty() {
        "an empty string".to_owned()
    } else {
        format!("`{value}`")
    }
}

/// How an encoding reads in a sentence.
fn describe(encoding: Encoding) -> &'static str {
    match encoding {
        Encoding::Json => "a JSON body",
        Encoding::Form => "a form body",
        Encoding::Multipart => "a multipart body",
        Encoding::OctetStream => "raw bytes",
        Encoding::Query => "its parameters in the query string",
    }
}

/// The naming convention of Tencent Cloud: reads are safe to retry, writes are not.
pub(crate) fn is_idempotent_by_name(name: &str) -> bool {
    IDEMPOTENT_PREFIXES
        .iter()
        .any(|prefix| name.starts_with(prefix))
}

/// Lower-case ASCII letters and digits, starting with a letter.
fn is_service_name(name: &str) -> bool {
    name.starts_with(|ch: char| ch.is_ascii_lowercase())
        && name
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit())
}

/// ASCII letters and digits, starting with an upper-case letter.
fn is_action_name(name: &str) -> bool {
    name.starts_with(|ch: char| ch.is_ascii_uppercase())
        && name.chars().all(|ch| ch.is_ascii_alphanumeric())
}

/// `YYYY-MM-DD` with a month 01-12 and a day 01-31.
fn is_version(version: &str) -> bool {
    let bytes = version.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .filter(|part| part.iter().all(u8::is_ascii_digit))
            .map(|part| part.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let (Some(_year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    bytes.len() == 10
        && bytes.get(4) == Some(&b'-')
        && bytes.get(7) == Some(&b'-')
        && (1..=12).contains(&month)
        && (1..=31).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_dates() {
        assert!(is_version("2020-10-02"));
        assert!(is_version("2017-03-12"));
        assert!(is_version("1999-12-31"));
        for bad in [
            "2020-1-2",
            "latest",
            "",
            "2020-13-01",
            "2020-00-10",
            "2020-10-00",
            "2020-10-32",
            "2020/10/02",
            "2020-10-022",
            "20201002",
            "2020-10-0x",
            "+020-10-02",
        ] {
            assert!(!is_version(bad), "{bad} should be rejected");
        }
    }

    #[test]
    fn service_names_are_lower_case_labels() {
        assert!(is_service_name("ses"));
        assert!(is_service_name("cvm"));
        assert!(is_service_name("ocr2"));
        for bad in ["", "SES", "Ses", "2fa", "s-es", "s_es", "sés"] {
            assert!(!is_service_name(bad), "{bad} should be rejected");
        }
    }

    #[test]
    fn action_names_are_pascal_case_ascii() {
        assert!(is_action_name("SendEmail"));
        assert!(is_action_name("GetStatisticsReport"));
        assert!(is_action_name("V2Thing"));
        for bad in ["", "sendEmail", "Send_Email", "Send Email", "Énvoyer"] {
            assert!(!is_action_name(bad), "{bad} should be rejected");
        }
    }

    #[test]
    fn read_prefixes_are_idempotent() {
        for name in ["DescribeRegions", "GetEmailIdentity", "ListEmailTemplates"] {
            assert!(is_idempotent_by_name(name), "{name}");
        }
        for name in ["QueryQuota", "InquirePrice"] {
            assert!(is_idempotent_by_name(name), "{name}");
        }
        for name in [
            "SendEmail",
            "CreateEmailTemplate",
            "DeleteBlackList",
            "BatchSendEmail",
        ] {
            assert!(!is_idempotent_by_name(name), "{name}");
        }
    }

    #[test]
    fn default_encoding_follows_method_then_scheme() {
        assert_eq!(default_encoding(Method::Get, Signing::Tc3), Encoding::Query);
        assert_eq!(
            default_encoding(Method::Get, Signing::HmacSha1),
            Encoding::Query
        );
        assert_eq!(default_encoding(Method::Post, Signing::Tc3), Encoding::Json);
        assert_eq!(
            default_encoding(Method::Post, Signing::HmacSha256),
            Encoding::Form
        );
        assert_eq!(
            default_encoding(Method::Post, Signing::HmacSha1),
            Encoding::Form
        );
    }
}
