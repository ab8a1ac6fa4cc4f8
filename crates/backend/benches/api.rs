#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Latency and throughput of the HTTP API over loopback: the reference backend spawned in-process
//! on 127.0.0.1:0, on a freshly seeded demo database in a temporary directory.
//!
//! 1. Slot search over 31 days (`GET /v1/slots`, town-hall, one person), sequential requests.
//! 2. Bookings (hold + confirm, each POST with its own Idempotency-Key) from 32 concurrent
//!    clients, each an enrolled kiosk with its own connection, booking distinct free slots.
//! 3. The same 32 clients all after the same 8 slots, each hold sent twice with its key.
//! 4. Then, from the database file: no 5-minute unit sold beyond its location's desks, no key
//!    with two bookings, as many bookings and confirmations stored as were answered 201 and 200.
//!
//! `cargo bench -p kiosk-backend --bench api`. Prints one line per figure and the machine's load
//! before part 2; fails only if part 4 finds a double booking. Client and server share one tokio
//! runtime (and the machine's cores).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use jiff::civil::Date;
use kiosk_backend::ServerConfig;
use reqwest::StatusCode;
use serde_json::{Value, json};

const LOCATION: &str = "town-hall";
/// The product of the slot search (15 minutes, so a slot every few minutes of opening time).
const SEARCH_PRODUCT: &str = "eid-application";
/// The product booked by the concurrent clients (5 minutes: the most distinct slots).
const BOOK_PRODUCT: &str = "eid-pickup";
const SEARCH_WARMUP: usize = 10;
const SEARCH_RUNS: usize = 200;
const CLIENTS: usize = 32;
/// Bookings per client at most (32 x 64 = 2,048 bookings, 4,096 POSTs).
const BOOKINGS_PER_CLIENT: usize = 64;
/// Clients stop starting new bookings after this long, whatever is left.
const BOOKING_DEADLINE: Duration = Duration::from_secs(20);
/// Slots that every client tries to book (part 3).
const CONTENDED: usize = 8;
/// The bench's customers are named `<CUSTOMER> <client>-<n>`, one name per Idempotency-Key.
const CUSTOMER: &str = "Bench Testpersoon";

#[path = "support/booking_ledger.rs"]
mod booking_ledger;

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(bench());
}

