//! The 14 signing vectors of docs/protocol.md section 9 (`fixtures/vectors.json`, copied from the
//! spec), checked one step at a time so a failure names the vector and the step that broke.
//!
//! The three documented TC3 examples and the documented v1 example carry no `inputs` in the
//! file; their inputs are the ones docs/protocol.md sections 2 and 3.2 state, written out below.
//! Every request the official SDK produced is also fed to the verifier, which must accept it.

use std::collections::HashMap;

use serde_json::Value;
use tencentcloud_core::HttpMethod;
use tencentcloud_core::sign::legacy::{self, CommonParams, LegacyAlgorithm};
use tencentcloud_core::sign::verify::{
    LegacyRequest, StoredKey, Tc3Request, verify_legacy, verify_tc3,
};
use tencentcloud_core::sign::{Payload, SignableRequest, SigningParams, tc3};

const EXAMPLE_ID: &str = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
const EXAMPLE_KEY: &str = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
const DOC_TIMESTAMP: u64 = 1_551_113_065;

fn vector(name: &str) -> Value {
    let list: Vec<Value> = serde_json::from_str(include_str!("fixtures/vectors.json"))
        .expect("fixtures/vectors.json is JSON");
    assert_eq!(list.len(), 14, "the fixture has 14 vectors");
    list.into_iter()
        .find(|vector| vector.get("name").and_then(Value::as_str) == Some(name))
        .unwrap_or_else(|| panic!("vector {name} is in the fixture"))
}

fn text<'v>(value: &'v Value, path: &[&str]) -> &'v str {
    path.iter()
        .try_fold(value, |value, key| value.get(key))
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("field {} is a string", path.join(".")))
}

fn has(vector: &Value, field: &str) -> bool {
    vector.get(field).is_some()
}

/// One step: `actual` must equal the vector's `field`.
fn step(vector: &Value, name: &str, actual: impl AsRef<str>, field: &str) {
    assert_eq!(
        actual.as_ref(),
        text(vector, &[field]),
        "vector {}, step {name}",
        text(vector, &["name"])
    );
}

/// Checks every TC3 step the vector records, from the request and keys given.
fn check_tc3(vector: &Value, request: &SignableRequest<'_>, params: &SigningParams<'_>) {
    if has(vector, "hashed_request_payload") {
        let hashed = tc3::hashed_payload(request.payload);
        step(
            vector,
            "hashed payload",
            hashed.as_str(),
            "hashed_request_payload",
        );
    }
    step(
        vector,
        "canonical request",
        tc3::canonical_request(request),
        "canonical_request",
    );
    let hashed_request = tc3::hashed_canonical_request(request);
    step(
        vector,
        "hashed canonical request",
        hashed_request.as_str(),
        "hashed_canonical_request",
    );
    if has(vector, "credential_scope") {
        let scope = tc3::credential_scope(params.timestamp, params.service);
        step(vector, "credential scope", scope, "credential_scope");
    }
    let string_to_sign =
        tc3::string_to_sign(params.timestamp, params.service, hashed_request.as_str());
    step(vector, "string to sign", &string_to_sign, "string_to_sign");

    let date = tc3::credential_date(params.timestamp);
    let secret_date = tc3::secret_date(params.secret_key, date.as_str());
    let secret_service = tc3::secret_service(&secret_date, params.service);
    let secret_signing = tc3::secret_signing(&secret_service);
    if has(vector, "secret_signing_hex") {
        let hex_of = |key: &tc3::DerivedKey| hex::encode(key.as_bytes());
        step(
            vector,
            "SecretDate",
            hex_of(&secret_date),
            "secret_date_hex",
        );
        step(
            vector,
            "SecretService",
            hex_of(&secret_service),
            "secret_service_hex",
        );
        step(
            vector,
            "SecretSigning",
            hex_of(&secret_signing),
            "secret_signing_hex",
        );
        let chained = tc3::signing_key(params.secret_key, date.as_str(), params.service);
        step(
            vector,
            "signing key, chained",
            hex_of(&chained),
            "secret_signing_hex",
        );
    }
    let signature = tc3::signature(&secret_signing, &string_to_sign);
    step(vector, "signature", signature.as_str(), "signature");

    let signed = tc3::sign(request, params);
    step(vector, "sign(): signature", signed.signature(), "signature");
    if has(vector, "authorization") {
        step(
            vector,
            "sign(): Authorization",
            signed.authorization(),
            "authorization",
        );
        let scope = tc3::credential_scope(params.timestamp, params.service);
        let signed_headers = text(vector, &["canonical_request"])
            .split('\n')
            .nth_back(1)
            .unwrap_or_default();
        let header =
            tc3::authorization(params.secret_id, &scope, signed_headers, signature.as_str());
        step(vector, "authorization()", header, "authorization");
    }
}

