//! One owner of what the kiosk knows about its devices. The UI reports what its subscriptions
//! hear (printer status, scanner connected or not, card reader attached or not); the heartbeat
//! and the staff screen read the same picture, so the backend never hears "absent" for a device
//! the kiosk is using.

use std::sync::Arc;

use kiosk_api::{DeviceState, PrinterState, PrinterStatus as WirePrinterStatus};
use tokio::sync::watch;

use crate::print::PrinterStatus;
use crate::sync::DeviceStatus;

/// Shared by the UI (which writes) and the sync (which reads); cheap to clone.
#[derive(Clone)]
pub struct DevicesHub {
    status: Arc<watch::Sender<DeviceStatus>>,
}

impl DevicesHub {
    /// A device that is configured starts as `Fault` until it reports: the kiosk expects it
    /// and has not heard from it. One that is not configured is `Absent`.
    pub fn new(scanner_configured: bool, card_reader_configured: bool) -> Self {
        let expected = |configured: bool| {
            if configured {
                DeviceState::Fault
            } else {
                DeviceState::Absent
            }
        };
        let status = DeviceStatus {
            scanner: expected(scanner_configured),
            card_reader: expected(card_reader_configured),
            ..DeviceStatus::default()
        };
        Self {
            status: Arc::new(watch::channel(status).0),
        }
    }

    /// The devices as they are now, and every change after.
    pub fn subscribe(&self) -> watch::Receiver<DeviceStatus> {
        self.status.subscribe()
    }

    pub fn current(&self) -> DeviceStatus {
        self.status.borrow().clone()
    }

    pub fn printer_changed(&self, status: &PrinterStatus) {
        let (state, detail) = wire_printer_state(status);
        let next = WirePrinterStatus { state, detail };
        self.status.send_if_modified(|devices| {
            let changed = devices.printer != next;
            devices.printer = next;
            changed
        });
    }

    /// The serial scanner's port opened (`true`) or went away.
    pub fn scanner_changed(&self, connected: bool) {
        self.set(|devices| &mut devices.scanner, connected);
    }

    /// A PC/SC reader (or the demo card's) is attached (`true`) or gone.
    pub fn card_reader_changed(&self, attached: bool) {
        self.set(|devices| &mut devices.card_reader, attached);
    }

    fn set(&self, device: impl Fn(&mut DeviceStatus) -> &mut DeviceState, working: bool) {
        let next = if working {
            DeviceState::Ok
        } else {
            DeviceState::Fault
        };
        self.status.send_if_modified(|devices| {
            let slot = device(devices);
            let changed = *slot != next;
            *slot = next;
            changed
        });
    }
}

fn wire_printer_state(status: &PrinterStatus) -> (PrinterState, Option<String>) {
    match status {
        PrinterStatus::Ready | PrinterStatus::NotReported => (PrinterState::Ok, None),
        PrinterStatus::PaperNearEnd => (PrinterState::PaperLow, None),
        PrinterStatus::PaperOut => (PrinterState::PaperOut, None),
        PrinterStatus::CoverOpen => (PrinterState::CoverOpen, None),
        PrinterStatus::Offline => (PrinterState::Offline, None),
        PrinterStatus::Unreachable(why) => (PrinterState::Offline, Some(why.clone())),
    }
}
