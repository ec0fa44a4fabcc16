//! One action of the Short Message Service (SMS), declared with the defaults: POST, a JSON
//! body, signed with TC3-HMAC-SHA256.

use tencentcloud_core::{action, model, service};

/// Short Message Service, API version 2021-01-11: `sms.tencentcloudapi.com`.
#[service(name = "sms", version = "2021-01-11")]
pub struct Sms;

/// Sends a templated text message to up to 200 phone numbers. Not a read, so the client never
/// retries it once it may have reached the server: a retry could send every message twice.
#[action(service = Sms, response = SendSmsResponse)]
pub struct SendSms {
    /// The numbers, in E.164 form (`+8613800000000`).
    pub phone_number_set: Vec<String>,
    /// The SMS application id.
    pub sms_sdk_app_id: String,
    /// The approved template's id.
    pub template_id: String,
    /// The approved signature (required for mainland China numbers).
    pub sign_name: Option<String>,
    /// The values of the template's placeholders, in order.
    pub template_param_set: Option<Vec<String>>,
    /// Any text, returned unchanged in the response and the delivery receipts.
    pub session_context: Option<String>,
}

/// What `SendSms` returns.
#[model]
pub struct SendSmsResponse {
    /// One status per number.
    pub send_status_set: Vec<SendStatus>,
    /// The id of this call.
    pub request_id: String,
}

/// How sending to one number went.
#[model]
pub struct SendStatus {
    /// The number.
    pub phone_number: String,
    /// The id of the message, for delivery receipts.
    pub serial_no: String,
    /// How many billable messages it took.
    pub fee: u64,
    /// `Ok`, or the reason it was refused.
    pub code: String,
    /// The explanation of `code`.
    pub message: String,
}
