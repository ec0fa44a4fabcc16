//! The SES backend's optional outputs against listeners started by the test: a tiny SMTP
//! server that accepts messages, and an HTTP server that collects webhook posts.

mod ses_support;

use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::routing::post;
use serde_json::json;
use tencentcloud_emulator::ses::{SesBackend, SesOptions};
use tencentcloud_ses::webhook::{self, BounceType, Event};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::mpsc;

use ses_support::{FROM, ok, ready, send};

/// How long a test waits for an output to arrive.
const PATIENCE: Duration = Duration::from_secs(20);

/// One SMTP transaction as the test server received it.
#[derive(Debug)]
struct Received {
    mail_from: String,
    rcpt_to: Vec<String>,
    data: String,
}

/// Starts an SMTP server that accepts every message and reports it; returns its URL.
async fn smtp_server() -> (String, mpsc::UnboundedReceiver<Received>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("smtp://{}", listener.local_addr().expect("address"));
    let (sender, receiver) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let sender = sender.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 test.local ESMTP ready\r\n").await;
                let mut current = Received {
                    mail_from: String::new(),
                    rcpt_to: Vec::new(),
                    data: String::new(),
                };
                while let Ok(Some(line)) = lines.next_line().await {
                    let upper = line.to_ascii_uppercase();
                    let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                        b"250 test.local\r\n"
                    } else if upper.starts_with("MAIL FROM:") {
                        current.mail_from = line.get(10..).unwrap_or_default().trim().to_owned();
                        b"250 sender ok\r\n"
                    } else if upper.starts_with("RCPT TO:") {
                        current
                            .rcpt_to
                            .push(line.get(8..).unwrap_or_default().trim().to_owned());
                        b"250 recipient ok\r\n"
                    } else if upper == "DATA" {
                        let _ = write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await;
                        while let Ok(Some(data)) = lines.next_line().await {
                            if data == "." {
                                break;
                            }
                            current.data.push_str(&data);
                            current.data.push('\n');
                        }
                        let done = std::mem::replace(
                            &mut current,
                            Received {
                                mail_from: String::new(),
                                rcpt_to: Vec::new(),
                                data: String::new(),
                            },
                        );
                        let _ = sender.send(done);
                        b"250 queued\r\n"
                    } else if upper == "QUIT" {
                        let _ = write.write_all(b"221 bye\r\n").await;
                        break;
                    } else {
                        b"250 ok\r\n"
                    };
                    let _ = write.write_all(reply).await;
                }
            });
        }
    });
    (url, receiver)
}

/// Starts an HTTP server that collects every POSTed body; returns the callback URL.
async fn webhook_server() -> (String, mpsc::UnboundedReceiver<Bytes>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!(
        "http://{}/callback?token=secret",
        listener.local_addr().expect("address")
    );
    let (sender, receiver) = mpsc::unbounded_channel();
    let app = Router::new()
        .route(
            "/callback",
            post(
                |State(sender): State<mpsc::UnboundedSender<Bytes>>, body: Bytes| async move {
                    let _ = sender.send(body);
                    "ok"
                },
            ),
        )
        .with_state(sender);
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (url, receiver)
}

