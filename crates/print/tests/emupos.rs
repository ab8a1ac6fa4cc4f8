//! Against the emupos printer simulator (TCP 127.0.0.1:9100, its serial pty, control API
//! http://127.0.0.1:8765). These tests FAIL when it is not running: start it with
//! `../shared/tools/emupos up`. Select them with `cargo test --release -p kiosk-print --test emupos`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::HashSet;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{FluentLabels, booking_ticket, queue_ticket, test_ticket};
use kiosk_print::{
    JobState, Journal, PrintError, PrinterStatus, Spooler, Ticket, TicketPrinter,
    TicketPrinterConfig, TransportConfig,
};

/// The control API, `EMUPOS_API` (as for the emupos CLI) or its default.
fn api() -> String {
    std::env::var("EMUPOS_API")
        .unwrap_or_else(|_| "http://127.0.0.1:8765".to_owned())
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_owned()
}
const HINT: &str = "the emupos printer simulator is not reachable at 127.0.0.1:8765/9100: \
                    start it with `../shared/tools/emupos up` (from /work/main)";

/// Faults are global to the simulated printer: these tests take turns.
static TURN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn http(method: &str, path: &str) -> (u16, String) {
    let api = api();
    let mut stream = TcpStream::connect(&api).unwrap_or_else(|e| panic!("{HINT} ({e})"));
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {api}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    // The simulator answers with chunked encoding for some routes; keep only the payload lines.
    (status, dechunk(&body))
}

fn dechunk(body: &str) -> String {
    let mut lines = body.split("\r\n");
    let first = lines.clone().next().unwrap_or_default();
    if !first.is_empty() && first.chars().all(|c| c.is_ascii_hexdigit()) && body.contains("\r\n") {
        let mut out = String::new();
        while let Some(size) = lines.next() {
            if usize::from_str_radix(size.trim(), 16).unwrap_or(0) == 0 {
                break;
            }
            out.push_str(lines.next().unwrap_or_default());
        }
        out
    } else {
        body.to_owned()
    }
}

fn require_emupos() {
    if TcpStream::connect(api()).is_err() || TcpStream::connect("127.0.0.1:9100").is_err() {
        panic!("{HINT}");
    }
}

