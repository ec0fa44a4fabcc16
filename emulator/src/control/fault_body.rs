//! The JSON body of `POST /_emulator/faults`, read strictly: exactly one effect per fault,
//! no unknown fields, and errors that say what to write instead.
//!
//! ```json
//! {"action": "SendEmail", "count": 3, "error": "RequestLimitExceeded"}
//! {"count": 2, "delay_ms": 500}
//! {"drop": true}
//! {"status": 503}
//! {"random": {"seed": 42, "rate": 0.1, "error": "InternalError"}}
//! ```

use std::time::Duration;

use serde::Deserialize;

use super::faults::{Fault, FaultRule, RandomFaults};

/// What a fault request asks for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum FaultRequest {
    /// A counted rule.
    Rule(FaultRule),
    /// A random rate.
    Random(RandomFaults),
}

/// The effect fields, shared by both shapes.
#[derive(Debug, Default)]
struct Effect {
    error: Option<String>,
    message: Option<String>,
    delay_ms: Option<u64>,
    drop: Option<bool>,
    status: Option<u16>,
}

// serde's `flatten` does not combine with `deny_unknown_fields`, so each shape lists the
// effect fields itself.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleBody {
    action: Option<String>,
    count: Option<u32>,
    random: Option<RandomBody>,
    error: Option<String>,
    message: Option<String>,
    delay_ms: Option<u64>,
    drop: Option<bool>,
    status: Option<u16>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RandomBody {
    seed: u64,
    rate: f64,
    action: Option<String>,
    error: Option<String>,
    message: Option<String>,
    delay_ms: Option<u64>,
    drop: Option<bool>,
    status: Option<u16>,
}

/// The longest delay a fault may ask for; longer ones are surely typos.
const MAX_DELAY: Duration = Duration::from_mins(10);

/// Parses a fault request body.
///
/// # Errors
/// A sentence naming what is wrong: not JSON, an unknown field, no effect or more than one,
/// a count of 0, a random rule mixed with top-level fields.
pub(crate) fn parse(body: &[u8]) -> Result<FaultRequest, String> {
    let body: RuleBody = serde_json::from_slice(body).map_err(|error| {
        format!(
            "the body is not a fault description ({error}); expected e.g. {{\"action\": \"SendEmail\", \"count\": 1, \"error\": \"RequestLimitExceeded\"}}"
        )
    })?;
    let effect_fields = Effect {
        error: body.error,
        message: body.message,
        delay_ms: body.delay_ms,
        drop: body.drop,
        status: body.status,
    };
    if let Some(random) = body.random {
        if body.action.is_some() || body.count.is_some() || has_any(&effect_fields) {
            return Err(
                "`random` stands alone: put `action` and the effect inside it, and leave `count` out"
                    .to_owned(),
            );
        }
        let fault = effect(Effect {
            error: random.error,
            message: random.message,
            delay_ms: random.delay_ms,
            drop: random.drop,
            status: random.status,
        })?;
        return Ok(FaultRequest::Random(RandomFaults {
            seed: random.seed,
            rate: random.rate,
            action: random.action,
            fault,
        }));
    }
    let count = body.count.unwrap_or(1);
    if count == 0 {
        return Err("`count` must be at least 1".to_owned());
    }
    Ok(FaultRequest::Rule(FaultRule {
        action: body.action,
        count,
        fault: effect(effect_fields)?,
    }))
}

fn has_any(effect: &Effect) -> bool {
    effect.error.is_some()
        || effect.message.is_some()
        || effect.delay_ms.is_some()
        || effect.drop.is_some()
        || effect.status.is_some()
}

/// Exactly one of `error` (with an optional `message`), `delay_ms`, `drop: true`, `status`.
fn effect(effect: Effect) -> Result<Fault, String> {
    let Effect {
        error,
        message,
        delay_ms,
        drop,
        status,
    } = effect;
    if message.is_some() && error.is_none() {
        return Err("`message` only goes with `error`".to_owned());
    }
    if drop == Some(false) {
        return Err("`drop` can only be true; leave it out otherwise".to_owned());
    }
    let chosen = [
        error.is_some(),
        delay_ms.is_some(),
        drop.is_some(),
        status.is_some(),
    ]
    .into_iter()
    .filter(|set| *set)
    .count();
    if chosen != 1 {
        return Err(format!(
            "a fault needs exactly one of `error`, `delay_ms`, `drop` or `status`; this one has {chosen}"
        ));
    }
    let fault = if let Some(code) = error {
        match message {
            Some(message) => Fault::Error { code, message },
            None => Fault::error(code),
        }
    } else if let Some(millis) = delay_ms {
        let delay = Duration::from_millis(millis);
        if delay > MAX_DELAY {
            return Err(format!(
                "`delay_ms` {millis} is over the {} ms maximum",
                MAX_DELAY.as_millis()
            ));
        }
        Fault::Delay(delay)
    } else if let Some(status) = status {
        Fault::Status(status)
    } else {
        Fault::Drop
    };
    fault.validate()?;
    Ok(fault)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_documented_shape_parses() {
        assert_eq!(
            parse(br#"{"action": "SendEmail", "count": 3, "error": "RequestLimitExceeded"}"#),
            Ok(FaultRequest::Rule(FaultRule {
                action: Some("SendEmail".into()),
                count: 3,
                fault: Fault::error("RequestLimitExceeded"),
            }))
        );
        assert_eq!(
            parse(br#"{"action": null, "delay_ms": 500}"#),
            Ok(FaultRequest::Rule(FaultRule::new(Fault::delay_ms(500))))
        );
        assert_eq!(
            parse(br#"{"drop": true}"#),
            Ok(FaultRequest::Rule(FaultRule::new(Fault::Drop)))
        );
        assert_eq!(
            parse(br#"{"status": 503, "count": 2}"#),
            Ok(FaultRequest::Rule(
                FaultRule::new(Fault::Status(503)).times(2)
            ))
        );
        assert_eq!(
            parse(br#"{"random": {"seed": 42, "rate": 0.1, "error": "InternalError"}}"#),
            Ok(FaultRequest::Random(RandomFaults {
                seed: 42,
                rate: 0.1,
                action: None,
                fault: Fault::error("InternalError"),
            }))
        );
    }

    #[test]
    fn mistakes_are_explained() {
        for (body, expected) in [
            (&b"{}"[..], "exactly one"),
            (br#"{"error": "X", "drop": true}"#, "exactly one"),
            (br#"{"drop": false}"#, "only be true"),
            (br#"{"count": 0, "drop": true}"#, "at least 1"),
            (br#"{"status": 200}"#, "400 to 599"),
            (br#"{"drop": true, "colour": "red"}"#, "colour"),
            (br#"{"message": "m", "drop": true}"#, "only goes with"),
            (
                br#"{"random": {"seed": 1, "rate": 0.5, "drop": true}, "count": 2}"#,
                "stands alone",
            ),
            (br#"{"delay_ms": 999999999}"#, "maximum"),
            (b"\xff not json", "not a fault description"),
        ] {
            let error = parse(body).unwrap_err();
            assert!(error.contains(expected), "{error}");
        }
    }
}
