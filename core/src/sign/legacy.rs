//! Signature v1 (HmacSHA1 and HmacSHA256): the common parameters, the string to sign over the
//! sorted parameters, and the base64 `Signature` parameter.
//!
//! From docs/protocol.md section 3.1: every parameter (common and business, flattened to dotted
//! keys) is sorted byte-wise by key and joined as `k=v&...` with the **raw** values; the string
//! to sign is `METHOD + host + path + "?" + joined`; the signature is the standard base64 of its
//! HMAC under the secret key. Unlike TC3, the session token is one of the signed parameters.
//! Percent-encoding happens afterwards, in the encoders, on the returned list.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hmac::Mac;
use sha1::Sha1;
use sha2::Sha256;

use super::REDACTED;
use super::mac::{Sink, keyed};
use super::text::Decimal;
use crate::action::{HttpMethod, SigningScheme};
use crate::header::param;

/// The hash behind a v1 signature, named by the `SignatureMethod` parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LegacyAlgorithm {
    /// `HmacSHA1`, also what an absent `SignatureMethod` means.
    HmacSha1,
    /// `HmacSHA256`.
    HmacSha256,
}

impl LegacyAlgorithm {
    /// The value of `SignatureMethod`: `HmacSHA1` or `HmacSHA256`.
    pub const fn as_str(self) -> &'static str {
        self.scheme().as_str()
    }

    /// The matching [`SigningScheme`].
    pub const fn scheme(self) -> SigningScheme {
        match self {
            Self::HmacSha1 => SigningScheme::HmacSha1,
            Self::HmacSha256 => SigningScheme::HmacSha256,
        }
    }

    /// The v1 algorithm of a scheme; `None` for TC3.
    pub const fn from_scheme(scheme: SigningScheme) -> Option<Self> {
        match scheme {
            SigningScheme::HmacSha1 => Some(Self::HmacSha1),
            SigningScheme::HmacSha256 => Some(Self::HmacSha256),
            SigningScheme::Tc3HmacSha256 => None,
        }
    }

    /// The algorithm a server applies for a received `SignatureMethod`: `HmacSHA256` selects
    /// SHA-256, anything else or nothing selects SHA-1 (the documented v1 rule).
    pub fn from_signature_method(value: Option<&str>) -> Self {
        if value == Some(SigningScheme::HmacSha256.as_str()) {
            Self::HmacSha256
        } else {
            Self::HmacSha1
        }
    }
}

/// The common parameters of a v1 request, and the key that signs it.
#[derive(Clone, Copy)]
pub struct CommonParams<'a> {
    /// The action name, e.g. `DescribeInstances`.
    pub action: &'a str,
    /// The API version, `YYYY-MM-DD`.
    pub version: &'a str,
    /// The region; the `Region` parameter is left out when `None`.
    pub region: Option<&'a str>,
    /// Unix seconds.
    pub timestamp: u64,
    /// A random positive integer, drawn by the caller so signing stays deterministic.
    pub nonce: u64,
    /// The public key id.
    pub secret_id: &'a str,
    /// The secret key; never printed.
    pub secret_key: &'a str,
    /// The session token of temporary credentials; signed. Never printed.
    pub token: Option<&'a str>,
    /// `zh-CN` or `en-US`; left out when `None`.
    pub language: Option<&'a str>,
    /// An identifier of the client library; left out when `None`.
    pub request_client: Option<&'a str>,
    /// `HmacSHA1` or `HmacSHA256`; always sent as `SignatureMethod`.
    pub algorithm: LegacyAlgorithm,
}

impl fmt::Debug for CommonParams<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CommonParams")
            .field("action", &self.action)
            .field("version", &self.version)
            .field("region", &self.region)
            .field("timestamp", &self.timestamp)
            .field("nonce", &self.nonce)
            .field("secret_id", &self.secret_id)
            .field("secret_key", &REDACTED)
            .field("token", &self.token.map(|_| REDACTED))
            .field("language", &self.language)
            .field("request_client", &self.request_client)
            .field("algorithm", &self.algorithm)
            .finish()
    }
}

