//! Value sets of recipient lists, custom blocklists and per-address settings.

use crate::enums::wire_enum;

wire_enum! {
    /// The upload state of a recipient list (`ReceiverData.ReceiversStatus`, filter
    /// `ListReceivers.Status`).
    pub enum ReceiverListStatus: int(u64) {
        /// `1`: created, no addresses uploaded yet.
        AwaitingUpload = 1,
        /// `2`: an upload is still being processed; another one is refused meanwhile.
        Uploading = 2,
        /// `3`: uploaded; the list can be sent to.
        Uploaded = 3,
    }
}

wire_enum! {
    /// Whether an address of a recipient list is usable (`ReceiverDetail.Status`, filter
    /// `ListReceiverDetails.Status`).
    pub enum ReceiverAddressStatus: int(u64) {
        /// `1`: valid.
        Valid = 1,
        /// `2`: invalid (`ReceiverDetail.Reason` says why).
        Invalid = 2,
    }
}

wire_enum! {
    /// The state of one custom-blocklist entry (`BlackAddressDetail.Status`).
    pub enum CustomBlocklistStatus: int(u64) {
        /// `0`: past its expiry date, no longer blocking.
        Expired = 0,
        /// `1`: blocking.
        Active = 1,
    }
}

wire_enum! {
    /// Which custom-blocklist entries to list (`ListCustomBlacklist.Status`).
    pub enum CustomBlocklistFilter: int(u64) {
        /// `0`: only expired entries.
        Expired = 0,
        /// `1`: only entries still blocking.
        Active = 1,
        /// `2`: every entry.
        All = 2,
    }
}

wire_enum! {
    /// Whether a per-address unsubscribe setting is switched on (`Status` of the
    /// `*AddressUnsubscribeConfig` actions and of `AddressUnsubscribeConfigData`).
    pub enum SwitchStatus: int(u64) {
        /// `0`: off.
        Off = 0,
        /// `1`: on.
        On = 1,
    }
}
