//! The output URLs can carry secrets (a relay password in `smtp://user:pass@host`, a token in a
//! webhook's path or query): no `Debug` and no startup error may repeat them. Each URL here holds
//! a canary that must never show up.

use tencentcloud_emulator::Emulator;
use tencentcloud_emulator::ses::{SesBackend, SesOptions};

const CANARY: &str = "CANARY";
const RELAY: &str = "smtp://mailer:CANARY-password@relay.example.com:2525";
const WEBHOOK: &str = "https://hooks.example.com/ses/CANARY-token?key=CANARY-key";

/// Asserts that `shown` has no canary but still names the hosts, so the redaction keeps what
/// helps debugging.
fn redacted(shown: &str, hosts: &[&str]) {
    assert!(!shown.contains(CANARY), "a secret leaked: {shown}");
    for host in hosts {
        assert!(
            shown.contains(host),
            "{host} should still be shown: {shown}"
        );
    }
}

#[test]
fn builder_debug_shows_only_the_scheme_and_host_of_each_url() {
    let builder = Emulator::builder().smtp_relay(RELAY).webhook_url(WEBHOOK);
    redacted(
        &format!("{builder:?}"),
        &["relay.example.com", "hooks.example.com"],
    );
}

#[test]
fn ses_options_and_backend_debug_hide_both_urls() {
    let options = SesOptions {
        smtp_relay: Some(RELAY.to_owned()),
        webhook_url: Some(WEBHOOK.to_owned()),
        ..SesOptions::default()
    };
    redacted(
        &format!("{options:?}"),
        &["relay.example.com", "hooks.example.com"],
    );
    let backend = SesBackend::new(options);
    redacted(
        &format!("{backend:?}"),
        &["relay.example.com", "hooks.example.com"],
    );
}

#[test]
fn unusable_relay_urls_are_refused_without_repeating_them() {
    for relay in [
        "ftp://mailer:CANARY-password@relay.example.com",
        "smtp://mailer:CANARY-password@",
        "smtp://mailer:CANARY-password@[::1",
        "CANARY not a url",
    ] {
        let options = SesOptions {
            smtp_relay: Some(relay.to_owned()),
            ..SesOptions::default()
        };
        let error = options.check().expect_err(relay);
        redacted(&error, &["SMTP relay"]);
        redacted(&format!("{options:?}"), &[]);
    }
}

#[tokio::test]
async fn a_refused_start_does_not_repeat_the_relay_url() {
    let error = Emulator::builder()
        .smtp_relay("ftp://mailer:CANARY-password@relay.example.com")
        .start()
        .await
        .map(|_| ())
        .expect_err("an ftp relay is refused");
    redacted(&error.to_string(), &["SMTP relay"]);
    redacted(&format!("{error:?}"), &[]);
}
