//! Properties of the signers and verifiers under random input: what is signed verifies, any
//! one-byte change to a signed part makes verification fail, and garbage never panics.

use std::collections::HashMap;

use proptest::prelude::*;
use proptest::sample::Index;
use tencentcloud_core::HttpMethod;
use tencentcloud_core::sign::legacy::{self, CommonParams, LegacyAlgorithm};
use tencentcloud_core::sign::verify::{
    LegacyRequest, Mismatch, StoredKey, Tc3Request, VerifyError, verify_legacy, verify_tc3,
};
use tencentcloud_core::sign::{Payload, SignableRequest, SigningParams, tc3};

/// A random TC3 request with its key and the time it is received.
#[derive(Debug, Clone)]
struct Tc3Case {
    method: HttpMethod,
    host: String,
    query: String,
    content_type: String,
    body: Vec<u8>,
    unsigned: bool,
    action: Option<String>,
    secret_id: String,
    secret_key: String,
    token: Option<String>,
    service: String,
    timestamp: u64,
    now: u64,
}

fn tc3_case() -> impl Strategy<Value = Tc3Case> {
    (
        any::<bool>(),
        "[a-z]{1,12}\\.(tencentcloudapi\\.com|example\\.org)(:[0-9]{2,5})?",
        "[A-Za-z0-9=&%._~+-]{0,60}",
        prop_oneof![
            Just("application/json".to_owned()),
            Just("application/x-www-form-urlencoded".to_owned()),
            "multipart/form-data; boundary=[0-9a-f]{32}",
        ],
        proptest::collection::vec(any::<u8>(), 0..300),
        any::<bool>(),
        proptest::option::of("[A-Z][A-Za-z]{2,20}"),
        ("AKID[A-Za-z0-9]{8,32}", "[A-Za-z0-9]{8,40}"),
        proptest::option::of("[A-Za-z0-9_-]{1,60}"),
        "[a-z]{2,10}",
        (0u64..4_000_000_000, -300i64..=300),
    )
        .prop_map(
            |(
                get,
                host,
                query,
                content_type,
                body,
                unsigned,
                action,
                (secret_id, secret_key),
                token,
                service,
                (timestamp, skew),
            )| {
                let method = if get {
                    HttpMethod::Get
                } else {
                    HttpMethod::Post
                };
                Tc3Case {
                    method,
                    host,
                    query: if get { query } else { String::new() },
                    content_type,
                    body: if get { Vec::new() } else { body },
                    unsigned,
                    action,
                    secret_id,
                    secret_key,
                    token,
                    service,
                    timestamp,
                    now: timestamp.saturating_add_signed(skew),
                }
            },
        )
}

impl Tc3Case {
    /// Signs the case; returns the headers as they would be sent.
    fn sign(&self) -> Vec<(String, String)> {
        let extra: Vec<(&str, &str)> = self
            .action
            .iter()
            .map(|action| ("X-TC-Action", action.as_str()))
            .collect();
        let payload = if self.unsigned {
            Payload::Unsigned
        } else {
            Payload::Bytes(&self.body)
        };
        let request = SignableRequest::new(self.method, &self.host, &self.content_type, payload)
            .with_query(&self.query)
            .with_extra_signed_headers(&extra);
        let params = SigningParams {
            secret_id: &self.secret_id,
            secret_key: &self.secret_key,
            service: &self.service,
            timestamp: self.timestamp,
        };
        let signed = tc3::sign(&request, &params);
        let mut headers = vec![
            ("Authorization".to_owned(), signed.into_authorization()),
            ("content-type".to_owned(), self.content_type.clone()),
            ("X-TC-Timestamp".to_owned(), self.timestamp.to_string()),
        ];
        if let Some(action) = &self.action {
            headers.push(("X-TC-Action".to_owned(), action.clone()));
        }
        if let Some(token) = &self.token {
            headers.push(("X-TC-Token".to_owned(), token.clone()));
        }
        if self.unsigned {
            headers.push((
                "X-TC-Content-SHA256".to_owned(),
                "UNSIGNED-PAYLOAD".to_owned(),
            ));
        }
        headers
    }

    fn store(&self) -> HashMap<String, StoredKey> {
        let mut key = StoredKey::new(self.secret_key.clone());
        if let Some(token) = &self.token {
            key = key.with_token(token.clone());
        }
        HashMap::from([(self.secret_id.clone(), key)])
    }

