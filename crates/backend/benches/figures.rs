#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The municipality's figures for one year of a 30,000-resident municipality (about 35,000
//! appointments, walk-ins, certificates and a year of kiosk heartbeats), simulated through the
//! real store into a fresh SQLite file, then computed for the whole year: through the store
//! (what `GET /v1/admin/figures` runs) and over HTTP as JSON, for all locations and for one.
//!
//! `cargo bench -p kiosk-backend --bench figures`. Prints the figures; asserts only that the
//! year holds what it should.

use std::time::{Duration, Instant};

use jiff::civil::date;
use kiosk_backend::figures::Period;
use kiosk_backend::simulate::SimulateOptions;
use kiosk_backend::store::{SqliteStore, Store};
use kiosk_backend::{Clock, ServerConfig};

const RUNS: usize = 7;

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("backend.sqlite");
    let today = date(2026, 1, 1);
    kiosk_backend::seed_demo_on(&db, 1, date(2024, 12, 1)).unwrap();
    // The demo's town has 4 desks; a town of 30,000 needs about three times as many for its
    // 35,000 appointments a year.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute("UPDATE locations SET desks = desks * 3", [])
        .unwrap();
    let started = Instant::now();
    let options = SimulateOptions {
        days: 365,
        seed: 1,
        today,
        residents: Some(30_000),
    };
    let tally = kiosk_backend::simulate(&db, &options).unwrap();
    println!(
        "simulated 2025 for 30,000 residents in {:.1} s: {} bookings, {} walk-ins, {} desk actions, {} certificates, {} heartbeats, {} refused",
        started.elapsed().as_secs_f64(),
        tally.bookings,
        tally.walk_ins,
        tally.desk_actions,
        tally.certificates,
        tally.heartbeats,
        tally.refused
    );
    assert!(tally.bookings > 25_000, "{tally:?}");

    let store = SqliteStore::open(&db).unwrap();
    let now = "2026-01-01T08:00:00+01:00".parse().unwrap();
    let year = Period::parse("2025-01-01", "2025-12-31", None).unwrap();
    let town_hall = Period::parse("2025-01-01", "2025-12-31", Some("town-hall")).unwrap();
    for (name, period) in [("all locations", &year), ("town-hall", &town_hall)] {
        let mut samples = Vec::new();
        let mut figures = None;
        for _ in 0..RUNS {
            let t = Instant::now();
            figures = Some(store.figures(period, now).unwrap());
            samples.push(t.elapsed());
        }
        let f = figures.unwrap();
        println!(
            "figures of 2025, {name}, through the store: median {} of {RUNS} (max {}) — {} appointments, {} tickets called, {} certificates",
            ms(median(samples.clone())),
            ms(*samples.iter().max().unwrap()),
            f.bookings.total,
            f.waiting.tickets_called,
            f.certificates.total
        );
    }

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let mut config = ServerConfig::new(db.clone(), "127.0.0.1:0".parse().unwrap());
        config.clock = Clock::manual(now);
        let server = kiosk_backend::spawn(config).await.unwrap();
        let token = kiosk_backend::create_admin_token(&db).unwrap();
        let http = reqwest::Client::new();
        let url = format!(
            "{}/v1/admin/figures?from=2025-01-01&to=2025-12-31",
            server.base_url()
        );
        let mut samples = Vec::new();
        for _ in 0..RUNS {
            let t = Instant::now();
            let response = http.get(&url).bearer_auth(&token).send().await.unwrap();
            assert!(response.status().is_success());
            let _ = response.bytes().await.unwrap();
            samples.push(t.elapsed());
        }
        println!(
            "GET /v1/admin/figures for 2025 over loopback: median {} of {RUNS}",
            ms(median(samples))
        );
        server.shutdown().await.unwrap();
    });
}
