//! Sends one templated mail with tencentcloud-ses: the application whose build cost
//! `bench/compare --build-cost` measures. Keys, region and endpoint come from the environment
//! (`TENCENTCLOUD_SECRET_ID`, `TENCENTCLOUD_SECRET_KEY`, `TENCENTCLOUD_REGION`, ...).
//!
//! `one-email-ours FROM TO TEMPLATE_ID [TEMPLATE_DATA_JSON]`

use std::process::ExitCode;

use tencentcloud_ses::{Client, SendEmailRequest, Template};

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(from), Some(to), Some(template)) = (args.first(), args.get(1), args.get(2)) else {
        eprintln!("usage: one-email-ours FROM TO TEMPLATE_ID [TEMPLATE_DATA_JSON]");
        return ExitCode::FAILURE;
    };
    let Ok(template_id) = template.parse::<u64>() else {
        eprintln!("TEMPLATE_ID {template} is not a number");
        return ExitCode::FAILURE;
    };
    let data = args.get(3).cloned().unwrap_or_else(|| "{}".to_owned());
    let ses = match Client::from_env() {
        Ok(ses) => ses,
        Err(error) => {
            eprintln!("configuration: {error}");
            return ExitCode::FAILURE;
        }
    };
    let request = SendEmailRequest::builder()
        .from_email_address(from.as_str())
        .destination(vec![to.clone()])
        .subject("Hello")
        .template(Template {
            template_id,
            template_data: data,
        })
        .build();
    match ses.send_email(&request).await {
        Ok(sent) => {
            println!("accepted as {}", sent.message_id);
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("SendEmail: {error}");
            ExitCode::FAILURE
        }
    }
}
