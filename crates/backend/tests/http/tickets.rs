use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{problem, start};

#[tokio::test]
async fn check_in_gives_a_numbered_ticket_once() {
    let env = start().await;
    let first = env
        .book("town-hall", "passport", 1, "2026-03-24T10:00:00+01:00")
        .await;
    let second = env
        .book(
            "town-hall",
            "driving-licence",
            1,
            "2026-03-24T10:00:00+01:00",
        )
        .await;
    env.set_now("2026-03-24T09:35:00+01:00");
    let response = env.check_in(first["code"].as_str().unwrap()).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let ticket: Value = response.json().await.unwrap();
    assert_eq!(ticket["number"], "B001");
    assert_eq!(ticket["queue_service_id"], "travel");
    assert_eq!(ticket["service_day"], "2026-03-24");
    assert_eq!(ticket["status"], "waiting");
    assert_eq!(ticket["people_ahead"], 0);
    assert_eq!(ticket["booking_id"], first["id"]);
    assert_eq!(ticket["booked_start"], "2026-03-24T10:00:00+01:00");

    let again = env.check_in(first["qr_payload"].as_str().unwrap()).await;
    assert_eq!(
        again.status(),
        StatusCode::OK,
        "a second check-in is not a new ticket"
    );
    let again: Value = again.json().await.unwrap();
    assert_eq!(again["id"], ticket["id"]);
    assert_eq!(again["number"], "B001");

    let next: Value = env
        .check_in(second["code"].as_str().unwrap())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(next["number"], "B002");
    assert_eq!(next["people_ahead"], 1);
    assert!(next["estimated_wait_min"].as_u64().unwrap() > 0);

    let fetched = env
        .get(&format!("/v1/tickets/{}", ticket["id"].as_str().unwrap()))
        .send()
        .await
        .unwrap();
    assert_eq!(fetched.status(), StatusCode::OK);
    let fetched: Value = fetched.json().await.unwrap();
    assert_eq!(fetched["number"], "B001");
    let missing = env
        .get(&format!("/v1/tickets/{}", uuid::Uuid::new_v4()))
        .send()
        .await
        .unwrap();
    problem(missing, StatusCode::NOT_FOUND, "ticket-not-found").await;
}

#[tokio::test]
async fn numbering_starts_again_each_service_day() {
    let env = start().await;
    let tuesday = env
        .book("town-hall", "passport", 1, "2026-03-24T10:00:00+01:00")
        .await;
    let wednesday = env
        .book("town-hall", "passport", 1, "2026-03-25T10:00:00+01:00")
        .await;
    env.set_now("2026-03-24T09:50:00+01:00");
    let t: Value = env
        .check_in(tuesday["code"].as_str().unwrap())
        .await
        .json()
        .await
        .unwrap();
    env.set_now("2026-03-25T09:50:00+01:00");
    let w: Value = env
        .check_in(wednesday["code"].as_str().unwrap())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (t["number"].as_str(), w["number"].as_str()),
        (Some("B001"), Some("B001"))
    );
    assert_eq!(w["service_day"], "2026-03-25");
}

#[tokio::test]
async fn outside_the_arrival_window_says_when_it_is() {
    let env = start().await;
    let booking = env
        .book("town-hall", "passport", 1, "2026-03-24T10:00:00+01:00")
        .await;
    let code = booking["code"].as_str().unwrap();
    env.set_now("2026-03-24T09:29:00+01:00");
    let early = problem(
        env.check_in(code).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "too-early",
    )
    .await;
    assert_eq!(early["window_start"], "2026-03-24T09:30:00+01:00");
    assert_eq!(early["window_end"], "2026-03-24T10:10:00+01:00");
    env.set_now("2026-03-24T10:11:00+01:00");
    let late = problem(
        env.check_in(code).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "too-late",
    )
    .await;
    assert_eq!(late["window_end"], "2026-03-24T10:10:00+01:00");
    env.set_now("2026-03-24T10:10:00+01:00");
    assert_eq!(
        env.check_in(code).await.status(),
        StatusCode::CREATED,
        "the window's end is included"
    );
}

#[tokio::test]
async fn unknown_cancelled_and_unconfirmed_bookings_get_no_ticket() {
    let env = start().await;
    problem(
        env.check_in("ABCDEFGHJK").await,
        StatusCode::NOT_FOUND,
        "booking-not-found",
    )
    .await;
    problem(
        env.check_in("not a code at all").await,
        StatusCode::NOT_FOUND,
        "booking-not-found",
    )
    .await;
    let booking = env
        .book("town-hall", "passport", 1, "2026-03-24T10:00:00+01:00")
        .await;
    let held = env
        .hold("town-hall", "passport", 1, "2026-03-24T10:15:00+01:00")
        .await;
    let code = booking["code"].as_str().unwrap();
    let id = booking["id"].as_str().unwrap();
    env.http
        .delete(env.url(&format!("/v1/bookings/{id}?code={code}")))
        .bearer_auth(&env.token)
        .send()
        .await
        .unwrap();
    env.set_now("2026-03-24T09:50:00+01:00");
    problem(
        env.check_in(code).await,
        StatusCode::CONFLICT,
        "booking-cancelled",
    )
    .await;
    problem(
        env.check_in(held["code"].as_str().unwrap()).await,
        StatusCode::CONFLICT,
        "booking-not-confirmed",
    )
    .await;
}

#[tokio::test]
async fn a_kiosk_checks_in_only_bookings_of_its_own_location() {
    let env = start().await;
    let booking = env
        .book(
            "branch-kiezel",
            "eid-pickup",
            1,
            "2026-03-24T10:00:00+01:00",
        )
        .await;
    env.set_now("2026-03-24T09:50:00+01:00");
    let response = env
        .send("/v1/tickets", &json!({"booking_code": booking["code"]}))
        .await;
    problem(response, StatusCode::CONFLICT, "wrong-location").await;
}

#[tokio::test]
async fn wrong_codes_are_rate_limited_per_kiosk() {
    let env = start().await;
    let mut last = StatusCode::OK;
    for _ in 0..40 {
        last = env
            .get("/v1/bookings/lookup?code=ABCDEFGHJK")
            .send()
            .await
            .unwrap()
            .status();
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
    env.advance_minutes(11);
    let after = env
        .get("/v1/bookings/lookup?code=ABCDEFGHJK")
        .send()
        .await
        .unwrap();
    problem(after, StatusCode::NOT_FOUND, "booking-not-found").await;
}
