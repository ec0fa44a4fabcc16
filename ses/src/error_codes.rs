//! Every error code SES documents, and the platform-wide codes any action may return, as named
//! constants, so callers compare against a name instead of a string they might mistype.
//!
//! Codes without a dot are at the top of this module; `Group.Detail` codes are in a module per
//! group, e.g. [`failed_operation::TOO_MANY_RECIPIENTS`]. Constant names are the wire names
//! split into words, keeping Tencent's own spellings (`ATTACH_CONTENT_TOOLARGE`,
//! `IN_VALID_TEMPLATE_DATA`) so the code in an error message leads straight to its constant.
//!
//! ```
//! use tencentcloud_ses::error_codes::{self, failed_operation};
//!
//! let code = "FailedOperation.FrequencyLimit"; // e.g. from `Error::code()`
//! assert_eq!(code, failed_operation::FREQUENCY_LIMIT);
//! assert!(error_codes::describe(code).is_some());
//! ```

/// Declares the constants of one group and a table of (code, description) pairs; the
/// description is the constant's doc comment, so both say the same thing.
macro_rules! codes {
    ($( #[doc = $doc:literal] $name:ident = $code:literal; )+) => {
        $( #[doc = $doc] pub const $name: &str = $code; )+

        /// Every code of this group as (constant name, code, description).
        pub(crate) const TABLE: &[$crate::error_codes::Entry] = &[$((stringify!($name), $code, $doc)),+];
    };
}

codes! {
    /// The action has been withdrawn.
    ACTION_OFFLINE = "ActionOffline";
    /// A dry run found that the request would have succeeded.
    DRY_RUN_OPERATION = "DryRunOperation";
    /// The operation failed; a sub-code usually says why.
    FAILED_OPERATION = "FailedOperation";
    /// Something went wrong inside Tencent Cloud.
    INTERNAL_ERROR = "InternalError";
    /// No action of that name exists in this service and version.
    INVALID_ACTION = "InvalidAction";
    /// A parameter has the wrong name or type.
    INVALID_PARAMETER = "InvalidParameter";
    /// A parameter has a value the service does not accept.
    INVALID_PARAMETER_VALUE = "InvalidParameterValue";
    /// A multipart body could not be parsed.
    INVALID_REQUEST = "InvalidRequest";
    /// The caller's IP address is blocked.
    IP_IN_BLACKLIST = "IpInBlacklist";
    /// The caller's IP address is not on the allowed list.
    IP_NOT_IN_WHITELIST = "IpNotInWhitelist";
    /// A quota of the account is used up.
    LIMIT_EXCEEDED = "LimitExceeded";
    /// A required parameter was not sent.
    MISSING_PARAMETER = "MissingParameter";
    /// No product of that name exists.
    NO_SUCH_PRODUCT = "NoSuchProduct";
    /// The product has no API version of that name.
    NO_SUCH_VERSION = "NoSuchVersion";
    /// The service refused the operation.
    OPERATION_DENIED = "OperationDenied";
    /// Too many calls in a short time; slow down and retry.
    REQUEST_LIMIT_EXCEEDED = "RequestLimitExceeded";
    /// The request body is larger than the service accepts.
    REQUEST_SIZE_LIMIT_EXCEEDED = "RequestSizeLimitExceeded";
    /// The resource is busy.
    RESOURCE_IN_USE = "ResourceInUse";
    /// Not enough of a resource is left.
    RESOURCE_INSUFFICIENT = "ResourceInsufficient";
    /// The resource does not exist.
    RESOURCE_NOT_FOUND = "ResourceNotFound";
    /// The resource cannot be used now.
    RESOURCE_UNAVAILABLE = "ResourceUnavailable";
    /// The answer would be larger than the service may send.
    RESPONSE_SIZE_LIMIT_EXCEEDED = "ResponseSizeLimitExceeded";
    /// The service is down for a moment; retry later.
    SERVICE_UNAVAILABLE = "ServiceUnavailable";
    /// The caller may not do this.
    UNAUTHORIZED_OPERATION = "UnauthorizedOperation";
    /// A parameter the action does not have was sent.
    UNKNOWN_PARAMETER = "UnknownParameter";
    /// The operation is not supported.
    UNSUPPORTED_OPERATION = "UnsupportedOperation";
    /// The HTTP method or protocol is not supported.
    UNSUPPORTED_PROTOCOL = "UnsupportedProtocol";
    /// The action is not offered in the region the request named.
    UNSUPPORTED_REGION = "UnsupportedRegion";
}

/// `AuthFailure.*`: the request could not be authenticated or authorised.
pub mod auth_failure {
    codes! {
        /// The `Authorization` header is malformed.
        INVALID_AUTHORIZATION = "AuthFailure.InvalidAuthorization";
        /// The secret id is not a Cloud API key.
        INVALID_SECRET_ID = "AuthFailure.InvalidSecretId";
        /// Multi-factor authentication failed.
        MFA_FAILURE = "AuthFailure.MFAFailure";
        /// The secret id does not exist or is disabled.
        SECRET_ID_NOT_FOUND = "AuthFailure.SecretIdNotFound";
        /// The request's timestamp is more than five minutes away from the server's clock.
        SIGNATURE_EXPIRE = "AuthFailure.SignatureExpire";
        /// The signature does not match the request.
        SIGNATURE_FAILURE = "AuthFailure.SignatureFailure";
        /// The session token of temporary credentials is wrong or expired.
        TOKEN_FAILURE = "AuthFailure.TokenFailure";
        /// The caller's CAM policy does not allow this action or resource.
        UNAUTHORIZED_OPERATION = "AuthFailure.UnauthorizedOperation";
    }
}

/// `FailedOperation.*`: SES tried and could not do what was asked.
pub mod failed_operation {
    codes! {
        /// The attachments are too large, one of them or all together.
        ATTACH_CONTENT_TOOLARGE = "FailedOperation.AttachContentToolarge";
        /// The domain has no DKIM key yet; one must be created first.
        DKIM_NOT_APPLIED = "FailedOperation.DKIMNotApplied";
        /// A recipient is on a blocklist.
        EMAIL_ADDR_IN_BLACKLIST = "FailedOperation.EmailAddrInBlacklist";
        /// The mail body is too large.
        EMAIL_CONTENT_TOOLARGE = "FailedOperation.EmailContentToolarge";
        /// The day's sending quota is used up.
        EXCEED_SEND_LIMIT = "FailedOperation.ExceedSendLimit";
        /// The account has as many templates as it may.
        EXCEED_TEMPLATE_LIMIT = "FailedOperation.ExceedTemplateLimit";
        /// The attachment URL is wrong or points at nothing.
        FILE_URL_NOT_EXIST = "FailedOperation.FileURLNotExist";
        /// One address got too many mails in a short time (about 10 per hour by default).
        FREQUENCY_LIMIT = "FailedOperation.FrequencyLimit";
        /// Sending is paused for a while because too many mails bounced.
        HIGH_REJECTION_RATE = "FailedOperation.HighRejectionRate";
        /// The mail contains a link that is not allowed.
        ILLEGAL_URL = "FailedOperation.IllegalURL";
        /// An address is not well formed.
        INCORRECT_EMAIL = "FailedOperation.IncorrectEmail";
        /// The sender is not written as `addr@domain` or `Name <addr@domain>`.
        INCORRECT_SENDER = "FailedOperation.IncorrectSender";
        /// The account balance is too low or in arrears.
        INSUFFICIENT_BALANCE = "FailedOperation.InsufficientBalance";
        /// The prepaid package of mails is used up.
        INSUFFICIENT_QUOTA = "FailedOperation.InsufficientQuota";
        /// An attachment name has a forbidden character or a type that is not allowed.
        INVALID_ATTACH_NAME = "FailedOperation.InvalidAttachName";
        /// The page size is larger than allowed (100).
        INVALID_LIMIT = "FailedOperation.InvalidLimit";
        /// The template id is wrong, or the template is not approved.
        INVALID_TEMPLATE_ID = "FailedOperation.InvalidTemplateID";
        /// The request has neither a template nor a direct body.
        MISSING_EMAIL_CONTENT = "FailedOperation.MissingEmailContent";
        /// The account may not send attachments.
        NO_ATTACH_PERMISSION = "FailedOperation.NoAttachPermission";
        /// The sender address is not verified.
        NOT_AUTHENTICATED_SENDER = "FailedOperation.NotAuthenticatedSender";
        /// Status for that day can no longer (or not yet) be queried.
        NOT_SUPPORT_DATE = "FailedOperation.NotSupportDate";
        /// The request failed the protocol check.
        PROTOCOL_CHECK_ERR = "FailedOperation.ProtocolCheckErr";
        /// The recipient unsubscribed.
        RECEIVER_HAS_UNSUBSCRIBED = "FailedOperation.ReceiverHasUnsubscribed";
        /// The recipient's side refused the mail.
        REJECTED_BY_RECIPIENTS = "FailedOperation.RejectedByRecipients";
        /// Sending failed for a reason only Tencent support can look into.
        SEND_EMAIL_ERR = "FailedOperation.SendEmailErr";
        /// A passing failure; nothing changed, and the call may be retried.
        SERVICE_NOT_AVAILABLE = "FailedOperation.ServiceNotAvailable";
        /// The template body is too large.
        TEMPLATE_CONTENT_TOOLARGE = "FailedOperation.TemplateContentToolarge";
        /// A mail provider's limit was hit; mail to it resumes on its own after about ten minutes.
        TEMPORARY_BLOCKED = "FailedOperation.TemporaryBlocked";
        /// More than 10 attachments.
        TOO_MANY_ATTACHMENTS = "FailedOperation.TooManyAttachments";
        /// More recipients than one mail may have (50 `To`).
        TOO_MANY_RECIPIENTS = "FailedOperation.TooManyRecipients";
        /// The account's delivery record is too poor to put links in mail.
        URL_FORBIDDEN = "FailedOperation.URLForbidden";
        /// Mail to this kind of mailbox is not supported.
        UNSUPPORT_MAIL_TYPE = "FailedOperation.UnsupportMailType";
        /// The account may only send templates.
        WITH_OUT_PERMISSION = "FailedOperation.WithOutPermission";
        /// The template data is not valid JSON.
        WRONG_CONTENT_JSON = "FailedOperation.WrongContentJson";
    }
}

/// `InternalError.*`: failures inside Tencent Cloud.
pub mod internal_error {
    codes! {
        /// A database query failed or timed out.
        QUERY_DATA_BASE_FAILED = "InternalError.QueryDataBaseFailed";
    }
}

/// `InvalidParameter.*`: a parameter is malformed.
pub mod invalid_parameter {
    codes! {
        /// The account's AppId is missing or unknown.
        APP_ID_IS_REQUIRED = "InvalidParameter.AppIdIsRequired";
        /// The end of the range is not written as expected.
        INVALID_END_TIME_FORMAT = "InvalidParameter.InvalidEndTimeFormat";
        /// The start of the range is not written as expected.
        INVALID_START_TIME_FORMAT = "InvalidParameter.InvalidStartTimeFormat";
    }
}

/// `InvalidParameterValue.*`: a parameter's value is not acceptable.
pub mod invalid_parameter_value {
    codes! {
        /// An attachment's content is not valid base64.
        ATTACH_CONTENT_IS_WRONG = "InvalidParameterValue.AttachContentIsWrong";
        /// The start time lies in the past.
        BEGIN_TIME_BEFORE_NOW = "InvalidParameterValue.BeginTimeBeforeNow";
        /// Another Tencent Cloud account already registered this domain.
        CREATED_BY_OTHER = "InvalidParameterValue.CreatedByOther";
        /// The sender or a recipient address is empty.
        EMAIL_ADDRESS_IS_NULL = "InvalidParameterValue.EmailAddressIsNULL";
        /// The mail body is not valid base64.
        EMAIL_CONTENT_IS_WRONG = "InvalidParameterValue.EmailContentIsWrong";
        /// An address is not well formed.
        ILLEGAL_EMAIL_ADDRESS = "InvalidParameterValue.IllegalEmailAddress";
        /// The sender's display name is not acceptable.
        ILLEGAL_SENDER_NAME = "InvalidParameterValue.IllegalSenderName";
        /// A recipient's template data contains HTML, which is not allowed.
        IN_VALID_TEMPLATE_DATA = "InvalidParameterValue.InValidTemplateData";
        /// The domain is not acceptable.
        INVALID_EMAIL_IDENTITY = "InvalidParameterValue.InvalidEmailIdentity";
        /// The SMTP password breaks the rules (10 to 20 characters, digits and both cases).
        INVALID_SMTP_PASS_WORD = "InvalidParameterValue.InvalidSmtpPassWord";
        /// No such sender address exists.
        NO_SUCH_SENDER = "InvalidParameterValue.NoSuchSender";
        /// The domain has not been registered as a sender domain.
        NOT_EXIST_DOMAIN = "InvalidParameterValue.NotExistDomain";
        /// The list description has special characters or is not 1 to 300 characters long.
        RECEIVER_DESC_ILLEGAL = "InvalidParameterValue.ReceiverDescIllegal";
        /// A recipient address is wrong.
        RECEIVER_EMAIL_INVALID = "InvalidParameterValue.ReceiverEmailInvalid";
        /// The list name has characters or a length that are not allowed.
        RECEIVER_NAME_ILLEGAL = "InvalidParameterValue.ReceiverNameIllegal";
        /// The account already registered this domain.
        REPEAT_CREATION = "InvalidParameterValue.RepeatCreation";
        /// The sender address already exists.
        REPEAT_EMAIL_ADDRESS = "InvalidParameterValue.RepeatEmailAddress";
        /// A recipient list of that name already exists.
        REPEAT_RECEIVER_NAME = "InvalidParameterValue.RepeatReceiverName";
        /// The subject is empty or longer than 100 characters.
        SUBJECT_LENGTH_ERROR = "InvalidParameterValue.SubjectLengthError";
        /// The template has no body.
        TEMPLATE_CONTENT_IS_NULL = "InvalidParameterValue.TemplateContentIsNULL";
        /// The template body is not valid base64.
        TEMPLATE_CONTENT_IS_WRONG = "InvalidParameterValue.TemplateContentIsWrong";
        /// The template data is not JSON.
        TEMPLATE_DATA_ERROR = "InvalidParameterValue.TemplateDataError";
        /// The variable names differ from those already in the list.
        TEMPLATE_DATA_INCONSISTENT = "InvalidParameterValue.TemplateDataInconsistent";
        /// One recipient's template data is longer than 800 bytes.
        TEMPLATE_DATA_LEN_LIMIT = "InvalidParameterValue.TemplateDataLenLimit";
        /// The template name has characters or a length that are not allowed.
        TEMPLATE_NAME_ILLEGAL = "InvalidParameterValue.TemplateNameIllegal";
        /// The template name is empty.
        TEMPLATE_NAME_IS_NULL = "InvalidParameterValue.TemplateNameIsNULL";
        /// No template has that id.
        TEMPLATE_NOT_EXIST = "InvalidParameterValue.TemplateNotExist";
        /// The template's variables and the list's data do not match one to one.
        TEMPLATE_NOT_MATCH_DATA = "InvalidParameterValue.TemplateNotMatchData";
        /// A date is out of range or not written `YYYY-MM-DD`.
        WRONG_DATE = "InvalidParameterValue.WrongDate";
    }
}

/// `LimitExceeded.*`: a count limit was reached.
pub mod limit_exceeded {
    codes! {
        /// The account has as many recipient lists as it may.
        EXCEED_RECEIVER_LIMIT = "LimitExceeded.ExceedReceiverLimit";
        /// The recipient list would hold more than 50,000 addresses.
        RECEIVER_DETAIL_COUNT_LIMIT = "LimitExceeded.ReceiverDetailCountLimit";
        /// One call carried more than 20,000 addresses.
        RECEIVER_DETAIL_REQUEST_LIMIT = "LimitExceeded.ReceiverDetailRequestLimit";
    }
}

/// `MissingParameter.*`: something a batch or list action needs was not given.
pub mod missing_parameter {
    codes! {
        /// A recurring task needs `CycleParam` (start time and interval).
        CYCLE_PARAM_NECESSARY = "MissingParameter.CycleParamNecessary";
        /// The addresses are missing.
        EMAILS_NECESSARY = "MissingParameter.EmailsNecessary";
        /// The recipient list id is missing.
        RECEIVER_ID_NECESSARY = "MissingParameter.ReceiverIdNecessary";
        /// The sender, the recipient list or the template is missing.
        SEND_PARAM_NECESSARY = "MissingParameter.SendParamNecessary";
        /// A scheduled task needs `TimedParam` (its start time).
        TIMED_PARAM_NECESSARY = "MissingParameter.TimedParamNecessary";
    }
}

/// `OperationDenied.*`: the state of the account or resource forbids the operation.
pub mod operation_denied {
    codes! {
        /// The domain is not verified yet.
        DOMAIN_NOT_VERIFIED = "OperationDenied.DomainNotVerified";
        /// The account has as many sender domains as it may (10).
        EXCEED_DOMAIN_LIMIT = "OperationDenied.ExceedDomainLimit";
        /// There are as many sender addresses as allowed (10).
        EXCEED_SENDER_LIMIT = "OperationDenied.ExceedSenderLimit";
        /// This account may not delete the domain.
        NOT_ALLOW_DELETE = "OperationDenied.NotAllowDelete";
        /// The recipient list is still processing an upload.
        RECEIVER_IS_OPERATING = "OperationDenied.ReceiverIsOperating";
        /// No recipient list has that id.
        RECEIVER_NOT_EXIST = "OperationDenied.ReceiverNotExist";
        /// The recipient list is empty or its upload is not finished.
        RECEIVER_STATUS_ERROR = "OperationDenied.ReceiverStatusError";
        /// The new SMTP password equals the previous one.
        REPEAT_PASS_WORD = "OperationDenied.RepeatPassWord";
        /// The sender address does not exist or is not approved.
        SEND_ADDRESS_STATUS_ERROR = "OperationDenied.SendAddressStatusError";
        /// The domain still has sender addresses; delete them first.
        SENDER_WITH_DOMAIN_IS_NOT_EMPTY = "OperationDenied.SenderWithDomainIsNotEmpty";
        /// The template does not exist or is not approved.
        TEMPLATE_STATUS_ERROR = "OperationDenied.TemplateStatusError";
    }
}

/// `RequestLimitExceeded.*`: rate limits; all are safe to retry after a pause.
pub mod request_limit_exceeded {
    codes! {
        /// The account's global rate limit was reached.
        GLOBAL_REGION_UIN_LIMIT_EXCEEDED = "RequestLimitExceeded.GlobalRegionUinLimitExceeded";
        /// The caller's IP address sent too many requests.
        IP_LIMIT_EXCEEDED = "RequestLimitExceeded.IPLimitExceeded";
        /// The SMTP interface's rate limit was reached (SMTP only).
        SMTP_RATE_LIMIT = "RequestLimitExceeded.SmtpRateLimit";
        /// The account sent too many requests.
        UIN_LIMIT_EXCEEDED = "RequestLimitExceeded.UinLimitExceeded";
    }
}

/// One row of a group's table: constant name, code, description.
pub(crate) type Entry = (&'static str, &'static str, &'static str);

/// The tables of every group, in the order this module lists them.
const TABLES: &[&[Entry]] = &[
    TABLE,
    auth_failure::TABLE,
    failed_operation::TABLE,
    internal_error::TABLE,
    invalid_parameter::TABLE,
    invalid_parameter_value::TABLE,
    limit_exceeded::TABLE,
    missing_parameter::TABLE,
    operation_denied::TABLE,
    request_limit_exceeded::TABLE,
];

/// Every code this module knows, with a one-line description, in no particular order.
pub fn all() -> impl Iterator<Item = (&'static str, &'static str)> {
    TABLES
        .iter()
        .flat_map(|table| table.iter())
        .map(|&(_, code, description)| (code, description.trim()))
}

/// A one-line description of a documented code, or `None` for a code this crate does not know.
///
/// The match is exact: codes are case-sensitive on the wire.
pub fn describe(code: &str) -> Option<&'static str> {
    all()
        .find(|&(known, _)| known == code)
        .map(|(_, description)| description)
}

#[cfg(test)]
mod tests;
