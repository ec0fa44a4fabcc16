//! Sends one templated mail with aws-config + aws-sdk-sesv2: the AWS application of
//! `bench/compare --build-cost`, for scale. Credentials and region come from the AWS
//! environment and config files, as `aws_config::load_defaults` finds them.
//!
//! `one-email-aws FROM TO TEMPLATE_NAME [TEMPLATE_DATA_JSON]`

use std::process::ExitCode;

use aws_sdk_sesv2::types::{Destination, EmailContent, Template};

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(from), Some(to), Some(template)) = (args.first(), args.get(1), args.get(2)) else {
        eprintln!("usage: one-email-aws FROM TO TEMPLATE_NAME [TEMPLATE_DATA_JSON]");
        return ExitCode::FAILURE;
    };
    let data = args.get(3).cloned().unwrap_or_else(|| "{}".to_owned());
    let config = aws_config::load_from_env().await;
    let client = aws_sdk_sesv2::Client::new(&config);
    let content = EmailContent::builder()
        .template(
            Template::builder()
                .template_name(template)
                .template_data(data)
                .build(),
        )
        .build();
    let sent = client
        .send_email()
        .from_email_address(from)
        .destination(Destination::builder().to_addresses(to).build())
        .content(content)
        .send()
        .await;
    match sent {
        Ok(sent) => {
            println!("accepted as {}", sent.message_id().unwrap_or_default());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("SendEmail: {error}");
            ExitCode::FAILURE
        }
    }
}
