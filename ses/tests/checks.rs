//! The pre-send checks: each documented limit at its value (passes) and one past it (fails with
//! the error naming that limit and the actual figure), and the 8 MB whole-request limit.
//!
//! Limits are written out from ses.md §4, §11 and §12, not read from the crate's constants.

use std::error::Error as _;

use tencentcloud_core::ErrorKind;
use tencentcloud_ses::checks::{
    CheckError, check_batch_send_email, check_send_email, validate_batch_send_email,
    validate_send_email,
};
use tencentcloud_ses::enums::TaskType;
use tencentcloud_ses::template_data::TemplateDataError;
use tencentcloud_ses::{Attachment, BatchSendEmailRequest, SendEmailRequest, Simple, Template};

const MIB: usize = 1024 * 1024;

fn addresses(count: usize) -> Vec<String> {
    (0..count).map(|n| format!("user{n}@example.com")).collect()
}

fn mail() -> SendEmailRequest {
    SendEmailRequest::builder()
        .from_email_address("Example <noreply@mail.example.com>")
        .subject("Checks")
        .destination(addresses(1))
        .template(Template {
            template_id: 1,
            template_data: "{}".to_owned(),
        })
        .build()
}

fn batch() -> BatchSendEmailRequest {
    BatchSendEmailRequest::builder()
        .from_email_address("noreply@mail.example.com")
        .receiver_id(7)
        .subject("Checks")
        .task_type(TaskType::Immediate)
        .template(Template {
            template_id: 1,
            template_data: "{}".to_owned(),
        })
        .build()
}

/// An attachment whose base64 content decodes to exactly `bytes` bytes, written by hand:
/// every `AAAA` is three zero bytes, `AA==` one and `AAA=` two.
fn attachment_of(name: &str, bytes: usize) -> Attachment {
    let mut content = "AAAA".repeat(bytes / 3);
    content.push_str(["", "AA==", "AAA="][bytes % 3]);
    Attachment {
        file_name: name.to_owned(),
        content: Some(content),
        file_url: None,
    }
}

#[test]
fn fifty_destination_addresses_pass_and_fifty_one_fail() {
    let mut request = mail();
    request.destination = Some(addresses(50));
    assert_eq!(validate_send_email(&request), Ok(()));
    request.destination = Some(addresses(51));
    let refused = validate_send_email(&request).unwrap_err();
    assert_eq!(
        refused,
        CheckError::TooManyDestination {
            count: 51,
            limit: 50
        }
    );
    assert_eq!(
        refused.to_string(),
        "Destination has 51 addresses; SES allows at most 50"
    );
}

#[test]
fn twenty_cc_addresses_pass_and_twenty_one_fail() {
    let mut request = mail();
    request.cc = Some(addresses(20));
    assert_eq!(validate_send_email(&request), Ok(()));
    request.cc = Some(addresses(21));
    assert_eq!(
        validate_send_email(&request),
        Err(CheckError::TooManyCc {
            count: 21,
            limit: 20
        })
    );
}

#[test]
fn twenty_bcc_addresses_pass_and_twenty_one_fail() {
    let mut request = mail();
    request.bcc = Some(addresses(20));
    assert_eq!(validate_send_email(&request), Ok(()));
    request.bcc = Some(addresses(21));
    assert_eq!(
        validate_send_email(&request),
        Err(CheckError::TooManyBcc {
            count: 21,
            limit: 20
        })
    );
}

#[test]
fn a_mail_needs_at_least_one_recipient_in_any_list() {
    let mut request = mail();
    request.destination = None;
    assert_eq!(validate_send_email(&request), Err(CheckError::NoRecipients));
    request.destination = Some(Vec::new());
    request.cc = Some(Vec::new());
    assert_eq!(validate_send_email(&request), Err(CheckError::NoRecipients));
    request.bcc = Some(addresses(1));
    assert_eq!(
        validate_send_email(&request),
        Ok(()),
        "a Bcc address alone is enough"
    );
    request.bcc = None;
    request.cc = Some(addresses(1));
    assert_eq!(
        validate_send_email(&request),
        Ok(()),
        "a Cc address alone is enough"
    );
}

#[test]
fn a_mail_needs_a_template_or_a_body_of_its_own() {
    let mut request = mail();
    request.template = None;
    assert_eq!(validate_send_email(&request), Err(CheckError::NoContent));
    request.simple = Some(Simple::from_text("hello"));
    assert_eq!(
        validate_send_email(&request),
        Ok(()),
        "a body alone is enough"
    );
    let mut task = batch();
    task.template = None;
    assert_eq!(validate_batch_send_email(&task), Err(CheckError::NoContent));
    task.simple = Some(Simple::from_text("hello"));
    assert_eq!(validate_batch_send_email(&task), Ok(()));
}