/// Why a v1 request could not be signed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LegacySignError {
    /// Two parameters share a name, e.g. a business parameter called `Action` next to the
    /// common one: the string to sign would be ambiguous.
    #[error("parameter `{name}` appears more than once; v1 signing needs unique parameter names")]
    DuplicateParameter {
        /// The repeated name.
        name: String,
    },
    /// A business parameter is called `Signature`, which only the signer may add.
    #[error("parameter `Signature` is reserved for the signature the signer adds")]
    ReservedParameter,
}

/// The common parameters as `(name, value)` pairs, without `Signature` and in no particular
/// order: `Action`, `Region` (if set), `Timestamp`, `Nonce`, `SecretId`, `SignatureMethod`,
/// `Version`, `Token`, `Language` and `RequestClient` (each if set).
pub fn common_params(common: &CommonParams<'_>) -> Vec<(String, String)> {
    let mut params = Vec::with_capacity(10);
    push_common_params(common, &mut params);
    params
}

fn push_common_params(common: &CommonParams<'_>, params: &mut Vec<(String, String)>) {
    let mut push = |name: &str, value: &str| params.push((name.to_owned(), value.to_owned()));
    push(param::ACTION, common.action);
    if let Some(region) = common.region {
        push(param::REGION, region);
    }
    push(param::TIMESTAMP, Decimal::new(common.timestamp).as_str());
    push(param::NONCE, Decimal::new(common.nonce).as_str());
    push(param::SECRET_ID, common.secret_id);
    push(param::SIGNATURE_METHOD, common.algorithm.as_str());
    push(param::VERSION, common.version);
    if let Some(token) = common.token {
        push(param::TOKEN, token);
    }
    if let Some(language) = common.language {
        push(param::LANGUAGE, language);
    }
    if let Some(request_client) = common.request_client {
        push(param::REQUEST_CLIENT, request_client);
    }
}

/// Sorts parameters byte-wise by name, as the string to sign requires, and rejects repeated
/// names.
///
/// # Errors
/// [`LegacySignError::DuplicateParameter`] naming the first repeated parameter.
pub fn sort_params<K: AsRef<str>, V>(params: &mut [(K, V)]) -> Result<(), LegacySignError> {
    // `str` orders by bytes, which is the order the string to sign needs
    // (`InstanceIds.12` before `InstanceIds.2`).
    params.sort_unstable_by(|a, b| a.0.as_ref().cmp(b.0.as_ref()));
    match params
        .windows(2)
        .find(|pair| pair[0].0.as_ref() == pair[1].0.as_ref())
    {
        Some(pair) => Err(LegacySignError::DuplicateParameter {
            name: pair[0].0.as_ref().to_owned(),
        }),
        None => Ok(()),
    }
}

/// The string to sign: `METHOD + host + path + "?" + k=v&...` over `sorted` (already sorted by
/// [`sort_params`] and without `Signature`), with the raw values.
pub fn string_to_sign<K: AsRef<str>, V: AsRef<str>>(
    method: HttpMethod,
    host: &str,
    path: &str,
    sorted: &[(K, V)],
) -> String {
    let mut text = String::with_capacity(host.len() + path.len() + 16 * sorted.len() + 8);
    write_string_to_sign(method.as_str(), host, path, sorted, &mut text);
    text
}

/// Writes the string to sign into `out`; `method` is text so a verifier can pass what it
/// received.
pub(crate) fn write_string_to_sign<K: AsRef<str>, V: AsRef<str>>(
    method: &str,
    host: &str,
    path: &str,
    sorted: &[(K, V)],
    out: &mut (impl Sink + ?Sized),
) {
    out.put(method);
    out.put(host);
    out.put(path);
    out.put("?");
    for (index, (name, value)) in sorted.iter().enumerate() {
        if index > 0 {
            out.put("&");
        }
        out.put(name.as_ref());
        out.put("=");
        out.put(value.as_ref());
    }
}

/// The `Signature` value: standard base64 (padded) of the HMAC of `string_to_sign` under
/// `secret_key`.
pub fn signature(algorithm: LegacyAlgorithm, secret_key: &str, string_to_sign: &str) -> String {
    signature_with(algorithm, secret_key, |sink| sink.put(string_to_sign))
}

