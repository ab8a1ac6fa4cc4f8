//! What the end-to-end tests of the queue share: the reference backend on a day of the demo
//! town hall, and the real kiosk against it printing to emupos, their clocks moving together;
//! and reading the queue number off a receipt.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use jiff::civil::Date;
use jiff::{SignedDuration, ZonedDateTime};

use kiosk_core::clock::ManualClock;
use kiosk_core::config::{BackendTarget, Config, TicketTransport};

use super::backend::{Backend, free_port};
use super::driver::Driver;

pub const WAIT: Duration = Duration::from_secs(20);

/// The shipped config for a kiosk of this backend, printing to emupos over TCP. `marker` is
/// printed on every ticket (as the municipality), so a test finds its own receipts.
pub fn kiosk_config(dir: &Path, url: String, enrolment_code: String, marker: &str) -> Config {
    let mut config = super::shipped_config();
    config.kiosk.name = marker.to_owned();
    config.kiosk.municipality = format!("Demodorp {marker}");
    config.kiosk.data_dir = dir.join("kiosk");
    config.backend.target = BackendTarget::Remote(url);
    config.backend.token_file = dir.join("kiosk").join("kiosk.token");
    config.backend.enrolment_code = Some(enrolment_code);
    config.ticket_printer.transport = TicketTransport::Tcp {
        host: "127.0.0.1".into(),
        port: 9100,
    };
    // The tests read the scanner themselves (iced_test runs no subscriptions).
    config.scanner = None;
    // Speech goes to a daemon at this socket when a test starts one there (speech mode's
    // tests); otherwise it is unavailable, as on a kiosk without speech-dispatcher.
    config.speech.socket = Some(dir.join("speech.sock"));
    config
}

/// A marker unique to this run, prefixed with `prefix`.
pub fn marker(prefix: &str) -> String {
    format!(
        "{prefix}{}",
        &uuid::Uuid::new_v4().simple().to_string()[..6].to_uppercase()
    )
}

/// The backend seeded with the demo town hall as of `day`, its clock at `at`, and the kiosk
/// enrolled at the town hall with its services opened as `main` opens them, ready; the
/// backend's clock follows the kiosk's.
pub fn start(
    dir: &Path,
    runtime: &tokio::runtime::Runtime,
    day: Date,
    at: &ZonedDateTime,
    marker: &str,
) -> (Backend, Driver) {
    let mut backend = Backend {
        db: dir.join("backend.sqlite"),
        addr: free_port(),
        clock: kiosk_backend::Clock::manual(at.timestamp()),
        server: None,
    };
    kiosk_backend::seed_demo_on(&backend.db, 1, day).unwrap();
    let enrolment =
        kiosk_backend::create_enrolment_code_at(&backend.db, "town-hall", at.timestamp()).unwrap();
    backend.start(runtime);
    let config = kiosk_config(dir, format!("http://{}", backend.addr), enrolment, marker);
    let clock = ManualClock::new(at.clone());
    let services = kiosk::services::open(&config, Arc::new(clock.clone())).unwrap();
    let mut driver = Driver::new(Arc::new(config), clock, services, runtime.handle().clone());
    let backend_clock = backend.clock.clone();
    driver.follow_clock(move |step| {
        backend_clock.advance(SignedDuration::try_from(step).unwrap());
    });
    driver.wait_ready(WAIT);
    (backend, driver)
}

/// The queue number (a capital and three digits, alone as a word) on a receipt.
pub fn queue_number(receipt: &str) -> String {
    let numbers: Vec<&str> = receipt
        .split_whitespace()
        .filter(|w| {
            w.len() == 4
                && w.starts_with(|c: char| c.is_ascii_uppercase())
                && w[1..].chars().all(|c| c.is_ascii_digit())
        })
        .collect();
    assert_eq!(
        numbers.len(),
        1,
        "one queue number on the receipt:\n{receipt}"
    );
    numbers[0].to_owned()
}
