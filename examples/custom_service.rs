//! `custom_service`: actions of Tencent Cloud services this project ships no crate for, declared
//! with three attributes and signed by the same runtime as SES.
//!
//! ```text
//! cargo run --example custom_service
//! ```
//!
//! The declarations are in `examples/custom_service/cvm.rs` (CVM `DescribeRegions` as a GET
//! signed with HmacSHA256, `DescribeInstances` with a nested `Filters` list) and
//! `examples/custom_service/sms.rs` (SMS `SendSms`, a POST signed with TC3-HMAC-SHA256). This
//! program builds each request with `Client::prepare`, which does everything `send` does up to
//! the network (endpoint, encoding, limits, signature), and prints it. It runs offline with fixed
//! dummy credentials and a fixed clock, so it needs no account. The guide
//! `docs/declaring-a-service.md` walks through it.

use std::io::{self, Write};
use std::process::ExitCode;

use tencentcloud_core::clock::FixedClock;
use tencentcloud_core::{CallOptions, Client, Credentials, Error, PreparedRequest, Region};
use tencentcloud_examples::cvm::{DescribeInstances, DescribeRegions, Filter};
use tencentcloud_examples::report;
use tencentcloud_examples::sms::SendSms;

/// A made-up key pair in the documented format. Because it is public and valid nowhere, the
/// signatures it produces can be printed in full.
const DUMMY_SECRET_ID: &str = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
/// The secret half of the made-up pair.
const DUMMY_SECRET_KEY: &str = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
/// 2023-11-14 22:13:20 UTC: a fixed time, so the output only changes with the code.
const FIXED_TIME: u64 = 1_700_000_000;

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            report(&error);
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Error> {
    let client = Client::builder()
        .credentials(Credentials::new(DUMMY_SECRET_ID, DUMMY_SECRET_KEY)?)
        .region(Region::AP_GUANGZHOU)
        .clock(FixedClock(FIXED_TIME))
        .build()?;
    // A fixed trace id instead of a fresh UUID, for output that is the same on every run.
    let options = CallOptions::new().trace_id("custom-service-example");

    let regions = client.prepare_with(&DescribeRegions {}, &options).await?;
    show("CVM DescribeRegions (GET, HmacSHA256)", &regions);

    let instances = DescribeInstances {
        instance_ids: None,
        filters: Some(vec![
            Filter {
                name: "zone".to_owned(),
                values: vec!["ap-guangzhou-3".to_owned(), "ap-guangzhou-4".to_owned()],
            },
            Filter {
                name: "instance-state".to_owned(),
                values: vec!["RUNNING".to_owned()],
            },
        ]),
        offset: Some(0),
        limit: Some(20),
    };
    let instances = client.prepare_with(&instances, &options).await?;
    show(
        "CVM DescribeInstances (GET, TC3-HMAC-SHA256, nested Filters)",
        &instances,
    );

    let sms = SendSms {
        phone_number_set: vec!["+8613800000000".to_owned()],
        sms_sdk_app_id: "1400000000".to_owned(),
        template_id: "449739".to_owned(),
        sign_name: Some("Example".to_owned()),
        template_param_set: Some(vec!["1234".to_owned(), "5".to_owned()]),
        session_context: None,
    };
    let sms = client.prepare_with(&sms, &options).await?;
    show("SMS SendSms (POST, TC3-HMAC-SHA256, JSON body)", &sms);
    Ok(())
}

/// Prints one prepared request the way it would go over the wire.
fn show(title: &str, request: &PreparedRequest) {
    let mut out = io::stdout().lock();
    // A closed pipe (`| head`) ends the output; there is nothing else to do about it.
    let _ = write_request(&mut out, title, request);
}

fn write_request(out: &mut impl Write, title: &str, request: &PreparedRequest) -> io::Result<()> {
    writeln!(out, "=== {title}")?;
    writeln!(out, "{} {}", request.method(), request.uri())?;
    for (name, value) in request.headers() {
        writeln!(out, "{name}: {}", String::from_utf8_lossy(value.as_bytes()))?;
    }
    if request.body().is_empty() {
        writeln!(out, "(no body)")?;
    } else {
        writeln!(out, "\n{}", String::from_utf8_lossy(request.body()))?;
    }
    writeln!(out)
}
