//! Every error is problem+json, whatever the client sends.

use reqwest::StatusCode;
use serde_json::json;

use crate::common::{key, problem, start};

#[tokio::test]
async fn unknown_routes_and_methods_are_problems() {
    let env = start().await;
    let missing = env
        .http
        .get(env.url("/v1/nothing-here"))
        .send()
        .await
        .unwrap();
    problem(missing, StatusCode::NOT_FOUND, "not-found").await;
    let root = env.http.get(env.url("/")).send().await.unwrap();
    problem(root, StatusCode::NOT_FOUND, "not-found").await;
    let method = env.http.delete(env.url("/v1/health")).send().await.unwrap();
    problem(method, StatusCode::METHOD_NOT_ALLOWED, "method-not-allowed").await;
    let ticket = env.get("/v1/tickets/not-a-uuid").send().await.unwrap();
    problem(ticket, StatusCode::NOT_FOUND, "not-found").await;
}

#[tokio::test]
async fn malformed_json_wrong_shape_and_wrong_content_type() {
    let env = start().await;
    let broken = env
        .http
        .post(env.url("/v1/bookings"))
        .bearer_auth(&env.token)
        .header("Idempotency-Key", key())
        .header("content-type", "application/json")
        .body("{\"location_id\": ")
        .send()
        .await
        .unwrap();
    problem(broken, StatusCode::BAD_REQUEST, "malformed-json").await;
    let shape = env.send("/v1/bookings", &json!({"location_id": 5})).await;
    problem(shape, StatusCode::UNPROCESSABLE_ENTITY, "invalid-body").await;
    let text = env
        .http
        .post(env.url("/v1/tickets"))
        .bearer_auth(&env.token)
        .header("Idempotency-Key", key())
        .header("content-type", "text/plain")
        .body("booking_code=ABC")
        .send()
        .await
        .unwrap();
    problem(
        text,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
    )
    .await;
    let status = env
        .http
        .put(env.url("/v1/kiosks/me/status"))
        .bearer_auth(&env.token)
        .body("{}")
        .send()
        .await
        .unwrap();
    problem(
        status,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
    )
    .await;
}

#[tokio::test]
async fn oversized_bodies_get_413() {
    let env = start().await;
    let huge = format!("{{\"booking_code\": \"{}\"}}", "A".repeat(300 * 1024));
    let post = env
        .http
        .post(env.url("/v1/tickets"))
        .bearer_auth(&env.token)
        .header("Idempotency-Key", key())
        .header("content-type", "application/json")
        .body(huge.clone())
        .send()
        .await
        .unwrap();
    problem(post, StatusCode::PAYLOAD_TOO_LARGE, "payload-too-large").await;
    let put = env
        .http
        .put(env.url("/v1/kiosks/me/status"))
        .bearer_auth(&env.token)
        .header("content-type", "application/json")
        .body(huge)
        .send()
        .await
        .unwrap();
    problem(put, StatusCode::PAYLOAD_TOO_LARGE, "payload-too-large").await;
}

#[tokio::test]
async fn state_changing_posts_need_an_idempotency_key() {
    let env = start().await;
    let response = env
        .http
        .post(env.url("/v1/tickets"))
        .bearer_auth(&env.token)
        .json(&json!({"booking_code": "ABCDEFGHJK"}))
        .send()
        .await
        .unwrap();
    problem(response, StatusCode::BAD_REQUEST, "idempotency-key-missing").await;
    let not_uuid = env
        .send_with_key("/v1/tickets", &json!({"booking_code": "ABCDEFGHJK"}), "abc")
        .await;
    problem(not_uuid, StatusCode::BAD_REQUEST, "bad-request").await;
}

#[tokio::test]
async fn bad_query_parameters_are_400() {
    let env = start().await;
    let no_dates = env
        .get("/v1/slots?location=town-hall&product=passport")
        .send()
        .await
        .unwrap();
    problem(no_dates, StatusCode::BAD_REQUEST, "bad-request").await;
    let bad_date = env
        .get("/v1/slots?location=town-hall&product=passport&from=2026-02-30&to=2026-03-01")
        .send()
        .await
        .unwrap();
    problem(bad_date, StatusCode::BAD_REQUEST, "bad-request").await;
    let arrivals = env
        .get("/v1/kiosks/me/arrivals?day=tomorrow")
        .send()
        .await
        .unwrap();
    problem(arrivals, StatusCode::BAD_REQUEST, "bad-request").await;
}
