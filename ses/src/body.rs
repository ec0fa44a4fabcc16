//! Mail bodies: [`Simple`] (raw content of `SendEmail`/`BatchSendEmail`) and
//! [`TemplateContent`] (a template's body) from HTML and/or plain text, base64 handled here.
//!
//! On the wire both carry their `Html` and `Text` base64-encoded (ses.md §5 `Simple`,
//! `TemplateContent`); these constructors take ordinary text and encode it, and the `decoded_*`
//! methods give the text back. Sending raw content through `Simple` needs a permission Tencent
//! grants on request; everyone else sends with a template.
//!
//! ```
//! use tencentcloud_ses::types::Simple;
//!
//! let body = Simple::from_html_and_text("<p>Hello</p>", "Hello");
//! assert_eq!(body.html.as_deref(), Some("PHA+SGVsbG88L3A+"));
//! assert_eq!(body.decoded_text()?.as_deref(), Some("Hello"));
//! # Ok::<(), tencentcloud_ses::body::BodyError>(())
//! ```

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::types::{Simple, TemplateContent};

/// Why a base64 body cannot be read back as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BodyError {
    /// The field is not valid base64.
    #[error("`{field}` body is not valid base64: {detail}")]
    NotBase64 {
        /// The wire name of the field, `Html` or `Text`.
        field: &'static str,
        /// What the decoder objected to.
        detail: String,
    },
    /// The field decodes to bytes that are not UTF-8 text.
    #[error("`{field}` body decodes to bytes that are not UTF-8 text")]
    NotUtf8 {
        /// The wire name of the field, `Html` or `Text`.
        field: &'static str,
    },
}

/// Base64 of `text`'s UTF-8 bytes, as the wire carries bodies.
fn encode(text: &str) -> String {
    STANDARD.encode(text.as_bytes())
}

/// The text a base64 body field holds, if the field is set.
fn decode(field: &'static str, value: Option<&str>) -> Result<Option<String>, BodyError> {
    let Some(value) = value else {
        return Ok(None);
    };
    let bytes = STANDARD
        .decode(value)
        .map_err(|error| BodyError::NotBase64 {
            field,
            detail: error.to_string(),
        })?;
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| BodyError::NotUtf8 { field })
}

impl Simple {
    /// A body with an HTML part only. The HTML must be self-contained: SES does not allow links
    /// to external style sheets.
    pub fn from_html(html: &str) -> Simple {
        Simple {
            html: Some(encode(html)),
            text: None,
        }
    }

    /// A body with a plain-text part only.
    pub fn from_text(text: &str) -> Simple {
        Simple {
            html: None,
            text: Some(encode(text)),
        }
    }

    /// A body with both parts; mail clients that do not show HTML show the text.
    pub fn from_html_and_text(html: &str, text: &str) -> Simple {
        Simple {
            html: Some(encode(html)),
            text: Some(encode(text)),
        }
    }

    /// The HTML part as text, if there is one.
    ///
    /// # Errors
    /// [`BodyError`] when the field is not base64 of UTF-8 text.
    pub fn decoded_html(&self) -> Result<Option<String>, BodyError> {
        decode("Html", self.html.as_deref())
    }

    /// The plain-text part as text, if there is one.
    ///
    /// # Errors
    /// [`BodyError`] when the field is not base64 of UTF-8 text.
    pub fn decoded_text(&self) -> Result<Option<String>, BodyError> {
        decode("Text", self.text.as_deref())
    }
}

impl TemplateContent {
    /// A template body with an HTML part only; `{{name}}` marks a variable.
    pub fn from_html(html: &str) -> TemplateContent {
        TemplateContent {
            html: Some(encode(html)),
            text: None,
        }
    }

    /// A template body with a plain-text part only; `{{name}}` marks a variable.
    pub fn from_text(text: &str) -> TemplateContent {
        TemplateContent {
            html: None,
            text: Some(encode(text)),
        }
    }

    /// A template body with both parts.
    pub fn from_html_and_text(html: &str, text: &str) -> TemplateContent {
        TemplateContent {
            html: Some(encode(html)),
            text: Some(encode(text)),
        }
    }

    /// The HTML part as text, if there is one.
    ///
    /// # Errors
    /// [`BodyError`] when the field is not base64 of UTF-8 text.
    pub fn decoded_html(&self) -> Result<Option<String>, BodyError> {
        decode("Html", self.html.as_deref())
    }

    /// The plain-text part as text, if there is one.
    ///
    /// # Errors
    /// [`BodyError`] when the field is not base64 of UTF-8 text.
    pub fn decoded_text(&self) -> Result<Option<String>, BodyError> {
        decode("Text", self.text.as_deref())
    }
}
