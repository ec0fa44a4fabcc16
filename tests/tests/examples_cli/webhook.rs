//! `webhook_server`: the router answers 200 for event bodies and 400 with the reason otherwise.

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use tencentcloud_examples::webhook;
use tower::ServiceExt as _;

async fn post(app: Router, path: &str, body: &'static str) -> (StatusCode, String) {
    let request = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header("content-type", "application/json")
        .body(Body::from(body))
        .expect("a valid test request");
    let response = app.oneshot(request).await.expect("routers do not fail");
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .expect("the answer is readable");
    (status, String::from_utf8_lossy(&bytes).into_owned())
}

#[tokio::test]
async fn the_webhook_answers_200_for_events_and_400_with_the_reason_otherwise() {
    let app = webhook::router(webhook::DEFAULT_PATH).expect("the default path is valid");
    let path = webhook::DEFAULT_PATH;

    let one =
        r#"{"event":"delivered","email":"ann@example.com","timestamp":1700000000,"bulkId":"m-1"}"#;
    assert_eq!(
        post(app.clone(), path, one).await,
        (StatusCode::OK, "received 1 event(s)\n".to_owned())
    );
    let two = r#"[{"event":"open","email":"a@example.com","timestamp":1},
                  {"event":"bounce","email":"b@example.com","timestamp":2,"bounceType":"hard_bounce"}]"#;
    assert_eq!(post(app.clone(), path, two).await.0, StatusCode::OK);

    let (status, reason) = post(app.clone(), path, "{\"event\":").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(reason.contains("not valid JSON"), "{reason}");
    let (status, reason) = post(app.clone(), path, r#"{"event":"click","timestamp":3}"#).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(reason.contains("`email`"), "{reason}");
    let (status, reason) = post(app.clone(), path, "[1]").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(reason.contains("JSON object"), "{reason}");

    assert_eq!(post(app, "/elsewhere", one).await.0, StatusCode::NOT_FOUND);
}

#[test]
fn the_webhook_path_is_checked_instead_of_panicking() {
    for bad in [
        "",
        "ses/events",
        "/ses/{id}",
        "/a//b",
        "/ses events",
        "/*rest",
    ] {
        assert!(webhook::router(bad).is_err(), "{bad:?} was accepted");
    }
    assert!(webhook::router("/hooks/3f9c1d-secret").is_ok());
    // The path is the endpoint's secret: a refusal says what is wrong, not the path.
    for (bad, reason) in [
        ("hooks/3f9c1d-secret", "does not start with `/`"),
        ("/hooks//3f9c1d-secret", "holds `//`"),
        ("/hooks/3f9c1d-secret+x", "a character outside"),
    ] {
        let Err(error) = webhook::router(bad) else {
            panic!("{bad:?} was accepted");
        };
        let (text, debug) = (error.to_string(), format!("{error:?}"));
        assert!(text.contains(reason), "{text}");
        assert!(
            !text.contains("3f9c1d") && !debug.contains("3f9c1d"),
            "{text} / {debug}"
        );
    }
}

/// The examples read their command line without repeating an argument clap does not expect:
/// after `--path= /ses/3f9c…`, that argument is the secret path.
#[test]
fn an_unexpected_argument_is_not_repeated() {
    #[derive(Debug, clap::Parser)]
    struct Args {
        #[arg(long)]
        path: String,
    }
    let error = tencentcloud_examples::try_parse_args_from::<Args, _, _>([
        "webhook_server",
        "--path=",
        "/ses/3f9c1d-secret",
    ])
    .unwrap_err();
    assert_eq!(error.kind(), clap::error::ErrorKind::UnknownArgument);
    let text = error.to_string();
    assert!(text.contains("unexpected argument"), "{text}");
    assert!(!text.contains("3f9c1d"), "{text}");
    let parsed: Args =
        tencentcloud_examples::try_parse_args_from(["webhook_server", "--path", "/a"]).unwrap();
    assert_eq!(parsed.path, "/a");
}
