use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{problem, start};

#[tokio::test]
async fn arrivals_carry_digests_and_no_personal_data() {
    let env = start().await;
    let booking = env
        .book("town-hall", "passport", 1, "2026-03-24T10:00:00+01:00")
        .await;
    env.book("town-hall", "passport", 1, "2026-03-25T10:00:00+01:00")
        .await;
    env.book(
        "branch-kiezel",
        "eid-pickup",
        1,
        "2026-03-24T10:00:00+01:00",
    )
    .await;
    let response = env
        .get("/v1/kiosks/me/arrivals?day=2026-03-24")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let text = response.text().await.unwrap();
    let code = booking["code"].as_str().unwrap();
    for secret in [
        code,
        "Testpersoon",
        "0470123456",
        booking["qr_payload"].as_str().unwrap(),
    ] {
        assert!(!text.contains(secret), "{secret} leaked: {text}");
    }
    let arrivals: Value = serde_json::from_str(&text).unwrap();
    let list = arrivals["arrivals"].as_array().unwrap();
    assert_eq!(
        list.len(),
        1,
        "only this location and day (before the 11:00 booking)"
    );
    let salt = arrivals["salt"].as_str().unwrap();
    assert_eq!(list[0]["booking_id"], booking["id"]);
    assert_eq!(
        list[0]["code_digest"],
        kiosk_backend::codes::sha256_hex(format!("{salt}:{code}").as_bytes())
    );
    assert_eq!(list[0]["queue_service_id"], "travel");
    assert_eq!(list[0]["window_start"], "2026-03-24T09:30:00+01:00");
    assert_eq!(list[0]["window_end"], "2026-03-24T10:10:00+01:00");
    assert_eq!(
        list[0].get("ticket_numbers"),
        None,
        "not checked in: no numbers"
    );
    // Today and tomorrow only: not who comes when, weeks ahead.
    for day in ["2026-03-25", "2026-03-22", "2026-04-20"] {
        let refused = env
            .get(&format!("/v1/kiosks/me/arrivals?day={day}"))
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{day}");
    }
}