#[test]
fn tc3_doc_cvm_describeinstances() {
    // docs/protocol.md 2.1: the older documentation revision, EXAMPLE keys.
    let vector = vector("tc3_doc_cvm_describeinstances");
    let body = text(&vector, &["payload"]);
    let request = SignableRequest::new(
        HttpMethod::Post,
        "cvm.tencentcloudapi.com",
        "application/json; charset=utf-8",
        Payload::Bytes(body.as_bytes()),
    );
    let params = SigningParams {
        secret_id: EXAMPLE_ID,
        secret_key: EXAMPLE_KEY,
        service: "cvm",
        timestamp: DOC_TIMESTAMP,
    };
    check_tc3(&vector, &request, &params);
}

#[test]
fn tc3_doc_cvm_describeinstances_current_x_tc_action() {
    // docs/protocol.md 2.2: the current revision also signs x-tc-action; its keys are literally the
    // masked text.
    let vector = vector("tc3_doc_cvm_describeinstances_current_x_tc_action");
    let body = text(&vector, &["payload"]);
    let extra = [("X-TC-Action", "DescribeInstances")];
    let request = SignableRequest::new(
        HttpMethod::Post,
        "cvm.tencentcloudapi.com",
        "application/json; charset=utf-8",
        Payload::Bytes(body.as_bytes()),
    )
    .with_extra_signed_headers(&extra);
    let params = SigningParams {
        secret_id: text(&vector, &["secret_id"]),
        secret_key: text(&vector, &["secret_key"]),
        service: "cvm",
        timestamp: DOC_TIMESTAMP,
    };
    check_tc3(&vector, &request, &params);
}

#[test]
fn tc3_doc_common_params_get_example() {
    // docs/protocol.md 2.3: GET with `Limit=10&Offset=0`, EXAMPLE keys, service cvm.
    let vector = vector("tc3_doc_common_params_get_example");
    let timestamp = vector["timestamp"].as_u64().expect("timestamp is a number");
    let request = SignableRequest::new(
        HttpMethod::Get,
        "cvm.tencentcloudapi.com",
        "application/x-www-form-urlencoded",
        Payload::Bytes(b""),
    )
    .with_query("Limit=10&Offset=0");
    let params = SigningParams {
        secret_id: EXAMPLE_ID,
        secret_key: EXAMPLE_KEY,
        service: "cvm",
        timestamp,
    };
    check_tc3(&vector, &request, &params);
}

/// A vector the SDK produced: inputs, request and sent headers are all in the record.
fn check_sdk_tc3(name: &str) {
    let vector = vector(name);
    let method = HttpMethod::from_wire(text(&vector, &["inputs", "method"])).expect("GET or POST");
    let wire = text(&vector, &["url_query_or_body"]);
    let unsigned = vector["request"]["unsigned_payload"].as_bool() == Some(true);
    let (query, body) = match method {
        HttpMethod::Get => (wire, ""),
        HttpMethod::Post => ("", wire),
    };
    let payload = if unsigned {
        Payload::Unsigned
    } else {
        Payload::Bytes(body.as_bytes())
    };
    let host = text(&vector, &["request", "host"]);
    let content_type = text(&vector, &["sent_headers", "Content-Type"]);
    let request = SignableRequest::new(method, host, content_type, payload).with_query(query);
    let params = SigningParams {
        secret_id: text(&vector, &["inputs", "secret_id"]),
        secret_key: text(&vector, &["inputs", "secret_key"]),
        service: text(&vector, &["inputs", "service"]),
        timestamp: vector["inputs"]["timestamp"]
            .as_u64()
            .expect("timestamp is a number"),
    };
    check_tc3(&vector, &request, &params);
    assert_eq!(
        tc3::sign(&request, &params).authorization(),
        text(&vector, &["sent_headers", "Authorization"]),
        "vector {name}, step Authorization header the SDK sent"
    );

    // The request exactly as the SDK sent it must pass the verifier.
    let headers: Vec<(String, String)> = vector["sent_headers"]
        .as_object()
        .expect("sent_headers is an object")
        .iter()
        .map(|(name, value)| (name.clone(), value.as_str().unwrap_or_default().to_owned()))
        .collect();
    let mut store = HashMap::new();
    let mut key = StoredKey::new(params.secret_key);
    if let Some(token) = vector["inputs"]["token"].as_str() {
        key = key.with_token(token);
    }
    store.insert(params.secret_id.to_owned(), key);
    let received = Tc3Request {
        method: method.as_str(),
        host,
        path: "/",
        query,
        headers: &headers,
        body: body.as_bytes(),
    };
    let verified = verify_tc3(&received, params.service, params.timestamp + 299, &store);
    assert!(verified.is_ok(), "vector {name}, step verify: {verified:?}");
}

