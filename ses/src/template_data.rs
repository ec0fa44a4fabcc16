//! Template variables (`TemplateData`): from any `Serialize` value to the JSON object text SES
//! expects, and the check that a given text is such an object.
//!
//! SES wants the variables of a template as a JSON object *serialized into a string*: each key
//! is a variable written `{{key}}` in the template, `"{}"` means no variables (ses.md §13).
//! Passing a struct or a map here avoids hand-written JSON and its escaping mistakes.
//!
//! ```
//! use serde::Serialize;
//! use tencentcloud_ses::template_data::to_template_data;
//!
//! #[derive(Serialize)]
//! struct Welcome<'a> {
//!     name: &'a str,
//!     code: &'a str,
//! }
//!
//! let data = to_template_data(&Welcome { name: "Ann \"A\"", code: "1234" })?;
//! assert_eq!(data, r#"{"name":"Ann \"A\"","code":"1234"}"#);
//! # Ok::<(), tencentcloud_ses::template_data::TemplateDataError>(())
//! ```

use serde::Serialize;
use serde::de::IgnoredAny;

use crate::types::{ReceiverInputData, Template};

/// The longest per-recipient template data SES accepts in a recipient list, in bytes of JSON
/// text (`ReceiverInputData.TemplateData`, error `InvalidParameterValue.TemplateDataLenLimit`).
pub const MAX_RECEIVER_TEMPLATE_DATA_BYTES: usize = 800;

/// Why a value cannot serve as template data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TemplateDataError {
    /// The value is valid JSON but not an object.
    // No advice about Rust values here: the emulator answers SDKs in any language with this.
    #[error("template data must be a JSON object such as {{\"name\":\"value\"}}, found {found}")]
    NotAnObject {
        /// What kind of JSON value it is (`an array`, `a string`, …).
        found: &'static str,
    },
    /// The text is not valid JSON.
    #[error("template data is not valid JSON: {detail}")]
    NotJson {
        /// What the JSON reader objected to, with line and column.
        detail: String,
    },
    /// The value could not be serialized to JSON (for example a map with non-string keys).
    #[error("template data cannot be serialized to JSON: {detail}")]
    Serialize {
        /// What the serializer objected to.
        detail: String,
    },
    /// Per-recipient data is longer than a recipient list allows.
    #[error(
        "per-recipient template data is {bytes} bytes of JSON; SES allows at most {limit} bytes"
    )]
    TooLong {
        /// The length of the JSON text, in bytes.
        bytes: usize,
        /// The limit, [`MAX_RECEIVER_TEMPLATE_DATA_BYTES`].
        limit: usize,
    },
}

impl From<TemplateDataError> for tencentcloud_core::Error {
    fn from(error: TemplateDataError) -> tencentcloud_core::Error {
        // Nothing was sent; the template-data error stays the source, for callers who match it.
        tencentcloud_core::Error::invalid_request_from(error)
    }
}

/// Serializes `value` to the compact JSON text of a template's variables.
///
/// # Errors
/// [`TemplateDataError::NotAnObject`] when `value` does not serialize to a JSON object (a bare
/// string, number, sequence, `None`, …); [`TemplateDataError::Serialize`] when it cannot be
/// serialized at all.
pub fn to_template_data<T: Serialize + ?Sized>(value: &T) -> Result<String, TemplateDataError> {
    let text = serde_json::to_string(value).map_err(|error| TemplateDataError::Serialize {
        detail: error.to_string(),
    })?;
    // serde_json writes compact JSON, so the first byte tells the kind of value.
    match kind_of(&text) {
        "an object" => Ok(text),
        found => Err(TemplateDataError::NotAnObject { found }),
    }
}

/// Checks that `text`, given as template data, is a JSON object.
///
/// # Errors
/// [`TemplateDataError::NotJson`] when `text` is not JSON, [`TemplateDataError::NotAnObject`]
/// when it is JSON of another kind.
pub fn check_template_data(text: &str) -> Result<(), TemplateDataError> {
    // Validates the whole text (with serde_json's nesting limit) without building a tree.
    serde_json::from_str::<IgnoredAny>(text).map_err(|error| TemplateDataError::NotJson {
        detail: error.to_string(),
    })?;
    match kind_of(text) {
        "an object" => Ok(()),
        found => Err(TemplateDataError::NotAnObject { found }),
    }
}

/// Serializes per-recipient variables for a recipient list, which also caps their length.
///
/// # Errors
/// As [`to_template_data`], plus [`TemplateDataError::TooLong`] beyond
/// [`MAX_RECEIVER_TEMPLATE_DATA_BYTES`].
pub fn to_receiver_template_data<T: Serialize + ?Sized>(
    value: &T,
) -> Result<String, TemplateDataError> {
    let text = to_template_data(value)?;
    if text.len() > MAX_RECEIVER_TEMPLATE_DATA_BYTES {
        return Err(TemplateDataError::TooLong {
            bytes: text.len(),
            limit: MAX_RECEIVER_TEMPLATE_DATA_BYTES,
        });
    }
    Ok(text)
}

impl Template {
    /// The template `template_id` with its variables taken from `data`, any value that
    /// serializes to a JSON object (a struct, a map, `serde_json::json!({...})`).
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// use tencentcloud_ses::Template;
    ///
    /// let data = BTreeMap::from([("code", "1234")]);
    /// let template = Template::with_data(100_091, &data)?;
    /// assert_eq!(template.template_data, r#"{"code":"1234"}"#);
    /// # Ok::<(), tencentcloud_ses::template_data::TemplateDataError>(())
    /// ```
    ///
    /// # Errors
    /// As [`to_template_data`].
    pub fn with_data<T: Serialize + ?Sized>(
        template_id: u64,
        data: &T,
    ) -> Result<Template, TemplateDataError> {
        Ok(Template {
            template_id,
            template_data: to_template_data(data)?,
        })
    }
}

impl ReceiverInputData {
    /// A recipient for a recipient list, with its own template variables taken from `data`.
    ///
    /// # Errors
    /// As [`to_receiver_template_data`]: `data` must serialize to a JSON object of at most
    /// [`MAX_RECEIVER_TEMPLATE_DATA_BYTES`] bytes.
    pub fn with_data<T: Serialize + ?Sized>(
        email: impl Into<String>,
        data: &T,
    ) -> Result<ReceiverInputData, TemplateDataError> {
        Ok(ReceiverInputData {
            email: email.into(),
            template_data: to_receiver_template_data(data)?,
        })
    }
}

/// The kind of the JSON value `text` holds, judged by its first non-blank byte; only called on
/// text already known to be JSON.
fn kind_of(text: &str) -> &'static str {
    match text.trim_start().as_bytes().first() {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b'n') => "null",
        Some(b't' | b'f') => "a boolean",
        Some(_) => "a number",
        None => "nothing",
    }
}
