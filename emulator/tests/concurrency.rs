//! No accepted send is lost: 16 clients send 200 mails each at the same time through the
//! signed HTTP path, and every returned MessageId can be read back, from Rust and over HTTP.

mod front_support;

use std::collections::HashSet;

use front_support::{client, greeting, http, long_term, prepare_sending, start};
use serde_json::Value;

const CLIENTS: usize = 16;
const SENDS_PER_CLIENT: usize = 200;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_message_id_of_concurrent_sends_is_stored() {
    let emulator = start().await;
    let template_id = prepare_sending(&client(&emulator, long_term())).await;

    let mut tasks = Vec::with_capacity(CLIENTS);
    for client_index in 0..CLIENTS {
        // One client (and connection pool) per task, as separate applications would have.
        let ses = client(&emulator, long_term());
        tasks.push(tokio::spawn(async move {
            let mut ids = Vec::with_capacity(SENDS_PER_CLIENT);
            for send_index in 0..SENDS_PER_CLIENT {
                let to = format!("user{client_index}-{send_index}@example.net");
                let name = format!("c{client_index}s{send_index}");
                let sent = ses
                    .send_email(&greeting(template_id, &[&to], &name))
                    .await
                    .unwrap_or_else(|e| panic!("send {client_index}/{send_index}: {e}"));
                ids.push((sent.message_id, to));
            }
            ids
        }));
    }
    let mut sent = Vec::with_capacity(CLIENTS * SENDS_PER_CLIENT);
    for task in tasks {
        sent.extend(task.await.expect("a sending task"));
    }

    let unique: HashSet<&str> = sent.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        unique.len(),
        CLIENTS * SENDS_PER_CLIENT,
        "MessageIds repeat"
    );

    // From Rust: each id is stored, with the recipient it was sent to.
    for (id, to) in &sent {
        let message = emulator
            .ses()
            .message(id)
            .unwrap_or_else(|| panic!("{id} is lost"));
        assert_eq!(message.to, [to.as_str()], "{id}");
    }
    assert_eq!(emulator.ses().messages().len(), CLIENTS * SENDS_PER_CLIENT);

    // Over HTTP: the listing holds exactly the returned ids.
    let listing: Value = serde_json::from_slice(
        &http()
            .get(format!("{}/_emulator/messages", emulator.url()))
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap(),
    )
    .unwrap();
    let listed: HashSet<&str> = listing
        .as_array()
        .expect("a JSON array")
        .iter()
        .filter_map(|message| message["message_id"].as_str())
        .collect();
    assert_eq!(listed, unique);
}
