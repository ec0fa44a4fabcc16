//! The JSON body of a TC3 POST request: the action's parameters as one compact JSON object.

use serde::Serialize;

use super::EncodeError;

/// Writes `value` as a compact JSON object, the exact bytes that are then hashed, signed and
/// sent.
///
/// Fields the declaration marks to skip when `None` are absent, as the official SDKs drop
/// unset fields; non-ASCII text is written as raw UTF-8, which Tencent accepts as long as the
/// signed bytes are the sent bytes. A value without parameters (a unit struct) gives `{}`,
/// since the service expects an object.
///
/// # Errors
/// If `value` is not a JSON object (a list or a bare string, say), or its `Serialize` impl
/// fails, e.g. for a map whose keys are not text. Non-finite floats are written as `null`, as
/// `serde_json` does.
///
/// ```
/// #[derive(serde::Serialize)]
/// #[serde(rename_all = "PascalCase")]
/// struct Template { #[serde(rename = "TemplateID")] template_id: u64 }
///
/// let body = tencentcloud_core::encode::to_json(&Template { template_id: 100 })?;
/// assert_eq!(body, br#"{"TemplateID":100}"#);
/// # Ok::<(), tencentcloud_core::encode::EncodeError>(())
/// ```
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, EncodeError> {
    // Most request bodies are a few hundred bytes: one allocation instead of a few regrowths.
    let mut body = Vec::with_capacity(512);
    serde_json::to_writer(&mut body, value).map_err(|error| {
        EncodeError::whole(format!("the JSON body could not be written: {error}"))
    })?;
    match body.first() {
        Some(b'{') => Ok(body),
        _ if body == b"null" => Ok(b"{}".to_vec()),
        _ => Err(EncodeError::whole(
            "the parameters must be a struct or a map, so the JSON body is an object",
        )),
    }
}
