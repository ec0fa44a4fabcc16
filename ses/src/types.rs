//! The data types that SES requests and responses are built from (spec section 5), grouped by
//! what they describe.

mod batch;
mod content;
mod identity;
mod reports;

pub use batch::{
    CycleEmailParam, ReceiverData, ReceiverDetail, ReceiverInputData, SendTaskData, TimedEmailParam,
};
pub use content::{Attachment, Simple, Template, TemplateContent, TemplatesMetadata};
pub use identity::{DnsAttributes, EmailIdentity, EmailSender, Tag};
pub use reports::{
    AbuseReport, AddressUnsubscribeConfigData, BlackAddressDetail, BlackEmailAddress,
    SendEmailStatus, Volume,
};
