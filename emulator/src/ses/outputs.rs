//! The optional outputs: relaying each delivered message to an SMTP server, posting webhook
//! events to a callback URL, and the timers that send scheduled batch rounds.
//!
//! All of it runs on one worker thread with its own small tokio runtime, so it works whether
//! or not the caller runs inside a runtime, and never delays an API answer. Failures are
//! logged with `tracing` and never reach the API: the real service, too, reports delivery
//! problems through statuses and events, not through the `SendEmail` answer. When the backend
//! is dropped the worker finishes the deliveries in flight and stops.

use std::collections::BTreeSet;
use std::sync::Weak;
use std::time::Duration;

use lettre::address::Envelope;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use serde_json::Value;
use tokio::sync::mpsc;
use tokio::task::JoinSet;

use super::address;
use super::state::Shared;
use super::tasks;
use crate::redact::url_origin;

/// How long one SMTP delivery or webhook post may take.
const OUTPUT_TIMEOUT: Duration = Duration::from_secs(15);
/// The SMTP port when the relay URL names none.
const DEFAULT_SMTP_PORT: u16 = 25;

/// Which outputs are configured, so no work is prepared for the others.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Wanted {
    /// An SMTP relay is configured.
    pub(super) relay: bool,
    /// A webhook URL is configured.
    pub(super) webhook: bool,
}

/// A message to relay.
#[derive(Debug, Clone)]
pub(super) struct Relay {
    /// The envelope sender.
    pub(super) from: String,
    /// The envelope recipients: those the message was delivered to.
    pub(super) to: Vec<String>,
    /// The rendered message.
    pub(super) eml: String,
    /// Its `MessageId`, for the logs.
    pub(super) message_id: String,
}

/// One piece of work for the worker.
#[derive(Debug)]
pub(super) enum Job {
    /// Relay a message over SMTP.
    Relay(Relay),
    /// Post one webhook event.
    Webhook(Value),
    /// Look for due batch rounds at `at` (the clock said `now` when asked).
    Wake { at: u64, now: u64 },
}

/// Where the relay connects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SmtpTarget {
    host: String,
    port: u16,
}

/// Reads an `smtp://host[:port]` relay URL (plain SMTP: the relay is a local test server).
///
/// Errors show the URL only as scheme and host: a login in it (`smtp://user:pass@host`) must
/// not reach a log or a terminal.
///
/// # Errors
/// A sentence saying what is wrong with the URL.
pub(super) fn parse_relay(text: &str) -> Result<SmtpTarget, String> {
    let url =
        url::Url::parse(text).map_err(|e| format!("the SMTP relay URL is not usable: {e}"))?;
    if url.scheme() != "smtp" {
        return Err(format!(
            "the SMTP relay URL ({}) must start with smtp:// (plain SMTP, no TLS or login)",
            url_origin(text)
        ));
    }
    let host = url
        .host_str()
        .filter(|host| !host.is_empty())
        .ok_or_else(|| "the SMTP relay URL names no host".to_owned())?;
    Ok(SmtpTarget {
        host: host.trim_matches(['[', ']']).to_owned(),
        port: url.port().unwrap_or(DEFAULT_SMTP_PORT),
    })
}

/// Checks a webhook URL: absolute `http` or `https`.
///
/// The URL is not repeated in the error: users put a secret token in it (ses.md §9.2).
///
/// # Errors
/// A sentence saying what is wrong with the URL.
pub(super) fn check_webhook(text: &str) -> Result<(), String> {
    let url = url::Url::parse(text).map_err(|e| format!("the webhook URL is not usable: {e}"))?;
    match url.scheme() {
        "http" | "https" if url.host_str().is_some() => Ok(()),
        _ => Err("the webhook URL must be an absolute http:// or https:// URL".to_owned()),
    }
}

/// The handle actions use to hand work to the worker.
#[derive(Debug)]
pub(super) struct Outputs {
    jobs: Option<mpsc::UnboundedSender<Job>>,
    wanted: Wanted,
}

impl Outputs {
    /// Starts the worker for these outputs; `shared` lets its timers run batch rounds.
    /// Unusable URLs are logged and that output stays off.
    pub(super) fn start(
        relay: Option<&str>,
        webhook: Option<&str>,
        shared: Weak<Shared>,
    ) -> Outputs {
        let relay = relay.and_then(|text| {
            parse_relay(text)
                .inspect_err(|why| tracing::error!(error = %why, "SMTP relay disabled"))
                .ok()
        });
        let webhook = webhook.and_then(|text| {
            check_webhook(text)
                .inspect_err(|why| tracing::error!(error = %why, "webhook disabled"))
                .ok()
                .map(|()| text.to_owned())
        });
        let wanted = Wanted {
            relay: relay.is_some(),
            webhook: webhook.is_some(),
        };
        let (sender, receiver) = mpsc::unbounded_channel();
        let spawned = std::thread::Builder::new()
            .name("ses-outputs".to_owned())
            .spawn(move || run(receiver, relay, webhook, shared));
        match spawned {
            Ok(_) => Outputs {
                jobs: Some(sender),
                wanted,
            },
            Err(e) => {
                tracing::error!(error = %e, "cannot start the SES output worker; outputs and timers are off");
                Outputs {
                    jobs: None,
                    wanted: Wanted::default(),
                }
            }
        }
    }

