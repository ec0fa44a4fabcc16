//! The `tencentcloud-emulator` command: runs the emulator until Ctrl-C or SIGTERM, printing one
//! line `listening on http://ADDR` on stdout once it accepts connections.

use std::io::{IsTerminal as _, Write as _};
use std::process::ExitCode;

use clap::Parser;
use tencentcloud_emulator::{DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY, Emulator};

/// A local Tencent Cloud API 3.0 server with an SES (2020-10-02) backend.
///
/// It verifies TC3-HMAC-SHA256, HmacSHA256 and HmacSHA1 signatures as Tencent Cloud does and
/// keeps all state in memory. Point a client at the printed URL (for example with
/// TENCENTCLOUD_ENDPOINT_URL_SES) and sign with the configured key pair; without
/// --secret-id/--secret-key the documented default pair is accepted and printed to stderr.
///
/// Inspection and control, outside the API: GET /_emulator/messages, GET
/// /_emulator/messages/{id}[.eml], POST /_emulator/reset, GET|POST|DELETE /_emulator/faults,
/// POST /_emulator/templates/{id}/approve|reject.
///
/// Logs go to stderr; set RUST_LOG (e.g. RUST_LOG=warn) to change how much is logged.
#[derive(Parser)]
#[command(name = "tencentcloud-emulator", version)]
struct Args {
    /// Address to listen on; port 0 picks a free port, printed on stdout
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:4010")]
    listen: String,

    /// Secret id of the key pair to accept (requires --secret-key)
    #[arg(long, value_name = "ID", requires = "secret_key")]
    secret_id: Option<String>,

    /// Secret key of the key pair to accept (requires --secret-id)
    #[arg(long, value_name = "KEY", requires = "secret_id")]
    secret_key: Option<String>,

    /// Treat the key pair as temporary credentials: every request must carry this token
    /// (X-TC-Token for TC3, the Token parameter for v1)
    #[arg(long, value_name = "TOKEN", requires = "secret_id")]
    token: Option<String>,

    /// Relay every rendered message to this SMTP server, e.g. smtp://127.0.0.1:1025
    #[arg(long, value_name = "URL")]
    smtp_relay: Option<String>,

    /// POST SES webhook events (delivery, open, bounce, ...) to this URL
    #[arg(long, value_name = "URL")]
    webhook_url: Option<String>,

    /// Keep new domain identities unverified until UpdateEmailIdentity is called
    #[arg(long)]
    require_verification: bool,

    /// Hold new and updated templates for review until POST
    /// /_emulator/templates/{id}/approve or /reject
    #[arg(long)]
    hold_templates: bool,
}

/// The command line, or the process ends with clap's message and status. clap's message for an
/// argument it does not expect repeats it, and after a slip such as `--secret-key= KEY` (a space
/// after `=`) that argument is the secret key, so that message is replaced.
fn read_args() -> Args {
    Args::try_parse()
        .map_err(|error| match error.kind() {
            clap::error::ErrorKind::UnknownArgument => clap::Error::raw(
                clap::error::ErrorKind::UnknownArgument,
                "unexpected argument (not shown: it may be a secret key or token); try '--help'\n",
            ),
            _ => error,
        })
        .unwrap_or_else(|error| error.exit())
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = read_args();
    init_logging();

    let mut builder = Emulator::builder()
        .listen(args.listen)
        .require_verification(args.require_verification)
        .hold_templates_for_review(args.hold_templates);
    if let Some(url) = args.smtp_relay {
        builder = builder.smtp_relay(url);
    }
    if let Some(url) = args.webhook_url {
        builder = builder.webhook_url(url);
    }
    match (args.secret_id, args.secret_key, args.token) {
        (Some(id), Some(key), Some(token)) => builder = builder.temporary_secret(id, key, token),
        (Some(id), Some(key), None) => builder = builder.secret(id, key),
        // clap's `requires` rules out a lone id, key or token.
        _ => eprintln!(
            "no --secret-id/--secret-key given; accepting the default key pair:\n  \
             secret id:  {DEFAULT_SECRET_ID}\n  secret key: {DEFAULT_SECRET_KEY}"
        ),
    }

    let emulator = match builder.start().await {
        Ok(emulator) => emulator,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut stdout = std::io::stdout().lock();
    // Scripts wait for this line, so it must leave the buffer now.
    if writeln!(stdout, "listening on {}", emulator.url())
        .and_then(|()| stdout.flush())
        .is_err()
    {
        eprintln!("error: cannot write to stdout");
        return ExitCode::FAILURE;
    }
    drop(stdout);

    stop_requested().await;
    eprintln!("stopping");
    emulator.shutdown().await;
    ExitCode::SUCCESS
}

/// Log lines to stderr, at `info` unless `RUST_LOG` says otherwise.
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // Colour codes only for a terminal, not for a log file.
        .with_ansi(std::io::stderr().is_terminal())
        .init();
}

/// Waits for Ctrl-C, or SIGTERM on Unix.
async fn stop_requested() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = terminate.recv() => {}
                }
            }
            Err(error) => {
                eprintln!("warning: cannot watch for SIGTERM ({error}); stop with Ctrl-C");
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
