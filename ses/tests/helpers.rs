//! The helpers: template data from `Serialize` values, attachments from bytes and files (allowed
//! and refused types, names, missing files), and base64 bodies.
//!
//! Expected base64 strings were computed with Python's `base64` module; allowed and refused
//! extensions are copied from ses.md §11.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::ErrorKind;
use std::path::PathBuf;

use serde::Serialize;
use serde_json::{Value, json};
use tencentcloud_ses::attachment::{AttachmentError, check_file_name, is_allowed_file_name};
use tencentcloud_ses::body::BodyError;
use tencentcloud_ses::template_data::{
    TemplateDataError, check_template_data, to_receiver_template_data, to_template_data,
};
use tencentcloud_ses::{Attachment, ReceiverInputData, Simple, Template, TemplateContent};

#[derive(Serialize)]
struct Welcome {
    name: String,
    code: u32,
}

#[test]
fn template_data_from_a_struct_is_its_json_object() {
    let data = to_template_data(&Welcome {
        name: "Ann".to_owned(),
        code: 1234,
    })
    .unwrap();
    assert_eq!(data, r#"{"name":"Ann","code":1234}"#);
    let map = BTreeMap::from([("b", "2"), ("a", "1")]);
    assert_eq!(to_template_data(&map).unwrap(), r#"{"a":"1","b":"2"}"#);
    assert_eq!(to_template_data(&json!({})).unwrap(), "{}");
}

#[test]
fn template_data_escapes_what_json_needs_escaped() {
    let name = "Ann \"the\" <b>Bold</b>\n\\ 你好";
    let data = to_template_data(&HashMap::from([("name", name)])).unwrap();
    let read_back: Value = serde_json::from_str(&data).unwrap();
    assert_eq!(read_back, json!({ "name": name }));
}

#[test]
fn template_data_that_is_not_an_object_is_refused() {
    let not_object = |found| Err(TemplateDataError::NotAnObject { found });
    assert_eq!(to_template_data(&vec!["a", "b"]), not_object("an array"));
    assert_eq!(to_template_data("{\"a\":1}"), not_object("a string"));
    assert_eq!(to_template_data(&42), not_object("a number"));
    assert_eq!(to_template_data(&-1.5), not_object("a number"));
    assert_eq!(to_template_data(&None::<Welcome>), not_object("null"));
    assert_eq!(to_template_data(&true), not_object("a boolean"));
    let message = to_template_data(&[1]).unwrap_err().to_string();
    assert!(
        message.contains("JSON object") && message.contains("an array"),
        "{message}"
    );
}

#[test]
fn template_data_that_cannot_be_serialized_is_refused() {
    let keys_are_tuples = HashMap::from([((1, 2), "x")]);
    assert!(matches!(
        to_template_data(&keys_are_tuples),
        Err(TemplateDataError::Serialize { .. })
    ));
}

#[test]
fn given_template_data_text_is_checked() {
    assert_eq!(check_template_data(r#" {"a":"1"} "#), Ok(()));
    assert_eq!(
        check_template_data("[1]"),
        Err(TemplateDataError::NotAnObject { found: "an array" })
    );
    assert!(matches!(
        check_template_data("{"),
        Err(TemplateDataError::NotJson { .. })
    ));
    let deep = format!("{{\"a\":{}}}", "[".repeat(10_000));
    assert!(matches!(
        check_template_data(&deep),
        Err(TemplateDataError::NotJson { .. })
    ));
}

#[test]
fn template_with_data_builds_the_template() {
    let template = Template::with_data(100_091, &json!({"code": "1234"})).unwrap();
    assert_eq!(
        template,
        Template {
            template_id: 100_091,
            template_data: r#"{"code":"1234"}"#.to_owned()
        }
    );
    assert!(Template::with_data(1, &["code"]).is_err());
}

#[test]
fn receiver_data_may_be_800_bytes_but_not_801() {
    // {"k":"…"} is 8 bytes around the value.
    let at_limit = HashMap::from([("k", "v".repeat(792))]);
    let receiver = ReceiverInputData::with_data("ann@example.com", &at_limit).unwrap();
    assert_eq!(receiver.email, "ann@example.com");
    assert_eq!(receiver.template_data.len(), 800);
    let over = HashMap::from([("k", "v".repeat(793))]);
    assert_eq!(
        to_receiver_template_data(&over),
        Err(TemplateDataError::TooLong {
            bytes: 801,
            limit: 800
        })
    );
}

/// The allow-list of ses.md §11, written out again.
const DOCUMENTED_ALLOWED: [&str; 36] = [
    "xlsx", "xls", "ods", "docx", "docm", "doc", "csv", "pdf", "txt", "gif", "jpg", "jpeg", "png",
    "tif", "tiff", "rtf", "bmp", "cgm", "css", "shtml", "html", "htm", "zip", "xml", "ppt", "pptx",
    "tar", "ez", "ics", "mobi", "msg", "pub", "eps", "odt", "mp3", "m4a",
];

#[test]
fn every_documented_file_type_is_allowed_in_any_case() {
    for extension in DOCUMENTED_ALLOWED {
        assert!(
            is_allowed_file_name(&format!("file.{extension}")),
            "{extension}"
        );
        assert!(
            is_allowed_file_name(&format!("FILE.{}", extension.to_uppercase())),
            "{extension}"
        );
    }
    assert!(is_allowed_file_name("archive.2024.tar"));
}

#[test]
fn documented_unsupported_and_unlisted_types_are_refused() {
    for extension in [
        "exe", "js", "bat", "msi", "mp4", "mov", "wav", "ogg", "lnk", "7z", "rar", "gz",
    ] {
        let name = format!("file.{extension}");
        match check_file_name(&name) {
            Err(AttachmentError::UnsupportedType { extension: got, .. }) => {
                assert_eq!(got, extension);
            }
            other => panic!("{name}: {other:?}"),
        }
    }
    let message = check_file_name("setup.exe").unwrap_err().to_string();
    assert!(
        message.contains(".exe") && message.contains("setup.exe"),
        "{message}"
    );
}

#[test]
fn names_without_extension_or_with_refused_characters_are_refused() {
    for name in ["README", ".pdf", "report.", "tar"] {
        assert!(
            matches!(
                check_file_name(name),
                Err(AttachmentError::MissingExtension { .. })
            ),
            "{name}"
        );
    }
    for (name, character) in [
        ("my report.pdf", ' '),
        ("what?.pdf", '?'),
        ("a\\b.pdf", '\\'),
        ("a*.pdf", '*'),
        ("a|b.pdf", '|'),
        ("\"q\".pdf", '"'),
        ("<a>.pdf", '<'),
        ("a>.pdf", '>'),
        ("c:.pdf", ':'),
        ("dir/a.pdf", '/'),
    ] {
        match check_file_name(name) {
            Err(AttachmentError::ForbiddenCharacter { character: got, .. }) => {
                assert_eq!(got, character);
            }
            other => panic!("{name}: {other:?}"),
        }
    }
    assert!(matches!(
        check_file_name(""),
        Err(AttachmentError::EmptyName)
    ));
}

#[test]
fn names_of_255_characters_pass_and_256_fail() {
    let name = format!("{}.pdf", "名".repeat(251));
    assert!(Attachment::from_bytes(name, b"x").is_ok());
    let name = format!("{}.pdf", "名".repeat(252));
    assert!(matches!(
        Attachment::from_bytes(name, b"x"),
        Err(AttachmentError::NameTooLong {
            chars: 256,
            limit: 255
        })
    ));
}

#[test]
fn attachment_from_bytes_is_base64_encoded() {
    let attachment = Attachment::from_bytes("data.csv", [0u8, 1, 2, 253, 254, 255]).unwrap();
    assert_eq!(attachment.file_name, "data.csv");
    assert_eq!(attachment.content.as_deref(), Some("AAEC/f7/"));
    assert_eq!(attachment.file_url, None);
    let hello = Attachment::from_bytes("hello.txt", "Hello").unwrap();
    assert_eq!(hello.content.as_deref(), Some("SGVsbG8="));
}

#[test]
fn attachment_content_over_four_mib_is_refused() {
    assert!(Attachment::from_bytes("big.pdf", vec![0u8; 4 * 1024 * 1024]).is_ok());
    assert!(matches!(
        Attachment::from_bytes("big.pdf", vec![0u8; 4 * 1024 * 1024 + 1]),
        Err(AttachmentError::TooLarge {
            bytes: 4_194_305,
            limit: 4_194_304,
            ..
        })
    ));
}

/// A fresh directory for one test's files, removed when the test ends (even by panicking),
/// so repeated runs leave nothing behind in the system's temporary directory.
struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("tencentcloud-ses-{}-{test}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }

    fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        // Best effort: a failure to clean up must not hide the test's own result.
        let _ = fs::remove_dir_all(&self.0);
    }
}

#[test]
fn attachment_from_a_file_takes_its_name_and_content() {
    let dir = Scratch::new("from-file");
    let path = dir.join("hello.txt");
    fs::write(&path, "Hello").unwrap();
    let attachment = Attachment::from_path(&path).unwrap();
    assert_eq!(attachment.file_name, "hello.txt");
    assert_eq!(attachment.content.as_deref(), Some("SGVsbG8="));
    let renamed = Attachment::from_path_named(&path, "greeting.txt").unwrap();
    assert_eq!(renamed.file_name, "greeting.txt");
    assert_eq!(renamed.content, attachment.content);
}

#[test]
fn a_missing_file_is_reported_with_its_path() {
    let dir = Scratch::new("missing");
    let path = dir.join("absent.pdf");
    let error = Attachment::from_path(&path).unwrap_err();
    let AttachmentError::Read {
        path: reported,
        error: cause,
    } = &error
    else {
        panic!("{error:?}")
    };
    assert_eq!(reported, &path);
    assert_eq!(cause.kind(), ErrorKind::NotFound);
    assert!(error.to_string().contains("absent.pdf"), "{error}");
}

#[test]
fn a_file_of_a_refused_type_is_refused_before_reading() {
    // The file does not exist: a type error (not a read error) shows the name came first.
    let dir = Scratch::new("refused");
    let path = dir.join("tool.exe");
    assert!(matches!(
        Attachment::from_path(&path),
        Err(AttachmentError::UnsupportedType { .. })
    ));
}

#[test]
fn an_oversized_file_is_refused_by_its_size() {
    let dir = Scratch::new("oversized");
    let path = dir.join("big.zip");
    fs::File::create(&path)
        .unwrap()
        .set_len(4 * 1024 * 1024 + 1)
        .unwrap();
    assert!(matches!(
        Attachment::from_path(&path),
        Err(AttachmentError::TooLarge {
            bytes: 4_194_305,
            ..
        })
    ));
}

/// A device reports no size and never ends: reading stops one byte past the limit.
#[cfg(unix)]
#[test]
fn an_endless_file_is_read_only_up_to_the_limit() {
    assert_eq!(fs::metadata("/dev/zero").unwrap().len(), 0);
    assert!(matches!(
        Attachment::from_path_named("/dev/zero", "zeros.txt"),
        Err(AttachmentError::TooLarge {
            bytes: 4_194_305,
            ..
        })
    ));
}

#[test]
fn a_path_without_a_file_name_is_refused() {
    assert!(matches!(
        Attachment::from_path(".."),
        Err(AttachmentError::NoFileName { .. })
    ));
    assert!(matches!(
        Attachment::from_path("/"),
        Err(AttachmentError::NoFileName { .. })
    ));
}

#[test]
fn simple_bodies_are_base64_of_the_text() {
    let html = Simple::from_html("<p>Hello</p>");
    assert_eq!(
        (html.html.as_deref(), html.text.as_deref()),
        (Some("PHA+SGVsbG88L3A+"), None)
    );
    let text = Simple::from_text("Hello");
    assert_eq!(
        (text.html.as_deref(), text.text.as_deref()),
        (None, Some("SGVsbG8="))
    );
    let both = Simple::from_html_and_text("<h1>Grüße 你好</h1>", "Hello");
    assert_eq!(
        both.html.as_deref(),
        Some("PGgxPkdyw7zDn2Ug5L2g5aW9PC9oMT4=")
    );
    assert_eq!(both.text.as_deref(), Some("SGVsbG8="));
    assert_eq!(
        both.decoded_html().unwrap().as_deref(),
        Some("<h1>Grüße 你好</h1>")
    );
    assert_eq!(both.decoded_text().unwrap().as_deref(), Some("Hello"));
    assert_eq!(html.decoded_text(), Ok(None));
}

#[test]
fn template_bodies_are_base64_of_the_text() {
    let content = TemplateContent::from_text("Hi {{name}}, your code is {{code}}.");
    assert_eq!(
        content.text.as_deref(),
        Some("SGkge3tuYW1lfX0sIHlvdXIgY29kZSBpcyB7e2NvZGV9fS4=")
    );
    assert_eq!(content.html, None);
    let both = TemplateContent::from_html_and_text("<p>Hello</p>", "Hello");
    assert_eq!(both.html.as_deref(), Some("PHA+SGVsbG88L3A+"));
    assert_eq!(TemplateContent::from_html("<p>Hello</p>").html, both.html);
    assert_eq!(
        both.decoded_html().unwrap().as_deref(),
        Some("<p>Hello</p>")
    );
}

#[test]
fn bodies_that_are_not_base64_text_cannot_be_decoded() {
    let not_base64 = Simple {
        html: Some("<p>raw</p>".to_owned()),
        text: None,
    };
    assert!(matches!(
        not_base64.decoded_html(),
        Err(BodyError::NotBase64 { field: "Html", .. })
    ));
    let not_utf8 = TemplateContent {
        html: None,
        text: Some("/w==".to_owned()),
    };
    assert_eq!(
        not_utf8.decoded_text(),
        Err(BodyError::NotUtf8 { field: "Text" })
    );
}

/// A caller's function that returns the client's error type: the helpers' errors convert with
/// `?`, and the crate names `Error` and `ErrorKind` itself.
fn mail_parts(
    data: &Value,
    file_name: &str,
) -> Result<(Template, Attachment), tencentcloud_ses::Error> {
    let template = Template::with_data(1, data)?;
    let attachment = Attachment::from_bytes(file_name, b"report")?;
    Ok((template, attachment))
}

#[test]
fn helper_errors_convert_into_the_client_error_and_keep_their_source() {
    assert!(mail_parts(&json!({"name": "Tom"}), "report.pdf").is_ok());
    let err = mail_parts(&json!(["not", "an", "object"]), "report.pdf").unwrap_err();
    assert_invalid_request_from::<TemplateDataError>(&err);
    let err = mail_parts(&json!({}), "report.exe").unwrap_err();
    assert_invalid_request_from::<AttachmentError>(&err);
}

/// `err` is an invalid request (nothing sent) whose source is an `E`.
fn assert_invalid_request_from<E: std::error::Error + 'static>(err: &tencentcloud_ses::Error) {
    assert_eq!(
        err.kind(),
        tencentcloud_ses::ErrorKind::InvalidRequest,
        "{err}"
    );
    assert!(
        std::error::Error::source(err)
            .and_then(|source| source.downcast_ref::<E>())
            .is_some(),
        "{err:?}"
    );
}
