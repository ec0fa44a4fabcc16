//! Signing vector `tc3_post_json_ses_sendemail`: the SendEmail request, keys,
//! timestamp and expected `Authorization` that all contenders are measured on.

use serde_json::Value;

use crate::{SetupError, setup_error};

/// The signing test vectors of the protocol spec, as the core's tests use them.
const VECTORS: &str = include_str!("../../../core/tests/fixtures/vectors.json");

/// The name of the SendEmail vector in the file.
pub const NAME: &str = "tc3_post_json_ses_sendemail";

/// What the benchmarks need from vector `tc3_post_json_ses_sendemail`.
#[derive(Debug, Clone)]
pub struct Vector {
    /// `SecretId` of the documented example keys.
    pub secret_id: String,
    /// `SecretKey` of the documented example keys (a published example, not a secret).
    pub secret_key: String,
    /// The signing time, seconds since the epoch.
    pub timestamp: u64,
    /// Credential-scope service, `ses`.
    pub service: String,
    /// `Host` header, `ses.tencentcloudapi.com`.
    pub host: String,
    /// `X-TC-Action`.
    pub action: String,
    /// `X-TC-Version`.
    pub version: String,
    /// `X-TC-Region`.
    pub region: String,
    /// `X-TC-Language`.
    pub language: String,
    /// `X-TC-RequestClient` of the SDK that produced the vector.
    pub request_client: String,
    /// The serialized JSON body that was signed.
    pub body: String,
    /// The expected `Authorization` header.
    pub authorization: String,
    /// The business parameters, nested as in the JSON body.
    pub params: Value,
}

fn text(value: &Value, pointer: &str) -> Result<String, SetupError> {
    value
        .pointer(pointer)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| SetupError(format!("vector {NAME} has no text at {pointer}")))
}

impl Vector {
    /// Reads vector `tc3_post_json_ses_sendemail` from the core's fixture file.
    ///
    /// # Errors
    /// When the file is not JSON or the vector or one of its fields is missing.
    pub fn load() -> Result<Self, SetupError> {
        let list: Vec<Value> =
            serde_json::from_str(VECTORS).map_err(|e| setup_error("reading vectors.json", e))?;
        let vector = list
            .into_iter()
            .find(|v| v.get("name").and_then(Value::as_str) == Some(NAME))
            .ok_or_else(|| SetupError(format!("vectors.json has no vector {NAME}")))?;
        let timestamp = vector
            .pointer("/inputs/timestamp")
            .and_then(Value::as_u64)
            .ok_or_else(|| SetupError(format!("vector {NAME} has no numeric timestamp")))?;
        let params = vector
            .pointer("/request/params")
            .cloned()
            .ok_or_else(|| SetupError(format!("vector {NAME} has no request parameters")))?;
        Ok(Self {
            secret_id: text(&vector, "/inputs/secret_id")?,
            secret_key: text(&vector, "/inputs/secret_key")?,
            timestamp,
            service: text(&vector, "/inputs/service")?,
            host: text(&vector, "/request/host")?,
            action: text(&vector, "/request/action")?,
            version: text(&vector, "/request/version")?,
            region: text(&vector, "/request/region")?,
            language: text(&vector, "/request/language")?,
            request_client: text(&vector, "/request/request_client")?,
            body: text(&vector, "/url_query_or_body")?,
            authorization: text(&vector, "/authorization")?,
            params,
        })
    }

    /// The business parameters flattened the v1 way (`Destination.0`, `Template.TemplateID`),
    /// in the order they appear; numbers as their JSON text.
    pub fn flattened_params(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        flatten_into(String::new(), &self.params, &mut out);
        out
    }

    /// The template of the request: its id and its variables as a JSON string.
    ///
    /// # Errors
    /// When the vector's `Template` is missing or not of that shape.
    pub fn template(&self) -> Result<(u64, String), SetupError> {
        let id = self
            .params
            .pointer("/Template/TemplateID")
            .and_then(Value::as_u64)
            .ok_or_else(|| SetupError(format!("vector {NAME} has no Template.TemplateID")))?;
        Ok((id, text(&self.params, "/Template/TemplateData")?))
    }

    /// A text parameter of the request, e.g. `Subject`.
    ///
    /// # Errors
    /// When the parameter is missing or not text.
    pub fn param(&self, name: &str) -> Result<String, SetupError> {
        text(&self.params, &format!("/{name}"))
    }

    /// The `Destination` list.
    ///
    /// # Errors
    /// When it is missing or holds something other than text.
    pub fn destination(&self) -> Result<Vec<String>, SetupError> {
        let missing = || SetupError(format!("vector {NAME} has no Destination list of text"));
        self.params
            .get("Destination")
            .and_then(Value::as_array)
            .ok_or_else(missing)?
            .iter()
            .map(|v| v.as_str().map(str::to_owned).ok_or_else(missing))
            .collect()
    }
}

fn flatten_into(prefix: String, value: &Value, out: &mut Vec<(String, String)>) {
    let join = |key: &str| {
        if prefix.is_empty() {
            key.to_owned()
        } else {
            format!("{prefix}.{key}")
        }
    };
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                flatten_into(join(key), inner, out);
            }
        }
        Value::Array(items) => {
            for (index, inner) in items.iter().enumerate() {
                flatten_into(join(&index.to_string()), inner, out);
            }
        }
        Value::Null => {}
        Value::String(text) => out.push((prefix, text.clone())),
        other => out.push((prefix, other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vector_loads_with_the_documented_request() {
        let vector = Vector::load().unwrap();
        assert_eq!(vector.action, "SendEmail");
        assert_eq!(vector.destination().unwrap(), ["user@example.com"]);
        assert_eq!(vector.template().unwrap().0, 100);
    }

    #[test]
    fn flattening_names_nested_and_listed_parameters_with_dots() {
        let vector = Vector::load().unwrap();
        let flat = vector.flattened_params();
        let names: Vec<&str> = flat.iter().map(|(name, _)| name.as_str()).collect();
        for expected in [
            "FromEmailAddress",
            "Destination.0",
            "Subject",
            "Template.TemplateID",
            "Template.TemplateData",
        ] {
            assert!(
                names.contains(&expected),
                "{expected} missing from {names:?}"
            );
        }
        assert!(flat.contains(&("Template.TemplateID".to_owned(), "100".to_owned())));
    }
}
