//! The fleet view for IT (issue 16) over HTTP: alerts posted to a local webhook receiver when a
//! kiosk is silent, out of paper or failing to sync past its threshold, and resolved when that
//! ends; nothing posted without a webhook or again after a restart; the page for admins only.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Json;
use axum::extract::State;
use kiosk_backend::ServerConfig;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::{Env, start_with};
use crate::desk_client::{Browser, PASSWORD};

const NOW: &str = "2026-03-23T08:00:00+01:00";
const HARDWARE: &str = "kiosk-hw-1";

/// A webhook receiver on 127.0.0.1: every JSON body it was posted, in order.
#[derive(Clone, Default)]
struct Receiver {
    url: String,
    got: Arc<Mutex<Vec<Value>>>,
}

impl Receiver {
    async fn start() -> Receiver {
        let got: Arc<Mutex<Vec<Value>>> = Arc::default();
        async fn post(State(got): State<Arc<Mutex<Vec<Value>>>>, Json(body): Json<Value>) {
            got.lock().unwrap().push(body);
        }
        let app = axum::Router::new()
            .route("/hook", axum::routing::post(post))
            .with_state(Arc::clone(&got));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Receiver { url, got }
    }

    /// What this suite's kiosk was sent about, as (kind, state).
    fn messages(&self) -> Vec<(String, String)> {
        self.got
            .lock()
            .unwrap()
            .iter()
            .filter(|m| m["hardware_id"] == HARDWARE)
            .map(|m| {
                (
                    m["kind"].as_str().unwrap().to_owned(),
                    m["state"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    }

    /// Waits until `n` messages arrived, then a while longer to see that no more come.
    async fn exactly(&self, n: usize) -> Vec<(String, String)> {
        for _ in 0..200 {
            if self.messages().len() >= n {
                break;
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        // Several passes of the rules (every 20 ms here).
        tokio::time::sleep(Duration::from_millis(300)).await;
        let got = self.messages();
        assert_eq!(got.len(), n, "{got:?}");
        got
    }
}

/// Rules every 20 ms (real time; the thresholds are read on the server's manual clock).
fn fast(config: &mut ServerConfig, webhook: Option<&str>) {
    config.fleet.every = Duration::from_millis(20);
    config.fleet.retry_backoff = Duration::from_millis(20);
    config.fleet.webhook = webhook.map(str::to_owned);
}

async fn start(webhook: Option<&str>) -> Env {
    let env = start_with(NOW, |c| fast(c, webhook)).await;
    let db = env.db.clone();
    tokio::task::spawn_blocking(move || {
        kiosk_backend::add_staff(&db, "ada", kiosk_backend::StaffRole::Admin, PASSWORD).unwrap();
        kiosk_backend::add_staff(&db, "carl", kiosk_backend::StaffRole::Clerk, PASSWORD).unwrap();
    })
    .await
    .unwrap();
    env
}

/// A heartbeat at the clock's time; `oldest_pending`: the outbox's oldest event, if any.
async fn beat(env: &Env, printer: &str, oldest_pending: Option<&str>) {
    let now = env.clock.now().to_string();
    let status = json!({
        "app_version": "1.4.2", "printer": {"state": printer}, "card_reader": "ok",
        "scanner": "absent", "outbox_depth": if oldest_pending.is_some() { 3 } else { 0 },
        "oldest_pending_at": oldest_pending, "kiosk_time": now
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
}

fn pair(kind: &str, state: &str) -> (String, String) {
    (kind.to_owned(), state.to_owned())
}

async fn admin_page(base: String) -> String {
    let ada = Browser::at(base);
    assert_eq!(
        ada.login("ada", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    let page = ada.get("/desk/fleet").await;
    assert_eq!(page.status, StatusCode::OK);
    page.body
}

#[tokio::test]
async fn a_silent_kiosk_raises_one_alert_and_its_next_heartbeat_resolves_it() {
    let receiver = Receiver::start().await;
    let env = start(Some(&receiver.url)).await;
    beat(&env, "ok", None).await;
    env.advance_minutes(10);
    // Ten minutes is the threshold, not past it.
    receiver.exactly(0).await;
    env.advance_minutes(1);
    assert_eq!(receiver.exactly(1).await, vec![pair("silent", "raised")]);
    let raised = receiver.got.lock().unwrap()[0].clone();
    assert_eq!(raised["location_id"], "town-hall");
    assert_eq!(raised["since"], "2026-03-23T07:00:00Z");
    assert!(raised["kiosk_id"].as_str().is_some_and(|s| s.len() == 36));
    let body = admin_page(env.server.base_url()).await;
    assert!(body.contains("⚠ ALARM"), "{body}");
    assert!(body.contains("geen teken van leven"));
    assert!(body.contains("11 min geleden (23/03 08:00)"), "{body}");

    beat(&env, "ok", None).await;
    assert_eq!(
        receiver.exactly(2).await,
        vec![pair("silent", "raised"), pair("silent", "resolved")]
    );
    let body = admin_page(env.server.base_url()).await;
    assert!(
        body.contains("✓ in orde") && !body.contains("⚠ ALARM"),
        "{body}"
    );
    assert!(body.contains("id=\"resolved-alerts\""));
}

#[tokio::test]
async fn paper_out_and_a_stuck_outbox_raise_and_resolve_once_each() {
    let receiver = Receiver::start().await;
    let env = start(Some(&receiver.url)).await;
    // Out of paper, and an event waiting since 08:00; a heartbeat every minute (not silent).
    for _ in 0..=5 {
        beat(&env, "paper_out", Some(NOW)).await;
        env.advance_minutes(1);
    }
    // 08:06: paper out for six minutes (threshold 5); the outbox stuck for six (threshold 15).
    beat(&env, "paper_out", Some(NOW)).await;
    assert_eq!(receiver.exactly(1).await, vec![pair("paper_out", "raised")]);
    let body = admin_page(env.server.base_url()).await;
    assert!(
        body.contains("papier op") && body.contains("1.4.2"),
        "{body}"
    );
    beat(&env, "ok", Some(NOW)).await;
    assert_eq!(receiver.exactly(2).await[1], pair("paper_out", "resolved"));

    for _ in 0..10 {
        env.advance_minutes(1);
        beat(&env, "ok", Some(NOW)).await;
    }
    // 08:16: the event has waited sixteen minutes.
    assert_eq!(receiver.exactly(3).await[2], pair("sync_failing", "raised"));
    beat(&env, "ok", None).await;
    assert_eq!(
        receiver.exactly(4).await[3],
        pair("sync_failing", "resolved")
    );
}

#[tokio::test]
async fn without_a_webhook_alerts_are_only_on_the_page() {
    let receiver = Receiver::start().await;
    let env = start(None).await;
    beat(&env, "ok", None).await;
    env.advance_minutes(30);
    let mut body = String::new();
    for _ in 0..100 {
        body = admin_page(env.server.base_url()).await;
        if body.contains("<table class=\"compact\" id=\"open-alerts\"") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert!(
        body.contains("<table class=\"compact\" id=\"open-alerts\""),
        "{body}"
    );
    assert!(body.contains("geen teken van leven"));
    receiver.exactly(0).await;
}

#[tokio::test]
async fn only_admins_see_the_fleet() {
    let env = start(None).await;
    beat(&env, "paper_low", None).await;
    let stranger = Browser::new(&env);
    let page = stranger.get("/admin/fleet").await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.location.as_deref(), Some("/desk/fleet"));
    let page = stranger.get("/desk/fleet").await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.location.as_deref(), Some("/desk/login"));

    let carl = Browser::new(&env);
    assert_eq!(
        carl.login("carl", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    let page = carl.get("/desk/fleet").await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(!page.body.contains(HARDWARE));

    let body = admin_page(env.server.base_url()).await;
    assert!(body.contains("http-equiv=\"refresh\""));
    for text in [
        HARDWARE,
        "Gemeentehuis Heidebeek",
        "1.4.2",
        "zonet (23/03 08:00)",
        "papier bijna op",
        "afwezig",
        "✓ in orde",
        "Geen open alarmen.",
    ] {
        assert!(body.contains(text), "{text} missing: {body}");
    }
}

#[tokio::test]
async fn a_restart_does_not_send_an_alert_again() {
    let receiver = Receiver::start().await;
    let env = start(Some(&receiver.url)).await;
    beat(&env, "ok", None).await;
    env.advance_minutes(20);
    assert_eq!(receiver.exactly(1).await, vec![pair("silent", "raised")]);

    let Env {
        server,
        clock,
        db,
        token,
        http,
        ..
    } = env;
    server.shutdown().await.unwrap();
    let mut config = ServerConfig::new(db.clone(), "127.0.0.1:0".parse().unwrap());
    config.demo = true;
    config.clock = clock.clone();
    fast(&mut config, Some(&receiver.url));
    let server = kiosk_backend::spawn(config).await.unwrap();
    receiver.exactly(1).await;
    let body = admin_page(server.base_url()).await;
    assert!(
        body.contains("<table class=\"compact\" id=\"open-alerts\""),
        "{body}"
    );

    // It is still resolved once the kiosk reports to the restarted server.
    let now = clock.now().to_string();
    let status = json!({
        "app_version": "1.4.2", "printer": {"state": "ok"}, "card_reader": "ok",
        "scanner": "ok", "outbox_depth": 0, "kiosk_time": now
    });
    let response = http
        .put(format!("{}/v1/kiosks/me/status", server.base_url()))
        .bearer_auth(&token)
        .json(&status)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(receiver.exactly(2).await[1], pair("silent", "resolved"));
    server.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_revoked_kiosk_is_listed_but_raises_nothing() {
    let receiver = Receiver::start().await;
    let env = start(Some(&receiver.url)).await;
    beat(&env, "ok", None).await;
    let kiosk_id = {
        let body = admin_page(env.server.base_url()).await;
        let at = body.find("data-kiosk=\"").unwrap() + "data-kiosk=\"".len();
        body[at..at + 36].parse::<uuid::Uuid>().unwrap()
    };
    let db = env.db.clone();
    tokio::task::spawn_blocking(move || kiosk_backend::revoke_kiosk(&db, kiosk_id))
        .await
        .unwrap()
        .unwrap();
    env.advance_minutes(60);
    receiver.exactly(0).await;
    let body = admin_page(env.server.base_url()).await;
    assert!(body.contains("ingetrokken (niet bewaakt)") && body.contains(HARDWARE));
}

#[tokio::test]
async fn a_failing_receiver_is_tried_again_until_it_takes_the_alert() {
    // Refuses the first two posts with 503, then takes them.
    let tries: Arc<Mutex<Vec<Value>>> = Arc::default();
    async fn flaky(
        State(tries): State<Arc<Mutex<Vec<Value>>>>,
        Json(body): Json<Value>,
    ) -> StatusCode {
        let mut tries = tries.lock().unwrap();
        tries.push(body);
        if tries.len() <= 2 {
            StatusCode::SERVICE_UNAVAILABLE
        } else {
            StatusCode::NO_CONTENT
        }
    }
    let app = axum::Router::new()
        .route("/hook", axum::routing::post(flaky))
        .with_state(Arc::clone(&tries));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });

    let env = start(Some(&url)).await;
    beat(&env, "ok", None).await;
    env.advance_minutes(11);
    for _ in 0..200 {
        if tries.lock().unwrap().len() >= 3 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let tries = tries.lock().unwrap().clone();
    // The same alert three times (two refused, one taken), and nothing after it was taken.
    assert_eq!(tries.len(), 3, "{tries:?}");
    assert!(
        tries
            .iter()
            .all(|t| t == &tries[0] && t["state"] == "raised")
    );
}
