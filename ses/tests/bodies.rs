//! Base64 bodies as encoders write them: wrapped into lines (MIME wraps at 76 characters, some
//! tools at 64, with `\r\n` or `\n`) and possibly indented. Whitespace carries nothing in
//! base64, so every reader of a body must accept it, wherever the body appears.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use tencentcloud_ses::body::decode_base64;
use tencentcloud_ses::{Simple, TemplateContent};

const TEXT: &str = "Grüße, Ann! Your sign-in code is 4321. It expires in ten minutes; if you did \
                    not ask for it, ignore this mail. 你好 — the Example team.";

/// `TEXT` in base64, cut into lines of `width` characters joined by `newline`.
fn wrapped(width: usize, newline: &str) -> String {
    let flat = STANDARD.encode(TEXT);
    let lines: Vec<&str> = flat
        .as_bytes()
        .chunks(width)
        .map(|chunk| std::str::from_utf8(chunk).unwrap_or_default())
        .collect();
    lines.join(newline)
}

#[test]
fn wrapped_base64_bodies_decode_to_their_text() {
    for encoded in [
        wrapped(76, "\r\n"),
        wrapped(64, "\n"),
        format!("  {}\n", wrapped(76, "\n\t")),
    ] {
        assert!(encoded.contains('\n'), "the case must really be wrapped");
        let simple = Simple {
            html: Some(encoded.clone()),
            text: Some(encoded.clone()),
        };
        assert_eq!(simple.decoded_html().unwrap().as_deref(), Some(TEXT));
        assert_eq!(simple.decoded_text().unwrap().as_deref(), Some(TEXT));
        let template = TemplateContent {
            html: Some(encoded.clone()),
            text: None,
        };
        assert_eq!(template.decoded_html().unwrap().as_deref(), Some(TEXT));
    }
}

#[test]
fn the_shared_decoder_ignores_whitespace_and_nothing_else() {
    assert_eq!(
        decode_base64(&wrapped(76, "\r\n")).as_deref(),
        Ok(TEXT.as_bytes())
    );
    assert_eq!(decode_base64(" \t\r\n").as_deref(), Ok(&b""[..]));
    // Not base64 at all, a URL-safe symbol, and missing padding stay errors.
    for refused in ["<p>raw</p>", "SGVsbG8_", "SGVsbG8"] {
        assert!(decode_base64(refused).is_err(), "{refused}");
    }
}
