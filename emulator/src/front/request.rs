//! From a received HTTP request to a verified call: the method, the signature scheme (TC3 when
//! an `Authorization` header is present, v1 when a `Signature` parameter is), the signature
//! itself, the action and version, and the parameters in the form the backend takes.

use std::borrow::Cow;

use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, header};
use serde_json::Value;
use tencentcloud_core::HttpMethod;
use tencentcloud_core::encode::{flatten, multipart, parse_query, try_to_json_value};
use tencentcloud_core::header::{X_TC_ACTION, X_TC_REGION, X_TC_VERSION, content_type, param};
use tencentcloud_core::limits::GET_MAX_BYTES;
use tencentcloud_core::sign::verify::{
    LegacyRequest, Tc3Request, VerifyError, verify_legacy, verify_tc3,
};

use super::Secrets;
use crate::backend::{ApiError, Backend, Params};
use crate::redact::shown;

/// The common v1 parameters, which are the protocol's and not the action's.
const COMMON_PARAMS: [&str; 11] = [
    param::ACTION,
    param::VERSION,
    param::REGION,
    param::TIMESTAMP,
    param::NONCE,
    param::SECRET_ID,
    param::SIGNATURE,
    param::SIGNATURE_METHOD,
    param::TOKEN,
    param::LANGUAGE,
    param::REQUEST_CLIENT,
];

/// A verified call, ready for the backend.
#[derive(Debug)]
pub(crate) struct Call {
    /// The action name as sent, e.g. `SendEmail`.
    pub(crate) action: String,
    /// Its parameters.
    pub(crate) params: Params,
}

/// What verification needs besides the request.
#[derive(Clone, Copy)]
pub(crate) struct Context<'a> {
    pub(crate) backend: &'a dyn Backend,
    pub(crate) secrets: &'a Secrets,
    /// The server time, Unix seconds.
    pub(crate) now: u64,
}

/// `GET` or `POST`; anything else is `UnsupportedProtocol`.
pub(crate) fn method(method: &Method) -> Result<HttpMethod, ApiError> {
    match *method {
        Method::GET => Ok(HttpMethod::Get),
        Method::POST => Ok(HttpMethod::Post),
        _ => Err(ApiError::new(
            "UnsupportedProtocol",
            format!("the HTTP method {method} is not supported; use GET or POST"),
        )),
    }
}

/// The size over which `RequestSizeLimitExceeded` answers a request's body: TC3 (with an
/// `Authorization` header) allows 10 MB, v1 1 MB, a GET 32 KB of query string and body.
pub(crate) fn body_limit(parts: &Parts, method: HttpMethod) -> usize {
    use tencentcloud_core::SigningScheme::{HmacSha256, Tc3HmacSha256};
    let signing = if parts.headers.contains_key(header::AUTHORIZATION) {
        Tc3HmacSha256
    } else {
        HmacSha256
    };
    tencentcloud_core::limits::max_request_bytes(method, signing)
}

/// The error for a request over its size limit.
pub(crate) fn too_large(seen: usize, limit: usize) -> ApiError {
    ApiError::new(
        "RequestSizeLimitExceeded",
        format!(
            "the request is at least {seen} bytes, over the {limit}-byte limit for its method and signature"
        ),
    )
}

/// Verifies `parts` and `body` and extracts the call.
///
/// # Errors
/// The answer to give: a protocol error (`UnsupportedProtocol`, `RequestSizeLimitExceeded`,
/// `AuthFailure.*`, `MissingParameter`, `NoSuchVersion`, `InvalidParameter`, `InvalidRequest`).
pub(crate) fn read(parts: &Parts, body: &[u8], context: Context<'_>) -> Result<Call, ApiError> {
    let method = method(&parts.method)?;
    let query = parts.uri.query().unwrap_or_default();
    if method == HttpMethod::Get && query.len() + body.len() > GET_MAX_BYTES {
        return Err(too_large(query.len() + body.len(), GET_MAX_BYTES));
    }
    check_headers_once(&parts.headers)?;
    check_content_encoding(&parts.headers)?;
    let host = host(parts)?;
    if parts.headers.contains_key(header::AUTHORIZATION) {
        read_tc3(parts, method, host, body, context)
    } else {
        read_legacy(parts, method, host, body, context)
    }
}

