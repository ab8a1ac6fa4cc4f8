//! The devices hub: what the UI hears of the devices is what the heartbeat reads.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use kiosk_api::{DeviceState, PrinterState};
use kiosk_core::devices::hub::DevicesHub;
use kiosk_core::print::PrinterStatus;

#[test]
fn configured_devices_are_expected_and_the_others_absent() {
    let hub = DevicesHub::new(true, false);
    let status = hub.current();
    assert_eq!(
        status.scanner,
        DeviceState::Fault,
        "configured, not heard from yet"
    );
    assert_eq!(status.card_reader, DeviceState::Absent);
    assert_eq!(status.printer.state, PrinterState::Ok);
}

#[test]
fn the_heartbeat_sees_what_the_ui_reports() {
    let hub = DevicesHub::new(true, true);
    let mut heartbeat = hub.subscribe();
    heartbeat.mark_unchanged();

    hub.scanner_changed(true);
    hub.card_reader_changed(true);
    assert!(heartbeat.has_changed().unwrap());
    let seen = heartbeat.borrow_and_update().clone();
    assert_eq!(seen.scanner, DeviceState::Ok);
    assert_eq!(seen.card_reader, DeviceState::Ok);

    hub.printer_changed(&PrinterStatus::PaperOut);
    let seen = heartbeat.borrow_and_update().clone();
    assert_eq!(seen.printer.state, PrinterState::PaperOut);
    // Reporting the printer leaves the other devices as they were.
    assert_eq!(seen.scanner, DeviceState::Ok);

    hub.card_reader_changed(false);
    assert_eq!(
        heartbeat.borrow_and_update().card_reader,
        DeviceState::Fault
    );
}

#[test]
fn the_same_news_twice_wakes_nobody() {
    let hub = DevicesHub::new(true, true);
    hub.scanner_changed(true);
    let mut heartbeat = hub.subscribe();
    heartbeat.mark_unchanged();
    hub.scanner_changed(true);
    hub.printer_changed(&PrinterStatus::Ready);
    assert!(!heartbeat.has_changed().unwrap());
}

#[test]
fn an_unreachable_printer_is_reported_offline_with_its_reason() {
    let hub = DevicesHub::new(false, false);
    hub.printer_changed(&PrinterStatus::Unreachable("connection refused".into()));
    let printer = hub.current().printer;
    assert_eq!(printer.state, PrinterState::Offline);
    assert_eq!(printer.detail.as_deref(), Some("connection refused"));
}
