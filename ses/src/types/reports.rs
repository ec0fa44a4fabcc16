//! What the service reports back: per-recipient send status, daily statistics, spam
//! complaints, blocklist entries and per-address unsubscribe settings.

use tencentcloud_core::model;

use crate::enums::{
    CustomBlocklistStatus, DeliverStatus, SendStatus, SwitchStatus, UnsubscribeLanguage,
};

/// What happened to one message for one recipient, as `GetSendEmailStatus` returns it.
#[model]
pub struct SendEmailStatus {
    /// The `MessageId` that `SendEmail` returned.
    pub message_id: String,
    /// The recipient.
    pub to_email_address: String,
    /// The sender address.
    pub from_email_address: String,
    /// What Tencent Cloud did with the mail.
    pub send_status: SendStatus,
    /// What the recipient's provider did with it.
    pub deliver_status: DeliverStatus,
    /// The provider's answer or another explanation of `deliver_status`; empty when there is
    /// none.
    pub deliver_message: String,
    /// When the request reached Tencent Cloud, in Unix seconds.
    pub request_time: i64,
    /// When the mail was handed to the provider, in Unix seconds.
    pub deliver_time: i64,
    /// Whether the recipient opened the mail (only measurable for HTML mail).
    pub user_opened: bool,
    /// Whether the recipient clicked a link in it.
    pub user_clicked: bool,
    /// Whether the recipient unsubscribed from this sender.
    pub user_unsubscribed: bool,
    /// Whether the recipient reported the mail as spam, under the field's original misspelled
    /// name. The schema marks it disabled in favour of `user_complained`, so a server may stop
    /// sending it: hence optional here although the schema calls it always present.
    pub user_complainted: Option<bool>,
    /// Whether the recipient reported the mail as spam (the correctly spelled field; newer
    /// servers only).
    pub user_complained: Option<bool>,
}

/// Sending statistics of one day, or of a whole range, as `GetStatisticsReport` returns them.
#[model]
pub struct Volume {
    /// The day, `YYYY-MM-DD` (for the range total: its first day).
    pub send_date: String,
    /// How many mails were asked to be sent.
    pub request_count: u64,
    /// How many Tencent Cloud accepted.
    pub accepted_count: u64,
    /// How many were delivered.
    pub delivered_count: u64,
    /// How many times mails were opened.
    pub opened_count: u64,
    /// How many recipients clicked a link.
    pub clicked_count: u64,
    /// How many bounced.
    pub bounce_count: u64,
    /// How many recipients unsubscribed.
    pub unsubscribe_count: u64,
}

/// One spam complaint about a sent mail, as `GetAbuseReport` returns it. Every field may be
/// missing.
#[model]
#[derive(Default)]
pub struct AbuseReport {
    /// When the mail was sent, `YYYY-MM-DD HH:MM:SS`.
    pub deliver_time: Option<String>,
    /// The sender address of the mail.
    pub original_mail_from: Option<String>,
    /// The recipient who complained.
    pub original_rcpt_to: Option<String>,
    /// The sender domain.
    pub from_domain: Option<String>,
    /// When the complaint was made, `YYYY-MM-DD HH:MM:SS`.
    pub complain_time: Option<String>,
    /// The recipient's mail provider domain, e.g. `gmail.com`.
    pub mta: Option<String>,
    /// The IP address tied to the complaint; may be empty.
    pub source_ip: Option<String>,
    /// When the complaint was recorded, `YYYY-MM-DD HH:MM:SS`.
    pub insert_time: Option<String>,
    /// The template id of the mail, as a string.
    pub template_id: Option<String>,
    /// An identifier of the send (undocumented; probably the `SendEmail` message id).
    pub bulk_id: Option<String>,
    /// The mail's `Message-Id` header.
    pub message_id: Option<String>,
    /// The complaint time once more (documented like `complain_time`).
    pub abuse_time: Option<String>,
    /// The mail's subject.
    pub subject: Option<String>,
}

/// One entry of the account's own (custom) blocklist, as `ListCustomBlacklist` returns it.
#[model]
#[derive(Default)]
pub struct BlackAddressDetail {
    /// The entry's id, for `UpdateCustomBlackList`.
    pub id: Option<u64>,
    /// The blocked address.
    pub email: Option<String>,
    /// When the entry was added, `YYYY-MM-DD HH:MM:SS`.
    pub create_time: Option<String>,
    /// The day the entry stops blocking, `YYYY-MM-DD`.
    pub expire_date: Option<String>,
    /// Whether the entry still blocks.
    pub status: Option<CustomBlocklistStatus>,
}

/// One address Tencent Cloud blocked after a hard bounce, as `ListBlackEmailAddress` returns
/// it.
#[model]
pub struct BlackEmailAddress {
    /// When the address was blocked, `YYYY-MM-DD HH:MM:SS`.
    pub bounce_time: String,
    /// The blocked address.
    pub email_address: String,
    /// The receiving provider's answer that caused the block, e.g. `550 5.1.1 ...`.
    pub isp_desc: Option<String>,
}

/// The unsubscribe-link setting of one sender address, as `ListAddressUnsubscribeConfig`
/// returns it.
#[model]
#[derive(Default)]
pub struct AddressUnsubscribeConfigData {
    /// The sender address.
    pub address: Option<String>,
    /// The language of the link, or no link.
    pub unsubscribe_config: Option<UnsubscribeLanguage>,
    /// Whether the setting is switched on.
    pub status: Option<SwitchStatus>,
}
