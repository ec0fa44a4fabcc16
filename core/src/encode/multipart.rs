//! `multipart/form-data` bodies: writing one from any `Serialize` struct, in the layout of the
//! official Python SDK (protocol section 1.5), and (with the `server` feature) reading one back.
//!
//! Per field the body holds `--<boundary>\r\n`, then
//! `Content-Disposition: form-data; name="<Name>"` followed by `; filename="<Name>"\r\n` for a
//! file field or `\r\n` otherwise; lists and objects are written as JSON after an extra
//! `Content-Type: application/json\r\n` line; then `\r\n<value>\r\n`. The body ends with
//! `--<boundary>--\r\n`. A struct without parameters gives an empty body, as the SDK does.

#[cfg(feature = "server")]
mod parse;

#[cfg(feature = "server")]
pub use parse::{boundary_from_content_type, parse};

use base64::Engine as _;
use serde::Serialize;
use serde::ser;

use super::EncodeError;
use super::top_level::{Members, TopLevel};

/// The media type, before `; boundary=...`.
pub const MEDIA_TYPE: &str = "multipart/form-data";

/// RFC 2046 caps a boundary at 70 characters.
const MAX_BOUNDARY_LEN: usize = 70;

/// Writes `value` as a multipart body with a fresh random boundary (32 lower-case hex digits,
/// as the official SDKs use). Returns the `Content-Type` value, which carries the boundary and
/// is signed, and the body.
///
/// `file_fields` are the wire names of the fields sent as files (`Action::FILE_FIELDS`): their
/// values are base64 text in the struct and are decoded to raw bytes in the body.
///
/// # Errors
/// As [`to_body_with_boundary`].
pub fn to_body<T: Serialize + ?Sized>(
    value: &T,
    file_fields: &[&str],
) -> Result<(String, Vec<u8>), EncodeError> {
    let boundary = format!("{:032x}", fastrand::u128(..));
    write(value, file_fields, &boundary, false)
}

/// Writes `value` as a multipart body with the given boundary, for tests and for reproducing
/// another client's bytes. Returns the `Content-Type` value and the body.
///
/// # Errors
/// If the top level is not a struct or a map, a field name contains `"`, `\`, CR or LF, a file
/// field is not base64 text, the boundary is empty, longer than 70 characters or holds
/// characters RFC 2046 does not allow, or the boundary occurs inside a value (a random boundary
/// is not checked for this: 128 random bits do not collide).
///
/// ```
/// #[derive(serde::Serialize)]
/// #[serde(rename_all = "PascalCase")]
/// struct Ocr { image_base64: String }
///
/// let (content_type, body) = tencentcloud_core::encode::multipart::to_body_with_boundary(
///     &Ocr { image_base64: "aGVsbG8=".into() }, &["ImageBase64"], "b0",
/// )?;
/// assert_eq!(content_type, "multipart/form-data; boundary=b0");
/// assert_eq!(body, b"--b0\r\nContent-Disposition: form-data; name=\"ImageBase64\"; \
///     filename=\"ImageBase64\"\r\n\r\nhello\r\n--b0--\r\n");
/// # Ok::<(), tencentcloud_core::encode::EncodeError>(())
/// ```
pub fn to_body_with_boundary<T: Serialize + ?Sized>(
    value: &T,
    file_fields: &[&str],
    boundary: &str,
) -> Result<(String, Vec<u8>), EncodeError> {
    check_boundary(boundary)?;
    write(value, file_fields, boundary, true)
}

fn write<T: Serialize + ?Sized>(
    value: &T,
    file_fields: &[&str],
    boundary: &str,
    check_collisions: bool,
) -> Result<(String, Vec<u8>), EncodeError> {
    let mut writer = Writer {
        body: Vec::new(),
        boundary,
        file_fields,
        check_collisions,
    };
    value.serialize(TopLevel(&mut writer))?;
    if !writer.body.is_empty() {
        writer.body.extend_from_slice(b"--");
        writer.body.extend_from_slice(boundary.as_bytes());
        writer.body.extend_from_slice(b"--\r\n");
    }
    Ok((format!("{MEDIA_TYPE}; boundary={boundary}"), writer.body))
}

/// Checks a boundary against RFC 2046's `bchars`, without the space so it needs no quoting.
pub(super) fn check_boundary(boundary: &str) -> Result<(), EncodeError> {
    let allowed = |byte: u8| byte.is_ascii_alphanumeric() || b"'()+_,-./:=?".contains(&byte);
    if boundary.is_empty() || boundary.len() > MAX_BOUNDARY_LEN || !boundary.bytes().all(allowed) {
        return Err(EncodeError::whole(format!(
            "a multipart boundary must be 1 to {MAX_BOUNDARY_LEN} letters, digits or '()+_,-./:=?"
        )));
    }
    Ok(())
}

/// The body so far and what shapes each part.
struct Writer<'a> {
    body: Vec<u8>,
    boundary: &'a str,
    file_fields: &'a [&'a str],
    check_collisions: bool,
}

