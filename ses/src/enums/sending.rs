//! Value sets of sending a mail and of its status: unsubscribe language, trigger type, and
//! the two status codes `GetSendEmailStatus` reports.

use crate::enums::wire_enum;

wire_enum! {
    /// Which language the unsubscribe link at the foot of a mail is written in, or no link.
    ///
    /// Wire fields `Unsubscribe` (sending) and `UnsubscribeConfig` (per sender address), a JSON
    /// *string* of digits. The numbering follows the Chinese documentation (`1` is Simplified
    /// Chinese, `2` English); some English pages swap the two. `Indonesian` and `Vietnamese` are
    /// only documented for sending.
    pub enum UnsubscribeLanguage: text {
        /// `"0"`: no unsubscribe link is added.
        NoLink = "0",
        /// `"1"`: Simplified Chinese.
        SimplifiedChinese = "1",
        /// `"2"`: English.
        English = "2",
        /// `"3"`: Traditional Chinese.
        TraditionalChinese = "3",
        /// `"4"`: Spanish.
        Spanish = "4",
        /// `"5"`: French.
        French = "5",
        /// `"6"`: German.
        German = "6",
        /// `"7"`: Japanese.
        Japanese = "7",
        /// `"8"`: Korean.
        Korean = "8",
        /// `"9"`: Arabic.
        Arabic = "9",
        /// `"10"`: Thai.
        Thai = "10",
        /// `"11"`: Indonesian (sending only).
        Indonesian = "11",
        /// `"12"`: Vietnamese (sending only).
        Vietnamese = "12",
    }
}

wire_enum! {
    /// The class of a single mail, which picks the delivery channel (`SendEmail.TriggerType`).
    pub enum TriggerType: int(u64) {
        /// `0`, the default: bulk or marketing mail that may wait.
        NonTriggered = 0,
        /// `1`: mail a user waits for, such as a sign-in code. Tencent moves oversized mails
        /// back to the bulk channel on its own.
        Triggered = 1,
    }
}

wire_enum! {
    /// What Tencent Cloud itself did with one (message, recipient) pair
    /// (`SendEmailStatus.SendStatus`); delivery by the recipient's provider is [`DeliverStatus`].
    pub enum SendStatus: int(i64) {
        /// `0`: taken in and handed on for delivery.
        Accepted = 0,
        /// `1001`: failure inside Tencent Cloud.
        InternalError1001 = 1001,
        /// `1002`: failure inside Tencent Cloud.
        InternalError1002 = 1002,
        /// `1003`: failure inside Tencent Cloud.
        InternalError1003 = 1003,
        /// `1004`: the send attempt timed out.
        Timeout = 1004,
        /// `1005`: failure inside Tencent Cloud.
        InternalError1005 = 1005,
        /// `1006`: held back because this address got too many mails in a short time.
        FrequencyLimited = 1006,
        /// `1007`: the recipient address is on a blocklist.
        AddressBlocklisted = 1007,
        /// `1008`: the recipient side refuses mail from the sender domain.
        DomainRejected = 1008,
        /// `1009`: failure inside Tencent Cloud.
        InternalError1009 = 1009,
        /// `1010`: the day's sending quota is used up.
        DailyLimitExceeded = 1010,
        /// `1011`: the account may only send templates, and this mail was not one.
        NoCustomContentPermission = 1011,
        /// `1013`: the recipient unsubscribed from this sender domain.
        Unsubscribed = 1013,
        /// `2001`: nothing was found for the query.
        NoRecord = 2001,
        /// `3007`: the template id is wrong or the template cannot be used.
        InvalidTemplate = 3007,
        /// `3008`: the recipient domain blocks the sender domain for now.
        DomainTemporarilyBlocked = 3008,
        /// `3009`: the account may not use this template.
        NoTemplatePermission = 3009,
        /// `3010`: the template data is not a well-formed JSON object.
        BadTemplateData = 3010,
        /// `3014`: the sender domain has not passed DNS verification.
        DomainNotVerified = 3014,
        /// `3020`: mail to this kind of recipient mailbox is blocked.
        MailboxTypeBlocked = 3020,
        /// `3024`: the recipient address failed the format check.
        AddressCheckFailed = 3024,
        /// `3030`: sending is paused for a while because too many mails bounced.
        HighBounceRate = 3030,
        /// `3033`: the account balance is too low or in arrears.
        InsufficientBalance = 3033,
    }
}

wire_enum! {
    /// What the recipient's mail provider did with the mail (`SendEmailStatus.DeliverStatus`).
    pub enum DeliverStatus: int(i64) {
        /// `0`: Tencent Cloud has it queued; no answer from the provider yet.
        Queued = 0,
        /// `1`: the provider accepted it (`DeliverTime` says when).
        Delivered = 1,
        /// `2`: it was dropped (`DeliverMessage` says why).
        Dropped = 2,
        /// `3`: the provider refused it, most often because the mailbox does not exist.
        Rejected = 3,
        /// `8`: the provider asked to try later (`DeliverMessage` says why).
        Deferred = 8,
    }
}
