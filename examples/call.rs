//! `call`: calls any SES action by name with JSON parameters, like a tiny `tccli ses`.
//!
//! ```text
//! cargo run --example call -- <Action> ['<json>'] [--sign-method TC3-HMAC-SHA256|HmacSHA256|HmacSHA1]
//!                                                 [--http-method POST|GET] [--region REGION]
//! cargo run --example call -- --list
//! ```
//!
//! The JSON is decoded into the action's typed request before anything is sent, so a missing,
//! misspelt or mistyped parameter is reported by name and costs no call:
//!
//! ```text
//! $ cargo run -q --example call -- ListEmailTemplates '{"Limit": "ten"}'
//! error: ses ListEmailTemplates failed: invalid request, nothing was sent: parameter `Limit`: invalid type: string "ten", expected u64 at line 1 column 16
//! ```
//!
//! Everything else comes from the environment, as in any application using the crates:
//! `TENCENTCLOUD_SECRET_ID`, `TENCENTCLOUD_SECRET_KEY` and optionally `TENCENTCLOUD_TOKEN` (or
//! `~/.tencentcloud/credentials`), `TENCENTCLOUD_REGION` (default `ap-guangzhou`), and
//! `TENCENTCLOUD_ENDPOINT_URL` or `TENCENTCLOUD_ENDPOINT_URL_SES` to talk to an emulator such
//! as `http://127.0.0.1:4010`. The response object is printed as JSON on stdout. On failure the
//! error, with Tencent's code, message and request id when the service answered, goes to
//! stderr and the exit status is 1. `RUST_LOG=debug` shows every attempt and retry.

use std::process::ExitCode;

use clap::Parser;
use tencentcloud_core::credentials::Environment;
use tencentcloud_core::{HttpMethod, Region, SigningScheme};
use tencentcloud_examples::call::{ACTION_NAMES, call_action};
use tencentcloud_examples::{
    ClientSettings, init_logging, parse_args, print_line, report, ses_client,
};

/// Calls one SES action with JSON parameters and prints the response as JSON.
#[derive(Debug, Parser)]
#[command(name = "call", version)]
struct Args {
    /// The action, e.g. ListEmailTemplates (see --list).
    #[arg(required_unless_present = "list")]
    action: Option<String>,
    /// The parameters as a JSON object with the action's wire names, e.g. '{"Limit":10,"Offset":0}'.
    #[arg(default_value = "{}")]
    json: String,
    /// Sign with this scheme instead of the action's own.
    #[arg(long, value_name = "SCHEME", value_parser = parse_signing)]
    sign_method: Option<SigningScheme>,
    /// Send with this HTTP method instead of the action's own.
    #[arg(long, value_name = "METHOD", value_parser = parse_method)]
    http_method: Option<HttpMethod>,
    /// The region (default: TENCENTCLOUD_REGION, else ap-guangzhou).
    #[arg(long, value_parser = parse_region)]
    region: Option<Region>,
    /// Print every action name, one per line, and exit.
    #[arg(long, exclusive = true)]
    list: bool,
}

fn parse_signing(text: &str) -> Result<SigningScheme, String> {
    SigningScheme::from_wire(text)
        .ok_or_else(|| "expected TC3-HMAC-SHA256, HmacSHA256 or HmacSHA1".to_owned())
}

fn parse_method(text: &str) -> Result<HttpMethod, String> {
    HttpMethod::from_wire(text).ok_or_else(|| "expected POST or GET (upper case)".to_owned())
}

fn parse_region(text: &str) -> Result<Region, String> {
    Region::new(text).map_err(|e| e.to_string())
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Args = parse_args();
    if args.list {
        // A closed pipe (`--list | head`) just ends the listing.
        let _ = ACTION_NAMES.iter().try_for_each(|name| print_line(name));
        return ExitCode::SUCCESS;
    }
    let Some(action) = args.action else {
        report(&std::io::Error::other(
            "no action given; run with --list to see them",
        ));
        return ExitCode::FAILURE;
    };
    init_logging(tracing::Level::WARN);

    let settings = ClientSettings {
        region: args.region,
        signing: args.sign_method,
        method: args.http_method,
    };
    let client = match ses_client(Environment::process(), &settings) {
        Ok(client) => client,
        Err(error) => {
            report(&error);
            return ExitCode::FAILURE;
        }
    };
    match call_action(&client, &action, &args.json).await {
        Ok(response) => {
            let text = serde_json::to_string_pretty(&response).unwrap_or_default();
            let _ = print_line(&text);
            ExitCode::SUCCESS
        }
        Err(error) => {
            // The client's own error carries the code, message and request id to show.
            match error.as_call_error() {
                Some(call_error) => report(call_error),
                None => report(&error),
            }
            ExitCode::FAILURE
        }
    }
}