/// How one field's value travels.
enum Content {
    Text(Vec<u8>),
    Json(Vec<u8>),
    File(Vec<u8>),
}

impl Writer<'_> {
    /// Writes one part; `None` values have no part at all.
    fn part<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<(), EncodeError> {
        if name
            .bytes()
            .any(|byte| matches!(byte, b'"' | b'\\' | b'\r' | b'\n'))
            || name.is_empty()
        {
            return Err(EncodeError::at(
                name,
                "a multipart field name must be non-empty and free of quotes, backslashes and line breaks",
            ));
        }
        // serde_json keeps the field order of nested objects and tells the shape by its first
        // byte, which is all a part needs. Written as text rather than bytes so reading it back
        // uses the one `serde_json` reader type the rest of the crate uses.
        let json = serde_json::to_string(value).map_err(|error| {
            EncodeError::at(name, format!("could not be written as JSON: {error}"))
        })?;
        let content = match json.as_bytes().first() {
            Some(b'n') => return Ok(()),
            Some(b'"') => {
                let text: String = serde_json::from_str(&json).map_err(|error| {
                    EncodeError::at(name, format!("could not be read back as text: {error}"))
                })?;
                if self.file_fields.contains(&name) {
                    let bytes = base64::engine::general_purpose::STANDARD
                        .decode(text)
                        .map_err(|_| {
                            EncodeError::at(name, "a file field must hold standard base64 text")
                        })?;
                    Content::File(bytes)
                } else {
                    Content::Text(text.into_bytes())
                }
            }
            _ if self.file_fields.contains(&name) => {
                return Err(EncodeError::at(name, "a file field must hold base64 text"));
            }
            Some(b'[' | b'{') => Content::Json(json.into_bytes()),
            _ => Content::Text(json.into_bytes()),
        };
        self.append(name, &content)
    }

    fn append(&mut self, name: &str, content: &Content) -> Result<(), EncodeError> {
        let (Content::Text(bytes) | Content::Json(bytes) | Content::File(bytes)) = content;
        if self.check_collisions && contains(bytes, self.boundary.as_bytes()) {
            return Err(EncodeError::at(
                name,
                "the value contains the multipart boundary",
            ));
        }
        let body = &mut self.body;
        body.extend_from_slice(b"--");
        body.extend_from_slice(self.boundary.as_bytes());
        body.extend_from_slice(b"\r\nContent-Disposition: form-data; name=\"");
        body.extend_from_slice(name.as_bytes());
        body.push(b'"');
        match content {
            Content::File(_) => {
                body.extend_from_slice(b"; filename=\"");
                body.extend_from_slice(name.as_bytes());
                body.extend_from_slice(b"\"\r\n");
            }
            Content::Json(_) => body.extend_from_slice(b"\r\nContent-Type: application/json\r\n"),
            Content::Text(_) => body.extend_from_slice(b"\r\n"),
        }
        body.extend_from_slice(b"\r\n");
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
        Ok(())
    }
}

/// Whether `needle` occurs in `haystack`.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle, 0).is_some()
}

/// The position of `needle` in `haystack` at or after `from`.
fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let (&first, tail) = needle.split_first()?;
    let mut start = from;
    while let Some(offset) = haystack
        .get(start..)?
        .iter()
        .position(|&byte| byte == first)
    {
        let candidate = start + offset;
        if haystack.get(candidate + 1..candidate + needle.len()) == Some(tail) {
            return Some(candidate);
        }
        start = candidate + 1;
    }
    None
}

impl<'a, 'w> Members for &'a mut Writer<'w> {
    type Compound = Parts<'a, 'w>;

    fn open(self) -> Parts<'a, 'w> {
        Parts {
            writer: self,
            key: None,
        }
    }
}

/// The members of the top-level struct or map.
struct Parts<'a, 'w> {
    writer: &'a mut Writer<'w>,
    /// A map key waiting for its value.
    key: Option<String>,
}

impl ser::SerializeStruct for Parts<'_, '_> {
    type Ok = ();
    type Error = EncodeError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), EncodeError> {
        self.writer.part(key, value)
    }

    fn end(self) -> Result<(), EncodeError> {
        Ok(())
    }
}

impl ser::SerializeMap for Parts<'_, '_> {
    type Ok = ();
    type Error = EncodeError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), EncodeError> {
        let json = serde_json::to_value(key).map_err(|error| {
            EncodeError::whole(format!("a map key could not be written: {error}"))
        })?;
        let serde_json::Value::String(key) = json else {
            return Err(EncodeError::whole(
                "map keys must be text to become multipart field names",
            ));
        };
        self.key = Some(key);
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), EncodeError> {
        let Some(key) = self.key.take() else {
            return Err(EncodeError::whole("a map value was given before its key"));
        };
        self.writer.part(&key, value)
    }

    fn end(self) -> Result<(), EncodeError> {
        Ok(())
    }
}
