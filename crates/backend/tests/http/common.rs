//! A running backend with the demo municipality and one enrolled kiosk, and a clock the test sets.

use std::path::PathBuf;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use jiff::civil::date;
use jiff::{SignedDuration, Timestamp};
use kiosk_backend::{Clock, RunningServer, ServerConfig};
use reqwest::{RequestBuilder, Response, StatusCode};
use serde_json::{Value, json};
use tempfile::TempDir;

/// Monday 23 March 2026, 08:00 in Brussels (winter time, the week before the change).
pub const MONDAY_MORNING: &str = "2026-03-23T08:00:00+01:00";

pub struct Env {
    pub server: RunningServer,
    pub clock: Clock,
    pub db: PathBuf,
    pub token: String,
    pub http: reqwest::Client,
    _dir: TempDir,
}

/// Starts a server whose clock reads `now`. The demo data is seeded as of two months earlier, so its
/// bookings (four weeks from the seed day) never sit in the slots a test looks at.
pub async fn start_at(now: &str) -> Env {
    start_with(now, |_| {}).await
}

/// [`start_at`] with the server's configuration changed by `configure` before it starts.
pub async fn start_with(now: &str, configure: impl FnOnce(&mut ServerConfig)) -> Env {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("backend.sqlite");
    let now: Timestamp = now.parse().unwrap();
    let seed_db = db.clone();
    tokio::task::spawn_blocking(move || {
        kiosk_testcard::seed_demo_on(&seed_db, 42, date(2026, 1, 20))
    })
    .await
    .unwrap()
    .unwrap();
    let clock = Clock::manual(now);
    let mut config = ServerConfig::new(db.clone(), "127.0.0.1:0".parse().unwrap());
    // Test data: the synthetic demo eID CA may be trusted.
    config.demo = true;
    config.clock = clock.clone();
    configure(&mut config);
    let server = kiosk_backend::spawn(config).await.unwrap();
    let mut env = Env {
        server,
        clock,
        db,
        token: String::new(),
        http: reqwest::Client::new(),
        _dir: dir,
    };
    env.token = env.enrol("town-hall", "kiosk-hw-1").await;
    env
}

pub async fn start() -> Env {
    start_at(MONDAY_MORNING).await
}

pub fn key() -> String {
    uuid::Uuid::new_v4().to_string()
}

impl Env {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.base_url())
    }

    pub fn set_now(&self, now: &str) {
        self.clock.set(now.parse().unwrap());
    }

    pub fn advance_minutes(&self, minutes: i64) {
        self.clock.advance(SignedDuration::from_mins(minutes));
    }

    pub async fn enrol(&self, location: &str, hardware: &str) -> String {
        let db = self.db.clone();
        let location_owned = location.to_owned();
        let code = tokio::task::spawn_blocking(move || {
            kiosk_backend::create_enrolment_code(&db, &location_owned)
        })
        .await
        .unwrap()
        .unwrap();
        let response = self
            .http
            .post(self.url("/v1/kiosks/enrol"))
            .header("Idempotency-Key", key())
            .json(&json!({"enrolment_code": code, "hardware_id": hardware}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["location_id"], location);
        body["token"].as_str().unwrap().to_owned()
    }

    pub fn get(&self, path: &str) -> RequestBuilder {
        self.http.get(self.url(path)).bearer_auth(&self.token)
    }

    pub fn post(&self, path: &str, body: &Value) -> RequestBuilder {
        self.post_with_key(path, body, &key())
    }

    pub fn post_with_key(&self, path: &str, body: &Value, key: &str) -> RequestBuilder {
        self.http
            .post(self.url(path))
            .bearer_auth(&self.token)
            .header("Idempotency-Key", key)
            .json(body)
    }

    /// POSTs `body` to `path` with a fresh Idempotency-Key and returns the response.
    pub async fn send(&self, path: &str, body: &Value) -> Response {
        self.send_as(&self.token, path, body).await
    }

    /// [`Self::send`] as another kiosk, by its `token`.
    pub async fn send_as(&self, token: &str, path: &str, body: &Value) -> Response {
        self.http
            .post(self.url(path))
            .bearer_auth(token)
            .header("Idempotency-Key", key())
            .json(body)
            .send()
            .await
            .unwrap()
    }

    /// POSTs `body` to `path` with the given Idempotency-Key and returns the response.
    pub async fn send_with_key(&self, path: &str, body: &Value, key: &str) -> Response {
        self.post_with_key(path, body, key).send().await.unwrap()
    }

    /// The OpenAPI document the server publishes, fetched as any client would (no token).
    pub async fn openapi(&self) -> Value {
        self.http
            .get(self.url("/v1/openapi.json"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// A new eID challenge (201 asserted): its body and its decoded bytes.
    pub async fn challenge(&self) -> (Value, Vec<u8>) {
        let response = self.send("/v1/eid-challenges", &json!({})).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let body: Value = response.json().await.unwrap();
        let bytes = STANDARD
            .decode(body["challenge"].as_str().unwrap())
            .unwrap();
        (body, bytes)
    }

    pub async fn slots(
        &self,
        location: &str,
        product: &str,
        persons: u32,
        from: &str,
        to: &str,
    ) -> Vec<String> {
        let path = format!(
            "/v1/slots?location={location}&product={product}&persons={persons}&from={from}&to={to}"
        );
        let response = self.get(&path).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let slots: Vec<Value> = response.json().await.unwrap();
        slots
            .iter()
            .map(|s| s["start"].as_str().unwrap().to_owned())
            .collect()
    }

    pub async fn hold(&self, location: &str, product: &str, persons: u32, start: &str) -> Value {
        let response = self
            .send(
                "/v1/bookings",
                &booking_body(location, product, persons, start),
            )
            .await;
        assert_eq!(response.status(), StatusCode::CREATED, "holding {start}");
        response.json().await.unwrap()
    }

    /// Held and confirmed; returns the booking.
    pub async fn book(&self, location: &str, product: &str, persons: u32, start: &str) -> Value {
        let held = self.hold(location, product, persons, start).await;
        let id = held["id"].as_str().unwrap();
        let response = self
            .send(&format!("/v1/bookings/{id}/confirm"), &json!({}))
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let confirmed: Value = response.json().await.unwrap();
        assert_eq!(confirmed["status"], "confirmed");
        confirmed
    }

    pub async fn check_in(&self, code: &str) -> Response {
        self.send("/v1/tickets", &json!({"booking_code": code}))
            .await
    }
}

pub fn booking_body(location: &str, product: &str, persons: u32, start: &str) -> Value {
    json!({
        "location_id": location,
        "product_id": product,
        "persons": persons,
        "start": start,
        "customer": {"name": "Zoë Testpersoon", "phone": "0470123456"}
    })
}

/// Asserts an RFC 9457 body and returns it.
pub async fn problem(response: Response, status: StatusCode, kind: &str) -> Value {
    assert_eq!(response.status(), status);
    let content_type = response
        .headers()
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(content_type, "application/problem+json");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["type"], kind, "{body}");
    assert_eq!(body["status"], status.as_u16());
    assert!(body["title"].as_str().is_some_and(|t| !t.is_empty()));
    body
}
