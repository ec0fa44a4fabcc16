//! Mail bodies: [`Simple`] (raw content of `SendEmail`/`BatchSendEmail`) and
//! [`TemplateContent`] (a template's body) from HTML and/or plain text, base64 handled here.
//!
//! On the wire both carry their `Html` and `Text` base64-encoded (ses.md §5 `Simple`,
//! `TemplateContent`); these constructors take ordinary text and encode it, and the `decoded_*`
//! methods give the text back, reading base64 with [`decode_base64`] (line breaks allowed). Sending raw content through `Simple` needs a permission Tencent
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

/// Why a text is not base64 as [`decode_base64`] reads it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not valid base64: {detail}")]
#[non_exhaustive]
pub struct Base64Error {
    /// What the decoder objected to (positions count from the start of the text with its
    /// whitespace removed).
    pub detail: String,
}

/// Decodes standard base64 (RFC 4648 alphabet, `=` padding) while ignoring ASCII whitespace
/// anywhere in it.
///
/// Encoders that follow MIME wrap base64 into lines of 76 characters; whitespace carries no
/// data in base64, so a body or attachment sent that way means the same as one on a single
/// line. This is the one reading of base64 this crate and the emulator use for bodies,
/// templates and attachments, so no place accepts what another refuses.
///
/// ```
/// use tencentcloud_ses::body::decode_base64;
///
/// assert_eq!(decode_base64("SGVs\r\nbG8=").as_deref(), Ok(&b"Hello"[..]));
/// assert!(decode_base64("<p>raw</p>").is_err());
/// ```
///
/// # Errors
/// [`Base64Error`] when what remains after removing whitespace is not standard, padded base64.
pub fn decode_base64(text: &str) -> Result<Vec<u8>, Base64Error> {
    let compact: Vec<u8> = text
        .bytes()
        .filter(|byte| !byte.is_ascii_whitespace())
        .collect();
    STANDARD.decode(compact).map_err(|error| Base64Error {
        detail: error.to_string(),
    })
}

/// Base64 of `text`'s UTF-8 bytes, as the wire carries bodies.
fn encode(text: &str) -> String {
    STANDARD.encode(text.as_bytes())
}

/// The text a base64 body field holds, if the field is set (line breaks in the base64 are
/// allowed, see [`decode_base64`]).
fn decode(field: &'static str, value: Option<&str>) -> Result<Option<String>, BodyError> {
    let Some(value) = value else {
        return Ok(None);
    };
    let bytes = decode_base64(value).map_err(|error| BodyError::NotBase64 {
        field,
        detail: error.detail,
    })?;
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| BodyError::NotUtf8 { field })
}

/// The same constructors and readers for both body types: they have the same two
/// base64 fields and differ only in what the text may contain.
macro_rules! body_methods {
    ($type:ident, $what:literal, $note:literal) => {
        impl $type {
            #[doc = concat!("A ", $what, " with an HTML part only. ", $note)]
            pub fn from_html(html: &str) -> $type {
                $type {
                    html: Some(encode(html)),
                    text: None,
                }
            }

            #[doc = concat!("A ", $what, " with a plain-text part only. ", $note)]
            pub fn from_text(text: &str) -> $type {
                $type {
                    html: None,
                    text: Some(encode(text)),
                }
            }

            #[doc = concat!(
                "A ", $what, " with both parts; mail clients that do not show HTML show the text. ",
                $note
            )]
            pub fn from_html_and_text(html: &str, text: &str) -> $type {
                $type {
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
    };
}

body_methods!(
    Simple,
    "body",
    "HTML must be self-contained: SES does not allow links to external style sheets."
);
body_methods!(
    TemplateContent,
    "template body",
    "`{{name}}` marks a variable."
);
