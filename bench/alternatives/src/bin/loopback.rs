//! Loopback round trips of the Rust contenders against the shared server: ours
//! (`tencentcloud-ses`), a raw reqwest loop sending a request we signed beforehand, and
//! crates.io `tencentcloud-sdk`; 1 and 8 in flight, rounds interleaved across contenders so a
//! burst of load on the shared machine hits them alike. Writes one JSON object per line.
//!
//! `loopback --url http://127.0.0.1:PORT --out FILE [--rounds 3] [--round-seconds 1.5]
//! [--warmup-seconds 0.5] [--only CONTENDER[,CONTENDER...]]`
//!
//! `--only ours` (or `raw-reqwest`, `tencentcloud-sdk`) runs one contender alone, e.g. under a
//! profiler; a comma-separated list runs those, interleaved as usual. `ours-prepare-raw-send`
//! is a diagnostic that runs only when named there, never in the report: each request prepared
//! (encoded and signed) by our client, then sent and read by a raw reqwest client, which splits
//! our distance from the raw loop into preparing and the rest of our call. `ours-no-attempt-timer`
//! is another: our client with the attempt limit lifted, which shows what the default attempt
//! timeout costs.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use tencentcloud_bench_alternatives::loopback::{self, OneRequest};
use tencentcloud_bench_alternatives::vector::Vector;
use tencentcloud_bench_alternatives::{ours, tencentcloud_sdk};

struct Args {
    url: String,
    out: String,
    rounds: usize,
    round: Duration,
    warmup: Duration,
    only: Option<String>,
}

fn seconds(flag: &str, value: Option<String>) -> Result<Duration, String> {
    let value = value.ok_or(format!("{flag} needs a number of seconds"))?;
    value
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s > 0.0 && *s < 600.0)
        .map(Duration::from_secs_f64)
        .ok_or(format!(
            "{flag} {value}: expected seconds between 0 and 600"
        ))
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let (mut url, mut out) = (None, None);
    let mut parsed = Args {
        url: String::new(),
        out: String::new(),
        rounds: 3,
        round: Duration::from_millis(1_500),
        warmup: Duration::from_millis(500),
        only: None,
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--url" => url = args.next(),
            "--out" => out = args.next(),
            "--rounds" => {
                let value = args.next().unwrap_or_default();
                parsed.rounds = value
                    .parse()
                    .ok()
                    .filter(|n| (1..=20).contains(n))
                    .ok_or(format!("--rounds {value}: expected 1 to 20"))?;
            }
            "--round-seconds" => parsed.round = seconds("--round-seconds", args.next())?,
            "--warmup-seconds" => parsed.warmup = seconds("--warmup-seconds", args.next())?,
            "--only" => parsed.only = Some(args.next().ok_or("--only needs a contender's name")?),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    parsed.url = url.ok_or("--url http://127.0.0.1:PORT is required")?;
    parsed.out = out.ok_or("--out FILE is required")?;
    Ok(parsed)
}

