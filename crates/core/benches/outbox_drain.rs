#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! How long the sync loop takes to drain 10,000 outbox events to a loopback backend (the
//! reference backend in-process, on its own SQLite file), in batches of 100.
//!
//! `cargo bench -p kiosk-core --bench outbox_drain` (or `cargo run --release` of the bench
//! target). Prints one line per round and the median; nothing is asserted.

use std::sync::Arc;
use std::time::{Duration, Instant};

use jiff::tz::TimeZone;
use kiosk_backend::ServerConfig;
use kiosk_core::clock::{Clock, SystemClock};
use kiosk_core::config::{BackendSettings, BackendTarget};
use kiosk_core::store::{Store, outbox};
use kiosk_core::sync::{self, DeviceStatus, SyncOptions};
use tokio::sync::watch;

const EVENTS: usize = 10_000;
const ROUNDS: usize = 3;

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(bench());
}

async fn bench() {
    let dir = tempfile::tempdir().unwrap();
    let backend_db = dir.path().join("backend.sqlite");
    let db = backend_db.clone();
    let code = tokio::task::spawn_blocking(move || {
        kiosk_backend::seed_demo(&db, 1).unwrap();
        kiosk_backend::create_enrolment_code(&db, "town-hall").unwrap()
    })
    .await
    .unwrap();
    let server = kiosk_backend::spawn(ServerConfig::new(
        backend_db.clone(),
        "127.0.0.1:0".parse().unwrap(),
    ))
    .await
    .unwrap();
    let settings = BackendSettings {
        target: BackendTarget::Remote(server.base_url()),
        token_file: dir.path().join("kiosk").join("token"),
        enrolment_code: Some(code),
        connect_timeout: Duration::from_secs(2),
        request_timeout: Duration::from_secs(30),
    };
    let client = sync::connect(&server.base_url(), &settings, "bench-hardware")
        .await
        .unwrap();
    let store = Store::open_in(&dir.path().join("kiosk")).unwrap();
    let clock: Arc<dyn Clock> =
        Arc::new(SystemClock::new(TimeZone::get("Europe/Brussels").unwrap()));
    let (_devices, devices_rx) = watch::channel(DeviceStatus::default());
    let options = SyncOptions {
        // The heartbeat's refresh stays out of the way of the measurement.
        heartbeat_every: Duration::from_secs(3600),
        ..SyncOptions::default()
    };

    let mut rounds = Vec::new();
    for round in 1..=ROUNDS {
        let now = clock.now();
        store
            .write(move |tx| {
                for n in 0..EVENTS {
                    outbox::enqueue(tx, "session.ended", &serde_json::json!({ "n": n }), &now)?;
                }
                Ok(())
            })
            .await
            .unwrap();
        let started = Instant::now();
        let sync = sync::start(
            client.clone(),
            store.clone(),
            Arc::clone(&clock),
            devices_rx.clone(),
            options.clone(),
        );
        let mut state = sync.state();
        loop {
            if store.outbox_depth().await.unwrap().pending == 0 {
                break;
            }
            let _ = tokio::time::timeout(Duration::from_millis(50), state.changed()).await;
        }
        let took = started.elapsed();
        sync.shutdown().await;
        println!(
            "round {round}: {EVENTS} events drained in {:.2} s ({:.0} events/s)",
            took.as_secs_f64(),
            EVENTS as f64 / took.as_secs_f64()
        );
        rounds.push(took);
    }
    rounds.sort();
    let median = rounds[rounds.len() / 2];
    println!(
        "outbox_drain: median {:.2} s for {EVENTS} events ({:.0} events/s, batches of {})",
        median.as_secs_f64(),
        EVENTS as f64 / median.as_secs_f64(),
        options.batch_size
    );
    server.shutdown().await.unwrap();
}
