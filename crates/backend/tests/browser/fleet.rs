//! The fleet view in a real browser: an admin signs in, opens /admin/fleet, and reads a kiosk
//! out of paper marked as in alert (in words, not colour alone). Screenshot in
//! target/screens/fleet/.

use std::time::Duration;

use fantoccini::Locator;
use jiff::civil::date;
use kiosk_backend::{Clock, ServerConfig};

use crate::chrome::{Chrome, screens_dir};
use crate::{ONE_AT_A_TIME, PASSWORD};

#[tokio::test]
async fn an_admin_sees_a_kiosk_out_of_paper_in_alert() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("backend.sqlite");
    let now: jiff::Timestamp = "2026-03-24T09:40:00+01:00".parse().unwrap();
    let setup_db = db.clone();
    let code = tokio::task::spawn_blocking(move || {
        kiosk_backend::seed_demo_on(&setup_db, 42, date(2026, 1, 20)).unwrap();
        kiosk_backend::add_staff(&setup_db, "ada", kiosk_backend::StaffRole::Admin, PASSWORD)
            .unwrap();
        kiosk_backend::create_enrolment_code_at(&setup_db, "town-hall", now).unwrap()
    })
    .await
    .unwrap();
    let clock = Clock::manual(now);
    let mut config = ServerConfig::new(db.clone(), "127.0.0.1:0".parse().unwrap());
    config.clock = clock.clone();
    config.fleet.every = Duration::from_millis(50);
    let server = kiosk_backend::spawn(config).await.unwrap();
    let url = |path: &str| format!("{}{path}", server.base_url());

    // A kiosk enrols and reports its printer out of paper; ten minutes later it still is.
    let http = reqwest::Client::new();
    let enrolled: serde_json::Value = http
        .post(url("/v1/kiosks/enrol"))
        .header("Idempotency-Key", "fleet-browser-enrol-1")
        .json(&serde_json::json!({"enrolment_code": code, "hardware_id": "hall-left"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = enrolled["token"].as_str().unwrap().to_owned();
    for _ in 0..2 {
        let status = serde_json::json!({
            "app_version": "1.4.2", "printer": {"state": "paper_out"}, "card_reader": "ok",
            "scanner": "ok", "outbox_depth": 0, "kiosk_time": clock.now().to_string()
        });
        let response = http
            .put(url("/v1/kiosks/me/status"))
            .bearer_auth(&token)
            .header(
                "Idempotency-Key",
                format!("fleet-browser-beat-{}", clock.now()),
            )
            .json(&status)
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success());
        clock.advance(jiff::SignedDuration::from_mins(6));
    }
    tokio::time::sleep(Duration::from_millis(300)).await;

    let chrome = Chrome::start(1280, 800).await;
    chrome.sign_in(&server.base_url(), "ada", PASSWORD).await;
    let c = &chrome.client;
    c.wait()
        .for_element(Locator::Css("#location"))
        .await
        .expect("signed in");
    c.goto(&url("/admin/fleet")).await.unwrap();
    let row = c
        .wait()
        .for_element(Locator::Css("#fleet tr.alert"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        row.contains("ALARM") && row.contains("papier op") && row.contains("hall-left"),
        "{row}"
    );
    let open = c
        .find(Locator::Css("#open-alerts"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(open.contains("papier op"), "{open}");
    chrome
        .screenshot(&screens_dir("fleet"), "fleet", 1280, 800)
        .await;
    // Ten columns, read in the screenshot's 1280 px window without scrolling sideways.
    let past = chrome.past_the_right_edge("#fleet").await;
    assert!(past <= 0.5, "the kiosks' table is {past} px too wide");
    chrome.stop().await;
    server.shutdown().await.unwrap();
}
