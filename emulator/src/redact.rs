//! Showing a configured output URL without what it may hide: the SMTP relay URL can carry a
//! login (`smtp://user:password@host`) and a webhook URL a token in its path or query, so
//! `Debug` output, errors and logs show only where the URL points.

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

#[cfg(test)]
mod tests {
    use super::url_origin;

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
