//! The encoders against docs/protocol.md (sections 1.3, 1.4 and 4): the flattened parameters
//! and encoded queries and bodies of the signing vectors (the SES JSON POST, the CVM GET, the
//! multipart POST and the v1 requests), special characters, and every decode error, each
//! checked to name the parameter at fault.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use tencentcloud_core::encode::{
    DecodeError, DecodeErrorKind, flatten, from_pairs, from_query, multipart, parse_query,
    percent_encode, to_json, to_json_value, to_query_string, try_to_json_value,
};

fn vector(name: &str) -> Value {
    let list: Vec<Value> = serde_json::from_str(include_str!("fixtures/vectors.json"))
        .expect("fixtures/vectors.json is JSON");
    list.into_iter()
        .find(|vector| vector["name"] == name)
        .unwrap_or_else(|| panic!("vector {name} is in the fixture"))
}

fn text<'v>(value: &'v Value, pointer: &str) -> &'v str {
    value
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{pointer} is a string"))
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
        .collect()
}

/// The CVM `DescribeInstances` parameters of vector `tc3_get_cvm_describeinstances`.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct DescribeInstances {
    limit: u64,
    filters: Vec<Filter>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Filter {
    name: String,
    values: Vec<String>,
}

/// The CVM `DescribeInstances` parameters of the v1 vectors (HmacSHA1 and HmacSHA256).
#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct DescribeById {
    limit: u64,
    offset: u64,
    instance_ids: Vec<String>,
}

/// The SES `SendEmail` parameters of vector `tc3_post_json_ses_sendemail`.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct SendEmail {
    from_email_address: String,
    destination: Vec<String>,
    subject: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    reply_to_addresses: Option<String>,
    template: Option<Template>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Template {
    #[serde(rename = "TemplateID")]
    template_id: u64,
    template_data: String,
}

#[test]
fn get_query_of_vector_13_5_flattens_nested_lists_in_field_order() {
    let vector = vector("tc3_get_cvm_describeinstances");
    let request: DescribeInstances =
        serde_json::from_value(vector["request"]["params"].clone()).expect("params fit");
    let flat = flatten(&request).expect("flattens");
    assert_eq!(
        flat,
        pairs(&[
            ("Limit", "1"),
            ("Filters.0.Name", "instance-name"),
            ("Filters.0.Values.0", "unnamed"),
            ("Filters.0.Values.1", "a b*~"),
        ])
    );
    // The Python SDK writes a space as `+`; RFC 3986, which this crate follows, as `%20`.
    // Everything else of the signed query is the same byte for byte.
    let sent = text(&vector, "/url_query_or_body");
    assert_eq!(to_query_string(&flat), sent.replace('+', "%20"));
    // A server reads the Python SDK's bytes back into the same parameters and value.
    assert_eq!(parse_query(sent.as_bytes()).expect("parses"), flat);
    let read: DescribeInstances = from_query(sent.as_bytes()).expect("decodes");
    assert_eq!(read, request);
}

#[test]
fn form_bodies_of_vectors_13_10_and_13_11_are_reproduced_byte_for_byte() {
    for name in [
        "v1_HmacSHA1_post_cvm_describeinstances",
        "v1_HmacSHA1_get_cvm_describeinstances",
        "v1_HmacSHA256_post_cvm_describeinstances",
        "v1_HmacSHA256_get_cvm_describeinstances",
    ] {
        let vector = vector(name);
        let request: DescribeById =
            serde_json::from_value(vector["request"]["params"].clone()).expect("params fit");
        let mut all = flatten(&request).expect("flattens");
        assert_eq!(
            all,
            pairs(&[
                ("Limit", "20"),
                ("Offset", "0"),
                ("InstanceIds.0", "ins-09dx96dg")
            ]),
            "{name}"
        );
        // The common parameters in the order the SDK wrote them, values from the inputs.
        let inputs = &vector["inputs"];
        let request_part = &vector["request"];
        let common = [
            ("Action", text(request_part, "/action").to_owned()),
            (
                "RequestClient",
                text(request_part, "/request_client").to_owned(),
            ),
            ("Nonce", inputs["nonce"].to_string()),
            ("Timestamp", inputs["timestamp"].to_string()),
            ("Version", text(request_part, "/version").to_owned()),
            ("Region", text(request_part, "/region").to_owned()),
            ("SecretId", text(inputs, "/secret_id").to_owned()),
            ("SignatureMethod", text(inputs, "/sign_method").to_owned()),
            ("Language", text(request_part, "/language").to_owned()),
            ("Signature", text(&vector, "/signature_base64").to_owned()),
        ];
        all.extend(
            common
                .into_iter()
                .map(|(key, value)| (key.to_owned(), value)),
        );
        let sent = text(&vector, "/form_or_query_encoded");
        assert_eq!(to_query_string(&all), sent, "{name}");
        assert_eq!(parse_query(sent.as_bytes()).expect("parses"), all, "{name}");
    }
}

