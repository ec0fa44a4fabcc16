//! `builder = true` on actions and models: required fields in any order, `String`s taken as
//! `impl Into<String>`, optional fields set, cleared with `maybe_*`, or left out, and the
//! struct's own derives kept. Denies warnings, so the generated items must be documented.
#![deny(warnings, missing_docs, unused_qualifications)]

use tencentcloud_core::{action, model, service};

/// Simple Email Service.
#[service(name = "ses", version = "2020-10-02")]
pub struct Ses;

/// What sending returns.
#[model]
pub struct SendEmailResponse {
    /// The id of the call.
    pub request_id: String,
}

/// A template reference with a builder of its own.
#[model(builder = true)]
pub struct Template {
    /// The template's id.
    #[serde(rename = "TemplateID")]
    pub template_id: u64,
    /// The JSON text filled into the template.
    pub template_data: String,
}

/// Sends one mail.
#[action(service = Ses, response = SendEmailResponse, builder = true)]
#[derive(Default)]
pub struct SendEmailRequest {
    /// The sender.
    pub from_email_address: String,
    /// The subject.
    pub subject: String,
    /// `To` recipients.
    pub destination: Option<Vec<String>>,
    /// Where replies go.
    pub reply_to_addresses: Option<String>,
    /// The template.
    pub template: Option<Template>,
    /// A field whose name is a keyword.
    pub r#type: Option<u64>,
}

/// An action without parameters still gets a builder.
#[action(service = Ses, response = SendEmailResponse, builder = true)]
pub(crate) struct GetStatisticsRequest {}

fn main() {
    let template = Template::builder()
        .template_data(String::from("{}"))
        .template_id(7)
        .build();
    let partial = SendEmailRequest::builder()
        .subject("Hello")
        .destination(vec!["user@example.com".to_owned()])
        .reply_to_addresses("replies@example.com")
        .maybe_reply_to_addresses(None)
        .r#type(2);
    // Debug shows every field by name, a required one still unset as `Missing`.
    let shown = format!("{partial:?}");
    assert!(
        shown.starts_with(r#"SendEmailRequestBuilder { from_email_address: Missing, subject: "Hello", destination: Some(["user@example.com"]), reply_to_addresses: None"#),
        "{shown}"
    );
    // A partly filled builder is a value: clone it to finish two requests from one start.
    let first = partial
        .clone()
        .from_email_address("a@example.com")
        .template(template.clone())
        .build();
    let second = partial.from_email_address("b@example.com").build();

    assert_eq!(first.from_email_address, "a@example.com");
    assert_eq!(first.subject, "Hello");
    assert_eq!(first.template, Some(template));
    assert_eq!(first.reply_to_addresses, None);
    assert_eq!(first.r#type, Some(2));
    assert_eq!(second.from_email_address, "b@example.com");
    assert_eq!(second.template, None);
    assert_eq!(
        serde_json::to_value(&second).unwrap(),
        serde_json::json!({
            "FromEmailAddress": "b@example.com",
            "Subject": "Hello",
            "Destination": ["user@example.com"],
            "Type": 2,
        })
    );
    assert_eq!(SendEmailRequest::default().subject, "");
    assert_eq!(GetStatisticsRequest::builder().build(), GetStatisticsRequest {});
}