#[test]
fn ten_attachments_pass_and_eleven_fail() {
    let mut request = mail();
    let files = |n: usize| {
        (0..n)
            .map(|i| attachment_of(&format!("f{i}.txt"), 10))
            .collect()
    };
    request.attachments = Some(files(10));
    assert_eq!(validate_send_email(&request), Ok(()));
    request.attachments = Some(files(11));
    assert_eq!(
        validate_send_email(&request),
        Err(CheckError::TooManyAttachments {
            count: 11,
            limit: 10
        })
    );
}

#[test]
fn four_mib_of_attachments_pass_and_one_byte_more_fails() {
    let mut request = mail();
    request.attachments = Some(vec![
        attachment_of("a.pdf", 2 * MIB),
        attachment_of("b.pdf", 2 * MIB),
    ]);
    assert_eq!(validate_send_email(&request), Ok(()));
    request.attachments = Some(vec![
        attachment_of("a.pdf", 2 * MIB),
        attachment_of("b.pdf", 2 * MIB + 1),
    ]);
    let refused = validate_send_email(&request).unwrap_err();
    assert_eq!(
        refused,
        CheckError::AttachmentsTooLarge {
            bytes: 4_194_305,
            limit: 4_194_304
        }
    );
    assert!(refused.to_string().contains("4194305"), "{refused}");
}

#[test]
fn attachment_size_counts_decoded_bytes_not_base64_or_line_breaks() {
    let mut request = mail();
    // 4 MiB of content written as MIME-style base64 lines: still exactly 4 MiB once decoded.
    let mut attachment = attachment_of("a.pdf", 4 * MIB);
    let content = attachment.content.take().unwrap();
    let lines: Vec<&str> = content
        .as_bytes()
        .chunks(76)
        .map(|line| std::str::from_utf8(line).unwrap())
        .collect();
    attachment.content = Some(lines.join("\r\n"));
    request.attachments = Some(vec![attachment]);
    assert_eq!(validate_send_email(&request), Ok(()));
    // Built with the helper, which encodes for us: 4 MiB passes, 4 MiB + 1 across two fails.
    request.attachments = Some(vec![
        Attachment::from_bytes("a.pdf", vec![7u8; 4 * MIB]).unwrap(),
    ]);
    assert_eq!(validate_send_email(&request), Ok(()));
    request.attachments = Some(vec![
        Attachment::from_bytes("a.pdf", vec![7u8; 3 * MIB]).unwrap(),
        Attachment::from_bytes("b.csv", vec![7u8; MIB + 1]).unwrap(),
    ]);
    assert!(matches!(
        validate_send_email(&request),
        Err(CheckError::AttachmentsTooLarge {
            bytes: 4_194_305,
            ..
        })
    ));
}

#[test]
fn attachment_names_of_255_characters_pass_and_256_fail() {
    let mut request = mail();
    // Characters, not bytes: 251 two-byte letters and ".pdf" are 255 characters, 506 bytes.
    let name = format!("{}.pdf", "é".repeat(251));
    request.attachments = Some(vec![attachment_of("ok.pdf", 1), attachment_of(&name, 1)]);
    assert_eq!(validate_send_email(&request), Ok(()));
    let name = format!("{}.pdf", "é".repeat(252));
    request.attachments = Some(vec![attachment_of("ok.pdf", 1), attachment_of(&name, 1)]);
    assert_eq!(
        validate_send_email(&request),
        Err(CheckError::AttachmentNameTooLong {
            index: 1,
            chars: 256,
            limit: 255
        })
    );
}

#[test]
fn attachment_names_of_refused_types_or_characters_fail_naming_the_file() {
    // ses.md §11: an extension on the allowed list, and none of ` ? \ * | " < > : /`.
    for name in [
        "setup.exe",
        "notes.7z",
        "my report.pdf",
        "a:b.txt",
        "README",
        "x.PDF.bat",
    ] {
        let attachments = Some(vec![attachment_of("ok.pdf", 1), attachment_of(name, 1)]);
        let mut single = mail();
        single.attachments.clone_from(&attachments);
        let mut many = batch();
        many.attachments = attachments;
        for refused in [
            validate_send_email(&single),
            validate_batch_send_email(&many),
        ] {
            let error = refused.expect_err(name);
            assert!(error.to_string().contains(name), "{name}: {error}");
        }
    }
    let mut request = mail();
    request.attachments = Some(vec![
        attachment_of("Report.PDF", 1),
        attachment_of("a.docx", 1),
    ]);
    assert_eq!(validate_send_email(&request), Ok(()));
}

