//! The crates.io `tencentcloud-sign-sdk` 0.1 contender: a TC3 signer and nothing else (no typed
//! requests, no transport, no HmacSHA*), so it appears in the signing row only.
//!
//! Its `sign` takes the canonical pieces rather than a request, so the caller hashes the body and
//! writes the canonical headers; that work is part of "serialized body to `Authorization`" and is
//! measured with it.

use tencentcloud_sign_sdk::{Tc3Signer, sha256_hex};

use crate::vector::Vector;

/// The signer for the vector's keys and service; built once, as an application would.
pub fn signer(vector: &Vector) -> Tc3Signer {
    Tc3Signer::new(
        vector.secret_id.clone(),
        vector.secret_key.clone(),
        vector.service.clone(),
        false,
    )
}

/// TC3 signing only: the serialized body in, the `Authorization` value out.
pub fn sign_tc3(signer: &Tc3Signer, vector: &Vector, body: &str) -> String {
    const SIGNED_HEADERS: &str = "content-type;host";
    let canonical_headers = format!("content-type:application/json\nhost:{}\n", vector.host);
    let timestamp = i64::try_from(vector.timestamp).unwrap_or(i64::MAX);
    let result = signer.sign(
        "POST",
        "/",
        "",
        &canonical_headers,
        SIGNED_HEADERS,
        &sha256_hex(body),
        timestamp,
    );
    signer.create_authorization_header(&result, SIGNED_HEADERS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tc3_signature_matches_vector_13_4() {
        let vector = Vector::load().unwrap();
        let signer = signer(&vector);
        assert_eq!(
            sign_tc3(&signer, &vector, &vector.body),
            vector.authorization
        );
    }
}