/// The `Host` header exactly as received, which the signature covers.
fn host(parts: &Parts) -> Result<&str, ApiError> {
    match parts.headers.get(header::HOST) {
        Some(value) => value.to_str().map_err(|_| {
            ApiError::new(
                "AuthFailure.InvalidAuthorization",
                "the Host header is not ASCII text",
            )
        }),
        None => parts
            .uri
            .authority()
            .map(axum::http::uri::Authority::as_str)
            .ok_or_else(|| {
                ApiError::new(
                    "AuthFailure.InvalidAuthorization",
                    "the request has no Host header, which every signature covers",
                )
            }),
    }
}

fn read_tc3(
    parts: &Parts,
    method: HttpMethod,
    host: &str,
    body: &[u8],
    context: Context<'_>,
) -> Result<Call, ApiError> {
    let query = parts.uri.query().unwrap_or_default();
    // The canonical request of API 3.0 is fixed where the protocol fixes it, whatever was
    // received: the URI is always `/`, a POST's query string is empty and a GET's payload is
    // the empty string. (So an emulator behind a path prefix still checks what SDKs sign.)
    let request = Tc3Request {
        method: parts.method.as_str(),
        host,
        path: "/",
        query: match method {
            HttpMethod::Get => query,
            HttpMethod::Post => "",
        },
        headers: &parts.headers,
        body: match method {
            HttpMethod::Get => &[],
            HttpMethod::Post => body,
        },
    };
    verify_tc3(
        &request,
        context.backend.service(),
        context.now,
        context.secrets,
    )
    .map_err(|error| auth_failure(&error))?;
    let action = required_header(&parts.headers, X_TC_ACTION)?;
    check_version(required_header(&parts.headers, X_TC_VERSION)?, context)?;
    check_region(
        parts
            .headers
            .get(X_TC_REGION)
            .map(|value| String::from_utf8_lossy(value.as_bytes())),
        context,
    )?;
    let params = match method {
        HttpMethod::Get if media_type(&parts.headers) != content_type::FORM => {
            return Err(ApiError::new(
                "InvalidParameter",
                format!(
                    "a GET request must have Content-Type {}, not `{}`",
                    content_type::FORM,
                    shown(&media_type(&parts.headers))
                ),
            ));
        }
        HttpMethod::Get => flat(parse_pairs(query.as_bytes(), "query string")?)?,
        HttpMethod::Post => tc3_body(&parts.headers, body)?,
    };
    Ok(Call {
        action: action.to_owned(),
        params,
    })
}

fn read_legacy(
    parts: &Parts,
    method: HttpMethod,
    host: &str,
    body: &[u8],
    context: Context<'_>,
) -> Result<Call, ApiError> {
    let raw = match method {
        HttpMethod::Get => parts.uri.query().unwrap_or_default().as_bytes(),
        HttpMethod::Post if media_type(&parts.headers) == content_type::FORM => body,
        HttpMethod::Post => return Err(unsigned()),
    };
    let pairs = parse_pairs(raw, "parameters")?;
    if !pairs.iter().any(|(name, _)| name == param::SIGNATURE) {
        return Err(unsigned());
    }
    // As for TC3, the path signed is always `/` (the string to sign is `GET` + host + `/?...`).
    let request = LegacyRequest {
        method: parts.method.as_str(),
        host,
        path: "/",
        params: &pairs,
    };
    verify_legacy(&request, context.now, context.secrets).map_err(|error| auth_failure(&error))?;
    let find = |name: &str| {
        pairs
            .iter()
            .find(|(candidate, _)| candidate == name)
            .map(|(_, value)| value.as_str())
            .filter(|value| !value.is_empty())
    };
    let action = find(param::ACTION).ok_or_else(|| missing("the Action parameter"))?;
    check_version(
        find(param::VERSION).ok_or_else(|| missing("the Version parameter"))?,
        context,
    )?;
    check_region(find(param::REGION).map(Cow::Borrowed), context)?;
    let action = action.to_owned();
    let business = pairs
        .into_iter()
        .filter(|(name, _)| !COMMON_PARAMS.contains(&name.as_str()))
        .collect();
    Ok(Call {
        action,
        params: flat(business)?,
    })
}

