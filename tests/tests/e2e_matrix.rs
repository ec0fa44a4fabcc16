//! Our SES client end to end against the in-process emulator: all 36 actions, in an order that
//! makes sense, for every signing scheme and HTTP method (TC3-HMAC-SHA256, HmacSHA256 and
//! HmacSHA1, each over POST and GET) with long-term keys and with temporary keys and their
//! token. Requests carry Unicode in their free-text fields, empty optional lists, and values at
//! their documented limits; each call must succeed, or answer exactly the error code the
//! emulator's state calls for.
//!
//! The scenario is one table ([`STEPS`]) of the 36 actions with the step that builds, sends
//! and checks each; `matrix!` runs it once per configuration, each on a fresh emulator.

#[path = "e2e/accounts.rs"]
mod accounts;
#[path = "e2e/lists.rs"]
mod lists;
#[path = "e2e/mail.rs"]
mod mail;
#[path = "e2e/world.rs"]
mod world;

use std::collections::BTreeSet;

use tencentcloud_core::{Credentials, HttpMethod, Region, RetryPolicy, SigningScheme};
use tencentcloud_emulator::{Emulator, EmulatorHandle};
use tencentcloud_ses::ListEmailAddressRequest;

use world::{StepFn, World};

/// The 36 actions of SES 2020-10-02 (spec/ses.md §3) in scenario order, each with its step.
/// Steps may also call other actions to provoke the errors the state implies.
const STEPS: [(&str, StepFn); 36] = [
    ("CreateEmailIdentity", accounts::create_email_identity),
    ("UpdateEmailIdentity", accounts::update_email_identity),
    ("GetEmailIdentity", accounts::get_email_identity),
    ("ListEmailIdentities", accounts::list_email_identities),
    ("CreateEmailAddress", accounts::create_email_address),
    ("ListEmailAddress", accounts::list_email_address),
    (
        "UpdateEmailSmtpPassWord",
        accounts::update_email_smtp_pass_word,
    ),
    (
        "CreateAddressUnsubscribeConfig",
        accounts::create_address_unsubscribe_config,
    ),
    (
        "UpdateAddressUnsubscribeConfig",
        accounts::update_address_unsubscribe_config,
    ),
    (
        "ListAddressUnsubscribeConfig",
        accounts::list_address_unsubscribe_config,
    ),
    ("CreateEmailTemplate", accounts::create_email_template),
    ("UpdateEmailTemplate", accounts::update_email_template),
    ("GetEmailTemplate", accounts::get_email_template),
    ("ListEmailTemplates", accounts::list_email_templates),
    ("SendEmail", mail::send_email),
    ("GetSendEmailStatus", mail::get_send_email_status),
    ("GetStatisticsReport", mail::get_statistics_report),
    ("CreateCustomBlacklist", mail::create_custom_blacklist),
    ("ListCustomBlacklist", mail::list_custom_blacklist),
    ("UpdateCustomBlackList", mail::update_custom_black_list),
    ("DeleteCustomBlackList", mail::delete_custom_black_list),
    ("ListBlackEmailAddress", mail::list_black_email_address),
    ("DeleteBlackList", mail::delete_black_list),
    ("GetAbuseReport", mail::get_abuse_report),
    ("CreateReceiver", lists::create_receiver),
    ("CreateReceiverDetail", lists::create_receiver_detail),
    (
        "CreateReceiverDetailWithData",
        lists::create_receiver_detail_with_data,
    ),
    ("ListReceivers", lists::list_receivers),
    ("ListReceiverDetails", lists::list_receiver_details),
    ("BatchSendEmail", lists::batch_send_email),
    ("ListSendTasks", lists::list_send_tasks),
    (
        "DeleteAddressUnsubscribeConfig",
        lists::delete_address_unsubscribe_config,
    ),
    ("DeleteReceiver", lists::delete_receiver),
    ("DeleteEmailTemplate", lists::delete_email_template),
    ("DeleteEmailAddress", lists::delete_email_address),
    ("DeleteEmailIdentity", lists::delete_email_identity),
];

/// Made-up key pairs; they exist only inside the emulators these tests start.
const LONG_TERM: (&str, &str) = (
    "AKIDe2eLongTerm0123456789abcdefEXAMPLE",
    "e2eLongTermKey0123456789EXAMPLE",
);
const TEMPORARY: (&str, &str, &str) = (
    "AKIDe2eTemporary0123456789abcdeEXAMPLE",
    "e2eTemporaryKey0123456789EXAMPLE",
    "e2e-session-token-0123456789",
);

/// Which kind of credentials a configuration signs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    LongTerm,
    Temporary,
}