#[test]
fn json_body_of_vector_13_4_is_the_compact_form_of_the_sdk_body() {
    let vector = vector("tc3_post_json_ses_sendemail");
    let request: SendEmail =
        serde_json::from_value(vector["request"]["params"].clone()).expect("params fit");
    let body = to_json(&request).expect("encodes");
    // The Python SDK separates with ", " and ": "; the same object written compactly.
    let sdk = text(&vector, "/url_query_or_body");
    let compact = sdk
        .replace("\", \"", "\",\"")
        .replace(", \"", ",\"")
        .replace("\": ", "\":");
    assert_eq!(String::from_utf8(body).expect("UTF-8"), compact);
    // An absent optional field is left out, not sent as null.
    assert!(!compact.contains("ReplyToAddresses"));
}

#[test]
fn sendemail_flattens_and_reads_back() {
    let vector = vector("tc3_post_json_ses_sendemail");
    let request: SendEmail =
        serde_json::from_value(vector["request"]["params"].clone()).expect("params fit");
    let flat = flatten(&request).expect("flattens");
    assert_eq!(
        flat,
        pairs(&[
            ("FromEmailAddress", "noreply@mail.example.com"),
            ("Destination.0", "user@example.com"),
            ("Subject", "Hello"),
            ("Template.TemplateID", "100"),
            ("Template.TemplateData", "{\"name\":\"Tom\"}"),
        ])
    );
    let read: SendEmail = from_pairs(&flat).expect("decodes");
    assert_eq!(read, request);
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Ocr {
    image_base64: String,
    language_type: String,
}

const PINNED_BOUNDARY: &str = "0123456789abcdef0123456789abcdef";

#[test]
fn multipart_body_of_vector_13_8_is_reproduced_byte_for_byte() {
    let vector = vector("tc3_post_multipart_ocr");
    let params = &vector["request"]["params"];
    let request = Ocr {
        image_base64: text(params, "/ImageBase64").to_owned(),
        language_type: text(params, "/LanguageType").to_owned(),
    };
    let (content_type, body) =
        multipart::to_body_with_boundary(&request, &[], PINNED_BOUNDARY).expect("encodes");
    assert_eq!(content_type, text(&vector, "/sent_headers/Content-Type"));
    assert_eq!(body, text(&vector, "/url_query_or_body").as_bytes());
    // The server side reads the same body back into the parameters the SDK was given.
    let boundary = multipart::boundary_from_content_type(&content_type).expect("has boundary");
    assert_eq!(boundary, PINNED_BOUNDARY);
    assert_eq!(multipart::parse(&body, boundary).expect("parses"), *params);
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Upload {
    image_base64: String,
    tags: Vec<String>,
    options: Options,
    page: u32,
    note: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Options {
    strict: bool,
}

#[test]
fn multipart_file_and_json_parts_follow_the_sdk_layout() {
    let request = Upload {
        image_base64: "aGVsbG8=".to_owned(),
        tags: vec!["a".to_owned(), "b".to_owned()],
        options: Options { strict: true },
        page: 3,
        note: None,
    };
    let (_, body) =
        multipart::to_body_with_boundary(&request, &["ImageBase64"], "b1").expect("encodes");
    // Protocol section 1.5: file parts carry `filename` and raw bytes ("aGVsbG8=" is "hello"),
    // lists and objects are JSON with a content type, a `None` field has no part at all.
    let expected = "--b1\r\nContent-Disposition: form-data; name=\"ImageBase64\"; \
                    filename=\"ImageBase64\"\r\n\r\nhello\r\n\
                    --b1\r\nContent-Disposition: form-data; name=\"Tags\"\r\n\
                    Content-Type: application/json\r\n\r\n[\"a\",\"b\"]\r\n\
                    --b1\r\nContent-Disposition: form-data; name=\"Options\"\r\n\
                    Content-Type: application/json\r\n\r\n{\"Strict\":true}\r\n\
                    --b1\r\nContent-Disposition: form-data; name=\"Page\"\r\n\r\n3\r\n\
                    --b1--\r\n";
    assert_eq!(String::from_utf8_lossy(&body), expected);
    let read = multipart::parse(&body, "b1").expect("parses");
    assert_eq!(
        read,
        json!({"ImageBase64": "aGVsbG8=", "Tags": ["a", "b"], "Options": {"Strict": true}, "Page": "3"})
    );
}

#[test]
fn multipart_random_boundary_is_32_lower_case_hex_and_fresh() {
    let request = Ocr {
        image_base64: "aGVsbG8=".to_owned(),
        language_type: "zh".to_owned(),
    };
    let (first, body) = multipart::to_body(&request, &[]).expect("encodes");
    let (second, _) = multipart::to_body(&request, &[]).expect("encodes");
    let boundary = first
        .strip_prefix("multipart/form-data; boundary=")
        .expect("content type names the boundary");
    assert_eq!(boundary.len(), 32);
    assert!(
        boundary
            .bytes()
            .all(|byte| matches!(byte, b'0'..=b'9' | b'a'..=b'f'))
    );
    assert_ne!(first, second);
    assert!(body.starts_with(format!("--{boundary}\r\n").as_bytes()));
    assert!(body.ends_with(format!("--{boundary}--\r\n").as_bytes()));
}

#[test]
fn multipart_rejects_bad_file_fields_and_boundaries() {
    let request = Ocr {
        image_base64: "not base64!".to_owned(),
        language_type: "zh".to_owned(),
    };
    let error = multipart::to_body_with_boundary(&request, &["ImageBase64"], "b").unwrap_err();
    assert!(error.to_string().contains("`ImageBase64`"), "{error}");
    for boundary in ["", "has space", "quote\"", &"x".repeat(71)] {
        assert!(
            multipart::to_body_with_boundary(&request, &[], boundary).is_err(),
            "{boundary:?}"
        );
    }
    let clash = Ocr {
        image_base64: "x".to_owned(),
        language_type: "--b--".to_owned(),
    };
    let error = multipart::to_body_with_boundary(&clash, &[], "b").unwrap_err();
    assert!(error.to_string().contains("`LanguageType`"), "{error}");
}

#[test]
fn special_characters_are_percent_encoded_per_rfc_3986() {
    // Expected forms: RFC 3986 unreserved set kept, UTF-8 bytes as upper-case %XX.
    let cases = [
        ("a b", "a%20b"),
        ("*", "%2A"),
        ("~", "~"),
        ("+", "%2B"),
        ("/", "%2F"),
        ("=", "%3D"),
        ("&", "%26"),
        ("%", "%25"),
        ("-._", "-._"),
        ("AZaz09", "AZaz09"),
        ("未命名", "%E6%9C%AA%E5%91%BD%E5%90%8D"),
        ("😀", "%F0%9F%98%80"),
        ("é", "%C3%A9"),
    ];
    for (raw, encoded) in cases {
        assert_eq!(percent_encode(raw), encoded, "{raw:?}");
        let query = to_query_string(&pairs(&[(raw, raw)]));
        assert_eq!(query, format!("{encoded}={encoded}"));
        assert_eq!(
            parse_query(query.as_bytes()).expect("parses"),
            pairs(&[(raw, raw)])
        );
    }
}

#[test]
fn parse_query_accepts_what_real_clients_send() {
    let read = parse_query(b"A=a+b&B=%2a%7e&C&&D=&E=x%3Dy&").expect("parses");
    assert_eq!(
        read,
        pairs(&[
            ("A", "a b"),
            ("B", "*~"),
            ("C", ""),
            ("D", ""),
            ("E", "x=y")
        ])
    );
    assert_eq!(parse_query(b"").expect("parses"), pairs(&[]));
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Shapes {
    #[serde(skip_serializing_if = "Option::is_none")]
    absent: Option<String>,
    present: Option<String>,
    #[serde(default)]
    empty: Vec<String>,
    flag: bool,
    negative: i64,
    ratio: f64,
    tiny: f32,
    kind: Kind,
    bytes: Option<serde_bytes_like::Bytes>,
    groups: Vec<Group>,
    labels: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Group {
    members: Vec<Member>,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Member {
    id: u32,
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
enum Kind {
    #[serde(rename = "TEXT")]
    Text,
}

/// A byte buffer that serializes as bytes, not as a list of numbers.
mod serde_bytes_like {
    #[derive(Debug, PartialEq)]
    pub(crate) struct Bytes(pub(crate) Vec<u8>);

    impl serde::Serialize for Bytes {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_bytes(&self.0)
        }
    }

    impl<'de> serde::Deserialize<'de> for Bytes {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct Visit;
            impl serde::de::Visitor<'_> for Visit {
                type Value = Bytes;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("bytes")
                }
                fn visit_byte_buf<E>(self, bytes: Vec<u8>) -> Result<Bytes, E> {
                    Ok(Bytes(bytes))
                }
            }
            deserializer.deserialize_byte_buf(Visit)
        }
    }
}

#[test]
fn flatten_writes_every_shape_as_section_4_says() {
    let value = Shapes {
        absent: None,
        present: Some(String::new()),
        empty: Vec::new(),
        flag: false,
        negative: i64::MIN,
        ratio: 0.1,
        tiny: 1.5,
        kind: Kind::Text,
        bytes: Some(serde_bytes_like::Bytes(b"hello".to_vec())),
        groups: vec![
            Group {
                members: vec![Member { id: 1 }, Member { id: 2 }],
            },
            Group {
                members: vec![Member { id: 3 }],
            },
        ],
        labels: [("team".to_owned(), "mail".to_owned())].into(),
    };
    let flat = flatten(&value).expect("flattens");
    assert_eq!(
        flat,
        pairs(&[
            ("Present", ""),
            ("Flag", "false"),
            ("Negative", "-9223372036854775808"),
            ("Ratio", "0.1"),
            ("Tiny", "1.5"),
            ("Kind", "TEXT"),
            ("Bytes", "aGVsbG8="),
            ("Groups.0.Members.0.Id", "1"),
            ("Groups.0.Members.1.Id", "2"),
            ("Groups.1.Members.0.Id", "3"),
            ("Labels.team", "mail"),
        ])
    );
    let read: Shapes = from_pairs(&flat).expect("decodes");
    assert_eq!(read, value);
}

#[test]
fn large_floats_are_written_without_exponent() {
    let flat = flatten(&json!({"Big": 1e21, "Small": 1e-7})).expect("flattens");
    assert_eq!(
        flat,
        pairs(&[("Big", "1000000000000000000000"), ("Small", "0.0000001")])
    );
}

#[test]
fn flatten_rejects_what_has_no_parameter_names() {
    #[derive(Serialize)]
    struct Ratio {
        #[serde(rename = "Values")]
        values: Vec<f64>,
    }
    for value in [json!([1, 2]), json!("text"), json!(3)] {
        let error = flatten(&value).unwrap_err();
        assert!(
            error.to_string().contains("must be a struct or a map"),
            "{error}"
        );
    }
    let error = flatten(&json!({"A": {"b.c": 1}})).unwrap_err();
    assert_eq!(error.parameter(), Some("A"));
    assert!(error.to_string().contains("`b.c`"), "{error}");
    let error = flatten(&json!({"A": {"": 1}})).unwrap_err();
    assert_eq!(error.parameter(), Some("A"));
    let error = flatten(&std::collections::BTreeMap::from([(1, 2)])).unwrap_err();
    assert!(
        error.to_string().contains("map keys must be text"),
        "{error}"
    );

    let error = flatten(&Ratio {
        values: vec![1.0, f64::NAN],
    })
    .unwrap_err();
    assert_eq!(error.parameter(), Some("Values.1"));
    assert!(
        error.to_string().starts_with("parameter `Values.1`: "),
        "{error}"
    );
}

#[test]
fn a_failing_serialize_impl_is_placed_at_its_parameter() {
    struct Refuses;
    impl Serialize for Refuses {
        fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            Err(serde::ser::Error::custom("refused on purpose"))
        }
    }
    #[derive(Serialize)]
    #[serde(rename_all = "PascalCase")]
    struct Holder {
        items: Vec<Inner>,
    }
    #[derive(Serialize)]
    #[serde(rename_all = "PascalCase")]
    struct Inner {
        field: Refuses,
    }
    let error = flatten(&Holder {
        items: vec![Inner { field: Refuses }],
    })
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "parameter `Items.0.Field`: refused on purpose"
    );
}

#[test]
fn to_json_value_arranges_parameters_with_text_values() {
    let sent = pairs(&[("B.C", "1"), ("A.1", "y"), ("A.0", "x"), ("D.0.E", "true")]);
    let expected = json!({"A": ["x", "y"], "B": {"C": "1"}, "D": [{"E": "true"}]});
    assert_eq!(to_json_value(&sent), expected);
    assert_eq!(try_to_json_value(&sent).expect("fits"), expected);
}

#[test]
fn to_json_value_leaves_out_what_does_not_fit() {
    // `A.B` conflicts with the earlier `A`, the second `C` repeats, `E..F` has an empty
    // segment; sparse indices stay an object keyed by index.
    let sent = pairs(&[
        ("A", "1"),
        ("A.B", "2"),
        ("C", "3"),
        ("C", "4"),
        ("E..F", "5"),
        ("L.0", "x"),
        ("L.2", "z"),
    ]);
    assert_eq!(
        to_json_value(&sent),
        json!({"A": "1", "C": "3", "L": {"0": "x", "2": "z"}})
    );
    assert!(try_to_json_value(&sent).is_err());
}

/// Decodes `query` into `SendEmail` and returns the error, which must exist.
fn send_email_error(query: &str) -> DecodeError {
    from_query::<SendEmail>(query.as_bytes()).unwrap_err()
}

const GOOD_EMAIL: &str = "FromEmailAddress=a%40b.c&Destination.0=x%40y.z&Subject=Hi";

#[test]
fn a_number_that_does_not_parse_names_its_parameter() {
    let error = send_email_error(&format!(
        "{GOOD_EMAIL}&Template.TemplateID=abc&Template.TemplateData=x"
    ));
    assert_eq!(
        error.to_string(),
        "parameter `Template.TemplateID`: expected an unsigned integer, found \"abc\""
    );
    assert_eq!(error.kind(), DecodeErrorKind::InvalidValue);
    assert_eq!(error.parameter(), Some("Template.TemplateID"));
}

#[test]
fn a_missing_required_parameter_is_named_with_its_full_path() {
    let error = send_email_error(&format!("{GOOD_EMAIL}&Template.TemplateData=x"));
    assert_eq!(error.kind(), DecodeErrorKind::Missing);
    assert_eq!(error.parameter(), Some("Template.TemplateID"));
    let error = send_email_error("Destination.0=x&Subject=Hi");
    assert_eq!(error.parameter(), Some("FromEmailAddress"));
}

#[test]
fn structural_errors_name_the_parameters_involved() {
    let cases: [(&str, &str, &[&str]); 7] = [
        ("A.0=x&A.2=y", "A.2", &["index 1 is missing"]),
        ("A.1=x", "A.1", &["index 0 is missing"]),
        ("A=1&A.B=2", "A", &["`A.B`", "both a value and nested"]),
        ("A.B=2&A=1", "A", &["both a value and nested"]),
        ("A=1&A=2", "A", &["more than once"]),
        ("A.01=x", "A.01", &["leading zero"]),
        ("A..B=x", "A..B", &["empty segment"]),
    ];
    for (query, parameter, phrases) in cases {
        let error = try_to_json_value(&parse_query(query.as_bytes()).expect("parses")).unwrap_err();
        assert_eq!(error.kind(), DecodeErrorKind::Structure, "{query}");
        assert_eq!(error.parameter(), Some(parameter), "{query}");
        let message = error.to_string();
        assert!(
            message.starts_with(&format!("parameter `{parameter}`: ")),
            "{message}"
        );
        for phrase in phrases {
            assert!(message.contains(phrase), "{query}: {message}");
        }
    }
    let deep = vec!["A"; 40].join(".") + "=x";
    let error = try_to_json_value(&parse_query(deep.as_bytes()).expect("parses")).unwrap_err();
    assert!(error.to_string().contains("deeper than"), "{error}");
}

#[test]
fn bad_percent_encoding_and_non_utf8_name_the_parameter() {
    let cases: [(&[u8], &str); 6] = [
        (b"A=%zz", "parameter `A`: invalid percent-encoding"),
        (b"Ok=1&A=ab%4", "parameter `A`: invalid percent-encoding"),
        (b"A=%", "parameter `A`: invalid percent-encoding"),
        (b"A=%FF", "parameter `A`: the value is not UTF-8"),
        (b"A=\xff", "parameter `A`: the value is not UTF-8"),
        (b"%zz=1", "parameter name \"%zz\": invalid percent-encoding"),
    ];
    for (query, start) in cases {
        let error = parse_query(query).unwrap_err();
        assert_eq!(error.kind(), DecodeErrorKind::Malformed);
        assert!(error.to_string().starts_with(start), "{error}");
    }
    assert!(
        parse_query(b"=1")
            .unwrap_err()
            .to_string()
            .contains("empty name")
    );
}

#[test]
fn values_of_signature_and_token_never_appear_in_errors() {
    #[derive(Debug, Deserialize)]
    struct Signed {
        #[serde(rename = "Signature")]
        _signature: u64,
        #[serde(rename = "Token")]
        _token: Option<bool>,
    }
    let secret = "c2VjcmV0LXNpZ25hdHVyZQ";
    let error = from_query::<Signed>(format!("Signature={secret}").as_bytes()).unwrap_err();
    assert_eq!(error.parameter(), Some("Signature"));
    assert!(!error.to_string().contains(secret), "{error}");
    assert!(!format!("{error:?}").contains(secret), "{error:?}");
    let error = from_query::<Signed>(format!("Signature=1&Token={secret}").as_bytes()).unwrap_err();
    assert_eq!(error.parameter(), Some("Token"));
    assert!(!format!("{error} {error:?}").contains(secret));
    let error = parse_query(format!("Token={secret}%G0").as_bytes()).unwrap_err();
    assert!(!error.to_string().contains(secret));
}

#[test]
fn decoding_parses_numbers_booleans_and_enums_from_text() {
    #[derive(Debug, PartialEq, Deserialize)]
    struct Typed {
        small: u8,
        on: bool,
        off: bool,
        kind: Kind,
        ratio: f64,
    }
    let read: Typed = from_query(b"small=255&on=true&off=False&kind=TEXT&ratio=-2.5").expect("ok");
    assert_eq!(
        read,
        Typed {
            small: 255,
            on: true,
            off: false,
            kind: Kind::Text,
            ratio: -2.5
        }
    );
    let error = from_query::<Typed>(b"small=256&on=true&off=false&kind=TEXT&ratio=1").unwrap_err();
    assert_eq!(
        error.to_string(),
        "parameter `small`: expected an integer from 0 to 255, found \"256\""
    );
    let error = from_query::<Typed>(b"small=1&on=yes&off=false&kind=TEXT&ratio=1").unwrap_err();
    assert_eq!(error.parameter(), Some("on"));
    let error = from_query::<Typed>(b"small=1&on=true&off=false&kind=HTML&ratio=1").unwrap_err();
    assert_eq!(
        error.to_string(),
        "parameter `kind`: expected one of `TEXT`, found \"HTML\""
    );
    let error = from_query::<Typed>(b"small=1&on=true&off=false&kind=TEXT&ratio=NaN").unwrap_err();
    assert_eq!(error.parameter(), Some("ratio"));
    let error = from_query::<Typed>(b"small.0=1&on=true&off=false&kind=TEXT&ratio=1").unwrap_err();
    assert_eq!(
        error.to_string(),
        "parameter `small`: expected an unsigned integer, found a list"
    );
}

#[test]
fn unknown_parameters_are_reported_for_strict_types() {
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Strict {
        #[serde(rename = "Known")]
        _known: String,
    }
    let error = from_query::<Strict>(b"Known=1&Extra.Deep=2").unwrap_err();
    assert_eq!(error.kind(), DecodeErrorKind::Unknown);
    assert_eq!(error.parameter(), Some("Extra"));
}

#[test]
fn malformed_multipart_bodies_are_reported_not_panicked_on() {
    let part = "--b\r\nContent-Disposition: form-data; name=\"A\"\r\n\r\nx\r\n";
    let cases: [(String, &str); 6] = [
        (part.to_owned(), "not closed"),
        ("no boundary here".to_owned(), "never mentions its boundary"),
        ("--b\r\nX-Other: 1\r\n\r\nx\r\n--b--\r\n".to_owned(), "no `Content-Disposition`"),
        ("--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--\r\n".to_owned(), "no field name"),
        (format!("{part}{part}--b--\r\n"), "parameter `A`: the multipart field is given more than once"),
        (
            "--b\r\nContent-Disposition: form-data; name=\"J\"\r\nContent-Type: application/json\r\n\r\n{\r\n--b--\r\n"
                .to_owned(),
            "parameter `J`: the part says it is JSON",
        ),
    ];
    for (body, phrase) in cases {
        let error = multipart::parse(body.as_bytes(), "b").unwrap_err();
        assert!(error.to_string().contains(phrase), "{body:?}: {error}");
    }
    assert_eq!(
        multipart::parse(b"", "b").expect("empty is no fields"),
        json!({})
    );
    assert!(multipart::boundary_from_content_type("application/json").is_err());
    assert!(multipart::boundary_from_content_type("multipart/form-data").is_err());
    assert_eq!(
        multipart::boundary_from_content_type("Multipart/Form-Data; boundary=\"q-1\"").expect("ok"),
        "q-1"
    );
}
