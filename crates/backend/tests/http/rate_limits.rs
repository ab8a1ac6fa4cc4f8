//! Per-kiosk rate limits on holds, eID challenges, ticket blocks and walk-in numbers: 429
//! `too-many-attempts` with `Retry-After` past the limit, the window measured on the server's
//! (manual) clock, another kiosk untouched, a refused key free to be retried later.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{Env, MONDAY_MORNING, booking_body, key, problem, start, start_with};

/// Monday 23 March 2026, 09:00 in Brussels: the town hall gives walk-in numbers.
const MONDAY_NINE: &str = "2026-03-23T09:00:00+01:00";

fn hold_body() -> Value {
    // The same slot each time: the first is held, the others get 409; each one counts.
    booking_body("town-hall", "passport", 1, "2026-03-24T10:00:00+01:00")
}

fn block_body() -> Value {
    json!({"queue_service_id": "travel", "day": "2026-03-23", "size": 5})
}

/// Sends `count` requests that the limit lets through (any answer but 429).
async fn use_up(env: &Env, token: &str, path: &str, body: &Value, count: u32) {
    for n in 1..=count {
        let response = env.send_as(token, path, body).await;
        assert_ne!(
            response.status(),
            StatusCode::TOO_MANY_REQUESTS,
            "{path}: request {n} of {count} refused"
        );
    }
}

/// The 429 problem, its `Retry-After` in seconds and what the limit is on.
async fn refused(response: reqwest::Response) -> (i64, String) {
    let retry_after: i64 = response
        .headers()
        .get("retry-after")
        .expect("a Retry-After header")
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let body = problem(response, StatusCode::TOO_MANY_REQUESTS, "too-many-attempts").await;
    (retry_after, body["limit"].as_str().unwrap().to_owned())
}

#[tokio::test]
async fn the_31st_hold_in_ten_minutes_is_refused_until_the_first_leaves_the_window() {
    let env = start().await;
    let token = env.token.clone();
    use_up(&env, &token, "/v1/bookings", &hold_body(), 1).await;
    env.advance_minutes(4);
    use_up(&env, &token, "/v1/bookings", &hold_body(), 29).await;
    let (retry_after, limit) = refused(env.send("/v1/bookings", &hold_body()).await).await;
    assert_eq!(limit, "holds");
    assert_eq!(
        retry_after,
        6 * 60,
        "the first hold leaves the window in 6 minutes"
    );

    // Another kiosk has its own count.
    let other = env.enrol("town-hall", "kiosk-hw-2").await;
    let response = env.send_as(&other, "/v1/bookings", &hold_body()).await;
    assert_eq!(
        response.status(),
        StatusCode::CONFLICT,
        "slot-taken, not 429"
    );

    env.advance_minutes(6);
    use_up(&env, &token, "/v1/bookings", &hold_body(), 1).await;
    let (_, limit) = refused(env.send("/v1/bookings", &hold_body()).await).await;
    assert_eq!(limit, "holds", "only one left the window");
}

#[tokio::test]
async fn a_refused_request_is_not_kept_under_its_key_so_the_retry_goes_through_later() {
    let env = start().await;
    let token = env.token.clone();
    use_up(&env, &token, "/v1/eid-challenges", &json!({}), 30).await;
    let retried = key();
    let first = env
        .send_with_key("/v1/eid-challenges", &json!({}), &retried)
        .await;
    let (retry_after, limit) = refused(first).await;
    assert_eq!((retry_after, limit.as_str()), (600, "eid-challenges"));
    env.advance_minutes(10);
    let again = env
        .send_with_key("/v1/eid-challenges", &json!({}), &retried)
        .await;
    assert_eq!(again.status(), StatusCode::CREATED);
    assert!(again.headers().get("idempotent-replayed").is_none());
}

#[tokio::test]
async fn ticket_blocks_are_limited_to_twenty_an_hour() {
    let env = start().await;
    let token = env.token.clone();
    use_up(
        &env,
        &token,
        "/v1/kiosks/me/ticket-blocks",
        &block_body(),
        20,
    )
    .await;
    let (retry_after, limit) =
        refused(env.send("/v1/kiosks/me/ticket-blocks", &block_body()).await).await;
    assert_eq!((retry_after, limit.as_str()), (3_600, "ticket-blocks"));
    env.advance_minutes(59);
    let still = env.send("/v1/kiosks/me/ticket-blocks", &block_body()).await;
    assert_eq!(still.status(), StatusCode::TOO_MANY_REQUESTS);
    env.advance_minutes(1);
    let response = env.send("/v1/kiosks/me/ticket-blocks", &block_body()).await;
    assert_eq!(response.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn walk_in_numbers_follow_the_configured_limit() {
    let env = start_with(MONDAY_NINE, |config| {
        config.kiosk_limits.walk_ins = Some(kiosk_backend::Limit::new(5, 60));
    })
    .await;
    let body = json!({"queue_service_id": "collect"});
    let token = env.token.clone();
    use_up(&env, &token, "/v1/walk-in-tickets", &body, 5).await;
    let (retry_after, limit) = refused(env.send("/v1/walk-in-tickets", &body).await).await;
    assert_eq!((retry_after, limit.as_str()), (60, "walk-ins"));
    let other = env.enrol("town-hall", "kiosk-hw-2").await;
    let theirs = env.send_as(&other, "/v1/walk-in-tickets", &body).await;
    assert_eq!(theirs.status(), StatusCode::CREATED);
    env.advance_minutes(1);
    let ours = env.send("/v1/walk-in-tickets", &body).await;
    assert_eq!(ours.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn limits_off_let_a_load_bench_through() {
    let env = start_with(MONDAY_MORNING, |config| {
        config.kiosk_limits = kiosk_backend::KioskLimits::off();
    })
    .await;
    let token = env.token.clone();
    use_up(&env, &token, "/v1/eid-challenges", &json!({}), 100).await;
    use_up(&env, &token, "/v1/bookings", &hold_body(), 100).await;
}
