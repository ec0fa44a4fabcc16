//! `SendEmail` against a concurrent change of the account: once `DeleteEmailTemplate`,
//! `DeleteEmailAddress` or `CreateCustomBlacklist` has answered, no send that was still in
//! flight may store a message the change forbids. A reader counts the stored messages right
//! after the change and again once every sender has stopped; the two counts must agree.

mod ses_support;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use serde_json::{Value, json};
use tencentcloud_emulator::ses::{SesBackend, SesOptions};

use ses_support::{FROM, START_DAY, b64, backend_at, call, ok, sender};

/// Threads sending at once.
const SENDERS: usize = 4;
/// Times each scenario is played; one play catches a loose lock most of the time already.
const PLAYS: usize = 3;
/// The blocklisted recipient of the third scenario.
const TARGET: &str = "target@example.org";

/// A template large enough that rendering it takes a while, widening any gap between the
/// checks of a send and its store.
fn big_template(ses: &SesBackend) -> u64 {
    let html = format!("<p>{}</p>", "Lorem ipsum dolor sit amet. ".repeat(5_000));
    let created = ok(
        ses,
        "CreateEmailTemplate",
        json!({"TemplateName": "big", "TemplateContent": {"Html": b64(&html)}}),
    );
    created["TemplateID"].as_u64().unwrap_or_default()
}

/// How many mails the account accepted today: a cheap read that does not copy messages.
fn accepted(ses: &SesBackend) -> Value {
    let report = ok(
        ses,
        "GetStatisticsReport",
        json!({"StartDate": START_DAY, "EndDate": START_DAY}),
    );
    report["OverallVolume"]["RequestCount"].clone()
}

/// Plays one scenario: senders send `template` to [`TARGET`] until refused, `change` is made
/// while they run, and the count read right after it must be the final one.
fn play(change: &str, params: &dyn Fn(u64) -> Value) {
    for play in 0..PLAYS {
        let (ses, _clock) = backend_at(SesOptions::default());
        sender(&ses);
        let template = big_template(&ses);
        let stop = Arc::new(AtomicBool::new(false));
        let senders: Vec<_> = (0..SENDERS)
            .map(|_| {
                let (ses, stop) = (ses.clone(), Arc::clone(&stop));
                thread::spawn(move || {
                    let body = json!({
                        "FromEmailAddress": FROM, "Destination": [TARGET], "Subject": "Hi",
                        "Template": {"TemplateID": template, "TemplateData": "{}"},
                    });
                    while !stop.load(Ordering::SeqCst) {
                        if call(&ses, "SendEmail", body.clone()).is_err() {
                            break;
                        }
                    }
                })
            })
            .collect();
        // Let every sender get going, so some are rendering when the change lands.
        while accepted(&ses).as_u64().unwrap_or_default() < 2 * SENDERS as u64 {
            thread::sleep(Duration::from_millis(1));
        }
        ok(&ses, change, params(template));
        let right_after = accepted(&ses);
        stop.store(true, Ordering::SeqCst);
        for handle in senders {
            handle.join().expect("a sender thread");
        }
        assert_eq!(
            accepted(&ses),
            right_after,
            "play {play}: a send stored a message after {change} had answered"
        );
    }
}

#[test]
fn no_send_outlives_the_deletion_of_its_template() {
    play(
        "DeleteEmailTemplate",
        &|template| json!({"TemplateID": template}),
    );
}

#[test]
fn no_send_outlives_the_deletion_of_its_sender_address() {
    play("DeleteEmailAddress", &|_| json!({"EmailAddress": FROM}));
}

#[test]
fn no_send_outlives_the_blocklisting_of_its_recipient() {
    play("CreateCustomBlacklist", &|_| json!({"Emails": [TARGET]}));
}
