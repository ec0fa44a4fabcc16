//! The offline rows of `bench/compare` for the Rust contenders, one criterion group per row so
//! the contenders of a row sit side by side: TC3 signing only, the signed request from typed
//! parameters, the typed call with a canned answer, HmacSHA256 and HmacSHA1 signing.
//!
//! `cargo bench --bench offline -- --warm-up-time 1 --measurement-time 3`
//!
//! The async rows run their whole batch inside one `block_on` of a current-thread runtime with
//! the time driver (the crates.io client needs it for its deadline), so every contender pays the
//! same harness cost: none per call.

#![allow(missing_docs)]

use std::future::Future;
use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use tencentcloud_bench_alternatives::vector::Vector;
use tencentcloud_bench_alternatives::{ours, sign_sdk, tencentcloud_sdk};
use tencentcloud_core::sign::legacy::LegacyAlgorithm;
use tokio::runtime::Runtime;

fn runtime() -> Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a current-thread runtime")
}

/// Runs `iters` calls of `call` one after another inside one `block_on`; returns their time.
fn timed<F, Fut>(runtime: &Runtime, iters: u64, call: F) -> Duration
where
    F: Fn() -> Fut,
    Fut: Future,
{
    runtime.block_on(async {
        let start = Instant::now();
        for _ in 0..iters {
            black_box(call().await);
        }
        start.elapsed()
    })
}

fn vector() -> Vector {
    Vector::load()
        .expect("vector `tc3_post_json_ses_sendemail` from core/tests/fixtures/vectors.json")
}

fn sign_tc3(c: &mut Criterion) {
    let vector = vector();
    let body = vector.body.clone();
    let signer = sign_sdk::signer(&vector);
    let mut group = c.benchmark_group("sign_tc3");
    group.bench_function("ours", |b| {
        b.iter(|| ours::sign_tc3(&vector, black_box(body.as_bytes())));
    });
    group.bench_function("tencentcloud-sign-sdk", |b| {
        b.iter(|| sign_sdk::sign_tc3(&signer, &vector, black_box(&body)));
    });
    group.finish();
}

fn prepare(c: &mut Criterion) {
    let vector = vector();
    let runtime = runtime();
    let ours_client = ours::canned_client(&vector).expect("our client");
    let ours_request = ours::request(&vector).expect("our request");
    let their_client = tencentcloud_sdk::stop_client(&vector).expect("tencentcloud-sdk client");
    let their_request = tencentcloud_sdk::request(&vector).expect("tencentcloud-sdk request");
    let mut group = c.benchmark_group("prepare");
    group.bench_function("ours", |b| {
        b.iter_custom(|iters| {
            timed(&runtime, iters, || async {
                ours_client
                    .core()
                    .prepare(&ours_request)
                    .await
                    .expect("prepared")
            })
        });
    });
    group.bench_function("tencentcloud-sdk", |b| {
        b.iter_custom(|iters| {
            timed(&runtime, iters, || async {
                their_client.send_email(&their_request).await.err()
            })
        });
    });
    group.finish();
}

fn canned_call(c: &mut Criterion) {
    let vector = vector();
    let runtime = runtime();
    let ours_client = ours::canned_client(&vector).expect("our client");
    let ours_request = ours::request(&vector).expect("our request");
    let their_client = tencentcloud_sdk::canned_client(&vector).expect("tencentcloud-sdk client");
    let their_request = tencentcloud_sdk::request(&vector).expect("tencentcloud-sdk request");
    let mut group = c.benchmark_group("canned_call");
    group.bench_function("ours", |b| {
        b.iter_custom(|iters| {
            timed(&runtime, iters, || async {
                ours_client.send_email(&ours_request).await.expect("sent")
            })
        });
    });
    group.bench_function("tencentcloud-sdk", |b| {
        b.iter_custom(|iters| {
            timed(&runtime, iters, || async {
                their_client.send_email(&their_request).await.expect("sent")
            })
        });
    });
    group.finish();
}

fn hmac(c: &mut Criterion) {
    let vector = vector();
    let business = vector.flattened_params();
    for (group, algorithm) in [
        ("hmac_sha256", LegacyAlgorithm::HmacSha256),
        ("hmac_sha1", LegacyAlgorithm::HmacSha1),
    ] {
        let common = ours::common_params(&vector, algorithm);
        let mut group = c.benchmark_group(group);
        group.bench_function("ours", |b| {
            // The caller's flattened parameters are moved into the signer; cloning them is
            // setup, not signing.
            b.iter_batched(
                || business.clone(),
                |business| ours::sign_legacy(&vector, &common, business).expect("signed"),
                BatchSize::SmallInput,
            );
        });
        group.finish();
    }
}

criterion_group!(benches, sign_tc3, prepare, canned_call, hmac);
criterion_main!(benches);