/// The parameters of a TC3 POST, by content type.
fn tc3_body(headers: &HeaderMap, body: &[u8]) -> Result<Params, ApiError> {
    let media = media_type(headers);
    if media == content_type::JSON {
        if body.iter().all(u8::is_ascii_whitespace) {
            // An action without parameters may come with an empty body.
            return Ok(Params::Json(Value::Object(serde_json::Map::new())));
        }
        if body.starts_with(UTF8_BOM) {
            return Err(ApiError::new(
                "InvalidParameter",
                "the JSON body starts with a byte-order mark; send UTF-8 without one",
            ));
        }
        return match super::json::parse_without_repeated_keys(body) {
            Ok(value @ Value::Object(_)) => Ok(Params::Json(value)),
            Ok(_) => Err(ApiError::new(
                "InvalidParameter",
                "the JSON body must be an object of parameters",
            )),
            Err(error) => Err(ApiError::new(
                "InvalidParameter",
                format!("the body is not valid JSON: {error}"),
            )),
        };
    }
    if media == content_type::MULTIPART {
        let raw = headers
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default();
        let value = multipart::boundary_from_content_type(raw)
            .and_then(|boundary| multipart::parse(body, boundary))
            .map_err(|error| {
                ApiError::new(
                    "InvalidRequest",
                    format!("the multipart body is malformed: {error}"),
                )
            })?;
        // Multipart text parts carry numbers and booleans as text, like a form body; handing
        // them on flattened lets the backend type them by its schema, as it does for forms.
        return flatten(&value)
            .map(Params::Flat)
            .map_err(|error| ApiError::new("InvalidParameter", error.to_string()));
    }
    Err(ApiError::new(
        "InvalidParameter",
        format!(
            "a TC3 POST body must be {} or {}, not `{}`; form bodies are for HmacSHA1/HmacSHA256",
            content_type::JSON,
            content_type::MULTIPART,
            shown(&media)
        ),
    ))
}

/// The media type of the `Content-Type` header, lower-cased, without parameters.
fn media_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .map(|value| String::from_utf8_lossy(value.as_bytes()))
        .and_then(|text| {
            text.split(';')
                .next()
                .map(|media| media.trim().to_ascii_lowercase())
        })
        .unwrap_or_default()
}

fn parse_pairs(raw: &[u8], what: &str) -> Result<Vec<(String, String)>, ApiError> {
    parse_query(raw).map_err(|error| {
        ApiError::new(
            "InvalidParameter",
            format!("the {what} cannot be read: {error}"),
        )
    })
}

/// Flattened parameters, checked for a consistent shape (no duplicates, no gaps in list
/// indices) so the backend can rely on it.
fn flat(pairs: Vec<(String, String)>) -> Result<Params, ApiError> {
    try_to_json_value(&pairs)
        .map_err(|error| ApiError::new("InvalidParameter", error.to_string()))?;
    Ok(Params::Flat(pairs))
}

