#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Kill -9 soak of the backend: the real `kiosk-backend serve` on a seeded SQLite file, 16 clients
//! holding, confirming and cancelling bookings, each retrying with the same Idempotency-Key until it
//! has an answer, while the backend is killed with SIGKILL and restarted, 30 times by default.
//!
//! `cargo bench -p kiosk-backend --bench kill9` (`KILLS=100` for more). Prints the figures the
//! exactly-once promise is judged by, and exits 1 unless all three are 0:
//!
//! - `doubled`: requests (one customer, one slot) that made more than one booking;
//! - `false_409`: a hold answered 409 `slot-taken`, though only that client ever asks for its slots
//!   (so the slot can only be taken by its own earlier attempt);
//! - `stuck_keys`: keys answered "in progress" 100 times in a row (never resolved after a restart).
//!
//! Every client owns a disjoint set of slots at both demo locations (3 desks and 1 desk), so a
//! request run twice shows up as a second booking (town hall) or as `slot-taken` (the branch).

#[path = "../tests/crash/backend.rs"]
#[allow(dead_code)]
mod backend;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{Value, json};

use backend::{Site, key};

const CLIENTS: usize = 16;
const PRODUCT: &str = "eid-pickup";
const LOCATIONS: [&str; 2] = ["town-hall", "branch-kiezel"];
/// Months of slots to hand out (31 days a query).
const MONTHS: [(&str, &str); 3] = [
    ("2026-03-24", "2026-04-23"),
    ("2026-04-24", "2026-05-24"),
    ("2026-05-25", "2026-06-24"),
];
const STUCK_AFTER: u32 = 100;
/// 16 clients share one kiosk token on a clock that stands still: the per-kiosk rate limits
/// (30 holds in 10 minutes) would refuse almost everything; this bench measures the store.
const UNLIMITED: &[&str] = &["--no-kiosk-limits"];

#[derive(Default)]
struct Figures {
    bookings: AtomicU64,
    confirmed: AtomicU64,
    cancelled: AtomicU64,
    replayed: AtomicU64,
    lost_connections: AtomicU64,
    in_progress: AtomicU64,
    false_409: AtomicU64,
    stuck_keys: AtomicU64,
    unexpected: AtomicU64,
}

/// Where the backend listens now (its port changes with every restart).
type Url = Arc<RwLock<String>>;

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let failed = runtime.block_on(soak());
    std::process::exit(i32::from(failed));
}

