#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Issue 5: from the scan's last byte to the ticket's last byte written, online over loopback.
//!
//! For each of 100 bookings (made and confirmed through the client beforehand, the backend's
//! manual clock moved to the booking's start so it is inside its arrival window), the bench
//! writes `<qr payload>\r` into the master end of a pty pair whose other end is read by
//! `scanner::start`, takes the `ScanEvent::Code`, checks in with `sync::check_in` against the
//! reference backend in-process on loopback, renders the queue ticket with the embedded Dutch
//! words and prints it over TCP to a fake printer in a thread of this bench. The fake answers
//! DLE EOT as a ready printer and notes when the cut (GS V), the ticket's last byte, arrived.
//!
//! Measured: from the instant after the CR was written to the pty to the instant the fake
//! printer read the cut's last byte. Prints p50, p95, max and the median of each step; nothing
//! is asserted. `cargo bench -p kiosk-core --bench scan_to_ticket`.
//!
//! Not measured: the UI (the kiosk looks the booking up and shows it before the resident taps
//! "take a number"), the print journal and spooler, a real scanner's serial transfer time, the
//! printer's own printing, and the status check `settle_ms` after the job (it follows the last
//! byte; the bench shortens it to keep the run short).

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use jiff::ZonedDateTime;
use jiff::civil::date;
use kiosk_api::{Booking, BookingStatus, CreateBooking, Customer, SlotsQuery};
use kiosk_backend::ServerConfig;
use kiosk_core::config::{BackendSettings, BackendTarget, ScannerSettings};
use kiosk_core::devices::scanner::{self, ScanEvent, ScanEvents};
use kiosk_core::i18n::{I18n, Language, PrintLabels};
use kiosk_core::print::{QueueTicket, Ticket, TicketPrinter, TicketPrinterConfig, TransportConfig};
use kiosk_core::store::Store;
use kiosk_core::sync::{self, CheckInOutcome, Client, IdempotencyKey};
use serialport::{SerialPort, TTYPort};
use tokio::sync::mpsc;

const SCANS: usize = 100;
/// Scans before the measured ones: the first connections and statements warm up.
const WARM_UP: usize = 5;
const LOCATION: &str = "town-hall";
const PRODUCT: &str = "passport";
/// Monday 23 March 2026, 08:00 in Brussels, as in the sync tests.
const MONDAY_MORNING: &str = "2026-03-23T08:00:00+01:00[Europe/Brussels]";
/// What a ready Epson answers to DLE EOT 1, 2 and 4.
const READY: [u8; 3] = [0x16, 0x12, 0x12];

/// One scan's times.
struct Sample {
    total: Duration,
    scan: Duration,
    check_in: Duration,
    render: Duration,
    print: Duration,
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(bench());
}