#[test]
fn template_data_must_be_a_json_object() {
    let mut request = mail();
    for good in [
        "{}",
        r#"{"code":"1234","name":"Ann"}"#,
        " {\"a\": {\"b\": [1]}} ",
    ] {
        request.template = Some(Template {
            template_id: 1,
            template_data: good.to_owned(),
        });
        assert_eq!(validate_send_email(&request), Ok(()), "{good}");
    }
    let cases = [
        ("[]", "an array"),
        (r#""{}""#, "a string"),
        ("12", "a number"),
        ("null", "null"),
    ];
    for (bad, found) in cases {
        request.template = Some(Template {
            template_id: 1,
            template_data: bad.to_owned(),
        });
        assert_eq!(
            validate_send_email(&request),
            Err(CheckError::InvalidTemplateData {
                error: TemplateDataError::NotAnObject { found }
            }),
            "{bad}"
        );
    }
    for bad in ["", "{", "{'a':1}", "{\"a\":1} trailing"] {
        request.template = Some(Template {
            template_id: 1,
            template_data: bad.to_owned(),
        });
        let refused = validate_send_email(&request).unwrap_err();
        assert!(
            matches!(
                refused,
                CheckError::InvalidTemplateData {
                    error: TemplateDataError::NotJson { .. }
                }
            ),
            "{bad:?}: {refused:?}"
        );
    }
}

/// Pads the request with an HTML body so its JSON is exactly `size` bytes.
fn pad_to(request: &mut SendEmailRequest, size: usize) {
    request.simple = Some(Simple {
        html: Some(String::new()),
        text: None,
    });
    let base = serde_json::to_vec(&*request).unwrap().len();
    request.simple = Some(Simple {
        html: Some("A".repeat(size - base)),
        text: None,
    });
    assert_eq!(serde_json::to_vec(&*request).unwrap().len(), size);
}

#[test]
fn a_request_of_8_mib_passes_and_one_byte_more_fails() {
    let mut request = mail();
    pad_to(&mut request, 8 * MIB);
    assert_eq!(validate_send_email(&request), Ok(()));
    pad_to(&mut request, 8 * MIB + 1);
    assert_eq!(
        validate_send_email(&request),
        Err(CheckError::RequestTooLarge {
            bytes: 8_388_609,
            limit: 8_388_608
        })
    );
}

#[test]
fn batch_subjects_and_schedules_are_checked() {
    let mut request = batch();
    for (subject, chars) in [(String::new(), 0), ("é".repeat(101), 101)] {
        request.subject = subject;
        assert_eq!(
            validate_batch_send_email(&request),
            Err(CheckError::BatchSubjectLength { chars, limit: 100 })
        );
    }
    // Counted in characters: 100 two-byte characters are allowed.
    request.subject = "é".repeat(100);
    assert_eq!(validate_batch_send_email(&request), Ok(()));
    request.task_type = TaskType::Scheduled;
    assert_eq!(
        validate_batch_send_email(&request),
        Err(CheckError::MissingTimedParam)
    );
    request.task_type = TaskType::Other(2);
    assert_eq!(
        validate_batch_send_email(&request),
        Err(CheckError::MissingTimedParam),
        "a known value built as `Other` is checked as what it is"
    );
    request.task_type = TaskType::Recurring;
    assert_eq!(
        validate_batch_send_email(&request),
        Err(CheckError::MissingCycleParam)
    );
    request.cycle_param = Some(tencentcloud_ses::CycleEmailParam {
        begin_time: "2031-01-01 00:00:00".to_owned(),
        interval_time: 24,
        term_cycle: None,
    });
    assert_eq!(validate_batch_send_email(&request), Ok(()));
}

#[test]
fn batch_requests_are_checked_for_attachments_template_and_size() {
    let mut request = batch();
    assert_eq!(
        validate_batch_send_email(&request),
        Ok(()),
        "recipients come from a list"
    );
    request.attachments = Some(
        (0..11)
            .map(|i| attachment_of(&format!("f{i}.txt"), 1))
            .collect(),
    );
    assert_eq!(
        validate_batch_send_email(&request),
        Err(CheckError::TooManyAttachments {
            count: 11,
            limit: 10
        })
    );
    request.attachments = None;
    request.template = Some(Template {
        template_id: 1,
        template_data: "[1]".to_owned(),
    });
    assert!(matches!(
        validate_batch_send_email(&request),
        Err(CheckError::InvalidTemplateData { .. })
    ));
    request.template = None;
    request.simple = Some(Simple {
        html: Some("A".repeat(8 * MIB)),
        text: None,
    });
    assert!(matches!(
        validate_batch_send_email(&request),
        Err(CheckError::RequestTooLarge {
            limit: 8_388_608,
            ..
        })
    ));
}

#[test]
fn client_checks_give_an_invalid_request_error_carrying_the_rule() {
    let mut request = mail();
    assert!(check_send_email(&request).is_ok());
    request.destination = Some(addresses(51));
    let error = check_send_email(&request).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidRequest);
    let message = error.to_string();
    assert!(
        message.contains("51") && message.contains("50"),
        "{message}"
    );
    let rule = error
        .source()
        .and_then(|source| source.downcast_ref::<CheckError>());
    assert_eq!(
        rule,
        Some(&CheckError::TooManyDestination {
            count: 51,
            limit: 50
        })
    );

    let mut batch = batch();
    assert!(check_batch_send_email(&batch).is_ok());
    batch.template = Some(Template {
        template_id: 1,
        template_data: "1".to_owned(),
    });
    assert_eq!(
        check_batch_send_email(&batch).unwrap_err().kind(),
        ErrorKind::InvalidRequest
    );
}
