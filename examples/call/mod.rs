//! The working part of the `call` example: any SES action by name, its JSON parameters decoded
//! into the typed request before anything is sent, the typed response turned back into JSON.
//!
//! Decoding first is the point: a misspelt or mistyped parameter is reported by name, on the
//! user's machine, instead of travelling to Tencent Cloud and coming back as
//! `InvalidParameter`. The SES checks of documented limits run too, because every action is sent
//! through the matching method of [`tencentcloud_ses::Client`].

mod decode;
mod table;

use serde_json::Value;
use tencentcloud_core::{Error, ErrorKind};

pub use table::ACTION_NAMES;

/// Why `call` could not produce a response.
#[derive(Debug, thiserror::Error)]
pub enum CallError {
    /// No SES action has this name; nothing was sent.
    #[error("SES has no action `{name}`{}; run with --list to see them all", suggestion_text(*.suggestion))]
    UnknownAction {
        /// The name as given.
        name: String,
        /// The action with the same name in another letter case, if there is one.
        suggestion: Option<&'static str>,
    },
    /// The call failed: bad parameters (invalid request, nothing sent), configuration,
    /// transport, or an error the service answered.
    #[error(transparent)]
    Call(#[from] Error),
    /// The call succeeded but its response could not be written as JSON.
    #[error("the response of {action} could not be written as JSON: {detail}")]
    Output {
        /// The action that answered.
        action: &'static str,
        /// What the serializer objected to.
        detail: String,
    },
}

impl CallError {
    /// The kind of the underlying call error; `None` when there is none.
    pub fn kind(&self) -> Option<ErrorKind> {
        self.as_call_error().map(Error::kind)
    }

    /// The underlying call error, if the call got that far and failed.
    pub fn as_call_error(&self) -> Option<&Error> {
        match self {
            Self::Call(error) => Some(error),
            Self::UnknownAction { .. } | Self::Output { .. } => None,
        }
    }
}

/// ` (did you mean `X`?)` for a suggestion, or nothing.
fn suggestion_text(suggestion: Option<&str>) -> String {
    suggestion.map_or_else(String::new, |name| format!(" (did you mean `{name}`?)"))
}

/// Calls the SES action `name` with the parameters in `json` (a JSON object in the action's
/// wire names, e.g. `{"Limit": 10, "Offset": 0}`) and returns the `Response` object as JSON.
///
/// The parameters are decoded into the action's request type first: text that is not a JSON
/// object, a missing required parameter, a value of the wrong type, or a parameter the action
/// does not have fail with an invalid-request error naming it, and nothing is sent.
///
/// # Errors
/// [`CallError::UnknownAction`] for a name that is not an SES action; [`CallError::Call`]
/// with the client's error; [`CallError::Output`] in the unlikely case that the response
/// cannot be written back as JSON.
pub async fn call_action(
    client: &tencentcloud_ses::Client,
    name: &str,
    json: &str,
) -> Result<Value, CallError> {
    let Some(entry) = table::find(name) else {
        return Err(CallError::UnknownAction {
            name: name.to_owned(),
            suggestion: table::find_ignoring_case(name),
        });
    };
    (entry.run)(client, json).await
}
