//! Names, retry safety and field handling: defaults taken from the struct, explicit options
//! winning over them, and the user's own doc comments and serde attributes kept.
#![deny(warnings, missing_docs, unused_qualifications)]

use tencentcloud_core::{Action, Service, action, model, service};

/// Simple Email Service.
#[service(name = "ses", version = "2020-10-02")]
pub struct Ses;

/// What sending returns.
#[model]
pub struct SendEmailResponse {
    /// The id of the message.
    pub message_id: String,
    /// The id of the call.
    pub request_id: String,
}

/// A template reference, nested inside a request.
#[model]
pub struct Template {
    /// The template's id; the wire spells it `TemplateID`.
    #[serde(rename = "TemplateID")]
    pub template_id: u64,
    /// The JSON text filled into the template.
    pub template_data: String,
}

/// Sends one mail: the name drops the `Request` suffix, and a send is not idempotent.
#[action(service = Ses, response = SendEmailResponse)]
pub struct SendEmailRequest {
    /// Who sends it.
    pub from_email_address: String,
    /// Who gets it.
    pub destination: Vec<String>,
    /// Optional template, left out of the body when absent.
    pub template: Option<Template>,
    /// A field whose Rust name is a keyword.
    pub r#type: Option<String>,
    /// The user's own skip rule stays the only one.
    #[serde(skip_serializing_if = "String::is_empty", default)]
    pub subject: String,
}

/// A read: idempotent by its name.
#[action(service = Ses, response = SendEmailResponse)]
pub struct ListEmailTemplates {
    /// How many to return.
    pub limit: u64,
}

/// An explicit name and retry rule win over the defaults.
#[action(service = Ses, response = SendEmailResponse, name = "GetSendEmailStatus", idempotent = false)]
pub struct StatusQuery {}

/// A write the user knows is safe to repeat.
#[action(service = Ses, response = SendEmailResponse, idempotent = true)]
pub struct UpdateEmailTemplate {}

/// A struct named just `Request` keeps its name: there would be nothing left.
#[action(service = Ses, response = SendEmailResponse)]
pub struct Request {}

/// A generic data type: the derives follow the parameter.
#[model]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// How many items there are in all.
    pub total: u64,
}

fn main() {
    assert_eq!(Ses::NAME, "ses");
    assert_eq!(Ses::VERSION, "2020-10-02");
    assert_eq!(<SendEmailRequest as Action>::NAME, "SendEmail");
    assert!(!<SendEmailRequest as Action>::IDEMPOTENT);
    assert_eq!(<ListEmailTemplates as Action>::NAME, "ListEmailTemplates");
    assert!(<ListEmailTemplates as Action>::IDEMPOTENT);
    assert_eq!(<StatusQuery as Action>::NAME, "GetSendEmailStatus");
    assert!(!<StatusQuery as Action>::IDEMPOTENT);
    assert!(<UpdateEmailTemplate as Action>::IDEMPOTENT);
    assert_eq!(<Request as Action>::NAME, "Request");
    assert!(<SendEmailRequest as Action>::FILE_FIELDS.is_empty());

    let request = SendEmailRequest {
        from_email_address: "noreply@example.com".to_owned(),
        destination: vec!["user@example.com".to_owned()],
        template: Some(Template {
            template_id: 7,
            template_data: "{}".to_owned(),
        }),
        r#type: None,
        subject: String::new(),
    };
    let copy = request.clone();
    assert_eq!(copy, request);
    assert!(format!("{request:?}").contains("noreply@example.com"));
    let page = Page {
        items: vec![1_u8, 2],
        total: 2,
    };
    assert_eq!(page.clone(), page);
    let _ = (
        ListEmailTemplates { limit: 1 },
        StatusQuery {},
        UpdateEmailTemplate {},
        Request {},
    );
    let _ = SendEmailResponse {
        message_id: String::new(),
        request_id: String::new(),
    };
}
