//! Reads a `multipart/form-data` body back into a JSON object, for servers: text parts become
//! strings, JSON parts their value, file parts base64 text (the form the JSON API uses).

use base64::Engine as _;
use serde_json::{Map, Value};

use super::super::{DecodeError, DecodeErrorKind};
use super::{MEDIA_TYPE, check_boundary, find};

/// Finds the boundary in a `Content-Type` value such as
/// `multipart/form-data; boundary=0123456789abcdef0123456789abcdef` (quoted or not).
///
/// # Errors
/// If the media type is not `multipart/form-data`, or the boundary is missing or not one
/// RFC 2046 allows.
pub fn boundary_from_content_type(content_type: &str) -> Result<&str, DecodeError> {
    let mut pieces = content_type.split(';');
    let media_type = pieces.next().unwrap_or_default().trim();
    if !media_type.eq_ignore_ascii_case(MEDIA_TYPE) {
        return Err(malformed(format!(
            "the content type is `{media_type}`, not `{MEDIA_TYPE}`"
        )));
    }
    let boundary = pieces
        .filter_map(|piece| piece.split_once('='))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("boundary"))
        .map(|(_, value)| unquote(value.trim()))
        .ok_or_else(|| malformed("the multipart content type has no `boundary`".to_owned()))?;
    check_boundary(boundary).map_err(|error| malformed(error.to_string()))?;
    Ok(boundary)
}

/// Reads `body`, whose parts are separated by `boundary`, into a JSON object keyed by field
/// name. An empty body is an empty object, which is what the Python SDK sends for an action
/// without parameters.
///
/// # Errors
/// A body that does not start with the boundary (after an optional preamble), a part without
/// a `Content-Disposition: form-data; name="..."` header, a body that ends before the closing
/// boundary, a field given twice, text that is not UTF-8, or a JSON part that is not JSON. All
/// are [`DecodeErrorKind::Malformed`], which Tencent reports as `InvalidRequest`.
pub fn parse(body: &[u8], boundary: &str) -> Result<Value, DecodeError> {
    check_boundary(boundary).map_err(|error| malformed(error.to_string()))?;
    let mut fields = Map::new();
    if body.is_empty() {
        return Ok(Value::Object(fields));
    }
    let mut delimiter = Vec::with_capacity(boundary.len() + 4);
    delimiter.extend_from_slice(b"\r\n--");
    delimiter.extend_from_slice(boundary.as_bytes());
    // The first delimiter may open the body, without the line break before it.
    let mut at = if body.starts_with(&delimiter[2..]) {
        delimiter.len() - 2
    } else {
        find(body, &delimiter, 0)
            .ok_or_else(|| malformed("the body never mentions its boundary".to_owned()))?
            + delimiter.len()
    };
    loop {
        let rest = body.get(at..).unwrap_or_default();
        if rest.starts_with(b"--") {
            return Ok(Value::Object(fields));
        }
        // RFC 2046 allows spaces and tabs after a boundary, then the line break.
        let padding = rest
            .iter()
            .take_while(|&&byte| byte == b' ' || byte == b'\t')
            .count();
        if !rest.get(padding..).unwrap_or_default().starts_with(b"\r\n") {
            return Err(malformed(format!(
                "the boundary at byte {at} is not followed by a line break or `--`"
            )));
        }
        let headers_start = at + padding + 2;
        let (headers, content_start) = split_headers(body, headers_start)?;
        let part = Part::read(headers, headers_start)?;
        let content_end = find(body, &delimiter, content_start).ok_or_else(|| {
            malformed(format!(
                "part `{}` is not closed: the body ends before the next boundary",
                part.name
            ))
        })?;
        let content = body.get(content_start..content_end).unwrap_or_default();
        let value = part.value(content)?;
        if fields.insert(part.name.clone(), value).is_some() {
            return Err(DecodeError::at(
                DecodeErrorKind::Structure,
                &part.name,
                "the multipart field is given more than once",
            ));
        }
        at = content_end + delimiter.len();
    }
}

