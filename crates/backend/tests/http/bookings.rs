use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{booking_body, key, problem, start};

const TUESDAY: &str = "2026-03-24";

#[tokio::test]
async fn slots_follow_opening_hours_and_never_run_past_closing() {
    let env = start().await;
    let one = env
        .slots("town-hall", "passport", 1, TUESDAY, TUESDAY)
        .await;
    assert_eq!(one.first().unwrap(), "2026-03-24T08:30:00+01:00");
    assert!(
        one.contains(&"2026-03-24T11:45:00+01:00".to_string()),
        "15 min ending at 12:00"
    );
    assert!(
        !one.iter().any(|s| s.as_str() > "2026-03-24T11:45:00+01:00"
            && s.as_str() < "2026-03-24T13:30:00+01:00"),
        "lunch"
    );
    assert_eq!(one.last().unwrap(), "2026-03-24T15:45:00+01:00");
    // Three people: 15 + 2 x 10 = 35 minutes, so the last morning start is 11:15.
    let three = env
        .slots("town-hall", "passport", 3, TUESDAY, TUESDAY)
        .await;
    assert!(three.contains(&"2026-03-24T11:15:00+01:00".to_string()));
    assert!(!three.contains(&"2026-03-24T11:30:00+01:00".to_string()));
    let response = env
        .get(
            "/v1/slots?location=town-hall&product=passport&persons=3&from=2026-03-24&to=2026-03-24",
        )
        .send()
        .await
        .unwrap();
    let slots: Vec<Value> = response.json().await.unwrap();
    assert_eq!(
        slots[0]["end"], "2026-03-24T09:05:00+01:00",
        "more persons -> longer"
    );
    // Later that morning, the slots already begun are gone.
    env.set_now("2026-03-24T10:05:00+01:00");
    let later = env
        .slots("town-hall", "passport", 1, TUESDAY, TUESDAY)
        .await;
    assert_eq!(
        later.first().unwrap(),
        "2026-03-24T10:15:00+01:00",
        "no slot in the past"
    );
}

#[tokio::test]
async fn closed_days_have_no_slots() {
    let env = start().await;
    assert!(
        env.slots("town-hall", "passport", 1, "2026-03-29", "2026-03-29")
            .await
            .is_empty(),
        "Sunday"
    );
    assert!(
        env.slots("town-hall", "passport", 1, "2026-04-06", "2026-04-06")
            .await
            .is_empty(),
        "Easter Monday"
    );
    assert!(
        env.slots("town-hall", "passport", 1, "2026-05-01", "2026-05-01")
            .await
            .is_empty(),
        "Labour Day"
    );
    assert!(
        !env.slots("town-hall", "passport", 1, "2026-04-07", "2026-04-07")
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn slot_queries_are_validated() {
    let env = start().await;
    let long = env
        .get("/v1/slots?location=town-hall&product=passport&from=2026-03-24&to=2026-04-24")
        .send()
        .await
        .unwrap();
    problem(long, StatusCode::UNPROCESSABLE_ENTITY, "range-too-long").await;
    let ok = env
        .get("/v1/slots?location=town-hall&product=passport&from=2026-03-24&to=2026-04-23")
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), StatusCode::OK, "31 days is allowed");
    let product = env
        .get("/v1/slots?location=branch-kiezel&product=passport&from=2026-03-24&to=2026-03-24")
        .send()
        .await
        .unwrap();
    problem(product, StatusCode::UNPROCESSABLE_ENTITY, "unknown-product").await;
    let location = env
        .get("/v1/slots?location=mars&product=passport&from=2026-03-24&to=2026-03-24")
        .send()
        .await
        .unwrap();
    problem(
        location,
        StatusCode::UNPROCESSABLE_ENTITY,
        "unknown-location",
    )
    .await;
    let persons = env
        .get(
            "/v1/slots?location=town-hall&product=passport&persons=7&from=2026-03-24&to=2026-03-24",
        )
        .send()
        .await
        .unwrap();
    problem(
        persons,
        StatusCode::UNPROCESSABLE_ENTITY,
        "too-many-persons",
    )
    .await;
    let backwards = env
        .get("/v1/slots?location=town-hall&product=passport&from=2026-03-24&to=2026-03-20")
        .send()
        .await
        .unwrap();
    problem(backwards, StatusCode::BAD_REQUEST, "bad-request").await;
}

