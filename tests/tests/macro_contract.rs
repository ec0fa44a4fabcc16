//! The contract between a declaration and the runtime: every constant the macros generate is
//! read back through the `Action` and `Service` traits and compared with what the declaration
//! says, and the serde derives are checked on the wire (PascalCase names, renames, omitted
//! `None`s, `null` or missing arrays in responses, multipart file fields).

use serde_json::{Value, json};
use tencentcloud_core::action::is_idempotent_by_name;
use tencentcloud_core::{
    Action, BodyEncoding, HttpMethod, Service, SigningScheme, action, model, service,
};

/// Simple Email Service.
#[service(name = "ses", version = "2020-10-02")]
pub struct Ses;

/// Cloud Virtual Machine, signed the legacy way in these declarations.
#[service(name = "cvm", version = "2017-03-12")]
pub struct Cvm;

/// A template reference inside a request.
#[model]
pub struct Template {
    /// Irregular wire name, set with serde's own attribute.
    #[serde(rename = "TemplateID")]
    pub template_id: u64,
    /// The data filled into the template.
    pub template_data: String,
}

/// What `SendEmail` returns.
#[model]
pub struct SendEmailResponse {
    /// The id of the message.
    pub message_id: String,
    /// The id of the call.
    pub request_id: String,
}

/// All defaults: POST, TC3, JSON, not idempotent, name without `Request`.
#[action(service = Ses, response = SendEmailResponse)]
pub struct SendEmailRequest {
    /// The sender.
    pub from_email_address: String,
    /// The recipients.
    pub destination: Vec<String>,
    /// Optional template.
    pub template: Option<Template>,
    /// A keyword as a field name.
    pub r#type: Option<String>,
}

/// A page of templates, as the service may send it.
#[model]
pub struct ListEmailTemplatesResponse {
    /// The templates; the service sends `null` or nothing when there are none.
    pub templates_metadata: Vec<String>,
    /// Present only sometimes.
    pub cursor: Option<String>,
    /// The id of the call.
    pub request_id: String,
}

/// A read with every option left to its default.
#[action(service = Ses, response = ListEmailTemplatesResponse)]
pub struct ListEmailTemplates {
    /// How many to return.
    pub limit: u32,
}

/// Every option written out, each differing from its default.
#[action(
    service = Cvm,
    response = SendEmailResponse,
    name = "DescribeZonesLegacy",
    method = "GET",
    signing = "HmacSHA1",
    content = "form",
    idempotent = false
)]
pub struct ZonesByHand {}

/// Legacy POST: the body follows the scheme.
#[action(service = Cvm, response = SendEmailResponse, signing = "HmacSHA256")]
pub struct RunInstances {}

/// Multipart with two file parts, one renamed.
#[action(service = Ses, response = SendEmailResponse, content = "multipart", idempotent = true)]
pub struct UploadAttachment {
    /// The file, as a part named after the field.
    #[tc(file)]
    pub attachment_body: String,
    /// A second file with an irregular wire name.
    #[tc(file)]
    #[serde(rename = "PDFBody")]
    pub pdf_body: String,
    /// A text part.
    pub file_name: String,
}

/// Raw bytes.
#[action(service = Ses, response = SendEmailResponse, content = "octet-stream")]
pub struct PutObject {
    /// The body.
    #[tc(file)]
    pub data: String,
}

/// The constants of an action as one comparable value.
fn constants<A: Action>() -> (&'static str, HttpMethod, SigningScheme, BodyEncoding, bool) {
    (A::NAME, A::METHOD, A::SIGNING, A::ENCODING, A::IDEMPOTENT)
}

/// Compiles only if `A`'s associated types are exactly `S` and `R`; returns the action's and
/// the service's names.
fn associated<A, S, R>() -> (&'static str, &'static str)
where
    A: Action<Service = S, Response = R>,
    S: Service,
{
    (A::NAME, S::NAME)
}

#[test]
fn services_read_back_name_and_version() {
    assert_eq!((Ses::NAME, Ses::VERSION), ("ses", "2020-10-02"));
    assert_eq!((Cvm::NAME, Cvm::VERSION), ("cvm", "2017-03-12"));
}

#[test]
fn defaults_follow_the_declaration_rules() {
    use BodyEncoding as E;
    use HttpMethod::Post;
    use SigningScheme::Tc3HmacSha256 as Tc3;
    assert_eq!(
        constants::<SendEmailRequest>(),
        ("SendEmail", Post, Tc3, E::Json, false)
    );
    assert_eq!(
        constants::<ListEmailTemplates>(),
        ("ListEmailTemplates", Post, Tc3, E::Json, true)
    );
    assert_eq!(
        constants::<RunInstances>(),
        (
            "RunInstances",
            Post,
            SigningScheme::HmacSha256,
            E::Form,
            false
        )
    );
}

