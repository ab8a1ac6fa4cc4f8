//! Bookings: hold, confirm and cancel, each killed just before and just after its commit.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::backend::{SLOT, Site, booking_body, key};

const OURS: &str = "SELECT COUNT(*) FROM bookings WHERE kiosk_id = (SELECT id FROM kiosks) AND start_s = unixepoch(?1)";

fn replayed(response: &reqwest::Response) -> bool {
    response
        .headers()
        .get("idempotent-replayed")
        .is_some_and(|v| v == "true")
}

/// The defect: the booking committed, the process died before the key had its answer. The
/// retry must get that booking (not run again, not 409 `slot-taken` nor "in progress").
#[tokio::test]
async fn a_hold_killed_after_its_commit_is_replayed_once_restarted() {
    let site = Site::new().await;
    let armed = site.serve(Some("create_booking:after-commit"));
    let k = key();
    let body = booking_body(SLOT);
    let request = site.post(&armed, "/v1/bookings", &body, &k);
    let (backend, retry) = site
        .crash_then_retry(armed, request, |b| site.post(b, "/v1/bookings", &body, &k))
        .await;
    assert_eq!(
        retry.status(),
        StatusCode::CREATED,
        "the client holds the slot"
    );
    assert!(replayed(&retry), "the stored answer, not a second run");
    let held: Value = retry.json().await.unwrap();
    assert_eq!(held["status"], "held");
    assert_eq!(site.count(OURS, SLOT), 1, "one booking for one key");
    let stored_id: String = rusqlite::Connection::open(&site.db)
        .unwrap()
        .query_row(
            "SELECT id FROM bookings WHERE code = ?1",
            [held["code"].as_str().unwrap()],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(held["id"], stored_id.as_str(), "the booking that was made");
    // And again: still that answer.
    let again = site
        .post(&backend, "/v1/bookings", &body, &k)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::CREATED);
    assert_eq!(again.json::<Value>().await.unwrap()["id"], held["id"]);
}

/// The retry comes after more than the two minutes once taken for "its process died": it must
/// still get the booking that was made, not make a second one at another desk.
#[tokio::test]
async fn a_hold_retried_minutes_after_the_crash_makes_no_second_booking() {
    let site = Site::new().await;
    let armed = site.serve(Some("create_booking:after-commit"));
    let k = key();
    let body = booking_body(SLOT);
    let request = site.post(&armed, "/v1/bookings", &body, &k);
    let (_backend, retry) = site
        .crash_then_retry_at("2026-03-24T09:48:00+01:00", armed, request, |b| {
            site.post(b, "/v1/bookings", &body, &k)
        })
        .await;
    assert_eq!(retry.status(), StatusCode::CREATED);
    assert!(replayed(&retry));
    assert_eq!(site.count(OURS, SLOT), 1, "one booking for one key");
}

/// At a location with one desk, running the retry again would find the slot taken by the client's
/// own booking: it must get its booking, never 409 `slot-taken`.
#[tokio::test]
async fn a_hold_retried_minutes_after_the_crash_is_not_told_its_own_slot_is_taken() {
    let site = Site::new().await;
    let armed = site.serve(Some("create_booking:after-commit"));
    let k = key();
    let mut body = booking_body(SLOT);
    body["location_id"] = json!("branch-kiezel");
    body["product_id"] = json!("eid-application");
    let request = site.post(&armed, "/v1/bookings", &body, &k);
    let (_backend, retry) = site
        .crash_then_retry_at("2026-03-24T09:48:00+01:00", armed, request, |b| {
            site.post(b, "/v1/bookings", &body, &k)
        })
        .await;
    assert_eq!(
        retry.status(),
        StatusCode::CREATED,
        "{}",
        retry.text().await.unwrap()
    );
}