#[tokio::test]
async fn hold_confirm_look_up_and_cancel() {
    let env = start().await;
    let start_at = "2026-03-24T10:00:00+01:00";
    let held = env
        .hold("branch-kiezel", "eid-application", 1, start_at)
        .await;
    assert_eq!(held["status"], "held");
    assert_eq!(held["start"], start_at);
    assert_eq!(held["end"], "2026-03-24T10:15:00+01:00");
    assert_eq!(held["hold_expires_at"], "2026-03-23T08:10:00+01:00");
    let code = held["code"].as_str().unwrap().to_owned();
    assert!(
        code.len() >= 8 && !code.contains(['0', 'O', '1', 'I', 'L']),
        "{code}"
    );
    let qr = held["qr_payload"].as_str().unwrap().to_owned();
    assert!(qr.len() >= 32);
    assert!(
        !env.slots(
            "branch-kiezel",
            "eid-application",
            1,
            "2026-03-24",
            "2026-03-24"
        )
        .await
        .contains(&start_at.to_string()),
        "a hold takes the slot"
    );

    let id = held["id"].as_str().unwrap();
    let confirmed: Value = env
        .send(&format!("/v1/bookings/{id}/confirm"), &json!({}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(confirmed["status"], "confirmed");
    assert!(confirmed["hold_expires_at"].is_null());

    for lookup in [code.to_lowercase(), qr.clone()] {
        let response = env
            .get(&format!("/v1/bookings/lookup?code={}", urlencode(&lookup)))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let text = response.text().await.unwrap();
        assert!(
            !text.contains("0470123456") && !text.contains("Testpersoon"),
            "no customer data: {text}"
        );
        // Nor the QR secret: knowing a code must not give the means to forge its ticket.
        let secret = qr.rsplit('-').next().unwrap();
        assert!(!text.contains(secret), "no QR secret: {text}");
        let found: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(found["id"], id);
        assert_eq!(found["status"], "confirmed");
    }
    let forged_qr = format!(
        "{}{}",
        &qr[..qr.len() - 1],
        if qr.ends_with('a') { 'b' } else { 'a' }
    );
    let forged = env
        .get(&format!("/v1/bookings/lookup?code={forged_qr}"))
        .send()
        .await
        .unwrap();
    problem(forged, StatusCode::NOT_FOUND, "booking-not-found").await;

    let wrong = env
        .http
        .delete(env.url(&format!("/v1/bookings/{id}?code=ABCDEFGHJK")))
        .bearer_auth(&env.token)
        .send()
        .await
        .unwrap();
    problem(wrong, StatusCode::NOT_FOUND, "booking-not-found").await;
    let cancelled = env
        .http
        .delete(env.url(&format!("/v1/bookings/{id}?code={code}")))
        .bearer_auth(&env.token)
        .send()
        .await
        .unwrap();
    assert_eq!(cancelled.status(), StatusCode::OK);
    let cancelled: Value = cancelled.json().await.unwrap();
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(cancelled["qr_payload"], "", "no QR secret in the answer");
    assert!(
        env.slots(
            "branch-kiezel",
            "eid-application",
            1,
            "2026-03-24",
            "2026-03-24"
        )
        .await
        .contains(&start_at.to_string()),
        "free again"
    );
    let confirm_again = env
        .send(&format!("/v1/bookings/{id}/confirm"), &json!({}))
        .await;
    problem(confirm_again, StatusCode::CONFLICT, "booking-cancelled").await;
}

fn urlencode(text: &str) -> String {
    text.replace('+', "%2B")
}

#[tokio::test]
async fn an_expired_hold_cannot_be_confirmed_and_frees_the_slot() {
    let env = start().await;
    let start_at = "2026-03-24T10:00:00+01:00";
    let held = env
        .hold("branch-kiezel", "eid-application", 1, start_at)
        .await;
    env.advance_minutes(9);
    assert!(
        !env.slots(
            "branch-kiezel",
            "eid-application",
            1,
            "2026-03-24",
            "2026-03-24"
        )
        .await
        .contains(&start_at.to_string())
    );
    env.advance_minutes(2);
    assert!(
        env.slots(
            "branch-kiezel",
            "eid-application",
            1,
            "2026-03-24",
            "2026-03-24"
        )
        .await
        .contains(&start_at.to_string())
    );
    let id = held["id"].as_str().unwrap();
    let response = env
        .send(&format!("/v1/bookings/{id}/confirm"), &json!({}))
        .await;
    problem(response, StatusCode::CONFLICT, "hold-expired").await;
    env.hold("branch-kiezel", "eid-application", 1, start_at)
        .await;
}

#[tokio::test]
async fn bookings_are_validated() {
    let env = start().await;
    let closed = env
        .send(
            "/v1/bookings",
            &booking_body("town-hall", "passport", 1, "2026-03-24T12:30:00+01:00"),
        )
        .await;
    problem(closed, StatusCode::UNPROCESSABLE_ENTITY, "not-a-slot").await;
    let off_grid = env
        .send(
            "/v1/bookings",
            &booking_body("town-hall", "passport", 1, "2026-03-24T08:31:00+01:00"),
        )
        .await;
    problem(off_grid, StatusCode::UNPROCESSABLE_ENTITY, "not-a-slot").await;
    let past = env
        .send(
            "/v1/bookings",
            &booking_body("town-hall", "passport", 1, "2026-03-20T09:00:00+01:00"),
        )
        .await;
    problem(past, StatusCode::UNPROCESSABLE_ENTITY, "not-a-slot").await;
    let naive = env
        .send(
            "/v1/bookings",
            &booking_body("town-hall", "passport", 1, "2026-03-24T09:00:00"),
        )
        .await;
    problem(naive, StatusCode::UNPROCESSABLE_ENTITY, "invalid-body").await;
    let mut body = booking_body("town-hall", "passport", 1, "2026-03-24T09:00:00+01:00");
    body["customer"] = json!({"name": "Jan"});
    let no_contact = env.send("/v1/bookings", &body).await;
    let problem_body = problem(
        no_contact,
        StatusCode::UNPROCESSABLE_ENTITY,
        "missing-customer-field",
    )
    .await;
    assert_eq!(problem_body["field"], "phone_or_email");
    let unknown = env
        .get("/v1/bookings/lookup?code=ABCDEFGHJK")
        .send()
        .await
        .unwrap();
    problem(unknown, StatusCode::NOT_FOUND, "booking-not-found").await;
}

#[tokio::test]
async fn desk_capacity_limits_parallel_bookings() {
    let env = start().await;
    let start_at = "2026-03-24T09:00:00+01:00";
    for _ in 0..3 {
        env.hold("town-hall", "passport", 1, start_at).await;
    }
    let fourth = env
        .send(
            "/v1/bookings",
            &booking_body("town-hall", "passport", 1, start_at),
        )
        .await;
    problem(fourth, StatusCode::CONFLICT, "slot-taken").await;
    assert!(
        !env.slots("town-hall", "passport", 1, TUESDAY, TUESDAY)
            .await
            .contains(&start_at.to_string())
    );
    // An overlapping longer appointment cannot start at 08:45 either: it would need a desk until 09:20.
    let overlap = env
        .send(
            "/v1/bookings",
            &booking_body("town-hall", "passport", 3, "2026-03-24T08:45:00+01:00"),
        )
        .await;
    problem(overlap, StatusCode::CONFLICT, "slot-taken").await;
}

#[tokio::test]
async fn a_retry_with_the_same_key_replays_and_another_body_is_refused() {
    let env = start().await;
    let idempotency_key = key();
    let body = booking_body(
        "branch-kiezel",
        "eid-pickup",
        1,
        "2026-03-24T09:30:00+01:00",
    );
    let first = env
        .send_with_key("/v1/bookings", &body, &idempotency_key)
        .await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Value = first.json().await.unwrap();
    let again = env
        .send_with_key("/v1/bookings", &body, &idempotency_key)
        .await;
    assert_eq!(again.status(), StatusCode::CREATED);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    let again: Value = again.json().await.unwrap();
    assert_eq!(again, first, "the stored response, not a second booking");
    let other = booking_body(
        "branch-kiezel",
        "eid-pickup",
        1,
        "2026-03-24T09:35:00+01:00",
    );
    let reused = env
        .send_with_key("/v1/bookings", &other, &idempotency_key)
        .await;
    problem(
        reused,
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency-key-reused",
    )
    .await;
    // Another kiosk may use the same key: keys are per kiosk.
    let mut second_kiosk = crate::common::start().await;
    second_kiosk.token = second_kiosk.enrol("branch-kiezel", "hw-2").await;
    let theirs = second_kiosk
        .send_with_key("/v1/bookings", &other, &idempotency_key)
        .await;
    assert_eq!(theirs.status(), StatusCode::CREATED);
}
