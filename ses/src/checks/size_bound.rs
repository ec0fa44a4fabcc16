//! An upper bound of a `SendEmail` request's JSON size, computed from the lengths of its texts.
//!
//! Checking the 8 MiB limit exactly means writing the whole JSON out once more before the
//! client writes it for real. Nearly every mail is far below the limit, and that shows from a
//! sum of lengths: serde_json writes a text of `n` bytes in at most `6n + 2` (a control
//! character becomes `\u00XX`; other characters are at most doubled or copied), and everything
//! else (keys, punctuation, numbers) fits in a fixed allowance per field. Only when the bound
//! reaches the limit is the exact size counted.

use crate::SendEmailRequest;
use crate::enums::UnsubscribeLanguage;
use crate::types::{Attachment, Simple, Template};

/// Room for one field besides its text: the quoted key (the longest is under 30 bytes), the
/// colon and comma, and `null` or a number of up to 20 digits.
const FIELD: u64 = 64;

/// Room for a text: its longest escaped form and its quotes.
fn text(value: &str) -> u64 {
    6 * value.len() as u64 + 2
}

fn optional_text(value: Option<&str>) -> u64 {
    FIELD + value.map_or(0, text)
}

fn list(values: Option<&Vec<String>>) -> u64 {
    FIELD + values.map_or(0, |values| values.iter().map(|value| text(value) + 1).sum())
}

fn template(value: Option<&Template>) -> u64 {
    FIELD
        + value.map_or(
            0,
            |Template {
                 template_id: _,
                 template_data,
             }| { 2 + FIELD + FIELD + text(template_data) },
        )
}

fn simple(value: Option<&Simple>) -> u64 {
    FIELD
        + value.map_or(0, |Simple { html, text }| {
            2 + optional_text(html.as_deref()) + optional_text(text.as_deref())
        })
}

fn attachments(values: Option<&Vec<Attachment>>) -> u64 {
    let one = |Attachment {
                   file_name,
                   content,
                   file_url,
               }: &Attachment| {
        3 + FIELD
            + text(file_name)
            + optional_text(content.as_deref())
            + optional_text(file_url.as_deref())
    };
    FIELD + values.map_or(0, |values| values.iter().map(one).sum())
}

/// At least the number of bytes `serde_json` writes for `request`.
pub(super) fn json_size_bound(request: &SendEmailRequest) -> u64 {
    // Every field is named, without `..`: a field added to the request does not compile here
    // until it is counted.
    let SendEmailRequest {
        from_email_address,
        subject,
        destination,
        reply_to_addresses,
        cc,
        bcc,
        template: template_field,
        simple: simple_field,
        attachments: attachments_field,
        unsubscribe,
        trigger_type: _,
        smtp_message_id,
        smtp_headers,
        header_from,
    } = request;
    // The braces, and `TriggerType`, a number.
    2 + FIELD
        + optional_text(Some(from_email_address))
        + optional_text(Some(subject))
        + list(destination.as_ref())
        + optional_text(reply_to_addresses.as_deref())
        + list(cc.as_ref())
        + list(bcc.as_ref())
        + template(template_field.as_ref())
        + simple(simple_field.as_ref())
        + attachments(attachments_field.as_ref())
        + optional_text(unsubscribe.as_ref().map(UnsubscribeLanguage::as_str))
        + optional_text(smtp_message_id.as_deref())
        + optional_text(smtp_headers.as_deref())
        + optional_text(header_from.as_deref())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::enums::TriggerType;

    /// Any text at all, weighted toward what JSON escapes: control characters (six bytes
    /// each), quotes and backslashes (two), besides plain ASCII and any Unicode scalar.
    fn any_text() -> impl Strategy<Value = String> {
        let character = prop_oneof![
            (0u8..0x20).prop_map(char::from),
            Just('"'),
            Just('\\'),
            (0x20u8..0x7f).prop_map(char::from),
            any::<char>(),
        ];
        proptest::collection::vec(character, 0..64).prop_map(String::from_iter)
    }

    fn maybe_text() -> impl Strategy<Value = Option<String>> {
        proptest::option::of(any_text())
    }

    fn maybe_texts() -> impl Strategy<Value = Option<Vec<String>>> {
        proptest::option::of(proptest::collection::vec(any_text(), 0..4))
    }

    fn attachment() -> impl Strategy<Value = Attachment> {
        (any_text(), maybe_text(), maybe_text()).prop_map(|(file_name, content, file_url)| {
            Attachment {
                file_name,
                content,
                file_url,
            }
        })
    }

    prop_compose! {
        fn request()(
            texts in (any_text(), any_text(), maybe_text(), maybe_text(), maybe_text(), maybe_text()),
            lists in (maybe_texts(), maybe_texts(), maybe_texts()),
            template in proptest::option::of((any::<u64>(), any_text())),
            simple in proptest::option::of((maybe_text(), maybe_text())),
            attachments in proptest::option::of(proptest::collection::vec(attachment(), 0..3)),
            unsubscribe in proptest::option::of(prop_oneof![
                Just(UnsubscribeLanguage::English),
                any_text().prop_map(UnsubscribeLanguage::Other),
            ]),
            trigger_type in proptest::option::of(any::<u64>().prop_map(TriggerType::from)),
        ) -> SendEmailRequest {
            let (from_email_address, subject, reply_to_addresses, smtp_message_id, smtp_headers, header_from) = texts;
            let (destination, cc, bcc) = lists;
            SendEmailRequest {
                from_email_address,
                subject,
                destination,
                reply_to_addresses,
                cc,
                bcc,
                template: template.map(|(template_id, template_data)| Template { template_id, template_data }),
                simple: simple.map(|(html, text)| Simple { html, text }),
                attachments,
                unsubscribe,
                trigger_type,
                smtp_message_id,
                smtp_headers,
                header_from,
            }
        }
    }

    proptest! {
        #[test]
        fn a_text_is_never_written_longer_than_its_room(value in any_text()) {
            let written = serde_json::to_string(&value).unwrap().len() as u64;
            prop_assert!(text(&value) >= written, "{} < {written}", text(&value));
        }

        #[test]
        fn the_bound_is_never_below_the_json_size(request in request()) {
            let written = serde_json::to_vec(&request).unwrap().len() as u64;
            prop_assert!(json_size_bound(&request) >= written, "{} < {written}", json_size_bound(&request));
        }
    }

    #[test]
    fn texts_of_control_characters_are_bounded_too() {
        let mut request = SendEmailRequest {
            from_email_address: "\u{1}".repeat(1000),
            subject: "\"\\".repeat(500),
            destination: None,
            reply_to_addresses: None,
            cc: None,
            bcc: None,
            template: None,
            simple: None,
            attachments: None,
            unsubscribe: Some(UnsubscribeLanguage::Other("\u{1f}".repeat(300))),
            trigger_type: Some(TriggerType::from(u64::MAX)),
            smtp_message_id: None,
            smtp_headers: None,
            header_from: None,
        };
        let written = serde_json::to_vec(&request).unwrap().len() as u64;
        assert!(json_size_bound(&request) >= written);
        // Mostly six bytes a character: the bound is tight where it matters, not a blanket.
        request.subject.clear();
        let written = serde_json::to_vec(&request).unwrap().len() as u64;
        assert!(
            json_size_bound(&request) < 2 * written,
            "{} vs {written}",
            json_size_bound(&request)
        );
    }
}