    fn verify(&self, headers: &[(String, String)]) -> Result<(), VerifyError> {
        let request = Tc3Request {
            method: self.method.as_str(),
            host: &self.host,
            path: "/",
            query: &self.query,
            headers,
            body: &self.body,
        };
        verify_tc3(&request, &self.service, self.now, &self.store()).map(|_| ())
    }
}

/// Replaces the character at `at` (any position) with a different printable ASCII character,
/// so the text changes by exactly one byte and stays valid UTF-8.
fn change_one_char(text: &str, at: Index, replacement: u8) -> String {
    if text.is_empty() {
        return char::from(b'a' + replacement % 26).to_string();
    }
    let position = at.index(text.chars().count());
    text.chars()
        .enumerate()
        .map(|(index, original)| {
            if index != position {
                return original;
            }
            let mut candidate = b'!' + replacement % 94;
            if char::from(candidate) == original {
                candidate = if candidate == b'~' {
                    b'!'
                } else {
                    candidate + 1
                };
            }
            char::from(candidate)
        })
        .collect()
}

fn set_header(headers: &mut Vec<(String, String)>, name: &str, value: String) {
    headers.retain(|(existing, _)| !existing.eq_ignore_ascii_case(name));
    headers.push((name.to_owned(), value));
}

/// The parts of a request a tamper test may change by one byte.
#[derive(Debug, Clone, Copy)]
enum Part {
    Body,
    Query,
    Host,
    Timestamp,
    Token,
    Signature,
}

