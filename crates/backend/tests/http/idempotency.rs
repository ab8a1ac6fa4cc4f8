//! Idempotency-Key beyond bookings: another body, a duplicate while running, replays of check-ins.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{key, problem, start};

#[tokio::test]
async fn a_key_answered_for_another_body_gets_422() {
    let env = start().await;
    let body = json!({"booking_code": "ABCDEFGHJK"});
    let idempotency_key = key();
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let kiosk_id: String = conn
        .query_row("SELECT id FROM kiosks", [], |r| r.get(0))
        .unwrap();
    conn.execute(
        "INSERT INTO idempotency_keys (scope, key, body_digest, status, content_type, body, created_s)
         VALUES (?1, ?2, 'other', 201, 'application/json', x'7b7d', ?3)",
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
}

/// While a request runs, a second one with its key is told 409 and does not run beside it. The
/// test holds SQLite's write lock, so whichever of the two gets in first waits in its transaction.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_duplicate_of_a_running_request_gets_409_and_changes_nothing() {
    let env = start().await;
    let booking = env
        .book("town-hall", "passport", 1, "2026-03-24T10:00:00+01:00")
        .await;
    env.set_now("2026-03-24T09:45:00+01:00");
    let body = json!({"booking_code": booking["code"]});
    let idempotency_key = key();
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    let mut one = tokio::spawn(
        env.post_with_key("/v1/tickets", &body, &idempotency_key)
            .send(),
    );
    let mut two = tokio::spawn(
        env.post_with_key("/v1/tickets", &body, &idempotency_key)
            .send(),
    );
    let (turned_away, running) = tokio::select! {
        r = &mut one => (r, two),
        r = &mut two => (r, one),
    };
    problem(
        turned_away.unwrap().unwrap(),
        StatusCode::CONFLICT,
        "idempotency-key-in-progress",
    )
    .await;
    conn.execute_batch("ROLLBACK").unwrap();
    let checked_in = running.await.unwrap().unwrap();
    assert_eq!(checked_in.status(), StatusCode::CREATED);
    let tickets: i64 = conn
        .query_row("SELECT COUNT(*) FROM tickets", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tickets, 1);
    let replay = env
        .send_with_key("/v1/tickets", &body, &idempotency_key)
        .await;
    assert_eq!(replay.status(), StatusCode::CREATED);
    assert_eq!(replay.headers()["idempotent-replayed"], "true");
}

/// The key is written with the effect, never ahead of it: no row says "in progress".
#[tokio::test]
async fn a_key_is_stored_only_with_its_answer() {
    let env = start().await;
    env.book("town-hall", "passport", 1, "2026-03-24T10:00:00+01:00")
        .await;
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let (all, unanswered): (i64, i64) = conn
        .query_row(
            "SELECT COUNT(*), COUNT(*) FILTER (WHERE status IS NULL OR body IS NULL) FROM idempotency_keys",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((all, unanswered), (2, 0), "hold and confirm, both answered");
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

/// A request that failed on the server (5xx) decided nothing: its key is not kept, so the kiosk's
/// retry with the same key is carried out once the fault is gone, not told the old failure.
#[tokio::test]
async fn a_key_whose_request_failed_on_the_server_can_be_used_again() {
    let env = start().await;
    let booking = env
        .book("town-hall", "passport", 1, "2026-03-24T10:00:00+01:00")
        .await;
    env.set_now("2026-03-24T09:45:00+01:00");
    let body = json!({"booking_code": booking["code"]});
    let idempotency_key = key();
    // A storage fault while the first request runs: every new ticket is refused by SQLite.
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute_batch(
        "CREATE TRIGGER storage_fault BEFORE INSERT ON tickets
         BEGIN SELECT RAISE(ABORT, 'storage fault'); END;",
    )
    .unwrap();
    let failed = env
        .send_with_key("/v1/tickets", &body, &idempotency_key)
        .await;
    assert_eq!(failed.status(), StatusCode::INTERNAL_SERVER_ERROR);
    conn.execute_batch("DROP TRIGGER storage_fault").unwrap();

    let retried = env
        .send_with_key("/v1/tickets", &body, &idempotency_key)
        .await;
    assert_eq!(retried.status(), StatusCode::CREATED, "carried out now");
    assert!(retried.headers().get("idempotent-replayed").is_none());
    let tickets: i64 = conn
        .query_row("SELECT COUNT(*) FROM tickets", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tickets, 1);
}

/// A key is kept 48 hours to the second: replayed at 48 hours, judged afresh one second later.
#[tokio::test]
async fn a_key_is_replayed_for_48_hours_and_forgotten_the_second_after() {
    let env = start().await;
    let body = json!({"booking_code": "ABCDEFGHJK"});
    let idempotency_key = key();
    let first = env
        .send_with_key("/v1/tickets", &body, &idempotency_key)
        .await;
    problem(first, StatusCode::NOT_FOUND, "booking-not-found").await;

    env.advance_minutes(48 * 60);
    let last_replay = env
        .send_with_key("/v1/tickets", &body, &idempotency_key)
        .await;
    assert_eq!(last_replay.headers()["idempotent-replayed"], "true");

    env.clock.advance(jiff::SignedDuration::from_secs(1));
    let afresh = env
        .send_with_key("/v1/tickets", &body, &idempotency_key)
        .await;
    assert!(afresh.headers().get("idempotent-replayed").is_none());
    problem(afresh, StatusCode::NOT_FOUND, "booking-not-found").await;
}
