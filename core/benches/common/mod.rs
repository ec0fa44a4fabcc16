//! What the benchmarks share: the SES SendEmail request of signing vector
//! `tc3_post_json_ses_sendemail` as a typed action, a canned answer, and a way to run futures
//! that never wait.

#![allow(dead_code, missing_docs, unreachable_pub)]

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use bytes::Bytes;
use tencentcloud_core::transport::{HttpSend, SendFuture};
use tencentcloud_core::{Credentials, action, model, service};

#[service(name = "ses", version = "2020-10-02")]
pub struct Ses;

#[action(service = Ses, response = SendEmailResponse)]
pub struct SendEmail {
    pub from_email_address: String,
    pub destination: Vec<String>,
    pub subject: String,
    pub template: Option<Template>,
}

#[model]
pub struct Template {
    #[serde(rename = "TemplateID")]
    pub template_id: u64,
    pub template_data: String,
}

#[model]
pub struct SendEmailResponse {
    pub message_id: String,
    pub request_id: String,
}

/// The request of signing vector `tc3_post_json_ses_sendemail`.
pub fn send_email() -> SendEmail {
    SendEmail {
        from_email_address: "noreply@mail.example.com".into(),
        destination: vec!["user@example.com".into()],
        subject: "Hello".into(),
        template: Some(Template {
            template_id: 100,
            template_data: r#"{"name":"Tom"}"#.into(),
        }),
    }
}

/// The key pair of the protocol vectors.
pub fn credentials() -> Credentials {
    Credentials::new(
        "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
        "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
    )
    .expect("valid credentials")
}

/// A successful SendEmail answer.
pub const ANSWER: &[u8] = br#"{"Response":{"MessageId":"qcloudses-30-4123414323-date-20210101094334-syNARhMTbKI1","RequestId":"a5f3b3e5-1f3c-4b8e-9f5e-3c2d1e0f9a8b"}}"#;

/// Answers every request with [`ANSWER`], without any I/O.
#[derive(Debug)]
pub struct Canned;

impl HttpSend for Canned {
    fn send(&self, _request: http::Request<Bytes>) -> SendFuture<'_> {
        Box::pin(async {
            Ok(http::Response::builder()
                .status(200)
                .body(Bytes::from_static(ANSWER))
                .expect("static response"))
        })
    }
}

/// Runs a future that never waits (no I/O, no timers) to completion in one poll.
pub fn ready<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("the benchmarked future waited"),
    }
}
