//! Idempotency-Key beyond bookings: in progress, replays of check-ins and event batches.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{key, problem, start};

#[tokio::test]
async fn a_key_still_in_progress_gets_409() {
    let env = start().await;
    let body = json!({"booking_code": "ABCDEFGHJK"});
    let idempotency_key = key();
    // The first request with this key is still running (a row without a response yet).
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let kiosk_id: String = conn
        .query_row("SELECT id FROM kiosks", [], |r| r.get(0))
        .unwrap();
    conn.execute(
        "INSERT INTO idempotency_keys (scope, key, body_digest, created_s) VALUES (?1, ?2, 'other', ?3)",
        rusqlite::params![kiosk_id, idempotency_key, env.clock.now().as_second()],
    )
    .unwrap();
    let reused = env
        .send_with_key("/v1/tickets", &body, &idempotency_key)
        .await;
    problem(
        reused,
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency-key-reused",
    )
    .await;
    // Same body: learn the digest the server computes by letting it store one, then mark it running.
    let running_key = key();
    let first = env.send_with_key("/v1/tickets", &body, &running_key).await;
    assert_eq!(first.status(), StatusCode::NOT_FOUND);
    conn.execute(
        "UPDATE idempotency_keys SET status = NULL, body = NULL WHERE key = ?1",
        [&running_key],
    )
    .unwrap();
    let in_progress = env.send_with_key("/v1/tickets", &body, &running_key).await;
    problem(
        in_progress,
        StatusCode::CONFLICT,
        "idempotency-key-in-progress",
    )
    .await;
    // A request that died long ago does not block its key for ever.
    env.advance_minutes(5);
    let retried = env.send_with_key("/v1/tickets", &body, &running_key).await;
    problem(retried, StatusCode::NOT_FOUND, "booking-not-found").await;
}

#[tokio::test]
async fn a_replayed_check_in_returns_the_stored_201() {
    let env = start().await;
    let booking = env
        .book("town-hall", "passport", 1, "2026-03-24T10:00:00+01:00")
        .await;
    env.set_now("2026-03-24T09:45:00+01:00");
    let body = json!({"booking_code": booking["code"]});
    let idempotency_key = key();
    let first = env
        .send_with_key("/v1/tickets", &body, &idempotency_key)
        .await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Value = first.json().await.unwrap();
    let replay = env
        .send_with_key("/v1/tickets", &body, &idempotency_key)
        .await;
    assert_eq!(
        replay.status(),
        StatusCode::CREATED,
        "the stored response, status included"
    );
    assert_eq!(replay.headers()["idempotent-replayed"], "true");
    assert_eq!(replay.json::<Value>().await.unwrap(), first);
    let fresh = env.send("/v1/tickets", &body).await;
    assert_eq!(
        fresh.status(),
        StatusCode::OK,
        "a new key is a second check-in: same ticket, 200"
    );
}

#[tokio::test]
async fn errors_are_replayed_too_for_at_least_24_hours() {
    let env = start().await;
    let body = json!({"booking_code": "ABCDEFGHJK"});
    let idempotency_key = key();
    let first = env
        .send_with_key("/v1/tickets", &body, &idempotency_key)
        .await;
    problem(first, StatusCode::NOT_FOUND, "booking-not-found").await;
    env.advance_minutes(23 * 60);
    let replay = env
        .send_with_key("/v1/tickets", &body, &idempotency_key)
        .await;
    assert_eq!(
        replay.headers()["idempotent-replayed"],
        "true",
        "kept at least 24 h"
    );
    problem(replay, StatusCode::NOT_FOUND, "booking-not-found").await;
    env.advance_minutes(26 * 60);
    let much_later = env
        .send_with_key("/v1/tickets", &body, &idempotency_key)
        .await;
    assert!(
        much_later.headers().get("idempotent-replayed").is_none(),
        "forgotten after 48 h"
    );
}
