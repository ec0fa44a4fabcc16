//! The answers of the API front: always HTTP 200 with `{"Response": {..., "RequestId"}}`, a
//! JSON content type and a `Date` header clients use to correct a skewed clock.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use crate::backend::ApiError;
use crate::redact::bounded_message;

/// A fresh request id, a random UUID like the ones Tencent Cloud returns.
pub(crate) fn request_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A success answer: the backend's fields plus `RequestId`.
///
/// A backend that answers something other than a JSON object has a bug; the caller gets an
/// `InternalError` saying so rather than a malformed envelope.
pub(crate) fn success(fields: Value, request_id: &str) -> Response {
    let Value::Object(mut fields) = fields else {
        return error(
            &ApiError::new(
                "InternalError",
                "the emulator's backend produced an answer that is not a JSON object",
            ),
            request_id,
        );
    };
    fields.insert("RequestId".to_owned(), Value::String(request_id.to_owned()));
    respond(&fields)
}

/// An error answer with `Response.Error.{Code, Message}`. Both are bounded (512 characters,
/// control characters escaped) whatever produced them: a message may repeat a parameter name
/// or a decoder's wording about a value, and a 10 KB name must not come straight back.
pub(crate) fn error(error: &ApiError, request_id: &str) -> Response {
    let mut fields = Map::new();
    fields.insert(
        "Error".to_owned(),
        json!({
            "Code": bounded_message(&error.code),
            "Message": bounded_message(&error.message),
        }),
    );
    fields.insert("RequestId".to_owned(), Value::String(request_id.to_owned()));
    respond(&fields)
}

/// A bare HTTP error status, as an overloaded gateway answers (the "status" fault).
pub(crate) fn status(status: u16) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
    let text = format!(
        "{} {} (fault injected by the emulator)\n",
        status.as_u16(),
        status.canonical_reason().unwrap_or("Error")
    );
    let mut response = (status, text).into_response();
    add_date(&mut response);
    response
}

fn respond(fields: &Map<String, Value>) -> Response {
    let body = json!({ "Response": fields }).to_string();
    let mut response = (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body,
    )
        .into_response();
    add_date(&mut response);
    response
}

fn add_date(response: &mut Response) {
    if let Ok(date) = HeaderValue::from_str(&tencentcloud_core::clock::http_date_now()) {
        response.headers_mut().insert(header::DATE, date);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::to_bytes;

    async fn body_of(response: Response) -> Value {
        let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
        serde_json::from_slice(&bytes).unwrap()
    }

    #[tokio::test]
    async fn success_adds_the_request_id_inside_response() {
        let response = success(json!({"MessageId": "m-1"}), "rid");
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.headers().contains_key(header::DATE));
        assert_eq!(
            body_of(response).await,
            json!({"Response": {"MessageId": "m-1", "RequestId": "rid"}})
        );
    }

    #[tokio::test]
    async fn errors_use_the_documented_shape() {
        let response = error(&ApiError::new("InvalidAction", "no such action"), "rid");
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            body_of(response).await,
            json!({"Response": {"Error": {"Code": "InvalidAction", "Message": "no such action"}, "RequestId": "rid"}})
        );
    }

    #[tokio::test]
    async fn long_codes_and_messages_are_cut() {
        let long = "X".repeat(10_000);
        let body = body_of(error(&ApiError::new(&long, format!("bad `{long}`")), "rid")).await;
        let code = body["Response"]["Error"]["Code"].as_str().unwrap();
        let message = body["Response"]["Error"]["Message"].as_str().unwrap();
        assert!(
            code.chars().count() <= 515 && code.ends_with("..."),
            "{code}"
        );
        assert!(
            message.chars().count() <= 515 && message.starts_with("bad `X"),
            "{message}"
        );
    }

    #[tokio::test]
    async fn a_non_object_answer_becomes_an_internal_error() {
        let body = body_of(success(json!([1, 2]), "rid")).await;
        assert_eq!(body["Response"]["Error"]["Code"], "InternalError");
    }

    #[test]
    fn request_ids_are_fresh_uuids() {
        let (a, b) = (request_id(), request_id());
        assert_ne!(a, b);
        assert!(uuid::Uuid::parse_str(&a).is_ok());
    }
}
