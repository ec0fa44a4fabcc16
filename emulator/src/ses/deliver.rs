//! Storing a rendered mail: its `MessageId`, the per-recipient statuses, the statistics, what
//! the recipients' outcomes change in the account (hard bounces, complaints, unsubscribes),
//! and the SMTP relay and webhook work to do once the lock is released.

use tencentcloud_ses::webhook::{Bounce, BounceType, Click, Event, EventInfo, Open};

use super::abuse;
use super::address;
use super::blocklists::Bounced;
use super::message::{StoredAttachment, StoredMessage};
use super::mime::{Draft, Rendered};
use super::outputs::{Job, Relay, Wanted};
use super::simulate::{BOUNCE_REPLY, DEFER_REPLY, EventKind, Outcome, SIMULATOR_DOMAIN};
use super::state::State;
use super::time;
use super::wire::count;

/// The AppId of the emulated account: `username` in webhook events, and part of message ids.
pub(super) const APP_ID: &str = "1300000000";

/// The user agent reported with simulated opens and clicks.
const SIMULATED_AGENT: &str = "ses-simulator/1.0";

/// A stored mail: its id, and the output work it causes.
#[derive(Debug)]
pub(super) struct Stored {
    /// The new `MessageId`.
    pub(super) message_id: String,
    /// Relay and webhook jobs, to hand to the outputs after unlocking.
    pub(super) jobs: Vec<Job>,
}

impl State {
    /// A `MessageId` in the real service's shape
    /// (`qcloudses-30-<appid>-date-<YYYYMMDDHHMMSS>-<random>`), unused so far.
    fn fresh_message_id(&self, now: u64) -> String {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        let mut rng = fastrand::Rng::new();
        loop {
            let token: String = (0..12)
                .map(|_| {
                    char::from(
                        ALPHABET
                            .get(rng.usize(..ALPHABET.len()))
                            .copied()
                            .unwrap_or(b'0'),
                    )
                })
                .collect();
            let id = format!(
                "qcloudses-30-{APP_ID}-date-{}-{token}",
                time::format_compact(now)
            );
            if !self.messages.contains(&id) {
                return id;
            }
        }
    }

    /// Stores a rendered mail whose recipients (To, Cc, Bcc in order) end as `outcomes` say;
    /// `wanted` says which output jobs to prepare.
    pub(super) fn store(
        &mut self,
        draft: &Draft,
        rendered: Rendered,
        outcomes: &[Outcome],
        now: u64,
        wanted: Wanted,
    ) -> Stored {
        let message_id = self.fresh_message_id(now);
        let from_domain = address::domain_of(&draft.from_address);
        let day = time::day_of(now);
        let mut statuses = Vec::with_capacity(outcomes.len());
        let mut jobs = Vec::new();
        let mut delivered = Vec::new();
        for (recipient, outcome) in draft.recipients().zip(outcomes) {
            let status = outcome.status(recipient, now);
            self.statistics.record(day, &from_domain, &status);
            self.apply(draft, &message_id, &rendered, recipient, outcome, now);
            if wanted.webhook {
                for kind in outcome.events() {
                    let event = event(draft, &message_id, &rendered, recipient, &kind, now);
                    jobs.push(Job::Webhook(event.to_value()));
                }
            }
            if outcome.is_delivered() {
                delivered.push(recipient.clone());
            }
            statuses.push(status);
        }
        if wanted.relay && !delivered.is_empty() {
            jobs.push(Job::Relay(Relay {
                from: draft.from_address.clone(),
                to: delivered,
                eml: rendered.eml.clone(),
                message_id: message_id.clone(),
            }));
        }
        self.messages.insert(StoredMessage {
            message_id: message_id.clone(),
            from: draft.from.clone(),
            to: draft.to.clone(),
            cc: draft.cc.clone(),
            bcc: draft.bcc.clone(),
            reply_to: draft.reply_to.clone(),
            subject: draft.subject.clone(),
            html: draft.html.clone(),
            text: draft.text.clone(),
            attachments: draft
                .attachments
                .iter()
                .map(|file| StoredAttachment {
                    file_name: file.name.clone(),
                    content_type: file.content_type.to_owned(),
                    size: count(file.bytes.len()),
                })
                .collect(),
            template_id: draft.template_id,
            task_id: draft.task_id,
            smtp_message_id: rendered.message_id,
            eml: rendered.eml,
            recipients: statuses,
            request_time: now,
            request_datetime: time::format_datetime(now),
        });
        Stored { message_id, jobs }
    }

