//! Tencent Cloud Simple Email Service (SES), API version 2020-10-02: every action, data type,
//! error code and webhook event, with helpers and pre-send checks for the mistakes people make.
//!
//! Each of the 36 actions is a request struct declared with `tencentcloud_core`'s `#[action]`
//! under the [`Ses`] service, with a typed response; [`Client`] has one method per action.
//! Field names, types and required flags follow Tencent's own schema: required parameters are
//! plain fields, optional ones `Option`, and the fixed value sets are [`enums`] that keep values
//! they do not know.
//!
//! ```no_run
//! use tencentcloud_ses::{Client, SendEmailRequest, Template};
//!
//! # async fn run() -> Result<(), tencentcloud_core::Error> {
//! let ses = Client::from_env()?;
//! let request = SendEmailRequest::builder()
//!     .from_email_address("Example <noreply@mail.example.com>")
//!     .destination(vec!["user@example.com".to_owned()])
//!     .subject("Your sign-in code")
//!     .template(Template { template_id: 100_091, template_data: r#"{"code":"1234"}"#.into() })
//!     .build();
//! let sent = ses.send_email(&request).await?;
//! println!("accepted as {}", sent.message_id);
//! # Ok(())
//! # }
//! ```
//!
//! Modules: [`actions`] (requests and responses by group), [`types`] (the data types they
//! share), [`enums`], [`error_codes`], [`client`]; helpers in [`template_data`],
//! [`attachment`] and [`body`]; the limits checked before sending in [`checks`]; event
//! notifications in [`webhook`].

pub mod actions;
pub mod attachment;
pub mod body;
pub mod checks;
pub mod client;
pub mod enums;
pub mod error_codes;
pub mod service;
pub mod template_data;
pub mod types;
pub mod webhook;

pub use actions::*;
pub use client::Client;
// What every caller names besides the requests: the error, its kind, and regions, without a
// second dependency on `tencentcloud-core`.
pub use service::Ses;
pub use tencentcloud_core::{Error, ErrorKind, Region};
pub use types::{
    AbuseReport, AddressUnsubscribeConfigData, Attachment, BlackAddressDetail, BlackEmailAddress,
    CycleEmailParam, DnsAttributes, EmailIdentity, EmailSender, ReceiverData, ReceiverDetail,
    ReceiverInputData, SendEmailStatus, SendTaskData, Simple, Tag, Template, TemplateContent,
    TemplatesMetadata, TimedEmailParam, Volume,
};
