//! `webhook_server`: receives SES event notifications (delivered, bounce, open, click, ...) and
//! logs them as typed events.
//!
//! ```text
//! cargo run --example webhook_server -- --listen 127.0.0.1:8080 [--path /ses/events]
//! curl -i -X POST http://127.0.0.1:8080/ses/events \
//!      -d '{"event":"bounce","email":"ann@example.com","timestamp":1700000000,"bounceType":"hard_bounce","reason":"550 5.1.1 no such user"}'
//! ```
//!
//! Point the callback URL of the SES console at the public address of this server (behind a
//! TLS-terminating proxy). A body that decodes is answered 200 and each event is logged at
//! `info` (bounces and drops at `warn`); anything else is answered 400 with the reason. SES signs
//! nothing it posts, so choose a `--path` nobody can guess. `RUST_LOG` sets the log level
//! (default `info`).

use std::net::SocketAddr;
use std::process::ExitCode;

use clap::Parser;
use tencentcloud_examples::webhook::{DEFAULT_PATH, router};
use tencentcloud_examples::{init_logging, parse_args, report};

/// Receives SES event notifications and logs them.
#[derive(Debug, Parser)]
#[command(name = "webhook_server", version)]
struct Args {
    /// The address and port to listen on.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// The path SES posts to.
    #[arg(long, default_value = DEFAULT_PATH)]
    path: String,
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Args = parse_args();
    init_logging(tracing::Level::INFO);

    let app = match router(&args.path) {
        Ok(app) => app,
        Err(error) => {
            report(&error);
            return ExitCode::FAILURE;
        }
    };
    let listener = match tokio::net::TcpListener::bind(args.listen).await {
        Ok(listener) => listener,
        Err(error) => {
            report(&std::io::Error::new(
                error.kind(),
                format!("cannot listen on {}: {error}", args.listen),
            ));
            return ExitCode::FAILURE;
        }
    };
    let address = listener.local_addr().unwrap_or(args.listen);
    // The path is the only secret of the endpoint (SES signs nothing), so it stays out of logs.
    tracing::info!("receiving SES events at http://{address} on the path given with --path");
    let shutdown = async {
        // Without a signal handler the server simply runs until killed.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    match axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            report(&error);
            ExitCode::FAILURE
        }
    }
}
