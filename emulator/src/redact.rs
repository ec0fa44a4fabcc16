//! What messages, `Debug` output and logs may show of the values they are about.
//!
//! A configured output URL is shown without what it may hide: the SMTP relay URL can carry a
//! login (`smtp://user:password@host`) and a webhook URL a token in its path or query, so only
//! where the URL points is shown. A value from a request is shown shortened and escaped: error
//! messages name the value that was wrong, but a 400 KB parameter must not come straight back
//! in the answer and the log, and a line break in it must not start a forged log line.

/// What of a configured URL is safe to show: `scheme://host[:port]`, or `<set>` when the text
/// is not a URL with a host (the text itself is then never repeated).
pub(crate) fn url_origin(text: &str) -> String {
    const UNREADABLE: &str = "<set>";
    let Ok(url) = url::Url::parse(text) else {
        return UNREADABLE.to_owned();
    };
    match (url.host_str().filter(|host| !host.is_empty()), url.port()) {
        (Some(host), Some(port)) => format!("{}://{host}:{port}", url.scheme()),
        (Some(host), None) => format!("{}://{host}", url.scheme()),
        (None, _) => UNREADABLE.to_owned(),
    }
}

/// How many characters of a request value a message repeats.
const SHOWN_CHARS: usize = 64;

/// A value from a request as an error message repeats it: its first 64 characters (with `...`
/// when there were more), control characters, quotes and backslashes escaped.
pub(crate) fn shown(text: &str) -> String {
    let mut kept: String = text.chars().take(SHOWN_CHARS).collect();
    if kept.len() < text.len() {
        kept.push_str("...");
    }
    kept.escape_debug().to_string()
}

/// The most characters an SES error message may have, whatever went into it: the safety net
/// behind [`shown`] for values a message repeats without it (a decoder's own wording, say).
const MAX_MESSAGE_CHARS: usize = 512;

/// `message` cut to [`MAX_MESSAGE_CHARS`] characters (ending in `...` when it was longer), with
/// line breaks and other control characters escaped so it stays one log line.
pub(crate) fn bounded_message(message: &str) -> String {
    let mut kept = String::with_capacity(message.len().min(MAX_MESSAGE_CHARS + 3));
    for (index, c) in message.chars().enumerate() {
        if index == MAX_MESSAGE_CHARS {
            kept.push_str("...");
            break;
        }
        if c.is_control() {
            kept.extend(c.escape_default());
        } else {
            kept.push(c);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::{MAX_MESSAGE_CHARS, bounded_message, shown, url_origin};

    #[test]
    fn messages_are_bounded_and_stay_on_one_line() {
        assert_eq!(bounded_message("`a\nb` is wrong"), "`a\\nb` is wrong");
        let long = "x".repeat(MAX_MESSAGE_CHARS + 1);
        assert_eq!(
            bounded_message(&long),
            format!("{}...", "x".repeat(MAX_MESSAGE_CHARS))
        );
        assert_eq!(bounded_message(&long[1..]), long[1..]);
    }

    #[test]
    fn request_values_are_shortened_and_escaped() {
        assert_eq!(shown("ann@example.org"), "ann@example.org");
        assert_eq!(shown("a\nb"), "a\\nb");
        assert_eq!(shown(&"é".repeat(64)), "é".repeat(64));
        assert_eq!(shown(&"é".repeat(65)), format!("{}...", "é".repeat(64)));
    }

    #[test]
    fn only_the_scheme_host_and_port_are_kept() {
        assert_eq!(
            url_origin("smtp://user:secret@relay.example.com:2525/x"),
            "smtp://relay.example.com:2525"
        );
        assert_eq!(
            url_origin("https://hooks.example.com/t/secret?k=secret#secret"),
            "https://hooks.example.com"
        );
        assert_eq!(url_origin("smtp://[::1]:25"), "smtp://[::1]:25");
        for unreadable in ["secret", "smtp://user:secret@", "mailto:secret@example.com"] {
            assert_eq!(url_origin(unreadable), "<set>", "{unreadable}");
        }
    }
}
