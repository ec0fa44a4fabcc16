//! Arbitrary input to every parser of configuration and wire data returns a value or an error,
//! never a panic: regions, endpoint URLs and root domains, credentials files, response bodies,
//! and the server-side readers of `Authorization` headers and parameters.

use proptest::prelude::*;
use tencentcloud_core::credentials::env::Environment;
use tencentcloud_core::credentials::{DefaultChain, ProfileFileProvider, ProvideCredentials};
use tencentcloud_core::endpoint::{EndpointConfig, resolve};
use tencentcloud_core::response::decode;
use tencentcloud_core::sign::verify::{StoredKey, Tc3Request, verify_tc3};
use tencentcloud_core::{Credentials, Region, encode};

fn no_keys(_: &str) -> Option<StoredKey> {
    None
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn regions_parse_or_explain(text in ".{0,80}") {
        match Region::new(text.clone()) {
            Ok(region) => prop_assert_eq!(region.as_str(), text.as_str()),
            Err(e) => prop_assert!(e.to_string().contains("a region looks like")),
        }
    }

    #[test]
    fn endpoints_resolve_or_explain(url in ".{0,80}", root in "[a-z.\\-/ ]{0,30}", service in "[a-zA-Z0-9.]{0,12}") {
        let _ = resolve(&service, None, &EndpointConfig::url(url.clone()));
        let _ = resolve(&service, Some(&Region::AP_GUANGZHOU), &EndpointConfig::RootDomain(root));
        let _ = resolve("ses", None, &EndpointConfig::Url { url, allow_insecure_http: true });
    }

    #[test]
    fn credentials_values_are_checked_not_trusted(id in "\\PC{0,20}|\\s.{0,5}", key in ".{0,20}") {
        let _ = Credentials::new(id, key);
    }

    #[test]
    fn credentials_files_parse_or_explain(contents in proptest::collection::vec(any::<u8>(), 0..400)) {
        let path = std::env::temp_dir().join(format!("tc-fuzz-creds-{}-{}", std::process::id(), fastrand_suffix(&contents)));
        std::fs::write(&path, &contents).unwrap();
        let env = Environment::from_pairs([("TENCENTCLOUD_CREDENTIALS_FILE", path.display().to_string())]);
        let provider = ProfileFileProvider::new(env.clone());
        let mut future = provider.provide_credentials();
        let polled = future.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop()));
        prop_assert!(polled.is_ready());
        let _ = DefaultChain::new(env).resolve();
        std::fs::remove_file(&path).unwrap();
    }

    #[test]
    fn response_bodies_decode_or_explain(body in proptest::collection::vec(any::<u8>(), 0..300), status in 100u16..600) {
        let _ = decode::<serde_json::Value>(status, &body);
    }

    #[test]
    fn json_shaped_response_bodies_decode_or_explain(body in r#"\{("Response":)?[\[\]{}":,a-zA-Z0-9 ]{0,60}\}?"#) {
        let _ = decode::<serde_json::Value>(200, body.as_bytes());
    }

    #[test]
    fn authorization_headers_and_parameters_are_checked_not_trusted(
        authorization in ".{0,200}",
        timestamp in ".{0,12}",
        query in proptest::collection::vec(any::<u8>(), 0..200),
    ) {
        let headers = vec![
            ("Authorization".to_owned(), authorization.into_bytes()),
            ("X-TC-Timestamp".to_owned(), timestamp.into_bytes()),
            ("Content-Type".to_owned(), b"application/json".to_vec()),
            ("Host".to_owned(), b"ses.tencentcloudapi.com".to_vec()),
        ];
        let request = Tc3Request {
            method: "POST",
            host: "ses.tencentcloudapi.com",
            path: "/",
            query: "",
            headers: &headers,
            body: b"{}",
        };
        prop_assert!(verify_tc3(&request, "ses", 1_700_000_000, &no_keys).is_err());
        let _ = encode::parse_query(&query);
        if let Ok(pairs) = encode::parse_query(&query) {
            let _ = encode::from_pairs::<serde_json::Value>(&pairs);
            let _ = encode::to_json_value(&pairs);
        }
    }
}

/// A file-name suffix that differs between cases run in parallel.
fn fastrand_suffix(contents: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in contents {
        hash = (hash ^ u64::from(*byte)).wrapping_mul(0x100_0000_01b3);
    }
    format!("{hash:016x}")
}
