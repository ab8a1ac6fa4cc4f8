//! The desk console and the waiting-room display over real HTTP: sign-in, lock-out, CSRF, every
//! transition and its refusals, exactly-once forms, the Call next race, the live stream.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::Value;

use crate::common::{Env, start};
use crate::desk_client::{Browser, PASSWORD, add_staff, insert_walk_ins};
use crate::openapi::{check, response_schema};

/// Tuesday 24 March 2026, 09:40 in Brussels: check-in is open for the 10:00 bookings.
const TUESDAY_0940: &str = "2026-03-24T09:40:00+01:00";
const TUESDAY: &str = "2026-03-24";

async fn ticket(env: &Env, id: &str) -> Value {
    let response = env.get(&format!("/v1/tickets/{id}")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// Books `product` at `start` on Tuesday and checks in at the kiosk; returns the ticket.
async fn checked_in(env: &Env, product: &str, start: &str) -> Value {
    let booking = env.book("town-hall", product, 1, start).await;
    let response = env.check_in(booking["code"].as_str().unwrap()).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.unwrap()
}

async fn setup_env() -> Env {
    let env = start().await;
    add_staff(&env.db, "anna").await;
    env
}

#[tokio::test]
async fn wrong_password_is_said_plainly_and_repeated_ones_lock_the_account_for_a_while() {
    let env = setup_env().await;
    let browser = Browser::new(&env);
    let page = browser.login("anna", "not-the-password").await;
    assert_eq!(page.status, StatusCode::UNAUTHORIZED);
    assert!(page.alert().unwrap().starts_with("Wrong login or password"));
    let unknown = browser.login("nobody", "whatever-it-is").await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        unknown.alert(),
        page.alert(),
        "an unknown login reads like a wrong password"
    );

    browser.login("anna", "not-the-password").await;
    let third = browser.login("anna", "not-the-password").await;
    assert_eq!(third.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        third.alert().unwrap().contains("locked"),
        "{:?}",
        third.alert()
    );
    // Even the right password waits out the lock.
    let locked = browser.login("anna", PASSWORD).await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(locked.alert().unwrap().contains("Try again in"));
    env.clock.advance(jiff::SignedDuration::from_secs(31));
    let ok = browser.login("anna", PASSWORD).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let session = browser.cookie("desk_session").unwrap();
    assert_eq!(session.len(), 64);
    // The database keeps only the session token's hash.
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let stored: String = conn
        .query_row("SELECT token_hash FROM staff_sessions", [], |r| r.get(0))
        .unwrap();
    assert_ne!(stored, session);
}

#[tokio::test]
async fn forms_without_this_sessions_csrf_token_are_refused_and_change_nothing() {
    let env = setup_env().await;
    env.set_now(TUESDAY_0940);
    insert_walk_ins(
        &env.db,
        "town-hall",
        "identity",
        1,
        TUESDAY,
        env.clock.now().as_second() - 600,
        1,
    );
    let browser = Browser::at_desk(&env, "anna", "Loket 1", "town-hall", &["identity"]).await;
    let key = uuid::Uuid::new_v4().to_string();
    let forged = browser
        .post(
            "/desk/act",
            &[
                ("csrf", "0000"),
                ("form_key", &key),
                ("action", "call_next"),
            ],
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let missing = browser
        .post("/desk/act", &[("form_key", &key), ("action", "call_next")])
        .await;
    assert_eq!(missing.status, StatusCode::FORBIDDEN);
    // Another clerk's token is not this session's either.
    add_staff(&env.db, "bert").await;
    let other = Browser::at_desk(&env, "bert", "Loket 2", "town-hall", &["identity"]).await;
    let their_token = other.csrf().await;
    let crossed = browser
        .post(
            "/desk/act",
            &[
                ("csrf", &their_token),
                ("form_key", &key),
                ("action", "call_next"),
            ],
        )
        .await;
    assert_eq!(crossed.status, StatusCode::FORBIDDEN);
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let called: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM tickets WHERE status != 'waiting'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(called, 0);
    // Sign-in without the login page's token: refused too.
    let fresh = Browser::new(&env);
    let blind = fresh
        .post("/desk/login", &[("login", "anna"), ("password", PASSWORD)])
        .await;
    assert_eq!(blind.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_ticket_goes_waiting_called_serving_done_and_refusals_say_why() {
    let env = setup_env().await;
    env.set_now(TUESDAY_0940);
    let first = checked_in(&env, "eid-pickup", "2026-03-24T10:00:00+01:00").await;
    let second = checked_in(&env, "eid-pickup", "2026-03-24T10:05:00+01:00").await;
    let (a, b) = (
        first["id"].as_str().unwrap(),
        second["id"].as_str().unwrap(),
    );
    assert_eq!(second["people_ahead"], 1);
    let desk = Browser::at_desk(
        &env,
        "anna",
        "Loket 3",
        "town-hall",
        &["identity", "travel"],
    )
    .await;

    // Done on a waiting ticket.
    let page = desk.act("done", Some(b), &[]).await;
    assert_eq!(page.status, StatusCode::CONFLICT);
    assert!(
        page.alert().unwrap().contains("is waiting: cannot do done"),
        "{:?}",
        page.alert()
    );

    let page = desk.act("call_next", None, &[]).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let t = ticket(&env, a).await;
    assert_eq!(
        (t["status"].as_str(), t["desk"].as_str()),
        (Some("called"), Some("Loket 3"))
    );
    assert_eq!(
        ticket(&env, b).await["people_ahead"],
        0,
        "the called ticket is no longer ahead"
    );

    // One ticket at a time per desk.
    let busy = desk.act("call_next", None, &[]).await;
    assert_eq!(busy.status, StatusCode::CONFLICT);
    assert!(busy.alert().unwrap().contains("Finish the current ticket"));

    assert_eq!(
        desk.act("call_again", Some(a), &[]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        desk.act("start", Some(a), &[]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(ticket(&env, a).await["status"], "serving");
    // Never backwards: a serving ticket cannot be started again or called again.
    assert_eq!(
        desk.act("call_again", Some(a), &[]).await.status,
        StatusCode::CONFLICT
    );
    env.advance_minutes(4);
    assert_eq!(
        desk.act("done", Some(a), &[]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(ticket(&env, a).await["status"], "done");
    assert_eq!(
        desk.act("start", Some(a), &[]).await.status,
        StatusCode::CONFLICT
    );

    // Back to queue keeps the ticket's place; No show closes it.
    assert_eq!(
        desk.act("call_next", None, &[]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(ticket(&env, b).await["status"], "called");
    assert_eq!(
        desk.act("back_to_queue", Some(b), &[]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(ticket(&env, b).await["status"], "waiting");
    assert_eq!(
        desk.act("call", Some(b), &[]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        desk.act("no_show", Some(b), &[]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(ticket(&env, b).await["status"], "no_show");

    // Nobody left.
    let empty = desk.act("call_next", None, &[]).await;
    assert_eq!(empty.status, StatusCode::CONFLICT);
    assert_eq!(
        empty.alert().unwrap(),
        "Nobody is waiting for your services"
    );

    // Every change was recorded with who, which desk and when.
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let actions: Vec<String> = conn
        .prepare("SELECT action || '@' || COALESCE(desk, '-') FROM ticket_events WHERE ticket_id = ?1 ORDER BY id")
        .unwrap()
        .query_map([a], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        actions,
        [
            "checked_in@-",
            "called@Loket 3",
            "called_again@Loket 3",
            "started@Loket 3",
            "done@Loket 3"
        ]
    );
}

#[tokio::test]
async fn transfer_keeps_the_number_and_goes_to_the_front_of_the_other_queue() {
    let env = setup_env().await;
    env.set_now(TUESDAY_0940);
    let now = env.clock.now().as_second();
    let travel = insert_walk_ins(&env.db, "town-hall", "travel", 1, TUESDAY, now - 1200, 2);
    let identity = insert_walk_ins(&env.db, "town-hall", "identity", 1, TUESDAY, now - 600, 1);
    let desk = Browser::at_desk(&env, "anna", "Loket 1", "town-hall", &["identity"]).await;
    assert_eq!(
        desk.act("call", Some(&identity[0]), &[]).await.status,
        StatusCode::SEE_OTHER
    );
    let page = desk
        .act("transfer", Some(&identity[0]), &[("service", "travel")])
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let moved = ticket(&env, &identity[0]).await;
    assert_eq!(
        (moved["number"].as_str(), moved["status"].as_str()),
        (Some("A001"), Some("waiting"))
    );
    assert_eq!(
        moved["people_ahead"], 0,
        "first in the travel queue, before B001 and B002"
    );
    assert_eq!(ticket(&env, &travel[0]).await["people_ahead"], 1);
    // A transfer to a queue the location does not have is refused.
    let refused = desk
        .act(
            "transfer",
            Some(&identity[0]),
            &[("service", "no-such-queue")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_desk_cannot_serve_a_queue_or_a_ticket_of_another_location() {
    let env = setup_env().await;
    env.set_now(TUESDAY_0940);
    let now = env.clock.now().as_second();
    let town_hall = insert_walk_ins(&env.db, "town-hall", "identity", 1, TUESDAY, now - 600, 1);
    // The branch offers identity and travel only.
    let browser = Browser::new(&env);
    assert_eq!(
        browser.login("anna", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    let refused = browser
        .setup("branch-kiezel", "Loket 1", &["planning"])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .alert()
            .unwrap()
            .contains("not served at this location")
    );
    assert_eq!(
        browser
            .setup("nowhere", "Loket 1", &["identity"])
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        browser
            .setup("branch-kiezel", "Loket 1", &["identity"])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let page = browser.act("call", Some(&town_hall[0]), &[]).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(
        page.alert()
            .unwrap()
            .contains("not served at your location")
    );
    assert_eq!(ticket(&env, &town_hall[0]).await["status"], "waiting");
    // And the queue of the branch is empty, whatever waits at the town hall.
    assert_eq!(
        browser.act("call_next", None, &[]).await.status,
        StatusCode::CONFLICT
    );
}

#[tokio::test]
async fn a_double_submitted_call_next_calls_one_ticket() {
    let env = setup_env().await;
    env.set_now(TUESDAY_0940);
    let now = env.clock.now().as_second();
    insert_walk_ins(&env.db, "town-hall", "identity", 1, TUESDAY, now - 600, 3);
    let desk = Browser::at_desk(&env, "anna", "Loket 1", "town-hall", &["identity"]).await;
    let key = uuid::Uuid::new_v4().to_string();
    let (one, two) = tokio::join!(
        desk.act_with_key("call_next", None, &[], &key),
        desk.act_with_key("call_next", None, &[], &key)
    );
    assert_eq!(
        (one.status, two.status),
        (StatusCode::SEE_OTHER, StatusCode::SEE_OTHER)
    );
    let again = desk.act_with_key("call_next", None, &[], &key).await;
    assert_eq!(
        again.status,
        StatusCode::SEE_OTHER,
        "a resent form is answered, not refused"
    );
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let called: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM tickets WHERE status = 'called'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(called, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_desks_pressing_call_next_at_once_get_twenty_different_tickets() {
    let env = setup_env().await;
    env.set_now(TUESDAY_0940);
    let now = env.clock.now().as_second();
    let ids = insert_walk_ins(&env.db, "town-hall", "identity", 1, TUESDAY, now - 3600, 20);
    let mut desks = Vec::new();
    for i in 1..=20 {
        desks.push(
            Browser::at_desk(
                &env,
                "anna",
                &format!("Loket {i}"),
                "town-hall",
                &["identity"],
            )
            .await,
        );
    }
    let mut forms = Vec::new();
    for desk in &desks {
        forms.push((desk.csrf().await, uuid::Uuid::new_v4().to_string()));
    }
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(20));
    let presses = desks.into_iter().zip(forms).map(|(desk, (csrf, key))| {
        let barrier = barrier.clone();
        tokio::spawn(async move {
            barrier.wait().await;
            desk.post(
                "/desk/act",
                &[("csrf", &csrf), ("form_key", &key), ("action", "call_next")],
            )
            .await
            .status
        })
    });
    for press in futures_util::future::join_all(presses).await {
        assert_eq!(press.unwrap(), StatusCode::SEE_OTHER);
    }
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let mut stmt = conn
        .prepare("SELECT id, desk FROM tickets WHERE status = 'called'")
        .unwrap();
    let called: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(called.len(), 20);
    let tickets: std::collections::HashSet<_> = called.iter().map(|(t, _)| t.clone()).collect();
    let desks: std::collections::HashSet<_> = called.iter().map(|(_, d)| d.clone()).collect();
    assert_eq!(
        (tickets.len(), desks.len()),
        (20, 20),
        "each desk its own ticket, none twice"
    );
    assert!(ids.iter().all(|id| tickets.contains(id)));
}

#[tokio::test]
async fn the_kiosk_is_told_people_ahead_and_a_wait_from_measured_service_times() {
    let env = setup_env().await;
    env.set_now(TUESDAY_0940);
    let now = env.clock.now().as_second();
    let ids = insert_walk_ins(&env.db, "town-hall", "identity", 1, TUESDAY, now - 3600, 5);
    // No history yet: the default 10 minutes a resident, one desk.
    assert_eq!(ticket(&env, &ids[2]).await["estimated_wait_min"], 20);
    let desk = Browser::at_desk(&env, "anna", "Loket 1", "town-hall", &["identity"]).await;
    for minutes in [4, 6] {
        desk.act("call_next", None, &[]).await;
        let called = ids.iter().find(|id| {
            let conn = rusqlite::Connection::open(&env.db).unwrap();
            conn.query_row("SELECT status FROM tickets WHERE id = ?1", [id], |r| {
                r.get::<_, String>(0)
            })
            .unwrap()
                == "called"
        });
        let called = called.unwrap().clone();
        desk.act("start", Some(&called), &[]).await;
        env.advance_minutes(minutes);
        assert_eq!(
            desk.act("done", Some(&called), &[]).await.status,
            StatusCode::SEE_OTHER
        );
    }
    // Median of 4 and 6 minutes: 5 minutes a resident; ids[4] has two ahead, one desk serving.
    let last = ticket(&env, &ids[4]).await;
    assert_eq!(
        (
            last["people_ahead"].as_u64(),
            last["estimated_wait_min"].as_u64()
        ),
        (Some(2), Some(10))
    );
    // A second desk serving the queue halves it.
    add_staff(&env.db, "bert").await;
    let _second = Browser::at_desk(&env, "bert", "Loket 2", "town-hall", &["identity"]).await;
    assert_eq!(ticket(&env, &ids[4]).await["estimated_wait_min"], 5);
}

#[tokio::test]
async fn appointments_show_on_the_desk_and_a_clerk_can_check_one_in_by_hand() {
    let env = setup_env().await;
    env.set_now(TUESDAY_0940);
    let booking = env
        .book("town-hall", "eid-pickup", 1, "2026-03-24T10:00:00+01:00")
        .await;
    let desk = Browser::at_desk(&env, "anna", "Loket 1", "town-hall", &["identity"]).await;
    let page = desk.get("/desk").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Zoë Testpersoon"),
        "the clerk sees who is booked"
    );
    assert!(page.body.contains(">booked<"));
    let raw = env.http.get(env.url("/desk/login")).send().await.unwrap();
    assert_eq!(
        raw.headers()["cache-control"],
        "no-store",
        "names are never cached"
    );
    assert_eq!(raw.headers()["x-frame-options"], "DENY");
    let csrf = desk.csrf().await;
    let key = uuid::Uuid::new_v4().to_string();
    let id = booking["id"].as_str().unwrap();
    let fields = [
        ("csrf", csrf.as_str()),
        ("form_key", key.as_str()),
        ("booking", id),
    ];
    assert_eq!(
        desk.post("/desk/check-in", &fields).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        desk.post("/desk/check-in", &fields).await.status,
        StatusCode::SEE_OTHER
    );
    let panel = desk.get("/desk/panel").await;
    assert!(panel.body.contains("checked in · A001"), "{}", panel.body);
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let tickets: i64 = conn
        .query_row("SELECT COUNT(*) FROM tickets", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tickets, 1);
}

#[tokio::test]
async fn an_idle_session_expires_and_a_signed_out_one_is_gone() {
    let env = setup_env().await;
    let desk = Browser::at_desk(&env, "anna", "Loket 1", "town-hall", &["identity"]).await;
    assert_eq!(desk.get("/desk").await.status, StatusCode::OK);
    env.advance_minutes(29);
    assert_eq!(
        desk.get("/desk").await.status,
        StatusCode::OK,
        "use keeps it alive"
    );
    env.advance_minutes(31);
    let page = desk.get("/desk").await;
    assert_eq!(
        (page.status, page.location.as_deref()),
        (StatusCode::SEE_OTHER, Some("/desk/login"))
    );

    let desk = Browser::at_desk(&env, "anna", "Loket 1", "town-hall", &["identity"]).await;
    let csrf = desk.csrf().await;
    assert_eq!(
        desk.post("/desk/logout", &[("csrf", &csrf)]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(desk.get("/desk").await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_browser_remembers_its_desk_for_the_next_sign_in() {
    let env = setup_env().await;
    let desk = Browser::at_desk(
        &env,
        "anna",
        "Loket 7",
        "town-hall",
        &["identity", "travel"],
    )
    .await;
    let csrf = desk.csrf().await;
    desk.post("/desk/logout", &[("csrf", &csrf)]).await;
    assert!(desk.cookie("desk_prefs").is_some());
    assert_eq!(
        desk.login("anna", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    let page = desk.get("/desk").await;
    assert_eq!(
        page.status,
        StatusCode::OK,
        "straight to the console: {:?}",
        page.location
    );
    assert!(page.body.contains("Loket 7"));
}

#[tokio::test]
async fn the_display_shows_calls_by_number_and_desk_and_streams_them() {
    let env = setup_env().await;
    env.set_now(TUESDAY_0940);
    let now = env.clock.now().as_second();
    insert_walk_ins(&env.db, "town-hall", "identity", 1, TUESDAY, now - 600, 2);
    let page = env
        .http
        .get(env.url("/display/town-hall"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let unknown = env
        .http
        .get(env.url("/display/nowhere"))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert!(unknown.text().await.unwrap().contains("Unknown location"));
    let unknown = env
        .http
        .get(env.url("/v1/display/nowhere/events"))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);

    let mut stream = env
        .http
        .get(env.url("/v1/display/town-hall/events"))
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), StatusCode::OK);
    assert!(
        stream.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/event-stream")
    );
    let desk = Browser::at_desk(&env, "anna", "Loket 3", "town-hall", &["identity"]).await;
    assert_eq!(
        desk.act("call_next", None, &[]).await.status,
        StatusCode::SEE_OTHER
    );
    let mut seen = String::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while !seen.contains("event: queue") || !seen.contains("\n\n") || !seen.contains("A001") {
        let chunk = tokio::time::timeout_at(deadline, stream.chunk())
            .await
            .expect("the call reaches the stream")
            .unwrap()
            .unwrap();
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    let data = seen
        .split("event: queue\ndata: ")
        .nth(1)
        .unwrap()
        .split('\n')
        .next()
        .unwrap();
    let news: Value = serde_json::from_str(data).unwrap();
    assert_eq!(news["number"], "A001");
    assert_eq!(news["desk"], "Loket 3");
    assert_eq!(news["announce"], true);

    let response = env
        .http
        .get(env.url("/v1/display/town-hall"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let view: Value = response.json().await.unwrap();
    let doc = env.openapi().await;
    check(
        &doc,
        response_schema(&doc, "/v1/display/{location}", "get", 200),
        &view,
        "display",
    );
    assert_eq!(view["calling"][0]["number"], "A001");
    assert_eq!(view["calling"][0]["desk"], "Loket 3");
    assert_eq!(view["recent"].as_array().unwrap().len(), 1);
    assert!(!view.to_string().contains("Testpersoon"), "never a name");
}

#[tokio::test]
async fn an_offline_check_in_synced_later_takes_its_place_by_its_arrival_time() {
    let env = setup_env().await;
    let early = env
        .book("town-hall", "passport", 1, "2026-03-24T10:00:00+01:00")
        .await;
    let late = env
        .book("town-hall", "passport", 1, "2026-03-24T10:00:00+01:00")
        .await;
    env.set_now("2026-03-24T09:30:00+01:00");
    let block: Value = env
        .send(
            "/v1/kiosks/me/ticket-blocks",
            &serde_json::json!({"queue_service_id": "travel", "day": TUESDAY, "size": 5}),
        )
        .await
        .json()
        .await
        .unwrap();
    // `late` checks in online at 09:45; `early` checked in at 09:40 at a kiosk that was offline
    // and syncs at 09:50.
    env.set_now("2026-03-24T09:45:00+01:00");
    let online: Value = env
        .check_in(late["code"].as_str().unwrap())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (online["number"].as_str(), online["people_ahead"].as_u64()),
        (Some("B001"), Some(0))
    );
    env.set_now("2026-03-24T09:50:00+01:00");
    let event = serde_json::json!({"events": [{
        "id": uuid::Uuid::now_v7(), "type": "ticket.offline_checkin", "occurred_at": "2026-03-24T09:40:00+01:00",
        "payload": {"booking_id": early["id"], "queue_service_id": "travel", "day": TUESDAY,
                    "sequence": block["first"]}}]});
    let results: Value = env
        .send("/v1/kiosks/me/events", &event)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(results["results"][0]["status"], "accepted");
    assert_eq!(
        ticket(&env, online["id"].as_str().unwrap()).await["people_ahead"],
        1,
        "the resident who arrived first is ahead, though synced later"
    );
    let desk = Browser::at_desk(&env, "anna", "Loket 2", "town-hall", &["travel"]).await;
    assert_eq!(
        desk.act("call_next", None, &[]).await.status,
        StatusCode::SEE_OTHER
    );
    let panel = desk.get("/desk/panel").await;
    assert!(
        panel.body.contains("id=\"current-number\">B901<"),
        "{}",
        panel.body
    );
}

#[tokio::test]
async fn the_desk_stream_tells_of_a_kiosk_check_in() {
    let env = setup_env().await;
    env.set_now(TUESDAY_0940);
    let desk = Browser::at_desk(&env, "anna", "Loket 1", "town-hall", &["identity"]).await;
    let cookie = format!("desk_session={}", desk.cookie("desk_session").unwrap());
    let mut stream = env
        .http
        .get(env.url("/desk/events"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), StatusCode::OK);
    let checked = checked_in(&env, "eid-pickup", "2026-03-24T10:00:00+01:00").await;
    let mut seen = String::new();
    while !seen.contains("\"action\":\"checked_in\"") {
        let chunk = tokio::time::timeout(Duration::from_secs(5), stream.chunk())
            .await
            .expect("the check-in reaches the desk")
            .unwrap()
            .unwrap();
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    assert!(seen.contains(checked["number"].as_str().unwrap()));
    // Without a session there is no stream.
    let anonymous = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(env.url("/desk/events"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn an_early_appointment_waits_behind_walk_ins_until_shortly_before_its_time() {
    let env = setup_env().await;
    env.set_now(TUESDAY_0940);
    let appointment = checked_in(&env, "eid-pickup", "2026-03-24T10:00:00+01:00").await;
    let now = env.clock.now().as_second();
    let walk_ins = insert_walk_ins(&env.db, "town-hall", "identity", 50, TUESDAY, now - 60, 2);
    let desk = Browser::at_desk(&env, "anna", "Loket 1", "town-hall", &["identity"]).await;
    // 09:40: the 10:00 appointment is 20 minutes early; the walk-in who is due goes first.
    assert_eq!(
        ticket(&env, appointment["id"].as_str().unwrap()).await["people_ahead"],
        2
    );
    desk.act("call_next", None, &[]).await;
    assert_eq!(ticket(&env, &walk_ins[0]).await["status"], "called");
    desk.act("no_show", Some(&walk_ins[0]), &[]).await;
    // 09:56: within 5 minutes of its time, the appointment goes before the other walk-in.
    env.set_now("2026-03-24T09:56:00+01:00");
    assert_eq!(
        ticket(&env, appointment["id"].as_str().unwrap()).await["people_ahead"],
        0
    );
    desk.act("call_next", None, &[]).await;
    assert_eq!(
        ticket(&env, appointment["id"].as_str().unwrap()).await["status"],
        "called"
    );
}

#[tokio::test]
async fn by_arrival_the_walk_in_who_came_first_is_called_before_a_due_appointment() {
    let env = crate::common::start_with(crate::common::MONDAY_MORNING, |config| {
        config.queue.call_order = kiosk_backend::queue::CallOrder::ByArrival;
    })
    .await;
    add_staff(&env.db, "anna").await;
    // 09:58: a walk-in took a number at 09:50; the 10:00 appointment checks in now, due.
    env.set_now("2026-03-24T09:58:00+01:00");
    let now = env.clock.now().as_second();
    let walk_ins = insert_walk_ins(&env.db, "town-hall", "identity", 50, TUESDAY, now - 480, 1);
    let appointment = checked_in(&env, "eid-pickup", "2026-03-24T10:00:00+01:00").await;
    assert_eq!(appointment["people_ahead"], 1, "behind the walk-in");
    let desk = Browser::at_desk(&env, "anna", "Loket 1", "town-hall", &["identity"]).await;
    desk.act("call_next", None, &[]).await;
    assert_eq!(ticket(&env, &walk_ins[0]).await["status"], "called");
    assert_eq!(
        ticket(&env, appointment["id"].as_str().unwrap()).await["status"],
        "waiting"
    );
}

#[tokio::test]
async fn staff_commands_add_list_and_disable_accounts() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let env = start().await;
    let backend = env!("CARGO_BIN_EXE_kiosk-backend");
    let add = |login: &str, role: &str, password: &str| {
        let mut child = Command::new(backend)
            .args(["staff", "add", "--db"])
            .arg(&env.db)
            .args(["--login", login, "--role", role])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
        child.wait_with_output().unwrap()
    };
    let admin = add("admin", "admin", PASSWORD);
    assert!(
        admin.status.success(),
        "{}",
        String::from_utf8_lossy(&admin.stderr)
    );
    assert!(add("anna", "clerk", PASSWORD).status.success());
    let short = add("bert", "clerk", "short");
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 10 characters"));
    let twice = add("anna", "clerk", PASSWORD);
    assert!(String::from_utf8_lossy(&twice.stderr).contains("exists already"));
    let list = Command::new(backend)
        .args(["staff", "list", "--db"])
        .arg(&env.db)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&list.stdout),
        "admin\tadmin\tactive\nanna\tclerk\tactive\n"
    );

    let desk = Browser::at_desk(&env, "anna", "Loket 1", "town-hall", &["identity"]).await;
    let disabled = Command::new(backend)
        .args(["staff", "disable", "--db"])
        .arg(&env.db)
        .args(["--login", "anna"])
        .output()
        .unwrap();
    assert!(disabled.status.success());
    assert_eq!(
        desk.get("/desk").await.status,
        StatusCode::SEE_OTHER,
        "its session ended"
    );
    let again = Browser::new(&env).login("anna", PASSWORD).await;
    assert_eq!(again.status, StatusCode::UNAUTHORIZED);
}

/// A resident cancelling at the kiosk after checking in: the ticket is cancelled with the
/// booking, and desks and displays are told, so nobody waits to call a number that is gone.
#[tokio::test]
async fn a_cancellation_at_the_kiosk_reaches_the_display_stream() {
    let env = setup_env().await;
    env.set_now(TUESDAY_0940);
    let booking = env
        .book(
            "town-hall",
            "eid-application",
            1,
            "2026-03-24T10:00:00+01:00",
        )
        .await;
    let code = booking["code"].as_str().unwrap();
    assert_eq!(env.check_in(code).await.status(), StatusCode::CREATED);
    let mut stream = env
        .http
        .get(env.url("/v1/display/town-hall/events"))
        .send()
        .await
        .unwrap();
    let cancelled = env
        .http
        .delete(env.url(&format!(
            "/v1/bookings/{}?code={code}",
            booking["id"].as_str().unwrap()
        )))
        .bearer_auth(&env.token)
        .send()
        .await
        .unwrap();
    assert_eq!(cancelled.status(), StatusCode::OK);
    let mut seen = String::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while !seen.contains("\"cancelled\"") {
        let chunk = tokio::time::timeout_at(deadline, stream.chunk())
            .await
            .expect("the cancellation reaches the stream")
            .unwrap()
            .unwrap();
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
}

#[tokio::test]
async fn the_setup_page_offers_the_desk_names_of_the_catalogue_file() {
    let env = setup_env().await;
    let browser = Browser::new(&env);
    assert_eq!(
        browser.login("anna", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    let page = browser.get("/desk/setup").await;
    assert_eq!(page.status, StatusCode::OK);
    // The demo file names Loket 1 to 3 at the town hall and Loket 1 at Kiezel.
    assert!(page.body.contains(r#"list="desk-names""#), "{}", page.body);
    for (desk, location) in [
        ("Loket 3", "Gemeentehuis Heidebeek"),
        ("Loket 1", "Dienstencentrum Kiezel"),
    ] {
        assert!(
            page.body
                .contains(&format!(r#"<option value="{desk}">{location}</option>"#)),
            "{desk} at {location} is offered:\n{}",
            page.body
        );
    }
}

/// An offline check-in synced later joins the queue, so the display is told to reload; one the
/// backend rejects changes nothing and tells it nothing (the cancellation after it is the next
/// news the display gets).
#[tokio::test]
async fn the_display_is_told_of_an_accepted_offline_check_in_only() {
    let env = setup_env().await;
    let booking = env
        .book("town-hall", "passport", 1, "2026-03-24T10:00:00+01:00")
        .await;
    let other = env
        .book(
            "town-hall",
            "eid-application",
            1,
            "2026-03-24T10:00:00+01:00",
        )
        .await;
    env.set_now(TUESDAY_0940);
    let block: Value = env
        .send(
            "/v1/kiosks/me/ticket-blocks",
            &serde_json::json!({"queue_service_id": "travel", "day": TUESDAY, "size": 5}),
        )
        .await
        .json()
        .await
        .unwrap();
    let offline = |sequence: &Value| {
        serde_json::json!({"events": [{
            "id": uuid::Uuid::now_v7(), "type": "ticket.offline_checkin", "occurred_at": TUESDAY_0940,
            "payload": {"booking_id": booking["id"], "queue_service_id": "travel", "day": TUESDAY,
                        "sequence": sequence}}]})
    };
    let mut stream = env
        .http
        .get(env.url("/v1/display/town-hall/events"))
        .send()
        .await
        .unwrap();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    let mut seen = String::new();

    let accepted: Value = env
        .send("/v1/kiosks/me/events", &offline(&block["first"]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(accepted["results"][0]["status"], "accepted");
    while !seen.contains("\"checked_in\"") {
        let chunk = tokio::time::timeout_at(deadline, stream.chunk())
            .await
            .expect("the offline check-in reaches the display")
            .unwrap()
            .unwrap();
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }

    // 42 is not in this kiosk's block.
    let rejected: Value = env
        .send("/v1/kiosks/me/events", &offline(&serde_json::json!(42)))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(rejected["results"][0]["status"], "rejected");
    let cancelled = env
        .http
        .delete(env.url(&format!(
            "/v1/bookings/{}?code={}",
            other["id"].as_str().unwrap(),
            other["code"].as_str().unwrap()
        )))
        .bearer_auth(&env.token)
        .send()
        .await
        .unwrap();
    assert_eq!(cancelled.status(), StatusCode::OK);
    let mut after = String::new();
    while !after.contains("\"cancelled\"") {
        let chunk = tokio::time::timeout_at(deadline, stream.chunk())
            .await
            .expect("the cancellation reaches the display")
            .unwrap()
            .unwrap();
        after.push_str(&String::from_utf8_lossy(&chunk));
    }
    assert!(
        !after.contains("\"checked_in\""),
        "a rejected offline check-in was announced: {after}"
    );
}