    /// Which outputs are on.
    pub(super) fn wanted(&self) -> Wanted {
        self.wanted
    }

    /// Hands jobs to the worker.
    pub(super) fn submit(&self, jobs: Vec<Job>) {
        let Some(sender) = &self.jobs else {
            return;
        };
        for job in jobs {
            if sender.send(job).is_err() {
                tracing::warn!("the SES output worker has stopped; output dropped");
                return;
            }
        }
    }

    /// Asks the worker to run due batch rounds at `at`.
    pub(super) fn wake_at(&self, at: u64, now: u64) {
        self.submit(vec![Job::Wake { at, now }]);
    }
}

/// The worker thread: a current-thread runtime serving the job queue.
fn run(
    receiver: mpsc::UnboundedReceiver<Job>,
    relay: Option<SmtpTarget>,
    webhook: Option<String>,
    shared: Weak<Shared>,
) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build();
    match runtime {
        Ok(runtime) => runtime.block_on(serve(receiver, relay, webhook, shared)),
        Err(e) => tracing::error!(error = %e, "cannot start the SES output runtime"),
    }
}

/// Serves jobs until every handle to the backend is gone, then finishes the deliveries in
/// flight (timers are cancelled: nothing is left for them to do).
async fn serve(
    mut receiver: mpsc::UnboundedReceiver<Job>,
    relay: Option<SmtpTarget>,
    webhook: Option<String>,
    shared: Weak<Shared>,
) {
    let smtp = relay.map(|target| {
        AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(target.host)
            .port(target.port)
            .timeout(Some(OUTPUT_TIMEOUT))
            .build()
    });
    let http = webhook.as_ref().and_then(|_| http_client());
    let mut deliveries = JoinSet::new();
    let mut timers = JoinSet::new();
    let mut scheduled = BTreeSet::new();
    while let Some(job) = receiver.recv().await {
        match job {
            Job::Relay(message) => {
                if let Some(smtp) = &smtp {
                    deliveries.spawn(relay_one(smtp.clone(), message));
                }
            }
            Job::Webhook(event) => {
                if let (Some(http), Some(url)) = (&http, &webhook) {
                    deliveries.spawn(post_one(http.clone(), url.clone(), event));
                }
            }
            Job::Wake { at, now } => {
                scheduled.retain(|pending| *pending >= now);
                if scheduled.insert(at) {
                    let shared = shared.clone();
                    timers.spawn(async move {
                        tokio::time::sleep(Duration::from_secs(at.saturating_sub(now))).await;
                        if let Some(shared) = shared.upgrade() {
                            tasks::run_due(&shared);
                        }
                    });
                }
            }
        }
        while deliveries.try_join_next().is_some() {}
        while timers.try_join_next().is_some() {}
    }
    timers.abort_all();
    while deliveries.join_next().await.is_some() {}
}

/// The HTTP client for webhook posts.
fn http_client() -> Option<reqwest::Client> {
    // reqwest is built without a bundled crypto provider: install ring unless the
    // application already chose one, so https callback URLs work too.
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .timeout(OUTPUT_TIMEOUT)
        .build()
        .inspect_err(|e| tracing::error!(error = %e, "cannot build the webhook HTTP client"))
        .ok()
}

/// Relays one message.
async fn relay_one(smtp: AsyncSmtpTransport<Tokio1Executor>, message: Relay) {
    let parse = |text: &str| address::parse_address(text);
    let recipients: Vec<_> = message.to.iter().filter_map(|to| parse(to)).collect();
    let envelope = match Envelope::new(parse(&message.from), recipients) {
        Ok(envelope) => envelope,
        Err(e) => {
            tracing::warn!(message_id = %message.message_id, error = %e, "SMTP relay: bad envelope");
            return;
        }
    };
    match smtp.send_raw(&envelope, message.eml.as_bytes()).await {
        Ok(_) => tracing::debug!(message_id = %message.message_id, "relayed over SMTP"),
        Err(e) => tracing::warn!(message_id = %message.message_id, error = %e, "SMTP relay failed"),
    }
}

/// Posts one webhook event as a JSON object (ses.md §9.2: one event per request, unsigned).
async fn post_one(http: reqwest::Client, url: String, event: Value) {
    let body = match serde_json::to_vec(&event) {
        Ok(body) => body,
        Err(e) => {
            tracing::warn!(error = %e, "webhook event cannot be serialized");
            return;
        }
    };
    let sent = http
        .post(&url)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .body(body)
        .send()
        .await;
    match sent {
        Ok(response) if response.status().is_success() => tracing::debug!("webhook event posted"),
        Ok(response) => {
            tracing::warn!(status = %response.status(), "webhook answered with an error status");
        }
        Err(e) => tracing::warn!(error = %e.without_url(), "webhook post failed"),
    }
}