#[test]
fn tc3_post_json_ses_sendemail() {
    check_sdk_tc3("tc3_post_json_ses_sendemail");
}

#[test]
fn tc3_get_cvm_describeinstances() {
    check_sdk_tc3("tc3_get_cvm_describeinstances");
}

#[test]
fn tc3_post_json_ses_sendemail_with_token() {
    check_sdk_tc3("tc3_post_json_ses_sendemail_with_token");
}

#[test]
fn tc3_post_json_ses_sendemail_unsigned_payload() {
    check_sdk_tc3("tc3_post_json_ses_sendemail_unsigned_payload");
}

#[test]
fn tc3_post_multipart_ocr() {
    check_sdk_tc3("tc3_post_multipart_ocr");
}

#[test]
fn v1_doc_cvm_describeinstances() {
    // docs/protocol.md 3.2: the documented parameters, which include no SignatureMethod.
    let vector = vector("v1_doc_cvm_describeinstances");
    let mut params = vec![
        ("Version", "2017-03-12"),
        ("Timestamp", "1465185768"),
        ("SecretId", EXAMPLE_ID),
        ("Region", "ap-guangzhou"),
        ("Offset", "0"),
        ("Nonce", "11886"),
        ("Limit", "20"),
        ("InstanceIds.0", "ins-09dx96dg"),
        ("Action", "DescribeInstances"),
    ];
    legacy::sort_params(&mut params).expect("names are unique");
    let string_to_sign =
        legacy::string_to_sign(HttpMethod::Get, "cvm.tencentcloudapi.com", "/", &params);
    step(&vector, "string to sign", &string_to_sign, "string_to_sign");
    for (algorithm, field) in [
        (LegacyAlgorithm::HmacSha1, "HmacSHA1"),
        (LegacyAlgorithm::HmacSha256, "HmacSHA256"),
    ] {
        let signature = legacy::signature(algorithm, EXAMPLE_KEY, &string_to_sign);
        step(&vector, &format!("signature {field}"), signature, field);
    }
}

/// Tencent's flattening of the vectors' simple `params`: scalars as text, list items by index.
fn flatten(prefix: &str, value: &Value, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let name = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&name, inner, out);
            }
        }
        Value::Array(items) => {
            for (index, inner) in items.iter().enumerate() {
                flatten(&format!("{prefix}.{index}"), inner, out);
            }
        }
        Value::String(text) => out.push((prefix.to_owned(), text.clone())),
        Value::Null => {}
        other => out.push((prefix.to_owned(), other.to_string())),
    }
}

/// `k=v&...` with percent-decoded values, sorted by name.
fn decode_form(encoded: &str) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = encoded
        .split('&')
        .map(|pair| {
            let (name, value) = pair.split_once('=').expect("every pair has `=`");
            let value = percent_encoding::percent_decode_str(value)
                .decode_utf8()
                .expect("values are UTF-8");
            (name.to_owned(), value.into_owned())
        })
        .collect();
    pairs.sort();
    pairs
}