#[tokio::test]
async fn ticket_blocks_never_collide_with_each_other_or_online_numbers() {
    let env = start().await;
    let block = |size: u32| {
        env.post(
            "/v1/kiosks/me/ticket-blocks",
            &json!({"queue_service_id": "travel", "day": "2026-03-24", "size": size}),
        )
        .send()
    };
    let first = block(20).await.unwrap();
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Value = first.json().await.unwrap();
    assert_eq!(
        (
            first["first"].as_u64(),
            first["last"].as_u64(),
            first["prefix"].as_str()
        ),
        (Some(901), Some(920), Some("B"))
    );
    let second: Value = block(5).await.unwrap().json().await.unwrap();
    assert_eq!(
        (second["first"].as_u64(), second["last"].as_u64()),
        (Some(921), Some(925))
    );
    problem(
        block(0).await.unwrap(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-body",
    )
    .await;
    problem(
        block(101).await.unwrap(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid-body",
    )
    .await;
    let unknown = env
        .send(
            "/v1/kiosks/me/ticket-blocks",
            &json!({"queue_service_id": "nope", "day": "2026-03-24", "size": 5}),
        )
        .await;
    problem(
        unknown,
        StatusCode::UNPROCESSABLE_ENTITY,
        "unknown-queue-service",
    )
    .await;
    let booking = env
        .book("town-hall", "passport", 1, "2026-03-24T10:00:00+01:00")
        .await;
    env.set_now("2026-03-24T09:50:00+01:00");
    let ticket: Value = env
        .check_in(booking["code"].as_str().unwrap())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(ticket["number"], "B001");
}

#[tokio::test]
async fn events_are_accepted_once_and_duplicates_recognised() {
    let env = start().await;
    let printed = json!({"id": uuid::Uuid::now_v7(), "type": "ticket.printed", "occurred_at": "2026-03-23T08:00:00+01:00", "payload": {"number": "B001"}});
    let unknown = json!({"id": uuid::Uuid::now_v7(), "type": "coffee.made", "occurred_at": "2026-03-23T08:00:00+01:00", "payload": {}});
    let response = env
        .send(
            "/v1/kiosks/me/events",
            &json!({"events": [printed, unknown]}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let results: Value = response.json().await.unwrap();
    assert_eq!(results["results"][0]["status"], "accepted");
    assert_eq!(results["results"][1]["status"], "rejected");
    assert_eq!(
        results["results"][1]["problem"]["type"],
        "unknown-event-type"
    );
    let again: Value = env
        .send("/v1/kiosks/me/events", &json!({"events": [printed]}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again["results"][0]["status"], "duplicate");
    assert_eq!(again["results"][0]["id"], printed["id"]);

    let too_many: Vec<Value> = (0..101)
        .map(|_| json!({"id": uuid::Uuid::now_v7(), "type": "session.ended", "occurred_at": "2026-03-23T08:00:00+01:00"}))
        .collect();
    let response = env
        .send("/v1/kiosks/me/events", &json!({"events": too_many}))
        .await;
    problem(
        response,
        StatusCode::UNPROCESSABLE_ENTITY,
        "too-many-events",
    )
    .await;
}

#[tokio::test]
async fn an_offline_check_in_becomes_the_bookings_ticket() {
    let env = start().await;
    let booking = env
        .book("town-hall", "passport", 1, "2026-03-24T10:00:00+01:00")
        .await;
    let other = env
        .book("town-hall", "passport", 1, "2026-03-24T10:15:00+01:00")
        .await;
    let block: Value = env
        .send(
            "/v1/kiosks/me/ticket-blocks",
            &json!({"queue_service_id": "travel", "day": "2026-03-24", "size": 10}),
        )
        .await
        .json()
        .await
        .unwrap();
    let offline = |booking: &Value, sequence: u64| {
        json!({"id": uuid::Uuid::now_v7(), "type": "ticket.offline_checkin", "occurred_at": "2026-03-24T09:40:00+01:00",
               "payload": {"booking_id": booking["id"], "queue_service_id": "travel", "day": "2026-03-24", "sequence": sequence}})
    };
    let first = block["first"].as_u64().unwrap();
    let events = json!({"events": [offline(&booking, first), offline(&other, 42)]});
    let results: Value = env
        .send("/v1/kiosks/me/events", &events)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(results["results"][0]["status"], "accepted");
    assert_eq!(
        results["results"][1]["status"], "rejected",
        "42 is not in this kiosk's block"
    );
    assert_eq!(results["results"][1]["problem"]["type"], "invalid-event");
    env.set_now("2026-03-24T09:45:00+01:00");
    let response = env.check_in(booking["code"].as_str().unwrap()).await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "already checked in offline"
    );
    let ticket: Value = response.json().await.unwrap();
    assert_eq!(ticket["number"], "B901");
    // The arrivals list tells every kiosk the number the booking has, so a second scan at any
    // kiosk, even offline, gives that number again.
    let arrivals: Value = env
        .get("/v1/kiosks/me/arrivals?day=2026-03-24")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let numbers: Vec<(&str, &Value)> = arrivals["arrivals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["booking_id"].as_str().unwrap(), &a["ticket_numbers"]))
        .collect();
    assert!(
        numbers.contains(&(booking["id"].as_str().unwrap(), &json!(["B901"]))),
        "{numbers:?}"
    );
    assert!(
        numbers.contains(&(other["id"].as_str().unwrap(), &Value::Null)),
        "{numbers:?}"
    );
}

/// Two kiosks, both offline, each give the same booking a number. The backend keeps both on the
/// one ticket: the arrivals carry both, the desk lists the resident once with both numbers,
/// calling shows both on the display, and neither number is left waiting.
#[tokio::test]
async fn two_offline_kiosks_checking_in_one_booking_give_one_ticket_called_with_both_numbers() {
    let env = start().await;
    crate::desk_client::add_staff(&env.db, "anna").await;
    let booking = env
        .book("town-hall", "passport", 1, "2026-03-24T10:00:00+01:00")
        .await;
    let second_kiosk = env.enrol("town-hall", "second-kiosk").await;
    let block_request = json!({"queue_service_id": "travel", "day": "2026-03-24", "size": 10});
    let first_block: Value = env
        .send("/v1/kiosks/me/ticket-blocks", &block_request)
        .await
        .json()
        .await
        .unwrap();
    let second_block: Value = env
        .send_as(&second_kiosk, "/v1/kiosks/me/ticket-blocks", &block_request)
        .await
        .json()
        .await
        .unwrap();
    let offline = |sequence: &Value, at: &str| {
        json!({"events": [{"id": uuid::Uuid::now_v7(), "type": "ticket.offline_checkin", "occurred_at": at,
               "payload": {"booking_id": booking["id"], "queue_service_id": "travel", "day": "2026-03-24", "sequence": sequence}}]})
    };
    let first: Value = env
        .send(
            "/v1/kiosks/me/events",
            &offline(&first_block["first"], "2026-03-24T09:41:00+01:00"),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(first["results"][0]["status"], "accepted", "{first}");
    // The second kiosk checked the resident in a minute earlier, but synced later.
    let second: Value = env
        .send_as(
            &second_kiosk,
            "/v1/kiosks/me/events",
            &offline(&second_block["first"], "2026-03-24T09:40:00+01:00"),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(second["results"][0]["status"], "accepted", "{second}");
    let number = |block: &Value| format!("B{:03}", block["first"].as_u64().unwrap());
    // The ticket is the first the backend recorded; the other number is another name of it.
    let both = format!("{} + {}", number(&first_block), number(&second_block));

    env.set_now("2026-03-24T09:50:00+01:00");
    let arrivals: Value = env
        .get("/v1/kiosks/me/arrivals?day=2026-03-24")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        arrivals["arrivals"][0]["ticket_numbers"],
        json!([number(&first_block), number(&second_block)]),
        "{arrivals}"
    );

    let desk =
        crate::desk_client::Browser::at_desk(&env, "anna", "Loket 1", "town-hall", &["travel"])
            .await;
    let queue = desk.get("/desk").await;
    // In the queue once, and among today's appointments, with both numbers.
    assert_eq!(
        queue.body.matches(&both).count(),
        2,
        "listed once with both numbers:\n{}",
        queue.body
    );
    assert!(
        queue.body.contains("<td>09:40</td>"),
        "waiting since the earlier check-in"
    );
    let called = desk.act("call_next", None, &[]).await;
    assert_eq!(called.status, StatusCode::SEE_OTHER, "{:?}", called.alert());
    let display: Value = env
        .http
        .get(env.url("/v1/display/town-hall"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(display["calling"][0]["number"], both.as_str(), "{display}");
    assert_eq!(display["calling"][0]["desk"], "Loket 1");
    // Neither number is left waiting for a call that would never come: one ticket, called.
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let (tickets, waiting): (i64, i64) = conn
        .query_row(
            "SELECT COUNT(*), COUNT(*) FILTER (WHERE status = 'waiting') FROM tickets
             WHERE booking_id = ?1",
            [booking["id"].as_str().unwrap()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((tickets, waiting), (1, 0));
}

/// A batch holds at most 100 events: 100 are each answered, 101 are refused whole.
#[tokio::test]
async fn a_batch_of_exactly_100_events_is_answered() {
    let env = start().await;
    let hundred: Vec<Value> = (0..100)
        .map(|_| json!({"id": uuid::Uuid::now_v7(), "type": "session.ended", "occurred_at": "2026-03-23T08:00:00+01:00"}))
        .collect();
    let response = env
        .send("/v1/kiosks/me/events", &json!({"events": hundred}))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let results: Value = response.json().await.unwrap();
    assert_eq!(results["results"].as_array().unwrap().len(), 100);
}