fn receipt_ids() -> HashSet<String> {
    let (status, body) = http("GET", "/api/v1/devices/front/receipts");
    assert_eq!(status, 200, "{body}");
    let list: serde_json::Value = serde_json::from_str(&body).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

fn receipt_text(id: &str) -> String {
    http("GET", &format!("/api/v1/devices/front/receipts/{id}/text")).1
}

/// New receipts since `before` whose text contains `marker`.
fn receipts_with(before: &HashSet<String>, marker: &str) -> Vec<String> {
    receipt_ids()
        .difference(before)
        .map(|id| receipt_text(id))
        .filter(|text| text.contains(marker))
        .collect()
}

fn wait_for_receipt(before: &HashSet<String>, marker: &str) -> String {
    let start = Instant::now();
    loop {
        if let Some(text) = receipts_with(before, marker).pop() {
            return text;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no receipt with {marker:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn set_fault(fault: &str, on: bool) {
    let method = if on { "PUT" } else { "DELETE" };
    let (status, body) = http(method, &format!("/api/v1/devices/front/faults/{fault}"));
    assert!(
        status == 204 || status == 200,
        "{method} fault {fault}: {status} {body}"
    );
}

fn clear_all_faults() {
    for fault in ["paper-out", "cover-open", "offline", "paper-near-end"] {
        set_fault(fault, false);
    }
}

fn serial_path() -> String {
    let (_, body) = http("GET", "/api/v1/devices");
    let devices: serde_json::Value = serde_json::from_str(&body).unwrap();
    devices
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["id"] == "front")
        .flat_map(|d| d["connections"].as_array().unwrap().iter())
        .find(|c| c["kind"] == "serial")
        .and_then(|c| c["device_path"].as_str())
        .expect("front has a serial connection")
        .to_owned()
}

fn printer(transport: TransportConfig) -> TicketPrinter {
    let mut config = TicketPrinterConfig::new(transport);
    config.columns = kiosk_print::Columns::MM80_48;
    config.settle_ms = 200;
    TicketPrinter::new(config).unwrap()
}

fn tcp() -> TransportConfig {
    TransportConfig::Tcp {
        host: "127.0.0.1".to_owned(),
        port: 9100,
    }
}

fn serial() -> TransportConfig {
    TransportConfig::Serial {
        path: serial_path().into(),
        baud: 38400,
    }
}

/// A marker unique to this run, so that receipts of other tests or teammates never match.
fn marker() -> String {
    format!(
        "T{}",
        &uuid::Uuid::new_v4().simple().to_string()[..8].to_uppercase()
    )
}

fn with_municipality(ticket: Ticket, name: &str) -> Ticket {
    match ticket {
        Ticket::Queue(mut t) => {
            t.municipality = name.to_owned();
            Ticket::Queue(t)
        }
        Ticket::Booking(mut t) => {
            t.municipality = name.to_owned();
            Ticket::Booking(t)
        }
        Ticket::Test(mut t) => {
            t.municipality = name.to_owned();
            Ticket::Test(t)
        }
    }
}

async fn print_and_read(transport: TransportConfig, ticket: Ticket, lang: &str) -> String {
    require_emupos();
    let _turn = TURN.lock().await;
    clear_all_faults();
    let mark = marker();
    let ticket = with_municipality(ticket, &format!("Gemeente {mark}"));
    let printer = printer(transport);
    assert_eq!(printer.status().await, PrinterStatus::Ready);
    let before = receipt_ids();
    let bytes = printer.render(&ticket, &FluentLabels::new(lang)).unwrap();
    printer.print(bytes).await.unwrap();
    wait_for_receipt(&before, &mark)
}

/// Receipt text with line breaks and runs of spaces as single spaces: wrapping is the golden
/// tests' business, content is this file's.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn assert_queue(text: &str) {
    let text = &flat(text);
    assert!(text.contains("B007"), "{text}");
    assert!(text.contains("Reispas"), "{text}");
    assert!(text.contains("Geschätzte Wartezeit: 12 Min."), "{text}");
    assert!(
        text.contains("Achten Sie auf den Bildschirm im Wartesaal."),
        "{text}"
    );
    assert!(text.contains("3 Personen warten vor Ihnen."), "{text}");
    assert!(text.contains("Gedruckt am 03/03/2026 09:12"), "{text}");
}

fn assert_booking(text: &str) {
    let text = &flat(text);
    assert!(text.contains("Lukasz Sahin"), "transliterated: {text}");
    assert!(text.contains("Code de réservation: K7P9X2QA"), "{text}");
    assert!(text.contains("mardi 31/03/2026 10:15"), "{text}");
    assert!(text.contains("À apporter"), "{text}");
    assert!(
        text.contains("[qr https://afspraak.example.be/b/K7P9X2QA?t=9f3a0c5e7d21b846]"),
        "{text}"
    );
    assert!(text.contains("[barcode CODE128 K7P9X2QA]"), "{text}");
}

fn assert_test(text: &str) {
    let text = &flat(text);
    assert!(
        text.contains("àâäçéèêëïîôöùûüÿæœ ÀÉÈÇÖÜ ß € Lukasz Sahin"),
        "{text}"
    );
    assert!(text.contains("[qr KIOSK-TEST-0123456789]"), "{text}");
    assert!(text.contains("[barcode CODE128 TEST1234]"), "{text}");
}

#[tokio::test]
async fn tcp_queue_ticket() {
    assert_queue(&print_and_read(tcp(), queue_ticket("B007"), "de-BE").await);
}

#[tokio::test]
async fn tcp_booking_ticket() {
    assert_booking(&print_and_read(tcp(), booking_ticket("K7P9X2QA"), "fr-BE").await);
}

#[tokio::test]
async fn tcp_test_ticket() {
    assert_test(&print_and_read(tcp(), test_ticket(), "nl-BE").await);
}

#[tokio::test]
async fn serial_queue_ticket() {
    assert_queue(&print_and_read(serial(), queue_ticket("B007"), "de-BE").await);
}

#[tokio::test]
async fn serial_booking_ticket() {
    assert_booking(&print_and_read(serial(), booking_ticket("K7P9X2QA"), "fr-BE").await);
}

#[tokio::test]
async fn serial_test_ticket() {
    assert_test(&print_and_read(serial(), test_ticket(), "nl-BE").await);
}

#[tokio::test]
async fn status_follows_faults_over_tcp_and_serial() {
    require_emupos();
    let _turn = TURN.lock().await;
    clear_all_faults();
    for transport in [tcp(), serial()] {
        let printer = printer(transport);
        for (fault, expected) in [
            ("paper-near-end", PrinterStatus::PaperNearEnd),
            ("paper-out", PrinterStatus::PaperOut),
            ("cover-open", PrinterStatus::CoverOpen),
            ("offline", PrinterStatus::Offline),
        ] {
            set_fault(fault, true);
            assert_eq!(printer.status().await, expected, "{fault}");
            set_fault(fault, false);
            assert_eq!(
                printer.status().await,
                PrinterStatus::Ready,
                "{fault} cleared"
            );
        }
    }
}

fn spooler(transport: TransportConfig) -> (Spooler, Arc<Journal>) {
    let journal = Arc::new(Journal::open_in_memory().unwrap());
    (
        Spooler::new(printer(transport), journal.clone(), "ticket"),
        journal,
    )
}

#[tokio::test]
async fn paper_out_before_printing_is_refused_then_printed_once_after_clear() {
    require_emupos();
    let _turn = TURN.lock().await;
    clear_all_faults();
    let mark = marker();
    let (spooler, journal) = spooler(tcp());
    let ticket = with_municipality(queue_ticket("C042"), &format!("Gemeente {mark}"));
    let bytes = spooler
        .printer()
        .render(&ticket, &FluentLabels::new("nl-BE"))
        .unwrap();
    let before = receipt_ids();

    set_fault("paper-out", true);
    let outcome = spooler.print("queue_ticket", bytes).await.unwrap();
    assert!(
        matches!(
            outcome.result,
            Err(PrintError::NotReady(PrinterStatus::PaperOut))
        ),
        "{:?}",
        outcome.result
    );
    assert!(
        spooler.recover().await.unwrap().is_empty(),
        "nothing while the paper is out"
    );

    set_fault("paper-out", false);
    assert_eq!(spooler.recover().await.unwrap(), vec![outcome.id]);
    assert!(spooler.recover().await.unwrap().is_empty());
    wait_for_receipt(&before, &mark);
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(
        receipts_with(&before, &mark).len(),
        1,
        "printed exactly once"
    );
    assert_eq!(
        journal.get(outcome.id).unwrap().unwrap().state,
        JobState::Printed
    );
}

/// A TCP proxy to emupos that raises `fault` just before the first print data reaches the
/// printer: a fault during the job, at a deterministic moment.
fn fault_injecting_proxy(fault: &'static str) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        let mut injected = false;
        for client in listener.incoming() {
            let Ok(mut client) = client else { continue };
            let mut upstream = TcpStream::connect("127.0.0.1:9100").unwrap();
            let mut client_reader = client.try_clone().unwrap();
            let mut upstream_writer = upstream.try_clone().unwrap();
            std::thread::spawn(move || {
                let _ = std::io::copy(&mut upstream, &mut client);
            });
            let mut buf = [0u8; 8192];
            loop {
                let n = match client_reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => n,
                };
                let status_request = n == 3 && buf[0] == 0x10 && buf[1] == 0x04;
                if !status_request && !injected {
                    set_fault(fault, true);
                    injected = true;
                }
                if upstream_writer.write_all(&buf[..n]).is_err() {
                    break;
                }
            }
        }
    });
    port
}