    /// What a recipient's outcome changes in the account.
    fn apply(
        &mut self,
        draft: &Draft,
        message_id: &str,
        rendered: &Rendered,
        recipient: &str,
        outcome: &Outcome,
        now: u64,
    ) {
        let key = address::key(recipient);
        match outcome {
            Outcome::Bounced => {
                self.bounced.insert(
                    key,
                    Bounced {
                        email: recipient.to_owned(),
                        time: now,
                        reply: BOUNCE_REPLY.to_owned(),
                    },
                );
            }
            Outcome::Delivered {
                complained,
                unsubscribed,
                ..
            } => {
                if *complained {
                    self.complaints.push(abuse::complaint(
                        message_id,
                        &rendered.message_id,
                        &draft.from_address,
                        recipient,
                        draft.template_id,
                        &draft.subject,
                        now,
                    ));
                }
                if *unsubscribed {
                    self.unsubscribed
                        .insert((address::domain_of(&draft.from_address), key));
                }
            }
            Outcome::Dropped | Outcome::Deferred | Outcome::Refused { .. } => {}
        }
    }
}

/// The first link of an HTML body, for a simulated click.
fn first_link(html: Option<&str>) -> String {
    html.and_then(|html| {
        let start = html.find("href=\"")? + "href=\"".len();
        let rest = html.get(start..)?;
        rest.find('"')
            .and_then(|end| rest.get(..end))
            .map(str::to_owned)
    })
    .unwrap_or_else(|| format!("https://{SIMULATOR_DOMAIN}/"))
}

/// The webhook event of one kind for one recipient, with every documented field (ses.md §9.3).
fn event(
    draft: &Draft,
    message_id: &str,
    rendered: &Rendered,
    recipient: &str,
    kind: &EventKind,
    now: u64,
) -> Event {
    let mut info = EventInfo::new(recipient, now);
    info.bulk_id = Some(message_id.to_owned());
    info.username = Some(APP_ID.to_owned());
    info.from = Some(draft.from_address.clone());
    info.from_domain = Some(address::domain_of(&draft.from_address));
    info.template_id = draft.template_id;
    info.subject = Some(draft.subject.clone());
    info.message_id = Some(rendered.message_id.trim_matches(['<', '>']).to_owned());
    info.task_id = draft.task_id;
    info.sent_timestamp = Some(now);
    info.custom = super::compose::callback_value(&draft.headers);
    info.event_id = Some(code(kind));
    info.reason = match kind {
        EventKind::Bounce => Some(BOUNCE_REPLY.to_owned()),
        EventKind::Dropped(reason) => Some(reason.clone()),
        EventKind::Deferred => Some(DEFER_REPLY.to_owned()),
        _ => None,
    };
    let agent = || Some(SIMULATED_AGENT.to_owned());
    match kind {
        EventKind::Delivered => Event::Delivered(info),
        EventKind::Dropped(_) => Event::Dropped(info),
        EventKind::Bounce => Event::Bounce(Bounce {
            info,
            bounce_type: Some(BounceType::Hard),
        }),
        EventKind::Open => Event::Open(Open {
            info,
            user_agent: agent(),
        }),
        EventKind::Click => Event::Click(Click {
            info,
            link: Some(first_link(draft.html.as_deref())),
            user_agent: agent(),
        }),
        EventKind::SpamReport => Event::SpamReport(info),
        EventKind::Unsubscribe => Event::Unsubscribe(info),
        EventKind::Deferred => Event::Deferred(info),
    }
}

/// The documented `eventid` of each kind (ses.md §9.4).
fn code(kind: &EventKind) -> u64 {
    match kind {
        EventKind::Delivered => 1,
        EventKind::Dropped(_) => 2,
        EventKind::Bounce => 3,
        EventKind::Open => 4,
        EventKind::Click => 5,
        EventKind::SpamReport => 6,
        EventKind::Unsubscribe => 7,
        EventKind::Deferred => 8,
    }
}
