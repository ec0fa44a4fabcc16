//! Request size limits of API 3.0, as data, checked before anything is signed or sent.

use crate::action::{HttpMethod, SigningScheme};

/// The largest GET request: 32 KB of query string.
pub const GET_MAX_BYTES: usize = 32 * 1024;
/// The largest POST body signed with HmacSHA1 or HmacSHA256: 1 MB.
pub const LEGACY_POST_MAX_BYTES: usize = 1024 * 1024;
/// The largest POST body signed with TC3-HMAC-SHA256: 10 MB.
pub const TC3_POST_MAX_BYTES: usize = 10 * 1024 * 1024;

/// The size limit of a request sent with this method and scheme, in bytes.
pub const fn max_request_bytes(method: HttpMethod, signing: SigningScheme) -> usize {
    match (method, signing) {
        (HttpMethod::Get, _) => GET_MAX_BYTES,
        (HttpMethod::Post, SigningScheme::Tc3HmacSha256) => TC3_POST_MAX_BYTES,
        (HttpMethod::Post, _) => LEGACY_POST_MAX_BYTES,
    }
}

/// A request over its size limit.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the request is {actual} bytes, over the {limit}-byte limit of {method} requests signed with \
     {signing}{hint}"
)]
pub struct LimitExceeded {
    /// The encoded size (GET: the query string; POST: the body).
    pub actual: usize,
    /// The limit that applies.
    pub limit: usize,
    /// The method used.
    pub method: HttpMethod,
    /// The scheme used.
    pub signing: SigningScheme,
    hint: &'static str,
}

/// Checks an encoded request's size (the query string of a GET, the body of a POST).
///
/// # Errors
/// [`LimitExceeded`] naming the limit and the actual size.
pub fn check(method: HttpMethod, signing: SigningScheme, size: usize) -> Result<(), LimitExceeded> {
    let limit = max_request_bytes(method, signing);
    if size <= limit {
        return Ok(());
    }
    let hint = match (method, signing) {
        (HttpMethod::Get, _) => "; send it with POST instead",
        (HttpMethod::Post, SigningScheme::HmacSha1 | SigningScheme::HmacSha256) => {
            "; TC3-HMAC-SHA256 allows up to 10 MB"
        }
        (HttpMethod::Post, SigningScheme::Tc3HmacSha256) => "",
    };
    Err(LimitExceeded {
        actual: size,
        limit,
        method,
        signing,
        hint,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use HttpMethod::{Get, Post};
    use SigningScheme::{HmacSha1, HmacSha256, Tc3HmacSha256};

    #[test]
    fn each_limit_holds_at_the_boundary_and_fails_one_past_it() {
        for (method, signing, limit) in [
            (Get, Tc3HmacSha256, 32_768),
            (Get, HmacSha1, 32_768),
            (Post, HmacSha1, 1_048_576),
            (Post, HmacSha256, 1_048_576),
            (Post, Tc3HmacSha256, 10_485_760),
        ] {
            assert_eq!(check(method, signing, limit), Ok(()));
            let err = check(method, signing, limit + 1).unwrap_err();
            assert_eq!((err.actual, err.limit), (limit + 1, limit));
            let text = err.to_string();
            assert!(text.contains(&format!("{} bytes", limit + 1)), "{text}");
            assert!(text.contains(&format!("{limit}-byte limit")), "{text}");
        }
    }
}
