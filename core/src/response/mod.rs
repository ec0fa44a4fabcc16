//! The response envelope: `{"Response": {..., "RequestId": "..."}}`.
//!
//! A processed request always answers with a `Response` object; `Response.Error` means the call
//! failed with a service error, anything else is the action's result. Anything that is not this
//! shape (an HTML error page, a truncated body, a non-200 status without the error envelope) is a
//! decode error carrying the status and a short snippet.

mod one_pass;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::error::{Error, ErrorKind, ServiceError};

#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(rename = "Response", borrow)]
    response: Option<&'a RawValue>,
}

/// The fields every response may carry, read before the action-specific ones. Each is read as
/// any JSON value and interpreted afterwards, so one odd field (a `Message` of `null`, a numeric
/// `RequestId`) cannot hide the others: an error keeps its code and request id.
#[derive(Deserialize)]
struct Common {
    #[serde(rename = "Error")]
    error: Option<serde_json::Value>,
    #[serde(rename = "RequestId")]
    request_id: Option<serde_json::Value>,
    #[serde(rename = "DeprecatedWarning")]
    deprecated_warning: Option<serde_json::Value>,
}

/// A field meant to be text: strings as they are, other values as their JSON text, and `null`
/// (or no value) as nothing.
fn text_of(value: Option<serde_json::Value>) -> Option<String> {
    match value? {
        serde_json::Value::Null => None,
        serde_json::Value::String(text) => Some(text),
        other => Some(other.to_string()),
    }
}

/// A decoded successful response.
#[derive(Debug)]
pub struct Decoded<R> {
    /// The typed result.
    pub value: R,
    /// `Response.RequestId`.
    pub request_id: Option<String>,
    /// `Response.DeprecatedWarning`, when the service flags the action or a parameter as
    /// deprecated.
    pub deprecated_warning: Option<String>,
}

/// Decodes an answer into the typed response or the error it carries.
///
/// # Errors
/// A service error for `Response.Error`; a decode error (with the status and a short snippet of
/// the body) for a non-200 status, a body that is not JSON, or one that is not the envelope or
/// does not match the response type.
pub fn decode<R: DeserializeOwned>(status: u16, body: &[u8]) -> Result<Decoded<R>, Error> {
    if status == 200
        && let Some(decoded) = one_pass::decode(body)
    {
        return Ok(decoded);
    }
    decode_plainly(status, body)
}

/// [`decode`] without the one-pass shortcut: three parses (the envelope, the keys every answer
/// may carry, then the type), with a precise error for every way an answer can be wrong.
pub(crate) fn decode_plainly<R: DeserializeOwned>(
    status: u16,
    body: &[u8],
) -> Result<Decoded<R>, Error> {
    let answer = PlainAnswer::read(status, body)?;
    // The type's own `Deserialize` straight from the text, the reference the one-pass decoder
    // is checked against: it also takes what that decoder cannot (an `Option`, a newtype, a
    // raw value).
    // The request id stays on the error: the call may have done its work (a mail sent) even
    // though its answer cannot be read, and the id is what support asks for.
    let value: R = serde_json::from_str(answer.response).map_err(|e| {
        Error::decode(
            status,
            format!(
                "the response does not match the expected type ({})",
                in_body(&e, body, answer.response)
            ),
            body,
        )
        .with_request_id(answer.request_id.clone())
    })?;
    Ok(Decoded {
        value,
        request_id: answer.request_id,
        deprecated_warning: answer.deprecated_warning,
    })
}

/// A type mismatch inside the `Response` object, with its position counted in the whole body
/// (the text the error shows), not in the object serde read it from.
fn in_body(error: &serde_json::Error, body: &[u8], response: &str) -> String {
    let text = error.to_string();
    let (line, column) = (error.line(), error.column());
    let Some(what) = text.strip_suffix(&format!(" at line {line} column {column}")) else {
        return text;
    };
    // `response` borrows from `body`: its distance from the start is where the object begins.
    let offset = (response.as_ptr() as usize).wrapping_sub(body.as_ptr() as usize);
    let Some(before) = body.get(..offset) else {
        return text;
    };
    // The line the object starts on, counted from 1, and where that line starts.
    let start_line = before.split(|&byte| byte == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&byte| byte == b'\n')
        .map_or(0, |at| at + 1);
    let (line, column) = if line == 1 {
        (start_line, offset - line_start + column)
    } else {
        (start_line + line - 1, column)
    };
    format!("{what} at line {line} column {column} of the body")
}

/// What the plain decoder knows before it reads the action's type. Reading it does not depend
/// on the type, so it is compiled once here rather than in every crate that decodes a response.
struct PlainAnswer<'a> {
    /// The text of the `Response` object.
    response: &'a str,
    request_id: Option<String>,
    deprecated_warning: Option<String>,
}

