//! What happens to a mail after it is accepted: every recipient is delivered, except the
//! simulator addresses, which let tests provoke the other outcomes on purpose.
//!
//! Mail to `<outcome>@ses-simulator.test` (a reserved `.test` domain, so never a real mailbox;
//! a `+tag` after the outcome is ignored) ends as follows:
//!
//! | local part | `DeliverStatus` | webhook events | other effects |
//! | --- | --- | --- | --- |
//! | `bounce` | 3 rejected | `bounce` (hard) | address added to the hard-bounce blocklist |
//! | `dropped` | 2 dropped | `dropped` | |
//! | `deferred` | 8 deferred | `deferred` | |
//! | `complaint` | 1 delivered | `delivered`, `spamreport` | an abuse report is recorded |
//! | `open` | 1 delivered | `delivered`, `open` | `UserOpened` |
//! | `click` | 1 delivered | `delivered`, `open`, `click` | `UserOpened`, `UserClicked` |
//! | `unsubscribe` | 1 delivered | `delivered`, `unsubscribe` | later mail from that sender domain is refused |
//!
//! Any other recipient is delivered at once (`DeliverStatus` 1, event `delivered`). This mapping
//! follows ses.md §8's reading of the two status codes.

use tencentcloud_ses::enums::{DeliverStatus, SendStatus};

use super::address;
use super::message::RecipientStatus;

/// The domain whose addresses choose their own outcome.
pub const SIMULATOR_DOMAIN: &str = "ses-simulator.test";

/// The remote answer reported for a simulated bounce.
pub(super) const BOUNCE_REPLY: &str = "550 5.1.1 recipient does not exist (ses-simulator)";
/// The reason reported for a simulated drop.
const DROP_REASON: &str = "dropped by the ses-simulator";
/// The remote answer reported for a simulated deferral.
pub(super) const DEFER_REPLY: &str = "451 4.7.1 try again later (ses-simulator)";

/// What becomes of a mail for one recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Outcome {
    /// Delivered; `opened`, `clicked`, `complained`, `unsubscribed` say what the recipient did.
    Delivered {
        /// The recipient opened the mail.
        opened: bool,
        /// The recipient clicked a link.
        clicked: bool,
        /// The recipient reported the mail as spam.
        complained: bool,
        /// The recipient unsubscribed.
        unsubscribed: bool,
    },
    /// Refused by the recipient's server, permanently.
    Bounced,
    /// Discarded without delivery.
    Dropped,
    /// Delayed by the recipient's server.
    Deferred,
    /// Never handed over: a batch recipient that is blocklisted or unsubscribed.
    Refused {
        /// The `SendStatus` code explaining why.
        send_status: SendStatus,
        /// Words for `DeliverMessage`.
        reason: String,
    },
}

/// One webhook event a recipient's outcome produces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum EventKind {
    Delivered,
    Open,
    Click,
    SpamReport,
    Unsubscribe,
    Bounce,
    Dropped(String),
    Deferred,
}

/// The outcome for a recipient address: the simulator's choice, or delivery.
pub(super) fn outcome_for(recipient: &str) -> Outcome {
    let delivered = |opened, clicked, complained, unsubscribed| Outcome::Delivered {
        opened,
        clicked,
        complained,
        unsubscribed,
    };
    if address::domain_of(recipient) != SIMULATOR_DOMAIN {
        return delivered(false, false, false, false);
    }
    let local = recipient.rsplit_once('@').map_or("", |(local, _)| local);
    let kind = local
        .split('+')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match kind.as_str() {
        "bounce" => Outcome::Bounced,
        "dropped" => Outcome::Dropped,
        "deferred" => Outcome::Deferred,
        "complaint" => delivered(false, false, true, false),
        "open" => delivered(true, false, false, false),
        "click" => delivered(true, true, false, false),
        "unsubscribe" => delivered(false, false, false, true),
        _ => delivered(false, false, false, false),
    }
}

impl Outcome {
    /// The status `GetSendEmailStatus` reports for this outcome.
    pub(super) fn status(&self, email: &str, now: u64) -> RecipientStatus {
        let mut status = RecipientStatus {
            email: email.to_owned(),
            send_status: SendStatus::Accepted.value(),
            deliver_status: DeliverStatus::Delivered.value(),
            deliver_message: String::new(),
            deliver_time: now,
            opened: false,
            clicked: false,
            unsubscribed: false,
            complained: false,
        };
        match self {
            Outcome::Delivered {
                opened,
                clicked,
                complained,
                unsubscribed,
            } => {
                status.opened = *opened;
                status.clicked = *clicked;
                status.complained = *complained;
                status.unsubscribed = *unsubscribed;
            }
            Outcome::Bounced => {
                status.deliver_status = DeliverStatus::Rejected.value();
                BOUNCE_REPLY.clone_into(&mut status.deliver_message);
            }
            Outcome::Dropped => {
                status.deliver_status = DeliverStatus::Dropped.value();
                DROP_REASON.clone_into(&mut status.deliver_message);
            }
            Outcome::Deferred => {
                status.deliver_status = DeliverStatus::Deferred.value();
                DEFER_REPLY.clone_into(&mut status.deliver_message);
                status.deliver_time = 0;
            }
            Outcome::Refused {
                send_status,
                reason,
            } => {
                status.send_status = send_status.value();
                status.deliver_status = DeliverStatus::Dropped.value();
                status.deliver_message.clone_from(reason);
                status.deliver_time = 0;
            }
        }
        status
    }

    /// Whether the mail reaches the recipient's mailbox (and so goes to the SMTP relay).
    pub(super) fn is_delivered(&self) -> bool {
        matches!(self, Outcome::Delivered { .. })
    }

    /// The webhook events this outcome produces, in the order they happen.
    pub(super) fn events(&self) -> Vec<EventKind> {
        match self {
            Outcome::Delivered {
                opened,
                clicked,
                complained,
                unsubscribed,
            } => {
                let mut events = vec![EventKind::Delivered];
                if *opened {
                    events.push(EventKind::Open);
                }
                if *clicked {
                    events.push(EventKind::Click);
                }
                if *complained {
                    events.push(EventKind::SpamReport);
                }
                if *unsubscribed {
                    events.push(EventKind::Unsubscribe);
                }
                events
            }
            Outcome::Bounced => vec![EventKind::Bounce],
            Outcome::Dropped => vec![EventKind::Dropped(DROP_REASON.to_owned())],
            Outcome::Deferred => vec![EventKind::Deferred],
            Outcome::Refused { reason, .. } => vec![EventKind::Dropped(reason.clone())],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_recipients_are_delivered() {
        let outcome = outcome_for("ann@example.com");
        assert!(outcome.is_delivered());
        assert_eq!(outcome.events(), vec![EventKind::Delivered]);
        let status = outcome.status("ann@example.com", 7);
        assert_eq!((status.send_status, status.deliver_status), (0, 1));
    }

    #[test]
    fn simulator_addresses_pick_their_outcome() {
        assert_eq!(outcome_for("bounce@ses-simulator.test"), Outcome::Bounced);
        assert_eq!(outcome_for("Bounce+7@SES-Simulator.test"), Outcome::Bounced);
        assert_eq!(
            outcome_for("click@ses-simulator.test").events(),
            vec![EventKind::Delivered, EventKind::Open, EventKind::Click]
        );
        let bounced = Outcome::Bounced.status("bounce@ses-simulator.test", 1);
        assert_eq!(bounced.deliver_status, 3);
        assert!(!Outcome::Deferred.is_delivered());
    }
}
