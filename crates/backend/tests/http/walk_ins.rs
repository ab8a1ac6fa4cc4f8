//! Walk-in numbers: inside the service's hours, under its daily limit, once per key, and from a
//! kiosk's block while it was offline.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{key, problem, start, start_at};

/// Monday 23 March 2026, 09:00 in Brussels: the town hall gives walk-in numbers.
const MONDAY_NINE: &str = "2026-03-23T09:00:00+01:00";

async fn walk_in(env: &crate::common::Env, service: &str) -> reqwest::Response {
    env.send("/v1/walk-in-tickets", &json!({"queue_service_id": service}))
        .await
}

#[tokio::test]
async fn the_catalogue_says_which_services_take_walk_ins_where_and_when() {
    let env = start().await;
    let catalogue: Value = env
        .get("/v1/catalogue")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let services = catalogue["queue_services"].as_array().unwrap();
    let collect = services.iter().find(|s| s["id"] == "collect").unwrap();
    assert_eq!(collect["walk_in"]["location_ids"], json!(["town-hall"]));
    assert_eq!(collect["walk_in"]["daily_limit"], 80);
    assert!(
        collect["walk_in"]["hours"]
            .as_array()
            .unwrap()
            .contains(&json!({"weekday": "monday", "opens": "08:30:00", "closes": "12:00:00"}))
    );
    let identity = services.iter().find(|s| s["id"] == "identity").unwrap();
    assert_eq!(identity.get("walk_in"), None, "by appointment only");
}

#[tokio::test]
async fn a_walk_in_gets_the_next_number_with_the_people_ahead() {
    let env = start_at(MONDAY_NINE).await;
    let first = walk_in(&env, "collect").await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Value = first.json().await.unwrap();
    assert_eq!(first["number"], "E001");
    assert_eq!(first["booking_id"], Value::Null);
    assert_eq!(first["people_ahead"], 0);
    assert_eq!(first["status"], "waiting");

    let second: Value = walk_in(&env, "collect").await.json().await.unwrap();
    assert_eq!(second["number"], "E002");
    assert_eq!(second["people_ahead"], 1);
    assert!(second["estimated_wait_min"].as_u64().unwrap() > 0);
    // The first one's own view of the queue has not changed.
    let again: Value = env
        .get(&format!("/v1/tickets/{}", first["id"].as_str().unwrap()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(again["people_ahead"], 0);
}

#[tokio::test]
async fn a_retried_request_gives_the_same_number_not_a_second_one() {
    let env = start_at(MONDAY_NINE).await;
    let body = json!({"queue_service_id": "information"});
    let key = key();
    let first = env.send_with_key("/v1/walk-in-tickets", &body, &key).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Value = first.json().await.unwrap();
    let retry: Value = env
        .send_with_key("/v1/walk-in-tickets", &body, &key)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(retry["id"], first["id"]);
    assert_eq!(retry["number"], "F001");
    let next: Value = walk_in(&env, "information").await.json().await.unwrap();
    assert_eq!(next["number"], "F002", "the retry used no number");
}

#[tokio::test]
async fn outside_its_hours_a_service_says_when_it_opens_again() {
    // 08:00, before the 08:30 opening.
    let env = start().await;
    let early = problem(
        walk_in(&env, "collect").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "walk-in-closed",
    )
    .await;
    assert_eq!(early["opens_at"], "2026-03-23T08:30:00+01:00");
    // The information desk takes walk-ins in the morning only: after lunch, tomorrow morning.
    env.set_now("2026-03-23T14:00:00+01:00");
    let afternoon = problem(
        walk_in(&env, "information").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "walk-in-closed",
    )
    .await;
    assert_eq!(afternoon["opens_at"], "2026-03-24T08:30:00+01:00");
    // The same afternoon, documents can still be collected.
    assert_eq!(walk_in(&env, "collect").await.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn services_without_walk_ins_or_elsewhere_refuse_without_an_opening() {
    let env = start_at(MONDAY_NINE).await;
    let by_appointment = problem(
        walk_in(&env, "identity").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "walk-in-closed",
    )
    .await;
    assert_eq!(by_appointment.get("opens_at"), None);
    problem(
        walk_in(&env, "no-such-service").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "unknown-queue-service",
    )
    .await;
    let branch = env.enrol("branch-kiezel", "kiosk-hw-branch").await;
    let elsewhere = env
        .send_as(
            &branch,
            "/v1/walk-in-tickets",
            &json!({"queue_service_id": "collect"}),
        )
        .await;
    let elsewhere = problem(
        elsewhere,
        StatusCode::UNPROCESSABLE_ENTITY,
        "walk-in-closed",
    )
    .await;
    assert_eq!(elsewhere.get("opens_at"), None, "never at the branch");
}

#[tokio::test]
async fn past_the_daily_limit_no_number_is_given_until_the_next_day() {
    let env = start_at(MONDAY_NINE).await;
    for n in 1..=80 {
        let response = walk_in(&env, "collect").await;
        assert_eq!(response.status(), StatusCode::CREATED, "number {n}");
    }
    let full = problem(
        walk_in(&env, "collect").await,
        StatusCode::CONFLICT,
        "walk-in-full",
    )
    .await;
    assert_eq!(
        full["opens_at"], "2026-03-24T08:30:00+01:00",
        "tomorrow, not this afternoon"
    );
    env.set_now("2026-03-24T08:31:00+01:00");
    let tomorrow: Value = walk_in(&env, "collect").await.json().await.unwrap();
    assert_eq!(tomorrow["number"], "E001", "a new day, a new count");
}

#[tokio::test]
async fn an_offline_walk_in_reaches_the_queue_once_from_the_kiosks_block() {
    let env = start_at(MONDAY_NINE).await;
    let block: Value = env
        .send(
            "/v1/kiosks/me/ticket-blocks",
            &json!({"queue_service_id": "collect", "day": "2026-03-23", "size": 5}),
        )
        .await
        .json()
        .await
        .unwrap();
    let first = block["first"].as_u64().unwrap();
    let event = |sequence: u64| {
        json!({"id": uuid::Uuid::now_v7(), "type": "ticket.offline_walk_in", "occurred_at": "2026-03-23T08:50:00+01:00",
               "payload": {"queue_service_id": "collect", "day": "2026-03-23", "sequence": sequence}})
    };
    let given = event(first);
    let results: Value = env
        .send(
            "/v1/kiosks/me/events",
            &json!({"events": [given.clone(), given.clone(), event(first), event(7)]}),
        )
        .await
        .json()
        .await
        .unwrap();
    let statuses: Vec<&str> = results["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        ["accepted", "duplicate", "rejected", "rejected"],
        "once; the same number under another event id and a number outside the block refused: {results}"
    );
    // The number given offline at 08:50 is ahead of a walk-in who comes now.
    let now: Value = walk_in(&env, "collect").await.json().await.unwrap();
    assert_eq!(now["number"], "E001");
    assert_eq!(now["people_ahead"], 1);
}