impl<'a> PlainAnswer<'a> {
    /// Checks the status and the envelope; a `Response.Error` becomes the service error.
    fn read(status: u16, body: &'a [u8]) -> Result<Self, Error> {
        if status != 200 {
            // The API answers with 200, errors included; another status comes from a gateway
            // or proxy. One that passes the API's error envelope on under its own status (a 429
            // with `RequestLimitExceeded`) keeps the code and request id, so throttling is still
            // seen as such; anything else is not an API answer.
            return Err(match Self::read_envelope(status, body) {
                Err(error) if error.kind() == ErrorKind::Service => error,
                _ => Error::decode(status, "the HTTP status is not 200", body),
            });
        }
        Self::read_envelope(status, body)
    }

    /// Reads the envelope, whatever the status.
    fn read_envelope(status: u16, body: &'a [u8]) -> Result<Self, Error> {
        // Read as text, as every other JSON in a call is: one `serde_json` reader type
        // instead of two keeps a second copy of the parser out of the build.
        let text = std::str::from_utf8(body).map_err(|e| {
            Error::decode(
                status,
                format!("the body is not JSON (not UTF-8 text: {e})"),
                body,
            )
        })?;
        let envelope: Envelope<'_> = serde_json::from_str(text)
            .map_err(|e| Error::decode(status, format!("the body is not JSON ({e})"), body))?;
        let Some(inner) = envelope.response else {
            return Err(Error::decode(
                status,
                "the body has no `Response` object",
                body,
            ));
        };
        let common: Common = serde_json::from_str(inner.get()).map_err(|e| {
            Error::decode(
                status,
                format!("the `Response` object is malformed ({e})"),
                body,
            )
        })?;
        let request_id = text_of(common.request_id).filter(|id| !id.is_empty());
        match common.error {
            None | Some(serde_json::Value::Null) => {}
            Some(serde_json::Value::Object(mut fields)) => {
                let code = text_of(fields.remove("Code")).filter(|code| !code.is_empty());
                let Some(code) = code else {
                    return Err(Error::decode(
                        status,
                        "the `Response.Error` object has no `Code`",
                        body,
                    )
                    .with_request_id(request_id));
                };
                return Err(Error::service_with_status(
                    ServiceError {
                        code,
                        message: text_of(fields.remove("Message")).unwrap_or_default(),
                        request_id: request_id.unwrap_or_default(),
                    },
                    status,
                ));
            }
            Some(_) => {
                return Err(
                    Error::decode(status, "`Response.Error` is not an object", body)
                        .with_request_id(request_id),
                );
            }
        }
        Ok(Self {
            response: inner.get(),
            request_id,
            deprecated_warning: common.deprecated_warning.and_then(deprecation_text),
        })
    }
}

