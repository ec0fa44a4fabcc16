//! Value sets of sender domains, sender addresses and templates: identity type, DNS record
//! type, DKIM key option, SMTP password state and template review status.

use crate::enums::wire_enum;

wire_enum! {
    /// The kind of a sender identity (`IdentityType`); SES only has domains so far.
    pub enum IdentityType: text {
        /// `"DOMAIN"`: a sender domain.
        Domain = "DOMAIN",
    }
}

wire_enum! {
    /// The type of a DNS record that verifies a sender domain (`DNSAttributes.Type`).
    pub enum DnsRecordType: text {
        /// `"CNAME"`.
        Cname = "CNAME",
        /// `"A"`.
        A = "A",
        /// `"TXT"`: used for SPF, DKIM and DMARC.
        Txt = "TXT",
        /// `"MX"`.
        Mx = "MX",
    }
}

wire_enum! {
    /// The DKIM key a sender domain signs with (`DKIMOption`).
    ///
    /// `CreateEmailIdentity` accepts the first two; `UpdateEmailIdentity` and the responses may
    /// also carry `Dual`.
    pub enum DkimOption: int(u64) {
        /// `0`, the default: a 1024-bit RSA key.
        Rsa1024 = 0,
        /// `1`: a 2048-bit RSA key.
        Rsa2048 = 1,
        /// `2`: two signatures, one with each key length.
        Dual = 2,
    }
}

wire_enum! {
    /// Whether a sender address has an SMTP password (`EmailSender.SmtpPwdType`).
    pub enum SmtpPasswordState: int(u64) {
        /// `0`: no password yet, so the address cannot send over SMTP.
        NotSet = 0,
        /// `1`: a password is set.
        Set = 1,
    }
}

wire_enum! {
    /// The review state of a template (`TemplateStatus`); only approved templates can send.
    ///
    /// `TemplatesMetadata` documents the field as `int64` and any value other than the three
    /// below as "unavailable", so the unknown value is kept signed.
    pub enum TemplateStatus: int(i64) {
        /// `0`: approved, ready to use.
        Approved = 0,
        /// `1`: waiting for review (new or changed templates).
        PendingReview = 1,
        /// `2`: rejected (`TemplatesMetadata.ReviewReason` says why).
        Rejected = 2,
    }
}