fn malformed(message: String) -> DecodeError {
    DecodeError::new(DecodeErrorKind::Malformed, message)
}

/// Splits a part's header block (UTF-8 text) from its content, which starts after the empty
/// line.
fn split_headers(body: &[u8], start: usize) -> Result<(&str, usize), DecodeError> {
    let rest = body.get(start..).unwrap_or_default();
    let (block, content_start) = if rest.starts_with(b"\r\n") {
        (&rest[..0], start + 2)
    } else {
        let end = find(rest, b"\r\n\r\n", 0).ok_or_else(|| {
            malformed(format!(
                "the part headers at byte {start} never end with an empty line"
            ))
        })?;
        (rest.get(..end).unwrap_or_default(), start + end + 4)
    };
    let headers = std::str::from_utf8(block)
        .map_err(|_| malformed(format!("the part headers at byte {start} are not UTF-8")))?;
    Ok((headers, content_start))
}

/// What the headers of one part say.
struct Part {
    name: String,
    is_file: bool,
    is_json: bool,
}

impl Part {
    fn read(headers: &str, at: usize) -> Result<Self, DecodeError> {
        let mut disposition = None;
        let mut is_json = false;
        for line in headers.split("\r\n") {
            let Some((name, value)) = line.split_once(':') else {
                return Err(malformed(format!(
                    "the part headers at byte {at} hold a line without `:`"
                )));
            };
            let name = name.trim();
            let value = value.trim();
            if name.eq_ignore_ascii_case("content-disposition") {
                disposition = Some(value);
            } else if name.eq_ignore_ascii_case("content-type") {
                let media = value.split(';').next().unwrap_or_default().trim();
                is_json = media.eq_ignore_ascii_case("application/json");
            }
        }
        let disposition = disposition.ok_or_else(|| {
            malformed(format!(
                "the part at byte {at} has no `Content-Disposition` header"
            ))
        })?;
        let mut pieces = disposition.split(';');
        if !pieces
            .next()
            .unwrap_or_default()
            .trim()
            .eq_ignore_ascii_case("form-data")
        {
            return Err(malformed(format!(
                "the part at byte {at} is not `Content-Disposition: form-data`"
            )));
        }
        let mut name = None;
        let mut is_file = false;
        for (key, value) in pieces.filter_map(|piece| piece.split_once('=')) {
            match key.trim().to_ascii_lowercase().as_str() {
                "name" => name = Some(unquote(value.trim()).to_owned()),
                "filename" | "filename*" => is_file = true,
                _ => {}
            }
        }
        match name {
            Some(name) if !name.is_empty() => Ok(Self {
                name,
                is_file,
                is_json,
            }),
            _ => Err(malformed(format!(
                "the part at byte {at} has no field name"
            ))),
        }
    }

    /// The part's content as the JSON API would carry it.
    fn value(&self, content: &[u8]) -> Result<Value, DecodeError> {
        if self.is_file {
            return Ok(Value::String(
                base64::engine::general_purpose::STANDARD.encode(content),
            ));
        }
        if self.is_json {
            return serde_json::from_slice(content).map_err(|error| {
                DecodeError::at(
                    DecodeErrorKind::Malformed,
                    &self.name,
                    format!("the part says it is JSON but is not: {error}"),
                )
            });
        }
        match std::str::from_utf8(content) {
            Ok(text) => Ok(Value::String(text.to_owned())),
            Err(_) => Err(DecodeError::at(
                DecodeErrorKind::Malformed,
                &self.name,
                "the part is not UTF-8 text (file fields need a `filename`)",
            )),
        }
    }
}

/// Strips the quotes of a quoted header parameter; form field names need no escapes.
fn unquote(value: &str) -> &str {
    value
        .strip_prefix('"')
        .and_then(|inner| inner.strip_suffix('"'))
        .unwrap_or(value)
}
