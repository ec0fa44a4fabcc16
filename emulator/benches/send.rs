//! SendEmail throughput through the emulator over loopback HTTP, signature checks included, and
//! the memory the emulator holds per 10,000 stored messages.
//!
//! `cargo bench -p tencentcloud-emulator --bench send`. The memory figure is printed first; it
//! is the growth of the process's resident set while 10,000 templated mails are stored, so it
//! includes the allocator's slack and is a rough figure, not an exact one.

use std::hint::black_box;
use std::time::Duration;

use base64::Engine as _;
use criterion::{Criterion, Throughput};
use serde_json::json;
use tencentcloud_core::RetryPolicy;
use tencentcloud_emulator::backend::{Backend, Params};
use tencentcloud_emulator::{Emulator, EmulatorHandle};
use tencentcloud_ses::{
    Client, CreateEmailAddressRequest, CreateEmailIdentityRequest, CreateEmailTemplateRequest,
    SendEmailRequest, Template, TemplateContent,
};
use tokio::runtime::Runtime;

const FROM: &str = "bench@mail.example.com";
/// How many calls the concurrent benchmark has in flight at once.
const PARALLEL: usize = 16;

fn runtime() -> Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a Tokio runtime")
}

/// An emulator with a verified domain, a sender and an approved template; its client and the
/// template id.
async fn prepared() -> (EmulatorHandle, Client, u64) {
    let emulator = Emulator::start().await.expect("the emulator starts");
    let core = tencentcloud_core::Client::builder()
        .endpoint_url(emulator.url())
        .credentials(emulator.credentials())
        .retry_policy(RetryPolicy::disabled())
        .build()
        .expect("a client");
    let ses = Client::new(core);
    ses.create_email_identity(&CreateEmailIdentityRequest {
        email_identity: "mail.example.com".to_owned(),
        dkim_option: None,
        tag_list: None,
    })
    .await
    .expect("CreateEmailIdentity");
    ses.create_email_address(&CreateEmailAddressRequest {
        email_address: FROM.to_owned(),
        email_sender_name: None,
    })
    .await
    .expect("CreateEmailAddress");
    let encode = |text: &str| base64::engine::general_purpose::STANDARD.encode(text);
    let template = ses
        .create_email_template(&CreateEmailTemplateRequest {
            template_name: "bench".to_owned(),
            template_content: TemplateContent {
                html: Some(encode("<p>Hello {{name}}, your code is {{code}}.</p>")),
                text: Some(encode("Hello {{name}}, your code is {{code}}.")),
            },
        })
        .await
        .expect("CreateEmailTemplate");
    (emulator, ses, template.template_id)
}

fn mail(template_id: u64, index: usize) -> SendEmailRequest {
    SendEmailRequest::builder()
        .from_email_address(FROM)
        .subject("Your code")
        .destination(vec![format!("user{index}@example.net")])
        .template(Template {
            template_id,
            template_data: json!({"name": format!("user {index}"), "code": index}).to_string(),
        })
        .build()
}

fn send_email(c: &mut Criterion) {
    let runtime = runtime();
    let (emulator, ses, template_id) = runtime.block_on(prepared());
    let mut group = c.benchmark_group("send_email");
    group.measurement_time(Duration::from_secs(10));

    group.throughput(Throughput::Elements(1));
    let mut index = 0;
    group.bench_function("one_client_sequential", |b| {
        b.iter(|| {
            index += 1;
            let sent = runtime.block_on(ses.send_email(&mail(template_id, index)));
            black_box(sent.expect("sent"))
        });
    });

    group.throughput(Throughput::Elements(PARALLEL as u64));
    group.bench_function("16_concurrent_calls", |b| {
        b.iter(|| {
            runtime.block_on(async {
                let calls = (0..PARALLEL).map(|offset| {
                    let ses = ses.clone();
                    let request = mail(template_id, index + offset);
                    tokio::spawn(async move { ses.send_email(&request).await })
                });
                let handles: Vec<_> = calls.collect();
                for handle in handles {
                    black_box(handle.await.expect("a task").expect("sent"));
                }
            });
            index += PARALLEL;
        });
    });
    group.finish();
    runtime.block_on(emulator.shutdown());
}

/// The resident set size of this process, in bytes (Linux only).
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    // Every Linux platform Rust targets in practice uses 4 KiB pages.
    Some(pages * 4096)
}

/// Stores 10,000 mails straight through the backend and prints how much the RSS grew.
fn report_memory_per_10k_messages() {
    const MESSAGES: usize = 10_000;
    let runtime = runtime();
    let (emulator, _ses, template_id) = runtime.block_on(prepared());
    let params = |index| {
        let request = mail(template_id, index);
        Params::Json(serde_json::to_value(&request).expect("a JSON request"))
    };
    // Warm up the allocator and the backend's tables first.
    for index in 0..100 {
        Backend::call(emulator.ses(), "SendEmail", &params(index)).expect("sent");
    }
    let Some(before) = resident_bytes() else {
        eprintln!("memory: /proc/self/statm is not available on this platform");
        return;
    };
    for index in 100..100 + MESSAGES {
        Backend::call(emulator.ses(), "SendEmail", &params(index)).expect("sent");
    }
    let after = resident_bytes().unwrap_or(before);
    let stored = emulator.ses().messages();
    let eml_bytes: usize = stored.iter().map(|message| message.eml.len()).sum();
    let per_message_eml = eml_bytes / stored.len().max(1);
    let growth = after.saturating_sub(before);
    println!(
        "memory held per {MESSAGES} stored messages: {} KiB of RSS growth \
         ({} bytes per message; each raw .eml is about {per_message_eml} bytes)",
        growth / 1024,
        growth / MESSAGES as u64,
    );
    drop(stored);
    runtime.block_on(emulator.shutdown());
}

fn main() {
    // `cargo test --benches` runs this binary without `--bench` to smoke-test it; the memory
    // figure is only worth its 10,000 sends in a real benchmark run.
    if std::env::args().any(|arg| arg == "--bench") {
        report_memory_per_10k_messages();
    }
    let mut criterion = Criterion::default().configure_from_args();
    send_email(&mut criterion);
    criterion.final_summary();
}
