//! The SES client: one documented async method per action over a shared core client.

use tencentcloud_core::Error;

use crate::actions::{
    BatchSendEmailRequest, BatchSendEmailResponse, CreateAddressUnsubscribeConfigRequest,
    CreateAddressUnsubscribeConfigResponse, CreateCustomBlacklistRequest,
    CreateCustomBlacklistResponse, CreateEmailAddressRequest, CreateEmailAddressResponse,
    CreateEmailIdentityRequest, CreateEmailIdentityResponse, CreateEmailTemplateRequest,
    CreateEmailTemplateResponse, CreateReceiverDetailRequest, CreateReceiverDetailResponse,
    CreateReceiverDetailWithDataRequest, CreateReceiverDetailWithDataResponse,
    CreateReceiverRequest, CreateReceiverResponse, DeleteAddressUnsubscribeConfigRequest,
    DeleteAddressUnsubscribeConfigResponse, DeleteBlackListRequest, DeleteBlackListResponse,
    DeleteCustomBlackListRequest, DeleteCustomBlackListResponse, DeleteEmailAddressRequest,
    DeleteEmailAddressResponse, DeleteEmailIdentityRequest, DeleteEmailIdentityResponse,
    DeleteEmailTemplateRequest, DeleteEmailTemplateResponse, DeleteReceiverRequest,
    DeleteReceiverResponse, GetAbuseReportRequest, GetAbuseReportResponse, GetEmailIdentityRequest,
    GetEmailIdentityResponse, GetEmailTemplateRequest, GetEmailTemplateResponse,
    GetSendEmailStatusRequest, GetSendEmailStatusResponse, GetStatisticsReportRequest,
    GetStatisticsReportResponse, ListAddressUnsubscribeConfigRequest,
    ListAddressUnsubscribeConfigResponse, ListBlackEmailAddressRequest,
    ListBlackEmailAddressResponse, ListCustomBlacklistRequest, ListCustomBlacklistResponse,
    ListEmailAddressRequest, ListEmailAddressResponse, ListEmailIdentitiesRequest,
    ListEmailIdentitiesResponse, ListEmailTemplatesRequest, ListEmailTemplatesResponse,
    ListReceiverDetailsRequest, ListReceiverDetailsResponse, ListReceiversRequest,
    ListReceiversResponse, ListSendTasksRequest, ListSendTasksResponse, SendEmailRequest,
    SendEmailResponse, UpdateAddressUnsubscribeConfigRequest,
    UpdateAddressUnsubscribeConfigResponse, UpdateCustomBlackListRequest,
    UpdateCustomBlackListResponse, UpdateEmailIdentityRequest, UpdateEmailIdentityResponse,
    UpdateEmailSmtpPassWordRequest, UpdateEmailSmtpPassWordResponse, UpdateEmailTemplateRequest,
    UpdateEmailTemplateResponse,
};

/// A client for SES: a thin layer over [`tencentcloud_core::Client`] with one method per
/// action.
///
/// Cloning is cheap and clones share the connection pool and credential cache, so create one
/// and pass it around. Every method sends the request as it is (after the checks noted on
/// [`Client::send_email`] and [`Client::batch_send_email`]) and returns the typed response, or
/// an [`Error`] that is a service error (ask [`Error::code`] and compare with
/// [`crate::error_codes`]), a transport error, or a local one when nothing was sent.
///
/// ```no_run
/// use tencentcloud_ses::{Client, ListEmailTemplatesRequest};
///
/// # async fn run() -> Result<(), tencentcloud_core::Error> {
/// let ses = Client::from_env()?;
/// let page = ses.list_email_templates(&ListEmailTemplatesRequest { limit: 20, offset: 0 }).await?;
/// println!("{} templates", page.total_count);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct Client {
    inner: tencentcloud_core::Client,
}

impl Client {
    /// Wraps a configured core client (region, endpoint, credentials, retries).
    pub fn new(core: tencentcloud_core::Client) -> Self {
        Self { inner: core }
    }

    /// Builds the core client from the environment (`TENCENTCLOUD_SECRET_ID`,
    /// `TENCENTCLOUD_SECRET_KEY`, `TENCENTCLOUD_REGION`, `TENCENTCLOUD_ENDPOINT_URL_SES`, ...)
    /// and wraps it.
    ///
    /// # Errors
    /// Whatever [`tencentcloud_core::Client::from_env`] reports: missing or malformed settings.
    pub fn from_env() -> Result<Self, Error> {
        tencentcloud_core::Client::from_env().map(Self::new)
    }

