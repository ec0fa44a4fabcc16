//! The reusable parts of the example programs, kept in a library so the tests crate can run
//! them without spawning the programs.
//!
//! - [`call`]: any SES action by name from JSON, the engine of `examples/call.rs`;
//! - [`cvm`] and [`sms`]: actions of two other Tencent Cloud services declared with the macros,
//!   printed by `examples/custom_service.rs` and explained in `docs/declaring-a-service.md`;
//! - [`webhook`]: the axum router of `examples/webhook_server.rs`;
//! - [`mail`]: the command-line mail of `examples/send_email.rs` turned into a request;
//! - [`ses_client`], [`init_logging`] and [`report`]: setup and error output the programs share.
//!
//! Each module lives next to the example that uses it (`call/`, `custom_service/`,
//! `webhook_server/`, `send_email/`).

#[path = "call/mod.rs"]
pub mod call;

#[path = "custom_service/cvm.rs"]
pub mod cvm;

#[path = "custom_service/sms.rs"]
pub mod sms;

#[path = "webhook_server/handler.rs"]
pub mod webhook;

#[path = "send_email/message.rs"]
pub mod mail;

use std::io::{IsTerminal as _, Write as _};

use tencentcloud_core::client::ENV_REGION;
use tencentcloud_core::credentials::Environment;
use tencentcloud_core::{Error, HttpMethod, Region, SigningScheme};

/// The region addressed when neither a `--region` option nor `TENCENTCLOUD_REGION` names one.
/// SES is sold in Guangzhou (for mail sent from mainland China) and Hong Kong.
pub const DEFAULT_REGION: Region = Region::AP_GUANGZHOU;

/// Settings of the examples' SES client beyond what the environment says.
#[derive(Debug, Clone, Default)]
pub struct ClientSettings {
    /// The region, winning over `TENCENTCLOUD_REGION`.
    pub region: Option<Region>,
    /// Sign every call with this scheme instead of the action's own.
    pub signing: Option<SigningScheme>,
    /// Send every call with this method instead of the action's own.
    pub method: Option<HttpMethod>,
}

/// The SES client of the examples: credentials, region and endpoints from `env`
/// (`TENCENTCLOUD_SECRET_ID`/`_KEY`/`_TOKEN` or the credentials file, `TENCENTCLOUD_REGION`,
/// `TENCENTCLOUD_ENDPOINT_URL` and `TENCENTCLOUD_ENDPOINT_URL_SES`), then `settings`. With no
/// region set anywhere the client addresses [`DEFAULT_REGION`].
///
/// Pass [`Environment::process`] in a program; tests pass a fixed map.
///
/// # Errors
/// An invalid-configuration [`Error`] naming every problem: missing credentials, a malformed
/// region or endpoint URL.
pub fn ses_client(
    env: Environment,
    settings: &ClientSettings,
) -> Result<tencentcloud_ses::Client, Error> {
    let region_from_env = env.get(ENV_REGION).is_some_and(|region| !region.is_empty());
    let mut builder = tencentcloud_core::Client::builder().environment(env);
    match &settings.region {
        Some(region) => builder = builder.region(region.clone()),
        None if !region_from_env => builder = builder.region(DEFAULT_REGION),
        None => {}
    }
    if let Some(signing) = settings.signing {
        builder = builder.signing(signing);
    }
    if let Some(method) = settings.method {
        builder = builder.method(method);
    }
    builder.build().map(tencentcloud_ses::Client::new)
}

/// The command line read into `A`, or the process ends with clap's message and status (see
/// [`try_parse_args_from`]).
pub fn parse_args<A: clap::Parser>() -> A {
    try_parse_args_from(std::env::args_os()).unwrap_or_else(|error| error.exit())
}

/// `args` read into `A`, as clap reads them, except that an argument clap does not expect is
/// not repeated in the error: after a slip such as `--path= /ses/3f9c…` (a space after `=`), it
/// is the very value that was meant to stay secret.
///
/// # Errors
/// clap's error for arguments that do not fit `A`, and for `--help` and `--version`.
pub fn try_parse_args_from<A, I, T>(args: I) -> Result<A, clap::Error>
where
    A: clap::Parser,
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    A::try_parse_from(args).map_err(|error| match error.kind() {
        clap::error::ErrorKind::UnknownArgument => clap::Error::raw(
            clap::error::ErrorKind::UnknownArgument,
            "an unexpected argument was given (not repeated here, since it may be a secret); \
             try '--help'\n",
        ),
        _ => error,
    })
}

/// Sends `tracing` output to stderr, filtered by `RUST_LOG` (e.g. `RUST_LOG=debug`,
/// `RUST_LOG=tencentcloud_core=trace`), or by `default` when it is unset. Invalid directives
/// are skipped rather than fatal. A line is written when each call's span closes, with the
/// attempt count, request id and latency the client recorded on it.
pub fn init_logging(default: tracing::Level) {
    use tracing_subscriber::EnvFilter;
    use tracing_subscriber::filter::LevelFilter;
    use tracing_subscriber::fmt::format::FmtSpan;

    let filter = EnvFilter::builder()
        .with_default_directive(LevelFilter::from_level(default).into())
        .from_env_lossy();
    // `try_init` fails only when a subscriber is already installed, which is then kept.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_span_events(FmtSpan::CLOSE)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .try_init();
}

/// Writes `error` to stderr: its one-line description, then Tencent's code, message and request
/// id for an error the service answered, or the causes its message does not already include.
pub fn report(error: &(dyn std::error::Error + 'static)) {
    let service_error = std::iter::successors(Some(error), |e| e.source())
        .find_map(|e| e.downcast_ref::<Error>())
        .and_then(Error::service_error);
    let mut stderr = std::io::stderr().lock();
    // Nothing sensible is left to do if stderr itself is gone, hence the ignored results.
    let mut shown = error.to_string();
    let _ = writeln!(stderr, "error: {shown}");
    if let Some(service) = service_error {
        let _ = writeln!(stderr, "  code:       {}", service.code);
        let _ = writeln!(stderr, "  message:    {}", service.message);
        let _ = writeln!(stderr, "  request id: {}", service.request_id);
    } else {
        // Many errors repeat their cause in their own message; print only what is new.
        for cause in std::iter::successors(error.source(), |e| e.source()) {
            let text = cause.to_string();
            if !shown.contains(&text) {
                let _ = writeln!(stderr, "  caused by: {text}");
                shown.push_str(&text);
            }
        }
    }
}

/// Writes `text` and a newline to stdout. Unlike `println!`, a closed pipe (`| head`) ends the
/// output quietly instead of panicking.
///
/// # Errors
/// The I/O error of the write.
pub fn print_line(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.write_all(b"\n")
}