/// The headers the protocol reads. Each must come at most once: the verifier and the
/// request reader take the first, while a proxy or a logger may take the last, and the two
/// would not be describing the same request.
const ONCE_ONLY_HEADERS: [&str; 11] = [
    "authorization",
    "host",
    "content-type",
    "x-tc-action",
    "x-tc-version",
    "x-tc-timestamp",
    "x-tc-region",
    "x-tc-token",
    "x-tc-language",
    "x-tc-content-sha256",
    "x-tc-requestclient",
];

/// The bytes a UTF-8 byte-order mark is made of.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

fn check_headers_once(headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(repeated) = ONCE_ONLY_HEADERS
        .into_iter()
        .find(|name| headers.get_all(*name).iter().nth(1).is_some())
    else {
        return Ok(());
    };
    let code = if repeated == "authorization" {
        "AuthFailure.InvalidAuthorization"
    } else {
        "InvalidParameter"
    };
    Err(ApiError::new(
        code,
        format!("the {repeated} header is sent more than once; send each protocol header once"),
    ))
}

/// Bodies are read as they are: a compressed one would be misread (and a signature over it
/// checked against bytes nobody meant), so any coding but `identity` is refused by name.
fn check_content_encoding(headers: &HeaderMap) -> Result<(), ApiError> {
    for value in headers.get_all(header::CONTENT_ENCODING) {
        let coding = String::from_utf8_lossy(value.as_bytes());
        let unsupported = coding
            .split(',')
            .map(str::trim)
            .find(|coding| !coding.is_empty() && !coding.eq_ignore_ascii_case("identity"));
        if let Some(coding) = unsupported {
            return Err(ApiError::new(
                "InvalidParameter",
                format!(
                    "Content-Encoding `{}` is not supported; send the body uncompressed",
                    shown(coding)
                ),
            ));
        }
    }
    Ok(())
}

fn required_header<'a>(headers: &'a HeaderMap, name: &str) -> Result<&'a str, ApiError> {
    let value = headers
        .get(name)
        .ok_or_else(|| missing(&format!("the {name} header")))?;
    let text = value.to_str().map_err(|_| {
        ApiError::new(
            "InvalidParameter",
            format!("the {name} header is not ASCII text"),
        )
    })?;
    if text.trim().is_empty() {
        return Err(missing(&format!("the {name} header")));
    }
    Ok(text)
}

/// The call's region against the backend's: one the service is not offered in is
/// `UnsupportedRegion`. A call naming no region (the SDKs then leave the header out) is let
/// through: the protocol does not say how the service answers it, and refusing it would break
/// clients that work.
fn check_region(region: Option<Cow<'_, str>>, context: Context<'_>) -> Result<(), ApiError> {
    let Some(regions) = context.backend.regions() else {
        return Ok(());
    };
    match region.filter(|region| !region.is_empty()) {
        None => Ok(()),
        Some(region) if regions.contains(&region.as_ref()) => Ok(()),
        Some(region) => Err(ApiError::new(
            "UnsupportedRegion",
            format!(
                "the {} service is not offered in region `{}`; it is in {}",
                context.backend.service(),
                shown(&region),
                regions.join(", ")
            ),
        )),
    }
}

fn check_version(version: &str, context: Context<'_>) -> Result<(), ApiError> {
    let expected = context.backend.version();
    if version == expected {
        Ok(())
    } else {
        Err(ApiError::new(
            "NoSuchVersion",
            format!(
                "the API version `{}` does not exist for {}; use {expected}",
                shown(version),
                context.backend.service()
            ),
        ))
    }
}

fn auth_failure(error: &VerifyError) -> ApiError {
    ApiError::new(error.code(), error.to_string())
}

fn missing(what: &str) -> ApiError {
    ApiError::new("MissingParameter", format!("{what} is missing"))
}

fn unsigned() -> ApiError {
    ApiError::new(
        "AuthFailure.InvalidAuthorization",
        "the request is not signed: send an Authorization header (TC3-HMAC-SHA256) or, in a \
         query string or form body, a Signature parameter (HmacSHA1/HmacSHA256)",
    )
}
