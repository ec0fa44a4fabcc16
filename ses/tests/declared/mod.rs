//! What the tests know about the crate's declarations: every action and type, each with
//! probes that read its wire field names and push JSON through it, plus the schema's shape.
//!
//! Shared by several test binaries; each uses only part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt::Debug;

use serde::de::{self, DeserializeOwned, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use tencentcloud_core::{Action, Service};
use tencentcloud_ses as ses;

pub(crate) mod fakes;
pub(crate) mod samples;

/// The stripped schema in `fixtures/api_schema.json`.
#[derive(Debug, Deserialize)]
pub(crate) struct Schema {
    pub(crate) service: String,
    pub(crate) version: String,
    pub(crate) actions: BTreeMap<String, SchemaAction>,
    pub(crate) objects: BTreeMap<String, SchemaObject>,
}

/// The request and response object names of one action.
#[derive(Debug, Deserialize)]
pub(crate) struct SchemaAction {
    pub(crate) input: String,
    pub(crate) output: String,
}

/// One object: where it is used (`in`, `out`, `both`, `request`, `response`) and its members.
#[derive(Debug, Deserialize)]
pub(crate) struct SchemaObject {
    pub(crate) usage: String,
    pub(crate) members: Vec<SchemaField>,
}

/// One member: wire name, JSON kind (`string`, `int`, `bool`, `object`, `list`), the exact
/// member type (`uint64`, `int64`, `date`, an object name, ...) and its flags.
// The four flags are the schema's own, one field each.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Deserialize)]
pub(crate) struct SchemaField {
    pub(crate) name: String,
    #[serde(rename = "type")]
    pub(crate) kind: String,
    pub(crate) member: String,
    pub(crate) required: bool,
    pub(crate) output_required: bool,
    pub(crate) nullable: bool,
    pub(crate) disabled: bool,
}

/// Type-erased views of one Rust type, named by its schema object name.
pub(crate) struct Probe {
    pub(crate) name: &'static str,
    /// The wire names serde's derived `Deserialize` knows, in declaration order.
    pub(crate) fields: fn() -> Vec<&'static str>,
    /// Decodes JSON into the type and encodes it again.
    pub(crate) round_trip: fn(&Value) -> Result<Value, String>,
    /// Decodes JSON into the type, encodes and decodes again, and compares the two values.
    pub(crate) typed_round_trip: fn(&Value) -> Result<(), String>,
}

/// The probe of `T`, under the schema name `name`.
pub(crate) fn probe<T>(name: &'static str) -> Probe
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    Probe {
        name,
        fields: fields_of::<T>,
        round_trip: round_trip::<T>,
        typed_round_trip: typed_round_trip::<T>,
    }
}

fn round_trip<T: Serialize + DeserializeOwned>(json: &Value) -> Result<Value, String> {
    let value: T = serde_json::from_value(json.clone()).map_err(|error| error.to_string())?;
    serde_json::to_value(&value).map_err(|error| error.to_string())
}

fn typed_round_trip<T>(json: &Value) -> Result<(), String>
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let first: T = serde_json::from_value(json.clone()).map_err(|error| error.to_string())?;
    let text = serde_json::to_string(&first).map_err(|error| error.to_string())?;
    let second: T = serde_json::from_str(&text).map_err(|error| error.to_string())?;
    if first == second {
        Ok(())
    } else {
        Err(format!("{first:?} came back as {second:?}"))
    }
}

/// Asks `T`'s `Deserialize` for its field list: a derived impl passes it to
/// `deserialize_struct`, which this deserializer records and then refuses.
fn fields_of<T: DeserializeOwned>() -> Vec<&'static str> {
    let mut seen = None;
    let _refused = T::deserialize(FieldRecorder(&mut seen));
    seen.map(<[&str]>::to_vec).unwrap_or_default()
}

struct FieldRecorder<'a>(&'a mut Option<&'static [&'static str]>);

impl<'de> Deserializer<'de> for FieldRecorder<'_> {
    type Error = de::value::Error;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = Some(fields);
        Err(de::Error::custom("field list recorded"))
    }

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("not a struct"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// One declared action, as its `Action` impl describes it.
pub(crate) struct ActionInfo {
    pub(crate) name: &'static str,
    pub(crate) request: &'static str,
    pub(crate) response: &'static str,
    pub(crate) service: (&'static str, &'static str),
    pub(crate) request_probe: Probe,
    pub(crate) response_probe: Probe,
}

fn short_type_name<T>() -> &'static str {
    let full = std::any::type_name::<T>();
    full.rsplit("::").next().unwrap_or(full)
}