    /// The core client underneath, e.g. to send an action this crate does not declare.
    pub fn core(&self) -> &tencentcloud_core::Client {
        &self.inner
    }

    /// Sends one mail (`SendEmail`). All `To` recipients see each other: send once per
    /// recipient, or use [`Client::batch_send_email`], when they should not.
    ///
    /// Before anything is sent the request is checked against SES's documented limits (at
    /// least one recipient; at most 50 `To`, 20 `Cc`, 20 `Bcc`; at most 10 attachments and
    /// 4 MB of attachment data; the whole request at most 8 MB; attachment names at most 255
    /// characters; template data a JSON object); see [`crate::checks`]. `SendEmail` is not
    /// retried once it may have reached the server, because a retry could send the mail twice.
    ///
    /// # Errors
    /// A local error naming the broken limit, with nothing sent; otherwise what the call
    /// returns (see [`Client`]).
    pub async fn send_email(&self, request: &SendEmailRequest) -> Result<SendEmailResponse, Error> {
        crate::checks::check_send_email(request)?;
        self.inner.send(request).await
    }

    /// Creates a batch task that mails a recipient list (`BatchSendEmail`).
    ///
    /// The request is checked first as far as SES documents limits for batch tasks (see
    /// [`crate::checks`]); nothing is sent when a check fails.
    ///
    /// # Errors
    /// A local error naming the broken limit, with nothing sent; otherwise what the call
    /// returns (see [`Client`]).
    pub async fn batch_send_email(
        &self,
        request: &BatchSendEmailRequest,
    ) -> Result<BatchSendEmailResponse, Error> {
        crate::checks::check_batch_send_email(request)?;
        self.inner.send(request).await
    }
}