/// Killed before the commit: nothing happened, so the retry runs it, once.
#[tokio::test]
async fn a_hold_killed_before_its_commit_runs_once_restarted() {
    let site = Site::new().await;
    let armed = site.serve(Some("create_booking:before-commit"));
    let k = key();
    let body = booking_body(SLOT);
    let request = site.post(&armed, "/v1/bookings", &body, &k);
    let (_backend, retry) = site
        .crash_then_retry(armed, request, |b| site.post(b, "/v1/bookings", &body, &k))
        .await;
    assert_eq!(retry.status(), StatusCode::CREATED);
    assert!(
        !replayed(&retry),
        "nothing was carried out before the crash"
    );
    assert_eq!(site.count(OURS, SLOT), 1);
}

/// Holds our slot on a backend armed to die at `point` of the confirmation, confirms, and
/// retries the same request with the same key once restarted: the hold and the retry's answer.
async fn hold_then_crash_confirm(site: &Site, point: &str) -> (Value, reqwest::Response) {
    let armed = site.serve(Some(point));
    let held = site
        .post(&armed, "/v1/bookings", &booking_body(SLOT), &key())
        .send()
        .await
        .unwrap();
    assert_eq!(held.status(), StatusCode::CREATED);
    let held: Value = held.json().await.unwrap();
    let path = format!("/v1/bookings/{}/confirm", held["id"].as_str().unwrap());
    let k = key();
    let request = site.post(&armed, &path, &json!({}), &k);
    let (_backend, retry) = site
        .crash_then_retry(armed, request, |b| site.post(b, &path, &json!({}), &k))
        .await;
    (held, retry)
}

#[tokio::test]
async fn a_confirmation_killed_after_its_commit_is_replayed_once_restarted() {
    let site = Site::new().await;
    let (held, retry) = hold_then_crash_confirm(&site, "confirm_booking:after-commit").await;
    assert_eq!(retry.status(), StatusCode::OK);
    assert!(replayed(&retry));
    let confirmed: Value = retry.json().await.unwrap();
    assert_eq!(confirmed["id"], held["id"]);
    assert_eq!(confirmed["status"], "confirmed");
    assert_eq!(site.count(OURS, SLOT), 1);
}

#[tokio::test]
async fn a_confirmation_killed_before_its_commit_runs_once_restarted() {
    let site = Site::new().await;
    let (held, retry) = hold_then_crash_confirm(&site, "confirm_booking:before-commit").await;
    assert_eq!(retry.status(), StatusCode::OK);
    assert!(!replayed(&retry));
    let confirmed: Value = retry.json().await.unwrap();
    assert_eq!(confirmed["id"], held["id"]);
    assert_eq!(confirmed["status"], "confirmed");
    assert_eq!(site.count(OURS, SLOT), 1, "one booking for the slot");
}

#[tokio::test]
async fn a_cancellation_killed_after_its_commit_answers_the_same_once_restarted() {
    let site = Site::new().await;
    let armed = site.serve(Some("cancel_booking:after-commit"));
    let booking = site.book(&armed, SLOT).await;
    let path = format!(
        "/v1/bookings/{}?code={}",
        booking["id"].as_str().unwrap(),
        booking["code"].as_str().unwrap()
    );
    let request = site.delete(&armed, &path);
    let (backend, retry) = site
        .crash_then_retry(armed, request, |b| site.delete(b, &path))
        .await;
    assert_eq!(retry.status(), StatusCode::OK);
    let cancelled: Value = retry.json().await.unwrap();
    assert_eq!(cancelled["id"], booking["id"]);
    assert_eq!(cancelled["status"], "cancelled");
    // Its desk is free again, and the same key-less retry once more changes nothing.
    let id = booking["id"].as_str().unwrap();
    let claims = "SELECT COUNT(*) FROM slot_claims WHERE booking_id = ?1";
    assert_eq!(site.count(claims, id), 0);
    let again = site.delete(&backend, &path).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::OK);
    assert_eq!(site.count(OURS, SLOT), 1);
}
