//! Verification of a v1 (HmacSHA1 / HmacSHA256) request from its decoded parameters.

use super::{
    Mismatch, SecretStore, VerifiedCaller, VerifyError, check_token, check_window,
    constant_time_eq, missing, parse_timestamp, shown,
};
use crate::header::param;
use crate::sign::legacy::{LegacyAlgorithm, signature_with, write_string_to_sign};

/// A received v1 request: where it went and its parameters, percent-decoded, from the query
/// string (GET) or the form body (POST).
///
/// Its `Debug` shows every parameter but the values of `Token` and `Signature`.
#[derive(Clone, Copy)]
pub struct LegacyRequest<'a, K, V> {
    /// The method as received, e.g. `GET`.
    pub method: &'a str,
    /// The host the request was sent to.
    pub host: &'a str,
    /// The path, `/` for API 3.0.
    pub path: &'a str,
    /// Every parameter, `Signature` included, in any order.
    pub params: &'a [(K, V)],
}

impl<K: AsRef<str>, V: AsRef<str>> std::fmt::Debug for LegacyRequest<'_, K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<(&str, &str)> = self
            .params
            .iter()
            .map(|(name, value)| {
                let name = name.as_ref();
                if name == param::TOKEN || name == param::SIGNATURE {
                    (name, "<redacted>")
                } else {
                    (name, value.as_ref())
                }
            })
            .collect();
        f.debug_struct("LegacyRequest")
            .field("method", &self.method)
            .field("host", &self.host)
            .field("path", &self.path)
            .field("params", &params)
            .finish()
    }
}

/// Whether `sent` is the signature of the string the official Python SDK signs when a name
/// holds `_`: it writes each such name with `.` instead (inside the string to sign only; the
/// name is sent as it is) and sorts the names after that change. Checked only when some name
/// holds `_`, after the plain form failed, so the SDKs that sign names as sent are unaffected.
fn python_sdk_form_matches<K, V>(
    request: &LegacyRequest<'_, K, V>,
    signed: &[(&str, &str)],
    algorithm: LegacyAlgorithm,
    secret_key: &str,
    sent: &str,
) -> bool {
    if !signed.iter().any(|(name, _)| name.contains('_')) {
        return false;
    }
    let mut dotted: Vec<(String, &str)> = signed
        .iter()
        .map(|(name, value)| (name.replace('_', "."), *value))
        .collect();
    dotted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let expected = signature_with(algorithm, secret_key, |sink| {
        write_string_to_sign(request.method, request.host, request.path, &dotted, sink);
    });
    constant_time_eq(expected.as_bytes(), sent.as_bytes())
}

/// Verifies the `Signature` parameter of a v1 request at server time `now`.
///
/// `SignatureMethod` picks the hash: `HmacSHA256` selects SHA-256, anything else or nothing
/// selects SHA-1, as documented.
///
/// # Errors
/// - [`VerifyError::Malformed`]: a repeated parameter name, or a missing `Signature`,
///   `SecretId`, `Timestamp` or `Nonce`, or a `Timestamp`/`Nonce` that is not a number;
/// - [`VerifyError::Expired`]: the timestamp is more than five minutes off;
/// - [`VerifyError::UnknownSecretId`]: the store has no such id;
/// - [`VerifyError::TokenMismatch`]: the `Token` parameter does not fit the stored key;
/// - [`VerifyError::Mismatch`]: the signature is wrong, both as the names were sent and, when
///   some name holds `_`, as the official Python SDK signs it.
pub fn verify_legacy<K, V, S>(
    request: &LegacyRequest<'_, K, V>,
    now: u64,
    store: &S,
) -> Result<VerifiedCaller, VerifyError>
where
    K: AsRef<str>,
    V: AsRef<str>,
    S: SecretStore + ?Sized,
{
    let mut sorted: Vec<(&str, &str)> = request
        .params
        .iter()
        .map(|(name, value)| (name.as_ref(), value.as_ref()))
        .collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
    if let Some(pair) = sorted.windows(2).find(|pair| pair[0].0 == pair[1].0) {
        return Err(VerifyError::InvalidParameter(format!(
            "the parameter `{}` appears more than once",
            shown(pair[0].0)
        )));
    }
    let find = |name: &str| {
        sorted
            .binary_search_by(|(candidate, _)| candidate.cmp(&name))
            .ok()
            .and_then(|index| sorted.get(index))
            .map(|(_, value)| *value)
    };

    let sent_signature =
        find(param::SIGNATURE).ok_or_else(|| missing("the Signature parameter"))?;
    let secret_id = find(param::SECRET_ID)
        .filter(|id| !id.is_empty())
        .ok_or_else(|| missing("the SecretId parameter"))?;
    let timestamp = parse_timestamp(
        find(param::TIMESTAMP)
            .ok_or_else(|| missing("the Timestamp parameter"))?
            .as_bytes(),
        "the Timestamp parameter",
    )?;
    let nonce = find(param::NONCE).ok_or_else(|| missing("the Nonce parameter"))?;
    if nonce.is_empty() || !nonce.bytes().all(|b| b.is_ascii_digit()) {
        return Err(VerifyError::InvalidParameter(
            "the Nonce parameter is not a decimal number".to_owned(),
        ));
    }
    check_window(timestamp, now)?;

    let key = store
        .lookup(secret_id)
        .ok_or(VerifyError::UnknownSecretId)?;
    check_token(find(param::TOKEN).map(str::as_bytes), &key)?;

    let algorithm = LegacyAlgorithm::from_signature_method(find(param::SIGNATURE_METHOD));
    let signed: Vec<(&str, &str)> = sorted
        .iter()
        .filter(|(name, _)| *name != param::SIGNATURE)
        .copied()
        .collect();
    let expected = signature_with(algorithm, key.secret_key(), |sink| {
        write_string_to_sign(request.method, request.host, request.path, &signed, sink);
    });
    if !constant_time_eq(expected.as_bytes(), sent_signature.as_bytes())
        && !python_sdk_form_matches(
            request,
            &signed,
            algorithm,
            key.secret_key(),
            sent_signature,
        )
    {
        return Err(VerifyError::Mismatch(Mismatch::Signature));
    }
    Ok(VerifiedCaller {
        secret_id: secret_id.to_owned(),
        scheme: algorithm.scheme(),
        timestamp,
    })
}
