//! Small helpers every action shares: decoding the checked parameters into a typed request,
//! answering with a typed response, building errors, and paging lists.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use tencentcloud_ses::error_codes::{self, failed_operation};

use crate::backend::ApiError;

/// The largest page most list actions allow (`FailedOperation.InvalidLimit` above it).
pub(super) const MAX_PAGE: u64 = 100;

/// The result of one action: the response fields, or the error to answer with.
pub(super) type Answer = Result<Value, ApiError>;

/// An error with a code and a message.
pub(super) fn error(code: &str, message: impl Into<String>) -> ApiError {
    ApiError::new(code, message)
}

/// Decodes parameters already checked against the schema into the action's request type.
///
/// # Errors
/// `InvalidParameter` when a value the schema allows still does not fit the type (for
/// example an integer too large for its field), naming the parameter.
pub(super) fn decode<T: DeserializeOwned>(params: Value) -> Result<T, ApiError> {
    serde_json::from_value(params).map_err(|e| error(error_codes::INVALID_PARAMETER, e.to_string()))
}

/// Serializes a typed response and drops its `RequestId`, which the front adds.
///
/// # Errors
/// `InternalError` if the response cannot be written as a JSON object, which would be a bug.
pub(super) fn respond<T: Serialize>(response: &T) -> Answer {
    match serde_json::to_value(response) {
        Ok(Value::Object(mut fields)) => {
            fields.remove("RequestId");
            Ok(Value::Object(fields))
        }
        Ok(_) => Err(error(
            error_codes::INTERNAL_ERROR,
            "the response did not serialize to an object",
        )),
        Err(e) => Err(error(error_codes::INTERNAL_ERROR, e.to_string())),
    }
}

/// Checks a page size against [`MAX_PAGE`].
///
/// # Errors
/// `FailedOperation.InvalidLimit` above it.
pub(super) fn check_limit(limit: u64) -> Result<(), ApiError> {
    if limit > MAX_PAGE {
        return Err(error(
            failed_operation::INVALID_LIMIT,
            format!("Limit is {limit}; at most {MAX_PAGE} entries are returned per page"),
        ));
    }
    Ok(())
}

/// The entries of one page: skip `offset`, keep `limit`.
pub(super) fn page<T>(items: impl IntoIterator<Item = T>, offset: u64, limit: u64) -> Vec<T> {
    let offset = usize::try_from(offset).unwrap_or(usize::MAX);
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    items.into_iter().skip(offset).take(limit).collect()
}

/// A count as the wire's unsigned integer.
pub(super) fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}
