//! Mail addresses and domains as SES reads them: plain addresses, the `Alias <addr@domain>`
//! sender form, and sender domain names.
//!
//! Addresses are checked with lettre's parser, the same one that renders the message, so an
//! address accepted here can always be written into the MIME message later.

use lettre::Address;

use crate::redact::shown;

/// The longest address accepted, in bytes (RFC 5321's limit on a forward path).
pub(super) const MAX_ADDRESS_LEN: usize = 254;

/// The longest domain name, in bytes.
const MAX_DOMAIN_LEN: usize = 253;

/// A sender as `FromEmailAddress` gives it: an optional display name and the address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SenderSpec {
    /// The display name before `<...>`, if any.
    pub(super) alias: Option<String>,
    /// The address itself.
    pub(super) address: String,
}

/// Parses a plain address; `None` when it is not one lettre could write into a message.
pub(super) fn parse_address(text: &str) -> Option<Address> {
    if text.len() > MAX_ADDRESS_LEN || text.trim() != text {
        return None;
    }
    text.parse::<Address>().ok()
}

/// Whether `text` is a well-formed address.
pub(super) fn is_address(text: &str) -> bool {
    parse_address(text).is_some()
}

/// The address compared case-insensitively: SES treats `Ann@Example.com` and
/// `ann@example.com` as one recipient for blocklists and statuses.
pub(super) fn key(address: &str) -> String {
    address.to_ascii_lowercase()
}

/// The domain part of an address, lower-cased; empty when there is no `@`.
pub(super) fn domain_of(address: &str) -> String {
    address
        .rsplit_once('@')
        .map(|(_, domain)| domain.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Parses `addr@domain` or `Alias <addr@domain>`, the two forms ses.md §4 allows for a sender:
/// exactly one space before `<`, and no `:` in the alias.
///
/// # Errors
/// A sentence saying what is wrong, for `FailedOperation.IncorrectSender`.
pub(super) fn parse_sender(text: &str) -> Result<SenderSpec, String> {
    let (alias, address) = match text.strip_suffix('>') {
        Some(rest) => {
            let Some((alias, address)) = rest.rsplit_once(" <") else {
                return Err(format!(
                    "sender `{}` must be `addr@domain` or `Alias <addr@domain>` with one space before `<`",
                    shown(text)
                ));
            };
            if alias.is_empty() || alias.ends_with(' ') || alias.trim() != alias {
                return Err(format!(
                    "sender `{}` needs a display name followed by exactly one space before `<`",
                    shown(text)
                ));
            }
            if alias.contains([':', '<', '>', '"']) {
                return Err(format!(
                    "the display name of sender `{}` must not contain `:`, `<`, `>` or `\"`",
                    shown(text)
                ));
            }
            (Some(alias.to_owned()), address)
        }
        None => (None, text),
    };
    if !is_address(address) {
        return Err(format!(
            "`{}` in sender `{}` is not a valid mail address",
            shown(address),
            shown(text)
        ));
    }
    Ok(SenderSpec {
        alias,
        address: address.to_owned(),
    })
}

/// Whether `name` is a domain SES could register: two or more dot-separated labels of letters,
/// digits and inner hyphens, each at most 63 bytes, 253 in all, and a top-level label that is
/// not all digits (so IP addresses are refused).
pub(super) fn is_domain(name: &str) -> bool {
    if name.is_empty() || name.len() > MAX_DOMAIN_LEN {
        return false;
    }
    let labels: Vec<&str> = name.split('.').collect();
    let well_formed = labels.iter().all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    let top_is_word = labels
        .last()
        .is_some_and(|top| !top.bytes().all(|b| b.is_ascii_digit()));
    labels.len() >= 2 && well_formed && top_is_word
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn senders_in_both_documented_forms_are_read() {
        let plain = parse_sender("noreply@mail.qcloud.com");
        assert_eq!(
            plain,
            Ok(SenderSpec {
                alias: None,
                address: "noreply@mail.qcloud.com".to_owned()
            })
        );
        let named = parse_sender("QCLOUDTEAM <noreply@mail.qcloud.com>");
        assert_eq!(named.map(|s| s.alias), Ok(Some("QCLOUDTEAM".to_owned())));
    }

    #[test]
    fn malformed_senders_are_refused() {
        for text in [
            "Team  <a@example.com>",
            "Team<a@example.com>",
            "Te:am <a@example.com>",
            " <a@example.com>",
            "a@",
            "plainly wrong",
            "<a@example.com>",
        ] {
            assert!(parse_sender(text).is_err(), "{text}");
        }
    }

    #[test]
    fn domains_follow_dns_label_rules() {
        for good in ["mail.example.com", "example.co", "a-b.example.org"] {
            assert!(is_domain(good), "{good}");
        }
        for bad in [
            "example",
            "-a.example.com",
            "a..com",
            "1.2.3.4",
            "exa_mple.com",
            "",
        ] {
            assert!(!is_domain(bad), "{bad}");
        }
        assert!(!is_domain(&format!("{}.com", "a".repeat(64))));
    }

    #[test]
    fn addresses_are_checked_and_split() {
        assert!(is_address("user@example.com"));
        assert!(!is_address("user@@example.com"));
        assert!(!is_address(" user@example.com"));
        assert_eq!(domain_of("Ann@Mail.Example.com"), "mail.example.com");
        assert_eq!(key("Ann@Example.com"), "ann@example.com");
    }
}