async fn bench() {
    let setup = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let backend_db = dir.path().join("backend.sqlite");
    let db = backend_db.clone();
    // Seeded two months before, like the sync tests: its generated bookings stay clear.
    let code = tokio::task::spawn_blocking(move || {
        kiosk_backend::seed_demo_on(&db, 42, date(2026, 1, 20)).unwrap();
        kiosk_backend::create_enrolment_code(&db, LOCATION).unwrap()
    })
    .await
    .unwrap();
    let monday: ZonedDateTime = MONDAY_MORNING.parse().unwrap();
    let backend_clock = kiosk_backend::Clock::manual(monday.timestamp());
    let mut config = ServerConfig::new(backend_db.clone(), "127.0.0.1:0".parse().unwrap());
    // Test data: the synthetic demo eID CA may be trusted.
    config.demo = true;
    config.clock = backend_clock.clone();
    let server = kiosk_backend::spawn(config).await.unwrap();
    let settings = BackendSettings {
        target: BackendTarget::Remote(server.base_url()),
        token_file: dir.path().join("kiosk").join("token"),
        enrolment_code: Some(code),
        connect_timeout: Duration::from_secs(2),
        request_timeout: Duration::from_secs(10),
    };
    let client = sync::connect(&server.base_url(), &settings, "bench-hardware")
        .await
        .unwrap();
    let store = Store::open_in(&dir.path().join("kiosk")).unwrap();

    let sync::Fetched::Modified {
        value: catalogue, ..
    } = client.catalogue(None).await.unwrap()
    else {
        panic!("a first fetch has a body");
    };
    let municipality = catalogue
        .locations
        .iter()
        .find(|l| l.id == LOCATION)
        .map(|l| l.address.municipality.clone())
        .unwrap();
    let service_name = |id: &str| {
        catalogue
            .queue_services
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.name.nl.clone())
            .unwrap()
    };
    let bookings = book(&client, WARM_UP + SCANS).await;

    let (master, _slave, scanner_path) = pty_pair();
    let mut master = master;
    let mut events = scanner::start(&ScannerSettings {
        path: scanner_path,
        baud: 9600,
    })
    .unwrap();
    wait_connected(&mut events).await;

    let (printed_tx, mut printed) = mpsc::unbounded_channel();
    let port = fake_printer(printed_tx);
    let printer = TicketPrinter::new(TicketPrinterConfig {
        // After the last byte: not in the measured span, only in the length of the run.
        settle_ms: 20,
        ..TicketPrinterConfig::new(TransportConfig::Tcp {
            host: "127.0.0.1".into(),
            port,
        })
    })
    .unwrap();
    let i18n = I18n::embedded().unwrap();
    let labels = PrintLabels {
        i18n: &i18n,
        language: Language::Dutch,
    };
    println!(
        "scan_to_ticket: set up in {:.1} s ({} bookings)",
        setup.elapsed().as_secs_f64(),
        bookings.len()
    );

    let mut samples = Vec::with_capacity(SCANS);
    for (n, booking) in bookings.iter().enumerate() {
        // Inside the arrival window: the booked start itself.
        backend_clock.set(booking.start.timestamp());
        let now = booking.start.clone();
        while printed.try_recv().is_ok() {}

        let mut line = booking.qr_payload.clone().into_bytes();
        line.push(b'\r');
        master.write_all(&line).unwrap();
        let written = Instant::now();

        let code = loop {
            match tokio::time::timeout(Duration::from_secs(5), events.next()).await {
                Ok(Some(ScanEvent::Code(code))) => break code,
                Ok(Some(ScanEvent::Connected)) => {}
                Ok(other) => panic!("scanner: {other:?}"),
                Err(_) => panic!("no scan within 5 s"),
            }
        };
        let scanned = Instant::now();
        let outcome = sync::check_in(&client, &store, &code, IdempotencyKey::new(), now.clone())
            .await
            .unwrap();
        let checked_in = Instant::now();
        let CheckInOutcome::Online(done) = outcome else {
            panic!("checked in offline over loopback");
        };
        assert!(done.created, "a fresh ticket for every booking");
        let ticket = Ticket::Queue(QueueTicket {
            municipality: municipality.clone(),
            number: done.ticket.number.clone(),
            service: service_name(&done.ticket.queue_service_id),
            booked_at: done.ticket.booked_start.clone(),
            people_ahead: Some(done.ticket.people_ahead),
            estimated_wait_minutes: Some(done.ticket.estimated_wait_min),
            printed_at: now,
        });
        let bytes = printer.render(&ticket, &labels).unwrap();
        let rendered = Instant::now();
        let length = bytes.len();
        printer.print(bytes).await.unwrap();
        let (last_byte, received) = tokio::time::timeout(Duration::from_secs(5), printed.recv())
            .await
            .expect("the fake printer saw no cut")
            .unwrap();
        assert_eq!(received, length, "the printer got the whole ticket");

        if n >= WARM_UP {
            samples.push(Sample {
                total: last_byte - written,
                scan: scanned - written,
                check_in: checked_in - scanned,
                render: rendered - checked_in,
                print: last_byte - rendered,
            });
        }
    }
    report(&mut samples);
    drop(events);
    server.shutdown().await.unwrap();
}

/// Holds and confirms `count` passport appointments at the town hall from Monday on, in order
/// of their start.
async fn book(client: &Client, count: usize) -> Vec<Booking> {
    let slots = client
        .slots(&SlotsQuery {
            location: LOCATION.into(),
            product: PRODUCT.into(),
            persons: 1,
            from: date(2026, 3, 23),
            to: date(2026, 4, 20),
        })
        .await
        .unwrap();
    let mut bookings = Vec::with_capacity(count);
    for slot in slots {
        if bookings.len() == count {
            break;
        }
        let request = CreateBooking {
            location_id: LOCATION.into(),
            product_id: PRODUCT.into(),
            persons: 1,
            start: slot.start,
            customer: Customer {
                name: "Zoë Testpersoon".into(),
                phone: Some("0470123456".into()),
                email: None,
            },
        };
        let held = client
            .create_booking(&request, IdempotencyKey::new())
            .await
            .unwrap();
        let confirmed = client
            .confirm_booking(held.id, IdempotencyKey::new())
            .await
            .unwrap();
        assert_eq!(confirmed.status, BookingStatus::Confirmed);
        bookings.push(confirmed);
    }
    assert_eq!(bookings.len(), count, "enough free slots");
    bookings.sort_by_key(|b| b.start.timestamp());
    bookings
}