async fn soak() -> bool {
    let kills: u32 = std::env::var("KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30);
    let site = Arc::new(Site::new().await);
    let mut running = site.serve_with(backend::NOW, None, UNLIMITED);
    let url: Url = Arc::new(RwLock::new(running.url("")));
    let slots = slots(&site, &url).await;
    println!("{} slots for {CLIENTS} clients, {kills} kills", slots.len());

    let figures = Arc::new(Figures::default());
    let stop = Arc::new(AtomicBool::new(false));
    let mut clients = Vec::new();
    for c in 0..CLIENTS {
        let mine: Vec<(String, String)> = slots.iter().skip(c).step_by(CLIENTS).cloned().collect();
        let (site, url, figures, stop) = (
            Arc::clone(&site),
            Arc::clone(&url),
            Arc::clone(&figures),
            Arc::clone(&stop),
        );
        clients.push(tokio::spawn(async move {
            client(c, mine, &site, &url, &figures, &stop).await;
        }));
    }

    let started = Instant::now();
    let mut jitter = started.elapsed().subsec_nanos() | 1;
    for _ in 0..kills {
        // xorshift: a pause of 150 to 600 ms, different on every run.
        jitter ^= jitter << 13;
        jitter ^= jitter >> 17;
        jitter ^= jitter << 5;
        tokio::time::sleep(Duration::from_millis(150 + u64::from(jitter % 450))).await;
        running.stop();
        running = site.serve_with(backend::NOW, None, UNLIMITED);
        *url.write().unwrap() = running.url("");
    }
    stop.store(true, Ordering::Relaxed);
    for client in clients {
        client.await.unwrap();
    }
    let elapsed = started.elapsed();
    running.stop();
    report(&site, &figures, kills, elapsed)
}

/// Free slots at both locations, in time order.
async fn slots(site: &Site, url: &Url) -> Vec<(String, String)> {
    let http = reqwest::Client::new();
    let mut all = Vec::new();
    for location in LOCATIONS {
        for (from, to) in MONTHS {
            let path = format!(
                "{}/v1/slots?location={location}&product={PRODUCT}&persons=1&from={from}&to={to}",
                url.read().unwrap()
            );
            let found: Vec<Value> = http
                .get(path)
                .bearer_auth(&site.token)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            all.extend(
                found
                    .iter()
                    .map(|s| (location.to_owned(), s["start"].as_str().unwrap().to_owned())),
            );
        }
    }
    all
}

async fn client(
    c: usize,
    slots: Vec<(String, String)>,
    site: &Site,
    url: &Url,
    figures: &Figures,
    stop: &AtomicBool,
) {
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap();
    for (i, (location, start)) in slots.into_iter().enumerate() {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        let hold = json!({
            "location_id": location,
            "product_id": PRODUCT,
            "persons": 1,
            "start": start,
            "customer": {"name": format!("kill9 client {c} booking {i}"), "phone": "0470000000"}
        });
        let Some(held) = until_answered(&http, site, url, figures, "/v1/bookings", &hold).await
        else {
            continue;
        };
        if held.0 == StatusCode::CONFLICT {
            // Only this client asks for this slot: taken means taken by its own first attempt.
            figures.false_409.fetch_add(1, Ordering::Relaxed);
            continue;
        }
        if held.0 != StatusCode::CREATED {
            figures.unexpected.fetch_add(1, Ordering::Relaxed);
            eprintln!("hold: {} {}", held.0, held.1);
            continue;
        }
        figures.bookings.fetch_add(1, Ordering::Relaxed);
        let id = held.1["id"].as_str().unwrap().to_owned();
        let confirm = format!("/v1/bookings/{id}/confirm");
        match until_answered(&http, site, url, figures, &confirm, &json!({})).await {
            Some((StatusCode::OK, _)) => figures.confirmed.fetch_add(1, Ordering::Relaxed),
            Some((status, body)) => {
                eprintln!("confirm: {status} {body}");
                figures.unexpected.fetch_add(1, Ordering::Relaxed)
            }
            None => continue,
        };
        if i % 3 == 2 {
            cancel(
                &http,
                site,
                url,
                figures,
                &id,
                held.1["code"].as_str().unwrap(),
            )
            .await;
        }
    }
}

/// POSTs with one key until an answer other than "in progress" comes (or the key is stuck).
async fn until_answered(
    http: &reqwest::Client,
    site: &Site,
    url: &Url,
    figures: &Figures,
    path: &str,
    body: &Value,
) -> Option<(StatusCode, Value)> {
    let k = key();
    let mut in_progress = 0;
    loop {
        let base = url.read().unwrap().clone();
        let sent = http
            .post(format!("{base}{path}"))
            .bearer_auth(&site.token)
            .header("Idempotency-Key", &k)
            .json(body)
            .send()
            .await;
        let response = match sent {
            Ok(r) => r,
            Err(_) => {
                figures.lost_connections.fetch_add(1, Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let status = response.status();
        if response.headers().contains_key("idempotent-replayed") {
            figures.replayed.fetch_add(1, Ordering::Relaxed);
        }
        let Ok(answer) = response.json::<Value>().await else {
            figures.lost_connections.fetch_add(1, Ordering::Relaxed);
            continue;
        };
        if status == StatusCode::CONFLICT && answer["type"] == "idempotency-key-in-progress" {
            figures.in_progress.fetch_add(1, Ordering::Relaxed);
            in_progress += 1;
            if in_progress >= STUCK_AFTER {
                figures.stuck_keys.fetch_add(1, Ordering::Relaxed);
                return None;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
            continue;
        }
        return Some((status, answer));
    }
}

async fn cancel(
    http: &reqwest::Client,
    site: &Site,
    url: &Url,
    figures: &Figures,
    id: &str,
    code: &str,
) {
    loop {
        let base = url.read().unwrap().clone();
        let sent = http
            .delete(format!("{base}/v1/bookings/{id}?code={code}"))
            .bearer_auth(&site.token)
            .send()
            .await;
        match sent {
            Ok(r) if r.status() == StatusCode::OK => {
                figures.cancelled.fetch_add(1, Ordering::Relaxed);
                return;
            }
            Ok(r) => {
                eprintln!("cancel: {}", r.status());
                figures.unexpected.fetch_add(1, Ordering::Relaxed);
                return;
            }
            Err(_) => {
                figures.lost_connections.fetch_add(1, Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
    }
}

fn report(site: &Site, figures: &Figures, kills: u32, elapsed: Duration) -> bool {
    let conn = rusqlite::Connection::open(&site.db).unwrap();
    let doubled: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM (SELECT customer_name FROM bookings WHERE customer_name LIKE 'kill9 %'
             GROUP BY customer_name HAVING COUNT(*) > 1)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let stored: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM bookings WHERE customer_name LIKE 'kill9 %'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    let n = |a: &AtomicU64| a.load(Ordering::Relaxed);
    println!(
        "kills {kills} in {:.1} s; bookings acknowledged {}, stored {stored}, confirmed {}, cancelled {}",
        elapsed.as_secs_f64(),
        n(&figures.bookings),
        n(&figures.confirmed),
        n(&figures.cancelled)
    );
    println!(
        "retries: lost connections {}, replayed answers {}, 409 in progress {}, unexpected answers {}",
        n(&figures.lost_connections),
        n(&figures.replayed),
        n(&figures.in_progress),
        n(&figures.unexpected)
    );
    println!(
        "doubled {doubled}, false_409 {}, stuck_keys {}, integrity_check {integrity}",
        n(&figures.false_409),
        n(&figures.stuck_keys)
    );
    doubled > 0
        || n(&figures.false_409) + n(&figures.stuck_keys) + n(&figures.unexpected) > 0
        || integrity != "ok"
}
