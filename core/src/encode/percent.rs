//! RFC 3986 percent-encoding of parameters into a query string or form body, and the lenient
//! inverse a server needs to read what real clients send.

use std::borrow::Cow;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::error::quote;
use super::{DecodeError, DecodeErrorKind};

/// Everything but RFC 3986's unreserved characters `A-Z a-z 0-9 - . _ ~` is escaped.
const RESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes `text` as UTF-8: unreserved characters stay, every other byte becomes
/// `%XX` with upper-case hex (a space is `%20`, never `+`). Borrows when nothing changes.
///
/// ```
/// use tencentcloud_core::encode::percent_encode;
/// assert_eq!(percent_encode("a b*~/未"), "a%20b%2A~%2F%E6%9C%AA");
/// ```
pub fn percent_encode(text: &str) -> Cow<'_, str> {
    utf8_percent_encode(text, RESERVED).into()
}

/// Joins parameters as `k=v&k=v`, names and values percent-encoded, in the order given.
///
/// This one string is both the GET query (after `?`) and the `application/x-www-form-urlencoded`
/// body, and it is what the signature covers, so it must be built once and sent unchanged.
///
/// ```
/// use tencentcloud_core::encode::to_query_string;
/// let pairs = [("Limit".to_owned(), "1".to_owned()), ("Name".to_owned(), "a b".to_owned())];
/// assert_eq!(to_query_string(&pairs), "Limit=1&Name=a%20b");
/// ```
pub fn to_query_string(pairs: &[(String, String)]) -> String {
    let raw_len: usize = pairs
        .iter()
        .map(|(key, value)| key.len() + value.len() + 2)
        .sum();
    // Most parameters are plain ASCII; leave some room for escapes.
    let mut query = String::with_capacity(raw_len + raw_len / 4);
    for (index, (key, value)) in pairs.iter().enumerate() {
        if index != 0 {
            query.push('&');
        }
        query.extend(utf8_percent_encode(key, RESERVED));
        query.push('=');
        query.extend(utf8_percent_encode(value, RESERVED));
    }
    query
}

/// Reads a query string or form body back into `(name, value)` pairs, in order.
///
/// It accepts what the official SDKs send, not only what [`to_query_string`] writes: `+` is a
/// space (the Python SDK encodes with `urlencode`), hex digits may be lower case, a pair
/// without `=` has an empty value, and empty pieces (`a=1&&b=2`, a trailing `&`) are skipped.
///
/// # Errors
/// A `%` not followed by two hex digits, text that is not UTF-8 once decoded, or an empty
/// name. The error names the parameter; it never quotes the value.
///
/// ```
/// use tencentcloud_core::encode::parse_query;
/// let pairs = parse_query(b"Values.1=a+b%2a~&Limit=1")?;
/// assert_eq!(pairs, [
///     ("Values.1".to_owned(), "a b*~".to_owned()),
///     ("Limit".to_owned(), "1".to_owned()),
/// ]);
/// # Ok::<(), tencentcloud_core::encode::DecodeError>(())
/// ```
pub fn parse_query(bytes: &[u8]) -> Result<Vec<(String, String)>, DecodeError> {
    let mut pairs = Vec::new();
    for piece in bytes.split(|&byte| byte == b'&') {
        if piece.is_empty() {
            continue;
        }
        let (raw_key, raw_value) = match piece.iter().position(|&byte| byte == b'=') {
            Some(at) => (&piece[..at], &piece[at + 1..]),
            None => (piece, &[][..]),
        };
        let key = decode(raw_key).map_err(|fault| {
            DecodeError::new(
                DecodeErrorKind::Malformed,
                format!(
                    "parameter name {}: {}",
                    quote(&String::from_utf8_lossy(raw_key)),
                    fault.describe("name")
                ),
            )
        })?;
        if key.is_empty() {
            return Err(DecodeError::new(
                DecodeErrorKind::Malformed,
                "a parameter has an empty name",
            ));
        }
        let value = decode(raw_value).map_err(|fault| {
            DecodeError::at(DecodeErrorKind::Malformed, &key, fault.describe("value"))
        })?;
        pairs.push((key, value));
    }
    Ok(pairs)
}

/// Why a piece of a query did not decode, with the byte offset in the raw piece.
enum Fault {
    BadEscape(usize),
    NotUtf8(usize),
}

impl Fault {
    fn describe(&self, what: &str) -> String {
        match self {
            Self::BadEscape(at) => format!(
                "invalid percent-encoding: the `%` at byte {at} of the {what} is not followed by two hex digits"
            ),
            Self::NotUtf8(at) => {
                format!(
                    "the {what} is not UTF-8 once decoded (bad byte {at} of the decoded {what})"
                )
            }
        }
    }
}

/// Decodes `+` and `%XX`, then checks UTF-8.
fn decode(raw: &[u8]) -> Result<String, Fault> {
    if !raw.iter().any(|&byte| byte == b'%' || byte == b'+') {
        return String::from_utf8(raw.to_vec())
            .map_err(|error| Fault::NotUtf8(error.utf8_error().valid_up_to()));
    }
    let mut bytes = Vec::with_capacity(raw.len());
    let mut index = 0;
    while let Some(&byte) = raw.get(index) {
        match byte {
            b'+' => bytes.push(b' '),
            b'%' => {
                let high = raw.get(index + 1).and_then(|&digit| hex_value(digit));
                let low = raw.get(index + 2).and_then(|&digit| hex_value(digit));
                let (Some(high), Some(low)) = (high, low) else {
                    return Err(Fault::BadEscape(index));
                };
                bytes.push(high << 4 | low);
                index += 2;
            }
            other => bytes.push(other),
        }
        index += 1;
    }
    String::from_utf8(bytes).map_err(|error| Fault::NotUtf8(error.utf8_error().valid_up_to()))
}

fn hex_value(digit: u8) -> Option<u8> {
    match digit {
        b'0'..=b'9' => Some(digit - b'0'),
        b'a'..=b'f' => Some(digit - b'a' + 10),
        b'A'..=b'F' => Some(digit - b'A' + 10),
        _ => None,
    }
}
