//! The receiving end of SES event notifications as an axum [`Router`]: one POST route that
//! decodes the body with [`tencentcloud_ses::webhook::parse`] and logs each typed event.
//!
//! SES signs nothing it posts (ses.md §9), so the usual protection is a hard-to-guess path,
//! e.g. `/ses/events/3f9c1d…`, configured as the callback URL in the console.

use axum::Router;
use axum::body::Bytes;
use axum::http::StatusCode;
use axum::routing::post;
use tencentcloud_ses::webhook::{self, Event};

/// Where the events are received unless told otherwise.
pub const DEFAULT_PATH: &str = "/ses/events";

/// A path the router cannot serve. It says what is wrong, never the path itself: the path is
/// the endpoint's only secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid webhook path: {reason}; it must start with `/` and hold only letters, digits and `-._~/`, without `//`"
)]
pub struct InvalidPath {
    /// What is wrong with it.
    pub reason: &'static str,
}

/// The router: `POST {path}` takes SES event notifications and answers 200 with the number of
/// events for a body that decodes, or 400 with the reason for one that does not.
///
/// # Errors
/// [`InvalidPath`] for a path that is not a plain absolute path (axum would refuse it by
/// panicking, so it is checked first).
pub fn router(path: &str) -> Result<Router, InvalidPath> {
    let reason = if !path.starts_with('/') {
        Some("it does not start with `/`")
    } else if path.contains("//") {
        Some("it holds `//`")
    } else if !path
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~/".contains(&b))
    {
        Some("it holds a character outside the allowed ones")
    } else {
        None
    };
    if let Some(reason) = reason {
        return Err(InvalidPath { reason });
    }
    Ok(Router::new().route(path, post(receive)))
}

/// Decodes one notification body and logs what it holds.
async fn receive(body: Bytes) -> (StatusCode, String) {
    match webhook::parse(&body) {
        Ok(events) => {
            for event in &events {
                log_event(event);
            }
            (
                StatusCode::OK,
                format!("received {} event(s)\n", events.len()),
            )
        }
        Err(error) => {
            tracing::warn!(%error, bytes = body.len(), "refused a notification body");
            (StatusCode::BAD_REQUEST, format!("{error}\n"))
        }
    }
}

/// One log line per event, with the fields that matter for its kind.
fn log_event(event: &Event) {
    let name = event.name();
    let email = event.info().map_or("", |info| info.email.as_str());
    let bulk_id = event
        .info()
        .and_then(|info| info.bulk_id.as_deref())
        .unwrap_or("");
    match event {
        Event::Bounce(bounce) => tracing::warn!(
            event = name,
            email,
            bulk_id,
            bounce_type = bounce.bounce_type.as_ref().map_or("", |t| t.as_str()),
            reason = bounce.info.reason.as_deref().unwrap_or(""),
            "bounced"
        ),
        Event::Dropped(info) => tracing::warn!(
            event = name,
            email,
            bulk_id,
            reason = info.reason.as_deref().unwrap_or(""),
            "dropped"
        ),
        Event::Click(click) => tracing::info!(
            event = name,
            email,
            bulk_id,
            link = click.link.as_deref().unwrap_or(""),
            "link followed"
        ),
        Event::Open(open) => tracing::info!(
            event = name,
            email,
            bulk_id,
            user_agent = open.user_agent.as_deref().unwrap_or(""),
            "opened"
        ),
        Event::Unknown { event, raw } => {
            // Names only: the values may be addresses or whatever a newer SES adds.
            let fields = raw
                .as_object()
                .map(|object| {
                    object
                        .keys()
                        .map(String::as_str)
                        .collect::<Vec<_>>()
                        .join(",")
                })
                .unwrap_or_default();
            tracing::info!(
                event = event.as_str(),
                fields,
                "event of a kind this crate does not know"
            );
        }
        _ => tracing::info!(event = name, email, bulk_id, "event"),
    }
}
