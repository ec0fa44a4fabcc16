//! The envelope for requests too large for the HTTP layer to read.
//!
//! hyper refuses a request line over 64 KiB (`414 URI Too Long`) and a request head over its
//! buffer (`431 Request Header Fields Too Large`) on its own, before any handler runs, with a
//! bare status and an empty body. The official SDKs read such an answer as a network failure.
//! Such a request is a GET over the protocol's 32 KB limit, which Tencent Cloud answers with
//! `RequestSizeLimitExceeded` in the usual envelope; so the stream swaps hyper's bare answer
//! for that one on the way out. The emulator's own answers are never swapped: a 414 or 431 it
//! sends on purpose (a "status" fault) has a body, and hyper's refusals have none.

use tencentcloud_core::limits::GET_MAX_BYTES;

/// The start of the two answers replaced (the status line of each), and what the envelope says.
const REPLACED: [(&[u8], Refusal); 2] = [
    (b"HTTP/1.1 414 ", Refusal::LongRequestLine),
    (b"HTTP/1.1 431 ", Refusal::LargeHead),
];

/// Which of hyper's refusals is being replaced.
#[derive(Debug, Clone, Copy)]
enum Refusal {
    /// The request line is too long: a URL over 64 KiB, which only a GET's query makes.
    LongRequestLine,
    /// The header lines are too many or too long, whatever the method (hyper tells neither
    /// apart).
    LargeHead,
}

impl Refusal {
    fn message(self) -> String {
        match self {
            Self::LongRequestLine => format!(
                "the request line is longer than 65534 bytes; a GET request may carry at most \
                 {GET_MAX_BYTES} bytes of parameters"
            ),
            Self::LargeHead => "the request head is larger than the emulator reads: too many \
                                header lines, or too long ones"
                .to_owned(),
        }
    }
}

/// What the stream is doing with what hyper writes.
#[derive(Debug, Default)]
pub(crate) enum Rewrite {
    /// Passing every write through.
    #[default]
    Watching,
    /// Sending `answer` instead of hyper's refusal, `sent` bytes of it so far; hyper's own bytes
    /// are taken and dropped (it closes the connection after a refusal).
    Replacing { answer: Vec<u8>, sent: usize },
}

impl Rewrite {
    /// Starts replacing when `first` (the start of a write) is one of hyper's refusals.
    pub(crate) fn watch(&mut self, first: &[u8]) {
        if !matches!(self, Self::Watching) {
            return;
        }
        if let Some((_, refusal)) = REPLACED
            .iter()
            .find(|(status_line, _)| first.starts_with(status_line))
            .filter(|_| has_empty_body(first))
        {
            let why = refusal.message();
            tracing::info!(
                reason = why,
                "answering an oversized request with RequestSizeLimitExceeded"
            );
            *self = Self::Replacing {
                answer: answer(&why),
                sent: 0,
            };
        }
    }

    /// The part of the replacement not yet written, if replacing.
    pub(crate) fn pending(&self) -> Option<&[u8]> {
        match self {
            Self::Watching => None,
            Self::Replacing { answer, sent } => Some(answer.get(*sent..).unwrap_or_default()),
        }
    }

    /// Notes that `count` more bytes of the replacement were written.
    pub(crate) fn advance(&mut self, count: usize) {
        if let Self::Replacing { sent, .. } = self {
            *sent += count;
        }
    }
}

/// Whether the head at the start of `write` declares an empty body, as hyper's own refusals
/// do (a whole `content-length: 0` line, in the lower case hyper writes).
fn has_empty_body(write: &[u8]) -> bool {
    const EMPTY: &[u8] = b"\r\ncontent-length: 0\r\n";
    // The head up to and including the line break that ends its last header line.
    let head_end = write
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .map_or(write.len(), |end| end + 2);
    write
        .get(..head_end)
        .is_some_and(|head| head.windows(EMPTY.len()).any(|line| line == EMPTY))
}

/// The whole HTTP answer: 200, the JSON envelope, and `Connection: close`, since hyper drops
/// the connection after refusing a request.
fn answer(why: &str) -> Vec<u8> {
    let body = serde_json::json!({
        "Response": {
            "Error": {
                "Code": "RequestSizeLimitExceeded",
                "Message": why,
            },
            "RequestId": crate::front::request_id(),
        }
    })
    .to_string();
    format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\ndate: {}\r\nconnection: close\r\n\r\n{body}",
        body.len(),
        tencentcloud_core::clock::http_date_now(),
    )
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hypers_refusals_are_replaced() {
        let mut passing = Rewrite::default();
        passing.watch(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}");
        passing.watch(b"HTTP/1.1 400 Bad Request\r\n\r\n");
        assert!(passing.pending().is_none());

        let mut replacing = Rewrite::default();
        replacing.watch(b"HTTP/1.1 414 URI Too Long\r\ncontent-length: 0\r\n\r\n");
        let whole = replacing.pending().unwrap().to_vec();
        let text = String::from_utf8(whole.clone()).unwrap();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
        assert!(head.contains(&format!("content-length: {}\r\n", body.len())));
        let envelope: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(
            envelope["Response"]["Error"]["Code"],
            "RequestSizeLimitExceeded"
        );
        assert!(envelope["Response"]["RequestId"].is_string());
        let message = envelope["Response"]["Error"]["Message"].as_str().unwrap();
        assert!(message.contains("at most 32768 bytes"), "{message}");

        // Too many headers is not about a GET's parameters: a POST gets it as well.
        let mut head = Rewrite::default();
        head.watch(b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-length: 0\r\n\r\n");
        let text = String::from_utf8(head.pending().unwrap().to_vec()).unwrap();
        assert!(text.contains("too many header lines"), "{text}");
        assert!(!text.contains("GET"), "{text}");

        // An answer of the emulator's own with one of those statuses (a "status" fault) has a
        // body and passes.
        let mut injected = Rewrite::default();
        injected.watch(
            b"HTTP/1.1 414 URI Too Long\r\ncontent-type: text/plain\r\ncontent-length: 49\r\n\r\n",
        );
        injected
            .watch(b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-length: 05\r\n\r\n");
        assert!(injected.pending().is_none());

        // Progress is kept, and a second refusal does not restart the answer.
        replacing.advance(10);
        replacing.watch(b"HTTP/1.1 431 ");
        assert_eq!(replacing.pending(), whole.get(10..));
    }
}
