//! Benchmarks of whole calls: the typed call with the network replaced by a canned answer, and
//! loopback round trips (sequential and 8 in flight) beside a raw reqwest loop sending a
//! pre-signed request and beside our prepared request sent by that same raw loop, in the same
//! run.
//!
//! `cargo bench -p tencentcloud-core --bench call`

#![allow(missing_docs)]

mod common;

use std::future::Future;
use std::time::{Duration, Instant};

use common::{ANSWER, Canned, credentials, ready, send_email};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tencentcloud_core::{Client, Region};

/// The typed call over a canned answer, twice: as a client has it by default (every attempt
/// under the 60 s attempt timeout, so on a Tokio runtime with its timer; each batch of calls runs
/// in one `block_on`, so the harness costs nothing per call), and with the attempt limit lifted,
/// polled once with no runtime at all. The difference is what the attempt timer costs.
fn offline(c: &mut Criterion) {
    let builder = || {
        Client::builder()
            .credentials(credentials())
            .region(Region::AP_HONGKONG)
            .http_sender(Canned)
    };
    let default_client = builder().build().expect("client");
    let untimed_client = builder()
        .attempt_timeout(Duration::MAX)
        .build()
        .expect("client");
    let request = send_email();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("runtime");
    let mut group = c.benchmark_group("typed");
    group.bench_function("canned_call_sendemail", |b| {
        b.iter_custom(|iters| {
            runtime.block_on(async {
                let start = Instant::now();
                for _ in 0..iters {
                    default_client.send(&request).await.expect("sent");
                }
                start.elapsed()
            })
        });
    });
    group.bench_function("canned_call_sendemail_no_attempt_timer", |b| {
        b.iter(|| ready(untimed_client.send(&request)).expect("sent"));
    });
    group.finish();
}

/// A loopback server answering every POST with the same envelope.
fn start_server(runtime: &tokio::runtime::Runtime) -> std::net::SocketAddr {
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let app = axum::Router::new()
            .fallback(|| async { ([(http::header::CONTENT_TYPE, "application/json")], ANSWER) });
        tokio::spawn(async move { axum::serve(listener, app).await });
        addr
    })
}

/// Runs `iters` sends split over `in_flight` concurrent loops; returns the wall time.
fn run<F, Fut>(runtime: &tokio::runtime::Runtime, iters: u64, in_flight: u64, one: F) -> Duration
where
    F: Fn() -> Fut + Clone + Send + 'static,
    Fut: Future<Output = ()> + Send,
{
    runtime.block_on(async move {
        let start = Instant::now();
        let mut tasks = Vec::new();
        for worker in 0..in_flight {
            let share = iters / in_flight + u64::from(worker < iters % in_flight);
            let one = one.clone();
            tasks.push(tokio::spawn(async move {
                for _ in 0..share {
                    one().await;
                }
            }));
        }
        for task in tasks {
            task.await.expect("worker");
        }
        start.elapsed()
    })
}

fn loopback(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let addr = start_server(&runtime);
    let url = format!("http://{addr}");
    let client = Client::builder()
        .credentials(credentials())
        .region(Region::AP_HONGKONG)
        .endpoint_url(&url)
        .build()
        .expect("client");
    let (parts, body) = ready(client.prepare(&send_email()))
        .expect("prepared")
        .into_http()
        .into_parts();
    let presigned = (parts.method, parts.uri, parts.headers, body);
    let raw = reqwest::Client::builder()
        .tcp_nodelay(true)
        .build()
        .expect("reqwest");

    let mut group = c.benchmark_group("loopback");
    group.throughput(Throughput::Elements(1));
    group.sample_size(20);
    for in_flight in [1u64, 8] {
        let client = client.clone();
        group.bench_function(format!("ours_{in_flight}_in_flight"), |b| {
            b.iter_custom(|iters| {
                let client = client.clone();
                run(&runtime, iters, in_flight, move || {
                    let client = client.clone();
                    async move {
                        client.send(&send_email()).await.expect("sent");
                    }
                })
            });
        });
        // Ours to build and sign, raw reqwest to send: splits the gap between the two rows
        // above and below into building the request and the rest of our call.
        let raw2 = raw.clone();
        let client2 = client.clone();
        group.bench_function(format!("prepared_raw_{in_flight}_in_flight"), |b| {
            b.iter_custom(|iters| {
                let raw = raw2.clone();
                let client = client2.clone();
                run(&runtime, iters, in_flight, move || {
                    let raw = raw.clone();
                    let client = client.clone();
                    async move {
                        let request = client
                            .prepare(&send_email())
                            .await
                            .expect("prepared")
                            .into_http();
                        let request = reqwest::Request::try_from(request).expect("request");
                        let response = raw.execute(request).await.expect("sent");
                        response.bytes().await.expect("body");
                    }
                })
            });
        });
        let raw = raw.clone();
        let presigned = presigned.clone();
        group.bench_function(format!("raw_reqwest_{in_flight}_in_flight"), |b| {
            b.iter_custom(|iters| {
                let raw = raw.clone();
                let presigned = presigned.clone();
                run(&runtime, iters, in_flight, move || {
                    let raw = raw.clone();
                    let (method, uri, headers, body) = presigned.clone();
                    let mut request = http::Request::new(body);
                    *request.method_mut() = method;
                    *request.uri_mut() = uri;
                    *request.headers_mut() = headers;
                    let request = reqwest::Request::try_from(request).expect("request");
                    async move {
                        let response = raw.execute(request).await.expect("sent");
                        response.bytes().await.expect("body");
                    }
                })
            });
        });
    }
    group.finish();
}

criterion_group!(benches, offline, loopback);
criterion_main!(benches);
