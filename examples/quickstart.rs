//! The main job: a tour of SES on the embedded emulator, no Tencent Cloud account needed.
//!
//! It starts the emulator in-process and talks to it exactly as to Tencent Cloud, over signed
//! HTTP: it sets up a sending domain (printing the DNS records to publish), a sender address and
//! a template, sends a templated email with an attachment to two recipients, then reads the
//! delivery status, the day's statistics and the rendered message.
//!
//! `cargo run --example quickstart`

use std::error::Error;

use serde_json::json;
use tencentcloud_core::sign::CredentialDate;
use tencentcloud_core::{Client as CoreClient, Region, clock};
use tencentcloud_emulator::Emulator;
use tencentcloud_ses::{
    Attachment, Client, CreateEmailAddressRequest, CreateEmailIdentityRequest,
    CreateEmailTemplateRequest, GetSendEmailStatusRequest, GetStatisticsReportRequest,
    SendEmailRequest, Template, TemplateContent,
};

const DOMAIN: &str = "mail.example.com";
const SENDER: &str = "noreply@mail.example.com";

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    // 1. A local Tencent Cloud. Point any client at its URL, with its key pair.
    let emulator = Emulator::builder().start().await?;
    println!("emulator listening on {}", emulator.url());
    let core = CoreClient::builder()
        .endpoint_url(emulator.url())
        .credentials(emulator.credentials())
        .region(Region::AP_GUANGZHOU)
        .build()?;
    let ses = Client::new(core);

    // 2. The sending domain, and the records its DNS must publish before mail can go out.
    let identity = ses
        .create_email_identity(&CreateEmailIdentityRequest {
            email_identity: DOMAIN.into(),
            dkim_option: None,
            tag_list: None,
        })
        .await?;
    println!("\nDNS records to publish for {DOMAIN}:");
    for record in &identity.attributes {
        println!(
            "  {:<4} {}\n       {}",
            record.record_type, record.send_domain, record.expected_value
        );
    }

    // 3. A sender address under that domain, and a template with two variables.
    ses.create_email_address(&CreateEmailAddressRequest {
        email_address: SENDER.into(),
        email_sender_name: Some("Example Shop".into()),
    })
    .await?;
    let template = ses
        .create_email_template(&CreateEmailTemplateRequest {
            template_name: "order-shipped".into(),
            template_content: TemplateContent::from_html_and_text(
                "<p>Hello {{name}}, order <b>{{order}}</b> is on its way.</p>",
                "Hello {{name}}, order {{order}} is on its way.",
            ),
        })
        .await?;
    println!("\ntemplate {} created", template.template_id);

    // 4. One templated email with an attachment, to two recipients. The client checks the
    //    documented limits (recipients, attachments, sizes) before anything is sent.
    let request = SendEmailRequest::builder()
        .from_email_address(format!("Example Shop <{SENDER}>"))
        .destination(vec!["ada@example.org".into(), "grace@example.net".into()])
        .subject("Your order has shipped")
        .template(Template::with_data(
            template.template_id,
            &json!({ "name": "Ada", "order": "A-1024" }),
        )?)
        .attachments(vec![Attachment::from_bytes(
            "receipt.txt",
            "Order A-1024: 1 × keyboard, ¥399\n",
        )?])
        .build();
    let sent = ses.send_email(&request).await?;
    println!("sent: message id {}", sent.message_id);

    // 5. What happened to it, and today's figures.
    let today = CredentialDate::from_timestamp(clock::unix_now());
    let status = ses
        .get_send_email_status(&GetSendEmailStatusRequest {
            request_date: today.as_str().into(),
            offset: 0,
            limit: 10,
            message_id: Some(sent.message_id.clone()),
            to_email_address: None,
        })
        .await?;
    println!("\ndelivery status:");
    for entry in &status.email_status_list {
        println!(
            "  {:<20} send {:?}, delivery {:?}",
            entry.to_email_address, entry.send_status, entry.deliver_status
        );
    }
    let statistics = ses
        .get_statistics_report(&GetStatisticsReportRequest {
            start_date: today.as_str().into(),
            end_date: today.as_str().into(),
            domain: None,
            receiving_mailbox_type: None,
        })
        .await?;
    let total = &statistics.overall_volume;
    println!(
        "statistics for {}: {} requested, {} accepted, {} delivered",
        today.as_str(),
        total.request_count,
        total.accepted_count,
        total.delivered_count
    );

    // 6. The message the emulator rendered, as a mail server would receive it.
    let stored = emulator
        .ses()
        .message(&sent.message_id)
        .ok_or("the emulator lost the message")?;
    println!("\nrendered message ({} bytes):\n", stored.eml.len());
    println!("{}", stored.eml);
    Ok(())
}
