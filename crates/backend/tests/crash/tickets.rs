//! Check-in, ticket blocks, event batches and eID challenges, killed just after their commit.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::backend::{SLOT, Site, key};

fn replayed(response: &reqwest::Response) -> bool {
    response
        .headers()
        .get("idempotent-replayed")
        .is_some_and(|v| v == "true")
}

/// The ticket was drawn and committed, the kiosk never heard: the retry gets that ticket, as a
/// 201 (the stored answer), not a second number nor a 200 "already checked in".
#[tokio::test]
async fn a_check_in_killed_after_its_commit_is_replayed_once_restarted() {
    let site = Site::new().await;
    let armed = site.serve(Some("check_in:after-commit"));
    let booking = site.book(&armed, SLOT).await;
    let body = json!({"booking_code": booking["code"]});
    let k = key();
    let request = site.post(&armed, "/v1/tickets", &body, &k);
    let (_backend, retry) = site
        .crash_then_retry(armed, request, |b| site.post(b, "/v1/tickets", &body, &k))
        .await;
    assert_eq!(retry.status(), StatusCode::CREATED);
    assert!(replayed(&retry));
    let ticket: Value = retry.json().await.unwrap();
    let id = booking["id"].as_str().unwrap();
    assert_eq!(
        site.count("SELECT COUNT(*) FROM tickets WHERE booking_id = ?1", id),
        1
    );
    let stored: String = rusqlite::Connection::open(&site.db)
        .unwrap()
        .query_row("SELECT id FROM tickets WHERE booking_id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(ticket["id"], stored.as_str());
}

#[tokio::test]
async fn a_ticket_block_killed_after_its_commit_is_replayed_once_restarted() {
    let site = Site::new().await;
    let armed = site.serve(Some("reserve_ticket_block:after-commit"));
    let body = json!({"queue_service_id": "travel", "day": "2026-03-24", "size": 20});
    let k = key();
    let path = "/v1/kiosks/me/ticket-blocks";
    let request = site.post(&armed, path, &body, &k);
    let (_backend, retry) = site
        .crash_then_retry(armed, request, |b| site.post(b, path, &body, &k))
        .await;
    assert_eq!(retry.status(), StatusCode::CREATED);
    assert!(replayed(&retry));
    let block: Value = retry.json().await.unwrap();
    assert_eq!(
        site.count(
            "SELECT COUNT(*) FROM ticket_blocks WHERE service_day = ?1",
            "2026-03-24"
        ),
        1,
        "one block for one key: {block}"
    );
}

#[tokio::test]
async fn an_event_batch_killed_after_its_commit_is_replayed_once_restarted() {
    let site = Site::new().await;
    let armed = site.serve(Some("record_events:after-commit"));
    let event = |n: u32| {
        json!({
            "id": uuid::Uuid::new_v4(),
            "type": "session.ended",
            "occurred_at": "2026-03-24T09:40:00+01:00",
            "payload": {"n": n}
        })
    };
    let body = json!({"events": [event(1), event(2)]});
    let k = key();
    let path = "/v1/kiosks/me/events";
    let request = site.post(&armed, path, &body, &k);
    let (_backend, retry) = site
        .crash_then_retry(armed, request, |b| site.post(b, path, &body, &k))
        .await;
    assert_eq!(retry.status(), StatusCode::OK);
    assert!(replayed(&retry));
    let results: Value = retry.json().await.unwrap();
    let statuses: Vec<&str> = results["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["accepted", "accepted"], "what the first run did");
}

#[tokio::test]
async fn an_eid_challenge_killed_after_its_commit_is_replayed_once_restarted() {
    let site = Site::new().await;
    let armed = site.serve(Some("add_challenge:after-commit"));
    let k = key();
    let path = "/v1/eid-challenges";
    let request = site.post(&armed, path, &json!({}), &k);
    let (_backend, retry) = site
        .crash_then_retry(armed, request, |b| site.post(b, path, &json!({}), &k))
        .await;
    assert_eq!(retry.status(), StatusCode::CREATED);
    assert!(
        replayed(&retry),
        "the challenge that was stored, not a second one"
    );
    let conn = rusqlite::Connection::open(&site.db).unwrap();
    let stored: i64 = conn
        .query_row("SELECT COUNT(*) FROM eid_challenges", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, 1);
}