#[test]
fn explicit_options_win_over_defaults() {
    assert_eq!(
        constants::<ZonesByHand>(),
        (
            "DescribeZonesLegacy",
            HttpMethod::Get,
            SigningScheme::HmacSha1,
            BodyEncoding::Query,
            false
        )
    );
    assert_eq!(
        constants::<UploadAttachment>(),
        (
            "UploadAttachment",
            HttpMethod::Post,
            SigningScheme::Tc3HmacSha256,
            BodyEncoding::Multipart,
            true
        )
    );
    assert_eq!(<PutObject as Action>::ENCODING, BodyEncoding::OctetStream);
    assert_eq!(<PutObject as Action>::FILE_FIELDS, ["Data"]);
}

#[test]
fn macro_defaults_agree_with_the_runtime_helpers() {
    // The macro computes these at expansion time; the runtime has its own functions for the
    // same rules. Two implementations, one answer.
    fn check<A: Action>() {
        assert_eq!(A::IDEMPOTENT, is_idempotent_by_name(A::NAME), "{}", A::NAME);
        assert_eq!(
            A::ENCODING,
            BodyEncoding::default_for(A::METHOD, A::SIGNING),
            "{}",
            A::NAME
        );
    }
    check::<SendEmailRequest>();
    check::<ListEmailTemplates>();
    check::<RunInstances>();
}

#[test]
fn associated_types_are_the_declared_ones() {
    assert_eq!(
        associated::<SendEmailRequest, Ses, SendEmailResponse>(),
        ("SendEmail", "ses")
    );
    assert_eq!(
        associated::<ZonesByHand, Cvm, SendEmailResponse>(),
        ("DescribeZonesLegacy", "cvm")
    );
    assert_eq!(
        associated::<ListEmailTemplates, Ses, ListEmailTemplatesResponse>(),
        ("ListEmailTemplates", "ses")
    );
}

#[test]
fn file_fields_list_wire_names_in_order() {
    assert_eq!(
        <UploadAttachment as Action>::FILE_FIELDS,
        ["AttachmentBody", "PDFBody"]
    );
    assert!(<SendEmailRequest as Action>::FILE_FIELDS.is_empty());
}

#[test]
fn requests_use_pascal_case_renames_and_omit_none() {
    let request = SendEmailRequest {
        from_email_address: "noreply@example.com".to_owned(),
        destination: vec!["a@example.com".to_owned()],
        template: Some(Template {
            template_id: 42,
            template_data: "{\"name\":\"x\"}".to_owned(),
        }),
        r#type: None,
    };
    let wire = serde_json::to_value(&request).expect("a request serializes");
    assert_eq!(
        wire,
        json!({
            "FromEmailAddress": "noreply@example.com",
            "Destination": ["a@example.com"],
            "Template": {"TemplateID": 42, "TemplateData": "{\"name\":\"x\"}"},
        })
    );
    let with_type = SendEmailRequest {
        r#type: Some("html".to_owned()),
        template: None,
        ..request.clone()
    };
    let wire = serde_json::to_value(&with_type).expect("a request serializes");
    assert_eq!(wire.get("Type"), Some(&Value::from("html")));
    assert_eq!(wire.get("Template"), None);
}

#[test]
fn requests_decode_from_their_wire_form() {
    // The emulator reads requests with the same types.
    let decoded: SendEmailRequest = serde_json::from_value(json!({
        "FromEmailAddress": "noreply@example.com",
        "Destination": [],
        "Template": null,
    }))
    .expect("a request with a null option decodes");
    assert_eq!(decoded.template, None);
    assert_eq!(decoded.r#type, None);
    assert_eq!(decoded.from_email_address, "noreply@example.com");
}

#[test]
fn response_arrays_sent_as_null_or_omitted_decode_as_empty() {
    for body in [
        json!({"TemplatesMetadata": null, "RequestId": "r"}),
        json!({"RequestId": "r"}),
    ] {
        let page: ListEmailTemplatesResponse =
            serde_json::from_value(body.clone()).expect("a page without templates decodes");
        assert!(page.templates_metadata.is_empty(), "{body}");
        assert_eq!(page.cursor, None);
        assert_eq!(page.request_id, "r");
    }
    let page: ListEmailTemplatesResponse = serde_json::from_value(json!({
        "TemplatesMetadata": ["a", "b"],
        "Cursor": "next",
        "RequestId": "r",
    }))
    .expect("a full page decodes");
    assert_eq!(page.templates_metadata, ["a", "b"]);
    assert_eq!(page.cursor.as_deref(), Some("next"));
}

#[test]
fn required_response_fields_still_fail_clearly_when_missing() {
    let error = serde_json::from_value::<SendEmailResponse>(json!({"RequestId": "r"}))
        .expect_err("MessageId is required");
    assert!(error.to_string().contains("MessageId"), "{error}");
    let error =
        serde_json::from_value::<ListEmailTemplatesResponse>(json!({"TemplatesMetadata": [1]}))
            .expect_err("a number is not a string");
    assert!(error.to_string().contains("invalid type"), "{error}");
}