fn check_sdk_legacy(name: &str) {
    let vector = vector(name);
    let inputs = &vector["inputs"];
    let request = &vector["request"];
    let method = HttpMethod::from_wire(text(&vector, &["inputs", "method"])).expect("GET or POST");
    let algorithm = match text(&vector, &["inputs", "sign_method"]) {
        "HmacSHA1" => LegacyAlgorithm::HmacSha1,
        _ => LegacyAlgorithm::HmacSha256,
    };
    let common = CommonParams {
        action: text(request, &["action"]),
        version: text(request, &["version"]),
        region: request["region"].as_str(),
        timestamp: inputs["timestamp"].as_u64().expect("timestamp is a number"),
        nonce: inputs["nonce"].as_u64().expect("nonce is a number"),
        secret_id: text(inputs, &["secret_id"]),
        secret_key: text(inputs, &["secret_key"]),
        token: inputs["token"].as_str(),
        language: request["language"].as_str(),
        request_client: request["request_client"].as_str(),
        algorithm,
    };
    let host = text(request, &["host"]);
    let mut business = Vec::new();
    flatten("", &request["params"], &mut business);

    let mut unsigned = legacy::common_params(&common);
    unsigned.extend(business.iter().cloned());
    legacy::sort_params(&mut unsigned).expect("names are unique");
    let string_to_sign = legacy::string_to_sign(method, host, "/", &unsigned);
    step(&vector, "string to sign", &string_to_sign, "string_to_sign");
    let signature = legacy::signature(algorithm, common.secret_key, &string_to_sign);
    step(&vector, "signature", &signature, "signature_base64");

    let mut signed = legacy::sign(method, host, "/", &common, business).expect("signs");
    let last = signed.last().cloned().unwrap_or_default();
    assert_eq!(
        last.0, "Signature",
        "vector {name}, step sign(): Signature comes last"
    );
    step(&vector, "sign(): Signature", &last.1, "signature_base64");
    signed.sort();
    assert_eq!(
        signed,
        decode_form(text(&vector, &["form_or_query_encoded"])),
        "vector {name}, step sign(): the parameter set the SDK sent"
    );

    // The SDK's own parameters must pass the verifier.
    let sent = decode_form(text(&vector, &["form_or_query_encoded"]));
    let mut key = StoredKey::new(common.secret_key);
    if let Some(token) = common.token {
        key = key.with_token(token);
    }
    let store = |id: &str| (id == common.secret_id).then(|| key.clone());
    let received = LegacyRequest {
        method: method.as_str(),
        host,
        path: "/",
        params: &sent,
    };
    let verified = verify_legacy(&received, common.timestamp - 299, &store);
    assert!(verified.is_ok(), "vector {name}, step verify: {verified:?}");
    assert_eq!(
        verified.map(|caller| caller.scheme),
        Ok(algorithm.scheme()),
        "vector {name}, step verify: scheme"
    );
}

#[test]
fn v1_hmac_sha1_post_cvm_describeinstances() {
    check_sdk_legacy("v1_HmacSHA1_post_cvm_describeinstances");
}

#[test]
fn v1_hmac_sha1_get_cvm_describeinstances() {
    check_sdk_legacy("v1_HmacSHA1_get_cvm_describeinstances");
}

#[test]
fn v1_hmac_sha256_post_cvm_describeinstances() {
    check_sdk_legacy("v1_HmacSHA256_post_cvm_describeinstances");
}

#[test]
fn v1_hmac_sha256_get_cvm_describeinstances() {
    check_sdk_legacy("v1_HmacSHA256_get_cvm_describeinstances");
}

#[test]
fn v1_hmac_sha256_post_cvm_describeinstances_with_token() {
    check_sdk_legacy("v1_HmacSHA256_post_cvm_describeinstances_with_token");
}

#[test]
fn unsigned_payload_hash_is_the_documented_constant() {
    // docs/protocol.md 1.6 gives sha256("UNSIGNED-PAYLOAD") and 1.3 the hash of the empty body.
    assert_eq!(
        tc3::hashed_payload(Payload::Unsigned).as_str(),
        "438d4109ef0d676b8c2c7ed13cdfcb418e494d53b843d4634ce3b1085f07bb96"
    );
    assert_eq!(
        tc3::hashed_payload(Payload::Bytes(b"")).as_str(),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
}
