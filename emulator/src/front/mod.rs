//! The API 3.0 front: takes any request outside `/_emulator/`, verifies it as Tencent Cloud
//! does, applies scheduled faults, hands the call to the backend and wraps the answer in the
//! response envelope.
//!
//! The order of checks: the method (`UnsupportedProtocol`), the size (`RequestSizeLimitExceeded`),
//! the signature (`AuthFailure.*`), the action and version headers or parameters
//! (`MissingParameter`, `NoSuchVersion`), the body's encoding (`InvalidParameter`,
//! `InvalidRequest`), then faults, then the backend (`InvalidAction`, `MissingParameter`,
//! `UnknownParameter`, `InvalidParameter` and the service's own codes). Every answer but an
//! injected drop or HTTP status is HTTP 200 with a fresh `RequestId`.

mod body;
mod envelope;
mod json;
mod request;

pub(crate) use envelope::request_id;

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::time::Instant;

use axum::extract::{ConnectInfo, Request, State};
use axum::response::Response;
use tencentcloud_core::sign::verify::StoredKey;

use crate::backend::{ApiError, Backend};
use crate::control::faults::{Fault, Faults};
use crate::server::conn::Connection;

/// The keys the front accepts, by secret id.
pub(crate) type Secrets = HashMap<String, StoredKey>;

/// What the front needs, shared by every request.
#[derive(Clone)]
pub(crate) struct Front {
    pub(crate) backend: Arc<dyn Backend>,
    pub(crate) secrets: Arc<Secrets>,
    pub(crate) faults: Arc<Faults>,
}

/// Answers one API request.
pub(crate) async fn handle(
    State(front): State<Front>,
    ConnectInfo(connection): ConnectInfo<Connection>,
    request: Request,
) -> Response {
    let started = Instant::now();
    let request_id = request_id();
    let (parts, body) = request.into_parts();

    // The method comes first (as documented above): a PUT is unsupported whatever its size. Its
    // body is read and thrown away so the client is not still writing when the answer comes.
    let method = match request::method(&parts.method) {
        Ok(method) => method,
        Err(error) => {
            let _ = body::read(body, 0).await;
            return refuse(&error, &request_id, &connection);
        }
    };
    let limit = request::body_limit(&parts, method);
    let body = match body::read(body, limit).await {
        body::BodyRead::Complete(bytes) => bytes,
        body::BodyRead::TooLarge { seen } => {
            return refuse(&request::too_large(seen, limit), &request_id, &connection);
        }
        body::BodyRead::Broken => {
            // The client is gone; this answer only exists to end the handler.
            let error = ApiError::new("InvalidRequest", "the request body was cut off");
            return refuse(&error, &request_id, &connection);
        }
    };

    let context = request::Context {
        backend: front.backend.as_ref(),
        secrets: &front.secrets,
        now: tencentcloud_core::clock::unix_now(),
    };
    let call = match request::read(&parts, &body, context) {
        Ok(call) => call,
        Err(error) => return refuse(&error, &request_id, &connection),
    };
    // The body is no longer needed; a 10 MB upload should not stay alive while the backend works.
    drop(body);

    match front.faults.next(&call.action) {
        None => {}
        Some(Fault::Delay(delay)) => tokio::time::sleep(delay).await,
        Some(Fault::Error { code, message }) => {
            tracing::info!(action = %call.action, %code, %request_id, "injected error");
            return envelope::error(&ApiError::new(code, message), &request_id);
        }
        Some(Fault::Status(status)) => {
            tracing::info!(action = %call.action, status, "injected HTTP status");
            return envelope::status(status);
        }
        Some(Fault::Drop) => {
            tracing::info!(action = %call.action, "injected connection drop");
            connection.drop_without_answer();
            return envelope::status(503);
        }
    }

    // Past this point the backend may have stored something (a sent mail): the answer is built
    // without any further await, so it cannot be lost between acceptance and reply except by
    // the network itself. A panicking backend is a bug; it still gets a proper answer.
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        front.backend.call(&call.action, &call.params)
    }))
    .unwrap_or_else(|_| {
        Err(ApiError::new(
            "InternalError",
            "the emulator's backend failed while handling this call; this is a bug in the emulator",
        ))
    });
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    match outcome {
        Ok(fields) => {
            tracing::info!(action = %call.action, %request_id, elapsed_ms, "answered");
            envelope::success(fields, &request_id)
        }
        Err(error) => {
            tracing::info!(
                action = %call.action, code = %error.code, %request_id, elapsed_ms, "refused"
            );
            envelope::error(&error, &request_id)
        }
    }
}

/// Answers a request refused before it reached the backend.
fn refuse(error: &ApiError, request_id: &str, connection: &Connection) -> Response {
    tracing::info!(code = %error.code, remote = %connection.remote(), %request_id, "refused before the backend");
    envelope::error(error, request_id)
}
