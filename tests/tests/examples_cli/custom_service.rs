//! `custom_service`: the CVM and SMS declarations produce requests that the server-side
//! verifier accepts, encoded as the protocol describes.

use serde_json::{Value, json};
use tencentcloud_core::clock::FixedClock;
use tencentcloud_core::encode::parse_query;
use tencentcloud_core::sign::verify::{
    LegacyRequest, Tc3Request, VerifiedCaller, verify_legacy, verify_tc3,
};
use tencentcloud_core::{CallOptions, Client, Credentials, PreparedRequest, Region, SigningScheme};
use tencentcloud_examples::cvm::{DescribeInstances, DescribeRegions, Filter};
use tencentcloud_examples::sms::SendSms;

use crate::{SECRET_ID, SECRET_KEY, store};

const FIXED_TIME: u64 = 1_700_000_000;

async fn prepare<A: tencentcloud_core::Action>(action: &A) -> PreparedRequest {
    let client = Client::builder()
        .credentials(Credentials::new(SECRET_ID, SECRET_KEY).expect("valid test credentials"))
        .region(Region::AP_GUANGZHOU)
        .clock(FixedClock(FIXED_TIME))
        .build()
        .expect("the client builds");
    client
        .prepare_with(action, &CallOptions::new())
        .await
        .expect("the request can be prepared")
}

fn verify_prepared_tc3(request: &PreparedRequest, service: &str) -> Result<VerifiedCaller, String> {
    let tc3 = Tc3Request {
        method: request.method().as_str(),
        host: request.uri().host().unwrap_or_default(),
        path: request.uri().path(),
        query: request.uri().query().unwrap_or_default(),
        headers: request.headers(),
        body: request.body(),
    };
    verify_tc3(&tc3, service, FIXED_TIME, &store()).map_err(|e| e.to_string())
}

#[tokio::test]
async fn describe_regions_is_a_v1_get_that_verifies() {
    let request = prepare(&DescribeRegions {}).await;
    assert_eq!(request.method().as_str(), "GET");
    assert_eq!(request.uri().host(), Some("cvm.tencentcloudapi.com"));
    assert!(request.body().is_empty());
    let params = parse_query(request.uri().query().unwrap_or_default().as_bytes())
        .expect("the query string decodes");
    let value = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(value("Action"), Some("DescribeRegions"));
    assert_eq!(value("Version"), Some("2017-03-12"));
    assert_eq!(value("SignatureMethod"), Some("HmacSHA256"));
    let legacy = LegacyRequest {
        method: "GET",
        host: "cvm.tencentcloudapi.com",
        path: "/",
        params: &params,
    };
    let caller = verify_legacy(&legacy, FIXED_TIME, &store()).expect("the signature verifies");
    assert_eq!(caller.scheme, SigningScheme::HmacSha256);

    // The same parameters with one value changed no longer verify.
    let mut tampered = params.clone();
    for (name, value) in &mut tampered {
        if name == "Region" {
            *value = "ap-shanghai".to_owned();
        }
    }
    let legacy = LegacyRequest {
        params: &tampered,
        ..legacy
    };
    assert!(verify_legacy(&legacy, FIXED_TIME, &store()).is_err());
}

#[tokio::test]
async fn describe_instances_flattens_filters_into_a_signed_query() {
    let request = prepare(&DescribeInstances {
        instance_ids: None,
        filters: Some(vec![Filter {
            name: "zone".to_owned(),
            values: vec!["ap-guangzhou-3".to_owned(), "ap-guangzhou-4".to_owned()],
        }]),
        offset: None,
        limit: Some(20),
    })
    .await;
    assert_eq!(request.method().as_str(), "GET");
    let params = parse_query(request.uri().query().unwrap_or_default().as_bytes())
        .expect("the query string decodes");
    // Flattening as the protocol describes it: list items by zero-based index, nested by dot.
    let expected = [
        ("Filters.0.Name", "zone"),
        ("Filters.0.Values.0", "ap-guangzhou-3"),
        ("Filters.0.Values.1", "ap-guangzhou-4"),
        ("Limit", "20"),
    ];
    for (name, value) in expected {
        assert!(
            params.iter().any(|(k, v)| k == name && v == value),
            "{name}={value} missing from {params:?}"
        );
    }
    assert_eq!(params.len(), expected.len(), "{params:?}");
    let caller = verify_prepared_tc3(&request, "cvm").expect("the signature verifies");
    assert_eq!(caller.scheme, SigningScheme::Tc3HmacSha256);
    assert!(
        verify_prepared_tc3(&request, "sms").is_err(),
        "signed for cvm only"
    );
}

#[tokio::test]
async fn send_sms_is_a_tc3_json_post_that_verifies() {
    let request = prepare(&SendSms {
        phone_number_set: vec!["+8613800000000".to_owned()],
        sms_sdk_app_id: "1400000000".to_owned(),
        template_id: "449739".to_owned(),
        sign_name: None,
        template_param_set: Some(vec!["1234".to_owned()]),
        session_context: None,
    })
    .await;
    assert_eq!(request.method().as_str(), "POST");
    assert_eq!(request.uri().host(), Some("sms.tencentcloudapi.com"));
    let body: Value = serde_json::from_slice(request.body()).expect("the body is JSON");
    assert_eq!(
        body,
        json!({
            "PhoneNumberSet": ["+8613800000000"],
            "SmsSdkAppId": "1400000000",
            "TemplateId": "449739",
            "TemplateParamSet": ["1234"]
        })
    );
    assert_eq!(
        request
            .headers()
            .get("x-tc-version")
            .map(axum::http::HeaderValue::as_bytes),
        Some(&b"2021-01-11"[..])
    );
    verify_prepared_tc3(&request, "sms").expect("the signature verifies");
}