fn part() -> impl Strategy<Value = Part> {
    prop_oneof![
        Just(Part::Body),
        Just(Part::Query),
        Just(Part::Host),
        Just(Part::Timestamp),
        Just(Part::Token),
        Just(Part::Signature),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn tc3_signed_requests_verify(case in tc3_case()) {
        let headers = case.sign();
        prop_assert_eq!(case.verify(&headers), Ok(()));
    }

    #[test]
    fn tc3_fails_after_a_one_byte_change(
        mut case in tc3_case(),
        part in part(),
        at: Index,
        replacement: u8,
    ) {
        let mut headers = case.sign();
        let authorization = headers[0].1.clone();
        let expected_signature = authorization[authorization.len() - 64..].to_owned();
        match part {
            Part::Body => {
                // An unsigned payload leaves the body out on purpose; sign it for this test.
                case.unsigned = false;
                case.method = HttpMethod::Post;
                if case.body.is_empty() {
                    case.body.push(replacement);
                }
                headers = case.sign();
                let index = at.index(case.body.len());
                case.body[index] ^= replacement | 1;
            }
            Part::Query => case.query = change_one_char(&case.query, at, replacement),
            Part::Host => case.host = change_one_char(&case.host, at, replacement),
            Part::Timestamp => {
                let text = case.timestamp.to_string();
                let index = at.index(text.len());
                let digit = text.as_bytes()[index];
                let changed = b'0' + (digit - b'0' + 1 + replacement % 9) % 10;
                let mut bytes = text.into_bytes();
                bytes[index] = changed;
                set_header(&mut headers, "X-TC-Timestamp", String::from_utf8(bytes).unwrap());
            }
            Part::Token => {
                let token = case.token.clone().unwrap_or_default();
                set_header(&mut headers, "X-TC-Token", change_one_char(&token, at, replacement));
            }
            Part::Signature => {
                let index = authorization.len() - 64 + at.index(64);
                let mut bytes = authorization.into_bytes();
                let hex = b"0123456789abcdef";
                let current = hex.iter().position(|b| *b == bytes[index]).unwrap_or(0);
                bytes[index] = hex[(current + 1 + usize::from(replacement % 15)) % 16];
                headers[0].1 = String::from_utf8(bytes).unwrap();
            }
        }
        let result = case.verify(&headers);
        prop_assert!(result.is_err(), "{part:?} changed, still verified");
        if let Err(error) = result {
            let message = error.to_string();
            prop_assert!(!message.contains(&case.secret_key), "{message}");
            prop_assert!(!message.contains(&expected_signature), "{message}");
        }
    }

    #[test]
    fn tc3_garbage_authorization_is_an_error(
        case in tc3_case(),
        garbage in prop_oneof![
            ".*",
            "TC3-HMAC-SHA256 Credential=[A-Za-z0-9/_-]{0,40}, SignedHeaders=[a-z;-]{0,30}, Signature=[0-9a-f]{0,70}",
            "TC3-HMAC-SHA256 [ -~]{0,80}",
        ],
        raw in proptest::collection::vec(any::<u8>(), 0..80),
    ) {
        let mut headers = case.sign();
        headers[0].1 = garbage;
        prop_assert!(case.verify(&headers).is_err());

        let bytes: Vec<(String, Vec<u8>)> = headers
            .iter()
            .map(|(name, value)| (name.clone(), value.clone().into_bytes()))
            .chain([("Authorization".to_owned(), raw)])
            .skip(1)
            .collect();
        let request = Tc3Request {
            method: case.method.as_str(),
            host: &case.host,
            path: "/",
            query: &case.query,
            headers: &bytes,
            body: &case.body,
        };
        prop_assert!(verify_tc3(&request, &case.service, case.now, &case.store()).is_err());
    }
}

/// A random v1 request: business parameters, common parameters and the key.
#[derive(Debug, Clone)]
struct LegacyCase {
    method: HttpMethod,
    host: String,
    business: Vec<(String, String)>,
    algorithm: LegacyAlgorithm,
    region: Option<String>,
    language: Option<String>,
    secret_id: String,
    secret_key: String,
    token: Option<String>,
    timestamp: u64,
    nonce: u64,
    now: u64,
}

fn legacy_case() -> impl Strategy<Value = LegacyCase> {
    (
        any::<bool>(),
        "[a-z]{1,12}\\.tencentcloudapi\\.com",
        proptest::collection::btree_map("[a-z][A-Za-z0-9.]{0,15}", "\\PC{0,20}", 0..8),
        any::<bool>(),
        proptest::option::of("[a-z]{2}-[a-z]{4,10}"),
        proptest::option::of(prop_oneof![
            Just("zh-CN".to_owned()),
            Just("en-US".to_owned())
        ]),
        ("AKID[A-Za-z0-9]{8,32}", "[A-Za-z0-9]{8,40}"),
        proptest::option::of("[A-Za-z0-9_-]{1,60}"),
        (0u64..4_000_000_000, 1u64..u64::MAX, -300i64..=300),
    )
        .prop_map(
            |(
                get,
                host,
                business,
                sha256,
                region,
                language,
                (secret_id, secret_key),
                token,
                (timestamp, nonce, skew),
            )| {
                LegacyCase {
                    method: if get {
                        HttpMethod::Get
                    } else {
                        HttpMethod::Post
                    },
                    host,
                    // Lower-case first letters keep business names apart from the common ones.
                    business: business.into_iter().collect(),
                    algorithm: if sha256 {
                        LegacyAlgorithm::HmacSha256
                    } else {
                        LegacyAlgorithm::HmacSha1
                    },
                    region,
                    language,
                    secret_id,
                    secret_key,
                    token,
                    timestamp,
                    nonce,
                    now: timestamp.saturating_add_signed(skew),
                }
            },
        )
}

impl LegacyCase {
    fn sign(&self) -> Vec<(String, String)> {
        let common = CommonParams {
            action: "DescribeThings",
            version: "2020-10-02",
            region: self.region.as_deref(),
            timestamp: self.timestamp,
            nonce: self.nonce,
            secret_id: &self.secret_id,
            secret_key: &self.secret_key,
            token: self.token.as_deref(),
            language: self.language.as_deref(),
            request_client: Some("proptest"),
            algorithm: self.algorithm,
        };
        legacy::sign(self.method, &self.host, "/", &common, self.business.clone())
            .expect("business names never repeat common ones")
    }

    fn verify(&self, params: &[(String, String)]) -> Result<(), VerifyError> {
        let mut key = StoredKey::new(self.secret_key.clone());
        if let Some(token) = &self.token {
            key = key.with_token(token.clone());
        }
        let store = HashMap::from([(self.secret_id.clone(), key)]);
        let request = LegacyRequest {
            method: self.method.as_str(),
            host: &self.host,
            path: "/",
            params,
        };
        verify_legacy(&request, self.now, &store).map(|_| ())
    }
}

fn find_value<'p>(params: &'p mut [(String, String)], name: &str) -> Option<&'p mut String> {
    params
        .iter_mut()
        .find(|(candidate, _)| candidate == name)
        .map(|(_, value)| value)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn legacy_signed_requests_verify(case in legacy_case()) {
        let params = case.sign();
        prop_assert_eq!(case.verify(&params), Ok(()));
    }

    #[test]
    fn legacy_fails_after_a_one_byte_change(
        mut case in legacy_case(),
        part in part(),
        at: Index,
        replacement: u8,
    ) {
        let mut params = case.sign();
        let signature = params.last().map(|(_, value)| value.clone()).unwrap_or_default();
        match part {
            // The body (POST) or the query (GET) is the parameter list itself: change any value
            // but the signature's.
            Part::Body | Part::Query => {
                let index = at.index(params.len() - 1);
                params[index].1 = change_one_char(&params[index].1, at, replacement);
            }
            Part::Host => case.host = change_one_char(&case.host, at, replacement),
            Part::Timestamp => {
                let value = find_value(&mut params, "Timestamp").unwrap();
                *value = change_one_char(value, at, replacement);
            }
            Part::Token => match find_value(&mut params, "Token") {
                Some(value) => *value = change_one_char(value, at, replacement),
                None => params.push(("Token".to_owned(), "unexpected".to_owned())),
            },
            Part::Signature => {
                let value = find_value(&mut params, "Signature").unwrap();
                *value = change_one_char(value, at, replacement);
            }
        }
        let result = case.verify(&params);
        prop_assert!(result.is_err(), "{part:?} changed, still verified");
        if let Err(error) = result {
            let message = error.to_string();
            prop_assert!(!message.contains(&case.secret_key), "{message}");
            prop_assert!(!message.contains(&signature), "{message}");
        }
    }

    #[test]
    fn legacy_garbage_parameters_are_an_error(
        case in legacy_case(),
        garbage in proptest::collection::vec(
            (
                prop_oneof![
                    Just("Signature".to_owned()),
                    Just("SecretId".to_owned()),
                    Just("Timestamp".to_owned()),
                    Just("Nonce".to_owned()),
                    Just("Token".to_owned()),
                    Just("SignatureMethod".to_owned()),
                    "\\PC{0,12}",
                ],
                prop_oneof!["\\PC{0,30}", "[0-9]{0,25}", "[A-Za-z0-9+/=]{0,44}"],
            ),
            0..12,
        ),
    ) {
        prop_assert!(case.verify(&garbage).is_err());
    }
}

