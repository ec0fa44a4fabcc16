//! Sender domains and sender addresses: DNS records to publish, domain summaries, sender
//! addresses and resource tags.

use tencentcloud_core::model;

use crate::enums::{DkimOption, DnsRecordType, IdentityType, SmtpPasswordState};

/// One DNS record a sender domain must publish to pass verification, with what Tencent Cloud
/// currently sees.
///
/// Spec name `DNSAttributes`.
#[doc(alias = "DNSAttributes")]
#[model]
pub struct DnsAttributes {
    /// The record type; SPF, DKIM and DMARC records are `TXT`. Wire name `Type`.
    #[serde(rename = "Type")]
    pub record_type: DnsRecordType,
    /// The full host name the record belongs at, e.g. `qcloud._domainkey.mail.example.com`
    /// for a DKIM key.
    pub send_domain: String,
    /// The value the record must have, e.g. `v=spf1 include:qcloudmail.com ~all`.
    pub expected_value: String,
    /// The value Tencent Cloud found in DNS at the last check; empty when there is none.
    pub current_value: String,
    /// Whether this record passed the last check.
    pub status: bool,
}

/// A resource tag: a key and its value.
///
/// Spec name `TagList`, although it holds a single tag.
#[doc(alias = "TagList")]
#[model]
pub struct Tag {
    /// The tag's key.
    pub tag_key: String,
    /// The tag's value.
    pub tag_value: String,
}

/// The summary of one sender domain, as `ListEmailIdentities` returns it.
#[model]
pub struct EmailIdentity {
    /// The domain name.
    pub identity_name: String,
    /// The kind of identity; always a domain so far.
    pub identity_type: IdentityType,
    /// Whether the domain passed verification and may send.
    pub sending_enabled: bool,
    /// The domain's reputation level, from 1 upwards; it sets the daily quota.
    pub current_reputation_level: u64,
    /// How many mails the domain may send per day at its current level.
    pub daily_quota: u64,
    /// Dedicated sending IP addresses of the domain, if any.
    pub send_ip: Option<Vec<String>>,
    /// The domain's resource tags.
    pub tag_list: Option<Vec<Tag>>,
    /// The DKIM key the domain signs with. Wire name `DKIMOption`.
    #[serde(rename = "DKIMOption")]
    pub dkim_option: Option<DkimOption>,
}

/// One sender address, as `ListEmailAddress` returns it.
#[model]
pub struct EmailSender {
    /// The address.
    pub email_address: String,
    /// The display name shown to recipients; may be empty.
    pub email_sender_name: String,
    /// When the address was created, in Unix seconds.
    pub created_timestamp: u64,
    /// Whether an SMTP password has been set for the address.
    pub smtp_pwd_type: Option<SmtpPasswordState>,
}
