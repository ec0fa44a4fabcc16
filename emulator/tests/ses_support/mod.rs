//! Shared helpers of the SES backend tests: calling actions through the `Backend` trait with
//! JSON or flattened parameters, the account setup a send needs, and a clock tests can move.

#![allow(dead_code, unreachable_pub)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Value, json};
use tencentcloud_core::clock::Clock;
use tencentcloud_emulator::backend::{ApiError, Backend, Params};
use tencentcloud_emulator::ses::{SesBackend, SesOptions};

/// The sender domain of every test.
pub const DOMAIN: &str = "mail.example.com";
/// The sender address of every test.
pub const FROM: &str = "noreply@mail.example.com";
/// 2021-01-05 06:48:18 UTC, a fixed start for tests on the test clock.
pub const START: u64 = 1_609_829_298;
/// The day of [`START`].
pub const START_DAY: &str = "2021-01-05";

/// A clock the test sets by hand.
#[derive(Debug)]
pub struct TestClock(AtomicU64);

impl TestClock {
    /// A clock at `unix`.
    pub fn at(unix: u64) -> Arc<TestClock> {
        Arc::new(TestClock(AtomicU64::new(unix)))
    }

    /// Moves the clock forward.
    pub fn advance(&self, seconds: u64) {
        self.0.fetch_add(seconds, Ordering::SeqCst);
    }
}

impl Clock for TestClock {
    fn now_unix(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// A backend with default options on the system clock.
pub fn backend() -> SesBackend {
    SesBackend::new(SesOptions::default())
}

/// A backend on a test clock at [`START`].
pub fn backend_at(options: SesOptions) -> (SesBackend, Arc<TestClock>) {
    let clock = TestClock::at(START);
    (SesBackend::with_clock(options, clock.clone()), clock)
}

/// Calls `action` with JSON parameters.
pub fn call(ses: &SesBackend, action: &str, params: Value) -> Result<Value, ApiError> {
    ses.call(action, &Params::Json(params))
}

/// Calls `action` with flattened `Name.0.Field=value` parameters.
pub fn call_flat(
    ses: &SesBackend,
    action: &str,
    pairs: &[(&str, &str)],
) -> Result<Value, ApiError> {
    let pairs = pairs
        .iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect();
    ses.call(action, &Params::Flat(pairs))
}

/// Calls `action` and expects success.
pub fn ok(ses: &SesBackend, action: &str, params: Value) -> Value {
    match call(ses, action, params) {
        Ok(value) => value,
        Err(error) => panic!("{action} failed: {} {}", error.code, error.message),
    }
}

/// The error code a call answers with (panics on success, naming the action).
pub fn code(ses: &SesBackend, action: &str, params: Value) -> String {
    match call(ses, action, params) {
        Ok(value) => panic!("{action} succeeded with {value}, an error was expected"),
        Err(error) => error.code,
    }
}

/// Base64 of a text.
pub fn b64(text: &str) -> String {
    STANDARD.encode(text)
}

/// Creates [`DOMAIN`] and [`FROM`] (display name "Example Team").
pub fn sender(ses: &SesBackend) {
    ok(ses, "CreateEmailIdentity", json!({"EmailIdentity": DOMAIN}));
    ok(
        ses,
        "CreateEmailAddress",
        json!({"EmailAddress": FROM, "EmailSenderName": "Example Team"}),
    );
}

/// Creates a template with a `{{name}}` and a `{{code}}` variable and returns its id.
pub fn template(ses: &SesBackend) -> u64 {
    let created = ok(
        ses,
        "CreateEmailTemplate",
        json!({
            "TemplateName": "sign-in code",
            "TemplateContent": {
                "Html": b64("<p>Hello {{name}}, your code is <b>{{code}}</b>.</p>"),
                "Text": b64("Hello {{name}}, your code is {{code}}."),
            }
        }),
    );
    created["TemplateID"].as_u64().unwrap_or_default()
}

/// A sender and a template, ready to send; returns the template id.
pub fn ready(ses: &SesBackend) -> u64 {
    sender(ses);
    template(ses)
}

/// A `SendEmail` body from [`FROM`] to `to` with `template`.
pub fn send_body(template: u64, to: &[&str]) -> Value {
    json!({
        "FromEmailAddress": format!("Example <{FROM}>"),
        "Destination": to,
        "Subject": "Code for {{name}}",
        "Template": {"TemplateID": template, "TemplateData": "{\"name\":\"Ann\",\"code\":\"4321\"}"},
    })
}

/// Sends [`send_body`] and returns the `MessageId`.
pub fn send(ses: &SesBackend, template: u64, to: &[&str]) -> String {
    let sent = ok(ses, "SendEmail", send_body(template, to));
    sent["MessageId"].as_str().unwrap_or_default().to_owned()
}
