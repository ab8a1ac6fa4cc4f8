#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The desk and the waiting room under load, over loopback against the in-process backend on a
//! freshly seeded demo database in a temporary directory.
//!
//! 1. Call next: 500 waiting tickets, 20 desks pressing Call next concurrently (each closes its
//!    ticket with No show before the next press, 25 presses a desk), latency of the Call next POST.
//! 2. Call to display: 50 displays connected to the location's event stream; one desk calls 40
//!    times; the time from sending Call next until each display has the `called` event.
//!
//! `cargo bench -p kiosk-backend --bench desk`. Prints the figures; asserts only that every press
//! called a different ticket and every display got every call.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::civil::date;
use kiosk_backend::{Clock, ServerConfig};
use reqwest::StatusCode;
use tokio::sync::mpsc;

const DESKS: usize = 20;
const TICKETS: i64 = 500;
const DISPLAYS: usize = 50;
const DISPLAY_CALLS: usize = 40;
const PASSWORD: &str = "correct-horse-battery";

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(bench());
}

fn quantile(sorted: &[Duration], q: f64) -> Duration {
    let index = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    println!(
        "{name}: n={} p50 {} p95 {} p99 {} max {}",
        samples.len(),
        ms(quantile(&samples, 0.5)),
        ms(quantile(&samples, 0.95)),
        ms(quantile(&samples, 0.99)),
        ms(*samples.last().unwrap())
    );
}

/// A signed-in desk: its cookie and CSRF token.
struct Desk {
    http: reqwest::Client,
    base: String,
    cookie: String,
    csrf: String,
    name: String,
}

fn encode(fields: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish()
}

fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker).unwrap() + marker.len();
    let end = html[start..].find('"').unwrap();
    html[start..start + end].to_owned()
}

fn cookie_of(response: &reqwest::Response, name: &str) -> String {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|v| v.starts_with(&format!("{name}=")))
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned()
}

