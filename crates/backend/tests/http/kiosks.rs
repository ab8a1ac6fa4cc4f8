use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{key, problem, start};

#[tokio::test]
async fn health_answers_without_a_token() {
    let env = start().await;
    let response = env.http.get(env.url("/v1/health")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["server_time"], "2026-03-23T08:00:00+01:00");
}

#[tokio::test]
async fn calls_without_or_with_a_wrong_token_get_401() {
    let env = start().await;
    let none = env.http.get(env.url("/v1/catalogue")).send().await.unwrap();
    problem(none, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let wrong = env
        .http
        .get(env.url("/v1/catalogue"))
        .bearer_auth("kt_nope")
        .send()
        .await
        .unwrap();
    problem(wrong, StatusCode::UNAUTHORIZED, "unauthorized").await;
}

#[tokio::test]
async fn an_enrolment_code_is_single_use_but_a_lost_response_can_be_retried() {
    let env = start().await;
    let db = env.db.clone();
    let code = tokio::task::spawn_blocking(move || {
        kiosk_backend::create_enrolment_code(&db, "branch-kiezel")
    })
    .await
    .unwrap()
    .unwrap();
    let enrol = |hardware: &str| {
        env.http
            .post(env.url("/v1/kiosks/enrol"))
            .header("Idempotency-Key", key())
            .json(&json!({"enrolment_code": code, "hardware_id": hardware}))
            .send()
    };
    let first: Value = enrol("hw-a").await.unwrap().json().await.unwrap();
    problem(
        enrol("hw-b").await.unwrap(),
        StatusCode::CONFLICT,
        "enrolment-code-used",
    )
    .await;
    let again = enrol("hw-a").await.unwrap();
    assert_eq!(again.status(), StatusCode::CREATED);
    let again: Value = again.json().await.unwrap();
    assert_eq!(
        again["kiosk_id"], first["kiosk_id"],
        "the same kiosk, not a second one"
    );
    assert_ne!(again["token"], first["token"]);
    let old = env
        .http
        .get(env.url("/v1/catalogue"))
        .bearer_auth(first["token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(
        old.status(),
        StatusCode::UNAUTHORIZED,
        "the replaced token no longer works"
    );
    let new = env
        .http
        .get(env.url("/v1/catalogue"))
        .bearer_auth(again["token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(new.status(), StatusCode::OK);
}

#[tokio::test]
async fn enrolment_refuses_unknown_codes_and_requests_without_idempotency_key() {
    let env = start().await;
    let unknown = env
        .http
        .post(env.url("/v1/kiosks/enrol"))
        .header("Idempotency-Key", key())
        .json(&json!({"enrolment_code": "ABCDEFGHJK", "hardware_id": "hw"}))
        .send()
        .await
        .unwrap();
    problem(unknown, StatusCode::FORBIDDEN, "enrolment-code-invalid").await;
    let no_key = env
        .http
        .post(env.url("/v1/kiosks/enrol"))
        .json(&json!({"enrolment_code": "ABCDEFGHJK", "hardware_id": "hw"}))
        .send()
        .await
        .unwrap();
    problem(no_key, StatusCode::BAD_REQUEST, "idempotency-key-missing").await;
}

#[tokio::test]
async fn tokens_are_stored_only_as_hashes() {
    let env = start().await;
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let hashes: Vec<String> = conn
        .prepare("SELECT token_hash FROM kiosks")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(hashes.len(), 1);
    assert_eq!(
        hashes[0],
        kiosk_backend::codes::sha256_hex(env.token.as_bytes())
    );
    drop(conn);
    let mut bytes = std::fs::read(&env.db).unwrap();
    bytes.extend(std::fs::read(env.db.with_extension("sqlite-wal")).unwrap_or_default());
    let token = env.token.as_bytes();
    assert!(
        !bytes.windows(token.len()).any(|w| w == token),
        "the token itself is in the database"
    );
}

#[tokio::test]
async fn heartbeat_is_recorded_and_listed_for_admins_only() {
    let env = start().await;
    let status = json!({
        "app_version": "0.1.0",
        "printer": {"state": "paper_low", "detail": "near end"},
        "card_reader": "ok",
        "scanner": "absent",
        "outbox_depth": 3,
        "oldest_pending_at": "2026-03-23T07:55:00+01:00",
        "kiosk_time": "2026-03-23T08:00:02+01:00"
    });
    let response = env
        .http
        .put(env.url("/v1/kiosks/me/status"))
        .bearer_auth(&env.token)
        .json(&status)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["server_time"], "2026-03-23T08:00:00+01:00");
    let catalogue = env.get("/v1/catalogue").send().await.unwrap();
    assert_eq!(
        body["catalogue_etag"],
        catalogue.headers()["etag"].to_str().unwrap()
    );

    let bad_state = env
        .http
        .put(env.url("/v1/kiosks/me/status"))
        .bearer_auth(&env.token)
        .json(&json!({"app_version": "x", "printer": {"state": "on_fire"}}))
        .send()
        .await
        .unwrap();
    problem(bad_state, StatusCode::UNPROCESSABLE_ENTITY, "invalid-body").await;

    let as_kiosk = env.get("/v1/kiosks").send().await.unwrap();
    problem(as_kiosk, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let db = env.db.clone();
    let admin = tokio::task::spawn_blocking(move || kiosk_backend::create_admin_token(&db))
        .await
        .unwrap()
        .unwrap();
    let list: Value = env
        .http
        .get(env.url("/v1/kiosks"))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let kiosks = list["kiosks"].as_array().unwrap();
    assert_eq!(kiosks.len(), 1);
    assert_eq!(kiosks[0]["hardware_id"], "kiosk-hw-1");
    assert_eq!(kiosks[0]["last_seen_at"], "2026-03-23T08:00:00+01:00");
    assert_eq!(kiosks[0]["last_status"]["printer"]["state"], "paper_low");
    assert_eq!(kiosks[0]["last_status"]["outbox_depth"], 3);
}

#[tokio::test]
async fn catalogue_has_the_demo_municipality_and_honours_if_none_match() {
    let env = start().await;
    let response = env.get("/v1/catalogue").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let etag = response.headers()["etag"].to_str().unwrap().to_owned();
    let catalogue: Value = response.json().await.unwrap();
    let locations = catalogue["locations"].as_array().unwrap();
    assert_eq!(locations.len(), 2);
    let hall = &locations[0];
    assert_eq!(hall["timezone"], "Europe/Brussels");
    let hours = hall["opening_hours"].as_array().unwrap();
    assert!(
        hours
            .iter()
            .any(|p| p["weekday"] == "saturday" && p["opens"] == "09:00:00")
    );
    assert!(
        hours
            .iter()
            .any(|p| p["weekday"] == "thursday" && p["closes"] == "19:30:00"),
        "late evening"
    );
    let closed: Vec<&str> = hall["closures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["date"].as_str().unwrap())
        .collect();
    for day in ["2026-07-11", "2026-11-15", "2026-12-25", "2026-04-06"] {
        assert!(closed.contains(&day), "{day} closed");
    }
    let passport = catalogue["products"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "passport")
        .unwrap();
    assert_eq!(passport["duration_min"], 15);
    assert_eq!(passport["queue_service_id"], "travel");
    assert_eq!(passport["arrival_window"]["before_min"], 30);
    assert_eq!(passport["name"]["fr"], "Demande de passeport");
    let bring: Vec<&str> = passport["bring"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["nl"].as_str().unwrap())
        .collect();
    assert_eq!(
        bring,
        [
            "Uw huidige identiteitskaart",
            "Uw vorige reispas",
            "Een recente pasfoto in kleur"
        ],
        "what to bring, kept through the store"
    );
    let deferred = catalogue["certificate_types"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "criminal-record-596-2")
        .unwrap();
    assert_eq!(deferred["delivery"], "deferred");
    assert_eq!(deferred["needs_purpose"], true);
    let prefixes: Vec<&str> = catalogue["queue_services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["prefix"].as_str().unwrap())
        .collect();
    assert_eq!(prefixes, ["A", "B", "C", "D", "E", "F"]);

    let cached = env
        .get("/v1/catalogue")
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(cached.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(cached.headers()["etag"].to_str().unwrap(), etag);
    let stale = env
        .get("/v1/catalogue")
        .header("If-None-Match", "\"old\"")
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), StatusCode::OK);
}

#[tokio::test]
async fn demo_seed_is_deterministic_and_has_valid_national_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let dump = |name: &str| {
        let path = dir.path().join(name);
        let summary = kiosk_backend::seed_demo_on(&path, 7, jiff::civil::date(2026, 5, 4)).unwrap();
        let conn = rusqlite::Connection::open(&path).unwrap();
        let rows: Vec<String> = conn
            .prepare("SELECT national_number || surname || first_names || household_id FROM residents ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let bookings: Vec<String> = conn
            .prepare("SELECT code || start_s || product_id FROM bookings ORDER BY code")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        (summary, rows, bookings)
    };
    let (summary, residents, bookings) = dump("a.sqlite");
    let (_, residents_again, bookings_again) = dump("b.sqlite");
    assert_eq!(residents, residents_again);
    assert_eq!(bookings, bookings_again);
    assert!(summary.residents >= 2000, "{summary:?}");
    assert!(
        bookings.len() > 100,
        "bookings over the next four weeks: {}",
        bookings.len()
    );
    let numbers: Vec<&str> = residents.iter().map(|r| &r[..11]).collect();
    assert!(
        numbers
            .iter()
            .all(|n| kiosk_backend::seed::national_number::is_valid(n))
    );
    let conn = rusqlite::Connection::open(dir.path().join("a.sqlite")).unwrap();
    let (old, new): (i64, i64) = conn
        .query_row(
            "SELECT SUM(birth_date < '2000-01-01'), SUM(birth_date >= '2000-01-01') FROM residents",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(
        old > 100 && new > 100,
        "born in both centuries: {old} / {new}"
    );
    let (_, other, _) = {
        let path = dir.path().join("c.sqlite");
        kiosk_backend::seed_demo_on(&path, 8, jiff::civil::date(2026, 5, 4)).unwrap();
        let conn = rusqlite::Connection::open(&path).unwrap();
        let first: String = conn
            .query_row(
                "SELECT national_number FROM residents WHERE id = 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        ((), first, ())
    };
    assert_ne!(other, numbers[0], "another seed gives another register");
}

/// A stolen or scrapped kiosk PC, or a leaked admin token: revoked, the very next request is
/// refused, and the rest keeps working.
#[tokio::test]
async fn a_revoked_kiosk_or_admin_token_gets_401_at_once() {
    let env = start().await;
    let other = env.enrol("town-hall", "second-kiosk").await;
    let db = env.db.clone();
    let admin = tokio::task::spawn_blocking(move || kiosk_backend::create_admin_token(&db))
        .await
        .unwrap()
        .unwrap();
    let list = |token: String| {
        let request = env.http.get(env.url("/v1/kiosks")).bearer_auth(token);
        async move { request.send().await.unwrap() }
    };
    let kiosks: Value = list(admin.clone()).await.json().await.unwrap();
    let first_id: uuid::Uuid = kiosks["kiosks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["hardware_id"] != "second-kiosk")
        .unwrap()["kiosk_id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(
        env.get("/v1/catalogue").send().await.unwrap().status(),
        StatusCode::OK
    );

    let db = env.db.clone();
    let revoked = tokio::task::spawn_blocking(move || kiosk_backend::revoke_kiosk(&db, first_id))
        .await
        .unwrap()
        .unwrap();
    assert!(revoked);
    let refused = env.get("/v1/catalogue").send().await.unwrap();
    problem(refused, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let still = env
        .http
        .get(env.url("/v1/catalogue"))
        .bearer_auth(&other)
        .send()
        .await
        .unwrap();
    assert_eq!(
        still.status(),
        StatusCode::OK,
        "the other kiosk keeps working"
    );

    let (db, token) = (env.db.clone(), admin.clone());
    let revoked =
        tokio::task::spawn_blocking(move || kiosk_backend::revoke_admin_token(&db, &token))
            .await
            .unwrap()
            .unwrap();
    assert!(revoked);
    problem(list(admin).await, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let db = env.db.clone();
    let unknown =
        tokio::task::spawn_blocking(move || kiosk_backend::revoke_kiosk(&db, uuid::Uuid::new_v4()))
            .await
            .unwrap()
            .unwrap();
    assert!(!unknown, "an unknown kiosk id is said to be unknown");
}

/// Enrolment needs no token: wrong codes are limited for everyone, so a code cannot be found by
/// trying (30 wrong ones in 10 minutes, then 429 until the window passes).
#[tokio::test]
async fn guessing_enrolment_codes_is_stopped() {
    let env = start().await;
    let enrol = |code: &str| {
        let request = env
            .http
            .post(env.url("/v1/kiosks/enrol"))
            .header("Idempotency-Key", key())
            .json(&json!({"enrolment_code": code, "hardware_id": "guesser"}));
        async move { request.send().await.unwrap() }
    };
    for _ in 0..30 {
        assert_eq!(enrol("WRONG12345").await.status(), StatusCode::FORBIDDEN);
    }
    problem(
        enrol("WRONG12345").await,
        StatusCode::TOO_MANY_REQUESTS,
        "too-many-attempts",
    )
    .await;
    env.advance_minutes(11);
    assert_eq!(
        enrol("WRONG12345").await.status(),
        StatusCode::FORBIDDEN,
        "tries again after the window"
    );
}

/// An enrolment code written on a note for the installer is no way in for ever: unused after
/// seven days, it enrols nothing (and says why).
#[tokio::test]
async fn an_unused_enrolment_code_expires_after_seven_days() {
    let env = start().await;
    let (db, now) = (env.db.clone(), env.clock.now());
    let codes = tokio::task::spawn_blocking(move || {
        [
            kiosk_backend::create_enrolment_code_at(&db, "town-hall", now).unwrap(),
            kiosk_backend::create_enrolment_code_at(&db, "town-hall", now).unwrap(),
        ]
    })
    .await
    .unwrap();
    let enrol = |code: &str| {
        let request = env
            .http
            .post(env.url("/v1/kiosks/enrol"))
            .header("Idempotency-Key", key())
            .json(&json!({"enrolment_code": code, "hardware_id": "late-installer"}));
        async move { request.send().await.unwrap() }
    };
    // Six days and 23 hours on: still good.
    env.advance_minutes(7 * 24 * 60 - 60);
    assert_eq!(enrol(&codes[0]).await.status(), StatusCode::CREATED);
    // A day later the other, never used, is refused.
    env.advance_minutes(24 * 60);
    problem(
        enrol(&codes[1]).await,
        StatusCode::FORBIDDEN,
        "enrolment-code-expired",
    )
    .await;
}