async fn contenders(url: &str) -> Result<Vec<(&'static str, OneRequest)>, String> {
    let vector = Vector::load().map_err(|e| e.to_string())?;

    let client = ours::loopback_client(&vector, url).map_err(|e| e.to_string())?;
    let request = Arc::new(ours::request(&vector).map_err(|e| e.to_string())?);
    let presigned = ours::Presigned::new(&client, &request)
        .await
        .map_err(|e| e.to_string())?;
    let prepare_raw_one = ours::prepare_then_raw_send(client.clone(), Arc::clone(&request))
        .map_err(|e| e.to_string())?;
    let untimed =
        ours::loopback_client_without_attempt_timer(&vector, url).map_err(|e| e.to_string())?;
    let ours_one = ours_sending(client, Arc::clone(&request));
    let untimed_one = ours_sending(untimed, Arc::clone(&request));

    let raw = reqwest::Client::builder()
        .tcp_nodelay(true)
        .build()
        .map_err(|e| format!("building the raw reqwest client: {e}"))?;
    let raw_one: OneRequest = Arc::new(move || {
        let raw = raw.clone();
        let request = presigned.to_reqwest();
        Box::pin(async move {
            let response = raw
                .execute(request.map_err(|e| e.to_string())?)
                .await
                .map_err(|e| e.to_string())?;
            response.bytes().await.map(drop).map_err(|e| e.to_string())
        })
    });

    let theirs = tencentcloud_sdk::loopback_client(&vector, &format!("{url}/"))
        .map_err(|e| e.to_string())?;
    let their_request = Arc::new(tencentcloud_sdk::request(&vector).map_err(|e| e.to_string())?);
    let theirs_one: OneRequest = Arc::new(move || {
        let (client, request) = (theirs.clone(), Arc::clone(&their_request));
        Box::pin(async move {
            client
                .send_email(&request)
                .await
                .map(drop)
                .map_err(|e| format!("{e:?}"))
        })
    });

    Ok(vec![
        ("ours", ours_one),
        ("raw-reqwest", raw_one),
        ("tencentcloud-sdk", theirs_one),
        (DIAGNOSTICS[0], prepare_raw_one),
        (DIAGNOSTICS[1], untimed_one),
    ])
}

/// One `send_email` of `request` by `client`, as a loop's request.
fn ours_sending(
    client: tencentcloud_ses::Client,
    request: Arc<tencentcloud_ses::SendEmailRequest>,
) -> OneRequest {
    Arc::new(move || {
        let (client, request) = (client.clone(), Arc::clone(&request));
        Box::pin(async move {
            client
                .send_email(&request)
                .await
                .map(drop)
                .map_err(|e| e.to_string())
        })
    })
}

/// The contenders that only run when asked for by name.
const DIAGNOSTICS: [&str; 2] = ["ours-prepare-raw-send", "ours-no-attempt-timer"];

async fn run(args: Args) -> Result<(), String> {
    let mut contenders = contenders(&args.url).await?;
    match &args.only {
        Some(only) => {
            let wanted: Vec<&str> = only.split(',').collect();
            if let Some(unknown) = wanted
                .iter()
                .find(|want| !contenders.iter().any(|(name, _)| name == *want))
            {
                return Err(format!(
                    "--only {unknown}: expected ours, raw-reqwest, tencentcloud-sdk, {} or {}",
                    DIAGNOSTICS[0], DIAGNOSTICS[1]
                ));
            }
            contenders.retain(|(name, _)| wanted.contains(name));
        }
        None => contenders.retain(|(name, _)| !DIAGNOSTICS.contains(name)),
    }
    let mut lines = String::new();
    for in_flight in [1usize, 8] {
        let mut rounds: Vec<Vec<loopback::Round>> = vec![Vec::new(); contenders.len()];
        for (_, one) in &contenders {
            loopback::round(one, in_flight, args.warmup).await;
        }
        for _ in 0..args.rounds {
            for (index, (_, one)) in contenders.iter().enumerate() {
                rounds[index].push(loopback::round(one, in_flight, args.round).await);
            }
        }
        for ((name, _), rounds) in contenders.iter().zip(&rounds) {
            let summary = loopback::summarize(rounds);
            let line = serde_json::json!({
                "suite": "loopback",
                "contender": name,
                "in_flight": in_flight,
                "rps": summary.requests_per_second,
                "rounds_rps": summary.rounds,
                "p50_us": summary.p50_us,
                "p99_us": summary.p99_us,
                "completed": summary.completed,
                "failed": summary.failed,
                "first_error": summary.first_error,
            });
            println!("{line}");
            lines.push_str(&line.to_string());
            lines.push('\n');
        }
    }
    std::fs::write(&args.out, lines).map_err(|e| format!("writing {}: {e}", args.out))
}

fn main() -> ExitCode {
    let result = parse_args().and_then(|args| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .map_err(|e| format!("starting the runtime: {e}"))?
            .block_on(run(args))
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("loopback: {error}");
            ExitCode::FAILURE
        }
    }
}