async fn fault_during_job(fault: &'static str, expected: PrinterStatus) {
    require_emupos();
    let _turn = TURN.lock().await;
    clear_all_faults();
    let mark = marker();
    let port = fault_injecting_proxy(fault);
    let (spooler, journal) = spooler(TransportConfig::Tcp {
        host: "127.0.0.1".to_owned(),
        port,
    });
    let ticket = with_municipality(queue_ticket("D013"), &format!("Gemeente {mark}"));
    let bytes = spooler
        .printer()
        .render(&ticket, &FluentLabels::new("en"))
        .unwrap();
    let before = receipt_ids();

    let outcome = spooler.print("queue_ticket", bytes).await.unwrap();
    match &outcome.result {
        Err(PrintError::FaultDuringJob(status)) => assert_eq!(*status, expected),
        other => panic!("expected a fault during the job, got {other:?}"),
    }
    assert_eq!(outcome.state, JobState::Held);
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        receipts_with(&before, &mark).is_empty(),
        "nothing printed while the fault lasts"
    );
    assert!(
        spooler.recover().await.unwrap().is_empty(),
        "no recovery while the fault lasts"
    );

    set_fault(fault, false); // `emupos cli fault clear front <fault>`
    assert_eq!(spooler.recover().await.unwrap(), vec![outcome.id]);
    assert!(spooler.recover().await.unwrap().is_empty());
    let text = wait_for_receipt(&before, &mark);
    assert!(
        flat(&text).contains("Watch the screen in the waiting room."),
        "{text}"
    );
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(
        receipts_with(&before, &mark).len(),
        1,
        "printed exactly once"
    );
    assert_eq!(
        journal.get(outcome.id).unwrap().unwrap().state,
        JobState::Printed
    );
}

#[tokio::test]
async fn paper_out_during_job_fails_then_prints_once_after_clear() {
    fault_during_job("paper-out", PrinterStatus::PaperOut).await;
}

#[tokio::test]
async fn cover_open_during_job_fails_then_prints_once_after_clear() {
    fault_during_job("cover-open", PrinterStatus::CoverOpen).await;
}
