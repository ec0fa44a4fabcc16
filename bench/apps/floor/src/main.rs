//! Posts one SendEmail body to `TENCENTCLOUD_ENDPOINT_URL` (default: the SES endpoint) without
//! signing it: the build-cost floor of `bench/compare --build-cost`, the same transport stack as
//! tencentcloud-ses with no SDK on top. Not meant to send mail; Tencent Cloud refuses it.
//!
//! `one-email-floor FROM TO TEMPLATE_ID [TEMPLATE_DATA_JSON]`

use std::process::ExitCode;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(from), Some(to), Some(template)) = (args.first(), args.get(1), args.get(2)) else {
        eprintln!("usage: one-email-floor FROM TO TEMPLATE_ID [TEMPLATE_DATA_JSON]");
        return ExitCode::FAILURE;
    };
    let Ok(template_id) = template.parse::<u64>() else {
        eprintln!("TEMPLATE_ID {template} is not a number");
        return ExitCode::FAILURE;
    };
    let data = args.get(3).cloned().unwrap_or_else(|| "{}".to_owned());
    let body = serde_json::json!({
        "FromEmailAddress": from,
        "Destination": [to],
        "Subject": "Hello",
        "Template": {"TemplateID": template_id, "TemplateData": data},
    });
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = match reqwest::Client::builder().build() {
        Ok(client) => client,
        Err(error) => {
            eprintln!("HTTP client: {error}");
            return ExitCode::FAILURE;
        }
    };
    let url = std::env::var("TENCENTCLOUD_ENDPOINT_URL")
        .unwrap_or_else(|_| "https://ses.tencentcloudapi.com/".to_owned());
    let sent = client
        .post(url)
        .header("Content-Type", "application/json")
        .header("X-TC-Action", "SendEmail")
        .body(body.to_string())
        .send()
        .await;
    match sent {
        Ok(response) => match response.text().await {
            Ok(text) => {
                println!("{text}");
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("reading the answer: {error}");
                ExitCode::FAILURE
            }
        },
        Err(error) => {
            eprintln!("SendEmail: {error}");
            ExitCode::FAILURE
        }
    }
}
