//! Inspection and control endpoints under `/_emulator/`, outside the API: read the mail that
//! was sent, forget all state, schedule faults, and review templates held for review.
//!
//! | method and path | what it does |
//! | --- | --- |
//! | `GET /_emulator/messages` | every stored message, oldest first, as a JSON array |
//! | `GET /_emulator/messages/{id}` | one message as JSON (404 if unknown) |
//! | `GET /_emulator/messages/{id}.eml` | its raw MIME text, `message/rfc822` |
//! | `POST /_emulator/reset` | forgets all service state (faults stay) |
//! | `GET /_emulator/faults` | the scheduled faults |
//! | `POST /_emulator/faults` | schedules a fault, answers the scheduled faults |
//! | `DELETE /_emulator/faults` | removes every scheduled fault |
//! | `POST /_emulator/templates/{id}/approve` | approves a template held for review |
//! | `POST /_emulator/templates/{id}/reject` | rejects it |
//!
//! Errors are HTTP 400 or 404 with `{"error": "<what went wrong>"}`.
//!
//! A fault is described by one JSON object: an optional `action` (default: every action), an
//! optional `count` (default 1), and exactly one effect: `"error": "<code>"` (with an optional
//! `"message"`), `"delay_ms": <n>`, `"drop": true` or `"status": <400..599>`. A random rate is
//! `{"random": {"seed": <u64>, "rate": <0.0..1.0>, "action": ..., <effect>}}` and replaces the
//! previous one. See [`faults`] for when they apply.

mod fault_body;
pub mod faults;

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use serde_json::json;

use crate::backend::Backend;
use crate::ses::SesBackend;
use fault_body::FaultRequest;
use faults::Faults;

/// The prefix of every control path.
pub const PREFIX: &str = "/_emulator";

/// What the control endpoints act on.
#[derive(Clone)]
pub(crate) struct Control {
    pub(crate) ses: Arc<SesBackend>,
    pub(crate) faults: Arc<Faults>,
}

/// The control routes, all under [`PREFIX`].
pub(crate) fn router(control: Control) -> Router {
    Router::new()
        .route("/_emulator/messages", get(list_messages))
        .route("/_emulator/messages/{id}", get(one_message))
        .route("/_emulator/reset", post(reset))
        .route(
            "/_emulator/faults",
            get(list_faults).post(add_fault).delete(clear_faults),
        )
        .route("/_emulator/templates/{id}/approve", post(approve))
        .route("/_emulator/templates/{id}/reject", post(reject))
        .route("/_emulator", any(unknown))
        .route("/_emulator/", any(unknown))
        .route("/_emulator/{*rest}", any(unknown))
        .with_state(control)
}

async fn list_messages(State(control): State<Control>) -> Response {
    axum::Json(control.ses.messages()).into_response()
}

async fn one_message(State(control): State<Control>, Path(id): Path<String>) -> Response {
    let (id, raw) = match id.strip_suffix(".eml") {
        Some(id) => (id, true),
        None => (id.as_str(), false),
    };
    let Some(message) = control.ses.message(id) else {
        return failure(
            StatusCode::NOT_FOUND,
            &format!("no message has the id {id:?}"),
        );
    };
    if raw {
        ([(header::CONTENT_TYPE, "message/rfc822")], message.eml).into_response()
    } else {
        axum::Json(message).into_response()
    }
}

async fn reset(State(control): State<Control>) -> Response {
    Backend::reset(control.ses.as_ref());
    tracing::info!("state reset");
    axum::Json(json!({ "reset": true })).into_response()
}

async fn list_faults(State(control): State<Control>) -> Response {
    axum::Json(control.faults.snapshot()).into_response()
}

async fn add_fault(State(control): State<Control>, body: Bytes) -> Response {
    let added = match fault_body::parse(&body) {
        Ok(request) => match known_action(&control, &request) {
            Err(error) => Err(error),
            Ok(()) => match request {
                FaultRequest::Rule(rule) => control.faults.push(rule),
                FaultRequest::Random(random) => control.faults.set_random(random),
            },
        },
        Err(error) => Err(error),
    };
    match added {
        Ok(()) => axum::Json(control.faults.snapshot()).into_response(),
        Err(error) => failure(StatusCode::BAD_REQUEST, &error),
    }
}

/// A fault for an action SES does not have would never fire: a typo (`SendMail`) that is better
/// reported now than found out when the test that relies on it passes for the wrong reason.
fn known_action(control: &Control, request: &FaultRequest) -> Result<(), String> {
    let action = match request {
        FaultRequest::Rule(rule) => rule.action.as_deref(),
        FaultRequest::Random(random) => random.action.as_deref(),
    };
    match action {
        Some(action) if !control.ses.has_action(action) => Err(format!(
            "`action` \"{}\" is not an action of SES 2020-10-02, so the fault would never apply; \
             name one as the API spells it, like \"SendEmail\", or leave `action` out for every \
             action",
            crate::redact::shown(action)
        )),
        _ => Ok(()),
    }
}

async fn clear_faults(State(control): State<Control>) -> Response {
    control.faults.clear();
    axum::Json(control.faults.snapshot()).into_response()
}

async fn approve(state: State<Control>, id: Path<String>) -> Response {
    review(state, id, true)
}

async fn reject(state: State<Control>, id: Path<String>) -> Response {
    review(state, id, false)
}

fn review(State(control): State<Control>, Path(id): Path<String>, approve: bool) -> Response {
    let Ok(template_id) = id.parse::<u64>() else {
        return failure(
            StatusCode::BAD_REQUEST,
            &format!("{id:?} is not a template id; template ids are numbers"),
        );
    };
    match control.ses.review_template(template_id, approve) {
        Ok(()) => {
            let status = if approve { "approved" } else { "rejected" };
            axum::Json(json!({ "template_id": template_id, "status": status })).into_response()
        }
        Err(error) => failure(StatusCode::BAD_REQUEST, &error),
    }
}

async fn unknown() -> Response {
    failure(
        StatusCode::NOT_FOUND,
        "no such control endpoint; see the emulator's README for /_emulator/messages, reset, \
         faults and templates",
    )
}

fn failure(status: StatusCode, message: &str) -> Response {
    (status, axum::Json(json!({ "error": message }))).into_response()
}
