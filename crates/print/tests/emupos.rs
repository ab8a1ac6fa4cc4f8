//! Against the emupos printer simulator (TCP 127.0.0.1:9100, its serial pty, control API
//! http://127.0.0.1:8765). These tests FAIL when it is not running: start it with
//! `../shared/tools/emupos up`. Select them with `cargo test --release -p kiosk-print --test emupos`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::HashSet;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;

use common::emupos::*;
use common::{FluentLabels, booking_ticket, queue_ticket, test_ticket};
use kiosk_print::{
    JobState, Journal, PrintError, PrinterStatus, Spooler, Ticket, TicketPrinter,
    TicketPrinterConfig, TransportConfig,
};

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
    printed_after(&spooler, &before).await;
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

/// Prints a ticket of its own after the one under test and waits until it is out: the printer
/// takes jobs in order, so a second copy of the earlier one, had it been sent, is out by then.
/// A positive event to wait for, instead of a quiet moment.
async fn printed_after(spooler: &Spooler, before: &HashSet<String>) {
    let mark = marker();
    let ticket = with_municipality(queue_ticket("Z999"), &format!("Gemeente {mark}"));
    let bytes = spooler
        .printer()
        .render(&ticket, &FluentLabels::new("en"))
        .unwrap();
    let outcome = spooler.print("queue_ticket", bytes).await.unwrap();
    assert_eq!(outcome.state, JobState::Printed, "{:?}", outcome.result);
    wait_for_receipt(before, &mark);
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
    // Printed while the fault lasted, it would be counted twice below.
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
    printed_after(&spooler, &before).await;
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
