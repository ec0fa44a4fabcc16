//! The `tencentcloud-emulator` binary: it prints exactly one `listening on http://ADDR` line
//! with the real port, serves signed calls with the default pair, and stops cleanly on SIGTERM.

#![cfg(unix)]

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tencentcloud_core::{Credentials, RetryPolicy};
use tencentcloud_emulator::{DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY};
use tencentcloud_ses::ListEmailTemplatesRequest;

#[tokio::test]
async fn the_binary_announces_its_port_serves_and_stops_on_sigterm() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tencentcloud-emulator"))
        .args(["--listen", "127.0.0.1:0"])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    stdout.read_line(&mut line).expect("a line on stdout");
    let url = line
        .strip_suffix('\n')
        .and_then(|line| line.strip_prefix("listening on "))
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_owned();
    let port: u16 = url
        .strip_prefix("http://127.0.0.1:")
        .and_then(|port| port.parse().ok())
        .unwrap_or_else(|| panic!("no real port in {url:?}"));
    assert_ne!(port, 0);

    let core = tencentcloud_core::Client::builder()
        .endpoint_url(url.clone())
        .credentials(Credentials::new(DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY).unwrap())
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    let page = tencentcloud_ses::Client::new(core)
        .list_email_templates(&ListEmailTemplatesRequest {
            limit: 10,
            offset: 0,
        })
        .await
        .expect("the default pair is accepted");
    assert_eq!(page.total_count, 0);

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().expect("the child can be waited for") {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "still running 10 s after SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert!(status.success(), "{status:?}");

    // Nothing but that one line on stdout; the default pair was announced on stderr.
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    assert_eq!(rest, "");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(stderr.contains(DEFAULT_SECRET_ID), "{stderr}");
    assert!(stderr.contains(DEFAULT_SECRET_KEY), "{stderr}");
}

#[test]
fn help_documents_every_option() {
    let output = Command::new(env!("CARGO_BIN_EXE_tencentcloud-emulator"))
        .arg("--help")
        .output()
        .expect("the binary runs");
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for option in [
        "--listen",
        "--secret-id",
        "--secret-key",
        "--token",
        "--smtp-relay",
        "--webhook-url",
        "--require-verification",
        "--hold-templates",
        "/_emulator/messages",
    ] {
        assert!(help.contains(option), "{option} missing from --help");
    }
}

#[test]
fn a_secret_id_without_its_key_is_refused() {
    let output = Command::new(env!("CARGO_BIN_EXE_tencentcloud-emulator"))
        .args(["--secret-id", "AKIDonly"])
        .output()
        .expect("the binary runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--secret-key"), "{stderr}");
}

/// After a slip such as `--secret-key= KEY`, the unexpected argument is the key: clap would
/// repeat it in its message, the binary does not.
#[test]
fn an_unexpected_argument_is_not_repeated() {
    let output = Command::new(env!("CARGO_BIN_EXE_tencentcloud-emulator"))
        .args(["--secret-id", "AKIDonly", "--secret-key=", "SECRET-MARKER"])
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("unexpected argument"), "{stderr}");
    assert!(!stderr.contains("SECRET-MARKER"), "{stderr}");
}