/// A pty pair: the master to write scans into, the slave kept open (so the pty never hangs
/// up while the scanner reopens it), and the slave's path for the scanner.
fn pty_pair() -> (TTYPort, TTYPort, PathBuf) {
    let (master, slave) = TTYPort::pair().expect("a pty pair");
    let path = PathBuf::from(slave.name().expect("the slave pty has a path"));
    (master, slave, path)
}

async fn wait_connected(events: &mut ScanEvents) {
    loop {
        match tokio::time::timeout(Duration::from_secs(5), events.next()).await {
            Ok(Some(ScanEvent::Connected)) => return,
            Ok(Some(ScanEvent::Disconnected)) => {}
            Ok(other) => panic!("scanner before any scan: {other:?}"),
            Err(_) => panic!("the scanner did not open the pty within 5 s"),
        }
    }
}

/// A ready ESC/POS printer on a loopback port. For every ticket it sends when the read that
/// completed the cut returned, and how many print bytes (status requests left out) it got.
fn fake_printer(printed: mpsc::UnboundedSender<(Instant, usize)>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::Builder::new()
        .name("fake-printer".into())
        .spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let printed = printed.clone();
                std::thread::spawn(move || serve(stream, &printed));
            }
        })
        .unwrap();
    port
}

fn serve(mut stream: TcpStream, printed: &mpsc::UnboundedSender<(Instant, usize)>) {
    stream.set_nodelay(true).unwrap();
    let mut buf = [0u8; 8192];
    let mut pending: Vec<u8> = Vec::new();
    let mut job = 0usize;
    loop {
        let n = match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        let arrived = Instant::now();
        pending.extend_from_slice(&buf[..n]);
        let mut i = 0;
        while i < pending.len() {
            match pending[i..] {
                // DLE EOT n: a real-time status request.
                [0x10, 0x04, k, ..] => {
                    let reply = match k {
                        1 => READY[0],
                        2 => READY[1],
                        _ => READY[2],
                    };
                    stream.write_all(&[reply]).unwrap();
                    i += 3;
                }
                [0x10] | [0x10, 0x04] => break,
                // GS V m (3 bytes) or GS V m n (4 bytes, m = 'A', 'B', 'a', 'b', 'g', 'h').
                [0x1D, b'V', m, ..] => {
                    let length = if matches!(m, 65 | 66 | 97 | 98 | 103 | 104) {
                        4
                    } else {
                        3
                    };
                    if pending.len() - i < length {
                        break;
                    }
                    job += length;
                    i += length;
                    let _ = printed.send((arrived, job));
                    job = 0;
                }
                [0x1D] | [0x1D, b'V'] => break,
                _ => {
                    job += 1;
                    i += 1;
                }
            }
        }
        pending.drain(..i);
    }
}

fn report(samples: &mut [Sample]) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = |samples: &mut [Sample], of: fn(&Sample) -> Duration| {
        let mut values: Vec<Duration> = samples.iter().map(of).collect();
        values.sort();
        percentile(&values, 50)
    };
    let scan = median(samples, |s| s.scan);
    let check_in = median(samples, |s| s.check_in);
    let render = median(samples, |s| s.render);
    let print = median(samples, |s| s.print);
    let mut totals: Vec<Duration> = samples.iter().map(|s| s.total).collect();
    totals.sort();
    println!(
        "scan_to_ticket: {} scans, scan's last byte to ticket's last byte: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        totals.len(),
        ms(percentile(&totals, 50)),
        ms(percentile(&totals, 95)),
        ms(*totals.last().unwrap()),
    );
    println!(
        "scan_to_ticket: medians: scan read {:.2} ms, check-in HTTP {:.2} ms, render {:.2} ms, print {:.2} ms",
        ms(scan),
        ms(check_in),
        ms(render),
        ms(print),
    );
}

/// Nearest rank.
fn percentile(sorted: &[Duration], p: usize) -> Duration {
    let rank = (sorted.len() * p).div_ceil(100).max(1);
    sorted[rank - 1]
}
