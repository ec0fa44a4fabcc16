//! The 36 SES actions, each listed once as `request type => client method`; a macro turns the
//! list into the names `--list` prints and the function that runs each action.

use std::future::Future;
use std::pin::Pin;

use serde_json::Value;
use tencentcloud_core::Action;
use tencentcloud_ses::{
    BatchSendEmailRequest, CreateAddressUnsubscribeConfigRequest, CreateCustomBlacklistRequest,
    CreateEmailAddressRequest, CreateEmailIdentityRequest, CreateEmailTemplateRequest,
    CreateReceiverDetailRequest, CreateReceiverDetailWithDataRequest, CreateReceiverRequest,
    DeleteAddressUnsubscribeConfigRequest, DeleteBlackListRequest, DeleteCustomBlackListRequest,
    DeleteEmailAddressRequest, DeleteEmailIdentityRequest, DeleteEmailTemplateRequest,
    DeleteReceiverRequest, GetAbuseReportRequest, GetEmailIdentityRequest, GetEmailTemplateRequest,
    GetSendEmailStatusRequest, GetStatisticsReportRequest, ListAddressUnsubscribeConfigRequest,
    ListBlackEmailAddressRequest, ListCustomBlacklistRequest, ListEmailAddressRequest,
    ListEmailIdentitiesRequest, ListEmailTemplatesRequest, ListReceiverDetailsRequest,
    ListReceiversRequest, ListSendTasksRequest, SendEmailRequest,
    UpdateAddressUnsubscribeConfigRequest, UpdateCustomBlackListRequest,
    UpdateEmailIdentityRequest, UpdateEmailSmtpPassWordRequest, UpdateEmailTemplateRequest,
};

use super::CallError;
use super::decode::{decode_request, encode_response};

/// What running one action returns: a future borrowing the client and the JSON text.
type CallFuture<'a> = Pin<Box<dyn Future<Output = Result<Value, CallError>> + Send + 'a>>;

/// One action: its wire name and how to run it.
pub(super) struct Entry {
    /// The wire name, as `X-TC-Action` carries it.
    pub(super) name: &'static str,
    /// Decodes the JSON into the request type, sends it with the client's method for it, and
    /// returns the response as JSON.
    pub(super) run: for<'a> fn(&'a tencentcloud_ses::Client, &'a str) -> CallFuture<'a>,
}

/// Expands the list into [`ACTION_NAMES`] and the private table of entries. The names come
/// from each type's `Action::NAME`, so they cannot drift from the declarations.
macro_rules! ses_actions {
    ($($request:ty => $method:ident),+ $(,)?) => {
        /// Every SES action name, sorted, one per request type of `tencentcloud_ses`.
        pub const ACTION_NAMES: &[&str] = &[$(<$request as Action>::NAME),+];

        /// The entries, in the order of [`ACTION_NAMES`].
        const ENTRIES: &[Entry] = &[$(
            Entry {
                name: <$request as Action>::NAME,
                run: |client, json| Box::pin(async move {
                    let request = decode_request::<$request>(json)?;
                    encode_response::<$request>(client.$method(&request).await)
                }),
            }
        ),+];
    };
}

ses_actions! {
    BatchSendEmailRequest => batch_send_email,
    CreateAddressUnsubscribeConfigRequest => create_address_unsubscribe_config,
    CreateCustomBlacklistRequest => create_custom_blacklist,
    CreateEmailAddressRequest => create_email_address,
    CreateEmailIdentityRequest => create_email_identity,
    CreateEmailTemplateRequest => create_email_template,
    CreateReceiverRequest => create_receiver,
    CreateReceiverDetailRequest => create_receiver_detail,
    CreateReceiverDetailWithDataRequest => create_receiver_detail_with_data,
    DeleteAddressUnsubscribeConfigRequest => delete_address_unsubscribe_config,
    DeleteBlackListRequest => delete_black_list,
    DeleteCustomBlackListRequest => delete_custom_black_list,
    DeleteEmailAddressRequest => delete_email_address,
    DeleteEmailIdentityRequest => delete_email_identity,
    DeleteEmailTemplateRequest => delete_email_template,
    DeleteReceiverRequest => delete_receiver,
    GetAbuseReportRequest => get_abuse_report,
    GetEmailIdentityRequest => get_email_identity,
    GetEmailTemplateRequest => get_email_template,
    GetSendEmailStatusRequest => get_send_email_status,
    GetStatisticsReportRequest => get_statistics_report,
    ListAddressUnsubscribeConfigRequest => list_address_unsubscribe_config,
    ListBlackEmailAddressRequest => list_black_email_address,
    ListCustomBlacklistRequest => list_custom_blacklist,
    ListEmailAddressRequest => list_email_address,
    ListEmailIdentitiesRequest => list_email_identities,
    ListEmailTemplatesRequest => list_email_templates,
    ListReceiverDetailsRequest => list_receiver_details,
    ListReceiversRequest => list_receivers,
    ListSendTasksRequest => list_send_tasks,
    SendEmailRequest => send_email,
    UpdateAddressUnsubscribeConfigRequest => update_address_unsubscribe_config,
    UpdateCustomBlackListRequest => update_custom_black_list,
    UpdateEmailIdentityRequest => update_email_identity,
    UpdateEmailSmtpPassWordRequest => update_email_smtp_pass_word,
    UpdateEmailTemplateRequest => update_email_template,
}

/// The entry of the action called exactly `name`.
pub(super) fn find(name: &str) -> Option<&'static Entry> {
    ENTRIES.iter().find(|entry| entry.name == name)
}

/// The action whose name equals `name` apart from letter case (`sendemail` → `SendEmail`).
pub(super) fn find_ignoring_case(name: &str) -> Option<&'static str> {
    ACTION_NAMES
        .iter()
        .find(|candidate| candidate.eq_ignore_ascii_case(name))
        .copied()
}
