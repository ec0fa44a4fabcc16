//! Sends one templated mail with crates.io tencentcloud-sdk: the alternative application of
//! `bench/compare --build-cost`. Keys from `TENCENTCLOUD_SECRET_ID` / `TENCENTCLOUD_SECRET_KEY`,
//! region from `TENCENTCLOUD_REGION` (default `ap-hongkong`).
//!
//! `one-email-tencentcloud-sdk FROM TO TEMPLATE_ID [TEMPLATE_DATA_JSON]`

use std::process::ExitCode;

use tencentcloud_sdk::ses::v20201002::Client;
use tencentcloud_sdk::ses::v20201002::models::{SendEmailRequest, Template};

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(from), Some(to), Some(template)) = (args.first(), args.get(1), args.get(2)) else {
        eprintln!("usage: one-email-tencentcloud-sdk FROM TO TEMPLATE_ID [TEMPLATE_DATA_JSON]");
        return ExitCode::FAILURE;
    };
    let Ok(template_id) = template.parse::<i64>() else {
        eprintln!("TEMPLATE_ID {template} is not a number");
        return ExitCode::FAILURE;
    };
    let data = args.get(3).cloned().unwrap_or_else(|| "{}".to_owned());
    let region = std::env::var("TENCENTCLOUD_REGION").unwrap_or_else(|_| "ap-hongkong".into());
    let core = match tencentcloud_sdk::Client::builder()
        .credentials_from_env()
        .region(region)
        .build()
    {
        Ok(core) => core,
        Err(error) => {
            eprintln!("configuration: {error}");
            return ExitCode::FAILURE;
        }
    };
    let request = SendEmailRequest {
        from_email_address: Some(from.clone()),
        destination: Some(vec![to.clone()]),
        subject: Some("Hello".into()),
        template: Some(Template {
            template_id: Some(template_id),
            template_data: Some(data),
        }),
        ..SendEmailRequest::default()
    };
    match Client::new(core).send_email(&request).await {
        Ok(sent) => {
            println!("accepted as {}", sent.data.message_id.unwrap_or_default());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("SendEmail: {error}");
            ExitCode::FAILURE
        }
    }
}
