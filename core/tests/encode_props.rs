//! Properties of the encoders: flattening then unflattening gives the value back, the query
//! string reads back into the same pairs, multipart bodies read back into their fields, and no
//! parser panics on any input.

use std::collections::BTreeMap;

use base64::Engine as _;
use proptest::prelude::*;
use serde::{Deserialize, Serialize};
use tencentcloud_core::encode::{
    flatten, from_pairs, from_query, multipart, parse_query, to_json_value, to_query_string,
    try_to_json_value,
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Outer {
    name: String,
    count: u64,
    delta: i64,
    flag: bool,
    ratio: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    // An empty list sends nothing, so it reads back only with a default.
    #[serde(default)]
    tags: Vec<String>,
    inner: Option<Inner>,
    #[serde(default)]
    items: Vec<Inner>,
    #[serde(default)]
    grid: Vec<Vec<u32>>,
    #[serde(default)]
    labels: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Inner {
    // A required field, so a present inner struct always has at least one parameter.
    #[serde(rename = "ID")]
    id: u32,
    label: String,
    maybe: Option<bool>,
    #[serde(default)]
    values: Vec<i32>,
}

fn finite_f64() -> impl Strategy<Value = f64> {
    any::<f64>().prop_filter("finite", |value| value.is_finite())
}

fn inner() -> impl Strategy<Value = Inner> {
    (
        any::<u32>(),
        any::<String>(),
        any::<Option<bool>>(),
        prop::collection::vec(any::<i32>(), 0..4),
    )
        .prop_map(|(id, label, maybe, values)| Inner {
            id,
            label,
            maybe,
            values,
        })
}

/// Map keys must be non-empty and free of `.`; digit-only keys would read back as a list.
fn label_key() -> impl Strategy<Value = String> {
    "[A-Za-z_][A-Za-z0-9_\\-]{0,8}"
}

fn outer() -> impl Strategy<Value = Outer> {
    let scalars = (
        any::<String>(),
        any::<u64>(),
        any::<i64>(),
        any::<bool>(),
        finite_f64(),
        any::<Option<String>>(),
    );
    let nested = (
        prop::collection::vec(any::<String>(), 0..4),
        prop::option::of(inner()),
        prop::collection::vec(inner(), 0..3),
        // Inner lists are non-empty: an empty one leaves no trace and shifts the indices.
        prop::collection::vec(prop::collection::vec(any::<u32>(), 1..3), 0..3),
        prop::collection::btree_map(label_key(), any::<String>(), 0..3),
    );
    (scalars, nested).prop_map(
        |((name, count, delta, flag, ratio, note), (tags, inner, items, grid, labels))| Outer {
            name,
            count,
            delta,
            flag,
            ratio,
            note,
            tags,
            inner,
            items,
            grid,
            labels,
        },
    )
}

/// Pairs built from a small alphabet, so names collide, nest and conflict often.
fn tangled_pairs() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec(("[AB01.]{0,6}", "[a1%+.]{0,3}"), 0..8)
}

proptest! {
    #[test]
    fn flatten_then_unflatten_gives_the_value_back(value in outer()) {
        let flat = flatten(&value).expect("flattens");
        let read: Outer = from_pairs(&flat).expect("reads back");
        prop_assert_eq!(read, value);
    }

    #[test]
    fn the_query_string_carries_the_value_over_the_wire(value in outer()) {
        let query = to_query_string(&flatten(&value).expect("flattens"));
        let read: Outer = from_query(query.as_bytes()).expect("reads back");
        prop_assert_eq!(read, value);
    }

    #[test]
    fn query_encoding_round_trips_arbitrary_pairs(
        pairs in prop::collection::vec((any::<String>().prop_filter("named", |key| !key.is_empty()), any::<String>()), 0..6)
    ) {
        let query = to_query_string(&pairs);
        // Only unreserved characters, escapes and the two separators reach the wire.
        prop_assert!(query.bytes().all(|byte| byte.is_ascii_alphanumeric() || b"-._~%=&".contains(&byte)));
        prop_assert_eq!(parse_query(query.as_bytes()).expect("parses"), pairs);
    }

    #[test]
    fn multipart_bodies_read_back_into_their_fields(
        text in any::<String>(),
        list in prop::collection::vec(any::<String>(), 0..3),
        file in prop::collection::vec(any::<u8>(), 0..64),
        maybe in any::<Option<String>>(),
    ) {
        #[derive(Serialize)]
        #[serde(rename_all = "PascalCase")]
        struct Upload {
            text: String,
            list: Vec<String>,
            file: String,
            maybe: Option<String>,
        }
        let file = base64::engine::general_purpose::STANDARD.encode(file);
        let upload = Upload { text, list, file, maybe };
        let (content_type, body) = multipart::to_body(&upload, &["File"]).expect("encodes");
        let boundary = multipart::boundary_from_content_type(&content_type).expect("boundary");
        let mut expected = serde_json::to_value(&upload).expect("to JSON");
        if let Some(fields) = expected.as_object_mut() {
            fields.retain(|_, value| !value.is_null());
        }
        prop_assert_eq!(multipart::parse(&body, boundary).expect("parses"), expected);
    }

    #[test]
    fn random_bytes_never_panic_a_parser(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let _ = parse_query(&bytes);
        let _ = from_query::<Outer>(&bytes);
        let _ = from_query::<serde_json::Value>(&bytes);
        let _ = multipart::parse(&bytes, "b");
        let _ = multipart::boundary_from_content_type(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn near_miss_multipart_bodies_never_panic(
        pieces in prop::collection::vec(
            prop::sample::select(vec![
                "--b", "--b--", "\r\n", "\r\n\r\n", "Content-Disposition: form-data; name=\"A\"",
                "; filename=\"A\"", "Content-Type: application/json", "x", "{", " ", ":",
            ]),
            0..16,
        )
    ) {
        let body = pieces.concat();
        let _ = multipart::parse(body.as_bytes(), "b");
    }

    #[test]
    fn tangled_parameter_names_give_a_value_or_an_error(pairs in tangled_pairs()) {
        let _ = to_json_value(&pairs);
        let _ = try_to_json_value(&pairs);
        let _ = from_pairs::<Outer>(&pairs);
        let _ = from_pairs::<serde_json::Value>(&pairs);
        let _ = from_pairs::<BTreeMap<String, Vec<String>>>(&pairs);
        let query = to_query_string(&pairs);
        let _ = from_query::<Outer>(query.as_bytes());
    }
}