/// The text of `DeprecatedWarning`: absent when null or empty, the JSON text when not a string.
fn deprecation_text(warning: serde_json::Value) -> Option<String> {
    match warning {
        serde_json::Value::Null => None,
        serde_json::Value::String(text) if text.is_empty() => None,
        serde_json::Value::String(text) => Some(text),
        other => Some(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Sent {
        #[serde(rename = "MessageId")]
        message_id: String,
    }

    #[test]
    fn success_decodes_into_the_type_with_request_id() {
        let body =
            br#"{"Response":{"MessageId":"m-1","RequestId":"r-1","DeprecatedWarning":"old"}}"#;
        let decoded: Decoded<Sent> = decode(200, body).unwrap();
        assert_eq!(decoded.value.message_id, "m-1");
        assert_eq!(decoded.request_id.as_deref(), Some("r-1"));
        assert_eq!(decoded.deprecated_warning.as_deref(), Some("old"));
    }

    /// serde counts from the start of the `Response` object; the message counts in the body it
    /// shows, so the position can be found there.
    #[test]
    fn a_type_mismatch_is_placed_in_the_whole_body() {
        let body = br#"{"Response":{"MessageId":2,"RequestId":"r-1"}}"#;
        let err = decode::<Sent>(200, body).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode);
        let text = err.to_string();
        let column = body.iter().position(|&byte| byte == b'2').unwrap() + 1;
        assert!(
            text.contains(&format!(
                "invalid type: integer `2`, expected a string at line 1 column {column} of the body"
            )),
            "{text}"
        );
        assert_eq!(err.request_id(), Some("r-1"));

        let body =
            b"{\n  \"Response\": {\n    \"MessageId\": 2,\n    \"RequestId\": \"r-1\"\n  }\n}";
        let text = decode::<Sent>(200, body).unwrap_err().to_string();
        assert!(text.contains("at line 3 column 18 of the body"), "{text}");
        let body = b"{\"Response\": {\"MessageId\": 2}}";
        let text = decode::<Sent>(200, body).unwrap_err().to_string();
        assert!(text.contains("at line 1 column 28 of the body"), "{text}");
    }

    #[test]
    fn error_object_becomes_a_service_error() {
        let body = br#"{"Response":{"Error":{"Code":"InvalidParameter","Message":"bad"},"RequestId":"r-2"}}"#;
        let err = decode::<Sent>(200, body).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Service);
        assert_eq!(err.code(), Some("InvalidParameter"));
        assert_eq!(err.message(), Some("bad"));
        assert_eq!(err.request_id(), Some("r-2"));
    }

    /// Response types the one-pass decoder does not take (it steps aside) still decode: an
    /// `Option`, a newtype and a raw value are read by their own `Deserialize`.
    #[test]
    fn any_deserializable_response_type_decodes() {
        #[derive(Debug, Deserialize, PartialEq)]
        struct Wrapped(Sent);

        let body = br#"{"Response":{"MessageId":"m-1","RequestId":"r-1"}}"#;
        let optional: Decoded<Option<Sent>> = decode(200, body).unwrap();
        assert_eq!(optional.value.unwrap().message_id, "m-1");
        assert_eq!(optional.request_id.as_deref(), Some("r-1"));
        let wrapped: Decoded<Wrapped> = decode(200, body).unwrap();
        assert_eq!(wrapped.value.0.message_id, "m-1");
        let raw: Decoded<Box<RawValue>> = decode(200, body).unwrap();
        assert_eq!(raw.value.get(), r#"{"MessageId":"m-1","RequestId":"r-1"}"#);
        let value: Decoded<serde_json::Value> = decode(200, body).unwrap();
        assert_eq!(value.value["MessageId"], "m-1");
    }

    #[test]
    fn odd_error_fields_keep_the_code_and_the_request_id() {
        for (body, code, message, request_id) in [
            (
                &br#"{"Response":{"Error":{"Code":"InternalError","Message":null},"RequestId":"r-3"}}"#[..],
                "InternalError",
                "",
                Some("r-3"),
            ),
            (
                br#"{"Response":{"Error":{"Code":"RequestLimitExceeded"},"RequestId":7}}"#,
                "RequestLimitExceeded",
                "",
                Some("7"),
            ),
            (
                br#"{"Response":{"Error":{"Code":"InvalidParameter","Message":{"field":"x"}}}}"#,
                "InvalidParameter",
                r#"{"field":"x"}"#,
                None,
            ),
        ] {
            let err = decode::<Sent>(200, body).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Service, "{err}");
            assert_eq!(err.code(), Some(code));
            assert_eq!(err.message(), Some(message));
            assert_eq!(err.request_id(), request_id, "{err}");
            assert!(!err.to_string().contains("request id )"), "{err}");
        }
        let throttled = decode::<Sent>(
            200,
            br#"{"Response":{"Error":{"Code":"RequestLimitExceeded","Message":null}}}"#,
        )
        .unwrap_err();
        assert!(
            throttled.is_throttling(),
            "a null message does not hide the code"
        );
    }

    #[test]
    fn an_unreadable_answer_keeps_its_request_id() {
        let err =
            decode::<Sent>(200, br#"{"Response":{"MessageId":7,"RequestId":"r-4"}}"#).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode);
        assert_eq!(err.request_id(), Some("r-4"));
        assert!(err.to_string().contains("request id r-4"), "{err}");
        let err =
            decode::<Sent>(200, br#"{"Response":{"Error":{},"RequestId":"r-5"}}"#).unwrap_err();
        assert_eq!(err.request_id(), Some("r-5"));
        assert_eq!(err.code(), None);
    }

    #[test]
    fn malformed_answers_are_decode_errors_never_panics() {
        let big = vec![b'x'; 20 * 1024 * 1024];
        let cases: Vec<(u16, &[u8], &str)> = vec![
            (200, b"", "not JSON"),
            (
                200,
                b"<html><body>502 Bad Gateway</body></html>",
                "not JSON",
            ),
            (200, br#"{"Response":{"MessageId":"m"#, "not JSON"),
            (200, b"[]", "not JSON"),
            (200, b"{}", "no `Response` object"),
            (200, br#"{"Response":[]}"#, "malformed"),
            (
                200,
                br#"{"Response":{"Error":{"Message":"no code"}}}"#,
                "has no `Code`",
            ),
            (
                200,
                br#"{"Response":{"Error":"oops","RequestId":"r"}}"#,
                "is not an object",
            ),
            (200, br#"{"Response":{"RequestId":"r"}}"#, "does not match"),
            (502, b"<html>bad gateway</html>", "status is not 200"),
            (200, &big, "not JSON"),
            (200, b"\xff\xfe\x00", "not JSON"),
        ];
        for (status, body, expected) in cases {
            let err = decode::<Sent>(status, body).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Decode, "{err}");
            assert_eq!(err.http_status(), Some(status));
            let text = err.to_string();
            assert!(text.contains(expected), "{text}");
            assert!(text.len() < 600, "{}", text.len());
        }
    }
}