/// A small JSON POST to SES signed at `timestamp`, verified at `now`.
fn plain_tc3_case(timestamp: u64, now: u64) -> Tc3Case {
    Tc3Case {
        method: HttpMethod::Post,
        host: "ses.tencentcloudapi.com".to_owned(),
        query: String::new(),
        content_type: "application/json".to_owned(),
        body: b"{}".to_vec(),
        unsigned: false,
        action: None,
        secret_id: "AKIDtest".to_owned(),
        secret_key: "key".to_owned(),
        token: None,
        service: "ses".to_owned(),
        timestamp,
        now,
    }
}

#[test]
fn tc3_credential_date_mismatch_is_reported_as_such() {
    let case = plain_tc3_case(1_551_139_199, 1_551_139_200);
    let mut headers = case.sign();
    // One second later is the next UTC day: the scope's date no longer fits the timestamp.
    set_header(&mut headers, "X-TC-Timestamp", "1551139200".to_owned());
    assert_eq!(
        case.verify(&headers),
        Err(VerifyError::Mismatch(Mismatch::CredentialDate))
    );
}

#[test]
fn tc3_signature_of_any_other_shape_is_a_wrong_signature() {
    let case = plain_tc3_case(1_551_113_065, 1_551_113_065);
    let signed = case.sign();
    assert_eq!(case.verify(&signed), Ok(()));
    let authorization = signed
        .iter()
        .find(|(name, _)| name == "Authorization")
        .map(|(_, value)| value.clone())
        .unwrap();
    let (head, signature) = authorization.split_once("Signature=").unwrap();
    for wrong in [
        signature.to_ascii_uppercase(),
        signature[..63].to_owned(),
        format!("{signature}0"),
        String::new(),
        "not-hex-at-all".to_owned(),
    ] {
        let mut headers = signed.clone();
        set_header(
            &mut headers,
            "Authorization",
            format!("{head}Signature={wrong}"),
        );
        assert_eq!(
            case.verify(&headers),
            Err(VerifyError::Mismatch(Mismatch::Signature)),
            "{wrong:?}"
        );
    }
}