/// The signature of whatever `write` puts into the HMAC, so callers can stream the string to
/// sign instead of building it.
pub(crate) fn signature_with(
    algorithm: LegacyAlgorithm,
    secret_key: &str,
    write: impl FnOnce(&mut dyn Sink),
) -> String {
    match algorithm {
        LegacyAlgorithm::HmacSha1 => {
            let mut mac = keyed::<Sha1>(secret_key.as_bytes());
            write(&mut mac);
            STANDARD.encode(mac.finalize().into_bytes())
        }
        LegacyAlgorithm::HmacSha256 => {
            let mut mac = keyed::<Sha256>(secret_key.as_bytes());
            write(&mut mac);
            STANDARD.encode(mac.finalize().into_bytes())
        }
    }
}

/// Signs a v1 request: adds the common parameters to `business` (already flattened), sorts
/// them, signs, and returns every parameter to send, `Signature` last, with raw values ready
/// for percent-encoding.
///
/// # Errors
/// [`LegacySignError::DuplicateParameter`] when a business parameter repeats another name
/// (including a common one such as `Action`), [`LegacySignError::ReservedParameter`] when one is
/// called `Signature`.
pub fn sign(
    method: HttpMethod,
    host: &str,
    path: &str,
    common: &CommonParams<'_>,
    mut business: Vec<(String, String)>,
) -> Result<Vec<(String, String)>, LegacySignError> {
    business.reserve(11);
    push_common_params(common, &mut business);
    let mut params = business;
    sort_params(&mut params)?;
    if params
        .binary_search_by(|(name, _)| name.as_str().cmp(param::SIGNATURE))
        .is_ok()
    {
        return Err(LegacySignError::ReservedParameter);
    }
    let signature = signature_with(common.algorithm, common.secret_key, |sink| {
        write_string_to_sign(method.as_str(), host, path, &params, sink);
    });
    params.push((param::SIGNATURE.to_owned(), signature));
    Ok(params)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn common() -> CommonParams<'static> {
        CommonParams {
            action: "DescribeInstances",
            version: "2017-03-12",
            region: None,
            timestamp: 1,
            nonce: 2,
            secret_id: "AKIDexample",
            secret_key: "secret-example",
            token: Some("token-example"),
            language: None,
            request_client: None,
            algorithm: LegacyAlgorithm::HmacSha256,
        }
    }

    #[test]
    fn business_parameters_may_not_shadow_common_ones() {
        let business = vec![("Action".to_owned(), "Other".to_owned())];
        assert_eq!(
            sign(
                HttpMethod::Get,
                "cvm.tencentcloudapi.com",
                "/",
                &common(),
                business
            ),
            Err(LegacySignError::DuplicateParameter {
                name: "Action".to_owned()
            })
        );
        let business = vec![("Signature".to_owned(), "forged".to_owned())];
        assert_eq!(
            sign(
                HttpMethod::Get,
                "cvm.tencentcloudapi.com",
                "/",
                &common(),
                business
            ),
            Err(LegacySignError::ReservedParameter)
        );
    }

    #[test]
    fn optional_common_parameters_are_left_out_when_unset() {
        let names: Vec<String> = common_params(&common())
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        for expected in [
            "Action",
            "Timestamp",
            "Nonce",
            "SecretId",
            "SignatureMethod",
            "Version",
            "Token",
        ] {
            assert!(
                names.iter().any(|name| name == expected),
                "{expected} in {names:?}"
            );
        }
        for absent in ["Region", "Language", "RequestClient", "Signature"] {
            assert!(
                !names.iter().any(|name| name == absent),
                "{absent} in {names:?}"
            );
        }
    }

    #[test]
    fn debug_hides_key_and_token() {
        let shown = format!("{:?}", common());
        assert!(
            !shown.contains("secret-example") && !shown.contains("token-example"),
            "{shown}"
        );
        assert!(shown.contains("AKIDexample"), "{shown}");
    }

    #[test]
    fn signature_method_defaults_to_sha1() {
        assert_eq!(
            LegacyAlgorithm::from_signature_method(None),
            LegacyAlgorithm::HmacSha1
        );
        assert_eq!(
            LegacyAlgorithm::from_signature_method(Some("HmacSHA1")),
            LegacyAlgorithm::HmacSha1
        );
        assert_eq!(
            LegacyAlgorithm::from_signature_method(Some("hmacsha256")),
            LegacyAlgorithm::HmacSha1
        );
        assert_eq!(
            LegacyAlgorithm::from_signature_method(Some("HmacSHA256")),
            LegacyAlgorithm::HmacSha256
        );
    }
}
