//! Building one signed request: the encoding plan, the parameters encoded once, and the
//! per-attempt signature (each attempt gets a fresh timestamp).

use bytes::Bytes;
use http::{HeaderMap, HeaderName, HeaderValue};

use super::engine::ActionInfo;
use super::target::Target;

use crate::action::{Action, BodyEncoding, HttpMethod, SigningScheme};
use crate::credentials::Credentials;
use crate::encode;
use crate::error::Error;
use crate::header::{self, content_type};
use crate::limits;
use crate::region::Region;
use crate::sign::legacy::{CommonParams, LegacyAlgorithm};
use crate::sign::text::Decimal;
use crate::sign::{self, Payload, SignableRequest, SigningParams};

/// How one action is sent: the method, scheme and encoding after client overrides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Plan {
    pub(crate) method: HttpMethod,
    pub(crate) signing: SigningScheme,
    pub(crate) encoding: BodyEncoding,
}

impl Plan {
    /// The action's declaration, with the client's overrides applied where the action allows
    /// them: multipart and octet-stream actions keep their own method and scheme.
    pub(crate) fn for_action<A: Action>(
        method_override: Option<HttpMethod>,
        signing_override: Option<SigningScheme>,
    ) -> Self {
        if A::ENCODING.is_fixed() || (method_override.is_none() && signing_override.is_none()) {
            return Self {
                method: A::METHOD,
                signing: A::SIGNING,
                encoding: A::ENCODING,
            };
        }
        let method = method_override.unwrap_or(A::METHOD);
        let signing = signing_override.unwrap_or(A::SIGNING);
        Self {
            method,
            signing,
            encoding: BodyEncoding::default_for(method, signing),
        }
    }
}

/// Parameters sent as headers, by name.
type FieldHeaders = Vec<(HeaderName, HeaderValue)>;

/// The parameters, encoded once per call.
#[derive(Debug)]
pub(crate) enum Encoded {
    /// A finished body (JSON, multipart, raw bytes) with its content type.
    Body {
        /// Validated once, when encoding; ASCII, so it is also the text that is signed.
        content_type: HeaderValue,
        bytes: Bytes,
    },
    /// The raw bytes of an octet-stream action, and its other fields as headers.
    OctetStream {
        bytes: Bytes,
        /// `X-<SERVICE>-<Field>` for every field but the file one, as the official Go SDK
        /// sends them (CLS `UploadLog` reads `X-CLS-TopicId` this way); left out when `None`.
        field_headers: FieldHeaders,
    },
    /// The query string of a TC3 GET.
    Query(String),
    /// Flattened business parameters of a v1 request; the common parameters and the signature
    /// are added per attempt.
    Legacy(Vec<(String, String)>),
}

impl Encoded {
    /// Encodes `action` according to `plan`.
    pub(crate) fn new<A: Action>(action: &A, plan: Plan) -> Result<Self, Error> {
        (<A as PickEncoder>::ENCODE)(action, plan)?.within_limits(plan)
    }

    /// Checks the encoded parameters against the size limit of the plan's method and scheme.
    /// Kept apart from the generic [`Encoded::new`] so that it is compiled once.
    fn within_limits(self, plan: Plan) -> Result<Self, Error> {
        let size = match &self {
            Self::Body { bytes, .. } | Self::OctetStream { bytes, .. } => bytes.len(),
            Self::Query(query) => query.len(),
            // The business parameters alone must fit before anything is signed; the common
            // parameters and the signature are checked again once they are added.
            Self::Legacy(business) => business
                .iter()
                .map(|(k, v)| encode::percent_encode(k).len() + encode::percent_encode(v).len() + 2)
                .sum(),
        };
        limits::check(plan.method, plan.signing, size)?;
        Ok(self)
    }
}

/// The encoder an action can use, picked from its declared encoding when the compiler
/// instantiates it: an action only pulls in the serializers it can ever need (multipart and
/// octet-stream actions cannot be switched to another encoding, and the others never use
/// those two), which keeps the code generated per action, and build times, small.
trait PickEncoder: Action {
    const ENCODE: fn(&Self, Plan) -> Result<Encoded, Error>;
}

impl<A: Action> PickEncoder for A {
    const ENCODE: fn(&A, Plan) -> Result<Encoded, Error> = if A::ENCODING.is_fixed() {
        Encoded::fixed::<A>
    } else {
        Encoded::switchable::<A>
    };
}