/// Starts a fresh emulator that knows both key pairs, and a client for it signing with
/// `signing` over `method` with the `kind` of keys. Retries are off: every answer counts.
async fn start(
    signing: SigningScheme,
    method: HttpMethod,
    kind: Kind,
) -> (EmulatorHandle, tencentcloud_ses::Client) {
    let emulator = Emulator::builder()
        .secret(LONG_TERM.0, LONG_TERM.1)
        .temporary_secret(TEMPORARY.0, TEMPORARY.1, TEMPORARY.2)
        .start()
        .await
        .unwrap_or_else(|e| panic!("the emulator did not start: {e}"));
    let credentials = match kind {
        Kind::LongTerm => Credentials::new(LONG_TERM.0, LONG_TERM.1),
        Kind::Temporary => Credentials::with_token(TEMPORARY.0, TEMPORARY.1, TEMPORARY.2),
    }
    .unwrap_or_else(|e| panic!("test credentials are well formed: {e}"));
    let core = tencentcloud_core::Client::builder()
        .endpoint_url(emulator.url())
        .region(Region::AP_HONGKONG)
        .credentials(credentials)
        .signing(signing)
        .method(method)
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap_or_else(|e| panic!("the client configuration is valid: {e}"));
    (emulator, tencentcloud_ses::Client::new(core))
}

/// Checks the client really sends as configured, from one prepared request: its method, its
/// signature scheme, and whether the token travels (`X-TC-Token` for TC3, `Token` for v1).
async fn assert_transport(
    ses: &tencentcloud_ses::Client,
    signing: SigningScheme,
    method: HttpMethod,
    kind: Kind,
) {
    let prepared = ses
        .core()
        .prepare(&ListEmailAddressRequest {})
        .await
        .unwrap_or_else(|e| panic!("a request can be prepared: {e}"));
    assert_eq!(prepared.method().as_str(), method.as_str());
    let temporary = kind == Kind::Temporary;
    if signing == SigningScheme::Tc3HmacSha256 {
        let authorization = prepared
            .headers()
            .get("authorization")
            .and_then(|v| v.to_str().ok());
        assert!(
            authorization.is_some_and(|a| a.starts_with("TC3-HMAC-SHA256 Credential=")),
            "{prepared:?}"
        );
        assert_eq!(
            prepared.headers().contains_key("x-tc-token"),
            temporary,
            "{prepared:?}"
        );
    } else {
        let params = match method {
            HttpMethod::Get => prepared.uri().query().unwrap_or_default(),
            HttpMethod::Post => std::str::from_utf8(prepared.body()).unwrap_or_default(),
        };
        let scheme = format!("SignatureMethod={}", signing.as_str());
        assert!(params.split('&').any(|p| p == scheme), "{prepared:?}");
        assert_eq!(
            params.split('&').any(|p| p.starts_with("Token=")),
            temporary,
            "{prepared:?}"
        );
    }
}

/// A DNS-safe label naming the configuration, so its resources are recognisable.
fn tag(signing: SigningScheme, method: HttpMethod, kind: Kind) -> String {
    let scheme = match signing {
        SigningScheme::Tc3HmacSha256 => "tc3",
        SigningScheme::HmacSha256 => "hs256",
        SigningScheme::HmacSha1 => "hs1",
    };
    let kind = if kind == Kind::LongTerm { "lt" } else { "tmp" };
    format!("{scheme}-{}-{kind}", method.as_str().to_ascii_lowercase())
}

/// Runs every step of [`STEPS`] in one configuration, on a fresh emulator.
async fn run(signing: SigningScheme, method: HttpMethod, kind: Kind) {
    let (emulator, ses) = start(signing, method, kind).await;
    assert_transport(&ses, signing, method, kind).await;
    let tag = tag(signing, method, kind);
    let mut world = World::new(&tag, method);
    for (action, step) in STEPS {
        if let Err(problem) = step(&ses, &mut world).await {
            panic!("{tag}: the {action} step failed: {problem}");
        }
        assert!(
            world.called.contains(action),
            "{tag}: the {action} step never called {action}"
        );
    }
    let table: BTreeSet<&str> = STEPS.iter().map(|(action, _)| *action).collect();
    assert_eq!(table.len(), 36, "the table names each action once");
    assert_eq!(
        world.called, table,
        "{tag}: actions called besides the table's"
    );
    if let Err(problem) = mail::check_stored_mail(&emulator, &world) {
        panic!("{tag}: {problem}");
    }
    emulator.shutdown().await;
}

/// One test per configuration: signing scheme, HTTP method, kind of credentials.
macro_rules! matrix {
    ($($test:ident: $signing:ident $method:ident $kind:ident;)+) => {$(
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $test() {
            run(SigningScheme::$signing, HttpMethod::$method, Kind::$kind).await;
        }
    )+};
}

matrix! {
    tc3_post_long_term: Tc3HmacSha256 Post LongTerm;
    tc3_post_temporary: Tc3HmacSha256 Post Temporary;
    tc3_get_long_term: Tc3HmacSha256 Get LongTerm;
    tc3_get_temporary: Tc3HmacSha256 Get Temporary;
    hmac_sha256_post_long_term: HmacSha256 Post LongTerm;
    hmac_sha256_post_temporary: HmacSha256 Post Temporary;
    hmac_sha256_get_long_term: HmacSha256 Get LongTerm;
    hmac_sha256_get_temporary: HmacSha256 Get Temporary;
    hmac_sha1_post_long_term: HmacSha1 Post LongTerm;
    hmac_sha1_post_temporary: HmacSha1 Post Temporary;
    hmac_sha1_get_long_term: HmacSha1 Get LongTerm;
    hmac_sha1_get_temporary: HmacSha1 Get Temporary;
}
