//! The example programs' logic, run in-process: `call`'s action table, its decode-before-send
//! guarantee and its signing switches against a verifying loopback server (`call.rs`);
//! `custom_service`'s declarations producing requests that verify (`custom_service.rs`); the
//! webhook router's answers (`webhook.rs`); `send_email`'s request building (`send_email.rs`);
//! `call` against the in-process emulator (`emulator.rs`).

use std::collections::HashMap;

use tencentcloud_core::credentials::Environment;
use tencentcloud_core::sign::verify::StoredKey;
use tencentcloud_examples::{ClientSettings, ses_client};

#[path = "examples_cli/call.rs"]
mod call;
#[path = "examples_cli/custom_service.rs"]
mod custom_service;
#[path = "examples_cli/emulator.rs"]
mod emulator;
#[path = "examples_cli/send_email.rs"]
mod send_email;
#[path = "examples_cli/webhook.rs"]
mod webhook;

pub(crate) const SECRET_ID: &str = "AKIDexamplesTestKey000000000000000";
pub(crate) const SECRET_KEY: &str = "examples-test-secret-key-000000000";

/// The secret store of the verifying side: the one key pair above.
pub(crate) fn store() -> HashMap<String, StoredKey> {
    HashMap::from([(SECRET_ID.to_owned(), StoredKey::new(SECRET_KEY))])
}

/// The `call` client as the program builds it, from an environment pointing at `endpoint`.
pub(crate) fn client_for(endpoint: &str, settings: &ClientSettings) -> tencentcloud_ses::Client {
    let env = Environment::from_pairs([
        ("TENCENTCLOUD_SECRET_ID", SECRET_ID),
        ("TENCENTCLOUD_SECRET_KEY", SECRET_KEY),
        ("TENCENTCLOUD_ENDPOINT_URL_SES", endpoint),
    ]);
    match ses_client(env, settings) {
        Ok(client) => client,
        Err(error) => panic!("the test client must build: {error}"),
    }
}