impl Encoded {
    /// The encodings that belong to the action's nature: files and raw bytes.
    fn fixed<A: Action>(action: &A, _: Plan) -> Result<Self, Error> {
        Ok(match A::ENCODING {
            BodyEncoding::OctetStream => {
                let (bytes, field_headers) = octet_stream(
                    &serde_json::to_value(action).map_err(Error::invalid_request_from)?,
                    <A::Service as crate::action::Service>::NAME,
                    A::FILE_FIELDS,
                )?;
                Self::OctetStream {
                    bytes: bytes.into(),
                    field_headers,
                }
            }
            BodyEncoding::Multipart => {
                let (content_type, bytes) = encode::multipart::to_body(action, A::FILE_FIELDS)
                    .map_err(Error::invalid_request_from)?;
                Self::Body {
                    content_type: HeaderValue::try_from(content_type).map_err(|_| {
                        Error::invalid_request("the multipart content type cannot be a header")
                    })?,
                    bytes: bytes.into(),
                }
            }
            // `PickEncoder` only sends fixed encodings here.
            BodyEncoding::Json | BodyEncoding::Query | BodyEncoding::Form => {
                return Err(Error::invalid_request(format!(
                    "encoding `{}` is not a fixed encoding",
                    A::ENCODING.as_str()
                )));
            }
        })
    }

    /// The encodings a client may switch an action between: JSON, a TC3 query, v1 parameters.
    fn switchable<A: Action>(action: &A, plan: Plan) -> Result<Self, Error> {
        Ok(match (plan.signing, plan.encoding) {
            (SigningScheme::HmacSha1 | SigningScheme::HmacSha256, _) => {
                Self::Legacy(encode::flatten(action).map_err(Error::invalid_request_from)?)
            }
            (_, BodyEncoding::Query | BodyEncoding::Form) => Self::Query(encode::to_query_string(
                &encode::flatten(action).map_err(Error::invalid_request_from)?,
            )),
            // A switchable action's plan is never multipart or octet-stream (see
            // `Plan::for_action`); JSON is the only other body.
            (_, BodyEncoding::Json | BodyEncoding::Multipart | BodyEncoding::OctetStream) => {
                Self::Body {
                    content_type: HeaderValue::from_static(content_type::JSON),
                    bytes: encode::to_json(action)
                        .map_err(Error::invalid_request_from)?
                        .into(),
                }
            }
        })
    }
}

/// Everything besides the parameters that goes into one attempt.
#[derive(Debug)]
pub(crate) struct AttemptContext<'a> {
    pub(crate) plan: Plan,
    pub(crate) target: &'a Target,
    pub(crate) credentials: &'a Credentials,
    pub(crate) region: Option<&'a Region>,
    /// `region` as a header value, when it is ready (the client's own region).
    pub(crate) region_header: Option<&'a HeaderValue>,
    pub(crate) language: Option<&'a str>,
    pub(crate) request_client: &'a str,
    pub(crate) request_client_header: &'a HeaderValue,
    pub(crate) trace_id: &'a HeaderValue,
    pub(crate) unsigned_payload: bool,
    pub(crate) extra_headers: &'a [(HeaderName, HeaderValue)],
    pub(crate) timestamp: u64,
}

/// Builds the signed request of one attempt.
pub(crate) fn build(
    info: &ActionInfo,
    encoded: &Encoded,
    ctx: &AttemptContext<'_>,
) -> Result<http::Request<Bytes>, Error> {
    match encoded {
        Encoded::Body {
            content_type,
            bytes,
        } => build_tc3(info, ctx, "", content_type, bytes.clone(), &[]),
        Encoded::OctetStream {
            bytes,
            field_headers,
        } => build_tc3(
            info,
            ctx,
            "",
            &HeaderValue::from_static(content_type::OCTET_STREAM),
            bytes.clone(),
            field_headers,
        ),
        Encoded::Query(query) => build_tc3(
            info,
            ctx,
            query,
            &HeaderValue::from_static(content_type::FORM),
            Bytes::new(),
            &[],
        ),
        Encoded::Legacy(business) => build_legacy(info, ctx, business),
    }
}

