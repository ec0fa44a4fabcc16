//! Signing benchmarks: TC3 over the SES SendEmail request of protocol.md vector 13.4 (serialized
//! body to `Authorization` header), and HmacSHA256 / HmacSHA1 over the same request's
//! parameters (flattened parameters to the signed parameter list).
//!
//! `cargo bench -p tencentcloud-core --bench sign -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use serde_json::Value;
use tencentcloud_core::HttpMethod;
use tencentcloud_core::sign::legacy::{self, CommonParams, LegacyAlgorithm};
use tencentcloud_core::sign::{Payload, SignableRequest, SigningParams, tc3};

/// Vector 13.4, `tc3_post_json_ses_sendemail`, from the test fixtures.
fn sendemail_vector() -> Value {
    let list: Vec<Value> = serde_json::from_str(include_str!("../tests/fixtures/vectors.json"))
        .expect("the fixture is JSON");
    list.into_iter()
        .find(|vector| vector["name"] == "tc3_post_json_ses_sendemail")
        .expect("the fixture has vector 13.4")
}

fn field<'v>(value: &'v Value, key: &str) -> &'v str {
    value[key].as_str().expect("a string field")
}

/// SendEmail's parameters flattened the way Tencent's v1 expects (`Template.TemplateID`, ...).
fn flattened_params(params: &Value) -> Vec<(String, String)> {
    fn walk(prefix: &str, value: &Value, out: &mut Vec<(String, String)>) {
        match value {
            Value::Object(map) => {
                for (key, inner) in map {
                    let name = if prefix.is_empty() {
                        key.clone()
                    } else {
                        format!("{prefix}.{key}")
                    };
                    walk(&name, inner, out);
                }
            }
            Value::Array(items) => {
                for (index, inner) in items.iter().enumerate() {
                    walk(&format!("{prefix}.{index}"), inner, out);
                }
            }
            Value::String(text) => out.push((prefix.to_owned(), text.clone())),
            Value::Null => {}
            other => out.push((prefix.to_owned(), other.to_string())),
        }
    }
    let mut out = Vec::new();
    walk("", params, &mut out);
    out
}

fn signing(c: &mut Criterion) {
    let vector = sendemail_vector();
    let inputs = &vector["inputs"];
    let request = &vector["request"];
    let body = field(&vector, "url_query_or_body").to_owned();
    let host = field(request, "host").to_owned();
    let timestamp = inputs["timestamp"].as_u64().expect("a timestamp");
    let secret_id = field(inputs, "secret_id");
    let secret_key = field(inputs, "secret_key");

    let params = SigningParams {
        secret_id,
        secret_key,
        service: field(inputs, "service"),
        timestamp,
    };
    c.bench_function("tc3_sign_sendemail", |b| {
        b.iter(|| {
            let signable = SignableRequest::new(
                HttpMethod::Post,
                black_box(&host),
                "application/json",
                Payload::Bytes(black_box(body.as_bytes())),
            );
            tc3::sign(&signable, &params)
        });
    });

    let business = flattened_params(&request["params"]);
    for (name, algorithm) in [
        ("hmac_sha256_sign", LegacyAlgorithm::HmacSha256),
        ("hmac_sha1_sign", LegacyAlgorithm::HmacSha1),
    ] {
        let common = CommonParams {
            action: field(request, "action"),
            version: field(request, "version"),
            region: request["region"].as_str(),
            timestamp,
            nonce: 11_886,
            secret_id,
            secret_key,
            token: None,
            language: request["language"].as_str(),
            request_client: request["request_client"].as_str(),
            algorithm,
        };
        c.bench_function(name, |b| {
            // Cloning the flattened parameters is the caller's cost, not signing's.
            b.iter_batched(
                || business.clone(),
                |business| legacy::sign(HttpMethod::Post, black_box(&host), "/", &common, business),
                BatchSize::SmallInput,
            );
        });
    }
}

criterion_group!(benches, signing);
criterion_main!(benches);