/// Declares one `Client` method per action that sends the request unchanged; the shared
/// `# Errors` section is added here so each method only says what it does.
macro_rules! plain_actions {
    ($( $(#[doc = $doc:literal])+ $method:ident($request:ty) -> $response:ty; )+) => {
        impl Client {
            $(
                $(#[doc = $doc])+
                ///
                /// # Errors
                /// What the call returns: a service error with its code, a transport error, or
                /// a local error when the request could not be built or sent (see [`Client`]).
                pub async fn $method(&self, request: &$request) -> Result<$response, Error> {
                    self.inner.send(request).await
                }
            )+
        }
    };
}

plain_actions! {
    /// Sets up the unsubscribe link of a sender address (`CreateAddressUnsubscribeConfig`).
    create_address_unsubscribe_config(CreateAddressUnsubscribeConfigRequest) -> CreateAddressUnsubscribeConfigResponse;
    /// Adds addresses to the account's own blocklist (`CreateCustomBlacklist`).
    create_custom_blacklist(CreateCustomBlacklistRequest) -> CreateCustomBlacklistResponse;
    /// Creates a sender address under a verified domain (`CreateEmailAddress`).
    create_email_address(CreateEmailAddressRequest) -> CreateEmailAddressResponse;
    /// Registers a sender domain and returns the DNS records to publish (`CreateEmailIdentity`).
    create_email_identity(CreateEmailIdentityRequest) -> CreateEmailIdentityResponse;
    /// Creates a template, which then waits for review (`CreateEmailTemplate`).
    create_email_template(CreateEmailTemplateRequest) -> CreateEmailTemplateResponse;
    /// Creates an empty recipient list (`CreateReceiver`).
    create_receiver(CreateReceiverRequest) -> CreateReceiverResponse;
    /// Adds plain addresses to a recipient list (`CreateReceiverDetail`).
    create_receiver_detail(CreateReceiverDetailRequest) -> CreateReceiverDetailResponse;
    /// Adds addresses with their own template variables to a recipient list
    /// (`CreateReceiverDetailWithData`).
    create_receiver_detail_with_data(CreateReceiverDetailWithDataRequest) -> CreateReceiverDetailWithDataResponse;
    /// Removes the unsubscribe-link setting of a sender address (`DeleteAddressUnsubscribeConfig`).
    delete_address_unsubscribe_config(DeleteAddressUnsubscribeConfigRequest) -> DeleteAddressUnsubscribeConfigResponse;
    /// Takes addresses off the hard-bounce blocklist (`DeleteBlackList`).
    delete_black_list(DeleteBlackListRequest) -> DeleteBlackListResponse;
    /// Removes addresses from the account's own blocklist (`DeleteCustomBlackList`).
    delete_custom_black_list(DeleteCustomBlackListRequest) -> DeleteCustomBlackListResponse;
    /// Deletes a sender address (`DeleteEmailAddress`).
    delete_email_address(DeleteEmailAddressRequest) -> DeleteEmailAddressResponse;
    /// Deletes a sender domain (`DeleteEmailIdentity`).
    delete_email_identity(DeleteEmailIdentityRequest) -> DeleteEmailIdentityResponse;
    /// Deletes a template (`DeleteEmailTemplate`).
    delete_email_template(DeleteEmailTemplateRequest) -> DeleteEmailTemplateResponse;
    /// Deletes a recipient list and its addresses (`DeleteReceiver`).
    delete_receiver(DeleteReceiverRequest) -> DeleteReceiverResponse;
    /// Reads spam complaints about the account's mail (`GetAbuseReport`).
    get_abuse_report(GetAbuseReportRequest) -> GetAbuseReportResponse;
    /// Reads a sender domain's verification state and DNS records (`GetEmailIdentity`).
    get_email_identity(GetEmailIdentityRequest) -> GetEmailIdentityResponse;
    /// Reads a template's body, name and review state (`GetEmailTemplate`).
    get_email_template(GetEmailTemplateRequest) -> GetEmailTemplateResponse;
    /// Reads per-recipient send and delivery status for one day (`GetSendEmailStatus`).
    get_send_email_status(GetSendEmailStatusRequest) -> GetSendEmailStatusResponse;
    /// Reads sending statistics for a range of days (`GetStatisticsReport`).
    get_statistics_report(GetStatisticsReportRequest) -> GetStatisticsReportResponse;
    /// Lists the unsubscribe-link settings of sender addresses (`ListAddressUnsubscribeConfig`).
    list_address_unsubscribe_config(ListAddressUnsubscribeConfigRequest) -> ListAddressUnsubscribeConfigResponse;
    /// Lists addresses blocked after hard bounces (`ListBlackEmailAddress`).
    list_black_email_address(ListBlackEmailAddressRequest) -> ListBlackEmailAddressResponse;
    /// Lists entries of the account's own blocklist (`ListCustomBlacklist`).
    list_custom_blacklist(ListCustomBlacklistRequest) -> ListCustomBlacklistResponse;
    /// Lists every sender address (`ListEmailAddress`).
    list_email_address(ListEmailAddressRequest) -> ListEmailAddressResponse;
    /// Lists sender domains with reputation and quota (`ListEmailIdentities`).
    list_email_identities(ListEmailIdentitiesRequest) -> ListEmailIdentitiesResponse;
    /// Lists templates (`ListEmailTemplates`).
    list_email_templates(ListEmailTemplatesRequest) -> ListEmailTemplatesResponse;
    /// Lists the addresses of a recipient list (`ListReceiverDetails`).
    list_receiver_details(ListReceiverDetailsRequest) -> ListReceiverDetailsResponse;
    /// Lists recipient lists (`ListReceivers`).
    list_receivers(ListReceiversRequest) -> ListReceiversResponse;
    /// Lists batch tasks with their progress (`ListSendTasks`).
    list_send_tasks(ListSendTasksRequest) -> ListSendTasksResponse;
    /// Changes the unsubscribe-link setting of a sender address (`UpdateAddressUnsubscribeConfig`).
    update_address_unsubscribe_config(UpdateAddressUnsubscribeConfigRequest) -> UpdateAddressUnsubscribeConfigResponse;
    /// Changes one entry of the account's own blocklist (`UpdateCustomBlackList`).
    update_custom_black_list(UpdateCustomBlackListRequest) -> UpdateCustomBlackListResponse;
    /// Checks a sender domain's DNS records now (`UpdateEmailIdentity`).
    update_email_identity(UpdateEmailIdentityRequest) -> UpdateEmailIdentityResponse;
    /// Sets or changes the SMTP password of a sender address (`UpdateEmailSmtpPassWord`).
    update_email_smtp_pass_word(UpdateEmailSmtpPassWordRequest) -> UpdateEmailSmtpPassWordResponse;
    /// Replaces a template's name and body; it goes back into review (`UpdateEmailTemplate`).
    update_email_template(UpdateEmailTemplateRequest) -> UpdateEmailTemplateResponse;
}

impl From<tencentcloud_core::Client> for Client {
    fn from(core: tencentcloud_core::Client) -> Self {
        Self::new(core)
    }
}
