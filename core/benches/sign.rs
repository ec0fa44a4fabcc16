//! Signing benchmarks over the SES SendEmail request of signing vector
//! `tc3_post_json_ses_sendemail`: TC3 (serialized body to `Authorization` header), the whole signed request built from the typed value,
//! HmacSHA256 / HmacSHA1 (flattened parameters to the signed parameter list), and flattening.
//!
//! `cargo bench -p tencentcloud-core --bench sign -- --warm-up-time 1 --measurement-time 3`

mod common;

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use serde_json::Value;
use tencentcloud_core::sign::legacy::{self, CommonParams, LegacyAlgorithm};
use tencentcloud_core::sign::{Payload, SignableRequest, SigningParams, tc3};
use tencentcloud_core::{Client, HttpMethod, Region, encode};

/// Vector `tc3_post_json_ses_sendemail`, from the test fixtures.
fn sendemail_vector() -> Value {
    let list: Vec<Value> = serde_json::from_str(include_str!("../tests/fixtures/vectors.json"))
        .expect("the fixture is JSON");
    list.into_iter()
        .find(|vector| vector["name"] == "tc3_post_json_ses_sendemail")
        .expect("the fixture has vector `tc3_post_json_ses_sendemail`")
}

fn field<'v>(value: &'v Value, key: &str) -> &'v str {
    value[key].as_str().expect("a string field")
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

    let typed = common::send_email();
    let client = Client::builder()
        .credentials(common::credentials())
        .region(Region::AP_HONGKONG)
        .http_sender(common::Canned)
        .build()
        .expect("client");
    c.bench_function("build_signed_request_sendemail", |b| {
        b.iter(|| common::ready(client.prepare(black_box(&typed))).expect("prepared"));
    });
    c.bench_function("flatten_sendemail", |b| {
        b.iter(|| encode::flatten(black_box(&typed)).expect("flattened"));
    });

    let business = encode::flatten(&typed).expect("flattened");
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
