//! `send_email`: sends one templated mail through Tencent Cloud SES and prints its MessageId.
//!
//! ```text
//! export TENCENTCLOUD_SECRET_ID=AKID...  TENCENTCLOUD_SECRET_KEY=...
//! cargo run --example send_email -- \
//!     --from 'Example <noreply@mail.example.com>' \
//!     --to ann@example.com --to bob@example.com \
//!     --subject 'Your order has shipped' \
//!     --template-id 100091 --data '{"name":"Ann","order":"A-1042"}' \
//!     --attach invoice.pdf
//! ```
//!
//! The sender must be a sender address of a domain verified in the SES console, and the template
//! must be approved. Credentials and settings come from the environment
//! (`TENCENTCLOUD_SECRET_ID`, `TENCENTCLOUD_SECRET_KEY`, optionally `TENCENTCLOUD_TOKEN`,
//! `TENCENTCLOUD_REGION`); `TENCENTCLOUD_ENDPOINT_URL` sends the mail to an emulator instead.
//!
//! Before anything is sent, `--data` must be a JSON object, every `--attach` file must be of a
//! type SES accepts, and the mail must stay within SES's limits (50 recipients, 10 attachments,
//! 4 MB of attachments); each mistake is reported with what to fix, and the exit status is 1.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use tencentcloud_core::Region;
use tencentcloud_core::credentials::Environment;
use tencentcloud_examples::mail::Message;
use tencentcloud_examples::{
    ClientSettings, init_logging, parse_args, print_line, report, ses_client,
};

/// Sends one templated mail through Tencent Cloud SES.
#[derive(Debug, Parser)]
#[command(name = "send_email", version)]
struct Args {
    /// The sender: addr@domain or 'Name <addr@domain>', of a verified domain.
    #[arg(long)]
    from: String,
    /// A recipient; repeat for more (at most 50).
    #[arg(long = "to", value_name = "ADDRESS", required = true)]
    to: Vec<String>,
    /// The subject.
    #[arg(long)]
    subject: String,
    /// The id of an approved template.
    #[arg(long, value_name = "ID")]
    template_id: u64,
    /// The template's variables as a JSON object, e.g. '{"name":"Ann"}'.
    #[arg(long, value_name = "JSON")]
    data: Option<String>,
    /// A file to attach; repeat for more (at most 10).
    #[arg(long = "attach", value_name = "PATH")]
    attach: Vec<PathBuf>,
    /// The region (default: TENCENTCLOUD_REGION, else ap-guangzhou).
    #[arg(long, value_parser = parse_region)]
    region: Option<Region>,
}

fn parse_region(text: &str) -> Result<Region, String> {
    Region::new(text).map_err(|e| e.to_string())
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Args = parse_args();
    init_logging(tracing::Level::WARN);

    let message = Message {
        from: args.from,
        to: args.to,
        subject: args.subject,
        template_id: args.template_id,
        data: args.data,
        attachments: args.attach,
    };
    let request = match message.to_request() {
        Ok(request) => request,
        Err(error) => {
            report(&error);
            return ExitCode::FAILURE;
        }
    };
    let settings = ClientSettings {
        region: args.region,
        ..ClientSettings::default()
    };
    let ses = match ses_client(Environment::process(), &settings) {
        Ok(client) => client,
        Err(error) => {
            report(&error);
            return ExitCode::FAILURE;
        }
    };
    match ses.send_email(&request).await {
        Ok(sent) => {
            let _ = print_line(&format!("MessageId: {}", sent.message_id));
            let _ = print_line(&format!("RequestId: {}", sent.request_id));
            ExitCode::SUCCESS
        }
        Err(error) => {
            report(&error);
            ExitCode::FAILURE
        }
    }
}