fn quantile(sorted: &[Duration], q: f64) -> Duration {
    assert!(!sorted.is_empty());
    let index = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

async fn enrol(http: &reqwest::Client, base: &str, db: &Path, hardware: &str) -> String {
    let db = db.to_path_buf();
    let code = tokio::task::spawn_blocking(move || {
        kiosk_backend::create_enrolment_code(&db, LOCATION).unwrap()
    })
    .await
    .unwrap();
    let response = http
        .post(format!("{base}/v1/kiosks/enrol"))
        .header("Idempotency-Key", uuid::Uuid::new_v4().to_string())
        .json(&json!({"enrolment_code": code, "hardware_id": hardware}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED, "enrolment");
    let body: Value = response.json().await.unwrap();
    body["token"].as_str().unwrap().to_owned()
}

fn slots_path(product: &str, from: Date, to: Date) -> String {
    format!("/v1/slots?location={LOCATION}&product={product}&persons=1&from={from}&to={to}")
}

async fn bench() {
    let dir = tempfile::tempdir().unwrap();
    let db: PathBuf = dir.path().join("backend.sqlite");
    let seed_db = db.clone();
    let summary = tokio::task::spawn_blocking(move || kiosk_backend::seed_demo(&seed_db, 1))
        .await
        .unwrap()
        .unwrap();
    let mut config = ServerConfig::new(db.clone(), "127.0.0.1:0".parse().unwrap());
    // 32 clients share one kiosk token: the per-kiosk rate limits (30 holds in 10 minutes)
    // would refuse almost every booking; this bench measures the store, not the limits.
    config.kiosk_limits = kiosk_backend::KioskLimits::off();
    let server = kiosk_backend::spawn(config).await.unwrap();
    let base = server.base_url();
    println!(
        "setup: demo seed 1 ({} locations, {} products, {} seeded bookings), server at {base}",
        summary.locations, summary.products, summary.bookings_generated
    );

    let http = reqwest::Client::new();
    let token = enrol(&http, &base, &db, "bench-search").await;

    // The product ids come from the catalogue, not from memory.
    let catalogue: Value = http
        .get(format!("{base}/v1/catalogue"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    for product in [SEARCH_PRODUCT, BOOK_PRODUCT] {
        let offered = catalogue["products"].as_array().unwrap().iter().any(|p| {
            p["id"] == product
                && p["location_ids"]
                    .as_array()
                    .is_some_and(|l| l.iter().any(|l| l == LOCATION))
        });
        assert!(offered, "{product} is not offered at {LOCATION}");
    }

    let today = Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::get(kiosk_backend::TIMEZONE).unwrap())
        .date();
    let from = today;
    let to = today.checked_add(jiff::Span::new().days(30)).unwrap(); // 31 days inclusive

    // --- 1. Slot search over 31 days ---------------------------------------------------------
    let url = format!("{base}{}", slots_path(SEARCH_PRODUCT, from, to));
    let mut latencies = Vec::with_capacity(SEARCH_RUNS);
    let mut body = Vec::new();
    for run in 0..SEARCH_WARMUP + SEARCH_RUNS {
        let started = Instant::now();
        let response = http.get(&url).bearer_auth(&token).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{url}");
        let bytes = response.bytes().await.unwrap();
        let took = started.elapsed();
        if run >= SEARCH_WARMUP {
            latencies.push(took);
        }
        if run + 1 == SEARCH_WARMUP + SEARCH_RUNS {
            body = bytes.to_vec();
        }
    }
    latencies.sort();
    let slots: Vec<Value> = serde_json::from_slice(&body).unwrap();
    println!(
        "slot search: GET /v1/slots {LOCATION} {SEARCH_PRODUCT} persons=1 {from}..{to} (31 days), {SEARCH_RUNS} sequential runs"
    );
    println!("slot search median: {}", ms(quantile(&latencies, 0.5)));
    println!("slot search p95: {}", ms(quantile(&latencies, 0.95)));
    println!("slot search response: {} bytes", body.len());
    println!("slot search slots: {}", slots.len());

    // --- 2. Bookings from 32 concurrent clients ----------------------------------------------
    // Free 5-minute slots from tomorrow on; slot i goes to client i % 32, so neighbouring slots
    // are claimed at the same moment by different clients. The last CONTENDED slots are kept for
    // part 3, where every client wants each of them.
    let tomorrow = today.tomorrow().unwrap();
    let wanted = CLIENTS * BOOKINGS_PER_CLIENT + CONTENDED;
    let mut free: Vec<String> = Vec::new();
    let mut window = tomorrow;
    while free.len() < wanted {
        let end = window.checked_add(jiff::Span::new().days(30)).unwrap();
        let response = http
            .get(format!("{base}{}", slots_path(BOOK_PRODUCT, window, end)))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let page: Vec<Value> = response.json().await.unwrap();
        free.extend(page.iter().map(|s| s["start"].as_str().unwrap().to_owned()));
        window = end.tomorrow().unwrap();
        if window > today.checked_add(jiff::Span::new().days(366)).unwrap() {
            break;
        }
    }
    free.truncate(wanted);
    let contended = free.split_off(free.len().saturating_sub(CONTENDED));
    let mut per_client: Vec<Vec<String>> = vec![Vec::new(); CLIENTS];
    for (i, start) in free.into_iter().enumerate() {
        per_client[i % CLIENTS].push(start);
    }
    let mut clients = Vec::with_capacity(CLIENTS);
    for n in 0..CLIENTS {
        let token = enrol(&http, &base, &db, &format!("bench-kiosk-{n}")).await;
        clients.push(Client {
            http: reqwest::Client::new(),
            base: base.clone(),
            token,
            n,
        });
    }

    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let started = Instant::now();
    let mut tasks = Vec::with_capacity(CLIENTS);
    for (client, starts) in clients.iter().cloned().zip(per_client) {
        tasks.push(tokio::spawn(async move {
            let mut outcome = Outcome::default();
            for (i, start) in starts.iter().enumerate() {
                if started.elapsed() >= BOOKING_DEADLINE {
                    break;
                }
                client.book(start, i, false, &mut outcome).await;
            }
            outcome
        }));
    }
    let mut all = Outcome::default();
    for task in tasks {
        all.add(task.await.unwrap());
    }
    let took = started.elapsed();
    all.bookings.sort();
    all.requests.sort();
    println!(
        "bookings: {CLIENTS} concurrent clients (one kiosk and connection each), hold + confirm of distinct free {BOOK_PRODUCT} slots, at most {} bookings or {} s",
        CLIENTS * BOOKINGS_PER_CLIENT,
        BOOKING_DEADLINE.as_secs()
    );
    println!("machine load before (/proc/loadavg): {}", load.trim());
    println!(
        "bookings confirmed: {} in {:.2} s ({} POSTs)",
        all.bookings.len(),
        took.as_secs_f64(),
        all.requests.len()
    );
    println!(
        "bookings per second: {:.0}",
        all.bookings.len() as f64 / took.as_secs_f64()
    );
    if !all.bookings.is_empty() {
        println!(
            "booking latency (hold + confirm) median: {}",
            ms(quantile(&all.bookings, 0.5))
        );
        println!(
            "booking latency (hold + confirm) p95: {}",
            ms(quantile(&all.bookings, 0.95))
        );
    }
    if !all.requests.is_empty() {
        println!(
            "booking POST latency median: {}",
            ms(quantile(&all.requests, 0.5))
        );
        println!(
            "booking POST latency p95: {}",
            ms(quantile(&all.requests, 0.95))
        );
    }
    println!("booking 409s: {}", all.conflicts);
    println!("booking other errors: {}", all.other.len());
    for error in all.other.iter().take(5) {
        println!("  {error}");
    }

    // --- 3. Every client wants the same slots, and sends each hold twice with its key ---------
    let mut tasks = Vec::with_capacity(CLIENTS);
    for client in &clients {
        let client = client.clone();
        let contended = contended.clone();
        tasks.push(tokio::spawn(async move {
            let mut outcome = Outcome::default();
            for (i, start) in contended.iter().enumerate() {
                client
                    .book(start, BOOKINGS_PER_CLIENT + i, true, &mut outcome)
                    .await;
            }
            outcome
        }));
    }
    let mut raced = Outcome::default();
    for task in tasks {
        raced.add(task.await.unwrap());
    }
    println!(
        "contended: {CLIENTS} clients each hold + confirm the same {CONTENDED} slots, every hold sent twice with one key: {} confirmed, {} 409s, {} replays that differ, {} other errors",
        raced.bookings.len(),
        raced.conflicts,
        raced.replays_differing,
        raced.other.len()
    );
    for error in raced.other.iter().take(5) {
        println!("  {error}");
    }

    server.shutdown().await.unwrap();

    // --- 4. What the database holds --------------------------------------------------------
    let ledger = booking_ledger::read(&db, CUSTOMER, Timestamp::now().as_second());
    let held = all.held + raced.held;
    let confirmed = all.bookings.len() + raced.bookings.len();
    println!(
        "database: {} bench bookings stored for {held} holds answered 201, {} confirmed for {confirmed} confirms answered 200",
        ledger.stored, ledger.confirmed
    );
    println!(
        "double bookings: {} units sold beyond their desks, {} keys with more than one booking, integrity_check {}",
        ledger.oversold_units, ledger.doubled_keys, ledger.integrity
    );
    assert_eq!(ledger.oversold_units, 0, "a time sold beyond its desks");
    assert_eq!(ledger.doubled_keys, 0, "a key made two bookings");
    assert_eq!(ledger.stored, held, "bookings stored != holds answered");
    assert_eq!(
        ledger.confirmed, confirmed,
        "confirmed != confirms answered"
    );
    assert_eq!(raced.replays_differing, 0, "a replay answered differently");
    assert_eq!(ledger.integrity, "ok");
}

#[derive(Default)]
struct Outcome {
    /// Hold + confirm, for each confirmed booking.
    bookings: Vec<Duration>,
    /// Each POST on its own.
    requests: Vec<Duration>,
    /// Holds answered 201.
    held: usize,
    conflicts: usize,
    /// Holds sent again with their key whose answer was not the first one, replayed.
    replays_differing: usize,
    other: Vec<String>,
}

impl Outcome {
    fn add(&mut self, other: Outcome) {
        self.bookings.extend(other.bookings);
        self.requests.extend(other.requests);
        self.held += other.held;
        self.conflicts += other.conflicts;
        self.replays_differing += other.replays_differing;
        self.other.extend(other.other);
    }
}

/// One bench kiosk: its own token and connection.
#[derive(Clone)]
struct Client {
    http: reqwest::Client,
    base: String,
    token: String,
    n: usize,
}

impl Client {
    async fn post(&self, path: &str, key: &str, body: &Value) -> (StatusCode, bool, Vec<u8>) {
        let response = self
            .http
            .post(format!("{}{path}", self.base))
            .bearer_auth(&self.token)
            .header("Idempotency-Key", key)
            .json(body)
            .send()
            .await
            .unwrap();
        let status = response.status();
        let replayed = response.headers().contains_key("idempotent-replayed");
        (status, replayed, response.bytes().await.unwrap().to_vec())
    }

    /// Holds and confirms `start` for customer `<CUSTOMER> <client>-<n>`; with `resend`, sends the
    /// hold a second time with its key and checks the answer is the first one, replayed.
    async fn book(&self, start: &str, n: usize, resend: bool, outcome: &mut Outcome) {
        let booking_started = Instant::now();
        let key = uuid::Uuid::new_v4().to_string();
        let hold = json!({
            "location_id": LOCATION,
            "product_id": BOOK_PRODUCT,
            "persons": 1,
            "start": start,
            "customer": {"name": format!("{CUSTOMER} {}-{n}", self.n), "phone": "0470123456"}
        });
        let t = Instant::now();
        let (status, _, body) = self.post("/v1/bookings", &key, &hold).await;
        outcome.requests.push(t.elapsed());
        if resend {
            let (again, replayed, again_body) = self.post("/v1/bookings", &key, &hold).await;
            if again != status || !replayed || again_body != body {
                outcome.replays_differing += 1;
            }
        }
        let held: Value = serde_json::from_slice(&body).unwrap();
        match status {
            StatusCode::CREATED => outcome.held += 1,
            StatusCode::CONFLICT => {
                outcome.conflicts += 1;
                return;
            }
            other => {
                outcome.other.push(format!("hold {other}: {held}"));
                return;
            }
        }
        let id = held["id"].as_str().unwrap();
        let t = Instant::now();
        let (status, _, body) = self
            .post(
                &format!("/v1/bookings/{id}/confirm"),
                &uuid::Uuid::new_v4().to_string(),
                &json!({}),
            )
            .await;
        outcome.requests.push(t.elapsed());
        match status {
            StatusCode::OK => outcome.bookings.push(booking_started.elapsed()),
            StatusCode::CONFLICT => outcome.conflicts += 1,
            other => outcome.other.push(format!(
                "confirm {other}: {}",
                String::from_utf8_lossy(&body)
            )),
        }
    }
}