fn action_info<A>(request: &'static str) -> ActionInfo
where
    A: Action + PartialEq + Debug,
    A::Response: Serialize + PartialEq + Debug,
{
    let response = short_type_name::<A::Response>();
    ActionInfo {
        name: A::NAME,
        request,
        response,
        service: (
            <A::Service as Service>::NAME,
            <A::Service as Service>::VERSION,
        ),
        request_probe: probe::<A>(request),
        response_probe: probe::<A::Response>(response),
    }
}

macro_rules! actions {
    ($($request:ident),+ $(,)?) => {
        /// Every action the crate declares, by its request type.
        pub(crate) fn declared_actions() -> Vec<ActionInfo> {
            vec![$(action_info::<ses::$request>(stringify!($request))),+]
        }
    };
}

actions![
    BatchSendEmailRequest,
    CreateAddressUnsubscribeConfigRequest,
    CreateCustomBlacklistRequest,
    CreateEmailAddressRequest,
    CreateEmailIdentityRequest,
    CreateEmailTemplateRequest,
    CreateReceiverRequest,
    CreateReceiverDetailRequest,
    CreateReceiverDetailWithDataRequest,
    DeleteAddressUnsubscribeConfigRequest,
    DeleteBlackListRequest,
    DeleteCustomBlackListRequest,
    DeleteEmailAddressRequest,
    DeleteEmailIdentityRequest,
    DeleteEmailTemplateRequest,
    DeleteReceiverRequest,
    GetAbuseReportRequest,
    GetEmailIdentityRequest,
    GetEmailTemplateRequest,
    GetSendEmailStatusRequest,
    GetStatisticsReportRequest,
    ListAddressUnsubscribeConfigRequest,
    ListBlackEmailAddressRequest,
    ListCustomBlacklistRequest,
    ListEmailAddressRequest,
    ListEmailIdentitiesRequest,
    ListEmailTemplatesRequest,
    ListReceiverDetailsRequest,
    ListReceiversRequest,
    ListSendTasksRequest,
    SendEmailRequest,
    UpdateAddressUnsubscribeConfigRequest,
    UpdateCustomBlackListRequest,
    UpdateEmailIdentityRequest,
    UpdateEmailSmtpPassWordRequest,
    UpdateEmailTemplateRequest,
];

/// Every request, response and data type, each under its schema object name.
pub(crate) fn declared_types() -> Vec<Probe> {
    let mut probes: Vec<Probe> = declared_actions()
        .into_iter()
        .flat_map(|action| [action.request_probe, action.response_probe])
        .collect();
    probes.extend([
        probe::<ses::AbuseReport>("AbuseReport"),
        probe::<ses::AddressUnsubscribeConfigData>("AddressUnsubscribeConfigData"),
        probe::<ses::Attachment>("Attachment"),
        probe::<ses::BlackAddressDetail>("BlackAddressDetail"),
        probe::<ses::BlackEmailAddress>("BlackEmailAddress"),
        probe::<ses::CycleEmailParam>("CycleEmailParam"),
        probe::<ses::DnsAttributes>("DNSAttributes"),
        probe::<ses::EmailIdentity>("EmailIdentity"),
        probe::<ses::EmailSender>("EmailSender"),
        probe::<ses::ReceiverData>("ReceiverData"),
        probe::<ses::ReceiverDetail>("ReceiverDetail"),
        probe::<ses::ReceiverInputData>("ReceiverInputData"),
        probe::<ses::SendEmailStatus>("SendEmailStatus"),
        probe::<ses::SendTaskData>("SendTaskData"),
        probe::<ses::Simple>("Simple"),
        probe::<ses::Tag>("TagList"),
        probe::<ses::Template>("Template"),
        probe::<ses::TemplateContent>("TemplateContent"),
        probe::<ses::TemplatesMetadata>("TemplatesMetadata"),
        probe::<ses::TimedEmailParam>("TimedEmailParam"),
        probe::<ses::Volume>("Volume"),
    ]);
    probes
}