impl Desk {
    async fn sign_in(base: &str, name: &str) -> Desk {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let page = http.get(format!("{base}/desk/login")).send().await.unwrap();
        let login_cookie = cookie_of(&page, "desk_login");
        let token = hidden(&page.text().await.unwrap(), "csrf");
        let signed = http
            .post(format!("{base}/desk/login"))
            .header("cookie", &login_cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(encode(&[
                ("csrf", token.as_str()),
                ("login", "bench"),
                ("password", PASSWORD),
            ]))
            .send()
            .await
            .unwrap();
        assert_eq!(signed.status(), StatusCode::SEE_OTHER);
        let cookie = cookie_of(&signed, "desk_session");
        let setup = http
            .get(format!("{base}/desk/setup"))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        let csrf = hidden(&setup.text().await.unwrap(), "csrf");
        let picked = http
            .post(format!("{base}/desk/setup"))
            .header("cookie", &cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(encode(&[
                ("csrf", csrf.as_str()),
                ("location", "town-hall"),
                ("desk", name),
                ("services", "identity"),
            ]))
            .send()
            .await
            .unwrap();
        assert_eq!(picked.status(), StatusCode::SEE_OTHER);
        Desk {
            http,
            base: base.to_owned(),
            cookie,
            csrf,
            name: name.to_owned(),
        }
    }

    async fn act(&self, action: &str, ticket: Option<&str>) -> StatusCode {
        let key = uuid::Uuid::new_v4().to_string();
        let mut form = vec![
            ("csrf", self.csrf.as_str()),
            ("form_key", key.as_str()),
            ("action", action),
        ];
        if let Some(t) = ticket {
            form.push(("ticket", t));
        }
        self.http
            .post(format!("{}/desk/act", self.base))
            .header("cookie", &self.cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(encode(&form))
            .send()
            .await
            .unwrap()
            .status()
    }

    /// The ticket called at this desk (read from the database, outside any measured time).
    fn called(&self, db: &Path) -> Option<(String, String)> {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.query_row(
            "SELECT t.id, q.prefix || printf('%03d', t.sequence) FROM tickets t
             JOIN queue_services q ON q.id = t.queue_service_id WHERE t.desk = ?1 AND t.status = 'called'",
            [&self.name],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .ok()
    }
}

async fn bench() {
    let dir = tempfile::tempdir().unwrap();
    let db: PathBuf = dir.path().join("backend.sqlite");
    let seed_db = db.clone();
    tokio::task::spawn_blocking(move || {
        kiosk_backend::seed_demo_on(&seed_db, 1, date(2026, 1, 20)).unwrap();
        kiosk_backend::add_staff(&seed_db, "bench", kiosk_backend::StaffRole::Clerk, PASSWORD)
            .unwrap();
    })
    .await
    .unwrap();
    let clock = Clock::manual("2026-03-24T09:40:00+01:00".parse().unwrap());
    let now = clock.now().as_second();
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        for i in 0..TICKETS {
            conn.execute(
                "INSERT INTO tickets (id, location_id, queue_service_id, service_day, sequence, status, issued_s, current_service_id)
                 VALUES (?1, 'town-hall', 'identity', '2026-03-24', ?2, 'waiting', ?3, 'identity')",
                rusqlite::params![uuid::Uuid::new_v4().to_string(), i + 1, now - 7200 + i * 10],
            )
            .unwrap();
        }
    }
    let mut config = ServerConfig::new(db.clone(), "127.0.0.1:0".parse().unwrap());
    // Test data: the synthetic demo eID CA may be trusted.
    config.demo = true;
    config.clock = clock;
    let server = kiosk_backend::spawn(config).await.unwrap();
    let base = server.base_url();
    println!("setup: {TICKETS} waiting tickets, {DESKS} desks, server at {base}");

    // 1. Call next from 20 desks at once.
    let mut desks = Vec::new();
    for i in 1..=DESKS {
        desks.push(Arc::new(Desk::sign_in(&base, &format!("Loket {i}")).await));
    }
    let presses_each = TICKETS as usize / DESKS;
    let started = Instant::now();
    let tasks = desks.iter().map(|desk| {
        let desk = Arc::clone(desk);
        let db = db.clone();
        tokio::spawn(async move {
            let mut samples = Vec::new();
            let mut tickets = Vec::new();
            for _ in 0..presses_each {
                let t0 = Instant::now();
                assert_eq!(desk.act("call_next", None).await, StatusCode::SEE_OTHER);
                samples.push(t0.elapsed());
                let (id, _) = desk.called(&db).expect("a ticket at the desk");
                assert_eq!(desk.act("no_show", Some(&id)).await, StatusCode::SEE_OTHER);
                tickets.push(id);
            }
            (samples, tickets)
        })
    });
    let mut samples = Vec::new();
    let mut called = HashSet::new();
    for task in futures_util::future::join_all(tasks).await {
        let (s, t) = task.unwrap();
        samples.extend(s);
        for id in t {
            assert!(called.insert(id), "a ticket was called twice");
        }
    }
    let elapsed = started.elapsed();
    println!(
        "call next: {} presses from {DESKS} concurrent desks in {:.2} s, every ticket called once",
        samples.len(),
        elapsed.as_secs_f64()
    );
    report(
        "call next (POST /desk/act, queue of 500 shrinking to 0)",
        samples,
    );

    // 2. From Call next to 50 displays.
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        for i in 0..DISPLAY_CALLS as i64 {
            conn.execute(
                "INSERT INTO tickets (id, location_id, queue_service_id, service_day, sequence, status, issued_s, current_service_id)
                 VALUES (?1, 'town-hall', 'identity', '2026-03-24', ?2, 'waiting', ?3, 'identity')",
                rusqlite::params![uuid::Uuid::new_v4().to_string(), 600 + i, now + i],
            )
            .unwrap();
        }
    }
    let (tx, mut rx) = mpsc::unbounded_channel::<(usize, String, Instant)>();
    let mut readers = Vec::new();
    for display in 0..DISPLAYS {
        let tx = tx.clone();
        let mut stream = reqwest::Client::new()
            .get(format!("{base}/v1/display/town-hall/events"))
            .send()
            .await
            .unwrap();
        assert_eq!(stream.status(), StatusCode::OK);
        readers.push(tokio::spawn(async move {
            let mut buffer = String::new();
            while let Ok(Some(chunk)) = stream.chunk().await {
                buffer.push_str(&String::from_utf8_lossy(&chunk));
                while let Some(end) = buffer.find("\n\n") {
                    let event: String = buffer.drain(..end + 2).collect();
                    if let Some(data) = event.split("data: ").nth(1)
                        && event.contains("event: queue")
                    {
                        let news: serde_json::Value = serde_json::from_str(data.trim()).unwrap();
                        if news["action"] == "called" {
                            let number = news["number"].as_str().unwrap().to_owned();
                            let _ = tx.send((display, number, Instant::now()));
                        }
                    }
                }
            }
        }));
    }
    drop(tx);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let desk = &desks[0];
    let mut latencies = Vec::new();
    let mut slowest = Vec::new();
    for _ in 0..DISPLAY_CALLS {
        let t0 = Instant::now();
        assert_eq!(desk.act("call_next", None).await, StatusCode::SEE_OTHER);
        let (id, number) = desk.called(&db).unwrap();
        let mut seen = HashSet::new();
        let mut last = Duration::ZERO;
        while seen.len() < DISPLAYS {
            let (display, got, at) = tokio::time::timeout(Duration::from_secs(5), rx.recv())
                .await
                .expect("every display gets the call")
                .unwrap();
            if got == number && seen.insert(display) {
                let latency = at.duration_since(t0);
                latencies.push(latency);
                last = last.max(latency);
            }
        }
        slowest.push(last);
        assert_eq!(desk.act("no_show", Some(&id)).await, StatusCode::SEE_OTHER);
    }
    report(
        &format!("call next -> event on each of {DISPLAYS} displays"),
        latencies,
    );
    report(
        &format!("call next -> event on the last of {DISPLAYS} displays"),
        slowest,
    );
    server.shutdown().await.unwrap();
    for reader in readers {
        let _ = reader.await;
    }
}
