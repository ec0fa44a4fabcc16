//! The SES client against a loopback HTTP server: each method sends its action to the `ses`
//! service at version 2020-10-02 and decodes the answer; `send_email` refuses a request over a
//! documented limit before anything reaches the network; service error codes compare equal to
//! the crate's named constants.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc::{self, Receiver};
use std::thread;

use serde_json::{Value, json};
use tencentcloud_core::{Credentials, ErrorKind};
use tencentcloud_ses::error_codes::failed_operation;
use tencentcloud_ses::{
    Client, GetEmailTemplateRequest, ListEmailAddressRequest, SendEmailRequest, Template,
};

/// One request as the server read it: lower-cased header names with values, and the body.
struct Seen {
    headers: Vec<(String, String)>,
    body: Value,
}

impl Seen {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// Reads one HTTP/1.1 request: head lines up to the blank line, then `Content-Length` bytes.
fn read_request(stream: &TcpStream) -> Option<Seen> {
    let mut reader = BufReader::new(stream);
    let mut headers = Vec::new();
    let mut line = String::new();
    reader.read_line(&mut line).ok()?; // request line
    loop {
        line.clear();
        reader.read_line(&mut line).ok()?;
        let trimmed = line.trim_end();
        if trimmed.is_empty() {
            break;
        }
        let (key, value) = trimmed.split_once(':')?;
        headers.push((key.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    let length: usize = headers
        .iter()
        .find(|(key, _)| key == "content-length")
        .and_then(|(_, value)| value.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    let body = serde_json::from_slice(&body).ok()?;
    Some(Seen { headers, body })
}

/// Starts a server that answers every request with `answer` (a whole `{"Response": ...}`
/// body) and reports what it read; returns its URL and the reports.
fn serve(answer: &'static str) -> (String, Receiver<Seen>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let url = format!("http://{}", listener.local_addr().expect("local address"));
    let (report, reports) = mpsc::channel();
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            if let Some(seen) = read_request(&stream) {
                let _ignored = report.send(seen);
            }
            let reply = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\
                 Connection: close\r\n\r\n{answer}",
                answer.len()
            );
            let _ignored = stream.write_all(reply.as_bytes());
        }
    });
    (url, reports)
}

fn client(url: &str) -> Client {
    let credentials = Credentials::new("AKIDexample", "example-secret-key").expect("credentials");
    let core = tencentcloud_core::Client::builder()
        .endpoint_url(url)
        .region_str("ap-guangzhou")
        .credentials(credentials)
        .build()
        .expect("client");
    Client::new(core)
}

#[tokio::test]
async fn a_method_sends_its_action_and_decodes_the_answer() {
    let (url, reports) = serve(
        r#"{"Response":{"TemplateContent":{"Text":"aGk="},"TemplateStatus":1,
            "TemplateName":"welcome","RequestId":"req-1"}}"#,
    );
    let ses = client(&url);
    let answer = ses
        .get_email_template(&GetEmailTemplateRequest { template_id: 5 })
        .await
        .expect("answer");
    assert_eq!(answer.template_name, "welcome");
    assert_eq!(answer.template_content.text.as_deref(), Some("aGk="));
    assert_eq!(answer.request_id, "req-1");

    let seen = reports.recv().expect("one request");
    assert_eq!(seen.header("x-tc-action"), Some("GetEmailTemplate"));
    assert_eq!(seen.header("x-tc-version"), Some("2020-10-02"));
    assert_eq!(seen.header("x-tc-region"), Some("ap-guangzhou"));
    assert!(
        seen.header("authorization")
            .is_some_and(|value| value.contains("/ses/tc3_request")),
        "signed for the ses credential scope"
    );
    assert_eq!(seen.body, json!({"TemplateID": 5}));
}

#[tokio::test]
async fn an_action_without_parameters_sends_an_empty_object() {
    let (url, reports) = serve(r#"{"Response":{"EmailSenders":null,"RequestId":"req-2"}}"#);
    let answer = client(&url)
        .list_email_address(&ListEmailAddressRequest {})
        .await
        .expect("answer");
    assert!(
        answer.email_senders.is_empty(),
        "null reads as an empty list"
    );
    let seen = reports.recv().expect("one request");
    assert_eq!(seen.header("x-tc-action"), Some("ListEmailAddress"));
    assert_eq!(seen.body, json!({}));
}

fn mail_to(recipients: usize) -> SendEmailRequest {
    SendEmailRequest::builder()
        .from_email_address("noreply@mail.example.com")
        .subject("Hello")
        .destination(
            (0..recipients)
                .map(|i| format!("user{i}@example.com"))
                .collect(),
        )
        .template(Template {
            template_id: 1,
            template_data: "{}".into(),
        })
        .build()
}

#[tokio::test]
async fn send_email_over_a_limit_is_refused_before_anything_is_sent() {
    let (url, reports) = serve(r#"{"Response":{"MessageId":"m","RequestId":"r"}}"#);
    let ses = client(&url);
    let error = ses
        .send_email(&mail_to(51))
        .await
        .expect_err("51 recipients");
    assert_eq!(error.kind(), ErrorKind::InvalidRequest, "{error}");
    assert!(reports.try_recv().is_err(), "nothing reached the server");

    let sent = ses.send_email(&mail_to(50)).await.expect("50 recipients");
    assert_eq!(sent.message_id, "m");
    assert_eq!(
        reports.recv().expect("sent").header("x-tc-action"),
        Some("SendEmail")
    );
}

#[tokio::test]
async fn service_error_codes_match_the_named_constants() {
    let (url, _reports) = serve(
        r#"{"Response":{"Error":{"Code":"FailedOperation.FrequencyLimit",
            "Message":"too many mails to one address"},"RequestId":"req-3"}}"#,
    );
    let error = client(&url)
        .send_email(&mail_to(1))
        .await
        .expect_err("service error");
    assert_eq!(error.code(), Some(failed_operation::FREQUENCY_LIMIT));
    assert_eq!(error.request_id(), Some("req-3"));
}
