//! The DNS records a sender domain must publish (ses.md §14), with a freshly made DKIM public
//! key in the same shape as the real service's.
//!
//! Four records: MX and SPF on the domain itself, the DKIM key at `qcloud._domainkey.<domain>`
//! and DMARC at `_dmarc.<domain>`. The examples of the API only show SPF and DKIM; the console
//! and FAQ require all four, so all four are returned.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use tencentcloud_ses::DnsAttributes;
use tencentcloud_ses::enums::{DkimOption, DnsRecordType};

/// The SPF value every sender domain publishes.
pub(super) const SPF_VALUE: &str = "v=spf1 include:qcloudmail.com ~all";
/// The MX host mail for the domain is received by.
pub(super) const MX_VALUE: &str = "mxbiz1.qq.com.";
/// The least DMARC policy the console accepts.
pub(super) const DMARC_VALUE: &str = "v=DMARC1; p=none";
/// The DKIM selector of the newer examples.
pub(super) const DKIM_SELECTOR: &str = "qcloud";

/// DER prefix of an RSA SubjectPublicKeyInfo with a 1024-bit modulus, up to the modulus
/// bytes (sequence, rsaEncryption algorithm, bit string, sequence, integer of 129 bytes).
const SPKI_1024: &[u8] = &[
    0x30, 0x81, 0x9f, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01,
    0x05, 0x00, 0x03, 0x81, 0x8d, 0x00, 0x30, 0x81, 0x89, 0x02, 0x81, 0x81, 0x00,
];
/// The same prefix for a 2048-bit modulus (integer of 257 bytes).
const SPKI_2048: &[u8] = &[
    0x30, 0x82, 0x01, 0x22, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01,
    0x01, 0x05, 0x00, 0x03, 0x82, 0x01, 0x0f, 0x00, 0x30, 0x82, 0x01, 0x0a, 0x02, 0x82, 0x01, 0x01,
    0x00,
];
/// The public exponent 65537 as a DER integer, which ends every key.
const EXPONENT: &[u8] = &[0x02, 0x03, 0x01, 0x00, 0x01];

/// A DKIM public key for `option`, base64 of a well-formed DER `SubjectPublicKeyInfo`.
///
/// The modulus is random odd bytes with the top bit set: it parses as an RSA key of the right
/// length, which is all a record shown to a user needs; the emulator never signs with it.
pub(super) fn dkim_public_key(option: DkimOption) -> String {
    let (prefix, modulus_len) = match option {
        DkimOption::Rsa1024 => (SPKI_1024, 128),
        _ => (SPKI_2048, 256),
    };
    let mut rng = fastrand::Rng::new();
    let mut der = Vec::with_capacity(prefix.len() + modulus_len + EXPONENT.len());
    der.extend_from_slice(prefix);
    let mut modulus: Vec<u8> = (0..modulus_len).map(|_| rng.u8(..)).collect();
    if let Some(first) = modulus.first_mut() {
        *first |= 0x80;
    }
    if let Some(last) = modulus.last_mut() {
        *last |= 0x01;
    }
    der.extend_from_slice(&modulus);
    der.extend_from_slice(EXPONENT);
    STANDARD.encode(der)
}

/// The records `domain` must publish; `verified` says whether the last check found them,
/// in which case the current value equals the expected one.
pub(super) fn records(domain: &str, dkim_key: &str, verified: bool) -> Vec<DnsAttributes> {
    let record = |record_type: DnsRecordType, host: String, expected: String| DnsAttributes {
        record_type,
        send_domain: host,
        current_value: if verified {
            expected.clone()
        } else {
            String::new()
        },
        expected_value: expected,
        status: verified,
    };
    vec![
        record(DnsRecordType::Mx, domain.to_owned(), MX_VALUE.to_owned()),
        record(DnsRecordType::Txt, domain.to_owned(), SPF_VALUE.to_owned()),
        record(
            DnsRecordType::Txt,
            format!("{DKIM_SELECTOR}._domainkey.{domain}"),
            format!("v=DKIM1; k=rsa; p={dkim_key}"),
        ),
        record(
            DnsRecordType::Txt,
            format!("_dmarc.{domain}"),
            DMARC_VALUE.to_owned(),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_start_like_the_documented_examples() {
        // The 1024-bit key of the CreateEmailIdentity example and the 2048-bit key of the
        // GetEmailIdentity example begin with these base64 texts (ses.md §17).
        assert!(
            dkim_public_key(DkimOption::Rsa1024)
                .starts_with("MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ")
        );
        assert!(
            dkim_public_key(DkimOption::Rsa2048)
                .starts_with("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA")
        );
        assert!(dkim_public_key(DkimOption::Rsa2048).ends_with("IDAQAB"));
    }

    #[test]
    fn records_cover_mx_spf_dkim_and_dmarc() {
        let records = records("mail.example.com", "KEY", false);
        let hosts: Vec<&str> = records.iter().map(|r| r.send_domain.as_str()).collect();
        assert_eq!(
            hosts,
            [
                "mail.example.com",
                "mail.example.com",
                "qcloud._domainkey.mail.example.com",
                "_dmarc.mail.example.com"
            ]
        );
        assert!(
            records
                .iter()
                .all(|r| !r.status && r.current_value.is_empty())
        );
        assert_eq!(
            records[1].expected_value,
            "v=spf1 include:qcloudmail.com ~all"
        );
    }
}