fn build_tc3(
    info: &ActionInfo,
    ctx: &AttemptContext<'_>,
    query: &str,
    content_type: &HeaderValue,
    body: Bytes,
    field_headers: &[(HeaderName, HeaderValue)],
) -> Result<http::Request<Bytes>, Error> {
    let endpoint = ctx.target.endpoint();
    let content_type_text = content_type
        .to_str()
        .map_err(|_| Error::invalid_request("the content type must be ASCII to be signed"))?;
    let payload = if ctx.unsigned_payload {
        Payload::Unsigned
    } else {
        Payload::Bytes(&body)
    };
    let signable = SignableRequest::new(
        ctx.plan.method,
        endpoint.host_header(),
        content_type_text,
        payload,
    )
    .with_query(query);
    let signature = sign::tc3::sign_with(
        &signable,
        &SigningParams {
            secret_id: ctx.credentials.secret_id(),
            secret_key: ctx.credentials.secret_key(),
            service: info.service,
            timestamp: ctx.timestamp,
        },
        ctx.credentials.key_fingerprint(),
    );
    // Fixed texts become header values without a copy; the rest are validated once per call
    // (host, request client, trace id) or cannot fail (the timestamp).
    // Twelve entries: the nine every TC3 request carries and room for a token, a language and
    // one more before the map grows. (Sixteen would double the allocation, to 2.5 KB.)
    let mut headers = HeaderMap::with_capacity(12);
    headers.insert(http::header::HOST, ctx.target.host().clone());
    headers.insert(http::header::CONTENT_TYPE, content_type.clone());
    let mut authorization = HeaderValue::try_from(signature.into_authorization())
        .map_err(|_| Error::invalid_request("the secret id cannot appear in a header"))?;
    authorization.set_sensitive(true);
    headers.insert(http::header::AUTHORIZATION, authorization);
    put_declared(
        &mut headers,
        header::name::X_TC_ACTION,
        info.headers.action.as_ref(),
    )?;
    put_declared(
        &mut headers,
        header::name::X_TC_VERSION,
        info.headers.version.as_ref(),
    )?;
    // Digits are always a valid header value. `HeaderValue::from(u64)` would allocate twice.
    let timestamp = Decimal::new(ctx.timestamp);
    headers.insert(
        header::name::X_TC_TIMESTAMP,
        HeaderValue::from_bytes(timestamp.as_bytes())
            .map_err(|_| Error::invalid_request("the timestamp cannot be a header"))?,
    );
    match (ctx.region_header, ctx.region) {
        (Some(value), _) => {
            headers.insert(header::name::X_TC_REGION, value.clone());
        }
        (None, Some(region)) => put(&mut headers, header::name::X_TC_REGION, region.as_str())?,
        (None, None) => {}
    }
    if let Some(token) = ctx.credentials.token() {
        let mut value = HeaderValue::from_str(token)
            .map_err(|_| Error::invalid_request("the session token cannot appear in a header"))?;
        value.set_sensitive(true);
        headers.insert(header::name::X_TC_TOKEN, value);
    }
    if let Some(language) = ctx.language {
        put(&mut headers, header::name::X_TC_LANGUAGE, language)?;
    }
    headers.insert(
        header::name::X_TC_REQUEST_CLIENT,
        ctx.request_client_header.clone(),
    );
    headers.insert(header::name::X_TC_TRACE_ID, ctx.trace_id.clone());
    if ctx.unsigned_payload {
        headers.insert(
            header::name::X_TC_CONTENT_SHA256,
            HeaderValue::from_static(header::UNSIGNED_PAYLOAD),
        );
    }
    for (name, value) in field_headers {
        headers.insert(name.clone(), value.clone());
    }
    add_extra_headers(&mut headers, ctx.extra_headers);
    let uri = if query.is_empty() {
        ctx.target.uri().clone()
    } else {
        parse_uri(&format!("{}?{query}", endpoint.url()))?
    };
    Ok(finish(ctx.plan.method, uri, headers, body))
}

fn build_legacy(
    info: &ActionInfo,
    ctx: &AttemptContext<'_>,
    business: &[(String, String)],
) -> Result<http::Request<Bytes>, Error> {
    let endpoint = ctx.target.endpoint();
    let algorithm = LegacyAlgorithm::from_scheme(ctx.plan.signing)
        .ok_or_else(|| Error::invalid_request("a v1 request needs HmacSHA1 or HmacSHA256"))?;
    let common = CommonParams {
        action: info.name,
        version: info.version,
        region: ctx.region.map(Region::as_str),
        timestamp: ctx.timestamp,
        nonce: fastrand::u64(1..=u64::from(u32::MAX)),
        secret_id: ctx.credentials.secret_id(),
        secret_key: ctx.credentials.secret_key(),
        token: ctx.credentials.token(),
        language: ctx.language,
        request_client: Some(ctx.request_client),
        algorithm,
    };
    let params = sign::legacy::sign(
        ctx.plan.method,
        endpoint.host_header(),
        "/",
        &common,
        business.to_vec(),
    )
    .map_err(Error::invalid_request_from)?;
    let encoded = encode::to_query_string(&params);
    limits::check(ctx.plan.method, ctx.plan.signing, encoded.len())?;
    let mut headers = HeaderMap::with_capacity(6);
    headers.insert(http::header::HOST, ctx.target.host().clone());
    headers.insert(
        http::header::CONTENT_TYPE,
        HeaderValue::from_static(content_type::FORM),
    );
    headers.insert(header::name::X_TC_TRACE_ID, ctx.trace_id.clone());
    add_extra_headers(&mut headers, ctx.extra_headers);
    Ok(match ctx.plan.method {
        HttpMethod::Get => {
            let uri = parse_uri(&format!("{}?{encoded}", endpoint.url()))?;
            finish(HttpMethod::Get, uri, headers, Bytes::new())
        }
        HttpMethod::Post => finish(
            HttpMethod::Post,
            ctx.target.uri().clone(),
            headers,
            encoded.into(),
        ),
    })
}

