//! The contract between the protocol front and a service backend.
//!
//! The front verifies the signature, checks the version, applies faults and wraps answers in
//! the `{"Response": {..., "RequestId"}}` envelope; a backend only sees an action name and its
//! parameters, and answers with the response fields or an [`ApiError`].

use serde::de::DeserializeOwned;

/// The parameters of one call, as they arrived.
#[derive(Debug, Clone, PartialEq)]
pub enum Params {
    /// A JSON object body (TC3 POST), or a multipart body already turned into JSON.
    Json(serde_json::Value),
    /// Flattened `Name.0.Field=value` pairs from a query string or form body, percent-decoded,
    /// with the common v1 parameters (`Action`, `Nonce`, `Signature`, ...) removed.
    Flat(Vec<(String, String)>),
}

impl Params {
    /// The parameters as a JSON object; flattened values stay strings (`"20"`, `"true"`).
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Self::Json(value) => value.clone(),
            Self::Flat(pairs) => tencentcloud_core::encode::to_json_value(pairs),
        }
    }

    /// Decodes into a typed request: JSON as is, flattened pairs with numbers and booleans
    /// parsed from their text.
    ///
    /// # Errors
    /// `InvalidParameter` naming the parameter whose value has the wrong type.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<T, ApiError> {
        match self {
            Self::Json(value) => serde_json::from_value(value.clone())
                .map_err(|e| ApiError::new("InvalidParameter", e.to_string())),
            Self::Flat(pairs) => tencentcloud_core::encode::from_pairs(pairs)
                .map_err(|e| ApiError::new("InvalidParameter", e.to_string())),
        }
    }
}

/// An error answer: `Response.Error.{Code, Message}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// Tencent's error code, e.g. `MissingParameter` or `FailedOperation.EmailAddrInBlacklist`.
    pub code: String,
    /// A human-readable explanation.
    pub message: String,
}

impl ApiError {
    /// An error with this code and message.
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
        }
    }
}

/// A service implementation behind the front.
pub trait Backend: Send + Sync + 'static {
    /// The service name, the first label of its domain (`ses`); also the TC3 credential scope.
    fn service(&self) -> &'static str;

    /// The API version this backend speaks (`2020-10-02`).
    fn version(&self) -> &'static str;

    /// The regions the service answers in, or `None` for a service that takes any region. When
    /// it names some, a call that names another one (`X-TC-Region`, or `Region` in v1) is
    /// answered `UnsupportedRegion`; a call that names none is let through.
    fn regions(&self) -> Option<&'static [&'static str]> {
        None
    }

    /// Handles one verified call: `Ok` holds the response fields without `RequestId`, which the
    /// front adds. Unknown actions answer `InvalidAction`; missing, undeclared or mistyped
    /// parameters `MissingParameter`, `UnknownParameter` or `InvalidParameter`.
    ///
    /// # Errors
    /// The [`ApiError`] to answer with.
    fn call(&self, action: &str, params: &Params) -> Result<serde_json::Value, ApiError>;

    /// Forgets all state.
    fn reset(&self);
}
