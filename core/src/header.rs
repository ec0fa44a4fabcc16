//! Header and parameter names of the API 3.0 protocol, and the fixed values they carry, in one
//! place so no other module spells a wire name by hand.
//!
//! Header names are written the way Tencent documents them (`X-TC-Action`). HTTP header names
//! are case-insensitive, so a transport may send them in any case; the TC3 canonical request
//! uses the lower-case form, which [`crate::sign::tc3`] derives itself.

/// The signature of a TC3 request: `TC3-HMAC-SHA256 Credential=..., SignedHeaders=...,
/// Signature=...`.
pub const AUTHORIZATION: &str = "Authorization";
/// The media type of the body; always signed by TC3, so it must be sent byte for byte as signed.
pub const CONTENT_TYPE: &str = "Content-Type";
/// The domain contacted, e.g. `ses.tencentcloudapi.com`; always signed by TC3.
pub const HOST: &str = "Host";
/// The action name, e.g. `SendEmail`.
pub const X_TC_ACTION: &str = "X-TC-Action";
/// The request time in Unix seconds, as a decimal string; also the time the signature is for.
pub const X_TC_TIMESTAMP: &str = "X-TC-Timestamp";
/// The API version, `YYYY-MM-DD`, e.g. `2020-10-02` for SES.
pub const X_TC_VERSION: &str = "X-TC-Version";
/// The region the call is for, e.g. `ap-guangzhou`; omitted when the action takes none.
pub const X_TC_REGION: &str = "X-TC-Region";
/// The session token of temporary credentials; not signed by TC3.
pub const X_TC_TOKEN: &str = "X-TC-Token";
/// The language of error messages: `zh-CN` or `en-US`.
pub const X_TC_LANGUAGE: &str = "X-TC-Language";
/// An identifier of the calling client library.
pub const X_TC_REQUEST_CLIENT: &str = "X-TC-RequestClient";
/// A caller-chosen id that follows the call through Tencent's logs.
pub const X_TC_TRACE_ID: &str = "X-TC-TraceId";
/// Present with the value [`UNSIGNED_PAYLOAD`] when the body is left out of the TC3 signature.
pub const X_TC_CONTENT_SHA256: &str = "X-TC-Content-SHA256";

/// The value of [`X_TC_CONTENT_SHA256`] that tells the server the body hash in the canonical
/// request is the hash of this very string rather than of the body.
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

/// The value of [`AUTHORIZATION`] for the few actions that are called without a signature
/// (STS `AssumeRoleWithWebIdentity`).
pub const AUTHORIZATION_SKIP: &str = "SKIP";

/// Values of [`CONTENT_TYPE`] used by API 3.0, exactly as sent (no `charset` parameter).
pub mod content_type {
    /// A JSON body (TC3 POST).
    pub const JSON: &str = "application/json";
    /// A form body (v1 POST), and the content type every GET declares although it has no body.
    pub const FORM: &str = "application/x-www-form-urlencoded";
    /// The media type of a multipart body, before its `; boundary=...` parameter.
    pub const MULTIPART: &str = "multipart/form-data";
    /// A raw byte body (TC3 POST, a few upload actions).
    pub const OCTET_STREAM: &str = "application/octet-stream";
}

/// Names of the common parameters of signature v1 (HmacSHA1, HmacSHA256), which travel in the
/// query string or form body next to the business parameters.
pub mod param {
    /// The action name, e.g. `DescribeInstances`.
    pub const ACTION: &str = "Action";
    /// The region the call is for.
    pub const REGION: &str = "Region";
    /// The request time in Unix seconds.
    pub const TIMESTAMP: &str = "Timestamp";
    /// A random positive integer that makes each request unique.
    pub const NONCE: &str = "Nonce";
    /// The id of the key that signed the request.
    pub const SECRET_ID: &str = "SecretId";
    /// The base64 signature itself; the only parameter left out of the string to sign.
    pub const SIGNATURE: &str = "Signature";
    /// `HmacSHA256`, or `HmacSHA1` (also what an absent value means).
    pub const SIGNATURE_METHOD: &str = "SignatureMethod";
    /// The API version, `YYYY-MM-DD`.
    pub const VERSION: &str = "Version";
    /// The session token of temporary credentials; signed in v1, unlike TC3.
    pub const TOKEN: &str = "Token";
    /// The language of error messages: `zh-CN` or `en-US`.
    pub const LANGUAGE: &str = "Language";
    /// An identifier of the calling client library.
    pub const REQUEST_CLIENT: &str = "RequestClient";
}

/// The `X-TC-*` headers as ready-made [`http::HeaderName`]s (lower case, as HTTP/2 and the
/// `http` crate require), so building a request never parses or checks a name at run time.
pub mod name {
    use http::HeaderName;

    /// `X-TC-Action`.
    pub const X_TC_ACTION: HeaderName = HeaderName::from_static("x-tc-action");
    /// `X-TC-Timestamp`.
    pub const X_TC_TIMESTAMP: HeaderName = HeaderName::from_static("x-tc-timestamp");
    /// `X-TC-Version`.
    pub const X_TC_VERSION: HeaderName = HeaderName::from_static("x-tc-version");
    /// `X-TC-Region`.
    pub const X_TC_REGION: HeaderName = HeaderName::from_static("x-tc-region");
    /// `X-TC-Token`.
    pub const X_TC_TOKEN: HeaderName = HeaderName::from_static("x-tc-token");
    /// `X-TC-Language`.
    pub const X_TC_LANGUAGE: HeaderName = HeaderName::from_static("x-tc-language");
    /// `X-TC-RequestClient`.
    pub const X_TC_REQUEST_CLIENT: HeaderName = HeaderName::from_static("x-tc-requestclient");
    /// `X-TC-TraceId`.
    pub const X_TC_TRACE_ID: HeaderName = HeaderName::from_static("x-tc-traceid");
    /// `X-TC-Content-SHA256`.
    pub const X_TC_CONTENT_SHA256: HeaderName = HeaderName::from_static("x-tc-content-sha256");

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn names_match_the_spelled_constants() {
            let pairs = [
                (X_TC_ACTION, super::super::X_TC_ACTION),
                (X_TC_TIMESTAMP, super::super::X_TC_TIMESTAMP),
                (X_TC_VERSION, super::super::X_TC_VERSION),
                (X_TC_REGION, super::super::X_TC_REGION),
                (X_TC_TOKEN, super::super::X_TC_TOKEN),
                (X_TC_LANGUAGE, super::super::X_TC_LANGUAGE),
                (X_TC_REQUEST_CLIENT, super::super::X_TC_REQUEST_CLIENT),
                (X_TC_TRACE_ID, super::super::X_TC_TRACE_ID),
                (X_TC_CONTENT_SHA256, super::super::X_TC_CONTENT_SHA256),
            ];
            for (name, spelled) in pairs {
                assert!(name.as_str().eq_ignore_ascii_case(spelled), "{spelled}");
            }
        }
    }
}