/// Caller headers, except those the protocol owns: overriding them would break the signature
/// or misreport the call.
fn add_extra_headers(headers: &mut HeaderMap, extra: &[(HeaderName, HeaderValue)]) {
    for (name, value) in extra {
        let protected = name == http::header::HOST
            || name == http::header::CONTENT_TYPE
            || name == http::header::AUTHORIZATION
            || (name.as_str().starts_with("x-tc-") && name.as_str() != "x-tc-traceid");
        if protected {
            tracing::warn!(
                header = name.as_str(),
                "ignoring an override of a protocol header"
            );
            continue;
        }
        headers.insert(name.clone(), value.clone());
    }
}

fn put(headers: &mut HeaderMap, name: HeaderName, value: &str) -> Result<(), Error> {
    let value = HeaderValue::from_str(value)
        .map_err(|_| Error::invalid_request(format!("invalid value for header {name}")))?;
    headers.insert(name, value);
    Ok(())
}

/// A value of the action's declaration, built by the compiler; `None` when the declared text
/// cannot be a header value.
fn put_declared(
    headers: &mut HeaderMap,
    name: HeaderName,
    value: Option<&HeaderValue>,
) -> Result<(), Error> {
    let value = value
        .cloned()
        .ok_or_else(|| Error::invalid_request(format!("invalid value for header {name}")))?;
    headers.insert(name, value);
    Ok(())
}

fn parse_uri(url: &str) -> Result<http::Uri, Error> {
    http::Uri::try_from(url)
        .map_err(|e| Error::invalid_request(format!("cannot form the request URL: {e}")))
}

fn finish(
    method: HttpMethod,
    uri: http::Uri,
    headers: HeaderMap,
    body: Bytes,
) -> http::Request<Bytes> {
    let mut request = http::Request::new(body);
    *request.method_mut() = match method {
        HttpMethod::Get => http::Method::GET,
        HttpMethod::Post => http::Method::POST,
    };
    *request.uri_mut() = uri;
    *request.headers_mut() = headers;
    request
}

/// An octet-stream action as sent: the raw bytes of its one file field (base64 in the struct,
/// like multipart file fields) are the body, and every other field travels in a header named
/// `X-<SERVICE>-<Field>` (flattened like a query parameter when it is nested).
fn octet_stream(
    value: &serde_json::Value,
    service: &str,
    file_fields: &[&str],
) -> Result<(Vec<u8>, FieldHeaders), Error> {
    use base64::Engine as _;
    let [field] = file_fields else {
        return Err(Error::invalid_request(
            "an octet-stream action needs exactly one field marked #[tc(file)]",
        ));
    };
    let serde_json::Value::Object(fields) = value else {
        return Err(Error::invalid_request(
            "an octet-stream action must be a struct with named fields",
        ));
    };
    let text = match fields.get(*field) {
        Some(serde_json::Value::String(text)) => text,
        Some(serde_json::Value::Null) | None => {
            return Err(Error::invalid_request(format!(
                "parameter `{field}` holds the body of this octet-stream action and is missing"
            )));
        }
        Some(_) => {
            return Err(Error::invalid_request(format!(
                "parameter `{field}` must be base64 text: it is the body of this octet-stream action"
            )));
        }
    };
    let body = base64::engine::general_purpose::STANDARD
        .decode(text)
        .map_err(|e| Error::invalid_request(format!("parameter `{field}` is not base64: {e}")))?;
    // Every field but the file one, which can be large and is already the body.
    let others: serde_json::Map<String, serde_json::Value> = fields
        .iter()
        .filter(|(name, _)| name.as_str() != *field)
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect();
    let prefix = format!("X-{}-", service.to_ascii_uppercase());
    let headers = encode::flatten(&others)
        .map_err(Error::invalid_request_from)?
        .into_iter()
        .map(|(key, value)| {
            let name = format!("{prefix}{key}");
            let header_name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
                Error::invalid_request(format!(
                    "parameter `{key}` cannot be sent as header `{name}`: not a header name"
                ))
            })?;
            // UTF-8 text is sent as it is, as the official SDKs do; only control characters,
            // which would break the header, are refused.
            let header_value = HeaderValue::from_bytes(value.as_bytes()).map_err(|_| {
                Error::invalid_request(format!(
                    "parameter `{key}` cannot be sent in header `{name}`: it holds a control character"
                ))
            })?;
            Ok((header_name, header_value))
        })
        .collect::<Result<_, Error>>()?;
    Ok((body, headers))
}
