//! The one loopback server of `bench/compare`: answers every request with the same successful
//! SendEmail envelope, so every contender (Rust, Python, Node) measures its round trips against
//! the same peer. Prints its port on the first line of stdout and stops by itself after
//! `--max-seconds` (default 900).
//!
//! `server [--max-seconds N]`

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use tencentcloud_bench_alternatives::ANSWER;

fn max_seconds() -> Result<u64, String> {
    let mut args = std::env::args().skip(1);
    let mut seconds = 900;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--max-seconds" => {
                let value = args.next().ok_or("--max-seconds needs a number")?;
                seconds = value
                    .parse()
                    .map_err(|e| format!("--max-seconds {value}: {e}"))?;
            }
            other => {
                return Err(format!(
                    "unknown argument {other}; expected --max-seconds N"
                ));
            }
        }
    }
    Ok(seconds)
}

async fn serve(seconds: u64) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| format!("binding 127.0.0.1: {e}"))?;
    let port = listener
        .local_addr()
        .map_err(|e| format!("reading the bound address: {e}"))?
        .port();
    let mut stdout = std::io::stdout();
    writeln!(stdout, "{port}")
        .and_then(|()| stdout.flush())
        .map_err(|e| format!("printing the port: {e}"))?;
    // The handler takes the body so the whole request is read before answering: answering
    // early leaves body bytes unread, and the server then drops connections clients reuse.
    let app = axum::Router::new().fallback(|body: axum::body::Bytes| async move {
        std::hint::black_box(body);
        ([(http::header::CONTENT_TYPE, "application/json")], ANSWER)
    });
    let stop = tokio::time::sleep(Duration::from_secs(seconds));
    axum::serve(listener, app)
        .with_graceful_shutdown(stop)
        .await
        .map_err(|e| format!("serving: {e}"))
}

fn main() -> ExitCode {
    let result = max_seconds().and_then(|seconds| {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(|e| format!("starting the runtime: {e}"))?
            .block_on(serve(seconds))
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("server: {error}");
            ExitCode::FAILURE
        }
    }
}