/// The next item of `receiver`, or a failure after [`PATIENCE`].
async fn next<T>(receiver: &mut mpsc::UnboundedReceiver<T>) -> T {
    match tokio::time::timeout(PATIENCE, receiver.recv()).await {
        Ok(Some(item)) => item,
        Ok(None) => panic!("the listener stopped"),
        Err(elapsed) => panic!("nothing arrived within {PATIENCE:?}: {elapsed}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delivered_messages_are_relayed_over_smtp() {
    let (url, mut received) = smtp_server().await;
    let ses = SesBackend::new(SesOptions {
        smtp_relay: Some(url),
        ..SesOptions::default()
    });
    let template = ready(&ses);
    let mut body = ses_support::send_body(template, &["ann@example.org"]);
    body["Bcc"] = json!(["audit@example.org", "bounce@ses-simulator.test"]);
    let message_id = ok(&ses, "SendEmail", body)["MessageId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();

    let relayed = next(&mut received).await;
    assert_eq!(relayed.mail_from, format!("<{FROM}>"));
    assert_eq!(
        relayed.rcpt_to,
        ["<ann@example.org>", "<audit@example.org>"],
        "the bounced recipient is not relayed"
    );
    assert!(
        relayed.data.contains("Subject: Code for Ann"),
        "{}",
        relayed.data
    );
    assert!(relayed.data.contains("Hello Ann, your code is 4321."));
    assert!(
        !relayed.data.contains("audit@example.org"),
        "Bcc stays out of the headers"
    );
    let stored = ses.message(&message_id).expect("stored");
    assert!(
        relayed
            .data
            .contains(&format!("Message-ID: {}", stored.smtp_message_id))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_relay_does_not_fail_the_send() {
    // Bind and drop a listener so the port is (almost certainly) closed.
    let port = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind")
        .local_addr()
        .expect("address")
        .port();
    let ses = SesBackend::new(SesOptions {
        smtp_relay: Some(format!("smtp://127.0.0.1:{port}")),
        ..SesOptions::default()
    });
    let template = ready(&ses);
    let message_id = send(&ses, template, &["ann@example.org"]);
    assert!(ses.message(&message_id).is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_are_posted_to_the_webhook() {
    let (url, mut posts) = webhook_server().await;
    let ses = SesBackend::new(SesOptions {
        webhook_url: Some(url),
        ..SesOptions::default()
    });
    let template = ready(&ses);
    let mut body =
        ses_support::send_body(template, &["ann@example.org", "bounce@ses-simulator.test"]);
    body["SmtpHeaders"] = json!("{\"X-Tencentcloudses-Cb-Custom\":\"order-17\"}");
    let message_id = ok(&ses, "SendEmail", body)["MessageId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();

    let mut events = Vec::new();
    for _ in 0..2 {
        let post = next(&mut posts).await;
        events.extend(webhook::parse(&post).expect("a documented webhook payload"));
    }
    events.sort_by_key(Event::code);
    let [Event::Delivered(delivered), Event::Bounce(bounce)] = events.as_slice() else {
        panic!("expected one delivered and one bounce event, got {events:?}");
    };
    assert_eq!(delivered.email, "ann@example.org");
    assert_eq!(delivered.bulk_id.as_deref(), Some(message_id.as_str()));
    assert_eq!(delivered.from.as_deref(), Some(FROM));
    assert_eq!(delivered.from_domain.as_deref(), Some("mail.example.com"));
    assert_eq!(delivered.template_id, Some(template));
    assert_eq!(delivered.event_id, Some(1));
    assert_eq!(delivered.custom.as_deref(), Some("order-17"));
    assert_eq!(bounce.info.email, "bounce@ses-simulator.test");
    assert_eq!(bounce.bounce_type, Some(BounceType::Hard));
    assert_eq!(bounce.info.event_id, Some(3));
    assert!(
        bounce
            .info
            .reason
            .as_deref()
            .is_some_and(|r| r.starts_with("550"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scheduled_task_is_sent_by_its_timer_without_further_calls() {
    let (url, mut received) = smtp_server().await;
    let (ses, clock) = ses_support::backend_at(SesOptions {
        smtp_relay: Some(url),
        ..SesOptions::default()
    });
    let template = ready(&ses);
    let list = ok(&ses, "CreateReceiver", json!({"ReceiversName": "later"}))["ReceiverId"].clone();
    ok(
        &ses,
        "CreateReceiverDetail",
        json!({"ReceiverId": list, "Emails": ["later@example.org"]}),
    );
    // The test clock stands at 06:48:18; the task is due two seconds later.
    ok(
        &ses,
        "BatchSendEmail",
        json!({
            "FromEmailAddress": FROM, "ReceiverId": list, "Subject": "Later", "TaskType": 2,
            "TimedParam": {"BeginTime": "2021-01-05 06:48:20"},
            "Template": {"TemplateID": template, "TemplateData": "{\"name\":\"L\",\"code\":\"2\"}"},
        }),
    );
    clock.advance(2);
    let relayed = next(&mut received).await;
    assert_eq!(relayed.rcpt_to, ["<later@example.org>"]);
    assert!(relayed.data.contains("Subject: Later"), "{}", relayed.data);
}
