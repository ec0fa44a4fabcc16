//! Reads a request body under a size limit, and past the limit keeps reading (and discarding)
//! for a while, so an oversized request still gets its `RequestSizeLimitExceeded` answer on a
//! connection the client is not still writing to.

use std::future::poll_fn;
use std::pin::Pin;

use axum::body::{Body, Bytes, HttpBody};

/// How much more than the limit is read and thrown away before giving up on the connection.
/// Clients write the whole request before they read the answer; closing on one still writing
/// loses the answer (it sees a reset connection), so the allowance is generous: reading and
/// dropping 64 MiB on loopback takes a fraction of a second.
const DRAIN_ALLOWANCE: usize = 64 * 1024 * 1024;

/// The outcome of reading a body.
#[derive(Debug)]
pub(crate) enum BodyRead {
    /// The whole body, within the limit.
    Complete(Bytes),
    /// The body is over the limit; at least `seen` bytes arrived.
    TooLarge {
        /// How many bytes were read before stopping.
        seen: usize,
    },
    /// The client stopped sending halfway (the connection broke).
    Broken,
}

/// Reads `body`, keeping at most `limit` bytes.
pub(crate) async fn read(mut body: Body, limit: usize) -> BodyRead {
    let hint = usize::try_from(body.size_hint().lower()).unwrap_or(usize::MAX);
    let mut kept: Vec<u8> = Vec::with_capacity(hint.min(limit));
    let mut seen = 0_usize;
    loop {
        let frame = poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await;
        let data = match frame {
            None => break,
            Some(Err(_)) => return BodyRead::Broken,
            Some(Ok(frame)) => match frame.into_data() {
                Ok(data) => data,
                // Trailers carry nothing the API uses.
                Err(_) => continue,
            },
        };
        seen = seen.saturating_add(data.len());
        if seen <= limit {
            kept.extend_from_slice(&data);
        } else {
            kept = Vec::new();
            if seen > limit.saturating_add(DRAIN_ALLOWANCE) {
                return BodyRead::TooLarge { seen };
            }
        }
    }
    if seen > limit {
        BodyRead::TooLarge { seen }
    } else {
        BodyRead::Complete(Bytes::from(kept))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn keeps_a_body_at_the_limit_and_refuses_one_byte_more() {
        match read(Body::from(vec![7_u8; 100]), 100).await {
            BodyRead::Complete(bytes) => assert_eq!(bytes.len(), 100),
            other => panic!("{other:?}"),
        }
        match read(Body::from(vec![7_u8; 101]), 100).await {
            BodyRead::TooLarge { seen } => assert_eq!(seen, 101),
            other => panic!("{other:?}"),
        }
    }
}
